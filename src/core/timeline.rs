//! The timeline view's state in the link: the filter (which events), and how
//! they are shown — the periodisation on the axis and the page of results.
//!
//! ```text
//! #/timeline?<filter parameters>&periods=amanzholova&compare=bochagov&lanes=type
//!            &win=1919-09/1920-03&sel=<event-id>&sort=date&page=2
//! ```
//!
//! Present mode (`#/present?<filter parameters>&at=<event-id>`) has its own
//! state, [`PresentState`], carrying the same filter.

use super::axis::{LaneBy, Window};
use super::filter::Filter;
use super::link::{self, LinkState, Notice, Notices, Param};
use super::model::Dataset;

/// The periodisation drawn when the link names none.
pub const DEFAULT_SCHEME: &str = "alash-periods-four-stages";

/// The periodisation the axis shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Periods {
    /// The default scheme ([`DEFAULT_SCHEME`], else the first).
    #[default]
    Default,
    /// No bands.
    None,
    /// Scheme i of the dataset.
    Scheme(u32),
}

/// The order of the events shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Order {
    /// With a search, the best matches first (`Outcome::best_first`); without
    /// one, by date.
    #[default]
    Best,
    /// By date, whatever the search.
    Date,
}

impl Order {
    pub const ALL: [Order; 2] = [Order::Best, Order::Date];

    /// The value in the link (`sort=date`).
    pub const fn id(self) -> &'static str {
        match self {
            Order::Best => "best",
            Order::Date => "date",
        }
    }

    pub const fn label(self) -> &'static str {
        match self {
            Order::Best => "Best match",
            Order::Date => "Date",
        }
    }
}

/// Everything the timeline's link holds.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineState {
    pub filter: Filter,
    pub periods: Periods,
    /// A second periodisation drawn under the first, to compare historians.
    pub compare: Option<u32>,
    /// What the axis's lanes are.
    pub lanes: LaneBy,
    /// The axis's visible window (`None`: fitted to the results).
    pub win: Option<Window>,
    /// The selected event (dataset index).
    pub sel: Option<u32>,
    pub sort: Order,
    /// 1-based.
    pub page: u32,
}

impl Default for TimelineState {
    fn default() -> Self {
        TimelineState {
            filter: Filter::default(),
            periods: Periods::Default,
            compare: None,
            lanes: LaneBy::Strand,
            win: None,
            sel: None,
            sort: Order::Best,
            page: 1,
        }
    }
}

impl TimelineState {
    /// The timeline showing these events, from the first page.
    pub fn of(filter: Filter) -> TimelineState {
        TimelineState {
            filter,
            ..TimelineState::default()
        }
    }

    /// The periodisation scheme to draw (index), if any.
    pub fn scheme(&self, ds: &Dataset) -> Option<usize> {
        match self.periods {
            Periods::Default => ds
                .schemes
                .iter()
                .position(|s| s.id == DEFAULT_SCHEME)
                .or((!ds.schemes.is_empty()).then_some(0)),
            Periods::None => None,
            Periods::Scheme(i) => Some(i as usize),
        }
    }

    /// Changes the filter; back to the first page.
    pub fn refilter(&mut self, change: impl FnOnce(&mut Filter)) {
        change(&mut self.filter);
        self.page = 1;
    }
}

/// Reads a scheme id or `none`.
pub fn read_periods(v: &str, ds: &Dataset, notices: &mut Notices) -> Option<Periods> {
    match v {
        "none" => Some(Periods::None),
        id => match ds.schemes.iter().position(|s| s.id == id) {
            Some(i) => Some(Periods::Scheme(i as u32)),
            None => {
                notices.unknown_id("periodisation", id);
                None
            }
        },
    }
}

/// The value a scheme choice is written as (`none`, a scheme id).
pub fn periods_id(p: Periods, ds: &Dataset) -> Option<&'static str> {
    match p {
        Periods::Default => None,
        Periods::None => Some("none"),
        Periods::Scheme(i) => Some(ds.schemes[i as usize].id),
    }
}

