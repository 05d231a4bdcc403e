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
    let place = match (
        r.phase(),
        r.num("pos"),
        r.num("rounds"),
        first,
        r.get("round").and_then(Read::list),
    ) {
        (Some(phase), Some(pos), Some(rounds), Some(first), Some(round)) => Some(Place {
            phase,
            pos,
            rounds,
            first,
            round,
        }),
        _ => None,
    };
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
    let place = match (phase, field("pos").and_then(num), rounds, first, round) {
        (Some(phase), Some(pos), Some(rounds), Some(first), Some(round)) => Some(Place {
            phase,
            pos,
            rounds,
            first,
            round,
        }),
        _ => None,
    };
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

/// One stored entry of Tarikh's quizzes, as eviction sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub key: String,
    /// When it was saved (0: not known, the first format or a backup).
    pub saved: u64,
    /// The quiz was finished (its summary shown), or it is a backup.
    pub finished: bool,
    /// Key and value in UTF-16 code units.
    pub size: usize,
}

/// Reads what eviction needs of a stored entry; `None` for keys that are not
/// Tarikh's quizzes.
pub fn entry(key: &str, value: &str) -> Option<Entry> {
    let size = key.encode_utf16().count() + value.encode_utf16().count();
    let (saved, finished) = if key.starts_with(BACKUP_PREFIX) {
        (0, true)
    } else if key.starts_with(KEY_PREFIX) {
        let m = Read::parse(value);
        (
            m.as_ref().and_then(|m| m.num("saved")).unwrap_or(0),
            // Unreadable entries go first too.
            !matches!(
                m.as_ref().and_then(Read::phase),
                Some(Phase::Asking | Phase::Feedback)
            ),
        )
    } else if key.starts_with(LEGACY_PREFIX) {
        (
            0,
            !value.contains(" phase=a ") && !value.contains(" phase=f "),
        )
    } else {
        return None;
    };
    Some(Entry {
        key: key.to_string(),
        saved,
        finished,
        size,
    })
}

