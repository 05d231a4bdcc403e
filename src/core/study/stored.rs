//! The progress as the browser keeps it and as a file carries it: the same
//! JSON (serde), under the key [`KEY_PREFIX`] + the selection's canonical query
//! (`tarikh-study:strand=khiva&from=1918`; all events: `tarikh-study:`).
//!
//! ```text
//! {"app":"tarikh-study","v":1,"topic":"strand=khiva","start":20100,"seq":12,
//!  "new":[20105,5],"cards":{"e:khiva-captured-1920":[2,20107,11,20105]}}
//! ```
//!
//! - `app`, `v` — what wrote it, and the format (1);
//! - `topic` — the selection (the filter's canonical query): a file for other
//!   cards is refused rather than mixed in;
//! - `start` — the first day studied (days since 1970, local), `seq` the reviews
//!   so far, `new` the day and how many new cards were started on it;
//! - `cards` — per card id: `[box, due day, review number, last day]`.
//!
//! Reading what the browser kept ([`load`]) keeps every card that reads and
//! says how many did not; an import ([`import`]) takes a file only whole:
//! anything damaged or foreign is refused with the reason, and nothing changes.

use super::schedule::{CardState, Day, Progress, BOXES};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const KEY_PREFIX: &str = "tarikh-study:";
/// Where a damaged stored copy is kept aside until the next save.
pub const BACKUP_PREFIX: &str = "tarikh-study-backup:";
pub const APP: &str = "tarikh-study";
pub const VERSION: u8 = 1;
/// Longer text is not read (a card takes about 50 bytes).
pub const MAX_TEXT: usize = 2_000_000;

/// The key a selection's progress is kept under.
pub fn key(topic: &str) -> String {
    format!("{KEY_PREFIX}{topic}")
}

/// The stored form; `C` is a card's value (written as four numbers, read as
/// any JSON so that one bad card spoils only itself).
#[derive(Serialize, Deserialize)]
struct Form<C> {
    app: String,
    v: u64,
    topic: String,
    #[serde(default)]
    start: Option<Day>,
    #[serde(default)]
    seq: u32,
    #[serde(default)]
    new: (Day, u16),
    cards: BTreeMap<String, C>,
}

/// The JSON of `p` for the selection `topic`.
pub fn to_json(p: &Progress, topic: &str) -> String {
    let form = Form {
        app: APP.into(),
        v: VERSION.into(),
        topic: topic.into(),
        start: p.start,
        seq: p.seq,
        new: (p.new_day, p.new_count),
        cards: p
            .cards
            .iter()
            .map(|(k, c)| {
                (
                    k.clone(),
                    [
                        i64::from(c.boxed),
                        c.due.into(),
                        c.seen.into(),
                        c.last.into(),
                    ],
                )
            })
            .collect(),
    };
    serde_json::to_string(&form).unwrap_or_default()
}

/// Why a text was not taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Not JSON at all (or cut short).
    NotJson,
    /// JSON, but not Tarikh's study progress.
    Foreign,
    /// A format this version does not read.
    Version(u64),
    /// The progress of another selection (its canonical query).
    OtherTopic(String),
    /// Ours, but some cards do not read.
    Damaged {
        bad: usize,
    },
    TooLong,
}

impl Refusal {
    /// Why, in plain words (`other`: the other selection in words).
    pub fn message(&self, other: &str) -> String {
        match self {
            Refusal::NotJson => "This file can't be read: it is not a progress file Tarikh wrote (or it was cut short).".into(),
            Refusal::Foreign => "This file is not Tarikh study progress (it holds something else).".into(),
            Refusal::Version(v) => format!("This file is in a newer format ({v}) than this version of Tarikh reads ({VERSION})."),
            Refusal::OtherTopic(_) => format!("This file holds the progress for other cards ({other}), not these."),
            Refusal::Damaged { bad: 0 } => "This file is damaged: parts of it are missing or not what a progress file holds.".into(),
            Refusal::Damaged { bad } => format!("This file is damaged: {} could not be read.", super::schedule::cards_text(*bad)),
            Refusal::TooLong => "This file is larger than any study progress.".into(),
        }
    }
}

fn card(v: &serde_json::Value) -> Option<CardState> {
    let a = v.as_array().filter(|a| a.len() == 4)?;
    let n = |i: usize| a[i].as_i64();
    let day = |i: usize| n(i).and_then(|x| Day::try_from(x).ok());
    let boxed = n(0)
        .and_then(|b| u8::try_from(b).ok())
        .filter(|b| (1..=BOXES).contains(b))?;
    Some(CardState {
        boxed,
        due: day(1)?,
        seen: n(2).and_then(|s| u32::try_from(s).ok())?,
        last: day(3)?,
    })
}

/// Reads the text for the selection `topic`: the progress and how many cards
/// did not read. Never panics.
fn read(text: &str, topic: &str) -> Result<(Progress, usize), Refusal> {
    if text.len() > MAX_TEXT {
        return Err(Refusal::TooLong);
    }
    let value: serde_json::Value = serde_json::from_str(text).map_err(|_| Refusal::NotJson)?;
    if value.get("app").and_then(|a| a.as_str()) != Some(APP) {
        return Err(Refusal::Foreign);
    }
    let form: Form<serde_json::Value> =
        serde_json::from_value(value).map_err(|_| Refusal::Damaged { bad: 0 })?;
    if form.v != u64::from(VERSION) {
        return Err(Refusal::Version(form.v));
    }
    if form.topic != topic {
        return Err(Refusal::OtherTopic(form.topic));
    }
    let mut bad = 0;
    let mut cards = BTreeMap::new();
    for (id, v) in &form.cards {
        match card(v) {
            Some(c) if !id.is_empty() => {
                cards.insert(id.clone(), c);
            }
            _ => bad += 1,
        }
    }
    let progress = Progress {
        start: form.start,
        seq: form
            .seq
            .max(cards.values().map(|c| c.seen).max().unwrap_or(0)),
        new_day: form.new.0,
        new_count: form.new.1,
        cards,
    };
    Ok((progress, bad))
}

/// What was wrong with the browser's copy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Damage {
    /// This many cards did not read; the others are kept.
    Lost(usize),
    /// Nothing of it could be used.
    Refused(Refusal),
}

impl Damage {
    /// What the student is told; the damaged copy is kept aside by the app.
    pub fn notice(&self) -> String {
        let what = match self {
            Damage::Lost(n) => format!(
                "The progress saved for these cards was partly damaged: {} could not be read and start again as new.",
                super::schedule::cards_text(*n)
            ),
            Damage::Refused(_) => {
                "The progress saved for these cards could not be read: studying starts afresh.".into()
            }
        };
        format!("{what} What was saved is kept on this device until your next card is graded, and you can download it.")
    }
}

/// Reads the browser's copy for the selection `topic`: the progress to go on
/// from (empty when refused), and what was wrong with it, if anything.
pub fn load(text: &str, topic: &str) -> (Progress, Option<Damage>) {
    match read(text, topic) {
        Ok((p, 0)) => (p, None),
        Ok((p, lost)) => (p, Some(Damage::Lost(lost))),
        Err(r) => (Progress::default(), Some(Damage::Refused(r))),
    }
}

/// Reads an imported file for the selection `topic`: whole, or refused.
pub fn import(text: &str, topic: &str) -> Result<Progress, Refusal> {
    match read(text, topic) {
        Ok((p, 0)) => Ok(p),
        Ok((_, bad)) => Err(Refusal::Damaged { bad }),
        Err(r) => Err(r),
    }
}
