//! People: which person a name means (in any spelling the sources use), the
//! people index (its link format, filter, sort and pages), and what a person's
//! page shows.
//!
//! - `names` — [`NameIndex`]: alias resolution, the spelling a search matched,
//!   similar names for an id that matches no one;
//! - `index` — the index's [`IndexState`] ⇄ link, [`apply`] (filter, counts,
//!   sort) and [`page_of`];
//! - `person` — one person's facts: life span, roles, appearances, relations,
//!   whom they appear with, places.

mod index;
mod link;
mod names;
mod person;

pub use index::{apply, page_of, role_kinds, Facet, IndexOutcome, IndexState, Sort, PAGE_SIZE};
pub use names::{closeness, edit_distance, NameIndex};
pub use person::{appearances, appears_with, life_span, places_of, relations, role_org, role_text};

/// Sorts pairs by key, then value. Every ordering in these modules goes through
/// here: each `sort_by` with its own closure would put another copy of a whole
/// sort algorithm into the wasm.
pub(crate) fn sort_pairs<K: Ord>(v: &mut [(K, u32)]) {
    v.sort_unstable();
}

#[cfg(test)]
mod testing {
    use super::NameIndex;
    use crate::core::dataset::DATASET;

    /// The real dataset's names, indexed once.
    pub(super) fn index() -> &'static NameIndex {
        static INDEX: std::sync::OnceLock<NameIndex> = std::sync::OnceLock::new();
        INDEX.get_or_init(|| NameIndex::new(&DATASET))
    }

    pub(super) fn person(id: &str) -> u16 {
        DATASET
            .person_index(id)
            .unwrap_or_else(|| panic!("no person {id}")) as u16
    }

    pub(super) fn ids(people: &[u16]) -> Vec<&'static str> {
        people
            .iter()
            .map(|&p| DATASET.people[p as usize].id)
            .collect()
    }
}
