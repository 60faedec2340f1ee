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

/// A habit's corrections at its other places, which can be 100,000 in a document: each
/// place in 12 bytes (32-bit offsets, a text being under 4 GiB) and its replacement, a
/// fixed mark, as an index into the few the habit uses. Most findings have none: then
/// it is a null pointer.
#[derive(Debug, Clone, Default)]
pub struct Elsewhere(Option<Box<Places>>);

#[derive(Debug, Clone, Default)]
struct Places {
    replacements: Vec<&'static str>,
    places: Vec<Place>,
}

#[derive(Debug, Clone, Copy)]
struct Place {
    start: u32,
    end: u32,
    replacement: u32,
}

impl Elsewhere {
    pub fn len(&self) -> usize {
        self.0.as_ref().map_or(0, |p| p.places.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Each place's correction, in the order they were given.
    pub fn iter(&self) -> impl Iterator<Item = Fix> + '_ {
        self.0.iter().flat_map(|p| {
            p.places.iter().map(|place| Fix {
                span: place.start as usize..place.end as usize,
                replacement: Cow::Borrowed(p.replacements[place.replacement as usize]),
            })
        })
    }

    /// Keeps the places whose span `keep` accepts.
    pub fn retain(&mut self, mut keep: impl FnMut(Range<usize>) -> bool) {
        if let Some(p) = &mut self.0 {
            p.places
                .retain(|place| keep(place.start as usize..place.end as usize));
        }
    }

    /// Adds `places`, in one allocation of exactly their number.
    fn extend(&mut self, places: impl ExactSizeIterator<Item = (Range<usize>, &'static str)>) {
        let p = self.0.get_or_insert_with(Box::default);
        p.places.reserve_exact(places.len());
        for (span, replacement) in places {
            let index = match p.replacements.iter().position(|&r| r == replacement) {
                Some(i) => i,
                None => {
                    p.replacements.push(replacement);
                    p.replacements.len() - 1
                }
            };
            p.places.push(Place {
                start: span.start as u32,
                end: span.end as u32,
                replacement: index as u32,
            });
        }
    }
}

/// One finding of one rule in one document.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub rule: &'static str,
    pub severity: Severity,
    /// Byte range in the decoded text; may be empty for a position.
    pub span: Range<usize>,
    pub message: String,
    /// Short text printed under the caret. Label, notes and help are mostly fixed text:
    /// borrowed, they cost a finding no allocation.
    pub label: Cow<'static, str>,
    pub notes: Vec<Cow<'static, str>>,
    pub help: Option<Cow<'static, str>>,
    pub fix: Option<Fix>,
    /// The same correction at the other places of a habit reported once for the whole
    /// document (`fix` is the first place's); applied with it.
    pub fix_elsewhere: Elsewhere,
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
            label: Cow::Borrowed(""),
            notes: Vec::new(),
            help: None,
            fix: None,
            fix_elsewhere: Elsewhere::default(),
            section: None,
            entry_severity: None,
            headings: Vec::new(),
        }
    }

    pub fn label(mut self, label: impl Into<Cow<'static, str>>) -> Self {
        self.label = label.into();
        self
    }

    pub fn note(mut self, note: impl Into<Cow<'static, str>>) -> Self {
        self.notes.push(note.into());
        self
    }

    pub fn help(mut self, help: impl Into<Cow<'static, str>>) -> Self {
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
        places: impl ExactSizeIterator<Item = (Range<usize>, &'static str)>,
    ) -> Self {
        self.fix_elsewhere.extend(places);
        self
    }

    /// Every correction this finding carries: its fix, then the habit's other places.
    pub fn fixes(&self) -> impl Iterator<Item = Fix> + '_ {
        self.fix.iter().cloned().chain(self.fix_elsewhere.iter())
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A habit's places come back as given, their replacements shared, and a finding
    /// without any holds a null pointer.
    #[test]
    fn places_elsewhere_are_compact_and_kept_in_order() {
        assert_eq!(std::mem::size_of::<Elsewhere>(), 8);
        assert_eq!(std::mem::size_of::<Place>(), 12);
        let places = [(3..4, "，"), (9..10, "；"), (20..21, "，"), (30..33, "")];
        let d = Diagnostic::new(0..1, "m").fix_elsewhere(places.clone().into_iter());
        let back: Vec<(Range<usize>, String)> = d
            .fix_elsewhere
            .iter()
            .map(|f| (f.span, f.replacement.into_owned()))
            .collect();
        let given: Vec<(Range<usize>, String)> = places
            .iter()
            .map(|(r, s)| (r.clone(), s.to_string()))
            .collect();
        assert_eq!(back, given);
        let inner = d.fix_elsewhere.0.as_ref().unwrap();
        assert_eq!(inner.replacements, ["，", "；", ""]);
        let mut kept = d.fix_elsewhere.clone();
        kept.retain(|span| span.start != 9);
        assert_eq!(kept.len(), 3);
        assert!(Diagnostic::new(0..1, "m").fix_elsewhere.0.is_none());
    }
}
