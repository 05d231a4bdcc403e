//! The independent checks: each question's answer re-derived from the dataset by
//! other means than the generator's.

use crate::core::date::{day_number, Date};
use crate::core::model::*;
use crate::core::quiz::*;

/// Some dispute touches the event, recorded on either side.
fn event_disputed(ds: &Dataset, e: u32) -> bool {
    !ds.events[e as usize].disputes.is_empty() || ds.disputes.iter().any(|d| d.events.contains(&e))
}

/// The event certainly lies within [first, last] (days).
fn within(ds: &Dataset, e: u32, first: i32, last: i32) -> bool {
    let d = ds.events[e as usize].date;
    match (d.start_day(), d.end_day()) {
        (Some(a), Some(b)) => !d.is_approx() && first <= a && b <= last,
        _ => false,
    }
}

fn in_year(ds: &Dataset, e: u32, y: i32) -> bool {
    within(ds, e, day_number(y, 1, 1), day_number(y, 12, 31))
}

fn in_month(ds: &Dataset, e: u32, y: i32, m: u8) -> bool {
    let last = if m == 12 {
        day_number(y + 1, 1, 1)
    } else {
        day_number(y, m + 1, 1)
    } - 1;
    within(ds, e, day_number(y, m, 1), last)
}

/// Could the event be said to have happened in this year/month at all?
fn may_be_in(ds: &Dataset, e: u32, first: i32, last: i32) -> bool {
    let d = ds.events[e as usize].date;
    d.start_day().unwrap_or(i32::MIN) <= last && d.end_day().unwrap_or(i32::MAX) >= first
}

pub(super) fn role_text(ds: &Dataset, p: u16, k: u8) -> &'static str {
    ds.people[p as usize].roles[k as usize].role
}

fn holds_text(ds: &Dataset, p: u16, text: &str) -> bool {
    ds.people[p as usize]
        .roles
        .iter()
        .any(|r| r.role.eq_ignore_ascii_case(text))
}

fn holds_org(ds: &Dataset, p: u16, org: Option<u16>) -> bool {
    org.is_some() && ds.people[p as usize].roles.iter().any(|r| r.org == org)
}

/// A role no dispute about its holder bears on (by cited paragraph).
fn role_undisputed(ds: &Dataset, p: u16, k: u8) -> bool {
    let r = &ds.people[p as usize].roles[k as usize];
    !ds.disputes.iter().any(|d| {
        d.people.contains(&p)
            && d.claims.iter().any(|c| {
                c.cite.iter().any(|x| {
                    r.cite
                        .iter()
                        .any(|y| x.source == y.source && x.from <= y.to && y.from <= x.to)
                })
            })
    })
}

fn near(a: &Place, b: &Place) -> bool {
    (a.lat - b.lat).abs() <= 0.5 && (a.lon - b.lon).abs() <= 0.7
}

/// Whether each option of a multiple-choice question is right, and whether a
/// wrong one could still be argued for (it must not be).
fn truths(ds: &Dataset, q: &Question) -> Vec<(bool, bool)> {
    q.options
        .iter()
        .map(|&v| match (q.subject, v) {
            (Subject::Event(e), Val::Year(y)) => year_truth(ds, e, y),
            (Subject::Event(e), Val::Month(y, m)) => {
                let y = i32::from(y);
                let last = if m == 12 {
                    day_number(y + 1, 1, 1)
                } else {
                    day_number(y, m + 1, 1)
                } - 1;
                (
                    in_month(ds, e, y, m),
                    may_be_in(ds, e, day_number(y, m, 1), last),
                )
            }
            (Subject::Event(e), Val::Person(p)) => {
                let yes = ds.events[e as usize].people.contains(&p);
                (yes, yes)
            }
            (Subject::Event(e), Val::Place(c)) => place_truth(ds, e, c),
            (Subject::Event(e), Val::Tag(t)) => {
                let ev = &ds.events[e as usize];
                let yes = ev.tags.contains(&t);
                // Some person or organisation of the event has the strand.
                let arguable = ev
                    .people
                    .iter()
                    .map(|&p| ds.people[p as usize].tags)
                    .chain(ev.orgs.iter().map(|&o| ds.orgs[o as usize].tags))
                    .any(|tags| tags.contains(&t));
                (yes, yes || arguable)
            }
            (Subject::Role(p, k), Val::Person(q)) => role_truth(ds, p, k, q),
            (Subject::DisputedEvent, Val::Event(e)) => {
                let yes = event_disputed(ds, e);
                (yes, yes)
            }
            (Subject::DisputeDates(d), Val::Date(x)) => {
                let yes = ds.disputes[d as usize]
                    .claims
                    .iter()
                    .any(|c| c.date.is_some_and(|c| c.display() == x.display()));
                (yes, yes)
            }
            (Subject::DisputeDates(d), Val::Dates(a, b)) => {
                let mut given: Vec<String> = ds.disputes[d as usize]
                    .claims
                    .iter()
                    .filter_map(|c| c.date.map(|c| c.display()))
                    .collect();
                given.sort();
                given.dedup();
                let mut pair = vec![a.display(), b.display()];
                pair.sort();
                let yes = given == pair;
                (yes, yes)
            }
            (Subject::Statement(s), Val::Truth(t)) => {
                let (fact, arguable) = statement_truth(ds, s);
                // "True" is right when the fact holds; "False" when it cannot be argued for.
                if t {
                    (fact, arguable)
                } else {
                    (!arguable, !fact)
                }
            }
            other => panic!("unexpected option {other:?}"),
        })
        .collect()
}

