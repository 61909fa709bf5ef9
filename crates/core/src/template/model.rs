//! The template format: the serde types of a template (sections, fields, tables, conditions,
//! checks) and the record keys they reserve. A leaf of `template`: loading, pointers and condition
//! evaluation import these types; nothing here reads a record.

use serde::Serialize;
use serde_json::Value;

use crate::finding::Severity;
use crate::locale::Text;

/// The three kinds of checklist (SPEC §2.3 `checklistKind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum ChecklistKind {
    /// 述职 / 述责述廉.
    Shuzhi,
    /// 谈话 schedule and records.
    Tanhua,
    /// 个人有关事项.
    Geren,
}

impl ChecklistKind {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            ChecklistKind::Shuzhi => "shuzhi",
            ChecklistKind::Tanhua => "tanhua",
            ChecklistKind::Geren => "geren",
        }
    }

    /// What people call the record, for messages.
    pub fn name(self, l: crate::locale::Locale) -> &'static str {
        match (self, l) {
            (ChecklistKind::Shuzhi, crate::locale::Locale::En) => "annual duty and integrity report",
            (ChecklistKind::Tanhua, crate::locale::Locale::En) => "talk record",
            (ChecklistKind::Geren, crate::locale::Locale::En) => "personal matters report",
            (ChecklistKind::Shuzhi, _) => "述职述责述廉报告",
            (ChecklistKind::Tanhua, _) => "谈话记录",
            (ChecklistKind::Geren, _) => "个人有关事项报告",
        }
    }
}

/// A checklist definition.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Template {
    /// Stable id, e.g. `geren`.
    pub id: String,
    /// Template version (semver); exported with every record.
    pub version: String,
    /// Which of the three records this is.
    pub checklist_kind: ChecklistKind,
    /// Regulation version the items follow, e.g. `R17` (SPEC §0.3).
    pub regulation_version: String,
    /// Title.
    pub title: Text,
    /// Instructions shown before the first section (填写说明).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// Sections in display order.
    pub sections: Vec<Section>,
    /// SPEC rule ids implemented in Rust that apply to this template (`C-R05`, …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<String>,
}

/// A section (an item such as C11, or a block such as the header).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Section {
    /// Key of the section's object in the record (`C11`, `header`, `family`).
    pub id: String,
    /// Title.
    pub title: Text,
    /// Help text under the title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<Text>,
    /// Where the obligation comes from (SPEC source tag), shown to reviewers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// A key item (重点), rendered first or badged.
    #[serde(default, skip_serializing_if = "is_false")]
    pub key_item: bool,
    /// The section applies only when this holds (e.g. A4 only for 一把手). Otherwise it is not
    /// shown and not validated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Condition>,
    /// A 有/无 question gates the section (SPEC §2.1 `Presence`, C-R01/C-R02).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub presence: Option<PresenceSpec>,
    /// Single-valued fields.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<Field>,
    /// Repeating tables.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tables: Vec<Table>,
    /// Cross-field checks between this section's fields.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checks: Vec<Check>,
}

/// How a section's 有/无 question behaves.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PresenceSpec {
    /// SPEC rule id cited by presence findings (default `C-R01`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// With 有, at least one row must exist in the section's tables (C-R02). Sections whose
    /// content is fields (C09, C10) set this false.
    #[serde(default = "default_true")]
    pub rows_required: bool,
    /// With 无, a reason must be given in this field (述职 conditional sections: `noneReason`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub none_reason_field: Option<String>,
    /// Ask "与上一年度相比有无变化" (SPEC §5.4).
    #[serde(default, skip_serializing_if = "is_false")]
    pub track_change: bool,
    /// Labels of the two answers, when they differ from 有此类情况 / 无此类情况.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub labels: Option<PresenceLabels>,
}

/// Custom labels for the two presence answers.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PresenceLabels {
    /// Label of 有.
    pub has: Text,
    /// Label of 无.
    pub none: Text,
}

