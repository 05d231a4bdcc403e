//! Writes every event of the compiled-in dataset in Knight Lab TimelineJS's JSON
//! format, for the benchmark's side-by-side (scripts/bench.sh):
//! `cargo run --example export_timelinejs > timeline.json`.
//!
//! Each slide has the event's date (precision kept: year, month, day; a season
//! starts at its first month), Tarikh's display of it, the title and the summary
//! with the citations, as Tarikh's cards show them. TimelineJS renders `text` as
//! HTML, so every value is HTML-escaped.

use tarikh::core::dataset::DATASET;
use tarikh::core::date::{Date, Part, Point, Season};
/// Appends `s` as a JSON string literal.
fn json_string(s: &str, out: &mut String) {
    out.push_str(&serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into()));
}

fn html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn point(p: &Point) -> String {
    let (month, day) = match p.part {
        Part::Year => (None, None),
        Part::Season(s) => (
            Some(match s {
                Season::Spring => 3,
                Season::Summer => 6,
                Season::Autumn => 9,
                Season::Winter => 12,
            }),
            None,
        ),
        Part::Month(m) => (Some(m), None),
        Part::Day(m, d) => (Some(m), Some(d)),
    };
    let mut out = format!("{{\"year\": {}", p.year);
    if let Some(m) = month {
        out.push_str(&format!(", \"month\": {m}"));
    }
    if let Some(d) = day {
        out.push_str(&format!(", \"day\": {d}"));
    }
    out.push('}');
    out
}

fn main() {
    let ds = &DATASET;
    let mut out = String::from("{\"title\": {\"text\": {\"headline\": \"Tarikh\", \"text\": ");
    json_string(
        "Alash and the Basmachi, 1905–1937 (Tarikh's dataset, for comparison)",
        &mut out,
    );
    out.push_str("}},\n\"events\": [");
    for (n, e) in ds.events.iter().enumerate() {
        let (start, end) = match &e.date {
            Date::On(p) | Date::Before(p) | Date::After(p) => (p, None),
            Date::Range(a, b) => (a, Some(b)),
        };
        out.push_str(if n == 0 { "\n" } else { ",\n" });
        out.push_str(&format!("{{\"start_date\": {}", point(start)));
        if let Some(b) = end {
            out.push_str(&format!(", \"end_date\": {}", point(b)));
        }
        out.push_str(", \"unique_id\": ");
        json_string(e.id, &mut out);
        out.push_str(", \"display_date\": ");
        json_string(&e.date.display(), &mut out);
        let sources: Vec<String> = e.cite.iter().map(|c| html(&ds.cite_text(c))).collect();
        let text = format!(
            "<p>{}</p><p>Sources: {}</p>",
            html(e.summary),
            sources.join("; ")
        );
        out.push_str(", \"text\": {\"headline\": ");
        json_string(&html(e.title), &mut out);
        out.push_str(", \"text\": ");
        json_string(&text, &mut out);
        out.push_str("}}");
    }
    out.push_str("\n]}\n");
    print!("{out}");
}
