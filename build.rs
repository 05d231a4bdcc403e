//! Compiles `data/` (TOML, the single source of truth) into the binary: checks
//! every file and writes `OUT_DIR/dataset.rs` (see `build/`). Any problem fails
//! the build, after all of them are printed as `file:line:col: message`.
//!
//! `TARIKH_DATA_DIR` (default `data`, relative to the crate) picks another
//! dataset, e.g. a test fixture.

#[path = "build/mod.rs"]
mod pipeline;

use std::path::Path;

fn main() {
    for f in ["build.rs", "build"] {
        println!("cargo:rerun-if-changed={f}");
    }
    println!("cargo:rerun-if-env-changed=TARIKH_DATA_DIR");
    let shown = std::env::var("TARIKH_DATA_DIR").unwrap_or_else(|_| "data".into());
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR");
    let dir = Path::new(&manifest).join(&shown);

    let outcome = pipeline::run(&dir, &shown);
    for path in &outcome.read {
        println!("cargo:rerun-if-changed={}", path.display());
    }
    if !outcome.missing.is_empty() {
        // A missing optional file appearing must rebuild: watch the directory.
        println!("cargo:rerun-if-changed={}", dir.display());
    }
    match outcome.result {
        Ok(code) => {
            let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("dataset.rs");
            std::fs::write(&out, code).expect("write dataset.rs");
        }
        Err(problems) => {
            for p in &problems {
                eprintln!("{p}");
            }
            eprintln!(
                "error: {} problem{} in {shown}/; the dataset was not built",
                problems.len(),
                if problems.len() == 1 { "" } else { "s" }
            );
            std::process::exit(1);
        }
    }
}
