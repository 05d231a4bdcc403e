//! The timeline's filter: its state, its URL form, and applying it.
//!
//! Link format (the part after `#/timeline?`; every key optional, lists are
//! comma-separated, order and repetition don't matter):
//!
//! ```text
//! q=bukeikhan              free text (names in every spelling, titles, places …)
//! from=1917&to=1920        years, inclusive
//! strand=alash,basmachi    strand / movement tags
//! type=arrest,congress     event types
//! person=alikhan-bukeikhan people, places, organisations, sources (ids)
//! place=semey  org=alash-orda  source=moscow-cage
//! disputed=1               only events the sources disagree on
//! periods=amanzholova      the periodisation shown on the axis ("none" hides it)
//! page=2                   the page of results
//! ```
//!
//! Within one key any value matches; different keys must all match. Unknown
//! keys, ids and malformed values are dropped with a notice, never an error.

use super::date::day_number;
use super::model::{Dataset, Event};
use super::text::{push_keys, Query};
use std::sync::OnceLock;

/// The years the timeline covers.
pub const FIRST_YEAR: i32 = 1891;
pub const LAST_YEAR: i32 = 1937;
/// The periodisation drawn when the link names none.
pub const DEFAULT_SCHEME: &str = "alash-periods-four-stages";
/// Events per page.
pub const PAGE_SIZE: usize = 20;

/// The timeline's whole state. Lists hold dataset indices, sorted and without
/// repeats (what [`Filter::from_query`] and the toggles keep).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub q: String,
    pub from: Option<i32>,
    pub to: Option<i32>,
    pub strands: Vec<u32>,
    pub types: Vec<u32>,
    pub people: Vec<u32>,
    pub places: Vec<u32>,
    pub orgs: Vec<u32>,
    pub sources: Vec<u32>,
    pub disputed: bool,
    /// `None`: the default scheme; `Some(None)`: no bands; `Some(Some(i))`: scheme i.
    pub periods: Option<Option<u32>>,
    /// 1-based.
    pub page: u32,
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
}

impl Facet {
    pub const ALL: [Facet; 9] = [
        Facet::Text,
        Facet::Years,
        Facet::Strand,
        Facet::Type,
        Facet::Person,
        Facet::Place,
        Facet::Org,
        Facet::Source,
        Facet::Disputed,
    ];

    const fn bit(self) -> u16 {
        1 << self as u16
    }

    /// What the facet is called in messages ("Clear the search").
    pub const fn label(self) -> &'static str {
        match self {
            Facet::Text => "search",
            Facet::Years => "years",
            Facet::Strand => "strand",
            Facet::Type => "event type",
            Facet::Person => "person",
            Facet::Place => "place",
            Facet::Org => "organisation",
            Facet::Source => "source",
            Facet::Disputed => "disputed only",
        }
    }
}

const ALL_BITS: u16 = (1 << Facet::ALL.len()) - 1;

fn list_key(kind: &str) -> Option<Facet> {
    Some(match kind {
        "strand" => Facet::Strand,
        "type" => Facet::Type,
        "person" => Facet::Person,
        "place" => Facet::Place,
        "org" => Facet::Org,
        "source" => Facet::Source,
        _ => return None,
    })
}

impl Filter {
    /// True when nothing narrows the events (periods and page aside).
    pub fn is_clear(&self) -> bool {
        Facet::ALL.iter().all(|&f| !self.is_active(f))
    }

    pub fn is_active(&self, f: Facet) -> bool {
        match f {
            Facet::Text => !Query::new(&self.q).is_empty(),
            Facet::Years => self.from.is_some() || self.to.is_some(),
            Facet::Disputed => self.disputed,
            _ => !self.list(f).is_empty(),
        }
    }

    /// The selected values of a list facet.
    pub fn list(&self, f: Facet) -> &[u32] {
        match f {
            Facet::Strand => &self.strands,
            Facet::Type => &self.types,
            Facet::Person => &self.people,
            Facet::Place => &self.places,
            Facet::Org => &self.orgs,
            Facet::Source => &self.sources,
            _ => &[],
        }
    }

    fn list_mut(&mut self, f: Facet) -> Option<&mut Vec<u32>> {
        Some(match f {
            Facet::Strand => &mut self.strands,
            Facet::Type => &mut self.types,
            Facet::Person => &mut self.people,
            Facet::Place => &mut self.places,
            Facet::Org => &mut self.orgs,
            Facet::Source => &mut self.sources,
            _ => return None,
        })
    }

    /// Adds or removes one value of a list facet; back to page 1.
    pub fn toggle(&mut self, f: Facet, value: u32) {
        if let Some(list) = self.list_mut(f) {
            match list.binary_search(&value) {
                Ok(i) => {
                    list.remove(i);
                }
                Err(i) => list.insert(i, value),
            }
        }
        self.page = 1;
    }

