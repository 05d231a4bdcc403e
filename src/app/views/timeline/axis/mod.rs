//! The time axis above the results: every event of the filter at its date, in
//! lanes, its uncertainty drawn; zoom and pan by wheel, drag, pinch and keys.
//! `core::axis` decides every position; this only draws it and passes input on.
//!
//! The chart is one tab stop: the current mark has `tabindex="0"`, the others
//! `-1` (roving tabindex); arrows move between events, the window follows.
//! The visible window is the link's `win=` (fitted to the results without it);
//! during a gesture it is shown at once and written to the link when the
//! gesture ends (one history entry replaced, not one per frame).
//!
//! `state.rs` the state and what input does; `frame.rs` one frame in px;
//! `draw.rs` drawing it.

mod draw;
mod frame;
mod state;

use super::Shown;
use crate::app::views::common::log;
use crate::core::axis::LaneBy;
use crate::core::dataset::DATASET;
use crate::core::link::LinkState;
use crate::core::route::View;
use crate::core::stats::claimed_dates_text;
use crate::core::timeline::{At, Periods, PresentState};
use leptos::prelude::*;
use state::Ax;
use wasm_bindgen::JsCast;

#[component]
pub fn Axis(shown: Shown) -> impl IntoView {
    let ax = Ax::new(shown);
    listen(ax);
    let summary = move || {
        let n = ax.outcome.with(|o| o.events.len());
        format!("Time axis of {n} events. Arrow keys move from event to event, Enter selects, + and − zoom, Shift with arrows pans, Home and End go to the ends. The list of events below shows the same events as text.")
    };
    let w = move || ax.width.get();
    let h = move || ax.frame.with(|f| f.height);
    view! {
        <section class="time-axis" aria-labelledby="time-axis-heading">
            <h2 id="time-axis-heading">"Time axis"</h2>
            {controls(ax)}
            <p class="axis-window small muted" aria-live="polite">{move || draw::window_text(ax)}</p>
            <div class="axis-chart" node_ref=ax.wrap on:keydown=move |ev| ax.on_key(ev)
                on:focusin=move |_| ax.focused.set(true)
                on:focusout=move |_| ax.focused.set(false)
                on:pointerdown=move |ev| ax.on_down(ev) on:pointermove=move |ev| ax.on_move(ev)
                on:pointerup=move |ev| ax.on_up(ev) on:pointercancel=move |ev| ax.on_up(ev)>
                <svg width=w height=h viewBox=move || format!("0 0 {} {}", w(), h()) role="group" aria-label=summary>
                    <defs>
                        <linearGradient id="fade-before" x1="0" x2="1" y1="0" y2="0">
                            <stop offset="0" class="fade-stop-0" /><stop offset="1" class="fade-stop-1" />
                        </linearGradient>
                        <linearGradient id="fade-after" x1="0" x2="1" y1="0" y2="0">
                            <stop offset="0" class="fade-stop-1" /><stop offset="1" class="fade-stop-0" />
                        </linearGradient>
                    </defs>
                    {draw::grid(ax)}
                    {draw::clusters(ax)}
                    {draw::marks(ax)}
                </svg>
            </div>
            <p class="axis-focus small" aria-hidden="true">{move || draw::pointed_name(ax)}</p>
            {selected(ax)}
            <details class="axis-legend small">
                <summary>"How dates are drawn"</summary>
                <ul>
                    <li>"A dot: a known day. A bar: a month, a season or a year (the lighter, the less exact)."</li>
                    <li>"A bar with darker ends: a range of dates. A fading bar: “before …” or “after …”."</li>
                    <li>"A dashed outline: “c.”, approximately. A red outline and ticks: the sources disagree, each tick a date a source gives."</li>
                    <li>"“+12”: twelve events too close together at this zoom; select it to zoom in."</li>
                </ul>
            </details>
        </section>
    }
}

