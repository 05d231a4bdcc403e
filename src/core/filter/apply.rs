//! Applying a filter: one pass over the events, with every facet's counts.

use super::{Facet, Filter, SearchIndex, ALL_BITS, FIRST_YEAR, LAST_YEAR, LISTS, PAGE_SIZE};
use crate::core::date::day_number;
use crate::core::model::{Dataset, Event};
use crate::core::text::Search;

/// What a filter selects, with the counts the facets show.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Matching events (dataset indices), in chronological order.
    pub events: Vec<u32>,
    /// Per list facet (in [`LISTS`] order), per value: the events matching
    /// every *other* facet that have it.
    lists: [Vec<u32>; 6],
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
            .map_or(&[], |k| &self.lists[k])
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
    let text = index.search(&Search::new(&filter.q));
    let years = (filter.from.is_some() || filter.to.is_some()).then(|| {
        let first = filter.from.map_or(i32::MIN, |y| day_number(y, 1, 1));
        let last = filter.to.map_or(i32::MAX, |y| day_number(y, 12, 31));
        (first, last)
    });
    let marks: Vec<Vec<bool>> = LISTS
        .iter()
        .enumerate()
        .map(|(k, l)| mark(&filter.lists[k], (l.len)(ds)))
        .collect();
    // The facets a filter leaves open match every event: only the others are tested.
    let lists: Vec<usize> = (0..LISTS.len())
        .filter(|&k| !filter.lists[k].is_empty())
        .collect();
    let mut out = Outcome {
        lists: std::array::from_fn(|k| vec![0; (LISTS[k].len)(ds)]),
        years: vec![0; (LAST_YEAR - FIRST_YEAR + 1) as usize],
        ..Outcome::default()
    };
    if let Some(t) = &text {
        (out.words, out.found) = (t.words, t.need);
    }
    for (i, e) in ds.events.iter().enumerate() {
        let mut bits = ALL_BITS;
        let mut unset = |f: Facet, ok: bool| {
            if !ok {
                bits &= !f.bit()
            }
        };
        unset(Facet::Text, text.as_ref().is_none_or(|t| t.contains(i)));
        if let Some((first, last)) = years {
            let (s, t) = span(e);
            unset(Facet::Years, s <= last && t >= first);
        }
        for &k in &lists {
            let mut ok = false;
            (LISTS[k].values)(e, &mut |v| ok |= marks[k].get(v).copied().unwrap_or(false));
            unset(LISTS[k].facet, ok);
        }
        unset(Facet::Disputed, !filter.disputed || !e.disputes.is_empty());
        unset(Facet::Key, !filter.key || e.key);

        // An event counts for a facet when it matches every other facet.
        let missing = ALL_BITS & !bits;
        if missing == 0 {
            out.events.push(i as u32);
            if let Some(t) = &text {
                out.ranks.push(t.rank(i));
            }
            for f in Facet::ALL {
                count(&mut out, e, f);
            }
        } else if missing.is_power_of_two() {
            count(&mut out, e, Facet::ALL[missing.trailing_zeros() as usize]);
        }
    }
    out
}

/// Counts event `e` for facet `f` (it matches every other facet).
fn count(out: &mut Outcome, e: &Event, f: Facet) {
    out.without[f as usize] += 1;
    match f {
        Facet::Disputed => out.disputed += u32::from(!e.disputes.is_empty()),
        Facet::Key => out.key += u32::from(e.key),
        Facet::Years => {
            let y = start_year(e);
            if (FIRST_YEAR..=LAST_YEAR).contains(&y) {
                out.years[(y - FIRST_YEAR) as usize] += 1;
            } else if y > LAST_YEAR {
                out.afterwards += 1;
            }
        }
        Facet::Text => {}
        list => {
            let j = list as usize - Facet::Strand as usize;
            debug_assert_eq!(LISTS[j].facet, list);
            let counts = &mut out.lists[j];
            (LISTS[j].values)(e, &mut |v| counts[v] += 1);
        }
    }
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
