//! `punctuation-width`: half-width `,;:?!()` between Chinese characters.

use super::{Document, Rule};
use crate::config::Level;
use crate::diagnostic::Diagnostic;
use crate::inline::{Pair, Token, TokenKind};
use crate::outline::LineKind;
use serde::Deserialize;
use std::ops::Range;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Settings {
    pub severity: Level,
    /// When more than this share of a document's marks of one kind are half-width, the
    /// habit is reported once for the whole document instead of at every mark.
    pub systematic_share: f64,
}

pub const SUMMARY: &str = "中文之间用了半角标点（, ; : ? ! ( )），应为全角";

pub const DOC: &str = "\
检查内容
  紧挨汉字或中文标点的半角逗号、分号、冒号、问号、叹号和圆括号。
  数字之间（“2.57:1”“08:41”）、英文和网址中的半角标点不算；网页元数据行不查。
  圆括号成对修正：一边紧挨汉字时两边都改（“(1)健全”改为“（1）健全”，不是“(1）”），
  一边已是全角时另一边也改（“（电子邮箱:a@b.cn)”的“)”）。
  按种类统计：某种标点在全文中半角的比例超过 systematic-share（默认一半）时，说明
  全文习惯性使用半角，只在第一处报告一次并给出总数，修正则改遍每一处；否则每个
  零星的半角标点各报告一次，并给出改为全角的修正。

依据
  GB/T 15834-2011《标点符号用法》：中文文本使用全角标点；半角标点用于外文和
  数字。《党政机关公文格式》（GB/T 9704-2012）的正文同样按中文标点排版。

示例
  深化改革;推进法治
  → 深化改革；推进法治（修正：“;”改为“；”）

设置
  [rules.punctuation-width] systematic-share = 0.5";

settings_check!();

/// The kinds of marks, each as (half-width forms, full-width forms); a half-width mark's
/// full-width form is at the same index.
const KINDS: [(&str, &str); 6] = [
    (",", "\u{ff0c}"),
    (";", "\u{ff1b}"),
    (":", "\u{ff1a}"),
    ("?", "\u{ff1f}"),
    ("!", "\u{ff01}"),
    ("()", "\u{ff08}\u{ff09}"),
];

/// The kind of half-width mark `c` and its full-width form.
fn kind_of(c: char) -> Option<(usize, &'static str)> {
    KINDS.iter().enumerate().find_map(|(k, &(half, full))| {
        let i = half.chars().position(|h| h == c)?;
        let (at, wide) = full.char_indices().nth(i)?;
        Some((k, &full[at..at + wide.len_utf8()]))
    })
}

impl Rule for Check {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        // Per kind: where the half-width marks found are (a byte each, in a big document
        // there can be 100,000, so in 32 bits) and how many full-width ones there are.
        let mut half: [Vec<u32>; 6] = Default::default();
        let mut full = [0usize; 6];
        // Parentheses taken for their partner's sake, not for a neighbour of their own.
        let mut partnered: Vec<u32> = Vec::new();
        for (line, tokens) in doc.tokens() {
            let tokens = &*tokens;
            if doc.line_kind(line.start) == Some(LineKind::Meta) {
                continue;
            }
            // Where the marks taken so far on this line end.
            let mut taken = line.start;
            let line_parens = half[PARENS].len();
            for t in tokens {
                if t.half_width_punct(text).is_none() {
                    continue;
                }
                // The whole run of half-width marks around a flagged one: fixing only
                // the flagged one would put its neighbours next to a full-width mark,
                // and a second fix would find them (`）((` → `）（(` → `）（（`).
                let run = mark_run(text, line.clone(), t.start());
                for at in run.start.max(taken)..run.end {
                    if let Some((k, _)) = kind_of(char::from(text.as_bytes()[at])) {
                        half[k].push(at as u32);
                    }
                }
                taken = taken.max(run.end);
            }
            // (This line's parentheses were taken in text order.)
            // (Only a line with parentheses can have a pair to complete.)
            if has_parens(tokens) {
                let mut line_marks = half[PARENS].split_off(line_parens);
                let (more, vetoed) = partners(text, tokens, &line_marks, &doc.protected);
                line_marks.extend(&more);
                line_marks.retain(|at| !vetoed.contains(at));
                half[PARENS].append(&mut line_marks);
                partnered.extend(more);
            }
            // Every full-width form (U+FF01–U+FF1F) starts with the byte 0xEF: look only there.
            let line_text = &text[line.clone()];
            for at in memchr::memchr_iter(0xEF, line_text.as_bytes()) {
                let c = line_text[at..].chars().next().unwrap_or(' ');
                if let Some(k) = KINDS.iter().position(|(_, f)| f.contains(c)) {
                    full[k] += 1;
                }
            }
        }
        for marks in &mut half {
            marks.sort_unstable();
            marks.dedup();
        }
        partnered.sort_unstable();
        for ((marks, full), kind) in half.iter().zip(full).zip(KINDS) {
            let count = marks.len();
            if count == 0 {
                continue;
            }
            if count as f64 / (count + full) as f64 > self.settings.systematic_share {
                out.push(habit(text, marks, kind, full));
            } else {
                out.extend(
                    marks
                        .iter()
                        .map(|&at| stray(text, at as usize, partnered.binary_search(&at).is_ok())),
                );
            }
        }
    }
}

