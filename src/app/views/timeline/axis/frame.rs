//! One frame of the chart in px: what `core::axis` lays out, ready to draw.

use crate::core::axis::marks::cluster_name;
use crate::core::axis::periods::short_name;
use crate::core::axis::{BandLabel, Bands, Layout, Options, Prepared, Scale, Shape};
use crate::core::dataset::DATASET;
use std::sync::Arc;

/// Heights in px (the SVG is drawn 1 unit = 1 px).
pub const ROW: f64 = 13.0;
const LANE_HEAD: f64 = 15.0;
const LANE_GAP: f64 = 6.0;
pub const TOP: f64 = 34.0;
pub const BAND: f64 = 18.0;
/// Before the chart is measured (and in the prerendered page).
pub const DEFAULT_WIDTH: f64 = 1000.0;

/// Shared data compared by identity (a memo of something without `PartialEq`).
#[derive(Clone)]
pub struct Shared<T>(pub Arc<T>);
impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Clone, PartialEq)]
pub struct MarkV {
    pub event: u32,
    pub x: f64,
    pub w: f64,
    pub y: f64,
    pub shape: Shape,
    pub classes: String,
    pub echo: bool,
    /// Claim ticks (x) of a disputed date.
    pub claims: Vec<f64>,
}

#[derive(Clone, PartialEq)]
pub struct ClusterV {
    pub x: f64,
    pub w: f64,
    pub y: f64,
    pub count: u32,
    pub name: String,
    pub days: (i32, i32),
}

#[derive(Clone, PartialEq)]
pub struct BandV {
    pub x: f64,
    pub w: f64,
    pub y: f64,
    pub style: u8,
    pub label: String,
    pub title: String,
}

/// One frame of the chart, in px.
#[derive(Clone, PartialEq, Default)]
pub struct Frame {
    pub height: f64,
    pub lanes: Vec<(f64, String)>,
    pub marks: Vec<MarkV>,
    pub clusters: Vec<ClusterV>,
    pub ticks: Vec<(f64, String)>,
    pub context: Vec<(f64, String)>,
    pub bands: Vec<BandV>,
    /// Events outside the window, before / after it.
    pub earlier: u32,
    pub later: u32,
}

/// Five rows a lane before events cluster: the chart stays about a screen high.
pub fn options() -> Options {
    Options {
        max_rows: 5,
        ..Options::default()
    }
}

pub fn frame(prepared: &Prepared, bands: &[Bands], schemes: &[usize], scale: &Scale) -> Frame {
    let ds = &DATASET;
    let mut layout = Layout::default();
    prepared.layout(scale, &options(), &mut layout);
    let mut f = Frame::default();
    let mut lane_y = Vec::with_capacity(layout.lanes.len());
    let mut y = TOP;
    for lane in &layout.lanes {
        lane_y.push(y + LANE_HEAD);
        f.lanes.push((y, lane.key.name(ds).to_string()));
        f.earlier += lane.earlier;
        f.later += lane.later;
        y += LANE_HEAD + f64::from(lane.height()) * ROW + LANE_GAP;
    }
    for m in &layout.marks {
        f.marks.push(MarkV {
            event: m.event,
            x: m.x0,
            w: (m.x1 - m.x0).max(1.0),
            y: lane_y[m.lane as usize] + f64::from(m.row) * ROW,
            shape: m.look.shape,
            classes: if m.echo {
                format!("{} echo", m.look.classes())
            } else {
                m.look.classes()
            },
            echo: m.echo,
            claims: layout
                .claims_of(m)
                .iter()
                .map(|c| (c.0 + c.1) / 2.0)
                .collect(),
        });
    }
    for c in &layout.clusters {
        let lane = &layout.lanes[c.lane as usize];
        f.clusters.push(ClusterV {
            x: c.x0,
            w: (c.x1 - c.x0).max(18.0),
            y: lane_y[c.lane as usize] + f64::from(lane.rows) * ROW,
            count: c.count,
            name: cluster_name(c.count, &c.unit.describe(c.days), c.complete),
            days: c.days,
        });
    }
    let ticks = crate::core::axis::ticks::ticks(scale, 48.0);
    f.ticks = ticks
        .ticks
        .iter()
        .map(|t| (t.x, t.label.to_string()))
        .collect();
    f.context = ticks
        .context
        .iter()
        .map(|t| (t.x.max(0.0), t.label.to_string()))
        .collect();
    let mut out = Vec::new();
    for (b, &s) in bands.iter().zip(schemes) {
        out.clear();
        b.project(scale, 7.0, &mut out);
        let periods = &ds.schemes[s].periods;
        for band in &out {
            let p = &periods[band.period as usize];
            let label = match band.label {
                BandLabel::Full => p.name.to_string(),
                BandLabel::Short => short_name(p.name).to_string(),
                BandLabel::None => String::new(),
            };
            f.bands.push(BandV {
                x: band.x0,
                w: (band.x1 - band.x0).max(1.0),
                y: y + f64::from(band.row) * BAND,
                style: band.style,
                label,
                title: format!("{}: {}", p.name, p.date.display()),
            });
        }
        y += f64::from(b.rows().max(1)) * BAND + 4.0;
    }
    f.height = y + 4.0;
    f
}
