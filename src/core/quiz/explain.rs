//! Why the right answer is right: the text (each type's is in its file under
//! `kinds/`), the citations it rests on, and the records to read next.

use super::kinds;
use super::question::Question;
use crate::core::model::{Cite, Dataset, Event, Role};

/// A record an explanation links to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ref {
    Event(u32),
    Person(u16),
    Dispute(u16),
}

/// Why the right answer is right, where that comes from, and what to read next.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Explanation {
    pub text: String,
    pub cites: Vec<Cite>,
    pub links: Vec<Ref>,
}

impl Explanation {
    /// Adds citations not cited yet.
    pub(super) fn cite(&mut self, cites: &[Cite]) {
        for c in cites {
            if !self.cites.contains(c) {
                self.cites.push(*c);
            }
        }
    }

    pub(super) fn link(&mut self, r: Ref) {
        self.links.push(r);
    }

    /// Cites an event and links to it.
    pub(super) fn event(&mut self, ds: &Dataset, e: u32) -> &'static Event {
        let ev = &ds.events[e as usize];
        self.cite(ev.cite);
        self.link(Ref::Event(e));
        ev
    }

    /// Cites a person's role and links to the person.
    pub(super) fn role(&mut self, ds: &Dataset, p: u16, k: u8) -> &'static Role {
        let r = &ds.people[p as usize].roles[k as usize];
        self.cite(r.cite);
        self.link(Ref::Person(p));
        r
    }
}

pub fn explain(ds: &Dataset, q: &Question) -> Explanation {
    let mut ex = Explanation {
        text: String::new(),
        cites: Vec::new(),
        links: Vec::new(),
    };
    ex.text = kinds::explain(ds, q, &mut ex);
    ex
}
