//! "What do the sources disagree on?": which of some events a dispute touches
//! (the others are undisputed), or which date(s) the sources give in a dispute
//! over when something happened.

use super::Kind;
use crate::core::date::Date;
use crate::core::model::Dataset;
use crate::core::quiz::calendar::{disjoint, shift};
use crate::core::quiz::explain::{Explanation, Ref};
use crate::core::quiz::gen::{sort_small, Cand, Gen};
use crate::core::quiz::question::{Question, Subject, Val};
use crate::core::quiz::spec::Level;

pub(super) const ID: &str = "disputes";
pub(super) const LABEL: &str = "What do the sources disagree on?";

/// The disputes about the topic's events, then its disputed events.
pub(super) fn candidates(g: &Gen) -> Vec<Cand> {
    let ds = g.ds();
    let disputes = ds
        .disputes
        .iter()
        .enumerate()
        .filter(|(_, d)| d.events.iter().any(|&e| g.in_pool[e as usize]))
        .map(|(i, _)| Cand::Dispute(i as u16));
    let disputed = g
        .pool
        .iter()
        .filter(|&&e| g.f.disputed[e as usize])
        .map(|&e| Cand::Event(e));
    disputes.chain(disputed).collect()
}

pub(super) fn make(g: &mut Gen, c: Cand) -> Option<Question> {
    match c {
        Cand::Dispute(d) => g.dispute_dates(d),
        Cand::Event(e) => g.disputed_event(e),
        _ => None,
    }
}

pub(super) fn ask(ds: &Dataset, q: &Question) -> (String, Option<String>) {
    match q.subject {
        Subject::DisputedEvent => (
            "The sources disagree on, or doubt, part of one of these events. Which one?".into(),
            None,
        ),
        Subject::DisputeDates(d) => {
            let title = ds.disputes[d as usize].title.to_string();
            match q.options.first() {
                Some(Val::Dates(..)) => (
                    "The sources give two different dates for this. Which two?".into(),
                    Some(title),
                ),
                _ => (
                    "The sources give different dates for this. Which of these dates does one of them give?"
                        .into(),
                    Some(title),
                ),
            }
        }
        _ => Default::default(),
    }
}

pub(super) fn explain(ds: &Dataset, q: &Question, ex: &mut Explanation) -> String {
    match q.subject {
        Subject::DisputedEvent => {
            let e = match q.options.get(q.answer[0] as usize) {
                Some(&Val::Event(e)) => e,
                _ => 0,
            };
            let ev = &ds.events[e as usize];
            ex.link(Ref::Event(e));
            let mut ds_ids: Vec<u16> = ev.disputes.to_vec();
            for (i, d) in ds.disputes.iter().enumerate() {
                if d.events.contains(&e) && !ds_ids.contains(&(i as u16)) {
                    ds_ids.push(i as u16);
                }
            }
            let titles: Vec<&str> = ds_ids
                .iter()
                .map(|&d| {
                    ex.link(Ref::Dispute(d));
                    let dispute = &ds.disputes[d as usize];
                    dispute.claims.iter().for_each(|c| ex.cite(c.cite));
                    dispute.title
                })
                .collect();
            format!(
                "The sources do not agree about “{}”: {} The other events are not disputed.",
                ev.title,
                titles.join(" ")
            )
        }
        Subject::DisputeDates(d) => {
            let dispute = &ds.disputes[d as usize];
            ex.link(Ref::Dispute(d));
            let claims: Vec<String> = dispute
                .claims
                .iter()
                .filter_map(|c| {
                    ex.cite(c.cite);
                    let date = c.date?;
                    let src = c
                        .cite
                        .first()
                        .map_or("", |x| ds.sources[x.source as usize].title);
                    Some(format!("{} ({src})", date.display()))
                })
                .collect();
            format!("{} The sources give: {}.", dispute.title, claims.join("; "))
        }
        _ => String::new(),
    }
}

/// The distinct dates a dispute's claims give, in claim order.
pub fn claim_dates(ds: &Dataset, d: u16) -> Vec<Date> {
    let mut out: Vec<Date> = Vec::new();
    for c in ds.disputes[d as usize].claims {
        if let Some(x) = c.date {
            if !out.iter().any(|o| o.display() == x.display()) {
                out.push(x);
            }
        }
    }
    out
}

