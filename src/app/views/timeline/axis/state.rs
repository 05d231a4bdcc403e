//! The axis's state (one `Copy` handle of signals and memos) and what input
//! does to it: keys, pointers (drag, pinch), the wheel, selection.
//!
//! The window the reader sees is `live` during a gesture and the link's `win=`
//! otherwise (fitted to the results without it); a gesture ends by writing it to
//! the link, replacing the history entry.

use super::super::Shown;
use super::frame::{frame, Frame, Shared, DEFAULT_WIDTH};
use crate::app::link::Linked;
use crate::app::views::common::log;
use crate::core::axis::periods::PALETTE;
use crate::core::axis::{Bands, Layout, Limits, Prepared, Scale, Window};
use crate::core::dataset::DATASET;
use crate::core::filter::{Facet, Outcome};
use crate::core::timeline::{opening_window, TimelineState};
use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use std::sync::Arc;

/// A signal that changes in the animation frame after `outcome` changed (once
/// however often it changed before that frame).
fn follow_next_frame(outcome: Memo<Outcome>) -> RwSignal<u64> {
    let tick = RwSignal::new(0u64);
    let pending = StoredValue::new(false);
    Effect::new(move |first: Option<()>| {
        outcome.track();
        if first.is_some()
            && pending.try_update_value(|p| !std::mem::replace(p, true)) == Some(true)
        {
            request_animation_frame(move || {
                pending.try_set_value(false);
                tick.try_update(|t| *t += 1);
            });
        }
    });
    tick
}

/// Everything the axis's parts read and write.
#[derive(Clone, Copy)]
pub struct Ax {
    pub link: Linked<TimelineState>,
    pub outcome: Memo<Outcome>,
    pub limits: Limits,
    pub prepared: Memo<Shared<Prepared>>,
    pub frame: Memo<Frame>,
    pub win: Memo<Window>,
    pub width: RwSignal<f64>,
    /// The window shown during a gesture, before it reaches the link.
    pub live: RwSignal<Option<Window>>,
    pending: StoredValue<Option<Timeout>, LocalStorage>,
    /// The event focused last; the roving tab stop is it, else the selection,
    /// else the first mark drawn.
    pub current: RwSignal<Option<u32>>,
    pub roving: Memo<Option<u32>>,
    /// The mark under the pointer (its name is shown under the chart).
    pub pointed: RwSignal<Option<u32>>,
    /// Whether the focus is inside the chart.
    pub focused: RwSignal<bool>,
    /// A pointer moved since it went down (a drag, not a click).
    pub moved: StoredValue<bool>,
    pointers: StoredValue<Vec<(i32, f64)>>,
    grab: StoredValue<Option<(f64, f64, Window)>>,
    pub wrap: NodeRef<leptos::html::Div>,
}

impl Ax {
    pub fn new(shown: Shown) -> Ax {
        let ds = &DATASET;
        let (link, filter, outcome) = (shown.link, shown.filter, shown.outcome);
        let limits = Limits::of_dataset(ds);
        // The chart follows the results a frame behind: a keystroke updates the
        // list and its count first, and the keystrokes of one frame redraw the
        // chart once (a choice of lanes redraws it at once).
        let results = follow_next_frame(outcome);
        let strands = Memo::new(move |_| filter.with(|f| f.list(Facet::Strand).to_vec()));
        let lanes = Memo::new(move |_| link.state.with(|s| s.lanes));
        let prepared = Memo::new(move |_| {
            let by = lanes.get();
            results.track();
            strands.with(|strands| {
                outcome
                    .with_untracked(|o| Shared(Arc::new(Prepared::new(ds, &o.events, by, strands))))
            })
        });
        let schemes = Memo::new(move |_| link.state.with(|s| schemes_of(s)));
        let bands = Memo::new(move |_| {
            let list = schemes
                .get()
                .into_iter()
                .map(|s| Bands::new(&ds.schemes[s], PALETTE));
            Shared(Arc::new(list.collect::<Vec<_>>()))
        });
        let width = RwSignal::new(DEFAULT_WIDTH);
        let live = RwSignal::new(None::<Window>);
        let fit = Memo::new(move |_| prepared.with(|p| opening_window(p.0.span(), &limits)));
        let win = Memo::new(move |_| {
            let w = live.get().or_else(|| link.state.with(|s| s.win));
            limits.clamp(w.unwrap_or_else(|| fit.get()))
        });
        let frame = Memo::new(move |_| {
            let scale = Scale::new(win.get(), width.get());
            let schemes = schemes.get();
            prepared.with(|p| bands.with(|b| frame(&p.0, &b.0, &schemes, &scale)))
        });
        let current = RwSignal::new(None::<u32>);
        let roving = Memo::new(move |_| {
            let c = current.get().or_else(|| link.state.with(|s| s.sel));
            frame.with(|f| {
                let drawn = |e: &u32| f.marks.iter().any(|m| m.event == *e && !m.echo);
                c.filter(drawn)
                    .or_else(|| f.marks.iter().find(|m| !m.echo).map(|m| m.event))
            })
        });
        Ax {
            link,
            outcome,
            limits,
            prepared,
            frame,
            win,
            width,
            live,
            pending: StoredValue::new_local(None),
            current,
            roving,
            pointed: RwSignal::new(None),
            focused: RwSignal::new(false),
            moved: StoredValue::new(false),
            pointers: StoredValue::new(Vec::new()),
            grab: StoredValue::new(None),
            wrap: NodeRef::new(),
        }
    }

