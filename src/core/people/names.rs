//! Which person a name means: every name, spelling and epithet as search keys
//! (alias resolution), the spelling a search found someone by, and the people
//! whose names come closest to an id that matches no one (edit distance).

use super::sort_pairs;
use crate::core::model::Dataset;
use crate::core::text::{fold, fold_word, for_each_word, words_of, Field, Search, Word};

/// Drops a parenthesised remark the dataset adds to an epithet:
/// "Qyr Balası (pen name)" is written "Qyr Balası".
fn without_remark(name: &str) -> &str {
    match name.find(" (") {
        Some(i) if name.ends_with(')') => &name[..i],
        _ => name,
    }
}

/// The search keys of a name: its words' [`fold_word`] keys, space-separated.
fn keys(name: &str) -> String {
    let mut s = String::new();
    for_each_word(name, |_, w| {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(&fold_word(w));
    });
    s
}

/// The names of every person as search words, made once.
pub struct NameIndex {
    /// Per person: the words of all their names and epithets (what a search matches).
    all: Vec<Vec<(Word, Field)>>,
    /// Per person: the keys of each name, then each epithet (what a name resolves against).
    each: Vec<Vec<String>>,
    /// Per person: their place in the order of canonical names (folded to plain
    /// lower case; ties by id).
    pub(super) name_rank: Vec<u32>,
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
            let mut texts = vec![(p.name, Field::Name)];
            let mut names = Vec::new();
            for n in p.names.iter().chain(p.epithets) {
                texts.push((n.name, Field::Name));
                names.push(keys(without_remark(n.name)));
            }
            let mut w: Vec<String> = Vec::new();
            let id = keys(p.id);
            let spelled = texts
                .iter()
                .map(|(t, _)| keys(t))
                .collect::<Vec<_>>()
                .join(" ");
            for k in spelled
                .split(' ')
                .chain(id.split(' '))
                .filter(|k| !k.is_empty())
            {
                if !w.iter().any(|x| x == k) {
                    w.push(k.to_string());
                }
            }
            words.push(w);
            all.push(words_of(&texts));
            each.push(names);
            folded.push(fold(p.name));
        }
        NameIndex {
            all,
            each,
            name_rank: name_ranks(&folded),
            words,
        }
    }

    /// Does person `p` have names or epithets with every word of the query?
    pub fn matches(&self, p: usize, q: &Search) -> bool {
        self.score(p, q) > 0
    }

    /// How well person `p`'s names match the query (0: some word is not
    /// found): the sum of the words' scores.
    pub fn score(&self, p: usize, q: &Search) -> u32 {
        let s = q.scores_of(&self.all[p]);
        if s.contains(&0) {
            0
        } else {
            s.iter().map(|&x| u32::from(x)).sum()
        }
    }

    /// Alias resolution: the people one of whose names (or epithets) is `name`,
    /// in any spelling variant the search folds (case, diacritics,
    /// transliteration, surname endings). The best-attested (most events) first.
    pub fn resolve(&self, ds: &Dataset, name: &str) -> Vec<u16> {
        let k = keys(without_remark(name.trim()));
        if k.is_empty() {
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
        let q = Search::new(typed);
        let typed = fold(typed);
        if q.is_empty() || fold(person.name).contains(&typed) {
            return None;
        }
        let mut names = person.names.iter().chain(person.epithets);
        if let Some(n) = names.clone().find(|n| fold(n.name).contains(&typed)) {
            return Some(n.name);
        }
        let whole = |name: &str| !q.scores_in(&[(name, Field::Name)]).contains(&0);
        if whole(person.name) {
            return None;
        }
        names.find(|n| whole(n.name)).map(|n| n.name)
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

/// Each name's place in the sorted order of the names, ties by position.
fn name_ranks(folded: &[String]) -> Vec<u32> {
    let mut order: Vec<(&str, u32)> = folded
        .iter()
        .enumerate()
        .map(|(i, f)| (f.as_str(), i as u32))
        .collect();
    sort_pairs(&mut order);
    let mut rank = vec![0; folded.len()];
    for (r, &(_, i)) in order.iter().enumerate() {
        rank[i as usize] = r as u32;
    }
    rank
}

/// How close two keys are, 0–100: 100 the same, 90 when one (of three or more
/// letters) starts the other, else 100 × (1 − edit distance / longer length).
pub fn closeness(a: &str, b: &str) -> u32 {
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
    // Two rows of the table; on the stack for the words names have.
    const SHORT: usize = 64;
    if b.len() < SHORT {
        let (mut prev, mut row) = ([0usize; SHORT], [0usize; SHORT]);
        rows(a, b, &mut prev[..=b.len()], &mut row[..=b.len()])
    } else {
        rows(a, b, &mut vec![0; b.len() + 1], &mut vec![0; b.len() + 1])
    }
}

fn rows<'t>(a: &[u8], b: &[u8], mut prev: &'t mut [usize], mut row: &'t mut [usize]) -> usize {
    for (j, p) in prev.iter_mut().enumerate() {
        *p = j;
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::dataset::DATASET;
    use crate::core::people::testing::{ids, index, person};

    /// The ranks as `NameIndex::new` counted them before it sorted (O(n²)).
    fn counted_ranks(folded: &[String]) -> Vec<u32> {
        (0..folded.len())
            .map(|i| {
                let me = (&folded[i], i);
                (0..folded.len()).filter(|&j| (&folded[j], j) < me).count() as u32
            })
            .collect()
    }

    #[test]
    fn names_rank_as_they_did_when_counted() {
        let folded: Vec<String> = DATASET.people.iter().map(|p| fold(p.name)).collect();
        assert_eq!(index().name_rank, counted_ranks(&folded));
        assert_eq!(name_ranks(&folded), counted_ranks(&folded));
        // Ties (the same folded name) go by position; prefixes first.
        let folded: Vec<String> = ["b", "a", "ab", "b", "", "a", "ba", "", "a"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(name_ranks(&folded), counted_ranks(&folded));
        assert_eq!(name_ranks(&folded), vec![6, 2, 5, 7, 0, 3, 8, 1, 4]);
        assert!(name_ranks(&[]).is_empty());
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
}
