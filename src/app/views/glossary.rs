//! The glossary (`#/glossary`): every term the sources use, alphabetically, with
//! the forms they print it in and its citations; and one term's own page
//! (`#/glossary/<id>`), which the terms in titles and summaries link to.

use super::common::{cite_line, cites};
use super::not_found::NotFound;
use crate::core::dataset::DATASET;
use crate::core::glossary::{alphabetical, see_also};
use crate::core::model::Gloss;
use crate::core::route::View;
use leptos::prelude::*;

/// The forms a term is printed in, as one line: "Alash, Alaş".
fn spellings_line(g: &Gloss) -> String {
    g.spellings
        .iter()
        .map(|n| n.name)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Tarikh's note on how it uses a term, marked as Tarikh's (it cites nothing).
fn usage(g: &'static Gloss) -> Option<impl IntoView> {
    g.usage.map(|u| {
        view! { <p class="usage"><strong>"How Tarikh uses it: "</strong>{u}</p> }
    })
}

#[component]
pub fn Glossary() -> impl IntoView {
    let ds = &DATASET;
    let entries = alphabetical(ds)
        .into_iter()
        .map(|i| {
            let g = &ds.glossary[i as usize];
            view! {
                <li class="gloss" id=format!("term-{}", g.id)>
                    <h2><a href=View::Term(g.id.into()).href()>{g.term}</a></h2>
                    <p>{g.definition}</p>
                    {usage(g)}
                    <p class="meta small"><span class="k">"Printed as: "</span>{spellings_line(g)}</p>
                    {cite_line(g.cite)}
                </li>
            }
        })
        .collect_view();
    view! {
        <h1>"Glossary"</h1>
        <p class="lede">{format!(
            "The {} terms the sources use that a reader may not know, each with the forms the sources print it in. Definitions are in Tarikh's own words, from the paragraphs cited; a note marked “How Tarikh uses it” is Tarikh's own and cites nothing.",
            ds.glossary.len()
        )}</p>
        <p class="muted small">"In event titles and summaries, a term is linked to its entry where it first appears on a page."</p>
        <ol class="glossary">{entries}</ol>
    }
}

/// One term: its definition, usage note, every spelling and which source prints
/// it, the records it concerns, and its sources.
#[component]
pub fn Term(id: String) -> impl IntoView {
    let ds = &DATASET;
    let Some(g) = ds.gloss(&id) else {
        return view! {
            <NotFound what=format!("glossary term “{id}”")>
                <p><a href=View::Glossary.href()>"See every term in the glossary"</a> "."</p>
            </NotFound>
        }
        .into_any();
    };
    let spellings = g
        .spellings
        .iter()
        .map(|n| {
            view! {
                <tr>
                    <th scope="row">{n.name}</th>
                    <td>{ds.name_sources(n)}</td>
                </tr>
            }
        })
        .collect_view();
    let see = g
        .see
        .iter()
        .map(|&s| {
            let (href, kind, name) = see_also(ds, s);
            view! { <li><a href=href>{name}</a> <span class="muted">"(" {kind} ")"</span></li> }
        })
        .collect_view();
    view! {
        <p class="kicker"><a href=View::Glossary.href()>"Glossary"</a></p>
        <h1>{g.term}</h1>
        <p class="definition">{g.definition}</p>
        {usage(g)}
        <h2>"Spellings"</h2>
        <p class="muted small">"Every form the sources print, and which source prints it."</p>
        <table class="names">
            <thead><tr><th scope="col">"Spelling"</th><th scope="col">"Used in"</th></tr></thead>
            <tbody>{spellings}</tbody>
        </table>
        {(!g.see.is_empty()).then(|| view! { <h2>"See also"</h2><ul class="see-also">{see}</ul> })}
        <h2>"Sources"</h2>
        {cites(g.cite)}
        <p><a href=View::Glossary.href()>"All terms"</a></p>
    }
    .into_any()
}
