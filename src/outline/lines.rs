//! The pest parse of `grammar/outline.pest`: one classified [`RawLine`] per source line.

use super::DateValue;
use crate::source::Source;
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
    /// No numbering in the text: a heading by its format (a Word heading style).
    Unnumbered,
    /// `第一部分`, a part above the top level.
    Part,
}

impl NumberStyle {
    pub fn describe(self) -> &'static str {
        match self {
            NumberStyle::Comma => "“、”",
            NumberStyle::Dot => "“.”",
            NumberStyle::Paren => "括号",
            NumberStyle::Markdown => "“#”",
            NumberStyle::Unnumbered => "无编号",
            NumberStyle::Part => "“第…部分”",
        }
    }
}

/// What the grammar saw on one line. Spans are byte ranges in the whole text.
/// Kept for every line of a document while its outline is built, so held in 16 bytes:
/// the rare kinds with spans are boxed.
#[derive(Debug, Clone)]
pub enum RawKind {
    Blank,
    Heading(Box<Heading>),
    /// A bulleted line; where its content starts (it runs to the line's end).
    Bullet(usize),
    /// A line holding a `|`: maybe a row of a metadata table.
    Pipe,
    Breadcrumb,
    /// A line holding only a date.
    Date(Box<DateText>),
    KeyValue(Box<KeyValue>),
    Text,
}

/// A numbered (or styled) heading line.
#[derive(Debug, Clone)]
pub struct Heading {
    /// 1 to 4 for `一、` to `（1）` (an unnumbered Markdown heading: its number of `#`),
    /// 0 for a part
    /// (`第一部分`) above them.
    pub level: u8,
    pub number: u32,
    pub style: NumberStyle,
    /// The numbering itself (`一、`, `(一)`, `1.`).
    pub marker: Range<usize>,
    /// What follows the numbering.
    pub rest: Range<usize>,
}

/// A `key: value` line.
#[derive(Debug, Clone)]
pub struct KeyValue {
    pub key: Range<usize>,
    pub value: Range<usize>,
}

/// The raw kind of every line of a document in about a byte a line (a text can hold a
/// million lines): kinds without data as one-byte tags, kinds with data (headings,
/// bullets, dates, `key: value` lines) kept apart by line index. Indexed like a slice.
#[derive(Default)]
pub struct RawKinds {
    tags: Vec<Tag>,
    /// `(line index, kind)` of the lines tagged [`Tag::Detailed`], in line order.
    details: Vec<(u32, RawKind)>,
}

#[derive(Clone, Copy, PartialEq)]
enum Tag {
    Blank,
    Text,
    Pipe,
    Breadcrumb,
    Detailed,
}

static BLANK: RawKind = RawKind::Blank;
static TEXT: RawKind = RawKind::Text;
static PIPE: RawKind = RawKind::Pipe;
static BREADCRUMB: RawKind = RawKind::Breadcrumb;

impl RawKinds {
    pub fn with_capacity(lines: usize) -> Self {
        RawKinds {
            tags: Vec::with_capacity(lines),
            details: Vec::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.tags.len()
    }

    pub fn push(&mut self, kind: RawKind) {
        let tag = match kind {
            RawKind::Blank => Tag::Blank,
            RawKind::Text => Tag::Text,
            RawKind::Pipe => Tag::Pipe,
            RawKind::Breadcrumb => Tag::Breadcrumb,
            _ => {
                self.details.push((self.tags.len() as u32, kind));
                Tag::Detailed
            }
        };
        self.tags.push(tag);
    }

    /// Every line's kind, in order.
    pub fn iter(&self) -> impl Iterator<Item = &RawKind> {
        let mut details = self.details.iter();
        self.tags.iter().map(move |&tag| {
            unit_kind(tag).unwrap_or_else(|| &details.next().expect("a detail per tag").1)
        })
    }

    /// The lines whose kind carries data, with their indexes, in order.
    pub fn detailed(&self) -> impl Iterator<Item = (usize, &RawKind)> {
        self.details.iter().map(|(i, kind)| (*i as usize, kind))
    }

    /// Gives lines new kinds with data (`(index, kind)` in any order), at once: one
    /// merge however many there are.
    pub fn set_detailed(&mut self, mut changes: Vec<(usize, RawKind)>) {
        if changes.is_empty() {
            return;
        }
        changes.sort_by_key(|c| c.0);
        changes.dedup_by_key(|c| c.0);
        for (i, _) in &changes {
            self.tags[*i] = Tag::Detailed;
        }
        let old = std::mem::take(&mut self.details);
        let mut changes = changes.into_iter().map(|(i, k)| (i as u32, k)).peekable();
        for (i, kind) in old {
            while let Some(c) = changes.next_if(|c| c.0 < i) {
                self.details.push(c);
            }
            match changes.next_if(|c| c.0 == i) {
                Some(c) => self.details.push(c),
                None => self.details.push((i, kind)),
            }
        }
        self.details.extend(changes);
    }
}

/// The kind a tag stands for, unless its kind carries data.
fn unit_kind(tag: Tag) -> Option<&'static RawKind> {
    match tag {
        Tag::Blank => Some(&BLANK),
        Tag::Text => Some(&TEXT),
        Tag::Pipe => Some(&PIPE),
        Tag::Breadcrumb => Some(&BREADCRUMB),
        Tag::Detailed => None,
    }
}

