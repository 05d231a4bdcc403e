//! Result codes and the class results read from them.

use super::{facts, index, spec};
use crate::core::dataset::DATASET;
use crate::core::quiz::code::{self, Answers, CodeError};
use crate::core::quiz::results::{self, Outcome};
use crate::core::quiz::*;

fn quiz(link: &str) -> Quiz {
    generate(facts(), index(), &spec(link)).unwrap_or_else(|e| panic!("{link}: {e:?}"))
}

/// Some response to `q`: none, the right one, or any other it accepts.
fn some_response(q: &Question, rng: &mut Rng) -> Option<Vec<u8>> {
    match rng.below(4) {
        0 => None,
        1 => Some(q.answer.clone()),
        _ => Some(match q.format() {
            Format::Choice => vec![rng.below(q.options.len()) as u8],
            Format::Order => {
                let mut v: Vec<u8> = (0..q.items.len() as u8).collect();
                rng.shuffle(&mut v);
                v
            }
            Format::Match => q
                .items
                .iter()
                .map(|_| rng.below(q.options.len()) as u8)
                .collect(),
        }),
    }
}

fn answers(quiz: &Quiz, rng: &mut Rng, name: &str) -> Answers {
    Answers {
        name: name.to_string(),
        secs: rng.below(code::MAX_SECS as usize + 1) as u32,
        answers: quiz
            .questions
            .iter()
            .map(|q| some_response(q, rng))
            .collect(),
    }
}

#[test]
fn every_kind_of_question_round_trips_through_a_code() {
    let ds = &DATASET;
    let mut rng = Rng::new(7);
    let names = ["", "AB", "Aigerim B.", "Жанна Қ", "a very long name indeed"];
    for k in Kind::ALL {
        let mut made = 0;
        for seed in 0..12 {
            let link = format!("#/quiz?n=4&ask={}&feedback=end&seed=rt{seed}", k.id());
            let Ok(q) = generate(facts(), index(), &spec(&link)) else {
                continue;
            };
            made += 1;
            for round in 0..8 {
                let a = answers(&q, &mut rng, names[round % names.len()]);
                let c = code::encode(ds, &q, &a);
                let back = code::decode(ds, &q, &c).unwrap_or_else(|e| panic!("{link} {c}: {e:?}"));
                assert_eq!(back.answers, a.answers, "{link} {c}");
                assert_eq!(back.secs, a.secs);
                assert_eq!(back.name, code::name_of(&a.name));
                // Lower case, no dashes, look-alike letters: read the same.
                let sloppy = c
                    .replace('-', "")
                    .to_lowercase()
                    .replace('1', "l")
                    .replace('0', "O");
                assert_eq!(code::decode(ds, &q, &sloppy), Ok(back));
            }
        }
        assert!(made > 0, "no quiz of {} only", k.id());
    }
}

#[test]
fn names_are_kept_in_latin_capitals_and_at_most_twelve() {
    assert_eq!(code::name_of("  Aigerim  b. "), "AIGERIM B");
    assert_eq!(code::name_of("a very long name indeed"), "A VERY LONG");
    assert!(
        code::name_of("Жанна").starts_with("ZH"),
        "{}",
        code::name_of("Жанна")
    );
    assert_eq!(code::name_of("—"), "");
}

#[test]
fn a_ten_question_code_is_short_enough_to_read_aloud() {
    let ds = &DATASET;
    let q = quiz("#/quiz?n=10&feedback=end&seed=short");
    let mut rng = Rng::new(1);
    let mut longest = 0;
    for _ in 0..50 {
        let a = answers(&q, &mut rng, "");
        let c = code::encode(ds, &q, &a);
        longest = longest.max(c.replace('-', "").len());
        assert!(c.split('-').all(|g| g.len() <= 4));
    }
    // 10 answers of every type, 4 h of time, the quiz's tag and the check.
    assert!(longest <= 20, "{longest} characters");
    let a = Answers {
        name: "AB".into(),
        secs: 600,
        answers: vec![None; 10],
    };
    assert!(code::encode(ds, &q, &a).replace('-', "").len() <= 20);
}

