use crate::core::route::View;
use leptos::prelude::*;

/// Anything the URL names that Tarikh does not have; `children` may suggest
/// what was meant.
#[component]
pub fn NotFound(what: String, #[prop(optional)] children: Option<Children>) -> impl IntoView {
    view! {
        <h1>"Not found"</h1>
        <p>"Tarikh has no " {what} "."</p>
        {children.map(|c| c())}
        <p>"The link may be mistyped, or point to something that is not in Tarikh. "
           <a href=View::Timeline.href()>"Go to the timeline"</a> "."</p>
    }
}
