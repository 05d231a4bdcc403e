//! A quiz's progress in the browser's localStorage, through gloo-storage: the
//! serde type `core::quiz::stored::Stored` under the quiz's small key. What
//! is kept where, and what reading it finds, is decided in
//! `core::quiz::stored`; this module only talks to the browser.

use crate::app::views::common::log;
use crate::core::model::Dataset;
use crate::core::quiz::state::Progress;
use crate::core::quiz::stored::{self, backup_key, entry, eviction_order, Loaded, Stored};
use crate::core::quiz::Quiz;
use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::window;

/// localStorage, when the browser lets this page use it. Checked before every
/// use: gloo-storage's own accessor throws where the page may not use it
/// (storage disabled, some private modes), and that must not stop the quiz.
fn usable() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// Where one quiz's progress lives.
#[derive(Clone)]
pub struct Place {
    pub key: String,
    /// The key of the first format, read once and removed after a save.
    legacy: String,
}

impl Place {
    pub fn new(ds: &Dataset, quiz: &Quiz, legacy: String) -> Place {
        Place {
            key: stored::key(ds, quiz),
            legacy,
        }
    }

    /// Reads the stored progress, and keeps a damaged copy aside (before
    /// anything can overwrite it) with its text, for the reader to download.
    pub fn open(&self, ds: &Dataset, quiz: &Quiz) -> (Loaded, Option<String>) {
        let Some(s) = usable() else {
            return (Loaded::Nothing, None);
        };
        let read = |k: &str| match s.get_item(k) {
            Ok(v) => v,
            Err(_) => {
                log("Could not read the saved answers");
                None
            }
        };
        let Some(text) = read(&self.key).or_else(|| read(&self.legacy)) else {
            return (Loaded::Nothing, None);
        };
        let loaded = stored::load(&text, ds, quiz);
        if loaded.damaged() {
            if s.set_item(&backup_key(&self.key), &text).is_err() {
                log("Could not keep a copy of the damaged saved answers");
            }
            return (loaded, Some(text));
        }
        (loaded, None)
    }

    /// Saves `p`: removes what the caps say first, then (storage full) the
    /// oldest finished quizzes one at a time until it fits. After a save the
    /// backup and the first format's copy go. `Err` when it could not be saved.
    pub fn save(&self, ds: &Dataset, quiz: &Quiz, p: &Progress) -> Result<(), ()> {
        let s = usable().ok_or(())?;
        let remove = |k: &str| {
            if s.remove_item(k).is_err() {
                log("Could not remove saved answers");
            }
        };
        let entries: Vec<_> = (0..s.length().unwrap_or(0))
            .filter_map(|i| s.key(i).ok().flatten())
            .filter_map(|k| {
                let v = s.get_item(&k).ok().flatten()?;
                entry(&k, &v)
            })
            .collect();
        let (now, if_full) = eviction_order(&entries, &self.key);
        for k in &now {
            remove(k);
        }
        let value = Stored::new(ds, quiz, p, js_sys::Date::now() as u64);
        let mut spare = if_full.iter();
        loop {
            match LocalStorage::set(&self.key, &value) {
                Ok(()) => break,
                Err(e) => match spare.next() {
                    Some(k) => remove(k),
                    None => {
                        log(&format!("Could not save the answers: {e}"));
                        return Err(());
                    }
                },
            }
        }
        for k in [backup_key(&self.key), self.legacy.clone()] {
            if s.get_item(&k).ok().flatten().is_some() {
                remove(&k);
            }
        }
        Ok(())
    }
}
