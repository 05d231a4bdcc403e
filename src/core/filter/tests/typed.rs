//! Issue #17: what people really type (forms, typos, stems, ranking).

use super::*;

fn outcome(q: &str) -> Outcome {
    let ds = &DATASET;
    let f = Filter {
        q: q.into(),
        ..Filter::default()
    };
    apply(ds, &crate::core::dataset::SEARCH, &f)
}

fn best_ids(q: &str) -> Vec<&'static str> {
    outcome(q)
        .best_first()
        .iter()
        .map(|&i| DATASET.events[i as usize].id)
        .collect()
}

fn in_title(e: &crate::core::model::Event, q: &str) -> bool {
    !Search::new(q).marks(e.title, false).is_empty()
}

/// Does a word of `q` stand in the event's title or in a name of its people,
/// places or organisations (as typed, not mistyped)?
fn in_title_or_name(e: &crate::core::model::Event, q: &str) -> bool {
    let mut q = Search::new(q);
    q.terms.iter_mut().for_each(|t| t.typos = false);
    let mut yes = false;
    event_texts(&DATASET, e, &mut |t, f| {
        if matches!(f, Field::Title | Field::Name) && !q.marks(t, f == Field::Name).is_empty() {
            yes = true;
        }
    });
    yes
}

/// Is `word` a plain word as the index reads it: one some title, summary or
/// type has (the same key, or the same stem) and no name has? Then the search
/// takes it for that word and forgives no typo in it (`SearchIndex::plain`).
fn a_plain_word(word: &str) -> bool {
    use std::collections::HashSet;
    use std::sync::LazyLock;
    /// The keys and stems of the words of names, and of the other texts.
    static WORDS: LazyLock<[(HashSet<String>, HashSet<String>); 2]> = LazyLock::new(|| {
        let mut sets: [(HashSet<String>, HashSet<String>); 2] = Default::default();
        for e in DATASET.events {
            event_texts(&DATASET, e, &mut |t, f| {
                for (w, _) in words_of(&[(t, f)]) {
                    let (keys, stems) = &mut sets[usize::from(f == Field::Name)];
                    keys.insert(w.key);
                    stems.insert(w.stem);
                }
            });
        }
        sets
    });
    let q = Word::of(&word.to_lowercase());
    let has = |(keys, stems): &(HashSet<String>, HashSet<String>)| {
        keys.contains(&q.key) || (q.stem.len() >= 3 && stems.contains(&q.stem))
    };
    has(&WORDS[0]) && !has(&WORDS[1])
}

fn event_titled(part: &str) -> &'static str {
    DATASET
        .events
        .iter()
        .find(|e| e.title.contains(part))
        .unwrap_or_else(|| panic!("no event titled …{part}…"))
        .id
}

#[test]
fn the_usual_russian_and_kazakh_forms_find_the_person() {
    for (typed, person) in [
        ("Auezov", "mukhtar-auezuly"),
        ("Auezuly", "mukhtar-auezuly"),
        ("Ibragim", "ibrahim-bek"),
        ("Ibragim Bek", "ibrahim-bek"),
        ("Asfendiyarov", "sanjar-asfindiyarov"),
        ("Shokai", "mustafa-shokay"),
        ("Chokay", "mustafa-shokay"),
        ("Dos Mukhameduly", "khalil-dos-mukhameduly"),
        ("Dosmukhameduly", "khalil-dos-mukhameduly"),
    ] {
        let theirs = events_of_person(person);
        assert!(!theirs.is_empty(), "{person} has events");
        let found = search(typed);
        assert!(
            found.is_superset(&theirs),
            "{typed:?} misses events of {person}: {:?}",
            theirs.difference(&found).collect::<Vec<_>>()
        );
        assert!(!outcome(typed).partial(), "{typed:?}: every word found");
    }
}

