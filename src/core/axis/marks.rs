//! An event's place on the axis: its day extent and how its uncertainty looks,
//! and the accessible names of what the axis draws.
//!
//! [`Extent::of`] reads a [`Date`]: a day is a [`Shape::Point`]; a month,
//! season or year a [`Shape::Bar`] over it; `A/B` a [`Shape::Range`] from the
//! start of A to the end of B; `before X` / `after X` an open bound
//! ([`Shape::Before`] / [`Shape::After`]) of no length at X, which the layout
//! draws as a fade of a fixed number of pixels away from X. "c." keeps the
//! shape and sets [`Look::approx`] (fuzzy edges). The layout turns an extent
//! into pixels (see `lanes.rs`).

use crate::core::date::{Date, Precision};
use crate::core::model::{Dataset, Event};
use crate::core::stats;

/// How a mark is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Shape {
    /// One known day.
    Point,
    /// One month, season or year (see [`Look::precision`]).
    Bar,
    /// From one point to another.
    Range,
    /// Some time before a point: fades out towards earlier times.
    Before,
    /// Some time after a point: fades out towards later times.
    After,
}

impl Shape {
    /// A class-friendly name: `point`, `bar`, `range`, `before`, `after`.
    pub const fn id(self) -> &'static str {
        match self {
            Shape::Point => "point",
            Shape::Bar => "bar",
            Shape::Range => "range",
            Shape::Before => "before",
            Shape::After => "after",
        }
    }
}

/// Everything that changes how a mark looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Look {
    pub shape: Shape,
    /// The coarsest precision of the date's points.
    pub precision: Precision,
    /// "c.": approximately.
    pub approx: bool,
    /// The event is part of a dispute (the sources disagree about it).
    pub disputed: bool,
}

impl Look {
    /// The look as CSS classes: `mark point day`, `mark bar year approx disputed`.
    pub fn classes(&self) -> String {
        let precision = match self.precision {
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Season => "season",
            Precision::Year => "year",
        };
        let mut s = format!("mark {} {precision}", self.shape.id());
        if self.approx {
            s.push_str(" approx");
        }
        if self.disputed {
            s.push_str(" disputed");
        }
        s
    }
}

/// A date on the axis: days `[start, end)` (empty at the bound for an open
/// bound) and its look.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Extent {
    pub start: i32,
    pub end: i32,
    pub look: Look,
}

impl Extent {
    /// The extent of a date (not disputed: [`Extent::of_event`] knows).
    pub const fn of(date: &Date) -> Extent {
        let precision = date.precision();
        let approx = date.is_approx();
        let (start, end, shape) = match *date {
            Date::On(p) => (
                p.first_day(),
                p.last_day() + 1,
                if matches!(precision, Precision::Day) {
                    Shape::Point
                } else {
                    Shape::Bar
                },
            ),
            Date::Range(a, b) => {
                let shape = if a.first_day() == b.first_day() && a.last_day() == b.last_day() {
                    if matches!(precision, Precision::Day) {
                        Shape::Point
                    } else {
                        Shape::Bar
                    }
                } else {
                    Shape::Range
                };
                (a.first_day(), b.last_day() + 1, shape)
            }
            Date::Before(p) => (p.first_day(), p.first_day(), Shape::Before),
            Date::After(p) => (p.last_day() + 1, p.last_day() + 1, Shape::After),
        };
        Extent {
            start,
            end,
            look: Look {
                shape,
                precision,
                approx,
                disputed: false,
            },
        }
    }

    /// The extent of an event's date, marked disputed when it has disputes.
    pub const fn of_event(e: &Event) -> Extent {
        let mut x = Extent::of(&e.date);
        x.look.disputed = !e.disputes.is_empty();
        x
    }

    /// `(start, end)`.
    pub const fn days(&self) -> (i32, i32) {
        (self.start, self.end)
    }
}

