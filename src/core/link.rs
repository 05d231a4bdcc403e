//! A view's state in the link, defined once.
//!
//! Every view whose state lives in the URL (the timeline, the people index, the
//! quiz, and the views built on them) describes its parameters in ONE table of
//! [`Param`]s: the key, what it means, how a value is read into the state and
//! how the state writes it back. [`LinkState`] turns that table into
//! `parse → (state, notices)`, `query()` and `href()`, so no view parses or
//! writes a link by hand, and the link format is documented where it is
//! defined (like ripgrep's `crates/core/flags/`, one definition per flag).
//!
//! Parsing never fails: whatever is not understood is dropped and described by
//! a typed [`Notice`], so tests can say exactly which part was ignored.
//!
//! Values are percent-encoded by [`encode_value`] (a space is `+`; letters,
//! digits and `-._~,:/` stay readable): the one encoder for every query value.

use super::model::Dataset;
use super::route::encode;

/// Something in a link that was not understood, and was ignored or corrected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// A key no parameter of this view has.
    UnknownParam { key: String },
    /// A value a parameter can't take; `hint` says what it takes.
    BadValue {
        key: &'static str,
        value: String,
        hint: &'static str,
    },
    /// An id that names nothing of its kind (`what`: "person", "strand" …).
    UnknownId { what: &'static str, id: String },
    /// A number above the parameter's maximum, clamped to it.
    Clamped {
        key: &'static str,
        asked: u64,
        max: u32,
    },
    /// `from` after `to`: the two were swapped.
    YearsSwapped { from: i32, to: i32 },
    /// The quiz's `ask` named no known question type: every type is asked.
    NoQuestionType,
    /// A page past the last one: the last page is shown.
    PageBeyond { asked: u32, last: u32 },
    /// A time window given the wrong way round: turned round.
    WindowSwapped { shown: String },
    /// An event that exists but is not among the events shown.
    NotShown { id: String },
    /// A text value longer than [`MAX_TEXT`] characters, cut to that length.
    Shortened { key: &'static str, max: usize },
    /// More notices than are shown, folded into one.
    More { count: usize },
    /// A paragraph past a source's last one: the last is shown.
    ParagraphBeyond { asked: u32, last: u16 },
}

/// How much of a value a notice repeats, and how many notices are listed:
/// a link of any length gives a short, bounded list.
pub const MAX_SHOWN_VALUE: usize = 60;
pub const MAX_NOTICES: usize = 10;
/// The longest free text a link carries into a view (a search): what is
/// reflected on the page, and the work a search does, stay bounded.
pub const MAX_TEXT: usize = 200;

/// `v` cut to at most `max` characters (on a character boundary).
pub fn clip(v: &str, max: usize) -> &str {
    match v.char_indices().nth(max) {
        Some((at, _)) => &v[..at],
        None => v,
    }
}

/// `v` as a notice or a page repeats it: at most [`MAX_SHOWN_VALUE`]
/// characters, then "…".
pub fn shown(v: &str) -> String {
    if v.chars().count() <= MAX_SHOWN_VALUE {
        v.to_string()
    } else {
        let mut s: String = v.chars().take(MAX_SHOWN_VALUE).collect();
        s.push('…');
        s
    }
}

impl Notice {
    /// What the reader is told.
    pub fn message(&self) -> String {
        match self {
            Notice::UnknownParam { key } => {
                format!("Ignored unknown link parameter “{}”.", shown(key))
            }
            Notice::BadValue { key, value, hint } => {
                format!("Ignored “{key}={}”: {hint}.", shown(value))
            }
            Notice::UnknownId { what, id } => format!("Ignored unknown {what} “{}”.", shown(id)),
            Notice::Clamped { key: _, asked, max } => {
                format!("A quiz has at most {max} questions: asking {max}, not {asked}.")
            }
            Notice::YearsSwapped { from, to } => {
                format!("The years were the wrong way round: showing {from}–{to}.")
            }
            Notice::NoQuestionType => {
                "No known question type was asked for: asking every type.".into()
            }
            Notice::PageBeyond { asked, last } => {
                format!("There is no page {asked}: showing the last page, {last}.")
            }
            Notice::WindowSwapped { shown } => {
                format!(
                    "The time window was the wrong way round: showing {}.",
                    shown
                )
            }
            Notice::NotShown { id } => format!(
                "The event “{}” is not among these events: starting from the first.",
                shown(id)
            ),
            Notice::Shortened { key, max } => {
                format!("“{key}” was longer than {max} characters: only its first {max} are used.")
            }
            Notice::More { count } => format!("… and {count} more."),
            Notice::ParagraphBeyond { asked, last } => {
                format!("This text has no paragraph {asked}: it has {last}, showing the last.")
            }
        }
    }
}

/// The notices of one parse, capped at [`MAX_NOTICES`] (the rest are counted).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Notices {
    list: Vec<Notice>,
    more: usize,
}

