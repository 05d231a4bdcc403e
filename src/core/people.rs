//! People: which person a name means (in any spelling the sources use), a
//! person's relations seen from their side and whom they appear with, the
//! people index (its link format, filter, sort and pages), and the people whose
//! names come closest to an id that matches no one.
//!
//! Link format of the index (the part after `#/people?`; every key optional,
//! lists comma-separated; values of one key widen the result, keys narrow it):
//!
//! ```text
//! q=bokeikhanov           any name, spelling, epithet or pen name (alias-aware)
//! strand=alash,khiva      strand / movement tags
//! role=party,armed-force  office or membership in an organisation of that kind
//! sort=first              by first appearance in the events (default: by name)
//! page=2                  the page of results
//! ```
//!
//! Unknown keys, ids and malformed values are dropped with a notice, never an error.

use super::link::toggle_sorted;
use super::model::{Dataset, Link, Person, Role};
use super::text::{fold, keys, push_keys, Query};

/// People per page of the index.
pub const PAGE_SIZE: usize = 25;

/// How the index orders people.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    /// By canonical name (case, diacritics and transliteration folded).
    #[default]
    Name,
    /// By their first event; people in no event come last.
    First,
}

impl Sort {
    pub const ALL: [Sort; 2] = [Sort::Name, Sort::First];

    /// The value in the link (`sort=first`).
    pub const fn id(self) -> &'static str {
        match self {
            Sort::Name => "name",
            Sort::First => "first",
        }
    }

    pub const fn label(self) -> &'static str {
        match self {
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
            sort: Sort::Name,
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
            Facet::Text => !Query::new(&self.q).is_empty(),
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

/// Drops a parenthesised remark the dataset adds to an epithet:
/// "Qyr Balası (pen name)" is written "Qyr Balası".
fn without_remark(name: &str) -> &str {
    match name.find(" (") {
        Some(i) if name.ends_with(')') => &name[..i],
        _ => name,
    }
}

/// The names of every person as search keys, made once.
pub struct NameIndex {
    /// Per person: the keys of all their names and epithets (what a search matches).
    all: Vec<String>,
    /// Per person: the keys of each name, then each epithet (what a name resolves against).
    each: Vec<Vec<String>>,
    /// Per person: their place in the order of canonical names (folded to plain
    /// lower case; ties by id).
    name_rank: Vec<u32>,
    /// Per person: every distinct key word of their names, epithets and id
    /// (what an unknown id is compared with).
    words: Vec<Vec<String>>,
}

impl NameIndex {
    pub fn new(ds: &Dataset) -> NameIndex {
        let mut all = Vec::with_capacity(ds.people.len());
        let mut each = Vec::with_capacity(ds.people.len());
        let mut folded = Vec::with_capacity(ds.people.len());
        let mut words = Vec::with_capacity(ds.people.len());
        for p in ds.people {
            let mut s = String::from(" ");
            push_keys(p.name, &mut s);
            let mut names = Vec::new();
            for n in p.names.iter().chain(p.epithets) {
                push_keys(n.name, &mut s);
                names.push(keys(without_remark(n.name)));
            }
            let id = keys(p.id);
            let mut w: Vec<String> = Vec::new();
            for k in s.split(' ').chain(id.split(' ')).filter(|k| !k.is_empty()) {
                if !w.iter().any(|x| x == k) {
                    w.push(k.to_string());
                }
            }
            words.push(w);
            s.shrink_to_fit();
            all.push(s);
            each.push(names);
            folded.push(fold(p.name));
        }
        // Counting beats sorting strings here: no sort code for this one use.
        let name_rank = (0..folded.len())
            .map(|i| {
                let me = (&folded[i], i);
                (0..folded.len()).filter(|&j| (&folded[j], j) < me).count() as u32
            })
            .collect();
        NameIndex {
            all,
            each,
            name_rank,
            words,
        }
    }

    /// Does person `p` have a name or epithet matching the query?
    pub fn matches(&self, p: usize, q: &Query) -> bool {
        q.matches(&self.all[p])
    }

    /// Alias resolution: the people one of whose names (or epithets) is `name`,
    /// in any spelling variant the search folds (case, diacritics,
    /// transliteration, surname endings). The best-attested (most events) first.
    pub fn resolve(&self, ds: &Dataset, name: &str) -> Vec<u16> {
        let k = keys(without_remark(name.trim()));
        if k.trim().is_empty() {
            return Vec::new();
        }
        let mut found: Vec<(u32, u32)> = (0..ds.people.len())
            .filter(|&p| self.each[p].contains(&k))
            .map(|p| (u32::MAX - ds.people[p].events.len() as u32, p as u32))
            .collect();
        sort_pairs(&mut found);
        found.into_iter().map(|(_, p)| p as u16).collect()
    }

    /// The spelling a search found person `p` by, when it is not their
    /// canonical name: the first of their names and epithets that holds the
    /// typed text as written (case and diacritics aside), else the first that
    /// matches it as a key (when the canonical name does not).
    pub fn matched_name(&self, ds: &Dataset, p: usize, typed: &str) -> Option<&'static str> {
        let person = &ds.people[p];
        let q = Query::new(typed);
        let typed = fold(typed);
        if q.is_empty() || fold(person.name).contains(&typed) {
            return None;
        }
        let mut names = person
            .names
            .iter()
            .chain(person.epithets)
            .zip(&self.each[p]);
        if let Some((n, _)) = names.clone().find(|(n, _)| fold(n.name).contains(&typed)) {
            return Some(n.name);
        }
        if q.matches(&keys(person.name)) {
            return None;
        }
        names.find(|(_, k)| q.matches(k)).map(|(n, _)| n.name)
    }

    /// The people whose names come closest to `text` (an id or name that
    /// matches no one), best first, at most `n`: each word of `text` is compared,
    /// as a key, with the keys of every name and the id of each person (edit
    /// distance, a shared start counting as close); ties go to the person in
    /// more events.
    pub fn similar(&self, ds: &Dataset, text: &str, n: usize) -> Vec<u16> {
        // A few words are enough to go by (and bound the work on a pasted essay).
        let wanted: Vec<String> = keys(text)
            .split(' ')
            .filter(|w| !w.is_empty())
            .take(6)
            .map(str::to_string)
            .collect();
        if wanted.is_empty() {
            return Vec::new();
        }
        let mut scored: Vec<(u32, u32)> = Vec::new();
        for (p, words) in self.words.iter().enumerate() {
            let mut score = 0u32;
            let mut hits = 0;
            for q in &wanted {
                let best = words.iter().map(|w| closeness(q, w)).max().unwrap_or(0);
                if best >= 60 {
                    score += best;
                    hits += 1;
                }
            }
            if hits > 0 {
                // Best score first, then most events, then the dataset's order.
                let events = ds.people[p].events.len().min(0xFFFF) as u32;
                scored.push((u32::MAX - score, (0xFFFF - events) << 16 | p as u32));
            }
        }
        sort_pairs(&mut scored);
        scored
            .into_iter()
            .take(n)
            .map(|(_, v)| (v & 0xFFFF) as u16)
            .collect()
    }
}

