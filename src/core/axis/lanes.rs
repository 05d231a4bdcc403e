//! Lanes, stacking and clusters: where each event of a filter result is drawn.
//!
//! Once per filter result, [`Prepared::new`] puts every event in lanes — one per
//! strand (default), per event type, or one for all ([`LaneBy`]) — as day
//! extents sorted by start. An event with several strands is drawn in the lane
//! of its first strand (the one `data/` lists first, among the strands the
//! filter selects if it selects some) and *echoed* in the lane of each other
//! strand: an echo ([`Mark::echo`]) is drawn (lighter) so the reader sees the
//! strands overlap, but it is not focusable and has no accessible name, so the
//! keyboard and a screen reader meet each event once. By type or in one lane an
//! event is in exactly one lane.
//!
//! Per frame, [`Prepared::layout`] projects the lanes on a [`Scale`] and packs
//! them into a reused [`Layout`]:
//!
//! - culling: in each lane only the events whose box meets `[0, width]` are
//!   laid out (found by binary search, with a prefix maximum of ends for long
//!   ranges); the others are counted as `earlier` / `later`;
//! - stacking: greedy first fit, in start order, into at most `max_rows` rows;
//!   a mark goes into the first row whose last box ends `gap_px` before its own
//!   starts, so no two boxes in a row overlap;
//! - clusters: a mark that finds no row is counted in a cluster instead. Time
//!   is cut into calendar buckets (days, weeks, months, quarters, years,
//!   5/10/50… years: the finest at least `cluster_px` wide), and an event
//!   belongs to the bucket of its start (of the window's start, for one that
//!   began before it); each bucket with uncounted events gets one [`Cluster`]
//!   ("N more events, 1917" — [`Cluster::complete`] when none of the bucket's
//!   events is drawn: "N events"). Clusters have a row of their own under the
//!   lane's rows, and buckets never overlap. Zoomed in, marks narrow and find
//!   rows, so a cluster splits and disappears — except for events whose
//!   *dates* overlap (twenty events dated "1917"): no zoom separates them, so
//!   `max_rows` (default 8) is set to hold the real data's overlaps;
//! - the element budget: marks, clusters and claim ticks together never exceed
//!   `max_elements`. It is shared among the lanes by need (a lane with few events
//!   gets all it needs; the rest is split evenly); a lane that would exceed its
//!   share is laid out again coarser — each level doubles the room a mark
//!   reserves and takes the next bucket size; the next level tried is guessed
//!   from how far across the width the budget lasted — and, at the coarsest,
//!   all its events are counted in clusters (finally in one cluster).
//!
//! Guarantees (property-tested in `tests.rs`): no two boxes in one lane row
//! overlap; every event of the result is, in its own lane, drawn, counted in a
//! cluster, or counted as earlier/later than the window; the element count is at
//! most `max_elements` (at least one per lane).

use std::collections::BTreeMap;

use crate::core::date::Date;
use crate::core::model::Dataset;
use crate::core::stats;

use super::marks::{Extent, Look, Shape};
use super::scale::Scale;
use super::ticks::Unit;

/// What the lanes are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum LaneBy {
    /// One lane per strand (tag), echoing events with several strands.
    #[default]
    Strand,
    /// One lane per event type.
    Type,
    /// Everything in one lane.
    Single,
}

impl LaneBy {
    pub const ALL: [LaneBy; 3] = [LaneBy::Strand, LaneBy::Type, LaneBy::Single];

    /// The link value: `strand`, `type`, `one`.
    pub const fn id(self) -> &'static str {
        match self {
            LaneBy::Strand => "strand",
            LaneBy::Type => "type",
            LaneBy::Single => "one",
        }
    }

    pub fn parse(s: &str) -> Option<LaneBy> {
        LaneBy::ALL.into_iter().find(|l| l.id() == s)
    }

    /// What the control says: "By strand", "By type", "One lane".
    pub const fn label(self) -> &'static str {
        match self {
            LaneBy::Strand => "By strand",
            LaneBy::Type => "By type",
            LaneBy::Single => "One lane",
        }
    }
}

