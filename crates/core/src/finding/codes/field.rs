//! Generic, template-declared field checks (engine/).
//!
//! Part of the wire contract: never rename or reuse a code (see `finding/codes/mod.rs`).

crate::finding_codes! {
    /// Findings of declarative field checks.
    pub enum FieldCode in "field" {
        /// A required value is missing (SPEC §7.3 "{字段}不能为空").
        Required = "required" { zh: "{label}不能为空", en: "{label} is required" },
        /// A value the template expects but does not require is missing (a `required` or `requiredIf`
        /// of severity warning): the user fills it in or confirms that there is none. Not
        /// "不能为空", which the confirmation would contradict.
        Expected = "expected" { zh: "未填写{label}，如确实没有，请勾选“已核实，情况属实”", en: "{label} is not filled in; if there is none, tick “Checked: this is correct”" },
        /// A required checkbox (`"checkbox": true`) is not ticked: "{label}不能为空" reads wrong for a
        /// sentence such as 我已阅读并承诺.
        Unticked = "unticked" { zh: "请勾选“{label}”", en: "Tick “{label}”" },
        /// The JSON value has the wrong type for the field.
        WrongType = "wrong_type" { zh: "{label}的填写方式不正确（应为{expected}）", en: "{label} has the wrong kind of value (expected {expected})" },
        /// Text longer than allowed.
        TooLong = "too_long" { zh: "{label}不能超过{max}个字", en: "{label} must be at most {max} characters" },
        /// Text shorter than required.
        TooShort = "too_short" { zh: "{label}至少需要{min}个字", en: "{label} needs at least {min} characters" },
        /// Does not match the declared pattern.
        Pattern = "pattern" { zh: "{label}格式不正确", en: "{label} has an invalid format" },
        /// Not one of the options.
        NotAnOption = "not_an_option" { zh: "{label}的选项“{value}”无效，请从列表中选择", en: "“{value}” is not an option for {label}: choose one from the list" },
        /// Not `YYYY-MM-DD`.
        DateFormat = "date_format" { zh: "{label}应按“年-月-日”填写，例如2021-03-27", en: "{label} must be a date written YYYY-MM-DD, e.g. 2021-03-27" },
        /// No such day (e.g. 02-30).
        NoSuchDay = "no_such_day" { zh: "{label}不是真实存在的日期", en: "{label} is not a real calendar date" },
        /// A date after today (SPEC §7.3 "日期不能晚于今天").
        DateInFuture = "date_in_future" { zh: "{label}不能晚于今天", en: "{label} cannot be in the future" },
        /// A date outside the report year.
        DateOutsideYear = "date_outside_year" { zh: "{label}不在{year}年度内，请核对", en: "{label} is outside the report year {year}: please check" },
        /// Not a four-digit year.
        YearFormat = "year_format" { zh: "{label}应为四位数年份", en: "{label} must be a four-digit year" },
        /// A year after the current one.
        YearInFuture = "year_in_future" { zh: "{label}不能晚于当前年度（{current}年）", en: "{label} cannot be later than the current year ({current})" },
        /// An annual report for a year that has not ended.
        YearNotEnded = "year_not_ended" { zh: "{label}须为已结束的年度（早于{current}年）", en: "{label} must be a year that has ended (before {current})" },
        /// Not a whole number.
        IntegerFormat = "integer_format" { zh: "{label}须为整数", en: "{label} must be a whole number" },
        /// Below the minimum.
        BelowMin = "below_min" { zh: "{label}不能小于{min}", en: "{label} cannot be less than {min}" },
        /// Not above an exclusive minimum.
        NotAboveMin = "not_above_min" { zh: "{label}须大于{min}", en: "{label} must be greater than {min}" },
        /// Above the maximum.
        AboveMax = "above_max" { zh: "{label}不能大于{max}", en: "{label} cannot be more than {max}" },
        /// Money: negative, float syntax or too many decimals (SPEC §7.3).
        AmountFormat = "amount_format" { zh: "{label}须为非负数，最多保留{decimals}位小数", en: "{label} must be a number ≥ 0 with at most {decimals} decimals" },
        /// Other decimal values.
        DecimalFormat = "decimal_format" { zh: "{label}须为数字，最多保留{decimals}位小数，不要填写单位或分隔符", en: "{label} must be a number with at most {decimals} decimals, without units or separators" },
        /// An outlier (SPEC §6.6).
        Outlier = "outlier" { zh: "{label}超过{limit}{unit}，请核对", en: "{label} is above {limit} {unit}: please check" },
        /// A name with characters other than Han, `·`, Latin letters and spaces.
        NameChars = "name_chars" { zh: "{label}只能包含汉字、间隔号“·”和英文字母", en: "{label} may contain only Chinese characters, the middle dot “·” and Latin letters" },
        /// A look-alike of `·` in a name (SPEC §2.2).
        NameDot = "name_dot" { zh: "{label}中的圆点应为间隔号“·”，请核对", en: "The dot in {label} should be the middle dot “·”: please check" },
        /// Not a mainland mobile number.
        Mobile = "mobile" { zh: "{label}应为11位手机号码", en: "{label} must be an 11-digit mobile number" },
        /// A reference to a row that does not exist.
        UnknownRef = "unknown_ref" { zh: "{label}所选人员不在登记表中，请重新选择", en: "The person chosen for {label} is not in the register: choose again" },
        /// A reference to a person outside the item's subjects (SPEC §5.5, C-R03).
        SubjectNotAllowed = "subject_not_allowed" { zh: "{label}只能是：{subjects}", en: "{label} may only be: {subjects}" },
        /// Presence unanswered (C-R01).
        PresenceUnanswered = "presence_unanswered" { zh: "请据实填写或明确填报“无”", en: "Fill in, or explicitly declare \"none\"" },
        /// 有 without rows (C-R02).
        PresenceWithoutRows = "presence_without_rows" { zh: "已选择“有此类情况”，请至少填写一条记录", en: "You answered \"has such matters\": add at least one row" },
        /// 无 with rows (C-R02).
        NoneWithRows = "none_with_rows" { zh: "已选择“无此类情况”，但仍有{count}条记录，请删除记录或改选“有此类情况”", en: "You answered \"none\" but {count} rows remain: delete them or answer \"has such matters\"" },
        /// A 无 answer needs a reason (述职 conditional sections).
        NoneReasonRequired = "none_reason_required" { zh: "选择“本年度无此类情况”时须说明原因", en: "Give a reason when answering \"not applicable this year\"" },
        /// Too few rows.
        RowsTooFew = "rows_too_few" { zh: "{label}至少需要填写{min}条", en: "{label} needs at least {min} rows" },
        /// Too many rows.
        RowsTooMany = "rows_too_many" { zh: "{label}最多填写{max}条", en: "{label} allows at most {max} rows" },
        /// Check `>=` on dates failed (SPEC §7.3 "结束日期不能早于开始日期").
        DateNotBefore = "date_not_before" { zh: "{label}不能早于{other}", en: "{label} cannot be before {other}" },
        /// Check `<=` on dates failed.
        DateNotAfter = "date_not_after" { zh: "{label}不能晚于{other}", en: "{label} cannot be after {other}" },
        /// Check `>` on dates failed.
        DateAfter = "date_after" { zh: "{label}须晚于{other}", en: "{label} must be after {other}" },
        /// Check `<` on dates failed.
        DateBefore = "date_before" { zh: "{label}须早于{other}", en: "{label} must be before {other}" },
        /// Check `>=` on numbers failed.
        ValueNotBelow = "value_not_below" { zh: "{label}不能小于{other}", en: "{label} cannot be less than {other}" },
        /// Check `<=` on numbers failed.
        ValueNotAbove = "value_not_above" { zh: "{label}不能大于{other}", en: "{label} cannot be more than {other}" },
        /// Check `>` on numbers failed.
        ValueAbove = "value_above" { zh: "{label}须大于{other}", en: "{label} must be greater than {other}" },
        /// Check `<` on numbers failed.
        ValueBelow = "value_below" { zh: "{label}须小于{other}", en: "{label} must be less than {other}" },
        /// Check `==` failed.
        MustEqual = "must_equal" { zh: "{label}须与{other}一致", en: "{label} must equal {other}" },
        /// Check `!=` failed.
        MustDiffer = "must_differ" { zh: "{label}不能与{other}相同", en: "{label} must differ from {other}" },
        /// Text looks like an identifier but carries characters it cannot have.
        IdentifierChars = "identifier_chars" { zh: "{label}只能包含数字和大写字母", en: "{label} may contain only digits and capital letters" },
        /// A value typed in a field that no longer applies (its `shownIf` fails): kept in the record,
        /// neither checked nor printed (info).
        SetAside = "set_aside" { zh: "已填写的“{label}”按目前的填报情况不适用：已保留，但不校验、不打印", en: "“{label}” does not apply now: kept, but not checked or printed" },
    }
}
