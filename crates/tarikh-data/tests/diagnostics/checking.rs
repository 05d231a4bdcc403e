//! What the checker reports: ids, references, dates, citations, vocabularies,
//! life dates, canonical names, relations, sources.

use super::*;

#[test]
fn duplicate_ids() {
    let e = r#"
[[event]]
id = "a"
date = "1917"
title = "T"
summary = "S"
type = "other"
tags = ["alash"]
cite = ["enc-alash:4"]
"#;
    let twice = format!("{e}\n{e}");
    check(
        event_problems(&twice),
        expect![[r#"
        data/events/e.toml:12:6: duplicate event id "a" (first at data/events/e.toml:2:6)
    "#]],
    );
    // Across files too.
    check(
        problems(&[("events/a.toml", e), ("events/b.toml", e)]),
        expect![[r#"
            data/events/b.toml:2:6: duplicate event id "a" (first at data/events/a.toml:2:6)
        "#]],
    );
}

#[test]
fn bad_id_syntax() {
    check(
        problems(&[(
            "places.toml",
            r#"
[[place]]
id = "Semey_city"
name = "Semey"
kind = "city"
lat = 50.41
lon = 80.23
cite = ["enc-alash:4"]
names = ["Semey"]
"#,
        )]),
        expect![[r#"
            data/places.toml:2:6: bad id "Semey_city": ids are lower-case ASCII slugs ([a-z0-9-]+)
        "#]],
    );
}

#[test]
fn dangling_references() {
    let p = problems(&[
        (
            "events/e.toml",
            r#"
[[event]]
id = "a"
date = "1917"
title = "T"
summary = "S"
type = "other"
tags = ["alash"]
people = ["nobody"]
places = ["atlantis"]
orgs = ["no-org"]
disputes = ["no-dispute"]
cite = ["enc-alash:4"]
"#,
        ),
        (
            "people.toml",
            r#"
[[person]]
id = "p"
name = "P"
summary = "S"
names = [{ name = "P", src = ["no-source"] }]
tags = ["alash"]
affiliations = ["no-org"]
roles = [{ role = "Chair", org = "no-org", cite = ["enc-alash:4"] }]
relations = [{ kind = "ally", to = "nobody", cite = ["enc-alash:4"] }]
cite = ["enc-alash:4"]
"#,
        ),
        (
            "disputes.toml",
            r#"
[[dispute]]
id = "d"
title = "T"
kind = "between-sources"
summary = "S"
events = ["no-event"]
people = ["nobody"]
  [[dispute.claim]]
  says = "X"
  cite = ["enc-alash:4"]
"#,
        ),
    ]);
    check(
        p,
        expect![[r#"
        data/disputes.toml:6:11: unknown event "no-event"
        data/disputes.toml:7:11: unknown person "nobody"
        data/events/e.toml:8:11: unknown person "nobody"
        data/events/e.toml:9:11: unknown place "atlantis"
        data/events/e.toml:10:9: unknown org "no-org"
        data/events/e.toml:11:13: unknown dispute "no-dispute"
        data/people.toml:5:31: unknown source "no-source" (not in sources.toml)
        data/people.toml:7:17: unknown org "no-org"
        data/people.toml:8:34: unknown org "no-org"
        data/people.toml:9:36: unknown person "nobody"
    "#]],
    );
}

#[test]
fn a_summary_names_a_source_by_its_title_not_its_id() {
    let e = |summary: &str| {
        format!(
            "[[event]]\nid = \"a\"\ndate = \"1917\"\ntitle = \"T\"\nsummary = \"{summary}\"\ntype = \"other\"\n\
             tags = [\"alash\"]\ncite = [\"enc-alash:4\"]\n"
        )
    };
    check(
        event_problems(&e("moscow-cage says so, and enc-alash agrees.")),
        expect![[r#"
            data/events/e.toml:5:11: the summary names the source "moscow-cage" by its id, which readers don't know: write its title ("The Leader of the Nation and His "Moscow Cage"") instead
        "#]],
    );
    // Not an id: a citation, part of another word, the same letters capitalised.
    for fine in [
        "As moscow-cage:12 has it",
        "the Moscow-Cage essay",
        "xmoscow-cage",
        "enc-alash-like",
    ] {
        assert_eq!(event_problems(&e(fine)), Vec::<String>::new(), "{fine}");
    }
}

#[test]
fn malformed_and_impossible_dates() {
    let e = |date: &str| {
        format!(
            "[[event]]\nid = \"a\"\ndate = \"{date}\"\ntitle = \"T\"\nsummary = \"S\"\ntype = \"other\"\n\
             tags = [\"alash\"]\ncite = [\"enc-alash:4\"]\n"
        )
    };
    check(
        event_problems(&e("1917-02-30")),
        expect![[r#"
        data/events/e.toml:3:8: impossible date "1917-02-30": February 1917 has 28 days
    "#]],
    );
    check(
        event_problems(&e("1917-13")),
        expect![[r#"
        data/events/e.toml:3:8: impossible date "1917-13": there is no month 13
    "#]],
    );
    check(
        event_problems(&e("13 Dec 1917")),
        expect![[r#"
        data/events/e.toml:3:8: bad date "13 Dec 1917": expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-season (spring, summer, autumn, winter), optionally after "c. "; a range "A/B"; or "before X" / "after X"
    "#]],
    );
    assert_eq!(event_problems(&e("1916-02-29")), Vec::<String>::new());
}

#[test]
fn ranges_ending_before_they_start() {
    check(
        problems(&[(
            "orgs.toml",
            r#"
[[org]]
id = "alash-orda"
name = "Alash Orda"
kind = "government"
date = "1920-08/1917-12"
summary = "S"
tags = ["alash"]
cite = ["enc-alash:7"]
names = ["Alash Orda"]
"#,
        )]),
        expect![[r#"
            data/orgs.toml:5:8: date range "1920-08/1917-12" ends before it starts
        "#]],
    );
}

#[test]
fn records_without_citations() {
    let p = problems(&[
        (
            "events/e.toml",
            r#"
[[event]]
id = "a"
date = "1917"
title = "T"
summary = "S"
type = "other"
tags = ["alash"]

[[event]]
id = "b"
date = "1917"
title = "T"
summary = "S"
type = "other"
tags = ["alash"]
cite = []
"#,
        ),
        (
            "people.toml",
            r#"
[[person]]
id = "p"
name = "P"
summary = "S"
names = [{ name = "P", src = ["enc-alash"] }]
born = { date = "1866", cite = [] }
died = { date = "1937" }
tags = ["alash"]
roles = [{ role = "Chair" }]
relations = [{ kind = "ally", to = "q" }]

[[person]]
id = "q"
name = "Q"
summary = "S"
names = [{ name = "Q", src = ["enc-alash"] }]
tags = ["alash"]
cite = ["enc-alash:4"]
"#,
        ),
        ("places.toml", "[[place]]\nid = \"x\"\nname = \"X\"\nkind = \"city\"\nlat = 1\nlon = 2\nnames = [\"X\"]\n"),
        ("orgs.toml", "[[org]]\nid = \"o\"\nname = \"O\"\nkind = \"party\"\nsummary = \"S\"\ntags = [\"alash\"]\nnames = [\"O\"]\n"),
        ("periods.toml", "[[scheme]]\nid = \"s\"\nname = \"S\"\nproposed_by = \"X\"\n"),
        (
            "disputes.toml",
            "[[dispute]]\nid = \"d\"\ntitle = \"T\"\nkind = \"unsupported\"\nsummary = \"S\"\n[[dispute.claim]]\nsays = \"X\"\n",
        ),
    ]);
    check(
        p,
        expect![[r#"
        data/disputes.toml:6:1: claim has no citation (`cite` is missing)
        data/events/e.toml:1:1: event has no citation (`cite` is missing)
        data/events/e.toml:16:8: event has no citation (`cite` is empty)
        data/orgs.toml:1:1: org has no citation (`cite` is missing)
        data/people.toml:1:1: person has no citation (`cite` is missing)
        data/people.toml:6:32: birth date has no citation (`cite` is empty)
        data/people.toml:7:8: death date has no citation (`cite` is missing)
        data/people.toml:9:10: role has no citation (`cite` is missing)
        data/people.toml:10:14: relation has no citation (`cite` is missing)
        data/periods.toml:1:1: scheme has no citation (`cite` is missing)
        data/places.toml:1:1: place has no citation (`cite` is missing)
    "#]],
    );
}

#[test]
fn bad_citations() {
    let p = event_problems(
        r#"
[[event]]
id = "a"
date = "1917"
title = "T"
summary = "S"
type = "other"
tags = ["alash"]
cite = ["nowhere:3", "enc-alash:12", "enc-alash:0", "enc-alash", "enc-alash:p4", "enc-alash:5-4", "enc-alash:3-11"]
quote = { text = "q", cite = "enc-alash:99" }
"#,
    );
    check(
        p,
        expect![[r#"
        data/events/e.toml:8:9: citation "nowhere:3": unknown source "nowhere"
        data/events/e.toml:8:22: citation "enc-alash:12": enc-alash has only 11 paragraphs
        data/events/e.toml:8:38: citation "enc-alash:0": paragraphs are numbered from 1
        data/events/e.toml:8:53: bad citation "enc-alash": expected "<source-id>:<paragraph>" or "<source-id>:<first>-<last>"
        data/events/e.toml:8:66: bad citation "enc-alash:p4": expected "<source-id>:<paragraph>" or "<source-id>:<first>-<last>"
        data/events/e.toml:8:82: citation "enc-alash:5-4": the paragraph range ends before it starts
        data/events/e.toml:9:30: citation "enc-alash:99": enc-alash has only 11 paragraphs
    "#]],
    );
}

#[test]
fn life_dates_contradicted_by_events() {
    let e = |id: &str, date: &str, kind: &str| {
        format!(
            "[[event]]\nid = \"{id}\"\ndate = \"{date}\"\ntitle = \"T\"\nsummary = \"S\"\ntype = \"{kind}\"\n\
             tags = [\"alash\"]\npeople = [\"alikhan-bukeikhan\"]\ncite = [\"enc-alash:4\"]\n\n"
        )
    };
    let events = [
        e("arrested-after-death", "1938-03", "arrest"),
        e("congress-before-birth", "1850", "congress"),
        e("rehabilitated", "1989", "decree"), // not a type that needs the person alive
        e("approximate", "c. 1938", "meeting"), // approximate dates are not compared
        e("on-the-day", "1937-09-27", "trial"), // the day of death is fine
        e("open-start", "before 1940", "meeting"), // may be before the death
    ]
    .concat();
    let people = PEOPLE.replace(
        "tags = [\"alash\"]",
        "tags = [\"alash\"]\nroles = [{ role = \"Professor\", date = \"1940/1941\", cite = [\"moscow-cage:94\"] }]",
    );
    let p = problems(&[("events/e.toml", &events), ("people.toml", &people)]);
    check(
        p,
        expect![[r#"
        data/events/e.toml:8:11: alikhan-bukeikhan died 27 Sep 1937, before this arrest (Mar 1938)
        data/events/e.toml:18:11: alikhan-bukeikhan was born 1866, after this congress (1850)
        data/people.toml:9:39: role dated 1940–1941, after the person's death (27 Sep 1937)
    "#]],
    );
    let born_after_death = PEOPLE.replace("date = \"1866\"", "date = \"1940\"");
    check(
        problems(&[("people.toml", &born_after_death)]),
        expect![[r#"
            data/people.toml:7:17: died 27 Sep 1937 before being born (1940)
        "#]],
    );
}

#[test]
fn unknown_vocabulary() {
    let p = problems(&[
        (
            "events/e.toml",
            r#"
[[event]]
id = "a"
date = "1917"
title = "T"
summary = "S"
type = "party"
tags = ["alash", "jadids"]
cite = ["enc-alash:4"]
"#,
        ),
        (
            "people.toml",
            r#"
[[person]]
id = "p"
name = "P"
summary = "S"
names = [{ name = "P", src = ["enc-alash"] }]
tags = ["alash"]
relations = [{ kind = "friend", to = "q", cite = ["enc-alash:4"] }]
cite = ["enc-alash:4"]

[[person]]
id = "q"
name = "Q"
summary = "S"
names = [{ name = "Q", src = ["enc-alash"] }]
tags = ["alash"]
cite = ["enc-alash:4"]
"#,
        ),
        ("places.toml", "[[place]]\nid = \"x\"\nname = \"X\"\nkind = \"town\"\nlat = 1\nlon = 2\ncite = [\"enc-alash:4\"]\nnames = [\"X\"]\n"),
        (
            "orgs.toml",
            "[[org]]\nid = \"o\"\nname = \"O\"\nkind = \"army\"\nsummary = \"S\"\ntags = [\"alash\"]\ncite = [\"enc-alash:4\"]\nnames = [\"O\"]\n",
        ),
        (
            "disputes.toml",
            "[[dispute]]\nid = \"d\"\ntitle = \"T\"\nkind = \"doubtful\"\nsummary = \"S\"\n[[dispute.claim]]\nsays = \"X\"\ncite = [\"enc-alash:4\"]\n",
        ),
    ]);
    check(
        p,
        expect![[r#"
        data/disputes.toml:4:8: unknown dispute kind "doubtful" (expected between-sources, within-source or unsupported)
        data/events/e.toml:6:8: unknown event type "party" (not in vocab.toml [event_types])
        data/events/e.toml:7:18: unknown tag "jadids" (not in vocab.toml [tags])
        data/orgs.toml:4:8: unknown org kind "army" (not in vocab.toml [org_kinds])
        data/people.toml:7:23: unknown relation kind "friend" (not in vocab.toml [relation_kinds])
        data/places.toml:4:8: unknown place kind "town" (not in vocab.toml [place_kinds])
    "#]],
    );
}

#[test]
fn coordinates_out_of_range() {
    check(problems(&[(
            "places.toml",
            "[[place]]\nid = \"x\"\nname = \"X\"\nkind = \"city\"\nlat = 95.5\nlon = -180.01\ncite = [\"enc-alash:4\"]\nnames = [\"X\"]\n\n\
             [[place]]\nid = \"y\"\nname = \"Y\"\nkind = \"city\"\nlat = \"50\"\ncite = [\"enc-alash:4\"]\nnames = [\"Y\"]\n"
        )]), expect![[r#"
            data/places.toml:5:7: latitude 95.5 is out of range (-90 to 90)
            data/places.toml:6:7: longitude -180.01 is out of range (-180 to 180)
            data/places.toml:10:1: missing field `lon` in place
            data/places.toml:14:7: `lat` must be a number, found a string
        "#]]);
}

#[test]
fn approximate_places() {
    let place = |id: &str, approx: &str| {
        format!(
            "[[place]]\nid = \"{id}\"\nname = \"X\"\nkind = \"city\"\nlat = 49.41\nlon = 75.47\n{approx}cite = [\"enc-alash:4\"]\nnames = [\"X\"]\n\n"
        )
    };
    // `approx` is optional (missing = false) and must be a boolean.
    let places = [
        place("a", "approx = true\n"),
        place("b", "approx = false\n"),
        place("c", ""),
        place("d", "approx = \"yes\"\n"),
    ]
    .concat();
    check(
        problems(&[("places.toml", &places)]),
        expect![[r#"
        data/places.toml:36:10: `approx` must be true or false, found a string
    "#]],
    );
    let dir = dataset(&[(
        "places.toml",
        &places[..places.find("[[place]]\nid = \"d\"").unwrap()],
    )]);
    let outcome = pipeline::run(&dir, "data");
    std::fs::remove_dir_all(&dir).unwrap();
    let data = outcome
        .result
        .unwrap_or_else(|p| panic!("{}", p.join("\n")));
    let approx = |id: &str| data.places.iter().find(|p| p.id == id).unwrap().approx;
    assert!(approx("a"));
    assert!(!approx("b"));
    assert!(!approx("c"));
}

#[test]
fn canonical_names_are_spellings_the_sources_use() {
    let people = r#"
[[person]]
id = "tynyshbayuly"
name = "Mukhamedzhan Tynyshpaev"
summary = "S"
names = [{ name = "Tynyshpaev", src = ["enc-alash"] }, { name = "Tynyshbayuly", src = ["moscow-cage"] }]
tags = ["alash"]
cite = ["enc-alash:7"]

[[person]]
id = "alikhan-bukeikhan"
name = "Alikhan Bukeikhan"
summary = "S"
names = [{ name = "Alikhan Bukeikhan", src = ["moscow-cage"] }]
tags = ["alash"]
cite = ["moscow-cage:2"]

[[person]]
id = "no-names"
name = "Somebody"
summary = "S"
tags = ["alash"]
cite = ["moscow-cage:2"]
"#;
    let places = r#"
[[place]]
id = "kremlin"
name = "Moscow Kremlin"
names = ["Kremlin"]
kind = "city"
lat = 55.75
lon = 37.62
cite = ["moscow-cage:94"]

[[place]]
id = "semey"
name = "Semey"
names = ["Semipalatinsk", "Semey"]
kind = "city"
lat = 50.41
lon = 80.23
cite = ["enc-alash:4"]
"#;
    let orgs = r#"
[[org]]
id = "kgb"
name = "KGB of the USSR"
kind = "government"
summary = "S"
tags = ["alash"]
cite = ["moscow-cage:230"]
"#;
    check(
        problems(&[
            ("people.toml", people),
            ("places.toml", places),
            ("orgs.toml", orgs),
        ]),
        expect![[r#"
            data/orgs.toml:3:8: canonical name "KGB of the USSR" is not one of the names the sources use
            data/people.toml:3:8: canonical name "Mukhamedzhan Tynyshpaev" is not one of the names the sources use
            data/people.toml:17:1: person has no `names` (list every spelling the sources use, with `src`)
            data/people.toml:19:8: canonical name "Somebody" is not one of the names the sources use
            data/places.toml:3:8: canonical name "Moscow Kremlin" is not one of the names the sources use
        "#]],
    );
    // The comparison is exact: a differently spelt or cased name is another name.
    let people = people.replace(
        "{ name = \"Alikhan Bukeikhan\", src",
        "{ name = \"Alikhan Bukeikhan \", src",
    );
    let p = problems(&[("people.toml", &people)]);
    assert!(
        p.contains(&"data/people.toml:11:8: canonical name \"Alikhan Bukeikhan\" is not one of the names the sources use".to_string()),
        "{p:?}"
    );
}

#[test]
fn relations_are_recorded_once() {
    let person = |id: &str, rel: &str| {
        format!(
            "[[person]]\nid = \"{id}\"\nname = \"N\"\nsummary = \"S\"\nnames = [{{ name = \"N\", src = [\"enc-alash\"] }}]\n\
             tags = [\"alash\"]\nrelations = [{rel}]\ncite = [\"enc-alash:4\"]\n\n"
        )
    };
    let people = [
        person("a", r#"{ kind = "parent", to = "b", cite = ["enc-alash:4"] }"#),
        person("b", r#"{ kind = "child", to = "a", cite = ["enc-alash:4"] }, { kind = "ally", to = "b", cite = ["enc-alash:4"] }"#),
    ]
    .concat();
    check(
        problems(&[("people.toml", &people)]),
        expect![[r#"
        data/people.toml:16:14: relation already recorded at data/people.toml:7:14 (record each relation once; the app derives the other side)
        data/people.toml:16:90: a person cannot be related to themselves
    "#]],
    );
}

#[test]
fn a_strand_needs_a_short_name_and_a_term_table_its_fields() {
    let vocab = "[tags]\nalash = \"The Alash movement\"\nkhiva = { name = \"Khiva\", description = \"The khanate\" }\nbasmachi = { name = \" \", colour = \"red\", description = \"The revolt\" }\nsoviet = { name = \"Soviet\" }\n[event_types]\n[relation_kinds]\n[place_kinds]\n[org_kinds]\n";
    check(
        problems(&[("vocab.toml", vocab)]),
        expect![[r#"
            data/vocab.toml:2:1: tag `alash` needs a short name for readers: `alash = { name = "…", description = "…" }`
            data/vocab.toml:4:1: tag `basmachi` needs a short name for readers: `basmachi = { name = "…", description = "…" }`
            data/vocab.toml:4:21: the name of `basmachi` must be a non-blank string
            data/vocab.toml:4:26: unknown field `colour` of `basmachi` (expected name, description)
            data/vocab.toml:5:10: `soviet` has no description
        "#]],
    );
}

#[test]
fn bad_sources_and_vocab() {
    let sources = r#"
[[source]]
id = "enc-alash"
title = "Alash Autonomy"
kind = "encyclopedia article"
about = "A"
file = "000.txt"
paragraphs = 11
  [[source.section]]
  heading = "B"
  from = 8
  [[source.section]]
  heading = "A"
  from = 1
  [[source.section]]
  heading = "C"
  from = 12
"#;
    let vocab = "[tags]\nAlash = \"x\"\n[event_types]\n[relation_kinds]\n[place_kinds]\n[org_kinds]\n[extra]\n";
    check(
        problems(&[("sources.toml", sources), ("vocab.toml", vocab)]),
        expect![[r#"
            data/sources.toml:13:10: sections must be in paragraph order: 1 does not follow 8
            data/sources.toml:16:10: section starts at paragraph 12, but enc-alash has paragraphs 1–11
            data/vocab.toml:2:1: bad tag "Alash": vocabulary terms are lower-case ASCII slugs ([a-z0-9-]+)
            data/vocab.toml:2:1: tag `Alash` needs a short name for readers: `Alash = { name = "…", description = "…" }`
            data/vocab.toml:7:2: unknown table `extra` in vocab (expected one of: tags, event_types, relation_kinds, place_kinds, org_kinds)
        "#]],
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let p = problems(&[
        (
            "events/a.toml",
            r#"
[[event]]
id = "a"
date = "1917-02-30"
title = "T"
summary = "S"
type = "other"
tags = ["alash"]
people = ["nobody"]
cite = ["enc-alash:40"]
colour = "red"

[[event]]
id = "a"
date = "1919/1918"
title = "T"
summary = "S"
type = "fight"
tags = ["alash"]
"#,
        ),
        ("events/b.toml", "[[event]\nid = 1\n"),
        (
            "places.toml",
            "[[place]]\nid = \"x\"\nname = \"X\"\nkind = \"city\"\nlat = 91\nlon = 2\ncite = [\"enc-alash:4\"]\nnames = [\"X\"]\n",
        ),
    ]);
    check(
        p,
        expect![[r#"
            data/events/a.toml:3:8: impossible date "1917-02-30": February 1917 has 28 days
            data/events/a.toml:8:11: unknown person "nobody"
            data/events/a.toml:9:9: citation "enc-alash:40": enc-alash has only 11 paragraphs
            data/events/a.toml:10:1: unknown field `colour` in event (expected one of: id, date, title, summary, key, type, tags, people, places, orgs, disputes, quote, cite)
            data/events/a.toml:12:1: event has no citation (`cite` is missing)
            data/events/a.toml:13:6: duplicate event id "a" (first at data/events/a.toml:2:6)
            data/events/a.toml:14:8: date range "1919/1918" ends before it starts
            data/events/a.toml:17:8: unknown event type "fight" (not in vocab.toml [event_types])
            data/events/b.toml:1:9: TOML syntax: unclosed array table, expected `]`
            data/places.toml:5:7: latitude 91 is out of range (-90 to 90)
        "#]],
    );
}

#[test]
fn a_tour_goes_through_known_events_in_date_order_each_once_and_cited() {
    let events = r#"
[[event]]
id = "a"
date = "1917"
title = "A"
summary = "S"
type = "other"
tags = ["alash"]
cite = ["enc-alash:4"]

[[event]]
id = "b"
date = "1920"
title = "B"
summary = "S"
type = "other"
tags = ["alash"]
cite = ["enc-alash:4"]
"#;
    let tours = r#"
[[tour]]
id = "t"
title = "T"
intro = "As khiva-1918 tells it."
cite = ["enc-alash:4"]
  [[tour.step]]
  event = "b"
  text = "B first"
  cite = ["enc-alash:4"]
  [[tour.step]]
  event = "a"
  text = "then A"
  cite = ["enc-alash:4"]
  [[tour.step]]
  event = "b"
  text = "B again"
  cite = ["enc-alash:4"]
  [[tour.step]]
  event = "nowhere"
  text = "?"
  cite = ["enc-alash:99"]

[[tour]]
id = "t"
title = "Short"
intro = "One step"
cite = ["enc-alash:4"]
  [[tour.step]]
  event = "a"
  text = "only"
"#;
    check(
        problems(&[("events/e.toml", events), ("tours.toml", tours)]),
        expect![[r#"
            data/tours.toml:4:9: the intro names the source "khiva-1918" by its id, which readers don't know: write its title ("The Khiva Khanate from the October Revolution to the Soviet invasion") instead
            data/tours.toml:11:11: step "a" comes before the step above it in time: a tour goes in date order
            data/tours.toml:15:11: event "b" is already a step of this tour
            data/tours.toml:19:11: unknown event "nowhere"
            data/tours.toml:21:11: citation "enc-alash:99": enc-alash has only 11 paragraphs
            data/tours.toml:23:1: a tour needs at least two steps (`[[tour.step]]` blocks)
            data/tours.toml:24:6: duplicate tour id "t" (first at data/tours.toml:2:6)
            data/tours.toml:28:3: step has no citation (`cite` is missing)
        "#]],
    );
}
