//! The people index: its state and link format, filter, sort and pages.
//!
//! Link format of the index (the part after `#/people?`; every key optional,
//! lists comma-separated; values of one key widen the result, keys narrow it):
//!
//! ```text
//! q=bokeikhanov           any name, spelling, epithet or pen name (alias-aware)
//! strand=alash,khiva      strand / movement tags
//! role=party,armed-force  office or membership in an organisation of that kind
//! sort=name               by name; sort=first by first appearance in the events
//!                         (default: by importance, the key people first)
//! page=2                  the page of results
//! ```
//!
//! Unknown keys, ids and malformed values are dropped with a notice, never an error.

use super::names::NameIndex;
use super::sort_pairs;
use crate::core::link::toggle_sorted;
use crate::core::model::{Dataset, Person};
use crate::core::text::Search;

/// People per page of the index.
pub const PAGE_SIZE: usize = 25;

/// How the index orders people.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    /// Most important first: the key people (`key = true` in data/), then by
    /// how much of the record they are in (events and relations), then by name.
    #[default]
    Importance,
    /// By canonical name (case, diacritics and transliteration folded).
    Name,
    /// By their first event; people in no event come last.
    First,
}

impl Sort {
    pub const ALL: [Sort; 3] = [Sort::Importance, Sort::Name, Sort::First];

    /// The value in the link (`sort=first`).
    pub const fn id(self) -> &'static str {
        match self {
            Sort::Importance => "importance",
            Sort::Name => "name",
            Sort::First => "first",
        }
    }

    pub const fn label(self) -> &'static str {
        match self {
            Sort::Importance => "Importance",
            Sort::Name => "Name",
            Sort::First => "First appearance",
        }
    }
}

/// The filters of the index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Facet {
    Text,
    Strand,
    Role,
}

impl Facet {
    pub const ALL: [Facet; 3] = [Facet::Text, Facet::Strand, Facet::Role];

    /// The key in the link, and the word in messages.
    pub const fn key(self) -> &'static str {
        match self {
            Facet::Text => "q",
            Facet::Strand => "strand",
            Facet::Role => "role",
        }
    }

    pub const fn label(self) -> &'static str {
        match self {
            Facet::Text => "search",
            Facet::Strand => "strand",
            Facet::Role => "role",
        }
    }
}

/// The index's whole state. Lists hold dataset indices (tags for strands,
/// organisation kinds for roles), sorted and without repeats.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndexState {
    pub q: String,
    pub strands: Vec<u32>,
    pub roles: Vec<u32>,
    pub sort: Sort,
    /// 1-based.
    pub page: u32,
}

impl Default for IndexState {
    fn default() -> Self {
        IndexState {
            q: String::new(),
            strands: Vec::new(),
            roles: Vec::new(),
            sort: Sort::Importance,
            page: 1,
        }
    }
}

impl IndexState {
    /// The chosen values of a list filter (strand, role).
    pub fn list(&self, f: Facet) -> &[u32] {
        match f {
            Facet::Strand => &self.strands,
            Facet::Role => &self.roles,
            Facet::Text => &[],
        }
    }

    pub fn is_active(&self, f: Facet) -> bool {
        match f {
            Facet::Text => !Search::new(&self.q).is_empty(),
            Facet::Strand => !self.strands.is_empty(),
            Facet::Role => !self.roles.is_empty(),
        }
    }

    /// True when no filter narrows the list (sort and page aside).
    pub fn is_clear(&self) -> bool {
        Facet::ALL.iter().all(|&f| !self.is_active(f))
    }

    /// Adds or removes a strand (tag index) or role (organisation kind index);
    /// back to page 1.
    pub fn toggle(&mut self, f: Facet, value: u32) {
        match f {
            Facet::Strand => toggle_sorted(&mut self.strands, value),
            Facet::Role => toggle_sorted(&mut self.roles, value),
            Facet::Text => {}
        }
        self.page = 1;
    }

    /// Removes one filter; back to page 1.
    pub fn clear(&mut self, f: Facet) {
        match f {
            Facet::Text => self.q.clear(),
            Facet::Strand => self.strands.clear(),
            Facet::Role => self.roles.clear(),
        }
        self.page = 1;
    }
}

/// Office or membership: the kinds (indices into `Dataset::org_kinds`) of the
/// organisations a person held a role in or belonged to, as bits.
pub fn role_kinds(ds: &Dataset, p: &Person) -> u32 {
    let mut bits = 0u32;
    let orgs = p
        .roles
        .iter()
        .filter_map(|r| r.org)
        .chain(p.affiliations.iter().copied());
    for o in orgs {
        bits |= 1 << ds.orgs[o as usize].kind;
    }
    bits
}

