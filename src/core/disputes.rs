//! The disputes index (`#/disputes`): every dispute, ordered by topic or
//! grouped by strand; the order lives in the link (`sort=strand`).
//!
//! Neither a topic nor a strand is a field of a dispute in `data/`, so both are
//! derived from what is there, never written by hand:
//! - its **topic** is what its title asks about, read from the first name or
//!   number after the question's first word ("When did *the Civil War* end?"
//!   sorts under "Civil War", "Was *Bukeikhan* held …" under "Bukeikhan"), so
//!   the disputes about one person, body or year sit together;
//! - its **strands** are those of the events it touches (those of the people it
//!   concerns when it touches no event).

use super::link::{self, LinkState, Param};
use super::model::Dataset;
use super::people::sort_pairs;

/// How the index is ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    /// By what the title asks about (the default).
    #[default]
    Topic,
    /// Under each strand it touches, in the vocabulary's order.
    Strand,
}

impl Sort {
    pub const ALL: [Sort; 2] = [Sort::Topic, Sort::Strand];

    /// The id in the link (`sort=strand`).
    pub fn id(self) -> &'static str {
        match self {
            Sort::Topic => "topic",
            Sort::Strand => "strand",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Sort::Topic => "By topic",
            Sort::Strand => "By strand",
        }
    }
}

/// The disputes index's link state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DisputesState {
    pub sort: Sort,
}

static PARAMS: [Param<DisputesState>; 1] = [Param {
    key: "sort",
    doc: "topic (the default: by what the dispute asks about) or strand (under each strand it touches)",
    read: |s, _, v, n| {
        link::read_choice(&mut s.sort, &Sort::ALL, Sort::id, "sort", v, n, "use sort=topic or sort=strand")
    },
    write: |s, _, q| q.opt("sort", (s.sort != Sort::Topic).then(|| s.sort.id())),
}];

impl LinkState for DisputesState {
    const PATH: &'static str = "#/disputes";

    fn params() -> &'static [Param<Self>] {
        &PARAMS
    }
}

/// What a dispute's title asks about: the title from its first word after the
/// first that starts with a capital or a digit (quotes aside); the whole title
/// when there is none ("Bandits or a national liberation movement?").
pub fn topic(title: &str) -> &str {
    let mut words = title.split(' ');
    let first = words.next().map_or(0, |w| w.len() + 1);
    let mut at = first;
    for w in words {
        let bare = w.trim_start_matches(|c: char| !c.is_alphanumeric());
        if bare.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) {
            return &title[at + (w.len() - bare.len())..];
        }
        at += w.len() + 1;
    }
    title
}

/// The strands dispute `d` touches, in the vocabulary's order.
pub fn strands(ds: &Dataset, d: usize) -> Vec<u8> {
    let dispute = &ds.disputes[d];
    let mut on = vec![false; ds.tags.len()];
    for &e in dispute.events {
        for &t in ds.events[e as usize].tags {
            on[t as usize] = true;
        }
    }
    if dispute.events.is_empty() {
        for &p in dispute.people {
            for &t in ds.people[p as usize].tags {
                on[t as usize] = true;
            }
        }
    }
    (0..ds.tags.len() as u8)
        .filter(|&t| on[t as usize])
        .collect()
}

/// Every dispute by topic (case aside), then title.
pub fn by_topic(ds: &Dataset) -> Vec<u16> {
    let mut keyed: Vec<((String, &str), u32)> = ds
        .disputes
        .iter()
        .enumerate()
        .map(|(i, d)| ((topic(d.title).to_lowercase(), d.title), i as u32))
        .collect();
    sort_pairs(&mut keyed);
    keyed.into_iter().map(|(_, i)| i as u16).collect()
}

/// One heading of the index and its disputes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    /// The strand (an index into `Dataset::tags`); `None` for the one list of
    /// the topic order, or for the disputes that touch no strand.
    pub strand: Option<u8>,
    pub disputes: Vec<u16>,
}

