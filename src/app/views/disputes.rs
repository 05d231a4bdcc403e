//! The disputes index (`#/disputes?sort=…`): every dispute, by topic (what its
//! title asks about) or under each strand it touches (`core::disputes`); the
//! order is a link, so it can be shared and Back returns to the other.

use super::common::{comma_list, strand_link, Notices};
use crate::app::link::Linked;
use crate::core::dataset::DATASET;
use crate::core::disputes::{index, strands, DisputesState, Group, Sort};
use crate::core::filter::{Facet, Filter};
use crate::core::link::LinkState;
use crate::core::route::View;
use leptos::prelude::*;

#[component]
pub fn Disputes() -> impl IntoView {
    let ds = &DATASET;
    let link = Linked::<DisputesState>::provide();
    let sort = Memo::new(move |_| link.state.with(|s| s.sort));
    let order = Sort::ALL
        .iter()
        .map(|&o| {
            let href = DisputesState { sort: o }.href(ds);
            let current = move || (sort.get() == o).then_some("true");
            view! { <li><a href=href aria-current=current>{o.label()}</a></li> }
        })
        .collect_view();
    let groups = move || {
        index(ds, sort.get())
            .into_iter()
            .map(|g| group(g, sort.get()))
            .collect_view()
    };
    view! {
        <h1>"Disputes"</h1>
        <p class="lede">{format!(
            "The {} places where the sources disagree with each other, contradict themselves, or make a claim nothing else supports. Each page sets the claims side by side; Tarikh takes no side.",
            ds.disputes.len()
        )}</p>
        <Notices notices=link.notices />
        <nav class="sort-links" aria-label="Order of the disputes">
            <span class="k">"Order: "</span>
            <ul>{order}</ul>
        </nav>
        <p class="muted small">{move || match sort.get() {
            Sort::Topic => "By what each question asks about: the first name or year in its title.",
            Sort::Strand => "Under each strand of the events it touches; a dispute touching several strands is under each.",
        }}</p>
        {groups}
    }
}

/// One heading's disputes: a strand's (with its disputed events on the
/// timeline), or the whole list.
fn group(g: Group, sort: Sort) -> impl IntoView {
    let ds = &DATASET;
    let heading = match (sort, g.strand) {
        (Sort::Topic, _) => None,
        (Sort::Strand, Some(t)) => {
            let mut f = Filter::of(Facet::Strand, t as u32);
            f.disputed = true;
            let name = ds.tags[t as usize].name;
            Some(view! {
                <h2 id=format!("strand-{}", ds.tags[t as usize].id)>{format!("{name} ({})", g.disputes.len())}</h2>
                <p class="muted small"><a href=f.href(ds)>{format!("Disputed events in {name} on the timeline")}</a></p>
            }.into_any())
        }
        (Sort::Strand, None) => {
            Some(view! { <h2 id="strand-none">"Touching no strand"</h2> }.into_any())
        }
    };
    let items = g
        .disputes
        .into_iter()
        .map(|d| {
            let dispute = &ds.disputes[d as usize];
            view! {
                <li>
                    <a href=View::Dispute(dispute.id.into()).href()>{dispute.title}</a>
                    <span class="meta small">" " {dispute.kind.label()}
                        {(!strands(ds, d as usize).is_empty()).then(|| view! {
                            " · " {comma_list(strands(ds, d as usize).into_iter().map(strand_link))}
                        })}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        {heading}
        <ul class="dispute-index">{items}</ul>
    }
}
