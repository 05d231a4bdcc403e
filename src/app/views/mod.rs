//! One module per view. Each renders one `<h1>` inside the shell's `<main>`.

mod about;
mod common;
mod dispute;
mod disputes;
mod event;
mod glossary;
mod home;
mod lists;
mod map;
mod network;
mod not_found;
mod org;
mod pan;
mod people;
mod person;
mod present;
mod quiz;
mod reader;
mod study;
mod timeline;
mod tour;

use crate::core::dataset::DATASET;
use crate::core::route::View;
use leptos::prelude::*;

/// The document title for a view.
pub fn title(view: &View) -> String {
    match view {
        View::Home => "Start".into(),
        View::Timeline => "Timeline".into(),
        View::Tour(id) => crate::core::start::tour(&DATASET, id)
            .map_or_else(|| "Not found".into(), |t| t.title.to_string()),
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
        View::Org(id) => DATASET
            .org(id)
            .map_or_else(|| "Not found".into(), |o| o.name.to_string()),
        View::Disputes => "Disputes".into(),
        View::Study => "Study".into(),
        View::NotFound(_) => "Page not found".into(),
        View::Source(id) => DATASET.sources.iter().find(|s| s.id == id).map_or_else(
            || "Not found".into(),
            |s| format!("{} (source text)", s.short),
        ),
    }
}

pub fn render(view: View) -> AnyView {
    match view {
        View::Home => view! { <home::Home /> }.into_any(),
        View::Timeline => view! { <timeline::Timeline /> }.into_any(),
        View::Tour(id) => view! { <common::NoParamsNotices /> <tour::Tour id /> }.into_any(),
        View::Event(id) => view! { <common::NoParamsNotices /> <event::Event id /> }.into_any(),
        View::People => view! { <people::People /> }.into_any(),
        View::Person(id) => view! { <common::NoParamsNotices /> <person::Person id /> }.into_any(),
        View::Dispute(id) => view! { <common::NoParamsNotices /> <dispute::Dispute id /> }.into_any(),
        View::Map => view! { <map::Map /> }.into_any(),
        View::Network => view! { <network::Network /> }.into_any(),
        View::Place(id) => view! { <common::NoParamsNotices /> <map::place::Place id /> }.into_any(),
        View::Quiz => view! { <quiz::Quiz /> }.into_any(),
        View::Present => view! { <present::Present /> }.into_any(),
        View::About => view! { <common::NoParamsNotices /> <about::About /> }.into_any(),
        View::Glossary => view! { <common::NoParamsNotices /> <glossary::Glossary /> }.into_any(),
        View::Term(id) => view! { <common::NoParamsNotices /> <glossary::Term id /> }.into_any(),
        View::Org(id) => view! { <common::NoParamsNotices /> <org::Org id /> }.into_any(),
        View::Disputes => view! { <disputes::Disputes /> }.into_any(),
        View::Study => view! { <study::Study /> }.into_any(),
        View::Source(id) => view! { <reader::Reader id /> }.into_any(),
        View::NotFound(path) => {
            view! { <not_found::NotFound what=format!("page “{}”", crate::core::link::shown(&path)) /> }.into_any()
        }
    }
}
