//! The integrity of the real compiled `DATASET` (what the pipeline's checks must
//! guarantee, seen from the app), and (`traceability`) the dataset against the
//! source texts. The pipeline's own diagnostics are tested in its crate
//! (`crates/tarikh-data/tests/`).

mod reader;
mod traceability;
use tarikh_data as pipeline;

use tarikh::core::dataset::DATASET;

#[test]
fn every_event_is_cited() {
    for e in DATASET.events {
        assert!(!e.cite.is_empty(), "event {} has no citation", e.id);
    }
}

#[test]
fn every_citation_is_within_its_source() {
    let all = DATASET
        .events
        .iter()
        .flat_map(|e| e.cite.iter().chain(e.quote.as_ref().map(|q| &q.cite)))
        .chain(DATASET.people.iter().flat_map(|p| p.cite))
        .chain(DATASET.places.iter().flat_map(|p| p.cite))
        .chain(DATASET.orgs.iter().flat_map(|o| o.cite))
        .chain(
            DATASET
                .disputes
                .iter()
                .flat_map(|d| d.claims.iter().flat_map(|c| c.cite)),
        )
        .chain(DATASET.glossary.iter().flat_map(|g| g.cite));
    for c in all {
        let s = &DATASET.sources[c.source as usize];
        assert!(
            1 <= c.from && c.from <= c.to && c.to <= s.paragraphs,
            "{}",
            DATASET.cite_locator(c)
        );
        assert!(!DATASET.cite_text(c).is_empty());
    }
}

#[test]
fn every_person_appears_in_an_event_or_a_relation() {
    let related: Vec<u16> = DATASET
        .people
        .iter()
        .flat_map(|p| p.relations.iter().map(|r| r.to))
        .collect();
    for (i, p) in DATASET.people.iter().enumerate() {
        let found =
            !p.events.is_empty() || !p.relations.is_empty() || related.contains(&(i as u16));
        assert!(found, "person {} is in no event and no relation", p.id);
    }
}

#[test]
fn every_place_has_coordinates() {
    for p in DATASET.places {
        assert!(
            (-90.0..=90.0).contains(&p.lat) && (-180.0..=180.0).contains(&p.lon),
            "place {}",
            p.id
        );
        assert!(p.lat != 0.0 || p.lon != 0.0, "place {} sits at 0,0", p.id);
    }
}

#[test]
fn ids_are_unique_and_found_by_lookup() {
    fn unique<'a>(kind: &str, ids: impl Iterator<Item = &'a str>) {
        let mut ids: Vec<&str> = ids.collect();
        let n = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), n, "duplicate {kind} ids");
    }
    unique("event", DATASET.events.iter().map(|x| x.id));
    unique("person", DATASET.people.iter().map(|x| x.id));
    unique("place", DATASET.places.iter().map(|x| x.id));
    unique("org", DATASET.orgs.iter().map(|x| x.id));
    unique("dispute", DATASET.disputes.iter().map(|x| x.id));
    unique("scheme", DATASET.schemes.iter().map(|x| x.id));
    unique("source", DATASET.sources.iter().map(|x| x.id));
    unique("glossary term", DATASET.glossary.iter().map(|x| x.id));
    for (i, g) in DATASET.glossary.iter().enumerate() {
        assert_eq!(DATASET.gloss_index(g.id), Some(i));
    }
    for (i, e) in DATASET.events.iter().enumerate() {
        assert_eq!(DATASET.event_index(e.id), Some(i));
    }
    for (i, p) in DATASET.people.iter().enumerate() {
        assert_eq!(DATASET.person_index(p.id), Some(i));
    }
    for (i, p) in DATASET.places.iter().enumerate() {
        assert_eq!(DATASET.place_index(p.id), Some(i));
    }
    for (i, o) in DATASET.orgs.iter().enumerate() {
        assert_eq!(DATASET.org_index(o.id), Some(i));
    }
    for (i, d) in DATASET.disputes.iter().enumerate() {
        assert_eq!(DATASET.dispute_index(d.id), Some(i));
    }
    for s in DATASET.schemes {
        assert_eq!(DATASET.scheme(s.id).map(|x| x.id), Some(s.id));
    }
}

#[test]
fn events_are_in_chronological_order() {
    for w in DATASET.events.windows(2) {
        let (a, b) = (&w[0], &w[1]);
        assert!(
            (a.date.sort_key(), a.id) < (b.date.sort_key(), b.id),
            "{} before {}",
            a.id,
            b.id
        );
    }
}

