//! Property tests of the axis layout (proptest), the element bound at 100,000
//! synthetic events, and an ignored timing test:
//! `cargo test --release --lib axis::tests::timing -- --ignored --nocapture`.

use std::collections::HashMap;

use proptest::prelude::*;

use super::lanes::{Fate, Part};
use super::*;
use crate::core::date::{day_number, Date, Part as DatePart, Point, Season};

/// A date from a few numbers: `kind` picks the form.
fn make_date(kind: u8, day: i32, len: i32, approx: bool) -> Date {
    let (y, m, d) = civil(day);
    let y = y.clamp(1000, 2500) as i16;
    let p = |part| Point {
        year: y,
        part,
        approx,
    };
    let later = civil(day + len.max(0));
    let q = |part| Point {
        year: later.0.clamp(1000, 2500) as i16,
        part,
        approx: false,
    };
    match kind % 9 {
        0 => Date::On(p(DatePart::Day(m, d))),
        1 => Date::On(p(DatePart::Month(m))),
        2 => Date::On(p(DatePart::Season(
            [
                Season::Spring,
                Season::Summer,
                Season::Autumn,
                Season::Winter,
            ][(d % 4) as usize],
        ))),
        3 => Date::On(p(DatePart::Year)),
        4 => Date::Range(p(DatePart::Day(m, d)), q(DatePart::Day(later.1, later.2))),
        5 => Date::Range(p(DatePart::Month(m)), q(DatePart::Year)),
        6 => Date::Before(Point {
            approx: false,
            ..p(DatePart::Month(m))
        }),
        7 => Date::After(Point {
            approx: false,
            ..p(DatePart::Day(m, d))
        }),
        _ => Date::Range(p(DatePart::Year), q(DatePart::Year)),
    }
}

const KEYS: [LaneKey; 6] = [
    LaneKey::Strand(0),
    LaneKey::Strand(1),
    LaneKey::Strand(2),
    LaneKey::Strand(3),
    LaneKey::Type(0),
    LaneKey::All,
];

/// Synthetic events: (date, lanes, claims).
type Synthetic = Vec<(Date, Vec<LaneKey>, Vec<Date>)>;

fn prepare(events: &Synthetic) -> Prepared {
    Prepared::from_parts(
        events
            .iter()
            .enumerate()
            .map(|(i, (date, lanes, claims))| Part {
                event: i as u32,
                date: *date,
                disputed: !claims.is_empty(),
                lanes,
                claims,
            }),
    )
}

