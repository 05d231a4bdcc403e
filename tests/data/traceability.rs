//! Traceability: the compiled dataset against the five source texts themselves.
//!
//! The texts live beside the repository, in `../shared/seeds` (CI has them there;
//! `TARIKH_SEEDS_DIR` points elsewhere). Without them these tests print a note and
//! pass: the build never reads the texts, only `data/`.
//!
//! Each test collects every offending record and fails once, listing them all.

use super::pipeline::paragraphs::split;
use std::collections::{BTreeSet, HashMap};
use std::io::Write;
use std::path::PathBuf;
use std::sync::OnceLock;
use tarikh::core::dataset::DATASET;
use tarikh::core::date::Date;
use tarikh::core::model::Cite;

/// Where the source texts are: `TARIKH_SEEDS_DIR`, or `../shared/seeds`.
pub(super) fn seeds_dir() -> PathBuf {
    match std::env::var_os("TARIKH_SEEDS_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds")),
    }
}

/// The paragraphs of every source, indexed like `DATASET.sources`.
struct Texts {
    paragraphs: Vec<Vec<String>>,
}

impl Texts {
    /// The cited paragraphs, joined by spaces.
    fn cited(&self, c: &Cite) -> String {
        let paras = &self.paragraphs[c.source as usize];
        let (from, to) = (c.from as usize, (c.to as usize).min(paras.len()));
        paras
            .get(from - 1..to)
            .map(|p| p.join(" "))
            .unwrap_or_default()
    }

    /// All of a source's text, paragraphs joined by spaces.
    fn whole(&self, source: u8) -> String {
        self.paragraphs[source as usize].join(" ")
    }
}

/// The source texts, or `None` when they are not available (then the first
/// caller prints a note; straight to stderr, which the test harness does not
/// capture, so `cargo test` shows it).
fn texts() -> Option<&'static Texts> {
    static TEXTS: OnceLock<Option<Texts>> = OnceLock::new();
    TEXTS
        .get_or_init(|| {
            let dir = seeds_dir();
            if !dir.is_dir() {
                let _ = writeln!(
                    std::io::stderr(),
                    "note: no source texts in {} (set TARIKH_SEEDS_DIR): the traceability tests are skipped",
                    dir.display()
                );
                return None;
            }
        let paragraphs = DATASET
            .sources
            .iter()
            .map(|s| {
                let path = dir.join(s.file);
                let text = std::fs::read_to_string(&path)
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                    split(&text)
                })
                .collect();
            Some(Texts { paragraphs })
        })
        .as_ref()
}

fn fail_if_any(what: &str, problems: Vec<String>) {
    assert!(
        problems.is_empty(),
        "{} {what}:\n  {}",
        problems.len(),
        problems.join("\n  ")
    );
}

fn locators(cites: &[Cite]) -> String {
    let list: Vec<String> = cites.iter().map(|c| DATASET.cite_locator(c)).collect();
    list.join(", ")
}

