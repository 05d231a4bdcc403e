//! Each event's facet values, flattened once: what [`super::apply`] reads per
//! event instead of the records, and the counts over every event.

use super::{start_year, FIRST_YEAR, LAST_YEAR, LISTS};
use crate::core::model::{Dataset, Event};

/// An event's year slot past the timeline's years: one after LAST_YEAR (the
/// "afterwards"), or one before FIRST_YEAR (counted nowhere).
pub(super) const AFTER: u8 = (LAST_YEAR - FIRST_YEAR + 1) as u8;
pub(super) const BEFORE: u8 = AFTER + 1;
/// [`Facts::flags`] bits.
pub(super) const DISPUTED: u8 = 1;
pub(super) const KEY: u8 = 2;

/// Every event's facet values in a few flat vectors. A list facet's value `v`
/// (of list `k` in [`LISTS`] order) is counted at `base[k] + v` of one count
/// vector for all six lists.
pub(super) struct Facts {
    pub base: [u32; 7],
    /// Event `i`'s values, `vals[at[i]..at[i + 1]]`, ascending (so list by
    /// list, in [`LISTS`] order), each once.
    pub at: Vec<u32>,
    pub vals: Vec<u32>,
    /// Per event: its year's slot in [`super::Outcome::years`], or [`AFTER`] or [`BEFORE`].
    pub year: Vec<u8>,
    /// Per event: [`DISPUTED`], [`KEY`].
    pub flags: Vec<u8>,
    /// Per event: the first and last day it may fall on (open bounds stretch out).
    pub span: Vec<(i32, i32)>,
    /// The counts over every event: the facets of a filter that narrows nothing.
    pub all: Counts,
}

/// Per facet value, how many events have it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Counts {
    /// Per list facet value, at `base[k] + v`.
    pub lists: Vec<u32>,
    /// Per year slot, [`AFTER`] last; [`BEFORE`] is not counted.
    pub years: Vec<u32>,
    pub disputed: u32,
    pub key: u32,
}

impl Counts {
    pub fn zero(facts: &Facts) -> Counts {
        Counts {
            lists: vec![0; facts.base[6] as usize],
            years: vec![0; AFTER as usize + 1],
            disputed: 0,
            key: 0,
        }
    }

    /// Adds (`by` 1) or takes away (`by` u32::MAX, wrapping) event `i`'s values
    /// of every facet.
    #[inline]
    pub fn add_all(&mut self, facts: &Facts, i: usize, by: u32) {
        for &g in &facts.vals[facts.at[i] as usize..facts.at[i + 1] as usize] {
            let c = &mut self.lists[g as usize];
            *c = c.wrapping_add(by);
        }
        self.add_year(facts, i, by);
        let flags = facts.flags[i];
        self.disputed = self
            .disputed
            .wrapping_add(by * u32::from(flags & DISPUTED != 0));
        self.key = self.key.wrapping_add(by * u32::from(flags & KEY != 0));
    }

    #[inline]
    pub fn add_year(&mut self, facts: &Facts, i: usize, by: u32) {
        if let Some(c) = self.years.get_mut(facts.year[i] as usize) {
            *c = c.wrapping_add(by);
        }
    }

    /// Adds event `i`'s values of list `k` only.
    pub fn add_list(&mut self, facts: &Facts, i: usize, k: usize) {
        let (lo, hi) = (facts.base[k], facts.base[k + 1]);
        for &g in &facts.vals[facts.at[i] as usize..facts.at[i + 1] as usize] {
            if (lo..hi).contains(&g) {
                self.lists[g as usize] += 1;
            }
        }
    }
}

impl Facts {
    pub fn new(ds: &Dataset) -> Facts {
        let mut base = [0u32; 7];
        for (k, l) in LISTS.iter().enumerate() {
            base[k + 1] = base[k] + (l.len)(ds) as u32;
        }
        let n = ds.events.len();
        let mut f = Facts {
            base,
            at: Vec::with_capacity(n + 1),
            vals: Vec::new(),
            year: Vec::with_capacity(n),
            flags: Vec::with_capacity(n),
            span: Vec::with_capacity(n),
            all: Counts::default(),
        };
        for e in ds.events {
            f.at.push(f.vals.len() as u32);
            let from = f.vals.len();
            for (k, l) in LISTS.iter().enumerate() {
                (l.values)(e, &mut |v| f.vals.push(base[k] + v as u32));
            }
            // Each value once (a person named twice counts once).
            f.vals[from..].sort_unstable();
            let mut last = None;
            let mut w = from;
            for r in from..f.vals.len() {
                let g = f.vals[r];
                if last != Some(g) {
                    f.vals[w] = g;
                    w += 1;
                    last = Some(g);
                }
            }
            f.vals.truncate(w);
            f.year.push(year_slot(e));
            f.flags.push(
                if e.disputes.is_empty() { 0 } else { DISPUTED } | if e.key { KEY } else { 0 },
            );
            let end = e.date.end_day().unwrap_or(i32::MAX);
            let start = e.date.start_day().unwrap_or(i32::MIN);
            f.span.push((start, end));
        }
        f.at.push(f.vals.len() as u32);
        let mut all = Counts::zero(&f);
        for i in 0..n {
            all.add_all(&f, i, 1);
        }
        f.all = all;
        f
    }
}

fn year_slot(e: &Event) -> u8 {
    let y = start_year(e);
    if y < FIRST_YEAR {
        BEFORE
    } else if y > LAST_YEAR {
        AFTER
    } else {
        (y - FIRST_YEAR) as u8
    }
}
