//! The printable worksheet and its answer key.

use super::{button, full_url, never, qr_code, text, Action};
use crate::app::views::common::Notices;
use crate::core::dataset::DATASET;
use crate::core::link::{LinkState, Notice};
use crate::core::quiz::{ask, explain, fingerprint, label, quiz_id, worksheet_answer};
use crate::core::quiz::{Feedback, Format, Print, Question, Quiz as QuizData, Spec, Val};
use leptos::prelude::*;
use std::sync::Arc;

fn letter(i: usize) -> char {
    (b'A' + (i as u8).min(25)) as char
}

/// A worksheet to hand out, or its answer key: the same questions in the same
/// order, both with the quiz id (the worksheet also with the QR code of the
/// students' link) so a sheet can be matched to its key.
#[component]
pub fn Printout(
    spec: Spec,
    quiz: QuizData,
    print: Print,
    notices: Memo<Vec<Notice>>,
) -> impl IntoView {
    let ds = &DATASET;
    let key = print == Print::Key;
    let other = spec.with_print(Some(if key { Print::Worksheet } else { Print::Key }));
    // A test's worksheet does not lead to its answers.
    let other_link = (key || spec.feedback != Feedback::End).then(|| {
        view! { <a href=other.href(ds)>{if key { "Worksheet" } else { "Answer key" }}</a> }
    });
    let id = quiz_id(fingerprint(ds, &quiz));
    let students = full_url(&spec.with_print(None).href(ds));
    let body = if key {
        key_body(&quiz).into_any()
    } else {
        let items = quiz.questions.iter().map(printed).collect_view();
        view! {
            <p class="ws-name">"Name: ____________________   Date: __________"</p>
            <ol class="printout worksheet">{items}</ol>
        }
        .into_any()
    };
    let print_now: Action = Arc::new(|| {
        if window().print().is_err() {
            crate::app::views::common::log("Could not open the print dialog");
        }
    });
    view! {
        <div class="print-bar no-print">
            {button("", None, text("Print"), None, never(), print_now)}
            <a href=spec.with_print(None).href(ds)>"Take the quiz on screen"</a>
            {other_link}
        </div>
        <div class="print-head">
            <div>
                <h1>{if key { "Quiz: answer key" } else { "Quiz worksheet" }}</h1>
                <p class="muted">"Topic: " {spec.filter.describe(ds)} " · " {quiz.questions.len()} " questions"</p>
                <p class="quiz-id">"Quiz " <strong class="quiz-id-value">{id}</strong></p>
            </div>
            {(!key).then(|| qr_code(students, "QR code of this quiz's link"))}
        </div>
        <Notices notices />
        {body}
    }
}

/// The key: a grid of the answers as the worksheet asks for them, then the
/// explanations, compact.
fn key_body(quiz: &QuizData) -> impl IntoView {
    let ds = &DATASET;
    let grid = quiz
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| view! { <li><span class="key-n">{i + 1}</span> " " <strong>{worksheet_answer(q)}</strong></li> })
        .collect_view();
    let notes = quiz
        .questions
        .iter()
        .map(|q| {
            let (prompt, about) = ask(ds, q);
            let (note, lines) = key_lines(q);
            let ex = explain(ds, q);
            let cites = ds
                .cites_brief(&ex.cites)
                .into_iter()
                .map(|c| view! { " " <cite>{c}</cite> })
                .collect_view();
            view! {
                <li class="key-item">
                    <span class="prompt">{prompt}</span>
                    {about.map(|a| view! { " " <span class="quiz-about">{a}</span> })}
                    " " <span class="note">{note}</span>
                    <ul class="lines">{lines.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
                    <span class="why">{ex.text}</span>
                    <span class="muted">" Sources:" {cites}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <h2 class="key-h">"Answers"</h2>
        <p class="muted small">"Orderings: the number to write by each event, in the worksheet's order. Matchings: the letter by each post, in order."</p>
        <ol class="key-grid">{grid}</ol>
        <h2 class="key-h">"Why"</h2>
        <ol class="key-notes">{notes}</ol>
    }
}

/// The right answer in words, as the key's explanations give it.
fn key_lines(q: &Question) -> (&'static str, Vec<String>) {
    let ds = &DATASET;
    match q.format() {
        Format::Choice => {
            let i = q.answer[0] as usize;
            (
                "Answer:",
                vec![format!("{}. {}", letter(i), label(ds, q.options[i]))],
            )
        }
        Format::Order => (
            "Answer, earliest first:",
            q.answer
                .iter()
                .enumerate()
                .map(|(n, &i)| format!("{}. {}", n + 1, label(ds, q.items[i as usize])))
                .collect(),
        ),
        Format::Match => (
            "Answer, position → person:",
            q.items
                .iter()
                .zip(&q.answer)
                .map(|(&v, &o)| {
                    let person = label(ds, q.options[o as usize]);
                    format!("{} → {}. {person}", label(ds, v), letter(o as usize))
                })
                .collect(),
        ),
    }
}

/// One question on paper. On the worksheet: what to do, the lines to fill in and
/// the lettered options; in the key: the answer, then why.
fn printed(q: &Question) -> impl IntoView {
    let ds = &DATASET;
    let (prompt, about) = ask(ds, q);
    let lettered = |vs: &[Val]| -> Vec<String> {
        vs.iter()
            .enumerate()
            .map(|(i, &v)| format!("{}. {}", letter(i), label(ds, v)))
            .collect()
    };
    let blanks = |vs: &[Val]| -> Vec<String> {
        vs.iter()
            .map(|&v| format!("____ {}", label(ds, v)))
            .collect()
    };
    let (note, lines, options): (String, Vec<String>, Vec<String>) = match q.format() {
        Format::Choice => (String::new(), Vec::new(), lettered(&q.options)),
        Format::Order => (
            format!("Number them from 1 (earliest) to {}.", q.items.len()),
            blanks(&q.items),
            Vec::new(),
        ),
        Format::Match => (
            "Write the letter of the person.".into(),
            blanks(&q.items),
            lettered(&q.options),
        ),
    };
    let list = |class: &'static str, items: Vec<String>| {
        (!items.is_empty()).then(|| view! { <ul class=class>{items.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul> })
    };
    view! {
        <li class="ws-item">
            <p class="prompt">{prompt}</p>
            {about.map(|a| view! { <p class="quiz-about">{a}</p> })}
            {(!note.is_empty()).then(|| view! { <p class="note">{note}</p> })}
            {list("lines", lines)}
            {list("ws-options", options)}
        </li>
    }
}
