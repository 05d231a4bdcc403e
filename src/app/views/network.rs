//! The web of people (`#/network?<people index filter>&sel=<id>&at=…`): the
//! people of a strand or role as a picture — nodes sized by their events, lines
//! coloured by relation kind, the chosen person's neighbourhood highlighted —
//! with zoom and pan (wheel, drag, pinch, keys, buttons; shared with the map in `pan.rs`) and a table as the accessible
//! alternative; and the small picture of one person's relations on their page
//! ([`Ego`]). Where everything sits is decided by `core::network`.

use super::common::{names, Notices};
use super::pan::{MarkLink, Moves, PanBox, Surface, ZoomButtons};
use crate::app::link::Linked;
use crate::core::dataset::DATASET;
use crate::core::link::LinkState;
use crate::core::map::num::fixed;
use crate::core::network::{
    ego, frame, layout, named, ring, web, Camera, Edge, Group, NetworkState, Placed, Screen, Web,
};
use crate::core::people::{apply, Facet, IndexState};
use crate::core::route::View;
use leptos::prelude::*;

/// Pairs named in at least this many events get an "appears with" line.
const MIN_SHARED: u32 = 2;
/// Rows of the table before "Show all".
const ROWS: usize = 40;

fn name_of(p: u16) -> &'static str {
    DATASET.people[p as usize].name
}

/// The words of a node: "Alikhan Bukeikhan: 109 events, 12 lines".
fn node_words(w: &Web, i: usize) -> String {
    let lines = w.neighbours(i).len();
    let ev = w.events[i];
    format!(
        "{}: {ev} {}, {lines} {}",
        name_of(w.people[i]),
        if ev == 1 { "event" } else { "events" },
        if lines == 1 { "line" } else { "lines" }
    )
}

#[component]
pub fn Network() -> impl IntoView {
    let ds = &DATASET;
    let link = Linked::<NetworkState>::provide();
    // Which people, apart from where the picture looks: a zoom or pan (`at`)
    // changes neither the people, nor the lines, nor the table.
    let chosen = Memo::new(move |_| link.state.with(|s| s.people.clone()));
    let people = Memo::new(move |_| chosen.with(|c| apply(ds, names(), c).people));
    let graph = Memo::new(move |_| people.with(|p| web(ds, p, MIN_SHARED)));
    let placed = Memo::new(move |_| graph.with(layout));
    let sel = Memo::new(move |_| {
        let s = link.state.with(|s| s.sel);
        graph.with(|g| s.and_then(|p| g.node_of(p)))
    });
    let count = move || {
        let (n, e) = graph.with(|g| (g.people.len(), g.edges.len()));
        format!(
            "{n} {}, {e} {}",
            if n == 1 { "person" } else { "people" },
            if e == 1 { "line" } else { "lines" }
        )
    };
    let index_href = move || link.state.with(|s| s.people.href(ds));
    view! {
        <h1>"Web of people"</h1>
        <p class="lede">"Who stood with whom: each circle is a person, larger the more events they are in; coloured lines are relations the sources state, grey lines join people named in the same events."</p>
        <p class="print-only">{move || link.state.with(|s| format!("People: {}.", describe(&s.people)))}</p>
        <Notices notices=link.notices />
        <Choose link />
        <div class="map-bar">
            <p role="status" aria-live="polite" class="count">{count}</p>
            <a href=index_href>"These people in the index"</a>
        </div>
        <WebBox link graph placed sel />
        <Chosen link graph sel />
        <Legend />
        <Table link graph />
    }
}

/// The selection in words, for print.
fn describe(s: &IndexState) -> String {
    let ds = &DATASET;
    let mut parts: Vec<String> = Vec::new();
    if !s.strands.is_empty() {
        let t: Vec<&str> = s.strands.iter().map(|&t| ds.tags[t as usize].id).collect();
        parts.push(format!("strand {}", t.join(", ")));
    }
    if !s.roles.is_empty() {
        let t: Vec<&str> = s
            .roles
            .iter()
            .map(|&t| ds.org_kinds[t as usize].id)
            .collect();
        parts.push(format!("role {}", t.join(", ")));
    }
    if !s.q.trim().is_empty() {
        parts.push(format!("names matching “{}”", s.q.trim()));
    }
    if parts.is_empty() {
        "everyone".into()
    } else {
        parts.join("; ")
    }
}