/// Whether a statement is true, and whether it could be argued for.
fn statement_truth(ds: &Dataset, s: Statement) -> (bool, bool) {
    match s {
        Statement::EventYear(e, y) => year_truth(ds, e, y),
        Statement::EventPlace(e, c) => place_truth(ds, e, c),
        Statement::PersonRole {
            person,
            holder,
            role,
        } => role_truth(ds, holder, role, person),
    }
}

/// Whether the event happened in year `y`, and whether that could be argued.
fn year_truth(ds: &Dataset, e: u32, y: i16) -> (bool, bool) {
    let y = i32::from(y);
    (
        in_year(ds, e, y),
        may_be_in(ds, e, day_number(y, 1, 1), day_number(y, 12, 31)),
    )
}

/// Whether the event took place at `c`, and whether that could be argued (`c`
/// is only roughly placed, or near one of the event's places).
fn place_truth(ds: &Dataset, e: u32, c: u16) -> (bool, bool) {
    let ev = &ds.events[e as usize];
    let city = &ds.places[c as usize];
    let yes = ev.places.contains(&c);
    let close = ev
        .places
        .iter()
        .any(|&p| near(&ds.places[p as usize], city));
    (yes, yes || city.approx || close)
}

/// Whether `person` held role `k` of `holder`, and whether that could be argued
/// (they held something in its organisation).
fn role_truth(ds: &Dataset, holder: u16, k: u8, person: u16) -> (bool, bool) {
    let r = &ds.people[holder as usize].roles[k as usize];
    let yes = holds_text(ds, person, r.role);
    (yes, yes || holds_org(ds, person, r.org))
}

/// The events a question states something settled about.
pub(super) fn settled_events(q: &Question) -> Vec<u32> {
    match q.subject {
        Subject::Event(e) if q.kind != Kind::Disputes => vec![e],
        Subject::Statement(Statement::EventYear(e, _) | Statement::EventPlace(e, _)) => vec![e],
        Subject::Order => q
            .items
            .iter()
            .map(|v| match *v {
                Val::Event(e) => e,
                _ => panic!("order of {v:?}"),
            })
            .collect(),
        _ => Vec::new(),
    }
}

