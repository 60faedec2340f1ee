//! The outline of a report: title, report year, metadata, sections with roles, signature.
//!
//! Built once per document from the pest line grammar (`lines`) by an [`Outliner`];
//! every rule reads this shared structure instead of re-parsing the text.

mod build;
mod flatten;
mod lines;

pub use build::{
    ORGAN_SUFFIXES, Outliner, PLACE_ENDS, first_year, is_blank, is_invisible, is_key, names_goal,
    period_years, role_of, runs_to_now, trim_span, visible, years_to_now,
};
pub use lines::{
    DateForm, NumberStyle, chinese_number, half_width_digit, is_figures_row, read_date,
};

use crate::config::Role;
use std::ops::Range;

/// Metadata keys whose value is the document's title.
const TITLE_KEYS: &[&str] = &["标题", "文件名称", "信息名称", "名称"];

/// What a line of the document is, once the outline has been built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Blank,
    /// Web-page chrome: 打印, 关闭, 字体大小, breadcrumbs, …
    Chrome,
    /// Web-page metadata: 成文日期, 发布机构, …
    Meta,
    Title,
    Heading,
    /// Body text, including the preamble before the first heading.
    Paragraph,
    /// The organ line or date line of the closing signature block.
    Signature,
}

/// One line of the outline, held in 12 bytes (a document has a line per source line).
#[derive(Debug, Clone)]
pub struct Line {
    start: u32,
    end: u32,
    pub kind: LineKind,
}

impl Line {
    /// A line spanning `span` of a text (a [`crate::source::Source`]'s, so under 4 GiB).
    pub fn new(span: Range<usize>, kind: LineKind) -> Self {
        Line {
            start: span.start as u32,
            end: span.end as u32,
            kind,
        }
    }

    /// Byte range of the line in the text, without its terminator (for a Markdown
    /// title, without its leading `#`).
    pub fn span(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// One `key: value` of the web-page metadata.
#[derive(Debug, Clone)]
pub struct Meta {
    pub key: String,
    pub value: String,
    pub value_span: Range<usize>,
}

/// A date written as year, month and day, with the span of its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateValue {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl std::fmt::Display for DateValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// The closing block: the issuing organ's line and the date line.
#[derive(Debug, Clone, Default)]
pub struct Signature {
    pub organ: Option<Range<usize>>,
    /// The date and the span of its text (`2024年1月26日`, 日 included).
    pub date: Option<(DateValue, Range<usize>)>,
    /// How the date's digits are written.
    pub date_form: DateForm,
    /// The date line when it lacks its day (`2024年1月`, `二〇二四年一月`): the 落款 is
    /// dated, incompletely; `date` is then empty.
    pub dayless: Option<MonthDate>,
}

/// A date written as a year and a month only, with the span of its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthDate {
    pub year: i32,
    pub month: u32,
    pub span: Range<usize>,
}

/// A heading and everything under it up to the next heading of its level or above.
#[derive(Debug, Clone)]
pub struct Section {
    /// 1 for `一、`, 2 for `(一)`, 3 for `1.`, 4 for `(1)`
    pub level: u8,
    /// The heading's number (一 → 1); 0 for Markdown headings.
    pub number: u32,
    pub style: NumberStyle,
    /// The numbering (`一、`).
    pub marker: Range<usize>,
    /// The heading from its numbering to the end of its first sentence.
    pub heading: Range<usize>,
    /// The role of a top-level section; `Other` below the top level.
    pub role: Role,
    /// Other mandated parts a top-level heading names too, apart from `role`'s words
    /// (`三、存在的不足和下一步工作安排` is `plans` and also `shortcomings`).
    pub also: Vec<Role>,
    /// A `measures` section recognised as one of a run of thematic headings
    /// (`一、依法全面履行政府职能`) rather than by a heading naming the part.
    pub thematic: bool,
    /// Line index of the heading.
    pub line: usize,
    /// Line index just past the section's last line.
    pub end_line: usize,
    pub children: Vec<Section>,
}

/// `一是`, `二是`, … inside a paragraph.
#[derive(Debug, Clone)]
pub struct Enumeration {
    pub number: u32,
    pub span: Range<usize>,
}

#[derive(Debug, Clone, Default)]
pub struct Outline {
    pub lines: Vec<Line>,
    /// Line indexes of the title: one line, or two when it is split (the organ, then
    /// `2022年度法治政府建设情况报告`). Empty when there is none.
    pub title: Vec<usize>,
    pub report_year: Option<i32>,
    pub issuer: Option<String>,
    pub metadata: Vec<Meta>,
    pub signature: Signature,
    pub sections: Vec<Section>,
    /// Source line indexes of lines that held a whole report (title and several
    /// `一、` `二、` headings) and were cut into segments at its headings.
    pub flattened: Vec<usize>,
    /// Copy-site watermarks (`某某网—资源每日更新www.example.com`) inside lines of text.
    pub watermarks: Vec<Range<usize>>,
    /// Runs of enumerations (`一是…二是…`), in text order.
    pub enumerations: Vec<Vec<Enumeration>>,
}

impl Outline {
    /// The title's byte range.
    pub fn title_span(&self) -> Option<Range<usize>> {
        let first = self.lines[*self.title.first()?].span().start;
        let last = self.lines[*self.title.last()?].span().end;
        Some(first..last)
    }

