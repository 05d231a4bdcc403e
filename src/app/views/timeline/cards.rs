//! One page of event cards.

use super::Shown;
use crate::app::views::common::{names, terms};
use crate::core::card::card;
use crate::core::dataset::DATASET;
use crate::core::filter::{page_of, start_year};
use crate::core::model::Event;
use crate::core::text::Search;
use leptos::prelude::*;

/// One page of event cards, keyed so unchanged cards are kept while typing.
#[component]
pub fn Cards(shown: Shown, page: Memo<u32>, all: Signal<bool>) -> impl IntoView {
    let order = shown.order;
    let query = shown.query;
    // `all`: every result (only while printing them all).
    let page = Memo::new(move |_| {
        let p = page.get();
        if all.get() {
            order.with(|o| o.clone())
        } else {
            order.with(|o| page_of(o, p).0.to_vec())
        }
    });
    view! {
        <ol class="cards">
            <For each=move || page.get() key=|&i| i let:i>
                <Card e=&DATASET.events[i as usize] query />
            </For>
        </ol>
    }
}

/// A card: its contents are `core::card`'s HTML (one parse, not a call per
/// node), written again only when the search changes what it marks.
#[component]
fn Card(e: &'static Event, query: Memo<Search>) -> impl IntoView {
    let html = Memo::new(move |_| query.with(|q| card(&DATASET, e, q, names(), terms())));
    view! { <li class="card" data-year=start_year(e) inner_html=move || html.get()></li> }
}
