//! `date-deadline`: the report is signed, written or published after the configured
//! deadline in the year after the report year.

use super::report_dates::{self, chinese};
use super::{Document, Rule};
use crate::config::{Config, MonthDay};
use crate::diagnostic::Diagnostic;
use crate::outline::DateValue;

pub type Settings = report_dates::DateKeys;

pub const SUMMARY: &str = "落款、成文或发布日期晚于规定期限（默认报告年度次年4月1日之前）";

pub const DOC: &str = "\
检查内容
  文末落款日期、网页元数据中的成文日期（written-keys）和发布日期（published-keys）：
  在报告年度次年的 deadline（MM-DD）当天或之后的，各报告一次（同一日期只报告一次）。
  默认 deadline = \"04-01\"，即须在次年3月31日前（含）发布；未设 deadline 时不检查。
  这一期限来自厅字〔2019〕28号，早于 from-year（默认2019）的年度报告不检查。
  网页上与其他字段同在一行的发布日期（“来源:… 发布日期:2018-04-03 16:13 浏览次数:”）
  同样检查。

依据
  《法治政府建设与责任落实督察工作规定》（厅字〔2019〕28号）规定：每年4月1日
  之前，地方各级政府和县级以上政府部门的法治政府建设年度报告，除涉及党和国家秘密的，
  应当通过报刊、网站等新闻媒体向社会公开。部分省份规定更早的期限（如县级以上政府部门
  须在3月1日之前报告），用 deadline 设置。

示例
  2023年度报告，deadline = \"03-01\"，网页发布时间 2024-03-04
  → 晚于2024年3月1日的期限。

设置
  deadline = \"04-01\"（配置文件顶层，报告年度次年的月-日）
  [rules.date-deadline]
  written-keys = [\"成文日期\", \"发文日期\"]
  published-keys = [\"发布时间\", \"发布日期\", \"公开日期\", \"日期\", \"时间\"]
  from-year = 2019";

pub struct Check {
    deadline: Option<MonthDay>,
    written_keys: Vec<String>,
    published_keys: Vec<String>,
    from_year: Option<i32>,
}

impl Check {
    pub fn new(settings: &Settings, config: &Config) -> Self {
        Check {
            deadline: config.deadline,
            written_keys: settings.written_keys.clone(),
            published_keys: settings.published_keys.clone(),
            from_year: settings.from_year,
        }
    }
}

impl Rule for Check {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let (Some(year), Some(deadline)) = (doc.outline.report_year, self.deadline) else {
            return;
        };
        if self.from_year.is_some_and(|from| year < from) {
            return;
        }
        let due = DateValue {
            year: year + 1,
            month: deadline.month,
            day: deadline.day,
        };
        let dates = report_dates::report_dates(doc, &self.written_keys, &self.published_keys);
        for d in dates.iter().filter(|d| d.key() >= report_dates::key(due)) {
            let (when, due) = (chinese(d.value), chinese(due));
            out.push(
                Diagnostic::new(
                    d.span.clone(),
                    format!(
                        "{}（{when}）晚于期限：{year}年度报告应在{due}之前",
                        d.origin.describe()
                    ),
                )
                .label(format!("期限为{due}之前"))
                .note(format!(
                    "期限由配置项 deadline（{:02}-{:02}）确定",
                    deadline.month, deadline.day
                ))
                .help("按期成文、公开；若本地规定另有期限，在 nianbao.toml 中设置 deadline"),
            );
        }
    }
}
