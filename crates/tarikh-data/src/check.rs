//! Cross-checks the records read from `data/` and resolves every reference to an
//! index, giving the dataset the generated code is written from.

use crate::date::Date;
use crate::diag::{line_col, Diags, Pos};
use crate::read::Str;
use crate::records as raw;
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

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Cite {
    pub source: u8,
    pub from: u16,
    pub to: u16,
}

pub struct Section {
    pub heading: String,
    pub from: u16,
    pub inferred: bool,
}

pub struct Source {
    pub id: String,
    pub title: String,
    pub untitled: bool,
    pub author: Option<String>,
    pub container: Option<String>,
    pub kind: String,
    pub about: String,
    pub note: Option<String>,
    pub file: String,
    pub paragraphs: u16,
    pub sections: Vec<Section>,
}

pub struct Event {
    pub id: String,
    pub date: Date,
    pub title: String,
    pub summary: String,
    pub kind: u8,
    pub tags: Vec<u8>,
    pub people: Vec<u16>,
    pub places: Vec<u16>,
    pub orgs: Vec<u16>,
    pub disputes: Vec<u16>,
    pub quote: Option<(String, Cite)>,
    pub cite: Vec<Cite>,
}

pub struct Name {
    pub name: String,
    pub sources: Vec<u8>,
}

pub struct LifeDate {
    pub date: Date,
    pub cite: Vec<Cite>,
}

pub struct Role {
    pub role: String,
    pub org: Option<u16>,
    pub date: Option<Date>,
    pub cite: Vec<Cite>,
}

pub struct Relation {
    pub kind: u8,
    pub to: u16,
    pub note: Option<String>,
    pub cite: Vec<Cite>,
}

pub struct Person {
    pub id: String,
    pub name: String,
    pub summary: String,
    pub names: Vec<Name>,
    pub epithets: Vec<Name>,
    pub born: Option<LifeDate>,
    pub died: Option<LifeDate>,
    pub tags: Vec<u8>,
    pub affiliations: Vec<u16>,
    pub roles: Vec<Role>,
    pub relations: Vec<Relation>,
    pub cite: Vec<Cite>,
    pub events: Vec<u32>,
}

pub struct Place {
    pub id: String,
    pub name: String,
    pub names: Vec<String>,
    pub kind: u8,
    pub lat: f64,
    pub lon: f64,
    pub approx: bool,
    pub cite: Vec<Cite>,
    pub events: Vec<u32>,
}

pub struct Org {
    pub id: String,
    pub name: String,
    pub names: Vec<String>,
    pub kind: u8,
    pub date: Option<Date>,
    pub summary: String,
    pub tags: Vec<u8>,
    pub cite: Vec<Cite>,
    pub events: Vec<u32>,
}

pub struct Period {
    pub name: String,
    pub date: Date,
    pub cite: Vec<Cite>,
}

pub struct Scheme {
    pub id: String,
    pub name: String,
    pub proposed_by: String,
    pub cite: Vec<Cite>,
    pub periods: Vec<Period>,
}

pub struct Claim {
    pub says: String,
    pub date: Option<Date>,
    pub cite: Vec<Cite>,
}

pub struct Dispute {
    pub id: String,
    pub title: String,
    /// The `DisputeKind` variant name.
    pub kind: &'static str,
    pub summary: String,
    pub events: Vec<u32>,
    pub people: Vec<u16>,
    pub claims: Vec<Claim>,
}

pub type Terms = Vec<(String, String)>;

/// The checked dataset, every reference an index (see `src/core/model.rs`).
pub struct Checked {
    pub sources: Vec<Source>,
    pub tags: Terms,
    pub event_types: Terms,
    pub relation_kinds: Terms,
    pub place_kinds: Terms,
    pub org_kinds: Terms,
    pub events: Vec<Event>,
    pub people: Vec<Person>,
    pub places: Vec<Place>,
    pub orgs: Vec<Org>,
    pub schemes: Vec<Scheme>,
    pub disputes: Vec<Dispute>,
}

