use leptos::prelude::*;

#[component]
pub fn Timeline() -> impl IntoView {
    view! {
        <h1>"Timeline"</h1>
        <p class="lede">"The Alash movement and the Basmachi revolt in Central Asia, 1905–1937, event by event, each with its sources."</p>
    }
}