/// One lane.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LaneKey {
    /// Index into `Dataset::tags`.
    Strand(u8),
    /// Index into `Dataset::event_types`.
    Type(u8),
    All,
}

impl LaneKey {
    /// The lane's name for the reader: the strand's or type's description.
    pub fn name(self, ds: &Dataset) -> &'static str {
        let term = match self {
            LaneKey::Strand(t) => ds.tags.get(t as usize),
            LaneKey::Type(t) => ds.event_types.get(t as usize),
            LaneKey::All => None,
        };
        term.map_or("All events", |t| t.description)
    }

    /// The lane's short label: the strand's or type's id ("khiva"), "all".
    pub fn id(self, ds: &Dataset) -> &'static str {
        let term = match self {
            LaneKey::Strand(t) => ds.tags.get(t as usize),
            LaneKey::Type(t) => ds.event_types.get(t as usize),
            LaneKey::All => None,
        };
        term.map_or("all", |t| t.id)
    }
}

/// The layout's parameters (pixels unless said).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Options {
    /// Rows of marks per lane (clusters have one more).
    pub max_rows: u16,
    /// The narrowest a mark is drawn: a day at a far zoom still shows.
    pub min_px: f64,
    /// Room between two marks (and two clusters) in a row.
    pub gap_px: f64,
    /// How far an open bound ("before 1917") fades out.
    pub fade_px: f64,
    /// The narrowest bucket of a cluster (room for its count).
    pub cluster_px: f64,
    /// At most this many marks + clusters + claim ticks. The default leaves
    /// room under the 1,500 DOM elements for ticks, bands and labels.
    pub max_elements: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            max_rows: 8,
            min_px: 6.0,
            gap_px: 2.0,
            fade_px: 24.0,
            cluster_px: 28.0,
            max_elements: 1200,
        }
    }
}

/// One event (or echo) in a lane, prepared.
#[derive(Clone, Copy, Debug)]
struct Item {
    event: u32,
    start: i32,
    end: i32,
    look: Look,
    echo: bool,
    /// `Prepared::claims[claims.0..claims.1]`.
    claims: (u32, u32),
    /// The month index of `start` (for buckets without calendar arithmetic).
    month: i64,
}

#[derive(Clone, Debug)]
struct LanePrep {
    key: LaneKey,
    /// Sorted by (start, end, event).
    items: Vec<Item>,
    /// `max_end[i]`: the latest end among `items[..=i]`.
    max_end: Vec<i32>,
    /// `claims_before[i]`: the claims of `items[..i]` (one longer than items).
    claims_before: Vec<u32>,
    /// Events whose own lane this is (not echoes).
    events: u32,
}

/// A filter result made ready for the axis: build once per result, lay out per frame.
#[derive(Clone, Debug, Default)]
pub struct Prepared {
    lanes: Vec<LanePrep>,
    /// Day extents of the dates the disputes' claims give.
    claims: Vec<(i32, i32)>,
    events: usize,
    span: Option<(i32, i32)>,
}

/// What [`Prepared::from_parts`] takes for one event.
#[derive(Clone, Copy, Debug)]
pub struct Part<'a> {
    /// The dataset index (or any id the caller maps back).
    pub event: u32,
    pub date: Date,
    pub disputed: bool,
    /// Its lanes: the first is its own, the others get echoes. Empty: `All`.
    pub lanes: &'a [LaneKey],
    /// The dates the sources give, when they differ (`stats::claimed_dates`).
    pub claims: &'a [Date],
}

/// A mark drawn for an event.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Mark {
    pub event: u32,
    /// Index into [`Layout::lanes`].
    pub lane: u16,
    /// Row within the lane, 0 at the top.
    pub row: u16,
    /// The box the mark takes: its extent widened to `min_px`, or for an open
    /// bound the fade (`x0..x1`, solid at the bound's end). No other box in the
    /// row comes within `gap_px` of it.
    pub x0: f64,
    pub x1: f64,
    /// The date's own extent (`d0 == d1` at the bound for an open bound).
    pub d0: f64,
    pub d1: f64,
    pub look: Look,
    /// Drawn in another of its strands' lanes: decorative (aria-hidden, not focusable).
    pub echo: bool,
    /// `Layout::claims[claims.0..claims.1]`: the competing dates, drawn as ticks.
    pub claims: (u32, u32),
}

