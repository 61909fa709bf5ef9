//! Which identifier validator applies to which document: the document kinds of the 个人有关事项
//! forms (`idType`: 居民身份证, 港澳台居民居住证, 外国人永久居留身份证, 通行证, 护照; `docType` of
//! travel permits) and the configured patterns of the documents that have no check digit
//! (passports and permits, SPEC §6.4, §6.5), compiled once per validator.

use crate::config::{DocumentPatterns, IdCardConfig};
use crate::date::Date;
use crate::finding::codes::ident::IdentCode;
use crate::finding::Severity;
use crate::ident::id_card;
use crate::ident::issue::{IdIssue, PersonInfo};
use crate::pattern::Pattern as Regex;

/// Compiled regular expressions of the configured document patterns (`config.documents`).
pub struct Documents {
    passport: Vec<Regex>,
    official_passport: Vec<Regex>,
    sar_passport: Vec<Regex>,
    hk_macau_permit: Vec<Regex>,
    taiwan_permit: Vec<Regex>,
    hk_macau_resident_permit: Vec<Regex>,
    taiwan_resident_permit: Vec<Regex>,
}

impl Documents {
    /// Compiles the configured patterns. A pattern that does not compile is left out and reported
    /// in `problems` as (`config/documents/<name>/<index>`, message).
    pub fn compile(d: &DocumentPatterns, problems: &mut Vec<(String, String)>) -> Documents {
        let mut compile = |name: &str, list: &[String]| -> Vec<Regex> {
            list.iter()
                .enumerate()
                .filter_map(|(i, p)| match Regex::new(p) {
                    Ok(re) => Some(re),
                    Err(e) => {
                        problems.push((format!("config/documents/{name}/{i}"), format!("not a valid regular expression: {e}")));
                        None
                    }
                })
                .collect()
        };
        Documents {
            passport: compile("passport", &d.passport),
            official_passport: compile("officialPassport", &d.official_passport),
            sar_passport: compile("sarPassport", &d.sar_passport),
            hk_macau_permit: compile("hkMacauPermit", &d.hk_macau_permit),
            taiwan_permit: compile("taiwanPermit", &d.taiwan_permit),
            hk_macau_resident_permit: compile("hkMacauResidentPermit", &d.hk_macau_resident_permit),
            taiwan_resident_permit: compile("taiwanResidentPermit", &d.taiwan_resident_permit),
        }
    }

    /// A document number of the kind `kind` names (the `idType` answer of a person: 居民身份证,
    /// 港澳居民居住证, 台湾居民居住证, 港澳台居民居住证, 外国人永久居留身份证, 港澳居民来往内地通行证,
    /// 台湾居民来往大陆通行证, 护照). Returns what a valid ID number says about its holder; an
    /// unknown kind is not checked.
    pub fn check_id_number(
        &self,
        kind: &str,
        n: &str,
        id_card: &IdCardConfig,
        today: Date,
        issues: &mut Vec<IdIssue>,
    ) -> Option<PersonInfo> {
        match kind {
            "居民身份证" => id_card::check_id_card(n, id_card, today, issues),
            "港澳居民居住证" | "台湾居民居住证" | "港澳台居民居住证" => {
                id_card::check_residence_permit(n, today, issues)
            }
            "外国人永久居留身份证" => id_card::check_foreign_permanent_residence(n, today, issues),
            "港澳居民来往内地通行证" => {
                self.match_docs(n, &[&self.hk_macau_resident_permit], issues);
                None
            }
            "台湾居民来往大陆通行证" => {
                self.match_docs(n, &[&self.taiwan_resident_permit], issues);
                None
            }
            "护照" => {
                self.match_docs(n, &[&self.passport, &self.sar_passport, &self.official_passport], issues);
                None
            }
            _ => None,
        }
    }

    /// An ordinary passport number: an official or diplomatic one does not belong here (SPEC §6.4),
    /// an unusual one is a warning.
    pub fn check_passport(&self, n: &str, issues: &mut Vec<IdIssue>) {
        if self.official_passport.iter().any(|re| re.is_match(n)) {
            issues.push(IdIssue { code: IdentCode::OfficialPassport, severity: Severity::Warning, params: vec![], overridable: false });
        } else {
            self.match_docs(n, &[&self.passport], issues);
        }
    }

    /// A 往来港澳通行证 / 往来台湾通行证 number, of the kind the document name `kind` says (either,
    /// when it says neither).
    pub fn check_travel_permit(&self, kind: &str, n: &str, issues: &mut Vec<IdIssue>) {
        let lists: Vec<&Vec<Regex>> = if kind.contains("台湾") {
            vec![&self.taiwan_permit]
        } else if kind.contains("港澳") {
            vec![&self.hk_macau_permit]
        } else {
            vec![&self.hk_macau_permit, &self.taiwan_permit]
        };
        self.match_docs(n, &lists, issues);
    }

    fn match_docs(&self, n: &str, lists: &[&Vec<Regex>], issues: &mut Vec<IdIssue>) {
        if !lists.iter().any(|list| list.iter().any(|re| re.is_match(n))) {
            issues.push(IdIssue { code: IdentCode::DocumentUncommon, severity: Severity::Warning, params: vec![], overridable: false });
        }
    }
}
