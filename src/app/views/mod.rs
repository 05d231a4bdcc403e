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

use super::deferred::{deferred, fetch, show};
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

/// The view for a route. The start page and "not found" are in the main module;
/// every other view is deferred (`app::deferred`): its code is a module of its own
/// in the release build, loaded the first time it is shown.
pub fn render(view: View) -> AnyView {
    // A deferred view not loaded yet names itself under "Loading…".
    let heading = title(&view);
    let module = module(&view);
    match view {
        View::Home => view! { <home::Home /> }.into_any(),
        View::NotFound(path) => {
            view! { <not_found::NotFound what=format!("page “{}”", crate::core::link::shown(&path)) /> }.into_any()
        }
        View::Timeline => show("timeline", module, heading, preload_timeline, timeline_view),
        View::Tour(id) => show("tour", module, heading, preload_tour, move || tour_view(id)),
        View::Event(id) => show("event", module, heading, preload_event, move || event_view(id)),
        View::People => show("people", module, heading, preload_people, people_view),
        View::Person(id) => show("person", module, heading, preload_person, move || person_view(id)),
        View::Dispute(id) => show("dispute", module, heading, preload_dispute, move || dispute_view(id)),
        View::Map => show("map", module, heading, preload_map, map_view),
        View::Network => show("network", module, heading, preload_network, network_view),
        View::Place(id) => show("place", module, heading, preload_place, move || place_view(id)),
        View::Quiz => show("quiz", module, heading, preload_quiz, quiz_view),
        View::Present => show("present", module, heading, preload_present, present_view),
        View::About => show("about", module, heading, preload_about, about_view),
        View::Glossary => show("glossary", module, heading, preload_glossary, glossary_view),
        View::Term(id) => show("term", module, heading, preload_term, move || term_view(id)),
        View::Org(id) => show("org", module, heading, preload_org, move || org_view(id)),
        View::Disputes => show("disputes", module, heading, preload_disputes, disputes_view),
        View::Study => show("study", module, heading, preload_study, study_view),
        View::Source(id) => show("source", module, heading, preload_source, move || source_view(id)),
    }
}

/// The deferred module a view's code is in (the first name in its `deferred!` below);
/// "" for the views of the main module.
fn module(view: &View) -> &'static str {
    match view {
        View::Home | View::NotFound(_) => "",
        View::Timeline => "timeline",
        View::Map => "map",
        View::Network => "network",
        View::Quiz | View::Study => "quiz",
        View::Present => "present",
        View::Source(_) => "reader",
        _ => "pages",
    }
}

/// Starts fetching the module of `view` (at start-up, while the main module's own
/// work goes on), so a link straight to a deferred view waits less. One preload per
/// module: any function of it loads the whole module.
pub fn preload(view: &View) {
    match module(view) {
        "timeline" => fetch("timeline module", "timeline", preload_timeline),
        "map" => fetch("map module", "map", preload_map),
        "network" => fetch("network module", "network", preload_network),
        "quiz" => fetch("quiz module", "quiz", preload_quiz),
        "present" => fetch("present module", "present", preload_present),
        "reader" => fetch("reader module", "reader", preload_source),
        "pages" => fetch("pages module", "pages", preload_about),
        _ => {}
    }
}

deferred!(timeline: timeline_view, preload_timeline, () { view! { <timeline::Timeline /> }.into_any() });
deferred!(pages: tour_view, preload_tour, (id: String) {
    view! { <common::NoParamsNotices /> <tour::Tour id /> }.into_any()
});
deferred!(pages: event_view, preload_event, (id: String) {
    view! { <common::NoParamsNotices /> <event::Event id /> }.into_any()
});
deferred!(pages: people_view, preload_people, () { view! { <people::People /> }.into_any() });
deferred!(pages: person_view, preload_person, (id: String) {
    view! { <common::NoParamsNotices /> <person::Person id /> }.into_any()
});
deferred!(pages: dispute_view, preload_dispute, (id: String) {
    view! { <common::NoParamsNotices /> <dispute::Dispute id /> }.into_any()
});
deferred!(map: map_view, preload_map, () { view! { <map::Map /> }.into_any() });
deferred!(network: network_view, preload_network, () { view! { <network::Network /> }.into_any() });
deferred!(pages: place_view, preload_place, (id: String) {
    view! { <common::NoParamsNotices /> <map::place::Place id /> }.into_any()
});
deferred!(quiz: quiz_view, preload_quiz, () { view! { <quiz::Quiz /> }.into_any() });
deferred!(present: present_view, preload_present, () { view! { <present::Present /> }.into_any() });
deferred!(pages: about_view, preload_about, () {
    view! { <common::NoParamsNotices /> <about::About /> }.into_any()
});
deferred!(pages: glossary_view, preload_glossary, () {
    view! { <common::NoParamsNotices /> <glossary::Glossary /> }.into_any()
});
deferred!(pages: term_view, preload_term, (id: String) {
    view! { <common::NoParamsNotices /> <glossary::Term id /> }.into_any()
});
deferred!(pages: org_view, preload_org, (id: String) {
    view! { <common::NoParamsNotices /> <org::Org id /> }.into_any()
});
deferred!(pages: disputes_view, preload_disputes, () { view! { <disputes::Disputes /> }.into_any() });
deferred!(quiz: study_view, preload_study, () { view! { <study::Study /> }.into_any() });
deferred!(reader: source_view, preload_source, (id: String) { view! { <reader::Reader id /> }.into_any() });
