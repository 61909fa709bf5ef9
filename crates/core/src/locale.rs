//! Locales and bilingual text. Owns nothing but the vocabulary types; no rule logic.

use serde::Serialize;

/// The two locales the component speaks. zh-CN is the default everywhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
pub enum Locale {
    /// Simplified Chinese, the default.
    #[default]
    #[serde(rename = "zh-CN")]
    ZhCn,
    /// English, the second locale.
    #[serde(rename = "en")]
    En,
}

crate::from_json_enum!(Locale { ZhCn = "zh-CN", En = "en" });

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
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Text {
    /// Simplified Chinese.
    pub zh: String,
    /// English gloss; falls back to `zh` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

crate::from_json_struct!(Text [lenient] { zh, en });

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

/// A `YYYY-MM-DD` date as people read it: `2026年1月15日` in Chinese (GB/T 9704 style); as given
/// in English and for anything else.
pub fn date(l: Locale, s: &str) -> String {
    let parts: Vec<&str> = s.split('-').collect();
    match (l, parts.as_slice()) {
        (Locale::ZhCn, [y, m, d]) if y.len() == 4 && y.bytes().all(|c| c.is_ascii_digit()) => match (m.parse::<u32>(), d.parse::<u32>()) {
            (Ok(m), Ok(d)) => format!("{y}年{m}月{d}日"),
            _ => s.to_owned(),
        },
        _ => s.to_owned(),
    }
}

/// A time stamp (`2026-11-30T08:51:15+08:00`, Beijing time) as people read it:
/// `2026年11月30日 08:51` in Chinese, `2026-11-30 08:51` in English; any other text as given.
pub fn stamp(l: Locale, s: &str) -> String {
    let (Some(day), Some(time)) = (s.get(..10), s.get(11..16)) else { return s.to_owned() };
    let b = s.as_bytes();
    if b[10] != b'T' || b[13] != b':' || !time.bytes().enumerate().all(|(i, c)| i == 2 || c.is_ascii_digit()) {
        return s.to_owned();
    }
    format!("{} {time}", date(l, day))
}

#[cfg(test)]
mod display_tests {
    use super::*;

    #[test]
    fn dates_and_stamps_read_as_people_write_them() {
        assert_eq!(date(Locale::ZhCn, "2026-01-05"), "2026年1月5日");
        assert_eq!(date(Locale::En, "2026-01-05"), "2026-01-05");
        assert_eq!(date(Locale::ZhCn, "2026-1"), "2026-1");
        assert_eq!(stamp(Locale::ZhCn, "2026-11-30T08:51:15+08:00"), "2026年11月30日 08:51");
        assert_eq!(stamp(Locale::En, "2026-11-30T08:51:15+08:00"), "2026-11-30 08:51");
        assert_eq!(stamp(Locale::ZhCn, "昨天"), "昨天");
        assert_eq!(stamp(Locale::ZhCn, ""), "");
    }
}
