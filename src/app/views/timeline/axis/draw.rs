//! Drawing one frame: the marks (the roving tab stop among them), the clusters,
//! the ticks, lane names and period bands; the line naming the window.
//!
//! The elements are kept from one frame to the next, so a zoom or pan step
//! sets attributes instead of making elements: a mark still drawn keeps its
//! element, a new one takes an element a mark gone left (`core::axis::reuse`);
//! the clusters, ticks, lane names and bands are drawn in order by the same
//! elements, whatever they show. Each element reads only its own signals, set
//! when their value changes, so a frame wakes only what changed and no signal
//! has thousands of readers (the reactive graph's cost grows with that).

use super::frame::{ClusterV, Frame, MarkV, Place, BAND, ROW, TOP};
use super::state::Ax;
use crate::app::views::common::log;
use crate::core::axis::marks::mark_name;
use crate::core::axis::reuse::assign;
use crate::core::axis::{Scale, Shape};
use crate::core::dataset::DATASET;
use leptos::prelude::*;
use std::sync::Arc;

/// The signals of the elements drawing a list in order: the `k`th for its `k`th item.
type Pool<T> = StoredValue<Vec<ArcRwSignal<T>>, LocalStorage>;

fn pool<T: 'static>() -> Pool<T> {
    StoredValue::new_local(Vec::new())
}

/// A frame's list into its pool: each item's signal set when its value
/// changed, new signals for a longer list; the number of items.
fn follow<T>(pool: Pool<T>, items: impl Iterator<Item = T>) -> usize
where
    T: Clone + PartialEq + Default + Send + Sync + 'static,
{
    pool.try_update_value(|p| {
        let mut n = 0;
        for v in items {
            if n == p.len() {
                p.push(ArcRwSignal::new(v));
            } else {
                set_if_changed(&p[n], &v);
            }
            n += 1;
        }
        p.truncate(n);
        n
    })
    .unwrap_or_default()
}

/// The signal of the `k`th element of a pool (one it has: `follow` ran first).
fn nth<T: Clone + Default + Send + Sync + 'static>(pool: Pool<T>, k: usize) -> ReadSignal<T> {
    let s = pool.with_value(|p| p.get(k).cloned()).unwrap_or_default();
    ReadSignal::from(s.read_only())
}

/// `n()` elements in order, the `k`th drawn by `child(k)`; as `n` changes,
/// elements are added or removed at the end, the others kept. (One function for
/// every list of the chart, so the keyed list's code is in the wasm once.)
fn kept(
    n: Arc<dyn Fn() -> usize + Send + Sync>,
    child: Arc<dyn Fn(usize) -> AnyView + Send + Sync>,
) -> AnyView {
    view! { <For each=move || 0..n() key=|k| *k children=move |k| child(k) /> }.into_any()
}

/// Whether a mark is the tab stop, and selected.
#[derive(Clone, Copy, PartialEq, Default)]
struct State {
    tab: bool,
    selected: bool,
}

/// What a mark's element shows that changes only when it shows another event.
#[derive(Clone, PartialEq, Default)]
struct Who {
    event: u32,
    echo: bool,
    classes: String,
    /// The accessible name (an echo has none).
    name: Option<String>,
    /// The fill of an open bound's fade.
    fade: Option<&'static str>,
}

/// The elements of one kind of mark: the key each showed last, and the
/// signals it reads (what it shows, where, its state: each set only when it
/// changes, so a zoom step wakes only what reads the place).
#[derive(Default)]
struct MarkSlots {
    keys: Vec<(u32, u16)>,
    who: Vec<ArcRwSignal<Who>>,
    at: Vec<ArcRwSignal<Place>>,
    state: Vec<ArcRwSignal<State>>,
}

struct Slot {
    who: ArcRwSignal<Who>,
    at: ArcRwSignal<Place>,
    state: ArcRwSignal<State>,
}

/// The event marks: dots (a day) and bars, each kind drawn by elements kept
/// from frame to frame (`core::axis::reuse`): a mark still drawn keeps its
/// element, a new one takes an element a mark gone left, so a step sets
/// attributes. Echoes (an event's other strands) are drawn faintly and are
/// neither focusable nor named.
pub fn marks(ax: Ax) -> impl IntoView {
    view! { {mark_kind(ax, true)} {mark_kind(ax, false)} }
}

