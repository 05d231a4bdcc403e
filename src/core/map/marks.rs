//! The markers: how many of the shown events happen at each place, where each
//! place falls on the screen, and overlapping markers merged into one with a
//! count. Every place given is either in exactly one marker or listed as
//! outside the view; a marker's centre is always on the screen.

use super::camera::{Camera, Screen};
use super::project::to_map;
use crate::core::model::{Dataset, Place};

/// A place with events in the selection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Spot {
    /// Index into [`Dataset::places`].
    pub place: u16,
    /// Events of the selection there.
    pub events: u32,
}

/// The places of `events` (dataset indices), with how many of them happen at
/// each: most events first, then in dataset order.
pub fn spots(ds: &Dataset, events: &[u32]) -> Vec<Spot> {
    let mut counts = vec![0u32; ds.places.len()];
    for &e in events {
        for &p in ds.events[e as usize].places {
            counts[p as usize] += 1;
        }
    }
    let mut out: Vec<Spot> = counts
        .iter()
        .enumerate()
        .filter(|(_, &n)| n > 0)
        .map(|(p, &n)| Spot {
            place: p as u16,
            events: n,
        })
        .collect();
    out.sort_by(|a, b| b.events.cmp(&a.events).then(a.place.cmp(&b.place)));
    out
}

/// One marker: one place, or several close together on the screen.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// Screen position (CSS pixels) and radius.
    pub x: f64,
    pub y: f64,
    pub r: f64,
    /// The places, the one with most events first (its position is the marker's).
    pub places: Vec<u16>,
    /// Events at its places, added up (an event at two of them counts twice).
    pub events: u32,
    /// A single place whose position is only approximate.
    pub approx: bool,
    /// Whether its name is drawn beside it (no two drawn names overlap) …
    pub label: bool,
    /// … on its left (else on its right).
    pub label_left: bool,
}

/// The markers of one view.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layout {
    pub marks: Vec<Mark>,
    /// Places outside the view (most events first).
    pub outside: Vec<Spot>,
}

pub const MIN_R: f64 = 5.0;
pub const MAX_R: f64 = 20.0;
/// A cluster grows with its events but not past this.
pub const CLUSTER_R: f64 = 24.0;

/// A marker's radius: its area grows with its events, the largest of the
/// selection (`max`) at [`MAX_R`].
pub fn radius(events: u32, max: u32) -> f64 {
    let t = (events as f64 / max.max(1) as f64).sqrt().min(1.0);
    MIN_R + (MAX_R - MIN_R) * t
}

/// Places markers for `spots` (in their order: most events first) on the
/// screen; a spot whose marker would overlap one already placed joins it.
/// `places` is the dataset's (`Dataset::places`), which `spots` index.
pub fn layout(places: &[Place], spots: &[Spot], cam: &Camera, s: Screen) -> Layout {
    let max = spots.iter().map(|p| p.events).max().unwrap_or(1);
    let cell = 2.0 * CLUSTER_R;
    let cols = (s.w / cell).ceil().max(1.0) as usize + 1;
    let rows = (s.h / cell).ceil().max(1.0) as usize + 1;
    let mut grid: Vec<Vec<u32>> = vec![Vec::new(); cols * rows];
    let mut out = Layout::default();
    for sp in spots {
        let place = &places[sp.place as usize];
        let (x, y) = cam.to_screen(to_map(place.lon, place.lat), s);
        if !(x >= 0.0 && x <= s.w && y >= 0.0 && y <= s.h) {
            out.outside.push(*sp);
            continue;
        }
        let r = radius(sp.events, max);
        let (cx, cy) = ((x / cell) as usize, (y / cell) as usize);
        let mut join = None;
        'find: for gy in cy.saturating_sub(1)..=(cy + 1).min(rows - 1) {
            for gx in cx.saturating_sub(1)..=(cx + 1).min(cols - 1) {
                for &m in &grid[gy * cols + gx] {
                    let mk = &out.marks[m as usize];
                    if (mk.x - x).hypot(mk.y - y) < (mk.r + r) * 0.8 {
                        join = Some(m as usize);
                        break 'find;
                    }
                }
            }
        }
        match join {
            Some(m) => {
                let mk = &mut out.marks[m];
                mk.places.push(sp.place);
                mk.events += sp.events;
                mk.approx = false;
                mk.r = radius(mk.events, max).clamp(mk.r, CLUSTER_R);
            }
            None => {
                grid[cy * cols + cx].push(out.marks.len() as u32);
                out.marks.push(Mark {
                    x,
                    y,
                    r,
                    places: vec![sp.place],
                    events: sp.events,
                    approx: place.approx,
                    label: false,
                    label_left: false,
                });
            }
        }
    }
    label(places, &mut out.marks);
    out
}

