//! The dataset, compiled in: `build.rs` checks `data/` and writes it as one
//! compact blob (`OUT_DIR/dataset.bin`, every text stored once, indices instead
//! of pointers) and the Rust that reads it into the types of [`super::model`]
//! (`OUT_DIR/dataset.rs`, included here). [`DATASET`] reads the blob on first
//! use — strings in place, the records into `'static` slices — in about a
//! millisecond; no text is parsed.

mod read;

use super::model::{
    Cite, Claim, Dataset, Dispute, Event, Gloss, IdIndex, IntroPart, LifeDate, Name, Org, Period,
    Person, Place, Quote, Relation, Role, Scheme, Section, Source, Step, Term, Tour,
};
use read::{Read, Reader};
use std::sync::LazyLock;

include!(concat!(env!("OUT_DIR"), "/dataset.rs"));

/// The packed dataset (see `crates/tarikh-data/src/codegen.rs` for its form).
static BLOB: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/dataset.bin"));

/// The dataset, read from [`BLOB`] on first use.
pub static DATASET: LazyLock<Dataset> = LazyLock::new(|| {
    let mut r = Reader::new(BLOB);
    let ds = decode(&mut r);
    r.finish();
    ds
});

/// The timeline's text search over [`DATASET`], built on first use.
pub static SEARCH: LazyLock<super::filter::SearchIndex<'static>> =
    LazyLock::new(|| super::filter::SearchIndex::new(&DATASET));
