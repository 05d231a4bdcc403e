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

use super::date::{day_number, Date, Part, Point, Season};
use super::filter::{apply, SearchIndex};
use super::model::{Cite, Dataset};
use super::text::keys;

/// The most questions one quiz may have.
pub const MAX_QUESTIONS: u32 = 30;
pub const DEFAULT_QUESTIONS: u32 = 10;

/// A type of question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    When,
    Who,
    Where,
    Strand,
    Order,
    Roles,
    TrueFalse,
    Disputes,
}

impl Kind {
    pub const ALL: [Kind; 8] = [
        Kind::When,
        Kind::Who,
        Kind::Where,
        Kind::Strand,
        Kind::Order,
        Kind::Roles,
        Kind::TrueFalse,
        Kind::Disputes,
    ];

    /// The name in the link (`ask=`).
    pub const fn id(self) -> &'static str {
        match self {
            Kind::When => "when",
            Kind::Who => "who",
            Kind::Where => "where",
            Kind::Strand => "strand",
            Kind::Order => "order",
            Kind::Roles => "roles",
            Kind::TrueFalse => "truefalse",
            Kind::Disputes => "disputes",
        }
    }

    /// What a teacher reads in the setup form.
    pub const fn label(self) -> &'static str {
        match self {
            Kind::When => "When did it happen?",
            Kind::Who => "Who?",
            Kind::Where => "Where?",
            Kind::Strand => "Which movement or strand?",
            Kind::Order => "Put events in order",
            Kind::Roles => "Match people to roles",
            Kind::TrueFalse => "True or false",
            Kind::Disputes => "What do the sources disagree on?",
        }
    }

    pub fn from_id(id: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.id() == id)
    }
}

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
    const fn options(self) -> usize {
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

pub use super::quiz_spec::{setup_href, valid_seed, Spec, MAX_SEED};

/// A new seed from some entropy (the app passes a random number): 8 base-36 digits.
pub fn seed_text(entropy: u64) -> String {
    let mut x = Rng::new(entropy).next_u64();
    (0..8)
        .map(|_| {
            let d = (x % 36) as u8;
            x /= 36;
            (if d < 10 { b'0' + d } else { b'a' + d - 10 }) as char
        })
        .collect()
}

// ------------------------------------------------------------------ randomness

/// splitmix64: small, fast, and the same on every platform.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// Seeded from text (FNV-1a of its bytes).
    pub fn from_text(text: &str) -> Rng {
        Rng(fnv(FNV_OFFSET, text.as_bytes()))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when n is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i + 1);
            v.swap(i, j);
        }
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

// ------------------------------------------------------------------ questions

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

// ------------------------------------------------------------------ facts

/// What the generator needs to know about a dataset, worked out once (it takes a
/// moment) and shared by every quiz made from it.
pub struct Facts<'a> {
    pub ds: &'a Dataset,
    /// Per event: its year, if it lies within one calendar year, is not disputed,
    /// not approximate, and its title gives no date away.
    year: Vec<Option<i16>>,
    /// Per event: the same for one month.
    month: Vec<Option<(i16, u8)>>,
    /// Per event: its first and last day, on the same conditions.
    span: Vec<Option<(i32, i32)>>,
    /// Per event: a dispute touches it (either side records the link).
    disputed: Vec<bool>,
    /// Per event: the search keys of its title.
    title_keys: Vec<String>,
    /// Per person and per place: the words of their names (see `named_in`).
    person_words: Vec<Vec<String>>,
    place_words: Vec<Vec<String>>,
    /// Roles a question may ask about (person, role), in dataset order.
    roles: Vec<(u16, u8)>,
}

/// Role titles that name one post held by one person at a time. "Member of",
/// "co-author of" and the like are never asked: others may have held them too.
const EXCLUSIVE_ROLES: [&str; 13] = [
    "Chairman of",
    "Vice-Chairman of",
    "Deputy Chairman of",
    "Head of",
    "Chief editor of",
    "Emir of",
    "Khan of",
    "Leader of",
    "People's Commissar of",
    "General Secretary of",
    "Secretary of",
    "Founder of",
    "Commander of",
];

fn cites_overlap(a: &[Cite], b: &[Cite]) -> bool {
    a.iter().any(|x| {
        b.iter()
            .any(|y| x.source == y.source && x.from <= y.to && y.from <= x.to)
    })
}

/// The words (four letters or more) of some names, as search keys.
fn name_words<'n>(names: impl Iterator<Item = &'n str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for n in names {
        for k in keys(n).split(' ').filter(|k| k.len() >= 4) {
            let k = format!(" {k}");
            if !out.contains(&k) {
                out.push(k);
            }
        }
    }
    out
}

/// Whether one of the words starts a word of `haystack` (made by `keys`):
/// "Bukeikhan" is in "Bukeikhan's burial".
fn named_in(words: &[String], haystack: &str) -> bool {
    words.iter().any(|w| haystack.contains(w.as_str()))
}

const MONTH_WORDS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A title that gives a date away (a year, a month) is not asked about by date.
fn dated_title(title: &str) -> bool {
    let b = title.as_bytes();
    let year = b.windows(4).enumerate().any(|(i, w)| {
        w.iter().all(u8::is_ascii_digit)
            && (i == 0 || !b[i - 1].is_ascii_digit())
            && b.get(i + 4).is_none_or(|c| !c.is_ascii_digit())
    });
    year || title
        .split(|c: char| !c.is_ascii_alphabetic())
        .any(|w| MONTH_WORDS.iter().any(|m| m.eq_ignore_ascii_case(w)))
}

/// Whether `needle` occurs in `hay`, ignoring ASCII case.
fn contains_ci(hay: &str, needle: &str) -> bool {
    let n = needle.as_bytes();
    !n.is_empty()
        && hay
            .as_bytes()
            .windows(n.len())
            .any(|w| w.eq_ignore_ascii_case(n))
}

