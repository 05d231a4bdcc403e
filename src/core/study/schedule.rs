//! The scheduler: Leitner boxes.
//!
//! A card is in one of [`BOXES`] boxes; a card never seen counts as box 1.
//! Box `b` waits [`interval`]`(b)` = 2^(b−1) days: 1, 2, 4, 8, 16, 32, 64.
//! After a card is shown, the student's grade moves it:
//!
//! | grade | box after            | due again                          |
//! |-------|----------------------|------------------------------------|
//! | again | 1                    | today (after every other due card) |
//! | hard  | the same             | in half its box's wait (≥ 1 day)   |
//! | good  | one up (at most 7)   | in the new box's wait              |
//! | easy  | two up (at most 7)   | in the new box's wait              |
//!
//! So a new card answered "good" comes back in 2 days, then 4, 8 …; "again"
//! starts it over. At most [`NEW_PER_DAY`] cards never seen are started a day.
//! The day is a number (days since 1970-01-01 in the student's time zone)
//! that the caller passes in: core never reads a clock, so tests step days.

use super::cards::Card;
use std::collections::BTreeMap;

/// A day: days since 1970-01-01 (local time).
pub type Day = i32;

/// Boxes 1..=BOXES.
pub const BOXES: u8 = 7;
/// Cards never seen that are started on one day.
pub const NEW_PER_DAY: u16 = 20;

/// The student's answer to a card.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grade {
    Again,
    Hard,
    Good,
    Easy,
}

impl Grade {
    pub const ALL: [Grade; 4] = [Grade::Again, Grade::Hard, Grade::Good, Grade::Easy];

    pub const fn label(self) -> &'static str {
        match self {
            Grade::Again => "Again",
            Grade::Hard => "Hard",
            Grade::Good => "Good",
            Grade::Easy => "Easy",
        }
    }

    /// The key that gives it (1–4).
    pub const fn key(self) -> char {
        match self {
            Grade::Again => '1',
            Grade::Hard => '2',
            Grade::Good => '3',
            Grade::Easy => '4',
        }
    }

    pub fn of_key(k: &str) -> Option<Grade> {
        Grade::ALL
            .into_iter()
            .find(|g| k.len() == 1 && k.starts_with(g.key()))
    }
}

/// How many days box `b` waits.
pub fn interval(b: u8) -> Day {
    1 << (b.clamp(1, BOXES) - 1)
}

/// Where one card is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CardState {
    /// 1..=BOXES.
    pub boxed: u8,
    pub due: Day,
    /// The review's number ([`Progress::seq`] when it was graded): among cards
    /// due the same day, the one seen longest ago comes first.
    pub seen: u32,
    /// The day it was last graded.
    pub last: Day,
}

impl CardState {
    /// Where a grade given on `today` puts a card that was `before` (`None`: new).
    pub fn after(before: Option<CardState>, grade: Grade, today: Day, seen: u32) -> CardState {
        let b = before.map_or(1, |c| c.boxed);
        let (boxed, wait) = match grade {
            Grade::Again => (1, 0),
            Grade::Hard => (b, (interval(b) / 2).max(1)),
            Grade::Good => ((b + 1).min(BOXES), interval(b + 1)),
            Grade::Easy => ((b + 2).min(BOXES), interval(b + 2)),
        };
        CardState {
            boxed,
            due: today + wait,
            seen,
            last: today,
        }
    }
}

/// A student's progress on one selection's cards.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// The first day studied.
    pub start: Option<Day>,
    /// Reviews so far (each grade is one).
    pub seq: u32,
    /// The day [`Progress::new_count`] counts for.
    pub new_day: Day,
    /// New cards started on `new_day`.
    pub new_count: u16,
    /// By card id; cards no longer in the deck are kept (another selection of
    /// kinds, or a dataset that changed, may bring them back).
    pub cards: BTreeMap<String, CardState>,
}

/// What is due on a day.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Due {
    /// Indices into the deck, in the order they are shown.
    pub queue: Vec<usize>,
    /// Of those, how many are new.
    pub new: usize,
    /// Cards seen at least once.
    pub started: usize,
    /// Cards in box 4 or higher (8 days and more between reviews).
    pub learned: usize,
    /// The next day after today something falls due, and how many then.
    pub next: Option<(Day, usize)>,
}

impl Progress {
    /// The day counter: today is day N of studying these cards (1 on the first day).
    pub fn day_number(&self, today: Day) -> i32 {
        self.start.map_or(1, |s| (today - s).max(0) + 1)
    }

    /// New cards that may still be started today.
    pub fn new_left(&self, today: Day) -> usize {
        let used = if self.new_day == today {
            self.new_count
        } else {
            0
        };
        usize::from(NEW_PER_DAY.saturating_sub(used))
    }

    /// What is due `today`, in order: cards due from earlier days (the longest
    /// waiting first), then new cards (deck order, up to the day's allowance),
    /// then the cards already seen today and due again (graded "again").
    pub fn due(&self, deck: &[Card], today: Day) -> Due {
        let mut earlier = Vec::new();
        let mut again = Vec::new();
        let mut new = Vec::new();
        let mut d = Due::default();
        let mut later: BTreeMap<Day, usize> = BTreeMap::new();
        for (i, card) in deck.iter().enumerate() {
            match self.cards.get(&card.id) {
                None => new.push(i),
                Some(c) => {
                    d.started += 1;
                    d.learned += usize::from(c.boxed >= 4);
                    if c.due > today {
                        *later.entry(c.due).or_default() += 1;
                    } else if c.last == today {
                        again.push((c.seen, i));
                    } else {
                        earlier.push(((c.due, c.seen), i));
                    }
                }
            }
        }
        earlier.sort();
        again.sort();
        new.truncate(self.new_left(today));
        if new.len() < deck.len() - d.started {
            // Cards beyond the allowance start tomorrow.
            let waiting = deck.len() - d.started - new.len();
            *later.entry(today + 1).or_default() += waiting.min(usize::from(NEW_PER_DAY));
        }
        d.new = new.len();
        d.queue = earlier.into_iter().map(|(_, i)| i).collect();
        d.queue.extend(new);
        d.queue.extend(again.into_iter().map(|(_, i)| i));
        d.next = later.into_iter().next();
        d
    }

    /// Records a grade for `card` given on `today`.
    pub fn grade(&mut self, card: &Card, grade: Grade, today: Day) {
        let before = self.cards.get(&card.id).copied();
        if before.is_none() {
            if self.new_day != today {
                (self.new_day, self.new_count) = (today, 0);
            }
            self.new_count = self.new_count.saturating_add(1);
        }
        self.seq = self.seq.saturating_add(1);
        self.start = Some(self.start.map_or(today, |s| s.min(today)));
        let after = CardState::after(before, grade, today, self.seq);
        self.cards.insert(card.id.clone(), after);
    }
}

/// "today", "tomorrow", "in 3 days".
pub fn days_text(days: Day) -> String {
    match days {
        ..=0 => "today".into(),
        1 => "tomorrow".into(),
        n => format!("in {n} days"),
    }
}

/// "1 card", "3 cards".
pub fn cards_text(n: usize) -> String {
    if n == 1 {
        "1 card".into()
    } else {
        format!("{n} cards")
    }
}
