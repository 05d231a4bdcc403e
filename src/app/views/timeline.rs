//! The timeline: filters (all in the URL), the time axis with period bands,
//! and one page of event cards.

use super::common::{cites, comma_list, dispute_link, pager, person_link, Notices};
use crate::app::router::{use_router, Entry};
use crate::core::dataset::{DATASET, SEARCH};
use crate::core::export;
use crate::core::filter::{
    apply, label_of, page_of, start_year, Facet, Filter, Outcome, FIRST_YEAR, LAST_YEAR,
};
use crate::core::model::Event;
use crate::core::quiz::quiz_href_for;
use crate::core::route::View;
use crate::core::stats::claimed_dates_text;
use crate::core::text::{keys, Query};
use leptos::prelude::*;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = ["navigator", "clipboard"], js_name = writeText, catch)]
    fn clipboard_write(text: &str) -> Result<js_sys::Promise, wasm_bindgen::JsValue>;
}

#[component]
pub fn Timeline() -> impl IntoView {
    let router = use_router();
    let ds = &DATASET;
    let parsed = Memo::new(move |_| router.route.with(|r| Filter::from_query(ds, &r.query)));
    let filter = Memo::new(move |_| parsed.with(|(f, _)| f.clone()));
    let notices = Memo::new(move |_| parsed.with(|(_, n)| n.clone()));
    let outcome = Memo::new(move |_| filter.with(|f| apply(ds, &SEARCH, f)));
    // Typing replaces the history entry its first keystroke pushed.
    let typing = StoredValue::new(false);

    let set = move |f: Filter, entry: Entry| {
        if entry == Entry::Push {
            typing.set_value(false);
        }
        let q = f.to_query(ds);
        let target = if q.is_empty() {
            "#/timeline".to_string()
        } else {
            format!("#/timeline?{q}")
        };
        router.go(&target, entry);
    };
    let update = move |entry: Entry, change: &dyn Fn(&mut Filter)| {
        let mut f = filter.get_untracked();
        change(&mut f);
        set(f, entry);
    };

    let on_search = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let entry = if typing.get_value() {
            Entry::Replace
        } else {
            Entry::Push
        };
        let mut f = filter.get_untracked();
        f.q = value;
        f.page = 1;
        set(f, entry);
        typing.set_value(true);
    };

    let count_text = move || {
        let n = outcome.with(|o| o.events.len());
        match n {
            0 => "No events match.".to_string(),
            1 => "1 event matches.".to_string(),
            n if filter.with(Filter::is_clear) => format!("All {n} events."),
            n => format!("{n} events match."),
        }
    };

    let copied = RwSignal::new(None::<bool>);
    let copy_link = move |_| {
        let href = router.href();
        match clipboard_write(&href) {
            Ok(p) => {
                leptos::task::spawn_local(async move {
                    let ok = wasm_bindgen_futures::JsFuture::from(p).await.is_ok();
                    copied.set(Some(ok));
                });
            }
            Err(_) => copied.set(Some(false)),
        }
    };

    // The search index is built in idle time after the first render, so the
    // first keystroke does not wait for it.
    set_timeout(|| SEARCH.prepare(), std::time::Duration::from_millis(300));

    view! {
        <h1>"Timeline"</h1>
        <p class="lede">"The Alash movement and the Basmachi revolt, 1891–1937, event by event, each with its sources."</p>
        <p class="print-only">{move || format!("Filter: {}.", filter.with(|f| f.describe(ds)))}</p>
        <Notices notices />
        <div class="search-row">
            <label for="q">"Search"</label>
            <input id="q" type="search" autocomplete="off" spellcheck="false"
                placeholder="Names in any spelling, places, events…"
                prop:value=move || filter.with(|f| f.q.clone())
                on:input=on_search />
        </div>
        <Axis filter outcome update />
        <div class="timeline-layout">
            <Filters filter outcome update />
            <section class="results" aria-labelledby="results-heading">
                <h2 id="results-heading" class="visually-hidden">"Events"</h2>
                <div class="results-bar">
                    <p role="status" aria-live="polite" class="count">{count_text}</p>
                    <button type="button" class="secondary" on:click=copy_link>"Copy link"</button>
                    <a class="no-print" href=move || filter.with(|f| quiz_href_for(ds, f))>"Quiz me on these events"</a>
                    <span class="copied" aria-live="polite">{move || match copied.get() {
                        Some(true) => "Link copied.",
                        Some(false) => "Could not copy: use the address bar.",
                        None => "",
                    }}</span>
                </div>
                <details class="export">
                    <summary>"Export and cite"</summary>
                    <p>
                        <button type="button" class="secondary" on:click=move |_| outcome.with(|o| download("tarikh-events.csv", "text/csv;charset=utf-8", &export::csv(ds, &o.events)))>"Download CSV"</button>
                        " "
                        <button type="button" class="secondary" on:click=move |_| outcome.with(|o| download("tarikh-events.json", "application/json", &export::json(ds, &o.events)))>"Download JSON"</button>
                    </p>
                    <label for="cite-text">"Cite this view"</label>
                    <textarea id="cite-text" readonly rows="3" prop:value=move || {
                        let _ = router.route.get();
                        let href = router.href();
                        let n = outcome.with(|o| o.events.len());
                        let date = js_sys::Date::new_0().to_iso_string().as_string().unwrap_or_default();
                        format!("Tarikh, timeline of {n} events ({}). {href} (accessed {}).", filter.with(|f| f.describe(ds)), date.get(..10).unwrap_or(""))
                    }></textarea>
                </details>
                <Empty filter outcome update />
                <Cards filter outcome />
                <Pager filter outcome update />
            </section>
        </div>
    }
}

