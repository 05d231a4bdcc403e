//! Drawing one frame: the marks (the roving tab stop among them), the clusters,
//! the ticks, lane names and period bands; the line naming the window.

use super::frame::{Frame, BAND, ROW, TOP};
use super::state::Ax;
use crate::core::axis::marks::mark_name;
use crate::core::axis::{Scale, Shape};
use crate::core::dataset::DATASET;
use leptos::prelude::*;

/// The event marks; echoes (an event's other strands) are drawn faintly and
/// are neither focusable nor named.
pub fn marks(ax: Ax) -> impl IntoView {
    // Only a change of the selection redraws them, not every change of the link.
    let sel = Memo::new(move |_| ax.link.state.with(|s| s.sel));
    move || {
        let roving = ax.roving.get();
        let sel = sel.get();
        ax.frame.with(|f| {
            f.marks
                .iter()
                .map(|m| {
                    let event = m.event;
                    let selected = sel == Some(event);
                    let classes = if selected {
                        format!("{} selected", m.classes)
                    } else {
                        m.classes.clone()
                    };
                    let shape = match m.shape {
                        Shape::Point => {
                            view! { <circle cx=m.x + m.w / 2.0 cy=m.y + ROW / 2.0 - 1.0 r=4.5 /> }.into_any()
                        }
                        Shape::Before | Shape::After => view! {
                            <rect x=m.x y=m.y + 2.0 width=m.w height=ROW - 5.0 rx=2
                                fill=if m.shape == Shape::Before { "url(#fade-before)" } else { "url(#fade-after)" } />
                        }
                        .into_any(),
                        _ => view! { <rect x=m.x y=m.y + 2.0 width=m.w height=ROW - 5.0 rx=2 /> }.into_any(),
                    };
                    if m.echo {
                        return view! { <g class=classes aria-hidden="true">{shape}</g> }.into_any();
                    }
                    let claims = m
                        .claims
                        .iter()
                        .map(|&x| view! { <line class="claim" x1=x x2=x y1=m.y y2=m.y + ROW - 2.0 /> })
                        .collect_view();
                    view! {
                        <g class=classes id=format!("mark-{event}") role="button"
                            tabindex=if roving == Some(event) { "0" } else { "-1" }
                            aria-label=mark_name(&DATASET, &DATASET.events[event as usize])
                            aria-pressed=if selected { "true" } else { "false" }
                            on:click=move |_| if !ax.moved.get_value() { ax.select(event) }
                            on:pointerenter=move |_| ax.pointed.set(Some(event))
                            on:pointerleave=move |_| ax.pointed.set(None)
                            on:focus=move |_| ax.current.set(Some(event))>
                            {shape}
                            {claims}
                        </g>
                    }
                    .into_any()
                })
                .collect_view()
        })
    }
}

/// "+12": events too close together at this zoom; choosing one zooms in. The
/// first is the tab stop when no mark is drawn.
pub fn clusters(ax: Ax) -> impl IntoView {
    move || {
        ax.frame.with(|f| {
            let no_marks = f.marks.iter().all(|m| m.echo);
            f.clusters
                .iter()
                .enumerate()
                .map(|(k, c)| {
                    let days = c.days;
                    view! {
                        <g class="cluster" role="button" aria-label=format!("{}: zoom in", c.name)
                            tabindex=if no_marks && k == 0 { "0" } else { "-1" }
                            on:click=move |_| if !ax.moved.get_value() { ax.zoom_to(days) }
                            on:keydown=move |ev| if ev.key() == "Enter" { ev.stop_propagation(); ax.zoom_to(days) }>
                            <rect x=c.x y=c.y + 1.0 width=c.w height=ROW - 2.0 rx=6 />
                            <text x=c.x + c.w / 2.0 y=c.y + ROW - 4.0 text-anchor="middle">{format!("+{}", c.count)}</text>
                        </g>
                    }
                })
                .collect_view()
        })
    }
}

/// Ticks and their labels, the enclosing months or years, lane names, bands.
pub fn grid(ax: Ax) -> impl IntoView {
    // Redrawn when they change, not when only the marks do.
    let parts = Memo::new(move |_| {
        ax.frame.with(|f| Frame {
            height: f.height,
            ticks: f.ticks.clone(),
            context: f.context.clone(),
            lanes: f.lanes.clone(),
            bands: f.bands.clone(),
            ..Frame::default()
        })
    });
    move || {
        parts.with(|f| {
            let h = f.height;
            let ticks = f
                .ticks
                .iter()
                .map(|(x, label)| {
                    view! {
                        <line class="tick-line" x1=*x x2=*x y1=TOP - 6.0 y2=h />
                        <text class="tick" x=*x + 2.0 y=TOP - 10.0>{label.clone()}</text>
                    }
                })
                .collect_view();
            let context = f
                .context
                .iter()
                .map(|(x, label)| view! { <text class="tick context" x=*x + 2.0 y=12>{label.clone()}</text> })
                .collect_view();
            let lanes = f
                .lanes
                .iter()
                .map(|(y, name)| view! { <text class="lane-name" x=4 y=*y + 11.0>{name.clone()}</text> })
                .collect_view();
            let bands = f
                .bands
                .iter()
                .map(|b| {
                    view! {
                        <g class=format!("band band{}", b.style)>
                            <title>{b.title.clone()}</title>
                            <rect x=b.x y=b.y width=b.w height=BAND - 3.0 rx=3 />
                            <text x=b.x + 4.0 y=b.y + 11.0>{b.label.clone()}</text>
                        </g>
                    }
                })
                .collect_view();
            view! { {context}{ticks}{lanes}{bands} }
        })
    }
}

/// "Showing Sep 1919 – Mar 1920 · 3 earlier, 12 later".
pub fn window_text(ax: Ax) -> String {
    let w = ax.win.get();
    let a = w.start.floor() as i32;
    let b = (w.end.ceil() as i32 - 1).max(a);
    let scale = Scale::new(w, ax.width.get());
    let text = crate::core::axis::ticks::choose_unit(&scale, 48.0).describe((a, b + 1));
    let more = match ax.frame.with(|f| (f.earlier, f.later)) {
        (0, 0) => String::new(),
        (a, 0) => format!(" · {a} earlier"),
        (0, b) => format!(" · {b} later"),
        (a, b) => format!(" · {a} earlier, {b} later"),
    };
    format!("Showing {text}{more}")
}

/// The name of the mark under the pointer, or of the focused one.
pub fn pointed_name(ax: Ax) -> String {
    let e = ax
        .pointed
        .get()
        .or_else(|| ax.focused.get().then(|| ax.roving.get()).flatten());
    e.map(|e| mark_name(&DATASET, &DATASET.events[e as usize]))
        .unwrap_or_default()
}
