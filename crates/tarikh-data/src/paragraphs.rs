//! The locator scheme of citations: how a source text splits into the numbered
//! paragraphs that `"<source-id>:<n>"` points to. The same rule as
//! `tools/number_sources.py` (which prints the numbered texts):
//!
//! - a text with line breaks splits on blank lines (a run of whitespace holding
//!   two or more line breaks);
//! - a text without line breaks (after trimming) splits on runs of two or more
//!   whitespace characters;
//! - inside a paragraph every run of whitespace becomes one space; empty
//!   paragraphs are dropped.
//!
//! Paragraph `n` of a source is `split(text)[n - 1]`.

/// The paragraphs of a source text, in order, whitespace-normalised.
pub fn split(text: &str) -> Vec<String> {
    let multi_line = text.trim().contains('\n');
    let separates = |run: &str| {
        if multi_line {
            run.matches('\n').count() >= 2
        } else {
            run.chars().count() >= 2
        }
    };
    let mut out = Vec::new();
    let mut start = 0; // start of the current paragraph
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !c.is_whitespace() {
            continue;
        }
        // A maximal run of whitespace: text[i..end].
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            if !d.is_whitespace() {
                break;
            }
            end = j + d.len_utf8();
            chars.next();
        }
        if separates(&text[i..end]) {
            push(&mut out, &text[start..i]);
            start = end;
        }
    }
    push(&mut out, &text[start..]);
    out
}

fn push(out: &mut Vec<String>, paragraph: &str) {
    let words: Vec<&str> = paragraph.split_whitespace().collect();
    if !words.is_empty() {
        out.push(words.join(" "));
    }
}
