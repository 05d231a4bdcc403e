//! The dataset's types: plain `'static` data that `build.rs` packs into a blob
//! and the app reads in place on first use (see `dataset/`); no text is parsed.
//!
//! References between records are small indices into the [`Dataset`]'s arrays
//! (`u32` for events, `u16` for other records, `u8` for sources and vocabulary
//! terms); the helper methods turn them back into records. Ids are the `data/` slugs, used in URLs.

use super::date::Date;

/// An entry of a closed vocabulary of `data/vocab.toml` (a tag, event type,
/// relation kind, place kind or organisation kind).
#[derive(Debug, PartialEq)]
pub struct Term {
    pub id: &'static str,
    /// What a reader sees (a strand's short name; for other terms the id).
    pub name: &'static str,
    pub description: &'static str,
}

/// A section heading of a source and the paragraph it starts at.
#[derive(Debug, PartialEq)]
pub struct Section {
    pub heading: &'static str,
    /// First paragraph (1-based) of the section.
    pub from: u16,
    /// The text has no such heading; the dataset names the part descriptively.
    pub inferred: bool,
}

/// One of the source documents everything is cited from (`data/sources.toml`).
#[derive(Debug, PartialEq)]
pub struct Source {
    pub id: &'static str,
    pub title: &'static str,
    /// A short title for running text ("Khiva Khanate"); the title where none is given.
    pub short: &'static str,
    /// The text carries no title; `title` describes it.
    pub untitled: bool,
    pub author: Option<&'static str>,
    /// The work the text appears in (an encyclopedia, a journal), if the text says.
    pub container: Option<&'static str>,
    /// What kind of text it is: "encyclopedia article", "essay", …
    pub kind: &'static str,
    /// What it covers, one or two sentences.
    pub about: &'static str,
    /// A caution or remark about the source, if any.
    pub note: Option<&'static str>,
    /// The seed file the paragraphs are numbered from.
    pub file: &'static str,
    /// How many paragraphs `tools/number_sources.py` numbers.
    pub paragraphs: u16,
    /// In paragraph order.
    pub sections: &'static [Section],
}

impl Source {
    /// The section paragraph `n` falls under, if any.
    pub fn section_of(&self, n: u16) -> Option<&'static Section> {
        self.sections.iter().rev().find(|s| s.from <= n)
    }
}

/// A citation: paragraphs `from..=to` of a source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Cite {
    /// Index into [`Dataset::sources`].
    pub source: u8,
    pub from: u16,
    pub to: u16,
}

impl Cite {
    /// The paragraph number(s) as shown: `47` or `47–49`.
    pub fn paragraphs(&self) -> String {
        if self.from == self.to {
            self.from.to_string()
        } else {
            format!("{}–{}", self.from, self.to)
        }
    }
}

