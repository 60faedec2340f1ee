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
use either::Either;
use serde::Deserialize;
use std::borrow::Cow;
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
    /// The tokens, held for the whole document when they fit the memory budget.
    tokens: Tokens,
    /// The outline line [`Self::line_kind`] found last: rules ask line by line, in order,
    /// so the next answer is almost always there or just after it.
    last_line: Cell<usize>,
}

/// A document's tokens: held once for every line, or, when holding them would take more
/// than [`TOKEN_BUDGET`] bytes per byte of text (thousands of one-character lines, each
/// a token), made again for each line a rule asks about, so memory stays a small
/// multiple of the text whatever its shape.
enum Tokens {
    Held {
        /// Every text line's tokens one after another, offsets into the whole text.
        tokens: Vec<Token>,
        /// Each text line's index in the outline's lines and the end of its tokens in
        /// `tokens` (a text is under 4 GiB, so both fit in 32 bits).
        lines: Vec<(u32, u32)>,
    },
    OnDemand,
}

/// The most memory held tokens may take, per byte of text (a report's take about one);
/// [`MIN_TOKEN_BUDGET`] bytes are always allowed.
const TOKEN_BUDGET: usize = 2;
const MIN_TOKEN_BUDGET: usize = 1 << 20;

impl<'a> Document<'a> {
    /// Tokenizes every line that holds text (not blank lines or web chrome).
    pub fn new(source: &'a Source, outline: &'a Outline, config: &'a Config) -> Self {
        let protected = crate::protect::spans(&source.text);
        let budget =
            (source.text.len() * TOKEN_BUDGET).max(MIN_TOKEN_BUDGET) / std::mem::size_of::<Token>();
        let mut tokens = Vec::new();
        let mut lines = Vec::new();
        let mut held = true;
        for (index, l) in outline.lines.iter().enumerate() {
            if !has_text(l.kind) {
                continue;
            }
            tokenize_line(&source.text, l.span(), &protected, &mut tokens);
            if tokens.len() > budget {
                held = false;
                break;
            }
            lines.push((index as u32, tokens.len() as u32));
        }
        let tokens = if held {
            tokens.shrink_to_fit();
            Tokens::Held { tokens, lines }
        } else {
            Tokens::OnDemand
        };
        Document {
            source,
            outline,
            config,
            protected,
            tokens,
            last_line: Cell::new(0),
        }
    }

    pub fn text(&self) -> &str {
        &self.source.text
    }

    /// Each text line's span with its tokens.
    pub fn tokens(&self) -> impl Iterator<Item = (Range<usize>, Cow<'_, [Token]>)> {
        self.indexed_tokens()
            .map(|(_, span, tokens)| (span, tokens))
    }

    /// Each text line's index in the outline's lines, its span and its tokens.
    fn indexed_tokens(&self) -> impl Iterator<Item = (usize, Range<usize>, Cow<'_, [Token]>)> {
        let lines = &self.outline.lines;
        match &self.tokens {
            Tokens::Held {
                tokens,
                lines: held,
            } => {
                let mut start = 0;
                Either::Left(held.iter().map(move |&(index, end)| {
                    let (index, end) = (index as usize, end as usize);
                    let line = &tokens[start..end];
                    start = end;
                    (index, lines[index].span(), Cow::Borrowed(line))
                }))
            }
            Tokens::OnDemand => Either::Right(
                lines
                    .iter()
                    .enumerate()
                    .filter(|(_, l)| has_text(l.kind))
                    .map(|(index, l)| (index, l.span(), Cow::Owned(self.tokenized(l.span())))),
            ),
        }
    }

