//! Cross-checks the records read from `data/` and resolves every reference to an
//! index, giving the dataset the generated code is written from.
//!
//! One [`Checker`] holds what every kind of record is checked against (the
//! vocabularies, the sources, the ids of each kind and the order records get);
//! each kind is then one method (`records.rs`), and the links derived from the
//! events are filled in last.

mod cites;
mod glossary;
mod names;
mod records;

use crate::date::{Date, Part, Point};
use crate::diag::{Diags, Pos};
use crate::model::{Checked, Section, Source, Term};
use crate::records::{Raw, Str, Vocab, VocabTerm};
use cites::Cites;
use names::{first_use, register, vocab_names, Names};
use std::collections::HashMap;

/// Event types whose people must be alive on the event's date (checked against
/// their `born`/`died`). Other types may name a person who is not yet born or
/// already dead: a posthumous rehabilitation (decree), a publication about them,
/// a successor's appointment naming the predecessor, an interrogation (trial)
/// about them.
pub const NEEDS_ALIVE: [&str; 7] = [
    "arrest",
    "release",
    "exile",
    "travel",
    "congress",
    "meeting",
    "negotiation",
];

pub const DISPUTE_KINDS: [(&str, &str); 3] = [
    ("between-sources", "BetweenSources"),
    ("within-source", "WithinSource"),
    ("unsupported", "Unsupported"),
];

/// The date of a record whose date is unusable (reported).
const NO_DATE: Date = Date::On(Point {
    year: 0,
    part: Part::Year,
    approx: false,
});

/// Checks everything and resolves references; `None` if vocab.toml is missing,
/// or it or sources.toml has syntax errors (every tag or citation would be reported
/// as unknown; the syntax errors come first).
pub fn check(d: &Diags, raw: &Raw) -> Option<Checked> {
    let vocab = raw.vocab.as_ref()?;
    let broken = |f: usize| d.files[f].broken.get();
    if broken(vocab.file) || raw.sources_file.is_some_and(broken) {
        return None;
    }
    Some(Checker::new(d, raw, vocab).run())
}

/// A closed vocabulary: its names (for references) and its terms (for the output).
struct Vocabulary {
    names: Names,
    terms: Vec<Term>,
}

/// The ids of one kind of record and the order its records get: `order[k]` is
/// the raw index of the `k`th record out (by id; for events, by date).
struct Ids {
    names: Names,
    order: Vec<usize>,
}

/// What every kind of record is checked against.
pub(crate) struct Checker<'a> {
    d: &'a Diags,
    raw: &'a Raw,
    tags: Vocabulary,
    event_types: Vocabulary,
    relation_kinds: Vocabulary,
    place_kinds: Vocabulary,
    org_kinds: Vocabulary,
    /// The sources in file order, and the citations' view of them.
    sources: Vec<Source>,
    cites: Cites<'a>,
    /// Source ids, for the `src` of names.
    source_names: Names,
    people: Ids,
    places: Ids,
    orgs: Ids,
    disputes: Ids,
    glossary: Ids,
    events: Ids,
    /// Each raw event's date, if usable.
    event_dates: Vec<Option<Date>>,
}

