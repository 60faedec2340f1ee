//! `year-mismatch`: a section heading names another year than the report year implies.

use super::{Basic, Document, Rule};
use crate::config::Role;
use crate::diagnostic::Diagnostic;
use crate::inline::TokenKind;
use crate::outline::{names_goal, runs_to_now};

pub type Settings = Basic;

pub const SUMMARY: &str =
    "章节标题的年份与报告年度不符（下一年度安排应写次年，其余各节写报告年度）";

pub const DOC: &str = "\
检查内容
  一级章节标题中写的年份：“主要举措和成效”“不足和原因”“第一责任人职责”三节讲的是
  报告年度，应写报告年度；“下一年度主要安排”一节应写报告年度的次年。标题中写了年份、
  但没有一个是应写的年份时报告。报告年度取自标题（无标题时取自章节标题或导语），
  所以标题本身与报告年度不会不符；标题与“主要举措和成效”一节的年份不一致由 title-year
  报告。年份区间（“2021—2025年”）不算；兼含两部分的标题写其中任一部分的年份都可以；
  不检查一组专题标题（其中可能写往年督察问题的整改）；“下一年度安排”一节的标题写远景
  目标年份（晚于次年3年以上，如“锚定2035年基本建成法治政府目标”）的不报告。

依据
  《法治政府建设与责任落实督察工作规定》（厅字〔2019〕28号）规定年度报告的内容是
  “上一年度”的举措、成效、不足和履职情况，以及“下一年度”的主要安排。
  把次年的安排写成报告年度（或反之），多半是套用上一年的报告未改年份。

示例
  2023年法治政府建设年度报告 … 四、2023年工作计划
  → 四、2024年工作计划
  2023年法治政府建设年度报告 … 一、2022年主要工作情况
  → 一、2023年主要工作情况

设置
  只有 severity。";

unit_check!();

/// How many years past the plans' year a year in their heading is a long-range goal's
/// (`锚定2035年基本建成法治政府目标`), not a slip.
const LONG_RANGE: i32 = 3;

/// Whether the text after a year's 年 names a part of the year: a quarter, the first
/// half, the first months (`第一季度`, `上半年`, `1—3月`).
fn part_of_year(rest: &str) -> bool {
    let rest = rest.trim_start_matches(' ');
    let rest = rest.strip_prefix('第').unwrap_or(rest);
    let mut chars = rest.chars();
    let quarter = chars.next().is_some_and(|c| "一二三四1234".contains(c))
        && chars.as_str().starts_with("季度");
    quarter
        || ["前三季度", "上半年", "1—3月", "1-3月"]
            .iter()
            .any(|p| rest.starts_with(p))
}

impl Rule for Check {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let Some(report_year) = doc.outline.report_year else {
            return;
        };
        let expected_of = |role: Role| match role {
            Role::Plans => report_year + 1,
            _ => report_year,
        };
        // (A heading of a run of themes may name another year's matter:
        // `二、2022年度法治督察反馈问题整改情况`.)
        for s in doc.outline.sections.iter().filter(|s| !s.thematic) {
            if s.role == Role::Other {
                continue;
            }
            let expected = expected_of(s.role);
            let span = &s.heading;
            let years: Vec<(i32, std::ops::Range<usize>)> = doc
                .tokens_at(span.start)
                .iter()
                .filter(|t| span.start <= t.start() && t.end() <= span.end)
                .filter_map(|t| match &t.kind {
                    // (`2021年以来` runs to the report's year; `2026年第一季度` is a
                    // part of a year, a matter of its own: a quarter's summary added.)
                    TokenKind::Date(d)
                        if !runs_to_now(&doc.text()[t.end()..])
                            && !part_of_year(&doc.text()[t.end()..])
                            && !names_goal(&doc.text()[t.end()..span.end]) =>
                    {
                        Some((d.year?, t.span()))
                    }
                    _ => None,
                })
                .collect();
            // A heading naming two parts (`三、存在的不足和原因及2024年工作安排`) may name
            // either part's year.
            // Plans may name a long-range goal's year too (`锚定2035年基本建成法治政府目标`).
            let fits = |y: i32| {
                y == expected
                    || s.also.iter().any(|&r| y == expected_of(r))
                    || (s.role == Role::Plans && y >= expected + LONG_RANGE)
            };
            if years.is_empty() || years.iter().any(|(y, _)| fits(*y)) {
                continue;
            }
            let (year, at) = years[0].clone();
            let part = if s.role == Role::Plans {
                "下一年度安排"
            } else {
                "上一年度情况"
            };
            out.push(
                Diagnostic::new(
                    at,
                    format!("章节标题写的是{year}年，与报告年度不符：{report_year}年度报告的{part}应写{expected}年"),
                )
                .label(format!("应为{expected}年"))
                .section(s.role.as_str())
                .note(format!("报告年度为{report_year}年"))
                .help(format!("核对年份，改为“{expected}年”")),
            );
        }
    }
}
