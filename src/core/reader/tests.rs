use super::*;
use crate::core::dataset::DATASET;
use crate::core::link::LinkState;

fn open(hash: &str) -> (ReaderState, Vec<Notice>) {
    ReaderState::parse_route(&DATASET, &Route::parse(hash))
}

fn source(id: &str) -> u8 {
    DATASET.sources.iter().position(|s| s.id == id).unwrap() as u8
}

#[test]
fn a_link_names_the_source_in_its_path_and_the_paragraphs_in_p() {
    let (s, n) = open("#/sources/moscow-cage?p=47");
    assert_eq!(
        s,
        ReaderState {
            source: source("moscow-cage"),
            sel: Some((47, 47))
        }
    );
    assert!(n.is_empty());
    assert_eq!(s.href(&DATASET), "#/sources/moscow-cage?p=47");
    let (s, _) = open("#/sources/khiva-1918?p=3-5");
    assert_eq!(s.sel, Some((3, 5)));
    assert_eq!(s.href(&DATASET), "#/sources/khiva-1918?p=3-5");
    // The whole text.
    let (s, n) = open("#/sources/basmachi");
    assert_eq!((s.sel, n.len()), (None, 0));
    assert_eq!(s.href(&DATASET), "#/sources/basmachi");
}

#[test]
fn a_citation_links_to_its_paragraphs() {
    let c = Cite {
        source: source("moscow-cage"),
        from: 57,
        to: 59,
    };
    assert_eq!(cite_href(&DATASET, &c), "#/sources/moscow-cage?p=57-59");
    let (back, n) = open(&cite_href(&DATASET, &c));
    assert_eq!((back, n), (ReaderState::of(&c), vec![]));
}

#[test]
fn what_the_link_cannot_use_is_said_and_corrected() {
    let (s, n) = open("#/sources/khiva-1918?p=5-3");
    assert_eq!((s.sel, n), (Some((3, 5)), vec![]), "turned round");
    let (s, n) = open("#/sources/khiva-1918?p=zero&x=1");
    assert_eq!(s.sel, None);
    assert!(matches!(n[0], Notice::BadValue { key: "p", .. }), "{n:?}");
    assert_eq!(n[1], Notice::UnknownParam { key: "x".into() });
    let (s, n) = open("#/sources/khiva-1918?p=0");
    assert_eq!((s.sel, n.len()), (None, 1), "paragraphs count from 1");
    let (s, n) = open("#/sources/khiva-1918?p=18-40");
    assert_eq!(s.sel, Some((18, 19)));
    assert_eq!(
        n,
        vec![Notice::ParagraphBeyond {
            asked: 40,
            last: 19
        }]
    );
    assert!(n[0].message().contains("no paragraph 40"));
    let (s, _) = open("#/sources/khiva-1918?p=400");
    assert_eq!(s.sel, Some((19, 19)), "the last paragraph");
}

#[test]
fn previous_and_next_step_one_paragraph_and_stop_at_the_ends() {
    let (s, _) = open("#/sources/khiva-1918?p=3-5");
    assert_eq!(s.prev().unwrap().sel, Some((2, 2)));
    assert_eq!(s.next(&DATASET).unwrap().sel, Some((6, 6)));
    let (first, _) = open("#/sources/khiva-1918?p=1");
    assert_eq!(first.prev(), None);
    let (last, _) = open("#/sources/khiva-1918?p=19");
    assert_eq!(last.next(&DATASET), None);
    let (whole, _) = open("#/sources/khiva-1918");
    assert_eq!((whole.prev(), whole.next(&DATASET)), (None, None));
}

#[test]
fn rows_show_the_asked_paragraphs_their_neighbours_and_the_headings() {
    let ds = &DATASET;
    let s = &ds.sources[source("moscow-cage") as usize];
    // Paragraph 3 starts the second section: paragraph 2 (first section) before it.
    let (st, _) = open("#/sources/moscow-cage?p=3");
    assert_eq!(
        rows(ds, &st),
        vec![
            Row::Heading(&s.sections[0]),
            Row::Neighbour { n: 2, before: true },
            Row::Heading(&s.sections[1]),
            Row::Paragraph { n: 3 },
            Row::Neighbour {
                n: 4,
                before: false
            },
        ]
    );
    // Inside a section: its heading first.
    let (st, _) = open("#/sources/moscow-cage?p=47-48");
    let r = rows(ds, &st);
    assert_eq!(r[0], Row::Heading(s.section_of(47).unwrap()));
    assert_eq!(
        r[1..],
        [
            Row::Neighbour {
                n: 46,
                before: true
            },
            Row::Paragraph { n: 47 },
            Row::Paragraph { n: 48 },
            Row::Neighbour {
                n: 49,
                before: false
            },
        ]
    );
    // At the ends there is no neighbour beyond.
    let (st, _) = open("#/sources/moscow-cage?p=242");
    let r = rows(ds, &st);
    assert_eq!(r.last(), Some(&Row::Paragraph { n: 242 }));
    assert_eq!(r.len(), 3);
    // The whole text: every paragraph, every heading once.
    let (st, _) = open("#/sources/moscow-cage");
    let r = rows(ds, &st);
    let paras = r
        .iter()
        .filter(|x| matches!(x, Row::Paragraph { .. }))
        .count();
    assert_eq!(paras, 242);
    assert_eq!(r.len(), 242 + s.sections.len());
}

