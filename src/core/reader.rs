//! The source reader (`#/sources/<id>?p=47-49`): a citation opens the cited
//! paragraphs of the source text, with the paragraph before and after, the
//! section headings, and the quotations the data takes from them marked.
//!
//! The texts are not compiled in: they are the build's on-demand file
//! (`sources-<hash>.txt`, written by `crates/tarikh-data/src/texts.rs` with the
//! same paragraph numbering the citations are checked against), read back by
//! [`Texts::parse`].
//!
//! ```text
//! p=47        paragraph 47 (with 46 and 48 around it)
//! p=47-49     paragraphs 47 to 49
//! (no p)      the whole text
//! ```

use super::link::{LinkState, Notice, Param, Query};
use super::model::{Cite, Dataset, Section};
use super::route::{Route, View};

/// The source texts, numbered: `paragraphs[source][n - 1]` is paragraph `n`.
#[derive(Debug, PartialEq)]
pub struct Texts {
    paragraphs: Vec<Vec<String>>,
}

impl Texts {
    /// Reads the build's texts file for `ds`: every source of the dataset, with
    /// the number of paragraphs the dataset gives it, or why not.
    pub fn parse(ds: &Dataset, file: &str) -> Result<Texts, String> {
        let mut lines = file.lines();
        if lines.next() != Some("tarikh-sources 1") {
            return Err("not a Tarikh sources file (version 1)".into());
        }
        let mut paragraphs: Vec<Option<Vec<String>>> = ds.sources.iter().map(|_| None).collect();
        let mut current: Option<(usize, usize)> = None; // (source, paragraphs expected)
        for line in lines {
            if let Some(head) = line.strip_prefix("@ ") {
                let (id, n) = head
                    .split_once(' ')
                    .ok_or("a source line without a count")?;
                let i = ds
                    .sources
                    .iter()
                    .position(|s| s.id == id)
                    .ok_or_else(|| format!("a text for an unknown source “{id}”"))?;
                let n: usize = n.parse().map_err(|_| format!("{id}: a bad count"))?;
                if n != ds.sources[i].paragraphs as usize {
                    return Err(format!(
                        "{id}: {n} paragraphs, the dataset counts {}",
                        ds.sources[i].paragraphs
                    ));
                }
                paragraphs[i] = Some(Vec::with_capacity(n));
                current = Some((i, n));
            } else {
                let (i, _) = current.ok_or("a paragraph before any source")?;
                paragraphs[i]
                    .as_mut()
                    .expect("opened")
                    .push(line.to_string());
            }
        }
        let mut out = Vec::with_capacity(paragraphs.len());
        for (s, p) in ds.sources.iter().zip(paragraphs) {
            match p {
                Some(p) if p.len() == s.paragraphs as usize => out.push(p),
                Some(p) => {
                    return Err(format!(
                        "{}: {} paragraphs of {}",
                        s.id,
                        p.len(),
                        s.paragraphs
                    ))
                }
                None => return Err(format!("no text for {}", s.id)),
            }
        }
        Ok(Texts { paragraphs: out })
    }

    /// Paragraph `n` (1-based) of a source.
    pub fn paragraph(&self, source: u8, n: u16) -> Option<&str> {
        let n = usize::from(n).checked_sub(1)?;
        self.paragraphs
            .get(source as usize)?
            .get(n)
            .map(String::as_str)
    }
}

/// The reader's state: which source, and which paragraphs are asked for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReaderState {
    /// Index into [`Dataset::sources`] (from the path, `#/sources/<id>`).
    pub source: u8,
    /// The paragraphs asked for (`from..=to`); `None`: the whole text.
    pub sel: Option<(u16, u16)>,
}

impl ReaderState {
    /// The reader opened at what a citation cites.
    pub fn of(c: &Cite) -> ReaderState {
        ReaderState {
            source: c.source,
            sel: Some((c.from, c.to)),
        }
    }

    /// The paragraph before the selection, as a selection of its own.
    pub fn prev(&self) -> Option<ReaderState> {
        let (from, _) = self.sel?;
        (from > 1).then(|| ReaderState {
            source: self.source,
            sel: Some((from - 1, from - 1)),
        })
    }

