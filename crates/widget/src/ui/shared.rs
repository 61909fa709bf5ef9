//! What the view, the host page's handle and the effect runner share: the store, the runner that
//! performs each update's effects, and the [`Host`] port, through which the view reaches what only
//! the page can do (read a chosen file, tell the time) without naming the web layer.

use std::cell::RefCell;
use std::rc::Rc;

use yew::Callback;

use super::store::msg::{Effect, FilePurpose, Msg};
use super::store::state::Store;

type Runner = Rc<dyn Fn(&Shared, Vec<Effect>)>;

/// The host port: what the view needs from the page around it. The web layer passes its own at
/// mount (the browser's file reader and clock); native tests pass one of their own. Plain function
/// pointers: no allocation, no dynamic dispatch table in the WebAssembly.
#[derive(Clone, Copy)]
pub struct Host {
    /// Reads `file`, chosen in the picker of a purpose, and dispatches its text
    /// (`Msg::FileRead`), or `Msg::FileTooLarge` without reading a file over the import limit.
    pub read_file: fn(&Shared, FilePurpose, web_sys::File),
    /// `YYYY-MM-DDTHH:mm:ss+08:00` now.
    pub now: fn() -> String,
}

/// The store shared by the view, the host API and the effect runner.
#[derive(Clone)]
pub struct Shared {
    /// The state.
    pub store: Rc<RefCell<Store>>,
    runner: Runner,
    host: Host,
    rerender: Rc<RefCell<Option<Callback<()>>>>,
}

impl PartialEq for Shared {
    fn eq(&self, other: &Shared) -> bool {
        Rc::ptr_eq(&self.store, &other.store)
    }
}

impl Shared {
    /// Wraps `store`; `host` is the page's port, `runner` performs the effects of each update.
    pub fn new(store: Store, host: Host, runner: impl Fn(&Shared, Vec<Effect>) + 'static) -> Shared {
        Shared { store: Rc::new(RefCell::new(store)), runner: Rc::new(runner), host, rerender: Rc::new(RefCell::new(None)) }
    }

    /// Applies `msg`, performs its effects and re-renders.
    pub fn dispatch(&self, msg: Msg) {
        let (fx, quiet) = match self.store.try_borrow_mut() {
            Ok(mut s) => (s.update(msg), s.quiet()),
            Err(_) => return, // re-entrant call during render: ignored rather than a panic
        };
        (self.runner)(self, fx);
        if !quiet {
            self.rerender();
        }
    }

    /// Asks the mounted view to render again.
    pub fn rerender(&self) {
        let cb = self.rerender.borrow().clone();
        if let Some(cb) = cb {
            cb.emit(());
        }
    }

    /// The mounted view's way to render again (set by the root component at each render).
    pub(crate) fn on_rerender(&self, cb: Callback<()>) {
        *self.rerender.borrow_mut() = Some(cb);
    }

    /// The host's clock: `YYYY-MM-DDTHH:mm:ss+08:00` now.
    pub fn now(&self) -> String {
        (self.host.now)()
    }

    /// Hands a chosen file to the host to read (see [`Host::read_file`]).
    pub fn read_file(&self, purpose: FilePurpose, file: web_sys::File) {
        (self.host.read_file)(self, purpose, file)
    }

    /// A callback that dispatches what `f` makes of the event, if anything.
    pub(crate) fn cb<E: 'static>(&self, f: impl Fn(E) -> Option<Msg> + 'static) -> Callback<E> {
        let me = self.clone();
        Callback::from(move |e: E| {
            if let Some(m) = f(e) {
                me.dispatch(m)
            }
        })
    }
}