/// Which people: one strand or role at a time (links; the index offers more).
#[component]
fn Choose(link: Linked<NetworkState>) -> impl IntoView {
    let ds = &DATASET;
    // Not redrawn by a zoom or pan (`at`): only the people and the highlight count.
    let now = Memo::new(move |_| link.state.with(|s| (s.people.clone(), s.sel)));
    let item = move |label: &'static str, title: &'static str, people: IndexState| {
        let current = now.with(|(p, _)| *p == people);
        let href = now.with(|&(_, sel)| {
            NetworkState {
                people,
                sel,
                at: None,
            }
            .href(ds)
        });
        view! { <li><a href=href title=title aria-current=current.then_some("true") class="chip-link">{label}</a></li> }
    };
    move || {
        let mut strands = vec![item("everyone", "every person", IndexState::default())];
        for (i, t) in ds.tags.iter().enumerate() {
            let mut s = IndexState::default();
            s.toggle(Facet::Strand, i as u32);
            strands.push(item(t.id, t.description, s));
        }
        let roles = ds
            .org_kinds
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let mut s = IndexState::default();
                s.toggle(Facet::Role, i as u32);
                item(t.id, t.description, s)
            })
            .collect_view();
        view! {
            <nav class="net-choose no-print" aria-label="Whose web">
                <p>"Strand: "</p><ul class="inline-list">{strands}</ul>
                <p>"Role (office or membership in a…): "</p><ul class="inline-list">{roles}</ul>
            </nav>
        }
    }
}

/// The chosen person: their lines in words, and the ways on.
#[component]
fn Chosen(link: Linked<NetworkState>, graph: Memo<Web>, sel: Memo<Option<usize>>) -> impl IntoView {
    let ds = &DATASET;
    move || {
        let i = sel.get()?;
        let (p, lines) = graph.with(|g| {
            let p = g.people[i];
            let mut lines: Vec<(String, u16)> = g
                .edges
                .iter()
                .filter(|e| e.a as usize == i || e.b as usize == i)
                .map(|e| {
                    let other = if e.a as usize == i { e.b } else { e.a };
                    (line_words(e, e.a as usize == i), g.people[other as usize])
                })
                .collect();
            lines.sort_by_key(|l| {
                (
                    l.0.ends_with("events") || l.0.ends_with("event"),
                    name_of(l.1),
                )
            });
            (p, lines)
        });
        let items = lines
            .into_iter()
            .map(|(words, o)| {
                view! { <li><a href=View::Person(ds.people[o as usize].id.into()).href()>{name_of(o)}</a> {format!(" — {words}")}</li> }
            })
            .collect_view();
        // (A closure: a zoom rewrites this link, not the section.)
        let clear = move || {
            link.state.with(|s| {
                NetworkState {
                    sel: None,
                    ..s.clone()
                }
                .href(ds)
            })
        };
        Some(view! {
            <section class="map-chosen" aria-labelledby="net-chosen-h">
                <h2 id="net-chosen-h">"Highlighted: " <a href=View::Person(ds.people[p as usize].id.into()).href()>{name_of(p)}</a></h2>
                <ul class="inline-list">{items}</ul>
                <p><a href=clear>"Highlight no one"</a></p>
            </section>
        })
    }
}

/// A line in words from one end: "sibling" (what the other is to this one),
/// "3 shared events".
fn line_words(e: &Edge, from_a: bool) -> String {
    let ds = &DATASET;
    match e.kind {
        Some(k) if from_a => ds.relation_kinds[k as usize].id.to_string(),
        // Seen from the other end the kind turns round (parent ⇄ child).
        Some(k) => {
            crate::core::model::inverse_relation(ds.relation_kinds[k as usize].id).to_string()
        }
        None => e.label(ds),
    }
}

