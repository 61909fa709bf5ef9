//! The clerk and reviewer buttons of the action bar (复制上年数据, 打印) and the hidden file inputs
//! behind them and behind 导入文件; each input is opened by its button (`data-file` names the
//! purpose; the import's is `data-action="import-file"`). The chosen file goes to the host port.

use yew::prelude::*;

use super::dom::{dom_id, PRINT};
use super::shared::Shared;
use super::store::msg::{FilePurpose, Msg};
use super::store::state::Store;
use super::text::{w, W};

/// The hidden file input for `purpose`.
pub(crate) fn file_input(sh: &Shared, purpose: FilePurpose) -> Html {
    let sh = sh.clone();
    let import = purpose == FilePurpose::Import;
    html! {
        <input type="file" class="ac-hidden" accept=".json,application/json" data-action={import.then_some("import-file")}
            data-file={(!import).then_some(purpose.as_str())} tabindex="-1" aria-hidden="true"
            onchange={Callback::from(move |e: Event| {
                let input = e.target_unchecked_into::<web_sys::HtmlInputElement>();
                let file = input.files().and_then(|f| f.get(0));
                input.set_value("");
                if let Some(file) = file {
                    sh.read_file(purpose, file);
                }
            })} />
    }
}

/// Buttons added to the action bar.
pub(crate) fn actions(s: &Store, sh: &Shared) -> Html {
    let l = s.locale();
    html! {
        <>
            if !s.read_only() {
                <button type="button" class="ac-btn" data-action="copy-last-year" onclick={sh.cb(|_: MouseEvent| Some(Msg::PickFile(FilePurpose::Base)))}>
                    { w(l, W::CopyLastYearSData) }
                </button>
                { file_input(sh, FilePurpose::Base) }
            }
            <button type="button" class="ac-btn" data-action="print" id={dom_id(&format!("/{PRINT}"))} onclick={sh.cb(|_: MouseEvent| Some(Msg::Print))}>{ w(l, W::Print) }</button>
            { file_input(sh, FilePurpose::Review) }
            { file_input(sh, FilePurpose::Talks) }
        </>
    }
}