#[test]
fn a_neighbour_shows_the_words_next_to_the_cited_paragraph() {
    let words: Vec<String> = (1..=40).map(|i| format!("w{i}")).collect();
    let text = words.join(" ");
    let before = excerpt(&text, true);
    assert!(
        before.starts_with("… w21 ") && before.ends_with(" w40"),
        "{before}"
    );
    let after = excerpt(&text, false);
    assert!(
        after.starts_with("w1 w2 ") && after.ends_with(" w20 …"),
        "{after}"
    );
    assert_eq!(excerpt("short text", true), "short text");
}

#[test]
fn quotations_are_marked_where_they_stand() {
    let text = "He was named Chairman of the Board in 1923, and later the Chairman.";
    assert_eq!(
        pieces(text, &["Chairman of the Board", "Chairman"]),
        vec![
            ("He was named ", false),
            ("Chairman of the Board", true),
            (" in 1923, and later the ", false),
            ("Chairman", true),
            (".", false),
        ],
        "every occurrence, the longest mark where two start together"
    );
    assert_eq!(
        pieces("no mark here", &["absent"]),
        vec![("no mark here", false)]
    );
    assert_eq!(pieces("a  b", &[] as &[&str]), vec![("a  b", false)]);
    assert_eq!(
        pieces("x the  words y", &["the words"]).len(),
        1,
        "whitespace in the text is already one space"
    );
}

#[test]
fn a_quotation_is_marked_in_its_paragraph_and_across_two() {
    let ds = &DATASET;
    let (e, q) = ds
        .events
        .iter()
        .find_map(|e| e.quote.as_ref().map(|q| (e, q)))
        .expect("a quoted event");
    // A file whose cited paragraphs hold the quotation, split over the range's first two.
    let words: Vec<&str> = q.text.split_whitespace().collect();
    let half = words.len() / 2;
    let texts = Texts::parse(
        ds,
        &file_with(
            q.cite.source,
            q.cite.from,
            &format!("Before {}", words[..half].join(" ")),
            &format!("{} after.", words[half..].join(" ")),
        ),
    )
    .unwrap();
    if q.cite.from < q.cite.to {
        assert_eq!(
            marks(ds, &texts, q.cite.source, q.cite.from),
            vec![words[..half].join(" ")],
            "{}",
            e.id
        );
        assert_eq!(
            marks(ds, &texts, q.cite.source, q.cite.from + 1),
            vec![words[half..].join(" ")]
        );
    }
    let whole = Texts::parse(
        ds,
        &file_with(
            q.cite.source,
            q.cite.from,
            &format!("Before {} after.", q.text),
            "x",
        ),
    )
    .unwrap();
    assert_eq!(
        marks(ds, &whole, q.cite.source, q.cite.from),
        vec![q.text.to_string()]
    );
    assert!(events_citing(ds, q.cite.source, q.cite.from)
        .iter()
        .any(|&i| ds.events[i as usize].id == e.id));
    // Not marked where it is not cited.
    let other = (q.cite.source + 1) % ds.sources.len() as u8;
    assert!(marks(ds, &whole, other, q.cite.from).is_empty());
}

/// A texts file of placeholder paragraphs, with paragraphs `n` and `n + 1` of `source` given.
fn file_with(source: u8, n: u16, a: &str, b: &str) -> String {
    let mut f = String::from("tarikh-sources 1\n");
    for (i, s) in DATASET.sources.iter().enumerate() {
        f.push_str(&format!("@ {} {}\n", s.id, s.paragraphs));
        for m in 1..=s.paragraphs {
            let text = match (i as u8 == source, m) {
                (true, m) if m == n => a.to_string(),
                (true, m) if m == n + 1 => b.to_string(),
                _ => format!("{} paragraph {m}", s.id),
            };
            f.push_str(&text);
            f.push('\n');
        }
    }
    f
}

fn file_of(paragraphs: impl Fn(&Source) -> usize) -> String {
    let mut f = String::from("tarikh-sources 1\n");
    for s in DATASET.sources {
        f.push_str(&format!("@ {} {}\n", s.id, s.paragraphs));
        for n in 1..=paragraphs(s) {
            f.push_str(&format!("{} paragraph {n}\n", s.id));
        }
    }
    f
}

use crate::core::model::Source;

#[test]
fn the_texts_file_reads_back_or_says_why_not() {
    let t = Texts::parse(&DATASET, &file_of(|s| s.paragraphs as usize)).unwrap();
    let k = source("khiva-1918");
    assert_eq!(t.paragraph(k, 1), Some("khiva-1918 paragraph 1"));
    assert_eq!(t.paragraph(k, 19), Some("khiva-1918 paragraph 19"));
    assert_eq!((t.paragraph(k, 0), t.paragraph(k, 20)), (None, None));
    assert!(Texts::parse(&DATASET, &file_of(|s| s.paragraphs as usize - 1)).is_err());
    assert!(Texts::parse(&DATASET, "tarikh-basemap 1\n").is_err());
    assert!(Texts::parse(&DATASET, "tarikh-sources 1\n@ nobody 1\nx\n").is_err());
    assert!(Texts::parse(&DATASET, "tarikh-sources 1\n")
        .unwrap_err()
        .starts_with("no text"));
}
