//! `--format json`: the stable, versioned schema documented in the README.

use super::place::WordPlaces;
use super::pretty;
use super::stream::{Frame, element};
use super::{Counts, FileReport, Unreadable};
use crate::diagnostic::{self, Diagnostic};
use crate::source::{Origin, Source};
use serde::{Serialize, Serializer};
use std::borrow::Cow;
use std::io::{self, Write};

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    files: Vec<File<'a>>,
    /// The inputs that could not be read, with the message saying why.
    unreadable: Vec<Failed<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct Failed<'a> {
    path: &'a str,
    message: &'a str,
}

#[derive(Serialize)]
struct File<'a> {
    path: &'a str,
    diagnostics: Entries<'a>,
}

/// A file's findings, each turned into an [`Entry`] as it is written.
struct Entries<'a>(&'a FileReport);

impl Serialize for Entries<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let FileReport {
            source,
            diagnostics,
        } = self.0;
        let mut places = WordPlaces::new(source);
        serializer.collect_seq(diagnostics.iter().map(|d| entry(source, d, &mut places)))
    }
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
    #[serde(skip_serializing_if = "Fixes::is_empty")]
    fix_elsewhere: Fixes<'a>,
}

#[derive(Serialize)]
struct Fix<'a> {
    byte_start: usize,
    byte_end: usize,
    replacement: Cow<'a, str>,
}

impl<'a> Fix<'a> {
    fn of(f: &'a diagnostic::Fix) -> Self {
        Fix {
            byte_start: f.span.start,
            byte_end: f.span.end,
            replacement: Cow::Borrowed(&f.replacement),
        }
    }
}

/// A habit's other places, each written as it is read (there can be many thousands).
struct Fixes<'a>(&'a diagnostic::Elsewhere);

impl Fixes<'_> {
    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Serialize for Fixes<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(|f| Fix {
            byte_start: f.span.start,
            byte_end: f.span.end,
            replacement: f.replacement,
        }))
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
pub(super) fn frame(counts: Counts, files: usize, unreadable: &[Unreadable]) -> Frame {
    let output = Output {
        version: 1,
        files: Vec::new(),
        unreadable: unreadable
            .iter()
            .map(|u| Failed {
                path: &u.name,
                message: &u.message,
            })
            .collect(),
        summary: Summary {
            files,
            errors: counts.errors,
            warnings: counts.warnings,
            infos: counts.infos,
        },
    };
    Frame::around(pretty::to_string(&output) + "\n", "\"files\": []")
}

/// Writes one file's entry in the `files` array.
pub(super) fn file(r: &FileReport, out: &mut impl Write) -> io::Result<()> {
    let file = File {
        path: &r.source.name,
        diagnostics: Entries(r),
    };
    element(out, &file, 1)
}

fn entry<'a>(source: &'a Source, d: &'a Diagnostic, places: &mut WordPlaces) -> Entry<'a> {
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
        fix_elsewhere: Fixes(&d.fix_elsewhere),
    }
}
