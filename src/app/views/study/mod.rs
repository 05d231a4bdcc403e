//! Study mode (`#/study?<filter>`): flashcards of a selection with spaced
//! repetition. The cards, the schedule and the stored form are decided in
//! `core::study`; this module lays them out, passes grades on, and keeps the
//! progress in the browser (`store.rs`).

mod card;
mod store;
mod transfer;

use crate::app::link::Linked;
use crate::app::views::common::{download, on_control, window_keys, Notices};
use crate::core::dataset::{DATASET, SEARCH};
use crate::core::link::LinkState;
use crate::core::study::{cards_text, days_text, deck, Due, Grade, Kind, Progress, StudyState};
use crate::core::timeline::TimelineState;
use leptos::prelude::*;
use std::sync::Arc;
use store::Keep;

#[component]
pub fn Study() -> impl IntoView {
    let ds = &DATASET;
    let link = Linked::<StudyState>::provide();
    // The progress belongs to the selection: a new selection opens its own.
    let topic = Memo::new(move |_| link.state.with(|s| s.topic(ds)));
    let filter = Memo::new(move |_| link.state.with(|s| s.filter.clone()));
    view! {
        <h1>"Study"</h1>
        <p class="lede">"Flashcards of these events, their people and what the sources disagree on. Cards you know come back after longer and longer gaps; cards you don't, soon."</p>
        <p class="study-topic">"Cards of: " {move || filter.with(|f| f.describe(ds))}
            <span class="no-print">" · "</span><a class="no-print" href=move || filter.with(|f| TimelineState::of(f.clone()).href(ds))>"these events on the timeline"</a></p>
        <Notices notices=link.notices />
        <KindChoice />
        {move || view! { <Session keep=Keep::new(topic.get()) /> }}
    }
}

/// Which kinds of card are asked (at least one).
#[component]
fn KindChoice() -> impl IntoView {
    let link = crate::app::link::use_link::<StudyState>();
    let items = Kind::ALL
        .into_iter()
        .map(|k| {
            let id = format!("study-kind-{}", k.id());
            let on = Signal::derive(move || link.state.with(|s| s.kinds.has(k)));
            let last = Signal::derive(move || {
                link.state
                    .with(|s| s.kinds.toggled(k) == crate::core::study::Kinds::NONE)
            });
            view! {
                <li>
                    <input type="checkbox" id=id.clone() prop:checked=on disabled=last
                        on:change=move |_| link.replace(|s| s.kinds = s.kinds.toggled(k)) />
                    <label for=id>{k.label()}</label>
                </li>
            }
        })
        .collect_view();
    view! {
        <fieldset class="study-kinds no-print"><legend>"Cards of"</legend><ul>{items}</ul></fieldset>
    }
}

/// The studying itself, for one selection's progress.
#[component]
fn Session(keep: Keep) -> impl IntoView {
    let ds = &DATASET;
    let link = crate::app::link::use_link::<StudyState>();
    let cards = Memo::new(move |_| {
        link.state
            .with(|s| Arc::new(deck(ds, &SEARCH, &s.filter, s.kinds)))
    });
    let opened = keep.open();
    let progress = RwSignal::new(opened.progress.clone());
    let today = RwSignal::new(store::today());
    let flipped = RwSignal::new(false);
    // A storage failure is said once, and studying goes on in memory.
    let failed = RwSignal::new(opened.unavailable);
    let last = StoredValue::new(progress.get_untracked());
    let saving = keep.clone();
    Effect::new(move |_| {
        let p = progress.get();
        if last.try_with_value(|l| *l == p).unwrap_or(true) {
            return;
        }
        last.set_value(p.clone());
        if saving.save(&p).is_err() && !failed.get_untracked() {
            failed.set(true);
        }
    });
    let due = Memo::new(move |_| cards.with(|d| progress.with(|p| p.due(d, today.get()))));
    let current = Memo::new(move |_| {
        due.with(|d| d.queue.first().copied())
            .map(|i| cards.with(|d| d[i].clone()))
    });
    let grade = Callback::new(move |g: Grade| {
        let Some(card) = current.get_untracked() else {
            return;
        };
        let day = store::today();
        today.set(day);
        progress.update(|p| p.grade(&card, g, day));
        flipped.set(false);
        request_animation_frame(|| card::focus("card-front"));
    });
    let flip = Callback::new(move |()| {
        if current.with_untracked(Option::is_some) && !flipped.get_untracked() {
            flipped.set(true);
            request_animation_frame(|| card::focus("card-back"));
        }
    });
    window_keys(move |ev| {
        let key = ev.key();
        match (key.as_str(), Grade::of_key(&key)) {
            ("Enter" | " ", _)
                if !on_control(ev)
                    && !flipped.get_untracked()
                    && current.with_untracked(Option::is_some) =>
            {
                flip.run(());
                true
            }
            (_, Some(g)) if flipped.get_untracked() && !on_control_field(ev) => {
                grade.run(g);
                true
            }
            _ => false,
        }
    });
    let damaged = opened
        .damage
        .as_ref()
        .map(|d| (d.notice(), opened.damaged.clone()));
    let unavailable = opened.unavailable;
    view! {
        {damaged.map(|(text, original)| view! {
            <div class="notice-small" role="status">
                <p>{text}</p>
                {original.map(|t| view! {
                    <p><button type="button" class="secondary" on:click=move |_| download("tarikh-study-saved.txt", "text/plain", &t)>"Download what was saved"</button></p>
                })}
            </div>
        })}
        <div role="alert">
            {move || failed.get().then(|| view! {
                <p class="notice-small">{if unavailable {
                    "This browser does not let Tarikh keep your progress on this device. You can go on studying; to keep your progress, export it before you close the page."
                } else {
                    "Your progress can't be saved on this device: the browser refused to keep it (its storage may be full or not allowed). You can go on studying; to keep your progress, export it before you close the page."
                }}</p>
            })}
        </div>
        <p class="study-status" role="status" aria-live="polite">{move || status(&progress.get(), &due.get(), cards.with(|d| d.len()), today.get())}</p>
        <card::Shown current flipped due progress today grade flip />
        <transfer::Transfer keep progress />
        <details class="study-how no-print">
            <summary>"How the cards come back"</summary>
            <p>"Each card sits in one of seven boxes; box 1 comes back the next day, and every box waits twice as long as the one before (1, 2, 4 … 64 days). Again puts a card back in box 1 and shows it again today, after the others; Hard keeps it in its box and brings it back in half its wait; Good moves it one box up, Easy two. At most 20 new cards are started a day."</p>
        </details>
    }
}

/// Keys typed into a field are the field's (1–4 in a text field).
fn on_control_field(ev: &web_sys::KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
        .is_some_and(|e| matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}

/// "Day 3 · 12 cards due today (5 new) · 40 cards, 8 well known".
fn status(p: &Progress, due: &Due, total: usize, today: crate::core::study::Day) -> String {
    let mut s = format!("Day {} · ", p.day_number(today));
    match due.queue.len() {
        0 => s.push_str("nothing due today"),
        n => s.push_str(&format!("{} due today", cards_text(n))),
    }
    if due.new > 0 {
        s.push_str(&format!(" ({} new)", due.new));
    }
    s.push_str(&format!(
        " · {} in all, {} started, {} well known",
        cards_text(total),
        due.started,
        due.learned
    ));
    if let Some((day, n)) = due.next {
        if due.queue.is_empty() {
            s.push_str(&format!(
                " · next: {} {}",
                cards_text(n),
                days_text(day - today)
            ));
        }
    }
    s
}
