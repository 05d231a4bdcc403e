//! The records of each data file as written (strings, with positions), before
//! any cross-checking. Reading one reports missing, unknown and mistyped fields.

use crate::diag::{Diags, Pos};
use crate::read::{Need, Num, Rec, Str};
use toml::de::{DeTable, DeValue};

pub struct Vocab {
    /// The file it was read from.
    pub file: usize,
    pub tags: Vec<(Str, Str)>,
    pub event_types: Vec<(Str, Str)>,
    pub relation_kinds: Vec<(Str, Str)>,
    pub place_kinds: Vec<(Str, Str)>,
    pub org_kinds: Vec<(Str, Str)>,
}

pub struct Section {
    pub heading: Option<Str>,
    pub from: Option<(i64, Pos)>,
    pub inferred: bool,
}

pub struct Source {
    pub at: Pos,
    pub id: Option<Str>,
    pub title: Option<Str>,
    pub untitled: bool,
    pub author: Option<Str>,
    pub container: Option<Str>,
    pub kind: Option<Str>,
    pub about: Option<Str>,
    pub note: Option<Str>,
    pub file: Option<Str>,
    pub paragraphs: Option<(i64, Pos)>,
    pub sections: Vec<Section>,
}

pub struct Quote {
    pub text: Option<Str>,
    pub cite: Option<Str>,
}

pub struct Event {
    pub at: Pos,
    pub id: Option<Str>,
    pub date: Option<Str>,
    pub title: Option<Str>,
    pub summary: Option<Str>,
    pub kind: Option<Str>,
    pub tags: Vec<Str>,
    pub people: Vec<Str>,
    pub places: Vec<Str>,
    pub orgs: Vec<Str>,
    pub disputes: Vec<Str>,
    pub quote: Option<Quote>,
    pub cite: Vec<Str>,
}

pub struct Name {
    pub name: Option<Str>,
    pub src: Vec<Str>,
}

pub struct LifeDate {
    pub date: Option<Str>,
    pub cite: Vec<Str>,
}

pub struct Role {
    pub role: Option<Str>,
    pub org: Option<Str>,
    pub date: Option<Str>,
    pub cite: Vec<Str>,
}

pub struct Relation {
    pub at: Pos,
    pub kind: Option<Str>,
    pub to: Option<Str>,
    pub note: Option<Str>,
    pub cite: Vec<Str>,
}

pub struct Person {
    pub at: Pos,
    pub id: Option<Str>,
    pub name: Option<Str>,
    pub summary: Option<Str>,
    pub names: Vec<Name>,
    pub epithets: Vec<Name>,
    pub born: Option<LifeDate>,
    pub died: Option<LifeDate>,
    pub tags: Vec<Str>,
    pub affiliations: Vec<Str>,
    pub roles: Vec<Role>,
    pub relations: Vec<Relation>,
    pub cite: Vec<Str>,
}

pub struct Place {
    pub at: Pos,
    pub id: Option<Str>,
    pub name: Option<Str>,
    pub names: Vec<Str>,
    pub kind: Option<Str>,
    pub lat: Option<Num>,
    pub lon: Option<Num>,
    /// The coordinates are only those of the surrounding area.
    pub approx: bool,
    pub cite: Vec<Str>,
}

pub struct Org {
    pub at: Pos,
    pub id: Option<Str>,
    pub name: Option<Str>,
    pub names: Vec<Str>,
    pub kind: Option<Str>,
    pub date: Option<Str>,
    pub summary: Option<Str>,
    pub tags: Vec<Str>,
    pub cite: Vec<Str>,
}

pub struct Period {
    pub name: Option<Str>,
    pub date: Option<Str>,
    pub cite: Vec<Str>,
}

pub struct Scheme {
    pub at: Pos,
    pub id: Option<Str>,
    pub name: Option<Str>,
    pub proposed_by: Option<Str>,
    pub cite: Vec<Str>,
    pub periods: Vec<Period>,
}

pub struct Claim {
    pub says: Option<Str>,
    pub date: Option<Str>,
    pub cite: Vec<Str>,
}

pub struct Dispute {
    pub at: Pos,
    pub id: Option<Str>,
    pub title: Option<Str>,
    pub kind: Option<Str>,
    pub summary: Option<Str>,
    pub events: Vec<Str>,
    pub people: Vec<Str>,
    pub claims: Vec<Claim>,
}

/// Everything read from `data/`.
#[derive(Default)]
pub struct Raw {
    pub vocab: Option<Vocab>,
    /// The file `sources.toml` was read from, if it exists.
    pub sources_file: Option<usize>,
    pub sources: Vec<Source>,
    pub events: Vec<Event>,
    pub people: Vec<Person>,
    pub places: Vec<Place>,
    pub orgs: Vec<Org>,
    pub schemes: Vec<Scheme>,
    pub disputes: Vec<Dispute>,
}

