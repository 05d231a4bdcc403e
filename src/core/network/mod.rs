//! The web of people (issue 16) as arithmetic: who is drawn, which lines join
//! them, and where each one sits. The views draw what this gives.
//!
//! - `graph.rs` — the people of a selection and the lines between them: stated
//!   relations (kinds from `data/vocab.toml`, grouped for colour) and "appears
//!   with" (people named in the same events);
//! - `layout.rs` — deterministic layouts: a fixed-iteration force layout of the
//!   whole web from a fixed start, and a ring around one person (the ego
//!   picture on a person page). Only `+ − × ÷` and `sqrt` (exact in IEEE 754 on
//!   every platform) and a series for sine/cosine: the same numbers in every
//!   browser and every build of the same data;
//! - `state.rs` — `NetworkState`, the link of `#/network?<people index filter>&sel=<id>&at=…`
//!   (the people index's `IndexState` as its inner topic), and its camera.

pub mod graph;
pub mod layout;
pub mod state;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

pub use graph::{ego, web, Edge, Group, Web};
pub use layout::{layout, named, radius, ring, Placed};
pub use state::{frame, Camera, NetworkState, Screen};
