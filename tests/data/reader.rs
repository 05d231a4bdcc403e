//! The source reader's texts as the build ships them (`crates/tarikh-data`'s
//! `texts`, what `scripts/postbuild.mjs` writes as `sources-<hash>.txt`), read
//! back by the app's `core::reader::Texts`: every citation of the dataset opens
//! paragraphs that exist, and every quotation is marked in its paragraphs.
//! Skipped with a note without the texts (see `traceability.rs`).

use super::pipeline;
use super::traceability::seeds_dir;
use std::path::Path;
use tarikh::core::dataset::DATASET;
use tarikh::core::model::Cite;
use tarikh::core::reader::{marks, pieces, Texts};

fn shipped() -> Option<Texts> {
    let dir = seeds_dir();
    if !dir.is_dir() {
        eprintln!(
            "note: no source texts in {}: the reader's texts are not checked",
            dir.display()
        );
        return None;
    }
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let sources = pipeline::sources(&data, "data").expect("data/sources.toml checks");
    let file =
        pipeline::texts::asset(&sources, &dir).expect("the texts number as sources.toml says");
    Some(Texts::parse(&DATASET, &file).expect("the app reads the texts file"))
}

/// Every citation of the dataset, each with what it belongs to.
fn every_cite() -> Vec<(String, Cite)> {
    let ds = &DATASET;
    let mut all: Vec<(String, Cite)> = Vec::new();
    let mut add =
        |what: String, cites: &[Cite]| all.extend(cites.iter().map(|c| (what.clone(), *c)));
    for e in ds.events {
        add(format!("event {}", e.id), e.cite);
        add(
            format!("event {} (quote)", e.id),
            e.quote
                .as_ref()
                .map(|q| std::slice::from_ref(&q.cite))
                .unwrap_or(&[]),
        );
    }
    for p in ds.people {
        add(format!("person {}", p.id), p.cite);
        for l in p.born.iter().chain(p.died.iter()) {
            add(format!("person {} (life date)", p.id), l.cite);
        }
        for r in p.roles {
            add(format!("person {} (role {})", p.id, r.role), r.cite);
        }
        for r in p.relations {
            add(format!("person {} (relation)", p.id), r.cite);
        }
    }
    for p in ds.places {
        add(format!("place {}", p.id), p.cite);
    }
    for o in ds.orgs {
        add(format!("org {}", o.id), o.cite);
    }
    for s in ds.schemes {
        add(format!("scheme {}", s.id), s.cite);
        for p in s.periods {
            add(format!("scheme {} ({})", s.id, p.name), p.cite);
        }
    }
    for d in ds.disputes {
        for c in d.claims {
            add(format!("dispute {}", d.id), c.cite);
        }
    }
    for g in ds.glossary {
        add(format!("glossary {}", g.id), g.cite);
    }
    for i in ds.intro {
        add(format!("intro {}", i.id), i.cite);
    }
    for t in ds.tours {
        add(format!("tour {}", t.id), t.cite);
        for s in t.steps {
            add(format!("tour {} (step)", t.id), s.cite);
        }
    }
    all
}

#[test]
fn every_citation_opens_paragraphs_the_shipped_texts_have() {
    let Some(texts) = shipped() else { return };
    let all = every_cite();
    assert!(
        all.len() > 1000,
        "{} citations: the list above misses some",
        all.len()
    );
    let missing: Vec<String> = all
        .iter()
        .filter(|(_, c)| {
            (c.from..=c.to).any(|n| texts.paragraph(c.source, n).is_none_or(str::is_empty))
        })
        .map(|(what, c)| format!("{what}: {}", DATASET.cite_locator(c)))
        .collect();
    assert!(
        missing.is_empty(),
        "citations of paragraphs the reader does not have:\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_quotation_is_marked_in_the_paragraphs_it_cites() {
    let Some(texts) = shipped() else { return };
    let mut unmarked = Vec::new();
    let mut marked = 0;
    for e in DATASET.events {
        let Some(q) = &e.quote else { continue };
        // What the reader marks of it, paragraph after paragraph, is the quotation.
        let words = q.text.split_whitespace().collect::<Vec<_>>().join(" ");
        let shown: Vec<&str> = (q.cite.from..=q.cite.to)
            .flat_map(|n| {
                let text = texts.paragraph(q.cite.source, n).unwrap_or("");
                let marked = marks(&DATASET, &texts, q.cite.source, n);
                pieces(text, &marked)
                    .into_iter()
                    .filter(|&(_, m)| m)
                    .map(|(t, _)| t)
                    .filter(|t| words.contains(t))
                    .collect::<Vec<_>>()
            })
            .collect();
        let found = shown
            .iter()
            .flat_map(|t| t.split_whitespace())
            .eq(q.text.split_whitespace());
        if found {
            marked += 1;
        } else {
            unmarked.push(format!("event {}: {}", e.id, DATASET.cite_locator(&q.cite)));
        }
    }
    assert!(
        unmarked.is_empty(),
        "quotations not marked in the reader:\n{}",
        unmarked.join("\n")
    );
    assert!(marked > 0);
}
