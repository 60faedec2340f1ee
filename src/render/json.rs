//! `--format json`: the stable, versioned schema documented in the README.

use super::place::WordPlaces;
use super::pretty;
use super::stream::{Frame, element};
use super::{Counts, FileReport};
use crate::diagnostic::{self, Diagnostic};
use crate::source::{Origin, Source};
use serde::Serialize;

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    files: Vec<File<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct File<'a> {
    path: &'a str,
    diagnostics: Vec<Entry<'a>>,
}

#[derive(Serialize)]
struct Entry<'a> {
    rule: &'a str,
    severity: &'a str,
    message: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    byte_start: usize,
    byte_end: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    section: Option<&'a str>,
    /// For a `.docx`: the paragraph as Word counts them (empty ones skipped); for a
    /// web page: the paragraph (equal to `line`).
    #[serde(skip_serializing_if = "Option::is_none")]
    paragraph: Option<usize>,
    /// For a PDF: the page.
    #[serde(skip_serializing_if = "Option::is_none")]
    page: Option<usize>,
    /// For a `.docx`: the headings above the finding, outermost first.
    #[serde(skip_serializing_if = "Option::is_none")]
    headings: Option<&'a [String]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fix: Option<Fix<'a>>,
    /// The same correction at the habit's other places (a finding reported once).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fix_elsewhere: Vec<Fix<'a>>,
}

#[derive(Serialize)]
struct Fix<'a> {
    byte_start: usize,
    byte_end: usize,
    replacement: &'a str,
}

impl<'a> Fix<'a> {
    fn of(f: &'a diagnostic::Fix) -> Self {
        Fix {
            byte_start: f.span.start,
            byte_end: f.span.end,
            replacement: &f.replacement,
        }
    }
}

#[derive(Serialize)]
struct Summary {
    files: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
}

/// The whole run as one JSON document.
pub fn render(reports: &[FileReport]) -> String {
    super::stream::render(super::stream::Style::Json, reports, &[], false)
}

/// The document without its files, cut where they go; the summary counts `files`.
pub(super) fn frame(counts: Counts, files: usize) -> Frame {
    let output = Output {
        version: 1,
        files: Vec::new(),
        summary: Summary {
            files,
            errors: counts.errors,
            warnings: counts.warnings,
            infos: counts.infos,
        },
    };
    Frame::around(pretty::to_string(&output) + "\n", "\"files\": []")
}

/// One file's entry in the `files` array.
pub(super) fn file(r: &FileReport) -> String {
    let mut places = WordPlaces::new(&r.source);
    let file = File {
        path: &r.source.name,
        diagnostics: r
            .diagnostics
            .iter()
            .map(|d| entry(&r.source, d, &mut places))
            .collect(),
    };
    element(&file, 1)
}

fn entry<'a>(source: &Source, d: &'a Diagnostic, places: &mut WordPlaces) -> Entry<'a> {
    let word = source.origin == Origin::Docx;
    let (line, column) = source.position(d.span.start);
    let (end_line, end_column) = source.position(d.span.end);
    Entry {
        rule: d.rule,
        severity: d.severity.as_str(),
        message: &d.message,
        line,
        column,
        end_line,
        end_column,
        byte_start: d.span.start,
        byte_end: d.span.end,
        section: d.section.as_deref(),
        paragraph: match source.origin {
            Origin::Docx => Some(places.paragraph(d.span.start)),
            Origin::Html => Some(line),
            _ => None,
        },
        page: (source.origin == Origin::Pdf)
            .then(|| source.page_starts.partition_point(|&s| s < line) + 1),
        headings: word.then_some(d.headings.as_slice()),
        fix: d.fix.as_ref().map(Fix::of),
        fix_elsewhere: d.fix_elsewhere.iter().map(Fix::of).collect(),
    }
}
