//! Tarikh's data pipeline: read `data/` (TOML), check it, and write it out for the
//! app (a compact blob and the Rust that reads it, [`codegen`]). The app's `build.rs` runs it ([`build_script`]); its own
//! tests (`tests/`) feed it broken fixtures. Every problem is reported, as
//! `file:line:col: message`. `paragraphs` is the locator scheme citations use (the
//! app's tests check the data against the source texts with it); `texts` numbers
//! the texts with it for the app's reader (the release build's on-demand asset,
//! written by the `tarikh-sources` binary).
//!
//! A build-dependency of the app only: nothing here (the TOML parser included)
//! reaches the wasm. It shares the date syntax (`tarikh-date`) with the app, so
//! dates mean the same in both.

pub use tarikh_date as date;

mod cargo;
pub mod check;
pub mod codegen;
mod de;
pub mod diag;
mod fields;
pub mod model;
pub mod paragraphs;
pub mod read;
pub mod records;
pub mod texts;

pub use cargo::build_script;

use diag::Diags;
use records::Kind;
use std::path::{Path, PathBuf};

/// The result of a run: the checked dataset or every problem, and the files read.
pub struct Outcome {
    /// [`codegen::generate`] writes a checked dataset out for the app.
    pub result: Result<model::Checked, Vec<String>>,
    /// The data files that exist and were read (for `cargo:rerun-if-changed`).
    pub read: Vec<PathBuf>,
    /// Optional files that do not exist (their creation must trigger a rebuild).
    pub missing: Vec<PathBuf>,
    /// The number of events, people, places, orgs, schemes, disputes and
    /// glossary terms.
    pub counts: [usize; 7],
}

/// The files of `data/`: (path relative to the data dir, what it holds, required).
const FILES: [(&str, Kind, bool); 10] = [
    ("vocab.toml", Kind::Vocab, true),
    ("sources.toml", Kind::Sources, false),
    ("people.toml", Kind::People, false),
    ("places.toml", Kind::Places, false),
    ("orgs.toml", Kind::Orgs, false),
    ("periods.toml", Kind::Periods, false),
    ("disputes.toml", Kind::Disputes, false),
    ("glossary.toml", Kind::Glossary, false),
    ("intro.toml", Kind::Intro, false),
    ("tours.toml", Kind::Tours, false),
];

/// Reads, checks and generates the dataset in `dir`. Messages name files as
/// `shown/…` (e.g. `data/events/alash.toml`).
pub fn run(dir: &Path, shown: &str) -> Outcome {
    let (d, raw, read, missing) = read_dir(dir, shown, true);
    let counts = [
        raw.events.len(),
        raw.people.len(),
        raw.places.len(),
        raw.orgs.len(),
        raw.schemes.len(),
        raw.disputes.len(),
        raw.glossary.len(),
    ];
    let checked = check::check(&d, &raw);
    let result = match checked {
        Some(c) if d.is_empty() => Ok(c),
        _ => Err(d.render()),
    };
    Outcome {
        result,
        read,
        missing,
        counts,
    }
}

/// Only the sources of the dataset in `dir` (`vocab.toml` and `sources.toml`),
/// checked: what the reader's texts are made from ([`texts`]).
pub fn sources(dir: &Path, shown: &str) -> Result<Vec<model::Source>, Vec<String>> {
    let (d, raw, _, _) = read_dir(dir, shown, false);
    match check::check(&d, &raw) {
        Some(c) if d.is_empty() => Ok(c.sources),
        _ => Err(d.render()),
    }
}

/// Reads the files of `dir` (with `records`, every file; else only the
/// vocabulary and the sources): the diagnostics, the raw records, the files
/// read and the optional files missing.
fn read_dir(
    dir: &Path,
    shown: &str,
    records: bool,
) -> (Diags, records::Raw, Vec<PathBuf>, Vec<PathBuf>) {
    let mut d = Diags::default();
    let mut read = Vec::new();
    let mut missing = Vec::new();
    let mut files: Vec<(usize, Kind)> = Vec::new();
    let mut load = |d: &mut Diags, rel: &str, kind: Kind, required: bool| {
        let path = dir.join(rel);
        let name = format!("{shown}/{rel}");
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                files.push((d.add_file(name, text), kind));
                read.push(path);
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if required {
                    d.file_err(&name, "missing (this file is required)");
                }
                missing.push(path);
            }
            Err(e) => d.file_err(&name, format!("cannot read: {e}")),
        }
    };
    for (rel, kind, required) in FILES {
        if records || matches!(kind, Kind::Vocab | Kind::Sources) {
            load(&mut d, rel, kind, required);
        }
    }
    let events_dir = dir.join("events");
    let mut event_files: Vec<String> = match std::fs::read_dir(&events_dir).ok().filter(|_| records)
    {
        Some(entries) => entries
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".toml"))
            .collect(),
        None => Vec::new(),
    };
    event_files.sort();
    for name in &event_files {
        load(&mut d, &format!("events/{name}"), Kind::Events, false);
    }
    if records && events_dir.is_dir() {
        read.push(events_dir);
    } else if records {
        missing.push(events_dir);
    }

    let mut raw = records::Raw::default();
    for &(file, kind) in &files {
        read::read_file(&d, file, kind, &mut raw);
    }
    (d, raw, read, missing)
}
