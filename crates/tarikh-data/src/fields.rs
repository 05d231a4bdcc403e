//! The field types of the records in `records.rs`: what a field holds, whether it
//! may be left out, and what counts as a problem. With them, a record struct and
//! its `#[derive(Deserialize)]` are the whole description of a data file's format.
//!
//! Each type asks the reader (`de.rs`) for its value under a name of its own, the
//! way `Spanned` does, so the reader can report the problem in the data's words
//! (`missing field`, `is empty`, `has no citation`, …) and go on with the rest of
//! the record. A problem leaves the field empty (`None`, or without the bad item),
//! never the record unread. Only the reader is meant to deserialize these: it
//! reports every problem before it returns an error, so they drop errors.

use serde::de::{Deserialize, Deserializer, SeqAccess, Visitor};
use serde_spanned::Spanned;
use std::fmt;
use std::marker::PhantomData;

/// A string from the data and where it is (its span is a global [`crate::diag::Pos`]).
pub type Str = Spanned<String>;

pub(crate) const REQ: &str = "$tarikh::Req";
pub(crate) const OPT: &str = "$tarikh::Opt";
pub(crate) const TEXT: &str = "$tarikh::Text";
pub(crate) const STRS: &str = "$tarikh::Strs";
pub(crate) const NON_EMPTY: &str = "$tarikh::NonEmpty";
pub(crate) const TABLES: &str = "$tarikh::Tables";

/// What messages call one item of a list or a table under a key, where it is not
/// the record's own name: "event has no citation", "missing field `date` in birth
/// date".
pub(crate) const ITEM_NOUNS: [(&str, &str); 7] = [
    ("cite", "citation"),
    ("tags", "tag"),
    ("src", "source"),
    ("born", "birth date"),
    ("died", "death date"),
    ("epithets", "epithet"),
    ("spellings", "spelling"),
];

/// A required field: `None` if it is missing or of the wrong type (reported).
#[derive(Debug)]
pub struct Req<T>(pub Option<T>);

/// A field that may be left out: `None` if it is, or if it is of the wrong type
/// (reported).
#[derive(Debug)]
pub struct Opt<T>(pub Option<T>);

/// A string that must not be blank (reported; the value is kept).
#[derive(Debug)]
pub struct Text(pub Str);

/// A list of strings; left out = empty.
#[derive(Debug, Default)]
pub struct Strs(pub Vec<Str>);

/// A list of strings with at least one item (the key says what an item is
/// called, see [`ITEM_NOUNS`]).
#[derive(Debug, Default)]
pub struct NonEmpty(pub Vec<Str>);

/// A list of tables (`[[x.key]]` or `key = [{…}, …]`); left out = empty.
#[derive(Debug)]
pub struct Tables<T>(pub Vec<T>);

impl<T> Req<T> {
    pub fn as_ref(&self) -> Option<&T> {
        self.0.as_ref()
    }
}

impl<T> Opt<T> {
    pub fn as_ref(&self) -> Option<&T> {
        self.0.as_ref()
    }
}

/// A string field's value and position, whichever its type.
pub trait AsStr {
    fn as_str(&self) -> &Str;
}

impl AsStr for Str {
    fn as_str(&self) -> &Str {
        self
    }
}

impl AsStr for Text {
    fn as_str(&self) -> &Str {
        &self.0
    }
}

impl<T: AsStr> Req<T> {
    /// The string, if there is a usable one.
    pub fn str(&self) -> Option<&Str> {
        self.0.as_ref().map(AsStr::as_str)
    }
}

impl<T: AsStr> Opt<T> {
    /// The string, if given (and usable).
    pub fn str(&self) -> Option<&Str> {
        self.0.as_ref().map(AsStr::as_str)
    }
}

impl std::ops::Deref for Text {
    type Target = Str;
    fn deref(&self) -> &Str {
        &self.0
    }
}

impl<T> std::ops::Deref for Tables<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        &self.0
    }
}

impl std::ops::Deref for Strs {
    type Target = [Str];
    fn deref(&self) -> &[Str] {
        &self.0
    }
}

impl std::ops::Deref for NonEmpty {
    type Target = [Str];
    fn deref(&self) -> &[Str] {
        &self.0
    }
}

/// Gets the field's value from the reader (`visit_newtype_struct`), or learns it
/// is missing (`visit_none`); `None` either way when there is no usable value.
struct Field<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for Field<T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a field")
    }

    fn visit_none<E>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Option<T>, D::Error> {
        // The reader has reported why there is no value.
        Ok(T::deserialize(d).ok())
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Req<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_newtype_struct(REQ, Field(PhantomData))
            .map(Req)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Opt<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_newtype_struct(OPT, Field(PhantomData))
            .map(Opt)
    }
}

/// A newtype around one value (`Text`) or a list (the others).
struct Newtype<T, const LIST: bool>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for Newtype<T, false> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a value")
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<T, D::Error> {
        T::deserialize(d)
    }
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for Newtype<T, true> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list")
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Vec<T>, D::Error> {
        d.deserialize_seq(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        let mut out = Vec::new();
        while let Some(Item(item)) = seq.next_element()? {
            out.extend(item);
        }
        Ok(out)
    }
}

/// One item of a list: a bad one (reported) is left out.
struct Item<T>(Option<T>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Item<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Item(T::deserialize(d).ok()))
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_newtype_struct(TEXT, Newtype::<Str, false>(PhantomData))
            .map(Text)
    }
}

impl<'de> Deserialize<'de> for Strs {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_newtype_struct(STRS, Newtype::<Str, true>(PhantomData))
            .map(Strs)
    }
}

impl<'de> Deserialize<'de> for NonEmpty {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_newtype_struct(NON_EMPTY, Newtype::<Str, true>(PhantomData))
            .map(NonEmpty)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Tables<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_newtype_struct(TABLES, Newtype::<T, true>(PhantomData))
            .map(Tables)
    }
}
