//! One person: every spelling and which source uses it, epithets, life dates,
//! roles, affiliations, their events, stated relations (both sides), the people
//! they appear with, places, disputes and sources. An unknown id suggests the
//! people with the closest names.

use super::common::{cite_line, cites, comma_list, dispute_link, event_link, names, person_link};
use super::not_found::NotFound;
use crate::core::dataset::DATASET;
use crate::core::model::{LifeDate, Name};
use crate::core::people::{appears_with, places_of, relations, role_text};
use crate::core::route::{encode, View};
use leptos::prelude::*;

/// How many events, co-appearing people and places show before "Show all".
const SHOWN: usize = 12;

#[component]
pub fn Person(id: String) -> impl IntoView {
    let ds = &DATASET;
    let Some(i) = ds.person_index(&id) else {
        return view! { <Unknown id /> }.into_any();
    };
    let p = &ds.people[i];
    let me = i as u16;
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
        let t = &ds.tags[t as usize];
        view! { <a href=format!("#/people?strand={}", t.id) title=t.description>{t.id}</a> }
    }));
    let roles = p
        .roles
        .iter()
        .map(|r| {
            let text = role_text(ds, r);
            view! {
                <li>
                    <span class="date">{r.date.map_or_else(|| "undated".to_string(), |d| d.display())}</span>
                    {format!(" {text}")} {cite_line(r.cite)}
                </li>
            }
        })
        .collect_view();
    let affiliations = comma_list(p.affiliations.iter().map(|&o| {
        let o = &ds.orgs[o as usize];
        view! { <a href=format!("#/timeline?org={}", o.id)>{o.name}</a> }
    }));
    let timeline = format!("#/timeline?person={}", encode(p.id));
    let events: Vec<_> = ds.events_of(p).collect();
    let n_events = events.len();
    let links = relations(ds, me);
    let relation_items = links
        .iter()
        .map(|l| {
            let kind = ds.relation_kinds[l.kind as usize].id;
            // A note describes the person it was recorded about: on the other
            // side it is said of this person.
            let note = l.note.map(|n| {
                if l.derived {
                    format!(" — {}: {n}", p.name)
                } else {
                    format!(" — {n}")
                }
            });
            view! {
                <li>
                    <span class="kind">{kind}</span> {person_link(l.other)} {note} {cite_line(l.cite)}
                </li>
            }
        })
        .collect_view();
    let with = appears_with(ds, me);
    let places = places_of(ds, me);
    let disputes: Vec<u16> = ds
        .disputes
        .iter()
        .enumerate()
        .filter(|(_, d)| d.people.contains(&me))
        .map(|(k, _)| k as u16)
        .collect();
    debug_assert_eq!(disputes.len(), ds.disputes_of(me).count());
    view! {
        <p class="kicker">"Person"</p>
        <h1>{p.name}</h1>
        <p class="lede">{p.summary}</p>
        <dl class="facts">
            {life("Born", &p.born)}
            {life("Died", &p.died)}
            <dt>"Strands"</dt><dd>{strands}</dd>
            <dt>"Events"</dt><dd><a href=timeline.clone()>{format!("{n_events} on the timeline")}</a></dd>
        </dl>

        <h2 id="names">"Names"</h2>
        <p class="muted small">"Every spelling the sources use, and which source uses which."</p>
        {name_table(p.names, Some(p.name), "Spelling")}
        {(!p.epithets.is_empty()).then(|| view! {
            <h3>"Epithets, pen names and titles"</h3>
            {name_table(p.epithets, None, "Epithet")}
        })}

        {(!p.roles.is_empty()).then(|| view! {
            <h2 id="roles">"Roles and offices"</h2>
            <ul class="roles">{roles}</ul>
        })}
        {(!p.affiliations.is_empty()).then(|| view! {
            <h2 id="affiliations">"Affiliations"</h2>
            <p>{affiliations}</p>
        })}

        <h2 id="events">"Events"</h2>
        {if events.is_empty() {
            view! { <p>"No event in Tarikh names this person."</p> }.into_any()
        } else {
            view! {
                <p><a href=timeline>{format!("Show these {n_events} events on the timeline")}</a></p>
                <Capped label="events" total=n_events list_class="mini-timeline" ordered=true
                    item=move |k| {
                        let e = events[k];
                        view! { <li>{event_link(e)}</li> }.into_any()
                    } />
            }.into_any()
        }}

        <h2 id="relations">"Relations"</h2>
        {if links.is_empty() {
            view! { <p>"The sources state no family, teacher, colleague or adversary relation."</p> }.into_any()
        } else {
            view! {
                <p class="muted small">"As the sources state them; a relation recorded on the other person is shown here from this side."</p>
                <ul class="relations">{relation_items}</ul>
            }.into_any()
        }}

        {(!with.is_empty()).then(|| {
            let total = with.len();
            view! {
                <h2 id="appears-with">"Appears with"</h2>
                <p class="muted small">"People named in the same events (not a stated relation), most shared events first."</p>
                <Capped label="people" total list_class="appears" ordered=false
                    item=move |k| {
                        let (o, n) = with[k];
                        let times = if n == 1 { "1 event".to_string() } else { format!("{n} events") };
                        view! { <li>{person_link(o)} <span class="n">{format!(" ({times})")}</span></li> }.into_any()
                    } />
            }
        })}

        {(!places.is_empty()).then(|| {
            let total = places.len();
            let person = p.id;
            view! {
                <h2 id="places">"Places"</h2>
                <p class="muted small">"Where their events happened, with the number of events there."</p>
                <Capped label="places" total list_class="places" ordered=false
                    item=move |k| {
                        let (pl, n) = places[k];
                        let place = &ds.places[pl as usize];
                        view! {
                            <li><a href=format!("#/timeline?person={person}&place={}", place.id)>{place.name}</a>
                                <span class="n">{format!(" ({n})")}</span></li>
                        }.into_any()
                    } />
            }
        })}

        {(!disputes.is_empty()).then(|| view! {
            <h2 id="disputes">"Disputes"</h2>
            <p class="muted small">"Where the sources disagree on something concerning this person."</p>
            <ul class="disputes">{disputes.into_iter().map(|d| view! { <li>{dispute_link(d)}</li> }).collect_view()}</ul>
        })}

        <h2 id="sources">"Sources"</h2>
        {cites(p.cite)}
    }
    .into_any()
}

