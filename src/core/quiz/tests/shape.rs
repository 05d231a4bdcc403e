//! The teacher's shaping: replaced and removed questions through the link, a
//! topic of several parts, the `v=2` defaults (no trivia, key events first),
//! the short quiz id.

use super::check::settled_events;
use super::{facts, index, spec};
use crate::core::dataset::DATASET;
use crate::core::filter::apply;
use crate::core::link::LinkState;
use crate::core::quiz::*;

fn shaped_of(s: &Spec) -> Shaped {
    shaped(facts(), index(), s, true).unwrap_or_else(|e| panic!("{}", e.message()))
}

/// Every event a question is about or offers.
fn events_of(q: &Question) -> Vec<u32> {
    let mut v = settled_events(q);
    for x in q.items.iter().chain(&q.options) {
        if let Val::Event(e) = *x {
            v.push(e);
        }
    }
    v
}

#[test]
fn a_replaced_and_a_removed_question_go_through_the_link() {
    let ds = &DATASET;
    let first = spec("#/quiz?n=8&v=2&seed=shape1");
    let before = shaped_of(&first);
    assert_eq!(before.slots, (0..8).collect::<Vec<u8>>());
    // Replace the first question whose type has another question to give.
    let slot = (0..8)
        .find(|&i| before.spare.contains(&before.quiz.questions[i].kind))
        .expect("a replaceable question");
    let mut edited = first.clone();
    edited.shape.swap(slot as u8);
    assert!(edited.shape.remove(7, 8));
    let href = edited.href(ds);
    assert!(href.contains(&format!("swap={}", slot + 1)), "{href}");
    assert!(href.contains("drop=8"), "{href}");
    // A student opening the link gets the same edited quiz.
    let read = spec(&href);
    assert_eq!(read, edited);
    let after = shaped_of(&read);
    let (b, a) = (&before.quiz.questions, &after.quiz.questions);
    assert_eq!(a.len(), 7);
    assert_eq!(after.slots, (0..7).collect::<Vec<u8>>());
    assert_ne!(a[slot], b[slot], "slot {slot} replaced");
    assert_eq!(a[slot].kind, b[slot].kind, "by a question of the same type");
    for i in (0..7).filter(|&i| i != slot) {
        assert_eq!(a[i], b[i], "question {i} kept");
    }
    assert!(
        !b[..7].contains(&a[slot]),
        "the replacement is a new question"
    );
    assert_eq!(
        fingerprint(ds, &after.quiz),
        fingerprint(ds, &shaped_of(&spec(&href)).quiz)
    );
    // Replaced twice: the second replacement, another question again.
    edited.shape.swap(slot as u8);
    let twice = shaped_of(&spec(&edited.href(ds)));
    if before.spare.contains(&a[slot].kind) {
        assert_ne!(twice.quiz.questions[slot], a[slot]);
    }
}

#[test]
fn the_last_question_cannot_be_removed_and_bad_slots_are_said() {
    let mut s = spec("#/quiz?n=2&seed=x");
    assert!(s.shape.remove(0, 2));
    assert!(!s.shape.remove(1, 2), "one question must stay");
    let (read, notices) = Spec::parse(
        &DATASET,
        &crate::core::route::parse_query("n=3&seed=x&drop=1,2,3&swap=0,x"),
    );
    assert_eq!(notices.len(), 1, "{notices:?}");
    // A link removing every question keeps them all rather than give nothing.
    assert_eq!(shaped_of(&read).quiz.questions.len(), 3);
}

#[test]
fn a_topic_of_two_parts_asks_about_either() {
    let ds = &DATASET;
    // Different keys narrow: Khiva *and* Bukeikhan's arrests is (nearly) nothing.
    let both = spec("#/quiz?place=khiva&person=alikhan-bukeikhan&type=arrest");
    let khiva = apply(ds, index(), &spec("#/quiz?place=khiva").filter).events;
    let arrests = apply(
        ds,
        index(),
        &spec("#/quiz?person=alikhan-bukeikhan&type=arrest").filter,
    )
    .events;
    assert!(!khiva.is_empty() && !arrests.is_empty());
    assert!(apply(ds, index(), &both.filter).events.len() < arrests.len().min(khiva.len()));
    let link = "#/quiz?place=khiva&also=person:alikhan-bukeikhan/type:arrest&n=8&ask=when,who,where,strand,truefalse&v=2&seed=parts";
    let s = spec(link);
    assert!(
        s.href(ds)
            .contains("&also=type:arrest/person:alikhan-bukeikhan&"),
        "{}",
        s.href(ds)
    );
    assert_eq!(
        spec(&s.href(ds)),
        s,
        "the canonical link reads back the same"
    );
    let mut union: Vec<u32> = khiva.iter().chain(&arrests).copied().collect();
    union.sort_unstable();
    union.dedup();
    let mut seen = (false, false);
    for seed in 0..30 {
        let mut s = s.clone();
        s.set_seed(Some(&seed_text(seed)));
        let quiz = shaped_of(&s).quiz;
        assert_eq!(quiz.events, union.len());
        for q in &quiz.questions {
            for e in settled_events(q) {
                assert!(
                    union.contains(&e),
                    "seed {seed}: {} outside the topic",
                    ds.events[e as usize].id
                );
                seen.0 |= khiva.contains(&e);
                seen.1 |= arrests.contains(&e);
            }
        }
    }
    assert_eq!(seen, (true, true), "questions come from both parts");
    // Chosen events alone are the topic (not the whole dataset).
    let picked = "#/quiz?events=2010-rgaspi-releases-stalin-documents,khiva-captured-1920";
    let s = spec(picked);
    assert_eq!(s.shape.events.len(), 2);
    assert_eq!(spec(&s.href(ds)), s);
    assert!(s
        .href(ds)
        .contains("events=khiva-captured-1920,2010-rgaspi"));
}

