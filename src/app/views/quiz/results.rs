//! The teacher's class results (`results=1`): the students' result codes pasted
//! (kept in localStorage for this quiz), each student's score and time, each
//! question's share right and most common wrong answer (hardest first, with its
//! explanation), the score distribution; CSV and print. `core::quiz::results`
//! decides everything shown.

use super::take::explanation;
use super::{button, never, text, Action};
use crate::app::views::common::{download, log, Notices};
use crate::core::dataset::DATASET;
use crate::core::link::{LinkState, Notice};
use crate::core::map::num::fixed;
use crate::core::quiz::code::time_text;
use crate::core::quiz::results::{self, distribution_text, Class, Outcome};
use crate::core::quiz::{answer_text, ask, response_text, Quiz as QuizData, Spec};
use leptos::prelude::*;
use std::sync::Arc;

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

#[component]
pub fn Results(spec: Spec, quiz: QuizData, notices: Memo<Vec<Notice>>) -> impl IntoView {
    let ds = &DATASET;
    let key = spec.results_key(ds);
    let quiz = Arc::new(quiz);
    let n = quiz.questions.len();
    let (start, unavailable) = match storage() {
        Some(s) => (s.get_item(&key).ok().flatten().unwrap_or_default(), false),
        None => (String::new(), true),
    };
    let pasted = RwSignal::new(start);
    let save_error = RwSignal::new(if unavailable {
        "This browser does not let the page keep the codes: they will be lost when the page is closed or reloaded. Export the table as CSV to keep it.".to_string()
    } else {
        String::new()
    });
    let on_input = {
        let key = key.clone();
        move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            if let Some(s) = storage() {
                let ok = if v.trim().is_empty() {
                    s.remove_item(&key)
                } else {
                    s.set_item(&key, &v)
                };
                save_error.set(if ok.is_err() {
                    "Could not keep the codes in this browser (its storage is full or not allowed): they will be lost when the page is closed. Export the table as CSV to keep it.".into()
                } else {
                    String::new()
                });
            }
            pasted.set(v);
        }
    };
    let q1 = quiz.clone();
    let class = Memo::new(move |_| pasted.with(|t| results::tally(ds, &q1, t)));
    let q2 = quiz.clone();
    let q3 = quiz.clone();
    let export: Action = Arc::new(move || {
        let text = class.with_untracked(|c| results::csv(ds, &q3, c));
        download("quiz-results.csv", "text/csv;charset=utf-8", &text);
    });
    let print_now: Action = Arc::new(|| {
        if window().print().is_err() {
            log("Could not open the print dialog");
        }
    });
    let clear_key = key.clone();
    let clear: Action = Arc::new(move || {
        if let Some(s) = storage() {
            if s.remove_item(&clear_key).is_err() {
                log("Could not forget the codes");
            }
        }
        pasted.set(String::new());
    });
    let take = spec.with_print(None);
    view! {
        <h1>"Class results"</h1>
        <p class="muted quiz-topic">"Topic: " {spec.filter.describe(ds)} {format!(" · {n} questions")}</p>
        <Notices notices />
        <p class="no-print"><a href=take.href(ds)>"The quiz the students take"</a></p>
        <section class="codes-in no-print" aria-labelledby="codes-heading">
            <h2 id="codes-heading">"The students' result codes"</h2>
            <label for="results-codes">"Paste or type the codes: one per line, or a whole email or spreadsheet column (the codes are found in the text)."</label>
            <textarea id="results-codes" rows="6" spellcheck="false" autocomplete="off" prop:value=move || pasted.get() on:input=on_input></textarea>
            <p class="save-error" role="alert">{move || save_error.get()}</p>
            <p class="muted small">"The codes are kept in this browser for this quiz, so nothing is lost when the page reloads."</p>
            <p class="share-actions">
                {button("", None, text("Download the table (CSV)"), None, never(), export)}
                {button("secondary", None, text("Print"), None, never(), print_now)}
                {button("secondary", None, text("Forget these codes"), None, never(), clear)}
            </p>
        </section>
        <details class="honesty" open>
            <summary>"What a code can and cannot show"</summary>
            <p>"Codes are not proof against a student who wants to cheat: there is no server to check them, and anyone who has the quiz can work out a code for any answers, copy a friend's, or take the quiz twice. Use them as you would answers handed in on paper."</p>
            <p>"What the code does check: its last two characters are a check that catches any one mistyped or missing character and two characters swapped, so a code read out or typed wrong is shown as mistyped instead of counted with wrong answers; and part of the code says which quiz it is for, so a code from another quiz is shown as such."</p>
        </details>
        <h2 id="students-heading">"Students"</h2>
        <p class="class-summary" role="status">{move || class.with(|c| summary(c, n))}</p>
        <div class="table-wrap" role="region" aria-labelledby="students-heading" tabindex="0">
            <table class="results-table">
                <thead><tr><th scope="col">"#"</th><th scope="col">"Name"</th><th scope="col">"Score"</th><th scope="col">"Time"</th><th scope="col">"Status"</th><th scope="col">"Code"</th></tr></thead>
                <tbody>{move || class.with(|c| student_rows(c, n))}</tbody>
            </table>
        </div>
        <h2>"Scores"</h2>
        <figure class="dist-figure">
            {move || class.with(chart)}
            <figcaption>{move || class.with(distribution_text)} " (Number of students per score, from 0 to " {n} " right.)"</figcaption>
        </figure>
        <h2>"Questions, hardest first"</h2>
        <ol class="result-questions">{move || class.with(|c| question_items(c, &q2))}</ol>
    }
}

