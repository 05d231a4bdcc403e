//! The class's results: the codes a teacher pasted, read against the quiz, and
//! what they add up to (each student's score, each question's share of right
//! answers and most common wrong answer, the score distribution).

use super::code::{self, Answers, CodeError};
use super::{answer_text, ask, response_text, Quiz};
use crate::core::model::Dataset;

/// What one pasted code turned out to be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Counted.
    Student(Student),
    Refused(CodeError),
    /// The same code as entry `of` (a number from 1), pasted again: not counted twice.
    SameCode {
        of: usize,
    },
    /// A different code with the same name as entry `of`: not counted (the first is).
    SameName {
        of: usize,
        student: Student,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Student {
    pub answers: Answers,
    /// Per question: answered right.
    pub right: Vec<bool>,
    pub score: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The code as it was pasted.
    pub code: String,
    pub outcome: Outcome,
}

/// One question across the class.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuestionStat {
    /// Its index in the quiz (shown as number `index + 1`).
    pub index: usize,
    pub right: usize,
    /// Students counted.
    pub of: usize,
    /// The most common wrong response and how many gave it (ties: the one given first).
    pub wrong: Option<(Vec<u8>, usize)>,
    /// Students who left it unanswered.
    pub blank: usize,
}

impl QuestionStat {
    /// The share right in whole percent (0 with no students).
    pub fn percent(&self) -> usize {
        (self.right * 100).checked_div(self.of).unwrap_or(0)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Class {
    pub entries: Vec<Entry>,
    /// Hardest first: the smallest share right, then the quiz's order.
    pub questions: Vec<QuestionStat>,
    /// `distribution[s]`: how many students scored `s` (`0..=n`).
    pub distribution: Vec<usize>,
}

impl Class {
    pub fn students(&self) -> impl Iterator<Item = &Student> {
        self.entries.iter().filter_map(|e| match &e.outcome {
            Outcome::Student(s) => Some(s),
            _ => None,
        })
    }

    pub fn counted(&self) -> usize {
        self.students().count()
    }

    /// The mean score, to one decimal, in words ("6.5 of 10"), when any student counts.
    pub fn mean_text(&self, n: usize) -> Option<String> {
        let k = self.counted();
        (k > 0).then(|| {
            let total: usize = self.students().map(|s| s.score).sum();
            let tenths = (total * 10 + k / 2) / k;
            format!("{}.{} of {n}", tenths / 10, tenths % 10)
        })
    }
}

/// Reads every code found in `text` against the quiz and tallies the class.
pub fn tally(ds: &Dataset, quiz: &Quiz, text: &str) -> Class {
    let n = quiz.questions.len();
    let mut entries: Vec<Entry> = Vec::new();
    let mut seen: Vec<(String, usize)> = Vec::new();
    let mut names: Vec<(String, usize)> = Vec::new();
    for found in code::find(text) {
        let canon = code::canonical(&found).unwrap_or_else(|| found.clone());
        let number = entries.len() + 1;
        let outcome = if let Some(&(_, of)) = seen.iter().find(|(c, _)| *c == canon) {
            Outcome::SameCode { of }
        } else {
            seen.push((canon, number));
            match code::decode(ds, quiz, &found) {
                Err(e) => Outcome::Refused(e),
                Ok(answers) => {
                    let right: Vec<bool> = quiz
                        .questions
                        .iter()
                        .zip(&answers.answers)
                        .map(|(q, a)| a.as_ref().is_some_and(|r| q.is_right(r)))
                        .collect();
                    let score = right.iter().filter(|&&r| r).count();
                    let student = Student {
                        answers,
                        right,
                        score,
                    };
                    let name = student.answers.name.clone();
                    match names.iter().find(|(m, _)| !name.is_empty() && *m == name) {
                        Some(&(_, of)) => Outcome::SameName { of, student },
                        None => {
                            names.push((name, number));
                            Outcome::Student(student)
                        }
                    }
                }
            }
        };
        entries.push(Entry {
            code: found,
            outcome,
        });
    }
    let mut class = Class {
        entries,
        questions: Vec::new(),
        distribution: vec![0; n + 1],
    };
    let scores: Vec<usize> = class.students().map(|s| s.score.min(n)).collect();
    for s in scores {
        class.distribution[s] += 1;
    }
    let mut questions: Vec<QuestionStat> = (0..n)
        .map(|i| {
            let q = &quiz.questions[i];
            let mut wrongs: Vec<(Vec<u8>, usize)> = Vec::new();
            let (mut right, mut of, mut blank) = (0, 0, 0);
            for s in class.students() {
                of += 1;
                match &s.answers.answers[i] {
                    None => blank += 1,
                    Some(r) if q.is_right(r) => right += 1,
                    Some(r) => match wrongs.iter_mut().find(|(w, _)| w == r) {
                        Some(w) => w.1 += 1,
                        None => wrongs.push((r.clone(), 1)),
                    },
                }
            }
            // The first of the most given (max_by_key keeps the last of equals).
            let wrong = wrongs.iter().rev().max_by_key(|(_, k)| *k).cloned();
            QuestionStat {
                index: i,
                right,
                of,
                wrong,
                blank,
            }
        })
        .collect();
    // right/of ascending, compared as fractions (all `of` are equal, but stay exact).
    questions.sort_by(|a, b| {
        (a.right * b.of.max(1))
            .cmp(&(b.right * a.of.max(1)))
            .then(a.index.cmp(&b.index))
    });
    class.questions = questions;
    class
}

fn cell(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// The class's table as RFC 4180 CSV: one row per code pasted (what it was,
/// name, score, time in seconds, then each question right or not with the
/// answer given), then a row of each question's share right.
pub fn csv(ds: &Dataset, quiz: &Quiz, class: &Class) -> String {
    let n = quiz.questions.len();
    let mut out = String::new();
    let mut row = |cells: Vec<String>| {
        out.push_str(&cells.iter().map(|c| cell(c)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    };
    let mut head: Vec<String> = [
        "Code",
        "Status",
        "Name",
        "Score",
        "Questions",
        "Time (seconds)",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for i in 1..=n {
        head.push(format!("Q{i} right"));
        head.push(format!("Q{i} answer"));
    }
    row(head);
    for e in &class.entries {
        let (status, student) = match &e.outcome {
            Outcome::Student(s) => ("counted".to_string(), Some(s)),
            Outcome::Refused(err) => (err.message().to_string(), None),
            Outcome::SameCode { of } => (format!("same code as row {of}: not counted again"), None),
            Outcome::SameName { of, student } => {
                (format!("same name as row {of}: not counted"), Some(student))
            }
        };
        let mut cells = vec![e.code.clone(), status];
        if let Some(s) = student {
            cells.push(s.answers.name.clone());
            cells.push(s.score.to_string());
            cells.push(n.to_string());
            cells.push(s.answers.secs.to_string());
            for (i, q) in quiz.questions.iter().enumerate() {
                cells.push(if s.right[i] { "1" } else { "0" }.to_string());
                cells.push(
                    s.answers.answers[i]
                        .as_ref()
                        .map_or(String::new(), |r| response_text(ds, q, r)),
                );
            }
        }
        row(cells);
    }
    let mut share = vec![
        String::new(),
        "share right".to_string(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
    ];
    let mut by_index = class.questions.clone();
    by_index.sort_by_key(|q| q.index);
    for q in &by_index {
        share.push(format!("{}%", q.percent()));
        share.push(
            ask(ds, &quiz.questions[q.index]).0
                + " — "
                + &answer_text(ds, &quiz.questions[q.index]),
        );
    }
    if class.counted() > 0 {
        row(share);
    }
    out
}

/// The score distribution in words (the chart's text alternative): each score
/// some student got, highest first ("4 of 4: 1 student; 2 of 4: 2 students").
pub fn distribution_text(class: &Class) -> String {
    let n = class.distribution.len().saturating_sub(1);
    let parts: Vec<String> = class
        .distribution
        .iter()
        .enumerate()
        .rev()
        .filter(|&(_, &k)| k > 0)
        .map(|(s, &k)| format!("{s} of {n}: {k} student{}", if k == 1 { "" } else { "s" }))
        .collect();
    if parts.is_empty() {
        "No student counted yet.".to_string()
    } else {
        format!("Scores: {}.", parts.join("; "))
    }
}