/// How close two keys are, 0–100: 100 the same, 90 when one (of three or more
/// letters) starts the other, else 100 × (1 − edit distance / longer length).
fn closeness(a: &str, b: &str) -> u32 {
    if a == b {
        return 100;
    }
    let short = a.len().min(b.len());
    if short >= 3 && (a.starts_with(b) || b.starts_with(a)) {
        return 90;
    }
    let long = a.len().max(b.len()) as u32;
    // Lengths this far apart cannot reach 60: skip the distance.
    if (a.len().abs_diff(b.len()) as u32) * 10 > long * 4 {
        return 0;
    }
    let d = edit_distance(a.as_bytes(), b.as_bytes()) as u32;
    100 - (100 * d.min(long)) / long.max(1)
}

/// Levenshtein distance (insert, delete, substitute one letter).
pub fn edit_distance(a: &[u8], b: &[u8]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut row = vec![0; b.len() + 1];
    for (i, &x) in a.iter().enumerate() {
        row[0] = i + 1;
        for (j, &y) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(x != y);
            row[j + 1] = sub.min(prev[j + 1] + 1).min(row[j] + 1);
        }
        std::mem::swap(&mut prev, &mut row);
    }
    prev[b.len()]
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
    let query = Query::new(&state.q);
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

/// Sorts pairs by key, then value. Every ordering in this module goes through
/// here: each `sort_by` with its own closure would put another copy of a whole
/// sort algorithm into the wasm.
fn sort_pairs<K: Ord>(v: &mut [(K, u32)]) {
    v.sort_unstable();
}

