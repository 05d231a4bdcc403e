//! Present mode (`#/present?<timeline filter>&at=<event-id>`): the events of a
//! filter as full-screen slides for a projector. An opening slide names the
//! selection, one slide per event in date order, a closing slide lists the
//! sources. →/←/Space/PageUp/PageDown/Home/End and swipes move; `Esc` goes back
//! to the timeline at the same filter with the event selected. The link follows
//! the slide (`at=`). Printing gives one slide per page (a handout).
//! `core::axis::present` decides the slides; this only shows them.

use super::common::{cite_line, cites, comma_list, log, person_link, plain_keys, Notices};
use crate::app::link::Linked;
use crate::core::axis::periods::PALETTE;
use crate::core::axis::present::{opening_words, Deck, Slide};
use crate::core::axis::{Bands, Limits, Scale};
use crate::core::dataset::{DATASET, SEARCH};
use crate::core::link::{LinkState, Notice};
use crate::core::route::View;
use crate::core::stats::claimed_dates_text;
use crate::core::timeline::{At, PresentState, TimelineState};
use gloo_events::EventListener;
use leptos::prelude::*;

/// The strip under a slide: every slide's event as a tick, this one marked.
const STRIP_W: f64 = 1000.0;

#[component]
pub fn Present() -> impl IntoView {
    let ds = &DATASET;
    let link = Linked::<PresentState>::provide();
    let router = crate::app::router::use_router();
    let deck = Memo::new(move |_| link.state.with(|s| Deck::new(ds, &s.events(ds, &SEARCH))));
    // The slide the link names, and a notice when its event is not in the deck.
    let placed = Memo::new(move |_| {
        let at = link.state.with(|s| s.at);
        deck.with(|d| match at {
            None => (0, None),
            Some(At::Sources) => (d.end(), None),
            Some(At::Event(e)) => match d.of_event(e) {
                Some(i) => (i, None),
                None => (
                    0,
                    Some(Notice::NotShown {
                        id: ds.events[e as usize].id.to_string(),
                    }),
                ),
            },
        })
    });
    let notices = Memo::new(move |_| {
        let mut n = link.notices.get();
        n.extend(placed.with(|(_, extra)| extra.clone()));
        n
    });
    let index = Memo::new(move |_| placed.with(|(i, _)| *i));
    let nav = Nav { link, deck, index };
    let on_key = move |ev: &web_sys::KeyboardEvent| {
        let target = match ev.key().as_str() {
            "ArrowRight" | "PageDown" | " " => Some(nav.next()),
            "ArrowLeft" | "PageUp" => Some(nav.prev()),
            "Home" => Some(0),
            "End" => Some(deck.with_untracked(Deck::end)),
            "Escape" => {
                if document().fullscreen_element().is_none() {
                    router.go(&leave_href(&link.now()), crate::app::router::Entry::Push);
                }
                None
            }
            _ => return,
        };
        // Keys typed into a control (the notice list has none) are left alone.
        ev.prevent_default();
        if let Some(t) = target {
            nav.go(t);
        }
    };
    let keys = plain_keys(on_key);
    // A handout prints every slide: rendered only when printing.
    let printing = RwSignal::new(false);
    let before = EventListener::new(&window(), "beforeprint", move |_| printing.set(true));
    let after = EventListener::new(&window(), "afterprint", move |_| printing.set(false));
    let listeners = StoredValue::new_local(Some((keys, before, after)));
    on_cleanup(move || listeners.set_value(None));

    // Swipes.
    let start_x = StoredValue::new(None::<i32>);
    let on_down = move |ev: leptos::ev::PointerEvent| start_x.set_value(Some(ev.client_x()));
    let on_up = move |ev: leptos::ev::PointerEvent| {
        if let Some(x0) = start_x.get_value() {
            let dx = ev.client_x() - x0;
            if dx < -60 {
                nav.go(nav.next());
            } else if dx > 60 {
                nav.go(nav.prev());
            }
        }
        start_x.set_value(None);
    };

    let slide = move || {
        let i = index.get();
        let s = link.now();
        deck.with(|d| slide_view(d, i, &s))
    };
    let strip = move || {
        let i = index.get();
        deck.with(|d| strip_view(d, i))
    };
    let handout = move || {
        printing.get().then(|| {
            let s = link.now();
            deck.with(|d| {
                (0..d.len())
                    .map(|k| view! { <div class="handout-page">{slide_view(d, k, &s)}</div> })
                    .collect_view()
            })
        })
    };
    view! {
        <div class="present no-print-stage">
            <Notices notices />
            <div id="present-stage" class="present-stage" on:pointerdown=on_down on:pointerup=on_up>
                <Bar nav />
                <article class="slide" aria-live="polite">{slide}</article>
                <div class="present-strip no-print">{strip}</div>
            </div>
        </div>
        <div class="handout print-only">{handout}</div>
    }
}

