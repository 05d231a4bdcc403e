//! What part of the map the screen shows: a centre (map units) and a zoom,
//! and the arithmetic of zooming and panning. Zoom 1 shows the whole frame;
//! the centre never leaves the frame and the zoom stays in [`MIN_ZOOM`, `MAX_ZOOM`].

use super::project::{from_map, to_map, Pt, HEIGHT, WIDTH};

pub const MIN_ZOOM: f64 = 1.0;
pub const MAX_ZOOM: f64 = 40.0;

/// The screen (the map's box) in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Screen {
    pub w: f64,
    pub h: f64,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Camera {
    /// The map point at the centre of the screen.
    pub centre: Pt,
    pub zoom: f64,
}

/// The region of the story drawn when a link names no view: the Kazakh steppe,
/// Turkestan, Khiva and Bukhara, from the Volga to Semey (west, south, east,
/// north, degrees). Places beyond it (Moscow, Paris …) are listed as off the view.
pub const HOME: [f64; 4] = [46.0, 37.0, 84.0, 56.0];

impl Camera {
    /// Pixels per map unit.
    pub fn scale(&self, s: Screen) -> f64 {
        (s.w / WIDTH).min(s.h / HEIGHT) * self.zoom
    }

    /// A map point on the screen.
    pub fn to_screen(&self, p: Pt, s: Screen) -> (f64, f64) {
        let k = self.scale(s);
        (
            (p.x - self.centre.x) * k + s.w / 2.0,
            (p.y - self.centre.y) * k + s.h / 2.0,
        )
    }

    /// The map point under a screen point.
    pub fn to_map(&self, x: f64, y: f64, s: Screen) -> Pt {
        let k = self.scale(s);
        Pt {
            x: (x - s.w / 2.0) / k + self.centre.x,
            y: (y - s.h / 2.0) / k + self.centre.y,
        }
    }

    /// Keeps the zoom in range and the centre in the frame.
    pub fn clamped(mut self) -> Camera {
        self.zoom = if self.zoom.is_finite() {
            self.zoom.clamp(MIN_ZOOM, MAX_ZOOM)
        } else {
            MIN_ZOOM
        };
        let c = self.centre;
        self.centre = Pt {
            x: if c.x.is_finite() {
                c.x.clamp(0.0, WIDTH)
            } else {
                WIDTH / 2.0
            },
            y: if c.y.is_finite() {
                c.y.clamp(0.0, HEIGHT)
            } else {
                HEIGHT / 2.0
            },
        };
        self
    }