/// The page of `people` to show (1-based, clamped to the last page), and the
/// number of pages.
pub fn page_of(people: &[u32], page: u32) -> (&[u32], u32) {
    let pages = people.len().div_ceil(PAGE_SIZE).max(1) as u32;
    let page = page.clamp(1, pages) as usize;
    let start = (page - 1) * PAGE_SIZE;
    (
        &people[start.min(people.len())..(start + PAGE_SIZE).min(people.len())],
        pages,
    )
}

/// Life dates as the sources give them: "1896 – 1935", "unknown – 27 Sep 1937";
/// just "unknown" when neither is given.
pub fn life_span(p: &Person) -> String {
    match (&p.born, &p.died) {
        (None, None) => "unknown".to_string(),
        (b, d) => {
            let show = |x: &Option<super::model::LifeDate>| {
                x.as_ref()
                    .map_or_else(|| "unknown".to_string(), |l| l.date.display())
            };
            format!("{} – {}", show(b), show(d))
        }
    }
}

/// A role as a line: its wording, then the organisation's name in brackets
/// unless the wording already names it (in any of its names and spellings).
pub fn role_text(ds: &Dataset, r: &Role) -> String {
    let Some(o) = r.org.map(|o| &ds.orgs[o as usize]) else {
        return r.role.to_string();
    };
    let said = keys(r.role);
    let named = std::iter::once(&o.name)
        .chain(o.names)
        .any(|n| Query::new(n).matches(&said));
    if named {
        r.role.to_string()
    } else {
        format!("{} ({})", r.role, o.name)
    }
}

/// How much of the timeline a person is in: "109 events, first: Dec 1905",
/// "1 event: 1917", "in no event".
pub fn appearances(ds: &Dataset, p: &Person) -> String {
    let year = |i: u32| ds.events[i as usize].date.display();
    match p.events {
        [] => "in no event".to_string(),
        [only] => format!("1 event: {}", year(*only)),
        [first, ..] => format!("{} events, first: {}", p.events.len(), year(*first)),
    }
}

/// A person's stated relations, recorded on them or derived from the other
/// side (see [`Dataset::links_of`]), grouped by kind in the vocabulary's order
/// (family first, adversaries last), recorded before derived.
pub fn relations(ds: &Dataset, person: u16) -> Vec<Link> {
    let links = ds.links_of(person);
    let mut order: Vec<(u32, u32)> = links
        .iter()
        .enumerate()
        .map(|(i, l)| (u32::from(l.kind) << 1 | u32::from(l.derived), i as u32))
        .collect();
    sort_pairs(&mut order);
    order.into_iter().map(|(_, i)| links[i as usize]).collect()
}

/// The other people in a person's events, each with the number of events they
/// share, most shared first (then in id order).
pub fn appears_with(ds: &Dataset, person: u16) -> Vec<(u16, u32)> {
    let mut counts = vec![0u32; ds.people.len()];
    for e in ds.events_of(&ds.people[person as usize]) {
        let mut seen: Vec<u16> = Vec::with_capacity(e.people.len());
        for &o in e.people {
            if o != person && !seen.contains(&o) {
                seen.push(o);
                counts[o as usize] += 1;
            }
        }
    }
    most_first(counts)
}

/// The non-zero counts as (index, count), the largest first (then by index).
fn most_first(counts: Vec<u32>) -> Vec<(u16, u32)> {
    let mut keyed: Vec<(u32, u32)> = counts
        .into_iter()
        .enumerate()
        .filter(|&(_, n)| n > 0)
        .map(|(i, n)| (u32::MAX - n, i as u32))
        .collect();
    sort_pairs(&mut keyed);
    keyed
        .into_iter()
        .map(|(k, i)| (i as u16, u32::MAX - k))
        .collect()
}

