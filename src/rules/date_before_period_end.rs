//! `date-before-period-end`: the report is signed, written or published before the year
//! it reports on has ended.

use super::report_dates;
use super::{Document, Rule};
use crate::config::Config;
use crate::diagnostic::Diagnostic;

pub type Settings = report_dates::DateKeys;

pub const SUMMARY: &str = "落款、成文或发布日期不晚于报告年度的12月31日，报告不可能覆盖全年";

pub const DOC: &str = "\
检查内容
  文末落款日期、网页元数据中的成文日期（written-keys）和发布日期（published-keys）：
  不晚于报告年度12月31日的，各报告一次（同一日期只报告一次）；只写年、月的落款日期
  （“2023年12月”）在报告年度之内的同样报告。报告年度取自标题，
  无标题时取自章节标题或导语。

依据
  《法治政府建设与责任落实督察工作规定》（厅字〔2019〕28号）要求年度报告报告
  上一年度推进法治政府建设的举措和成效，须反映全年情况；年度结束前就成文或发布的报告，
  数字只能截至成文之时，必然缺少最后几周乃至几个月。

示例
  2023年法治政府建设工作情况报告，落款 2023年12月25日
  → 报告年度尚未结束：补充全年数据后重新成文。
  2024年度报告，网页发布时间 2024-12-10
  → 同上。

设置
  [rules.date-before-period-end]
  written-keys = [\"成文日期\"]
  published-keys = [\"发布时间\", \"发布日期\", \"公开日期\", \"日期\"]";

pub struct Check {
    written_keys: Vec<String>,
    published_keys: Vec<String>,
}

impl Check {
    pub fn new(settings: &Settings, _: &Config) -> Self {
        Check {
            written_keys: settings.written_keys.clone(),
            published_keys: settings.published_keys.clone(),
        }
    }
}

impl Rule for Check {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let Some(year) = doc.outline.report_year else {
            return;
        };
        let dates = report_dates::report_dates(doc, &self.written_keys, &self.published_keys);
        // A 落款 without its day (`2023年12月`): the whole month is within the year.
        let found =
            report_dates::described(doc, dates.iter().filter(|d| d.value.year <= year), |m| {
                m.year <= year
            });
        for (span, what, when) in found {
            out.push(
                Diagnostic::new(
                    span,
                    format!(
                        "{what}（{when}）不晚于报告年度（{year}年）结束，报告不可能反映全年情况"
                    ),
                )
                .label(format!("{year}年尚未结束"))
                .note(format!("{year}年度报告应在{year}年12月31日之后成文、发布"))
                .help("核对日期；若确在年内成稿，应补充全年数据后重新成文"),
            );
        }
    }
}
