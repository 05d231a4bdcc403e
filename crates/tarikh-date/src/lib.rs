//! Historical dates as `data/` writes them, with their precision kept.
//!
//! One string per date (see `data/README.md`): `1917-12-13`, `1917-12`, `1917`,
//! `1918-spring`, `c. 1925`, `c. 1925-03`, a range `A/B` (each side any of those),
//! or an open bound `before 1922-10` / `after 1930`.
//!
//! Pure and dependency-free, so both sides share it: the data pipeline
//! (`tarikh-data`, run by the app's `build.rs`) parses and validates the dataset's
//! dates with it, and the app (re-exported as `tarikh::core::date`) compares and
//! displays them. The dataset blob holds dates in the [`packed`] form both sides
//! share, so no date text is parsed at start-up.
//!
//! Day keys count days from 1970-01-01 (negative before it) in the proleptic
//! Gregorian calendar, so they sort and subtract. A season spans three months:
//! spring March–May, summer June–August, autumn September–November, and winter
//! December of its year to February of the next.

pub mod packed;

use std::fmt;

/// A season of a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Season {
    Spring,
    Summer,
    Autumn,
    Winter,
}

impl Season {
    pub const fn name(self) -> &'static str {
        match self {
            Season::Spring => "spring",
            Season::Summer => "summer",
            Season::Autumn => "autumn",
            Season::Winter => "winter",
        }
    }

    /// The first month (1–12) of the season; winter starts in December.
    const fn first_month(self) -> u8 {
        match self {
            Season::Spring => 3,
            Season::Summer => 6,
            Season::Autumn => 9,
            Season::Winter => 12,
        }
    }
}

/// What part of its year a [`Point`] names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    /// The whole year.
    Year,
    /// A season of the year.
    Season(Season),
    /// A month, 1–12.
    Month(u8),
    /// A month (1–12) and a day of it.
    Day(u8, u8),
}

/// How precisely a [`Point`] is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Day,
    Month,
    Season,
    Year,
}

/// One calendar point at some precision, possibly approximate (`c.`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Point {
    pub year: i16,
    pub part: Part,
    pub approx: bool,
}

