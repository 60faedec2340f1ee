//! `--format human`: rustc-style annotated diagnostics via codespan-reporting.
//!
//! Report paragraphs are single lines of hundreds of characters, so a diagnostic shows
//! only the sentence(s) around its span (a [`Window`]) while the header keeps the real
//! `line:column`.

use super::Unreadable;
use super::place::{WordPlaces, quote};
use super::{Counts, FileReport};
use crate::config::ConfigError;
use crate::diagnostic::{Diagnostic, Severity};
use crate::display::{self, escape};
use crate::sentence;
use crate::source::{Origin, Source};
use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label, Severity as CsSeverity};
use codespan_reporting::files::{Error as FilesError, Files, SimpleFile};
use codespan_reporting::term::{self, termcolor::Buffer};
use std::ops::Range;

/// The most characters shown on either side of a span inside one sentence.
const MAX_CONTEXT: usize = 80;
const ELLIPSIS: &str = "…";

/// Renders every report, then a summary line that also names the inputs that could
/// not be read.
pub fn render(reports: &[FileReport], color: bool, unreadable: &[Unreadable]) -> String {
    super::stream::render(
        super::stream::Style::Human { color },
        reports,
        unreadable,
        false,
    )
}

/// One file's findings.
pub(super) fn file(report: &FileReport, color: bool) -> String {
    let mut buffer = new_buffer(color);
    let config = term::Config::default();
    let mut places = WordPlaces::new(&report.source);
    for d in &report.diagnostics {
        let window = Window::around(&report.source, d.span.clone());
        let source = &report.source;
        let place = match source.origin {
            Origin::Docx => Some(places.describe(d)),
            _ => source.place_of_line(source.line_index(d.span.start)),
        };
        let diagnostic = to_codespan(d, &window, place);
        // A window always covers its labels, so rendering cannot fail.
        let _ = term::emit_to_write_style(&mut buffer, &config, &window, &diagnostic);
    }
    String::from_utf8_lossy(buffer.as_slice()).into_owned()
}

/// The most unreadable inputs the summary names.
const NAMED: usize = 5;

pub(super) fn summary(c: Counts, files: usize, unreadable: &[Unreadable]) -> String {
    let found = c.errors + c.warnings + c.infos > 0;
    let mut line = match (found, unreadable.is_empty()) {
        // (Nothing checked is no verdict: a folder of old .doc files, an empty folder.)
        (false, true) if files == 0 => {
            "没有检查任何文件（没有可检查的 .txt .md .docx .html .htm .pdf 文件）".to_string()
        }
        (false, true) => format!("检查了 {files} 个文件，未发现问题"),
        (false, false) => format!("检查了 {files} 个文件"),
        (true, _) => format!(
            "检查了 {files} 个文件：{} 个错误，{} 个警告，{} 个提示",
            c.errors, c.warnings, c.infos
        ),
    };
    if !unreadable.is_empty() {
        let names: Vec<String> = unreadable
            .iter()
            .take(NAMED)
            .map(|u| display::escape_line(&u.name).into_owned())
            .collect();
        let more = if unreadable.len() > NAMED { "等" } else { "" };
        line.push_str(&format!(
            "；另有 {} 个无法读取，未检查：{}{more}",
            unreadable.len(),
            names.join("、")
        ));
    }
    line + "。\n"
}

/// A configuration error quoting the offending line of the config file.
pub fn render_config_error(e: &ConfigError, color: bool) -> String {
    let mut buffer = new_buffer(color);
    let file = SimpleFile::new(e.name.as_str(), e.text.as_str());
    let message = escape(&e.message);
    let mut d = CsDiagnostic::error().with_message(format!("配置错误：{message}"));
    match &e.span {
        Some(span) if !e.text.is_empty() => {
            d = d.with_labels(vec![Label::primary((), span.clone()).with_message(message)]);
        }
        _ => d = d.with_notes(vec![format!("文件：{}", e.name)]),
    }
    let _ = term::emit_to_write_style(&mut buffer, &term::Config::default(), &file, &d);
    String::from_utf8_lossy(buffer.as_slice()).into_owned()
}

fn new_buffer(color: bool) -> Buffer {
    if color {
        Buffer::ansi()
    } else {
        Buffer::no_color()
    }
}

