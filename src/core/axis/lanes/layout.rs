//! Laying a prepared result out for one frame: projection, stacking into rows,
//! clusters, and the element budget.

use super::*;
use crate::core::axis::marks::{Extent, Shape};
use crate::core::axis::scale::Scale;
use crate::core::stats;
use std::collections::BTreeMap;

impl Prepared {
    /// Prepares a filter result (`events`: dataset indices, as `filter::apply`
    /// gives them). `strands`: the strands the filter selects (`filter.list(Facet::Strand)`),
    /// which alone get lanes when there are any.
    pub fn new(ds: &Dataset, events: &[u32], by: LaneBy, strands: &[u32]) -> Prepared {
        // Lanes and claims of all events in two flat vectors, then one pass.
        let mut keys: Vec<LaneKey> = Vec::with_capacity(events.len() * 2);
        let mut claims: Vec<Date> = Vec::new();
        let mut rows: Vec<(u32, usize, usize, usize, usize)> = Vec::with_capacity(events.len());
        for &i in events {
            let Some(e) = ds.events.get(i as usize) else {
                continue;
            };
            let k0 = keys.len();
            match by {
                LaneBy::Strand => {
                    for &t in e.tags {
                        let key = LaneKey::Strand(t);
                        if (strands.is_empty() || strands.contains(&u32::from(t)))
                            && !keys[k0..].contains(&key)
                        {
                            keys.push(key);
                        }
                    }
                    // Not in a selected strand (not from this filter): its own strands.
                    if keys.len() == k0 {
                        for &t in e.tags {
                            if !keys[k0..].contains(&LaneKey::Strand(t)) {
                                keys.push(LaneKey::Strand(t));
                            }
                        }
                    }
                }
                LaneBy::Type => keys.push(LaneKey::Type(e.kind)),
                LaneBy::Single => keys.push(LaneKey::All),
            }
            let c0 = claims.len();
            if !e.disputes.is_empty() {
                claims.extend(stats::claimed_dates(ds, e));
            }
            rows.push((i, k0, keys.len(), c0, claims.len()));
        }
        Prepared::from_parts(rows.iter().map(|&(i, k0, k1, c0, c1)| {
            let e = &ds.events[i as usize];
            Part {
                event: i,
                date: e.date,
                disputed: !e.disputes.is_empty(),
                lanes: &keys[k0..k1],
                claims: &claims[c0..c1],
            }
        }))
    }