#[test]
fn one_wrong_character_or_two_swapped_are_caught_by_the_check() {
    let ds = &DATASET;
    let q = quiz("#/quiz?n=8&feedback=end&seed=e2e-keyboard");
    let mut rng = Rng::new(3);
    for _ in 0..20 {
        let a = answers(&q, &mut rng, "Sam");
        let c = code::encode(ds, &q, &a).replace('-', "");
        let chars: Vec<u8> = c.bytes().collect();
        for i in 0..chars.len() {
            for &other in code::ALPHABET {
                if other == chars[i] {
                    continue;
                }
                let mut wrong = chars.clone();
                wrong[i] = other;
                let wrong = String::from_utf8(wrong).unwrap();
                assert_eq!(
                    code::decode(ds, &q, &wrong),
                    Err(CodeError::Mistyped),
                    "{c} → {wrong}"
                );
            }
            if i + 1 < chars.len() && chars[i] != chars[i + 1] {
                let mut swapped = chars.clone();
                swapped.swap(i, i + 1);
                let swapped = String::from_utf8(swapped).unwrap();
                assert_eq!(
                    code::decode(ds, &q, &swapped),
                    Err(CodeError::Mistyped),
                    "{c} → {swapped}"
                );
            }
        }
        // A character missing.
        assert_eq!(code::decode(ds, &q, &c[1..]).err().is_some(), true);
        assert_eq!(code::decode(ds, &q, "U"), Err(CodeError::Unreadable));
    }
}

#[test]
fn a_code_from_another_quiz_is_recognised_as_such() {
    let ds = &DATASET;
    let mine = quiz("#/quiz?n=8&feedback=end&seed=mine");
    let mut rng = Rng::new(5);
    for seed in 0..20 {
        let theirs = quiz(&format!(
            "#/quiz?n={}&feedback=end&seed=other{seed}",
            3 + seed % 8
        ));
        let c = code::encode(ds, &theirs, &answers(&theirs, &mut rng, "X"));
        assert_eq!(
            code::decode(ds, &mine, &c),
            Err(CodeError::OtherQuiz),
            "{c}"
        );
        assert!(code::decode(ds, &theirs, &c).is_ok());
    }
}

#[test]
fn codes_are_found_in_an_email_and_a_spreadsheet_column() {
    let ds = &DATASET;
    let q = quiz("#/quiz?n=8&feedback=end&seed=find");
    let mut rng = Rng::new(9);
    let codes: Vec<String> = (0..3)
        .map(|_| code::encode(ds, &q, &answers(&q, &mut rng, "Ann")))
        .collect();
    let email = format!(
        "Dear teacher,\n\nhere is my code: {} (I hope it's right).\nMy well-to-do friend's is {}.\n\
         INFORMATION about 1918-1920: nothing. Kind regards,\n{}\n",
        codes[0],
        codes[1].to_lowercase(),
        codes[2].replace('-', "")
    );
    assert_eq!(
        code::find(&email),
        vec![
            codes[0].clone(),
            codes[1].to_lowercase(),
            codes[2].replace('-', "")
        ]
    );
    let column = format!(
        "Name\tCode\r\nAnn\t\"{}\"\r\nBo\t{}\r\n",
        codes[0], codes[1]
    );
    assert_eq!(
        code::find(&column),
        vec![codes[0].clone(), codes[1].clone()]
    );
    assert!(code::find("The Alash Orda government, 1917-1920, Semipalatinsk").is_empty());
}