    /// Removes one facet's filter; back to page 1.
    pub fn clear(&mut self, f: Facet) {
        match f {
            Facet::Text => self.q.clear(),
            Facet::Years => (self.from, self.to) = (None, None),
            Facet::Disputed => self.disputed = false,
            _ => {
                if let Some(l) = self.list_mut(f) {
                    l.clear()
                }
            }
        }
        self.page = 1;
    }

    /// Reads the query parameters of a timeline URL. Never fails: whatever is
    /// wrong is dropped and described in the returned notices.
    pub fn from_query(ds: &Dataset, pairs: &[(String, String)]) -> (Filter, Vec<String>) {
        let mut f = Filter {
            page: 1,
            ..Filter::default()
        };
        let mut notices = Vec::new();
        for (key, value) in pairs {
            match key.as_str() {
                "q" => {
                    if !f.q.is_empty() && !value.is_empty() {
                        f.q.push(' ');
                    }
                    f.q.push_str(value);
                }
                "from" | "to" => match value.trim().parse::<i32>() {
                    Ok(y) if (FIRST_YEAR..=LAST_YEAR).contains(&y) => {
                        *(if key == "from" { &mut f.from } else { &mut f.to }) = Some(y)
                    }
                    _ => notices.push(format!(
                        "Ignored “{key}={value}”: a year from {FIRST_YEAR} to {LAST_YEAR} was expected."
                    )),
                },
                "disputed" => match value.as_str() {
                    "" | "1" | "true" | "yes" => f.disputed = true,
                    "0" | "false" | "no" => f.disputed = false,
                    _ => notices.push(format!("Ignored “disputed={value}”: use disputed=1.")),
                },
                "periods" => match value.as_str() {
                    "none" => f.periods = Some(None),
                    id => match ds.schemes.iter().position(|s| s.id == id) {
                        Some(i) => f.periods = Some(Some(i as u32)),
                        None => notices.push(format!("Ignored unknown periodisation “{id}”.")),
                    },
                },
                "page" => match value.trim().parse::<u32>() {
                    Ok(p) if p >= 1 => f.page = p,
                    _ => notices.push(format!("Ignored “page={value}”: a page number was expected.")),
                },
                kind => match list_key(kind) {
                    Some(facet) => {
                        for id in value.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                            match index_of(ds, facet, id) {
                                Some(i) => {
                                    let list = f.list_mut(facet).expect("list facet");
                                    if let Err(at) = list.binary_search(&i) {
                                        list.insert(at, i);
                                    }
                                }
                                None => notices.push(format!("Ignored unknown {} “{id}”.", facet.label())),
                            }
                        }
                    }
                    None => notices.push(format!("Ignored unknown link parameter “{kind}”.")),
                },
            }
        }
        if let (Some(a), Some(b)) = (f.from, f.to) {
            if a > b {
                (f.from, f.to) = (Some(b), Some(a));
                notices.push(format!(
                    "The years were the wrong way round: showing {b}–{a}."
                ));
            }
        }
        (f, notices)
    }

    /// The URL query for this state (without `?`): the canonical form of the
    /// link format, empty for the default state.
    pub fn to_query(&self, ds: &Dataset) -> String {
        let mut out = String::new();
        let mut add = |k: &str, v: &str| {
            if !out.is_empty() {
                out.push('&');
            }
            out.push_str(k);
            out.push('=');
            out.push_str(&encode_value(v));
        };
        if !self.q.is_empty() {
            add("q", &self.q);
        }
        if let Some(y) = self.from {
            add("from", &y.to_string());
        }
        if let Some(y) = self.to {
            add("to", &y.to_string());
        }
        for (key, facet) in [
            ("strand", Facet::Strand),
            ("type", Facet::Type),
            ("person", Facet::Person),
            ("place", Facet::Place),
            ("org", Facet::Org),
            ("source", Facet::Source),
        ] {
            let list = self.list(facet);
            if !list.is_empty() {
                let ids: Vec<&str> = list.iter().map(|&i| id_of(ds, facet, i)).collect();
                add(key, &ids.join(","));
            }
        }
        if self.disputed {
            add("disputed", "1");
        }
        match self.periods {
            None => {}
            Some(None) => add("periods", "none"),
            Some(Some(i)) => add("periods", ds.schemes[i as usize].id),
        }
        if self.page > 1 {
            add("page", &self.page.to_string());
        }
        out
    }

    /// The filter in words, for "Cite this view": `search “x”; 1917–1920; …`,
    /// or "all events".
    pub fn describe(&self, ds: &Dataset) -> String {
        let mut parts = Vec::new();
        if self.is_active(Facet::Text) {
            parts.push(format!("search “{}”", self.q.trim()));
        }
        match (self.from, self.to) {
            (Some(a), Some(b)) if a == b => parts.push(a.to_string()),
            (Some(a), Some(b)) => parts.push(format!("{a}–{b}")),
            (Some(a), None) => parts.push(format!("from {a}")),
            (None, Some(b)) => parts.push(format!("to {b}")),
            (None, None) => {}
        }
        for f in [
            Facet::Strand,
            Facet::Type,
            Facet::Person,
            Facet::Place,
            Facet::Org,
            Facet::Source,
        ] {
            let list = self.list(f);
            if !list.is_empty() {
                let names: Vec<&str> = list
                    .iter()
                    .map(|&i| {
                        if f == Facet::Strand || f == Facet::Type {
                            id_of(ds, f, i)
                        } else {
                            label_of(ds, f, i)
                        }
                    })
                    .collect();
                parts.push(format!("{}: {}", f.label(), names.join(", ")));
            }
        }
        if self.disputed {
            parts.push("disputed only".into());
        }
        if parts.is_empty() {
            "all events".into()
        } else {
            parts.join("; ")
        }
    }

    /// The periodisation scheme to draw (index), if any: by default the four
    /// stages of the `alash-periods` authors, else the first scheme.
    pub fn scheme(&self, ds: &Dataset) -> Option<usize> {
        match self.periods {
            None => ds
                .schemes
                .iter()
                .position(|s| s.id == DEFAULT_SCHEME)
                .or((!ds.schemes.is_empty()).then_some(0)),
            Some(s) => s.map(|i| i as usize),
        }
    }
}

