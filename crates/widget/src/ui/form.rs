//! The form: sections, presence questions, fields by type, and repeating tables whose rows are
//! memoised components (a keystroke re-renders only the row it changed).

use std::collections::BTreeMap;
use std::rc::Rc;

use serde_json::Value;
use yew::prelude::*;

use super::answer::ref_options;
use super::changes;
use super::country;
use super::dom::{dom_id, esc, ADD_ROW, REMOVE_ASK, REMOVE_CONFIRM};
use super::shared::Shared;
use super::store::country::Typing;
use super::store::msg::Msg;
use super::store::pointer::display;
use super::store::state::{Store, DEFAULT_PAGE_SIZE};
use super::text::{say, w, P, W};
use checklist_core::finding::Severity;
use checklist_core::locale::Locale;
use checklist_core::template::{Field, FieldType, Section, Table, CHANGED_KEY, PRESENCE_HAS, PRESENCE_KEY, PRESENCE_NONE};

/// The 必填 mark, when the rules demand the field now (`required`, or a `requiredIf` that holds):
/// a field that can say 不能为空 carries it.
fn required_mark(l: Locale, must: bool) -> Html {
    match must {
        true => html! {
            <><span class="ac-req" aria-hidden="true">{ "*" }</span><span class="ac-sr">{ w(l, W::RequiredMark) }</span></>
        },
        _ => html! {},
    }
}

/// The visible asterisk alone, for a label whose control carries its own `aria-label` (table
/// cells: "建筑面积 第3行") and `aria-required`: the label's text is not part of the control's
/// name there, so a spoken "（必填）" would only add nodes to every row.
fn required_star(must: bool) -> Html {
    match must {
        true => html! { <span class="ac-req" aria-hidden="true">{ "*" }</span> },
        _ => html! {},
    }
}

pub(crate) fn section(s: &Store, sh: &Shared, _index: usize, sec: &Section) -> Html {
    let l = s.locale();
    if !s.section_applies(sec) {
        return html! {};
    }
    let sid = esc(&sec.id);
    let base = format!("/{sid}");
    let (status, key) = s.section_status(sec).label(l);
    let gated = sec.presence.is_some();
    let open = !gated || s.has_presence(sec);
    let obj = s.record().get(&sec.id).and_then(Value::as_object);
    html! {
        <section class="ac-section" data-section={sec.id.clone()} aria-labelledby={format!("{}.h", dom_id(&base))}>
            <h2 id={format!("{}.h", dom_id(&base))} tabindex="-1">
                { sec.title.get(l) }
                if sec.key_item { <span class="ac-key">{ w(l, W::KeyItem) }</span> }
                <span class={classes!("ac-status", format!("ac-status-{key}"))}>{ status }</span>
                { changes::section_badge(s, sec) }
            </h2>
            if let Some(h) = &sec.hint { <p class="ac-hint">{ h.get(l) }</p> }
            if let Some(p) = &sec.presence {
                { presence(s, sh, sec, p) }
            }
            if open {
                <div class="ac-fields">
                    // A field that does not apply keeps its place as an empty node: Yew pairs the nodes of an
                    // unkeyed list from the end, so removing one would rebuild (and blur) the controls before it.
                    { for sec.fields.iter().filter(|f| !f.computed || obj.is_some_and(|o| o.contains_key(&f.key))).map(|f| {
                        if !s.applies(f, obj) {
                            return html! {};
                        }
                        let path = format!("{base}/{}", esc(&f.key));
                        let value = obj.and_then(|o| o.get(&f.key));
                        field(sh, FieldCx { s, field: f, path: &path, value, label: None, brief: false })
                    }) }
                </div>
                { for sec.tables.iter().map(|tb| table(s, sh, sec, tb)) }
            } else if let Some(reason) = sec.presence.as_ref().and_then(|p| p.none_reason_field.as_ref()).and_then(|k| sec.field(k)) {
                if obj.and_then(|o| o.get(PRESENCE_KEY)).and_then(Value::as_str) == Some(PRESENCE_NONE) {
                    { field(sh, FieldCx { s, field: reason, path: &format!("{base}/{}", esc(&reason.key)), value: obj.and_then(|o| o.get(&reason.key)), label: None, brief: false }) }
                }
            }
            { set_aside(s, sec) }
        </section>
    }
}

