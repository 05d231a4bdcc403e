use super::*;
use crate::core::dataset::DATASET;
use crate::core::link::LinkState;
use crate::core::people::{apply, IndexState, NameIndex};
use crate::core::route::Route;

fn strand(id: &str) -> IndexState {
    let mut s = IndexState::default();
    let t = DATASET.tags.iter().position(|t| t.id == id).unwrap();
    s.toggle(crate::core::people::Facet::Strand, t as u32);
    s
}

fn people_of(s: &IndexState) -> Vec<u32> {
    apply(&DATASET, &NameIndex::new(&DATASET), s).people
}

/// Every two nodes keep their circles and the gap apart; every node (with its
/// circle) and every name's anchor lies inside the frame.
fn assert_laid_out(p: &Placed) {
    let n = p.x.len();
    for i in 0..n {
        assert!(
            p.x[i] - p.r[i] >= 0.0 && p.x[i] + p.r[i] <= p.w,
            "node {i} x {} of {}",
            p.x[i],
            p.w
        );
        assert!(
            p.y[i] - p.r[i] >= 0.0 && p.y[i] + p.r[i] <= p.h,
            "node {i} y {} of {}",
            p.y[i],
            p.h
        );
        let (lx, ly, _) = p.label[i];
        assert!(
            (0.0..=p.w).contains(&lx) && (0.0..=p.h).contains(&ly),
            "name {i}: {lx},{ly} of {}×{}",
            p.w,
            p.h
        );
        for j in i + 1..n {
            let d = ((p.x[i] - p.x[j]).powi(2) + (p.y[i] - p.y[j]).powi(2)).sqrt();
            assert!(
                d >= p.r[i] + p.r[j] + layout::GAP,
                "{i} and {j}: {d} apart, radii {} {}",
                p.r[i],
                p.r[j]
            );
        }
    }
}

#[test]
fn the_alash_web_has_its_people_and_their_stated_relations() {
    let ds = &DATASET;
    let sel = people_of(&strand("alash"));
    let w = web(ds, &sel, 2);
    assert_eq!(w.people.len(), sel.len());
    assert!(w.people.len() > 10);
    let b = ds.person_index("alikhan-bukeikhan").unwrap() as u16;
    let bn = w.node_of(b).expect("Bukeikhan is in the Alash web") as u32;
    // Every stated relation between two Alash people is a line (once per pair).
    for (a, &p) in w.people.iter().enumerate() {
        for r in ds.people[p as usize].relations {
            if let Some(other) = w.node_of(r.to) {
                let (x, y) = (a as u32, other as u32);
                let lines: Vec<_> = w
                    .edges
                    .iter()
                    .filter(|e| (e.a, e.b) == (x, y) || (e.a, e.b) == (y, x))
                    .collect();
                assert_eq!(
                    lines.len(),
                    1,
                    "{} – {}",
                    ds.people[p as usize].id,
                    ds.people[r.to as usize].id
                );
                assert!(lines[0].kind.is_some());
            }
        }
    }
    assert!(w.edges.iter().any(|e| e.kind.is_some()));
    // "Appears with" lines count the shared events.
    for e in w.edges.iter().filter(|e| e.kind.is_none()) {
        let (pa, pb) = (
            &ds.people[w.people[e.a as usize] as usize],
            &ds.people[w.people[e.b as usize] as usize],
        );
        let shared = pa.events.iter().filter(|x| pb.events.contains(x)).count() as u32;
        assert_eq!(e.shared, shared);
        assert!(shared >= 1);
    }
    assert!(!w.neighbours(bn as usize).is_empty());
    // No one is drawn who is outside the selection.
    let kazakh = ds.person_index("mustafa-shokay").map(|i| i as u16);
    if let Some(k) = kazakh {
        assert_eq!(w.node_of(k).is_some(), sel.contains(&(k as u32)));
    }
}

#[test]
fn the_layout_is_the_same_every_time_and_nothing_overlaps() {
    let ds = &DATASET;
    for s in [strand("alash"), IndexState::default()] {
        let w = web(ds, &people_of(&s), 2);
        let a = layout(&w);
        let b = layout(&web(ds, &people_of(&s), 2));
        assert_eq!(a, b, "two runs, two pictures");
        assert_eq!(a.x.len(), w.people.len());
        assert_laid_out(&a);
        // Coordinates are written in tenths.
        assert!(a
            .x
            .iter()
            .chain(&a.y)
            .all(|v| (v * 10.0 - (v * 10.0).round()).abs() < 1e-6));
    }
}

