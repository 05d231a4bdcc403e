//! A person's page: life dates, roles as lines, how much of the timeline they are
//! in, their relations (from [`Dataset::links_of`]), whom they appear with and
//! where their events took place.

use super::sort_pairs;
use crate::core::model::{Dataset, LifeDate, Link, Person, Role};
use crate::core::text::{keys, Query};

/// Life dates as the sources give them: "1896 – 1935", "unknown – 27 Sep 1937";
/// just "unknown" when neither is given.
pub fn life_span(p: &Person) -> String {
    match (&p.born, &p.died) {
        (None, None) => "unknown".to_string(),
        (b, d) => {
            let show = |x: &Option<LifeDate>| {
                x.as_ref()
                    .map_or_else(|| "unknown".to_string(), |l| l.date.display())
            };
            format!("{} – {}", show(b), show(d))
        }
    }
}

/// A role as a line: its wording, then the organisation's name in brackets
/// unless the wording already names it (in any of its names and spellings).
pub fn role_text(ds: &Dataset, r: &Role) -> String {
    match role_org(ds, r) {
        Some(org) => format!("{} ({org})", r.role),
        None => r.role.to_string(),
    }
}

/// The organisation to name after a role, when the role's words do not name it.
pub fn role_org(ds: &Dataset, r: &Role) -> Option<&'static str> {
    let o = &ds.orgs[r.org? as usize];
    let said = keys(r.role);
    let named = std::iter::once(&o.name)
        .chain(o.names)
        .any(|n| Query::new(n).matches(&said));
    (!named).then_some(o.name)
}

/// How much of the timeline a person is in: "109 events, first: Dec 1905",
/// "1 event: 1917", "in no event".
pub fn appearances(ds: &Dataset, p: &Person) -> String {
    let year = |i: u32| ds.events[i as usize].date.display();
    match p.events {
        [] => "in no event".to_string(),
        [only] => format!("1 event: {}", year(*only)),
        [first, ..] => format!("{} events, first: {}", p.events.len(), year(*first)),
    }
}

/// A person's stated relations, recorded on them or derived from the other
/// side (see [`Dataset::links_of`]), grouped by kind in the vocabulary's order
/// (family first, adversaries last), recorded before derived.
pub fn relations(ds: &Dataset, person: u16) -> Vec<Link> {
    let links = ds.links_of(person);
    let mut order: Vec<(u32, u32)> = links
        .iter()
        .enumerate()
        .map(|(i, l)| (u32::from(l.kind) << 1 | u32::from(l.derived), i as u32))
        .collect();
    sort_pairs(&mut order);
    order.into_iter().map(|(_, i)| links[i as usize]).collect()
}

/// The other people in a person's events, each with the number of events they
/// share, most shared first (then in id order).
pub fn appears_with(ds: &Dataset, person: u16) -> Vec<(u16, u32)> {
    let mut counts = vec![0u32; ds.people.len()];
    for e in ds.events_of(&ds.people[person as usize]) {
        let mut seen: Vec<u16> = Vec::with_capacity(e.people.len());
        for &o in e.people {
            if o != person && !seen.contains(&o) {
                seen.push(o);
                counts[o as usize] += 1;
            }
        }
    }
    most_first(counts)
}

/// The non-zero counts as (index, count), the largest first (then by index).
fn most_first(counts: Vec<u32>) -> Vec<(u16, u32)> {
    let mut keyed: Vec<(u32, u32)> = counts
        .into_iter()
        .enumerate()
        .filter(|&(_, n)| n > 0)
        .map(|(i, n)| (u32::MAX - n, i as u32))
        .collect();
    sort_pairs(&mut keyed);
    keyed
        .into_iter()
        .map(|(k, i)| (i as u16, u32::MAX - k))
        .collect()
}