/// What was typed in fields that no longer apply (`shownIf`): kept in the record, and said so
/// here (one line each) rather than dropped without a word.
fn set_aside(s: &Store, sec: &Section) -> Html {
    let notes = s.set_aside(sec);
    if notes.is_empty() {
        return html! {};
    }
    html! { <p class="ac-hint ac-set-aside">{ notes }</p> }
}

fn presence(s: &Store, sh: &Shared, sec: &Section, p: &checklist_core::template::PresenceSpec) -> Html {
    let l = s.locale();
    let path = format!("/{}/{PRESENCE_KEY}", esc(&sec.id));
    let current = s.value_at(&path).and_then(Value::as_str).map(str::to_owned);
    let (has, none) = match &p.labels {
        Some(lb) => (lb.has.get(l).to_owned(), lb.none.get(l).to_owned()),
        None => (w(l, W::PresenceHas).to_owned(), w(l, W::PresenceNone).to_owned()),
    };
    let msg = s.visible_message(&path);
    let id = dom_id(&path);
    let err_id = format!("{id}.err");
    let changed = if p.track_change && current.is_some() {
        let cpath = format!("/{}/{CHANGED_KEY}", esc(&sec.id));
        let cur = s.value_at(&cpath).and_then(Value::as_str).map(str::to_owned);
        let cid = dom_id(&cpath);
        html! {
            <fieldset class="ac-radios" id={cid.clone()}>
                <legend>{ w(l, W::ComparedWithLastYear) }</legend>
                { for [("有变化", W::YearChanged), ("无变化", W::YearUnchanged)].into_iter().enumerate().map(|(i, (value, label))| radio(sh, &cpath, &format!("{cid}.{i}"), value, w(l, label), cur.as_deref() == Some(value), s.read_only(), None)) }
            </fieldset>
        }
    } else {
        html! {}
    };
    html! {
        <>
        <fieldset class="ac-radios" id={id.clone()} aria-describedby={msg.as_ref().map(|_| err_id.clone())}>
            // Every section asks 本项情况: the section's title, for screen readers only, tells the 13
            // groups apart where the legend is read without the region around it.
            <legend>{ w(l, W::ThisItem) }<span class="ac-sr" data-legend-section="">{ format!("{}{}{}", w(l, W::OpenParen), sec.title.get(l), w(l, W::CloseParen)) }</span><span class="ac-req" aria-hidden="true">{ "*" }</span><span class="ac-sr">{ w(l, W::RequiredMark) }</span></legend>
            { radio(sh, &path, &format!("{id}.0"), PRESENCE_HAS, &has, current.as_deref() == Some(PRESENCE_HAS), s.read_only(), msg.as_ref().map(|_| true)) }
            { radio(sh, &path, &format!("{id}.1"), PRESENCE_NONE, &none, current.as_deref() == Some(PRESENCE_NONE), s.read_only(), msg.as_ref().map(|_| true)) }
            { error_line(&path, &err_id, msg) }
        </fieldset>
        { changed }
        </>
    }
}

#[allow(clippy::too_many_arguments)]
fn radio(sh: &Shared, path: &str, id: &str, value: &str, label: &str, checked: bool, ro: bool, invalid: Option<bool>) -> Html {
    let (p, v) = (path.to_owned(), value.to_owned());
    html! {
        <span class="ac-radio">
            <input type="radio" id={id.to_owned()} name={dom_id(path)} value={value.to_owned()} checked={checked} disabled={ro}
                data-path={path.to_owned()} aria-invalid={invalid.map(|_| "true")}
                onchange={sh.cb(move |_: Event| Some(Msg::Set { path: p.clone(), value: Some(Value::String(v.clone())) }))} />
            <label for={id.to_owned()}>{ label }</label>
        </span>
    }
}

fn error_line(path: &str, id: &str, msg: Option<(Severity, String)>) -> Html {
    match msg {
        Some((sev, text)) => html! {
            <p class={if sev == Severity::Error { "ac-error" } else { "ac-warning" }} id={id.to_owned()} data-error-for={path.to_owned()}>{ text }</p>
        },
        None => html! {},
    }
}

struct FieldCx<'a> {
    s: &'a Store,
    field: &'a Field,
    path: &'a str,
    value: Option<&'a Value>,
    /// Accessible-name suffix for table cells (`第 3 行`).
    label: Option<String>,
    /// A select shows only its chosen option (and 请选择) until its row is used: see [`RowView`].
    brief: bool,
}

