//! A student's progress as the browser keeps it (localStorage), and what
//! reading it back may find.
//!
//! One entry per quiz, under a small key: [`KEY_PREFIX`] and the quiz's
//! [`fingerprint`](super::fingerprint) in 16 hexadecimal digits
//! (`tarikh-quiz:9f3c0a1b2d4e5f60`), so the same questions share their
//! progress whatever link opened them, and the key never holds the topic.
//! The value is JSON, the serde type [`Stored`]:
//!
//! ```text
//! {"v":2,"fp":"9f3c0a1b2d4e5f60","saved":1712345678901,"phase":"asking","pos":2,
//!  "rounds":1,"first":null,"round":[0,1,2,3],"answers":[[2],[0,3,1,2],null,null]}
//! ```
//!
//! - `v` — the format (2; the older one-line `tq1 …` form, under the key
//!   `tarikh-quiz <link>`, is still read: [`LEGACY_PREFIX`]);
//! - `fp` — the fingerprint again: progress for other questions (another
//!   version of the dataset) is refused;
//! - `saved` — when it was written (ms since 1970), for eviction: the oldest
//!   finished quizzes go first ([`eviction_order`]);
//! - `phase` (`asking`, `feedback`, `summary`), `pos` (place in the round),
//!   `rounds` (1 for the first try), `first` (the first try's score), `round`
//!   (the questions of this round, ascending);
//! - `answers` — one per question: `null`, or the response (option indices;
//!   for an ordering the order given; for a matching one option per item).
//!
//! Reading ([`load`]) never panics and keeps what it can: every answer that
//! still decodes and fits its question is kept; the rest of the state is
//! checked as a whole against the quiz ([`Progress::check`]) and, if it does
//! not hold, rebuilt from the answers ([`Progress::resume`]). A copy that was
//! damaged is kept aside by the app under [`BACKUP_PREFIX`] until the next
//! successful save, and can be downloaded.

use super::state::{Phase, Progress};
use super::{fingerprint, Quiz};
use crate::core::model::Dataset;
use serde::Serialize;

/// The key of a quiz's progress is this and its fingerprint.
pub const KEY_PREFIX: &str = "tarikh-quiz:";
/// Keys of the first format: `tarikh-quiz #/quiz?…` (the whole link).
pub const LEGACY_PREFIX: &str = "tarikh-quiz ";
/// A damaged copy kept aside: this and the fingerprint.
pub const BACKUP_PREFIX: &str = "tarikh-quiz-backup:";
/// The format written now.
pub const VERSION: u8 = 2;
/// Stored text longer than this is not read (a quiz of 30 questions writes
/// about 1,500 bytes).
pub const MAX_STORED: usize = 20_000;
/// At most this many quizzes are kept; past it the oldest finished ones go.
pub const MAX_QUIZZES: usize = 40;
/// Past this many bytes (UTF-16 code units, as browsers count) of stored
/// quizzes, the oldest finished ones go too.
pub const MAX_BYTES: usize = 200_000;

/// A fingerprint as 16 hexadecimal digits.
fn hex(x: u64) -> String {
    format!("{x:016x}")
}

/// The key a quiz's progress is stored under.
pub fn key(ds: &Dataset, quiz: &Quiz) -> String {
    format!("{KEY_PREFIX}{}", hex(fingerprint(ds, quiz)))
}

/// Where a damaged copy of the entry under `key` is kept aside.
pub fn backup_key(key: &str) -> String {
    format!(
        "{BACKUP_PREFIX}{}",
        key.strip_prefix(KEY_PREFIX).unwrap_or(key)
    )
}

/// The stored form (see the module documentation).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Stored {
    pub v: u8,
    pub fp: String,
    pub saved: u64,
    pub phase: Phase,
    pub pos: usize,
    pub rounds: u8,
    pub first: Option<u16>,
    pub round: Vec<u16>,
    pub answers: Vec<Option<Vec<u8>>>,
    /// The response being made to the current question, not yet submitted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draft: Option<Vec<u8>>,
}

impl Stored {
    /// `p` as stored at `saved` (ms since 1970).
    pub fn new(ds: &Dataset, quiz: &Quiz, p: &Progress, saved: u64) -> Stored {
        Stored {
            v: VERSION,
            fp: hex(fingerprint(ds, quiz)),
            saved,
            phase: p.phase,
            pos: p.pos,
            rounds: p.rounds,
            first: p.first_score,
            round: p.round.clone(),
            answers: p.answers.clone(),
            draft: p.draft.clone(),
        }
    }

