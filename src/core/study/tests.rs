use super::schedule::{CardState, Day, Grade, Progress, NEW_PER_DAY};
use super::stored::{self, Damage, Refusal};
use super::*;
use crate::core::dataset::{DATASET, SEARCH};
use crate::core::route::Route;

fn study(link: &str) -> StudyState {
    let (s, n) = StudyState::parse(&DATASET, &Route::parse(link).query);
    assert!(n.is_empty(), "{n:?}");
    s
}

fn fake(n: usize) -> Vec<Card> {
    (0..n)
        .map(|i| Card {
            id: format!("e:card-{i}"),
            kind: Kind::Event,
            front: "front",
            ask: "?",
            lines: Vec::new(),
            cite: &[],
            href: String::new(),
        })
        .collect()
}

/// The days between reviews of one card graded `grades` in turn, each time on
/// the day it fell due.
fn waits(grades: &[Grade]) -> Vec<Day> {
    let deck = fake(1);
    let mut p = Progress::default();
    let mut today = 100;
    let mut out = Vec::new();
    for &g in grades {
        assert_eq!(p.due(&deck, today).queue, vec![0], "due on day {today}");
        p.grade(&deck[0], g, today);
        let due = p.cards["e:card-0"].due;
        out.push(due - today);
        today = due;
    }
    out
}

#[test]
fn the_scheduler_s_intervals_over_days() {
    use Grade::*;
    // A new card: again today, hard tomorrow, good in 2 days, easy in 4.
    for (g, wait, boxed) in [(Again, 0, 1), (Hard, 1, 1), (Good, 2, 2), (Easy, 4, 3)] {
        let c = CardState::after(None, g, 50, 1);
        assert_eq!((c.due - 50, c.boxed), (wait, boxed), "{g:?}");
    }
    // Good after good doubles the wait, up to the last box's 64 days.
    assert_eq!(waits(&[Good; 8]), vec![2, 4, 8, 16, 32, 64, 64, 64]);
    // Easy climbs two boxes at a time.
    assert_eq!(waits(&[Easy, Easy, Easy, Easy]), vec![4, 16, 64, 64]);
    // Hard keeps the box and halves its wait; again starts the card over.
    assert_eq!(
        waits(&[Good, Good, Hard, Hard, Again, Good]),
        vec![2, 4, 2, 2, 0, 2]
    );
}

#[test]
fn what_is_due_steps_with_the_days() {
    let deck = fake(3);
    let mut p = Progress::default();
    let day = 1000;
    assert_eq!(p.due(&deck, day).queue, vec![0, 1, 2], "all new");
    p.grade(&deck[0], Grade::Good, day);
    p.grade(&deck[1], Grade::Again, day);
    let d = p.due(&deck, day);
    // The new card first, then the one graded "again".
    assert_eq!((d.queue.clone(), d.new), (vec![2, 1], 1));
    p.grade(&deck[2], Grade::Hard, day);
    p.grade(&deck[1], Grade::Good, day);
    let d = p.due(&deck, day);
    assert!(d.queue.is_empty());
    assert_eq!(d.next, Some((day + 1, 1)), "the hard card tomorrow");
    assert_eq!(p.due(&deck, day + 1).queue, vec![2]);
    // Day 3, the hard one not reviewed: it has waited longest, then the two
    // good ones in the order they were seen.
    let d = p.due(&deck, day + 2);
    assert_eq!(d.queue, vec![2, 0, 1]);
    assert_eq!(p.day_number(day + 2), 3);
    assert_eq!(Progress::default().day_number(day), 1);
}

#[test]
fn at_most_so_many_new_cards_a_day() {
    let deck = fake(30);
    let mut p = Progress::default();
    let d = p.due(&deck, 7);
    assert_eq!(d.queue.len(), usize::from(NEW_PER_DAY));
    assert_eq!(d.next, Some((8, 10)));
    for i in d.queue {
        p.grade(&deck[i], Grade::Good, 7);
    }
    assert!(p.due(&deck, 7).queue.is_empty());
    let d = p.due(&deck, 8);
    assert_eq!((d.queue.len(), d.new), (10, 10));
    assert_eq!(Grade::of_key("3"), Some(Grade::Good));
    assert_eq!(Grade::of_key("5"), None);
}

