//! Inline tokenizer: finds the figures, dates, ranges, paired marks and stray half-width
//! punctuation inside one paragraph, with byte offsets into it.
//!
//! The grammar `grammar/inline.pest` is the definition of every token: its `inline` rule
//! parses a paragraph into plain text and tokens. [`tokenize`] is a fast path that reads
//! the same tokens without pest: it skips plain text, and at each char that can begin a
//! token it follows the grammar's `token` rule by hand (marks from a small table, figures
//! by reading the digits once and branching on what follows). Tests check that it yields
//! exactly the tokens of the grammar's `inline`, on the seed corpus and on synthetic and
//! random text; a change to the grammar must be made here too, or they fail.
//!
//! Each token is read from where it starts and nothing beyond it is looked at, so time is
//! linear and memory flat even on a 50 MB line.

use pest_derive::Parser;
use std::ops::Range;

/// The parser of `grammar/inline.pest`: the reference the fast path is checked against
/// (only tests run it; building it here keeps the grammar compiled and `Rule` public).
#[derive(Parser)]
#[grammar = "grammar/inline.pest"]
#[cfg_attr(not(test), allow(dead_code))]
struct InlineParser;

/// One token of a paragraph: `text[start..end]` (byte offsets). The offsets are held in
/// 32 bits (a text is under 4 GiB), so a token takes 32 bytes: a document holds many.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub kind: TokenKind,
    start: u32,
    end: u32,
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

/// A number with what belongs to it: multiplier, approximation and unit. Small and
/// without heap data, as a document holds one per figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// The number as written (2.35 for `2.35万`).
    pub value: f64,
    /// Digits after the decimal point as written.
    pub decimals: u8,
    /// The multiplier's power of ten: 0, 1 (十), 2 (百), 3 (千), 4 (万), 8 (亿); two in a
    /// row add up (千万: 7). See [`Quantity::multiplier`].
    pub power: u8,
    /// Followed by 余/多, or preceded by 约/近/超/逾/超过.
    pub approx: bool,
    /// One Han character plus a following 次 (`件`, `人次`, `个`), or "" when none follows.
    /// Whitespace before it (`74 名`) is found by [`Token::unit_gap`].
    pub unit: Unit,
}

impl Quantity {
    /// A bare number: no multiplier, unit or approximation.
    fn plain(value: f64, decimals: u8) -> Self {
        Quantity {
            value,
            decimals,
            power: 0,
            approx: false,
            unit: Unit::default(),
        }
    }

    /// 1, 10 (十), 1e2 (百), 1e3 (千), 1e4 (万), 1e8 (亿); two in a row multiply (千万).
    pub fn multiplier(&self) -> f64 {
        POWERS_OF_TEN[usize::from(self.power)]
    }

    /// The value with its multiplier applied: 23500 for `2.35万`.
    pub fn total(&self) -> f64 {
        self.value * self.multiplier()
    }
}

/// 10^0 ..= 10^16, exactly: the multipliers two multiplier characters can make.
const POWERS_OF_TEN: [f64; 17] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
];

/// A quantity's unit as written, held inline in four bytes: 次, or one Han character of
/// the Basic Multilingual Plane (three bytes in UTF-8) and an optional 次; empty for none.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub struct Unit {
    /// The first character's UTF-8 bytes; zero for none.
    first: [u8; 3],
    /// A 次 follows the first character.
    ci: bool,
}

impl Unit {
    /// The unit `s` (the tokenizer's `unit`: a three-byte character and an optional 次).
    fn new(s: &str) -> Unit {
        match s.as_bytes() {
            [a, b, c, rest @ ..] => Unit {
                first: [*a, *b, *c],
                ci: rest == "次".as_bytes(),
            },
            _ => Unit::default(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.first[0] == 0
    }

    /// Its length in bytes as written.
    pub fn len(&self) -> usize {
        match (self.is_empty(), self.ci) {
            (true, _) => 0,
            (false, ci) => 3 + 3 * usize::from(ci),
        }
    }
}

impl std::fmt::Display for Unit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if !self.is_empty() {
            f.write_str(std::str::from_utf8(&self.first).unwrap_or_default())?;
        }
        if self.ci {
            f.write_str("次")?;
        }
        Ok(())
    }
}

impl std::fmt::Debug for Unit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&self.to_string(), f)
    }
}

