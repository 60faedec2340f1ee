//! Applying the unambiguous fixes findings carry: one pass of non-overlapping fixes, the
//! passes of a run kept as edits of the original text (so a file's bytes outside them
//! can be copied unchanged), and a unified diff.

use crate::diagnostic::{Diagnostic, Fix};
use std::ops::Range;

/// The text with every non-overlapping fix applied, and the fixes applied (sorted);
/// `None` when that changes nothing.
pub fn apply(text: &str, diagnostics: &[Diagnostic]) -> Option<(String, Vec<Fix>)> {
    let mut fixes: Vec<Fix> = diagnostics.iter().flat_map(Diagnostic::fixes).collect();
    fixes.sort_by_key(|f| (f.span.start, f.span.end));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    let mut applied = Vec::new();
    for f in fixes {
        let fits = text.get(f.span.clone()).is_some();
        // A fix beginning where the previous one ended is applied only if one of them
        // has something to replace, so two insertions at one place are not both made.
        let clashes = f.span.start < at
            || applied.last().is_some_and(|p: &Fix| {
                p.span.end == f.span.start && p.span.is_empty() && f.span.is_empty()
            });
        if !fits || clashes || text[f.span.clone()] == f.replacement {
            continue;
        }
        out.push_str(&text[at..f.span.start]);
        out.push_str(&f.replacement);
        at = f.span.end;
        applied.push(f);
    }
    out.push_str(&text[at..]);
    (!applied.is_empty()).then_some((out, applied))
}

/// Fixes applied in one or more passes, kept as a list of pieces of the new text: runs
/// of the original text and inserted strings. Nothing is copied from the original.
#[derive(Debug, Clone)]
pub struct Rewrite {
    pieces: Vec<Piece>,
    original_len: usize,
}

#[derive(Debug, Clone)]
enum Piece {
    Kept(Range<usize>),
    New(String),
}

impl Piece {
    fn len(&self) -> usize {
        match self {
            Piece::Kept(r) => r.len(),
            Piece::New(s) => s.len(),
        }
    }

    /// The bytes `from..to` of this piece.
    fn part(&self, from: usize, to: usize) -> Piece {
        match self {
            Piece::Kept(r) => Piece::Kept(r.start + from..r.start + to),
            Piece::New(s) => Piece::New(s[from..to].to_string()),
        }
    }
}

impl Rewrite {
    /// No change yet to a text of `len` bytes.
    pub fn new(len: usize) -> Self {
        Rewrite {
            pieces: vec![Piece::Kept(0..len)],
            original_len: len,
        }
    }

    /// Records a pass: `fixes` (sorted, disjoint) were applied to the current text.
    pub fn record(&mut self, fixes: &[Fix]) {
        let old = std::mem::take(&mut self.pieces);
        let mut out = Vec::with_capacity(old.len() + 2 * fixes.len());
        // `base` is where piece `i` starts in the current text; `offset` how much of
        // it has been consumed.
        let (mut i, mut base, mut offset) = (0, 0, 0);
        let mut advance = |to: usize, out: &mut Option<&mut Vec<Piece>>| {
            while i < old.len() {
                let len = old[i].len();
                let end = (to - base).min(len);
                if let Some(out) = out
                    && end > offset
                {
                    out.push(old[i].part(offset, end));
                }
                offset = end;
                if base + len > to {
                    return;
                }
                base += len;
                offset = 0;
                i += 1;
            }
        };
        for f in fixes {
            advance(f.span.start, &mut Some(&mut out));
            out.push(Piece::New(f.replacement.to_string()));
            advance(f.span.end, &mut None);
        }
        advance(usize::MAX, &mut Some(&mut out));
        self.pieces = out;
    }

