use super::common::dispute_link;
use crate::core::dataset::DATASET;
use crate::core::filter::{Facet, Filter};
use crate::core::link::LinkState;
use crate::core::model::DisputeKind;
use crate::core::reader::ReaderState;
use crate::core::stats::{claims_citing, disputes_of_kind, events_citing, reference};
use leptos::prelude::*;

#[component]
pub fn About() -> impl IntoView {
    let ds = &DATASET;
    let sources = ds
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let events = events_citing(ds, i);
            let claims = claims_citing(ds, i);
            view! {
                <li class="source" id=format!("source-{}", s.id)>
                    <h3>{s.title} {s.untitled.then_some(view! { <span class="muted">" (untitled; a descriptive title)"</span> })}</h3>
                    <p class="reference">{reference(s)}</p>
                    <dl class="facts">
                        {s.author.map(|a| view! { <dt>"Author"</dt><dd>{a}</dd> })}
                        {s.container.map(|c| view! { <dt>"In"</dt><dd>{c}</dd> })}
                        <dt>"Kind"</dt><dd>{s.kind}</dd>
                        {(s.short != s.title).then(|| view! { <dt>"Short title"</dt><dd>{s.short}</dd> })}
                        <dt>"Length"</dt><dd>{format!("{} paragraphs", s.paragraphs)}</dd>
                        {(!s.sections.is_empty()).then(|| view! {
                            <dt>"Sections"</dt>
                            <dd><ol class="source-sections">{s.sections.iter().map(|sec| view! {
                                <li>{sec.heading} <span class="muted small">{format!(" (from ¶ {}{})", sec.from, if sec.inferred { "; no heading in the text, named by Tarikh" } else { "" })}</span></li>
                            }).collect_view()}</ol></dd>
                        })}
                        <dt>"Cited by"</dt>
                        <dd class="cited-by">
                            <a href=Filter::of(Facet::Source, i as u32).href(ds)>{format!("{events} events")}</a>
                            {format!(", {claims} dispute claims")}
                        </dd>
                    </dl>
                    <p>{s.about}</p>
                    <p class="read-source"><a href=ReaderState { source: i as u8, sel: None }.href(ds)>
                        {format!("Read the text: “{}”, {} paragraphs", s.short, s.paragraphs)}</a></p>
                    {s.note.map(|n| view! { <p class="note">{n}</p> })}
                </li>
            }
        })
        .collect_view();
    let disputes = [
        DisputeKind::BetweenSources,
        DisputeKind::WithinSource,
        DisputeKind::Unsupported,
    ]
    .into_iter()
    .map(|kind| {
        let items = disputes_of_kind(ds, kind)
            .map(|i| view! { <li>{dispute_link(i as u16)}</li> })
            .collect_view();
        let n = disputes_of_kind(ds, kind).count();
        view! {
            <h3>{kind.label()} " (" {n} ")"</h3>
            <ul class="disputes">{items}</ul>
        }
    })
    .collect_view();
    view! {
        <h1>"About Tarikh"</h1>
        <p>"Tarikh lets students, teachers and anyone curious explore the Alash movement and the Basmachi revolt in Central Asia, 1891–1937, and how they were remembered and studied afterwards: a timeline to filter and share as a link, biographies of the people involved, and quizzes for a class."</p>
        <p>"Everything it states comes from the five texts below, each statement with the place in the text it comes from (the paragraph, and the section it falls under). Events are described in Tarikh's own words; short quotations are marked. Where the texts disagree, or a claim is doubtful, Tarikh does not pick a side: it lists every claim with its source."</p>
        <p class="counts">{format!(
            "The dataset: {} events, {} people, {} places, {} organisations, {} disputes.",
            ds.events.len(), ds.people.len(), ds.places.len(), ds.orgs.len(), ds.disputes.len()
        )}</p>
        <h2 id="sources">"Sources"</h2>
        <ol class="sources">{sources}</ol>
        <h2 id="disputes">"Where the sources disagree"</h2>
        <p><a href=crate::core::route::View::Disputes.href()>"All the disputes, by topic or by strand"</a></p>
        {disputes}
    }
}
