//! Problems found in `data/`, reported as `file:line:col: message`.
//!
//! Positions are global: each file's text gets a range of offsets after the
//! previous file's (its `base`), so one `usize` ([`Pos`]) names a file and a place
//! in it. The reader shifts every span it hands out by the file's base.

use std::cell::{Cell, RefCell};

/// A place in the data: a byte offset in the concatenation of every file read
/// (see the module doc); [`Diags::describe`] turns it back into `file:line:col`.
pub type Pos = usize;

/// One data file: the path shown in messages and its text.
pub struct File {
    pub shown: String,
    pub text: String,
    /// Where its offsets start.
    pub base: usize,
    /// The file has TOML syntax errors: only those are reported for it, since
    /// anything else found in a half-parsed file would be noise.
    pub broken: Cell<bool>,
}

/// Collects every problem; nothing stops at the first one.
#[derive(Default)]
pub struct Diags {
    pub files: Vec<File>,
    list: RefCell<Vec<(Option<Pos>, String)>>,
}

impl Diags {
    /// Adds a file; returns its index.
    pub fn add_file(&mut self, shown: String, text: String) -> usize {
        // One past the end is a position too (the end of the file).
        let base = self.files.last().map_or(0, |f| f.base + f.text.len() + 1);
        self.files.push(File {
            shown,
            text,
            base,
            broken: Cell::new(false),
        });
        self.files.len() - 1
    }

    /// The file a position is in.
    pub fn file_of(&self, at: Pos) -> usize {
        self.files
            .partition_point(|f| f.base <= at)
            .saturating_sub(1)
    }

    /// A problem at a position.
    pub fn err(&self, at: Pos, message: impl Into<String>) {
        if !self.files[self.file_of(at)].broken.get() {
            self.list.borrow_mut().push((Some(at), message.into()));
        }
    }

    /// A TOML syntax error at `offset` in `file`: marks the file broken (its other
    /// problems are dropped).
    pub fn syntax(&self, file: usize, offset: usize, message: impl Into<String>) {
        let f = &self.files[file];
        f.broken.set(true);
        self.list
            .borrow_mut()
            .push((Some(f.base + offset), message.into()));
    }

    /// A problem with a whole file (it cannot be read).
    pub fn file_err(&self, shown: &str, message: impl Into<String>) {
        self.list
            .borrow_mut()
            .push((None, format!("{shown}: {}", message.into())));
    }

    pub fn is_empty(&self) -> bool {
        self.list.borrow().is_empty()
    }

    /// The file, line and column of a position.
    fn locate(&self, at: Pos) -> (&str, usize, usize) {
        let f = &self.files[self.file_of(at)];
        let (line, col) = line_col(&f.text, at - f.base);
        (&f.shown, line, col)
    }

    /// "data/people.toml:3:1", for messages that point at a second place.
    pub fn describe(&self, at: Pos) -> String {
        let (file, line, col) = self.locate(at);
        format!("{file}:{line}:{col}")
    }

    /// The problems as `file:line:col: message`, by file then position. Problems in
    /// a broken file other than its syntax errors are dropped.
    pub fn render(&self) -> Vec<String> {
        let mut out: Vec<(String, usize, usize, String)> = Vec::new();
        for (at, message) in self.list.borrow().iter() {
            match at {
                None => out.push((String::new(), 0, 0, message.clone())),
                Some(at) => {
                    let (file, line, col) = self.locate(*at);
                    out.push((file.to_string(), line, col, message.clone()));
                }
            }
        }
        out.sort();
        out.dedup();
        out.into_iter()
            .map(|(file, line, col, message)| {
                if file.is_empty() {
                    message
                } else {
                    format!("{file}:{line}:{col}: {message}")
                }
            })
            .collect()
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}
