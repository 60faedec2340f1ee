//! `--statistics`: how many findings each rule produced, most first.

use super::FileReport;
use crate::diagnostic::Diagnostic;
use std::collections::BTreeMap;
use std::fmt::Write;

pub fn render(reports: &[FileReport]) -> String {
    let mut tally = Tally::default();
    for r in reports {
        tally.merge(&Tally::of(&r.diagnostics));
    }
    tally.render()
}

/// Findings counted by rule and severity.
#[derive(Debug, Default, Clone)]
pub struct Tally(BTreeMap<(&'static str, &'static str), usize>);

impl Tally {
    pub fn of(diagnostics: &[Diagnostic]) -> Tally {
        let mut tally = Tally::default();
        for d in diagnostics {
            *tally.0.entry((d.rule, d.severity.as_str())).or_default() += 1;
        }
        tally
    }

    pub fn merge(&mut self, other: &Tally) {
        for (key, n) in &other.0 {
            *self.0.entry(*key).or_default() += n;
        }
    }

    /// One line per rule and severity, most findings first.
    pub fn render(&self) -> String {
        let mut rows: Vec<_> = self.0.iter().collect();
        rows.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let mut out = String::new();
        for ((rule, severity), n) in rows {
            let _ = writeln!(out, "{n:>6}  {severity:<8} {rule}");
        }
        out
    }
}
