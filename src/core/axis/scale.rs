//! The visible window of the axis: days → pixels, zoom, pan, fit, and its link
//! form `win=START/END` in the dataset's date syntax.
//!
//! A [`Window`] is `[start, end)` in day keys (`f64`: while panning it may sit
//! between days). [`Limits`] bound it: no wider than the data's span, no narrower
//! than `min_span` (one month). A [`Scale`] is a window laid on `width` pixels.
//!
//! Link form: `START/END`, each side any point of `data/`'s syntax (`1917`,
//! `1919-09`, `1922-10-10`, `1918-spring`); START means its first day, END its
//! last. One point alone (`1919`) is that point's whole extent. The written
//! form is canonical: each side at the coarsest precision that is exact
//! (`1917/1920`, `1919-09/1920-03`, `1922-10-10/1922-10-14`); a window of 20
//! years or more is written to the nearest month.

use crate::core::date::{day_number, Point};
use crate::core::model::Dataset;

use super::{civil, month_index, month_start};

/// The narrowest window: four weeks, so any calendar month fits exactly.
pub const MIN_SPAN_DAYS: f64 = 28.0;

/// A visible stretch of time: days `[start, end)`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Window {
    pub start: f64,
    pub end: f64,
}

/// How far a window may go: inside `[lo, hi)`, at least `min_span` days wide.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Limits {
    pub lo: f64,
    pub hi: f64,
    pub min_span: f64,
}

/// A window on `width` pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    pub window: Window,
    pub width: f64,
    /// Pixels per day.
    k: f64,
}

impl Scale {
    /// A scale; a width or span that is not positive is taken as 1.
    pub fn new(window: Window, width: f64) -> Scale {
        let width = if width > 0.0 && width.is_finite() {
            width
        } else {
            1.0
        };
        let span = window.span();
        let span = if span > 0.0 && span.is_finite() {
            span
        } else {
            1.0
        };
        Scale {
            window,
            width,
            k: width / span,
        }
    }

    /// The x of the start of day `day` (any real day value).
    #[inline]
    pub fn x(&self, day: f64) -> f64 {
        (day - self.window.start) * self.k
    }

    /// The day at pixel `x`.
    #[inline]
    pub fn day_at(&self, x: f64) -> f64 {
        self.window.start + x / self.k
    }

    #[inline]
    pub fn px_per_day(&self) -> f64 {
        self.k
    }
}

impl Limits {
    /// Limits `[lo, hi)` with the default narrowest window (one month). A span
    /// narrower than that is widened around its middle.
    pub fn new(lo: f64, hi: f64) -> Limits {
        let (lo, hi) = if lo <= hi { (lo, hi) } else { (hi, lo) };
        let mut l = Limits {
            lo,
            hi,
            min_span: MIN_SPAN_DAYS,
        };
        if hi - lo < MIN_SPAN_DAYS {
            let mid = (lo + hi) / 2.0;
            (l.lo, l.hi) = (mid - MIN_SPAN_DAYS / 2.0, mid + MIN_SPAN_DAYS / 2.0);
        }
        l
    }

    /// The whole span of a set of day extents `[start, end)`, with a margin of
    /// 2% (at least a month) each side; `None` when there are none.
    pub fn around(extents: impl Iterator<Item = (i32, i32)>) -> Option<Limits> {
        let (mut lo, mut hi) = (i32::MAX, i32::MIN);
        for (s, e) in extents {
            lo = lo.min(s);
            hi = hi.max(e);
        }
        (lo <= hi).then(|| {
            let (lo, hi) = (f64::from(lo), f64::from(hi));
            let pad = ((hi - lo) * 0.02).max(31.0);
            Limits::new(lo - pad, hi + pad)
        })
    }

    /// The limits of the whole dataset (every event's extent, every period's
    /// closed ends), or 1891–1937 for an empty one.
    pub fn of_dataset(ds: &Dataset) -> Limits {
        let events = ds
            .events
            .iter()
            .map(|e| super::marks::Extent::of(&e.date).days());
        Limits::around(events).unwrap_or_else(|| {
            Limits::new(
                f64::from(day_number(1891, 1, 1)),
                f64::from(day_number(1938, 1, 1)),
            )
        })
    }

