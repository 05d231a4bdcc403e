//! The records of each data file, as written: the format of `data/`, one struct
//! per kind of table, read by serde (`#[derive(Deserialize)]` through the reader
//! in `de.rs`). A field's type says what it holds and whether it may be left out
//! (`fields.rs`): `Req` required, `Opt` optional, `Text` a string that must not be
//! blank, `Strs` / `NonEmpty` lists of strings, `Tables` lists of tables; a bare
//! `bool` is a flag (missing = false). The Rust field name is the key, unless
//! renamed; the struct's serde name is what messages call the table.
//!
//! Nothing here is checked against anything else yet: that is `check/`.

pub use crate::fields::{NonEmpty, Opt, Req, Str, Strs, Tables, Text};
use serde::Deserialize;
use serde_spanned::Spanned;

/// `vocab.toml`: the closed vocabularies, each a table of `term = "description"`
/// or `term = { name = "Short name", description = "…" }` (read by hand in
/// `read.rs`: its tables are maps, not records).
pub struct Vocab {
    /// The file it was read from.
    pub file: usize,
    pub tags: Vec<VocabTerm>,
    pub event_types: Vec<VocabTerm>,
    pub relation_kinds: Vec<VocabTerm>,
    pub place_kinds: Vec<VocabTerm>,
    pub org_kinds: Vec<VocabTerm>,
}

/// One term of a vocabulary: its id, description and (optional) short name.
pub struct VocabTerm {
    pub id: Str,
    pub description: Str,
    pub name: Option<Str>,
}

#[derive(Deserialize)]
#[serde(rename = "section")]
pub struct Section {
    pub heading: Req<Text>,
    pub from: Req<Spanned<i64>>,
    pub inferred: bool,
}

#[derive(Deserialize)]
#[serde(rename = "source")]
pub struct Source {
    pub id: Req<Str>,
    pub title: Req<Text>,
    /// A short title for running text ("the Khiva article"); the title if left out.
    pub short: Opt<Text>,
    pub untitled: bool,
    pub author: Opt<Text>,
    pub container: Opt<Text>,
    pub kind: Req<Text>,
    pub about: Req<Text>,
    pub note: Opt<Text>,
    pub file: Req<Text>,
    pub paragraphs: Req<Spanned<i64>>,
    #[serde(rename = "section")]
    pub sections: Tables<Section>,
}

#[derive(Deserialize)]
#[serde(rename = "quote")]
pub struct Quote {
    pub text: Req<Text>,
    pub cite: Req<Str>,
}

#[derive(Deserialize)]
#[serde(rename = "event")]
pub struct Event {
    pub id: Req<Str>,
    pub date: Req<Str>,
    pub title: Req<Text>,
    pub summary: Req<Text>,
    /// A key event: one a newcomer should know first (the sources dwell on it).
    pub key: bool,
    #[serde(rename = "type")]
    pub kind: Req<Str>,
    pub tags: NonEmpty,
    pub people: Strs,
    pub places: Strs,
    pub orgs: Strs,
    pub disputes: Strs,
    pub quote: Opt<Quote>,
    pub cite: NonEmpty,
}

/// A name or epithet (`names`, `epithets`) and the sources that use it.
#[derive(Deserialize)]
#[serde(rename = "name")]
pub struct Name {
    pub name: Req<Text>,
    pub src: NonEmpty,
}

/// `born` or `died`.
#[derive(Deserialize)]
#[serde(rename = "life date")]
pub struct LifeDate {
    pub date: Req<Str>,
    pub cite: NonEmpty,
}

#[derive(Deserialize)]
#[serde(rename = "role")]
pub struct Role {
    pub role: Req<Text>,
    /// The role is an office's official title, quoted word for word from a
    /// paragraph it cites (the app shows it as a quotation).
    pub quoted: bool,
    pub org: Opt<Str>,
    pub date: Opt<Str>,
    pub cite: NonEmpty,
}

#[derive(Deserialize)]
#[serde(rename = "relation")]
pub struct Relation {
    pub kind: Req<Str>,
    pub to: Req<Str>,
    pub note: Opt<Text>,
    pub cite: NonEmpty,
}

#[derive(Deserialize)]
#[serde(rename = "person")]
pub struct Person {
    pub id: Req<Str>,
    pub name: Req<Text>,
    pub summary: Req<Text>,
    /// A key person: one of the few a newcomer should know first.
    pub key: bool,
    pub names: Tables<Name>,
    pub epithets: Tables<Name>,
    pub born: Opt<LifeDate>,
    pub died: Opt<LifeDate>,
    pub tags: NonEmpty,
    pub affiliations: Strs,
    pub roles: Tables<Role>,
    pub relations: Tables<Spanned<Relation>>,
    pub cite: NonEmpty,
}