/// Which records a data file holds.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Vocab,
    Sources,
    Events,
    People,
    Places,
    Orgs,
    Periods,
    Disputes,
}

impl Kind {
    /// The top-level array-of-tables key the file holds.
    fn key(self) -> &'static str {
        match self {
            Kind::Vocab => "",
            Kind::Sources => "source",
            Kind::Events => "event",
            Kind::People => "person",
            Kind::Places => "place",
            Kind::Orgs => "org",
            Kind::Periods => "scheme",
            Kind::Disputes => "dispute",
        }
    }
}

const VOCAB_TABLES: [&str; 5] = [
    "tags",
    "event_types",
    "relation_kinds",
    "place_kinds",
    "org_kinds",
];

/// Parses one file (reporting every syntax error) and reads its records into `raw`.
pub fn read_file(d: &Diags, file: usize, kind: Kind, raw: &mut Raw) {
    let text = &d.files[file].text;
    let (doc, errors) = DeTable::parse_recoverable(text);
    for e in &errors {
        let offset = e.span().map_or(0, |s| s.start);
        d.syntax(file, offset, format!("TOML syntax: {}", e.message()));
    }
    let root = doc.get_ref();
    if kind == Kind::Vocab {
        let mut vocab = Vocab {
            file,
            tags: Vec::new(),
            event_types: Vec::new(),
            relation_kinds: Vec::new(),
            place_kinds: Vec::new(),
            org_kinds: Vec::new(),
        };
        for (k, v) in root.iter() {
            let slot = match k.get_ref().as_ref() {
                "tags" => &mut vocab.tags,
                "event_types" => &mut vocab.event_types,
                "relation_kinds" => &mut vocab.relation_kinds,
                "place_kinds" => &mut vocab.place_kinds,
                "org_kinds" => &mut vocab.org_kinds,
                other => {
                    d.err(
                        (file, k.span().start),
                        format!(
                            "unknown table `{other}` in vocab (expected one of: {})",
                            VOCAB_TABLES.join(", ")
                        ),
                    );
                    continue;
                }
            };
            let DeValue::Table(t) = v.get_ref() else {
                d.err(
                    (file, v.span().start),
                    format!(
                        "`{}` must be a table of `term = \"description\"`",
                        k.get_ref()
                    ),
                );
                continue;
            };
            for (term, desc) in t.iter() {
                let id = Str {
                    v: term.get_ref().to_string(),
                    at: (file, term.span().start),
                };
                match desc.get_ref() {
                    DeValue::String(s) => slot.push((
                        id,
                        Str {
                            v: s.to_string(),
                            at: (file, desc.span().start),
                        },
                    )),
                    _ => d.err(
                        (file, desc.span().start),
                        format!("the description of `{}` must be a string", id.v),
                    ),
                }
            }
        }
        for t in VOCAB_TABLES {
            if !root.contains_key(t) {
                d.err((file, 0), format!("missing table `[{t}]` in vocab"));
            }
        }
        raw.vocab = Some(vocab);
        return;
    }
    if kind == Kind::Sources {
        raw.sources_file = Some(file);
    }
    let key = kind.key();
    for (k, v) in root.iter() {
        if k.get_ref().as_ref() != key {
            d.err(
                (file, k.span().start),
                format!(
                    "unknown table `{}` (this file holds `[[{key}]]` records)",
                    k.get_ref()
                ),
            );
            continue;
        }
        let DeValue::Array(items) = v.get_ref() else {
            d.err(
                (file, v.span().start),
                format!("`{key}` must be an array of tables: write `[[{key}]]`"),
            );
            continue;
        };
        for item in items.iter() {
            let Some(mut r) = Rec::new(d, file, key, item) else {
                continue;
            };
            match kind {
                Kind::Sources => raw.sources.push(source(&mut r)),
                Kind::Events => raw.events.push(event(&mut r)),
                Kind::People => raw.people.push(person(&mut r)),
                Kind::Places => raw.places.push(place(&mut r)),
                Kind::Orgs => raw.orgs.push(org(&mut r)),
                Kind::Periods => raw.schemes.push(scheme(&mut r)),
                Kind::Disputes => raw.disputes.push(dispute(&mut r)),
                Kind::Vocab => unreachable!(),
            }
            r.finish();
        }
    }
}

fn source(r: &mut Rec) -> Source {
    Source {
        at: r.pos(),
        id: r.str("id"),
        title: r.text("title"),
        untitled: r.flag("untitled"),
        author: r.opt_text("author"),
        container: r.opt_text("container"),
        kind: r.text("kind"),
        about: r.text("about"),
        note: r.opt_text("note"),
        file: r.text("file"),
        paragraphs: r.int("paragraphs"),
        sections: r
            .tables("section", "section")
            .into_iter()
            .map(|mut s| {
                let section = Section {
                    heading: s.text("heading"),
                    from: s.int("from"),
                    inferred: s.flag("inferred"),
                };
                s.finish();
                section
            })
            .collect(),
    }
}

