use leptos::prelude::*;

#[component]
pub fn Quiz() -> impl IntoView {
    view! {
        <h1>"Quiz"</h1>
        <p class="lede">"Source-backed quizzes a teacher can share with a whole class through one link."</p>
    }
}
