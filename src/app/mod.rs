//! The browser side: thin Leptos views over `crate::core`.

mod asset;
mod deferred;
pub(crate) mod find;
mod link;
mod router;
mod shell;
mod views;

pub use shell::App;

use leptos::prelude::*;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsCast;

/// Entry point: installs the panic message, replaces what `index.html` shows
/// before the wasm runs (the loading shell, or in the hosted release build the
/// snapshot of the timeline written by scripts/prerender.mjs) with the live app,
/// and marks the page live: `<html data-app="live">`, which the tests, the
/// benchmark and the snapshot's own styles wait for.
pub fn start() {
    install_panic_hook();
    // The view the address opens, if deferred, starts loading now, beside the snapshot's paint.
    let hash = window().location().hash().unwrap_or_default();
    views::preload(&crate::core::route::Route::parse(&hash).view);
    // What index.html shows is painted first: the app takes over in the task after
    // the next frame (or after 100 ms where no frame comes, as in a background tab),
    // so a fast load never holds the first paint back until the app has rendered.
    let once = std::rc::Rc::new(std::cell::Cell::new(false));
    let go = move || {
        if !once.replace(true) {
            mount();
        }
    };
    let later = go.clone();
    request_animation_frame(move || set_timeout(later, std::time::Duration::ZERO));
    set_timeout(go, std::time::Duration::from_millis(100));
}

fn mount() {
    let Some(root) = document().get_element_by_id("app") else {
        web_sys::console::error_1(&"Tarikh: no #app element in the page".into());
        return;
    };
    let focused = focus_position(&root);
    root.set_inner_html("");
    let root: web_sys::HtmlElement = root.unchecked_into();
    leptos::mount::mount_to(root.clone(), App).forget();
    if let Some(f) = focused {
        refocus(&root, f);
    }
    // Live once the view is shown: a deferred view opened first waits for its module.
    let live = || {
        if let Some(html) = document().document_element() {
            if html.set_attribute("data-app", "live").is_err() {
                web_sys::console::warn_1(&"Tarikh: could not mark the app live".into());
            }
        }
    };
    match document().query_selector(deferred::PLACEHOLDER) {
        Ok(Some(_)) => deferred::when_shown(live),
        _ => live(),
    }
    register_service_worker();
}

/// The links and disclosures of `#app` in document order. The prerendered timeline
/// and the app render the same ones, so a position in one is the same element in the
/// other: a reader who tabbed into the snapshot keeps their place when the app starts.
const FOCUSABLE: &str = "a[href], summary";

/// The focused element's position among [`FOCUSABLE`], and what identifies it.
fn focus_position(root: &web_sys::Element) -> Option<(u32, String)> {
    let active = document().active_element()?;
    let list = root.query_selector_all(FOCUSABLE).ok()?;
    let i =
        (0..list.length()).find(|&i| list.get(i).is_some_and(|n| active.is_same_node(Some(&n))))?;
    Some((i, identity(&active)))
}

fn identity(el: &web_sys::Element) -> String {
    format!("{:?} {:?}", el.get_attribute("href"), el.text_content())
}

/// Focuses the element at `position`, if it is the same link or disclosure as before.
fn refocus(root: &web_sys::HtmlElement, (position, id): (u32, String)) {
    let target = root
        .query_selector_all(FOCUSABLE)
        .ok()
        .and_then(|l| l.get(position));
    if let Some(el) = target.and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) {
        if identity(&el) == id {
            if el.focus().is_err() {
                web_sys::console::warn_1(&"Tarikh: could not restore the focus".into());
            }
        }
    }
}

/// Offline support for the hosted app (scripts/postbuild.mjs writes `sw.js`).
/// Not for a page opened from disk, nor where the browser has no service
/// workers. When a newer deployment takes over, `#update` in index.html says so.
fn register_service_worker() {
    // Only release builds have a `sw.js` (scripts/postbuild.mjs); a page
    // opened from disk can't register one.
    if cfg!(debug_assertions) {
        return;
    }
    let w = window();
    let navigator = w.navigator();
    let has_sw = js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false);
    let from_disk = w.location().protocol().is_ok_and(|p| p == "file:");
    if !w.is_secure_context() || !has_sw || from_disk {
        return;
    }
    let container = navigator.service_worker();
    if container.controller().is_some() {
        let on_change = wasm_bindgen::closure::Closure::<dyn Fn()>::new(|| {
            if let Some(el) = document().get_element_by_id("update") {
                if el.remove_attribute("hidden").is_err() {
                    web_sys::console::warn_1(&"Tarikh: could not show the update notice".into());
                }
            }
        });
        container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
        on_change.forget();
    }
    let registration = container.register("./sw.js");
    leptos::task::spawn_local(async move {
        if let Err(e) = wasm_bindgen_futures::JsFuture::from(registration).await {
            web_sys::console::warn_2(&"Tarikh: offline support unavailable:".into(), &e);
        }
    });
}

/// A panic leaves the wasm instance unusable, so instead of a frozen or blank
/// page the static recovery message in `index.html` (#panic) is shown, with a
/// link that reloads the app at its start page.
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("Tarikh stopped: {info}").into());
        let doc = document();
        if let Some(reload) = doc.get_element_by_id("panic-reload") {
            let page = window().location().pathname().unwrap_or_default();
            // Inside a panic there is nothing more to do if these fail: the
            // error above is logged either way.
            let _ = reload.set_attribute("href", &page);
        }
        if let Some(panel) = doc.get_element_by_id("panic") {
            let _ = panel.remove_attribute("hidden");
        }
    }));
}

/// Panics on purpose, so the end-to-end tests can check the recovery message.
#[wasm_bindgen]
pub fn debug_panic() {
    panic!("debug_panic() was called");
}
