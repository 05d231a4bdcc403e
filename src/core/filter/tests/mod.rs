//! Tests of the timeline filter: search, facets, the link format.

use super::search::event_texts;
use super::*;
use crate::core::axis::{LaneBy, Window};
use crate::core::dataset::DATASET;
use crate::core::date::day_number;
use crate::core::link::{LinkState, Notice};
use crate::core::route::Route;
use crate::core::text::{words_of, Field, Fit, Search, Word};
use crate::core::timeline::{Order, Periods, TimelineState};
use proptest::prelude::*;
use std::collections::BTreeSet;

fn search(q: &str) -> BTreeSet<&'static str> {
    let ds = &DATASET;
    let index = SearchIndex::new(ds);
    let f = Filter {
        q: q.into(),
        ..Filter::default()
    };
    apply(ds, &index, &f)
        .events
        .iter()
        .map(|&i| ds.events[i as usize].id)
        .collect()
}

fn events_of_person(id: &str) -> BTreeSet<&'static str> {
    let ds = &DATASET;
    ds.events_of(ds.person(id).unwrap()).map(|e| e.id).collect()
}

/// The index finds exactly what scanning every event's text with the rules
/// of `text::Search` finds (each word's best score, per event): for words of
/// the dataset cut at every length, alone and in pairs, with a typo, and for
/// words that occur nowhere.
#[test]
fn the_index_finds_what_a_scan_of_every_event_finds() {
    let ds = &DATASET;
    let index = SearchIndex::new(ds);
    let texts: Vec<Vec<(Word, Field)>> = ds
        .events
        .iter()
        .map(|e| {
            let mut v = Vec::new();
            event_texts(ds, e, &mut |t, f| v.push((t, f)));
            words_of(&v)
        })
        .collect();
    let scan = |q: &Search| -> Vec<(u8, u16)> {
        // Typos are not looked for for plain words: in some title, summary or
        // type and in no name (exactly or by the stem).
        let mut q = q.clone();
        for t in &mut q.terms {
            let same = |w: &Word| matches!(t.fit(w, false), Fit::Exact | Fit::Stem);
            let all = texts.iter().flatten();
            let in_text = all.clone().any(|(w, f)| *f != Field::Name && same(w));
            let in_name = all.clone().any(|(w, f)| *f == Field::Name && same(w));
            t.typos = !(in_text && !in_name);
        }
        let q = &q;
        texts
            .iter()
            .map(|t| {
                let best = q.scores_of(t);
                let hits = best.iter().filter(|&&s| s > 0).count() as u8;
                (hits, best.iter().fold(0u16, |a, &s| a.saturating_add(s)))
            })
            .collect()
    };
    let found = |q: &Search| -> Vec<(u8, u16)> {
        let m = index.search(q).expect("a query with words");
        m.hits
            .iter()
            .copied()
            .zip(m.scores.iter().copied())
            .collect()
    };
    let mut words: Vec<&str> = ds
        .events
        .iter()
        .step_by(31)
        .flat_map(|e| {
            e.title
                .split(' ')
                .take(4)
                .chain(e.summary.split(' ').take(2))
        })
        .collect();
    words.extend([
        "Bökeikhan",
        "BUKEIKHANOV",
        "Букейханов",
        "Asfendiyarov",
        "Dos Mukhameduly",
        "A. Bukeikhan",
        "zzqx",
        "aaaa",
        "semey alash",
        "1917",
    ]);
    let mut checked = 0;
    for (n, w) in words.iter().enumerate() {
        let chars: Vec<char> = w.chars().collect();
        for len in (1..=chars.len()).step_by(2).chain([chars.len()]) {
            let part: String = chars[..len].iter().collect();
            let q = Search::new(&part);
            if q.is_empty() {
                continue;
            }
            assert_eq!(found(&q), scan(&q), "query {part:?}");
            let pair = Search::new(&format!("{part} {}", words[(n * 31 + 7) % words.len()]));
            assert_eq!(found(&pair), scan(&pair), "query {part:?} + another word");
            checked += 1;
        }
        // One letter changed.
        if chars.len() >= 6 {
            let mut typo = chars.clone();
            typo[chars.len() / 2] = 'z';
            let q = Search::new(&typo.iter().collect::<String>());
            assert_eq!(found(&q), scan(&q), "query {typo:?}");
        }
    }
    assert!(checked >= 300, "only {checked} queries checked");
    assert!(index.search(&Search::new(" !? ")).is_none());
    assert!(found(&Search::new("zzqx")).iter().all(|&(h, _)| h == 0));
}