    /// Shows `w` now and writes it to the link once the gesture pauses (the wheel).
    pub fn commit(self, w: Window) {
        self.live.set(Some(w));
        let t = Timeout::new(300, move || {
            self.link.replace(|s| s.win = Some(w));
            self.live.set(None);
        });
        self.pending.set_value(Some(t));
    }

    /// Writes `w` to the link now (keys, buttons, the end of a drag).
    pub fn set_now(self, w: Window) {
        self.pending.set_value(None);
        self.link.replace(|s| s.win = Some(w));
        self.live.set(None);
    }

    /// Back to the window fitted to the results.
    pub fn fit(self) {
        self.pending.set_value(None);
        self.live.set(None);
        self.link.replace(|s| s.win = None);
    }

    pub fn zoom(self, factor: f64, at: f64) {
        self.set_now(self.win.get_untracked().zoom(factor, at, &self.limits));
    }

    /// Pans by a share of the width (positive: to later times).
    pub fn pan(self, share: f64) {
        let w = self.width.get_untracked();
        self.set_now(self.win.get_untracked().pan(-share * w, w, &self.limits));
    }

    /// Selects an event (again: unselects it).
    pub fn select(self, e: u32) {
        self.current.set(Some(e));
        self.link
            .push(|s| s.sel = if s.sel == Some(e) { None } else { Some(e) });
    }

    /// Zooms to a cluster's days.
    pub fn zoom_to(self, days: (i32, i32)) {
        let w = Window::days(days.0, days.1);
        let pad = w.span() * 0.1;
        self.set_now(self.limits.clamp(Window {
            start: w.start - pad,
            end: w.end + pad,
        }));
    }

    /// The next (or previous) event; the window follows the reader.
    fn step(self, forward: bool) {
        let scale = Scale::new(self.win.get_untracked(), self.width.get_untracked());
        let mut layout = Layout::default();
        let options = self.frame.with_untracked(|f| f.options);
        self.prepared
            .with_untracked(|p| p.0.layout(&scale, &options, &mut layout));
        match layout.step(self.roving.get_untracked(), forward) {
            Some(e) => {
                self.current.set(Some(e));
                if let Some(m) = layout.mark_of(e) {
                    let (a, b) = (scale.day_at(m.x0), scale.day_at(m.x1));
                    let w = self.win.get_untracked().reveal(a, b, &self.limits);
                    if w != self.win.get_untracked() {
                        self.set_now(w);
                    }
                }
            }
            // Past the last drawn mark: pan on to find more.
            None => self.pan(if forward { 0.5 } else { -0.5 }),
        }
    }

    /// Where the focused mark is, as a share of the width (zooms centre there).
    fn focus_at(self) -> f64 {
        let w = self.width.get_untracked();
        let mark = |e: u32| {
            self.frame.with_untracked(|f| {
                f.marks
                    .iter()
                    .find(|m| m.event == e)
                    .map(|m| (m.place.x + m.place.w / 2.0) / w)
            })
        };
        self.roving.get_untracked().and_then(mark).unwrap_or(0.5)
    }

