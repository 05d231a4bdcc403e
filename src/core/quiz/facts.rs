//! What the generator knows about a dataset, worked out once: which events have
//! an exact, undisputed date, which roles may be asked, the words of names.

use super::calendar::civil;
use crate::core::date::Date;
use crate::core::model::{Cite, Dataset, Role};
use crate::core::text::keys;

/// What the generator needs to know about a dataset, worked out once (it takes a
/// moment) and shared by every quiz made from it.
pub struct Facts<'a> {
    pub ds: &'a Dataset,
    /// Per event: its year, if it lies within one calendar year, is not disputed,
    /// not approximate, and its title gives no date away.
    pub(super) year: Vec<Option<i16>>,
    /// Per event: the same for one month.
    pub(super) month: Vec<Option<(i16, u8)>>,
    /// Per event: its first and last day, on the same conditions.
    pub(super) span: Vec<Option<(i32, i32)>>,
    /// Per event: a dispute touches it (either side records the link).
    pub(super) disputed: Vec<bool>,
    /// Per event: the search keys of its title.
    pub(super) title_keys: Vec<String>,
    /// Per person and per place: the words of their names (see `named_in`).
    person_words: Vec<Vec<String>>,
    place_words: Vec<Vec<String>>,
    /// Roles a question may ask about (person, role), in dataset order.
    pub(super) roles: Vec<(u16, u8)>,
}

/// Role titles that name one post held by one person at a time. "Member of",
/// "co-author of" and the like are never asked: others may have held them too.
const EXCLUSIVE_ROLES: [&str; 13] = [
    "Chairman of",
    "Vice-Chairman of",
    "Deputy Chairman of",
    "Head of",
    "Chief editor of",
    "Emir of",
    "Khan of",
    "Leader of",
    "People's Commissar of",
    "General Secretary of",
    "Secretary of",
    "Founder of",
    "Commander of",
];

fn cites_overlap(a: &[Cite], b: &[Cite]) -> bool {
    a.iter().any(|x| {
        b.iter()
            .any(|y| x.source == y.source && x.from <= y.to && y.from <= x.to)
    })
}

/// The words (four letters or more) of some names, as search keys.
fn name_words<'n>(names: impl Iterator<Item = &'n str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for n in names {
        for k in keys(n).split(' ').filter(|k| k.len() >= 4) {
            let k = format!(" {k}");
            if !out.contains(&k) {
                out.push(k);
            }
        }
    }
    out
}

/// Whether one of the words starts a word of `haystack` (made by `keys`):
/// "Bukeikhan" is in "Bukeikhan's burial".
fn named_in(words: &[String], haystack: &str) -> bool {
    words.iter().any(|w| haystack.contains(w.as_str()))
}

const MONTH_WORDS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A title that gives a date away (a year, a month) is not asked about by date.
fn dated_title(title: &str) -> bool {
    let b = title.as_bytes();
    let year = b.windows(4).enumerate().any(|(i, w)| {
        w.iter().all(u8::is_ascii_digit)
            && (i == 0 || !b[i - 1].is_ascii_digit())
            && b.get(i + 4).is_none_or(|c| !c.is_ascii_digit())
    });
    year || title
        .split(|c: char| !c.is_ascii_alphabetic())
        .any(|w| MONTH_WORDS.iter().any(|m| m.eq_ignore_ascii_case(w)))
}

/// Whether `needle` occurs in `hay`, ignoring ASCII case.
fn contains_ci(hay: &str, needle: &str) -> bool {
    let n = needle.as_bytes();
    !n.is_empty()
        && hay
            .as_bytes()
            .windows(n.len())
            .any(|w| w.eq_ignore_ascii_case(n))
}
impl<'a> Facts<'a> {
    pub fn new(ds: &'a Dataset) -> Facts<'a> {
        let mut disputed: Vec<bool> = ds.events.iter().map(|e| !e.disputes.is_empty()).collect();
        for d in ds.disputes {
            for &e in d.events {
                disputed[e as usize] = true;
            }
        }
        let person_words = ds
            .people
            .iter()
            .map(|p| name_words(std::iter::once(p.name).chain(p.names.iter().map(|n| n.name))))
            .collect();
        let place_words = ds
            .places
            .iter()
            .map(|p| name_words(std::iter::once(p.name).chain(p.names.iter().copied())))
            .collect();
        let mut facts = Facts {
            ds,
            year: Vec::new(),
            month: Vec::new(),
            span: Vec::new(),
            disputed,
            title_keys: ds.events.iter().map(|e| keys(e.title)).collect(),
            person_words,
            place_words,
            roles: Vec::new(),
        };
        // Each dispute's words, to look for an organisation's name in.
        let disputes: Vec<String> = ds
            .disputes
            .iter()
            .map(|d| {
                let mut t = format!("{} {}", d.title, d.summary);
                d.claims.iter().for_each(|c| t.push_str(c.says));
                t
            })
            .collect();
        for (p, person) in ds.people.iter().enumerate() {
            for (k, r) in person.roles.iter().enumerate() {
                let holders = ds
                    .people
                    .iter()
                    .flat_map(|q| q.roles)
                    .filter(|x| x.role.eq_ignore_ascii_case(r.role))
                    .count();
                if holders == 1 && facts.role_askable(p as u16, r, &disputes) {
                    facts.roles.push((p as u16, k as u8));
                }
            }
        }
        let events = 0..ds.events.len() as u32;
        facts.span = events.clone().map(|e| facts.exact_span(e)).collect();
        facts.year = events.clone().map(|e| facts.exact_year(e)).collect();
        facts.month = events.map(|e| facts.exact_month(e)).collect();
        facts
    }

    pub(super) fn role(&self, p: u16, k: u8) -> &'static Role {
        &self.ds.people[p as usize].roles[k as usize]
    }

