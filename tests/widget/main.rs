//! The widget's native tests, one binary (`cargo test -p checklist-widget --test widget`): the view
//! rendered to HTML by Yew's server-side renderer. The browser tests are tests/widget/browser.rs.

mod common;
mod robustness;
mod ui_clerk_render;
mod ui_country;
mod ui_render;
mod ui_shown;
mod ui_words;
