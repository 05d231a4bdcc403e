//! The frame every view shares: skip link, header with navigation, `<main>`.

use super::router::Router;
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
    Effect::new(move |first: Option<()>| {
        let v = view.get();
        document().set_title(&format!("{} — Tarikh", views::title(&v)));
        if first.is_some() {
            request_animation_frame(focus_heading);
        }
    });

    view! {
        <a class="skip-link" href="#main" on:click=move |ev| {
            ev.prevent_default();
            focus_heading();
        }>"Skip to content"</a>
        <header class="site-header">
            <a class="brand" href=View::Timeline.href()>
                "Tarikh"
                <span class="tagline">"Alash and the Basmachi, 1905–1937"</span>
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
               <a href=View::About.href()>"About the sources"</a></p>
            // The single-file copy works opened from disk; offered only by the hosted app.
            {(window().location().protocol().as_deref() != Ok("file:")).then(|| view! {
                <p><a href="tarikh-offline.html" download="tarikh-offline.html">"Download for offline use"</a>
                   " (one file that opens in any browser, even without a connection)"</p>
            })}
        </footer>
    }
}

fn focus_heading() {
    if let Ok(Some(h1)) = document().query_selector("main h1") {
        let ok = h1.set_attribute("tabindex", "-1").is_ok()
            && h1
                .dyn_into::<web_sys::HtmlElement>()
                .is_ok_and(|h1| h1.focus().is_ok());
        if !ok {
            web_sys::console::warn_1(&"Tarikh: could not move the focus to the heading".into());
        }
    }
}