/// Percent-encodes a query value but keeps it readable: letters, digits and
/// `-._~,:` stay, a space becomes `+`.
pub fn encode_value(v: &str) -> String {
    let mut out = String::new();
    for part in v.split(' ') {
        if !out.is_empty() {
            out.push('+');
        }
        for c in part.chars() {
            if c.is_ascii_alphanumeric() || "-._~,:".contains(c) {
                out.push(c);
            } else {
                out.push_str(&super::route::encode(c.encode_utf8(&mut [0; 4])));
            }
        }
    }
    out
}

fn index_of(ds: &Dataset, facet: Facet, id: &str) -> Option<u32> {
    let i = match facet {
        Facet::Strand => ds.tags.iter().position(|t| t.id == id),
        Facet::Type => ds.event_types.iter().position(|t| t.id == id),
        Facet::Person => ds.person_index(id),
        Facet::Place => ds.place_index(id),
        Facet::Org => ds.org_index(id),
        Facet::Source => ds.sources.iter().position(|s| s.id == id),
        _ => None,
    };
    i.map(|i| i as u32)
}

/// The id of a list facet's value.
pub fn id_of(ds: &Dataset, facet: Facet, i: u32) -> &'static str {
    let i = i as usize;
    match facet {
        Facet::Strand => ds.tags[i].id,
        Facet::Type => ds.event_types[i].id,
        Facet::Person => ds.people[i].id,
        Facet::Place => ds.places[i].id,
        Facet::Org => ds.orgs[i].id,
        Facet::Source => ds.sources[i].id,
        _ => "",
    }
}

/// What a person reads for a list facet's value.
pub fn label_of(ds: &Dataset, facet: Facet, i: u32) -> &'static str {
    let i = i as usize;
    match facet {
        Facet::Strand => ds.tags[i].description,
        Facet::Type => ds.event_types[i].id,
        Facet::Person => ds.people[i].name,
        Facet::Place => ds.places[i].name,
        Facet::Org => ds.orgs[i].name,
        Facet::Source => ds.sources[i].title,
        _ => "",
    }
}

/// The timeline's text search: every distinct search key of the events (see
/// [`crate::core::text`]) with the events that have it, so a query word is
/// looked up by prefix instead of scanning every event's text. Built on first
/// use (or by [`SearchIndex::prepare`] in idle time), not at start-up.
pub struct SearchIndex<'a> {
    ds: &'a Dataset,
    built: OnceLock<Postings>,
}

/// Sorted keys and their events, flattened into a few vectors.
struct Postings {
    /// The keys, sorted and concatenated: key `k` is `text[starts[k]..starts[k + 1]]`.
    text: String,
    starts: Vec<u32>,
    /// The events having key `k`, ascending: `events[first[k]..first[k + 1]]`.
    first: Vec<u32>,
    events: Vec<u32>,
}

/// A set of events, one bit each.
pub struct EventSet(Vec<u64>);

impl EventSet {
    fn new(n: usize) -> EventSet {
        EventSet(vec![0; n.div_ceil(64)])
    }
    fn insert(&mut self, i: u32) {
        self.0[(i / 64) as usize] |= 1 << (i % 64);
    }
    pub fn contains(&self, i: usize) -> bool {
        self.0.get(i / 64).is_some_and(|w| w & (1 << (i % 64)) != 0)
    }
    fn intersect(&mut self, other: &EventSet) {
        self.0.iter_mut().zip(&other.0).for_each(|(a, b)| *a &= b);
    }
}