impl std::ops::Index<usize> for RawKinds {
    type Output = RawKind;

    fn index(&self, i: usize) -> &RawKind {
        unit_kind(self.tags[i]).unwrap_or_else(|| {
            let at = self
                .details
                .binary_search_by_key(&(i as u32), |d| d.0)
                .expect("a detail per tag");
            &self.details[at].1
        })
    }
}

#[derive(Debug, Clone)]
pub struct RawLine {
    /// The line without its terminator.
    pub span: Range<usize>,
    pub kind: RawKind,
}

/// Classifies every line of `source`, one at a time. The grammar accepts any line, so
/// this cannot fail.
pub fn parse(source: &Source) -> impl Iterator<Item = RawLine> + '_ {
    (0..source.line_count()).map(|i| {
        let span = source.line_range(i);
        let mut kind = classify(&source.text[span.clone()], span.start);
        // A table row's label is no heading, whatever its number or style.
        if source.table_labels.binary_search(&i).is_ok() {
            if let RawKind::Heading(_) = kind {
                kind = RawKind::Text;
            }
        } else if let Some(level) = source.heading_level(i) {
            kind = styled_heading(kind, level, &span);
        }
        RawLine { span, kind }
    })
}

/// The kind of one line; `base` is where the line starts in the whole text.
pub fn classify(line: &str, base: usize) -> RawKind {
    // Nothing to classify (the grammar would say `blank`).
    if line.is_empty() {
        return RawKind::Blank;
    }
    let kind = match by_hand(line, base) {
        Some(kind) => kind,
        None if !may_open(line) => return pipe_row(line).unwrap_or(RawKind::Text),
        None => parsed(line, base),
    };
    match kind {
        RawKind::Heading(_) if is_figures_row(line) => pipe_row(line).unwrap_or(RawKind::Text),
        kind => kind,
    }
}

/// Whether `line` is a table's row of figures under a numbered label, its cells apart by
/// tabs (a copy from Excel or Word) or by ` | ` (a web page's cells): `一、健全政府机构
/// 职能体系⇥5⇥5` (⇥ a tab), or ending in two figures or more apart by spaces (a PDF's
/// text of a table: `一、行政复议（件）118 136`). Its number is the row's, not a
/// heading's. A cell of words makes the line no such row.
pub fn is_figures_row(line: &str) -> bool {
    // A figure (`5`, `386件`, `12.5万元`, `-14.4%`, `-1.3个百分点`) or a dash for none.
    let figure = |cell: &str| {
        let placeholder = cell.chars().all(|c| "—－-/／".contains(c));
        let number = cell.trim_start_matches(['-', '+', '－', '−']);
        let unit = number.trim_start_matches(|c: char| c.is_ascii_digit() || ".,%．".contains(c));
        placeholder || number.starts_with(|c: char| c.is_ascii_digit()) && unit.chars().count() <= 4
    };
    // (A tab before the label is its indent.)
    let line = line.trim_start_matches(is_ws);
    let bytes = line.as_bytes();
    let separator = if memchr::memchr(b'\t', bytes).is_some() {
        "\t"
    } else if memchr::memchr(b'|', bytes).is_some() && line.contains(" | ") {
        " | "
    } else {
        // The figures a PDF set apart by spaces, after the label (the first may be run
        // on to it, the gap beside Chinese closed: `（件）118 136`).
        // (Bare numbers only: `2024年对比）` is words.)
        let bare = |w: &str| {
            let n = w.trim_start_matches(['-', '+', '－', '−']);
            n.starts_with(|c: char| c.is_ascii_digit())
                && n.chars().all(|c| c.is_ascii_digit() || ".,%．".contains(c))
        };
        let mut words = line.split(' ').filter(|w| !w.is_empty()).rev().peekable();
        let mut trailing = 0;
        while words.next_if(|w| bare(w)).is_some() {
            trailing += 1;
        }
        let run_on = words.next().is_some_and(|label| {
            let bare = label.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.');
            bare.len() < label.len() && !bare.is_empty()
        });
        return trailing >= 2 || trailing >= 1 && run_on;
    };
    let mut cells = line.split(separator);
    cells.next();
    // Figures, or (a group's row, its label in a merged cell) two cells or more empty.
    let (mut figures, mut empty) = (0, 0);
    for cell in cells {
        match cell.trim_matches(is_ws) {
            "" => empty += 1,
            c if figure(c) => figures += 1,
            _ => return false,
        }
    }
    figures > 0 || empty >= 2
}

