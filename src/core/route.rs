//! The app's address: which view, and the view's parameters.
//!
//! Everything after `#` in the page URL is the route, so links work on any static
//! host, under any sub-path and from a file opened from disk: the server only ever
//! sees the page itself. The format (see README, "Link format"):
//!
//! ```text
//! #/timeline?q=bukeikhan     a view, then its parameters
//! #/people/alikhan-bukeikhan a record's own page
//! ```
//!
//! Parsing never fails: whatever the hash holds, some view comes out.

/// Which view the URL asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum View {
    /// The start: the orientation, key events and people, tours (`#/`).
    Home,
    Timeline,
    Event(String),
    People,
    Person(String),
    Dispute(String),
    /// The map of the places (`#/map?<timeline filter>`).
    Map,
    Place(String),
    /// The web of people (`#/network?<people index filter>&sel=…`).
    Network,
    Quiz,
    /// The timeline's events as full-screen slides (`#/present?…`).
    Present,
    About,
    /// The glossary: every term the sources use.
    Glossary,
    /// One glossary term, by id (`#/glossary/<id>`).
    Term(String),
    /// A guided tour as a page to read or print (`#/tours/<id>`).
    Tour(String),
    /// One organisation, by id (`#/orgs/<id>`).
    Org(String),
    /// The index of every dispute (`#/disputes?sort=…`).
    Disputes,
    /// Flashcards of a selection with spaced repetition (`#/study?<timeline filter>`).
    Study,
    /// A source text in the reader, by source id (`#/sources/<id>?p=47-49`).
    Source(String),
    /// The path that matched nothing, as typed (decoded, shown as text).
    NotFound(String),
}

/// The sections of the main navigation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Timeline,
    People,
    Map,
    Quiz,
    Disputes,
    About,
}

impl Section {
    pub const ALL: [Section; 6] = [
        Section::Timeline,
        Section::People,
        Section::Map,
        Section::Quiz,
        Section::Disputes,
        Section::About,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Section::Timeline => "Timeline",
            Section::People => "People",
            Section::Map => "Map",
            Section::Quiz => "Quiz",
            Section::Disputes => "Disputes",
            Section::About => "About",
        }
    }

    pub fn view(self) -> View {
        match self {
            Section::Timeline => View::Timeline,
            Section::People => View::People,
            Section::Map => View::Map,
            Section::Quiz => View::Quiz,
            Section::Disputes => View::Disputes,
            Section::About => View::About,
        }
    }
}

impl View {
    /// The navigation section this view belongs to, if any.
    pub fn section(&self) -> Option<Section> {
        match self {
            View::Timeline | View::Event(_) => Some(Section::Timeline),
            View::People | View::Person(_) | View::Network => Some(Section::People),
            View::Map | View::Place(_) => Some(Section::Map),
            View::Quiz | View::Study => Some(Section::Quiz),
            View::Present => Some(Section::Timeline),
            View::Disputes | View::Dispute(_) => Some(Section::Disputes),
            View::About | View::Glossary | View::Term(_) | View::Source(_) => Some(Section::About),
            View::Home | View::Tour(_) | View::Org(_) | View::NotFound(_) => None,
        }
    }

    /// The URL fragment (with its `#`) that opens this view.
    pub fn href(&self) -> String {
        match self {
            View::Home => "#/".to_string(),
            View::Timeline => "#/timeline".to_string(),
            View::Event(id) => format!("#/events/{}", encode(id)),
            View::People => "#/people".to_string(),
            View::Person(id) => format!("#/people/{}", encode(id)),
            View::Dispute(id) => format!("#/disputes/{}", encode(id)),
            View::Map => "#/map".to_string(),
            View::Place(id) => format!("#/places/{}", encode(id)),
            View::Network => "#/network".to_string(),
            View::Quiz => "#/quiz".to_string(),
            View::Present => "#/present".to_string(),
            View::About => "#/about".to_string(),
            View::Glossary => "#/glossary".to_string(),
            View::Term(id) => format!("#/glossary/{}", encode(id)),
            View::Tour(id) => format!("#/tours/{}", encode(id)),
            View::Org(id) => format!("#/orgs/{}", encode(id)),
            View::Disputes => "#/disputes".to_string(),
            View::Study => "#/study".to_string(),
            View::Source(id) => format!("#/sources/{}", encode(id)),
            View::NotFound(path) => format!("#/{}", encode_path(path)),
        }
    }
}

/// A parsed URL fragment: the view and its query parameters, in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Route {
    pub view: View,
    pub query: Vec<(String, String)>,
}