/// Which entries to remove, in order, other than `keep` (the quiz being saved):
/// `now` the ones past the caps ([`MAX_QUIZZES`], [`MAX_BYTES`]), oldest
/// finished first, then, only past the count, the oldest unfinished;
/// `if_full` the finished ones left, oldest first, to remove one at a time
/// while the browser's storage is full.
pub fn eviction_order(entries: &[Entry], keep: &str) -> (Vec<String>, Vec<String>) {
    let mut others: Vec<&Entry> = entries
        .iter()
        .filter(|e| e.key != keep && e.key != backup_key(keep))
        .collect();
    // Finished before unfinished, then oldest first (ties by key, deterministic).
    others.sort_by(|a, b| (!a.finished, a.saved, &a.key).cmp(&(!b.finished, b.saved, &b.key)));
    let mut count = entries.len();
    let mut bytes: usize = entries.iter().map(|e| e.size).sum();
    let mut now = Vec::new();
    let mut rest = Vec::new();
    for e in others {
        let over_count = count > MAX_QUIZZES;
        let over_bytes = bytes > MAX_BYTES && e.finished;
        if over_count || over_bytes {
            count -= 1;
            bytes -= e.size;
            now.push(e.key.clone());
        } else if e.finished {
            rest.push(e.key.clone());
        }
    }
    (now, rest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::dataset::DATASET;
    use crate::core::quiz::state::tests::{quiz, walk, wrong};
    use crate::core::quiz::Feedback;
    use proptest::prelude::*;

    fn json(p: &Progress, quiz: &Quiz) -> String {
        Stored::new(&DATASET, quiz, p, 1_712_345_678_901).to_json()
    }

    /// The progress of the quiz `n=6&seed=corrupt` after three answers.
    fn three() -> (Quiz, Progress) {
        let quiz = quiz("#/quiz?n=6&seed=corrupt&feedback=end");
        let mut p = Progress::new(&quiz);
        for i in 0..3 {
            let r = if i == 1 {
                wrong(&quiz.questions[i])
            } else {
                quiz.questions[i].answer.clone()
            };
            p.submit(&quiz, &r, Feedback::End);
        }
        (quiz, p)
    }

    #[test]
    fn the_stored_form_is_small_json_under_a_small_key() {
        let (quiz, p) = three();
        let key = key(&DATASET, &quiz);
        assert!(
            key.starts_with("tarikh-quiz:") && key.len() == 12 + 16,
            "{key}"
        );
        let text = json(&p, &quiz);
        assert!(text.starts_with(r#"{"v":2,"fp":""#), "{text}");
        assert!(
            text.contains(
                r#""phase":"asking","pos":3,"rounds":1,"first":null,"round":[0,1,2,3,4,5]"#
            ),
            "{text}"
        );
        assert!(text.ends_with(r#",null,null,null]}"#), "{text}");
        // The largest quiz stays far under the cap.
        let big = self::quiz("#/quiz?n=30&seed=big&feedback=end");
        let done = walk(&big, 30, Feedback::End).pop().unwrap();
        assert!(json(&done, &big).len() < MAX_STORED / 5);
    }

    #[test]
    fn the_phase_is_read_by_the_name_serde_writes() {
        for p in Phase::ALL {
            assert_eq!(
                serde_json::to_string(&p).unwrap(),
                format!("\"{}\"", p.id())
            );
            assert_eq!(Phase::from_id(p.id()), Some(p));
        }
    }

    #[test]
    fn every_state_round_trips() {
        for (link, fb) in [
            ("#/quiz?n=10&seed=store&level=hard", Feedback::Each),
            ("#/quiz?n=7&seed=walk&feedback=end", Feedback::End),
        ] {
            let quiz = quiz(link);
            for p in walk(&quiz, 40, fb) {
                assert_eq!(load(&json(&p, &quiz), &DATASET, &quiz), Loaded::Resumed(p));
            }
        }
    }

    /// The first format, as the previous release wrote it.
    fn tq1(p: &Progress, quiz: &Quiz) -> String {
        let list = |v: &[u8], sep: &str| v.iter().map(u8::to_string).collect::<Vec<_>>().join(sep);
        let answers: Vec<String> = p
            .answers
            .iter()
            .map(|a| a.as_ref().map_or("-".into(), |r| list(r, ".")))
            .collect();
        let round: Vec<String> = p.round.iter().map(u16::to_string).collect();
        format!(
            "tq1 fp={} phase={} pos={} rounds={} first={} round={} answers={}",
            hex(fingerprint(&DATASET, quiz)),
            match p.phase {
                Phase::Asking => 'a',
                Phase::Feedback => 'f',
                Phase::Summary => 's',
            },
            p.pos,
            p.rounds,
            p.first_score.map_or("-".into(), |s| s.to_string()),
            round.join(","),
            answers.join(";")
        )
    }

    #[test]
    fn the_first_format_still_resumes() {
        let quiz = quiz("#/quiz?n=10&seed=store&level=hard");
        for p in walk(&quiz, 30, Feedback::Each) {
            assert_eq!(load(&tq1(&p, &quiz), &DATASET, &quiz), Loaded::Resumed(p));
        }
    }

    #[test]
    fn one_bad_field_keeps_every_answer_that_still_reads() {
        let (quiz, p) = three();
        let good = tq1(&p, &quiz);
        // The issue's example: the third answer damaged.
        let third = p.answers[2]
            .as_ref()
            .unwrap()
            .iter()
            .map(u8::to_string)
            .collect::<Vec<_>>()
            .join(".");
        let damaged = good.replacen(&format!(";{third};-;-;-"), ";X;-;-;-", 1);
        assert_ne!(damaged, good);
        let Loaded::Repaired {
            progress,
            kept,
            lost,
        } = load(&damaged, &DATASET, &quiz)
        else {
            panic!("not repaired: {damaged}");
        };
        assert_eq!((kept, lost), (2, 1));
        assert_eq!(progress.answers[..2], p.answers[..2]);
        assert_eq!(progress.current(), Some(2), "asks the damaged one again");
        // The same in JSON: a bad answer, and a bad field of the place.
        let text = json(&p, &quiz);
        let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
        v["answers"][0] = "X".into();
        let bad = v.to_string();
        let Loaded::Repaired {
            progress,
            kept,
            lost,
        } = load(&bad, &DATASET, &quiz)
        else {
            panic!("not repaired: {bad}");
        };
        assert_eq!((kept, lost), (2, 1), "{bad}");
        assert_eq!(progress.answers[1..], p.answers[1..]);
        assert_eq!(progress.current(), Some(0));
        let bad_pos = text.replace(r#""pos":3"#, r#""pos":"three""#);
        assert_eq!(
            load(&bad_pos, &DATASET, &quiz),
            Loaded::Repaired {
                progress: p.clone(),
                kept: 3,
                lost: 0
            },
            "the place is rebuilt from the answers"
        );
    }

    #[test]
    fn inconsistent_states_are_rebuilt_from_the_answers() {
        let (quiz, p) = three();
        let text = json(&p, &quiz);
        // A summary with three questions never asked.
        let summary = text
            .replace(r#""phase":"asking""#, r#""phase":"summary""#)
            .replace(r#""first":null"#, r#""first":0"#);
        let Loaded::Repaired {
            progress,
            kept: 3,
            lost: 0,
        } = load(&summary, &DATASET, &quiz)
        else {
            panic!("accepted {summary}");
        };
        assert_eq!(
            (progress.phase, progress.current()),
            (Phase::Asking, Some(3))
        );
        // A second round whose first score the answers don't support.
        let second = text.replace(r#""rounds":1,"first":null"#, r#""rounds":2,"first":6"#);
        assert!(matches!(
            load(&second, &DATASET, &quiz),
            Loaded::Repaired { kept: 3, .. }
        ));
    }

    #[test]
    fn unusable_progress_is_refused_with_a_reason_never_a_panic() {
        let (quiz, p) = three();
        let other = self::quiz("#/quiz?n=6&seed=another");
        let text = json(&p, &quiz);
        assert_eq!(
            load(&text, &DATASET, &other),
            Loaded::Refused(Refusal::OtherVersion)
        );
        assert_eq!(
            load(&tq1(&p, &quiz), &DATASET, &other),
            Loaded::Refused(Refusal::OtherVersion)
        );
        for bad in [
            "",
            "garbage",
            "tq2 fp=0",
            "{\"json\":true}",
            "[1,2]",
            "null",
            &text[..text.len() / 2],
            &text.replace("\"v\":2", "\"v\":3"),
            &text.replace("\"fp\"", "\"fq\""),
            &text.replace("\"answers\"", "\"answerz\""),
        ] {
            assert!(
                matches!(
                    load(bad, &DATASET, &quiz),
                    Loaded::Refused(Refusal::Unreadable)
                ),
                "{bad:?}"
            );
        }
        assert_eq!(
            load(&"tq1 ".repeat(10_000), &DATASET, &quiz),
            Loaded::Refused(Refusal::TooLong)
        );
        let notice = Loaded::Refused(Refusal::OtherVersion).notice().unwrap();
        assert!(
            notice.starts_with("Saved answers for this quiz were set aside"),
            "{notice}"
        );
        assert_eq!(Loaded::Resumed(p).notice(), None);
    }

    fn e(key: &str, saved: u64, finished: bool) -> Entry {
        Entry {
            key: key.into(),
            saved,
            finished,
            size: 1000,
        }
    }

    #[test]
    fn eviction_takes_the_oldest_finished_quizzes_first() {
        let keep = "tarikh-quiz:0000000000000000";
        let mut entries: Vec<Entry> = (0..MAX_QUIZZES as u64 + 3)
            .map(|i| e(&format!("tarikh-quiz:{:016x}", i + 1), 1000 + i, i % 2 == 0))
            .collect();
        entries.push(e(keep, 1, true));
        let (now, if_full) = eviction_order(&entries, keep);
        assert_eq!(now.len(), 4, "back to the cap");
        let oldest_finished: Vec<String> = [0u64, 2, 4, 6]
            .iter()
            .map(|i| format!("tarikh-quiz:{:016x}", i + 1))
            .collect();
        assert_eq!(now, oldest_finished);
        assert!(
            !now.contains(&keep.to_string()),
            "never the quiz being saved"
        );
        let finished = |k: &String| entries.iter().find(|x| &x.key == k).unwrap().finished;
        assert!(now.iter().chain(&if_full).all(finished));
        let saved: Vec<u64> = if_full
            .iter()
            .map(|k| entries.iter().find(|x| &x.key == k).unwrap().saved)
            .collect();
        assert!(saved.windows(2).all(|w| w[0] <= w[1]), "oldest first");
        // Past the byte cap, only finished ones go.
        let big: Vec<Entry> = (0..10)
            .map(|i| Entry {
                size: MAX_BYTES / 5,
                ..e(&format!("tarikh-quiz:{i}"), i, i >= 5)
            })
            .collect();
        let (now, _) = eviction_order(&big, "x");
        assert_eq!(
            now,
            [
                "tarikh-quiz:5",
                "tarikh-quiz:6",
                "tarikh-quiz:7",
                "tarikh-quiz:8",
                "tarikh-quiz:9"
            ]
        );
    }

    #[test]
    fn entries_read_what_eviction_needs() {
        let (quiz, p) = three();
        let k = key(&DATASET, &quiz);
        assert_eq!(
            entry(&k, &json(&p, &quiz)).map(|e| (e.saved, e.finished)),
            Some((1_712_345_678_901, false))
        );
        assert_eq!(
            entry(&backup_key(&k), "junk").map(|e| e.finished),
            Some(true)
        );
        assert_eq!(
            entry("tarikh-quiz #/quiz?seed=x", &tq1(&p, &quiz)).map(|e| e.finished),
            Some(false)
        );
        assert_eq!(entry("other-app", "x"), None);
        assert_eq!(entry(&k, "{broken").map(|e| e.finished), Some(true));
    }

    /// One change to stored text: a byte replaced, removed or inserted.
    #[derive(Clone, Debug)]
    enum Damage {
        Replace(prop::sample::Index, u8),
        Remove(prop::sample::Index),
        Insert(prop::sample::Index, u8),
    }

    fn damage() -> impl Strategy<Value = Damage> {
        let replace = prop::sample::select(b"0123456789;.,-=afs xyz\"[]{}:nul".to_vec());
        let insert = prop::sample::select(b"0123456789;.,-=\"[]{}".to_vec());
        prop_oneof![
            (any::<prop::sample::Index>(), replace).prop_map(|(i, b)| Damage::Replace(i, b)),
            any::<prop::sample::Index>().prop_map(Damage::Remove),
            (any::<prop::sample::Index>(), insert).prop_map(|(i, b)| Damage::Insert(i, b)),
        ]
    }

    fn stored() -> &'static (Quiz, Progress, [String; 2]) {
        static STORED: std::sync::OnceLock<(Quiz, Progress, [String; 2])> =
            std::sync::OnceLock::new();
        STORED.get_or_init(|| {
            let (quiz, p) = three();
            let forms = [json(&p, &quiz), tq1(&p, &quiz)];
            (quiz, p, forms)
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        /// Random damage to either format: never a panic; what is kept is a
        /// state the quiz can reach, with only answers the student gave.
        #[test]
        fn damaged_progress_keeps_only_what_fits(json_form in any::<bool>(), edits in prop::collection::vec(damage(), 1..=4)) {
            let (quiz, _, forms) = stored();
            let mut b = forms[usize::from(!json_form)].as_bytes().to_vec();
            for edit in edits {
                let n = b.len();
                match edit {
                    Damage::Replace(at, x) => b[at.index(n)] = x,
                    Damage::Remove(at) => { b.remove(at.index(n)); }
                    Damage::Insert(at, x) => b.insert(at.index(n), x),
                }
            }
            let text = String::from_utf8_lossy(&b);
            let loaded = load(&text, &DATASET, quiz);
            let p = loaded.progress(quiz);
            prop_assert!(p.check(quiz), "{:?} from {}", p, text);
            if let Loaded::Repaired { kept, .. } = &loaded {
                prop_assert_eq!(*kept, p.answers.iter().filter(|a| a.is_some()).count());
                prop_assert!(loaded.notice().is_some());
            }
            // Every answer kept is a complete response to its question.
            for (i, a) in p.answers.iter().enumerate() {
                if let Some(r) = a {
                    prop_assert!(quiz.questions[i].accepts(r));
                }
            }
        }

        /// Any text at all: never a panic, always a usable state.
        #[test]
        fn any_text_gives_a_usable_state(text in ".{0,300}") {
            let (quiz, _, _) = stored();
            let loaded = load(&text, &DATASET, quiz);
            prop_assert!(loaded.progress(quiz).check(quiz));
        }
    }
}
