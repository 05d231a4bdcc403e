//! The header's search box on every view: an ARIA combobox listing, as one
//! types, the best people, places, organisations, events, disputes and
//! periods (ranked in `core::find`), each with its kind; arrows and Enter go
//! there, and the last option opens the timeline with `q=`. `/` focuses it.

use super::router::{use_router, Entry};
use crate::core::dataset::{DATASET, SEARCH};
use crate::core::find::{all_results, Finder, Hit};
use leptos::prelude::*;
use std::sync::OnceLock;
use wasm_bindgen::JsCast;

/// Every record's words, made on the first use of the box.
pub fn finder() -> &'static Finder {
    static F: OnceLock<Finder> = OnceLock::new();
    F.get_or_init(|| Finder::new(&DATASET))
}

/// The element id of option `i`.
fn option_id(i: usize) -> String {
    format!("find-option-{i}")
}

/// Suggestions per kind.
const PER_KIND: usize = 3;

#[component]
pub fn HeaderSearch() -> impl IntoView {
    let ds = &DATASET;
    let router = use_router();
    let text = RwSignal::new(String::new());
    let open = RwSignal::new(false);
    // The option the arrows are on (index into the options; the last is "all results").
    let active = RwSignal::new(None::<usize>);
    let hits = Memo::new(move |_| {
        text.with(|t| {
            if t.trim().is_empty() {
                Vec::new()
            } else {
                finder().suggest(ds, &SEARCH, t, PER_KIND)
            }
        })
    });
    let count = move || hits.with(Vec::len) + 1;
    let expanded = move || open.get() && !text.with(|t| t.trim().is_empty());
    let href_of = move |i: usize| -> String {
        hits.with(|h| h.get(i).map(|h: &Hit| h.href(ds)))
            .unwrap_or_else(|| text.with(|t| all_results(ds, t)))
    };
    let go = move |i: usize| {
        let href = href_of(i);
        open.set(false);
        active.set(None);
        text.set(String::new());
        router.go(&href, Entry::Push);
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let n = count();
        match ev.key().as_str() {
            "ArrowDown" => {
                ev.prevent_default();
                open.set(true);
                active.update(|a| *a = Some(a.map_or(0, |a| (a + 1) % n)));
            }
            "ArrowUp" => {
                ev.prevent_default();
                open.set(true);
                active.update(|a| *a = Some(a.map_or(n - 1, |a| (a + n - 1) % n)));
            }
            "Enter" => {
                ev.prevent_default();
                if !text.with(|t| t.trim().is_empty()) {
                    go(active.get_untracked().unwrap_or(n - 1));
                }
            }
            "Escape" => {
                if expanded() {
                    open.set(false);
                    active.set(None);
                } else {
                    text.set(String::new());
                }
            }
            _ => {}
        }
    };

    slash_focuses("find");
    let pick = Callback::new(go);

    view! {
        <div class="site-search no-print" role="search">
            <label for="find" class="visually-hidden">"Search everything"</label>
            <input id="find" type="text" role="combobox" autocomplete="off" spellcheck="false"
                placeholder="Search everything (press /)"
                aria-autocomplete="list" aria-controls="find-list"
                aria-expanded=move || if expanded() { "true" } else { "false" }
                aria-activedescendant=move || active.get().filter(|_| expanded()).map(option_id)
                prop:value=move || text.get()
                on:focus=move |_| {
                    set_timeout(|| { SEARCH.prepare(); finder(); }, std::time::Duration::ZERO);
                }
                on:input=move |ev| {
                    text.set(event_target_value(&ev));
                    open.set(true);
                    active.set(None);
                }
                on:keydown=on_key
                on:blur=move |_| { open.set(false); active.set(None); } />
            <ul id="find-list" role="listbox" aria-label="Suggestions" class="find-list"
                hidden=move || !expanded()>
                {move || expanded().then(|| options(hits.get(), active, text, pick))}
            </ul>
            <p class="visually-hidden" aria-live="polite">{move || expanded().then(|| live_words(hits.with(Vec::len)))}</p>
        </div>
    }
}

/// "/" anywhere but in a field focuses the element `id` (while the caller lives).
fn slash_focuses(id: &'static str) {
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() != "/" || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let typing = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| {
                matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                    || el.has_attribute("contenteditable")
            });
        if !typing {
            if let Some(input) = document()
                .get_element_by_id(id)
                .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
            {
                ev.prevent_default();
                let _ = input.focus();
            }
        }
    });
    on_cleanup(move || handle.remove());
}

/// What the screen reader hears as the list changes.
fn live_words(n: usize) -> String {
    match n {
        0 => "No suggestions; Enter searches the timeline.".to_string(),
        1 => "1 suggestion; arrows to choose.".to_string(),
        n => format!("{n} suggestions; arrows to choose."),
    }
}

/// The options: each suggestion with its kind, then "All results" on the timeline.
fn options(
    list: Vec<Hit>,
    active: RwSignal<Option<usize>>,
    text: RwSignal<String>,
    go: Callback<usize>,
) -> Vec<AnyView> {
    let ds = &DATASET;
    let n = list.len();
    let mut items: Vec<AnyView> = list
        .into_iter()
        .enumerate()
        .map(|(i, h)| {
            let label = h.label(ds);
            let kind = h.kind.label();
            let matched = h.matched.map(|m| format!(" (found as “{m}”)"));
            view! {
                <li role="option" id=option_id(i) class="find-option"
                    aria-selected=move || if active.get() == Some(i) { "true" } else { "false" }
                    on:mousedown=move |ev| { ev.prevent_default(); go.run(i); }>
                    <span class="find-label">{label}{matched}</span>
                    <span class="find-kind">{kind}</span>
                </li>
            }
            .into_any()
        })
        .collect();
    items.push(
        view! {
            <li role="option" id=option_id(n) class="find-option find-all"
                aria-selected=move || if active.get() == Some(n) { "true" } else { "false" }
                on:mousedown=move |ev| { ev.prevent_default(); go.run(n); }>
                {move || format!("All results for “{}” on the timeline", text.get().trim())}
            </li>
        }
        .into_any(),
    );
    items
}
