//! `--statistics`: how many findings each rule produced, most first.

use super::FileReport;
use std::collections::BTreeMap;
use std::fmt::Write;

pub fn render(reports: &[FileReport]) -> String {
    let mut counts: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for d in reports.iter().flat_map(|r| &r.diagnostics) {
        *counts.entry((d.rule, d.severity.as_str())).or_default() += 1;
    }
    let mut rows: Vec<_> = counts.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut out = String::new();
    for ((rule, severity), n) in rows {
        let _ = writeln!(out, "{n:>6}  {severity:<8} {rule}");
    }
    out
}