/// A count of events that are not drawn one by one at this zoom.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Cluster {
    pub lane: u16,
    /// The lane's cluster row (under its mark rows).
    pub row: u16,
    pub x0: f64,
    pub x1: f64,
    pub count: u32,
    /// The bucket's days `[start, end)` and its unit ([`Unit::describe`] names it).
    pub days: (i32, i32),
    pub unit: Unit,
    /// Every event of the lane in this bucket is in the count (else "N more").
    pub complete: bool,
}

/// One lane of a layout.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Lane {
    pub key: LaneKey,
    /// Rows of the lanes above (each lane takes at least one row): the view puts
    /// row `r` of this lane at `(first_row + r) * row_height`.
    pub first_row: u32,
    /// Rows of marks used.
    pub rows: u16,
    /// Whether the lane has clusters (in row `rows`).
    pub cluster_row: bool,
    /// Items (events and echoes) in the lane; `drawn + clustered + earlier +
    /// later == items`.
    pub items: u32,
    /// Events whose own lane this is.
    pub events: u32,
    pub drawn: u32,
    pub clustered: u32,
    /// Before the window's start / after its end.
    pub earlier: u32,
    pub later: u32,
    /// How much coarser than the finest the lane had to be laid out (0: not).
    pub level: u8,
}

impl Lane {
    fn empty(key: LaneKey) -> Lane {
        Lane {
            key,
            first_row: 0,
            rows: 0,
            cluster_row: false,
            items: 0,
            events: 0,
            drawn: 0,
            clustered: 0,
            earlier: 0,
            later: 0,
            level: 0,
        }
    }

    /// Rows the lane takes (at least one).
    pub fn height(&self) -> u32 {
        (u32::from(self.rows) + u32::from(self.cluster_row)).max(1)
    }
}

/// What happened to one item, for the tests.
#[cfg(test)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Fate {
    Drawn(usize),
    Clustered(usize),
    Earlier,
    Later,
}

#[cfg(test)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Traced {
    pub lane: u16,
    pub event: u32,
    pub echo: bool,
    pub start: i32,
    pub fate: Fate,
}

/// A frame's layout; keep one and pass it to every [`Prepared::layout`] call
/// (its vectors are reused).
#[derive(Clone, Debug, Default)]
pub struct Layout {
    pub lanes: Vec<Lane>,
    /// Lane by lane, in start order within a lane.
    pub marks: Vec<Mark>,
    pub clusters: Vec<Cluster>,
    /// Claim ticks (x0, x1) of the marks.
    pub claims: Vec<(f64, f64)>,
    rows_end: Vec<f64>,
    ranges: Vec<(usize, usize, usize)>,
    order: Vec<usize>,
    budgets: Vec<usize>,
    #[cfg(test)]
    pub(crate) trace: Vec<Traced>,
}

impl Layout {
    /// Marks + clusters + claim ticks: what the budget bounds.
    pub fn elements(&self) -> usize {
        self.marks.len() + self.clusters.len() + self.claims.len()
    }

    /// Rows of all lanes.
    pub fn rows(&self) -> u32 {
        self.lanes.iter().map(Lane::height).sum()
    }

    /// The (non-echo) mark of an event, if it is drawn.
    pub fn mark_of(&self, event: u32) -> Option<&Mark> {
        self.marks.iter().find(|m| m.event == event && !m.echo)
    }

