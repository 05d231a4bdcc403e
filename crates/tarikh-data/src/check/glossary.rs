//! Glossary terms (`glossary.toml`): spellings with their sources, the headword,
//! the records a term points to (`see`), citations; and that no spelling belongs
//! to two terms (the app links a term's every spelling in titles and summaries,
//! so a spelling must say which term it is).

use super::{opt_text, text, Checker};
use crate::diag::Pos;
use crate::model::{Gloss, SeeAlso};
use crate::records::{self as raw, Str};
use serde_spanned::Spanned;
use std::collections::HashMap;

/// The kinds of record `see` may name, as its prefix says.
const SEE_KINDS: &str = "\"org:<id>\", \"event:<id>\", \"dispute:<id>\" or \"person:<id>\"";

/// How spellings are compared for uniqueness: the app matches a spelling whatever
/// the case of its first letter, with either apostrophe; this is stricter (any case).
fn spelling_key(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .replace(['’', '‘', 'ʼ'], "'")
}

impl Checker<'_> {
    pub(super) fn gloss(&self, rec: &Spanned<raw::Gloss>) -> Gloss {
        let (d, t) = (self.d, rec.get_ref());
        if t.spellings.is_empty() {
            d.err(
                rec.span().start,
                "term has no `spellings` (list every form the sources print, with `src`)",
            );
        }
        let spelled = |w: &str| {
            t.spellings
                .iter()
                .any(|n| n.name.str().is_some_and(|s| s.get_ref() == w))
        };
        if let Some(term) = t.term.str() {
            if !t.spellings.is_empty() && !spelled(term.get_ref()) && t.usage.str().is_none() {
                d.err(
                    term.span().start,
                    format!(
                        "the headword \"{}\" is none of the term's spellings (add it to `spellings`, or say in `usage` why Tarikh writes it so)",
                        term.get_ref()
                    ),
                );
            }
        }
        let mut listed: Vec<&str> = Vec::new();
        for n in t.spellings.iter().filter_map(|n| n.name.str()) {
            if listed.contains(&n.get_ref().as_str()) {
                d.err(
                    n.span().start,
                    format!(
                        "\"{}\" appears twice in `spellings` (list it once, with all its sources)",
                        n.get_ref()
                    ),
                );
            }
            listed.push(n.get_ref());
        }
        let mut see = Vec::new();
        for s in t.see.iter() {
            let Some(link) = self.see_also(s) else {
                continue;
            };
            if see.contains(&link) {
                d.err(
                    s.span().start,
                    format!("\"{}\" appears twice in `see`", s.get_ref()),
                );
                continue;
            }
            see.push(link);
        }
        Gloss {
            id: text(t.id.str()),
            term: text(t.term.str()),
            spellings: self.names(&t.spellings),
            definition: text(t.definition.str()),
            usage: opt_text(t.usage.str()),
            see,
            cite: self.cites.list(&t.cite),
        }
    }

    /// One `see` item: `kind:id`, resolved.
    fn see_also(&self, s: &Str) -> Option<SeeAlso> {
        let d = self.d;
        let Some((kind, id)) = s.get_ref().split_once(':') else {
            d.err(
                s.span().start,
                format!("bad `see` \"{}\": expected {SEE_KINDS}", s.get_ref()),
            );
            return None;
        };
        let id = Spanned::new(s.span(), id.to_string());
        match kind {
            "org" => self.orgs.names.get(d, &id).map(|i| SeeAlso::Org(i as u16)),
            "event" => self
                .events
                .names
                .get(d, &id)
                .map(|i| SeeAlso::Event(i as u32)),
            "dispute" => (self.disputes.names.get(d, &id)).map(|i| SeeAlso::Dispute(i as u16)),
            "person" => (self.people.names.get(d, &id)).map(|i| SeeAlso::Person(i as u16)),
            _ => {
                d.err(
                    s.span().start,
                    format!(
                        "bad `see` \"{}\": \"{kind}\" is no kind of record (expected {SEE_KINDS})",
                        s.get_ref()
                    ),
                );
                None
            }
        }
    }

    /// Each spelling (and headword) is one term's only.
    pub(super) fn spellings_are_unique(&self) {
        let d = self.d;
        let mut first: HashMap<String, (&str, Pos)> = HashMap::new();
        for i in &self.glossary.order {
            let t = self.raw.glossary[*i].get_ref();
            let Some(id) = t.id.str() else { continue };
            let words =
                (t.term.str().into_iter()).chain(t.spellings.iter().filter_map(|n| n.name.str()));
            let mut mine: Vec<String> = Vec::new();
            for w in words {
                let key = spelling_key(w.get_ref());
                if mine.contains(&key) {
                    continue;
                }
                mine.push(key.clone());
                match first.get(&key) {
                    Some(&(other, at)) => d.err(
                        w.span().start,
                        format!(
                            "\"{}\" is also a spelling of term \"{other}\" (at {}): a spelling names one term",
                            w.get_ref(),
                            d.describe(at)
                        ),
                    ),
                    None => {
                        first.insert(key, (id.get_ref().as_str(), w.span().start));
                    }
                }
            }
        }
    }
}
