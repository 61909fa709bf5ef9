//! 简体中文: every word and sentence of the view in Chinese.

use super::key::{P, W};
use crate::ui::store::msg::FailReason;
use crate::ui::store::notice::Notice;
use checklist_core::finding::{Finding, Severity};
use checklist_core::intake::Integrity;
use checklist_core::locale::{stamp, Locale};

const L: Locale = Locale::ZhCn;

/// A fixed word.
pub(crate) fn word(w: W) -> &'static str {
    match w {
        W::FileSubmitted => "已提交",
        W::FileDraft => "草稿",
        W::Version => "，版本 ",
        W::StatusNotStarted => "未开始",
        W::StatusInProgress => "进行中",
        W::StatusDone => "已完成",
        W::StatusProblem => "有问题",
        W::OtherLanguage => "English",
        W::YearChanged => "有变化",
        W::YearUnchanged => "无变化",
        W::NotFilled => "未填写",
        W::ListSep => "、",
        W::ReadOnly => "只读",
        W::KeepTheDraftOnThisComputer => "在这台电脑上保存草稿",
        W::IfTickedWhatYouHaveNot => "勾选后，未提交的内容保存在这台电脑的浏览器里，关闭页面后再打开可以接着填写；使用这台电脑的其他人也可能看到这些内容，公用或多人共用的电脑请不要勾选。提交成功后草稿自动清除。不勾选时，草稿只保留到关闭本页为止，关闭前会提醒。",
        W::Receipt => "回执编号：",
        W::DiscardTheDraft => "放弃草稿，恢复原始数据",
        W::DiscardTheDraftQuestion => "确定放弃草稿吗？恢复的内容将全部清除，无法找回。",
        W::Discard => "放弃草稿",
        W::LoadTheOtherPageSVersion => "载入另一页的版本",
        W::KeepThisPageSVersion => "保留本页的版本",
        W::Progress => "填报进度",
        W::KeepANoteOfIt => "（请记下或截图保存）",
        W::GoToTheListOfProblems => "查看问题清单",
        W::Actions => "操作",
        W::Validate => "一键校验",
        W::CheckAnswers => "核对",
        W::BackToForm => "返回修改",
        W::Submitting => "正在提交……",
        W::RetrySubmit => "重新提交",
        W::Submit => "提交",
        W::ExportJSON => "导出文件",
        W::ImportJSON => "导入文件",
        W::ChangedSinceLastYear => "与上年相比：有变化",
        W::UnchangedSinceLastYear => "与上年相比：无变化",
        W::EmptyRow => "（空行）",
        W::RowsAdded => "：新增 ",
        W::RowsRemoved => "：减少 ",
        W::RowsChanged => "：变更 ",
        W::OpenParen => "（",
        W::CloseParen => "）",
        W::ThisItem => "本项情况",
        W::Colon => "：",
        W::ChangesSinceLastYear => "与上一年度相比的变化",
        W::NothingChangedSinceLastYear => "与上年相比各项均无变化。",
        W::StopComparing => "不再与上年比较",
        W::LoadAnotherTalkRecord => "重新载入谈话记录",
        W::LoadTheTalkRecordCheckThe => "载入谈话记录（核对谈话次数）",
        W::CheckAgainstTheTalkRecord => "与谈话记录核对",
        W::LoadThisYearSExportedTalk => "载入本年度谈话清单的导出文件，即可核对本报告填报的谈话次数。",
        W::TheTalkCountsAgreeWithThe => "填报的谈话次数与谈话记录一致。",
        W::CountItem => "项目",
        W::InTheReport => "述职填报",
        W::FromTheTalkRecord => "谈话记录统计",
        W::Result => "核对结果",
        W::Agrees => "一致",
        W::Differs => "不一致",
        W::RequiredMark => "（必填）",
        W::KeyItem => "重点",
        W::PresenceHas => "有此类情况",
        W::PresenceNone => "无此类情况",
        W::ComparedWithLastYear => "与上一年度相比",
        W::Yes => "是",
        W::No => "否",
        W::Select => "请选择",
        W::DatePlaceholder => "年-月-日，如 2018-07-02",
        W::AddRow => "添加一行",
        W::Pages => "：分页",
        W::Previous => "上一页",
        W::Page => "页码",
        W::Next => "下一页",
        W::Delete => "删除",
        W::Cancel => "取消",
        W::AppointmentTalk => "任职谈话",
        W::SupervisionTalk => "监督谈话",
        W::PlannedTalk => "计划谈话",
        W::TalkScheduleMostUrgentFirst => "谈话安排（按紧迫程度排序）",
        W::NoData => "暂无数据",
        W::DueAndHeldTalksPerSubordinate => "每位下级“一把手”应谈与已谈情况",
        W::Interviewee => "谈话对象",
        W::Type => "谈话类型",
        W::Due => "应谈日期",
        W::HeldOn => "谈话日期",
        W::Status => "状态",
        W::NoSubordinateInTheRoster => "名册中暂无下级“一把手”。",
        W::PerSubordinateRequiredHeldOverdueAnd => "每位下级“一把手”本年度应谈、已谈、逾期和30天内到期的谈话",
        W::SubordinateLeader => "下级“一把手”",
        W::TalksRequired => "应谈",
        W::TalksHeld => "已谈",
        W::Overdue => "逾期",
        W::DueWithin30Days => "30天内到期",
        W::TalkCountsForTheReportWhat => "计入述职报告的谈话次数（与述职报告核对的依据）",
        W::TalkCount => "次数",
        W::TableNone => "：无",
        W::Number => "序号",
        W::IHaveReadAndMakeThis => "☑ 本人已阅读并作出上述承诺。",
        W::IHaveReadAndMakeThis2 => "☐ 本人已阅读并作出上述承诺（未勾选）。",
        W::Signature => "本人签名：",
        W::TypedName => "（填报签名：",
        W::NotFilledLower => "未填写",
        W::DateSigned => "签名日期：",
        W::YearSuffix => "年",
        W::MonthSuffix => "月",
        W::DaySuffix => "日",
        W::ReadAndSignedBy => "阅签人：",
        W::DateColon => "日期：",
        W::ThisItemColon => "本项情况：",
        W::ComparedWithLastYearColon => "；与上一年度相比：",
        W::Unit => "单位",
        W::PrincipalLeader => "上级“一把手”",
        W::Reporter => "填报人",
        W::Position => "职务",
        W::PrintPreview => "打印预览",
        W::PrintPreviewThisIsWhatPrints => "打印预览：以下为A4公文样式的打印内容。",
        W::Print => "打印",
        W::BackFromPrint => "返回",
        W::CheckYourAnswers => "核对填报内容",
        W::PleaseConfirmTheseWarnings => "请确认以下提示",
        W::Edit => "修改",
        W::ReviewMode => "审核模式",
        W::OpenAnExportedOrSubmittedRecord => "请打开导出或提交的记录文件（JSON）。",
        W::UnchangedThisRecordWasNotChanged => "未被修改：该记录导出后未被修改。",
        W::TheDigestSHA256MatchesThe => "数字摘要（SHA-256）与记录内容一致。",
        W::ChangedThisRecordWasModifiedAfter => "已被修改：该记录在导出后被修改过！",
        W::TheDigestDoesNotMatchAnswers => "数字摘要与记录内容不一致：填报内容或提示确认在导出后被改动，请勿直接采信，应向填报人核实。",
        W::CannotTellTheFileHasNo => "无法确认：文件没有数字摘要。",
        W::OldFormatFilesCarryNoDigest => "旧版文件不含数字摘要，无法确认导出后是否被修改。",
        W::CannotTellUnknownDigestAlgorithm => "无法确认：摘要算法无法识别。",
        W::TheFileSDigestCannotBe => "无法校验该文件的数字摘要。",
        W::ExportedAt => "导出时间",
        W::NotGiven => "未注明",
        W::Template => "模板",
        W::DigestInTheFile => "文件中的摘要",
        W::DigestOfTheContent => "按内容计算的摘要",
        W::ValidationPassedNoProblemsFound => "校验通过，没有发现问题。",
        W::Error => "错误",
        W::Warning => "提示",
        W::Note => "说明",
        W::ConfirmedByTheFiler => "（填报人已确认）",
        W::WarningsTheFilerConfirmed => "填报人已确认的提示",
        W::NoneFound => "无。",
        W::ConfirmedWarningsAndWhen => "填报人已确认的提示及确认时间",
        W::Matter => "事项",
        W::ConfirmedAt => "确认时间",
        W::NoLongerRaised => "（该提示已不再出现）",
        W::OpenARecordFile => "打开记录文件",
        W::WarningColon => "提示：",
        W::CheckedThisIsCorrect => "已核实，情况属实",
        W::CopyLastYearSData => "复制上年数据",
    }
}