fn mark_kind(ax: Ax, points: bool) -> impl IntoView {
    let slots = StoredValue::new_local(MarkSlots::default());
    // Only a change of the selection redraws them, not every change of the link.
    let sel = Memo::new(move |_| ax.link.state.with(|s| s.sel));
    let each = move || {
        let (sel, roving) = (sel.get(), ax.roving.get());
        ax.frame.with(|f| {
            let marks: Vec<&MarkV> = f
                .marks
                .iter()
                .filter(|m| (m.shape == Shape::Point) == points)
                .collect();
            let state = |m: &MarkV| State {
                tab: roving == Some(m.event) && !m.echo,
                selected: sel == Some(m.event),
            };
            slots
                .try_update_value(|s| fill(s, &marks, state))
                .unwrap_or_default()
        })
    };
    let slot = move |k: usize| {
        slots
            .with_value(|s| s.who.get(k).is_some().then(|| s.slot(k)))
            .map(|slot| mark(ax, points, slot).into_any())
            .unwrap_or_else(|| ().into_any())
    };
    kept(Arc::new(each), Arc::new(slot))
}

impl MarkSlots {
    fn slot(&self, k: usize) -> Slot {
        Slot {
            who: self.who[k].clone(),
            at: self.at[k].clone(),
            state: self.state[k].clone(),
        }
    }
}

/// The frame's marks of one kind into the slots; the number of slots.
fn fill(s: &mut MarkSlots, marks: &[&MarkV], state: impl Fn(&MarkV) -> State) -> usize {
    let keys: Vec<(u32, u16)> = marks.iter().map(|m| (m.event, m.lane)).collect();
    let slot_of = assign(&s.keys, &keys);
    let n = keys.len();
    s.who.truncate(n);
    s.at.truncate(n);
    s.state.truncate(n);
    s.who.resize_with(n, Default::default);
    s.at.resize_with(n, Default::default);
    s.state.resize_with(n, Default::default);
    let mut shown = vec![(0, 0); n];
    for ((m, &key), &slot) in marks.iter().zip(&keys).zip(&slot_of) {
        let slot = slot as usize;
        shown[slot] = key;
        if s.keys.get(slot) != Some(&key) {
            s.who[slot].set(who(m));
        }
        set_if_changed(&s.at[slot], &m.place);
        set_if_changed(&s.state[slot], &state(m));
    }
    s.keys = shown;
    n
}

fn set_if_changed<T: Clone + PartialEq + Send + Sync + 'static>(s: &ArcRwSignal<T>, v: &T) {
    if s.with_untracked(|c| c != v) {
        s.set(v.clone());
    }
}

fn who(m: &MarkV) -> Who {
    Who {
        event: m.event,
        echo: m.echo,
        classes: m.classes.clone(),
        name: (!m.echo).then(|| mark_name(&DATASET, &DATASET.events[m.event as usize])),
        fade: match m.shape {
            Shape::Before => Some("url(#fade-before)"),
            Shape::After => Some("url(#fade-after)"),
            _ => None,
        },
    }
}

/// One mark's element, whatever event it shows.
fn mark(ax: Ax, point: bool, slot: Slot) -> impl IntoView {
    let who = ReadSignal::from(slot.who.read_only());
    let at = ReadSignal::from(slot.at.read_only());
    let state = ReadSignal::from(slot.state.read_only());
    let event = move || who.with_untracked(|w| (!w.echo).then_some(w.event));
    let shape = if point {
        view! { <circle r=4.5 use:place=(at, who, true) /> }.into_any()
    } else {
        view! { <rect height=ROW - 5.0 rx=2 use:place=(at, who, false) /> }.into_any()
    };
    view! {
        <g use:name=(who, state)
            on:click=move |_| if let Some(e) = event().filter(|_| !ax.moved.get_value()) { ax.select(e) }
            on:pointerenter=move |_| if let Some(e) = event() { ax.pointed.set(Some(e)) }
            on:pointerleave=move |_| ax.pointed.set(None)
            on:focus=move |_| if let Some(e) = event() { ax.current.set(Some(e)) }>
            {shape}
            // The dates the sources give, for a disputed date.
            {kept(Arc::new(move || at.with(|p| p.claims.len())), Arc::new(move |k| claim(at, k)))}
        </g>
    }
}

/// The `k`th of a mark's claim ticks: a date a source gives.
fn claim(at: ReadSignal<Place>, k: usize) -> AnyView {
    let x = move || at.with(|p| p.claims.get(k).copied().unwrap_or_default());
    let y = move |dy: f64| move || at.with(|p| p.y + dy);
    view! { <line class="claim" x1=x x2=x y1=y(0.0) y2=y(ROW - 2.0) /> }.into_any()
}

/// Sets an attribute, or removes it (`None`).
fn attr(el: &web_sys::Element, name: &str, value: Option<&str>) {
    let done = match value {
        Some(v) => el.set_attribute(name, v),
        None => el.remove_attribute(name),
    };
    if done.is_err() {
        log("Could not draw a mark");
    }
}