/// The years a text mentions: every number of exactly four digits, and the
/// second year of a short range such as "1919-20" or "1919–20".
fn years_in(text: &str) -> BTreeSet<i32> {
    let chars: Vec<char> = text.chars().collect();
    let digits_at = |i: usize| chars[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    let number = |from: usize, len: usize| -> i32 {
        chars[from..from + len]
            .iter()
            .fold(0, |n, c| n * 10 + c.to_digit(10).unwrap_or(0) as i32)
    };
    let mut years = BTreeSet::new();
    let mut i = 0;
    while i < chars.len() {
        let len = digits_at(i);
        if len == 0 {
            i += 1;
            continue;
        }
        if len == 4 {
            let year = number(i, 4);
            years.insert(year);
            // "1919-20", "1919 – 20": the second year, written with two digits.
            let mut j = i + 4;
            while j < chars.len() && chars[j] == ' ' {
                j += 1;
            }
            if j < chars.len() && matches!(chars[j], '-' | '–' | '—') {
                j += 1;
                while j < chars.len() && chars[j] == ' ' {
                    j += 1;
                }
                if j < chars.len() && digits_at(j) == 2 {
                    let mut second = year / 100 * 100 + number(j, 2);
                    if second < year {
                        second += 100;
                    }
                    years.insert(second);
                }
            }
        }
        i += len;
    }
    years
}

/// The years a date is stated with: those of its start and its end.
fn date_years(date: &Date) -> [i32; 2] {
    [date.start().year as i32, date.end().year as i32]
}

/// Whitespace-normalised.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A spelling as it is compared: lower case, whitespace-normalised, typographic
/// apostrophes and quotation marks as plain ones (’People’s’ is "People's").
fn spelling(s: &str) -> String {
    squash(s)
        .to_lowercase()
        .chars()
        .map(|c| match c {
            '’' | '‘' | 'ʼ' => '\'',
            '“' | '”' => '"',
            c => c,
        })
        .collect()
}

/// The words of a text for the "own words" check: lower case, punctuation dropped.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// How many consecutive words a summary may share with a source paragraph.
const COPIED_RUN: usize = 8;

#[test]
fn paragraphs_split_like_number_sources_py() {
    // Blank lines separate; single line breaks and runs of spaces inside a
    // paragraph become one space.
    let text = "ABSTRACT\n\nThe first  paragraph\nwraps here.\n \t\n\n\nSecond one.\n";
    assert_eq!(
        split(text),
        ["ABSTRACT", "The first paragraph wraps here.", "Second one."]
    );
    // Without line breaks: runs of two or more whitespace characters separate
    // (a no-break space counts); one space does not.
    let text = "  Basmachi movement  Part of the Russian Civil War \u{a0}Date 1916–1934 ";
    assert_eq!(
        split(text),
        [
            "Basmachi movement",
            "Part of the Russian Civil War",
            "Date 1916–1934"
        ]
    );
    // A trailing line break alone does not make a one-line text multi-line.
    assert_eq!(split("One.  Two.\n"), ["One.", "Two."]);
    assert!(split(" \n\n ").is_empty());
}

#[test]
fn years_are_found_as_written() {
    let y = |s: &str| years_in(s).into_iter().collect::<Vec<_>>();
    assert_eq!(y("In 1925, at the age of 25"), [1925]);
    assert_eq!(y("the winter of 1919-20"), [1919, 1920]);
    assert_eq!(y("in the years 1924- 1929"), [1924, 1929]);
    assert_eq!(y("White Army(1919–20); 25,000 people; 12345"), [1919, 1920]);
    assert_eq!(y("1999-01"), [1999, 2001]);
}

#[test]
fn source_paragraph_counts_match_sources_toml() {
    let Some(t) = texts() else {
        return;
    };
    let problems = DATASET
        .sources
        .iter()
        .zip(&t.paragraphs)
        .filter(|(s, p)| s.paragraphs as usize != p.len())
        .map(|(s, p)| {
            format!(
                "{}: sources.toml says {} paragraphs, the text has {}",
                s.id,
                s.paragraphs,
                p.len()
            )
        })
        .collect();
    fail_if_any("sources with another paragraph count", problems);
}

/// (a) A birth or death year is stated in a paragraph the date cites.
#[test]
fn life_dates_appear_in_their_cited_paragraphs() {
    let Some(t) = texts() else {
        return;
    };
    let mut problems = Vec::new();
    for p in DATASET.people {
        for (what, life) in [("born", &p.born), ("died", &p.died)] {
            let Some(life) = life else { continue };
            let cited: BTreeSet<i32> = life
                .cite
                .iter()
                .flat_map(|c| years_in(&t.cited(c)))
                .collect();
            let years = date_years(&life.date);
            if !years.iter().any(|y| cited.contains(y)) {
                problems.push(format!(
                    "{} {what} {}: no {} in {}",
                    p.id,
                    life.date.to_data_string(),
                    years[0],
                    locators(life.cite)
                ));
            }
        }
    }
    fail_if_any("life dates not in their cited paragraphs", problems);
}

/// (b) An event's cited paragraphs mention its year (for a range: one of the
/// years it starts or ends in). A date inferred from the paragraphs around must
/// cite them too.
#[test]
fn event_years_appear_in_their_cited_paragraphs() {
    let Some(t) = texts() else {
        return;
    };
    let mut problems = Vec::new();
    for e in DATASET.events {
        let cited: BTreeSet<i32> = e.cite.iter().flat_map(|c| years_in(&t.cited(c))).collect();
        let years = date_years(&e.date);
        if !years.iter().any(|y| cited.contains(y)) {
            problems.push(format!(
                "{} ({}): {} not in {}",
                e.id,
                e.date.to_data_string(),
                if years[0] == years[1] {
                    years[0].to_string()
                } else {
                    format!("neither {} nor {}", years[0], years[1])
                },
                locators(e.cite)
            ));
        }
    }
    fail_if_any("events whose year their citations do not mention", problems);
}

/// Where every run of `COPIED_RUN` words of the sources starts: each source is
/// read as one continuous text (its paragraphs in order), so a run that crosses
/// a paragraph break is found too. The value is the locator, "source:n" or,
/// across a break, "source:n-m".
fn copied_runs(sources: &[(&str, &[String])]) -> HashMap<Vec<String>, String> {
    let mut runs: HashMap<Vec<String>, String> = HashMap::new();
    for (id, paras) in sources {
        // Every word of the source and the paragraph (1-based) it is in.
        let mut all: Vec<(String, usize)> = Vec::new();
        for (n, p) in paras.iter().enumerate() {
            all.extend(words(p).into_iter().map(|w| (w, n + 1)));
        }
        for run in all.windows(COPIED_RUN) {
            let key: Vec<String> = run.iter().map(|(w, _)| w.clone()).collect();
            let (first, last) = (run[0].1, run[COPIED_RUN - 1].1);
            runs.entry(key).or_insert_with(|| {
                if first == last {
                    format!("{id}:{first}")
                } else {
                    format!("{id}:{first}-{last}")
                }
            });
        }
    }
    runs
}

/// The first run of `COPIED_RUN` words `text` shares with a source, and where.
fn copied_from<'a>(
    text: &str,
    runs: &'a HashMap<Vec<String>, String>,
) -> Option<(String, &'a String)> {
    words(text)
        .windows(COPIED_RUN)
        .find_map(|run| runs.get(run).map(|at| (run.join(" "), at)))
}

