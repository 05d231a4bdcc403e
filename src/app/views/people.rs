use leptos::prelude::*;

#[component]
pub fn People() -> impl IntoView {
    view! {
        <h1>"People"</h1>
        <p class="lede">"Biographies of the people the sources name, under every spelling the sources use."</p>
    }
}
