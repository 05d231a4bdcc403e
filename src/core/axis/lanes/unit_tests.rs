//! Tests of lanes, stacking and clusters.

use super::*;
use crate::core::axis::marks::Shape;
use crate::core::axis::scale::{Scale, Window};
use crate::core::date::day_number;

fn date(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn prep(dates: &[&str]) -> Prepared {
    let keys = [LaneKey::All];
    let ds: Vec<Date> = dates.iter().map(|s| date(s)).collect();
    Prepared::from_parts(ds.iter().enumerate().map(|(i, d)| Part {
        event: i as u32,
        date: *d,
        disputed: false,
        lanes: &keys,
        claims: &[],
    }))
}

/// `p` laid out over the window `win` (link form) `px` pixels wide, default options.
fn laid_out(p: &Prepared, win: &str, px: f64) -> Layout {
    let mut out = Layout::default();
    p.layout(&scale(win, px), &Options::default(), &mut out);
    out
}

fn scale(w: &str, width: f64) -> Scale {
    Scale::new(Window::parse(w).0.unwrap(), width)
}

#[test]
fn an_event_is_drawn_at_its_date() {
    let p = prep(&[
        "1920-02-01",
        "1919-10",
        "1919-09/1919-12",
        "before 1920-03",
        "after 1919-11-15",
    ]);
    let s = scale("1919-09/1920-03", 1000.0);
    let mut out = Layout::default();
    p.layout(&s, &Options::default(), &mut out);
    let m = |e: u32| *out.mark_of(e).unwrap();
    let day = f64::from(day_number(1920, 2, 1));
    assert_eq!((m(0).d0, m(0).d1), (s.x(day), s.x(day + 1.0)));
    assert!(
        (m(0).x1 - m(0).x0 - 6.0).abs() < 1e-9,
        "a day is widened to min_px"
    );
    assert_eq!(m(1).x0, s.x(f64::from(day_number(1919, 10, 1))));
    assert_eq!(m(1).x1, s.x(f64::from(day_number(1919, 11, 1))));
    assert_eq!(m(2).look.shape, Shape::Range);
    let bound = s.x(f64::from(day_number(1920, 3, 1)));
    assert_eq!((m(3).x0, m(3).x1, m(3).d0), (bound - 24.0, bound, bound));
    let after = s.x(f64::from(day_number(1919, 11, 16)));
    assert_eq!((m(4).x0, m(4).x1), (after, after + 24.0));
    assert_eq!(out.lanes[0].drawn, 5);
}

#[test]
fn overlapping_events_stack_into_rows() {
    // Three overlapping months and one later day: rows 0, 1, 2, then row 0 again.
    let p = prep(&["1919-10", "1919-10-15/1919-11-20", "1919-11", "1920-02-01"]);
    let out = laid_out(&p, "1919-09/1920-03", 1000.0);
    let rows: Vec<u16> = (0..4).map(|e| out.mark_of(e).unwrap().row).collect();
    assert_eq!(rows, [0, 1, 2, 0]);
    assert_eq!(out.lanes[0].rows, 3);
    assert!(out.clusters.is_empty());
}

#[test]
fn too_many_overlaps_become_a_cluster_that_splits_when_zoomed_in() {
    // Ten events in October 1919, four rows: at a far zoom six are counted.
    let mut dates: Vec<String> = (1..=10).map(|d| format!("1919-10-{:02}", d * 2)).collect();
    dates.push("1925".into());
    let refs: Vec<&str> = dates.iter().map(String::as_str).collect();
    let p = prep(&refs);
    let mut out = Layout::default();
    let o = Options {
        max_rows: 4,
        ..Options::default()
    };
    p.layout(&scale("1891/1937", 1000.0), &o, &mut out);
    assert_eq!(out.clusters.len(), 1);
    let c = out.clusters[0];
    assert_eq!((c.count, c.complete, c.row), (6, false, 4));
    assert_eq!(c.unit.describe(c.days), "1915–1919");
    assert!(c.x1 - c.x0 >= o.cluster_px - o.gap_px - 1e-9);
    assert_eq!(out.lanes[0].drawn, 5, "four of October's and 1925");
    assert_eq!(out.lanes[0].height(), 5);
    // Closer, October's events have room: the cluster splits, then goes.
    p.layout(&scale("1919-10/1919-11", 1000.0), &o, &mut out);
    assert!(out.clusters.is_empty());
    assert_eq!(out.lanes[0].drawn, 10);
    assert_eq!(out.lanes[0].later, 1);
    p.layout(&scale("1919-07/1920-03", 150.0), &o, &mut out);
    assert_eq!(out.clusters.len(), 1);
    assert!(out.clusters[0].count < 6 && out.clusters[0].unit == Unit::Months(3));
    let counted: u32 = out.clusters.iter().map(|c| c.count).sum();
    assert_eq!(counted + out.lanes[0].drawn + out.lanes[0].later, 11);
    // Where no row is free, events whose dates overlap are counted at any zoom.
    let p = prep(&["1917", "1917", "1917-03/1917-11", "1917-05"]);
    p.layout(
        &scale("1917-06/1917-07", 1000.0),
        &Options { max_rows: 2, ..o },
        &mut out,
    );
    assert_eq!((out.lanes[0].drawn, out.clusters[0].count), (2, 2));
}

#[test]
fn arrow_keys_step_through_the_drawn_events_in_date_order() {
    let p = prep(&["1919-11", "1919-10-05", "1920-02-01", "1919-10-05/1919-12"]);
    let out = laid_out(&p, "1919-09/1920-03", 1000.0);
    let mut order = vec![];
    let mut at = None;
    while let Some(e) = out.step(at, true) {
        order.push(e);
        at = Some(e);
    }
    assert_eq!(order, [1, 3, 0, 2]);
    assert_eq!(out.step(Some(2), true), None);
    assert_eq!(out.step(Some(0), false), Some(3));
    assert_eq!(out.step(None, false), Some(2));
    assert_eq!(
        out.step(Some(99), true),
        Some(1),
        "an event not drawn starts at the first"
    );
}

#[test]
fn disputed_events_carry_their_competing_dates() {
    let ds = &crate::core::dataset::DATASET;
    let i = ds.event_index("bukeikhan-arrested-1922").unwrap() as u32;
    let p = Prepared::new(ds, &[i], LaneBy::Strand, &[]);
    let mut out = Layout::default();
    let s = scale("1922-09/1922-11", 1000.0);
    p.layout(&s, &Options::default(), &mut out);
    let m = *out.mark_of(i).unwrap();
    assert!(m.look.disputed);
    let ticks = out.claims_of(&m);
    assert_eq!(ticks.len(), 2);
    assert_eq!(ticks[0].0, s.x(f64::from(day_number(1922, 10, 10))));
    assert_eq!(ticks[1].0, s.x(f64::from(day_number(1922, 10, 14))));
    assert!(ticks.iter().all(|t| t.0 >= m.x0 && t.1 <= m.x1));
}

#[test]
fn strands_give_lanes_and_echoes() {
    let ds = &crate::core::dataset::DATASET;
    let all: Vec<u32> = (0..ds.events.len() as u32).collect();
    let p = Prepared::new(ds, &all, LaneBy::Strand, &[]);
    let ids: Vec<&str> = p.lane_keys().map(|k| k.id(ds)).collect();
    for strand in [
        "alash",
        "bukeikhan",
        "repression",
        "khiva",
        "bukhara",
        "basmachi",
    ] {
        assert!(ids.contains(&strand), "{strand} has a lane: {ids:?}");
    }
    let own: u32 = p.lanes.iter().map(|l| l.events).sum();
    assert_eq!(own as usize, ds.events.len(), "each event has one own lane");
    let items: usize = p.lanes.iter().map(|l| l.items.len()).sum();
    let tags: usize = ds.events.iter().map(|e| e.tags.len()).sum();
    assert_eq!(items, tags, "and an echo in each other strand");
    // Only the selected strands get lanes.
    let khiva = ds.tag("khiva").unwrap();
    let in_khiva: Vec<u32> = all
        .iter()
        .copied()
        .filter(|&i| ds.events[i as usize].tags.contains(&khiva))
        .collect();
    let p = Prepared::new(ds, &in_khiva, LaneBy::Strand, &[u32::from(khiva)]);
    assert_eq!(p.lane_keys().collect::<Vec<_>>(), [LaneKey::Strand(khiva)]);
    assert_eq!(
        p.lanes[0].items.len(),
        in_khiva.len(),
        "no echoes outside the selection"
    );
    // By type: one lane each, no echoes.
    let p = Prepared::new(ds, &all, LaneBy::Type, &[]);
    assert!(p.lanes.iter().all(|l| l.items.iter().all(|it| !it.echo)));
    let p = Prepared::new(ds, &all, LaneBy::Single, &[]);
    assert_eq!(p.lane_keys().collect::<Vec<_>>(), [LaneKey::All]);
    assert_eq!(LaneKey::All.name(ds), "All events");
    assert_eq!(LaneBy::parse("type"), Some(LaneBy::Type));
    assert_eq!(LaneBy::parse("x"), None);
}
