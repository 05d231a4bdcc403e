//! The timeline view's state in the link: the filter (which events), and how
//! they are shown — the periodisation on the axis and the page of results.
//!
//! ```text
//! #/timeline?<filter parameters>&periods=amanzholova&sort=date&page=2
//! ```

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
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimelineState {
    pub filter: Filter,
    pub periods: Periods,
    pub sort: Order,
    /// 1-based.
    pub page: u32,
}

impl Default for TimelineState {
    fn default() -> Self {
        TimelineState {
            filter: Filter::default(),
            periods: Periods::Default,
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

static PARAMS: [Param<TimelineState>; 3] = [
    Param {
        key: "periods",
        doc: "the periodisation drawn on the axis (a scheme id from data/periods.toml, or none)",
        read: |s, ds, v, n| {
            if let Some(p) = read_periods(v, ds, n) {
                s.periods = p
            }
        },
        write: |s, ds, q| {
            if let Some(id) = periods_id(s.periods, ds) {
                q.add("periods", id)
            }
        },
    },
    Param {
        key: "sort",
        doc: "the order of a search's results: best (the best matches first, the default) or date",
        read: |s, _, v, n| match Order::ALL.iter().find(|o| o.id() == v) {
            Some(&o) => s.sort = o,
            None => n.bad("sort", v, "use sort=best or sort=date"),
        },
        write: |s, _, q| {
            if s.sort != Order::Best {
                q.add("sort", s.sort.id())
            }
        },
    },
    Param {
        key: "page",
        doc: "the page of results (20 per page)",
        read: |s, _, v, n| link::read_page(&mut s.page, "page", v, n),
        write: |s, _, q| link::write_page(s.page, q),
    },
];

impl LinkState for TimelineState {
    const PATH: &'static str = "#/timeline";

    fn params() -> &'static [Param<Self>] {
        &PARAMS
    }

    fn inner(&mut self) -> Option<&mut dyn link::Inner> {
        Some(&mut self.filter)
    }

    fn inner_ref(&self) -> Option<&dyn link::Inner> {
        Some(&self.filter)
    }
}

/// A page past the last one, said (the page shown is the last).
pub fn page_notice(asked: u32, pages: u32) -> Option<Notice> {
    (asked > pages).then_some(Notice::PageBeyond { asked, last: pages })
}
