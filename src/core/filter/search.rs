//! The timeline's text search: a prefix index of the events' search keys.

use crate::core::model::{Dataset, Event};
use crate::core::text::{push_keys, Query};
use std::sync::OnceLock;

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
pub(super) fn push_event_keys(ds: &Dataset, e: &Event, s: &mut String) {
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

