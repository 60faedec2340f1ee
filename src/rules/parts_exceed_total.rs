//! `parts-exceed-total`: the parts listed after `其中` add up to more than their total.

use super::ratio_mismatch::{bounds, counted};
use super::{Document, Rule};
use crate::config::Level;
use crate::diagnostic::Diagnostic;
use crate::inline::{Quantity, Token, TokenKind, Unit};
use crate::sentence::{MAX_CHARS, end_after, start_before};
use serde::Deserialize;
use std::ops::Range;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Settings {
    pub severity: Level,
    /// Words that introduce the parts of the figure just before them.
    pub markers: Vec<String>,
    /// Words that end the list of parts: a clause holding one is about something else.
    pub stop_words: Vec<String>,
    /// Words that mark a group that may overlap or nest in the others (a trait such as
    /// 持证 or 党员, an outcome or stage such as 审结, 胜诉, 受理): a first part holding
    /// one is not compared at all; a later one ends the list.
    pub overlap_words: Vec<String>,
}

pub const SUMMARY: &str = "“其中”之后所列各项之和超过总数";

pub const DOC: &str = "\
检查内容
  总数之后紧跟“其中”（markers），列出若干部分数：“审查事项115件，其中涉法事务54件，
  规范性文件35件、行政合同26件”。同一句中，从“其中”起，以逗号、顿号分隔、各含一个
  与总数单位相同的数字的分句都算作部分；遇到不含数字、单位不同、含有其他数字或
  stop-words（同比、累计、分别、出具……）的分句即止，各部分之和等于总数（在“万”
  等单位的舍入之内）时也止，其后的分句另有所指（“线上8.36万件，线下4.32万件，
  掌上办理6.15万件”中的掌上办理是前两项的一部分）。
  部分之和超过总数（已计入“万”等单位的舍入）时报告。
  只有一项部分时，它单独超过总数即报告。有两项以上时，只比较看来是同一种划分的
  各部分：各部分的名称（数字前的词语，去掉“为”“有”“达”等）字数相同，且首字都相同
  或末字都相同，如“行政案件/民事案件”“线上/线下”“市级/县级”；名称不同类（“审结/
  维持”“受理/审结”“党员/学历”“一般程序案件/重大案件”）的分句即止，因为它们可能是
  层层细分或相互交叠的；一项按层级、一项按渠道划分的（“区级培训/线上培训”）也止。总数是一串并列数字之一的（“审查规范性文件62件、重大行政
  决策事项28件，其中……”），不知“其中”指哪一个，不比较。
  含有 overlap-words（持证、党员、学历、新进、受理、审结、胜诉、出庭、出席、
  “经专家论证的”之类的“的”……）的部分是特征或结果、阶段，可能与其他部分交叠；含有“均”“每万”“率”“最高”的部分是分组的
  平均数、比率或极值（“平均得分92.6分，其中县直部门平均得分94.1分”），不是总数的一份：
  第一项含有时整句不比较，其后的含有时即止。
  带“余”“多”“约”“近”的数字不能证明超出，遇到即不比较。
  以顿号列出几项之后，逗号后又以顿号列出另一串、且这一串之和恰为总数的（“其中食品案件
  320件、药品案件110件，县级查办510件、乡镇查办350件”），后一串是对总数的另一种划分，
  即止。

依据
  部分不可能大于整体；同一种划分的各部分之和超过总数，说明某个数字有误，或把不属于
  该总数的数字列进了“其中”。

示例
  受理案件100件，其中行政案件60件，民事案件50件
  → 60+50=110件，超过总数100件：核对各数字。
  受理复议案件120件，其中审结115件，维持89件，撤销12件
  → 不报告：“维持”“撤销”是审结案件的细分。
  执法人员500人，其中党员320人，本科及以上学历410人
  → 不报告：党员与学历相互交叠。

