//! The pure core: everything that can be decided without a browser.
//! Never import leptos, wasm-bindgen or web-sys here.

pub mod axis;
pub mod camera;
pub mod card;
pub mod dataset;
pub mod disputes;
/// The dataset's date syntax (the `tarikh-date` crate, shared with the data pipeline).
pub use tarikh_date as date;
pub mod event_page;
pub mod export;
pub mod filter;
pub mod find;
#[cfg(test)]
mod fuzz;
pub mod glossary;
pub mod link;
pub mod map;
pub mod model;
pub mod network;
pub mod orgs;
pub mod people;
pub mod qr;
pub mod quiz;
pub mod reader;
pub mod route;
pub mod start;
pub mod stats;
pub mod study;
pub mod text;
pub mod timeline;