/// The picture, zoomed and panned through the link (gestures and keys: `pan.rs`).
#[component]
fn WebBox(
    link: Linked<NetworkState>,
    graph: Memo<Web>,
    placed: Memo<Placed>,
    sel: Memo<Option<usize>>,
) -> impl IntoView {
    let ds = &DATASET;
    let surface = Surface::new(Screen { w: 800.0, h: 560.0 });
    let (screen, drag, readout) = (surface.screen, surface.drag, surface.readout);
    let frame_now = move || placed.with_untracked(|p| frame(p.w, p.h));
    let cam = Memo::new(move |_| {
        let (w, h) = placed.with(|p| (p.w, p.h));
        link.state.with(|s| s.camera(w, h))
    });
    let go = move |c: Camera| link.replace(|s| s.set_camera(c));
    let zoom_at = Callback::new(move |(f, x, y)| {
        go(cam
            .get_untracked()
            .zoom_at(f, x, y, screen.get_untracked(), frame_now()))
    });
    let moves = Moves {
        zoom_at,
        wheel: zoom_at,
        pan: Callback::new(move |(dx, dy)| {
            go(cam
                .get_untracked()
                .pan(dx, dy, screen.get_untracked(), frame_now()))
        }),
        home: Callback::new(move |()| link.replace(|st| st.at = None)),
    };
    let view_box = move || {
        let f = placed.with(|p| frame(p.w, p.h));
        let (s, c) = (screen.get(), cam.get());
        let (x, y, vw, vh) = c.view_box(s, f);
        let k = c.scale(s, f);
        let (dx, dy) = drag.get();
        format!(
            "{} {} {} {}",
            fixed(x - dx / k, 1),
            fixed(y - dy / k, 1),
            fixed(vw, 1),
            fixed(vh, 1)
        )
    };
    // Nodes, lines and names are drawn once per selection (zoom and pan only
    // change the viewBox).
    let drawing = move || {
        let s = sel.get();
        graph.with(|g| placed.with(|p| draw(g, p, s, readout)))
    };
    let s_w = move || fixed(screen.get().w, 0);
    let s_h = move || fixed(screen.get().h, 0);
    view! {
        <div class="map-wrap">
            <PanBox surface moves class="map-box net-box" height=|w| (w * 0.7).clamp(320.0, 680.0)
                label="The web of people. Arrow keys move it, plus and minus zoom, 0 shows it whole; Tab goes through the people.">
                <svg class="net-svg" viewBox=view_box preserveAspectRatio="xMidYMid meet" focusable="false" width=s_w height=s_h>
                    {drawing}
                </svg>
            </PanBox>
            <ZoomButtons surface moves>
                <a href=move || link.state.with(|s| NetworkState { at: None, ..s.clone() }.href(ds))>"Whole web"</a>
            </ZoomButtons>
        </div>
    }
}

/// The lines, the nodes (links to each person's page) and the names that fit.
fn draw(g: &Web, p: &Placed, sel: Option<usize>, readout: RwSignal<Option<String>>) -> AnyView {
    let ds = &DATASET;
    let near: Vec<u32> = sel.map(|i| g.neighbours(i)).unwrap_or_default();
    let lit = |i: usize| sel == Some(i) || near.binary_search(&(i as u32)).is_ok();
    let lines = g
        .edges
        .iter()
        .map(|e| {
            let (a, b) = (e.a as usize, e.b as usize);
            let mut class = e.group(ds).class().to_string();
            if sel.is_some() {
                class.push_str(if sel == Some(a) || sel == Some(b) { " lit" } else { " dim" });
            }
            let width = match e.kind {
                Some(_) => "2.5".to_string(),
                None => fixed(0.8 + 0.4 * f64::from(e.shared.min(6)), 1),
            };
            view! {
                <line class=class x1=fixed(p.x[a], 1) y1=fixed(p.y[a], 1) x2=fixed(p.x[b], 1) y2=fixed(p.y[b], 1)
                    stroke-width=width />
            }
        })
        .collect_view();
    let chars: Vec<usize> = g
        .people
        .iter()
        .map(|&q| name_of(q).chars().count())
        .collect();
    let mut rank: Vec<(u32, u32)> = (0..g.people.len() as u32)
        .map(|i| {
            let first = if lit(i as usize) { 0 } else { 1 };
            (first << 16 | (0xFFFF - g.events[i as usize].min(0xFFFF)), i)
        })
        .collect();
    rank.sort_unstable();
    let rank: Vec<u32> = rank.into_iter().map(|r| r.1).collect();
    let mut shown = named(p, &chars, &rank);
    // The highlighted person is always named.
    if let Some(i) = sel {
        shown[i] = true;
    }
    let nodes = (0..g.people.len())
        .map(|i| {
            let person = &ds.people[g.people[i] as usize];
            let words = node_words(g, i);
            let class = match (sel == Some(i), sel.is_some() && !lit(i), lit(i)) {
                (true, _, _) => "node chosen",
                (_, true, _) => "node dim",
                (_, _, true) => "node lit",
                _ => "node",
            };
            let (cx, cy, r) = (fixed(p.x[i], 1), fixed(p.y[i], 1), fixed(p.r[i], 1));
            view! {
                <MarkLink readout class href=View::Person(person.id.into()).href() words person=person.id>
                    <circle cx=cx cy=cy r=r />
                </MarkLink>
            }
        })
        .collect_view();
    let labels = (0..g.people.len())
        .filter(|&i| shown[i])
        .map(|i| {
            let (x, y, anchor) = p.label[i];
            view! { <text class="mark-name" x=fixed(x, 1) y=fixed(y, 1) text-anchor=anchor>{name_of(g.people[i])}</text> }
        })
        .collect_view();
    view! {
        <g class="net-lines" aria-hidden="true">{lines}</g>
        <g class="net-nodes">{nodes}</g>
        <g class="net-names" aria-hidden="true">{labels}</g>
    }
    .into_any()
}

