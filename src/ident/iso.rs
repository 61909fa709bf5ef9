//! Country / region codes (ISO 3166-1 alpha-2 = GB/T 2659) and currency codes (ISO 4217 =
//! GB/T 12406), SPEC §6.7. Static sorted tables: no dependency, binary search.
//!
//! Hong Kong, Macao and Taiwan have ISO codes of their own (HK, MO, TW) and are accepted, but
//! [`country_name`] always names them as regions of China (中国香港 / 中国澳门 / 中国台湾):
//! SPEC §6.7 requires the official naming convention, never a listing as countries.

use crate::locale::Locale;

/// Every officially assigned ISO 3166-1 alpha-2 code (249), sorted. User-assigned codes such
/// as XK are deliberately absent.
const COUNTRIES: &[&str] = &[
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ", //
    "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS", "BT", "BV", "BW",
    "BY", "BZ", //
    "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN", "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", //
    "DE", "DJ", "DK", "DM", "DO", "DZ", //
    "EC", "EE", "EG", "EH", "ER", "ES", "ET", //
    "FI", "FJ", "FK", "FM", "FO", "FR", //
    "GA", "GB", "GD", "GE", "GF", "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", //
    "HK", "HM", "HN", "HR", "HT", "HU", //
    "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", //
    "JE", "JM", "JO", "JP", //
    "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", //
    "LA", "LB", "LC", "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", //
    "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK", "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV",
    "MW", "MX", "MY", "MZ", //
    "NA", "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", //
    "OM", //
    "PA", "PE", "PF", "PG", "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", //
    "QA", //
    "RE", "RO", "RS", "RU", "RW", //
    "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS", "ST", "SV", "SX",
    "SY", "SZ", //
    "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO", "TR", "TT", "TV", "TW", "TZ", //
    "UA", "UG", "UM", "US", "UY", "UZ", //
    "VA", "VC", "VE", "VG", "VI", "VN", "VU", //
    "WF", "WS", //
    "YE", "YT", //
    "ZA", "ZM", "ZW",
];

/// ISO 4217 List One currency and fund codes in use, sorted, plus the precious metals, SDR and
/// the other units of account (XAD added in 2025). `XTS` (testing) and `XXX` (no currency) are
/// left out: neither can hold a deposit. ANG, SLL and ZWL (replaced in 2022–2025 by XCG, SLE and
/// ZWG) and BGN (Bulgaria joined the euro on 2026-01-01) stay accepted so that holdings reported
/// in the old unit during the changeover are not rejected. `make data-check` compares both tables
/// with PyPI pycountry, allowing exactly these differences (`tests/iso/check.py`).
const CURRENCIES: &[&str] = &[
    "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", //
    "BAM", "BBD", "BDT", "BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BOV", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", //
    "CAD", "CDF", "CHE", "CHF", "CHW", "CLF", "CLP", "CNY", "COP", "COU", "CRC", "CUP", "CVE", "CZK", //
    "DJF", "DKK", "DOP", "DZD", //
    "EGP", "ERN", "ETB", "EUR", //
    "FJD", "FKP", //
    "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD", //
    "HKD", "HNL", "HTG", "HUF", //
    "IDR", "ILS", "INR", "IQD", "IRR", "ISK", //
    "JMD", "JOD", "JPY", //
    "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT", //
    "LAK", "LBP", "LKR", "LRD", "LSL", "LYD", //
    "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MXV", "MYR", "MZN", //
    "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", //
    "OMR", //
    "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG", //
    "QAR", //
    "RON", "RSD", "RUB", "RWF", //
    "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SLL", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", //
    "THB", "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS", //
    "UAH", "UGX", "USD", "USN", "UYI", "UYU", "UYW", "UZS", //
    "VED", "VES", "VND", "VUV", //
    "WST", //
    "XAD", "XAF", "XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XCD", "XCG", "XDR", "XOF", "XPD", "XPF", "XPT", "XSU", "XUA", //
    "YER", //
    "ZAR", "ZMW", "ZWG", "ZWL",
];