/// Names beside the markers, the largest first, skipping any that would
/// overlap a name or marker already drawn (widths estimated from the letters).
fn label(places: &[Place], marks: &mut [Mark]) {
    let circles: Vec<[f64; 4]> = marks
        .iter()
        .map(|m| [m.x - m.r, m.y - m.r, m.x + m.r, m.y + m.r])
        .collect();
    let mut taken: Vec<[f64; 4]> = Vec::new();
    let mut order: Vec<usize> = (0..marks.len()).collect();
    order.sort_by(|&a, &b| marks[b].events.cmp(&marks[a].events).then(a.cmp(&b)));
    let hit = |a: &[f64; 4], t: &[f64; 4]| a[0] < t[2] && t[0] < a[2] && a[1] < t[3] && t[1] < a[3];
    for (rank, &i) in order.iter().enumerate() {
        let m = &marks[i];
        let name = places[m.places[0] as usize].name;
        let w = 7.0 * name.chars().count() as f64 + if m.places.len() > 1 { 24.0 } else { 0.0 };
        let right = [m.x + m.r + 3.0, m.y - 8.0, m.x + m.r + 3.0 + w, m.y + 8.0];
        let left = [m.x - m.r - 3.0 - w, m.y - 8.0, m.x - m.r - 3.0, m.y + 8.0];
        // A name may cover smaller markers (it is drawn with a halo and lets
        // clicks through), never another name or a larger marker.
        let free = |b: &[f64; 4]| {
            !taken.iter().any(|t| hit(b, t)) && !order[..rank].iter().any(|&j| hit(b, &circles[j]))
        };
        let spot = [(right, false), (left, true)]
            .into_iter()
            .find(|(b, _)| free(b));
        if let Some((b, on_left)) = spot {
            taken.push(b);
            marks[i].label = true;
            marks[i].label_left = on_left;
        }
    }
}

/// The places nearest to `place` (by distance on the map), up to `n`, for a
/// place page's small map.
pub fn neighbours(ds: &Dataset, place: usize, n: usize) -> Vec<u16> {
    let me = &ds.places[place];
    let a = to_map(me.lon, me.lat);
    let mut d: Vec<(f64, u16)> = ds
        .places
        .iter()
        .enumerate()
        .filter(|&(i, p)| i != place && !p.events.is_empty())
        .map(|(i, p)| {
            let b = to_map(p.lon, p.lat);
            ((a.x - b.x).hypot(a.y - b.y), i as u16)
        })
        .collect();
    d.sort_by(|x, y| x.0.total_cmp(&y.0).then(x.1.cmp(&y.1)));
    d.into_iter().take(n).map(|(_, i)| i).collect()
}

/// What a marker is, in words (its accessible name and tooltip): the name, the
/// other names, the events; a cluster names its largest places.
pub fn describe(ds: &Dataset, m: &Mark, spots: &[Spot]) -> String {
    let events = |n: u32| {
        if n == 1 {
            "1 event".to_string()
        } else {
            format!("{n} events")
        }
    };
    let p = &ds.places[m.places[0] as usize];
    if m.places.len() == 1 {
        let others: Vec<&str> = p.names.iter().copied().filter(|&n| n != p.name).collect();
        let mut s = p.name.to_string();
        if !others.is_empty() {
            s.push_str(&format!(" (also {})", others.join(", ")));
        }
        s.push_str(&format!(": {}", events(m.events)));
        if p.approx {
            s.push_str(". Approximate position: the source does not locate it closely, so it is drawn at the surrounding area");
        }
        return s;
    }
    let count = |i: u16| spots.iter().find(|s| s.place == i).map_or(0, |s| s.events);
    let named: Vec<String> = m
        .places
        .iter()
        .take(3)
        .map(|&i| format!("{} ({})", ds.places[i as usize].name, count(i)))
        .collect();
    let more = m.places.len().saturating_sub(3);
    format!(
        "{} places here: {}{}",
        m.places.len(),
        named.join(", "),
        if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        }
    )
}

/// The camera showing every spot (the whole selection), with `pad` pixels around.
pub fn fit_spots(places: &[Place], spots: &[Spot], s: Screen, pad: f64) -> Camera {
    let (a, b) = super::camera::bounds(spots.iter().map(|sp| {
        let p = &places[sp.place as usize];
        to_map(p.lon, p.lat)
    }));
    // A single place (or places at one point) is shown at a regional scale.
    let (a, b) = if (b.x - a.x).max(b.y - a.y) < 80.0 {
        let c = super::project::Pt {
            x: (a.x + b.x) / 2.0,
            y: (a.y + b.y) / 2.0,
        };
        (
            super::project::Pt {
                x: c.x - 40.0,
                y: c.y - 40.0,
            },
            super::project::Pt {
                x: c.x + 40.0,
                y: c.y + 40.0,
            },
        )
    } else {
        (a, b)
    };
    Camera::fit(a, b, s, pad)
}
