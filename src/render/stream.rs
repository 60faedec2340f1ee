//! A run's output written file by file, as each file is done, in the very bytes the
//! whole run rendered at once would give: a file's [`Part`] is rendered (on any thread)
//! and counted, and an [`Output`] writes the parts in order between the format's head
//! and tail. The document formats (json, sarif) are cut around their one array of
//! elements; the summary line and `--statistics` are counted on the way.

use super::stats::Tally;
use super::{Counts, FileReport, github, human, json, pretty, sarif, short};
use std::io::{self, Write};

/// An output format, as the renderers take it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Human { color: bool },
    Json,
    Short,
    Github,
    Sarif,
}

impl Style {
    /// Whether the output is one JSON document whose array holds the parts.
    fn document(self) -> bool {
        matches!(self, Style::Json | Style::Sarif)
    }
}

/// One file's part of the output: its text (for a document format, its elements of
/// the array, without the separators around them) and its counts.
pub struct Part {
    pub text: String,
    pub counts: Counts,
    pub tally: Tally,
}

impl Part {
    pub fn of(style: Style, report: &FileReport) -> Part {
        let text = match style {
            Style::Human { color } => human::file(report, color),
            Style::Json => json::file(report),
            Style::Short => short::file(report),
            Style::Github => github::file(report),
            Style::Sarif => sarif::file(report),
        };
        Part {
            text,
            counts: Counts::of(std::slice::from_ref(report)),
            tally: Tally::of(&report.diagnostics),
        }
    }
}

/// Writes parts in order to `out`, then the format's closing, summary and statistics.
pub struct Output<W: Write> {
    style: Style,
    /// The SARIF log around the results, made once.
    sarif: Option<Frame>,
    out: W,
    files: usize,
    counts: Counts,
    tally: Tally,
    /// Whether an element of a document's array has been written.
    elements: bool,
}

impl<W: Write> Output<W> {
    /// Writes the format's head.
    pub fn start(style: Style, mut out: W) -> io::Result<Self> {
        let sarif = (style == Style::Sarif).then(sarif::frame);
        match (style, &sarif) {
            (Style::Json, _) => out.write_all(json::frame(Counts::default(), 0).head.as_bytes())?,
            (_, Some(frame)) => out.write_all(frame.head.as_bytes())?,
            _ => {}
        }
        Ok(Output {
            style,
            sarif,
            out,
            files: 0,
            counts: Counts::default(),
            tally: Tally::default(),
            elements: false,
        })
    }

    pub fn part(&mut self, part: &Part) -> io::Result<()> {
        self.files += 1;
        self.counts.add(part.counts);
        self.tally.merge(&part.tally);
        if part.text.is_empty() {
            return Ok(());
        }
        if self.style.document() {
            let separator: &[u8] = if self.elements { b",\n" } else { b"\n" };
            self.out.write_all(separator)?;
        }
        self.elements = true;
        self.out.write_all(part.text.as_bytes())
    }

    /// Writes the closing (the summary naming `unreadable` inputs, for human output) and,
    /// with `statistics`, the count by rule; returns the writer and the counts.
    pub fn finish(mut self, unreadable: &[String], statistics: bool) -> io::Result<(W, Counts)> {
        let closing = match self.style {
            Style::Human { .. } => human::summary(self.counts, self.files, unreadable),
            Style::Json => json::frame(self.counts, self.files).close(self.elements),
            Style::Sarif => self
                .sarif
                .as_ref()
                .map_or(String::new(), |f| f.close(self.elements)),
            Style::Short | Style::Github => String::new(),
        };
        self.out.write_all(closing.as_bytes())?;
        if statistics {
            self.out.write_all(self.tally.render().as_bytes())?;
        }
        self.out.flush()?;
        Ok((self.out, self.counts))
    }
}

/// Every report rendered at once, then (with `statistics`) the count by rule.
pub fn render(
    style: Style,
    reports: &[FileReport],
    unreadable: &[String],
    statistics: bool,
) -> String {
    let mut output = Output::start(style, Vec::new()).expect("writing to memory");
    for r in reports {
        output.part(&Part::of(style, r)).expect("writing to memory");
    }
    let (bytes, _) = output
        .finish(unreadable, statistics)
        .expect("writing to memory");
    String::from_utf8(bytes).expect("the renderers write UTF-8")
}

/// A pretty-printed JSON document cut at its one empty array, to be written around the
/// elements of that array.
pub struct Frame {
    /// The document up to the array's `[`.
    pub head: String,
    /// The indentation of the line that opens the array.
    indent: usize,
    /// The array's `]` and the rest of the document.
    tail: String,
}

impl Frame {
    /// Cuts `document` (printed by [`super::pretty`]) at `array`,
    /// the key and its empty array as printed (`"files": []`).
    pub fn around(document: String, array: &str) -> Frame {
        let at = document.find(array).expect("the document holds the array");
        let line = document[..at].rfind('\n').map_or(0, |i| i + 1);
        let close = at + array.len() - 1;
        Frame {
            head: document[..close].to_string(),
            indent: at - line,
            tail: document[close..].to_string(),
        }
    }

    /// The array's closing: `]` right after `[` when it is empty, else on its own line.
    fn close(&self, elements: bool) -> String {
        if elements {
            format!("\n{}{}", " ".repeat(self.indent), self.tail)
        } else {
            self.tail.clone()
        }
    }
}

/// `value` pretty-printed as an element of an array opened at `depth` levels of
/// indentation (every line indented one level more), written straight into one string.
pub fn element(value: &impl serde::Serialize, depth: usize) -> String {
    let mut out = Vec::with_capacity(4096);
    pretty::indent(&mut out, depth + 1).expect("writing to memory");
    pretty::write(&mut out, value, depth + 1).expect("findings serialise");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}