impl<'a> Checker<'a> {
    fn new(d: &'a Diags, raw: &'a Raw, vocab: &'a Vocab) -> Self {
        let v = |terms: &[VocabTerm], noun: &'static str, hint: &'static str| {
            let (names, terms) = vocab_names(d, terms, noun, hint);
            Vocabulary { names, terms }
        };
        let tags = v(&vocab.tags, "tag", " (not in vocab.toml [tags])");
        // A strand is shown to readers by its short name, never its id.
        for t in vocab.tags.iter().filter(|t| t.name.is_none()) {
            d.err(
                t.id.span().start,
                format!(
                    "tag `{0}` needs a short name for readers: `{0} = {{ name = \"…\", description = \"…\" }}`",
                    t.id.get_ref()
                ),
            );
        }
        let event_types = v(
            &vocab.event_types,
            "event type",
            " (not in vocab.toml [event_types])",
        );
        let relation_kinds = v(
            &vocab.relation_kinds,
            "relation kind",
            " (not in vocab.toml [relation_kinds])",
        );
        let place_kinds = v(
            &vocab.place_kinds,
            "place kind",
            " (not in vocab.toml [place_kinds])",
        );
        let org_kinds = v(
            &vocab.org_kinds,
            "org kind",
            " (not in vocab.toml [org_kinds])",
        );
        let mut cites = Cites {
            d,
            sources: HashMap::new(),
        };
        let sources = read_sources(d, raw, &mut cites);
        let source_names = Names {
            noun: "source",
            hint: " (not in sources.toml)",
            index: cites
                .sources
                .iter()
                .map(|(k, v)| (k.clone(), v.0 as usize))
                .collect(),
        };
        let ids = |noun, ids: Vec<Option<&Str>>| {
            let (names, order) = register(d, noun, ids.into_iter());
            Ids { names, order }
        };
        let people = ids(
            "person",
            raw.people.iter().map(|p| p.get_ref().id.str()).collect(),
        );
        let places = ids(
            "place",
            raw.places.iter().map(|p| p.get_ref().id.str()).collect(),
        );
        let orgs = ids(
            "org",
            raw.orgs.iter().map(|o| o.get_ref().id.str()).collect(),
        );
        let disputes = ids(
            "dispute",
            raw.disputes.iter().map(|x| x.get_ref().id.str()).collect(),
        );
        let glossary = ids(
            "term",
            raw.glossary.iter().map(|t| t.get_ref().id.str()).collect(),
        );
        ids(
            "scheme",
            raw.schemes.iter().map(|s| s.get_ref().id.str()).collect(),
        );
        let events_by_id = ids(
            "event",
            raw.events.iter().map(|e| e.get_ref().id.str()).collect(),
        );
        let event_dates: Vec<Option<Date>> = raw
            .events
            .iter()
            .map(|e| e.get_ref().date.str().and_then(|s| date(d, s)))
            .collect();
        let events = chronological(raw, &event_dates, events_by_id.order);
        let checker = Checker {
            d,
            raw,
            tags,
            event_types,
            relation_kinds,
            place_kinds,
            org_kinds,
            sources,
            cites,
            source_names,
            people,
            places,
            orgs,
            disputes,
            glossary,
            events,
            event_dates,
        };
        checker.check_counts();
        checker
    }

    /// Events are indexed by u32, the rest by u16.
    fn check_counts(&self) {
        for (ids, max) in [
            (&self.people, u16::MAX as usize),
            (&self.places, u16::MAX as usize),
            (&self.orgs, u16::MAX as usize),
            (&self.disputes, u16::MAX as usize),
            (&self.glossary, u16::MAX as usize),
            (&self.events, u32::MAX as usize),
        ] {
            if ids.order.len() > max {
                self.d.file_err(
                    "data",
                    format!("too many {} records (at most {max})", ids.names.noun),
                );
            }
        }
    }