#[test]
fn every_spelling_of_a_name_finds_the_same_events() {
    let table: &[(&str, &[&str])] = &[
        (
            "alikhan-bukeikhan",
            &[
                "Bukeikhan",
                "Bokeikhanov",
                "bokeikhan",
                "BUKEIKHANOV",
                "Bökeikhan",
                "Bukeikhanuly",
            ],
        ),
        ("miryakub-dulatuly", &["Dulatuly", "Dulatov", "dulatov"]),
        ("junaid-khan", &["Junaid Khan", "Zhunaidkhan", "zhunaid"]),
    ];
    for (person, spellings) in table {
        let theirs = events_of_person(person);
        assert!(!theirs.is_empty(), "{person} has events");
        let first = search(spellings[0]);
        for s in *spellings {
            let found = search(s);
            assert!(
                found.is_superset(&theirs),
                "{s:?} misses events of {person}: {:?}",
                theirs.difference(&found).collect::<Vec<_>>()
            );
            assert_eq!(
                found, first,
                "{s:?} finds other events than {:?}",
                spellings[0]
            );
        }
    }
}

#[test]
fn place_variants_find_the_events_there() {
    let ds = &DATASET;
    let semey = ds.place("semey").unwrap();
    let there: BTreeSet<_> = ds.events_at(semey).map(|e| e.id).collect();
    assert!(!there.is_empty());
    for name in std::iter::once(&semey.name).chain(semey.names) {
        assert!(search(name).is_superset(&there), "{name}");
    }
}

#[test]
fn a_query_that_matches_nothing_says_which_filter_emptied_it() {
    let ds = &DATASET;
    let index = SearchIndex::new(ds);
    let (f, notices) = Filter::parse(
        ds,
        &Route::parse("#/timeline?q=bukeikhan&strand=khiva").query,
    );
    assert!(notices.is_empty(), "{notices:?}");
    let out = apply(ds, &index, &f);
    assert!(
        out.events.is_empty(),
        "no Bukeikhan event is in the Khiva strand"
    );
    let culprits: Vec<Facet> = out.culprits(&f).into_iter().map(|(f, _)| f).collect();
    assert_eq!(culprits, vec![Facet::Text, Facet::Strand]);
}

#[test]
fn facet_counts_are_the_matches_each_value_would_give() {
    let ds = &DATASET;
    let index = SearchIndex::new(ds);
    let (f, _) = Filter::parse(
        ds,
        &Route::parse("#/timeline?q=alash&from=1917&to=1920").query,
    );
    let out = apply(ds, &index, &f);
    for (t, &n) in out.counts(Facet::Strand).iter().enumerate() {
        let mut g = f.clone();
        g.toggle(Facet::Strand, t as u32);
        assert_eq!(
            apply(ds, &index, &g).events.len() as u32,
            n,
            "strand {}",
            ds.tags[t].id
        );
    }
    for facet in [Facet::Type, Facet::Source] {
        for (v, &n) in out.counts(facet).iter().enumerate() {
            let mut g = f.clone();
            g.toggle(facet, v as u32);
            let got = apply(ds, &index, &g).events.len() as u32;
            assert_eq!(got, n, "{} {v}", facet.key());
        }
    }
    let mut g = f.clone();
    g.disputed = true;
    assert_eq!(apply(ds, &index, &g).events.len() as u32, out.disputed);
    let mut g = f.clone();
    g.key = true;
    assert_eq!(apply(ds, &index, &g).events.len() as u32, out.key);
    // The axis counts, per year, the events every other facet lets through.
    let mut g = f.clone();
    g.clear(Facet::Years);
    let on_axis = apply(ds, &index, &g)
        .events
        .iter()
        .filter(|&&i| (FIRST_YEAR..=LAST_YEAR).contains(&start_year(&ds.events[i as usize])))
        .count();
    assert_eq!(out.years.iter().sum::<u32>() as usize, on_axis);
}

