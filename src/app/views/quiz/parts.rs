//! A topic of several parts in the setup form: the parts kept so far (each a
//! timeline filter, `also=`), the events chosen one by one (`events=`), and
//! a search to choose them. The topic is their union.

use super::setup::Form;
use super::{button, never, text, Action};
use crate::core::dataset::{DATASET, SEARCH};
use crate::core::filter::{apply, Filter};
use leptos::prelude::*;
use std::sync::Arc;

/// A line of the topic with a Remove button.
fn kept(label: String, remove_label: String, remove: Action) -> impl IntoView {
    view! {
        <li class="topic-part">
            <span>{label}</span>
            {button("secondary", None, text("Remove"), Some(remove_label), never(), remove)}
        </li>
    }
}

#[component]
pub fn Parts(form: Form) -> impl IntoView {
    let ds = &DATASET;
    let spec = form.spec;
    let parts = move || {
        spec.with(|s| {
            let mut out = Vec::new();
            for (i, f) in s.shape.parts.iter().enumerate() {
                let remove: Action = Arc::new(move || {
                    form.update(&|s| {
                        if i < s.shape.parts.len() {
                            s.shape.parts.remove(i);
                        }
                    })
                });
                let d = f.describe(ds);
                out.push(kept(
                    format!("Also: {d}"),
                    format!("Remove the part “{d}”"),
                    remove,
                ));
            }
            for &e in &s.shape.events {
                let remove: Action =
                    Arc::new(move || form.update(&|s| s.shape.events.retain(|&x| x != e)));
                let t = ds.events[e as usize].title;
                out.push(kept(
                    format!("Event: {t}"),
                    format!("Remove the event “{t}”"),
                    remove,
                ));
            }
            out
        })
    };
    // The fields above become one part; the form starts the next.
    let add_part: Action = Arc::new(move || {
        form.update(&|s| {
            if !s.filter.is_clear() && s.shape.parts.len() < 5 {
                let f = std::mem::take(&mut s.filter);
                if !s.shape.parts.contains(&f) {
                    s.shape.parts.push(f);
                }
            }
        })
    });
    let cannot_add =
        Signal::derive(move || spec.with(|s| s.filter.is_clear() || s.shape.parts.len() >= 5));
    let typed = RwSignal::new(String::new());
    let found = move || {
        let q = typed.get();
        if q.trim().chars().count() < 3 {
            return Vec::new();
        }
        let mut f = Filter::default();
        f.q = q;
        let chosen = spec.with(|s| s.shape.events.clone());
        apply(ds, &SEARCH, &f)
            .events
            .into_iter()
            .filter(|e| !chosen.contains(e))
            .take(6)
            .map(|e| {
                let ev = &ds.events[e as usize];
                let add: Action = Arc::new(move || {
                    form.update(&|s| crate::core::link::insert_sorted(&mut s.shape.events, e))
                });
                view! {
                    <li class="topic-part">
                        <span>{format!("{} ({})", ev.title, ev.date.display())}</span>
                        {button("secondary", None, text("Add"), Some(format!("Add the event “{}”", ev.title)), never(), add)}
                    </li>
                }
            })
            .collect::<Vec<_>>()
    };
    view! {
        <div class="topic-parts">
            <p class="muted">"A topic of several parts: set the fields above for the first part, keep it, and set them again for the next; or choose events one by one. The quiz asks about any of them."</p>
            <p>{button("secondary", None, text("Keep this part and add another"), None, cannot_add, add_part)}</p>
            <ul class="parts-kept">{parts}</ul>
            <div class="setup-row">
                <label for="qs-events">"Choose events"</label>
                <input id="qs-events" type="search" autocomplete="off" spellcheck="false" placeholder="Search an event to add…"
                    prop:value=move || typed.get()
                    on:input=move |ev| typed.set(event_target_value(&ev)) />
            </div>
            <ul class="parts-found" aria-live="polite">{found}</ul>
        </div>
    }
}