#[test]
fn cards_for_a_known_filter_with_their_citations() {
    let ds = &DATASET;
    let s = study("#/study?strand=khiva&from=1920&to=1920");
    let deck = deck(ds, &SEARCH, &s.filter, s.kinds);
    let find = |id: &str| {
        deck.iter()
            .position(|c| c.id == id)
            .unwrap_or_else(|| panic!("no card {id}"))
    };
    let e = ds.event("khiva-captured-1920").unwrap();
    let card = &deck[find("e:khiva-captured-1920")];
    assert_eq!(card.front, "Red Army takes Khiva");
    assert_eq!(card.lines[0].label, "When");
    assert_eq!(card.lines[0].text, e.date.display());
    assert_eq!(
        (card.lines[1].label.as_str(), card.lines[1].text.as_str()),
        ("Where", "Khiva")
    );
    assert_eq!(card.lines.len(), 2, "no people are named in it");
    assert_eq!(card.cite, e.cite);
    assert!(
        ds.cites_text(card.cite).contains("¶ 18"),
        "{}",
        ds.cites_text(card.cite)
    );
    // The person of a later event comes after that event, with the role's citation.
    let khan = &deck[find("p:said-abdullahan")];
    let who = ds.person_index("said-abdullahan").unwrap() as u16;
    let first = deck
        .iter()
        .position(|c| c.kind == Kind::Event && ds.event(&c.id[2..]).unwrap().people.contains(&who))
        .unwrap();
    assert_eq!(
        find("p:said-abdullahan"),
        first + 1,
        "right after his first event"
    );
    let role = khan.lines.iter().find(|l| l.label == "Role").unwrap();
    assert!(role.text.starts_with("Khan of Khiva, "), "{}", role.text);
    assert_eq!(
        role.cite,
        ds.person("said-abdullahan").unwrap().roles[0].cite
    );
    // The dispute: each side with its source.
    let d = ds.dispute("khiva-capture-date").unwrap();
    let card = &deck[find("d:khiva-capture-date")];
    assert_eq!(card.ask, "What do the sources disagree on?");
    assert_eq!(card.lines.len(), d.claims.len());
    for (l, c) in card.lines.iter().zip(d.claims) {
        assert_eq!(l.cite, c.cite);
        assert_eq!(l.label, ds.sources[c.cite[0].source as usize].short);
        assert!(l.text.starts_with(c.says));
    }
    assert_ne!(card.lines[0].label, card.lines[1].label, "two sources");
    // Every card's id is unique; only events when asked.
    let mut ids: Vec<&str> = deck.iter().map(|c| c.id.as_str()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), deck.len());
    let only = study("#/study?strand=khiva&from=1920&to=1920&cards=events");
    assert!(super::deck(ds, &SEARCH, &only.filter, only.kinds)
        .iter()
        .all(|c| c.kind == Kind::Event));
}

#[test]
fn the_link_carries_the_filter_and_the_kinds() {
    let ds = &DATASET;
    let s = study("#/study?strand=khiva&cards=people,events&page=3&win=1917/1920");
    assert_eq!(s.href(ds), "#/study?strand=khiva&cards=events,people");
    assert_eq!(s.topic(ds), "strand=khiva");
    assert_eq!(
        StudyState::of(s.filter.clone()).href(ds),
        "#/study?strand=khiva"
    );
    let (s, n) = StudyState::parse(ds, &Route::parse("#/study?cards=maps").query);
    assert_eq!(s.kinds, Kinds::ALL);
    assert_eq!(n.len(), 1);
    assert_eq!(
        s.of_topic(ds, "from=1918&to=1920").href(ds),
        "#/study?from=1918&to=1920"
    );
}

fn some_progress() -> Progress {
    let deck = fake(3);
    let mut p = Progress::default();
    p.grade(&deck[0], Grade::Good, 20_000);
    p.grade(&deck[1], Grade::Again, 20_000);
    p.grade(&deck[1], Grade::Easy, 20_001);
    p
}

#[test]
fn progress_round_trips_through_json() {
    let p = some_progress();
    let text = stored::to_json(&p, "strand=khiva");
    assert!(
        text.starts_with(r#"{"app":"tarikh-study","v":1,"topic":"strand=khiva""#),
        "{text}"
    );
    assert_eq!(stored::load(&text, "strand=khiva"), (p.clone(), None));
    assert_eq!(stored::import(&text, "strand=khiva"), Ok(p));
    assert_eq!(stored::key("strand=khiva"), "tarikh-study:strand=khiva");
}

#[test]
fn damaged_or_foreign_input_is_refused_or_kept_in_part() {
    let topic = "strand=khiva";
    let good = stored::to_json(&some_progress(), topic);
    // One card damaged: the browser's copy keeps the other, an import refuses the file.
    let one_bad = good.replace("[2,20002,1,20000]", "[9,\"x\"]");
    assert_ne!(one_bad, good);
    let (kept, damage) = stored::load(&one_bad, topic);
    assert_eq!((kept.cards.len(), &damage), (1, &Some(Damage::Lost(1))));
    assert!(damage
        .unwrap()
        .notice()
        .contains("1 card could not be read"));
    assert_eq!(
        stored::import(&one_bad, topic),
        Err(Refusal::Damaged { bad: 1 })
    );
    let cases: [(&str, Refusal); 6] = [
        (&good[..good.len() / 2], Refusal::NotJson),
        ("", Refusal::NotJson),
        (
            r#"{"v":2,"fp":"9f3c0a1b2d4e5f60","answers":[]}"#,
            Refusal::Foreign,
        ),
        (
            r#"{"app":"tarikh-study","v":1}"#,
            Refusal::Damaged { bad: 0 },
        ),
        (&good.replace(r#""v":1"#, r#""v":7"#), Refusal::Version(7)),
        (
            &good.replace("strand=khiva", "from=1918"),
            Refusal::OtherTopic("from=1918".into()),
        ),
    ];
    for (text, why) in cases {
        assert_eq!(stored::import(text, topic), Err(why.clone()), "{text}");
        assert_eq!(
            stored::load(text, topic),
            (Progress::default(), Some(Damage::Refused(why.clone())))
        );
        assert!(!why.message("1918 onwards").is_empty());
    }
    assert!(Refusal::OtherTopic("x".into())
        .message("from 1918")
        .contains("(from 1918)"));
    let huge = " ".repeat(stored::MAX_TEXT + 1);
    assert_eq!(stored::import(&huge, topic), Err(Refusal::TooLong));
    assert!(Damage::Refused(Refusal::NotJson)
        .notice()
        .contains("starts afresh"));
}
