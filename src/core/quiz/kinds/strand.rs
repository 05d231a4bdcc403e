//! "Which movement or strand?": a strand an event belongs to, among strands none
//! of its people or organisations belong to.

use super::Kind;
use crate::core::model::Dataset;
use crate::core::quiz::explain::Explanation;
use crate::core::quiz::gen::{Cand, Gen};
use crate::core::quiz::question::{Question, Subject, Val};
use crate::core::quiz::words::event_line;

pub(super) const ID: &str = "strand";
pub(super) const LABEL: &str = "Which movement or strand?";

pub(super) fn candidates(g: &Gen) -> Vec<Cand> {
    g.event_cands().collect()
}

pub(super) fn make(g: &mut Gen, c: Cand) -> Option<Question> {
    g.strand(c.event()?)
}

pub(super) fn ask(ds: &Dataset, q: &Question) -> (String, Option<String>) {
    let Subject::Event(e) = q.subject else {
        return Default::default();
    };
    (
        "Which strand of the history does this event belong to?".into(),
        Some(event_line(ds, e)),
    )
}

pub(super) fn explain(ds: &Dataset, q: &Question, ex: &mut Explanation) -> String {
    let Subject::Event(e) = q.subject else {
        return String::new();
    };
    let ev = ex.event(ds, e);
    let tags: Vec<&str> = ev
        .tags
        .iter()
        .map(|&t| ds.tags[t as usize].description)
        .collect();
    format!("“{}” belongs to: {}.", ev.title, tags.join("; "))
}

impl Gen<'_> {
    fn strand(&mut self, e: u32) -> Option<Question> {
        if !self.fresh(e) {
            return None;
        }
        let ds = self.ds();
        let ev = &ds.events[e as usize];
        // A strand the event's people or organisations belong to could be argued
        // for, so it is never offered as a wrong answer.
        let near = |t: u8| {
            ev.tags.contains(&t)
                || ev
                    .people
                    .iter()
                    .any(|&p| ds.people[p as usize].tags.contains(&t))
                || ev
                    .orgs
                    .iter()
                    .any(|&o| ds.orgs[o as usize].tags.contains(&t))
        };
        let others: Vec<Val> = (0..ds.tags.len() as u8)
            .filter(|&t| !near(t))
            .map(Val::Tag)
            .collect();
        let right = ev.tags[self.rng.below(ev.tags.len())];
        let others = self.pick(
            [others, Vec::new()],
            self.level.options() - 1,
            &[Val::Tag(right)],
        )?;
        self.used_events[e as usize] = true;
        Some(self.choice(Kind::Strand, Subject::Event(e), Val::Tag(right), others))
    }
}
