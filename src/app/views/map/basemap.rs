//! The basemap, loaded once when a map is first shown: from the single file's
//! text block (`#tarikh-basemap`), or fetched from the same origin (the file
//! `<meta name="tarikh-basemap">` names). Not part of the first load.

use crate::core::map::Basemap;
use leptos::prelude::*;
use std::sync::{Arc, OnceLock};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

static LOADED: OnceLock<Result<Arc<Basemap>, String>> = OnceLock::new();

/// The basemap, or why it could not be had.
pub async fn load() -> Result<Arc<Basemap>, String> {
    if let Some(b) = LOADED.get() {
        return b.clone();
    }
    let got = fetch().await.and_then(|t| Basemap::parse(&t)).map(Arc::new);
    if let Err(e) = &got {
        web_sys::console::warn_1(&format!("Tarikh: no basemap: {e}").into());
    }
    LOADED.get_or_init(|| got).clone()
}

async fn fetch() -> Result<String, String> {
    let doc = document();
    if let Some(el) = doc.get_element_by_id("tarikh-basemap") {
        return el
            .text_content()
            .ok_or_else(|| "empty basemap block".to_string());
    }
    let file = doc
        .query_selector("meta[name=tarikh-basemap]")
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
        .ok_or("the page names no basemap")?;
    let resp = JsFuture::from(window().fetch_with_str(&file))
        .await
        .map_err(|_| format!("could not fetch {file}"))?;
    let resp: web_sys::Response = resp.dyn_into().map_err(|_| "not a response".to_string())?;
    if !resp.ok() {
        return Err(format!("{file}: HTTP {}", resp.status()));
    }
    let text = JsFuture::from(resp.text().map_err(|_| "no text".to_string())?)
        .await
        .map_err(|_| "could not read the basemap".to_string())?;
    text.as_string()
        .ok_or_else(|| "the basemap is not text".to_string())
}

/// The basemap as a resource for a view.
pub fn resource() -> LocalResource<Result<Arc<Basemap>, String>> {
    LocalResource::new(load)
}