    /// Zooms by `factor`, keeping the map point under the screen point (x, y) there.
    pub fn zoom_at(self, factor: f64, x: f64, y: f64, s: Screen) -> Camera {
        let under = self.to_map(x, y, s);
        let zoom = (self.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        let k = (s.w / WIDTH).min(s.h / HEIGHT) * zoom;
        Camera {
            centre: Pt {
                x: under.x - (x - s.w / 2.0) / k,
                y: under.y - (y - s.h / 2.0) / k,
            },
            zoom,
        }
        .clamped()
    }

    /// Moves the map by (dx, dy) screen pixels (a drag).
    pub fn pan(self, dx: f64, dy: f64, s: Screen) -> Camera {
        let k = self.scale(s);
        Camera {
            centre: Pt {
                x: self.centre.x - dx / k,
                y: self.centre.y - dy / k,
            },
            zoom: self.zoom,
        }
        .clamped()
    }

    /// The camera that shows the box `a`–`b` (map units) with `pad` pixels around.
    pub fn fit(a: Pt, b: Pt, s: Screen, pad: f64) -> Camera {
        let (w, h) = ((b.x - a.x).abs().max(1.0), (b.y - a.y).abs().max(1.0));
        let base = (s.w / WIDTH).min(s.h / HEIGHT);
        let zoom = ((s.w - 2.0 * pad).max(1.0) / w).min((s.h - 2.0 * pad).max(1.0) / h) / base;
        Camera {
            centre: Pt {
                x: (a.x + b.x) / 2.0,
                y: (a.y + b.y) / 2.0,
            },
            zoom,
        }
        .clamped()
    }

    /// The box of lon/lat `[west, south, east, north]` (all four corners and the
    /// middle of the edges, as the meridians converge).
    pub fn fit_lonlat(bbox: [f64; 4], s: Screen, pad: f64) -> Camera {
        let [w, so, e, n] = bbox;
        let pts = [
            to_map(w, so),
            to_map(e, so),
            to_map(w, n),
            to_map(e, n),
            to_map((w + e) / 2.0, so),
            to_map((w + e) / 2.0, n),
        ];
        let (a, b) = bounds(pts.iter().copied());
        Camera::fit(a, b, s, pad)
    }

    /// The camera of a link's `at=lon,lat,zoom`.
    pub fn at(lon: f64, lat: f64, zoom: f64) -> Camera {
        Camera {
            centre: to_map(lon, lat),
            zoom,
        }
        .clamped()
    }

    /// The centre as lon/lat.
    pub fn lonlat(&self) -> (f64, f64) {
        from_map(self.centre)
    }

    /// The map units the screen shows: top-left and bottom-right.
    pub fn visible(&self, s: Screen) -> (Pt, Pt) {
        (self.to_map(0.0, 0.0, s), self.to_map(s.w, s.h, s))
    }

    /// What moves what is drawn for this camera to where `to` would draw it:
    /// `(tx, ty, k)` with `to.to_screen(p) = k · self.to_screen(p) + (tx, ty)` for
    /// every point. The map scales and shifts the markers it laid out by this
    /// while a wheel zoom goes on, and lays them out again once it stops.
    pub fn relative(&self, to: &Camera, s: Screen) -> (f64, f64, f64) {
        let (k0, k1) = (self.scale(s), to.scale(s));
        let k = k1 / k0;
        (
            s.w / 2.0 * (1.0 - k) + (self.centre.x - to.centre.x) * k1,
            s.h / 2.0 * (1.0 - k) + (self.centre.y - to.centre.y) * k1,
            k,
        )
    }
}

/// The bounding box of points (map units).
pub fn bounds(pts: impl Iterator<Item = Pt>) -> (Pt, Pt) {
    let mut a = Pt {
        x: f64::INFINITY,
        y: f64::INFINITY,
    };
    let mut b = Pt {
        x: f64::NEG_INFINITY,
        y: f64::NEG_INFINITY,
    };
    for p in pts {
        a.x = a.x.min(p.x);
        a.y = a.y.min(p.y);
        b.x = b.x.max(p.x);
        b.y = b.y.max(p.y);
    }
    if !a.x.is_finite() {
        return (
            Pt { x: 0.0, y: 0.0 },
            Pt {
                x: WIDTH,
                y: HEIGHT,
            },
        );
    }
    (a, b)
}

#[cfg(test)]
mod tests {
    use super::*;

    const S: Screen = Screen { w: 800.0, h: 500.0 };

    #[test]
    fn screen_and_map_points_round_trip() {
        let c = Camera::at(66.0, 45.0, 3.0);
        let p = to_map(69.24, 41.3);
        let (x, y) = c.to_screen(p, S);
        let q = c.to_map(x, y, S);
        assert!((p.x - q.x).abs() < 1e-9 && (p.y - q.y).abs() < 1e-9);
    }

    #[test]
    fn zooming_keeps_the_point_under_the_pointer() {
        let c = Camera::at(66.0, 45.0, 2.0);
        let under = c.to_map(600.0, 100.0, S);
        let z = c.zoom_at(1.5, 600.0, 100.0, S);
        assert!((z.zoom - 3.0).abs() < 1e-9);
        let (x, y) = z.to_screen(under, S);
        assert!(
            (x - 600.0).abs() < 1e-6 && (y - 100.0).abs() < 1e-6,
            "{x},{y}"
        );
    }

    #[test]
    fn zoom_and_centre_stay_in_range() {
        let c = Camera::at(66.0, 45.0, 2.0).zoom_at(1e9, 0.0, 0.0, S);
        assert_eq!(c.zoom, MAX_ZOOM);
        let c = c.zoom_at(1e-9, 0.0, 0.0, S);
        assert_eq!(c.zoom, MIN_ZOOM);
        let far = c.pan(1e7, -1e7, S);
        assert!(far.centre.x == 0.0 && far.centre.y == HEIGHT, "{far:?}");
        let bad = Camera {
            centre: Pt {
                x: f64::NAN,
                y: 1.0,
            },
            zoom: f64::NAN,
        }
        .clamped();
        assert!(bad.centre.x.is_finite() && bad.zoom == MIN_ZOOM);
    }

    #[test]
    fn fitting_shows_the_whole_box() {
        let c = Camera::fit_lonlat(HOME, S, 10.0);
        for (lon, lat) in [
            (46.0, 37.0),
            (84.0, 56.0),
            (46.0, 56.0),
            (84.0, 37.0),
            (69.24, 41.3),
        ] {
            let (x, y) = c.to_screen(to_map(lon, lat), S);
            assert!(
                (9.0..=791.0).contains(&x) && (9.0..=491.0).contains(&y),
                "{lon},{lat}: {x},{y}"
            );
        }
    }
}