    /// The event to focus after (`forward`) or before `event` among the drawn
    /// marks (echoes aside), in the order of where they start, then lane and
    /// row: the chart's arrow keys. With no event, or one not drawn, the first
    /// (or last); `None` when nothing is drawn or `event` is at the end.
    pub fn step(&self, event: Option<u32>, forward: bool) -> Option<u32> {
        let key = |m: &Mark| (m.d0.min(m.x0), m.lane, m.row, m.event);
        let cmp = |a: &(f64, u16, u16, u32), b: &(f64, u16, u16, u32)| {
            a.0.total_cmp(&b.0)
                .then((a.1, a.2, a.3).cmp(&(b.1, b.2, b.3)))
        };
        let own = self.marks.iter().filter(|m| !m.echo);
        let here = event.and_then(|e| self.mark_of(e)).map(key);
        let best = own
            .map(key)
            .filter(|k| match &here {
                None => true,
                Some(h) if forward => cmp(k, h).is_gt(),
                Some(h) => cmp(k, h).is_lt(),
            })
            .reduce(|a, b| {
                let b_better = if forward {
                    cmp(&b, &a).is_lt()
                } else {
                    cmp(&b, &a).is_gt()
                };
                if b_better {
                    b
                } else {
                    a
                }
            });
        best.map(|k| k.3)
    }

    /// The claim ticks of a mark.
    pub fn claims_of(&self, m: &Mark) -> &[(f64, f64)] {
        &self.claims[m.claims.0 as usize..m.claims.1 as usize]
    }
}

/// Cluster buckets, finest first.
const CLUSTER_UNITS: [Unit; 11] = [
    Unit::Days(1),
    Unit::Days(7),
    Unit::Months(1),
    Unit::Months(3),
    Unit::Years(1),
    Unit::Years(5),
    Unit::Years(10),
    Unit::Years(50),
    Unit::Years(100),
    Unit::Years(1000),
    Unit::Years(10000),
];

impl Prepared {
    /// Prepares a filter result (`events`: dataset indices, as `filter::apply`
    /// gives them). `strands`: the strands the filter selects (`filter.list(Facet::Strand)`),
    /// which alone get lanes when there are any.
    pub fn new(ds: &Dataset, events: &[u32], by: LaneBy, strands: &[u32]) -> Prepared {
        // Lanes and claims of all events in two flat vectors, then one pass.
        let mut keys: Vec<LaneKey> = Vec::with_capacity(events.len() * 2);
        let mut claims: Vec<Date> = Vec::new();
        let mut rows: Vec<(u32, usize, usize, usize, usize)> = Vec::with_capacity(events.len());
        for &i in events {
            let Some(e) = ds.events.get(i as usize) else {
                continue;
            };
            let k0 = keys.len();
            match by {
                LaneBy::Strand => {
                    for &t in e.tags {
                        let key = LaneKey::Strand(t);
                        if (strands.is_empty() || strands.contains(&u32::from(t)))
                            && !keys[k0..].contains(&key)
                        {
                            keys.push(key);
                        }
                    }
                    // Not in a selected strand (not from this filter): its own strands.
                    if keys.len() == k0 {
                        for &t in e.tags {
                            if !keys[k0..].contains(&LaneKey::Strand(t)) {
                                keys.push(LaneKey::Strand(t));
                            }
                        }
                    }
                }
                LaneBy::Type => keys.push(LaneKey::Type(e.kind)),
                LaneBy::Single => keys.push(LaneKey::All),
            }
            let c0 = claims.len();
            if !e.disputes.is_empty() {
                claims.extend(stats::claimed_dates(ds, e));
            }
            rows.push((i, k0, keys.len(), c0, claims.len()));
        }
        Prepared::from_parts(rows.iter().map(|&(i, k0, k1, c0, c1)| {
            let e = &ds.events[i as usize];
            Part {
                event: i,
                date: e.date,
                disputed: !e.disputes.is_empty(),
                lanes: &keys[k0..k1],
                claims: &claims[c0..c1],
            }
        }))
    }

