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
    "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS", "BT", "BV", "BW", "BY", "BZ", //
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
    "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK", "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY",
    "MZ", //
    "NA", "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", //
    "OM", //
    "PA", "PE", "PF", "PG", "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", //
    "QA", //
    "RE", "RO", "RS", "RU", "RW", //
    "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS", "ST", "SV", "SX", "SY", "SZ", //
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

/// Display names of every code in [`COUNTRIES`], (code, zh-CN, en), sorted by code. Chinese names
/// follow the 外交部 / GB/T 2659 short forms; HK, MO and TW are regions of China (SPEC §6.7), EH is
/// 西撒哈拉 and FK 马尔维纳斯群岛（福克兰）. `make data-check` compares the Chinese names with the CLDR
/// names of npm `i18n-iso-countries` (tests/iso/check-names.mjs lists the deliberate differences).
const COUNTRY_NAMES: &[(&str, &str, &str)] = &[
    ("AD", "安道尔", "Andorra"),
    ("AE", "阿联酋", "United Arab Emirates"),
    ("AF", "阿富汗", "Afghanistan"),
    ("AG", "安提瓜和巴布达", "Antigua and Barbuda"),
    ("AI", "安圭拉", "Anguilla"),
    ("AL", "阿尔巴尼亚", "Albania"),
    ("AM", "亚美尼亚", "Armenia"),
    ("AO", "安哥拉", "Angola"),
    ("AQ", "南极洲", "Antarctica"),
    ("AR", "阿根廷", "Argentina"),
    ("AS", "美属萨摩亚", "American Samoa"),
    ("AT", "奥地利", "Austria"),
    ("AU", "澳大利亚", "Australia"),
    ("AW", "阿鲁巴", "Aruba"),
    ("AX", "奥兰", "Åland Islands"),
    ("AZ", "阿塞拜疆", "Azerbaijan"),
    ("BA", "波黑", "Bosnia and Herzegovina"),
    ("BB", "巴巴多斯", "Barbados"),
    ("BD", "孟加拉国", "Bangladesh"),
    ("BE", "比利时", "Belgium"),
    ("BF", "布基纳法索", "Burkina Faso"),
    ("BG", "保加利亚", "Bulgaria"),
    ("BH", "巴林", "Bahrain"),
    ("BI", "布隆迪", "Burundi"),
    ("BJ", "贝宁", "Benin"),
    ("BL", "圣巴泰勒米", "Saint Barthélemy"),
    ("BM", "百慕大", "Bermuda"),
    ("BN", "文莱", "Brunei"),
    ("BO", "玻利维亚", "Bolivia"),
    ("BQ", "荷兰加勒比区", "Bonaire, Sint Eustatius and Saba"),
    ("BR", "巴西", "Brazil"),
    ("BS", "巴哈马", "Bahamas"),
    ("BT", "不丹", "Bhutan"),
    ("BV", "布韦岛", "Bouvet Island"),
    ("BW", "博茨瓦纳", "Botswana"),
    ("BY", "白俄罗斯", "Belarus"),
    ("BZ", "伯利兹", "Belize"),
    ("CA", "加拿大", "Canada"),
    ("CC", "科科斯（基林）群岛", "Cocos (Keeling) Islands"),
    ("CD", "刚果（金）", "Democratic Republic of the Congo"),
    ("CF", "中非", "Central African Republic"),
    ("CG", "刚果（布）", "Republic of the Congo"),
    ("CH", "瑞士", "Switzerland"),
    ("CI", "科特迪瓦", "Côte d'Ivoire"),
    ("CK", "库克群岛", "Cook Islands"),
    ("CL", "智利", "Chile"),
    ("CM", "喀麦隆", "Cameroon"),
    ("CN", "中国", "China"),
    ("CO", "哥伦比亚", "Colombia"),
    ("CR", "哥斯达黎加", "Costa Rica"),
    ("CU", "古巴", "Cuba"),
    ("CV", "佛得角", "Cape Verde"),
    ("CW", "库拉索", "Curaçao"),
    ("CX", "圣诞岛", "Christmas Island"),
    ("CY", "塞浦路斯", "Cyprus"),
    ("CZ", "捷克", "Czechia"),
    ("DE", "德国", "Germany"),
    ("DJ", "吉布提", "Djibouti"),
    ("DK", "丹麦", "Denmark"),
    ("DM", "多米尼克", "Dominica"),
    ("DO", "多米尼加", "Dominican Republic"),
    ("DZ", "阿尔及利亚", "Algeria"),
    ("EC", "厄瓜多尔", "Ecuador"),
    ("EE", "爱沙尼亚", "Estonia"),
    ("EG", "埃及", "Egypt"),
    ("EH", "西撒哈拉", "Western Sahara"),
    ("ER", "厄立特里亚", "Eritrea"),
    ("ES", "西班牙", "Spain"),
    ("ET", "埃塞俄比亚", "Ethiopia"),
    ("FI", "芬兰", "Finland"),
    ("FJ", "斐济", "Fiji"),
    ("FK", "马尔维纳斯群岛（福克兰）", "Falkland Islands (Malvinas)"),
    ("FM", "密克罗尼西亚联邦", "Micronesia"),
    ("FO", "法罗群岛", "Faroe Islands"),
    ("FR", "法国", "France"),
    ("GA", "加蓬", "Gabon"),
    ("GB", "英国", "United Kingdom"),
    ("GD", "格林纳达", "Grenada"),
    ("GE", "格鲁吉亚", "Georgia"),
    ("GF", "法属圭亚那", "French Guiana"),
    ("GG", "根西", "Guernsey"),
    ("GH", "加纳", "Ghana"),
    ("GI", "直布罗陀", "Gibraltar"),
    ("GL", "格陵兰", "Greenland"),
    ("GM", "冈比亚", "Gambia"),
    ("GN", "几内亚", "Guinea"),
    ("GP", "瓜德罗普", "Guadeloupe"),
    ("GQ", "赤道几内亚", "Equatorial Guinea"),
    ("GR", "希腊", "Greece"),
    ("GS", "南乔治亚和南桑威奇群岛", "South Georgia and the South Sandwich Islands"),
    ("GT", "危地马拉", "Guatemala"),
    ("GU", "关岛", "Guam"),
    ("GW", "几内亚比绍", "Guinea-Bissau"),
    ("GY", "圭亚那", "Guyana"),
    ("HK", "中国香港", "Hong Kong, China"),
    ("HM", "赫德岛和麦克唐纳群岛", "Heard Island and McDonald Islands"),
    ("HN", "洪都拉斯", "Honduras"),
    ("HR", "克罗地亚", "Croatia"),
    ("HT", "海地", "Haiti"),
    ("HU", "匈牙利", "Hungary"),
    ("ID", "印度尼西亚", "Indonesia"),
    ("IE", "爱尔兰", "Ireland"),
    ("IL", "以色列", "Israel"),
    ("IM", "马恩岛", "Isle of Man"),
    ("IN", "印度", "India"),
    ("IO", "英属印度洋领地", "British Indian Ocean Territory"),
    ("IQ", "伊拉克", "Iraq"),
    ("IR", "伊朗", "Iran"),
    ("IS", "冰岛", "Iceland"),
    ("IT", "意大利", "Italy"),
    ("JE", "泽西", "Jersey"),
    ("JM", "牙买加", "Jamaica"),
    ("JO", "约旦", "Jordan"),
    ("JP", "日本", "Japan"),
    ("KE", "肯尼亚", "Kenya"),
    ("KG", "吉尔吉斯斯坦", "Kyrgyzstan"),
    ("KH", "柬埔寨", "Cambodia"),
    ("KI", "基里巴斯", "Kiribati"),
    ("KM", "科摩罗", "Comoros"),
    ("KN", "圣基茨和尼维斯", "Saint Kitts and Nevis"),
    ("KP", "朝鲜", "Democratic People's Republic of Korea"),
    ("KR", "韩国", "Republic of Korea"),
    ("KW", "科威特", "Kuwait"),
    ("KY", "开曼群岛", "Cayman Islands"),
    ("KZ", "哈萨克斯坦", "Kazakhstan"),
    ("LA", "老挝", "Laos"),
    ("LB", "黎巴嫩", "Lebanon"),
    ("LC", "圣卢西亚", "Saint Lucia"),
    ("LI", "列支敦士登", "Liechtenstein"),
    ("LK", "斯里兰卡", "Sri Lanka"),
    ("LR", "利比里亚", "Liberia"),
    ("LS", "莱索托", "Lesotho"),
    ("LT", "立陶宛", "Lithuania"),
    ("LU", "卢森堡", "Luxembourg"),
    ("LV", "拉脱维亚", "Latvia"),
    ("LY", "利比亚", "Libya"),
    ("MA", "摩洛哥", "Morocco"),
    ("MC", "摩纳哥", "Monaco"),
    ("MD", "摩尔多瓦", "Moldova"),
    ("ME", "黑山", "Montenegro"),
    ("MF", "法属圣马丁", "Saint Martin (French part)"),
    ("MG", "马达加斯加", "Madagascar"),
    ("MH", "马绍尔群岛", "Marshall Islands"),
    ("MK", "北马其顿", "North Macedonia"),
    ("ML", "马里", "Mali"),
    ("MM", "缅甸", "Myanmar"),
    ("MN", "蒙古国", "Mongolia"),
    ("MO", "中国澳门", "Macao, China"),
    ("MP", "北马里亚纳群岛", "Northern Mariana Islands"),
    ("MQ", "马提尼克", "Martinique"),
    ("MR", "毛里塔尼亚", "Mauritania"),
    ("MS", "蒙特塞拉特", "Montserrat"),
    ("MT", "马耳他", "Malta"),
    ("MU", "毛里求斯", "Mauritius"),
    ("MV", "马尔代夫", "Maldives"),
    ("MW", "马拉维", "Malawi"),
    ("MX", "墨西哥", "Mexico"),
    ("MY", "马来西亚", "Malaysia"),
    ("MZ", "莫桑比克", "Mozambique"),
    ("NA", "纳米比亚", "Namibia"),
    ("NC", "新喀里多尼亚", "New Caledonia"),
    ("NE", "尼日尔", "Niger"),
    ("NF", "诺福克岛", "Norfolk Island"),
    ("NG", "尼日利亚", "Nigeria"),
    ("NI", "尼加拉瓜", "Nicaragua"),
    ("NL", "荷兰", "Netherlands"),
    ("NO", "挪威", "Norway"),
    ("NP", "尼泊尔", "Nepal"),
    ("NR", "瑙鲁", "Nauru"),
    ("NU", "纽埃", "Niue"),
    ("NZ", "新西兰", "New Zealand"),
    ("OM", "阿曼", "Oman"),
    ("PA", "巴拿马", "Panama"),
    ("PE", "秘鲁", "Peru"),
    ("PF", "法属波利尼西亚", "French Polynesia"),
    ("PG", "巴布亚新几内亚", "Papua New Guinea"),
    ("PH", "菲律宾", "Philippines"),
    ("PK", "巴基斯坦", "Pakistan"),
    ("PL", "波兰", "Poland"),
    ("PM", "圣皮埃尔和密克隆", "Saint Pierre and Miquelon"),
    ("PN", "皮特凯恩群岛", "Pitcairn Islands"),
    ("PR", "波多黎各", "Puerto Rico"),
    ("PS", "巴勒斯坦", "State of Palestine"),
    ("PT", "葡萄牙", "Portugal"),
    ("PW", "帕劳", "Palau"),
    ("PY", "巴拉圭", "Paraguay"),
    ("QA", "卡塔尔", "Qatar"),
    ("RE", "留尼汪", "Reunion"),
    ("RO", "罗马尼亚", "Romania"),
    ("RS", "塞尔维亚", "Serbia"),
    ("RU", "俄罗斯", "Russia"),
    ("RW", "卢旺达", "Rwanda"),
    ("SA", "沙特阿拉伯", "Saudi Arabia"),
    ("SB", "所罗门群岛", "Solomon Islands"),
    ("SC", "塞舌尔", "Seychelles"),
    ("SD", "苏丹", "Sudan"),
    ("SE", "瑞典", "Sweden"),
    ("SG", "新加坡", "Singapore"),
    ("SH", "圣赫勒拿、阿森松和特里斯坦-达库尼亚", "Saint Helena, Ascension and Tristan da Cunha"),
    ("SI", "斯洛文尼亚", "Slovenia"),
    ("SJ", "斯瓦尔巴和扬马延", "Svalbard and Jan Mayen"),
    ("SK", "斯洛伐克", "Slovakia"),
    ("SL", "塞拉利昂", "Sierra Leone"),
    ("SM", "圣马力诺", "San Marino"),
    ("SN", "塞内加尔", "Senegal"),
    ("SO", "索马里", "Somalia"),
    ("SR", "苏里南", "Suriname"),
    ("SS", "南苏丹", "South Sudan"),
    ("ST", "圣多美和普林西比", "Sao Tome and Principe"),
    ("SV", "萨尔瓦多", "El Salvador"),
    ("SX", "荷属圣马丁", "Sint Maarten (Dutch part)"),
    ("SY", "叙利亚", "Syria"),
    ("SZ", "斯威士兰", "Eswatini"),
    ("TC", "特克斯和凯科斯群岛", "Turks and Caicos Islands"),
    ("TD", "乍得", "Chad"),
    ("TF", "法属南部领地", "French Southern Territories"),
    ("TG", "多哥", "Togo"),
    ("TH", "泰国", "Thailand"),
    ("TJ", "塔吉克斯坦", "Tajikistan"),
    ("TK", "托克劳", "Tokelau"),
    ("TL", "东帝汶", "Timor-Leste"),
    ("TM", "土库曼斯坦", "Turkmenistan"),
    ("TN", "突尼斯", "Tunisia"),
    ("TO", "汤加", "Tonga"),
    ("TR", "土耳其", "Türkiye"),
    ("TT", "特立尼达和多巴哥", "Trinidad and Tobago"),
    ("TV", "图瓦卢", "Tuvalu"),
    ("TW", "中国台湾", "Taiwan, China"),
    ("TZ", "坦桑尼亚", "Tanzania"),
    ("UA", "乌克兰", "Ukraine"),
    ("UG", "乌干达", "Uganda"),
    ("UM", "美国本土外小岛屿", "United States Minor Outlying Islands"),
    ("US", "美国", "United States"),
    ("UY", "乌拉圭", "Uruguay"),
    ("UZ", "乌兹别克斯坦", "Uzbekistan"),
    ("VA", "梵蒂冈", "Holy See"),
    ("VC", "圣文森特和格林纳丁斯", "Saint Vincent and the Grenadines"),
    ("VE", "委内瑞拉", "Venezuela"),
    ("VG", "英属维尔京群岛", "British Virgin Islands"),
    ("VI", "美属维尔京群岛", "U.S. Virgin Islands"),
    ("VN", "越南", "Viet Nam"),
    ("VU", "瓦努阿图", "Vanuatu"),
    ("WF", "瓦利斯和富图纳", "Wallis and Futuna"),
    ("WS", "萨摩亚", "Samoa"),
    ("YE", "也门", "Yemen"),
    ("YT", "马约特", "Mayotte"),
    ("ZA", "南非", "South Africa"),
    ("ZM", "赞比亚", "Zambia"),
    ("ZW", "津巴布韦", "Zimbabwe"),
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
    ("福克兰群岛", "FK"),
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
    // Names with full-width brackets (刚果（金）) match however the brackets were typed.
    let same = |name: &str| name == key || (!name.is_ascii() && crate::normalize::to_half_width(name) == key);
    if let Some((code, _, _)) = COUNTRY_NAMES.iter().find(|(_, zh, en)| same(zh) || en.replace(' ', "").eq_ignore_ascii_case(&key)) {
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

/// Every (code, zh-CN name, English name), as `make data-check` compares them.
pub(crate) fn country_names() -> &'static [(&'static str, &'static str, &'static str)] {
    COUNTRY_NAMES
}