/// Citations of one source in a list, by section ([`Dataset::cite_groups`]).
#[derive(Clone, Debug, PartialEq)]
pub struct CiteGroup {
    /// Index into [`Dataset::sources`].
    pub source: u8,
    /// Each section heading (if the source has one there) and its citations.
    pub sections: Vec<(Option<&'static str>, Vec<Cite>)>,
}

/// A short quotation shown with an event.
#[derive(Debug, PartialEq)]
pub struct Quote {
    pub text: &'static str,
    pub cite: Cite,
}

#[derive(Debug, PartialEq)]
pub struct Event {
    pub id: &'static str,
    pub date: Date,
    pub title: &'static str,
    pub summary: &'static str,
    /// A key event: one a newcomer should know first (`key = true` in data/).
    pub key: bool,
    /// Index into [`Dataset::event_types`].
    pub kind: u8,
    /// Indices into [`Dataset::tags`].
    pub tags: &'static [u8],
    /// Indices into [`Dataset::people`].
    pub people: &'static [u16],
    /// Indices into [`Dataset::places`].
    pub places: &'static [u16],
    /// Indices into [`Dataset::orgs`].
    pub orgs: &'static [u16],
    /// Indices into [`Dataset::disputes`].
    pub disputes: &'static [u16],
    pub quote: Option<Quote>,
    pub cite: &'static [Cite],
}

/// A name or epithet and the sources that use it.
#[derive(Debug, PartialEq)]
pub struct Name {
    pub name: &'static str,
    /// Indices into [`Dataset::sources`].
    pub sources: &'static [u8],
}

/// A birth or death date and where it is stated.
#[derive(Debug, PartialEq)]
pub struct LifeDate {
    pub date: Date,
    pub cite: &'static [Cite],
}

#[derive(Debug, PartialEq)]
pub struct Role {
    pub role: &'static str,
    /// `role` is an office's official title quoted word for word from a paragraph
    /// it cites: shown as a quotation, never reworded.
    pub quoted: bool,
    /// Index into [`Dataset::orgs`].
    pub org: Option<u16>,
    pub date: Option<Date>,
    pub cite: &'static [Cite],
}

/// "`to` is this person's `kind`", as recorded (once) in `data/`.
#[derive(Debug, PartialEq)]
pub struct Relation {
    /// Index into [`Dataset::relation_kinds`].
    pub kind: u8,
    /// Index into [`Dataset::people`].
    pub to: u16,
    pub note: Option<&'static str>,
    pub cite: &'static [Cite],
}

#[derive(Debug, PartialEq)]
pub struct Person {
    pub id: &'static str,
    /// The canonical name: the fullest spelling a source uses (one of `names`).
    pub name: &'static str,
    pub summary: &'static str,
    /// A key person: one of the few a newcomer should know first.
    pub key: bool,
    /// Every spelling the sources use, `name` among them.
    pub names: &'static [Name],
    /// Pen names, epithets and titles.
    pub epithets: &'static [Name],
    pub born: Option<LifeDate>,
    pub died: Option<LifeDate>,
    pub tags: &'static [u8],
    /// Indices into [`Dataset::orgs`].
    pub affiliations: &'static [u16],
    pub roles: &'static [Role],
    pub relations: &'static [Relation],
    pub cite: &'static [Cite],
    /// The events the person takes part in (indices into [`Dataset::events`],
    /// chronological), derived at build time.
    pub events: &'static [u32],
}

#[derive(Debug, PartialEq)]
pub struct Place {
    pub id: &'static str,
    /// The canonical name, one of `names`.
    pub name: &'static str,
    /// Every name the sources use, `name` among them.
    pub names: &'static [&'static str],
    /// Index into [`Dataset::place_kinds`].
    pub kind: u8,
    pub lat: f64,
    pub lon: f64,
    /// The source does not locate the place closely: `lat`/`lon` are only those
    /// of the surrounding area (a district, a region, a nearby town).
    pub approx: bool,
    pub cite: &'static [Cite],
    /// Events at the place (chronological), derived at build time.
    pub events: &'static [u32],
}

#[derive(Debug, PartialEq)]
pub struct Org {
    pub id: &'static str,
    /// The canonical name, one of `names`.
    pub name: &'static str,
    /// Every name the sources use, `name` among them.
    pub names: &'static [&'static str],
    /// Index into [`Dataset::org_kinds`].
    pub kind: u8,
    pub date: Option<Date>,
    pub summary: &'static str,
    pub tags: &'static [u8],
    pub cite: &'static [Cite],
    /// Events involving the organisation (chronological), derived at build time.
    pub events: &'static [u32],
}

/// One named period of a periodisation scheme.
#[derive(Debug, PartialEq)]
pub struct Period {
    pub name: &'static str,
    pub date: Date,
    pub cite: &'static [Cite],
}

/// A periodisation scheme: how one historian divides the history into periods.
#[derive(Debug, PartialEq)]
pub struct Scheme {
    pub id: &'static str,
    pub name: &'static str,
    pub proposed_by: &'static str,
    pub cite: &'static [Cite],
    pub periods: &'static [Period],
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DisputeKind {
    /// Two or more sources disagree.
    BetweenSources,
    /// One source contradicts itself.
    WithinSource,
    /// A claim nothing else supports.
    Unsupported,
}

impl DisputeKind {
    /// The id `data/` uses for the kind.
    pub const fn id(self) -> &'static str {
        match self {
            DisputeKind::BetweenSources => "between-sources",
            DisputeKind::WithinSource => "within-source",
            DisputeKind::Unsupported => "unsupported",
        }
    }

    pub const fn label(self) -> &'static str {
        match self {
            DisputeKind::BetweenSources => "Sources disagree",
            DisputeKind::WithinSource => "A source contradicts itself",
            DisputeKind::Unsupported => "Unsupported claim",
        }
    }
}

/// One side of a dispute.
#[derive(Debug, PartialEq)]
pub struct Claim {
    pub says: &'static str,
    pub date: Option<Date>,
    pub cite: &'static [Cite],
}

