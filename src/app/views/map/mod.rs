//! The map (`#/map?<timeline filter>`): a marker per place of the selection,
//! sized by its events, clusters with a count, names that don't collide; a year
//! control that plays the story through `from`/`to`; zoom and pan (wheel, drag,
//! pinch, keys, buttons); the places as a table. Everything drawn is decided by
//! `core::map`; this view measures the box, passes gestures to the camera and
//! lays out what comes back.

mod basemap;
pub mod place;
mod wheel;

use super::common::{event_link, Notices};
use super::pan::{MarkLink, Moves, PanBox, Surface, ZoomButtons};
use crate::app::link::Linked;
use crate::core::dataset::{DATASET, SEARCH};
use crate::core::filter::{apply, Facet, Filter, FIRST_YEAR, LAST_YEAR};
use crate::core::link::LinkState;
use crate::core::map::num::fixed;
use crate::core::map::{
    describe, fit_spots, layout, spots, At, Basemap, Camera, Layout, MapState, Mark, PresentLink,
    Pt, Screen, Spot,
};
use crate::core::route::View;
use crate::core::timeline::TimelineState;
use leptos::prelude::*;
use std::sync::Arc;
use wheel::Preview;

/// How many rows the table of places shows before "Show all".
const ROWS: usize = 40;

#[component]
pub fn Map() -> impl IntoView {
    let ds = &DATASET;
    let link = Linked::<MapState>::provide();
    let filter = Memo::new(move |_| link.state.with(|s| s.filter.clone()));
    let outcome = Memo::new(move |_| filter.with(|f| apply(ds, &SEARCH, f)));
    let spots = Memo::new(move |_| outcome.with(|o| spots(ds, &o.events)));
    let surface = Surface::new(Screen { w: 800.0, h: 480.0 });
    let screen = surface.screen;
    let cam = Memo::new(move |_| {
        let s = screen.get();
        link.state.with(|st| st.camera(s))
    });
    let lay = Memo::new(move |_| {
        let (s, c) = (screen.get(), cam.get());
        spots.with(|sp| layout(ds.places, sp, &c, s))
    });
    let base = basemap::resource();

    let count_text = move || {
        let (n, p) = (outcome.with(|o| o.events.len()), spots.with(Vec::len));
        let ev = if n == 1 { "event" } else { "events" };
        let pl = if p == 1 { "place" } else { "places" };
        format!("{n} {ev} at {p} {pl}")
    };

    view! {
        <h1>"Map"</h1>
        <p class="lede">"Where the events happened: each circle is a place, larger the more events of this selection happen there."</p>
        <p class="print-only">{move || format!("Filter: {}.", filter.with(|f| f.describe(ds)))}</p>
        <Notices notices=link.notices />
        <div class="map-bar">
            <p role="status" aria-live="polite" class="count">{count_text}</p>
            <a href=move || filter.with(|f| TimelineState::of(f.clone()).href(ds))>"Show these events on the timeline"</a>
            <a href=move || filter.with(|f| PresentLink(f.clone()).href(ds))>"Present these events"</a>
        </div>
        <Years link filter />
        <Chosen link filter outcome />
        <MapBox parts=Parts { link, surface, cam, lay, spots, base, preview: Preview::new() } />
        <Outside link lay spots screen />
        <Legend link />
        <PlaceTable spots />
    }
}

