//! The basemap, loaded once when a map is first shown (`app::asset`, the
//! asset `basemap`): not part of the first load.

use crate::app::asset::{self, Cell};
use crate::core::map::Basemap;
use leptos::prelude::*;
use std::sync::Arc;

static LOADED: Cell<Basemap> = Cell::new();

/// The basemap, or why it could not be had.
pub async fn load() -> Result<Arc<Basemap>, String> {
    asset::load(&LOADED, "basemap", Basemap::parse).await
}

/// The basemap as a resource for a view.
pub fn resource() -> LocalResource<Result<Arc<Basemap>, String>> {
    LocalResource::new(load)
}
