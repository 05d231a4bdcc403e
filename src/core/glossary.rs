//! The glossary (`data/glossary.toml`): its terms in the order the view lists
//! them, and which spans of a text are glossary terms, so that a page can link the
//! first occurrence of each term to its entry.
//!
//! A term is found by its headword or any of its spellings, as written: case
//! counts ("Basmachi" is the movement, "the basmachi article" is a source), except
//! that a spelling written in lower case also matches with a capital at the start
//! of a sentence ("Jihad was declared"). Typographic and plain apostrophes are the
//! same. A match is whole words (the characters either side are not letters or
//! digits) and the longest form wins ("Alash Orda" over "Alash"). The build
//! checks that no form belongs to two terms (`check/glossary.rs`).
//!
//! The view renders [`Piece`]s as text nodes and links: never HTML from data.

use super::model::{Dataset, SeeAlso};
use super::route::View;

/// A span of a text that is a glossary term: bytes `start..end`, and the term
/// (an index into [`Dataset::glossary`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub term: u16,
}

/// The "term" of a source's short title: matched so its words are not terms.
const SOURCE: u16 = u16::MAX;

/// The forms every term is found by, made once per dataset.
pub struct Matcher {
    /// (form, term), longest form first.
    forms: Vec<(Vec<char>, u16)>,
}

impl Matcher {
    pub fn new(ds: &Dataset) -> Matcher {
        let mut forms: Vec<(Vec<char>, u16)> = Vec::new();
        for (i, g) in ds.glossary.iter().enumerate() {
            let words = std::iter::once(g.term).chain(g.spellings.iter().map(|n| n.name));
            for w in words {
                let chars: Vec<char> = w.chars().map(plain).collect();
                if !chars.is_empty() && !forms.iter().any(|(f, t)| *t == i as u16 && *f == chars) {
                    forms.push((chars, i as u16));
                }
            }
        }
        // A source named by its short title ("the Basmachi movement article")
        // is not its words' terms: the title is read past as a whole.
        for src in ds.sources {
            let chars: Vec<char> = src.short.chars().map(plain).collect();
            if chars.len() > 1 {
                forms.push((chars, SOURCE));
            }
        }
        // Longest first; ties in a fixed order, so the result never depends on
        // the file's order.
        forms.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.cmp(b)));
        Matcher { forms }
    }

    /// Every span of `text` that is a term, in order, none overlapping.
    pub fn spans(&self, text: &str) -> Vec<Span> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            let starts_word =
                chars[i].1.is_alphanumeric() && (i == 0 || !chars[i - 1].1.is_alphanumeric());
            if starts_word {
                if let Some((len, term)) = self.at(&chars, i) {
                    if term == SOURCE {
                        i += len;
                        continue;
                    }
                    let end = chars.get(i + len).map_or(text.len(), |c| c.0);
                    out.push(Span {
                        start: chars[i].0,
                        end,
                        term,
                    });
                    i += len;
                    continue;
                }
            }
            i += 1;
        }
        out
    }

    /// The longest form that is a whole-word match at char `i`: (its length in
    /// chars, its term).
    fn at(&self, chars: &[(usize, char)], i: usize) -> Option<(usize, u16)> {
        let sentence = sentence_start(chars, i);
        self.forms.iter().find_map(|(form, term)| {
            let n = form.len();
            let fits = i + n <= chars.len()
                && (i + n == chars.len() || !chars[i + n].1.is_alphanumeric())
                && form.iter().enumerate().all(|(k, &f)| {
                    let c = plain(chars[i + k].1);
                    c == f
                        || (k == 0 && sentence && f.is_lowercase() && c.to_lowercase().eq(Some(f)))
                });
            fits.then_some((n, *term))
        })
    }
}

/// The same character for matching: typographic apostrophes are `'`, and a
/// no-break space is a space.
fn plain(c: char) -> char {
    match c {
        '’' | '‘' | 'ʼ' => '\'',
        '\u{a0}' => ' ',
        c => c,
    }
}

/// Whether char `i` starts a sentence: nothing before it but spaces and opening
/// quotation marks or brackets, back to the start or a full stop, `!` or `?`.
fn sentence_start(chars: &[(usize, char)], i: usize) -> bool {
    let before = chars[..i]
        .iter()
        .rev()
        .map(|c| c.1)
        .find(|c| !c.is_whitespace() && !matches!(c, '"' | '\'' | '“' | '‘' | '(' | '['));
    matches!(before, None | Some('.' | '!' | '?'))
}

/// A part of a text as a page shows it: plain text, or a term linked to its entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Piece<'t> {
    Text(&'t str),
    /// The words as the text has them, and the term.
    Term(&'t str, u16),
}

/// The texts of one page, in reading order: each term is linked where it first
/// appears on the page, and later occurrences stay text.
pub struct Page<'m> {
    matcher: &'m Matcher,
    seen: Vec<u16>,
}

impl<'m> Page<'m> {
    pub fn new(matcher: &'m Matcher) -> Page<'m> {
        Page {
            matcher,
            seen: Vec::new(),
        }
    }

    /// The next text of the page, split into pieces.
    pub fn pieces<'t>(&mut self, text: &'t str) -> Vec<Piece<'t>> {
        let mut out = Vec::new();
        let mut at = 0;
        for s in self.matcher.spans(text) {
            if self.seen.contains(&s.term) {
                continue;
            }
            self.seen.push(s.term);
            if s.start > at {
                out.push(Piece::Text(&text[at..s.start]));
            }
            out.push(Piece::Term(&text[s.start..s.end], s.term));
            at = s.end;
        }
        if at < text.len() || out.is_empty() {
            out.push(Piece::Text(&text[at..]));
        }
        out
    }
}

/// The glossary's terms in the order the view lists them: by headword, ignoring
/// case ("jihad" between "Jadid" and "Kadets").
pub fn alphabetical(ds: &Dataset) -> Vec<u16> {
    let mut order: Vec<u16> = (0..ds.glossary.len() as u16).collect();
    order.sort_by_cached_key(|&i| {
        let g = &ds.glossary[i as usize];
        (g.term.to_lowercase(), g.id)
    });
    order
}

/// Where a term's `see` item leads, and its name: (view, what it is, name).
pub fn see_also(ds: &Dataset, s: SeeAlso) -> (String, &'static str, &'static str) {
    match s {
        SeeAlso::Org(i) => {
            let o = &ds.orgs[i as usize];
            (View::Org(o.id.into()).href(), "organisation", o.name)
        }
        SeeAlso::Event(i) => {
            let e = &ds.events[i as usize];
            (View::Event(e.id.into()).href(), "event", e.title)
        }
        SeeAlso::Dispute(i) => {
            let d = &ds.disputes[i as usize];
            (View::Dispute(d.id.into()).href(), "dispute", d.title)
        }
        SeeAlso::Person(i) => {
            let p = &ds.people[i as usize];
            (View::Person(p.id.into()).href(), "person", p.name)
        }
    }
}

#[cfg(test)]
mod tests;