/// The display name of a country or region code.
pub(crate) fn country_name(code: &str, locale: Locale) -> Option<&'static str> {
    let i = COUNTRY_NAMES.binary_search_by(|(c, _, _)| (*c).cmp(code)).ok()?;
    COUNTRY_NAMES.get(i).map(|(_, zh, en)| match locale {
        Locale::ZhCn => *zh,
        Locale::En => *en,
    })
}

#[cfg(test)]
mod tests {
    use crate::ident::iso::*;

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
        // Every code a form accepts can be shown and printed by its name.
        assert_eq!(COUNTRY_NAMES.iter().map(|(c, _, _)| *c).collect::<Vec<_>>(), COUNTRIES);
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
            ("安道尔", Some("AD")),
            ("津巴布韦", Some("ZW")),
            ("刚果（金）", Some("CD")),
            ("刚果(布)", Some("CG")),
            ("马尔维纳斯群岛（福克兰）", Some("FK")),
            ("福克兰群岛", Some("FK")),
            ("西撒哈拉", Some("EH")),
            ("Zimbabwe", Some("ZW")),
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
        assert_eq!(country_name("AQ", Locale::ZhCn), Some("南极洲"));
        assert_eq!(country_name("EH", Locale::ZhCn), Some("西撒哈拉"));
        assert_eq!(country_name("FK", Locale::ZhCn), Some("马尔维纳斯群岛（福克兰）"));
        assert_eq!(country_name("XX", Locale::ZhCn), None);
        assert_eq!(country_name("", Locale::En), None);
        assert_eq!(country_name("hk", Locale::ZhCn), None);
    }
}
