//! The browser side: the `mount` function and handle exported to JavaScript, and the effect
//! runner that turns [`Effect`]s into DOM events, HTTP posts, downloads, drafts and focus moves.
//! Only compiled for `wasm32`. Nothing here panics on host input: bad options come back as a
//! thrown JavaScript `Error` with a readable message, storage that is unavailable (private
//! mode, sandboxed frames) simply means no drafts.
//!
//! Personal data never goes to the console, to URLs or to error events: events carry paths and
//! codes; `checklist-change` carries the value because the host page asked for it.
//!
//! One file per job: `mount` (options → store and view), `handle` (the JavaScript API), `effects`
//! (the effect runner, focus, downloads, printing), `drafts` (Web Storage or the host), `post` (the
//! submission), `host` (the view's host port: files, clock; random keys), `options`, `env`. This file
//! only declares and re-exports. The web layer depends on the view (`crate::ui`), never the reverse.

mod drafts;
mod effects;
mod env;
mod handle;
mod host;
mod mount;
mod options;
mod post;

pub use handle::Handle;
pub use mount::mount;