设置
  [rules.parts-exceed-total] markers = [\"其中\"]、stop-words = [...]、
  overlap-words = [...]";

settings_check!();

/// Characters that separate the parts of a list.
const SEPARATORS: &[char] = &[',', '\u{ff0c}', '、', ';', '\u{ff1b}', '。'];

impl Rule for Check {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        for (line, tokens) in doc.tokens() {
            let tokens = &*tokens;
            let line_text = &text[line.clone()];
            for marker in self.settings.markers.iter().filter(|m| !m.is_empty()) {
                for (i, _) in line_text.match_indices(marker.as_str()) {
                    let at = line.start + i;
                    if let Some(d) = self.check_list(text, &line, tokens, at, marker) {
                        out.push(d);
                    }
                }
            }
        }
    }
}

impl Check {
    /// The finding for the list introduced by the marker at `at`, if its parts exceed
    /// the total before it.
    fn check_list(
        &self,
        text: &str,
        line: &Range<usize>,
        tokens: &[Token],
        at: usize,
        marker: &str,
    ) -> Option<Diagnostic> {
        let sentence =
            start_before(text, line.start, at, MAX_CHARS)..end_after(text, at, line.end, MAX_CHARS);
        // Tokens are sorted and disjoint: the sentence's are one slice of the line's.
        let first = tokens.partition_point(|t| t.start() < sentence.start);
        let last = tokens
            .partition_point(|t| t.end() <= sentence.end)
            .max(first);
        let figures: Vec<&Token> = tokens[first..last]
            .iter()
            .filter(|t| !matches!(t.kind, TokenKind::HalfWidthPunct(_)))
            .collect();
        // The total: the figure just before the marker, with only punctuation between.
        let total_token = *figures.iter().rev().find(|t| t.end() <= at)?;
        // Digits grouped by a space before it (`1 243个`): the total may be more than
        // the token; nothing is known.
        if grouped_before(&text[..total_token.start()]) {
            return None;
        }
        let total = counted(total_token)?;
        let joined = text[total_token.end()..at]
            .chars()
            .all(|c| c.is_whitespace() || ",，:：".contains(c));
        if !joined {
            return None;
        }
        // One of several totals (`审查规范性文件62件、重大行政决策事项28件，其中…`): which
        // one the parts belong to is anyone's guess.
        let before = figures
            .iter()
            .rev()
            .find(|t| t.end() <= total_token.start());
        if let Some(previous) = before
            && counted(previous).is_some_and(|p| p.unit == total.unit)
            && is_list_item(&text[previous.end()..total_token.start()])
        {
            return None;
        }
        let (total_lo, total_hi) = bounds(total);
        let mut sum = (0.0, 0.0);
        let mut parallel = Parallel::default();
        // Whether two parts so far were joined by a 顿号.
        let mut enumerated = false;
        for clause in clauses(text, &figures, at..sentence.end) {
            let first = clause.start == at;
            let clause_text = &text[clause.clone()];
            if !first && self.ends_list(clause_text, marker) {
                break;
            }
            let joined_by = text[..clause.start].chars().next_back();
            let ended_by = text[clause.end..].chars().next();
            if !first && joined_by == Some('、') {
                enumerated = true;
            }
            // After parts joined by 顿号, a comma opening another 顿号 chain that adds up
            // to the total on its own is another breakdown of it (`其中食品案件320件、
            // 药品案件110件，县级查办510件、乡镇查办350件`): by field, then by level.
            if enumerated
                && joined_by != Some('、')
                && ended_by == Some('、')
                && chain_sum(text, &figures, clause.start..sentence.end, &total.unit)
                    .is_some_and(|(lo, hi)| lo <= total_hi && hi >= total_lo)
            {
                break;
            }
            if self.overlaps(clause_text) {
                if first {
                    return None; // A trait or an outcome: the groups may overlap or nest.
                }
                break;
            }
            let mut inside = figures
                .iter()
                .filter(|t| clause.start <= t.start() && t.end() <= clause.end);
            let (Some(part_token), None) = (inside.next(), inside.next()) else {
                break;
            };
            let TokenKind::Quantity(part) = &part_token.kind else {
                break;
            };
            if part.unit != total.unit {
                break;
            }
            if part.approx {
                return None;
            }
            let label_start = if first {
                at + marker.len()
            } else {
                clause.start
            };
            let label = label(
                &text[label_start..part_token.start()],
                &text[part_token.end()..clause.end],
            );
            if !parallel.add(label) {
                break; // Not a share of the same partition as the parts before.
            }
            let (lo, hi) = bounds(part);
            sum = (sum.0 + lo, sum.1 + hi);
            if sum.0 > total_hi {
                let span = total_token.start()..part_token.end();
                return Some(finding(text, span, marker, sum, total_token, total));
            }
            // The parts may add up to the total already (as rounded figures, in 万, may
            // add up exactly only within their rounding): they are complete, and what
            // follows is about something else.
            if sum.1 >= total_lo {
                break;
            }
        }
        None
    }

