//! A wheel zoom under way: drawn at once by moving what was laid out (the
//! basemap to the new camera, the markers by `Camera::relative`), and written to
//! the link, which lays the markers out again, once the wheel has rested for
//! [`SETTLE`]. A wheel gives a step per notch: laying hundreds of markers out for
//! each would cost a frame or more per step.

use crate::core::map::Camera;
use leptos::prelude::*;

/// How long the wheel must rest before its zoom is written to the link.
pub const SETTLE: std::time::Duration = std::time::Duration::from_millis(150);

#[derive(Clone, Copy)]
pub struct Preview {
    cam: RwSignal<Option<Camera>>,
    settle: StoredValue<Option<TimeoutHandle>>,
}

impl Preview {
    pub fn new() -> Preview {
        Preview {
            cam: RwSignal::new(None),
            settle: StoredValue::new(None),
        }
    }

    /// The camera of the zoom under way, if one is (tracked: for drawing).
    pub fn get(&self) -> Option<Camera> {
        self.cam.get()
    }

    /// The camera shown now: the zoom under way's, else `linked` (untracked:
    /// for the next gesture to start from).
    pub fn current(&self, linked: Memo<Camera>) -> Camera {
        self.cam
            .get_untracked()
            .unwrap_or_else(|| linked.get_untracked())
    }

    /// A wheel step to `c`: shown at once, `commit(c)` once the wheel rests.
    pub fn wheel(&self, c: Camera, commit: impl Fn(Camera) + 'static) {
        self.cam.set(Some(c));
        self.cancel();
        let cam = self.cam;
        let later = move || {
            if let Some(c) = cam.get_untracked() {
                commit(c);
            }
        };
        self.settle
            .set_value(set_timeout_with_handle(later, SETTLE).ok());
    }

    /// The camera has been written to the link: nothing under way any more.
    pub fn end(&self) {
        self.cancel();
        self.cam.set(None);
    }

    fn cancel(&self) {
        if let Some(h) = self.settle.get_value() {
            h.clear();
        }
        self.settle.set_value(None);
    }
}
