//! Present mode (`#/present?<timeline filter>&at=<event-id>`): the slides of a
//! filter result and the words that name it.
//!
//! A [`Deck`] is an opening slide, one slide per event in date order, and a
//! closing slide (the sources cited). Slide `i` is 0 (opening) … `len() - 1`
//! (closing); moving past either end stays there. The link names the slide:
//! `at=<event id>`, `at=sources` for the closing slide, nothing for the opening
//! one; an unknown id or an event outside the selection opens the first slide
//! with a notice. [`selection_words`] names the selection from the filter's
//! parts ("Events about Khiva, 1918–1920"), [`opening_words`] adds the count.

use crate::core::filter::{self, Facet, Filter};
use crate::core::model::Dataset;

use super::marks::Extent;
use super::scale::{Limits, Scale, Window};

/// The `at=` value of the closing slide.
pub const CLOSING_AT: &str = "sources";

/// What a slide shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slide {
    /// The selection named in words.
    Opening,
    /// One event (dataset index).
    Event(u32),
    /// The sources the slides cite.
    Closing,
}

/// The slides of a filter result.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Deck {
    events: Vec<u32>,
}

impl Deck {
    /// The slides of `events` (dataset indices), put in date order (ties keep
    /// their order: `filter::apply` already gives dates in order).
    pub fn new(ds: &Dataset, events: &[u32]) -> Deck {
        let mut events: Vec<u32> = events
            .iter()
            .copied()
            .filter(|&i| (i as usize) < ds.events.len())
            .collect();
        events.sort_by_key(|&i| ds.events[i as usize].date.sort_key());
        Deck { events }
    }

    /// The events, in slide order.
    pub fn events(&self) -> &[u32] {
        &self.events
    }

    /// Slides, the opening and closing ones included.
    pub fn len(&self) -> usize {
        self.events.len() + 2
    }

    /// Never: there are always the opening and closing slides.
    pub fn is_empty(&self) -> bool {
        false
    }

    /// Slide `i` (past the end: the closing slide).
    pub fn slide(&self, i: usize) -> Slide {
        match i {
            0 => Slide::Opening,
            i if i <= self.events.len() => Slide::Event(self.events[i - 1]),
            _ => Slide::Closing,
        }
    }

    /// →, Space, PageDown, swipe left.
    pub fn next(&self, i: usize) -> usize {
        (i + 1).min(self.len() - 1)
    }

    /// ←, PageUp, swipe right.
    pub fn prev(&self, i: usize) -> usize {
        i.min(self.len() - 1).saturating_sub(1)
    }

    /// Home.
    pub fn home(&self) -> usize {
        0
    }

    /// End.
    pub fn end(&self) -> usize {
        self.len() - 1
    }

    /// The slide of an event, if it is in the deck.
    pub fn of_event(&self, event: u32) -> Option<usize> {
        self.events.iter().position(|&e| e == event).map(|k| k + 1)
    }

    /// "Event 3 of 14" for an event slide: `Some((3, 14))`.
    pub fn progress(&self, i: usize) -> Option<(usize, usize)> {
        matches!(self.slide(i), Slide::Event(_)).then_some((i, self.events.len()))
    }

    /// The slide an `at=` value opens (`None`: absent), with a notice when it
    /// names no slide of this deck.
    pub fn parse_at(&self, ds: &Dataset, value: Option<&str>) -> (usize, Option<String>) {
        let Some(v) = value.map(str::trim) else {
            return (0, None);
        };
        if let Some(i) = ds.event_index(v) {
            if let Some(k) = self.of_event(i as u32) {
                return (k, None);
            }
            return (
                0,
                Some(format!(
                    "The event “{v}” is not among these events: starting from the first slide."
                )),
            );
        }
        if v == CLOSING_AT {
            return (self.end(), None);
        }
        if v.is_empty() {
            return (0, None);
        }
        (
            0,
            Some(format!("Ignored “at={v}”: there is no such event.")),
        )
    }

