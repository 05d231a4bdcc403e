//! What the reader reports: syntax errors, the files' tables, missing, unknown and
//! mistyped fields, blank text, empty lists.

use super::*;

#[test]
fn the_valid_fixture_passes_and_generates_the_dataset() {
    let outcome = pipeline::run(Path::new(VALID), "tests/fixtures/valid");
    let data = outcome
        .result
        .unwrap_or_else(|p| panic!("{}", p.join("\n")));
    assert_eq!(outcome.counts, [3, 3, 3, 1, 1, 1, 2]);
    let gloss = data.glossary.iter().find(|g| g.id == "alash-orda").unwrap();
    assert_eq!(gloss.term, "Alash Orda");
    assert!(gloss.see[0] == SeeAlso::Org(0));
    assert!(matches!(gloss.see[1], SeeAlso::Event(_)));
    let role = data
        .people
        .iter()
        .flat_map(|p| &p.roles)
        .find(|r| r.role == "Chairman of Alash Orda");
    assert!(role.unwrap().quoted);
    assert!(outcome.missing.is_empty());
    // Events are in date order: 1917 before 1922 before 1937.
    let at = |id: &str| data.events.iter().position(|e| e.id == id).unwrap();
    assert!(at("alash-orda-formed") < at("bukeikhan-arrested-1922"));
    assert!(at("bukeikhan-arrested-1922") < at("bukeikhan-executed"));
    // The blob and its reader are written; every text is stored once.
    let out = pipeline::codegen::generate(&data);
    assert!(out.code.contains("fn decode(r: &mut Reader) -> Dataset {"));
    assert!(out.code.contains("impl Read for Gloss {"));
    let once = |t: &str| {
        out.blob
            .windows(t.len())
            .filter(|w| *w == t.as_bytes())
            .count()
    };
    assert_eq!(once("Chairman of Alash Orda"), 1);
}

#[test]
fn missing_optional_files_are_empty() {
    assert_eq!(problems(&[]), Vec::<String>::new());
}

