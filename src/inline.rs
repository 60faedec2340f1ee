//! Inline tokenizer: finds the figures, dates, ranges, paired marks and stray half-width
//! punctuation inside one paragraph, with byte offsets into it.
//!
//! The grammar is `grammar/inline.pest`; this module runs it and turns its pairs into
//! [`Token`]s. Plain text is skipped here without the parser, and each parse reads one
//! token, so time stays linear and memory small even on a 50 MB line.

use std::str::FromStr;

use pest::Parser;
use pest::iterators::Pair as PestPair;
use pest_derive::Parser;

#[derive(Parser)]
#[grammar = "grammar/inline.pest"]
struct InlineParser;

/// One token of a paragraph: `text[start..end]` (byte offsets).
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub kind: TokenKind,
    pub start: usize,
    pub end: usize,
}

/// What a token is, with the values read from it.
#[derive(Debug, Clone, PartialEq)]
pub enum TokenKind {
    /// `26847件`, `2.35万起`, `1.7万余起`, `5千余人`, `74 名`, `700余人次`, `0.5`, `15份`
    Quantity(Quantity),
    /// `99.95%`, `134.41%`, `100%` (or a full-width percent sign); `value` is the number
    /// before the sign, `decimals` the digits after its point.
    Percent { value: f64, decimals: u8 },
    /// `0.42个百分点`, `3个百分点`
    Points { value: f64, decimals: u8 },
    /// `2.57:1`, with a half- or full-width colon
    Ratio { left: f64, right: f64 },
    /// `2024年1月26日`, `2024-02-19 08:41`, `2024/1/26`, `2024年3月`, `12月25日`, `13月`,
    /// and a year alone (`2023年以来`, `2024年度`: four digits in 1900..=2100, then 年)
    Date(Date),
    /// `1-11月`, `1月-11月`, `1—11月`, `1～11月`, `2023年1-11月` (year `Some(2023)`)
    MonthRange {
        year: Option<i32>,
        from: u32,
        to: u32,
        sep: char,
    },
    /// `2021-2025年`, `2021—2025年`
    YearRange { from: i32, to: i32, sep: char },
    /// `《` `“` `‘` `(` `【`, and the full-width parenthesis
    Open(Pair),
    /// `》` `”` `’` `)` `】`, and the full-width parenthesis
    Close(Pair),
    /// the `、` in `》、《` or `”、“`
    TitleComma,
    /// a half-width `,` `;` `:` `?` `!` with a Han character or CJK punctuation on at
    /// least one side (so not in `2.57:1` or a URL). Half-width `(` `)` are
    /// [`TokenKind::Open`]/[`TokenKind::Close`], so that pairing sees them; use
    /// [`Token::half_width_punct`] to find all half-width marks.
    HalfWidthPunct(char),
}

/// The kinds of paired marks. Half- and full-width parentheses are both `Paren`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pair {
    Book,
    DoubleQuote,
    SingleQuote,
    Paren,
    Bracket,
}

/// A number with what belongs to it: multiplier, approximation and unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// The number as written (2.35 for `2.35万`).
    pub value: f64,
    /// Digits after the decimal point as written.
    pub decimals: u8,
    /// 1, 10 (十), 1e2 (百), 1e3 (千), 1e4 (万), 1e8 (亿); two in a row multiply (千万).
    pub multiplier: f64,
    /// Followed by 余/多, or preceded by 约/近/超/逾/超过.
    pub approx: bool,
    /// One Han character plus a following 次 (`件`, `人次`, `个`), or "" when none follows.
    pub unit: String,
    /// Byte span of whitespace between the number and its unit (`74 名`).
    pub unit_gap: Option<(usize, usize)>,
}

impl Quantity {
    /// A bare number: no multiplier, unit or approximation.
    fn plain(value: f64, decimals: u8) -> Self {
        Quantity {
            value,
            decimals,
            multiplier: 1.0,
            approx: false,
            unit: String::new(),
            unit_gap: None,
        }
    }

