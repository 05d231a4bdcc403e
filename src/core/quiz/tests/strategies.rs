//! Random quiz setups for the property tests: topics like a teacher's (a search
//! word, a few years, strands, a person, disputed only), any types, sizes,
//! levels and seeds.

use crate::core::dataset::DATASET;
use crate::core::filter::{Facet, Filter, FIRST_YEAR};
use crate::core::quiz::*;
use proptest::prelude::*;

const WORDS: [&str; 8] = [
    "Bukeikhan",
    "Alash",
    "Khiva",
    "Basmachi",
    "arrest",
    "Kokand",
    "Moscow",
    "1917",
];

/// A timeline topic: each part present now and then.
pub(super) fn filter_strategy() -> impl Strategy<Value = Filter> {
    let ds = &DATASET;
    (
        prop::option::weighted(0.25, prop::sample::select(WORDS.to_vec())),
        prop::option::weighted(1.0 / 3.0, (0..25i32, 0..8i32)),
        prop::collection::vec(0..ds.tags.len() as u32, 0..3),
        prop::option::weighted(1.0 / 6.0, 0..ds.people.len()),
        prop::bool::weighted(0.1),
    )
        .prop_map(move |(q, years, strands, person, disputed)| {
            let mut f = Filter::default();
            if let Some(w) = q {
                f.q = w.to_string();
            }
            if let Some((a, span)) = years {
                let a = FIRST_YEAR + 14 + a;
                f.set_years(Some(a), Some(a + span));
            }
            for t in strands {
                if !f.list(Facet::Strand).contains(&t) {
                    f.toggle(Facet::Strand, t);
                }
            }
            if let Some(p) = person {
                let id = ds.people[p].id;
                f.toggle(Facet::Person, ds.person_index(id).unwrap() as u32);
            }
            f.disputed = disputed;
            f
        })
}

/// A whole quiz setup; the question types each kept two times in three, or all.
pub(super) fn spec_strategy() -> impl Strategy<Value = Spec> {
    (
        filter_strategy(),
        1..=15u32,
        prop::collection::vec(prop::bool::weighted(2.0 / 3.0), Kind::ALL.len()),
        prop::bool::weighted(1.0 / 3.0),
        prop::sample::select(Level::ALL.to_vec()),
        any::<bool>(),
        any::<u64>(),
        prop::sample::select(vec![None, Some(Print::Worksheet), Some(Print::Key)]),
        (any::<bool>(), any::<bool>()),
    )
        .prop_map(
            |(filter, n, keep, all, level, end, seed, print, (results, project))| {
                let mut kinds: Vec<Kind> = Kind::ALL
                    .into_iter()
                    .zip(keep)
                    .filter(|&(_, k)| k)
                    .map(|(k, _)| k)
                    .collect();
                if kinds.is_empty() || all {
                    kinds = Kind::ALL.to_vec();
                }
                let mut s = Spec::default().with(n, &kinds, &seed_text(seed));
                s.filter = filter;
                s.level = level;
                s.feedback = if end { Feedback::End } else { Feedback::Each };
                s.print = print;
                s.results = results;
                s.project = project;
                s
            },
        )
}