#[test]
fn filters_narrow_as_a_reader_expects() {
    let ds = &DATASET;
    let index = SearchIndex::new(ds);
    let run = |q: &str| {
        let (f, n) = Filter::parse(ds, &Route::parse(q).query);
        assert!(n.is_empty(), "{q}: {n:?}");
        apply(ds, &index, &f).events
    };
    let all = run("#/timeline");
    assert_eq!(all.len(), ds.events.len());
    for i in run("#/timeline?from=1922&to=1922") {
        let e = &ds.events[i as usize];
        let (s, t) = (
            e.date.start_day().unwrap_or(i32::MIN),
            e.date.end_day().unwrap_or(i32::MAX),
        );
        assert!(
            s <= day_number(1922, 12, 31) && t >= day_number(1922, 1, 1),
            "{}",
            e.id
        );
    }
    for i in run("#/timeline?disputed=1&type=arrest") {
        let e = &ds.events[i as usize];
        assert!(
            !e.disputes.is_empty() && ds.event_types[e.kind as usize].id == "arrest",
            "{}",
            e.id
        );
    }
    let khiva = run("#/timeline?strand=khiva");
    let both = run("#/timeline?strand=khiva,bukhara");
    assert!(
        !khiva.is_empty() && both.len() > khiva.len(),
        "values of one key add up"
    );
    let moscow = run("#/timeline?source=moscow-cage");
    for i in &moscow {
        assert!(ds.events[*i as usize]
            .cite
            .iter()
            .any(|c| ds.sources[c.source as usize].id == "moscow-cage"));
    }
    // Chronological order is kept.
    let keys: Vec<_> = all
        .iter()
        .map(|&i| ds.events[i as usize].date.sort_key())
        .collect();
    assert!(keys.windows(2).all(|w| w[0] <= w[1]));
}

/// Any timeline state: a filter with every kind of value, a scheme, a page.
fn any_state() -> impl Strategy<Value = TimelineState> {
    let ds = &DATASET;
    let words = prop::sample::select(vec![
        "",
        "Bukeikhan",
        "Bökeikhan ұлы",
        "a&b=c",
        "100%",
        "semey 1917",
        "#/x?y",
    ]);
    let years = prop::option::of(FIRST_YEAR..=LAST_YEAR);
    let lists: Vec<_> = LISTS
        .iter()
        .map(|l| prop::collection::vec(0..(l.len)(ds) as u32, 0..3))
        .collect();
    let periods = prop_oneof![
        Just(Periods::Default),
        Just(Periods::None),
        (0..ds.schemes.len() as u32).prop_map(Periods::Scheme),
    ];
    let sort = prop::sample::select(Order::ALL.to_vec());
    let view = (
        sort,
        prop::option::of(0..ds.schemes.len() as u32),
        prop::sample::select(LaneBy::ALL.to_vec()),
        prop::option::of(prop::sample::select(vec![
            "1917/1920",
            "1919-09/1920-03",
            "1922-10-10/1922-10-14",
        ])),
        prop::option::of(0..ds.events.len() as u32),
    );
    (
        words,
        years.clone(),
        years,
        lists,
        any::<(bool, bool)>(),
        periods,
        1u32..4,
        view,
    )
        .prop_map(
            |(
                q,
                from,
                to,
                lists,
                (disputed, key),
                periods,
                page,
                (sort, compare, lanes, win, sel),
            )| {
                let mut f = Filter {
                    q: q.to_string(),
                    disputed,
                    key,
                    ..Filter::default()
                };
                f.set_years(from, to);
                for (l, values) in LISTS.iter().zip(lists) {
                    f.set_list(l.facet, values);
                }
                TimelineState {
                    filter: f,
                    periods,
                    compare,
                    lanes,
                    win: win.and_then(|w| Window::parse(w).0),
                    sel,
                    sort,
                    page,
                }
            },
        )
}

proptest! {
    #[test]
    fn state_to_url_to_state_is_the_identity(s in any_state()) {
        let ds = &DATASET;
        let url = s.href(ds);
        let (back, notices) = TimelineState::parse(ds, &Route::parse(&url).query);
        prop_assert!(notices.is_empty(), "{url}: {notices:?}");
        prop_assert_eq!(back, s, "{}", url);
    }

    #[test]
    fn arbitrary_query_strings_never_panic(
        pairs in prop::collection::vec(
            (prop::sample::select(vec![
                "q", "from", "to", "strand", "type", "person", "place", "org", "source",
                "disputed", "key", "periods", "sort", "page", "", "zz",
            ]), "[qfromtpersonplacestrand=&,%+#/?._19 ZzäöұҚ\\u{0}\\u{FFFD}😀-]{0,40}"),
            0..6,
        )
    ) {
        let ds = &DATASET;
        let index = SearchIndex::new(ds);
        let mut s = String::from("#/timeline?");
        for (k, v) in &pairs {
            s.push_str(k);
            s.push('=');
            s.push_str(v);
            s.push('&');
        }
        let (t, _) = TimelineState::parse(ds, &Route::parse(&s).query);
        let out = apply(ds, &index, &t.filter);
        let _ = page_of(&out.events, t.page);
        let _ = t.query(ds);
    }
}

