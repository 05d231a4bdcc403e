//! What a quiz is made of: questions (a subject, options, the right response),
//! the values options stand for, and why a quiz cannot be made.

use super::Kind;
use crate::core::date::Date;

/// A value an option (or an item to arrange or match) stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Val {
    Year(i16),
    /// A year and a month (1–12).
    Month(i16, u8),
    Person(u16),
    Place(u16),
    Tag(u8),
    Event(u32),
    /// A person's role: person index, index into their `roles`.
    Role(u16, u8),
    Truth(bool),
    /// A date a source gives.
    Date(Date),
    /// Two dates, the earlier first.
    Dates(Date, Date),
}

/// A statement for true or false.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Statement {
    /// The event happened in this year.
    EventYear(u32, i16),
    /// The event took place at this place.
    EventPlace(u32, u16),
    /// `person` held the role `role` of `holder`.
    PersonRole { person: u16, holder: u16, role: u8 },
}

/// What a question is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subject {
    /// When / who / where / which strand, about one event.
    Event(u32),
    /// Who held this role (person, role index).
    Role(u16, u8),
    /// Arrange the items (events) chronologically.
    Order,
    /// Match the items (roles) to the options (people).
    Match,
    Statement(Statement),
    /// Which of the options (events) do the sources disagree on?
    DisputedEvent,
    /// Which date(s) do the sources give in this dispute?
    DisputeDates(u16),
}

/// How a question is answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Pick one option: the response is `[option]`.
    Choice,
    /// Arrange the items: the response lists item indices, earliest first.
    Order,
    /// For each item, pick an option: the response is one option per item
    /// ([`NONE`] for none yet).
    Match,
}

/// "No option chosen" in a matching response.
pub const NONE: u8 = u8::MAX;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Question {
    pub kind: Kind,
    pub subject: Subject,
    /// Order: the events as first shown. Match: the roles. Choice: empty.
    pub items: Vec<Val>,
    /// Choice: the options as shown. Match: the people. Order: empty.
    pub options: Vec<Val>,
    /// The one right response (see [`Format`]).
    pub answer: Vec<u8>,
}

impl Question {
    pub fn format(&self) -> Format {
        match self.subject {
            Subject::Order => Format::Order,
            Subject::Match => Format::Match,
            _ => Format::Choice,
        }
    }

    /// Whether `response` is a complete answer of the right shape.
    pub fn accepts(&self, response: &[u8]) -> bool {
        match self.format() {
            Format::Choice => response.len() == 1 && (response[0] as usize) < self.options.len(),
            Format::Order => {
                let mut seen = vec![false; self.items.len()];
                response.len() == self.items.len()
                    && response.iter().all(|&i| {
                        let fresh = seen.get(i as usize) == Some(&false);
                        if fresh {
                            seen[i as usize] = true;
                        }
                        fresh
                    })
            }
            Format::Match => {
                response.len() == self.items.len()
                    && response.iter().all(|&o| (o as usize) < self.options.len())
            }
        }
    }

    pub fn is_right(&self, response: &[u8]) -> bool {
        response == self.answer.as_slice()
    }

    /// The response a student starts from: nothing chosen; for an ordering, the
    /// order shown.
    /// Whether `response` can be this question's response in the making: a
    /// choice of at most one option, an ordering, positions of a matching
    /// each given ([`NONE`] for one not yet given).
    pub fn fits_draft(&self, response: &[u8]) -> bool {
        match self.format() {
            Format::Choice => response.len() <= 1 && self.accepts_or_blank(response),
            Format::Order => self.accepts(response),
            Format::Match => {
                response.len() == self.items.len()
                    && response
                        .iter()
                        .all(|&o| o == NONE || (o as usize) < self.options.len())
            }
        }
    }

    fn accepts_or_blank(&self, response: &[u8]) -> bool {
        response.is_empty() || self.accepts(response)
    }

    pub fn blank(&self) -> Vec<u8> {
        match self.format() {
            Format::Choice => Vec::new(),
            Format::Order => (0..self.items.len() as u8).collect(),
            Format::Match => vec![NONE; self.items.len()],
        }
    }
}

/// A generated quiz.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quiz {
    pub questions: Vec<Question>,
    /// How many events the topic has.
    pub events: usize,
}

/// Why a quiz cannot be made, and what would make it possible.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Impossible {
    /// Events in the topic.
    pub events: usize,
    /// Questions the topic allows with these types (fewer than asked).
    pub possible: usize,
    pub asked: usize,
}

impl Impossible {
    pub fn message(&self) -> String {
        let events = match self.events {
            0 => "No event matches this topic".to_string(),
            1 => "This topic has only 1 event".to_string(),
            n => format!("This topic has {n} events"),
        };
        match self.possible {
            0 => format!(
                "{events}: not enough to make even one question of the types chosen. \
                 Choose a wider topic (fewer filters, more years or strands) or more question types."
            ),
            k => format!(
                "{events}: enough for only {k} of the {} questions asked. \
                 Ask for {k} or fewer questions, or choose a wider topic \
                 (fewer filters, more years or strands) or more question types.",
                self.asked
            ),
        }
    }
}