/// Sorts a short list by a key (insertion sort: a few items, little code).
pub fn sort_small<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && key(&v[j - 1]) > key(&v[j]) {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

impl<'a> Facts<'a> {
    pub fn new(ds: &'a Dataset) -> Facts<'a> {
        let mut disputed: Vec<bool> = ds.events.iter().map(|e| !e.disputes.is_empty()).collect();
        for d in ds.disputes {
            for &e in d.events {
                disputed[e as usize] = true;
            }
        }
        let person_words = ds
            .people
            .iter()
            .map(|p| name_words(std::iter::once(p.name).chain(p.names.iter().map(|n| n.name))))
            .collect();
        let place_words = ds
            .places
            .iter()
            .map(|p| name_words(std::iter::once(p.name).chain(p.names.iter().copied())))
            .collect();
        let mut facts = Facts {
            ds,
            year: Vec::new(),
            month: Vec::new(),
            span: Vec::new(),
            disputed,
            title_keys: ds.events.iter().map(|e| keys(e.title)).collect(),
            person_words,
            place_words,
            roles: Vec::new(),
        };
        // Each dispute's words, to look for an organisation's name in.
        let disputes: Vec<String> = ds
            .disputes
            .iter()
            .map(|d| {
                let mut t = format!("{} {}", d.title, d.summary);
                d.claims.iter().for_each(|c| t.push_str(c.says));
                t
            })
            .collect();
        for (p, person) in ds.people.iter().enumerate() {
            for (k, r) in person.roles.iter().enumerate() {
                let holders = ds
                    .people
                    .iter()
                    .flat_map(|q| q.roles)
                    .filter(|x| x.role.eq_ignore_ascii_case(r.role))
                    .count();
                if holders == 1 && facts.role_askable(p as u16, r, &disputes) {
                    facts.roles.push((p as u16, k as u8));
                }
            }
        }
        let events = 0..ds.events.len() as u32;
        facts.span = events.clone().map(|e| facts.exact_span(e)).collect();
        facts.year = events.clone().map(|e| facts.exact_year(e)).collect();
        facts.month = events.map(|e| facts.exact_month(e)).collect();
        facts
    }

    fn role(&self, p: u16, k: u8) -> &'static super::model::Role {
        &self.ds.people[p as usize].roles[k as usize]
    }

    /// One post (held by no one else, checked by the caller) that no dispute
    /// about its holder is about: none cites its paragraphs or names its organisation.
    fn role_askable(&self, p: u16, r: &super::model::Role, disputes: &[String]) -> bool {
        let ds = self.ds;
        let Some(org) = r.org else { return false };
        if !EXCLUSIVE_ROLES.iter().any(|s| r.role.starts_with(s))
            || r.role.bytes().any(|b| b.is_ascii_digit())
        {
            return false;
        }
        let org_name = ds.orgs[org as usize].name;
        !ds.disputes.iter().zip(disputes).any(|(d, text)| {
            d.people.contains(&p)
                && (d.claims.iter().any(|c| cites_overlap(c.cite, r.cite))
                    || contains_ci(text, org_name))
        })
    }

    /// Whether person `p` holds any role in organisation `org`.
    fn holds_in(&self, p: u16, org: Option<u16>) -> bool {
        org.is_some()
            && self.ds.people[p as usize]
                .roles
                .iter()
                .any(|r| r.org == org)
    }

    /// The first and last day of an undisputed, exactly dated event whose title
    /// gives no date away.
    fn exact_span(&self, e: u32) -> Option<(i32, i32)> {
        let ev = &self.ds.events[e as usize];
        if self.disputed[e as usize] || ev.date.is_approx() || dated_title(ev.title) {
            return None;
        }
        match ev.date {
            Date::On(_) | Date::Range(..) => Some((ev.date.start_day()?, ev.date.end_day()?)),
            _ => None,
        }
    }

    /// The year, when the whole span lies in one (a winter runs into the next year).
    fn exact_year(&self, e: u32) -> Option<i16> {
        let (a, b) = self.span[e as usize]?;
        let (a, b) = (civil(a).0, civil(b).0);
        (a == b).then_some(a as i16)
    }

    /// The month, when the whole span lies in one.
    fn exact_month(&self, e: u32) -> Option<(i16, u8)> {
        let (a, b) = self.span[e as usize]?;
        let ((y, m, _), (z, n, _)) = (civil(a), civil(b));
        (y == z && m == n).then_some((y as i16, m))
    }

    fn person_named_in(&self, p: u16, haystack: &str) -> bool {
        named_in(&self.person_words[p as usize], haystack)
    }

    fn place_named_in(&self, p: u16, haystack: &str) -> bool {
        named_in(&self.place_words[p as usize], haystack)
    }

    /// A city with trustworthy coordinates more than ~50 km from every place of the event.
    fn far_city(&self, e: u32, c: u16) -> bool {
        let ds = self.ds;
        let city = &ds.places[c as usize];
        ds.place_kinds[city.kind as usize].id == "city"
            && !city.approx
            && ds.events[e as usize].places.iter().all(|&p| {
                let p = &ds.places[p as usize];
                p.id != city.id
                    && ((p.lat - city.lat).abs() > 0.5 || (p.lon - city.lon).abs() > 0.7)
            })
    }

    fn is_city(&self, p: u16) -> bool {
        let ds = self.ds;
        ds.place_kinds[ds.places[p as usize].kind as usize].id == "city"
    }
}

// ------------------------------------------------------------------ generation

/// What a question is made from, before it is tried.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cand {
    Event(u32),
    Role(u16, u8),
    Dispute(u16),
    /// Orderings and matchings pick their own material.
    Any,
}

struct Gen<'a> {
    f: &'a Facts<'a>,
    rng: Rng,
    level: Level,
    pool: Vec<u32>,
    in_pool: Vec<bool>,
    /// Roles of people in the topic's events (and its years).
    roles: Vec<(u16, u8)>,
    used_events: Vec<bool>,
    used_in_order: Vec<bool>,
    used_roles: Vec<(u16, u8)>,
    used_disputes: Vec<bool>,
}

/// Makes the quiz a spec describes (the seed `None` counts as the empty seed).
pub fn generate(facts: &Facts, index: &SearchIndex, spec: &Spec) -> Result<Quiz, Impossible> {
    let ds = facts.ds;
    let pool: Vec<u32> = apply(ds, index, &spec.filter).events;
    let events = pool.len();
    let mut g = Gen::new(facts, spec, pool);
    let mut kinds = spec.kinds();
    g.rng.shuffle(&mut kinds);
    let mut queues: Vec<(Kind, Vec<Cand>)> = kinds.iter().map(|&k| (k, g.candidates(k))).collect();
    let n = spec.n() as usize;
    let mut questions = Vec::new();
    while questions.len() < n && !queues.is_empty() {
        let mut i = 0;
        while i < queues.len() && questions.len() < n {
            let (kind, cands) = &mut queues[i];
            let kind = *kind;
            let mut made = None;
            while made.is_none() && !cands.is_empty() {
                let c = cands.remove(0);
                made = g.make(kind, c);
                if c == Cand::Any && made.is_some() {
                    cands.push(Cand::Any);
                }
            }
            match made {
                Some(q) => {
                    questions.push(q);
                    i += 1;
                }
                None => {
                    queues.remove(i);
                }
            }
        }
    }
    if questions.len() < n {
        return Err(Impossible {
            events,
            possible: questions.len(),
            asked: n,
        });
    }
    Ok(Quiz { questions, events })
}

