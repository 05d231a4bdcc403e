//! The pipeline on small datasets written to a temporary directory: each kind of
//! problem, reported exactly as the build prints it (`file:line:col: message`).
//!
//! The expected messages are `expect-test` snapshots: after a deliberate change to
//! a message, `UPDATE_EXPECT=1 cargo test -p tarikh-data` rewrites them in place
//! (then read the diff).
//!
//! `reading`: what the reader reports (syntax, the files' tables, missing, unknown
//! and mistyped fields); `checking`: what the checker reports (ids, references,
//! dates, citations, vocabularies, life dates, names); `glossary`: the glossary
//! and quoted roles.

mod checking;
mod glossary;
mod reading;

use expect_test::{expect, Expect};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use tarikh_data as pipeline;
use tarikh_data::model::SeeAlso;

pub const VALID: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/valid");

/// The problems, one a line, against the snapshot.
pub fn check(problems: Vec<String>, expect: Expect) {
    expect.assert_eq(
        &problems
            .iter()
            .map(|p| format!("{p}\n"))
            .collect::<String>(),
    );
}

/// A fresh dataset directory: `vocab.toml` and `sources.toml` of the valid fixture
/// unless `files` replaces them, plus `files` (path, TOML; a leading newline is
/// dropped so line 1 is the first line after `r#"`).
pub fn dataset(files: &[(&str, &str)]) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "data-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("events")).unwrap();
    for base in ["vocab.toml", "sources.toml"] {
        std::fs::copy(Path::new(VALID).join(base), dir.join(base)).unwrap();
    }
    for (path, text) in files {
        let text = text.strip_prefix('\n').unwrap_or(text);
        std::fs::write(dir.join(path), text).unwrap();
    }
    dir
}

/// Every problem the build reports for the dataset, as `data/…:line:col: message`.
pub fn problems(files: &[(&str, &str)]) -> Vec<String> {
    let dir = dataset(files);
    let outcome = pipeline::run(&dir, "data");
    std::fs::remove_dir_all(&dir).unwrap();
    match outcome.result {
        Ok(_) => Vec::new(),
        Err(problems) => problems,
    }
}

/// Like `problems`, for one events file `data/events/e.toml`.
pub fn event_problems(events: &str) -> Vec<String> {
    problems(&[
        ("events/e.toml", events),
        ("people.toml", PEOPLE),
        ("places.toml", PLACES),
        ("orgs.toml", ORGS),
    ])
}

pub const PEOPLE: &str = r#"
[[person]]
id = "alikhan-bukeikhan"
name = "Alikhan Bukeikhan"
summary = "Leader of Alash"
names = [{ name = "Alikhan Bukeikhan", src = ["moscow-cage"] }, { name = "Bokeikhanov", src = ["enc-alash"] }]
born = { date = "1866", cite = ["moscow-cage:12"] }
died = { date = "1937-09-27", cite = ["moscow-cage:230"] }
tags = ["alash"]
cite = ["moscow-cage:2"]
"#;

pub const PLACES: &str = r#"
[[place]]
id = "semey"
name = "Semey"
kind = "city"
lat = 50.41
lon = 80.23
cite = ["enc-alash:4"]
names = ["Semey", "Semipalatinsk"]
"#;

pub const ORGS: &str = r#"
[[org]]
id = "alash-orda"
name = "Alash Orda"
kind = "government"
summary = "Government of the Alash autonomy"
tags = ["alash"]
cite = ["enc-alash:7"]
names = ["Alash Orda", "Alash-Orda"]
"#;