#[test]
fn two_spellings_of_one_man_give_the_same_results() {
    for group in [
        &[
            "Chokay", "Shokai", "Shokay", "Chokayev", "Chukayev", "Şokay",
        ][..],
        &[
            "Bukeikhan",
            "Bokeikhanov",
            "Bukeikhanuly",
            "Бөкейхан",
            "Bökeyhan",
        ],
        &["Ibrahim", "Ibragim", "Ibrakhim"],
        &["Auezov", "Auezuly", "Auezuli", "Әуезұлы"],
        &["Dulatov", "Dulatuly", "Dulatuli"],
        &["Tynyshbayev", "Tynyshbaev", "Tynyshbai"],
    ] {
        let first = search(group[0]);
        assert!(!first.is_empty(), "{:?} finds events", group[0]);
        for s in group {
            assert_eq!(search(s), first, "{s:?} and {:?} differ", group[0]);
            assert_eq!(best_ids(s), best_ids(group[0]), "{s:?}: same order");
        }
    }
}

#[test]
fn word_forms_match_each_other() {
    assert_eq!(search("Bukeikhan arrests"), search("Bukeikhan arrest"));
    assert_eq!(search("Bukeikhan arrested"), search("Bukeikhan arrest"));
    assert!(search("Bukeikhan arrest").len() >= 5);
    let invade = event_titled("Soviet troops invade");
    for q in ["Khiva invasion", "invasion of Khiva", "Khiva invaded"] {
        let o = outcome(q);
        assert!(!o.partial(), "{q:?}: an event has every word");
        assert!(search(q).contains(invade), "{q:?}");
    }
    assert_eq!(
        best_ids("Khiva invasion")[0],
        invade,
        "the title has both words"
    );
    let abdicates = "said-abdullahan-abdicates-1920";
    for q in ["abdication", "abdicate", "abdicated", "abdicates"] {
        assert!(search(q).contains(abdicates), "{q:?}");
    }
}

#[test]
fn when_no_event_has_every_word_the_best_partial_matches_show() {
    let o = outcome("fall of Khiva");
    assert!(o.partial(), "no event has “fall” and “Khiva”");
    assert_eq!((o.found, o.words), (1, 2), "“of” is not a word to look for");
    let takes = event_titled("Red Army takes Khiva");
    assert!(o
        .events
        .contains(&(DATASET.event_index(takes).unwrap() as u32)));
    // Events with Khiva in a name or the title come before a summary's.
    let best = best_ids("fall of Khiva");
    let top = DATASET.event(best[0]).unwrap();
    assert!(in_title_or_name(top, "fall Khiva"), "{}", top.id);
    // With every word found, the partial matches do not show.
    let all = outcome("Khiva Junaid");
    assert!(!all.partial() && all.found == 2);
}

#[test]
fn nonsense_words_match_nothing() {
    for q in ["aaaa", "qqqq", "aa", "zzzz", "xxxxx", "aaaa qqqq", "kkk"] {
        let o = outcome(q);
        assert!(o.events.is_empty(), "{q:?} finds {} events", o.events.len());
        assert_eq!(o.found, 0, "{q:?}");
    }
}

#[test]
fn a_typo_is_forgiven_below_the_exact_spelling() {
    let ds = &DATASET;
    // "Asfendiyarov": exact for S. Asfendiarov (the folded key), one letter off
    // Sanjar Asfindiyarov.
    let exact = events_of_person("s-asfendiarov");
    let typo = events_of_person("sanjar-asfindiyarov");
    let order = best_ids("Asfendiyarov");
    if !exact.is_empty() {
        let last_exact = order
            .iter()
            .rposition(|id| exact.contains(id) && !typo.contains(id));
        let first_typo = order
            .iter()
            .position(|id| typo.contains(id) && !exact.contains(id));
        if let (Some(a), Some(b)) = (last_exact, first_typo) {
            assert!(a < b, "exact matches first: {order:?}");
        }
    }
    // Short words are not forgiven: four letters of key need to be right.
    assert!(search("Khiv").len() < ds.events.len());
    assert!(
        search("Khuva").contains(event_titled("Red Army takes Khiva")),
        "five letters: one off"
    );
    let named_khiva: BTreeSet<&str> = DATASET
        .events
        .iter()
        .filter(|e| in_title_or_name(e, "Khiva") && !in_title(e, "Khiva"))
        .map(|e| e.id)
        .collect();
    assert!(!named_khiva.is_empty());
    assert!(
        search("Khuva").is_superset(&named_khiva),
        "a name forgives the typo"
    );
    // Typos forgive names, not the words of a title or summary.
    assert!(search("arrestid").is_empty() || outcome("arrestid").found == 0);
}

