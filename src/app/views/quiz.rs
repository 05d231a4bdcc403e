//! The quiz: the teacher's setup form (no seed in the link), the quiz taken one
//! question at a time with its progress kept in localStorage, and the printable
//! worksheet and answer key. Everything is decided by `core::quiz` and
//! `core::quiz_state`; this module only shows it and passes clicks on.

use crate::app::router::{use_router, Entry};
use crate::core::dataset::DATASET;
use crate::core::filter::{apply, Facet, SearchIndex, FIRST_YEAR, LAST_YEAR};
use crate::core::model::Cite;
use crate::core::quiz::{
    answer_text, ask, describe_topic, explain, generate, label, response_text, seed_text, Facts,
    Feedback, Format, Kind, Level, Print, Question, Quiz as QuizData, Ref, Spec, MAX_QUESTIONS,
    NONE,
};
use crate::core::quiz_state::{Phase, Progress};
use crate::core::route::View;
use leptos::prelude::*;
use std::sync::{Arc, OnceLock};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsCast;

fn index() -> &'static SearchIndex {
    static INDEX: OnceLock<SearchIndex> = OnceLock::new();
    INDEX.get_or_init(|| SearchIndex::new(&DATASET))
}

fn facts() -> &'static Facts<'static> {
    static FACTS: OnceLock<Facts<'static>> = OnceLock::new();
    FACTS.get_or_init(|| Facts::new(&DATASET))
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = ["navigator", "clipboard"], js_name = writeText, catch)]
    fn clipboard_write(text: &str) -> Result<js_sys::Promise, wasm_bindgen::JsValue>;
}

#[derive(Clone, PartialEq)]
enum Mode {
    Setup,
    Take(Spec),
    Print(Spec, Print),
}

