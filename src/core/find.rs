//! Find anything from anywhere: the header box's suggestions (the best
//! people, places, organisations, events, disputes and periods for what was
//! typed, each kind ranked by the rules of [`crate::core::text`]), and "did you
//! mean" (the nearest names and titles when nothing matches).

use crate::core::filter::{Facet, Filter, SearchIndex, TextMatch};
use crate::core::link::LinkState;
use crate::core::model::Dataset;
use crate::core::people::{closeness, sort_pairs};
use crate::core::route::View;
use crate::core::text::{words_of, Field, Search, Word};
use crate::core::timeline::{Periods, TimelineState};

/// What a suggestion is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Person,
    Place,
    Org,
    Event,
    Dispute,
    Period,
}

impl Kind {
    /// The kinds, in the order the box lists them.
    pub const ALL: [Kind; 6] = [
        Kind::Person,
        Kind::Place,
        Kind::Org,
        Kind::Event,
        Kind::Dispute,
        Kind::Period,
    ];

    /// The kind as a reader sees it beside each suggestion.
    pub const fn label(self) -> &'static str {
        match self {
            Kind::Person => "Person",
            Kind::Place => "Place",
            Kind::Org => "Organisation",
            Kind::Event => "Event",
            Kind::Dispute => "Dispute",
            Kind::Period => "Period",
        }
    }
}

/// One suggestion: a record of the dataset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub kind: Kind,
    /// Its index (for a period: scheme << 16 | period).
    pub index: u32,
    /// How well it matched (higher is better; only comparable within a kind).
    pub score: u32,
    /// The spelling that matched, when it is not the name shown ("Bokeikhanov").
    pub matched: Option<&'static str>,
}

impl Hit {
    /// What the suggestion says: the record's name or title.
    pub fn label(&self, ds: &Dataset) -> &'static str {
        let i = self.index as usize;
        match self.kind {
            Kind::Person => ds.people[i].name,
            Kind::Place => ds.places[i].name,
            Kind::Org => ds.orgs[i].name,
            Kind::Event => ds.events[i].title,
            Kind::Dispute => ds.disputes[i].title,
            Kind::Period => ds.schemes[i >> 16].periods[i & 0xFFFF].name,
        }
    }

    /// Where it leads: a person's, event's, organisation's or dispute's page;
    /// the timeline of a place's events, or of a period's years.
    pub fn href(&self, ds: &Dataset) -> String {
        let i = self.index as usize;
        match self.kind {
            Kind::Person => View::Person(ds.people[i].id.into()).href(),
            Kind::Event => View::Event(ds.events[i].id.into()).href(),
            Kind::Dispute => View::Dispute(ds.disputes[i].id.into()).href(),
            Kind::Place => TimelineState::of(Filter::of(Facet::Place, self.index)).href(ds),
            Kind::Org => View::Org(ds.orgs[i].id.into()).href(),
            Kind::Period => {
                let (s, p) = (i >> 16, i & 0xFFFF);
                let d = ds.schemes[s].periods[p].date;
                let mut f = Filter::default();
                f.set_years(
                    Some(i32::from(d.start().year)),
                    Some(i32::from(d.end().year)),
                );
                let mut t = TimelineState::of(f);
                t.periods = Periods::Scheme(s as u32);
                t.href(ds)
            }
        }
    }
}

/// The timeline of every event matching `q` (the box's "all results").
pub fn all_results(ds: &Dataset, q: &str) -> String {
    let mut f = Filter::default();
    f.q = q.trim().to_string();
    TimelineState::of(f).href(ds)
}

