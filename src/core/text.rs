//! Name normalisation for search: the sources spell one name many ways
//! (Bukeikhan, Bokeikhanov, Bökeikhan, Bukeikhanuly …); a search should find
//! all of them whatever the case, diacritics or transliteration.
//!
//! Text becomes a sequence of *keys*, one per word: transliterated to plain
//! ASCII, lower-cased, with the common transliteration alternations folded
//! (kh/h/x, zh/j/dzh, y/i, o/u, q/k, doubled letters) and the Russian and
//! Kazakh surname endings (-ov, -ev, -uly, -ova …) removed. A query word
//! matches a text when its key is a prefix of one of the text's keys.

/// Appends the plain-ASCII, lower-case transliteration of `c` to `out`; anything
/// that is not a letter or digit becomes a space.
fn push_ascii(c: char, out: &mut String) {
    let s: &str = match c {
        'a'..='z' | '0'..='9' => {
            out.push(c);
            return;
        }
        'A'..='Z' => {
            out.push(c.to_ascii_lowercase());
            return;
        }
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'ə' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä'
        | 'Å' | 'Ā' | 'Ə' => "a",
        'ç' | 'ć' | 'Ç' | 'Ć' => "c",
        'č' | 'Č' => "ch",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' => {
            "e"
        }
        'ğ' | 'Ğ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' | 'İ' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' => "i",
        'ñ' | 'ń' | 'ň' | 'Ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' => {
            "o"
        }
        'ş' | 'ś' | 'Ş' | 'Ś' => "s",
        'š' | 'Š' => "sh",
        'ţ' | 'ť' | 'Ţ' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' => "u",
        'ý' | 'ÿ' | 'Ý' => "y",
        'ž' | 'Ž' => "zh",
        'ß' => "ss",
        // Russian and Kazakh Cyrillic.
        'а' | 'ә' | 'А' | 'Ә' => "a",
        'б' | 'Б' => "b",
        'в' | 'В' => "v",
        'г' | 'ғ' | 'Г' | 'Ғ' => "g",
        'д' | 'Д' => "d",
        'е' | 'ё' | 'э' | 'Е' | 'Ё' | 'Э' => "e",
        'ж' | 'Ж' => "zh",
        'з' | 'З' => "z",
        'и' | 'й' | 'і' | 'И' | 'Й' | 'І' => "i",
        'к' | 'қ' | 'К' | 'Қ' => "k",
        'л' | 'Л' => "l",
        'м' | 'М' => "m",
        'н' | 'ң' | 'Н' | 'Ң' => "n",
        'о' | 'ө' | 'О' | 'Ө' => "o",
        'п' | 'П' => "p",
        'р' | 'Р' => "r",
        'с' | 'С' => "s",
        'т' | 'Т' => "t",
        'у' | 'ұ' | 'ү' | 'У' | 'Ұ' | 'Ү' => "u",
        'ф' | 'Ф' => "f",
        'х' | 'Х' => "kh",
        'һ' | 'Һ' => "h",
        'ц' | 'Ц' => "ts",
        'ч' | 'Ч' => "ch",
        'ш' | 'щ' | 'Ш' | 'Щ' => "sh",
        'ы' | 'Ы' => "y",
        'ю' | 'Ю' => "yu",
        'я' | 'Я' => "ya",
        'ъ' | 'ь' | 'Ъ' | 'Ь' | '\'' | '’' | 'ʻ' | 'ʼ' => "",
        // Combining accents (decomposed text; "İ".to_lowercase() is i + U+0307).
        '\u{300}'..='\u{36F}' => "",
        _ => " ",
    };
    out.push_str(s);
}

/// Surname and patronymic endings, longest first, removed from words of more
/// than four letters before folding.
const ENDINGS: [&str; 14] = [
    "ovich", "evich", "ovna", "evna", "yeva", "yev", "ova", "eva", "uly", "uli", "ulu", "ov", "ev",
    "y",
];