impl<'a> Gen<'a> {
    fn new(f: &'a Facts<'a>, spec: &Spec, pool: Vec<u32>) -> Gen<'a> {
        let ds = f.ds;
        let mut in_pool = vec![false; ds.events.len()];
        pool.iter().for_each(|&e| in_pool[e as usize] = true);
        let mut people = vec![false; ds.people.len()];
        for &e in &pool {
            for &p in ds.events[e as usize].people {
                people[p as usize] = true;
            }
        }
        let (first, last) = (
            spec.filter.from().map_or(i32::MIN, |y| day_number(y, 1, 1)),
            spec.filter.to().map_or(i32::MAX, |y| day_number(y, 12, 31)),
        );
        let roles = f
            .roles
            .iter()
            .copied()
            .filter(|&(p, k)| {
                people[p as usize]
                    && f.role(p, k).date.is_none_or(|d| {
                        d.start_day().unwrap_or(i32::MIN) <= last
                            && d.end_day().unwrap_or(i32::MAX) >= first
                    })
            })
            .collect();
        let seed = spec.seed().unwrap_or("");
        Gen {
            rng: Rng::from_text(seed),
            level: spec.level,
            used_events: vec![false; ds.events.len()],
            used_in_order: vec![false; ds.events.len()],
            used_disputes: vec![false; ds.disputes.len()],
            used_roles: Vec::new(),
            roles,
            in_pool,
            pool,
            f,
        }
    }

    fn ds(&self) -> &'a Dataset {
        self.f.ds
    }

    /// The material a kind of question may be made from, shuffled.
    fn candidates(&mut self, kind: Kind) -> Vec<Cand> {
        let events = self.pool.iter().map(|&e| Cand::Event(e));
        let roles = self.roles.iter().map(|&(p, k)| Cand::Role(p, k));
        let mut c: Vec<Cand> = match kind {
            Kind::When | Kind::Where | Kind::Strand => events.collect(),
            Kind::Who | Kind::TrueFalse => events.chain(roles).collect(),
            Kind::Order | Kind::Roles => vec![Cand::Any],
            Kind::Disputes => {
                let ds = self.ds();
                let disputes = ds
                    .disputes
                    .iter()
                    .enumerate()
                    .filter(|(_, d)| d.events.iter().any(|&e| self.in_pool[e as usize]))
                    .map(|(i, _)| Cand::Dispute(i as u16));
                let disputed = self
                    .pool
                    .iter()
                    .filter(|&&e| self.f.disputed[e as usize])
                    .map(|&e| Cand::Event(e));
                disputes.chain(disputed).collect()
            }
        };
        self.rng.shuffle(&mut c);
        c
    }

    fn make(&mut self, kind: Kind, c: Cand) -> Option<Question> {
        match (kind, c) {
            (Kind::When, Cand::Event(e)) => self.when(e),
            (Kind::Who, Cand::Event(e)) => self.who(e),
            (Kind::Who, Cand::Role(p, k)) => self.who_held(p, k),
            (Kind::Where, Cand::Event(e)) => self.place(e),
            (Kind::Strand, Cand::Event(e)) => self.strand(e),
            (Kind::Order, _) => self.order(),
            (Kind::Roles, _) => self.matching(),
            (Kind::TrueFalse, c) => self.true_false(c),
            (Kind::Disputes, Cand::Dispute(d)) => self.dispute_dates(d),
            (Kind::Disputes, Cand::Event(e)) => self.disputed_event(e),
            _ => None,
        }
    }

    /// An event not yet asked about that is not disputed.
    fn fresh(&self, e: u32) -> bool {
        !self.used_events[e as usize] && !self.f.disputed[e as usize]
    }

    fn role_fresh(&self, p: u16, k: u8) -> bool {
        !self.used_roles.contains(&(p, k))
    }

    /// Up to `k` values from the first tier, then the second, each shuffled, with
    /// labels distinct from each other and from `taken`.
    fn pick(&mut self, tiers: [Vec<Val>; 2], k: usize, taken: &[Val]) -> Option<Vec<Val>> {
        let ds = self.ds();
        let mut labels: Vec<String> = taken.iter().map(|&v| label(ds, v)).collect();
        let mut out = Vec::new();
        for mut tier in tiers {
            self.rng.shuffle(&mut tier);
            for v in tier {
                if out.len() == k {
                    break;
                }
                let l = label(ds, v);
                if !labels.contains(&l) {
                    labels.push(l);
                    out.push(v);
                }
            }
        }
        (out.len() == k).then_some(out)
    }

    /// A multiple-choice question: the right value and the distractors, shuffled
    /// (or in time order, for dates).
    fn choice(
        &mut self,
        kind: Kind,
        subject: Subject,
        right: Val,
        mut others: Vec<Val>,
    ) -> Question {
        others.push(right);
        let mut options = others;
        if matches!(right, Val::Year(_) | Val::Month(..)) {
            sort_small(&mut options, |v| match *v {
                Val::Year(y) => (y, 0),
                Val::Month(y, m) => (y, m),
                _ => (0, 0),
            });
        } else {
            self.rng.shuffle(&mut options);
        }
        let at = options.iter().position(|&v| v == right).unwrap_or(0) as u8;
        Question {
            kind,
            subject,
            items: Vec::new(),
            options,
            answer: vec![at],
        }
    }

    fn year_distractors(&mut self, y: i16, k: usize) -> Option<Vec<Val>> {
        let (reach, gap) = match self.level {
            Level::Easy => (10, 3),
            Level::Normal => (5, 1),
            Level::Hard => (3, 1),
        };
        let mut offsets: Vec<i16> = (gap..=reach).flat_map(|d| [d, -d]).collect();
        self.rng.shuffle(&mut offsets);
        let mut chosen: Vec<i16> = Vec::new();
        for d in offsets {
            if chosen.len() == k {
                break;
            }
            if chosen.iter().all(|&c| (c - d).abs() >= gap) {
                chosen.push(d);
            }
        }
        (chosen.len() == k).then(|| chosen.into_iter().map(|d| Val::Year(y + d)).collect())
    }

    fn when(&mut self, e: u32) -> Option<Question> {
        if !self.fresh(e) {
            return None;
        }
        let year = self.f.year[e as usize]?;
        let k = self.level.options() - 1;
        let q = match (self.level, self.f.month[e as usize]) {
            (Level::Hard, Some((y, m))) => {
                let mut offsets: Vec<i32> = (1..=5).flat_map(|d| [d, -d]).collect();
                self.rng.shuffle(&mut offsets);
                let others = offsets
                    .into_iter()
                    .take(k)
                    .map(|d| {
                        let i = i32::from(y) * 12 + i32::from(m) - 1 + d;
                        Val::Month((i / 12) as i16, (i % 12 + 1) as u8)
                    })
                    .collect();
                self.choice(Kind::When, Subject::Event(e), Val::Month(y, m), others)
            }
            _ => {
                let others = self.year_distractors(year, k)?;
                self.choice(Kind::When, Subject::Event(e), Val::Year(year), others)
            }
        };
        self.used_events[e as usize] = true;
        Some(q)
    }

    /// People for a who-question: those sharing a strand with the event first
    /// (except on easy), then anyone.
    fn people_tiers(&self, tags: &[u8], ok: impl Fn(u16) -> bool) -> [Vec<Val>; 2] {
        let ds = self.ds();
        let (mut near, mut far) = (Vec::new(), Vec::new());
        for (i, p) in ds.people.iter().enumerate() {
            let i = i as u16;
            if !ok(i) {
                continue;
            }
            if self.level != Level::Easy && p.tags.iter().any(|t| tags.contains(t)) {
                near.push(Val::Person(i));
            } else {
                far.push(Val::Person(i));
            }
        }
        [near, far]
    }

    fn who(&mut self, e: u32) -> Option<Question> {
        if !self.fresh(e) {
            return None;
        }
        let ds = self.ds();
        let ev = &ds.events[e as usize];
        let title = self.f.title_keys[e as usize].clone();
        let mut answers: Vec<u16> = ev
            .people
            .iter()
            .copied()
            .filter(|&p| !self.f.person_named_in(p, &title))
            .collect();
        if answers.is_empty() {
            return None;
        }
        self.rng.shuffle(&mut answers);
        let right = answers[0];
        let tiers = self.people_tiers(ev.tags, |p| {
            !ev.people.contains(&p) && !self.f.person_named_in(p, &title)
        });
        let others = self.pick(tiers, self.level.options() - 1, &[Val::Person(right)])?;
        self.used_events[e as usize] = true;
        Some(self.choice(Kind::Who, Subject::Event(e), Val::Person(right), others))
    }

    fn who_held(&mut self, p: u16, k: u8) -> Option<Question> {
        if !self.role_fresh(p, k) {
            return None;
        }
        let r = self.f.role(p, k);
        let text = keys(r.role);
        if self.f.person_named_in(p, &text) {
            return None;
        }
        let tags = self.ds().people[p as usize].tags;
        let tiers = self.people_tiers(tags, |q| {
            q != p && !self.f.holds_in(q, r.org) && !self.f.person_named_in(q, &text)
        });
        let others = self.pick(tiers, self.level.options() - 1, &[Val::Person(p)])?;
        self.used_roles.push((p, k));
        Some(self.choice(Kind::Who, Subject::Role(p, k), Val::Person(p), others))
    }

    /// Cities more than ~50 km from the event's places, not named in its title.
    fn far_cities(&self, e: u32) -> Vec<Val> {
        let title = &self.f.title_keys[e as usize];
        (0..self.ds().places.len() as u16)
            .filter(|&c| self.f.far_city(e, c) && !self.f.place_named_in(c, title))
            .map(Val::Place)
            .collect()
    }

    /// The one city an event took place in: events at several cities (e.g. "dies in
    /// Moscow" linked to Moscow and to where he was exiled) are never asked "where",
    /// nor events whose title names the city.
    fn event_city(&mut self, e: u32) -> Option<u16> {
        let title = &self.f.title_keys[e as usize];
        let mut cities = self.ds().events[e as usize]
            .places
            .iter()
            .copied()
            .filter(|&p| self.f.is_city(p));
        let only = cities.next()?;
        if cities.next().is_some() || self.f.place_named_in(only, title) {
            return None;
        }
        Some(only)
    }

    fn place(&mut self, e: u32) -> Option<Question> {
        if !self.fresh(e) {
            return None;
        }
        let right = self.event_city(e)?;
        let mut cities = self.far_cities(e);
        self.rng.shuffle(&mut cities);
        // Wrong answers far from each other too: never two names for one town.
        let ds = self.ds();
        let mut others: Vec<Val> = Vec::new();
        for c in cities {
            if others.len() + 1 == self.level.options() {
                break;
            }
            let Val::Place(c) = c else { continue };
            let city = &ds.places[c as usize];
            if others.iter().all(|&o| match o {
                Val::Place(o) => {
                    let o = &ds.places[o as usize];
                    (o.lat - city.lat).abs() > 0.5 || (o.lon - city.lon).abs() > 0.7
                }
                _ => true,
            }) {
                others.push(Val::Place(c));
            }
        }
        let others = self.pick(
            [others, Vec::new()],
            self.level.options() - 1,
            &[Val::Place(right)],
        )?;
        self.used_events[e as usize] = true;
        Some(self.choice(Kind::Where, Subject::Event(e), Val::Place(right), others))
    }

    fn strand(&mut self, e: u32) -> Option<Question> {
        if !self.fresh(e) {
            return None;
        }
        let ds = self.ds();
        let ev = &ds.events[e as usize];
        // A strand the event's people or organisations belong to could be argued
        // for, so it is never offered as a wrong answer.
        let near = |t: u8| {
            ev.tags.contains(&t)
                || ev
                    .people
                    .iter()
                    .any(|&p| ds.people[p as usize].tags.contains(&t))
                || ev
                    .orgs
                    .iter()
                    .any(|&o| ds.orgs[o as usize].tags.contains(&t))
        };
        let others: Vec<Val> = (0..ds.tags.len() as u8)
            .filter(|&t| !near(t))
            .map(Val::Tag)
            .collect();
        let right = ev.tags[self.rng.below(ev.tags.len())];
        let others = self.pick(
            [others, Vec::new()],
            self.level.options() - 1,
            &[Val::Tag(right)],
        )?;
        self.used_events[e as usize] = true;
        Some(self.choice(Kind::Strand, Subject::Event(e), Val::Tag(right), others))
    }

    fn order(&mut self) -> Option<Question> {
        let (k, gap) = match self.level {
            Level::Easy => (4, 365),
            Level::Normal => (4, 60),
            Level::Hard => (5, 1),
        };
        let mut cands: Vec<(u32, (i32, i32))> = self
            .pool
            .iter()
            .filter(|&&e| !self.used_in_order[e as usize])
            .filter_map(|&e| Some((e, self.f.span[e as usize]?)))
            .collect();
        self.rng.shuffle(&mut cands);
        let ds = self.ds();
        let mut chosen: Vec<(u32, (i32, i32))> = Vec::new();
        for (e, (s, t)) in cands {
            if chosen.len() == k {
                break;
            }
            let apart = chosen.iter().all(|&(c, (cs, ct))| {
                (s - ct >= gap || cs - t >= gap)
                    && ds.events[c as usize].title != ds.events[e as usize].title
            });
            if apart {
                chosen.push((e, (s, t)));
            }
        }
        if chosen.len() < k {
            return None;
        }
        // Shown in any order but the right one.
        loop {
            self.rng.shuffle(&mut chosen);
            if chosen.windows(2).any(|w| w[0].1 .0 > w[1].1 .0) {
                break;
            }
        }
        let mut answer: Vec<u8> = (0..k as u8).collect();
        sort_small(&mut answer, |&i| chosen[i as usize].1 .0);
        for &(e, _) in &chosen {
            self.used_in_order[e as usize] = true;
        }
        Some(Question {
            kind: Kind::Order,
            subject: Subject::Order,
            items: chosen.iter().map(|&(e, _)| Val::Event(e)).collect(),
            options: Vec::new(),
            answer,
        })
    }

    /// Two roles that cannot be confused: other people, other organisations, and
    /// neither holds anything in the other's organisation.
    fn roles_apart(&self, (p, k): (u16, u8), (q, l): (u16, u8)) -> bool {
        let (a, b) = (self.f.role(p, k), self.f.role(q, l));
        p != q && a.org != b.org && !self.f.holds_in(p, b.org) && !self.f.holds_in(q, a.org)
    }

    fn matching(&mut self) -> Option<Question> {
        let k = if self.level == Level::Easy { 3 } else { 4 };
        let mut cands: Vec<(u16, u8)> = self
            .roles
            .iter()
            .copied()
            .filter(|&(p, r)| self.role_fresh(p, r))
            .collect();
        self.rng.shuffle(&mut cands);
        let ds = self.ds();
        let mut chosen: Vec<(u16, u8)> = Vec::new();
        for c in cands {
            if chosen.len() == k {
                break;
            }
            let text = keys(self.f.role(c.0, c.1).role);
            let ok = chosen.iter().all(|&x| {
                self.roles_apart(c, x)
                    && ds.people[c.0 as usize].name != ds.people[x.0 as usize].name
                    && !self.f.person_named_in(x.0, &text)
                    && !self
                        .f
                        .person_named_in(c.0, &keys(self.f.role(x.0, x.1).role))
            }) && !self.f.person_named_in(c.0, &text);
            if ok {
                chosen.push(c);
            }
        }
        if chosen.len() < k {
            return None;
        }
        let mut people: Vec<Val> = chosen.iter().map(|&(p, _)| Val::Person(p)).collect();
        if self.level == Level::Hard {
            // One person too many, who holds none of these posts.
            let texts: Vec<String> = chosen
                .iter()
                .map(|&(p, r)| keys(self.f.role(p, r).role))
                .collect();
            let extra: Vec<Val> = (0..ds.people.len() as u16)
                .filter(|&q| {
                    chosen
                        .iter()
                        .all(|&(p, r)| p != q && !self.f.holds_in(q, self.f.role(p, r).org))
                        && !texts.iter().any(|t| self.f.person_named_in(q, t))
                })
                .map(Val::Person)
                .collect();
            people.extend(self.pick([extra, Vec::new()], 1, &people)?);
        }
        self.rng.shuffle(&mut chosen);
        self.rng.shuffle(&mut people);
        let answer = chosen
            .iter()
            .map(|&(p, _)| {
                people
                    .iter()
                    .position(|&v| v == Val::Person(p))
                    .unwrap_or(0) as u8
            })
            .collect();
        self.used_roles.extend(chosen.iter().copied());
        Some(Question {
            kind: Kind::Roles,
            subject: Subject::Match,
            items: chosen.iter().map(|&(p, r)| Val::Role(p, r)).collect(),
            options: people,
            answer,
        })
    }

    fn true_false(&mut self, c: Cand) -> Option<Question> {
        let truth = self.rng.below(2) == 0;
        let statement = match c {
            Cand::Event(e) => {
                if !self.fresh(e) {
                    return None;
                }
                let year = self.f.year[e as usize];
                let city = self.event_city(e);
                let by_year = match (year, city) {
                    (Some(_), Some(_)) => self.rng.below(2) == 0,
                    (Some(_), None) => true,
                    (None, Some(_)) => false,
                    (None, None) => return None,
                };
                if by_year {
                    let y = year?;
                    let y = if truth {
                        y
                    } else {
                        let d = 1 + self.rng.below(3) as i16;
                        if self.rng.below(2) == 0 {
                            y + d
                        } else {
                            y - d
                        }
                    };
                    Statement::EventYear(e, y)
                } else if truth {
                    Statement::EventPlace(e, city?)
                } else {
                    let cities = self.far_cities(e);
                    match self.pick([cities, Vec::new()], 1, &[])?[0] {
                        Val::Place(p) => Statement::EventPlace(e, p),
                        _ => return None,
                    }
                }
            }
            Cand::Role(p, k) => {
                if !self.role_fresh(p, k) {
                    return None;
                }
                let r = self.f.role(p, k);
                let text = keys(r.role);
                if self.f.person_named_in(p, &text) {
                    return None;
                }
                let person = if truth {
                    p
                } else {
                    let tags = self.ds().people[p as usize].tags;
                    let tiers = self.people_tiers(tags, |q| {
                        q != p && !self.f.holds_in(q, r.org) && !self.f.person_named_in(q, &text)
                    });
                    match self.pick(tiers, 1, &[Val::Person(p)])?[0] {
                        Val::Person(q) => q,
                        _ => return None,
                    }
                };
                Statement::PersonRole {
                    person,
                    holder: p,
                    role: k,
                }
            }
            _ => return None,
        };
        match statement {
            Statement::EventYear(e, _) | Statement::EventPlace(e, _) => {
                self.used_events[e as usize] = true
            }
            Statement::PersonRole { holder, role, .. } => self.used_roles.push((holder, role)),
        }
        Some(Question {
            kind: Kind::TrueFalse,
            subject: Subject::Statement(statement),
            items: Vec::new(),
            options: vec![Val::Truth(true), Val::Truth(false)],
            answer: vec![u8::from(!truth)],
        })
    }

    fn disputed_event(&mut self, e: u32) -> Option<Question> {
        if self.used_events[e as usize] || !self.f.disputed[e as usize] {
            return None;
        }
        let ds = self.ds();
        let tags = ds.events[e as usize].tags;
        let undisputed = |x: &u32| !self.f.disputed[*x as usize];
        let near: Vec<Val> = self
            .pool
            .iter()
            .filter(|x| undisputed(x))
            .map(|&x| Val::Event(x))
            .collect();
        let far: Vec<Val> = (0..ds.events.len() as u32)
            .filter(|x| undisputed(x) && !self.in_pool[*x as usize])
            .filter(|&x| ds.events[x as usize].tags.iter().any(|t| tags.contains(t)))
            .map(Val::Event)
            .collect();
        let others = self.pick([near, far], self.level.options() - 1, &[Val::Event(e)])?;
        self.used_events[e as usize] = true;
        Some(self.choice(
            Kind::Disputes,
            Subject::DisputedEvent,
            Val::Event(e),
            others,
        ))
    }

    fn dispute_dates(&mut self, d: u16) -> Option<Question> {
        if self.used_disputes[d as usize] {
            return None;
        }
        // Only a dispute about *when*: the dates its claims give cannot all be
        // true together (none overlaps another).
        let claimed = claim_dates(self.ds(), d);
        let clash = claimed
            .iter()
            .enumerate()
            .all(|(i, a)| claimed[i + 1..].iter().all(|b| disjoint(a, b)));
        if claimed.len() < 2 || !clash {
            return None;
        }
        // A wrong date overlaps none that a source gives.
        let wrong = |x: &Date| claimed.iter().all(|c| disjoint(c, x));
        let reach = match self.level {
            Level::Easy => 6,
            Level::Normal => 4,
            Level::Hard => 2,
        };
        let mut shifts: Vec<i32> = (1..=reach).flat_map(|s| [s, -s]).collect();
        let k = self.level.options() - 1;
        let (right, others) = if claimed.len() == 2 {
            let (a, b) = (claimed[0], claimed[1]);
            let mut cands = Vec::new();
            for &s in &shifts {
                for pair in [
                    (shift(a, s), Some(b)),
                    (Some(a), shift(b, s)),
                    (shift(a, s), shift(b, -s)),
                ] {
                    if let (Some(x), Some(y)) = pair {
                        // Each date given by a source or plainly wrong (never both),
                        // not both given, and the two apart.
                        let given = |z: &Date| claimed.iter().any(|c| c.display() == z.display());
                        let fits = |z: &Date| wrong(z) || given(z);
                        if fits(&x) && fits(&y) && !(given(&x) && given(&y)) && disjoint(&x, &y) {
                            cands.push(pair_val(x, y));
                        }
                    }
                }
            }
            let right = pair_val(a, b);
            (right, self.pick([cands, Vec::new()], k, &[right])?)
        } else {
            let right = Val::Date(claimed[self.rng.below(claimed.len())]);
            let Val::Date(r) = right else { return None };
            self.rng.shuffle(&mut shifts);
            let cands: Vec<Val> = shifts
                .iter()
                .filter_map(|&s| shift(r, s))
                .filter(wrong)
                .map(Val::Date)
                .collect();
            (right, self.pick([cands, Vec::new()], k, &[right])?)
        };
        self.used_disputes[d as usize] = true;
        let mut q = self.choice(Kind::Disputes, Subject::DisputeDates(d), right, others);
        // Dates read best in time order.
        let right = q.options[q.answer[0] as usize];
        sort_small(&mut q.options, |v| match *v {
            Val::Date(x) | Val::Dates(x, _) => x.sort_key(),
            _ => (0, 0),
        });
        q.answer = vec![q.options.iter().position(|&v| v == right).unwrap_or(0) as u8];
        Some(q)
    }
}

