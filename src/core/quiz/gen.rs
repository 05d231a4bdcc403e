//! The generator: a quiz is made by taking the question types in a shuffled
//! order, round after round, each from its own shuffled queue of candidates,
//! until enough questions are made or every queue is empty. What a type makes of
//! a candidate is in its file under `kinds/`; the helpers they share are here.

use super::kinds::{self, Kind};
use super::question::{Impossible, Question, Quiz, Subject, Val};
use super::rng::Rng;
use super::spec::{Level, Spec};
use super::words::label;
use super::Facts;
use crate::core::filter::SearchIndex;
use crate::core::model::{Dataset, Role};
use crate::core::text::keys;

/// What a question is made from, before it is tried.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Cand {
    Event(u32),
    Role(u16, u8),
    Dispute(u16),
    /// Orderings and matchings pick their own material.
    Any,
}

impl Cand {
    pub(super) fn event(self) -> Option<u32> {
        match self {
            Cand::Event(e) => Some(e),
            _ => None,
        }
    }
}

#[derive(Clone)]
pub(super) struct Gen<'a> {
    pub(super) f: &'a Facts<'a>,
    pub(super) rng: Rng,
    pub(super) level: Level,
    /// `v=2`: key events are asked first.
    key_first: bool,
    pub(super) pool: Vec<u32>,
    pub(super) in_pool: Vec<bool>,
    /// Roles of people in the topic's events (and its years).
    pub(super) roles: Vec<(u16, u8)>,
    pub(super) used_events: Vec<bool>,
    pub(super) used_in_order: Vec<bool>,
    pub(super) used_roles: Vec<(u16, u8)>,
    pub(super) used_disputes: Vec<bool>,
}

/// Makes the quiz a spec describes (the seed `None` counts as the empty seed).
pub fn generate(facts: &Facts, index: &SearchIndex, spec: &Spec) -> Result<Quiz, Impossible> {
    shaped(facts, index, spec, false).map(|s| s.quiz)
}

/// A quiz as the teacher shaped it, and what the preview needs to know of it.
#[derive(Clone, Debug, PartialEq)]
pub struct Shaped {
    pub quiz: Quiz,
    /// Each question's slot in the quiz as first made (the numbers `swap=` and
    /// `drop=` use).
    pub slots: Vec<u8>,
    /// The types that could give one more question (a replacement); filled
    /// only when asked for.
    pub spare: Vec<Kind>,
}

type Queue = (Kind, Vec<Cand>);

/// The next question a type's queue gives, if any (`Any` stays queued while it
/// makes questions).
fn next_of(g: &mut Gen, (kind, cands): &mut Queue) -> Option<Question> {
    while !cands.is_empty() {
        let c = cands.remove(0);
        let made = kinds::make(*kind, g, c);
        if c == Cand::Any && made.is_some() {
            cands.push(Cand::Any);
        }
        if made.is_some() {
            return made;
        }
    }
    None
}