    /// Prepares any events (the synthetic benchmarks and tests use this).
    pub fn from_parts<'a>(parts: impl Iterator<Item = Part<'a>>) -> Prepared {
        let mut lanes: BTreeMap<LaneKey, LanePrep> = BTreeMap::new();
        let mut claims = Vec::new();
        let mut events = 0;
        let (mut lo, mut hi) = (i32::MAX, i32::MIN);
        for p in parts {
            events += 1;
            let ext = Extent::of(&p.date);
            lo = lo.min(ext.start);
            hi = hi.max(ext.end);
            let mut look = ext.look;
            look.disputed = p.disputed;
            let first = claims.len() as u32;
            claims.extend(p.claims.iter().map(|d| Extent::of(d).days()));
            let claims_range = (first, claims.len() as u32);
            let month = crate::core::axis::month_index(ext.start);
            let own: &[LaneKey] = if p.lanes.is_empty() {
                &[LaneKey::All]
            } else {
                p.lanes
            };
            for (k, &key) in own.iter().enumerate() {
                let lane = lanes.entry(key).or_insert_with(|| LanePrep {
                    key,
                    items: Vec::new(),
                    max_end: Vec::new(),
                    claims_before: Vec::new(),
                    events: 0,
                });
                lane.events += u32::from(k == 0);
                lane.items.push(Item {
                    event: p.event,
                    start: ext.start,
                    end: ext.end,
                    look,
                    echo: k > 0,
                    claims: claims_range,
                    month,
                });
            }
        }
        let lanes = lanes
            .into_values()
            .map(|mut l| {
                l.items
                    .sort_by_key(|it| (it.start, it.end, it.event, it.echo));
                let mut m = i32::MIN;
                l.max_end = l
                    .items
                    .iter()
                    .map(|it| {
                        m = m.max(it.end);
                        m
                    })
                    .collect();
                let mut c = 0;
                l.claims_before = std::iter::once(0)
                    .chain(l.items.iter().map(|it| {
                        c += it.claims.1 - it.claims.0;
                        c
                    }))
                    .collect();
                l
            })
            .collect();
        Prepared {
            lanes,
            claims,
            events,
            span: (lo <= hi).then_some((lo, hi)),
        }
    }

    /// Events prepared (each once, whatever its lanes).
    pub fn events(&self) -> usize {
        self.events
    }

    /// The lanes, in order (vocabulary order, then `All`).
    pub fn lane_keys(&self) -> impl Iterator<Item = LaneKey> + '_ {
        self.lanes.iter().map(|l| l.key)
    }

    /// The days `[start, end)` every event lies in (for "fit to the results":
    /// `Window::fit(prepared.span().into_iter(), &limits)`).
    pub fn span(&self) -> Option<(i32, i32)> {
        self.span
    }

    /// Lays the lanes out on `scale` into `out` (cleared first). Cheap enough
    /// for every frame: allocates only when `out` must grow.
    pub fn layout(&self, scale: &Scale, o: &Options, out: &mut Layout) {
        out.lanes.clear();
        out.marks.clear();
        out.clusters.clear();
        out.claims.clear();
        #[cfg(test)]
        out.trace.clear();
        let rows = usize::from(o.max_rows);
        out.rows_end.clear();
        out.rows_end.resize(rows, f64::NEG_INFINITY);
        let g = Geometry::new(scale, o);

        self.cull(scale, &g, o, out);
        let u0 = CLUSTER_UNITS
            .iter()
            .position(|u| u.min_days() * scale.px_per_day() >= o.cluster_px.max(o.gap_px))
            .unwrap_or(CLUSTER_UNITS.len() - 1);
        // Levels until a mark reserves twice the width (then at most three a row).
        let mut levels = 0;
        while o.min_px.max(1.0) * f64::from(1u32 << levels) < 2.0 * scale.width && levels < 24 {
            levels += 1;
        }
        let mut first_row = 0;
        for (li, lane) in self.lanes.iter().enumerate() {
            let (lo, hi, need) = out.ranges[li];
            let budget = out.budgets[li];
            let mut done = None;
            let mut level = 0;
            while level <= levels {
                let unit = CLUSTER_UNITS[(u0 + level).min(CLUSTER_UNITS.len() - 1)];
                let cell = if level == 0 {
                    0.0
                } else {
                    o.min_px.max(1.0) * f64::from(1u32 << level)
                };
                // Within budget whatever happens: no need to check as we go.
                let limit = if need <= budget { usize::MAX } else { budget };
                match self.pass(
                    lane.key,
                    li as u16,
                    &lane.items[lo..hi],
                    &g,
                    rows,
                    unit,
                    cell,
                    limit,
                    out,
                ) {
                    Ok(s) => {
                        done = Some((s, level));
                        break;
                    }
                    Err(x) => {
                        // The budget ran out at x: about width / x times too
                        // many marks; each level halves them.
                        let f = (x / g.scale.width).clamp(1.0 / 1024.0, 1.0);
                        level = (level + 1).max(level + (1.0 / f).log2().floor() as usize);
                    }
                }
            }
            let (mut stats, level) = match done {
                Some(d) => d,
                None => {
                    // Count everything in clusters of the coarsest bucket, or in one.
                    let unit = CLUSTER_UNITS[(u0 + levels).min(CLUSTER_UNITS.len() - 1)];
                    match self.pass(
                        lane.key,
                        li as u16,
                        &lane.items[lo..hi],
                        &g,
                        0,
                        unit,
                        0.0,
                        budget,
                        out,
                    ) {
                        Ok(s) => (s, levels + 1),
                        Err(_) => (
                            one_cluster(&lane.items[lo..hi], lane.key, li as u16, &g, out),
                            levels + 2,
                        ),
                    }
                }
            };
            stats.key = lane.key;
            stats.first_row = first_row;
            stats.events = lane.events;
            stats.items = lane.items.len() as u32;
            stats.earlier += lo as u32;
            stats.later += (lane.items.len() - hi) as u32;
            stats.level = level.min(255) as u8;
            #[cfg(test)]
            for it in lane.items[..lo].iter().chain(&lane.items[hi..]) {
                let fate = if f64::from(it.end) < scale.window.start {
                    Fate::Earlier
                } else {
                    Fate::Later
                };
                trace(out, li as u16, it, fate);
            }
            first_row += stats.height();
            out.lanes.push(stats);
        }
    }

    /// Culls each lane to the window (`out.ranges`: lo, hi, need) and shares
    /// the element budget by need, the smallest first (`out.budgets`).
    fn cull(&self, scale: &Scale, g: &Geometry, o: &Options, out: &mut Layout) {
        out.ranges.clear();
        for lane in &self.lanes {
            let ws = scale.window.start - g.margin_days;
            let we = scale.window.end + g.margin_days;
            let hi = lane.items.partition_point(|it| f64::from(it.start) <= we);
            let lo = lane.max_end.partition_point(|&e| f64::from(e) < ws).min(hi);
            let need = (hi - lo) + (lane.claims_before[hi] - lane.claims_before[lo]) as usize;
            out.ranges.push((lo, hi, need));
        }
        let n = self.lanes.len();
        let mut left = o.max_elements.max(n);
        out.order.clear();
        out.order.extend(0..n);
        let ranges = &out.ranges;
        out.order.sort_unstable_by_key(|&i| (ranges[i].2, i));
        out.budgets.clear();
        out.budgets.resize(n, 0);
        for (k, &i) in out.order.iter().enumerate() {
            let share = (left / (n - k)).max(1);
            let b = out.ranges[i].2.min(share).max(1);
            out.budgets[i] = b;
            left = left.saturating_sub(b);
        }
    }

    /// One layout of one lane; `Err(x)` when it would exceed `limit` elements
    /// at pixel `x` (what it pushed is taken back).
    #[allow(clippy::too_many_arguments)]
    fn pass(
        &self,
        key: LaneKey,
        li: u16,
        items: &[Item],
        g: &Geometry,
        rows: usize,
        unit: Unit,
        cell: f64,
        limit: usize,
        out: &mut Layout,
    ) -> Result<Lane, f64> {
        let mut run = Run::new(li, unit, limit, out);
        let first_day = g.scale.window.start.floor() as i32;
        let first_month = crate::core::axis::month_index(first_day);
        out.rows_end[..rows].fill(f64::NEG_INFINITY);
        // The earliest end of a row: a box starting before it finds no row.
        let mut free_from = if rows == 0 {
            f64::INFINITY
        } else {
            f64::NEG_INFINITY
        };
        let mut s = Lane::empty(key);
        for it in items {
            let (x0, x1, d0, d1) = g.boxed(it);
            if x1 < 0.0 || x0 > g.scale.width {
                let earlier = x1 < 0.0;
                if earlier {
                    s.earlier += 1;
                } else {
                    s.later += 1;
                }
                #[cfg(test)]
                trace(
                    out,
                    li,
                    it,
                    if earlier { Fate::Earlier } else { Fate::Later },
                );
                continue;
            }
            let b = if it.start >= first_day {
                unit.bucket_of(it.start, it.month)
            } else {
                unit.bucket_of(first_day, first_month)
            };
            let row = if free_from + g.gap > x0 {
                None
            } else {
                (0..rows).find(|&r| out.rows_end[r] + g.gap <= x0)
            };
            let Some(r) = row else {
                if !run.cluster(it, b, g, out) {
                    return run.abort(x0, out);
                }
                s.clustered += 1;
                continue;
            };
            if run.used(out) + 1 + (it.claims.1 - it.claims.0) as usize > limit {
                return run.abort(x0, out);
            }
            self.mark(it, li, r as u16, (x0, x1, d0, d1), g, out);
            out.rows_end[r] = x1.max(x0 + cell);
            free_from = out.rows_end[..rows]
                .iter()
                .copied()
                .fold(f64::INFINITY, f64::min);
            s.rows = s.rows.max(r as u16 + 1);
            s.drawn += 1;
            run.placed = Some(b);
            if run.cur == Some(b) {
                if let Some(c) = out.clusters.last_mut() {
                    c.complete = false;
                }
            }
        }
        s.cluster_row = out.clusters.len() > run.c0;
        for c in &mut out.clusters[run.c0..] {
            c.row = s.rows;
        }
        Ok(s)
    }

    /// Draws `it` in row `r`: its mark and its claim ticks.
    fn mark(
        &self,
        it: &Item,
        li: u16,
        row: u16,
        (x0, x1, d0, d1): (f64, f64, f64, f64),
        g: &Geometry,
        out: &mut Layout,
    ) {
        let first = out.claims.len() as u32;
        for &(a, b) in &self.claims[it.claims.0 as usize..it.claims.1 as usize] {
            out.claims
                .push((g.scale.x(f64::from(a)), g.scale.x(f64::from(b))));
        }
        out.marks.push(Mark {
            event: it.event,
            lane: li,
            row,
            x0,
            x1,
            d0,
            d1,
            look: it.look,
            echo: it.echo,
            claims: (first, out.claims.len() as u32),
        });
        #[cfg(test)]
        trace(out, li, it, Fate::Drawn(out.marks.len() - 1));
    }
}