impl Notices {
    pub fn push(&mut self, n: Notice) {
        if self.list.len() < MAX_NOTICES {
            self.list.push(n);
        } else {
            self.more += 1;
        }
    }

    pub fn bad(&mut self, key: &'static str, value: &str, hint: &'static str) {
        self.push(Notice::BadValue {
            key,
            value: value.to_string(),
            hint,
        });
    }

    pub fn unknown_id(&mut self, what: &'static str, id: &str) {
        self.push(Notice::UnknownId {
            what,
            id: id.to_string(),
        });
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub fn len(&self) -> usize {
        self.list.len() + self.more
    }

    /// The notices in the order found, then "… and N more" if any were folded.
    pub fn into_vec(self) -> Vec<Notice> {
        let mut v = self.list;
        if self.more > 0 {
            v.push(Notice::More { count: self.more });
        }
        v
    }
}

/// The query being written: `key=value` pairs joined by `&`, values encoded.
#[derive(Default)]
pub struct Query(String);

impl Query {
    /// Adds `key=value` (the value percent-encoded).
    pub fn add(&mut self, key: &str, value: &str) {
        if !self.0.is_empty() {
            self.0.push('&');
        }
        self.0.push_str(key);
        self.0.push('=');
        self.0.push_str(&encode_value(value));
    }

    /// Adds `key=a,b,c` unless the list is empty.
    pub fn list<'a>(&mut self, key: &str, ids: impl Iterator<Item = &'a str>) {
        let ids: Vec<&str> = ids.collect();
        if !ids.is_empty() {
            self.add(key, &ids.join(","));
        }
    }

    /// Adds `key=value` when `value` is not empty.
    pub fn text(&mut self, key: &str, value: &str) {
        if !value.is_empty() {
            self.add(key, value);
        }
    }

    /// Adds `key=value` when there is a value.
    pub fn opt(&mut self, key: &str, value: Option<impl AsRef<str>>) {
        if let Some(v) = value {
            self.add(key, v.as_ref());
        }
    }

    /// Adds `key=1` when the flag is set.
    pub fn flag(&mut self, key: &str, on: bool) {
        if on {
            self.add(key, "1");
        }
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

/// One parameter of a view's link: its key, its meaning, and how it is read
/// and written. A view's parameters are one `&'static [Param<S>]` table.
pub struct Param<S: 'static> {
    pub key: &'static str,
    /// What the parameter means (one line, as the README says it).
    pub doc: &'static str,
    /// Reads one occurrence of the key (a key may repeat); what it can't use
    /// goes to the notices.
    pub read: fn(&mut S, &Dataset, &str, &mut Notices),
    /// Writes the parameter if the state differs from the default.
    pub write: fn(&S, &Dataset, &mut Query),
}

/// A view's state held in the link.
pub trait LinkState: Default + Sized + 'static {
    /// The view's path, as a fragment with its `#` (`#/timeline`).
    const PATH: &'static str;
    /// Keys this view reads without effect or notice (the quiz ignores the
    /// timeline's `page`, so a timeline's parameters can be carried over).
    const SILENT: &'static [&'static str] = &[];

    /// The view's own parameters, in the order the link writes them.
    fn params() -> &'static [Param<Self>];

    /// Rules that involve several parameters, applied after all are read
    /// (e.g. years the wrong way round are swapped).
    fn finish(&mut self, _ds: &Dataset, _notices: &mut Notices) {}

    /// A state carried inside this one (the quiz's topic is a timeline
    /// filter): keys that are not this view's own are read into it, and it is
    /// written first.
    fn inner(&mut self) -> Option<&mut dyn Inner> {
        None
    }
    fn inner_ref(&self) -> Option<&dyn Inner> {
        None
    }

    /// Reads a link's decoded query pairs. Never fails.
    fn parse(ds: &Dataset, pairs: &[(String, String)]) -> (Self, Vec<Notice>) {
        let mut s = Self::default();
        let mut notices = Notices::default();
        for (key, value) in pairs {
            if let Some(p) = Self::params().iter().find(|p| p.key == key) {
                (p.read)(&mut s, ds, value, &mut notices);
            } else if Self::SILENT.contains(&key.as_str()) {
            } else if let Some(inner) = s.inner() {
                if !inner.read(ds, key, value, &mut notices) {
                    notices.push(Notice::UnknownParam { key: key.clone() });
                }
            } else {
                notices.push(Notice::UnknownParam { key: key.clone() });
            }
        }
        if let Some(inner) = s.inner() {
            inner.finish(ds, &mut notices);
        }
        s.finish(ds, &mut notices);
        (s, notices.into_vec())
    }

    /// Reads a whole route: by default its query ([`LinkState::parse`]); a
    /// view whose path holds part of its state (the source reader's
    /// `#/sources/<id>`) reads that too.
    fn parse_route(ds: &Dataset, route: &super::route::Route) -> (Self, Vec<Notice>) {
        Self::parse(ds, &route.query)
    }

    /// The path of this state's link: [`LinkState::PATH`], unless the state
    /// holds part of its path.
    fn path(&self, _ds: &Dataset) -> String {
        Self::PATH.to_string()
    }

    /// The canonical query (without `?`), empty for the default state.
    fn query(&self, ds: &Dataset) -> String {
        let mut q = Query::default();
        if let Some(inner) = self.inner_ref() {
            inner.write(ds, &mut q);
        }
        for p in Self::params() {
            (p.write)(self, ds, &mut q);
        }
        q.into_string()
    }

    /// The link to this state (a fragment with its `#`).
    fn href(&self, ds: &Dataset) -> String {
        let q = self.query(ds);
        if q.is_empty() {
            self.path(ds)
        } else {
            format!("{}?{q}", self.path(ds))
        }
    }
}