    /// One post (held by no one else, checked by the caller) that no dispute
    /// about its holder is about: none cites its paragraphs or names its organisation.
    fn role_askable(&self, p: u16, r: &Role, disputes: &[String]) -> bool {
        let ds = self.ds;
        let Some(org) = r.org else { return false };
        if !EXCLUSIVE_ROLES.iter().any(|s| r.role.starts_with(s))
            || r.role.bytes().any(|b| b.is_ascii_digit())
        {
            return false;
        }
        let org_name = ds.orgs[org as usize].name;
        !ds.disputes.iter().zip(disputes).any(|(d, text)| {
            d.people.contains(&p)
                && (d.claims.iter().any(|c| cites_overlap(c.cite, r.cite))
                    || contains_ci(text, org_name))
        })
    }

    /// Whether person `p` holds any role in organisation `org`.
    pub(super) fn holds_in(&self, p: u16, org: Option<u16>) -> bool {
        org.is_some()
            && self.ds.people[p as usize]
                .roles
                .iter()
                .any(|r| r.org == org)
    }

    /// The first and last day of an undisputed, exactly dated event whose title
    /// gives no date away.
    fn exact_span(&self, e: u32) -> Option<(i32, i32)> {
        let ev = &self.ds.events[e as usize];
        if self.disputed[e as usize] || ev.date.is_approx() || dated_title(ev.title) {
            return None;
        }
        match ev.date {
            Date::On(_) | Date::Range(..) => Some((ev.date.start_day()?, ev.date.end_day()?)),
            _ => None,
        }
    }

    /// The year, when the whole span lies in one (a winter runs into the next year).
    fn exact_year(&self, e: u32) -> Option<i16> {
        let (a, b) = self.span[e as usize]?;
        let (a, b) = (civil(a).0, civil(b).0);
        (a == b).then_some(a as i16)
    }

    /// The month, when the whole span lies in one.
    fn exact_month(&self, e: u32) -> Option<(i16, u8)> {
        let (a, b) = self.span[e as usize]?;
        let ((y, m, _), (z, n, _)) = (civil(a), civil(b));
        (y == z && m == n).then_some((y as i16, m))
    }

    pub(super) fn person_named_in(&self, p: u16, haystack: &str) -> bool {
        named_in(&self.person_words[p as usize], haystack)
    }

    pub(super) fn place_named_in(&self, p: u16, haystack: &str) -> bool {
        named_in(&self.place_words[p as usize], haystack)
    }

    /// A city with trustworthy coordinates more than ~50 km from every place of the event.
    pub(super) fn far_city(&self, e: u32, c: u16) -> bool {
        let ds = self.ds;
        let city = &ds.places[c as usize];
        ds.place_kinds[city.kind as usize].id == "city"
            && !city.approx
            && ds.events[e as usize].places.iter().all(|&p| {
                let p = &ds.places[p as usize];
                p.id != city.id
                    && ((p.lat - city.lat).abs() > 0.5 || (p.lon - city.lon).abs() > 0.7)
            })
    }

    pub(super) fn is_city(&self, p: u16) -> bool {
        let ds = self.ds;
        ds.place_kinds[ds.places[p as usize].kind as usize].id == "city"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_that_give_a_date_away_are_spotted() {
        assert!(dated_title(
            "The 1905 upheaval politicises the Kazakh steppe"
        ));
        assert!(dated_title("Arrest in October"));
        assert!(!dated_title("Second All-Kazakh Congress forms Alash Orda"));
        assert!(!dated_title("Battle of 12345 horses"));
    }
}