/// The colours in words.
#[component]
fn Legend() -> impl IntoView {
    view! {
        <div class="map-legend">
            <ul class="legend-keys">
                {Group::ALL.iter().map(|g| view! {
                    <li><svg width="28" height="12" aria-hidden="true"><line class=g.class() x1="2" y1="6" x2="26" y2="6" stroke-width="3" /></svg>
                        " " {g.label()}</li>
                }).collect_view()}
            </ul>
            <p class="muted small">"Each circle is a person, the larger the more events they are in; choose one to open their page. Where each one sits is computed from the lines alone, the same on every screen: nearness means connection, not place or rank."</p>
        </div>
    }
}

/// The people as a table: the accessible alternative to the picture.
#[component]
fn Table(link: Linked<NetworkState>, graph: Memo<Web>) -> impl IntoView {
    let ds = &DATASET;
    let all = RwSignal::new(false);
    view! {
        <section class="map-table net-table" aria-labelledby="net-table-h">
            <h2 id="net-table-h">"The people and their lines"</h2>
            {move || graph.with(|g| {
                let total = g.people.len();
                let n = if all.get() { total } else { total.min(ROWS) };
                let mut order: Vec<(u32, usize)> = (0..total).map(|i| (u32::MAX - g.events[i], i)).collect();
                order.sort_unstable();
                let rows = order.iter().take(n).map(|&(_, i)| {
                    let person = &ds.people[g.people[i] as usize];
                    let mut rel: Vec<String> = Vec::new();
                    let mut with: Vec<&str> = Vec::new();
                    for e in g.edges.iter().filter(|e| e.a as usize == i || e.b as usize == i) {
                        let other = g.people[if e.a as usize == i { e.b } else { e.a } as usize];
                        match e.kind {
                            Some(_) => rel.push(format!("{} ({})", name_of(other), line_words(e, e.a as usize == i))),
                            None => with.push(name_of(other)),
                        }
                    }
                    // Each link follows the view (a zoom rewrites 40 links, not the table).
                    let pid = g.people[i];
                    let hl = move || link.state.with(|s| NetworkState { sel: Some(pid), ..s.clone() }.href(ds));
                    view! {
                        <tr>
                            <th scope="row"><a href=View::Person(person.id.into()).href()>{person.name}</a></th>
                            <td class="num">{g.events[i]}</td>
                            <td>{rel.join(", ")}</td>
                            <td>{with.join(", ")}</td>
                            <td><a href=hl aria-label=format!("Highlight {}", person.name)>"Highlight"</a></td>
                        </tr>
                    }
                }).collect_view();
                view! {
                    <table>
                        <thead><tr><th scope="col">"Person"</th><th scope="col" class="num">"Events"</th>
                            <th scope="col">"Stated relations here"</th><th scope="col">"Named in the same events"</th><th scope="col">"In the picture"</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                    {(total > n).then(|| view! {
                        <button type="button" class="secondary show-all" on:click=move |_| all.set(true)>{format!("Show all {total} people")}</button>
                    })}
                }
            })}
        </section>
    }
}

