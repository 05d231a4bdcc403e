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

mod search;
pub use search::*;

#[cfg(test)]
mod tests;