#[test]
fn the_default_state_has_the_bare_link() {
    assert_eq!(TimelineState::default().href(&DATASET), "#/timeline");
    assert_eq!(TimelineState::default().query(&DATASET), "");
}

#[test]
fn the_list_parameters_follow_the_facet_table() {
    let keys: Vec<&str> = Filter::params().iter().map(|p| p.key).collect();
    let lists: Vec<&str> = LISTS.iter().map(|l| l.key).collect();
    assert_eq!(&keys[3..9], &lists[..]);
}

#[test]
fn a_very_long_value_reads_in_bounded_work() {
    let ds = &DATASET;
    let long = "A".repeat(100_000);
    let url = format!("#/timeline?person={long}&{}", "x=1&".repeat(25_000));
    let (_, notices) = TimelineState::parse(ds, &Route::parse(&url).query);
    assert_eq!(notices.len(), crate::core::link::MAX_NOTICES + 1);
    assert_eq!(
        notices.last(),
        Some(&Notice::More {
            count: 25_001 - crate::core::link::MAX_NOTICES
        })
    );
    assert!(notices[0].message().len() < 200);
}

#[test]
fn the_link_format_is_readable() {
    let ds = &DATASET;
    let (f, notices) = Filter::parse(
        ds,
        &Route::parse("#/timeline?q=Alash+Orda&from=1917&to=1920&strand=alash&person=alikhan-bukeikhan&disputed=1").query,
    );
    assert!(notices.is_empty());
    assert_eq!(
        f.query(ds),
        "q=Alash+Orda&from=1917&to=1920&strand=alash&person=alikhan-bukeikhan&disputed=1"
    );
}

#[test]
fn a_filter_reads_as_words() {
    let ds = &DATASET;
    let (f, _) = Filter::parse(
        ds,
        &Route::parse("#/timeline?q=Alash&from=1917&to=1920&person=alikhan-bukeikhan&disputed=1")
            .query,
    );
    assert_eq!(
        f.describe(ds),
        "search “Alash”; 1917–1920; person: Alikhan Bukeikhan; disputed only"
    );
    assert_eq!(Filter::default().describe(ds), "all events");
}

#[test]
fn bad_links_are_ignored_with_a_notice() {
    let ds = &DATASET;
    let (t, notices) = TimelineState::parse(
        ds,
        &Route::parse("#/timeline?from=abc&to=1800&person=nobody,alikhan-bukeikhan&colour=red&disputed=maybe&page=0&periods=zzz").query,
    );
    let f = &t.filter;
    assert_eq!(
        f.list(Facet::Person),
        &[ds.person_index("alikhan-bukeikhan").unwrap() as u32]
    );
    assert_eq!(
        (f.from(), f.to(), f.disputed, t.page, t.periods),
        (None, None, false, 1, Periods::Default)
    );
    let hint = "a year from 1891 to 1937 was expected";
    assert_eq!(
        notices,
        vec![
            Notice::BadValue {
                key: "from",
                value: "abc".into(),
                hint
            },
            Notice::BadValue {
                key: "to",
                value: "1800".into(),
                hint
            },
            Notice::UnknownId {
                what: "person",
                id: "nobody".into()
            },
            Notice::UnknownParam {
                key: "colour".into()
            },
            Notice::BadValue {
                key: "disputed",
                value: "maybe".into(),
                hint: "use disputed=1"
            },
            Notice::BadValue {
                key: "page",
                value: "0".into(),
                hint: "a page number was expected"
            },
            Notice::UnknownId {
                what: "periodisation",
                id: "zzz".into()
            },
        ]
    );
    assert_eq!(
        notices[0].message(),
        "Ignored “from=abc”: a year from 1891 to 1937 was expected."
    );
    assert_eq!(
        hint,
        format!("a year from {FIRST_YEAR} to {LAST_YEAR} was expected")
    );
    let (f, notices) = Filter::parse(ds, &Route::parse("#/timeline?from=1930&to=1917").query);
    assert_eq!((f.from(), f.to()), (Some(1917), Some(1930)));
    assert_eq!(
        notices,
        vec![Notice::YearsSwapped {
            from: 1917,
            to: 1930
        }]
    );
    assert_eq!(
        notices[0].message(),
        "The years were the wrong way round: showing 1917–1930."
    );
}

