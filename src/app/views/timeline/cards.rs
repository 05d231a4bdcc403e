//! One page of event cards.

use super::Shown;
use crate::app::views::common::{
    cite_parts, comma_list, dispute_link, marked, names, person_link, strand_link, term_page,
    with_terms_marked,
};
use crate::core::dataset::DATASET;
use crate::core::filter::{page_of, start_year};
use crate::core::model::Event;
use crate::core::route::View;
use crate::core::stats::claimed_dates_text;
use crate::core::text::Search;
use leptos::prelude::*;

/// One page of event cards, keyed so unchanged cards are kept while typing.
#[component]
pub fn Cards(shown: Shown, page: Memo<u32>, all: Signal<bool>) -> impl IntoView {
    let order = shown.order;
    let query = shown.query;
    // `all`: every result (only while printing them all).
    let page = Memo::new(move |_| {
        let p = page.get();
        if all.get() {
            order.with(|o| o.clone())
        } else {
            order.with(|o| page_of(o, p).0.to_vec())
        }
    });
    view! {
        <ol class="cards">
            <For each=move || page.get() key=|&i| i let:i>
                <Card e=&DATASET.events[i as usize] query />
            </For>
        </ol>
    }
}

/// A person on a card, with the spelling the search found them by when it is
/// not their name ("found as “Bokeikhanov”").
fn person_found(p: u16, query: Memo<Search>) -> impl IntoView {
    let ds = &DATASET;
    let found = move || {
        query.with(|q| {
            let typed: Vec<&str> = q.terms.iter().map(|t| t.ascii.as_str()).collect();
            names().matched_name(ds, p as usize, &typed.join(" "))
        })
    };
    view! {
        {person_link(p)}
        {move || found().map(|n| view! { <span class="found-as">" (found as “" {n} "”)"</span> })}
    }
}

#[component]
fn Card(e: &'static Event, query: Memo<Search>) -> impl IntoView {
    let ds = &DATASET;
    let year = start_year(e);
    // Plain text where no link is needed keeps each card to a few DOM nodes.
    let join = |items: &mut dyn Iterator<Item = &'static str>| items.collect::<Vec<_>>().join(", ");
    let places = join(&mut e.places.iter().map(|&p| ds.places[p as usize].name));
    view! {
        <li class="card" data-year=year>
            <article>
                <p class="card-date"><time>{e.date.display()}</time>
                    {e.key.then(|| view! { " " <span class="key-mark">"Key event"</span> })}
                    {claimed_dates_text(ds, e).map(|t| view! { <span class="claimed">" — " {t}</span> })}
                    {(!e.disputes.is_empty()).then(|| view! {
                        " " <span class="disputed-mark">"Disputed: " {comma_list(e.disputes.iter().map(|&d| dispute_link(d)))}</span>
                    })}
                </p>
                <h3><a href=View::Event(e.id.into()).href()>{marked(e.title, query, false)}</a></h3>
                // The summary's glossary terms link (the title is the card's
                // link to the event); the search's words are marked between them.
                <p>{with_terms_marked(&mut term_page(), e.summary, query)}</p>
                <p class="meta small">
                    {(!e.people.is_empty()).then(|| view! { <span class="k">"People: "</span> {comma_list(e.people.iter().map(|&p| person_found(p, query)))} })}
                    {(!e.places.is_empty()).then(|| view! { <span class="k">"Places: "</span> {places} })}
                    <span class="k">"Strand: "</span> {comma_list(e.tags.iter().map(|&t| strand_link(t)))}
                    <cite class="card-cites">"Sources: " {cite_parts(e.cite)}</cite>
                </p>
            </article>
        </li>
    }
}
