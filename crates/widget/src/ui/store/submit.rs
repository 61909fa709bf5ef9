//! Submit: validate, then post the envelope with an idempotency key kept across retries until the
//! data changes; what the server answered (stored, refused with findings, failed) and the outcome
//! next to the 提交 button.

use super::msg::{Effect, FailReason, HostEvent, Msg};
use super::notice::Notice;
use super::state::{Store, SubmitState, View};
use checklist_core::envelope;
use checklist_core::finding::Report;

impl Store {
    /// Submit and what the server answered.
    pub(super) fn update_submit(&mut self, msg: Msg, fx: &mut Vec<Effect>) {
        match msg {
            Msg::Submit => self.submit(fx),
            Msg::Submitted { receipt } => {
                self.submission.state = SubmitState::Done { receipt: receipt.clone() };
                self.submission.unsent = false;
                // The notice's receipt line names the number: the text says it once, not twice.
                self.notice = Some(Notice::Submitted);
                self.submission.outcome = Some(Notice::Submitted);
                fx.push(Effect::FocusOutcome);
                fx.push(Effect::ClearDraft);
                fx.push(Effect::Emit(HostEvent::Submitted(receipt)));
            }
            Msg::Rejected(findings) => {
                let mut report = Report { findings };
                report.apply_confirmations(&self.confirmations);
                self.validation.findings = report.findings;
                self.reindex();
                self.validation.show_all = true;
                self.validation.summary = true;
                self.nav.view = View::Form;
                self.submission.state = SubmitState::Failed { reason: FailReason::Rejected };
                self.notice = Some(Notice::ServerFoundProblems);
                self.submission.outcome = Some(self.blocked_outcome(true));
                fx.push(Effect::FocusOutcome);
                fx.push(Effect::Emit(HostEvent::Invalid { source: "server", findings: self.validation.findings.clone() }));
            }
            Msg::Failed(reason) => {
                self.submission.state = SubmitState::Failed { reason: reason.clone() };
                self.notice = Some(Notice::Failed(reason.clone()));
                self.submission.outcome = Some(Notice::Failed(reason.clone()));
                fx.push(Effect::FocusOutcome);
                fx.push(Effect::Emit(HostEvent::SubmitError(reason)));
            }
            Msg::StillSending(secs) if self.submission.state == SubmitState::Sending => {
                self.notice = Some(Notice::StillSending(secs));
            }
            _ => {}
        }
    }
}

impl Store {
    pub(super) fn submit(&mut self, fx: &mut Vec<Effect>) {
        if self.submission.state == SubmitState::Sending {
            return; // a double click sends once
        }
        if matches!(self.submission.state, SubmitState::Done { .. }) {
            // Nothing changed since the server stored it: say so instead of posting again.
            self.notice = Some(Notice::AlreadySubmitted);
            self.submission.outcome = self.notice.clone();
            fx.push(Effect::FocusOutcome);
            return;
        }
        self.normalize_record(fx);
        self.revalidate();
        self.validation.show_all = true;
        if self.blocks_submit() {
            self.validation.summary = true;
            self.nav.view = View::Form;
            self.submission.outcome = Some(self.blocked_outcome(false));
            fx.push(Effect::FocusOutcome);
            fx.push(Effect::Emit(HostEvent::Invalid { source: "browser", findings: self.validation.findings.clone() }));
            return;
        }
        self.validation.summary = false;
        let key = match &self.submission.idempotency_key {
            Some(k) => k.clone(),
            None => {
                let k = (self.submission.key_source)();
                self.submission.idempotency_key = Some(k.clone());
                k
            }
        };
        // A retry posts the same body: the same submission time, kept with the key.
        let at = match &self.submission.submitted_at {
            Some(at) => at.clone(),
            None => {
                let at = self.submission_stamp();
                self.submission.submitted_at = Some(at.clone());
                at
            }
        };
        let env = envelope::export_with(
            self.validator.config().digest_algorithm,
            self.validator.template(),
            self.record.clone(),
            self.validation.findings.clone(),
            self.confirmations.clone(),
            String::new(),
            envelope::Status::Draft,
        )
        .submitted(at);
        let body = envelope::to_json(&env);
        self.submission.state = SubmitState::Sending;
        self.notice = Some(Notice::Sending);
        self.submission.outcome = self.notice.clone();
        fx.push(Effect::Emit(HostEvent::Submit(body.clone())));
        fx.push(Effect::Post { body, key });
    }

    /// The outcome of a submit that findings stopped (the server's, when `server`), with what
    /// there is to do about them.
    pub(super) fn blocked_outcome(&self, server: bool) -> Notice {
        let (errors, warnings) = self.counts();
        Notice::Blocked { server, errors, warnings }
    }