fn field(sh: &Shared, cx: FieldCx<'_>) -> Html {
    let FieldCx { s, field: f, path, value, label, brief } = cx;
    let l = s.locale();
    let id = dom_id(path);
    let hint_id = format!("{id}.hint");
    let err_id = format!("{id}.err");
    let msg = s.visible_message(path);
    let mut described = Vec::new();
    if f.hint.is_some() {
        described.push(hint_id.clone());
    }
    if msg.is_some() {
        described.push(err_id.clone());
    }
    let described = if described.is_empty() { None } else { Some(described.join(" ")) };
    let invalid = msg.as_ref().filter(|(sev, _)| *sev == Severity::Error).map(|_| "true");
    let must = s.required_now(f, path);
    let required = must.then_some("true");
    let ro = s.read_only() || f.computed;
    let text = display(value);
    let p = path.to_owned();
    let had_value = value.is_some();
    let oninput = sh.cb(move |e: InputEvent| {
        let raw = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
        let _ = had_value;
        Some(Msg::Input { path: p.clone(), raw })
    });
    let p = path.to_owned();
    let onblur = sh.cb(move |_: FocusEvent| Some(Msg::Touch(p.clone())));
    let p = path.to_owned();
    let onchange_select = sh.cb(move |e: Event| {
        let raw = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
        Some(Msg::Input { path: p.clone(), raw })
    });
    let aria_label = label.as_ref().map(|suffix| format!("{} {suffix}", f.label.get(l)));
    let control = match f.kind {
        // One box whose text is the label (the 承诺): ticked is `true`, unticked no answer.
        FieldType::Boolean if f.checkbox => {
            let p = path.to_owned();
            let onchange = sh.cb(move |e: Event| {
                let on = e.target_unchecked_into::<web_sys::HtmlInputElement>().checked();
                Some(Msg::Set { path: p.clone(), value: on.then_some(Value::Bool(true)) })
            });
            return html! {
                <div class={classes!("ac-field", "ac-field-check", msg.as_ref().map(|_| "ac-field-invalid"))}>
                    if let Some(h) = &f.hint { <p class="ac-hint" id={hint_id}>{ h.get(l) }</p> }
                    <span class="ac-check">
                        <input type="checkbox" id={id.clone()} data-path={path.to_owned()} checked={value == Some(&Value::Bool(true))} disabled={ro}
                            aria-describedby={described} aria-invalid={invalid} aria-required={required} aria-label={aria_label}
                            onchange={onchange} onblur={onblur} />
                        <label for={id}>{ f.label.get(l) }{ required_mark(l, must) }</label>
                    </span>
                    { error_line(path, &err_id, msg) }
                </div>
            };
        }
        FieldType::Enum | FieldType::Boolean | FieldType::Ref => {
            let opts: Vec<(String, String)> = match f.kind {
                FieldType::Boolean => vec![("true".into(), w(l, W::Yes).into()), ("false".into(), w(l, W::No).into())],
                FieldType::Ref => ref_options(s, f),
                _ => f.options.iter().map(|o| (o.value().to_owned(), o.label(l).to_owned())).collect(),
            };
            let known = opts.iter().any(|(v, _)| *v == text);
            let opts = if brief { opts.into_iter().filter(|(v, _)| *v == text).collect() } else { opts };
            html! {
                <select id={id.clone()} data-path={path.to_owned()} disabled={ro} aria-describedby={described.clone()} aria-invalid={invalid}
                    aria-required={required} aria-label={aria_label.clone()} onchange={onchange_select} onblur={onblur.clone()}>
                    <option value="" selected={text.is_empty()}>{ w(l, W::Select) }</option>
                    if !known && !text.is_empty() { <option value={text.clone()} selected=true>{ text.clone() }</option> }
                    { for opts.into_iter().map(|(v, lab)| { let sel = v == text; html! { <option selected={sel} value={v}>{ lab }</option> } }) }
                </select>
            }
        }
        FieldType::MultiEnum | FieldType::Refs => {
            let opts: Vec<(String, String)> = if f.kind == FieldType::Refs {
                ref_options(s, f)
            } else {
                f.options.iter().map(|o| (o.value().to_owned(), o.label(l).to_owned())).collect()
            };
            let chosen: Vec<String> = value
                .and_then(Value::as_array)
                .map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect())
                .unwrap_or_default();
            return html! {
                <fieldset class="ac-field ac-checks" id={id.clone()} aria-describedby={described.clone()}>
                    <legend>{ f.label.get(l) }{ label.clone().map(|x| format!(" {x}")).unwrap_or_default() }{ required_mark(l, must) }</legend>
                    if let Some(h) = &f.hint { <p class="ac-hint" id={hint_id.clone()}>{ h.get(l) }</p> }
                    { for opts.into_iter().enumerate().map(|(i, (v, lab))| {
                        let (p, v2) = (path.to_owned(), v.clone());
                        let cid = format!("{id}.{i}");
                        html! {
                            <span class="ac-check">
                                <input type="checkbox" id={cid.clone()} data-path={path.to_owned()} value={v.clone()} checked={chosen.contains(&v)} disabled={ro}
                                    onchange={sh.cb(move |e: Event| Some(Msg::Toggle { path: p.clone(), option: v2.clone(), on: e.target_unchecked_into::<web_sys::HtmlInputElement>().checked() }))} />
                                <label for={cid}>{ lab }</label>
                            </span>
                        }
                    }) }
                    { error_line(path, &err_id, msg) }
                </fieldset>
            };
        }
        _ if f.multiline => html! {
            <textarea id={id.clone()} data-path={path.to_owned()} readonly={ro} aria-describedby={described.clone()} aria-invalid={invalid}
                aria-required={required} aria-label={aria_label.clone()} rows="3" value={text.clone()} oninput={oninput} onblur={onblur.clone()} />
        },
        kind => {
            let (mode, placeholder) = match kind {
                FieldType::Date => (Some("numeric"), Some(w(l, W::DatePlaceholder))),
                FieldType::Year | FieldType::Integer => (Some("numeric"), None),
                FieldType::MoneyWan | FieldType::MoneyYuan | FieldType::AreaM2 | FieldType::Percent | FieldType::FundShares => {
                    (Some("decimal"), None)
                }
                FieldType::Mobile => (Some("tel"), None),
                _ => (None, None),
            };
            let autocomplete = match kind {
                FieldType::IdCard | FieldType::IdNumber | FieldType::Passport | FieldType::TravelPermit => Some("off"),
                _ => None,
            };
            // A country field is a combobox: typed and shown by name, stored by code (country.rs).
            let c = country::combo(s, sh, f, path, value);
            let text = c.as_ref().map_or(text, |c| c.text.clone());
            html! {<>
                <input type="text" id={id.clone()} data-path={path.to_owned()} readonly={ro} value={text} inputmode={mode} placeholder={placeholder}
                    autocomplete={autocomplete} spellcheck="false" aria-describedby={described.clone()} aria-invalid={invalid} aria-required={required}
                    aria-label={aria_label.clone()} oninput={oninput} onblur={onblur}
                    role={c.as_ref().map(|_| "combobox")} aria-autocomplete={c.as_ref().map(|_| "list")} aria-expanded={c.as_ref().map(|c| c.expanded)}
                    aria-controls={c.as_ref().and_then(|c| c.controls.clone())} aria-activedescendant={c.as_ref().and_then(|c| c.active.clone())}
                    onkeydown={c.as_ref().map(|c| c.onkeydown.clone())} />
                { c.map(|c| c.list).unwrap_or_default() }
            </>}
        }
    };
    html! {
        <div class={classes!("ac-field", msg.as_ref().map(|_| "ac-field-invalid"))}>
            <label for={id.clone()}>{ f.label.get(l) }{ if aria_label.is_some() { required_star(must) } else { required_mark(l, must) } }</label>
            if let Some(h) = &f.hint { <p class="ac-hint" id={hint_id}>{ h.get(l) }</p> }
            <span class="ac-control">
                { control }
                if let Some(u) = &f.unit { <span class="ac-unit">{ u }</span> }
            </span>
            { error_line(path, &err_id, msg) }
        </div>
    }
}