/// A date as the dataset states it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Date {
    /// A single point: `1917-12-13`, `1917-12`, `1918-spring`, `c. 1925`.
    On(Point),
    /// `A/B`: from the start of A to the end of B.
    Range(Point, Point),
    /// `before X`: some time before X begins.
    Before(Point),
    /// `after X`: some time after X ends.
    After(Point),
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Whether `year` is a leap year in the Gregorian calendar.
pub const fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// The number of days in `month` (1–12) of `year`.
pub const fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days from 1970-01-01 to the given day (negative before it).
pub const fn day_number(year: i32, month: u8, day: u8) -> i32 {
    // Howard Hinnant's days_from_civil.
    let y = if month <= 2 { year - 1 } else { year };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = month as i32;
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + day as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

impl Point {
    pub const fn precision(&self) -> Precision {
        match self.part {
            Part::Year => Precision::Year,
            Part::Season(_) => Precision::Season,
            Part::Month(_) => Precision::Month,
            Part::Day(..) => Precision::Day,
        }
    }

    /// The month (1–12), if the point names one.
    pub const fn month(&self) -> Option<u8> {
        match self.part {
            Part::Month(m) | Part::Day(m, _) => Some(m),
            _ => None,
        }
    }

    /// The day of the month, if the point names one.
    pub const fn day(&self) -> Option<u8> {
        match self.part {
            Part::Day(_, d) => Some(d),
            _ => None,
        }
    }

    /// The day key of the first day the point covers.
    pub const fn first_day(&self) -> i32 {
        let y = self.year as i32;
        match self.part {
            Part::Year => day_number(y, 1, 1),
            Part::Season(s) => day_number(y, s.first_month(), 1),
            Part::Month(m) => day_number(y, m, 1),
            Part::Day(m, d) => day_number(y, m, d),
        }
    }

    /// The day key of the last day the point covers.
    pub const fn last_day(&self) -> i32 {
        let y = self.year as i32;
        match self.part {
            Part::Year => day_number(y, 12, 31),
            // Winter runs into February of the next year.
            Part::Season(Season::Winter) => day_number(y + 1, 3, 1) - 1,
            Part::Season(s) => {
                let m = s.first_month() + 2;
                day_number(y, m, days_in_month(y, m))
            }
            Part::Month(m) => day_number(y, m, days_in_month(y, m)),
            Part::Day(m, d) => day_number(y, m, d),
        }
    }

    /// Human text: `13 Dec 1917`, `Dec 1917`, `spring 1918`, `1917`, `c. 1925`.
    pub fn display(&self) -> String {
        let mut s = String::new();
        if self.approx {
            s.push_str("c. ");
        }
        s.push_str(&self.without_year());
        if !matches!(self.part, Part::Year) {
            s.push(' ');
        }
        s.push_str(&self.year.to_string());
        s
    }

    /// The point's text without its year and `c.` (empty for a whole year).
    fn without_year(&self) -> String {
        match self.part {
            Part::Year => String::new(),
            Part::Season(s) => s.name().to_string(),
            Part::Month(m) => MONTHS[m as usize - 1].to_string(),
            Part::Day(m, d) => format!("{d} {}", MONTHS[m as usize - 1]),
        }
    }

    /// The point as `data/` writes it: `1917-12-13`, `1918-spring`, `c. 1925`.
    pub fn to_data_string(self) -> String {
        let c = if self.approx { "c. " } else { "" };
        let y = self.year;
        match self.part {
            Part::Year => format!("{c}{y:04}"),
            Part::Season(s) => format!("{c}{y:04}-{}", s.name()),
            Part::Month(m) => format!("{c}{y:04}-{m:02}"),
            Part::Day(m, d) => format!("{c}{y:04}-{m:02}-{d:02}"),
        }
    }

    /// Parses one point: `1917-12-13`, `1917-12`, `1917`, `1918-spring`, each
    /// optionally prefixed `c. `.
    pub fn parse(text: &str) -> Result<Point, String> {
        let (approx, rest) = match text.strip_prefix("c. ") {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let bad = || Err(format!("bad date \"{text}\": {FORMS}"));
        let mut pieces = rest.split('-');
        let year = match pieces.next() {
            Some(y) if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) => {
                y.parse::<i16>().unwrap_or(0)
            }
            _ => return bad(),
        };
        let second = pieces.next();
        let third = pieces.next();
        if pieces.next().is_some() {
            return bad();
        }
        let two_digits = |p: &str| -> Option<u8> {
            if p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()) {
                p.parse().ok()
            } else {
                None
            }
        };
        let part = match (second, third) {
            (None, None) => Part::Year,
            (Some(p), None) => match p {
                "spring" => Part::Season(Season::Spring),
                "summer" => Part::Season(Season::Summer),
                "autumn" => Part::Season(Season::Autumn),
                "winter" => Part::Season(Season::Winter),
                _ => match two_digits(p) {
                    Some(m) => Part::Month(m),
                    None => return bad(),
                },
            },
            (Some(m), Some(d)) => match (two_digits(m), two_digits(d)) {
                (Some(m), Some(d)) => Part::Day(m, d),
                _ => return bad(),
            },
            (None, Some(_)) => return bad(),
        };
        if let Part::Month(m) | Part::Day(m, _) = part {
            if !(1..=12).contains(&m) {
                return Err(format!("impossible date \"{text}\": there is no month {m}"));
            }
        }
        if let Part::Day(m, d) = part {
            let days = days_in_month(year as i32, m);
            if d == 0 {
                return Err(format!("impossible date \"{text}\": there is no day 0"));
            }
            if d > days {
                return Err(format!(
                    "impossible date \"{text}\": {} {year} has {days} days",
                    MONTH_NAMES[m as usize - 1]
                ));
            }
        }
        Ok(Point { year, part, approx })
    }
}

const FORMS: &str =
    "expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-season (spring, summer, autumn, winter), \
optionally after \"c. \"; a range \"A/B\"; or \"before X\" / \"after X\"";

