//! The print view: the record normalised, shown as a document, and printed; leaving it gives focus
//! back to the 打印 button.

use super::msg::{Effect, Msg};
use super::state::Store;
use crate::ui::dom::{END_PRINT, PRINT};

impl Store {
    /// Entering and leaving the print view.
    pub(super) fn update_print(&mut self, msg: Msg, fx: &mut Vec<Effect>) {
        match msg {
            Msg::Print => {
                self.normalize_record(fx);
                self.print.printing = true;
                self.notice = None;
                fx.push(Effect::Print);
                // The 打印 button is gone in the print view: its 返回 takes focus.
                fx.push(Effect::Focus(format!("/{END_PRINT}")));
            }
            Msg::EndPrint if self.print.printing => {
                self.print.printing = false;
                fx.push(Effect::EndPrint);
                // Back where the user was: the 打印 button.
                fx.push(Effect::Focus(format!("/{PRINT}")));
            }
            _ => {}
        }
    }
}
