//! One frame of the chart in px: what `core::axis` lays out, ready to draw.

use crate::core::axis::marks::cluster_name;
use crate::core::axis::periods::short_name;
use crate::core::axis::{Band, BandLabel, Bands, Layout, Mark, Options, Prepared, Scale, Shape};
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

/// A mark: its event in one lane (the key its element is kept by) and how it
/// looks, which stay the same from frame to frame, and where it is.
#[derive(Clone, PartialEq)]
pub struct MarkV {
    pub event: u32,
    pub lane: u16,
    pub shape: Shape,
    pub classes: String,
    pub echo: bool,
    pub place: Place,
}

/// Where a mark is drawn in this frame.
#[derive(Clone, PartialEq, Default)]
pub struct Place {
    pub x: f64,
    pub w: f64,
    pub y: f64,
    /// Claim ticks (x) of a disputed date.
    pub claims: Vec<f64>,
}

#[derive(Clone, PartialEq, Default)]
pub struct ClusterV {
    pub x: f64,
    pub w: f64,
    pub y: f64,
    pub count: u32,
    pub name: String,
    pub days: (i32, i32),
}

#[derive(Clone, PartialEq, Default)]
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
    /// What the layout was given (the keys step among the marks it drew).
    pub options: Options,
    /// Events outside the window, before / after it.
    pub earlier: u32,
    pub later: u32,
}

/// The most elements the chart holds, whatever the data (issue #14).
const MAX_ELEMENTS: usize = 1500;
/// The chart's elements besides marks, clusters, ticks, lanes and bands: the
/// svg, its defs, two gradients of two stops.
const OTHER_ELEMENTS: usize = 8;

/// Five rows a lane before events cluster (the chart stays about a screen
/// high), and a budget that keeps the chart within `MAX_ELEMENTS`: the layout
/// counts marks, clusters and claim ticks one each, but a mark is drawn as two
/// elements (its group and its shape) and a cluster as three (group, box,
/// count), so each counts three; `fixed`: the other elements of the frame.
pub fn options(fixed: usize) -> Options {
    Options {
        max_rows: 5,
        max_elements: MAX_ELEMENTS.saturating_sub(fixed + OTHER_ELEMENTS) / 3,
        ..Options::default()
    }
}

/// How far past the chart's edges a mark is drawn: a year's bar zoomed to days
/// would be tens of thousands of pixels wide (slow to paint, its dashed
/// outline most of all), and nothing beyond the edges shows.
const BEYOND: f64 = 10.0;
/// The period of the dashed outline (`stroke-dasharray: 3 2`): a bar cut at
/// its left by a multiple of it keeps its dashes where they were.
const DASHES: f64 = 5.0;

/// A mark's box `x0..x1` cut to the chart's `width` (and a little beyond).
fn cut(x0: f64, x1: f64, width: f64) -> (f64, f64) {
    let x0 = if x0 < -BEYOND {
        x0 + ((-BEYOND - x0) / DASHES).floor() * DASHES
    } else {
        x0
    };
    (x0, x1.min(width + BEYOND).max(x0))
}

/// A position rounded to a tenth of a pixel (what an attribute is set to).
fn px(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

pub fn frame(prepared: &Prepared, bands: &[Bands], schemes: &[usize], scale: &Scale) -> Frame {
    let ds = &DATASET;
    let mut f = Frame::default();
    let ticks = crate::core::axis::ticks::ticks(scale, 48.0);
    f.ticks = ticks
        .ticks
        .iter()
        .map(|t| (px(t.x), t.label.to_string()))
        .collect();
    f.context = ticks
        .context
        .iter()
        .map(|t| (px(t.x.max(0.0)), t.label.to_string()))
        .collect();
    // The bands now (they count against the budget), placed under the lanes later.
    let projected: Vec<Vec<Band>> = bands
        .iter()
        .map(|b| {
            let mut out = Vec::new();
            b.project(scale, 7.0, &mut out);
            out
        })
        .collect();
    let n_bands: usize = projected.iter().map(Vec::len).sum();
    let fixed = 2 * f.ticks.len() + f.context.len() + prepared.lane_keys().count() + 4 * n_bands;
    f.options = options(fixed);
    let mut layout = Layout::default();
    prepared.layout(scale, &f.options, &mut layout);
    let mut lane_y = Vec::with_capacity(layout.lanes.len());
    let mut y = TOP;
    for lane in &layout.lanes {
        lane_y.push(y + LANE_HEAD);
        f.lanes.push((y, lane.key.name(ds).to_string()));
        f.earlier += lane.earlier;
        f.later += lane.later;
        y += LANE_HEAD + f64::from(lane.height()) * ROW + LANE_GAP;
    }
    f.marks = layout
        .marks
        .iter()
        .map(|m| mark_of(&layout, m, &lane_y, scale.width))
        .collect();
    for c in &layout.clusters {
        let lane = &layout.lanes[c.lane as usize];
        f.clusters.push(ClusterV {
            x: px(c.x0),
            w: px((c.x1 - c.x0).max(18.0)),
            y: lane_y[c.lane as usize] + f64::from(lane.rows) * ROW,
            count: c.count,
            name: cluster_name(c.count, &c.unit.describe(c.days), c.complete),
            days: c.days,
        });
    }
    for ((b, &s), out) in bands.iter().zip(schemes).zip(&projected) {
        let periods = &ds.schemes[s].periods;
        for band in out {
            let p = &periods[band.period as usize];
            let label = match band.label {
                BandLabel::Full => p.name.to_string(),
                BandLabel::Short => short_name(p.name).to_string(),
                BandLabel::None => String::new(),
            };
            f.bands.push(BandV {
                x: px(band.x0),
                w: px((band.x1 - band.x0).max(1.0)),
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

/// A mark of the layout in px.
fn mark_of(layout: &Layout, m: &Mark, lane_y: &[f64], width: f64) -> MarkV {
    let (x0, x1) = cut(m.x0, m.x1, width);
    MarkV {
        event: m.event,
        lane: m.lane,
        shape: m.look.shape,
        classes: if m.echo {
            format!("{} echo", m.look.classes())
        } else {
            m.look.classes()
        },
        echo: m.echo,
        place: Place {
            x: px(x0),
            w: px((x1 - x0).max(1.0)),
            y: lane_y[m.lane as usize] + f64::from(m.row) * ROW,
            claims: layout
                .claims_of(m)
                .iter()
                .map(|c| px((c.0 + c.1) / 2.0))
                .collect(),
        },
    }
}