    /// Every record, checked, in the dataset's order; then the derived links.
    fn run(self) -> Checked {
        let raw = self.raw;
        let mut relations_seen = HashMap::new();
        let people: Vec<_> = (self.people.order.iter().enumerate())
            .map(|(me, &i)| self.person(me, &raw.people[i], &mut relations_seen))
            .collect();
        let places = (self.places.order.iter())
            .map(|&i| self.place(raw.places[i].get_ref()))
            .collect();
        let orgs = (self.orgs.order.iter())
            .map(|&i| self.org(raw.orgs[i].get_ref()))
            .collect();
        let schemes = (raw.schemes.iter())
            .map(|s| self.scheme(s.get_ref()))
            .collect();
        let disputes = (self.disputes.order.iter())
            .map(|&i| self.dispute(&raw.disputes[i]))
            .collect();
        let events = (self.events.order.iter())
            .map(|&i| self.event(i, &people))
            .collect();
        let glossary = (self.glossary.order.iter())
            .map(|&i| self.gloss(&raw.glossary[i]))
            .collect();
        self.spellings_are_unique();
        let intro = self.intro();
        let tours = self.tours();
        let mut c = Checked {
            sources: self.sources,
            tags: self.tags.terms,
            event_types: self.event_types.terms,
            relation_kinds: self.relation_kinds.terms,
            place_kinds: self.place_kinds.terms,
            org_kinds: self.org_kinds.terms,
            events,
            people,
            places,
            orgs,
            schemes,
            disputes,
            glossary,
            intro,
            tours,
        };
        derive_links(&mut c);
        c
    }
}

/// The events' order: chronological, then by id (those without a usable date or
/// id last, as `register` left them).
fn chronological(raw: &Raw, dates: &[Option<Date>], by_id: Vec<usize>) -> Ids {
    let mut order = by_id;
    order.sort_by(|&a, &b| {
        let key = |i: usize| dates[i].map_or((i32::MAX, i32::MAX), |dt| dt.sort_key());
        let id = |i: usize| {
            raw.events[i]
                .get_ref()
                .id
                .str()
                .map(|s| s.get_ref().as_str())
        };
        (key(a), id(a)).cmp(&(key(b), id(b)))
    });
    let index = (order.iter().enumerate())
        .filter_map(|(k, &i)| Some((raw.events[i].get_ref().id.str()?.get_ref().clone(), k)))
        .collect();
    Ids {
        names: Names {
            noun: "event",
            hint: "",
            index,
        },
        order,
    }
}

/// The sources, in file order; registers each with the citations.
fn read_sources(d: &Diags, raw: &Raw, cites: &mut Cites) -> Vec<Source> {
    let mut sources = Vec::new();
    let mut first: HashMap<&str, Pos> = HashMap::new();
    for s in &raw.sources {
        let s = s.get_ref();
        let Some(id) = s.id.str() else { continue };
        if !first_use(d, "source", &mut first, id) {
            continue;
        }
        let paragraphs = match s.paragraphs.as_ref() {
            Some(n) if (1..=u16::MAX as i64).contains(n.get_ref()) => *n.get_ref() as u16,
            Some(n) => {
                d.err(
                    n.span().start,
                    format!(
                        "`paragraphs` must be between 1 and {}, found {}",
                        u16::MAX,
                        n.get_ref()
                    ),
                );
                1
            }
            None => 1,
        };
        let sections = sections(d, s, id.get_ref(), paragraphs);
        if sources.len() >= u8::MAX as usize {
            d.err(id.span().start, "too many sources (at most 255)");
            continue;
        }
        cites
            .sources
            .insert(id.get_ref().clone(), (sources.len() as u8, paragraphs));
        sources.push(Source {
            id: id.get_ref().clone(),
            title: text(s.title.str()),
            short: opt_text(s.short.str()).unwrap_or_else(|| text(s.title.str())),
            untitled: s.untitled,
            author: opt_text(s.author.str()),
            container: opt_text(s.container.str()),
            kind: text(s.kind.str()),
            about: text(s.about.str()),
            note: opt_text(s.note.str()),
            file: text(s.file.str()),
            paragraphs,
            sections,
        });
    }
    sources
}