/// Whether two dates cannot share a day (an open bound reaches forever).
fn disjoint(a: &Date, b: &Date) -> bool {
    let (a0, a1) = (
        a.start_day().unwrap_or(i32::MIN),
        a.end_day().unwrap_or(i32::MAX),
    );
    let (b0, b1) = (
        b.start_day().unwrap_or(i32::MIN),
        b.end_day().unwrap_or(i32::MAX),
    );
    a1 < b0 || b1 < a0
}

/// The distinct dates a dispute's claims give, in claim order.
pub fn claim_dates(ds: &Dataset, d: u16) -> Vec<Date> {
    let mut out: Vec<Date> = Vec::new();
    for c in ds.disputes[d as usize].claims {
        if let Some(x) = c.date {
            if !out.iter().any(|o| o.display() == x.display()) {
                out.push(x);
            }
        }
    }
    out
}

fn pair_val(a: Date, b: Date) -> Val {
    if (b.sort_key(), b.to_data_string()) < (a.sort_key(), a.to_data_string()) {
        Val::Dates(b, a)
    } else {
        Val::Dates(a, b)
    }
}

/// The day `n` (days from 1970-01-01) as (year, month, day).
fn civil(n: i32) -> (i32, u8, u8) {
    // Howard Hinnant's civil_from_days.
    let z = n + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let y = yoe + era * 400 + i32::from(m <= 2);
    (y, m, d)
}

