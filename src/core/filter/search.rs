//! The timeline's text search: an index of the events' words, looked up by
//! the rules of [`crate::core::text`] (exact, English stem, prefix, a typo in a
//! name), and each event scored by how many query words it has and how well.

use super::facts::Facts;
use crate::core::model::{Dataset, Event};
use crate::core::people::sort_pairs;
use crate::core::text::{best_score, search_words, Field, Fit, Search, Term, Word};
use std::sync::OnceLock;

/// The timeline's text search: every distinct word of the events (as its key
/// and stem, see [`crate::core::text`]) with the events that have it and
/// where, so a query word is looked up instead of scanning every event's
/// text. Built on first use (or by [`SearchIndex::prepare`] in idle time), not
/// at start-up.
pub struct SearchIndex<'a> {
    ds: &'a Dataset,
    built: OnceLock<Postings>,
    /// The events' facet values, flattened for [`super::apply`] (built on first use).
    facts: OnceLock<Facts>,
    /// Whether [`SearchIndex::warm`] ran its search.
    warmed: OnceLock<()>,
}

/// The words and their events, flattened into a few vectors. An entry is one
/// distinct (key, stem) pair; entries are sorted by key, then stem.
struct Postings {
    /// Entry `k`'s key is `keys[key_at[k]..key_at[k + 1]]`, its stem
    /// `stems[stem_at[k]..stem_at[k + 1]]`.
    keys: String,
    key_at: Vec<u32>,
    stems: String,
    stem_at: Vec<u32>,
    /// Entry `k`'s word as written: `ascii[ascii_at[k]..ascii_at[k + 1]]`.
    ascii: String,
    ascii_at: Vec<u32>,
    /// The events having entry `k`, ascending, `events[first[k]..first[k + 1]]`,
    /// each with the [`Field`] bits where the word stands in it.
    first: Vec<u32>,
    events: Vec<u32>,
    fields: Vec<u8>,
    /// Entries sorted by stem: `by_stem[i]` is an entry.
    by_stem: Vec<u32>,
    /// The entries that stand in a name somewhere.
    names: Vec<u32>,
    /// Per name entry (as `names`): its word.
    name_words: Vec<Word>,
}

/// How each event matches a query: per event, how many of the query's words
/// it has and the sum of their scores ([`crate::core::text::score`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextMatch {
    pub hits: Vec<u8>,
    pub scores: Vec<u16>,
    /// The query's words.
    pub words: u8,
    /// The most words any event has: the events with this many are the
    /// result (all the words when some event has them all; else the best
    /// partial matches). 0: no event has any.
    pub need: u8,
}

impl TextMatch {
    pub fn contains(&self, i: usize) -> bool {
        self.need > 0 && self.hits.get(i).is_some_and(|&h| h >= self.need)
    }

    /// The rank key of event `i` (higher is better).
    pub fn rank(&self, i: usize) -> u32 {
        u32::from(self.hits[i]) << 16 | u32::from(self.scores[i])
    }
}

/// Longest name key the typo lookup compares (longer ones match only exactly).
const MAX_LEN: usize = 48;

