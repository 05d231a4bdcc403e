//! The lists of a record's page (a person, an organisation): every list is made
//! of the same [`Item`], rendered by one function; one view shape instead of one
//! per section keeps the wasm small.

use super::common::{cite_line, org_link};
use crate::core::dataset::DATASET;
use crate::core::model::Cite;
use crate::core::route::View;
use leptos::prelude::*;

/// How many items a long list shows before "Show all".
const SHOWN: usize = 12;

/// One line of a list: a lead (a date or a kind), a link, text, an
/// organisation in brackets, citations.
#[derive(Clone, Default)]
pub struct Item {
    pub lead: Option<String>,
    pub lead_class: &'static str,
    pub link: Option<(String, &'static str)>,
    /// Words quoted from a source (an official title), shown as a quotation.
    pub quoted: Option<&'static str>,
    pub text: String,
    /// An organisation named after the text, in brackets, linking to its page.
    pub org: Option<u16>,
    /// Marked as a key event.
    pub key: bool,
    pub cite: &'static [Cite],
}

impl Item {
    /// The item with a lead (a date) and citations.
    pub fn with(self, lead: Option<String>, cite: &'static [Cite]) -> Item {
        Item {
            lead,
            lead_class: "date",
            cite,
            ..self
        }
    }
}

fn item(it: Item) -> AnyView {
    let gap = it.lead.is_some().then_some(" ");
    view! {
        <li>
            {it.lead.map(|l| view! { <span class=it.lead_class>{l}</span> })}
            {it.link.map(|(href, t)| view! { {gap} <a href=href>{t}</a> })}
            {it.quoted.map(|q| view! { " " <q class="quoted-title">{q}</q> })}
            {it.text}
            {it.org.map(|o| view! { " (" {org_link(o)} ")" })}
            {it.key.then(|| view! { " " <span class="key-mark">"Key event"</span> })}
            {(!it.cite.is_empty()).then(|| cite_line(it.cite))}
        </li>
    }
    .into_any()
}

/// A person, linked, then `text`.
pub fn person_item(p: u16, text: String) -> Item {
    let o = &DATASET.people[p as usize];
    Item {
        link: Some((View::Person(o.id.into()).href(), o.name)),
        text,
        ..Item::default()
    }
}

/// A list of items; past `SHOWN + 3` it starts short, with a button that shows
/// the rest (a record with hundreds of events still makes a small page).
pub fn list(class: &'static str, ordered: bool, what: &'static str, items: Vec<Item>) -> AnyView {
    let total = items.len();
    let all = RwSignal::new(total <= SHOWN + 3);
    let items = StoredValue::new(items);
    let shown = move || {
        let n = if all.get() { total } else { SHOWN };
        items.with_value(|v| v.iter().take(n).cloned().map(item).collect_view())
    };
    let list = if ordered {
        view! { <ol class=class>{shown}</ol> }.into_any()
    } else {
        view! { <ul class=class>{shown}</ul> }.into_any()
    };
    view! {
        {list}
        {move || (!all.get()).then(|| view! {
            <button type="button" class="secondary show-all" on:click=move |_| all.set(true)>
                {format!("Show all {total} {what}")}
            </button>
        })}
    }
    .into_any()
}

/// A titled part of the page, with an optional one-line explanation.
pub fn section(
    id: &'static str,
    title: &'static str,
    note: &'static str,
    body: AnyView,
) -> AnyView {
    view! {
        <h2 id=id>{title}</h2>
        {(!note.is_empty()).then(|| view! { <p class="muted small">{note}</p> })}
        {body}
    }
    .into_any()
}

/// A titled list, left out when there is nothing in it.
pub fn optional(
    id: &'static str,
    title: &'static str,
    note: &'static str,
    what: &'static str,
    class: &'static str,
    items: Vec<Item>,
) -> Option<AnyView> {
    (!items.is_empty()).then(|| section(id, title, note, list(class, false, what, items)))
}

pub fn para(text: String) -> AnyView {
    view! { <p>{text}</p> }.into_any()
}

/// Events as dated lines (key events marked), in the order given.
pub fn event_items(events: impl Iterator<Item = &'static crate::core::model::Event>) -> Vec<Item> {
    events
        .map(|e| Item {
            lead: Some(e.date.display()),
            lead_class: "date",
            link: Some((View::Event(e.id.into()).href(), e.title)),
            key: e.key,
            ..Item::default()
        })
        .collect()
}

/// Disputes as lines, linked.
pub fn dispute_items(
    disputes: impl Iterator<Item = &'static crate::core::model::Dispute>,
) -> Vec<Item> {
    disputes
        .map(|d| Item {
            link: Some((View::Dispute(d.id.into()).href(), d.title)),
            ..Item::default()
        })
        .collect()
}