/// A date as written; any of year, month and day may be missing.
#[derive(Debug, Clone, PartialEq)]
pub struct Date {
    pub year: Option<i32>,
    /// At most two digits as written (`13月` is kept, to be reported).
    pub month: Option<u8>,
    pub day: Option<u8>,
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

fn days_in_month(year: Option<i32>, month: u8) -> u8 {
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
    pub fn new(kind: TokenKind, start: usize, end: usize) -> Self {
        Token {
            kind,
            start: start as u32,
            end: end as u32,
        }
    }

    pub fn start(&self) -> usize {
        self.start as usize
    }

    pub fn end(&self) -> usize {
        self.end as usize
    }

    pub fn span(&self) -> Range<usize> {
        self.start()..self.end()
    }

    /// The token with its offsets moved `by` bytes on (from its line into the text).
    pub fn shift(&mut self, by: usize) {
        self.start += by as u32;
        self.end += by as u32;
    }

    /// The whitespace between a quantity's number and its unit (`74 名`): the `ws` run
    /// that ends where the unit begins, at the token's end. `text` is the text the
    /// token's offsets are in.
    pub fn unit_gap(&self, text: &str) -> Option<Range<usize>> {
        let TokenKind::Quantity(q) = &self.kind else {
            return None;
        };
        if q.unit.is_empty() {
            return None;
        }
        let unit_start = self.end() - q.unit.len();
        let b = text.as_bytes();
        let mut start = unit_start;
        loop {
            match b.get(self.start()..start).unwrap_or_default() {
                [.., b' ' | b'\t'] => start -= 1,
                [.., 0xC2, 0xA0] => start -= 2,
                [.., 0xE3, 0x80, 0x80] => start -= 3,
                _ => break,
            }
        }
        (start < unit_start).then_some(start..unit_start)
    }

    /// The half-width mark this token flags as out of place in Chinese text: the char of a
    /// [`TokenKind::HalfWidthPunct`], or a half-width `(`/`)` next to Han text.
    pub fn half_width_punct(&self, text: &str) -> Option<char> {
        match self.kind {
            TokenKind::HalfWidthPunct(c) => Some(c),
            TokenKind::Open(Pair::Paren) | TokenKind::Close(Pair::Paren) => {
                let c = text.get(self.span())?.chars().next()?;
                (c.is_ascii() && next_to_han(text, self.start(), self.end())).then_some(c)
            }
            _ => None,
        }
    }
}

/// Tokens of one paragraph, sorted by start and non-overlapping.
///
/// Plain text is skipped a char at a time up to the next char that can begin a token
/// (those the grammar's `plain` stops at); the token there is read by [`run`], which
/// follows the grammar's `token` rule by rule. Nothing is allocated but the tokens and
/// the unit of a quantity, and nothing is read beyond the token, so time is linear and
/// memory flat on a line of any length.
pub fn tokenize(text: &str) -> Vec<Token> {
    // About one token in 30 bytes in reports: room for them, nothing for a short line,
    // bounded for a huge one.
    let mut tokens = Vec::with_capacity((text.len() / 24).min(1024));
    tokenize_into(text, &mut tokens);
    tokens
}

/// [`tokenize`], appending to `tokens`: a document's lines share one vector, so a line
/// costs only its tokens (no vector, no reserved capacity of its own).
pub fn tokenize_into(text: &str, tokens: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let mut pos = 0;
    while let Some(at) = next_start(bytes, pos) {
        pos = run(text, at, tokens);
    }
}

/// The first char at or after `from` (a char boundary) that can start a token: an ASCII
/// letter or digit, `,;:?!()`, or `《》“”‘’【】（）`.
fn next_start(b: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    // Eight bytes at a time: only an ASCII byte or the lead byte of a mark can begin a
    // token. A step may end inside a char; that is harmless, as neither kind of byte
    // continues one.
    while let Some(chunk) = b.get(i..i + 8) {
        let mut candidates = candidates(u64::from_le_bytes(chunk.try_into().ok()?));
        while candidates != 0 {
            let at = i + candidates.trailing_zeros() as usize / 8;
            if is_start(b, at) {
                return Some(at);
            }
            candidates &= candidates - 1;
        }
        i += 8;
    }
    (i..b.len()).find(|&at| is_start(b, at))
}

/// Whether the byte at `i` begins a char that can begin a token.
fn is_start(b: &[u8], i: usize) -> bool {
    match b[i] {
        c @ 0..0x80 => ASCII_START[usize::from(c)],
        0xE2 | 0xE3 | 0xEF => mark(b, i).is_some(),
        _ => false,
    }
}

/// The ASCII chars that can begin a token: letters, digits and `,;:?!()`.
const ASCII_START: [bool; 128] = {
    let mut table = [false; 128];
    let mut c = 0;
    while c < 128 {
        let b = c as u8;
        table[c] = b.is_ascii_alphanumeric()
            || matches!(b, b',' | b';' | b':' | b'?' | b'!' | b'(' | b')');
        c += 1;
    }
    table
};

/// The bytes of `word` (little-endian) that are ASCII or E2, E3 or EF, the lead bytes of
/// U+2000..U+3FFF and U+F000..U+FFFF, where the full-width marks are: each as its high bit.
fn candidates(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The high bit of each zero byte of `v`, exactly (no carries between bytes).
    let zero = |v: u64| !((v & !HIGH).wrapping_add(!HIGH) | v) & HIGH;
    !word & HIGH | zero((word | ONES) ^ (0xE3 * ONES)) | zero(word ^ (0xEF * ONES))
}

/// The full-width mark at `i`: `《》“”‘’【】（）`, whether it opens, and its pair.
fn mark(b: &[u8], i: usize) -> Option<(bool, Pair)> {
    match b.get(i..i + 3)? {
        [0xE3, 0x80, 0x8A] => Some((true, Pair::Book)),
        [0xE3, 0x80, 0x8B] => Some((false, Pair::Book)),
        [0xE2, 0x80, 0x9C] => Some((true, Pair::DoubleQuote)),
        [0xE2, 0x80, 0x9D] => Some((false, Pair::DoubleQuote)),
        [0xE2, 0x80, 0x98] => Some((true, Pair::SingleQuote)),
        [0xE2, 0x80, 0x99] => Some((false, Pair::SingleQuote)),
        [0xE3, 0x80, 0x90] => Some((true, Pair::Bracket)),
        [0xE3, 0x80, 0x91] => Some((false, Pair::Bracket)),
        [0xEF, 0xBC, 0x88] => Some((true, Pair::Paren)),
        [0xEF, 0xBC, 0x89] => Some((false, Pair::Paren)),
        _ => None,
    }
}

/// Reads the grammar's `token` at `at` into `tokens`: `half_punct | open | title_list |
/// close | figure | opaque`. Returns where scanning resumes.
fn run(text: &str, at: usize, tokens: &mut Vec<Token>) -> usize {
    let b = text.as_bytes();
    let mut push = |kind, start, end| tokens.push(Token::new(kind, start, end));
    match b[at] {
        c @ (b',' | b';' | b':' | b'?' | b'!') => {
            if out_of_place(text, at, at + 1) {
                push(TokenKind::HalfWidthPunct(char::from(c)), at, at + 1);
            }
            at + 1
        }
        b'(' => {
            push(TokenKind::Open(Pair::Paren), at, at + 1);
            at + 1
        }
        b')' => {
            push(TokenKind::Close(Pair::Paren), at, at + 1);
            at + 1
        }
        b'0'..=b'9' => match figure(text, at) {
            Some((kind, end)) => {
                push(kind, at, end);
                end
            }
            None => opaque(b, at),
        },
        c if c.is_ascii_alphabetic() => opaque(b, at),
        _ => match mark(b, at) {
            Some((true, pair)) => {
                push(TokenKind::Open(pair), at, at + 3);
                at + 3
            }
            Some((false, pair)) => {
                push(TokenKind::Close(pair), at, at + 3);
                // `title_list`: `》、《` or `”、“`.
                let list = match pair {
                    Pair::Book => "》、《",
                    Pair::DoubleQuote => "”、“",
                    _ => return at + 3,
                };
                if !b[at..].starts_with(list.as_bytes()) {
                    return at + 3;
                }
                push(TokenKind::TitleComma, at + 3, at + 6);
                at + 6
            }
            None => at + text[at..].chars().next().map_or(1, char::len_utf8),
        },
    }
}

// ---- opaque ASCII runs ------------------------------------------------------------------

/// The end of the grammar's `opaque` run at `at`: a letter, or digits then a letter or
/// `/`, then `run_char`s. `at` must begin one.
fn opaque(b: &[u8], at: usize) -> usize {
    let mut i = digits(b, at) + 1;
    while let Some(&c) = b.get(i) {
        let joins = c.is_ascii_alphanumeric()
            || c == b'/'
            || b"-._:?=&%#+~@".contains(&c)
                && b.get(i + 1)
                    .is_some_and(|&n| n.is_ascii_alphanumeric() || n == b'/');
        if !joins {
            break;
        }
        i += 1;
    }
    i
}

// ---- figures ----------------------------------------------------------------------------

/// The grammar's `figure` at `at` (a digit) with its end, or None where it is `opaque`.
fn figure(text: &str, at: usize) -> Option<(TokenKind, usize)> {
    let b = text.as_bytes();
    if let Some(year_end) = year(b, at) {
        let found = numeric_date(b, at, year_end, b'-', DateStyle::Dashed)
            .or_else(|| numeric_date(b, at, year_end, b'/', DateStyle::Slashed))
            .or_else(|| year_range(text, at, year_end))
            .or_else(|| month_range(text, at))
            .or_else(|| date_cn(b, at));
        if found.is_some() {
            return found;
        }
    } else if let Some(month_end) = short(b, at) {
        let after = gap(b, month_end);
        if tag(b, after, "月").is_some() || range_sep(text, after).is_some() {
            let found = month_range(text, at).or_else(|| date_cn(b, at));
            if found.is_some() {
                return found;
            }
        }
    }
    let after_digits = b.get(digits(b, at));
    if after_digits.is_some_and(|&c| c.is_ascii_alphabetic() || c == b'/') {
        return None;
    }
    Some(measure(text, at))
}

/// `measure`: a number, then `percent | points | ratio | quantity`.
fn measure(text: &str, at: usize) -> (TokenKind, usize) {
    let b = text.as_bytes();
    let num_end = number_end(b, at);
    let (value, decimals) = number(&text[at..num_end]);
    if let Some(end) = tag(b, num_end, "%").or_else(|| tag(b, num_end, "\u{FF05}")) {
        return (TokenKind::Percent { value, decimals }, end);
    }
    let before_points = gap(b, num_end);
    let before_points = tag(b, before_points, "个").unwrap_or(before_points);
    if let Some(end) = tag(b, before_points, "百分点") {
        return (TokenKind::Points { value, decimals }, end);
    }
    let colon = tag(b, num_end, ":").or_else(|| tag(b, num_end, "\u{FF1A}"));
    if let Some(right) = colon.filter(|&i| b.get(i).is_some_and(u8::is_ascii_digit)) {
        let end = number_end(b, right);
        let right = number(&text[right..end]).0;
        return (TokenKind::Ratio { left: value, right }, end);
    }
    // quantity = approx? ~ multiplier? ~ approx? ~ (unit_gap? ~ unit)?
    let mut q = Quantity::plain(value, decimals);
    q.approx = approx_before(&text[..at]);
    let mut i = num_end;
    if let Some(end) = approx(b, i) {
        (q.approx, i) = (true, end);
    }
    let mut multipliers = 0;
    while multipliers < 2
        && let Some(p) = text
            .get(i..)
            .and_then(|rest| rest.chars().next())
            .and_then(power)
    {
        q.power += p;
        (i, multipliers) = (i + 3, multipliers + 1);
    }
    if let Some(end) = approx(b, i) {
        (q.approx, i) = (true, end);
    }
    let unit_start = gap(b, i);
    if let Some(end) = unit(text, unit_start) {
        q.unit = Unit::new(&text[unit_start..end]);
        i = end;
    }
    (TokenKind::Quantity(q), i)
}

/// Value and decimal count of a `number` as written (`1,268.5`: 1268.5, 1 decimal).
fn number(s: &str) -> (f64, u8) {
    let decimals = s.find('.').map_or(0, |dot| s.len() - dot - 1);
    let value = match s.contains([',', '\u{2009}', '\u{202F}']) {
        true => s.replace([',', '\u{2009}', '\u{202F}'], "").parse(),
        false => s.parse(),
    };
    (
        value.unwrap_or(f64::INFINITY),
        u8::try_from(decimals).unwrap_or(u8::MAX),
    )
}

/// The end of `number` at `at` (a digit): digits (grouped by thousands with commas, or
/// not), then `.` and digits if present.
fn number_end(b: &[u8], at: usize) -> usize {
    let mut end = digits(b, at);
    // grouped: one to three digits, then a comma or thin space and exactly three
    // digits, once or more.
    if end - at <= 3 {
        let group = |i: usize| {
            let sep = match b.get(i) {
                Some(b',') => Some(i + 1),
                _ => tag(b, i, "\u{2009}").or_else(|| tag(b, i, "\u{202F}")),
            };
            sep.filter(|&d| digits(b, d) == d + 3).map(|d| d + 3)
        };
        while let Some(next) = group(end) {
            end = next;
        }
    }
    match b.get(end + 1) {
        Some(c) if b[end] == b'.' && c.is_ascii_digit() => digits(b, end + 1),
        _ => end,
    }
}

/// `approx`: 余 or 多.
fn approx(b: &[u8], i: usize) -> Option<usize> {
    tag(b, i, "余").or_else(|| tag(b, i, "多"))
}

/// The power of ten of a `multiplier` char.
fn power(c: char) -> Option<u8> {
    match c {
        '十' => Some(1),
        '百' => Some(2),
        '千' => Some(3),
        '万' => Some(4),
        '亿' => Some(8),
        _ => None,
    }
}

/// The end of `unit` at `i`: 次, or one Han char and an optional 次.
fn unit(text: &str, i: usize) -> Option<usize> {
    let c = text.get(i..)?.chars().next()?;
    if c == '次' {
        return Some(i + 3);
    }
    is_ideograph(c).then(|| tag(text.as_bytes(), i + 3, "次").unwrap_or(i + 3))
}

/// Whether the text before a number ends with a word marking it as approximate.
fn approx_before(before: &str) -> bool {
    ["约", "近", "超", "逾"].iter().any(|w| before.ends_with(w)) || before.ends_with("超过")
}

// ---- dates and ranges -------------------------------------------------------------------

/// `date_dashed` or `date_slashed` (by `sep`) at `at`, whose year ends at `year_end`.
fn numeric_date(
    b: &[u8],
    at: usize,
    year_end: usize,
    sep: u8,
    style: DateStyle,
) -> Option<(TokenKind, usize)> {
    let month_start = year_end + 1;
    let month_end = (b.get(year_end) == Some(&sep)).then(|| short(b, month_start))??;
    let day_start = month_end + 1;
    let day_end = (b.get(month_end) == Some(&sep)).then(|| short(b, day_start))??;
    let time_end = time(b, day_end);
    let end = time_end.unwrap_or(day_end);
    if run_tail(b, end) {
        return None;
    }
    let date = Date {
        year: Some(value(b, at, year_end)),
        month: Some(month_or_day(b, month_start, month_end)),
        day: Some(month_or_day(b, day_start, day_end)),
        style,
        padded: b[month_start] == b'0' || b[day_start] == b'0',
        spaced: false,
        has_time: time_end.is_some(),
    };
    Some((TokenKind::Date(date), end))
}

/// The end of `time` at `i`: whitespace, `h:mm` or `hh:mm`, and an optional `:ss`.
fn time(b: &[u8], i: usize) -> Option<usize> {
    let hour = gap(b, i);
    if hour == i {
        return None;
    }
    let hour_digits = b[hour..]
        .iter()
        .take(2)
        .take_while(|c| c.is_ascii_digit())
        .count();
    let minutes = tag(b, hour + hour_digits, ":").filter(|_| hour_digits > 0)?;
    let two = |i: usize| {
        b.get(i..i + 2)
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
    };
    if !two(minutes) {
        return None;
    }
    let seconds = minutes + 3;
    Some(if b.get(minutes + 2) == Some(&b':') && two(seconds) {
        seconds + 2
    } else {
        minutes + 2
    })
}

/// `run_tail` at `i`: what may not follow a dashed or slashed date.
fn run_tail(b: &[u8], i: usize) -> bool {
    let alnum = |i: usize| b.get(i).is_some_and(u8::is_ascii_alphanumeric);
    alnum(i)
        || b.get(i) == Some(&b'/')
        || matches!(b.get(i), Some(b'-' | b'.' | b'_')) && alnum(i + 1)
}

/// `date_cn` at `at`: `year gap? 年 month_day?`, else `month gap? 月 day_part?`.
fn date_cn(b: &[u8], at: usize) -> Option<(TokenKind, usize)> {
    let mut date = Date {
        year: None,
        month: None,
        day: None,
        style: DateStyle::Chinese,
        padded: false,
        spaced: false,
        has_time: false,
    };
    let after_year = year(b, at).and_then(|year_end| {
        let nian = gap(b, year_end);
        let end = tag(b, nian, "年")?;
        date.year = Some(value(b, at, year_end));
        date.spaced = nian > year_end;
        Some(end)
    });
    let end = match after_year {
        Some(end) => {
            let month = gap(b, end);
            match month_day(b, month, &mut date) {
                Some(month_end) => {
                    date.spaced |= month > end;
                    month_end
                }
                None => end,
            }
        }
        None => month_day(b, at, &mut date)?,
    };
    Some((TokenKind::Date(date), end))
}

/// `month gap? 月 (gap? day gap? 日)?` at `i` into `date`; its end.
fn month_day(b: &[u8], i: usize, date: &mut Date) -> Option<usize> {
    let month_end = short(b, i)?;
    let yue = gap(b, month_end);
    let mut end = tag(b, yue, "月")?;
    date.month = Some(month_or_day(b, i, month_end));
    date.padded |= b[i] == b'0';
    date.spaced |= yue > month_end;
    let day = gap(b, end);
    if let Some(day_end) = short(b, day) {
        let ri = gap(b, day_end);
        if let Some(ri_end) = tag(b, ri, "日") {
            date.day = Some(month_or_day(b, day, day_end));
            date.padded |= b[day] == b'0';
            date.spaced |= day > end || ri > day_end;
            end = ri_end;
        }
    }
    Some(end)
}

/// `month_range` at `at`: `(year gap? 年 gap?)? month gap? 月? range_to month gap? 月`.
fn month_range(text: &str, at: usize) -> Option<(TokenKind, usize)> {
    let b = text.as_bytes();
    let mut year_value = None;
    let mut from = at;
    if let Some(year_end) = year(b, at)
        && let Some(end) = tag(b, gap(b, year_end), "年")
    {
        year_value = Some(value(b, at, year_end));
        from = gap(b, end);
    }
    let from_end = short(b, from)?;
    let after = gap(b, from_end);
    let after = tag(b, after, "月").unwrap_or(after);
    let (to, sep) = range_to(text, after)?;
    let to_end = short(b, to)?;
    let end = tag(b, gap(b, to_end), "月")?;
    let range = TokenKind::MonthRange {
        year: year_value,
        from: value(b, from, from_end),
        to: value(b, to, to_end),
        sep,
    };
    Some((range, end))
}

/// `year_range` at `at`, whose year ends at `year_end`:
/// `year (gap? 年)? range_to year gap? 年`.
fn year_range(text: &str, at: usize, year_end: usize) -> Option<(TokenKind, usize)> {
    let b = text.as_bytes();
    let after = tag(b, gap(b, year_end), "年").unwrap_or(year_end);
    let (to, sep) = range_to(text, after)?;
    let to_end = year(b, to)?;
    let end = tag(b, gap(b, to_end), "年")?;
    let range = TokenKind::YearRange {
        from: value(b, at, year_end),
        to: value(b, to, to_end),
        sep,
    };
    Some((range, end))
}

/// `range_to` at `i`: `gap? range_sep gap?`; where it ends, and the separator.
fn range_to(text: &str, i: usize) -> Option<(usize, char)> {
    let sep = gap(text.as_bytes(), i);
    let (end, c) = range_sep(text, sep)?;
    Some((gap(text.as_bytes(), end), c))
}

/// `range_sep` at `i`: its end and char.
fn range_sep(text: &str, i: usize) -> Option<(usize, char)> {
    let c = text.get(i..)?.chars().next()?;
    let is_sep = matches!(
        c,
        '-' | '—' | '\u{FF5E}' | '~' | '–' | '―' | '〜' | '\u{FF0D}' | '至'
    );
    is_sep.then(|| (i + c.len_utf8(), c))
}

/// The end of `year` at `i`: `19dd`, `20dd` or `2100`, with no digit after.
fn year(b: &[u8], i: usize) -> Option<usize> {
    let digits = b.get(i..i + 4)?;
    let year = digits.iter().all(u8::is_ascii_digit)
        && (digits.starts_with(b"19") || digits.starts_with(b"20") || digits == b"2100")
        && !b.get(i + 4).is_some_and(u8::is_ascii_digit);
    year.then_some(i + 4)
}

/// The end of `month` or `day` at `i`: one or two digits, with no digit after.
fn short(b: &[u8], i: usize) -> Option<usize> {
    let end = digits(b, i);
    (1..=2).contains(&(end - i)).then_some(end)
}

/// The value of the digits `b[start..end]` (at most four).
fn value<T: From<u16>>(b: &[u8], start: usize, end: usize) -> T {
    let v = b[start..end]
        .iter()
        .fold(0u16, |v, &d| v * 10 + u16::from(d - b'0'));
    T::from(v)
}

/// The value of the one or two digits `b[start..end]` of a month or day.
fn month_or_day(b: &[u8], start: usize, end: usize) -> u8 {
    u8::try_from(value::<u16>(b, start, end)).unwrap_or(u8::MAX)
}

// ---- bytes ------------------------------------------------------------------------------

/// The end of the ASCII digits at `i`.
fn digits(b: &[u8], i: usize) -> usize {
    i + b.get(i..).map_or(0, |rest| {
        rest.iter().take_while(|c| c.is_ascii_digit()).count()
    })
}

/// The end of `gap?` at `i`: spaces, tabs, ideographic and no-break spaces.
fn gap(b: &[u8], mut i: usize) -> usize {
    loop {
        match b.get(i..).unwrap_or_default() {
            [b' ' | b'\t', ..] => i += 1,
            [0xC2, 0xA0, ..] => i += 2,
            [0xE3, 0x80, 0x80, ..] => i += 3,
            _ => return i,
        }
    }
}

/// The end of `s` if it is at `i`.
fn tag(b: &[u8], i: usize, s: &str) -> Option<usize> {
    let rest = b.get(i..)?;
    rest.starts_with(s.as_bytes()).then_some(i + s.len())
}

// ---- marks ------------------------------------------------------------------------------

/// Whether the half-width mark `text[start..end]` is out of place in Chinese text: next to
/// a Han character or CJK punctuation, and not the `!` or `?` ending an English phrase
/// (`“Law Matters!”`).
fn out_of_place(text: &str, start: usize, end: usize) -> bool {
    let english_end = matches!(text.as_bytes()[start], b'!' | b'?')
        && text[..start]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_alphabetic());
    next_to_han(text, start, end) && !english_end
}