#[test]
fn pages_cover_the_results_once() {
    let events: Vec<u32> = (0..60).collect();
    assert_eq!(page_of(&events, 1), (&events[0..20], 3));
    assert_eq!(page_of(&events, 3).0, &events[40..60]);
    assert_eq!(
        page_of(&events, 99).0,
        &events[40..60],
        "a page past the end shows the last"
    );
    assert_eq!(page_of(&[], 1), (&[][..], 1));
}

#[test]
fn a_year_field_acts_on_whole_years_and_on_empty_only() {
    assert_eq!(typed_year(""), Some(None));
    assert_eq!(typed_year(" 1918 "), Some(Some(1918)));
    for partial in ["1", "19", "191", "0191", "1890", "19189", "-1918", "abc"] {
        assert_eq!(typed_year(partial), None, "{partial}");
    }
}

#[test]
fn every_event_is_on_the_axis_or_afterwards() {
    let ds = &DATASET;
    let o = apply(ds, &SearchIndex::new(ds), &Filter::default());
    let drawn: u32 = o.years.iter().sum();
    assert_eq!(drawn + o.afterwards, ds.events.len() as u32);
    let (first, last) = afterwards_years(ds).expect("events after 1937");
    assert!(first > LAST_YEAR && last >= first);
    assert!(o.afterwards > 0);
    let page = afterwards_page(ds, &o.events).unwrap();
    let (shown, _) = page_of(&o.events, page);
    assert!(shown
        .iter()
        .any(|&i| start_year(&ds.events[i as usize]) > LAST_YEAR));
}

#[test]
fn key_events_are_marked_in_the_data_and_filtered_by_key_1() {
    let ds = &DATASET;
    let (s, notices) = TimelineState::parse(ds, &Route::parse("#/timeline?key=1").query);
    assert!(notices.is_empty());
    assert_eq!(s.href(ds), "#/timeline?key=1");
    let o = apply(ds, &SearchIndex::new(ds), &s.filter);
    let n = ds.events.iter().filter(|e| e.key).count();
    assert!((10..=30).contains(&n), "{n} key events");
    assert_eq!(o.events.len(), n);
    assert!(o.events.iter().all(|&i| ds.events[i as usize].key));
    assert!(ds.event("alash-autonomy-proclaimed").is_some_and(|e| e.key));
    assert_eq!(s.filter.describe(ds), "key events only");
}

mod typed;

/// The filter as `apply` once worked it out, event by event from the records:
/// the reference its flattened tables ([`super::facts`]) must agree with.
fn reference(ds: &Dataset, index: &SearchIndex, filter: &Filter) -> Vec<String> {
    let text = index.search(&Search::new(&filter.q));
    let first = filter.from().map_or(i32::MIN, |y| day_number(y, 1, 1));
    let last = filter.to().map_or(i32::MAX, |y| day_number(y, 12, 31));
    let mut events = Vec::new();
    let mut without = [0u32; 10];
    let mut lists: Vec<Vec<u32>> = LISTS.iter().map(|l| vec![0; (l.len)(ds)]).collect();
    let mut years = vec![0u32; (LAST_YEAR - FIRST_YEAR + 1) as usize];
    let (mut afterwards, mut disputed, mut key) = (0, 0, 0);
    for (i, e) in ds.events.iter().enumerate() {
        let fails = |f: Facet| match f {
            Facet::Text => text.as_ref().is_some_and(|t| !t.contains(i)),
            Facet::Years => {
                let (s, t) = (
                    e.date.start_day().unwrap_or(i32::MIN),
                    e.date.end_day().unwrap_or(i32::MAX),
                );
                !(s <= last && t >= first)
            }
            Facet::Disputed => filter.disputed && e.disputes.is_empty(),
            Facet::Key => filter.key && !e.key,
            list => {
                let l = list.list().unwrap();
                let chosen = filter.list(list);
                let mut ok = chosen.is_empty();
                (l.values)(e, &mut |v| ok |= chosen.contains(&(v as u32)));
                !ok
            }
        };
        let failed: Vec<Facet> = Facet::ALL.into_iter().filter(|&f| fails(f)).collect();
        let counted: Vec<Facet> = match failed.as_slice() {
            [] => {
                events.push((i, text.as_ref().map(|t| t.rank(i))));
                Facet::ALL.to_vec()
            }
            [f] => vec![*f],
            _ => vec![],
        };
        for f in counted {
            without[f as usize] += 1;
            match f {
                Facet::Text => {}
                Facet::Years => {
                    let y = start_year(e);
                    if (FIRST_YEAR..=LAST_YEAR).contains(&y) {
                        years[(y - FIRST_YEAR) as usize] += 1;
                    } else if y > LAST_YEAR {
                        afterwards += 1;
                    }
                }
                Facet::Disputed => disputed += u32::from(!e.disputes.is_empty()),
                Facet::Key => key += u32::from(e.key),
                list => {
                    let k = LISTS.iter().position(|l| l.facet == list).unwrap();
                    let mut seen = BTreeSet::new();
                    (LISTS[k].values)(e, &mut |v| {
                        if seen.insert(v) {
                            lists[k][v] += 1
                        }
                    });
                }
            }
        }
    }
    let mut out = vec![
        format!("events {events:?}"),
        format!("without {without:?}"),
        format!("years {years:?} afterwards {afterwards}"),
        format!("disputed {disputed} key {key}"),
    ];
    out.extend(lists.iter().map(|l| format!("{l:?}")));
    out
}

