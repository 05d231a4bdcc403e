//! "Where?": the one city an event took place in, among cities far from it and
//! from each other.

use super::Kind;
use crate::core::model::Dataset;
use crate::core::quiz::explain::Explanation;
use crate::core::quiz::gen::{Cand, Gen};
use crate::core::quiz::question::{Question, Subject, Val};
use crate::core::quiz::words::{event_line, place_names};

pub(super) const ID: &str = "where";
pub(super) const LABEL: &str = "Where?";

pub(super) fn candidates(g: &Gen) -> Vec<Cand> {
    g.event_cands().collect()
}

pub(super) fn make(g: &mut Gen, c: Cand) -> Option<Question> {
    g.place(c.event()?)
}

pub(super) fn ask(ds: &Dataset, q: &Question) -> (String, Option<String>) {
    let Subject::Event(e) = q.subject else {
        return Default::default();
    };
    ("Where did this take place?".into(), Some(event_line(ds, e)))
}

pub(super) fn explain(ds: &Dataset, q: &Question, ex: &mut Explanation) -> String {
    let Subject::Event(e) = q.subject else {
        return String::new();
    };
    let ev = ex.event(ds, e);
    format!(
        "“{}” ({}) took place in {}.",
        ev.title,
        ev.date.display(),
        place_names(ds, ev)
    )
}

impl Gen<'_> {
    fn place(&mut self, e: u32) -> Option<Question> {
        if !self.fresh(e) {
            return None;
        }
        let right = self.event_city(e)?;
        let mut cities = self.far_cities(e);
        self.rng.shuffle(&mut cities);
        // Wrong answers far from each other too: never two names for one town.
        let ds = self.ds();
        let mut others: Vec<Val> = Vec::new();
        for c in cities {
            if others.len() + 1 == self.level.options() {
                break;
            }
            let Val::Place(c) = c else { continue };
            let city = &ds.places[c as usize];
            if others.iter().all(|&o| match o {
                Val::Place(o) => {
                    let o = &ds.places[o as usize];
                    (o.lat - city.lat).abs() > 0.5 || (o.lon - city.lon).abs() > 0.7
                }
                _ => true,
            }) {
                others.push(Val::Place(c));
            }
        }
        let others = self.pick(
            [others, Vec::new()],
            self.level.options() - 1,
            &[Val::Place(right)],
        )?;
        self.used_events[e as usize] = true;
        Some(self.choice(Kind::Where, Subject::Event(e), Val::Place(right), others))
    }
}