impl<'a> SearchIndex<'a> {
    /// Cheap: the index itself is built when first needed.
    pub const fn new(ds: &'a Dataset) -> SearchIndex<'a> {
        SearchIndex {
            ds,
            built: OnceLock::new(),
        }
    }

    /// Builds the index now if it is not built yet.
    pub fn prepare(&self) {
        self.postings();
    }

    fn postings(&self) -> &Postings {
        self.built.get_or_init(|| Postings::new(self.ds))
    }

    /// The events whose text has, for every query word, a key starting with
    /// it; `None` for an empty query (everything matches).
    pub fn matching(&self, query: &Query) -> Option<EventSet> {
        let mut words = query.words();
        let first = words.next()?;
        let p = self.postings();
        let mut set = p.with_prefix(first, self.ds.events.len());
        for w in words {
            set.intersect(&p.with_prefix(w, self.ds.events.len()));
        }
        Some(set)
    }
}

/// The search keys of an event: its title and summary, and every name (all
/// spellings) of its people, places and organisations.
fn push_event_keys(ds: &Dataset, e: &Event, s: &mut String) {
    push_keys(e.title, s);
    push_keys(e.summary, s);
    for &p in e.people {
        let p = &ds.people[p as usize];
        push_keys(p.name, s);
        for n in p.names.iter().chain(p.epithets) {
            push_keys(n.name, s);
        }
    }
    for &p in e.places {
        let p = &ds.places[p as usize];
        push_keys(p.name, s);
        p.names.iter().for_each(|n| push_keys(n, s));
    }
    for &o in e.orgs {
        let o = &ds.orgs[o as usize];
        push_keys(o.name, s);
        o.names.iter().for_each(|n| push_keys(n, s));
    }
}

impl Postings {
    fn new(ds: &Dataset) -> Postings {
        use std::collections::HashMap;
        let mut map: HashMap<String, Vec<u32>> = HashMap::new();
        let mut s = String::new();
        for (i, e) in ds.events.iter().enumerate() {
            s.clear();
            push_event_keys(ds, e, &mut s);
            let i = i as u32;
            for key in s.split(' ').filter(|k| !k.is_empty()) {
                match map.get_mut(key) {
                    Some(v) if v.last() == Some(&i) => {}
                    Some(v) => v.push(i),
                    None => {
                        map.insert(key.to_string(), vec![i]);
                    }
                }
            }
        }
        let mut keys: Vec<(String, Vec<u32>)> = map.into_iter().collect();
        keys.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut p = Postings {
            text: String::new(),
            starts: Vec::with_capacity(keys.len() + 1),
            first: Vec::with_capacity(keys.len() + 1),
            events: Vec::new(),
        };
        for (k, evs) in keys {
            p.starts.push(p.text.len() as u32);
            p.first.push(p.events.len() as u32);
            p.text.push_str(&k);
            p.events.extend(evs);
        }
        p.starts.push(p.text.len() as u32);
        p.first.push(p.events.len() as u32);
        p
    }

    fn key(&self, k: usize) -> &str {
        &self.text[self.starts[k] as usize..self.starts[k + 1] as usize]
    }

    /// The events with a key that starts with `prefix`.
    fn with_prefix(&self, prefix: &str, n: usize) -> EventSet {
        let keys = self.starts.len() - 1;
        let mut lo = 0;
        let mut hi = keys;
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.key(mid) < prefix {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let mut set = EventSet::new(n);
        let mut k = lo;
        while k < keys && self.key(k).starts_with(prefix) {
            let evs = &self.events[self.first[k] as usize..self.first[k + 1] as usize];
            evs.iter().for_each(|&i| set.insert(i));
            k += 1;
        }
        set
    }
}

/// What a filter selects, with the counts the facets show.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Matching events (dataset indices), in chronological order.
    pub events: Vec<u32>,
    /// Per facet value: the events matching every *other* facet that have it.
    pub strands: Vec<u32>,
    pub types: Vec<u32>,
    pub people: Vec<u32>,
    pub places: Vec<u32>,
    pub orgs: Vec<u32>,
    pub sources: Vec<u32>,
    pub disputed: u32,
    /// Per year FIRST_YEAR..=LAST_YEAR (by start year): events matching every
    /// facet but the years.
    pub years: Vec<u32>,
    /// Per facet (in `Facet::ALL` order): how many events would match without it.
    pub without: [u32; 9],
}

impl Outcome {
    /// The counts for a list facet.
    pub fn counts(&self, f: Facet) -> &[u32] {
        match f {
            Facet::Strand => &self.strands,
            Facet::Type => &self.types,
            Facet::Person => &self.people,
            Facet::Place => &self.places,
            Facet::Org => &self.orgs,
            Facet::Source => &self.sources,
            _ => &[],
        }
    }

