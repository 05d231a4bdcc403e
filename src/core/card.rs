//! A timeline card, and a line of citations, written as HTML: the view sets the
//! string as the element's contents, one parse by the browser instead of a call
//! across to JavaScript per node. That is what keeps the twenty new cards of a
//! keystroke cheap at 100,000 events (issue #17). Every text and attribute
//! value is escaped as it is written; the markup holds links only (no handlers).

use crate::core::event_page::timeline_of;
use crate::core::filter::Facet;
use crate::core::glossary::{Matcher, Page, Piece};
use crate::core::model::{Cite, Dataset, Event};
use crate::core::people::NameIndex;
use crate::core::reader::cite_href;
use crate::core::route::View;
use crate::core::stats::claimed_dates_text;
use crate::core::text::{spans_of, split_marked, Search, Spans};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// HTML being written: text and attribute values escaped.
#[derive(Default)]
pub struct Html(String);

impl Html {
    /// Text, escaped.
    pub fn text(&mut self, t: &str) -> &mut Html {
        for c in t.chars() {
            match c {
                '&' => self.0.push_str("&amp;"),
                '<' => self.0.push_str("&lt;"),
                '>' => self.0.push_str("&gt;"),
                '"' => self.0.push_str("&quot;"),
                c => self.0.push(c),
            }
        }
        self
    }

    /// A start tag with its attributes (values escaped).
    pub fn open(&mut self, tag: &str, attrs: &[(&str, &str)]) -> &mut Html {
        self.0.push('<');
        self.0.push_str(tag);
        for (k, v) in attrs {
            self.0.push(' ');
            self.0.push_str(k);
            self.0.push_str("=\"");
            self.text(v);
            self.0.push('"');
        }
        self.0.push('>');
        self
    }

    pub fn close(&mut self, tag: &str) -> &mut Html {
        self.0.push_str("</");
        self.0.push_str(tag);
        self.0.push('>');
        self
    }

    /// `<tag attrs>text</tag>`.
    pub fn element(&mut self, tag: &str, attrs: &[(&str, &str)], text: &str) -> &mut Html {
        self.open(tag, attrs).text(text).close(tag)
    }

    /// A link.
    pub fn link(&mut self, href: &str, text: &str) -> &mut Html {
        self.element("a", &[("href", href)], text)
    }

    /// `text` with the words the search matches in `<mark>`; `name` when the
    /// text is a name (typos and initials count). The text's words are read
    /// once and kept ([`spans`]): each keystroke marks the cards again.
    pub fn marked(&mut self, text: &'static str, q: &Search, name: bool) -> &mut Html {
        let marks = if q.is_empty() {
            Vec::new()
        } else {
            q.marks_in(&spans(text), name)
        };
        for (t, m) in split_marked(text, &marks) {
            if m {
                self.element("mark", &[], t);
            } else {
                self.text(t);
            }
        }
        self
    }

    /// Items joined with ", ".
    fn comma<T>(&mut self, items: impl IntoIterator<Item = T>, mut each: impl FnMut(&mut Html, T)) {
        for (i, item) in items.into_iter().enumerate() {
            if i > 0 {
                self.text(", ");
            }
            each(self, item);
        }
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

/// The words of a text of the dataset, read once (by the text's address); the
/// texts of the cards a reader has seen, up to a few thousand, then again.
fn spans(text: &'static str) -> Rc<Spans> {
    thread_local! {
        static SPANS: RefCell<HashMap<(usize, usize), Rc<Spans>>> = RefCell::default();
    }
    SPANS.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() > 4096 {
            c.clear();
        }
        c.entry((text.as_ptr() as usize, text.len()))
            .or_insert_with(|| Rc::new(spans_of(text)))
            .clone()
    })
}