fn table(s: &Store, sh: &Shared, sec: &Section, tb: &Table) -> Html {
    let l = s.locale();
    let tpath = format!("/{}/{}", esc(&sec.id), esc(&tb.id));
    let all = s.record().pointer(&tpath).and_then(Value::as_array);
    let len = all.map_or(0, Vec::len);
    let range = s.visible_rows(&tpath);
    let msg = s.visible_message(&tpath);
    let tid = dom_id(&tpath);
    let prefix = format!("{tpath}/");
    let by_row = row_messages(s, tb, &prefix, &range);
    // Inserted one by one: collecting into a BTreeMap links a stable sort.
    let mut refs = BTreeMap::new();
    for c in tb.columns.iter().filter(|c| c.reference.is_some()) {
        refs.insert(c.key.clone(), ref_options(s, c));
    }
    let refs: Rc<BTreeMap<String, Vec<(String, String)>>> = Rc::new(refs);
    let tp = tpath.clone();
    // A keystroke in a long unpaged table compares the props of every row: what they carry is cheap
    // to make and compare: a version of the row's data (the row reads its data from the store when it
    // renders), the table's ids shared, and the delete question and the country list as a row index
    // found once for the table.
    let shown = range.start.min(len)..range.end.min(len);
    let versions = s.row_versions(&tpath);
    let (section, table): (AttrValue, AttrValue) = (sec.id.clone().into(), tb.id.clone().into());
    let pending = s.pending_remove().and_then(|p| row_index(p.strip_prefix(&prefix)?));
    let typing = s.typing().and_then(|t| row_index(t.path.strip_prefix(&prefix)?.split_once('/')?.0));
    let no_messages: Rc<Vec<(String, Severity, String)>> = Rc::default();
    let long = shown.len() > DEFAULT_PAGE_SIZE;
    let used = s.rows_used(&tpath);
    // What the rows' conditions read outside them (a host template's `shownIf: {field: "/header/…"}`):
    // a row renders again when it changes, as when its own data does.
    let mut outside = Vec::new();
    for c in &tb.columns {
        for cond in [&c.shown_if, &c.required_if].into_iter().flatten() {
            cond.outside_fields(&mut outside);
        }
    }
    let mut seen = String::new();
    for p in outside {
        seen.push_str(&s.record().pointer(p).map(Value::to_string).unwrap_or_default());
        seen.push('\u{1f}');
    }
    let outside = AttrValue::from(seen);
    let rows = shown.map(|i| {
        let messages = by_row.get(&i).cloned().map_or_else(|| no_messages.clone(), Rc::new);
        html! {
            <RowView key={i} shared={sh.clone()} section={section.clone()} table={table.clone()} index={i} version={versions.of(i)}
                messages={messages} locale={l} read_only={s.read_only()} pending={pending == Some(i)} refs={refs.clone()}
                typing={s.typing().filter(|_| typing == Some(i)).cloned()} brief={long && !used.contains(&i)} outside={outside.clone()} />
        }
    });
    html! {
        <div class="ac-table-block" data-table={tpath.clone()}>
            <h3 id={format!("{tid}.h")} tabindex="-1">{ tb.title.get(l) }
                <span class="ac-count">{ say(l, P::RowCount(len)) }</span>
            </h3>
            if let Some(h) = &tb.hint { <p class="ac-hint">{ h.get(l) }</p> }
            { error_line(&tpath, &format!("{tid}.err"), msg) }
            { pager(s, sh, &tpath, tb.title.get(l), len) }
            // A table showing more rows than a default page marks its list long: the stylesheet lets the
            // browser skip the rows off screen there (`content-visibility`), not in a page of ten.
            <ol class={if long { "ac-rows ac-rows-long" } else { "ac-rows" }} aria-labelledby={format!("{tid}.h")} start={(range.start + 1).to_string()}>
                { for rows }
            </ol>
            if !s.read_only() {
                <button type="button" class="ac-btn" data-action="add-row" data-table={tpath.clone()} id={dom_id(&format!("{tpath}/{}", ADD_ROW))}
                    onclick={sh.cb(move |_: MouseEvent| Some(Msg::AddRow(tp.clone())))}>
                    { w(l, W::AddRow) }<span class="ac-sr">{ format!("：{}", tb.title.get(l)) }</span>
                </button>
            }
        </div>
    }
}

