//! The timeline's filter: which events a reader asks for. The timeline, the
//! quiz's topic, and every view built on the timeline's filter share it.
//!
//! Link format (every key optional, lists comma-separated, order and repetition
//! don't matter; the parameters are defined once, in [`params`]):
//!
//! ```text
//! q=bukeikhan              free text (names in every spelling, titles, places …)
//! from=1917&to=1920        years, inclusive
//! strand=alash,basmachi    strand / movement tags
//! type=arrest,congress     event types
//! person=alikhan-bukeikhan people, places, organisations, sources (ids)
//! place=semey  org=alash-orda  source=moscow-cage
//! disputed=1               only events the sources disagree on
//! ```
//!
//! Within one key any value matches; different keys must all match. Unknown
//! keys, ids and malformed values are dropped with a notice, never an error.

mod apply;
mod facts;
pub mod pick;
mod search;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

pub use apply::{afterwards_page, afterwards_years, apply, page_of, start_year, Outcome};
pub use search::{SearchIndex, TextMatch};

use super::link::{self, LinkState, Notice, Notices, Param, Query};
use super::model::{Dataset, Event};
use super::text::Search;

/// The years the timeline covers.
pub const FIRST_YEAR: i32 = 1891;
pub const LAST_YEAR: i32 = 1937;
/// Events per page.
pub const PAGE_SIZE: usize = 20;

/// Which events a reader asks for. The years are never the wrong way round and
/// the lists hold dataset indices, sorted and without repeats: both kept by the
/// setters, so the fields that carry them are private.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub q: String,
    from: Option<i32>,
    to: Option<i32>,
    /// Per list facet, in [`LISTS`] order.
    lists: [Vec<u32>; 6],
    pub disputed: bool,
    /// Only the key events (`key = true` in data/).
    pub key: bool,
}

/// The filters a user can set, each with a count per value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Facet {
    Text,
    Years,
    Strand,
    Type,
    Person,
    Place,
    Org,
    Source,
    Disputed,
    Key,
}

impl Facet {
    pub const ALL: [Facet; 10] = [
        Facet::Text,
        Facet::Years,
        Facet::Strand,
        Facet::Type,
        Facet::Person,
        Facet::Place,
        Facet::Org,
        Facet::Source,
        Facet::Disputed,
        Facet::Key,
    ];

    const fn bit(self) -> u16 {
        1 << self as u16
    }

    /// The facet's entry in [`LISTS`], for the six list facets.
    pub fn list(self) -> Option<&'static ListFacet> {
        LISTS.iter().find(|l| l.facet == self)
    }

    /// What the facet is called in messages ("Clear the search").
    pub fn label(self) -> &'static str {
        match self {
            Facet::Text => "search",
            Facet::Years => "years",
            Facet::Disputed => "disputed only",
            Facet::Key => "key events only",
            f => f.list().map_or("", |l| l.label),
        }
    }

    /// The facet's key in the link (also used in element ids).
    pub fn key(self) -> &'static str {
        match self {
            Facet::Text => "q",
            Facet::Years => "years",
            Facet::Disputed => "disputed",
            Facet::Key => "key",
            f => f.list().map_or("", |l| l.key),
        }
    }
}

const ALL_BITS: u16 = (1 << Facet::ALL.len()) - 1;

/// A facet whose values are records of the dataset (a strand, a person …): all
/// that differs between the six, in one table.
pub struct ListFacet {
    pub facet: Facet,
    /// The key in the link, and the word in element ids.
    pub key: &'static str,
    /// The word in messages ("Ignored unknown person “x”").
    pub label: &'static str,
    /// How many values the dataset has.
    pub len: fn(&Dataset) -> usize,
    pub id: fn(&Dataset, usize) -> &'static str,
    /// What a reader sees for a value.
    pub name: fn(&Dataset, usize) -> &'static str,
    pub find: fn(&Dataset, &str) -> Option<usize>,
    /// Calls `f` once with each value the event has.
    pub values: fn(&Event, &mut dyn FnMut(usize)),
}

/// A facet over a table of the dataset, its values found by id (a vocabulary,
/// people, places, organisations, the sources):
/// a value reads as its `$name` field; `$values` gives an event's values.
macro_rules! table_facet {
    ($facet:ident, $key:literal, $label:literal, $table:ident, $name:ident, $values:expr) => {
        ListFacet {
            facet: Facet::$facet,
            key: $key,
            label: $label,
            len: |ds| ds.$table.len(),
            id: |ds, i| ds.$table[i].id,
            name: |ds, i| ds.$table[i].$name,
            find: |ds, id| ds.$table.iter().position(|t| t.id == id),
            values: $values,
        }
    };
}