/// Saves `text` as a file the browser downloads.
fn download(name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&text.into());
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(a) = document().create_element("a") {
        let _ = a.set_attribute("href", &url);
        let _ = a.set_attribute("download", name);
        if let Ok(a) = a.dyn_into::<web_sys::HtmlElement>() {
            a.click();
        }
    }
    // Let the download start before the object URL goes.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(5),
    );
}

/// The time axis: one bar per year (events matching every filter but the
/// years), the selected years highlighted, and period bands below.
#[component]
fn Axis(
    filter: Memo<Filter>,
    outcome: Memo<Outcome>,
    update: impl Fn(Entry, &dyn Fn(&mut Filter)) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let ds = &DATASET;
    const W: i32 = 20;
    let years = (LAST_YEAR - FIRST_YEAR + 1) as usize;
    let width = years as i32 * W;
    // The bars are two paths (years inside the chosen range, and outside it),
    // redrawn as one attribute each: cheap enough to follow every keystroke.
    let paths = Memo::new(move |_| {
        let (from, to) = filter.with(|f| (f.from, f.to));
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
            update(Entry::Push, &|f| {
                f.from = Some(year);
                f.to = Some(year);
                f.page = 1;
            });
        }
    };
    let ticks = (FIRST_YEAR..=LAST_YEAR)
        .filter(|y| y % 5 == 0)
        .map(|y| view! { <text class="tick" x=(y - FIRST_YEAR) * W + W / 2 y=100 text-anchor="middle">{y}</text> })
        .collect_view();
    let scheme = Memo::new(move |_| filter.with(|f| f.scheme(ds)));
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
    let on_scheme = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        update(Entry::Push, &|f| {
            f.periods = match v.as_str() {
                "none" => Some(None),
                id => ds
                    .schemes
                    .iter()
                    .position(|s| s.id == id)
                    .map(|i| Some(i as u32)),
            }
        });
    };
    let selected = move || match filter.with(|f| f.scheme(ds)) {
        Some(i) => ds.schemes[i].id,
        None => "none",
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
            <div class="periods">
                <label for="periods">"Periods"</label>
                <select id="periods" on:change=on_scheme prop:value=selected>
                    {ds.schemes.iter().map(|s| view! { <option value=s.id>{s.name}</option> }).collect_view()}
                    <option value="none">"None"</option>
                </select>
            </div>
            {legend}
        </section>
    }
}

