//! Calendar units and the axis's ticks.
//!
//! [`ticks`] picks the finest unit of [`TICK_UNITS`] (days, 2/5/10 days, months,
//! quarters, half-years, 1/2/5/10/20/50… years) whose *shortest* gap between two
//! ticks is at least `min_label_px` pixels, so labels never collide, and gives
//! the ticks in the window with their labels ("14", "Oct", "1917"); a second row,
//! `context`, names the enclosing month ("Oct 1922") under day ticks and the
//! year ("1922") under month ticks, starting with the one the window opens in.
//! Day ticks of `n` days fall on the 1st, 1+n, 1+2n… of each month, leaving out
//! any that would come closer than `n` days to the next month's 1st.
//!
//! A [`Unit`] also cuts time into buckets (for the lanes' clusters): days and
//! weeks counted from 1970-01-01, months and years from the calendar.

use std::fmt;

use crate::core::date::{days_in_month, Date, Part, Point};

use super::scale::Scale;
use super::{civil, month_index, month_start};

/// A step of time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Days(u16),
    Months(u16),
    Years(u16),
}

/// The tick steps, finest first.
pub const TICK_UNITS: [Unit; 19] = [
    Unit::Days(1),
    Unit::Days(2),
    Unit::Days(5),
    Unit::Days(10),
    Unit::Months(1),
    Unit::Months(3),
    Unit::Months(6),
    Unit::Years(1),
    Unit::Years(2),
    Unit::Years(5),
    Unit::Years(10),
    Unit::Years(20),
    Unit::Years(50),
    Unit::Years(100),
    Unit::Years(200),
    Unit::Years(500),
    Unit::Years(1000),
    Unit::Years(2000),
    Unit::Years(5000),
];

impl Unit {
    /// The shortest time between two ticks of this unit, in days.
    pub fn min_days(self) -> f64 {
        match self {
            Unit::Days(n) => f64::from(n),
            Unit::Months(1) => 28.0,
            Unit::Months(n) => f64::from(n) * 30.0 - 2.0,
            Unit::Years(n) => f64::from(n) * 365.0,
        }
    }

    /// The bucket (for clusters) that day `day` falls in.
    pub fn bucket(self, day: i32) -> i64 {
        match self {
            Unit::Days(n) => i64::from(day).div_euclid(i64::from(n.max(1))),
            Unit::Months(n) => month_index(day).div_euclid(i64::from(n.max(1))),
            Unit::Years(n) => i64::from(civil(day).0).div_euclid(i64::from(n.max(1))),
        }
    }

    /// [`Unit::bucket`] of a day whose month index is known.
    #[inline]
    pub fn bucket_of(self, day: i32, month_index: i64) -> i64 {
        match self {
            Unit::Days(n) => i64::from(day).div_euclid(i64::from(n.max(1))),
            Unit::Months(n) => month_index.div_euclid(i64::from(n.max(1))),
            Unit::Years(n) => month_index.div_euclid(12).div_euclid(i64::from(n.max(1))),
        }
    }

    /// The days `[start, end)` of bucket `b`.
    pub fn bucket_days(self, b: i64) -> (i32, i32) {
        match self {
            Unit::Days(n) => {
                let n = i64::from(n.max(1));
                ((b * n) as i32, ((b + 1) * n) as i32)
            }
            Unit::Months(n) => {
                let n = i64::from(n.max(1));
                (month_start(b * n), month_start((b + 1) * n))
            }
            Unit::Years(n) => {
                let n = i64::from(n.max(1));
                (month_start(b * n * 12), month_start((b + 1) * n * 12))
            }
        }
    }

    /// Days `[start, end)` of a bucket as the app writes dates: "14 Oct 1922",
    /// "10–16 Oct 1922", "Oct 1922", "Oct – Dec 1922", "1922", "1920–1929".
    pub fn describe(self, (start, end): (i32, i32)) -> String {
        let point = |day: i32, coarse: Unit| {
            let (y, m, d) = civil(day);
            Point {
                year: y.clamp(0, 9999) as i16,
                part: match coarse {
                    Unit::Days(_) => Part::Day(m, d),
                    Unit::Months(_) => Part::Month(m),
                    Unit::Years(_) => Part::Year,
                },
                approx: false,
            }
        };
        let (a, b) = (point(start, self), point(end - 1, self));
        if a == b {
            Date::On(a).display()
        } else {
            Date::Range(a, b).display()
        }
    }
}

/// What a tick says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TickLabel {
    /// "1917"
    Year(i32),
    /// "Oct"
    Month(u8),
    /// "Oct 1922"
    MonthYear(u8, i32),
    /// "14"
    Day(u8),
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

impl fmt::Display for TickLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            TickLabel::Year(y) => write!(f, "{y}"),
            TickLabel::Month(m) => f.write_str(MONTHS[(m.clamp(1, 12) - 1) as usize]),
            TickLabel::MonthYear(m, y) => {
                write!(f, "{} {y}", MONTHS[(m.clamp(1, 12) - 1) as usize])
            }
            TickLabel::Day(d) => write!(f, "{d}"),
        }
    }
}

