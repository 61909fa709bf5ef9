//! Named rules of the 个人有关事项 checklist (rules/geren.rs).
//!
//! Part of the wire contract: never rename or reuse a code (see `finding/codes/mod.rs`).

crate::finding_codes! {
    /// Findings of the geren rules.
    pub enum GerenCode in "geren" {
        /// No 本人 row in the family register (SPEC §5.3).
        SelfMissing = "self_missing" { zh: "家庭成员登记表中须登记“本人”", en: "The family register must include yourself (本人)" },
        /// More than one 本人 row.
        SelfDuplicate = "self_duplicate" { zh: "家庭成员登记表中只能有一名“本人”", en: "The family register can list yourself (本人) only once" },
        /// More than one 配偶 row (SPEC §5.3 "at most one current 配偶").
        SpouseDuplicate = "spouse_duplicate" { zh: "家庭成员登记表中至多只能登记一名现任配偶", en: "The family register can list at most one current spouse" },
        /// Two register rows share an id, so references to them are ambiguous.
        MemberIdDuplicate = "member_id_duplicate" { zh: "家庭成员编号重复，请删除后重新添加该成员", en: "Two family members share the same row id: delete and add this member again" },
        /// Header name or ID number differs from the 本人 row.
        HeaderSelfMismatch = "header_self_mismatch" { zh: "{label}与家庭成员登记表中“本人”的信息不一致", en: "{label} differs from your own entry (本人) in the family register" },
        /// A child under 18 not marked as living together (C-R04).
        MinorNotDependent = "minor_not_dependent" { zh: "该子女未满18周岁，属于共同生活的子女，请选择“是”", en: "This child is under 18 and so counts as a dependent child: answer “yes”" },
        /// An adult dependent child without a reason (C-R04).
        DependencyReasonRequired = "dependency_reason_required" { zh: "该子女已成年，列为共同生活的子女须选择不能独立生活的原因", en: "This child is an adult: give the reason why he or she cannot live independently" },
        /// An adult dependent "在校就读" older than configured (C-R04).
        StudentOverAge = "student_over_age" { zh: "该子女已满{age}周岁，以“在校就读”为由列为共同生活的子女，请核对（一般不超过{max}周岁）", en: "This child is {age} and listed as dependent because of full-time education: please check (usually at most {max})" },
        /// A report filed after its deadline (C-R05, C-R06, C-R07).
        LateReport = "late_report" { zh: "报告期限为{due}，本报告已逾期", en: "The report was due on {due} and is late" },
        /// A late report without a reason (SPEC §7.3).
        LateReasonRequired = "late_reason_required" { zh: "已超过报告期限，请说明原因", en: "Overdue: state the reason" },
        /// A change report lists an item but the item says 无 (C-R06).
        ChangedItemEmpty = "changed_item_empty" { zh: "本次事后报告包含“{item}”，该事项须填写具体情况", en: "This change report covers {item}: fill in that item" },
        /// An item already covered by a change report this year is 无 in the annual report (C-R08).
        SnapshotItemMissing = "snapshot_item_missing" { zh: "本年度已就“{item}”作出事后报告，年度集中报告须按首次报告要求完整填写，不能填报“无”", en: "{item} was covered by a change report this year: the annual report must state it again in full, not “none”" },
        /// 已婚 without a spouse in the register (C-R09).
        MarriedWithoutSpouse = "married_without_spouse" { zh: "婚姻状况为已婚，须在家庭成员登记表中登记配偶", en: "You are married: add your spouse to the family register" },
        /// Not married but a spouse in the register (C-R09).
        SpouseWithoutMarriage = "spouse_without_marriage" { zh: "婚姻状况为“{status}”，家庭成员登记表中不应有现任配偶", en: "Your marital status is “{status}”, so the family register should list no current spouse" },
        /// A marital change this year without a change report (C-R09).
        MaritalChangeUnreported = "marital_change_unreported" { zh: "婚姻变化须在事后{days}日内报告，本年度未见相应的事后报告，请核对", en: "A change in marital status must be reported within {days} days; no change report is recorded this year: please check" },
        /// Passport or permit validity is neither 5 nor 10 years (C-R11).
        ValidityUnusual = "validity_unusual" { zh: "证件有效期一般为{years}年，请核对签发日期和有效期至", en: "Such documents are usually valid for {years} years: please check the issue and expiry dates" },
        /// C09 total is zero (C-R12).
        IncomeTotalZero = "income_total_zero" { zh: "工资及各类奖金、津贴、补贴合计为0，请核对", en: "Salary, bonuses, allowances and subsidies total 0: please check" },
        /// C09 stored total differs from the sum of its parts (C-R12).
        IncomeTotalMismatch = "income_total_mismatch" { zh: "合计应为各项之和（{total}万元）", en: "The total must be the sum of the amounts ({total} 万元)" },
        /// C10 answered 有 but no amount given (C-R02).
        LabourIncomeMissing = "labour_income_missing" { zh: "已选择“有此类情况”，请至少填写一项劳务所得金额", en: "You answered “has such matters”: enter at least one amount" },
        /// C13 share ratio inconsistent with subscribed and registered capital (C-R15).
        ShareRatioMismatch = "share_ratio_mismatch" { zh: "个人认缴出资比例与认缴出资额、注册资本不一致（按出资额计算为{expected}%），请核对", en: "The share does not match subscribed and registered capital (they give {expected}%): please check" },
        /// A place that must be abroad is mainland China (C-R16).
        CountryDomestic = "country_domestic" { zh: "{label}应为国（境）外国家或地区，不能为中国内地", en: "{label} must be outside mainland China" },
        /// Emigrated with foreign nationality but the register still says CN (C-R17).
        NationalityStillCn = "nationality_still_cn" { zh: "{name}已取得外国国籍，家庭成员登记表中的国籍仍为中国，请核对", en: "{name} has acquired a foreign nationality but the family register still says China: please check" },
        /// A trip names a document not listed in the item (C-R18).
        TripDocumentUnknown = "trip_document_unknown" { zh: "所用证件号码须为本项已登记的证件", en: "The document used must be one of the documents listed in this item" },
        /// A trip to HK/Macao or Taiwan with the wrong kind of permit (C-R18).
        TripDocumentWrongType = "trip_document_wrong_type" { zh: "前往{region}须使用{document}", en: "Trips to {region} need the {document}" },
        /// Pledge not given (C-R19).
        PledgeRequired = "pledge_required" { zh: "请阅读承诺内容并勾选“我已阅读并承诺”", en: "Read the pledge and tick “I have read and make this pledge”" },
        /// Signature differs from the 本人 name (C-R19).
        SignedNameMismatch = "signed_name_mismatch" { zh: "签名须与“本人”姓名一致", en: "The signature must be your own name as registered" },
        /// The consequences shown before submit (C-R21, R17-第十三条).
        Consequences = "consequences" { zh: "根据《领导干部报告个人有关事项规定》第十三条，无正当理由不按时报告，漏报、少报，隐瞒不报的，视情节轻重给予批评教育、组织调整或者组织处理、纪律处分。“与配偶沟通不够”等不能作为填报不实的理由。", en: "Under Article 13 of the Regulations, late filing without good reason, omissions, under-reporting and concealment lead to criticism and education, organisational adjustment or handling, or disciplinary sanctions. Insufficient communication with your spouse is not accepted as a reason for inaccuracy." },
    }
}
