//! Generation on the real dataset: every question sound, every type made, the same
//! link the same quiz.

use super::check::check;
use super::strategies::spec_strategy;
use super::{facts, index, spec};
use crate::core::dataset::DATASET;
use crate::core::filter::{apply, SearchIndex};
use crate::core::link::LinkState;
use crate::core::quiz::*;
use crate::core::route::Route;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use std::cell::RefCell;

/// What the random setups reached: the property is only as good as its inputs.
#[derive(Default)]
struct Seen {
    made: usize,
    impossible: usize,
    kinds: Vec<Kind>,
    truth: [bool; 2],
}

/// Checks one quiz setup: a quiz of exactly the questions asked, each sound, no
/// event asked about twice; or a refusal that says what is possible.
fn sound(index: &SearchIndex, spec: &Spec, try_fewer: bool, seen: &mut Seen) {
    let ds = &DATASET;
    let topic = apply(ds, index, &spec.filter).events;
    let ctx = spec.href(ds);
    match generate(facts(), index, spec) {
        Ok(quiz) => {
            seen.made += 1;
            assert_eq!(quiz.questions.len(), spec.n() as usize, "{ctx}");
            assert_eq!(quiz.events, topic.len());
            for (i, q) in quiz.questions.iter().enumerate() {
                assert!(
                    spec.kinds().contains(&q.kind),
                    "{ctx}: unasked type {:?}",
                    q.kind
                );
                check(ds, q, &topic, &format!("{ctx} q{i}"));
                if !seen.kinds.contains(&q.kind) {
                    seen.kinds.push(q.kind);
                }
                if let Subject::Statement(_) = q.subject {
                    seen.truth[q.answer[0] as usize] = true;
                }
            }
            // No event is the subject of two questions.
            let mut subjects: Vec<u32> = quiz
                .questions
                .iter()
                .filter_map(|q| match q.subject {
                    Subject::Event(e)
                    | Subject::Statement(
                        Statement::EventYear(e, _) | Statement::EventPlace(e, _),
                    ) => Some(e),
                    _ => None,
                })
                .collect();
            let n = subjects.len();
            subjects.sort();
            subjects.dedup();
            assert_eq!(subjects.len(), n, "{ctx}: an event asked twice");
        }
        Err(no) => {
            seen.impossible += 1;
            assert_eq!(no.events, topic.len(), "{ctx}");
            assert_eq!(no.asked, spec.n() as usize);
            assert!(no.possible < no.asked);
            let msg = no.message();
            assert!(
                msg.contains(&no.events.to_string()) || no.events == 0,
                "{msg}"
            );
            // The suggested count works.
            if no.possible > 0 && try_fewer {
                let mut fewer = spec.clone();
                fewer.set_n(no.possible as u32);
                let quiz =
                    generate(facts(), index, &fewer).unwrap_or_else(|e| panic!("{ctx}: {e:?}"));
                assert_eq!(quiz.questions.len(), no.possible);
                assert!(msg.contains(&format!("{} or fewer", no.possible)), "{msg}");
            }
        }
    }
}

#[test]
fn every_question_over_thousands_of_seeds_and_topics_is_sound() {
    let index = SearchIndex::new(&DATASET);
    let seen = RefCell::new(Seen::default());
    let config = Config {
        source_file: Some(file!()),
        ..Config::with_cases(2500)
    };
    TestRunner::new(config)
        .run(
            &(spec_strategy(), prop::bool::weighted(0.2)),
            |(spec, try_fewer)| {
                sound(&index, &spec, try_fewer, &mut seen.borrow_mut());
                Ok(())
            },
        )
        .unwrap_or_else(|e| panic!("{e}"));
    let Seen {
        made,
        impossible,
        mut kinds,
        truth,
    } = seen.into_inner();
    assert!(
        made > 1000,
        "only {made} quizzes made, {impossible} impossible"
    );
    assert!(
        impossible > 20,
        "the impossible case is exercised ({impossible})"
    );
    kinds.sort();
    assert_eq!(kinds, Kind::ALL.to_vec(), "every type of question is made");
    assert_eq!(truth, [true, true], "true and false statements");
}

#[test]
fn the_whole_dataset_gives_every_type_at_every_level() {
    let ds = &DATASET;
    let index = SearchIndex::new(ds);
    for level in Level::ALL {
        for kind in Kind::ALL {
            let mut spec = Spec::default().with(5, &[kind], "all");
            spec.level = level;
            let quiz = generate(facts(), &index, &spec)
                .unwrap_or_else(|e| panic!("{kind:?} {level:?}: {}", e.message()));
            let all: Vec<u32> = (0..ds.events.len() as u32).collect();
            for q in &quiz.questions {
                check(ds, q, &all, &format!("{kind:?} {level:?}"));
                let opts = match q.format() {
                    Format::Choice if kind != Kind::TrueFalse => q.options.len(),
                    _ => 0,
                };
                if opts > 0 {
                    assert_eq!(opts, if level == Level::Easy { 3 } else { 4 });
                }
                if q.format() == Format::Order {
                    assert_eq!(q.items.len(), if level == Level::Hard { 5 } else { 4 });
                }
            }
        }
    }
}

