//! The dataset, compiled in: `build.rs` checks `data/` and writes it out as one
//! `static` of the types in [`super::model`]. Nothing is parsed at start-up.

#[allow(unused_imports)]
use super::date::{Date, Part, Point, Season};
#[allow(unused_imports)]
use super::model::{
    Cite, Claim, Dataset, Dispute, DisputeKind, Event, Gloss, IdIndex, IntroPart, LifeDate, Name,
    Org, Period, Person, Place, Quote, Relation, Role, Scheme, Section, SeeAlso, Source, Step,
    Term, Tour,
};

include!(concat!(env!("OUT_DIR"), "/dataset.rs"));

/// The timeline's text search over [`DATASET`], built on first use.
pub static SEARCH: super::filter::SearchIndex<'static> = super::filter::SearchIndex::new(&DATASET);