    /// The tokens of the text line holding byte `pos` (empty if that line has none).
    pub fn tokens_at(&self, pos: usize) -> Cow<'_, [Token]> {
        let lines = &self.outline.lines;
        let i = lines
            .partition_point(|l| l.span().start <= pos)
            .checked_sub(1);
        let Some(i) = i.filter(|&i| pos <= lines[i].span().end && has_text(lines[i].kind)) else {
            return Cow::Borrowed(&[]);
        };
        match &self.tokens {
            Tokens::Held {
                tokens,
                lines: held,
            } => {
                let k = held.partition_point(|&(l, _)| (l as usize) < i);
                let start = k.checked_sub(1).map_or(0, |p| held[p].1 as usize);
                Cow::Borrowed(&tokens[start..held[k].1 as usize])
            }
            Tokens::OnDemand => Cow::Owned(self.tokenized(lines[i].span())),
        }
    }

    /// The tokens of the line at `span`, made now.
    fn tokenized(&self, span: Range<usize>) -> Vec<Token> {
        let mut tokens = Vec::new();
        tokenize_line(&self.source.text, span, &self.protected, &mut tokens);
        tokens
    }

    /// Each line of text that is not web-page metadata, with its tokens.
    pub fn text_lines(&self) -> impl Iterator<Item = (Range<usize>, Cow<'_, [Token]>)> {
        let lines = &self.outline.lines;
        self.indexed_tokens()
            .filter(|(index, _, _)| lines[*index].kind != LineKind::Meta)
            .map(|(_, span, tokens)| (span, tokens))
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

/// Whether a line of this kind is tokenized: every line but blank ones and web chrome.
fn has_text(kind: LineKind) -> bool {
    !matches!(kind, LineKind::Blank | LineKind::Chrome)
}

/// Appends the tokens of the line at `span` of `text` to `tokens`, at their offsets in
/// `text`, leaving out those in the `protected` spans.
fn tokenize_line(
    text: &str,
    span: Range<usize>,
    protected: &[Range<usize>],
    tokens: &mut Vec<Token>,
) {
    let first = tokens.len();
    inline::tokenize_into(&text[span.clone()], tokens);
    for t in &mut tokens[first..] {
        t.shift(span.start);
    }
    if !protected.is_empty() {
        let mut k = first;
        for i in first..tokens.len() {
            if !overlaps(protected, tokens[i].start()..tokens[i].end()) {
                tokens.swap(k, i);
                k += 1;
            }
        }
        tokens.truncate(k);
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

    /// The document of `text`, its tokens held, and the same made on demand.
    fn check_both_ways(text: &str) {
        let source = Source::new("t.txt", text.to_string());
        let config = Config::builtin();
        let outline = Outliner::new(&config).build(&source);
        let held = Document::new(&source, &outline, &config);
        assert!(matches!(held.tokens, Tokens::Held { .. }));
        let on_demand = Document {
            tokens: Tokens::OnDemand,
            ..Document::new(&source, &outline, &config)
        };
        for doc in [&held, &on_demand] {
            let text_lines = outline.lines.iter().filter(|l| has_text(l.kind)).count();
            assert_eq!(doc.tokens().count(), text_lines);
            for (span, tokens) in doc.tokens() {
                let tokens = &*tokens;
                // (At its end, a line cut from a longer one meets the next.)
                for at in [span.start, (span.start + span.end) / 2] {
                    let at = (at..).find(|&i| text.is_char_boundary(i)).unwrap();
                    assert_eq!(
                        &*doc.tokens_at(at),
                        tokens,
                        "at {at} in {:?}",
                        &text[span.clone()]
                    );
                }
                for t in tokens {
                    assert!(span.start <= t.start() && t.end() <= span.end);
                }
            }
        }
        let all = |doc: &Document| -> Vec<(Range<usize>, Vec<Token>)> {
            doc.tokens().map(|(s, t)| (s, t.into_owned())).collect()
        };
        assert_eq!(all(&held), all(&on_demand));
        let text_lines =
            |doc: &Document| -> Vec<Range<usize>> { doc.text_lines().map(|(s, _)| s).collect() };
        assert_eq!(text_lines(&held), text_lines(&on_demand));
    }

    #[test]
    fn every_text_line_gets_its_tokens_by_line_and_by_position_held_or_on_demand() {
        let text = "2023年法治政府建设情况报告\n\n一、主要举措\n办结案件12件，其中当场办结5件。\n全年未发生行政败诉。\n\n受理复议30件（含撤回2件）。\n";
        check_both_ways(text);
        let source = Source::new("t.txt", text.to_string());
        let config = Config::builtin();
        let outline = Outliner::new(&config).build(&source);
        let doc = Document::new(&source, &outline, &config);
        let lines: Vec<(&str, usize)> = doc
            .tokens()
            .map(|(span, tokens)| (&text[span], tokens.len()))
            .collect();
        assert!(lines.contains(&("全年未发生行政败诉。", 0)));
        assert!(lines.contains(&("办结案件12件，其中当场办结5件。", 2)));
        // A blank line holds no tokens, and neither does the line break after a line.
        let blank = text.find("\n\n").unwrap() + 1;
        assert!(doc.tokens_at(blank).is_empty());
        assert!(doc.tokens_at(text.len()).is_empty());
        let examples = concat!(env!("CARGO_MANIFEST_DIR"), "/examples");
        for entry in walkdir::WalkDir::new(examples) {
            let path = entry.unwrap().into_path();
            if path.extension().is_some_and(|e| e == "txt" || e == "md") {
                check_both_ways(&std::fs::read_to_string(&path).unwrap());
            }
        }
    }

    #[test]
    fn tokens_past_the_budget_are_made_on_demand() {
        // Thousands of one-character lines, each a token: holding them would take many
        // times the text.
        let text = "1\n".repeat(MIN_TOKEN_BUDGET / std::mem::size_of::<Token>() + 1);
        let source = Source::new("t.txt", text);
        let config = Config::builtin();
        let outline = Outliner::new(&config).build(&source);
        let doc = Document::new(&source, &outline, &config);
        assert!(matches!(doc.tokens, Tokens::OnDemand));
        let text_lines = outline.lines.iter().filter(|l| has_text(l.kind));
        assert_eq!(
            doc.tokens().filter(|(_, t)| t.len() == 1).count(),
            text_lines.count()
        );
    }
}
