//! The timeline: filters (all in the URL), the year histogram with period
//! bands, and one page of event cards. The state is `core::timeline::TimelineState`,
//! given to the parts through context (`Linked`).

mod axis;
mod cards;
mod facets;
mod histogram;

use super::common::{download, log, Empty, Notices, Pager, SearchBox};
use crate::app::link::Linked;
use crate::app::router::use_router;
use crate::core::dataset::{DATASET, SEARCH};
use crate::core::export;
use crate::core::filter::{apply, page_of, Facet, Filter, Outcome, PAGE_SIZE};
use crate::core::link::{self, LinkState};
use crate::core::quiz::setup_href;
use crate::core::text::Search;
use crate::core::timeline::{page_notice, Order, PresentState, TimelineState};
use leptos::prelude::*;
use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = ["navigator", "clipboard"], js_name = writeText, catch)]
    fn clipboard_write(text: &str) -> Result<js_sys::Promise, wasm_bindgen::JsValue>;
}

/// The timeline's state and what it selects, for the view's parts.
#[derive(Clone, Copy)]
pub struct Shown {
    pub link: Linked<TimelineState>,
    pub filter: Memo<Filter>,
    pub outcome: Memo<Outcome>,
    /// The search, prepared (what the cards mark).
    pub query: Memo<Search>,
    /// The matching events in the order shown (best match or date).
    pub order: Memo<Vec<u32>>,
}

#[component]
pub fn Timeline() -> impl IntoView {
    let ds = &DATASET;
    let link = Linked::<TimelineState>::provide();
    let filter = Memo::new(move |_| link.state.with(|s| s.filter.clone()));
    let outcome = Memo::new(move |_| filter.with(|f| apply(ds, &SEARCH, f)));
    let query = Memo::new(move |_| filter.with(|f| SEARCH.prepare_query(&Search::new(&f.q))));
    let sort = Memo::new(move |_| link.state.with(|s| s.sort));
    let order = Memo::new(move |_| {
        outcome.with(|o| match sort.get() {
            Order::Best => o.best_first(),
            Order::Date => o.events.clone(),
        })
    });
    let shown = Shown {
        link,
        filter,
        outcome,
        query,
        order,
    };
    let searching = Memo::new(move |_| filter.with(|f| f.is_active(Facet::Text)));
    // The search index is built (and run once) in idle time after the first
    // render, so the first keystroke does not wait for it; with it, the words
    // "did you mean" looks among.
    gloo_timers::callback::Timeout::new(300, || {
        SEARCH.warm();
        crate::app::find::finder();
    })
    .forget();

    let pages = Memo::new(move |_| order.with(|o| page_of(o, 1).1));
    let page = Memo::new(move |_| link.state.with(|s| s.page).clamp(1, pages.get()));
    // "Print all": every result on the page while the browser prints, then one page again.
    let print_all = RwSignal::new(false);
    let after = window_event_listener_untyped("afterprint", move |_| print_all.set(false));
    on_cleanup(move || after.remove());
    let print_everything = Callback::new(move |()| {
        print_all.set(true);
        request_animation_frame(|| {
            set_timeout(
                || {
                    if window().print().is_err() {
                        log("Could not open the print dialog");
                    }
                },
                std::time::Duration::ZERO,
            )
        });
    });
    let scope = move || {
        let n = outcome.with(|o| o.events.len());
        export::print_scope(n, page.get(), pages.get(), PAGE_SIZE, print_all.get())
    };
    // A page past the last is shown as the last, and said.
    let notices = Memo::new(move |_| {
        let mut n = link.notices.get();
        n.extend(page_notice(link.state.with(|s| s.page), pages.get()));
        n
    });
    let culprits = Memo::new(move |_| {
        outcome.with(|o| {
            if o.events.is_empty() {
                filter.with(|f| o.culprits(f))
            } else {
                Vec::new()
            }
        })
    });
    view! {
        <h1>"Timeline"</h1>
        <p class="lede">"The Alash movement and the Basmachi revolt, 1891–1937, event by event, each with its sources; then, to the present, how they were remembered and studied."</p>
        <p class="print-only">{move || format!("Filter: {}.", filter.with(|f| f.describe(ds)))}</p>
        <p class="print-only print-scope">{scope}</p>
        <Notices notices />
        <SearchBox id="q" label="Search" placeholder="Names in any spelling, places, events…"
            value=Signal::derive(move || filter.with(|f| f.q.clone()))
            on_type=Callback::new(move |q: String| link.typed(|s| s.refilter(|f| f.q = q))) />
        <axis::Axis shown />
        <histogram::Histogram shown />
        <div class="timeline-layout">
            <facets::Facets shown />
            <section class="results" aria-labelledby="results-heading">
                <h2 id="results-heading" class="visually-hidden">"Events"</h2>
                <ResultsBar shown searching print=print_everything pages />
                <ExportCite shown />
                <Suggestions shown searching />
                <Empty nothing=Signal::derive(move || outcome.with(|o| o.events.is_empty()))
                    culprits=culprits.into() what=("event", "events") clear_all="#/timeline"
                    message="No event matches all of these filters together."
                    clear=Callback::new(move |facet| link.push(|s| s.refilter(|f| f.clear(facet)))) />
                <cards::Cards shown page all=print_all.into() />
                <Pager label="Pages of events" prev="← Earlier" next="Later →" top="results-heading"
                    page pages go=Callback::new(move |p| link.push(|s| s.page = p)) />
            </section>
        </div>
    }
}

