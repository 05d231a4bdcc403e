//! The map's projection and frame, shared with the basemap build
//! (`scripts/basemap.mjs`: the same constants and formulas, checked against the
//! same known points in both test suites).
//!
//! Albers equal-area conic on the sphere, standard parallels 35° and 55° N,
//! centred on 60° E: areas keep their proportions across the whole frame, which
//! runs from Paris to western China and from the Indian Ocean to the White Sea,
//! and the meridians converge as on a globe (the steppe is not stretched).
//! Map units: the frame is `WIDTH` × `HEIGHT`, y down (the SVG's viewBox).

/// Standard parallels, latitude of origin, central meridian (degrees).
pub const PHI1: f64 = 35.0;
pub const PHI2: f64 = 55.0;
pub const PHI0: f64 = 45.0;
pub const LAMBDA0: f64 = 60.0;

/// The frame in projected units (earth radius 1): x0, y0, x1, y1 (north up).
pub const FRAME: [f64; 4] = [-0.68, -0.45, 0.68, 0.43];
/// The frame's size in map units (the basemap's viewBox).
pub const WIDTH: f64 = 2000.0;
pub const HEIGHT: f64 = 1294.0;

/// A point in map units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pt {
    pub x: f64,
    pub y: f64,
}

/// Albers equal-area conic: lon/lat (degrees) → projected x, y (north up).
pub fn albers(lon: f64, lat: f64) -> (f64, f64) {
    let r = std::f64::consts::PI / 180.0;
    let n = ((PHI1 * r).sin() + (PHI2 * r).sin()) / 2.0;
    let c = (PHI1 * r).cos().powi(2) + 2.0 * n * (PHI1 * r).sin();
    let rho0 = (c - 2.0 * n * (PHI0 * r).sin()).sqrt() / n;
    let rho = (c - 2.0 * n * (lat * r).sin()).max(0.0).sqrt() / n;
    let theta = n * (lon - LAMBDA0) * r;
    (rho * theta.sin(), rho0 - rho * theta.cos())
}

/// Projected x, y → lon/lat (degrees): the inverse of [`albers`].
pub fn albers_inverse(x: f64, y: f64) -> (f64, f64) {
    let r = std::f64::consts::PI / 180.0;
    let n = ((PHI1 * r).sin() + (PHI2 * r).sin()) / 2.0;
    let c = (PHI1 * r).cos().powi(2) + 2.0 * n * (PHI1 * r).sin();
    let rho0 = (c - 2.0 * n * (PHI0 * r).sin()).sqrt() / n;
    let rho2 = x * x + (rho0 - y) * (rho0 - y);
    let theta = x.atan2(rho0 - y);
    let sin_lat = ((c - rho2 * n * n) / (2.0 * n)).clamp(-1.0, 1.0);
    (LAMBDA0 + theta / n / r, sin_lat.asin() / r)
}

/// Map units → lon/lat (degrees).
pub fn from_map(p: Pt) -> (f64, f64) {
    let s = WIDTH / (FRAME[2] - FRAME[0]);
    albers_inverse(p.x / s + FRAME[0], FRAME[3] - p.y / s)
}

/// lon/lat → map units (the frame is `0..WIDTH` × `0..HEIGHT`, y down).
pub fn to_map(lon: f64, lat: f64) -> Pt {
    // Longitudes on this side of the projection's antimeridian.
    let lon = if lon < LAMBDA0 - 180.0 {
        lon + 360.0
    } else {
        lon
    };
    let (x, y) = albers(lon, lat);
    let s = WIDTH / (FRAME[2] - FRAME[0]);
    Pt {
        x: (x - FRAME[0]) * s,
        y: (FRAME[3] - y) * s,
    }
}

/// Whether a point lies in the frame.
pub fn in_frame(p: Pt) -> bool {
    (0.0..=WIDTH).contains(&p.x) && (0.0..=HEIGHT).contains(&p.y)
}

/// The point moved to the nearest point of the frame.
pub fn clamp_to_frame(p: Pt) -> Pt {
    Pt {
        x: p.x.clamp(0.0, WIDTH),
        y: p.y.clamp(0.0, HEIGHT),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same points `e2e/basemap.test.mjs` checks the build's projection at.
    pub const KNOWN: [(&str, f64, f64, f64, f64); 4] = [
        ("Tashkent", 69.24, 41.3, 1175.62, 718.79),
        ("Semey", 80.23, 50.41, 1323.70, 451.49),
        ("Paris", 2.35, 48.86, 116.59, 208.98),
        ("Moscow", 37.62, 55.76, 679.81, 309.58),
    ];

    #[test]
    fn known_places_land_at_their_point() {
        for (name, lon, lat, x, y) in KNOWN {
            let p = to_map(lon, lat);
            assert!(
                (p.x - x).abs() < 0.01 && (p.y - y).abs() < 0.01,
                "{name}: {p:?}"
            );
        }
    }

    #[test]
    fn the_frame_is_the_viewbox_and_north_is_up() {
        let s = WIDTH / (FRAME[2] - FRAME[0]);
        assert!(((FRAME[3] - FRAME[1]) * s - HEIGHT).abs() < 0.5);
        let south = to_map(60.0, 30.0);
        let north = to_map(60.0, 60.0);
        assert!(north.y < south.y && (north.x - south.x).abs() < 1e-9);
        // The central meridian is vertical; meridians east of it lean east going north.
        let (a, b) = (to_map(90.0, 30.0), to_map(90.0, 60.0));
        assert!(b.x < a.x, "meridians converge towards the pole");
    }

    #[test]
    fn the_inverse_gives_the_point_back() {
        for (lon, lat) in [
            (69.24, 41.3),
            (2.35, 48.86),
            (104.2, 35.86),
            (60.0, 45.0),
            (35.7, 65.0),
        ] {
            let (a, b) = from_map(to_map(lon, lat));
            assert!(
                (a - lon).abs() < 1e-9 && (b - lat).abs() < 1e-9,
                "{lon},{lat} → {a},{b}"
            );
        }
    }

    #[test]
    fn every_place_of_the_dataset_is_in_the_frame() {
        for p in crate::core::dataset::DATASET.places {
            assert!(
                in_frame(to_map(p.lon, p.lat)),
                "{} ({}, {})",
                p.id,
                p.lon,
                p.lat
            );
        }
    }
}