/// "data/people.toml:3:1", for messages that point at a second place.
fn describe(d: &Diags, at: Pos) -> String {
    let f = &d.files[at.0];
    let (line, col) = line_col(&f.text, at.1);
    format!("{}:{line}:{col}", f.shown)
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn text(s: &Option<Str>) -> String {
    s.as_ref().map(|s| s.v.clone()).unwrap_or_default()
}

fn opt_text(s: &Option<Str>) -> Option<String> {
    s.as_ref().map(|s| s.v.clone())
}

/// The canonical `name` of a person, place or org must be one of the spellings
/// the sources use (its `names`): nothing written from memory.
fn canonical_is_sourced<'a>(
    d: &Diags,
    name: &Option<Str>,
    names: impl IntoIterator<Item = &'a str>,
) {
    let Some(name) = name else { return };
    if name.v.trim().is_empty() {
        return; // reported as empty
    }
    if !names.into_iter().any(|n| n == name.v) {
        d.err(
            name.at,
            format!(
                "canonical name \"{}\" is not one of the names the sources use",
                name.v
            ),
        );
    }
}

/// A closed vocabulary or a set of ids: name → index.
struct Names {
    /// "tag", "person", …: the noun in messages.
    noun: &'static str,
    /// Where the names are defined, for messages: "vocab.toml [tags]".
    hint: &'static str,
    index: HashMap<String, usize>,
}

impl Names {
    fn get(&self, d: &Diags, s: &Str) -> Option<usize> {
        let found = self.index.get(&s.v).copied();
        if found.is_none() {
            d.err(
                s.at,
                format!("unknown {} \"{}\"{}", self.noun, s.v, self.hint),
            );
        }
        found
    }

    /// Resolves a list, reporting unknown and repeated names.
    fn list<T: TryFrom<usize>>(&self, d: &Diags, key: &str, items: &[Str]) -> Vec<T> {
        let mut out = Vec::new();
        let mut seen: Vec<&str> = Vec::new();
        for s in items {
            if seen.contains(&s.v.as_str()) {
                d.err(s.at, format!("\"{}\" appears twice in `{key}`", s.v));
                continue;
            }
            seen.push(&s.v);
            if let Some(i) = self.get(d, s) {
                if let Ok(i) = T::try_from(i) {
                    out.push(i);
                }
            }
        }
        out
    }
}

fn vocab_names(
    d: &Diags,
    terms: &[(Str, Str)],
    noun: &'static str,
    hint: &'static str,
) -> (Names, Terms) {
    let mut index = HashMap::new();
    let mut out = Vec::new();
    for (id, desc) in terms {
        if !is_slug(&id.v) {
            d.err(
                id.at,
                format!(
                    "bad {noun} \"{}\": vocabulary terms are lower-case ASCII slugs ([a-z0-9-]+)",
                    id.v
                ),
            );
        }
        index.insert(id.v.clone(), out.len());
        out.push((id.v.clone(), desc.v.clone()));
    }
    (Names { noun, hint, index }, out)
}

/// Checks ids (syntax, uniqueness) and returns the order records get: by id, or
/// with the records that have no usable id at the end.
fn register<'r>(
    d: &Diags,
    noun: &'static str,
    ids: impl Iterator<Item = &'r Option<Str>>,
) -> (Names, Vec<usize>) {
    let mut first: HashMap<String, Pos> = HashMap::new();
    let mut order = Vec::new();
    let mut ids_of = Vec::new();
    let mut duplicates = Vec::new();
    for (i, id) in ids.enumerate() {
        let Some(id) = id else {
            duplicates.push(i);
            continue;
        };
        if !is_slug(&id.v) {
            d.err(
                id.at,
                format!(
                    "bad id \"{}\": ids are lower-case ASCII slugs ([a-z0-9-]+)",
                    id.v
                ),
            );
        }
        if let Some(&at) = first.get(&id.v) {
            d.err(
                id.at,
                format!(
                    "duplicate {noun} id \"{}\" (first at {})",
                    id.v,
                    describe(d, at)
                ),
            );
            duplicates.push(i);
            continue;
        }
        first.insert(id.v.clone(), id.at);
        order.push(i);
        ids_of.push(id.v.clone());
    }
    let mut sorted: Vec<(String, usize)> = ids_of.into_iter().zip(order).collect();
    sorted.sort();
    let index = sorted
        .iter()
        .enumerate()
        .map(|(k, (id, _))| (id.clone(), k))
        .collect();
    // Duplicates and records without an id go last, outside the index, so their
    // fields are still checked.
    let order = sorted
        .into_iter()
        .map(|(_, i)| i)
        .chain(duplicates)
        .collect();
    (
        Names {
            noun,
            hint: "",
            index,
        },
        order,
    )
}

