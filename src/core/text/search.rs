//! Words as a search reads them: folding by rule, stems, typos, ranking, marks.

use super::*;

// ---------------------------------------------------------------------------
// Search words (the timeline, the people index, the header box). The keys
// above are the quiz's (its questions depend on them, so they stay as they
// are); search compares words by the rules below.

/// Like [`push_ascii`], with the Turkish ş and ç written as the digraphs they
/// stand for (Şokay = Shokay, Çokay = Chokay).
pub(super) fn push_search_ascii(c: char, out: &mut String) {
    match c {
        'ş' | 'Ş' => out.push_str("sh"),
        'ç' | 'Ç' => out.push_str("ch"),
        _ => push_ascii(c, out),
    }
}

/// Calls `f` with each word of `text`: its byte range in `text` and the word
/// in plain lower-case ASCII. Allocates one buffer.
pub fn for_each_word(text: &str, mut f: impl FnMut(std::ops::Range<usize>, &str)) {
    let mut word = String::new();
    let mut ascii = String::new();
    let mut start = None;
    let mut end = 0;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        ascii.clear();
        push_search_ascii(c, &mut ascii);
        // A letter that transliterates to nothing (ь, an accent, an apostrophe)
        // stays inside the word.
        if ascii.is_empty() || !ascii.starts_with(' ') {
            if !ascii.is_empty() && start.is_none() {
                start = Some(i);
            }
            if start.is_some() {
                word.push_str(&ascii);
                end = i + c.len_utf8();
            }
            continue;
        }
        if let Some(s) = start.take() {
            f(s..end, &word);
            word.clear();
        }
    }
}

/// Russian, Kazakh and Turkic name endings, in the folded alphabet of
/// [`fold_word`] (o is u, y is i, ch is x, q/g/h are k), longest first:
/// -ovich/-evich, -ovna/-evna, -kyzy/-qyzy, -ogly/-oglu, -ova/-eva/-ina,
/// -uly/-uli/-ulı/-ұлы/-ulu, -ov/-ev/-in. A name with one of them, another
/// of them or none (Bukeikhanov, Bukeikhanuly, Bukeikhan) has one key.
const NAME_ENDINGS: [&str; 14] = [
    "uvix", "evix", "uvna", "evna", "kizi", "ukli", "uklu", "uva", "eva", "ina", "uli", "ulu",
    "uv", "ev",
];

