use leptos::prelude::*;

#[component]
pub fn About() -> impl IntoView {
    view! {
        <h1>"About Tarikh"</h1>
        <p>"Tarikh lets students, teachers and anyone curious explore the Alash movement and the Basmachi revolt in Central Asia, 1905–1937: a timeline to filter and share as a link, biographies of the people involved, and quizzes for a class."</p>
        <p>"Everything it states comes from five published texts, each statement with the place in the text it comes from. Where the texts disagree, Tarikh shows each side."</p>
    }
}
