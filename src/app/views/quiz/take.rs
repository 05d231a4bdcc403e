//! Taking a quiz: one question at a time, feedback, the review, with the
//! progress kept in localStorage (`store.rs`).

use super::store::Place;
use super::{button, focus_id, input_row, never, text, Action};
use crate::app::views::common::{download, Notices};
use crate::core::dataset::DATASET;
use crate::core::link::Notice;
use crate::core::quiz::state::{Phase, Progress};
use crate::core::quiz::stored::{self, Loaded, Stored};
use crate::core::quiz::{
    answer_text, ask, explain, label, response_text, Feedback, Format, Question, Quiz as QuizData,
    Ref, Spec, NONE,
};
use crate::core::route::View;
use leptos::prelude::*;
use std::sync::Arc;

/// The quiz taken on screen. Its progress is saved on every change (not when
/// it was only read: a damaged copy is never overwritten before the notice
/// about it is shown), followed when another tab saves it, and a failed save
/// is said once, at once, with a download of the answers.
#[component]
pub fn Take(spec: Spec, quiz: QuizData, notices: Memo<Vec<Notice>>) -> impl IntoView {
    let ds = &DATASET;
    let place = Place::new(ds, &quiz, spec.legacy_storage_key(ds));
    let (loaded, original) = place.open(ds, &quiz);
    let start = loaded.progress(&quiz);
    let damaged = loaded.notice();
    let quiz = Arc::new(quiz);
    let progress = RwSignal::new(start.clone());
    // The progress last read or written: saving skips it (no write at load,
    // none echoing another tab's).
    let last = StoredValue::new(start);
    let failed = RwSignal::new(false);
    let followed = RwSignal::new(false);
    let saved = quiz.clone();
    let into = place.clone();
    // The result code is kept beside the progress (under the quiz's key).
    let code_key = place.key.clone();
    let tracked = code_key.clone();
    Effect::new(move |_| {
        let p = progress.get();
        super::code::track(&tracked, &saved, &p);
        if last.try_with_value(|l| *l == p).unwrap_or(true) {
            return;
        }
        last.set_value(p.clone());
        if into.save(ds, &saved, &p).is_err() && !failed.get_untracked() {
            failed.set(true);
        }
    });
    // Another tab (or window) on the same quiz saved: this one follows it.
    let theirs = quiz.clone();
    let key = place.key.clone();
    let listener = window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().as_deref() != Some(key.as_str()) {
            return;
        }
        let Some(text) = ev.new_value() else { return };
        if let Loaded::Resumed(p) = stored::load(&text, ds, &theirs) {
            if last.try_set_value(p.clone()).is_none() {
                progress.try_set(p);
                followed.try_set(true);
            }
        }
    });
    on_cleanup(move || listener.remove());
    let mine = quiz.clone();
    let keep: Action = Arc::new(move || {
        let p = progress.get_untracked();
        download(
            "tarikh-quiz-progress.json",
            "application/json",
            &Stored::new(ds, &mine, &p, js_sys::Date::now() as u64).to_json(),
        );
    });
    let feedback = spec.feedback;
    // What is on screen: re-rendered only when the step changes.
    let step = Memo::new(move |_| progress.with(|p| (p.phase, p.current(), p.rounds)));
    // After the first step, the focus follows the student to the next one.
    let opened = StoredValue::new(false);
    let body = move || {
        let (phase, current, _) = step.get();
        if opened.get_value() {
            let target = match phase {
                Phase::Asking => "question",
                Phase::Feedback => "verdict",
                Phase::Summary => "score",
            };
            request_animation_frame(move || focus_id(target));
        }
        opened.set_value(true);
        let (asking, answered) = match (phase, current) {
            (Phase::Asking, Some(i)) => (Some(i), None),
            (Phase::Feedback, Some(i)) => (None, Some(i)),
            _ => (None, None),
        };
        let summary = asking.is_none() && answered.is_none();
        let (q1, q2, q3) = (quiz.clone(), quiz.clone(), quiz.clone());
        view! {
            {asking.map(|i| view! { <Ask quiz=q1 i progress feedback /> })}
            {answered.map(|i| view! { <Answered quiz=q2 i progress /> })}
            {summary.then(|| view! { <Summary quiz=q3 progress code_key=code_key.clone() /> })}
        }
    };
    view! {
        <h1>"Quiz"</h1>
        <p class="muted quiz-topic">"Topic: " {spec.filter.describe(ds)}</p>
        <Notices notices />
        {damaged.map(|d| view! {
            <div class="notice-small" role="status">
                <p>{d}</p>
                {original.map(|text| {
                    let text = Arc::new(text);
                    button("secondary", None, super::text("Download what was saved"), None, never(),
                        Arc::new(move || download("tarikh-quiz-saved.txt", "text/plain", &text)))
                })}
            </div>
        })}
        <div role="alert">
            {move || failed.get().then(|| view! {
                <div class="notice-small">
                <p>"Your answers can't be saved on this device: the browser refused to keep them. Don't reload or close this page, or they are lost. To keep them, download your answers."</p>
                {button("secondary", None, super::text("Download your answers"), None, never(), keep.clone())}
                </div>
            })}
        </div>
        <p class="muted small" role="status">
            {move || followed.get().then_some("This quiz is also open in another tab or window: this page follows the answers given there.")}
        </p>
        {body}
    }
}

