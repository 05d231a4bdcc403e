//! The teacher's setup form: the topic, the questions, and the link it makes;
//! and what to change when a topic cannot fill the quiz.

use super::{button, facts, focus_id, input_row, never, text, Action};
use crate::app::link::use_link;
use crate::app::views::common::{Debounce, Notices, YearField};
use crate::core::dataset::{DATASET, SEARCH};
use crate::core::filter::Facet;
use crate::core::link::{LinkState, Notice};
use crate::core::quiz::{seed_text, Feedback, Impossible, Kind, Level, Spec, MAX_QUESTIONS};
use crate::core::quiz::{topic_count_text, topic_events, Shape};
use leptos::prelude::*;
use std::sync::Arc;

/// The setup's shared state: the link (the form), the made seed and the
/// preview's edits; a change to the form undoes the edits.
#[derive(Clone, Copy)]
pub(super) struct Form {
    pub spec: Memo<Spec>,
    link: crate::app::link::Linked<Spec>,
    pub seed: RwSignal<Option<String>>,
    /// The preview's replaced and removed questions (`swap=`, `drop=`).
    pub edits: RwSignal<Shape>,
}

impl Form {
    /// The form edits the link in place (no history entry per click).
    pub fn update(self, change: &dyn Fn(&mut Spec)) {
        self.link.replace(|s| change(s));
        self.edits.update(Shape::clear_edits);
    }
}

/// The teacher's form: the topic, the questions, and the link it makes.
#[component]
pub fn Setup() -> impl IntoView {
    let link = use_link::<Spec>();
    let notices = link.notices;
    let spec = link.state;
    let form = Form {
        spec,
        link,
        seed: RwSignal::new(None),
        edits: RwSignal::new(Shape::default()),
    };
    let problem = Memo::new(move |_| spec.with(|s| s.problem(facts(), &SEARCH)));
    let made = Memo::new(move |_| {
        form.seed.get().map(|seed| {
            let mut s = spec.with(|s| s.made(&seed));
            form.edits.with(|e| {
                s.shape.swaps = e.swaps.clone();
                s.shape.drops = e.drops.clone();
            });
            s
        })
    });
    let make: Action = Arc::new(move || {
        let entropy = (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64
            ^ (js_sys::Date::now() as u64);
        form.seed.set(Some(seed_text(entropy)));
        form.edits.update(Shape::clear_edits);
        request_animation_frame(|| focus_id("share-heading"));
    });
    view! {
        <h1>"Quiz"</h1>
        <p class="lede">"Make a quiz for a class: choose a topic, share one link, and every student gets the same questions on their own device."</p>
        <Notices notices />
        <form class="quiz-setup" on:submit=move |ev: leptos::ev::SubmitEvent| ev.prevent_default()>
            <TopicFields form />
            <QuestionFields form />
            <p class="quiz-problem" role="status" hidden=Signal::derive(move || problem.with(Option::is_none))>
                {Signal::derive(move || problem.get().unwrap_or_default())}
            </p>
            <p>{button("", None,
                Signal::derive(move || if form.seed.with(Option::is_some) { "Make a new link" } else { "Make the quiz link" }.to_string()),
                None, Signal::derive(move || problem.with(Option::is_some)), make)}</p>
        </form>
        <super::share::Share made form />
    }
}

/// A row that reads and writes one part of the spec.
fn row(
    form: Form,
    kind: &'static str,
    name: &'static str,
    id: String,
    text: &str,
    is: fn(&Spec, u32) -> bool,
    set: fn(&mut Spec, u32),
    v: u32,
) -> impl IntoView {
    input_row(
        kind,
        name,
        id,
        text.to_string(),
        Signal::derive(move || form.spec.with(|s| is(s, v))),
        Arc::new(move || form.update(&|s| set(s, v))),
    )
}

fn year(form: Form, is_from: bool) -> impl IntoView {
    let spec = form.spec;
    let (label, id) = if is_from {
        ("From", "qs-from")
    } else {
        ("To", "qs-to")
    };
    let set = move |year| {
        form.update(&|s| {
            if is_from {
                s.filter.set_from(year)
            } else {
                s.filter.set_to(year)
            }
        })
    };
    view! {
        <YearField id label
            value=Signal::derive(move || spec.with(|s| if is_from { s.filter.from() } else { s.filter.to() }))
            typed=Callback::new(set) set=Callback::new(set) />
    }
}

/// The topic: search, years, strands, the limits from the timeline, the other
/// parts and chosen events, the later historiography, and the count.
#[component]
fn TopicFields(form: Form) -> impl IntoView {
    let ds = &DATASET;
    let spec = form.spec;
    let events = Memo::new(move |_| spec.with(|s| topic_events(ds, &SEARCH, &s.fresh()).len()));
    let strands = ds
        .tags
        .iter()
        .enumerate()
        .map(|(i, t)| {
            row(
                form,
                "checkbox",
                "strand",
                format!("qs-strand-{}", t.id),
                t.description,
                |s, v| s.filter.list(Facet::Strand).contains(&v),
                |s, v| s.filter.toggle(Facet::Strand, v),
                i as u32,
            )
        })
        .collect_view();
    // Limits that came from the timeline and have no field here.
    let other_limits = Memo::new(move |_| spec.with(|s| s.other_limits_text(ds)));
    let remove_limits: Action = Arc::new(move || form.update(&|s| s.clear_other_limits()));
    let count = Signal::derive(move || topic_count_text(events.get()));
    let trivia = row(
        form,
        "checkbox",
        "trivia",
        "qs-trivia".into(),
        "Include later archive releases and publications (historiography after 1937)",
        |s, _| s.shape.trivia,
        |s, _| s.shape.trivia = !s.shape.trivia,
        0,
    );
    view! {
        <fieldset>
            <legend>"Topic"</legend>
            <div class="setup-row">
                <label for="qs-q">"Search"</label>
                <input id="qs-q" type="search" autocomplete="off" spellcheck="false" placeholder="A name, a place, an event…"
                    prop:value=move || spec.with(|s| s.filter.q.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); form.update(&|s| s.filter.q = v.clone()) } />
            </div>
            <div class="years">{year(form, true)}{year(form, false)}</div>
            <details class="facet-more" open=move || spec.with(|s| !s.filter.list(Facet::Strand).is_empty())>
                <summary>"Strands"</summary>
                <ul class="facet">{strands}</ul>
            </details>
            <p class="other-limits" hidden=Signal::derive(move || other_limits.with(Option::is_none))>
                {Signal::derive(move || other_limits.get().unwrap_or_default())}
                {button("secondary", None, text("Remove these limits"), None, never(), remove_limits)}
            </p>
            <super::parts::Parts form />
            <ul class="facet">{trivia}</ul>
            <p class="count" role="status" aria-live="polite">{count}</p>
            <p class="study-link"><a href=move || spec.with(|s| crate::core::study::StudyState::of(s.filter.clone()).href(ds))>"Study this topic as flashcards"</a></p>
        </fieldset>
    }
}