/// The stored answer of a presence question.
pub const PRESENCE_KEY: &str = "presence";
/// The stored 有 answer.
pub const PRESENCE_HAS: &str = "有";
/// The stored 无 answer.
pub const PRESENCE_NONE: &str = "无";
/// Key of the "changed since last year" answer in a section object.
pub const CHANGED_KEY: &str = "changedSinceLastYear";

/// A repeating table (rows of the same columns).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Table {
    /// Key of the rows array in the section object.
    pub id: String,
    /// Title.
    pub title: Text,
    /// Help text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<Text>,
    /// Columns.
    pub columns: Vec<Field>,
    /// Fewest rows allowed when the section applies (and, with presence, is answered 有).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_rows: Option<u32>,
    /// Most rows allowed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_rows: Option<u32>,
    /// Cross-field checks within one row.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checks: Vec<Check>,
}

/// One input.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Field {
    /// Key in the section object or row.
    pub key: String,
    /// Label.
    pub label: Text,
    /// Value type.
    #[serde(rename = "type")]
    pub kind: FieldType,
    /// Unit shown after the input (万元, ㎡, 股 …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Help text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<Text>,
    /// Required: `true` (error) or a severity (`"warning"` for SPEC's W-required fields).
    #[serde(default, skip_serializing_if = "Requirement::is_optional")]
    pub required: Requirement,
    /// Required when the condition holds (severity: error unless `requiredIfSeverity`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required_if: Option<Condition>,
    /// Severity of `requiredIf`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required_if_severity: Option<Severity>,
    /// The field (or column) applies only when this holds: otherwise it is not shown, not
    /// validated and not printed. A column's condition looks at cells of its own row
    /// (`relation = 本人`); a section field's at its section or, with a `/` pointer, anywhere. A
    /// value typed before the field stopped applying stays in the record, set aside: reported by
    /// the info finding `field.set_aside`, neither checked nor printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shown_if: Option<Condition>,
    /// Choices for `enum` and `multiEnum`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<EnumOption>,
    /// Shortest text, in characters (code points).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_length: Option<u32>,
    /// Longest text, in characters (code points).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u32>,
    /// A regular expression the whole value must match (after normalisation for identifiers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
    /// Severity of a pattern mismatch (default error).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern_severity: Option<Severity>,
    /// Smallest value for numbers (integer, decimal types, year), as a decimal string or integer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<Value>,
    /// Largest value for numbers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<Value>,
    /// The minimum is exclusive (`> 0` for areas).
    #[serde(default, skip_serializing_if = "is_false")]
    pub min_exclusive: bool,
    /// Most decimals for decimal types (defaults by type: 2; config `geren.amountDecimals`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decimals: Option<u32>,
    /// A warning above this value (outliers, SPEC §6.6), decimal string.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warn_above: Option<String>,
    /// Dates: not after today (default true for `date`; deadlines set false).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_future: Option<bool>,
    /// Dates: expected within the report year (`/header/year`), at this severity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_report_year: Option<Severity>,
    /// Years: not after the current year (default true) or before the current year
    /// (`"beforeCurrent"`, C-R05 "Do not allow Y ≥ current year").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year_bound: Option<YearBound>,
    /// `ref` / `refs`: which table the value points into and which subjects may be named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<Reference>,
    /// Identifier fields: sibling keys to cross-check against (birth date, gender, document type).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub links: Option<IdLinks>,
    /// SPEC rule id cited by this field's findings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// Computed by the component (e.g. C09 合计); shown read-only, never typed.
    #[serde(default, skip_serializing_if = "is_false")]
    pub computed: bool,
    /// Multi-line text input.
    #[serde(default, skip_serializing_if = "is_false")]
    pub multiline: bool,
    /// A boolean answered by ticking one box whose text is the label (an agreement such as the
    /// 承诺): ticked is `true`, unticked is no answer. Other booleans are a 是 / 否 choice.
    #[serde(default, skip_serializing_if = "is_false")]
    pub checkbox: bool,
}

