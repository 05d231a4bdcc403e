//! The year histogram above the results: one bar per year (events matching
//! every filter but the years), the chosen years highlighted, period bands.

use super::Shown;
use crate::app::link::Linked;
use crate::app::views::common::cites;
use crate::core::dataset::DATASET;
use crate::core::filter::{afterwards_page, afterwards_years, FIRST_YEAR, LAST_YEAR};
use crate::core::link::LinkState;
use crate::core::link::Notices;
use crate::core::timeline::{read_periods, TimelineState};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The time axis: one bar per year (events matching every filter but the
/// years), the selected years highlighted, and period bands below.
#[component]
pub fn Histogram(shown: Shown) -> impl IntoView {
    let ds = &DATASET;
    let (link, filter, outcome) = (shown.link, shown.filter, shown.outcome);
    const W: i32 = 20;
    let years = (LAST_YEAR - FIRST_YEAR + 1) as usize;
    let width = years as i32 * W;
    // The bars are two paths (years inside the chosen range, and outside it),
    // redrawn as one attribute each: cheap enough to follow every keystroke.
    let paths = Memo::new(move |_| {
        let (from, to) = filter.with(|f| (f.from(), f.to()));
        outcome.with(|o| {
            let max = o.years.iter().copied().max().unwrap_or(1).max(1);
            let (mut inside, mut outside) = (String::new(), String::new());
            for (i, &n) in o.years.iter().enumerate().filter(|(_, &n)| n > 0) {
                let year = FIRST_YEAR + i as i32;
                let h = 4 + (n * 76 / max) as i32;
                let within = from.is_none_or(|a| year >= a) && to.is_none_or(|b| year <= b);
                let d = if within { &mut inside } else { &mut outside };
                d.push_str(&format!(
                    "M{} {}h{}v{h}h-{}z",
                    i as i32 * W + 2,
                    84 - h,
                    W - 4,
                    W - 4
                ));
            }
            (inside, outside)
        })
    });
    // A click on a bar chooses its year (the year fields do the same by keyboard).
    let on_bar = move |ev: leptos::ev::MouseEvent| {
        let Some(svg) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let r = svg.get_bounding_client_rect();
        if r.width() <= 0.0 || r.height() <= 0.0 {
            return;
        }
        let x = (f64::from(ev.client_x()) - r.left()) / r.width() * f64::from(width);
        let y = (f64::from(ev.client_y()) - r.top()) / r.height() * 146.0;
        let year = FIRST_YEAR + (x / f64::from(W)).floor() as i32;
        let has_events = outcome.with(|o| {
            o.years
                .get((year - FIRST_YEAR) as usize)
                .is_some_and(|&n| n > 0)
        });
        if y <= 86.0 && (FIRST_YEAR..=LAST_YEAR).contains(&year) && has_events {
            link.push(|s| {
                s.refilter(|f| {
                    f.set_years(Some(year), Some(year));
                })
            });
        }
    };
    let ticks = (FIRST_YEAR..=LAST_YEAR)
        .filter(|y| y % 5 == 0)
        .map(|y| view! { <text class="tick" x=(y - FIRST_YEAR) * W + W / 2 y=100 text-anchor="middle">{y}</text> })
        .collect_view();
    let scheme = Memo::new(move |_| link.state.with(|s| s.scheme(ds)));
    let bands = move || {
        scheme.get().map(|s| {
            let scheme = &ds.schemes[s];
            scheme
                .periods
                .iter()
                .enumerate()
                .map(|(k, p)| {
                    // An open bound ("before 1917") runs to the edge of the axis.
                    let a = if p.date.start_day().is_none() { FIRST_YEAR } else { i32::from(p.date.start().year) };
                    let b = if p.date.end_day().is_none() { LAST_YEAR } else { i32::from(p.date.end().year) };
                    let (a, b) = (a.clamp(FIRST_YEAR, LAST_YEAR), b.clamp(FIRST_YEAR, LAST_YEAR));
                    let x = (a - FIRST_YEAR) * W;
                    let w = ((b - a + 1) * W).max(W);
                    let row = (k % 2) as i32;
                    view! {
                        <g class=format!("band band{}", k % 4)>
                            <rect x=x y=108 + row * 18 width=w height=16 rx=3><title>{format!("{}: {}", p.name, p.date.display())}</title></rect>
                        </g>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="axis" aria-labelledby="axis-heading">
            <h2 id="axis-heading" class="visually-hidden">"Events per year"</h2>
            <div class="axis-scroll">
            <svg viewBox=format!("0 0 {width} 146") role="img" on:click=on_bar aria-label=move || {
                let total: u32 = outcome.with(|o| o.years.iter().sum());
                format!("Bar chart: {total} events per year from {FIRST_YEAR} to {LAST_YEAR}. Use the year fields to filter by year.")
            }>
                <line class="baseline" x1=0 y1=84 x2=width y2=84 />
                <path class="bar" d=move || paths.with(|p| p.0.clone()) />
                <path class="bar out" d=move || paths.with(|p| p.1.clone()) />
                {ticks}
                {bands}
            </svg>
            </div>
            <p class="axis-hint small" aria-hidden="true">"Scroll the chart sideways for the later years →"</p>
            <Afterwards shown />
            <Periods link scheme />
        </section>
    }
}

/// What came after 1937 (rehabilitations, archives, historians) is not drawn:
/// it is counted here, with a link to where it starts in the list.
#[component]
fn Afterwards(shown: Shown) -> impl IntoView {
    let ds = &DATASET;
    let (link, outcome) = (shown.link, shown.outcome);
    move || {
        let (first, last) = afterwards_years(ds)?;
        let n = outcome.with(|o| o.afterwards);
        (n > 0).then(|| {
            let page = outcome.with(|o| afterwards_page(ds, &o.events));
            let href = page.map(|p| {
                let mut s = link.now();
                s.page = p;
                s.href(ds)
            });
            let noun = if n == 1 { "event" } else { "events" };
            view! {
                <p class="afterwards small">
                    {format!("Afterwards, {first}–{last}: {n} {noun} (rehabilitations, archives opened, historians' work), not drawn on the axis; they close the list. ")}
                    {href.map(|h| view! { <a href=h>"Show them"</a> })}
                </p>
            }
        })
    }
}

/// The periods: which scheme's bands are drawn, and their legend.
#[component]
fn Periods(link: Linked<TimelineState>, scheme: Memo<Option<usize>>) -> impl IntoView {
    let ds = &DATASET;
    let on_scheme = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        let mut ignored = Notices::default();
        if let Some(p) = read_periods(&v, ds, &mut ignored) {
            link.push(|s| s.periods = p);
        }
    };
    let selected = move || match scheme.get() {
        Some(i) => ds.schemes[i].id,
        None => "none",
    };
    let legend = move || {
        scheme.get().map(|s| {
            let scheme = &ds.schemes[s];
            view! {
                <details class="bands-legend">
                <summary>{format!("The {} periods, with dates", scheme.periods.len())}</summary>
                <ol class="bands">
                    {scheme.periods.iter().enumerate().map(|(k, p)| view! {
                        <li><span class=format!("swatch band{}", k % 4) aria-hidden="true"></span>
                            <span class="date">{p.date.display()}</span> " " {p.name}</li>
                    }).collect_view()}
                </ol>
                <p class="muted small">"Proposed by " {scheme.proposed_by} ". " {cites(scheme.cite)}</p>
                </details>
            }
        })
    };
    view! {
        <div class="periods">
            <label for="periods">"Periods"</label>
            <select id="periods" on:change=on_scheme prop:value=selected>
                {ds.schemes.iter().map(|s| view! { <option value=s.id>{s.name}</option> }).collect_view()}
                <option value="none">"None"</option>
            </select>
        </div>
        {legend}
    }
}