/// Moving through the deck: the link follows the slide (`at=`; replace, not a
/// history entry per slide).
#[derive(Clone, Copy)]
struct Nav {
    link: Linked<PresentState>,
    deck: Memo<Deck>,
    /// The slide shown.
    index: Memo<usize>,
}

impl Nav {
    fn go(self, i: usize) {
        let at = self.deck.with_untracked(|d| match d.slide(i) {
            Slide::Opening => None,
            Slide::Event(e) => Some(At::Event(e)),
            Slide::Closing => Some(At::Sources),
        });
        self.link.replace(|s| s.at = at);
    }

    /// The next slide's index.
    fn next(self) -> usize {
        let i = self.index.get_untracked();
        self.deck.with_untracked(|d| d.next(i))
    }

    /// The previous slide's index.
    fn prev(self) -> usize {
        let i = self.index.get_untracked();
        self.deck.with_untracked(|d| d.prev(i))
    }
}

/// Where leaving goes: a tour to its page; a filter to its timeline, with the
/// slide's event selected.
fn leave_href(s: &PresentState) -> String {
    let ds = &DATASET;
    if let Some(k) = s.tour {
        return View::Tour(ds.tours[k as usize].id.into()).href();
    }
    let sel = match s.at {
        Some(At::Event(e)) => Some(e),
        _ => None,
    };
    TimelineState {
        sel,
        ..TimelineState::of(s.filter.clone())
    }
    .href(ds)
}

/// The bar over the slide: leave, where in the deck, previous / next, full screen.
#[component]
fn Bar(nav: Nav) -> impl IntoView {
    let Nav { link, deck, index } = nav;
    let progress = move || {
        let i = index.get();
        deck.with(|d| match d.slide(i) {
            Slide::Opening => "Opening".to_string(),
            Slide::Closing => "Sources".to_string(),
            Slide::Event(_) => format!("{} of {}", i, d.events().len()),
        })
    };
    let full_screen = move |_| {
        let doc = document();
        let result = if doc.fullscreen_element().is_some() {
            doc.exit_fullscreen();
            Ok(())
        } else {
            doc.get_element_by_id("present-stage")
                .map_or(Ok(()), |el| el.request_fullscreen())
        };
        if result.is_err() {
            log("Full screen is not allowed here");
        }
    };
    view! {
        <div class="present-bar no-print">
            <a href=move || link.state.with(leave_href)>"Leave (Esc)"</a>
            <span class="present-progress" aria-live="polite">{progress}</span>
            <button type="button" class="secondary" on:click=move |_| nav.go(nav.prev())>"← Previous"</button>
            <button type="button" class="secondary" on:click=move |_| nav.go(nav.next())>"Next →"</button>
            <button type="button" class="secondary" on:click=full_screen>"Full screen"</button>
        </div>
    }
}