/// The messages shown in rows, by row index: (column key, or "" for the row's own, severity, text).
type RowMessages = BTreeMap<usize, Vec<(String, Severity, String)>>;

/// The row index a pointer token names, written as the view writes it (no sign, no leading zero).
fn row_index(token: &str) -> Option<usize> {
    token.parse::<usize>().ok().filter(|i| i.to_string() == token)
}

/// The messages shown in the rows of `range` (a row's own after its cells', cells in column order),
/// by row: one pass over the table's findings, not one look-up per cell of every row.
fn row_messages(s: &Store, tb: &Table, prefix: &str, range: &std::ops::Range<usize>) -> RowMessages {
    // In column order, the row's own last: each message goes in at its place.
    let keys: Vec<String> = tb.columns.iter().map(|c| esc(&c.key)).collect();
    let mut by_row = RowMessages::new();
    for path in s.finding_paths_under(prefix) {
        let rest = &path[prefix.len()..];
        let (row, col) = rest.split_once('/').unwrap_or((rest, ""));
        let Some(i) = row_index(row).filter(|i| range.contains(i)) else { continue };
        let Some(slot) = (if col.is_empty() { Some(keys.len()) } else { keys.iter().position(|k| k == col) }) else { continue };
        let Some((sev, m)) = s.visible_message(path) else { continue };
        let key = tb.columns.get(slot).map(|c| c.key.clone()).unwrap_or_default();
        let place = |k: &str| if k.is_empty() { keys.len() } else { tb.columns.iter().position(|c| c.key == k).unwrap_or(0) };
        let messages = by_row.entry(i).or_default();
        let at = messages.iter().position(|(k, _, _)| place(k) > slot).unwrap_or(messages.len());
        messages.insert(at, (key, sev, m));
    }
    by_row
}

