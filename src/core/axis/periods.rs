//! The bands of a periodisation scheme on the axis.
//!
//! [`Bands::new`] (once per scheme) gives each period its days, a row (periods
//! that overlap — a stage and its substages, or two phases sharing a boundary
//! month — go in different rows, first fit in date order) and a style index.
//! Styles: with a palette at least as large as the scheme (the default, 8, is
//! the largest scheme), every period has its own; with a smaller palette,
//! periods that overlap or touch never share one. [`Bands::project`] (per frame)
//! gives the visible bands' pixels and whether the name fits: whole, only its
//! part before the colon ("Fourth stage, substage 2"), or not at all (the view
//! then names it in a tooltip and the legend). An open bound ("before 1917")
//! runs to the edge of the window and is flagged so the view can fade it.

use crate::core::model::Scheme;

use super::marks::Extent;
use super::scale::Scale;
use crate::core::date::Date;

/// The palette the view's stylesheet defines (`band0` … `band7`).
pub const PALETTE: u8 = 8;

/// How much of a band's name fits in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BandLabel {
    Full,
    Short,
    None,
}

/// A period's band in one frame.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Band {
    /// Index into the scheme's periods.
    pub period: u16,
    pub row: u16,
    /// Within `[0, width]`.
    pub x0: f64,
    pub x1: f64,
    /// The band goes on past the window's left / right edge.
    pub cut_start: bool,
    pub cut_end: bool,
    /// The period is "before X" / "after X".
    pub open_start: bool,
    pub open_end: bool,
    pub style: u8,
    pub label: BandLabel,
}

#[derive(Clone, Copy, Debug, PartialEq)]
struct Prep {
    /// Days `[start, end)`; `None` for an open side.
    start: Option<i32>,
    end: Option<i32>,
    row: u16,
    style: u8,
    chars: usize,
    short_chars: usize,
}

/// A scheme made ready for the axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Bands {
    items: Vec<Prep>,
    rows: u16,
}

/// A period's days `[start, end)`, open sides as `None`.
fn days(date: &Date) -> (Option<i32>, Option<i32>) {
    let x = Extent::of(date);
    match date {
        Date::Before(_) => (None, Some(x.end)),
        Date::After(_) => (Some(x.start), None),
        _ => (Some(x.start), Some(x.end)),
    }
}

/// The part of a period's name before its first colon (the whole name if none).
pub fn short_name(name: &str) -> &str {
    name.split_once(':').map_or(name, |(a, _)| a.trim_end())
}

impl Bands {
    /// Rows and styles of a scheme's periods, with a palette of `palette` styles.
    pub fn new(scheme: &Scheme, palette: u8) -> Bands {
        let spans: Vec<(Option<i32>, Option<i32>)> =
            scheme.periods.iter().map(|p| days(&p.date)).collect();
        let lo = |s: Option<i32>| s.map_or(i64::MIN, i64::from);
        let hi = |e: Option<i32>| e.map_or(i64::MAX, i64::from);
        // First fit in date order (open starts first).
        let mut order: Vec<usize> = (0..spans.len()).collect();
        order.sort_by_key(|&i| (lo(spans[i].0), hi(spans[i].1)));
        let mut row_end: Vec<i64> = Vec::new();
        let mut rows = vec![0u16; spans.len()];
        for &i in &order {
            let (s, e) = (lo(spans[i].0), hi(spans[i].1));
            match row_end.iter().position(|&end| end <= s) {
                Some(r) => {
                    row_end[r] = e;
                    rows[i] = r as u16;
                }
                None => {
                    rows[i] = row_end.len() as u16;
                    row_end.push(e);
                }
            }
        }
        // Styles: one each when the palette allows, else never shared by
        // periods that overlap or touch (greedy, in date order).
        let palette = palette.max(1);
        let mut styles = vec![0u8; spans.len()];
        if spans.len() <= usize::from(palette) {
            for (i, s) in styles.iter_mut().enumerate() {
                *s = i as u8;
            }
        } else {
            for (k, &i) in order.iter().enumerate() {
                let (s, e) = (lo(spans[i].0), hi(spans[i].1));
                let mut used = 0u64;
                for &j in &order[..k] {
                    let (t, f) = (lo(spans[j].0), hi(spans[j].1));
                    if t <= e && s <= f {
                        used |= 1 << (styles[j] % 64);
                    }
                }
                // The previous period in date order always differs too.
                if k > 0 {
                    used |= 1 << (styles[order[k - 1]] % 64);
                }
                styles[i] = (0..palette)
                    .find(|c| used & (1 << c) == 0)
                    .unwrap_or((k % usize::from(palette)) as u8);
            }
        }
        let items = scheme
            .periods
            .iter()
            .enumerate()
            .map(|(i, p)| Prep {
                start: spans[i].0,
                end: spans[i].1,
                row: rows[i],
                style: styles[i],
                chars: p.name.chars().count(),
                short_chars: short_name(p.name).chars().count(),
            })
            .collect();
        Bands {
            items,
            rows: row_end.len() as u16,
        }
    }

    /// Rows the scheme takes.
    pub fn rows(&self) -> u16 {
        self.rows
    }

