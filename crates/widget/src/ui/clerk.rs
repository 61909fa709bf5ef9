//! What clerks and reviewers need beyond filling in (issue #6), as state and messages of the
//! pure store: last year's record as the base of a new one (复制上年数据) and the comparison
//! with it, the 谈话 record loaded into a 述职 report for X-R01, the print mode, the reviewers'
//! read-only mode with its digest verdict, and the keyboard shortcuts.
//!
//! Kept apart from `store.rs` so that the store's core stays small: the store holds one
//! [`Clerk`] and routes [`Msg::Clerk`](super::store::Msg::Clerk) here. Nothing here touches the
//! DOM; [`ClerkEffect`]s are performed by `crate::web`.

use std::cell::RefCell;
use std::rc::Rc;

use serde_json::Value;

use super::store::{split_pointer, Effect, Msg, Notice, Store, View};
use checklist_core::compare::{self, Comparison};
use checklist_core::engine::Validator;
use checklist_core::envelope::{self, ImportCode};
use checklist_core::finding::{Confirmation, Finding, Severity};
use checklist_core::locale::Locale;
use checklist_core::template::ChecklistKind;

/// What a file chosen in one of the widget's file pickers is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilePurpose {
    /// Last year's export: the base of this year's record (复制上年数据).
    Base,
    /// The 谈话 record whose talks the 述职 report's A5/A6 counts must match (X-R01).
    Talks,
    /// An exported or posted record to review (review mode).
    Review,
}

impl FilePurpose {
    /// The `data-file` attribute of the picker's input.
    pub fn as_str(self) -> &'static str {
        match self {
            FilePurpose::Base => "base",
            FilePurpose::Talks => "talks",
            FilePurpose::Review => "review",
        }
    }
}

/// Whether an opened record is as it was exported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Integrity {
    /// The digest matches: nothing changed after export.
    Intact,
    /// The digest does not match: the answers or confirmations changed after export.
    Changed,
    /// A version-0 file without a digest: changes cannot be ruled out.
    NoDigest,
    /// The digest uses an algorithm this component does not know.
    Unknown,
}

/// A record opened in review mode.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewInfo {
    /// The digest verdict.
    pub integrity: Integrity,
    /// When it was exported (as the file says).
    pub exported_at: String,
    /// 草稿 / submitted / … as the file says.
    pub status: String,
    /// `id version` of the template it was filled in with.
    pub template: String,
    /// The digest the file carries.
    pub digest: String,
    /// The digest of the data and confirmations as they are now.
    pub computed: String,
    /// Warnings the filer confirmed.
    pub confirmations: Vec<Confirmation>,
    /// What the import reported (template version, migration, digest).
    pub import_findings: Vec<Finding>,
}

/// The clerk and reviewer state of a [`Store`].
#[derive(Default)]
pub struct Clerk {
    /// Last year's data (the `data` of its export), the base of the comparison.
    pub base: Option<Rc<Value>>,
    /// The loaded 谈话 record's data (述职 only), for X-R01.
    pub talks: Option<Rc<Value>>,
    /// Review mode: read-only, opened from an envelope, with the digest verdict.
    pub review_mode: bool,
    /// The record under review (none yet, or the last file could not be read).
    pub review: Option<ReviewInfo>,
    /// The print view is shown.
    pub printing: bool,
    /// The problem Alt+Shift+N moved to last (rows and sections have no `data-path`).
    pub last_problem: Option<String>,
    /// The comparison with the base, cached by the store's revision.
    cache: RefCell<Option<(u64, usize, Rc<Comparison>)>>,
}

/// The pointer token of the 打印 button's element id (see `store::REMOVE_ASK`).
pub const PRINT: &str = "print";
/// The pointer token of the print view's 返回 button.
pub const END_PRINT: &str = "end-print";

/// A clerk or reviewer action.
#[derive(Debug, Clone, PartialEq)]
pub enum ClerkMsg {
    /// Open the file picker for a purpose.
    Pick(FilePurpose),
    /// The text of a file chosen for a purpose.
    File(FilePurpose, String),
    /// The chosen file is over the import limit (bytes); it was not read.
    TooLarge(FilePurpose, u64),
    /// Forget last year's base.
    ClearBase,
    /// Show the print view and print.
    Print,
    /// Leave the print view.
    EndPrint,
    /// Alt+Shift+S: save the draft now.
    SaveDraft,
    /// Alt+Shift+N: move to the next problem after the field at this pointer (if any).
    NextProblem(Option<String>),
    /// Enter in a table cell (its pointer): a new row after the last cell of the last row, else
    /// the first cell of the next row.
    EnterInCell(String),
}