#[test]
fn the_class_results_on_a_known_set_of_codes() {
    let ds = &DATASET;
    let q = quiz("#/quiz?n=4&ask=when,who&level=easy&feedback=end&seed=class");
    let right: Vec<u8> = q.questions.iter().map(|q| q.answer[0]).collect();
    let wrong = |i: usize, k: u8| (right[i] + k) % q.questions[i].options.len() as u8;
    let code_of = |name: &str, secs: u32, a: Vec<Option<u8>>| {
        code::encode(
            ds,
            &q,
            &Answers {
                name: name.into(),
                secs,
                answers: a.into_iter().map(|r| r.map(|r| vec![r])).collect(),
            },
        )
    };
    // Ann: all right. Bo: 1 and 3 right, 2 wrong (w1), 4 wrong (w1). Cy: 1 right,
    // 2 wrong (w1), 3 wrong (w2), 4 blank.
    let ann = code_of(
        "Ann",
        300,
        vec![
            Some(right[0]),
            Some(right[1]),
            Some(right[2]),
            Some(right[3]),
        ],
    );
    let bo = code_of(
        "Bo",
        420,
        vec![
            Some(right[0]),
            Some(wrong(1, 1)),
            Some(right[2]),
            Some(wrong(3, 1)),
        ],
    );
    let cy = code_of(
        "Cy",
        61,
        vec![Some(right[0]), Some(wrong(1, 1)), Some(wrong(2, 2)), None],
    );
    let bo_again = code_of("Bo", 500, vec![Some(right[0]); 4]);
    let mut typo: Vec<char> = ann.chars().collect();
    typo[2] = if typo[2] == 'Z' { 'Y' } else { 'Z' };
    let typo: String = typo.into_iter().collect();
    let other = {
        let o = quiz("#/quiz?n=4&ask=when,who&level=easy&feedback=end&seed=other-class");
        code::encode(
            ds,
            &o,
            &Answers {
                name: "Di".into(),
                secs: 1,
                answers: vec![None; 4],
            },
        )
    };
    let text = format!("{ann}\n{bo}\n{cy}\n{ann}\n{typo}\n{other}\n{bo_again}\n");
    let class = results::tally(ds, &q, &text);
    let outcomes: Vec<String> = class
        .entries
        .iter()
        .map(|e| match &e.outcome {
            Outcome::Student(s) => format!("{} {}", s.answers.name, s.score),
            Outcome::Refused(e) => format!("{e:?}"),
            Outcome::SameCode { of } => format!("same code as {of}"),
            Outcome::SameName { of, .. } => format!("same name as {of}"),
        })
        .collect();
    assert_eq!(
        outcomes,
        [
            "ANN 4",
            "BO 2",
            "CY 1",
            "same code as 1",
            "Mistyped",
            "OtherQuiz",
            "same name as 2"
        ]
    );
    assert_eq!(class.counted(), 3);
    assert_eq!(class.distribution, vec![0, 1, 1, 0, 1]);
    assert_eq!(class.mean_text(4).as_deref(), Some("2.3 of 4"));
    assert_eq!(
        results::distribution_text(&class),
        "Scores: 4 of 4: 1 student; 2 of 4: 1 student; 1 of 4: 1 student."
    );
    // Hardest first: Q4 (1 of 3, one blank) and Q2 (1 of 3) — in quiz order on a tie —, Q3 (2 of 3), Q1 (3 of 3).
    let order: Vec<(usize, usize, usize)> = class
        .questions
        .iter()
        .map(|s| (s.index + 1, s.right, s.of))
        .collect();
    assert_eq!(order, vec![(2, 1, 3), (4, 1, 3), (3, 2, 3), (1, 3, 3)]);
    assert_eq!(
        class.questions[0].wrong,
        Some((vec![wrong(1, 1)], 2)),
        "Q2: Bo and Cy gave the same wrong answer"
    );
    assert_eq!(class.questions[1].wrong, Some((vec![wrong(3, 1)], 1)));
    assert_eq!(class.questions[1].blank, 1);
    assert_eq!(class.questions[3].wrong, None);
    assert_eq!(class.questions[2].percent(), 66);
    let csv = results::csv(ds, &q, &class);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 1 + 7 + 1, "header, a row per code, the shares");
    assert!(
        lines[1].starts_with(&format!(
            "\"{ann}\",\"counted\",\"ANN\",\"4\",\"4\",\"300\",\"1\""
        )),
        "{}",
        lines[1]
    );
    assert!(lines[5].contains("mistyped"));
    assert!(lines[8].contains("\"100%\""));
}

#[test]
fn times_in_words() {
    assert_eq!(code::time_text(45), "45 s");
    assert_eq!(code::time_text(245), "4 min 05 s");
    assert_eq!(code::time_text(3720), "1 h 02 min");
    assert_eq!(code::time_text(code::MAX_SECS), "4 h 00 min or more");
}

#[test]
fn the_answer_key_in_letters() {
    let q = quiz("#/quiz?n=8&level=normal&feedback=end&seed=e2e-keyboard");
    for question in &q.questions {
        let key = answer_letters(question);
        match question.format() {
            Format::Choice => assert_eq!(key, letter(question.answer[0] as usize).to_string()),
            Format::Order => {
                assert_eq!(key.split(' ').count(), question.items.len());
                let first = key.as_bytes()[0] - b'A';
                assert_eq!(
                    first, question.answer[0],
                    "the earliest item's letter comes first"
                );
            }
            Format::Match => {
                assert!(key.starts_with(&format!("1-{}", letter(question.answer[0] as usize))))
            }
        }
    }
}