fn event(r: &mut Rec) -> Event {
    Event {
        at: r.pos(),
        id: r.str("id"),
        date: r.str("date"),
        title: r.text("title"),
        summary: r.text("summary"),
        kind: r.str("type"),
        tags: r.strs("tags", Need::NonEmpty("tag")),
        people: r.strs("people", Need::Optional),
        places: r.strs("places", Need::Optional),
        orgs: r.strs("orgs", Need::Optional),
        disputes: r.strs("disputes", Need::Optional),
        quote: r.opt_table("quote", "quote").map(|mut q| {
            let quote = Quote {
                text: q.text("text"),
                cite: q.str("cite"),
            };
            q.finish();
            quote
        }),
        cite: r.cites(),
    }
}

fn names(r: &mut Rec, key: &'static str, what: &'static str) -> Vec<Name> {
    r.tables(key, what)
        .into_iter()
        .map(|mut n| {
            let name = Name {
                name: n.text("name"),
                src: n.strs("src", Need::NonEmpty("source")),
            };
            n.finish();
            name
        })
        .collect()
}

fn life(r: &mut Rec, key: &'static str, what: &'static str) -> Option<LifeDate> {
    r.opt_table(key, what).map(|mut t| {
        let life = LifeDate {
            date: t.str("date"),
            cite: t.cites(),
        };
        t.finish();
        life
    })
}

fn person(r: &mut Rec) -> Person {
    Person {
        at: r.pos(),
        id: r.str("id"),
        name: r.text("name"),
        summary: r.text("summary"),
        names: {
            let at = r.pos();
            let list = names(r, "names", "name");
            if list.is_empty() {
                r.diags().err(
                    at,
                    "person has no `names` (list every spelling the sources use, with `src`)",
                );
            }
            list
        },
        epithets: names(r, "epithets", "epithet"),
        born: life(r, "born", "birth date"),
        died: life(r, "died", "death date"),
        tags: r.strs("tags", Need::NonEmpty("tag")),
        affiliations: r.strs("affiliations", Need::Optional),
        roles: r
            .tables("roles", "role")
            .into_iter()
            .map(|mut t| {
                let role = Role {
                    role: t.text("role"),
                    org: t.opt_str("org"),
                    date: t.opt_str("date"),
                    cite: t.cites(),
                };
                t.finish();
                role
            })
            .collect(),
        relations: r
            .tables("relations", "relation")
            .into_iter()
            .map(|mut t| {
                let rel = Relation {
                    at: t.pos(),
                    kind: t.str("kind"),
                    to: t.str("to"),
                    note: t.opt_text("note"),
                    cite: t.cites(),
                };
                t.finish();
                rel
            })
            .collect(),
        cite: r.cites(),
    }
}

fn place(r: &mut Rec) -> Place {
    Place {
        at: r.pos(),
        id: r.str("id"),
        name: r.text("name"),
        names: r.strs("names", Need::Optional),
        kind: r.str("kind"),
        lat: r.num("lat"),
        lon: r.num("lon"),
        approx: r.flag("approx"),
        cite: r.cites(),
    }
}

fn org(r: &mut Rec) -> Org {
    Org {
        at: r.pos(),
        id: r.str("id"),
        name: r.text("name"),
        names: r.strs("names", Need::Optional),
        kind: r.str("kind"),
        date: r.opt_str("date"),
        summary: r.text("summary"),
        tags: r.strs("tags", Need::NonEmpty("tag")),
        cite: r.cites(),
    }
}

fn scheme(r: &mut Rec) -> Scheme {
    Scheme {
        at: r.pos(),
        id: r.str("id"),
        name: r.text("name"),
        proposed_by: r.text("proposed_by"),
        cite: r.cites(),
        periods: r
            .tables("period", "period")
            .into_iter()
            .map(|mut t| {
                let period = Period {
                    name: t.text("name"),
                    date: t.str("date"),
                    cite: t.strs("cite", Need::Optional),
                };
                t.finish();
                period
            })
            .collect(),
    }
}

fn dispute(r: &mut Rec) -> Dispute {
    let at = r.pos();
    let d = Dispute {
        at,
        id: r.str("id"),
        title: r.text("title"),
        kind: r.str("kind"),
        summary: r.text("summary"),
        events: r.strs("events", Need::Optional),
        people: r.strs("people", Need::Optional),
        claims: r
            .tables("claim", "claim")
            .into_iter()
            .map(|mut t| {
                let claim = Claim {
                    says: t.text("says"),
                    date: t.opt_str("date"),
                    cite: t.cites(),
                };
                t.finish();
                claim
            })
            .collect(),
    };
    if d.claims.is_empty() {
        r.diags()
            .err(at, "dispute has no claim (add `[[dispute.claim]]` blocks)");
    }
    d
}
