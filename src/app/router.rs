//! Binds `core::route` to the browser: the current `location.hash` as a signal,
//! and navigation that writes the address bar.

use crate::core::route::{Route, View};
use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use leptos::prelude::*;

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// How a navigation enters the browser history.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// A new entry: Back returns to the state before.
    Push,
    /// Replaces the current entry (typing: one entry per search, not per key).
    Replace,
}

/// The app's address, shared by every view through context.
#[derive(Clone, Copy)]
pub struct Router {
    hash: RwSignal<String>,
    pub route: Memo<Route>,
    pub view: Memo<View>,
    /// A replacing navigation not yet written to the address bar (typing).
    pending: StoredValue<Option<(String, Timeout)>, LocalStorage>,
}

/// How long typing may go on before the address bar is written (ms): writing it
/// costs milliseconds a keystroke, so a burst of keys writes it once.
const WRITE_AFTER: u32 = 250;

impl Router {
    /// Creates the router and keeps it in step with the address bar (links,
    /// Back, Forward, edits by hand).
    pub fn new() -> Router {
        let hash = RwSignal::new(current_hash());
        let pending = StoredValue::new_local(None::<(String, Timeout)>);
        // A navigation by the browser (Back, a link, an edit by hand) wins over
        // an address not yet written (dropping the timeout cancels it).
        let sync = move || {
            pending.try_update_value(Option::take);
            hash.set(current_hash());
        };
        // The App lives as long as the page, so the listeners stay for good.
        let w = window();
        EventListener::new(&w, "hashchange", move |_| sync()).forget();
        EventListener::new(&w, "popstate", move |_| sync()).forget();
        let route = Memo::new(move |_| hash.with(|h| Route::parse(h)));
        let view = Memo::new(move |_| route.with(|r| r.view.clone()));
        let router = Router {
            hash,
            route,
            view,
            pending,
        };
        // Before a click acts (a link, Copy link) or the page is left, the
        // address bar catches up with what is shown.
        EventListener::new(&w, "click", move |_| router.flush()).forget();
        EventListener::new(&w, "pagehide", move |_| router.flush()).forget();
        router
    }

    /// Writes a pending address to the address bar now.
    pub fn flush(&self) {
        if let Some((target, _timeout)) = self.pending.try_update_value(Option::take).flatten() {
            write(&target, Entry::Replace);
            self.hash.set(current_hash());
        }
    }

    /// The fragment shown now (with its `#`), without tracking.
    pub fn hash_untracked(&self) -> String {
        self.hash.get_untracked()
    }

    /// The address of what is shown (the address bar may lag while typing).
    pub fn href(&self) -> String {
        self.full(&self.hash.get_untracked())
    }

    /// The full address of `fragment` (with its `#`) on this page.
    pub fn full(&self, fragment: &str) -> String {
        let l = window().location();
        let base = l.href().unwrap_or_default();
        let base = base.split('#').next().unwrap_or_default().to_string();
        base + fragment
    }

    /// Goes to `target` (a fragment starting with `#`).
    /// A replacing navigation shows at once and reaches the address bar
    /// [`WRITE_AFTER`] later (or at the next click), once per burst of keys.
    pub fn go(&self, target: &str, entry: Entry) {
        if self.hash.with_untracked(|h| h == target) {
            return;
        }
        match entry {
            Entry::Push => {
                self.flush();
                write(target, Entry::Push);
                self.hash.set(current_hash());
            }
            Entry::Replace => {
                // A new burst replaces (and so cancels) the pending write.
                let router = *self;
                let timeout = Timeout::new(WRITE_AFTER, move || router.flush());
                self.pending.set_value(Some((target.to_string(), timeout)));
                self.hash.set(target.to_string());
            }
        }
    }
}

fn write(target: &str, entry: Entry) {
    if let Ok(history) = window().history() {
        let url = Some(target);
        let written = match entry {
            Entry::Push => history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", url),
            Entry::Replace => history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", url),
        };
        if written.is_err() {
            // The view is shown all the same; only the address bar lags.
            web_sys::console::warn_1(&"Tarikh: could not write the address bar".into());
        }
    }
}

pub fn use_router() -> Router {
    expect_context::<Router>()
}
