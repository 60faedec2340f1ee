//! Shared by the date and year rules: the report's own dates (the signature's, and those
//! of the web-page metadata) read from the outline and the inline Date tokens, and where
//! a position sits in the outline. Nothing here parses text.

use super::Document;
use crate::config::{Level, Role};
use crate::inline::{Date, Pair, Token, TokenKind};
use crate::outline::{DateValue, LineKind, MonthDate, read_date};
use serde::Deserialize;
use std::ops::Range;

/// Settings of the rules that check the report's own dates (signature, 成文, publication).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct DateKeys {
    pub severity: Level,
    /// Metadata keys whose value is the 成文日期.
    pub written_keys: Vec<String>,
    /// Metadata keys whose value is the publication date.
    pub published_keys: Vec<String>,
}

/// Where a date of the report comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin<'a> {
    /// The date line of the closing signature block (落款).
    Signature,
    /// A metadata value, with its key (成文日期, 发布时间, …).
    Meta(&'a str),
}

impl Origin<'_> {
    /// How messages name the date: 落款日期, 网页“成文日期”.
    pub fn describe(self) -> String {
        match self {
            Origin::Signature => "落款日期".to_string(),
            Origin::Meta(key) => format!("网页“{key}”"),
        }
    }
}

/// A full date (year, month, day) the report carries.
#[derive(Debug, Clone)]
pub struct ReportDate<'a> {
    pub value: DateValue,
    /// The date's text: the Date token's span where there is one.
    pub span: Range<usize>,
    pub origin: Origin<'a>,
    /// The Date token read at that span, when the tokenizer recognised the form.
    pub token: Option<Date>,
}

impl ReportDate<'_> {
    pub fn key(&self) -> (i32, u32, u32) {
        key(self.value)
    }
}

/// A date as a sortable triple.
pub fn key(d: DateValue) -> (i32, u32, u32) {
    (d.year, d.month, d.day)
}

/// What a date rule reports: each of `dates`, then the 落款's date without its day
/// (`2025年4月`) if `month` holds for it; each as its span, how messages name it (落款日期,
/// 网页“发布时间”) and the date as messages write it.
pub fn described<'a>(
    doc: &Document,
    dates: impl Iterator<Item = &'a ReportDate<'a>>,
    month: impl Fn(&MonthDate) -> bool,
) -> Vec<(Range<usize>, String, String)> {
    let full = dates.map(|d| (d.span.clone(), d.origin.describe(), chinese(d.value)));
    let dayless = doc.outline.signature.dayless.iter().filter(|m| month(m));
    full.chain(dayless.map(|m| {
        let when = format!("{}年{}月", m.year, m.month);
        (m.span.clone(), Origin::Signature.describe(), when)
    }))
    .collect()
}

/// `2024年1月26日`: the form GB/T 9704-2012 prescribes.
pub fn chinese(d: DateValue) -> String {
    format!("{}年{}月{}日", d.year, d.month, d.day)
}

/// The index in `doc.outline.lines` of the line holding byte `pos`.
pub fn line_index(doc: &Document, pos: usize) -> usize {
    let lines = &doc.outline.lines;
    lines
        .partition_point(|l| l.span().start <= pos)
        .saturating_sub(1)
}

/// The role of the top-level section a line belongs to; `None` before the first section
/// (the preamble) and after the last (the signature).
pub fn role_of_line(doc: &Document, line: usize) -> Option<Role> {
    let sections = &doc.outline.sections;
    let i = sections
        .partition_point(|s| s.line <= line)
        .checked_sub(1)?;
    Some(sections[i].role).filter(|_| line < sections[i].end_line)
}

/// A Date token with year, month and day as a [`DateValue`].
pub fn full_date(d: &Date) -> Option<DateValue> {
    Some(DateValue {
        year: d.year?,
        month: d.month?.into(),
        day: d.day?.into(),
    })
}