/// The window the axis opens at without `win=`: the results' span `[lo, hi)`
/// (days), cut to the years the timeline is about (1891–1937) when the results
/// reach into them, so a few later archive releases don't squeeze the story
/// into a corner; what lies outside is counted as earlier / later.
pub fn opening_window(span: Option<(i32, i32)>, limits: &super::axis::Limits) -> Window {
    use super::date::day_number;
    use super::filter::{FIRST_YEAR, LAST_YEAR};
    let (core_lo, core_hi) = (
        day_number(FIRST_YEAR, 1, 1),
        day_number(LAST_YEAR + 1, 1, 1),
    );
    let cut = span.map(|(lo, hi)| (lo.max(core_lo), hi.min(core_hi)));
    match cut {
        Some((lo, hi)) if lo < hi => Window::fit([(lo, hi)].into_iter(), limits),
        _ => Window::fit(span.into_iter(), limits),
    }
}

/// Reads a `win=` value into a window, or a notice.
pub fn read_window(v: &str, notices: &mut Notices) -> Option<Window> {
    let (w, problem) = Window::parse(v);
    match (w, problem) {
        (Some(w), None) => Some(w),
        (Some(w), Some(_)) => {
            notices.push(Notice::WindowSwapped { shown: w.to_link() });
            Some(w)
        }
        (None, _) => {
            notices.bad(
                "win",
                v,
                "a window is START/END in the dataset's date form, e.g. win=1919-09/1920-03",
            );
            None
        }
    }
}

/// Reads an event id (`sel=`, `at=`).
pub fn read_event(key: &'static str, v: &str, ds: &Dataset, notices: &mut Notices) -> Option<u32> {
    let _ = key;
    match ds.event_index(v.trim()) {
        Some(i) => Some(i as u32),
        None => {
            notices.unknown_id("event", v.trim());
            None
        }
    }
}

static PARAMS: [Param<TimelineState>; 7] = [
    Param {
        key: "periods",
        doc: "the periodisation drawn on the axis (a scheme id from data/periods.toml, or none)",
        read: |s, ds, v, n| s.periods = read_periods(v, ds, n).unwrap_or(s.periods),
        write: |s, ds, q| q.opt("periods", periods_id(s.periods, ds)),
    },
    Param {
        key: "compare",
        doc: "a second periodisation drawn under the first (a scheme id), to compare historians",
        read: |s, ds, v, n| match read_periods(v, ds, n) {
            Some(Periods::Scheme(i)) => s.compare = Some(i),
            Some(_) => s.compare = None,
            None => {}
        },
        write: |s, ds, q| q.opt("compare", s.compare.map(|i| ds.schemes[i as usize].id)),
    },
    Param {
        key: "lanes",
        doc: "the axis's lanes: strand (the default), type, or one",
        read: |s, _, v, n| match LaneBy::parse(v.trim()) {
            Some(l) => s.lanes = l,
            None => n.bad("lanes", v, "use lanes=strand, lanes=type or lanes=one"),
        },
        write: |s, _, q| {
            q.opt(
                "lanes",
                (s.lanes != LaneBy::default()).then(|| s.lanes.id()),
            )
        },
    },
    Param {
        key: "win",
        doc:
            "the axis's visible window, START/END in the dataset's date form (e.g. 1919-09/1920-03)",
        read: |s, _, v, n| s.win = read_window(v, n).or(s.win),
        write: |s, _, q| q.opt("win", s.win.map(|w| w.to_link())),
    },
    Param {
        key: "sel",
        doc: "the selected event (its id): drawn highlighted, its card shown",
        read: |s, ds, v, n| s.sel = read_event("sel", v, ds, n).or(s.sel),
        write: |s, ds, q| q.opt("sel", s.sel.map(|e| ds.events[e as usize].id)),
    },
    Param {
        key: "sort",
        doc: "the order of a search's results: best (the best matches first, the default) or date",
        read: |s, _, v, n| {
            link::read_choice(
                &mut s.sort,
                &Order::ALL,
                Order::id,
                "sort",
                v,
                n,
                "use sort=best or sort=date",
            )
        },
        write: |s, _, q| q.opt("sort", (s.sort != Order::Best).then(|| s.sort.id())),
    },
    link::page_param!("the page of results (20 per page)"),
];

