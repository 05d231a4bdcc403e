//! The current events as CSV and JSON downloads, and a citation for a view.
//!
//! Columns (README, "Export"): id, date (as Tarikh shows it), start and end (ISO
//! days, empty when open), title, summary, type, strands, people, places,
//! organisations, disputes (ids), citations (source, section, paragraphs),
//! link (the event's page, relative to the app).

use super::model::{Dataset, Event};
use super::route::View;
use serde::Serialize;

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
        let (year, month, day) = super::axis::civil(d);
        format!("{year:04}-{month:02}-{day:02}")
    })
    .unwrap_or_default()
}

/// One exported event: the CSV's columns, lists as lists (so a name that
/// contains "; " stays one name in JSON), citations as objects.
#[derive(Serialize)]
pub struct Row<'a> {
    pub id: &'a str,
    pub date: String,
    pub start: String,
    pub end: String,
    pub title: &'a str,
    pub summary: &'a str,
    #[serde(rename = "type")]
    pub kind: &'a str,
    pub strands: Vec<&'a str>,
    pub people: Vec<&'a str>,
    pub places: Vec<&'a str>,
    pub organisations: Vec<&'a str>,
    pub disputes: Vec<&'a str>,
    pub citations: Vec<CiteRow<'a>>,
    pub link: String,
}

/// A citation in the JSON export.
#[derive(Serialize)]
pub struct CiteRow<'a> {
    pub source: &'a str,
    pub paragraphs: [u16; 2],
    pub text: String,
}

/// The names (or ids) of the records an event refers to by index.
fn names<I: Copy + Into<usize>, T>(
    refs: &[I],
    table: &'static [T],
    name: fn(&'static T) -> &'static str,
) -> Vec<&'static str> {
    refs.iter().map(|&i| name(&table[i.into()])).collect()
}

impl<'a> Row<'a> {
    pub fn of(ds: &'a Dataset, e: &'a Event) -> Row<'a> {
        Row {
            id: e.id,
            date: e.date.display(),
            start: iso(e.date.start_day()),
            end: iso(e.date.end_day()),
            title: e.title,
            summary: e.summary,
            kind: ds.event_types[e.kind as usize].id,
            strands: names(e.tags, ds.tags, |t| t.name),
            people: names(e.people, ds.people, |p| p.name),
            places: names(e.places, ds.places, |p| p.name),
            organisations: names(e.orgs, ds.orgs, |o| o.name),
            disputes: names(e.disputes, ds.disputes, |d| d.id),
            citations: e
                .cite
                .iter()
                .map(|c| CiteRow {
                    source: ds.sources[c.source as usize].id,
                    paragraphs: [c.from, c.to],
                    text: ds.cite_text(c),
                })
                .collect(),
            link: View::Event(e.id.into()).href(),
        }
    }

    /// The row as the CSV's cells (lists `; `-separated).
    fn cells(&self) -> [String; 14] {
        let cites: Vec<&str> = self.citations.iter().map(|c| c.text.as_str()).collect();
        [
            self.id.to_string(),
            self.date.clone(),
            self.start.clone(),
            self.end.clone(),
            self.title.to_string(),
            self.summary.to_string(),
            self.kind.to_string(),
            self.strands.join("; "),
            self.people.join("; "),
            self.places.join("; "),
            self.organisations.join("; "),
            self.disputes.join("; "),
            cites.join("; "),
            self.link.clone(),
        ]
    }
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
        row(&mut Row::of(ds, &ds.events[i as usize]).cells().into_iter());
    }
    out
}

/// A JSON array of the rows (serde), one object per event.
pub fn json(ds: &Dataset, events: &[u32]) -> String {
    let rows: Vec<Row> = events
        .iter()
        .map(|&i| Row::of(ds, &ds.events[i as usize]))
        .collect();
    rows_json(&rows)
}

/// The rows as pretty JSON with a final newline.
pub fn rows_json(rows: &[Row]) -> String {
    let mut s = serde_json::to_string_pretty(rows).unwrap_or_else(|_| "[]".into());
    s.push('\n');
    s
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
        let r = Row::of(ds, e);
        assert_eq!(
            (r.start.as_str(), r.end.as_str()),
            ("1922-10-01", "1922-10-31")
        );
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
    fn json_is_the_rows_with_lists_as_lists() {
        let ds = &DATASET;
        let events: Vec<u32> = (0..ds.events.len() as u32).collect();
        let v: serde_json::Value = serde_json::from_str(&json(ds, &events)).expect("valid JSON");
        let arr = v.as_array().unwrap();
        assert_eq!(arr.len(), ds.events.len());
        for (o, e) in arr.iter().zip(ds.events) {
            assert_eq!(o["id"], e.id);
            assert_eq!(o["title"], e.title);
            assert_eq!(o["summary"], e.summary);
            assert_eq!(o["people"].as_array().unwrap().len(), e.people.len());
            assert_eq!(o["citations"].as_array().unwrap().len(), e.cite.len());
            let mut keys: Vec<&str> = o.as_object().unwrap().keys().map(String::as_str).collect();
            let mut columns = COLUMNS.to_vec();
            keys.sort_unstable();
            columns.sort_unstable();
            assert_eq!(keys, columns, "the JSON keys are the CSV's columns");
        }
        // … written in the CSV's order.
        let text = json(ds, &events[..1]);
        let at: Vec<usize> = COLUMNS
            .iter()
            .map(|c| text.find(&format!("\"{c}\":")).unwrap())
            .collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{text}");
        assert_eq!(json(ds, &[]), "[]\n");
    }

    #[test]
    fn a_name_with_a_semicolon_stays_one_name_in_json() {
        let ds = &DATASET;
        let e = &ds.events[0];
        let mut row = Row::of(ds, e);
        row.people = vec!["Smith; Jones", "Ibrahim \"Bek\"\n"];
        let v: serde_json::Value = serde_json::from_str(&rows_json(&[row])).unwrap();
        assert_eq!(
            v[0]["people"],
            serde_json::json!(["Smith; Jones", "Ibrahim \"Bek\"\n"])
        );
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
        assert!(print_scope(23, 2, 2, 20, false)
            .starts_with("Printed: events 21–23 of 23 (page 2 of 2)."));
        assert_eq!(print_scope(23, 1, 2, 20, true), "Printed: all 23 events.");
        assert_eq!(print_scope(7, 1, 1, 20, false), "Printed: all 7 events.");
        assert_eq!(print_scope(1, 1, 1, 20, false), "Printed: all 1 event.");
        assert!(!print_scope(900, 1, 45, 20, false).contains("Print all"));
    }
}
