//! `stray-space`: a space between two Chinese characters inside running text.

use super::{Basic, Document, Rule};
use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::inline::{Pair, Token, TokenKind};
use crate::outline::LineKind;
use crate::sentence;
use crate::words::WordMatcher;

pub type Settings = Basic;

pub const SUMMARY: &str = "两个汉字之间夹了空格（依法 行政）";

pub const DOC: &str = "\
检查内容
  正文段落和标题中，两个汉字之间的单个空格（半角、全角或不换行空格），多来自排版
  或复制，修正为删去。不报告：含制表符的表格行，报告标题、落款和网页元数据、网页
  杂项行，连续两个以上的空格（对齐），引号和书名号之内（“深化改革 推动发展”这类
  标题式的并列短语），联合发文机关之间（中共中央 国务院），单字之间（姓名“王 伟”、
  “大 中 小”），以空格分隔的三个以上短词之间（“张小明 李大伟 王建国”，删去空格会把
  名字连在一起），“第一章 总则”“第二部分 存在的不足”这类序号之后，和整篇压成一行时
  下一个标题编号之前（……情况 二、存在问题），和段首标题之后（一、主要举措和成效　全年……）。

依据
  GB/T 15834-2011《标点符号用法》和 GB/T 9704-2012《党政机关公文格式》：中文行文中
  词语之间不加空格，停顿用标点表示；GB/T 15835-2011 要求数字与单位之间不留空格
  （由 number-format 检查）。

示例
  推进依法 行政 → 推进依法行政

设置
  [rules.stray-space]
  severity = \"info\"";

pub struct Check {
    spaces: Option<WordMatcher>,
    short_line: usize,
}

impl Check {
    pub fn new(_: &Settings, config: &Config) -> Self {
        Check {
            spaces: WordMatcher::new([" ", "\u{3000}", "\u{a0}"]),
            short_line: config.outline.short_line,
        }
    }
}

/// How deep in quotation and title marks the text is, read token by token up to a
/// position that only moves forward (so a line costs time linear in its tokens); an
/// unclosed mark reaches to the line's end.
#[derive(Default)]
struct Quotes {
    next: usize,
    depth: [i32; 3],
}

impl Quotes {
    fn inside(&mut self, tokens: &[Token], pos: usize) -> bool {
        while let Some(t) = tokens.get(self.next).filter(|t| t.start() < pos) {
            self.next += 1;
            let (pair, step) = match t.kind {
                TokenKind::Open(p) => (p, 1),
                TokenKind::Close(p) => (p, -1),
                _ => continue,
            };
            let i = match pair {
                Pair::DoubleQuote => 0,
                Pair::SingleQuote => 1,
                Pair::Book => 2,
                _ => continue,
            };
            self.depth[i] = (self.depth[i] + step).max(0);
        }
        self.depth.iter().any(|&d| d > 0)
    }
}

fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{3000}' | '\u{a0}' | '\t')
}

const NUMERALS: &str = "一二三四五六七八九十";

/// Whether the space at `s[at..end]` sits where a reader expects one.
fn expected(s: &str, at: usize, end: usize) -> bool {
    let before = &s[..at];
    let after = &s[end..];
    let mut back = before.chars().rev();
    let mut on = after.chars();
    let (Some(p), Some(_)) = (back.next(), on.next()) else {
        return true;
    };
    let (pp, nn) = (back.next(), on.next());
    // Joint issuers: 中共中央 国务院, 某县委 某县人民政府.
    if "委府院厅局部办室会央".contains(p) {
        return true;
    }
    // Single characters on both sides: a name (王 伟) or chrome (大 中 小).
    if !pp.is_some_and(is_han) && !nn.is_some_and(is_han) {
        return true;
    }
    // Between short words listed with spaces (张小明 李大伟 王建国): a separator.
    if in_spaced_list(before, after) {
        return true;
    }
    // After an ordinal: 第一章 总则, 第三条 …, 第二部分 存在的不足, 一 依法行政.
    if ("章条节款编".contains(p) || before.ends_with("部分"))
        && before.chars().rev().take(6).any(|c| c == '第')
    {
        return true;
    }
    let run: String = before.chars().rev().take_while(|&c| is_han(c)).collect();
    if run.chars().all(|c| NUMERALS.contains(c)) && run.len() == before.trim_start().len() {
        return true;
    }
    // Before a heading number in a flattened text: …情况 二、存在问题.
    let numeral_run: String = after
        .chars()
        .take_while(|&c| NUMERALS.contains(c))
        .collect();
    !numeral_run.is_empty() && after[numeral_run.len()..].starts_with(['、', '是'])
}

/// The longest word of a list set apart by spaces (a name, a four-character phrase).
const LIST_WORD_CHARS: usize = 4;

/// Whether the space between `before` and `after` parts two words of a list of three or
/// more set apart by single spaces (`张小明 李大伟 王建国等`): the word on one side is a
/// short one between two spaces.
fn in_spaced_list(before: &str, after: &str) -> bool {
    middle_word(before.chars().rev()) || middle_word(after.chars())
}

/// Whether `chars` open with a word of 1 to 4 ideographs, a space and another ideograph.
fn middle_word(mut chars: impl Iterator<Item = char>) -> bool {
    let mut word = 0;
    let stop = loop {
        match chars.next() {
            Some(c) if is_han(c) => word += 1,
            other => break other,
        }
    };
    (1..=LIST_WORD_CHARS).contains(&word)
        && stop.is_some_and(is_space)
        && chars.next().is_some_and(is_han)
}

impl Rule for Check {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let Some(spaces) = &self.spaces else { return };
        let text = doc.text();
        // A run-in heading's end (`一、主要举措和成效　全年…`): the space sets the
        // heading off from its text, as a full stop would.
        let mut heading_ends: Vec<usize> = doc.outline.walk().map(|s| s.heading.end).collect();
        heading_ends.sort_unstable();
        for (line, tokens) in doc.tokens() {
            let tokens = &*tokens;
            if !matches!(
                doc.line_kind(line.start),
                Some(LineKind::Paragraph | LineKind::Heading)
            ) {
                continue;
            }
            let s = &text[line.clone()];
            // Tables (tab-separated) and short lines without a sentence end (web chrome
            // such as `今天是:… 星期三 农历…`) are no running text.
            let short = s.chars().count() <= self.short_line && !s.contains(sentence::ENDS);
            if s.contains('\t') || (short && doc.line_kind(line.start) == Some(LineKind::Paragraph))
            {
                continue;
            }
            let mut done = 0;
            let mut quotes = Quotes::default();
            for m in spaces.find_iter(s) {
                if m.start() < done {
                    continue;
                }
                let end = m.start()
                    + s[m.start()..]
                        .chars()
                        .take_while(|&c| is_space(c))
                        .map(char::len_utf8)
                        .sum::<usize>();
                done = end;
                let single = s[m.start()..end].chars().count() == 1;
                let between = s[..m.start()].chars().next_back().is_some_and(is_han)
                    && s[end..].chars().next().is_some_and(is_han);
                if !single
                    || !between
                    || expected(s, m.start(), end)
                    || heading_ends
                        .binary_search(&(line.start + m.start()))
                        .is_ok()
                {
                    continue;
                }
                let span = line.start + m.start()..line.start + end;
                if quotes.inside(tokens, span.start) {
                    continue;
                }
                out.push(
                    Diagnostic::new(span.clone(), "两个汉字之间多了空格")
                        .label("删去空格")
                        .fix(span, ""),
                );
            }
        }
    }
}
