//! The pure core: everything that can be decided without a browser.
//! Never import leptos, wasm-bindgen or web-sys here.

pub mod axis;
pub mod dataset;
/// The dataset's date syntax (the `tarikh-date` crate, shared with the data pipeline).
pub use tarikh_date as date;
pub mod export;
pub mod filter;
pub mod glossary;
pub mod link;
pub mod map;
pub mod model;
pub mod network;
pub mod people;
pub mod quiz;
/// The old path of `quiz::state`, which the app uses.
pub use quiz::state as quiz_state;
pub mod route;
pub mod stats;
pub mod text;
pub mod timeline;