/// The kind of one line as the grammar's `line` gives it.
fn parsed(line: &str, base: usize) -> RawKind {
    let shifted = |p: &Pair<Rule>| base + p.as_span().start()..base + p.as_span().end();
    let Some(pair) = OutlineParser::parse(Rule::line, line)
        .ok()
        .and_then(|mut pairs| pairs.next())
        .and_then(|line| line.into_inner().next())
    else {
        return pipe_row(line).unwrap_or(RawKind::Text);
    };
    let rest = base + pair.as_span().end()..base + line.len();
    if pair.as_rule() == Rule::key_value
        && let Some(pipe) = pipe_row(line)
    {
        return pipe;
    }
    match pair.as_rule() {
        Rule::blank => RawKind::Blank,
        Rule::heading1
        | Rule::heading2
        | Rule::heading3
        | Rule::heading4
        | Rule::part
        | Rule::md_heading => heading(pair, base, rest),
        Rule::bullet => RawKind::Bullet(rest.start),
        Rule::breadcrumb => RawKind::Breadcrumb,
        Rule::date_line => pair
            .into_inner()
            .next()
            .map_or(RawKind::Text, |d| RawKind::Date(Box::new(date(d, base)))),
        Rule::key_value => RawKind::KeyValue(Box::new(KeyValue {
            key: child_span(pair, Rule::key).map_or(rest.clone(), |p| shifted(&p)),
            value: rest,
        })),
        _ => RawKind::Text,
    }
}

/// The commonest lines read without the parser: numbered headings `一、` `（一）` `1.`
/// `（1）` (heading1 to heading4), a web page's bullets and breadcrumbs, and `key: value`
/// lines. Most lines that are not plain text are these, and pest takes microseconds a
/// line. `None` for anything else, which the parser reads. A test checks that every line
/// read here gets exactly the kind the grammar gives it.
fn by_hand(line: &str, base: usize) -> Option<RawKind> {
    let rest = after_indent(line);
    let start = line.len() - rest.len();
    let first = rest.chars().next()?;
    let (level, end, style, number) = if first.is_ascii_digit() {
        // heading3 = arabic ~ h3_mark ~ (!ASCII_DIGIT | &(ASCII_DIGIT{4} ~ "年")), the
        // first alternative that can open with a digit
        let digits = arabic_len(rest);
        let style = match rest[digits..].chars().next()? {
            '、' => NumberStyle::Comma,
            '.' | '\u{FF0E}' => NumberStyle::Dot,
            _ => return None,
        };
        let end = digits + rest[digits..].chars().next()?.len_utf8();
        let after = &rest.as_bytes()[end..];
        let year = after.len() >= 7
            && after[..4].iter().all(u8::is_ascii_digit)
            && after[4..].starts_with("年".as_bytes());
        if after.first().is_some_and(u8::is_ascii_digit) && !year {
            return None;
        }
        (3, end, style, rest[..digits].parse().unwrap_or(0))
    } else if matches!(first, '(' | '\u{FF08}') {
        // heading2 = open ~ cn_number ~ close ~ extra_mark?, then
        // heading4 = open ~ arabic ~ close ~ extra_mark?
        let open = first.len_utf8();
        let (level, digits, number) = match cn_number_len(&rest[open..]) {
            Some(digits) => (2, digits, chinese_number(&rest[open..open + digits])),
            None => {
                let digits = arabic_len(&rest[open..]);
                if digits == 0 {
                    return None;
                }
                let number = rest[open..open + digits].parse().unwrap_or(0);
                (4, digits, number)
            }
        };
        let close = rest[open + digits..]
            .chars()
            .next()
            .filter(|&c| matches!(c, ')' | '\u{FF09}'))?;
        let mut end = open + digits + close.len_utf8();
        if let Some(mark) = rest[end..]
            .chars()
            .next()
            .filter(|&c| matches!(c, '、' | '\u{FF0C}' | ',' | '.' | '\u{FF0E}'))
        {
            end += mark.len_utf8();
        }
        (level, end, NumberStyle::Paren, number)
    } else if first == '•' {
        // bullet = "•" ~ ws*
        let after = rest['•'.len_utf8()..].trim_start_matches(is_ws);
        return Some(RawKind::Bullet(base + line.len() - after.len()));
    } else if first == '>' {
        return Some(RawKind::Breadcrumb);
    } else if first == '第' {
        // part, the first alternative that can open with 第; else key_value
        match part_len(rest) {
            Some((end, number)) => (0, end, NumberStyle::Part, number),
            None => return key_value(line, rest, base),
        }
    } else if !"一二三四五六七八九十".contains(first) {
        // No heading, date, bullet or breadcrumb opens with `first`: key_value is the
        // first alternative that can match (a `#` line may be a Markdown heading).
        return if first == '#' || line.starts_with('#') {
            None
        } else {
            key_value(line, rest, base)
        };
    } else {
        // heading1 = cn_number ~ h1_mark, tried before every other alternative
        let digits = cn_number_len(rest)?;
        let mut after = rest[digits..].chars();
        let style = match after.next()? {
            '、' => NumberStyle::Comma,
            '.' | '\u{FF0E}' | '\u{FF0C}' => NumberStyle::Dot,
            ',' if !after.next().is_some_and(|c| c.is_ascii_digit()) => NumberStyle::Dot,
            _ => return None,
        };
        let mark = rest[digits..].chars().next()?.len_utf8();
        // (`三、四季度…`, `一、二类…`, `一、二审…`: two quarters, classes or instances;
        // `二、三级公立医院…，…`: two grades opening a sentence; the grammar reads it.)
        let next = &rest[digits + mark..];
        if cn_number_len(next).is_some_and(|n| {
            let word = &next[n..];
            word.starts_with(['季', '类', '审'])
                || word.starts_with(['级', '等', '期']) && word.contains(['，', '。'])
        }) {
            return None;
        }
        (1, digits + mark, style, chinese_number(&rest[..digits]))
    };
    Some(RawKind::Heading(Box::new(Heading {
        level,
        number,
        style,
        marker: base + start..base + start + end,
        rest: base + start + end..base + line.len(),
    })))
}

