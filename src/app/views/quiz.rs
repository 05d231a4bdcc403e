//! The quiz: the teacher's setup form (no seed in the link), the quiz taken one
//! question at a time with its progress kept in localStorage, and the printable
//! worksheet and answer key. Everything is decided by `core::quiz` and
//! `core::quiz_state`; this module only shows it and passes clicks on.
//!
//! Kept small on purpose (every distinct view type costs wasm): alternatives are
//! `Option`s rather than `AnyView`s, and repeated rows go through one non-generic
//! helper with type-erased arguments.

use crate::app::router::{use_router, Entry};
use crate::core::dataset::{DATASET, SEARCH};
use crate::core::filter::{apply, Facet, FIRST_YEAR, LAST_YEAR};
use crate::core::quiz::{
    answer_text, ask, explain, generate, label, response_text, seed_text, sort_small, Facts,
    Feedback, Format, Impossible, Kind, Level, Print, Question, Quiz as QuizData, Ref, Spec, Val,
    MAX_QUESTIONS, NONE,
};
use crate::core::quiz_state::{Phase, Progress};
use crate::core::route::View;
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

#[component]
pub fn Quiz() -> impl IntoView {
    let router = use_router();
    let ds = &DATASET;
    let parsed = Memo::new(move |_| router.route.with(|r| Spec::from_query(ds, &r.query)));
    let notices = Memo::new(move |_| parsed.with(|(_, n)| n.clone()));
    // The quiz a seeded link fixes (the setup form when there is no seed).
    let made = Memo::new(move |_| {
        parsed.with(|(s, _)| {
            s.seed
                .is_some()
                .then(|| (s.clone(), generate(facts(), &SEARCH, s)))
        })
    });
    move || {
        let (setup, quiz, print, impossible) = match made.get() {
            None => (true, None, None, None),
            Some((spec, Err(no))) => (false, None, None, Some((spec, no))),
            Some((spec, Ok(quiz))) => match spec.print {
                None => (false, Some((spec, quiz)), None, None),
                Some(p) => (false, None, Some((spec, quiz, p)), None),
            },
        };
        view! {
            {setup.then(|| view! { <Setup parsed notices /> })}
            {quiz.map(|(spec, quiz)| view! { <Take spec quiz notices /> })}
            {print.map(|(spec, quiz, print)| view! { <Printout spec quiz print /> })}
            {impossible.map(|(spec, no)| view! { <CannotMake spec no notices /> })}
        }
    }
}