#[derive(Deserialize)]
#[serde(rename = "place")]
pub struct Place {
    pub id: Req<Str>,
    pub name: Req<Text>,
    pub names: Strs,
    pub kind: Req<Str>,
    pub lat: Req<Spanned<f64>>,
    pub lon: Req<Spanned<f64>>,
    /// The coordinates are only those of the surrounding area.
    pub approx: bool,
    pub cite: NonEmpty,
}

#[derive(Deserialize)]
#[serde(rename = "org")]
pub struct Org {
    pub id: Req<Str>,
    pub name: Req<Text>,
    pub names: Strs,
    pub kind: Req<Str>,
    pub date: Opt<Str>,
    pub summary: Req<Text>,
    pub tags: NonEmpty,
    pub cite: NonEmpty,
}

#[derive(Deserialize)]
#[serde(rename = "period")]
pub struct Period {
    pub name: Req<Text>,
    pub date: Req<Str>,
    pub cite: Strs,
}

#[derive(Deserialize)]
#[serde(rename = "scheme")]
pub struct Scheme {
    pub id: Req<Str>,
    pub name: Req<Text>,
    pub proposed_by: Req<Text>,
    pub cite: NonEmpty,
    #[serde(rename = "period")]
    pub periods: Tables<Period>,
}

#[derive(Deserialize)]
#[serde(rename = "claim")]
pub struct Claim {
    pub says: Req<Text>,
    pub date: Opt<Str>,
    pub cite: NonEmpty,
}

#[derive(Deserialize)]
#[serde(rename = "dispute")]
pub struct Dispute {
    pub id: Req<Str>,
    pub title: Req<Text>,
    pub kind: Req<Str>,
    pub summary: Req<Text>,
    pub events: Strs,
    pub people: Strs,
    #[serde(rename = "claim")]
    pub claims: Tables<Claim>,
}

/// `glossary.toml`: a term the sources use, for the glossary view.
#[derive(Deserialize)]
#[serde(rename = "term")]
pub struct Gloss {
    pub id: Req<Str>,
    /// The headword: one of `spellings`, unless `usage` says why not.
    pub term: Req<Text>,
    /// Every form the sources print, and which sources print it.
    pub spellings: Tables<Name>,
    pub definition: Req<Text>,
    /// Tarikh's own note on how it uses the term (cites nothing).
    pub usage: Opt<Text>,
    /// Related records: "org:<id>", "event:<id>", "dispute:<id>", "person:<id>".
    pub see: Strs,
    pub cite: NonEmpty,
}

/// `intro.toml`: the home page's orientation, part by part, in Tarikh's own
/// words, each part cited and linking the events and people it names.
#[derive(Deserialize)]
#[serde(rename = "part")]
pub struct Part {
    pub id: Req<Str>,
    pub heading: Req<Text>,
    pub text: Req<Text>,
    pub events: Strs,
    pub people: Strs,
    pub cite: NonEmpty,
}

/// `tours.toml`: a guided tour, a titled sequence of events, each step with a
/// short introduction in Tarikh's own words.
#[derive(Deserialize)]
#[serde(rename = "tour")]
pub struct Tour {
    pub id: Req<Str>,
    pub title: Req<Text>,
    pub intro: Req<Text>,
    pub cite: NonEmpty,
    #[serde(rename = "step")]
    pub steps: Tables<Step>,
}

#[derive(Deserialize)]
#[serde(rename = "step")]
pub struct Step {
    pub event: Req<Str>,
    pub text: Req<Text>,
    pub cite: NonEmpty,
}

/// Everything read from `data/`: each record with its span (where its table starts).
#[derive(Default)]
pub struct Raw {
    pub vocab: Option<Vocab>,
    /// The file `sources.toml` was read from, if it exists.
    pub sources_file: Option<usize>,
    pub sources: Vec<Spanned<Source>>,
    pub events: Vec<Spanned<Event>>,
    pub people: Vec<Spanned<Person>>,
    pub places: Vec<Spanned<Place>>,
    pub orgs: Vec<Spanned<Org>>,
    pub schemes: Vec<Spanned<Scheme>>,
    pub disputes: Vec<Spanned<Dispute>>,
    pub glossary: Vec<Spanned<Gloss>>,
    pub intro: Vec<Spanned<Part>>,
    pub tours: Vec<Spanned<Tour>>,
}

/// Which records a data file holds.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Vocab,
    Sources,
    Events,
    People,
    Places,
    Orgs,
    Periods,
    Disputes,
    Glossary,
    Intro,
    Tours,
}

impl Kind {
    /// The top-level array-of-tables key the file holds.
    pub fn key(self) -> &'static str {
        match self {
            Kind::Vocab => "",
            Kind::Sources => "source",
            Kind::Events => "event",
            Kind::People => "person",
            Kind::Places => "place",
            Kind::Orgs => "org",
            Kind::Periods => "scheme",
            Kind::Disputes => "dispute",
            Kind::Glossary => "term",
            Kind::Intro => "part",
            Kind::Tours => "tour",
        }
    }
}