/// What the chart listens to besides its own element's events: the width of
/// its box (on resize), the wheel (not passive, so it may stop the page
/// scrolling), and the focus to restore after a redraw.
fn listen(ax: Ax) {
    let resize = gloo_events::EventListener::new(&window(), "resize", move |_| ax.measure());
    let listeners = StoredValue::new_local(vec![resize]);
    on_cleanup(move || listeners.set_value(Vec::new()));
    Effect::new(move |_| {
        if let Some(el) = ax.wrap.get() {
            request_animation_frame(move || ax.measure());
            let on = gloo_events::EventListener::new_with_options(
                &el,
                "wheel",
                gloo_events::EventListenerOptions::enable_prevent_default(),
                move |ev| {
                    if let Some(ev) = ev.dyn_ref::<web_sys::WheelEvent>() {
                        ax.on_wheel(ev);
                    }
                },
            );
            listeners.update_value(|l| l.push(on));
        }
    });
    // After a redraw the focused event may be drawn by another element (marks'
    // elements are reused, see `draw.rs`): focus it again.
    Effect::new(move |_| {
        let target = ax.roving.get();
        ax.frame.track();
        if ax.focused.get_untracked() {
            if let Some(e) = target {
                request_animation_frame(move || focus_mark(e));
            }
        }
    });
}

/// Lanes, zoom, pan, fit, and a second periodisation to compare.
fn controls(ax: Ax) -> impl IntoView {
    let ds = &DATASET;
    let link = ax.link;
    let on_lanes = move |ev: leptos::ev::Event| {
        if let Some(l) = LaneBy::parse(&event_target_value(&ev)) {
            link.push(|s| s.lanes = l);
        }
    };
    let on_compare = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        let found = ds.schemes.iter().position(|x| x.id == v);
        link.push(|s| s.compare = found.map(|i| i as u32));
    };
    let compare_value = move || {
        link.state
            .with(|s| s.compare.map_or("", |c| ds.schemes[c as usize].id))
    };
    let no_periods = move || link.state.with(|s| s.periods == Periods::None);
    view! {
        <div class="axis-controls">
            <label for="axis-lanes">"Lanes"</label>
            <select id="axis-lanes" on:change=on_lanes prop:value=move || link.state.with(|s| s.lanes.id())>
                {LaneBy::ALL.map(|l| view! { <option value=l.id()>{l.label()}</option> }).collect_view()}
            </select>
            <button type="button" class="secondary" on:click=move |_| ax.zoom(2.0, 0.5) aria-label="Zoom in">"+"</button>
            <button type="button" class="secondary" on:click=move |_| ax.zoom(0.5, 0.5) aria-label="Zoom out">"−"</button>
            <button type="button" class="secondary" on:click=move |_| ax.pan(-0.5)>"← Earlier"</button>
            <button type="button" class="secondary" on:click=move |_| ax.pan(0.5)>"Later →"</button>
            <button type="button" class="secondary" on:click=move |_| ax.fit()>"Fit to the results"</button>
            <span class="axis-compare" hidden=no_periods>
                <label for="axis-compare">"Compare with"</label>
                <select id="axis-compare" on:change=on_compare prop:value=compare_value>
                    <option value="">"no second periodisation"</option>
                    {ds.schemes.iter().map(|s| view! { <option value=s.id>{s.name}</option> }).collect_view()}
                </select>
            </span>
        </div>
    }
}

/// The selected event's card, under the chart (redrawn only when the selection
/// or its Present link changes, not on every change of the link).
fn selected(ax: Ax) -> impl IntoView {
    let ds = &DATASET;
    let link = ax.link;
    let chosen = Memo::new(move |_| {
        link.state.with(|s| {
            s.sel.map(|e| {
                let present = PresentState {
                    at: Some(At::Event(e)),
                    ..PresentState::of(s.filter.clone())
                };
                (e, present.href(ds))
            })
        })
    });
    move || {
        chosen.get().map(|(e, present)| {
            let ev = &ds.events[e as usize];
            view! {
                <section class="axis-selected card" aria-labelledby="axis-selected-title">
                    <p class="card-date"><time>{ev.date.display()}</time>
                        {claimed_dates_text(ds, ev).map(|t| view! { <span class="claimed">" — " {t}</span> })}</p>
                    <h3 id="axis-selected-title"><a href=View::Event(ev.id.into()).href()>{ev.title}</a></h3>
                    <p>{ev.summary}</p>
                    <p class="small">
                        <a href=present>"Present from this event"</a>
                        " "
                        <button type="button" class="secondary" on:click=move |_| link.push(|s| s.sel = None)>"Clear the selection"</button>
                    </p>
                </section>
            }
        })
    }
}

fn focus_mark(e: u32) {
    if let Some(el) = document().get_element_by_id(&format!("mark-{e}")) {
        if let Ok(el) = el.dyn_into::<web_sys::SvgElement>() {
            if el.focus().is_err() {
                log("Could not move the focus to an event");
            }
        }
    }
}
