//! An organisation's page (`#/orgs/<id>`): what the data says it was, who held
//! an office in it or belonged to it, its events, and the disputes those events
//! are part of. Only what `data/` gives: an org record holds its names (no
//! source per name), kind, date, summary, strands and citations; members come
//! from the people's `roles` (`org`) and `affiliations`.

use super::model::{Dataset, Role};
use super::people::sort_pairs;

/// One person linked to the organisation: their roles in it (each dated and
/// cited, in the order the data lists them) and whether they are listed as
/// belonging to it (an affiliation, which cites nothing of its own).
#[derive(Clone, Debug, PartialEq)]
pub struct Member {
    pub person: u16,
    pub roles: Vec<&'static Role>,
    pub affiliated: bool,
}

/// Everyone with a role in organisation `org` or an affiliation to it: those
/// with a dated role first, by their first role's date; then those with only
/// undated roles; then those only affiliated; by name within each.
pub fn members(ds: &Dataset, org: u16) -> Vec<Member> {
    let mut found: Vec<Member> = Vec::new();
    let mut keyed: Vec<((u8, (i32, i32), &'static str), u32)> = Vec::new();
    for (i, p) in ds.people.iter().enumerate() {
        let roles: Vec<&'static Role> = p.roles.iter().filter(|r| r.org == Some(org)).collect();
        let affiliated = p.affiliations.contains(&org);
        if roles.is_empty() && !affiliated {
            continue;
        }
        let first = roles
            .iter()
            .filter_map(|r| r.date)
            .map(|d| d.sort_key())
            .min();
        let group = match (first, roles.is_empty()) {
            (Some(_), _) => 0,
            (None, false) => 1,
            (None, true) => 2,
        };
        keyed.push(((group, first.unwrap_or((0, 0)), p.name), found.len() as u32));
        found.push(Member {
            person: i as u16,
            roles,
            affiliated,
        });
    }
    sort_pairs(&mut keyed);
    keyed
        .into_iter()
        .map(|(_, k)| found[k as usize].clone())
        .collect()
}

/// The organisation's other names (every name the sources use but the one shown).
pub fn other_names(ds: &Dataset, org: u16) -> Vec<&'static str> {
    let o = &ds.orgs[org as usize];
    o.names.iter().copied().filter(|&n| n != o.name).collect()
}

/// The disputes that touch one of the organisation's events, in dataset order.
pub fn disputes_of(ds: &Dataset, org: u16) -> Vec<u16> {
    let events = ds.orgs[org as usize].events;
    (0..ds.disputes.len() as u16)
        .filter(|&d| {
            ds.disputes[d as usize]
                .events
                .iter()
                .any(|e| events.binary_search(e).is_ok())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::dataset::DATASET;

    fn org(id: &str) -> u16 {
        DATASET.org_index(id).expect(id) as u16
    }

    fn person(id: &str) -> u16 {
        DATASET.person_index(id).expect(id) as u16
    }

    #[test]
    fn members_are_everyone_with_a_role_in_it_or_an_affiliation_to_it() {
        let ds = &DATASET;
        for o in 0..ds.orgs.len() as u16 {
            let got = members(ds, o);
            for (i, p) in ds.people.iter().enumerate() {
                let roles: Vec<&Role> = p.roles.iter().filter(|r| r.org == Some(o)).collect();
                let affiliated = p.affiliations.contains(&o);
                let m = got.iter().find(|m| m.person == i as u16);
                if roles.is_empty() && !affiliated {
                    assert!(m.is_none(), "{} in {}", p.id, ds.orgs[o as usize].id);
                } else {
                    let m = m.expect("a member");
                    assert_eq!(m.roles, roles);
                    assert_eq!(m.affiliated, affiliated);
                }
            }
        }
    }

    #[test]
    fn bukeikhan_chaired_alash_orda_and_leads_its_members() {
        let ds = &DATASET;
        let m = members(ds, org("alash-orda"));
        let bukeikhan = m
            .iter()
            .find(|m| m.person == person("alikhan-bukeikhan"))
            .expect("Bukeikhan is a member");
        assert!(bukeikhan.roles.iter().any(|r| r.role.contains("Chairman")));
        // Dated roles first, in date order; affiliations only at the end.
        let keys: Vec<(u8, (i32, i32))> = m
            .iter()
            .map(|m| {
                let first = m
                    .roles
                    .iter()
                    .filter_map(|r| r.date)
                    .map(|d| d.sort_key())
                    .min();
                let group = if first.is_some() {
                    0
                } else if m.roles.is_empty() {
                    2
                } else {
                    1
                };
                (group, first.unwrap_or((0, 0)))
            })
            .collect();
        assert!(keys.windows(2).all(|w| w[0] <= w[1]), "{keys:?}");
    }

    #[test]
    fn other_names_are_every_name_but_the_one_shown() {
        let ds = &DATASET;
        let o = org("alash-orda");
        let others = other_names(ds, o);
        assert!(others.contains(&"Alash-Orda"));
        assert!(!others.contains(&"Alash Orda"));
        assert_eq!(others.len() + 1, ds.orgs[o as usize].names.len());
    }

    #[test]
    fn its_disputes_are_those_of_its_events() {
        let ds = &DATASET;
        let o = org("khiva-khanate");
        let got = disputes_of(ds, o);
        assert!(got.contains(&(ds.dispute_index("khiva-status").unwrap() as u16)));
        for d in 0..ds.disputes.len() as u16 {
            let touches = ds.disputes[d as usize]
                .events
                .iter()
                .any(|e| ds.orgs[o as usize].events.contains(e));
            assert_eq!(got.contains(&d), touches);
        }
    }
}
