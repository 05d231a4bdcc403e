//! One organisation (`#/orgs/<id>`): what it was (its kind, dates, summary,
//! strands, cited), the people with a role in it or belonging to it, its
//! events, every name the sources use for it, the disputes its events are part
//! of, and its sources (`core::orgs`). Only what the data gives.

use super::common::{cites, comma_list, strand_link, term_page, with_terms};
use super::lists::{dispute_items, event_items, list, optional, para, person_item, section, Item};
use super::not_found::NotFound;
use crate::core::dataset::DATASET;
use crate::core::filter::{Facet, Filter};
use crate::core::link::{shown, LinkState};
use crate::core::map::{MapState, PresentLink};
use crate::core::orgs::{disputes_of, members};
use leptos::prelude::*;

#[component]
pub fn Org(id: String) -> impl IntoView {
    let ds = &DATASET;
    let Some(i) = ds.org_index(&id) else {
        return view! { <NotFound what=format!("organisation “{}”", shown(&id)) /> }.into_any();
    };
    let o = &ds.orgs[i];
    let me = i as u16;
    let filter = Filter::of(Facet::Org, i as u32);
    let n = o.events.len();
    let events = event_items(ds.events_of_org(o));
    let events_body = if events.is_empty() {
        para("No event in Tarikh names this organisation.".into())
    } else {
        view! {
            <p class="map-go">
                <a href=filter.href(ds)>{format!("Show these {n} events on the timeline")}</a>
                <a href=MapState::of(filter.clone()).href(ds)>"On the map"</a>
                <a href=PresentLink(filter.clone()).href(ds)>"Present its events"</a>
            </p>
            {list("mini-timeline", true, "events", events)}
        }
        .into_any()
    };
    view! {
        <p class="kicker">"Organisation · " {ds.org_kinds[o.kind as usize].description}</p>
        <h1>{o.name}</h1>
        <p class="lede">{with_terms(&mut term_page(), o.summary)}</p>
        <dl class="facts">
            {o.date.map(|d| view! { <dt>"When"</dt><dd><time>{d.display()}</time></dd> })}
            <dt>"Strands"</dt><dd>{comma_list(o.tags.iter().map(|&t| strand_link(t)))}</dd>
            <dt>"Events"</dt><dd><a href=filter.href(ds)>{format!("{n} on the timeline")}</a></dd>
        </dl>
        {section("members", "People", "Who held an office in it or belonged to it, as the people's records say.",
            people(me))}
        {section("events", "Events", "", events_body)}
        {section("names", "Names", "Every name the sources use for it (the data does not record which source uses which).",
            names(me))}
        {optional("disputes", "Disputes", "Where the sources disagree on one of its events.",
            "disputes", "disputes", dispute_items(disputes_of(ds, me).into_iter().map(|d| &ds.disputes[d as usize])))}
        {section("sources", "Sources", "", cites(o.cite).into_any())}
    }
    .into_any()
}

/// Each member, then their roles in it (dated, cited) or "belonged to it".
fn people(org: u16) -> AnyView {
    let ds = &DATASET;
    let items: Vec<Item> = members(ds, org)
        .into_iter()
        .flat_map(|m| {
            let roles: Vec<Item> = m
                .roles
                .iter()
                .map(|r| {
                    // The organisation is this page: a role is its own words
                    // (an official title quoted from the source, in quotes).
                    let words = if r.quoted {
                        format!(" — “{}”", r.role)
                    } else {
                        format!(" — {}", r.role)
                    };
                    person_item(m.person, words).with(
                        Some(r.date.map_or_else(|| "undated".into(), |d| d.display())),
                        r.cite,
                    )
                })
                .collect();
            let belonged = (m.affiliated && roles.is_empty())
                .then(|| person_item(m.person, " — belonged to it".into()));
            roles.into_iter().chain(belonged)
        })
        .collect();
    if items.is_empty() {
        para("No one in Tarikh is recorded with a role in it or as belonging to it.".into())
    } else {
        list("roles", false, "people", items)
    }
}

/// Every name, the one Tarikh uses marked.
fn names(org: u16) -> AnyView {
    let o = &DATASET.orgs[org as usize];
    view! {
        <ul class="org-names">
            {o.names.iter().map(|&n| view! {
                <li>{n} {(n == o.name).then_some(view! { <span class="muted">" (the name Tarikh uses)"</span> })}</li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}