/// The facets: every value with the number of events it would give.
#[component]
fn Filters(
    filter: Memo<Filter>,
    outcome: Memo<Outcome>,
    update: impl Fn(Entry, &dyn Fn(&mut Filter)) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let ds = &DATASET;
    let year_input = move |label: &'static str, id: &'static str, is_from: bool| {
        let value = move || {
            filter
                .with(|f| if is_from { f.from } else { f.to })
                .map(|y| y.to_string())
                .unwrap_or_default()
        };
        view! {
            <label for=id>{label}</label>
            <input id=id type="number" inputmode="numeric" min=FIRST_YEAR max=LAST_YEAR prop:value=value
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    let year = v.trim().parse::<i32>().ok().filter(|y| (FIRST_YEAR..=LAST_YEAR).contains(y));
                    update(Entry::Push, &|f| {
                        if is_from { f.from = year } else { f.to = year }
                        if let (Some(a), Some(b)) = (f.from, f.to) { if a > b { (f.from, f.to) = (Some(b), Some(a)) } }
                        f.page = 1;
                    });
                } />
        }
    };
    let checks = move |facet: Facet, values: Vec<u32>| {
        values
            .into_iter()
            .map(|v| {
                let checked = move || filter.with(|f| f.list(facet).contains(&v));
                let count = move || outcome.with(|o| o.counts(facet)[v as usize]);
                let id = format!("f-{}-{v}", facet_key(facet));
                view! {
                    <li class=move || if count() == 0 && !checked() { "facet-value empty" } else { "facet-value" }>
                        <input type="checkbox" id=id.clone() prop:checked=checked
                            on:change=move |_| update(Entry::Push, &|f| f.toggle(facet, v)) />
                        <label for=id>{label_of(ds, facet, v)} " " <span class="n">"(" {count} ")"</span></label>
                    </li>
                }
            })
            .collect_view()
    };
    let all = |n: usize| (0..n as u32).collect::<Vec<_>>();
    let types_open = RwSignal::new(false);
    view! {
        // Open beside the results on wide screens; folded above them on phones.
        <details class="filters" open=window().inner_width().ok().and_then(|w| w.as_f64()).is_some_and(|w| w >= 960.0)>
            <summary><h2 id="filters-heading">"Filters"</h2></summary>
            <fieldset class="years">
                <legend>"Years"</legend>
                {year_input("From", "from", true)}
                {year_input("To", "to", false)}
            </fieldset>
            <fieldset>
                <legend>"Strand"</legend>
                <ul class="facet">{checks(Facet::Strand, all(ds.tags.len()))}</ul>
            </fieldset>
            <fieldset>
                <legend>"Source"</legend>
                <ul class="facet">{checks(Facet::Source, all(ds.sources.len()))}</ul>
            </fieldset>
            <div class="facet-value">
                <input type="checkbox" id="f-disputed" prop:checked=move || filter.with(|f| f.disputed)
                    on:change=move |_| update(Entry::Push, &|f| { f.disputed = !f.disputed; f.page = 1; }) />
                <label for="f-disputed">"Disputed only " <span class="n">"(" {move || outcome.with(|o| o.disputed)} ")"</span></label>
            </div>
            <Picker facet=Facet::Person filter outcome update />
            <Picker facet=Facet::Place filter outcome update />
            <Picker facet=Facet::Org filter outcome update />
            // Rendered only while open, to keep the page light.
            <details class="facet-more" prop:open=move || types_open.get() || filter.with(|f| !f.types.is_empty())
                on:toggle=move |ev| types_open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
                <summary>"Event type" {move || {
                    let n = filter.with(|f| f.types.len());
                    (n > 0).then(|| format!(" ({n} chosen)"))
                }}</summary>
                {move || (types_open.get() || filter.with(|f| !f.types.is_empty())).then(|| view! {
                    <ul class="facet">{checks(Facet::Type, all(ds.event_types.len()))}</ul>
                })}
            </details>
        </details>
    }
}

