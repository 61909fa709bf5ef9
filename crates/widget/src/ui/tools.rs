//! The clerk and reviewer buttons of the action bar (复制上年数据, 打印) and the hidden
//! file inputs behind them; each input is opened by its button (`data-file` names the purpose).

use yew::prelude::*;

use super::clerk::{ClerkMsg, FilePurpose};
use super::store::{Msg, Store};
use super::{t, Shared};

/// The hidden file input for `purpose`.
pub(super) fn file_input(sh: &Shared, purpose: FilePurpose) -> Html {
    let sh = sh.clone();
    html! {
        <input type="file" class="ac-hidden" accept=".json,application/json" data-file={purpose.as_str()} tabindex="-1" aria-hidden="true"
            onchange={Callback::from(move |e: Event| {
                #[cfg(target_arch = "wasm32")]
                crate::web::clerk::read_file(&sh, e, purpose);
                #[cfg(not(target_arch = "wasm32"))]
                let _ = (&sh, e, purpose);
            })} />
    }
}

/// Buttons added to the action bar.
pub(super) fn actions(s: &Store, sh: &Shared) -> Html {
    let l = s.locale;
    html! {
        <>
            if !s.read_only {
                <button type="button" class="ac-btn" data-action="copy-last-year" onclick={sh.cb(|_: MouseEvent| Some(Msg::Clerk(ClerkMsg::Pick(FilePurpose::Base))))}>
                    { t(l, "复制上年数据", "Copy last year's data") }
                </button>
                { file_input(sh, FilePurpose::Base) }
            }
            <button type="button" class="ac-btn" data-action="print" id={super::dom_id(&format!("/{}", super::clerk::PRINT))} onclick={sh.cb(|_: MouseEvent| Some(Msg::Clerk(ClerkMsg::Print)))}>{ t(l, "打印", "Print") }</button>
            { file_input(sh, FilePurpose::Review) }
            { file_input(sh, FilePurpose::Talks) }
        </>
    }
}