/// The index in `sort`'s order: by topic, one list; by strand, one group per
/// strand with disputes (each dispute under every strand it touches, by topic
/// within), then any that touch none.
pub fn index(ds: &Dataset, sort: Sort) -> Vec<Group> {
    let all = by_topic(ds);
    match sort {
        Sort::Topic => vec![Group {
            strand: None,
            disputes: all,
        }],
        Sort::Strand => {
            let of: Vec<Vec<u8>> = (0..ds.disputes.len()).map(|d| strands(ds, d)).collect();
            let mut groups: Vec<Group> = (0..ds.tags.len() as u8)
                .map(|t| Group {
                    strand: Some(t),
                    disputes: all
                        .iter()
                        .copied()
                        .filter(|&d| of[d as usize].contains(&t))
                        .collect(),
                })
                .collect();
            groups.push(Group {
                strand: None,
                disputes: all
                    .iter()
                    .copied()
                    .filter(|&d| of[d as usize].is_empty())
                    .collect(),
            });
            groups.retain(|g| !g.disputes.is_empty());
            groups
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::dataset::DATASET;
    use crate::core::route::Route;

    #[test]
    fn a_topic_is_what_the_title_asks_about() {
        assert_eq!(topic("When did the Civil War end?"), "Civil War end?");
        assert_eq!(
            topic("Was Bukeikhan held in Orenburg?"),
            "Bukeikhan held in Orenburg?"
        );
        assert_eq!(
            topic("What does the name 'Basmachi' mean?"),
            "Basmachi' mean?"
        );
        assert_eq!(
            topic("Were the official grounds for the 1922 arrest true?"),
            "1922 arrest true?"
        );
        assert_eq!(
            topic("Bandits or a national liberation movement?"),
            "Bandits or a national liberation movement?"
        );
        assert_eq!(topic(""), "");
    }

    #[test]
    fn by_topic_lists_every_dispute_once_in_topic_order() {
        let ds = &DATASET;
        let order = by_topic(ds);
        let mut seen = order.clone();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen.len(), ds.disputes.len());
        assert_eq!(order.len(), ds.disputes.len());
        let keys: Vec<String> = order
            .iter()
            .map(|&d| topic(ds.disputes[d as usize].title).to_lowercase())
            .collect();
        assert!(keys.windows(2).all(|w| w[0] <= w[1]), "{keys:?}");
        // The disputes about Bukeikhan sit together, though their titles
        // start "When", "Was", "Did", "Where", "How" …
        let about: Vec<usize> = order
            .iter()
            .enumerate()
            .filter(|(_, &d)| topic(ds.disputes[d as usize].title).starts_with("Bukeikhan"))
            .map(|(i, _)| i)
            .collect();
        assert!(about.len() >= 10, "{about:?}");
        assert!(about.windows(2).all(|w| w[1] == w[0] + 1), "{about:?}");
        let openings: std::collections::BTreeSet<&str> = about
            .iter()
            .map(|&i| {
                ds.disputes[order[i] as usize]
                    .title
                    .split(' ')
                    .next()
                    .unwrap()
            })
            .collect();
        assert!(openings.len() >= 3, "{openings:?}");
    }

    #[test]
    fn by_strand_every_dispute_is_under_each_strand_it_touches() {
        let ds = &DATASET;
        let groups = index(ds, Sort::Strand);
        for d in 0..ds.disputes.len() {
            let s = strands(ds, d);
            for g in &groups {
                let listed = g.disputes.contains(&(d as u16));
                match g.strand {
                    Some(t) => {
                        assert_eq!(listed, s.contains(&t), "{} under {t}", ds.disputes[d].id)
                    }
                    None => assert_eq!(listed, s.is_empty()),
                }
            }
        }
        // Strands in the vocabulary's order, none empty.
        let order: Vec<u8> = groups.iter().filter_map(|g| g.strand).collect();
        assert!(order.windows(2).all(|w| w[0] < w[1]));
        assert!(groups.iter().all(|g| !g.disputes.is_empty()));
        // The Khiva capture is a Khiva dispute, not an Alash one.
        let khiva = ds.tag("khiva").unwrap();
        let alash = ds.tag("alash").unwrap();
        let capture = ds.dispute_index("khiva-capture-date").unwrap();
        assert!(strands(ds, capture).contains(&khiva));
        assert!(!strands(ds, capture).contains(&alash));
    }

    #[test]
    fn a_dispute_without_events_takes_its_peoples_strands() {
        let ds = &DATASET;
        let d = ds.dispute_index("bukeikhan-le-figaro").unwrap();
        assert!(ds.disputes[d].events.is_empty());
        assert!(strands(ds, d).contains(&ds.tag("bukeikhan").unwrap()));
    }

    #[test]
    fn the_sort_lives_in_the_link() {
        let ds = &DATASET;
        let read = |hash: &str| DisputesState::parse(ds, &Route::parse(hash).query);
        assert_eq!(read("#/disputes"), (DisputesState::default(), vec![]));
        let (s, n) = read("#/disputes?sort=strand");
        assert_eq!((s.sort, n.len()), (Sort::Strand, 0));
        assert_eq!(s.href(ds), "#/disputes?sort=strand");
        assert_eq!(DisputesState::default().href(ds), "#/disputes");
        let (s, n) = read("#/disputes?sort=date");
        assert_eq!(s.sort, Sort::Topic);
        assert_eq!(n.len(), 1, "{n:?}");
    }
}
