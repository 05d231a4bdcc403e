//! Zoom and pan over a flat picture — the map's frame, the web of people's
//! layout: a centre (the picture's own units) and a zoom. Zoom 1 fits the
//! whole frame on the screen; the centre never leaves the frame and the zoom
//! stays in the frame's range.

/// The screen (the picture's box) in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Screen {
    pub w: f64,
    pub h: f64,
}

/// The picture: its size in its own units and how far it may be zoomed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    pub w: f64,
    pub h: f64,
    pub min_zoom: f64,
    pub max_zoom: f64,
}

/// The part of the frame shown: the point at the middle of the screen and a zoom.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Camera {
    pub x: f64,
    pub y: f64,
    pub zoom: f64,
}

impl Frame {
    /// Screen pixels per unit at zoom 1.
    fn base(&self, s: Screen) -> f64 {
        (s.w / self.w.max(1.0)).min(s.h / self.h.max(1.0))
    }
}

impl Camera {
    /// The whole frame.
    pub fn home(f: Frame) -> Camera {
        Camera {
            x: f.w / 2.0,
            y: f.h / 2.0,
            zoom: f.min_zoom,
        }
    }

    /// Screen pixels per unit of the frame.
    pub fn scale(&self, s: Screen, f: Frame) -> f64 {
        f.base(s) * self.zoom
    }

    /// A point of the frame on the screen.
    pub fn to_screen(&self, x: f64, y: f64, s: Screen, f: Frame) -> (f64, f64) {
        let k = self.scale(s, f);
        ((x - self.x) * k + s.w / 2.0, (y - self.y) * k + s.h / 2.0)
    }

    /// The point of the frame under a screen point.
    pub fn to_frame(&self, x: f64, y: f64, s: Screen, f: Frame) -> (f64, f64) {
        let k = self.scale(s, f);
        ((x - s.w / 2.0) / k + self.x, (y - s.h / 2.0) / k + self.y)
    }

    /// Zoom within range, the centre inside the frame (a value that is not a
    /// number: the frame's middle, the least zoom).
    pub fn clamped(self, f: Frame) -> Camera {
        let ok = |v: f64, hi: f64| {
            if v.is_finite() {
                v.clamp(0.0, hi)
            } else {
                hi / 2.0
            }
        };
        Camera {
            x: ok(self.x, f.w),
            y: ok(self.y, f.h),
            zoom: if self.zoom.is_finite() {
                self.zoom.clamp(f.min_zoom, f.max_zoom)
            } else {
                f.min_zoom
            },
        }
    }

    /// Zooms by `factor`, keeping the point under the screen point (x, y) there.
    pub fn zoom_at(self, factor: f64, x: f64, y: f64, s: Screen, f: Frame) -> Camera {
        let (ux, uy) = self.to_frame(x, y, s, f);
        let zoom = (self.zoom * factor).clamp(f.min_zoom, f.max_zoom);
        let k = f.base(s) * zoom;
        Camera {
            x: ux - (x - s.w / 2.0) / k,
            y: uy - (y - s.h / 2.0) / k,
            zoom,
        }
        .clamped(f)
    }

    /// Moves the picture by (dx, dy) screen pixels (a drag).
    pub fn pan(self, dx: f64, dy: f64, s: Screen, f: Frame) -> Camera {
        let k = self.scale(s, f);
        Camera {
            x: self.x - dx / k,
            y: self.y - dy / k,
            zoom: self.zoom,
        }
        .clamped(f)
    }

    /// The camera that shows the box (x0, y0)–(x1, y1) with `pad` pixels around.
    pub fn fit(a: (f64, f64), b: (f64, f64), s: Screen, pad: f64, f: Frame) -> Camera {
        let (w, h) = ((b.0 - a.0).abs().max(1.0), (b.1 - a.1).abs().max(1.0));
        let zoom = ((s.w - 2.0 * pad).max(1.0) / w).min((s.h - 2.0 * pad).max(1.0) / h) / f.base(s);
        Camera {
            x: (a.0 + b.0) / 2.0,
            y: (a.1 + b.1) / 2.0,
            zoom,
        }
        .clamped(f)
    }

    /// The SVG `viewBox` (x, y, w, h) that shows this part of the frame on the screen.
    pub fn view_box(&self, s: Screen, f: Frame) -> (f64, f64, f64, f64) {
        let k = self.scale(s, f);
        let (vw, vh) = (s.w / k, s.h / k);
        (self.x - vw / 2.0, self.y - vh / 2.0, vw, vh)
    }
}
