//! [`Store::update`]: the one way the state changes. It applies the rules every message shares (a
//! read-only widget takes no edit, a passing notice goes with the next edit), then hands the message
//! to the update of its concern.

use super::msg::{Effect, FilePurpose, Msg};
use super::state::Store;

impl Store {
    /// Applies a message and returns what the web layer must do.
    pub fn update(&mut self, msg: Msg) -> Vec<Effect> {
        let mut fx = Vec::new();
        self.quiet = false;
        let editing = matches!(
            msg,
            Msg::Set { .. }
                | Msg::Input { .. }
                | Msg::Combo(..)
                | Msg::Toggle { .. }
                | Msg::AddRow(_)
                | Msg::AskRemove(_)
                | Msg::ConfirmRemove
                | Msg::Import(_)
                | Msg::FileRead(FilePurpose::Import, _)
                | Msg::Submit
                | Msg::Confirm { .. }
                | Msg::AskDiscardDraft
                | Msg::DiscardDraft
        );
        if self.read_only && editing {
            return fx;
        }
        // A passing notice (已添加第 1 行, 导出成功) does not outlive the next edit; errors and
        // questions that wait for a choice stay.
        if matches!(msg, Msg::Set { .. } | Msg::Input { .. } | Msg::Toggle { .. })
            && self.notice.as_ref().is_some_and(|n| matches!(n.kind(), "info" | "ok"))
        {
            self.notice = None;
        }
        match msg {
            Msg::Set { .. }
            | Msg::SetData(_)
            | Msg::Input { .. }
            | Msg::Toggle { .. }
            | Msg::Touch(_)
            | Msg::UseRow(..)
            | Msg::Combo(..)
            | Msg::AddRow(_)
            | Msg::AskRemove(_)
            | Msg::CancelRemove
            | Msg::ConfirmRemove
            | Msg::Confirm { .. } => self.update_editing(msg, &mut fx),
            Msg::Validate | Msg::Revalidate | Msg::ShowSummary => self.update_validation(msg, &mut fx),
            Msg::Submit | Msg::Submitted { .. } | Msg::Rejected(_) | Msg::Failed(_) | Msg::StillSending(_) => {
                self.update_submit(msg, &mut fx)
            }
            Msg::KeepOnComputer(_)
            | Msg::RestoreDraft(_)
            | Msg::AskDiscardDraft
            | Msg::CancelDiscardDraft
            | Msg::DiscardDraft
            | Msg::DraftConflict(_)
            | Msg::DraftUseOther
            | Msg::DraftKeepMine
            | Msg::SaveDraftNow => self.update_drafts(msg, &mut fx),
            Msg::Export { .. } | Msg::PickFile(_) | Msg::FileRead(..) | Msg::FileTooLarge(..) | Msg::Import(_) => {
                self.update_transfer(msg, &mut fx)
            }
            Msg::Review
            | Msg::BackToForm
            | Msg::Focus(_)
            | Msg::Page { .. }
            | Msg::SetLocale(_)
            | Msg::NextProblem(_)
            | Msg::EnterInCell(_) => self.update_navigation(msg, &mut fx),
            Msg::ClearBase => self.update_last_year(msg, &mut fx),
            Msg::Print | Msg::EndPrint => self.update_print(msg, &mut fx),
        }
        fx
    }
}