    /// Prepares any events (the synthetic benchmarks and tests use this).
    pub fn from_parts<'a>(parts: impl Iterator<Item = Part<'a>>) -> Prepared {
        let mut lanes: BTreeMap<LaneKey, LanePrep> = BTreeMap::new();
        let mut claims = Vec::new();
        let mut events = 0;
        let (mut lo, mut hi) = (i32::MAX, i32::MIN);
        for p in parts {
            events += 1;
            let ext = Extent::of(&p.date);
            lo = lo.min(ext.start);
            hi = hi.max(ext.end);
            let mut look = ext.look;
            look.disputed = p.disputed;
            let first = claims.len() as u32;
            claims.extend(p.claims.iter().map(|d| Extent::of(d).days()));
            let claims_range = (first, claims.len() as u32);
            let month = super::month_index(ext.start);
            let own: &[LaneKey] = if p.lanes.is_empty() {
                &[LaneKey::All]
            } else {
                p.lanes
            };
            for (k, &key) in own.iter().enumerate() {
                let lane = lanes.entry(key).or_insert_with(|| LanePrep {
                    key,
                    items: Vec::new(),
                    max_end: Vec::new(),
                    claims_before: Vec::new(),
                    events: 0,
                });
                lane.events += u32::from(k == 0);
                lane.items.push(Item {
                    event: p.event,
                    start: ext.start,
                    end: ext.end,
                    look,
                    echo: k > 0,
                    claims: claims_range,
                    month,
                });
            }
        }
        let lanes = lanes
            .into_values()
            .map(|mut l| {
                l.items
                    .sort_by_key(|it| (it.start, it.end, it.event, it.echo));
                let mut m = i32::MIN;
                l.max_end = l
                    .items
                    .iter()
                    .map(|it| {
                        m = m.max(it.end);
                        m
                    })
                    .collect();
                let mut c = 0;
                l.claims_before = std::iter::once(0)
                    .chain(l.items.iter().map(|it| {
                        c += it.claims.1 - it.claims.0;
                        c
                    }))
                    .collect();
                l
            })
            .collect();
        Prepared {
            lanes,
            claims,
            events,
            span: (lo <= hi).then_some((lo, hi)),
        }
    }

    /// Events prepared (each once, whatever its lanes).
    pub fn events(&self) -> usize {
        self.events
    }

    /// The lanes, in order (vocabulary order, then `All`).
    pub fn lane_keys(&self) -> impl Iterator<Item = LaneKey> + '_ {
        self.lanes.iter().map(|l| l.key)
    }

    /// The days `[start, end)` every event lies in (for "fit to the results":
    /// `Window::fit(prepared.span().into_iter(), &limits)`).
    pub fn span(&self) -> Option<(i32, i32)> {
        self.span
    }

    /// Lays the lanes out on `scale` into `out` (cleared first). Cheap enough
    /// for every frame: allocates only when `out` must grow.
    pub fn layout(&self, scale: &Scale, o: &Options, out: &mut Layout) {
        out.lanes.clear();
        out.marks.clear();
        out.clusters.clear();
        out.claims.clear();
        #[cfg(test)]
        out.trace.clear();
        let rows = usize::from(o.max_rows);
        out.rows_end.clear();
        out.rows_end.resize(rows, f64::NEG_INFINITY);
        let g = Geometry::new(scale, o);

        // Cull each lane and share the budget by need.
        out.ranges.clear();
        for lane in &self.lanes {
            let ws = scale.window.start - g.margin_days;
            let we = scale.window.end + g.margin_days;
            let hi = lane.items.partition_point(|it| f64::from(it.start) <= we);
            let lo = lane.max_end.partition_point(|&e| f64::from(e) < ws).min(hi);
            let need = (hi - lo) + (lane.claims_before[hi] - lane.claims_before[lo]) as usize;
            out.ranges.push((lo, hi, need));
        }
        let n = self.lanes.len();
        let mut left = o.max_elements.max(n);
        out.order.clear();
        out.order.extend(0..n);
        let ranges = &out.ranges;
        out.order.sort_unstable_by_key(|&i| (ranges[i].2, i));
        out.budgets.clear();
        out.budgets.resize(n, 0);
        for (k, &i) in out.order.iter().enumerate() {
            let share = (left / (n - k)).max(1);
            let b = out.ranges[i].2.min(share).max(1);
            out.budgets[i] = b;
            left = left.saturating_sub(b);
        }

        let u0 = CLUSTER_UNITS
            .iter()
            .position(|u| u.min_days() * scale.px_per_day() >= o.cluster_px.max(o.gap_px))
            .unwrap_or(CLUSTER_UNITS.len() - 1);
        // Levels until a mark reserves twice the width (then at most three a row).
        let mut levels = 0;
        while o.min_px.max(1.0) * f64::from(1u32 << levels) < 2.0 * scale.width && levels < 24 {
            levels += 1;
        }
        let mut first_row = 0;
        for (li, lane) in self.lanes.iter().enumerate() {
            let (lo, hi, need) = out.ranges[li];
            let budget = out.budgets[li];
            let mut done = None;
            let mut level = 0;
            while level <= levels {
                let unit = CLUSTER_UNITS[(u0 + level).min(CLUSTER_UNITS.len() - 1)];
                let cell = if level == 0 {
                    0.0
                } else {
                    o.min_px.max(1.0) * f64::from(1u32 << level)
                };
                // Within budget whatever happens: no need to check as we go.
                let limit = if need <= budget { usize::MAX } else { budget };
                match self.pass(lane, li as u16, lo, hi, &g, rows, unit, cell, limit, out) {
                    Ok(s) => {
                        done = Some((s, level));
                        break;
                    }
                    Err(x) => {
                        // The budget ran out at x: about width / x times too
                        // many marks; each level halves them.
                        let f = (x / g.scale.width).clamp(1.0 / 1024.0, 1.0);
                        level = (level + 1).max(level + (1.0 / f).log2().floor() as usize);
                    }
                }
            }
            let (mut stats, level) = match done {
                Some(d) => d,
                None => {
                    // Count everything in clusters of the coarsest bucket, or in one.
                    let unit = CLUSTER_UNITS[(u0 + levels).min(CLUSTER_UNITS.len() - 1)];
                    match self.pass(lane, li as u16, lo, hi, &g, 0, unit, 0.0, budget, out) {
                        Ok(s) => (s, levels + 1),
                        Err(_) => (
                            self.one_cluster(lane, li as u16, lo, hi, &g, out),
                            levels + 2,
                        ),
                    }
                }
            };
            stats.key = lane.key;
            stats.first_row = first_row;
            stats.events = lane.events;
            stats.items = lane.items.len() as u32;
            stats.earlier += lo as u32;
            stats.later += (lane.items.len() - hi) as u32;
            stats.level = level.min(255) as u8;
            #[cfg(test)]
            for it in lane.items[..lo].iter().chain(&lane.items[hi..]) {
                let fate = if f64::from(it.end) < scale.window.start {
                    Fate::Earlier
                } else {
                    Fate::Later
                };
                out.trace.push(Traced {
                    lane: li as u16,
                    event: it.event,
                    echo: it.echo,
                    start: it.start,
                    fate,
                });
            }
            first_row += stats.height();
            out.lanes.push(stats);
        }
    }

    /// One layout of one lane; `Err(x)` when it would exceed `limit` elements
    /// at pixel `x` (what it pushed is taken back).
    #[allow(clippy::too_many_arguments)]
    fn pass(
        &self,
        lane: &LanePrep,
        li: u16,
        lo: usize,
        hi: usize,
        g: &Geometry,
        rows: usize,
        unit: Unit,
        cell: f64,
        limit: usize,
        out: &mut Layout,
    ) -> Result<Lane, f64> {
        let (m0, c0, k0) = (out.marks.len(), out.clusters.len(), out.claims.len());
        let t0 = trace_len(out);
        let first_day = g.scale.window.start.floor() as i32;
        let first_month = super::month_index(first_day);
        out.rows_end[..rows].fill(f64::NEG_INFINITY);
        // The earliest end of a row: a box starting before it finds no row.
        let mut free_from = if rows == 0 {
            f64::INFINITY
        } else {
            f64::NEG_INFINITY
        };
        let mut s = Lane::empty(lane.key);
        // The bucket of the last mark drawn and of the lane's last cluster.
        let mut placed: Option<i64> = None;
        let mut cur: Option<i64> = None;
        for it in &lane.items[lo..hi] {
            let (x0, x1, d0, d1) = g.boxed(it);
            if x1 < 0.0 {
                s.earlier += 1;
                #[cfg(test)]
                out.trace.push(Traced {
                    lane: li,
                    event: it.event,
                    echo: it.echo,
                    start: it.start,
                    fate: Fate::Earlier,
                });
                continue;
            }
            if x0 > g.scale.width {
                s.later += 1;
                #[cfg(test)]
                out.trace.push(Traced {
                    lane: li,
                    event: it.event,
                    echo: it.echo,
                    start: it.start,
                    fate: Fate::Later,
                });
                continue;
            }
            let b = if it.start >= first_day {
                unit.bucket_of(it.start, it.month)
            } else {
                unit.bucket_of(first_day, first_month)
            };
            let used = out.marks.len() - m0 + out.clusters.len() - c0 + out.claims.len() - k0;
            let row = if free_from + g.gap > x0 {
                None
            } else {
                (0..rows).find(|&r| out.rows_end[r] + g.gap <= x0)
            };
            match row {
                Some(r) => {
                    let nc = (it.claims.1 - it.claims.0) as usize;
                    if used + 1 + nc > limit {
                        return abort(x0, m0, c0, k0, t0, out);
                    }
                    let first = out.claims.len() as u32;
                    for &(a, b) in &self.claims[it.claims.0 as usize..it.claims.1 as usize] {
                        out.claims
                            .push((g.scale.x(f64::from(a)), g.scale.x(f64::from(b))));
                    }
                    out.marks.push(Mark {
                        event: it.event,
                        lane: li,
                        row: r as u16,
                        x0,
                        x1,
                        d0,
                        d1,
                        look: it.look,
                        echo: it.echo,
                        claims: (first, out.claims.len() as u32),
                    });
                    #[cfg(test)]
                    out.trace.push(Traced {
                        lane: li,
                        event: it.event,
                        echo: it.echo,
                        start: it.start,
                        fate: Fate::Drawn(out.marks.len() - 1),
                    });
                    out.rows_end[r] = x1.max(x0 + cell);
                    free_from = out.rows_end[..rows]
                        .iter()
                        .copied()
                        .fold(f64::INFINITY, f64::min);
                    s.rows = s.rows.max(r as u16 + 1);
                    s.drawn += 1;
                    placed = Some(b);
                    if cur == Some(b) {
                        if let Some(c) = out.clusters.last_mut() {
                            c.complete = false;
                        }
                    }
                }
                None => {
                    match out.clusters.last_mut() {
                        Some(c) if cur == Some(b) => c.count += 1,
                        _ => {
                            if used + 1 > limit {
                                return abort(x0, m0, c0, k0, t0, out);
                            }
                            let days = unit.bucket_days(b);
                            let (x0, x1) = g.cluster_box(days);
                            out.clusters.push(Cluster {
                                lane: li,
                                row: 0,
                                x0,
                                x1,
                                count: 1,
                                days,
                                unit,
                                complete: placed != Some(b),
                            });
                            cur = Some(b);
                        }
                    }
                    s.clustered += 1;
                    #[cfg(test)]
                    out.trace.push(Traced {
                        lane: li,
                        event: it.event,
                        echo: it.echo,
                        start: it.start,
                        fate: Fate::Clustered(out.clusters.len() - 1),
                    });
                }
            }
        }
        s.cluster_row = out.clusters.len() > c0;
        for c in &mut out.clusters[c0..] {
            c.row = s.rows;
        }
        Ok(s)
    }

    /// The last resort: the lane's visible events in one cluster over the width.
    fn one_cluster(
        &self,
        lane: &LanePrep,
        li: u16,
        lo: usize,
        hi: usize,
        g: &Geometry,
        out: &mut Layout,
    ) -> Lane {
        let mut s = Lane::empty(lane.key);
        let first_day = g.scale.window.start.floor() as i32;
        let (mut d0, mut d1) = (i32::MAX, i32::MIN);
        for it in &lane.items[lo..hi] {
            let (x0, x1, _, _) = g.boxed(it);
            #[cfg(test)]
            let fate;
            if x1 < 0.0 {
                s.earlier += 1;
                #[cfg(test)]
                {
                    fate = Fate::Earlier;
                }
            } else if x0 > g.scale.width {
                s.later += 1;
                #[cfg(test)]
                {
                    fate = Fate::Later;
                }
            } else {
                s.clustered += 1;
                let day = it.start.max(first_day);
                (d0, d1) = (d0.min(day), d1.max(day + 1));
                #[cfg(test)]
                {
                    fate = Fate::Clustered(out.clusters.len());
                }
            }
            #[cfg(test)]
            out.trace.push(Traced {
                lane: li,
                event: it.event,
                echo: it.echo,
                start: it.start,
                fate,
            });
        }
        if s.clustered > 0 {
            let h = g.gap / 2.0;
            out.clusters.push(Cluster {
                lane: li,
                row: 0,
                x0: h,
                x1: (g.scale.width - h).max(h),
                count: s.clustered,
                days: (d0, d1),
                unit: Unit::Days((d1 - d0).clamp(1, 65535) as u16),
                complete: true,
            });
            s.cluster_row = true;
        }
        s
    }
}

