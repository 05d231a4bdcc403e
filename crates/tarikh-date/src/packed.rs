//! Dates in the dataset's packed form: the data pipeline writes them into the
//! dataset blob and the app reads them back, with this one definition on both
//! sides. A point is its year (2 bytes, little-endian), then one byte holding
//! the part (`0` year, `1`–`4` a season, `5` a month, `6` a day; `+ 0x80` when
//! approximate), then the month and day bytes its part needs. A date is a tag
//! byte (`0` on, `1` range, `2` before, `3` after) and its points.

use crate::{Date, Part, Point, Season};

const SEASONS: [Season; 4] = [
    Season::Spring,
    Season::Summer,
    Season::Autumn,
    Season::Winter,
];

fn put_point(p: &Point, out: &mut Vec<u8>) {
    out.extend_from_slice(&p.year.to_le_bytes());
    let approx = if p.approx { 0x80 } else { 0 };
    match p.part {
        Part::Year => out.push(approx),
        Part::Season(s) => {
            out.push(approx | (1 + SEASONS.iter().position(|&x| x == s).unwrap_or(0) as u8))
        }
        Part::Month(m) => out.extend_from_slice(&[approx | 5, m]),
        Part::Day(m, d) => out.extend_from_slice(&[approx | 6, m, d]),
    }
}

/// Appends `date` in packed form.
pub fn put(date: &Date, out: &mut Vec<u8>) {
    match date {
        Date::On(p) => {
            out.push(0);
            put_point(p, out);
        }
        Date::Range(a, b) => {
            out.push(1);
            put_point(a, out);
            put_point(b, out);
        }
        Date::Before(p) => {
            out.push(2);
            put_point(p, out);
        }
        Date::After(p) => {
            out.push(3);
            put_point(p, out);
        }
    }
}

fn byte(b: &[u8], at: &mut usize) -> u8 {
    let x = b[*at];
    *at += 1;
    x
}

fn get_point(b: &[u8], at: &mut usize) -> Point {
    let year = i16::from_le_bytes([byte(b, at), byte(b, at)]);
    let tag = byte(b, at);
    let part = match tag & 0x7f {
        0 => Part::Year,
        t @ 1..=4 => Part::Season(SEASONS[t as usize - 1]),
        5 => Part::Month(byte(b, at)),
        _ => Part::Day(byte(b, at), byte(b, at)),
    };
    Point {
        year,
        part,
        approx: tag & 0x80 != 0,
    }
}

/// Reads the packed date at `*at` and moves past it. The input is the build's
/// own output, so it is trusted: a malformed one panics (by indexing).
pub fn get(b: &[u8], at: &mut usize) -> Date {
    match byte(b, at) {
        0 => Date::On(get_point(b, at)),
        1 => {
            let a = get_point(b, at);
            Date::Range(a, get_point(b, at))
        }
        2 => Date::Before(get_point(b, at)),
        _ => Date::After(get_point(b, at)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_date_round_trips() {
        let texts = [
            "1917-12-13",
            "1917-12",
            "1917",
            "1918-spring",
            "1918-winter",
            "c. 1925",
            "c. 1925-03",
            "1917/1920-05",
            "before 1922-10",
            "after 1930",
            "c. 1891-06-01/1937-autumn",
        ];
        let dates: Vec<Date> = texts.iter().map(|t| Date::parse(t).unwrap()).collect();
        let mut out = Vec::new();
        for d in &dates {
            put(d, &mut out);
        }
        let mut at = 0;
        for d in &dates {
            assert_eq!(&get(&out, &mut at), d);
        }
        assert_eq!(at, out.len());
    }
}