    pub fn max_span(&self) -> f64 {
        self.hi - self.lo
    }

    /// The whole span.
    pub fn all(&self) -> Window {
        Window {
            start: self.lo,
            end: self.hi,
        }
    }

    /// The window made to fit: its span between `min_span` and the whole span
    /// (kept around its middle), then moved inside `[lo, hi)`. Not-a-number
    /// becomes the whole span.
    pub fn clamp(&self, w: Window) -> Window {
        if !(w.start.is_finite() && w.end.is_finite()) {
            return self.all();
        }
        let (a, b) = if w.start <= w.end {
            (w.start, w.end)
        } else {
            (w.end, w.start)
        };
        let span = (b - a).clamp(self.min_span.min(self.max_span()), self.max_span());
        let mid = (a + b) / 2.0;
        let start = (mid - span / 2.0).clamp(self.lo, self.hi - span);
        Window {
            start,
            end: start + span,
        }
    }
}

impl Window {
    pub const fn new(start: f64, end: f64) -> Window {
        Window { start, end }
    }

    /// Whole days `[start, end)`.
    pub fn days(start: i32, end: i32) -> Window {
        Window::new(f64::from(start), f64::from(end))
    }

    pub fn span(&self) -> f64 {
        self.end - self.start
    }

    /// Zooms by `factor` (2 = twice as close, 0.5 = twice as far) keeping the day
    /// at `at` (a fraction of the width, 0 = left edge, 0.5 = middle) in place.
    pub fn zoom(self, factor: f64, at: f64, limits: &Limits) -> Window {
        let factor = if factor > 0.0 && factor.is_finite() {
            factor
        } else {
            1.0
        };
        let at = if at.is_finite() {
            at.clamp(0.0, 1.0)
        } else {
            0.5
        };
        let pivot = self.start + at * self.span();
        let span =
            (self.span() / factor).clamp(limits.min_span.min(limits.max_span()), limits.max_span());
        let start = pivot - at * span;
        limits.clamp(Window::new(start, start + span))
    }

    /// Moves the window later by `dx` pixels of a `width`-pixel axis (negative:
    /// earlier). A drag to the right is `pan(-drag_dx, …)`.
    pub fn pan(self, dx: f64, width: f64, limits: &Limits) -> Window {
        if !(dx.is_finite() && width > 0.0) {
            return limits.clamp(self);
        }
        let d = dx / width * self.span();
        limits.clamp(Window::new(self.start + d, self.end + d))
    }

    /// The same span at the start (`Home`) of the limits.
    pub fn home(self, limits: &Limits) -> Window {
        limits.clamp(Window::new(limits.lo, limits.lo + self.span()))
    }

    /// The same span at the end (`End`) of the limits.
    pub fn end(self, limits: &Limits) -> Window {
        limits.clamp(Window::new(limits.hi - self.span(), limits.hi))
    }

    /// The window that shows day extents `[start, end)` (all of them, with 4%
    /// room each side); the whole span when there are none.
    pub fn fit(extents: impl Iterator<Item = (i32, i32)>, limits: &Limits) -> Window {
        let (mut lo, mut hi) = (i32::MAX, i32::MIN);
        for (s, e) in extents {
            lo = lo.min(s);
            hi = hi.max(e);
        }
        if lo > hi {
            return limits.all();
        }
        let (lo, hi) = (f64::from(lo), f64::from(hi));
        let pad = (hi - lo) * 0.04;
        limits.clamp(Window::new(lo - pad, hi + pad))
    }

    /// The window moved (same span) so days `[start, end)` are inside it, or
    /// unchanged when they already are: for bringing a focused event into view.
    /// An extent wider than the window is shown from its start.
    pub fn reveal(self, start: f64, end: f64, limits: &Limits) -> Window {
        let span = self.span();
        let w = if start >= self.start && end <= self.end {
            self
        } else if end - start > span || start < self.start {
            Window::new(start - span * 0.05, start + span * 0.95)
        } else {
            Window::new(end - span * 0.95, end + span * 0.05)
        };
        limits.clamp(w)
    }

