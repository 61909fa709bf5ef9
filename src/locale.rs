//! Locales and bilingual text. Owns nothing but the vocabulary types; no rule logic.

use serde::{Deserialize, Serialize};

/// The two locales the component speaks. zh-CN is the default everywhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Locale {
    /// Simplified Chinese, the default.
    #[default]
    #[serde(rename = "zh-CN")]
    ZhCn,
    /// English, the second locale.
    #[serde(rename = "en")]
    En,
}

impl Locale {
    /// Parses `zh-CN`, `zh`, `zh-Hans-CN`, `en`, `en-US` …; anything else is `None`.
    pub fn parse(tag: &str) -> Option<Locale> {
        let lower = tag.trim().to_ascii_lowercase();
        if lower == "zh" || lower.starts_with("zh-") {
            Some(Locale::ZhCn)
        } else if lower == "en" || lower.starts_with("en-") {
            Some(Locale::En)
        } else {
            None
        }
    }

    /// The BCP 47 tag used in markup (`lang` attributes) and on the wire.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::ZhCn => "zh-CN",
            Locale::En => "en",
        }
    }
}

/// A text in both locales. Templates may omit `en`; Chinese is then shown in both.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Text {
    /// Simplified Chinese.
    pub zh: String,
    /// English gloss; falls back to `zh` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

impl Text {
    /// A text with both locales given.
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Text {
        Text { zh: zh.into(), en: Some(en.into()) }
    }

    /// The text in `locale`, falling back to Chinese.
    pub fn get(&self, locale: Locale) -> &str {
        match locale {
            Locale::ZhCn => &self.zh,
            Locale::En => self.en.as_deref().filter(|s| !s.is_empty()).unwrap_or(&self.zh),
        }
    }
}