/// "12 students counted; mean score 7.5." and the codes not counted.
fn summary(c: &Class, n: usize) -> String {
    let counted = c.counted();
    let not = c.entries.len() - counted;
    let mut s = match counted {
        0 => "No student counted yet.".to_string(),
        1 => "1 student counted".to_string(),
        k => format!("{k} students counted"),
    };
    if let Some(m) = c.mean_text(n) {
        s.push_str(&format!("; mean score {m}."));
    }
    if not > 0 {
        s.push_str(&format!(
            " {not} code{} not counted (see below).",
            if not == 1 { "" } else { "s" }
        ));
    }
    s
}

/// A row per code pasted: the student, score, time, whether it counted and why not.
fn student_rows(c: &Class, n: usize) -> impl IntoView {
    c.entries
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let (name, score, time, status, bad) = match &e.outcome {
                Outcome::Student(s) => (
                    s.answers.name.clone(),
                    format!("{} of {n}", s.score),
                    time_text(s.answers.secs),
                    "Counted".to_string(),
                    false,
                ),
                Outcome::SameName { of, student } => (
                    student.answers.name.clone(),
                    format!("{} of {n}", student.score),
                    time_text(student.answers.secs),
                    format!("Not counted: the same name as code {of}"),
                    true,
                ),
                Outcome::SameCode { of } => (String::new(), String::new(), String::new(), format!("Not counted again: the same code as code {of}"), true),
                Outcome::Refused(err) => (String::new(), String::new(), String::new(), format!("Not counted: {}", err.message()), true),
            };
            view! {
                <tr class=if bad { "refused" } else { "" }>
                    <td>{i + 1}</td>
                    <td>{if name.is_empty() { "—".to_string() } else { name }}</td>
                    <td>{score}</td>
                    <td>{time}</td>
                    <td class="status-cell">{(if bad { "⚠ " } else { "" }).to_string() + &status}</td>
                    <td class="code-cell">{e.code.clone()}</td>
                </tr>
            }
        })
        .collect_view()
}

/// The score distribution as bars (its words are the figure's caption).
fn chart(c: &Class) -> impl IntoView {
    let max = c.distribution.iter().copied().max().unwrap_or(0).max(1);
    let w = 24.0;
    let width = w * c.distribution.len() as f64;
    let bars = c
        .distribution
        .iter()
        .enumerate()
        .map(|(s, &k)| {
            let h = 80.0 * k as f64 / max as f64;
            view! {
                <rect class="bar" x=fixed(s as f64 * w + 3.0, 1) y=fixed(90.0 - h, 1) width=fixed(w - 6.0, 1) height=fixed(h, 1) />
                <text x=fixed(s as f64 * w + w / 2.0, 1) y="104" text-anchor="middle">{s}</text>
            }
        })
        .collect_view();
    view! {
        <svg class="dist" viewBox=format!("0 0 {width} 108") role="img" aria-label=distribution_text(c)>
            <line x1="0" x2=width.to_string() y1="90" y2="90" class="axis-line" />
            {bars}
        </svg>
    }
}

/// Each question, hardest first: the share right, the answer, the most
/// common wrong answer, the explanation.
fn question_items(c: &Class, quiz: &QuizData) -> impl IntoView {
    let ds = &DATASET;
    let of = c.counted();
    c.questions
        .iter()
        .map(|st| {
            let q = &quiz.questions[st.index];
            let (prompt, about) = ask(ds, q);
            let share = if of == 0 {
                "no student yet".to_string()
            } else {
                format!("{}% right ({} of {})", st.percent(), st.right, st.of)
            };
            let wrong = st.wrong.as_ref().map(|(r, k)| {
                format!(
                    "{} (given by {k} student{})",
                    response_text(ds, q, r),
                    if *k == 1 { "" } else { "s" }
                )
            });
            view! {
                <li class="result-question">
                    <h3>{format!("Question {}: ", st.index + 1)}{prompt}</h3>
                    {about.map(|a| view! { <p class="quiz-about">{a}</p> })}
                    <p class="share-right"><strong>{share}</strong>
                        {(st.blank > 0).then(|| format!("; {} left it unanswered", st.blank))}</p>
                    <p class="right-answer"><span class="muted">"The answer: "</span>{answer_text(ds, q)}</p>
                    {wrong.map(|w| view! { <p class="common-wrong"><span class="muted">"Most common wrong answer: "</span>{w}</p> })}
                    {explanation(q)}
                </li>
            }
        })
        .collect_view()
}
