//! The setup's share step: the students' link as a QR code and a short quiz
//! id (the long address secondary), a preview of every question with
//! "Replace" and "Remove", the printable forms and the teacher's results link.

use super::setup::Form;
use super::{button, copier, facts, full_url, never, qr_code, text, Action};
use crate::core::dataset::{DATASET, SEARCH};
use crate::core::link::LinkState;
use crate::core::quiz::{
    answer_text, ask, fingerprint, label, quiz_id, shaped, Print, Shaped, Spec,
};
use leptos::prelude::*;
use std::sync::Arc;

/// The link, its QR code and id, the preview, the printable forms; hidden
/// until the teacher makes a link.
#[component]
pub fn Share(made: Memo<Option<Spec>>, form: Form) -> impl IntoView {
    let ds = &DATASET;
    let link = move |print: Option<Print>| {
        Signal::derive(move || {
            made.with(|s| {
                s.as_ref()
                    .map(|s| s.with_print(print).href(ds))
                    .unwrap_or_default()
            })
        })
    };
    let href = link(None);
    let other = move |f: fn(&Spec) -> Spec| {
        Signal::derive(move || made.with(|s| s.as_ref().map(|s| f(s).href(ds)).unwrap_or_default()))
    };
    let results = other(Spec::results_view);
    let projected = other(Spec::projected);
    let url = Signal::derive(move || full_url(&href.get()));
    let quiz = Memo::new(move |_| {
        made.with(|s| {
            s.as_ref()
                .and_then(|s| shaped(facts(), &SEARCH, s, true).ok())
        })
    });
    let id = Signal::derive(move || {
        quiz.with(|q| {
            q.as_ref()
                .map(|q| quiz_id(fingerprint(ds, &q.quiz)))
                .unwrap_or_default()
        })
    });
    let (copied, copy) = copier(
        move || url.get_untracked(),
        "Link copied.",
        "Could not copy: select the link and copy it.",
    );
    view! {
        <section class="share" aria-labelledby="share-heading" hidden=Signal::derive(move || made.with(Option::is_none))>
            <h2 id="share-heading" tabindex="-1">"Share this quiz with the class"</h2>
            <div class="share-code">
                {move || qr_code(url.get(), "QR code of the students' link")}
                <p class="quiz-id">"Quiz " <strong class="quiz-id-value">{id}</strong></p>
            </div>
            <p class="share-actions">
                {button("", None, text("Copy link"), None, never(), copy)}
                <span class="copied" aria-live="polite">{copied}</span>
            </p>
            <p class="share-link muted"><a href=href>{url}</a></p>
            <ul class="share-more">
                <li><a href=href>"Start the quiz"</a></li>
                <li><a href=link(Some(Print::Worksheet))>"Printable worksheet"</a></li>
                <li><a href=link(Some(Print::Key))>"Answer key"</a></li>
                <li><a href=projected>"Projector mode"</a></li>
            </ul>
            <Preview quiz form />
            <h3>"For you: the class's results"</h3>
            <p>"At the end of the quiz each student gets a short result code. Collect the codes (read out, typed, or pasted into an email) and paste them here to see every student's score and how the class did on each question:"</p>
            <p class="share-results"><a href=results>"Class results for this quiz"</a></p>
        </section>
    }
}

/// Every question with its answer, and "Replace" (another question of the
/// same type from the topic) and "Remove": each changes the link above.
#[component]
fn Preview(quiz: Memo<Option<Shaped>>, form: Form) -> impl IntoView {
    let ds = &DATASET;
    let items = move || {
        quiz.with(|q| {
            let Some(sh) = q.as_ref() else {
                return Vec::new();
            };
            let last = sh.quiz.questions.len() == 1;
            sh.quiz
                .questions
                .iter()
                .zip(&sh.slots)
                .enumerate()
                .map(|(i, (q, &slot))| {
                    let (prompt, about) = ask(ds, q);
                    let options = q.items.iter().chain(&q.options).map(|&v| label(ds, v)).collect::<Vec<_>>().join(" · ");
                    let replace: Action = Arc::new(move || form.edits.update(|e| e.swap(slot)));
                    let remove: Action = Arc::new(move || {
                        let n = form.spec.with_untracked(|s| s.n());
                        form.edits.update(|e| {
                            e.remove(slot, n);
                        })
                    });
                    let n = i + 1;
                    let no_spare = !sh.spare.contains(&q.kind);
                    view! {
                        <li class="preview-item">
                            <p class="prompt">{prompt} {about.map(|a| format!(" {a}"))}</p>
                            <p class="muted">{options}</p>
                            <p class="preview-answer">"Answer: " {answer_text(ds, q)}</p>
                            <p class="preview-actions">
                                {button("secondary", None, text("Replace"), Some(format!("Replace question {n}")), Signal::stored(no_spare), replace)}
                                {button("secondary", None, text("Remove"), Some(format!("Remove question {n}")), Signal::stored(last), remove)}
                            </p>
                        </li>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="preview" aria-labelledby="preview-heading">
            <h3 id="preview-heading">"Preview the questions"</h3>
            <p class="muted">"Replace a question with another of the same type, or remove it: the link, its QR code and the quiz id change, and every student gets the changed quiz."</p>
            <ol class="preview-list">{items}</ol>
        </section>
    }
}