#[test]
fn derived_links_agree() {
    for (i, e) in DATASET.events.iter().enumerate() {
        for &p in e.people {
            assert!(DATASET.people[p as usize].events.contains(&(i as u32)));
        }
        for &d in e.disputes {
            assert!(DATASET.disputes[d as usize].events.contains(&(i as u32)));
        }
    }
}

#[test]
fn covers_at_least_150_events() {
    assert!(
        DATASET.events.len() >= 150,
        "{} events",
        DATASET.events.len()
    );
}

#[test]
fn covers_at_least_80_people() {
    assert!(
        DATASET.people.len() >= 80,
        "{} people",
        DATASET.people.len()
    );
}

#[test]
fn covers_at_least_20_disputes() {
    assert!(
        DATASET.disputes.len() >= 20,
        "{} disputes",
        DATASET.disputes.len()
    );
}

/// The glossary has the terms issue #20 asks for (under the spellings the
/// sources print; "kurultai" is in no source), each cited, and Basmachi says why
/// Tarikh uses a name Soviet sources chose as a pejorative.
#[test]
fn the_glossary_has_the_terms_asked_for() {
    for id in [
        "alash",
        "alash-orda",
        "basmachi",
        "jadid",
        "kadets",
        "sart",
        "young-khivans",
        "young-bukharians",
        "turkestan-commission",
        "ogpu-nkvd",
        "waqf",
        "kirghiz",
    ] {
        let g = DATASET
            .gloss(id)
            .unwrap_or_else(|| panic!("no glossary term {id}"));
        assert!(!g.cite.is_empty() && !g.spellings.is_empty(), "{id}");
    }
    assert!(
        DATASET.glossary.len() >= 25,
        "{} terms",
        DATASET.glossary.len()
    );
    let b = DATASET.gloss("basmachi").unwrap();
    assert!(b.definition.contains("pejorative"), "{}", b.definition);
    assert!(b
        .usage
        .is_some_and(|u| u.contains("Tarikh uses 'Basmachi'")));
    let k = DATASET.gloss("kirghiz").unwrap();
    assert!(k.definition.contains("the Kazakhs themselves"));
}

/// The roles that quote an official title (issue #20: 24 were marked with a
/// comment before the data had a field for it).
#[test]
fn quoted_titles_are_marked_in_the_data() {
    let quoted: Vec<&str> = (DATASET.people.iter())
        .flat_map(|p| p.roles.iter().filter(|r| r.quoted).map(|r| r.role))
        .collect();
    assert!(quoted.len() >= 24, "{quoted:?}");
    assert!(quoted.contains(&"Chairman of the State Planning Committee of the USSR"));
}

#[test]
fn the_compiled_dataset_marks_approximate_places() {
    // Jeltau: the source locates it only in the Karkaraly district.
    assert!(DATASET.place("jeltau").is_some_and(|p| p.approx));
    assert!(DATASET.place("orenburg").is_some_and(|p| !p.approx));
}

/// Glossary terms in the real titles and summaries: the 1920 Kyrgyz ASSR links
/// to Kirghiz (the Kazakh republic), and "the basmachi article" (a source, in
/// lower case) is never taken for the movement.
#[test]
fn glossary_terms_are_found_in_the_real_texts() {
    use tarikh::core::glossary::Matcher;
    let m = Matcher::new(&DATASET);
    let kirghiz = DATASET.gloss_index("kirghiz").unwrap() as u16;
    let renamed = DATASET.event("kazak-assr-renamed-1925").expect("event");
    let spans = m.spans(renamed.summary);
    assert!(
        spans
            .iter()
            .any(|s| s.term == kirghiz && &renamed.summary[s.start..s.end] == "Kyrgyz"),
        "{}",
        renamed.summary
    );
    let texts = (DATASET.events.iter()).flat_map(|e| [e.title, e.summary]);
    let mut lower_case_source = 0;
    for t in texts {
        lower_case_source += t.matches("basmachi article").count();
        for s in m.spans(t) {
            assert_ne!(&t[s.start..s.end], "basmachi", "{t}");
        }
    }
    // Texts name sources by their short titles now ("the Basmachi movement
    // article"), never by id: the build rejects "basmachi article".
    assert_eq!(lower_case_source, 0, "a text names a source by its id");
}