fn settled_roles(q: &Question) -> Vec<(u16, u8)> {
    match q.subject {
        Subject::Role(p, k) => vec![(p, k)],
        Subject::Statement(Statement::PersonRole { holder, role, .. }) => vec![(holder, role)],
        Subject::Match => q
            .items
            .iter()
            .map(|v| match *v {
                Val::Role(p, k) => (p, k),
                _ => panic!("match of {v:?}"),
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// No day lies in both dates (an open bound reaches forever): neither holds the
/// other's first day.
fn apart(a: &Date, b: &Date) -> bool {
    let days = |d: &Date| d.start_day().unwrap_or(i32::MIN)..=d.end_day().unwrap_or(i32::MAX);
    let (a, b) = (days(a), days(b));
    !a.contains(b.start()) && !b.contains(a.start())
}

/// A dates question asks about a dispute over *when*: the claims' dates exclude
/// each other, and every date offered that no source gives overlaps none that one does.
fn check_dispute_dates(ds: &Dataset, d: u16, q: &Question, ctx: &str) {
    let given: Vec<Date> = ds.disputes[d as usize]
        .claims
        .iter()
        .filter_map(|c| c.date)
        .collect();
    for (i, a) in given.iter().enumerate() {
        for b in &given[i + 1..] {
            assert!(
                a.display() == b.display() || apart(a, b),
                "{ctx}: claims {a} and {b} overlap"
            );
        }
    }
    let offered: Vec<Date> = q
        .options
        .iter()
        .flat_map(|v| match *v {
            Val::Date(x) => vec![x],
            Val::Dates(x, y) => vec![x, y],
            _ => vec![],
        })
        .collect();
    for x in offered {
        let is_given = given.iter().any(|g| g.display() == x.display());
        assert!(
            is_given || given.iter().all(|g| apart(g, &x)),
            "{ctx}: {x} overlaps a claimed date"
        );
    }
}

/// Checks one question against the dataset; panics with `ctx` on a fault.
pub(super) fn check(ds: &Dataset, q: &Question, topic: &[u32], ctx: &str) {
    let labels = |vs: &[Val]| vs.iter().map(|&v| label(ds, v)).collect::<Vec<_>>();
    let (opts, items) = (labels(&q.options), labels(&q.items));
    for list in [&opts, &items] {
        let mut l = list.clone();
        l.sort();
        l.dedup();
        assert_eq!(l.len(), list.len(), "{ctx}: repeated option in {list:?}");
    }
    assert!(
        q.accepts(&q.answer),
        "{ctx}: the answer does not fit the question"
    );
    for e in settled_events(q) {
        assert!(
            !event_disputed(ds, e),
            "{ctx}: disputed event {} asked as settled",
            ds.events[e as usize].id
        );
    }
    for (p, k) in settled_roles(q) {
        assert!(
            role_undisputed(ds, p, k),
            "{ctx}: disputed role {}",
            role_text(ds, p, k)
        );
        let holders = ds
            .people
            .iter()
            .flat_map(|x| x.roles)
            .filter(|r| r.role.eq_ignore_ascii_case(role_text(ds, p, k)))
            .count();
        assert_eq!(
            holders,
            1,
            "{ctx}: role {:?} is held by several",
            role_text(ds, p, k)
        );
    }
    if let Subject::DisputeDates(d) = q.subject {
        check_dispute_dates(ds, d, q, ctx);
    }
    // Questions about one event keep to the topic.
    if let Subject::Event(e) = q.subject {
        assert!(topic.contains(&e), "{ctx}: event outside the topic");
    }
    match q.format() {
        Format::Choice => {
            let t = truths(ds, q);
            let right: Vec<usize> = (0..t.len()).filter(|&i| t[i].0).collect();
            assert_eq!(
                right,
                vec![q.answer[0] as usize],
                "{ctx}: right options {right:?} for {:?} / {opts:?}",
                ask(ds, q)
            );
            for (i, &(_, arguable)) in t.iter().enumerate() {
                assert!(
                    i == q.answer[0] as usize || !arguable,
                    "{ctx}: wrong option {:?} could be argued",
                    opts[i]
                );
            }
            if q.kind == Kind::Where {
                for (i, a) in q.options.iter().enumerate() {
                    for b in &q.options[i + 1..] {
                        let (Val::Place(a), Val::Place(b)) = (*a, *b) else {
                            unreachable!()
                        };
                        assert!(
                            !near(&ds.places[a as usize], &ds.places[b as usize]),
                            "{ctx}: {opts:?} has two names for one place"
                        );
                    }
                }
            }
            let n = if q.kind == Kind::TrueFalse {
                2
            } else {
                q.options.len()
            };
            assert!((2..=5).contains(&n), "{ctx}: {n} options");
        }
        Format::Order => {
            assert!((4..=5).contains(&q.items.len()), "{ctx}");
            let spans: Vec<(i32, i32)> = q
                .items
                .iter()
                .map(|v| match *v {
                    Val::Event(e) => {
                        let d = ds.events[e as usize].date;
                        assert!(!d.is_approx(), "{ctx}: approximate date in an ordering");
                        (d.start_day().expect("closed"), d.end_day().expect("closed"))
                    }
                    _ => unreachable!(),
                })
                .collect();
            let ordered: Vec<(i32, i32)> = q.answer.iter().map(|&i| spans[i as usize]).collect();
            for w in ordered.windows(2) {
                assert!(
                    w[0].1 < w[1].0,
                    "{ctx}: overlapping or misordered dates {w:?}"
                );
            }
            assert_ne!(q.answer, q.blank(), "{ctx}: shown already in order");
        }
        Format::Match => {
            for (i, v) in q.items.iter().enumerate() {
                let Val::Role(p, k) = *v else { unreachable!() };
                let r = &ds.people[p as usize].roles[k as usize];
                for (o, w) in q.options.iter().enumerate() {
                    let Val::Person(x) = *w else { unreachable!() };
                    let fits = holds_text(ds, x, r.role) || holds_org(ds, x, r.org);
                    assert_eq!(
                        fits,
                        o == q.answer[i] as usize,
                        "{ctx}: {} for {:?}",
                        ds.people[x as usize].name,
                        r.role
                    );
                }
            }
        }
    }
    let ex = explain(ds, q);
    assert!(!ex.cites.is_empty(), "{ctx}: no citation");
    assert!(!ex.links.is_empty(), "{ctx}: no link");
    assert!(!ex.text.is_empty());
    for c in &ex.cites {
        assert!(!ds.cite_text(c).is_empty());
    }
}
