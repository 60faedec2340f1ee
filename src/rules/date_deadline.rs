//! `date-deadline`: the report is signed, written or published after the deadline in the
//! year after the report year — `department-deadline` for a department's report, else
//! `deadline`.

use super::report_dates::{self, Origin, ReportDate, chinese};
use super::{Document, Rule};
use crate::config::{Config, Level, MonthDay};
use crate::diagnostic::Diagnostic;
use crate::outline::{DateValue, LineKind};
use serde::Deserialize;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Settings {
    pub severity: Level,
    /// Metadata keys whose value is the 成文日期.
    pub written_keys: Vec<String>,
    /// Metadata keys whose value is the publication date.
    pub published_keys: Vec<String>,
    /// An issuer ending in one of these is a government department.
    pub department_suffixes: Vec<String>,
    /// Reports on years before this one are not checked (the deadline is the 2019
    /// regulation's).
    pub from_year: Option<i32>,
}

pub const SUMMARY: &str =
    "落款、成文或发布日期晚于规定期限（默认报告年度次年4月1日之前；政府部门可另设期限）";

pub const DOC: &str = "\
检查内容
  文末落款日期、网页元数据中的成文日期（written-keys）和发布日期（published-keys）：
  在报告年度次年的期限（MM-DD）当天或之后的，各报告一次（同一日期只报告一次）；
  只写年、月的落款日期（“2025年4月”），该月第一天已到期限的才报告。
  发文机关（落款、发布机构或标题中的机关）以 department-suffixes 所列的字结尾
  （…局、…委、…办、…厅、…中心）的是政府部门，适用 department-deadline；其他
  （…人民政府）适用 deadline；街道办事处，开发区、园区、度假区等区域的管理委员会，
  地区（盟）行政公署管理一个区域，与政府同样适用 deadline；“中共…局党组”按其局算。department-deadline 未设置时与
  deadline 相同。
  提示中注明所用的期限及其依据。默认 deadline = \"04-01\"；未设 deadline 时不检查。
  这一期限来自厅字〔2019〕28号，早于 from-year（默认2019）的年度报告不检查。
  网页上与其他字段同在一行的发布日期（“来源:… 发布日期:2018-04-03 16:13 浏览次数:”）
  同样检查。

依据
  《法治政府建设与责任落实督察工作规定》（厅字〔2019〕28号）第二十四条：每年4月1日
  之前，地方各级政府和县级以上政府部门的法治政府建设年度报告，除涉及党和国家秘密的，
  应当通过报刊、网站等新闻媒体向社会公开。部分省份规定更早的期限（如县级以上政府
  部门须在3月1日之前报告），用 department-deadline 或 deadline 设置。

示例
  杭州市司法局2023年度报告，department-deadline = \"03-01\"，网页发布时间 2024-03-04
  → 晚于2024年3月1日的期限（政府部门，department-deadline）。