/// key_value = key ~ (":" | "：") ~ ws*, key = key_char{1,10}, on `rest` (the line
/// after its indent); with the grammar's driver's rule that a `|` row is a pipe row.
fn key_value(line: &str, rest: &str, base: usize) -> Option<RawKind> {
    let separator = |c: char| {
        matches!(
            c,
            ':' | '\u{FF1A}'
                | ','
                | '\u{FF0C}'
                | '。'
                | ';'
                | '\u{FF1B}'
                | ' '
                | '\t'
                | '\u{3000}'
                | '\u{a0}'
        )
    };
    let key_end = rest
        .char_indices()
        .take(10)
        .find(|&(_, c)| separator(c))
        .map_or_else(
            || rest.char_indices().nth(10).map(|(i, _)| i),
            |(i, _)| Some(i),
        )?;
    if key_end == 0 || !rest[key_end..].starts_with([':', '\u{FF1A}']) {
        return None;
    }
    if let Some(pipe) = pipe_row(line) {
        return Some(pipe);
    }
    let key_start = base + line.len() - rest.len();
    let colon = rest[key_end..].chars().next()?.len_utf8();
    let after = rest[key_end + colon..].trim_start_matches(is_ws);
    Some(RawKind::KeyValue(Box::new(KeyValue {
        key: key_start..key_start + key_end,
        value: base + line.len() - after.len()..base + line.len(),
    })))
}

/// `line` after the grammar's `indent`: white space and decorations, then Markdown's
/// bold or italic mark and white space again if they are there.
fn after_indent(line: &str) -> &str {
    let rest = line.trim_start_matches(|c| is_ws(c) || is_decoration(c));
    let italic = rest
        .strip_prefix('*')
        .filter(|r| !r.starts_with([' ', '*']));
    rest.strip_prefix("**")
        .or(italic)
        .map_or(rest, |r| r.trim_start_matches(is_ws))
}

/// The length of the grammar's `arabic` (one to three ASCII digits) at the start of `s`;
/// 0 for none.
fn arabic_len(s: &str) -> usize {
    s.bytes().take(3).take_while(u8::is_ascii_digit).count()
}

/// The length of the grammar's `cn_number` at the start of `s` (`十` ~ digit? | digit ~
/// (`十` ~ digit?)?, each part taken when it is there).
fn cn_number_len(s: &str) -> Option<usize> {
    let digit = |c: Option<char>| c.is_some_and(|c| "一二三四五六七八九".contains(c));
    let mut chars = s.chars();
    let first = chars.next()?;
    let mut len = 3;
    if first == '十' {
        if digit(chars.next()) {
            len += 3;
        }
    } else if digit(Some(first)) {
        if chars.next() == Some('十') {
            len += 3;
            if digit(chars.next()) {
                len += 3;
            }
        }
    } else {
        return None;
    }
    Some(len)
}

/// The grammar's `part` at the start of `s` (`第一部分`): its length and number.
fn part_len(s: &str) -> Option<(usize, u32)> {
    let after = s.strip_prefix('第')?;
    let digits = cn_number_len(after)?;
    let rest = after[digits..].strip_prefix("部分")?;
    Some((s.len() - rest.len(), chinese_number(&after[..digits])))
}

/// The grammar's `ws`: white space and the invisible characters of an indent.
fn is_ws(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{3000}' | '\u{a0}' | '\u{2000}'
            ..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
                | '\u{061C}'
                | '\u{FEFF}'
                | '\u{0C}'
                | '\u{0B}'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202F}'
                | '\u{205F}'
                | '\u{2060}'
                | '\u{1680}'
                | '\u{AD}'
    )
}

/// The grammar's `decoration`: a symbol or emoji an editor sets before a heading.
fn is_decoration(c: char) -> bool {
    matches!(
        c,
        '\u{2190}'..='\u{21FF}'
            | '\u{2580}'..='\u{25CA}'
            | '\u{25CC}'..='\u{27BF}'
            | '\u{2B00}'..='\u{2BFF}'
            | '\u{1F300}'..='\u{1FAFF}'
            | '\u{FE0F}'
            | '\u{FF5C}'
    )
}

