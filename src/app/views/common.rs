//! Small pieces several views share. Data text is always rendered as text.

use crate::core::card::{cite_parts, Html};
use crate::core::dataset::DATASET;
use crate::core::filter::{typed_year, FIRST_YEAR, LAST_YEAR};
use crate::core::glossary::{Matcher, Page, Piece};
use crate::core::link::Notice;
use crate::core::model::{Cite, Event};
use crate::core::people::NameIndex;
use crate::core::reader::cite_href;
use crate::core::route::View;
use crate::core::text::{split_marked, Search};
use leptos::prelude::*;
use std::sync::OnceLock;

/// Every person's names as search keys, made on first use.
pub fn names() -> &'static NameIndex {
    static NAMES: OnceLock<NameIndex> = OnceLock::new();
    NAMES.get_or_init(|| NameIndex::new(&DATASET))
}

/// The glossary's terms as the matcher finds them, made on first use.
pub fn terms() -> &'static Matcher {
    static TERMS: OnceLock<Matcher> = OnceLock::new();
    TERMS.get_or_init(|| Matcher::new(&DATASET))
}

/// A new page of texts whose glossary terms are linked where they first appear.
pub fn term_page() -> Page<'static> {
    Page::new(terms())
}

/// The next text of a page: text nodes, and each term that first appears here a
/// link to its glossary entry (what is a term is `core::glossary`'s decision).
pub fn with_terms(page: &mut Page<'static>, text: &'static str) -> Vec<AnyView> {
    page.pieces(text)
        .into_iter()
        .map(|p| match p {
            Piece::Text(t) => t.into_any(),
            Piece::Term(t, i) => {
                let g = &DATASET.glossary[i as usize];
                view! { <a class="term" href=View::Term(g.id.into()).href()>{t}</a> }.into_any()
            }
        })
        .collect()
}

/// `text` with the words that match the search marked (`<mark>`, as text:
/// never HTML); `name` when the text is a name (typos and initials count).
pub fn marked(text: &'static str, query: Memo<Search>, name: bool) -> impl IntoView {
    // A keystroke that leaves this text's marks as they were changes nothing here.
    let marks = Memo::new(move |_| query.with(|q| q.marks(text, name)));
    move || {
        marks.with(|m| {
            split_marked(text, m)
                .into_iter()
                .map(|(t, m)| {
                    if m {
                        view! { <mark>{t}</mark> }.into_any()
                    } else {
                        t.into_any()
                    }
                })
                .collect_view()
        })
    }
}

/// What a link held that was not understood (and is ignored).
#[component]
pub fn Notices(notices: Memo<Vec<Notice>>) -> impl IntoView {
    move || {
        notices.with(|n| {
            (!n.is_empty()).then(|| {
                let items = n
                    .iter()
                    .map(|t| view! { <li>{t.message()}</li> })
                    .collect_view();
                view! {
                    <div class="notice-small no-print" role="status">
                        <p>"Parts of this link were not understood and are ignored:"</p>
                        <ul>{items}</ul>
                    </div>
                }
            })
        })
    }
}

/// The notices of a view that takes no parameters (About, one event, person
/// or dispute): every parameter in its link is ignored, and said so.
#[component]
pub fn NoParamsNotices() -> impl IntoView {
    let link = crate::app::link::Linked::<crate::core::link::NoParams>::provide();
    view! { <Notices notices=link.notices /> }
}

/// A year field ("From", "To"): shows `value`; a year typed acts after a
/// pause in the typing (`typed`: the results follow while typing, one history
/// entry per burst), leaving the field or Enter at once (`set`). A blank field
/// is no bound; what is not a year yet (a digit of four) waits.
#[component]
pub fn YearField(
    id: &'static str,
    label: &'static str,
    value: Signal<Option<i32>>,
    typed: Callback<Option<i32>>,
    set: Callback<Option<i32>>,
) -> impl IntoView {
    let pause = Debounce::new();
    let shown = move || value.get().map(|y| y.to_string()).unwrap_or_default();
    view! {
        <label for=id>{label}</label>
        <input id=id type="number" inputmode="numeric" min=FIRST_YEAR max=LAST_YEAR prop:value=shown
            on:input=move |ev| match typed_year(&event_target_value(&ev)) {
                Some(year) => pause.run(move || typed.run(year)),
                None => pause.cancel(),
            }
            on:change=move |ev| {
                pause.cancel();
                set.run(event_target_value(&ev).trim().parse::<i32>().ok());
            } />
    }
}

/// The search field of a list view: shows `value`, and passes what is typed
/// to `on_type` (a leading space included).
#[component]
pub fn SearchBox(
    id: &'static str,
    label: &'static str,
    placeholder: &'static str,
    value: Signal<String>,
    on_type: Callback<String>,
) -> impl IntoView {
    view! {
        <div class="search-row">
            <label for=id>{label}</label>
            <input id=id type="search" autocomplete="off" spellcheck="false" placeholder=placeholder
                prop:value=move || value.get()
                on:input=move |ev| on_type.run(event_target_value(&ev)) />
        </div>
    }
}