    /// The active facets that, cleared alone, would bring back events: what to
    /// offer when nothing matches.
    pub fn culprits(&self, filter: &Filter) -> Vec<(Facet, u32)> {
        Facet::ALL
            .iter()
            .enumerate()
            .filter(|&(i, &f)| filter.is_active(f) && self.without[i] > 0)
            .map(|(i, &f)| (f, self.without[i]))
            .collect()
    }
}

/// The first and last day an event may fall on (open bounds stretch out).
fn span(e: &Event) -> (i32, i32) {
    let end = e.date.end_day().unwrap_or(i32::MAX);
    let start = e.date.start_day().unwrap_or(i32::MIN);
    (start, end)
}

/// The year an event is drawn at on the axis: its (first) year.
pub fn start_year(e: &Event) -> i32 {
    i32::from(e.date.start().year)
}

/// True when the facet is inactive or one of `vals` is selected.
fn any(sel: &[bool], inactive: bool, mut vals: impl Iterator<Item = usize>) -> bool {
    inactive || vals.any(|v| sel.get(v).copied().unwrap_or(false))
}

fn mark(selected: &[u32], len: usize) -> Vec<bool> {
    let mut v = vec![false; len];
    for &i in selected {
        if let Some(x) = v.get_mut(i as usize) {
            *x = true;
        }
    }
    v
}

/// Applies a filter: one pass over the events, allocating only the outputs.
pub fn apply(ds: &Dataset, index: &SearchIndex, filter: &Filter) -> Outcome {
    let text = index.matching(&Query::new(&filter.q));
    let first = filter.from.map_or(i32::MIN, |y| day_number(y, 1, 1));
    let last = filter.to.map_or(i32::MAX, |y| day_number(y, 12, 31));
    let strands = mark(&filter.strands, ds.tags.len());
    let types = mark(&filter.types, ds.event_types.len());
    let people = mark(&filter.people, ds.people.len());
    let places = mark(&filter.places, ds.places.len());
    let orgs = mark(&filter.orgs, ds.orgs.len());
    let sources = mark(&filter.sources, ds.sources.len());
    let mut out = Outcome {
        strands: vec![0; ds.tags.len()],
        types: vec![0; ds.event_types.len()],
        people: vec![0; ds.people.len()],
        places: vec![0; ds.places.len()],
        orgs: vec![0; ds.orgs.len()],
        sources: vec![0; ds.sources.len()],
        years: vec![0; (LAST_YEAR - FIRST_YEAR + 1) as usize],
        ..Outcome::default()
    };
    for (i, e) in ds.events.iter().enumerate() {
        let mut bits = 0u16;
        let mut set = |f: Facet, ok: bool| {
            if ok {
                bits |= f.bit()
            }
        };
        set(Facet::Text, text.as_ref().is_none_or(|t| t.contains(i)));
        let (s, t) = span(e);
        set(Facet::Years, s <= last && t >= first);
        set(
            Facet::Strand,
            any(
                &strands,
                filter.strands.is_empty(),
                e.tags.iter().map(|&x| x as usize),
            ),
        );
        set(
            Facet::Type,
            filter.types.is_empty() || types[e.kind as usize],
        );
        set(
            Facet::Person,
            any(
                &people,
                filter.people.is_empty(),
                e.people.iter().map(|&x| x as usize),
            ),
        );
        set(
            Facet::Place,
            any(
                &places,
                filter.places.is_empty(),
                e.places.iter().map(|&x| x as usize),
            ),
        );
        set(
            Facet::Org,
            any(
                &orgs,
                filter.orgs.is_empty(),
                e.orgs.iter().map(|&x| x as usize),
            ),
        );
        set(
            Facet::Source,
            any(
                &sources,
                filter.sources.is_empty(),
                e.cite.iter().map(|c| c.source as usize),
            ),
        );
        set(Facet::Disputed, !filter.disputed || !e.disputes.is_empty());

        if bits == ALL_BITS {
            out.events.push(i as u32);
        }
        for (k, f) in Facet::ALL.iter().enumerate() {
            if bits | f.bit() != ALL_BITS {
                continue;
            }
            out.without[k] += 1;
            match f {
                Facet::Strand => e.tags.iter().for_each(|&t| out.strands[t as usize] += 1),
                Facet::Type => out.types[e.kind as usize] += 1,
                Facet::Person => e.people.iter().for_each(|&p| out.people[p as usize] += 1),
                Facet::Place => e.places.iter().for_each(|&p| out.places[p as usize] += 1),
                Facet::Org => e.orgs.iter().for_each(|&o| out.orgs[o as usize] += 1),
                Facet::Source => {
                    let mut seen = 0u64;
                    for c in e.cite {
                        if seen & (1 << c.source) == 0 {
                            seen |= 1 << c.source;
                            out.sources[c.source as usize] += 1;
                        }
                    }
                }
                Facet::Disputed => out.disputed += u32::from(!e.disputes.is_empty()),
                Facet::Years => {
                    let y = start_year(e);
                    if (FIRST_YEAR..=LAST_YEAR).contains(&y) {
                        out.years[(y - FIRST_YEAR) as usize] += 1;
                    }
                }
                Facet::Text => {}
            }
        }
    }
    out
}

/// The page of `events` to show (1-based `page`, clamped to the last page), and
/// the number of pages.
pub fn page_of(events: &[u32], page: u32) -> (&[u32], u32) {
    let pages = events.len().div_ceil(PAGE_SIZE).max(1) as u32;
    let page = page.clamp(1, pages) as usize;
    let start = (page - 1) * PAGE_SIZE;
    (
        &events[start.min(events.len())..(start + PAGE_SIZE).min(events.len())],
        pages,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::dataset::DATASET;
    use crate::core::route::Route;
    use std::collections::BTreeSet;

    fn search(q: &str) -> BTreeSet<&'static str> {
        let ds = &DATASET;
        let index = SearchIndex::new(ds);
        let f = Filter {
            q: q.into(),
            page: 1,
            ..Filter::default()
        };
        apply(ds, &index, &f)
            .events
            .iter()
            .map(|&i| ds.events[i as usize].id)
            .collect()
    }

    fn events_of_person(id: &str) -> BTreeSet<&'static str> {
        let ds = &DATASET;
        ds.events_of(ds.person(id).unwrap()).map(|e| e.id).collect()
    }