/// The last resort: the lane's visible events in one cluster over the width.
fn one_cluster(items: &[Item], key: LaneKey, li: u16, g: &Geometry, out: &mut Layout) -> Lane {
    let mut s = Lane::empty(key);
    let first_day = g.scale.window.start.floor() as i32;
    let (mut d0, mut d1) = (i32::MAX, i32::MIN);
    for it in items {
        let (x0, x1, _, _) = g.boxed(it);
        #[cfg(test)]
        let fate;
        if x1 < 0.0 {
            s.earlier += 1;
            #[cfg(test)]
            {
                fate = Fate::Earlier;
            }
        } else if x0 > g.scale.width {
            s.later += 1;
            #[cfg(test)]
            {
                fate = Fate::Later;
            }
        } else {
            s.clustered += 1;
            let day = it.start.max(first_day);
            (d0, d1) = (d0.min(day), d1.max(day + 1));
            #[cfg(test)]
            {
                fate = Fate::Clustered(out.clusters.len());
            }
        }
        #[cfg(test)]
        trace(out, li, it, fate);
    }
    if s.clustered > 0 {
        let h = g.gap / 2.0;
        out.clusters.push(Cluster {
            lane: li,
            row: 0,
            x0: h,
            x1: (g.scale.width - h).max(h),
            count: s.clustered,
            days: (d0, d1),
            unit: Unit::Days((d1 - d0).clamp(1, 65535) as u16),
            complete: true,
        });
        s.cluster_row = true;
    }
    s
}