/// A point moved by `k` units of its own precision (days, months, seasons, years).
fn shift_point(p: Point, k: i32) -> Option<Point> {
    let y = i32::from(p.year);
    let (year, part) = match p.part {
        Part::Year => (y + k, Part::Year),
        Part::Month(m) => {
            let i = y * 12 + i32::from(m) - 1 + k;
            (i.div_euclid(12), Part::Month((i.rem_euclid(12) + 1) as u8))
        }
        Part::Season(s) => {
            const S: [Season; 4] = [
                Season::Spring,
                Season::Summer,
                Season::Autumn,
                Season::Winter,
            ];
            let at = S.iter().position(|&x| x == s)? as i32;
            let i = y * 4 + at + k;
            (i.div_euclid(4), Part::Season(S[i.rem_euclid(4) as usize]))
        }
        Part::Day(m, d) => {
            let (yy, mm, dd) = civil(day_number(y, m, d) + k);
            (yy, Part::Day(mm, dd))
        }
    };
    Some(Point {
        year: i16::try_from(year)
            .ok()
            .filter(|y| (1000..=2999).contains(y))?,
        part,
        approx: p.approx,
    })
}

/// A date moved by `k` units; `None` if that makes no valid date.
pub fn shift(d: Date, k: i32) -> Option<Date> {
    let out = match d {
        Date::On(p) => Date::On(shift_point(p, k)?),
        Date::Before(p) => Date::Before(shift_point(p, k)?),
        Date::After(p) => Date::After(shift_point(p, k)?),
        Date::Range(a, b) => {
            let (a, b) = (shift_point(a, k)?, shift_point(b, k)?);
            if b.last_day() < a.first_day() {
                return None;
            }
            Date::Range(a, b)
        }
    };
    Some(out)
}

