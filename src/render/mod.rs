//! Renderers: turn finished diagnostics into text. They format; they never decide.

pub mod github;
pub mod human;
pub mod json;
pub mod outline;
pub mod place;
pub mod pretty;
pub mod report;
pub mod sarif;
pub mod short;
pub mod stats;
pub mod stream;

use crate::diagnostic::{Diagnostic, Severity};
use crate::source::Source;

/// An input that could not be read: its name and the message saying why (as shown on
/// standard error), for the formats that list such inputs.
pub struct Unreadable {
    pub name: String,
    pub message: String,
}

/// One linted input and its findings.
pub struct FileReport {
    pub source: Source,
    pub diagnostics: Vec<Diagnostic>,
}

/// Finding counts by severity.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Counts {
    pub fn of(reports: &[FileReport]) -> Counts {
        let mut c = Counts::default();
        for d in reports.iter().flat_map(|r| &r.diagnostics) {
            match d.severity {
                Severity::Error => c.errors += 1,
                Severity::Warning => c.warnings += 1,
                Severity::Info => c.infos += 1,
            }
        }
        c
    }

    pub fn add(&mut self, other: Counts) {
        self.errors += other.errors;
        self.warnings += other.warnings;
        self.infos += other.infos;
    }
}
