//! The time axis above the results: every event of the filter at its date, in
//! lanes, its uncertainty drawn; zoom and pan by wheel, drag, pinch and keys.
//! `core::axis` decides every position; this only draws it and passes input on.
//!
//! The chart is one tab stop: the current mark has `tabindex="0"`, the others
//! `-1` (roving tabindex); arrows move between events, the window follows.
//! The visible window is the link's `win=` (fitted to the results without it);
//! during a gesture it is shown at once and written to the link when the
//! gesture ends (one history entry replaced, not one per frame).

use super::Shown;
use crate::app::views::common::log;
use crate::core::axis::marks::{cluster_name, mark_name};
use crate::core::axis::periods::{short_name, PALETTE};
use crate::core::axis::{BandLabel, Bands, LaneBy, Layout, Limits, Options, Prepared, Scale, Shape, Window};
use crate::core::dataset::DATASET;
use crate::core::filter::Facet;
use crate::core::link::LinkState;
use crate::core::route::View;
use crate::core::stats::claimed_dates_text;
use crate::core::timeline::{opening_window, At, Periods, PresentState};
use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Heights in px (the SVG is drawn 1 unit = 1 px).
const ROW: f64 = 13.0;
const LANE_HEAD: f64 = 15.0;
const LANE_GAP: f64 = 6.0;
const TOP: f64 = 34.0;
const BAND: f64 = 18.0;
/// Before the chart is measured (and in the prerendered page).
const DEFAULT_WIDTH: f64 = 1000.0;

/// Shared data compared by identity (a memo of something without `PartialEq`).
#[derive(Clone)]
struct Shared<T>(Arc<T>);
impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Clone, PartialEq)]
struct MarkV {
    event: u32,
    x: f64,
    w: f64,
    y: f64,
    shape: Shape,
    classes: String,
    echo: bool,
    /// Claim ticks (x) of a disputed date.
    claims: Vec<f64>,
}

#[derive(Clone, PartialEq)]
struct ClusterV {
    x: f64,
    w: f64,
    y: f64,
    count: u32,
    name: String,
    days: (i32, i32),
}

#[derive(Clone, PartialEq)]
struct BandV {
    x: f64,
    w: f64,
    y: f64,
    style: u8,
    label: String,
    title: String,
}

/// One frame of the chart, in px.
#[derive(Clone, PartialEq, Default)]
struct Frame {
    height: f64,
    lanes: Vec<(f64, String)>,
    marks: Vec<MarkV>,
    clusters: Vec<ClusterV>,
    ticks: Vec<(f64, String)>,
    context: Vec<(f64, String)>,
    bands: Vec<BandV>,
    /// Events outside the window, before / after it.
    earlier: u32,
    later: u32,
}

/// Five rows a lane before events cluster: the chart stays about a screen high.
fn options() -> Options {
    Options {
        max_rows: 5,
        ..Options::default()
    }
}