/// The bar over the results: the count, the order (when searching), copy the
/// link, the ways on, "Print all".
#[component]
fn ResultsBar(
    shown: Shown,
    searching: Memo<bool>,
    print: Callback<()>,
    pages: Memo<u32>,
) -> impl IntoView {
    let ds = &DATASET;
    let router = use_router();
    let (link, filter, outcome) = (shown.link, shown.filter, shown.outcome);
    let sort = Memo::new(move |_| link.state.with(|s| s.sort));
    let on_sort = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        link.push(|s| {
            s.sort = link::choice(&Order::ALL, Order::id, &v).unwrap_or_default();
            s.page = 1;
        });
    };
    let count_text = move || {
        let n = outcome.with(|o| o.events.len());
        let clear = filter.with(Filter::is_clear);
        export::count_text(n, clear, "No events match.", "event", "events")
    };

    let copied = RwSignal::new(None::<bool>);
    let copy_link = move |_| {
        let href = router.href();
        match clipboard_write(&href) {
            Ok(p) => {
                leptos::task::spawn_local(async move {
                    let ok = wasm_bindgen_futures::JsFuture::from(p).await.is_ok();
                    copied.set(Some(ok));
                });
            }
            Err(_) => copied.set(Some(false)),
        }
    };
    let offer_all = move || {
        let n = outcome.with(|o| o.events.len());
        (pages.get() > 1 && n <= export::PRINT_ALL_MAX).then(|| view! {
            <button type="button" class="secondary no-print" on:click=move |_| print.run(())>{format!("Print all {n} events")}</button>
        })
    };
    view! {
        <div class="results-bar">
            <p role="status" aria-live="polite" class="count">{count_text}</p>
            {move || searching.get().then(|| view! {
                <label for="sort">"Sort by"</label>
                <select id="sort" on:change=on_sort prop:value=move || sort.get().id()>
                    {Order::ALL.map(|o| view! { <option value=o.id()>{o.label()}</option> }).collect_view()}
                </select>
            })}
            <button type="button" class="secondary" on:click=copy_link>"Copy link"</button>
            <a class="no-print" href=move || filter.with(|f| setup_href(ds, f))>"Quiz me on these events"</a>
            <a class="no-print" href=move || filter.with(|f| PresentState::of(f.clone()).href(ds))>"Present these events"</a>
            <a class="no-print" href=move || filter.with(|f| crate::core::study::StudyState::of(f.clone()).href(ds))>"Study as flashcards"</a>
            <a class="no-print" href=move || filter.with(|f| crate::core::map::MapState::of(f.clone()).href(ds))>"Show on the map"</a>
            {offer_all}
            <span class="copied" aria-live="polite">{move || match copied.get() {
                Some(true) => "Link copied.",
                Some(false) => "Could not copy: use the address bar.",
                None => "",
            }}</span>
        </div>
    }
}