/// A source's sections: within its paragraphs, in paragraph order.
fn sections(d: &Diags, s: &crate::records::Source, id: &str, paragraphs: u16) -> Vec<Section> {
    let mut sections: Vec<Section> = Vec::new();
    for sec in s.sections.iter() {
        let Some(from) = sec.from.as_ref() else {
            continue;
        };
        let (at, from) = (from.span().start, *from.get_ref());
        if from < 1 || from > paragraphs as i64 {
            d.err(
                at,
                format!(
                    "section starts at paragraph {from}, but {id} has paragraphs 1–{paragraphs}"
                ),
            );
            continue;
        }
        if let Some(prev) = sections.last() {
            if from as u16 <= prev.from {
                d.err(
                    at,
                    format!(
                        "sections must be in paragraph order: {from} does not follow {}",
                        prev.from
                    ),
                );
            }
        }
        sections.push(Section {
            heading: text(sec.heading.str()),
            from: from as u16,
            inferred: sec.inferred,
        });
    }
    sections
}

/// Derived links: events of people, places and orgs; events ⇄ disputes both ways.
fn derive_links(c: &mut Checked) {
    for (k, e) in c.events.iter().enumerate() {
        for &p in &e.people {
            c.people[p as usize].events.push(k as u32);
        }
        for &p in &e.places {
            c.places[p as usize].events.push(k as u32);
        }
        for &o in &e.orgs {
            c.orgs[o as usize].events.push(k as u32);
        }
    }
    for (k, x) in c.disputes.iter().enumerate() {
        for &e in &x.events {
            let list = &mut c.events[e as usize].disputes;
            if !list.contains(&(k as u16)) {
                list.push(k as u16);
            }
        }
    }
    for (k, e) in c.events.iter().enumerate() {
        for &x in &e.disputes {
            let list = &mut c.disputes[x as usize].events;
            if !list.contains(&(k as u32)) {
                list.push(k as u32);
            }
        }
    }
    for x in &mut c.disputes {
        x.events.sort();
    }
    for e in &mut c.events {
        e.disputes.sort();
    }
}

/// A string field's value ("" if missing: that is reported).
fn text(s: Option<&Str>) -> String {
    s.map(|s| s.get_ref().clone()).unwrap_or_default()
}

fn opt_text(s: Option<&Str>) -> Option<String> {
    s.map(|s| s.get_ref().clone())
}

fn date(d: &Diags, s: &Str) -> Option<Date> {
    match Date::parse(s.get_ref()) {
        Ok(date) => Some(date),
        Err(e) => {
            d.err(s.span().start, e);
            None
        }
    }
}

fn opt_date(d: &Diags, s: Option<&Str>) -> Option<Date> {
    s.and_then(|s| date(d, s))
}

impl Checker<'_> {
    /// Text in Tarikh's own words, which readers see: it names a source by its
    /// title, never by its id (`khiva-1918 says …`); a citation's `id:N` is
    /// not in the text. Reports the first id a text names, at the text.
    pub(super) fn own_words(&self, field: &str, s: Option<&Str>) -> String {
        let Some(s) = s else {
            return String::new();
        };
        let text = s.get_ref();
        let found = self
            .sources
            .iter()
            .filter_map(|src| names_id(text, &src.id).map(|at| (at, src)))
            .min_by_key(|&(at, _)| at);
        if let Some((_, src)) = found {
            self.d.err(
                s.span().start,
                format!(
                    "the {field} names the source \"{}\" by its id, which readers don't know: write its title (\"{}\") instead",
                    src.id, src.short
                ),
            );
        }
        text.clone()
    }
}

/// Where `text` names `id` as a word of its own (not inside another word or
/// id, not a citation `id:12`), if it does.
pub(crate) fn names_id(text: &str, id: &str) -> Option<usize> {
    let part = |c: char| c.is_ascii_alphanumeric() || c == '-';
    let mut from = 0;
    while let Some(k) = text[from..].find(id) {
        let at = from + k;
        let end = at + id.len();
        let before = text[..at].chars().next_back();
        let after = text[end..].chars().next();
        let cited = after == Some(':') && text[end + 1..].starts_with(|c: char| c.is_ascii_digit());
        if !before.is_some_and(part) && !after.is_some_and(part) && !cited {
            return Some(at);
        }
        from = end;
    }
    None
}
