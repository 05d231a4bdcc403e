//! The map's properties: every place of a selection drawn or counted, markers
//! on the screen, a known place at its pixel, links that round-trip.

use super::*;
use crate::core::dataset::DATASET;
use crate::core::filter::{Facet, Filter};
use crate::core::link::{LinkState, Notice};
use crate::core::model::Place;
use crate::core::route::Route;
use proptest::prelude::*;

fn place(lon: f64, lat: f64, approx: bool) -> Place {
    Place {
        id: "p",
        name: "Place",
        names: &[],
        kind: 0,
        lat,
        lon,
        approx,
        cite: &[],
        events: &[],
    }
}

fn check(places: &[Place], spots: &[Spot], cam: &Camera, s: Screen) -> Layout {
    let l = layout(places, spots, cam, s);
    let mut seen = vec![0u32; places.len()];
    for m in &l.marks {
        assert!(
            m.x >= 0.0 && m.x <= s.w && m.y >= 0.0 && m.y <= s.h,
            "marker off the screen: {m:?}"
        );
        assert!(m.r >= marks::MIN_R && m.r <= marks::CLUSTER_R);
        assert_eq!(
            m.events,
            m.places
                .iter()
                .map(|&p| spots.iter().find(|s| s.place == p).unwrap().events)
                .sum::<u32>()
        );
        for &p in &m.places {
            seen[p as usize] += 1;
        }
    }
    for o in &l.outside {
        seen[o.place as usize] += 1;
        let pl = &places[o.place as usize];
        let (x, y) = cam.to_screen(to_map(pl.lon, pl.lat), s);
        assert!(
            !(0.0..=s.w).contains(&x) || !(0.0..=s.h).contains(&y),
            "counted outside but on screen"
        );
    }
    for sp in spots {
        assert_eq!(
            seen[sp.place as usize], 1,
            "place {} drawn or counted once",
            sp.place
        );
    }
    l
}

fn synthetic() -> impl Strategy<Value = (Vec<Place>, Vec<Spot>)> {
    prop::collection::vec(
        (-10.0f64..120.0, 10.0f64..70.0, any::<bool>(), 1u32..200),
        1..300,
    )
    .prop_map(|v| {
        let places: Vec<Place> = v.iter().map(|&(lo, la, a, _)| place(lo, la, a)).collect();
        let mut spots: Vec<Spot> = v
            .iter()
            .enumerate()
            .map(|(i, &(.., n))| Spot {
                place: i as u16,
                events: n,
            })
            .collect();
        spots.sort_by(|a, b| b.events.cmp(&a.events).then(a.place.cmp(&b.place)));
        (places, spots)
    })
}

proptest! {
    #[test]
    fn every_place_is_drawn_or_counted_and_markers_stay_on_screen(
        (places, spots) in synthetic(),
        lon in 0.0f64..110.0, lat in 20.0f64..65.0, zoom in 0.5f64..50.0,
        w in 200.0f64..1600.0, h in 150.0f64..900.0,
    ) {
        let s = Screen { w, h };
        check(&places, &spots, &Camera::at(lon, lat, zoom), s);
    }

    #[test]
    fn map_links_round_trip(lon in 0i32..11000, lat in 2000i32..6500, zoom in 100u32..4000, borders in any::<bool>(), year in 1891i32..1937) {
        let mut s = MapState::default();
        s.filter.set_years(Some(year), Some(year + 1));
        // The link carries hundredths; a state read from a link is what it writes.
        s.at = Some(At { lon, lat, zoom });
        s.borders = borders;
        let href = s.href(&DATASET);
        let r = Route::parse(&href);
        let (back, notices) = MapState::parse(&DATASET, &r.query);
        prop_assert!(notices.is_empty(), "{href}: {notices:?}");
        prop_assert_eq!(back, s);
    }

    #[test]
    fn the_relative_transform_draws_a_place_where_the_new_camera_does(
        lon in 40.0f64..90.0, lat in 30.0f64..60.0, zoom in 1.0f64..40.0, factor in 0.5f64..2.0,
        (x, y) in (0.0f64..800.0, 0.0f64..500.0), (plon, plat) in (30.0f64..100.0, 25.0f64..65.0),
    ) {
        // A wheel zoom at (x, y): the markers laid out for `from`, moved by
        // `relative`, are where `to` draws the same places.
        let s = Screen { w: 800.0, h: 500.0 };
        let from = Camera::at(lon, lat, zoom);
        let to = from.zoom_at(factor, x, y, s);
        let (tx, ty, k) = from.relative(&to, s);
        let p = to_map(plon, plat);
        let (a, b) = from.to_screen(p, s);
        let (c, d) = to.to_screen(p, s);
        prop_assert!((k * a + tx - c).abs() < 1e-6 && (k * b + ty - d).abs() < 1e-6, "{:?} vs {:?}", (k * a + tx, k * b + ty), (c, d));
        // The same camera moves nothing.
        prop_assert_eq!(from.relative(&from, s), (0.0, 0.0, 1.0));
    }

    #[test]
    fn map_links_never_fail(v in "\\PC{0,30}") {
        let (s, _) = MapState::parse(&DATASET, &[("at".into(), v)]);
        if let Some(a) = s.at {
            let c = a.camera();
            prop_assert!(c.zoom >= camera::MIN_ZOOM && c.zoom <= camera::MAX_ZOOM);
        }
    }
}