impl<'a> SearchIndex<'a> {
    /// Cheap: the index itself is built when first needed.
    pub const fn new(ds: &'a Dataset) -> SearchIndex<'a> {
        SearchIndex {
            ds,
            built: OnceLock::new(),
            facts: OnceLock::new(),
            warmed: OnceLock::new(),
        }
    }

    /// Builds the index now if it is not built yet.
    pub fn prepare(&self) {
        self.postings();
    }

    /// Builds the index and the events' facet tables, then runs one search
    /// through them — the first two letters of the word most events have, the
    /// kind of query whose results are largest — so that the reader's first
    /// keystroke does not also pay for what a first run costs (the memory its
    /// results take, the browser compiling the code that runs hot). Once; in
    /// idle time (the timeline's; apart from `prepare`, which the header box
    /// calls, so that its module does not carry `apply`).
    pub fn warm(&self) {
        let p = self.postings();
        self.facts();
        if self.warmed.set(()).is_err() {
            return;
        }
        let most = (0..p.len()).max_by_key(|&k| p.first[k + 1] - p.first[k]);
        if let Some(prefix) = most.and_then(|k| p.key(k).get(..2)) {
            let f = super::Filter {
                q: prefix.to_string(),
                ..super::Filter::default()
            };
            let _ = super::apply(self.ds, self, &f).best_first();
        }
    }

    pub(super) fn facts(&self) -> &Facts {
        self.facts.get_or_init(|| Facts::new(self.ds))
    }

    fn postings(&self) -> &Postings {
        self.built.get_or_init(|| Postings::new(self.ds))
    }

    /// The query as this index looks it up: a plain word, one that titles,
    /// summaries or types have (exactly or by its stem) and no name does
    /// ("arrested"), is taken as meant; the others are also looked for as
    /// mistyped names ("Asfendiyarov" for Asfindiyarov).
    pub fn prepare_query(&self, query: &Search) -> Search {
        let p = self.postings();
        let mut q = query.clone();
        for t in &mut q.terms {
            t.typos = !p.plain(&t.word);
        }
        q
    }

    /// How every event matches the query; `None` for an empty query
    /// (everything matches).
    pub fn search(&self, query: &Search) -> Option<TextMatch> {
        if query.is_empty() {
            return None;
        }
        let query = &self.prepare_query(query);
        let p = self.postings();
        let n = self.ds.events.len();
        let mut m = TextMatch {
            hits: vec![0; n],
            scores: vec![0; n],
            words: query.terms.len() as u8,
            need: 0,
        };
        let mut best = vec![0u16; n];
        let mut touched: Vec<u32> = Vec::with_capacity(n);
        let joins = query.joins();
        for (t, term) in query.terms.iter().enumerate() {
            p.add(term, &mut best, &mut touched);
            for (i, j) in &joins {
                if *i == t || i + 1 == t {
                    p.add(j, &mut best, &mut touched);
                }
            }
            for &e in &touched {
                let e = e as usize;
                m.hits[e] += 1;
                m.scores[e] = m.scores[e].saturating_add(best[e]);
                best[e] = 0;
            }
            touched.clear();
        }
        m.need = m.hits.iter().copied().max().unwrap_or(0);
        Some(m)
    }

    /// Calls `f` with each distinct word of the events (plain lower-case
    /// ASCII, as written), its key ([`crate::core::text::fold_word`]), and
    /// whether it stands in a name somewhere (what "did you mean" looks among).
    pub fn each_word(&self, f: &mut dyn FnMut(&str, &str, bool)) {
        let p = self.postings();
        let mut named = vec![false; p.len()];
        p.names.iter().for_each(|&k| named[k as usize] = true);
        for (k, &named) in named.iter().enumerate() {
            f(
                &p.ascii[p.ascii_at[k] as usize..p.ascii_at[k + 1] as usize],
                p.key(k),
                named,
            );
        }
    }
}

/// Calls `f` with each text of an event that search reads, and its field:
/// title, summary, type, and every name (all spellings) of its people, places
/// and organisations.
pub(super) fn event_texts(ds: &Dataset, e: &Event, f: &mut dyn FnMut(&'static str, Field)) {
    f(e.title, Field::Title);
    f(e.summary, Field::Summary);
    if let Some(t) = ds.event_types.get(e.kind as usize) {
        f(t.id, Field::Type);
    }
    for &p in e.people {
        let p = &ds.people[p as usize];
        f(p.name, Field::Name);
        for n in p.names.iter().chain(p.epithets) {
            f(n.name, Field::Name);
        }
    }
    for &p in e.places {
        let p = &ds.places[p as usize];
        f(p.name, Field::Name);
        p.names.iter().for_each(|n| f(n, Field::Name));
    }
    for &o in e.orgs {
        let o = &ds.orgs[o as usize];
        f(o.name, Field::Name);
        o.names.iter().for_each(|n| f(n, Field::Name));
    }
}

impl Postings {
    fn new(ds: &Dataset) -> Postings {
        use std::collections::HashMap;
        // Each distinct ASCII word is folded once: it is one entry.
        let mut forms: HashMap<String, u32> = HashMap::new();
        let mut words: Vec<Word> = Vec::new();
        let mut lists: Vec<Vec<(u32, u8)>> = Vec::new();
        for (i, e) in ds.events.iter().enumerate() {
            let i = i as u32;
            event_texts(ds, e, &mut |text, field| {
                search_words(text, field, &mut |a| {
                    let k = match forms.get(a) {
                        Some(&k) => k,
                        None => {
                            words.push(Word::of(a));
                            lists.push(Vec::new());
                            let k = (lists.len() - 1) as u32;
                            forms.insert(a.to_string(), k);
                            k
                        }
                    };
                    let list = &mut lists[k as usize];
                    match list.last_mut() {
                        Some((e, f)) if *e == i => *f |= field as u8,
                        _ => list.push((i, field as u8)),
                    }
                });
            });
        }
        // By key, then stem (a separator below every letter keeps that order);
        // the one pair sort the core shares.
        let sorted: Vec<String> = words
            .iter()
            .map(|w| format!("{}\u{1}{}", w.key, w.stem))
            .collect();
        let mut pairs: Vec<(&str, u32)> = sorted
            .iter()
            .enumerate()
            .map(|(i, s)| (s.as_str(), i as u32))
            .collect();
        sort_pairs(&mut pairs);
        let order: Vec<u32> = pairs.into_iter().map(|(_, i)| i).collect();
        let mut p = Postings {
            keys: String::new(),
            key_at: Vec::with_capacity(order.len() + 1),
            stems: String::new(),
            stem_at: Vec::with_capacity(order.len() + 1),
            ascii: String::new(),
            ascii_at: Vec::with_capacity(order.len() + 1),
            first: Vec::with_capacity(order.len() + 1),
            events: Vec::new(),
            fields: Vec::new(),
            by_stem: Vec::new(),
            names: Vec::new(),
            name_words: Vec::new(),
        };
        let mut named: Vec<u32> = Vec::new();
        for (k, &w) in order.iter().enumerate() {
            let word = &words[w as usize];
            p.key_at.push(p.keys.len() as u32);
            p.stem_at.push(p.stems.len() as u32);
            p.first.push(p.events.len() as u32);
            p.keys.push_str(&word.key);
            p.stems.push_str(&word.stem);
            p.ascii_at.push(p.ascii.len() as u32);
            p.ascii.push_str(&word.ascii);
            let list = &lists[w as usize];
            if list.iter().any(|&(_, f)| f & Field::Name as u8 != 0) && word.key.len() <= MAX_LEN {
                named.push(k as u32);
            }
            p.events.extend(list.iter().map(|&(e, _)| e));
            p.fields.extend(list.iter().map(|&(_, f)| f));
        }
        p.key_at.push(p.keys.len() as u32);
        p.stem_at.push(p.stems.len() as u32);
        p.ascii_at.push(p.ascii.len() as u32);
        p.first.push(p.events.len() as u32);
        let mut by_stem: Vec<(&str, u32)> =
            (0..order.len()).map(|k| (p.stem(k), k as u32)).collect();
        sort_pairs(&mut by_stem);
        p.by_stem = by_stem.into_iter().map(|(_, k)| k).collect();
        p.names = named;
        p.name_words = p
            .names
            .iter()
            .map(|&k| words[order[k as usize] as usize].clone())
            .collect();
        p
    }

    fn key(&self, k: usize) -> &str {
        &self.keys[self.key_at[k] as usize..self.key_at[k + 1] as usize]
    }

    fn stem(&self, k: usize) -> &str {
        &self.stems[self.stem_at[k] as usize..self.stem_at[k + 1] as usize]
    }

    fn len(&self) -> usize {
        self.first.len() - 1
    }

    /// Is this a plain word: one that some title, summary or type has
    /// (exactly or by its stem) and no name has?
    fn plain(&self, w: &Word) -> bool {
        let mut fields = 0u8;
        let mut k = self.lower_bound(&w.key);
        while k < self.len() && self.key(k) == w.key {
            fields |= self.fields_of(k);
            k += 1;
        }
        if w.stem.len() >= 3 {
            let mut i = self
                .by_stem
                .partition_point(|&k| self.stem(k as usize) < w.stem.as_str());
            while i < self.by_stem.len() && self.stem(self.by_stem[i] as usize) == w.stem {
                fields |= self.fields_of(self.by_stem[i] as usize);
                i += 1;
            }
        }
        fields != 0 && fields & Field::Name as u8 == 0
    }

    /// Every field entry `k` stands in, in some event.
    fn fields_of(&self, k: usize) -> u8 {
        let r = self.first[k] as usize..self.first[k + 1] as usize;
        self.fields[r].iter().fold(0, |a, &f| a | f)
    }

    /// The first entry whose key is not below `key`.
    fn lower_bound(&self, key: &str) -> usize {
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.key(mid) < key {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// Raises each event's best score for this term (`best`), listing the
    /// events first raised from 0 in `touched`.
    fn add(&self, term: &Term, best: &mut [u16], touched: &mut Vec<u32>) {
        // Per fit, the score of each set of the four field bits (a typo and an
        // initial count only in names), worked out once.
        let name = Field::Name as u8;
        let fits = [Fit::Typo, Fit::Prefix, Fit::Stem, Fit::Exact];
        let tables: [[[u16; 16]; 2]; 4] = std::array::from_fn(|i| {
            std::array::from_fn(|j| {
                let only = if j == 0 { 0xFF } else { name };
                std::array::from_fn(|m| best_score(fits[i], m as u8 & only))
            })
        });
        let mut visit = |k: usize, fit: Fit, only: u8| {
            let Some(i) = fits.iter().position(|&f| f == fit) else {
                return;
            };
            let table = &tables[i][usize::from(only == name)];
            let range = self.first[k] as usize..self.first[k + 1] as usize;
            for (&e, &f) in self.events[range.clone()].iter().zip(&self.fields[range]) {
                let s = table[usize::from(f & 15)];
                let b = &mut best[e as usize];
                if s > *b {
                    if *b == 0 {
                        touched.push(e);
                    }
                    *b = s;
                }
            }
        };
        let key = term.word.key.as_str();
        let all = 0xFF;
        // Exact and prefix: the entries whose key starts with the term's.
        let mut k = self.lower_bound(key);
        while k < self.len() && self.key(k).starts_with(key) {
            if term.initial {
                visit(k, Fit::Exact, name);
            } else {
                let fit = if self.key(k) == key {
                    Fit::Exact
                } else {
                    Fit::Prefix
                };
                visit(k, fit, all);
            }
            k += 1;
        }
        if term.initial {
            return;
        }
        // The same stem, or one the term's starts.
        let stem = term.word.stem.as_str();
        if stem.len() >= 3 {
            let mut i = self
                .by_stem
                .partition_point(|&k| self.stem(k as usize) < stem);
            while i < self.by_stem.len() && self.stem(self.by_stem[i] as usize).starts_with(stem) {
                let k = self.by_stem[i] as usize;
                visit(
                    k,
                    if self.stem(k) == stem {
                        Fit::Stem
                    } else {
                        Fit::Prefix
                    },
                    all,
                );
                i += 1;
            }
        }
        // A typo in a name word (of up to two letters off).
        if term.typos && key.len() >= 3 {
            let (kl, al) = (key.len(), term.ascii.len());
            for (&k, w) in self.names.iter().zip(&self.name_words) {
                let close = w.key.len().abs_diff(kl) <= 2 || w.ascii.len().abs_diff(al) <= 2;
                if close && term.typo_of(w) {
                    visit(k as usize, Fit::Typo, name);
                }
            }
        }
        if let Some(near) = term.near.as_ref().filter(|_| term.typos) {
            let mut k = self.lower_bound(near);
            while k < self.len() && self.key(k) == near {
                visit(k, Fit::Typo, name);
                k += 1;
            }
        }
    }
}
