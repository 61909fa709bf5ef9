//! The browser's side of the view's host port (`ui::Host`): reading a chosen file, the clock; and
//! random keys (idempotency keys, the tab's id in drafts).

use crate::ui::store::msg::{FilePurpose, Msg};
use crate::ui::{Host, Shared};

/// The port the view is mounted with.
pub(crate) const HOST: Host = Host { read_file, now: now_stamp };

/// `YYYY-MM-DDTHH:mm:ss+08:00` now, by the browser's clock.
pub(crate) fn now_stamp() -> String {
    checklist_core::date::shanghai_datetime_from_unix_ms(js_sys::Date::now() as i64).unwrap_or_default()
}

/// Reads `file` (chosen in the picker of `purpose`) and hands its text to the store; a file over the
/// import limit is not read.
pub(crate) fn read_file(sh: &Shared, purpose: FilePurpose, file: web_sys::File) {
    let max = sh.store.try_borrow().map(|s| s.validator().config().import_max_bytes as f64).unwrap_or(0.0);
    if file.size() > max {
        sh.dispatch(Msg::FileTooLarge(purpose, file.size() as u64));
        return;
    }
    let sh = sh.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let blob = gloo_file::Blob::from(file);
        let text = gloo_file::futures::read_as_text(&blob).await.unwrap_or_default();
        sh.dispatch(Msg::FileRead(purpose, text));
    });
}

/// A random UUID (version 4) for idempotency keys. `crypto.getRandomValues`, not `crypto.randomUUID`:
/// the latter exists only in secure contexts (HTTPS, localhost) and since Chromium 92, and many
/// portals are plain-HTTP intranet hosts on older kernels (README, Supported browsers).
pub(crate) fn random_key() -> String {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window().and_then(|w| w.crypto().ok()).is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        // No Web Crypto at all: Math.random, still in the UUID's shape the endpoint expects.
        for b in &mut bytes {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    uuid_v4(bytes)
}

/// Formats 16 random bytes as an RFC 9562 version-4 UUID (`xxxxxxxx-xxxx-4xxx-Yxxx-xxxxxxxxxxxx`).
pub(crate) fn uuid_v4(mut b: [u8; 16]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let mut out = String::with_capacity(36);
    for (i, byte) in b.iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            out.push('-');
        }
        out.push(HEX[usize::from(byte >> 4)] as char);
        out.push(HEX[usize::from(byte & 0x0f)] as char);
    }
    out
}
