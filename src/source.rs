//! A decoded document and its line index: byte offsets → 1-based line and column.

use crate::decode::Encoding;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::OnceLock;

/// Where a text came from, so that fixes can be written back the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// A text file in this encoding, with or without a byte-order mark.
    Text { encoding: Encoding, bom: bool },
    /// A Word document: one line per paragraph; never rewritten.
    Docx,
    /// A web page: one line per block (paragraph); never rewritten.
    Html,
    /// A PDF's text layer: one line per paragraph, in pages; never rewritten.
    Pdf,
}

/// Editing marks a reader found left in a document: revisions nobody has accepted or
/// rejected yet, comments (Word's 修订 and 批注), and dates that update themselves.
/// Empty for plain text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Review {
    pub insertions: usize,
    pub deletions: usize,
    pub moves: usize,
    /// Formatting changes (of characters, paragraphs, tables, sections).
    pub format_changes: usize,
    /// Byte offset of the first revision in the text.
    pub first_revision: Option<usize>,
    /// The text each comment is anchored on, ordered by start (empty: a point).
    pub comments: Vec<Range<usize>>,
    /// The text of each field that shows the day the document is opened, saved or
    /// printed (Word's DATE field, 插入日期 with 自动更新), in order.
    pub today_fields: Vec<Range<usize>>,
}

impl Review {
    pub fn revisions(&self) -> usize {
        self.insertions + self.deletions + self.moves + self.format_changes
    }
}

/// The decoded text of one input with the byte offsets where its lines start.
///
/// Lines end at `\n`, `\r\n` or a lone `\r`, so positions match what an editor shows
/// whatever line endings the file uses.
#[derive(Debug)]
pub struct Source {
    /// The name shown to users (a file name that is not UTF-8 is shown lossily).
    pub name: String,
    pub text: String,
    pub origin: Origin,
    /// The file the text was read from; `None` for standard input or a text in memory.
    pub path: Option<PathBuf>,
    /// The bytes as read, kept only for standard input, which cannot be read again when
    /// its fixes are written out.
    pub raw: Option<Vec<u8>>,
    /// Detected as UTF-8, but the bytes read far more like GBK Chinese (see
    /// [`crate::decode::Decoded::maybe_gbk`]).
    pub maybe_gbk: bool,
    /// Headings a reader knows from the format itself (a Word paragraph in a heading
    /// style or with an outline level): `(line index, level)`, level 1 for the top,
    /// sorted by line. Empty for plain text, whose headings are found by their numbering.
    pub heading_levels: Vec<(usize, u8)>,
    /// For a PDF: the index of the first line of each page after the first, ascending.
    pub page_starts: Vec<usize>,
    /// Text the format draws but the document does not hold as characters (Word's
    /// automatic numbering labels): sorted byte ranges. A user cannot search for it.
    pub generated: Vec<Range<usize>>,
    /// Lines that continue the line before them as one paragraph of the original (a
    /// Word paragraph with a line break): ascending line indices. Empty for plain text.
    pub continued_lines: Vec<usize>,
    /// Where a heading run into its paragraph ends, as the format shows it (a paragraph
    /// that opens in bold or a heading face and goes on in body type): ascending byte
    /// offsets. Empty for plain text, whose run-in headings end at a stop or colon.
    pub run_in_ends: Vec<usize>,
    /// Lines that label a row of a table (a Word table's first cell beside cells of
    /// figures, a group's row across the table, a 序号 cell's number in a task table):
    /// ascending line indices, no headings. Empty for plain text and web pages, whose rows show their cells on one line
    /// (apart by tabs or ` | `).
    pub table_labels: Vec<usize>,
    /// Lines that are a table's cells (a Word table's, each cell a line of its own):
    /// ascending line indices. Empty for other inputs, whose rows are lines.
    pub table_cells: Vec<usize>,
    pub review: Review,
    /// Where each line starts (text is limited to 4 GiB: `input::MAX_SIZE_CEILING`).
    line_starts: Vec<u32>,
    /// The line starts after a U+2028 or U+2029, which editors do not count as lines.
    separated: Vec<u32>,
    /// How many characters start before each multiple of `BYTE_STRIDE` bytes, so a
    /// column on an 800-character (or 50 MB) line is found without counting the line
    /// from its start; made on the first column asked for (most texts have no finding,
    /// so none).
    char_marks: OnceLock<Vec<usize>>,
}