fn as_reference(out: &Outcome) -> Vec<String> {
    let events: Vec<(usize, Option<u32>)> = out
        .events
        .iter()
        .enumerate()
        .map(|(k, &i)| (i as usize, out.ranks.get(k).copied()))
        .collect();
    let mut v = vec![
        format!("events {events:?}"),
        format!("without {:?}", out.without),
        format!("years {:?} afterwards {}", out.years, out.afterwards),
        format!("disputed {} key {}", out.disputed, out.key),
    ];
    v.extend(LISTS.iter().map(|l| format!("{:?}", out.counts(l.facet))));
    v
}

/// A filter of a few facets at a time, each likely to match something.
fn some_filter() -> impl Strategy<Value = Filter> {
    let ds = &DATASET;
    let q = prop::sample::select(vec![
        "",
        "",
        "alash",
        "bukeikhan",
        "kokand 1918",
        "a",
        "arrested",
        "zzzz",
        "basmachi congress",
    ]);
    let years = (
        prop::option::weighted(0.3, 1900..=1937),
        prop::option::weighted(0.3, 1900..=1937),
    );
    let lists: Vec<_> = LISTS
        .iter()
        .map(|l| prop::option::weighted(0.25, prop::collection::vec(0..(l.len)(ds) as u32, 1..3)))
        .collect();
    let flags = (prop::bool::weighted(0.2), prop::bool::weighted(0.2));
    (q, years, lists, flags).prop_map(|(q, (from, to), lists, (disputed, key))| {
        let mut f = Filter {
            q: q.into(),
            disputed,
            key,
            ..Filter::default()
        };
        f.set_years(from, to);
        for (l, values) in LISTS.iter().zip(lists) {
            f.set_list(l.facet, values.unwrap_or_default());
        }
        f
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    /// Every count the flattened tables give is what reading each event's
    /// records gives: the matches, their ranks, every facet's counts.
    #[test]
    fn apply_agrees_with_reading_every_record(f in some_filter()) {
        let ds = &DATASET;
        let index = &crate::core::dataset::SEARCH;
        prop_assert_eq!(as_reference(&apply(ds, index, &f)), reference(ds, index, &f), "{:?}", f);
    }
}

/// A picker offers the values with the most events under the rest of the
/// filter (ties in dataset order), never one already chosen, at most `max`.
#[test]
fn a_picker_offers_the_values_with_most_events_first() {
    let ds = &DATASET;
    let index = SearchIndex::new(ds);
    let mut f = Filter {
        q: "alash".into(),
        ..Filter::default()
    };
    f.set_list(Facet::Person, vec![0]);
    let out = apply(ds, &index, &f);
    for facet in [Facet::Person, Facet::Place, Facet::Org] {
        for max in [0, 1, 6, 10_000] {
            let mut all: Vec<(u32, u32)> = out
                .counts(facet)
                .iter()
                .enumerate()
                .filter(|&(v, &n)| n > 0 && !f.list(facet).contains(&(v as u32)))
                .map(|(v, &n)| (v as u32, n))
                .collect();
            all.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            all.truncate(max);
            assert_eq!(
                pick::suggest(ds, &out, &f, facet, "", max),
                all,
                "{facet:?} {max}"
            );
        }
    }
    let people = pick::suggest(ds, &out, &f, Facet::Person, "dulat", 6);
    assert!(!people.is_empty());
    assert!(people
        .iter()
        .all(|&(v, _)| pick::names_of(ds, Facet::Person, v)
            .to_lowercase()
            .contains("dulat")));
}
