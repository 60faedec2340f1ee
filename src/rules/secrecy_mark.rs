//! `secrecy-mark`: a secrecy or internal-use mark standing as a mark (`秘密★1年`,
//! `内部资料 注意保存` on a line of its own) in a report that is published.

use super::{Document, Rule};
use crate::config::{Config, Level};
use crate::diagnostic::Diagnostic;
use crate::outline::{LineKind, trim_span};
use serde::Deserialize;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Settings {
    pub severity: Level,
    /// Words a mark line consists of (with spaces, `★` and a period between them).
    pub words: Vec<String>,
}

pub const SUMMARY: &str = "拟公开的报告带有密级或“内部资料”“不得公开”等标志";

pub const DOC: &str = "\
检查内容
  文首（第一个标题之前）单独成行的密级或内部标志：“秘密★1年”“机密★长期”“绝密”，
  “内部资料 注意保存”“内部使用”“不得公开”等（words 所列的词、★及保密期限组成的
  整行），以及任何位置行首的“秘密★…”“机密★…”“绝密★…”。正文句子中提到
  “不得公开”“涉密”的、正文表格中单独的“不得公开”等单元格不报告。

依据
  《法治政府建设与责任落实督察工作规定》（厅字〔2019〕28号）第二十四条：年度报告
  除涉及党和国家秘密的，应当通过报刊、网站等新闻媒体向社会公开；带密级或内部标志的
  文本不应作为公开文本发布。GB/T 9704-2012 7.2.2：密级和保密期限顶格编排在版心左上角。

示例
  秘密★1年
  某县人民政府关于2023年法治政府建设情况的报告
  → 第1行是密级标志，公开发布前应确认并去除

设置
  [rules.secrecy-mark]
  words = [\"绝密\", \"机密\", \"秘密\", \"内部资料\", …]";

pub struct Check {
    words: Vec<String>,
}

impl Check {
    pub fn new(settings: &Settings, _: &Config) -> Self {
        let mut words: Vec<String> = settings
            .words
            .iter()
            .filter(|w| !w.is_empty())
            .cloned()
            .collect();
        // Longest first, so `内部资料` is tried before `内部`.
        words.sort_by_key(|w| std::cmp::Reverse(w.len()));
        Check { words }
    }

    /// Whether `s` (a trimmed line) is nothing but mark words, `★` and a period.
    fn is_mark_line(&self, s: &str) -> bool {
        let mut rest = s;
        let mut words = 0;
        loop {
            rest = rest.trim_start_matches(|c: char| c.is_whitespace() || "，,、:：".contains(c));
            if rest.is_empty() {
                return words > 0;
            }
            if let Some(r) = rest.strip_prefix('★') {
                rest = skip_period(r);
            } else if let Some(w) = self.words.iter().find(|w| rest.starts_with(w.as_str())) {
                rest = &rest[w.len()..];
                words += 1;
            } else {
                return false;
            }
        }
    }
}

/// After `★`: a period such as `1年`, `6个月`, `长期`.
fn skip_period(s: &str) -> &str {
    if let Some(r) = s.strip_prefix("长期") {
        return r;
    }
    let r =
        s.trim_start_matches(|c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c));
    if r.len() == s.len() {
        return s;
    }
    r.strip_prefix("个月")
        .or_else(|| r.strip_prefix('年'))
        .or_else(|| r.strip_prefix('月'))
        .unwrap_or(r)
}

impl Rule for Check {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        // A mark made of words alone counts in the document head (before the first
        // heading), where GB/T 9704 puts it; in the body such a line may be a table cell.
        let head_end = doc.outline.sections.first().map_or(usize::MAX, |s| s.line);
        for (i, line) in doc.outline.lines.iter().enumerate() {
            if matches!(line.kind, LineKind::Blank | LineKind::Meta) {
                continue;
            }
            let span = trim_span(text, line.span());
            let s = &text[span.clone()];
            if s.chars().nth(40).is_some() {
                continue;
            }
            let span = if i < head_end && self.is_mark_line(s) {
                span
            } else if let Some(level) = ["绝密★", "机密★", "秘密★"]
                .iter()
                .find(|m| s.starts_with(*m))
            {
                let end = s.len() - skip_period(&s[level.len()..]).len();
                span.start..span.start + end
            } else {
                continue;
            };
            out.push(
                Diagnostic::new(
                    span.clone(),
                    format!(
                        "“{}”是密级或内部标志，不应出现在公开的年度报告中",
                        &text[span]
                    ),
                )
                .label("密级或内部标志")
                .help("确认报告可以公开后去除该标志；涉密内容不应写入公开的年度报告"),
            );
        }
    }
}
