//! The error summary after 校验 or 提交: every blocking finding in form order, each a link to its
//! field named by its section (or table row), warnings with their 已核实 box.

use yew::prelude::*;

use super::dom::dom_id;
use super::shared::Shared;
use super::store::msg::Msg;
use super::store::state::Store;
use super::text::{say, w, P, W};
use checklist_core::finding::{Finding, Severity};
use checklist_core::locale::Locale;

/// The summary (nothing until the user asked for it, or nothing blocks).
pub(crate) fn summary(s: &Store, sh: &Shared) -> Html {
    if !s.summary_shown() {
        return html! {};
    }
    let l = s.locale();
    let blocking = s.blocking();
    if blocking.is_empty() {
        return html! {};
    }
    let (errors, warnings) = s.counts();
    let title = say(l, P::SummaryTitle { errors, warnings });
    // A labelled region that 校验 moves focus to (its title is read then), not a live region: the
    // title's counts change while the user corrects fields, and role="alert" had some screen
    // readers announce the whole summary again at every keystroke. A blocked 提交 is announced by
    // the status line next to it.
    html! {
        <div class="ac-summary" role="region" tabindex="-1" data-summary="" aria-labelledby="ac-summary-title">
            <h2 id="ac-summary-title">{ title }</h2>
            <ul>
                { for blocking.iter().enumerate().map(|(i, f)| {
                    let path = f.path.clone();
                    let p2 = path.clone();
                    let warn = f.severity == Severity::Warning;
                    // The section (or table and row) names the item: several items share messages such as
                    // 请据实填写或明确填报“无”, and every row has the same columns.
                    let section = s.where_is(&path);
                    let text = match section {
                        Some(title) => format!("{title}{}{}", w(l, W::Colon), f.message(l)),
                        None => f.message(l),
                    };
                    html! {
                        <li class={if warn { "ac-sum-warn" } else { "ac-sum-err" }}>
                            <a href={format!("#{}", dom_id(&path))} data-target={path.clone()}
                                onclick={sh.cb(move |e: MouseEvent| { e.prevent_default(); Some(Msg::Focus(p2.clone())) })}>
                                { if warn { w(l, W::WarningColon) } else { "" } }{ text.clone() }
                            </a>
                            if warn { { confirm_box(sh, l, f, &format!("ac-sum-c{i}"), &text, true) } }
                        </li>
                    }
                }) }
            </ul>
        </div>
    }
}

/// A warning's 已核实，情况属实 box, ticked when the warning is confirmed. `in_summary`: the box of an
/// entry of the error summary (which goes away once ticked).
pub(crate) fn confirm_box(sh: &Shared, l: Locale, f: &Finding, id: &str, what: &str, in_summary: bool) -> Html {
    let (code, path) = (f.code.as_str(), &f.path);
    let (c, p, host) = (code.to_owned(), path.to_owned(), sh.clone());
    html! {
        <span class="ac-confirm">
            <input type="checkbox" id={id.to_owned()} data-confirm={format!("{code}|{path}")} checked={f.confirmed}
                onchange={sh.cb(move |e: Event| {
                    let on = e.target_unchecked_into::<web_sys::HtmlInputElement>().checked();
                    Some(Msg::Confirm { code: c.clone(), path: p.clone(), on, at: host.now(), in_summary })
                })} />
            <label for={id.to_owned()}>{ w(l, W::CheckedThisIsCorrect) }<span class="ac-sr">{ format!("{}{what}", w(l, W::Colon)) }</span></label>
        </span>
    }
}
