//! `date-invalid`: a date that cannot exist (`2023年2月30日`, `13月`, `2024-04-31`).

use super::report_dates;
use super::{Document, Rule};
use crate::config::{Config, Level};
use crate::diagnostic::Diagnostic;
use crate::inline::{Date, DateStyle, TokenKind};
use serde::Deserialize;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Settings {
    pub severity: Level,
    /// Words just before a bare `N月` (no year, no day) that make it an ordinal or a
    /// count of months (`第13月`, `期满18月`) rather than a date.
    pub count_words: Vec<String>,
}

pub const SUMMARY: &str = "不存在的日期（2023年2月30日、13月、2024-04-31）";

pub const DOC: &str = "\
检查内容
  文中每一个日期（“2024年1月26日”“2024-02-19”“2024/1/26”“2024年3月”“12月25日”
  “13月”）以及月份区间（“1-11月”）：月份须在 1–12 之间，日须在该月天数之内
  （2月29日只在闰年存在；未写年份时允许2月29日）。书名号内的日期（所引文件的标题）
  同样检查：标题抄错日期，读者同样找不到那份文件。只写月份的“N月”前面是 count-words
  中的词（“第13月”“期满18月”）时，是序数或月数，后面是“龄”（“0—36月龄”“36月龄
  以下”）时是婴幼儿的月龄，都不是日期，不报告。落款日期用汉字数字
  或全角数字书写的（“二〇二三年二月三十日”），同样检查。

依据
  不存在的日期多半是笔误或从草稿中复制时改错，使所述事项无从核对。
  GB/T 15835-2011《出版物上数字用法》规定公历的年、月、日用阿拉伯数字书写；
  写成这种形式的日期，读者会当作真实日期去核对。

示例
  2023年2月30日召开常务会议
  → 核对原始材料：2023年2月只有28天。
  2024-04-31
  → 4月只有30天。

设置
  [rules.date-invalid] count-words = [\"第\", \"满\", \"为期\", …]";

pub struct Check {
    count_words: Vec<String>,
}

impl Check {
    pub fn new(settings: &Settings, _: &Config) -> Self {
        Check {
            count_words: settings.count_words.clone(),
        }
    }

    /// `第13月`, `期满18月`: a bare month after a count word is no date; nor is one
    /// that is a number of months by what follows ([`is_duration`]).
    fn is_count(&self, d: &Date, before: &str, after: &str) -> bool {
        d.year.is_none()
            && d.day.is_none()
            && (self
                .count_words
                .iter()
                .any(|w| before.ends_with(w.as_str()))
                || is_duration(after))
    }
}

impl Rule for Check {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        for (_, tokens) in doc.tokens() {
            let tokens = &*tokens;
            for t in tokens {
                let reason = match &t.kind {
                    TokenKind::Date(d)
                        if d.is_valid()
                            || self.is_count(
                                d,
                                &doc.text()[..t.start()],
                                &doc.text()[t.end()..],
                            ) =>
                    {
                        continue;
                    }
                    TokenKind::Date(d) => date_reason(d),
                    TokenKind::MonthRange { .. } if is_duration(&doc.text()[t.end()..]) => {
                        continue;
                    }
                    TokenKind::MonthRange { from, to, .. } => {
                        match [from, to].into_iter().find(|m| !(1..=12).contains(*m)) {
                            Some(m) => format!("没有{m}月：月份应在1–12之间"),
                            None => continue,
                        }
                    }
                    _ => continue,
                };
                out.push(invalid(doc, t.span(), reason));
            }
        }
        // A signature date the tokenizer does not read (Chinese numerals, full-width
        // digits) is checked as the outline read it.
        if let Some(d) = report_dates::signature(doc).filter(|d| d.token.is_none()) {
            let date = Date {
                year: Some(d.value.year),
                month: Some(u8::try_from(d.value.month).unwrap_or(u8::MAX)),
                day: Some(u8::try_from(d.value.day).unwrap_or(u8::MAX)),
                style: DateStyle::Chinese,
                padded: false,
                spaced: false,
                has_time: false,
            };
            if !date.is_valid() {
                out.push(invalid(doc, d.span, date_reason(&date)));
            }
        }
    }
}

/// Text after a month that makes it an age in months (`0—36月龄`).
fn is_age(after: &str) -> bool {
    after.starts_with('龄')
}

/// Text after a month that makes it a number of months: an age (`36月龄`) or a bound
/// of a duration (`13月以上`, `6—36月不等`).
fn is_duration(after: &str) -> bool {
    const BOUNDS: [&str; 4] = ["以上", "以下", "以内", "不等"];
    is_age(after) || BOUNDS.iter().any(|b| after.starts_with(b))
}

fn invalid(doc: &Document, span: std::ops::Range<usize>, reason: String) -> Diagnostic {
    let shown = &doc.text()[span.clone()];
    Diagnostic::new(span, format!("不存在的日期：“{shown}”"))
        .label(reason)
        .help("核对原始材料，改正日期")
}

/// Why the date cannot exist.
fn date_reason(d: &Date) -> String {
    let Some(month) = d.month.filter(|m| (1..=12).contains(m)) else {
        let m = d.month.unwrap_or(0);
        return format!("没有{m}月：月份应在1–12之间");
    };
    if d.day == Some(0) {
        return "没有0日".to_string();
    }
    let days = match month {
        2 => match d.year {
            Some(y) if !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) => {
                return format!("{y}年2月只有28天");
            }
            _ => 29,
        },
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    format!("{month}月只有{days}天")
}
