//! A quiz's fingerprint: what stored progress is checked against, and what the
//! golden test pins so that generation never changes by accident.

use super::question::Quiz;
use super::rng::{fnv, FNV_OFFSET};
use super::words::{ask, label};
use crate::core::model::Dataset;

/// A fingerprint of everything a student sees of a quiz and its answers: equal
/// fingerprints mean the same questions, options, order and answers.
pub fn fingerprint(ds: &Dataset, quiz: &Quiz) -> u64 {
    let mut h = FNV_OFFSET;
    for q in &quiz.questions {
        let (prompt, about) = ask(ds, q);
        h = fnv(h, q.kind.id().as_bytes());
        h = fnv(h, prompt.as_bytes());
        h = fnv(h, about.unwrap_or_default().as_bytes());
        for &v in q.items.iter().chain(&q.options) {
            h = fnv(h, &[0x1f]);
            h = fnv(h, label(ds, v).as_bytes());
        }
        h = fnv(h, &[0x1e]);
        h = fnv(h, &q.answer);
    }
    h
}
