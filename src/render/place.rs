//! Where a finding is, in terms a Word user can act on: the paragraph as Word counts
//! them (empty paragraphs skipped), the headings above it, and words to search for.

use crate::diagnostic::Diagnostic;
use crate::sentence;
use crate::source::Source;
use std::ops::Range;

/// Characters quoted on either side of a span.
const QUOTE_CONTEXT: usize = 15;
/// The longest span quoted whole.
const QUOTE_SPAN: usize = 40;

/// Paragraph numbers of one Word document, counted as Word counts them.
pub struct WordPlaces<'a> {
    source: &'a Source,
    /// The last line counted and how many non-empty lines it closes.
    cursor: (usize, usize),
}

impl<'a> WordPlaces<'a> {
    pub fn new(source: &'a Source) -> Self {
        WordPlaces {
            source,
            cursor: (0, 0),
        }
    }

    /// The 1-based number of the paragraph holding `byte`, counting only paragraphs
    /// with text of their own (not empty, not only a numbering label; the lines of a
    /// paragraph with line breaks once). Findings come
    /// sorted by position, so consecutive calls go forward.
    pub fn paragraph(&mut self, byte: usize) -> usize {
        let line = self.source.line_index(byte);
        let (mut at, mut count) = self.cursor;
        if line < at {
            (at, count) = (0, 0);
        }
        while at <= line {
            let continued = self.source.continued_lines.binary_search(&at).is_ok();
            count += usize::from(self.has_text(at) && !continued);
            at += 1;
        }
        self.cursor = (at, count);
        count.max(1)
    }

    fn has_text(&self, line: usize) -> bool {
        let range = self.source.line_range(line);
        let text = &self.source.text;
        text[range.clone()]
            .char_indices()
            .any(|(i, c)| !c.is_whitespace() && !generated(self.source, range.start + i))
    }

    /// The headings and paragraph of `d`, as one line.
    pub fn describe(&mut self, d: &Diagnostic) -> String {
        let paragraph = self.paragraph(d.span.start);
        if d.headings.is_empty() {
            return format!("第 {paragraph} 段（按 Word 计，不计空段）");
        }
        format!(
            "“{}”下，第 {paragraph} 段（按 Word 计，不计空段）",
            d.headings.join(" › ")
        )
    }
}

fn generated(source: &Source, byte: usize) -> bool {
    let ranges = &source.generated;
    let i = ranges.partition_point(|r| r.end <= byte);
    ranges.get(i).is_some_and(|r| r.start <= byte)
}

/// Words around `span` a user can type into Word's search box: within the span's
/// sentence and paragraph, without numbering labels Word draws, tabs or line breaks.
pub fn quote(source: &Source, span: Range<usize>) -> Option<String> {
    let text = &source.text;
    let line = source.line_range(source.line_index(span.start));
    let end = span.end.min(line.end).max(span.start);
    let long = text[span.start..end].chars().count() > QUOTE_SPAN;
    let from = sentence::start_before(text, line.start, span.start, QUOTE_CONTEXT);
    let to = if long {
        text[span.start..end]
            .char_indices()
            .nth(QUOTE_SPAN)
            .map_or(end, |(i, _)| span.start + i)
    } else {
        sentence::end_after(text, end, line.end, QUOTE_CONTEXT)
    };
    // The searchable stretch holding the span's start.
    let breaks = |c: char, at: usize| c == '\t' || generated(source, at);
    let mut start = from;
    for (i, c) in text[from..span.start].char_indices() {
        if breaks(c, from + i) {
            start = from + i + c.len_utf8();
        }
    }
    let mut stop = to;
    for (i, c) in text[span.start..to].char_indices() {
        if breaks(c, span.start + i) {
            stop = span.start + i;
            break;
        }
    }
    let quoted = text[start..stop].trim();
    (!quoted.is_empty()).then(|| quoted.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(text: &str, label: Range<usize>) -> Source {
        let mut s = Source::new("t.docx", text.to_string());
        s.generated = vec![label];
        s
    }

    #[test]
    fn paragraphs_skip_empty_and_label_only_lines() {
        let text = "标题\n\n1.\t\n  \n正文一。\n正文二。";
        let label = text.find("1.").unwrap();
        let s = word(text, label..label + 3);
        let mut places = WordPlaces::new(&s);
        assert_eq!(places.paragraph(0), 1);
        assert_eq!(places.paragraph(text.find("正文一").unwrap()), 2);
        assert_eq!(places.paragraph(text.find("正文二").unwrap()), 3);
        assert_eq!(places.paragraph(text.find("正文一").unwrap()), 2);
    }

    #[test]
    fn the_lines_of_a_paragraph_with_line_breaks_count_once() {
        let text = "正文。\n某区人民政府\n2025年1月15日\n附件";
        let mut s = Source::new("t.docx", text.to_string());
        s.continued_lines = vec![2];
        let mut places = WordPlaces::new(&s);
        assert_eq!(places.paragraph(text.find("某区").unwrap()), 2);
        assert_eq!(places.paragraph(text.find("2025").unwrap()), 2);
        assert_eq!(places.paragraph(text.find("附件").unwrap()), 3);
    }

    #[test]
    fn quotes_leave_out_labels_and_tabs() {
        let text = "一、\t调解成功率上升10%，成效明显。第二句很长很长很长很长很长很长很长很长。";
        let s = word(text, 0.."一、".len());
        let at = text.find("上升").unwrap();
        let q = quote(&s, at..at + "上升10%".len()).unwrap();
        assert_eq!(q, "调解成功率上升10%，成效明显。");
    }
}