#[test]
fn disputes_are_asked_both_ways() {
    let ds = &DATASET;
    let index = SearchIndex::new(ds);
    let (mut events, mut dates, mut pairs) = (0, 0, 0);
    for seed in 0..20 {
        let spec = Spec::default().with(10, &[Kind::Disputes], &seed_text(seed));
        for q in generate(facts(), &index, &spec).unwrap().questions {
            match (q.subject, q.options[0]) {
                (Subject::DisputedEvent, _) => events += 1,
                (Subject::DisputeDates(_), Val::Dates(..)) => pairs += 1,
                (Subject::DisputeDates(_), _) => dates += 1,
                other => panic!("{other:?}"),
            }
        }
    }
    assert!(
        events > 0 && dates > 0 && pairs > 0,
        "{events} {dates} {pairs}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(120))]

    #[test]
    fn the_same_link_gives_the_same_quiz(s in spec_strategy()) {
        let ds = &DATASET;
        let a = generate(facts(), index(), &s);
        // A fresh index and a re-parsed link: nothing carried over.
        let again = Spec::parse(ds, &Route::parse(&s.href(ds)).query).0;
        let b = generate(&Facts::new(ds), &SearchIndex::new(ds), &again);
        prop_assert_eq!(&a, &b, "{}", s.href(ds));
        // Printing does not change the questions.
        let c = generate(facts(), index(), &s.with_print(None));
        prop_assert_eq!(a, c);
    }
}

#[test]
fn different_seeds_give_different_quizzes() {
    let ds = &DATASET;
    let one = generate(facts(), index(), &spec("#/quiz?n=10&seed=one")).unwrap();
    let two = generate(facts(), index(), &spec("#/quiz?n=10&seed=two")).unwrap();
    assert_ne!(fingerprint(ds, &one), fingerprint(ds, &two));
}

#[test]
fn fewer_questions_are_the_first_ones_of_more() {
    let ds = &DATASET;
    let index = SearchIndex::new(ds);
    let long = generate(facts(), &index, &spec("#/quiz?n=20&seed=prefix")).unwrap();
    let short = generate(facts(), &index, &spec("#/quiz?n=7&seed=prefix")).unwrap();
    assert_eq!(short.questions[..], long.questions[..7]);
}

#[test]
fn an_impossible_quiz_says_how_many_events_the_topic_has() {
    let ds = &DATASET;
    let index = SearchIndex::new(ds);
    let none = generate(facts(), &index, &spec("#/quiz?q=zzzxqy&n=5&seed=a")).unwrap_err();
    assert_eq!((none.events, none.possible), (0, 0));
    assert!(
        none.message().starts_with("No event matches this topic"),
        "{}",
        none.message()
    );
    let few = generate(
        facts(),
        &index,
        &spec("#/quiz?from=1891&to=1904&ask=when&n=30&seed=a"),
    )
    .unwrap_err();
    let n = apply(ds, &index, &spec("#/quiz?from=1891&to=1904").filter)
        .events
        .len();
    assert_eq!(few.events, n);
    assert!(few.possible < 30);
    assert!(
        few.message()
            .contains(&format!("This topic has {n} events")),
        "{}",
        few.message()
    );
    assert!(few.message().contains("wider topic"));
}

/// An official title quoted from a source (`quoted = true`) is shown in an
/// explanation as a quotation, word for word; other roles are lower-cased into
/// the sentence. (Questions and options keep the plain words: the fingerprint.)
#[test]
fn quoted_titles_are_quotations_in_explanations() {
    let ds = &DATASET;
    let index = SearchIndex::new(ds);
    let (mut quoted, mut plain) = (0, 0);
    for seed in 0..60 {
        for kind in [Kind::Roles, Kind::Who] {
            let spec = Spec::default().with(10, &[kind], &seed_text(seed));
            let Ok(quiz) = generate(facts(), &index, &spec) else {
                continue;
            };
            for q in &quiz.questions {
                let roles: Vec<(u16, u8)> = match q.subject {
                    Subject::Role(p, k) => vec![(p, k)],
                    _ => q
                        .items
                        .iter()
                        .filter_map(|v| match *v {
                            Val::Role(p, k) => Some((p, k)),
                            _ => None,
                        })
                        .collect(),
                };
                let text = explain(ds, q).text;
                for (p, k) in roles {
                    let r = &ds.people[p as usize].roles[k as usize];
                    if r.quoted {
                        quoted += 1;
                        assert!(text.contains(&format!("“{}”", r.role)), "{text}");
                    } else {
                        plain += 1;
                        assert!(!text.contains(&format!("“{}”", r.role)), "{text}");
                    }
                }
            }
        }
    }
    assert!(
        quoted > 0 && plain > 0,
        "{quoted} quoted, {plain} plain roles explained"
    );
}