/// Something the web layer must do for a [`ClerkMsg`].
#[derive(Debug, Clone, PartialEq)]
pub enum ClerkEffect {
    /// Open the picker `input[data-file=<purpose>]`.
    PickFile(FilePurpose),
    /// Mark the host for printing, then call `window.print()` once the print view is rendered.
    Print,
    /// Remove the print marks.
    EndPrint,
}

/// The built-in template an envelope (JSON text) names, for review mode without a `template`.
pub fn template_of_envelope(text: &str) -> Option<String> {
    let v: Value = serde_json::from_str(text).ok()?;
    let id = v.pointer("/template/id").and_then(Value::as_str).or_else(|| v.get("checklistKind").and_then(Value::as_str))?;
    checklist_core::template::builtin(id).map(|_| id.to_owned())
}

/// A keyboard shortcut (documented in the README): Alt+Shift with a letter, matched by the
/// physical key (`KeyboardEvent.code`) so that the layout and an active IME do not matter.
pub fn shortcut(code: &str, alt: bool, shift: bool, ctrl: bool, meta: bool, composing: bool) -> Option<&'static str> {
    if !(alt && shift) || ctrl || meta || composing {
        return None;
    }
    match code {
        "KeyS" => Some("save"),
        "KeyV" => Some("validate"),
        "KeyN" => Some("next"),
        _ => None,
    }
}