/// Whether a line (its `tokens`) holds a parenthesis, half- or full-width.
fn has_parens(tokens: &[Token]) -> bool {
    tokens.iter().any(|t| {
        matches!(
            t.kind,
            TokenKind::Open(Pair::Paren) | TokenKind::Close(Pair::Paren)
        )
    })
}

/// Index of the parentheses in [`KINDS`].
const PARENS: usize = 5;

/// Half-width parentheses of a line (`tokens`) to fix with their partners, and ones
/// not to fix after all. A pair is fixed whole: with the partner of one already taken
/// (in `taken`), so that `(1)健全` does not become `(1）健全`, and one whose partner is
/// full-width (`（联系电话:0571-123)`); a pair next to an e-mail address or URL (in
/// `protected`), whose fixes would be dropped, is left alone, lest one side be fixed.
fn partners(
    text: &str,
    tokens: &[Token],
    taken: &[u32],
    protected: &[Range<usize>],
) -> (Vec<u32>, Vec<u32>) {
    let is_half = |t: &Token| text.as_bytes()[t.start()].is_ascii();
    let is_taken = |t: &Token| taken.binary_search(&(t.start() as u32)).is_ok();
    let near_protected =
        |t: &Token| super::overlaps(protected, t.start().saturating_sub(1)..t.end() + 1);
    let mut open: Vec<&Token> = Vec::new();
    let (mut more, mut vetoed) = (Vec::new(), Vec::new());
    for t in tokens {
        match t.kind {
            TokenKind::Open(Pair::Paren) => open.push(t),
            TokenKind::Close(Pair::Paren) => {
                let Some(o) = open.pop() else { continue };
                if near_protected(o) || near_protected(t) {
                    vetoed.extend([o, t].map(|p| p.start() as u32));
                    continue;
                }
                for (this, other) in [(o, t), (t, o)] {
                    let wanted = !is_half(other) || is_taken(other);
                    if is_half(this) && !is_taken(this) && wanted {
                        more.push(this.start() as u32);
                    }
                }
            }
            _ => {}
        }
    }
    (more, vetoed)
}

/// The run of adjacent half-width marks `,;:?!()` around byte `at`, within `line`.
fn mark_run(text: &str, line: Range<usize>, at: usize) -> Range<usize> {
    let b = text.as_bytes();
    let is_mark = |i: usize| matches!(b[i], b',' | b';' | b':' | b'?' | b'!' | b'(' | b')');
    let mut start = at;
    while start > line.start && is_mark(start - 1) {
        start -= 1;
    }
    let mut end = at + 1;
    while end < line.end && is_mark(end) {
        end += 1;
    }
    start..end
}

/// The half-width mark at byte `at` of `text` as a one-byte span, and its full-width form.
fn mark_at(text: &str, at: usize) -> (Range<usize>, &'static str) {
    let c = char::from(text.as_bytes()[at]);
    (at..at + 1, kind_of(c).map_or("", |(_, wide)| wide))
}

/// One finding for a document that uses half-width marks of a kind throughout (at bytes
/// `marks`), at the first; its fix corrects every mark.
fn habit(text: &str, marks: &[u32], kind: (&str, &str), full_count: usize) -> Diagnostic {
    let (half, full) = kind;
    let count = marks.len();
    let message = format!(
        "全文有{count}处半角“{half}”用在中文之间（全角“{full}”{full_count}处），应改为全角"
    );
    let (first, wide) = mark_at(text, marks[0] as usize);
    Diagnostic::new(first.clone(), message)
        .label(format!("第一处，共{count}处"))
        .note("全文普遍使用半角，只报告一次")
        .help(format!("将全文中文之间的“{half}”替换为“{full}”"))
        .fix(first, wide)
        .fix_elsewhere(marks[1..].iter().map(|&at| mark_at(text, at as usize)))
}

/// A stray half-width mark at byte `at` in a document that mostly uses full-width ones.
/// `partner`: a parenthesis fixed as the other of its pair is.
fn stray(text: &str, at: usize, partner: bool) -> Diagnostic {
    let (span, wide) = mark_at(text, at);
    let c = char::from(text.as_bytes()[at]);
    let message = if partner {
        format!("括号两半应一致：这一半也应使用全角“{wide}”，而非半角“{c}”")
    } else {
        format!("中文之间应使用全角“{wide}”，而非半角“{c}”")
    };
    Diagnostic::new(span.clone(), message)
        .label(format!("改为“{wide}”"))
        .fix(span, wide)
}