#[test]
fn copies_across_a_paragraph_break_are_found() {
    let paras = [
        "The first paragraph ends with the words one two three".to_string(),
        "four five six seven and then the second goes on.".to_string(),
    ];
    let runs = copied_runs(&[("src", &paras)]);
    // Five words at the end of one paragraph and three at the start of the next.
    let (run, at) = copied_from("We wrote: with the words one two three four five!", &runs)
        .expect("a copy across the break");
    assert_eq!(run, "with the words one two three four five");
    assert_eq!(at, "src:1-2");
    // Within one paragraph, as before.
    let (_, at) = copied_from("five six seven and then the second goes", &runs).unwrap();
    assert_eq!(at, "src:2");
    // Seven words are not a copy.
    assert!(copied_from("the words one two three four five", &runs).is_none());
}

/// (c) Titles, summaries, claims, roles, relation notes, period names and the
/// glossary's definitions and usage notes are in our own words: none shares a
/// run of `COPIED_RUN` words (ignoring case and punctuation) with a source, read
/// as one continuous text so that a copy across a paragraph break counts.
/// Exempt: names, epithets, spellings, an event's `quote` and a role marked
/// `quoted` (an official title, checked word for word instead).
#[test]
fn texts_are_in_our_own_words() {
    let Some(t) = texts() else {
        return;
    };
    let sources: Vec<(&str, &[String])> = DATASET
        .sources
        .iter()
        .zip(&t.paragraphs)
        .map(|(s, p)| (s.id, p.as_slice()))
        .collect();
    let runs = copied_runs(&sources);
    let mut fields: Vec<(String, &str)> = Vec::new();
    for e in DATASET.events {
        fields.push((format!("event {} title", e.id), e.title));
        fields.push((format!("event {} summary", e.id), e.summary));
    }
    for p in DATASET.people {
        fields.push((format!("person {} summary", p.id), p.summary));
        for r in p.roles {
            if !r.quoted {
                fields.push((format!("person {} role", p.id), r.role));
            }
        }
        for r in p.relations {
            if let Some(note) = r.note {
                fields.push((format!("person {} relation note", p.id), note));
            }
        }
    }
    for o in DATASET.orgs {
        fields.push((format!("org {} summary", o.id), o.summary));
    }
    for s in DATASET.schemes {
        fields.push((format!("scheme {} name", s.id), s.name));
        for p in s.periods {
            fields.push((format!("scheme {} period", s.id), p.name));
        }
    }
    for g in DATASET.glossary {
        fields.push((format!("glossary {} definition", g.id), g.definition));
        if let Some(usage) = g.usage {
            fields.push((format!("glossary {} usage", g.id), usage));
        }
    }
    for d in DATASET.disputes {
        fields.push((format!("dispute {} title", d.id), d.title));
        fields.push((format!("dispute {} summary", d.id), d.summary));
        for (k, c) in d.claims.iter().enumerate() {
            fields.push((format!("dispute {} claim {}", d.id, k + 1), c.says));
        }
    }
    let mut problems = Vec::new();
    for (what, text) in fields {
        if let Some((run, at)) = copied_from(text, &runs) {
            problems.push(format!("{what}: \"{run}\" is copied from {at}"));
        }
    }
    fail_if_any(
        &format!("texts sharing {COPIED_RUN} or more words in a row with a source"),
        problems,
    );
}

