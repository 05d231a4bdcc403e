//! The people index: alias-aware search over every name and epithet, strand
//! and role filters with counts, two sort orders, one page of people; the whole
//! state in the link (`#/people?q=…&strand=…&role=…&sort=…&page=…`).

use super::common::{
    check_item, comma_list, marked, names, person_link, Empty, Notices, Pager, SearchBox,
};
use crate::app::link::{use_link, Linked};
use crate::core::dataset::DATASET;
use crate::core::export;
use crate::core::link;
use crate::core::people::{
    appearances, apply, life_span, page_of, Facet, IndexOutcome, IndexState, Sort,
};
use crate::core::route::View;
use crate::core::text::Search;
use crate::core::timeline::page_notice;
use leptos::prelude::*;

#[component]
pub fn People() -> impl IntoView {
    let ds = &DATASET;
    let link = Linked::<IndexState>::provide();
    let state = link.state;
    let outcome = Memo::new(move |_| state.with(|s| apply(ds, names(), s)));
    let count_text = move || {
        let n = outcome.with(|o| o.people.len());
        let clear = state.with(IndexState::is_clear);
        export::count_text(n, clear, "No one matches.", "person", "people")
    };
    let on_sort = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        link.push(|s| {
            s.sort = link::choice(&Sort::ALL, Sort::id, &v).unwrap_or_default();
            s.page = 1;
        });
    };
    let pages = Memo::new(move |_| outcome.with(|o| page_of(&o.people, 1).1));
    let page = Memo::new(move |_| state.with(|s| s.page).clamp(1, pages.get()));
    // A page past the last is shown as the last, and said.
    let notices = Memo::new(move |_| {
        let mut n = link.notices.get();
        n.extend(page_notice(state.with(|s| s.page), pages.get()));
        n
    });
    let culprits = Signal::derive(move || outcome.with(|o| state.with(|s| o.culprits(s))));
    let similar = move || {
        let similar = names().similar(ds, &state.with(|s| s.q.clone()), 5);
        (!similar.is_empty()).then(|| {
            view! {
                <p>"Similar names: " {comma_list(similar.into_iter().map(person_link))}</p>
            }
        })
    };
    view! {
        <h1>"People"</h1>
        <p class="lede">"Everyone the sources name with a part in the events, under every spelling the sources use."</p>
        <Notices notices />
        <SearchBox id="people-q" label="Search people" placeholder="Any name, spelling, epithet or pen name…"
            value=Signal::derive(move || state.with(|s| s.q.clone()))
            on_type=Callback::new(move |q: String| link.typed(|s| { s.q = q; s.page = 1; })) />
        <div class="timeline-layout">
            <Filters outcome />
            <section class="results" aria-labelledby="people-results">
                <h2 id="people-results" class="visually-hidden">"Results"</h2>
                <div class="results-bar">
                    <p role="status" aria-live="polite" class="count">{count_text}</p>
                    <a href=move || state.with(|s| crate::core::link::LinkState::href(&crate::core::network::NetworkState::of(s.clone()), ds))>"See the web of these people"</a>
                    <label for="people-sort">"Sort by"</label>
                    <select id="people-sort" on:change=on_sort
                        prop:value=move || state.with(|s| s.sort.id())>
                        {Sort::ALL.map(|o| view! { <option value=o.id()>{o.label()}</option> }).collect_view()}
                    </select>
                </div>
                <Resolved state />
                <Empty nothing=Signal::derive(move || outcome.with(|o| o.people.is_empty()))
                    culprits what=("person", "people") clear_all="#/people"
                    message="No one matches all of these filters together."
                    clear=Callback::new(move |facet| link.push(|s| s.clear(facet)))
                    extra=similar />
                <Entries state outcome page />
                <Pager label="Pages of people" prev="← Previous" next="Next →" top="people-results"
                    page pages go=Callback::new(move |p| link.push(|s| s.page = p)) />
            </section>
        </div>
    }
}

/// When the search is exactly one of someone's names: say whose.
#[component]
fn Resolved(state: Memo<IndexState>) -> impl IntoView {
    let ds = &DATASET;
    move || {
        let q = state.with(|s| s.q.clone());
        let found = names().resolve(ds, &q);
        (!found.is_empty()).then(|| {
            let n = found.len();
            let links = found
                .into_iter()
                .enumerate()
                .map(|(k, p)| {
                    let p = &ds.people[p as usize];
                    let sep = match k {
                        0 => "",
                        k if k + 1 == n => " and ",
                        _ => ", ",
                    };
                    view! { {sep} <a href=View::Person(p.id.into()).href()>{p.name}</a> }
                })
                .collect_view();
            view! { <p class="resolved">"“" {q.trim().to_string()} "” is a name of " {links} "."</p> }
        })
    }
}

/// The filters: strands and roles, each value with how many people it gives.
#[component]
fn Filters(outcome: Memo<IndexOutcome>) -> impl IntoView {
    let ds = &DATASET;
    let link = use_link::<IndexState>();
    let checks = move |facet: Facet| {
        let terms = if facet == Facet::Strand {
            ds.tags
        } else {
            ds.org_kinds
        };
        terms
            .iter()
            .enumerate()
            .map(|(v, term)| {
                let v = v as u32;
                check_item(
                    format!("p-{}-{}", facet.key(), term.id),
                    term.description,
                    Signal::derive(move || link.state.with(|s| s.list(facet).contains(&v))),
                    Signal::derive(move || outcome.with(|o| o.counts(facet)[v as usize])),
                    Callback::new(move |()| link.push(|s| s.toggle(facet, v))),
                )
            })
            .collect_view()
    };
    view! {
        // Open beside the results on wide screens; folded above them on phones.
        <details class="filters" open=window().inner_width().ok().and_then(|w| w.as_f64()).is_some_and(|w| w >= 960.0)>
            <summary><h2>"Filters"</h2></summary>
            <fieldset>
                <legend>"Strand"</legend>
                <ul class="facet">{checks(Facet::Strand)}</ul>
            </fieldset>
            <fieldset>
                <legend>"Role: office or membership in a…"</legend>
                <ul class="facet">{checks(Facet::Role)}</ul>
            </fieldset>
        </details>
    }
}

/// One page of people, keyed so unchanged entries are kept while typing.
#[component]
fn Entries(state: Memo<IndexState>, outcome: Memo<IndexOutcome>, page: Memo<u32>) -> impl IntoView {
    let ds = &DATASET;
    let page = Memo::new(move |_| {
        let p = page.get();
        outcome.with(|o| page_of(&o.people, p).0.to_vec())
    });
    let query = Memo::new(move |_| state.with(|s| Search::new(&s.q)));
    view! {
        <ol class="people-list">
            <For each=move || page.get() key=|&i| i let:i>
                {
                    let p = &ds.people[i as usize];
                    let found_as = move || {
                        state.with(|s| names().matched_name(ds, i as usize, &s.q))
                            .map(|n| format!("Found as “{n}”. "))
                    };
                    view! {
                        <li class="person-entry">
                            <h3><a href=View::Person(p.id.into()).href()>{marked(p.name, query, true)}</a></h3>
                            <p class="life">{format!("Life dates: {}", life_span(p))}</p>
                            <p>{p.summary}</p>
                            <p class="small muted">{found_as}{appearances(ds, p)}</p>
                        </li>
                    }
                }
            </For>
        </ol>
    }
}
