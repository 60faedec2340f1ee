//! `--format short`: `path:line:col: severity[rule] message`, one finding per line, as
//! editors' quickfix lists and VS Code problem matchers read it.

use super::FileReport;
use crate::display::escape_line;
use std::fmt::Write;

pub fn render(reports: &[FileReport]) -> String {
    super::stream::render(super::stream::Style::Short, reports, &[], false)
}

/// One file's lines.
pub(super) fn file(r: &FileReport) -> String {
    let mut out = String::new();
    for d in &r.diagnostics {
        let (line, col) = r.source.position(d.span.start);
        let _ = writeln!(
            out,
            "{}:{line}:{col}: {}[{}] {}",
            escape_line(&r.source.name),
            d.severity,
            d.rule,
            escape_line(&d.message)
        );
    }
    out
}