impl LinkState for TimelineState {
    const PATH: &'static str = "#/timeline";

    fn params() -> &'static [Param<Self>] {
        &PARAMS
    }

    crate::carries!(filter);
}

/// A page past the last one, said (the page shown is the last).
pub fn page_notice(asked: u32, pages: u32) -> Option<Notice> {
    (asked > pages).then_some(Notice::PageBeyond { asked, last: pages })
}

/// Which slide Present mode shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum At {
    Event(u32),
    /// The closing slide: the sources cited.
    Sources,
}

/// Present mode's link: the timeline's filter (or a guided tour), and the slide.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PresentState {
    pub filter: Filter,
    /// `None`: the opening slide.
    pub at: Option<At>,
    /// A guided tour (index into `Dataset::tours`) played instead of the filter.
    pub tour: Option<u32>,
}

impl PresentState {
    /// Present mode on these events, from the opening slide.
    pub fn of(filter: Filter) -> PresentState {
        PresentState {
            filter,
            ..PresentState::default()
        }
    }

    /// Present mode playing a tour, from its opening slide.
    pub fn tour(ds: &Dataset, id: &str) -> PresentState {
        PresentState {
            tour: ds.tours.iter().position(|t| t.id == id).map(|i| i as u32),
            ..PresentState::default()
        }
    }

    /// The events of the slides: the tour's steps, or the filter's events.
    pub fn events(&self, ds: &Dataset, index: &super::filter::SearchIndex) -> Vec<u32> {
        match self.tour {
            Some(t) => ds.tours[t as usize].steps.iter().map(|s| s.event).collect(),
            None => super::filter::apply(ds, index, &self.filter).events,
        }
    }
}

static PRESENT: [Param<PresentState>; 2] = [Param {
    key: "tour",
    doc: "a guided tour (its id, data/tours.toml) played instead of a filter's events",
    read: |s, ds, v, n| match ds.tours.iter().position(|t| t.id == v.trim()) {
        Some(i) => s.tour = Some(i as u32),
        None => n.unknown_id("tour", v.trim()),
    },
    write: |s, ds, q| {
        if let Some(t) = s.tour {
            q.add("tour", ds.tours[t as usize].id)
        }
    },
}, Param {
    key: "at",
    doc: "the slide shown: an event's id, or sources (the closing slide); none for the opening slide",
    read: |s, ds, v, n| match v.trim() {
        "" => s.at = None,
        super::axis::present::CLOSING_AT => s.at = Some(At::Sources),
        _ => {
            if let Some(e) = read_event("at", v, ds, n) {
                s.at = Some(At::Event(e))
            }
        }
    },
    write: |s, ds, q| match s.at {
        None => {}
        Some(At::Sources) => q.add("at", super::axis::present::CLOSING_AT),
        Some(At::Event(e)) => q.add("at", ds.events[e as usize].id),
    },
}];