struct Cites<'a> {
    d: &'a Diags,
    /// id → (index, paragraph count)
    sources: HashMap<String, (u8, u16)>,
}

impl Cites<'_> {
    fn one(&self, s: &Str) -> Option<Cite> {
        let bad = || {
            self.d.err(
                s.at,
                format!(
                    "bad citation \"{}\": expected \"<source-id>:<paragraph>\" or \"<source-id>:<first>-<last>\"",
                    s.v
                ),
            );
            None
        };
        let Some((id, loc)) = s.v.split_once(':') else {
            return bad();
        };
        let number = |n: &str| -> Option<u32> {
            if !n.is_empty() && n.len() <= 5 && n.bytes().all(|b| b.is_ascii_digit()) {
                n.parse().ok()
            } else {
                None
            }
        };
        let (from, to) = match loc.split_once('-') {
            None => match number(loc) {
                Some(n) => (n, n),
                None => return bad(),
            },
            Some((a, b)) => match (number(a), number(b)) {
                (Some(a), Some(b)) => (a, b),
                _ => return bad(),
            },
        };
        let Some(&(source, count)) = self.sources.get(id) else {
            self.d.err(
                s.at,
                format!("citation \"{}\": unknown source \"{id}\"", s.v),
            );
            return None;
        };
        if from == 0 {
            self.d.err(
                s.at,
                format!("citation \"{}\": paragraphs are numbered from 1", s.v),
            );
            return None;
        }
        if to < from {
            self.d.err(
                s.at,
                format!(
                    "citation \"{}\": the paragraph range ends before it starts",
                    s.v
                ),
            );
            return None;
        }
        if to > count as u32 {
            self.d.err(
                s.at,
                format!("citation \"{}\": {id} has only {count} paragraphs", s.v),
            );
            return None;
        }
        Some(Cite {
            source,
            from: from as u16,
            to: to as u16,
        })
    }

    fn list(&self, items: &[Str]) -> Vec<Cite> {
        items.iter().filter_map(|s| self.one(s)).collect()
    }
}

fn date(d: &Diags, s: &Str) -> Option<Date> {
    match Date::parse(&s.v) {
        Ok(date) => Some(date),
        Err(e) => {
            d.err(s.at, e);
            None
        }
    }
}

fn opt_date(d: &Diags, s: &Option<Str>) -> Option<Date> {
    s.as_ref().and_then(|s| date(d, s))
}

const NO_DATE: Date = Date::On(crate::date::Point {
    year: 0,
    part: crate::date::Part::Year,
    approx: false,
});

