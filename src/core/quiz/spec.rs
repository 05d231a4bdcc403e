//! The quiz's link: everything a quiz link fixes.
//!
//! ```text
//! q, from, to, strand, type, person, place, org, source, disputed
//!                          the topic: exactly the timeline's filter (core::filter)
//! n=10                     how many questions (1–30)
//! ask=when,who,order       the question types (default: all of them)
//! level=easy|normal|hard   difficulty
//! feedback=each|end        show the right answer after each question, or only at the end
//! seed=k3f9a2              fixes the questions; without it the teacher's setup form shows
//! print=worksheet|key      a printable worksheet, or its answer key
//! results=1                the teacher's class results (result codes pasted)
//! project=1                projector mode (one question at a time, large type)
//! ```
//!
//! The parameters are defined once, in [`PARAMS`]; reading never fails.

use super::shape::{self, Shape};
use super::{generate, Facts, Kind};
use crate::core::filter::{Facet, Filter, SearchIndex};
use crate::core::link::{self, LinkState, Notice, Notices, Param};
use crate::core::model::Dataset;

/// The longest seed a link may carry.
pub const MAX_SEED: usize = 32;

/// The most questions one quiz may have.
pub const MAX_QUESTIONS: u32 = 30;
pub const DEFAULT_QUESTIONS: u32 = 10;

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

/// Everything a quiz link fixes. The number of questions is within
/// 1..=[`MAX_QUESTIONS`] and at least one question type is asked, in
/// [`Kind::ALL`] order: both kept by the setters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spec {
    /// The topic: which events the questions are about.
    pub filter: Filter,
    n: u32,
    /// Bit `k` set: `Kind::ALL[k]` is asked; never 0.
    kinds: u16,
    pub level: Level,
    pub feedback: Feedback,
    /// Letters, digits, `-` and `_`; `None` shows the setup form.
    seed: Option<String>,
    pub print: Option<Print>,
    /// The teacher's class results view (codes pasted, scores, shares).
    pub results: bool,
    /// Projector mode: one question at a time in large type for the whole class.
    pub project: bool,
    /// While a link is read: an `ask=` was seen (its kinds replace the default).
    asked: bool,
    /// More parts of the topic, chosen events, replaced and removed questions,
    /// the newer defaults (`also`, `events`, `swap`, `drop`, `v`, `trivia`).
    pub shape: Shape,
}

const ALL_KINDS: u16 = (1 << Kind::ALL.len()) - 1;

fn bit(k: Kind) -> u16 {
    1 << Kind::ALL.iter().position(|&x| x == k).unwrap_or(0)
}

impl Default for Spec {
    fn default() -> Spec {
        Spec {
            filter: Filter::default(),
            n: DEFAULT_QUESTIONS,
            kinds: ALL_KINDS,
            level: Level::Normal,
            feedback: Feedback::Each,
            seed: None,
            print: None,
            results: false,
            project: false,
            asked: false,
            shape: Shape::default(),
        }
    }
}

