//! The quiz link: read, written, and read again.

use super::strategies::spec_strategy;
use super::{facts, index, spec};
use crate::core::dataset::DATASET;
use crate::core::filter::Filter;
use crate::core::link::LinkState;
use crate::core::quiz::*;
use crate::core::route::Route;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn spec_to_link_to_spec_is_the_identity(s in spec_strategy()) {
        let ds = &DATASET;
        let link = s.href(ds);
        let (back, notices) = Spec::parse(ds, &Route::parse(&link).query);
        prop_assert!(notices.is_empty(), "{}: {:?}", link, notices);
        prop_assert_eq!(&back, &s, "{}", link);
        prop_assert_eq!(back.href(ds), link);
    }
}

#[test]
fn the_default_link() {
    assert_eq!(
        Spec::default().href(&DATASET),
        "#/quiz?n=10&level=normal&feedback=each"
    );
}

#[test]
fn the_link_is_readable_and_shares_the_timeline_filter() {
    let ds = &DATASET;
    let link = "#/quiz?q=Alash+Orda&from=1917&to=1920&strand=alash&n=5&ask=when,order,truefalse&level=hard&feedback=end&seed=k3f9a2";
    let s = spec(link);
    assert_eq!(s.href(ds), link);
    assert_eq!(
        (s.n(), s.level, s.feedback),
        (5, Level::Hard, Feedback::End)
    );
    assert_eq!(s.kinds(), vec![Kind::When, Kind::Order, Kind::TrueFalse]);
    let (f, _) = Filter::parse(
        ds,
        &Route::parse("#/timeline?q=Alash+Orda&from=1917&to=1920&strand=alash&page=3").query,
    );
    let quiz_me = setup_href(ds, &f);
    assert_eq!(
        quiz_me,
        "#/quiz?q=Alash+Orda&from=1917&to=1920&strand=alash"
    );
    let from_timeline = spec(&quiz_me);
    assert_eq!(from_timeline.filter, f);
    assert_eq!(
        from_timeline.seed(),
        None,
        "the teacher's setup comes first"
    );
    assert_eq!(setup_href(ds, &Filter::default()), "#/quiz");
    assert_eq!(
        s.legacy_storage_key(ds),
        s.with_print(Some(Print::Key)).legacy_storage_key(ds),
        "the printed forms share the quiz's key"
    );
    assert!(s.filter.describe(ds).contains("1917–1920"));
    assert_eq!(Filter::default().describe(ds), "all events");
}

#[test]
fn bad_links_are_read_as_far_as_possible_with_notices() {
    let ds = &DATASET;
    let (s, notices) = Spec::parse(
        ds,
        &Route::parse("#/quiz?n=zero&ask=when,nonsense,when&level=extreme&feedback=maybe&seed=%3Cscript%3E&print=pdf&person=nobody&colour=red&page=4").query,
    );
    assert_eq!(s.n(), DEFAULT_QUESTIONS);
    assert_eq!(s.kinds(), vec![Kind::When]);
    assert_eq!(
        (s.level, s.feedback, s.seed(), s.print),
        (Level::Normal, Feedback::Each, None, None)
    );
    assert_eq!(notices.len(), 8, "{notices:#?}");
    let (s, notices) = Spec::parse(ds, &Route::parse("#/quiz?n=500&ask=").query);
    assert_eq!(s.n(), MAX_QUESTIONS);
    assert_eq!(s.kinds(), Kind::ALL.to_vec());
    assert_eq!(notices.len(), 2, "{notices:#?}");
}

const LINK_KEYS: [&str; 13] = [
    "n", "ask", "level", "feedback", "seed", "print", "q", "from", "to", "strand", "person",
    "disputed", "",
];

/// Link text: parts of any characters the link syntax and the parsers care
/// about, some after a known key; now and then a very long part.
fn link_strategy() -> impl Strategy<Value = String> {
    let alphabet: Vec<char> = "nasklevquizfdbcrtpm=&,%+#/?-_.019 ZzäұҚ\u{0}\u{FFFD}😀%E2%8"
        .chars()
        .collect();
    let value = prop_oneof![
        199 => prop::collection::vec(prop::sample::select(alphabet.clone()), 0..12),
        1 => prop::collection::vec(prop::sample::select(alphabet), 3000),
    ];
    let part = (
        prop::option::of(prop::sample::select(LINK_KEYS.to_vec())),
        value,
    );
    prop::collection::vec(part, 0..7).prop_map(|parts| {
        let mut s = String::from("#/quiz?");
        for (key, value) in parts {
            if let Some(k) = key {
                s.push_str(k);
                s.push('=');
            }
            s.extend(value);
            s.push('&');
        }
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn arbitrary_links_never_panic(s in link_strategy(), make in prop::bool::weighted(0.1)) {
        let ds = &DATASET;
        let (spec, _) = Spec::parse(ds, &Route::parse(&s).query);
        prop_assert!((1..=MAX_QUESTIONS).contains(&spec.n()));
        prop_assert!(!spec.kinds().is_empty());
        // Written out and read back, a link means the same (spaces in the
        // search text included).
        let (again, notices) = Spec::parse(ds, &Route::parse(&spec.href(ds)).query);
        prop_assert!(notices.is_empty(), "{}: {:?}", s, notices);
        prop_assert_eq!(again.href(ds), spec.href(ds), "{}", s);
        let third = Spec::parse(ds, &Route::parse(&again.href(ds)).query);
        prop_assert_eq!(third, (again.clone(), Vec::new()), "{}", s);
        if make {
            let _ = generate(facts(), index(), &spec).map_err(|e| e.message());
        }
    }
}
