//! The map (`#/map?<timeline filter>`, issue 16) as arithmetic: the view draws
//! what it gives.
//!
//! - `project.rs` — the projection (Albers conic) and the frame, shared with the
//!   basemap build (`scripts/basemap.mjs`);
//! - `basemap.rs` — the basemap file the build writes, read back;
//! - `camera.rs` — the part of the map shown: zoom and pan, fitting a box;
//! - `marks.rs` — places of the selection with their counts, markers sized by
//!   events, overlapping ones merged with a count, names that don't collide;
//! - `num.rs` — decimals written and read by integer arithmetic (no float formatting in the wasm);
//! - `state.rs` — `MapState`, the map's link state (the filter as its inner topic).

pub mod basemap;
pub mod camera;
pub mod marks;
pub mod num;
pub mod project;
pub mod state;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

pub use basemap::Basemap;
pub use camera::{Camera, Screen, HOME};
pub use marks::{describe, fit_spots, layout, neighbours, radius, spots, Layout, Mark, Spot};
pub use project::{to_map, Pt};
pub use state::{At, MapState, PresentLink};