/// A seed a link may carry: letters, digits, `-` and `_`, at most [`MAX_SEED`].
pub fn valid_seed(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= MAX_SEED
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

impl Spec {
    pub fn n(&self) -> u32 {
        self.n
    }

    /// Sets the number of questions, clamped to 1..=[`MAX_QUESTIONS`].
    pub fn set_n(&mut self, n: u32) {
        self.n = n.clamp(1, MAX_QUESTIONS);
    }

    /// The question types asked, in [`Kind::ALL`] order (never empty).
    pub fn kinds(&self) -> Vec<Kind> {
        Kind::ALL
            .into_iter()
            .filter(|&k| self.kinds & bit(k) != 0)
            .collect()
    }

    pub fn asks(&self, k: Kind) -> bool {
        self.kinds & bit(k) != 0
    }

    /// Asks these types; none at all asks every type.
    pub fn set_kinds(&mut self, kinds: impl IntoIterator<Item = Kind>) {
        self.kinds = kinds.into_iter().fold(0, |m, k| m | bit(k));
        if self.kinds == 0 {
            self.kinds = ALL_KINDS;
        }
    }

    /// Adds or removes one type; the last one can't be removed (false then).
    pub fn toggle_kind(&mut self, k: Kind) -> bool {
        let next = self.kinds ^ bit(k);
        if next == 0 {
            return false;
        }
        self.kinds = next;
        true
    }

    pub fn seed(&self) -> Option<&str> {
        self.seed.as_deref()
    }

    /// Sets the seed if it is one a link may carry (false otherwise).
    pub fn set_seed(&mut self, seed: Option<&str>) -> bool {
        match seed {
            None => self.seed = None,
            Some(s) if valid_seed(s) => self.seed = Some(s.to_string()),
            Some(_) => return false,
        }
        true
    }

    /// This spec with `n` questions (clamped), these kinds and this seed: for
    /// building a spec in code (`Spec::default().with(8, &Kind::ALL, "x")`).
    pub fn with(mut self, n: u32, kinds: &[Kind], seed: &str) -> Spec {
        self.set_n(n);
        self.set_kinds(kinds.iter().copied());
        self.set_seed(Some(seed));
        self
    }

    /// The limits of the topic the setup form has no field for (they came
    /// from the timeline: types, people, places, organisations, sources,
    /// disputed): a filter of just those.
    pub fn other_limits(&self) -> Filter {
        let mut f = self.filter.clone();
        f.q.clear();
        f.set_years(None, None);
        f.clear(Facet::Strand);
        f
    }

    /// The topic without [`Spec::other_limits`].
    pub fn clear_other_limits(&mut self) {
        let f = &mut self.filter;
        for facet in [
            Facet::Type,
            Facet::Person,
            Facet::Place,
            Facet::Org,
            Facet::Source,
        ] {
            f.clear(facet);
        }
        f.disputed = false;
        f.key = false;
    }

    /// "Also limited to …", when the topic has [`Spec::other_limits`].
    pub fn other_limits_text(&self, ds: &Dataset) -> Option<String> {
        let f = self.other_limits();
        (!f.is_clear()).then(|| format!("Also limited to {}. ", f.describe(ds)))
    }

    /// Whether this topic gives enough questions, checked with a fixed seed
    /// (the count hardly depends on it): what is wrong, if anything.
    pub fn problem(&self, facts: &Facts, index: &SearchIndex) -> Option<String> {
        let mut s = self.fresh();
        s.set_seed(Some("check"));
        generate(facts, index, &s).err().map(|e| e.message())
    }

    /// The quiz this setup makes with `seed`, taken on screen: a new link,
    /// so with the newer defaults (`v=2`) and none of the questions edited yet.
    pub fn made(&self, seed: &str) -> Spec {
        let mut s = self.fresh();
        s.print = None;
        s.set_seed(Some(seed));
        s
    }

    /// This setup as a new link will make it (`v=2`, no edits), for the
    /// form's counts and checks.
    pub fn fresh(&self) -> Spec {
        let mut s = self.clone();
        s.shape.v2 = true;
        s.shape.clear_edits();
        s
    }

    /// The same quiz in another form (`None`: taken on screen); never the
    /// results view or projector mode.
    pub fn with_print(&self, print: Option<Print>) -> Spec {
        Spec {
            print,
            results: false,
            project: false,
            ..self.clone()
        }
    }

    /// The teacher's class results view of this quiz.
    pub fn results_view(&self) -> Spec {
        Spec {
            results: true,
            ..self.with_print(None)
        }
    }

    /// This quiz in projector mode.
    pub fn projected(&self) -> Spec {
        Spec {
            project: true,
            ..self.with_print(None)
        }
    }

    /// The key the results view keeps pasted codes under.
    pub fn results_key(&self, ds: &Dataset) -> String {
        format!("tarikh-results {}", self.with_print(None).href(ds))
    }

    /// The key the first format of stored progress was kept under (the link
    /// of the quiz taken on screen), still read once to move it to the
    /// quiz's small key ([`super::stored::key`]).
    pub fn legacy_storage_key(&self, ds: &Dataset) -> String {
        format!(
            "{}{}",
            super::stored::LEGACY_PREFIX,
            self.with_print(None).href(ds)
        )
    }
}

/// How many events a topic has, in words.
pub fn topic_count_text(n: usize) -> String {
    match n {
        0 => "No event matches this topic.".to_string(),
        1 => "1 event in this topic.".to_string(),
        n => format!("{n} events in this topic."),
    }
}

/// The link that opens the quiz setup on a timeline's events ("Quiz me on these
/// events"): the same topic, no seed yet.
pub fn setup_href(ds: &Dataset, filter: &Filter) -> String {
    let q = filter.query(ds);
    if q.is_empty() {
        Spec::PATH.to_string()
    } else {
        format!("{}?{q}", Spec::PATH)
    }
}

fn read_n(s: &mut Spec, _: &Dataset, value: &str, n: &mut Notices) {
    match value.trim().parse::<u64>() {
        Ok(k) if (1..=u64::from(MAX_QUESTIONS)).contains(&k) => s.n = k as u32,
        Ok(k) if k > u64::from(MAX_QUESTIONS) => {
            s.n = MAX_QUESTIONS;
            n.push(Notice::Clamped {
                key: "n",
                asked: k,
                max: MAX_QUESTIONS,
            });
        }
        _ => n.bad(
            "n",
            value,
            "a number of questions from 1 to 30 was expected",
        ),
    }
}

fn read_ask(s: &mut Spec, _: &Dataset, value: &str, n: &mut Notices) {
    if !s.asked {
        s.asked = true;
        s.kinds = 0;
    }
    for id in value.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        match Kind::from_id(id) {
            Some(k) => s.kinds |= bit(k),
            None => n.unknown_id("question type", id),
        }
    }
}

