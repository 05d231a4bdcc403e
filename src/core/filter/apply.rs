//! Applying a filter: one pass over the events, with every facet's counts.

use super::facts::{Counts, Facts, AFTER, DISPUTED, KEY};
use super::{Facet, Filter, SearchIndex, TextMatch, ALL_BITS, LAST_YEAR, LISTS, PAGE_SIZE};
use crate::core::date::day_number;
use crate::core::model::{Dataset, Event};
use crate::core::text::Search;

/// What a filter selects, with the counts the facets show.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Matching events (dataset indices), in chronological order.
    pub events: Vec<u32>,
    /// Per list facet value (list `k` of [`LISTS`] at `base[k]..base[k + 1]`):
    /// the events matching every *other* facet that have it.
    lists: Vec<u32>,
    base: [u32; 7],
    pub disputed: u32,
    /// Key events matching every other facet.
    pub key: u32,
    /// Per year FIRST_YEAR..=LAST_YEAR (by start year): events matching every
    /// facet but the years.
    pub years: Vec<u32>,
    /// Events after LAST_YEAR (rehabilitations, archives, historians' work)
    /// matching every facet but the years: the "afterwards" beside the axis.
    pub afterwards: u32,
    /// Per facet (in `Facet::ALL` order): how many events would match without it.
    pub without: [u32; 10],
    /// With a search: per matching event (as `events`), how well it matches
    /// (higher is better: words found, then their scores); empty without one.
    pub ranks: Vec<u32>,
    /// With a search: its words, and how many of them the matching events
    /// have (fewer when no event has them all: the best partial matches).
    pub words: u8,
    pub found: u8,
}

impl Outcome {
    /// No event has every word of the search: the events shown have the
    /// most of them ([`Outcome::found`] of [`Outcome::words`]).
    pub fn partial(&self) -> bool {
        self.found < self.words && !self.events.is_empty()
    }

    /// The matching events, best match first (ties in chronological order);
    /// without a search, as `events`.
    pub fn best_first(&self) -> Vec<u32> {
        if self.ranks.len() != self.events.len() {
            return self.events.clone();
        }
        // A counting sort by rank, best first; `events` is in chronological
        // order, and each rank's events keep it.
        let (Some(&lo), Some(&hi)) = (self.ranks.iter().min(), self.ranks.iter().max()) else {
            return Vec::new();
        };
        let mut next = vec![0u32; (hi - lo) as usize + 2];
        for &r in &self.ranks {
            next[(hi - r) as usize + 1] += 1;
        }
        for k in 1..next.len() {
            next[k] += next[k - 1];
        }
        let mut out = vec![0; self.events.len()];
        for (&e, &r) in self.events.iter().zip(&self.ranks) {
            let at = &mut next[(hi - r) as usize];
            out[*at as usize] = e;
            *at += 1;
        }
        out
    }

