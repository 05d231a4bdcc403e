//! Binds `core::route` to the browser: the current `location.hash` as a signal,
//! and navigation that writes the address bar.

use crate::core::route::{Route, View};
use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

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
    /// A new entry made by the first keystroke of a burst: written with the
    /// burst (a history write costs milliseconds), Back returns to the state before.
    Typed,
}

/// A navigation shown but not yet written to the address bar (typing): its
/// fragment, and for a new entry where the reader was on the entry it leaves.
struct Pending {
    target: String,
    leaves: Option<Place>,
    _timeout: Timeout,
}

/// The app's address, shared by every view through context.
#[derive(Clone, Copy)]
pub struct Router {
    hash: RwSignal<String>,
    pub route: Memo<Route>,
    pub view: Memo<View>,
    /// A navigation not yet written to the address bar (typing).
    pending: StoredValue<Option<Pending>, LocalStorage>,
    /// Where the reader was on the entry Back or Forward returned to, until shown.
    place: StoredValue<Option<Place>>,
}

/// Where the reader was on a page: how far down, and the link that had the
/// focus. Kept in the history entry's state (scroll restoration by hand: the
/// browser's own restores before the view has rendered, so to the top).
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    pub y: f64,
    /// The `href` of the focused link.
    pub focus: Option<String>,
}

impl Place {
    fn now() -> Place {
        let focus = document()
            .active_element()
            .filter(|e| e.tag_name().eq_ignore_ascii_case("a"))
            .and_then(|e| e.get_attribute("href"));
        Place {
            y: window().scroll_y().unwrap_or(0.0),
            focus,
        }
    }

    fn to_js(&self) -> JsValue {
        let o = js_sys::Object::new();
        let ok = js_sys::Reflect::set(&o, &"y".into(), &self.y.into()).is_ok()
            && js_sys::Reflect::set(
                &o,
                &"focus".into(),
                &self.focus.as_deref().map_or(JsValue::NULL, JsValue::from),
            )
            .is_ok();
        if ok {
            o.into()
        } else {
            JsValue::NULL
        }
    }

    fn from_js(v: &JsValue) -> Option<Place> {
        let y = js_sys::Reflect::get(v, &"y".into()).ok()?.as_f64()?;
        let focus = js_sys::Reflect::get(v, &"focus".into())
            .ok()
            .and_then(|f| f.as_string());
        Some(Place { y, focus })
    }
}

/// Records where the reader is in the current history entry (before leaving it).
fn save_place() {
    keep_place(&Place::now());
}

/// Records `place` in the current history entry.
fn keep_place(place: &Place) {
    if let Ok(h) = window().history() {
        if h.replace_state(&place.to_js(), "").is_err() {
            web_sys::console::warn_1(&"Tarikh: could not keep the reading position".into());
        }
    }
}

fn entry_state() -> JsValue {
    window()
        .history()
        .and_then(|h| h.state())
        .unwrap_or(JsValue::NULL)
}

/// How long typing may go on before the address bar is written (ms): writing it
/// costs milliseconds a keystroke, so a burst of keys writes it once.
const WRITE_AFTER: u32 = 250;

impl Router {
    /// Creates the router and keeps it in step with the address bar (links,
    /// Back, Forward, edits by hand).
    pub fn new() -> Router {
        let hash = RwSignal::new(current_hash());
        let pending = StoredValue::new_local(None::<Pending>);
        let place = StoredValue::new(None::<Place>);
        if let Ok(h) = window().history() {
            // The app puts the reader back itself, once the view has rendered.
            let _ = js_sys::Reflect::set(&h, &"scrollRestoration".into(), &"manual".into());
        }
        // A navigation by the browser (Back, a link, an edit by hand) wins over
        // an address not yet written (dropping the timeout cancels it).
        let sync = move || {
            pending.try_update_value(Option::take);
            hash.set(current_hash());
        };
        // The App lives as long as the page, so the listeners stay for good.
        let w = window();
        EventListener::new(&w, "hashchange", move |_| sync()).forget();
        EventListener::new(&w, "popstate", move |_| {
            place.set_value(Place::from_js(&entry_state()));
            sync()
        })
        .forget();
        let route = Memo::new(move |_| hash.with(|h| Route::parse(h)));
        let view = Memo::new(move |_| route.with(|r| r.view.clone()));
        let router = Router {
            hash,
            route,
            view,
            pending,
            place,
        };
        // Before a click acts (a link, Copy link) or the page is left, the
        // address bar catches up with what is shown.
        // A link followed keeps, in the entry it leaves, where the reader was.
        EventListener::new(&w, "click", move |ev| {
            router.flush();
            let on_link = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|e| e.closest("a[href]").ok().flatten())
                .is_some();
            if on_link {
                save_place();
            }
        })
        .forget();
        EventListener::new(&w, "pagehide", move |_| router.flush()).forget();
        router
    }

    /// Where the reader was on the entry just returned to (Back, Forward), once.
    pub fn take_place(&self) -> Option<Place> {
        self.place.try_update_value(Option::take).flatten()
    }

    /// Writes a pending address to the address bar now.
    pub fn flush(&self) {
        if let Some(p) = self.pending.try_update_value(Option::take).flatten() {
            match &p.leaves {
                Some(place) => {
                    keep_place(place);
                    write(&p.target, Entry::Push);
                }
                None => write(&p.target, Entry::Replace),
            }
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
    /// A replacing or typed navigation shows at once and reaches the address
    /// bar [`WRITE_AFTER`] later (or at the next click), once per burst of keys.
    pub fn go(&self, target: &str, entry: Entry) {
        if self.hash.with_untracked(|h| h == target) {
            return;
        }
        match entry {
            Entry::Push => {
                self.flush();
                save_place();
                write(target, Entry::Push);
                self.hash.set(current_hash());
            }
            Entry::Replace | Entry::Typed => {
                // A new entry starts a burst (after what is pending is written);
                // a replacing one continues it, a new entry still if it began so.
                let leaves = if entry == Entry::Typed {
                    self.flush();
                    Some(Place::now())
                } else {
                    self.pending
                        .try_update_value(|p| p.take().and_then(|p| p.leaves))
                        .flatten()
                };
                // The new timeout replaces (and so cancels) the pending write's.
                let router = *self;
                let timeout = Timeout::new(WRITE_AFTER, move || router.flush());
                self.pending.set_value(Some(Pending {
                    target: target.to_string(),
                    leaves,
                    _timeout: timeout,
                }));
                self.hash.set(target.to_string());
            }
        }
    }
}

fn write(target: &str, entry: Entry) {
    if let Ok(history) = window().history() {
        let url = Some(target);
        let written = match entry {
            Entry::Push | Entry::Typed => history.push_state_with_url(&JsValue::NULL, "", url),
            // A replaced entry keeps where the reader was in it.
            Entry::Replace => history.replace_state_with_url(&entry_state(), "", url),
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