/// Page controls of a long table, with a count of rows on other pages that have problems.
fn pager(s: &Store, sh: &Shared, tpath: &str, title: &str, len: usize) -> Html {
    let (page, pages) = s.page_of(tpath);
    if pages <= 1 {
        return html! {};
    }
    let l = s.locale();
    let range = s.visible_rows(tpath);
    let prefix = format!("{tpath}/");
    let mut other: Vec<usize> = s
        .findings()
        .iter()
        .filter(|f| f.severity == Severity::Error && (s.show_all() || s.touched(&f.path)))
        .filter_map(|f| f.path.strip_prefix(&prefix)?.split('/').next()?.parse::<usize>().ok())
        .filter(|i| !range.contains(i))
        .collect();
    checklist_core::sort::sort(&mut other);
    other.dedup();
    let (t1, t2, t3) = (tpath.to_owned(), tpath.to_owned(), tpath.to_owned());
    let sel_id = format!("{}.page", dom_id(tpath));
    html! {
        <nav class="ac-pager" aria-label={format!("{title}{}", w(l, W::Pages))} data-pager={tpath.to_owned()}>
            <button type="button" class="ac-btn" data-action="page-prev" disabled={page == 0}
                onclick={sh.cb(move |_: MouseEvent| Some(Msg::Page { table: t1.clone(), page: page.saturating_sub(1) }))}>{ w(l, W::Previous) }</button>
            <span class="ac-page-info">{ say(l, P::RowsOfTotal { from: range.start + 1, to: range.end, len }) }</span>
            <label for={sel_id.clone()}>{ w(l, W::Page) }</label>
            <select id={sel_id} data-action="page-select"
                onchange={sh.cb(move |e: Event| {
                    let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
                    v.parse::<usize>().ok().map(|p| Msg::Page { table: t3.clone(), page: p })
                })}>
                { for (0..pages).map(|p| html! { <option value={p.to_string()} selected={p == page}>{ format!("{} / {pages}", p + 1) }</option> }) }
            </select>
            <button type="button" class="ac-btn" data-action="page-next" disabled={page + 1 >= pages}
                onclick={sh.cb(move |_: MouseEvent| Some(Msg::Page { table: t2.clone(), page: page + 1 }))}>{ w(l, W::Next) }</button>
            if !other.is_empty() {
                <span class="ac-error">{ say(l, P::ErrorsOnOtherPages { count: other.len(), first: other[0] + 1 }) }</span>
            }
        </nav>
    }
}

/// Props of one table row.
#[derive(Properties, PartialEq, Clone)]
pub struct RowProps {
    shared: Shared,
    section: AttrValue,
    table: AttrValue,
    index: usize,
    /// The version of the row's data ([`Store::row_versions`]): the row reads its data from the
    /// store, and renders again when this changes.
    version: usize,
    messages: Rc<Vec<(String, Severity, String)>>,
    locale: Locale,
    read_only: bool,
    pending: bool,
    /// One of its country cells is being typed in (its list is part of the row).
    typing: Option<Typing>,
    refs: Rc<BTreeMap<String, Vec<(String, String)>>>,
    /// Its selects show only their chosen option: see [`RowView`].
    brief: bool,
    /// The values outside the row that its columns' conditions read, as JSON text (empty for the
    /// built-in templates).
    outside: AttrValue,
}

