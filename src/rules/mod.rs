//! The rule registry: one list names every rule, its config table and its docs.
//!
//! A rule lives in its own module with `SUMMARY` (one line), `DOC` (what `explain`
//! prints), `Settings` (its `[rules.<id>]` table, always with `severity`) and `Check`,
//! which reads the shared [`Document`] and pushes findings. The engine stamps each
//! finding with the rule id and configured severity, so rules never decide either.

use crate::config::{Config, Level};
use crate::diagnostic::Diagnostic;
use crate::inline::{self, Token};
use crate::outline::{LineKind, Outline};
use crate::source::Source;
use serde::Deserialize;
use std::cell::Cell;
use std::ops::Range;

/// Everything a rule may read: the text, its outline, the inline tokens of every line
/// of text (computed once) and the configuration. Tokens inside the protected spans
/// (URLs, e-mail addresses, file paths, code, link targets: [`crate::protect`]) are
/// left out, so no rule reports or fixes there.
pub struct Document<'a> {
    pub source: &'a Source,
    pub outline: &'a Outline,
    pub config: &'a Config,
    /// Spans no rule reports in; the engine drops findings inside them.
    pub protected: Vec<Range<usize>>,
    /// Every text line's tokens one after another, offsets into the whole text. One
    /// vector for the document keeps a line's cost to its tokens.
    tokens: Vec<Token>,
    /// Each text line's index in the outline's lines and the end of its tokens in
    /// `tokens` (a text is under 4 GiB, so both fit in 32 bits).
    lines: Vec<(u32, u32)>,
    /// The outline line [`Self::line_kind`] found last: rules ask line by line, in order,
    /// so the next answer is almost always there or just after it.
    last_line: Cell<usize>,
}

impl<'a> Document<'a> {
    /// Tokenizes every line that holds text (not blank lines or web chrome).
    pub fn new(source: &'a Source, outline: &'a Outline, config: &'a Config) -> Self {
        let protected = crate::protect::spans(&source.text);
        let mut tokens = Vec::new();
        let mut lines = Vec::new();
        for (index, l) in outline.lines.iter().enumerate() {
            if matches!(l.kind, LineKind::Blank | LineKind::Chrome) {
                continue;
            }
            let first = tokens.len();
            inline::tokenize_into(&source.text[l.span()], &mut tokens);
            let offset = l.span().start;
            for t in &mut tokens[first..] {
                t.shift(offset);
            }
            if !protected.is_empty() {
                let mut k = first;
                for i in first..tokens.len() {
                    if !overlaps(&protected, tokens[i].start()..tokens[i].end()) {
                        tokens.swap(k, i);
                        k += 1;
                    }
                }
                tokens.truncate(k);
            }
            lines.push((index as u32, tokens.len() as u32));
        }
        tokens.shrink_to_fit();
        Document {
            source,
            outline,
            config,
            protected,
            tokens,
            lines,
            last_line: Cell::new(0),
        }
    }

    pub fn text(&self) -> &str {
        &self.source.text
    }

    /// Each text line's span with its tokens.
    pub fn tokens(&self) -> impl Iterator<Item = (Range<usize>, &[Token])> {
        let mut start = 0;
        self.lines.iter().map(move |&(index, end)| {
            let (index, end) = (index as usize, end as usize);
            let tokens = &self.tokens[start..end];
            start = end;
            (self.outline.lines[index].span(), tokens)
        })
    }

    /// The tokens of the text line holding byte `pos` (empty if that line has none).
    pub fn tokens_at(&self, pos: usize) -> &[Token] {
        let lines = &self.outline.lines;
        let i = self
            .lines
            .partition_point(|&(l, _)| lines[l as usize].span().start <= pos);
        match i.checked_sub(1) {
            Some(i) if pos <= lines[self.lines[i].0 as usize].span().end => {
                let start = i.checked_sub(1).map_or(0, |p| self.lines[p].1 as usize);
                &self.tokens[start..self.lines[i].1 as usize]
            }
            _ => &[],
        }
    }