#[test]
fn people_joined_by_a_line_sit_nearer_than_people_not() {
    let ds = &DATASET;
    let w = web(ds, &people_of(&strand("alash")), 2);
    let p = layout(&w);
    let d = |a: usize, b: usize| ((p.x[a] - p.x[b]).powi(2) + (p.y[a] - p.y[b]).powi(2)).sqrt();
    let joined: f64 = w
        .edges
        .iter()
        .map(|e| d(e.a as usize, e.b as usize))
        .sum::<f64>()
        / w.edges.len() as f64;
    let n = w.people.len();
    let mut all = 0.0;
    for i in 0..n {
        for j in i + 1..n {
            all += d(i, j);
        }
    }
    let all = all / (n * (n - 1) / 2) as f64;
    assert!(joined < 0.75 * all, "joined {joined} vs any two {all}");
}

/// A synthetic web of `n` people: a chain of stated relations in groups of
/// ten, and companions by a fixed pseudo-random sequence.
fn synthetic(n: u32) -> Web {
    let mut edges = Vec::new();
    let mut seed = 12345u64;
    for i in 0..n {
        if i % 10 != 0 {
            edges.push(Edge {
                a: i - 1,
                b: i,
                kind: Some((i % 10) as u8),
                shared: 1,
            });
        }
        for _ in 0..2 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let j = (seed >> 33) as u32 % n;
            if j != i {
                edges.push(Edge {
                    a: i.min(j),
                    b: i.max(j),
                    kind: None,
                    shared: 1 + (seed >> 60) as u32,
                });
            }
        }
    }
    Web {
        people: (0..n as u16).collect(),
        events: (0..n).map(|i| i * 7 % 60).collect(),
        edges,
    }
}

#[test]
fn a_thousand_people_are_laid_out_apart() {
    // Its time is the benchmark's to measure (scripts/bench.sh), not a test's:
    // these machines are shared and noisy.
    let w = synthetic(1000);
    let p = layout(&w);
    assert_laid_out(&p);
    assert_eq!(p, layout(&w));
}

#[test]
fn the_ego_picture_puts_the_person_in_the_middle_and_their_relations_first() {
    let ds = &DATASET;
    let b = ds.person_index("alikhan-bukeikhan").unwrap() as u16;
    let w = ego(ds, b, 8);
    assert_eq!(w.people[0], b);
    let rel = crate::core::people::relations(ds, b);
    let n_rel = {
        let mut o: Vec<u16> = rel.iter().map(|l| l.other).collect();
        o.sort_unstable();
        o.dedup();
        o.len()
    };
    assert!(n_rel > 0);
    // Relations first, in the relations' order (family first), then companions.
    assert!(w.edges[..n_rel].iter().all(|e| e.kind.is_some()));
    assert!(w.edges[n_rel..].iter().all(|e| e.kind.is_none()));
    assert!(w.edges.len() - n_rel <= 8 && w.edges.len() > n_rel);
    assert_eq!(
        ds.people[w.people[w.edges[0].b as usize] as usize].id,
        ds.people[rel[0].other as usize].id
    );
    // Companions are the people most often in the same events, not already shown.
    let with = crate::core::people::appears_with(ds, b);
    let first = with
        .iter()
        .find(|t| !w.people[..=n_rel].contains(&t.0))
        .unwrap();
    assert_eq!(w.people[n_rel + 1], first.0);
    assert_eq!(w.edges[n_rel].shared, first.1);
    // Everyone distinct; every line from the person.
    let mut ids = w.people.clone();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), w.people.len());
    assert!(w.edges.iter().all(|e| e.a == 0));

    let p = ring(&w);
    assert_eq!(p, ring(&ego(ds, b, 8)));
    assert_laid_out(&p);
    // The others on a circle around the person.
    let d: Vec<f64> = (1..w.people.len())
        .map(|i| ((p.x[i] - p.x[0]).powi(2) + (p.y[i] - p.y[0]).powi(2)).sqrt())
        .collect();
    assert!(d.iter().all(|&x| (x - d[0]).abs() < 0.5), "{d:?}");
    // The first one at the top.
    assert!((p.x[1] - p.x[0]).abs() < 0.5 && p.y[1] < p.y[0]);
    // Names on the right are written rightward, on the left leftward, along
    // their spokes and never upside down.
    for i in 1..w.people.len() {
        assert!((-90..=90).contains(&p.turn[i]), "{}", p.turn[i]);
    }
    for i in 1..w.people.len() {
        let (lx, _, anchor) = p.label[i];
        match anchor {
            "start" => assert!(lx >= p.x[i]),
            "end" => assert!(lx < p.x[i]),
            other => panic!("{other}"),
        }
    }
}

#[test]
fn every_person_has_an_ego_picture_that_fits() {
    let ds = &DATASET;
    for i in 0..ds.people.len() {
        let w = ego(ds, i as u16, 8);
        assert_laid_out(&ring(&w));
    }
}

