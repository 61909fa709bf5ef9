//! Problems with an imported file (envelope.rs).
//!
//! Part of the wire contract: never rename or reuse a code (see `finding/codes/mod.rs`).

crate::finding_codes! {
    /// Problems with an imported file.
    pub enum ImportCode in "import" {
        /// Larger than the configured limit.
        TooLarge = "too_large" { zh: "文件过大（{size}字节），上限为{max}字节", en: "The file is too large ({size} bytes); the limit is {max} bytes" },
        /// Not JSON at all, or truncated.
        NotJson = "not_json" { zh: "文件不是有效的JSON（第{line}行第{column}列）：文件可能已损坏或不完整", en: "The file is not valid JSON (line {line}, column {column}): it may be damaged or incomplete" },
        /// JSON, but not an export of this component.
        NotEnvelope = "not_envelope" { zh: "文件不是本系统导出的填报记录", en: "The file is not a record exported by this component" },
        /// Another format name.
        WrongFormat = "wrong_format" { zh: "文件格式“{format}”无法识别", en: "Unknown file format “{format}”" },
        /// A newer format than this component understands.
        VersionTooNew = "version_too_new" { zh: "文件版本{version}高于本系统支持的版本{supported}，请升级后再导入", en: "File version {version} is newer than the supported version {supported}: update the component first" },
        /// A field of the envelope has the wrong shape.
        Malformed = "malformed" { zh: "文件内容不完整或格式错误（位置：{at}）：{detail}", en: "The file is incomplete or malformed (at {at}): {detail}" },
        /// The record is of another checklist.
        KindMismatch = "kind_mismatch" { zh: "文件是{found_name}，不能导入到{expected_name}", en: "The file holds a {found_name} and cannot be imported into the {expected_name}" },
        /// Exported with another template version.
        TemplateVersion = "template_version" { zh: "文件使用模板版本{found}导出，当前版本为{current}，请核对各项内容", en: "The file was exported with template version {found}; the current version is {current}: check every item" },
        /// The data changed after export.
        DigestMismatch = "digest_mismatch" { zh: "文件在导出后被修改过（数字摘要不一致），不能导入", en: "The file was changed after export (digest mismatch) and cannot be imported" },
        /// No digest (version 0 files).
        NoDigest = "no_digest" { zh: "文件没有数字摘要，无法确认导出后未被修改，请核对", en: "The file has no digest, so changes after export cannot be ruled out: check it" },
        /// Unknown digest algorithm.
        DigestAlgorithm = "digest_algorithm" { zh: "无法识别的摘要算法“{algorithm}”", en: "Unknown digest algorithm “{algorithm}”" },
        /// Version-0 confirmations that name no finding cannot be carried over.
        ConfirmationsDropped = "confirmations_dropped" { zh: "旧版文件中的{count}项提示确认无法对应到具体内容，请重新确认", en: "{count} confirmations in the old file do not name a finding: confirm those warnings again" },
        /// Migrated from an older version.
        Migrated = "migrated" { zh: "文件已从版本{from}转换为当前版本{to}", en: "The file was converted from version {from} to the current version {to}" },
        /// A version-1 status that is none of SPEC §2.3's four.
        StatusUnknown = "status_unknown" { zh: "文件中的状态“{status}”无法识别，已按草稿导入", en: "The status “{status}” in the file is unknown: imported as a draft" },
        /// `checklistKind` names another checklist than the template the file names.
        KindContradictsTemplate = "kind_contradicts_template" { zh: "文件标明的清单类别“{found}”与其模板“{template}”的类别“{expected}”不一致，文件可能被改动过", en: "The file says its checklist kind is “{found}” but its template “{template}” is of kind “{expected}”: the file may have been altered" },
        /// `checklistKind` contradicts what the data holds.
        KindContradictsData = "kind_contradicts_data" { zh: "文件标明的清单类别“{found}”与其内容不符（内容为“{expected}”清单的栏目）", en: "The file says its checklist kind is “{found}” but its data holds the sections of a “{expected}” checklist" },
        /// A submission time later than the receiving server's clock.
        SubmittedInFuture = "submitted_in_future" { zh: "提交时间{value}晚于接收方的当前时间", en: "The submission time {value} is later than the receiver's current time" },
        /// A submission time that is not a stamp.
        SubmittedAtInvalid = "submitted_at_invalid" { zh: "提交时间“{value}”不是有效的时间，须为带时区的完整日期时间（北京时间）", en: "The submission time “{value}” is not a valid time stamp (YYYY-MM-DDTHH:mm:ss+08:00)" },
    }
}