/// The layout's guarantees, checked on one frame.
fn check(
    events: &Synthetic,
    p: &Prepared,
    scale: &Scale,
    o: &Options,
    out: &Layout,
) -> Result<(), String> {
    let eps = 1e-6;
    // 1. No two boxes in one lane row overlap (gap included).
    let mut rows: HashMap<(u16, u16), Vec<(f64, f64)>> = HashMap::new();
    for m in &out.marks {
        if m.x0 > m.x1 {
            return Err(format!("mark box backwards: {m:?}"));
        }
        if m.row >= out.lanes[m.lane as usize].rows {
            return Err(format!("mark row beyond the lane's rows: {m:?}"));
        }
        rows.entry((m.lane, m.row)).or_default().push((m.x0, m.x1));
    }
    for c in &out.clusters {
        if c.x0 > c.x1 || c.row != out.lanes[c.lane as usize].rows {
            return Err(format!("bad cluster {c:?}"));
        }
        rows.entry((c.lane, c.row)).or_default().push((c.x0, c.x1));
    }
    for ((lane, row), boxes) in &mut rows {
        boxes.sort_by(|a, b| a.0.total_cmp(&b.0));
        for w in boxes.windows(2) {
            if w[1].0 < w[0].1 + o.gap_px.max(0.0) - eps {
                return Err(format!(
                    "lane {lane} row {row}: {:?} and {:?} overlap",
                    w[0], w[1]
                ));
            }
        }
    }
    // 2. Every event is drawn or counted, in its own lane, exactly once.
    let mut own = vec![0u32; events.len()];
    let mut per_lane: HashMap<u16, (u32, u32, u32, u32, u32)> = HashMap::new();
    for t in &out.trace {
        if !t.echo {
            own[t.event as usize] += 1;
        }
        let e = per_lane.entry(t.lane).or_default();
        e.0 += 1;
        match t.fate {
            Fate::Drawn(i) => {
                let m = out.marks[i];
                if m.event != t.event || m.lane != t.lane || m.echo != t.echo {
                    return Err(format!("trace says drawn as {m:?}: {t:?}"));
                }
                e.1 += 1;
            }
            Fate::Clustered(i) => {
                let c = out.clusters[i];
                let day = t.start.max(scale.window.start.floor() as i32);
                if c.lane != t.lane || !(c.days.0 <= day && day < c.days.1) {
                    return Err(format!("counted in the wrong cluster {c:?}: {t:?}"));
                }
                e.2 += 1;
            }
            Fate::Earlier => e.3 += 1,
            Fate::Later => e.4 += 1,
        }
    }
    if let Some(i) = own.iter().position(|&n| n != 1) {
        return Err(format!("event {i} is accounted for {} times", own[i]));
    }
    let mut drawn_by_mark = 0;
    for (li, lane) in out.lanes.iter().enumerate() {
        let (items, drawn, clustered, earlier, later) =
            per_lane.get(&(li as u16)).copied().unwrap_or_default();
        let counted: u32 = out
            .clusters
            .iter()
            .filter(|c| c.lane as usize == li)
            .map(|c| c.count)
            .sum();
        if (items, drawn, clustered, earlier, later)
            != (
                lane.items,
                lane.drawn,
                lane.clustered,
                lane.earlier,
                lane.later,
            )
            || counted != lane.clustered
            || lane.drawn + lane.clustered + lane.earlier + lane.later != lane.items
        {
            return Err(format!(
                "lane {li} counts {lane:?} vs traced {:?}, clusters {counted}",
                (items, drawn, clustered, earlier, later)
            ));
        }
        drawn_by_mark += lane.drawn;
    }
    if drawn_by_mark as usize != out.marks.len() {
        return Err("marks and drawn counts differ".into());
    }
    // Drawn marks are on screen; counted-earlier events are before it.
    for m in &out.marks {
        if m.x1 < -eps || m.x0 > scale.width + eps {
            return Err(format!("mark off screen {m:?}"));
        }
    }
    // 3. The element bound.
    let bound = o.max_elements.max(out.lanes.len());
    if out.elements() > bound {
        return Err(format!("{} elements > {bound}", out.elements()));
    }
    if out.lanes.len() != p.lane_keys().count() {
        return Err("a lane is missing".into());
    }
    Ok(())
}

