//! Where each person sits. No randomness and no platform maths: the start is a
//! sunflower spiral (turned by a constant rotation), the forces run a fixed
//! number of rounds in node order, sine and cosine are a fixed series, and the
//! result is rounded to tenths — the same picture from the same data anywhere.

use super::graph::Web;
use std::collections::HashMap;

/// The preferred length of a line (layout units ≈ CSS pixels at zoom 1).
pub const EDGE: f64 = 70.0;
/// Empty space kept between two nodes' circles.
pub const GAP: f64 = 6.0;
/// Rounds of the force layout.
pub const ROUNDS: usize = 160;
/// Space around the nodes for the names written under them.
pub const PAD_X: f64 = 80.0;
pub const PAD_Y: f64 = 30.0;
/// Room for the names written outward from the ring.
pub const RING_PAD: f64 = 240.0;

/// Positions (centres), radii and the frame they all fit in, plus where each
/// name is written.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Placed {
    pub x: Vec<f64>,
    pub y: Vec<f64>,
    pub r: Vec<f64>,
    /// The frame: every node (and its name) lies in `0..w × 0..h`.
    pub w: f64,
    pub h: f64,
    /// Each name's anchor point and alignment ("start", "middle", "end").
    pub label: Vec<(f64, f64, &'static str)>,
    /// Each name's turn in whole degrees (the ring writes names along its spokes; 0 elsewhere).
    pub turn: Vec<i32>,
}

/// A node's radius from its number of events: the area grows with them.
pub fn radius(events: u32) -> f64 {
    (4.0 + 1.3 * (events as f64).sqrt()).min(20.0)
}