    pub fn on_key(self, ev: leptos::ev::KeyboardEvent) {
        let shift = ev.shift_key();
        match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" if shift => self.pan(0.2),
            "ArrowLeft" | "ArrowUp" if shift => self.pan(-0.2),
            "ArrowRight" | "ArrowDown" => self.step(true),
            "ArrowLeft" | "ArrowUp" => self.step(false),
            "+" | "=" => self.zoom(2.0, self.focus_at()),
            "-" | "_" => self.zoom(0.5, self.focus_at()),
            "Home" => {
                self.set_now(self.win.get_untracked().home(&self.limits));
                self.current.set(None);
            }
            "End" => {
                self.set_now(self.win.get_untracked().end(&self.limits));
                self.current.set(None);
            }
            "Enter" | " " => {
                if let Some(e) = self.roving.get_untracked() {
                    self.select(e);
                }
            }
            "Escape" => self.link.push(|s| s.sel = None),
            _ => return,
        }
        ev.prevent_default();
    }

    fn local_x(self, client_x: i32) -> f64 {
        self.wrap
            .get_untracked()
            .map(|el| f64::from(client_x) - el.get_bounding_client_rect().left())
            .unwrap_or(self.width.get_untracked() / 2.0)
    }

    pub fn on_down(self, ev: leptos::ev::PointerEvent) {
        if ev.button() != 0 {
            return;
        }
        let x = self.local_x(ev.client_x());
        self.pointers.update_value(|p| {
            p.retain(|(id, _)| *id != ev.pointer_id());
            p.push((ev.pointer_id(), x));
        });
        let spread = self.pointers.with_value(|p| {
            if p.len() == 2 {
                (p[0].1 - p[1].1).abs()
            } else {
                0.0
            }
        });
        self.grab
            .set_value(Some((x, spread, self.win.get_untracked())));
        self.moved.set_value(false);
    }

    /// One pointer drags the window, two pinch it.
    pub fn on_move(self, ev: leptos::ev::PointerEvent) {
        let Some((x0, spread0, w0)) = self.grab.get_value() else {
            return;
        };
        let x = self.local_x(ev.client_x());
        self.pointers.update_value(|p| {
            if let Some(q) = p.iter_mut().find(|(id, _)| *id == ev.pointer_id()) {
                q.1 = x;
            }
        });
        let w = self.width.get_untracked();
        let two = self
            .pointers
            .with_value(|p| (p.len() == 2).then(|| (p[0].1, p[1].1)));
        let next = match two {
            Some((a, b)) if spread0 > 10.0 => {
                let spread = (a - b).abs().max(10.0);
                w0.zoom(spread0 / spread, ((a + b) / 2.0) / w, &self.limits)
            }
            _ if (x - x0).abs() < 4.0 && !self.moved.get_value() => return,
            _ => w0.pan(x - x0, w, &self.limits),
        };
        self.moved.set_value(true);
        if let Some(el) = self.wrap.get_untracked() {
            if el.set_pointer_capture(ev.pointer_id()).is_err() {
                log("Could not follow the pointer");
            }
        }
        self.live.set(Some(next));
    }

    pub fn on_up(self, ev: leptos::ev::PointerEvent) {
        self.pointers
            .update_value(|p| p.retain(|(id, _)| *id != ev.pointer_id()));
        if self.grab.get_value().is_some() && self.moved.get_value() {
            if let Some(w) = self.live.get_untracked() {
                self.set_now(w);
            }
        }
        self.grab.set_value(None);
    }

    /// The wheel zooms (a trackpad's pinch comes with ctrl); sideways pans.
    pub fn on_wheel(self, ev: &web_sys::WheelEvent) {
        let w = self.width.get_untracked();
        let x = self.local_x(ev.client_x());
        let base = self.win.get_untracked();
        let next = if ev.delta_x().abs() > ev.delta_y().abs() && !ev.ctrl_key() {
            base.pan(-ev.delta_x(), w, &self.limits)
        } else {
            let k = if ev.ctrl_key() { 0.01 } else { 0.002 };
            // As on the map: the wheel turned away from the reader (up) zooms in.
            base.zoom((-ev.delta_y() * k).exp(), x / w, &self.limits)
        };
        ev.prevent_default();
        self.commit(next);
    }

    /// The chart's width follows its box.
    pub fn measure(self) {
        if let Some(el) = self.wrap.get_untracked() {
            let w = f64::from(el.client_width());
            if w > 0.0 && (w - self.width.get_untracked()).abs() > 0.5 {
                self.width.set(w);
            }
        }
    }
}

/// The periodisations drawn: the chosen one, then the one compared with it.
fn schemes_of(s: &TimelineState) -> Vec<usize> {
    let mut v: Vec<usize> = s.scheme(&DATASET).into_iter().collect();
    if let Some(c) = s.compare.map(|c| c as usize) {
        if !v.contains(&c) {
            v.push(c);
        }
    }
    v
}