/// The two [`LinkState`] methods of a state that carries another in `$field`
/// (the timeline's filter, most often): `impl LinkState for X { carries!(filter); … }`.
#[macro_export]
macro_rules! carries {
    ($field:ident) => {
        fn inner(&mut self) -> Option<&mut dyn $crate::core::link::Inner> {
            Some(&mut self.$field)
        }
        fn inner_ref(&self) -> Option<&dyn $crate::core::link::Inner> {
            Some(&self.$field)
        }
    };
}

/// A link state carried inside another (object-safe view of a [`LinkState`]).
pub trait Inner {
    /// Reads `key=value` if the key is one of its parameters (true), else false.
    fn read(&mut self, ds: &Dataset, key: &str, value: &str, notices: &mut Notices) -> bool;
    fn finish(&mut self, ds: &Dataset, notices: &mut Notices);
    fn write(&self, ds: &Dataset, q: &mut Query);
}

impl<S: LinkState> Inner for S {
    fn read(&mut self, ds: &Dataset, key: &str, value: &str, notices: &mut Notices) -> bool {
        match S::params().iter().find(|p| p.key == key) {
            Some(p) => {
                (p.read)(self, ds, value, notices);
                true
            }
            None => S::SILENT.contains(&key),
        }
    }
    fn finish(&mut self, ds: &Dataset, notices: &mut Notices) {
        LinkState::finish(self, ds, notices)
    }
    fn write(&self, ds: &Dataset, q: &mut Query) {
        for p in S::params() {
            (p.write)(self, ds, q);
        }
    }
}

// ---- Readers shared by many parameters ----

/// Appends a repeated text parameter (`q=a&q=b` reads "a b"), at most
/// [`MAX_TEXT`] characters in all (the rest is dropped with a notice).
pub fn append_text(to: &mut String, key: &'static str, value: &str, notices: &mut Notices) {
    if !to.is_empty() && !value.is_empty() {
        to.push(' ');
    }
    to.push_str(value);
    if to.chars().count() > MAX_TEXT {
        let keep = clip(to, MAX_TEXT).len();
        to.truncate(keep);
        if !notices
            .list
            .iter()
            .any(|n| matches!(n, Notice::Shortened { key: k, .. } if *k == key))
        {
            notices.push(Notice::Shortened { key, max: MAX_TEXT });
        }
    }
}

/// The state of a view that takes no parameters (About, and the pages of one
/// event, person or dispute, whose path holds the id): its table is empty, so
/// every parameter in its link is ignored with a notice. Its links are
/// `View::href`s; `PATH` is only the About view's.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NoParams;

impl LinkState for NoParams {
    const PATH: &'static str = "#/about";
    fn params() -> &'static [Param<Self>] {
        &[]
    }
}