/// A role marked `quoted` is word for word in one of the paragraphs (or ranges)
/// it cites. (The build checks what it can without the texts: no quotation
/// marks in the string, since the app adds them.)
#[test]
fn quoted_roles_are_verbatim() {
    let Some(t) = texts() else {
        return;
    };
    let mut problems = Vec::new();
    for p in DATASET.people {
        for r in p.roles.iter().filter(|r| r.quoted) {
            // Word for word: the same words in the same order (case and
            // punctuation aside, so "All- Russian" as printed is "All-Russian").
            let quoted = words(r.role);
            let found = r.cite.iter().any(|c| {
                words(&t.cited(c))
                    .windows(quoted.len())
                    .any(|w| w == quoted.as_slice())
            });
            if !found {
                problems.push(format!(
                    "{}: role {} is not in {}",
                    p.id,
                    r.role,
                    locators(r.cite)
                ));
            }
        }
    }
    fail_if_any("quoted roles not found verbatim", problems);
}

/// (d) A quotation is word for word (whitespace aside) in the paragraph it cites.
#[test]
fn quotes_are_verbatim() {
    let Some(t) = texts() else {
        return;
    };
    let problems = DATASET
        .events
        .iter()
        .filter_map(|e| e.quote.as_ref().map(|q| (e, q)))
        .filter(|(_, q)| !t.cited(&q.cite).contains(&squash(q.text)))
        .map(|(e, q)| {
            format!(
                "{}: \"{}\" is not in {}",
                e.id,
                q.text,
                DATASET.cite_locator(&q.cite)
            )
        })
        .collect();
    fail_if_any("quotes not found verbatim", problems);
}

/// (e) Every spelling of a person's name is in each source its `src` names
/// (ignoring case and whitespace).
#[test]
fn person_names_appear_in_their_sources() {
    let Some(t) = texts() else {
        return;
    };
    let whole: Vec<String> = (0..DATASET.sources.len())
        .map(|s| spelling(&t.whole(s as u8)))
        .collect();
    let mut problems = Vec::new();
    for p in DATASET.people {
        for n in p.names {
            for &s in n.sources {
                if !whole[s as usize].contains(&spelling(n.name)) {
                    problems.push(format!(
                        "{}: \"{}\" is not in {}",
                        p.id, n.name, DATASET.sources[s as usize].id
                    ));
                }
            }
        }
    }
    fail_if_any("name spellings not in the sources they cite", problems);
}

/// Every name of a place or organisation is in some source (they do not say which).
#[test]
fn place_and_org_names_appear_in_the_sources() {
    let Some(t) = texts() else {
        return;
    };
    let all = spelling(
        &(0..DATASET.sources.len())
            .map(|s| t.whole(s as u8))
            .collect::<Vec<_>>()
            .join(" "),
    );
    let names = DATASET
        .places
        .iter()
        .map(|p| ("place", p.id, p.names))
        .chain(DATASET.orgs.iter().map(|o| ("org", o.id, o.names)));
    let mut problems = Vec::new();
    for (kind, id, list) in names {
        for n in list {
            if !all.contains(&spelling(n)) {
                problems.push(format!("{kind} {id}: \"{n}\" is in no source"));
            }
        }
    }
    fail_if_any("place and org names no source uses", problems);
}

// ---------------------------------------------------------------- the glossary
//
// The build checks the glossary's shape, ids, sources, citations and links
// (crates/tarikh-data, check/glossary.rs); its definitions are in the own-words
// check above. What needs the texts is here.

/// Every glossary spelling is printed in each source it names.
#[test]
fn glossary_spellings_appear_in_their_sources() {
    let Some(t) = texts() else {
        return;
    };
    let whole: Vec<String> = (0..DATASET.sources.len())
        .map(|s| spelling(&t.whole(s as u8)))
        .collect();
    let mut problems = Vec::new();
    for g in DATASET.glossary {
        for n in g.spellings {
            for &s in n.sources {
                if !whole[s as usize].contains(&spelling(n.name)) {
                    problems.push(format!(
                        "{}: \"{}\" is not in {}",
                        g.id, n.name, DATASET.sources[s as usize].id
                    ));
                }
            }
        }
    }
    fail_if_any("glossary spellings not in the sources they name", problems);
}
