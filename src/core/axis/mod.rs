//! The time axis of `#/timeline` and Present mode, as pure arithmetic (issue #14).
//!
//! Nothing here draws: the view asks for numbers and draws them. The work is split
//! so a pan/zoom frame is cheap:
//!
//! - once per filter result: [`lanes::Prepared::new`] turns the events into day
//!   extents ([`marks::Extent`]), sorted per lane, with the claims of disputes;
//!   [`periods::Bands::new`] does the same for a periodisation scheme;
//! - per frame: a [`scale::Window`] (days) and a width give a [`scale::Scale`];
//!   [`ticks::ticks`], [`lanes::Prepared::layout`] (into a reused
//!   [`lanes::Layout`]) and [`periods::Bands::project`] only project and pack.
//!
//! How a view uses it:
//!
//! ```text
//! // once per filter result (a Memo), and per lane choice / scheme:
//! let limits = Limits::of_dataset(ds);
//! let prepared = Prepared::new(ds, &outcome.events, LaneBy::Strand, filter.list(Facet::Strand));
//! let bands = Bands::new(&ds.schemes[s], periods::PALETTE);
//! // the window: from the link (`win=`), else fitted to the results
//! let fit = Window::fit(prepared.span().into_iter(), &limits);
//! let (win, notice) = Window::from_link(route.param("win"), &limits, fit);
//! // per frame (kept Layout / Ticks / Vec<Band>, so nothing is allocated):
//! let scale = Scale::new(win, width_px);
//! prepared.layout(&scale, &Options::default(), &mut layout);
//! ticks::ticks_into(&scale, 48.0, &mut ticks);
//! bands.project(&scale, 7.0, &mut band_list);
//! // input: win.zoom(1.25, x / width_px, &limits), win.pan(dx, width_px, &limits),
//! // win.home(&limits), win.end(&limits), fit; the link: win.to_link();
//! // arrow keys among marks: layout.step(focused, forward)
//! ```
//!
//! Days are the day keys of [`crate::core::date`] (days from 1970-01-01), as `f64`
//! so a window can sit between days while it pans; day `d` covers `[d, d + 1)`.
//!
//! Files: `scale.rs` the window, its limits, zoom/pan/fit and its link form
//! (`win=1919-09/1920-03`); `ticks.rs` calendar units and tick choice; `marks.rs`
//! an event's extent and look, and accessible names; `lanes.rs` lanes, stacking,
//! clusters and the element budget; `periods.rs` period bands and their styles;
//! `present.rs` Present mode's slides and the words naming a selection;
//! `reuse.rs` which element draws which mark from frame to frame;
//! `tests.rs` property tests and the timing test.

pub mod lanes;
pub mod marks;
pub mod periods;
pub mod present;
pub mod reuse;
pub mod scale;
pub mod ticks;

#[cfg(test)]
mod tests;

pub use lanes::{Cluster, Lane, LaneBy, LaneKey, Layout, Mark, Options, Prepared};
pub use marks::{Extent, Look, Shape};
pub use periods::{Band, BandLabel, Bands};
pub use present::{Deck, Slide};
pub use scale::{Limits, Scale, Window};
pub use ticks::{Tick, TickLabel, Ticks, Unit};

/// The calendar date of a day key: (year, month 1–12, day 1–31).
pub const fn civil(day: i32) -> (i32, u8, u8) {
    // Howard Hinnant's civil_from_days, the inverse of `date::day_number`.
    let z = day as i64 + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
    (y as i32, m as u8, d as u8)
}

/// Months since year 0: `year * 12 + month - 1`.
pub const fn month_index(day: i32) -> i64 {
    let (y, m, _) = civil(day);
    y as i64 * 12 + m as i64 - 1
}

/// The first day of a month index.
pub const fn month_start(index: i64) -> i32 {
    let y = index.div_euclid(12) as i32;
    let m = index.rem_euclid(12) as u8 + 1;
    crate::core::date::day_number(y, m, 1)
}

#[cfg(test)]
mod civil_tests {
    use super::*;
    use crate::core::date::day_number;

    #[test]
    fn civil_inverts_day_number() {
        for day in (-800_000..800_000).step_by(997) {
            let (y, m, d) = civil(day);
            assert_eq!(day_number(y, m, d), day, "{y}-{m}-{d}");
        }
        assert_eq!(civil(0), (1970, 1, 1));
        assert_eq!(civil(day_number(1920, 2, 29)), (1920, 2, 29));
        assert_eq!(
            month_start(month_index(day_number(1922, 10, 14))),
            day_number(1922, 10, 1)
        );
        assert_eq!(month_start(-1), day_number(-1, 12, 1));
    }
}
