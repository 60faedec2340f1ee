//! `title-year`: the title names no year, or another year than the `measures` heading.

use super::{Basic, Document, Rule};
use crate::config::Role;
use crate::diagnostic::Diagnostic;
use crate::outline::{Section, first_year, half_width_digit, period_years, years_to_now};

pub type Settings = Basic;

pub const SUMMARY: &str = "标题未写明报告年度，或与“主要举措和成效”章节的年度不一致";

pub const DOC: &str = "\
检查内容
  标题是否写明报告年度（如“2023年”）；若“主要举措和成效”一节的标题也写了年度，
  两者是否一致。

依据
  年度报告须说明“上一年度”的情况；标题不写年度，读者无法判断报告覆盖哪一年，
  年度写错则与正文矛盾。

示例
  杭州市司法局法治政府建设年度报告
  → 杭州市司法局2023年法治政府建设年度报告

设置
  无。";

unit_check!();

impl Rule for Check {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let o = doc.outline;
        let (Some(span), Some(title)) = (o.title_span(), o.title_text(doc.text())) else {
            return;
        };
        // (Full-width digits, `２０２４年度`, are a year as well.)
        let title: String = title.chars().map(half_width_digit).collect();
        // A cover's title names the report it sends in book-title marks (`关于报送《某县
        // 2023年度法治政府建设情况报告》的函`): that report's year is the title's.
        let Some(year) = first_year(&title).or_else(|| cited_report_year(&title)) else {
            // A year without its 年 (`某街道2024法治政府建设年度报告`) is written, if short.
            let diagnostic = match bare_year(&title) {
                Some(y) => Diagnostic::new(span, format!("标题中的年份“{y}”后缺少“年”字"))
                    .label(format!("应为“{y}年”"))
                    .help(format!("写作“{y}年”或“{y}年度”")),
                None => Diagnostic::new(span, "标题未写明报告年度")
                    .label("缺少“××××年”")
                    .help("在标题中写明报告年度，如“2023年法治政府建设年度报告”"),
            };
            out.push(diagnostic);
            return;
        };
        // Some measures heading names the title's year (`一、巩固2023年…成果，2024年推进…`,
        // a part on last year's rectification before `二、2024年…主要举措和成效`), or a span
        // running to it (`一、2021年以来…主要成效`).
        let heading = |s: &Section| &doc.text()[s.heading.clone()];
        if o.parts(Role::Measures).any(|s| {
            period_years(heading(s)).any(|y| y == year)
                || years_to_now(heading(s)).any(|y| y <= year)
        }) {
            return;
        }
        let measures = o.parts(Role::Measures).next();
        let measures_year = measures.and_then(|s| Some((s, period_years(heading(s)).next()?)));
        if let Some((s, y)) = measures_year.filter(|&(_, y)| y != year) {
            out.push(
                Diagnostic::new(
                    span,
                    format!("标题年度（{year}年）与“主要举措和成效”章节的年度（{y}年）不一致"),
                )
                .label(format!("标题写的是{year}年"))
                .note(format!(
                    "第 {} 行的章节标题写的是{y}年",
                    doc.source.position(s.heading.start).0
                )),
            );
        }
    }
}

/// The year of a report named in book-title marks in `title` (`《…2023年度…报告》`).
fn cited_report_year(title: &str) -> Option<i32> {
    title.split('《').skip(1).find_map(|cited| {
        let inner = cited.split('》').next()?;
        inner
            .contains("报告")
            .then(|| first_year(&format!("《{inner}》")))?
    })
}

/// Four digits of a year (1990 to 2100) standing alone in `title`, no 年 after them.
fn bare_year(title: &str) -> Option<i32> {
    let b = title.as_bytes();
    (0..b.len().saturating_sub(3)).find_map(|i| {
        let digits = b[i..i + 4].iter().all(u8::is_ascii_digit);
        let alone = (i == 0 || !b[i - 1].is_ascii_digit())
            && b.get(i + 4).is_none_or(|c| !c.is_ascii_digit());
        let year: i32 = title.get(i..i + 4)?.parse().ok()?;
        (digits && alone && (1990..=2100).contains(&year)).then_some(year)
    })
}
