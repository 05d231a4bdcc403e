//! On-demand assets: the big files a view needs that are not part of the first
//! load (the map's basemap, the source reader's texts). Each is named
//! `tarikh-<name>`: in the hosted site a `<meta name="tarikh-<name>">` gives
//! its hashed file, fetched from the site itself when a view first asks; the
//! single file carries it inline instead, as a `text/plain` block
//! `#tarikh-<name>` (no request, so it works from `file://`). Both are written by
//! `scripts/postbuild.mjs`. Each asset is fetched and parsed once per page.

use std::sync::{Arc, OnceLock};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The parsed asset of one name, kept for the life of the page.
pub type Cell<T> = OnceLock<Result<Arc<T>, String>>;

/// The asset `tarikh-<name>` parsed by `parse`, or why it could not be had
/// (also told on the console, once).
pub async fn load<T: Send + Sync>(
    cell: &'static Cell<T>,
    name: &str,
    parse: impl FnOnce(&str) -> Result<T, String>,
) -> Result<Arc<T>, String> {
    if let Some(got) = cell.get() {
        return got.clone();
    }
    let got = text(name).await.and_then(|t| parse(&t)).map(Arc::new);
    if let Err(e) = &got {
        web_sys::console::warn_1(&format!("Tarikh: no {name}: {e}").into());
    }
    cell.get_or_init(|| got).clone()
}

/// The asset's text: from the page's block, else fetched (same origin).
async fn text(name: &str) -> Result<String, String> {
    let doc = leptos::prelude::document();
    let id = format!("tarikh-{name}");
    if let Some(el) = doc.get_element_by_id(&id) {
        return el
            .text_content()
            .ok_or_else(|| format!("empty {name} block"));
    }
    let file = doc
        .query_selector(&format!("meta[name={id}]"))
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
        .ok_or_else(|| format!("the page names no {name} file"))?;
    let resp = JsFuture::from(leptos::prelude::window().fetch_with_str(&file))
        .await
        .map_err(|_| format!("could not fetch {file}"))?;
    let resp: web_sys::Response = resp.dyn_into().map_err(|_| "not a response".to_string())?;
    if !resp.ok() {
        return Err(format!("{file}: HTTP {}", resp.status()));
    }
    let text = JsFuture::from(resp.text().map_err(|_| "no text".to_string())?)
        .await
        .map_err(|_| format!("could not read {file}"))?;
    text.as_string()
        .ok_or_else(|| format!("{file} is not text"))
}
