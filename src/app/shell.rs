//! The frame every view shares: skip link, header with navigation, `<main>`.

use super::router::{Place, Router};
use super::views;
use crate::core::route::{Section, View};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn App() -> impl IntoView {
    let router = Router::new();
    provide_context(router);
    let view = router.view;

    // Title per view, and focus moved to the new heading after a navigation so
    // screen-reader and keyboard users land on the content.
    // Back and Forward return the reader to where they were: the scroll
    // position and the link they had followed (the router keeps both).
    Effect::new(move |before: Option<View>| {
        let v = view.get();
        router.route.track();
        if before.as_ref() != Some(&v) {
            document().set_title(&format!("{} — Tarikh", views::title(&v)));
        }
        match router.take_place() {
            Some(place) => super::deferred::when_shown(move || restore(place)),
            None if before.is_some_and(|b| b != v) => super::deferred::when_shown(focus_heading),
            None => {}
        }
        v
    });

    view! {
        <a class="skip-link" href="#main" on:click=move |ev| {
            ev.prevent_default();
            focus_heading();
        }>"Skip to content"</a>
        // On the timeline, a second jump: past the search and the filters to the events.
        {move || (view.get() == View::Timeline).then(|| view! {
            <a class="skip-link" href="#results-heading" on:click=move |ev| {
                ev.prevent_default();
                focus_by_id("results-heading");
            }>"Skip to the events"</a>
        })}
        <header class="site-header">
            <a class="brand" href=View::Home.href()>
                "Tarikh"
                <span class="tagline">"Alash and the Basmachi, 1891–1937"</span>
            </a>
            <nav aria-label="Main">
                <ul>
                    {Section::ALL
                        .into_iter()
                        .map(|s| {
                            let current = move || (view.get().section() == Some(s)).then_some("page");
                            view! { <li><a href=s.view().href() aria-current=current>{s.label()}</a></li> }
                        })
                        .collect_view()}
                </ul>
            </nav>
            <super::find::HeaderSearch />
        </header>
        <main id="main">{move || views::render(view.get())}</main>
        <footer class="site-footer">
            <p>"Every statement in Tarikh cites its source. "
               <a href=View::About.href()>"About the sources"</a>
               " · " <a href=View::Glossary.href()>"Glossary"</a></p>
            // The single-file copy works opened from disk; offered only by the hosted app.
            {(window().location().protocol().as_deref() != Ok("file:")).then(|| view! {
                <p><a href="tarikh-offline.html" download="tarikh-offline.html">"Download for offline use"</a>
                   " (one file that opens in any browser, even without a connection)"</p>
            })}
        </footer>
    }
}

/// Puts the reader back: the focus on the link they followed (else the
/// heading), without scrolling, then the scroll position.
fn restore(place: Place) {
    let link = place.focus.and_then(|href| {
        let links = document().query_selector_all("main a[href]").ok()?;
        (0..links.length())
            .filter_map(|i| links.get(i))
            .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
            .find(|a| a.get_attribute("href").as_deref() == Some(href.as_str()))
    });
    let target = link.or_else(|| {
        let h1 = document().query_selector("main h1").ok().flatten()?;
        h1.set_attribute("tabindex", "-1").ok()?;
        h1.dyn_into::<web_sys::HtmlElement>().ok()
    });
    if let Some(el) = target {
        let opts = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&opts, &"preventScroll".into(), &true.into());
        let focused = js_sys::Reflect::get(&el, &"focus".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            .is_some_and(|f| f.call1(&el, &opts).is_ok());
        if !focused {
            web_sys::console::warn_1(&"Tarikh: could not restore the focus".into());
        }
    }
    window().scroll_to_with_x_and_y(0.0, place.y);
}

/// Moves the focus to the element `id` (made focusable) and scrolls to it.
fn focus_by_id(id: &str) {
    if let Some(el) = document().get_element_by_id(id) {
        focus_on(el, "Tarikh: could not move the focus");
    }
}

fn focus_heading() {
    if let Ok(Some(h1)) = document().query_selector("main h1") {
        focus_on(h1, "Tarikh: could not move the focus to the heading");
    }
}

/// Makes `el` focusable (not a Tab stop) and focuses it; says `failed` in the console if it can't.
fn focus_on(el: web_sys::Element, failed: &str) {
    let ok = el.set_attribute("tabindex", "-1").is_ok()
        && el
            .dyn_into::<web_sys::HtmlElement>()
            .is_ok_and(|el| el.focus().is_ok());
    if !ok {
        web_sys::console::warn_1(&failed.into());
    }
}
