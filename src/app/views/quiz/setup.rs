//! The teacher's setup form: the topic, the questions, and the link it makes;
//! and what to change when a topic cannot fill the quiz.

use super::{button, clipboard_write, facts, focus_id, full_url, input_row, never, text, Action};
use crate::app::link::use_link;
use crate::app::views::common::{Debounce, Notices, YearField};
use crate::core::dataset::{DATASET, SEARCH};
use crate::core::filter::{apply, Facet};
use crate::core::link::{LinkState, Notice};
use crate::core::quiz::topic_count_text;
use crate::core::quiz::{seed_text, Feedback, Impossible, Kind, Level, Print, Spec, MAX_QUESTIONS};
use leptos::prelude::*;
use std::sync::Arc;

/// The teacher's form: the topic, the questions, and the link it makes.
#[component]
pub fn Setup() -> impl IntoView {
    let ds = &DATASET;
    let link = use_link::<Spec>();
    let notices = link.notices;
    let spec = link.state;
    // The form edits the link in place (no history entry per click).
    let update = move |change: &dyn Fn(&mut Spec)| link.replace(|s| change(s));
    let events = Memo::new(move |_| spec.with(|s| apply(ds, &SEARCH, &s.filter).events.len()));
    let problem = Memo::new(move |_| spec.with(|s| s.problem(facts(), &SEARCH)));
    let seed = RwSignal::new(None::<String>);
    let made = Memo::new(move |_| seed.get().map(|seed| spec.with(|s| s.made(&seed))));
    let make: Action = Arc::new(move || {
        let entropy = (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64
            ^ (js_sys::Date::now() as u64);
        seed.set(Some(seed_text(entropy)));
        request_animation_frame(|| focus_id("share-heading"));
    });
    // A row that reads and writes one part of the spec.
    let row = move |kind: &'static str,
                    name: &'static str,
                    id: String,
                    text: &str,
                    is: fn(&Spec, u32) -> bool,
                    set: fn(&mut Spec, u32),
                    v: u32| {
        input_row(
            kind,
            name,
            id,
            text.to_string(),
            Signal::derive(move || spec.with(|s| is(s, v))),
            Arc::new(move || update(&|s| set(s, v))),
        )
    };
    let year = move |is_from: bool| {
        let (label, id) = if is_from {
            ("From", "qs-from")
        } else {
            ("To", "qs-to")
        };
        let set = move |year| {
            update(&|s| {
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
    };
    let strands = ds
        .tags
        .iter()
        .enumerate()
        .map(|(i, t)| {
            row(
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
    let kinds = Kind::ALL
        .into_iter()
        .enumerate()
        .map(|(i, k)| {
            row(
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
        let is: fn(&Spec, u32) -> bool = |s, v| {
            s.feedback
                == if v == 0 {
                    Feedback::Each
                } else {
                    Feedback::End
                }
        };
        let set: fn(&mut Spec, u32) = |s, v| {
            s.feedback = if v == 0 {
                Feedback::Each
            } else {
                Feedback::End
            }
        };
        row(
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
    // Limits that came from the timeline and have no field here.
    let other_limits = Memo::new(move |_| spec.with(|s| s.other_limits_text(ds)));
    let remove_limits: Action = Arc::new(move || update(&|s| s.clear_other_limits()));
    let count = Signal::derive(move || topic_count_text(events.get()));
    // The count acts while typing (once typing pauses), as the years do.
    let count_pause = Debounce::new();
    let count_typed =
        move |ev: leptos::ev::Event| match event_target_value(&ev).trim().parse::<u32>() {
            Ok(n) if (1..=MAX_QUESTIONS).contains(&n) => {
                count_pause.run(move || update(&|s| s.set_n(n)))
            }
            _ => count_pause.cancel(),
        };

    view! {
        <h1>"Quiz"</h1>
        <p class="lede">"Make a quiz for a class: choose a topic, share one link, and every student gets the same questions on their own device."</p>
        <Notices notices />
        <form class="quiz-setup" on:submit=move |ev: leptos::ev::SubmitEvent| ev.prevent_default()>
            <fieldset>
                <legend>"Topic"</legend>
                <div class="setup-row">
                    <label for="qs-q">"Search"</label>
                    <input id="qs-q" type="search" autocomplete="off" spellcheck="false" placeholder="A name, a place, an event…"
                        prop:value=move || spec.with(|s| s.filter.q.clone())
                        on:input=move |ev| { let v = event_target_value(&ev); update(&|s| s.filter.q = v.clone()) } />
                </div>
                <div class="years">{year(true)}{year(false)}</div>
                <details class="facet-more" open=move || spec.with(|s| !s.filter.list(Facet::Strand).is_empty())>
                    <summary>"Strands"</summary>
                    <ul class="facet">{strands}</ul>
                </details>
                <p class="other-limits" hidden=Signal::derive(move || other_limits.with(Option::is_none))>
                    {Signal::derive(move || other_limits.get().unwrap_or_default())}
                    {button("secondary", None, text("Remove these limits"), None, never(), remove_limits)}
                </p>
                <p class="count" role="status" aria-live="polite">{count}</p>
            </fieldset>
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
                                update(&|s| s.set_n(n));
                            }
                        } />
                </div>
                <fieldset class="inner"><legend>"Types"</legend><ul class="facet">{kinds}</ul></fieldset>
                <fieldset class="inner"><legend>"Difficulty"</legend><ul class="facet">{levels}</ul></fieldset>
                <fieldset class="inner"><legend>"Show the right answers"</legend><ul class="facet">{feedbacks}</ul></fieldset>
            </fieldset>
            <p class="quiz-problem" role="status" hidden=Signal::derive(move || problem.with(Option::is_none))>
                {Signal::derive(move || problem.get().unwrap_or_default())}
            </p>
            <p>{button("", None,
                Signal::derive(move || if seed.with(Option::is_some) { "Make a new link" } else { "Make the quiz link" }.to_string()),
                None, Signal::derive(move || problem.with(Option::is_some)), make)}</p>
        </form>
        <Share made />
    }
}

/// The link, large enough for a projector, with a Copy button and the printable
/// forms; hidden until the teacher makes a link.
#[component]
fn Share(made: Memo<Option<Spec>>) -> impl IntoView {
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
    let copied = RwSignal::new(String::new());
    let copy: Action = Arc::new(move || match clipboard_write(&url.get_untracked()) {
        Ok(p) => leptos::task::spawn_local(async move {
            let ok = wasm_bindgen_futures::JsFuture::from(p).await.is_ok();
            copied.set(
                if ok {
                    "Link copied."
                } else {
                    "Could not copy: select the link and copy it."
                }
                .into(),
            );
        }),
        Err(_) => copied.set("Could not copy: select the link and copy it.".into()),
    });
    view! {
        <section class="share" aria-labelledby="share-heading" hidden=Signal::derive(move || made.with(Option::is_none))>
            <h2 id="share-heading" tabindex="-1">"Share this link with the class"</h2>
            <p class="share-link"><a href=href>{url}</a></p>
            <p class="share-actions">
                {button("", None, text("Copy link"), None, never(), copy)}
                <span class="copied" aria-live="polite">{copied}</span>
            </p>
            <ul class="share-more">
                <li><a href=href>"Start the quiz"</a></li>
                <li><a href=link(Some(Print::Worksheet))>"Printable worksheet"</a></li>
                <li><a href=link(Some(Print::Key))>"Answer key"</a></li>
                <li><a href=projected>"Projector mode"</a></li>
            </ul>
            <h3>"For you: the class's results"</h3>
            <p>"At the end of the quiz each student gets a short result code. Collect the codes (read out, typed, or pasted into an email) and paste them here to see every student's score and how the class did on each question:"</p>
            <p class="share-results"><a href=results>"Class results for this quiz"</a></p>
        </section>
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
