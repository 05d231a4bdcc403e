//! The card on screen: its front, then (flipped) its back with a citation on
//! every line, and the four grades as big buttons, each with when the card
//! would come back.

use crate::app::views::common::{cite_line, log};
use crate::core::model::Cite;
use crate::core::study::{days_text, Card, CardState, Day, Due, Grade, Kind, Progress};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

pub fn focus(id: &str) {
    let el = document().get_element_by_id(id);
    if let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        if el.focus().is_err() {
            log("Could not move the focus");
        }
    }
}

fn kind_label(k: Kind) -> &'static str {
    match k {
        Kind::Event => "Event",
        Kind::Person => "Person",
        Kind::Dispute => "Dispute",
    }
}

/// Whether a line shows its own citation: the record's (shown once, under the
/// lines) covers the lines that cite just the same.
fn own_cite(line: &[Cite], record: &[Cite]) -> bool {
    !line.is_empty() && line != record
}

/// The back of a card: each line with its citation, then the record's own.
fn back(card: &Card) -> impl IntoView {
    let lines = card
        .lines
        .iter()
        .map(|l| {
            view! {
                <dt>{l.label.clone()}</dt>
                <dd>{l.text.clone()} " " {own_cite(l.cite, card.cite).then(|| cite_line(l.cite))}</dd>
            }
        })
        .collect_view();
    let own = (!card.cite.is_empty()).then(|| {
        view! { <p class="card-cite">"Sources: " {cite_line(card.cite)}</p> }
    });
    let page = match card.kind {
        Kind::Event => "The event's page",
        Kind::Person => "Their page",
        Kind::Dispute => "The dispute's page",
    };
    view! {
        <div id="card-back" class="card-back" tabindex="-1">
            <dl>{lines}</dl>
            {own}
            <p class="no-print"><a href=card.href.clone()>{page}</a></p>
        </div>
    }
}

/// The four grades, each saying when the card would come back.
fn grades(card: &Card, progress: &Progress, today: Day, grade: Callback<Grade>) -> impl IntoView {
    let before = progress.cards.get(&card.id).copied();
    let buttons = Grade::ALL
        .into_iter()
        .map(|g| {
            let wait = CardState::after(before, g, today, 0).due - today;
            view! {
                <button type="button" class=format!("grade grade-{}", g.label().to_lowercase())
                    aria-keyshortcuts=g.key().to_string()
                    on:click=move |_| grade.run(g)>
                    <span class="grade-name">{g.label()}</span>
                    <span class="grade-wait">{days_text(wait)}</span>
                    <kbd aria-hidden="true">{g.key().to_string()}</kbd>
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="grades no-print" role="group" aria-label="How well did you know it?">{buttons}</div>
    }
}

#[component]
pub fn Shown(
    current: Memo<Option<Card>>,
    flipped: RwSignal<bool>,
    due: Memo<Due>,
    progress: RwSignal<Progress>,
    today: RwSignal<Day>,
    grade: Callback<Grade>,
    flip: Callback<()>,
) -> impl IntoView {
    move || {
        let Some(card) = current.get() else {
            let next = due.with(|d| d.next);
            return view! {
                <section class="study-card done" aria-labelledby="card-front">
                    <h2 id="card-front" tabindex="-1">"Nothing more is due today"</h2>
                    <p>{match next {
                        Some((day, n)) => format!("Next: {} {}.", crate::core::study::cards_text(n), days_text(day - today.get_untracked())),
                        None => "These events make no cards: choose other events on the timeline.".to_string(),
                    }}</p>
                </section>
            }
            .into_any();
        };
        let open = flipped.get();
        let position =
            due.with(|d| format!("{} · 1 of {} due", kind_label(card.kind), d.queue.len()));
        let shown = open.then(|| {
            let g = progress.with_untracked(|p| grades(&card, p, today.get_untracked(), grade));
            view! { {back(&card)} {g} }
        });
        view! {
            <section class="study-card" aria-labelledby="card-front">
                <p class="card-kind">{position}</p>
                <h2 id="card-front" tabindex="-1">{card.front}</h2>
                <p class="card-ask">{card.ask}</p>
                {(!open).then(|| view! {
                    <p class="no-print"><button type="button" class="flip" on:click=move |_| flip.run(())>
                        "Show the answer" <kbd aria-hidden="true">"Space"</kbd>
                    </button></p>
                })}
                {shown}
            </section>
        }
        .into_any()
    }
}
