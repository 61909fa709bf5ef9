//! The keys of the catalogues: [`W`], one per fixed word, looked up per locale by `w`; [`P`], one
//! per phrase with values in it, by `say`.

/// A fixed word or phrase of the view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum W {
    /// 已提交 in an export file's name.
    FileSubmitted,
    /// 草稿 in an export file's name.
    FileDraft,
    /// `，版本 ` between a template's title and version.
    Version,
    /// 未填写
    NotFilled,
    /// 、
    ListSep,
    /// 只读
    ReadOnly,
    /// 在这台电脑上保存草稿
    KeepTheDraftOnThisComputer,
    /// 勾选后，未提交的内容保存在这台电脑的浏览器里，关闭页面后再打开可以接着填写；使用这台电脑的其他人也可能看到这些内容，公用或多人共用的电脑请不要勾选。提交成功后草稿自动清除。不勾选时，草稿只保留到关闭本页为止，关闭前会提醒。
    IfTickedWhatYouHaveNot,
    /// 回执编号：
    Receipt,
    /// 放弃草稿，恢复原始数据
    DiscardTheDraft,
    /// 确定放弃草稿吗？……
    DiscardTheDraftQuestion,
    /// 放弃草稿
    Discard,
    /// 载入另一页的版本
    LoadTheOtherPageSVersion,
    /// 保留本页的版本
    KeepThisPageSVersion,
    /// 填报进度
    Progress,
    /// （请记下或截图保存）
    KeepANoteOfIt,
    /// 查看问题清单
    GoToTheListOfProblems,
    /// 操作
    Actions,
    /// 一键校验
    Validate,
    /// 核对
    CheckAnswers,
    /// 返回修改
    BackToForm,
    /// 正在提交……
    Submitting,
    /// 重新提交
    RetrySubmit,
    /// 提交
    Submit,
    /// 导出文件
    ExportJSON,
    /// 导入文件
    ImportJSON,
    /// 与上年相比：有变化
    ChangedSinceLastYear,
    /// 与上年相比：无变化
    UnchangedSinceLastYear,
    /// （空行）
    EmptyRow,
    /// ：新增
    RowsAdded,
    /// ：减少
    RowsRemoved,
    /// ：变更
    RowsChanged,
    /// （
    OpenParen,
    /// ）
    CloseParen,
    /// 本项情况
    ThisItem,
    /// ：
    Colon,
    /// 与上一年度相比的变化
    ChangesSinceLastYear,
    /// 与上年相比各项均无变化。
    NothingChangedSinceLastYear,
    /// 不再与上年比较
    StopComparing,
    /// 重新载入谈话记录
    LoadAnotherTalkRecord,
    /// 载入谈话记录（核对谈话次数）
    LoadTheTalkRecordCheckThe,
    /// 与谈话记录核对
    CheckAgainstTheTalkRecord,
    /// 载入本年度谈话清单的导出文件，即可核对本报告填报的谈话次数。
    LoadThisYearSExportedTalk,
    /// 填报的谈话次数与谈话记录一致。
    TheTalkCountsAgreeWithThe,
    /// 项目
    CountItem,
    /// 述职填报
    InTheReport,
    /// 谈话记录统计
    FromTheTalkRecord,
    /// 核对结果
    Result,
    /// 一致
    Agrees,
    /// 不一致
    Differs,
    /// （必填）
    RequiredMark,
    /// 重点
    KeyItem,
    /// 有此类情况
    PresenceHas,
    /// 无此类情况
    PresenceNone,
    /// 与上一年度相比
    ComparedWithLastYear,
    /// 是
    Yes,
    /// 否
    No,
    /// 请选择
    Select,
    /// 年-月-日，如 2018-07-02
    DatePlaceholder,
    /// 添加一行
    AddRow,
    /// ：分页
    Pages,
    /// 上一页
    Previous,
    /// 页码
    Page,
    /// 下一页
    Next,
    /// 删除
    Delete,
    /// 取消
    Cancel,
    /// 任职谈话
    AppointmentTalk,
    /// 监督谈话
    SupervisionTalk,
    /// 计划谈话
    PlannedTalk,
    /// 谈话安排（按紧迫程度排序）
    TalkScheduleMostUrgentFirst,
    /// 暂无数据
    NoData,
    /// 每位下级“一把手”应谈与已谈情况
    DueAndHeldTalksPerSubordinate,
    /// 谈话对象
    Interviewee,
    /// 谈话类型
    Type,
    /// 应谈日期
    Due,
    /// 谈话日期
    HeldOn,
    /// 状态
    Status,
    /// 名册中暂无下级“一把手”。
    NoSubordinateInTheRoster,
    /// 每位下级“一把手”本年度应谈、已谈、逾期和30天内到期的谈话
    PerSubordinateRequiredHeldOverdueAnd,
    /// 下级“一把手”
    SubordinateLeader,
    /// 应谈
    TalksRequired,
    /// 已谈
    TalksHeld,
    /// 逾期
    Overdue,
    /// 30天内到期
    DueWithin30Days,
    /// 计入述职报告的谈话次数（与述职报告核对的依据）
    TalkCountsForTheReportWhat,
    /// 次数
    TalkCount,
    /// ：无
    TableNone,
    /// 序号
    Number,
    /// ☑ 本人已阅读并作出上述承诺。
    IHaveReadAndMakeThis,
    /// ☐ 本人已阅读并作出上述承诺（未勾选）。
    IHaveReadAndMakeThis2,
    /// 本人签名：
    Signature,
    /// （填报签名：
    TypedName,
    /// 未填写
    NotFilledLower,
    /// 签名日期：
    DateSigned,
    /// 年
    YearSuffix,
    /// 月
    MonthSuffix,
    /// 日
    DaySuffix,
    /// 阅签人：
    ReadAndSignedBy,
    /// 日期：
    DateColon,
    /// 本项情况：
    ThisItemColon,
    /// ；与上一年度相比：
    ComparedWithLastYearColon,
    /// 单位
    Unit,
    /// 上级“一把手”
    PrincipalLeader,
    /// 填报人
    Reporter,
    /// 职务
    Position,
    /// 打印预览
    PrintPreview,
    /// 打印预览：以下为A4公文样式的打印内容。
    PrintPreviewThisIsWhatPrints,
    /// 打印
    Print,
    /// 返回
    BackFromPrint,
    /// 核对填报内容
    CheckYourAnswers,
    /// 请确认以下提示
    PleaseConfirmTheseWarnings,
    /// 修改
    Edit,
    /// 审核模式
    ReviewMode,
    /// 请打开导出或提交的记录文件（JSON）。
    OpenAnExportedOrSubmittedRecord,
    /// 未被修改：该记录导出后未被修改。
    UnchangedThisRecordWasNotChanged,
    /// 数字摘要（SHA-256）与记录内容一致。
    TheDigestSHA256MatchesThe,
    /// 已被修改：该记录在导出后被修改过！
    ChangedThisRecordWasModifiedAfter,
    /// 数字摘要与记录内容不一致：填报内容或提示确认在导出后被改动，请勿直接采信，应向填报人核实。
    TheDigestDoesNotMatchAnswers,
    /// 无法确认：文件没有数字摘要。
    CannotTellTheFileHasNo,
    /// 旧版文件不含数字摘要，无法确认导出后是否被修改。
    OldFormatFilesCarryNoDigest,
    /// 无法确认：摘要算法无法识别。
    CannotTellUnknownDigestAlgorithm,
    /// 无法校验该文件的数字摘要。
    TheFileSDigestCannotBe,
    /// 导出时间
    ExportedAt,
    /// 未注明
    NotGiven,
    /// 模板
    Template,
    /// 文件中的摘要
    DigestInTheFile,
    /// 按内容计算的摘要
    DigestOfTheContent,
    /// 校验通过，没有发现问题。
    ValidationPassedNoProblemsFound,
    /// 错误
    Error,
    /// 提示
    Warning,
    /// 说明
    Note,
    /// （填报人已确认）
    ConfirmedByTheFiler,
    /// 填报人已确认的提示
    WarningsTheFilerConfirmed,
    /// 无。
    NoneFound,
    /// 填报人已确认的提示及确认时间
    ConfirmedWarningsAndWhen,
    /// 事项
    Matter,
    /// 确认时间
    ConfirmedAt,
    /// （该提示已不再出现）
    NoLongerRaised,
    /// 打开记录文件
    OpenARecordFile,
    /// 提示：
    WarningColon,
    /// 已核实，情况属实
    CheckedThisIsCorrect,
    /// 复制上年数据
    CopyLastYearSData,
    /// 未开始 (a section's status).
    StatusNotStarted,
    /// 进行中.
    StatusInProgress,
    /// 已完成.
    StatusDone,
    /// 有问题.
    StatusProblem,
    /// The other language's name, on the locale switch.
    OtherLanguage,
    /// 有变化 (compared with last year; the stored value stays 有变化).
    YearChanged,
    /// 无变化.
    YearUnchanged,
}

