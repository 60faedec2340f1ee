//! `--format github`: GitHub Actions workflow commands, shown as annotations on a PR.

use super::FileReport;
use crate::diagnostic::Severity;
use crate::display::escape;
use std::fmt::Write;

pub fn render(reports: &[FileReport]) -> String {
    super::stream::render(super::stream::Style::Github, reports, &[], false)
}

/// One file's lines.
pub(super) fn file(r: &FileReport) -> String {
    let mut out = String::new();
    for d in &r.diagnostics {
        let (line, col) = r.source.position(d.span.start);
        let (end_line, end_col) = r.source.position(d.span.end);
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let _ = writeln!(
            out,
            "::{command} file={},line={line},col={col},endLine={end_line},endColumn={end_col},title={}::{}",
            property(&escape(&r.source.name)),
            property(d.rule),
            data(&escape(&d.message))
        );
    }
    out
}

/// An error annotation for each input that could not be read.
pub(super) fn unreadable(unreadable: &[super::Unreadable]) -> String {
    let mut out = String::new();
    for u in unreadable {
        let _ = writeln!(
            out,
            "::error file={}::{}",
            property(&escape(&u.name)),
            data(&escape(&u.message))
        );
    }
    out
}

/// Escapes a command's message.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command property value.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_special_characters() {
        assert_eq!(data("50%\n"), "50%25%0A");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
    }
}
