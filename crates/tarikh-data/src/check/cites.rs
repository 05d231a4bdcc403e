//! Citations: `"<source-id>:<paragraph>"` or `"<source-id>:<first>-<last>"`,
//! checked against the sources' paragraph counts.

use crate::diag::Diags;
use crate::records::Str;
use std::collections::HashMap;

use crate::model::Cite;

pub(super) struct Cites<'a> {
    pub d: &'a Diags,
    /// id → (index, paragraph count)
    pub sources: HashMap<String, (u8, u16)>,
}

impl Cites<'_> {
    pub fn one(&self, s: &Str) -> Option<Cite> {
        let (v, at) = (s.get_ref(), s.span().start);
        let bad = || {
            self.d.err(
                at,
                format!(
                    "bad citation \"{}\": expected \"<source-id>:<paragraph>\" or \"<source-id>:<first>-<last>\"",
                    v
                ),
            );
            None
        };
        let Some((id, loc)) = v.split_once(':') else {
            return bad();
        };
        let number = |n: &str| -> Option<u32> {
            if !n.is_empty() && n.len() <= 5 && n.bytes().all(|b| b.is_ascii_digit()) {
                n.parse().ok()
            } else {
                None
            }
        };
        let (from, to) = match loc.split_once('-') {
            None => match number(loc) {
                Some(n) => (n, n),
                None => return bad(),
            },
            Some((a, b)) => match (number(a), number(b)) {
                (Some(a), Some(b)) => (a, b),
                _ => return bad(),
            },
        };
        let Some(&(source, count)) = self.sources.get(id) else {
            self.d
                .err(at, format!("citation \"{}\": unknown source \"{id}\"", v));
            return None;
        };
        if from == 0 {
            self.d.err(
                at,
                format!("citation \"{}\": paragraphs are numbered from 1", v),
            );
            return None;
        }
        if to < from {
            self.d.err(
                at,
                format!(
                    "citation \"{}\": the paragraph range ends before it starts",
                    v
                ),
            );
            return None;
        }
        if to > count as u32 {
            self.d.err(
                at,
                format!("citation \"{}\": {id} has only {count} paragraphs", v),
            );
            return None;
        }
        Some(Cite {
            source,
            from: from as u16,
            to: to as u16,
        })
    }

    pub fn list(&self, items: &[Str]) -> Vec<Cite> {
        items.iter().filter_map(|s| self.one(s)).collect()
    }
}