/// The year control: one year (or the chosen range) at a time, stepped by
/// buttons or the slider, or played; it writes the filter's `from`/`to`.
#[component]
fn Years(link: Linked<MapState>, filter: Memo<Filter>) -> impl IntoView {
    let years = Memo::new(move |_| filter.with(|f| (f.from(), f.to())));
    let span = move || {
        let (a, b) = years.get();
        match (a, b) {
            (None, None) => "All years".to_string(),
            (Some(a), Some(b)) if a == b => a.to_string(),
            (a, b) => format!("{}–{}", a.unwrap_or(FIRST_YEAR), b.unwrap_or(LAST_YEAR)),
        }
    };
    // Moves the window [from, to] by its own length (one year when none is chosen).
    let step = move |dir: i32| {
        let (a, b) = years.get_untracked();
        let (a, b) = match (a, b) {
            (None, None) => (if dir > 0 { FIRST_YEAR } else { LAST_YEAR }, None),
            (a, b) => (a.unwrap_or(FIRST_YEAR), b),
        };
        let len = b.map_or(0, |b| b - a);
        let from = (a + dir * (len + 1)).clamp(FIRST_YEAR, LAST_YEAR - len);
        link.replace(|s| {
            s.filter.set_years(Some(from), Some(from + len));
        });
        from + len < LAST_YEAR
    };
    let playing = RwSignal::new(None::<IntervalHandle>);
    let stop = move || {
        if let Some(h) = playing.get_untracked() {
            h.clear();
            playing.set(None);
        }
    };
    let play = move |_| {
        if playing.get_untracked().is_some() {
            stop();
            return;
        }
        if years.get_untracked().1 == Some(LAST_YEAR) || years.get_untracked() == (None, None) {
            link.replace(|s| {
                let len = match (s.filter.from(), s.filter.to()) {
                    (Some(a), Some(b)) => b - a,
                    _ => 0,
                };
                s.filter.set_years(Some(FIRST_YEAR), Some(FIRST_YEAR + len));
            });
        }
        let h = set_interval_with_handle(
            move || {
                if !step(1) {
                    stop();
                }
            },
            std::time::Duration::from_millis(1200),
        );
        if let Ok(h) = h {
            playing.set(Some(h));
        }
    };
    on_cleanup(stop);
    let slider = move || years.get().0.unwrap_or(FIRST_YEAR).to_string();
    view! {
        <fieldset class="map-years no-print">
            <legend>"Years " <output class="map-year" aria-live="polite">{span}</output></legend>
            <button type="button" class="secondary" aria-label="Earlier" on:click=move |_| { stop(); step(-1); }>"◀"</button>
            <button type="button" class="secondary map-play" aria-pressed=move || playing.with(Option::is_some).to_string()
                on:click=play>{move || if playing.with(Option::is_some) { "Pause" } else { "Play" }}</button>
            <button type="button" class="secondary" aria-label="Later" on:click=move |_| { stop(); step(1); }>"▶"</button>
            <input type="range" min=FIRST_YEAR max=LAST_YEAR aria-label="Year" prop:value=slider
                on:input=move |ev| {
                    stop();
                    if let Ok(y) = event_target_value(&ev).parse::<i32>() {
                        link.replace(|s| { s.filter.set_years(Some(y), Some(y)); });
                    }
                } />
            <button type="button" class="secondary" disabled=move || years.get() == (None, None)
                on:click=move |_| { stop(); link.replace(|s| { s.filter.set_years(None, None); }); }>"All years"</button>
        </fieldset>
    }
}

/// The places the filter chose (a marker's link sets `place=`): their events
/// and where to go with them.
#[component]
fn Chosen(
    link: Linked<MapState>,
    filter: Memo<Filter>,
    outcome: Memo<crate::core::filter::Outcome>,
) -> impl IntoView {
    let ds = &DATASET;
    move || {
        let chosen: Vec<u32> = filter.with(|f| f.list(Facet::Place).to_vec());
        (!chosen.is_empty()).then(|| {
            let names = chosen
                .iter()
                .map(|&p| {
                    let p = &ds.places[p as usize];
                    view! { <a href=View::Place(p.id.into()).href()>{p.name}</a> }
                })
                .collect::<Vec<_>>();
            let names = super::common::comma_list(names);
            let events = outcome.with(|o| o.events.clone());
            let n = events.len();
            let list = events
                .iter()
                .take(8)
                .map(|&e| view! { <li>{event_link(&ds.events[e as usize])}</li> })
                .collect_view();
            let all = link.state.with(|s| {
                let mut s = s.clone();
                s.filter.clear(Facet::Place);
                s.href(ds)
            });
            let f = filter.get();
            view! {
                <section class="map-chosen" aria-labelledby="map-chosen-h">
                    <h2 id="map-chosen-h">"Events at " {names} {format!(" ({n})")}</h2>
                    <ul>{list}</ul>
                    {(n > 8).then(|| view! { <p class="muted small">{format!("and {} more", n - 8)}</p> })}
                    <p class="map-go">
                        <a href=TimelineState::of(f.clone()).href(ds)>"On the timeline"</a>
                        <a href=PresentLink(f).href(ds)>"Present these events"</a>
                        <a href=all>"Back to every place"</a>
                    </p>
                </section>
            }
        })
    }
}