fn facet_key(f: Facet) -> &'static str {
    match f {
        Facet::Strand => "strand",
        Facet::Type => "type",
        Facet::Person => "person",
        Facet::Place => "place",
        Facet::Org => "org",
        Facet::Source => "source",
        _ => "other",
    }
}

/// A facet with many values (people, places, organisations): the chosen ones
/// as removable chips, and a search box listing the best matches with counts.
#[component]
fn Picker(
    facet: Facet,
    filter: Memo<Filter>,
    outcome: Memo<Outcome>,
    update: impl Fn(Entry, &dyn Fn(&mut Filter)) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let ds = &DATASET;
    let (title, hint) = match facet {
        Facet::Person => ("Person", "Find a person"),
        Facet::Place => ("Place", "Find a place"),
        _ => ("Organisation", "Find an organisation"),
    };
    let id = format!("pick-{}", facet_key(facet));
    let text = RwSignal::new(String::new());
    let names = move |v: u32| -> String {
        let i = v as usize;
        let mut s = String::new();
        match facet {
            Facet::Person => {
                let p = &ds.people[i];
                s.push_str(p.name);
                for n in p.names.iter().chain(p.epithets) {
                    s.push(' ');
                    s.push_str(n.name);
                }
            }
            Facet::Place => {
                s.push_str(ds.places[i].name);
                ds.places[i].names.iter().for_each(|n| {
                    s.push(' ');
                    s.push_str(n)
                });
            }
            _ => {
                s.push_str(ds.orgs[i].name);
                ds.orgs[i].names.iter().for_each(|n| {
                    s.push(' ');
                    s.push_str(n)
                });
            }
        }
        s
    };
    let matches = move || {
        let q = Query::new(&text.get());
        let selected = filter.with(|f| f.list(facet).to_vec());
        let mut best: Vec<(u32, u32)> = outcome.with(|o| {
            o.counts(facet)
                .iter()
                .enumerate()
                .filter(|&(i, &n)| n > 0 && !selected.contains(&(i as u32)))
                .map(|(i, &n)| (i as u32, n))
                .collect()
        });
        if !q.is_empty() {
            best.retain(|&(v, _)| q.matches(&keys(&names(v))));
        }
        best.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        best.truncate(6);
        best
    };
    let chips = move || {
        filter
            .with(|f| f.list(facet).to_vec())
            .into_iter()
            .map(|v| {
                let name = label_of(ds, facet, v);
                view! {
                    <li><button type="button" class="chip" aria-label=format!("Remove {title} filter: {name}")
                        on:click=move |_| update(Entry::Push, &|f| f.toggle(facet, v))>{name} " ×"</button></li>
                }
            })
            .collect_view()
    };
    view! {
        <fieldset class="picker">
            <legend>{title}</legend>
            <ul class="chips">{chips}</ul>
            <label for=id.clone() class="visually-hidden">{hint}</label>
            <input id=id type="search" placeholder=hint autocomplete="off"
                prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev)) />
            <ul class="suggestions">
                {move || matches().into_iter().map(|(v, n)| view! {
                    <li><button type="button" class="suggestion"
                        on:click=move |_| { text.set(String::new()); update(Entry::Push, &|f| f.toggle(facet, v)); }>
                        {label_of(ds, facet, v)} " " <span class="n">"(" {n} ")"</span></button></li>
                }).collect_view()}
            </ul>
        </fieldset>
    }
}

