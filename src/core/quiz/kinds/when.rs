//! "When did it happen?": the year of an event dated within one year (on hard,
//! the month, when it lies within one), among years (months) near it.

use super::Kind;
use crate::core::model::Dataset;
use crate::core::quiz::explain::Explanation;
use crate::core::quiz::gen::{Cand, Gen};
use crate::core::quiz::question::{Question, Subject, Val};
use crate::core::quiz::spec::Level;
use crate::core::quiz::words::event_title;

pub(super) const ID: &str = "when";
pub(super) const LABEL: &str = "When did it happen?";

pub(super) fn candidates(g: &Gen) -> Vec<Cand> {
    g.event_cands().collect()
}

pub(super) fn make(g: &mut Gen, c: Cand) -> Option<Question> {
    g.when(c.event()?)
}

pub(super) fn ask(ds: &Dataset, q: &Question) -> (String, Option<String>) {
    let Subject::Event(e) = q.subject else {
        return Default::default();
    };
    let asked = match q.options.first() {
        Some(Val::Month(..)) => "In which month did this happen?",
        _ => "In which year did this happen?",
    };
    (asked.into(), Some(event_title(ds, e)))
}

pub(super) fn explain(ds: &Dataset, q: &Question, ex: &mut Explanation) -> String {
    let Subject::Event(e) = q.subject else {
        return String::new();
    };
    let ev = ex.event(ds, e);
    format!("“{}” is dated {}.", ev.title, ev.date.display())
}

impl Gen<'_> {
    fn year_distractors(&mut self, y: i16, k: usize) -> Option<Vec<Val>> {
        let (reach, gap) = match self.level {
            Level::Easy => (10, 3),
            Level::Normal => (5, 1),
            Level::Hard => (3, 1),
        };
        let mut offsets: Vec<i16> = (gap..=reach).flat_map(|d| [d, -d]).collect();
        self.rng.shuffle(&mut offsets);
        let mut chosen: Vec<i16> = Vec::new();
        for d in offsets {
            if chosen.len() == k {
                break;
            }
            if chosen.iter().all(|&c| (c - d).abs() >= gap) {
                chosen.push(d);
            }
        }
        (chosen.len() == k).then(|| chosen.into_iter().map(|d| Val::Year(y + d)).collect())
    }

    fn when(&mut self, e: u32) -> Option<Question> {
        if !self.fresh(e) {
            return None;
        }
        let year = self.f.year[e as usize]?;
        let k = self.level.options() - 1;
        let q = match (self.level, self.f.month[e as usize]) {
            (Level::Hard, Some((y, m))) => {
                let mut offsets: Vec<i32> = (1..=5).flat_map(|d| [d, -d]).collect();
                self.rng.shuffle(&mut offsets);
                let others = offsets
                    .into_iter()
                    .take(k)
                    .map(|d| {
                        let i = i32::from(y) * 12 + i32::from(m) - 1 + d;
                        Val::Month((i / 12) as i16, (i % 12 + 1) as u8)
                    })
                    .collect();
                self.choice(Kind::When, Subject::Event(e), Val::Month(y, m), others)
            }
            _ => {
                let others = self.year_distractors(year, k)?;
                self.choice(Kind::When, Subject::Event(e), Val::Year(year), others)
            }
        };
        self.used_events[e as usize] = true;
        Some(q)
    }

}