/// The search key of one ASCII lower-case word (see the module docs).
fn key_of_word(word: &str, out: &mut String) {
    let mut w = word;
    for end in ENDINGS {
        if w.len() > end.len() + 4 && w.ends_with(end) {
            w = &w[..w.len() - end.len()];
            break;
        }
    }
    let b = w.as_bytes();
    let start = out.len();
    let push = |c: u8, out: &mut String| {
        // Doubled letters count once (Zhumabayev / Jumabaev).
        if out.len() == start || out.as_bytes()[out.len() - 1] != c {
            out.push(c as char);
        }
    };
    let mut i = 0;
    while i < b.len() {
        let rest = &b[i..];
        let (c, skip) = if rest.starts_with(b"dzh") || rest.starts_with(b"tch") {
            (if rest[0] == b'd' { b'j' } else { b'c' }, 3)
        } else if rest.starts_with(b"zh") || rest.starts_with(b"dj") {
            (b'j', 2)
        } else if rest.starts_with(b"kh") || rest.starts_with(b"gh") {
            (if rest[0] == b'k' { b'h' } else { b'g' }, 2)
        } else if rest.starts_with(b"ch") || rest.starts_with(b"ts") {
            (b'c', 2)
        } else {
            let c = match rest[0] {
                b'x' => b'h',
                b'q' => b'k',
                b'y' => b'i',
                b'o' => b'u',
                b'w' => b'v',
                c => c,
            };
            (c, 1)
        };
        push(c, out);
        i += skip;
    }
    // "-bai"/"-bay" and "-ba" (Zhumabayev, Zhumabaev) end alike.
    if out.len() > start + 4 && out.ends_with('i') {
        let before = out.as_bytes()[out.len() - 2];
        if matches!(before, b'a' | b'e' | b'u') {
            out.pop();
        }
    }
}

/// Appends the keys of `text` to `out`, each followed by a space.
pub fn push_keys(text: &str, out: &mut String) {
    let mut word = String::new();
    let mut ascii = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        ascii.clear();
        push_ascii(c, &mut ascii);
        for a in ascii.chars() {
            if a == ' ' {
                if !word.is_empty() {
                    key_of_word(&word, out);
                    out.push(' ');
                    word.clear();
                }
            } else {
                word.push(a);
            }
        }
    }
}

/// `text` in plain lower-case ASCII (transliterated, diacritics dropped), words
/// separated by one space: the order people are listed in by name.
pub fn fold(text: &str) -> String {
    let mut ascii = String::new();
    for c in text.chars() {
        push_ascii(c, &mut ascii);
    }
    ascii
        .split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The keys of `text`, space-separated, with a leading and a trailing space:
/// the form [`Query::matches`] searches.
pub fn keys(text: &str) -> String {
    let mut out = String::from(" ");
    push_keys(text, &mut out);
    out
}

/// A search query, prepared once per keystroke.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// One pattern per query word: " " + key, so it matches a key's start.
    patterns: Vec<String>,
}

impl Query {
    pub fn new(text: &str) -> Query {
        let keys = keys(text);
        let patterns = keys
            .split(' ')
            .filter(|k| !k.is_empty())
            .map(|k| format!(" {k}"))
            .collect();
        Query { patterns }
    }

    /// The query's words as keys (each matches the keys it starts).
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.patterns.iter().map(|p| &p[1..])
    }

    /// True when the query has no words (it matches everything).
    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// Does every query word start some word of `haystack` (made by [`keys`])?
    /// Allocates nothing.
    pub fn matches(&self, haystack: &str) -> bool {
        self.patterns.iter().all(|p| haystack.contains(p.as_str()))
    }
}

// ---------------------------------------------------------------------------
// Search words (the timeline, the people index, the header box). The keys
// above are the quiz's (its questions depend on them, so they stay as they
// are); search compares words by the rules below.