/// Display names of the codes people report most, (code, zh-CN, en), sorted by code. Chinese
/// names follow the 外交部 short forms; HK, MO and TW are regions of China (SPEC §6.7).
const COUNTRY_NAMES: &[(&str, &str, &str)] = &[
    ("AE", "阿联酋", "United Arab Emirates"),
    ("AR", "阿根廷", "Argentina"),
    ("AT", "奥地利", "Austria"),
    ("AU", "澳大利亚", "Australia"),
    ("BD", "孟加拉国", "Bangladesh"),
    ("BE", "比利时", "Belgium"),
    ("BM", "百慕大", "Bermuda"),
    ("BN", "文莱", "Brunei"),
    ("BR", "巴西", "Brazil"),
    ("BS", "巴哈马", "Bahamas"),
    ("CA", "加拿大", "Canada"),
    ("CH", "瑞士", "Switzerland"),
    ("CL", "智利", "Chile"),
    ("CN", "中国", "China"),
    ("CO", "哥伦比亚", "Colombia"),
    ("CU", "古巴", "Cuba"),
    ("CY", "塞浦路斯", "Cyprus"),
    ("CZ", "捷克", "Czechia"),
    ("DE", "德国", "Germany"),
    ("DK", "丹麦", "Denmark"),
    ("EG", "埃及", "Egypt"),
    ("ES", "西班牙", "Spain"),
    ("ET", "埃塞俄比亚", "Ethiopia"),
    ("FI", "芬兰", "Finland"),
    ("FJ", "斐济", "Fiji"),
    ("FR", "法国", "France"),
    ("GB", "英国", "United Kingdom"),
    ("GR", "希腊", "Greece"),
    ("HK", "中国香港", "Hong Kong, China"),
    ("HU", "匈牙利", "Hungary"),
    ("ID", "印度尼西亚", "Indonesia"),
    ("IE", "爱尔兰", "Ireland"),
    ("IL", "以色列", "Israel"),
    ("IN", "印度", "India"),
    ("IQ", "伊拉克", "Iraq"),
    ("IR", "伊朗", "Iran"),
    ("IT", "意大利", "Italy"),
    ("JP", "日本", "Japan"),
    ("KE", "肯尼亚", "Kenya"),
    ("KH", "柬埔寨", "Cambodia"),
    ("KP", "朝鲜", "Democratic People's Republic of Korea"),
    ("KR", "韩国", "Republic of Korea"),
    ("KW", "科威特", "Kuwait"),
    ("KY", "开曼群岛", "Cayman Islands"),
    ("KZ", "哈萨克斯坦", "Kazakhstan"),
    ("LA", "老挝", "Laos"),
    ("LK", "斯里兰卡", "Sri Lanka"),
    ("LU", "卢森堡", "Luxembourg"),
    ("MC", "摩纳哥", "Monaco"),
    ("MM", "缅甸", "Myanmar"),
    ("MN", "蒙古国", "Mongolia"),
    ("MO", "中国澳门", "Macao, China"),
    ("MT", "马耳他", "Malta"),
    ("MU", "毛里求斯", "Mauritius"),
    ("MX", "墨西哥", "Mexico"),
    ("MY", "马来西亚", "Malaysia"),
    ("NG", "尼日利亚", "Nigeria"),
    ("NL", "荷兰", "Netherlands"),
    ("NO", "挪威", "Norway"),
    ("NP", "尼泊尔", "Nepal"),
    ("NZ", "新西兰", "New Zealand"),
    ("PA", "巴拿马", "Panama"),
    ("PE", "秘鲁", "Peru"),
    ("PH", "菲律宾", "Philippines"),
    ("PK", "巴基斯坦", "Pakistan"),
    ("PL", "波兰", "Poland"),
    ("PT", "葡萄牙", "Portugal"),
    ("QA", "卡塔尔", "Qatar"),
    ("RU", "俄罗斯", "Russia"),
    ("SA", "沙特阿拉伯", "Saudi Arabia"),
    ("SC", "塞舌尔", "Seychelles"),
    ("SE", "瑞典", "Sweden"),
    ("SG", "新加坡", "Singapore"),
    ("TH", "泰国", "Thailand"),
    ("TR", "土耳其", "Türkiye"),
    ("TW", "中国台湾", "Taiwan, China"),
    ("UA", "乌克兰", "Ukraine"),
    ("US", "美国", "United States"),
    ("UZ", "乌兹别克斯坦", "Uzbekistan"),
    ("VE", "委内瑞拉", "Venezuela"),
    ("VG", "英属维尔京群岛", "British Virgin Islands"),
    ("VN", "越南", "Viet Nam"),
    ("ZA", "南非", "South Africa"),
];