/// The places of a person's events, each with how many of their events are
/// there, most first (then in id order).
pub fn places_of(ds: &Dataset, person: u16) -> Vec<(u16, u32)> {
    let mut counts = vec![0u32; ds.places.len()];
    for e in ds.events_of(&ds.people[person as usize]) {
        let mut seen: Vec<u16> = Vec::with_capacity(e.places.len());
        for &pl in e.places {
            if !seen.contains(&pl) {
                seen.push(pl);
                counts[pl as usize] += 1;
            }
        }
    }
    most_first(counts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::dataset::DATASET;
    use crate::core::model::inverse_relation;
    use crate::core::people::testing::person;
    use crate::core::text::fold;
    use std::collections::BTreeSet;

    #[test]
    fn inverse_relations_appear_on_the_other_person() {
        let ds = &DATASET;
        let kind = |id: &str| ds.relation_kinds.iter().position(|t| t.id == id).unwrap() as u8;
        let mut recorded = 0;
        for (i, p) in ds.people.iter().enumerate() {
            for r in p.relations {
                recorded += 1;
                let theirs = relations(ds, r.to);
                let inverse = kind(inverse_relation(ds.relation_kinds[r.kind as usize].id));
                assert!(
                    theirs.iter().any(|l| l.other == i as u16
                        && l.derived
                        && l.kind == inverse
                        && l.cite == r.cite),
                    "{} → {} is missing on {}",
                    p.id,
                    ds.people[r.to as usize].id,
                    ds.people[r.to as usize].id
                );
                assert!(relations(ds, i as u16)
                    .iter()
                    .any(|l| l.other == r.to && !l.derived && l.kind == r.kind));
            }
        }
        // Each recorded relation shows up exactly twice: once on each side.
        let shown: usize = (0..ds.people.len())
            .map(|p| relations(ds, p as u16).len())
            .sum();
        assert_eq!(shown, 2 * recorded);
        assert!(recorded > 20);

        // Concretely: Bukeikhan records his daughter as his child; she has him as a parent.
        let b = person("alikhan-bukeikhan");
        let daughter = relations(ds, person("elizaveta-bukeikhanova"));
        assert!(daughter
            .iter()
            .any(|l| l.other == b && l.kind == kind("parent") && l.derived));
        let brother = relations(ds, person("smakhan-tore"));
        assert!(brother
            .iter()
            .any(|l| l.other == b && l.kind == kind("sibling") && l.derived));
        // Grouped by kind, family first.
        let his = relations(ds, b);
        assert!(his.windows(2).all(|w| w[0].kind <= w[1].kind));
    }

    #[test]
    fn appears_with_counts_are_the_shared_events() {
        let ds = &DATASET;
        for (i, p) in ds.people.iter().enumerate() {
            let mine: BTreeSet<u32> = p.events.iter().copied().collect();
            let with = appears_with(ds, i as u16);
            let mut expected = BTreeSet::new();
            for &e in &mine {
                expected.extend(
                    ds.events[e as usize]
                        .people
                        .iter()
                        .copied()
                        .filter(|&o| o as usize != i),
                );
            }
            assert_eq!(
                with.iter().map(|&(o, _)| o).collect::<BTreeSet<_>>(),
                expected,
                "{}",
                p.id
            );
            for &(o, n) in &with {
                let shared = ds.people[o as usize]
                    .events
                    .iter()
                    .filter(|e| mine.contains(e))
                    .count();
                assert_eq!(
                    n as usize, shared,
                    "{} with {}",
                    p.id, ds.people[o as usize].id
                );
            }
            assert!(
                with.windows(2).all(|w| w[0].1 >= w[1].1),
                "most shared first"
            );
        }
        let b = appears_with(ds, person("alikhan-bukeikhan"));
        assert!(b.len() > 20 && b[0].1 > 1);
    }

    #[test]
    fn places_come_from_the_persons_events() {
        let ds = &DATASET;
        let b = person("alikhan-bukeikhan");
        let places = places_of(ds, b);
        assert!(!places.is_empty());
        for &(pl, n) in &places {
            let there = ds
                .events_of(&ds.people[b as usize])
                .filter(|e| e.places.contains(&pl))
                .count();
            assert_eq!(n as usize, there);
        }
    }

    #[test]
    fn life_dates_say_unknown_where_no_source_gives_one() {
        let ds = &DATASET;
        let b = &ds.people[person("alikhan-bukeikhan") as usize];
        assert_eq!(life_span(b), "unknown – 27 Sep 1937");
        let s = &ds.people[person("georgy-skalov") as usize];
        assert_eq!(life_span(s), "1896 – 1935");
        let none = ds
            .people
            .iter()
            .find(|p| p.born.is_none() && p.died.is_none())
            .unwrap();
        assert_eq!(life_span(none), "unknown");
    }

    #[test]
    fn appearances_count_the_events_and_give_the_first() {
        let ds = &DATASET;
        let b = &ds.people[person("alikhan-bukeikhan") as usize];
        let first = ds.events[b.events[0] as usize].date.display();
        assert_eq!(
            appearances(ds, b),
            format!("{} events, first: {first}", b.events.len())
        );
        let none = ds.people.iter().find(|p| p.events.is_empty()).unwrap();
        assert_eq!(appearances(ds, none), "in no event");
        if let Some(one) = ds.people.iter().find(|p| p.events.len() == 1) {
            assert!(appearances(ds, one).starts_with("1 event: "));
        }
    }

    #[test]
    fn citations_group_by_source_and_section() {
        let ds = &DATASET;
        let b = &ds.people[person("alikhan-bukeikhan") as usize];
        let chairman = b
            .roles
            .iter()
            .find(|r| r.role == "Chairman of Alash Orda")
            .unwrap();
        let line = ds.cites_text(chairman.cite);
        // Each source title once, every paragraph kept.
        for c in chairman.cite {
            let title = ds.sources[c.source as usize].title;
            assert_eq!(line.matches(&format!("{title}: ")).count(), 1, "{line}");
            assert!(line.contains(&c.from.to_string()), "{line}");
            if let Some(h) = ds.cite_section(c) {
                assert!(line.contains(h), "{line}");
            }
        }
        assert!(
            line.len()
                < chairman
                    .cite
                    .iter()
                    .map(|c| ds.cite_text(c).len())
                    .sum::<usize>()
        );
        // One citation: the source, the section, the paragraph.
        let c = &b.cite[0];
        let title = ds.sources[c.source as usize].title;
        let paras = if c.from == c.to {
            c.from.to_string()
        } else {
            format!("{}–{}", c.from, c.to)
        };
        let expected = match ds.cite_section(c) {
            Some(h) => format!("{title}: “{h}” ¶ {paras}"),
            None => format!("{title}: ¶ {paras}"),
        };
        assert_eq!(ds.cites_text(&b.cite[..1]), expected);
        assert_eq!(ds.cites_text(&[]), "");
    }

    #[test]
    fn a_role_names_its_organisation_once() {
        let ds = &DATASET;
        let b = &ds.people[person("alikhan-bukeikhan") as usize];
        let text = |role: &str| role_text(ds, b.roles.iter().find(|r| r.role == role).unwrap());
        assert_eq!(text("Chairman of Alash Orda"), "Chairman of Alash Orda");
        assert_eq!(
            text("Head of the Eastern (Semipalatinsk) branch of Alash Orda"),
            "Head of the Eastern (Semipalatinsk) branch of Alash Orda"
        );
        // The wording "Central Publishing House" is one of the organisation's names.
        assert_eq!(
            text("Member of the literary staff of the Kazakh section of the Central Publishing House"),
            "Member of the literary staff of the Kazakh section of the Central Publishing House"
        );
        let (mut bare, mut added) = (0, 0);
        for r in ds.people.iter().flat_map(|p| p.roles) {
            let Some(o) = r.org.map(|o| &ds.orgs[o as usize]) else {
                continue;
            };
            let t = role_text(ds, r);
            if t == r.role {
                bare += 1;
            } else {
                assert_eq!(t, format!("{} ({})", r.role, o.name));
                assert!(!fold(r.role).contains(&fold(o.name)), "{t}");
                added += 1;
            }
        }
        assert!(bare > 0 && added > 0, "{bare} {added}");
        let unattached = ds
            .people
            .iter()
            .flat_map(|p| p.roles)
            .find(|r| r.org.is_none())
            .unwrap();
        assert_eq!(role_text(ds, unattached), unattached.role);
    }
}