设置
  deadline = \"04-01\"、department-deadline = \"03-01\"（配置文件顶层，报告年度次年的月-日）
  [rules.date-deadline]
  written-keys = [\"成文日期\", \"发文日期\"]
  published-keys = [\"发布时间\", \"发布日期\", \"公开日期\", \"日期\", \"时间\"]
  department-suffixes = [\"局\", \"委\", \"委员会\", \"办\", \"办公室\", \"厅\", \"中心\", \"署\"]
  from-year = 2019";

pub struct Check {
    deadline: Option<MonthDay>,
    department_deadline: Option<MonthDay>,
    written_keys: Vec<String>,
    published_keys: Vec<String>,
    from_year: Option<i32>,
    department_suffixes: Vec<String>,
}

/// Words naming an area a management committee governs (`某经济技术开发区管理委员会`).
const ZONES: [&str; 7] = [
    "开发区",
    "高新区",
    "新区",
    "园区",
    "试验区",
    "保税区",
    "示范区",
];

/// The deadline for a report by `issuer` under `config` (month and day of the year after
/// the report year): what the rule compares dates with, for the reviewer's table.
pub fn deadline_for(config: &Config, issuer: Option<&str>) -> Option<MonthDay> {
    Check::new(&config.rules.date_deadline, config)
        .applicable(issuer)
        .map(|(d, _)| d)
}

impl Check {
    pub fn new(settings: &Settings, config: &Config) -> Self {
        Check {
            deadline: config.deadline,
            department_deadline: config.department_deadline,
            written_keys: settings.written_keys.clone(),
            published_keys: settings.published_keys.clone(),
            from_year: settings.from_year,
            department_suffixes: settings
                .department_suffixes
                .iter()
                .filter(|s| !s.is_empty())
                .cloned()
                .collect(),
        }
    }

    /// Whether `issuer` is a government department: its name, without a trailing
    /// parenthesis (`县司法局（行政复议局）`) or its party group (`中共某县司法局党组`),
    /// ends in a department suffix. A street office (`某街道办事处`), a development
    /// zone's management committee (`某经济开发区管理委员会`) and a prefecture's
    /// administrative office (`某地区行政公署`) govern an area, as a government does.
    fn is_department(&self, issuer: &str) -> bool {
        let mut name = issuer.trim();
        if let Some(open) = name
            .rfind(['(', '（'])
            .filter(|_| name.ends_with([')', '）']))
        {
            name = name[..open].trim_end();
        }
        let name = name
            .strip_suffix("党组")
            .or_else(|| name.strip_suffix("党委"))
            .unwrap_or(name);
        let street = ["街道办事处", "街道办"].iter().any(|s| name.ends_with(s));
        // (Also a zone named by what ends its name: `…旅游度假区`, `…合作区`, `…产业园`.)
        let zone = ["管理委员会", "管委会"]
            .iter()
            .filter_map(|s| name.strip_suffix(s))
            .any(|area| {
                ZONES.iter().any(|z| area.contains(z)) || area.ends_with(['区', '园', '港', '岛'])
            });
        // A prefecture's or league's administrative office governs it (`某地区行政公署`).
        let prefecture = name.ends_with("行政公署");
        !street
            && !zone
            && !prefecture
            && self
                .department_suffixes
                .iter()
                .any(|s| name.ends_with(s.as_str()))
    }

    /// The deadline that applies, and the sentence saying why.
    fn applicable(&self, issuer: Option<&str>) -> Option<(MonthDay, String)> {
        let department = issuer.filter(|i| self.is_department(i));
        let show = |d: MonthDay| format!("{:02}-{:02}", d.month, d.day);
        match (department, self.department_deadline) {
            (Some(organ), Some(d)) => Some((
                d,
                format!(
                    "期限由配置项 department-deadline（{}）确定：发文机关“{organ}”是政府部门",
                    show(d)
                ),
            )),
            (Some(organ), None) => self.deadline.map(|d| {
                (
                    d,
                    format!(
                        "期限由配置项 deadline（{}）确定：发文机关“{organ}”是政府部门，未另设 department-deadline",
                        show(d)
                    ),
                )
            }),
            (None, _) => self.deadline.map(|d| {
                let who = issuer.map_or("发文机关不明".to_string(), |i| format!("发文机关“{i}”"));
                (d, format!("期限由配置项 deadline（{}）确定（{who}）", show(d)))
            }),
        }
    }
}

impl Rule for Check {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let Some(year) = doc.outline.report_year else {
            return;
        };
        let Some((deadline, why)) = self.applicable(doc.outline.issuer.as_deref()) else {
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
        let page_date = |d: &ReportDate| match d.origin {
            Origin::Meta(key) => self.published_keys.iter().any(|k| k == key),
            Origin::Signature => false,
        };
        // A late page date is looked at again only then: is the page a news item?
        let late = dates
            .iter()
            .filter(|d| d.key() >= report_dates::key(due))
            .filter(|d| !(page_date(d) && is_news_item(doc)));
        // A 落款 without its day (`2025年4月`) is late when the month's first day is.
        let found = report_dates::described(doc, late, |m| {
            (m.year, m.month, 1) >= report_dates::key(due)
        });
        for (span, what, when) in found {
            let due = chinese(due);
            out.push(
                Diagnostic::new(
                    span,
                    format!("{what}（{when}）晚于期限：{year}年度报告应在{due}之前"),
                )
                .label(format!("期限为{due}之前"))
                .note(why.clone())
                .help("按期成文、公开；若本地规定另有期限，在 nianbao.toml 中设置 deadline 或 department-deadline"),
            );
        }
    }
}

/// Whether the text is a news item carrying the report (`中新网 3月29日电 据司法部网站
/// 消息，司法部发布…`: a dateline `…月…日电` opening a line before the first heading): its
/// page's publication date is the news item's, or a later copy's, not the report's.
fn is_news_item(doc: &Document) -> bool {
    let first_heading = doc.outline.sections.first().map_or(usize::MAX, |s| s.line);
    let lines = doc.outline.lines.iter().take(first_heading.min(40));
    lines
        .filter(|l| l.kind == LineKind::Paragraph)
        .any(|l| has_dateline(&doc.text()[l.span()]))
}

/// A news dateline in the first characters of `line`: `3月29日电`.
fn has_dateline(line: &str) -> bool {
    let head = &line[..line.char_indices().nth(30).map_or(line.len(), |(i, _)| i)];
    let digits_off = |s: &str| s.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    head.match_indices("日电").any(|(at, _)| {
        let day = &head[..digits_off(&head[..at])];
        day.len() < at
            && day
                .strip_suffix('月')
                .is_some_and(|m| digits_off(m) < m.len())
    })
}
