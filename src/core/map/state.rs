//! The map's link: the timeline's filter (which events, so a timeline link opens
//! on the map with the same selection), the part of the map shown, and whether
//! present-day borders are drawn.
//!
//! ```text
//! #/map?<filter parameters>&at=66.5,45.2,3&borders=1
//! ```

use super::camera::Camera;
use crate::core::filter::Filter;
use crate::core::link::{self, LinkState, Param};

/// Where the map looks: a centre (lon, lat in hundredths of a degree) and a zoom
/// (hundredths). Kept as integers so a link and its state compare exactly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct At {
    pub lon: i32,
    pub lat: i32,
    pub zoom: u32,
}

impl At {
    pub fn of(cam: &Camera) -> At {
        let (lon, lat) = cam.lonlat();
        At {
            lon: (lon * 100.0).round() as i32,
            lat: (lat * 100.0).round() as i32,
            zoom: (cam.zoom * 100.0).round() as u32,
        }
    }

    pub fn camera(&self) -> Camera {
        Camera::at(
            self.lon as f64 / 100.0,
            self.lat as f64 / 100.0,
            self.zoom as f64 / 100.0,
        )
    }

    fn read(v: &str) -> Option<At> {
        let mut p = v.split(',').map(|x| super::num::decimal(x));
        let (lon, lat, zoom) = (p.next()??, p.next()??, p.next().unwrap_or(Some(1.0))?);
        if p.next().is_some() || !(-180.0..=360.0).contains(&lon) || !(-90.0..=90.0).contains(&lat)
        {
            return None;
        }
        let zoom = zoom.clamp(super::camera::MIN_ZOOM, super::camera::MAX_ZOOM);
        Some(At {
            lon: (lon * 100.0).round() as i32,
            lat: (lat * 100.0).round() as i32,
            zoom: (zoom * 100.0).round() as u32,
        })
    }

    fn write(&self) -> String {
        let f = |v: i32| {
            let s = if v < 0 { "-" } else { "" };
            let v = v.unsigned_abs();
            match v % 100 {
                0 => format!("{s}{}", v / 100),
                c if c % 10 == 0 => format!("{s}{}.{}", v / 100, c / 10),
                c => format!("{s}{}.{c:02}", v / 100),
            }
        };
        format!("{},{},{}", f(self.lon), f(self.lat), f(self.zoom as i32))
    }
}

/// Everything the map's link holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MapState {
    pub filter: Filter,
    /// The part of the map shown; `None`: the story's region ([`super::camera::HOME`]).
    pub at: Option<At>,
    /// Draw present-day borders (faintly, labelled as such).
    pub borders: bool,
}

impl MapState {
    /// The map showing these events.
    pub fn of(filter: Filter) -> MapState {
        MapState {
            filter,
            ..MapState::default()
        }
    }
}

static PARAMS: [Param<MapState>; 2] = [
    Param {
        key: "at",
        doc: "the part of the map shown: centre longitude, latitude and zoom (1 = the whole map)",
        read: |s, _, v, n| match At::read(v) {
            Some(a) => s.at = Some(a),
            None => n.bad(
                "at",
                v,
                "use at=<longitude>,<latitude>,<zoom>, e.g. at=66.5,45,3",
            ),
        },
        write: |s, _, q| q.opt("at", s.at.map(|a| a.write())),
    },
    Param {
        key: "borders",
        doc: "draw present-day borders (borders=1)",
        read: |s, _, v, n| {
            link::read_flag(
                &mut s.borders,
                "borders",
                v,
                n,
                "use borders=1 or borders=0",
            )
        },
        write: |s, _, q| q.flag("borders", s.borders),
    },
];

impl LinkState for MapState {
    const PATH: &'static str = "#/map";
    /// A timeline link's own keys, carried over without a notice.
    const SILENT: &'static [&'static str] = &["page", "periods"];

    fn params() -> &'static [Param<Self>] {
        &PARAMS
    }

    crate::carries!(filter);
}

/// The link to Present mode (`#/present?<filter>`) with a filter: the map and
/// the place pages offer it (`core::timeline::PresentState` is Present mode's link).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PresentLink(pub Filter);

impl PresentLink {
    pub fn href(&self, ds: &crate::core::model::Dataset) -> String {
        crate::core::timeline::PresentState::of(self.0.clone()).href(ds)
    }
}

impl MapState {
    /// Where a marker leads: one place, or several at one point, become the
    /// filter's `place=`; a cluster of places apart zooms in on them.
    pub fn target(
        &self,
        places: &[crate::core::model::Place],
        m: &super::Mark,
        s: super::Screen,
    ) -> MapState {
        let mut next = self.clone();
        let pts: Vec<super::Pt> = m
            .places
            .iter()
            .map(|&i| super::to_map(places[i as usize].lon, places[i as usize].lat))
            .collect();
        let (a, b) = super::camera::bounds(pts.iter().copied());
        let apart = (b.x - a.x).max(b.y - a.y);
        let cam = self.camera(s);
        if m.places.len() == 1 || apart * cam.scale(s) < 2.0 || cam.zoom >= super::camera::MAX_ZOOM
        {
            next.filter.set_list(
                crate::core::filter::Facet::Place,
                m.places.iter().map(|&p| p as u32),
            );
        } else {
            let fit = Camera::fit(a, b, s, 60.0);
            let zoomed = Camera {
                zoom: fit.zoom.max(cam.zoom * 2.0),
                ..fit
            }
            .clamped();
            next.at = Some(At::of(&zoomed));
        }
        next
    }

    /// The camera of the link, or of the story's region.
    pub fn camera(&self, s: super::Screen) -> Camera {
        match self.at {
            Some(a) => a.camera(),
            None => Camera::fit_lonlat(super::HOME, s, 12.0),
        }
    }
}
