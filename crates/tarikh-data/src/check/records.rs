//! One method per kind of record: its references resolved, its own rules checked.

use super::names::{canonical_is_sourced, first_use};
use super::{date, opt_date, opt_text, text, Checker, DISPUTE_KINDS, NEEDS_ALIVE, NO_DATE};
use crate::date::Date;
use crate::diag::Pos;
use crate::model::{
    Cite, Claim, Dispute, DisputeKind, Event, IntroPart, LifeDate, Name, Org, Period, Person,
    Place, Quote, Relation, Role, Scheme, Step, Tour,
};
use crate::records as raw;
use serde_spanned::Spanned;
use std::collections::HashMap;

/// A relation as one fact, whichever side records it: (person, kind, person).
pub(super) type RelationKey = (u16, String, u16);

impl Checker<'_> {
    pub(super) fn names(&self, list: &[raw::Name]) -> Vec<Name> {
        list.iter()
            .map(|n| Name {
                name: text(n.name.str()),
                sources: self.source_names.list(self.d, "src", &n.src),
            })
            .collect()
    }

    fn life(&self, l: &raw::Opt<raw::LifeDate>) -> Option<LifeDate> {
        let l = l.as_ref()?;
        Some(LifeDate {
            date: opt_date(self.d, l.date.str()).unwrap_or(NO_DATE),
            cite: self.cites.list(&l.cite),
        })
    }

    /// Person number `me` (in the output's order).
    pub(super) fn person(
        &self,
        me: usize,
        rec: &Spanned<raw::Person>,
        seen: &mut HashMap<RelationKey, Pos>,
    ) -> Person {
        let (d, p) = (self.d, rec.get_ref());
        if p.names.is_empty() {
            d.err(
                rec.span().start,
                "person has no `names` (list every spelling the sources use, with `src`)",
            );
        }
        canonical_is_sourced(
            d,
            p.name.str(),
            p.names
                .iter()
                .filter_map(|n| n.name.str().map(|s| s.get_ref().as_str())),
        );
        let born = self.life(&p.born);
        let died = self.life(&p.died);
        if let (Some(b), Some(x), Some(at)) =
            (&born, &died, p.died.as_ref().and_then(|x| x.date.str()))
        {
            if let (Some(bs), Some(xe)) = (b.date.start_day(), x.date.end_day()) {
                if xe < bs && b.date != NO_DATE && x.date != NO_DATE {
                    d.err(
                        at.span().start,
                        format!("died {} before being born ({})", x.date, b.date),
                    );
                }
            }
        }
        let relations = p
            .relations
            .iter()
            .filter_map(|r| self.relation(me, r, seen))
            .collect();
        let roles = p.roles.iter().map(|r| self.role(r, &born, &died)).collect();
        Person {
            id: text(p.id.str()),
            name: text(p.name.str()),
            summary: self.own_words("summary", p.summary.str()),
            key: p.key,
            names: self.names(&p.names),
            epithets: self.names(&p.epithets),
            born,
            died,
            tags: self.tags.names.list(d, "tags", &p.tags),
            affiliations: self.orgs.names.list(d, "affiliations", &p.affiliations),
            roles,
            relations,
            cite: self.cites.list(&p.cite),
            events: Vec::new(),
        }
    }

    /// A relation of person `me`; `None` if unusable or recorded already.
    fn relation(
        &self,
        me: usize,
        rec: &Spanned<raw::Relation>,
        seen: &mut HashMap<RelationKey, Pos>,
    ) -> Option<Relation> {
        let (d, r, at) = (self.d, rec.get_ref(), rec.span().start);
        let kind = r
            .kind
            .str()
            .and_then(|k| self.relation_kinds.names.get(d, k));
        let to = r.to.str().and_then(|t| self.people.names.get(d, t));
        let cite = self.cites.list(&r.cite);
        let (kind, to) = (kind?, to?);
        if to == me {
            let at = r.to.str().map_or(at, |t| t.span().start);
            d.err(at, "a person cannot be related to themselves");
            return None;
        }
        // One key per fact: "child" is recorded as the other's "parent", etc.
        let kind_id = self.relation_kinds.terms[kind].id.clone();
        let key = match kind_id.as_str() {
            "child" => (to as u16, "parent".to_string(), me as u16),
            "student" => (to as u16, "teacher".to_string(), me as u16),
            "parent" | "teacher" => (me as u16, kind_id.clone(), to as u16),
            _ => ((me.min(to)) as u16, kind_id.clone(), (me.max(to)) as u16),
        };
        if let Some(&first) = seen.get(&key) {
            d.err(
                at,
                format!(
                    "relation already recorded at {} (record each relation once; the app derives the other side)",
                    d.describe(first)
                ),
            );
            return None;
        }
        seen.insert(key, at);
        Some(Relation {
            kind: kind as u8,
            to: to as u16,
            note: opt_text(r.note.str()),
            cite,
        })
    }

    fn role(&self, r: &raw::Role, born: &Option<LifeDate>, died: &Option<LifeDate>) -> Role {
        let d = self.d;
        let date = opt_date(d, r.date.str());
        if let (Some(dt), Some(at)) = (date, r.date.str()) {
            match life_conflict(&dt, born, died) {
                Some(Err(x)) => d.err(
                    at.span().start,
                    format!("role dated {dt}, after the person's death ({x})"),
                ),
                Some(Ok(b)) => d.err(
                    at.span().start,
                    format!("role dated {dt}, before the person's birth ({b})"),
                ),
                None => {}
            }
        }
        if let Some(role) = r.role.str().filter(|_| r.quoted) {
            if role.get_ref().contains(['"', '“', '”', '«', '»', '„']) {
                d.err(
                    role.span().start,
                    "a quoted role is written without quotation marks (the app shows it as a quotation)",
                );
            }
        }
        Role {
            role: text(r.role.str()),
            quoted: r.quoted,
            org: r
                .org
                .str()
                .and_then(|o| self.orgs.names.get(d, o))
                .map(|o| o as u16),
            date,
            cite: self.cites.list(&r.cite),
        }
    }

    pub(super) fn place(&self, p: &raw::Place) -> Place {
        let d = self.d;
        canonical_is_sourced(
            d,
            p.name.str(),
            p.names.iter().map(|s| s.get_ref().as_str()),
        );
        let coord = |n: &raw::Req<Spanned<f64>>, name: &str, limit: f64| -> f64 {
            match n.as_ref() {
                Some(n) if (-limit..=limit).contains(n.get_ref()) => *n.get_ref(),
                Some(n) => {
                    d.err(
                        n.span().start,
                        format!(
                            "{name} {} is out of range (-{limit} to {limit})",
                            n.get_ref()
                        ),
                    );
                    0.0
                }
                None => 0.0,
            }
        };
        Place {
            id: text(p.id.str()),
            name: text(p.name.str()),
            names: p.names.iter().map(|s| s.get_ref().clone()).collect(),
            kind: p
                .kind
                .str()
                .and_then(|k| self.place_kinds.names.get(d, k))
                .unwrap_or(0) as u8,
            lat: coord(&p.lat, "latitude", 90.0),
            lon: coord(&p.lon, "longitude", 180.0),
            approx: p.approx,
            cite: self.cites.list(&p.cite),
            events: Vec::new(),
        }
    }

    pub(super) fn org(&self, o: &raw::Org) -> Org {
        let d = self.d;
        canonical_is_sourced(
            d,
            o.name.str(),
            o.names.iter().map(|s| s.get_ref().as_str()),
        );
        Org {
            id: text(o.id.str()),
            name: text(o.name.str()),
            names: o.names.iter().map(|s| s.get_ref().clone()).collect(),
            kind: o
                .kind
                .str()
                .and_then(|k| self.org_kinds.names.get(d, k))
                .unwrap_or(0) as u8,
            date: opt_date(d, o.date.str()),
            summary: self.own_words("summary", o.summary.str()),
            tags: self.tags.names.list(d, "tags", &o.tags),
            cite: self.cites.list(&o.cite),
            events: Vec::new(),
        }
    }

    pub(super) fn scheme(&self, s: &raw::Scheme) -> Scheme {
        Scheme {
            id: text(s.id.str()),
            name: self.own_words("name", s.name.str()),
            proposed_by: self.own_words("proposed_by", s.proposed_by.str()),
            cite: self.cites.list(&s.cite),
            periods: s
                .periods
                .iter()
                .map(|p| Period {
                    name: text(p.name.str()),
                    date: p
                        .date
                        .str()
                        .and_then(|s| date(self.d, s))
                        .unwrap_or(NO_DATE),
                    cite: self.cites.list(&p.cite),
                })
                .collect(),
        }
    }

    pub(super) fn dispute(&self, rec: &Spanned<raw::Dispute>) -> Dispute {
        let (d, x) = (self.d, rec.get_ref());
        if x.claims.is_empty() {
            d.err(
                rec.span().start,
                "dispute has no claim (add `[[dispute.claim]]` blocks)",
            );
        }
        let kind = match x.kind.str() {
            Some(k) => match DISPUTE_KINDS.iter().find(|(id, _)| id == k.get_ref()) {
                Some((_, variant)) => variant,
                None => {
                    d.err(
                        k.span().start,
                        format!("unknown dispute kind \"{}\" (expected between-sources, within-source or unsupported)", k.get_ref()),
                    );
                    "Unsupported"
                }
            },
            None => "Unsupported",
        };
        Dispute {
            id: text(x.id.str()),
            title: self.own_words("title", x.title.str()),
            kind: DisputeKind(kind),
            summary: self.own_words("summary", x.summary.str()),
            events: self.events.names.list(d, "events", &x.events),
            people: self.people.names.list(d, "people", &x.people),
            claims: x
                .claims
                .iter()
                .map(|c| Claim {
                    says: self.own_words("says", c.says.str()),
                    date: opt_date(d, c.date.str()),
                    cite: self.cites.list(&c.cite),
                })
                .collect(),
        }
    }

    /// Raw event `i`; `people` are the checked people (for their life dates).
    pub(super) fn event(&self, i: usize, people: &[Person]) -> Event {
        let (d, e) = (self.d, self.raw.events[i].get_ref());
        let kind = e
            .kind
            .str()
            .and_then(|k| self.event_types.names.get(d, k))
            .unwrap_or(0);
        if let Some(dt) = self.event_dates[i] {
            self.alive_for(e, kind, &dt, people);
        }
        Event {
            id: text(e.id.str()),
            date: self.event_dates[i].unwrap_or(NO_DATE),
            title: self.own_words("title", e.title.str()),
            summary: self.own_words("summary", e.summary.str()),
            key: e.key,
            kind: kind as u8,
            tags: self.tags.names.list(d, "tags", &e.tags),
            people: self.people.names.list(d, "people", &e.people),
            places: self.places.names.list(d, "places", &e.places),
            orgs: self.orgs.names.list(d, "orgs", &e.orgs),
            disputes: self.disputes.names.list(d, "disputes", &e.disputes),
            quote: e.quote.as_ref().map(|q| {
                let c = q.cite.str().and_then(|c| self.cites.one(c));
                Quote {
                    text: text(q.text.str()),
                    cite: c.unwrap_or(Cite {
                        source: 0,
                        from: 1,
                        to: 1,
                    }),
                }
            }),
            cite: self.cites.list(&e.cite),
        }
    }

    /// Life dates: the people of an event whose type needs them alive.
    fn alive_for(&self, e: &raw::Event, kind: usize, dt: &Date, people: &[Person]) {
        let Some(what) = self.event_types.terms.get(kind).map(|t| t.id.as_str()) else {
            return;
        };
        if !NEEDS_ALIVE.contains(&what) {
            return;
        }
        for s in e.people.iter() {
            let Some(&k) = self.people.names.index.get(s.get_ref()) else {
                continue;
            };
            let p = &people[k];
            let at = s.span().start;
            match life_conflict(dt, &p.born, &p.died) {
                Some(Err(x)) => self
                    .d
                    .err(at, format!("{} died {x}, before this {what} ({dt})", p.id)),
                Some(Ok(b)) => self.d.err(
                    at,
                    format!("{} was born {b}, after this {what} ({dt})", p.id),
                ),
                None => {}
            }
        }
    }
}

