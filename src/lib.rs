//! Tarikh: explore the Alash movement and the Basmachi revolt, 1891–1937.
//!
//! `core` is pure Rust (no Leptos, no web APIs) and is tested on the host.
//! `app` is the thin Leptos view layer, compiled only for the browser.

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod app;