const BYTE_STRIDE: usize = 4096;

/// U+2028 and U+2029: a line of the outline ends at them as at a line feed (positions
/// shown to the user count lines as editors do, without them).
const LINE_SEPARATOR: char = '\u{2028}';
const PARAGRAPH_SEPARATOR: char = '\u{2029}';

/// The characters starting in `bytes` of UTF-8 text: its bytes that are not
/// continuation bytes (a loop the compiler turns into SIMD).
fn chars_starting(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

impl Source {
    pub fn new(name: impl Into<String>, text: String) -> Self {
        let bytes = text.as_bytes();
        assert!(u32::try_from(bytes.len()).is_ok(), "text over 4 GiB");
        let mut line_starts = vec![0];
        for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            let crlf = bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n');
            if !crlf {
                line_starts.push(i as u32 + 1);
            }
        }
        // The Unicode line and paragraph separators break lines as editors show them.
        let separated = memchr::memmem::find_iter(bytes, "\u{2028}".as_bytes())
            .chain(memchr::memmem::find_iter(bytes, "\u{2029}".as_bytes()));
        let mut more: Vec<u32> = separated.map(|i| (i + 3) as u32).collect();
        if !more.is_empty() {
            line_starts.extend(&more);
            line_starts.sort_unstable();
            line_starts.dedup();
            more.sort_unstable();
        }
        Source {
            name: name.into(),
            char_marks: OnceLock::new(),
            text,
            origin: Origin::Text {
                encoding: Encoding::Utf8,
                bom: false,
            },
            path: None,
            raw: None,
            maybe_gbk: false,
            heading_levels: Vec::new(),
            page_starts: Vec::new(),
            generated: Vec::new(),
            continued_lines: Vec::new(),
            run_in_ends: Vec::new(),
            table_labels: Vec::new(),
            table_cells: Vec::new(),
            review: Review::default(),
            line_starts,
            separated: more,
        }
    }

    /// This source with `text` in place of its text, which must have the same line
    /// breaks at the same offsets (a folding that keeps every offset): what the reader
    /// found stays. Not for writing back (it keeps no bytes as read).
    pub fn with_text(&self, text: String) -> Source {
        debug_assert_eq!(text.len(), self.text.len());
        Source {
            name: self.name.clone(),
            text,
            origin: self.origin,
            path: self.path.clone(),
            raw: None,
            maybe_gbk: self.maybe_gbk,
            heading_levels: self.heading_levels.clone(),
            page_starts: self.page_starts.clone(),
            generated: self.generated.clone(),
            continued_lines: self.continued_lines.clone(),
            run_in_ends: self.run_in_ends.clone(),
            table_labels: self.table_labels.clone(),
            table_cells: self.table_cells.clone(),
            review: self.review.clone(),
            line_starts: self.line_starts.clone(),
            separated: self.separated.clone(),
            char_marks: OnceLock::new(),
        }
    }

    /// The heading level a reader gave line `index`, if any.
    pub fn heading_level(&self, index: usize) -> Option<u8> {
        let levels = &self.heading_levels;
        let at = levels
            .binary_search_by_key(&index, |&(line, _)| line)
            .ok()?;
        Some(levels[at].1)
    }

    pub fn with_heading_levels(mut self, mut levels: Vec<(usize, u8)>) -> Self {
        levels.sort_unstable();
        self.heading_levels = levels;
        self
    }

    pub fn with_page_starts(mut self, starts: Vec<usize>) -> Self {
        self.page_starts = starts;
        self
    }

    /// Where line `index` (0-based) is, for web pages and PDFs, whose lines are not what
    /// the user sees: `段落 N` in a web page, `第 N 页` in a PDF. (Word paragraphs are
    /// counted as Word counts them by [`crate::render::place`].)
    pub fn place_of_line(&self, index: usize) -> Option<String> {
        match self.origin {
            Origin::Text { .. } | Origin::Docx => None,
            Origin::Html => Some(format!("段落 {}", index + 1)),
            Origin::Pdf => Some(format!(
                "第 {} 页",
                self.page_starts.partition_point(|&s| s <= index) + 1
            )),
        }
    }

    pub fn with_path(mut self, path: PathBuf) -> Self {
        self.path = Some(path);
        self
    }

    pub fn with_origin(mut self, origin: Origin) -> Self {
        self.origin = origin;
        self
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The 0-based index of the line containing `byte`.
    pub fn line_index(&self, byte: usize) -> usize {
        self.line_starts.partition_point(|&s| s as usize <= byte) - 1
    }

    /// The byte range of line `index`, without its terminator.
    pub fn line_range(&self, index: usize) -> Range<usize> {
        let start = self.line_starts[index] as usize;
        let mut end = self
            .line_starts
            .get(index + 1)
            .map_or(self.text.len(), |&s| s as usize);
        let bytes = self.text.as_bytes();
        while end > start && matches!(bytes[end - 1], b'\n' | b'\r') {
            end -= 1;
        }
        // (Only a line whose last byte is a separator's, 0xA8 or 0xA9, is read again.)
        if end > start && matches!(bytes[end - 1], 0xA8 | 0xA9) {
            let line = &self.text[start..end];
            end = start
                + line
                    .trim_end_matches([LINE_SEPARATOR, PARAGRAPH_SEPARATOR])
                    .len();
        }
        start..end
    }

    /// 1-based line and column of `byte`; the column counts characters.
    pub fn position(&self, byte: usize) -> (usize, usize) {
        // (As editors count lines: a U+2028 or U+2029 within one goes on with it.)
        let mut index = self.line_index(byte);
        while index > 0
            && self
                .separated
                .binary_search(&self.line_starts[index])
                .is_ok()
        {
            index -= 1;
        }
        let start = self.line_starts[index] as usize;
        let index = index - self.separated.partition_point(|&s| (s as usize) <= start);
        // Counted from the line's start when that is near (most lines), else through
        // the index of every 4 KB.
        let column = if byte - start <= BYTE_STRIDE {
            chars_starting(&self.text.as_bytes()[start..byte])
        } else {
            self.char_index(byte) - self.char_index(start)
        };
        (index + 1, column + 1)
    }

    /// How many characters precede `byte` in the whole text.
    fn char_index(&self, byte: usize) -> usize {
        let bytes = self.text.as_bytes();
        let marks = self.char_marks.get_or_init(|| {
            let mut marks = Vec::with_capacity(bytes.len() / BYTE_STRIDE + 1);
            let mut before = 0;
            marks.push(before);
            for chunk in bytes.chunks_exact(BYTE_STRIDE) {
                before += chars_starting(chunk);
                marks.push(before);
            }
            marks
        });
        let k = byte / BYTE_STRIDE;
        marks[k] + chars_starting(&bytes[k * BYTE_STRIDE..byte])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Positions count lines as editors do: a U+2028 or U+2029 is no line end there.
    #[test]
    fn positions_count_lines_as_editors_do() {
        let s = Source::new("t", "一\u{2028}二\n三\u{2029}四\n五".to_string());
        let at = |c: &str| s.position(s.text.find(c).unwrap());
        assert_eq!(at("二"), (1, 3));
        assert_eq!(at("三"), (2, 1));
        assert_eq!(at("四"), (2, 3));
        assert_eq!(at("五"), (3, 1));
    }

    #[test]
    fn lines_split_on_every_ending() {
        let s = Source::new("t", "一\r\n二\n三\r四".to_string());
        assert_eq!(s.line_count(), 4);
        assert_eq!(&s.text[s.line_range(0)], "一");
        assert_eq!(&s.text[s.line_range(1)], "二");
        assert_eq!(&s.text[s.line_range(3)], "四");
        assert_eq!(s.position(s.text.find('三').unwrap()), (3, 1));
    }

    #[test]
    fn columns_on_long_lines() {
        let line = "甲a".repeat(3000);
        let s = Source::new("t", format!("标题\n{line}"));
        let at = s.text.len() - "a".len();
        assert_eq!(s.position(at), (2, 6000));
        assert_eq!(s.position(s.text.len()), (2, 6001));
    }

    #[test]
    fn columns_count_characters() {
        let s = Source::new("t", "标题\n调解成功率".to_string());
        let at = s.text.find("率").unwrap();
        assert_eq!(s.position(at), (2, 5));
    }
}
