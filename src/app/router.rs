//! Binds `core::route` to the browser: the current `location.hash` as a signal.

use crate::core::route::{Route, View};
use leptos::prelude::*;

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// The current route, kept in step with the address bar (links, Back, Forward,
/// edits by hand). Navigation itself is plain `<a href="#/...">`.
pub fn use_route() -> Memo<Route> {
    let (hash, set_hash) = signal(current_hash());
    // The App lives as long as the page, so the listener is never removed.
    let _ = window_event_listener(leptos::ev::hashchange, move |_| {
        set_hash.set(current_hash())
    });
    Memo::new(move |_| hash.with(|h| Route::parse(h)))
}

/// The view part of the route, changing only when the view does.
pub fn use_view(route: Memo<Route>) -> Memo<View> {
    Memo::new(move |_| route.with(|r| r.view.clone()))
}