/// Checks everything and resolves references; `None` if vocab.toml is missing,
/// or it or sources.toml has syntax errors (every tag or citation would be reported
/// as unknown; the syntax errors come first).
pub fn check(d: &Diags, raw: &raw::Raw) -> Option<Checked> {
    let vocab = raw.vocab.as_ref()?;
    let broken = |f: usize| d.files[f].broken.get();
    if broken(vocab.file) || raw.sources_file.is_some_and(broken) {
        return None;
    }
    let (tags, tag_terms) = vocab_names(d, &vocab.tags, "tag", " (not in vocab.toml [tags])");
    let (types, type_terms) = vocab_names(
        d,
        &vocab.event_types,
        "event type",
        " (not in vocab.toml [event_types])",
    );
    let (rel_kinds, rel_terms) = vocab_names(
        d,
        &vocab.relation_kinds,
        "relation kind",
        " (not in vocab.toml [relation_kinds])",
    );
    let (place_kinds, place_terms) = vocab_names(
        d,
        &vocab.place_kinds,
        "place kind",
        " (not in vocab.toml [place_kinds])",
    );
    let (org_kinds, org_terms) = vocab_names(
        d,
        &vocab.org_kinds,
        "org kind",
        " (not in vocab.toml [org_kinds])",
    );

    // Sources, in file order.
    let mut sources = Vec::new();
    let mut cites = Cites {
        d,
        sources: HashMap::new(),
    };
    let mut source_first: HashMap<String, Pos> = HashMap::new();
    for s in &raw.sources {
        let Some(id) = &s.id else { continue };
        if !is_slug(&id.v) {
            d.err(
                id.at,
                format!(
                    "bad id \"{}\": ids are lower-case ASCII slugs ([a-z0-9-]+)",
                    id.v
                ),
            );
        }
        if let Some(&at) = source_first.get(&id.v) {
            d.err(
                id.at,
                format!(
                    "duplicate source id \"{}\" (first at {})",
                    id.v,
                    describe(d, at)
                ),
            );
            continue;
        }
        source_first.insert(id.v.clone(), id.at);
        let paragraphs = match s.paragraphs {
            Some((n, _)) if (1..=u16::MAX as i64).contains(&n) => n as u16,
            Some((n, at)) => {
                d.err(
                    at,
                    format!("`paragraphs` must be between 1 and {}, found {n}", u16::MAX),
                );
                1
            }
            None => 1,
        };
        let mut sections: Vec<Section> = Vec::new();
        for sec in &s.sections {
            let Some((from, at)) = sec.from else { continue };
            if from < 1 || from > paragraphs as i64 {
                d.err(
                    at,
                    format!(
                        "section starts at paragraph {from}, but {} has paragraphs 1–{paragraphs}",
                        id.v
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
                heading: text(&sec.heading),
                from: from as u16,
                inferred: sec.inferred,
            });
        }
        if sources.len() >= u8::MAX as usize {
            d.err(id.at, "too many sources (at most 255)");
            continue;
        }
        cites
            .sources
            .insert(id.v.clone(), (sources.len() as u8, paragraphs));
        sources.push(Source {
            id: id.v.clone(),
            title: text(&s.title),
            untitled: s.untitled,
            author: opt_text(&s.author),
            container: opt_text(&s.container),
            kind: text(&s.kind),
            about: text(&s.about),
            note: opt_text(&s.note),
            file: text(&s.file),
            paragraphs,
            sections,
        });
    }
    let source_names = Names {
        noun: "source",
        hint: " (not in sources.toml)",
        index: cites
            .sources
            .iter()
            .map(|(k, v)| (k.clone(), v.0 as usize))
            .collect(),
    };

    // Ids and the order records get.
    let (people, people_order) = register(d, "person", raw.people.iter().map(|p| &p.id));
    let (places, places_order) = register(d, "place", raw.places.iter().map(|p| &p.id));
    let (orgs, orgs_order) = register(d, "org", raw.orgs.iter().map(|o| &o.id));
    let (disputes, disputes_order) = register(d, "dispute", raw.disputes.iter().map(|x| &x.id));
    let (_, _) = register(d, "scheme", raw.schemes.iter().map(|s| &s.id));
    let (_, events_by_id) = register(d, "event", raw.events.iter().map(|e| &e.id));

    // Events go in chronological order (then by id).
    let event_dates: Vec<Option<Date>> = raw
        .events
        .iter()
        .map(|e| e.date.as_ref().and_then(|s| date(d, s)))
        .collect();
    let mut events_order = events_by_id.clone();
    events_order.sort_by(|&a, &b| {
        let key = |i: usize| event_dates[i].map_or((i32::MAX, i32::MAX), |dt| dt.sort_key());
        let id = |i: usize| raw.events[i].id.as_ref().map(|s| s.v.as_str());
        (key(a), id(a)).cmp(&(key(b), id(b)))
    });
    let event_index: HashMap<String, usize> = events_order
        .iter()
        .enumerate()
        .filter_map(|(k, &i)| raw.events[i].id.as_ref().map(|id| (id.v.clone(), k)))
        .collect();
    let events_names = Names {
        noun: "event",
        hint: "",
        index: event_index,
    };
    // Events are indexed by u32, the rest by u16.
    for (n, len, max) in [
        (&people, people_order.len(), u16::MAX as usize),
        (&places, places_order.len(), u16::MAX as usize),
        (&orgs, orgs_order.len(), u16::MAX as usize),
        (&disputes, disputes_order.len(), u16::MAX as usize),
        (&events_names, events_order.len(), u32::MAX as usize),
    ] {
        if len > max {
            d.file_err(
                "data",
                format!("too many {} records (at most {max})", n.noun),
            );
        }
    }

    // People.
    let mut out_people = Vec::new();
    let mut relation_first: HashMap<(u16, String, u16), Pos> = HashMap::new();
    for (me, &i) in people_order.iter().enumerate() {
        let p = &raw.people[i];
        let names = |list: &[raw::Name]| -> Vec<Name> {
            list.iter()
                .map(|n| Name {
                    name: text(&n.name),
                    sources: source_names.list(d, "src", &n.src),
                })
                .collect()
        };
        let life = |l: &Option<raw::LifeDate>| -> Option<LifeDate> {
            let l = l.as_ref()?;
            Some(LifeDate {
                date: opt_date(d, &l.date).unwrap_or(NO_DATE),
                cite: cites.list(&l.cite),
            })
        };
        canonical_is_sourced(
            d,
            &p.name,
            p.names
                .iter()
                .filter_map(|n| n.name.as_ref().map(|s| s.v.as_str())),
        );
        let born = life(&p.born);
        let died = life(&p.died);
        if let (Some(b), Some(x), Some(at)) =
            (&born, &died, p.died.as_ref().and_then(|x| x.date.as_ref()))
        {
            if let (Some(bs), Some(xe)) = (b.date.start_day(), x.date.end_day()) {
                if xe < bs && b.date != NO_DATE && x.date != NO_DATE {
                    d.err(
                        at.at,
                        format!("died {} before being born ({})", x.date, b.date),
                    );
                }
            }
        }
        let mut relations = Vec::new();
        for r in &p.relations {
            let kind = r.kind.as_ref().and_then(|k| rel_kinds.get(d, k));
            let to = r.to.as_ref().and_then(|t| people.get(d, t));
            let cite = cites.list(&r.cite);
            let (Some(kind), Some(to)) = (kind, to) else {
                continue;
            };
            if to == me {
                d.err(
                    r.to.as_ref().map_or(r.at, |t| t.at),
                    "a person cannot be related to themselves",
                );
                continue;
            }
            // One key per fact: "child" is recorded as the other's "parent", etc.
            let kind_id = rel_terms[kind].0.clone();
            let key = match kind_id.as_str() {
                "child" => (to as u16, "parent".to_string(), me as u16),
                "student" => (to as u16, "teacher".to_string(), me as u16),
                "parent" | "teacher" => (me as u16, kind_id.clone(), to as u16),
                _ => ((me.min(to)) as u16, kind_id.clone(), (me.max(to)) as u16),
            };
            if let Some(&first) = relation_first.get(&key) {
                d.err(
                    r.at,
                    format!(
                        "relation already recorded at {} (record each relation once; the app derives the other side)",
                        describe(d, first)
                    ),
                );
                continue;
            }
            relation_first.insert(key, r.at);
            relations.push(Relation {
                kind: kind as u8,
                to: to as u16,
                note: opt_text(&r.note),
                cite,
            });
        }
        let roles = p
            .roles
            .iter()
            .map(|r| {
                let date = opt_date(d, &r.date);
                if let (Some(dt), Some(at)) = (date, r.date.as_ref()) {
                    match life_conflict(&dt, &born, &died) {
                        Some(Err(x)) => d.err(
                            at.at,
                            format!("role dated {dt}, after the person's death ({x})"),
                        ),
                        Some(Ok(b)) => d.err(
                            at.at,
                            format!("role dated {dt}, before the person's birth ({b})"),
                        ),
                        None => {}
                    }
                }
                Role {
                    role: text(&r.role),
                    org: r
                        .org
                        .as_ref()
                        .and_then(|o| orgs.get(d, o))
                        .map(|o| o as u16),
                    date,
                    cite: cites.list(&r.cite),
                }
            })
            .collect();
        out_people.push(Person {
            id: text(&p.id),
            name: text(&p.name),
            summary: text(&p.summary),
            names: names(&p.names),
            epithets: names(&p.epithets),
            born,
            died,
            tags: tags.list(d, "tags", &p.tags),
            affiliations: orgs.list(d, "affiliations", &p.affiliations),
            roles,
            relations,
            cite: cites.list(&p.cite),
            events: Vec::new(),
        });
    }

    // Places.
    let mut out_places = Vec::new();
    for &i in &places_order {
        let p = &raw.places[i];
        canonical_is_sourced(d, &p.name, p.names.iter().map(|s| s.v.as_str()));
        let coord = |n: &Option<crate::read::Num>, name: &str, limit: f64| -> f64 {
            match n {
                Some(n) if (-limit..=limit).contains(&n.v) => n.v,
                Some(n) => {
                    d.err(
                        n.at,
                        format!("{name} {} is out of range (-{limit} to {limit})", n.v),
                    );
                    0.0
                }
                None => 0.0,
            }
        };
        out_places.push(Place {
            id: text(&p.id),
            name: text(&p.name),
            names: p.names.iter().map(|s| s.v.clone()).collect(),
            kind: p
                .kind
                .as_ref()
                .and_then(|k| place_kinds.get(d, k))
                .unwrap_or(0) as u8,
            lat: coord(&p.lat, "latitude", 90.0),
            lon: coord(&p.lon, "longitude", 180.0),
            approx: p.approx,
            cite: cites.list(&p.cite),
            events: Vec::new(),
        });
    }

    // Organisations.
    let mut out_orgs = Vec::new();
    for &i in &orgs_order {
        let o = &raw.orgs[i];
        canonical_is_sourced(d, &o.name, o.names.iter().map(|s| s.v.as_str()));
        out_orgs.push(Org {
            id: text(&o.id),
            name: text(&o.name),
            names: o.names.iter().map(|s| s.v.clone()).collect(),
            kind: o
                .kind
                .as_ref()
                .and_then(|k| org_kinds.get(d, k))
                .unwrap_or(0) as u8,
            date: opt_date(d, &o.date),
            summary: text(&o.summary),
            tags: tags.list(d, "tags", &o.tags),
            cite: cites.list(&o.cite),
            events: Vec::new(),
        });
    }

    // Periodisation schemes, in file order.
    let mut out_schemes = Vec::new();
    for s in &raw.schemes {
        out_schemes.push(Scheme {
            id: text(&s.id),
            name: text(&s.name),
            proposed_by: text(&s.proposed_by),
            cite: cites.list(&s.cite),
            periods: s
                .periods
                .iter()
                .map(|p| Period {
                    name: text(&p.name),
                    date: p.date.as_ref().and_then(|s| date(d, s)).unwrap_or(NO_DATE),
                    cite: cites.list(&p.cite),
                })
                .collect(),
        });
    }

    // Disputes.
    let mut out_disputes = Vec::new();
    for &i in &disputes_order {
        let x = &raw.disputes[i];
        let kind = match &x.kind {
            Some(k) => match DISPUTE_KINDS.iter().find(|(id, _)| *id == k.v) {
                Some((_, variant)) => variant,
                None => {
                    d.err(
                        k.at,
                        format!("unknown dispute kind \"{}\" (expected between-sources, within-source or unsupported)", k.v),
                    );
                    "Unsupported"
                }
            },
            None => "Unsupported",
        };
        out_disputes.push(Dispute {
            id: text(&x.id),
            title: text(&x.title),
            kind,
            summary: text(&x.summary),
            events: events_names.list(d, "events", &x.events),
            people: people.list(d, "people", &x.people),
            claims: x
                .claims
                .iter()
                .map(|c| Claim {
                    says: text(&c.says),
                    date: opt_date(d, &c.date),
                    cite: cites.list(&c.cite),
                })
                .collect(),
        });
    }

    // Events.
    let mut out_events = Vec::new();
    for &i in &events_order {
        let e = &raw.events[i];
        let kind = e.kind.as_ref().and_then(|k| types.get(d, k)).unwrap_or(0);
        let people_idx: Vec<u16> = people.list(d, "people", &e.people);
        // Life dates: people in events that need them alive.
        if let (Some(dt), true) = (
            event_dates[i],
            NEEDS_ALIVE.contains(&type_terms.get(kind).map_or("", |t| t.0.as_str())),
        ) {
            for s in &e.people {
                if let Some(&k) = people.index.get(&s.v) {
                    let p = &out_people[k];
                    let what = &type_terms[kind].0;
                    match life_conflict(&dt, &p.born, &p.died) {
                        Some(Err(x)) => d.err(
                            s.at,
                            format!("{} died {x}, before this {what} ({dt})", p.id),
                        ),
                        Some(Ok(b)) => d.err(
                            s.at,
                            format!("{} was born {b}, after this {what} ({dt})", p.id),
                        ),
                        None => {}
                    }
                }
            }
        }
        out_events.push(Event {
            id: text(&e.id),
            date: event_dates[i].unwrap_or(NO_DATE),
            title: text(&e.title),
            summary: text(&e.summary),
            kind: kind as u8,
            tags: tags.list(d, "tags", &e.tags),
            people: people_idx,
            places: places.list(d, "places", &e.places),
            orgs: orgs.list(d, "orgs", &e.orgs),
            disputes: disputes.list(d, "disputes", &e.disputes),
            quote: e.quote.as_ref().map(|q| {
                let c = q.cite.as_ref().and_then(|c| cites.one(c));
                (
                    text(&q.text),
                    c.unwrap_or(Cite {
                        source: 0,
                        from: 1,
                        to: 1,
                    }),
                )
            }),
            cite: cites.list(&e.cite),
        });
    }

    // Derived links: events of people, places and orgs; events ⇄ disputes both ways.
    for (k, e) in out_events.iter().enumerate() {
        for &p in &e.people {
            out_people[p as usize].events.push(k as u32);
        }
        for &p in &e.places {
            out_places[p as usize].events.push(k as u32);
        }
        for &o in &e.orgs {
            out_orgs[o as usize].events.push(k as u32);
        }
    }
    for (k, x) in out_disputes.iter().enumerate() {
        for &e in &x.events {
            let list = &mut out_events[e as usize].disputes;
            if !list.contains(&(k as u16)) {
                list.push(k as u16);
            }
        }
    }
    for (k, e) in out_events.iter().enumerate() {
        for &x in &e.disputes {
            let list = &mut out_disputes[x as usize].events;
            if !list.contains(&(k as u32)) {
                list.push(k as u32);
            }
        }
    }
    for x in &mut out_disputes {
        x.events.sort();
    }
    for e in &mut out_events {
        e.disputes.sort();
    }

    Some(Checked {
        sources,
        tags: tag_terms,
        event_types: type_terms,
        relation_kinds: rel_terms,
        place_kinds: place_terms,
        org_kinds: org_terms,
        events: out_events,
        people: out_people,
        places: out_places,
        orgs: out_orgs,
        schemes: out_schemes,
        disputes: out_disputes,
    })
}

/// Whether `when` contradicts a person's life dates: `Some(Err(died))` if it starts
/// after the death, `Some(Ok(born))` if it ends before the birth. Approximate
/// (`c.`) dates are not compared.
fn life_conflict<'a>(
    when: &Date,
    born: &'a Option<LifeDate>,
    died: &'a Option<LifeDate>,
) -> Option<Result<&'a Date, &'a Date>> {
    let usable = |l: &'a Option<LifeDate>| {
        l.as_ref()
            .map(|l| &l.date)
            .filter(|x| **x != NO_DATE && !x.is_approx())
    };
    if when.is_approx() {
        return None;
    }
    if let Some(died) = usable(died) {
        if let (Some(start), Some(end)) = (when.start_day(), died.end_day()) {
            if start > end {
                return Some(Err(died));
            }
        }
    }
    if let Some(born) = usable(born) {
        if let (Some(end), Some(start)) = (when.end_day(), born.start_day()) {
            if end < start {
                return Some(Ok(born));
            }
        }
    }
    None
}