#[test]
fn a_known_place_is_at_its_pixel() {
    // At zoom 1 on a screen the frame's size, a pixel is a map unit.
    let s = Screen {
        w: project::WIDTH,
        h: project::HEIGHT,
    };
    let cam = Camera {
        centre: Pt {
            x: project::WIDTH / 2.0,
            y: project::HEIGHT / 2.0,
        },
        zoom: 1.0,
    };
    let tashkent = DATASET.place("tashkent").unwrap();
    let (x, y) = cam.to_screen(to_map(tashkent.lon, tashkent.lat), s);
    assert!(
        (x - 1175.62).abs() < 0.01 && (y - 718.79).abs() < 0.01,
        "{x},{y}"
    );
    // Zoomed 4× on Tashkent in an 800×500 box, it is the box's centre.
    let cam = Camera::at(tashkent.lon, tashkent.lat, 4.0);
    let (x, y) = cam.to_screen(
        to_map(tashkent.lon, tashkent.lat),
        Screen { w: 800.0, h: 500.0 },
    );
    assert!((x - 400.0).abs() < 1e-6 && (y - 250.0).abs() < 1e-6);
}

#[test]
fn the_dataset_on_the_home_view_draws_or_counts_every_place() {
    let events: Vec<u32> = (0..DATASET.events.len() as u32).collect();
    let sp = spots(&DATASET, &events);
    assert!(sp.len() > 30);
    assert!(
        sp.windows(2).all(|w| w[0].events >= w[1].events),
        "most events first"
    );
    for s in [
        Screen { w: 343.0, h: 300.0 },
        Screen {
            w: 1000.0,
            h: 560.0,
        },
    ] {
        let cam = Camera::fit_lonlat(HOME, s, 16.0);
        let l = check(DATASET.places, &sp, &cam, s);
        // Central Asia is on the screen; Paris is listed as outside it.
        let named = |id: &str| DATASET.place_index(id).unwrap() as u16;
        assert!(l
            .marks
            .iter()
            .any(|m| m.places.contains(&named("tashkent"))));
        assert!(l.outside.iter().any(|o| o.place == named("paris")));
        // Khiva's sites share Khiva's coordinates: they are one marker with a count.
        let khiva = l
            .marks
            .iter()
            .find(|m| m.places.contains(&named("khorezm")))
            .unwrap();
        assert!(khiva.places.len() > 1, "{khiva:?}");
        assert!(l.marks.iter().any(|m| m.label));
    }
    // The whole frame shows every place.
    let s = Screen {
        w: 1000.0,
        h: 647.0,
    };
    let l = check(DATASET.places, &sp, &Camera::at(60.0, 45.0, 1.0), s);
    assert!(l.outside.is_empty(), "{:?}", l.outside);
}

#[test]
fn marker_sizes_grow_with_events() {
    assert_eq!(radius(10, 10), marks::MAX_R);
    assert!(radius(1, 100) < radius(25, 100) && radius(25, 100) < radius(100, 100));
    assert!(radius(1, 1000) >= marks::MIN_R);
}

#[test]
fn a_place_filter_counts_only_its_events() {
    let tashkent = DATASET.place_index("tashkent").unwrap() as u32;
    let f = Filter::of(Facet::Place, tashkent);
    let o = crate::core::filter::apply(&DATASET, &crate::core::dataset::SEARCH, &f);
    let sp = spots(&DATASET, &o.events);
    assert_eq!(sp[0].place as u32, tashkent);
    assert_eq!(sp[0].events as usize, o.events.len());
}