#[component]
pub fn Quiz() -> impl IntoView {
    let router = use_router();
    let ds = &DATASET;
    let parsed = Memo::new(move |_| router.route.with(|r| Spec::from_query(ds, &r.query)));
    let notices = Memo::new(move |_| parsed.with(|(_, n)| n.clone()));
    let mode = Memo::new(move |_| {
        parsed.with(|(s, _)| match (&s.seed, s.print) {
            (None, _) => Mode::Setup,
            (Some(_), None) => Mode::Take(s.clone()),
            (Some(_), Some(p)) => Mode::Print(s.clone(), p),
        })
    });
    move || match mode.get() {
        Mode::Setup => view! { <Setup parsed notices /> }.into_any(),
        Mode::Take(spec) => match generate(facts(), index(), &spec) {
            Ok(quiz) => view! { <Take spec quiz notices /> }.into_any(),
            Err(no) => view! { <Impossible spec no notices /> }.into_any(),
        },
        Mode::Print(spec, print) => match generate(facts(), index(), &spec) {
            Ok(quiz) => view! { <Printout spec quiz print /> }.into_any(),
            Err(no) => view! { <Impossible spec no notices /> }.into_any(),
        },
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
    let events = Memo::new(move |_| spec.with(|s| apply(ds, index(), &s.filter).events.len()));
    // Whether this topic gives enough questions (with a fixed seed: the count
    // hardly depends on it).
    let problem = Memo::new(move |_| {
        let s = Spec {
            seed: Some("check".into()),
            ..spec.get()
        };
        generate(facts(), index(), &s).err().map(|e| e.message())
    });
    let seed = RwSignal::new(None::<String>);
    let made = move || {
        seed.get().map(|seed| Spec {
            seed: Some(seed),
            print: None,
            ..spec.get()
        })
    };
    let make = move |_| {
        let entropy = (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64
            ^ (js_sys::Date::now() as u64);
        seed.set(Some(seed_text(entropy)));
        request_animation_frame(|| focus_id("share-heading"));
    };

    let year_input = move |label: &'static str, id: &'static str, is_from: bool| {
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
            let i = i as u32;
            let id = format!("qs-strand-{}", t.id);
            view! {
                <li class="facet-value">
                    <input type="checkbox" id=id.clone() prop:checked=move || spec.with(|s| s.filter.strands.contains(&i))
                        on:change=move |_| update(&|s| s.filter.toggle(Facet::Strand, i)) />
                    <label for=id>{t.description}</label>
                </li>
            }
        })
        .collect_view();
    let kinds = Kind::ALL
        .into_iter()
        .map(|k| {
            let id = format!("qs-ask-{}", k.id());
            view! {
                <li class="facet-value">
                    <input type="checkbox" id=id.clone() prop:checked=move || spec.with(|s| s.kinds.contains(&k))
                        on:change=move |_| update(&|s| {
                            match s.kinds.iter().position(|&x| x == k) {
                                Some(at) if s.kinds.len() > 1 => { s.kinds.remove(at); }
                                Some(_) => {}
                                None => { s.kinds.push(k); s.kinds.sort(); }
                            }
                        }) />
                    <label for=id>{k.label()}</label>
                </li>
            }
        })
        .collect_view();
    let levels = Level::ALL
        .into_iter()
        .map(|l| {
            let id = format!("qs-level-{}", l.id());
            view! {
                <div class="facet-value">
                    <input type="radio" name="level" id=id.clone() prop:checked=move || spec.with(|s| s.level == l)
                        on:change=move |_| update(&|s| s.level = l) />
                    <label for=id>{l.label()}</label>
                </div>
            }
        })
        .collect_view();
    let feedbacks = [
        (Feedback::Each, "After each question"),
        (Feedback::End, "Only at the end (for a test)"),
    ]
    .into_iter()
    .map(|(f, text)| {
        let id = format!("qs-feedback-{}", f.id());
        view! {
            <div class="facet-value">
                <input type="radio" name="feedback" id=id.clone() prop:checked=move || spec.with(|s| s.feedback == f)
                    on:change=move |_| update(&|s| s.feedback = f) />
                <label for=id>{text}</label>
            </div>
        }
    })
    .collect_view();
    // Limits that came from the timeline and have no field here.
    let other_limits = move || {
        spec.with(|s| {
            let mut f = s.filter.clone();
            f.q.clear();
            (f.from, f.to) = (None, None);
            f.strands.clear();
            (!f.is_clear()).then(|| describe_topic(ds, &f))
        })
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
                <div class="years">
                    {year_input("From", "qs-from", true)}
                    {year_input("To", "qs-to", false)}
                </div>
                <details class="facet-more" open=move || spec.with(|s| !s.filter.strands.is_empty())>
                    <summary>"Strands"</summary>
                    <ul class="facet">{strands}</ul>
                </details>
                {move || other_limits().map(|text| view! {
                    <p class="other-limits">"Also limited to " {text} ". "
                        <button type="button" class="secondary" on:click=move |_| update(&|s| {
                            let (q, from, to, strands) = (s.filter.q.clone(), s.filter.from, s.filter.to, s.filter.strands.clone());
                            s.filter = Default::default();
                            (s.filter.q, s.filter.from, s.filter.to, s.filter.strands, s.filter.page) = (q, from, to, strands, 1);
                        })>"Remove these limits"</button>
                    </p>
                })}
                <p class="count" role="status" aria-live="polite">{move || match events.get() {
                    0 => "No event matches this topic.".to_string(),
                    1 => "1 event in this topic.".to_string(),
                    n => format!("{n} events in this topic."),
                }}</p>
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
                <fieldset class="inner">
                    <legend>"Types"</legend>
                    <ul class="facet">{kinds}</ul>
                </fieldset>
                <fieldset class="inner">
                    <legend>"Difficulty"</legend>
                    {levels}
                </fieldset>
                <fieldset class="inner">
                    <legend>"Show the right answers"</legend>
                    {feedbacks}
                </fieldset>
            </fieldset>
            {move || problem.get().map(|m| view! { <p class="quiz-problem" role="status">{m}</p> })}
            <p><button type="button" on:click=make disabled=move || problem.with(Option::is_some)>
                {move || if seed.with(Option::is_some) { "Make a new link" } else { "Make the quiz link" }}
            </button></p>
        </form>
        {move || made().map(|s| view! { <Share spec=s /> })}
    }
}

/// The link, large enough for a projector, with a Copy button and the printable forms.
#[component]
fn Share(spec: Spec) -> impl IntoView {
    let ds = &DATASET;
    let href = spec.href(ds);
    let url = full_url(&href);
    let copied = RwSignal::new(None::<bool>);
    let copy_text = url.clone();
    let copy = move |_| match clipboard_write(&copy_text) {
        Ok(p) => leptos::task::spawn_local(async move {
            let ok = wasm_bindgen_futures::JsFuture::from(p).await.is_ok();
            copied.set(Some(ok));
        }),
        Err(_) => copied.set(Some(false)),
    };
    view! {
        <section class="share" aria-labelledby="share-heading">
            <h2 id="share-heading" tabindex="-1">"Share this link with the class"</h2>
            <p class="share-link"><a href=href.clone()>{url}</a></p>
            <p class="share-actions">
                <button type="button" on:click=copy>"Copy link"</button>
                <span class="copied" aria-live="polite">{move || match copied.get() {
                    Some(true) => "Link copied.",
                    Some(false) => "Could not copy: select the link and copy it.",
                    None => "",
                }}</span>
            </p>
            <ul class="share-more">
                <li><a href=href>"Start the quiz"</a></li>
                <li><a href=spec.with_print(Some(Print::Worksheet)).href(ds)>"Printable worksheet"</a></li>
                <li><a href=spec.with_print(Some(Print::Key)).href(ds)>"Answer key"</a></li>
            </ul>
        </section>
    }
}

/// A quiz the topic cannot fill: what it has, and what to change.
#[component]
fn Impossible(
    spec: Spec,
    no: crate::core::quiz::Impossible,
    notices: Memo<Vec<String>>,
) -> impl IntoView {
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
            <p class="muted">"Topic: " {describe_topic(ds, &spec.filter)}</p>
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
        let quiz = quiz.clone();
        let step = step.get();
        if opened.get_value() {
            let target = match step.0 {
                Phase::Asking => "question",
                Phase::Feedback => "verdict",
                Phase::Summary => "score",
            };
            request_animation_frame(move || focus_id(target));
        }
        opened.set_value(true);
        match step {
            (Phase::Summary, ..) => view! { <Summary quiz progress /> }.into_any(),
            (Phase::Feedback, Some(i), _) => view! { <Answered quiz i progress /> }.into_any(),
            (_, Some(i), _) => view! { <Ask quiz i progress feedback /> }.into_any(),
            _ => view! { <Summary quiz progress /> }.into_any(),
        }
    };
    view! {
        <h1>"Quiz"</h1>
        <p class="muted quiz-topic">"Topic: " {describe_topic(ds, &spec.filter)}</p>
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
    let error = RwSignal::new(None::<&'static str>);
    let last = progress.with_untracked(|p| p.pos + 1 == p.round.len());
    let line = progress.with_untracked(progress_line);
    let checker = quiz.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let r = response.get_untracked();
        let mut done = false;
        progress.update(|p| done = p.submit(&checker, &r, feedback).is_some());
        if !done {
            error.set(Some(match checker.questions[i].format() {
                Format::Match => "Choose a person for every position first.",
                _ => "Choose an answer first.",
            }));
        }
    };
    let options = match q.format() {
        Format::Choice => choice_inputs(&q, response).into_any(),
        Format::Order => view! { <Arrange q=q.clone() response /> }.into_any(),
        Format::Match => match_inputs(&q, response).into_any(),
    };
    let button = match feedback {
        Feedback::Each => "Check answer",
        Feedback::End if last => "Finish",
        Feedback::End => "Next question",
    };
    let _ = ds;
    view! {
        <p class="quiz-progress">{line}</p>
        <form class="quiz-question" on:submit=submit>
            {question_head(&q)}
            {options}
            <p class="quiz-error" role="alert">{move || error.get()}</p>
            <button type="submit">{button}</button>
        </form>
    }
}

fn choice_inputs(q: &Question, response: RwSignal<Vec<u8>>) -> impl IntoView {
    let ds = &DATASET;
    let items = q
        .options
        .iter()
        .enumerate()
        .map(|(k, &v)| {
            let k = k as u8;
            let id = format!("opt-{k}");
            view! {
                <li>
                    <input type="radio" name="answer" id=id.clone() prop:checked=move || response.with(|r| r.first() == Some(&k))
                        on:change=move |_| response.set(vec![k]) />
                    <label for=id>{label(ds, v)}</label>
                </li>
            }
        })
        .collect_view();
    view! {
        <fieldset class="options">
            <legend class="visually-hidden">"Answers"</legend>
            <ul>{items}</ul>
        </fieldset>
    }
}

/// Events to put in order, with Move up / Move down buttons.
#[component]
fn Arrange(q: Question, response: RwSignal<Vec<u8>>) -> impl IntoView {
    let ds = &DATASET;
    let titles: Vec<String> = q.items.iter().map(|&v| label(ds, v)).collect();
    let n = titles.len();
    let titles = Arc::new(titles);
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
        let r = response.get();
        r.iter()
            .enumerate()
            .map(|(pos, &item)| {
                let title = titles[item as usize].clone();
                view! {
                    <li class="order-item">
                        <span class="order-pos">{pos + 1}"."</span>
                        <span class="order-title">{title.clone()}</span>
                        <span class="order-buttons">
                            <button type="button" class="secondary" id=format!("mv-up-{item}") disabled=pos == 0
                                aria-label=format!("Move up: {title}") on:click=move |_| moved(item, true)>"↑ Up"</button>
                            <button type="button" class="secondary" id=format!("mv-down-{item}") disabled=pos + 1 == n
                                aria-label=format!("Move down: {title}") on:click=move |_| moved(item, false)>"↓ Down"</button>
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

/// Links to the records an explanation points to.
fn ref_links(refs: &[Ref]) -> impl IntoView {
    let ds = &DATASET;
    let items = refs
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
    view! { <ul class="quiz-links">{items}</ul> }
}

fn cite_list(cites: &[Cite]) -> impl IntoView {
    let ds = &DATASET;
    view! {
        <ul class="cites">
            {cites.iter().map(|c| view! { <li><cite>{ds.cite_text(c)}</cite></li> }).collect_view()}
        </ul>
    }
}

/// Why the answer is right, its sources and links.
fn explanation(q: &Question) -> impl IntoView {
    let ex = explain(&DATASET, q);
    view! {
        <div class="explanation">
            <p>{ex.text}</p>
            <p class="muted small">"Sources:"</p>
            {cite_list(&ex.cites)}
            {ref_links(&ex.links)}
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
    let next = move |_| progress.update(|p| p.next(&quiz));
    view! {
        <p class="quiz-progress">{line}</p>
        <section class="quiz-question answered">
            {question_head(&q)}
            {verdict(&q, given.as_ref(), Some("verdict"))}
        </section>
        <p><button type="button" id="next" on:click=next>{if last { "See your score" } else { "Next question" }}</button></p>
    }
}

/// The score, every answer reviewed, and another try at the wrong ones.
#[component]
fn Summary(quiz: Arc<QuizData>, progress: RwSignal<Progress>) -> impl IntoView {
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
            view! {
                <li class="review-item">
                    <h3>{ask(&DATASET, q).0}</h3>
                    {ask(&DATASET, q).1.map(|a| view! { <p class="quiz-about">{a}</p> })}
                    {verdict(q, p.answers[i].as_ref(), None)}
                </li>
            }
        })
        .collect_view();
    let (q1, q2) = (quiz.clone(), quiz);
    view! {
        <section class="quiz-summary">
            <h2 id="score" tabindex="-1">"Your score"</h2>
            <p class="score" role="status">{format!("You got {score} of {n} right.")}{first}</p>
            <p class="summary-actions">
                {(wrong > 0).then(|| view! {
                    <button type="button" on:click=move |_| progress.update(|p| p.retry_wrong(&q1))>
                        {if wrong == 1 { "Try the wrong question again".to_string() } else { format!("Try the {wrong} wrong questions again") }}
                    </button>
                })}
                <button type="button" class="secondary" on:click=move |_| progress.set(Progress::new(&q2))>"Start again"</button>
            </p>
            <h2>"Review"</h2>
            <ol class="review">{review}</ol>
        </section>
    }
}

// ------------------------------------------------------------------ printing

const LETTERS: &[u8] = b"ABCDEFGHIJ";

fn letter(i: usize) -> char {
    LETTERS.get(i).map_or('?', |&b| b as char)
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
        .map(|q| {
            if key {
                key_item(q).into_any()
            } else {
                sheet_item(q).into_any()
            }
        })
        .collect_view();
    let print_now = |_| {
        let _ = window().print();
    };
    view! {
        <div class="print-bar no-print">
            <button type="button" on:click=print_now>"Print"</button>
            <a href=spec.with_print(None).href(ds)>"Take the quiz on screen"</a>
            <a href=other.href(ds)>{if key { "Worksheet" } else { "Answer key" }}</a>
        </div>
        <h1>{if key { "Quiz: answer key" } else { "Quiz worksheet" }}</h1>
        <p class="muted">"Topic: " {describe_topic(ds, &spec.filter)} " · " {quiz.questions.len()} " questions"</p>
        {(!key).then(|| view! { <p class="ws-name">"Name: ____________________   Date: __________"</p> })}
        <ol class=if key { "printout key" } else { "printout worksheet" }>{items}</ol>
    }
}

fn prompt_block(q: &Question) -> impl IntoView {
    let (prompt, about) = ask(&DATASET, q);
    view! {
        <p class="prompt">{prompt}</p>
        {about.map(|a| view! { <p class="quiz-about">{a}</p> })}
    }
}

fn sheet_item(q: &Question) -> impl IntoView {
    let ds = &DATASET;
    let body = match q.format() {
        Format::Choice => view! {
            <ul class="ws-options">
                {q.options.iter().enumerate().map(|(i, &v)| view! { <li>{format!("{}. ", letter(i))}{label(ds, v)}</li> }).collect_view()}
            </ul>
        }
        .into_any(),
        Format::Order => view! {
            <p class="muted small">"Number them from 1 (earliest) to " {q.items.len()} "."</p>
            <ul class="ws-order">
                {q.items.iter().map(|&v| view! { <li><span class="box">"____"</span>" "{label(ds, v)}</li> }).collect_view()}
            </ul>
        }
        .into_any(),
        Format::Match => view! {
            <p class="muted small">"Write the letter of the person."</p>
            <ul class="ws-match">
                {q.items.iter().map(|&v| view! { <li><span class="box">"____"</span>" "{label(ds, v)}</li> }).collect_view()}
            </ul>
            <ul class="ws-options">
                {q.options.iter().enumerate().map(|(i, &v)| view! { <li>{format!("{}. ", letter(i))}{label(ds, v)}</li> }).collect_view()}
            </ul>
        }
        .into_any(),
    };
    view! { <li class="ws-item">{prompt_block(q)}{body}</li> }
}

fn key_item(q: &Question) -> impl IntoView {
    let ds = &DATASET;
    let answer = match q.format() {
        Format::Choice => {
            let i = q.answer[0] as usize;
            view! { <p class="key-answer">"Answer: " {format!("{}. ", letter(i))}{label(ds, q.options[i])}</p> }.into_any()
        }
        Format::Order => view! {
            <p class="key-answer">"Answer, earliest first:"</p>
            <ol class="key-order">
                {q.answer.iter().map(|&i| view! { <li>{label(ds, q.items[i as usize])}</li> }).collect_view()}
            </ol>
        }
        .into_any(),
        Format::Match => view! {
            <p class="key-answer">"Answer:"</p>
            <ul class="key-match">
                {q.items.iter().zip(&q.answer).map(|(&v, &o)| view! {
                    <li><span class="role">{label(ds, v)}</span>" → "
                        <span class="person">{format!("{}. ", letter(o as usize))}{label(ds, q.options[o as usize])}</span></li>
                }).collect_view()}
            </ul>
        }
        .into_any(),
    };
    view! { <li class="key-item">{prompt_block(q)}{answer}{explanation(q)}</li> }
}