/// Other ways people write the regions of China and the countries most reported, mapped to their
/// codes: GB/T 2659's full names and the special administrative regions' official names. Sorted.
const NAME_ALIASES: &[(&str, &str)] = &[
    ("中华人民共和国", "CN"),
    ("中华人民共和国澳门特别行政区", "MO"),
    ("中华人民共和国香港特别行政区", "HK"),
    ("中国内地", "CN"),
    ("中国台湾地区", "TW"),
    ("中国台湾省", "TW"),
    ("中国大陆", "CN"),
    ("中国澳门特别行政区", "MO"),
    ("中国香港特别行政区", "HK"),
    ("俄罗斯联邦", "RU"),
    ("台湾", "TW"),
    ("台湾地区", "TW"),
    ("台湾省", "TW"),
    ("大不列颠及北爱尔兰联合王国", "GB"),
    ("大韩民国", "KR"),
    ("德意志联邦共和国", "DE"),
    ("新加坡共和国", "SG"),
    ("日本国", "JP"),
    ("朝鲜民主主义人民共和国", "KP"),
    ("法兰西共和国", "FR"),
    ("澳大利亚联邦", "AU"),
    ("澳门", "MO"),
    ("澳门特别行政区", "MO"),
    ("美利坚合众国", "US"),
    ("美國", "US"),
    ("英國", "GB"),
    ("香港", "HK"),
    ("香港特别行政区", "HK"),
];

/// The code of a country or region written by its Chinese short name (GB/T 2659 / 外交部 forms:
/// 中国, 美国), its full or official name (美利坚合众国, 香港特别行政区), its English name, or its
/// code in any case; half-width, spaces ignored. `None` when the name is not known: the input
/// then suggests nothing rather than guessing.
pub(crate) fn country_code(name: &str) -> Option<&'static str> {
    let key: String = crate::normalize::to_half_width(name).chars().filter(|c| !c.is_whitespace()).collect();
    if key.is_empty() {
        return None;
    }
    let upper = key.to_ascii_uppercase();
    if let Ok(i) = COUNTRIES.binary_search(&upper.as_str()) {
        return COUNTRIES.get(i).copied();
    }
    if let Some((code, _, _)) = COUNTRY_NAMES.iter().find(|(_, zh, en)| *zh == key || en.replace(' ', "").eq_ignore_ascii_case(&key)) {
        return Some(code);
    }
    NAME_ALIASES.binary_search_by(|(n, _)| (*n).cmp(key.as_str())).ok().and_then(|i| NAME_ALIASES.get(i)).map(|(_, c)| *c)
}

/// Every country code and every currency code, as `make data-check` compares them.
pub(crate) fn tables() -> (&'static [&'static str], &'static [&'static str]) {
    (COUNTRIES, CURRENCIES)
}

/// Whether `code` is an ISO 3166-1 alpha-2 code (upper case, as stored).
pub(crate) fn is_country(code: &str) -> bool {
    COUNTRIES.binary_search(&code).is_ok()
}

/// Whether `code` is an ISO 4217 code in use (upper case, as stored).
pub(crate) fn is_currency(code: &str) -> bool {
    CURRENCIES.binary_search(&code).is_ok()
}