    /// The paragraph after the selection.
    pub fn next(&self, ds: &Dataset) -> Option<ReaderState> {
        let (_, to) = self.sel?;
        (to < ds.sources[self.source as usize].paragraphs).then(|| ReaderState {
            source: self.source,
            sel: Some((to + 1, to + 1)),
        })
    }

    /// The same source at paragraph `n`.
    pub fn at(&self, n: u16) -> ReaderState {
        ReaderState {
            source: self.source,
            sel: Some((n, n)),
        }
    }

    /// Whether paragraph `n` is one of those asked for (every one, without `p`).
    pub fn selects(&self, n: u16) -> bool {
        self.sel.is_none_or(|(from, to)| from <= n && n <= to)
    }
}

/// The link to what a citation cites, in the reader.
pub fn cite_href(ds: &Dataset, c: &Cite) -> String {
    ReaderState::of(c).href(ds)
}

static PARAMS: [Param<ReaderState>; 1] = [Param {
    key: "p",
    doc: "the paragraph (p=47) or paragraphs (p=47-49) of the source to show, with their neighbours; without it, the whole text",
    read: |s, _, v, n| match read_range(v) {
        Some(r) => s.sel = Some(r),
        None => n.bad("p", v, "use p=<paragraph> or p=<first>-<last>"),
    },
    write: |s, _, q: &mut Query| match s.sel {
        Some((a, b)) if a == b => q.add("p", &a.to_string()),
        Some((a, b)) => q.add("p", &format!("{a}-{b}")),
        None => {}
    },
}];

/// `47` or `47-49` (a range the wrong way round is turned round).
fn read_range(v: &str) -> Option<(u16, u16)> {
    let num = |t: &str| t.trim().parse::<u16>().ok().filter(|&n| n >= 1);
    let (a, b) = match v.split_once(['-', '–']) {
        Some((a, b)) => (num(a)?, num(b)?),
        None => (num(v)?, num(v)?),
    };
    Some((a.min(b), a.max(b)))
}

impl LinkState for ReaderState {
    /// Only a fallback: a reader's link is its source's path ([`LinkState::path`]).
    const PATH: &'static str = "#/about";

    fn params() -> &'static [Param<Self>] {
        &PARAMS
    }

    fn parse_route(ds: &Dataset, route: &Route) -> (Self, Vec<Notice>) {
        let (mut s, mut notices) = Self::parse(ds, &route.query);
        if let View::Source(id) = &route.view {
            s.source = ds.sources.iter().position(|x| x.id == id).unwrap_or(0) as u8;
        }
        let last = ds
            .sources
            .get(s.source as usize)
            .map_or(1, |x| x.paragraphs);
        if let Some((from, to)) = s.sel {
            if to > last {
                notices.push(Notice::ParagraphBeyond {
                    asked: to.into(),
                    last,
                });
                s.sel = Some((from.min(last), last));
            }
        }
        (s, notices)
    }

    fn path(&self, ds: &Dataset) -> String {
        View::Source(ds.sources[self.source as usize].id.into()).href()
    }
}

/// One line of the reader: a section heading, a paragraph, or a neighbour.
#[derive(Clone, Debug, PartialEq)]
pub enum Row {
    Heading(&'static Section),
    /// Paragraph `n`, one of those asked for (or of the whole text).
    Paragraph {
        n: u16,
    },
    /// Paragraph `n` next to those asked for, shown as an [`excerpt`]:
    /// its end when it comes `before` them, else its start.
    Neighbour {
        n: u16,
        before: bool,
    },
}

/// What the reader shows for `s`: the paragraphs asked for and one either
/// side (every paragraph without `p`), each section's heading before its first
/// paragraph, and the heading of the section the first shown falls under.
pub fn rows(ds: &Dataset, s: &ReaderState) -> Vec<Row> {
    let source = &ds.sources[s.source as usize];
    let last = source.paragraphs;
    let (first, end) = match s.sel {
        Some((from, to)) => (from.saturating_sub(1).max(1), (to + 1).min(last)),
        None => (1, last),
    };
    let mut out = Vec::new();
    for n in first..=end {
        let heading = if n == first {
            source.section_of(n)
        } else {
            source.sections.iter().find(|x| x.from == n)
        };
        out.extend(heading.map(Row::Heading));
        out.push(match s.sel {
            Some((from, _)) if !s.selects(n) => Row::Neighbour {
                n,
                before: n < from,
            },
            _ => Row::Paragraph { n },
        });
    }
    out
}

/// How many words of a neighbour the reader shows.
pub const EXCERPT_WORDS: usize = 20;

/// A neighbour's words next to the paragraphs asked for: the last
/// [`EXCERPT_WORDS`] of the paragraph before (`before`), the first of the
/// one after, with "…" where it is cut.
pub fn excerpt(text: &str, before: bool) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= EXCERPT_WORDS {
        return words.join(" ");
    }
    if before {
        format!("… {}", words[words.len() - EXCERPT_WORDS..].join(" "))
    } else {
        format!("{} …", words[..EXCERPT_WORDS].join(" "))
    }
}