/// The search key of one plain lower-case ASCII word: transliteration
/// variants folded by rule, name endings removed.
///
/// - g, gh, ğ, h, kh, x, q, k are one letter (Ibragim = Ibrahim, Khiva = Xiva,
///   Qazaq = Kazakh); dzh, dj, zh, j and Turkish c are one (Dzhunaid = Junaid =
///   Zhunaid, Cemal = Jemal); sh, ch, tch, ş, ç are one (Chokay = Shokay);
/// - ye is e (Yevgeny = Evgeny, Tynyshbayev = Tynyshbaev); y, ı, і are i;
///   o, ö, ө and u, ü, ұ, ү are one vowel (Bökeikhan = Bukeikhan); w is v;
/// - a doubled letter counts once (Zhumabayev), -iy = -y = -i;
/// - the endings of [`NAME_ENDINGS`] (and -in, leaving at least four letters)
///   are removed, and a final -ai/-ei/-ui loses its i (Shokai = Chokay).
///
/// A word with a letter three times in a row (`aaaa`, `qqqq`) or one letter
/// repeated is nobody's spelling: it keeps its own form, so it matches only
/// itself.
pub fn fold_word(w: &str) -> String {
    let b = w.as_bytes();
    let nonsense = b.windows(3).any(|x| x[0] == x[1] && x[1] == x[2])
        || (b.len() >= 2 && b.iter().all(|&c| c == b[0]));
    if nonsense {
        return w.to_string();
    }
    let mut out = String::with_capacity(w.len());
    let push = |c: u8, out: &mut String| {
        if out.as_bytes().last() != Some(&c) {
            out.push(c as char);
        }
    };
    let consonant = |c: u8| c.is_ascii_lowercase() && !b"aeiouy".contains(&c);
    let mut i = 0;
    while i < b.len() {
        let rest = &b[i..];
        let two = |p: &[u8]| rest.starts_with(p);
        let (c, skip) = if two(b"dzh") {
            (b'j', 3)
        } else if two(b"tch") {
            (b'x', 3)
        } else if two(b"zh") || two(b"dj") {
            (b'j', 2)
        } else if two(b"sh") || two(b"ch") {
            (b'x', 2)
        } else if two(b"kh") || two(b"gh") {
            (b'k', 2)
        } else if two(b"ye") {
            (b'e', 2)
        } else if two(b"yo") && i > 0 && consonant(b[i - 1]) {
            // Fyodor = Fedor (ё).
            (b'e', 2)
        } else {
            let c = match rest[0] {
                b'g' | b'h' | b'q' | b'x' => b'k',
                b'c' => b'j',
                b'y' => b'i',
                b'o' => b'u',
                b'w' => b'v',
                c => c,
            };
            (c, 1)
        };
        push(c, &mut out);
        i += skip;
    }
    for end in NAME_ENDINGS {
        if out.len() >= end.len() + 3 && out.ends_with(end) {
            out.truncate(out.len() - end.len());
            return out;
        }
    }
    for end in ["ina", "in"] {
        if out.len() >= end.len() + 4 && out.ends_with(end) {
            out.truncate(out.len() - end.len());
            return out;
        }
    }
    if out.len() >= 5 && out.ends_with('i') {
        let before = out.as_bytes()[out.len() - 2];
        if matches!(before, b'a' | b'e' | b'u') {
            out.pop();
        }
    }
    out
}

/// The English stem of a plain lower-case ASCII word: a few rules for the
/// plural, verb endings and the commonest derivations, so that arrest,
/// arrests, arrested and arresting, invade and invasion, abdicate and
/// abdication, execute and execution share one stem. (Measured alone in a
/// release wasm, net of the allocator the app has anyway: Snowball's English
/// stemmer from the `rust-stemmers` crate adds about 23 KB, 8.6 KB brotli, and
/// does not relate invade to invasion; these rules add about 1 KB, 0.4 KB
/// brotli.) Names pass through mostly unchanged; the stem is only one more
/// way for two words to meet, beside the key.
pub fn stem(w: &str) -> String {
    let mut s = w.to_string();
    if s.len() < 4 || !s.bytes().all(|c| c.is_ascii_lowercase()) {
        return s;
    }
    let cut = |s: &mut String, end: &str, to: &str, keep: usize| -> bool {
        if s.len() >= end.len() + keep && s.ends_with(end) {
            s.truncate(s.len() - end.len());
            s.push_str(to);
            true
        } else {
            false
        }
    };
    // 1. Plurals and the third person.
    let _ = cut(&mut s, "ies", "y", 2)
        || cut(&mut s, "sses", "ss", 2)
        || (!s.ends_with("ss") && !s.ends_with("us") && cut(&mut s, "s", "", 3));
    // 2. Past and gerund (-ated/-ating go with -ate and -ation, but not in
    //    defeated, treated).
    let before_at =
        |s: &String, n: usize| s.as_bytes().get(s.len().wrapping_sub(n + 1)) != Some(&b'e');
    let _ = cut(&mut s, "ied", "y", 2)
        || (before_at(&s, 4) && (cut(&mut s, "ated", "", 3) || cut(&mut s, "ating", "", 3)))
        || cut(&mut s, "ed", "", 3)
        || cut(&mut s, "ing", "", 3);
    // 3. Derivations.
    let vowel_sion =
        s.len() >= 7 && s.ends_with("sion") && b"aeiou".contains(&s.as_bytes()[s.len() - 5]);
    let _ = cut(&mut s, "ation", "", 3)
        || (before_at(&s, 3) && cut(&mut s, "ate", "", 3))
        || (vowel_sion && cut(&mut s, "sion", "d", 2))
        || cut(&mut s, "tion", "t", 2)
        || cut(&mut s, "ment", "", 4);
    // 4. A final e (invade = invad-ing).
    let _ = cut(&mut s, "e", "", 3);
    s
}

