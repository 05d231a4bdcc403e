//! The reader: a serde `Deserializer` over toml's span-keeping parse tree
//! (`DeValue`) that reads the records of `records.rs` and reports every problem
//! with its position, instead of stopping at the first (toml's own deserializer
//! does): missing, unknown and mistyped fields, blank text, empty lists.
//!
//! It knows where each value sits (its key, the record it belongs to, where that
//! starts), which a type's `Deserialize` never learns: so the field types of
//! `fields.rs` ask it for their value under their own names, and it reports what
//! is wrong in the data's words. `Spanned` values get global positions (each
//! file's base added, see `diag.rs`).

use crate::diag::{Diags, Pos};
use crate::fields::{ITEM_NOUNS, NON_EMPTY, OPT, REQ, STRS, TABLES, TEXT};
use serde::de::{self, DeserializeOwned, DeserializeSeed, IntoDeserializer, MapAccess, Visitor};
use serde::forward_to_deserialize_any;
use serde_spanned::de::{is_spanned, SpannedDeserializer};
use std::fmt;
use toml::de::{DeString, DeValue};
use toml::Spanned;

/// Reads one value of the file whose positions start at `base`; `None` if it is
/// unusable (reported).
pub fn read<T: DeserializeOwned>(
    d: &Diags,
    base: usize,
    value: &Spanned<DeValue<'_>>,
) -> Option<T> {
    let cx = Cx { d, base };
    let site = Site {
        key: "",
        what: "",
        record: base + value.span().start,
        item: false,
        optional: false,
    };
    T::deserialize(ValueDe::new(&cx, Some(value), site)).ok()
}

/// The problem has been reported (`Reported`), or is serde's own (`Other`, reported
/// by the reader as soon as it sees it).
#[derive(Debug)]
pub enum Error {
    Reported,
    Other(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Error::Reported => f.write_str("reported"),
            Error::Other(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error::Other(msg.to_string())
    }
}

struct Cx<'a> {
    d: &'a Diags,
    /// The file's base position.
    base: usize,
}

impl Cx<'_> {
    /// Reports serde's own errors at `at` (the reader's are reported already).
    fn report<T>(&self, at: Pos, r: Result<T, Error>) -> Result<T, Error> {
        r.map_err(|e| {
            if let Error::Other(m) = e {
                self.d.err(at, m);
            }
            Error::Reported
        })
    }
}

/// Where a value sits, for messages.
#[derive(Clone, Copy)]
struct Site<'a> {
    /// Its key ("" at the top of a file).
    key: &'a str,
    /// The record it is a field of ("event", "quote").
    what: &'a str,
    /// Where that record starts.
    record: Pos,
    /// It is an item of a list of strings.
    item: bool,
    /// The field may be left out (it is an `Opt`).
    optional: bool,
}

/// One value (`None`: its field is missing) and where it sits.
struct ValueDe<'a, 'i> {
    cx: &'a Cx<'a>,
    v: Option<&'a Spanned<DeValue<'i>>>,
    site: Site<'a>,
    /// What a list here holds, for messages: "strings" or "tables".
    list: &'static str,
}

