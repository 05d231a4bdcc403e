//! A guided tour as a page to read or print (`#/tours/<id>`): its introduction
//! and every step with its event, what to notice, and the sources. Present mode
//! (`#/present?tour=<id>`) plays the same tour one step at a time.

use super::common::{cite_line, event_link};
use super::not_found::NotFound;
use crate::core::dataset::DATASET;
use crate::core::start::{present_href, tour, tour_years};
use leptos::prelude::*;

#[component]
pub fn Tour(id: String) -> impl IntoView {
    let ds = &DATASET;
    let Some(t) = tour(ds, &id) else {
        return view! { <NotFound what=format!("tour “{id}”") /> }.into_any();
    };
    let steps = t
        .steps
        .iter()
        .map(|s| {
            let e = &ds.events[s.event as usize];
            view! {
                <li class="tour-step">
                    <h2 class="step-title">{event_link(e)}</h2>
                    <p>{s.text}</p>
                    <p class="small">"Sources: " {cite_line(s.cite)}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        <p class="kicker">{format!("Guided tour · {} steps · {}", t.steps.len(), tour_years(ds, t).unwrap_or_default())}</p>
        <h1>{t.title}</h1>
        <p class="lede">{t.intro}</p>
        <p class="small">"Sources: " {cite_line(t.cite)}</p>
        <p class="no-print"><a href=present_href(ds, t)>"Play it as a presentation"</a>
            " · " <button type="button" class="secondary" on:click=|_| { let _ = window().print(); }>"Print this tour"</button></p>
        <ol class="tour-steps">{steps}</ol>
    }
    .into_any()
}