/// The quiz's own parameters, in the order the link writes them (after the topic).
static PARAMS: [Param<Spec>; 14] = [
    Param {
        key: "n",
        doc: "how many questions (1–30; 10 when left out)",
        read: read_n,
        write: |s, _, q| q.add("n", &s.n.to_string()),
    },
    Param {
        key: "ask",
        doc: "question types (all when left out): when, who, where, strand, order, roles, truefalse, disputes",
        read: read_ask,
        write: |s, _, q| {
            if s.kinds != ALL_KINDS {
                q.list("ask", s.kinds().into_iter().map(Kind::id))
            }
        },
    },
    Param {
        key: "level",
        doc: "difficulty: easy, normal, hard",
        read: |s, _, v, n| match Level::ALL.into_iter().find(|l| l.id() == v.trim()) {
            Some(l) => s.level = l,
            None => n.bad("level", v, "use easy, normal or hard"),
        },
        write: |s, _, q| q.add("level", s.level.id()),
    },
    Param {
        key: "feedback",
        doc: "show the right answer after each question, or only at the end",
        read: |s, _, v, n| match v.trim() {
            "each" => s.feedback = Feedback::Each,
            "end" => s.feedback = Feedback::End,
            _ => n.bad("feedback", v, "use each or end"),
        },
        write: |s, _, q| q.add("feedback", s.feedback.id()),
    },
    Param {
        key: "also",
        doc: "one more part of the topic, a timeline filter as key:value pairs joined by / (also=place:khiva/from:1918; up to 5)",
        read: shape::read_part,
        write: shape::write_parts,
    },
    Param {
        key: "events",
        doc: "chosen events (ids), one more part of the topic",
        read: shape::read_events,
        write: shape::write_events,
    },
    Param {
        key: "v",
        doc: "v=2: the defaults of links made since 2.0 — no later archive releases or publications, key events first",
        read: |s, _, v, n| match v.trim() {
            "1" => s.shape.v2 = false,
            "2" => s.shape.v2 = true,
            _ => n.bad("v", v, "use v=2 (or leave it out)"),
        },
        write: |s, _, q| q.opt("v", s.shape.v2.then_some("2")),
    },
    Param {
        key: "trivia",
        doc: "with v=2, include the later archive releases and publications (trivia=1)",
        read: |s, _, v, n| link::read_flag(&mut s.shape.trivia, "trivia", v, n, "use trivia=1"),
        write: |s, _, q| q.flag("trivia", s.shape.trivia),
    },
    Param {
        key: "seed",
        doc: "fixes the questions (letters, digits, -, _); without it the setup form shows",
        read: |s, _, v, n| {
            if !s.set_seed(Some(v.trim())) {
                n.bad("seed", v, "up to 32 letters and digits were expected")
            }
        },
        write: |s, _, q| {
            if let Some(seed) = &s.seed {
                q.add("seed", seed)
            }
        },
    },
    Param {
        key: "swap",
        doc: "questions replaced in the preview, in order (numbers of the quiz as first made; one twice: replaced twice)",
        read: |s, _, v, n| shape::read_slots("swap", &mut s.shape.swaps, false, v, n),
        write: |s, _, q| shape::write_slots("swap", &s.shape.swaps, q),
    },
    Param {
        key: "drop",
        doc: "questions removed in the preview (numbers of the quiz as first made)",
        read: |s, _, v, n| shape::read_slots("drop", &mut s.shape.drops, true, v, n),
        write: |s, _, q| shape::write_slots("drop", &s.shape.drops, q),
    },
    Param {
        key: "print",
        doc: "the printable worksheet, or its answer key",
        read: |s, _, v, n| match v.trim() {
            "worksheet" => s.print = Some(Print::Worksheet),
            "key" => s.print = Some(Print::Key),
            _ => n.bad("print", v, "use worksheet or key"),
        },
        write: |s, _, q| {
            if let Some(p) = s.print {
                q.add("print", p.id())
            }
        },
    },
    link::flag_param!("results", results, "the teacher's class results: paste the students' result codes (results=1)"),
    link::flag_param!("project", project, "projector mode: one question at a time in large type, answers revealed by key (project=1)"),
];

impl LinkState for Spec {
    const PATH: &'static str = "#/quiz";
    /// The timeline's page and periodisation mean nothing in a quiz.
    const SILENT: &'static [&'static str] = &["page", "periods"];

    fn params() -> &'static [Param<Self>] {
        &PARAMS
    }

    fn finish(&mut self, _: &Dataset, notices: &mut Notices) {
        if self.asked && self.kinds == 0 {
            notices.push(Notice::NoQuestionType);
            self.kinds = ALL_KINDS;
        }
        self.asked = false;
    }

    crate::carries!(filter);
}
