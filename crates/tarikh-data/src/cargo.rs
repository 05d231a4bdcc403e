//! The pipeline as the app's build script runs it: reads the dataset named by
//! `TARIKH_DATA_DIR`, tells cargo what to watch, and writes `OUT_DIR/dataset.rs` and `dataset.bin`,
//! or prints every problem and fails the build.

use std::path::Path;

/// The whole of the app's `build.rs`. `TARIKH_DATA_DIR` (default `default_dir`,
/// relative to the crate being built) picks another dataset, e.g. a test fixture.
pub fn build_script(default_dir: &str) {
    println!("cargo:rerun-if-env-changed=TARIKH_DATA_DIR");
    let shown = std::env::var("TARIKH_DATA_DIR").unwrap_or_else(|_| default_dir.into());
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR");
    let dir = Path::new(&manifest).join(&shown);

    let outcome = crate::run(&dir, &shown);
    for path in &outcome.read {
        println!("cargo:rerun-if-changed={}", path.display());
    }
    if !outcome.missing.is_empty() {
        // A missing optional file appearing must rebuild: watch the directory.
        println!("cargo:rerun-if-changed={}", dir.display());
    }
    match outcome.result {
        Ok(checked) => {
            let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
            let generated = crate::codegen::generate(&checked);
            std::fs::write(out.join("dataset.rs"), generated.code).expect("write dataset.rs");
            std::fs::write(out.join("dataset.bin"), generated.blob).expect("write dataset.bin");
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
