//! The student's result code at the end of a quiz: made from the first round's
//! answers (`Progress`'s public answers) and the time taken, kept in
//! localStorage beside the progress so a reload or a retry does not change it;
//! the name typed goes into the code and is kept only in this browser.

use super::{button, copier, never, text};
use crate::app::views::common::log;
use crate::core::dataset::DATASET;
use crate::core::quiz::code::{self, Answers, MAX_NAME};
use crate::core::quiz::state::{Phase, Progress};
use crate::core::quiz::Quiz as QuizData;
use leptos::prelude::*;
use std::sync::Arc;

const NAME_KEY: &str = "tarikh-student-name";

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// The result code's own key beside the progress's (`tarikh-quiz:<fp>` →
/// `tarikh-code:<fp>`): outside the progress keys, which are read and evicted
/// as progress.
fn code_key(key: &str) -> String {
    match key.strip_prefix("tarikh-quiz:") {
        Some(fp) => format!("tarikh-code:{fp}"),
        None => format!("tarikh-code {key}"),
    }
}

/// What is kept: when the quiz was started (ms), and the code (without a name)
/// once the first round ended.
fn kept(key: &str) -> (Option<f64>, Option<String>) {
    let text = storage()
        .and_then(|s| s.get_item(&code_key(key)).ok().flatten())
        .unwrap_or_default();
    let mut parts = text.split(' ');
    let start = parts.next().and_then(|s| s.parse::<f64>().ok());
    let code = parts.next().filter(|c| !c.is_empty()).map(str::to_string);
    (start, code)
}

fn keep(key: &str, start: f64, code: Option<&str>) {
    let text = format!("{start} {}", code.unwrap_or_default());
    if let Some(s) = storage() {
        if s.set_item(&code_key(key), &text).is_err() {
            log("Could not keep the result code");
        }
    }
}

/// Called whenever the progress changes: a fresh quiz (re)starts the clock; the
/// end of the first round fixes the code.
pub(super) fn track(key: &str, quiz: &QuizData, p: &Progress) {
    let now = js_sys::Date::now();
    let (start, code) = kept(key);
    let fresh = p.rounds == 1 && p.answers.iter().all(Option::is_none);
    match (start, code) {
        _ if fresh && p.phase != Phase::Summary => keep(key, now, None),
        (start, None) if p.phase == Phase::Summary => {
            let start = start.unwrap_or(now);
            let secs = ((now - start) / 1000.0).max(0.0) as u32;
            let a = Answers {
                name: String::new(),
                secs,
                answers: p.answers.clone(),
            };
            keep(key, start, Some(&code::encode(&DATASET, quiz, &a)));
        }
        (None, _) => keep(key, now, None),
        _ => {}
    }
}

/// The code, the name field and Copy.
#[component]
pub(super) fn ResultCode(
    key: String,
    quiz: Arc<QuizData>,
    progress: RwSignal<Progress>,
) -> impl IntoView {
    let ds = &DATASET;
    // The summary may show before the progress's effect has run.
    progress.with_untracked(|p| track(&key, &quiz, p));
    // The answers the code holds: those kept when the first round ended (or,
    // when nothing could be kept, the answers now).
    let answers = kept(&key)
        .1
        .and_then(|c| code::decode(ds, &quiz, &c).ok())
        .unwrap_or_else(|| Answers {
            name: String::new(),
            secs: 0,
            answers: progress.with_untracked(|p| p.answers.clone()),
        });
    let name = RwSignal::new(
        storage()
            .and_then(|s| s.get_item(NAME_KEY).ok().flatten())
            .unwrap_or_default(),
    );
    let the_code = Signal::derive(move || {
        let a = Answers {
            name: name.get(),
            ..answers.clone()
        };
        code::encode(ds, &quiz, &a)
    });
    let kept_as = Signal::derive(move || {
        let n = code::name_of(&name.get());
        if n.is_empty() {
            "No name in the code.".to_string()
        } else {
            format!("The code says: {n}.")
        }
    });
    let (copied, copy) = copier(
        move || the_code.get_untracked(),
        "Code copied.",
        "Could not copy: select the code and copy it.",
    );
    view! {
        <section class="result-code" aria-labelledby="code-heading">
            <h2 id="code-heading">"Your result code"</h2>
            <p>"Give this code to your teacher (read it out, type it, or paste it into an email): it holds your first answers, the time you took and your name if you add it."</p>
            <p class="code-text" id="result-code">{the_code}</p>
            <p class="share-actions">
                {button("", None, text("Copy code"), None, never(), copy)}
                <span class="copied" aria-live="polite">{copied}</span>
            </p>
            <div class="setup-row no-print">
                <label for="code-name">"Your name or initials (optional)"</label>
                <input id="code-name" type="text" autocomplete="off" maxlength="40" aria-describedby="code-name-note"
                    prop:value=move || name.get()
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(s) = storage() {
                            if s.set_item(NAME_KEY, &v).is_err() {
                                log("Could not keep the name");
                            }
                        }
                        name.set(v);
                    } />
            </div>
            <p class="muted small" id="code-name-note">
                {kept_as} {format!(" Up to {MAX_NAME} Latin letters and digits go into the code; the name is kept only in this browser.")}
            </p>
        </section>
    }
}
