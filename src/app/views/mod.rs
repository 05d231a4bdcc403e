//! One module per view. Each renders one `<h1>` inside the shell's `<main>`.

mod about;
mod not_found;
mod people;
mod quiz;
mod timeline;

use crate::core::route::View;
use leptos::prelude::*;

/// The document title for a view.
pub fn title(view: &View) -> String {
    match view {
        View::Timeline => "Timeline".into(),
        View::Event(id) => format!("Event {id}"),
        View::People => "People".into(),
        View::Person(id) => format!("Person {id}"),
        View::Dispute(id) => format!("Dispute {id}"),
        View::Quiz => "Quiz".into(),
        View::About => "About".into(),
        View::NotFound(_) => "Page not found".into(),
    }
}

pub fn render(view: View) -> AnyView {
    match view {
        View::Timeline => timeline::Timeline().into_any(),
        View::People => people::People().into_any(),
        View::Quiz => quiz::Quiz().into_any(),
        View::About => about::About().into_any(),
        View::Event(id) => not_found::NotFound(not_found::NotFoundProps {
            what: format!("event “{id}”"),
        })
        .into_any(),
        View::Person(id) => not_found::NotFound(not_found::NotFoundProps {
            what: format!("person “{id}”"),
        })
        .into_any(),
        View::Dispute(id) => not_found::NotFound(not_found::NotFoundProps {
            what: format!("dispute “{id}”"),
        })
        .into_any(),
        View::NotFound(path) => not_found::NotFound(not_found::NotFoundProps {
            what: format!("page “{path}”"),
        })
        .into_any(),
    }
}
