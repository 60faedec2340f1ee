//! A run's output written file by file, as each file is done, in the very bytes the
//! whole run rendered at once would give: a file's [`Part`] is rendered (on any thread)
//! and counted, and an [`Output`] writes the parts in order between the format's head
//! and tail (or renders a file's part straight into its writer, [`Output::report`]).
//! The document formats (json, sarif) are cut around their one array of elements; the
//! summary line and `--statistics` are counted on the way.

use super::stats::Tally;
use super::{Counts, FileReport, Unreadable, github, human, json, pretty, sarif, short};
use std::io::{self, Read, Write};

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
    pub text: Vec<u8>,
    pub counts: Counts,
    pub tally: Tally,
}

impl Part {
    pub fn of(style: Style, report: &FileReport) -> Part {
        let mut text = Vec::new();
        write(style, report, &mut text).expect("writing to memory");
        Part {
            text,
            counts: Counts::of(std::slice::from_ref(report)),
            tally: Tally::of(&report.diagnostics),
        }
    }
}

/// Writes one file's part to `out`.
pub fn write(style: Style, report: &FileReport, out: &mut impl Write) -> io::Result<()> {
    match style {
        Style::Human { color } => out.write_all(human::file(report, color).as_bytes()),
        Style::Json => json::file(report, out),
        Style::Short => out.write_all(short::file(report).as_bytes()),
        Style::Github => out.write_all(github::file(report).as_bytes()),
        Style::Sarif => sarif::file(report, out),
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
            (Style::Json, _) => {
                out.write_all(json::frame(Counts::default(), 0, &[]).head.as_bytes())?
            }
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
        self.write(part.counts, &part.tally, |out| out.write_all(&part.text))
    }

    /// Writes a file's part as [`Output::part`] would, rendered straight into the writer.
    pub fn report(&mut self, report: &FileReport) -> io::Result<()> {
        let counts = Counts::of(std::slice::from_ref(report));
        let style = self.style;
        self.write(counts, &Tally::of(&report.diagnostics), |out| {
            write(style, report, out)
        })
    }

    /// Writes a part of `len` bytes read from `text`, with its counts.
    pub fn spilled(
        &mut self,
        counts: Counts,
        tally: &Tally,
        text: impl Read,
        len: u64,
    ) -> io::Result<()> {
        self.write(counts, tally, |out| {
            if io::copy(&mut text.take(len), out)? < len {
                return Err(io::ErrorKind::UnexpectedEof.into());
            }
            Ok(())
        })
    }

    /// Counts a part and writes it with `each`, after the separator of a document's
    /// elements if it writes anything.
    fn write(
        &mut self,
        counts: Counts,
        tally: &Tally,
        each: impl FnOnce(&mut Separated<&mut W>) -> io::Result<()>,
    ) -> io::Result<()> {
        self.files += 1;
        self.counts.add(counts);
        self.tally.merge(tally);
        let separator: &[u8] = match (self.style.document(), self.elements) {
            (false, _) => b"",
            (true, false) => b"\n",
            (true, true) => b",\n",
        };
        let mut out = Separated {
            out: &mut self.out,
            separator: Some(separator),
        };
        each(&mut out)?;
        self.elements |= out.separator.is_none();
        Ok(())
    }

    /// Writes the closing (the summary naming `unreadable` inputs, for human output) and,
    /// with `statistics`, the count by rule (on standard error for a JSON document);
    /// returns the writer and the counts.
    pub fn finish(
        mut self,
        unreadable: &[Unreadable],
        statistics: bool,
    ) -> io::Result<(W, Counts)> {
        let closing = match self.style {
            Style::Human { .. } => human::summary(self.counts, self.files, unreadable),
            Style::Json => json::frame(self.counts, self.files, unreadable).close(self.elements),
            Style::Sarif => self.sarif.as_ref().map_or(String::new(), |f| {
                f.close_with(self.elements, &sarif::invocations(unreadable))
            }),
            Style::Github => github::unreadable(unreadable),
            Style::Short => String::new(),
        };
        self.out.write_all(closing.as_bytes())?;
        if statistics {
            let table = self.tally.render();
            if self.style.document() {
                // A JSON document stays one document: the table goes to standard error
                // (where nothing can be lost but the table).
                let _ = io::stderr().write_all(table.as_bytes());
            } else {
                self.out.write_all(table.as_bytes())?;
            }
        }
        self.out.flush()?;
        Ok((self.out, self.counts))
    }
}

/// Every report rendered at once, then (with `statistics`) the count by rule.
pub fn render(
    style: Style,
    reports: &[FileReport],
    unreadable: &[Unreadable],
    statistics: bool,
) -> String {
    let mut output = Output::start(style, Vec::new()).expect("writing to memory");
    for r in reports {
        output.report(r).expect("writing to memory");
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
    /// Cuts `document` (printed by [`super::pretty`]) at `array`, the key and its empty
    /// array as printed (`"files": []`).
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
        self.close_with(elements, "")
    }

    /// The array's closing with `members` (`,` then `"key": value` pairs printed at the
    /// array's indentation) after it, in the object that holds the array.
    fn close_with(&self, elements: bool, members: &str) -> String {
        let (bracket, rest) = self.tail.split_at(1);
        let open = if elements {
            format!("\n{}", " ".repeat(self.indent))
        } else {
            String::new()
        };
        format!("{open}{bracket}{members}{rest}")
    }
}

/// Writes `value` pretty-printed as an element of an array opened at `depth` levels of
/// indentation (every line indented one level more).
pub fn element(
    out: &mut impl Write,
    value: &impl serde::Serialize,
    depth: usize,
) -> io::Result<()> {
    pretty::indent(out, depth + 1)?;
    pretty::write(out, value, depth + 1)
}

/// A writer that writes `separator` before its first byte: a part that writes nothing
/// is not separated.
struct Separated<W: Write> {
    out: W,
    /// Until something is written.
    separator: Option<&'static [u8]>,
}

impl<W: Write> Separated<W> {
    fn start(&mut self, buf: &[u8]) -> io::Result<()> {
        if !buf.is_empty()
            && let Some(separator) = self.separator.take()
        {
            self.out.write_all(separator)?;
        }
        Ok(())
    }
}

impl<W: Write> Write for Separated<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.start(buf)?;
        self.out.write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.start(buf)?;
        self.out.write_all(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}