/// Export (CSV, JSON) and the view's citation.
#[component]
fn ExportCite(shown: Shown) -> impl IntoView {
    let ds = &DATASET;
    let router = use_router();
    let (link, filter, outcome) = (shown.link, shown.filter, shown.outcome);
    let citation = move || {
        let _ = router.route.get();
        let today = js_sys::Date::new_0()
            .to_iso_string()
            .as_string()
            .unwrap_or_default();
        export::citation(
            outcome.with(|o| o.events.len()),
            &filter.with(|f| f.describe(ds)),
            // The view's canonical link (what was read of the address, not all of it).
            &router.full(
                &link
                    .state
                    .with(|s| crate::core::link::LinkState::href(s, ds)),
            ),
            today.get(..10).unwrap_or(""),
        )
    };

    view! {
        <details class="export">
            <summary>"Export and cite"</summary>
            <p>
                <button type="button" class="secondary" on:click=move |_| outcome.with(|o| download("tarikh-events.csv", "text/csv;charset=utf-8", &export::csv(ds, &o.events)))>"Download CSV"</button>
                " "
                <button type="button" class="secondary" on:click=move |_| outcome.with(|o| download("tarikh-events.json", "application/json", &export::json(ds, &o.events)))>"Download JSON"</button>
            </p>
            <label for="cite-text">"Cite this view"</label>
            <textarea id="cite-text" readonly rows="3" prop:value=citation></textarea>
        </details>
    }
}

/// When the search finds little: the best partial matches said as such, and
/// never a bare "No events match" — the nearest names and titles, each a link.
#[component]
fn Suggestions(shown: Shown, searching: Memo<bool>) -> impl IntoView {
    let ds = &DATASET;
    let (link, filter, outcome) = (shown.link, shown.filter, shown.outcome);
    // When no event has every word: say so, and that these are the best partial matches.
    let partial = move || {
        outcome.with(|o| {
            o.partial().then(|| {
                let q = filter.with(|f| f.q.trim().to_string());
                view! {
                    <p class="partial">
                        {format!("No event has every word of “{q}”: showing the events with {} of its {} words, best first.", o.found, o.words)}
                    </p>
                }
            })
        })
    };
    // Never a bare "No events match": the nearest names and titles, each a link.
    let did_you_mean = move || {
        let q = filter.with(|f| f.q.clone());
        // Only when some word of the search is found nowhere.
        if !searching.get() || outcome.with(|o| o.found == o.words) {
            return None;
        }
        let (hits, corrected) = crate::app::find::finder().did_you_mean(&SEARCH, &q, 6);
        if hits.is_empty() && corrected.is_none() {
            return None;
        }
        let corrected = corrected.map(|c| {
            let href = link.state.with(|s| {
                let mut t = s.clone();
                t.refilter(|f| f.q = c.clone());
                t.href(ds)
            });
            view! { <p>"Did you mean " <a href=href>"“" {c} "”"</a> "?"</p> }
        });
        let items = hits
            .into_iter()
            .map(|h| {
                view! { <li><a href=h.href(ds)>{h.label(ds)}</a> " " <span class="find-kind">{h.kind.label()}</span></li> }
            })
            .collect_view();
        Some(view! {
            <div class="did-you-mean">
                {corrected}
                <p>"Nearest names and titles:"</p>
                <ul>{items}</ul>
            </div>
        })
    };

    view! {
        {partial}
        {did_you_mean}
    }
}