#[test]
fn vocab_toml_is_required() {
    let dir = dataset(&[]);
    std::fs::remove_file(dir.join("vocab.toml")).unwrap();
    let outcome = pipeline::run(&dir, "data");
    std::fs::remove_dir_all(&dir).unwrap();
    check(
        outcome.result.err().expect("problems"),
        expect![[r#"
        data/vocab.toml: missing (this file is required)
    "#]],
    );
}

#[test]
fn toml_syntax_errors() {
    let p = event_problems(
        r#"
[[event]]
id = "a"
title = 
summary = "x"
"#,
    );
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(
        p[0].starts_with("data/events/e.toml:3:9: TOML syntax: "),
        "{p:?}"
    );
    // Each syntax error of a file, not only the first.
    let p = event_problems("[[event]]\nid = \"a\"\nid = \"b\"\nx = [1,\n");
    check(
        p,
        expect![[r#"
        data/events/e.toml:3:1: TOML syntax: duplicate key
        data/events/e.toml:4:8: TOML syntax: unclosed array, expected `]`
    "#]],
    );
}

#[test]
fn a_broken_vocab_or_sources_file_reports_only_its_syntax_errors() {
    let events = "[[event]]\nid = \"a\"\ndate = \"1917\"\ntitle = \"T\"\nsummary = \"S\"\ntype = \"other\"\n\
                  tags = [\"alash\"]\ncite = [\"enc-alash:4\"]\n";
    check(
        problems(&[
            ("events/e.toml", events),
            ("vocab.toml", "[tags\nalash = \"x\"\n"),
        ]),
        expect![[r#"
            data/vocab.toml:1:6: TOML syntax: unclosed table, expected `]`
        "#]],
    );
    assert_eq!(
        problems(&[
            ("events/e.toml", events),
            ("sources.toml", "[[source]]\nid = enc-alash\n")
        ])
        .len(),
        1
    );
}

#[test]
fn unknown_fields() {
    check(
        event_problems(
            r#"
[[event]]
id = "a"
date = "1917"
title = "T"
summary = "S"
type = "other"
tags = ["alash"]
cite = ["enc-alash:4"]
colour = "red"
quote = { text = "q", cite = "enc-alash:4", page = 3 }
"#,
        ),
        expect![[r#"
            data/events/e.toml:9:1: unknown field `colour` in event (expected one of: id, date, title, summary, key, type, tags, people, places, orgs, disputes, quote, cite)
            data/events/e.toml:10:45: unknown field `page` in quote (expected one of: text, cite)
        "#]],
    );
    check(
        problems(&[("people.toml", "[people]\nx = 1\n")]),
        expect![[r#"
            data/people.toml:1:2: unknown table `people` (this file holds `[[person]]` records)
        "#]],
    );
}

#[test]
fn missing_fields_and_wrong_types() {
    check(
        event_problems(
            r#"
[[event]]
id = "a"
date = 1917-12-13
title = ""
summary = "S"
tags = "alash"
people = [1]
cite = ["enc-alash:4"]
"#,
        ),
        expect![[r#"
            data/events/e.toml:1:1: missing field `type` in event
            data/events/e.toml:3:8: `date` must be a string, found a TOML date (write dates as strings: "1917-12-13")
            data/events/e.toml:4:9: `title` is empty
            data/events/e.toml:6:8: `tags` must be an array of strings, found a string
            data/events/e.toml:7:11: `people` must hold strings, found an integer
        "#]],
    );
}

#[test]
fn tables_and_lists_of_the_wrong_shape() {
    check(
        problems(&[
            (
                "events/e.toml",
                r#"
[[event]]
id = "a"
date = "1917"
title = "T"
summary = "S"
type = "other"
tags = []
places = "semey"
cite = ["enc-alash:4", 7]
quote = "words"

[[event]]
title = 5
summary = "  "
tags = ["alash"]
quote = { cite = ["enc-alash:4"] }
"#,
            ),
            (
                "people.toml",
                r#"
[[person]]
id = "p"
name = "P"
summary = "S"
names = ["P"]
epithets = [{ name = "", src = [] }]
born = "1866"
died = { cite = ["enc-alash:4"], when = "1937" }
tags = ["alash"]
roles = { role = "Chair" }
relations = [{ kind = 1, to = "p", note = "", cite = ["enc-alash:4"] }]
cite = ["enc-alash:4"]
"#,
            ),
            (
                "sources.toml",
                r#"
[[source]]
id = "enc-alash"
title = "Alash Autonomy"
author = " "
kind = "encyclopedia article"
about = "A"
file = "000.txt"
paragraphs = "11"
untitled = 1
section = [{ heading = "A", from = 1.5 }, "B"]
"#,
            ),
            ("orgs.toml", "org = 3\n"),
            ("places.toml", "[[place]]\n[[place]]\nid = \"x\"\nname = \"X\"\nkind = \"city\"\nlat = true\nlon = 1_0\ncite = [\"enc-alash:4\"]\nnames = [\"X\"]\n"),
            ("disputes.toml", "dispute = [1, { id = \"d\" }]\n"),
        ]),
        expect![[r#"
            data/disputes.toml:1:12: dispute must be a table, found an integer
            data/disputes.toml:1:15: dispute has no claim (add `[[dispute.claim]]` blocks)
            data/disputes.toml:1:15: missing field `kind` in dispute
            data/disputes.toml:1:15: missing field `summary` in dispute
            data/disputes.toml:1:15: missing field `title` in dispute
            data/events/e.toml:7:8: event has no tag (`tags` is empty)
            data/events/e.toml:8:10: `places` must be an array of strings, found a string
            data/events/e.toml:9:9: citation "enc-alash:4": enc-alash has only 1 paragraphs
            data/events/e.toml:9:24: `cite` must hold strings, found an integer
            data/events/e.toml:10:9: quote must be a table, found a string
            data/events/e.toml:12:1: event has no citation (`cite` is missing)
            data/events/e.toml:12:1: missing field `date` in event
            data/events/e.toml:12:1: missing field `id` in event
            data/events/e.toml:12:1: missing field `type` in event
            data/events/e.toml:13:9: `title` must be a string, found an integer
            data/events/e.toml:14:11: `summary` is empty
            data/events/e.toml:16:9: missing field `text` in quote
            data/events/e.toml:16:18: `cite` must be a string, found an array
            data/orgs.toml:1:7: `org` must be an array of tables: write `[[org]]`
            data/people.toml:1:1: person has no `names` (list every spelling the sources use, with `src`)
            data/people.toml:3:8: canonical name "P" is not one of the names the sources use
            data/people.toml:5:10: name must be a table, found a string
            data/people.toml:6:22: `name` is empty
            data/people.toml:6:32: epithet has no source (`src` is empty)
            data/people.toml:7:8: birth date must be a table, found a string
            data/people.toml:8:8: missing field `date` in death date
            data/people.toml:8:18: citation "enc-alash:4": enc-alash has only 1 paragraphs
            data/people.toml:8:34: unknown field `when` in death date (expected one of: date, cite)
            data/people.toml:10:9: `roles` must be an array of tables, found a table
            data/people.toml:11:23: `kind` must be a string, found an integer
            data/people.toml:11:43: `note` is empty (leave it out instead)
            data/people.toml:11:55: citation "enc-alash:4": enc-alash has only 1 paragraphs
            data/people.toml:12:9: citation "enc-alash:4": enc-alash has only 1 paragraphs
            data/places.toml:1:1: missing field `id` in place
            data/places.toml:1:1: missing field `kind` in place
            data/places.toml:1:1: missing field `lat` in place
            data/places.toml:1:1: missing field `lon` in place
            data/places.toml:1:1: missing field `name` in place
            data/places.toml:1:1: place has no citation (`cite` is missing)
            data/places.toml:6:7: `lat` must be a number, found a boolean
            data/places.toml:8:9: citation "enc-alash:4": enc-alash has only 1 paragraphs
            data/sources.toml:4:10: `author` is empty (leave it out instead)
            data/sources.toml:8:14: `paragraphs` must be an integer, found a string
            data/sources.toml:9:12: `untitled` must be true or false, found an integer
            data/sources.toml:10:36: `from` must be an integer, found a float
            data/sources.toml:10:43: section must be a table, found a string
        "#]],
    );
}
