//! The question types: one file each, and this registry.
//!
//! Each file (say `when.rs`) holds everything about its type:
//!
//! - `ID` — its name in the link (`ask=when`); `LABEL` — what the setup form shows;
//! - `candidates(&Gen)` — the material it may be made from (the generator shuffles it);
//! - `make(&mut Gen, Cand)` — one question from a candidate, or `None`;
//! - `ask(&Dataset, &Question)` — its words: what is asked, and about what;
//! - `explain(&Dataset, &Question, &mut Explanation)` — why the answer is right
//!   (it cites and links through the `Explanation`, and returns the text).
//!
//! A new type is a new file and one line below. The order of the lines is the
//! order of [`Kind::ALL`], of `ask=` in a link and of the setup form, and it is
//! part of generation: inserting a line anywhere but at the end changes every
//! shared quiz (the golden fingerprint test says so).

use super::explain::Explanation;
use super::gen::{Cand, Gen};
use super::question::Question;
use crate::core::model::Dataset;

macro_rules! registry {
    ($($(#[$doc:meta])* $kind:ident => $file:ident,)*) => {
        $(pub(super) mod $file;)*

        /// A type of question.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
        pub enum Kind {
            $($(#[$doc])* $kind,)*
        }

        impl Kind {
            pub const ALL: [Kind; [$(Kind::$kind),*].len()] = [$(Kind::$kind),*];

            /// The name in the link (`ask=`).
            pub const fn id(self) -> &'static str {
                match self {
                    $(Kind::$kind => $file::ID,)*
                }
            }

            /// What a teacher reads in the setup form.
            pub const fn label(self) -> &'static str {
                match self {
                    $(Kind::$kind => $file::LABEL,)*
                }
            }
        }

        /// The material a type of question may be made from (not yet shuffled).
        pub(super) fn candidates(kind: Kind, g: &Gen) -> Vec<Cand> {
            match kind {
                $(Kind::$kind => $file::candidates(g),)*
            }
        }

        /// A question of this type from a candidate, if one can be made.
        pub(super) fn make(kind: Kind, g: &mut Gen, c: Cand) -> Option<Question> {
            match kind {
                $(Kind::$kind => $file::make(g, c),)*
            }
        }

        /// What is asked, and what it is asked about.
        pub(super) fn ask(ds: &Dataset, q: &Question) -> (String, Option<String>) {
            match q.kind {
                $(Kind::$kind => $file::ask(ds, q),)*
            }
        }

        /// The explanation's text; its citations and links go into `ex`.
        pub(super) fn explain(ds: &Dataset, q: &Question, ex: &mut Explanation) -> String {
            match q.kind {
                $(Kind::$kind => $file::explain(ds, q, ex),)*
            }
        }
    };
}

registry! {
    /// The year (or, on hard, the month) of an event.
    When => when,
    /// Who took part in an event; who held a post.
    Who => who,
    /// The city an event took place in.
    Where => where_,
    /// The strand of the history an event belongs to.
    Strand => strand,
    /// Events to put in chronological order.
    Order => order,
    /// Posts to match with the people who held them.
    Roles => roles,
    /// A statement about an event's year or place, or who held a post.
    TrueFalse => truefalse,
    /// What the sources disagree on: which event, which dates.
    Disputes => disputes,
}

impl Kind {
    pub fn from_id(id: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.id() == id)
    }
}
