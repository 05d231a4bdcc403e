//! The checked dataset, every reference an index: the build-time twin of the app's
//! `src/core/model.rs`, type for type and field for field (owned `String`s and
//! `Vec`s where the app has `&'static` ones). `check/` fills it in; each type
//! written inside `records!` is also packed into the dataset blob ([`Pack`]),
//! and its reader is written out for the app ([`DECODERS`]), so a field added
//! here is generated without touching `codegen.rs`.

use crate::codegen::{Blob, Pack};
use crate::date::Date;

/// Defines each struct, its [`Pack`] (field by field, in order) and, in
/// [`DECODERS`], the app-side reader that takes the fields back in that order.
macro_rules! records {
    ($($(#[$m:meta])* pub struct $name:ident { $($(#[$fm:meta])* pub $field:ident: $ty:ty,)* })*) => {
        $(
            $(#[$m])*
            pub struct $name {
                $($(#[$fm])* pub $field: $ty,)*
            }

            impl Pack for $name {
                fn pack(&self, b: &mut Blob) {
                    $(self.$field.pack(b);)*
                }
            }
        )*

        /// The Rust of each record's reader (`impl Read for Name`), for the app.
        pub const DECODERS: &str = concat!($(
            "impl Read for ", stringify!($name), " {\n    fn read(r: &mut Reader) -> Self {\n        ",
            stringify!($name), " {", $(" ", stringify!($field), ": r.read(),",)* " }\n    }\n}\n",
        )*);
    };
}

/// A record a glossary term points to (`see`), as an index.
#[derive(Clone, Copy, PartialEq)]
pub enum SeeAlso {
    Org(u16),
    Event(u32),
    Dispute(u16),
    Person(u16),
}

/// A `DisputeKind` variant, by name ("BetweenSources").
#[derive(Clone, Copy)]
pub struct DisputeKind(pub &'static str);

records! {
/// A vocabulary term.
pub struct Term {
    pub id: String,
    pub name: String,
    pub description: String,
}

#[derive(Clone, Copy)]
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
    pub short: String,
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

/// A short quotation shown with an event.
pub struct Quote {
    pub text: String,
    pub cite: Cite,
}

pub struct Event {
    pub id: String,
    pub date: Date,
    pub title: String,
    pub summary: String,
    pub key: bool,
    pub kind: u8,
    pub tags: Vec<u8>,
    pub people: Vec<u16>,
    pub places: Vec<u16>,
    pub orgs: Vec<u16>,
    pub disputes: Vec<u16>,
    pub quote: Option<Quote>,
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
    pub quoted: bool,
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
    pub key: bool,
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
    pub kind: DisputeKind,
    pub summary: String,
    pub events: Vec<u32>,
    pub people: Vec<u16>,
    pub claims: Vec<Claim>,
}

/// A glossary term: its spellings, definition and Tarikh's usage note.
pub struct Gloss {
    pub id: String,
    pub term: String,
    pub spellings: Vec<Name>,
    pub definition: String,
    pub usage: Option<String>,
    pub see: Vec<SeeAlso>,
    pub cite: Vec<Cite>,
}

/// A part of the home page's orientation.
pub struct IntroPart {
    pub id: String,
    pub heading: String,
    pub text: String,
    pub events: Vec<u32>,
    pub people: Vec<u16>,
    pub cite: Vec<Cite>,
}

/// A guided tour: its introduction and its steps, in order.
pub struct Tour {
    pub id: String,
    pub title: String,
    pub intro: String,
    pub cite: Vec<Cite>,
    pub steps: Vec<Step>,
}

/// One step of a tour: an event and what to notice about it.
pub struct Step {
    pub event: u32,
    pub text: String,
    pub cite: Vec<Cite>,
}

/// Record indices sorted by id, for the app's lookups by id.
pub struct IdIndex {
    pub events: Vec<u32>,
    pub schemes: Vec<u32>,
}
}

/// The checked dataset (the app's `Dataset` but for `by_id`, which `codegen.rs`
/// derives).
pub struct Checked {
    pub sources: Vec<Source>,
    pub tags: Vec<Term>,
    pub event_types: Vec<Term>,
    pub relation_kinds: Vec<Term>,
    pub place_kinds: Vec<Term>,
    pub org_kinds: Vec<Term>,
    pub events: Vec<Event>,
    pub people: Vec<Person>,
    pub places: Vec<Place>,
    pub orgs: Vec<Org>,
    pub schemes: Vec<Scheme>,
    pub disputes: Vec<Dispute>,
    pub glossary: Vec<Gloss>,
    pub intro: Vec<IntroPart>,
    pub tours: Vec<Tour>,
}
