//! `ratio-mismatch`: a stated rate that disagrees with the counts it is computed from, in
//! the same sentence (`受理A件，成功调解B件，调解成功率X%`; `由A项优化至B项，减少X%`).

use super::{Document, Rule};
use crate::config::Level;
use crate::diagnostic::Diagnostic;
use crate::inline::{Quantity, Token, TokenKind, is_han};
use crate::outline::LineKind;
use crate::sentence::{MAX_CHARS, clause_start, start_before};
use serde::Deserialize;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Settings {
    pub severity: Level,
    /// Part/whole rates: a count whose clause holds a `part` word, then a rate named by a
    /// `rate` word, after one total of the same unit.
    pub part_rates: Vec<PartRate>,
    /// Words that make a rate's name another ratio when they stand before its base word
    /// (`综合纠错率`, `按期办结率`, `一次性审议通过率`): such a rate is not checked.
    pub qualifiers: Vec<String>,
    /// The most characters between the rate word and its percentage (`达`, `为`, `达到`).
    pub rate_gap: usize,
    /// Words before the first figure of a change (`由`, `从`).
    pub from_words: Vec<String>,
    /// Words just before the second figure (`至`, `到`).
    pub to_words: Vec<String>,
    /// The most characters between the two figures of a change (`优化至`).
    pub from_to_gap: usize,
    /// Words of a decrease, directly followed by its percentage.
    pub decrease_words: Vec<String>,
    /// Words of an increase, directly followed by its percentage.
    pub increase_words: Vec<String>,
}

/// One kind of part/whole rate.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PartRate {
    pub part: Vec<String>,
    pub rate: Vec<String>,
}

pub const SUMMARY: &str = "文中比率与同一句中的数字不符（超出所写精度和“万”等单位的舍入范围）";

pub const DOC: &str = "\
检查内容
  同一句话中能确定对应关系的两种写法：
  1. 总数、部分数和比率：“受理26847件，成功调解26834件，调解成功率99.95%”。
     部分数所在分句含 part-rates 的 part 词（如“成功”），其后的比率以对应的 rate 词
     （如“成功率”）命名，二者之间没有别的数字；句中在它之前同一单位的数字只有一个，
     即总数。
  2. 变化前后的数字和变化幅度：“由204项优化至151项，减少25.9%”（from-words、
     to-words，其后紧跟 decrease-words 或 increase-words 和百分数）。
  按每个数字所写的精度及“万”“千”等单位计算其可能的真实范围（“2.35万”即
  23450–23550），只要范围内有一个值四舍五入后等于所写比率，就不报告；不足100%的
  比率舍去尾数、不进到100%（2031件办结2030件写“办结率99.9%”）也不报告。
  单位不同、带“余”“多”“约”“近”的数字、一句中有多个可能的总数时，都不比较；
  比率名称在基本词前带 qualifiers 中的限定词（“综合纠错率”“按期办结率”“一次性审议
  通过率”“就地化解率”）时，是另一种口径的比率，也不比较；部分数前带这些限定词
  （“其中即时办结3.14万件”“首次参考通过986人”），或 part 词与部分数隔着引号、书名号
  或8个字以上（“通过‘多审合一’平台受理612件”里的“通过”是介词），也不比较。

依据
  比率必须能由文中的数字算出；算不出来，要么数字错了，要么比率错了，
  审核人员通常会逐项核算。

示例
  全市检查任务由204项优化至151项，减少25.9%
  → (204−151)÷204 = 26.0%，应写“减少26.0%”，或核对两个数字。