fn synthetic_strategy() -> impl Strategy<Value = Synthetic> {
    let base = day_number(1900, 1, 1);
    prop::collection::vec(
        (
            0u8..9,
            0i32..15_000,
            0i32..3000,
            any::<bool>(),
            1u8..64,
            0usize..3,
            0i32..40,
        ),
        0..250,
    )
    .prop_map(move |raw| {
        raw.into_iter()
            .map(|(kind, day, len, approx, mask, nclaims, shift)| {
                let date = make_date(kind, base + day, len, approx);
                let lanes: Vec<LaneKey> = (0..6)
                    .filter(|b| mask & (1 << b) != 0)
                    .map(|b| KEYS[b])
                    .collect();
                let claims = (0..nclaims)
                    .map(|k| {
                        Date::On(Point {
                            approx: false,
                            ..make_date(0, base + day + shift * k as i32, 0, false).start()
                        })
                    })
                    .collect();
                (date, lanes, claims)
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn the_layout_never_overlaps_loses_nothing_and_stays_bounded(
        events in synthetic_strategy(),
        start in 0i32..16_000,
        span in 28.0f64..45_000.0,
        width in 50.0f64..3000.0,
        max_rows in 0u16..7,
        min_px in 0.0f64..14.0,
        gap_px in 0.0f64..5.0,
        fade_px in 0.0f64..40.0,
        cluster_px in 0.0f64..60.0,
        max_elements in 1usize..400,
    ) {
        let p = prepare(&events);
        let w = Window::new(f64::from(day_number(1900, 1, 1) + start), f64::from(day_number(1900, 1, 1) + start) + span);
        let scale = Scale::new(w, width);
        let o = Options { max_rows, min_px, gap_px, fade_px, cluster_px, max_elements };
        let mut out = Layout::default();
        p.layout(&scale, &o, &mut out);
        if let Err(e) = check(&events, &p, &scale, &o, &out) {
            return Err(TestCaseError::fail(e));
        }
        // Laid out again into the same Layout, the frame is the same.
        let marks = out.marks.clone();
        p.layout(&scale, &o, &mut out);
        prop_assert_eq!(marks, out.marks.clone());
    }

    #[test]
    fn every_event_is_drawn_or_counted_when_the_window_fits_them_all(events in synthetic_strategy(), width in 200.0f64..2000.0) {
        let p = prepare(&events);
        let limits = Limits::new(f64::from(day_number(1850, 1, 1)), f64::from(day_number(2000, 1, 1)));
        let w = Window::fit(p.span().into_iter(), &limits);
        let scale = Scale::new(w, width);
        let o = Options::default();
        let mut out = Layout::default();
        p.layout(&scale, &o, &mut out);
        if let Err(e) = check(&events, &p, &scale, &o, &out) {
            return Err(TestCaseError::fail(e));
        }
        for lane in &out.lanes {
            // Open bounds may fade out past the edge; nothing else is outside.
            prop_assert!(lane.earlier + lane.later <= lane.items);
        }
        let own_off: u32 = out.trace.iter().filter(|t| !t.echo && matches!(t.fate, Fate::Earlier | Fate::Later)).count() as u32;
        let opens = events.iter().filter(|(d, _, _)| matches!(d, Date::Before(_) | Date::After(_))).count() as u32;
        prop_assert!(own_off <= opens, "only fading open bounds can be off screen");
    }

    #[test]
    fn window_links_round_trip(start in -30_000i32..40_000, span in 1i32..60_000) {
        let w = Window::days(start, start + span);
        let link = w.to_link();
        let (back, notice) = Window::parse(&link);
        prop_assert_eq!(notice, None);
        let back = back.unwrap();
        prop_assert_eq!(back.to_link(), link.clone());
        let tolerance = if f64::from(span) >= 20.0 * 365.25 { 16.0 } else { 0.0 };
        prop_assert!((back.start - w.start).abs() <= tolerance, "{}", link);
        prop_assert!((back.end - w.end).abs() <= tolerance, "{}", link);
    }

    #[test]
    fn window_parse_never_panics(s in "\\PC{0,40}") {
        let limits = Limits::new(0.0, 50_000.0);
        let (w, _) = Window::from_link(Some(&s), &limits, limits.all());
        prop_assert!(w.start >= limits.lo && w.end <= limits.hi && w.span() >= limits.min_span);
    }
}

/// `n` synthetic events over 1891–1937, clumped like the real data (a third in
/// 1917–1922), over 11 strands with up to three each, some with claims.
fn synthetic(n: usize, seed: u64) -> Synthetic {
    let mut r = seed | 1;
    let mut next = move || {
        r ^= r << 13;
        r ^= r >> 7;
        r ^= r << 17;
        r
    };
    let strands: Vec<LaneKey> = (0..11).map(LaneKey::Strand).collect();
    let (a, b) = (day_number(1891, 1, 1), day_number(1938, 1, 1));
    let (c, d) = (day_number(1917, 1, 1), day_number(1923, 1, 1));
    (0..n)
        .map(|_| {
            let x = next();
            let day = if x % 3 == 0 {
                c + (next() % (d - c) as u64) as i32
            } else {
                a + (next() % (b - a) as u64) as i32
            };
            let date = make_date(
                (next() % 9) as u8,
                day,
                (next() % 800) as i32,
                next() % 5 == 0,
            );
            let k = 1 + (next() % 3) as usize;
            let first = (next() % 11) as usize;
            let lanes: Vec<LaneKey> = (0..k).map(|j| strands[(first + j * 3) % 11]).collect();
            let claims = if next() % 20 == 0 {
                vec![make_date(0, day, 0, false), make_date(0, day + 4, 0, false)]
            } else {
                Vec::new()
            };
            (date, lanes, claims)
        })
        .collect()
}

/// Windows of a scripted session: all, a few decades, years, months, a month.
fn windows() -> Vec<Window> {
    [
        "1891/1937",
        "1905/1925",
        "1916/1922",
        "1919/1920",
        "1919-09/1920-03",
        "1922-10",
        "1930/1937",
    ]
    .iter()
    .map(|s| Window::parse(s).0.unwrap())
    .collect()
}

#[test]
fn a_hundred_thousand_events_stay_within_the_element_bound() {
    let events = synthetic(100_000, 0x5EED);
    let p = prepare(&events);
    let mut out = Layout::default();
    for max_elements in [1500, 300] {
        let o = Options {
            max_elements,
            ..Options::default()
        };
        for w in windows() {
            for width in [375.0, 1280.0, 2560.0] {
                let scale = Scale::new(w, width);
                p.layout(&scale, &o, &mut out);
                check(&events, &p, &scale, &o, &out)
                    .unwrap_or_else(|e| panic!("{} at {width}px: {e}", w.to_link()));
                assert!(out.elements() <= max_elements);
                assert!(
                    out.clusters.iter().map(|c| c.count).sum::<u32>() > 0,
                    "dense: clustered"
                );
            }
        }
    }
}

#[test]
fn the_real_dataset_lays_out_whole_at_every_zoom() {
    let ds = &crate::core::dataset::DATASET;
    let all: Vec<u32> = (0..ds.events.len() as u32).collect();
    let limits = Limits::of_dataset(ds);
    let mut out = Layout::default();
    for by in LaneBy::ALL {
        let p = Prepared::new(ds, &all, by, &[]);
        assert_eq!(p.events(), ds.events.len());
        let mut w = limits.all();
        for _ in 0..12 {
            let scale = Scale::new(w, 1200.0);
            p.layout(&scale, &Options::default(), &mut out);
            let own: u32 = out.lanes.iter().map(|l| l.events).sum();
            assert_eq!(own as usize, ds.events.len());
            let shown: u32 = out
                .lanes
                .iter()
                .map(|l| l.drawn + l.clustered + l.earlier + l.later)
                .sum();
            let items: u32 = out.lanes.iter().map(|l| l.items).sum();
            assert_eq!(shown, items);
            assert!(out.elements() <= 1200);
            w = w.zoom(1.8, 0.55, &limits);
        }
    }
    // The whole span at a desktop width draws most events one by one.
    let p = Prepared::new(ds, &all, LaneBy::Strand, &[]);
    p.layout(
        &Scale::new(limits.all(), 1200.0),
        &Options::default(),
        &mut out,
    );
    let drawn: u32 = out.lanes.iter().map(|l| l.drawn).sum();
    let items: u32 = out.lanes.iter().map(|l| l.items).sum();
    assert!(drawn * 2 > items, "{drawn} of {items}");
}

/// Prints the time of one layout frame at 10,000 (and 100,000) events.
#[test]
#[ignore = "timing: run with --release -- --ignored --nocapture"]
fn timing() {
    for n in [10_000, 100_000] {
        let events = synthetic(n, 42);
        let t = std::time::Instant::now();
        let p = prepare(&events);
        let prep = t.elapsed();
        let mut out = Layout::default();
        let mut ticks = Ticks::default();
        let o = Options::default();
        let limits = Limits::new(
            f64::from(day_number(1890, 1, 1)),
            f64::from(day_number(1939, 1, 1)),
        );
        // A scripted pan and zoom: 600 frames over all zooms.
        let mut frames = Vec::new();
        let mut w = limits.all();
        for i in 0..600 {
            w = if i % 100 < 50 {
                w.zoom(1.08, 0.4, &limits)
            } else {
                w.pan(9.0, 1280.0, &limits)
            };
            let t = std::time::Instant::now();
            let scale = Scale::new(w, 1280.0);
            p.layout(&scale, &o, &mut out);
            ticks::ticks_into(&scale, 48.0, &mut ticks);
            frames.push(t.elapsed().as_secs_f64() * 1000.0);
            std::hint::black_box(&out);
        }
        for w in windows() {
            let scale = Scale::new(w, 1280.0);
            let mut best = f64::MAX;
            for _ in 0..5 {
                let t = std::time::Instant::now();
                p.layout(&scale, &o, &mut out);
                best = best.min(t.elapsed().as_secs_f64() * 1000.0);
            }
            let levels: Vec<u8> = out.lanes.iter().map(|l| l.level).collect();
            println!(
                "  {}: {best:.3} ms, {} elements, levels {levels:?}",
                w.to_link(),
                out.elements()
            );
        }
        frames.sort_by(f64::total_cmp);
        println!(
            "{n} events: prepare {:.1} ms; layout per frame median {:.3} ms, p95 {:.3} ms, max {:.3} ms",
            prep.as_secs_f64() * 1000.0,
            frames[frames.len() / 2],
            frames[frames.len() * 95 / 100],
            frames[frames.len() - 1]
        );
    }
}
