//! The people index's link (the part after `#/people?`; every key optional,
//! lists comma-separated; values of one key widen the result, keys narrow it):
//!
//! ```text
//! q=bokeikhanov           any name, spelling, epithet or pen name (alias-aware)
//! strand=alash,khiva      strand / movement tags
//! role=party,armed-force  office or membership in an organisation of that kind
//! sort=name               by name; sort=first by first appearance in the events
//!                         (default: by importance, the key people first)
//! page=2                  the page of results
//! ```
//!
//! The parameters are defined once, in [`PARAMS`]; reading never fails.

use super::{IndexState, Sort};
use crate::core::link::{self, LinkState, Param};

static PARAMS: [Param<IndexState>; 5] = [
    Param {
        key: "q",
        doc: "any name of a person: every spelling the sources use, epithets, pen names and titles",
        read: |s, _, v, n| link::append_text(&mut s.q, "q", v, n),
        write: |s, _, q| q.text("q", &s.q),
    },
    Param {
        key: "strand",
        doc: "strand / movement tags (data/vocab.toml)",
        read: |s, ds, v, n| {
            link::read_ids(&mut s.strands, v, "strand", n, |id| {
                ds.tags.iter().position(|t| t.id == id)
            })
        },
        write: |s, ds, q| q.list("strand", s.strands.iter().map(|&t| ds.tags[t as usize].id)),
    },
    Param {
        key: "role",
        doc: "held an office in, or belonged to, an organisation of this kind (org_kinds in data/vocab.toml)",
        read: |s, ds, v, n| {
            link::read_ids(&mut s.roles, v, "role", n, |id| {
                ds.org_kinds.iter().position(|t| t.id == id)
            })
        },
        write: |s, ds, q| q.list("role", s.roles.iter().map(|&k| ds.org_kinds[k as usize].id)),
    },
    Param {
        key: "sort",
        doc: "importance (the default: key people first, then by events and relations), name, or first (first appearance in the events)",
        read: |s, _, v, n| {
            let hint = "use sort=importance, sort=name or sort=first";
            link::read_choice(&mut s.sort, &Sort::ALL, Sort::id, "sort", v, n, hint)
        },
        write: |s, _, q| q.opt("sort", (s.sort != Sort::default()).then(|| s.sort.id())),
    },
    Param {
        key: "page",
        doc: "the page of results (25 per page)",
        read: |s, _, v, n| link::read_page(&mut s.page, "page", v, n),
        write: |s, _, q| link::write_page(s.page, q),
    },
];

impl LinkState for IndexState {
    const PATH: &'static str = "#/people";

    fn params() -> &'static [Param<Self>] {
        &PARAMS
    }
}