    /// The `at=` value of slide `i` (`None` for the opening slide).
    pub fn at(&self, ds: &Dataset, i: usize) -> Option<&'static str> {
        match self.slide(i) {
            Slide::Opening => None,
            Slide::Event(e) => Some(ds.events[e as usize].id),
            Slide::Closing => Some(CLOSING_AT),
        }
    }

    /// The window of the slides' strip: all the deck's events.
    pub fn window(&self, ds: &Dataset, limits: &Limits) -> Window {
        Window::fit(
            self.events
                .iter()
                .map(|&e| Extent::of(&ds.events[e as usize].date).days()),
            limits,
        )
    }

    /// Where slide `i`'s event sits on the strip (`scale`, e.g. from
    /// [`Deck::window`]): the middle of its date (`None` for other slides).
    pub fn strip_x(&self, ds: &Dataset, i: usize, scale: &Scale) -> Option<f64> {
        match self.slide(i) {
            Slide::Event(e) => {
                let x = Extent::of(&ds.events[e as usize].date);
                Some(scale.x((f64::from(x.start) + f64::from(x.end)) / 2.0))
            }
            _ => None,
        }
    }

    /// The sources the deck's events cite (indices, in the dataset's order),
    /// with how many of the events cite each: the closing slide.
    pub fn sources(&self, ds: &Dataset) -> Vec<(u8, u32)> {
        let mut counts = vec![0u32; ds.sources.len()];
        for &e in &self.events {
            let mut seen = 0u64;
            for c in ds.events[e as usize].cite {
                if seen & (1 << (c.source % 64)) == 0 {
                    seen |= 1 << (c.source % 64);
                    if let Some(n) = counts.get_mut(c.source as usize) {
                        *n += 1;
                    }
                }
            }
        }
        counts
            .into_iter()
            .enumerate()
            .filter(|&(_, n)| n > 0)
            .map(|(s, n)| (s as u8, n))
            .collect()
    }
}

/// "A", "A or B", "A, B or C".
fn or_list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

/// A strand's name in a sentence: its id with a capital and spaces ("Khiva",
/// "Revolt 1916").
fn strand_name(id: &str) -> String {
    let mut s: String = id.replace('-', " ");
    if let Some(c) = s.get(..1) {
        let up = c.to_uppercase();
        s.replace_range(..1, &up);
    }
    s
}

/// The selection in words, from the filter's parts: "Events about Khiva,
/// 1918–1920", "Disputed events with Alikhan Bukeikhan matching “arrest”",
/// "All events".
pub fn selection_words(ds: &Dataset, f: &Filter) -> String {
    let names = |facet: Facet, name: &dyn Fn(u32) -> String| -> String {
        let v: Vec<String> = f.list(facet).iter().map(|&i| name(i)).collect();
        or_list(&v)
    };
    let mut s = String::from(if f.disputed {
        "Disputed events"
    } else {
        "Events"
    });
    if !f.list(Facet::Type).is_empty() {
        s.push_str(" of type ");
        s.push_str(&names(Facet::Type, &|i| {
            filter::id_of(ds, Facet::Type, i).to_string()
        }));
    }
    if !f.list(Facet::Strand).is_empty() {
        s.push_str(" about ");
        s.push_str(&names(Facet::Strand, &|i| {
            strand_name(filter::id_of(ds, Facet::Strand, i))
        }));
    }
    for (facet, word) in [
        (Facet::Person, " with "),
        (Facet::Place, " in "),
        (Facet::Org, " involving "),
        (Facet::Source, " cited from "),
    ] {
        if !f.list(facet).is_empty() {
            s.push_str(word);
            s.push_str(&names(facet, &|i| {
                filter::label_of(ds, facet, i).to_string()
            }));
        }
    }
    if f.is_active(Facet::Text) {
        s.push_str(&format!(" matching “{}”", f.q.trim()));
    }
    match (f.from(), f.to()) {
        (Some(a), Some(b)) if a == b => s.push_str(&format!(", {a}")),
        (Some(a), Some(b)) => s.push_str(&format!(", {a}–{b}")),
        (Some(a), None) => s.push_str(&format!(", from {a}")),
        (None, Some(b)) => s.push_str(&format!(", to {b}")),
        (None, None) => {}
    }
    if s == "Events" {
        s = "All events".into();
    }
    s
}