/// Whether the grammar's `line` can match more than its empty option on `line`: false
/// only when no alternative can, from what the line opens with. Most lines of text open
/// with a character no alternative starts with, or with a figure or `一` that no heading
/// mark follows in a line that is more than a date, and hold no colon near their start;
/// they are known to be text without running the parser. A test checks that the grammar
/// finds nothing on every line this rejects.
fn may_open(line: &str) -> bool {
    if line.starts_with('#') {
        return true; // md_heading
    }
    let rest = after_indent(line);
    let mut chars = rest.chars();
    let Some(first) = chars.next() else {
        return true; // blank
    };
    let full_digit = |c: char| ('\u{FF10}'..='\u{FF19}').contains(&c);
    let cn_digit = |c: char| "一二三四五六七八九十".contains(c);
    let cn_zero = |c: char| matches!(c, '〇' | '零' | 'O' | '○' | '\u{FF2F}');
    // date_line: the whole line a date (digit_date or cn_date: eight characters or
    // more, as `2024-1-1`) and white space.
    let date_only = || {
        let mut visible = 0;
        rest.chars().all(|c| {
            visible += usize::from(!is_ws(c));
            is_ws(c)
                || c.is_ascii_digit()
                || full_digit(c)
                || cn_digit(c)
                || cn_zero(c)
                || matches!(c, '年' | '元' | '月' | '日' | '号' | '-' | '/' | '.' | '*')
        }) && visible >= 8
    };
    match first {
        // heading2, heading4, bullet, breadcrumb
        '(' | '\u{FF08}' | '•' | '>' => return true,
        // heading3: at most three digits, then its mark
        c if c.is_ascii_digit() || full_digit(c) => {
            let after = chars.find(|&c| !(c.is_ascii_digit() || full_digit(c)));
            if matches!(after, Some('.' | '、' | '\u{FF0E}')) || date_only() {
                return true;
            }
        }
        // heading1: a number of at most three characters, then its mark (spaces may come
        // before a 、)
        c if cn_digit(c) => {
            let mark = chars
                .take(3)
                .any(|c| matches!(c, '、' | '.' | '\u{FF0E}' | '\u{FF0C}' | ','));
            let spaced = || {
                (rest.chars()).find(|&c| !(cn_digit(c) || matches!(c, ' ' | '\u{3000}')))
                    == Some('、')
            };
            if mark || spaced() || date_only() {
                return true;
            }
        }
        c if cn_zero(c) && date_only() => return true,
        '第' if part_len(rest).is_some() => return true,
        _ => {}
    }
    // key_value: at most ten key characters, then a colon.
    rest.chars().take(11).any(|c| matches!(c, ':' | '\u{FF1A}'))
}

/// A line the reader marked as a heading of `level`: a numbered heading keeps its
/// number's level (drafters style some levels and type the others: `一、` in 标题 2,
/// `（一）` in 标题 3 and `1.` typed in body text must not put `1.` beside `（一）`);
/// a line without a number is an unnumbered heading of the reader's level. A date line
/// is never a heading (a 落款 date given an outline level by a copied format).
fn styled_heading(kind: RawKind, level: u8, span: &Range<usize>) -> RawKind {
    match kind {
        RawKind::Heading(_) | RawKind::Blank | RawKind::Date(_) => kind,
        _ => RawKind::Heading(Box::new(Heading {
            level,
            number: 0,
            style: NumberStyle::Unnumbered,
            marker: span.start..span.start,
            rest: span.clone(),
        })),
    }
}

/// A line with a `|` may be a metadata table row. The grammar's `pipe_row` accepts
/// exactly the lines that hold a `|` (a test checks it), so it is not run: on a whole
/// document flattened into one line it took most of the time.
fn pipe_row(line: &str) -> Option<RawKind> {
    memchr::memchr(b'|', line.as_bytes())?;
    Some(RawKind::Pipe)
}

fn child_span(pair: Pair<Rule>, rule: Rule) -> Option<Pair<Rule>> {
    pair.into_inner().find(|p| p.as_rule() == rule)
}

