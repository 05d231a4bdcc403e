//! A view's state in the link, given to the view and its parts through
//! context: one `Copy` handle with the state as a memo and the ways to change
//! it (leptos `examples/counters` passes a `Copy` updater the same way). The
//! state is parsed from the route by `core::link`; changing it writes the URL
//! (`Router::go`), never a private copy.

use super::router::{use_router, Entry, Router};
use crate::core::dataset::DATASET;
use crate::core::link::{LinkState, Notice};
use leptos::prelude::*;

/// The link state `S` of the current view.
pub struct Linked<S: Send + Sync + 'static> {
    /// The state the link holds.
    pub state: Memo<S>,
    /// What the link held that was not understood.
    pub notices: Memo<Vec<Notice>>,
    /// The address the last keystroke wrote: typing on from there replaces
    /// that history entry; anything else (Back, a link) ends the burst.
    typed: StoredValue<Option<String>>,
    router: Router,
}

impl<S: Send + Sync> Clone for Linked<S> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<S: Send + Sync> Copy for Linked<S> {}

impl<S> Linked<S>
where
    S: LinkState + Clone + PartialEq + Send + Sync + 'static,
{
    /// Reads `S` from the route and offers it to the view's parts.
    pub fn provide() -> Linked<S> {
        let router = use_router();
        let parsed = Memo::new(move |_| router.route.with(|r| S::parse_route(&DATASET, r)));
        let link = Linked {
            state: Memo::new(move |_| parsed.with(|(s, _)| s.clone())),
            notices: Memo::new(move |_| parsed.with(|(_, n)| n.clone())),
            typed: StoredValue::new(None),
            router,
        };
        provide_context(link);
        link
    }

    /// The state now, without tracking.
    pub fn now(&self) -> S {
        self.state.get_untracked()
    }

    /// Shows `state`, as a new history entry.
    pub fn set(&self, state: &S) {
        self.router.go(&state.href(&DATASET), Entry::Push);
    }

    /// Changes the state; Back returns to the one before.
    pub fn push(&self, change: impl FnOnce(&mut S)) {
        let mut s = self.now();
        change(&mut s);
        self.set(&s);
    }

    /// Changes the state in place: the current history entry is replaced
    /// (a form whose every click would otherwise fill the history).
    pub fn replace(&self, change: impl FnOnce(&mut S)) {
        let mut s = self.now();
        change(&mut s);
        self.router.go(&s.href(&DATASET), Entry::Replace);
    }

    /// A change made by typing: the first keystroke of a burst adds a history
    /// entry, the next ones replace it (one entry per search, not per key).
    pub fn typed(&self, change: impl FnOnce(&mut S)) {
        let mut s = self.now();
        change(&mut s);
        let target = s.href(&DATASET);
        let current = self.router.hash_untracked();
        let entry = if self.typed.get_value().as_deref() == Some(current.as_str()) {
            Entry::Replace
        } else {
            Entry::Typed
        };
        self.router.go(&target, entry);
        self.typed.set_value(Some(target));
    }
}

/// The link state of the view this part belongs to.
pub fn use_link<S: Send + Sync + 'static>() -> Linked<S> {
    expect_context::<Linked<S>>()
}
