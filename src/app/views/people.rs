//! The people index: alias-aware search over every name and epithet, strand
//! and role filters with counts, two sort orders, one page of people; the whole
//! state in the link (`#/people?q=…&strand=…&role=…&sort=…&page=…`).

use super::common::{names, pager, Notices};
use crate::app::router::{use_router, Entry};
use crate::core::dataset::DATASET;
use crate::core::people::{
    appearances, apply, life_span, page_of, Facet, IndexOutcome, IndexState, Sort,
};
use crate::core::route::View;
use leptos::prelude::*;

#[component]
pub fn People() -> impl IntoView {
    let router = use_router();
    let ds = &DATASET;
    let parsed = Memo::new(move |_| router.route.with(|r| IndexState::from_query(ds, &r.query)));
    let state = Memo::new(move |_| parsed.with(|(s, _)| s.clone()));
    let notices = Memo::new(move |_| parsed.with(|(_, n)| n.clone()));
    let outcome = Memo::new(move |_| state.with(|s| apply(ds, names(), s)));
    // Typing replaces the history entry its first keystroke pushed.
    let typing = StoredValue::new(false);
    let update = move |entry: Entry, change: &dyn Fn(&mut IndexState)| {
        if entry == Entry::Push {
            typing.set_value(false);
        }
        let mut s = state.get_untracked();
        change(&mut s);
        let q = s.to_query(ds);
        let target = if q.is_empty() {
            View::People.href()
        } else {
            format!("{}?{q}", View::People.href())
        };
        router.go(&target, entry);
    };
    let on_search = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let entry = if typing.get_value() {
            Entry::Replace
        } else {
            Entry::Push
        };
        update(entry, &|s| {
            s.q = value.clone();
            s.page = 1;
        });
        typing.set_value(true);
    };
    let count_text = move || {
        let n = outcome.with(|o| o.people.len());
        match n {
            0 => "No one matches.".to_string(),
            1 => "1 person matches.".to_string(),
            n if state.with(IndexState::is_clear) => format!("All {n} people."),
            n => format!("{n} people match."),
        }
    };
    let on_sort = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        update(Entry::Push, &|s| {
            s.sort = Sort::ALL
                .into_iter()
                .find(|o| o.id() == v)
                .unwrap_or_default();
            s.page = 1;
        });
    };
    view! {
        <h1>"People"</h1>
        <p class="lede">"Everyone the sources name with a part in the events, under every spelling the sources use."</p>
        <Notices notices />
        <div class="search-row">
            <label for="people-q">"Search people"</label>
            <input id="people-q" type="search" autocomplete="off" spellcheck="false"
                placeholder="Any name, spelling, epithet or pen name…"
                prop:value=move || state.with(|s| s.q.clone())
                on:input=on_search />
        </div>
        <div class="timeline-layout">
            <Filters state outcome update />
            <section class="results" aria-labelledby="people-results">
                <h2 id="people-results" class="visually-hidden">"Results"</h2>
                <div class="results-bar">
                    <p role="status" aria-live="polite" class="count">{count_text}</p>
                    <label for="people-sort">"Sort by"</label>
                    <select id="people-sort" on:change=on_sort
                        prop:value=move || state.with(|s| s.sort.id())>
                        {Sort::ALL.map(|o| view! { <option value=o.id()>{o.label()}</option> }).collect_view()}
                    </select>
                </div>
                <Resolved state />
                <Empty state outcome update />
                <Entries state outcome />
                <Pager state outcome update />
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
fn Filters(
    state: Memo<IndexState>,
    outcome: Memo<IndexOutcome>,
    update: impl Fn(Entry, &dyn Fn(&mut IndexState)) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let ds = &DATASET;
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
                let checked = move || {
                    state.with(|s| {
                        if facet == Facet::Strand {
                            s.strands.contains(&v)
                        } else {
                            s.roles.contains(&v)
                        }
                    })
                };
                let count = move || {
                    outcome.with(|o| {
                        if facet == Facet::Strand {
                            o.strands[v as usize]
                        } else {
                            o.roles[v as usize]
                        }
                    })
                };
                let id = format!("p-{}-{}", facet.key(), term.id);
                view! {
                    <li class=move || if count() == 0 && !checked() { "facet-value empty" } else { "facet-value" }>
                        <input type="checkbox" id=id.clone() prop:checked=checked
                            on:change=move |_| update(Entry::Push, &|s| s.toggle(facet, v)) />
                        <label for=id>{term.description} " " <span class="n">"(" {count} ")"</span></label>
                    </li>
                }
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

/// When no one matches: which filter to clear, and names close to the search.
#[component]
fn Empty(
    state: Memo<IndexState>,
    outcome: Memo<IndexOutcome>,
    update: impl Fn(Entry, &dyn Fn(&mut IndexState)) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let ds = &DATASET;
    move || {
        outcome.with(|o| o.people.is_empty()).then(|| {
            let culprits = outcome.with(|o| state.with(|s| o.culprits(s)));
            let offers = culprits
                .into_iter()
                .map(|(facet, n)| {
                    let people = if n == 1 { "person" } else { "people" };
                    view! {
                        <li><button type="button" on:click=move |_| update(Entry::Push, &|s| s.clear(facet))>
                            {format!("Clear the {} filter ({n} {people})", facet.label())}
                        </button></li>
                    }
                })
                .collect_view();
            let similar = names().similar(ds, &state.with(|s| s.q.clone()), 5);
            view! {
                <div class="empty">
                    <p>"No one matches all of these filters together."</p>
                    <ul class="offers">{offers}</ul>
                    {(!similar.is_empty()).then(|| view! {
                        <p>"Similar names: "
                            {super::common::comma_list(similar.into_iter().map(super::common::person_link))}
                        </p>
                    })}
                    <p><a href=View::People.href()>"Clear every filter"</a></p>
                </div>
            }
        })
    }
}

/// One page of people, keyed so unchanged entries are kept while typing.
#[component]
fn Entries(state: Memo<IndexState>, outcome: Memo<IndexOutcome>) -> impl IntoView {
    let ds = &DATASET;
    let page = Memo::new(move |_| {
        let p = state.with(|s| s.page);
        outcome.with(|o| page_of(&o.people, p).0.to_vec())
    });
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
                            <h3><a href=View::Person(p.id.into()).href()>{p.name}</a></h3>
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

#[component]
fn Pager(
    state: Memo<IndexState>,
    outcome: Memo<IndexOutcome>,
    update: impl Fn(Entry, &dyn Fn(&mut IndexState)) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let pages = Memo::new(move |_| outcome.with(|o| page_of(&o.people, 1).1));
    let page = Memo::new(move |_| state.with(|s| s.page).clamp(1, pages.get()));
    let go = Callback::new(move |p: u32| update(Entry::Push, &|s| s.page = p));
    pager(
        "Pages of people",
        "← Previous",
        "Next →",
        "people-results",
        page,
        pages,
        go,
    )
}