    /// Reads the link value (`1919-09/1920-03`). Gives the window if one could
    /// be read, and a notice (for the reader) when something was wrong: a
    /// window the wrong way round is turned round; anything else is ignored.
    pub fn parse(text: &str) -> (Option<Window>, Option<String>) {
        let t = text.trim();
        let (a, b) = match t.split_once('/') {
            Some((a, b)) => (a.trim(), b.trim()),
            None => (t, t),
        };
        let side = |s: &str| -> Option<Point> {
            // "c." means nothing for a window; every other form of data/ is fine.
            Point::parse(s.strip_prefix("c. ").unwrap_or(s)).ok()
        };
        let (Some(pa), Some(pb)) = (side(a), side(b)) else {
            return (
                None,
                Some(format!(
                    "Ignored “win={text}”: a window is START/END in the dataset's date form, e.g. win=1919-09/1920-03."
                )),
            );
        };
        let (s, e) = (pa.first_day(), pb.last_day() + 1);
        if e <= s {
            let w = Window::days(pb.first_day(), pa.last_day() + 1);
            return (
                Some(w),
                Some(format!(
                    "The window “win={text}” was the wrong way round: showing {}.",
                    w.to_link()
                )),
            );
        }
        (Some(Window::days(s, e)), None)
    }

    /// The window of a link's `win=` value (`None`: absent), kept within
    /// `limits`; `fallback` when it is absent or unreadable; with the notice.
    pub fn from_link(
        value: Option<&str>,
        limits: &Limits,
        fallback: Window,
    ) -> (Window, Option<String>) {
        match value {
            None => (limits.clamp(fallback), None),
            Some(v) => {
                let (w, notice) = Window::parse(v);
                (limits.clamp(w.unwrap_or(fallback)), notice)
            }
        }
    }

    /// The canonical link value: `1917/1920`, `1919-09/1920-03`,
    /// `1922-10-10/1922-10-14`. Rounded to whole days (to months for a window of
    /// 20 years or more), never empty.
    pub fn to_link(self) -> String {
        let (a, b) = if self.start <= self.end {
            (self.start, self.end)
        } else {
            (self.end, self.start)
        };
        let clampd = |d: f64| {
            d.clamp(
                f64::from(day_number(0, 1, 1)),
                f64::from(day_number(9999, 12, 31)),
            )
        };
        let (a, b) = (clampd(a), clampd(b));
        let (s, e) = if b - a >= 20.0 * 365.25 {
            let (s, e) = (nearest_month(a), nearest_month(b));
            (
                s,
                if e > s {
                    e
                } else {
                    month_start(month_index(s) + 1)
                },
            )
        } else {
            let (s, e) = (a.round() as i32, b.round() as i32);
            (s, e.max(s + 1))
        };
        format!("{}/{}", start_text(s), end_text(e))
    }
}

/// The month start nearest to day `d`.
fn nearest_month(d: f64) -> i32 {
    let day = d.floor() as i32;
    let this = month_start(month_index(day));
    let next = month_start(month_index(day) + 1);
    if d - f64::from(this) <= f64::from(next) - d {
        this
    } else {
        next
    }
}

/// A window's first day, as coarse as is exact.
fn start_text(s: i32) -> String {
    match civil(s) {
        (y, 1, 1) => format!("{y:04}"),
        (y, m, 1) => format!("{y:04}-{m:02}"),
        (y, m, d) => format!("{y:04}-{m:02}-{d:02}"),
    }
}