#[derive(Debug, PartialEq)]
pub struct Dispute {
    pub id: &'static str,
    pub title: &'static str,
    pub kind: DisputeKind,
    pub summary: &'static str,
    /// Indices into [`Dataset::events`].
    pub events: &'static [u32],
    /// Indices into [`Dataset::people`].
    pub people: &'static [u16],
    pub claims: &'static [Claim],
}

/// A term the sources use (`data/glossary.toml`), for the glossary view and the
/// links from titles and summaries to it (`core::glossary`).
#[derive(Debug, PartialEq)]
pub struct Gloss {
    pub id: &'static str,
    /// The headword: one of `spellings`, or `usage` says why not.
    pub term: &'static str,
    /// Every form the sources print, and which sources print it.
    pub spellings: &'static [Name],
    /// In Tarikh's own words, from the cited paragraphs.
    pub definition: &'static str,
    /// Tarikh's editorial note on how it uses the term (not a historical claim:
    /// it cites nothing).
    pub usage: Option<&'static str>,
    pub see: &'static [SeeAlso],
    pub cite: &'static [Cite],
}

/// A record a glossary term points to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SeeAlso {
    /// Index into [`Dataset::orgs`].
    Org(u16),
    /// Index into [`Dataset::events`].
    Event(u32),
    /// Index into [`Dataset::disputes`].
    Dispute(u16),
    /// Index into [`Dataset::people`].
    Person(u16),
}

/// Record indices sorted by id, for [`Dataset`]'s lookups by id.
#[derive(Debug, PartialEq)]
pub struct IdIndex {
    pub events: &'static [u32],
    pub schemes: &'static [u32],
}

/// A part of the home page's orientation (`data/intro.toml`), in Tarikh's own words.
#[derive(Debug, PartialEq)]
pub struct IntroPart {
    pub id: &'static str,
    pub heading: &'static str,
    pub text: &'static str,
    /// The events it names (indices into [`Dataset::events`]), shown as links.
    pub events: &'static [u32],
    /// The people it names (indices into [`Dataset::people`]), shown as links.
    pub people: &'static [u16],
    pub cite: &'static [Cite],
}

/// A guided tour (`data/tours.toml`): a titled sequence of events in date
/// order, each with a short introduction.
#[derive(Debug, PartialEq)]
pub struct Tour {
    pub id: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
    pub cite: &'static [Cite],
    pub steps: &'static [Step],
}

/// One step of a tour: an event and what to notice about it.
#[derive(Debug, PartialEq)]
pub struct Step {
    /// Index into [`Dataset::events`].
    pub event: u32,
    pub text: &'static str,
    pub cite: &'static [Cite],
}

/// The whole dataset. People, places, organisations, disputes and glossary terms
/// are sorted by id; events chronologically (then by id); sources and schemes keep file order.
#[derive(Debug, PartialEq)]
pub struct Dataset {
    pub sources: &'static [Source],
    pub tags: &'static [Term],
    pub event_types: &'static [Term],
    pub relation_kinds: &'static [Term],
    pub place_kinds: &'static [Term],
    pub org_kinds: &'static [Term],
    pub events: &'static [Event],
    pub people: &'static [Person],
    pub places: &'static [Place],
    pub orgs: &'static [Org],
    pub schemes: &'static [Scheme],
    pub disputes: &'static [Dispute],
    pub glossary: &'static [Gloss],
    /// The home page's orientation, in order.
    pub intro: &'static [IntroPart],
    /// The guided tours, in file order.
    pub tours: &'static [Tour],
    pub by_id: IdIndex,
}

/// A relation seen from one person: as recorded, or derived from the other side.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Link {
    /// Index into [`Dataset::relation_kinds`]: what `other` is to the person.
    pub kind: u8,
    /// Index into [`Dataset::people`].
    pub other: u16,
    pub note: Option<&'static str>,
    pub cite: &'static [Cite],
    /// Recorded on the other person (the kind is inverted: parent ⇄ child,
    /// teacher ⇄ student; the rest are symmetric).
    pub derived: bool,
}

fn find_sorted<T>(items: &'static [T], id: &str, key: impl Fn(&T) -> &str) -> Option<usize> {
    items.binary_search_by(|x| key(x).cmp(id)).ok()
}