    /// Whether a clause names a group that may overlap or nest in the others.
    fn overlaps(&self, clause: &str) -> bool {
        (self.settings.overlap_words.iter()).any(|w| !w.is_empty() && clause.contains(w.as_str()))
    }

    /// Whether a clause after the first part ends the list: another marker or a stop word.
    fn ends_list(&self, clause: &str, marker: &str) -> bool {
        clause.contains(marker)
            || (self.settings.stop_words.iter())
                .any(|w| !w.is_empty() && clause.contains(w.as_str()))
    }
}

/// Characters around a part's label that do not name the part (`其中：行政案件为60件`).
const FILLERS: &[char] = &[
    ' ', '\u{3000}', '\t', ':', '\u{ff1a}', '为', '有', '达', '共', '计', '是', '系',
];

/// The label of a part: the words before its number (`行政案件` in `行政案件60件`), or,
/// when none, the words after it (`行政案件` in `60件为行政案件`), without fillers.
fn label<'t>(before: &'t str, after: &'t str) -> &'t str {
    let before = before.trim_matches(FILLERS);
    if before.is_empty() {
        after.trim_matches(FILLERS)
    } else {
        before
    }
}

/// Whether `before` (the text up to a figure) ends in one to three digits and a space,
/// as a number grouped by thousands with spaces does (`1 243`).
fn grouped_before(before: &str) -> bool {
    let Some(rest) = before.strip_suffix([' ', '\u{A0}']) else {
        return false;
    };
    let digits = rest.bytes().rev().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits)
}

/// Whether the text between two figures makes them items of one list: a 、 or comma,
/// then a short label (`、重大行政决策事项`).
fn is_list_item(between: &str) -> bool {
    between.starts_with(['、', ',', '，']) && between.chars().count() <= 16
}

/// Whether the labels of the parts so far look like shares of one partition: all as
/// long, and all sharing their first character (线上/线下, 县政府/县部门) or all their
/// last (行政案件/民事案件, 市级/县级), and none of another cut than the others (区级培训/
/// 线上培训, see [`CUTS`]). 审结/维持, 受理/审结, 党员/学历 share neither;
/// 一般程序案件/重大案件 or 县直部门执法人员/乡镇执法人员 are not as long (a subset or
/// another cut).
#[derive(Default)]
struct Parallel {
    /// How many labels were added.
    count: usize,
    /// The labels' shared length (in characters), first and last characters, as
    /// [`agree`] keeps them.
    len: Option<Option<usize>>,
    first: Option<Option<char>>,
    last: Option<Option<char>>,
    /// The cut the first label opening with a word of [`CUTS`] names.
    cut: Option<usize>,
}

/// Words opening a label that name a cut of a total: by level, by channel. Labels of two
/// cuts (`区级培训`, `线上培训`) are two breakdowns of the same total, not shares of one.
const CUTS: [&[&str]; 2] = [
    &[
        "省级", "市级", "县级", "区级", "乡级", "镇级", "村级", "乡镇", "街道",
    ],
    &["线上", "线下", "网上", "现场", "窗口", "自助"],
];