// ------------------------------------------------------------------ words

/// The words shown for a value.
pub fn label(ds: &Dataset, v: Val) -> String {
    match v {
        Val::Year(y) => y.to_string(),
        Val::Month(y, m) => Date::On(Point {
            year: y,
            part: Part::Month(m),
            approx: false,
        })
        .display(),
        Val::Person(p) => ds.people[p as usize].name.to_string(),
        Val::Place(p) => ds.places[p as usize].name.to_string(),
        Val::Tag(t) => ds.tags[t as usize].description.to_string(),
        Val::Event(e) => ds.events[e as usize].title.to_string(),
        Val::Role(p, k) => ds.people[p as usize].roles[k as usize].role.to_string(),
        Val::Truth(true) => "True".into(),
        Val::Truth(false) => "False".into(),
        Val::Date(d) => d.display(),
        Val::Dates(a, b) => format!("{} and {}", a.display(), b.display()),
    }
}

fn event_line(ds: &Dataset, e: u32) -> String {
    let ev = &ds.events[e as usize];
    format!("“{}” ({})", ev.title, ev.date.display())
}

/// The question: what is asked, and what it is asked about (shown below it).
pub fn ask(ds: &Dataset, q: &Question) -> (String, Option<String>) {
    let title = |e: u32| format!("“{}”", ds.events[e as usize].title);
    match q.subject {
        Subject::Event(e) => match (q.kind, q.options.first()) {
            (Kind::When, Some(Val::Month(..))) => {
                ("In which month did this happen?".into(), Some(title(e)))
            }
            (Kind::When, _) => ("In which year did this happen?".into(), Some(title(e))),
            (Kind::Who, _) => (
                "Who took part in this event?".into(),
                Some(event_line(ds, e)),
            ),
            (Kind::Where, _) => ("Where did this take place?".into(), Some(event_line(ds, e))),
            _ => (
                "Which strand of the history does this event belong to?".into(),
                Some(event_line(ds, e)),
            ),
        },
        Subject::Role(p, k) => (
            "Who held this position?".into(),
            Some(format!("“{}”", label(ds, Val::Role(p, k)))),
        ),
        Subject::Order => ("Put these events in order, earliest first.".into(), None),
        Subject::Match => (
            "Match each position to the person who held it.".into(),
            None,
        ),
        Subject::Statement(s) => ("True or false?".into(), Some(statement_text(ds, s))),
        Subject::DisputedEvent => (
            "The sources disagree on, or doubt, part of one of these events. Which one?".into(),
            None,
        ),
        Subject::DisputeDates(d) => {
            let title = ds.disputes[d as usize].title.to_string();
            match q.options.first() {
                Some(Val::Dates(..)) => (
                    "The sources give two different dates for this. Which two?".into(),
                    Some(title),
                ),
                _ => (
                    "The sources give different dates for this. Which of these dates does one of them give?"
                        .into(),
                    Some(title),
                ),
            }
        }
    }
}