impl Date {
    /// Parses a date string of `data/` (see the module documentation).
    pub fn parse(text: &str) -> Result<Date, String> {
        if let Some(rest) = text.strip_prefix("before ") {
            return Self::bound(text, rest).map(Date::Before);
        }
        if let Some(rest) = text.strip_prefix("after ") {
            return Self::bound(text, rest).map(Date::After);
        }
        match text.split_once('/') {
            None => Point::parse(text).map(Date::On),
            Some((a, b)) => {
                let (start, end) = (Point::parse(a)?, Point::parse(b)?);
                if end.last_day() < start.first_day() {
                    return Err(format!("date range \"{text}\" ends before it starts"));
                }
                Ok(Date::Range(start, end))
            }
        }
    }

    fn bound(text: &str, rest: &str) -> Result<Point, String> {
        if rest.contains('/') || rest.starts_with("c. ") {
            return Err(format!(
                "bad date \"{text}\": \"before\" and \"after\" take one exact point, not a range or \"c.\""
            ));
        }
        Point::parse(rest)
    }

    /// The date's first point (the bound itself for `before`/`after`).
    pub const fn start(&self) -> Point {
        match *self {
            Date::On(p) | Date::Range(p, _) | Date::Before(p) | Date::After(p) => p,
        }
    }

    /// The date's last point (the bound itself for `before`/`after`).
    pub const fn end(&self) -> Point {
        match *self {
            Date::Range(_, p) | Date::On(p) | Date::Before(p) | Date::After(p) => p,
        }
    }

    /// Whether any part of the date is marked `c.`.
    pub const fn is_approx(&self) -> bool {
        match *self {
            Date::Range(a, b) => a.approx || b.approx,
            Date::On(p) | Date::Before(p) | Date::After(p) => p.approx,
        }
    }

    pub const fn is_range(&self) -> bool {
        matches!(self, Date::Range(..))
    }

    /// The coarsest precision among the date's points.
    pub const fn precision(&self) -> Precision {
        let (a, b) = (self.start().precision(), self.end().precision());
        if (a as u8) > (b as u8) {
            a
        } else {
            b
        }
    }

    /// The earliest day the date can mean; `None` for `before X` (open).
    pub const fn start_day(&self) -> Option<i32> {
        match *self {
            Date::On(p) | Date::Range(p, _) => Some(p.first_day()),
            Date::Before(_) => None,
            Date::After(p) => Some(p.last_day() + 1),
        }
    }

    /// The latest day the date can mean; `None` for `after X` (open).
    pub const fn end_day(&self) -> Option<i32> {
        match *self {
            Date::On(p) | Date::Range(_, p) => Some(p.last_day()),
            Date::Before(p) => Some(p.first_day() - 1),
            Date::After(_) => None,
        }
    }

    /// A key that orders dates chronologically: by start (an open start sorts just
    /// before its bound), then by end (an open end last).
    pub const fn sort_key(&self) -> (i32, i32) {
        let end = match self.end_day() {
            Some(d) => d,
            None => i32::MAX,
        };
        let start = match self.start_day() {
            Some(d) => d,
            None => end,
        };
        (start, end)
    }

    /// Human text: `13 Dec 1917`, `Dec 1917 – Mar 1918`, `5–13 Dec 1917`,
    /// `1905–1917`, `before Oct 1922`, `after 1930`, `c. 1925`.
    pub fn display(&self) -> String {
        match self {
            Date::On(p) => p.display(),
            Date::Before(p) => format!("before {}", p.display()),
            Date::After(p) => format!("after {}", p.display()),
            Date::Range(a, b) => {
                if a == b {
                    return a.display();
                }
                let plain = !a.approx && !b.approx;
                match (a.part, b.part) {
                    (Part::Year, Part::Year) if plain => format!("{}–{}", a.year, b.year),
                    (Part::Day(m1, d1), Part::Day(m2, _))
                        if plain && a.year == b.year && m1 == m2 =>
                    {
                        format!("{d1}–{}", b.display())
                    }
                    (Part::Month(_) | Part::Day(..) | Part::Season(_), _)
                        if plain && a.year == b.year && !matches!(b.part, Part::Year) =>
                    {
                        format!("{} – {}", a.without_year(), b.display())
                    }
                    _ => format!("{} – {}", a.display(), b.display()),
                }
            }
        }
    }