    /// The prefix index finds exactly what scanning every event's text would:
    /// for every word of the dataset cut at every length, alone and in pairs,
    /// and for words that occur nowhere.
    #[test]
    fn the_index_finds_what_a_scan_of_every_event_finds() {
        let ds = &DATASET;
        let index = SearchIndex::new(ds);
        let texts: Vec<String> = ds
            .events
            .iter()
            .map(|e| {
                let mut s = String::from(" ");
                push_event_keys(ds, e, &mut s);
                s
            })
            .collect();
        let scan = |q: &Query| -> Vec<usize> {
            (0..texts.len()).filter(|&i| q.matches(&texts[i])).collect()
        };
        let found = |q: &Query| -> Vec<usize> {
            let set = index.matching(q).expect("a query with words");
            (0..texts.len()).filter(|&i| set.contains(i)).collect()
        };
        let mut words: Vec<&str> = ds
            .events
            .iter()
            .step_by(7)
            .flat_map(|e| e.title.split(' ').chain(e.summary.split(' ').take(3)))
            .collect();
        words.extend([
            "Bökeikhan",
            "BUKEIKHANOV",
            "Букейханов",
            "zzqx",
            "semey alash",
            "1917",
        ]);
        let mut checked = 0;
        for (n, w) in words.iter().enumerate() {
            let chars: Vec<char> = w.chars().collect();
            for len in 1..=chars.len() {
                let part: String = chars[..len].iter().collect();
                let q = Query::new(&part);
                if q.is_empty() {
                    continue;
                }
                assert_eq!(found(&q), scan(&q), "query {part:?}");
                let pair = Query::new(&format!("{part} {}", words[(n * 31 + 7) % words.len()]));
                assert_eq!(found(&pair), scan(&pair), "query {part:?} + another word");
                checked += 1;
            }
        }
        assert!(checked > 1000, "only {checked} queries checked");
        assert!(index.matching(&Query::new(" !? ")).is_none());
        assert!(found(&Query::new("zzqx")).is_empty());
    }

    #[test]
    fn every_spelling_of_a_name_finds_the_same_events() {
        let table: &[(&str, &[&str])] = &[
            (
                "alikhan-bukeikhan",
                &[
                    "Bukeikhan",
                    "Bokeikhanov",
                    "bokeikhan",
                    "BUKEIKHANOV",
                    "Bökeikhan",
                    "Bukeikhanuly",
                ],
            ),
            ("miryakub-dulatuly", &["Dulatuly", "Dulatov", "dulatov"]),
            ("junaid-khan", &["Junaid Khan", "Zhunaidkhan", "zhunaid"]),
        ];
        for (person, spellings) in table {
            let theirs = events_of_person(person);
            assert!(!theirs.is_empty(), "{person} has events");
            let first = search(spellings[0]);
            for s in *spellings {
                let found = search(s);
                assert!(
                    found.is_superset(&theirs),
                    "{s:?} misses events of {person}: {:?}",
                    theirs.difference(&found).collect::<Vec<_>>()
                );
                assert_eq!(
                    found, first,
                    "{s:?} finds other events than {:?}",
                    spellings[0]
                );
            }
        }
    }

    #[test]
    fn place_variants_find_the_events_there() {
        let ds = &DATASET;
        let semey = ds.place("semey").unwrap();
        let there: BTreeSet<_> = ds.events_at(semey).map(|e| e.id).collect();
        assert!(!there.is_empty());
        for name in std::iter::once(&semey.name).chain(semey.names) {
            assert!(search(name).is_superset(&there), "{name}");
        }
    }

