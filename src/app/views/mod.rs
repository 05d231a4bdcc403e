//! One module per view. Each renders one `<h1>` inside the shell's `<main>`.

mod about;
mod common;
mod dispute;
mod event;
mod glossary;
mod map;
mod network;
mod not_found;
mod people;
mod person;
mod present;
mod quiz;
mod timeline;

use crate::core::dataset::DATASET;
use crate::core::route::View;
use leptos::prelude::*;

/// The document title for a view.
pub fn title(view: &View) -> String {
    match view {
        View::Timeline => "Timeline".into(),
        View::Event(id) => DATASET
            .event(id)
            .map_or_else(|| "Not found".into(), |e| e.title.to_string()),
        View::People => "People".into(),
        View::Person(id) => DATASET
            .person(id)
            .map_or_else(|| "Not found".into(), |p| p.name.to_string()),
        View::Dispute(id) => DATASET
            .dispute(id)
            .map_or_else(|| "Not found".into(), |d| d.title.to_string()),
        View::Map => "Map".into(),
        View::Network => "Web of people".into(),
        View::Place(id) => DATASET
            .place(id)
            .map_or_else(|| "Not found".into(), |p| p.name.to_string()),
        View::Quiz => "Quiz".into(),
        View::Present => "Present".into(),
        View::About => "About".into(),
        View::Glossary => "Glossary".into(),
        View::Term(id) => DATASET
            .gloss(id)
            .map_or_else(|| "Not found".into(), |g| format!("{} (glossary)", g.term)),
        View::NotFound(_) => "Page not found".into(),
    }
}

pub fn render(view: View) -> AnyView {
    match view {
        View::Timeline => view! { <timeline::Timeline /> }.into_any(),
        View::Event(id) => view! { <event::Event id /> }.into_any(),
        View::People => view! { <people::People /> }.into_any(),
        View::Person(id) => view! { <person::Person id /> }.into_any(),
        View::Dispute(id) => view! { <dispute::Dispute id /> }.into_any(),
        View::Map => view! { <map::Map /> }.into_any(),
        View::Network => view! { <network::Network /> }.into_any(),
        View::Place(id) => view! { <map::place::Place id /> }.into_any(),
        View::Quiz => view! { <quiz::Quiz /> }.into_any(),
        View::Present => view! { <present::Present /> }.into_any(),
        View::About => view! { <about::About /> }.into_any(),
        View::Glossary => view! { <glossary::Glossary /> }.into_any(),
        View::Term(id) => view! { <glossary::Term id /> }.into_any(),
        View::NotFound(path) => {
            view! { <not_found::NotFound what=format!("page “{path}”") /> }.into_any()
        }
    }
}
