//! The pickers of the facets with many values (people, places, organisations):
//! which values to suggest for what the reader typed.

use super::{Facet, Filter, Outcome};
use crate::core::model::Dataset;
use crate::core::text::{Field, Search};

/// Every name of a value (all spellings), as one text to search.
pub fn names_of(ds: &Dataset, facet: Facet, i: u32) -> String {
    let i = i as usize;
    let mut s = String::new();
    let mut add = |n: &str| {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(n);
    };
    match facet {
        Facet::Person => {
            let p = &ds.people[i];
            add(p.name);
            p.names.iter().chain(p.epithets).for_each(|n| add(n.name));
        }
        Facet::Place => {
            add(ds.places[i].name);
            ds.places[i].names.iter().for_each(|n| add(n));
        }
        Facet::Org => {
            add(ds.orgs[i].name);
            ds.orgs[i].names.iter().for_each(|n| add(n));
        }
        f => add(super::label_of(ds, f, i as u32)),
    }
    s
}

/// The best values to offer for `text`: not yet chosen, with events under the
/// rest of the filter, most events first (then dataset order); at most `max`.
pub fn suggest(
    ds: &Dataset,
    outcome: &Outcome,
    filter: &Filter,
    facet: Facet,
    text: &str,
    max: usize,
) -> Vec<(u32, u32)> {
    let q = Search::new(text);
    let selected = filter.list(facet);
    let mut best: Vec<(u32, u32)> = outcome
        .counts(facet)
        .iter()
        .enumerate()
        .filter(|&(i, &n)| n > 0 && !selected.contains(&(i as u32)))
        .map(|(i, &n)| (i as u32, n))
        .collect();
    if !q.is_empty() {
        best.retain(|&(v, _)| {
            !q.scores_in(&[(&names_of(ds, facet, v), Field::Name)])
                .contains(&0)
        });
    }
    // The `max` best, then those in order (not every value sorted).
    let order = |a: &(u32, u32), b: &(u32, u32)| b.1.cmp(&a.1).then(a.0.cmp(&b.0));
    if best.len() > max && max > 0 {
        best.select_nth_unstable_by(max - 1, order);
    }
    best.truncate(max);
    best.sort_by(order);
    best
}
