//! One person: every spelling and which source uses it, epithets, life dates,
//! roles, affiliations, their events, stated relations (both sides), the people
//! they appear with, places, disputes and sources. An unknown id suggests the
//! people with the closest names.
//!
//! Every list on the page is made of the same [`Item`], rendered by one
//! function: one view shape instead of one per section keeps the wasm small.

use super::common::{cite_line, cites, comma_list, names, term_page, with_terms};
use super::not_found::NotFound;
use crate::core::dataset::DATASET;
use crate::core::filter::{Facet, Filter};
use crate::core::link::LinkState;
use crate::core::link::{clip, shown, MAX_TEXT};
use crate::core::model::{Cite, LifeDate, Name};
use crate::core::people::{appears_with, places_of, relations, role_org, role_text};
use crate::core::people::{Facet as PeopleFacet, IndexState};
use crate::core::route::View;
use leptos::prelude::*;

/// How many items a long list shows before "Show all".
const SHOWN: usize = 12;

/// One line of a list: a lead (a date or a kind), a link, text, citations.
#[derive(Clone, Default)]
struct Item {
    lead: Option<String>,
    lead_class: &'static str,
    link: Option<(String, &'static str)>,
    /// Words quoted from a source (an official title), shown as a quotation.
    quoted: Option<&'static str>,
    text: String,
    cite: &'static [Cite],
}

fn item(it: Item) -> AnyView {
    view! {
        <li>
            {it.lead.map(|l| view! { <span class=it.lead_class>{l}</span> })}
            {it.link.map(|(href, t)| view! { <a href=href>{t}</a> })}
            {it.quoted.map(|q| view! { " " <q class="quoted-title">{q}</q> })}
            {it.text}
            {(!it.cite.is_empty()).then(|| cite_line(it.cite))}
        </li>
    }
    .into_any()
}

fn person_item(p: u16, text: String) -> Item {
    let o = &DATASET.people[p as usize];
    Item {
        link: Some((View::Person(o.id.into()).href(), o.name)),
        text,
        ..Item::default()
    }
}

/// A list of items; past `SHOWN + 3` it starts short, with a button that shows
/// the rest (a person in hundreds of events still makes a small page).
fn list(class: &'static str, ordered: bool, what: &'static str, items: Vec<Item>) -> AnyView {
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
fn section(id: &'static str, title: &'static str, note: &'static str, body: AnyView) -> AnyView {
    view! {
        <h2 id=id>{title}</h2>
        {(!note.is_empty()).then(|| view! { <p class="muted small">{note}</p> })}
        {body}
    }
    .into_any()
}

fn para(text: String) -> AnyView {
    view! { <p>{text}</p> }.into_any()
}

#[component]
pub fn Person(id: String) -> impl IntoView {
    let ds = &DATASET;
    let Some(i) = ds.person_index(&id) else {
        return unknown(id);
    };
    let p = &ds.people[i];
    let me = i as u16;
    let timeline = Filter::of(Facet::Person, i as u32).href(ds);
    let map_href = crate::core::map::MapState::of(Filter::of(Facet::Person, i as u32)).href(ds);
    let n_events = p.events.len();

    let roles: Vec<Item> = p
        .roles
        .iter()
        .map(|r| {
            // An official title quoted from the source keeps its words, in quotes.
            let (quoted, text) = if r.quoted {
                (
                    Some(r.role),
                    role_org(ds, r)
                        .map(|o| format!(" ({o})"))
                        .unwrap_or_default(),
                )
            } else {
                (None, format!(" {}", role_text(ds, r)))
            };
            Item {
                lead: Some(r.date.map_or_else(|| "undated".into(), |d| d.display())),
                lead_class: "date",
                quoted,
                text,
                cite: r.cite,
                ..Item::default()
            }
        })
        .collect();
    let any_quoted = p.roles.iter().any(|r| r.quoted);
    let affiliations: Vec<Item> = p
        .affiliations
        .iter()
        .map(|&o| {
            let o = &ds.orgs[o as usize];
            Item {
                link: Some((format!("#/timeline?org={}", o.id), o.name)),
                ..Item::default()
            }
        })
        .collect();
    let events: Vec<Item> = ds
        .events_of(p)
        .map(|e| Item {
            lead: Some(e.date.display()),
            lead_class: "date",
            link: Some((View::Event(e.id.into()).href(), e.title)),
            ..Item::default()
        })
        .collect();
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
    let disputes: Vec<Item> = ds
        .disputes_of(me)
        .map(|d| Item {
            link: Some((View::Dispute(d.id.into()).href(), d.title)),
            ..Item::default()
        })
        .collect();

    let life = |label: &'static str, d: &'static Option<LifeDate>| {
        view! {
            <dt>{label}</dt>
            <dd>{match d {
                Some(l) => view! { <time>{l.date.display()}</time> " " {cite_line(l.cite)} }.into_any(),
                None => view! { <span class="unknown">"unknown"</span> }.into_any(),
            }}</dd>
        }
    };
    let strands = comma_list(p.tags.iter().map(|&t| {
        let mut strand = IndexState::default();
        strand.toggle(PeopleFacet::Strand, t as u32);
        let t = &ds.tags[t as usize];
        view! { <a href=strand.href(ds) title=t.description>{t.name}</a> }
    }));
    let events_body = if events.is_empty() {
        para("No event in Tarikh names this person.".into())
    } else {
        view! {
            <p><a href=timeline.clone()>{format!("Show these {n_events} events on the timeline")}</a></p>
            {list("mini-timeline", true, "events", events)}
        }
        .into_any()
    };
    let relations_body = if relation_items.is_empty() {
        para("The sources state no family, teacher, colleague or adversary relation.".into())
    } else {
        list("relations", false, "relations", relation_items)
    };
    let optional = |id, title, note, what, class, items: Vec<Item>| {
        (!items.is_empty()).then(|| section(id, title, note, list(class, false, what, items)))
    };
    view! {
        <p class="kicker">"Person"</p>
        <h1>{p.name}</h1>
        <p class="lede">{with_terms(&mut term_page(), p.summary)}</p>
        <dl class="facts">
            {life("Born", &p.born)}
            {life("Died", &p.died)}
            <dt>"Strands"</dt><dd>{strands}</dd>
            <dt>"Events"</dt><dd><a href=timeline>{format!("{n_events} on the timeline")}</a></dd>
        </dl>
        {section("names", "Names", "Every spelling the sources use, and which source uses which.",
            name_table(p.names, Some(p.name), "Spelling"))}
        {(!p.epithets.is_empty()).then(|| view! {
            <h3>"Epithets, pen names and titles"</h3>
            {name_table(p.epithets, None, "Epithet")}
        })}
        {optional("roles", "Roles and offices",
            if any_quoted { "A title in quotation marks is the office's official title, quoted word for word from the source." } else { "" },
            "roles", "roles", roles)}
        {optional("affiliations", "Affiliations", "Organisations they belonged to; each links to its events.",
            "organisations", "inline-list", affiliations)}
        {section("events", "Events", "", events_body)}
        <super::network::Ego person=me />
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
            "disputes", "disputes", disputes)}
        {section("sources", "Sources", "", cites(p.cite).into_any())}
    }
    .into_any()
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
