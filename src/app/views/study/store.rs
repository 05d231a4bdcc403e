//! The study progress in the browser's localStorage, and the day from the
//! clock. What is kept and what reading it finds is `core::study::stored`'s;
//! this module only talks to the browser.

use crate::app::views::common::log;
use crate::core::study::stored::{self, Damage, BACKUP_PREFIX};
use crate::core::study::{Day, Progress};
use leptos::prelude::window;

/// The one place the day is read from the clock: days since 1970-01-01 in the
/// student's time zone (so a new day starts at local midnight).
pub fn today() -> Day {
    let now = js_sys::Date::new_0();
    let local = now.get_time() - now.get_timezone_offset() * 60_000.0;
    (local / 86_400_000.0).floor() as Day
}

/// localStorage, when the browser lets this page use it (it may refuse:
/// storage disabled, some private modes).
fn usable() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// What opening a selection's progress found.
pub struct Opened {
    pub progress: Progress,
    /// What was wrong with the stored copy.
    pub damage: Option<Damage>,
    /// The damaged text, kept aside, for the student to download.
    pub damaged: Option<String>,
    /// The browser does not let the page keep anything.
    pub unavailable: bool,
}

/// Where one selection's progress lives.
#[derive(Clone)]
pub struct Keep {
    pub topic: String,
    key: String,
}

impl Keep {
    pub fn new(topic: String) -> Keep {
        Keep {
            key: stored::key(&topic),
            topic,
        }
    }

    /// Reads the stored progress; a damaged copy is kept aside before anything
    /// can overwrite it.
    pub fn open(&self) -> Opened {
        let Some(s) = usable() else {
            return Opened {
                progress: Progress::default(),
                damage: None,
                damaged: None,
                unavailable: true,
            };
        };
        let text = s.get_item(&self.key).unwrap_or_else(|_| {
            log("Could not read the study progress");
            None
        });
        let (progress, damage) = text.as_deref().map_or((Progress::default(), None), |t| {
            stored::load(t, &self.topic)
        });
        let damaged = damage.is_some().then(|| text.unwrap_or_default());
        if let Some(t) = &damaged {
            if s.set_item(&self.backup(), t).is_err() {
                log("Could not keep the damaged study progress aside");
            }
        }
        Opened {
            progress,
            damage,
            damaged,
            unavailable: false,
        }
    }

    fn backup(&self) -> String {
        format!("{BACKUP_PREFIX}{}", self.topic)
    }

    /// Saves `p`; then the damaged copy kept aside goes. `Err` when the
    /// browser refused (full, not allowed).
    pub fn save(&self, p: &Progress) -> Result<(), ()> {
        let s = usable().ok_or(())?;
        s.set_item(&self.key, &stored::to_json(p, &self.topic))
            .map_err(|_| log("Could not save the study progress"))?;
        if s.get_item(&self.backup()).ok().flatten().is_some()
            && s.remove_item(&self.backup()).is_err()
        {
            log("Could not remove the damaged study progress");
        }
        Ok(())
    }
}
