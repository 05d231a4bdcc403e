//! The pure core: everything that can be decided without a browser.
//! Never import leptos, wasm-bindgen or web-sys here.

pub mod axis;
pub mod dataset;
pub mod date;
pub mod export;
pub mod filter;
pub mod model;
pub mod people;
pub mod quiz;
pub mod quiz_state;
pub mod route;
pub mod stats;
pub mod text;
