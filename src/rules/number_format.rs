//! `number-format`: a space between a number and its unit (`74 名`), and digits written
//! full-width (`２０２４年`).

use super::{Basic, Document, Rule};
use crate::diagnostic::Diagnostic;
use crate::inline::TokenKind;
use crate::outline::LineKind;
use std::ops::Range;

pub type Settings = Basic;

pub const SUMMARY: &str = "数字与计量单位之间有空格（如“74 名”），或数字用了全角（如“２０２４”）";

pub const DOC: &str = "\
检查内容
  阿拉伯数字与其后的计量单位或量词（名、人、个、件、次、项、家、起、场、份、户、元、
  万、亿、吨、亩、米、年、天、篇、批等）之间夹有空格（半角或全角空格）。制表符分隔
  的是表格的单元格（“213<Tab>件”“2<Tab>人力资源和社会保障局”），行首一两位数字后
  的空格是行的序号（“1 个人信息保护专项行动”），都不报告。数字后空格接的不是单位的（“附件1 某县…情况表”“Windows 10 系统”、表格中的
  “县司法局 98.5 优秀”）和“附件”“表”“序号”后的编号（“附件2 年度考核表”）不报告。
  日期中的空格（如“2024 年1月26日”）由 date-format 检查。几乎所有数字都与单位隔开
  （至少 5 处、占八成以上，多为从 PDF 提取的文字）时，全文只报告一次，修正一并删除。
  正文中的全角阿拉伯数字（“２０２４年”“共１２０件”）修正为半角；网页元数据和落款中的
  不在此报告（落款日期由 date-format 检查）。

依据
  GB/T 15835-2011《出版物上数字用法》：数字与其单位构成一个整体，不应分开书写；
  阿拉伯数字用半角形式。文稿从表格或网页转换时常带入多余空格。

示例
  74 名部门、镇(街道)党政主要负责人书面述法
  → 74名部门、镇(街道)党政主要负责人书面述法（修正：删除空格）
  全年办理行政复议案件１２０件 → 全年办理行政复议案件120件

设置
  [rules.number-format] severity";

unit_check!();

/// Measure words and units: a space between a number and one of these splits a figure
/// (`74 名`, `15　家`, `3 万元`). Other text after a number and a space is a label's next
/// word (`附件1 某县…情况表`), a table cell (`98.5 优秀`) or a name (`Windows 10 系统`).
const UNITS: &str = "名人个件次项家起场份户元角万亿千百吨亩米年天岁宗届轮座栋页册卷套辆笔例篇批期条票余多部处本位台所支张单类种月日周";

/// Words before a number that make it a label's (`附件1`, `表2`), not a figure's.
const LABELS: [&str; 5] = ["附件", "附表", "表", "图", "序号"];

/// Whether the number of the quantity at `start`, whose unit starts at `unit`, is a
/// figure with its measure unit: the unit is one, and the number is not a label's
/// (`附件1`).
fn measure_unit(text: &str, start: usize, unit: usize) -> bool {
    let before = &text[..start];
    // (`iPhone 15 台式机`: a name's number after its Latin word.)
    let named = before
        .trim_end_matches(' ')
        .ends_with(|c: char| c.is_ascii_alphabetic());
    text[unit..]
        .chars()
        .next()
        .is_some_and(|c| UNITS.contains(c))
        && !LABELS.iter().any(|l| before.ends_with(l))
        && !named
}

/// Whether the number at `number` with a space after it numbers its line (`1 个人信息
/// 保护专项行动`, a row of a list): one or two digits at the line's start.
fn numbers_the_line(text: &str, number: Range<usize>) -> bool {
    let line_start = text[..number.start].rfind('\n').map_or(0, |i| i + 1);
    text[line_start..number.start]
        .chars()
        .all(|c| c.is_whitespace())
        && number.len() <= 2
}

/// A space between a figure and its unit: the figure's token span and the space.
struct Gap {
    token: Range<usize>,
    space: Range<usize>,
}

/// The document's figures with a space before their unit, and how many figures with a
/// unit have none. (Not in web-page metadata (`索引号: …-0009 主题分类: …`): cells apart,
/// no unit.)
fn gaps(doc: &Document) -> (Vec<Gap>, usize) {
    let text = doc.text();
    let mut gaps = Vec::new();
    let mut tight = 0;
    for (_, tokens) in doc.text_lines() {
        for t in &*tokens {
            let Some(gap) = t.unit_gap(text) else {
                if let TokenKind::Quantity(q) = &t.kind
                    && !q.unit.is_empty()
                {
                    tight += usize::from(measure_unit(text, t.start(), t.end() - q.unit.len()));
                }
                continue;
            };
            // A tab separates a table's cells.
            if !measure_unit(text, t.start(), gap.end)
                || text[gap.clone()].contains('\t')
                || numbers_the_line(text, t.start()..gap.start)
            {
                continue;
            }
            gaps.push(Gap {
                token: t.span(),
                space: gap,
            });
        }
    }
    (gaps, tight)
}

/// The fewest spaced figures that make a habit of the whole text.
const HABIT_MIN: usize = 5;