/// One slide: the opening, an event, or the sources.
fn slide_view(d: &Deck, i: usize, s: &PresentState) -> AnyView {
    let ds = &DATASET;
    let tour = s.tour.map(|k| &ds.tours[k as usize]);
    match d.slide(i) {
        Slide::Opening => {
            let (kicker, words, intro) = match tour {
                Some(t) => (
                    "Tarikh · A guided tour",
                    t.title.to_string(),
                    Some(view! { <p class="slide-summary">{t.intro}</p> {cites(t.cite)} }),
                ),
                None => (
                    "Tarikh · Present",
                    opening_words(ds, &s.filter, d.events().len()),
                    None,
                ),
            };
            view! {
                <p class="kicker">{kicker}</p>
                <h1>{words}</h1>
                {intro}
                <p class="slide-hint no-print">"→, Space or a swipe for the next slide; Esc to leave."</p>
            }
            .into_any()
        }
        Slide::Closing => {
            let rows = d
                .sources(ds)
                .into_iter()
                .map(|(s, n)| {
                    let src = &ds.sources[s as usize];
                    let events = if n == 1 { "event" } else { "events" };
                    view! {
                        <li><cite>{src.title}</cite>
                            {src.author.map(|a| view! { ", " {a} })}
                            {format!(" — cited by {n} of these {events}")}</li>
                    }
                })
                .collect_view();
            view! {
                <p class="kicker">"Sources"</p>
                <h1>"The sources of these slides"</h1>
                <ul class="slide-sources">{rows}</ul>
                <p><a href=View::About.href()>"About the sources"</a></p>
            }
            .into_any()
        }
        Slide::Event(e) => {
            let ev = &ds.events[e as usize];
            // In a tour, what to notice about this step, in Tarikh's own words.
            let step = tour
                .and_then(|t| t.steps.iter().find(|st| st.event == e))
                .map(|st| view! { <aside class="tour-step"><p>{st.text}</p>{cite_line(st.cite)}</aside> });
            let claimed = claimed_dates_text(ds, ev);
            let periods = periods_of(ev);
            let disputes = ev
                .disputes
                .iter()
                .map(|&k| {
                    let dsp = &ds.disputes[k as usize];
                    let sides = dsp
                        .claims
                        .iter()
                        .map(|c| {
                            view! {
                                <li><p>{c.says}</p>
                                    {c.date.map(|date| view! { <p class="date">"Date given: " {date.display()}</p> })}
                                    {cite_line(c.cite)}</li>
                            }
                        })
                        .collect_view();
                    view! {
                        <aside class="dispute-banner">
                            <h2><a href=View::Dispute(dsp.id.into()).href()>{"The sources disagree: "}{dsp.title}</a></h2>
                            <ul class="sides">{sides}</ul>
                        </aside>
                    }
                })
                .collect_view();
            let places = comma_list(ev.places.iter().map(|&p| {
                let p = &ds.places[p as usize];
                view! { <span>{p.name}</span> }
            }));
            view! {
                <p class="slide-date"><time>{ev.date.display()}</time>
                    {claimed.map(|t| view! { <span class="claimed">" — " {t}</span> })}</p>
                {(!periods.is_empty()).then(|| view! { <p class="kicker">{periods}</p> })}
                <h1><a href=View::Event(ev.id.into()).href()>{ev.title}</a></h1>
                {step}
                <p class="slide-summary">{ev.summary}</p>
                <p class="slide-meta">
                    {(!ev.people.is_empty()).then(|| view! { <span class="k">"People: "</span> {comma_list(ev.people.iter().map(|&p| person_link(p)))} <br/> })}
                    {(!ev.places.is_empty()).then(|| view! { <span class="k">"Places: "</span> {places} })}
                </p>
                {disputes}
                <div class="slide-cites">{cites(ev.cite)}</div>
            }
            .into_any()
        }
    }
}

/// The periods of the default scheme the event's date falls in ("Stage 2: …").
fn periods_of(ev: &crate::core::model::Event) -> String {
    let ds = &DATASET;
    let Some(s) = TimelineState::default().scheme(ds) else {
        return String::new();
    };
    let scheme = &ds.schemes[s];
    let bands = Bands::new(scheme, PALETTE);
    let Some(day) = ev.date.start_day() else {
        return String::new();
    };
    let names: Vec<&str> = bands.at(day).map(|p| scheme.periods[p].name).collect();
    names.join(" · ")
}

/// Where this slide sits among the others: each event a tick on a strip.
fn strip_view(d: &Deck, i: usize) -> AnyView {
    let ds = &DATASET;
    let limits = Limits::of_dataset(ds);
    let scale = Scale::new(d.window(ds, &limits), STRIP_W);
    let ticks = (1..d.len().saturating_sub(1))
        .filter_map(|k| d.strip_x(ds, k, &scale).map(|x| (k, x)))
        .map(|(k, x)| {
            let class = if k == i {
                "strip-tick current"
            } else {
                "strip-tick"
            };
            view! { <line class=class x1=x x2=x y1=4 y2=if k == i { 26 } else { 20 } /> }
        })
        .collect_view();
    view! {
        <svg viewBox=format!("0 0 {STRIP_W} 30") preserveAspectRatio="none" aria-hidden="true" class="strip">
            <line class="strip-base" x1=0 x2=STRIP_W y1=20 y2=20 />
            {ticks}
        </svg>
    }
    .into_any()
}
