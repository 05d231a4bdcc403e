//! The current events as CSV and JSON downloads, and a citation for a view.
//!
//! Columns (README, "Export"): id, date (as Tarikh shows it), start and end (ISO
//! days, empty when open), title, summary, type, strands, people, places,
//! organisations, disputes (ids), citations (source, section, paragraphs),
//! link (the event's page, relative to the app).

use super::model::{Dataset, Event};
use super::route::View;

pub const COLUMNS: [&str; 14] = [
    "id",
    "date",
    "start",
    "end",
    "title",
    "summary",
    "type",
    "strands",
    "people",
    "places",
    "organisations",
    "disputes",
    "citations",
    "link",
];

fn iso(day: Option<i32>) -> String {
    day.map(|d| {
        // Inverse of date::day_number (days from 1970-01-01).
        let z = d + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i32::from(month <= 2);
        format!("{year:04}-{month:02}-{day:02}")
    })
    .unwrap_or_default()
}

/// Every column of one event, as text.
fn fields(ds: &Dataset, e: &Event) -> [String; 14] {
    let join = |it: &mut dyn Iterator<Item = &str>| it.collect::<Vec<_>>().join("; ");
    [
        e.id.to_string(),
        e.date.display(),
        iso(e.date.start_day()),
        iso(e.date.end_day()),
        e.title.to_string(),
        e.summary.to_string(),
        ds.event_types[e.kind as usize].id.to_string(),
        join(&mut e.tags.iter().map(|&t| ds.tags[t as usize].name)),
        join(&mut e.people.iter().map(|&p| ds.people[p as usize].name)),
        join(&mut e.places.iter().map(|&p| ds.places[p as usize].name)),
        join(&mut e.orgs.iter().map(|&o| ds.orgs[o as usize].name)),
        join(&mut e.disputes.iter().map(|&d| ds.disputes[d as usize].id)),
        e.cite
            .iter()
            .map(|c| ds.cite_text(c))
            .collect::<Vec<_>>()
            .join("; "),
        View::Event(e.id.into()).href(),
    ]
}

/// RFC 4180 CSV with a header row; every field quoted.
pub fn csv(ds: &Dataset, events: &[u32]) -> String {
    let mut out = String::new();
    let mut row = |cells: &mut dyn Iterator<Item = String>| {
        let quoted: Vec<String> = cells
            .map(|c| format!("\"{}\"", c.replace('"', "\"\"")))
            .collect();
        out.push_str(&quoted.join(","));
        out.push_str("\r\n");
    };
    row(&mut COLUMNS.iter().map(|c| c.to_string()));
    for &i in events {
        row(&mut fields(ds, &ds.events[i as usize]).into_iter());
    }
    out
}

