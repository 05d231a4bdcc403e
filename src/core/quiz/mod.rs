//! Quizzes generated from the dataset: the link that fixes one, and making it.
//!
//! Link format (the part after `#/quiz?`; every key optional):
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
//! Reading a link never fails: whatever is wrong is dropped with a notice.
//!
//! Generation is pure and deterministic: a small PRNG (splitmix64) seeded from the
//! seed text (FNV-1a), integer arithmetic only, and no hash maps, so one link gives
//! the same questions in the same option order in every browser and every build
//! of the same dataset.
//!
//! Every question is a *subject* (an event, a role, a dispute, a statement) and
//! options that are data values ([`Val`]); the words shown are derived from them
//! ([`ask`], [`label`], [`explain`]). By construction each question has exactly one
//! right answer, distinct options, and cites where its answer comes from. A fact the
//! sources dispute (an event a dispute touches, a role a dispute is about) is never
//! asked as settled; the `disputes` type asks instead what the sources disagree on.
//!
//! The files: `spec` the link; `rng` the randomness; `facts` what the generator
//! knows of a dataset; `gen` the generator; `kinds/` one file per question type
//! (its candidates, how it is made, its words and its explanation) and the
//! registry of types; `question` what a quiz is made of; `words` labels and
//! answers in words; `explain` explanations; `fingerprint`; `calendar` dates
//! arithmetic; `state` taking a quiz; `stored` its progress as the browser keeps it;
//! `code` result codes; `results` the class's results read from them.

mod calendar;
pub mod code;
mod explain;
mod facts;
mod fingerprint;
mod gen;
mod kinds;
mod question;
pub mod results;
mod rng;
pub mod shape;
mod spec;
pub mod state;
pub mod stored;
mod words;

pub use calendar::shift;
pub use explain::{explain, Explanation, Ref};
pub use facts::Facts;
pub use fingerprint::fingerprint;
pub use gen::{generate, shaped, sort_small, Shaped};
pub use kinds::disputes::claim_dates;
pub use kinds::truefalse::statement_text;
pub use kinds::Kind;
pub use question::{Format, Impossible, Question, Quiz, Statement, Subject, Val, NONE};
pub use rng::{seed_text, Rng};
pub use shape::{is_trivia, quiz_id, topic_events, Shape};
pub use spec::{
    setup_href, topic_count_text, valid_seed, Feedback, Level, Print, Spec, DEFAULT_QUESTIONS,
    MAX_QUESTIONS, MAX_SEED,
};
pub use words::{answer_letters, answer_text, ask, label, letter, response_text, worksheet_answer};

#[cfg(test)]
mod tests;
