//! Taking a quiz: a pure state machine (answers, score, retrying the wrong ones)
//! and its stored form.
//!
//! The stored form is one line of `key=value` fields, e.g.
//!
//! ```text
//! tq1 fp=9f3c0a1b2d4e5f60 phase=a pos=2 rounds=1 first=- round=0,1,2,3 answers=2;0.3.1.2;-;-
//! ```
//!
//! `fp` is the quiz's [`fingerprint`](super::fingerprint): progress saved for
//! other questions (another dataset version, another quiz) does not fit and is
//! refused. [`Progress::decode`] checks every field against the quiz and never
//! panics; whatever it refuses, the app discards with a notice.

use super::{fingerprint, Feedback, Quiz};
use crate::core::model::Dataset;

/// Where the student is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Answering the current question.
    Asking,
    /// Reading whether the answer was right (feedback after each question).
    Feedback,
    /// The score and the review.
    Summary,
}

impl Phase {
    const fn code(self) -> char {
        match self {
            Phase::Asking => 'a',
            Phase::Feedback => 'f',
            Phase::Summary => 's',
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    /// The latest response to each question (`None`: not answered).
    pub answers: Vec<Option<Vec<u8>>>,
    /// The questions of this round (all of them, then the wrong ones), ascending.
    pub round: Vec<u16>,
    /// Position in `round` (`round.len()` in the summary).
    pub pos: usize,
    pub phase: Phase,
    /// Rounds started: 1 for the first try.
    pub rounds: u8,
    /// The score when the first round ended.
    pub first_score: Option<u16>,
}

/// A fingerprint as 16 hexadecimal digits.
fn hex(x: u64) -> String {
    (0..16)
        .map(|i| b"0123456789abcdef"[(x >> (60 - 4 * i)) as usize & 15] as char)
        .collect()
}

/// Stored text longer than this is refused unread.
const MAX_STORED: usize = 20_000;

impl Progress {
    pub fn new(quiz: &Quiz) -> Progress {
        let n = quiz.questions.len();
        Progress {
            answers: vec![None; n],
            round: (0..n as u16).collect(),
            pos: 0,
            phase: if n == 0 {
                Phase::Summary
            } else {
                Phase::Asking
            },
            rounds: 1,
            first_score: None,
        }
    }

    /// The question being asked or reviewed (not in the summary).
    pub fn current(&self) -> Option<usize> {
        match self.phase {
            Phase::Summary => None,
            _ => self.round.get(self.pos).map(|&i| i as usize),
        }
    }

    /// Records the answer to the current question. Returns whether it is right, or
    /// `None` (and changes nothing) when no question is being asked or the response
    /// is incomplete.
    pub fn submit(&mut self, quiz: &Quiz, response: &[u8], feedback: Feedback) -> Option<bool> {
        if self.phase != Phase::Asking {
            return None;
        }
        let i = self.current()?;
        let q = quiz.questions.get(i)?;
        if !q.accepts(response) {
            return None;
        }
        self.answers[i] = Some(response.to_vec());
        match feedback {
            Feedback::Each => self.phase = Phase::Feedback,
            Feedback::End => self.advance(quiz),
        }
        Some(q.is_right(response))
    }

    /// From the feedback on to the next question (or the summary).
    pub fn next(&mut self, quiz: &Quiz) {
        if self.phase == Phase::Feedback {
            self.advance(quiz);
        }
    }

    fn advance(&mut self, quiz: &Quiz) {
        self.pos += 1;
        if self.pos >= self.round.len() {
            self.pos = self.round.len();
            self.phase = Phase::Summary;
            if self.first_score.is_none() {
                self.first_score = Some(self.score(quiz) as u16);
            }
        } else {
            self.phase = Phase::Asking;
        }
    }

    pub fn is_right(&self, quiz: &Quiz, i: usize) -> bool {
        match (self.answers.get(i), quiz.questions.get(i)) {
            (Some(Some(r)), Some(q)) => q.is_right(r),
            _ => false,
        }
    }

    /// Questions answered right.
    pub fn score(&self, quiz: &Quiz) -> usize {
        (0..quiz.questions.len())
            .filter(|&i| self.is_right(quiz, i))
            .count()
    }

    /// Questions not (yet) answered right.
    pub fn wrong(&self, quiz: &Quiz) -> Vec<u16> {
        (0..quiz.questions.len() as u16)
            .filter(|&i| !self.is_right(quiz, i as usize))
            .collect()
    }

    /// A new round with only the questions answered wrong; their answers cleared.
    pub fn retry_wrong(&mut self, quiz: &Quiz) {
        let wrong = self.wrong(quiz);
        if wrong.is_empty() {
            return;
        }
        for &i in &wrong {
            self.answers[i as usize] = None;
        }
        self.round = wrong;
        self.pos = 0;
        self.phase = Phase::Asking;
        self.rounds = self.rounds.saturating_add(1);
    }

    /// The stored form (see the module documentation).
    pub fn encode(&self, ds: &Dataset, quiz: &Quiz) -> String {
        let round: Vec<String> = self.round.iter().map(u16::to_string).collect();
        let answers: Vec<String> = self
            .answers
            .iter()
            .map(|a| match a {
                None => "-".to_string(),
                Some(r) => r.iter().map(u8::to_string).collect::<Vec<_>>().join("."),
            })
            .collect();
        format!(
            "tq1 fp={} phase={} pos={} rounds={} first={} round={} answers={}",
            hex(fingerprint(ds, quiz)),
            self.phase.code(),
            self.pos,
            self.rounds,
            self.first_score.map_or("-".to_string(), |s| s.to_string()),
            round.join(","),
            answers.join(";"),
        )
    }

    /// Reads a stored form back, checking it against the quiz. The error says
    /// in a few words why it was refused.
    pub fn decode(text: &str, ds: &Dataset, quiz: &Quiz) -> Result<Progress, String> {
        let bad = |why: &str| Err(format!("the saved progress {why}"));
        if text.len() > MAX_STORED {
            return bad("is too long");
        }
        let mut fields = text.split_whitespace();
        if fields.next() != Some("tq1") {
            return bad("is in an unknown format");
        }
        let (mut fp, mut phase, mut pos, mut rounds, mut first, mut round, mut answers) =
            (None, None, None, None, None, None, None);
        for field in fields {
            let Some((k, v)) = field.split_once('=') else {
                return bad("is damaged");
            };
            let slot = match k {
                "fp" => &mut fp,
                "phase" => &mut phase,
                "pos" => &mut pos,
                "rounds" => &mut rounds,
                "first" => &mut first,
                "round" => &mut round,
                "answers" => &mut answers,
                _ => return bad("is damaged"),
            };
            if slot.replace(v).is_some() {
                return bad("is damaged");
            }
        }
        let (
            Some(fp),
            Some(phase),
            Some(pos),
            Some(rounds),
            Some(first),
            Some(round),
            Some(answers),
        ) = (fp, phase, pos, rounds, first, round, answers)
        else {
            return bad("is incomplete");
        };
        if fp != hex(fingerprint(ds, quiz)) {
            return bad("belongs to a different version of this quiz");
        }
        let n = quiz.questions.len();
        let phase = match phase {
            "a" => Phase::Asking,
            "f" => Phase::Feedback,
            "s" => Phase::Summary,
            _ => return bad("is damaged"),
        };
        let num = |s: &str| -> Option<usize> {
            (s.len() <= 5 && !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        let (Some(pos), Some(rounds)) = (num(pos), num(rounds)) else {
            return bad("is damaged");
        };
        if !(1..=255).contains(&rounds) {
            return bad("is damaged");
        }
        let first_score = match first {
            "-" => None,
            s => match num(s) {
                Some(s) if s <= n => Some(s as u16),
                _ => return bad("is damaged"),
            },
        };
        let mut list = Vec::new();
        for s in round.split(',') {
            match num(s) {
                Some(i) if i < n && list.last().is_none_or(|&l: &u16| (l as usize) < i) => {
                    list.push(i as u16)
                }
                _ => return bad("is damaged"),
            }
        }
        let mut given = Vec::new();
        for (i, s) in answers.split(';').enumerate() {
            if i >= n {
                return bad("does not fit this quiz");
            }
            if s == "-" {
                given.push(None);
                continue;
            }
            let mut r = Vec::new();
            for x in s.split('.') {
                match num(x).filter(|&x| x < 255) {
                    Some(x) => r.push(x as u8),
                    None => return bad("is damaged"),
                }
            }
            if !quiz.questions[i].accepts(&r) {
                return bad("does not fit this quiz");
            }
            given.push(Some(r));
        }
        if given.len() != n {
            return bad("does not fit this quiz");
        }
        let p = Progress {
            answers: given,
            round: list,
            pos,
            phase,
            rounds: rounds as u8,
            first_score,
        };
        // The answers so far must be there, and the position inside the round.
        let answered_to = match phase {
            Phase::Asking => pos,
            Phase::Feedback => pos + 1,
            Phase::Summary => p.round.len(),
        };
        let consistent = match phase {
            Phase::Summary => pos == p.round.len() && p.first_score.is_some(),
            _ => pos < p.round.len(),
        } && (rounds == 1 || p.first_score.is_some())
            && p.round[..answered_to.min(p.round.len())]
                .iter()
                .all(|&i| p.answers[i as usize].is_some());
        if !consistent {
            return bad("is damaged");
        }
        Ok(p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::link::LinkState;
    use crate::core::dataset::DATASET;
    use crate::core::filter::SearchIndex;
    use crate::core::quiz::{generate, Facts, Format, Quiz, Spec};
    use crate::core::route::Route;
    use proptest::prelude::*;

    fn quiz(link: &str) -> Quiz {
        let ds = &DATASET;
        let (spec, notices) = Spec::parse(ds, &Route::parse(link).query);
        assert!(notices.is_empty(), "{notices:?}");
        generate(&Facts::new(ds), &SearchIndex::new(ds), &spec).expect("a quiz")
    }

    /// A wrong but complete response.
    fn wrong(q: &crate::core::quiz::Question) -> Vec<u8> {
        match q.format() {
            Format::Choice => vec![(q.answer[0] + 1) % q.options.len() as u8],
            Format::Order => q.answer.iter().rev().copied().collect(),
            Format::Match => q
                .answer
                .iter()
                .map(|&o| (o + 1) % q.options.len() as u8)
                .collect(),
        }
    }

    #[test]
    fn the_score_counts_right_answers_and_retry_asks_only_the_wrong_ones() {
        let ds = &DATASET;
        let quiz = quiz("#/quiz?n=8&seed=state&feedback=end");
        let mut p = Progress::new(&quiz);
        let mut right = 0;
        for k in 0..8 {
            let i = p.current().expect("a question");
            assert_eq!(i, k);
            let q = &quiz.questions[i];
            let r = if k % 3 == 0 {
                wrong(q)
            } else {
                q.answer.clone()
            };
            right += usize::from(k % 3 != 0);
            assert_eq!(p.submit(&quiz, &r, Feedback::End), Some(k % 3 != 0));
        }
        assert_eq!(p.phase, Phase::Summary);
        assert_eq!(p.score(&quiz), right);
        assert_eq!(p.first_score, Some(right as u16));
        assert_eq!(p.wrong(&quiz), vec![0, 3, 6]);

        p.retry_wrong(&quiz);
        assert_eq!((p.phase, p.pos, p.rounds), (Phase::Asking, 0, 2));
        assert_eq!(p.round, vec![0, 3, 6]);
        assert_eq!(p.score(&quiz), right, "right answers are kept");
        for &i in &[0usize, 3, 6] {
            assert_eq!(p.current(), Some(i));
            let a = quiz.questions[i].answer.clone();
            p.submit(&quiz, &a, Feedback::End);
        }
        assert_eq!(p.phase, Phase::Summary);
        assert_eq!(p.score(&quiz), 8);
        assert_eq!(
            p.first_score,
            Some(right as u16),
            "the first try is remembered"
        );
        p.retry_wrong(&quiz);
        assert_eq!(p.phase, Phase::Summary, "nothing left to retry");
        // Round trip through the stored form at every step of the way.
        let back = Progress::decode(&p.encode(ds, &quiz), ds, &quiz).unwrap();
        assert_eq!(back, p);
    }

    #[test]
    fn feedback_after_each_question_waits_for_next() {
        let ds = &DATASET;
        let quiz = quiz("#/quiz?n=3&seed=each&feedback=each");
        let mut p = Progress::new(&quiz);
        let a = quiz.questions[0].answer.clone();
        assert_eq!(p.submit(&quiz, &a, Feedback::Each), Some(true));
        assert_eq!((p.phase, p.current()), (Phase::Feedback, Some(0)));
        assert_eq!(p.submit(&quiz, &a, Feedback::Each), None, "answered once");
        let stored = p.encode(ds, &quiz);
        assert_eq!(Progress::decode(&stored, ds, &quiz), Ok(p.clone()));
        p.next(&quiz);
        assert_eq!((p.phase, p.current()), (Phase::Asking, Some(1)));
        // Incomplete responses change nothing.
        let q = &quiz.questions[1];
        let blank = q.blank();
        if q.format() != Format::Order {
            assert_eq!(p.submit(&quiz, &blank, Feedback::Each), None);
        }
        assert_eq!(p.submit(&quiz, &[200], Feedback::Each), None);
        assert_eq!(p.current(), Some(1));
    }

    #[test]
    fn stored_progress_round_trips() {
        let ds = &DATASET;
        let quiz = quiz("#/quiz?n=10&seed=store&level=hard");
        let mut p = Progress::new(&quiz);
        for step in 0..25 {
            let text = p.encode(ds, &quiz);
            assert_eq!(Progress::decode(&text, ds, &quiz), Ok(p.clone()), "{text}");
            match p.phase {
                Phase::Asking => {
                    let q = &quiz.questions[p.current().unwrap()];
                    let r = if step % 2 == 0 {
                        q.answer.clone()
                    } else {
                        wrong(q)
                    };
                    p.submit(&quiz, &r, Feedback::Each);
                }
                Phase::Feedback => p.next(&quiz),
                Phase::Summary => p.retry_wrong(&quiz),
            }
        }
    }

    #[test]
    fn corrupted_or_stale_progress_is_refused_never_a_panic() {
        let ds = &DATASET;
        let quiz = quiz("#/quiz?n=6&seed=corrupt");
        let other = self::quiz("#/quiz?n=6&seed=another");
        let mut p = Progress::new(&quiz);
        let a = quiz.questions[0].answer.clone();
        p.submit(&quiz, &a, Feedback::End);
        let good = p.encode(ds, &quiz);
        assert!(Progress::decode(&good, ds, &quiz).is_ok());
        // Another quiz (or the same link over another dataset version).
        let stale = Progress::decode(&good, ds, &other).unwrap_err();
        assert!(stale.contains("different version"), "{stale}");
        for bad in [
            "",
            "garbage",
            "tq2 fp=0",
            "{\"json\":true}",
            &good.replace("pos=1", "pos=9"),
            &good.replace("pos=1", "pos=-1"),
            &good.replace("phase=a", "phase=x"),
            &good.replace("phase=a", "phase=s"),
            &good.replace("rounds=1", "rounds=0"),
            &good.replace("round=0,1,2,3,4,5", "round=0,0,1"),
            &good.replace("round=0,1,2,3,4,5", "round=5,1"),
            &good.replace("round=0,1,2,3,4,5", "round=0,1,2,3,4,5,6"),
            &good.replace("round=0,1,2,3,4,5", "round="),
            &good.replace(";-;-;-;-;-", ";-;-;-;-"),
            &good.replace(";-;-;-;-;-", ";-;-;-;-;-;-"),
            &good.replace(";-;-;-;-;-", ";99;-;-;-;-"),
            &good.replace(";-;-;-;-;-", ";1.1.1.1;-;-;-;-"),
            &format!("{good} extra=1"),
            &format!("{good} pos=1"),
            &good[..good.len() / 2],
            &"tq1 ".repeat(10_000),
        ] {
            assert!(
                Progress::decode(bad, ds, &quiz).is_err(),
                "accepted {bad:?}"
            );
        }
    }

    /// One change to stored text: a byte replaced, removed or inserted.
    #[derive(Clone, Debug)]
    enum Damage {
        Replace(prop::sample::Index, u8),
        Remove(prop::sample::Index),
        Insert(prop::sample::Index, u8),
    }

    fn damage() -> impl Strategy<Value = Damage> {
        let replace = prop::sample::select(b"0123456789;.,-=afs xyz".to_vec());
        let insert = prop::sample::select(b"0123456789;.,-=".to_vec());
        prop_oneof![
            (any::<prop::sample::Index>(), replace).prop_map(|(i, b)| Damage::Replace(i, b)),
            any::<prop::sample::Index>().prop_map(Damage::Remove),
            (any::<prop::sample::Index>(), insert).prop_map(|(i, b)| Damage::Insert(i, b)),
        ]
    }

    /// A quiz and its progress as stored, after one answer.
    fn stored() -> &'static (Quiz, String) {
        static STORED: std::sync::OnceLock<(Quiz, String)> = std::sync::OnceLock::new();
        STORED.get_or_init(|| {
            let quiz = quiz("#/quiz?n=6&seed=corrupt");
            let mut p = Progress::new(&quiz);
            let a = quiz.questions[0].answer.clone();
            p.submit(&quiz, &a, Feedback::End);
            let good = p.encode(&DATASET, &quiz);
            (quiz, good)
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5000))]

        /// Random damage: never a panic, and whatever is accepted is usable.
        #[test]
        fn damaged_progress_is_refused_or_usable(edits in prop::collection::vec(damage(), 1..=4)) {
            let (quiz, good) = stored();
            let mut b = good.as_bytes().to_vec();
            for edit in edits {
                let n = b.len();
                match edit {
                    Damage::Replace(at, x) => b[at.index(n)] = x,
                    Damage::Remove(at) => {
                        b.remove(at.index(n));
                    }
                    Damage::Insert(at, x) => b.insert(at.index(n), x),
                }
            }
            let text = String::from_utf8_lossy(&b);
            if let Ok(p) = Progress::decode(&text, &DATASET, quiz) {
                prop_assert_eq!(p.answers.len(), quiz.questions.len());
                if let Some(i) = p.current() {
                    let _ = quiz.questions[i].blank();
                }
                let _ = p.score(quiz);
            }
        }
    }
}