fn heading(pair: Pair<Rule>, base: usize, rest: Range<usize>) -> RawKind {
    let marker_start = base + pair.as_span().start();
    let markdown = pair.as_rule() == Rule::md_heading;
    let mut level = match pair.as_rule() {
        Rule::part => 0,
        Rule::heading1 => 1,
        Rule::heading2 => 2,
        Rule::heading4 => 4,
        _ => 3,
    };
    let mut number = 0;
    let mut style = NumberStyle::Paren;
    // The level a Markdown heading's Chinese number gives it (`## 一、` 1, `### （一）`
    // 2); an Arabic one (`## 1.`) may stand for any level.
    let mut numbered = None;
    let mut part = false;
    for inner in pair.into_inner().flatten() {
        let s = inner.as_span();
        match inner.as_rule() {
            Rule::part => part = true,
            Rule::cn_number => {
                number = chinese_number(s.as_str());
                numbered = Some(2);
            }
            Rule::arabic => number = s.as_str().parse().unwrap_or(0),
            Rule::h1_mark if markdown => numbered = Some(1),
            Rule::h1_mark | Rule::h3_mark if s.as_str().ends_with('、') => {
                style = NumberStyle::Comma
            }
            Rule::h1_mark | Rule::h3_mark => style = NumberStyle::Dot,
            Rule::md_marks => level = s.as_str().len() as u8,
            _ => {}
        }
    }
    if markdown && part {
        // `## 第一部分 …`: a part, whatever its `#`s.
        level = 0;
        style = NumberStyle::Part;
    } else if markdown {
        // A Markdown heading numbered in Chinese stands where its number puts it among
        // the headings numbered in the text (`### 一、` over `（一）`), whatever its `#`s.
        level = numbered.unwrap_or(level);
        style = NumberStyle::Markdown;
    } else if level == 0 {
        style = NumberStyle::Part;
    }
    RawKind::Heading(Box::new(Heading {
        level,
        number,
        style,
        marker: marker_start..rest.start,
        rest,
    }))
}

/// How a date's digits are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateForm {
    /// `2024年1月26日`, `2024-01-26`
    #[default]
    Arabic,
    /// `２０２４年１月２６日`
    FullWidth,
    /// `二〇二四年一月二十六日`
    Chinese,
}

/// A date read from the text: its value, how it is written, its span in the whole text.
#[derive(Debug, Clone)]
pub struct DateText {
    pub value: DateValue,
    pub form: DateForm,
    pub span: Range<usize>,
}

/// The `date` rule's pair as a [`DateText`]; `base` is where the parsed text starts.
fn date(pair: Pair<Rule>, base: usize) -> DateText {
    let span = base + pair.as_span().start()..base + pair.as_span().end();
    let mut parts = [0u32; 3];
    let mut form = DateForm::Arabic;
    for inner in pair.into_inner().flat_map(|p| p.into_inner()) {
        let s = inner.as_str();
        let (slot, value) = match inner.as_rule() {
            Rule::year | Rule::month | Rule::day => {
                if s.chars().any(|c| !c.is_ascii_digit()) {
                    form = DateForm::FullWidth;
                }
                let slot = match inner.as_rule() {
                    Rule::year => 0,
                    Rule::month => 1,
                    _ => 2,
                };
                (slot, digits_value(s))
            }
            Rule::cn_year => {
                form = DateForm::Chinese;
                (0, cn_year_value(s))
            }
            Rule::cn_month => (1, chinese_number(s)),
            Rule::first_month => (1, 1),
            Rule::cn_day => (2, chinese_number(s)),
            _ => continue,
        };
        parts[slot] = value;
    }
    DateText {
        value: DateValue {
            year: parts[0] as i32,
            month: parts[1],
            day: parts[2],
        },
        form,
        span,
    }
}

/// A full-width digit (`２`) as its half-width one; any other character as it is.
pub fn half_width_digit(c: char) -> char {
    match c {
        '０'..='９' => char::from(b'0' + (u32::from(c) - 0xFF10) as u8),
        c => c,
    }
}

/// The value of half- or full-width decimal digits.
pub fn digits_value(s: &str) -> u32 {
    s.chars()
        .filter_map(|c| {
            c.to_digit(10).or_else(|| {
                ('\u{FF10}'..='\u{FF19}')
                    .contains(&c)
                    .then(|| c as u32 - 0xFF10)
            })
        })
        .fold(0, |v, d| v * 10 + d)
}

/// 二〇二四 → 2024: one Chinese numeral (or a zero-like character) per digit.
pub fn cn_year_value(s: &str) -> u32 {
    s.chars()
        .map(|c| match c {
            '〇' | '零' | 'O' | '0' | '○' | '\u{FF2F}' | '\u{FF10}' => 0,
            c => chinese_number(&c.to_string()),
        })
        .fold(0, |v, d| v * 10 + d)
}

/// The date that is the whole of `s` (trailing white space allowed); `base` is where `s`
/// starts in the whole text.
pub fn read_date(s: &str, base: usize) -> Option<DateText> {
    let pair = OutlineParser::parse(Rule::date_text, s).ok()?.next()?;
    let date_pair = pair.into_inner().find(|p| p.as_rule() == Rule::date)?;
    Some(date(date_pair, base))
}

/// A date that ends `line` (`某市人民政府 2024年1月26日`), with what comes before it
/// untouched; only the last few characters are tried.
pub fn trailing_date(line: &str, base: usize) -> Option<DateText> {
    let trimmed = line.trim_end();
    let starts: Vec<usize> = trimmed
        .char_indices()
        .rev()
        .take(24)
        .map(|(i, _)| i)
        .collect();
    starts
        .into_iter()
        .rev()
        .filter(|&i| i > 0)
        .find_map(|i| read_date(&trimmed[i..], base + i))
}

