//! Navigation: which screen shows (the form, 核对), where focus goes (a finding's field, the page of
//! a long table holding its row), the locale, and the clerks' keyboard moves (the next problem,
//! Enter in a table cell). The keys themselves are matched by `shortcut`.

use serde_json::Value;

use super::msg::{Effect, Msg};
use super::notice::Notice;
use super::pointer::split_pointer;
use super::state::{Store, View};
use crate::ui::dom::ADD_ROW;
use checklist_core::finding::Severity;

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
    /// Screens, focus, pages, the locale and keyboard moves.
    pub(super) fn update_navigation(&mut self, msg: Msg, fx: &mut Vec<Effect>) {
        match msg {
            Msg::Review => {
                self.revalidate();
                self.nav.view = View::Review;
                fx.push(Effect::Focus(String::new()));
            }
            Msg::BackToForm => {
                self.nav.view = View::Form;
                fx.push(Effect::Focus(String::new()));
            }
            Msg::SetLocale(l) => self.locale = l,
            Msg::Focus(path) => {
                self.nav.view = View::Form;
                self.editing.touched.insert(path.clone());
                self.show_row_of(&path);
                fx.push(Effect::Focus(path));
            }
            Msg::Page { table, page } => {
                let (_, pages) = self.page_of(&table);
                self.nav.pages.insert(table.clone(), page.min(pages.saturating_sub(1)));
                fx.push(Effect::Focus(table));
            }
            Msg::NextProblem(from) => {
                self.revalidate();
                let mut paths: Vec<String> = Vec::new();
                for f in self.blocking() {
                    if !paths.contains(&f.path) {
                        paths.push(f.path.clone());
                    }
                }
                if paths.is_empty() {
                    self.notice = Some(Notice::NoProblems);
                    return;
                }
                let from = from.or_else(|| self.nav.last_problem.clone());
                let next = match from.as_deref().and_then(|p| paths.iter().position(|x| x == p)) {
                    Some(i) => (i + 1) % paths.len(),
                    None => 0,
                };
                let path = paths[next].clone();
                self.nav.last_problem = Some(path.clone());
                self.validation.show_all = true;
                fx.extend(self.update(Msg::Focus(path.clone())));
                let finding = self.findings_at(&path).find(|f| f.severity != Severity::Info).cloned();
                self.notice = Some(Notice::Problem { n: next + 1, of: paths.len(), finding });
            }
            Msg::EnterInCell(path) => match self.enter_target(&path) {
                Some((table, Some(row))) => {
                    let cell = self.first_cell(&table, row);
                    fx.extend(self.update(Msg::Focus(cell)));
                }
                Some((table, None)) if !self.last_row_has_content(&table) => {
                    // An empty row gets no empty sibling (whose messages would name no row):
                    // Enter moves on to the table's 添加一行.
                    self.notice = Some(Notice::RowEmpty);
                    fx.push(Effect::Focus(format!("{table}/{}", ADD_ROW)));
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
            _ => {}
        }
    }
}

impl Store {
    /// The current page of a table and how many pages it has (at least 1).
    pub fn page_of(&self, table: &str) -> (usize, usize) {
        let len = self.record.pointer(table).and_then(Value::as_array).map_or(0, Vec::len);
        if self.nav.page_size == 0 {
            return (0, 1);
        }
        let pages = len.div_ceil(self.nav.page_size).max(1);
        (self.nav.pages.get(table).copied().unwrap_or(0).min(pages - 1), pages)
    }

    /// The row range shown for a table.
    pub fn visible_rows(&self, table: &str) -> std::ops::Range<usize> {
        let len = self.record.pointer(table).and_then(Value::as_array).map_or(0, Vec::len);
        if self.nav.page_size == 0 {
            return 0..len;
        }
        let (page, _) = self.page_of(table);
        let start = page * self.nav.page_size;
        start..(start + self.nav.page_size).min(len)
    }

    /// Turns the page of the table holding `path` (a cell or row pointer) to that row.
    pub(super) fn show_row_of(&mut self, path: &str) {
        let tokens = split_pointer(path);
        if self.nav.page_size == 0 || tokens.len() < 3 {
            return;
        }
        let Some(section) = self.validator.template().section(&tokens[0]) else { return };
        if section.table(&tokens[1]).is_none() {
            return;
        }
        if let Ok(i) = tokens[2].parse::<usize>() {
            let table = path.split('/').take(3).collect::<Vec<_>>().join("/");
            self.nav.pages.insert(table, i / self.nav.page_size);
        }
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
        let tptr = path.rsplitn(3, '/').nth(2)?.to_owned();
        // The last single-line cell shown in this row: Enter in a text area starts a new line, and a
        // column whose shownIf does not hold for the row is not there to type in.
        let row = self.record.pointer(&format!("{tptr}/{i}")).and_then(Value::as_object);
        let last = table.columns.iter().rfind(|c| c.key != "id" && !c.multiline && !c.computed && self.applies(c, row))?;
        if last.key != t[3] {
            return None;
        }
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
    pub(super) fn last_row_has_content(&self, table_ptr: &str) -> bool {
        let last = self.record.pointer(table_ptr).and_then(Value::as_array).and_then(|rows| rows.last());
        last.and_then(Value::as_object).is_some_and(|row| row.iter().any(|(k, v)| k != "id" && !checklist_core::engine::is_empty(Some(v))))
    }

    pub(super) fn first_cell(&self, table_ptr: &str, row: usize) -> String {
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::store::testing::store;

    #[test]
    fn long_tables_page_and_every_row_stays_reachable() {
        let mut s = store("geren");
        s.nav.page_size = 10;
        s.update(Msg::Set { path: "/C11/presence".into(), value: Some("有".into()) });
        for _ in 0..25 {
            s.update(Msg::AddRow("/C11/rows".into()));
        }
        assert_eq!(s.page_of("/C11/rows"), (2, 3), "adding a row shows its page");
        assert_eq!(s.visible_rows("/C11/rows"), 20..25);
        s.update(Msg::Page { table: "/C11/rows".into(), page: 0 });
        assert_eq!(s.visible_rows("/C11/rows"), 0..10);
        s.update(Msg::Page { table: "/C11/rows".into(), page: 99 });
        assert_eq!(s.page_of("/C11/rows").0, 2, "clamped to the last page");
        s.update(Msg::Focus("/C11/rows/13/areaM2".into()));
        assert_eq!(s.visible_rows("/C11/rows"), 10..20, "a summary link turns to its row's page");
        s.nav.page_size = 0;
        assert_eq!(s.visible_rows("/C11/rows"), 0..25, "no paging shows every row");
    }

    #[test]
    fn enter_in_the_last_cell_adds_a_row_and_focuses_its_first_cell() {
        let mut s = store("geren");
        s.update(Msg::AddRow("/C11/rows".into()));
        let mut fx = Vec::new();
        fx.extend(s.update(Msg::EnterInCell("/C11/rows/0/address".into())));
        assert!(fx.is_empty(), "not the last cell");
        fx.extend(s.update(Msg::EnterInCell("/C11/rows/0/remark".into())));
        assert!(fx.is_empty(), "Enter in a text area is a new line");
        fx.extend(s.update(Msg::EnterInCell("/C11/rows/0/disposal".into())));
        assert_eq!(s.record.pointer("/C11/rows").and_then(Value::as_array).map(Vec::len), Some(1), "an empty row gets no empty sibling");
        assert!(fx.contains(&Effect::Focus("/C11/rows/add-row".into())), "Enter moves on to 添加一行: {fx:?}");
        s.update(Msg::Set { path: "/C11/rows/0/address".into(), value: Some(Value::from("北京市朝阳区某路1号")) });
        let mut fx = Vec::new();
        fx.extend(s.update(Msg::EnterInCell("/C11/rows/0/disposal".into())));
        assert_eq!(s.record.pointer("/C11/rows").and_then(Value::as_array).map(Vec::len), Some(2));
        assert!(fx.contains(&Effect::Focus("/C11/rows/1/ownerIds".into())), "{fx:?}");
        assert!(s.notice_text().is_some_and(|t| t.contains('2')), "announced");
        let mut fx = Vec::new();
        fx.extend(s.update(Msg::EnterInCell("/C11/rows/0/disposal".into())));
        assert_eq!(s.record.pointer("/C11/rows").and_then(Value::as_array).map(Vec::len), Some(2), "a middle row moves on");
        assert!(fx.contains(&Effect::Focus("/C11/rows/1/ownerIds".into())));
    }

    #[test]
    fn enter_in_the_last_cell_shown_in_the_row_adds_a_row_whatever_columns_the_row_hides() {
        let mut s = store("geren");
        let members = "/family/members";
        let rows = |s: &Store| s.record.pointer(members).and_then(Value::as_array).map_or(0, Vec::len);
        if rows(&s) == 0 {
            s.update(Msg::AddRow(members.into()));
        }
        // 本人: the columns after 证件号码 (工作单位, 职务, the children's) do not apply to this row.
        s.update(Msg::Set { path: "/family/members/0/relation".into(), value: Some(Value::from("本人")) });
        s.update(Msg::Set { path: "/family/members/0/name".into(), value: Some(Value::from("张建国")) });
        assert_eq!(s.enter_target("/family/members/0/position"), None, "not shown in a 本人 row");
        let fx = s.update(Msg::EnterInCell("/family/members/0/idNumber".into()));
        assert_eq!(rows(&s), 2, "Enter in 证件号码 of a 本人 row adds a row");
        assert!(fx.contains(&Effect::Focus("/family/members/1/relation".into())), "{fx:?}");
        // 配偶: the row ends at 职务.
        s.update(Msg::Set { path: "/family/members/1/relation".into(), value: Some(Value::from("配偶")) });
        assert_eq!(s.enter_target("/family/members/1/idNumber"), None);
        assert_eq!(s.enter_target("/family/members/1/position"), Some((members.to_owned(), None)));
        // In an earlier row, Enter in its own last cell moves to the next row.
        assert_eq!(s.enter_target("/family/members/0/idNumber"), Some((members.to_owned(), Some(1))));
    }

    #[test]
    fn next_problem_walks_the_blocking_findings() {
        let mut s = store("geren");
        let mut fx = Vec::new();
        fx.extend(s.update(Msg::NextProblem(None)));
        let first = fx.iter().find_map(|e| if let Effect::Focus(p) = e { Some(p.clone()) } else { None }).expect("focus");
        let mut fx = Vec::new();
        fx.extend(s.update(Msg::NextProblem(Some(first.clone()))));
        let second = fx.iter().find_map(|e| if let Effect::Focus(p) = e { Some(p.clone()) } else { None }).expect("focus");
        assert_ne!(first, second);
        assert!(s.notice_text().is_some_and(|t| t.starts_with("第2个问题")));
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