fn find_indexed<T>(
    items: &'static [T],
    index: &[u32],
    id: &str,
    key: impl Fn(&T) -> &str,
) -> Option<usize> {
    index
        .binary_search_by(|&i| key(&items[i as usize]).cmp(id))
        .ok()
        .map(|k| index[k] as usize)
}

/// The inverse of a relation kind: "`to` is my parent" ⇄ "I am `to`'s child".
pub fn inverse_relation(kind: &str) -> &str {
    match kind {
        "parent" => "child",
        "child" => "parent",
        "teacher" => "student",
        "student" => "teacher",
        other => other,
    }
}

impl Dataset {
    pub fn source(&self, id: &str) -> Option<&'static Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    pub fn event_index(&self, id: &str) -> Option<usize> {
        find_indexed(self.events, self.by_id.events, id, |e| e.id)
    }

    pub fn event(&self, id: &str) -> Option<&'static Event> {
        self.event_index(id).map(|i| &self.events[i])
    }

    pub fn person_index(&self, id: &str) -> Option<usize> {
        find_sorted(self.people, id, |p| p.id)
    }

    pub fn person(&self, id: &str) -> Option<&'static Person> {
        self.person_index(id).map(|i| &self.people[i])
    }

    pub fn place_index(&self, id: &str) -> Option<usize> {
        find_sorted(self.places, id, |p| p.id)
    }

    pub fn place(&self, id: &str) -> Option<&'static Place> {
        self.place_index(id).map(|i| &self.places[i])
    }

    pub fn org_index(&self, id: &str) -> Option<usize> {
        find_sorted(self.orgs, id, |o| o.id)
    }

    pub fn org(&self, id: &str) -> Option<&'static Org> {
        self.org_index(id).map(|i| &self.orgs[i])
    }

    pub fn dispute_index(&self, id: &str) -> Option<usize> {
        find_sorted(self.disputes, id, |d| d.id)
    }

    pub fn dispute(&self, id: &str) -> Option<&'static Dispute> {
        self.dispute_index(id).map(|i| &self.disputes[i])
    }

    pub fn gloss_index(&self, id: &str) -> Option<usize> {
        find_sorted(self.glossary, id, |t| t.id)
    }

    pub fn gloss(&self, id: &str) -> Option<&'static Gloss> {
        self.gloss_index(id).map(|i| &self.glossary[i])
    }

    pub fn scheme(&self, id: &str) -> Option<&'static Scheme> {
        find_indexed(self.schemes, self.by_id.schemes, id, |s| s.id).map(|i| &self.schemes[i])
    }

    pub fn tag(&self, id: &str) -> Option<u8> {
        self.tags.iter().position(|t| t.id == id).map(|i| i as u8)
    }

    pub fn event_type(&self, id: &str) -> Option<u8> {
        self.event_types
            .iter()
            .position(|t| t.id == id)
            .map(|i| i as u8)
    }

    /// The events a person takes part in, chronologically.
    pub fn events_of(&self, person: &Person) -> impl Iterator<Item = &'static Event> {
        let events = self.events;
        person.events.iter().map(move |&i| &events[i as usize])
    }

    /// The events at a place, chronologically.
    pub fn events_at(&self, place: &Place) -> impl Iterator<Item = &'static Event> {
        let events = self.events;
        place.events.iter().map(move |&i| &events[i as usize])
    }

    /// The events involving an organisation, chronologically.
    pub fn events_of_org(&self, org: &Org) -> impl Iterator<Item = &'static Event> {
        let events = self.events;
        org.events.iter().map(move |&i| &events[i as usize])
    }

    /// The events carrying a tag, chronologically.
    pub fn events_tagged(&self, tag: u8) -> impl Iterator<Item = &'static Event> {
        self.events.iter().filter(move |e| e.tags.contains(&tag))
    }

    /// The disputes that involve a person.
    pub fn disputes_of(&self, person: u16) -> impl Iterator<Item = &'static Dispute> {
        self.disputes
            .iter()
            .filter(move |d| d.people.contains(&person))
    }

    /// A person's relations from both sides: those recorded on the person, then those
    /// recorded on others (with the kind inverted).
    pub fn links_of(&self, person: u16) -> Vec<Link> {
        let mut links: Vec<Link> = self.people[person as usize]
            .relations
            .iter()
            .map(|r| Link {
                kind: r.kind,
                other: r.to,
                note: r.note,
                cite: r.cite,
                derived: false,
            })
            .collect();
        for (i, p) in self.people.iter().enumerate() {
            for r in p.relations.iter().filter(|r| r.to == person) {
                let kind = inverse_relation(self.relation_kinds[r.kind as usize].id);
                let kind = self.relation_kinds.iter().position(|t| t.id == kind);
                links.push(Link {
                    kind: kind.map_or(r.kind, |k| k as u8),
                    other: i as u16,
                    note: r.note,
                    cite: r.cite,
                    derived: true,
                });
            }
        }
        links
    }

    /// The citation as `data/` writes it: `moscow-cage:57` or `moscow-cage:57-59`.
    pub fn cite_locator(&self, c: &Cite) -> String {
        let id = self.sources[c.source as usize].id;
        if c.from == c.to {
            format!("{id}:{}", c.from)
        } else {
            format!("{id}:{}-{}", c.from, c.to)
        }
    }

    /// The section heading the citation's first paragraph falls under.
    pub fn cite_section(&self, c: &Cite) -> Option<&'static str> {
        self.sources[c.source as usize]
            .section_of(c.from)
            .map(|s| s.heading)
    }

    /// Human text for a citation: the source's title, the section heading and the
    /// paragraph number(s), e.g. `Alash Autonomy, “See also”, ¶ 9` or `…, ¶ 57–59`.
    pub fn cite_text(&self, c: &Cite) -> String {
        let source = &self.sources[c.source as usize];
        let paras = format!("¶ {}", c.paragraphs());
        match self.cite_section(c) {
            Some(h) => format!("{}, “{h}”, {paras}", source.title),
            None => format!("{}, {paras}", source.title),
        }
    }

    /// Several citations grouped by source (in order of first mention), then by
    /// the section their first paragraph falls under; a repeated citation once.
    pub fn cite_groups(&self, cites: &[Cite]) -> Vec<CiteGroup> {
        let mut groups: Vec<CiteGroup> = Vec::new();
        for c in cites {
            let section = self.cite_section(c);
            let g = match groups.iter().position(|g| g.source == c.source) {
                Some(i) => &mut groups[i].sections,
                None => {
                    groups.push(CiteGroup {
                        source: c.source,
                        sections: Vec::new(),
                    });
                    &mut groups.last_mut().expect("just pushed").sections
                }
            };
            match g.iter_mut().find(|(h, _)| *h == section) {
                Some((_, cs)) => {
                    if !cs.iter().any(|d| (d.from, d.to) == (c.from, c.to)) {
                        cs.push(*c)
                    }
                }
                None => g.push((section, vec![*c])),
            }
        }
        groups
    }

    /// Several citations as one compact line, grouped by source and then by
    /// section, in the order given: `Moscow Cage: “Arrest” ¶ 47, 49–50; “Exile” ¶ 82
    /// · Alash Autonomy: ¶ 9`.
    pub fn cites_text(&self, cites: &[Cite]) -> String {
        self.cite_groups(cites)
            .iter()
            .map(|g| {
                let parts: Vec<String> = g
                    .sections
                    .iter()
                    .map(|(h, cs)| {
                        let ps: Vec<String> = cs.iter().map(Cite::paragraphs).collect();
                        match h {
                            Some(h) => format!("“{h}” ¶ {}", ps.join(", ")),
                            None => format!("¶ {}", ps.join(", ")),
                        }
                    })
                    .collect();
                format!(
                    "{}: {}",
                    self.sources[g.source as usize].title,
                    parts.join("; ")
                )
            })
            .collect::<Vec<_>>()
            .join(" · ")
    }

    /// Several citations at their shortest, one line per source in order of
    /// first mention: its short title and the paragraphs (`Moscow Cage ¶ 231,
    /// 236, 239–240`), for a printed answer key where space is short.
    pub fn cites_brief(&self, cites: &[Cite]) -> Vec<String> {
        self.cite_groups(cites)
            .iter()
            .map(|g| {
                let ps: Vec<String> = g
                    .sections
                    .iter()
                    .flat_map(|(_, cs)| cs.iter().map(Cite::paragraphs))
                    .collect();
                format!(
                    "{} ¶ {}",
                    self.sources[g.source as usize].short,
                    ps.join(", ")
                )
            })
            .collect()
    }

    /// The names of the sources that use a name, joined with commas.
    pub fn name_sources(&self, name: &Name) -> String {
        name.sources
            .iter()
            .map(|&s| self.sources[s as usize].title)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

#[cfg(test)]
mod tests;