/// Whether `text[start..end]` has a Han character or CJK punctuation on either side.
fn next_to_han(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    before.is_some_and(is_han) || after.is_some_and(is_han)
}

/// A CJK ideograph (of the basic block, extension A or the compatibility block), without
/// the punctuation [`is_han`] takes too.
pub fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}

/// CJK ideographs and the punctuation used with them.
pub fn is_han(c: char) -> bool {
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

/// Tokens as the grammar gives them: the pairs of a pest parse turned into [`Token`]s.
#[cfg(test)]
mod grammar {
    use super::*;
    use pest::Parser;
    use pest::iterators::Pair as PestPair;
    use std::str::FromStr;

    /// The grammar's `inline` parse of a whole paragraph.
    pub(super) fn tokenize(text: &str) -> Vec<Token> {
        let pairs = InlineParser::parse(Rule::inline, text).expect("inline accepts any text");
        pairs
            .filter_map(|pair| {
                let (start, end) = (pair.as_span().start(), pair.as_span().end());
                let kind = token_kind(pair, text, start, end)?;
                Some(Token::new(kind, start, end))
            })
            .collect()
    }

    /// The spans of the grammar's `unit_gap`s in `text`.
    pub(super) fn unit_gaps(text: &str) -> Vec<Range<usize>> {
        let pairs = InlineParser::parse(Rule::inline, text).expect("inline accepts any text");
        pairs
            .flatten()
            .filter(|p| p.as_rule() == Rule::unit_gap)
            .map(|p| p.as_span().start()..p.as_span().end())
            .collect()
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
            Rule::half_punct if out_of_place(text, start, end) => {
                TokenKind::HalfWidthPunct(first_char(pair.as_str()))
            }
            _ => return None,
        };
        Some(kind)
    }

    // ---- figures ----------------------------------------------------------------------------

    /// A `measure`: a number, then a `percent`, `points`, `ratio` or `quantity` tail.
    fn measure(pair: PestPair<Rule>, text: &str, start: usize) -> TokenKind {
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
                    quantity_tail(&mut q, tail);
                }
                TokenKind::Quantity(q)
            }
        }
    }

    /// Fills in what a `quantity` tail says: approximation, multiplier and unit.
    fn quantity_tail(q: &mut Quantity, tail: PestPair<Rule>) {
        for part in tail.into_inner() {
            match part.as_rule() {
                Rule::approx => q.approx = true,
                Rule::multiplier => q.power = part.as_str().chars().filter_map(power).sum(),
                Rule::unit => q.unit = Unit::new(part.as_str()),
                _ => {}
            }
        }
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
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<TokenKind> {
        tokenize(text).into_iter().map(|t| t.kind).collect()
    }

    fn spans(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| &text[t.span()]).collect()
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
            power: multiplier.log10() as u8,
            approx,
            unit: Unit::new(unit),
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

    /// A document holds one token per figure, mark and date, all at once: they stay
    /// small and own no heap data.
    #[test]
    fn tokens_are_compact() {
        assert!(std::mem::size_of::<TokenKind>() <= 24);
        assert!(std::mem::size_of::<Token>() <= 32);
    }

    #[test]
    fn unit_after_a_space() {
        let text = "74 名部门";
        let qs = quantities(text);
        assert_eq!(qs[0].unit.to_string(), "名");
        let tokens = tokenize(text);
        assert_eq!(tokens[0].unit_gap(text), Some(2..3));
        assert_eq!(spans(text), ["74 名"]);
        let wide = "74\u{3000}\u{a0} 名";
        assert_eq!(tokenize(wide)[0].unit_gap(wide), Some(2..8));
        assert_eq!(tokenize("74名")[0].unit_gap("74名"), None);
        assert_eq!(tokenize("74 ")[0].unit_gap("74 "), None);
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
        assert_eq!(quantities("2101年")[0].unit.to_string(), "年");
        assert_eq!(quantities("20周年")[0].unit.to_string(), "周");
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
        // The `!` or `?` ending an English phrase in Chinese quotes is English.
        assert_eq!(
            kinds("标语“Law Matters!”和“Ask?”"),
            [
                TokenKind::Open(Pair::DoubleQuote),
                TokenKind::Close(Pair::DoubleQuote),
                TokenKind::Open(Pair::DoubleQuote),
                TokenKind::Close(Pair::DoubleQuote),
            ]
        );
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
                    .all(|t| text.is_char_boundary(t.start()) && t.end() <= text.len())
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
            &text[tokens[2 * n - 2].start()..tokens[2 * n - 1].end()],
            "92.11%,"
        );
    }

    /// The lines of the seed corpus, or None (with a notice) where it is absent.
    fn seed_lines() -> Option<Vec<String>> {
        let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/seeds");
        let Ok(entries) = std::fs::read_dir(seeds) else {
            println!("notice: no seed corpus at {seeds}; seed checks skipped");
            return None;
        };
        let mut lines = Vec::new();
        for entry in entries {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            lines.extend(text.lines().map(str::to_owned));
        }
        Some(lines)
    }

    /// Asserts that the fast path gives exactly the grammar's tokens for `text`.
    fn agrees(text: &str) {
        let tokens = tokenize(text);
        assert_eq!(tokens, grammar::tokenize(text), "{text:?}");
        let gaps: Vec<Range<usize>> = tokens.iter().filter_map(|t| t.unit_gap(text)).collect();
        assert_eq!(gaps, grammar::unit_gaps(text), "{text:?}");
    }

    #[test]
    fn skipping_agrees_with_the_grammar() {
        let every_ascii: String = (0u8..0x80).map(char::from).collect();
        let marks = "《》“”‘’()【】、。,;:\u{FF08}\u{FF09}\u{FF0C}\u{FF1A}\u{FF05}\u{FF5E}—–";
        let mixed = format!("{every_ascii}中{marks}文1{every_ascii}2024年{marks}");
        agrees(&mixed);
        let examples = concat!(env!("CARGO_MANIFEST_DIR"), "/examples");
        for entry in std::fs::read_dir(examples).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt") {
                std::fs::read_to_string(path)
                    .unwrap()
                    .lines()
                    .for_each(agrees);
            }
        }
        if let Some(lines) = seed_lines() {
            assert!(lines.len() > 100);
            lines.iter().for_each(|line| agrees(line));
        }
    }

    #[test]
    fn fast_path_agrees_with_the_grammar_on_edge_cases() {
        // One case between each `|`.
        const CASES: &str = "\
            2024-02-19|2024-02-19 08:41|2024-03-04 14:54:56|2024-02-19 8:41|\
            2024-02-19 123:45|2024-02-19 08:4|2024-02-19 08:41:5|2024-02-19 08:411|\
            2024-02-19a|2024-02-19-1|2024-02-19-|2024-02-19.5|2024-02-19_x|2024-02-19/|\
            2024-2-1|2024-123-1|2024/1/26|2024/1/26/|2024/1|2024/|2024/a|20245/1|2101-01-01|\
            1899-01-01|2100-01-01|2100年|2024年|2024 年|2024\u{3000}年1 月 2\u{A0}日|2024年1月|\
            2024年 1月|2024年1 月|2024年1月 26日|2024年1月26 日|2024年1月26|2024年123月|2024年01月05日|\
            2024年1-11月|2024年 1 - 11 月|2024年1月-11月|2024年1月至11月|2024年1-11|2024年1-|2024 1-11月|\
            1-11月|1月-11月|1 月 - 11 月|1—11月|1～11月|1~11月|1–11月|1―11月|1〜11月|1－11月|1至11月|1-111月|\
            1-11|1-|1月|13月|0月0日|1 月|12月25日|12月25|123月|2021-2025年|2021—2025年|2021年-2025年|\
            2021 年 - 2025 年|2021-2025|2021-20255年|2021-1900年|2021年至2025年|2021-25年|99.95%|\
            99.95\u{FF05}|99.%|0.42个百分点|3 个百分点|3百分点|3 百分点|3个百分|2.57:1|2.57\u{FF1A}1.5|2.57:|\
            2.57:a|1:2:3|26847件|2.35万起|1.7万余起|5千余人|3千万元|3万千万元|225万多元|74 名|74\u{3000}名|74 |\
            74 次次|700余人次|5次|5次次|5人次次|5余多人|5多余人|约5人|超过5人|近5|逾5|超5|过5|5𠀀|5\u{3400}|5\u{F900}次|\
            5A|5a1|12/3|1.5.6|1..5|5.|.5|0.5|007|LH331082-001/2024-131251|\
            http://a.b/c?x=1&y=2#z|a-|a-b|a--b|a:b|a:|www.gov.cn:点击|x@y.z|5A景区|《A》、《B》|\
            “A”、“B”|》、《|》、|”、“|”、《|’、‘|】、【|)、(|《》、《》|中,文|,|a,b|中;|;中|中:1|1:中|(一)|f(x)|（一）|\
            \u{FF08}|【】|‘’|2024-02-19 08:41\u{3000}|20241-2|1,243个|1,268.5万元|12,345,678元|\
            12,3456|1243,567|1,24|1,2,3|1,243,|1,243.|1,243.5%|1,243:1|2:1,243|中1,243中|1,243A|\
            2024,1,243|9,999,9999|1\u{2009}243个|1\u{202F}243\u{202F}567元|1\u{2009}24|1\u{2009}2435";
        CASES.split('|').for_each(agrees);
        // Every start, at every offset from the eight-byte steps of the scan.
        for start in [
            "《", "》", "“", "”", "‘", "’", "【", "】", "（", "）", "(", ",", "1", "a",
        ] {
            for pad in 0..24 {
                let filler = ["中", "é", "𠀀", "。", "\u{2014}", "\u{FF0C}"][pad % 6];
                let text = format!("{}{start}中{}", filler.repeat(pad), filler.repeat(pad));
                agrees(&text);
                assert!(start == "a" || !tokenize(&text).is_empty(), "{text}");
            }
        }
    }

    #[test]
    fn fast_path_agrees_with_the_grammar_on_random_text() {
        const PIECES: &[&str] = &[
            "0",
            "1",
            "2",
            "9",
            "05",
            "12",
            "19",
            "20",
            "21",
            "00",
            "2024",
            "2100",
            "1999",
            "2101",
            "20245",
            "3.5",
            ".",
            "-",
            "/",
            ":",
            "\u{FF1A}",
            "%",
            "\u{FF05}",
            "—",
            "\u{FF5E}",
            "~",
            "–",
            "―",
            "〜",
            "\u{FF0D}",
            "至",
            "_",
            "+",
            "=",
            "&",
            "#",
            "@",
            "?",
            " ",
            " ",
            "\u{3000}",
            "\t",
            "\u{A0}",
            "\u{2009}",
            "年",
            "年",
            "月",
            "月",
            "日",
            "个",
            "百分点",
            "百",
            "分",
            "点",
            "万",
            "千",
            "亿",
            "十",
            "余",
            "多",
            "次",
            "人",
            "约",
            "近",
            "超",
            "超过",
            "逾",
            "中",
            "𠀀",
            "。",
            ",",
            ";",
            "!",
            "、",
            "《",
            "》",
            "“",
            "”",
            "‘",
            "’",
            "(",
            ")",
            "\u{FF08}",
            "\u{FF09}",
            "【",
            "】",
            "\u{FF0C}",
            "a",
            "Z",
            "x",
            "http",
            "\u{0}",
            "é",
            "\n",
            "2024-02-19",
            "2024/1/26",
            " 08:41",
            "8:41",
            ":56",
            "2024年",
            "1月",
            "26日",
            "1-11月",
            "2021-2025年",
            "-11月",
            "-2025年",
            "0.42",
            "个百分点",
            "万余",
            "人次",
            "-1",
            "-a",
            ".a",
            "_1",
            "/2",
        ];
        // xorshift64*: the same strings on every run.
        let mut state = 0x9E37_79B9_7F4A_7C15_u64;
        let mut next = move |n: usize| {
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            (state.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n
        };
        let mut text = String::new();
        for _ in 0..20_000 {
            text.clear();
            for _ in 0..1 + next(12) {
                text.push_str(PIECES[next(PIECES.len())]);
            }
            agrees(&text);
        }
    }

    #[test]
    fn seed_tokens_are_sorted_and_disjoint() {
        for line in seed_lines().unwrap_or_default() {
            let tokens = tokenize(&line);
            assert!(tokens.iter().all(|t| t.start < t.end));
            assert!(tokens.windows(2).all(|w| w[0].end <= w[1].start), "{line}");
        }
    }
}
