//! The checked dataset, every reference an index (see the app's `src/core/model.rs`).

use crate::date::Date;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Cite {
    pub source: u8,
    pub from: u16,
    pub to: u16,
}

pub struct Section {
    pub heading: String,
    pub from: u16,
    pub inferred: bool,
}

pub struct Source {
    pub id: String,
    pub title: String,
    pub untitled: bool,
    pub author: Option<String>,
    pub container: Option<String>,
    pub kind: String,
    pub about: String,
    pub note: Option<String>,
    pub file: String,
    pub paragraphs: u16,
    pub sections: Vec<Section>,
}

pub struct Event {
    pub id: String,
    pub date: Date,
    pub title: String,
    pub summary: String,
    pub kind: u8,
    pub tags: Vec<u8>,
    pub people: Vec<u16>,
    pub places: Vec<u16>,
    pub orgs: Vec<u16>,
    pub disputes: Vec<u16>,
    pub quote: Option<(String, Cite)>,
    pub cite: Vec<Cite>,
}

pub struct Name {
    pub name: String,
    pub sources: Vec<u8>,
}

pub struct LifeDate {
    pub date: Date,
    pub cite: Vec<Cite>,
}

pub struct Role {
    pub role: String,
    pub org: Option<u16>,
    pub date: Option<Date>,
    pub cite: Vec<Cite>,
}

pub struct Relation {
    pub kind: u8,
    pub to: u16,
    pub note: Option<String>,
    pub cite: Vec<Cite>,
}

pub struct Person {
    pub id: String,
    pub name: String,
    pub summary: String,
    pub names: Vec<Name>,
    pub epithets: Vec<Name>,
    pub born: Option<LifeDate>,
    pub died: Option<LifeDate>,
    pub tags: Vec<u8>,
    pub affiliations: Vec<u16>,
    pub roles: Vec<Role>,
    pub relations: Vec<Relation>,
    pub cite: Vec<Cite>,
    pub events: Vec<u32>,
}

pub struct Place {
    pub id: String,
    pub name: String,
    pub names: Vec<String>,
    pub kind: u8,
    pub lat: f64,
    pub lon: f64,
    pub approx: bool,
    pub cite: Vec<Cite>,
    pub events: Vec<u32>,
}

pub struct Org {
    pub id: String,
    pub name: String,
    pub names: Vec<String>,
    pub kind: u8,
    pub date: Option<Date>,
    pub summary: String,
    pub tags: Vec<u8>,
    pub cite: Vec<Cite>,
    pub events: Vec<u32>,
}

pub struct Period {
    pub name: String,
    pub date: Date,
    pub cite: Vec<Cite>,
}

pub struct Scheme {
    pub id: String,
    pub name: String,
    pub proposed_by: String,
    pub cite: Vec<Cite>,
    pub periods: Vec<Period>,
}

pub struct Claim {
    pub says: String,
    pub date: Option<Date>,
    pub cite: Vec<Cite>,
}

pub struct Dispute {
    pub id: String,
    pub title: String,
    /// The `DisputeKind` variant name.
    pub kind: &'static str,
    pub summary: String,
    pub events: Vec<u32>,
    pub people: Vec<u16>,
    pub claims: Vec<Claim>,
}

pub type Terms = Vec<(String, String)>;

/// The checked dataset, every reference an index (see `src/core/model.rs`).
pub struct Checked {
    pub sources: Vec<Source>,
    pub tags: Terms,
    pub event_types: Terms,
    pub relation_kinds: Terms,
    pub place_kinds: Terms,
    pub org_kinds: Terms,
    pub events: Vec<Event>,
    pub people: Vec<Person>,
    pub places: Vec<Place>,
    pub orgs: Vec<Org>,
    pub schemes: Vec<Scheme>,
    pub disputes: Vec<Dispute>,
}