/// Citations grouped by source and section — `Moscow Cage: “Arrest” ¶ 47, 49 ·
/// Alash Autonomy: ¶ 9` — each paragraph number a link to it in the reader.
pub fn cite_parts(ds: &Dataset, cites: &[Cite], h: &mut Html) {
    for (i, g) in ds.cite_groups(cites).into_iter().enumerate() {
        if i > 0 {
            h.text(" · ");
        }
        h.text(ds.sources[g.source as usize].title).text(": ");
        for (j, (heading, cs)) in g.sections.into_iter().enumerate() {
            if j > 0 {
                h.text("; ");
            }
            if let Some(heading) = heading {
                h.text(&format!("“{heading}” "));
            }
            h.text("¶ ");
            h.comma(cs, |h, c| {
                h.link(&cite_href(ds, &c), &c.paragraphs());
            });
        }
    }
}

/// The contents of an event's card on the timeline (inside its `<li>`): date
/// (key event, the dates the sources give, disputes), title linking to the
/// event, summary with its glossary terms linked, people (with the spelling
/// the search found one by), places, strands, sources; the search's words marked.
pub fn card(
    ds: &Dataset,
    e: &'static Event,
    q: &Search,
    names: &NameIndex,
    terms: &Matcher,
) -> String {
    let mut h = Html::default();
    h.open("article", &[]).open("p", &[("class", "card-date")]);
    h.element("time", &[], &e.date.display());
    if e.key {
        h.text(" ")
            .element("span", &[("class", "key-mark")], "Key event");
    }
    if let Some(t) = claimed_dates_text(ds, e) {
        h.element("span", &[("class", "claimed")], &format!(" — {t}"));
    }
    if !e.disputes.is_empty() {
        h.text(" ")
            .open("span", &[("class", "disputed-mark")])
            .text("Disputed: ");
        h.comma(e.disputes.iter(), |h, &d| {
            let d = &ds.disputes[d as usize];
            h.link(&View::Dispute(d.id.into()).href(), d.title);
        });
        h.close("span");
    }
    h.close("p");
    h.open("h3", &[])
        .open("a", &[("href", &View::Event(e.id.into()).href())]);
    h.marked(e.title, q, false).close("a").close("h3");
    // The summary's glossary terms link (the title is the card's link to the
    // event); the search's words are marked between them.
    h.open("p", &[]);
    for piece in Page::new(terms).pieces(e.summary) {
        match piece {
            Piece::Text(t) => {
                h.marked(t, q, false);
            }
            Piece::Term(t, i) => {
                let href = View::Term(ds.glossary[i as usize].id.into()).href();
                h.element("a", &[("class", "term"), ("href", &href)], t);
            }
        }
    }
    h.close("p").open("p", &[("class", "meta small")]);
    let typed: Vec<&str> = q.terms.iter().map(|t| t.ascii.as_str()).collect();
    let typed = typed.join(" ");
    if !e.people.is_empty() {
        h.element("span", &[("class", "k")], "People: ");
        h.comma(e.people.iter(), |h, &p| {
            let person = &ds.people[p as usize];
            h.link(&View::Person(person.id.into()).href(), person.name);
            if let Some(n) = names.matched_name(ds, p as usize, &typed) {
                h.element(
                    "span",
                    &[("class", "found-as")],
                    &format!(" (found as “{n}”)"),
                );
            }
        });
    }
    if !e.places.is_empty() {
        h.element("span", &[("class", "k")], "Places: ");
        let places: Vec<&str> = e
            .places
            .iter()
            .map(|&p| ds.places[p as usize].name)
            .collect();
        h.text(&places.join(", "));
    }
    h.element("span", &[("class", "k")], "Strand: ");
    h.comma(e.tags.iter(), |h, &t| {
        let tag = &ds.tags[t as usize];
        let href = timeline_of(ds, Facet::Strand, t as u32);
        h.element(
            "a",
            &[("href", &href), ("title", tag.description)],
            tag.name,
        );
    });
    h.open("cite", &[("class", "card-cites")]).text("Sources: ");
    cite_parts(ds, e.cite, &mut h);
    h.close("cite").close("p").close("article");
    h.into_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::dataset::{DATASET, SEARCH};

    #[test]
    fn text_and_attributes_are_escaped() {
        let mut h = Html::default();
        h.element(
            "a",
            &[("href", "#/x?a=1&b=\"2\"")],
            "<script>alert('&')</script>",
        );
        assert_eq!(
            h.into_string(),
            "<a href=\"#/x?a=1&amp;b=&quot;2&quot;\">&lt;script&gt;alert('&amp;')&lt;/script&gt;</a>"
        );
    }

    fn card_of(id: &str, q: &str) -> String {
        let ds = &DATASET;
        let e = ds.events.iter().find(|e| e.id == id).expect(id);
        let names = NameIndex::new(ds);
        let terms = Matcher::new(ds);
        card(
            ds,
            e,
            &SEARCH.prepare_query(&Search::new(q)),
            &names,
            &terms,
        )
    }

    /// Every event's card is well formed: each element opened is closed, in
    /// order, and no text holds a raw `<` or `>`.
    #[test]
    fn every_card_is_balanced_markup() {
        let ds = &DATASET;
        let names = NameIndex::new(ds);
        let terms = Matcher::new(ds);
        let q = SEARCH.prepare_query(&Search::new("alash kokand"));
        for e in ds.events {
            let html = card(ds, e, &q, &names, &terms);
            let mut open: Vec<&str> = Vec::new();
            for tag in html.split('<').skip(1) {
                let name = tag.split([' ', '>']).next().unwrap();
                if let Some(closing) = name.strip_prefix('/') {
                    assert_eq!(open.pop(), Some(closing), "{}: {html}", e.id);
                } else {
                    open.push(name);
                }
                let text = tag.split_once('>').map_or("", |(_, t)| t);
                assert!(!text.contains('>'), "{}: {html}", e.id);
            }
            assert!(open.is_empty(), "{}: {html}", e.id);
            assert!(
                html.contains(&format!(
                    "<h3><a href=\"{}\">",
                    View::Event(e.id.into()).href()
                )),
                "{}",
                e.id
            );
        }
    }

    #[test]
    fn a_card_says_what_the_event_page_links_to() {
        let ds = &DATASET;
        let e = ds
            .events
            .iter()
            .find(|e| !e.disputes.is_empty() && !e.people.is_empty())
            .unwrap();
        let html = card_of(e.id, "");
        assert!(
            html.starts_with("<article><p class=\"card-date\"><time>"),
            "{html}"
        );
        assert!(html.contains(&format!(
            "<h3><a href=\"{}\">",
            View::Event(e.id.into()).href()
        )));
        let d = &ds.disputes[e.disputes[0] as usize];
        assert!(html.contains(&format!(
            "<a href=\"{}\">",
            View::Dispute(d.id.into()).href()
        )));
        let p = &ds.people[e.people[0] as usize];
        assert!(html.contains(&format!(
            "<span class=\"k\">People: </span><a href=\"{}\">",
            View::Person(p.id.into()).href()
        )));
        assert!(html.contains(&format!("<a href=\"{}\">", cite_href(ds, &e.cite[0]))));
        assert!(!html.contains("<mark>"), "no search, nothing marked");
    }

    #[test]
    fn the_search_is_marked_and_another_spelling_said() {
        let ds = &DATASET;
        let bukeikhan = ds.person("alikhan-bukeikhan").unwrap();
        let e = ds.events_of(bukeikhan).next().unwrap();
        let html = card_of(e.id, "Bokeikhanov");
        assert!(html.contains("(found as “"), "{html}");
        let plain = card_of(e.id, "Bukeikhan");
        assert!(!plain.contains("found as"), "{plain}");
        let kokand = ds
            .events
            .iter()
            .find(|e| e.title.contains("Kokand"))
            .unwrap();
        assert!(card_of(kokand.id, "kokand").contains("<mark>Kokand</mark>"));
    }
}
