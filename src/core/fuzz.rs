//! A property-based fuzz of every link parser in the core (the stored quiz
//! progress has its own, in `quiz/stored.rs`): random addresses for every view,
//! made of the view's own keys, other views' keys, unknown keys and values of
//! every kind (ids, numbers, percent garbage, any Unicode, 5,000 capitals).
//! For each: no panic; at most ten notices and "… and N more", each short; a
//! notice whenever a key the view does not know was in the link; free text cut
//! to `MAX_TEXT`; and the canonical link of what was read reads back the same,
//! with no notice.

use super::dataset::DATASET;
use super::disputes::DisputesState;
use super::filter::Filter;
use super::link::{LinkState, NoParams, Notice, MAX_NOTICES, MAX_TEXT};
use super::people::IndexState;
use super::quiz::Spec;
use super::reader::ReaderState;
use super::route::{Route, View};
use super::timeline::TimelineState;
use proptest::prelude::*;

fn keys<S: LinkState>() -> Vec<&'static str> {
    S::params()
        .iter()
        .map(|p| p.key)
        .chain(S::SILENT.iter().copied())
        .collect()
}

/// A key: one of `known`, another view's, an unknown one, or any text.
fn key(known: Vec<&'static str>) -> impl Strategy<Value = String> {
    let others: Vec<&'static str> = keys::<TimelineState>()
        .into_iter()
        .chain(keys::<Filter>())
        .chain(keys::<IndexState>())
        .chain(keys::<Spec>())
        .collect();
    prop_oneof![
        3 => prop::sample::select(known).prop_map(String::from),
        2 => prop::sample::select(others).prop_map(String::from),
        1 => prop::sample::select(vec!["zz", "Q", "q[]", "%", "", "utm_source"]).prop_map(String::from),
        1 => "[a-z%=+&#?]{0,6}",
        1 => "\\PC{0,6}",
    ]
}

fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(vec![
            "alash", "basmachi", "1917", "1891", "1937", "-5", "0", "1", "99999999999999999999", "arrest,congress",
            "alikhan-bukeikhan", "none", "amanzholova", "each", "end", "hard", "k3f9a2", "when,order", "key",
            "worksheet", "name", "first", "topic", "strand", "party", "2", "yes", "30", "31",
        ]).prop_map(String::from),
        2 => "[A-Za-z0-9,.%+ -]{0,12}",
        1 => "\\PC{0,10}",
        1 => Just("A".repeat(5_000)),
    ]
}

/// A link to `path` with random pairs, written raw (the parser decodes it).
fn link(path: &'static str, known: Vec<&'static str>) -> impl Strategy<Value = String> {
    prop::collection::vec((key(known), value()), 0..8).prop_map(move |pairs| {
        let q: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
        if q.is_empty() {
            path.to_string()
        } else {
            format!("{path}?{}", q.join("&"))
        }
    })
}

/// The checks every view's parse must pass; `inner` are the keys of a state
/// carried inside (the filter), `text` its free text if it has one.
fn check<S: LinkState + PartialEq + std::fmt::Debug>(
    hash: &str,
    inner: &[&str],
    text: impl Fn(&S) -> Option<&str>,
) -> Result<(), TestCaseError> {
    let ds = &DATASET;
    let route = Route::parse(hash);
    let (state, notices) = S::parse_route(ds, &route);
    prop_assert!(
        notices.len() <= MAX_NOTICES + 1,
        "{} notices",
        notices.len()
    );
    for n in &notices {
        prop_assert!(n.message().chars().count() <= 240, "{}", n.message());
    }
    if notices.len() == MAX_NOTICES + 1 {
        let folded = matches!(notices.last(), Some(Notice::More { .. }));
        prop_assert!(folded);
    }
    let own = keys::<S>();
    let unknown = route
        .query
        .iter()
        .any(|(k, _)| !own.contains(&k.as_str()) && !inner.contains(&k.as_str()));
    prop_assert!(
        !unknown || !notices.is_empty(),
        "an unknown key was ignored silently in {}",
        hash
    );
    if let Some(t) = text(&state) {
        prop_assert!(t.chars().count() <= MAX_TEXT);
    }
    let again = S::parse_route(ds, &Route::parse(&state.href(ds)));
    prop_assert_eq!(&again.0, &state, "{} → {}", hash, state.href(ds));
    prop_assert!(
        again.1.is_empty(),
        "the canonical link {} gives {:?}",
        state.href(ds),
        again.1
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn timeline_links(hash in link("#/timeline", keys::<TimelineState>().into_iter().chain(keys::<Filter>()).collect())) {
        check::<TimelineState>(&hash, &keys::<Filter>(), |s| Some(&s.filter.q))?;
    }

    #[test]
    fn people_index_links(hash in link("#/people", keys::<IndexState>())) {
        check::<IndexState>(&hash, &[], |s| Some(&s.q))?;
    }

    #[test]
    fn quiz_links(hash in link("#/quiz", keys::<Spec>().into_iter().chain(keys::<Filter>()).collect())) {
        check::<Spec>(&hash, &keys::<Filter>(), |s| Some(&s.filter.q))?;
    }

    #[test]
    fn disputes_index_links(hash in link("#/disputes", keys::<DisputesState>())) {
        check::<DisputesState>(&hash, &[], |_| None)?;
    }

    #[test]
    fn study_links(hash in link("#/study", keys::<crate::core::study::StudyState>().into_iter().chain(keys::<Filter>()).collect())) {
        check::<crate::core::study::StudyState>(&hash, &keys::<Filter>(), |s| Some(&s.filter.q))?;
    }

    #[test]
    fn links_of_views_without_parameters(path in prop::sample::select(vec!["#/about", "#/events/x", "#/people/alikhan-bukeikhan", "#/disputes/y", "#/orgs/alash-orda"]),
                                         hash in link("", vec!["zz"])) {
        check::<NoParams>(&format!("{path}{hash}"), &[], |_| None)?;
    }

    #[test]
    fn source_reader_links(source in prop::sample::select(vec!["enc-alash", "moscow-cage", "khiva-1918"]),
                           hash in link("", keys::<ReaderState>())) {
        check::<ReaderState>(&format!("#/sources/{source}{hash}"), &[], |_| None)?;
    }

    /// Any text at all as a fragment: some view, and a record's page links back to itself.
    #[test]
    fn any_fragment_is_some_view(hash in "\\PC{0,80}", id in "[^/?#]{1,30}") {
        let _ = Route::parse(&hash);
        for v in [View::Event(id.clone()), View::Person(id.clone()), View::Dispute(id.clone()), View::Org(id.clone()), View::Source(id.clone())] {
            prop_assert_eq!(Route::parse(&v.href()).view, v);
        }
    }
}