/// Short English words a query may hold that say nothing about which events
/// are meant ("fall of Khiva"): dropped from a query that has other words.
const STOP_WORDS: [&str; 30] = [
    "an", "and", "are", "as", "at", "be", "by", "did", "for", "from", "had", "has", "his", "her",
    "in", "into", "is", "it", "its", "of", "on", "or", "the", "their", "to", "was", "were", "what",
    "with", "within",
];

/// One word of a text, in the two forms search compares.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// The word in plain lower-case ASCII, as written.
    pub ascii: String,
    /// [`fold_word`] of the word.
    pub key: String,
    /// [`fold_word`] of its [`stem`].
    pub stem: String,
    /// How many letters a query word may be off this one, if it is a name:
    /// one from five letters (as written), two from nine.
    pub typos: u8,
}

impl Word {
    /// The forms of a plain lower-case ASCII word.
    pub fn of(ascii: &str) -> Word {
        Word {
            ascii: ascii.to_string(),
            key: fold_word(ascii),
            stem: fold_word(&stem(ascii)),
            typos: match ascii.len() {
                0..=4 => 0,
                5..=8 => 1,
                _ => 2,
            },
        }
    }
}

/// How well a query word matches a word of a text, worst to best.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Fit {
    None,
    /// One or two letters off (a name word of five or more letters).
    Typo,
    /// The query word starts the word (typing is under way).
    Prefix,
    /// The same English stem (arrests, arrested).
    Stem,
    /// The same key: the same word, in any spelling the rules fold.
    Exact,
}

/// Where a word stands in an event (or another record), as a bit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// Its description (an event's summary).
    Summary = 1,
    /// The event's type (arrest, abdication).
    Type = 2,
    /// Its title.
    Title = 4,
    /// A name (any spelling) of a person, place or organisation.
    Name = 8,
}

impl Field {
    /// The fields, best first.
    pub const ALL: [Field; 4] = [Field::Name, Field::Title, Field::Type, Field::Summary];

    fn weight(self) -> u16 {
        match self {
            Field::Name | Field::Title => 3,
            Field::Type => 2,
            Field::Summary => 1,
        }
    }
}

/// The score of one query word's match: every exact, stem or prefix match
/// above every typo; then names and titles above the type above the summary;
/// then exact above stem above prefix.
pub fn score(fit: Fit, field: Field) -> u16 {
    match fit {
        Fit::None => 0,
        Fit::Typo => 16 + field.weight() * 4,
        f => 32 + field.weight() * 4 + f as u16,
    }
}

/// The best score of `fit` over the fields of a mask (a typo counts only in
/// a name).
pub fn best_score(fit: Fit, fields: u8) -> u16 {
    Field::ALL
        .iter()
        .filter(|&&f| fields & f as u8 != 0 && (fit != Fit::Typo || f == Field::Name))
        .map(|&f| score(fit, f))
        .max()
        .unwrap_or(0)
}

/// Calls `f` with the plain ASCII words of a text as search reads them: each
/// word, and in a name also each two neighbours written as one
/// (Dos-Mukhameduly = Dosmukhameduly).
pub fn search_words(text: &str, field: Field, f: &mut dyn FnMut(&str)) {
    let mut prev = String::new();
    for_each_word(text, |_, w| {
        f(w);
        if field == Field::Name {
            if !prev.is_empty() {
                prev.push_str(w);
                f(&prev);
            }
            prev.clear();
            prev.push_str(w);
        }
    });
}

/// The words of texts as search reads them ([`search_words`]), each with
/// its field.
pub fn words_of(texts: &[(&str, Field)]) -> Vec<(Word, Field)> {
    let mut out = Vec::new();
    for &(text, field) in texts {
        search_words(text, field, &mut |a| out.push((Word::of(a), field)));
    }
    out
}

