//! Study mode: flashcards of a selection of the timeline, with spaced
//! repetition (issue 18).
//!
//! ```text
//! #/study?<filter parameters>&cards=events,people
//! ```
//!
//! - [`cards`] — the cards a filter's events make (events, their people,
//!   their disputes), each line with its citation;
//! - [`schedule`] — Leitner boxes: the grades, the intervals, what is due on a
//!   day (the day is passed in: core reads no clock);
//! - [`stored`] — the progress as JSON, in the browser and as a file.
//!
//! The progress is kept per selection (the filter's canonical query), not per
//! link: `cards=` only chooses which of the selection's cards are asked.

pub mod cards;
pub mod schedule;
pub mod stored;
#[cfg(test)]
mod tests;

pub use cards::{deck, Card, Kind, Line};
pub use schedule::{cards_text, days_text, interval, CardState, Day, Due, Grade, Progress};

use crate::core::filter::Filter;
use crate::core::link::{LinkState, Notices, Param, Query};
use crate::core::model::Dataset;

/// Which kinds of card are asked (a set of [`Kind`]s; every kind by default).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Kinds(u8);

impl Default for Kinds {
    fn default() -> Self {
        Kinds::ALL
    }
}

impl Kinds {
    pub const ALL: Kinds = Kinds(0b111);
    pub const NONE: Kinds = Kinds(0);

    pub fn has(self, k: Kind) -> bool {
        self.0 & k.bit() != 0
    }

    pub fn toggled(self, k: Kind) -> Kinds {
        Kinds(self.0 ^ k.bit())
    }

    fn with(self, k: Kind) -> Kinds {
        Kinds(self.0 | k.bit())
    }
}

/// Everything study mode's link holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StudyState {
    pub filter: Filter,
    pub kinds: Kinds,
}

impl StudyState {
    /// Study mode on these events, every kind of card.
    pub fn of(filter: Filter) -> StudyState {
        StudyState {
            filter,
            ..StudyState::default()
        }
    }

    /// The selection's canonical query: what the progress is kept by.
    pub fn topic(&self, ds: &Dataset) -> String {
        self.filter.query(ds)
    }

    /// Study mode on the selection whose canonical query is `topic` (an
    /// imported file's), with these kinds.
    pub fn of_topic(&self, ds: &Dataset, topic: &str) -> StudyState {
        let (filter, _) = Filter::parse(ds, &crate::core::route::parse_query(topic));
        StudyState {
            filter,
            kinds: self.kinds,
        }
    }
}

fn read_kinds(s: &mut StudyState, _: &Dataset, v: &str, n: &mut Notices) {
    let mut kinds = Kinds::NONE;
    for id in v.split(',').map(str::trim).filter(|x| !x.is_empty()) {
        match Kind::ALL.into_iter().find(|k| k.id() == id) {
            Some(k) => kinds = kinds.with(k),
            None => n.bad(
                "cards",
                id,
                "use cards=events,people,disputes (any of them)",
            ),
        }
    }
    if kinds != Kinds::NONE {
        s.kinds = kinds;
    }
}

fn write_kinds(s: &StudyState, _: &Dataset, q: &mut Query) {
    if s.kinds != Kinds::ALL {
        q.list(
            "cards",
            Kind::ALL
                .into_iter()
                .filter(|&k| s.kinds.has(k))
                .map(Kind::id),
        );
    }
}

static PARAMS: [Param<StudyState>; 1] = [Param {
    key: "cards",
    doc: "which cards are asked: events, people, disputes (comma-separated; all by default)",
    read: read_kinds,
    write: write_kinds,
}];

impl LinkState for StudyState {
    const PATH: &'static str = "#/study";
    /// A timeline link's own keys, carried over without a notice.
    const SILENT: &'static [&'static str] =
        &["page", "periods", "compare", "lanes", "win", "sel", "sort"];

    fn params() -> &'static [Param<Self>] {
        &PARAMS
    }

    crate::carries!(filter);
}
