//! Which people a picture shows and the lines between them.

use crate::core::model::Dataset;
use crate::core::people::{appears_with, relations};
use std::collections::BTreeMap;

/// The colour family of a line: relation kinds grouped so a legend in words
/// stays short (the line's own kind is in its label and its accessible name).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Group {
    Family,
    Teaching,
    Colleague,
    Ally,
    Adversary,
    /// Not a stated relation: named in the same events.
    With,
}

impl Group {
    pub const ALL: [Group; 6] = [
        Group::Family,
        Group::Teaching,
        Group::Colleague,
        Group::Ally,
        Group::Adversary,
        Group::With,
    ];

    /// The group of a relation kind (its id in `data/vocab.toml`).
    pub fn of_kind(id: &str) -> Group {
        match id {
            "parent" | "child" | "sibling" | "spouse" | "relative" => Group::Family,
            "teacher" | "student" => Group::Teaching,
            "colleague" => Group::Colleague,
            "ally" => Group::Ally,
            "adversary" => Group::Adversary,
            _ => Group::Colleague,
        }
    }

    /// The CSS class of its lines.
    pub const fn class(self) -> &'static str {
        match self {
            Group::Family => "rel-family",
            Group::Teaching => "rel-teaching",
            Group::Colleague => "rel-colleague",
            Group::Ally => "rel-ally",
            Group::Adversary => "rel-adversary",
            Group::With => "rel-with",
        }
    }

    /// The legend's words.
    pub const fn label(self) -> &'static str {
        match self {
            Group::Family => "family (parent, child, sibling, spouse, relative)",
            Group::Teaching => "teacher and student",
            Group::Colleague => "colleagues",
            Group::Ally => "allies",
            Group::Adversary => "adversaries",
            Group::With => "not a stated relation: named in the same events (thicker: more events)",
        }
    }
}

/// A line between two nodes (indices into [`Web::people`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Edge {
    pub a: u32,
    pub b: u32,
    /// The relation kind (index into `Dataset::relation_kinds`): what `b` is to
    /// `a`. `None`: they only appear in the same events.
    pub kind: Option<u8>,
    /// Events both are named in.
    pub shared: u32,
}

impl Edge {
    pub fn group(&self, ds: &Dataset) -> Group {
        self.kind.map_or(Group::With, |k| {
            Group::of_kind(ds.relation_kinds[k as usize].id)
        })
    }

    /// The line's words: "sibling", "3 shared events".
    pub fn label(&self, ds: &Dataset) -> String {
        match self.kind {
            Some(k) => ds.relation_kinds[k as usize].id.to_string(),
            None if self.shared == 1 => "1 shared event".into(),
            None => format!("{} shared events", self.shared),
        }
    }
}

/// People (dataset indices, in the given order) and the lines between them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Web {
    pub people: Vec<u16>,
    /// Each person's number of events (node size).
    pub events: Vec<u32>,
    pub edges: Vec<Edge>,
}

impl Web {
    /// The node of a person, if drawn.
    pub fn node_of(&self, person: u16) -> Option<usize> {
        self.people.iter().position(|&p| p == person)
    }

    /// The nodes joined to node `n` (its neighbourhood), sorted.
    pub fn neighbours(&self, n: usize) -> Vec<u32> {
        let n = n as u32;
        let mut out: Vec<u32> = self
            .edges
            .iter()
            .filter_map(|e| match (e.a == n, e.b == n) {
                (true, _) => Some(e.b),
                (_, true) => Some(e.a),
                _ => None,
            })
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// The whole web of a selection of people (dataset indices, any order): every
/// stated relation between two of them (once per pair: the first recorded), and
/// "appears with" lines for pairs named together in at least `min_shared`
/// events (a person whose every partner shares fewer keeps a line to their
/// strongest partner, so no one hangs loose who is in an event with another).
pub fn web(ds: &Dataset, selection: &[u32], min_shared: u32) -> Web {
    let mut people: Vec<u16> = selection.iter().map(|&p| p as u16).collect();
    people.sort_unstable();
    people.dedup();
    let mut node = vec![u32::MAX; ds.people.len()];
    for (i, &p) in people.iter().enumerate() {
        node[p as usize] = i as u32;
    }
    let events = people
        .iter()
        .map(|&p| ds.people[p as usize].events.len() as u32)
        .collect();
    // Shared events per pair (a < b), in a sorted map: the same order every time.
    let mut shared: BTreeMap<(u32, u32), u32> = BTreeMap::new();
    let mut inside: Vec<u32> = Vec::new();
    for e in ds.events {
        inside.clear();
        inside.extend(
            e.people
                .iter()
                .map(|&p| node[p as usize])
                .filter(|&n| n != u32::MAX),
        );
        inside.sort_unstable();
        inside.dedup();
        for (i, &a) in inside.iter().enumerate() {
            for &b in &inside[i + 1..] {
                *shared.entry((a, b)).or_insert(0) += 1;
            }
        }
    }
    let mut pairs: BTreeMap<(u32, u32), Edge> = BTreeMap::new();
    for (a, &p) in people.iter().enumerate() {
        for r in ds.people[p as usize].relations {
            let b = node[r.to as usize];
            if b == u32::MAX || b == a as u32 {
                continue;
            }
            let a = a as u32;
            let key = (a.min(b), a.max(b));
            pairs.entry(key).or_insert(Edge {
                a,
                b,
                kind: Some(r.kind),
                shared: shared.get(&key).copied().unwrap_or(0),
            });
        }
    }
    // The strongest partner of each node (most shared, then lowest index).
    let mut best = vec![(0u32, u32::MAX); people.len()];
    for (&(a, b), &n) in &shared {
        for (me, other) in [(a, b), (b, a)] {
            let cur = best[me as usize];
            if n > cur.0 || (n == cur.0 && other < cur.1) {
                best[me as usize] = (n, other);
            }
        }
    }
    for (&(a, b), &n) in &shared {
        let strongest = best[a as usize].1 == b || best[b as usize].1 == a;
        if n >= min_shared || strongest {
            pairs.entry((a, b)).or_insert(Edge {
                a,
                b,
                kind: None,
                shared: n,
            });
        }
    }
    Web {
        people,
        events,
        edges: pairs.into_values().collect(),
    }
}

/// One person's picture: them (node 0), their stated relations (one node per
/// person, in the order of [`relations`]: family first), then the people they
/// most often appear with who are not already drawn, up to `with` of them.
/// Lines join the person to each other node.
pub fn ego(ds: &Dataset, person: u16, with: usize) -> Web {
    let mut w = Web {
        people: vec![person],
        events: vec![ds.people[person as usize].events.len() as u32],
        edges: Vec::new(),
    };
    let together = appears_with(ds, person);
    let shared_with = |o: u16| together.iter().find(|t| t.0 == o).map_or(0, |t| t.1);
    for l in relations(ds, person) {
        if l.other == person || w.people.contains(&l.other) {
            continue;
        }
        w.edges.push(Edge {
            a: 0,
            b: w.people.len() as u32,
            kind: Some(l.kind),
            shared: shared_with(l.other),
        });
        w.people.push(l.other);
        w.events
            .push(ds.people[l.other as usize].events.len() as u32);
    }
    let drawn = w.people.clone();
    for &(o, n) in together.iter().filter(|t| !drawn.contains(&t.0)).take(with) {
        w.edges.push(Edge {
            a: 0,
            b: w.people.len() as u32,
            kind: None,
            shared: n,
        });
        w.people.push(o);
        w.events.push(ds.people[o as usize].events.len() as u32);
    }
    w
}
