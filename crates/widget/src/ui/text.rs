//! The words of the view in each locale.

use checklist_core::locale::Locale;

/// `zh` or `en`, by the locale.
pub fn t(l: Locale, zh: &'static str, en: &'static str) -> &'static str {
    if l == Locale::En {
        en
    } else {
        zh
    }
}