impl Route {
    /// Parses `location.hash` (with or without the leading `#`).
    pub fn parse(hash: &str) -> Route {
        let hash = hash.strip_prefix('#').unwrap_or(hash);
        let hash = hash.strip_prefix('!').unwrap_or(hash);
        let (path, query) = match hash.split_once('?') {
            Some((p, q)) => (p, q),
            None => (hash, ""),
        };
        let segments: Vec<String> = path
            .split('/')
            .filter(|s| !s.is_empty())
            .map(decode)
            .collect();
        let parts: Vec<&str> = segments.iter().map(String::as_str).collect();
        let view = match parts.as_slice() {
            // `#/` is the start; with a query it is an old timeline link (`#/?q=…`).
            [] if query.is_empty() => View::Home,
            [] | ["timeline"] => View::Timeline,
            ["tours", id] => View::Tour(id.to_string()),
            ["events", id] => View::Event(id.to_string()),
            ["people"] => View::People,
            ["people", id] => View::Person(id.to_string()),
            ["disputes", id] => View::Dispute(id.to_string()),
            ["disputes"] => View::Disputes,
            ["orgs", id] => View::Org(id.to_string()),
            ["map"] => View::Map,
            ["places", id] => View::Place(id.to_string()),
            ["network"] => View::Network,
            ["quiz"] => View::Quiz,
            ["present"] => View::Present,
            ["about"] => View::About,
            ["glossary"] => View::Glossary,
            ["glossary", id] => View::Term(id.to_string()),
            ["study"] => View::Study,
            ["sources", id] => View::Source(id.to_string()),
            _ => View::NotFound(segments.join("/")),
        };
        Route {
            view,
            query: parse_query(query),
        }
    }

    /// The first value of a query parameter.
    pub fn param(&self, key: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// Splits `a=1&b=two%20words` into decoded pairs. A key without `=` gets "".
pub fn parse_query(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| match pair.split_once('=') {
            Some((k, v)) => (decode(k), decode(v)),
            None => (decode(pair), String::new()),
        })
        .collect()
}

/// Percent-decodes a URL component; `+` is a space. Malformed escapes stay as
/// typed and invalid UTF-8 becomes U+FFFD: decoding never fails.
pub fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h << 4 | l);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Percent-encodes a URL component, leaving letters, digits and `-._~` readable.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                out.push(b as char)
            }
            _ => {
                const HEX: &[u8; 16] = b"0123456789ABCDEF";
                out.push('%');
                out.push(HEX[(b >> 4) as usize] as char);
                out.push(HEX[(b & 15) as usize] as char);
            }
        }
    }
    out
}

fn encode_path(path: &str) -> String {
    path.split('/').map(encode).collect::<Vec<_>>().join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(hash: &str) -> View {
        Route::parse(hash).view
    }

    #[test]
    fn the_start_is_home_and_the_timeline_keeps_its_links() {
        for h in ["", "#", "#/", "#!/", "//"] {
            assert_eq!(view(h), View::Home, "{h:?}");
        }
        // Old links: the timeline's own, and a query on the root.
        for h in [
            "#/timeline",
            "#/timeline/",
            "#!/timeline",
            "/timeline",
            "#/?q=bukeikhan",
        ] {
            assert_eq!(view(h), View::Timeline, "{h:?}");
        }
    }

    #[test]
    fn each_view_has_its_own_url_and_round_trips() {
        let views = [
            View::Home,
            View::Tour("fall-of-khiva".into()),
            View::Timeline,
            View::Event("alash-orda-formed".into()),
            View::People,
            View::Person("alikhan-bukeikhan".into()),
            View::Dispute("arrest-1922-date".into()),
            View::Map,
            View::Place("semey".into()),
            View::Network,
            View::Quiz,
            View::Present,
            View::About,
            View::Study,
            View::Glossary,
            View::Term("alash-orda".into()),
            View::Term("a b/c".into()),
            View::Org("alash-orda".into()),
            View::Disputes,
        ];
        for v in views {
            assert_eq!(view(&v.href()), v, "{}", v.href());
        }
    }

    #[test]
    fn unknown_paths_are_not_found_with_the_path_kept() {
        assert_eq!(view("#/nowhere"), View::NotFound("nowhere".into()));
        assert_eq!(view("#/people/a/b"), View::NotFound("people/a/b".into()));
        assert_eq!(view("#/%3Cb%3Ex"), View::NotFound("<b>x".into()));
    }

    #[test]
    fn sections_mark_the_current_nav_item() {
        assert_eq!(View::Person("x".into()).section(), Some(Section::People));
        assert_eq!(View::Event("x".into()).section(), Some(Section::Timeline));
        assert_eq!(View::NotFound("x".into()).section(), None);
        // A dispute is found under Disputes, not About.
        assert_eq!(View::Dispute("x".into()).section(), Some(Section::Disputes));
        for s in Section::ALL {
            assert_eq!(s.view().section(), Some(s));
        }
    }

    #[test]
    fn query_parameters_are_decoded_in_order() {
        let r = Route::parse("#/timeline?q=Bukeikhan%20Alikhan&from=1917&q=second&flag");
        assert_eq!(r.view, View::Timeline);
        assert_eq!(r.param("q"), Some("Bukeikhan Alikhan"));
        assert_eq!(r.param("from"), Some("1917"));
        assert_eq!(r.param("flag"), Some(""));
        assert_eq!(r.param("missing"), None);
        assert_eq!(r.query.len(), 4);
    }

    #[test]
    fn decoding_never_fails_on_malformed_input() {
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz%4"), "%zz%4");
        assert_eq!(decode("a+b"), "a b");
        assert_eq!(decode("%C3%A4"), "ä");
        assert_eq!(decode("%FF"), "\u{FFFD}");
        assert_eq!(decode("%"), "%");
    }

    #[test]
    fn encode_then_decode_is_identity() {
        for s in ["Bökeyhan ұлы", "a/b?c=d&e", "100% + more", "", "~-._"] {
            assert_eq!(decode(&encode(s)), s);
        }
        assert_eq!(encode("semey-1917"), "semey-1917");
    }
}