    /// Where `spans` of the original text (sorted, disjoint) are in the current text:
    /// the parts of them that are still there, sorted.
    pub fn map_spans(&self, spans: &[Range<usize>]) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        // `at` is where the piece starts in the current text; `k` the first span that
        // may reach this piece or a later one.
        let (mut at, mut k) = (0, 0);
        for piece in &self.pieces {
            if let Piece::Kept(r) = piece {
                while spans.get(k).is_some_and(|s| s.end <= r.start) {
                    k += 1;
                }
                for s in spans[k..].iter().take_while(|s| s.start < r.end) {
                    let (start, end) = (s.start.max(r.start), s.end.min(r.end));
                    if start < end {
                        out.push(at + start - r.start..at + end - r.start);
                    }
                }
            }
            at += piece.len();
        }
        out
    }

    /// The changes as edits of the original text: sorted, disjoint byte ranges, each
    /// with what replaces it.
    pub fn edits(&self) -> Vec<(Range<usize>, String)> {
        let mut edits = Vec::new();
        let mut at = 0;
        let mut new = String::new();
        let mut pending = false;
        for piece in &self.pieces {
            match piece {
                Piece::New(s) => {
                    new.push_str(s);
                    pending = true;
                }
                Piece::Kept(r) if r.is_empty() => {}
                Piece::Kept(r) => {
                    if pending || r.start != at {
                        edits.push((at..r.start, std::mem::take(&mut new)));
                    }
                    pending = false;
                    at = r.end;
                }
            }
        }
        if pending || at != self.original_len {
            edits.push((at..self.original_len, new));
        }
        edits.retain(|(r, s)| !(r.is_empty() && s.is_empty()));
        edits
    }
}

/// A unified diff from `old` to `new` for `name`.
pub fn diff(name: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .header(&format!("a/{name}"), &format!("b/{name}"))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_fix(span: std::ops::Range<usize>, replacement: &str) -> Diagnostic {
        Diagnostic::new(span.clone(), "m").fix(span, replacement.to_string())
    }

    #[test]
    fn applies_fixes_and_skips_overlaps() {
        let text = "2021-2025年，74 名";
        let dash = text.find('-').unwrap();
        let space = text.find(' ').unwrap();
        let ds = [
            with_fix(dash..dash + 1, "—"),
            with_fix(dash..dash + 5, "x"),
            with_fix(space..space + 1, ""),
        ];
        let (out, applied) = apply(text, &ds).unwrap();
        assert_eq!(out, "2021—2025年，74名");
        assert_eq!(applied.len(), 2);
        assert!(apply(&out, &[]).is_none());
    }

    /// Applies `edits` of the original to it.
    fn replay(original: &str, edits: &[(Range<usize>, String)]) -> String {
        let mut out = String::new();
        let mut at = 0;
        for (r, s) in edits {
            out.push_str(&original[at..r.start]);
            out.push_str(s);
            at = r.end;
        }
        out + &original[at..]
    }

    #[test]
    fn passes_compose_into_edits_of_the_original() {
        let original = "甲-乙 丙,丁";
        let mut rewrite = Rewrite::new(original.len());
        let pass1 = apply(
            original,
            &[
                with_fix(3..4, "—"),
                with_fix(
                    original.find(' ').unwrap()..original.find(' ').unwrap() + 1,
                    "",
                ),
            ],
        )
        .unwrap();
        rewrite.record(&pass1.1);
        let text = pass1.0;
        assert_eq!(text, "甲—乙丙,丁");
        // A second pass edits inside the first pass's replacement and elsewhere.
        let comma = text.find(',').unwrap();
        let pass2 = apply(
            &text,
            &[with_fix(3..6, "～"), with_fix(comma..comma + 1, "，")],
        )
        .unwrap();
        rewrite.record(&pass2.1);
        assert_eq!(pass2.0, "甲～乙丙，丁");
        let edits = rewrite.edits();
        assert_eq!(replay(original, &edits), pass2.0);
        assert_eq!(edits.len(), 3, "{edits:?}");
        assert!(
            edits
                .iter()
                .all(|(r, _)| original.is_char_boundary(r.start))
        );
    }

    #[test]
    fn spans_of_the_original_are_found_in_the_rewritten_text() {
        let original = "ab/x/y(1)cd";
        let mut rewrite = Rewrite::new(original.len());
        let fix = |span: Range<usize>, replacement: &str| Fix {
            span,
            replacement: replacement.to_string().into(),
        };
        // "ab" → "甲", then "cd" → "乙乙" in the text "甲/x/y(1)cd".
        rewrite.record(&[fix(0..2, "甲")]);
        rewrite.record(&[fix(10..12, "乙乙")]);
        let now = "甲/x/y(1)乙乙";
        let spans = rewrite.map_spans(&[2..9, 9..10]);
        let found: Vec<&str> = spans.iter().map(|r| &now[r.clone()]).collect();
        assert_eq!(found, ["/x/y(1)"], "the replaced `c` is gone");
    }

    #[test]
    fn no_change_is_no_edit() {
        let mut rewrite = Rewrite::new(6);
        rewrite.record(&[]);
        assert!(rewrite.edits().is_empty());
    }
}
