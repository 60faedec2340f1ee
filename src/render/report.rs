//! `nianbao report`: the reviewer's table, one row per file — report year, issuer,
//! missing mandated sections, date status, error and warning counts.

use super::FileReport;
use crate::diagnostic::Severity;
use crate::outline::Outline;
use std::fmt::Write;

/// One file's row.
pub struct Row {
    pub path: String,
    pub year: String,
    pub issuer: String,
    pub missing: String,
    pub dates: String,
    pub errors: usize,
    pub warnings: usize,
}

const HEADER: [&str; 7] = [
    "文件",
    "年度",
    "发文机关",
    "缺少章节",
    "日期",
    "错误",
    "警告",
];

impl Row {
    pub fn new(report: &FileReport, outline: &Outline) -> Row {
        let ds = &report.diagnostics;
        let has = |rule: &str| ds.iter().any(|d| d.rule == rule);
        let missing: Vec<&str> = ds
            .iter()
            .filter(|d| d.rule == "section-missing")
            .filter_map(|d| d.section.as_deref())
            .collect();
        let dates = if has("date-deadline") {
            "逾期"
        } else if has("date-before-period-end") {
            "早于年度结束"
        } else if outline.signature.date.is_none() && outline.metadata.is_empty() {
            "无日期"
        } else {
            "正常"
        };
        Row {
            path: report.source.name.clone(),
            year: outline
                .report_year
                .map_or_else(|| "—".into(), |y| y.to_string()),
            issuer: outline.issuer.clone().unwrap_or_else(|| "—".into()),
            missing: if missing.is_empty() {
                "—".into()
            } else {
                missing.join(",")
            },
            dates: dates.into(),
            errors: ds.iter().filter(|d| d.severity == Severity::Error).count(),
            warnings: ds
                .iter()
                .filter(|d| d.severity == Severity::Warning)
                .count(),
        }
    }

    fn cells(&self) -> [String; 7] {
        [
            self.path.clone(),
            self.year.clone(),
            self.issuer.clone(),
            self.missing.clone(),
            self.dates.clone(),
            self.errors.to_string(),
            self.warnings.to_string(),
        ]
    }
}

/// An aligned table (display width counts CJK characters as two columns); control
/// characters from documents shown escaped.
pub fn table(rows: &[Row]) -> String {
    let all: Vec<[String; 7]> = std::iter::once(HEADER.map(String::from))
        .chain(rows.iter().map(Row::cells))
        .map(|row| row.map(|cell| crate::display::escape_line(&cell).into_owned()))
        .collect();
    let width = |s: &str| unicode_width::UnicodeWidthStr::width(s);
    let widths: Vec<usize> = (0..7)
        .map(|c| all.iter().map(|r| width(&r[c])).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for row in &all {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(cell, w)| format!("{cell}{}", " ".repeat(w - width(cell))))
            .collect();
        let _ = writeln!(out, "{}", cells.join("  ").trim_end());
    }
    out
}

/// RFC 4180 CSV with a header row. A cell from a document that a spreadsheet would
/// take for a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) is
/// prefixed with `'`, as OWASP advises against CSV injection.
pub fn csv(rows: &[Row]) -> String {
    let quote = |s: &str| {
        let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            format!("'{s}")
        } else {
            s.to_string()
        };
        if s.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    };
    let mut out = String::new();
    for row in std::iter::once(HEADER.map(String::from)).chain(rows.iter().map(Row::cells)) {
        let line: Vec<String> = row.iter().map(|c| quote(c)).collect();
        let _ = write!(out, "{}\r\n", line.join(","));
    }
    out
}
