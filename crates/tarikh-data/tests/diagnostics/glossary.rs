//! The glossary (`glossary.toml`): its fields, spellings, headword, `see` links and
//! citations; and quoted roles in `people.toml`.

use super::*;

/// The glossary file with the fixture's people, orgs, events and disputes to link to.
fn glossary_problems(glossary: &str) -> Vec<String> {
    let valid = |f: &str| std::fs::read_to_string(Path::new(VALID).join(f)).unwrap();
    let (people, orgs, disputes) = (
        valid("people.toml"),
        valid("orgs.toml"),
        valid("disputes.toml"),
    );
    let events = valid("events/main.toml");
    let places = valid("places.toml");
    problems(&[
        ("glossary.toml", glossary),
        ("people.toml", &people),
        ("orgs.toml", &orgs),
        ("disputes.toml", &disputes),
        ("places.toml", &places),
        ("events/main.toml", &events),
    ])
}

#[test]
fn a_valid_glossary_passes() {
    let g = r#"
[[term]]
id = "alash-orda"
term = "Alash Orda"
spellings = [{ name = "Alash Orda", src = ["enc-alash"] }]
definition = "The government of the Alash autonomy."
see = ["org:alash-orda", "event:alash-orda-formed", "dispute:arrest-1922-date", "person:oktay"]
cite = ["enc-alash:7"]
"#;
    check(glossary_problems(g), expect![[""]]);
}

#[test]
fn missing_fields_and_a_term_without_spellings() {
    let g = r#"
[[term]]
id = "alash"
spellings = []
cite = []
colour = "red"

[[term]]
term = "Sarts"
spellings = [{ name = "Sarts" }, { src = ["basmachi"] }]
definition = "  "
cite = ["basmachi:16"]
"#;
    check(
        glossary_problems(g),
        expect![[r#"
        data/glossary.toml:1:1: missing field `definition` in term
        data/glossary.toml:1:1: missing field `term` in term
        data/glossary.toml:1:1: term has no `spellings` (list every form the sources print, with `src`)
        data/glossary.toml:4:8: term has no citation (`cite` is empty)
        data/glossary.toml:5:1: unknown field `colour` in term (expected one of: id, term, spellings, definition, usage, see, cite)
        data/glossary.toml:7:1: missing field `id` in term
        data/glossary.toml:9:14: spelling has no source (`src` is missing)
        data/glossary.toml:9:34: missing field `name` in spelling
        data/glossary.toml:10:14: `definition` is empty
    "#]],
    );
}

#[test]
fn bad_citations_and_unknown_sources() {
    let g = r#"
[[term]]
id = "waqf"
term = "waqf"
spellings = [{ name = "waqf", src = ["basmachi", "no-source"] }]
definition = "Lands."
cite = ["basmachi:99", "basmachi", "nowhere:1", "basmachi:5-3"]
"#;
    check(
        glossary_problems(g),
        expect![[r#"
        data/glossary.toml:4:50: unknown source "no-source" (not in sources.toml)
        data/glossary.toml:6:9: citation "basmachi:99": basmachi has only 71 paragraphs
        data/glossary.toml:6:24: bad citation "basmachi": expected "<source-id>:<paragraph>" or "<source-id>:<first>-<last>"
        data/glossary.toml:6:36: citation "nowhere:1": unknown source "nowhere"
        data/glossary.toml:6:49: citation "basmachi:5-3": the paragraph range ends before it starts
    "#]],
    );
}

#[test]
fn unknown_links() {
    let g = r#"
[[term]]
id = "alash-orda"
term = "Alash Orda"
spellings = [{ name = "Alash Orda", src = ["enc-alash"] }]
definition = "The government."
see = ["org:no-org", "event:no-event", "dispute:no-dispute", "person:nobody", "place:semey", "alash-orda", "org:alash-orda", "org:alash-orda"]
cite = ["enc-alash:7"]
"#;
    check(
        glossary_problems(g),
        expect![[r#"
        data/glossary.toml:6:8: unknown org "no-org"
        data/glossary.toml:6:22: unknown event "no-event"
        data/glossary.toml:6:40: unknown dispute "no-dispute"
        data/glossary.toml:6:62: unknown person "nobody"
        data/glossary.toml:6:79: bad `see` "place:semey": "place" is no kind of record (expected "org:<id>", "event:<id>", "dispute:<id>" or "person:<id>")
        data/glossary.toml:6:94: bad `see` "alash-orda": expected "org:<id>", "event:<id>", "dispute:<id>" or "person:<id>"
        data/glossary.toml:6:126: "org:alash-orda" appears twice in `see`
    "#]],
    );
}

#[test]
fn headwords_and_spellings() {
    let g = r#"
[[term]]
id = "kadets"
term = "Kadets"
spellings = [{ name = "Constitutional Democratic Party", src = ["moscow-cage"] }]
definition = "A party."
cite = ["moscow-cage:7"]

[[term]]
id = "alash"
term = "Alash"
spellings = [{ name = "Alash", src = ["enc-alash"] }, { name = "Alash", src = ["moscow-cage"] }]
definition = "A slogan."
cite = ["enc-alash:7"]

[[term]]
id = "alash-2"
term = "alash"
spellings = [{ name = "ALASH", src = ["enc-alash"] }]
definition = "Again."
cite = ["enc-alash:7"]

[[term]]
id = "alash"
term = "Alash"
spellings = [{ name = "Alash", src = ["enc-alash"] }]
definition = "Thrice."
cite = ["enc-alash:7"]
"#;
    check(
        glossary_problems(g),
        expect![[r#"
        data/glossary.toml:3:8: the headword "Kadets" is none of the term's spellings (add it to `spellings`, or say in `usage` why Tarikh writes it so)
        data/glossary.toml:11:64: "Alash" appears twice in `spellings` (list it once, with all its sources)
        data/glossary.toml:17:8: "alash" is also a spelling of term "alash" (at data/glossary.toml:10:8): a spelling names one term
        data/glossary.toml:17:8: the headword "alash" is none of the term's spellings (add it to `spellings`, or say in `usage` why Tarikh writes it so)
        data/glossary.toml:23:6: duplicate term id "alash" (first at data/glossary.toml:9:6)
        data/glossary.toml:24:8: "Alash" is also a spelling of term "alash" (at data/glossary.toml:10:8): a spelling names one term
    "#]],
    );
}

#[test]
fn quoted_roles() {
    let people = r#"
[[person]]
id = "p"
name = "P"
summary = "S"
names = [{ name = "P", src = ["moscow-cage"] }]
tags = ["alash"]
roles = [
  { role = "Chairman of the State Planning Committee", quoted = true, cite = ["moscow-cage:74"] },
  { role = "“Chairman” of the People’s Council", quoted = true, cite = ["moscow-cage:74"] },
  { role = "Head of the \"Central Office\"", cite = ["moscow-cage:74"] },
  { role = "Member", quoted = "yes", cite = ["moscow-cage:74"] },
]
cite = ["moscow-cage:74"]
"#;
    check(
        problems(&[("people.toml", people)]),
        expect![[r#"
        data/people.toml:9:12: a quoted role is written without quotation marks (the app shows it as a quotation)
        data/people.toml:11:31: `quoted` must be true or false, found a string
    "#]],
    );
}
