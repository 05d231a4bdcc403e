//! The source reader (`#/sources/<id>?p=47-49`): the cited paragraphs of a
//! source text with the paragraph before and after, the section headings, the
//! quotations the data takes from them marked, the previous and next
//! paragraph one step away, what cites them, and the source's details. What
//! to show is `core::reader`'s; the texts are the on-demand asset `sources`
//! (`app::asset`), loaded when a reader is first opened. Text is text, never HTML.

use super::common::{event_link, Notices};
use crate::app::asset::{self, Cell};
use crate::app::link::{use_link, Linked};
use crate::core::dataset::DATASET;
use crate::core::filter::{Facet, Filter};
use crate::core::link::LinkState;
use crate::core::model::Source;
use crate::core::reader::{events_citing, excerpt, marks, pieces, rows, ReaderState, Row, Texts};
use leptos::prelude::*;
use std::sync::Arc;

static TEXTS: Cell<Texts> = Cell::new();

async fn texts() -> Result<Arc<Texts>, String> {
    asset::load(&TEXTS, "sources", |t| Texts::parse(&DATASET, t)).await
}

#[component]
pub fn Reader(id: String) -> impl IntoView {
    let ds = &DATASET;
    let Some(source) = ds.sources.iter().find(|s| s.id == id) else {
        return view! { <super::not_found::NotFound what=format!("source “{id}”") /> }.into_any();
    };
    let link = Linked::<ReaderState>::provide();
    let loaded = LocalResource::new(texts);
    view! {
        <h1 class="reader-title">{source.title}</h1>
        <p class="reader-ref">{reference(source)}</p>
        <Notices notices=link.notices />
        <Steps />
        <div class="reader-text" aria-live="polite">
            {move || match loaded.get() {
                None => view! { <p class="muted">"Loading the text…"</p> }.into_any(),
                Some(Err(e)) => view! {
                    <p class="notice-small" role="alert">"The source text could not be loaded: " {e}</p>
                }.into_any(),
                Some(Ok(t)) => view! { <Paragraphs texts=t /> }.into_any(),
            }}
        </div>
        <CitedHere />
        <About source />
    }
    .into_any()
}

/// "Source text: essay by Sultan-Khan Akkuly." — the source's bibliographic line.
fn reference(s: &'static Source) -> String {
    let mut line = format!("Source text: {}", s.kind);
    if let Some(a) = s.author {
        line.push_str(&format!(" by {a}"));
    }
    if let Some(c) = s.container {
        line.push_str(&format!(", in {c}"));
    }
    if s.untitled {
        line.push_str(" (untitled: the title describes it)");
    }
    line.push('.');
    line
}

/// Previous / where we are / next.
#[component]
fn Steps() -> impl IntoView {
    let link = use_link::<ReaderState>();
    let ds = &DATASET;
    move || {
        let s = link.state.get();
        let source = &ds.sources[s.source as usize];
        let here = match s.sel {
            Some((a, b)) if a == b => format!("¶ {a} of {}", source.paragraphs),
            Some((a, b)) => format!("¶ {a}–{b} of {}", source.paragraphs),
            None => format!("The whole text, {} paragraphs", source.paragraphs),
        };
        view! {
            <nav class="reader-steps no-print" aria-label="Paragraphs">
                {s.prev().map(|p| view! { <a rel="prev" href=p.href(ds)>"← Previous"</a> })}
                <span class="reader-here">{here}</span>
                {s.next(ds).map(|n| view! { <a rel="next" href=n.href(ds)>"Next →"</a> })}
            </nav>
        }
    }
}

/// The rows: headings, and paragraphs with their number and marked quotations.
#[component]
fn Paragraphs(texts: Arc<Texts>) -> impl IntoView {
    let link = use_link::<ReaderState>();
    let ds = &DATASET;
    move || {
        let s = link.state.get();
        rows(ds, &s)
            .into_iter()
            .map(|row| match row {
                Row::Heading(h) => view! {
                    <h2 class="reader-heading">{h.heading}
                        {h.inferred.then(|| view! { <span class="muted small">" (no heading in the text; a descriptive name)"</span> })}</h2>
                }
                .into_any(),
                Row::Paragraph { n } => para(&texts, &s, n, None).into_any(),
                Row::Neighbour { n, before } => para(&texts, &s, n, Some(before)).into_any(),
            })
            .collect_view()
    }
}