/// One checkbox of a facet: its label, the count it would give, greyed when 0.
pub fn check_item(
    id: String,
    label: &'static str,
    checked: Signal<bool>,
    count: Signal<u32>,
    toggle: Callback<()>,
) -> impl IntoView {
    view! {
        <li class=move || if count.get() == 0 && !checked.get() { "facet-value empty" } else { "facet-value" }>
            <input type="checkbox" id=id.clone() prop:checked=checked on:change=move |_| toggle.run(()) />
            <label for=id>{label} " " <span class="n">"(" {count} ")"</span></label>
        </li>
    }
}

/// When nothing matches (`nothing`): which filters emptied the list (each with
/// how many results clearing it alone gives, and a button that clears it),
/// `extra` (e.g. similar names), and a link that clears every filter.
#[component]
pub fn Empty<F>(
    nothing: Signal<bool>,
    culprits: Signal<Vec<(F, u32)>>,
    /// The thing listed, one and many ("event", "events").
    what: (&'static str, &'static str),
    message: &'static str,
    clear_all: &'static str,
    clear: Callback<F>,
    #[prop(optional, into)] extra: Option<ViewFn>,
) -> impl IntoView
where
    F: FacetLabel + Copy + Send + Sync + 'static,
{
    move || {
        nothing.get().then(|| {
            let offers = culprits
                .get()
                .into_iter()
                .map(|(facet, n)| {
                    let noun = if n == 1 { what.0 } else { what.1 };
                    view! {
                        <li><button type="button" on:click=move |_| clear.run(facet)>
                            {format!("Clear the {} filter ({n} {noun})", facet.label())}
                        </button></li>
                    }
                })
                .collect_view();
            let extra = extra.clone();
            view! {
                <div class="empty">
                    <p>{message}</p>
                    <ul class="offers">{offers}</ul>
                    {extra.map(|e| e.run())}
                    <p><a href=clear_all>"Clear every filter"</a></p>
                </div>
            }
        })
    }
}

/// A facet's name in messages ("Clear the strand filter").
pub trait FacetLabel {
    fn label(self) -> &'static str;
}

impl FacetLabel for crate::core::filter::Facet {
    fn label(self) -> &'static str {
        crate::core::filter::Facet::label(self)
    }
}

impl FacetLabel for crate::core::people::Facet {
    fn label(self) -> &'static str {
        crate::core::people::Facet::label(self)
    }
}

/// Saves `text` as a file the browser downloads.
pub fn download(name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&text.into());
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag) else {
        log("Could not make the file to download");
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        log("Could not make the file to download");
        return;
    };
    if let Ok(a) = document().create_element("a") {
        if a.set_attribute("href", &url).is_err() || a.set_attribute("download", name).is_err() {
            log("Could not start the download");
        }
        if let Ok(a) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(a) {
            a.click();
        }
    }
    // Let the download start before the object URL goes.
    gloo_timers::callback::Timeout::new(5_000, move || {
        if web_sys::Url::revoke_object_url(&url).is_err() {
            log("Could not release a download");
        }
    })
    .forget();
}

/// Runs the last of a burst of calls once the burst pauses (a field that acts
/// while typing, but not on every key). Pending work is dropped with the view.
#[derive(Clone, Copy)]
pub struct Debounce(StoredValue<Option<TimeoutHandle>, LocalStorage>);

impl Debounce {
    /// How long typing pauses before a field acts.
    pub const TYPING: std::time::Duration = std::time::Duration::from_millis(400);

    pub fn new() -> Debounce {
        let d = Debounce(StoredValue::new_local(None));
        on_cleanup(move || d.cancel());
        d
    }

    /// Runs `f` after [`Debounce::TYPING`] unless called again before.
    pub fn run(&self, f: impl FnOnce() + 'static) {
        self.cancel();
        let slot = self.0;
        let handle = set_timeout_with_handle(
            move || {
                slot.try_set_value(None);
                f()
            },
            Self::TYPING,
        );
        self.0.try_set_value(handle.ok());
    }

    /// Drops what is pending.
    pub fn cancel(&self) {
        if let Some(h) = self.0.try_update_value(Option::take).flatten() {
            h.clear();
        }
    }
}

/// Reports a browser call that failed where nothing else can be done about it.
pub fn log(what: &str) {
    web_sys::console::warn_1(&what.into());
}

/// A list of citations: source title, section heading, paragraph; each opens
/// the cited paragraphs in the source reader.
pub fn cites(cites: &[Cite]) -> impl IntoView {
    view! {
        <ul class="cites">
            {cites.iter().map(|c| view! { <li>{cite_link(c)}</li> }).collect_view()}
        </ul>
    }
}

