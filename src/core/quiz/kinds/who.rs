//! "Who?": one of the people who took part in an event, or the holder of a post
//! no one else held, among people from the same strands (on easy, anyone).

use super::Kind;
use crate::core::model::Dataset;
use crate::core::quiz::explain::{Explanation, Ref};
use crate::core::quiz::gen::{Cand, Gen};
use crate::core::quiz::question::{Question, Subject, Val};
use crate::core::quiz::words::{event_line, label, was_role};

pub(super) const ID: &str = "who";
pub(super) const LABEL: &str = "Who?";

pub(super) fn candidates(g: &Gen) -> Vec<Cand> {
    g.event_cands().chain(g.role_cands()).collect()
}

pub(super) fn make(g: &mut Gen, c: Cand) -> Option<Question> {
    match c {
        Cand::Event(e) => g.who(e),
        Cand::Role(p, k) => g.who_held(p, k),
        _ => None,
    }
}

pub(super) fn ask(ds: &Dataset, q: &Question) -> (String, Option<String>) {
    match q.subject {
        Subject::Event(e) => (
            "Who took part in this event?".into(),
            Some(event_line(ds, e)),
        ),
        Subject::Role(p, k) => (
            "Who held this position?".into(),
            Some(format!("“{}”", label(ds, Val::Role(p, k)))),
        ),
        _ => Default::default(),
    }
}

pub(super) fn explain(ds: &Dataset, q: &Question, ex: &mut Explanation) -> String {
    match q.subject {
        Subject::Event(e) => {
            let ev = ex.event(ds, e);
            ev.people.iter().for_each(|&p| ex.link(Ref::Person(p)));
            let names: Vec<&str> = ev
                .people
                .iter()
                .map(|&p| ds.people[p as usize].name)
                .collect();
            format!(
                "“{}” ({}) involved {}.",
                ev.title,
                ev.date.display(),
                names.join(", ")
            )
        }
        Subject::Role(p, k) => {
            let r = ex.role(ds, p, k);
            format!("{}.", was_role(ds.people[p as usize].name, r))
        }
        _ => String::new(),
    }
}

impl Gen<'_> {
    fn who(&mut self, e: u32) -> Option<Question> {
        if !self.fresh(e) {
            return None;
        }
        let ds = self.ds();
        let ev = &ds.events[e as usize];
        let title = self.f.title_keys[e as usize].clone();
        let mut answers: Vec<u16> = ev
            .people
            .iter()
            .copied()
            .filter(|&p| !self.f.person_named_in(p, &title))
            .collect();
        if answers.is_empty() {
            return None;
        }
        self.rng.shuffle(&mut answers);
        let right = answers[0];
        let tiers = self.people_tiers(ev.tags, |p| {
            !ev.people.contains(&p) && !self.f.person_named_in(p, &title)
        });
        let others = self.pick(tiers, self.level.options() - 1, &[Val::Person(right)])?;
        self.used_events[e as usize] = true;
        Some(self.choice(Kind::Who, Subject::Event(e), Val::Person(right), others))
    }

    fn who_held(&mut self, p: u16, k: u8) -> Option<Question> {
        let (r, text) = self.askable_role(p, k)?;
        let tiers = self.rivals(p, r, &text);
        let others = self.pick(tiers, self.level.options() - 1, &[Val::Person(p)])?;
        self.used_roles.push((p, k));
        Some(self.choice(Kind::Who, Subject::Role(p, k), Val::Person(p), others))
    }

}
