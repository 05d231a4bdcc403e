//! Writes the checked dataset for the app: one compact blob (`dataset.bin`) and
//! the Rust that reads it back into the types of the app's `src/core/model.rs`
//! (`dataset.rs`, included by `src/core/dataset/mod.rs`).
//!
//! The blob is the length of its first part, then two parts: the records, a
//! stream in field order, and the distinct texts, each ended by a NUL, in the
//! order of first use. In the records a string is `0` the first time (the next
//! text) and `n` afterwards (the n-th distinct text, from 1), so every text is
//! stored once; numbers are LEB128 varints; a list is its length and its items;
//! an option a `0`/`1` byte and the value; dates the [`tarikh_date::packed`]
//! form. Texts and records apart compress better than interleaved (brotli:
//! 71 KB against 77 KB), and the app reads the texts in place (no copy).
//! Each record packs itself ([`Pack`], derived for the types of `model.rs`,
//! which also writes the record's reader), so a new field needs no edit here.

use crate::date::Date;
use crate::model::{Checked, DisputeKind, IdIndex, SeeAlso, DECODERS};
use std::collections::HashMap;

/// The packed stream being written.
#[derive(Default)]
pub struct Blob {
    pub out: Vec<u8>,
    /// The distinct strings' UTF-8, in order of first use.
    text: Vec<u8>,
    seen: HashMap<String, u32>,
}

impl Blob {
    pub fn varint(&mut self, mut v: u64) {
        loop {
            let low = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.out.push(low);
                return;
            }
            self.out.push(low | 0x80);
        }
    }

    fn text(&mut self, s: &str) {
        if let Some(&n) = self.seen.get(s) {
            self.varint(n as u64 + 1);
        } else {
            self.varint(0);
            self.text.extend_from_slice(s.as_bytes());
            self.text.push(0);
            let n = self.seen.len() as u32;
            self.seen.insert(s.to_string(), n);
        }
    }
}

/// A value written into the blob as its counterpart in the app's model reads it:
/// `String` → `&'static str`, `Vec<T>` → `&'static [T]`, a record field by field.
pub trait Pack {
    fn pack(&self, b: &mut Blob);
}

impl Pack for String {
    fn pack(&self, b: &mut Blob) {
        b.text(self);
    }
}

impl Pack for bool {
    fn pack(&self, b: &mut Blob) {
        b.out.push(*self as u8);
    }
}

macro_rules! varint_pack {
    ($($t:ty),*) => {$(
        impl Pack for $t {
            fn pack(&self, b: &mut Blob) {
                b.varint(*self as u64);
            }
        }
    )*};
}
varint_pack!(u8, u16, u32);

impl Pack for f64 {
    fn pack(&self, b: &mut Blob) {
        b.out.extend_from_slice(&self.to_le_bytes());
    }
}

impl<T: Pack> Pack for Option<T> {
    fn pack(&self, b: &mut Blob) {
        match self {
            Some(v) => {
                b.out.push(1);
                v.pack(b);
            }
            None => b.out.push(0),
        }
    }
}

impl<T: Pack> Pack for Vec<T> {
    fn pack(&self, b: &mut Blob) {
        b.varint(self.len() as u64);
        for v in self {
            v.pack(b);
        }
    }
}

impl Pack for DisputeKind {
    fn pack(&self, b: &mut Blob) {
        b.text(self.0);
    }
}

impl Pack for SeeAlso {
    fn pack(&self, b: &mut Blob) {
        let (tag, i) = match *self {
            SeeAlso::Org(i) => (0, i as u32),
            SeeAlso::Event(i) => (1, i),
            SeeAlso::Dispute(i) => (2, i as u32),
            SeeAlso::Person(i) => (3, i as u32),
        };
        b.out.push(tag);
        b.varint(i as u64);
    }
}

impl Pack for Date {
    fn pack(&self, b: &mut Blob) {
        tarikh_date::packed::put(self, &mut b.out);
    }
}

/// The sorted-by-id index of `ids`.
fn by_id(ids: Vec<&str>) -> Vec<u32> {
    let mut order: Vec<u32> = (0..ids.len() as u32).collect();
    order.sort_by_key(|&i| ids[i as usize]);
    order
}

/// The dataset's fields, in the order the blob holds them.
const FIELDS: [&str; 16] = [
    "sources",
    "tags",
    "event_types",
    "relation_kinds",
    "place_kinds",
    "org_kinds",
    "events",
    "people",
    "places",
    "orgs",
    "schemes",
    "disputes",
    "glossary",
    "intro",
    "tours",
    "by_id",
];

/// What the build writes: the reader's Rust source and the blob.
pub struct Generated {
    pub code: String,
    pub blob: Vec<u8>,
}

/// The blob of `c` and the Rust that reads it.
pub fn generate(c: &Checked) -> Generated {
    let mut b = Blob::default();
    c.sources.pack(&mut b);
    c.tags.pack(&mut b);
    c.event_types.pack(&mut b);
    c.relation_kinds.pack(&mut b);
    c.place_kinds.pack(&mut b);
    c.org_kinds.pack(&mut b);
    c.events.pack(&mut b);
    c.people.pack(&mut b);
    c.places.pack(&mut b);
    c.orgs.pack(&mut b);
    c.schemes.pack(&mut b);
    c.disputes.pack(&mut b);
    c.glossary.pack(&mut b);
    c.intro.pack(&mut b);
    c.tours.pack(&mut b);
    IdIndex {
        events: by_id(c.events.iter().map(|e| e.id.as_str()).collect()),
        schemes: by_id(c.schemes.iter().map(|x| x.id.as_str()).collect()),
    }
    .pack(&mut b);

    let mut code = String::from("// Generated by build.rs from data/. Do not edit.\n");
    code.push_str(DECODERS);
    code.push_str("fn decode(r: &mut Reader) -> Dataset {\n    Dataset {\n");
    for f in FIELDS {
        code.push_str(&format!("        {f}: r.read(),\n"));
    }
    code.push_str("    }\n}\n");
    let mut blob = Blob::default();
    blob.varint(b.out.len() as u64);
    blob.out.extend_from_slice(&b.out);
    blob.out.extend_from_slice(&b.text);
    Generated {
        code,
        blob: blob.out,
    }
}