/// A phrase with values in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum P<'a> {
    /// The error summary's title (only the kinds there are).
    SummaryTitle {
        /// Errors.
        errors: usize,
        /// Warnings to confirm.
        warnings: usize,
    },
    /// The note under the title while last year's record is compared.
    BaseNote {
        /// Last year's year.
        year: &'a str,
        /// Changed items.
        changed: usize,
    },
    /// X-R01: this many counts differ from the talk record.
    CountsDiffer(usize),
    /// X-R01: the caption of the table of counts of a year.
    TalkCountsCaption(i32),
    /// A table's heading: how many rows it has.
    RowCount(usize),
    /// The pager: rows `from`–`to` of `len`.
    RowsOfTotal {
        /// First row shown (from 1).
        from: usize,
        /// Last row shown.
        to: usize,
        /// Rows in all.
        len: usize,
    },
    /// The pager: rows on other pages with errors.
    ErrorsOnOtherPages {
        /// How many rows.
        count: usize,
        /// The first of them (from 1).
        first: usize,
    },
    /// A row's name (第3行).
    RowLabel(usize),
    /// The delete question of a row (its label).
    DeleteRow(&'a str),
    /// Days until a talk is due (negative: overdue).
    DaysLeft(i64),
    /// A coverage gap: person, required, held, talk type.
    Gap {
        /// The person.
        name: &'a str,
        /// Talks required.
        required: u32,
        /// Talks held.
        held: u32,
        /// The talk type's name.
        kind: &'a str,
    },
    /// The talk year overview's heading.
    YearOverview(i32),
    /// A table row away from the form (the error summary, lists): `房产 第3行`.
    TableRow {
        /// The table's title.
        table: &'a str,
        /// The row (from 1).
        row: usize,
    },
    /// A printed table row's caption.
    PrintRow {
        /// The table's title.
        table: &'a str,
        /// The row (from 1).
        row: usize,
    },
    /// The printed record's year line.
    PrintYear(&'a str),
    /// 核对: errors left before submitting.
    ErrorsBeforeSubmit(usize),
    /// Review mode: the findings heading.
    FindingsHeading {
        /// Errors.
        errors: usize,
        /// Warnings.
        warnings: usize,
    },
}
