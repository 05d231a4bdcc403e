//! Zoom and pan of a picture in a box, shared by the map and the web of
//! people: the box's size (measured, again on resize), a drag shown as a shift
//! until the pointer is let go (then the camera is written once, no re-layout
//! per frame), pinch, wheel, keys and the zoom buttons. What a move does to the
//! camera is the view's ([`Moves`]); the arithmetic is `core::camera`'s.

use crate::core::camera::Screen;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The signals a zoomable picture is drawn from.
#[derive(Clone, Copy)]
pub struct Surface {
    /// The box in CSS pixels.
    pub screen: RwSignal<Screen>,
    /// The drag under way, in pixels, until the pointer is let go.
    pub drag: RwSignal<(f64, f64)>,
    /// The words of the mark under the pointer or the focus.
    pub readout: RwSignal<Option<String>>,
}

impl Surface {
    pub fn new(screen: Screen) -> Surface {
        Surface {
            screen: RwSignal::new(screen),
            drag: RwSignal::new((0.0, 0.0)),
            readout: RwSignal::new(None),
        }
    }

    /// The middle of the box.
    fn middle(&self) -> (f64, f64) {
        let s = self.screen.get_untracked();
        (s.w / 2.0, s.h / 2.0)
    }
}

/// What the gestures do to the view's camera (through its link).
#[derive(Clone, Copy)]
pub struct Moves {
    /// Zoom by a factor about a point of the box: (factor, x, y).
    pub zoom_at: Callback<(f64, f64, f64)>,
    /// A wheel step's zoom (the same, unless the view draws a zoom under way
    /// before writing it to the link, as the map does: `map/wheel.rs`).
    pub wheel: Callback<(f64, f64, f64)>,
    /// Move by (dx, dy) pixels.
    pub pan: Callback<(f64, f64)>,
    /// Back to the view's opening camera (key 0).
    pub home: Callback<()>,
}