    /// `submittedAt` for a submit now: the clock's time of day on the store's "today", so that
    /// the stamp agrees with the date every rule was checked against (a host that fixes `today`
    /// fixes the submission date with it).
    pub(super) fn submission_stamp(&self) -> String {
        let clock = (self.submission.clock)();
        let time = clock.get(10..).filter(|t| t.len() == 15 && t.starts_with('T') && t.ends_with("+08:00")).unwrap_or("T00:00:00+08:00");
        format!("{}{time}", self.today)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::store::testing::store;
    use checklist_core::locale::Locale;
    use serde_json::Value;

    #[test]
    fn submit_with_errors_sends_nothing_and_says_so_where_the_user_is() {
        let mut s = store("geren");
        let fx = s.update(Msg::Submit);
        assert!(fx.contains(&Effect::FocusOutcome), "focus moves to the outcome next to 提交");
        let outcome = s.submission.outcome.clone().expect("an outcome next to the action bar");
        assert_eq!(outcome.kind(), "error");
        let outcome = s.outcome_text().expect("outcome");
        assert!(outcome.starts_with("未能提交。有") && outcome.contains("项需要修改"), "{outcome}");
        assert!(!fx.iter().any(|e| matches!(e, Effect::Post { .. })));
        assert!(s.validation.summary && s.validation.show_all);
    }

    #[test]
    fn every_submit_ends_with_an_outcome_next_to_the_button_and_focus_on_it() {
        let fixture: Value = serde_json::from_str(include_str!("../../../../../tests/fixtures/geren_valid.json")).expect("fixture");
        let mut s = store("geren");
        s.replace_data(fixture, vec![]);
        s.update(Msg::Submit);
        assert_eq!(s.submission.outcome.as_ref().map(|o| o.kind()), Some("info"), "sending");
        let fx = s.update(Msg::Failed(FailReason::Timeout(30)));
        assert!(fx.contains(&Effect::FocusOutcome));
        assert!(
            s.submission.outcome.as_ref().is_some_and(|o| o.kind() == "error") && s.outcome_text().is_some_and(|t| t.contains("重新提交")),
            "{:?}",
            s.submission.outcome
        );
        s.update(Msg::Submit);
        let fx = s.update(Msg::Submitted { receipt: "R-1".into() });
        assert!(fx.contains(&Effect::FocusOutcome));
        assert_eq!(s.submission.outcome.as_ref().map(|o| o.kind()), Some("ok"));
        let notice = s.notice_text().expect("notice");
        s.update(Msg::SetLocale(Locale::En));
        assert_eq!(s.notice_text().as_deref(), Some("Submitted."), "a language switch re-translates the notice");
        s.update(Msg::SetLocale(Locale::ZhCn));
        assert!(!notice.contains("R-1"), "the notice's receipt line names the number; its text does not repeat it: {notice}");
        let fx = s.update(Msg::Submit);
        assert!(
            fx.contains(&Effect::FocusOutcome) && !fx.iter().any(|e| matches!(e, Effect::Post { .. })),
            "already submitted: said, not sent"
        );
        s.update(Msg::Set { path: "/header/position".into(), value: Some(Value::from("处长")) });
        assert!(s.submission.outcome.is_none(), "a change of data clears the outcome");
    }

    #[test]
    fn retries_reuse_the_key_until_the_data_changes() {
        let fixture: Value = serde_json::from_str(include_str!("../../../../../tests/fixtures/geren_valid.json")).expect("fixture");
        let mut s = store("geren");
        s.replace_data(fixture, vec![]);
        let key_of = |fx: &[Effect]| fx.iter().find_map(|e| if let Effect::Post { key, .. } = e { Some(key.clone()) } else { None });
        let first = key_of(&s.update(Msg::Submit)).expect("valid data posts");
        assert!(s.update(Msg::Submit).is_empty(), "a second click while sending sends nothing");
        s.update(Msg::Failed(FailReason::Network));
        assert!(matches!(s.submission.state, SubmitState::Failed { .. }));
        let again = key_of(&s.update(Msg::Submit)).expect("retry posts");
        assert_eq!(first, again, "a retry is the same submission");
        s.update(Msg::Failed(FailReason::Status(503)));
        s.update(Msg::Input { path: "/header/position".into(), raw: "局长".into() });
        let changed = key_of(&s.update(Msg::Submit)).expect("posts");
        assert_ne!(first, changed, "changed data is a new submission");
        s.update(Msg::Submitted { receipt: "r1".into() });
        assert!(key_of(&s.update(Msg::Submit)).is_none(), "unchanged data is not posted again after success");
        s.update(Msg::Input { path: "/header/position".into(), raw: "副局长".into() });
        assert!(key_of(&s.update(Msg::Submit)).is_some(), "a correction after success is a new submission");
    }

    #[test]
    fn failures_say_what_happened_and_keep_the_data() {
        let fixture: Value = serde_json::from_str(include_str!("../../../../../tests/fixtures/geren_valid.json")).expect("fixture");
        let mut s = store("geren");
        s.replace_data(fixture.clone(), vec![]);
        for (reason, needle) in [
            (FailReason::Timeout(30), "30 秒内没有响应"),
            (FailReason::Offline, "离线"),
            (FailReason::RetryAfter { status: 503, seconds: 90 }, "请在 90 秒后"),
            (FailReason::RetryAfter { status: 503, seconds: 600 }, "10 分钟"),
            (FailReason::Status(500), "500"),
            // A retry cannot fix these: they say whom to ask, not "稍后重试".
            (FailReason::Status(401), "没有提交权限或登录已过期"),
            (FailReason::Status(403), "联系系统管理员"),
            (FailReason::Status(413), "超过服务器允许的大小"),
        ] {
            s.update(Msg::Submit);
            s.update(Msg::StillSending(5));
            assert!(s.notice_text().is_some_and(|t| t.contains("已等待 5 秒")));
            let fx = s.update(Msg::Failed(reason.clone()));
            let text = &s.notice_text().expect("notice");
            assert!(text.contains(needle) && text.contains("保留"), "{reason:?}: {text}");
            if matches!(reason, FailReason::Status(401 | 403 | 413)) {
                assert!(!text.contains("稍后重试"), "{text}");
            }
            assert!(fx.iter().any(|e| matches!(e, Effect::Emit(ev) if ev.name() == "checklist-error")));
            assert_eq!(s.record, fixture);
            s.update(Msg::StillSending(9));
            assert!(!s.notice_text().is_some_and(|t| t.contains("已等待 9")), "no progress once failed");
        }
        s.locale = Locale::En;
        s.update(Msg::Submit);
        s.update(Msg::Failed(FailReason::RetryAfter { status: 503, seconds: 30 }));
        assert!(s.notice_text().is_some_and(|t| t.contains("retry in 30 seconds")), "{:?}", s.notice);
    }

    #[test]
    fn what_leaves_the_widget_is_normalised_and_a_submitted_export_says_so() {
        let fixture: Value = serde_json::from_str(include_str!("../../../../../tests/fixtures/geren_valid.json")).expect("fixture");
        let mut typed = fixture.clone();
        typed["header"]["idNumber"] = Value::from(to_full_width(fixture["header"]["idNumber"].as_str().expect("id")).to_lowercase());
        typed["C09"]["salaryWan"] = Value::from(to_full_width(fixture["C09"]["salaryWan"].as_str().expect("salary")));
        let mut s = store("geren");
        s.submission.clock = || "2026-11-30T10:20:30+08:00".to_owned();
        s.replace_data(typed, vec![]);
        let draft: Value = serde_json::from_str(&s.export_json("2026-01-15T09:00:00+08:00".into())).expect("json");
        assert_eq!(draft["data"], fixture, "the export holds the normalised values");
        assert_eq!((draft["status"].as_str(), draft.get("submittedAt")), (Some("草稿"), None));
        let fx = s.update(Msg::Submit);
        let body = fx.iter().find_map(|e| if let Effect::Post { body, .. } = e { Some(body.clone()) } else { None }).expect("posts");
        let posted: Value = serde_json::from_str(&body).expect("json");
        assert_eq!(posted["data"], fixture, "the post holds the normalised values");
        // The stamp's date is the store's today (the host's), its time the clock's.
        assert_eq!((posted["status"].as_str(), posted["submittedAt"].as_str()), (Some("已提交"), Some("2026-01-15T10:20:30+08:00")));
        s.update(Msg::Submitted { receipt: "r1".into() });
        let after: Value = serde_json::from_str(&s.export_json("2026-03-01T09:00:00+08:00".into())).expect("json");
        assert_eq!((after["status"].as_str(), after["submittedAt"].as_str()), (Some("已提交"), Some("2026-01-15T10:20:30+08:00")));
        // A correction after success is a draft again.
        s.update(Msg::Input { path: "/header/position".into(), raw: "副局长".into() });
        let edited: Value = serde_json::from_str(&s.export_json("2026-03-01T09:00:00+08:00".into())).expect("json");
        assert_eq!((edited["status"].as_str(), edited.get("submittedAt")), (Some("草稿"), None));
    }

    fn to_full_width(s: &str) -> String {
        s.chars().map(|c| if c.is_ascii_graphic() { char::from_u32(c as u32 + 0xFEE0).unwrap_or(c) } else { c }).collect()
    }
}