#[test]
fn initials_and_word_order() {
    let ds = &DATASET;
    assert_eq!(search("Bukeikhan Alikhan"), search("Alikhan Bukeikhan"));
    let top = best_ids("A. Bukeikhan");
    let ali = ds.person_index("alikhan-bukeikhan").unwrap() as u16;
    let first = ds.event(top[0]).unwrap();
    assert!(first.people.contains(&ali), "{}", first.id);
    // An initial is a name's first letter, not any word's.
    assert!(search("A. Bukeikhan").is_superset(&events_of_person("alikhan-bukeikhan")));
}

#[test]
fn names_and_titles_rank_above_summaries() {
    let ds = &DATASET;
    let o = outcome("Khiva");
    let order = o.best_first();
    let in_title_or_name = |i: u32| in_title_or_name(&ds.events[i as usize], "Khiva");
    let first_other = order
        .iter()
        .position(|&i| !in_title_or_name(i))
        .unwrap_or(order.len());
    assert!(
        order[first_other..].iter().all(|&i| !in_title_or_name(i)),
        "{order:?}"
    );
    assert!(first_other > 0 && first_other < order.len());
    // best_first keeps the same events as the chronological list.
    let mut a = order.clone();
    a.sort_unstable();
    let mut b = o.events.clone();
    b.sort_unstable();
    assert_eq!(a, b);
}

#[test]
fn best_first_is_by_rank_then_date() {
    // Whatever sorts them: the best rank first, events of one rank in date order.
    for q in [
        "Khiva",
        "Bukeikhan arrest",
        "alash congress 1917",
        "Shokai",
        "Asfendiyarov",
    ] {
        let o = outcome(q);
        assert!(!o.events.is_empty(), "{q}");
        let mut by_rank: Vec<(u32, u32)> = o
            .events
            .iter()
            .zip(&o.ranks)
            .map(|(&e, &r)| (r, e))
            .collect();
        by_rank.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let expected: Vec<u32> = by_rank.into_iter().map(|(_, e)| e).collect();
        assert_eq!(o.best_first(), expected, "{q}");
        assert!(
            o.ranks.windows(2).any(|w| w[0] != w[1]),
            "{q}: ranks differ"
        );
    }
}

/// One edit of a letter at `at` (a fraction of the word): substitute, insert
/// or delete.
fn edit(word: &str, at: usize, kind: u8, letter: char) -> String {
    let mut c: Vec<char> = word.chars().collect();
    let i = at % c.len();
    match kind % 3 {
        0 => c[i] = letter,
        1 => c.insert(i, letter),
        _ => {
            c.remove(i);
        }
    }
    c.into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100))]

    /// A person is found under every spelling the sources record, and under
    /// that spelling with one letter of a long word (6+ letters) mistyped.
    #[test]
    fn a_name_finds_its_person_under_every_spelling_and_one_typo(
        p in 0..DATASET.people.len(),
        n in 0usize..8,
        at in 0usize..64,
        kind in 0u8..3,
        letter in prop::sample::select("abcdefghijklmnoprstuvyz".chars().collect::<Vec<_>>()),
    ) {
        let ds = &DATASET;
        let person = &ds.people[p];
        let theirs: BTreeSet<&str> = ds.events_of(person).map(|e| e.id).collect();
        prop_assume!(!theirs.is_empty());
        let names: Vec<&str> = std::iter::once(person.name).chain(person.names.iter().map(|n| n.name)).collect();
        let name = names[n % names.len()];
        let found = search(name);
        prop_assert!(found.is_superset(&theirs), "{:?} misses {}'s events", name, person.id);
        // One edit of its longest word (6+ letters).
        let word = name.split([' ', '-']).max_by_key(|w| w.chars().count()).unwrap_or("");
        prop_assume!(word.chars().count() >= 6 && word.chars().all(char::is_alphabetic));
        let typed = edit(word, at, kind, letter);
        // A typo that makes another real word ("Maamin" for Madamin: the key of
        // Mamin-Sibiryak in a summary) is read as that word, by design.
        prop_assume!(!a_plain_word(&typed));
        let typo = name.replacen(word, &typed, 1);
        let found = search(&typo);
        prop_assert!(found.is_superset(&theirs), "{:?} (for {:?}) misses {}'s events: {:?}", typo, name, person.id,
            theirs.difference(&found).collect::<Vec<_>>());
    }
}
