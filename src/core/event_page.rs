//! What an event's page leads on to: the events before and after it in time and
//! within each of its strands, the periods it falls in, related events (the same
//! people or places), and the page of the timeline it is on.

use super::filter::{Facet, Filter, PAGE_SIZE};
use super::link::LinkState;
use super::model::{Dataset, Event, Period, Scheme};
use super::timeline::TimelineState;

/// The events just before and after event `i` (dataset order is chronological).
pub fn in_time(ds: &Dataset, i: u32) -> (Option<u32>, Option<u32>) {
    let prev = i.checked_sub(1);
    let next = Some(i + 1).filter(|&n| (n as usize) < ds.events.len());
    (prev, next)
}

/// Per strand of event `i`: the strand and the events of that strand just before
/// and after it.
pub fn in_strands(ds: &Dataset, i: u32) -> Vec<(u8, Option<u32>, Option<u32>)> {
    let e = &ds.events[i as usize];
    e.tags
        .iter()
        .map(|&t| {
            let has = |k: &u32| ds.events[*k as usize].tags.contains(&t);
            let prev = (0..i).rev().find(has);
            let next = (i + 1..ds.events.len() as u32).find(has);
            (t, prev, next)
        })
        .collect()
}

/// The periods the event's start falls in, one per scheme that has one.
pub fn periods(ds: &Dataset, e: &Event) -> Vec<(&'static Scheme, &'static Period)> {
    let Some(day) = e.date.start_day().or(e.date.end_day()) else {
        return Vec::new();
    };
    ds.schemes
        .iter()
        .filter_map(|s| {
            s.periods
                .iter()
                .find(|p| {
                    p.date.start_day().is_none_or(|a| a <= day)
                        && p.date.end_day().is_none_or(|b| day <= b)
                })
                .map(|p| (s, p))
        })
        .collect()
}

/// Up to `max` other events sharing people or places with event `i`: most shared
/// first, then nearest in time.
pub fn related(ds: &Dataset, i: u32, max: usize) -> Vec<u32> {
    let e = &ds.events[i as usize];
    let mut scored: Vec<(usize, u32, u32)> = (0..ds.events.len() as u32)
        .filter(|&k| k != i)
        .filter_map(|k| {
            let o = &ds.events[k as usize];
            let shared = o.people.iter().filter(|p| e.people.contains(p)).count()
                + o.places.iter().filter(|p| e.places.contains(p)).count();
            (shared > 0).then_some((shared, k.abs_diff(i), k))
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    scored.into_iter().take(max).map(|(_, _, k)| k).collect()
}

/// The timeline at the page that shows event `i` among all events.
pub fn on_the_timeline(ds: &Dataset, i: u32) -> String {
    TimelineState {
        page: i / PAGE_SIZE as u32 + 1,
        ..TimelineState::default()
    }
    .href(ds)
}

/// The timeline of one value of a facet (a strand, a place, an organisation).
pub fn timeline_of(ds: &Dataset, facet: Facet, value: u32) -> String {
    let mut f = Filter::default();
    f.toggle(facet, value);
    TimelineState::of(f).href(ds)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::dataset::DATASET;
    use crate::core::filter::page_of;

    #[test]
    fn an_event_leads_on_in_time_in_its_strands_and_to_related_events() {
        let ds = &DATASET;
        let i = ds.event_index("khiva-captured-1920").unwrap() as u32;
        let (prev, next) = in_time(ds, i);
        assert_eq!((prev, next), (Some(i - 1), Some(i + 1)));
        assert_eq!(in_time(ds, 0).0, None);
        let last = ds.events.len() as u32 - 1;
        assert_eq!(in_time(ds, last).1, None);
        let khiva = ds.tags.iter().position(|t| t.id == "khiva").unwrap() as u8;
        let (_, sp, sn) = in_strands(ds, i)
            .into_iter()
            .find(|s| s.0 == khiva)
            .unwrap();
        for k in [sp.unwrap(), sn.unwrap()] {
            assert!(ds.events[k as usize].tags.contains(&khiva));
        }
        assert!((sp.unwrap() + 1..i).all(|k| !ds.events[k as usize].tags.contains(&khiva)));
        let rel = related(ds, i, 5);
        assert!(!rel.is_empty() && rel.len() <= 5 && !rel.contains(&i));
        let e = &ds.events[i as usize];
        for k in rel {
            let o = &ds.events[k as usize];
            assert!(
                o.people.iter().any(|p| e.people.contains(p))
                    || o.places.iter().any(|p| e.places.contains(p))
            );
        }
        // Its start (January 1920) in each scheme: the Basmachi phases' rise in Fergana.
        let found = periods(ds, e);
        assert!(found.len() <= ds.schemes.len());
        assert!(
            found
                .iter()
                .any(|(s, p)| s.id == "basmachi-article-phases"
                    && p.name.starts_with("Rise in Fergana")),
            "{:?}",
            found.iter().map(|(_, p)| p.name).collect::<Vec<_>>()
        );
        // "Show on the timeline": the page that holds it.
        let href = on_the_timeline(ds, i);
        let page: u32 = href.rsplit('=').next().unwrap().parse().unwrap();
        let all: Vec<u32> = (0..ds.events.len() as u32).collect();
        assert!(page_of(&all, page).0.contains(&i), "{href}");
        assert_eq!(
            timeline_of(ds, Facet::Strand, khiva as u32),
            "#/timeline?strand=khiva"
        );
    }
}
