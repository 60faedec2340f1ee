//! `title-format`: a title that names the work but not the document kind (`报告`), or
//! calls the report a 工作总结.

use super::{Document, Rule};
use crate::config::Level;
use crate::diagnostic::Diagnostic;
use serde::Deserialize;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Settings {
    pub severity: Level,
    /// The title must name the document kind with one of these.
    pub kind_words: Vec<String>,
    /// Kinds an annual report is not (`工作总结`).
    pub wrong_kind_words: Vec<String>,
}

pub const SUMMARY: &str = "标题未写明文种“报告”，或把年度报告称为“工作总结”";

pub const DOC: &str = "\
检查内容
  标题写明了事由（法治政府建设）和年度，却没有文种“报告”（“……2023年法治政府建设
  工作情况”），或称为“工作总结”（“……工作总结的报告”“……工作总结和××年工作计划的
  报告”是关于总结的报告，不报告）。
  没有任何标题时由 title-missing 报告。

依据
  GB/T 9704-2012《党政机关公文格式》：公文标题由发文机关名称、事由和文种组成。
  《法治政府建设与责任落实督察工作规定》（厅字〔2019〕28号）规定的文种是
  “法治政府建设年度报告”。

示例
  某县人民政府2023年法治政府建设工作情况
  → 某县人民政府关于2023年度法治政府建设情况的报告
  某局2023年法治政府建设工作总结
  → 某局2023年法治政府建设年度报告

设置
  [rules.title-format] kind-words = [\"报告\"]，wrong-kind-words = [\"工作总结\"]";

settings_check!();

impl Rule for Check {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let o = doc.outline;
        let (Some(span), Some(title)) = (o.title_span(), o.title_text(doc.text())) else {
            return;
        };
        let s = &self.settings;
        // `…工作总结的报告` is a 报告 on the summary (also with the plan: `…工作总结和2023年
        // 工作计划的报告`): a wrong kind is the document's unless `的` and a kind word
        // follow it.
        let wrong = s.wrong_kind_words.iter().find(|w| {
            title.rfind(w.as_str()).is_some_and(|at| {
                let after = &title[at + w.len()..];
                let joined = after.starts_with(['的', '和', '及', '与']);
                let of_kind = after
                    .rfind('的')
                    .is_some_and(|d| s.kind_words.iter().any(|k| after[d..].contains(k.as_str())));
                !(joined && of_kind)
            })
        });
        let message = if let Some(wrong) = wrong {
            format!("标题把年度报告称为“{wrong}”")
        } else if !s.kind_words.iter().any(|w| title.contains(w.as_str())) {
            "标题未写明文种“报告”".to_string()
        } else {
            return;
        };
        out.push(
            Diagnostic::new(span, message)
                .label("文种不对")
                .note("年度报告的标题由发文机关、事由（法治政府建设）和文种“报告”组成")
                .help(format!(
                    "改为“{}关于{}年度法治政府建设情况的报告”",
                    o.issuer.as_deref().unwrap_or("××"),
                    o.report_year
                        .map_or_else(|| "××××".to_string(), |y| y.to_string())
                )),
        );
    }
}
