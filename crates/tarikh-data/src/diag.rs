//! Problems found in `data/`, reported as `file:line:col: message`.

use std::cell::{Cell, RefCell};

/// A place in a data file: (file index in [`Diags::files`], byte offset).
pub type Pos = (usize, usize);

/// One data file: the path shown in messages and its text.
pub struct File {
    pub shown: String,
    pub text: String,
    /// The file has TOML syntax errors: only those are reported for it, since
    /// anything else found in a half-parsed file would be noise.
    pub broken: Cell<bool>,
}

/// Collects every problem; nothing stops at the first one.
#[derive(Default)]
pub struct Diags {
    pub files: Vec<File>,
    list: RefCell<Vec<(usize, Option<usize>, String)>>,
}

impl Diags {
    pub fn add_file(&mut self, shown: String, text: String) -> usize {
        self.files.push(File {
            shown,
            text,
            broken: Cell::new(false),
        });
        self.files.len() - 1
    }

    /// A problem at a position.
    pub fn err(&self, at: Pos, message: impl Into<String>) {
        if !self.files[at.0].broken.get() {
            self.list
                .borrow_mut()
                .push((at.0, Some(at.1), message.into()));
        }
    }

    /// A TOML syntax error: marks the file broken (its other problems are dropped).
    pub fn syntax(&self, file: usize, offset: usize, message: impl Into<String>) {
        self.files[file].broken.set(true);
        self.list
            .borrow_mut()
            .push((file, Some(offset), message.into()));
    }

    /// A problem with a whole file (it cannot be read).
    pub fn file_err(&self, shown: &str, message: impl Into<String>) {
        self.list
            .borrow_mut()
            .push((usize::MAX, None, format!("{shown}: {}", message.into())));
    }

    pub fn is_empty(&self) -> bool {
        self.list.borrow().is_empty()
    }

    /// The problems as `file:line:col: message`, by file then position. Problems in
    /// a broken file other than its syntax errors are dropped.
    pub fn render(&self) -> Vec<String> {
        let mut out: Vec<(String, usize, usize, String)> = Vec::new();
        for (file, offset, message) in self.list.borrow().iter() {
            match offset {
                None => out.push((String::new(), 0, 0, message.clone())),
                Some(off) => {
                    let f = &self.files[*file];
                    let (line, col) = line_col(&f.text, *off);
                    out.push((f.shown.clone(), line, col, message.clone()));
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