/// The signature's date, with the Date token that covers it if the tokenizer read one.
pub fn signature<'a>(doc: &'a Document) -> Option<ReportDate<'a>> {
    let (value, span) = doc.outline.signature.date.clone()?;
    let token = doc
        .tokens_at(span.start)
        .iter()
        .find_map(|t| match &t.kind {
            TokenKind::Date(d)
                if t.start() <= span.start
                    && span.end <= t.end()
                    && full_date(d) == Some(value) =>
            {
                Some((t.span(), d.clone()))
            }
            _ => None,
        });
    // Without a token the date is written in a form the tokenizer does not read
    // (Chinese numerals, full-width digits); the outline's span is the date's text.
    Some(match token {
        Some((span, d)) => ReportDate {
            value,
            span,
            origin: Origin::Signature,
            token: Some(d),
        },
        None => ReportDate {
            value,
            span,
            origin: Origin::Signature,
            token: None,
        },
    })
}

/// The full dates among the metadata values whose key is one of `keys`, in text order.
pub fn from_meta<'a>(doc: &'a Document, keys: &'a [String]) -> Vec<ReportDate<'a>> {
    doc.outline
        .meta_values(keys)
        // A period (`时间：2023年3月22日至4月21日`, an event's in the text) dates no page.
        .filter(|m| !m.value.contains(['至', '～', '—']))
        .filter_map(|m| {
            let span = &m.value_span;
            let token = doc
                .tokens_at(span.start)
                .iter()
                .filter(|t| span.start <= t.start() && t.end() <= span.end)
                .find_map(|t| match &t.kind {
                    TokenKind::Date(d) => Some(ReportDate {
                        value: full_date(d)?,
                        span: t.span(),
                        origin: Origin::Meta(&m.key),
                        token: Some(d.clone()),
                    }),
                    _ => None,
                });
            // A value in Chinese numerals or full-width digits.
            token.or_else(|| {
                let d = read_date(&m.value, span.start)?;
                Some(ReportDate {
                    value: d.value,
                    span: d.span,
                    origin: Origin::Meta(&m.key),
                    token: None,
                })
            })
        })
        .collect()
}

/// The signature date, then the `written` (成文) and `published` metadata dates, each
/// distinct date once (where it first appears in that order).
pub fn report_dates<'a>(
    doc: &'a Document,
    written: &'a [String],
    published: &'a [String],
) -> Vec<ReportDate<'a>> {
    let mut all: Vec<ReportDate> = signature(doc).into_iter().collect();
    all.extend(from_meta(doc, written));
    all.extend(from_meta(doc, published));
    let mut seen = Vec::new();
    all.retain(|d| {
        let fresh = !seen.contains(&d.key());
        seen.push(d.key());
        fresh
    });
    all
}

/// The byte ranges inside `《…》` on a line (from the opening to the closing mark).
pub fn inside_titles(tokens: &[Token]) -> Vec<Range<usize>> {
    inside(tokens, Pair::Book)
}

/// The byte ranges of the `pair` marks on a line and what they enclose (from the
/// opening to the closing mark; an unclosed mark encloses nothing).
pub fn inside(tokens: &[Token], pair: Pair) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut open: Option<usize> = None;
    for t in tokens {
        match t.kind {
            TokenKind::Open(p) if p == pair => open = Some(t.start()),
            TokenKind::Close(p) if p == pair => {
                if let Some(start) = open.take() {
                    ranges.push(start..t.end());
                }
            }
            _ => {}
        }
    }
    ranges
}

/// Whether a line of this kind is report text (not metadata, chrome or the signature).
pub fn is_text(kind: LineKind) -> bool {
    matches!(
        kind,
        LineKind::Paragraph | LineKind::Heading | LineKind::Title
    )
}

/// Whether `span` lies inside one of `ranges` (sorted and disjoint).
pub fn within(ranges: &[Range<usize>], span: &Range<usize>) -> bool {
    let i = ranges.partition_point(|r| r.start <= span.start);
    i > 0 && span.end <= ranges[i - 1].end
}

/// The tokens from the first one starting at or after `pos` (tokens are sorted).
pub fn tokens_from(tokens: &[Token], pos: usize) -> &[Token] {
    &tokens[tokens.partition_point(|t| t.start() < pos)..]
}

/// The token ending exactly at `pos`, if any.
pub fn token_ending_at(tokens: &[Token], pos: usize) -> Option<&Token> {
    let i = tokens.partition_point(|t| t.end() < pos);
    tokens.get(i).filter(|t| t.end() == pos)
}
