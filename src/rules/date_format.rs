//! `date-format`: the signature date is not written as GB/T 9704-2012 prescribes.

use super::report_dates::{self, chinese};
use super::{Basic, Document, Rule};
use crate::diagnostic::Diagnostic;
use crate::inline::DateStyle;
use crate::outline::{DateForm, is_invisible};

pub type Settings = Basic;

pub const SUMMARY: &str =
    "落款日期不符合公文格式（补零、夹空格、用“-”或“/”分隔），应写作“2024年1月26日”";

pub const DOC: &str = "\
检查内容
  文末落款（发文机关署名下一行）的成文日期是否写作“××××年×月×日”：
  年份写全，月、日不补零，数字与“年”“月”“日”之间没有空格，不用“-”“/”“.”分隔，
  不带时刻。只检查落款日期；网页元数据中的日期是网站的格式，不检查。全文数字普遍
  与单位隔开的（从 PDF 提取的文字），日期中的空格由 number-format 一并报告。
  这一写法唯一确定，因此附带修正；只写年、月（“2024年1月”）的落款日期也报告，
  但无从修正。

依据
  GB/T 9704-2012《党政机关公文格式》（成文日期）：成文日期用阿拉伯数字将年、月、日标全，
  年份应标全称，月、日不编虚位（即1不编为01）。汉字数字（“二〇二四年”）是旧式写法，
  全角数字是排版错误。

示例
  2024 年1月26日
  → 2024年1月26日
  2024-02-19
  → 2024年2月19日
  二〇二四年一月二十六日、２０２４年１月２６日
  → 2024年1月26日

设置
  只有 severity。";

unit_check!();

impl Rule for Check {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        if let Some(span) = doc
            .outline
            .signature
            .dayless
            .as_ref()
            .map(|d| d.span.clone())
        {
            // The day is not known, so there is nothing to put in its place.
            let shown = &doc.text()[span.clone()];
            out.push(
                Diagnostic::new(span, format!("落款日期“{shown}”不完整：缺少“日”"))
                    .label("成文日期应写明年、月、日")
                    .note("GB/T 9704-2012 规定成文日期用阿拉伯数字将年、月、日标全")
                    .help("补上成文的日，如“2024年1月26日”"),
            );
        }
        let Some(date) = report_dates::signature(doc) else {
            return;
        };
        let mut problems = Vec::new();
        match date.token {
            Some(d) => {
                // (Not in text spacing every figure so, as text out of a PDF does:
                // number-format reports that once.)
                if d.spaced && !super::number_format::spaced_throughout(doc) {
                    problems.push("日期中夹有空格");
                }
                if d.padded {
                    problems.push("月、日前补了零");
                }
                match d.style {
                    DateStyle::Chinese => {}
                    DateStyle::Dashed => problems.push("用“-”分隔年月日"),
                    DateStyle::Slashed => problems.push("用“/”分隔年月日"),
                }
                if d.has_time {
                    problems.push("带有时刻");
                }
            }
            // A date the tokenizer does not read as one date: Chinese numerals, full-width
            // digits, `2024.1.26`, `2024年1月26` without 日; but not one whose only flaw is
            // an invisible character a web editor left in it (U+200B), which shows right.
            None if invisible_only(&doc.text()[date.span.clone()], &chinese(date.value)) => {}
            None => problems.push(match doc.outline.signature.date_form {
                DateForm::Chinese => "用汉字数字书写，应用阿拉伯数字",
                DateForm::FullWidth => "用全角数字书写，应用半角阿拉伯数字",
                DateForm::Arabic => "不是“××××年×月×日”的写法",
            }),
        }
        if problems.is_empty() {
            return;
        }
        let right = chinese(date.value);
        let shown = &doc.text()[date.span.clone()];
        out.push(
            Diagnostic::new(
                date.span.clone(),
                format!("落款日期“{shown}”不符合公文格式：{}", problems.join("，")),
            )
            .label(format!("应写作“{right}”"))
            .note("GB/T 9704-2012 规定成文日期用阿拉伯数字将年、月、日标全，月、日不编虚位")
            .help(format!("改为“{right}”"))
            .fix(date.span, right),
        );
    }
}

/// Whether `shown` is `right` with zero-width characters in it.
fn invisible_only(shown: &str, right: &str) -> bool {
    shown
        .chars()
        .filter(|&c| !is_invisible(c))
        .eq(right.chars())
}
