//! Identifier checks (ident/): ID cards, credit codes, organisation codes, registration numbers, document numbers, country and currency codes.
//!
//! Part of the wire contract: never rename or reuse a code (see `finding/codes/mod.rs`).

crate::finding_codes! {
    /// Identifier findings.
    pub enum IdentCode in "ident" {
        /// Passport / permit number matches no known series (SPEC §6.5).
        DocumentUncommon = "document_uncommon" { zh: "证件号码格式少见，请核对", en: "Unusual document number format: please check it" },
        /// An official or diplomatic passport in an item about ordinary passports (SPEC §6.4).
        OfficialPassport = "official_passport" { zh: "因公证件不属于本项", en: "Official passports do not belong in this item" },
        /// Birth date field differs from the one in the ID number (SPEC §6.1.3).
        BirthMismatch = "birth_mismatch" { zh: "出生日期与身份证号码不一致", en: "Birth date does not match the ID number" },
        /// Gender field differs from the ID number's parity (SPEC §6.1.5).
        GenderMismatch = "gender_mismatch" { zh: "性别与身份证号码不一致", en: "Gender does not match the ID number" },
        /// Not an ISO 3166-1 alpha-2 code (nor, in the widget, a name it knows). Says what to type.
        CountryUnknown = "country_unknown" { zh: "{label}未能识别，请从列表中选择国家（地区），如“美国”", en: "{label} is not a known country or region: choose one from the list, e.g. United States" },
        /// Not an ISO 4217 code.
        CurrencyUnknown = "currency_unknown" { zh: "{label}不是有效的币种代码", en: "{label} is not a valid currency code" },
        /// An ID number that is not 18 characters long (SPEC §6.1). Param `len`.
        IdCardLength = "id_card_length" { zh: "公民身份号码应为18位（现为{len}位）", en: "The ID number must have 18 characters (it has {len})" },
        /// 18 characters, but not 17 digits followed by a digit or X (SPEC §6.1.1).
        IdCardFormat = "id_card_format" { zh: "公民身份号码格式不正确：前17位应为数字，末位为数字或X", en: "Invalid ID number: the first 17 characters must be digits and the last a digit or X" },
        /// MOD 11-2 check character wrong (SPEC §6.1.2, §7.3). Param `expected`.
        IdCardCheckDigit = "id_card_check_digit" { zh: "公民身份号码校验位错误", en: "The ID number's check digit is wrong" },
        /// First two digits are not a province code (SPEC §6.1.4). Param `province`.
        IdCardProvinceUnknown = "id_card_province_unknown" { zh: "公民身份号码前两位（{province}）不是有效的省级行政区划代码", en: "The first two digits of the ID number ({province}) are not a province code" },
        /// A legacy 15-digit number under the reject policy (SPEC §6.1.6).
        IdCardLegacy15 = "id_card_legacy15" { zh: "请填写18位公民身份号码", en: "Please enter the 18-digit ID number" },
        /// A legacy 15-digit number under the convert policy (SPEC §6.1.6). Param `converted`.
        IdCardLegacy15Converted = "id_card_legacy15_converted" { zh: "15位公民身份号码对应的18位号码为{converted}，请核对后填写18位号码", en: "This is a legacy 15-digit ID number; its 18-digit form is {converted}: please check it and enter that" },
        /// The birth date inside an ID number does not exist (SPEC §6.1.3). Param `birth`.
        IdBirthInvalid = "id_birth_invalid" { zh: "证件号码中的出生日期（{birth}）不是真实日期", en: "The birth date in the number ({birth}) is not a real date" },
        /// The birth date inside an ID number is after today (SPEC §6.1.3). Param `birth`.
        IdBirthFuture = "id_birth_future" { zh: "证件号码中的出生日期（{birth}）晚于今天", en: "The birth date in the number ({birth}) is after today" },
        /// The birth date inside an ID number means an age above the configured maximum (SPEC §6.1.3). Params `birth`, `max_age`.
        IdAgeImplausible = "id_age_implausible" { zh: "证件号码中的出生日期（{birth}）不合理：年龄超过{max_age}岁", en: "The birth date in the number ({birth}) is implausible: older than {max_age}" },
        /// A 港澳台居民居住证 number without the 810000 / 820000 / 830000 prefix (SPEC §6.2). Param `prefix`.
        ResidencePermitPrefix = "residence_permit_prefix" { zh: "港澳台居民居住证号码应以810000、820000或830000开头", en: "A residence permit number for Hong Kong, Macao and Taiwan residents starts with 810000, 820000 or 830000" },
        /// Neither the 18-character nor the 15-character 外国人永久居留身份证 layout (SPEC §6.2).
        ForeignPrFormat = "foreign_pr_format" { zh: "外国人永久居留身份证号码格式不正确：应为以9开头的18位号码，或3个字母加12位数字", en: "Invalid foreign permanent residence ID number: 18 characters starting with 9, or 3 letters and 12 digits" },
        /// MOD 11-2 check character of an 18-character 外国人永久居留身份证 wrong (SPEC §6.2). Param `expected`.
        ForeignPrCheckDigit = "foreign_pr_check_digit" { zh: "外国人永久居留身份证号码校验位错误", en: "The foreign permanent residence ID number's check digit is wrong" },
        /// A credit code that is not 18 characters long (SPEC §6.3). Param `len`.
        UsccLength = "uscc_length" { zh: "统一社会信用代码应为18位（现为{len}位）", en: "The unified social credit code must have 18 characters (it has {len})" },
        /// Characters outside the 31-symbol charset (SPEC §6.3.1). Param `chars`.
        UsccCharset = "uscc_charset" { zh: "统一社会信用代码含有无效字符{chars}（代码不使用I、O、S、V、Z）", en: "The unified social credit code contains invalid characters {chars} (codes never use I, O, S, V, Z)" },
        /// Positions 3–8 (the division code) are not digits (SPEC §6.3.2).
        UsccFormat = "uscc_format" { zh: "统一社会信用代码格式不正确：第3至8位应为行政区划码（数字）", en: "Invalid unified social credit code: characters 3 to 8 must be a division code (digits)" },
        /// Check character wrong (SPEC §6.3.4, §7.3); severity and override from `UsccConfig`. Param `expected`.
        UsccCheckDigit = "uscc_check_digit" { zh: "统一社会信用代码校验未通过，请核对", en: "The unified social credit code failed its check: please verify it" },
        /// (Position 1, position 2) not in the configured category table (SPEC §6.3.6). Param `category`.
        UsccCategoryUnknown = "uscc_category_unknown" { zh: "统一社会信用代码前两位（{category}）不是常见的登记管理部门和机构类别代码，请核对", en: "The first two characters of the credit code ({category}) are not a usual registration and category code: please check" },
        /// Positions 9–17 fail the GB 11714 organisation-code check (SPEC §6.3.1). Param `org_code`.
        UsccOrgCode = "uscc_org_code" { zh: "统一社会信用代码第9至17位（组织机构代码{org_code}）校验未通过，请核对", en: "Characters 9 to 17 of the credit code (organisation code {org_code}) fail their check: please verify" },
        /// Not 8 digits or upper-case letters plus a digit or X (SPEC §6.3.1).
        OrgCodeFormat = "org_code_format" { zh: "组织机构代码格式不正确：应为8位数字或大写字母加1位校验码", en: "Invalid organisation code: 8 digits or capital letters and a check character" },
        /// GB 11714 check character wrong (SPEC §6.3.1). Param `expected`.
        OrgCodeCheckDigit = "org_code_check_digit" { zh: "组织机构代码校验未通过，请核对", en: "The organisation code failed its check: please verify it" },
        /// Not 15 digits (SPEC §6.3.2).
        RegNoFormat = "reg_no_format" { zh: "注册号应为15位数字", en: "The registration number must be 15 digits" },
        /// MOD 11,10 check digit wrong (SPEC §6.3.2). Param `expected`.
        RegNoCheckDigit = "reg_no_check_digit" { zh: "注册号校验未通过，请核对", en: "The registration number failed its check: please verify it" },
    }
}
