//! The dates arithmetic the generator needs: a day number as a calendar date, a
//! date moved by units of its own precision, whether two dates can share a day.

use crate::core::date::{day_number, Date, Part, Point, Season};

/// Whether two dates cannot share a day (an open bound reaches forever).
pub(super) fn disjoint(a: &Date, b: &Date) -> bool {
    let (a0, a1) = (
        a.start_day().unwrap_or(i32::MIN),
        a.end_day().unwrap_or(i32::MAX),
    );
    let (b0, b1) = (
        b.start_day().unwrap_or(i32::MIN),
        b.end_day().unwrap_or(i32::MAX),
    );
    a1 < b0 || b1 < a0
}

/// The day `n` (days from 1970-01-01) as (year, month, day).
pub(super) fn civil(n: i32) -> (i32, u8, u8) {
    // Howard Hinnant's civil_from_days.
    let z = n + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let y = yoe + era * 400 + i32::from(m <= 2);
    (y, m, d)
}

/// A point moved by `k` units of its own precision (days, months, seasons, years).
fn shift_point(p: Point, k: i32) -> Option<Point> {
    let y = i32::from(p.year);
    let (year, part) = match p.part {
        Part::Year => (y + k, Part::Year),
        Part::Month(m) => {
            let i = y * 12 + i32::from(m) - 1 + k;
            (i.div_euclid(12), Part::Month((i.rem_euclid(12) + 1) as u8))
        }
        Part::Season(s) => {
            const S: [Season; 4] = [
                Season::Spring,
                Season::Summer,
                Season::Autumn,
                Season::Winter,
            ];
            let at = S.iter().position(|&x| x == s)? as i32;
            let i = y * 4 + at + k;
            (i.div_euclid(4), Part::Season(S[i.rem_euclid(4) as usize]))
        }
        Part::Day(m, d) => {
            let (yy, mm, dd) = civil(day_number(y, m, d) + k);
            (yy, Part::Day(mm, dd))
        }
    };
    Some(Point {
        year: i16::try_from(year)
            .ok()
            .filter(|y| (1000..=2999).contains(y))?,
        part,
        approx: p.approx,
    })
}

/// A date moved by `k` units; `None` if that makes no valid date.
pub fn shift(d: Date, k: i32) -> Option<Date> {
    let out = match d {
        Date::On(p) => Date::On(shift_point(p, k)?),
        Date::Before(p) => Date::Before(shift_point(p, k)?),
        Date::After(p) => Date::After(shift_point(p, k)?),
        Date::Range(a, b) => {
            let (a, b) = (shift_point(a, k)?, shift_point(b, k)?);
            if b.last_day() < a.first_day() {
                return None;
            }
            Date::Range(a, b)
        }
    };
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_shift_by_their_own_precision() {
        let d = |s: &str| Date::parse(s).unwrap();
        let sh = |s: &str, k| shift(d(s), k).map(|x| x.to_data_string());
        assert_eq!(sh("1922-10-10", 4).as_deref(), Some("1922-10-14"));
        assert_eq!(sh("1922-12-30", 3).as_deref(), Some("1923-01-02"));
        assert_eq!(sh("1916-03-01", -1).as_deref(), Some("1916-02-29"));
        assert_eq!(sh("1935-10", 3).as_deref(), Some("1936-01"));
        assert_eq!(sh("1935-01", -1).as_deref(), Some("1934-12"));
        assert_eq!(sh("1925-autumn", 1).as_deref(), Some("1925-winter"));
        assert_eq!(sh("1925-spring", -1).as_deref(), Some("1924-winter"));
        assert_eq!(sh("1917/1920", -2).as_deref(), Some("1915/1918"));
        assert_eq!(sh("c. 1925", 1).as_deref(), Some("c. 1926"));
        for n in [-30_000, -1, 0, 1, 59, 60, 365, 20_000] {
            let (y, m, dd) = civil(n);
            assert_eq!(day_number(y, m, dd), n);
        }
    }
}