设置
  [rules.ratio-mismatch] part-rates = [{ part = [\"成功\"], rate = [\"成功率\"] }, ...]、
  qualifiers = [\"综合\", \"按期\", …]、rate-gap、from-words、to-words、from-to-gap、decrease-words、increase-words";

settings_check!();

/// Where a rate came from, for the message.
struct Computed {
    /// The span the finding covers: the rate's name or change word, and the percentage.
    span: std::ops::Range<usize>,
    /// The figures it is computed from, as written.
    basis: String,
    /// The possible true values of the rate, in percent.
    range: (f64, f64),
}

impl Rule for Check {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        // Whether the line before was prose stopping inside a sentence: a paragraph
        // hard-wrapped (text out of a PDF), whose sentence began on an earlier line.
        let mut runs_on = false;
        let mut last_end = 0;
        for (line, tokens) in doc.tokens() {
            let tokens = &*tokens;
            let prose = doc.line_kind(line.start) == Some(LineKind::Paragraph);
            let continues =
                runs_on && prose && text[last_end..line.start].matches('\n').count() <= 1;
            let ends = text[line.clone()].trim_end().chars().next_back();
            runs_on = prose && ends.is_some_and(|c| !"。！？；!?;：:…”）】".contains(c));
            last_end = line.end;
            for (i, t) in tokens.iter().enumerate() {
                let TokenKind::Percent { value, decimals } = t.kind else {
                    continue;
                };
                let sentence = start_before(text, line.start, t.start(), MAX_CHARS);
                // (Its figures partly on the line before: not all known here.)
                if continues && sentence == line.start {
                    continue;
                }
                let first = tokens[..i].partition_point(|t| t.start() < sentence);
                let figures: Vec<&Token> =
                    tokens[first..i].iter().filter(|t| is_figure(t)).collect();
                let computed = self
                    .part_of_whole(text, sentence, &figures, t)
                    .or_else(|| self.change(text, &figures, t));
                let Some(c) = computed else { continue };
                if consistent(c.range, value, decimals) {
                    continue;
                }
                let shown = &text[c.span.clone()];
                let expected = show_range(c.range, decimals);
                out.push(
                    Diagnostic::new(
                        c.span.clone(),
                        format!("“{shown}”与文中数字不符：按{}计算应为{expected}", c.basis),
                    )
                    .label(format!("应为{expected}"))
                    .note("已按每个数字所写的精度（及“万”等单位）留出舍入余地")
                    .help("核对比率和计算它的数字"),
                );
            }
        }
    }
}

/// The most characters between a part word and its count (`成功调解26834件`,
/// `审结行政复议案件120件`).
const PART_GAP: usize = 8;

impl Check {
    /// Whether `s` holds a qualifier (`按期`, `即时`, `首次`).
    fn qualified(&self, s: &str) -> bool {
        self.settings
            .qualifiers
            .iter()
            .any(|q| !q.is_empty() && s.contains(q.as_str()))
    }

    /// Whether `gap`, between a rate word and a percentage, leaves the percentage the
    /// rate itself (`达`, `为`) rather than a change of it (`提高`).
    fn names_rate(&self, gap: &str) -> bool {
        let s = &self.settings;
        let mut changes = s.increase_words.iter().chain(&s.decrease_words);
        gap.chars().count() <= s.rate_gap
            && !changes.any(|c| !c.is_empty() && gap.contains(c.as_str()))
    }

    /// `受理A件，成功调解B件，调解成功率X%`: the rate `t` of part B in whole A.
    fn part_of_whole(
        &self,
        text: &str,
        sentence: usize,
        before: &[&Token],
        t: &Token,
    ) -> Option<Computed> {
        let clause = clause_start(text, sentence, t.start());
        let (pattern, rate_at) = self.settings.part_rates.iter().find_map(|p| {
            last_of(&text[clause..t.start()], &p.rate)
                .filter(|&(at, w)| self.names_rate(&text[clause + at + w.len()..t.start()]))
                .map(|(at, _)| (p, clause + at))
        })?;
        // `不合格率` is the rate of the other part.
        if negated(&text[..rate_at]) {
            return None;
        }
        // `综合纠错率`, `一次性审议通过率`: a qualified rate is another ratio.
        let name = &text[clause..rate_at];
        let name = &name[name
            .char_indices()
            .rev()
            .take_while(|&(_, c)| is_han(c))
            .last()
            .map_or(name.len(), |(i, _)| i)..];
        if self.qualified(name) {
            return None;
        }
        let named = clause + (text[clause..].len() - text[clause..].trim_start().len());
        // The part is the figure just before the rate, with nothing else between.
        let (part_token, rest) = before.split_last()?;
        let part = counted(part_token)?;
        let part_clause = clause_start(text, sentence, part_token.start());
        // `不合格样品42批次`, `未通过审核4件`: the other part, not this rate's.
        let (part_at, word) = last_of(&text[part_clause..part_token.start()], &pattern.part)?;
        if negated(&text[..part_clause + part_at]) {
            return None;
        }
        // `其中即时办结3.14万件`, `首次参考通过986人`: a qualified part is a share of the
        // whole, not this rate's part.
        if self.qualified(&text[part_clause..part_clause + part_at]) {
            return None;
        }
        // `通过“多审合一”平台受理612件`: the word far from its count is another word (by
        // way of).
        let gap = &text[part_clause + part_at + word.len()..part_token.start()];
        if gap.chars().count() > PART_GAP || gap.contains(['“', '《', '"']) {
            return None;
        }
        // The whole: the only other figure of that unit earlier in the sentence.
        let mut wholes = rest.iter().filter(|w| match &w.kind {
            TokenKind::Quantity(q) => q.unit == part.unit,
            _ => false,
        });
        let whole_token = wholes.next()?;
        if wholes.next().is_some() {
            return None;
        }
        let whole = counted(whole_token)?;
        let (p, w) = (bounds(part), bounds(whole));
        if p.0 > w.1 || w.0 <= 0.0 {
            return None;
        }
        let range = (p.0 / w.1 * 100.0, (p.1 / w.0).min(1.0) * 100.0);
        Some(Computed {
            span: named..t.end(),
            basis: format!(
                "“{}”和“{}”",
                &text[whole_token.start()..whole_token.end()],
                &text[part_token.start()..part_token.end()]
            ),
            range,
        })
    }

    /// `由A项优化至B项，减少X%`: the change `t` from A to B.
    fn change(&self, text: &str, before: &[&Token], t: &Token) -> Option<Computed> {
        let s = &self.settings;
        let lead = &text[..t.start()];
        let (word, decrease) = s
            .decrease_words
            .iter()
            .map(|w| (w, true))
            .chain(s.increase_words.iter().map(|w| (w, false)))
            .find(|(w, _)| !w.is_empty() && lead.ends_with(w.as_str()))?;
        let word_at = t.start() - word.len();
        let [.., from_token, to_token] = before else {
            return None;
        };
        let (from, to) = (counted(from_token)?, counted(to_token)?);
        // `151减少`: a figure read with the word's first character as its unit is not
        // joined to the word.
        let joins = text.get(to_token.end()..word_at).is_some_and(|gap| {
            gap.chars()
                .all(|c| c.is_whitespace() || ",，、".contains(c))
        });
        let between = &text[from_token.end()..to_token.start()];
        let linked = between.chars().count() <= s.from_to_gap
            && ends_with_any(between, &s.to_words)
            && !between.contains(|c: char| sentence_break(c))
            && ends_with_any(&text[..from_token.start()], &s.from_words);
        if from.unit != to.unit || !joins || !linked {
            return None;
        }
        let (a, b) = (bounds(from), bounds(to));
        if a.0 <= 0.0 || (decrease && b.0 > a.1) || (!decrease && b.1 < a.0) {
            return None;
        }
        let range = if decrease {
            ((1.0 - b.1 / a.0) * 100.0, (1.0 - b.0 / a.1) * 100.0)
        } else {
            ((b.0 / a.1 - 1.0) * 100.0, (b.1 / a.0 - 1.0) * 100.0)
        };
        Some(Computed {
            span: word_at..t.end(),
            basis: format!("“{}”", &text[from_token.start()..to_token.end()]),
            range,
        })
    }
}

/// Figures, not marks: the tokens rates are computed from or compared with.
/// Whether a negation (`不`, `未`, `没`, `无`) stands among the last three characters of
/// `before` (`不合格`, `未按期办结`): the word after it names the opposite.
fn negated(before: &str) -> bool {
    before
        .chars()
        .rev()
        .take(3)
        .any(|c| matches!(c, '不' | '未' | '没' | '无' | '非'))
}

fn is_figure(t: &Token) -> bool {
    !matches!(
        t.kind,
        TokenKind::HalfWidthPunct(_)
            | TokenKind::Open(_)
            | TokenKind::Close(_)
            | TokenKind::TitleComma
    )
}

/// The quantity of `t`, when it is an exact-as-written count with a unit.
pub(super) fn counted(t: &Token) -> Option<&Quantity> {
    match &t.kind {
        TokenKind::Quantity(q) if !q.approx && !q.unit.is_empty() && q.value.is_finite() => Some(q),
        _ => None,
    }
}

/// The true values a figure can have, given its written precision: `2.35万` is
/// 23450–23550; a whole number without a multiplier is exact.
pub(super) fn bounds(q: &Quantity) -> (f64, f64) {
    if q.decimals == 0 && q.multiplier() == 1.0 {
        return (q.value, q.value);
    }
    let half = 0.5 * 10f64.powi(-i32::from(q.decimals)) * q.multiplier();
    let total = q.total();
    ((total - half).max(0.0), total + half)
}

/// Whether a value in `range` (percent) rounds to `value` at `decimals` places, or is
/// cut to it short of 100% (2030 of 2031 cases closed: `99.9%`, not a `100.0%` that
/// would say all were).
fn consistent(range: (f64, f64), value: f64, decimals: u8) -> bool {
    let half = 0.5 * 10f64.powi(-i32::from(decimals));
    let eps = 1e-9 * value.abs().max(1.0);
    let short_of_all = value + 2.0 * half >= 100.0 - eps && range.0 < 100.0 && range.1 >= value;
    range.1 >= value - half - eps && range.0 <= value + half + eps || short_of_all
}

/// `26.0%`, or `99.15%～100.00%` when the figures leave a range.
fn show_range(range: (f64, f64), decimals: u8) -> String {
    let d = usize::from(decimals.min(6));
    let (lo, hi) = (format!("{:.d$}", range.0), format!("{:.d$}", range.1));
    if lo == hi {
        format!("{lo}%")
    } else {
        format!("{lo}%～{hi}%")
    }
}

/// The last occurrence in `text` of any of `words`, with the word.
fn last_of<'w>(text: &str, words: &'w [String]) -> Option<(usize, &'w str)> {
    words
        .iter()
        .filter(|w| !w.is_empty())
        .filter_map(|w| text.rfind(w.as_str()).map(|at| (at, w.as_str())))
        .max_by_key(|&(at, w)| at + w.len())
}

fn ends_with_any(text: &str, words: &[String]) -> bool {
    words
        .iter()
        .any(|w| !w.is_empty() && text.ends_with(w.as_str()))
}

fn sentence_break(c: char) -> bool {
    crate::sentence::CLAUSE_ENDS.contains(&c)
}
