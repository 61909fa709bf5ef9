//! 简体中文: every word and sentence of the view in Chinese.

use super::key::W;
use crate::ui::store::msg::FailReason;
use crate::ui::store::notice::Notice;
use crate::ui::store::verdict::Integrity;
use checklist_core::finding::{Finding, Severity};
use checklist_core::locale::{stamp, Locale};

const L: Locale = Locale::ZhCn;

/// A fixed word.
pub(crate) fn word(w: W) -> &'static str {
    match w {
        W::FileSubmitted => "已提交",
        W::FileDraft => "草稿",
        W::Version => "，版本 ",
    }
}

/// The messages of the errors among `findings`, joined.
fn errors(findings: &[Finding]) -> String {
    let messages: Vec<String> = findings.iter().filter(|f| f.severity == Severity::Error).map(|f| f.message(L)).collect();
    messages.join("；")
}

/// What a notice says.
pub(crate) fn notice(n: &Notice) -> String {
    match n {
        Notice::Normalised { from, to } => format!("已将“{from}”规范为“{to}”"),
        Notice::RowAdded(n) => format!("已添加第 {n} 行。"),
        Notice::RowDeleted => "已删除一行。".into(),
        Notice::TooManyRows(max) => format!("最多可填写行数：{max}"),
        Notice::RowEmpty => "本行尚未填写，未添加新行。".into(),
        Notice::ValidationPassed => "校验通过。".into(),
        Notice::NoProblems => "没有需要处理的问题。".into(),
        Notice::Problem { n, of, finding } => {
            format!("第{n}个问题（共{of}个）：{}", finding.as_ref().map(|f| f.message(L)).unwrap_or_default())
        }
        Notice::KeptOnComputer(true) => "草稿将保存在这台电脑上，提交成功后自动清除。".into(),
        Notice::KeptOnComputer(false) => "已从这台电脑上清除草稿；草稿只保留到关闭本页为止。".into(),
        Notice::DraftRestored(at) => format!("已恢复上次未提交的草稿（保存于 {}）。", stamp(L, at)),
        Notice::DraftDiscarded => "已放弃草稿。".into(),
        Notice::DraftConflict(at) => {
            let when = if at.is_empty() { String::new() } else { format!("（保存于 {}）", stamp(L, at)) };
            format!(
                "另一个标签页或窗口修改了同一份草稿{when}。为避免互相覆盖，本页暂停保存草稿，本页已填内容仍然保留。请选择：载入另一页的版本，或保留本页的版本（将替换另一页保存的草稿）。"
            )
        }
        Notice::DraftLoadedOther => "已载入另一标签页保存的草稿。".into(),
        Notice::DraftKeptMine => "已保留本页内容，并保存为草稿。".into(),
        Notice::DraftSaved => "已保存草稿。".into(),
        Notice::Exported => "导出成功。".into(),
        Notice::Imported => "导入成功。".into(),
        Notice::ImportFailed(f) => format!("导入失败，当前数据未改动：{}", errors(f)),
        Notice::FileUnusable(f) => format!("文件无法使用，当前数据未改动：{}", errors(f)),
        Notice::Sending => "正在提交……".into(),
        Notice::StillSending(s) => format!("正在提交……已等待 {s} 秒，请勿关闭页面。"),
        Notice::Submitted => "提交成功。".into(),
        Notice::AlreadySubmitted => "该记录已提交，内容未改动，无需再次提交。".into(),
        Notice::Failed(reason) => failed(reason),
        Notice::ServerFoundProblems => "服务器校验未通过，请按提示修改。".into(),
        Notice::Blocked { server, errors: e, warnings: w } => {
            let lead = if *server { "未能提交：服务器校验未通过。" } else { "未能提交。" };
            match (*e, *w) {
                (e, 0) => format!("{lead}有{e}项需要修改，请按问题清单逐项处理。"),
                (0, w) => format!("{lead}有{w}项提示需要核实确认，请按问题清单逐项处理。"),
                (e, w) => format!("{lead}有{e}项需要修改、{w}项提示需要核实确认，请按问题清单逐项处理。"),
            }
        }
        Notice::BaseRemoved => "已移除上年数据，不再与上年比较。".into(),
        Notice::BaseLoaded(year) => format!("已载入上年（{year}年度）数据作为比较基准；当前已填写的内容保留未改动。"),
        Notice::BaseCopied(year) => format!(
            "已复制上年（{year}年度）数据：年度已顺延，签名、承诺及当年事项（如出行记录、收入）须重新填写。各项显示与上年相比是否有变化。"
        ),
        Notice::TalksLoaded => "已载入谈话记录，填报的谈话次数已与谈话记录核对。".into(),
        Notice::ReviewOpened(Integrity::Intact) => "已打开记录：导出后未被修改（数字摘要一致）。".into(),
        Notice::ReviewOpened(Integrity::Changed) => "已打开记录：警告，该记录在导出后被修改过（数字摘要不一致）。".into(),
        Notice::ReviewOpened(Integrity::NoDigest) => "已打开记录：文件没有数字摘要，无法确认导出后未被修改。".into(),
        Notice::ReviewOpened(Integrity::Unknown) => "已打开记录：摘要算法无法识别，无法确认导出后未被修改。".into(),
    }
}

/// Why a submission failed, and what to do.
fn failed(reason: &FailReason) -> String {
    match reason {
        FailReason::Network => "提交失败：无法连接服务器。已填内容均已保留，请稍后点击“重新提交”。".into(),
        FailReason::Offline => "提交失败：网络已断开（当前处于离线状态）。已填内容均已保留，恢复网络后请点击“重新提交”。".into(),
        FailReason::Timeout(secs) => {
            format!("提交失败：服务器在 {secs} 秒内没有响应。记录可能已送达；已填内容均已保留，点击“重新提交”不会产生重复记录。")
        }
        FailReason::RetryAfter { status, seconds } => {
            let wait = if *seconds >= 120 { format!("{} 分钟", seconds.div_ceil(60)) } else { format!("{seconds} 秒") };
            format!("提交失败：服务器暂时无法处理（状态 {status}），请在 {wait}后点击“重新提交”。已填内容均已保留。")
        }
        FailReason::Status(s) => format!("提交失败（服务器状态 {s}）。已填内容均已保留，请稍后重试。"),
        FailReason::Rejected => "服务器校验未通过。".into(),
    }
}
