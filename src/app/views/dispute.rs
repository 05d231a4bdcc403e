use super::common::{cites, comma_list, event_link, person_link, term_page, with_terms};
use super::not_found::NotFound;
use crate::core::dataset::DATASET;
use crate::core::link::shown;
use leptos::prelude::*;

/// One dispute: every claim side by side with its source, and what it touches.
#[component]
pub fn Dispute(id: String) -> impl IntoView {
    let Some(d) = DATASET.dispute(&id) else {
        return view! { <NotFound what=format!("dispute “{}”", shown(&id)) /> }.into_any();
    };
    // Glossary terms link where they first appear: title, summary, then claims.
    let mut terms = term_page();
    let title = with_terms(&mut terms, d.title);
    let summary = with_terms(&mut terms, d.summary);
    let claims = d
        .claims
        .iter()
        .enumerate()
        .map(|(i, c)| {
            view! {
                <li class="claim">
                    <h2>"Claim " {i + 1}</h2>
                    <p>{with_terms(&mut terms, c.says)}</p>
                    {c.date.map(|date| view! { <p class="date">"Date given: " {date.display()}</p> })}
                    {cites(c.cite)}
                </li>
            }
        })
        .collect_view();
    let events = d
        .events
        .iter()
        .map(|&e| view! { <li>{event_link(&DATASET.events[e as usize])}</li> })
        .collect_view();
    view! {
        <p class="kicker">{d.kind.label()}</p>
        <h1>{title}</h1>
        <p>{summary}</p>
        <ol class="claims">{claims}</ol>
        {(!d.events.is_empty()).then(|| view! { <h2>"Events it touches"</h2><ul>{events}</ul> })}
        {(!d.people.is_empty()).then(|| view! {
            <h2>"People it concerns"</h2>
            <p>{comma_list(d.people.iter().map(|&p| person_link(p)))}</p>
        })}
    }
    .into_any()
}
