//! Review mode (组织部门 / 纪检机关): the banner that says plainly whether the record was changed
//! after export, what the file says about itself, the findings now and the warnings the filer
//! confirmed (with when).

use yew::prelude::*;

use super::shared::Shared;
use super::store::msg::{FilePurpose, Msg};
use super::store::pointer::split_pointer;
use super::store::state::Store;
use super::store::verdict::Integrity;
use super::text::t;
use checklist_core::finding::Severity;
use checklist_core::locale::Locale;

/// The review-mode panel (nothing outside review mode).
pub(crate) fn panel(s: &Store, sh: &Shared) -> Html {
    if !s.review_mode() {
        return html! {};
    }
    let l = s.locale();
    let Some(r) = s.review_info() else {
        return html! {
            <section class="ac-reviewer" aria-labelledby="ac-reviewer-title" data-reviewer="">
                <h2 id="ac-reviewer-title">{ t(l, "审核模式", "Review mode") }</h2>
                <p>{ t(l, "请打开导出或提交的记录文件（JSON）。", "Open an exported or submitted record (JSON).") }</p>
                { open_button(sh, l) }
            </section>
        };
    };
    let (class, headline, detail) = match r.integrity {
        Integrity::Intact => (
            "ac-verdict-ok",
            t(l, "未被修改：该记录导出后未被修改。", "Unchanged: this record was not changed after export."),
            t(l, "数字摘要（SHA-256）与记录内容一致。", "The digest (SHA-256) matches the content."),
        ),
        Integrity::Changed => (
            "ac-verdict-bad",
            t(l, "已被修改：该记录在导出后被修改过！", "Changed: this record was modified after export!"),
            t(
                l,
                "数字摘要与记录内容不一致：填报内容或提示确认在导出后被改动，请勿直接采信，应向填报人核实。",
                "The digest does not match: answers or confirmations were changed after export. Do not rely on it; check with the filer.",
            ),
        ),
        Integrity::NoDigest => (
            "ac-verdict-warn",
            t(l, "无法确认：文件没有数字摘要。", "Cannot tell: the file has no digest."),
            t(
                l,
                "旧版文件不含数字摘要，无法确认导出后是否被修改。",
                "Old-format files carry no digest, so changes after export cannot be ruled out.",
            ),
        ),
        Integrity::Unknown => (
            "ac-verdict-warn",
            t(l, "无法确认：摘要算法无法识别。", "Cannot tell: unknown digest algorithm."),
            t(l, "无法校验该文件的数字摘要。", "The file's digest cannot be checked."),
        ),
    };
    let verdict = match r.integrity {
        Integrity::Intact => "intact",
        Integrity::Changed => "changed",
        Integrity::NoDigest => "no-digest",
        Integrity::Unknown => "unknown",
    };
    let current: Vec<_> = s.findings().iter().filter(|f| f.severity != Severity::Info || f.rule.is_some()).collect();
    let (e, w) = (
        current.iter().filter(|f| f.severity == Severity::Error).count(),
        current.iter().filter(|f| f.severity == Severity::Warning).count(),
    );
    let section_of = |path: &str| {
        split_pointer(path)
            .first()
            .and_then(|id| s.validator().template().section(id))
            .map(|sec| sec.title.get(l).to_owned())
            .unwrap_or_default()
    };
    let message_of = |code: &str, path: &str| s.findings().iter().find(|f| f.code.as_str() == code && f.path == path).map(|f| f.message(l));
    html! {
        <section class="ac-reviewer" aria-labelledby="ac-reviewer-title" data-reviewer="">
            <h2 id="ac-reviewer-title">{ t(l, "审核模式", "Review mode") }</h2>
            <div class={classes!("ac-verdict", class)} role="alert" data-verdict={verdict}>
                <p class="ac-verdict-head"><strong>{ headline }</strong></p>
                <p>{ detail }</p>
            </div>
            <dl class="ac-review-meta">
                <dt>{ t(l, "导出时间", "Exported at") }</dt><dd>{ if r.exported_at.is_empty() { t(l, "未注明", "not given").to_owned() } else { checklist_core::locale::stamp(l, &r.exported_at) } }</dd>
                <dt>{ t(l, "状态", "Status") }</dt><dd>{ r.status.clone() }</dd>
                <dt>{ t(l, "模板", "Template") }</dt><dd>{ r.template.clone() }</dd>
                <dt>{ t(l, "文件中的摘要", "Digest in the file") }</dt><dd class="ac-mono">{ if r.digest.is_empty() { "—".to_owned() } else { r.digest.clone() } }</dd>
                <dt>{ t(l, "按内容计算的摘要", "Digest of the content") }</dt><dd class="ac-mono">{ r.computed.clone() }</dd>
            </dl>
            if !r.import_findings.is_empty() {
                <ul class="ac-import-findings">
                    { for r.import_findings.iter().map(|f| html! { <li>{ f.message(l) }</li> }) }
                </ul>
            }
            <section class="ac-review-findings" aria-labelledby="ac-rf-title" data-review-findings="">
                <h3 id="ac-rf-title">{ match l { Locale::En => format!("Findings: {e} errors, {w} warnings"), _ => format!("校验结果：共{e}项错误、{w}项提示") } }</h3>
                if current.is_empty() {
                    <p>{ t(l, "校验通过，没有发现问题。", "Validation passed: no problems found.") }</p>
                } else {
                    <ul>
                        { for current.iter().map(|f| {
                            let sev = match f.severity { Severity::Error => t(l, "错误", "Error"), Severity::Warning => t(l, "提示", "Warning"), Severity::Info => t(l, "说明", "Note") };
                            let confirmed = if f.confirmed { t(l, "（填报人已确认）", " (confirmed by the filer)") } else { "" };
                            let sec = section_of(&f.path);
                            html! { <li data-finding={f.code.as_str()}>{ format!("{sev}：{}{}{}{confirmed}", sec, if sec.is_empty() { "" } else { t(l, "：", ": ") }, f.message(l)) }</li> }
                        }) }
                    </ul>
                }
            </section>
            <section class="ac-review-confirmed" aria-labelledby="ac-rc-title" data-review-confirmed="">
                <h3 id="ac-rc-title">{ t(l, "填报人已确认的提示", "Warnings the filer confirmed") }</h3>
                if r.confirmations.is_empty() {
                    <p>{ t(l, "无。", "None.") }</p>
                } else {
                    <table class="ac-table">
                        <caption class="ac-sr">{ t(l, "填报人已确认的提示及确认时间", "Confirmed warnings and when") }</caption>
                        <thead><tr>
                            <th scope="col">{ t(l, "事项", "Item") }</th>
                            <th scope="col">{ t(l, "提示", "Warning") }</th>
                            <th scope="col">{ t(l, "确认时间", "Confirmed at") }</th>
                        </tr></thead>
                        <tbody>
                            { for r.confirmations.iter().map(|c| html! {
                                <tr data-confirmed={c.code.clone()}>
                                    <td>{ section_of(&c.path) }</td>
                                    <td>{ message_of(&c.code, &c.path).unwrap_or_else(|| t(l, "（该提示已不再出现）", "(no longer raised)").to_owned()) }</td>
                                    <td>{ checklist_core::locale::stamp(l, &c.confirmed_at) }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                }
            </section>
            { open_button(sh, l) }
        </section>
    }
}

fn open_button(sh: &Shared, l: Locale) -> Html {
    html! {
        <button type="button" class="ac-btn" data-action="open-record" onclick={sh.cb(|_: MouseEvent| Some(Msg::PickFile(FilePurpose::Review)))}>
            { t(l, "打开记录文件", "Open a record file") }
        </button>
    }
}