/// The words the data quotes from paragraph `n` of a source, word for word:
/// the events' quotations and the official titles of roles marked `quoted`
/// whose citations include it. A quotation that runs on into the next
/// paragraph gives each paragraph its part.
pub fn marks(ds: &Dataset, texts: &Texts, source: u8, n: u16) -> Vec<String> {
    let covers = |c: &Cite| c.source == source && c.from <= n && n <= c.to;
    let mut quotes: Vec<(&str, Cite)> = ds
        .events
        .iter()
        .filter_map(|e| e.quote.as_ref())
        .filter(|q| covers(&q.cite))
        .map(|q| (q.text, q.cite))
        .collect();
    for p in ds.people {
        for r in p.roles.iter().filter(|r| r.quoted) {
            quotes.extend(r.cite.iter().filter(|c| covers(c)).map(|c| (r.role, *c)));
        }
    }
    let mut out: Vec<String> = quotes
        .into_iter()
        .filter_map(|(q, c)| part_in(texts, &c, n, q))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The part of `quote` that stands in paragraph `n` of the cited paragraphs.
fn part_in(texts: &Texts, c: &Cite, n: u16, quote: &str) -> Option<String> {
    let quote = quote.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut joined = String::new();
    let mut span = (0, 0); // paragraph n in `joined`
    for m in c.from..=c.to {
        if !joined.is_empty() {
            joined.push(' ');
        }
        let start = joined.len();
        joined.push_str(texts.paragraph(c.source, m)?);
        if m == n {
            span = (start, joined.len());
        }
    }
    let at = joined.find(&quote)?;
    let (a, b) = (at.max(span.0), (at + quote.len()).min(span.1));
    (a < b).then(|| joined[a..b].to_string())
}

/// `text` cut into pieces, each marked when it is one of `marks` (every
/// occurrence, the earliest and then longest first; whitespace in a mark
/// matches any run of whitespace in the text, which is normalised already).
pub fn pieces<'a>(text: &'a str, marks: &[impl AsRef<str>]) -> Vec<(&'a str, bool)> {
    let marks: Vec<String> = marks
        .iter()
        .map(|m| m.as_ref().split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|m| !m.is_empty())
        .collect();
    let mut out = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let hit = marks
            .iter()
            .filter_map(|m| text[at..].find(m.as_str()).map(|i| (at + i, m.len())))
            .min_by_key(|&(i, len)| (i, std::cmp::Reverse(len)));
        match hit {
            Some((i, len)) => {
                if i > at {
                    out.push((&text[at..i], false));
                }
                out.push((&text[i..i + len], true));
                at = i + len;
            }
            None => {
                out.push((&text[at..], false));
                break;
            }
        }
    }
    out
}

/// The events whose citations include paragraph `n` of a source (their
/// indices, in date order): what the dataset rests on it.
pub fn events_citing(ds: &Dataset, source: u8, n: u16) -> Vec<u32> {
    let covers = |c: &Cite| c.source == source && c.from <= n && n <= c.to;
    ds.events
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            e.cite.iter().any(covers) || e.quote.as_ref().is_some_and(|q| covers(&q.cite))
        })
        .map(|(i, _)| i as u32)
        .collect()
}

#[cfg(test)]
mod tests;
