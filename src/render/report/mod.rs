//! `nianbao report`: the reviewer's table, one row per file — title, issuer, year, dates
//! and the deadline, missing mandated parts, finding counts, the main problems and copied
//! text — with a totals block. The rows are built here once; each submodule only formats
//! them (aligned text, CSV, JSON, xlsx, a self-contained HTML page).

pub mod csv;
pub mod html;
pub mod json;
pub mod table;
pub mod xlsx;

use super::FileReport;
use crate::config::{Config, Role};
use crate::diagnostic::Severity;
use crate::outline::{Outline, read_date};
use crate::rules::date_deadline;
use serde::Serialize;

/// The column headings, in order; [`Row::cells`] yields one value per column.
pub const HEADER: [&str; 14] = [
    "文件",
    "标题",
    "发文机关",
    "年度",
    "落款日期",
    "发布日期",
    "适用期限",
    "期限状态",
    "缺少部分",
    "错误",
    "警告",
    "提示",
    "主要问题",
    "雷同",
];

/// How many rules [`Row::top_rules`] keeps.
const TOP_RULES: usize = 3;

/// What a cell shows for a value the file does not have.
pub const NONE: &str = "—";

/// Whether a report met its publication deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Signed and published before the deadline.
    OnTime,
    /// A date falls on or after the deadline (`date-deadline`).
    Late,
    /// Signed or published before the reported year ended (`date-before-period-end`).
    Early,
    /// The report carries no date at all.
    Undated,
    /// No report year or no deadline configured: nothing to compare.
    Unknown,
    /// The file could not be read.
    Unreadable,
}

impl Status {
    pub fn chinese(self) -> &'static str {
        match self {
            Status::OnTime => "按期",
            Status::Late => "逾期",
            Status::Early => "早于年度结束",
            Status::Undated => "无日期",
            Status::Unknown => NONE,
            Status::Unreadable => "无法读取",
        }
    }

    fn is_problem(self) -> bool {
        matches!(
            self,
            Status::Late | Status::Early | Status::Undated | Status::Unreadable
        )
    }
}

/// The Chinese name of a mandated part, as reviewers call it.
pub fn part_name(role: Role) -> &'static str {
    match role {
        Role::Measures => "举措和成效",
        Role::Shortcomings => "不足和原因",
        Role::Duties => "第一责任人职责",
        Role::Plans => "下一年度安排",
        Role::Other => "其他",
    }
}

/// Another file sharing this file's sentences.
#[derive(Debug, Clone, Serialize)]
pub struct Copied {
    /// The other file.
    pub other: String,
    /// Percentage of this file's sentences also found in the other file.
    pub percent: u32,
}

/// One rule and how often it fired in a file.
#[derive(Debug, Clone, Serialize)]
pub struct RuleCount {
    pub rule: &'static str,
    pub count: usize,
}

/// One file's row.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub path: String,
    pub title: Option<String>,
    pub issuer: Option<String>,
    pub year: Option<i32>,
    /// The signature's date, `YYYY-MM-DD` (`YYYY-MM` when it lacks its day).
    pub signed: Option<String>,
    /// The page's publication dates as the page writes them (several joined by 、).
    pub published: Option<String>,
    /// The deadline for this report, `YYYY-MM-DD` (publish before it).
    pub due: Option<String>,
    pub status: Status,
    /// The mandated parts the report lacks, in Chinese.
    pub missing: Vec<&'static str>,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// The most frequent rules, most frequent first.
    pub top_rules: Vec<RuleCount>,
    /// Files this one shares at least the configured share of its sentences with.
    pub copied: Vec<Copied>,
    /// Why the file could not be read; the other fields are then empty.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unreadable: Option<String>,
}

impl Row {
    /// The row of a linted file, under the configuration that applied to it.
    pub fn new(report: &FileReport, outline: &Outline, config: &Config) -> Row {
        let ds = &report.diagnostics;
        let has = |rule: &str| ds.iter().any(|d| d.rule == rule);
        let count = |s: Severity| ds.iter().filter(|d| d.severity == s).count();
        let missing = Role::MANDATED
            .into_iter()
            .filter(|role| {
                ds.iter().any(|d| {
                    d.rule == "section-missing" && d.section.as_deref() == Some(role.as_str())
                })
            })
            .map(part_name)
            .collect();
        let published_keys = &config.rules.date_deadline.published_keys;
        // Each publication date the page gives, once, as `YYYY-MM-DD` where it reads as
        // a date (`2024年02月05日`, `2024-02-18 09:12`): the status may rest on any.
        let mut dates: Vec<String> = Vec::new();
        for m in outline.meta_values(published_keys) {
            let v = m.value.trim();
            let day = v.split_whitespace().next().and_then(|d| read_date(d, 0));
            let v = day.map_or_else(|| v.to_owned(), |d| d.value.to_string());
            if !v.is_empty() && !dates.contains(&v) {
                dates.push(v);
            }
        }
        let published = (!dates.is_empty()).then(|| dates.join("、"));
        let sig = &outline.signature;
        let dayless = sig.dayless.as_ref();
        let signed = sig
            .date
            .as_ref()
            .map(|(d, _)| d.to_string())
            .or_else(|| dayless.map(|m| format!("{:04}-{:02}", m.year, m.month)));
        let due_date = outline.report_year.zip(date_deadline::deadline_for(
            config,
            outline.issuer.as_deref(),
        ));
        let due = due_date.map(|(y, d)| format!("{:04}-{:02}-{:02}", y + 1, d.month, d.day));
        // A 落款 month holding the deadline's day may be on either side of it.
        let straddles = dayless
            .zip(due_date)
            .is_some_and(|(m, (y, d))| (m.year, m.month) == (y + 1, d.month) && d.day > 1);
        let status = if has("date-deadline") {
            Status::Late
        } else if has("date-before-period-end") {
            Status::Early
        } else if signed.is_none() && published.is_none() && outline.metadata.is_empty() {
            Status::Undated
        } else if due.is_some() && !straddles {
            Status::OnTime
        } else {
            Status::Unknown
        };
        let text = &report.source.text;
        Row {
            path: report.source.name.clone(),
            // One line, as the outline reads it (a title wrapped over lines, blank
            // lines between them), or a page's title field.
            title: outline.title_or_field(text, &config.outline.title_words),
            issuer: outline.issuer.clone(),
            year: outline.report_year,
            signed,
            published,
            due,
            status,
            missing,
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            infos: count(Severity::Info),
            top_rules: top_rules(report),
            copied: Vec::new(),
            unreadable: None,
        }
    }

