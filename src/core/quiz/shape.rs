//! What a teacher shapes beyond the topic filter: more parts of the topic,
//! chosen events, the questions replaced or removed in the preview, and the
//! defaults of links made since the preview existed (`v=2`: no trivia, key
//! events first). Their parameters are rows of the quiz's one table
//! (`spec.rs`); what they mean for generation is here.
//!
//! ```text
//! also=type:arrest/person:alikhan-bukeikhan   one more part of the topic (repeatable, ≤ 5):
//!                          a timeline filter written key:value, pairs joined by `/`
//! events=id,id             chosen events, one more part of the topic
//! v=2                      the defaults of links the setup makes now: no later archive
//!                          releases or publications, key events asked first
//! trivia=1                 with v=2: include them after all
//! swap=3,3,5               questions replaced, in the order replaced (slot numbers of the
//!                          quiz as first made; 3 twice: its second replacement)
//! drop=2,7                 questions removed (same numbering)
//! ```
//!
//! The topic is the union of its parts: the main filter's keys (when any is
//! given, or when no other part is), each `also=`, and `events=`. A link
//! without these keys means exactly what it meant before they existed.

use super::spec::{Spec, MAX_QUESTIONS};
use crate::core::date::day_number;
use crate::core::filter::{apply, Filter, SearchIndex};
use crate::core::link::{encode_value, LinkState, Notices, Query};
use crate::core::model::Dataset;
use crate::core::route::{decode, parse_query};

/// The most `also=` parts a link may carry.
pub const MAX_PARTS: usize = 5;
/// The most chosen events, and the most replacements, a link may carry.
pub const MAX_EVENTS: usize = 60;
pub const MAX_SWAPS: usize = 60;
/// The last year of the story: historiography after it is "later".
const STORY_END: i32 = 1937;
/// The strand whose later events are the trivia `v=2` leaves out.
const LATER_STRAND: &str = "historiography";

/// The teacher's shaping of a quiz (every part empty/false in an old link).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Shape {
    /// More parts of the topic (`also=`), each never clear.
    pub parts: Vec<Filter>,
    /// Chosen events (`events=`), sorted, no repeats.
    pub events: Vec<u32>,
    /// Replaced slots (0-based), in order.
    pub swaps: Vec<u8>,
    /// Removed slots (0-based), sorted, no repeats.
    pub drops: Vec<u8>,
    /// `v=2`: no trivia, key events first.
    pub v2: bool,
    /// `trivia=1`: with `v2`, the later archive releases and publications too.
    pub trivia: bool,
}

impl Shape {
    /// Whether the topic has parts beyond the main filter.
    pub fn has_parts(&self) -> bool {
        !self.parts.is_empty() || !self.events.is_empty()
    }

    /// Whether later historiography is left out.
    pub fn no_trivia(&self) -> bool {
        self.v2 && !self.trivia
    }

    /// Marks slot `i` (0-based, of the quiz as first made) replaced once more.
    pub fn swap(&mut self, i: u8) {
        if self.swaps.len() < MAX_SWAPS {
            self.swaps.push(i);
        }
    }

    /// Removes slot `i`, unless it is the last question left of `n`.
    pub fn remove(&mut self, i: u8, n: u32) -> bool {
        if self.drops.contains(&i) || self.drops.len() + 1 >= n as usize {
            return false;
        }
        self.drops.push(i);
        self.drops.sort_unstable();
        true
    }

    /// The question edits undone (the topic and defaults kept).
    pub fn clear_edits(&mut self) {
        self.swaps.clear();
        self.drops.clear();
    }
}

/// An event the `v=2` default leaves out: a historiography event after 1937
/// (an archive opening, a rehabilitation, a publication).
pub fn is_trivia(ds: &Dataset, e: u32) -> bool {
    let ev = &ds.events[e as usize];
    let later = ev
        .date
        .start_day()
        .is_some_and(|d| d > day_number(STORY_END, 12, 31));
    later
        && ev
            .tags
            .iter()
            .any(|&t| ds.tags[t as usize].id == LATER_STRAND)
}

/// The topic's events and the days its roles may fall in.
pub(super) struct Topic {
    pub pool: Vec<u32>,
    pub first: i32,
    pub last: i32,
}

fn span(f: &Filter) -> (i32, i32) {
    (
        f.from().map_or(i32::MIN, |y| day_number(y, 1, 1)),
        f.to().map_or(i32::MAX, |y| day_number(y, 12, 31)),
    )
}

/// The events of a spec's topic: exactly the filter's result for a topic of
/// one part (as before parts existed), else the union in the dataset's order.
pub(super) fn topic(ds: &Dataset, index: &SearchIndex, spec: &Spec) -> Topic {
    let sh = &spec.shape;
    let (mut pool, (mut first, mut last)) = if !sh.has_parts() {
        (apply(ds, index, &spec.filter).events, span(&spec.filter))
    } else {
        let mut inside = vec![false; ds.events.len()];
        let mut parts: Vec<&Filter> = sh.parts.iter().collect();
        if !spec.filter.is_clear() {
            parts.push(&spec.filter);
        }
        let (mut first, mut last) = (i32::MAX, i32::MIN);
        for f in parts {
            apply(ds, index, f)
                .events
                .into_iter()
                .for_each(|e| inside[e as usize] = true);
            let (a, b) = span(f);
            (first, last) = (first.min(a), last.max(b));
        }
        for &e in &sh.events {
            inside[e as usize] = true;
            let d = ds.events[e as usize].date;
            first = first.min(d.start_day().unwrap_or(i32::MIN));
            last = last.max(d.end_day().unwrap_or(i32::MAX));
        }
        let pool = (0..ds.events.len() as u32)
            .filter(|&e| inside[e as usize])
            .collect();
        (pool, (first, last))
    };
    if sh.no_trivia() {
        pool.retain(|&e| !is_trivia(ds, e));
        last = last.min(day_number(STORY_END, 12, 31));
        first = first.min(last);
    }
    Topic { pool, first, last }
}

