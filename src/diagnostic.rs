//! What a rule reports: a finding with its span, message, notes and optional fix.

use serde::Serialize;
use std::borrow::Cow;
use std::fmt;
use std::ops::Range;

/// How serious a finding is; set from configuration, never by the renderer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One unambiguous correction: replace `span` with `replacement`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub span: Range<usize>,
    /// Borrowed when it is a fixed mark (`，`): a habit finding can carry a fix for
    /// each of 100,000 places, and none of them allocates.
    pub replacement: Cow<'static, str>,
}

/// One finding of one rule in one document.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub rule: &'static str,
    pub severity: Severity,
    /// Byte range in the decoded text; may be empty for a position.
    pub span: Range<usize>,
    pub message: String,
    /// Short text printed under the caret.
    pub label: String,
    pub notes: Vec<String>,
    pub help: Option<String>,
    pub fix: Option<Fix>,
    /// The same correction at the other places of a habit reported once for the whole
    /// document (`fix` is the first place's); applied with it.
    pub fix_elsewhere: Vec<Fix>,
    /// The section role a section-* finding is about.
    pub section: Option<String>,
    /// A severity the configuration gives this finding's entry (a wording entry's own
    /// `severity`); the engine keeps it instead of the rule's.
    pub entry_severity: Option<Severity>,
    /// The headings the finding sits under, outermost first (filled in by the engine
    /// for documents whose readers know paragraphs: Word).
    pub headings: Vec<String>,
}

impl Diagnostic {
    /// A finding; the engine stamps the rule id and configured severity afterwards.
    pub fn new(span: Range<usize>, message: impl Into<String>) -> Self {
        Diagnostic {
            rule: "",
            severity: Severity::Warning,
            span,
            message: message.into(),
            label: String::new(),
            notes: Vec::new(),
            help: None,
            fix: None,
            fix_elsewhere: Vec::new(),
            section: None,
            entry_severity: None,
            headings: Vec::new(),
        }
    }

    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = label.into();
        self
    }

    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn fix(mut self, span: Range<usize>, replacement: impl Into<Cow<'static, str>>) -> Self {
        self.fix = Some(Fix {
            span,
            replacement: replacement.into(),
        });
        self
    }

    /// Adds the same correction at the other places of the habit this finding reports,
    /// in one allocation of exactly their number.
    pub fn fix_elsewhere(
        mut self,
        places: impl ExactSizeIterator<Item = (Range<usize>, impl Into<Cow<'static, str>>)>,
    ) -> Self {
        self.fix_elsewhere.reserve_exact(places.len());
        self.fix_elsewhere
            .extend(places.map(|(span, replacement)| Fix {
                span,
                replacement: replacement.into(),
            }));
        self
    }

    /// Every correction this finding carries: its fix, then the habit's other places.
    pub fn fixes(&self) -> impl Iterator<Item = &Fix> {
        self.fix.iter().chain(&self.fix_elsewhere)
    }

    /// Sets the configured severity of the entry this finding reports (see
    /// [`Diagnostic::entry_severity`]); `None` leaves the rule's.
    pub fn entry_severity(mut self, severity: Option<Severity>) -> Self {
        self.entry_severity = severity;
        self
    }

    pub fn section(mut self, role: impl Into<String>) -> Self {
        self.section = Some(role.into());
        self
    }
}