/// What the map's box draws from.
#[derive(Clone, Copy)]
struct Parts {
    link: Linked<MapState>,
    surface: Surface,
    cam: Memo<Camera>,
    lay: Memo<Layout>,
    spots: Memo<Vec<Spot>>,
    base: LocalResource<Result<Arc<Basemap>, String>>,
    /// A wheel zoom under way, drawn before it is written to the link.
    preview: Preview,
}

/// The map itself: basemap, markers, names; gestures and keys move the camera
/// (`pan.rs`), through the link (replace: a pan is not a history entry).
#[component]
fn MapBox(parts: Parts) -> impl IntoView {
    let (link, surface, cam, spots) = (parts.link, parts.surface, parts.cam, parts.spots);
    let ds = &DATASET;
    let screen = surface.screen;
    let preview = parts.preview;
    let current = move || preview.current(cam);
    let go = move |c: Camera| {
        link.replace(|s| s.at = Some(At::of(&c)));
        preview.end();
    };
    let moves = Moves {
        zoom_at: Callback::new(move |(f, x, y)| {
            go(current().zoom_at(f, x, y, screen.get_untracked()))
        }),
        wheel: Callback::new(move |(f, x, y)| {
            preview.wheel(current().zoom_at(f, x, y, screen.get_untracked()), go)
        }),
        pan: Callback::new(move |(dx, dy)| go(current().pan(dx, dy, screen.get_untracked()))),
        home: Callback::new(move |()| {
            preview.end();
            link.replace(|st| st.at = None)
        }),
    };
    let every = move || {
        let s = screen.get();
        link.state.with(|st| {
            spots.with(|sp| {
                let at = At::of(&fit_spots(ds.places, sp, s, 24.0));
                MapState {
                    at: Some(at),
                    ..st.clone()
                }
                .href(ds)
            })
        })
    };
    let failed = move || {
        parts.base.get().and_then(|b| b.err()).map(|_| {
            view! { <p class="muted small">"The coastlines could not be loaded; the places are drawn on a plain background."</p> }
        })
    };
    view! {
        <div class="map-wrap">
            <PanBox surface moves class="map-box" height=|w| (w * 0.62).clamp(280.0, 620.0)
                label="Map of the places. Arrow keys move it, plus and minus zoom, 0 returns to Central Asia; Tab goes through the places.">
                <MapSvg parts />
            </PanBox>
            <ZoomButtons surface moves>
                <a href=move || link.state.with(|s| MapState { at: None, ..s.clone() }.href(&DATASET))>"Central Asia"</a>
                <a href=every>"Every place"</a>
            </ZoomButtons>
            {failed}
        </div>
    }
}

/// The picture: the basemap moved by the camera (and the drag under way),
/// the sea names, the markers and the place names.
#[component]
fn MapSvg(parts: Parts) -> impl IntoView {
    let Parts {
        link,
        surface,
        cam,
        lay,
        spots,
        base,
        preview,
    } = parts;
    let (screen, drag, readout) = (surface.screen, surface.drag, surface.readout);
    let view_box = move || {
        let s = screen.get();
        format!("0 0 {} {}", fixed(s.w, 0), fixed(s.h, 0))
    };
    // Map units → screen pixels, for the basemap group (plus the drag under way).
    let transform = move || {
        let (s, (dx, dy)) = (screen.get(), drag.get());
        let c = preview.get().unwrap_or_else(|| cam.get());
        let k = c.scale(s);
        format!(
            "translate({} {}) scale({})",
            fixed(s.w / 2.0 - c.centre.x * k + dx, 2),
            fixed(s.h / 2.0 - c.centre.y * k + dy, 2),
            fixed(k, 5)
        )
    };
    // The markers, names and sea labels: shifted by a drag, and moved by a wheel
    // zoom under way (until they are laid out for it).
    let shift = move || {
        let (dx, dy) = drag.get();
        match preview.get() {
            Some(to) => {
                let (tx, ty, k) = cam.get().relative(&to, screen.get());
                format!(
                    "translate({} {}) scale({})",
                    fixed(tx + dx, 1),
                    fixed(ty + dy, 1),
                    fixed(k, 4)
                )
            }
            None => format!("translate({} {})", fixed(dx, 1), fixed(dy, 1)),
        }
    };
    let sea_labels = move || {
        let (s, c) = (screen.get(), cam.get());
        base.get().and_then(Result::ok).map(|b| {
            b.labels
                .iter()
                .map(|(x, y, t)| {
                    let (sx, sy) = c.to_screen(Pt { x: *x, y: *y }, s);
                    view! { <text class="sea-label" x=fixed(sx, 0) y=fixed(sy, 0) text-anchor="middle">{t.clone()}</text> }
                })
                .collect_view()
        })
    };
    let marks = move || {
        let s = screen.get_untracked();
        let state = link.state.get();
        lay.with(|l| {
            spots.with(|sp| {
                l.marks
                    .iter()
                    .map(|m| marker(m, sp, &state, s, readout))
                    .collect_view()
            })
        })
    };
    view! {
        <svg class="map-svg" viewBox=view_box preserveAspectRatio="xMidYMid meet" focusable="false"
            width=move || fixed(screen.get().w, 0) height=move || fixed(screen.get().h, 0)>
            <g class="basemap" transform=transform aria-hidden="true">{basemap_paths(link, base)}</g>
            <g transform=shift>
                <g class="sea-labels" aria-hidden="true">{sea_labels}</g>
                <g class="marks">{marks}</g>
                <g class="mark-names" aria-hidden="true">{move || lay.with(names)}</g>
            </g>
        </svg>
    }
}