/// "Question 3 of 10", and in a retry round which round it is.
fn progress_line(p: &Progress) -> String {
    let line = format!("Question {} of {}", p.pos + 1, p.round.len());
    if p.rounds > 1 {
        format!("{line} — trying again the ones not yet right")
    } else {
        line
    }
}

/// The question being asked (an `<h2>` to move the focus to).
fn question_head(q: &Question) -> impl IntoView {
    let (prompt, about) = ask(&DATASET, q);
    view! {
        <h2 id="question" tabindex="-1">{prompt}</h2>
        {about.map(|a| view! { <p class="quiz-about">{a}</p> })}
    }
}

/// One question being answered.
#[component]
fn Ask(
    quiz: Arc<QuizData>,
    i: usize,
    progress: RwSignal<Progress>,
    feedback: Feedback,
) -> impl IntoView {
    let ds = &DATASET;
    let q = quiz.questions[i].clone();
    // A response in the making is kept with the progress, so a reload shows it.
    let start = progress
        .with_untracked(|p| p.draft_of(&quiz))
        .unwrap_or_else(|| q.blank());
    let response = RwSignal::new(start);
    let drafted = quiz.clone();
    Effect::new(move |seen: Option<()>| {
        let r = response.get();
        if seen.is_some() {
            progress.update(|p| p.keep_draft(&drafted, &r));
        }
    });
    let error = RwSignal::new(String::new());
    let last = progress.with_untracked(|p| p.pos + 1 == p.round.len());
    let line = progress.with_untracked(progress_line);
    let format = q.format();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let r = response.get_untracked();
        let mut done = false;
        progress.update(|p| done = p.submit(&quiz, &r, feedback).is_some());
        if !done {
            error.set(if format == Format::Match {
                "Choose a person for every position first.".into()
            } else {
                "Choose an answer first.".into()
            });
        }
    };
    let choices = (format == Format::Choice).then(|| {
        let rows = q
            .options
            .iter()
            .enumerate()
            .map(|(k, &v)| {
                let k = k as u8;
                input_row(
                    "radio",
                    "answer",
                    format!("opt-{k}"),
                    label(ds, v),
                    Signal::derive(move || response.with(|r| r.first() == Some(&k))),
                    Arc::new(move || response.set(vec![k])),
                )
            })
            .collect_view();
        view! {
            <fieldset class="options">
                <legend class="visually-hidden">"Answers"</legend>
                <ul>{rows}</ul>
            </fieldset>
        }
    });
    let order = (format == Format::Order).then(|| arrange(&q, response));
    let matches = (format == Format::Match).then(|| match_inputs(&q, response));
    let button = match feedback {
        Feedback::Each => "Check answer",
        Feedback::End if last => "Finish",
        Feedback::End => "Next question",
    };
    view! {
        <p class="quiz-progress">{line}</p>
        <form class="quiz-question" on:submit=submit>
            {question_head(&q)}
            {choices}
            {order}
            {matches}
            <p class="quiz-error" role="alert">{error}</p>
            <button type="submit">{button}</button>
        </form>
    }
}

