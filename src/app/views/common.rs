//! Small pieces several views share. Data text is always rendered as text.

use crate::core::dataset::DATASET;
use crate::core::model::{Cite, Event};
use crate::core::route::View;
use leptos::prelude::*;

/// A list of citations: source title, section heading, paragraph.
pub fn cites(cites: &'static [Cite]) -> impl IntoView {
    view! {
        <ul class="cites">
            {cites.iter().map(|c| view! { <li><cite>{DATASET.cite_text(c)}</cite></li> }).collect_view()}
        </ul>
    }
}

/// A link to an event, with its date.
pub fn event_link(e: &'static Event) -> impl IntoView {
    view! {
        <a href=View::Event(e.id.into()).href()>{e.title}</a>
        " "
        <span class="date">"(" {e.date.display()} ")"</span>
    }
}

/// A link to a person by index.
pub fn person_link(i: u16) -> impl IntoView {
    let p = &DATASET.people[i as usize];
    view! { <a href=View::Person(p.id.into()).href()>{p.name}</a> }
}

/// A link to a dispute by index.
pub fn dispute_link(i: u16) -> impl IntoView {
    let d = &DATASET.disputes[i as usize];
    view! { <a href=View::Dispute(d.id.into()).href()>{d.title}</a> }
}

/// Items joined with ", ".
pub fn comma_list<T: IntoView + 'static>(items: impl IntoIterator<Item = T>) -> impl IntoView {
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| view! { {(i > 0).then_some(", ")} {item} })
        .collect_view()
}