#[test]
fn the_series_sine_and_cosine_are_exact_enough() {
    for k in -40..=40 {
        let t = k as f64 * 0.37;
        let (s, c) = layout::sincos(t);
        assert!(
            (s - t.sin()).abs() < 1e-9 && (c - t.cos()).abs() < 1e-9,
            "{t}"
        );
    }
}

#[test]
fn the_link_carries_the_people_filter_the_person_and_the_view() {
    let ds = &DATASET;
    let mut s = NetworkState::of(strand("alash"));
    s.sel = ds.person_index("alikhan-bukeikhan").map(|i| i as u16);
    s.set_camera(Camera {
        x: 410.4,
        y: 300.0,
        zoom: 2.5,
    });
    let href = s.href(ds);
    assert_eq!(
        href,
        "#/network?strand=alash&sel=alikhan-bukeikhan&at=410,300,2.5"
    );
    let r = Route::parse(&href);
    let (back, notices) = NetworkState::parse(ds, &r.query);
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(back, s);
    // A people index link opens the web of the same people.
    let people = strand("alash").href(ds);
    let q = people.split_once('?').unwrap().1;
    let (from_index, n) = NetworkState::parse(ds, &Route::parse(&format!("#/network?{q}")).query);
    assert!(n.is_empty());
    assert_eq!(from_index.people, strand("alash"));
    // Bad values are dropped with a notice.
    let (bad, n) = NetworkState::parse(
        ds,
        &Route::parse("#/network?sel=nobody&at=1,2,99&strand=alash").query,
    );
    assert_eq!(n.len(), 2, "{n:?}");
    assert_eq!(bad, NetworkState::of(strand("alash")));
}

#[test]
fn the_camera_zooms_about_the_pointer_and_stays_in_the_frame() {
    let s = Screen { w: 800.0, h: 500.0 };
    let (w, h) = (1200.0, 900.0);
    let f = state::frame(w, h);
    let c = Camera::home(f);
    let (vx, vy, vw, vh) = c.view_box(s, f);
    // The whole frame is visible at zoom 1.
    assert!(vx <= 0.0 && vy <= 0.0 && vx + vw >= w && vy + vh >= h);
    let k = c.scale(s, f);
    let under = (vx + 600.0 / k, vy + 100.0 / k);
    let z = c.zoom_at(2.0, 600.0, 100.0, s, f);
    let (vx, vy, _, _) = z.view_box(s, f);
    let k = z.scale(s, f);
    assert!((vx + 600.0 / k - under.0).abs() < 1e-6 && (vy + 100.0 / k - under.1).abs() < 1e-6);
    assert_eq!(c.zoom_at(1e9, 0.0, 0.0, s, f).zoom, state::MAX_ZOOM);
    let far = z.pan(1e7, -1e7, s, f);
    assert!(far.x == 0.0 && far.y == h);
}

#[test]
fn names_written_never_cover_each_other_and_the_biggest_come_first() {
    let ds = &DATASET;
    let w = web(ds, &people_of(&IndexState::default()), 2);
    let p = layout(&w);
    let chars: Vec<usize> = w
        .people
        .iter()
        .map(|&q| ds.people[q as usize].name.chars().count())
        .collect();
    let mut rank: Vec<u32> = (0..w.people.len() as u32).collect();
    rank.sort_by_key(|&i| (u32::MAX - w.events[i as usize], i));
    let shown = named(&p, &chars, &rank);
    assert!(
        shown[rank[0] as usize],
        "the person in most events is named"
    );
    assert!(shown.iter().filter(|&&b| b).count() > 10);
    let boxes: Vec<(f64, f64, f64)> = (0..w.people.len())
        .filter(|&i| shown[i])
        .map(|i| (p.label[i].0, p.label[i].1, chars[i] as f64 * 6.5))
        .collect();
    for (a, x) in boxes.iter().enumerate() {
        for y in &boxes[a + 1..] {
            let apart = (x.0 - y.0).abs() * 2.0 >= x.2 + y.2 || (x.1 - y.1).abs() >= 13.0;
            assert!(apart, "{x:?} {y:?}");
        }
    }
}

#[test]
fn every_relation_kind_of_the_vocabulary_has_its_colour_group() {
    // A kind added to data/vocab.toml must be placed in a group here, not fall
    // silently into "colleagues".
    let named = [
        ("parent", Group::Family),
        ("child", Group::Family),
        ("sibling", Group::Family),
        ("spouse", Group::Family),
        ("relative", Group::Family),
        ("teacher", Group::Teaching),
        ("student", Group::Teaching),
        ("colleague", Group::Colleague),
        ("ally", Group::Ally),
        ("adversary", Group::Adversary),
    ];
    for k in DATASET.relation_kinds {
        let g = named
            .iter()
            .find(|n| n.0 == k.id)
            .unwrap_or_else(|| panic!("relation kind {} has no group", k.id));
        assert_eq!(Group::of_kind(k.id), g.1);
    }
}
