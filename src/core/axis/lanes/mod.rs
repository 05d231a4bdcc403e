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

use crate::core::date::Date;
use crate::core::model::{Dataset, Term};

use super::marks::Look;
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
    /// The strand's or type's vocabulary term (none for `All`).
    fn term(self, ds: &Dataset) -> Option<&'static Term> {
        match self {
            LaneKey::Strand(t) => ds.tags.get(t as usize),
            LaneKey::Type(t) => ds.event_types.get(t as usize),
            LaneKey::All => None,
        }
    }

    /// The lane's name for the reader: the strand's or type's description.
    pub fn name(self, ds: &Dataset) -> &'static str {
        self.term(ds).map_or("All events", |t| t.description)
    }

    /// The lane's short label: the strand's or type's id ("khiva"), "all".
    pub fn id(self, ds: &Dataset) -> &'static str {
        self.term(ds).map_or("all", |t| t.id)
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

mod layout;
#[cfg(test)]
mod unit_tests;