/// Appends `s` to `out` as a JSON string literal.
pub fn json_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A JSON array of objects with the CSV's columns; list columns are arrays and
/// citations are objects `{source, paragraphs, text}`.
pub fn json(ds: &Dataset, events: &[u32]) -> String {
    let mut out = String::from("[");
    for (n, &i) in events.iter().enumerate() {
        let e = &ds.events[i as usize];
        let f = fields(ds, e);
        out.push_str(if n == 0 { "\n  {" } else { ",\n  {" });
        for (k, (name, value)) in COLUMNS.iter().zip(f.iter()).enumerate() {
            if k > 0 {
                out.push_str(", ");
            }
            json_string(name, &mut out);
            out.push_str(": ");
            match *name {
                "strands" | "people" | "places" | "organisations" | "disputes" => {
                    out.push('[');
                    for (j, item) in value.split("; ").filter(|s| !s.is_empty()).enumerate() {
                        if j > 0 {
                            out.push_str(", ");
                        }
                        json_string(item, &mut out);
                    }
                    out.push(']');
                }
                "citations" => {
                    out.push('[');
                    for (j, c) in e.cite.iter().enumerate() {
                        if j > 0 {
                            out.push_str(", ");
                        }
                        out.push_str("{\"source\": ");
                        json_string(ds.sources[c.source as usize].id, &mut out);
                        out.push_str(&format!(
                            ", \"paragraphs\": [{}, {}], \"text\": ",
                            c.from, c.to
                        ));
                        json_string(&ds.cite_text(c), &mut out);
                        out.push('}');
                    }
                    out.push(']');
                }
                _ => json_string(value, &mut out),
            }
        }
        out.push('}');
    }
    out.push_str(if events.is_empty() { "]\n" } else { "\n]\n" });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::dataset::DATASET;

    /// A minimal CSV reader (quoted fields, CRLF rows), to read back what we write.
    fn parse_csv(s: &str) -> Vec<Vec<String>> {
        let (mut rows, mut row, mut cell, mut quoted) = (vec![], vec![], String::new(), false);
        let mut chars = s.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, quoted) {
                ('"', true) if chars.peek() == Some(&'"') => {
                    cell.push('"');
                    chars.next();
                }
                ('"', _) => quoted = !quoted,
                (',', false) => row.push(std::mem::take(&mut cell)),
                ('\r', false) => {}
                ('\n', false) => {
                    row.push(std::mem::take(&mut cell));
                    rows.push(std::mem::take(&mut row));
                }
                (c, _) => cell.push(c),
            }
        }
        rows
    }

    #[test]
    fn csv_has_a_row_per_event_with_its_citations() {
        let ds = &DATASET;
        let events: Vec<u32> = (0..ds.events.len() as u32).collect();
        let rows = parse_csv(&csv(ds, &events));
        assert_eq!(rows[0], COLUMNS);
        assert_eq!(rows.len(), events.len() + 1);
        for (row, e) in rows[1..].iter().zip(ds.events) {
            assert_eq!(row.len(), COLUMNS.len());
            assert_eq!(row[0], e.id);
            assert_eq!(row[4], e.title);
            assert_eq!(row[5], e.summary, "quotes and commas survive");
            assert!(row[12].contains('¶'), "{}: citations", e.id);
        }
    }

    #[test]
    fn iso_days_match_the_dates() {
        let ds = &DATASET;
        let e = ds.event("bukeikhan-arrested-1922").unwrap();
        let f = fields(ds, e);
        assert_eq!((f[2].as_str(), f[3].as_str()), ("1922-10-01", "1922-10-31"));
        assert_eq!(
            iso(Some(crate::core::date::day_number(1917, 12, 13))),
            "1917-12-13"
        );
        assert_eq!(
            iso(Some(crate::core::date::day_number(1900, 2, 28) + 1)),
            "1900-03-01"
        );
    }

    #[test]
    fn json_is_well_formed_and_escapes_text() {
        let ds = &DATASET;
        let events: Vec<u32> = (0..ds.events.len() as u32).collect();
        let j = json(ds, &events);
        // Balanced structure outside strings, and every event present once.
        let (mut depth, mut in_str, mut esc, mut objects) = (0i32, false, false, 0);
        for c in j.chars() {
            match (in_str, esc, c) {
                (true, true, _) => esc = false,
                (true, false, '\\') => esc = true,
                (true, false, '"') => in_str = false,
                (true, false, c) => assert!(c as u32 >= 0x20, "raw control character in a string"),
                (false, _, '"') => in_str = true,
                (false, _, '{' | '[') => {
                    depth += 1;
                    objects += usize::from(c == '{' && depth == 2);
                }
                (false, _, '}' | ']') => depth -= 1,
                _ => {}
            }
            assert!(depth >= 0);
        }
        assert_eq!((depth, in_str), (0, false));
        assert_eq!(objects, ds.events.len());
        assert_eq!(json(ds, &[]), "[]\n");
        let mut s = String::new();
        json_string("a\"b\\c\nd\u{1}", &mut s);
        assert_eq!(s, r#""a\"b\\c\nd\u0001""#);
    }
}

/// "Cite this view": what the view shows, its link, and the day it was read
/// (`today`, ISO `YYYY-MM-DD`).
pub fn citation(events: usize, described: &str, href: &str, today: &str) -> String {
    format!("Tarikh, timeline of {events} events ({described}). {href} (accessed {today}).")
}

/// The results count as a reader sees it: "All 273 events.", "1 event matches."
/// (`none`: what is said for 0, e.g. "No events match.").
pub fn count_text(n: usize, unfiltered: bool, none: &str, one: &str, many: &str) -> String {
    match n {
        0 => none.to_string(),
        1 => format!("1 {one} matches."),
        n if unfiltered => format!("All {n} {many}."),
        n => format!("{n} {many} match."),
    }
}

/// The most events "Print all" puts on the page at once (the screen shows one
/// page; a printout of every result is offered up to this many).
pub const PRINT_ALL_MAX: usize = 500;

/// What a printout of the timeline holds, said on it: one page of `n` results
/// (page `page` of `pages`, `size` a page), or all of them.
pub fn print_scope(n: usize, page: u32, pages: u32, size: usize, all: bool) -> String {
    let noun = if n == 1 { "event" } else { "events" };
    if all || pages <= 1 {
        return format!("Printed: all {n} {noun}.");
    }
    let first = (page.clamp(1, pages) as usize - 1) * size + 1;
    let last = (first + size - 1).min(n);
    let offer = if n <= PRINT_ALL_MAX {
        format!(" To print every one, use “Print all {n} events” on the timeline.")
    } else {
        String::new()
    };
    format!("Printed: events {first}–{last} of {n} (page {page} of {pages}).{offer}")
}

#[cfg(test)]
mod print_tests {
    use super::*;

    #[test]
    fn a_printout_says_which_events_it_holds() {
        assert_eq!(
            print_scope(23, 1, 2, 20, false),
            "Printed: events 1–20 of 23 (page 1 of 2). To print every one, use “Print all 23 events” on the timeline."
        );
        assert!(print_scope(23, 2, 2, 20, false).starts_with("Printed: events 21–23 of 23 (page 2 of 2)."));
        assert_eq!(print_scope(23, 1, 2, 20, true), "Printed: all 23 events.");
        assert_eq!(print_scope(7, 1, 1, 20, false), "Printed: all 7 events.");
        assert_eq!(print_scope(1, 1, 1, 20, false), "Printed: all 1 event.");
        assert!(!print_scope(900, 1, 45, 20, false).contains("Print all"));
    }
}