    /// The title's text, its lines joined, without the spaces that spread it out for
    /// layout (`…情况报　告`, `2 0 2 4 年 度 法 治 …`) and Markdown's emphasis marks
    /// around a line (`**…报告**`).
    pub fn title_text(&self, text: &str) -> Option<String> {
        if self.title.is_empty() {
            return None;
        }
        Some(
            self.title
                .iter()
                .flat_map(|&i| {
                    let line = text[self.lines[i].span()].trim_matches(build::is_blank);
                    line.trim_matches(['*', '_']).chars()
                })
                .filter(|&c| !build::is_blank(c))
                .collect(),
        )
    }

    /// A page's title given as a field (`标题：…`, `名　　称：…`) holding every one of
    /// `words` (the title words): the value of the first such field.
    pub fn title_field(&self, words: &[String]) -> Option<&str> {
        self.metadata
            .iter()
            .find(|m| {
                TITLE_KEYS.iter().any(|k| is_key(&m.key, k))
                    && words.iter().all(|w| m.value.contains(w.as_str()))
            })
            .map(|m| m.value.trim())
    }

    /// The title's text, else a page's title field's value (see [`Outline::title_field`]).
    pub fn title_or_field(&self, text: &str, words: &[String]) -> Option<String> {
        self.title_text(text)
            .filter(|t| !t.is_empty())
            .or_else(|| self.title_field(words).map(str::to_string))
    }

    /// The top-level sections whose role is `role`, in document order.
    pub fn parts(&self, role: Role) -> impl Iterator<Item = &Section> {
        self.sections.iter().filter(move |s| s.role == role)
    }

    /// Every section, depth first, in document order.
    pub fn walk(&self) -> impl Iterator<Item = &Section> {
        let mut stack: Vec<&Section> = self.sections.iter().rev().collect();
        std::iter::from_fn(move || {
            let s = stack.pop()?;
            stack.extend(s.children.iter().rev());
            Some(s)
        })
    }

    /// Metadata values whose key is one of `keys`, in document order.
    pub fn meta_values<'a>(&'a self, keys: &'a [String]) -> impl Iterator<Item = &'a Meta> {
        self.metadata.iter().filter(move |m| keys.contains(&m.key))
    }

    /// The first line that is neither blank, chrome nor metadata: where a title belongs.
    pub fn first_content_line(&self) -> Option<usize> {
        self.lines.iter().position(|l| {
            matches!(
                l.kind,
                LineKind::Title | LineKind::Heading | LineKind::Paragraph | LineKind::Signature
            )
        })
    }
}
