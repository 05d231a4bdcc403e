//! The cards of a selection: one per event, per person of those events (with
//! roles or life dates to ask about) and per dispute of those events. Every
//! line on a card's back carries the citation it comes from.

use super::Kinds;
use crate::core::filter::{apply, Filter, SearchIndex};
use crate::core::model::{Cite, Dataset, Event};
use crate::core::people::role_text;
use crate::core::route::View;

/// What a card is made from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Event,
    Person,
    Dispute,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Event, Kind::Person, Kind::Dispute];

    /// The value in the link (`cards=events,people`).
    pub const fn id(self) -> &'static str {
        match self {
            Kind::Event => "events",
            Kind::Person => "people",
            Kind::Dispute => "disputes",
        }
    }

    pub const fn label(self) -> &'static str {
        match self {
            Kind::Event => "Events",
            Kind::Person => "People",
            Kind::Dispute => "Disputes",
        }
    }

    /// The letter before a card's id in the stored progress (`e:khiva-captured-1920`).
    const fn tag(self) -> char {
        match self {
            Kind::Event => 'e',
            Kind::Person => 'p',
            Kind::Dispute => 'd',
        }
    }

    pub(super) const fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// One line of a card's back: what it tells, and its citation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// "When", "Role", a source's short title …
    pub label: String,
    pub text: String,
    pub cite: &'static [Cite],
}

/// A flashcard.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Card {
    /// Stable across datasets and selections: the kind's letter and the record's
    /// id (`p:alikhan-bukeikhan`); the progress is kept by it.
    pub id: String,
    pub kind: Kind,
    /// The front: an event's title, a person's name, a dispute's title.
    pub front: &'static str,
    /// What the front asks.
    pub ask: &'static str,
    pub lines: Vec<Line>,
    /// The record's own citation (empty for a dispute: each side cites its own).
    pub cite: &'static [Cite],
    /// The record's page.
    pub href: String,
}

fn id(kind: Kind, record: &str) -> String {
    format!("{}:{record}", kind.tag())
}

fn line(label: &str, text: String, cite: &'static [Cite]) -> Line {
    Line {
        label: label.to_string(),
        text,
        cite,
    }
}

/// An event's card: its date, places and people.
pub fn event_card(ds: &Dataset, e: &'static Event) -> Card {
    let named = |label: &str, names: Vec<&str>| {
        (!names.is_empty()).then(|| line(label, names.join(", "), e.cite))
    };
    let mut lines = vec![line("When", e.date.display(), e.cite)];
    lines.extend(named(
        "Where",
        e.places
            .iter()
            .map(|&p| ds.places[p as usize].name)
            .collect(),
    ));
    lines.extend(named(
        "Who",
        e.people
            .iter()
            .map(|&p| ds.people[p as usize].name)
            .collect(),
    ));
    Card {
        id: id(Kind::Event, e.id),
        kind: Kind::Event,
        front: e.title,
        ask: "When was it, where, and who took part?",
        lines,
        cite: e.cite,
        href: View::Event(e.id.into()).href(),
    }
}

/// A person's card: life dates and roles, each with its citation; `None` when
/// the sources give neither (nothing to ask).
pub fn person_card(ds: &Dataset, i: u16) -> Option<Card> {
    let p = &ds.people[i as usize];
    let mut lines = Vec::new();
    if let Some(b) = &p.born {
        lines.push(line("Born", b.date.display(), b.cite));
    }
    if let Some(d) = &p.died {
        lines.push(line("Died", d.date.display(), d.cite));
    }
    for r in p.roles {
        let text = match &r.date {
            Some(d) => format!("{}, {}", role_text(ds, r), d.display()),
            None => role_text(ds, r),
        };
        lines.push(line("Role", text, r.cite));
    }
    (!lines.is_empty()).then(|| Card {
        id: id(Kind::Person, p.id),
        kind: Kind::Person,
        front: p.name,
        ask: "What roles did they have, and when did they live?",
        lines,
        cite: p.cite,
        href: View::Person(p.id.into()).href(),
    })
}

/// A dispute's card: each side, as its source gives it.
pub fn dispute_card(ds: &Dataset, i: u16) -> Card {
    let d = &ds.disputes[i as usize];
    let lines = d
        .claims
        .iter()
        .map(|c| {
            let source = c
                .cite
                .first()
                .map_or("A source", |s| ds.sources[s.source as usize].short);
            let text = match &c.date {
                Some(date) => format!("{} ({})", c.says, date.display()),
                None => c.says.to_string(),
            };
            line(source, text, c.cite)
        })
        .collect();
    Card {
        id: id(Kind::Dispute, d.id),
        kind: Kind::Dispute,
        front: d.title,
        ask: "What do the sources disagree on?",
        lines,
        cite: &[],
        href: View::Dispute(d.id.into()).href(),
    }
}

/// The cards of the events a filter selects, in the order they are first
/// studied: each event in date order, then the people and the disputes it
/// brings that no earlier event brought.
pub fn deck(ds: &Dataset, index: &SearchIndex, filter: &Filter, kinds: Kinds) -> Vec<Card> {
    let events = apply(ds, index, filter).events;
    let mut people = vec![false; ds.people.len()];
    let mut disputes = vec![false; ds.disputes.len()];
    let mut cards = Vec::new();
    for &e in &events {
        let e = &ds.events[e as usize];
        if kinds.has(Kind::Event) {
            cards.push(event_card(ds, e));
        }
        if kinds.has(Kind::Person) {
            for &p in e.people {
                if !std::mem::replace(&mut people[p as usize], true) {
                    cards.extend(person_card(ds, p));
                }
            }
        }
        if kinds.has(Kind::Dispute) {
            for &d in e.disputes {
                if !std::mem::replace(&mut disputes[d as usize], true) {
                    cards.push(dispute_card(ds, d));
                }
            }
        }
    }
    cards
}
