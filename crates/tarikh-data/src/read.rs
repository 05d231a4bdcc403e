//! Reading one data file: toml's recoverable parse (every syntax error, not only
//! the first), the file's top level (which tables it may hold), then each record
//! through the reader (`de.rs`). `vocab.toml` is read here by hand: its tables are
//! maps of `term = "description"`, not records.

use crate::de;
use crate::diag::Diags;
use crate::records::{Kind, Raw, Str, Vocab, VocabTerm};
use serde::de::DeserializeOwned;
use serde_spanned::Spanned;
use toml::de::{DeTable, DeValue};

const VOCAB_TABLES: [&str; 5] = [
    "tags",
    "event_types",
    "relation_kinds",
    "place_kinds",
    "org_kinds",
];

/// Parses one file (reporting every syntax error) and reads its records into `raw`.
pub fn read_file(d: &Diags, file: usize, kind: Kind, raw: &mut Raw) {
    let text = &d.files[file].text;
    let (doc, errors) = DeTable::parse_recoverable(text);
    for e in &errors {
        let offset = e.span().map_or(0, |s| s.start);
        d.syntax(file, offset, format!("TOML syntax: {}", e.message()));
    }
    let base = d.files[file].base;
    let root = doc.get_ref();
    match kind {
        Kind::Vocab => raw.vocab = Some(vocab(d, file, root)),
        Kind::Sources => {
            raw.sources_file = Some(file);
            records(d, base, root, kind, &mut raw.sources);
        }
        Kind::Events => records(d, base, root, kind, &mut raw.events),
        Kind::People => records(d, base, root, kind, &mut raw.people),
        Kind::Places => records(d, base, root, kind, &mut raw.places),
        Kind::Orgs => records(d, base, root, kind, &mut raw.orgs),
        Kind::Periods => records(d, base, root, kind, &mut raw.schemes),
        Kind::Disputes => records(d, base, root, kind, &mut raw.disputes),
        Kind::Glossary => records(d, base, root, kind, &mut raw.glossary),
        Kind::Intro => records(d, base, root, kind, &mut raw.intro),
        Kind::Tours => records(d, base, root, kind, &mut raw.tours),
    }
}

/// The `[[key]]` records of a file (the only table it may hold).
fn records<T: DeserializeOwned>(
    d: &Diags,
    base: usize,
    root: &DeTable<'_>,
    kind: Kind,
    out: &mut Vec<Spanned<T>>,
) {
    let key = kind.key();
    for (k, v) in root.iter() {
        if k.get_ref().as_ref() != key {
            d.err(
                base + k.span().start,
                format!(
                    "unknown table `{}` (this file holds `[[{key}]]` records)",
                    k.get_ref()
                ),
            );
            continue;
        }
        let DeValue::Array(items) = v.get_ref() else {
            d.err(
                base + v.span().start,
                format!("`{key}` must be an array of tables: write `[[{key}]]`"),
            );
            continue;
        };
        out.extend(items.iter().filter_map(|item| de::read(d, base, item)));
    }
}

/// A string of the file at its global position.
fn str_at(base: usize, s: &str, span: std::ops::Range<usize>) -> Str {
    Spanned::new(base + span.start..base + span.end, s.to_string())
}

fn vocab(d: &Diags, file: usize, root: &DeTable<'_>) -> Vocab {
    let base = d.files[file].base;
    let mut vocab = Vocab {
        file,
        tags: Vec::new(),
        event_types: Vec::new(),
        relation_kinds: Vec::new(),
        place_kinds: Vec::new(),
        org_kinds: Vec::new(),
    };
    for (k, v) in root.iter() {
        let slot = match k.get_ref().as_ref() {
            "tags" => &mut vocab.tags,
            "event_types" => &mut vocab.event_types,
            "relation_kinds" => &mut vocab.relation_kinds,
            "place_kinds" => &mut vocab.place_kinds,
            "org_kinds" => &mut vocab.org_kinds,
            other => {
                d.err(
                    base + k.span().start,
                    format!(
                        "unknown table `{other}` in vocab (expected one of: {})",
                        VOCAB_TABLES.join(", ")
                    ),
                );
                continue;
            }
        };
        let DeValue::Table(t) = v.get_ref() else {
            d.err(
                base + v.span().start,
                format!(
                    "`{}` must be a table of `term = \"description\"`",
                    k.get_ref()
                ),
            );
            continue;
        };
        for (term, desc) in t.iter() {
            let id = str_at(base, term.get_ref(), term.span());
            match desc.get_ref() {
                DeValue::String(s) => slot.push(VocabTerm {
                    id,
                    description: str_at(base, s, desc.span()),
                    name: None,
                }),
                // `term = { name = "Short name", description = "…" }`
                DeValue::Table(fields) => {
                    let (mut name, mut description) = (None, None);
                    for (k, v) in fields.iter() {
                        let value = match v.get_ref() {
                            DeValue::String(s) => Some(str_at(base, s, v.span())),
                            _ => None,
                        };
                        let slot = match k.get_ref().as_ref() {
                            "name" => &mut name,
                            "description" => &mut description,
                            other => {
                                d.err(
                                    base + k.span().start,
                                    format!("unknown field `{other}` of `{}` (expected name, description)", id.get_ref()),
                                );
                                continue;
                            }
                        };
                        match value {
                            Some(s) if !s.get_ref().trim().is_empty() => *slot = Some(s),
                            _ => d.err(
                                base + v.span().start,
                                format!(
                                    "the {} of `{}` must be a non-blank string",
                                    k.get_ref(),
                                    id.get_ref()
                                ),
                            ),
                        }
                    }
                    match description {
                        Some(description) => slot.push(VocabTerm {
                            id,
                            description,
                            name,
                        }),
                        None => d.err(
                            base + desc.span().start,
                            format!("`{}` has no description", id.get_ref()),
                        ),
                    }
                }
                _ => d.err(
                    base + desc.span().start,
                    format!("the description of `{}` must be a string", id.get_ref()),
                ),
            }
        }
    }
    for t in VOCAB_TABLES {
        if !root.contains_key(t) {
            d.err(base, format!("missing table `[{t}]` in vocab"));
        }
    }
    vocab
}