/// One pass over a lane: where it started in the layout's vectors (to count
/// what it pushed and take it back), its lane, bucket unit and element limit,
/// the buckets of the last mark drawn and of the lane's last cluster.
struct Run {
    li: u16,
    unit: Unit,
    limit: usize,
    m0: usize,
    c0: usize,
    k0: usize,
    #[cfg(test)]
    t0: usize,
    placed: Option<i64>,
    cur: Option<i64>,
}

impl Run {
    fn new(li: u16, unit: Unit, limit: usize, out: &Layout) -> Run {
        Run {
            li,
            unit,
            limit,
            m0: out.marks.len(),
            c0: out.clusters.len(),
            k0: out.claims.len(),
            #[cfg(test)]
            t0: out.trace.len(),
            placed: None,
            cur: None,
        }
    }

    /// Elements this pass pushed.
    fn used(&self, out: &Layout) -> usize {
        out.marks.len() - self.m0 + out.clusters.len() - self.c0 + out.claims.len() - self.k0
    }

    /// Counts `it` in the lane's cluster of bucket `b` (a new one when the last
    /// is of another bucket); false when that would exceed the limit.
    fn cluster(&mut self, it: &Item, b: i64, g: &Geometry, out: &mut Layout) -> bool {
        match out.clusters.last_mut() {
            Some(c) if self.cur == Some(b) => c.count += 1,
            _ => {
                if self.used(out) + 1 > self.limit {
                    return false;
                }
                let days = self.unit.bucket_days(b);
                let (x0, x1) = g.cluster_box(days);
                out.clusters.push(Cluster {
                    lane: self.li,
                    row: 0,
                    x0,
                    x1,
                    count: 1,
                    days,
                    unit: self.unit,
                    complete: self.placed != Some(b),
                });
                self.cur = Some(b);
            }
        }
        #[cfg(test)]
        trace(out, self.li, it, Fate::Clustered(out.clusters.len() - 1));
        #[cfg(not(test))]
        let _ = it;
        true
    }