fn frame(prepared: &Prepared, bands: &[Bands], schemes: &[usize], scale: &Scale) -> Frame {
    let ds = &DATASET;
    let mut layout = Layout::default();
    prepared.layout(scale, &options(), &mut layout);
    let mut f = Frame::default();
    let mut lane_y = Vec::with_capacity(layout.lanes.len());
    let mut y = TOP;
    for lane in &layout.lanes {
        lane_y.push(y + LANE_HEAD);
        f.lanes.push((y, lane.key.name(ds).to_string()));
        f.earlier += lane.earlier;
        f.later += lane.later;
        y += LANE_HEAD + f64::from(lane.height()) * ROW + LANE_GAP;
    }
    for m in &layout.marks {
        f.marks.push(MarkV {
            event: m.event,
            x: m.x0,
            w: (m.x1 - m.x0).max(1.0),
            y: lane_y[m.lane as usize] + f64::from(m.row) * ROW,
            shape: m.look.shape,
            classes: if m.echo {
                format!("{} echo", m.look.classes())
            } else {
                m.look.classes()
            },
            echo: m.echo,
            claims: layout.claims_of(m).iter().map(|c| (c.0 + c.1) / 2.0).collect(),
        });
    }
    for c in &layout.clusters {
        let lane = &layout.lanes[c.lane as usize];
        f.clusters.push(ClusterV {
            x: c.x0,
            w: (c.x1 - c.x0).max(18.0),
            y: lane_y[c.lane as usize] + f64::from(lane.rows) * ROW,
            count: c.count,
            name: cluster_name(c.count, &c.unit.describe(c.days), c.complete),
            days: c.days,
        });
    }
    let ticks = crate::core::axis::ticks::ticks(scale, 48.0);
    f.ticks = ticks.ticks.iter().map(|t| (t.x, t.label.to_string())).collect();
    f.context = ticks
        .context
        .iter()
        .map(|t| (t.x.max(0.0), t.label.to_string()))
        .collect();
    let mut out = Vec::new();
    for (b, &s) in bands.iter().zip(schemes) {
        out.clear();
        b.project(scale, 7.0, &mut out);
        let periods = &ds.schemes[s].periods;
        for band in &out {
            let p = &periods[band.period as usize];
            let label = match band.label {
                BandLabel::Full => p.name.to_string(),
                BandLabel::Short => short_name(p.name).to_string(),
                BandLabel::None => String::new(),
            };
            f.bands.push(BandV {
                x: band.x0,
                w: (band.x1 - band.x0).max(1.0),
                y: y + f64::from(band.row) * BAND,
                style: band.style,
                label,
                title: format!("{}: {}", p.name, p.date.display()),
            });
        }
        y += f64::from(b.rows().max(1)) * BAND + 4.0;
    }
    f.height = y + 4.0;
    f
}