fn tenth(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// Sine and cosine by a fixed series (the platform's `sin`/`cos` may differ in
/// the last bit between a browser's wasm and a native build).
pub fn sincos(t: f64) -> (f64, f64) {
    const PI: f64 = std::f64::consts::PI;
    let mut t = t % (2.0 * PI);
    if t > PI {
        t -= 2.0 * PI;
    } else if t < -PI {
        t += 2.0 * PI;
    }
    let (mut s, mut c) = (0.0, 0.0);
    let (mut ts, mut tc) = (t, 1.0);
    for k in 0..12 {
        s += ts;
        c += tc;
        let (a, b) = ((2 * k + 2) as f64, (2 * k + 3) as f64);
        ts *= -t * t / (a * b);
        tc *= -t * t / ((2 * k + 1) as f64 * a);
    }
    (s, c)
}

/// The whole web: a force layout (lines pull, nodes push apart within a
/// range, a light pull to the middle keeps separate groups near), then
/// overlaps removed, then moved into a frame.
pub fn layout(web: &Web) -> Placed {
    let n = web.people.len();
    let r: Vec<f64> = web.events.iter().map(|&e| radius(e)).collect();
    let mut degree = vec![0u32; n];
    for e in &web.edges {
        degree[e.a as usize] += 1;
        degree[e.b as usize] += 1;
    }
    // The start: the best-connected nearest the middle, on a sunflower spiral.
    let mut order: Vec<(u32, u32)> = (0..n as u32)
        .map(|i| (u32::MAX - degree[i as usize], i))
        .collect();
    order.sort_unstable();
    let (mut x, mut y) = (vec![0.0f64; n], vec![0.0f64; n]);
    let (gc, gs) = (-0.7373688780783197f64, 0.6754902942615238f64);
    let (mut dx, mut dy) = (1.0f64, 0.0f64);
    for (k, &(_, i)) in order.iter().enumerate() {
        let rad = EDGE * 0.7 * (k as f64 + 0.5).sqrt();
        x[i as usize] = dx * rad;
        y[i as usize] = dy * rad;
        (dx, dy) = (dx * gc - dy * gs, dx * gs + dy * gc);
    }
    let weight: Vec<f64> = web
        .edges
        .iter()
        .map(|e| match e.kind {
            Some(_) => 1.0,
            None => 0.1 + 0.05 * (e.shared.min(8) as f64),
        })
        .collect();
    let cut = 1.6 * EDGE;
    let k2 = 2.0 * EDGE * EDGE;
    let (mut fx, mut fy) = (vec![0.0f64; n], vec![0.0f64; n]);
    let mut grid: HashMap<(i64, i64), Vec<u32>> = HashMap::new();
    // Large webs get fewer rounds (the time grows with the people near each one).
    let rounds = if n <= 250 {
        ROUNDS
    } else {
        (ROUNDS * 250 / n).max(40)
    };
    for round in 0..rounds {
        let temp = EDGE * 1.5 * (1.0 - round as f64 / rounds as f64) + 0.5;
        grid.values_mut().for_each(Vec::clear);
        for i in 0..n {
            grid.entry(cell(x[i], y[i], cut))
                .or_default()
                .push(i as u32);
        }
        for i in 0..n {
            let (cx, cy) = cell(x[i], y[i], cut);
            let (mut ax, mut ay) = (-0.005 * x[i], -0.005 * y[i]);
            for &j in around((cx, cy))
                .iter()
                .filter_map(|c| grid.get(c))
                .flatten()
            {
                let j = j as usize;
                if j == i {
                    continue;
                }
                let (ddx, ddy) = (x[i] - x[j], y[i] - y[j]);
                let d2 = ddx * ddx + ddy * ddy;
                if d2 >= cut * cut {
                    continue;
                }
                let d2 = d2.max(1.0);
                // k²/d along the unit vector: k² · Δ / d².
                ax += k2 * ddx / d2;
                ay += k2 * ddy / d2;
            }
            fx[i] = ax;
            fy[i] = ay;
        }
        for (e, w) in web.edges.iter().zip(&weight) {
            let (a, b) = (e.a as usize, e.b as usize);
            let (ddx, ddy) = (x[b] - x[a], y[b] - y[a]);
            let d = (ddx * ddx + ddy * ddy).sqrt();
            // d²/k along the unit vector (Δ · d / k), no stronger than at
            // 2k: a few long lines do not crush the picture into a ball.
            let m = d.min(2.0 * EDGE);
            let f = if d > 0.0 { w * m * m / (EDGE * d) } else { 0.0 };
            fx[a] += ddx * f;
            fy[a] += ddy * f;
            fx[b] -= ddx * f;
            fy[b] -= ddy * f;
        }
        for i in 0..n {
            let len = (fx[i] * fx[i] + fy[i] * fy[i]).sqrt();
            if len > 0.0 {
                let step = len.min(temp) / len;
                x[i] += fx[i] * step;
                y[i] += fy[i] * step;
            }
        }
    }
    separate(&mut x, &mut y, &r);
    frame(x, y, r, (PAD_X, PAD_Y), |_, r| (0.0, r + 14.0, "middle", 0))
}

fn cell(x: f64, y: f64, size: f64) -> (i64, i64) {
    ((x / size).floor() as i64, (y / size).floor() as i64)
}

/// The 3 × 3 cells around a cell, in a fixed order (column by column): with
/// each cell's nodes as they were put in, the layout is the same every time.
fn around((cx, cy): (i64, i64)) -> [(i64, i64); 9] {
    let mut out = [(0, 0); 9];
    for (k, c) in out.iter_mut().enumerate() {
        *c = (cx - 1 + k as i64 / 3, cy - 1 + k as i64 % 3);
    }
    out
}

/// Pushes apart every two nodes closer than their radii and [`GAP`], in node
/// order, until none is (or a fixed number of rounds has passed).
fn separate(x: &mut [f64], y: &mut [f64], r: &[f64]) {
    let n = x.len();
    let rmax = r.iter().copied().fold(0.0, f64::max);
    let size = 2.0 * rmax + GAP + 1.0;
    let mut grid: HashMap<(i64, i64), Vec<u32>> = HashMap::new();
    // First the whole picture is spread (about the middle) until most nodes
    // are clear of their nearest neighbour; the pushes then only fix the rest.
    for i in 0..n {
        grid.entry(cell(x[i], y[i], size))
            .or_default()
            .push(i as u32);
    }
    let mut ratios: Vec<u64> = Vec::with_capacity(n);
    for i in 0..n {
        let (cx, cy) = cell(x[i], y[i], size);
        let mut worst = 0.0f64;
        for gx in cx - 1..=cx + 1 {
            for gy in cy - 1..=cy + 1 {
                for &j in grid.get(&(gx, gy)).map_or(&[][..], Vec::as_slice) {
                    let j = j as usize;
                    if j != i {
                        let d = ((x[j] - x[i]).powi(2) + (y[j] - y[i]).powi(2))
                            .sqrt()
                            .max(1.0);
                        worst = worst.max((r[i] + r[j] + GAP + 0.5) / d);
                    }
                }
            }
        }
        ratios.push((worst.min(4.0) * 1e6) as u64);
    }
    ratios.sort_unstable();
    if let Some(&q) = ratios.get(n * 8 / 10) {
        let s = q as f64 / 1e6;
        if s > 1.0 {
            x.iter_mut().for_each(|v| *v *= s);
            y.iter_mut().for_each(|v| *v *= s);
        }
    }
    for _ in 0..200 {
        grid.clear();
        for i in 0..n {
            grid.entry(cell(x[i], y[i], size))
                .or_default()
                .push(i as u32);
        }
        let mut moved = false;
        for i in 0..n {
            let (cx, cy) = cell(x[i], y[i], size);
            for &j in around((cx, cy))
                .iter()
                .filter_map(|c| grid.get(c))
                .flatten()
            {
                let j = j as usize;
                if j <= i {
                    continue;
                }
                // Kept a little wider than needed, so rounding to tenths keeps the gap.
                let need = r[i] + r[j] + GAP + 0.5;
                let (mut ddx, mut ddy) = (x[j] - x[i], y[j] - y[i]);
                let mut d = (ddx * ddx + ddy * ddy).sqrt();
                if d >= need - 0.01 {
                    continue;
                }
                if d < 1e-9 {
                    (ddx, ddy, d) = (1.0, 0.0, 1.0);
                }
                let push = (need - d) / 2.0 / d;
                x[i] -= ddx * push;
                y[i] -= ddy * push;
                x[j] += ddx * push;
                y[j] += ddy * push;
                moved = true;
            }
        }
        if !moved {
            break;
        }
    }
}

/// Moves the nodes into a frame with room for the names, rounded to tenths;
/// `label(dx, dy, r)` gives a name's offset direction and alignment.
fn frame(
    mut x: Vec<f64>,
    mut y: Vec<f64>,
    r: Vec<f64>,
    (pad_x, pad_y): (f64, f64),
    label: impl Fn(usize, f64) -> (f64, f64, &'static str, i32),
) -> Placed {
    let n = x.len();
    if n == 0 {
        return Placed {
            w: 2.0 * pad_x,
            h: 2.0 * pad_y,
            ..Placed::default()
        };
    }
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for i in 0..n {
        x0 = x0.min(x[i] - r[i]);
        y0 = y0.min(y[i] - r[i]);
        x1 = x1.max(x[i] + r[i]);
        y1 = y1.max(y[i] + r[i]);
    }
    let mut labels = Vec::with_capacity(n);
    let mut turn = Vec::with_capacity(n);
    for i in 0..n {
        let (lx, ly, anchor, t) = label(i, r[i]);
        x[i] = tenth(x[i] - x0 + pad_x);
        y[i] = tenth(y[i] - y0 + pad_y);
        labels.push((tenth(x[i] + lx), tenth(y[i] + ly), anchor));
        turn.push(t);
    }
    Placed {
        x,
        y,
        r,
        w: (x1 - x0 + 2.0 * pad_x).ceil(),
        h: (y1 - y0 + 2.0 * pad_y).ceil(),
        label: labels,
        turn,
    }
}

/// The ego picture: node 0 in the middle, the others on a ring in their order
/// (starting at the top, clockwise), far enough apart not to touch; names
/// written outward along the spokes (turned so none reads upside down).
pub fn ring(web: &Web) -> Placed {
    const PI: f64 = std::f64::consts::PI;
    let n = web.people.len();
    let r: Vec<f64> = web.events.iter().map(|&e| radius(e).min(12.0)).collect();
    let (mut x, mut y) = (vec![0.0f64; n], vec![0.0f64; n]);
    let mut turns = vec![0i32; n];
    let k = n.saturating_sub(1);
    if k > 0 {
        // Side by side along the ring: the circles, or a line of text, whichever is wider.
        // (A chord is shorter than its arc: at most by a fifth, with three or more around.)
        let widest = r[1..].iter().copied().fold(0.0, f64::max);
        let around = k as f64 * (2.0 * widest + GAP + 1.0).max(16.0) * 1.25;
        let rad = (around / (2.0 * PI)).max(110.0).max(r[0] + 90.0);
        for i in 1..n {
            let step = (i - 1) as f64 / k as f64;
            let t = -PI / 2.0 + 2.0 * PI * step;
            let (s, c) = sincos(t);
            x[i] = rad * c;
            y[i] = rad * s;
            // The spoke's direction in degrees (0 = rightward, clockwise).
            let deg = (-90.0 + 360.0 * step).round() as i32;
            turns[i] = if c >= -1e-9 { deg } else { deg - 180 };
        }
    }
    let (cx, cy) = (x.clone(), y.clone());
    frame(x, y, r, (RING_PAD, RING_PAD), |i, r| {
        // Outward from the person in the middle (at 0, 0 before the frame).
        let (dx, dy) = (cx[i], cy[i]);
        let d = (dx * dx + dy * dy).sqrt();
        if d < 1e-6 {
            return (0.0, r + 14.0, "middle", 0);
        }
        let (ux, uy) = (dx / d, dy / d);
        (
            ux * (r + 5.0),
            uy * (r + 5.0),
            if ux >= -1e-9 { "start" } else { "end" },
            turns[i],
        )
    })
}

/// Which names to write: the most important first (`rank`: node indices in
/// order of importance), each unless it would cover a name already written or
/// a node other than its own. `chars[i]` is the length of node i's name; a
/// character is taken as 6.5 units wide and a name 13 high, centred on its anchor.
pub fn named(p: &Placed, chars: &[usize], rank: &[u32]) -> Vec<bool> {
    let n = p.x.len();
    let mut out = vec![false; n];
    let mut boxes: Vec<(f64, f64, f64, f64)> = Vec::new();
    for &i in rank {
        let i = i as usize;
        let (lx, ly, anchor) = p.label[i];
        let w = chars[i] as f64 * 6.5;
        let x0 = match anchor {
            "start" => lx,
            "end" => lx - w,
            _ => lx - w / 2.0,
        };
        let b = (x0, ly - 11.0, x0 + w, ly + 2.0);
        let hits_box = boxes
            .iter()
            .any(|o| b.0 < o.2 && o.0 < b.2 && b.1 < o.3 && o.1 < b.3);
        let hits_node = (0..n).any(|j| {
            j != i
                && p.x[j] + p.r[j] > b.0
                && p.x[j] - p.r[j] < b.2
                && p.y[j] + p.r[j] > b.1
                && p.y[j] - p.r[j] < b.3
        });
        if !hits_box && !hits_node {
            boxes.push(b);
            out[i] = true;
        }
    }
    out
}
