//! Sentences inside a paragraph: split after `。;;!!??`.
//!
//! Rules compare numbers within one sentence; the human renderer shows the sentence
//! around a finding instead of an 800-character paragraph.

use std::ops::Range;

/// The furthest, in characters, that a rule looks back or on from a position for the
/// start or end of its sentence or clause. Figures further apart are not compared, and
/// a long run of text with no sentence end costs linear time, not quadratic. (The
/// longest sentence in the corpus has 196 characters.)
pub const MAX_CHARS: usize = 500;

/// Characters that end a sentence.
pub const ENDS: &[char] = &['。', ';', '\u{ff1b}', '!', '\u{ff01}', '?', '\u{ff1f}'];

/// The sentences of `text[range]`, as byte ranges of `text`, each including its end mark.
pub fn split(text: &str, range: Range<usize>) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = range.start;
    let end = range.end;
    std::iter::from_fn(move || {
        if start >= end {
            return None;
        }
        let rest = &text[start..end];
        let len = rest
            .char_indices()
            .find(|&(_, c)| is_one_of(ENDS, c))
            .map_or(rest.len(), |(i, c)| i + c.len_utf8());
        let sentence = start..start + len;
        start += len;
        Some(sentence)
    })
}

/// Whether `c` is one of `marks` ([`ENDS`] or [`CLAUSE_ENDS`]). Every such mark is ASCII,
/// `。` or a full-width form from U+FF01 on, so a Chinese character is turned away with
/// one comparison instead of a look through the list.
fn is_one_of(marks: &[char], c: char) -> bool {
    (c.is_ascii() || c == '。' || c >= '\u{FF01}') && marks.contains(&c)
}

/// Start of the sentence containing `at`, no earlier than `floor` and at most `limit`
/// characters back.
pub fn start_before(text: &str, floor: usize, at: usize, limit: usize) -> usize {
    back_to(text, floor, at, limit, ENDS)
}

/// Just after the last of `ends` in `text[floor..at]`, looking at most `limit`
/// characters back (then where the look stopped), or `floor`.
fn back_to(text: &str, floor: usize, at: usize, limit: usize, ends: &[char]) -> usize {
    let mut start = floor;
    for (count, (i, c)) in text[floor..at].char_indices().rev().enumerate() {
        if is_one_of(ends, c) || count == limit {
            start = floor + i + c.len_utf8();
            break;
        }
    }
    start
}

/// End of the sentence containing `at` (after its end mark), no later than `ceiling`
/// and at most `limit` characters on.
pub fn end_after(text: &str, at: usize, ceiling: usize, limit: usize) -> usize {
    for (count, (i, c)) in text[at..ceiling].char_indices().enumerate() {
        if count == limit {
            return at + i;
        }
        if is_one_of(ENDS, c) {
            return at + i + c.len_utf8();
        }
    }
    ceiling
}

/// Characters that end a clause: the sentence ends plus commas and colons (half- and
/// full-width).
pub const CLAUSE_ENDS: &[char] = &[
    '。', ';', '\u{ff1b}', '!', '\u{ff01}', '?', '\u{ff1f}', ',', '\u{ff0c}', ':', '\u{ff1a}',
];

/// Start of the clause that ends at `at`: just after the last [`CLAUSE_ENDS`] mark in
/// `text[floor..at]`, or `floor`; at most [`MAX_CHARS`] characters back.
pub fn clause_start(text: &str, floor: usize, at: usize) -> usize {
    back_to(text, floor, at, MAX_CHARS, CLAUSE_ENDS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mark_passes_the_quick_test() {
        for &c in ENDS.iter().chain(CLAUSE_ENDS) {
            assert!(is_one_of(&[c], c), "{c}");
        }
    }

    #[test]
    fn splits_after_each_end_mark() {
        let t = "甲。乙;丙";
        let parts: Vec<&str> = split(t, 0..t.len()).map(|r| &t[r]).collect();
        assert_eq!(parts, ["甲。", "乙;", "丙"]);
    }

    #[test]
    fn bounds_stop_at_marks_and_limits() {
        let t = "一句。二三四五。六";
        let at = t.find('四').unwrap();
        assert_eq!(
            &t[start_before(t, 0, at, 80)..end_after(t, at, t.len(), 80)],
            "二三四五。"
        );
        assert_eq!(&t[start_before(t, 0, at, 1)..at], "三");
    }

    #[test]
    fn clause_starts_after_a_comma_or_colon() {
        let t = "收案2.35万起,调处成功\u{ff0c}成功率99.84%";
        let at = t.find("99").unwrap();
        assert_eq!(&t[clause_start(t, 0, at)..at], "成功率");
        assert_eq!(clause_start(t, 0, t.find('收').unwrap() + 3), 0);
    }

    #[test]
    fn a_clause_without_marks_reaches_back_at_most_max_chars() {
        let t = format!("起{}止", "字".repeat(2 * MAX_CHARS));
        let at = t.len() - "止".len();
        assert_eq!(t[clause_start(&t, 0, at)..at].chars().count(), MAX_CHARS);
        let short = "起字字止";
        assert_eq!(clause_start(short, 0, short.len()), 0);
    }
}