/// `place`: where a Word user finds the finding ([`WordPlaces::describe`]).
fn to_codespan(d: &Diagnostic, window: &Window, place: Option<String>) -> CsDiagnostic<()> {
    let severity = match d.severity {
        Severity::Error => CsSeverity::Error,
        Severity::Warning => CsSeverity::Warning,
        Severity::Info => CsSeverity::Note,
    };
    let mut notes: Vec<String> = d
        .notes
        .iter()
        .map(|n| format!("说明：{}", escape(n)))
        .collect();
    if let Some(place) = place {
        notes.insert(0, format!("位置：{}", escape(&place)));
        if let Some(words) = quote(window.source, d.span.clone()) {
            notes.insert(1, format!("查找：“{}”", escape(&words)));
        }
    }
    if let Some(help) = &d.help {
        notes.push(format!("建议：{}", escape(help)));
    }
    if let Some(fix) = &d.fix {
        let old = escape(&window.source.text[fix.span.clone()]);
        notes.push(if fix.replacement.is_empty() {
            format!("修正：删除“{old}”")
        } else {
            format!("修正：“{old}”改为“{}”", escape(&fix.replacement))
        });
        if !d.fix_elsewhere.is_empty() {
            notes.push(format!("其余{}处一并修正", d.fix_elsewhere.len()));
        }
    }
    CsDiagnostic::new(severity)
        .with_code(d.rule)
        .with_message(escape(&d.message))
        .with_labels(vec![
            Label::primary((), window.local(d.span.clone())).with_message(escape(&d.label)),
        ])
        .with_notes(notes)
}

/// The sentence(s) around a span, presented to codespan as if it were the whole file
/// but reporting the real line and column numbers. Control and bidi characters in the
/// excerpt are shown escaped ([`display::escape`]).
struct Window<'a> {
    source: &'a Source,
    /// The file name as shown.
    name: String,
    /// The shown text: an optional leading `…`, the excerpt, an optional trailing `…`.
    text: String,
    /// Where the excerpt starts in the source, and the length of the leading `…`.
    base: usize,
    lead: usize,
    /// For each escaped character: where it ends in the source, and how many bytes all
    /// escapes up to it added.
    escapes: Vec<(usize, usize)>,
    line_starts: Vec<usize>,
}

impl<'a> Window<'a> {
    fn around(source: &'a Source, span: Range<usize>) -> Window<'a> {
        let full = &source.text;
        let first_line = source.line_index(span.start);
        let last_line = source.line_index(span.end.saturating_sub(1).max(span.start));
        let (first, last) = (source.line_range(first_line), source.line_range(last_line));
        let start = sentence::start_before(full, first.start, span.start, MAX_CONTEXT);
        let closed = full[..span.end].ends_with(sentence::ENDS) && span.end > span.start;
        let end = if closed {
            span.end
        } else {
            sentence::end_after(full, span.end, last.end.max(span.end), MAX_CONTEXT)
        };
        let lead = if start > first.start { ELLIPSIS } else { "" };
        let tail = if end < last.end { ELLIPSIS } else { "" };
        let mut text = String::with_capacity(end - start + 8);
        text.push_str(lead);
        let mut escapes = Vec::new();
        let mut added = 0;
        for (i, c) in full[start..end].char_indices() {
            let pushed = display::push_escaped(&mut text, c);
            if pushed != c.len_utf8() {
                added += pushed - c.len_utf8();
                escapes.push((start + i + c.len_utf8(), added));
            }
        }
        text.push_str(tail);
        let mut line_starts = vec![0];
        line_starts.extend(line_breaks(&text));
        Window {
            source,
            name: display::escape_line(&source.name).into_owned(),
            text,
            base: start,
            lead: lead.len(),
            escapes,
            line_starts,
        }
    }

    /// A source byte range as a range in the shown text.
    fn local(&self, span: Range<usize>) -> Range<usize> {
        let map = |b: usize| {
            let at = self.escapes.partition_point(|&(end, _)| end <= b);
            let added = at.checked_sub(1).map_or(0, |i| self.escapes[i].1);
            b - self.base + self.lead + added
        };
        map(span.start)..map(span.end)
    }

    /// A shown-text byte as a source byte (the leading `…` maps to the excerpt start).
    fn global(&self, byte: usize) -> usize {
        let plain = byte.saturating_sub(self.lead);
        let added = self
            .escapes
            .iter()
            .take_while(|&&(end, added)| end - self.base + added <= plain)
            .last()
            .map_or(0, |&(_, added)| added);
        (self.base + plain.saturating_sub(added)).min(self.source.text.len())
    }
}

/// Byte offsets just after each line break in `text`.
fn line_breaks(text: &str) -> impl Iterator<Item = usize> + '_ {
    let b = text.as_bytes();
    (0..b.len()).filter_map(move |i| match b[i] {
        b'\n' => Some(i + 1),
        b'\r' if b.get(i + 1) != Some(&b'\n') => Some(i + 1),
        _ => None,
    })
}