/// When nothing matches: say which filters emptied the list, and offer to clear each.
#[component]
fn Empty(
    filter: Memo<Filter>,
    outcome: Memo<Outcome>,
    update: impl Fn(Entry, &dyn Fn(&mut Filter)) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    move || {
        let culprits = outcome.with(|o| {
            if o.events.is_empty() {
                filter.with(|f| o.culprits(f))
            } else {
                Vec::new()
            }
        });
        let empty = outcome.with(|o| o.events.is_empty());
        empty.then(|| {
            let offers = culprits
                .into_iter()
                .map(|(facet, n)| {
                    view! {
                        <li><button type="button" on:click=move |_| update(Entry::Push, &|f| f.clear(facet))>
                            {format!("Clear the {} filter ({n} events)", facet.label())}
                        </button></li>
                    }
                })
                .collect_view();
            view! {
                <div class="empty">
                    <p>"No event matches all of these filters together."</p>
                    <ul class="offers">{offers}</ul>
                    <p><a href="#/timeline">"Clear every filter"</a></p>
                </div>
            }
        })
    }
}

/// One page of event cards, keyed so unchanged cards are kept while typing.
#[component]
fn Cards(filter: Memo<Filter>, outcome: Memo<Outcome>) -> impl IntoView {
    let page = Memo::new(move |_| {
        let p = filter.with(|f| f.page);
        outcome.with(|o| page_of(&o.events, p).0.to_vec())
    });
    view! {
        <ol class="cards">
            <For each=move || page.get() key=|&i| i let:i>
                <Card e=&DATASET.events[i as usize] />
            </For>
        </ol>
    }
}

#[component]
fn Card(e: &'static Event) -> impl IntoView {
    let ds = &DATASET;
    let year = start_year(e);
    // Plain text where no link is needed keeps each card to a few DOM nodes.
    let join = |items: &mut dyn Iterator<Item = &'static str>| items.collect::<Vec<_>>().join(", ");
    let places = join(&mut e.places.iter().map(|&p| ds.places[p as usize].name));
    let tags = join(&mut e.tags.iter().map(|&t| ds.tags[t as usize].id));
    let sources = e
        .cite
        .iter()
        .map(|c| ds.cite_text(c))
        .collect::<Vec<_>>()
        .join("; ");
    view! {
        <li class="card" data-year=year>
            <article>
                <p class="card-date"><time>{e.date.display()}</time>
                    {claimed_dates_text(ds, e).map(|t| view! { <span class="claimed">" — " {t}</span> })}
                    {(!e.disputes.is_empty()).then(|| view! {
                        " " <span class="disputed-mark">"Disputed: " {comma_list(e.disputes.iter().map(|&d| dispute_link(d)))}</span>
                    })}
                </p>
                <h3><a href=View::Event(e.id.into()).href()>{e.title}</a></h3>
                <p>{e.summary}</p>
                <p class="meta small">
                    {(!e.people.is_empty()).then(|| view! { <span class="k">"People: "</span> {comma_list(e.people.iter().map(|&p| person_link(p)))} <br/> })}
                    {(!e.places.is_empty()).then(|| view! { <span class="k">"Places: "</span> {places} <br/> })}
                    <span class="k">"Strand: "</span> {tags} <br/>
                    <span class="k">"Sources: "</span> <cite>{sources}</cite>
                </p>
            </article>
        </li>
    }
}

#[component]
fn Pager(
    filter: Memo<Filter>,
    outcome: Memo<Outcome>,
    update: impl Fn(Entry, &dyn Fn(&mut Filter)) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let pages = Memo::new(move |_| outcome.with(|o| page_of(&o.events, 1).1));
    let page = Memo::new(move |_| filter.with(|f| f.page).clamp(1, pages.get()));
    let go = Callback::new(move |p: u32| update(Entry::Push, &|f| f.page = p));
    pager(
        "Pages of events",
        "← Earlier",
        "Later →",
        "results-heading",
        page,
        pages,
        go,
    )
}
