//! "True or false": a statement about an event's year or city, or about who held
//! a post; false ones are a few years off, a city far away, another person.

use super::Kind;
use crate::core::model::Dataset;
use crate::core::quiz::explain::{Explanation, Ref};
use crate::core::quiz::gen::{Cand, Gen};
use crate::core::quiz::question::{Question, Statement, Subject, Val};
use crate::core::quiz::words::{place_names, role_words, upper_first, was, was_role};

pub(super) const ID: &str = "truefalse";
pub(super) const LABEL: &str = "True or false";

pub(super) fn candidates(g: &Gen) -> Vec<Cand> {
    g.event_cands().chain(g.role_cands()).collect()
}

pub(super) fn make(g: &mut Gen, c: Cand) -> Option<Question> {
    g.true_false(c)
}

pub(super) fn ask(ds: &Dataset, q: &Question) -> (String, Option<String>) {
    let Subject::Statement(s) = q.subject else {
        return Default::default();
    };
    ("True or false?".into(), Some(statement_text(ds, s)))
}

/// The statement a student judges.
pub fn statement_text(ds: &Dataset, s: Statement) -> String {
    match s {
        Statement::EventYear(e, y) => {
            format!("“{}” happened in {y}.", ds.events[e as usize].title)
        }
        Statement::EventPlace(e, p) => format!(
            "“{}” took place in {}.",
            ds.events[e as usize].title, ds.places[p as usize].name
        ),
        Statement::PersonRole {
            person,
            holder,
            role,
        } => format!(
            "{}.",
            was(
                ds.people[person as usize].name,
                ds.people[holder as usize].roles[role as usize].role
            )
        ),
    }
}

pub(super) fn explain(ds: &Dataset, q: &Question, ex: &mut Explanation) -> String {
    let Subject::Statement(s) = q.subject else {
        return String::new();
    };
    let truth = q.answer.first() == Some(&0);
    let verdict = if truth { "True" } else { "False" };
    match s {
        Statement::EventYear(e, y) => {
            let ev = ex.event(ds, e);
            if truth {
                format!("{verdict}: “{}” is dated {}.", ev.title, ev.date.display())
            } else {
                format!(
                    "{verdict}: “{}” is dated {}, not {y}.",
                    ev.title,
                    ev.date.display()
                )
            }
        }
        Statement::EventPlace(e, p) => {
            let ev = ex.event(ds, e);
            let places = place_names(ds, ev);
            if truth {
                format!("{verdict}: “{}” took place in {places}.", ev.title)
            } else {
                format!(
                    "{verdict}: “{}” took place in {places}, not in {}.",
                    ev.title, ds.places[p as usize].name
                )
            }
        }
        Statement::PersonRole {
            person,
            holder,
            role,
        } => {
            let r = ex.role(ds, holder, role);
            let who = ds.people[holder as usize].name;
            if truth {
                format!("{verdict}: {}.", was_role(who, r))
            } else {
                ex.link(Ref::Person(person));
                format!(
                    "{verdict}: {} was {}, not {}.",
                    upper_first(&role_words(r)),
                    who,
                    ds.people[person as usize].name
                )
            }
        }
    }
}

impl Gen<'_> {
    fn true_false(&mut self, c: Cand) -> Option<Question> {
        let truth = self.rng.below(2) == 0;
        let statement = match c {
            Cand::Event(e) => {
                if !self.fresh(e) {
                    return None;
                }
                let year = self.f.year[e as usize];
                let city = self.event_city(e);
                let by_year = match (year, city) {
                    (Some(_), Some(_)) => self.rng.below(2) == 0,
                    (Some(_), None) => true,
                    (None, Some(_)) => false,
                    (None, None) => return None,
                };
                if by_year {
                    let y = year?;
                    let y = if truth {
                        y
                    } else {
                        let d = 1 + self.rng.below(3) as i16;
                        if self.rng.below(2) == 0 {
                            y + d
                        } else {
                            y - d
                        }
                    };
                    Statement::EventYear(e, y)
                } else if truth {
                    Statement::EventPlace(e, city?)
                } else {
                    let cities = self.far_cities(e);
                    match self.pick([cities, Vec::new()], 1, &[])?[0] {
                        Val::Place(p) => Statement::EventPlace(e, p),
                        _ => return None,
                    }
                }
            }
            Cand::Role(p, k) => {
                let (r, text) = self.askable_role(p, k)?;
                let person = if truth {
                    p
                } else {
                    let tiers = self.rivals(p, r, &text);
                    match self.pick(tiers, 1, &[Val::Person(p)])?[0] {
                        Val::Person(q) => q,
                        _ => return None,
                    }
                };
                Statement::PersonRole {
                    person,
                    holder: p,
                    role: k,
                }
            }
            _ => return None,
        };
        match statement {
            Statement::EventYear(e, _) | Statement::EventPlace(e, _) => {
                self.used_events[e as usize] = true
            }
            Statement::PersonRole { holder, role, .. } => self.used_roles.push((holder, role)),
        }
        Some(Question {
            kind: Kind::TrueFalse,
            subject: Subject::Statement(statement),
            items: Vec::new(),
            options: vec![Val::Truth(true), Val::Truth(false)],
            answer: vec![u8::from(!truth)],
        })
    }
}