    #[test]
    fn a_query_that_matches_nothing_says_which_filter_emptied_it() {
        let ds = &DATASET;
        let index = SearchIndex::new(ds);
        let (f, notices) = Filter::from_query(
            ds,
            &Route::parse("#/timeline?q=bukeikhan&strand=khiva").query,
        );
        assert!(notices.is_empty(), "{notices:?}");
        let out = apply(ds, &index, &f);
        assert!(
            out.events.is_empty(),
            "no Bukeikhan event is in the Khiva strand"
        );
        let culprits: Vec<Facet> = out.culprits(&f).into_iter().map(|(f, _)| f).collect();
        assert_eq!(culprits, vec![Facet::Text, Facet::Strand]);
    }

    #[test]
    fn facet_counts_are_the_matches_each_value_would_give() {
        let ds = &DATASET;
        let index = SearchIndex::new(ds);
        let (f, _) = Filter::from_query(
            ds,
            &Route::parse("#/timeline?q=alash&from=1917&to=1920").query,
        );
        let out = apply(ds, &index, &f);
        for (t, &n) in out.strands.iter().enumerate() {
            let mut g = f.clone();
            g.toggle(Facet::Strand, t as u32);
            assert_eq!(
                apply(ds, &index, &g).events.len() as u32,
                n,
                "strand {}",
                ds.tags[t].id
            );
        }
        let mut g = f.clone();
        g.disputed = true;
        assert_eq!(apply(ds, &index, &g).events.len() as u32, out.disputed);
        // The axis counts, per year, the events every other facet lets through.
        let mut g = f.clone();
        g.clear(Facet::Years);
        let on_axis = apply(ds, &index, &g)
            .events
            .iter()
            .filter(|&&i| (FIRST_YEAR..=LAST_YEAR).contains(&start_year(&ds.events[i as usize])))
            .count();
        assert_eq!(out.years.iter().sum::<u32>() as usize, on_axis);
    }

    #[test]
    fn filters_narrow_as_a_reader_expects() {
        let ds = &DATASET;
        let index = SearchIndex::new(ds);
        let run = |q: &str| {
            let (f, n) = Filter::from_query(ds, &Route::parse(q).query);
            assert!(n.is_empty(), "{q}: {n:?}");
            apply(ds, &index, &f).events
        };
        let all = run("#/timeline");
        assert_eq!(all.len(), ds.events.len());
        for i in run("#/timeline?from=1922&to=1922") {
            let e = &ds.events[i as usize];
            let (s, t) = span(e);
            assert!(
                s <= day_number(1922, 12, 31) && t >= day_number(1922, 1, 1),
                "{}",
                e.id
            );
        }
        for i in run("#/timeline?disputed=1&type=arrest") {
            let e = &ds.events[i as usize];
            assert!(
                !e.disputes.is_empty() && ds.event_types[e.kind as usize].id == "arrest",
                "{}",
                e.id
            );
        }
        let khiva = run("#/timeline?strand=khiva");
        let both = run("#/timeline?strand=khiva,bukhara");
        assert!(
            !khiva.is_empty() && both.len() > khiva.len(),
            "values of one key add up"
        );
        let moscow = run("#/timeline?source=moscow-cage");
        for i in &moscow {
            assert!(ds.events[*i as usize]
                .cite
                .iter()
                .any(|c| ds.sources[c.source as usize].id == "moscow-cage"));
        }
        // Chronological order is kept.
        let keys: Vec<_> = all
            .iter()
            .map(|&i| ds.events[i as usize].date.sort_key())
            .collect();
        assert!(keys.windows(2).all(|w| w[0] <= w[1]));
    }

