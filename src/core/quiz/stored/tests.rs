//! Tests of the stored form.

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
        text.contains(r#""phase":"asking","pos":3,"rounds":1,"first":null,"round":[0,1,2,3,4,5]"#),
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
    static STORED: std::sync::OnceLock<(Quiz, Progress, [String; 2])> = std::sync::OnceLock::new();
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