impl LinkState for PresentState {
    const PATH: &'static str = "#/present";
    /// The timeline's own view parameters carry over without effect.
    const SILENT: &'static [&'static str] = &["page", "periods", "compare", "lanes", "win", "sel"];

    fn params() -> &'static [Param<Self>] {
        &PRESENT
    }

    crate::carries!(filter);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::dataset::DATASET;
    use crate::core::route::Route;

    fn parse<S: LinkState>(link: &str) -> (S, Vec<Notice>) {
        S::parse(&DATASET, &Route::parse(link).query)
    }

    #[test]
    fn the_axis_state_is_in_the_link_and_reads_back() {
        let ds = &DATASET;
        let link = "#/timeline?q=khiva&periods=none&compare=basmachi-article-phases&lanes=type&win=1919-09/1920-03&sel=khiva-captured-1920";
        let (s, n): (TimelineState, _) = parse(link);
        assert!(n.is_empty(), "{n:?}");
        assert_eq!(s.lanes, LaneBy::Type);
        assert_eq!(
            s.win.map(|w| w.to_link()).as_deref(),
            Some("1919-09/1920-03")
        );
        assert_eq!(
            s.sel.map(|e| ds.events[e as usize].id),
            Some("khiva-captured-1920")
        );
        assert!(s.compare.is_some());
        assert_eq!(
            s.href(ds),
            link,
            "written back exactly, the window readable"
        );
    }

    #[test]
    fn a_bad_window_or_event_is_ignored_with_a_notice() {
        let (s, n): (TimelineState, _) = parse("#/timeline?win=soon&sel=nothing&lanes=diagonal");
        assert_eq!((s.win, s.sel, s.lanes), (None, None, LaneBy::Strand));
        assert_eq!(n.len(), 3, "{n:?}");
        let (s, n): (TimelineState, _) = parse("#/timeline?win=1920/1917");
        assert_eq!(s.win.map(|w| w.to_link()).as_deref(), Some("1917/1920"));
        assert!(matches!(n[0], Notice::WindowSwapped { .. }), "{n:?}");
    }

    #[test]
    fn the_axis_opens_on_the_years_of_the_story() {
        use crate::core::axis::Limits;
        use crate::core::date::day_number;
        let limits = Limits::of_dataset(&DATASET);
        let all = Some((day_number(1889, 1, 1), day_number(2014, 1, 1)));
        let w = opening_window(all, &limits);
        assert!(
            w.start >= f64::from(day_number(1885, 1, 1))
                && w.end <= f64::from(day_number(1945, 1, 1)),
            "{}",
            w.to_link()
        );
        // Results only after 1937 are shown where they are.
        let later = Some((day_number(1989, 1, 1), day_number(1996, 1, 1)));
        let w = opening_window(later, &limits);
        assert!(
            w.start > f64::from(day_number(1988, 1, 1)),
            "{}",
            w.to_link()
        );
    }

    #[test]
    fn present_mode_carries_the_filter_and_the_slide() {
        let ds = &DATASET;
        let (p, n): (PresentState, _) = parse(
            "#/present?strand=khiva&from=1918&to=1920&at=khiva-captured-1920&page=2&win=1917/1920",
        );
        assert!(n.is_empty(), "{n:?}");
        assert_eq!(p.filter.from(), Some(1918));
        assert!(
            matches!(p.at, Some(At::Event(e)) if ds.events[e as usize].id == "khiva-captured-1920")
        );
        assert_eq!(
            p.href(ds),
            "#/present?from=1918&to=1920&strand=khiva&at=khiva-captured-1920"
        );
        let (p, _): (PresentState, _) = parse("#/present?at=sources");
        assert_eq!(p.at, Some(At::Sources));
        let (_, n): (PresentState, _) = parse("#/present?at=nope");
        assert_eq!(
            n,
            vec![Notice::UnknownId {
                what: "event",
                id: "nope".into()
            }]
        );
        // A tour plays its steps, in order.
        if let Some(t) = ds.tours.first() {
            let p = PresentState::tour(ds, t.id);
            assert_eq!(p.href(ds), format!("#/present?tour={}", t.id));
            let steps: Vec<u32> = t.steps.iter().map(|s| s.event).collect();
            assert_eq!(p.events(ds, &crate::core::dataset::SEARCH), steps);
        }
    }
}
