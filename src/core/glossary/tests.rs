//! Term matching on a small glossary of its own.

use super::*;
use crate::core::model::{Gloss, IdIndex, Name};

const fn term(id: &'static str, term: &'static str, spellings: &'static [Name]) -> Gloss {
    Gloss {
        id,
        term,
        spellings,
        definition: "",
        usage: None,
        see: &[],
        cite: &[],
    }
}

const fn n(name: &'static str) -> Name {
    Name { name, sources: &[] }
}

static DS: Dataset = Dataset {
    sources: &[],
    tags: &[],
    event_types: &[],
    relation_kinds: &[],
    place_kinds: &[],
    org_kinds: &[],
    events: &[],
    people: &[],
    places: &[],
    orgs: &[],
    schemes: &[],
    disputes: &[],
    // Sorted by id, as the build writes them.
    intro: &[],
    tours: &[],
    glossary: &[
        term("alash", "Alash", &[n("Alash"), n("Alaş")]),
        term(
            "alash-orda",
            "Alash Orda",
            &[n("Alash Orda"), n("Alash-Orda")],
        ),
        term("basmachi", "Basmachi", &[n("Basmachi"), n("Basmachestvo")]),
        term("jihad", "jihad", &[n("jihad")]),
        term(
            "kadets",
            "Kadets",
            &[n("Constitutional Democratic Party"), n("People's Freedom")],
        ),
        term(
            "ogpu-nkvd",
            "OGPU / NKVD",
            &[n("GPU"), n("OGPU"), n("NKVD")],
        ),
        term("tore", "tore", &[n("tore sultans")]),
    ],
    by_id: IdIndex {
        events: &[],
        schemes: &[],
    },
};

/// The spans as (words, term id).
fn found(text: &str) -> Vec<(&str, &'static str)> {
    Matcher::new(&DS)
        .spans(text)
        .into_iter()
        .map(|s| (&text[s.start..s.end], DS.glossary[s.term as usize].id))
        .collect()
}

#[test]
fn every_spelling_and_the_headword_are_found() {
    assert_eq!(
        found("Alaş and Alash; the Kadets, or the Constitutional Democratic Party."),
        [
            ("Alaş", "alash"),
            ("Alash", "alash"),
            ("Kadets", "kadets"),
            ("Constitutional Democratic Party", "kadets"),
        ]
    );
    assert_eq!(
        found("The GPU, then the OGPU and the NKVD"),
        [
            ("GPU", "ogpu-nkvd"),
            ("OGPU", "ogpu-nkvd"),
            ("NKVD", "ogpu-nkvd"),
        ]
    );
    assert_eq!(found("Nothing here."), []);
    assert_eq!(found(""), []);
}

#[test]
fn the_longest_form_wins() {
    assert_eq!(
        found("Alash Orda, Alash-Orda and Alash"),
        [
            ("Alash Orda", "alash-orda"),
            ("Alash-Orda", "alash-orda"),
            ("Alash", "alash"),
        ]
    );
}

#[test]
fn whole_words_only() {
    // Inside a longer word, a term is no term; hyphens and apostrophes are
    // boundaries.
    assert_eq!(found("Alashist OGPUs XNKVD Basmachis"), []);
    assert_eq!(
        found("anti-Basmachi forces; Alash's aims (Basmachestvo)"),
        [
            ("Basmachi", "basmachi"),
            ("Alash", "alash"),
            ("Basmachestvo", "basmachi"),
        ]
    );
    // At the very end and start of the text.
    assert_eq!(found("Basmachi"), [("Basmachi", "basmachi")]);
}

#[test]
fn case_counts_but_a_sentence_may_start_with_a_capital() {
    // "the basmachi article" is a source, not the movement.
    assert_eq!(found("as the basmachi article says"), []);
    assert_eq!(found("nkvd Kadet"), []);
    // A lower-case term, capitalised at the start of a sentence.
    assert_eq!(found("Jihad was declared."), [("Jihad", "jihad")]);
    assert_eq!(found("He called. “Jihad!”"), [("Jihad", "jihad")]);
    assert_eq!(found("a jihad"), [("jihad", "jihad")]);
    // …but not in the middle of one: Smakhan Tore is a name.
    assert_eq!(found("Smakhan Tore wrote"), []);
    assert_eq!(found("one of the tore sultans"), [("tore sultans", "tore")]);
    // And never the other way round: an upper-case spelling stays upper case.
    assert_eq!(found("Kadets. kadets"), [("Kadets", "kadets")]);
}

#[test]
fn apostrophes_of_either_kind_match() {
    assert_eq!(
        found("the People’s Freedom party"),
        [("People’s Freedom", "kadets")]
    );
    assert_eq!(
        found("the People's Freedom party"),
        [("People's Freedom", "kadets")]
    );
}

#[test]
fn spans_are_byte_offsets_into_the_text() {
    let text = "Ünïcode — Alaş Orda? No: Alaş.";
    let spans = Matcher::new(&DS).spans(text);
    assert_eq!(spans.len(), 2);
    assert_eq!(&text[spans[0].start..spans[0].end], "Alaş");
    assert_eq!(&text[spans[1].start..spans[1].end], "Alaş");
}

#[test]
fn a_page_links_each_term_where_it_first_appears() {
    let m = Matcher::new(&DS);
    let mut page = Page::new(&m);
    let alash = 0;
    let basmachi = 2;
    // The title first, then the summary: the summary's Alash is the second.
    assert_eq!(
        page.pieces("Alash and the Basmachi"),
        [
            Piece::Term("Alash", alash),
            Piece::Text(" and the "),
            Piece::Term("Basmachi", basmachi),
        ]
    );
    assert_eq!(
        page.pieces("Alash again, then Alash Orda. Basmachi."),
        [
            Piece::Text("Alash again, then "),
            Piece::Term("Alash Orda", 1),
            Piece::Text(". Basmachi."),
        ]
    );
    // Every term seen: the text comes back whole.
    assert_eq!(page.pieces("Alash Orda"), [Piece::Text("Alash Orda")]);
    assert_eq!(page.pieces(""), [Piece::Text("")]);
    // A new page starts again.
    let mut other = Page::new(&m);
    assert_eq!(
        other.pieces("The Alash."),
        [
            Piece::Text("The "),
            Piece::Term("Alash", alash),
            Piece::Text("."),
        ]
    );
}

#[test]
fn the_pieces_put_together_are_the_text() {
    let m = Matcher::new(&DS);
    for text in [
        "Alash Orda and the Basmachi; jihad, Jihad. The NKVD’s troika",
        "Alash Alash Alash",
        "—",
    ] {
        let mut page = Page::new(&m);
        let joined: String = page
            .pieces(text)
            .iter()
            .map(|p| match p {
                Piece::Text(t) | Piece::Term(t, _) => *t,
            })
            .collect();
        assert_eq!(joined, text);
    }
}

#[test]
fn the_list_is_alphabetical_by_headword_whatever_the_case() {
    let heads: Vec<&str> = alphabetical(&DS)
        .into_iter()
        .map(|i| DS.glossary[i as usize].term)
        .collect();
    assert_eq!(
        heads,
        [
            "Alash",
            "Alash Orda",
            "Basmachi",
            "jihad",
            "Kadets",
            "OGPU / NKVD",
            "tore"
        ]
    );
}
