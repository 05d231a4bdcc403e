//! Compiles `data/` (TOML, the single source of truth) into the binary: the
//! `tarikh-data` crate checks every file and writes `OUT_DIR/dataset.rs`, which
//! `src/core/dataset.rs` includes. Any problem fails the build, after all of them
//! are printed as `file:line:col: message`.
//!
//! `TARIKH_DATA_DIR` (default `data`, relative to this crate) picks another
//! dataset, e.g. a test fixture.

fn main() {
    tarikh_data::build_script("data");
}
