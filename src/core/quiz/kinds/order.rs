//! "Put events in order": four events (five on hard), exactly dated and far
//! enough apart, shown in any order but the right one.

use super::Kind;
use crate::core::model::Dataset;
use crate::core::quiz::explain::Explanation;
use crate::core::quiz::gen::{sort_small, Cand, Gen};
use crate::core::quiz::question::{Question, Subject, Val};
use crate::core::quiz::spec::Level;
use crate::core::quiz::words::event_line;

pub(super) const ID: &str = "order";
pub(super) const LABEL: &str = "Put events in order";

pub(super) fn candidates(_: &Gen) -> Vec<Cand> {
    vec![Cand::Any]
}

pub(super) fn make(g: &mut Gen, _: Cand) -> Option<Question> {
    g.order()
}

pub(super) fn ask(_: &Dataset, _: &Question) -> (String, Option<String>) {
    ("Put these events in order, earliest first.".into(), None)
}

pub(super) fn explain(ds: &Dataset, q: &Question, ex: &mut Explanation) -> String {
    let mut events: Vec<u32> = q
        .answer
        .iter()
        .filter_map(|&i| match q.items.get(i as usize) {
            Some(&Val::Event(e)) => Some(e),
            _ => None,
        })
        .collect();
    events.dedup();
    let lines: Vec<String> = events
        .iter()
        .enumerate()
        .map(|(n, &e)| {
            ex.event(ds, e);
            format!("{}. {}", n + 1, event_line(ds, e))
        })
        .collect();
    format!("In order: {}.", lines.join("; "))
}

impl Gen<'_> {
    fn order(&mut self) -> Option<Question> {
        let (k, gap) = match self.level {
            Level::Easy => (4, 365),
            Level::Normal => (4, 60),
            Level::Hard => (5, 1),
        };
        let mut cands: Vec<(u32, (i32, i32))> = self
            .pool
            .iter()
            .filter(|&&e| !self.used_in_order[e as usize])
            .filter_map(|&e| Some((e, self.f.span[e as usize]?)))
            .collect();
        self.rng.shuffle(&mut cands);
        let ds = self.ds();
        let mut chosen: Vec<(u32, (i32, i32))> = Vec::new();
        for (e, (s, t)) in cands {
            if chosen.len() == k {
                break;
            }
            let apart = chosen.iter().all(|&(c, (cs, ct))| {
                (s - ct >= gap || cs - t >= gap)
                    && ds.events[c as usize].title != ds.events[e as usize].title
            });
            if apart {
                chosen.push((e, (s, t)));
            }
        }
        if chosen.len() < k {
            return None;
        }
        // Shown in any order but the right one.
        loop {
            self.rng.shuffle(&mut chosen);
            if chosen.windows(2).any(|w| w[0].1 .0 > w[1].1 .0) {
                break;
            }
        }
        let mut answer: Vec<u8> = (0..k as u8).collect();
        sort_small(&mut answer, |&i| chosen[i as usize].1 .0);
        for &(e, _) in &chosen {
            self.used_in_order[e as usize] = true;
        }
        Some(Question {
            kind: Kind::Order,
            subject: Subject::Order,
            items: chosen.iter().map(|&(e, _)| Val::Event(e)).collect(),
            options: Vec::new(),
            answer,
        })
    }
}
