//! `placeholder`: template residue left in the report — `××市`, `20XX年`, `X月X日`,
//! `共办理*件`, `满意率为%`, `〔2024〕号`, `某某` in the title or signature, `____`.

use super::{Basic, Document, Rule};
use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::outline::LineKind;
use crate::words::WordMatcher;
use std::ops::Range;

pub type Settings = Basic;

pub const SUMMARY: &str =
    "模板残留：××、XX、X月X日、*件、空缺的数字（满意率为%）、标题或落款中的“某某”";

pub const DOC: &str = "\
检查内容
  起草时套用模板未填的占位符：两个以上的“×”“X”（××市、20XX年、共XX件），日期和
  数量中的单个“X”（X月X日、共办理X件），数量前的“*”（开展*次、*区），百分号或
  “个百分点”前缺数字（满意率为%、提高个百分点），没有序号的发文字号（〔2024〕号），
  下划线空格（____），以及标题、落款中的“某某”（某某县人民政府）。
  不报告：正文中的“某某”和姓氏后、公司前的“××”（案例中的匿名，如“张某某”“王××”
  “××公司”），拉丁字母或型号中的
  X（XXL、X-200、CXX），乘号（3×4），五角星“★”，Markdown 的“**加粗**”。

依据
  《党政机关公文处理工作条例》第十九条：公文文稿应当做到内容完整、数字准确；年度
  报告应当向社会公开，模板残留使报告失实，网站内容检查将其列为错误。

示例
  全年共办理行政复议案件XX件，群众满意率为%。
  → “XX”“为%”是未填写的占位符

设置
  [rules.placeholder]
  severity = \"error\"";

/// Characters that stand for an unknown digit or name in templates.
const X: [char; 5] = ['X', 'x', '×', 'Ｘ', 'ｘ'];

/// A single X or star directly before one of these is a missing figure or date part.
const UNITS: &str = "年月日号次件人个项起家元名场期篇条份户所批轮余";

/// A star before one of these stands for a place name (`*区`).
const PLACES: &str = "省市县区镇乡村";

/// Common surnames: `××` after one, where no unit or place follows, is a name made
/// anonymous in a case (`张××诉某区政府案`), as `某某` is.
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵钱严覃武戴莫孔向汤";

/// What follows `××` in a party made anonymous (`××公司`), not a template's blank.
const PARTIES: [&str; 5] = ["公司", "企业", "集团", "有限", "商行"];

/// Verbs directly before `个百分点`: the figure is missing.
const CHANGE: [&str; 8] = [
    "提高", "下降", "上升", "增长", "降低", "减少", "提升", "增加",
];

pub struct Check {
    triggers: Option<WordMatcher>,
}

/// What a placeholder or a figure left out can start with.
pub const TRIGGERS: [&str; 14] = [
    "X",
    "x",
    "×",
    "Ｘ",
    "ｘ",
    "某某",
    "*",
    "＊",
    "%",
    "％",
    "_",
    "＿",
    "〕号",
    "个百分点",
];

impl Check {
    pub fn new(_: &Settings, _: &Config) -> Self {
        Check {
            triggers: WordMatcher::new(TRIGGERS),
        }
    }
}

fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || c == '〇'
}

/// The run of chars from `set` around byte `at` of `s`.
fn run(s: &str, at: usize, set: impl Fn(char) -> bool) -> Range<usize> {
    let start = s[..at]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| set(c))
        .last()
        .map_or(at, |(i, _)| i);
    let end = at + s[at..].find(|c: char| !set(c)).unwrap_or(s.len() - at);
    start..end
}