    /// Each line of text that is not web-page metadata, with its tokens.
    pub fn text_lines(&self) -> impl Iterator<Item = (Range<usize>, &[Token])> {
        let lines = &self.outline.lines;
        self.lines
            .iter()
            .zip(self.tokens())
            .filter(|((index, _), _)| lines[*index as usize].kind != LineKind::Meta)
            .map(|(_, line)| line)
    }

    /// The kind of the line that starts at byte `start` (a span from [`Self::tokens`]).
    pub fn line_kind(&self, start: usize) -> Option<LineKind> {
        let lines = &self.outline.lines;
        let last = self.last_line.get();
        let near = (last..lines.len().min(last + 3)).find(|&i| lines[i].span().start == start);
        let i = match near {
            Some(i) => i,
            None => lines
                .binary_search_by_key(&start, |l| l.span().start)
                .ok()?,
        };
        self.last_line.set(i);
        Some(lines[i].kind)
    }
}

/// Whether `span` overlaps one of the sorted, disjoint `protected` spans (an empty span:
/// lies strictly inside one).
pub fn overlaps(protected: &[Range<usize>], span: Range<usize>) -> bool {
    let i = protected.partition_point(|p| p.end <= span.start);
    protected.get(i).is_some_and(|p| {
        if span.is_empty() {
            p.start < span.start
        } else {
            p.start < span.end
        }
    })
}

/// Whether `span` lies within one of the sorted, disjoint `protected` spans.
pub fn within(protected: &[Range<usize>], span: &Range<usize>) -> bool {
    let i = protected.partition_point(|p| p.end < span.end);
    protected
        .get(i)
        .is_some_and(|p| p.start <= span.start && span.end <= p.end && !span.is_empty())
}

/// A check over one document.
pub trait Rule: Send + Sync {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>);
}

/// What `rules` and `explain` print about a rule.
pub struct RuleInfo {
    pub id: &'static str,
    pub summary: &'static str,
    pub doc: &'static str,
}

/// Settings of a rule that has nothing to set but its severity.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Basic {
    pub severity: Level,
}

/// Declares `Check` for a rule whose only setting is its severity.
macro_rules! unit_check {
    () => {
        pub struct Check;

        impl Check {
            pub fn new(_: &Settings, _: &crate::config::Config) -> Self {
                Check
            }
        }
    };
}

/// Declares `Check` for a rule that keeps a copy of its settings.
macro_rules! settings_check {
    () => {
        pub struct Check {
            settings: Settings,
        }

        impl Check {
            pub fn new(settings: &Settings, _: &crate::config::Config) -> Self {
                Check {
                    settings: settings.clone(),
                }
            }
        }
    };
}