    /// The JSON text (what gloo-storage writes).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// The stored form as read: parsed once as JSON (`serde_json::Value`), then
/// read field by field, so one bad field spoils only itself (a derived
/// `Deserialize` of [`Stored`] would refuse the whole of it).
struct Read(serde_json::Value);

impl Read {
    fn parse(text: &str) -> Option<Read> {
        serde_json::from_str(text).ok().map(Read)
    }
    fn get(&self, key: &str) -> Option<&serde_json::Value> {
        self.0.get(key)
    }
    fn num<T: TryFrom<u64>>(&self, key: &str) -> Option<T> {
        self.get(key)?.as_u64().and_then(|n| T::try_from(n).ok())
    }
    fn phase(&self) -> Option<Phase> {
        Phase::from_id(self.get("phase")?.as_str()?)
    }
    /// A list of small numbers, `None` if any is not one.
    fn list<T: TryFrom<u64>>(v: &serde_json::Value) -> Option<Vec<T>> {
        v.as_array()?
            .iter()
            .map(|x| x.as_u64().and_then(|n| T::try_from(n).ok()))
            .collect()
    }
}

/// Why stored progress could not be used at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Not a form Tarikh wrote, or too damaged to say which quiz it is for.
    Unreadable,
    /// Longer than any quiz writes.
    TooLong,
    /// For other questions: the dataset changed since it was saved.
    OtherVersion,
}

/// What reading a quiz's stored progress found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Loaded {
    /// Nothing stored for this quiz.
    Nothing,
    /// The progress as it was saved.
    Resumed(Progress),
    /// Damaged: `kept` answers still read and are kept, `lost` did not; the
    /// place in the quiz was rebuilt if it did not hold.
    Repaired {
        progress: Progress,
        kept: usize,
        lost: usize,
    },
    /// Nothing of it can be used: the quiz starts from the beginning.
    Refused(Refusal),
}

impl Loaded {
    /// The progress to go on from.
    pub fn progress(&self, quiz: &Quiz) -> Progress {
        match self {
            Loaded::Resumed(p) | Loaded::Repaired { progress: p, .. } => p.clone(),
            Loaded::Nothing | Loaded::Refused(_) => Progress::new(quiz),
        }
    }

    /// Whether what was stored must be kept aside (a backup) before it is
    /// overwritten.
    pub fn damaged(&self) -> bool {
        matches!(self, Loaded::Repaired { .. } | Loaded::Refused(_))
    }

    /// What the student is told, in plain words (nothing when it resumed).
    pub fn notice(&self) -> Option<String> {
        const KEPT: &str = "What was saved is kept on this device until your next answer is saved, and you can download it.";
        match self {
            Loaded::Nothing | Loaded::Resumed(_) => None,
            Loaded::Repaired { kept, lost, .. } => {
                let answers = |n: usize| {
                    if n == 1 {
                        "1 answer".to_string()
                    } else {
                        format!("{n} answers")
                    }
                };
                let lost = match lost {
                    0 => String::new(),
                    &n => format!(", {} could not be read", answers(n)),
                };
                Some(format!(
                    "The answers saved for this quiz were partly damaged: {} kept{lost}. The quiz goes on from the first question not answered. {KEPT}",
                    answers(*kept)
                ))
            }
            Loaded::Refused(why) => {
                let why = match why {
                    Refusal::Unreadable => "they could not be read",
                    Refusal::TooLong => "they are longer than any quiz saves",
                    Refusal::OtherVersion => {
                        "they belong to another version of this quiz (Tarikh's data changed since)"
                    }
                };
                Some(format!(
                    "Saved answers for this quiz were set aside: {why}. The quiz starts from the beginning. {KEPT}"
                ))
            }
        }
    }
}

/// The fields of a stored state other than the answers, when they all read.
struct Place {
    phase: Phase,
    pos: usize,
    rounds: u8,
    first: Option<u16>,
    round: Vec<u16>,
}

/// The place, when every one of its fields read (either format).
fn place_of(
    phase: Option<Phase>,
    pos: Option<usize>,
    rounds: Option<u8>,
    first: Option<Option<u16>>,
    round: Option<Vec<u16>>,
) -> Option<Place> {
    Some(Place {
        phase: phase?,
        pos: pos?,
        rounds: rounds?,
        first: first?,
        round: round?,
    })
}

/// What either format held, before it is checked against the quiz.
struct Raw {
    /// The current question's unsubmitted response (dropped if it does not fit).
    draft: Option<Vec<u8>>,
    fp: Option<String>,
    place: Option<Place>,
    /// `None`: no list of answers; an entry `None`: that answer did not read.
    answers: Option<Vec<Option<Option<Vec<u8>>>>>,
}

/// Reads a quiz's stored progress (either format). Never panics.
pub fn load(text: &str, ds: &Dataset, quiz: &Quiz) -> Loaded {
    if text.len() > MAX_STORED {
        return Loaded::Refused(Refusal::TooLong);
    }
    let raw = if text.trim_start().starts_with("tq1") {
        legacy(text)
    } else {
        match Read::parse(text) {
            Some(r) if r.num::<u8>("v") == Some(VERSION) => json(r),
            _ => return Loaded::Refused(Refusal::Unreadable),
        }
    };
    restore(raw, ds, quiz)
}