/// Reads a comma-separated list of ids into a sorted list of indices, each
/// found by `find`; unknown ids become notices naming `what`.
pub fn read_ids(
    list: &mut Vec<u32>,
    value: &str,
    what: &'static str,
    notices: &mut Notices,
    find: impl Fn(&str) -> Option<usize>,
) {
    for id in value.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        match find(id) {
            Some(i) => insert_sorted(list, i as u32),
            None => notices.unknown_id(what, id),
        }
    }
}

/// The free-text parameter `q` of a state with a `q: String` field, its doc given.
macro_rules! text_param {
    ($doc:expr) => {
        $crate::core::link::Param {
            key: "q",
            doc: $doc,
            read: |s, _, v, n| $crate::core::link::append_text(&mut s.q, "q", v, n),
            write: |s, _, q| q.text("q", &s.q),
        }
    };
}
pub(crate) use text_param;

/// An on/off parameter (`key=1`) of a state's `bool` field.
macro_rules! flag_param {
    ($key:literal, $field:ident, $doc:expr) => {
        $crate::core::link::Param {
            key: $key,
            doc: $doc,
            read: |s, _, v, n| {
                $crate::core::link::read_flag(
                    &mut s.$field,
                    $key,
                    v,
                    n,
                    concat!("use ", $key, "=1"),
                )
            },
            write: |s, _, q| q.flag($key, s.$field),
        }
    };
}
pub(crate) use flag_param;

/// The `page` parameter of a paged state (a `page: u32` field, 1-based).
macro_rules! page_param {
    ($doc:expr) => {
        $crate::core::link::Param {
            key: "page",
            doc: $doc,
            read: |s, _, v, n| $crate::core::link::read_page(&mut s.page, "page", v, n),
            write: |s, _, q| $crate::core::link::write_page(s.page, q),
        }
    };
}
pub(crate) use page_param;

/// A list of vocabulary ids (`strand=alash,khiva`): the state's `$field` holds
/// indices into the dataset's `$table` (`tags`, `org_kinds` …).
macro_rules! vocab_list_param {
    ($key:literal, $field:ident, $table:ident, $doc:expr) => {
        $crate::core::link::Param {
            key: $key,
            doc: $doc,
            read: |s, ds, v, n| {
                $crate::core::link::read_ids(&mut s.$field, v, $key, n, |id| {
                    ds.$table.iter().position(|t| t.id == id)
                })
            },
            write: |s, ds, q| q.list($key, s.$field.iter().map(|&t| ds.$table[t as usize].id)),
        }
    };
}
pub(crate) use vocab_list_param;

/// Inserts into a sorted list without repeats.
pub fn insert_sorted(list: &mut Vec<u32>, v: u32) {
    if let Err(at) = list.binary_search(&v) {
        list.insert(at, v);
    }
}

/// Adds `v` if absent, removes it if present (the list stays sorted).
pub fn toggle_sorted(list: &mut Vec<u32>, v: u32) {
    match list.binary_search(&v) {
        Ok(i) => {
            list.remove(i);
        }
        Err(i) => list.insert(i, v),
    }
}

/// Page `page` (1-based, clamped to the last) of `items` in pages of `size`,
/// and the number of pages (at least 1).
pub fn page<T>(items: &[T], page: u32, size: usize) -> (&[T], u32) {
    let pages = items.len().div_ceil(size).max(1) as u32;
    let start = (page.clamp(1, pages) as usize - 1) * size;
    let end = (start + size).min(items.len());
    (&items[start.min(items.len())..end], pages)
}

/// Reads a 1-based page number.
pub fn read_page(page: &mut u32, key: &'static str, value: &str, notices: &mut Notices) {
    match value.trim().parse::<u32>() {
        Ok(p) if p >= 1 => *page = p,
        _ => notices.bad(key, value, "a page number was expected"),
    }
}

/// Writes a page number other than the first.
pub fn write_page(page: u32, q: &mut Query) {
    if page > 1 {
        q.add("page", &page.to_string());
    }
}

/// Reads one of a fixed set of values (`all`) by its id, as written or with
/// spaces around; another value is ignored with a notice saying `hint`.
pub fn read_choice<T: Copy>(
    to: &mut T,
    all: &[T],
    id: fn(T) -> &'static str,
    key: &'static str,
    value: &str,
    notices: &mut Notices,
    hint: &'static str,
) {
    match choice(all, id, value) {
        Some(o) => *to = o,
        None => notices.bad(key, value, hint),
    }
}

