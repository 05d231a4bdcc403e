//! The words a student reads: a value's label, the question asked (each type's
//! own words are in its file under `kinds/`), a response or the right answer.

use super::kinds;
use super::question::{Format, Question, Val, NONE};
use crate::core::date::{Date, Part, Point};
use crate::core::model::{Dataset, Event, Role};

/// The words shown for a value.
pub fn label(ds: &Dataset, v: Val) -> String {
    match v {
        Val::Year(y) => y.to_string(),
        Val::Month(y, m) => Date::On(Point {
            year: y,
            part: Part::Month(m),
            approx: false,
        })
        .display(),
        Val::Person(p) => ds.people[p as usize].name.to_string(),
        Val::Place(p) => ds.places[p as usize].name.to_string(),
        Val::Tag(t) => ds.tags[t as usize].description.to_string(),
        Val::Event(e) => ds.events[e as usize].title.to_string(),
        Val::Role(p, k) => ds.people[p as usize].roles[k as usize].role.to_string(),
        Val::Truth(true) => "True".into(),
        Val::Truth(false) => "False".into(),
        Val::Date(d) => d.display(),
        Val::Dates(a, b) => format!("{} and {}", a.display(), b.display()),
    }
}

/// An event as “title” (date).
pub(super) fn event_line(ds: &Dataset, e: u32) -> String {
    let ev = &ds.events[e as usize];
    format!("“{}” ({})", ev.title, ev.date.display())
}

/// An event's title in quotes.
pub(super) fn event_title(ds: &Dataset, e: u32) -> String {
    format!("“{}”", ds.events[e as usize].title)
}

/// "Ann Adams was head of the Society" (no full stop).
pub(super) fn was(name: &str, role: &str) -> String {
    format!("{name} was {}", lower_first(role))
}

/// A role inside a sentence of an explanation: an official title quoted from the
/// source keeps its words and capitals, in quotation marks (“Chairman of the
/// State Planning Committee of the USSR”); any other role is lower-cased as by
/// [`lower_first`]. (Questions and options keep [`was`] and the plain role: they
/// are in the quiz's fingerprint.)
pub(super) fn role_words(r: &Role) -> String {
    if r.quoted {
        format!("“{}”", r.role)
    } else {
        lower_first(r.role)
    }
}

/// "Name was role" in an explanation, a quoted title as a quotation.
pub(super) fn was_role(name: &str, r: &Role) -> String {
    format!("{name} was {}", role_words(r))
}

/// The question: what is asked, and what it is asked about (shown below it).
pub fn ask(ds: &Dataset, q: &Question) -> (String, Option<String>) {
    kinds::ask(ds, q)
}

/// "Chairman of X" → "chairman of X" inside a sentence; names and acronyms stay.
pub(super) fn lower_first(s: &str) -> String {
    let mut words = s.splitn(2, ' ');
    let first = words.next().unwrap_or("");
    let keep = first.chars().filter(|c| c.is_uppercase()).count() > 1
        || first.contains('\'')
        || first.starts_with("Emir")
        || first.starts_with("Khan");
    let first = if keep {
        first.to_string()
    } else {
        first.to_ascii_lowercase()
    };
    match words.next() {
        Some(rest) => format!("{first} {rest}"),
        None => first,
    }
}

pub(super) fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The right answer in words (for the review and the answer key).
pub fn answer_text(ds: &Dataset, q: &Question) -> String {
    response_text(ds, q, &q.answer)
}

/// A response in words: the option chosen; the events in the order given; each
/// role with the person chosen.
pub fn response_text(ds: &Dataset, q: &Question, r: &[u8]) -> String {
    let opt = |i: u8| {
        q.options
            .get(i as usize)
            .map_or("—".to_string(), |&v| label(ds, v))
    };
    match q.format() {
        Format::Choice => r.first().map_or("no answer".to_string(), |&i| opt(i)),
        Format::Order => r
            .iter()
            .enumerate()
            .map(|(n, &i)| {
                format!(
                    "{}. {}",
                    n + 1,
                    q.items
                        .get(i as usize)
                        .map_or(String::new(), |&v| label(ds, v))
                )
            })
            .collect::<Vec<_>>()
            .join("; "),
        Format::Match => q
            .items
            .iter()
            .zip(r)
            .map(|(&item, &o)| {
                format!(
                    "{}: {}",
                    label(ds, item),
                    if o == NONE { "—".into() } else { opt(o) }
                )
            })
            .collect::<Vec<_>>()
            .join("; "),
    }
}

/// The places of an event, by name.
pub(super) fn place_names(ds: &Dataset, ev: &Event) -> String {
    let places: Vec<&str> = ev
        .places
        .iter()
        .map(|&p| ds.places[p as usize].name)
        .collect();
    places.join(", ")
}

/// The letter of option `i` (A, B, …), as the worksheet and projector show them.
pub fn letter(i: usize) -> char {
    (b'A' + (i as u8).min(25)) as char
}

/// The right answer in letters, as an answer key grid gives it: a choice "C";
/// an ordering the letters of the items as shown, earliest first ("B D A C");
/// a matching each item's number with the person's letter ("1-B 2-A 3-C").
pub fn answer_letters(q: &Question) -> String {
    match q.format() {
        Format::Choice => q
            .answer
            .first()
            .map_or(String::new(), |&i| letter(i as usize).to_string()),
        Format::Order => q
            .answer
            .iter()
            .map(|&i| letter(i as usize).to_string())
            .collect::<Vec<_>>()
            .join(" "),
        Format::Match => q
            .answer
            .iter()
            .enumerate()
            .map(|(n, &o)| format!("{}-{}", n + 1, letter(o as usize)))
            .collect::<Vec<_>>()
            .join(" "),
    }
}

/// The right answer as the printed worksheet asks for it, for the key's grid:
/// a choice its letter ("C"); an ordering the number each item gets, in the
/// worksheet's order ("2 4 1 3": the first item listed is the second earliest);
/// a matching the letter written by each item, in order ("C A B").
pub fn worksheet_answer(q: &Question) -> String {
    match q.format() {
        Format::Choice => answer_letters(q),
        Format::Order => (0..q.items.len())
            .map(|j| {
                let rank = q.answer.iter().position(|&i| i as usize == j);
                rank.map_or("?".into(), |r| (r + 1).to_string())
            })
            .collect::<Vec<_>>()
            .join(" "),
        Format::Match => q
            .answer
            .iter()
            .map(|&o| letter(o as usize).to_string())
            .collect::<Vec<_>>()
            .join(" "),
    }
}