/// One citation as a link to its paragraphs in the source reader.
pub fn cite_link(c: &Cite) -> impl IntoView {
    view! { <a class="cite-link" href=cite_href(&DATASET, c)><cite>{DATASET.cite_text(c)}</cite></a> }
}

/// Citations on one line (for lists where each item cites), grouped by source
/// and section: `Moscow Cage: “Arrest” ¶ 47, 49 · Alash Autonomy: ¶ 9`, each
/// paragraph number a link to it in the source reader (`core::card`'s HTML,
/// as the timeline's cards write them).
pub fn cite_line(cites: &'static [Cite]) -> impl IntoView {
    let mut h = Html::default();
    cite_parts(&DATASET, cites, &mut h);
    view! { <cite class="cite-line" inner_html=h.into_string()></cite> }
}

/// A link to an event, with its date.
pub fn event_link(e: &'static Event) -> impl IntoView {
    view! {
        <a href=View::Event(e.id.into()).href()>{e.title}</a>
        " "
        <span class="date">"(" {e.date.display()} ")"</span>
    }
}

/// A link to a person by index.
pub fn person_link(i: u16) -> impl IntoView {
    let p = &DATASET.people[i as usize];
    view! { <a href=View::Person(p.id.into()).href()>{p.name}</a> }
}

/// A link to a dispute by index.
pub fn dispute_link(i: u16) -> impl IntoView {
    let d = &DATASET.disputes[i as usize];
    view! { <a href=View::Dispute(d.id.into()).href()>{d.title}</a> }
}

/// Items joined with ", ".
pub fn comma_list<T: IntoView + 'static>(items: impl IntoIterator<Item = T>) -> impl IntoView {
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| view! { {(i > 0).then_some(", ")} {item} })
        .collect_view()
}

/// Previous / "Page n of m" / next, shown when there is more than one page;
/// `go` gets the page to show, then the list's heading `top` is scrolled to.
#[component]
pub fn Pager(
    label: &'static str,
    prev: &'static str,
    next: &'static str,
    top: &'static str,
    page: Memo<u32>,
    pages: Memo<u32>,
    go: Callback<u32>,
) -> impl IntoView {
    let to = move |p: u32| {
        go.run(p);
        if let Some(el) = document().get_element_by_id(top) {
            el.scroll_into_view();
        }
    };
    move || {
        (pages.get() > 1).then(|| {
            view! {
                <nav class="pager" aria-label=label>
                    <button type="button" disabled=move || { page.get() <= 1 } on:click=move |_| to(page.get() - 1)>{prev}</button>
                    <span>{move || format!("Page {} of {}", page.get(), pages.get())}</span>
                    <button type="button" disabled=move || { page.get() >= pages.get() } on:click=move |_| to(page.get() + 1)>{next}</button>
                </nav>
            }
        })
    }
}

/// A link to an organisation's page.
pub fn org_link(o: u16) -> impl IntoView {
    let o = &DATASET.orgs[o as usize];
    view! { <a href=View::Org(o.id.into()).href()>{o.name}</a> }
}

/// A strand tag: its name, linking to the timeline of that strand.
pub fn strand_link(t: u8) -> impl IntoView {
    let ds = &DATASET;
    let term = &ds.tags[t as usize];
    let href =
        crate::core::event_page::timeline_of(ds, crate::core::filter::Facet::Strand, t as u32);
    view! { <a href=href title=term.description>{term.name}</a> }
}

/// Whether a key event happened on a control (a button, link or field), whose
/// own Enter and Space it is.
pub fn on_control(ev: &web_sys::KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
        .is_some_and(|e| {
            matches!(
                e.tag_name().as_str(),
                "BUTTON" | "A" | "INPUT" | "TEXTAREA" | "SELECT" | "SUMMARY"
            )
        })
}

/// [`plain_keys`] for as long as the view lives; `handle` returns true when
/// it used the key (its default is then prevented).
pub fn window_keys(handle: impl Fn(&web_sys::KeyboardEvent) -> bool + 'static) {
    let listener = plain_keys(move |ev| {
        if handle(ev) {
            ev.prevent_default();
        }
    });
    let kept = StoredValue::new_local(Some(listener));
    on_cleanup(move || kept.set_value(None));
}

/// Listens to the page's keys pressed without Alt, Ctrl or Meta (a slide
/// show's keys; the browser keeps its own shortcuts). `on_key` may prevent
/// the default. Dropping the listener stops it.
pub fn plain_keys(
    on_key: impl Fn(&web_sys::KeyboardEvent) + 'static,
) -> gloo_events::EventListener {
    gloo_events::EventListener::new_with_options(
        &window(),
        "keydown",
        gloo_events::EventListenerOptions::enable_prevent_default(),
        move |ev| {
            if let Some(ev) = wasm_bindgen::JsCast::dyn_ref::<web_sys::KeyboardEvent>(ev) {
                if !ev.alt_key() && !ev.ctrl_key() && !ev.meta_key() {
                    on_key(ev);
                }
            }
        },
    )
}
