//! Names the data refers to: the terms of a closed vocabulary, the ids of a kind
//! of record (their syntax, uniqueness and the order records get).

use crate::diag::{Diags, Pos};
use crate::records::{Str, VocabTerm};
use std::collections::HashMap;

use crate::model::Term;

pub(super) fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A closed vocabulary or a set of ids: name → index.
pub(super) struct Names {
    /// "tag", "person", …: the noun in messages.
    pub noun: &'static str,
    /// Where the names are defined, for messages: "vocab.toml [tags]".
    pub hint: &'static str,
    pub index: HashMap<String, usize>,
}

impl Names {
    pub fn get(&self, d: &Diags, s: &Str) -> Option<usize> {
        let found = self.index.get(s.get_ref()).copied();
        if found.is_none() {
            d.err(
                s.span().start,
                format!("unknown {} \"{}\"{}", self.noun, s.get_ref(), self.hint),
            );
        }
        found
    }

    /// Resolves a list, reporting unknown and repeated names.
    pub fn list<T: TryFrom<usize>>(&self, d: &Diags, key: &str, items: &[Str]) -> Vec<T> {
        let mut out = Vec::new();
        let mut seen: Vec<&str> = Vec::new();
        for s in items {
            let v = s.get_ref().as_str();
            if seen.contains(&v) {
                d.err(s.span().start, format!("\"{v}\" appears twice in `{key}`"));
                continue;
            }
            seen.push(v);
            if let Some(i) = self.get(d, s) {
                if let Ok(i) = T::try_from(i) {
                    out.push(i);
                }
            }
        }
        out
    }
}

/// A vocabulary of `vocab.toml`: its names and its terms, in file order.
pub(super) fn vocab_names(
    d: &Diags,
    terms: &[VocabTerm],
    noun: &'static str,
    hint: &'static str,
) -> (Names, Vec<Term>) {
    let mut index = HashMap::new();
    let mut out = Vec::new();
    for t in terms {
        let (id, desc) = (&t.id, &t.description);
        let v = id.get_ref();
        if !is_slug(v) {
            d.err(
                id.span().start,
                format!(
                    "bad {noun} \"{v}\": vocabulary terms are lower-case ASCII slugs ([a-z0-9-]+)"
                ),
            );
        }
        index.insert(v.clone(), out.len());
        out.push(Term {
            id: v.clone(),
            // What a reader sees: the short name, else the id.
            name: t
                .name
                .as_ref()
                .map_or_else(|| v.clone(), |n| n.get_ref().clone()),
            description: desc.get_ref().clone(),
        });
    }
    (Names { noun, hint, index }, out)
}

/// Checks an id's syntax and that it is new (`first`: the ids seen, and where);
/// false if it was seen (reported).
pub(super) fn first_use<'r>(
    d: &Diags,
    noun: &str,
    first: &mut HashMap<&'r str, Pos>,
    id: &'r Str,
) -> bool {
    check_slug(d, id);
    if let Some(&at) = first.get(id.get_ref().as_str()) {
        d.err(
            id.span().start,
            format!(
                "duplicate {noun} id \"{}\" (first at {})",
                id.get_ref(),
                d.describe(at)
            ),
        );
        return false;
    }
    first.insert(id.get_ref(), id.span().start);
    true
}

/// Reports a bad id.
fn check_slug(d: &Diags, id: &Str) {
    if !is_slug(id.get_ref()) {
        d.err(
            id.span().start,
            format!(
                "bad id \"{}\": ids are lower-case ASCII slugs ([a-z0-9-]+)",
                id.get_ref()
            ),
        );
    }
}

/// Checks ids (syntax, uniqueness) and returns the order records get: by id, or
/// with the records that have no usable id at the end.
pub(super) fn register<'r>(
    d: &Diags,
    noun: &'static str,
    ids: impl Iterator<Item = Option<&'r Str>>,
) -> (Names, Vec<usize>) {
    let mut first: HashMap<&str, Pos> = HashMap::new();
    let mut sorted: Vec<(String, usize)> = Vec::new();
    let mut duplicates = Vec::new();
    for (i, id) in ids.enumerate() {
        let Some(id) = id else {
            duplicates.push(i);
            continue;
        };
        if !first_use(d, noun, &mut first, id) {
            duplicates.push(i);
            continue;
        }
        sorted.push((id.get_ref().clone(), i));
    }
    sorted.sort();
    let index = sorted
        .iter()
        .enumerate()
        .map(|(k, (id, _))| (id.clone(), k))
        .collect();
    // Duplicates and records without an id go last, outside the index, so their
    // fields are still checked.
    let order = sorted
        .into_iter()
        .map(|(_, i)| i)
        .chain(duplicates)
        .collect();
    (
        Names {
            noun,
            hint: "",
            index,
        },
        order,
    )
}

/// The canonical `name` of a person, place or org must be one of the spellings
/// the sources use (its `names`): nothing written from memory.
pub(super) fn canonical_is_sourced<'a>(
    d: &Diags,
    name: Option<&Str>,
    names: impl IntoIterator<Item = &'a str>,
) {
    let Some(name) = name else { return };
    let v = name.get_ref();
    if v.trim().is_empty() {
        return; // reported as empty
    }
    if !names.into_iter().any(|n| n == v) {
        d.err(
            name.span().start,
            format!("canonical name \"{v}\" is not one of the names the sources use"),
        );
    }
}