/// Field value types (SPEC §2.1, §6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum FieldType {
    /// Free text (trimmed; `maxLength` in code points).
    Text,
    /// A person's name (§2.2: Han incl. Extension B, `·`, Latin letters).
    Name,
    /// One of `options`.
    Enum,
    /// A set of `options` (JSON array of strings).
    MultiEnum,
    /// JSON `true` / `false`.
    Boolean,
    /// `YYYY-MM-DD`.
    Date,
    /// A 4-digit year (JSON number or digit string).
    Year,
    /// A whole number ≥ 0 unless `min` says otherwise (JSON number or digit string).
    Integer,
    /// 万元, at most 2 decimals (configurable), ≥ 0.
    MoneyWan,
    /// 元, at most 2 decimals, ≥ 0.
    MoneyYuan,
    /// ㎡, > 0, at most 2 decimals.
    AreaM2,
    /// 0 < x ≤ 100, at most 2 decimals (4 with `decimals`).
    Percent,
    /// Fund units (份), ≥ 0, at most 2 decimals.
    FundShares,
    /// 居民身份证号码 (GB 11643).
    IdCard,
    /// A document number whose kind is given by the sibling field `links.idType`.
    IdNumber,
    /// 统一社会信用代码 (GB 32100).
    Uscc,
    /// USCC, or a legacy 15-digit 注册号 (GS 15-2006) for entities closed before the USCC era.
    UsccOrRegNo,
    /// 组织机构代码 (GB 11714).
    OrgCode,
    /// Ordinary passport number (patterns in config, mismatch is a warning).
    Passport,
    /// 往来港澳通行证 / 往来台湾通行证 number (patterns in config), kind from `links.docType`.
    TravelPermit,
    /// ISO 3166-1 alpha-2 country or region code.
    Country,
    /// Several country codes (JSON array).
    Countries,
    /// ISO 4217 currency code.
    Currency,
    /// Mobile phone number.
    Mobile,
    /// The `id` of a row in `reference.table`.
    Ref,
    /// Several row ids (JSON array).
    Refs,
}

/// Whether and how strongly a field is required.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Requirement {
    /// Optional (选填).
    #[default]
    Optional,
    /// Required at this severity.
    Required(Severity),
}

impl Requirement {
    fn is_optional(&self) -> bool {
        matches!(self, Requirement::Optional)
    }
}

impl Serialize for Requirement {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Requirement::Optional => s.serialize_bool(false),
            Requirement::Required(Severity::Error) => s.serialize_bool(true),
            Requirement::Required(sev) => sev.serialize(s),
        }
    }
}

impl crate::de::FromJson for Requirement {
    fn from_json(v: &Value) -> Result<Requirement, crate::de::Bad> {
        match v {
            Value::Bool(false) => Ok(Requirement::Optional),
            Value::Bool(true) => Ok(Requirement::Required(Severity::Error)),
            v => match crate::de::FromJson::from_json(v) {
                Ok(sev) => Ok(Requirement::Required(sev)),
                Err(_) => Err(crate::de::Bad::new("`required` must be true, false, \"error\", \"warning\" or \"info\"")),
            },
        }
    }
}

crate::from_json_struct!(@serde Requirement);

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Requirement {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Requirement".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "true (error), false, or the severity of a missing value",
            "anyOf": [{ "type": "boolean" }, { "enum": ["error", "warning", "info"] }]
        })
    }
}

/// One choice of an enum field. Written as a plain string (the stored value, also its Chinese
/// label) or as `{ "value": …, "en": … }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum EnumOption {
    /// The value, used as the Chinese label and as the English one.
    Plain(String),
    /// A value with an English label (and optionally a different Chinese label).
    Labelled {
        /// Stored value.
        value: String,
        /// English label.
        en: String,
        /// Chinese label when it differs from the value.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        zh: Option<String>,
    },
}

