//! `numbering-punct`: a heading's ordinal with the wrong punctuation — `1、` for `1.`,
//! `（一）、`, `一.` or `一，` for `一、`.

use super::{Document, Rule};
use crate::config::Level;
use crate::diagnostic::Diagnostic;
use crate::outline::NumberStyle;
use serde::Deserialize;
use std::ops::Range;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Settings {
    pub severity: Level,
    /// When more than this share of the ordinals of one form are wrong the same way, the
    /// habit is reported once for the whole document instead of at every ordinal.
    pub systematic_share: f64,
}

pub const SUMMARY: &str =
    "标题序号的标点不对：“1、”应为“1.”，“（一）、”多了顿号，“一.”“一，”应为“一、”";

pub const DOC: &str = "\
检查内容
  各级标题序号后的标点：“一、”用顿号，“（一）”“（1）”括号后不加标点，“1.”用
  下脚点。写成“一.”“一，”“（一）、”“1、”的，各报告一次并附修正；某种错误在同一级
  标题中占多数（超过 systematic-share）时，说明是全文的习惯，只在第一处报告一次，
  修正则改遍每一处。

依据
  GB/T 9704-2012《党政机关公文格式》：文中结构层次序数依次可以用“一、”“（一）”
  “1.”“（1）”标注。

示例
  1、强化组织领导
  → 1.强化组织领导
  （一）、健全依法决策机制
  → （一）健全依法决策机制

设置
  [rules.numbering-punct] systematic-share = 0.5";

settings_check!();

/// The forms of ordinal: `一、`, `（一）`, `1.`, `（1）`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Chinese,
    ChineseParen,
    Arabic,
    ArabicParen,
}

impl Form {
    fn example(self) -> &'static str {
        match self {
            Form::Chinese => "一、",
            Form::ChineseParen => "（一）",
            Form::Arabic => "1.",
            Form::ArabicParen => "（1）",
        }
    }
}

/// The heading number at `marker` as `replacement` at `span` corrects it (`四.` →
/// `四、`).
fn corrected(text: &str, marker: &Range<usize>, span: &Range<usize>, replacement: &str) -> String {
    if marker.start <= span.start && span.end <= marker.end {
        format!(
            "{}{replacement}{}",
            &text[marker.start..span.start],
            &text[span.end..marker.end]
        )
    } else {
        replacement.to_string()
    }
}

/// A correction: the span to replace and its replacement.
type Correction = (Range<usize>, &'static str);

/// The form of `marker` and, when its punctuation is wrong, its correction (offset by
/// `base`).
fn inspect(marker: &str, base: usize) -> Option<(Form, Option<Correction>)> {
    let first = marker.chars().next()?;
    let paren = matches!(first, '(' | '（');
    let digits = marker.trim_start_matches(['(', '（']);
    let arabic = digits.starts_with(|c: char| c.is_ascii_digit());
    let form = match (paren, arabic) {
        (false, false) => Form::Chinese,
        (true, false) => Form::ChineseParen,
        (false, true) => Form::Arabic,
        (true, true) => Form::ArabicParen,
    };
    let last = marker.chars().next_back()?;
    let last_span = base + marker.len() - last.len_utf8()..base + marker.len();
    let wrong = match form {
        Form::Chinese if last != '、' => Some((last_span, "、")),
        Form::Arabic if !matches!(last, '.' | '．') => Some((last_span, ".")),
        Form::ChineseParen | Form::ArabicParen if !matches!(last, ')' | '）') => {
            Some((last_span, ""))
        }
        _ => None,
    };
    Some((form, wrong))
}

impl Rule for Check {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        // Per form: how many ordinals, and the wrong ones (span, fix span, replacement).
        let forms = [
            Form::Chinese,
            Form::ChineseParen,
            Form::Arabic,
            Form::ArabicParen,
        ];
        let mut total = [0usize; 4];
        let mut wrong: [Vec<(Range<usize>, Correction)>; 4] = Default::default();
        for s in doc.outline.walk().filter(|s| {
            !matches!(
                s.style,
                NumberStyle::Markdown | NumberStyle::Unnumbered | NumberStyle::Part
            )
        }) {
            let marker = text[s.marker.clone()].trim_end();
            let Some((form, bad)) = inspect(marker, s.marker.start) else {
                continue;
            };
            let k = forms.iter().position(|f| *f == form).unwrap_or(0);
            total[k] += 1;
            if let Some(correction) = bad {
                wrong[k].push((s.marker.start..s.marker.start + marker.len(), correction));
            }
        }
        for (k, form) in forms.iter().enumerate() {
            let found = &wrong[k];
            let Some(first) = found.first() else {
                continue;
            };
            if found.len() as f64 / total[k] as f64 > self.settings.systematic_share
                && found.len() > 1
            {
                let (span, replacement) = first.1.clone();
                let habit = Diagnostic::new(
                    first.0.clone(),
                    format!(
                        "全文{}处标题序号“{}”的标点不对，应写作“{}”",
                        found.len(),
                        &text[first.0.clone()],
                        corrected(text, &first.0, &span, replacement),
                    ),
                )
                .label(format!("第一处，共{}处", found.len()))
                .note("全文普遍如此，只报告一次")
                .help(format!(
                    "把这一级标题的序号统一改为“{}”的写法",
                    form.example()
                ))
                .fix(span, replacement);
                out.push(
                    habit.fix_elsewhere(
                        found[1..]
                            .iter()
                            .map(|(_, (span, replacement))| (span.clone(), *replacement)),
                    ),
                );
                continue;
            }
            for (marker, (span, replacement)) in found {
                let written = &text[marker.clone()];
                let right = corrected(text, marker, span, replacement);
                out.push(
                    Diagnostic::new(
                        marker.clone(),
                        format!("标题序号“{written}”的标点不对，应写作“{right}”"),
                    )
                    .label("序号标点")
                    .note("GB/T 9704-2012：序数依次用“一、”“（一）”“1.”“（1）”")
                    .fix(span.clone(), *replacement),
                );
            }
        }
    }
}
