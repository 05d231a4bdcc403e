//! The quiz: the teacher's setup form (no seed in the link), the quiz taken one
//! question at a time with its progress kept in localStorage, and the printable
//! worksheet and answer key. Everything is decided by `core::quiz` and
//! `core::quiz::state` and `core::quiz::stored`; this module only shows it and passes clicks on.
//!
//! Kept small on purpose (every distinct view type costs wasm): alternatives are
//! `Option`s rather than `AnyView`s, and repeated rows go through one non-generic
//! helper with type-erased arguments.

mod code;
mod parts;
mod print;
mod project;
mod results;
mod setup;
mod share;
mod store;
mod take;

use crate::app::link::Linked;
use crate::app::views::common::log;
use crate::core::dataset::{DATASET, SEARCH};
use crate::core::quiz::{generate, Facts, Spec};
use leptos::prelude::*;
use std::sync::{Arc, OnceLock};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsCast;

fn facts() -> &'static Facts<'static> {
    static FACTS: OnceLock<Facts<'static>> = OnceLock::new();
    FACTS.get_or_init(|| Facts::new(&DATASET))
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = ["navigator", "clipboard"], js_name = writeText, catch)]
    fn clipboard_write(text: &str) -> Result<js_sys::Promise, wasm_bindgen::JsValue>;
}

type Action = Arc<dyn Fn() + Send + Sync>;

/// A Copy button's action for the text `get` gives, and what it reports
/// (`done`, or `failed` when the browser refuses the clipboard).
fn copier(
    get: impl Fn() -> String + Send + Sync + 'static,
    done: &'static str,
    failed: &'static str,
) -> (RwSignal<String>, Action) {
    let said = RwSignal::new(String::new());
    let copy: Action = Arc::new(move || match clipboard_write(&get()) {
        Ok(p) => leptos::task::spawn_local(async move {
            let ok = wasm_bindgen_futures::JsFuture::from(p).await.is_ok();
            said.set(if ok { done } else { failed }.into());
        }),
        Err(_) => said.set(failed.into()),
    });
    (said, copy)
}

#[component]
pub fn Quiz() -> impl IntoView {
    let link = Linked::<Spec>::provide();
    let notices = link.notices;
    // The quiz a seeded link fixes (the setup form when there is no seed).
    let made = Memo::new(move |_| {
        link.state.with(|s| {
            s.seed()
                .is_some()
                .then(|| (s.clone(), generate(facts(), &SEARCH, s)))
        })
    });
    move || {
        let (mut setup, mut quiz, mut print, mut impossible) = (false, None, None, None);
        let (mut results, mut project) = (None, None);
        match made.get() {
            None => setup = true,
            Some((spec, Err(no))) => impossible = Some((spec, no)),
            Some((spec, Ok(q))) if spec.results => results = Some((spec, q)),
            Some((spec, Ok(q))) if spec.project => project = Some((spec, q)),
            Some((spec, Ok(q))) => match spec.print {
                None => quiz = Some((spec, q)),
                Some(p) => print = Some((spec, q, p)),
            },
        }
        view! {
            {setup.then(|| view! { <setup::Setup /> })}
            {quiz.map(|(spec, quiz)| view! { <take::Take spec quiz notices /> })}
            {print.map(|(spec, quiz, print)| view! { <print::Printout spec quiz print notices /> })}
            {results.map(|(spec, quiz)| view! { <results::Results spec quiz notices /> })}
            {project.map(|(spec, quiz)| view! { <project::Project spec quiz notices /> })}
            {impossible.map(|(spec, no)| view! { <setup::CannotMake spec no notices /> })}
        }
    }
}

fn focus_id(id: &str) {
    if let Some(el) = document().get_element_by_id(id) {
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            if el.focus().is_err() {
                log("Could not move the focus");
            }
        }
    }
}

/// The full address of a quiz link, for copying and projecting.
fn full_url(href: &str) -> String {
    let here = window().location().href().unwrap_or_default();
    let page = here.split('#').next().unwrap_or_default();
    format!("{page}{href}")
}

/// A button. Not generic, so every button shares one compiled view.
fn button(
    class: &'static str,
    id: Option<String>,
    text: Signal<String>,
    label: Option<String>,
    disabled: Signal<bool>,
    on: Action,
) -> impl IntoView {
    view! {
        <button type="button" class=class id=id aria-label=label disabled=disabled on:click=move |_| on()>{text}</button>
    }
}

fn text(s: &str) -> Signal<String> {
    Signal::stored(s.to_string())
}

fn never() -> Signal<bool> {
    Signal::stored(false)
}

/// One labelled checkbox or radio button in a list. Not generic: every row of
/// every list shares one compiled view.
fn input_row(
    kind: &'static str,
    name: &'static str,
    id: String,
    text: String,
    checked: Signal<bool>,
    on: Action,
) -> impl IntoView {
    view! {
        <li class="facet-value">
            <input type=kind name=name id=id.clone() prop:checked=checked on:change=move |_| on() />
            <label for=id>{text}</label>
        </li>
    }
}

/// A QR code of `text` (`core::qr`) as one SVG path, dark on light in both
/// colour schemes (readers need the contrast); nothing when the text is too long.
fn qr_code(text: String, label: &'static str) -> impl IntoView {
    crate::core::qr::Qr::new(&text).map(|qr| {
        let view_box = qr.view_box();
        view! {
            <svg class="qr" viewBox=view_box role="img" aria-label=label xmlns="http://www.w3.org/2000/svg">
                <rect width="100%" height="100%" fill="#fff" />
                <path d=qr.path fill="#000" />
            </svg>
        }
    })
}