/// The places of a person's events, each with how many of their events are
/// there, most first (then in id order).
pub fn places_of(ds: &Dataset, person: u16) -> Vec<(u16, u32)> {
    let mut counts = vec![0u32; ds.places.len()];
    for e in ds.events_of(&ds.people[person as usize]) {
        let mut seen: Vec<u16> = Vec::with_capacity(e.places.len());
        for &pl in e.places {
            if !seen.contains(&pl) {
                seen.push(pl);
                counts[pl as usize] += 1;
            }
        }
    }
    most_first(counts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::link::LinkState;
    use crate::core::dataset::DATASET;
    use crate::core::model::inverse_relation;
    use crate::core::route::Route;
    use std::collections::BTreeSet;

    fn index() -> NameIndex {
        NameIndex::new(&DATASET)
    }

    fn person(id: &str) -> u16 {
        DATASET
            .person_index(id)
            .unwrap_or_else(|| panic!("no person {id}")) as u16
    }

    fn ids(people: &[u16]) -> Vec<&'static str> {
        people
            .iter()
            .map(|&p| DATASET.people[p as usize].id)
            .collect()
    }

    #[test]
    fn every_spelling_the_sources_use_resolves_to_its_person() {
        let ds = &DATASET;
        let idx = index();
        for (i, p) in ds.people.iter().enumerate() {
            for n in p.names {
                for variant in [
                    n.name.to_string(),
                    n.name.to_uppercase(),
                    n.name.to_lowercase(),
                    fold(n.name),
                    format!("  {}  ", n.name),
                ] {
                    let found = idx.resolve(ds, &variant);
                    assert!(
                        found.contains(&(i as u16)),
                        "{variant:?} does not resolve to {} (it gives {:?})",
                        p.id,
                        ids(&found)
                    );
                }
            }
        }
    }

    #[test]
    fn alias_resolution_table() {
        let ds = &DATASET;
        let idx = index();
        // Spellings as a reader might type them: other transliterations, case,
        // diacritics, another surname ending. The person must come first.
        let table: &[(&str, &[&str])] = &[
            (
                "alikhan-bukeikhan",
                &[
                    "Bukeikhan",
                    "Bokeikhanov",
                    "BUKEIKHANOV",
                    "bökeikhan",
                    "Bökeyhan",
                    "Bukeikhanuly",
                    "Alikhan Bokeikhan",
                    "alikhan bukeikhanov",
                    "Qyr Balası",
                    "qyr balasi",
                    "Leader of the Nation",
                ],
            ),
            (
                "miryakub-dulatuly",
                &["Dulatov", "DULATULY", "Miryakub Dulatov", "Madiyar"],
            ),
            (
                "akhmet-baitursynuly",
                &["Baitursynov", "Baytursynuly", "akhmet baitursynov"],
            ),
            (
                "junaid-khan",
                &[
                    "Junaid Khan",
                    "Zhunaid Khan",
                    "zhunaidkhan",
                    "Dzhunaid Khan",
                ],
            ),
            ("joseph-stalin", &["STALIN", "I. V. Stalin", "Koba"]),
            ("mustafa-shokay", &["Chukayev", "Chokaev", "Shokay"]),
            (
                "enver-pasha",
                &["Ismail Enver", "İsmail Enver", "enver pasha"],
            ),
        ];
        for (id, spellings) in table {
            for s in *spellings {
                let found = idx.resolve(ds, s);
                assert_eq!(
                    found.first(),
                    Some(&person(id)),
                    "{s:?} should resolve to {id} first, got {:?}",
                    ids(&found)
                );
            }
        }
        // A name two people share resolves to both, the better attested first.
        let both = idx.resolve(ds, "general");
        assert_eq!(
            ids(&both),
            vec!["enver-pasha", "kakurin"],
            "both are called “General”"
        );
        // Brothers: only the spellings the sources use for each.
        assert_eq!(
            ids(&idx.resolve(ds, "Dosmukhamedov")),
            vec!["zhagansha-dosmukhameduly"]
        );
        assert_eq!(
            ids(&idx.resolve(ds, "H. Dosmukhamedov")),
            vec!["khalel-dosmukhamedov"]
        );
        // Nothing, or a word that is no one's name, resolves to no one.
        for s in ["", "   ", "!!!", "Bukei", "Samarkand", "Alikhan Stalin"] {
            assert_eq!(ids(&idx.resolve(ds, s)), Vec::<&str>::new(), "{s:?}");
        }
    }

    #[test]
    fn the_index_search_finds_a_person_by_any_of_their_names() {
        let ds = &DATASET;
        let idx = index();
        let search = |q: &str| {
            let s = IndexState {
                q: q.into(),
                ..IndexState::default()
            };
            apply(ds, &idx, &s).people
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
    fn inverse_relations_appear_on_the_other_person() {
        let ds = &DATASET;
        let kind = |id: &str| ds.relation_kinds.iter().position(|t| t.id == id).unwrap() as u8;
        let mut recorded = 0;
        for (i, p) in ds.people.iter().enumerate() {
            for r in p.relations {
                recorded += 1;
                let theirs = relations(ds, r.to);
                let inverse = kind(inverse_relation(ds.relation_kinds[r.kind as usize].id));
                assert!(
                    theirs.iter().any(|l| l.other == i as u16
                        && l.derived
                        && l.kind == inverse
                        && l.cite == r.cite),
                    "{} → {} is missing on {}",
                    p.id,
                    ds.people[r.to as usize].id,
                    ds.people[r.to as usize].id
                );
                assert!(relations(ds, i as u16)
                    .iter()
                    .any(|l| l.other == r.to && !l.derived && l.kind == r.kind));
            }
        }
        // Each recorded relation shows up exactly twice: once on each side.
        let shown: usize = (0..ds.people.len())
            .map(|p| relations(ds, p as u16).len())
            .sum();
        assert_eq!(shown, 2 * recorded);
        assert!(recorded > 20);

        // Concretely: Bukeikhan records his daughter as his child; she has him as a parent.
        let b = person("alikhan-bukeikhan");
        let daughter = relations(ds, person("elizaveta-bukeikhanova"));
        assert!(daughter
            .iter()
            .any(|l| l.other == b && l.kind == kind("parent") && l.derived));
        let brother = relations(ds, person("smakhan-tore"));
        assert!(brother
            .iter()
            .any(|l| l.other == b && l.kind == kind("sibling") && l.derived));
        // Grouped by kind, family first.
        let his = relations(ds, b);
        assert!(his.windows(2).all(|w| w[0].kind <= w[1].kind));
    }

    #[test]
    fn appears_with_counts_are_the_shared_events() {
        let ds = &DATASET;
        for (i, p) in ds.people.iter().enumerate() {
            let mine: BTreeSet<u32> = p.events.iter().copied().collect();
            let with = appears_with(ds, i as u16);
            let mut expected = BTreeSet::new();
            for &e in &mine {
                expected.extend(
                    ds.events[e as usize]
                        .people
                        .iter()
                        .copied()
                        .filter(|&o| o as usize != i),
                );
            }
            assert_eq!(
                with.iter().map(|&(o, _)| o).collect::<BTreeSet<_>>(),
                expected,
                "{}",
                p.id
            );
            for &(o, n) in &with {
                let shared = ds.people[o as usize]
                    .events
                    .iter()
                    .filter(|e| mine.contains(e))
                    .count();
                assert_eq!(
                    n as usize, shared,
                    "{} with {}",
                    p.id, ds.people[o as usize].id
                );
            }
            assert!(
                with.windows(2).all(|w| w[0].1 >= w[1].1),
                "most shared first"
            );
        }
        let b = appears_with(ds, person("alikhan-bukeikhan"));
        assert!(b.len() > 20 && b[0].1 > 1);
    }

    #[test]
    fn places_come_from_the_persons_events() {
        let ds = &DATASET;
        let b = person("alikhan-bukeikhan");
        let places = places_of(ds, b);
        assert!(!places.is_empty());
        for &(pl, n) in &places {
            let there = ds
                .events_of(&ds.people[b as usize])
                .filter(|e| e.places.contains(&pl))
                .count();
            assert_eq!(n as usize, there);
        }
    }

    #[test]
    fn sort_orders() {
        let ds = &DATASET;
        let idx = index();
        let by_name = apply(ds, &idx, &IndexState::default()).people;
        assert_eq!(by_name.len(), ds.people.len(), "no filter: everyone");
        let names: Vec<String> = by_name
            .iter()
            .map(|&p| fold(ds.people[p as usize].name))
            .collect();
        assert!(names.windows(2).all(|w| w[0] <= w[1]), "{names:?}");
        assert!(names.first().unwrap().starts_with('a'));

        let first = apply(
            ds,
            &idx,
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
            (apply(ds, &idx, &s), s)
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
                apply(ds, &idx, &g).people.len() as u32,
                n,
                "strand {}",
                ds.tags[t].id
            );
        }
        for (k, &n) in out.roles.iter().enumerate() {
            let mut g = s.clone();
            g.toggle(Facet::Role, k as u32);
            assert_eq!(
                apply(ds, &idx, &g).people.len() as u32,
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
    fn the_link_round_trips_and_bad_links_are_ignored_with_a_notice() {
        let ds = &DATASET;
        let link = "q=Bokeikhanov&strand=alash,repression&role=party&sort=first&page=2";
        let (s, n) = IndexState::parse(ds, &Route::parse(&format!("#/people?{link}")).query);
        assert!(n.is_empty(), "{n:?}");
        assert_eq!(s.query(ds), link);
        assert_eq!(IndexState::default().query(ds), "");
        let mut seed = 7u64;
        let mut next = |m: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % m as u64) as usize
        };
        for _ in 0..1000 {
            let mut s = IndexState {
                q: ["", "Bökeikhan ұлы", "a&b=c", "100% +", "x,y"][next(5)].into(),
                sort: Sort::ALL[next(2)],
                page: 1 + next(4) as u32,
                ..IndexState::default()
            };
            let page = s.page;
            for _ in 0..next(3) {
                let t = next(ds.tags.len()) as u32;
                if !s.strands.contains(&t) {
                    s.toggle(Facet::Strand, t);
                }
                let k = next(ds.org_kinds.len()) as u32;
                if !s.roles.contains(&k) {
                    s.toggle(Facet::Role, k);
                }
            }
            s.page = page;
            let url = format!("#/people?{}", s.query(ds));
            let (back, n) = IndexState::parse(ds, &Route::parse(&url).query);
            assert!(n.is_empty(), "{url}: {n:?}");
            assert_eq!(back, s, "{url}");
        }
        let (s, n) = IndexState::parse(
            ds,
            &Route::parse("#/people?strand=nowhere,alash&role=wizard&sort=age&page=0&colour=red")
                .query,
        );
        assert_eq!(s.strands.len(), 1, "the known strand is kept");
        assert_eq!((s.roles.len(), s.sort, s.page), (0, Sort::Name, 1));
        assert_eq!(n.len(), 5, "{n:#?}");
    }

    #[test]
    fn arbitrary_links_never_panic() {
        let ds = &DATASET;
        let idx = index();
        let alphabet: Vec<char> = "qstrandrolesortpage=&,%+#/?-_.19 ZzäöұҚ\u{0}😀%E2"
            .chars()
            .collect();
        let mut seed = 99u64;
        for _ in 0..2000 {
            let mut s = String::from("#/people?");
            for _ in 0..(seed % 12) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                s.push(alphabet[(seed % alphabet.len() as u64) as usize]);
            }
            seed = seed.wrapping_add(0x9E37_79B9);
            let (st, _) = IndexState::parse(ds, &Route::parse(&s).query);
            let out = apply(ds, &idx, &st);
            let _ = page_of(&out.people, st.page);
            let _ = st.query(ds);
            let _ = idx.similar(ds, &s, 5);
            let _ = idx.resolve(ds, &s);
        }
    }

    #[test]
    fn similar_names_for_an_unknown_id() {
        let ds = &DATASET;
        let idx = index();
        let first = |text: &str| {
            idx.similar(ds, text, 5)
                .first()
                .map(|&p| ds.people[p as usize].id)
        };
        assert_eq!(first("bokeikhanov"), Some("alikhan-bukeikhan"));
        assert_eq!(first("alikhan-bukeikan"), Some("alikhan-bukeikhan"));
        assert_eq!(first("alihan-bokeihanov"), Some("alikhan-bukeikhan"));
        assert_eq!(first("stallin"), Some("joseph-stalin"));
        assert_eq!(first("dulatov"), Some("miryakub-dulatuly"));
        assert_eq!(first("enver"), Some("enver-pasha"));
        assert_eq!(first("junaid-han"), Some("junaid-khan"));
        // Family members share the surname: they follow, best-attested first.
        let all = idx.similar(ds, "bokeikhanov", 5);
        assert_eq!(all.len(), 5);
        assert!(
            ids(&all)
                .iter()
                .filter(|id| id.contains("bukeikhan"))
                .count()
                >= 3,
            "{:?}",
            ids(&all)
        );
        assert_eq!(idx.similar(ds, "zzzzqqqxxx", 5), Vec::<u16>::new());
        assert_eq!(idx.similar(ds, "", 5), Vec::<u16>::new());
    }

    #[test]
    fn closeness_and_edit_distance() {
        assert_eq!(edit_distance(b"kitten", b"sitting"), 3);
        assert_eq!(edit_distance(b"", b"abc"), 3);
        assert_eq!(edit_distance(b"same", b"same"), 0);
        assert_eq!(closeness("bukeihan", "bukeihan"), 100);
        assert_eq!(closeness("bukei", "bukeihan"), 90);
        assert!(closeness("stalin", "stallin") >= 80);
        assert!(closeness("zzz", "bukeihan") < 60);
    }

    #[test]
    fn life_dates_say_unknown_where_no_source_gives_one() {
        let ds = &DATASET;
        let b = &ds.people[person("alikhan-bukeikhan") as usize];
        assert_eq!(life_span(b), "unknown – 27 Sep 1937");
        let s = &ds.people[person("georgy-skalov") as usize];
        assert_eq!(life_span(s), "1896 – 1935");
        let none = ds
            .people
            .iter()
            .find(|p| p.born.is_none() && p.died.is_none())
            .unwrap();
        assert_eq!(life_span(none), "unknown");
    }

    #[test]
    fn appearances_count_the_events_and_give_the_first() {
        let ds = &DATASET;
        let b = &ds.people[person("alikhan-bukeikhan") as usize];
        let first = ds.events[b.events[0] as usize].date.display();
        assert_eq!(
            appearances(ds, b),
            format!("{} events, first: {first}", b.events.len())
        );
        let none = ds.people.iter().find(|p| p.events.is_empty()).unwrap();
        assert_eq!(appearances(ds, none), "in no event");
        if let Some(one) = ds.people.iter().find(|p| p.events.len() == 1) {
            assert!(appearances(ds, one).starts_with("1 event: "));
        }
    }

    #[test]
    fn citations_group_by_source_and_section() {
        let ds = &DATASET;
        let b = &ds.people[person("alikhan-bukeikhan") as usize];
        let chairman = b
            .roles
            .iter()
            .find(|r| r.role == "Chairman of Alash Orda")
            .unwrap();
        let line = ds.cites_text(chairman.cite);
        // Each source title once, every paragraph kept.
        for c in chairman.cite {
            let title = ds.sources[c.source as usize].title;
            assert_eq!(line.matches(&format!("{title}: ")).count(), 1, "{line}");
            assert!(line.contains(&c.from.to_string()), "{line}");
            if let Some(h) = ds.cite_section(c) {
                assert!(line.contains(h), "{line}");
            }
        }
        assert!(
            line.len()
                < chairman
                    .cite
                    .iter()
                    .map(|c| ds.cite_text(c).len())
                    .sum::<usize>()
        );
        // One citation: the source, the section, the paragraph.
        let c = &b.cite[0];
        let title = ds.sources[c.source as usize].title;
        let paras = if c.from == c.to {
            c.from.to_string()
        } else {
            format!("{}–{}", c.from, c.to)
        };
        let expected = match ds.cite_section(c) {
            Some(h) => format!("{title}: “{h}” ¶ {paras}"),
            None => format!("{title}: ¶ {paras}"),
        };
        assert_eq!(ds.cites_text(&b.cite[..1]), expected);
        assert_eq!(ds.cites_text(&[]), "");
    }

    #[test]
    fn a_role_names_its_organisation_once() {
        let ds = &DATASET;
        let b = &ds.people[person("alikhan-bukeikhan") as usize];
        let text = |role: &str| role_text(ds, b.roles.iter().find(|r| r.role == role).unwrap());
        assert_eq!(text("Chairman of Alash Orda"), "Chairman of Alash Orda");
        assert_eq!(
            text("Head of the Eastern (Semipalatinsk) branch of Alash Orda"),
            "Head of the Eastern (Semipalatinsk) branch of Alash Orda"
        );
        // The wording "Central Publishing House" is one of the organisation's names.
        assert_eq!(
            text("Member of the literary staff of the Kazakh section of the Central Publishing House"),
            "Member of the literary staff of the Kazakh section of the Central Publishing House"
        );
        let (mut bare, mut added) = (0, 0);
        for r in ds.people.iter().flat_map(|p| p.roles) {
            let Some(o) = r.org.map(|o| &ds.orgs[o as usize]) else {
                continue;
            };
            let t = role_text(ds, r);
            if t == r.role {
                bare += 1;
            } else {
                assert_eq!(t, format!("{} ({})", r.role, o.name));
                assert!(!fold(r.role).contains(&fold(o.name)), "{t}");
                added += 1;
            }
        }
        assert!(bare > 0 && added > 0, "{bare} {added}");
        let unattached = ds
            .people
            .iter()
            .flat_map(|p| p.roles)
            .find(|r| r.org.is_none())
            .unwrap();
        assert_eq!(role_text(ds, unattached), unattached.role);
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