    /// The row of a file that could not be read.
    pub fn unreadable(path: &str, reason: &str) -> Row {
        Row {
            path: path.to_string(),
            title: None,
            issuer: None,
            year: None,
            signed: None,
            published: None,
            due: None,
            status: Status::Unreadable,
            missing: Vec::new(),
            errors: 0,
            warnings: 0,
            infos: 0,
            top_rules: Vec::new(),
            copied: Vec::new(),
            unreadable: Some(reason.to_string()),
        }
    }

    /// One display string per column of [`HEADER`].
    pub fn cells(&self) -> [String; 14] {
        let or_none = |v: &Option<String>| v.clone().unwrap_or_else(|| NONE.into());
        let list = |items: Vec<String>| {
            if items.is_empty() {
                NONE.to_string()
            } else {
                items.join("、")
            }
        };
        let title = match &self.unreadable {
            Some(reason) => format!("无法读取：{reason}"),
            None => or_none(&self.title),
        };
        [
            self.path.clone(),
            title,
            or_none(&self.issuer),
            self.year.map_or_else(|| NONE.into(), |y| y.to_string()),
            or_none(&self.signed),
            or_none(&self.published),
            or_none(&self.due),
            self.status.chinese().into(),
            list(self.missing.iter().map(|m| m.to_string()).collect()),
            self.errors.to_string(),
            self.warnings.to_string(),
            self.infos.to_string(),
            list(
                self.top_rules
                    .iter()
                    .map(|r| format!("{}×{}", r.rule, r.count))
                    .collect(),
            ),
            list(
                self.copied
                    .iter()
                    .map(|c| format!("{}（{}%）", c.other, c.percent))
                    .collect(),
            ),
        ]
    }

    /// Whether column `column` of this row shows a problem.
    pub fn is_problem(&self, column: usize) -> bool {
        match column {
            7 => self.status.is_problem(),
            8 => !self.missing.is_empty(),
            9 => self.errors > 0,
            13 => !self.copied.is_empty(),
            _ => false,
        }
    }
}

/// The rules that fired most often in `report`, at most [`TOP_RULES`], ties by id.
fn top_rules(report: &FileReport) -> Vec<RuleCount> {
    let mut counts: Vec<RuleCount> = Vec::new();
    for d in &report.diagnostics {
        match counts.iter_mut().find(|c| c.rule == d.rule) {
            Some(c) => c.count += 1,
            None => counts.push(RuleCount {
                rule: d.rule,
                count: 1,
            }),
        }
    }
    counts.sort_by(|a, b| b.count.cmp(&a.count).then(a.rule.cmp(b.rule)));
    counts.truncate(TOP_RULES);
    counts
}

/// The totals block: how many files, how many lack each part, are late, have errors.
#[derive(Debug, Clone, Serialize)]
pub struct Totals {
    pub files: usize,
    pub unreadable: usize,
    /// Per mandated part (Chinese name), the files lacking it.
    pub missing: Vec<(&'static str, usize)>,
    pub late: usize,
    pub with_errors: usize,
    pub copied: usize,
}

impl Totals {
    pub fn of(rows: &[Row]) -> Totals {
        let n = |f: &dyn Fn(&Row) -> bool| rows.iter().filter(|r| f(r)).count();
        Totals {
            files: rows.len(),
            unreadable: n(&|r| r.unreadable.is_some()),
            missing: Role::MANDATED
                .into_iter()
                .map(part_name)
                .map(|part| (part, n(&|r| r.missing.contains(&part))))
                .collect(),
            late: n(&|r| r.status == Status::Late),
            with_errors: n(&|r| r.errors > 0),
            copied: n(&|r| !r.copied.is_empty()),
        }
    }

    /// The totals as label–value lines, for the text and spreadsheet formats.
    pub fn lines(&self) -> Vec<(String, String)> {
        let mut out = vec![("文件数".to_string(), self.files.to_string())];
        if self.unreadable > 0 {
            out.push(("无法读取".into(), self.unreadable.to_string()));
        }
        for (part, n) in &self.missing {
            out.push((format!("缺少{part}"), n.to_string()));
        }
        out.push(("逾期".into(), self.late.to_string()));
        out.push(("有错误".into(), self.with_errors.to_string()));
        out.push(("雷同".into(), self.copied.to_string()));
        out
    }
}