/// Sea, land, lakes and (when asked for) today's borders, in map units.
fn basemap_paths(
    link: Linked<MapState>,
    base: LocalResource<Result<Arc<Basemap>, String>>,
) -> impl IntoView {
    let borders = Memo::new(move |_| link.state.with(|s| s.borders));
    move || {
        base.get().map(|b| match b {
            Ok(b) => {
                let b2 = b.clone();
                view! {
                    <rect class="sea" x="0" y="0" width="2000" height="1294" />
                    <path class="land" d=b.land.clone() vector-effect="non-scaling-stroke" />
                    <path class="lake" d=b.lakes.clone() vector-effect="non-scaling-stroke" />
                    {move || borders.get().then(|| view! {
                        <path class="borders" d=b2.borders.clone() vector-effect="non-scaling-stroke" />
                    })}
                }
                .into_any()
            }
            Err(_) => ().into_any(),
        })
    }
}

/// The names of the labelled markers ("Tashkent +2" for a cluster).
fn names(l: &Layout) -> impl IntoView {
    let ds = &DATASET;
    l.marks
        .iter()
        .filter(|m| m.label)
        .map(|m| {
            let p = &ds.places[m.places[0] as usize];
            let text = if m.places.len() > 1 {
                format!("{} +{}", p.name, m.places.len() - 1)
            } else {
                p.name.to_string()
            };
            let (x, anchor) = if m.label_left { (m.x - m.r - 3.0, "end") } else { (m.x + m.r + 3.0, "start") };
            view! { <text class="mark-name" x=fixed(x, 1) y=fixed(m.y + 4.0, 1) text-anchor=anchor>{text}</text> }
        })
        .collect_view()
}

/// One marker: a link (Enter or a click chooses the place, or zooms into a cluster).
fn marker(
    m: &Mark,
    spots: &[Spot],
    state: &MapState,
    s: Screen,
    readout: RwSignal<Option<String>>,
) -> AnyView {
    let ds = &DATASET;
    let words = describe(ds, m, spots);
    let href = state.target(ds.places, m, s).href(ds);
    let chosen = m
        .places
        .iter()
        .all(|&p| state.filter.list(Facet::Place).contains(&(p as u32)))
        && !state.filter.list(Facet::Place).is_empty();
    let class = match (m.places.len() > 1, m.approx, chosen) {
        (_, _, true) => "mark chosen",
        (true, _, _) => "mark cluster",
        (false, true, _) => "mark approx",
        _ => "mark",
    };
    let (x, y, r) = (fixed(m.x, 1), fixed(m.y, 1), fixed(m.r, 1));
    let count = (m.places.len() > 1).then(|| {
        view! { <text class="mark-count" x=x.clone() y=fixed(m.y + 4.0, 1) text-anchor="middle">{m.places.len()}</text> }
    });
    view! {
        <MarkLink readout class href words>
            <circle cx=x.clone() cy=y.clone() r=r />
            {count}
        </MarkLink>
    }
    .into_any()
}