    /// The value with its multiplier applied: 23500 for `2.35万`.
    pub fn total(&self) -> f64 {
        self.value * self.multiplier
    }
}

/// A date as written; any of year, month and day may be missing.
#[derive(Debug, Clone, PartialEq)]
pub struct Date {
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
    pub style: DateStyle,
    /// A month or day written with a leading zero (`01月`, `2024-02-19`).
    pub padded: bool,
    /// Whitespace inside the date (`2024 年1月26日`).
    pub spaced: bool,
    /// A clock time follows (`2024-02-19 08:41`).
    pub has_time: bool,
}

/// How a date is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateStyle {
    /// `2024年1月26日`
    Chinese,
    /// `2024-02-19`
    Dashed,
    /// `2024/1/26`
    Slashed,
}

impl Date {
    /// True when year/month/day, as far as given, can exist: month 1..=12 and the day
    /// within its month (29 February only in leap years; without a year it is allowed).
    pub fn is_valid(&self) -> bool {
        let Some(month) = self.month else {
            return self.day.is_none();
        };
        if !(1..=12).contains(&month) {
            return false;
        }
        self.day
            .is_none_or(|day| (1..=days_in_month(self.year, month)).contains(&day))
    }
}

fn days_in_month(year: Option<i32>, month: u32) -> u32 {
    match month {
        2 if year.is_none_or(is_leap_year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

impl Token {
    /// The half-width mark this token flags as out of place in Chinese text: the char of a
    /// [`TokenKind::HalfWidthPunct`], or a half-width `(`/`)` next to Han text.
    pub fn half_width_punct(&self, text: &str) -> Option<char> {
        match self.kind {
            TokenKind::HalfWidthPunct(c) => Some(c),
            TokenKind::Open(Pair::Paren) | TokenKind::Close(Pair::Paren) => {
                let c = text.get(self.start..self.end)?.chars().next()?;
                (c.is_ascii() && next_to_han(text, self.start, self.end)).then_some(c)
            }
            _ => None,
        }
    }
}

/// Tokens of one paragraph, sorted by start and non-overlapping.
///
/// Plain text is skipped here, byte by byte, up to the next char that can begin a token;
/// the grammar's `run` then reads the token there. This gives the tokens of the grammar's
/// `inline` (a test checks it) faster than pest skips plain text, and keeps each parse,
/// and its memory, as small as one token.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut pos = 0;
    while let Some(at) = next_start(text, pos) {
        pos = parse_run(text, at, &mut tokens);
    }
    tokens
}

/// The first char at or after `from` that can start a token.
fn next_start(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = from;
    while let Some(&b) = bytes.get(i) {
        match b {
            0x00..=0x7F if is_start(char::from(b)) => return Some(i),
            // Lead bytes of U+2000..U+3FFF and U+F000..U+FFFF, where the marks are.
            0xE2 | 0xE3 | 0xEF if text[i..].chars().next().is_some_and(is_start) => {
                return Some(i);
            }
            _ => i += 1,
        }
    }
    None
}

/// Chars that can begin a token or an opaque ASCII run: those the grammar's `plain` stops at.
fn is_start(c: char) -> bool {
    const MARKS: &str = ",;:?!()《》“”‘’【】\u{FF08}\u{FF09}";
    c.is_ascii_alphanumeric() || MARKS.contains(c)
}

/// Parses the token at `at` (if any) into `tokens`; returns where scanning resumes.
fn parse_run(text: &str, at: usize, tokens: &mut Vec<Token>) -> usize {
    let next_char = at + text[at..].chars().next().map_or(1, char::len_utf8);
    let Some(run) = InlineParser::parse(Rule::run, &text[at..])
        .ok()
        .and_then(|mut pairs| pairs.next())
    else {
        return next_char;
    };
    let end = at + run.as_span().end();
    for pair in run.into_inner() {
        let (start, end) = (at + pair.as_span().start(), at + pair.as_span().end());
        if let Some(kind) = token_kind(pair, text, start, end) {
            tokens.push(Token { kind, start, end });
        }
    }
    end.max(next_char)
}

fn token_kind(pair: PestPair<Rule>, text: &str, start: usize, end: usize) -> Option<TokenKind> {
    let kind = match pair.as_rule() {
        Rule::measure => measure(pair, text, start),
        Rule::date_dashed => TokenKind::Date(date(pair, DateStyle::Dashed)),
        Rule::date_slashed => TokenKind::Date(date(pair, DateStyle::Slashed)),
        Rule::date_cn => TokenKind::Date(date(pair, DateStyle::Chinese)),
        Rule::month_range => month_range(pair),
        Rule::year_range => year_range(pair),
        Rule::open => TokenKind::Open(pair_kind(pair.as_str())),
        Rule::close => TokenKind::Close(pair_kind(pair.as_str())),
        Rule::title_comma => TokenKind::TitleComma,
        Rule::half_punct if next_to_han(text, start, end) => {
            TokenKind::HalfWidthPunct(first_char(pair.as_str()))
        }
        _ => return None,
    };
    Some(kind)
}

// ---- figures ----------------------------------------------------------------------------

/// Value and decimal count of a `number` as written.
fn number(s: &str) -> (f64, u8) {
    let decimals = s.find('.').map_or(0, |dot| s.len() - dot - 1);
    let value = s.parse().unwrap_or(f64::INFINITY);
    (value, u8::try_from(decimals).unwrap_or(u8::MAX))
}

/// A `measure`: a number, then a `percent`, `points`, `ratio` or `quantity` tail.
fn measure(pair: PestPair<Rule>, text: &str, start: usize) -> TokenKind {
    let offset = start - pair.as_span().start();
    let mut parts = pair.into_inner();
    let (value, decimals) = parts.next().map_or((0.0, 0), |p| number(p.as_str()));
    match parts.next() {
        Some(tail) if tail.as_rule() == Rule::percent => TokenKind::Percent { value, decimals },
        Some(tail) if tail.as_rule() == Rule::points => TokenKind::Points { value, decimals },
        Some(tail) if tail.as_rule() == Rule::ratio => {
            let right = tail
                .into_inner()
                .next()
                .map_or(0.0, |p| number(p.as_str()).0);
            TokenKind::Ratio { left: value, right }
        }
        tail => {
            let mut q = Quantity::plain(value, decimals);
            q.approx = approx_before(&text[..start]);
            if let Some(tail) = tail {
                quantity_tail(&mut q, tail, offset);
            }
            TokenKind::Quantity(q)
        }
    }
}

/// Fills in what a `quantity` tail says: approximation, multiplier, unit and its gap.
fn quantity_tail(q: &mut Quantity, tail: PestPair<Rule>, offset: usize) {
    for part in tail.into_inner() {
        match part.as_rule() {
            Rule::approx => q.approx = true,
            Rule::multiplier => q.multiplier = part.as_str().chars().map(multiplier).product(),
            Rule::unit_gap => {
                let span = part.as_span();
                q.unit_gap = Some((offset + span.start(), offset + span.end()));
            }
            Rule::unit => q.unit = part.as_str().to_owned(),
            _ => {}
        }
    }
}

fn multiplier(c: char) -> f64 {
    match c {
        '十' => 10.0,
        '百' => 1e2,
        '千' => 1e3,
        '万' => 1e4,
        _ => 1e8,
    }
}

/// Whether the text before a number ends with a word marking it as approximate.
fn approx_before(before: &str) -> bool {
    ["约", "近", "超", "逾"].iter().any(|w| before.ends_with(w)) || before.ends_with("超过")
}

// ---- dates and ranges -------------------------------------------------------------------

fn date(pair: PestPair<Rule>, style: DateStyle) -> Date {
    let mut d = Date {
        year: None,
        month: None,
        day: None,
        style,
        padded: false,
        spaced: false,
        has_time: false,
    };
    for part in pair.into_inner() {
        let s = part.as_str();
        match part.as_rule() {
            Rule::year => d.year = s.parse().ok(),
            Rule::month => d.month = s.parse().ok(),
            Rule::day => d.day = s.parse().ok(),
            Rule::gap => d.spaced = true,
            Rule::time => d.has_time = true,
            _ => {}
        }
        if matches!(part.as_rule(), Rule::month | Rule::day) && s.starts_with('0') {
            d.padded = true;
        }
    }
    d
}

fn month_range(pair: PestPair<Rule>) -> TokenKind {
    let year = parts(&pair, Rule::year).next();
    let mut months = parts(&pair, Rule::month);
    let (from, to) = (months.next().unwrap_or(0), months.next().unwrap_or(0));
    let sep = range_sep(&pair);
    TokenKind::MonthRange {
        year,
        from,
        to,
        sep,
    }
}

fn year_range(pair: PestPair<Rule>) -> TokenKind {
    let mut years = parts(&pair, Rule::year);
    let (from, to) = (years.next().unwrap_or(0), years.next().unwrap_or(0));
    let sep = range_sep(&pair);
    TokenKind::YearRange { from, to, sep }
}

/// The parts of `pair` that are `rule`, parsed as numbers.
fn parts<T: FromStr>(pair: &PestPair<Rule>, rule: Rule) -> impl Iterator<Item = T> {
    let matching = pair
        .clone()
        .into_inner()
        .filter(move |p| p.as_rule() == rule);
    matching.filter_map(|p| p.as_str().parse().ok())
}

fn range_sep(pair: &PestPair<Rule>) -> char {
    let sep = pair
        .clone()
        .into_inner()
        .find(|p| p.as_rule() == Rule::range_sep);
    sep.map_or('-', |p| first_char(p.as_str()))
}

// ---- marks ------------------------------------------------------------------------------

fn pair_kind(mark: &str) -> Pair {
    match first_char(mark) {
        '《' | '》' => Pair::Book,
        '“' | '”' => Pair::DoubleQuote,
        '‘' | '’' => Pair::SingleQuote,
        '【' | '】' => Pair::Bracket,
        _ => Pair::Paren,
    }
}

fn first_char(s: &str) -> char {
    s.chars().next().unwrap_or_default()
}

/// Whether `text[start..end]` has a Han character or CJK punctuation on either side.
fn next_to_han(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    before.is_some_and(is_han) || after.is_some_and(is_han)
}

/// CJK ideographs and the punctuation used with them.
fn is_han(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3134F}'
        | '\u{3000}'..='\u{303F}'
        | '\u{FF00}'..='\u{FFEF}'
        | '\u{2018}'..='\u{201D}'
        | '\u{2014}'
        | '\u{2026}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<TokenKind> {
        tokenize(text).into_iter().map(|t| t.kind).collect()
    }

    fn spans(text: &str) -> Vec<&str> {
        tokenize(text)
            .iter()
            .map(|t| &text[t.start..t.end])
            .collect()
    }

    fn quantities(text: &str) -> Vec<Quantity> {
        let quantity = |k| match k {
            TokenKind::Quantity(q) => Some(q),
            _ => None,
        };
        kinds(text).into_iter().filter_map(quantity).collect()
    }

    /// The one date in `text`.
    fn date(text: &str) -> Date {
        let dates: Vec<Date> = kinds(text)
            .into_iter()
            .filter_map(|k| match k {
                TokenKind::Date(d) => Some(d),
                _ => None,
            })
            .collect();
        assert_eq!(dates.len(), 1, "{text}: {dates:?}");
        dates[0].clone()
    }

    fn q(value: f64, decimals: u8, multiplier: f64, approx: bool, unit: &str) -> Quantity {
        Quantity {
            value,
            decimals,
            multiplier,
            approx,
            unit: unit.to_owned(),
            unit_gap: None,
        }
    }

    #[test]
    fn counts_and_rate() {
        let text = "受理26847件,成功调解26834件,调解成功率99.95%";
        assert_eq!(
            kinds(text),
            [
                TokenKind::Quantity(q(26847.0, 0, 1.0, false, "件")),
                TokenKind::HalfWidthPunct(','),
                TokenKind::Quantity(q(26834.0, 0, 1.0, false, "件")),
                TokenKind::HalfWidthPunct(','),
                TokenKind::Percent {
                    value: 99.95,
                    decimals: 2
                },
            ]
        );
        assert_eq!(spans(text), ["26847件", ",", "26834件", ",", "99.95%"]);
    }

    #[test]
    fn ten_thousands_and_growth_over_100() {
        let text = "收案2.35万起,同比增长134.41%,调处成功2.34万起,成功率99.84%";
        let qs = quantities(text);
        assert_eq!(
            qs,
            [q(2.35, 2, 1e4, false, "起"), q(2.34, 2, 1e4, false, "起")]
        );
        assert_eq!(qs[0].total(), 23500.0);
        assert!(kinds(text).contains(&TokenKind::Percent {
            value: 134.41,
            decimals: 2
        }));
        assert_eq!(spans(text)[0], "2.35万起");
    }

    #[test]
    fn items_and_reduction() {
        let text = "由204项优化至151项,减少25.9%";
        assert_eq!(
            quantities(text),
            [q(204.0, 0, 1.0, false, "项"), q(151.0, 0, 1.0, false, "项")]
        );
        assert_eq!(
            kinds(text).last(),
            Some(&TokenKind::Percent {
                value: 25.9,
                decimals: 1
            })
        );
    }

    #[test]
    fn percentage_points() {
        assert_eq!(
            kinds("纠错率同比下降0.42个百分点"),
            [TokenKind::Points {
                value: 0.42,
                decimals: 2
            }]
        );
        assert_eq!(spans("下降3个百分点;"), ["3个百分点", ";"]);
    }

    #[test]
    fn full_width_percent_and_ratio() {
        assert_eq!(
            kinds("达100\u{FF05}"),
            [TokenKind::Percent {
                value: 100.0,
                decimals: 0
            }]
        );
        assert_eq!(
            kinds("为2.57\u{FF1A}1"),
            [TokenKind::Ratio {
                left: 2.57,
                right: 1.0
            }]
        );
    }

    #[test]
    fn ratio_is_not_punctuation() {
        assert_eq!(
            kinds("人案比值为2.57:1。"),
            [TokenKind::Ratio {
                left: 2.57,
                right: 1.0
            }]
        );
    }

    #[test]
    fn approximate_quantities() {
        assert_eq!(quantities("参与群众5千余人"), [q(5.0, 0, 1e3, true, "人")]);
        assert_eq!(quantities("5千余人")[0].total(), 5000.0);
        assert_eq!(
            quantities("处置事件1.7万余起"),
            [q(1.7, 1, 1e4, true, "起")]
        );
        assert_eq!(
            quantities("培训考试达700余人次"),
            [q(700.0, 0, 1.0, true, "人次")]
        );
        assert_eq!(
            quantities("节约费用近8500万元"),
            [q(8500.0, 0, 1e4, true, "元")]
        );
        assert_eq!(quantities("超过100人"), [q(100.0, 0, 1.0, true, "人")]);
        assert_eq!(quantities("共225万多元"), [q(225.0, 0, 1e4, true, "元")]);
    }

    #[test]
    fn units() {
        assert_eq!(quantities("12个月"), [q(12.0, 0, 1.0, false, "个")]);
        assert_eq!(quantities("活动91场次"), [q(91.0, 0, 1.0, false, "场次")]);
        assert_eq!(quantities("3千万元")[0].total(), 3e7);
    }

    #[test]
    fn unit_after_a_space() {
        let text = "74 名部门";
        let qs = quantities(text);
        assert_eq!(qs[0].unit, "名");
        assert_eq!(qs[0].unit_gap, Some((2, 3)));
        assert_eq!(spans(text), ["74 名"]);
        assert_eq!(quantities("74名")[0].unit_gap, None);
    }

    #[test]
    fn bare_numbers() {
        assert_eq!(
            quantities("行政诉讼败诉率保持0。"),
            [q(0.0, 0, 1.0, false, "")]
        );
        assert_eq!(
            quantities("1+3+X"),
            [q(1.0, 0, 1.0, false, ""), q(3.0, 0, 1.0, false, "")]
        );
        assert_eq!(quantities("提升至0.5"), [q(0.5, 1, 1.0, false, "")]);
        assert_eq!(spans("1.强化组织"), ["1"]);
    }

    #[test]
    fn chinese_dates() {
        let d = date("2024年1月26日");
        assert_eq!((d.year, d.month, d.day), (Some(2024), Some(1), Some(26)));
        assert_eq!(d.style, DateStyle::Chinese);
        assert!(!d.padded && !d.spaced && !d.has_time && d.is_valid());
        assert_eq!(spans("落款2023年12月25日。"), ["2023年12月25日"]);
    }

    #[test]
    fn spaced_date() {
        let d = date("2024 年1月26日");
        assert!(d.spaced);
        assert_eq!((d.year, d.month, d.day), (Some(2024), Some(1), Some(26)));
        assert_eq!(spans("2024 年1月26日"), ["2024 年1月26日"]);
    }

    #[test]
    fn padded_date() {
        assert!(date("2024年01月26日").padded);
        assert!(date("2024-02-19").padded);
        assert!(!date("2024-12-19").padded);
    }

    #[test]
    fn validity() {
        assert!(!date("2023年2月30日").is_valid());
        assert!(!date("2024-04-31").is_valid());
        assert!(!date("13月").is_valid());
        assert!(date("2024年2月29日").is_valid());
        assert!(!date("2023年2月29日").is_valid());
        assert!(date("2000年2月29日").is_valid());
        assert!(!date("1900年2月29日").is_valid());
        assert!(!date("2024年4月0日").is_valid());
        assert!(date("2024年12月31日").is_valid());
    }

    #[test]
    fn partial_dates() {
        let d = date("2024年3月");
        assert_eq!((d.year, d.month, d.day), (Some(2024), Some(3), None));
        let d = date("12月25日");
        assert_eq!((d.year, d.month, d.day), (None, Some(12), Some(25)));
        assert_eq!(date("每年3月初").month, Some(3));
    }

    #[test]
    fn year_alone() {
        assert_eq!(spans("2023年以来,义乌市"), ["2023年", ","]);
        assert_eq!(date("2024年度").year, Some(2024));
        // Not a year: five digits, or outside 1900..=2100.
        assert_eq!(quantities("20245年"), [q(20245.0, 0, 1.0, false, "年")]);
        assert_eq!(quantities("2101年")[0].unit, "年");
        assert_eq!(quantities("20周年")[0].unit, "周");
    }

    #[test]
    fn web_dates() {
        let d = date("发布时间:2024-02-19 08:41");
        assert_eq!((d.year, d.month, d.day), (Some(2024), Some(2), Some(19)));
        assert!(d.has_time);
        assert_eq!(d.style, DateStyle::Dashed);
        assert_eq!(
            spans("发布日期: 2024-03-04 14:54:56"),
            [":", "2024-03-04 14:54:56"]
        );
        let d = date("2024/1/26");
        assert_eq!(
            (d.style, d.padded, d.day),
            (DateStyle::Slashed, false, Some(26))
        );
    }

    #[test]
    fn identifiers_are_opaque() {
        assert_eq!(kinds("LH331082-001/2024-131251"), []);
        assert_eq!(kinds("330782000000/2024-549121"), []);
        assert_eq!(spans("索引号: | 11330723002601475B/2024-239743 |"), [":"]);
        assert_eq!(kinds("打造5A景区"), []);
        assert_eq!(
            kinds("http://www.yw.gov.cn/art/2024/1/26/art_1.html?x=1"),
            []
        );
        assert_eq!(spans("见www.gov.cn:点击"), [":"]);
    }

    #[test]
    fn month_ranges() {
        let range = |year, from, to, sep| TokenKind::MonthRange {
            year,
            from,
            to,
            sep,
        };
        assert_eq!(
            kinds("2023年1-11月行政复议"),
            [range(Some(2023), 1, 11, '-')]
        );
        assert_eq!(spans("2023年1-11月行政复议"), ["2023年1-11月"]);
        assert_eq!(kinds("今年1月-11月共受理"), [range(None, 1, 11, '-')]);
        assert_eq!(
            kinds("1-10月,武义县"),
            [range(None, 1, 10, '-'), TokenKind::HalfWidthPunct(',')]
        );
        assert_eq!(kinds("1—11月"), [range(None, 1, 11, '—')]);
        assert_eq!(kinds("1\u{FF5E}11月"), [range(None, 1, 11, '\u{FF5E}')]);
    }

    #[test]
    fn year_ranges() {
        assert_eq!(
            kinds("纲要(2021-2025年)》"),
            [
                TokenKind::Open(Pair::Paren),
                TokenKind::YearRange {
                    from: 2021,
                    to: 2025,
                    sep: '-'
                },
                TokenKind::Close(Pair::Paren),
                TokenKind::Close(Pair::Book),
            ]
        );
        assert_eq!(
            kinds("2021—2025年"),
            [TokenKind::YearRange {
                from: 2021,
                to: 2025,
                sep: '—'
            }]
        );
    }

    #[test]
    fn a_hyphen_between_numbers_is_no_range() {
        assert_eq!(
            quantities("1-3"),
            [q(1.0, 0, 1.0, false, ""), q(3.0, 0, 1.0, false, "")]
        );
        assert_eq!(
            quantities("1-3个"),
            [q(1.0, 0, 1.0, false, ""), q(3.0, 0, 1.0, false, "个")]
        );
    }

    #[test]
    fn comma_between_titles_and_quotations() {
        let text = "《A》、《B》";
        assert_eq!(
            kinds(text),
            [
                TokenKind::Open(Pair::Book),
                TokenKind::Close(Pair::Book),
                TokenKind::TitleComma,
                TokenKind::Open(Pair::Book),
                TokenKind::Close(Pair::Book),
            ]
        );
        assert_eq!(spans(text)[2], "、");
        assert!(kinds("“A”、“B”").contains(&TokenKind::TitleComma));
    }

    #[test]
    fn other_commas_are_not_title_commas() {
        assert!(!kinds("《A》《B》").contains(&TokenKind::TitleComma));
        assert!(!kinds("《A》、“B”").contains(&TokenKind::TitleComma));
        assert!(!kinds("公务员、企事业单位").contains(&TokenKind::TitleComma));
    }

    #[test]
    fn paired_marks() {
        assert_eq!(
            kinds("【加入收藏】‘甲’"),
            [
                TokenKind::Open(Pair::Bracket),
                TokenKind::Close(Pair::Bracket),
                TokenKind::Open(Pair::SingleQuote),
                TokenKind::Close(Pair::SingleQuote),
            ]
        );
        assert_eq!(
            kinds("条例》"),
            [TokenKind::Close(Pair::Book)],
            "an unopened title still yields its close"
        );
    }

    #[test]
    fn half_width_marks_next_to_han() {
        assert_eq!(
            kinds("深化改革;是否?好!"),
            [
                TokenKind::HalfWidthPunct(';'),
                TokenKind::HalfWidthPunct('?'),
                TokenKind::HalfWidthPunct('!'),
            ]
        );
        assert_eq!(
            kinds("“枫桥经验”,"),
            [
                TokenKind::Open(Pair::DoubleQuote),
                TokenKind::Close(Pair::DoubleQuote),
                TokenKind::HalfWidthPunct(','),
            ]
        );
        assert_eq!(kinds("a, b; c"), []);
    }

    #[test]
    fn half_and_full_width_parentheses() {
        let half = "(一)强力";
        let full = "\u{FF08}一\u{FF09}强力";
        assert_eq!(
            kinds(half),
            [TokenKind::Open(Pair::Paren), TokenKind::Close(Pair::Paren)]
        );
        assert_eq!(kinds(full), kinds(half));
        let marks = |text| {
            tokenize(text)
                .iter()
                .filter_map(|t| t.half_width_punct(text))
                .collect::<Vec<_>>()
        };
        assert_eq!(marks(half), ['(', ')']);
        assert_eq!(marks(full), []);
        assert_eq!(marks("f(x)"), []);
        assert_eq!(marks("件,共"), [',']);
    }

    #[test]
    fn full_width_punctuation_is_no_token() {
        assert_eq!(kinds("受理\u{FF0C}调解\u{FF1B}成功\u{FF1A}是"), []);
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in [
            "",
            "年",
            "2024",
            "2024-",
            "2024-02-",
            "2024年1月",
            "1.",
            ".5",
            "5.",
            "99%%",
            "1:",
            "\u{0}",
            "\u{10FFFF}",
            "《",
            "、《",
            "》、",
            "2024 ",
            "1 - ",
            "2.57:",
            "𠀀5𠀀",
        ] {
            let tokens = tokenize(text);
            assert!(
                tokens
                    .iter()
                    .all(|t| text.is_char_boundary(t.start) && t.end <= text.len())
            );
        }
        assert_eq!(quantities("2024")[0].value, 2024.0);
    }

    #[test]
    fn huge_numbers_saturate() {
        let digits = "9".repeat(400);
        let qs = quantities(&digits);
        assert_eq!(qs.len(), 1);
        assert!(qs[0].value.is_infinite());
        let decimals = format!("1.{}", "5".repeat(300));
        assert_eq!(quantities(&decimals)[0].decimals, u8::MAX);
    }

    #[test]
    fn long_line_is_linear_and_flat() {
        let sentence = format!(
            "{}满意度提升至92.11%,覆盖全市。",
            "开展学法活动推进依法行政".repeat(8)
        );
        let n = 5_000_000 / sentence.len();
        let text = sentence.repeat(n);
        let tokens = tokenize(&text);
        assert_eq!(tokens.len(), 2 * n);
        assert!(tokens.windows(2).all(|w| w[0].end <= w[1].start));
        assert_eq!(
            &text[tokens[2 * n - 2].start..tokens[2 * n - 1].end],
            "92.11%,"
        );
    }

    /// The grammar's `inline` parse of a whole paragraph, which `tokenize` must match.
    fn tokenize_whole(text: &str) -> Vec<Token> {
        let pairs = InlineParser::parse(Rule::inline, text).expect("inline accepts any text");
        pairs
            .filter_map(|pair| {
                let (start, end) = (pair.as_span().start(), pair.as_span().end());
                let kind = token_kind(pair, text, start, end)?;
                Some(Token { kind, start, end })
            })
            .collect()
    }

    #[test]
    fn skipping_agrees_with_the_grammar() {
        let every_ascii: String = (0u8..0x80).map(char::from).collect();
        let marks = "《》“”‘’()【】、。,;:\u{FF08}\u{FF09}\u{FF0C}\u{FF1A}\u{FF05}\u{FF5E}—–";
        let mixed = format!("{every_ascii}中{marks}文1{every_ascii}2024年{marks}");
        assert_eq!(tokenize(&mixed), tokenize_whole(&mixed));
        let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/seeds");
        let mut checked = 0;
        for entry in std::fs::read_dir(seeds).expect("the seed corpus is present") {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            for line in text.lines() {
                assert_eq!(tokenize(line), tokenize_whole(line), "{line}");
                checked += 1;
            }
        }
        assert!(checked > 100);
    }

    #[test]
    fn seed_tokens_are_sorted_and_disjoint() {
        let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/seeds");
        for entry in std::fs::read_dir(seeds).expect("the seed corpus is present") {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            for line in text.lines() {
                let tokens = tokenize(line);
                assert!(tokens.iter().all(|t| t.start < t.end));
                assert!(tokens.windows(2).all(|w| w[0].end <= w[1].start), "{line}");
            }
        }
    }
}