pub fn statement_text(ds: &Dataset, s: Statement) -> String {
    match s {
        Statement::EventYear(e, y) => {
            format!("“{}” happened in {y}.", ds.events[e as usize].title)
        }
        Statement::EventPlace(e, p) => format!(
            "“{}” took place in {}.",
            ds.events[e as usize].title, ds.places[p as usize].name
        ),
        Statement::PersonRole {
            person,
            holder,
            role,
        } => format!(
            "{} was {}.",
            ds.people[person as usize].name,
            lower_first(ds.people[holder as usize].roles[role as usize].role)
        ),
    }
}

/// "Chairman of X" → "chairman of X" inside a sentence; names and acronyms stay.
fn lower_first(s: &str) -> String {
    let mut words = s.splitn(2, ' ');
    let first = words.next().unwrap_or("");
    let keep = first.chars().filter(|c| c.is_uppercase()).count() > 1
        || first.contains('\'')
        || first.starts_with("Emir")
        || first.starts_with("Khan");
    let first = if keep {
        first.to_string()
    } else {
        first.to_ascii_lowercase()
    };
    match words.next() {
        Some(rest) => format!("{first} {rest}"),
        None => first,
    }
}

/// A record an explanation links to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ref {
    Event(u32),
    Person(u16),
    Dispute(u16),
}

/// Why the right answer is right, where that comes from, and what to read next.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Explanation {
    pub text: String,
    pub cites: Vec<Cite>,
    pub links: Vec<Ref>,
}

fn push_cites(out: &mut Vec<Cite>, cites: &[Cite]) {
    for c in cites {
        if !out.contains(c) {
            out.push(*c);
        }
    }
}

/// The right answer in words (for the review and the answer key).
pub fn answer_text(ds: &Dataset, q: &Question) -> String {
    response_text(ds, q, &q.answer)
}

/// A response in words: the option chosen; the events in the order given; each
/// role with the person chosen.
pub fn response_text(ds: &Dataset, q: &Question, r: &[u8]) -> String {
    let opt = |i: u8| {
        q.options
            .get(i as usize)
            .map_or("—".to_string(), |&v| label(ds, v))
    };
    match q.format() {
        Format::Choice => r.first().map_or("no answer".to_string(), |&i| opt(i)),
        Format::Order => r
            .iter()
            .enumerate()
            .map(|(n, &i)| {
                format!(
                    "{}. {}",
                    n + 1,
                    q.items
                        .get(i as usize)
                        .map_or(String::new(), |&v| label(ds, v))
                )
            })
            .collect::<Vec<_>>()
            .join("; "),
        Format::Match => q
            .items
            .iter()
            .zip(r)
            .map(|(&item, &o)| {
                format!(
                    "{}: {}",
                    label(ds, item),
                    if o == NONE { "—".into() } else { opt(o) }
                )
            })
            .collect::<Vec<_>>()
            .join("; "),
    }
}

