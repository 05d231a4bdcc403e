//! One person: who they were and what they did first (summary, life dates,
//! strands, key events, roles, affiliations, events), then every spelling and
//! which source uses it, epithets, stated relations (both sides), the people
//! they appear with, places, disputes and sources. An unknown id suggests the
//! people with the closest names. The lists are `lists::Item`s.

use super::common::{
    cite_line, cites, comma_list, event_link, names, strand_link, term_page, with_terms,
};
use super::lists::{dispute_items, event_items, list, optional, para, person_item, section, Item};
use super::not_found::NotFound;
use crate::core::dataset::DATASET;
use crate::core::filter::{Facet, Filter};
use crate::core::link::LinkState;
use crate::core::link::{clip, shown, MAX_TEXT};
use crate::core::model::{Event, LifeDate, Name};
use crate::core::people::{appears_with, places_of, relations, role_org, IndexState};
use crate::core::route::View;
use leptos::prelude::*;

#[component]
pub fn Person(id: String) -> impl IntoView {
    let ds = &DATASET;
    let Some(i) = ds.person_index(&id) else {
        return unknown(id);
    };
    let p = &ds.people[i];
    let me = i as u16;
    // Who they were and what they did first; then their names in every
    // spelling, then whom and what they are connected with.
    view! {
        <p class="kicker">"Person"</p>
        <h1>{p.name}</h1>
        <p class="lede">{with_terms(&mut term_page(), p.summary)}</p>
        {facts(i)}
        {deeds(i)}
        {section("names", "Names", "Every spelling the sources use, and which source uses which.",
            name_table(p.names, Some(p.name), "Spelling"))}
        {(!p.epithets.is_empty()).then(|| view! {
            <h3>"Epithets, pen names and titles"</h3>
            {name_table(p.epithets, None, "Epithet")}
        })}
        <super::network::Ego person=me />
        {connections(me)}
        {section("sources", "Sources", "", cites(p.cite).into_any())}
    }
    .into_any()
}

/// Life dates, strands (each linking to its timeline), key events, events.
fn facts(i: usize) -> impl IntoView {
    let ds = &DATASET;
    let p = &ds.people[i];
    let timeline = Filter::of(Facet::Person, i as u32).href(ds);
    let life = |label: &'static str, d: &'static Option<LifeDate>| {
        view! {
            <dt>{label}</dt>
            <dd>{match d {
                Some(l) => view! { <time>{l.date.display()}</time> " " {cite_line(l.cite)} }.into_any(),
                None => view! { <span class="unknown">"unknown"</span> }.into_any(),
            }}</dd>
        }
    };
    let key: Vec<&'static Event> = ds.events_of(p).filter(|e| e.key).collect();
    view! {
        <dl class="facts">
            {life("Born", &p.born)}
            {life("Died", &p.died)}
            <dt>"Strands"</dt><dd>{comma_list(p.tags.iter().map(|&t| strand_link(t)))}</dd>
            {(!key.is_empty()).then(|| view! {
                <dt>"Key events"</dt><dd>{comma_list(key.into_iter().map(event_link))}</dd>
            })}
            <dt>"Events"</dt><dd><a href=timeline>{format!("{} on the timeline", p.events.len())}</a></dd>
        </dl>
    }
}

/// What they did: roles and offices (each organisation linking to its page),
/// the organisations they belonged to, their events.
fn deeds(i: usize) -> impl IntoView {
    let ds = &DATASET;
    let p = &ds.people[i];
    let roles: Vec<Item> = p
        .roles
        .iter()
        .map(|r| {
            let named = role_org(ds, r).is_none();
            let org_page = r
                .org
                .map(|o| View::Org(ds.orgs[o as usize].id.into()).href());
            let lead = Some(r.date.map_or_else(|| "undated".into(), |d| d.display()));
            match (r.quoted, org_page) {
                // An official title quoted from the source keeps its words, in quotes.
                (true, _) => Item {
                    quoted: Some(r.role),
                    org: r.org,
                    ..Item::default()
                },
                // The role's words name the organisation: they link to its page.
                (false, Some(href)) if named => Item {
                    link: Some((href, r.role)),
                    ..Item::default()
                },
                (false, _) => Item {
                    text: format!(" {}", r.role),
                    org: r.org,
                    ..Item::default()
                },
            }
            .with(lead, r.cite)
        })
        .collect();
    let any_quoted = p.roles.iter().any(|r| r.quoted);
    let affiliations: Vec<Item> = p
        .affiliations
        .iter()
        .map(|&o| {
            let o = &ds.orgs[o as usize];
            Item {
                link: Some((View::Org(o.id.into()).href(), o.name)),
                ..Item::default()
            }
        })
        .collect();
    let events = event_items(ds.events_of(p));
    let events_body = if events.is_empty() {
        para("No event in Tarikh names this person.".into())
    } else {
        let timeline = Filter::of(Facet::Person, i as u32).href(ds);
        view! {
            <p><a href=timeline>{format!("Show these {} events on the timeline", events.len())}</a></p>
            {list("mini-timeline", true, "events", events)}
        }
        .into_any()
    };
    view! {
        {optional("roles", "Roles and offices",
            if any_quoted { "A title in quotation marks is the office's official title, quoted word for word from the source." } else { "" },
            "roles", "roles", roles)}
        {optional("affiliations", "Affiliations", "Organisations they belonged to; each links to its page.",
            "organisations", "inline-list", affiliations)}
        {section("events", "Events", "", events_body)}
    }
}

