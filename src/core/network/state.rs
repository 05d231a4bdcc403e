//! The link of the web of people, and the part of the web shown.
//!
//! ```text
//! #/network?<people index filter>&sel=alikhan-bukeikhan&at=420,310,2.5
//! ```

use crate::core::link::{LinkState, Param};
use crate::core::map::num::{decimal, fixed};
use crate::core::people::IndexState;

use crate::core::camera::Frame;
pub use crate::core::camera::{Camera, Screen};

pub const MIN_ZOOM: f64 = 1.0;
pub const MAX_ZOOM: f64 = 8.0;

/// A layout's frame `w × h` for the shared camera arithmetic (`core::camera`).
pub fn frame(w: f64, h: f64) -> Frame {
    Frame {
        w,
        h,
        min_zoom: MIN_ZOOM,
        max_zoom: MAX_ZOOM,
    }
}

/// Everything the web's link holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NetworkState {
    /// Which people: the people index's filter (its sort and page do nothing here).
    pub people: IndexState,
    /// The person whose neighbourhood is highlighted (dataset index).
    pub sel: Option<u16>,
    /// The part shown: centre (layout units) and zoom in hundredths.
    pub at: Option<(i32, i32, u32)>,
}

impl NetworkState {
    /// The web of the people an index link selects.
    pub fn of(people: IndexState) -> NetworkState {
        NetworkState {
            people,
            ..NetworkState::default()
        }
    }

    /// The camera of the link, or the whole frame.
    pub fn camera(&self, w: f64, h: f64) -> Camera {
        match self.at {
            Some((x, y, z)) => Camera {
                x: x as f64,
                y: y as f64,
                zoom: z as f64 / 100.0,
            }
            .clamped(frame(w, h)),
            None => Camera::home(frame(w, h)),
        }
    }

    /// Writes a camera into the link (whole units, zoom in hundredths).
    pub fn set_camera(&mut self, c: Camera) {
        self.at = Some((
            c.x.round() as i32,
            c.y.round() as i32,
            (c.zoom * 100.0).round() as u32,
        ));
    }
}

fn read_at(v: &str) -> Option<(i32, i32, u32)> {
    let mut p = v.split(',');
    let x = p.next()?.trim().parse::<i32>().ok()?;
    let y = p.next()?.trim().parse::<i32>().ok()?;
    let z = p.next().map_or(Some(1.0), decimal)?;
    if p.next().is_some() || !(MIN_ZOOM..=MAX_ZOOM).contains(&z) {
        return None;
    }
    Some((x, y, (z * 100.0).round() as u32))
}

static PARAMS: [Param<NetworkState>; 2] = [
    Param {
        key: "sel",
        doc: "the person whose relations and companions are highlighted (a person id)",
        read: |s, ds, v, n| match ds.person_index(v.trim()) {
            Some(i) => s.sel = Some(i as u16),
            None => n.bad("sel", v, "use the id of a person, as in #/people/<id>"),
        },
        write: |s, ds, q| q.opt("sel", s.sel.map(|p| ds.people[p as usize].id)),
    },
    Param {
        key: "at",
        doc: "the part of the web shown: centre x, y (layout units) and zoom (1–8)",
        read: |s, _, v, n| match read_at(v) {
            Some(a) => s.at = Some(a),
            None => n.bad("at", v, "use at=<x>,<y>,<zoom>, e.g. at=400,300,2"),
        },
        write: |s, _, q| {
            let at =
                s.at.map(|(x, y, z)| format!("{x},{y},{}", fixed(z as f64 / 100.0, 2)));
            q.opt("at", at)
        },
    },
];

impl LinkState for NetworkState {
    const PATH: &'static str = "#/network";

    fn params() -> &'static [Param<Self>] {
        &PARAMS
    }

    fn inner(&mut self) -> Option<&mut dyn crate::core::link::Inner> {
        Some(&mut self.people)
    }

    fn inner_ref(&self) -> Option<&dyn crate::core::link::Inner> {
        Some(&self.people)
    }
}
