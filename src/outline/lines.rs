//! The pest parse of `grammar/outline.pest`: one classified [`RawLine`] per source line.

use pest::Parser;
use pest::iterators::Pair;
use pest_derive::Parser;
use std::ops::Range;

#[derive(Parser)]
#[grammar = "../grammar/outline.pest"]
struct OutlineParser;

/// How a heading is numbered, for the `numbering` rule's style check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberStyle {
    /// `一、`, `1、`
    Comma,
    /// `一.`, `1.`
    Dot,
    /// `(一)`, `(1)`
    Paren,
    /// `#`, `##`, …
    Markdown,
}

impl NumberStyle {
    pub fn describe(self) -> &'static str {
        match self {
            NumberStyle::Comma => "“、”",
            NumberStyle::Dot => "“.”",
            NumberStyle::Paren => "括号",
            NumberStyle::Markdown => "“#”",
        }
    }
}

/// What the grammar saw on one line. Spans are byte ranges in the whole text.
#[derive(Debug, Clone)]
pub enum RawKind {
    Blank,
    Heading {
        level: u8,
        number: u32,
        style: NumberStyle,
        /// The numbering itself (`一、`, `(一)`, `1.`).
        marker: Range<usize>,
        /// What follows the numbering.
        rest: Range<usize>,
    },
    Bullet(Range<usize>),
    Pipe(Range<usize>),
    Breadcrumb,
    Date {
        year: i32,
        month: u32,
        day: u32,
        span: Range<usize>,
    },
    KeyValue {
        key: Range<usize>,
        value: Range<usize>,
    },
    Text,
}

#[derive(Debug, Clone)]
pub struct RawLine {
    /// The line without its terminator.
    pub span: Range<usize>,
    pub kind: RawKind,
}

/// Classifies every line of `text`. The grammar accepts any input, so this cannot fail.
pub fn parse(text: &str) -> Vec<RawLine> {
    let pairs = OutlineParser::parse(Rule::document, text)
        .expect("the outline grammar accepts every input");
    pairs
        .filter(|p| p.as_rule() != Rule::EOI)
        .map(raw_line)
        .collect()
}

fn raw_line(pair: Pair<Rule>) -> RawLine {
    let span = pair.as_span().start()..pair.as_span().end();
    let kind = match pair.as_rule() {
        Rule::blank => RawKind::Blank,
        Rule::heading1 | Rule::heading2 | Rule::heading3 | Rule::md_heading => heading(pair),
        Rule::bullet => RawKind::Bullet(child_span(pair, Rule::rest)),
        Rule::pipe_row => RawKind::Pipe(span.clone()),
        Rule::breadcrumb => RawKind::Breadcrumb,
        Rule::date_line => date(pair),
        Rule::key_value => RawKind::KeyValue {
            key: child_span(pair.clone(), Rule::key),
            value: child_span(pair, Rule::rest),
        },
        _ => RawKind::Text,
    };
    RawLine { span, kind }
}

fn child_span(pair: Pair<Rule>, rule: Rule) -> Range<usize> {
    pair.into_inner()
        .find(|p| p.as_rule() == rule)
        .map(|p| p.as_span().start()..p.as_span().end())
        .unwrap_or(0..0)
}

fn heading(pair: Pair<Rule>) -> RawKind {
    let line = pair.as_str();
    let indent = line.len() - line.trim_start_matches([' ', '\t', '\u{3000}', '\u{a0}']).len();
    let marker_start = pair.as_span().start() + indent;
    let mut level = match pair.as_rule() {
        Rule::heading1 => 1,
        Rule::heading2 => 2,
        _ => 3,
    };
    let mut number = 0;
    let mut style = NumberStyle::Paren;
    let mut rest = 0..0;
    for inner in pair.into_inner().flatten() {
        let s = inner.as_span();
        match inner.as_rule() {
            Rule::rest => rest = s.start()..s.end(),
            Rule::cn_number => number = chinese_number(s.as_str()),
            Rule::arabic => number = s.as_str().parse().unwrap_or(0),
            Rule::h1_mark | Rule::h3_mark if s.as_str() == "、" => style = NumberStyle::Comma,
            Rule::h1_mark | Rule::h3_mark => style = NumberStyle::Dot,
            Rule::md_marks => {
                style = NumberStyle::Markdown;
                level = s.as_str().len() as u8;
                number = 0;
            }
            _ => {}
        }
    }
    RawKind::Heading {
        level,
        number,
        style,
        marker: marker_start..rest.start,
        rest,
    }
}

fn date(pair: Pair<Rule>) -> RawKind {
    let mut parts = [0u32; 3];
    let mut first = usize::MAX;
    let mut last = 0;
    for inner in pair.into_inner() {
        let s = inner.as_span();
        let slot = match inner.as_rule() {
            Rule::year => 0,
            Rule::month => 1,
            Rule::day => 2,
            _ => continue,
        };
        parts[slot] = s.as_str().parse().unwrap_or(0);
        first = first.min(s.start());
        last = last.max(s.end());
    }
    RawKind::Date {
        year: parts[0] as i32,
        month: parts[1],
        day: parts[2],
        span: first..last,
    }
}

/// 一 → 1, 十 → 10, 十二 → 12, 二十 → 20, 二十三 → 23.
pub fn chinese_number(s: &str) -> u32 {
    let digit = |c: char| "一二三四五六七八九".chars().position(|d| d == c).map(|p| p as u32 + 1);
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        [c] if *c == '十' => 10,
        [c] => digit(*c).unwrap_or(0),
        ['十', u] => 10 + digit(*u).unwrap_or(0),
        [t, '十'] => digit(*t).unwrap_or(0) * 10,
        [t, '十', u] => digit(*t).unwrap_or(0) * 10 + digit(*u).unwrap_or(0),
        _ => 0,
    }
}
