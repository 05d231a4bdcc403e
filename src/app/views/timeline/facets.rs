//! The timeline's facets: every value with the number of events it would
//! give; people, places and organisations through a search picker.

use super::Shown;
use crate::app::views::common::{check_item, log, YearField};
use crate::core::dataset::DATASET;
use crate::core::filter::pick::suggest;
use crate::core::filter::{label_of, Facet};
use leptos::prelude::*;

/// The facets: every value with the number of events it would give.
#[component]
pub fn Facets(shown: Shown) -> impl IntoView {
    let ds = &DATASET;
    let (link, filter, outcome) = (shown.link, shown.filter, shown.outcome);
    let year_input = move |label: &'static str, id: &'static str, is_from: bool| {
        let set = move |s: &mut crate::core::timeline::TimelineState, year| {
            s.refilter(|f| {
                if is_from {
                    f.set_from(year)
                } else {
                    f.set_to(year)
                }
            })
        };
        view! {
            <YearField id label
                value=Signal::derive(move || filter.with(|f| if is_from { f.from() } else { f.to() }))
                typed=Callback::new(move |year| link.typed(|s| set(s, year)))
                set=Callback::new(move |year| link.push(|s| set(s, year))) />
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
    // On a phone the filters fold above the results: this closes them and goes to
    // the events (hidden on wide screens, where both are side by side).
    let show_results = move |ev: leptos::ev::MouseEvent| {
        let details = ev
            .current_target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .and_then(|b| b.closest("details").ok().flatten())
            .and_then(|d| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlDetailsElement>(d).ok());
        if let Some(d) = details {
            d.set_open(false);
        }
        if let Some(h) = document().get_element_by_id("results-heading") {
            let _ = h.set_attribute("tabindex", "-1");
            if let Ok(h) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h) {
                if h.focus().is_err() {
                    log("Could not move the focus to the events");
                }
                // Focus scrolls only as far as needed: bring the events to the top.
                h.scroll_into_view();
            }
        }
    };
    let show_label = move || {
        let n = outcome.with(|o| o.events.len());
        if n == 1 {
            "Show the 1 event".to_string()
        } else {
            format!("Show the {n} events")
        }
    };
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
            <div class="facet-value">
                <input type="checkbox" id="f-key" prop:checked=move || filter.with(|f| f.key)
                    on:change=move |_| link.push(|s| s.refilter(|f| f.key = !f.key)) />
                <label for="f-key">"Key events only " <span class="n">"(" {move || outcome.with(|o| o.key)} ")"</span></label>
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
            <p class="show-results"><button type="button" on:click=show_results>{show_label}</button></p>
        </details>
    }
}

/// How many matches a picker offers.
const SHOWN: usize = 6;

/// A facet with many values (people, places, organisations): the chosen ones
/// as removable chips, and a combobox (ARIA 1.2, list autocomplete with
/// automatic selection) listing the best matches with counts. Typing makes the
/// first match the active option; ArrowDown / ArrowUp move it; Enter applies it
/// and keeps the focus in the box; Tab applies it and moves on; Escape closes
/// the list (again: clears the box). The options are not Tab stops.
#[component]
fn Picker(facet: Facet, shown: Shown) -> impl IntoView {
    let ds = &DATASET;
    let (link, filter, outcome) = (shown.link, shown.filter, shown.outcome);
    let (title, hint) = match facet {
        Facet::Person => ("Person", "Find a person"),
        Facet::Place => ("Place", "Find a place"),
        _ => ("Organisation", "Find an organisation"),
    };
    let id: &'static str = match facet {
        Facet::Person => "pick-person",
        Facet::Place => "pick-place",
        _ => "pick-org",
    };
    let list_id = format!("{id}-list");
    let text = RwSignal::new(String::new());
    // The option the keys act on, and whether the list was closed (Escape).
    let active = RwSignal::new(None::<usize>);
    let closed = RwSignal::new(false);
    let matches = Memo::new(move |_| {
        outcome.with(|o| filter.with(|f| text.with(|t| suggest(ds, o, f, facet, t, SHOWN))))
    });
    let expanded = move || !closed.get() && matches.with(|m| !m.is_empty());
    let option_id = move |k: usize| format!("{id}-opt-{k}");
    let choose = move |v: u32| {
        text.set(String::new());
        active.set(None);
        link.push(|s| s.refilter(|f| f.toggle(facet, v)));
    };
    let chosen = move || {
        active
            .get_untracked()
            .and_then(|k| matches.with_untracked(|m| m.get(k).map(|&(v, _)| v)))
            .filter(|_| !closed.get_untracked())
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let n = matches.with_untracked(Vec::len);
        match ev.key().as_str() {
            "ArrowDown" | "ArrowUp" if n > 0 => {
                ev.prevent_default();
                let down = ev.key() == "ArrowDown";
                let next = match (
                    active.get_untracked().filter(|_| !closed.get_untracked()),
                    down,
                ) {
                    (None, true) => 0,
                    (None, false) => n - 1,
                    (Some(k), true) => (k + 1).min(n - 1),
                    (Some(k), false) => k.saturating_sub(1),
                };
                closed.set(false);
                active.set(Some(next));
            }
            "Enter" => {
                if let Some(v) = chosen() {
                    ev.prevent_default();
                    choose(v);
                }
            }
            // Tab applies what was typed for, then moves on as usual.
            "Tab" if !ev.shift_key() && !text.get_untracked().trim().is_empty() => {
                if let Some(v) = chosen() {
                    choose(v);
                }
            }
            "Escape" => {
                if closed.get_untracked() || matches.with_untracked(Vec::is_empty) {
                    text.set(String::new());
                }
                closed.set(true);
                active.set(None);
            }
            _ => {}
        }
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
            <label for=id class="visually-hidden">{hint}</label>
            <input id=id type="text" role="combobox" placeholder=hint autocomplete="off" spellcheck="false"
                aria-autocomplete="list" aria-controls=list_id.clone()
                aria-expanded=move || if expanded() { "true" } else { "false" }
                aria-activedescendant=move || active.get().filter(|_| expanded()).map(option_id)
                prop:value=move || text.get()
                on:input=move |ev| {
                    let t = event_target_value(&ev);
                    active.set((!t.trim().is_empty()).then_some(0));
                    closed.set(false);
                    text.set(t);
                }
                on:keydown=on_key />
            <ul class="suggestions" role="listbox" id=list_id aria-label=format!("{title} suggestions")
                hidden=move || !expanded()>
                // A fixed set of options, each showing the match at its place
                // (hidden when there is none): a keystroke that changes the
                // matches or their counts changes their text, not the elements.
                {(0..SHOWN).map(|k| {
                    let at = move || matches.with(|m| m.get(k).copied());
                    view! {
                        <li role="option" class="suggestion" id=option_id(k) hidden=move || at().is_none()
                            aria-selected=move || if active.get() == Some(k) { "true" } else { "false" }
                            on:mousedown=|ev| ev.prevent_default()
                            on:click=move |_| if let Some((v, _)) = at() { choose(v) }>
                            {move || at().map_or("", |(v, _)| label_of(ds, facet, v))} " "
                            <span class="n">"(" {move || at().map_or(0, |(_, n)| n)} ")"</span></li>
                    }
                }).collect_view()}
            </ul>
        </fieldset>
    }
}