/// What the index selects, with the counts its filters show.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IndexOutcome {
    /// Matching people (dataset indices) in the chosen order.
    pub people: Vec<u32>,
    /// Per tag: the people matching the other filters who have it.
    pub strands: Vec<u32>,
    /// Per organisation kind: the people matching the other filters who have it.
    pub roles: Vec<u32>,
    /// Per facet (in `Facet::ALL` order): how many people match without it.
    pub without: [u32; 3],
}

impl IndexOutcome {
    /// The counts of a list filter (strand, role), per value.
    pub fn counts(&self, f: Facet) -> &[u32] {
        match f {
            Facet::Strand => &self.strands,
            Facet::Role => &self.roles,
            Facet::Text => &[],
        }
    }

    /// The active filters that, cleared alone, would bring people back.
    pub fn culprits(&self, state: &IndexState) -> Vec<(Facet, u32)> {
        Facet::ALL
            .iter()
            .enumerate()
            .filter(|&(i, &f)| state.is_active(f) && self.without[i] > 0)
            .map(|(i, &f)| (f, self.without[i]))
            .collect()
    }
}

/// Filters and sorts the people for the index.
pub fn apply(ds: &Dataset, index: &NameIndex, state: &IndexState) -> IndexOutcome {
    let query = Search::new(&state.q);
    let mut out = IndexOutcome {
        strands: vec![0; ds.tags.len()],
        roles: vec![0; ds.org_kinds.len()],
        ..IndexOutcome::default()
    };
    let role_mask: u32 = state.roles.iter().fold(0, |m, &k| m | 1 << k);
    for (i, p) in ds.people.iter().enumerate() {
        let kinds = role_kinds(ds, p);
        let ok = [
            query.is_empty() || index.matches(i, &query),
            state.strands.is_empty()
                || p.tags
                    .iter()
                    .any(|t| state.strands.contains(&u32::from(*t))),
            state.roles.is_empty() || kinds & role_mask != 0,
        ];
        if ok.iter().all(|&b| b) {
            out.people.push(i as u32);
        }
        for k in 0..3 {
            if !ok.iter().enumerate().all(|(j, &b)| b || j == k) {
                continue;
            }
            out.without[k] += 1;
            match Facet::ALL[k] {
                Facet::Strand => p.tags.iter().for_each(|&t| out.strands[t as usize] += 1),
                Facet::Role => {
                    for (kind, n) in out.roles.iter_mut().enumerate() {
                        if kinds & (1 << kind) != 0 {
                            *n += 1;
                        }
                    }
                }
                Facet::Text => {}
            }
        }
    }
    // Events are stored in chronological order: a person's first event index
    // orders them by first appearance. People in no event come last.
    let mut keyed: Vec<(u64, u32)> = out
        .people
        .iter()
        .map(|&p| {
            let rank = index.name_rank[p as usize];
            let key = match state.sort {
                Sort::Name => u64::from(rank),
                Sort::Importance => {
                    let person = &ds.people[p as usize];
                    let weight = (person.events.len() + person.relations.len()).min(0xFFFF) as u64;
                    u64::from(!person.key) << 48 | (0xFFFF - weight) << 32 | u64::from(rank)
                }
                Sort::First => {
                    // People in no event last; then by name.
                    let first = ds.people[p as usize]
                        .events
                        .first()
                        .map_or(u32::MAX, |&e| e);
                    u64::from(first) << 32 | u64::from(rank)
                }
            };
            (key, p)
        })
        .collect();
    sort_pairs(&mut keyed);
    out.people = keyed.into_iter().map(|(_, p)| p).collect();
    out
}

