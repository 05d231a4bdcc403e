//! Typed reading of parsed TOML (toml's span-keeping `DeTable`), reporting every
//! missing field, unknown field and wrong type with its position.

use crate::diag::{Diags, Pos};
use toml::de::{DeTable, DeValue};
use toml::Spanned;

/// A string from the data and where it is.
#[derive(Clone, Debug)]
pub struct Str {
    pub v: String,
    pub at: Pos,
}

/// A number from the data and where it is.
#[derive(Clone, Copy, Debug)]
pub struct Num {
    pub v: f64,
    pub at: Pos,
}

/// Whether a list field may be left out or empty.
#[derive(Clone, Copy)]
pub enum Need {
    /// May be missing (= empty).
    Optional,
    /// Must be present and non-empty; the noun says what is missing ("citation").
    NonEmpty(&'static str),
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

/// One TOML table being read as a record. Every field is asked for once; `finish`
/// then reports the keys nobody asked for.
pub struct Rec<'a, 'i> {
    d: &'a Diags,
    file: usize,
    what: &'static str,
    table: &'a DeTable<'i>,
    at: usize,
    asked: Vec<&'static str>,
}

impl<'a, 'i> Rec<'a, 'i> {
    /// Reads `value` as a table; reports and returns `None` if it is not one.
    pub fn new(
        d: &'a Diags,
        file: usize,
        what: &'static str,
        value: &'a Spanned<DeValue<'i>>,
    ) -> Option<Self> {
        match value.get_ref() {
            DeValue::Table(table) => Some(Self::of(d, file, what, table, value.span().start)),
            other => {
                d.err(
                    (file, value.span().start),
                    format!("{what} must be a table, found {}", type_name(other)),
                );
                None
            }
        }
    }

    pub fn of(
        d: &'a Diags,
        file: usize,
        what: &'static str,
        table: &'a DeTable<'i>,
        at: usize,
    ) -> Self {
        Rec {
            d,
            file,
            what,
            table,
            at,
            asked: Vec::new(),
        }
    }

    /// Where the record starts (its `[[header]]` or `{`).
    pub fn pos(&self) -> Pos {
        (self.file, self.at)
    }

    pub fn diags(&self) -> &'a Diags {
        self.d
    }

    fn at(&self, span: std::ops::Range<usize>) -> Pos {
        (self.file, span.start)
    }

    fn get(&mut self, key: &'static str) -> Option<&'a Spanned<DeValue<'i>>> {
        self.asked.push(key);
        self.table.get(key)
    }

    fn wrong(&self, key: &str, want: &str, v: &Spanned<DeValue<'_>>) {
        self.d.err(
            self.at(v.span()),
            format!("`{key}` must be {want}, found {}", type_name(v.get_ref())),
        );
    }

    fn missing(&self, key: &str) {
        self.d.err(
            self.pos(),
            format!("missing field `{key}` in {}", self.what),
        );
    }

    /// A string field that may be left out.
    pub fn opt_str(&mut self, key: &'static str) -> Option<Str> {
        let v = self.get(key)?;
        match v.get_ref() {
            DeValue::String(s) => Some(Str {
                v: s.to_string(),
                at: self.at(v.span()),
            }),
            _ => {
                self.wrong(key, "a string", v);
                None
            }
        }
    }

    /// A required string field.
    pub fn str(&mut self, key: &'static str) -> Option<Str> {
        let present = self.table.contains_key(key);
        let s = self.opt_str(key);
        if !present {
            self.missing(key);
        }
        s
    }

    /// A required text field that must not be blank.
    pub fn text(&mut self, key: &'static str) -> Option<Str> {
        let s = self.str(key)?;
        if s.v.trim().is_empty() {
            self.d.err(s.at, format!("`{key}` is empty"));
        }
        Some(s)
    }

    /// An optional text field that must not be blank if given.
    pub fn opt_text(&mut self, key: &'static str) -> Option<Str> {
        let s = self.opt_str(key)?;
        if s.v.trim().is_empty() {
            self.d
                .err(s.at, format!("`{key}` is empty (leave it out instead)"));
        }
        Some(s)
    }

    /// A list of strings.
    pub fn strs(&mut self, key: &'static str, need: Need) -> Vec<Str> {
        let Some(v) = self.get(key) else {
            if let Need::NonEmpty(noun) = need {
                self.d.err(
                    self.pos(),
                    format!("{} has no {noun} (`{key}` is missing)", self.what),
                );
            }
            return Vec::new();
        };
        let DeValue::Array(items) = v.get_ref() else {
            self.wrong(key, "an array of strings", v);
            return Vec::new();
        };
        if items.is_empty() {
            if let Need::NonEmpty(noun) = need {
                self.d.err(
                    self.at(v.span()),
                    format!("{} has no {noun} (`{key}` is empty)", self.what),
                );
            }
        }
        let mut out = Vec::new();
        for item in items.iter() {
            match item.get_ref() {
                DeValue::String(s) => out.push(Str {
                    v: s.to_string(),
                    at: self.at(item.span()),
                }),
                other => self.d.err(
                    self.at(item.span()),
                    format!("`{key}` must hold strings, found {}", type_name(other)),
                ),
            }
        }
        out
    }

    /// The `cite` list: present and non-empty.
    pub fn cites(&mut self) -> Vec<Str> {
        self.strs("cite", Need::NonEmpty("citation"))
    }

    /// A required number (integer or float).
    pub fn num(&mut self, key: &'static str) -> Option<Num> {
        let Some(v) = self.get(key) else {
            self.missing(key);
            return None;
        };
        let parsed = match v.get_ref() {
            DeValue::Float(f) => f.as_str().replace('_', "").parse::<f64>().ok(),
            DeValue::Integer(i) => i64::from_str_radix(&i.as_str().replace('_', ""), i.radix())
                .ok()
                .map(|i| i as f64),
            _ => {
                self.wrong(key, "a number", v);
                return None;
            }
        };
        parsed.map(|n| Num {
            v: n,
            at: self.at(v.span()),
        })
    }

    /// A required integer.
    pub fn int(&mut self, key: &'static str) -> Option<(i64, Pos)> {
        let Some(v) = self.get(key) else {
            self.missing(key);
            return None;
        };
        match v.get_ref() {
            DeValue::Integer(i) => i64::from_str_radix(&i.as_str().replace('_', ""), i.radix())
                .ok()
                .map(|n| (n, self.at(v.span()))),
            _ => {
                self.wrong(key, "an integer", v);
                None
            }
        }
    }

    /// An optional boolean (missing = false).
    pub fn flag(&mut self, key: &'static str) -> bool {
        let Some(v) = self.get(key) else { return false };
        match v.get_ref() {
            DeValue::Boolean(b) => *b,
            _ => {
                self.wrong(key, "true or false", v);
                false
            }
        }
    }

    /// An optional inline table or sub-table.
    pub fn opt_table(&mut self, key: &'static str, what: &'static str) -> Option<Rec<'a, 'i>> {
        let (d, file) = (self.d, self.file);
        let v = self.get(key)?;
        Rec::new(d, file, what, v)
    }

    /// An array of tables (`[[x.key]]` or `key = [{…}, …]`); missing = empty.
    pub fn tables(&mut self, key: &'static str, what: &'static str) -> Vec<Rec<'a, 'i>> {
        let (d, file) = (self.d, self.file);
        let Some(v) = self.get(key) else {
            return Vec::new();
        };
        match v.get_ref() {
            DeValue::Array(items) => items
                .iter()
                .filter_map(|item| Rec::new(d, file, what, item))
                .collect(),
            _ => {
                self.wrong(key, "an array of tables", v);
                Vec::new()
            }
        }
    }

    /// Reports every key that no reader asked for.
    pub fn finish(self) {
        let mut allowed = self.asked.clone();
        allowed.dedup();
        for (k, _) in self.table.iter() {
            if !self.asked.iter().any(|a| *a == k.get_ref().as_ref()) {
                self.d.err(
                    self.at(k.span()),
                    format!(
                        "unknown field `{}` in {} (expected one of: {})",
                        k.get_ref(),
                        self.what,
                        allowed.join(", ")
                    ),
                );
            }
        }
    }
}
