//! The start (`#/`, [`View::Home`](super::route::View::Home)): what a newcomer
//! reads first. The orientation's words are data (`data/intro.toml`, cited and
//! checked by the build); this module decides the rest of the page from the
//! dataset: the key events and key people (`key = true` in data/), the guided
//! tours (`data/tours.toml`), and the links onward.

use super::filter::Filter;
use super::link::LinkState;
use super::model::{Dataset, Tour};
use super::quiz::setup_href;
use super::timeline::{PresentState, TimelineState};

/// The key events, in date order (indices into `ds.events`).
pub fn key_events(ds: &Dataset) -> Vec<u32> {
    (0..ds.events.len() as u32)
        .filter(|&i| ds.events[i as usize].key)
        .collect()
}

/// The key people, most present in the record first (events, then relations),
/// then by dataset order (indices into `ds.people`).
pub fn key_people(ds: &Dataset) -> Vec<u16> {
    let mut people: Vec<u16> = (0..ds.people.len() as u16)
        .filter(|&i| ds.people[i as usize].key)
        .collect();
    people.sort_by_key(|&i| {
        let p = &ds.people[i as usize];
        (std::cmp::Reverse(p.events.len() + p.relations.len()), i)
    });
    people
}

/// The tour called `id`.
pub fn tour<'d>(ds: &'d Dataset, id: &str) -> Option<&'d Tour> {
    ds.tours.iter().find(|t| t.id == id)
}

/// The link that plays a tour in Present mode: `#/present?tour=<id>`.
pub fn present_href(ds: &Dataset, tour: &Tour) -> String {
    PresentState::tour(ds, tour.id).href(ds)
}

/// The timeline of the key events only (`#/timeline?key=1`).
pub fn key_timeline_href(ds: &Dataset) -> String {
    TimelineState::of(key_filter()).href(ds)
}

/// A quiz on the key events: the setup form with that topic.
pub fn key_quiz_href(ds: &Dataset) -> String {
    setup_href(ds, &key_filter())
}

fn key_filter() -> Filter {
    let mut f = Filter::default();
    f.key = true;
    f
}

/// A tour's span in years, from its first step to its last ("1917–1920").
pub fn tour_years(ds: &Dataset, t: &Tour) -> Option<String> {
    let year = |i: u32| super::filter::start_year(&ds.events[i as usize]);
    let first = year(t.steps.first()?.event);
    let last = t
        .steps
        .iter()
        .map(|s| {
            let e = &ds.events[s.event as usize];
            i32::from(e.date.end().year).max(year(s.event))
        })
        .max()?;
    Some(if first == last {
        first.to_string()
    } else {
        format!("{first}–{last}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::dataset::DATASET;
    use crate::core::route::{Route, View};

    #[test]
    fn the_orientation_is_data_every_part_cited_with_its_links() {
        let ds = &DATASET;
        assert!(ds.intro.len() >= 4, "{} parts", ds.intro.len());
        let ids: Vec<&str> = ds.intro.iter().map(|p| p.id).collect();
        for want in ["alash", "basmachi", "where-when", "how-related", "phases"] {
            assert!(ids.contains(&want), "no part {want}");
        }
        for p in ds.intro {
            assert!(!p.cite.is_empty() && !p.text.is_empty(), "{}", p.id);
        }
        // Two minutes: about 200 words a minute.
        let words: usize = ds
            .intro
            .iter()
            .map(|p| p.text.split_whitespace().count())
            .sum();
        assert!(words <= 450, "{words} words");
    }

    #[test]
    fn key_events_and_people_and_the_four_tours() {
        let ds = &DATASET;
        let events = key_events(ds);
        assert!(events.windows(2).all(|w| w[0] < w[1]), "date order");
        assert!(events.len() >= 10);
        let people = key_people(ds);
        assert_eq!(ds.people[people[0] as usize].id, "alikhan-bukeikhan");
        for id in [
            "alash-autonomy",
            "bukeikhan-moscow",
            "fall-of-khiva",
            "basmachi-revolt",
        ] {
            let t = tour(ds, id).unwrap_or_else(|| panic!("no tour {id}"));
            assert!(t.steps.len() >= 5 && !t.cite.is_empty(), "{id}");
            assert!(t
                .steps
                .iter()
                .all(|s| !s.cite.is_empty() && !s.text.is_empty()));
            assert!(
                t.steps.windows(2).all(|w| w[0].event < w[1].event),
                "{id}: in date order"
            );
            assert_eq!(present_href(&DATASET, t), format!("#/present?tour={id}"));
            assert_eq!(
                Route::parse(&View::Tour(id.into()).href()).view,
                View::Tour(id.into())
            );
        }
        assert_eq!(
            tour_years(ds, tour(ds, "fall-of-khiva").unwrap()).as_deref(),
            Some("1918–1920")
        );
        assert_eq!(key_timeline_href(ds), "#/timeline?key=1");
        assert!(
            key_quiz_href(ds).starts_with("#/quiz?key=1"),
            "{}",
            key_quiz_href(ds)
        );
    }
}
