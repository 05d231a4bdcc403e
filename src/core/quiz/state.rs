//! Taking a quiz: a pure state machine (answers, score, retrying the wrong ones),
//! and the rules a whole state obeys ([`Progress::check`]), which stored progress
//! is held to ([`super::stored`] is its stored form). A `draft` is the response
//! being made to the current question and not yet submitted (an ordering with an
//! item moved), so a reload shows it as it was.

use super::{Feedback, Quiz};
use serde::Serialize;

/// Where the student is (stored as its [`Phase::id`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Phase {
    /// Answering the current question.
    Asking,
    /// Reading whether the answer was right (feedback after each question).
    Feedback,
    /// The score and the review.
    Summary,
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
    /// The response being made to the current question, not yet submitted.
    pub draft: Option<Vec<u8>>,
}

impl Phase {
    pub const ALL: [Phase; 3] = [Phase::Asking, Phase::Feedback, Phase::Summary];

    /// The name in the stored form (serde's `rename_all = "lowercase"`).
    pub fn id(self) -> &'static str {
        match self {
            Phase::Asking => "asking",
            Phase::Feedback => "feedback",
            Phase::Summary => "summary",
        }
    }

    pub fn from_id(id: &str) -> Option<Phase> {
        Phase::ALL.into_iter().find(|p| p.id() == id)
    }
}

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
            draft: None,
        }
    }

    /// Keeps `response` as the draft of the current question (while asking).
    pub fn keep_draft(&mut self, quiz: &Quiz, response: &[u8]) {
        let fits = self.phase == Phase::Asking
            && self
                .current()
                .and_then(|i| quiz.questions.get(i))
                .is_some_and(|q| q.fits_draft(response));
        self.draft = fits.then(|| response.to_vec());
    }

    /// The draft of the current question, if it fits it.
    pub fn draft_of(&self, quiz: &Quiz) -> Option<Vec<u8>> {
        let q = quiz.questions.get(self.current()?)?;
        self.draft
            .as_ref()
            .filter(|d| self.phase == Phase::Asking && q.fits_draft(d))
            .cloned()
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
        self.draft = None;
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
        self.draft = None;
        self.pos += 1;
        // Questions of the round already answered are passed over: none in a
        // quiz taken from the start, but a repaired one keeps answers given
        // after a damaged one (see `resume`).
        while self.pos < self.round.len() && self.answers[self.round[self.pos] as usize].is_some() {
            self.pos += 1;
        }
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

    /// Whether this is a state the quiz can reach, as a whole (stored progress
    /// must be): every answer a complete response to its question; the round
    /// ascending; the first round all the questions, a later one exactly the
    /// ones not right (so the first-try score is `n − round` in round 2, at most
    /// that later); answered up to the position and not at it when asking; in
    /// the summary every question of the round answered and, after a first
    /// round, the first-try score equal to the score.
    pub fn check(&self, quiz: &Quiz) -> bool {
        let n = quiz.questions.len();
        let answered = |i: u16| self.answers[i as usize].is_some();
        let answers_fit = self.answers.len() == n
            && self
                .answers
                .iter()
                .zip(&quiz.questions)
                .all(|(a, q)| a.as_ref().is_none_or(|r| q.accepts(r)));
        if !answers_fit || self.rounds == 0 {
            return false;
        }
        let ascending = self.round.windows(2).all(|w| w[0] < w[1])
            && self.round.last().is_none_or(|&i| (i as usize) < n);
        let round_fits = ascending
            && match self.rounds {
                1 => self.round.len() == n,
                _ => {
                    !self.round.is_empty()
                        && (0..n as u16)
                            .filter(|i| self.round.binary_search(i).is_err())
                            .all(|i| self.is_right(quiz, i as usize))
                }
            };
        if !round_fits {
            return false;
        }
        let first_fits = match (self.rounds, self.phase, self.first_score) {
            (1, Phase::Summary, f) => f == Some(self.score(quiz) as u16),
            (1, _, f) => f.is_none(),
            (2, _, Some(f)) => f as usize == n - self.round.len(),
            (_, _, Some(f)) => f as usize <= n - self.round.len(),
            (_, _, None) => false,
        };
        let place_fits = match self.phase {
            Phase::Summary => {
                self.pos == self.round.len() && self.round.iter().all(|&i| answered(i))
            }
            Phase::Asking => {
                self.pos < self.round.len()
                    && self.round[..self.pos].iter().all(|&i| answered(i))
                    && !answered(self.round[self.pos])
            }
            Phase::Feedback => {
                self.pos < self.round.len() && self.round[..=self.pos].iter().all(|&i| answered(i))
            }
        };
        first_fits && place_fits
    }

    /// A first round with the answers kept (each a complete response, or
    /// dropped): at the first question not answered, or the summary when all
    /// are. What a damaged stored state is rebuilt into.
    pub fn resume(quiz: &Quiz, mut answers: Vec<Option<Vec<u8>>>) -> Progress {
        let n = quiz.questions.len();
        answers.resize(n, None);
        for (a, q) in answers.iter_mut().zip(&quiz.questions) {
            if a.as_ref().is_some_and(|r| !q.accepts(r)) {
                *a = None;
            }
        }
        let mut p = Progress::new(quiz);
        p.answers = answers;
        match p.answers.iter().position(Option::is_none) {
            Some(i) => p.pos = i,
            None => {
                p.pos = n;
                p.phase = Phase::Summary;
                p.first_score = Some(p.score(quiz) as u16);
            }
        }
        p
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
        self.draft = None;
        self.pos = 0;
        self.phase = Phase::Asking;
        self.rounds = self.rounds.saturating_add(1);
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::core::dataset::DATASET;
    use crate::core::filter::SearchIndex;
    use crate::core::link::LinkState;
    use crate::core::quiz::{generate, Facts, Format, Quiz, Spec};
    use crate::core::route::Route;

    pub(crate) fn quiz(link: &str) -> Quiz {
        let ds = &DATASET;
        let (spec, notices) = Spec::parse(ds, &Route::parse(link).query);
        assert!(notices.is_empty(), "{notices:?}");
        generate(&Facts::new(ds), &SearchIndex::new(ds), &spec).expect("a quiz")
    }

    /// A wrong but complete response.
    pub(crate) fn wrong(q: &crate::core::quiz::Question) -> Vec<u8> {
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
        assert!(p.check(&quiz));
    }

    #[test]
    fn feedback_after_each_question_waits_for_next() {
        let quiz = quiz("#/quiz?n=3&seed=each&feedback=each");
        let mut p = Progress::new(&quiz);
        let a = quiz.questions[0].answer.clone();
        assert_eq!(p.submit(&quiz, &a, Feedback::Each), Some(true));
        assert_eq!((p.phase, p.current()), (Phase::Feedback, Some(0)));
        assert_eq!(p.submit(&quiz, &a, Feedback::Each), None, "answered once");
        assert!(p.check(&quiz));
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

    /// Steps through a quiz: answers right on even steps, wrong on odd ones,
    /// retries the wrong ones; every state on the way passes `check`.
    pub(crate) fn walk(quiz: &Quiz, steps: usize, feedback: Feedback) -> Vec<Progress> {
        let mut p = Progress::new(quiz);
        let mut seen = vec![p.clone()];
        for step in 0..steps {
            match p.phase {
                Phase::Asking => {
                    let q = &quiz.questions[p.current().unwrap()];
                    let r = if step % 2 == 0 {
                        q.answer.clone()
                    } else {
                        wrong(q)
                    };
                    p.submit(quiz, &r, feedback);
                }
                Phase::Feedback => p.next(quiz),
                Phase::Summary => p.retry_wrong(quiz),
            }
            seen.push(p.clone());
        }
        seen
    }

    #[test]
    fn every_state_a_student_reaches_passes_the_check() {
        for (link, feedback) in [
            ("#/quiz?n=10&seed=store&level=hard", Feedback::Each),
            ("#/quiz?n=7&seed=walk&feedback=end", Feedback::End),
        ] {
            let quiz = quiz(link);
            for p in walk(&quiz, 40, feedback) {
                assert!(p.check(&quiz), "{p:?}");
            }
        }
    }

    #[test]
    fn a_draft_is_kept_over_a_reload_until_the_answer_is_given() {
        let ds = &DATASET;
        let quiz = quiz("#/quiz?ask=order&n=2&seed=draft");
        let mut p = Progress::new(&quiz);
        let q = &quiz.questions[0];
        let mut moved = q.blank();
        moved.swap(0, 1);
        p.keep_draft(&quiz, &moved);
        let text = super::super::stored::Stored::new(ds, &quiz, &p, 0).to_json();
        let back = super::super::stored::load(&text, ds, &quiz).progress(&quiz);
        assert_eq!(back.draft_of(&quiz), Some(moved.clone()));
        // A response that can't be this question's is not kept.
        p.keep_draft(&quiz, &[0, 0]);
        assert_eq!(p.draft_of(&quiz), None);
        // Submitting ends the draft.
        p.keep_draft(&quiz, &moved);
        p.submit(&quiz, &moved, Feedback::End);
        assert_eq!(p.draft, None);
    }

    #[test]
    fn inconsistent_states_fail_the_check() {
        let quiz = quiz("#/quiz?n=6&seed=corrupt&feedback=end");
        let mut p = Progress::new(&quiz);
        let a = quiz.questions[0].answer.clone();
        p.submit(&quiz, &a, Feedback::End);
        assert!(p.check(&quiz));
        let bad = |f: &dyn Fn(&mut Progress)| {
            let mut q = p.clone();
            f(&mut q);
            q.check(&quiz)
        };
        // The example: a summary with five questions never asked.
        assert!(!bad(&|q| {
            q.phase = Phase::Summary;
            q.pos = 1;
            q.first_score = Some(0);
        }));
        // A second round whose first-try score the answers don't support.
        assert!(!bad(&|q| {
            q.rounds = 2;
            q.first_score = Some(6);
        }));
        assert!(!bad(&|q| q.pos = 9));
        assert!(!bad(&|q| q.pos = 0), "asking a question already answered");
        assert!(!bad(&|q| q.pos = 2), "a question skipped");
        assert!(!bad(&|q| q.rounds = 0));
        assert!(!bad(&|q| q.round = vec![0, 0, 1]));
        assert!(!bad(&|q| q.round = vec![5, 1]));
        assert!(!bad(&|q| q.round = (0..7).collect()));
        assert!(!bad(&|q| q.round.clear()));
        assert!(!bad(&|q| q.answers.pop().map(drop).unwrap_or(())));
        assert!(!bad(&|q| q.answers[1] = Some(vec![99])));
        assert!(
            !bad(&|q| q.first_score = Some(1)),
            "a first score before the end"
        );
        // A retry round that leaves out a question not answered right.
        let mut r = p.clone();
        for _ in 1..6 {
            let i = r.current().unwrap();
            let w = wrong(&quiz.questions[i]);
            r.submit(&quiz, &w, Feedback::End);
        }
        r.retry_wrong(&quiz);
        assert!(r.check(&quiz));
        assert_eq!(r.round, vec![1, 2, 3, 4, 5]);
        let mut s = r.clone();
        s.round = vec![1, 2];
        assert!(!s.check(&quiz));
    }

    #[test]
    fn resume_keeps_the_answers_and_goes_on_from_the_first_gap() {
        let quiz = quiz("#/quiz?n=6&seed=corrupt&feedback=end");
        let right = |i: usize| Some(quiz.questions[i].answer.clone());
        let p = Progress::resume(
            &quiz,
            vec![right(0), right(1), None, right(3), Some(vec![200])],
        );
        assert_eq!(
            p.answers,
            vec![right(0), right(1), None, right(3), None, None]
        );
        assert_eq!((p.phase, p.current()), (Phase::Asking, Some(2)));
        assert!(p.check(&quiz));
        // Answering the gap passes over the answer kept after it.
        let mut p = p;
        p.submit(&quiz, &quiz.questions[2].answer.clone(), Feedback::End);
        assert_eq!(p.current(), Some(4));
        let all = Progress::resume(&quiz, (0..6).map(right).collect());
        assert_eq!((all.phase, all.first_score), (Phase::Summary, Some(6)));
        assert!(all.check(&quiz));
    }
}
