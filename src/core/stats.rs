//! Counts over the dataset that views show (the About page's per-source numbers).

use super::date::Date;
use super::model::{Dataset, DisputeKind, Event, Source};

/// How many events cite source `source` (index into `ds.sources`) at least once.
pub fn events_citing(ds: &Dataset, source: usize) -> usize {
    ds.events
        .iter()
        .filter(|e| e.cite.iter().any(|c| c.source as usize == source))
        .count()
}

/// How many dispute claims cite source `source`.
pub fn claims_citing(ds: &Dataset, source: usize) -> usize {
    ds.disputes
        .iter()
        .flat_map(|d| d.claims)
        .filter(|c| c.cite.iter().any(|c| c.source as usize == source))
        .count()
}

/// The disputes of one kind, in the dataset's order.
pub fn disputes_of_kind(ds: &Dataset, kind: DisputeKind) -> impl Iterator<Item = usize> + '_ {
    ds.disputes
        .iter()
        .enumerate()
        .filter(move |(_, d)| d.kind == kind)
        .map(|(i, _)| i)
}

/// The dates the sources give for an event whose date is disputed: from each of
/// its disputes whose claims give two or more different dates within the
/// event's own (agreed, coarser) date, those dates, distinct and in order.
pub fn claimed_dates(ds: &Dataset, e: &Event) -> Vec<Date> {
    let mut dates = Vec::new();
    for &d in e.disputes {
        let mut these: Vec<Date> = ds.disputes[d as usize]
            .claims
            .iter()
            .filter_map(|c| c.date)
            .filter(|c| within(c, &e.date))
            .collect();
        these.sort_by_key(Date::sort_key);
        these.dedup();
        if these.len() >= 2 {
            dates.extend(these);
        }
    }
    dates.sort_by_key(Date::sort_key);
    dates.dedup();
    dates
}

/// Does date `inner` fall inside `outer` (a claim about this event's own date)?
fn within(inner: &Date, outer: &Date) -> bool {
    let (a, b) = (
        outer.start_day().unwrap_or(i32::MIN),
        outer.end_day().unwrap_or(i32::MAX),
    );
    inner.start_day().is_some_and(|s| s >= a) && inner.end_day().is_some_and(|t| t <= b)
}

/// "sources give 10 Oct 1922 and 14 Oct 1922", or None when fewer than two dates.
pub fn claimed_dates_text(ds: &Dataset, e: &Event) -> Option<String> {
    let dates = claimed_dates(ds, e);
    if dates.len() < 2 {
        return None;
    }
    let texts: Vec<String> = dates.iter().map(Date::display).collect();
    let (last, rest) = texts.split_last()?;
    Some(format!("sources give {} and {last}", rest.join(", ")))
}

/// A source's full reference, from what `data/sources.toml` gives and nothing
/// else: `Author, “Title”, in Container. Kind, N paragraphs.` A title the text
/// does not carry (a description) is in square brackets, not quotes.
pub fn reference(s: &Source) -> String {
    let mut r = String::new();
    if let Some(a) = s.author {
        r.push_str(a);
        r.push_str(", ");
    }
    if s.untitled {
        r.push_str(&format!("[{}]", s.title));
    } else {
        r.push_str(&format!("“{}”", s.title));
    }
    if let Some(c) = s.container {
        r.push_str(", in ");
        r.push_str(c);
    }
    let mut kind = s.kind.chars();
    let kind: String = kind
        .next()
        .map(|c| c.to_uppercase().chain(kind).collect())
        .unwrap_or_default();
    r.push_str(&format!(". {kind}, {} paragraphs.", s.paragraphs));
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::dataset::DATASET;

    #[test]
    fn every_source_is_cited_and_counts_add_up() {
        let ds = &DATASET;
        for (i, s) in ds.sources.iter().enumerate() {
            let n = events_citing(ds, i);
            assert!(n > 0, "no event cites {}", s.id);
            assert!(n <= ds.events.len());
        }
        // An event citing two sources counts for both, so the sum is at least the total.
        let sum: usize = (0..ds.sources.len()).map(|i| events_citing(ds, i)).sum();
        assert!(sum >= ds.events.len());
        let kinds = [
            DisputeKind::BetweenSources,
            DisputeKind::WithinSource,
            DisputeKind::Unsupported,
        ];
        let all: usize = kinds.iter().map(|&k| disputes_of_kind(ds, k).count()).sum();
        assert_eq!(all, ds.disputes.len());
    }

    #[test]
    fn the_1922_arrest_shows_both_dates_the_sources_give() {
        let ds = &DATASET;
        let e = ds
            .event("bukeikhan-arrested-1922")
            .expect("the 1922 arrest event");
        assert_eq!(e.date.display(), "Oct 1922");
        assert_eq!(
            claimed_dates_text(ds, e).as_deref(),
            Some("sources give 10 Oct 1922 and 14 Oct 1922")
        );
        // A dispute whose dates are about another event says nothing here.
        for e in ds.events {
            for d in claimed_dates(ds, e) {
                assert!(within(&d, &e.date), "{}: {}", e.id, d.display());
            }
        }
        // An undisputed event has no such note.
        let plain = ds.events.iter().find(|e| e.disputes.is_empty()).unwrap();
        assert_eq!(claimed_dates_text(ds, plain), None);
    }

    #[test]
    fn the_unsupported_governor_claim_is_never_stated_as_fact() {
        // enc-alash names a governor of Kazakhstan, 1905–1920, whom nothing else
        // supports: he may appear only inside the dispute that records the claim.
        let ds = &DATASET;
        let mentions = |s: &str| s.to_lowercase().contains("balabanov");
        for e in ds.events {
            assert!(
                !mentions(e.title) && !mentions(e.summary),
                "event {} states it",
                e.id
            );
        }
        for p in ds.people {
            assert!(
                !p.names.iter().any(|n| mentions(n.name)),
                "person {} is {}",
                p.id,
                p.name
            );
        }
        let d = ds
            .disputes
            .iter()
            .find(|d| d.claims.iter().any(|c| mentions(c.says)));
        assert_eq!(d.map(|d| d.kind), Some(DisputeKind::Unsupported));
    }

    #[test]
    fn a_reference_gives_what_the_source_record_gives() {
        let ds = &DATASET;
        let r = |id: &str| reference(ds.source(id).unwrap());
        assert_eq!(
            r("enc-alash"),
            "“Alash Autonomy”, in Kazakhstan Encyclopedia. Encyclopedia article, 11 paragraphs."
        );
        assert_eq!(
            r("moscow-cage"),
            "Sultan-Khan Akkuly, “The Leader of the Nation and His \"Moscow Cage\"”. Essay, 242 paragraphs."
        );
        // An untitled text: the title describes it, in brackets.
        assert!(
            r("khiva-1918").starts_with("[The Khiva Khanate"),
            "{}",
            r("khiva-1918")
        );
        for s in ds.sources {
            let text = reference(s);
            assert!(text.contains(s.title));
            assert_eq!(text.contains(", in "), s.container.is_some());
            assert!(s.author.is_none_or(|a| text.starts_with(a)));
        }
    }
}