/// A record's words, as search reads them.
struct Entry {
    kind: Kind,
    index: u32,
    words: Vec<(Word, Field)>,
    /// The other spellings (people): each with its words.
    spellings: Vec<(&'static str, Vec<(Word, Field)>)>,
    /// Where its word keys are in [`Finder::word_keys`].
    keys: (u32, u32),
}

/// The words of every person, place, organisation, dispute and period, made
/// once (on the first keystroke in the header box).
pub struct Finder {
    entries: Vec<Entry>,
    /// Every distinct word key of the entries ("did you mean" compares each once).
    keys: Vec<String>,
    /// Entry `e`'s word keys (indices into `keys`): `word_keys[e.keys.0..e.keys.1]`.
    word_keys: Vec<u32>,
}

impl Finder {
    pub fn new(ds: &Dataset) -> Finder {
        let mut entries = Vec::new();
        let name = |t: &'static str| (t, Field::Name);
        for (i, p) in ds.people.iter().enumerate() {
            let mut texts = vec![name(p.name)];
            let mut spellings = Vec::new();
            for n in p.names.iter().chain(p.epithets) {
                // "Madiyar (how Bukeikhan addressed him)": the remark is not a name.
                let bare = match n.name.find(" (") {
                    Some(i) if n.name.ends_with(')') => &n.name[..i],
                    _ => n.name,
                };
                texts.push(name(bare));
                if n.name != p.name {
                    spellings.push((n.name, words_of(&[name(n.name)])));
                }
            }
            entries.push(Entry {
                kind: Kind::Person,
                index: i as u32,
                words: words_of(&texts),
                spellings,
                keys: (0, 0),
            });
        }
        let plain = |kind, index, texts: &[(&'static str, Field)]| Entry {
            kind,
            index,
            words: words_of(texts),
            spellings: Vec::new(),
            keys: (0, 0),
        };
        for (i, p) in ds.places.iter().enumerate() {
            let mut t = vec![name(p.name)];
            t.extend(p.names.iter().map(|n| name(n)));
            entries.push(plain(Kind::Place, i as u32, &t));
        }
        for (i, o) in ds.orgs.iter().enumerate() {
            let mut t = vec![name(o.name)];
            t.extend(o.names.iter().map(|n| name(n)));
            entries.push(plain(Kind::Org, i as u32, &t));
        }
        for (i, d) in ds.disputes.iter().enumerate() {
            entries.push(plain(Kind::Dispute, i as u32, &[(d.title, Field::Title)]));
        }
        for (s, scheme) in ds.schemes.iter().enumerate() {
            for (p, period) in scheme.periods.iter().enumerate() {
                let index = (s as u32) << 16 | p as u32;
                entries.push(plain(Kind::Period, index, &[(period.name, Field::Title)]));
            }
        }
        let mut at: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
        let (mut keys, mut word_keys) = (Vec::new(), Vec::new());
        for e in &mut entries {
            let from = word_keys.len() as u32;
            for (w, _) in &e.words {
                let k = *at.entry(w.key.clone()).or_insert_with(|| {
                    keys.push(w.key.clone());
                    keys.len() as u32 - 1
                });
                word_keys.push(k);
            }
            e.keys = (from, word_keys.len() as u32);
        }
        Finder {
            entries,
            keys,
            word_keys,
        }
    }

    /// The header box's suggestions for `text`: per kind (in [`Kind::ALL`]
    /// order) the best `per_kind` records having every word of it, best first.
    /// Events come from the timeline's `index`.
    pub fn suggest(
        &self,
        ds: &Dataset,
        index: &SearchIndex,
        text: &str,
        per_kind: usize,
    ) -> Vec<Hit> {
        let q = Search::new(text);
        if q.is_empty() {
            return Vec::new();
        }
        let mut hits: Vec<Hit> = Vec::new();
        for e in &self.entries {
            let s = q.scores_of(&e.words);
            if s.contains(&0) {
                continue;
            }
            let score = s.iter().map(|&x| u32::from(x)).sum();
            let matched = if e.kind == Kind::Person {
                matched_spelling(ds.people[e.index as usize].name, &e.spellings, &q, text, &s)
            } else {
                None
            };
            hits.push(Hit {
                kind: e.kind,
                index: e.index,
                score,
                matched,
            });
        }
        if let Some(m) = index.search(&q) {
            if m.need == m.words {
                hits.extend(best_events(&m, per_kind).into_iter().map(|(r, i)| Hit {
                    kind: Kind::Event,
                    index: i,
                    score: u32::MAX - r,
                    matched: None,
                }));
            }
        }
        // Per kind, best first (ties in the dataset's order), at most per_kind.
        let mut keyed: Vec<(u64, u32)> = hits
            .iter()
            .enumerate()
            .map(|(n, h)| {
                (
                    (h.kind as u64) << 56
                        | u64::from(u32::MAX - h.score) << 24
                        | u64::from(h.index),
                    n as u32,
                )
            })
            .collect();
        sort_pairs(&mut keyed);
        let mut out = Vec::new();
        let mut count = 0;
        let mut last = None;
        for (_, n) in keyed {
            let n = n as usize;
            let kind = hits[n].kind;
            if last != Some(kind) {
                (last, count) = (Some(kind), 0);
            }
            if count < per_kind {
                out.push(hits[n].clone());
                count += 1;
            }
        }
        out
    }

    /// "Did you mean": when `text` finds nothing, the records whose names or
    /// titles come closest to its words (edit distance on the keys), best
    /// first, at most `n`; and the query with each word that matches nothing
    /// replaced by the nearest word of the events (`None` when none is near).
    pub fn did_you_mean(
        &self,
        index: &SearchIndex,
        text: &str,
        n: usize,
    ) -> (Vec<Hit>, Option<String>) {
        let q = Search::new(text);
        // The words found nowhere: only they need another spelling.
        let lonely: Vec<bool> = q
            .terms
            .iter()
            .map(|t| {
                t.word.key.len() >= 3
                    && index
                        .search(&Search {
                            terms: vec![t.clone()],
                        })
                        .is_none_or(|m| m.need == 0)
            })
            .collect();
        if !lonely.contains(&true) {
            return (Vec::new(), None);
        }
        let keys: Vec<&str> = q
            .terms
            .iter()
            .zip(&lonely)
            .filter(|(_, &l)| l)
            .map(|(t, _)| t.word.key.as_str())
            .collect();
        // Each distinct word's closeness to the words found nowhere, worked
        // out once however many records have it.
        let close: Vec<Vec<u32>> = keys
            .iter()
            .map(|k| {
                self.keys
                    .iter()
                    .map(|w| Some(closeness(k, w)).filter(|&c| c >= 70).unwrap_or(0))
                    .collect()
            })
            .collect();
        let mut scored: Vec<(u32, u32)> = Vec::new();
        for (i, e) in self.entries.iter().enumerate() {
            let words = &self.word_keys[e.keys.0 as usize..e.keys.1 as usize];
            let score: u32 = close
                .iter()
                .map(|c| words.iter().map(|&w| c[w as usize]).max().unwrap_or(0))
                .sum();
            if score > 0 {
                scored.push((u32::MAX - score, i as u32));
            }
        }
        sort_pairs(&mut scored);
        let mut hits: Vec<Hit> = scored
            .into_iter()
            .take(n)
            .map(|(s, i)| Hit {
                kind: self.entries[i as usize].kind,
                index: self.entries[i as usize].index,
                score: u32::MAX - s,
                matched: None,
            })
            .collect();
        // The nearest word of the events' texts for each word found nowhere.
        let mut nearest: Vec<Option<(u32, String)>> = vec![None; q.terms.len()];
        index.each_word(&mut |ascii, key, _| {
            for (t, term) in q.terms.iter().enumerate() {
                if !lonely[t] {
                    continue;
                }
                let c = closeness(&term.word.key, key);
                let better = nearest[t]
                    .as_ref()
                    .is_none_or(|(b, w)| c > *b || (c == *b && ascii < w.as_str()));
                if c >= 60 && better {
                    nearest[t] = Some((c, ascii.to_string()));
                }
            }
        });
        let corrected = nearest.iter().any(Option::is_some).then(|| {
            q.terms
                .iter()
                .zip(&nearest)
                .map(|(t, n)| n.as_ref().map_or(t.ascii.as_str(), |(_, w)| w.as_str()))
                .collect::<Vec<_>>()
                .join(" ")
        });
        // Events of the corrected query, best first.
        if let Some(c) = &corrected {
            if let Some(m) = index.search(&Search::new(c)).filter(|m| m.need > 0) {
                hits.extend(best_events(&m, 3).into_iter().map(|(r, i)| Hit {
                    kind: Kind::Event,
                    index: i,
                    score: u32::MAX - r,
                    matched: None,
                }));
            }
        }
        (hits, corrected)
    }
}

/// The spelling of a person a search matched, when it is not their name:
/// the first that holds the typed text as written (case and diacritics aside),
/// else, when their name matches less well, the best-matching spelling.
fn matched_spelling(
    name: &str,
    spellings: &[(&'static str, Vec<(Word, Field)>)],
    q: &Search,
    typed: &str,
    best: &[u16],
) -> Option<&'static str> {
    let typed = crate::core::text::fold(typed);
    if crate::core::text::fold(name).contains(&typed) {
        return None;
    }
    if let Some((n, _)) = spellings
        .iter()
        .find(|(n, _)| crate::core::text::fold(n).contains(&typed))
    {
        return Some(n);
    }
    if q.scores_in(&[(name, Field::Name)]) == best {
        return None;
    }
    spellings
        .iter()
        .find(|(_, w)| q.scores_of(w) == best)
        .map(|(n, _)| *n)
}

/// The `n` best matching events as (`u32::MAX` − rank, index), best first
/// (ties in the dataset's order): kept while going through the matches (`n` is
/// a few), not every match sorted.
fn best_events(m: &TextMatch, n: usize) -> Vec<(u32, u32)> {
    let mut best: Vec<(u32, u32)> = Vec::with_capacity(n + 1);
    for i in (0..m.hits.len()).filter(|&i| m.contains(i)) {
        let x = (u32::MAX - m.rank(i), i as u32);
        if best.len() < n || best.last().is_some_and(|&l| x < l) {
            let at = best.partition_point(|&b| b < x);
            best.insert(at, x);
            best.truncate(n);
        }
    }
    best
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::dataset::{DATASET, SEARCH};
    use crate::core::text::fold_word;

    fn finder() -> &'static Finder {
        static F: std::sync::OnceLock<Finder> = std::sync::OnceLock::new();
        F.get_or_init(|| Finder::new(&DATASET))
    }

    fn labels(hits: &[Hit]) -> Vec<(Kind, &'static str)> {
        hits.iter().map(|h| (h.kind, h.label(&DATASET))).collect()
    }

    #[test]
    fn the_box_suggests_each_kind_best_first() {
        let ds = &DATASET;
        let hits = finder().suggest(ds, &SEARCH, "Bokeikhanov", 3);
        let l = labels(&hits);
        assert_eq!(l[0], (Kind::Person, "Alikhan Bukeikhan"), "{l:?}");
        assert_eq!(
            hits[0].matched,
            Some("Bokeikhanov"),
            "the spelling that matched"
        );
        assert!(l.iter().any(|(k, _)| *k == Kind::Event), "{l:?}");
        // Kinds in order, at most three each.
        let kinds: Vec<Kind> = hits.iter().map(|h| h.kind).collect();
        assert!(kinds.windows(2).all(|w| w[0] <= w[1]), "{kinds:?}");
        for k in Kind::ALL {
            assert!(kinds.iter().filter(|&&x| x == k).count() <= 3);
        }
        let khiva = labels(&finder().suggest(ds, &SEARCH, "Khiva", 3));
        assert!(
            khiva
                .iter()
                .any(|&(k, n)| k == Kind::Place && n.contains("Khiva")),
            "{khiva:?}"
        );
        assert!(khiva.iter().any(|&(k, _)| k == Kind::Event), "{khiva:?}");
        let alash = labels(&finder().suggest(ds, &SEARCH, "alash", 3));
        assert!(alash.iter().any(|&(k, _)| k == Kind::Org), "{alash:?}");
        // Typos in a name, another transliteration.
        let shokai = labels(&finder().suggest(ds, &SEARCH, "Chokay", 3));
        assert_eq!(shokai[0], (Kind::Person, "Mustafa Shokay"), "{shokai:?}");
        assert!(finder().suggest(ds, &SEARCH, "aaaa", 3).is_empty());
        assert!(finder().suggest(ds, &SEARCH, "  ", 3).is_empty());
    }

    #[test]
    fn every_suggestion_leads_somewhere() {
        let ds = &DATASET;
        for q in ["bukeikhan", "khiva", "alash", "period", "1917", "date"] {
            for h in finder().suggest(ds, &SEARCH, q, 3) {
                let href = h.href(ds);
                assert!(href.starts_with("#/"), "{href}");
                let route = crate::core::route::Route::parse(&href);
                assert!(!matches!(route.view, View::NotFound(_)), "{href}");
            }
        }
    }

    #[test]
    fn did_you_mean_offers_the_nearest_names_and_titles() {
        // Nothing has these words as typed.
        let (hits, corrected) = finder().did_you_mean(&SEARCH, "Bukeikhanqwrt", 6);
        assert!(
            labels(&hits).contains(&(Kind::Person, "Alikhan Bukeikhan")),
            "{:?}",
            labels(&hits)
        );
        assert_eq!(
            corrected.as_deref().map(fold_word).as_deref(),
            Some("bukeikan"),
            "the nearest spelling of the events' words"
        );
        // A word of the texts mistyped: the query with it corrected.
        let (hits, corrected) = finder().did_you_mean(&SEARCH, "Takhta treatu", 6);
        let c = corrected.expect("a corrected query");
        assert!(c.starts_with("takhta treat"), "{c:?}");
        assert!(
            labels(&hits)
                .iter()
                .any(|&(k, t)| k == Kind::Event && t.contains("Takhta")),
            "{:?}",
            labels(&hits)
        );
        assert_eq!(finder().did_you_mean(&SEARCH, "qqqq", 6).0, Vec::new());
        // Every word found somewhere (if not together): nothing to correct.
        assert_eq!(
            finder().did_you_mean(&SEARCH, "fall of Khiva", 6),
            (Vec::new(), None)
        );
        // A word found nowhere at all.
        let (hits, _) = finder().did_you_mean(&SEARCH, "Stalinnnn", 6);
        assert!(
            labels(&hits).contains(&(Kind::Person, "Joseph Stalin")),
            "{:?}",
            labels(&hits)
        );
    }
}
