//! Text in traditional characters (a mirror site's copy, a site's 繁體 mode): told apart
//! from simplified text, and folded to simplified character by character so that the
//! outline and the rules, whose vocabulary is simplified, read it. Folding keeps every
//! byte offset, so findings in the folded text point at the same places in the original.

use crate::diagnostic::{Diagnostic, Fix};
use crate::source::Source;
use std::ops::Range;

/// How much of the start of a text is looked at (a report is written in one script).
const SAMPLE: usize = 2048;
/// How many marks in the sample make a text traditional: simplified reports have none,
/// traditional ones dozens; a simplified text may quote a name or two.
const MIN_MARKS: usize = 8;

/// Characters common in reports that simplified Chinese never writes.
const MARKS: [char; 40] = [
    '國', '會', '為', '這', '們', '發', '與', '個', '來', '對', '時', '實', '說', '設', '報', '區',
    '縣', '務', '關', '係', '經', '進', '過', '還', '開', '當', '機', '現', '職', '責', '規', '劃',
    '學', '習', '貫', '徹', '黨', '維', '護', '創',
];
/// The marks as one bit each over the CJK block U+4E00..U+A000, which holds them all: a
/// character is looked up in a few instructions.
const FIRST: u32 = 0x4E00;
static MARK_BITS: [u8; 0x5200 / 8] = {
    let mut bits = [0u8; 0x5200 / 8];
    let mut i = 0;
    while i < MARKS.len() {
        let at = MARKS[i] as u32 - FIRST;
        bits[(at / 8) as usize] |= 1 << (at % 8);
        i += 1;
    }
    bits
};

fn is_mark(c: char) -> bool {
    let at = (c as u32).wrapping_sub(FIRST);
    MARK_BITS
        .get((at / 8) as usize)
        .is_some_and(|b| b & (1 << (at % 8)) != 0)
}

/// Whether `text` is written in traditional characters. (Read as bytes: every mark is a
/// three-byte character, and this runs on every text.)
pub fn is_traditional(text: &str) -> bool {
    let bytes = &text.as_bytes()[..text.len().min(SAMPLE)];
    // Most texts are simplified: a report in traditional characters names its 建設,
    // 報告 or 國家 early on.
    if !["設", "報", "國"]
        .iter()
        .any(|m| memchr::memmem::find(bytes, m.as_bytes()).is_some())
    {
        return false;
    }
    let (mut i, mut found) = (0, 0);
    while i + 2 < bytes.len() {
        let b = bytes[i];
        if b & 0xF0 == 0xE0 {
            let c = u32::from(b & 0x0F) << 12
                | u32::from(bytes[i + 1] & 0x3F) << 6
                | u32::from(bytes[i + 2] & 0x3F);
            if char::from_u32(c).is_some_and(is_mark) {
                found += 1;
                if found == MIN_MARKS {
                    return true;
                }
            }
            i += 3;
        } else {
            i += match b {
                0..0x80 => 1,
                0xF0.. => 4,
                _ => 2,
            };
        }
    }
    false
}

/// `source` in simplified characters, when it is written in traditional ones: the same
/// lines, offsets and reader's marks. `None` for a simplified text, or where a character
/// would fold to one of another length.
pub fn folded(source: &Source) -> Option<Source> {
    if !is_traditional(&source.text) {
        return None;
    }
    let text = fast2s::convert(&source.text);
    let same_shape = text.len() == source.text.len()
        && text
            .chars()
            .zip(source.text.chars())
            .all(|(a, b)| a.len_utf8() == b.len_utf8());
    same_shape.then(|| source.with_text(text))
}

/// Keeps only the fixes that write the same in either script: not one of a span the
/// folding changed, nor one bringing in a Chinese character its span does not already
/// hold (its simplified form may not be the text's: `负责` for `負責`). Punctuation,
/// spaces and dates (`2024年01月20日` → `2024年1月20日`) pass.
pub fn keep_script(original: &str, folded: &str, diagnostics: &mut [Diagnostic]) {
    let unchanged = |span: &Range<usize>| original.get(span.clone()) == folded.get(span.clone());
    let keeps_script = |f: &Fix| {
        let had = original.get(f.span.clone()).unwrap_or("");
        unchanged(&f.span) && f.replacement.chars().all(|c| !is_han(c) || had.contains(c))
    };
    for d in diagnostics {
        if d.fix.as_ref().is_some_and(|f| !keeps_script(f)) {
            d.fix = None;
        }
        d.fix_elsewhere.retain(|span| unchanged(&span));
    }
}

/// A CJK ideograph (the unified blocks and their extensions).
fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3FFFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_traditional_text_and_folds_it_in_place() {
        let traditional = "2023年，全區各級人民政府堅持以習近平新時代中國特色社會主義思想為指導，深入學習貫徹習近平法治思想，現將有關情況報告如下。";
        assert!(is_traditional(traditional));
        // A simplified text naming a place or two in traditional characters is not.
        assert!(!is_traditional(
            "2023年，我市与臺灣、澳門地区开展交流，现将有关情况报告如下。"
        ));
        let source = Source::new(
            "t.txt",
            format!("某市2023年法治政府建設年度報告\n{traditional}\n"),
        );
        let folded = folded(&source).expect("folded");
        assert_eq!(folded.text.len(), source.text.len());
        assert!(folded.text.starts_with("某市2023年法治政府建设年度报告\n"));
        assert_eq!(folded.line_count(), source.line_count());
        assert!(super::folded(&Source::new("t.txt", "法治政府建设年度报告".into())).is_none());
    }

    #[test]
    fn keeps_the_fixes_that_write_the_same_in_both_scripts() {
        let original = "主要負責人,2024年01月20日,法制化";
        let folded = fast2s::convert(original);
        let at = |s: &str| {
            let i = original.find(s).unwrap();
            i..i + s.len()
        };
        let mut found = vec![
            Diagnostic::new(at(","), "").fix(at(","), "，"),
            Diagnostic::new(at("2024年01月20日"), "").fix(at("2024年01月20日"), "2024年1月20日"),
            Diagnostic::new(at("負責"), "").fix(at("負責"), "负责"),
            Diagnostic::new(at("法制化"), "").fix(at("法制化"), "法治化"),
        ];
        keep_script(original, &folded, &mut found);
        let kept: Vec<bool> = found.iter().map(|d| d.fix.is_some()).collect();
        assert_eq!(kept, [true, true, false, false]);
    }
}