#[component]
pub fn Axis(shown: Shown) -> impl IntoView {
    let ds = &DATASET;
    let Shown {
        link,
        filter,
        outcome,
    } = shown;
    let limits = Limits::of_dataset(ds);
    let lanes_by = Memo::new(move |_| link.state.with(|s| s.lanes));
    let prepared = Memo::new(move |_| {
        let by = lanes_by.get();
        outcome.with(|o| {
            filter.with(|f| Shared(Arc::new(Prepared::new(ds, &o.events, by, f.list(Facet::Strand)))))
        })
    });
    let schemes = Memo::new(move |_| {
        link.state.with(|s| {
            let mut v: Vec<usize> = s.scheme(ds).into_iter().collect();
            if let Some(c) = s.compare {
                if !v.contains(&(c as usize)) {
                    v.push(c as usize);
                }
            }
            v
        })
    });
    let bands = Memo::new(move |_| {
        Shared(Arc::new(
            schemes
                .get()
                .into_iter()
                .map(|s| Bands::new(&ds.schemes[s], PALETTE))
                .collect::<Vec<_>>(),
        ))
    });
    let width = RwSignal::new(DEFAULT_WIDTH);
    // The window shown during a gesture, before it reaches the link.
    let live = RwSignal::new(None::<Window>);
    let fit = Memo::new(move |_| prepared.with(|p| opening_window(p.0.span(), &limits)));
    let win = Memo::new(move |_| {
        let w = live
            .get()
            .or_else(|| link.state.with(|s| s.win))
            .unwrap_or_else(|| fit.get());
        limits.clamp(w)
    });
    let frame = Memo::new(move |_| {
        let scale = Scale::new(win.get(), width.get());
        let schemes = schemes.get();
        prepared.with(|p| bands.with(|b| frame(&p.0, &b.0, &schemes, &scale)))
    });

    // Writing the window to the link, once a gesture has paused.
    let pending = StoredValue::new_local(None::<Timeout>);
    let commit = move |w: Window| {
        live.set(Some(w));
        let t = Timeout::new(300, move || {
            link.replace(|s| s.win = Some(w));
            live.set(None);
        });
        pending.set_value(Some(t));
    };
    let set_now = move |w: Window| {
        pending.set_value(None);
        link.replace(|s| s.win = Some(w));
        live.set(None);
    };

    // The focused event (roving tabindex): the selection, else the first mark.
    let current = RwSignal::new(None::<u32>);
    let roving = Memo::new(move |_| {
        let c = current.get().or_else(|| link.state.with(|s| s.sel));
        frame.with(|f| {
            c.filter(|e| f.marks.iter().any(|m| m.event == *e && !m.echo))
                .or_else(|| f.marks.iter().find(|m| !m.echo).map(|m| m.event))
        })
    });
    let inside = StoredValue::new(false);
    // The mark under the pointer: its name is shown under the chart.
    let pointed = RwSignal::new(None::<u32>);
    let inside_focus = RwSignal::new(false);
    let wrap = NodeRef::<leptos::html::Div>::new();
    // After a redraw the focused mark is a new element: focus it again.
    Effect::new(move |_| {
        let target = roving.get();
        frame.track();
        if !inside.get_value() {
            return;
        }
        if let Some(e) = target {
            request_animation_frame(move || focus_mark(e));
        }
    });
    // The chart's width follows its box.
    let measure = move || {
        if let Some(el) = wrap.get_untracked() {
            let w = f64::from(el.client_width());
            if w > 0.0 && (w - width.get_untracked()).abs() > 0.5 {
                width.set(w);
            }
        }
    };
    Effect::new(move |_| {
        if wrap.get().is_some() {
            request_animation_frame(measure);
        }
    });
    let resize = gloo_events::EventListener::new(&window(), "resize", move |_| measure());
    let listeners = StoredValue::new_local(vec![resize]);
    on_cleanup(move || listeners.set_value(Vec::new()));

    let select = move |e: u32| {
        current.set(Some(e));
        link.push(|s| s.sel = if s.sel == Some(e) { None } else { Some(e) });
    };
    let zoom = move |factor: f64, at: f64| {
        let w = win.get_untracked().zoom(factor, at, &limits);
        set_now(w);
    };
    let step = move |forward: bool| {
        let scale = Scale::new(win.get_untracked(), width.get_untracked());
        let mut layout = Layout::default();
        prepared.with_untracked(|p| p.0.layout(&scale, &options(), &mut layout));
        let from = roving.get_untracked();
        match layout.step(from, forward) {
            Some(e) => {
                current.set(Some(e));
                // Near the edge: the window follows the reader.
                if let Some(m) = layout.mark_of(e) {
                    let (a, b) = (scale.day_at(m.x0), scale.day_at(m.x1));
                    let w = win.get_untracked().reveal(a, b, &limits);
                    if w != win.get_untracked() {
                        set_now(w);
                    }
                }
            }
            None => {
                // Past the last drawn mark: pan on to find more.
                let dx = if forward { -0.5 } else { 0.5 } * width.get_untracked();
                set_now(win.get_untracked().pan(dx, width.get_untracked(), &limits));
            }
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let w = width.get_untracked();
        let mid = roving
            .get_untracked()
            .and_then(|e| frame.with_untracked(|f| f.marks.iter().find(|m| m.event == e).map(|m| (m.x + m.w / 2.0) / w)))
            .unwrap_or(0.5);
        let handled = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" if ev.shift_key() => {
                set_now(win.get_untracked().pan(-0.2 * w, w, &limits));
                true
            }
            "ArrowLeft" | "ArrowUp" if ev.shift_key() => {
                set_now(win.get_untracked().pan(0.2 * w, w, &limits));
                true
            }
            "ArrowRight" | "ArrowDown" => {
                step(true);
                true
            }
            "ArrowLeft" | "ArrowUp" => {
                step(false);
                true
            }
            "+" | "=" => {
                zoom(0.5, mid);
                true
            }
            "-" | "_" => {
                zoom(2.0, mid);
                true
            }
            "Home" => {
                set_now(win.get_untracked().home(&limits));
                current.set(None);
                true
            }
            "End" => {
                set_now(win.get_untracked().end(&limits));
                current.set(None);
                true
            }
            "Enter" | " " => {
                if let Some(e) = roving.get_untracked() {
                    select(e);
                }
                true
            }
            "Escape" => {
                link.push(|s| s.sel = None);
                true
            }
            _ => false,
        };
        if handled {
            ev.prevent_default();
        }
    };

    // Pointers: one drags the window, two pinch it.
    let pointers = StoredValue::new(Vec::<(i32, f64)>::new());
    let grab = StoredValue::new(None::<(f64, f64, Window)>);
    let moved = StoredValue::new(false);
    let local_x = move |ev: &leptos::ev::PointerEvent| -> f64 {
        wrap.get_untracked()
            .map(|el| f64::from(ev.client_x()) - el.get_bounding_client_rect().left())
            .unwrap_or(0.0)
    };
    let on_down = move |ev: leptos::ev::PointerEvent| {
        if ev.button() != 0 {
            return;
        }
        let x = local_x(&ev);
        pointers.update_value(|p| {
            p.retain(|(id, _)| *id != ev.pointer_id());
            p.push((ev.pointer_id(), x));
        });
        let spread = pointers.with_value(|p| if p.len() == 2 { (p[0].1 - p[1].1).abs() } else { 0.0 });
        grab.set_value(Some((x, spread, win.get_untracked())));
        moved.set_value(false);
    };
    let on_move = move |ev: leptos::ev::PointerEvent| {
        let Some((x0, spread0, w0)) = grab.get_value() else {
            return;
        };
        let x = local_x(&ev);
        pointers.update_value(|p| {
            if let Some(q) = p.iter_mut().find(|(id, _)| *id == ev.pointer_id()) {
                q.1 = x;
            }
        });
        let w = width.get_untracked();
        let two = pointers.with_value(|p| (p.len() == 2).then(|| (p[0].1, p[1].1)));
        let next = match two {
            Some((a, b)) if spread0 > 10.0 => {
                let spread = (a - b).abs().max(10.0);
                w0.zoom(spread0 / spread, ((a + b) / 2.0) / w, &limits)
            }
            _ => {
                if (x - x0).abs() < 4.0 && !moved.get_value() {
                    return;
                }
                w0.pan(x - x0, w, &limits)
            }
        };
        moved.set_value(true);
        if let Some(el) = wrap.get_untracked() {
            if el.set_pointer_capture(ev.pointer_id()).is_err() {
                log("Could not follow the pointer");
            }
        }
        live.set(Some(next));
    };
    let on_up = move |ev: leptos::ev::PointerEvent| {
        pointers.update_value(|p| p.retain(|(id, _)| *id != ev.pointer_id()));
        if grab.get_value().is_some() && moved.get_value() {
            if let Some(w) = live.get_untracked() {
                set_now(w);
            }
        }
        grab.set_value(None);
    };
    let on_wheel = move |ev: &web_sys::WheelEvent| {
        let w = width.get_untracked();
        let x = wrap
            .get_untracked()
            .map(|el| f64::from(ev.client_x()) - el.get_bounding_client_rect().left())
            .unwrap_or(w / 2.0);
        let base = win.get_untracked();
        let next = if ev.delta_x().abs() > ev.delta_y().abs() && !ev.ctrl_key() {
            base.pan(-ev.delta_x(), w, &limits)
        } else {
            // Trackpad pinches come as wheel events with ctrl.
            let k = if ev.ctrl_key() { 0.01 } else { 0.002 };
            base.zoom((ev.delta_y() * k).exp(), x / w, &limits)
        };
        ev.prevent_default();
        commit(next);
    };
    // The wheel zooms the chart instead of scrolling the page: a listener of
    // its own, not passive, so it may cancel the scroll.
    Effect::new(move |_| {
        if let Some(el) = wrap.get() {
            let on = gloo_events::EventListener::new_with_options(
                &el,
                "wheel",
                gloo_events::EventListenerOptions::enable_prevent_default(),
                move |ev| {
                    if let Some(ev) = ev.dyn_ref::<web_sys::WheelEvent>() {
                        on_wheel(ev);
                    }
                },
            );
            listeners.update_value(|l| l.push(on));
        }
    });
    // A click on a mark selects it; a click on a cluster zooms into it.
    let zoom_to = move |days: (i32, i32)| {
        let w = Window::days(days.0, days.1);
        let pad = w.span() * 0.1;
        set_now(limits.clamp(Window {
            start: w.start - pad,
            end: w.end + pad,
        }));
    };

    let marks = move || {
        let roving = roving.get();
        let sel = link.state.with(|s| s.sel);
        frame.with(|f| {
            f.marks
                .iter()
                .map(|m| {
                    let e = &ds.events[m.event as usize];
                    let event = m.event;
                    let selected = sel == Some(event);
                    let classes = if selected {
                        format!("{} selected", m.classes)
                    } else {
                        m.classes.clone()
                    };
                    let shape = match m.shape {
                        Shape::Point => view! {
                            <circle cx=m.x + m.w / 2.0 cy=m.y + ROW / 2.0 - 1.0 r=4.5 />
                        }
                        .into_any(),
                        Shape::Before | Shape::After => view! {
                            <rect x=m.x y=m.y + 2.0 width=m.w height=ROW - 5.0 rx=2
                                fill=if m.shape == Shape::Before { "url(#fade-before)" } else { "url(#fade-after)" } />
                        }
                        .into_any(),
                        _ => view! { <rect x=m.x y=m.y + 2.0 width=m.w height=ROW - 5.0 rx=2 /> }.into_any(),
                    };
                    let claims = m
                        .claims
                        .iter()
                        .map(|&x| view! { <line class="claim" x1=x x2=x y1=m.y y2=m.y + ROW - 2.0 /> })
                        .collect_view();
                    if m.echo {
                        view! { <g class=classes aria-hidden="true">{shape}</g> }.into_any()
                    } else {
                        view! {
                            <g class=classes id=format!("mark-{event}") role="button"
                                tabindex=if roving == Some(event) { "0" } else { "-1" }
                                aria-label=mark_name(ds, e) aria-pressed=if selected { "true" } else { "false" }
                                on:click=move |_| if !moved.get_value() { select(event) }
                                on:pointerenter=move |_| pointed.set(Some(event))
                                on:pointerleave=move |_| pointed.set(None)
                                on:focus=move |_| current.set(Some(event))>
                                {shape}
                                {claims}
                            </g>
                        }
                        .into_any()
                    }
                })
                .collect_view()
        })
    };
    let clusters = move || {
        let no_marks = frame.with(|f| f.marks.iter().all(|m| m.echo));
        frame.with(|f| {
            f.clusters
                .iter()
                .enumerate()
                .map(|(k, c)| {
                    let days = c.days;
                    view! {
                        <g class="cluster" role="button" aria-label=format!("{}: zoom in", c.name)
                            tabindex=if no_marks && k == 0 { "0" } else { "-1" }
                            on:click=move |_| if !moved.get_value() { zoom_to(days) }
                            on:keydown=move |ev| if ev.key() == "Enter" { ev.stop_propagation(); zoom_to(days) }>
                            <rect x=c.x y=c.y + 1.0 width=c.w height=ROW - 2.0 rx=6 />
                            <text x=c.x + c.w / 2.0 y=c.y + ROW - 4.0 text-anchor="middle">{format!("+{}", c.count)}</text>
                        </g>
                    }
                })
                .collect_view()
        })
    };
    let grid = move || {
        frame.with(|f| {
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
    };
    let window_text = move || {
        let w = win.get();
        let (a, b) = (w.start.floor() as i32, (w.end.ceil() as i32 - 1).max(w.start.floor() as i32));
        let scale = Scale::new(w, width.get());
        let text = crate::core::axis::ticks::choose_unit(&scale, 48.0).describe((a, b + 1));
        let (earlier, later) = frame.with(|f| (f.earlier, f.later));
        let more = match (earlier, later) {
            (0, 0) => String::new(),
            (a, 0) => format!(" · {a} earlier"),
            (0, b) => format!(" · {b} later"),
            (a, b) => format!(" · {a} earlier, {b} later"),
        };
        format!("Showing {text}{more}")
    };
    let summary = move || {
        let n = outcome.with(|o| o.events.len());
        format!(
            "Time axis of {n} events. Arrow keys move from event to event, Enter selects, + and − zoom, Shift with arrows pans, Home and End go to the ends. The list of events below shows the same events as text."
        )
    };
    let on_lanes = move |ev: leptos::ev::Event| {
        if let Some(l) = LaneBy::parse(&event_target_value(&ev)) {
            link.push(|s| s.lanes = l);
        }
    };
    let on_compare = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        link.push(|s| {
            s.compare = ds
                .schemes
                .iter()
                .position(|x| x.id == v)
                .map(|i| i as u32)
        });
    };
    let compare_value = move || {
        link.state.with(|s| s.compare.map_or("", |c| ds.schemes[c as usize].id))
    };
    let shows_periods = move || link.state.with(|s| s.periods != Periods::None);
    // The selected event's card, under the chart.
    let selected = move || {
        link.state.with(|s| {
            s.sel.map(|e| {
                let ev = &ds.events[e as usize];
                let present = PresentState {
                    filter: s.filter.clone(),
                    at: Some(At::Event(e)),
                }
                .href(ds);
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
        })
    };
    let w = move || width.get();
    view! {
        <section class="time-axis" aria-labelledby="time-axis-heading">
            <h2 id="time-axis-heading">"Time axis"</h2>
            <div class="axis-controls">
                <label for="axis-lanes">"Lanes"</label>
                <select id="axis-lanes" on:change=on_lanes prop:value=move || lanes_by.get().id()>
                    {LaneBy::ALL.map(|l| view! { <option value=l.id()>{l.label()}</option> }).collect_view()}
                </select>
                <button type="button" class="secondary" on:click=move |_| zoom(0.5, 0.5) aria-label="Zoom in">"+"</button>
                <button type="button" class="secondary" on:click=move |_| zoom(2.0, 0.5) aria-label="Zoom out">"−"</button>
                <button type="button" class="secondary" on:click=move |_| set_now(win.get_untracked().pan(0.5 * width.get_untracked(), width.get_untracked(), &limits))>"← Earlier"</button>
                <button type="button" class="secondary" on:click=move |_| set_now(win.get_untracked().pan(-0.5 * width.get_untracked(), width.get_untracked(), &limits))>"Later →"</button>
                <button type="button" class="secondary" on:click=move |_| { pending.set_value(None); live.set(None); link.replace(|s| s.win = None); }>"Fit to the results"</button>
                <span class="axis-compare" hidden=move || !shows_periods()>
                    <label for="axis-compare">"Compare with"</label>
                    <select id="axis-compare" on:change=on_compare prop:value=compare_value>
                        <option value="">"no second periodisation"</option>
                        {ds.schemes.iter().map(|s| view! { <option value=s.id>{s.name}</option> }).collect_view()}
                    </select>
                </span>
            </div>
            <p class="axis-window small muted" aria-live="polite">{window_text}</p>
            <div class="axis-chart" node_ref=wrap on:keydown=on_key
                on:focusin=move |_| { inside.set_value(true); inside_focus.set(true) }
                on:focusout=move |_| { inside.set_value(false); inside_focus.set(false) }
                on:pointerdown=on_down on:pointermove=on_move on:pointerup=on_up on:pointercancel=on_up>
                <svg width=w height=move || frame.with(|f| f.height) viewBox=move || format!("0 0 {} {}", w(), frame.with(|f| f.height))
                    role="group" aria-label=summary>
                    <defs>
                        <linearGradient id="fade-before" x1="0" x2="1" y1="0" y2="0">
                            <stop offset="0" class="fade-stop-0" /><stop offset="1" class="fade-stop-1" />
                        </linearGradient>
                        <linearGradient id="fade-after" x1="0" x2="1" y1="0" y2="0">
                            <stop offset="0" class="fade-stop-1" /><stop offset="1" class="fade-stop-0" />
                        </linearGradient>
                    </defs>
                    {grid}
                    {clusters}
                    {marks}
                </svg>
            </div>
            <p class="axis-focus small" aria-hidden="true">{move || {
                let e = pointed.get().or_else(|| inside_focus.get().then(|| roving.get()).flatten());
                e.map(|e| mark_name(ds, &ds.events[e as usize])).unwrap_or_default()
            }}</p>
            {selected}
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

fn focus_mark(e: u32) {
    if let Some(el) = document().get_element_by_id(&format!("mark-{e}")) {
        if let Ok(el) = el.dyn_into::<web_sys::SvgElement>() {
            if el.focus().is_err() {
                log("Could not move the focus to an event");
            }
        }
    }
}