fn json(r: Read) -> Raw {
    let first = match r.get("first") {
        Some(serde_json::Value::Null) => Some(None),
        Some(f) => f.as_u64().and_then(|f| u16::try_from(f).ok()).map(Some),
        None => None,
    };
    let place = place_of(
        r.phase(),
        r.num("pos"),
        r.num("rounds"),
        first,
        r.get("round").and_then(Read::list),
    );
    let answers = r.get("answers").and_then(|a| a.as_array()).map(|list| {
        list.iter()
            .map(|a| match a {
                serde_json::Value::Null => Some(None),
                a => Read::list::<u8>(a).filter(|r| !r.contains(&255)).map(Some),
            })
            .collect()
    });
    Raw {
        draft: r.get("draft").and_then(Read::list::<u8>),
        fp: r.get("fp").and_then(|f| f.as_str()).map(str::to_string),
        place,
        answers,
    }
}

/// The first format, `tq1 fp=… phase=a pos=2 rounds=1 first=- round=0,1 answers=2;-`,
/// read field by field (a field that repeats or does not read is left out).
fn legacy(text: &str) -> Raw {
    let mut fields = text.split_whitespace();
    fields.next();
    let mut get = std::collections::BTreeMap::new();
    for f in fields {
        if let Some((k, v)) = f.split_once('=') {
            get.entry(k).or_insert(v);
        }
    }
    let num = |s: &str| -> Option<usize> {
        (s.len() <= 5 && !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let field = |k: &str| get.get(k).copied();
    let phase = field("phase").and_then(|p| match p {
        "a" => Some(Phase::Asking),
        "f" => Some(Phase::Feedback),
        "s" => Some(Phase::Summary),
        _ => None,
    });
    let first = field("first").and_then(|f| match f {
        "-" => Some(None),
        s => num(s).and_then(|s| u16::try_from(s).ok()).map(Some),
    });
    let round = field("round").and_then(|r| {
        r.split(',')
            .map(|s| num(s).and_then(|i| u16::try_from(i).ok()))
            .collect::<Option<Vec<u16>>>()
    });
    let rounds = field("rounds")
        .and_then(num)
        .and_then(|r| u8::try_from(r).ok());
    let place = place_of(phase, field("pos").and_then(num), rounds, first, round);
    let answers = field("answers").map(|a| {
        a.split(';')
            .map(|s| match s {
                "-" => Some(None),
                s => s
                    .split('.')
                    .map(|x| num(x).filter(|&x| x < 255).map(|x| x as u8))
                    .collect::<Option<Vec<u8>>>()
                    .map(Some),
            })
            .collect()
    });
    Raw {
        draft: field("draft").and_then(|d| d.split('.').map(|x| x.parse().ok()).collect()),
        fp: field("fp").map(str::to_string),
        place,
        answers,
    }
}

/// Checks what was read against the quiz: keeps every answer that fits, and
/// the place in the quiz if the whole state holds.
fn restore(raw: Raw, ds: &Dataset, quiz: &Quiz) -> Loaded {
    let Some(fp) = raw.fp else {
        return Loaded::Refused(Refusal::Unreadable);
    };
    if fp != hex(fingerprint(ds, quiz)) {
        return Loaded::Refused(Refusal::OtherVersion);
    }
    let Some(read) = raw.answers else {
        return Loaded::Refused(Refusal::Unreadable);
    };
    let n = quiz.questions.len();
    let mut lost = 0;
    let mut answers = Vec::with_capacity(n);
    for (i, a) in read.into_iter().enumerate() {
        match (a, quiz.questions.get(i)) {
            (Some(None), Some(_)) => answers.push(None),
            (Some(Some(r)), Some(q)) if q.accepts(&r) => answers.push(Some(r)),
            (Some(None), None) => {}
            _ => {
                lost += 1;
                if i < n {
                    answers.push(None);
                }
            }
        }
    }
    let whole = lost == 0 && answers.len() == n;
    answers.resize(n, None);
    let kept = answers.iter().filter(|a| a.is_some()).count();
    let placed = raw.place.map(|p| Progress {
        answers: answers.clone(),
        round: p.round,
        pos: p.pos,
        phase: p.phase,
        rounds: p.rounds,
        first_score: p.first,
        draft: None,
    });
    let draft = raw.draft;
    let placed = placed.map(|mut p| {
        if let Some(d) = &draft {
            p.keep_draft(quiz, d);
        }
        p
    });
    match placed {
        Some(p) if p.check(quiz) && whole => Loaded::Resumed(p),
        Some(p) if p.check(quiz) => Loaded::Repaired {
            progress: p,
            kept,
            lost,
        },
        _ => Loaded::Repaired {
            progress: Progress::resume(quiz, answers),
            kept,
            lost,
        },
    }
}

mod room;
pub use room::{entry, eviction_order, Entry};

#[cfg(test)]
mod tests;
