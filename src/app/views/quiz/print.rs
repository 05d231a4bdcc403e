//! The printable worksheet and its answer key.

use super::take::explanation;
use super::{button, never, text, Action};
use crate::app::views::common::Notices;
use crate::core::dataset::DATASET;
use crate::core::link::{LinkState, Notice};
use crate::core::quiz::{ask, label, Format, Print, Question, Quiz as QuizData, Spec, Val};
use leptos::prelude::*;
use std::sync::Arc;

fn letter(i: usize) -> char {
    (b'A' + (i as u8).min(25)) as char
}

/// A worksheet to hand out, or its answer key: the same questions in the same order.
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
    let items = quiz
        .questions
        .iter()
        .map(|q| printed(q, key))
        .collect_view();
    let print_now: Action = Arc::new(|| {
        if window().print().is_err() {
            crate::app::views::common::log("Could not open the print dialog");
        }
    });
    view! {
        <div class="print-bar no-print">
            {button("", None, text("Print"), None, never(), print_now)}
            <a href=spec.with_print(None).href(ds)>"Take the quiz on screen"</a>
            <a href=other.href(ds)>{if key { "Worksheet" } else { "Answer key" }}</a>
        </div>
        <h1>{if key { "Quiz: answer key" } else { "Quiz worksheet" }}</h1>
        <Notices notices />
        <p class="muted">"Topic: " {spec.filter.describe(ds)} " · " {quiz.questions.len()} " questions"</p>
        {(!key).then(|| view! { <p class="ws-name">"Name: ____________________   Date: __________"</p> })}
        <ol class=if key { "printout key" } else { "printout worksheet" }>{items}</ol>
    }
}

/// One question on paper. On the worksheet: what to do, the lines to fill in and
/// the lettered options; in the key: the answer, then why.
fn printed(q: &Question, key: bool) -> impl IntoView {
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
    let (note, lines, options): (String, Vec<String>, Vec<String>) = match (q.format(), key) {
        (Format::Choice, false) => (String::new(), Vec::new(), lettered(&q.options)),
        (Format::Order, false) => (
            format!("Number them from 1 (earliest) to {}.", q.items.len()),
            blanks(&q.items),
            Vec::new(),
        ),
        (Format::Match, false) => (
            "Write the letter of the person.".into(),
            blanks(&q.items),
            lettered(&q.options),
        ),
        (Format::Choice, true) => {
            let i = q.answer[0] as usize;
            (
                "Answer:".into(),
                vec![format!("{}. {}", letter(i), label(ds, q.options[i]))],
                Vec::new(),
            )
        }
        (Format::Order, true) => (
            "Answer, earliest first:".into(),
            q.answer
                .iter()
                .enumerate()
                .map(|(n, &i)| format!("{}. {}", n + 1, label(ds, q.items[i as usize])))
                .collect(),
            Vec::new(),
        ),
        (Format::Match, true) => (
            "Answer, position → person:".into(),
            q.items
                .iter()
                .zip(&q.answer)
                .map(|(&v, &o)| {
                    format!(
                        "{} → {}. {}",
                        label(ds, v),
                        letter(o as usize),
                        label(ds, q.options[o as usize])
                    )
                })
                .collect(),
            Vec::new(),
        ),
    };
    let list = |class: &'static str, items: Vec<String>| {
        (!items.is_empty()).then(|| view! { <ul class=class>{items.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul> })
    };
    view! {
        <li class=if key { "key-item" } else { "ws-item" }>
            <p class="prompt">{prompt}</p>
            {about.map(|a| view! { <p class="quiz-about">{a}</p> })}
            {(!note.is_empty()).then(|| view! { <p class="note">{note}</p> })}
            {list("lines", lines)}
            {list("ws-options", options)}
            {key.then(|| explanation(q))}
        </li>
    }
}