/// One person's relations and the people they most often appear with, as a
/// small ring around them (their page keeps the lists as the accessible view).
#[component]
pub fn Ego(person: u16) -> impl IntoView {
    let ds = &DATASET;
    // Up to 24 people around: every relation, and 3 to 8 companions.
    let n_rel = {
        let mut o: Vec<u16> = crate::core::people::relations(ds, person)
            .iter()
            .map(|l| l.other)
            .collect();
        o.sort_unstable();
        o.dedup();
        o.len()
    };
    let g = ego(ds, person, 24usize.saturating_sub(n_rel).clamp(3, 8));
    if g.people.len() < 2 {
        return ().into_any();
    }
    let p = ring(&g);
    let lines = g
        .edges
        .iter()
        .map(|e| {
            let b = e.b as usize;
            let (x0, y0, x1, y1) = (p.x[0], p.y[0], p.x[b], p.y[b]);
            // The kind is written along the line, most of the way out (where the
            // lines are furthest apart), turned like the name.
            let (lx, ly) = (x0 + (x1 - x0) * 0.7, y0 + (y1 - y0) * 0.7);
            let text = match e.kind {
                Some(k) => ds.relation_kinds[k as usize].id.to_string(),
                None => format!("{}×", e.shared),
            };
            let turn = format!("rotate({} {} {})", p.turn[b], fixed(lx, 1), fixed(ly, 1));
            view! {
                <line class=e.group(ds).class() x1=fixed(x0, 1) y1=fixed(y0, 1) x2=fixed(x1, 1) y2=fixed(y1, 1)
                    stroke-width=if e.kind.is_some() { "2.5" } else { "1.5" } />
                <text class="edge-name" x=fixed(lx, 1) y=fixed(ly, 1) dy="-3" text-anchor="middle" transform=turn>{text}</text>
            }
        })
        .collect_view();
    let nodes = (0..g.people.len())
        .map(|i| {
            let o = &ds.people[g.people[i] as usize];
            let (lx, ly, anchor) = p.label[i];
            let circle = view! { <circle cx=fixed(p.x[i], 1) cy=fixed(p.y[i], 1) r=fixed(p.r[i], 1) /> };
            // Written along the spoke (a ring of many names stays legible).
            let turn = (p.turn[i] != 0).then(|| format!("rotate({} {} {})", p.turn[i], fixed(lx, 1), fixed(ly, 1)));
            let name = view! { <text class="mark-name" x=fixed(lx, 1) y=fixed(ly, 1) text-anchor=anchor dominant-baseline="central" transform=turn>{o.name}</text> };
            if i == 0 {
                view! { <g class="node chosen" aria-hidden="true">{circle}{name}</g> }.into_any()
            } else {
                let words = match g.edges[i - 1].kind {
                    Some(k) => format!("{}: {}", o.name, ds.relation_kinds[k as usize].id),
                    None => format!("{}: in {} of the same events", o.name, g.edges[i - 1].shared),
                };
                view! { <g><a class="node" href=View::Person(o.id.into()).href() aria-label=words data-person=o.id>{circle}{name}</a></g> }.into_any()
            }
        })
        .collect_view();
    let n_with = g.edges.len() - n_rel;
    let label = format!(
        "A picture of {}’s {n_rel} stated {} and the {n_with} {} they most often appear with; the lists below say the same in words.",
        ds.people[person as usize].name,
        if n_rel == 1 { "relation" } else { "relations" },
        if n_with == 1 { "person" } else { "people" }
    );
    let mut strand = IndexState::default();
    if let Some(&t) = ds.people[person as usize].tags.first() {
        strand.toggle(Facet::Strand, u32::from(t));
    }
    let web_href = NetworkState {
        people: strand,
        sel: Some(person),
        at: None,
    }
    .href(ds);
    view! {
        <figure class="ego">
            <svg class="net-svg ego-svg" viewBox=format!("0 0 {} {}", fixed(p.w, 0), fixed(p.h, 0)) role="group" aria-label=label>
                <g class="net-lines" aria-hidden="true">{lines}</g>
                <g class="net-nodes">{nodes}</g>
            </svg>
            <figcaption class="muted small">"Coloured lines: relations the sources state (family, teacher, colleague, ally, adversary); grey lines: the people most often named in the same events (“3×”: three events). "
                <a href=web_href>"In the web of people"</a></figcaption>
        </figure>
    }
    .into_any()
}