/// Whether nearly every figure of the document has a space before its unit (and, in
/// such text, around it): text taken out of a PDF (`pdftotext` sets every run of digits
/// apart), whose dates are spaced the same way.
pub fn spaced_throughout(doc: &Document) -> bool {
    let (gaps, tight) = gaps(doc);
    is_habit(gaps.len(), tight)
}

fn is_habit(spaced: usize, tight: usize) -> bool {
    spaced >= HABIT_MIN && spaced * 5 >= (spaced + tight) * 4
}

impl Rule for Check {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        let (gaps, tight) = gaps(doc);
        let fix = |gap: &Gap, message: String| {
            Diagnostic::new(gap.token.clone(), message)
                .label("删除空格")
                .help(format!(
                    "写作“{}{}”",
                    &text[gap.token.start..gap.space.start],
                    &text[gap.space.end..gap.token.end]
                ))
                .fix(gap.space.clone(), "")
        };
        if is_habit(gaps.len(), tight) {
            // Once for the whole text, every space fixed.
            let (first, rest) = gaps.split_first().expect("a habit has figures");
            let message = format!(
                "全文数字与单位之间普遍有空格（{}处），如“{}”",
                gaps.len(),
                &text[first.token.clone()]
            );
            let elsewhere: Vec<(Range<usize>, &'static str)> =
                rest.iter().map(|g| (g.space.clone(), "")).collect();
            out.push(
                fix(first, message)
                    .note("从 PDF 提取或复制的文字常把每个数字与前后汉字隔开；全文只报告一次")
                    .fix_elsewhere(elsewhere.into_iter()),
            );
        } else {
            out.extend(gaps.iter().map(|g| {
                let message = format!("数字与单位之间有空格：“{}”", &text[g.token.clone()]);
                fix(g, message)
            }));
        }
        full_width_digits(doc, out);
    }
}

/// Whether a full-width letter, hyphen or slash starts at byte `i` of `text`: a code's
/// character beside full-width digits (`ＡＢ－１２３`, `０５７１－８８８８８８８８`).
fn code_at(text: &str, i: usize) -> bool {
    text.get(i..)
        .and_then(|rest| rest.chars().next())
        .is_some_and(|c| matches!(c, 'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '－' | '／'))
}

/// A full-width digit, point, letter, hyphen or slash written half-width.
fn half_width(c: char) -> char {
    match c {
        '！'..='～' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        c => c,
    }
}

/// Runs of full-width digits (`２０２４年`, `１０９．２`: a point between digits goes with
/// them, and a code's letters, hyphens and slashes: `ＡＢ－１２３`) in the text, not in web-page metadata or the 落款 (whose date date-format
/// checks): one finding a line, with the numbers written half-width as the fix. One pass
/// over the text's bytes: a digit U+FF10–U+FF19 is EF BC 90–99 in UTF-8.
fn full_width_digits(doc: &Document, out: &mut Vec<Diagnostic>) {
    let text = doc.text();
    let bytes = text.as_bytes();
    let digit_at = |i: usize| {
        bytes
            .get(i..i + 3)
            .is_some_and(|b| b[0] == 0xEF && b[1] == 0xBC && (0x90..=0x99).contains(&b[2]))
    };
    let mut from = 0;
    let mut runs: Vec<(usize, Range<usize>)> = Vec::new();
    for i in memchr::memchr_iter(0xEF, bytes) {
        if i < from || !digit_at(i) {
            continue;
        }
        let mut end = i;
        loop {
            while digit_at(end) || code_at(text, end) {
                end += 3;
            }
            let point = [".", "．"].iter().find(|p| text[end..].starts_with(**p));
            match point {
                Some(p) if digit_at(end + p.len()) => end += p.len(),
                _ => break,
            }
        }
        // (A code's letters before its digits: `ＡＢ－１２３`.)
        let mut i = i;
        while i >= from + 3 && code_at(text, i - 3) {
            i -= 3;
        }
        from = end;
        let line = doc.outline.lines.partition_point(|l| l.span().start <= i);
        let kind = line.checked_sub(1).map(|l| doc.outline.lines[l].kind);
        if !matches!(
            kind,
            Some(LineKind::Meta | LineKind::Signature | LineKind::Chrome)
        ) {
            runs.push((line, i..end));
        }
    }
    // One finding a line, its fix writing every run of the line half-width.
    for line in runs.chunk_by(|a, b| a.0 == b.0) {
        let span = line[0].1.start..line[line.len() - 1].1.end;
        let mut fixed = String::with_capacity(span.len());
        let mut at = span.start;
        for (_, run) in line {
            fixed.push_str(&text[at..run.start]);
            fixed.extend(text[run.clone()].chars().map(half_width));
            at = run.end;
        }
        let first = &text[line[0].1.clone()];
        let message = match line.len() {
            1 => format!("数字用了全角：“{first}”"),
            n => format!("本行有{n}处数字用了全角（如“{first}”）"),
        };
        out.push(
            Diagnostic::new(span.clone(), message)
                .label("改为半角数字")
                .help("阿拉伯数字用半角")
                .fix(span, fixed),
        );
    }
}
