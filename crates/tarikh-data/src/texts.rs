//! The reader's texts: the source documents numbered into the paragraphs that
//! citations point to (with [`crate::paragraphs::split`], the one locator
//! scheme), as the file the app's source reader loads on demand
//! (`sources-<hash>.txt`; `src/core/reader.rs` reads it back).
//!
//! ```text
//! tarikh-sources 1          the format and its version
//! @ enc-alash 11            a source: its id and how many paragraphs follow
//! <paragraph 1>             one line each, whitespace-normalised
//! …
//! ```
//!
//! The count must be the `paragraphs` of `data/sources.toml` (what citations are
//! checked against), so a text that numbers differently fails the build.

use crate::model::Source;
use crate::paragraphs::split;
use std::path::Path;

/// The first line of the file.
pub const HEADER: &str = "tarikh-sources 1";

/// The file for `sources` (in their order), their texts read from `texts_dir`
/// (each source's `file`), or every problem found.
pub fn asset(sources: &[Source], texts_dir: &Path) -> Result<String, Vec<String>> {
    let mut problems = Vec::new();
    let mut parts = Vec::new();
    for s in sources {
        let path = texts_dir.join(&s.file);
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                let paragraphs = split(&text);
                if paragraphs.len() != s.paragraphs as usize {
                    problems.push(format!(
                        "{}: {} paragraphs, but data/sources.toml says {} for `{}`",
                        path.display(),
                        paragraphs.len(),
                        s.paragraphs,
                        s.id
                    ));
                }
                parts.push((s.id.as_str(), paragraphs));
            }
            Err(e) => problems.push(format!("{}: {e}", path.display())),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let parts: Vec<(&str, &[String])> = parts.iter().map(|(id, p)| (*id, p.as_slice())).collect();
    write(&parts).map_err(|e| vec![e])
}

/// The file for numbered texts `(id, paragraphs)`.
pub fn write(parts: &[(&str, &[String])]) -> Result<String, String> {
    let mut out = String::from(HEADER);
    out.push('\n');
    for (id, paragraphs) in parts {
        out.push_str(&format!("@ {id} {}\n", paragraphs.len()));
        for (i, p) in paragraphs.iter().enumerate() {
            if p.starts_with('@') || p.contains('\n') || p.is_empty() {
                return Err(format!("{id}:{}: a paragraph the file can't hold", i + 1));
            }
            // The single file carries this in a <script type="text/plain"> block.
            let lower = p.to_lowercase();
            if lower.contains("</script") || lower.contains("<!--") {
                return Err(format!("{id}:{}: would end its text block early", i + 1));
            }
            out.push_str(p);
            out.push('\n');
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_each_paragraph_on_its_line_after_its_source() {
        let a = vec!["One two.".to_string(), "Three.".to_string()];
        let b = vec!["Four.".to_string()];
        let got = write(&[("a", &a), ("b", &b)]).unwrap();
        assert_eq!(
            got,
            "tarikh-sources 1\n@ a 2\nOne two.\nThree.\n@ b 1\nFour.\n"
        );
    }

    #[test]
    fn refuses_what_would_break_the_file_or_the_block() {
        assert!(write(&[("a", &["@ b 1".to_string()])]).is_err());
        assert!(write(&[("a", &["x </SCRIPT> y".to_string()])]).is_err());
    }
}
