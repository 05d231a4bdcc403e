use super::common::{cites, comma_list, dispute_link, person_link};
use super::not_found::NotFound;
use crate::core::dataset::DATASET;
use crate::core::filter::{Facet, Filter};
use crate::core::link::LinkState;
use crate::core::timeline::TimelineState;
use crate::core::stats::claimed_dates_text;
use leptos::prelude::*;

/// One event with everything the dataset knows of it.
#[component]
pub fn Event(id: String) -> impl IntoView {
    let ds = &DATASET;
    let Some(e) = ds.event(&id) else {
        return view! { <NotFound what=format!("event “{id}”") /> }.into_any();
    };
    let places = comma_list(e.places.iter().map(|&p| ds.places[p as usize].name));
    let orgs = comma_list(e.orgs.iter().map(|&o| ds.orgs[o as usize].name));
    // Each strand links to the timeline of that strand.
    let tags = comma_list(e.tags.iter().map(|&t| {
        let mut f = Filter::default();
        f.toggle(Facet::Strand, t as u32);
        let t = &ds.tags[t as usize];
        view! { <a href=TimelineState::of(f).href(ds) title=t.description>{t.name}</a> }
    }));
    view! {
        <p class="kicker"><time>{e.date.display()}</time>
            {claimed_dates_text(ds, e).map(|t| view! { " — " {t} })} " · " {ds.event_types[e.kind as usize].id}</p>
        <h1>{e.title}</h1>
        {(!e.disputes.is_empty()).then(|| view! {
            <p class="disputed-note">"Disputed: the sources disagree on part of this. "
                {comma_list(e.disputes.iter().map(|&d| dispute_link(d)))}</p>
        })}
        <p>{e.summary}</p>
        {e.quote.as_ref().map(|q| view! {
            <figure class="quote">
                <blockquote>{q.text}</blockquote>
                <figcaption>"Quoted from " <cite>{ds.cite_text(&q.cite)}</cite></figcaption>
            </figure>
        })}
        <dl class="facts">
            {(!e.people.is_empty()).then(|| view! { <dt>"People"</dt><dd>{comma_list(e.people.iter().map(|&p| person_link(p)))}</dd> })}
            {(!e.places.is_empty()).then(|| view! { <dt>"Places"</dt><dd>{places}</dd> })}
            {(!e.orgs.is_empty()).then(|| view! { <dt>"Organisations"</dt><dd>{orgs}</dd> })}
            <dt>"Strands"</dt><dd>{tags}</dd>
        </dl>
        <h2>"Sources"</h2>
        {cites(e.cite)}
    }
    .into_any()
}