    /// Takes back what the pass pushed.
    fn abort(&self, x: f64, out: &mut Layout) -> Result<Lane, f64> {
        out.marks.truncate(self.m0);
        out.clusters.truncate(self.c0);
        out.claims.truncate(self.k0);
        #[cfg(test)]
        out.trace.truncate(self.t0);
        Err(x)
    }
}

#[cfg(test)]
fn trace(out: &mut Layout, lane: u16, it: &Item, fate: Fate) {
    out.trace.push(Traced {
        lane,
        event: it.event,
        echo: it.echo,
        start: it.start,
        fate,
    });
}

/// Pixels of one frame.
struct Geometry<'a> {
    scale: &'a Scale,
    min: f64,
    gap: f64,
    fade: f64,
    /// How far (in days) a box may reach beyond its date.
    margin_days: f64,
}

impl<'a> Geometry<'a> {
    fn new(scale: &'a Scale, o: &Options) -> Geometry<'a> {
        let min = o.min_px.max(0.0);
        let fade = o.fade_px.max(min);
        let gap = o.gap_px.max(0.0);
        Geometry {
            scale,
            min,
            gap,
            fade,
            margin_days: (fade + gap + min) / scale.px_per_day(),
        }
    }

    /// A cluster's box: its bucket, `gap / 2` in from each side, cut to the
    /// width (a bucket is at least `gap` wide, so neighbours keep the gap; one
    /// cut to nothing at an edge shrinks to a line there).
    fn cluster_box(&self, (s, e): (i32, i32)) -> (f64, f64) {
        let h = self.gap / 2.0;
        let a = self.scale.x(f64::from(s)) + h;
        let b = self.scale.x(f64::from(e)) - h;
        let (x0, x1) = (a.max(h), b.min(self.scale.width - h));
        if x0 <= x1 {
            (x0, x1)
        } else if b < h {
            (b, b)
        } else {
            (a, a)
        }
    }

    /// The box and the date's own extent of an item.
    #[inline]
    fn boxed(&self, it: &Item) -> (f64, f64, f64, f64) {
        let d0 = self.scale.x(f64::from(it.start));
        let d1 = self.scale.x(f64::from(it.end));
        match it.look.shape {
            Shape::Before => (d0 - self.fade, d0, d0, d0),
            Shape::After => (d0, d0 + self.fade, d0, d0),
            _ => {
                if d1 - d0 >= self.min {
                    (d0, d1, d0, d1)
                } else {
                    let c = (d0 + d1) / 2.0;
                    (c - self.min / 2.0, c + self.min / 2.0, d0, d1)
                }
            }
        }
    }
}