impl Parallel {
    /// Adds a part's label; false when the parts with it no longer look parallel.
    fn add(&mut self, label: &str) -> bool {
        // A part with no words (`其中120件`) is compared alone, never with others.
        self.count += 1;
        agree(&mut self.first, label.chars().next());
        agree(&mut self.last, label.chars().next_back());
        agree(&mut self.len, Some(label.chars().count()));
        let cut = CUTS
            .iter()
            .position(|words| words.iter().any(|w| label.starts_with(w)));
        let same_cut = match (self.cut, cut) {
            (Some(seen), Some(cut)) => seen == cut,
            _ => {
                self.cut = self.cut.or(cut);
                true
            }
        };
        self.count == 1
            || same_cut
                && self.len.flatten().is_some()
                && (self.first.flatten().is_some() || self.last.flatten().is_some())
    }
}

/// Keeps in `shared` the value every label so far has (`Some(v)`), `Some(None)` once two
/// differ; `None` before the first.
fn agree<T: PartialEq>(shared: &mut Option<Option<T>>, value: Option<T>) {
    match shared {
        None => *shared = Some(value),
        Some(s) if *s != value => *shared = Some(None),
        Some(_) => {}
    }
}

/// The sum (low and high, within rounding) of the 顿号 chain of parts opening `range`:
/// each clause joined to the next by `、` holding one figure in `unit`.
fn chain_sum(
    text: &str,
    figures: &[&Token],
    range: Range<usize>,
    unit: &Unit,
) -> Option<(f64, f64)> {
    let mut sum = (0.0, 0.0);
    for clause in clauses(text, figures, range) {
        let mut inside = figures
            .iter()
            .filter(|t| clause.start <= t.start() && t.end() <= clause.end);
        let (Some(token), None) = (inside.next(), inside.next()) else {
            return None;
        };
        let TokenKind::Quantity(part) = &token.kind else {
            return None;
        };
        if part.unit != *unit {
            return None;
        }
        let (lo, hi) = bounds(part);
        sum = (sum.0 + lo, sum.1 + hi);
        if !text[clause.end..].starts_with('、') {
            break;
        }
    }
    Some(sum)
}

/// The clauses of `text[range]`, each up to (not including) the next separator outside
/// the `figures` (not the comma grouping a number's digits: `1,243件`).
fn clauses<'a>(
    text: &'a str,
    figures: &'a [&Token],
    range: Range<usize>,
) -> impl Iterator<Item = Range<usize>> + 'a {
    let mut start = range.start;
    let in_figure = move |at: usize| {
        let k = figures.partition_point(|t| t.end() <= at);
        figures.get(k).is_some_and(|t| t.start() < at)
    };
    std::iter::from_fn(move || {
        if start >= range.end {
            return None;
        }
        let end = text[start..range.end]
            .char_indices()
            .skip(1)
            .find(|&(i, c)| SEPARATORS.contains(&c) && !in_figure(start + i))
            .map_or(range.end, |(i, _)| start + i);
        let clause = start..end;
        start = end + text[end..].chars().next().map_or(1, char::len_utf8);
        Some(clause)
    })
}

fn finding(
    text: &str,
    span: Range<usize>,
    marker: &str,
    sum: (f64, f64),
    total_token: &Token,
    total: &Quantity,
) -> Diagnostic {
    let unit = &total.unit;
    let shown_total = &text[total_token.start()..total_token.end()];
    let sum = if sum.0 == sum.1 {
        format!("{}{unit}", show(sum.0))
    } else {
        format!("至少{}{unit}", show(sum.0))
    };
    Diagnostic::new(
        span,
        format!("“{marker}”所列各项之和（{sum}）超过总数“{shown_total}”"),
    )
    .label("各部分之和大于总数")
    .help("核对总数和各部分的数字，或把不属于该总数的项目移出“其中”")
}

/// A sum for a message: `110`, or `2.35` for fractions.
fn show(value: f64) -> String {
    let s = format!("{value:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}
