//! Looking words up in the catalogue of a locale.

use super::en;
use super::key::{P, W};
use super::zh_cn;
use crate::ui::store::notice::Notice;
use checklist_core::locale::Locale;

/// The word `w` in locale `l`.
pub fn w(l: Locale, w: W) -> &'static str {
    match l {
        Locale::ZhCn => zh_cn::word(w),
        Locale::En => en::word(w),
    }
}

/// Phrase `p` in locale `l`.
pub fn say(l: Locale, p: P<'_>) -> String {
    match l {
        Locale::ZhCn => zh_cn::say(p),
        Locale::En => en::say(p),
    }
}

/// What notice `n` says in locale `l`.
pub fn notice(l: Locale, n: &Notice) -> String {
    match l {
        Locale::ZhCn => zh_cn::notice(n),
        Locale::En => en::notice(n),
    }
}