pub fn explain(ds: &Dataset, q: &Question) -> Explanation {
    let mut cites = Vec::new();
    let mut links = Vec::new();
    let text = match q.subject {
        Subject::Event(e) => {
            let ev = &ds.events[e as usize];
            push_cites(&mut cites, ev.cite);
            links.push(Ref::Event(e));
            match q.kind {
                Kind::When => format!("“{}” is dated {}.", ev.title, ev.date.display()),
                Kind::Who => {
                    ev.people.iter().for_each(|&p| links.push(Ref::Person(p)));
                    let names: Vec<&str> = ev
                        .people
                        .iter()
                        .map(|&p| ds.people[p as usize].name)
                        .collect();
                    format!(
                        "“{}” ({}) involved {}.",
                        ev.title,
                        ev.date.display(),
                        names.join(", ")
                    )
                }
                Kind::Where => {
                    let places: Vec<&str> = ev
                        .places
                        .iter()
                        .map(|&p| ds.places[p as usize].name)
                        .collect();
                    format!(
                        "“{}” ({}) took place in {}.",
                        ev.title,
                        ev.date.display(),
                        places.join(", ")
                    )
                }
                _ => {
                    let tags: Vec<&str> = ev
                        .tags
                        .iter()
                        .map(|&t| ds.tags[t as usize].description)
                        .collect();
                    format!("“{}” belongs to: {}.", ev.title, tags.join("; "))
                }
            }
        }
        Subject::Role(p, k) => {
            let r = &ds.people[p as usize].roles[k as usize];
            push_cites(&mut cites, r.cite);
            links.push(Ref::Person(p));
            format!(
                "{} was {}.",
                ds.people[p as usize].name,
                lower_first(r.role)
            )
        }
        Subject::Order => {
            let mut events: Vec<u32> = q
                .answer
                .iter()
                .filter_map(|&i| match q.items.get(i as usize) {
                    Some(&Val::Event(e)) => Some(e),
                    _ => None,
                })
                .collect();
            events.dedup();
            let lines: Vec<String> = events
                .iter()
                .enumerate()
                .map(|(n, &e)| {
                    push_cites(&mut cites, ds.events[e as usize].cite);
                    links.push(Ref::Event(e));
                    format!("{}. {}", n + 1, event_line(ds, e))
                })
                .collect();
            format!("In order: {}.", lines.join("; "))
        }
        Subject::Match => {
            let lines: Vec<String> = q
                .items
                .iter()
                .filter_map(|&v| match v {
                    Val::Role(p, k) => {
                        let r = &ds.people[p as usize].roles[k as usize];
                        push_cites(&mut cites, r.cite);
                        links.push(Ref::Person(p));
                        Some(format!(
                            "{} was {}",
                            ds.people[p as usize].name,
                            lower_first(r.role)
                        ))
                    }
                    _ => None,
                })
                .collect();
            format!("{}.", lines.join("; "))
        }
        Subject::Statement(s) => {
            let truth = q.answer.first() == Some(&0);
            let verdict = if truth { "True" } else { "False" };
            match s {
                Statement::EventYear(e, y) => {
                    let ev = &ds.events[e as usize];
                    push_cites(&mut cites, ev.cite);
                    links.push(Ref::Event(e));
                    if truth {
                        format!("{verdict}: “{}” is dated {}.", ev.title, ev.date.display())
                    } else {
                        format!(
                            "{verdict}: “{}” is dated {}, not {y}.",
                            ev.title,
                            ev.date.display()
                        )
                    }
                }
                Statement::EventPlace(e, p) => {
                    let ev = &ds.events[e as usize];
                    push_cites(&mut cites, ev.cite);
                    links.push(Ref::Event(e));
                    let places: Vec<&str> = ev
                        .places
                        .iter()
                        .map(|&x| ds.places[x as usize].name)
                        .collect();
                    if truth {
                        format!(
                            "{verdict}: “{}” took place in {}.",
                            ev.title,
                            places.join(", ")
                        )
                    } else {
                        format!(
                            "{verdict}: “{}” took place in {}, not in {}.",
                            ev.title,
                            places.join(", "),
                            ds.places[p as usize].name
                        )
                    }
                }
                Statement::PersonRole {
                    person,
                    holder,
                    role,
                } => {
                    let r = &ds.people[holder as usize].roles[role as usize];
                    push_cites(&mut cites, r.cite);
                    links.push(Ref::Person(holder));
                    let who = ds.people[holder as usize].name;
                    if truth {
                        format!("{verdict}: {who} was {}.", lower_first(r.role))
                    } else {
                        links.push(Ref::Person(person));
                        format!(
                            "{verdict}: {} was {}, not {}.",
                            upper_first(&lower_first(r.role)),
                            who,
                            ds.people[person as usize].name
                        )
                    }
                }
            }
        }
        Subject::DisputedEvent => {
            let e = match q.options.get(q.answer[0] as usize) {
                Some(&Val::Event(e)) => e,
                _ => 0,
            };
            let ev = &ds.events[e as usize];
            links.push(Ref::Event(e));
            let mut ds_ids: Vec<u16> = ev.disputes.to_vec();
            for (i, d) in ds.disputes.iter().enumerate() {
                if d.events.contains(&e) && !ds_ids.contains(&(i as u16)) {
                    ds_ids.push(i as u16);
                }
            }
            let titles: Vec<&str> = ds_ids
                .iter()
                .map(|&d| {
                    links.push(Ref::Dispute(d));
                    let dispute = &ds.disputes[d as usize];
                    dispute
                        .claims
                        .iter()
                        .for_each(|c| push_cites(&mut cites, c.cite));
                    dispute.title
                })
                .collect();
            format!(
                "The sources do not agree about “{}”: {} The other events are not disputed.",
                ev.title,
                titles.join(" ")
            )
        }
        Subject::DisputeDates(d) => {
            let dispute = &ds.disputes[d as usize];
            links.push(Ref::Dispute(d));
            let claims: Vec<String> = dispute
                .claims
                .iter()
                .filter_map(|c| {
                    push_cites(&mut cites, c.cite);
                    let date = c.date?;
                    let src = c
                        .cite
                        .first()
                        .map_or("", |x| ds.sources[x.source as usize].title);
                    Some(format!("{} ({src})", date.display()))
                })
                .collect();
            format!("{} The sources give: {}.", dispute.title, claims.join("; "))
        }
    };
    Explanation { text, cites, links }
}

fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// A fingerprint of everything a student sees of a quiz and its answers: equal
/// fingerprints mean the same questions, options, order and answers.
pub fn fingerprint(ds: &Dataset, quiz: &Quiz) -> u64 {
    let mut h = FNV_OFFSET;
    for q in &quiz.questions {
        let (prompt, about) = ask(ds, q);
        h = fnv(h, q.kind.id().as_bytes());
        h = fnv(h, prompt.as_bytes());
        h = fnv(h, about.unwrap_or_default().as_bytes());
        for &v in q.items.iter().chain(&q.options) {
            h = fnv(h, &[0x1f]);
            h = fnv(h, label(ds, v).as_bytes());
        }
        h = fnv(h, &[0x1e]);
        h = fnv(h, &q.answer);
    }
    h
}

#[cfg(test)]
#[path = "quiz_tests.rs"]
mod tests;