/// The events of a spec's topic (after the `v=2` trivia rule), as the
/// generator takes them: what the setup form counts.
pub fn topic_events(ds: &Dataset, index: &SearchIndex, spec: &Spec) -> Vec<u32> {
    topic(ds, index, spec).pool
}

/// Event candidates reordered toward key events (`v=2`): of every four, three
/// key events while they last; otherwise the shuffled order is kept.
pub(super) fn key_first<T: Copy>(
    ds: &Dataset,
    cands: &mut Vec<T>,
    event: impl Fn(T) -> Option<u32>,
) {
    let is_key = |c: &T| event(*c).is_some_and(|e| ds.events[e as usize].key);
    let (keys, others): (Vec<T>, Vec<T>) = cands.iter().partition(|c| is_key(c));
    let (mut k, mut o) = (keys.into_iter(), others.into_iter());
    let mut out = Vec::with_capacity(cands.len());
    loop {
        let before = out.len();
        out.extend(k.by_ref().take(3));
        out.extend(o.next());
        if out.len() == before {
            break;
        }
    }
    *cands = out;
}

// ---- The link: read and written by the rows of spec.rs's table ----

/// `also=`: one filter written `key:value` pairs joined by `/`.
pub(super) fn read_part(s: &mut Spec, ds: &Dataset, value: &str, n: &mut Notices) {
    if s.shape.parts.len() >= MAX_PARTS {
        return n.bad("also", value, "at most 5 more parts of a topic");
    }
    let pairs: Vec<(String, String)> = value
        .split('/')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once(':') {
            Some((k, v)) => (k.trim().to_string(), decode(v)),
            None => (p.trim().to_string(), String::new()),
        })
        .collect();
    let (f, notices) = Filter::parse(ds, &pairs);
    notices.into_iter().for_each(|x| n.push(x));
    if f.is_clear() {
        n.bad(
            "also",
            value,
            "a part of the topic needs a limit, e.g. also=place:khiva",
        );
    } else if !s.shape.parts.contains(&f) {
        s.shape.parts.push(f);
    }
}

pub(super) fn write_parts(s: &Spec, ds: &Dataset, q: &mut Query) {
    for f in &s.shape.parts {
        q.add("also", &part_text(ds, f));
    }
}

/// A filter as one `also=` value.
pub fn part_text(ds: &Dataset, f: &Filter) -> String {
    parse_query(&f.query(ds))
        .iter()
        .map(|(k, v)| format!("{k}:{}", encode_value(v).replace('/', "%2F")))
        .collect::<Vec<_>>()
        .join("/")
}

pub(super) fn read_events(s: &mut Spec, ds: &Dataset, value: &str, n: &mut Notices) {
    for id in value.split(',').map(str::trim).filter(|v| !v.is_empty()) {
        match ds.event_index(id) {
            Some(e) if s.shape.events.len() < MAX_EVENTS => {
                crate::core::link::insert_sorted(&mut s.shape.events, e as u32)
            }
            Some(_) => return n.bad("events", id, "at most 60 chosen events"),
            None => n.unknown_id("event", id),
        }
    }
}

pub(super) fn write_events(s: &Spec, ds: &Dataset, q: &mut Query) {
    q.list(
        "events",
        s.shape.events.iter().map(|&e| ds.events[e as usize].id),
    )
}

/// Slot numbers (1-based in the link) into `out`; `sorted` keeps a set.
pub(super) fn read_slots(
    key: &'static str,
    out: &mut Vec<u8>,
    sorted: bool,
    value: &str,
    n: &mut Notices,
) {
    for v in value.split(',').map(str::trim).filter(|v| !v.is_empty()) {
        match v.parse::<u32>() {
            Ok(k) if (1..=MAX_QUESTIONS).contains(&k) && out.len() < MAX_SWAPS => {
                let i = (k - 1) as u8;
                if !sorted {
                    out.push(i);
                } else if !out.contains(&i) {
                    out.push(i);
                    out.sort_unstable();
                }
            }
            _ => return n.bad(key, v, "question numbers from 1 to 30 were expected"),
        }
    }
}

pub(super) fn write_slots(key: &str, slots: &[u8], q: &mut Query) {
    let text: Vec<String> = slots.iter().map(|i| (i + 1).to_string()).collect();
    q.list(key, text.iter().map(String::as_str));
}

/// A short id for a quiz, from its fingerprint: six Crockford base32
/// characters in two groups ("K3F-9A2"), easy to read aloud and to match a
/// printed sheet with its key.
pub fn quiz_id(fingerprint: u64) -> String {
    let a = super::code::ALPHABET;
    let d: Vec<char> = (0..6)
        .map(|i| a[((fingerprint >> (59 - 5 * i)) & 31) as usize] as char)
        .collect();
    format!("{}{}{}-{}{}{}", d[0], d[1], d[2], d[3], d[4], d[5])
}