    /// A small deterministic generator, so the property tests need no crate.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n.max(1) as u64) as usize
        }
        fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
            xs[self.below(xs.len())]
        }
    }

    fn random_filter(r: &mut Rng) -> Filter {
        let ds = &DATASET;
        let mut f = Filter {
            page: 1 + r.below(3) as u32,
            ..Filter::default()
        };
        let words = [
            "Bukeikhan",
            "Bökeikhan ұлы",
            "a&b=c",
            "100%",
            "semey 1917",
            "#/x?y",
            "  ",
        ];
        if r.below(2) == 0 {
            f.q = r.pick(&words).trim().to_string();
        }
        if r.below(2) == 0 {
            let a = FIRST_YEAR + r.below(47) as i32;
            let b = a + r.below((LAST_YEAR - a + 1) as usize) as i32;
            (f.from, f.to) = (Some(a), Some(b));
        }
        for (facet, len) in [
            (Facet::Strand, ds.tags.len()),
            (Facet::Type, ds.event_types.len()),
            (Facet::Person, ds.people.len()),
            (Facet::Place, ds.places.len()),
            (Facet::Org, ds.orgs.len()),
            (Facet::Source, ds.sources.len()),
        ] {
            for _ in 0..r.below(3) {
                let v = r.below(len) as u32;
                if !f.list(facet).contains(&v) {
                    f.toggle(facet, v);
                }
            }
        }
        f.page = 1 + r.below(3) as u32;
        f.disputed = r.below(2) == 0;
        f.periods = match r.below(3) {
            0 => None,
            1 => Some(None),
            _ => Some(Some(r.below(ds.schemes.len()) as u32)),
        };
        f
    }

    #[test]
    fn state_to_url_to_state_is_the_identity() {
        let ds = &DATASET;
        let mut r = Rng(0x9E37_79B9_7F4A_7C15);
        for _ in 0..2000 {
            let f = random_filter(&mut r);
            let url = format!("#/timeline?{}", f.to_query(ds));
            let (back, notices) = Filter::from_query(ds, &Route::parse(&url).query);
            assert!(notices.is_empty(), "{url}: {notices:?}");
            assert_eq!(back, f, "{url}");
        }
        assert_eq!(
            Filter {
                page: 1,
                ..Filter::default()
            }
            .to_query(ds),
            ""
        );
    }

    #[test]
    fn the_link_format_is_readable() {
        let ds = &DATASET;
        let (f, notices) = Filter::from_query(
            ds,
            &Route::parse("#/timeline?q=Alash+Orda&from=1917&to=1920&strand=alash&person=alikhan-bukeikhan&disputed=1").query,
        );
        assert!(notices.is_empty());
        assert_eq!(
            f.to_query(ds),
            "q=Alash+Orda&from=1917&to=1920&strand=alash&person=alikhan-bukeikhan&disputed=1"
        );
    }

    #[test]
    fn a_filter_reads_as_words() {
        let ds = &DATASET;
        let (f, _) = Filter::from_query(
            ds,
            &Route::parse(
                "#/timeline?q=Alash&from=1917&to=1920&person=alikhan-bukeikhan&disputed=1",
            )
            .query,
        );
        assert_eq!(
            f.describe(ds),
            "search “Alash”; 1917–1920; person: Alikhan Bukeikhan; disputed only"
        );
        assert_eq!(Filter::default().describe(ds), "all events");
    }

    #[test]
    fn bad_links_are_ignored_with_a_notice() {
        let ds = &DATASET;
        let (f, notices) = Filter::from_query(
            ds,
            &Route::parse("#/timeline?from=abc&to=1800&person=nobody,alikhan-bukeikhan&colour=red&disputed=maybe&page=0&periods=zzz").query,
        );
        assert_eq!(
            f.people,
            vec![ds.person_index("alikhan-bukeikhan").unwrap() as u32]
        );
        assert_eq!(
            (f.from, f.to, f.disputed, f.page, f.periods),
            (None, None, false, 1, None)
        );
        assert_eq!(notices.len(), 7, "{notices:#?}");
        let (f, notices) =
            Filter::from_query(ds, &Route::parse("#/timeline?from=1930&to=1917").query);
        assert_eq!((f.from, f.to), (Some(1917), Some(1930)));
        assert_eq!(notices.len(), 1);
    }

    #[test]
    fn arbitrary_query_strings_never_panic() {
        let ds = &DATASET;
        let index = SearchIndex::new(ds);
        let alphabet: Vec<char> = "qfromtpersonplacestrand=&,%+#/?-_.19 ZzäöұҚ\u{0}\u{FFFD}😀%E2%8"
            .chars()
            .collect();
        let keys = [
            "q", "from", "to", "strand", "type", "person", "place", "org", "source", "disputed",
            "periods", "page", "",
        ];
        let mut r = Rng(12345);
        for round in 0..3000 {
            let mut s = String::from("#/timeline?");
            for _ in 0..r.below(6) {
                if r.below(2) == 0 {
                    s.push_str(r.pick(&keys));
                    s.push('=');
                }
                let len = if round % 100 == 0 { 5000 } else { r.below(20) };
                for _ in 0..len {
                    s.push(r.pick(&alphabet));
                }
                s.push('&');
            }
            let route = Route::parse(&s);
            let (f, _) = Filter::from_query(ds, &route.query);
            let out = apply(ds, &index, &f);
            let _ = page_of(&out.events, f.page);
            let _ = f.to_query(ds);
        }
    }

    #[test]
    fn pages_cover_the_results_once() {
        let events: Vec<u32> = (0..60).collect();
        assert_eq!(page_of(&events, 1), (&events[0..20], 3));
        assert_eq!(page_of(&events, 3).0, &events[40..60]);
        assert_eq!(
            page_of(&events, 99).0,
            &events[40..60],
            "a page past the end shows the last"
        );
        assert_eq!(page_of(&[], 1), (&[][..], 1));
    }
}