    /// The counts for a list facet (empty for the others).
    pub fn counts(&self, f: Facet) -> &[u32] {
        LISTS
            .iter()
            .position(|l| l.facet == f)
            .and_then(|k| {
                self.lists
                    .get(self.base[k] as usize..self.base[k + 1] as usize)
            })
            .unwrap_or(&[])
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

/// The year an event is drawn at on the axis: its (first) year.
pub fn start_year(e: &Event) -> i32 {
    i32::from(e.date.start().year)
}

/// Applies a filter: one pass over the events' flattened facet values
/// ([`Facts`]), allocating only the outputs.
pub fn apply(ds: &Dataset, index: &SearchIndex, filter: &Filter) -> Outcome {
    let facts = index.facts();
    let n = ds.events.len();
    let text = index.search(&Search::new(&filter.q));
    let mut out = Outcome {
        base: facts.base,
        ..Outcome::default()
    };
    if let Some(t) = &text {
        (out.words, out.found) = (t.words, t.need);
    }
    let narrowed = filter.from.is_some()
        || filter.to.is_some()
        || filter.lists.iter().any(|l| !l.is_empty())
        || filter.disputed
        || filter.key;
    let counts = if narrowed {
        narrowed_counts(facts, filter, text.as_ref(), &mut out)
    } else {
        // Only the search narrows, if anything: every other facet counts the
        // matches, and the search's own count is every event.
        let counts = match &text {
            None => {
                out.events = (0..n as u32).collect();
                facts.all.clone()
            }
            Some(t) => {
                let found = (0..n).filter(|&i| t.contains(i)).count();
                out.events.reserve_exact(found);
                out.ranks.reserve_exact(found);
                let mut rest = Vec::with_capacity(n - found);
                for i in 0..n {
                    if t.contains(i) {
                        out.events.push(i as u32);
                        out.ranks.push(t.rank(i));
                    } else {
                        rest.push(i as u32);
                    }
                }
                // Whichever side is smaller is counted: the matches, or
                // every event but the others.
                if rest.len() < out.events.len() {
                    let mut c = facts.all.clone();
                    rest.iter()
                        .for_each(|&i| c.add_all(facts, i as usize, u32::MAX));
                    c
                } else {
                    let mut c = Counts::zero(facts);
                    out.events
                        .iter()
                        .for_each(|&i| c.add_all(facts, i as usize, 1));
                    c
                }
            }
        };
        out.without = [out.events.len() as u32; 10];
        out.without[Facet::Text as usize] = n as u32;
        counts
    };
    let after = AFTER as usize;
    out.years = counts.years[..after].to_vec();
    out.afterwards = counts.years[after];
    out.lists = counts.lists;
    (out.disputed, out.key) = (counts.disputed, counts.key);
    out
}

/// The counts of a filter that narrows by more than the search: per event,
/// which facets it fails; one that fails none is a match and counts for every
/// facet, one that fails one facet counts for that facet only.
fn narrowed_counts(
    facts: &Facts,
    filter: &Filter,
    text: Option<&TextMatch>,
    out: &mut Outcome,
) -> Counts {
    let years = (filter.from.is_some() || filter.to.is_some()).then(|| {
        let first = filter.from.map_or(i32::MIN, |y| day_number(y, 1, 1));
        let last = filter.to.map_or(i32::MAX, |y| day_number(y, 12, 31));
        (first, last)
    });
    // Per flat value: the bit of its facet when the filter chose it.
    let mut chosen = vec![0u16; facts.base[6] as usize];
    let mut lists = 0u16;
    for (k, l) in LISTS.iter().enumerate() {
        for &v in &filter.lists[k] {
            if let Some(c) = chosen.get_mut((facts.base[k] + v) as usize) {
                *c = l.facet.bit();
            }
        }
        if !filter.lists[k].is_empty() {
            lists |= l.facet.bit();
        }
    }
    let mut counts = Counts::zero(facts);
    let mut single = [0u32; 10];
    for i in 0..facts.year.len() {
        let mut bits = ALL_BITS;
        if text.is_some_and(|t| !t.contains(i)) {
            bits &= !Facet::Text.bit();
        }
        if let Some((first, last)) = years {
            let (s, t) = facts.span[i];
            if !(s <= last && t >= first) {
                bits &= !Facet::Years.bit();
            }
        }
        if lists != 0 {
            let vals = &facts.vals[facts.at[i] as usize..facts.at[i + 1] as usize];
            let found = vals.iter().fold(0, |a, &g| a | chosen[g as usize]);
            bits &= !(lists & !found);
        }
        let flags = facts.flags[i];
        if filter.disputed && flags & DISPUTED == 0 {
            bits &= !Facet::Disputed.bit();
        }
        if filter.key && flags & KEY == 0 {
            bits &= !Facet::Key.bit();
        }
        // An event counts for a facet when it matches every other facet.
        let missing = ALL_BITS & !bits;
        if missing == 0 {
            out.events.push(i as u32);
            if let Some(t) = text {
                out.ranks.push(t.rank(i));
            }
            counts.add_all(facts, i, 1);
        } else if missing.is_power_of_two() {
            let f = Facet::ALL[missing.trailing_zeros() as usize];
            single[f as usize] += 1;
            match f {
                Facet::Text => {}
                Facet::Years => counts.add_year(facts, i, 1),
                Facet::Disputed => counts.disputed += u32::from(flags & DISPUTED != 0),
                Facet::Key => counts.key += u32::from(flags & KEY != 0),
                list => counts.add_list(facts, i, list as usize - Facet::Strand as usize),
            }
        }
    }
    let m = out.events.len() as u32;
    out.without = std::array::from_fn(|f| m + single[f]);
    counts
}

/// The page of `events` to show (1-based `page`, clamped to the last page), and
/// the number of pages.
pub fn page_of(events: &[u32], page: u32) -> (&[u32], u32) {
    crate::core::link::page(events, page, PAGE_SIZE)
}

/// The years the events after [`LAST_YEAR`] span (first, last), if there are any.
pub fn afterwards_years(ds: &Dataset) -> Option<(i32, i32)> {
    let mut years = ds.events.iter().map(start_year).filter(|&y| y > LAST_YEAR);
    let first = years.next()?;
    Some(years.fold((first, first), |(a, b), y| (a.min(y), b.max(y))))
}

/// The page of `events` (chronological) where the first event after
/// [`LAST_YEAR`] is, if one is among them.
pub fn afterwards_page(ds: &Dataset, events: &[u32]) -> Option<u32> {
    let at = events
        .iter()
        .position(|&i| start_year(&ds.events[i as usize]) > LAST_YEAR)?;
    Some((at / PAGE_SIZE) as u32 + 1)
}