macro_rules! registry {
    ($($id:literal => $module:ident),* $(,)?) => {
        $(pub mod $module;)*

        /// The `[rules]` table: one entry per rule id.
        #[derive(Debug, Clone, Default, Deserialize)]
        #[serde(default, deny_unknown_fields)]
        pub struct RulesConfig {
            $(#[serde(rename = $id)] pub $module: $module::Settings,)*
        }

        /// Every rule, in the order `nianbao rules` lists them.
        pub static RULES: &[RuleInfo] = &[
            $(RuleInfo { id: $id, summary: $module::SUMMARY, doc: $module::DOC },)*
        ];

        impl RulesConfig {
            /// The configured level of rule `id`, or None for an unknown id.
            pub fn level(&self, id: &str) -> Option<Level> {
                match id {
                    $($id => Some(self.$module.severity),)*
                    _ => None,
                }
            }

            /// One instance of every rule, built from its settings.
            pub fn build(&self, config: &Config) -> Vec<(&'static str, Box<dyn Rule>)> {
                vec![$(($id, Box::new($module::Check::new(&self.$module, config)) as Box<dyn Rule>),)*]
            }
        }
    };
}

registry! {
    "section-missing" => section_missing,
    "section-order" => section_order,
    "section-empty" => section_empty,
    "title-missing" => title_missing,
    "title-format" => title_format,
    "title-year" => title_year,
    "numbering" => numbering,
    "numbering-punct" => numbering_punct,
    "signature-missing" => signature_missing,
    "duplicate-text" => duplicate_text,
    "copied-text" => copied_text,
    "web-residue" => web_residue,
    "flattened-text" => flattened_text,
    "revisions-left" => revisions_left,
    "percent-range" => percent_range,
    // Dates and years.
    "date-invalid" => date_invalid,
    "date-format" => date_format,
    "date-mismatch" => date_mismatch,
    "date-before-period-end" => date_before_period_end,
    "date-deadline" => date_deadline,
    "year-mismatch" => year_mismatch,
    "partial-year" => partial_year,
    "relative-year" => relative_year,

    // Figures and typography.
    "percent-points" => percent_points,
    "ratio-mismatch" => ratio_mismatch,
    "parts-exceed-total" => parts_exceed_total,
    "number-format" => number_format,
    "punctuation-width" => punctuation_width,
    "range-dash" => range_dash,
    "title-mark-comma" => title_mark_comma,
    "unbalanced-pair" => unbalanced_pair,
    "wording" => wording,
    "doc-number" => doc_number,
    "chinese-zero" => chinese_zero,
    "range-unit" => range_unit,
    "secrecy-mark" => secrecy_mark,
    "placeholder" => placeholder,
    "shortcomings-cause" => shortcomings_cause,
    "duties-coverage" => duties_coverage,
    "citation-title" => citation_title,
    "quote-marks" => quote_marks,
    "sentence-end" => sentence_end,
    "stray-space" => stray_space,
}

// Shared by the date and year rules.
mod report_dates;

/// The rule called `id`.
pub fn info(id: &str) -> Option<&'static RuleInfo> {
    RULES.iter().find(|r| r.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outline::Outliner;

    #[test]
    fn every_text_line_gets_its_tokens_by_line_and_by_position() {
        let text = "2023年法治政府建设情况报告\n\n一、主要举措\n办结案件12件，其中当场办结5件。\n全年未发生行政败诉。\n\n受理复议30件（含撤回2件）。\n";
        let source = Source::new("t.txt", text.to_string());
        let config = Config::builtin();
        let outline = Outliner::new(&config).build(&source);
        let doc = Document::new(&source, &outline, &config);
        let lines: Vec<(&str, usize)> = doc
            .tokens()
            .map(|(span, tokens)| (&text[span], tokens.len()))
            .collect();
        let text_lines = outline
            .lines
            .iter()
            .filter(|l| !matches!(l.kind, LineKind::Blank | LineKind::Chrome))
            .count();
        assert_eq!(lines.len(), text_lines);
        assert!(lines.contains(&("全年未发生行政败诉。", 0)));
        assert_eq!(
            doc.tokens.len(),
            lines.iter().map(|(_, n)| n).sum::<usize>()
        );
        for (span, tokens) in doc.tokens() {
            for at in [span.start, span.end, (span.start + span.end) / 2] {
                let at = (at..).find(|&i| text.is_char_boundary(i)).unwrap();
                assert_eq!(
                    doc.tokens_at(at),
                    tokens,
                    "at {at} in {:?}",
                    &text[span.clone()]
                );
            }
            for t in tokens {
                assert!(span.start <= t.start() && t.end() <= span.end);
            }
        }
        // A blank line holds no tokens, and neither does the line break after a line.
        let blank = text.find("\n\n").unwrap() + 1;
        assert!(doc.tokens_at(blank).is_empty());
        assert!(doc.tokens_at(text.len()).is_empty());
    }
}
