//! The pure core: everything that can be decided without a browser.
//! Never import leptos, wasm-bindgen or web-sys here.

pub mod dataset;
pub mod date;
pub mod export;
pub mod filter;
pub mod link;
pub mod model;
pub mod people;
pub mod people_link;
pub mod quiz;
pub mod quiz_spec;
pub mod quiz_state;
pub mod route;
pub mod stats;
pub mod text;
pub mod timeline;