/// One word of a query, ready to compare.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    /// As typed, in plain lower-case ASCII.
    pub ascii: String,
    pub word: Word,
    /// A single letter: an initial (A. Bukeikhan), which starts a name word.
    pub initial: bool,
    /// Whether to look for names this word may be a mistyping of: not for a
    /// plain word, one that titles and summaries have and no name does (see
    /// `SearchIndex::prepare_query`), nor for two words written as one;
    /// always in lists of names.
    pub typos: bool,
    /// The key once a mistyped name ending is dropped (Dulatav, Baitursynuv):
    /// an ending one letter away from one of [`NAME_ENDINGS`].
    pub near: Option<String>,
}

/// At most this many words of a query count (a pasted paragraph stays cheap).
pub const MAX_TERMS: usize = 8;

impl Term {
    pub fn new(ascii: &str) -> Term {
        let word = Word::of(ascii);
        let near = (word.key.len() >= 6)
            .then(|| near_ending(&word.key))
            .flatten();
        Term {
            initial: ascii.len() == 1,
            ascii: ascii.to_string(),
            word,
            typos: true,
            near,
        }
    }

    /// How this query word fits a word of a text; `name` when that word is a
    /// name (only names forgive typos, and only they have initials).
    pub fn fit(&self, w: &Word, name: bool) -> Fit {
        let q = &self.word;
        if self.initial {
            return if name && w.key.starts_with(q.key.as_str()) {
                Fit::Exact
            } else {
                Fit::None
            };
        }
        if w.key == q.key {
            Fit::Exact
        } else if q.stem.len() >= 3 && w.stem == q.stem {
            Fit::Stem
        } else if w.key.starts_with(q.key.as_str())
            || (q.stem.len() >= 3 && w.stem.starts_with(q.stem.as_str()))
        {
            Fit::Prefix
        } else if name && self.typo_of(w) {
            Fit::Typo
        } else {
            Fit::None
        }
    }

    /// Is `w` (a name word) a word this one may be a mistyping of: as many
    /// letters off as it forgives ([`Word::typos`]), spelled as written or as
    /// folded, or this word with a mistyped ending dropped?
    pub fn typo_of(&self, w: &Word) -> bool {
        let n = w.typos as usize;
        self.typos
            && ((n > 0
                && self.word.key.len() >= 3
                && (within(self.word.key.as_bytes(), w.key.as_bytes(), n)
                    || within(self.ascii.as_bytes(), w.ascii.as_bytes(), n)))
                || self.near.as_deref() == Some(w.key.as_str()))
    }
}

/// `key` without a final two or three letters one edit away from a name
/// ending (at least four letters left), if it has such letters and not the
/// ending itself.
pub(super) fn near_ending(key: &str) -> Option<String> {
    for len in [3, 2] {
        if key.len() < len + 4 {
            continue;
        }
        let tail = &key.as_bytes()[key.len() - len..];
        let close = NAME_ENDINGS
            .iter()
            .chain(&["in"])
            .any(|e| within(tail, e.as_bytes(), 1));
        if close {
            return Some(key[..key.len() - len].to_string());
        }
    }
    None
}

/// Is the edit distance of `a` and `b` at most `max`? Banded, stops early.
pub fn within(a: &[u8], b: &[u8], max: usize) -> bool {
    if a.len().abs_diff(b.len()) > max {
        return false;
    }
    if max == 0 {
        return a == b;
    }
    let mut prev: [usize; 64] = [0; 64];
    let mut row: [usize; 64] = [0; 64];
    if b.len() >= 63 {
        return a == b;
    }
    for (j, x) in prev.iter_mut().enumerate().take(b.len() + 1) {
        *x = j;
    }
    for (i, &x) in a.iter().enumerate() {
        row[0] = i + 1;
        let mut least = row[0];
        for (j, &y) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(x != y);
            row[j + 1] = sub.min(prev[j + 1] + 1).min(row[j] + 1);
            least = least.min(row[j + 1]);
        }
        if least > max {
            return false;
        }
        std::mem::swap(&mut prev, &mut row);
    }
    prev[b.len()] <= max
}

