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
    link::text_param!("any name of a person: every spelling the sources use, epithets, pen names and titles"),
    link::vocab_list_param!("strand", strands, tags, "strand / movement tags (data/vocab.toml)"),
    link::vocab_list_param!(
        "role",
        roles,
        org_kinds,
        "held an office in, or belonged to, an organisation of this kind (org_kinds in data/vocab.toml)"
    ),
    Param {
        key: "sort",
        doc: "importance (the default: key people first, then by events and relations), name, or first (first appearance in the events)",
        read: |s, _, v, n| {
            let hint = "use sort=importance, sort=name or sort=first";
            link::read_choice(&mut s.sort, &Sort::ALL, Sort::id, "sort", v, n, hint)
        },
        write: |s, _, q| q.opt("sort", (s.sort != Sort::default()).then(|| s.sort.id())),
    },
    link::page_param!("the page of results (25 per page)"),
];

impl LinkState for IndexState {
    const PATH: &'static str = "#/people";

    fn params() -> &'static [Param<Self>] {
        &PARAMS
    }
}