/// Whether `when` contradicts a person's life dates: `Some(Err(died))` if it starts
/// after the death, `Some(Ok(born))` if it ends before the birth. Approximate
/// (`c.`) dates are not compared.
fn life_conflict<'a>(
    when: &Date,
    born: &'a Option<LifeDate>,
    died: &'a Option<LifeDate>,
) -> Option<Result<&'a Date, &'a Date>> {
    let usable = |l: &'a Option<LifeDate>| {
        l.as_ref()
            .map(|l| &l.date)
            .filter(|x| **x != NO_DATE && !x.is_approx())
    };
    if when.is_approx() {
        return None;
    }
    if let Some(died) = usable(died) {
        if let (Some(start), Some(end)) = (when.start_day(), died.end_day()) {
            if start > end {
                return Some(Err(died));
            }
        }
    }
    if let Some(born) = usable(born) {
        if let (Some(end), Some(start)) = (when.end_day(), born.start_day()) {
            if end < start {
                return Some(Ok(born));
            }
        }
    }
    None
}

impl Checker<'_> {
    /// The home page's orientation (`intro.toml`): ids new, text in own words,
    /// references resolved, every part cited.
    pub(super) fn intro(&self) -> Vec<IntroPart> {
        let d = self.d;
        let mut seen = HashMap::new();
        self.raw
            .intro
            .iter()
            .map(|rec| {
                let p = rec.get_ref();
                if let Some(id) = p.id.str() {
                    first_use(d, "part", &mut seen, id);
                }
                IntroPart {
                    id: text(p.id.str()),
                    heading: self.own_words("heading", p.heading.str()),
                    text: self.own_words("text", p.text.str()),
                    events: self.events.names.list(d, "events", &p.events),
                    people: self.people.names.list(d, "people", &p.people),
                    cite: self.cites.list(&p.cite),
                }
            })
            .collect()
    }

    /// The guided tours (`tours.toml`): ids new, at least two steps, each an
    /// event of the dataset (once per tour, in date order), everything cited.
    pub(super) fn tours(&self) -> Vec<Tour> {
        let d = self.d;
        let mut seen = HashMap::new();
        self.raw
            .tours
            .iter()
            .map(|rec| {
                let t = rec.get_ref();
                if let Some(id) = t.id.str() {
                    first_use(d, "tour", &mut seen, id);
                }
                if t.steps.len() < 2 {
                    d.err(rec.span().start, "a tour needs at least two steps (`[[tour.step]]` blocks)");
                }
                let mut steps: Vec<Step> = Vec::new();
                for s in t.steps.iter() {
                    // Each field is checked whatever the others hold.
                    let (text, cite) = (self.own_words("text", s.text.str()), self.cites.list(&s.cite));
                    let Some(id) = s.event.str() else { continue };
                    let Some(event) = self.events.names.get(d, id) else { continue };
                    let event = event as u32;
                    if steps.iter().any(|x| x.event == event) {
                        d.err(id.span().start, format!("event \"{}\" is already a step of this tour", id.get_ref()));
                    } else if steps.last().is_some_and(|x| x.event > event) {
                        d.err(id.span().start, format!("step \"{}\" comes before the step above it in time: a tour goes in date order", id.get_ref()));
                    }
                    steps.push(Step { event, text, cite });
                }
                Tour {
                    id: text(t.id.str()),
                    title: self.own_words("title", t.title.str()),
                    intro: self.own_words("intro", t.intro.str()),
                    cite: self.cites.list(&t.cite),
                    steps,
                }
            })
            .collect()
    }
}
