//! Compiles `data/` (TOML, the single source of truth) into the binary: the
//! `tarikh-data` crate checks every file and writes `OUT_DIR/dataset.rs`, which
//! `src/core/dataset.rs` includes. Any problem fails the build, after all of them
//! are printed as `file:line:col: message`.
//!
//! `TARIKH_DATA_DIR` (default `data`, relative to this crate) picks another
//! dataset, e.g. a test fixture.

fn main() {
    tarikh_data::build_script("data");
    // The release build's wasm is split after linking (src/app/deferred.rs,
    // scripts/split.mjs): the splitter needs the linker's relocations.
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    if wasm && std::env::var_os("CARGO_FEATURE_SPLIT").is_some() {
        println!("cargo:rustc-link-arg-bins=--emit-relocs");
    }
}