/// The six list facets, in the order the link writes them.
pub static LISTS: [ListFacet; 6] = [
    table_facet!(Strand, "strand", "strand", tags, description, |e, f| e
        .tags
        .iter()
        .for_each(|&t| f(t as usize))),
    table_facet!(Type, "type", "event type", event_types, id, |e, f| f(
        e.kind as usize
    )),
    table_facet!(Person, "person", "person", people, name, |e, f| e
        .people
        .iter()
        .for_each(|&x| f(x as usize))),
    table_facet!(Place, "place", "place", places, name, |e, f| e
        .places
        .iter()
        .for_each(|&x| f(x as usize))),
    table_facet!(Org, "org", "organisation", orgs, name, |e, f| e
        .orgs
        .iter()
        .for_each(|&x| f(x as usize))),
    // Each source once, however many of its paragraphs the event cites.
    table_facet!(Source, "source", "source", sources, title, |e, f| {
        let mut seen = 0u64;
        for c in e.cite {
            if seen & (1 << c.source) == 0 {
                seen |= 1 << c.source;
                f(c.source as usize);
            }
        }
    }),
];

fn slot(f: Facet) -> Option<usize> {
    LISTS.iter().position(|l| l.facet == f)
}

impl Filter {
    /// True when nothing narrows the events.
    pub fn is_clear(&self) -> bool {
        Facet::ALL.iter().all(|&f| !self.is_active(f))
    }

    pub fn is_active(&self, f: Facet) -> bool {
        match f {
            Facet::Text => !Search::new(&self.q).is_empty(),
            Facet::Years => self.from.is_some() || self.to.is_some(),
            Facet::Disputed => self.disputed,
            Facet::Key => self.key,
            _ => !self.list(f).is_empty(),
        }
    }

    pub fn from(&self) -> Option<i32> {
        self.from
    }

    pub fn to(&self) -> Option<i32> {
        self.to
    }

    /// Sets both years; the wrong way round they are swapped (true then).
    pub fn set_years(&mut self, from: Option<i32>, to: Option<i32>) -> bool {
        let keep = |y: Option<i32>| y.filter(|y| (FIRST_YEAR..=LAST_YEAR).contains(y));
        (self.from, self.to) = (keep(from), keep(to));
        if let (Some(a), Some(b)) = (self.from, self.to) {
            if a > b {
                (self.from, self.to) = (Some(b), Some(a));
                return true;
            }
        }
        false
    }

    /// Sets the first year (a year past `to` swaps the two).
    pub fn set_from(&mut self, y: Option<i32>) {
        self.set_years(y, self.to);
    }

    /// Sets the last year (a year before `from` swaps the two).
    pub fn set_to(&mut self, y: Option<i32>) {
        self.set_years(self.from, y);
    }

    /// The selected values of a list facet (empty for the others).
    pub fn list(&self, f: Facet) -> &[u32] {
        slot(f).map_or(&[], |k| &self.lists[k])
    }

    /// Adds or removes one value of a list facet.
    pub fn toggle(&mut self, f: Facet, value: u32) {
        if let Some(k) = slot(f) {
            link::toggle_sorted(&mut self.lists[k], value);
        }
    }

    /// Selects exactly these values of a list facet.
    pub fn set_list(&mut self, f: Facet, values: impl IntoIterator<Item = u32>) {
        if let Some(k) = slot(f) {
            self.lists[k].clear();
            values
                .into_iter()
                .for_each(|v| link::insert_sorted(&mut self.lists[k], v));
        }
    }

    /// The filter of just one value of a list facet (a person's events …).
    pub fn of(facet: Facet, value: u32) -> Filter {
        let mut f = Filter::default();
        f.toggle(facet, value);
        f
    }

    /// Removes one facet's filter.
    pub fn clear(&mut self, f: Facet) {
        match f {
            Facet::Text => self.q.clear(),
            Facet::Years => (self.from, self.to) = (None, None),
            Facet::Disputed => self.disputed = false,
            Facet::Key => self.key = false,
            _ => self.set_list(f, []),
        }
    }

    /// The filter in words, for "Cite this view": `search “x”; 1917–1920; …`,
    /// or "all events".
    pub fn describe(&self, ds: &Dataset) -> String {
        let mut parts = Vec::new();
        if self.is_active(Facet::Text) {
            parts.push(format!("search “{}”", self.q.trim()));
        }
        if let Some(y) = self.years_text() {
            parts.push(y);
        }
        for l in &LISTS {
            let list = self.list(l.facet);
            if !list.is_empty() {
                let names: Vec<&str> = list
                    .iter()
                    .map(|&i| {
                        if l.facet == Facet::Strand {
                            ds.tags[i as usize].name
                        } else if l.facet == Facet::Type {
                            (l.id)(ds, i as usize)
                        } else {
                            (l.name)(ds, i as usize)
                        }
                    })
                    .collect();
                parts.push(format!("{}: {}", l.label, names.join(", ")));
            }
        }
        if self.disputed {
            parts.push("disputed only".into());
        }
        if self.key {
            parts.push("key events only".into());
        }
        if parts.is_empty() {
            "all events".into()
        } else {
            parts.join("; ")
        }
    }

