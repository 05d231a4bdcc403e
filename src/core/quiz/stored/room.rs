//! Room in the browser's storage: which stored quizzes to evict first.

use super::*;

/// One stored entry of Tarikh's quizzes, as eviction sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub key: String,
    /// When it was saved (0: not known, the first format or a backup).
    pub saved: u64,
    /// The quiz was finished (its summary shown), or it is a backup.
    pub finished: bool,
    /// Key and value in UTF-16 code units.
    pub size: usize,
}

/// Reads what eviction needs of a stored entry; `None` for keys that are not
/// Tarikh's quizzes.
pub fn entry(key: &str, value: &str) -> Option<Entry> {
    let size = key.encode_utf16().count() + value.encode_utf16().count();
    let (saved, finished) = if key.starts_with(BACKUP_PREFIX) {
        (0, true)
    } else if key.starts_with(KEY_PREFIX) {
        let m = Read::parse(value);
        (
            m.as_ref().and_then(|m| m.num("saved")).unwrap_or(0),
            // Unreadable entries go first too.
            !matches!(
                m.as_ref().and_then(Read::phase),
                Some(Phase::Asking | Phase::Feedback)
            ),
        )
    } else if key.starts_with(LEGACY_PREFIX) {
        (
            0,
            !value.contains(" phase=a ") && !value.contains(" phase=f "),
        )
    } else {
        return None;
    };
    Some(Entry {
        key: key.to_string(),
        saved,
        finished,
        size,
    })
}

/// Which entries to remove, in order, other than `keep` (the quiz being saved):
/// `now` the ones past the caps ([`MAX_QUIZZES`], [`MAX_BYTES`]), oldest
/// finished first, then, only past the count, the oldest unfinished;
/// `if_full` the finished ones left, oldest first, to remove one at a time
/// while the browser's storage is full.
pub fn eviction_order(entries: &[Entry], keep: &str) -> (Vec<String>, Vec<String>) {
    let mut others: Vec<&Entry> = entries
        .iter()
        .filter(|e| e.key != keep && e.key != backup_key(keep))
        .collect();
    // Finished before unfinished, then oldest first (ties by key, deterministic).
    others.sort_by(|a, b| (!a.finished, a.saved, &a.key).cmp(&(!b.finished, b.saved, &b.key)));
    let mut count = entries.len();
    let mut bytes: usize = entries.iter().map(|e| e.size).sum();
    let mut now = Vec::new();
    let mut rest = Vec::new();
    for e in others {
        let over_count = count > MAX_QUIZZES;
        let over_bytes = bytes > MAX_BYTES && e.finished;
        if over_count || over_bytes {
            count -= 1;
            bytes -= e.size;
            now.push(e.key.clone());
        } else if e.finished {
            rest.push(e.key.clone());
        }
    }
    (now, rest)
}