impl<'a> Files<'a> for Window<'a> {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, FilesError> {
        Ok(&self.name)
    }

    fn source(&'a self, (): ()) -> Result<&'a str, FilesError> {
        Ok(&self.text)
    }

    fn line_index(&'a self, (): (), byte_index: usize) -> Result<usize, FilesError> {
        Ok(self.line_starts.partition_point(|&s| s <= byte_index) - 1)
    }

    fn line_range(&'a self, (): (), line_index: usize) -> Result<Range<usize>, FilesError> {
        let start = *self
            .line_starts
            .get(line_index)
            .ok_or(FilesError::LineTooLarge {
                given: line_index,
                max: self.line_starts.len() - 1,
            })?;
        let end = self
            .line_starts
            .get(line_index + 1)
            .copied()
            .unwrap_or(self.text.len());
        Ok(start..end)
    }

    fn line_number(&'a self, (): (), line_index: usize) -> Result<usize, FilesError> {
        let start = self.line_range((), line_index)?.start;
        Ok(self.source.line_index(self.global(start)) + 1)
    }

    fn column_number(
        &'a self,
        (): (),
        _line: usize,
        byte_index: usize,
    ) -> Result<usize, FilesError> {
        Ok(self.source.position(self.global(byte_index)).1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_is_the_sentence_around_the_span() {
        let text = "第一句。调解成功率上升10%,成效明显。第三句。".to_string();
        let source = Source::new("t.txt", text);
        let at = source.text.find("上升10%").unwrap();
        let w = Window::around(&source, at..at + "上升10%".len());
        assert_eq!(w.text, "…调解成功率上升10%,成效明显。…");
        assert_eq!(&w.text[w.local(at..at + 3)], "上");
    }

    #[test]
    fn header_has_the_real_line_and_column() {
        let text = "标题\n第一句。调解成功率上升10%。".to_string();
        let source = Source::new("t.txt", text);
        let at = source.text.find("上升").unwrap();
        let d = Diagnostic::new(at..at + "上升10%".len(), "测试").label("此处");
        let report = FileReport {
            source,
            diagnostics: vec![d],
        };
        let out = render(std::slice::from_ref(&report), false, &[]);
        assert!(out.contains("t.txt:2:10"), "{out}");
        // The caret line is under the span, counting CJK characters as two columns.
        let caret = out.lines().find(|l| l.contains('^')).unwrap();
        let source_line = out.lines().find(|l| l.contains("调解成功率")).unwrap();
        let col =
            |s: &str, pat: &str| unicode_width::UnicodeWidthStr::width(&s[..s.find(pat).unwrap()]);
        assert_eq!(col(caret, "^"), col(source_line, "上升"));
    }

    #[test]
    fn escapes_and_bidi_controls_are_shown_escaped() {
        let text = "标题\n第一句。调解\u{1b}[2J\u{202e}成功率上升10%。".to_string();
        let source = Source::new("t\u{1b}]0;x.txt", text);
        let at = source.text.find("上升").unwrap();
        let d = Diagnostic::new(at..at + "上升10%".len(), "引文“\u{1b}[31m”").label("此处");
        let report = FileReport {
            source,
            diagnostics: vec![d],
        };
        let out = render(std::slice::from_ref(&report), false, &[]);
        assert!(
            !out.contains('\u{1b}') && !out.contains('\u{202e}'),
            "{out:?}"
        );
        assert!(out.contains("\\u{1b}[2J\\u{202e}"), "{out}");
        let caret = out.lines().find(|l| l.contains('^')).unwrap();
        let line = out.lines().find(|l| l.contains("成功率")).unwrap();
        let col =
            |s: &str, pat: &str| unicode_width::UnicodeWidthStr::width(&s[..s.find(pat).unwrap()]);
        assert_eq!(col(caret, "^"), col(line, "上升"));
    }

    #[test]
    fn summary_never_says_nothing_found_beside_unreadable_files() {
        let bad = Unreadable {
            name: "坏.txt".to_string(),
            message: "坏.txt：文件不存在".to_string(),
        };
        let line = summary(Counts::default(), 2, &[bad]);
        assert!(!line.contains("未发现问题"), "{line}");
        assert!(
            line.contains("1 个无法读取") && line.contains("坏.txt"),
            "{line}"
        );
        // Nor where nothing was checked.
        let line = summary(Counts::default(), 0, &[]);
        assert!(line.starts_with("没有检查任何文件"), "{line}");
    }
}
