//! Result codes: a student's answers as a short code to read aloud, type or paste,
//! which the teacher's results view reads back (there is no server).
//!
//! ```text
//! 7K3M-9QX2-AT4H-0RB6-ZC
//! ```
//!
//! The characters are Crockford's base32 (`0–9 A–Z` without `I L O U`; on reading,
//! `I` and `L` are taken as `1`, `O` as `0`, case and `-` or spaces do not matter),
//! in groups of four. The code is one number written in base 32 followed by two
//! check characters. The number holds, in mixed radix (each field exactly as large
//! as it needs to be): the format version, 16 bits of the quiz's
//! [`fingerprint`](super::fingerprint) (which quiz), the time taken in seconds (up
//! to 4 hours), the student's name or initials (up to 12 of `A–Z 0–9` and space,
//! optional) and each answer (a choice: which option or none; an ordering: its
//! permutation; a matching: the person picked for each role).
//!
//! The check is the sum of each character's value times its position (1, 2, …)
//! modulo the prime 1021: it catches every single wrong character and every
//! swap of two characters, since neither can change the sum by a multiple of 1021.
//! It does not make a code unforgeable: anyone with the quiz can make a code
//! for any answers.

use super::{fingerprint, Format, Question, Quiz, NONE};
use crate::core::model::Dataset;

/// The 32 characters, by value.
pub const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const VERSION: u32 = 1;
const VERSIONS: u32 = 4;
const TAG_RADIX: u32 = 1 << 16;
/// The longest time a code records (4 hours); longer is recorded as this.
pub const MAX_SECS: u32 = 4 * 3600;
/// The longest name a code holds.
pub const MAX_NAME: usize = 12;
const NAME_CHARS: &[u8; 37] = b" ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const CHECK: u32 = 1021;
/// Characters of a code longer than this are not read (a 30-question quiz with a
/// name is well under).
const MAX_CHARS: usize = 96;

/// What a code says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answers {
    /// As [`name_of`] keeps it (may be empty).
    pub name: String,
    pub secs: u32,
    /// Per question: the response (as `Progress` holds it), or `None`.
    pub answers: Vec<Option<Vec<u8>>>,
}

/// Why a code was not read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeError {
    /// The check characters do not match: a character was mistyped.
    Mistyped,
    /// A valid code, but of another quiz (or another version of the data).
    OtherQuiz,
    /// Not a code at all (a character no code has, too short, too long, or a
    /// format this version does not know).
    Unreadable,
}

impl CodeError {
    pub fn message(self) -> &'static str {
        match self {
            CodeError::Mistyped => {
                "mistyped: the check characters do not match (a character is wrong or missing)"
            }
            CodeError::OtherQuiz => "from another quiz (or another version of this one)",
            CodeError::Unreadable => "not a result code",
        }
    }
}