/// Whom and what they are connected with: stated relations, the people they
/// appear with, their places, the disputes concerning them.
fn connections(me: u16) -> impl IntoView {
    let ds = &DATASET;
    let p = &ds.people[me as usize];
    let relation_items: Vec<Item> = relations(ds, me)
        .into_iter()
        .map(|l| {
            // A note describes the person it was recorded about: on the other
            // side it is said of this person.
            let text = match l.note {
                Some(n) if l.derived => format!(" — {}: {n}", p.name),
                Some(n) => format!(" — {n}"),
                None => String::new(),
            };
            Item {
                lead: Some(ds.relation_kinds[l.kind as usize].id.into()),
                lead_class: "kind",
                cite: l.cite,
                ..person_item(l.other, text)
            }
        })
        .collect();
    let with: Vec<Item> = appears_with(ds, me)
        .into_iter()
        .map(|(o, n)| {
            let times = if n == 1 {
                "1 event".into()
            } else {
                format!("{n} events")
            };
            person_item(o, format!(" ({times})"))
        })
        .collect();
    let filter = Filter::of(Facet::Person, me as u32);
    let timeline = filter.href(ds);
    let places: Vec<Item> = places_of(ds, me)
        .into_iter()
        .map(|(pl, n)| {
            let place = &ds.places[pl as usize];
            Item {
                link: Some((format!("{timeline}&place={}", place.id), place.name)),
                text: format!(" ({n})"),
                ..Item::default()
            }
        })
        .collect();
    let map_href = crate::core::map::MapState::of(filter).href(ds);
    let relations_body = if relation_items.is_empty() {
        para("The sources state no family, teacher, colleague or adversary relation.".into())
    } else {
        list("relations", false, "relations", relation_items)
    };
    view! {
        {section("relations", "Relations",
            "As the sources state them; a relation recorded on the other person is shown here from this side.",
            relations_body)}
        {optional("appears-with", "Appears with",
            "People named in the same events (not a stated relation), most shared events first.",
            "people", "appears inline-list", with)}
        {optional("places", "Places", "Where their events happened, with the number of events there.",
            "places", "places inline-list", places)}
        {(!p.events.is_empty()).then(|| view! { <p><a href=map_href>"Their events on the map"</a></p> })}
        {optional("disputes", "Disputes", "Where the sources disagree on something concerning this person.",
            "disputes", "disputes", dispute_items(ds.disputes_of(me)))}
    }
}

/// Names (or epithets) with the sources that use each; the canonical one marked.
fn name_table(
    list: &'static [Name],
    canonical: Option<&'static str>,
    what: &'static str,
) -> AnyView {
    view! {
        <table class="names">
            <thead><tr><th scope="col">{what}</th><th scope="col">"Used in"</th></tr></thead>
            <tbody>
                {list.iter().map(|n| view! {
                    <tr>
                        <th scope="row">{n.name}
                            {(Some(n.name) == canonical).then_some(view! { <span class="muted">" (canonical)"</span> })}</th>
                        <td>{DATASET.name_sources(n)}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

/// An id that is no one's: the people whose names come closest.
fn unknown(id: String) -> AnyView {
    let ds = &DATASET;
    // No id is this long: a few words are plenty to go by (and bound the work).
    let id = clip(&id, MAX_TEXT).to_string();
    let similar: Vec<Item> = names()
        .similar(ds, &id, 5)
        .into_iter()
        .map(|s| person_item(s, format!(" — {}", ds.people[s as usize].summary)))
        .collect();
    let search = IndexState {
        q: id.replace('-', " "),
        ..IndexState::default()
    }
    .href(ds);
    view! {
        <NotFound what=format!("person “{}”", shown(&id))>
            {(!similar.is_empty()).then(|| view! { <p>"Did you mean:"</p> {list("suggested", false, "people", similar)} })}
            <p><a href=search>"Search the people index"</a> " or " <a href=View::People.href()>"see everyone"</a> "."</p>
        </NotFound>
    }
    .into_any()
}