/// The places of the selection outside the view, with a way to each.
#[component]
fn Outside(
    link: Linked<MapState>,
    lay: Memo<Layout>,
    spots: Memo<Vec<Spot>>,
    screen: RwSignal<Screen>,
) -> impl IntoView {
    let ds = &DATASET;
    move || {
        let out = lay.with(|l| l.outside.clone());
        (!out.is_empty()).then(|| {
            let s = screen.get();
            let state = link.state.get();
            let zoom = state.camera(s).zoom;
            let n = out.len();
            let items = out
                .iter()
                .take(8)
                .map(|sp| {
                    let p = &ds.places[sp.place as usize];
                    let to = MapState { at: Some(At::of(&Camera::at(p.lon, p.lat, zoom))), ..state.clone() };
                    view! { <li><a href=to.href(ds)>{p.name}</a> {format!(" ({})", sp.events)}</li> }
                })
                .collect_view();
            let all = spots.with(|sp| MapState { at: Some(At::of(&fit_spots(ds.places, sp, s, 24.0))), ..state.clone() });
            view! {
                <div class="map-outside">
                    <p>{format!("{n} {} of this selection outside the view:", if n == 1 { "place" } else { "places" })}</p>
                    <ul class="inline-list">{items}{(n > 8).then(|| view! { <li>{format!("and {} more", n - 8)}</li> })}</ul>
                    <p><a href=all.href(ds)>"Show every place"</a></p>
                </div>
            }
        })
    }
}

/// What the marks mean, where the coastlines come from, the borders switch.
#[component]
fn Legend(link: Linked<MapState>) -> impl IntoView {
    let borders = Memo::new(move |_| link.state.with(|s| s.borders));
    view! {
        <div class="map-legend">
            <ul class="legend-keys">
                <li><svg width="18" height="18" aria-hidden="true"><circle class="mark-key" cx="9" cy="9" r="6" /></svg>
                    " A place; the larger, the more events of this selection happen there."</li>
                <li><svg width="18" height="18" aria-hidden="true"><circle class="mark-key approx" cx="9" cy="9" r="6" /></svg>
                    " An approximate position: the source does not locate the place closely, so it is drawn at the surrounding area (a district, region or nearby town)."</li>
                <li><svg width="18" height="18" aria-hidden="true"><circle class="mark-key cluster" cx="9" cy="9" r="7" /></svg>
                    " Several places close together, with how many; choose it to zoom in."</li>
            </ul>
            <p class="no-print">
                <input type="checkbox" id="map-borders" prop:checked=borders
                    on:change=move |_| link.replace(|s| s.borders = !s.borders) />
                <label for="map-borders">" Show present-day borders (they did not exist in 1891–1937)"</label>
            </p>
            <p class="muted small">{move || if borders.get() { "Dashed lines: present-day borders. " } else { "" }}
                "Coastlines and lakes are drawn as they are today (Natural Earth; lakes © OpenStreetMap contributors): the Aral Sea’s shore in particular has moved since."</p>
        </div>
    }
}

/// The places as a table: the accessible alternative to the map.
#[component]
fn PlaceTable(spots: Memo<Vec<Spot>>) -> impl IntoView {
    let ds = &DATASET;
    let all = RwSignal::new(false);
    view! {
        <section class="map-table" aria-labelledby="map-table-h">
            <h2 id="map-table-h">"Places in this selection"</h2>
            {move || spots.with(|sp| {
                let n = if all.get() { sp.len() } else { sp.len().min(ROWS) };
                let rows = sp.iter().take(n).map(|s| {
                    let p = &ds.places[s.place as usize];
                    let others: Vec<&str> = p.names.iter().copied().filter(|&x| x != p.name).collect();
                    view! {
                        <tr>
                            <th scope="row"><a href=View::Place(p.id.into()).href()>{p.name}</a></th>
                            <td>{others.join(", ")}</td>
                            <td>{ds.place_kinds[p.kind as usize].id}{p.approx.then_some(", approximate position")}</td>
                            <td class="num">{s.events}</td>
                        </tr>
                    }
                }).collect_view();
                let more = sp.len() - n;
                view! {
                    <table>
                        <thead><tr><th scope="col">"Place"</th><th scope="col">"Other names"</th><th scope="col">"Kind"</th><th scope="col" class="num">"Events"</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                    {(more > 0).then(|| view! {
                        <button type="button" class="secondary show-all" on:click=move |_| all.set(true)>{format!("Show all {} places", n + more)}</button>
                    })}
                }
            })}
        </section>
    }
}
