//! "Match people to roles": three posts (four on normal and hard) of different
//! people and organisations, to match with their holders (on hard, with one
//! person too many).

use super::Kind;
use crate::core::model::Dataset;
use crate::core::quiz::explain::Explanation;
use crate::core::quiz::gen::{Cand, Gen};
use crate::core::quiz::question::{Question, Subject, Val};
use crate::core::quiz::spec::Level;
use crate::core::quiz::words::was_role;
use crate::core::text::keys;

pub(super) const ID: &str = "roles";
pub(super) const LABEL: &str = "Match people to roles";

pub(super) fn candidates(_: &Gen) -> Vec<Cand> {
    vec![Cand::Any]
}

pub(super) fn make(g: &mut Gen, _: Cand) -> Option<Question> {
    g.matching()
}

pub(super) fn ask(_: &Dataset, _: &Question) -> (String, Option<String>) {
    (
        "Match each position to the person who held it.".into(),
        None,
    )
}

pub(super) fn explain(ds: &Dataset, q: &Question, ex: &mut Explanation) -> String {
    let lines: Vec<String> = q
        .items
        .iter()
        .filter_map(|&v| match v {
            Val::Role(p, k) => {
                let r = ex.role(ds, p, k);
                Some(was_role(ds.people[p as usize].name, r))
            }
            _ => None,
        })
        .collect();
    format!("{}.", lines.join("; "))
}

impl Gen<'_> {
    /// Two roles that cannot be confused: other people, other organisations, and
    /// neither holds anything in the other's organisation.
    fn roles_apart(&self, (p, k): (u16, u8), (q, l): (u16, u8)) -> bool {
        let (a, b) = (self.f.role(p, k), self.f.role(q, l));
        p != q && a.org != b.org && !self.f.holds_in(p, b.org) && !self.f.holds_in(q, a.org)
    }

    fn matching(&mut self) -> Option<Question> {
        let k = if self.level == Level::Easy { 3 } else { 4 };
        let mut cands: Vec<(u16, u8)> = self
            .roles
            .iter()
            .copied()
            .filter(|&(p, r)| self.role_fresh(p, r))
            .collect();
        self.rng.shuffle(&mut cands);
        let ds = self.ds();
        let mut chosen: Vec<(u16, u8)> = Vec::new();
        for c in cands {
            if chosen.len() == k {
                break;
            }
            let text = keys(self.f.role(c.0, c.1).role);
            let ok = chosen.iter().all(|&x| {
                self.roles_apart(c, x)
                    && ds.people[c.0 as usize].name != ds.people[x.0 as usize].name
                    && !self.f.person_named_in(x.0, &text)
                    && !self
                        .f
                        .person_named_in(c.0, &keys(self.f.role(x.0, x.1).role))
            }) && !self.f.person_named_in(c.0, &text);
            if ok {
                chosen.push(c);
            }
        }
        if chosen.len() < k {
            return None;
        }
        let mut people: Vec<Val> = chosen.iter().map(|&(p, _)| Val::Person(p)).collect();
        if self.level == Level::Hard {
            // One person too many, who holds none of these posts.
            let texts: Vec<String> = chosen
                .iter()
                .map(|&(p, r)| keys(self.f.role(p, r).role))
                .collect();
            let extra: Vec<Val> = (0..ds.people.len() as u16)
                .filter(|&q| {
                    chosen
                        .iter()
                        .all(|&(p, r)| p != q && !self.f.holds_in(q, self.f.role(p, r).org))
                        && !texts.iter().any(|t| self.f.person_named_in(q, t))
                })
                .map(Val::Person)
                .collect();
            people.extend(self.pick([extra, Vec::new()], 1, &people)?);
        }
        self.rng.shuffle(&mut chosen);
        self.rng.shuffle(&mut people);
        let answer = chosen
            .iter()
            .map(|&(p, _)| {
                people
                    .iter()
                    .position(|&v| v == Val::Person(p))
                    .unwrap_or(0) as u8
            })
            .collect();
        self.used_roles.extend(chosen.iter().copied());
        Some(Question {
            kind: Kind::Roles,
            subject: Subject::Match,
            items: chosen.iter().map(|&(p, r)| Val::Role(p, r)).collect(),
            options: people,
            answer,
        })
    }
}