#[component]
fn Notices(notices: Memo<Vec<String>>) -> impl IntoView {
    move || {
        let n = notices.get();
        (!n.is_empty()).then(|| {
            view! {
                <div class="notice-small no-print" role="status">
                    <p>"Parts of this link were not understood and are ignored:"</p>
                    <ul>{n.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
                </div>
            }
        })
    }
}

fn focus_id(id: &str) {
    if let Some(el) = document().get_element_by_id(id) {
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
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

// ------------------------------------------------------------------ setup

/// The teacher's form: the topic, the questions, and the link it makes.
#[component]
fn Setup(parsed: Memo<(Spec, Vec<String>)>, notices: Memo<Vec<String>>) -> impl IntoView {
    let router = use_router();
    let ds = &DATASET;
    let spec = Memo::new(move |_| parsed.with(|(s, _)| s.clone()));
    let update = move |change: &dyn Fn(&mut Spec)| {
        let mut s = spec.get_untracked();
        change(&mut s);
        router.go(&s.href(ds), Entry::Replace);
    };
    let events = Memo::new(move |_| spec.with(|s| apply(ds, &SEARCH, &s.filter).events.len()));
    // Whether this topic gives enough questions (with a fixed seed: the count
    // hardly depends on it).
    let problem = Memo::new(move |_| {
        let s = Spec {
            seed: Some("check".into()),
            ..spec.get()
        };
        generate(facts(), &SEARCH, &s).err().map(|e| e.message())
    });
    let seed = RwSignal::new(None::<String>);
    let made = Memo::new(move |_| {
        seed.get().map(|seed| Spec {
            seed: Some(seed),
            print: None,
            ..spec.get()
        })
    });
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
        let value = move || {
            spec.with(|s| if is_from { s.filter.from } else { s.filter.to })
                .map(|y| y.to_string())
                .unwrap_or_default()
        };
        view! {
            <label for=id>{label}</label>
            <input id=id type="number" inputmode="numeric" min=FIRST_YEAR max=LAST_YEAR prop:value=value
                on:change=move |ev| {
                    let year = event_target_value(&ev).trim().parse::<i32>().ok()
                        .filter(|y| (FIRST_YEAR..=LAST_YEAR).contains(y));
                    update(&|s| {
                        let f = &mut s.filter;
                        if is_from { f.from = year } else { f.to = year }
                        if let (Some(a), Some(b)) = (f.from, f.to) {
                            if a > b { (f.from, f.to) = (Some(b), Some(a)) }
                        }
                    });
                } />
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
                |s, v| s.filter.strands.contains(&v),
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
                |s, v| s.kinds.contains(&Kind::ALL[v as usize]),
                |s, v| {
                    let k = Kind::ALL[v as usize];
                    match s.kinds.iter().position(|&x| x == k) {
                        Some(at) if s.kinds.len() > 1 => {
                            s.kinds.remove(at);
                        }
                        Some(_) => {}
                        None => {
                            s.kinds.push(k);
                            sort_small(&mut s.kinds, |&k| k);
                        }
                    }
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
    let other_limits = Memo::new(move |_| {
        spec.with(|s| {
            let mut f = s.filter.clone();
            f.q.clear();
            (f.from, f.to) = (None, None);
            f.strands.clear();
            (!f.is_clear()).then(|| format!("Also limited to {}. ", f.describe(ds)))
        })
    });
    let remove_limits: Action = Arc::new(move || {
        update(&|s| {
            s.filter.types.clear();
            s.filter.people.clear();
            s.filter.places.clear();
            s.filter.orgs.clear();
            s.filter.sources.clear();
            s.filter.disputed = false;
        })
    });
    let count = Signal::derive(move || match events.get() {
        0 => "No event matches this topic.".to_string(),
        1 => "1 event in this topic.".to_string(),
        n => format!("{n} events in this topic."),
    });

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
                <details class="facet-more" open=move || spec.with(|s| !s.filter.strands.is_empty())>
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
                        prop:value=move || spec.with(|s| s.n.to_string())
                        on:change=move |ev| {
                            if let Ok(n) = event_target_value(&ev).trim().parse::<u32>() {
                                update(&|s| s.n = n.clamp(1, MAX_QUESTIONS));
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
            </ul>
        </section>
    }
}

/// A quiz the topic cannot fill: what it has, and what to change.
#[component]
fn CannotMake(spec: Spec, no: Impossible, notices: Memo<Vec<String>>) -> impl IntoView {
    let ds = &DATASET;
    let fewer = (no.possible > 0).then(|| {
        let s = Spec {
            n: no.possible as u32,
            ..spec.clone()
        };
        view! { <li><a href=s.href(ds)>{format!("Make it {} questions", no.possible)}</a></li> }
    });
    let setup = Spec {
        seed: None,
        print: None,
        ..spec.clone()
    };
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

// ------------------------------------------------------------------ taking the quiz

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// Saved progress for this quiz, if any fits; a notice when some was discarded.
fn load(key: &str, quiz: &QuizData) -> (Progress, Option<String>) {
    let ds = &DATASET;
    let Some(store) = storage() else {
        return (Progress::new(quiz), None);
    };
    match store.get_item(key).ok().flatten() {
        None => (Progress::new(quiz), None),
        Some(text) => match Progress::decode(&text, ds, quiz) {
            Ok(p) => (p, None),
            Err(why) => {
                let _ = store.remove_item(key);
                (
                    Progress::new(quiz),
                    Some(format!("Saved answers for this quiz were discarded: {why}. The quiz starts from the beginning.")),
                )
            }
        },
    }
}

#[component]
fn Take(spec: Spec, quiz: QuizData, notices: Memo<Vec<String>>) -> impl IntoView {
    let ds = &DATASET;
    let key = spec.storage_key(ds);
    let (start, discarded) = load(&key, &quiz);
    let quiz = Arc::new(quiz);
    let progress = RwSignal::new(start);
    let saved = quiz.clone();
    Effect::new(move |_| {
        let text = progress.with(|p| p.encode(ds, &saved));
        if let Some(store) = storage() {
            let _ = store.set_item(&key, &text);
        }
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
            {summary.then(|| view! { <Summary quiz=q3 progress /> })}
        }
    };
    view! {
        <h1>"Quiz"</h1>
        <p class="muted quiz-topic">"Topic: " {spec.filter.describe(ds)}</p>
        <Notices notices />
        {discarded.map(|d| view! { <p class="notice-small" role="status">{d}</p> })}
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
    let response = RwSignal::new(q.blank());
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
        request_animation_frame(move || {
            let pos = response.with_untracked(|r| r.iter().position(|&x| x == item).unwrap_or(0));
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
fn explanation(q: &Question) -> impl IntoView {
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
            <ul class="cites">
                {ex.cites.iter().map(|c| view! { <li><cite>{ds.cite_text(c)}</cite></li> }).collect_view()}
            </ul>
            <ul class="quiz-links">{links}</ul>
        </div>
    }
}

/// The verdict on an answer and the right answer, with the explanation.
fn verdict(q: &Question, given: Option<&Vec<u8>>, id: Option<&'static str>) -> impl IntoView {
    let ds = &DATASET;
    let right = given.is_some_and(|r| q.is_right(r));
    let yours = given.map_or("no answer".to_string(), |r| response_text(ds, q, r));
    view! {
        <p class=if right { "verdict right" } else { "verdict wrong" } id=id tabindex=id.map(|_| "-1")>
            {if right { "✓ Right." } else { "✗ Not right." }}
        </p>
        <p class="your-answer"><span class="muted">"Your answer: "</span>{yours}</p>
        {(!right).then(|| view! { <p class="right-answer"><span class="muted">"The answer: "</span>{answer_text(ds, q)}</p> })}
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
            {verdict(&q, given.as_ref(), Some("verdict"))}
        </section>
        <p>{button("", Some("next".into()), text(if last { "See your score" } else { "Next question" }), None, never(), next)}</p>
    }
}

/// The score, every answer reviewed, and another try at the wrong ones.
#[component]
fn Summary(quiz: Arc<QuizData>, progress: RwSignal<Progress>) -> impl IntoView {
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
    view! {
        <section class="quiz-summary">
            <h2 id="score" tabindex="-1">"Your score"</h2>
            <p class="score" role="status">{format!("You got {score} of {n} right.")}{first}</p>
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

// ------------------------------------------------------------------ printing

fn letter(i: usize) -> char {
    (b'A' + (i as u8).min(25)) as char
}

/// A worksheet to hand out, or its answer key: the same questions in the same order.
#[component]
fn Printout(spec: Spec, quiz: QuizData, print: Print) -> impl IntoView {
    let ds = &DATASET;
    let key = print == Print::Key;
    let other = spec.with_print(Some(if key { Print::Worksheet } else { Print::Key }));
    let items = quiz
        .questions
        .iter()
        .map(|q| printed(q, key))
        .collect_view();
    let print_now: Action = Arc::new(|| {
        let _ = window().print();
    });
    view! {
        <div class="print-bar no-print">
            {button("", None, text("Print"), None, never(), print_now)}
            <a href=spec.with_print(None).href(ds)>"Take the quiz on screen"</a>
            <a href=other.href(ds)>{if key { "Worksheet" } else { "Answer key" }}</a>
        </div>
        <h1>{if key { "Quiz: answer key" } else { "Quiz worksheet" }}</h1>
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