/// 一 → 1, 十 → 10, 十二 → 12, 二十 → 20, 二十三 → 23.
pub fn chinese_number(s: &str) -> u32 {
    let digit = |c: char| {
        "一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|p| p as u32 + 1)
    };
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A document holds a raw kind and a line for each of its lines while its outline
    /// is built: 2 MB of one-character lines is a million of each.
    #[test]
    fn per_line_data_is_compact() {
        assert!(std::mem::size_of::<RawKind>() <= 16);
        assert!(std::mem::size_of::<super::super::Line>() <= 12);
    }

    /// `RawKinds` gives back every kind pushed, by index and in order, and merges new
    /// detailed kinds in wherever they fall.
    #[test]
    fn raw_kinds_keep_every_line_kind() {
        let lines = [
            "",
            "正文。",
            "一、标题",
            "a|b",
            "> 首页",
            "• 来源",
            "2024年1月26日",
            "来源：某局",
        ];
        let mut kinds = RawKinds::default();
        for (i, line) in lines.iter().enumerate() {
            kinds.push(classify(line, 100 * i));
        }
        let expected: Vec<String> = lines
            .iter()
            .enumerate()
            .map(|(i, line)| format!("{:?}", classify(line, 100 * i)))
            .collect();
        let by_index: Vec<String> = (0..kinds.len())
            .map(|i| format!("{:?}", kinds[i]))
            .collect();
        let in_order: Vec<String> = kinds.iter().map(|k| format!("{k:?}")).collect();
        assert_eq!(by_index, expected);
        assert_eq!(in_order, expected);
        assert_eq!(
            kinds.detailed().map(|(i, _)| i).collect::<Vec<_>>(),
            [2, 5, 6, 7]
        );
        let heading = |level| {
            RawKind::Heading(Box::new(Heading {
                level,
                number: 0,
                style: NumberStyle::Unnumbered,
                marker: 0..0,
                rest: 0..0,
            }))
        };
        kinds.set_detailed(vec![(7, heading(3)), (1, heading(1)), (4, heading(2))]);
        let levels: Vec<(usize, u8)> = kinds
            .detailed()
            .filter_map(|(i, k)| match k {
                RawKind::Heading(h) => Some((i, h.level)),
                _ => None,
            })
            .collect();
        assert_eq!(levels, [(1, 1), (2, 1), (4, 2), (7, 3)]);
        assert!(matches!(kinds[0], RawKind::Blank));
        assert!(matches!(kinds[3], RawKind::Pipe));
        assert!(matches!(kinds[6], RawKind::Date(_)));
        assert_eq!(kinds.iter().count(), lines.len());
    }

    /// Spaces before a top-level heading's 、 (a scan's OCR, a slip) leave it a heading
    /// numbered with 、; before another mark they do not.
    #[test]
    fn spaces_before_the_top_levels_mark() {
        for line in ["一 、主要举措和成效", "二　、存在的不足"] {
            match classify(line, 0) {
                RawKind::Heading(h) => {
                    assert_eq!((h.level, h.style), (1, NumberStyle::Comma), "{line}")
                }
                other => panic!("{line}: {other:?}"),
            }
        }
        assert!(!matches!(classify("一 .主要举措", 0), RawKind::Heading(_)));
    }

    /// A sentence opening on two quarters or classes (`三、四季度…`) is no heading; a
    /// heading whose words open with a number and another word is.
    #[test]
    fn two_quarters_open_a_sentence() {
        for line in [
            "三、四季度组织执法案卷评查，共评查案卷310卷",
            "一、二类行政许可事项",
            "一、二审行政诉讼案件中，厅负责人出庭应诉6次。",
            "二、三级公立医院全部建立法律顾问制度，实现全覆盖。",
            "一、二级响应启动后。",
        ] {
            assert!(!matches!(classify(line, 0), RawKind::Heading(_)), "{line}");
        }
        for line in [
            "三、四个方面的不足",
            "二、三项制度落实情况",
            "二、三级联动机制持续完善",
        ] {
            assert!(matches!(classify(line, 0), RawKind::Heading(_)), "{line}");
        }
    }

    /// `classify` answers an empty line without the grammar; the grammar agrees.
    #[test]
    fn the_grammar_calls_the_empty_line_blank() {
        let line = OutlineParser::parse(Rule::line, "")
            .unwrap()
            .next()
            .unwrap();
        let inner = line.into_inner().next().map(|p| p.as_rule());
        assert_eq!(inner, Some(Rule::blank));
    }

    /// What the grammar's `line` matches after its start, if anything.
    fn grammar_opening(line: &str) -> Option<Rule> {
        let line = OutlineParser::parse(Rule::line, line).ok()?.next()?;
        line.into_inner().next().map(|p| p.as_rule())
    }

    /// Lines of the corpus, the examples and the shapes drafts, with the same lines
    /// indented, cut and glued, and random lines from the characters the grammar reads.
    fn sample_lines() -> Vec<String> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut texts = Vec::new();
        for dir in ["../shared/corpus/seeds", "examples", "examples/shapes"] {
            let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
                println!("{dir} absent: skipped");
                continue;
            };
            for e in entries.flatten() {
                if let Ok(t) = std::fs::read_to_string(e.path()) {
                    texts.push(t);
                }
            }
        }
        let mut lines: Vec<String> = Vec::new();
        for t in &texts {
            for l in t.lines() {
                lines.push(l.to_string());
                lines.push(format!("\u{3000}\u{3000}{l}"));
                let cut: String = l.chars().skip(2).collect();
                lines.push(cut);
            }
        }
        // Random lines of up to `max` characters drawn from `chars`.
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        let mut random = |chars: &str, count: usize, max: u64| {
            let chars: Vec<char> = chars.chars().collect();
            let mut next = |n: u64| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                state % n
            };
            (0..count)
                .map(|_| {
                    let len = next(max);
                    (0..len)
                        .map(|_| chars[next(chars.len() as u64) as usize])
                        .collect::<String>()
                })
                .collect::<Vec<_>>()
        };
        // The characters the grammar reads, then those of headings, bullets and fields,
        // then those of dates.
        lines.extend(random(
            "一二三四五六七八九十〇零O○Ｏ０１９0123456789年月日-/.．、,，:：;；。()（）•>#| \t\u{3000}\u{a0}\u{200B}\u{FEFF}\u{0C}\u{85}\u{2028}\u{AD}\u{200E}\u{202C}\u{2067}甲乙成文日期索引号a年月日二〇",
            200_000,
            16,
        ));
        lines.extend(random(
            "一二九十、.．，,()（）：:10９2 甲年•>#|\u{3000}\u{200B}。;◆■📌｜○★\u{FE0F}*",
            100_000,
            14,
        ));
        lines.extend(random(
            "0129０１年月日号-/. \u{3000}一二十〇零O○Ｏ、，,．:是*",
            200_000,
            14,
        ));
        lines.extend(random(
            "第一二十部分、:：，,.． \u{3000}\u{200B}甲",
            100_000,
            9,
        ));
        // Markdown's bold marks before a heading.
        lines.extend(random("**一二、(（）)1.：: 甲\u{3000}", 100_000, 8));
        // The shortest of each kind.
        for l in [
            "2024-1-1",
            "2024/1/1 ",
            "2024年1月1日",
            "二〇二四年一月一日",
            "２０２４年１月２６日",
            "1.2023年",
            "1、",
            "12.",
            "一、",
            "十二、",
            "一 、",
            "三、四季度",
            "一、二类",
            "一、二审",
            "二、三级医院，",
            "二、三级联动",
            "一，",
            "(一)",
            "（1）",
            "# 一、",
            "•",
            ">",
            "甲：",
            "一二三四五六七八九十：",
            "第一部分",
            "第十二部分：主要举措",
            "第二部分存在的不足",
            "**一、主要举措**",
            " ** （一）甲",
            "**",
        ] {
            lines.push(l.to_string());
        }
        lines
    }

    /// `may_open` rejects only lines on which the grammar's `line` matches nothing, so
    /// skipping the parser there changes no line's kind.
    #[test]
    fn lines_skipped_without_the_parser_are_text_to_the_grammar() {
        let mut skipped = 0;
        for line in sample_lines() {
            if !may_open(&line) {
                skipped += 1;
                assert_eq!(grammar_opening(&line), None, "{line:?}");
            }
        }
        assert!(skipped > 1000, "only {skipped} lines skipped");
    }

    /// Every line `by_hand` reads gets exactly the kind the grammar gives it, and it
    /// reads the corpus's headings, bullets and fields.
    #[test]
    fn lines_read_by_hand_are_the_grammars() {
        let mut read = 0;
        for line in sample_lines() {
            let Some(kind) = by_hand(&line, 7) else {
                continue;
            };
            read += 1;
            assert_eq!(
                format!("{kind:?}"),
                format!("{:?}", parsed(&line, 7)),
                "{line:?}"
            );
        }
        assert!(read > 1000, "only {read} lines read by hand");
    }

    /// The grammar's `pipe_row` accepts a line exactly when it holds a `|`.
    #[test]
    fn pipe_rows_are_the_lines_with_a_bar() {
        for line in sample_lines() {
            let accepted = OutlineParser::parse(Rule::pipe_row, &line).is_ok();
            assert_eq!(accepted, line.contains('|'), "{line:?}");
        }
    }

    /// `key_char` is written as ranges for speed; it must accept exactly the characters
    /// that are not a separator (the set the comment in the grammar names).
    #[test]
    fn key_chars_are_everything_but_separators() {
        let separators = [
            ':', '\u{ff1a}', ',', '\u{ff0c}', '。', ';', '\u{ff1b}', ' ', '\t', '\u{3000}',
            '\u{a0}',
        ];
        let astral = (0x1_0000..=0x10_FFFF).step_by(997);
        for c in (0..=0xFFFF).chain(astral).filter_map(char::from_u32) {
            let key = c.to_string();
            let accepted = OutlineParser::parse(Rule::key, &key).is_ok();
            assert_eq!(accepted, !separators.contains(&c), "U+{:04X}", c as u32);
        }
    }
}