impl Store {
    fn tr(&self, zh: &'static str, en: &'static str) -> &'static str {
        if self.locale == Locale::En {
            en
        } else {
            zh
        }
    }

    /// The comparison of the record with last year's base (cached until the data changes).
    pub fn comparison(&self) -> Option<Rc<Comparison>> {
        let base = self.clerk.base.as_ref()?;
        let key = Rc::as_ptr(base) as usize;
        if let Some((rev, k, c)) = self.clerk.cache.borrow().as_ref() {
            if *rev == self.rev && *k == key {
                return Some(c.clone());
            }
        }
        let c = Rc::new(compare::compare(self.validator.template(), base, &self.record));
        *self.clerk.cache.borrow_mut() = Some((self.rev, key, c.clone()));
        Some(c)
    }

    /// Where Enter in the table cell at `path` goes: `(table, Some(row))` focuses the first cell
    /// of that row; `(table, None)` adds a row. `None` when `path` is not a table cell.
    pub fn enter_target(&self, path: &str) -> Option<(String, Option<usize>)> {
        let t = split_pointer(path);
        if t.len() != 4 {
            return None;
        }
        let table = self.validator.template().section(&t[0])?.table(&t[1])?;
        let i: usize = t[2].parse().ok()?;
        // The last single-line cell: Enter in a text area starts a new line.
        let last = table.columns.iter().rfind(|c| c.key != "id" && !c.multiline && !c.computed)?;
        if last.key != t[3] {
            return None;
        }
        let tptr = path.rsplitn(3, '/').nth(2)?.to_owned();
        let len = self.record.pointer(&tptr).and_then(Value::as_array).map_or(0, Vec::len);
        if i + 1 < len {
            Some((tptr, Some(i + 1)))
        } else if self.read_only {
            None
        } else {
            Some((tptr, None))
        }
    }

    /// Whether the table's last row holds anything typed (its `id` aside).
    fn last_row_has_content(&self, table_ptr: &str) -> bool {
        let last = self.record.pointer(table_ptr).and_then(Value::as_array).and_then(|rows| rows.last());
        last.and_then(Value::as_object).is_some_and(|row| row.iter().any(|(k, v)| k != "id" && !checklist_core::engine::is_empty(Some(v))))
    }

    fn first_cell(&self, table_ptr: &str, row: usize) -> String {
        let t = split_pointer(table_ptr);
        let first = t
            .first()
            .and_then(|s| self.validator.template().section(s))
            .and_then(|s| s.table(t.get(1)?))
            .and_then(|tb| tb.columns.iter().find(|c| c.key != "id"))
            .map(|c| c.key.replace('~', "~0").replace('/', "~1"));
        match first {
            Some(k) => format!("{table_ptr}/{row}/{k}"),
            None => format!("{table_ptr}/{row}"),
        }
    }

    /// Applies a clerk or reviewer message.
    pub fn clerk_update(&mut self, msg: ClerkMsg, fx: &mut Vec<Effect>) {
        match msg {
            ClerkMsg::Pick(p) => {
                let allowed = match p {
                    FilePurpose::Review => self.clerk.review_mode,
                    FilePurpose::Base => !self.read_only,
                    FilePurpose::Talks => true,
                };
                if allowed {
                    fx.push(Effect::Clerk(ClerkEffect::PickFile(p)));
                }
            }
            ClerkMsg::TooLarge(_, size) => fx.extend(self.update(Msg::ImportTooLarge(size))),
            ClerkMsg::File(FilePurpose::Base, text) => self.open_base(&text, fx),
            ClerkMsg::File(FilePurpose::Talks, text) => self.open_talks(&text, fx),
            ClerkMsg::File(FilePurpose::Review, text) => {
                if self.clerk.review_mode {
                    self.open_for_review(&text, fx);
                }
            }
            ClerkMsg::ClearBase => {
                if self.clerk.base.take().is_some() {
                    self.notice = Some(Notice {
                        kind: "info",
                        text: self.tr("已移除上年数据，不再与上年比较。", "Last year's data removed; no comparison any more.").into(),
                    });
                    fx.push(Effect::SaveDraft);
                }
            }
            ClerkMsg::Print => {
                self.normalize_record(fx);
                self.clerk.printing = true;
                self.notice = None;
                fx.push(Effect::Clerk(ClerkEffect::Print));
                // The 打印 button is gone in the print view: its 返回 takes focus.
                fx.push(Effect::Focus(format!("/{END_PRINT}")));
            }
            ClerkMsg::EndPrint => {
                if self.clerk.printing {
                    self.clerk.printing = false;
                    fx.push(Effect::Clerk(ClerkEffect::EndPrint));
                    // Back where the user was: the 打印 button.
                    fx.push(Effect::Focus(format!("/{PRINT}")));
                }
            }
            ClerkMsg::SaveDraft => {
                if !self.read_only {
                    fx.push(Effect::SaveDraft);
                    self.notice = Some(Notice { kind: "ok", text: self.tr("已保存草稿。", "Draft saved.").into() });
                }
            }
            ClerkMsg::NextProblem(from) => {
                self.revalidate();
                let mut paths: Vec<String> = Vec::new();
                for f in self.blocking() {
                    if !paths.contains(&f.path) {
                        paths.push(f.path.clone());
                    }
                }
                if paths.is_empty() {
                    self.notice = Some(Notice { kind: "ok", text: self.tr("没有需要处理的问题。", "No problems left.").into() });
                    return;
                }
                let from = from.or_else(|| self.clerk.last_problem.clone());
                let next = match from.as_deref().and_then(|p| paths.iter().position(|x| x == p)) {
                    Some(i) => (i + 1) % paths.len(),
                    None => 0,
                };
                let path = paths[next].clone();
                self.clerk.last_problem = Some(path.clone());
                self.show_all = true;
                fx.extend(self.update(Msg::Focus(path.clone())));
                let message =
                    self.findings_at(&path).find(|f| f.severity != Severity::Info).map(|f| f.message(self.locale)).unwrap_or_default();
                let text = match self.locale {
                    Locale::En => format!("Problem {} of {}: {message}", next + 1, paths.len()),
                    Locale::ZhCn => format!("第{}个问题（共{}个）：{message}", next + 1, paths.len()),
                };
                self.notice = Some(Notice { kind: "info", text });
            }
            ClerkMsg::EnterInCell(path) => match self.enter_target(&path) {
                Some((table, Some(row))) => {
                    let cell = self.first_cell(&table, row);
                    fx.extend(self.update(Msg::Focus(cell)));
                }
                Some((table, None)) if !self.last_row_has_content(&table) => {
                    // An empty row gets no empty sibling (whose messages would name no row):
                    // Enter moves on to the table's 添加一行.
                    self.notice = Some(Notice {
                        kind: "info",
                        text: self.tr("本行尚未填写，未添加新行。", "This row is empty; no row added.").into(),
                    });
                    fx.push(Effect::Focus(format!("{table}/{}", super::store::ADD_ROW)));
                }
                Some((table, None)) => {
                    let before = self.record.pointer(&table).and_then(Value::as_array).map_or(0, Vec::len);
                    let out = self.update(Msg::AddRow(table.clone()));
                    let after = self.record.pointer(&table).and_then(Value::as_array).map_or(0, Vec::len);
                    if after > before {
                        // Focus the new row's first cell rather than the row.
                        let cell = self.first_cell(&table, after - 1);
                        fx.extend(out.into_iter().filter(|e| !matches!(e, Effect::Focus(_))));
                        fx.push(Effect::Focus(cell));
                    } else {
                        fx.extend(out);
                    }
                }
                None => {}
            },
        }
    }

    fn import_failed(&mut self, findings: &[Finding], fx: &mut Vec<Effect>) {
        let messages: Vec<String> = findings.iter().filter(|f| f.severity == Severity::Error).map(|f| f.message(self.locale)).collect();
        let text = format!(
            "{}{}",
            self.tr("文件无法使用，当前数据未改动：", "The file cannot be used; your data is unchanged: "),
            messages.join(self.tr("；", "; "))
        );
        self.notice = Some(Notice { kind: "error", text });
        fx.push(Effect::Emit { name: "checklist-error", detail: serde_json::json!({ "kind": "import", "findings": findings }) });
    }

    /// 复制上年数据: last year's export becomes the base; an empty record starts from it rolled
    /// forward; a record already being filled in keeps every answer and is only compared.
    fn open_base(&mut self, text: &str, fx: &mut Vec<Effect>) {
        if self.read_only {
            return;
        }
        let imported = envelope::import(text, Some(self.validator.template()), self.validator.config());
        let Some(env) = imported.envelope.as_ref().filter(|_| imported.is_usable()) else {
            return self.import_failed(&imported.findings, fx);
        };
        let last = env.data.clone();
        let started = self.record.as_object().is_some_and(|o| o.values().any(|v| !checklist_core::engine::is_empty(Some(v))));
        self.clerk.base = Some(Rc::new(last.clone()));
        let year = super::store::display(last.pointer("/header/year"));
        if started {
            self.notice = Some(Notice {
                kind: "info",
                text: format!(
                    "{}{year}{}",
                    self.tr("已载入上年（", "Loaded last year's record ("),
                    self.tr(
                        "年度）数据作为比较基准；当前已填写的内容保留未改动。",
                        "): it is the base of the comparison; what you have entered is kept as it is."
                    )
                ),
            });
            fx.push(Effect::SaveDraft);
        } else {
            let next = compare::roll_forward(self.validator.template(), &last);
            self.replace_data(next, Vec::new());
            self.notice = Some(Notice {
                kind: "ok",
                text: format!(
                    "{}{year}{}",
                    self.tr("已复制上年（", "Copied last year's record ("),
                    self.tr("年度）数据：年度已顺延，签名、承诺及当年事项（如出行记录、收入）须重新填写。各项显示与上年相比是否有变化。", "): the year moved on; signature, pledge and the year's own items (trips, income) must be filled in again. Each item shows whether it changed since last year.")
                ),
            });
            fx.push(Effect::SaveDraft);
            fx.push(Effect::Emit { name: "checklist-change", detail: serde_json::json!({ "path": "", "source": "last-year" }) });
        }
    }

    /// The 谈话 record for X-R01 (述职 only).
    fn open_talks(&mut self, text: &str, fx: &mut Vec<Effect>) {
        let imported = envelope::import(text, None, self.validator.config());
        let usable = imported.is_usable();
        match imported.envelope {
            Some(env) if usable && env.checklist_kind == ChecklistKind::Tanhua => {
                self.clerk.talks = Some(Rc::new(env.data));
                self.notice = Some(Notice {
                    kind: "ok",
                    text: self
                        .tr(
                            "已载入谈话记录，填报的谈话次数已与谈话记录核对。",
                            "Loaded the talk record; the talk counts are checked against it.",
                        )
                        .into(),
                });
                fx.push(Effect::SaveDraft);
            }
            Some(env) if usable => {
                let f = envelope::kind_mismatch(env.checklist_kind, ChecklistKind::Tanhua);
                self.import_failed(&[f], fx);
            }
            _ => self.import_failed(&imported.findings, fx),
        }
    }

    /// Review mode: opens an envelope read-only. A file changed after export is still shown
    /// (that is what the reviewer must see), with the verdict; an unreadable one changes nothing.
    pub fn open_for_review(&mut self, text: &str, fx: &mut Vec<Effect>) {
        let imported = envelope::import(text, None, self.validator.config());
        let Some(env) = imported.envelope.clone() else {
            return self.import_failed(&imported.findings, fx);
        };
        if !env.data.is_object() {
            return self.import_failed(&imported.findings, fx);
        }
        // A record of another checklist switches the template (built-in ones only).
        if env.checklist_kind != self.validator.template().checklist_kind || env.template.id != self.validator.template().id {
            let builtin = checklist_core::template::builtin(&env.template.id)
                .or_else(|| checklist_core::template::builtin(env.checklist_kind.as_str()));
            match builtin.and_then(Result::ok).and_then(|t| Validator::new(t, self.validator.config().clone()).ok()) {
                Some(v) => self.validator = Rc::new(v),
                None => {
                    let f = envelope::kind_mismatch(env.checklist_kind, self.validator.template().checklist_kind);
                    return self.import_failed(&[f], fx);
                }
            }
        }
        let code = |c: ImportCode| imported.findings.iter().any(|f| f.code.as_str() == c.as_str());
        let integrity = if code(ImportCode::DigestMismatch) {
            Integrity::Changed
        } else if code(ImportCode::NoDigest) {
            Integrity::NoDigest
        } else if code(ImportCode::DigestAlgorithm) {
            Integrity::Unknown
        } else {
            Integrity::Intact
        };
        let algorithm = envelope::DigestAlgorithm::parse(&env.digest.algorithm).unwrap_or_default();
        let computed = envelope::digest_hex_with(algorithm, &env.data, &env.validation.confirmations);
        self.clerk.review = Some(ReviewInfo {
            integrity,
            exported_at: env.exported_at.clone(),
            status: match &env.submitted_at {
                Some(at) => format!("{}（{}）", env.status.label(), checklist_core::locale::stamp(self.locale, at)),
                None => env.status.label().to_owned(),
            },
            template: match checklist_core::template::builtin(&env.template.id).and_then(Result::ok) {
                Some(t) => format!("{}{}{}", t.title.get(self.locale), self.tr("，版本 ", ", version "), env.template.version),
                None => format!("{} {}", env.template.id, env.template.version),
            },
            digest: env.digest.value.clone(),
            computed,
            confirmations: env.validation.confirmations.clone(),
            import_findings: imported.findings.clone(),
        });
        self.replace_data(env.data, env.validation.confirmations);
        // The reviewer sees lateness as of the submission, not as of the day of review.
        if env.submitted_at.is_some() {
            self.submitted_at = env.submitted_at;
            self.revalidate();
        }
        self.show_all = true;
        self.view = View::Review;
        self.notice = Some(Notice {
            kind: if integrity == Integrity::Intact { "ok" } else { "error" },
            text: match integrity {
                Integrity::Intact => {
                    self.tr("已打开记录：导出后未被修改（数字摘要一致）。", "Record opened: unchanged since export (digest matches).")
                }
                Integrity::Changed => self.tr(
                    "已打开记录：警告，该记录在导出后被修改过（数字摘要不一致）。",
                    "Record opened: WARNING, it was changed after export (digest mismatch).",
                ),
                Integrity::NoDigest => self.tr(
                    "已打开记录：文件没有数字摘要，无法确认导出后未被修改。",
                    "Record opened: the file has no digest, so changes after export cannot be ruled out.",
                ),
                Integrity::Unknown => self.tr(
                    "已打开记录：摘要算法无法识别，无法确认导出后未被修改。",
                    "Record opened: unknown digest algorithm, so changes after export cannot be ruled out.",
                ),
            }
            .into(),
        });
        fx.push(Effect::Focus(String::new()));
    }

    /// The draft's extra parts (last year's base, the loaded talk record).
    pub fn clerk_draft(&self) -> Value {
        serde_json::json!({ "base": self.clerk.base.as_deref(), "talks": self.clerk.talks.as_deref() })
    }

    /// Restores the extra parts of a draft (see [`Store::clerk_draft`]); anything unreadable is
    /// ignored.
    pub fn restore_clerk_draft(&mut self, draft: &Value) {
        let obj = |k: &str| draft.get(k).filter(|v| v.is_object()).cloned().map(Rc::new);
        self.clerk.base = obj("base");
        self.clerk.talks = obj("talks");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use checklist_core::config::Config;
    use checklist_core::date::Date;
    use checklist_core::template::builtin;

    fn store(kind: &str) -> Store {
        let v = Validator::new(builtin(kind).expect("builtin").expect("loads"), Config::default()).expect("validator");
        Store::new(Rc::new(v), Locale::ZhCn, Date::new(2026, 1, 15).expect("date"), None, false)
    }

    fn fixture(kind: &str) -> Value {
        let text =
            std::fs::read_to_string(format!("{}/../../tests/fixtures/{kind}_valid.json", env!("CARGO_MANIFEST_DIR"))).expect("fixture");
        serde_json::from_str(&text).expect("json")
    }

    fn export(kind: &str, data: Value) -> String {
        let t = builtin(kind).unwrap().unwrap();
        envelope::to_json(
            &envelope::export(&t, data, vec![], vec![], "2025-01-20T10:00:00+08:00".into(), envelope::Status::Draft)
                .submitted("2025-01-20T10:00:00+08:00".into()),
        )
    }

    #[test]
    fn copy_last_year_starts_an_empty_record_and_keeps_the_base_in_the_draft() {
        let mut s = store("geren");
        let last = fixture("geren");
        let mut fx = Vec::new();
        s.clerk_update(ClerkMsg::File(FilePurpose::Base, export("geren", last.clone())), &mut fx);
        assert!(fx.contains(&Effect::SaveDraft));
        let year = last.pointer("/header/year").and_then(Value::as_i64).unwrap();
        assert_eq!(s.record.pointer("/header/year"), Some(&Value::from(year + 1)));
        assert!(s.record.get("C16").is_none());
        let c = s.comparison().expect("compared");
        assert!(c.section("C16").is_some_and(|d| d.is_changed()));
        assert!(!c.section("family").is_some_and(|d| d.is_changed()));
        // The base survives a draft round trip.
        let draft = s.draft_json("2026-01-15T10:00:00+08:00");
        let mut t = store("geren");
        assert!(t.restore_draft(&draft).is_some());
        assert_eq!(t.clerk.base.as_deref(), Some(&last));
    }

    #[test]
    fn copy_last_year_never_overwrites_typed_answers() {
        let mut s = store("geren");
        s.update(Msg::Input { path: "/header/name".into(), raw: "王五".into() });
        let before = s.record.clone();
        let mut fx = Vec::new();
        s.clerk_update(ClerkMsg::File(FilePurpose::Base, export("geren", fixture("geren"))), &mut fx);
        assert_eq!(s.record, before);
        assert!(s.clerk.base.is_some());
        let mut fx = Vec::new();
        s.clerk_update(ClerkMsg::File(FilePurpose::Base, "{ nope".into()), &mut fx);
        assert_eq!(s.record, before);
        assert_eq!(s.notice.as_ref().map(|n| n.kind), Some("error"));
    }

    #[test]
    fn review_mode_says_whether_the_record_changed_after_export() {
        let mut s = store("geren");
        s.read_only = true;
        s.clerk.review_mode = true;
        let text = export("shuzhi", fixture("shuzhi"));
        let mut fx = Vec::new();
        s.clerk_update(ClerkMsg::File(FilePurpose::Review, text.clone()), &mut fx);
        assert_eq!(s.validator.template().id, "shuzhi", "the template follows the record");
        assert_eq!(s.clerk.review.as_ref().map(|r| r.integrity), Some(Integrity::Intact));
        assert_eq!(s.view, View::Review);
        let mut v: Value = serde_json::from_str(&text).unwrap();
        v["data"]["header"]["reporterName"] = Value::from("改过的名字");
        s.clerk_update(ClerkMsg::File(FilePurpose::Review, v.to_string()), &mut fx);
        assert_eq!(s.clerk.review.as_ref().map(|r| r.integrity), Some(Integrity::Changed));
        assert_eq!(s.record.pointer("/header/reporterName"), Some(&Value::from("改过的名字")), "shown as it is");
        let before = s.record.clone();
        s.clerk_update(ClerkMsg::File(FilePurpose::Review, "[]".into()), &mut fx);
        assert_eq!(s.record, before, "an unreadable file changes nothing");
    }

    #[test]
    fn talks_are_loaded_only_from_a_talk_record() {
        let mut s = store("shuzhi");
        let mut fx = Vec::new();
        s.clerk_update(ClerkMsg::File(FilePurpose::Talks, export("geren", fixture("geren"))), &mut fx);
        assert!(s.clerk.talks.is_none());
        s.clerk_update(ClerkMsg::File(FilePurpose::Talks, export("tanhua", fixture("tanhua"))), &mut fx);
        assert!(s.clerk.talks.is_some());
    }

    #[test]
    fn enter_in_the_last_cell_adds_a_row_and_focuses_its_first_cell() {
        let mut s = store("geren");
        s.update(Msg::AddRow("/C11/rows".into()));
        let mut fx = Vec::new();
        s.clerk_update(ClerkMsg::EnterInCell("/C11/rows/0/address".into()), &mut fx);
        assert!(fx.is_empty(), "not the last cell");
        s.clerk_update(ClerkMsg::EnterInCell("/C11/rows/0/remark".into()), &mut fx);
        assert!(fx.is_empty(), "Enter in a text area is a new line");
        s.clerk_update(ClerkMsg::EnterInCell("/C11/rows/0/disposal".into()), &mut fx);
        assert_eq!(s.record.pointer("/C11/rows").and_then(Value::as_array).map(Vec::len), Some(1), "an empty row gets no empty sibling");
        assert!(fx.contains(&Effect::Focus("/C11/rows/add-row".into())), "Enter moves on to 添加一行: {fx:?}");
        s.update(Msg::Set { path: "/C11/rows/0/address".into(), value: Some(Value::from("北京市朝阳区某路1号")) });
        let mut fx = Vec::new();
        s.clerk_update(ClerkMsg::EnterInCell("/C11/rows/0/disposal".into()), &mut fx);
        assert_eq!(s.record.pointer("/C11/rows").and_then(Value::as_array).map(Vec::len), Some(2));
        assert!(fx.contains(&Effect::Focus("/C11/rows/1/ownerIds".into())), "{fx:?}");
        assert!(s.notice.as_ref().is_some_and(|n| n.text.contains('2')), "announced");
        let mut fx = Vec::new();
        s.clerk_update(ClerkMsg::EnterInCell("/C11/rows/0/disposal".into()), &mut fx);
        assert_eq!(s.record.pointer("/C11/rows").and_then(Value::as_array).map(Vec::len), Some(2), "a middle row moves on");
        assert!(fx.contains(&Effect::Focus("/C11/rows/1/ownerIds".into())));
    }

    #[test]
    fn next_problem_walks_the_blocking_findings() {
        let mut s = store("geren");
        let mut fx = Vec::new();
        s.clerk_update(ClerkMsg::NextProblem(None), &mut fx);
        let first = fx.iter().find_map(|e| if let Effect::Focus(p) = e { Some(p.clone()) } else { None }).expect("focus");
        let mut fx = Vec::new();
        s.clerk_update(ClerkMsg::NextProblem(Some(first.clone())), &mut fx);
        let second = fx.iter().find_map(|e| if let Effect::Focus(p) = e { Some(p.clone()) } else { None }).expect("focus");
        assert_ne!(first, second);
        assert!(s.notice.as_ref().is_some_and(|n| n.text.starts_with("第2个问题")));
    }

    #[test]
    fn shortcuts_need_alt_and_shift_only_and_no_ime_composition() {
        assert_eq!(shortcut("KeyS", true, true, false, false, false), Some("save"));
        assert_eq!(shortcut("KeyV", true, true, false, false, false), Some("validate"));
        assert_eq!(shortcut("KeyN", true, true, false, false, false), Some("next"));
        assert_eq!(shortcut("KeyS", true, false, false, false, false), None);
        assert_eq!(shortcut("KeyS", true, true, true, false, false), None);
        assert_eq!(shortcut("KeyS", true, true, false, false, true), None);
    }
}