/// Events to put in order, with Move up / Move down buttons.
fn arrange(q: &Question, response: RwSignal<Vec<u8>>) -> impl IntoView {
    let ds = &DATASET;
    let titles: Arc<Vec<String>> = Arc::new(q.items.iter().map(|&v| label(ds, v)).collect());
    let n = titles.len();
    let moved = move |item: u8, up: bool| {
        response.update(|r| {
            if let Some(at) = r.iter().position(|&x| x == item) {
                let to = if up {
                    at.checked_sub(1)
                } else {
                    Some(at + 1).filter(|&t| t < r.len())
                };
                if let Some(to) = to {
                    r.swap(at, to);
                }
            }
        });
        // Keep the focus on the item that moved (on its other button at an end).
        // The frame may come after the question is gone (Submit, or a navigation,
        // in the same task as the click): then there is nothing to focus.
        request_animation_frame(move || {
            let Some(pos) =
                response.try_with_untracked(|r| r.iter().position(|&x| x == item).unwrap_or(0))
            else {
                return;
            };
            let up = if pos == 0 {
                false
            } else if pos + 1 == n {
                true
            } else {
                up
            };
            focus_id(&format!("mv-{}-{item}", if up { "up" } else { "down" }));
        });
    };
    let rows = move || {
        response
            .get()
            .into_iter()
            .enumerate()
            .map(|(pos, item)| {
                let title = titles[item as usize].clone();
                view! {
                    <li class="order-item">
                        <span class="order-pos">{pos + 1}"."</span>
                        <span class="order-title">{title.clone()}</span>
                        <span class="order-buttons">
                            {button("secondary", Some(format!("mv-up-{item}")), text("↑ Up"), Some(format!("Move up: {title}")),
                                Signal::stored(pos == 0), Arc::new(move || moved(item, true)))}
                            {button("secondary", Some(format!("mv-down-{item}")), text("↓ Down"), Some(format!("Move down: {title}")),
                                Signal::stored(pos + 1 == n), Arc::new(move || moved(item, false)))}
                        </span>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <p class="muted small">"Earliest at the top. Use the Up and Down buttons to move an event."</p>
        <ol class="order" aria-live="polite">{rows}</ol>
    }
}

fn match_inputs(q: &Question, response: RwSignal<Vec<u8>>) -> impl IntoView {
    let ds = &DATASET;
    let people: Vec<String> = q.options.iter().map(|&v| label(ds, v)).collect();
    q.items
        .iter()
        .enumerate()
        .map(|(k, &v)| {
            let id = format!("match-{k}");
            let choices = people
                .iter()
                .enumerate()
                .map(|(o, name)| view! { <option value=o.to_string()>{name.clone()}</option> })
                .collect_view();
            view! {
                <div class="match-row">
                    <label for=id.clone()>{label(ds, v)}</label>
                    <select id=id
                        prop:value=move || response.with(|r| match r.get(k) { Some(&o) if o != NONE => o.to_string(), _ => String::new() })
                        on:change=move |ev| {
                            let o = event_target_value(&ev).parse::<u8>().unwrap_or(NONE);
                            response.update(|r| if let Some(x) = r.get_mut(k) { *x = o });
                        }>
                        <option value="">"Choose a person…"</option>
                        {choices}
                    </select>
                </div>
            }
        })
        .collect_view()
}

/// Why the answer is right, its sources, and links to the records.
pub(super) fn explanation(q: &Question) -> impl IntoView {
    let ds = &DATASET;
    let ex = explain(ds, q);
    let links = ex
        .links
        .iter()
        .map(|r| {
            let (href, text) = match *r {
                Ref::Event(e) => {
                    let e = &ds.events[e as usize];
                    (
                        View::Event(e.id.into()).href(),
                        format!("Event: {}", e.title),
                    )
                }
                Ref::Person(p) => {
                    let p = &ds.people[p as usize];
                    (
                        View::Person(p.id.into()).href(),
                        format!("Person: {}", p.name),
                    )
                }
                Ref::Dispute(d) => {
                    let d = &ds.disputes[d as usize];
                    (
                        View::Dispute(d.id.into()).href(),
                        format!("Dispute: {}", d.title),
                    )
                }
            };
            view! { <li><a href=href>{text}</a></li> }
        })
        .collect_view();
    view! {
        <div class="explanation">
            <p>{ex.text}</p>
            <p class="muted small">"Sources:"</p>
            {crate::app::views::common::cites(&ex.cites)}
            <ul class="quiz-links">{links}</ul>
        </div>
    }
}

/// The verdict on an answer and the right answer (the explanation apart).
fn verdict_only(q: &Question, given: Option<&Vec<u8>>, id: Option<&'static str>) -> impl IntoView {
    let ds = &DATASET;
    let right = given.is_some_and(|r| q.is_right(r));
    let yours = given.map_or("no answer".to_string(), |r| response_text(ds, q, r));
    view! {
        <p class=if right { "verdict right" } else { "verdict wrong" } id=id tabindex=id.map(|_| "-1")>
            {if right { "✓ Right." } else { "✗ Not right." }}
        </p>
        <p class="your-answer"><span class="muted">"Your answer: "</span>{yours}</p>
        {(!right).then(|| view! { <p class="right-answer"><span class="muted">"The answer: "</span>{answer_text(ds, q)}</p> })}
    }
}

/// The verdict on an answer and the right answer, with the explanation.
fn verdict(q: &Question, given: Option<&Vec<u8>>, id: Option<&'static str>) -> impl IntoView {
    view! {
        {verdict_only(q, given, id)}
        {explanation(q)}
    }
}

/// Feedback after one question.
#[component]
fn Answered(quiz: Arc<QuizData>, i: usize, progress: RwSignal<Progress>) -> impl IntoView {
    let q = quiz.questions[i].clone();
    let given = progress.with_untracked(|p| p.answers[i].clone());
    let line = progress.with_untracked(progress_line);
    let last = progress.with_untracked(|p| p.pos + 1 == p.round.len());
    let next: Action = Arc::new(move || progress.update(|p| p.next(&quiz)));
    view! {
        <p class="quiz-progress">{line}</p>
        <section class="quiz-question answered">
            {question_head(&q)}
            {verdict_only(&q, given.as_ref(), Some("verdict"))}
            // The next step right under the verdict, in view on a phone; the why below it.
            <p class="quiz-next">{button("", Some("next".into()), text(if last { "See your score" } else { "Next question" }), None, never(), next)}</p>
            {explanation(&q)}
        </section>
    }
}

/// The score, every answer reviewed, and another try at the wrong ones.
#[component]
fn Summary(quiz: Arc<QuizData>, progress: RwSignal<Progress>, code_key: String) -> impl IntoView {
    let ds = &DATASET;
    let p = progress.get_untracked();
    let n = quiz.questions.len();
    let score = p.score(&quiz);
    let wrong = n - score;
    let first = (p.rounds > 1)
        .then(|| {
            p.first_score
                .map(|f| format!(" At the first try: {f} of {n}."))
        })
        .flatten();
    let review = quiz
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let (prompt, about) = ask(ds, q);
            view! {
                <li class="review-item">
                    <h3>{prompt}</h3>
                    {about.map(|a| view! { <p class="quiz-about">{a}</p> })}
                    {verdict(q, p.answers[i].as_ref(), None)}
                </li>
            }
        })
        .collect_view();
    let again = quiz.clone();
    let for_code = quiz.clone();
    view! {
        <section class="quiz-summary">
            <h2 id="score" tabindex="-1">"Your score"</h2>
            <p class="score" role="status">{format!("You got {score} of {n} right.")}{first}</p>
            <super::code::ResultCode key=code_key quiz=for_code progress />
            <p class="summary-actions">
                {(wrong > 0).then(|| button("", None,
                    text(&if wrong == 1 { "Try the wrong question again".to_string() } else { format!("Try the {wrong} wrong questions again") }),
                    None, never(), Arc::new(move || progress.update(|p| p.retry_wrong(&again)))))}
                {button("secondary", None, text("Start again"), None, never(), Arc::new(move || progress.set(Progress::new(&quiz))))}
            </p>
            <h2>"Review"</h2>
            <ol class="review">{review}</ol>
        </section>
    }
}