/// The page of `people` to show (1-based, clamped to the last page), and the
/// number of pages.
pub fn page_of(people: &[u32], page: u32) -> (&[u32], u32) {
    crate::core::link::page(people, page, PAGE_SIZE)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::dataset::DATASET;
    use crate::core::link::LinkState;
    use crate::core::people::testing::{index, person};
    use crate::core::route::Route;
    use crate::core::text::fold;
    use proptest::prelude::*;
    use std::collections::BTreeSet;

    #[test]
    fn the_index_search_finds_a_person_by_any_of_their_names() {
        let ds = &DATASET;
        let idx = index();
        let search = |q: &str| {
            let s = IndexState {
                q: q.into(),
                ..IndexState::default()
            };
            apply(ds, idx, &s).people
        };
        let bukeikhan = u32::from(person("alikhan-bukeikhan"));
        for q in [
            "Bokeikhanov",
            "bukeikhan",
            "Bökeikhan",
            "alikhan",
            "Leader of the Nation",
        ] {
            assert!(search(q).contains(&bukeikhan), "{q:?}");
        }
        // Every name of every person finds them.
        for (i, p) in ds.people.iter().enumerate() {
            for n in p.names.iter().chain(p.epithets) {
                assert!(
                    search(n.name).contains(&(i as u32)),
                    "{} by {:?}",
                    p.id,
                    n.name
                );
            }
        }
        assert!(search("Bokeikhanov").len() < ds.people.len());
        assert!(search("zzzzqx").is_empty());
        // The spelling searched for is shown when it is not the canonical name.
        let b = bukeikhan as usize;
        assert_eq!(idx.matched_name(ds, b, "Bokeikhanov"), Some("Bokeikhanov"));
        assert_eq!(idx.matched_name(ds, b, "bökeikhan"), Some("Bokeikhanov"));
        assert_eq!(
            idx.matched_name(ds, b, "Galikhan"),
            Some("Galikhan Bokeikhan")
        );
        assert_eq!(
            idx.matched_name(ds, b, "son of the"),
            Some("Son of the Steppes")
        );
        for q in ["Bukeikhan", "alikhan", "Bukeikhanuly", ""] {
            assert_eq!(
                idx.matched_name(ds, b, q),
                None,
                "{q:?}: the canonical name matches"
            );
        }
    }

    #[test]
    fn sort_orders() {
        let ds = &DATASET;
        let idx = index();
        let by_name = apply(
            ds,
            idx,
            &IndexState {
                sort: Sort::Name,
                ..IndexState::default()
            },
        )
        .people;
        assert_eq!(by_name.len(), ds.people.len(), "no filter: everyone");
        let names: Vec<String> = by_name
            .iter()
            .map(|&p| fold(ds.people[p as usize].name))
            .collect();
        assert!(names.windows(2).all(|w| w[0] <= w[1]), "{names:?}");
        assert!(names.first().unwrap().starts_with('a'));

        let first = apply(
            ds,
            idx,
            &IndexState {
                sort: Sort::First,
                ..IndexState::default()
            },
        )
        .people;
        assert_eq!(
            first.iter().collect::<BTreeSet<_>>(),
            by_name.iter().collect::<BTreeSet<_>>(),
            "sorting keeps the same people"
        );
        let key = |p: u32| {
            let p = &ds.people[p as usize];
            p.events
                .first()
                .map(|&e| ds.events[e as usize].date.sort_key())
        };
        let keys: Vec<_> = first.iter().map(|&p| key(p)).collect();
        let (dated, undated): (Vec<_>, Vec<_>) = keys.iter().copied().partition(|k| k.is_some());
        assert!(dated.windows(2).all(|w| w[0] <= w[1]), "chronological");
        assert!(!undated.is_empty());
        assert!(
            keys[..dated.len()].iter().all(Option::is_some),
            "people in no event come last"
        );
        assert_ne!(first, by_name);
    }

    #[test]
    fn filters_narrow_and_counts_are_what_a_filter_gives() {
        let ds = &DATASET;
        let idx = index();
        let run = |q: &str| {
            let (s, n) = IndexState::parse(ds, &Route::parse(q).query);
            assert!(n.is_empty(), "{q}: {n:?}");
            (apply(ds, idx, &s), s)
        };
        let alash = ds.tags.iter().position(|t| t.id == "alash").unwrap() as u8;
        let (out, _) = run("#/people?strand=alash");
        assert!(!out.people.is_empty() && out.people.len() < ds.people.len());
        for &p in &out.people {
            assert!(ds.people[p as usize].tags.contains(&alash));
        }
        let armed = ds
            .org_kinds
            .iter()
            .position(|t| t.id == "armed-force")
            .unwrap() as u32;
        let (out, _) = run("#/people?role=armed-force");
        assert!(!out.people.is_empty());
        for &p in &out.people {
            let p = &ds.people[p as usize];
            let orgs: Vec<u16> = p
                .roles
                .iter()
                .filter_map(|r| r.org)
                .chain(p.affiliations.iter().copied())
                .collect();
            assert!(
                orgs.iter()
                    .any(|&o| u32::from(ds.orgs[o as usize].kind) == armed),
                "{}",
                p.id
            );
        }
        // Each count is the number of people ticking that value would give.
        let (out, s) = run("#/people?q=khan");
        for (t, &n) in out.strands.iter().enumerate() {
            let mut g = s.clone();
            g.toggle(Facet::Strand, t as u32);
            assert_eq!(
                apply(ds, idx, &g).people.len() as u32,
                n,
                "strand {}",
                ds.tags[t].id
            );
        }
        for (k, &n) in out.roles.iter().enumerate() {
            let mut g = s.clone();
            g.toggle(Facet::Role, k as u32);
            assert_eq!(
                apply(ds, idx, &g).people.len() as u32,
                n,
                "role {}",
                ds.org_kinds[k].id
            );
        }
        // Nothing matches: say which filter to clear.
        let (out, s) = run("#/people?q=bukeikhan&strand=khiva");
        assert!(out.people.is_empty());
        let culprits: Vec<Facet> = out.culprits(&s).into_iter().map(|(f, _)| f).collect();
        assert_eq!(culprits, vec![Facet::Text, Facet::Strand]);
    }

    #[test]
    fn the_index_opens_with_the_key_people_and_sort_name_still_sorts_by_name() {
        let ds = &DATASET;
        let run = |q: &str| {
            let (s, n) = IndexState::parse(ds, &Route::parse(q).query);
            assert!(n.is_empty(), "{q}: {n:?}");
            (apply(ds, index(), &s), s)
        };
        let (out, _) = run("#/people");
        let first: Vec<&str> = out.people[..5]
            .iter()
            .map(|&p| ds.people[p as usize].id)
            .collect();
        assert_eq!(first[0], "alikhan-bukeikhan", "{first:?}");
        let keys = ds.people.iter().filter(|p| p.key).count();
        assert!(keys >= 8, "{keys} key people");
        assert!(
            out.people[..keys]
                .iter()
                .all(|&p| ds.people[p as usize].key),
            "the key people come first"
        );
        // `sort=name`, the default before, still means by name, and now shows in the link.
        let (by_name, s) = run("#/people?sort=name");
        assert_eq!(s.query(ds), "sort=name");
        let ranks: Vec<u32> = by_name
            .people
            .iter()
            .map(|&p| index().name_rank[p as usize])
            .collect();
        assert!(ranks.windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn the_link_round_trips_and_bad_links_are_ignored_with_a_notice() {
        let ds = &DATASET;
        let link = "q=Bokeikhanov&strand=alash,repression&role=party&sort=first&page=2";
        let (s, n) = IndexState::parse(ds, &Route::parse(&format!("#/people?{link}")).query);
        assert!(n.is_empty(), "{n:?}");
        assert_eq!(s.query(ds), link);
        assert_eq!(IndexState::default().query(ds), "");
        let (s, n) = IndexState::parse(
            ds,
            &Route::parse("#/people?strand=nowhere,alash&role=wizard&sort=age&page=0&colour=red")
                .query,
        );
        assert_eq!(s.strands.len(), 1, "the known strand is kept");
        assert_eq!((s.roles.len(), s.sort, s.page), (0, Sort::Importance, 1));
        assert_eq!(n.len(), 5, "{n:#?}");
    }

    /// An index state: a search text of awkward characters, some strands and
    /// roles, any sort and page.
    fn state() -> impl Strategy<Value = IndexState> {
        let ds = &DATASET;
        let q = ["", "Bökeikhan ұлы", "a&b=c", "100% +", "x,y"];
        (
            prop::sample::select(q.to_vec()),
            prop::sample::select(Sort::ALL.to_vec()),
            1..=4u32,
            prop::collection::vec(
                (0..ds.tags.len() as u32, 0..ds.org_kinds.len() as u32),
                0..3,
            ),
        )
            .prop_map(|(q, sort, page, picks)| {
                let mut s = IndexState {
                    q: q.into(),
                    sort,
                    ..IndexState::default()
                };
                for (t, k) in picks {
                    if !s.strands.contains(&t) {
                        s.toggle(Facet::Strand, t);
                    }
                    if !s.roles.contains(&k) {
                        s.toggle(Facet::Role, k);
                    }
                }
                s.page = page;
                s
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        #[test]
        fn a_state_is_its_link_read_back(s in state()) {
            let ds = &DATASET;
            let url = format!("#/people?{}", s.query(ds));
            let (back, n) = IndexState::parse(ds, &Route::parse(&url).query);
            prop_assert!(n.is_empty(), "{}: {:?}", url, n);
            prop_assert_eq!(back, s, "{}", url);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn arbitrary_links_never_panic(
            chars in prop::collection::vec(
                prop::sample::select(
                    "qstrandrolesortpage=&,%+#/?-_.19 ZzäöұҚ\u{0}😀%E2".chars().collect::<Vec<_>>(),
                ),
                0..12,
            )
        ) {
            let ds = &DATASET;
            let idx = index();
            let s = format!("#/people?{}", chars.iter().collect::<String>());
            let (st, _) = IndexState::parse(ds, &Route::parse(&s).query);
            let out = apply(ds, idx, &st);
            let _ = page_of(&out.people, st.page);
            let _ = st.query(ds);
            let _ = idx.similar(ds, &s, 5);
            let _ = idx.resolve(ds, &s);
        }
    }

    #[test]
    fn pages_cover_the_people_once() {
        let people: Vec<u32> = (0..111).collect();
        assert_eq!(page_of(&people, 1), (&people[0..25], 5));
        assert_eq!(page_of(&people, 5).0, &people[100..111]);
        assert_eq!(page_of(&people, 9).0, &people[100..111]);
        assert_eq!(page_of(&[], 3), (&[][..], 1));
    }
}