/// A window's last day (`e` is the day after it), as coarse as is exact.
fn end_text(e: i32) -> String {
    match civil(e) {
        (y, 1, 1) => format!("{:04}", y - 1),
        (_, _, 1) => {
            let (y, m, _) = civil(e - 1);
            format!("{y:04}-{m:02}")
        }
        _ => {
            let (y, m, d) = civil(e - 1);
            format!("{y:04}-{m:02}-{d:02}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u8, day: u8) -> f64 {
        f64::from(day_number(y, m, day))
    }

    fn limits() -> Limits {
        Limits::new(d(1890, 1, 1), d(1940, 1, 1))
    }

    #[test]
    fn days_map_to_pixels_linearly() {
        let s = Scale::new(Window::new(d(1920, 1, 1), d(1921, 1, 1)), 366.0);
        assert_eq!(s.x(d(1920, 1, 1)), 0.0);
        assert_eq!(s.x(d(1921, 1, 1)), 366.0); // 1920 is a leap year: 1 px a day
        assert_eq!(s.x(d(1920, 2, 1)), 31.0);
        assert_eq!(s.day_at(31.0), d(1920, 2, 1));
        assert_eq!(s.px_per_day(), 1.0);
        // Degenerate input gives a usable scale.
        let z = Scale::new(Window::new(5.0, 5.0), 0.0);
        assert!(z.x(6.0).is_finite());
    }

    #[test]
    fn links_round_trip_in_canonical_form() {
        for s in [
            "1919-09/1920-03",
            "1917/1920",
            "1922-10-10/1922-10-14",
            "1917-12-13/1918",
            "1905/1917-07",
            "1922-02/1922-02",
            "1919-12-31/1920-01-01",
        ] {
            let (w, notice) = Window::parse(s);
            assert_eq!(notice, None, "{s}");
            assert_eq!(w.unwrap().to_link(), s);
        }
        // Other ways of writing the same windows are read, written canonically.
        let cases = [
            ("1919", "1919/1919"),
            ("1917-01/1920-12", "1917/1920"),
            ("1917-01-01/1920-12-31", "1917/1920"),
            (" 1919-09 / 1920-03 ", "1919-09/1920-03"),
            ("1918-spring/1918-summer", "1918-03/1918-08"),
            ("1918-winter", "1918-12/1919-02"),
            ("c. 1917/1918", "1917/1918"),
        ];
        for (input, canonical) in cases {
            let (w, notice) = Window::parse(input);
            assert_eq!(notice, None, "{input}");
            assert_eq!(w.unwrap().to_link(), canonical, "{input}");
        }
        let w = Window::parse("1919-09/1920-03").0.unwrap();
        assert_eq!((w.start, w.end), (d(1919, 9, 1), d(1920, 4, 1)));
    }

    #[test]
    fn windows_written_from_pans_read_back_as_themselves() {
        let l = limits();
        let mut w = Window::new(d(1919, 9, 1), d(1920, 4, 1));
        for step in 0..200 {
            w = w.pan(if step % 3 == 0 { -37.3 } else { 11.9 }, 800.0, &l);
            w = w.zoom(if step % 7 < 3 { 1.3 } else { 0.8 }, 0.3, &l);
            let link = w.to_link();
            let back = Window::parse(&link).0.expect(&link);
            assert_eq!(back.to_link(), link);
            // Read back, the window is where it was to within a day (a month when wide).
            let tolerance = if w.span() >= 20.0 * 365.25 { 16.0 } else { 0.5 };
            assert!((back.start - w.start).abs() <= tolerance, "{link}");
            assert!((back.end - w.end).abs() <= tolerance, "{link}");
        }
    }

    #[test]
    fn garbage_links_fall_back_with_a_notice() {
        let l = limits();
        let fallback = Window::new(d(1917, 1, 1), d(1921, 1, 1));
        for bad in [
            "",
            "/",
            "1919-13/1920",
            "1919-02-30/1920",
            "yesterday",
            "1919/",
            "/1920",
            "before 1920/1921",
            "1919-09/1920-03/1921",
            "19190/1920",
            "1919-9/1920",
            "١٩١٩/1920",
            "1919\u{0}/1920",
            "%2F",
        ] {
            let (w, notice) = Window::from_link(Some(bad), &l, fallback);
            assert_eq!(w, fallback, "{bad:?}");
            assert!(notice.is_some_and(|n| n.starts_with("Ignored")), "{bad:?}");
        }
        let (w, notice) = Window::from_link(Some("1920/1917"), &l, fallback);
        assert_eq!(w.to_link(), "1917/1920");
        assert_eq!(
            notice.as_deref(),
            Some("The window “win=1920/1917” was the wrong way round: showing 1917/1920.")
        );
        assert_eq!(Window::from_link(None, &l, fallback), (fallback, None));
    }

    #[test]
    fn links_outside_the_limits_are_brought_inside() {
        let l = limits();
        let (w, notice) = Window::from_link(Some("1700/1710"), &l, l.all());
        assert_eq!(notice, None);
        assert_eq!(w.start, l.lo);
        assert_eq!(w.span(), 11.0 * 365.0 + 2.0); // 1700–1710 has two leap days
        let (w, _) = Window::from_link(Some("1922-10-10/1922-10-14"), &l, l.all());
        assert_eq!(w.span(), MIN_SPAN_DAYS, "widened to the narrowest zoom");
        assert_eq!(
            (w.start + w.end) / 2.0,
            d(1922, 10, 12) + 0.5,
            "around its middle"
        );
        let (w, _) = Window::from_link(Some("1000/3000"), &l, l.all());
        assert_eq!(w, l.all());
    }

    #[test]
    fn zoom_keeps_the_pivot_and_respects_the_limits() {
        let l = limits();
        let w = Window::new(d(1910, 1, 1), d(1930, 1, 1));
        let pivot = w.start + 0.25 * w.span();
        let z = w.zoom(4.0, 0.25, &l);
        assert!((z.span() - w.span() / 4.0).abs() < 1e-6);
        assert!((z.start + 0.25 * z.span() - pivot).abs() < 1e-6);
        // All the way in: one month; all the way out: the whole span.
        let mut w = z;
        for _ in 0..50 {
            w = w.zoom(2.0, 0.5, &l);
        }
        assert_eq!(w.span(), MIN_SPAN_DAYS);
        for _ in 0..50 {
            w = w.zoom(0.5, 0.9, &l);
        }
        assert_eq!(w, l.all());
        // Bad numbers change nothing harmful.
        assert_eq!(z.zoom(f64::NAN, f64::NAN, &l), l.clamp(z));
        assert_eq!(z.zoom(0.0, 0.5, &l), l.clamp(z));
    }

    #[test]
    fn pan_moves_by_pixels_and_stops_at_the_ends() {
        let l = limits();
        let w = Window::new(d(1910, 1, 1), d(1910, 1, 1) + 800.0);
        let p = w.pan(100.0, 400.0, &l); // a quarter of the width = 200 days later
        assert_eq!(p.start, w.start + 200.0);
        assert_eq!(p.span(), w.span());
        let far = w.pan(1e9, 400.0, &l);
        assert_eq!(far.end, l.hi);
        assert_eq!(w.pan(-1e9, 400.0, &l).start, l.lo);
        assert_eq!(w.home(&l).start, l.lo);
        assert_eq!(w.end(&l).end, l.hi);
        assert_eq!(w.pan(f64::INFINITY, 400.0, &l), w);
    }

    #[test]
    fn fit_shows_every_extent() {
        let l = limits();
        let ext = [
            (day_number(1918, 1, 1), day_number(1918, 2, 1)),
            (day_number(1920, 2, 1), day_number(1920, 2, 2)),
        ];
        let w = Window::fit(ext.into_iter(), &l);
        assert!(w.start < d(1918, 1, 1) && w.end > d(1920, 2, 2));
        assert!(w.span() < 3.0 * 365.0);
        // One day: the narrowest window around it.
        let one = Window::fit(
            [(day_number(1920, 2, 1), day_number(1920, 2, 2))].into_iter(),
            &l,
        );
        assert_eq!(one.span(), MIN_SPAN_DAYS);
        assert!(one.start < d(1920, 2, 1) && one.end > d(1920, 2, 2));
        assert_eq!(Window::fit(std::iter::empty(), &l), l.all());
    }

    #[test]
    fn reveal_moves_only_when_needed() {
        let l = limits();
        let w = Window::new(d(1919, 1, 1), d(1920, 1, 1));
        assert_eq!(w.reveal(d(1919, 5, 1), d(1919, 5, 2), &l), w);
        let r = w.reveal(d(1921, 3, 1), d(1921, 3, 2), &l);
        assert!(r.start <= d(1921, 3, 1) && r.end >= d(1921, 3, 2));
        assert_eq!(r.span(), w.span());
        let r = w.reveal(d(1917, 3, 1), d(1917, 3, 2), &l);
        assert!(r.start <= d(1917, 3, 1) && r.end >= d(1917, 3, 2));
    }

    #[test]
    fn the_dataset_limits_cover_every_event() {
        let ds = &crate::core::dataset::DATASET;
        let l = Limits::of_dataset(ds);
        for e in ds.events {
            let (s, t) = super::super::marks::Extent::of(&e.date).days();
            assert!(f64::from(s) >= l.lo && f64::from(t) <= l.hi, "{}", e.id);
        }
    }
}
