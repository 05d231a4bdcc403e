//! The timeline's facets: every value with the number of events it would
//! give; people, places and organisations through a search picker.

use super::Shown;
use crate::app::views::common::check_item;
use crate::core::dataset::DATASET;
use crate::core::filter::pick::suggest;
use crate::core::filter::{label_of, Facet, FIRST_YEAR, LAST_YEAR};
use leptos::prelude::*;

/// The facets: every value with the number of events it would give.
#[component]
pub fn Facets(shown: Shown) -> impl IntoView {
    let ds = &DATASET;
    let Shown {
        link,
        filter,
        outcome,
        ..
    } = shown;
    let year_input = move |label: &'static str, id: &'static str, is_from: bool| {
        let value = move || {
            filter
                .with(|f| if is_from { f.from() } else { f.to() })
                .map(|y| y.to_string())
                .unwrap_or_default()
        };
        view! {
            <label for=id>{label}</label>
            <input id=id type="number" inputmode="numeric" min=FIRST_YEAR max=LAST_YEAR prop:value=value
                on:change=move |ev| {
                    let year = event_target_value(&ev).trim().parse::<i32>().ok();
                    link.push(|s| s.refilter(|f| if is_from { f.set_from(year) } else { f.set_to(year) }));
                } />
        }
    };
    let checks = move |facet: Facet, values: Vec<u32>| {
        values
            .into_iter()
            .map(|v| {
                check_item(
                    format!("f-{}-{v}", facet.key()),
                    label_of(ds, facet, v),
                    Signal::derive(move || filter.with(|f| f.list(facet).contains(&v))),
                    Signal::derive(move || outcome.with(|o| o.counts(facet)[v as usize])),
                    Callback::new(move |()| link.push(|s| s.refilter(|f| f.toggle(facet, v)))),
                )
            })
            .collect_view()
    };
    let all = |n: usize| (0..n as u32).collect::<Vec<_>>();
    let types_open = RwSignal::new(false);
    view! {
        // Open beside the results on wide screens; folded above them on phones.
        <details class="filters" open=window().inner_width().ok().and_then(|w| w.as_f64()).is_some_and(|w| w >= 960.0)>
            <summary><h2 id="filters-heading">"Filters"</h2></summary>
            <fieldset class="years">
                <legend>"Years"</legend>
                {year_input("From", "from", true)}
                {year_input("To", "to", false)}
            </fieldset>
            <fieldset>
                <legend>"Strand"</legend>
                <ul class="facet">{checks(Facet::Strand, all(ds.tags.len()))}</ul>
            </fieldset>
            <fieldset>
                <legend>"Source"</legend>
                <ul class="facet">{checks(Facet::Source, all(ds.sources.len()))}</ul>
            </fieldset>
            <div class="facet-value">
                <input type="checkbox" id="f-disputed" prop:checked=move || filter.with(|f| f.disputed)
                    on:change=move |_| link.push(|s| s.refilter(|f| f.disputed = !f.disputed)) />
                <label for="f-disputed">"Disputed only " <span class="n">"(" {move || outcome.with(|o| o.disputed)} ")"</span></label>
            </div>
            <Picker facet=Facet::Person shown />
            <Picker facet=Facet::Place shown />
            <Picker facet=Facet::Org shown />
            // Rendered only while open, to keep the page light.
            <details class="facet-more" prop:open=move || types_open.get() || filter.with(|f| !f.list(Facet::Type).is_empty())
                on:toggle=move |ev| types_open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
                <summary>"Event type" {move || {
                    let n = filter.with(|f| f.list(Facet::Type).len());
                    (n > 0).then(|| format!(" ({n} chosen)"))
                }}</summary>
                {move || (types_open.get() || filter.with(|f| !f.list(Facet::Type).is_empty())).then(|| view! {
                    <ul class="facet">{checks(Facet::Type, all(ds.event_types.len()))}</ul>
                })}
            </details>
        </details>
    }
}

/// A facet with many values (people, places, organisations): the chosen ones
/// as removable chips, and a search box listing the best matches with counts.
#[component]
fn Picker(facet: Facet, shown: Shown) -> impl IntoView {
    let ds = &DATASET;
    let Shown {
        link,
        filter,
        outcome,
        ..
    } = shown;
    let (title, hint) = match facet {
        Facet::Person => ("Person", "Find a person"),
        Facet::Place => ("Place", "Find a place"),
        _ => ("Organisation", "Find an organisation"),
    };
    let id = format!("pick-{}", facet.key());
    let text = RwSignal::new(String::new());
    let matches = move || {
        outcome.with(|o| filter.with(|f| text.with(|t| suggest(ds, o, f, facet, t, 6))))
    };
    let chips = move || {
        filter
            .with(|f| f.list(facet).to_vec())
            .into_iter()
            .map(|v| {
                let name = label_of(ds, facet, v);
                view! {
                    <li><button type="button" class="chip" aria-label=format!("Remove {title} filter: {name}")
                        on:click=move |_| link.push(|s| s.refilter(|f| f.toggle(facet, v)))>{name} " ×"</button></li>
                }
            })
            .collect_view()
    };
    view! {
        <fieldset class="picker">
            <legend>{title}</legend>
            <ul class="chips">{chips}</ul>
            <label for=id.clone() class="visually-hidden">{hint}</label>
            <input id=id type="search" placeholder=hint autocomplete="off"
                prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev)) />
            <ul class="suggestions">
                {move || matches().into_iter().map(|(v, n)| view! {
                    <li><button type="button" class="suggestion"
                        on:click=move |_| { text.set(String::new()); link.push(|s| s.refilter(|f| f.toggle(facet, v))); }>
                        {label_of(ds, facet, v)} " " <span class="n">"(" {n} ")"</span></button></li>
                }).collect_view()}
            </ul>
        </fieldset>
    }
}