/// Takes back what a pass pushed.
fn abort(
    x: f64,
    m0: usize,
    c0: usize,
    k0: usize,
    t0: usize,
    out: &mut Layout,
) -> Result<Lane, f64> {
    out.marks.truncate(m0);
    out.clusters.truncate(c0);
    out.claims.truncate(k0);
    #[cfg(test)]
    out.trace.truncate(t0);
    let _ = t0;
    Err(x)
}

#[cfg(test)]
fn trace_len(out: &Layout) -> usize {
    out.trace.len()
}

#[cfg(not(test))]
fn trace_len(_: &Layout) -> usize {
    0
}

/// Pixels of one frame.
struct Geometry<'a> {
    scale: &'a Scale,
    min: f64,
    gap: f64,
    fade: f64,
    /// How far (in days) a box may reach beyond its date.
    margin_days: f64,
}

impl<'a> Geometry<'a> {
    fn new(scale: &'a Scale, o: &Options) -> Geometry<'a> {
        let min = o.min_px.max(0.0);
        let fade = o.fade_px.max(min);
        let gap = o.gap_px.max(0.0);
        Geometry {
            scale,
            min,
            gap,
            fade,
            margin_days: (fade + gap + min) / scale.px_per_day(),
        }
    }

    /// A cluster's box: its bucket, `gap / 2` in from each side, cut to the
    /// width (a bucket is at least `gap` wide, so neighbours keep the gap; one
    /// cut to nothing at an edge shrinks to a line there).
    fn cluster_box(&self, (s, e): (i32, i32)) -> (f64, f64) {
        let h = self.gap / 2.0;
        let a = self.scale.x(f64::from(s)) + h;
        let b = self.scale.x(f64::from(e)) - h;
        let (x0, x1) = (a.max(h), b.min(self.scale.width - h));
        if x0 <= x1 {
            (x0, x1)
        } else if b < h {
            (b, b)
        } else {
            (a, a)
        }
    }

    /// The box and the date's own extent of an item.
    #[inline]
    fn boxed(&self, it: &Item) -> (f64, f64, f64, f64) {
        let d0 = self.scale.x(f64::from(it.start));
        let d1 = self.scale.x(f64::from(it.end));
        match it.look.shape {
            Shape::Before => (d0 - self.fade, d0, d0, d0),
            Shape::After => (d0, d0 + self.fade, d0, d0),
            _ => {
                if d1 - d0 >= self.min {
                    (d0, d1, d0, d1)
                } else {
                    let c = (d0 + d1) / 2.0;
                    (c - self.min / 2.0, c + self.min / 2.0, d0, d1)
                }
            }
        }
    }
}

#[cfg(test)]
mod unit_tests {
    use super::*;
    use crate::core::axis::scale::Window;
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
        let mut out = Layout::default();
        p.layout(
            &scale("1919-09/1920-03", 1000.0),
            &Options::default(),
            &mut out,
        );
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
        let mut out = Layout::default();
        p.layout(
            &scale("1919-09/1920-03", 1000.0),
            &Options::default(),
            &mut out,
        );
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
}
