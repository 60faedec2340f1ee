//! `title-missing`: no title line naming a 法治政府建设 report.

use super::{Basic, Document, Rule};
use crate::diagnostic::Diagnostic;

pub type Settings = Basic;

pub const SUMMARY: &str = "没有写明“法治政府建设……报告”的标题行";

pub const DOC: &str = "\
检查内容
  第一个一级标题之前是否有一行标题，含有 [outline] title-words 中的全部词
  （默认“法治”“报告”），不含句中标点。

依据
  GB/T 9704-2012《党政机关公文格式》：公文标题由发文机关名称、事由和文种组成。
  年度报告公开发布时，标题是读者和检索系统识别报告的依据。

示例
  （正文直接以“2024年，我局……”开头）
  → 在正文前加标题：“义乌市综合行政执法局2024年法治政府建设年度报告”。
  建议的标题用文中的年度和发文机关（落款或网页元数据中的）。
  写明了事由却缺少“报告”的标题（“……法治政府建设工作情况”，旧式的“……推进依法行政
  工作情况”：有年份和 [outline] loose-title-words 中的一个词）不算缺标题，由
  title-format 报告。
  网页只在元数据中给出标题（“标题：……”“文件名称：……”“信息名称：……”“名称：……”，含全部
  title-words）时不报告。

设置
  [outline] title-words = [\"法治\", \"报告\"]";

unit_check!();

impl Rule for Check {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let o = doc.outline;
        // A page may give its title only as a field (`标题：…`).
        let titled_field = o.title_field(&doc.config.outline.title_words).is_some();
        if !o.title.is_empty() || titled_field {
            return;
        }
        let span = o.first_content_line().map_or(0..0, |i| {
            let start = o.lines[i].span().start;
            let first = doc.text()[start..].chars().next().map_or(0, char::len_utf8);
            start..start + first
        });
        out.push(
            Diagnostic::new(span, "缺少标题：没有写明“法治政府建设年度报告”的标题行")
                .label("标题应在此之前")
                .help(format!(
                    "在正文前加一行标题，例如“{}关于{}年度法治政府建设情况的报告”",
                    o.issuer.as_deref().unwrap_or("××市人民政府"),
                    o.report_year
                        .map_or_else(|| "××××".to_string(), |y| y.to_string())
                )),
        );
    }
}