    /// The style of each period, in the scheme's order.
    pub fn styles(&self) -> impl Iterator<Item = u8> + '_ {
        self.items.iter().map(|p| p.style)
    }

    /// The visible bands on `scale` into `out` (cleared first); a name fits
    /// when its characters times `char_px`, plus 8 px, fit in the band.
    pub fn project(&self, scale: &Scale, char_px: f64, out: &mut Vec<Band>) {
        out.clear();
        let w = scale.width;
        for (i, p) in self.items.iter().enumerate() {
            let a = p.start.map_or(f64::NEG_INFINITY, |d| scale.x(f64::from(d)));
            let b = p.end.map_or(f64::INFINITY, |d| scale.x(f64::from(d)));
            if b <= 0.0 || a >= w {
                continue;
            }
            let (x0, x1) = (a.max(0.0), b.min(w));
            let room = x1 - x0 - 8.0;
            let label = if p.chars as f64 * char_px <= room {
                BandLabel::Full
            } else if p.short_chars as f64 * char_px <= room {
                BandLabel::Short
            } else {
                BandLabel::None
            };
            out.push(Band {
                period: i as u16,
                row: p.row,
                x0,
                x1,
                cut_start: a < 0.0,
                cut_end: b > w,
                open_start: p.start.is_none(),
                open_end: p.end.is_none(),
                style: p.style,
                label,
            });
        }
    }

    /// The periods (indices) that day `day` falls in: Present mode's "in which period".
    pub fn at(&self, day: i32) -> impl Iterator<Item = usize> + '_ {
        self.items.iter().enumerate().filter_map(move |(i, p)| {
            (p.start.is_none_or(|s| s <= day) && p.end.is_none_or(|e| day < e)).then_some(i)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::axis::scale::Window;
    use crate::core::dataset::DATASET;
    use crate::core::date::day_number;

    fn overlap(a: &Prep, b: &Prep) -> bool {
        let lo = |s: Option<i32>| s.map_or(i64::MIN, i64::from);
        let hi = |e: Option<i32>| e.map_or(i64::MAX, i64::from);
        lo(a.start) < hi(b.end) && lo(b.start) < hi(a.end)
    }

    #[test]
    fn every_period_of_every_scheme_has_its_own_style_and_overlaps_get_rows() {
        for scheme in DATASET.schemes {
            let b = Bands::new(scheme, PALETTE);
            let styles: Vec<u8> = b.styles().collect();
            let mut distinct = styles.clone();
            distinct.sort();
            distinct.dedup();
            assert_eq!(distinct.len(), styles.len(), "{}", scheme.id);
            for (i, p) in b.items.iter().enumerate() {
                for q in &b.items[i + 1..] {
                    if overlap(p, q) {
                        assert_ne!(p.row, q.row, "{}", scheme.id);
                    }
                }
            }
        }
    }

    #[test]
    fn a_small_palette_still_tells_neighbours_apart() {
        let basmachi = DATASET.scheme("basmachi-article-phases").unwrap();
        assert_eq!(basmachi.periods.len(), 7);
        let b = Bands::new(basmachi, 4);
        let styles: Vec<u8> = b.styles().collect();
        assert!(styles.iter().all(|&s| s < 4));
        for (i, p) in b.items.iter().enumerate() {
            for (j, q) in b.items.iter().enumerate().skip(i + 1) {
                let touch = overlap(p, q) || p.end == q.start || q.end == p.start;
                if touch || j == i + 1 {
                    assert_ne!(p.style, q.style, "phases {i} and {j}");
                }
            }
        }
    }

    #[test]
    fn bands_are_projected_with_names_that_fit() {
        let four = DATASET.scheme("alash-periods-four-stages").unwrap();
        let b = Bands::new(four, PALETTE);
        let mut out = Vec::new();
        let s = Scale::new(Window::parse("1905/1921").0.unwrap(), 1600.0);
        b.project(&s, 7.0, &mut out);
        assert_eq!(out.len(), four.periods.len());
        let first = out.iter().find(|b| b.period == 0).unwrap();
        assert_eq!(first.x0, s.x(f64::from(day_number(1905, 1, 1))));
        assert_eq!(first.x1, s.x(f64::from(day_number(1917, 8, 1))));
        assert_eq!(first.label, BandLabel::Full);
        // The second stage (Jul–Dec 1917) is narrow: only "Second stage" fits, or nothing.
        let second = out.iter().find(|b| b.period == 3).unwrap();
        assert_ne!(second.label, BandLabel::Full);
        assert_eq!(short_name(four.periods[3].name), "Second stage");
        // Open bounds run to the edge.
        let ryskulov = DATASET.scheme("ryskulov").unwrap();
        Bands::new(ryskulov, PALETTE).project(&s, 7.0, &mut out);
        let before = out.iter().find(|b| b.period == 0).unwrap();
        assert!(before.open_start && before.cut_start && before.x0 == 0.0);
        let after = out.iter().find(|b| b.period == 4).unwrap();
        assert!(after.open_end && after.x1 == 1600.0);
        // A window after a closed period leaves it out.
        let late = Scale::new(Window::parse("1925/1930").0.unwrap(), 800.0);
        b.project(&late, 7.0, &mut out);
        assert!(out.is_empty());
        // Present mode: which periods a day is in.
        let in_1919: Vec<usize> = b.at(day_number(1919, 6, 1)).collect();
        assert_eq!(in_1919, [5, 7]);
    }
}