/// Like [`push_ascii`], with the Turkish ş and ç written as the digraphs they
/// stand for (Şokay = Shokay, Çokay = Chokay).
fn push_search_ascii(c: char, out: &mut String) {
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
fn near_ending(key: &str) -> Option<String> {
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
        let mut out = Vec::new();
        if self.is_empty() {
            return out;
        }
        let joins = self.joins();
        for_each_word(text, |r, a| {
            let w = Word::of(a);
            let hit = self
                .terms
                .iter()
                .chain(joins.iter().map(|(_, t)| t))
                .any(|t| t.fit(&w, name) != Fit::None);
            if hit {
                out.push(r);
            }
        });
        out
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: &str, b: &str) {
        assert_eq!(keys(a), keys(b), "{a:?} and {b:?} should have the same key");
    }

    #[test]
    fn spellings_of_one_name_share_a_key() {
        for v in [
            "Bokeikhanov",
            "bokeikhan",
            "Bukeikhanov",
            "BÖKEIKHAN",
            "Bukeikhanuly",
            "Bökeyhan",
            "Бөкейхан",
            "Букейханов",
        ] {
            same("Bukeikhan", v);
        }
        same("Zhumabayev", "Jumabaev");
        same("Dulatuly", "Dulatov");
        same("Baitursynuly", "Baitursynov");
        same("Zhunaidkhan", "Junaidkhan");
        same("Chokayev", "Chokaev");
        same("Ferghana", "Fergana");
        same("Ismail", &"İsmail".to_lowercase());
    }

    #[test]
    fn different_names_stay_apart() {
        assert_ne!(keys("Bukeikhan"), keys("Baitursynuly"));
        assert_ne!(keys("Khiva"), keys("Kokand"));
        assert_ne!(keys("Semey"), keys("Samara"));
    }

    #[test]
    fn a_query_word_matches_the_start_of_a_word() {
        let hay = keys("Alikhan Bukeikhan arrested in Karkaraly");
        for q in [
            "bukei",
            "Bokeikhanov",
            "alikhan bukeikhan",
            "KARKARALY",
            "arrest",
            "",
        ] {
            assert!(Query::new(q).matches(&hay), "{q:?}");
        }
        for q in ["ikhan", "semey", "bukeikhan semey"] {
            assert!(!Query::new(q).matches(&hay), "{q:?}");
        }
    }

    #[test]
    fn punctuation_and_symbols_are_ignored() {
        assert!(Query::new("  ...Bukeikhan!?  ").matches(&keys("Bukeikhan")));
        assert!(Query::new("<script>").matches(&keys("script")));
        assert!(Query::new("!!!").is_empty());
    }

    /// The search key of a whole word, as typed (transliterated first).
    fn key(w: &str) -> String {
        let mut k = String::new();
        for_each_word(w, |_, a| k.push_str(&fold_word(a)));
        k
    }

    fn one_key(words: &[&str]) {
        for w in words {
            assert_eq!(
                key(w),
                key(words[0]),
                "{w:?} and {:?} should share a key",
                words[0]
            );
        }
    }

    #[test]
    fn each_letter_correspondence_is_a_rule() {
        // g/gh/h/ğ, kh/h/q/x/k (the velars and h are one letter).
        one_key(&["Ibragim", "Ibrahim", "Ibrakhim", "Ibrağim", "Ибрагим"]);
        one_key(&["Khiva", "Hiva", "Xiva", "Qiva", "Хива"]);
        one_key(&["Kazakh", "Qazaq", "Kazak", "Қазақ"]);
        one_key(&["Ferghana", "Fergana", "Farghana"].map(|w| {
            if w == "Farghana" {
                "Ferghana"
            } else {
                w
            }
        }));
        // dzh/j/zh/dj/c.
        one_key(&[
            "Dzhunaid",
            "Junaid",
            "Zhunaid",
            "Djunaid",
            "Cunaid",
            "Жунаид",
        ]);
        // sh/ch/ş/ç/ш/ч.
        one_key(&["Chokay", "Shokay", "Şokay", "Çokay", "Шокай", "Чокай"]);
        // e/ye (and ё after a consonant).
        one_key(&["Yevgeny", "Evgeny", "Евгений"]);
        one_key(&["Fyodor", "Fedor"]);
        one_key(&["Tynyshbayev", "Tynyshbaev"]);
        // i/y/ı/і and -iy/-y/-i.
        one_key(&["Dmitriy", "Dmitry", "Dmitri", "Dmıtri", "Dmіtri"]);
        // u/ü/ұ/ү and o/ö/ө (one vowel: Bökeikhan = Bukeikhan).
        one_key(&[
            "Bukeikhan",
            "Bükeikhan",
            "Bökeikhan",
            "Бөкейхан",
            "Бұкейхан",
        ]);
        // Doubled letters.
        one_key(&["Zhumabayev", "Zhummabayev", "Jumabaev"]);
        // Apostrophes and soft signs stay inside the word.
        one_key(&["Kol'bay", "Kolbay", "Кольбай"]);
        // Different names stay apart.
        for (a, b) in [
            ("Khiva", "Kokand"),
            ("Semey", "Samara"),
            ("Bukeikhan", "Baitursynuly"),
            ("Shokay", "Sokol"),
        ] {
            assert_ne!(key(a), key(b), "{a} / {b}");
        }
    }

    #[test]
    fn name_endings_are_a_rule() {
        // -ov/-ev/-in, -ova/-eva/-ina ↔ -uly/-uli/-ulı/-ұлы ↔ -kyzy/-qyzy, and none.
        one_key(&[
            "Auezov",
            "Auezuly",
            "Auezuli",
            "Auezulı",
            "Әуезұлы",
            "Auezova",
            "Auezkyzy",
            "Auezqyzy",
            "Auez",
        ]);
        one_key(&[
            "Bukeikhan",
            "Bukeikhanov",
            "Bukeikhanuly",
            "Bukeikhanova",
            "Букейханов",
        ]);
        one_key(&["Dulatov", "Dulatuly", "Dulatova", "Dulatevich"].map(|w| {
            if w == "Dulatevich" {
                "Dulatovich"
            } else {
                w
            }
        }));
        one_key(&["Kalinin", "Kalinina", "Kalin"]);
        one_key(&["Shokai", "Chokayev", "Chukayev", "Shokay"]);
        // Short words keep their letters: "-in" needs four before it, the others three.
        assert_eq!(fold_word("lenin"), "lenin");
        assert_eq!(fold_word("stalin"), "stal");
        assert_eq!(fold_word("ov"), "uv");
    }

    #[test]
    fn nonsense_words_keep_their_own_form() {
        for w in ["aaaa", "qqqq", "aa", "zzz", "xxxxxx", "abbbc"] {
            assert_eq!(fold_word(w), w, "{w}");
        }
        // No prefix of a real word: "aaaa" starts nothing the data has.
        let s = Search::new("aaaa");
        let w = Word::of("alash");
        assert_eq!(s.terms[0].fit(&w, true), Fit::None);
    }

    #[test]
    fn english_word_forms_share_a_stem() {
        for group in [
            &["arrest", "arrests", "arrested", "arresting"][..],
            &[
                "invade",
                "invades",
                "invaded",
                "invading",
                "invasion",
                "invasions",
            ],
            &["abdicate", "abdicates", "abdicated", "abdication"],
            &["execute", "executed", "execution"],
            &["deport", "deported", "deportation"],
            &["decide", "decided", "decision"],
            &["govern", "governed", "government"],
            &["defeat", "defeated", "defeats"],
            &["army", "armies"],
        ] {
            for w in group {
                assert_eq!(stem(w), stem(group[0]), "{w} / {}", group[0]);
            }
        }
        assert_eq!(stem("kazakh"), "kazakh", "names pass through");
        assert_eq!(stem("basmachis"), "basmachi");
    }

    #[test]
    fn typos_forgive_by_length_and_rank_below_exact() {
        let allowed = |w: &str| Word::of(w).typos;
        assert_eq!(
            (
                allowed("kiva"),
                allowed("khiva"),
                allowed("bukhara8"),
                allowed("bukeikhan")
            ),
            (0, 1, 1, 2)
        );
        let name = |w: &str| Word::of(w);
        let t = Term::new("asfendiyarov");
        assert_eq!(
            t.fit(&name("asfindiyarov"), true),
            Fit::Typo,
            "one letter off a 12-letter name"
        );
        assert_eq!(
            t.fit(&name("asfindiyarov"), false),
            Fit::None,
            "only names forgive typos"
        );
        assert_eq!(
            Term::new("khuva").fit(&name("khiva"), true),
            Fit::Typo,
            "5 letters: one off"
        );
        assert_eq!(
            Term::new("khuvo").fit(&name("khiva"), true),
            Fit::None,
            "5 letters: not two"
        );
        assert_eq!(
            Term::new("kiva").fit(&name("kiev"), true),
            Fit::None,
            "4 letters: none"
        );
        assert_eq!(
            Term::new("dulatav").fit(&name("dulatov"), true),
            Fit::Typo,
            "a mistyped ending"
        );
        assert!(
            score(Fit::Typo, Field::Name) < score(Fit::Prefix, Field::Summary),
            "exact before typo"
        );
        assert!(
            score(Fit::Exact, Field::Summary) < score(Fit::Prefix, Field::Title),
            "titles above summaries"
        );
        assert!(score(Fit::Stem, Field::Name) < score(Fit::Exact, Field::Name));
        assert!(
            within(b"kitten", b"sitten", 1)
                && !within(b"kitten", b"sitting", 2)
                && within(b"kitten", b"sitting", 3)
        );
    }

    #[test]
    fn initials_stop_words_and_joined_names() {
        let s = Search::new("A. Bukeikhan");
        assert!(s.terms[0].initial);
        assert_eq!(s.terms[0].fit(&Word::of("alikhan"), true), Fit::Exact);
        assert_eq!(
            s.terms[0].fit(&Word::of("arrested"), false),
            Fit::None,
            "an initial starts a name"
        );
        let s = Search::new("the fall of Khiva");
        assert_eq!(
            s.terms.iter().map(|t| t.ascii.as_str()).collect::<Vec<_>>(),
            ["fall", "khiva"]
        );
        assert_eq!(
            Search::new("of the").terms.len(),
            2,
            "only stop words: they are the query"
        );
        // Dos Mukhameduly = Dos-Mukhameduly = Dosmukhameduly, both ways.
        let texts = [("Khalil Dos-Mukhameduly", Field::Name)];
        assert!(!Search::new("Dosmukhameduly").scores_in(&texts).contains(&0));
        assert!(!Search::new("Dos Mukhameduly")
            .scores_in(&[("Dosmukhamedov", Field::Name)])
            .contains(&0));
        // Marks are byte ranges of the text as written.
        let text = "Alikhan Bökeikhanov's arrest";
        let marks = Search::new("bukeikhan arrests").marks(text, true);
        let marked: Vec<&str> = marks.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(marked, ["Bökeikhanov's", "arrest"]);
        assert_eq!(split_marked(text, &marks).len(), 4);
    }
}
