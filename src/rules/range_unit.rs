//! `range-unit`: a range of percentages or of 万/亿 amounts with the sign or magnitude
//! only on its second number (`15～30%`, `3～5万元`).

use super::report_dates::token_ending_at;
use super::{Basic, Document, Rule};
use crate::diagnostic::Diagnostic;
use crate::inline::TokenKind;

pub type Settings = Basic;

pub const SUMMARY: &str = "数值范围的百分号或“万”“亿”只写在后一个数上（15～30%、3～5万元）";

pub const DOC: &str = "\
检查内容
  用连接号（～ ~ — － -）表示的数值范围，后一个数带百分号或“万”“亿”而前一个数
  不带的：15～30% 应写作 15%～30%，3～5万元 应写作 3万～5万元。修正补上前一个数
  的百分号或“万”“亿”。元、人、件等单位不必重复，不报告。前一个数补上“万”“亿”后
  反而大于后一个数的（“处以5000-3万元罚款”，即5000元至3万元），不报告。

依据
  GB/T 15835-2011《出版物上数字用法》4.1.x 数值范围：“15%～30%（不写为15～30%）”，
  “9亿～16亿（不写为9～16亿）”，“13万元～17万元（不写为13～17万元）”。

示例
  群众满意度提升15～30% → 15%～30%
  投入3～5万元 → 3万～5万元

设置
  [rules.range-unit]
  severity = \"info\"";

unit_check!();

const SEPARATORS: [char; 6] = ['～', '~', '—', '－', '-', '–'];

impl Rule for Check {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        for (_, tokens) in doc.text_lines() {
            let tokens = &*tokens;
            for t in tokens {
                // What the second number carries that the first lacks, and the second
                // number's value without it.
                let (missing, second) = match &t.kind {
                    TokenKind::Percent { value, .. } => {
                        (text[t.span()].chars().last().map(String::from), *value)
                    }
                    TokenKind::Quantity(q) if q.multiplier() == 1e4 => (Some("万".into()), q.value),
                    TokenKind::Quantity(q) if q.multiplier() == 1e8 => (Some("亿".into()), q.value),
                    _ => (None, 0.0),
                };
                let Some(missing) = missing else { continue };
                let Some(sep) = text[..t.start()].chars().next_back() else {
                    continue;
                };
                if !SEPARATORS.contains(&sep) {
                    continue;
                }
                let sep_at = t.start() - sep.len_utf8();
                let Some(first) = token_ending_at(tokens, sep_at) else {
                    continue;
                };
                let TokenKind::Quantity(q) = &first.kind else {
                    continue;
                };
                let bare = q.multiplier() == 1.0 && q.unit.is_empty() && !q.approx;
                // `2021-2025`, `GB/T 9704-2012`: not a value range.
                let word_before = text[..first.start()]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.');
                // `5000-3万元`: the first number is in 元 (with 万 it would exceed the
                // second), a range from 5000 元 to 3 万元.
                if !bare || word_before || q.value > second {
                    continue;
                }
                let span = first.start()..t.end();
                let fixed = format!("{}{missing}{}", &text[first.span()], &text[sep_at..t.end()]);
                out.push(
                    Diagnostic::new(
                        span.clone(),
                        format!(
                            "数值范围“{}”的前一个数也应带“{missing}”",
                            &text[span.clone()]
                        ),
                    )
                    .label(format!("改为“{fixed}”"))
                    .fix(span, fixed),
                );
            }
        }
    }
}