/// A name as a code keeps it: Latin capitals, digits and single spaces (other
/// scripts transliterated), at most [`MAX_NAME`] characters.
pub fn name_of(text: &str) -> String {
    let folded = crate::core::text::fold(text).to_ascii_uppercase();
    let mut out = String::new();
    for c in folded.chars() {
        if out.len() >= MAX_NAME {
            break;
        }
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out.trim_end().to_string()
}

/// 16 bits of the quiz's fingerprint: which quiz a code is for.
pub fn quiz_tag(ds: &Dataset, quiz: &Quiz) -> u32 {
    let f = fingerprint(ds, quiz);
    ((f ^ (f >> 16) ^ (f >> 32) ^ (f >> 48)) & 0xffff) as u32
}

/// A non-negative integer, little-endian 32-bit limbs (no trailing zero limbs).
#[derive(Clone, Debug, Default)]
struct Big(Vec<u32>);

impl Big {
    fn mul_add(&mut self, radix: u32, digit: u32) {
        let mut carry = u64::from(digit);
        for limb in &mut self.0 {
            let t = u64::from(*limb) * u64::from(radix) + carry;
            *limb = t as u32;
            carry = t >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    fn div_rem(&mut self, radix: u32) -> u32 {
        let mut rem = 0u64;
        for limb in self.0.iter_mut().rev() {
            let cur = (rem << 32) | u64::from(*limb);
            *limb = (cur / u64::from(radix)) as u32;
            rem = cur % u64::from(radix);
        }
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
        rem as u32
    }

    fn is_zero(&self) -> bool {
        self.0.is_empty()
    }
}

/// The radix of each digit a question's answer takes, in order.
fn radices(q: &Question, out: &mut Vec<u32>) {
    match q.format() {
        Format::Choice => out.push(q.options.len() as u32 + 1),
        Format::Order => {
            out.push(2);
            let m = q.items.len() as u32;
            out.extend((2..=m).rev());
        }
        Format::Match => out.extend(q.items.iter().map(|_| q.options.len() as u32 + 1)),
    }
}

/// A question's answer as digits (see [`radices`]); an answer that does not fit
/// the question is written as none.
fn digits(q: &Question, r: Option<&Vec<u8>>, out: &mut Vec<u32>) {
    let r = r.filter(|r| q.accepts(r));
    match q.format() {
        Format::Choice => out.push(r.map_or(0, |r| u32::from(r[0]) + 1)),
        Format::Order => {
            out.push(u32::from(r.is_some()));
            let m = q.items.len();
            // Lehmer code: each item's place among the items not yet placed.
            let mut left: Vec<u8> = (0..m as u8).collect();
            let order = r.cloned().unwrap_or_else(|| left.clone());
            for &item in order.iter().take(m.saturating_sub(1)) {
                let at = left.iter().position(|&x| x == item).unwrap_or(0);
                out.push(at as u32);
                left.remove(at);
            }
        }
        Format::Match => match r {
            Some(r) => out.extend(
                r.iter()
                    .map(|&o| if o == NONE { 0 } else { u32::from(o) + 1 }),
            ),
            None => out.extend(q.items.iter().map(|_| 0)),
        },
    }
}

/// Reads a question's answer back from its digits.
fn undigits(q: &Question, d: &mut impl Iterator<Item = u32>) -> Option<Vec<u8>> {
    match q.format() {
        Format::Choice => match d.next().unwrap_or(0) {
            0 => None,
            k => Some(vec![(k - 1) as u8]),
        },
        Format::Order => {
            let answered = d.next().unwrap_or(0) == 1;
            let m = q.items.len();
            let mut left: Vec<u8> = (0..m as u8).collect();
            let mut order = Vec::with_capacity(m);
            for _ in 1..m {
                let at = (d.next().unwrap_or(0) as usize).min(left.len() - 1);
                order.push(left.remove(at));
            }
            order.extend(left);
            answered.then_some(order)
        }
        Format::Match => {
            let r: Vec<u8> = q
                .items
                .iter()
                .map(|_| match d.next().unwrap_or(0) {
                    0 => NONE,
                    k => (k - 1) as u8,
                })
                .collect();
            r.iter().any(|&o| o != NONE).then_some(r)
        }
    }
}

fn check_of(values: &[u8]) -> u32 {
    values
        .iter()
        .enumerate()
        .fold(0, |s, (i, &v)| (s + (i as u32 + 1) * u32::from(v)) % CHECK)
}

/// The code for these answers to this quiz, grouped (`7K3M-9QX2-…`).
pub fn encode(ds: &Dataset, quiz: &Quiz, a: &Answers) -> String {
    let mut radix = Vec::new();
    let mut digit = Vec::new();
    for (i, q) in quiz.questions.iter().enumerate() {
        radices(q, &mut radix);
        digits(q, a.answers.get(i).and_then(Option::as_ref), &mut digit);
    }
    let name = name_of(&a.name);
    for b in name.bytes() {
        radix.push(NAME_CHARS.len() as u32);
        digit.push(NAME_CHARS.iter().position(|&c| c == b).unwrap_or(0) as u32);
    }
    radix.extend([MAX_NAME as u32 + 1, MAX_SECS + 1, TAG_RADIX, VERSIONS]);
    digit.extend([
        name.len() as u32,
        a.secs.min(MAX_SECS),
        quiz_tag(ds, quiz),
        VERSION,
    ]);
    let mut n = Big::default();
    for (&r, &d) in radix.iter().zip(&digit) {
        n.mul_add(r, d);
    }
    let mut values = Vec::new();
    while !n.is_zero() {
        values.push(n.div_rem(32) as u8);
    }
    values.reverse();
    let c = check_of(&values);
    values.extend([(c / 32) as u8, (c % 32) as u8]);
    let chars: Vec<char> = values
        .iter()
        .map(|&v| ALPHABET[v as usize] as char)
        .collect();
    chars
        .chunks(4)
        .map(|g| g.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// A character's value: Crockford's reading (`I L` → 1, `O` → 0, any case).
fn value(c: u8) -> Option<u8> {
    let c = match c.to_ascii_uppercase() {
        b'I' | b'L' => b'1',
        b'O' => b'0',
        c => c,
    };
    ALPHABET.iter().position(|&a| a == c).map(|v| v as u8)
}

/// A code in its canonical form (groups of four, capitals), or `None` when it
/// has a character no code has.
pub fn canonical(code: &str) -> Option<String> {
    let values: Option<Vec<u8>> = code
        .bytes()
        .filter(|&b| b != b'-' && b != b' ')
        .map(value)
        .collect();
    let chars: Vec<char> = values?
        .iter()
        .map(|&v| ALPHABET[v as usize] as char)
        .collect();
    Some(
        chars
            .chunks(4)
            .map(|g| g.iter().collect::<String>())
            .collect::<Vec<_>>()
            .join("-"),
    )
}

/// Reads a code of this quiz.
pub fn decode(ds: &Dataset, quiz: &Quiz, code: &str) -> Result<Answers, CodeError> {
    let values: Vec<u8> = code
        .bytes()
        .filter(|&b| b != b'-' && b != b' ')
        .map(value)
        .collect::<Option<_>>()
        .ok_or(CodeError::Unreadable)?;
    if values.len() < 6 || values.len() > MAX_CHARS {
        return Err(CodeError::Unreadable);
    }
    let (data, check) = values.split_at(values.len() - 2);
    if check_of(data) != u32::from(check[0]) * 32 + u32::from(check[1]) {
        return Err(CodeError::Mistyped);
    }
    let mut n = Big::default();
    for &v in data {
        n.mul_add(32, u32::from(v));
    }
    if n.div_rem(VERSIONS) != VERSION {
        return Err(CodeError::Unreadable);
    }
    if n.div_rem(TAG_RADIX) != quiz_tag(ds, quiz) {
        return Err(CodeError::OtherQuiz);
    }
    let secs = n.div_rem(MAX_SECS + 1);
    let len = n.div_rem(MAX_NAME as u32 + 1) as usize;
    let mut name: Vec<u8> = (0..len)
        .map(|_| NAME_CHARS[n.div_rem(NAME_CHARS.len() as u32) as usize])
        .collect();
    name.reverse();
    let mut radix = Vec::new();
    for q in &quiz.questions {
        radices(q, &mut radix);
    }
    let mut digit: Vec<u32> = radix.iter().rev().map(|&r| n.div_rem(r)).collect();
    if !n.is_zero() {
        // Longer than this quiz's answers: made for another quiz.
        return Err(CodeError::OtherQuiz);
    }
    digit.reverse();
    let mut d = digit.into_iter();
    let answers = quiz.questions.iter().map(|q| undigits(q, &mut d)).collect();
    Ok(Answers {
        name: String::from_utf8_lossy(&name).trim().to_string(),
        secs,
        answers,
    })
}

/// The codes in a pasted text (an email, a spreadsheet column, codes typed one
/// per line), in order, as written. A code is a word of code characters: either
/// in groups of four joined by `-` (the last may be shorter; ten characters or
/// more, as every code has), or
/// twelve characters or more in one with at least one digit. Words of other
/// characters are skipped; a word that looks like a code but does not read is
/// still returned (the results view says it is mistyped).
pub fn find(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .map(|w| w.trim_matches('-'))
        .filter(|w| {
            let groups: Vec<&str> = w.split('-').collect();
            let chars = w.bytes().filter(|&b| b != b'-').count();
            let all_code = w.bytes().all(|b| b == b'-' || value(b).is_some());
            let (last, full) = groups.split_last().unwrap_or((&"", &[]));
            let grouped = groups.len() >= 3
                && full.iter().all(|g| g.len() == 4)
                && (1..=4).contains(&last.len());
            all_code
                && chars <= MAX_CHARS
                && ((grouped && chars >= 10)
                    || (groups.len() == 1 && chars >= 12 && w.bytes().any(|b| b.is_ascii_digit())))
        })
        .map(str::to_string)
        .collect()
}

/// A time in seconds in words: "4 min 05 s", "1 h 02 min", "45 s".
pub fn time_text(secs: u32) -> String {
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    let text = if h > 0 {
        format!("{h} h {m:02} min")
    } else if m > 0 {
        format!("{m} min {s:02} s")
    } else {
        format!("{s} s")
    };
    if secs >= MAX_SECS {
        format!("{text} or more")
    } else {
        text
    }
}
