//! One place (`#/places/<id>`): its names, a small map of it and the nearest
//! places with events, its events, and links to the map and the timeline.

use super::basemap;
use crate::app::views::common::{cites, event_link};
use crate::app::views::not_found::NotFound;
use crate::core::dataset::DATASET;
use crate::core::filter::{Facet, Filter};
use crate::core::link::LinkState;
use crate::core::map::num::fixed;
use crate::core::map::{camera, neighbours, to_map, Camera, MapState, PresentLink, Pt, Screen};
use crate::core::route::View;
use leptos::prelude::*;

const MINI: Screen = Screen { w: 480.0, h: 300.0 };

#[component]
pub fn Place(id: String) -> impl IntoView {
    let ds = &DATASET;
    let Some(i) = ds.place_index(&id) else {
        return view! { <NotFound what=format!("place “{id}”") /> }.into_any();
    };
    let p = &ds.places[i];
    let filter = Filter::of(Facet::Place, i as u32);
    let map_href = MapState::of(filter.clone()).href(ds);
    let others: Vec<&str> = p.names.iter().copied().filter(|&n| n != p.name).collect();
    let near = neighbours(ds, i, 8);
    let n = p.events.len();
    view! {
        <p class="kicker">{ds.place_kinds[p.kind as usize].description}</p>
        <h1>{p.name}</h1>
        {(!others.is_empty()).then(|| view! { <p>"Also called " {others.join(", ")} "."</p> })}
        {p.approx.then(|| view! {
            <p class="disputed-note">"Approximate position: the sources do not locate this place closely, so the map shows the surrounding area (a district, region or nearby town)."</p>
        })}
        <div class="place-map">
            <MiniMap place=i near=near.clone() />
            <p class="muted small">{format!("{}° N, {}° E", fixed(p.lat, 2), fixed(p.lon, 2))} ". Nearest places with events: "
                {super::super::common::comma_list(near.iter().map(|&j| {
                    let q = &ds.places[j as usize];
                    view! { <a href=View::Place(q.id.into()).href()>{q.name}</a> }
                }))}</p>
        </div>
        <p class="map-go">
            <a href=map_href>"On the map"</a>
            <a href=filter.href(ds)>"On the timeline"</a>
            {(n > 0).then(|| view! { <a href=PresentLink(filter.clone()).href(ds)>"Present its events"</a> })}
        </p>
        <h2>{format!("Events here ({n})")}</h2>
        {if n == 0 {
            view! { <p>"No event of the dataset happens here."</p> }.into_any()
        } else {
            view! { <ul class="events-list">{ds.events_at(p).map(|e| view! { <li>{event_link(e)}</li> }).collect_view()}</ul> }.into_any()
        }}
        <h2>"Sources"</h2>
        {cites(p.cite)}
    }
    .into_any()
}

/// A small fixed map: the place and its neighbours, named.
#[component]
fn MiniMap(place: usize, near: Vec<u16>) -> impl IntoView {
    let ds = &DATASET;
    let base = basemap::resource();
    let mut all: Vec<usize> = near.iter().map(|&j| j as usize).collect();
    all.push(place);
    let (a, b) = camera::bounds(
        all.iter()
            .map(|&j| to_map(ds.places[j].lon, ds.places[j].lat)),
    );
    let pad = 60.0;
    let (a, b) = if (b.x - a.x).max(b.y - a.y) < 40.0 {
        let c = Pt {
            x: (a.x + b.x) / 2.0,
            y: (a.y + b.y) / 2.0,
        };
        (
            Pt {
                x: c.x - 20.0,
                y: c.y - 20.0,
            },
            Pt {
                x: c.x + 20.0,
                y: c.y + 20.0,
            },
        )
    } else {
        (a, b)
    };
    let cam = Camera::fit(a, b, MINI, pad);
    let k = cam.scale(MINI);
    let transform = format!(
        "translate({} {}) scale({})",
        fixed(MINI.w / 2.0 - cam.centre.x * k, 2),
        fixed(MINI.h / 2.0 - cam.centre.y * k, 2),
        fixed(k, 5)
    );
    // Names are skipped where one is already written close by (places at one point).
    let mut named: Vec<(f64, f64)> = Vec::new();
    let dots = all
        .iter()
        .rev()
        .map(|&j| {
            let q = &ds.places[j];
            let (x, y) = cam.to_screen(to_map(q.lon, q.lat), MINI);
            let crowded = named.iter().any(|&(a, b)| (a - x).abs() < 60.0 && (b - y).abs() < 12.0);
            if !crowded {
                named.push((x, y));
            }
            let me = j == place;
            let class = match (me, q.approx) {
                (true, _) => "mark chosen",
                (false, true) => "mark approx",
                _ => "mark",
            };
            view! {
                <circle class=class cx=fixed(x, 1) cy=fixed(y, 1) r=if me { "7" } else { "4.5" } />
                {(!crowded).then(|| view! { <text class="mark-name" x=fixed(x + 8.0, 1) y=fixed(y + 4.0, 1)>{q.name}</text> })}
            }
        })
        .collect_view();
    let paths = move || {
        base.get().and_then(Result::ok).map(|b| {
            view! {
                <rect class="sea" x="0" y="0" width="2000" height="1294" />
                <path class="land" d=b.land.clone() vector-effect="non-scaling-stroke" />
                <path class="lake" d=b.lakes.clone() vector-effect="non-scaling-stroke" />
            }
        })
    };
    let label = format!(
        "A small map of {} and the nearest places: {}",
        ds.places[place].name,
        near.iter()
            .map(|&j| ds.places[j as usize].name)
            .collect::<Vec<_>>()
            .join(", ")
    );
    view! {
        <svg class="map-svg mini" viewBox="0 0 480 300" role="img" aria-label=label>
            <g class="basemap" transform=transform>{paths}</g>
            {dots}
        </svg>
    }
}