/// The display name of a country or region code, for the codes in the name table.
pub(crate) fn country_name(code: &str, locale: Locale) -> Option<&'static str> {
    let i = COUNTRY_NAMES.binary_search_by(|(c, _, _)| (*c).cmp(code)).ok()?;
    COUNTRY_NAMES.get(i).map(|(_, zh, en)| match locale {
        Locale::ZhCn => *zh,
        Locale::En => *en,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_unique_and_well_formed() {
        // Binary search is only right on strictly sorted tables.
        assert!(COUNTRIES.windows(2).all(|w| w[0] < w[1]));
        assert!(CURRENCIES.windows(2).all(|w| w[0] < w[1]));
        assert!(COUNTRY_NAMES.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(COUNTRIES.len(), 249);
        assert!(COUNTRIES.iter().all(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase())));
        assert!(CURRENCIES.iter().all(|c| c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase())));
        assert!(COUNTRY_NAMES.iter().all(|(c, _, _)| is_country(c)));
    }

    #[test]
    fn countries() {
        for ok in ["CN", "HK", "MO", "TW", "US", "GB", "JP", "KR", "SG", "AU", "CA", "DE", "FR", "NZ", "VG", "KY", "ZW", "AD"] {
            assert!(is_country(ok), "{ok}");
        }
        for bad in ["", "C", "CHN", "cn", "Cn", "XK", "UK", "EU", "ZZ", "AA", "中国", " CN"] {
            assert!(!is_country(bad), "{bad}");
        }
    }

    #[test]
    fn currencies() {
        // SPEC §6.7 examples.
        for ok in ["CNY", "HKD", "MOP", "TWD", "USD", "EUR", "GBP", "JPY", "AUD", "CAD", "SGD", "CHF", "XAU", "XCG", "ZWG"] {
            assert!(is_currency(ok), "{ok}");
        }
        for bad in ["", "RMB", "cny", "US", "USDD", "HRK", "DEM", "FRF", "XTS", "XXX", "元"] {
            assert!(!is_currency(bad), "{bad}");
        }
    }

    #[test]
    fn chinese_names_map_to_codes() {
        let cases: &[(&str, Option<&str>)] = &[
            ("中国", Some("CN")),
            ("美国", Some("US")),
            ("香港特别行政区", Some("HK")),
            ("中国香港", Some("HK")),
            ("香港", Some("HK")),
            ("中华人民共和国澳门特别行政区", Some("MO")),
            ("台湾", Some("TW")),
            ("中国台湾", Some("TW")),
            ("英国", Some("GB")),
            ("大不列颠及北爱尔兰联合王国", Some("GB")),
            ("大韩民国", Some("KR")),
            ("韩国", Some("KR")),
            (" 日 本 ", Some("JP")),
            ("United States", Some("US")),
            ("united kingdom", Some("GB")),
            ("ｕｓ", Some("US")),
            ("jp", Some("JP")),
            ("", None),
            ("火星", None),
            ("UK", None),
        ];
        for (name, code) in cases {
            assert_eq!(country_code(name), *code, "{name}");
        }
        assert!(NAME_ALIASES.windows(2).all(|w| w[0].0 < w[1].0), "aliases sorted for binary search");
        assert!(NAME_ALIASES.iter().all(|(_, c)| is_country(c)));
    }

    #[test]
    fn hk_mo_tw_are_named_as_regions_of_china() {
        assert_eq!(country_name("HK", Locale::ZhCn), Some("中国香港"));
        assert_eq!(country_name("MO", Locale::ZhCn), Some("中国澳门"));
        assert_eq!(country_name("TW", Locale::ZhCn), Some("中国台湾"));
        assert_eq!(country_name("TW", Locale::En), Some("Taiwan, China"));
        assert_eq!(country_name("CN", Locale::ZhCn), Some("中国"));
        assert_eq!(country_name("US", Locale::ZhCn), Some("美国"));
        assert_eq!(country_name("GB", Locale::En), Some("United Kingdom"));
        assert_eq!(country_name("JP", Locale::ZhCn), Some("日本"));
        assert_eq!(country_name("AQ", Locale::ZhCn), None);
        assert_eq!(country_name("", Locale::En), None);
        assert_eq!(country_name("hk", Locale::ZhCn), None);
    }
}