/// The opening slide's words: "Events about Khiva, 1918–1920 · 14 events".
pub fn opening_words(ds: &Dataset, f: &Filter, events: usize) -> String {
    let n = if events == 1 {
        "1 event".to_string()
    } else {
        format!("{events} events")
    };
    format!("{} · {n}", selection_words(ds, f))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::dataset::{DATASET, SEARCH};
    use crate::core::link::LinkState;
    use crate::core::route::Route;

    fn filter(link: &str) -> Filter {
        let (f, notices) = Filter::parse(&DATASET, &Route::parse(link).query);
        assert!(notices.is_empty(), "{link}: {notices:?}");
        f
    }

    #[test]
    fn the_opening_slide_names_the_selection() {
        let ds = &DATASET;
        let f = filter("#/timeline?strand=khiva&from=1918&to=1920");
        let out = filter::apply(ds, &SEARCH, &f);
        let n = out.events.len();
        assert!(n > 0);
        assert_eq!(
            opening_words(ds, &f, n),
            format!("Events about Khiva, 1918–1920 · {n} events")
        );
        assert_eq!(
            opening_words(ds, &filter("#/timeline"), 1),
            "All events · 1 event"
        );
        assert_eq!(
            selection_words(
                ds,
                &filter(
                    "#/timeline?q=arrest&person=alikhan-bukeikhan&disputed=1&from=1922&to=1922"
                )
            ),
            "Disputed events with Alikhan Bukeikhan matching “arrest”, 1922"
        );
        assert_eq!(
            selection_words(
                ds,
                &filter(
                    "#/timeline?strand=khiva,bukhara,revolt-1916&type=battle&place=semey&from=1917"
                )
            ),
            "Events of type battle about Revolt 1916, Khiva or Bukhara in Semey, from 1917"
        );
    }

    #[test]
    fn slides_go_in_date_order_and_stop_at_the_ends() {
        let ds = &DATASET;
        let f = filter("#/timeline?strand=khiva");
        let out = filter::apply(ds, &SEARCH, &f);
        let mut reversed = out.events.clone();
        reversed.reverse();
        let deck = Deck::new(ds, &reversed);
        assert_eq!(deck.len(), out.events.len() + 2);
        let keys: Vec<_> = deck
            .events()
            .iter()
            .map(|&e| ds.events[e as usize].date.sort_key())
            .collect();
        assert!(keys.windows(2).all(|w| w[0] <= w[1]));
        assert_eq!(deck.slide(0), Slide::Opening);
        assert_eq!(deck.slide(1), Slide::Event(deck.events()[0]));
        assert_eq!(deck.slide(deck.end()), Slide::Closing);
        assert_eq!(deck.prev(0), 0);
        assert_eq!(deck.next(deck.end()), deck.end());
        assert_eq!(deck.next(0), 1);
        assert_eq!(deck.prev(99), deck.end() - 1);
        assert_eq!(deck.progress(3), Some((3, out.events.len())));
        assert_eq!(deck.progress(0), None);
        // Walking forward visits every slide once.
        let mut i = deck.home();
        let mut seen = 1;
        while deck.next(i) != i {
            i = deck.next(i);
            seen += 1;
        }
        assert_eq!(seen, deck.len());
        assert!(!deck.sources(ds).is_empty());
        let empty = Deck::new(ds, &[]);
        assert_eq!((empty.len(), empty.slide(1)), (2, Slide::Closing));
    }

    #[test]
    fn the_link_follows_the_slide() {
        let ds = &DATASET;
        let out = filter::apply(ds, &SEARCH, &filter("#/timeline?strand=khiva"));
        let deck = Deck::new(ds, &out.events);
        for i in 0..deck.len() {
            let at = deck.at(ds, i);
            assert_eq!(deck.parse_at(ds, at), (i, None), "{at:?}");
        }
        assert_eq!(deck.at(ds, 0), None);
        assert_eq!(deck.at(ds, deck.end()), Some(CLOSING_AT));
        let (i, notice) = deck.parse_at(ds, Some("no-such-event"));
        assert_eq!(i, 0);
        assert_eq!(
            notice.as_deref(),
            Some("Ignored “at=no-such-event”: there is no such event.")
        );
        let outside = ds
            .events
            .iter()
            .find(|e| !e.tags.contains(&ds.tag("khiva").unwrap()))
            .unwrap();
        let (i, notice) = deck.parse_at(ds, Some(outside.id));
        assert_eq!(i, 0);
        assert!(notice.unwrap().contains("not among these events"));
        assert_eq!(deck.parse_at(ds, Some("")), (0, None));
    }

    #[test]
    fn the_strip_places_each_slide_among_the_others() {
        let ds = &DATASET;
        let out = filter::apply(ds, &SEARCH, &filter("#/timeline?strand=khiva"));
        let deck = Deck::new(ds, &out.events);
        let limits = Limits::of_dataset(ds);
        let s = Scale::new(deck.window(ds, &limits), 800.0);
        let xs: Vec<f64> = (1..deck.len() - 1)
            .map(|i| deck.strip_x(ds, i, &s).unwrap())
            .collect();
        assert!(xs.iter().all(|&x| (0.0..=800.0).contains(&x)));
        assert_eq!(deck.strip_x(ds, 0, &s), None);
    }
}