/// The accessible name of an event's mark: its title, then its date as the app
/// shows it ("Soviet troops occupy Khiva, 1 Feb 1920"), then, for a disputed
/// date, what the sources give ("…, Oct 1922; sources give 10 Oct 1922 and 14
/// Oct 1922") or that it is disputed.
pub fn mark_name(ds: &Dataset, e: &Event) -> String {
    let mut s = format!("{}, {}", e.title, e.date.display());
    if !e.disputes.is_empty() {
        match stats::claimed_dates_text(ds, e) {
            Some(t) => {
                s.push_str("; ");
                s.push_str(&t);
            }
            None => s.push_str("; disputed"),
        }
    }
    s
}

/// The accessible name of a cluster: "12 events, 1919", or "12 more events,
/// 1919" when some of the bucket's events are drawn.
pub fn cluster_name(count: u32, when: &str, complete: bool) -> String {
    let more = if complete { "" } else { " more" };
    let events = if count == 1 { "event" } else { "events" };
    format!("{count}{more} {events}, {when}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::dataset::DATASET;
    use crate::core::date::day_number;

    fn x(s: &str) -> Extent {
        Extent::of(&Date::parse(s).unwrap())
    }

    /// The extent of `s`, checked to run from day `a` to day `b` (y, m, d).
    fn spans(s: &str, a: (i32, u8, u8), b: (i32, u8, u8)) -> Extent {
        let e = x(s);
        let day = |(y, m, d)| day_number(y, m, d);
        assert_eq!((e.start, e.end), (day(a), day(b)), "{s}");
        e
    }

    #[test]
    fn each_kind_of_date_has_its_own_extent_and_shape() {
        let day = spans("1920-02-01", (1920, 2, 1), (1920, 2, 2));
        assert_eq!(day.look.shape, Shape::Point);
        let month = spans("1922-10", (1922, 10, 1), (1922, 11, 1));
        assert_eq!(
            (month.look.shape, month.look.precision),
            (Shape::Bar, Precision::Month)
        );
        let season = spans("1918-winter", (1918, 12, 1), (1919, 3, 1));
        assert_eq!(season.look.precision, Precision::Season);
        let year = x("c. 1925");
        assert_eq!(
            (year.look.shape, year.look.precision, year.look.approx),
            (Shape::Bar, Precision::Year, true)
        );
        let range = spans("1917-12/1920", (1917, 12, 1), (1921, 1, 1));
        assert_eq!(range.look.shape, Shape::Range);
        assert_eq!(x("1917/1917").look.shape, Shape::Bar);
        let before = spans("before 1922-10", (1922, 10, 1), (1922, 10, 1));
        assert_eq!(before.look.shape, Shape::Before);
        let after = spans("after 1930", (1931, 1, 1), (1931, 1, 1));
        assert_eq!(after.look.shape, Shape::After);
        assert_eq!(
            x("1917-12/c. 1918").look.classes(),
            "mark range year approx"
        );
        // Every look is distinct from the others in its classes.
        let looks: std::collections::BTreeSet<String> = [
            "1920-02-01",
            "1922-10",
            "1918-winter",
            "1925",
            "c. 1925",
            "1917/1920",
            "before 1922",
            "after 1922",
        ]
        .iter()
        .map(|s| x(s).look.classes())
        .collect();
        assert_eq!(looks.len(), 8);
    }

    #[test]
    fn marks_have_names_a_screen_reader_can_read() {
        let ds = &DATASET;
        let e = ds
            .events
            .iter()
            .find(|e| e.title == "Kirghiz Revolutionary Committee order abolishes Alash Orda")
            .expect("the order of 9 Mar 1920");
        assert!(mark_name(ds, e).starts_with(&format!("{}, 9 Mar 1920", e.title)));
        let arrest = ds.event("bukeikhan-arrested-1922").unwrap();
        assert!(Extent::of_event(arrest).look.disputed);
        assert_eq!(
            mark_name(ds, arrest),
            format!(
                "{}, Oct 1922; sources give 10 Oct 1922 and 14 Oct 1922",
                arrest.title
            )
        );
        assert_eq!(cluster_name(12, "1919", true), "12 events, 1919");
        assert_eq!(cluster_name(1, "Oct 1919", false), "1 more event, Oct 1919");
    }
}
