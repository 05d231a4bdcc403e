//! The one integration-test binary (each extra binary would link everything again).
//! Native modules run with `cargo test`; `web` runs in headless Chromium with
//! `cargo test --target wasm32-unknown-unknown --test tests`.

#[cfg(not(target_arch = "wasm32"))]
mod data;
#[cfg(not(target_arch = "wasm32"))]
mod toolchain;

#[cfg(target_arch = "wasm32")]
mod web;