/// A search query: its words, prepared once per keystroke.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Search {
    pub terms: Vec<Term>,
}

impl Search {
    pub fn new(text: &str) -> Search {
        let mut all: Vec<String> = Vec::new();
        for_each_word(text, |_, w| {
            if all.len() < MAX_TERMS * 2 {
                all.push(w.to_string());
            }
        });
        let content = all.iter().any(|w| !STOP_WORDS.contains(&w.as_str()));
        let terms = all
            .iter()
            .filter(|w| !content || !STOP_WORDS.contains(&w.as_str()))
            .take(MAX_TERMS)
            .map(|w| Term::new(w))
            .collect();
        Search { terms }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The terms two neighbouring words make written as one (Dos Mukhameduly
    /// = Dosmukhameduly): (first word's index, the joined term).
    pub fn joins(&self) -> Vec<(usize, Term)> {
        self.terms
            .windows(2)
            .enumerate()
            .filter(|(_, w)| !w[0].initial && !w[1].initial)
            .map(|(i, w)| {
                let mut t = Term::new(&format!("{}{}", w[0].ascii, w[1].ascii));
                t.typos = false;
                (i, t)
            })
            .collect()
    }

    /// How texts match, word by word: per term, the best score over the
    /// texts' words (0: not found), scanning them. The index does the same by
    /// lookup; this is its definition (and the matcher of short lists).
    pub fn scores_in(&self, texts: &[(&str, Field)]) -> Vec<u16> {
        self.scores_of(&words_of(texts))
    }

    /// [`Search::scores_in`] of texts already split by [`words_of`].
    pub fn scores_of(&self, words: &[(Word, Field)]) -> Vec<u16> {
        let mut best = vec![0u16; self.terms.len()];
        let joins = self.joins();
        for (w, field) in words {
            let name = *field == Field::Name;
            for (t, term) in self.terms.iter().enumerate() {
                best[t] = best[t].max(score(term.fit(w, name), *field));
            }
            for (i, term) in &joins {
                let s = score(term.fit(w, name), *field);
                best[*i] = best[*i].max(s);
                best[*i + 1] = best[*i + 1].max(s);
            }
        }
        best
    }

    /// The byte ranges of the words of `text` that match a word of the query
    /// (`name`: the text is a name, so typos and initials count), for the view
    /// to mark.
    pub fn marks(&self, text: &str, name: bool) -> Vec<std::ops::Range<usize>> {
        if self.is_empty() {
            return Vec::new();
        }
        self.marks_in(&spans_of(text), name)
    }

    /// [`Search::marks`] over a text's words read once ([`spans_of`]).
    pub fn marks_in(&self, spans: &Spans, name: bool) -> Vec<std::ops::Range<usize>> {
        if self.is_empty() {
            return Vec::new();
        }
        let joins = self.joins();
        spans
            .iter()
            .filter(|(_, w)| {
                self.terms
                    .iter()
                    .chain(joins.iter().map(|(_, t)| t))
                    .any(|t| t.fit(w, name) != Fit::None)
            })
            .map(|(r, _)| r.clone())
            .collect()
    }
}

/// A text's words with their byte ranges, as [`Search::marks_in`] reads them.
pub type Spans = Vec<(std::ops::Range<usize>, Word)>;

pub fn spans_of(text: &str) -> Spans {
    let mut out = Vec::new();
    for_each_word(text, |r, a| out.push((r, Word::of(a))));
    out
}

/// Splits `text` into (part, marked) runs by the ranges of [`Search::marks`].
pub fn split_marked<'a>(text: &'a str, marks: &[std::ops::Range<usize>]) -> Vec<(&'a str, bool)> {
    let mut out = Vec::new();
    let mut at = 0;
    for r in marks {
        if r.start > at {
            out.push((&text[at..r.start], false));
        }
        out.push((&text[r.start..r.end], true));
        at = r.end;
    }
    if at < text.len() || out.is_empty() {
        out.push((&text[at..], false));
    }
    out
}
