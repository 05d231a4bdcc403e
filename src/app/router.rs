//! Binds `core::route` to the browser: the current `location.hash` as a signal,
//! and navigation that writes the address bar.

use crate::core::route::{Route, View};
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
}

impl Router {
    /// Creates the router and keeps it in step with the address bar (links,
    /// Back, Forward, edits by hand).
    pub fn new() -> Router {
        let hash = RwSignal::new(current_hash());
        // The App lives as long as the page, so the listeners are never removed.
        let sync = move || hash.set(current_hash());
        let _ = window_event_listener(leptos::ev::hashchange, move |_| sync());
        let _ = window_event_listener(leptos::ev::popstate, move |_| sync());
        let route = Memo::new(move |_| hash.with(|h| Route::parse(h)));
        let view = Memo::new(move |_| route.with(|r| r.view.clone()));
        Router { hash, route, view }
    }

    /// Goes to `target` (a fragment starting with `#`).
    pub fn go(&self, target: &str, entry: Entry) {
        if self.hash.with_untracked(|h| h == target) {
            return;
        }
        if let Ok(history) = window().history() {
            let url = Some(target);
            let _ = match entry {
                Entry::Push => history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", url),
                Entry::Replace => {
                    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", url)
                }
            };
        }
        self.hash.set(current_hash());
    }
}

pub fn use_router() -> Router {
    expect_context::<Router>()
}
