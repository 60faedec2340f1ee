//! The aligned text table (display width counts CJK characters as two columns), then
//! the totals.

use super::{HEADER, Row, Totals};
use std::fmt::Write;
use unicode_width::UnicodeWidthStr;

pub fn render(rows: &[Row]) -> String {
    let all: Vec<Vec<String>> = std::iter::once(HEADER.map(String::from).to_vec())
        .chain(rows.iter().map(|r| r.cells().to_vec()))
        .collect();
    let widths: Vec<usize> = (0..HEADER.len())
        .map(|c| all.iter().map(|r| r[c].width()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for row in &all {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(cell, w)| format!("{cell}{}", " ".repeat(w - cell.width())))
            .collect();
        let _ = writeln!(out, "{}", cells.join("  ").trim_end());
    }
    let totals: Vec<String> = Totals::of(rows)
        .lines()
        .into_iter()
        .map(|(label, n)| format!("{label} {n}"))
        .collect();
    let _ = writeln!(out, "\n合计：{}", totals.join("，"));
    out
}