impl EnumOption {
    /// The stored value.
    pub fn value(&self) -> &str {
        match self {
            EnumOption::Plain(v) => v,
            EnumOption::Labelled { value, .. } => value,
        }
    }

    /// The label in `locale`.
    pub fn label(&self, locale: crate::locale::Locale) -> &str {
        match (self, locale) {
            (EnumOption::Plain(v), _) => v,
            (EnumOption::Labelled { en, .. }, crate::locale::Locale::En) => en,
            (EnumOption::Labelled { zh: Some(zh), .. }, _) => zh,
            (EnumOption::Labelled { value, .. }, _) => value,
        }
    }
}

/// Year limits relative to "today".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum YearBound {
    /// ≤ the current year.
    NotAfterCurrent,
    /// < the current year (annual reports cover a finished year).
    BeforeCurrent,
    /// Any 4-digit year from 1900.
    Any,
}

/// What a `ref` field points to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Reference {
    /// JSON pointer of the rows array, e.g. `/family/members`. Rows are matched by their `id`.
    pub table: String,
    /// Column shown as the row's label in pickers (e.g. `name`).
    #[serde(default = "default_label_column")]
    pub label: String,
    /// Allowed subjects (SPEC §5.5): 本人, 配偶, 子女, 子女的配偶, 共同生活的子女. Empty: any row.
    /// Checked against the referenced row's `relation` (and `livesTogether` for dependent
    /// children); findings cite C-R03.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subjects: Vec<String>,
}

fn default_label_column() -> String {
    "name".to_owned()
}

/// Sibling fields an identifier is cross-checked against.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IdLinks {
    /// Key of the birth-date field (`YYYY-MM-DD`), checked against the ID number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<String>,
    /// Key of the gender field (男 / 女), checked against the sequence code's parity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<String>,
    /// Key of the document-type field for `idNumber` (SPEC §5.3 `idType`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_type: Option<String>,
    /// Key of the document-name field for `travelPermit` / `passport` (SPEC §5.4 C02a `docType`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc_type: Option<String>,
}

/// A condition on the record. `field` is a sibling key in the same row or section object, or a
/// JSON pointer from the record root when it starts with `/`. Every operator given must hold;
/// `allOf` / `anyOf` / `not` combine conditions.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Condition {
    /// The field the operators look at.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Equal to this JSON value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eq: Option<Value>,
    /// Not equal to this JSON value (a missing value is not equal).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ne: Option<Value>,
    /// One of these values.
    #[serde(default, skip_serializing_if = "Option::is_none", rename = "in")]
    pub one_of: Option<Vec<Value>>,
    /// None of these values (a missing value counts as none of them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_in: Option<Vec<Value>>,
    /// A multi-choice field contains this value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contains: Option<Value>,
    /// A multi-choice field contains any of these values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contains_any: Option<Vec<Value>>,
    /// Filled (true) or empty (false).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filled: Option<bool>,
    /// All of these.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub all_of: Option<Vec<Condition>>,
    /// Any of these.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub any_of: Option<Vec<Condition>>,
    /// Not this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not: Option<Box<Condition>>,
}

/// A cross-field check inside one row or section object: `left op right`, compared as dates,
/// numbers or text by the left field's type. Skipped while either side is empty or invalid
/// (those get their own findings).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Check {
    /// Left field key; the finding points at it.
    pub left: String,
    /// Comparison.
    pub op: CompareOp,
    /// Right field key (sibling) or absolute pointer.
    pub right: String,
    /// Severity when the check fails (default error).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<Severity>,
    /// SPEC rule id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// Only when this holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Condition>,
}

/// Comparison operators of a [`Check`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum CompareOp {
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `==`
    Eq,
    /// `!=`
    Ne,
}

fn is_false(b: &bool) -> bool {
    !*b
}

fn default_true() -> bool {
    true
}

