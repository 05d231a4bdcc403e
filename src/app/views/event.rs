//! One event with everything the dataset knows of it, and what it leads on to:
//! the events before and after it (in time and in each strand), the periods it
//! falls in, related events, and its place on the timeline (`core::event_page`).

use super::common::{
    cite_link, cites, comma_list, dispute_link, event_link, org_link, person_link, strand_link,
    term_page, with_terms,
};
use super::not_found::NotFound;
use crate::core::dataset::DATASET;
use crate::core::event_page::{in_strands, in_time, on_the_timeline, periods, related};
use crate::core::filter::{Facet, Filter};
use crate::core::link::{shown, LinkState};
use crate::core::map::MapState;
use crate::core::route::View;
use crate::core::stats::claimed_dates_text;
use leptos::prelude::*;

/// "← Earlier: …" / "Later: … →" for a pair of neighbours.
fn neighbours(prev: Option<u32>, next: Option<u32>) -> impl IntoView {
    let ds = &DATASET;
    view! {
        {prev.map(|k| view! { <li><span class="k">"Before: "</span>{event_link(&ds.events[k as usize])}</li> })}
        {next.map(|k| view! { <li><span class="k">"After: "</span>{event_link(&ds.events[k as usize])}</li> })}
    }
}

/// One event with everything the dataset knows of it.
#[component]
pub fn Event(id: String) -> impl IntoView {
    let ds = &DATASET;
    let Some(i) = ds.event_index(&id) else {
        return view! { <NotFound what=format!("event “{}”", shown(&id)) /> }.into_any();
    };
    let i = i as u32;
    let e = &ds.events[i as usize];
    // A place links to its page (with its map); the map shows them all.
    let places = comma_list(e.places.iter().map(|&p| {
        let p = &ds.places[p as usize];
        view! { <a href=View::Place(p.id.into()).href()>{p.name}</a> }
    }));
    let mut at = Filter::default();
    at.set_list(Facet::Place, e.places.iter().map(|&p| p as u32));
    let map_href = MapState::of(at).href(ds);
    // Glossary terms link where they first appear: the title, then the summary.
    let mut terms = term_page();
    let title = with_terms(&mut terms, e.title);
    let summary = with_terms(&mut terms, e.summary);
    // An organisation links to its page; each strand to the timeline of that strand.
    let orgs = comma_list(e.orgs.iter().map(|&o| org_link(o)));
    let tags = comma_list(e.tags.iter().map(|&t| strand_link(t)));
    let (prev, next) = in_time(ds, i);
    let strands = in_strands(ds, i)
        .into_iter()
        .filter(|(_, p, n)| p.is_some() || n.is_some())
        .map(|(t, p, n)| {
            view! {
                <li><span class="k">{format!("In {}: ", ds.tags[t as usize].name)}</span>
                    <ul class="leads">{neighbours(p, n)}</ul></li>
            }
        })
        .collect_view();
    let in_periods = periods(ds, e)
        .into_iter()
        .map(|(s, p)| view! { <li>{p.name} <span class="muted small">" (" {p.date.display()} "; " {s.name} ")"</span></li> })
        .collect_view();
    let related = related(ds, i, 5);
    view! {
        <p class="kicker"><time>{e.date.display()}</time>
            {claimed_dates_text(ds, e).map(|t| view! { " — " {t} })} " · " {ds.event_types[e.kind as usize].id}
            {e.key.then(|| view! { " · " <span class="key-mark">"Key event"</span> })}</p>
        <h1>{title}</h1>
        {(!e.disputes.is_empty()).then(|| view! {
            <p class="disputed-note">"Disputed: the sources disagree on part of this. "
                {comma_list(e.disputes.iter().map(|&d| dispute_link(d)))}</p>
        })}
        <p>{summary}</p>
        {e.quote.as_ref().map(|q| view! {
            <figure class="quote">
                <blockquote>{q.text}</blockquote>
                <figcaption>"Quoted from " {cite_link(&q.cite)}</figcaption>
            </figure>
        })}
        <dl class="facts">
            {(!e.people.is_empty()).then(|| view! { <dt>"People"</dt><dd>{comma_list(e.people.iter().map(|&p| person_link(p)))}</dd> })}
            {(!e.places.is_empty()).then(|| view! { <dt>"Places"</dt><dd>{places} " · " <a href=map_href>"on the map"</a></dd> })}
            {(!e.orgs.is_empty()).then(|| view! { <dt>"Organisations"</dt><dd>{orgs}</dd> })}
            <dt>"Strands"</dt><dd>{tags}</dd>
        </dl>
        <h2>"Sources"</h2>
        {cites(e.cite)}
        <nav class="event-leads" aria-labelledby="leads-heading">
            <h2 id="leads-heading">"Before and after"</h2>
            <p><a href=on_the_timeline(ds, i)>"Show on the timeline"</a></p>
            <ul class="leads in-time">{neighbours(prev, next)}</ul>
            <ul class="leads strands">{strands}</ul>
        </nav>
        {(!in_periods.is_empty()).then(|| view! {
            <section aria-labelledby="periods-heading">
                <h2 id="periods-heading">"The period it falls in"</h2>
                <ul class="leads">{in_periods}</ul>
            </section>
        })}
        {(!related.is_empty()).then(|| view! {
            <section aria-labelledby="related-heading">
                <h2 id="related-heading">"Related events"</h2>
                <p class="muted small">"The same people or places."</p>
                <ul class="leads">{related.into_iter().map(|k| view! { <li>{event_link(&ds.events[k as usize])}</li> }).collect_view()}</ul>
            </section>
        })}
    }
    .into_any()
}