/// Names (or epithets) with the sources that use each; the canonical one marked.
fn name_table(
    list: &'static [Name],
    canonical: Option<&'static str>,
    what: &'static str,
) -> impl IntoView {
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
}

/// The first `SHOWN` items of a list, and a button that shows the rest: a person
/// in hundreds of events still makes a small page.
#[component]
fn Capped(
    label: &'static str,
    total: usize,
    list_class: &'static str,
    ordered: bool,
    item: impl Fn(usize) -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    let all = RwSignal::new(total <= SHOWN + 3);
    let item = StoredValue::new(item);
    let items = move || {
        let n = if all.get() { total } else { SHOWN };
        (0..n).map(|k| item.with_value(|f| f(k))).collect_view()
    };
    let list = if ordered {
        view! { <ol class=list_class>{items}</ol> }.into_any()
    } else {
        view! { <ul class=list_class>{items}</ul> }.into_any()
    };
    view! {
        {list}
        {move || (!all.get()).then(|| view! {
            <button type="button" class="secondary show-all" on:click=move |_| all.set(true)>
                {format!("Show all {total} {label}")}
            </button>
        })}
    }
}

/// An id that is no one's: the people whose names come closest.
#[component]
fn Unknown(id: String) -> impl IntoView {
    let ds = &DATASET;
    let similar = names().similar(ds, &id, 5);
    let search = format!(
        "{}?q={}",
        View::People.href(),
        encode(&id.replace('-', " "))
    );
    let suggestions = (!similar.is_empty()).then(|| {
        view! {
            <p>"Did you mean:"</p>
            <ul class="suggested">
                {similar.into_iter().map(|s| {
                    let p = &ds.people[s as usize];
                    view! { <li>{person_link(s)} " — " {p.summary}</li> }
                }).collect_view()}
            </ul>
        }
    });
    view! {
        <NotFound what=format!("person “{id}”")>
            {suggestions}
            <p><a href=search>"Search the people index"</a> " or " <a href=View::People.href()>"see everyone"</a> "."</p>
        </NotFound>
    }
}