crate::from_json_enum!(ChecklistKind { Shuzhi = "shuzhi", Tanhua = "tanhua", Geren = "geren" });
crate::from_json_struct!(Template [] { id, version, checklist_kind, regulation_version, title, description, sections, rules: opt });
crate::from_json_struct!(Section [] { id, title, hint, source, key_item: opt, when, presence, fields: opt, tables: opt, checks: opt });
crate::from_json_struct!(PresenceSpec [] { rule, rows_required: (default_true()), none_reason_field, track_change: opt, labels });
crate::from_json_struct!(PresenceLabels [] { has, none });
crate::from_json_struct!(Table [] { id, title, hint, columns, min_rows, max_rows, checks: opt });
crate::from_json_struct!(Field [] {
    key, label, kind as "type", unit, hint, required: opt, required_if, required_if_severity, shown_if, options: opt,
    min_length, max_length, pattern, pattern_severity, min, max, min_exclusive: opt, decimals, warn_above, not_future,
    in_report_year, year_bound, reference, links, rule, computed: opt, multiline: opt, checkbox: opt
});
crate::from_json_enum!(FieldType {
    Text = "text", Name = "name", Enum = "enum", MultiEnum = "multiEnum", Boolean = "boolean", Date = "date", Year = "year",
    Integer = "integer", MoneyWan = "moneyWan", MoneyYuan = "moneyYuan", AreaM2 = "areaM2", Percent = "percent",
    FundShares = "fundShares", IdCard = "idCard", IdNumber = "idNumber", Uscc = "uscc", UsccOrRegNo = "usccOrRegNo",
    OrgCode = "orgCode", Passport = "passport", TravelPermit = "travelPermit", Country = "country", Countries = "countries",
    Currency = "currency", Mobile = "mobile", Ref = "ref", Refs = "refs"
});
crate::from_json_enum!(YearBound { NotAfterCurrent = "notAfterCurrent", BeforeCurrent = "beforeCurrent", Any = "any" });
crate::from_json_struct!(Reference [] { table, label: (default_label_column()), subjects: opt });
crate::from_json_struct!(IdLinks [] { birth_date, gender, id_type, doc_type });
crate::from_json_struct!(Condition [] { field, eq, ne, one_of as "in", not_in, contains, contains_any, filled, all_of, any_of, not });
crate::from_json_struct!(Check [] { left, op, right, severity, rule, when });
crate::from_json_enum!(CompareOp { Lt = "lt", Le = "le", Gt = "gt", Ge = "ge", Eq = "eq", Ne = "ne" });

/// An enum option: a plain string, or `{value, en, zh?}` (serde's untagged reading: the first
/// form that fits).
impl crate::de::FromJson for EnumOption {
    fn from_json(v: &Value) -> Result<EnumOption, crate::de::Bad> {
        #[derive(Debug)]
        struct Labelled {
            value: String,
            en: String,
            zh: Option<String>,
        }
        crate::from_json_struct!(Labelled [lenient] { value, en, zh });
        if let Value::String(s) = v {
            return Ok(EnumOption::Plain(s.clone()));
        }
        match crate::de::from_value::<Labelled>(v) {
            Ok(Labelled { value, en, zh }) => Ok(EnumOption::Labelled { value, en, zh }),
            Err(e) => Err(crate::de::Bad::new(format!("an option is a string or {{\"value\", \"en\", \"zh\"}}: {}", e.message))),
        }
    }
}
crate::from_json_struct!(@serde EnumOption);

impl Template {
    /// The section with this id.
    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }
}

impl Section {
    /// The table with this id.
    pub fn table(&self, id: &str) -> Option<&Table> {
        self.tables.iter().find(|t| t.id == id)
    }
    /// The field with this key.
    pub fn field(&self, key: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.key == key)
    }
}

impl Table {
    /// The column with this key.
    pub fn column(&self, key: &str) -> Option<&Field> {
        self.columns.iter().find(|f| f.key == key)
    }
}