/// One table row: re-renders only when its data (its version), messages, options or the values outside
/// it that its conditions read change.
///
/// In a long list (more rows than a default page, all in the DOM), the selects of a row that has not
/// been used show only their chosen option (and 请选择): options are a third of a row's nodes, and a
/// 1,000-row unpaged table would otherwise build and lay out every one of them. The first focus in
/// the row gives every select all its options before the browser acts on a key or a press: the
/// widget renders again in a microtask, which runs as the focus event's listener returns, and a press
/// of the mouse on a select focuses it before the list opens (Chromium's select, 78 to now). The
/// row keeps them ([`Store::rows_used`]).
#[component]
fn RowView(p: &RowProps) -> Html {
    let brief = p.brief;
    let Ok(s) = p.shared.store.try_borrow() else { return html! {} };
    let l = p.locale;
    let Some(tb) = s.validator().template().section(&p.section).and_then(|sec| sec.table(&p.table)) else { return html! {} };
    let tpath = format!("/{}/{}", esc(&p.section), esc(&p.table));
    let rpath = format!("{tpath}/{}", p.index);
    let n = p.index + 1;
    let row_label = say(l, P::RowLabel(n));
    let obj = s.record().pointer(&rpath).and_then(Value::as_object);
    let sh = &p.shared;
    let rp = rpath.clone();
    let rid = dom_id(&rpath);
    let row_msg = p.messages.iter().find(|(k, _, _)| k.is_empty()).map(|(_, sev, m)| (*sev, m.clone()));
    html! {
        <li class="ac-row" data-row={rpath.clone()}
            onfocusin={brief.then(|| { let (t, i) = (tpath.clone(), p.index); sh.cb(move |_: FocusEvent| Some(Msg::UseRow(t.clone(), i))) })}>
            <fieldset id={rid.clone()} tabindex="-1">
                <legend>{ format!("{} {}", tb.title.get(l), row_label) }</legend>
                <div class="ac-fields">
                    { for tb.columns.iter().filter(|c| c.key != "id").map(|c| {
                        if !s.applies(c, obj) {
                            return html! {}; // keeps its place, as in `section`
                        }
                        let cpath = format!("{rpath}/{}", esc(&c.key));
                        field(sh, FieldCx { s: &s, field: c, path: &cpath, value: obj.and_then(|o| o.get(&c.key)), label: Some(row_label.clone()), brief })
                    }) }
                </div>
                { error_line(&rpath, &format!("{rid}.err"), row_msg) }
                if !p.read_only {
                    if p.pending {
                        // Focus moves into the question (Effect::Focus of `{row}/confirm-remove`) and Escape
                        // answers 取消, which gives focus back to the row's 删除.
                        <div class="ac-dialog" role="alertdialog" aria-labelledby={format!("{rid}.q")}
                            onkeydown={sh.cb(|e: KeyboardEvent| (e.key() == "Escape").then_some(Msg::CancelRemove))}>
                            <p id={format!("{rid}.q")}>{ say(l, P::DeleteRow(&row_label)) }</p>
                            <button type="button" class="ac-btn ac-danger" id={dom_id(&format!("{rpath}/{}", REMOVE_CONFIRM))} data-action="confirm-remove" onclick={sh.cb(|_: MouseEvent| Some(Msg::ConfirmRemove))}>{ w(l, W::Delete) }</button>
                            <button type="button" class="ac-btn" data-action="cancel-remove" onclick={sh.cb(|_: MouseEvent| Some(Msg::CancelRemove))}>{ w(l, W::Cancel) }</button>
                        </div>
                    } else {
                        <button type="button" class="ac-btn ac-link" data-action="remove-row" data-row={rpath.clone()} id={dom_id(&format!("{rpath}/{}", REMOVE_ASK))}
                            onclick={sh.cb(move |_: MouseEvent| Some(Msg::AskRemove(rp.clone())))}>
                            { w(l, W::Delete) }<span class="ac-sr">{ format!(" {row_label}") }</span>
                        </button>
                    }
                }
            </fieldset>
        </li>
    }
}