/// The one of `all` whose id is `value` (spaces around ignored).
pub fn choice<T: Copy>(all: &[T], id: fn(T) -> &'static str, value: &str) -> Option<T> {
    all.iter().copied().find(|&o| id(o) == value.trim())
}

/// Reads a flag: empty, `1`, `true`, `yes` set it; `0`, `false`, `no` clear it.
pub fn read_flag(
    flag: &mut bool,
    key: &'static str,
    value: &str,
    notices: &mut Notices,
    hint: &'static str,
) {
    match value {
        "" | "1" | "true" | "yes" => *flag = true,
        "0" | "false" | "no" => *flag = false,
        _ => notices.bad(key, value, hint),
    }
}

/// Percent-encodes a query value but keeps it readable: letters, digits and
/// `-._~,:/` stay, a space becomes `+`.
pub fn encode_value(v: &str) -> String {
    let mut out = String::new();
    for (i, part) in v.split(' ').enumerate() {
        if i > 0 {
            out.push('+');
        }
        for c in part.chars() {
            if c.is_ascii_alphanumeric() || "-._~,:/".contains(c) {
                out.push(c);
            } else {
                out.push_str(&encode(c.encode_utf8(&mut [0; 4])));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::route::{decode, Route};

    #[test]
    fn values_are_encoded_readably_and_decode_back() {
        assert_eq!(encode_value("Bukeikhan Alikhan"), "Bukeikhan+Alikhan");
        assert_eq!(encode_value("a,b:c"), "a,b:c");
        for s in ["Бөкейхан ұлы", "a&b=c", "100% + more", " leading", "x#y?z"] {
            assert_eq!(decode(&encode_value(s)), s, "{s:?}");
        }
    }

    #[test]
    fn notices_are_capped_and_counted() {
        let mut n = Notices::default();
        for i in 0..25 {
            n.push(Notice::UnknownParam {
                key: format!("k{i}"),
            });
        }
        assert_eq!(n.len(), 25);
        let v = n.into_vec();
        assert_eq!(v.len(), MAX_NOTICES + 1);
        assert_eq!(v.last().unwrap().message(), "… and 15 more.");
    }

    #[test]
    fn long_values_are_shortened_in_messages() {
        let long = "A".repeat(100_000);
        let m = Notice::UnknownParam { key: long }.message();
        assert!(m.chars().count() < MAX_SHOWN_VALUE + 40, "{}", m.len());
    }

    #[test]
    fn long_text_is_cut_with_one_notice_and_views_without_parameters_note_every_one() {
        let ds = &crate::core::dataset::DATASET;
        let mut q = String::new();
        let mut n = Notices::default();
        let caps = "A".repeat(100_000);
        append_text(&mut q, "q", &caps, &mut n);
        append_text(&mut q, "q", &caps, &mut n);
        assert_eq!(q.chars().count(), MAX_TEXT);
        assert_eq!(
            n.into_vec(),
            vec![Notice::Shortened {
                key: "q",
                max: MAX_TEXT
            }]
        );
        assert_eq!(clip("Бөкейхан", 3), "Бөк");
        let (_, n) = NoParams::parse(ds, &Route::parse("#/about?zz=1&q=x").query);
        assert_eq!(
            n,
            vec![
                Notice::UnknownParam { key: "zz".into() },
                Notice::UnknownParam { key: "q".into() }
            ]
        );
        assert!(NoParams::parse(ds, &Route::parse("#/events/x").query)
            .1
            .is_empty());
    }

    #[test]
    fn a_route_query_reads_through_the_table() {
        // The smallest LinkState: one flag.
        #[derive(Default, Debug, PartialEq)]
        struct Flag(bool);
        impl LinkState for Flag {
            const PATH: &'static str = "#/x";
            fn params() -> &'static [Param<Self>] {
                &[Param {
                    key: "on",
                    doc: "a flag",
                    read: |s, _, v, n| read_flag(&mut s.0, "on", v, n, "use on=1"),
                    write: |s, _, q| {
                        if s.0 {
                            q.add("on", "1")
                        }
                    },
                }]
            }
        }
        let ds = &crate::core::dataset::DATASET;
        let (s, n) = Flag::parse(ds, &Route::parse("#/x?on=1&zz=2").query);
        assert_eq!(s, Flag(true));
        assert_eq!(n, vec![Notice::UnknownParam { key: "zz".into() }]);
        assert_eq!(s.href(ds), "#/x?on=1");
        assert_eq!(Flag(false).href(ds), "#/x");
    }
}