/// The quiz first made (the rounds over the types), then each replacement
/// drawn from its type's queue where the rounds stopped, then the removals.
/// Without `swap=`/`drop=` this is the quiz `generate` always made.
pub fn shaped(
    facts: &Facts,
    index: &SearchIndex,
    spec: &Spec,
    spares: bool,
) -> Result<Shaped, Impossible> {
    let topic = super::shape::topic(facts.ds, index, spec);
    let events = topic.pool.len();
    let mut g = Gen::new(facts, spec, topic);
    let mut kinds = spec.kinds();
    g.rng.shuffle(&mut kinds);
    let mut queues: Vec<Queue> = kinds.iter().map(|&k| (k, g.candidates(k))).collect();
    let n = spec.n() as usize;
    let mut questions = Vec::new();
    while questions.len() < n && !queues.is_empty() {
        let mut i = 0;
        while i < queues.len() && questions.len() < n {
            match next_of(&mut g, &mut queues[i]) {
                Some(q) => {
                    questions.push(q);
                    i += 1;
                }
                None => {
                    queues.remove(i);
                }
            }
        }
    }
    if questions.len() < n {
        return Err(Impossible {
            events,
            possible: questions.len(),
            asked: n,
        });
    }
    for &slot in &spec.shape.swaps {
        let Some(old) = questions.get(slot as usize) else {
            continue;
        };
        let kind = old.kind;
        if let Some(queue) = queues.iter_mut().find(|q| q.0 == kind) {
            if let Some(q) = next_of(&mut g, queue) {
                questions[slot as usize] = q;
            }
        }
    }
    let spare = if spares {
        queues
            .iter()
            .filter(|q| next_of(&mut g.clone(), &mut (q.0, q.1.clone())).is_some())
            .map(|q| q.0)
            .collect()
    } else {
        Vec::new()
    };
    let drops = &spec.shape.drops;
    let keep = |i: usize| drops.len() >= n || !drops.contains(&(i as u8));
    let slots = (0..n).filter(|&i| keep(i)).map(|i| i as u8).collect();
    let questions = questions
        .into_iter()
        .enumerate()
        .filter(|&(i, _)| keep(i))
        .map(|(_, q)| q)
        .collect();
    Ok(Shaped {
        quiz: Quiz { questions, events },
        slots,
        spare,
    })
}