/// What is at `at` in line `s` (of kind `kind`), if it is template residue: its span.
fn residue(s: &str, at: usize, trigger: &str, kind: LineKind) -> Option<Range<usize>> {
    let first = trigger.chars().next()?;
    if trigger == "某某" {
        return matches!(kind, LineKind::Title | LineKind::Signature)
            .then(|| at..at + trigger.len());
    }
    if trigger == "〕号" {
        return Some(at..at + trigger.len());
    }
    if trigger == "个百分点" {
        let before = &s[..at];
        return CHANGE
            .iter()
            .any(|v| before.ends_with(v))
            .then(|| at..at + trigger.len());
    }
    let set: &dyn Fn(char) -> bool = match first {
        c if X.contains(&c) => &|c| X.contains(&c),
        '*' | '＊' => &|c| c == '*' || c == '＊',
        '_' | '＿' => &|c| c == '_' || c == '＿',
        _ => &|c| c == '%' || c == '％',
    };
    let r = run(s, at, set);
    let prev = s[..r.start].chars().next_back();
    let next = s[r.end..].chars().next();
    let len = s[r.clone()].chars().count();
    let ascii_letter = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphabetic());
    let ascii_alnum = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    let han = |c: Option<char>| c.is_some_and(is_han);
    let hit = match first {
        c if X.contains(&c) => {
            let latin = ascii_letter(prev) || ascii_letter(next);
            let a_name = len >= 2 && kind == LineKind::Paragraph && anonymous(prev, &s[r.end..]);
            if latin || next.is_some_and(|c| c.is_ascii_digit()) || a_name {
                false
            } else if len >= 2 {
                han(prev)
                    || han(next)
                    || prev.is_some_and(|c| c.is_ascii_digit())
                    || next.is_some_and(|c| "%％".contains(c))
            } else {
                // One X: only where a digit belongs (X月X日, 共X件), not a variable or X光.
                next.is_some_and(|c| UNITS.contains(c))
                    && !prev.is_some_and(|c| c.is_ascii_digit() || c == '.')
            }
        }
        '*' | '＊' => {
            // Not `带*号的为必填项`: a star before 号 marks a field.
            len <= 3
                && !ascii_alnum(prev)
                && next.is_some_and(|c| (UNITS.contains(c) && c != '号') || PLACES.contains(c))
        }
        '_' | '＿' => {
            len >= 2
                && !ascii_alnum(prev)
                && !ascii_alnum(next)
                // A blank in a sentence or after a label (`联系人：____`); not a Markdown
                // rule (`___` alone on a line).
                && (han(prev) || han(next) || prev.is_some_and(|c| "：:".contains(c)))
        }
        _ => {
            // A percent sign with no figure before it.
            han(prev) && !prev.is_some_and(|c| "〇一二三四五六七八九十百千万".contains(c))
        }
    };
    hit.then_some(r)
}

/// Whether `××` between `prev` and `rest` stands for a name made anonymous: after a
/// surname with no unit, place or figure after it (`张××诉`, `王××等`), or before a
/// company (`××公司`).
fn anonymous(prev: Option<char>, rest: &str) -> bool {
    let next = rest.chars().next();
    let figure = next.is_some_and(|c| {
        UNITS.contains(c) || PLACES.contains(c) || "%％".contains(c) || c.is_ascii_digit()
    });
    let surname = prev.is_some_and(|c| SURNAMES.contains(c)) && !figure;
    surname || PARTIES.iter().any(|p| rest.starts_with(p))
}

impl Rule for Check {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let Some(triggers) = &self.triggers else {
            return;
        };
        let text = doc.text();
        for (line, _) in doc.text_lines() {
            let kind = doc.line_kind(line.start).unwrap_or(LineKind::Paragraph);
            let s = &text[line.clone()];
            let mut done = 0;
            for m in triggers.find_iter(s) {
                if m.start() < done {
                    continue;
                }
                let Some(r) = residue(s, m.start(), &s[m.range()], kind) else {
                    continue;
                };
                done = r.end;
                let span = line.start + r.start..line.start + r.end;
                let shown = &text[span.clone()];
                let message = if shown.contains(['%', '％']) && !shown.contains(X) {
                    format!("“{}”前缺少数字，是未填写的模板内容", shown)
                } else if shown.contains("个百分点") {
                    "“个百分点”前缺少数字，是未填写的模板内容".to_string()
                } else if shown == "〕号" {
                    "发文字号缺少序号，是未填写的模板内容".to_string()
                } else {
                    format!("“{shown}”是未填写的模板占位符")
                };
                out.push(
                    Diagnostic::new(span, message)
                        .label("模板残留")
                        .help("填入实际内容，或删去该句"),
                );
            }
        }
    }
}