/// A mark's group: what it is (an event's own mark is a button with its name;
/// an echo is decoration) and its state, in one effect: a mark's element shows
/// other events as the window moves, and an effect per attribute would be a
/// dozen to wake for each.
fn name(el: web_sys::Element, (who, state): (ReadSignal<Who>, ReadSignal<State>)) {
    keep(RenderEffect::new(
        move |prev: Option<(u32, bool, State)>| {
            let s = state.get();
            who.with(|w| {
                // The event and whether it is an echo say all the rest of `Who`.
                let new = prev.map(|p| (p.0, p.1)) != Some((w.event, w.echo));
                let own = !w.echo;
                if new {
                    let id = own.then(|| format!("mark-{}", w.event));
                    attr(&el, "id", id.as_deref());
                    attr(&el, "role", own.then_some("button"));
                    attr(&el, "aria-label", w.name.as_deref());
                    attr(&el, "aria-hidden", w.echo.then_some("true"));
                }
                if new || prev.map(|p| p.2) != Some(s) {
                    let class = if s.selected {
                        format!("{} selected", w.classes)
                    } else {
                        w.classes.clone()
                    };
                    attr(&el, "class", Some(&class));
                    attr(
                        &el,
                        "tabindex",
                        own.then_some(if s.tab { "0" } else { "-1" }),
                    );
                    let pressed = if s.selected { "true" } else { "false" };
                    attr(&el, "aria-pressed", own.then_some(pressed));
                }
                (w.event, w.echo, s)
            })
        },
    ));
}

/// Keeps an effect as long as the element it draws (its owner's).
fn keep<T: 'static>(effect: RenderEffect<T>) {
    StoredValue::new_local(effect);
}

/// A mark's shape where the frame puts it, in one effect: a dot (`point`) at
/// the middle of its box, else a bar over it (an open bound's faded).
fn place(el: web_sys::Element, (at, who, point): (ReadSignal<Place>, ReadSignal<Who>, bool)) {
    keep(RenderEffect::new(
        move |prev: Option<(f64, f64, f64, Option<&str>)>| {
            let (x, w, y) = at.with(|p| (p.x, p.w, p.y));
            let fade = if point { None } else { who.with(|w| w.fade) };
            let num = |v: f64| v.to_string();
            if prev.map(|p| (p.0, p.1, p.2)) != Some((x, w, y)) {
                if point {
                    attr(&el, "cx", Some(&num(x + w / 2.0)));
                    attr(&el, "cy", Some(&num(y + ROW / 2.0 - 1.0)));
                } else {
                    attr(&el, "x", Some(&num(x)));
                    attr(&el, "y", Some(&num(y + 2.0)));
                    attr(&el, "width", Some(&num(w)));
                }
            }
            if prev.map(|p| p.3) != Some(fade) {
                attr(&el, "fill", fade);
            }
            (x, w, y, fade)
        },
    ));
}

/// "+12": events too close together at this zoom; choosing one zooms in. The
/// first is the tab stop when no mark is drawn. Kept in order: the `k`th
/// cluster of a frame is drawn by the `k`th element.
pub fn clusters(ax: Ax) -> impl IntoView {
    let pool = pool();
    let each = move || {
        ax.frame.with(|f| {
            let no_marks = f.marks.iter().all(|m| m.echo);
            let items = f.clusters.iter().enumerate();
            follow(pool, items.map(|(k, c)| (c.clone(), no_marks && k == 0)))
        })
    };
    kept(Arc::new(each), Arc::new(move |k| cluster(ax, nth(pool, k))))
}

fn cluster(ax: Ax, c: ReadSignal<(ClusterV, bool)>) -> AnyView {
    let get = move |f: fn(&ClusterV) -> f64| move || c.with(|c| f(&c.0));
    let days = move || c.with_untracked(|c| c.0.days);
    view! {
        <g class="cluster" role="button" aria-label=move || c.with(|c| format!("{}: zoom in", c.0.name))
            tabindex=move || if c.with(|c| c.1) { "0" } else { "-1" }
            on:click=move |_| if !ax.moved.get_value() { ax.zoom_to(days()) }
            on:keydown=move |ev| if ev.key() == "Enter" { ev.stop_propagation(); ax.zoom_to(days()) }>
            <rect x=get(|c| c.x) y=get(|c| c.y + 1.0) width=get(|c| c.w) height=ROW - 2.0 rx=6 />
            <text x=get(|c| c.x + c.w / 2.0) y=get(|c| c.y + ROW - 4.0) text-anchor="middle">
                {move || c.with(|c| format!("+{}", c.0.count))}
            </text>
        </g>
    }
    .into_any()
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
