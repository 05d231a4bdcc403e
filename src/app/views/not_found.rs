use crate::core::route::View;
use leptos::prelude::*;

/// Anything the URL names that Tarikh does not have.
#[component]
pub fn NotFound(what: String) -> impl IntoView {
    view! {
        <h1>"Not found"</h1>
        <p>"Tarikh has no " {what} "."</p>
        <p>"The link may be mistyped, or point to something that is not in Tarikh. "
           <a href=View::Timeline.href()>"Go to the timeline"</a> "."</p>
    }
}