fn pair_val(a: Date, b: Date) -> Val {
    if (b.sort_key(), b.to_data_string()) < (a.sort_key(), a.to_data_string()) {
        Val::Dates(b, a)
    } else {
        Val::Dates(a, b)
    }
}


impl Gen<'_> {
    fn disputed_event(&mut self, e: u32) -> Option<Question> {
        if self.used_events[e as usize] || !self.f.disputed[e as usize] {
            return None;
        }
        let ds = self.ds();
        let tags = ds.events[e as usize].tags;
        let undisputed = |x: &u32| !self.f.disputed[*x as usize];
        let near: Vec<Val> = self
            .pool
            .iter()
            .filter(|x| undisputed(x))
            .map(|&x| Val::Event(x))
            .collect();
        let far: Vec<Val> = (0..ds.events.len() as u32)
            .filter(|x| undisputed(x) && !self.in_pool[*x as usize])
            .filter(|&x| ds.events[x as usize].tags.iter().any(|t| tags.contains(t)))
            .map(Val::Event)
            .collect();
        let others = self.pick([near, far], self.level.options() - 1, &[Val::Event(e)])?;
        self.used_events[e as usize] = true;
        Some(self.choice(
            Kind::Disputes,
            Subject::DisputedEvent,
            Val::Event(e),
            others,
        ))
    }

    fn dispute_dates(&mut self, d: u16) -> Option<Question> {
        if self.used_disputes[d as usize] {
            return None;
        }
        // Only a dispute about *when*: the dates its claims give cannot all be
        // true together (none overlaps another).
        let claimed = claim_dates(self.ds(), d);
        let clash = claimed
            .iter()
            .enumerate()
            .all(|(i, a)| claimed[i + 1..].iter().all(|b| disjoint(a, b)));
        if claimed.len() < 2 || !clash {
            return None;
        }
        // A wrong date overlaps none that a source gives.
        let wrong = |x: &Date| claimed.iter().all(|c| disjoint(c, x));
        let reach = match self.level {
            Level::Easy => 6,
            Level::Normal => 4,
            Level::Hard => 2,
        };
        let mut shifts: Vec<i32> = (1..=reach).flat_map(|s| [s, -s]).collect();
        let k = self.level.options() - 1;
        let (right, others) = if claimed.len() == 2 {
            let (a, b) = (claimed[0], claimed[1]);
            let mut cands = Vec::new();
            for &s in &shifts {
                for pair in [
                    (shift(a, s), Some(b)),
                    (Some(a), shift(b, s)),
                    (shift(a, s), shift(b, -s)),
                ] {
                    if let (Some(x), Some(y)) = pair {
                        // Each date given by a source or plainly wrong (never both),
                        // not both given, and the two apart.
                        let given = |z: &Date| claimed.iter().any(|c| c.display() == z.display());
                        let fits = |z: &Date| wrong(z) || given(z);
                        if fits(&x) && fits(&y) && !(given(&x) && given(&y)) && disjoint(&x, &y) {
                            cands.push(pair_val(x, y));
                        }
                    }
                }
            }
            let right = pair_val(a, b);
            (right, self.pick([cands, Vec::new()], k, &[right])?)
        } else {
            let right = Val::Date(claimed[self.rng.below(claimed.len())]);
            let Val::Date(r) = right else { return None };
            self.rng.shuffle(&mut shifts);
            let cands: Vec<Val> = shifts
                .iter()
                .filter_map(|&s| shift(r, s))
                .filter(wrong)
                .map(Val::Date)
                .collect();
            (right, self.pick([cands, Vec::new()], k, &[right])?)
        };
        self.used_disputes[d as usize] = true;
        let mut q = self.choice(Kind::Disputes, Subject::DisputeDates(d), right, others);
        // Dates read best in time order.
        let right = q.options[q.answer[0] as usize];
        sort_small(&mut q.options, |v| match *v {
            Val::Date(x) | Val::Dates(x, _) => x.sort_key(),
            _ => (0, 0),
        });
        q.answer = vec![q.options.iter().position(|&v| v == right).unwrap_or(0) as u8];
        Some(q)
    }
}
