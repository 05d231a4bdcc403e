//! Small pieces several views share. Data text is always rendered as text.

use crate::core::dataset::DATASET;
use crate::core::model::{Cite, Event};
use crate::core::people::NameIndex;
use crate::core::route::View;
use leptos::prelude::*;
use std::sync::OnceLock;

/// Every person's names as search keys, made on first use.
pub fn names() -> &'static NameIndex {
    static NAMES: OnceLock<NameIndex> = OnceLock::new();
    NAMES.get_or_init(|| NameIndex::new(&DATASET))
}

/// What a link held that was not understood (and is ignored).
#[component]
pub fn Notices(notices: Memo<Vec<String>>) -> impl IntoView {
    move || {
        let n = notices.get();
        (!n.is_empty()).then(|| {
            view! {
                <div class="notice-small" role="status">
                    <p>"Parts of this link were not understood and are ignored:"</p>
                    <ul>{n.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
                </div>
            }
        })
    }
}

/// A list of citations: source title, section heading, paragraph.
pub fn cites(cites: &'static [Cite]) -> impl IntoView {
    view! {
        <ul class="cites">
            {cites.iter().map(|c| view! { <li><cite>{DATASET.cite_text(c)}</cite></li> }).collect_view()}
        </ul>
    }
}

/// Citations on one line (for lists where each item cites), grouped by source
/// and section: `Moscow Cage: “Arrest” ¶ 47, 49 · Alash Autonomy: ¶ 9`.
pub fn cite_line(cites: &'static [Cite]) -> impl IntoView {
    view! { <cite class="cite-line">{DATASET.cites_text(cites)}</cite> }
}

/// A link to an event, with its date.
pub fn event_link(e: &'static Event) -> impl IntoView {
    view! {
        <a href=View::Event(e.id.into()).href()>{e.title}</a>
        " "
        <span class="date">"(" {e.date.display()} ")"</span>
    }
}

/// A link to a person by index.
pub fn person_link(i: u16) -> impl IntoView {
    let p = &DATASET.people[i as usize];
    view! { <a href=View::Person(p.id.into()).href()>{p.name}</a> }
}

/// A link to a dispute by index.
pub fn dispute_link(i: u16) -> impl IntoView {
    let d = &DATASET.disputes[i as usize];
    view! { <a href=View::Dispute(d.id.into()).href()>{d.title}</a> }
}

/// Items joined with ", ".
pub fn comma_list<T: IntoView + 'static>(items: impl IntoIterator<Item = T>) -> impl IntoView {
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| view! { {(i > 0).then_some(", ")} {item} })
        .collect_view()
}

/// Previous / "Page n of m" / next, shown when there is more than one page;
/// `go` gets the page to show, then the list's heading `top` is scrolled to.
pub fn pager(
    label: &'static str,
    prev: &'static str,
    next: &'static str,
    top: &'static str,
    page: Memo<u32>,
    pages: Memo<u32>,
    go: Callback<u32>,
) -> AnyView {
    let to = move |p: u32| {
        go.run(p);
        if let Some(el) = document().get_element_by_id(top) {
            el.scroll_into_view();
        }
    };
    (move || {
        (pages.get() > 1).then(|| {
            view! {
                <nav class="pager" aria-label=label>
                    <button type="button" disabled=move || { page.get() <= 1 } on:click=move |_| to(page.get() - 1)>{prev}</button>
                    <span>{move || format!("Page {} of {}", page.get(), pages.get())}</span>
                    <button type="button" disabled=move || { page.get() >= pages.get() } on:click=move |_| to(page.get() + 1)>{next}</button>
                </nav>
            }
        })
    })
    .into_any()
}