/// The box (`.map-box`): focusable, keys move the picture when the box itself
/// has the focus (a focused mark keeps Tab and Enter for itself); a click that
/// ends a drag is not a click on a mark. `height` gives the box's height for
/// its width. `children` is the picture (an `<svg>`).
#[component]
pub fn PanBox(
    surface: Surface,
    moves: Moves,
    class: &'static str,
    label: &'static str,
    height: fn(f64) -> f64,
    children: Children,
) -> impl IntoView {
    let g = Gestures {
        surface,
        moves,
        boxed: NodeRef::new(),
        pointers: StoredValue::new(Vec::new()),
        moved: StoredValue::new(false),
    };
    Effect::new(move |_| {
        g.boxed.track();
        g.measure(height);
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| g.measure(height));
    on_cleanup(move || resize.remove());
    let readout = surface.readout;
    view! {
        <div class=class node_ref=g.boxed tabindex="0" role="group" aria-label=label
            on:keydown=move |ev| g.key(ev) on:wheel=move |ev| g.wheel(ev)
            on:pointerdown=move |ev| g.down(ev) on:pointermove=move |ev| g.moving(ev)
            on:pointerup=move |ev| g.up(ev) on:pointercancel=move |ev| g.up(ev)
            on:click=move |ev| g.click(ev)>
            {children()}
            <p class="map-readout" aria-live="polite">{move || readout.get().unwrap_or_default()}</p>
        </div>
    }
}

/// The box's gestures and what they are in the middle of.
#[derive(Clone, Copy)]
struct Gestures {
    surface: Surface,
    moves: Moves,
    boxed: NodeRef<leptos::html::Div>,
    /// The pointers down: id and where each was last.
    pointers: StoredValue<Vec<(i32, f64, f64)>>,
    /// Whether the pointers moved the picture since they went down.
    moved: StoredValue<bool>,
}

impl Gestures {
    /// The box's width, and the height `height` gives for it.
    fn measure(self, height: fn(f64) -> f64) {
        if let Some(el) = self.boxed.get_untracked() {
            let w = el.client_width() as f64;
            if w > 0.0 {
                let s = Screen { w, h: height(w) };
                if self.surface.screen.get_untracked() != s {
                    self.surface.screen.set(s);
                }
            }
        }
    }

    /// A point of the page in the box's pixels.
    fn origin(self, x: f64, y: f64) -> (f64, f64) {
        self.boxed
            .get_untracked()
            .map(|el| {
                let r = el.get_bounding_client_rect();
                (x - r.left(), y - r.top())
            })
            .unwrap_or((x, y))
    }

    /// The drag under way becomes a move of the camera.
    fn commit(self) {
        let drag = self.surface.drag;
        let (dx, dy) = drag.get_untracked();
        if dx != 0.0 || dy != 0.0 {
            drag.set((0.0, 0.0));
            self.moves.pan.run((dx, dy));
        }
    }

    fn down(self, ev: web_sys::PointerEvent) {
        self.moved.set_value(false);
        self.pointers.update_value(|p| {
            p.retain(|q| q.0 != ev.pointer_id());
            p.push((ev.pointer_id(), ev.client_x() as f64, ev.client_y() as f64));
        });
    }

    fn moving(self, ev: web_sys::PointerEvent) {
        let id = ev.pointer_id();
        let (x, y) = (ev.client_x() as f64, ev.client_y() as f64);
        let mut ps = self.pointers.get_value();
        let Some(i) = ps.iter().position(|q| q.0 == id) else {
            return;
        };
        if ps.len() >= 2 {
            // Pinch: the distance between two pointers scales the picture around their middle.
            let other = ps[if i == 0 { 1 } else { 0 }];
            let before = (ps[i].1 - other.1).hypot(ps[i].2 - other.2).max(1.0);
            let after = (x - other.1).hypot(y - other.2).max(1.0);
            let (mx, my) = self.origin((x + other.1) / 2.0, (y + other.2) / 2.0);
            self.commit();
            self.moves.zoom_at.run((after / before, mx, my));
            self.moved.set_value(true);
        } else {
            let (dx, dy) = (x - ps[i].1, y - ps[i].2);
            if !self.moved.get_value() && dx.hypot(dy) < 4.0 {
                return;
            }
            if !self.moved.get_value() {
                if let Some(el) = self.boxed.get_untracked() {
                    if el.set_pointer_capture(id).is_err() {
                        super::common::log("Could not follow the pointer");
                    }
                }
            }
            self.moved.set_value(true);
            self.surface.drag.update(|d| {
                d.0 += dx;
                d.1 += dy;
            });
        }
        ps[i] = (id, x, y);
        self.pointers.set_value(ps);
    }

    fn up(self, ev: web_sys::PointerEvent) {
        self.pointers
            .update_value(|p| p.retain(|q| q.0 != ev.pointer_id()));
        self.commit();
    }

    fn wheel(self, ev: web_sys::WheelEvent) {
        ev.prevent_default();
        let (x, y) = self.origin(ev.client_x() as f64, ev.client_y() as f64);
        let factor = (-ev.delta_y() * 0.002).exp().clamp(0.5, 2.0);
        self.moves.wheel.run((factor, x, y));
    }

    fn key(self, ev: web_sys::KeyboardEvent) {
        let on_box = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|t| t.class_list().contains("map-box"));
        if !on_box {
            return;
        }
        let (mx, my) = self.surface.middle();
        let m = self.moves;
        match ev.key().as_str() {
            "ArrowLeft" => m.pan.run((80.0, 0.0)),
            "ArrowRight" => m.pan.run((-80.0, 0.0)),
            "ArrowUp" => m.pan.run((0.0, 80.0)),
            "ArrowDown" => m.pan.run((0.0, -80.0)),
            "+" | "=" => m.zoom_at.run((1.5, mx, my)),
            "-" | "_" => m.zoom_at.run((1.0 / 1.5, mx, my)),
            "0" => m.home.run(()),
            _ => return,
        }
        ev.prevent_default();
    }

    /// A click that ends a drag is not a click on a mark.
    fn click(self, ev: web_sys::MouseEvent) {
        if self.moved.get_value() {
            ev.prevent_default();
            self.moved.set_value(false);
        }
    }
}

/// The zoom buttons under a picture, and the view's links (`children`).
#[component]
pub fn ZoomButtons(surface: Surface, moves: Moves, children: Children) -> impl IntoView {
    let zoom = move |f: f64| {
        let (mx, my) = surface.middle();
        moves.zoom_at.run((f, mx, my));
    };
    view! {
        <div class="map-zoom no-print">
            <button type="button" class="secondary" aria-label="Zoom in" on:click=move |_| zoom(1.6)>"+"</button>
            <button type="button" class="secondary" aria-label="Zoom out" on:click=move |_| zoom(1.0 / 1.6)>"−"</button>
            {children()}
        </div>
    }
}

/// A mark of the picture (a place, a person) as an SVG link whose words are
/// also shown in the readout while it is under the pointer or has the focus.
#[component]
pub fn MarkLink(
    readout: RwSignal<Option<String>>,
    class: &'static str,
    href: String,
    words: String,
    /// `data-person` (the web's nodes).
    #[prop(optional)]
    person: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    let (w1, w2) = (words.clone(), words.clone());
    // Inside <g>, the macro makes <a> an SVG link (alone it would be an HTML one).
    view! {
        <g><a class=class href=href aria-label=words data-person=person
            on:mouseenter=move |_| readout.set(Some(w1.clone()))
            on:focus=move |_| readout.set(Some(w2.clone()))
            on:mouseleave=move |_| readout.set(None)
            on:blur=move |_| readout.set(None)>
            {children()}
        </a></g>
    }
}