/// A phrase with values in it.
pub(crate) fn say(p: P<'_>) -> String {
    match p {
        // No "0项…" part: only what there is.
        P::SummaryTitle { errors: e, warnings: 0 } => format!("校验未通过：共{e}项错误"),
        P::SummaryTitle { errors: 0, warnings: w } => format!("校验未通过：共{w}项提示待确认"),
        P::SummaryTitle { errors: e, warnings: w } => format!("校验未通过：共{e}项错误、{w}项提示待确认"),
        P::BaseNote { year, changed } => format!("正在与上年（{year}年度）数据比较：{changed}项有变化。"),
        P::CountsDiffer(n) => format!("有{n}项次数与谈话记录不一致，请核对。"),
        P::TalkCountsCaption(y) => format!("{y}年度谈话次数：述职填报与谈话记录对照"),
        P::RowCount(len) => format!("（共{len}行）"),
        P::RowsOfTotal { from, to, len } => format!("第{from}–{to}行，共{len}行"),
        P::ErrorsOnOtherPages { count, first } => format!("其他页有{count}行存在错误（第{first}行起）"),
        P::RowLabel(n) => format!("第{n}行"),
        P::DeleteRow(row) => format!("确定删除{row}吗？"),
        P::DaysLeft(days) if days < 0 => format!("（已逾期{}天）", -days),
        P::DaysLeft(days) => format!("（剩余{days}天）"),
        P::Gap { name, required, held, kind } => format!("{name}：应谈{required}次，已谈{held}次（{kind}）"),
        P::YearOverview(year) => format!("{year}年度谈话总览"),
        P::TableRow { table, row } | P::PrintRow { table, row } => format!("{table} 第{row}行"),
        P::PrintYear(year) => format!("（{year}年度）"),
        P::ErrorsBeforeSubmit(e) => format!("还有{e}项错误，修改后方可提交。"),
        P::FindingsHeading { errors: 0, warnings: 0 } => "校验结果：无错误、无提示".into(),
        P::FindingsHeading { errors: e, warnings: 0 } => format!("校验结果：共{e}项错误"),
        P::FindingsHeading { errors: 0, warnings: w } => format!("校验结果：共{w}项提示"),
        P::FindingsHeading { errors: e, warnings: w } => format!("校验结果：共{e}项错误、{w}项提示"),
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
        Notice::Confirmed(0) => "已确认该提示，没有需要处理的问题了。".into(),
        Notice::Confirmed(left) => format!("已确认该提示，还有{left}个问题。"),
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
        // What a retry cannot fix says whom to ask instead of "retry".
        FailReason::Status(s @ (401 | 403)) => {
            format!("提交失败：没有提交权限或登录已过期（服务器状态 {s}）。已填内容均已保留；请重新登录门户，或联系系统管理员后再提交。")
        }
        FailReason::Status(413) => "提交失败：内容超过服务器允许的大小（服务器状态 413）。已填内容均已保留；请联系系统管理员。".into(),
        FailReason::Status(s) => format!("提交失败（服务器状态 {s}）。已填内容均已保留，请稍后重试。"),
        FailReason::Rejected => "服务器校验未通过。".into(),
    }
}