#[test]
fn a_new_link_leaves_out_the_later_archive_releases_unless_asked() {
    let ds = &DATASET;
    let rgaspi = ds
        .event_index("2010-rgaspi-releases-stalin-documents")
        .unwrap() as u32;
    assert!(is_trivia(ds, rgaspi));
    let khiva = ds.event_index("khiva-captured-1920").unwrap() as u32;
    assert!(!is_trivia(ds, khiva));
    let trivia = |link: &str| {
        let mut found = 0;
        for seed in 0..40 {
            let mut s = spec(link);
            s.set_seed(Some(&seed_text(seed)));
            if let Ok(sh) = shaped(facts(), index(), &s, false) {
                for q in &sh.quiz.questions {
                    found += events_of(q).iter().filter(|&&e| is_trivia(ds, e)).count();
                }
            }
        }
        found
    };
    // An old link (no v=) asks them as it always did; a new one only with trivia=1.
    assert!(trivia("#/quiz?strand=historiography&n=6") > 0);
    assert_eq!(trivia("#/quiz?strand=historiography&n=6&v=2"), 0);
    assert!(trivia("#/quiz?strand=historiography&n=6&v=2&trivia=1") > 0);
    // The setup's new links are v=2.
    let made = spec("#/quiz?n=5").made("abc");
    assert!(made.href(ds).contains("v=2"));
}

#[test]
fn a_new_link_asks_mostly_about_key_events() {
    let ds = &DATASET;
    let share = |link: &str| {
        let (mut key, mut all) = (0, 0);
        for seed in 0..40 {
            let mut s = spec(link);
            s.set_seed(Some(&seed_text(seed)));
            for q in shaped_of(&s).quiz.questions {
                if let Subject::Event(e) = q.subject {
                    all += 1;
                    key += usize::from(ds.events[e as usize].key);
                }
            }
        }
        key as f64 / all as f64
    };
    let (old, new) = (
        share("#/quiz?ask=when,who,where,strand"),
        share("#/quiz?ask=when,who,where,strand&v=2"),
    );
    assert!(
        new > 0.6 && new > 2.0 * old,
        "key share old {old:.2}, new {new:.2}"
    );
}

#[test]
fn the_quiz_id_is_short_and_stable() {
    assert_eq!(quiz_id(0x098637c9d3e1adc5), quiz_id(0x098637c9d3e1adc5));
    assert_eq!(quiz_id(0x098637c9d3e1adc5), "163-3FJ");
    assert_ne!(quiz_id(0x098637c9d3e1adc5), quiz_id(0x198637c9d3e1adc5));
    let ds = &DATASET;
    let s = spec("#/quiz?n=5&v=2&seed=idtest");
    let a = quiz_id(fingerprint(ds, &shaped_of(&s).quiz));
    assert_eq!(a.len(), 7);
    assert!(a.bytes().all(|b| b == b'-' || code::ALPHABET.contains(&b)));
    assert_eq!(
        a,
        quiz_id(fingerprint(ds, &shaped_of(&spec(&s.href(ds))).quiz))
    );
}

#[test]
fn the_key_grid_uses_the_worksheets_numbering() {
    let ds = &DATASET;
    for seed in 0..30 {
        let mut s = spec("#/quiz?ask=order,roles&n=2");
        s.set_seed(Some(&seed_text(seed)));
        let Ok(quiz) = generate(facts(), index(), &s) else {
            continue;
        };
        for q in &quiz.questions {
            let grid = worksheet_answer(q);
            if q.kind == Kind::Order {
                // Writing these numbers by the listed items puts them in date order.
                let ranks: Vec<usize> = grid.split(' ').map(|r| r.parse().unwrap()).collect();
                let mut by_rank: Vec<(usize, u32)> = ranks
                    .iter()
                    .zip(&q.items)
                    .map(|(&r, v)| {
                        (
                            r,
                            match *v {
                                Val::Event(e) => e,
                                _ => panic!(),
                            },
                        )
                    })
                    .collect();
                by_rank.sort_unstable();
                let days: Vec<i32> = by_rank
                    .iter()
                    .map(|&(_, e)| ds.events[e as usize].date.start_day().unwrap())
                    .collect();
                assert!(days.windows(2).all(|w| w[0] <= w[1]), "{grid}: {days:?}");
            } else {
                assert_eq!(grid.split(' ').count(), q.items.len());
            }
        }
    }
}