    /// The years in words (`1917–1920`, `from 1917`), if any are set.
    pub fn years_text(&self) -> Option<String> {
        match (self.from, self.to) {
            (Some(a), Some(b)) if a == b => Some(a.to_string()),
            (Some(a), Some(b)) => Some(format!("{a}–{b}")),
            (Some(a), None) => Some(format!("from {a}")),
            (None, Some(b)) => Some(format!("to {b}")),
            (None, None) => None,
        }
    }
}

/// The id of a list facet's value.
pub fn id_of(ds: &Dataset, facet: Facet, i: u32) -> &'static str {
    facet.list().map_or("", |l| (l.id)(ds, i as usize))
}

/// What a person reads for a list facet's value.
pub fn label_of(ds: &Dataset, facet: Facet, i: u32) -> &'static str {
    facet.list().map_or("", |l| (l.name)(ds, i as usize))
}

/// What a year field holds while it is being typed in: `Some(None)` when it is
/// empty (no limit), `Some(Some(y))` when it is a whole year Tarikh covers, and
/// `None` while it is neither yet ("19" on the way to "1918"), which changes nothing.
pub fn typed_year(text: &str) -> Option<Option<i32>> {
    let t = text.trim();
    if t.is_empty() {
        return Some(None);
    }
    match t.parse::<i32>() {
        Ok(y) if t.len() == 4 && (FIRST_YEAR..=LAST_YEAR).contains(&y) => Some(Some(y)),
        _ => None,
    }
}

const YEAR_HINT: &str = "a year from 1891 to 1937 was expected";

fn read_year(key: &'static str, value: &str, notices: &mut Notices) -> Option<i32> {
    match value.trim().parse::<i32>() {
        Ok(y) if (FIRST_YEAR..=LAST_YEAR).contains(&y) => Some(y),
        _ => {
            notices.bad(key, value, YEAR_HINT);
            None
        }
    }
}

fn read_list<const K: usize>(f: &mut Filter, ds: &Dataset, v: &str, n: &mut Notices) {
    let l = &LISTS[K];
    link::read_ids(&mut f.lists[K], v, l.label, n, |id| (l.find)(ds, id));
}

fn write_list<const K: usize>(f: &Filter, ds: &Dataset, q: &mut Query) {
    let l = &LISTS[K];
    q.list(l.key, f.lists[K].iter().map(|&i| (l.id)(ds, i as usize)));
}

const fn list_param<const K: usize>(key: &'static str, doc: &'static str) -> Param<Filter> {
    Param {
        key,
        doc,
        read: read_list::<K>,
        write: write_list::<K>,
    }
}

/// The filter's parameters, in the order the link writes them.
static PARAMS: [Param<Filter>; 11] = [
    link::text_param!(
        "free text: titles, descriptions, and every spelling of people, places, organisations"
    ),
    Param {
        key: "from",
        doc: "the first year (1891–1937)",
        read: |f, _, v, n| f.from = read_year("from", v, n).or(f.from),
        write: |f, _, q| q.opt("from", f.from.map(|y| y.to_string())),
    },
    Param {
        key: "to",
        doc: "the last year (1891–1937)",
        read: |f, _, v, n| f.to = read_year("to", v, n).or(f.to),
        write: |f, _, q| q.opt("to", f.to.map(|y| y.to_string())),
    },
    list_param::<0>("strand", "strand / movement tags (data/vocab.toml)"),
    list_param::<1>("type", "event types (data/vocab.toml)"),
    list_param::<2>("person", "ids of people"),
    list_param::<3>("place", "ids of places"),
    list_param::<4>("org", "ids of organisations"),
    list_param::<5>("source", "source ids (data/sources.toml)"),
    link::flag_param!(
        "disputed",
        disputed,
        "only events the sources disagree on (disputed=1)"
    ),
    link::flag_param!(
        "key",
        key,
        "only the key events, the ones to know first (key=1)"
    ),
];

impl LinkState for Filter {
    const PATH: &'static str = "#/timeline";

    fn params() -> &'static [Param<Filter>] {
        &PARAMS
    }

    fn finish(&mut self, _: &Dataset, notices: &mut Notices) {
        if self.set_years(self.from, self.to) {
            notices.push(Notice::YearsSwapped {
                from: self.from.unwrap_or_default(),
                to: self.to.unwrap_or_default(),
            });
        }
    }
}