/// One tick: the start of day `day`, at `x`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tick {
    pub day: i32,
    pub x: f64,
    pub label: TickLabel,
}

/// The ticks of a window: the chosen unit, its ticks, and the context row.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ticks {
    pub unit: Option<Unit>,
    pub ticks: Vec<Tick>,
    /// The enclosing months (under day ticks) or years (under month ticks): the
    /// one the window starts in first (its x may be negative: the view keeps
    /// its label at the left edge), then each that starts inside the window.
    pub context: Vec<Tick>,
}

/// The finest unit whose ticks are at least `min_label_px` apart on `scale`.
pub fn choose_unit(scale: &Scale, min_label_px: f64) -> Unit {
    let k = scale.px_per_day();
    TICK_UNITS
        .iter()
        .copied()
        .find(|u| u.min_days() * k >= min_label_px)
        .unwrap_or(TICK_UNITS[TICK_UNITS.len() - 1])
}

/// The ticks for `scale`, each label at least `min_label_px` from the next.
/// Also fills `out` in place (`ticks_into`), for a frame loop that reuses it.
pub fn ticks(scale: &Scale, min_label_px: f64) -> Ticks {
    let mut t = Ticks::default();
    ticks_into(scale, min_label_px, &mut t);
    t
}

/// [`ticks`] into a reused value.
pub fn ticks_into(scale: &Scale, min_label_px: f64, out: &mut Ticks) {
    out.ticks.clear();
    out.context.clear();
    let unit = choose_unit(scale, min_label_px);
    out.unit = Some(unit);
    let (w0, w1) = (scale.window.start, scale.window.end);
    if !(w0.is_finite() && w1.is_finite()) || w1 <= w0 {
        return;
    }
    let first = w0.ceil() as i32;
    let last = w1.ceil() as i32 - 1; // ticks at days before the end
    let push = |v: &mut Vec<Tick>, day: i32, label: TickLabel| {
        v.push(Tick {
            day,
            x: scale.x(f64::from(day)),
            label,
        })
    };
    match unit {
        Unit::Days(n) => {
            let n = i32::from(n);
            let mut mi = month_index(first);
            loop {
                let start = month_start(mi);
                if start > last {
                    break;
                }
                let (y, m, _) = civil(start);
                let dim = i32::from(days_in_month(y, m));
                let mut d = 1;
                while d <= dim + 1 - n {
                    let day = start + d - 1;
                    if day >= first && day <= last {
                        push(&mut out.ticks, day, TickLabel::Day(d as u8));
                    }
                    d += n;
                }
                mi += 1;
            }
            let mut mi = month_index(w0.floor() as i32);
            loop {
                let start = month_start(mi);
                if start > last {
                    break;
                }
                let (y, m, _) = civil(start);
                push(&mut out.context, start, TickLabel::MonthYear(m, y));
                mi += 1;
            }
        }
        Unit::Months(n) => {
            let n = i64::from(n);
            let mut mi = month_index(first);
            mi += (n - mi.rem_euclid(n)) % n;
            if month_start(mi) < first {
                mi += n;
            }
            while month_start(mi) <= last {
                let (_, m, _) = civil(month_start(mi));
                push(&mut out.ticks, month_start(mi), TickLabel::Month(m));
                mi += n;
            }
            let mut y = civil(w0.floor() as i32).0;
            while month_start(i64::from(y) * 12) <= last {
                push(
                    &mut out.context,
                    month_start(i64::from(y) * 12),
                    TickLabel::Year(y),
                );
                y += 1;
            }
        }
        Unit::Years(n) => {
            let n = i64::from(n);
            let mut y = i64::from(civil(first).0);
            y += (n - y.rem_euclid(n)) % n;
            if month_start(y * 12) < first {
                y += n;
            }
            while month_start(y * 12) <= last {
                push(
                    &mut out.ticks,
                    month_start(y * 12),
                    TickLabel::Year(y as i32),
                );
                y += n;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::axis::scale::Window;
    use crate::core::date::day_number;

    fn scale(a: &str, width: f64) -> Scale {
        Scale::new(Window::parse(a).0.unwrap(), width)
    }

    fn labels(t: &[Tick]) -> Vec<String> {
        t.iter().map(|t| t.label.to_string()).collect()
    }

    #[test]
    fn the_unit_follows_the_zoom() {
        let cases = [
            ("1891/1937", 1000.0, Unit::Years(5)),
            ("1891/1937", 4000.0, Unit::Years(1)),
            ("1891/1995", 600.0, Unit::Years(10)),
            ("1917/1920", 1000.0, Unit::Months(3)),
            ("1919-09/1920-03", 1000.0, Unit::Months(1)),
            ("1922-10", 1000.0, Unit::Days(2)),
            ("1922-10", 2000.0, Unit::Days(1)),
            ("1922-10", 375.0, Unit::Days(5)),
            ("1922-09/1922-12", 1000.0, Unit::Days(10)),
        ];
        for (w, width, unit) in cases {
            assert_eq!(
                ticks(&scale(w, width), 48.0).unit,
                Some(unit),
                "{w} at {width}px"
            );
        }
    }

    #[test]
    fn labels_read_as_dates() {
        let t = ticks(&scale("1915/1924", 500.0), 48.0);
        assert_eq!(t.unit, Some(Unit::Years(1)));
        assert_eq!(labels(&t.ticks)[..3], ["1915", "1916", "1917"]);
        assert!(t.context.is_empty());
        let t = ticks(&scale("1919-09/1920-03", 1000.0), 48.0);
        assert_eq!(
            labels(&t.ticks),
            ["Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"]
        );
        assert_eq!(labels(&t.context), ["1919", "1920"]);
        let t = ticks(&scale("1922-10-01/1922-10-31", 2000.0), 48.0);
        assert_eq!(t.ticks.len(), 31);
        assert_eq!(t.ticks[13].label.to_string(), "14");
        assert_eq!(labels(&t.context), ["Oct 1922"]);
        // A window opening mid-month names that month first, left of the edge.
        let t = ticks(&scale("1922-10-20/1922-11-16", 1400.0), 48.0);
        assert_eq!(labels(&t.context), ["Oct 1922", "Nov 1922"]);
        assert!(t.context[0].x < 0.0);
        assert_eq!(t.ticks[0].label, TickLabel::Day(20));
    }

    #[test]
    fn ticks_sit_at_their_days_and_never_collide() {
        for (w, width) in [
            ("1891/1995", 300.0),
            ("1891/1937", 1200.0),
            ("1917/1920", 375.0),
            ("1920-02", 375.0),
            ("1920-02", 5000.0),
            ("1900-01/1900-03", 900.0),
            ("1916-01/1916-04", 700.0),
        ] {
            for min in [30.0, 48.0, 80.0] {
                let s = scale(w, width);
                let t = ticks(&s, min);
                assert!(
                    !t.ticks.is_empty()
                        || t.unit.unwrap().min_days() * s.px_per_day() > width / 2.0
                );
                for pair in t.ticks.windows(2) {
                    assert!(
                        pair[1].x - pair[0].x >= min - 1e-9,
                        "{w} {width} {min}: {pair:?}"
                    );
                }
                for tk in &t.ticks {
                    assert!(tk.x >= 0.0 && tk.x <= width + 1e-9);
                    assert_eq!(tk.x, s.x(f64::from(tk.day)));
                }
                for pair in t.context.windows(2) {
                    assert!(pair[1].x - pair[0].x >= min - 1e-9, "{w} context");
                }
                assert!(t.ticks.len() as f64 <= width / min + 1.0);
            }
        }
    }

    #[test]
    fn an_event_lies_between_the_ticks_around_it() {
        // "Soviet troops occupy Khiva", 1 Feb 1920: between the Jan and Mar ticks.
        let s = scale("1919-09/1920-03", 1000.0);
        let t = ticks(&s, 48.0);
        let x = s.x(f64::from(day_number(1920, 2, 1)) + 0.5);
        let jan = t
            .ticks
            .iter()
            .find(|t| t.label == TickLabel::Month(1))
            .unwrap();
        let feb = t
            .ticks
            .iter()
            .find(|t| t.label == TickLabel::Month(2))
            .unwrap();
        let mar = t
            .ticks
            .iter()
            .find(|t| t.label == TickLabel::Month(3))
            .unwrap();
        assert!(jan.x < x && x < mar.x);
        assert!(
            feb.x < x && x - feb.x < (mar.x - feb.x) / 20.0,
            "just after the Feb tick"
        );
    }

    #[test]
    fn buckets_cover_time_without_gaps() {
        for unit in [
            Unit::Days(1),
            Unit::Days(7),
            Unit::Months(1),
            Unit::Months(3),
            Unit::Years(1),
            Unit::Years(10),
        ] {
            let mut day = day_number(1899, 11, 17);
            let b0 = unit.bucket(day);
            let (s, e) = unit.bucket_days(b0);
            assert!(s <= day && day < e, "{unit:?}");
            for b in b0..b0 + 30 {
                let (s, e) = unit.bucket_days(b);
                assert_eq!(unit.bucket(s), b);
                assert_eq!(unit.bucket(e - 1), b);
                assert_eq!(unit.bucket_days(b + 1).0, e);
                assert_eq!(unit.bucket_of(s, month_index(s)), b);
                day = e;
            }
            let _ = day;
        }
        let y = day_number(1922, 10, 10);
        assert_eq!(
            Unit::Months(1).describe(Unit::Months(1).bucket_days(Unit::Months(1).bucket(y))),
            "Oct 1922"
        );
        assert_eq!(
            Unit::Months(3).describe(Unit::Months(3).bucket_days(Unit::Months(3).bucket(y))),
            "Oct – Dec 1922"
        );
        assert_eq!(
            Unit::Years(10).describe(Unit::Years(10).bucket_days(Unit::Years(10).bucket(y))),
            "1920–1929"
        );
        assert_eq!(Unit::Days(1).describe((y, y + 1)), "10 Oct 1922");
        assert_eq!(Unit::Days(7).describe((y, y + 7)), "10–16 Oct 1922");
    }
}