    /// The date as `data/` writes it (parsing it gives this date back).
    pub fn to_data_string(self) -> String {
        match self {
            Date::On(p) => p.to_data_string(),
            Date::Range(a, b) => format!("{}/{}", a.to_data_string(), b.to_data_string()),
            Date::Before(p) => format!("before {}", p.to_data_string()),
            Date::After(p) => format!("after {}", p.to_data_string()),
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Date {
        Date::parse(s).unwrap_or_else(|e| panic!("{e}"))
    }

    fn err(s: &str) -> String {
        Date::parse(s).expect_err(s)
    }

    #[test]
    fn parses_every_form() {
        let day = Point {
            year: 1917,
            part: Part::Day(12, 13),
            approx: false,
        };
        assert_eq!(p("1917-12-13"), Date::On(day));
        assert_eq!(p("1917-12").start().part, Part::Month(12));
        assert_eq!(p("1917").start().part, Part::Year);
        assert_eq!(p("1918-spring").start().part, Part::Season(Season::Spring));
        assert!(p("c. 1925").is_approx());
        assert_eq!(p("c. 1925-03").start().precision(), Precision::Month);
        assert!(matches!(p("1917-12-05/1917-12-13"), Date::Range(..)));
        assert!(matches!(p("1917/c. 1925-03"), Date::Range(a, b) if !a.approx && b.approx));
        assert!(matches!(p("before 1922-10"), Date::Before(_)));
        assert!(matches!(p("after 1930"), Date::After(_)));
        assert_eq!(p("1917-12/1918").precision(), Precision::Year);
    }

    #[test]
    fn round_trips() {
        for s in [
            "1917-12-13",
            "1917-12",
            "1917",
            "1918-winter",
            "c. 1925",
            "c. 1925-03",
            "1917-12-05/1917-12-13",
            "1917-spring/c. 1918",
            "before 1922-10",
            "after 1930",
            "0999",
        ] {
            assert_eq!(p(s).to_data_string(), s);
        }
    }

    #[test]
    fn rejects_impossible_dates() {
        assert_eq!(
            err("1917-02-30"),
            "impossible date \"1917-02-30\": February 1917 has 28 days"
        );
        assert_eq!(
            err("1917-13"),
            "impossible date \"1917-13\": there is no month 13"
        );
        assert_eq!(
            err("1917-00-10"),
            "impossible date \"1917-00-10\": there is no month 0"
        );
        assert_eq!(
            err("1917-04-31"),
            "impossible date \"1917-04-31\": April 1917 has 30 days"
        );
        assert_eq!(
            err("1917-01-00"),
            "impossible date \"1917-01-00\": there is no day 0"
        );
        // Leap years: every 4th, not every 100th, but every 400th.
        assert!(Date::parse("1916-02-29").is_ok());
        assert!(Date::parse("2000-02-29").is_ok());
        assert!(Date::parse("1900-02-29").is_err());
        assert!(Date::parse("1917-02-29").is_err());
    }

    #[test]
    fn rejects_malformed_dates() {
        for s in [
            "",
            "17",
            "1917-1",
            "1917-1-05",
            "1917-12-5",
            "1917/",
            "/1917",
            "1917-fall",
            "c.1925",
            "ca. 1925",
            "1917-12-13-01",
            " 1917",
            "1917 ",
            "1917--12",
            "before",
            "before c. 1920",
            "before 1917/1918",
            "1917/1918/1919",
            "1917-12-13T00",
            "Dec 1917",
            "١٩١٧",
        ] {
            let e = err(s);
            assert!(e.starts_with("bad date"), "{s:?} gave {e}");
        }
        assert!(err("1917-xx").contains("expected YYYY"));
    }

    #[test]
    fn rejects_ranges_that_end_before_they_start() {
        assert_eq!(
            err("1919/1918"),
            "date range \"1919/1918\" ends before it starts"
        );
        assert!(Date::parse("1917-12-13/1917-12-05").is_err());
        assert!(Date::parse("1918-03/1918-spring").is_ok()); // overlapping ends are fine
        assert!(Date::parse("1917-12/1917").is_ok());
        assert!(Date::parse("1917-12-13/1917-12-13").is_ok());
        // Errors inside a range name the bad side.
        assert_eq!(
            err("1917/1918-02-30"),
            "impossible date \"1918-02-30\": February 1918 has 28 days"
        );
    }

    #[test]
    fn day_keys() {
        assert_eq!(day_number(1970, 1, 1), 0);
        assert_eq!(day_number(1969, 12, 31), -1);
        assert_eq!(day_number(2000, 3, 1) - day_number(2000, 2, 28), 2);
        assert_eq!(day_number(1917, 12, 13) - day_number(1917, 11, 13), 30);
        let y = p("1916");
        assert_eq!(y.start_day(), Some(day_number(1916, 1, 1)));
        assert_eq!(y.end_day(), Some(day_number(1916, 12, 31)));
        let w = p("1918-winter");
        assert_eq!(w.start_day(), Some(day_number(1918, 12, 1)));
        assert_eq!(w.end_day(), Some(day_number(1919, 2, 28)));
        let s = p("1918-summer");
        assert_eq!(s.end_day(), Some(day_number(1918, 8, 31)));
        let feb = p("1916-02");
        assert_eq!(feb.end_day(), Some(day_number(1916, 2, 29)));
        let before = p("before 1922-10");
        assert_eq!(before.start_day(), None);
        assert_eq!(before.end_day(), Some(day_number(1922, 9, 30)));
        let after = p("after 1930");
        assert_eq!(after.start_day(), Some(day_number(1931, 1, 1)));
        assert_eq!(after.end_day(), None);
    }

    #[test]
    fn sorts_chronologically() {
        let mut v = [
            "after 1917-12",
            "1918",
            "1917-12",
            "1917-12-13",
            "before 1917-12",
            "1917",
            "1917-12/1918-03",
            "1917-winter",
        ];
        v.sort_by_key(|s| p(s).sort_key());
        assert_eq!(
            v,
            [
                "1917",
                "before 1917-12",
                "1917-12",
                "1917-winter",
                "1917-12/1918-03",
                "1917-12-13",
                "1918",
                "after 1917-12",
            ]
        );
    }

    #[test]
    fn displays_human_text() {
        let cases = [
            ("1917-12-13", "13 Dec 1917"),
            ("1917-12", "Dec 1917"),
            ("1917", "1917"),
            ("1918-spring", "spring 1918"),
            ("c. 1925", "c. 1925"),
            ("c. 1925-03", "c. Mar 1925"),
            ("1917-12/1918-03", "Dec 1917 – Mar 1918"),
            ("1917-12-05/1917-12-13", "5–13 Dec 1917"),
            ("1917-11-05/1917-12-13", "5 Nov – 13 Dec 1917"),
            ("1917-03/1917-05", "Mar – May 1917"),
            ("1917-spring/1917-summer", "spring – summer 1917"),
            ("1905/1917", "1905–1917"),
            ("1905/c. 1917", "1905 – c. 1917"),
            ("1917-12/1920", "Dec 1917 – 1920"),
            ("1917/1917", "1917"),
            ("before 1922-10", "before Oct 1922"),
            ("after 1930", "after 1930"),
        ];
        for (data, shown) in cases {
            assert_eq!(p(data).display(), shown, "{data}");
            assert_eq!(p(data).to_string(), shown);
        }
    }

    #[test]
    fn usable_in_const_context() {
        const D: Date = Date::Range(
            Point {
                year: 1917,
                part: Part::Month(12),
                approx: false,
            },
            Point {
                year: 1920,
                part: Part::Year,
                approx: false,
            },
        );
        const KEY: (i32, i32) = D.sort_key();
        assert_eq!(KEY.0, day_number(1917, 12, 1));
        assert_eq!(D.display(), "Dec 1917 – 1920");
    }
}