/// Paragraph `n`: its number (a link to it alone) and its text with the
/// quotations marked; a neighbour (`before` it or after) only as an excerpt.
fn para(texts: &Texts, s: &ReaderState, n: u16, neighbour: Option<bool>) -> impl IntoView {
    let ds = &DATASET;
    let whole = texts.paragraph(s.source, n).unwrap_or("");
    let text = match neighbour {
        Some(before) => excerpt(whole, before),
        None => whole.to_string(),
    };
    let marked = marks(ds, texts, s.source, n);
    let body = pieces(&text, &marked)
        .into_iter()
        .map(|(t, m)| {
            let t = t.to_string();
            if m {
                view! { <mark>{t}</mark> }.into_any()
            } else {
                t.into_any()
            }
        })
        .collect_view();
    let asked = neighbour.is_none() && s.sel.is_some();
    let label = match neighbour {
        Some(true) => "The end of the paragraph before, ",
        Some(false) => "The start of the paragraph after, ",
        None if asked => "Cited paragraph, ",
        None => "Paragraph ",
    };
    view! {
        <p class="para" class:asked=asked class:neighbour=neighbour.is_some() data-p=n>
            <a class="pn" href=s.at(n).href(ds)><span class="visually-hidden">{label}</span>{format!("¶ {n}")}</a>
            " " {body}
        </p>
    }
}

/// The events that cite the paragraphs asked for.
#[component]
fn CitedHere() -> impl IntoView {
    let link = use_link::<ReaderState>();
    let ds = &DATASET;
    move || {
        let s = link.state.get();
        let (from, to) = s.sel?;
        let mut events: Vec<u32> = (from..=to)
            .flat_map(|n| events_citing(ds, s.source, n))
            .collect();
        events.sort_unstable();
        events.dedup();
        let n = events.len();
        Some(view! {
            <section class="reader-cited" aria-labelledby="cited-here">
                <h2 id="cited-here">{if from == to { "Events citing this paragraph" } else { "Events citing these paragraphs" }}
                    " (" {n} ")"</h2>
                {if n == 0 {
                    view! { <p class="muted">"No event cites it (a person, a place or a dispute may)."</p> }.into_any()
                } else {
                    view! { <ul class="events-list">{events.into_iter().map(|i| view! { <li>{event_link(&ds.events[i as usize])}</li> }).collect_view()}</ul> }.into_any()
                }}
            </section>
        })
    }
}

/// The source's details and its sections, each a link to its first paragraph.
#[component]
fn About(source: &'static Source) -> impl IntoView {
    let ds = &DATASET;
    let i = ds
        .sources
        .iter()
        .position(|s| s.id == source.id)
        .unwrap_or(0) as u8;
    let at = |n: u16| {
        ReaderState {
            source: i,
            sel: Some((n, n)),
        }
        .href(ds)
    };
    view! {
        <section class="reader-about" aria-labelledby="about-source">
            <h2 id="about-source">"About this source"</h2>
            <p>{source.about}</p>
            {source.note.map(|n| view! { <p class="note">{n}</p> })}
            <p><a href=ReaderState { source: i, sel: None }.href(ds)>{format!("Read the whole text ({} paragraphs)", source.paragraphs)}</a>
                " · " <a href=Filter::of(Facet::Source, i as u32).href(ds)>"Every event citing it, on the timeline"</a></p>
            <h3>"Sections"</h3>
            <ol class="reader-sections">
                {source.sections.iter().map(|sec| view! {
                    <li><a href=at(sec.from)>{sec.heading}</a>
                        <span class="muted small">{format!(" ¶ {}", sec.from)}
                            {sec.inferred.then_some(" (a descriptive name)")}</span></li>
                }).collect_view()}
            </ol>
        </section>
    }
}