fn feedback_of(v: u32) -> Feedback {
    if v == 0 {
        Feedback::Each
    } else {
        Feedback::End
    }
}

/// How many questions, which types, the difficulty, when answers show.
#[component]
fn QuestionFields(form: Form) -> impl IntoView {
    let spec = form.spec;
    let kinds = Kind::ALL
        .into_iter()
        .enumerate()
        .map(|(i, k)| {
            row(
                form,
                "checkbox",
                "ask",
                format!("qs-ask-{}", k.id()),
                k.label(),
                |s, v| s.asks(Kind::ALL[v as usize]),
                // The last type can't be unticked: a quiz asks at least one.
                |s, v| {
                    s.toggle_kind(Kind::ALL[v as usize]);
                },
                i as u32,
            )
        })
        .collect_view();
    let levels = Level::ALL
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            row(
                form,
                "radio",
                "level",
                format!("qs-level-{}", l.id()),
                l.label(),
                |s, v| s.level == Level::ALL[v as usize],
                |s, v| s.level = Level::ALL[v as usize],
                i as u32,
            )
        })
        .collect_view();
    let feedbacks = [
        (Feedback::Each, "After each question"),
        (Feedback::End, "Only at the end (for a test)"),
    ]
    .into_iter()
    .enumerate()
    .map(|(i, (f, text))| {
        let is: fn(&Spec, u32) -> bool = |s, v| s.feedback == feedback_of(v);
        let set: fn(&mut Spec, u32) = |s, v| s.feedback = feedback_of(v);
        row(
            form,
            "radio",
            "feedback",
            format!("qs-feedback-{}", f.id()),
            text,
            is,
            set,
            i as u32,
        )
    })
    .collect_view();
    // The count acts while typing (once typing pauses), as the years do.
    let count_pause = Debounce::new();
    let count_typed =
        move |ev: leptos::ev::Event| match event_target_value(&ev).trim().parse::<u32>() {
            Ok(n) if (1..=MAX_QUESTIONS).contains(&n) => {
                count_pause.run(move || form.update(&|s| s.set_n(n)))
            }
            _ => count_pause.cancel(),
        };
    view! {
        <fieldset>
            <legend>"Questions"</legend>
            <div class="setup-row">
                <label for="qs-n">"How many"</label>
                <input id="qs-n" type="number" inputmode="numeric" min=1 max=MAX_QUESTIONS
                    prop:value=move || spec.with(|s| s.n().to_string())
                    on:input=count_typed
                    on:change=move |ev| {
                        count_pause.cancel();
                        if let Ok(n) = event_target_value(&ev).trim().parse::<u32>() {
                            form.update(&|s| s.set_n(n));
                        }
                    } />
            </div>
            <fieldset class="inner"><legend>"Types"</legend><ul class="facet">{kinds}</ul></fieldset>
            <fieldset class="inner"><legend>"Difficulty"</legend><ul class="facet">{levels}</ul></fieldset>
            <fieldset class="inner"><legend>"Show the right answers"</legend><ul class="facet">{feedbacks}</ul></fieldset>
        </fieldset>
    }
}

/// A quiz the topic cannot fill: what it has, and what to change.
#[component]
pub fn CannotMake(spec: Spec, no: Impossible, notices: Memo<Vec<Notice>>) -> impl IntoView {
    let ds = &DATASET;
    let fewer = (no.possible > 0).then(|| {
        let mut s = spec.clone();
        s.set_n(no.possible as u32);
        view! { <li><a href=s.href(ds)>{format!("Make it {} questions", no.possible)}</a></li> }
    });
    let mut setup = spec.with_print(None);
    setup.set_seed(None);
    view! {
        <h1>"Quiz"</h1>
        <Notices notices />
        <div class="empty quiz-impossible">
            <p role="alert">{no.message()}</p>
            <p class="muted">"Topic: " {spec.filter.describe(ds)}</p>
            <ul class="offers">
                {fewer}
                <li><a href=setup.href(ds)>"Change the topic or the questions"</a></li>
            </ul>
        </div>
    }
}
