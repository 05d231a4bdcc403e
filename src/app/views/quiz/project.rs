//! Projector mode (`project=1`): the quiz for a whole class answering on paper
//! or aloud. One question at a time in large type with lettered options; a key
//! (→, Space, Enter or A) reveals the answer and its explanation, the next goes
//! on; ← goes back; a final slide has the answer key. No student device needed.

use super::take::explanation;
use super::{button, focus_id, never, text, Action};
use crate::app::views::common::{plain_keys, Notices};
use crate::core::dataset::DATASET;
use crate::core::link::{LinkState, Notice};
use crate::core::quiz::{
    answer_letters, answer_text, ask, label, letter, Format, Question, Quiz as QuizData, Spec,
};
use leptos::prelude::*;
use std::sync::Arc;

/// Where the projector is: a question (revealed or not), or the answer key (`at == n`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct At {
    at: usize,
    shown: bool,
}

impl At {
    fn forward(self, n: usize) -> At {
        if self.at < n && !self.shown {
            At {
                shown: true,
                ..self
            }
        } else {
            At {
                at: (self.at + 1).min(n),
                shown: false,
            }
        }
    }

    fn back(self) -> At {
        if self.shown {
            At {
                shown: false,
                ..self
            }
        } else if self.at > 0 {
            At {
                at: self.at - 1,
                shown: true,
            }
        } else {
            self
        }
    }
}

fn options(q: &Question) -> impl IntoView {
    let ds = &DATASET;
    let lettered = |vs: &[crate::core::quiz::Val]| {
        vs.iter()
            .enumerate()
            .map(|(i, &v)| view! { <li><span class="opt-letter">{letter(i).to_string()}</span>" "{label(ds, v)}</li> })
            .collect_view()
    };
    let (note, items, opts) = match q.format() {
        Format::Choice => (None, None, Some(lettered(&q.options))),
        Format::Order => (Some("Put them in order, earliest first: answer with the letters."), Some(lettered(&q.items)), None),
        Format::Match => (
            Some("Match each position with a person: answer with the numbers and letters."),
            Some(
                q.items
                    .iter()
                    .enumerate()
                    .map(|(i, &v)| view! { <li><span class="opt-letter">{(i + 1).to_string()}</span>" "{label(ds, v)}</li> })
                    .collect_view(),
            ),
            Some(lettered(&q.options)),
        ),
    };
    view! {
        {note.map(|t| view! { <p class="project-note">{t}</p> })}
        {items.map(|i| view! { <ul class="project-items">{i}</ul> })}
        {opts.map(|o| view! { <ul class="project-options">{o}</ul> })}
    }
}

#[component]
pub fn Project(spec: Spec, quiz: QuizData, notices: Memo<Vec<Notice>>) -> impl IntoView {
    let ds = &DATASET;
    let n = quiz.questions.len();
    let quiz = Arc::new(quiz);
    let pos = RwSignal::new(At {
        at: 0,
        shown: false,
    });
    let go = move |to: At| {
        let moved = pos.get_untracked().at != to.at;
        pos.set(to);
        if moved {
            request_animation_frame(|| focus_id("slide-heading"));
        }
    };
    let on_key = move |ev: &web_sys::KeyboardEvent| {
        // Enter and Space on a button or link are that control's.
        let on_control = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .is_some_and(|e| {
                matches!(
                    e.tag_name().as_str(),
                    "BUTTON" | "A" | "INPUT" | "TEXTAREA" | "SELECT"
                )
            });
        let p = pos.get_untracked();
        let to = match ev.key().as_str() {
            "Enter" | " " if on_control => return,
            "ArrowRight" | "PageDown" | " " | "Enter" => p.forward(n),
            "ArrowLeft" | "PageUp" => p.back(),
            "a" | "A" if p.at < n => At {
                shown: !p.shown,
                ..p
            },
            "Home" => At {
                at: 0,
                shown: false,
            },
            "End" => At {
                at: n,
                shown: false,
            },
            _ => return,
        };
        ev.prevent_default();
        go(to);
    };
    let keys = plain_keys(on_key);
    let listener = StoredValue::new_local(Some(keys));
    on_cleanup(move || listener.set_value(None));

    let q1 = quiz.clone();
    let slide = move || {
        let At { at, shown } = pos.get();
        if at >= n {
            let rows = q1
                .questions
                .iter()
                .enumerate()
                .map(|(i, q)| view! { <li><span class="key-n">{format!("{}.", i + 1)}</span>" "<strong>{answer_letters(q)}</strong>" — "{answer_text(ds, q)}</li> })
                .collect_view();
            return view! {
                <h2 id="slide-heading" tabindex="-1">"Answer key"</h2>
                <ol class="project-key">{rows}</ol>
            }
            .into_any();
        }
        let q = &q1.questions[at];
        let (prompt, about) = ask(ds, q);
        view! {
            <p class="project-progress">{format!("Question {} of {n}", at + 1)}</p>
            <h2 id="slide-heading" tabindex="-1">{prompt}</h2>
            {about.map(|a| view! { <p class="quiz-about">{a}</p> })}
            {options(q)}
            {shown.then(|| view! {
                <div class="project-answer" id="project-answer">
                    <p class="right-answer"><span class="muted">"The answer: "</span><strong>{answer_letters(q)}</strong>" — "{answer_text(ds, q)}</p>
                    {explanation(q)}
                </div>
            })}
        }
        .into_any()
    };
    let reveal: Action = Arc::new(move || {
        let p = pos.get_untracked();
        go(At {
            shown: !p.shown,
            ..p
        })
    });
    let next: Action = Arc::new(move || go(pos.get_untracked().forward(n)));
    let prev: Action = Arc::new(move || go(pos.get_untracked().back()));
    let reveal_text = Signal::derive(move || {
        if pos.get().shown {
            "Hide the answer (A)"
        } else {
            "Show the answer (A)"
        }
        .to_string()
    });
    let at_key = Signal::derive(move || pos.get().at >= n);
    let at_start = Signal::derive(move || pos.with(|p| p.at == 0 && !p.shown));
    view! {
        <h1 class="visually-hidden">"Quiz on the projector"</h1>
        <Notices notices />
        <div class="project">
            <div class="project-bar no-print">
                <a href=spec.with_print(None).href(ds)>"Leave projector mode"</a>
                <span class="muted">"Keys: → or Space shows the answer, then the next question; ← goes back; A shows or hides the answer."</span>
            </div>
            <section class="project-slide" aria-live="polite">{slide}</section>
            <p class="project-controls no-print">
                {button("secondary", None, text("← Previous"), None, at_start, prev)}
                <span hidden=at_key>{button("", Some("reveal".into()), reveal_text, None, never(), reveal)}</span>
                {button("", Some("next-slide".into()), Signal::derive(move || if pos.get().at + 1 >= n && pos.get().shown { "Answer key →".to_string() } else { "Next →".to_string() }), None, at_key, next)}
            </p>
        </div>
    }
}