fn type_name(v: &DeValue<'_>) -> &'static str {
    match v {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a TOML date (write dates as strings: \"1917-12-13\")",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

fn noun_of(key: &str) -> Option<&'static str> {
    ITEM_NOUNS.iter().find(|(k, _)| *k == key).map(|(_, n)| *n)
}

fn int(v: &DeValue<'_>) -> Option<i64> {
    match v {
        DeValue::Integer(i) => i64::from_str_radix(&i.as_str().replace('_', ""), i.radix()).ok(),
        _ => None,
    }
}

impl<'a, 'i> ValueDe<'a, 'i> {
    fn new(cx: &'a Cx<'a>, v: Option<&'a Spanned<DeValue<'i>>>, site: Site<'a>) -> Self {
        ValueDe {
            cx,
            v,
            site,
            list: "strings",
        }
    }

    /// Where the value is (the record, if the field is missing).
    fn at(&self) -> Pos {
        self.v
            .map_or(self.site.record, |v| self.cx.base + v.span().start)
    }

    fn err(&self, at: Pos, message: String) -> Error {
        self.cx.d.err(at, message);
        Error::Reported
    }

    fn missing(&self) -> Error {
        let Site { key, what, .. } = self.site;
        self.err(self.site.record, format!("missing field `{key}` in {what}"))
    }

    /// The value is not what the field holds (`want`: "a string").
    fn wrong(&self, v: &DeValue<'_>, want: &str) -> Error {
        let key = self.site.key;
        let found = type_name(v);
        let message = if self.site.item {
            format!("`{key}` must hold strings, found {found}")
        } else {
            format!("`{key}` must be {want}, found {found}")
        };
        self.err(self.at(), message)
    }

    /// Reports serde's own errors about the value (the reader's are reported already).
    fn report<T>(&self, r: Result<T, Error>) -> Result<T, Error> {
        self.cx.report(self.at(), r)
    }

    fn with(self, list: &'static str, optional: bool) -> Self {
        ValueDe {
            list,
            site: Site {
                optional,
                ..self.site
            },
            ..self
        }
    }

    /// The checks of a wrapper type of `fields.rs`, before its value is read.
    fn check_wrapper(&self, name: &str) {
        let Site { key, what, .. } = self.site;
        match (name, self.v.map(|v| v.get_ref())) {
            (REQ, None) => {
                self.missing();
            }
            (TEXT, Some(DeValue::String(s))) if s.trim().is_empty() => {
                let hint = if self.site.optional {
                    " (leave it out instead)"
                } else {
                    ""
                };
                self.err(self.at(), format!("`{key}` is empty{hint}"));
            }
            (NON_EMPTY, None) => {
                let noun = noun_of(key).unwrap_or(key);
                self.err(
                    self.at(),
                    format!("{what} has no {noun} (`{key}` is missing)"),
                );
            }
            (NON_EMPTY, Some(DeValue::Array(items))) if items.is_empty() => {
                let noun = noun_of(key).unwrap_or(key);
                self.err(
                    self.at(),
                    format!("{what} has no {noun} (`{key}` is empty)"),
                );
            }
            _ => {}
        }
    }
}

impl<'de> IntoDeserializer<'de, Error> for ValueDe<'_, '_> {
    type Deserializer = Self;

    fn into_deserializer(self) -> Self {
        self
    }
}

impl<'de> de::Deserializer<'de> for ValueDe<'_, '_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let Some(v) = self.v else {
            return Err(self.missing());
        };
        let r = match v.get_ref() {
            DeValue::String(s) => visitor.visit_str(s),
            DeValue::Integer(_) => match int(v.get_ref()) {
                Some(n) => visitor.visit_i64(n),
                None => return Err(self.wrong(v.get_ref(), "an integer")),
            },
            DeValue::Float(_) => return self.deserialize_f64(visitor),
            DeValue::Boolean(b) => visitor.visit_bool(*b),
            DeValue::Array(_) => return self.deserialize_seq(visitor),
            DeValue::Table(_) => return self.deserialize_map(visitor),
            DeValue::Datetime(_) => return Err(self.wrong(v.get_ref(), "a string")),
        };
        self.report(r)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        // A flag: left out, or of the wrong type (reported), it is false.
        let b = match self.v.map(|v| v.get_ref()) {
            None => false,
            Some(DeValue::Boolean(b)) => *b,
            Some(other) => {
                self.wrong(other, "true or false");
                false
            }
        };
        self.report(visitor.visit_bool(b))
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let Some(v) = self.v else {
            return Err(self.missing());
        };
        match int(v.get_ref()) {
            Some(n) => self.report(visitor.visit_i64(n)),
            None => Err(self.wrong(v.get_ref(), "an integer")),
        }
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let Some(v) = self.v else {
            return Err(self.missing());
        };
        let n = match v.get_ref() {
            DeValue::Float(f) => f.as_str().replace('_', "").parse::<f64>().ok(),
            DeValue::Integer(_) => int(v.get_ref()).map(|i| i as f64),
            other => return Err(self.wrong(other, "a number")),
        };
        match n {
            Some(n) => self.report(visitor.visit_f64(n)),
            None => Err(self.err(self.at(), format!("`{}` is out of range", self.site.key))),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.v.map(|v| v.get_ref()) {
            None => Err(self.missing()),
            Some(DeValue::String(s)) => self.report(visitor.visit_str(s)),
            Some(other) => Err(self.wrong(other, "a string")),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let (cx, at) = (self.cx, self.at());
        match self.v {
            None => cx.report(at, visitor.visit_none()),
            Some(_) => cx.report(at, visitor.visit_some(self)),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.check_wrapper(name);
        let de = match name {
            REQ | OPT if self.v.is_none() => return self.report(visitor.visit_none()),
            OPT => self.with("strings", true),
            TABLES => self.with("tables", false),
            STRS | NON_EMPTY => self.with("strings", false),
            _ => self,
        };
        let (cx, at) = (de.cx, de.at());
        cx.report(at, visitor.visit_newtype_struct(de))
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let items: &[Spanned<DeValue<'_>>] = match self.v.map(|v| v.get_ref()) {
            None => &[],
            Some(DeValue::Array(items)) => items,
            Some(other) => {
                // Left out, or not a list (reported): no items.
                self.wrong(other, &format!("an array of {}", self.list));
                &[]
            }
        };
        let site = Site {
            item: self.list == "strings",
            ..self.site
        };
        let seq = Seq {
            cx: self.cx,
            items: items.iter(),
            site,
            list: self.list,
        };
        self.report(visitor.visit_seq(seq))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let Some(v) = self.v else {
            return Err(self.missing());
        };
        if is_spanned(name) {
            let start = self.cx.base + v.span().start;
            let span = start..self.cx.base + v.span().end;
            return visitor.visit_map(SpannedDeserializer::new(self, span));
        }
        self.table(name, Some(fields), visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.table("table", None, visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    forward_to_deserialize_any! {
        i8 i16 i32 i128 u8 u16 u32 u64 u128 f32 char bytes byte_buf unit unit_struct
        tuple tuple_struct enum identifier
    }
}

impl ValueDe<'_, '_> {
    /// A table read as the record `name` with these `fields`, or as a map (`None`:
    /// any key).
    fn table<'de, V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: Option<&'static [&'static str]>,
        visitor: V,
    ) -> Result<V::Value, Error> {
        let Some(v) = self.v else {
            return Err(self.missing());
        };
        let what = noun_of(self.site.key).unwrap_or(name);
        let DeValue::Table(table) = v.get_ref() else {
            let found = type_name(v.get_ref());
            return Err(self.err(self.at(), format!("{what} must be a table, found {found}")));
        };
        let record = self.at();
        let map = Fields {
            cx: self.cx,
            entries: table.iter(),
            fields,
            seen: Vec::new(),
            what,
            record,
            value: None,
        };
        self.report(visitor.visit_map(map))
    }
}

/// The items of an array.
struct Seq<'a, 'i> {
    cx: &'a Cx<'a>,
    items: std::slice::Iter<'a, Spanned<DeValue<'i>>>,
    site: Site<'a>,
    list: &'static str,
}

impl<'de> de::SeqAccess<'de> for Seq<'_, '_> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        let Some(item) = self.items.next() else {
            return Ok(None);
        };
        let de = ValueDe {
            cx: self.cx,
            v: Some(item),
            site: self.site,
            list: self.list,
        };
        seed.deserialize(de).map(Some)
    }
}

/// The fields of a record: its keys in the order written (an unknown one is
/// reported and skipped), then each field it leaves out (so the field's type
/// decides whether that is a problem).
struct Fields<'a, 'i> {
    cx: &'a Cx<'a>,
    entries: toml::map::Iter<'a, Spanned<DeString<'i>>, Spanned<DeValue<'i>>>,
    /// The record's fields (`None`: a map, any key).
    fields: Option<&'static [&'static str]>,
    seen: Vec<&'a str>,
    what: &'a str,
    record: Pos,
    /// The key just given and its value (`None`: missing).
    value: Option<(&'a str, Option<&'a Spanned<DeValue<'i>>>)>,
}

impl<'a> Fields<'a, '_> {
    fn unknown(&self, key: &Spanned<DeString<'_>>) {
        self.cx.d.err(
            self.cx.base + key.span().start,
            format!(
                "unknown field `{}` in {} (expected one of: {})",
                key.get_ref(),
                self.what,
                self.fields.unwrap_or_default().join(", ")
            ),
        );
    }
}

impl<'de, 'a, 'i> MapAccess<'de> for Fields<'a, 'i> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let next = loop {
            match self.entries.next() {
                Some((k, v))
                    if self
                        .fields
                        .is_none_or(|f| f.contains(&k.get_ref().as_ref())) =>
                {
                    let key: &'a str = k.get_ref();
                    self.seen.push(key);
                    break Some((key, Some(v)));
                }
                Some((k, _)) => self.unknown(k),
                None => {
                    let fields = self.fields.unwrap_or_default();
                    let left_out = fields.iter().find(|f| !self.seen.contains(f));
                    break left_out.map(|f| {
                        self.seen.push(f);
                        (*f, None)
                    });
                }
            }
        };
        let Some((key, value)) = next else {
            return Ok(None);
        };
        self.value = Some((key, value));
        seed.deserialize(key.into_deserializer()).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let (key, value) = self.value.take().expect("next_key_seed first");
        let site = Site {
            key,
            what: self.what,
            record: self.record,
            item: false,
            optional: false,
        };
        seed.deserialize(ValueDe::new(self.cx, value, site))
    }
}