impl<'a> Gen<'a> {
    fn new(f: &'a Facts<'a>, spec: &Spec, topic: super::shape::Topic) -> Gen<'a> {
        let ds = f.ds;
        let (pool, first, last) = (topic.pool, topic.first, topic.last);
        let mut in_pool = vec![false; ds.events.len()];
        pool.iter().for_each(|&e| in_pool[e as usize] = true);
        let mut people = vec![false; ds.people.len()];
        for &e in &pool {
            for &p in ds.events[e as usize].people {
                people[p as usize] = true;
            }
        }
        let roles = f
            .roles
            .iter()
            .copied()
            .filter(|&(p, k)| {
                people[p as usize]
                    && f.role(p, k).date.is_none_or(|d| {
                        d.start_day().unwrap_or(i32::MIN) <= last
                            && d.end_day().unwrap_or(i32::MAX) >= first
                    })
            })
            .collect();
        let seed = spec.seed().unwrap_or("");
        Gen {
            rng: Rng::from_text(seed),
            level: spec.level,
            key_first: spec.shape.v2,
            used_events: vec![false; ds.events.len()],
            used_in_order: vec![false; ds.events.len()],
            used_disputes: vec![false; ds.disputes.len()],
            used_roles: Vec::new(),
            roles,
            in_pool,
            pool,
            f,
        }
    }

    pub(super) fn ds(&self) -> &'a Dataset {
        self.f.ds
    }

    /// The material a kind of question may be made from, shuffled.
    fn candidates(&mut self, kind: Kind) -> Vec<Cand> {
        let mut c = kinds::candidates(kind, self);
        self.rng.shuffle(&mut c);
        if self.key_first {
            super::shape::key_first(self.ds(), &mut c, Cand::event);
        }
        c
    }

    /// The events of the topic, as candidates.
    pub(super) fn event_cands(&self) -> impl Iterator<Item = Cand> + '_ {
        self.pool.iter().map(|&e| Cand::Event(e))
    }

    /// The roles of the topic's people, as candidates.
    pub(super) fn role_cands(&self) -> impl Iterator<Item = Cand> + '_ {
        self.roles.iter().map(|&(p, k)| Cand::Role(p, k))
    }

    /// An event not yet asked about that is not disputed.
    pub(super) fn fresh(&self, e: u32) -> bool {
        !self.used_events[e as usize] && !self.f.disputed[e as usize]
    }

    pub(super) fn role_fresh(&self, p: u16, k: u8) -> bool {
        !self.used_roles.contains(&(p, k))
    }

    /// Up to `k` values from the first tier, then the second, each shuffled, with
    /// labels distinct from each other and from `taken`.
    pub(super) fn pick(
        &mut self,
        tiers: [Vec<Val>; 2],
        k: usize,
        taken: &[Val],
    ) -> Option<Vec<Val>> {
        let ds = self.ds();
        let mut labels: Vec<String> = taken.iter().map(|&v| label(ds, v)).collect();
        let mut out = Vec::new();
        for mut tier in tiers {
            self.rng.shuffle(&mut tier);
            for v in tier {
                if out.len() == k {
                    break;
                }
                let l = label(ds, v);
                if !labels.contains(&l) {
                    labels.push(l);
                    out.push(v);
                }
            }
        }
        (out.len() == k).then_some(out)
    }

    /// A multiple-choice question: the right value and the distractors, shuffled
    /// (or in time order, for dates).
    pub(super) fn choice(
        &mut self,
        kind: Kind,
        subject: Subject,
        right: Val,
        mut others: Vec<Val>,
    ) -> Question {
        others.push(right);
        let mut options = others;
        if matches!(right, Val::Year(_) | Val::Month(..)) {
            sort_small(&mut options, |v| match *v {
                Val::Year(y) => (y, 0),
                Val::Month(y, m) => (y, m),
                _ => (0, 0),
            });
        } else {
            self.rng.shuffle(&mut options);
        }
        let at = options.iter().position(|&v| v == right).unwrap_or(0) as u8;
        Question {
            kind,
            subject,
            items: Vec::new(),
            options,
            answer: vec![at],
        }
    }

    /// People for a who-question: those sharing a strand with the event first
    /// (except on easy), then anyone.
    pub(super) fn people_tiers(&self, tags: &[u8], ok: impl Fn(u16) -> bool) -> [Vec<Val>; 2] {
        let ds = self.ds();
        let (mut near, mut far) = (Vec::new(), Vec::new());
        for (i, p) in ds.people.iter().enumerate() {
            let i = i as u16;
            if !ok(i) {
                continue;
            }
            if self.level != Level::Easy && p.tags.iter().any(|t| tags.contains(t)) {
                near.push(Val::Person(i));
            } else {
                far.push(Val::Person(i));
            }
        }
        [near, far]
    }

    /// A post not asked about yet, with its wording as keys, unless the wording
    /// names its holder.
    pub(super) fn askable_role(&self, p: u16, k: u8) -> Option<(&'static Role, String)> {
        if !self.role_fresh(p, k) {
            return None;
        }
        let r = self.f.role(p, k);
        let text = keys(r.role);
        if self.f.person_named_in(p, &text) {
            return None;
        }
        Some((r, text))
    }

    /// People to offer instead of `p`, the holder of `r` (worded `text`): none
    /// who holds anything in its organisation or is named in it.
    pub(super) fn rivals(&self, p: u16, r: &Role, text: &str) -> [Vec<Val>; 2] {
        let tags = self.ds().people[p as usize].tags;
        self.people_tiers(tags, |q| {
            q != p && !self.f.holds_in(q, r.org) && !self.f.person_named_in(q, text)
        })
    }

    /// Cities more than ~50 km from the event's places, not named in its title.
    pub(super) fn far_cities(&self, e: u32) -> Vec<Val> {
        let title = &self.f.title_keys[e as usize];
        (0..self.ds().places.len() as u16)
            .filter(|&c| self.f.far_city(e, c) && !self.f.place_named_in(c, title))
            .map(Val::Place)
            .collect()
    }

    /// The one city an event took place in: events at several cities (e.g. "dies in
    /// Moscow" linked to Moscow and to where he was exiled) are never asked "where",
    /// nor events whose title names the city.
    pub(super) fn event_city(&mut self, e: u32) -> Option<u16> {
        let title = &self.f.title_keys[e as usize];
        let mut cities = self.ds().events[e as usize]
            .places
            .iter()
            .copied()
            .filter(|&p| self.f.is_city(p));
        let only = cities.next()?;
        if cities.next().is_some() || self.f.place_named_in(only, title) {
            return None;
        }
        Some(only)
    }
}

/// Sorts a short list by a key (insertion sort: a few items, little code).
pub fn sort_small<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && key(&v[j - 1]) > key(&v[j]) {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}
