//! The link that fixes a quiz (`#/quiz?…`, format in the module docs): [`Spec`],
//! its parts ([`Level`], [`Feedback`], [`Print`]) and the link from a timeline.

use super::gen::sort_small;
use super::Kind;
use crate::core::filter::Filter;
use crate::core::model::Dataset;
use crate::core::route::encode;

/// The most questions one quiz may have.
pub const MAX_QUESTIONS: u32 = 30;
pub const DEFAULT_QUESTIONS: u32 = 10;
/// The longest seed a link may carry.
const MAX_SEED: usize = 32;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Easy,
    Normal,
    Hard,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Easy, Level::Normal, Level::Hard];

    pub const fn id(self) -> &'static str {
        match self {
            Level::Easy => "easy",
            Level::Normal => "normal",
            Level::Hard => "hard",
        }
    }

    pub const fn label(self) -> &'static str {
        match self {
            Level::Easy => "Easy: three options, answers far apart",
            Level::Normal => "Normal: four options",
            Level::Hard => "Hard: close dates, months, longer orderings",
        }
    }

    /// How many options a multiple-choice question has.
    pub(super) const fn options(self) -> usize {
        match self {
            Level::Easy => 3,
            _ => 4,
        }
    }
}

/// When the right answers are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Feedback {
    /// After each question.
    Each,
    /// Only in the review at the end (for tests in class).
    End,
}

impl Feedback {
    pub const fn id(self) -> &'static str {
        match self {
            Feedback::Each => "each",
            Feedback::End => "end",
        }
    }
}

/// A printable form of the quiz.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Print {
    Worksheet,
    Key,
}

impl Print {
    pub const fn id(self) -> &'static str {
        match self {
            Print::Worksheet => "worksheet",
            Print::Key => "key",
        }
    }
}

/// Everything a quiz link fixes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spec {
    /// The topic. Its `page` is always 1 and `periods` `None` (timeline-only).
    pub filter: Filter,
    pub n: u32,
    /// The question types, in [`Kind::ALL`] order, never empty.
    pub kinds: Vec<Kind>,
    pub level: Level,
    pub feedback: Feedback,
    /// Letters, digits, `-` and `_`; `None` shows the setup form.
    pub seed: Option<String>,
    pub print: Option<Print>,
}

impl Default for Spec {
    fn default() -> Spec {
        Spec {
            filter: Filter {
                page: 1,
                ..Filter::default()
            },
            n: DEFAULT_QUESTIONS,
            kinds: Kind::ALL.to_vec(),
            level: Level::Normal,
            feedback: Feedback::Each,
            seed: None,
            print: None,
        }
    }
}

pub(super) fn valid_seed(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= MAX_SEED
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

impl Spec {
    /// Reads the query parameters of a quiz link. Never fails: whatever is wrong
    /// is dropped (or clamped) and described in the returned notices.
    pub fn from_query(ds: &Dataset, pairs: &[(String, String)]) -> (Spec, Vec<String>) {
        let mut spec = Spec::default();
        let mut notices = Vec::new();
        let mut topic = Vec::new();
        let mut kinds: Option<Vec<Kind>> = None;
        for (key, value) in pairs {
            let v = value.trim();
            match key.as_str() {
                "n" => match v.parse::<u64>() {
                    Ok(n) if (1..=u64::from(MAX_QUESTIONS)).contains(&n) => spec.n = n as u32,
                    Ok(n) if n > u64::from(MAX_QUESTIONS) => {
                        spec.n = MAX_QUESTIONS;
                        notices.push(format!(
                            "A quiz has at most {MAX_QUESTIONS} questions: asking {MAX_QUESTIONS}, not {n}."
                        ));
                    }
                    _ => notices.push(format!(
                        "Ignored “n={value}”: a number of questions from 1 to {MAX_QUESTIONS} was expected."
                    )),
                },
                "ask" => {
                    let list = kinds.get_or_insert_with(Vec::new);
                    for id in v.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                        match Kind::from_id(id) {
                            Some(k) if !list.contains(&k) => list.push(k),
                            Some(_) => {}
                            None => notices.push(format!("Ignored unknown question type “{id}”.")),
                        }
                    }
                }
                "level" => match Level::ALL.into_iter().find(|l| l.id() == v) {
                    Some(l) => spec.level = l,
                    None => notices.push(format!(
                        "Ignored “level={value}”: use easy, normal or hard."
                    )),
                },
                "feedback" => match v {
                    "each" => spec.feedback = Feedback::Each,
                    "end" => spec.feedback = Feedback::End,
                    _ => notices.push(format!("Ignored “feedback={value}”: use each or end.")),
                },
                "seed" => {
                    if valid_seed(v) {
                        spec.seed = Some(v.to_string());
                    } else {
                        notices.push(format!(
                            "Ignored “seed={value}”: up to {MAX_SEED} letters and digits were expected."
                        ));
                    }
                }
                "print" => match v {
                    "worksheet" => spec.print = Some(Print::Worksheet),
                    "key" => spec.print = Some(Print::Key),
                    _ => notices.push(format!("Ignored “print={value}”: use worksheet or key.")),
                },
                // The timeline's page and periodisation mean nothing in a quiz.
                "page" | "periods" => {}
                _ => topic.push((key.clone(), value.clone())),
            }
        }
        let (filter, more) = Filter::from_query(ds, &topic);
        notices.extend(more);
        spec.filter = Filter {
            page: 1,
            periods: None,
            ..filter
        };
        if let Some(mut k) = kinds {
            if k.is_empty() {
                notices.push("No known question type was asked for: asking every type.".into());
            } else {
                sort_small(&mut k, |&k| k);
                spec.kinds = k;
            }
        }
        (spec, notices)
    }

    /// The canonical query (without `?`): the topic, then the quiz's own keys.
    pub fn to_query(&self, ds: &Dataset) -> String {
        let topic = Filter {
            page: 1,
            periods: None,
            ..self.filter.clone()
        };
        let mut out = topic.to_query(ds);
        let mut add = |k: &str, v: &str| {
            if !out.is_empty() {
                out.push('&');
            }
            out.push_str(k);
            out.push('=');
            out.push_str(v);
        };
        add("n", &self.n.to_string());
        if self.kinds.len() != Kind::ALL.len() {
            let ids: Vec<&str> = self.kinds.iter().map(|k| k.id()).collect();
            add("ask", &ids.join(","));
        }
        add("level", self.level.id());
        add("feedback", self.feedback.id());
        if let Some(s) = &self.seed {
            add("seed", &encode(s));
        }
        if let Some(p) = self.print {
            add("print", p.id());
        }
        out
    }

    /// The link (a fragment with its `#`).
    pub fn href(&self, ds: &Dataset) -> String {
        format!("#/quiz?{}", self.to_query(ds))
    }

    /// The same quiz in another form (`None`: taken on screen).
    pub fn with_print(&self, print: Option<Print>) -> Spec {
        Spec {
            print,
            ..self.clone()
        }
    }

    /// The key stored progress is kept under: the link of the quiz taken on screen.
    pub fn storage_key(&self, ds: &Dataset) -> String {
        format!("tarikh-quiz {}", self.with_print(None).href(ds))
    }
}

/// The link that opens the quiz setup on a timeline's events ("Quiz me on these
/// events"): the same topic, no seed yet.
pub fn quiz_href_for(ds: &Dataset, filter: &Filter) -> String {
    let q = Filter {
        page: 1,
        periods: None,
        ..filter.clone()
    }
    .to_query(ds);
    if q.is_empty() {
        "#/quiz".to_string()
    } else {
        format!("#/quiz?{q}")
    }
}
