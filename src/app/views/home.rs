//! The start (`#/`): the orientation (data/intro.toml), the key events and
//! people, the guided tours, and where to go next. What is shown is decided in
//! `core::start`; this lays it out. Prerendered into the hosted index.html.

use super::common::{cite_line, comma_list, event_link, person_link};
use crate::core::dataset::DATASET;
use crate::core::route::View;
use crate::core::start::{
    key_events, key_people, key_quiz_href, key_timeline_href, present_href, tour_years,
};
use leptos::prelude::*;

#[component]
pub fn Home() -> impl IntoView {
    let ds = &DATASET;
    let parts = ds
        .intro
        .iter()
        .map(|p| {
            let events = (!p.events.is_empty()).then(|| {
                view! { <li><span class="k">"Events: "</span>{comma_list(p.events.iter().map(|&e| event_link(&ds.events[e as usize])))}</li> }
            });
            let people = (!p.people.is_empty()).then(|| {
                view! { <li><span class="k">"People: "</span>{comma_list(p.people.iter().map(|&i| person_link(i)))}</li> }
            });
            view! {
                <section class="intro-part" aria-labelledby=format!("intro-{}", p.id)>
                    <h2 id=format!("intro-{}", p.id)>{p.heading}</h2>
                    <p>{p.text}</p>
                    <p class="small">"Sources: " {cite_line(p.cite)}</p>
                    <ul class="intro-links small">{events}{people}</ul>
                </section>
            }
        })
        .collect_view();
    let key_event_items = key_events(ds)
        .into_iter()
        .map(|e| view! { <li>{event_link(&ds.events[e as usize])}</li> })
        .collect_view();
    let key_people_items = key_people(ds)
        .into_iter()
        .map(|i| {
            let p = &ds.people[i as usize];
            view! { <li>{person_link(i)} <span class="muted small">" — " {p.summary}</span></li> }
        })
        .collect_view();
    let tours = ds
        .tours
        .iter()
        .map(|t| {
            let years = tour_years(ds, t).unwrap_or_default();
            view! {
                <li class="tour-item">
                    <h3><a href=View::Tour(t.id.into()).href()>{t.title}</a></h3>
                    <p>{t.intro}</p>
                    <p class="small">
                        {format!("{} steps, {years}. ", t.steps.len())}
                        <a href=present_href(ds, t)>{format!("Play “{}” as a presentation", t.title)}</a>
                    </p>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="home">
            <h1>"Alash and the Basmachi revolt, 1891–1937"</h1>
            <p class="lede">"Two movements in Central Asia as the Russian empire fell: what they were, in two minutes, then where to go next. Every statement cites the text it rests on."</p>
            <nav class="next-steps" aria-label="Where to go next">
                <ul>
                    <li><a href=View::Timeline.href()>"The timeline: every event"</a></li>
                    <li><a href=key_timeline_href(ds)>"The key events on the timeline"</a></li>
                    <li><a href="#/map">"The map"</a></li>
                    {ds.tours.first().map(|t| view! { <li><a href=View::Tour(t.id.into()).href()>{format!("A guided tour: {}", t.title)}</a></li> })}
                    <li><a href=key_quiz_href(ds)>"A quiz on the key events"</a></li>
                </ul>
            </nav>
            {parts}
            <section aria-labelledby="key-events-heading">
                <h2 id="key-events-heading">"Key events"</h2>
                <ol class="key-list">{key_event_items}</ol>
            </section>
            <section aria-labelledby="key-people-heading">
                <h2 id="key-people-heading">"Key people"</h2>
                <ul class="key-list">{key_people_items}</ul>
                <p><a href=View::People.href()>"Everyone the sources name"</a></p>
            </section>
            <section aria-labelledby="tours-heading">
                <h2 id="tours-heading">"Guided tours"</h2>
                <ul class="tours">{tours}</ul>
            </section>
        </div>
    }
}