#[test]
fn a_timeline_link_opens_on_the_map_and_bad_values_are_said() {
    let r = Route::parse("#/map?strand=alash&page=3&periods=none&at=abc&borders=1");
    let (s, notices) = MapState::parse(&DATASET, &r.query);
    assert_eq!(s.filter.list(Facet::Strand).len(), 1);
    assert!(s.borders && s.at.is_none());
    assert!(
        matches!(&notices[..], [Notice::BadValue { key: "at", .. }]),
        "{notices:?}"
    );
    assert_eq!(s.href(&DATASET), "#/map?strand=alash&borders=1");
    assert_eq!(
        PresentLink(s.filter.clone()).href(&DATASET),
        "#/present?strand=alash"
    );
}

#[test]
fn neighbours_are_the_nearest_places() {
    let i = DATASET.place_index("kokand").unwrap();
    let n = neighbours(&DATASET, i, 5);
    assert_eq!(n.len(), 5);
    assert!(!n.contains(&(i as u16)));
    let d = |j: u16| {
        let (a, b) = (&DATASET.places[i], &DATASET.places[j as usize]);
        let (p, q) = (to_map(a.lon, a.lat), to_map(b.lon, b.lat));
        (p.x - q.x).hypot(p.y - q.y)
    };
    assert!(n.windows(2).all(|w| d(w[0]) <= d(w[1])));
    assert!(d(n[4]) < d(DATASET.place_index("paris").unwrap() as u16));
}

#[test]
fn a_marker_leads_to_its_place_or_zooms_into_its_cluster() {
    let s = Screen { w: 800.0, h: 500.0 };
    let events: Vec<u32> = (0..DATASET.events.len() as u32).collect();
    let sp = spots(&DATASET, &events);
    let state = MapState::default();
    let l = layout(DATASET.places, &sp, &state.camera(s), s);
    let one = l.marks.iter().find(|m| m.places.len() == 1).unwrap();
    let t = state.target(DATASET.places, one, s);
    assert_eq!(t.filter.list(Facet::Place), &[one.places[0] as u32]);
    assert!(describe(&DATASET, one, &sp).contains("event"));
    // Semey's marker names its other names.
    let semey = DATASET.place_index("semey").unwrap() as u16;
    let m = Mark {
        x: 0.0,
        y: 0.0,
        r: 5.0,
        places: vec![semey],
        events: 3,
        approx: false,
        label: false,
        label_left: false,
    };
    assert_eq!(
        describe(&DATASET, &m, &sp),
        "Semey (also Semipalatinsk, Alash-qala): 3 events"
    );
    // A cluster of places apart zooms in (the filter is unchanged).
    let k = state.camera(s).scale(s);
    if let Some(c) = l.marks.iter().find(|m| {
        let (a, b) = (
            &DATASET.places[m.places[0] as usize],
            &DATASET.places[*m.places.last().unwrap() as usize],
        );
        let (p, q) = (to_map(a.lon, a.lat), to_map(b.lon, b.lat));
        m.places.len() > 1 && (p.x - q.x).abs().max((p.y - q.y).abs()) * k > 4.0
    }) {
        let t = state.target(DATASET.places, c, s);
        assert!(t.filter.list(Facet::Place).is_empty());
        assert!(t.camera(s).zoom > state.camera(s).zoom);
    }
}

#[test]
fn drawn_names_never_overlap() {
    let events: Vec<u32> = (0..DATASET.events.len() as u32).collect();
    let sp = spots(&DATASET, &events);
    for s in [Screen { w: 343.0, h: 280.0 }, Screen { w: 928.0, h: 575.0 }] {
        let l = layout(DATASET.places, &sp, &MapState::default().camera(s), s);
        let boxes: Vec<[f64; 4]> = l
            .marks
            .iter()
            .filter(|m| m.label)
            .map(|m| {
                let w = 7.0 * DATASET.places[m.places[0] as usize].name.chars().count() as f64
                    + if m.places.len() > 1 { 24.0 } else { 0.0 };
                let x = if m.label_left {
                    m.x - m.r - 3.0 - w
                } else {
                    m.x + m.r + 3.0
                };
                [x, m.y - 8.0, x + w, m.y + 8.0]
            })
            .collect();
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                assert!(
                    !(a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]),
                    "{a:?} {b:?}"
                );
            }
        }
        // The place with most events is named.
        assert!(l.marks.iter().max_by_key(|m| m.events).unwrap().label);
    }
}
