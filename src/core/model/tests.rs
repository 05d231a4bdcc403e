//! The model's helpers on a tiny hand-written dataset.

use super::*;
use crate::core::date::{Date, Part, Point};

const P: fn(i16) -> Point = |year| Point {
    year,
    part: Part::Year,
    approx: false,
};

static TINY: Dataset = Dataset {
    sources: &[Source {
        id: "s",
        title: "A Source",
        short: "A Source",
        untitled: false,
        author: None,
        container: None,
        kind: "essay",
        about: "",
        note: None,
        file: "s.txt",
        paragraphs: 20,
        sections: &[
            Section {
                heading: "One",
                from: 1,
                inferred: false,
            },
            Section {
                heading: "Two",
                from: 10,
                inferred: false,
            },
        ],
    }],
    tags: &[Term {
        id: "alash",
        name: "alash",
        description: "",
    }],
    event_types: &[Term {
        id: "other",
        name: "other",
        description: "",
    }],
    relation_kinds: &[
        Term {
            id: "parent",
            name: "parent",
            description: "",
        },
        Term {
            id: "child",
            name: "child",
            description: "",
        },
        Term {
            id: "ally",
            name: "ally",
            description: "",
        },
    ],
    place_kinds: &[],
    org_kinds: &[],
    events: &[
        Event {
            id: "z-first",
            date: Date::On(Point {
                year: 1917,
                part: Part::Year,
                approx: false,
            }),
            title: "",
            summary: "",
            key: false,
            kind: 0,
            tags: &[0],
            people: &[0],
            places: &[],
            orgs: &[],
            disputes: &[],
            quote: None,
            cite: &[Cite {
                source: 0,
                from: 9,
                to: 11,
            }],
        },
        Event {
            id: "a-second",
            date: Date::On(Point {
                year: 1918,
                part: Part::Year,
                approx: false,
            }),
            title: "",
            summary: "",
            key: false,
            kind: 0,
            tags: &[],
            people: &[0, 1],
            places: &[],
            orgs: &[],
            disputes: &[],
            quote: None,
            cite: &[Cite {
                source: 0,
                from: 12,
                to: 12,
            }],
        },
    ],
    people: &[
        Person {
            id: "a",
            name: "A",
            summary: "",
            key: false,
            names: &[Name {
                name: "A",
                sources: &[0],
            }],
            epithets: &[],
            born: None,
            died: None,
            tags: &[],
            affiliations: &[],
            roles: &[],
            relations: &[Relation {
                kind: 0,
                to: 1,
                note: Some("father"),
                cite: &[],
            }],
            cite: &[],
            events: &[0, 1],
        },
        Person {
            id: "b",
            name: "B",
            summary: "",
            key: false,
            names: &[],
            epithets: &[],
            born: None,
            died: None,
            tags: &[],
            affiliations: &[],
            roles: &[],
            relations: &[Relation {
                kind: 2,
                to: 0,
                note: None,
                cite: &[],
            }],
            cite: &[],
            events: &[1],
        },
    ],
    places: &[],
    orgs: &[],
    schemes: &[],
    disputes: &[],
    glossary: &[],
    intro: &[],
    tours: &[],
    by_id: IdIndex {
        events: &[1, 0],
        schemes: &[],
    },
};

#[test]
fn lookups_by_id() {
    assert_eq!(TINY.event("z-first").unwrap().date, Date::On(P(1917)));
    assert_eq!(TINY.event_index("a-second"), Some(1));
    assert!(TINY.event("nope").is_none());
    assert_eq!(TINY.person("b").unwrap().name, "B");
    assert_eq!(TINY.person_index("a"), Some(0));
    assert!(TINY.person("c").is_none());
    assert_eq!(TINY.source("s").unwrap().paragraphs, 20);
    assert_eq!(TINY.tag("alash"), Some(0));
    let a = TINY.person("a").unwrap();
    let ids: Vec<&str> = TINY.events_of(a).map(|e| e.id).collect();
    assert_eq!(ids, ["z-first", "a-second"]);
    assert_eq!(TINY.events_tagged(0).count(), 1);
}

#[test]
fn citation_text() {
    let c = TINY.events[0].cite[0];
    assert_eq!(TINY.cite_locator(&c), "s:9-11");
    assert_eq!(TINY.cite_section(&c), Some("One"));
    assert_eq!(TINY.cite_text(&c), "A Source, “One”, ¶ 9–11");
    let c = TINY.events[1].cite[0];
    assert_eq!(TINY.cite_locator(&c), "s:12");
    assert_eq!(TINY.cite_text(&c), "A Source, “Two”, ¶ 12");
    assert_eq!(TINY.name_sources(&TINY.people[0].names[0]), "A Source");
    // At their shortest: one line per source, every paragraph, no section.
    let both = [TINY.events[0].cite[0], TINY.events[1].cite[0]];
    let short = TINY.sources[0].short;
    assert_eq!(TINY.cites_brief(&both), [format!("{short} ¶ 9–11, 12")]);
}

#[test]
fn relations_are_seen_from_both_sides() {
    // a records "b is my parent"; b records "a is my ally".
    let a = TINY.links_of(0);
    assert_eq!(a.len(), 2);
    assert_eq!((a[0].kind, a[0].other, a[0].derived), (0, 1, false)); // parent b
    assert_eq!((a[1].kind, a[1].other, a[1].derived), (2, 1, true)); // ally b
    let b = TINY.links_of(1);
    assert_eq!((b[0].kind, b[0].other, b[0].derived), (2, 0, false)); // ally a
    assert_eq!((b[1].kind, b[1].other, b[1].derived), (1, 0, true)); // child a
    assert_eq!(b[1].note, Some("father"));
}
