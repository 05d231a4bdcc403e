//! What part of the map the screen shows: a centre (map units) and a zoom.
//! The arithmetic of zooming and panning is `core::camera`'s, over the map's
//! frame; zoom 1 shows the whole frame, the zoom stays in [`MIN_ZOOM`, `MAX_ZOOM`].

use super::project::{from_map, to_map, Pt, HEIGHT, WIDTH};

pub use crate::core::camera::Screen;
use crate::core::camera::{self, Frame};

pub const MIN_ZOOM: f64 = 1.0;
pub const MAX_ZOOM: f64 = 40.0;

/// The map's frame for the shared camera arithmetic (`core::camera`).
const FRAME: Frame = Frame {
    w: WIDTH,
    h: HEIGHT,
    min_zoom: MIN_ZOOM,
    max_zoom: MAX_ZOOM,
};

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
    fn flat(self) -> camera::Camera {
        camera::Camera {
            x: self.centre.x,
            y: self.centre.y,
            zoom: self.zoom,
        }
    }

    fn of(c: camera::Camera) -> Camera {
        Camera {
            centre: Pt { x: c.x, y: c.y },
            zoom: c.zoom,
        }
    }

    /// Pixels per map unit.
    pub fn scale(&self, s: Screen) -> f64 {
        self.flat().scale(s, FRAME)
    }

    /// A map point on the screen.
    pub fn to_screen(&self, p: Pt, s: Screen) -> (f64, f64) {
        self.flat().to_screen(p.x, p.y, s, FRAME)
    }

    /// The map point under a screen point.
    pub fn to_map(&self, x: f64, y: f64, s: Screen) -> Pt {
        let (x, y) = self.flat().to_frame(x, y, s, FRAME);
        Pt { x, y }
    }

    /// Keeps the zoom in range and the centre in the frame.
    pub fn clamped(self) -> Camera {
        Camera::of(self.flat().clamped(FRAME))
    }

    /// Zooms by `factor`, keeping the map point under the screen point (x, y) there.
    pub fn zoom_at(self, factor: f64, x: f64, y: f64, s: Screen) -> Camera {
        Camera::of(self.flat().zoom_at(factor, x, y, s, FRAME))
    }

    /// Moves the map by (dx, dy) screen pixels (a drag).
    pub fn pan(self, dx: f64, dy: f64, s: Screen) -> Camera {
        Camera::of(self.flat().pan(dx, dy, s, FRAME))
    }

    /// The camera that shows the box `a`–`b` (map units) with `pad` pixels around.
    pub fn fit(a: Pt, b: Pt, s: Screen, pad: f64) -> Camera {
        Camera::of(camera::Camera::fit((a.x, a.y), (b.x, b.y), s, pad, FRAME))
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
