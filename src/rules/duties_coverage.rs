//! `duties-coverage`: the duties part never mentions some of the duties the head must
//! show (学法, 研究部署, 合法性审查, 法律顾问, 出庭应诉, 督促, 普法 — topics in TOML).

use super::{Document, Rule};
use crate::config::{Config, Level, Role};
use crate::diagnostic::Diagnostic;
use crate::words::WordMatcher;
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Settings {
    pub severity: Level,
    /// Topic → the words that show it; an empty list removes a built-in topic.
    pub topics: BTreeMap<String, Vec<String>>,
}

pub const SUMMARY: &str =
    "第一责任人职责部分未提及的履职事项（学法、研究部署、合法性审查、法律顾问、出庭应诉等）";

pub const DOC: &str = "\
检查内容
  角色为 duties 的一级标题下（含标题），topics 所列的每项履职事项，其用词一个也没有
  出现的，在该标题处列出这些事项（一次）。没有这一部分时由 section-missing 报告。

依据
  《党政主要负责人履行推进法治建设第一责任人职责规定》（2016）第四条至第六条：
  带头尊法学法守法用法，定期听取汇报、研究部署法治建设，严格执行重大行政决策
  法定程序、建立健全法律顾问制度，认真落实行政机关负责人出庭应诉制度，督促领导
  班子其他成员和下级依法行政，推动普法工作；《法治政府建设与责任落实督察工作规定》
  第二十五条要求年度报告写明党政主要负责人履行第一责任人职责的情况。

示例
  三、党政主要负责人履行推进法治建设第一责任人职责情况
  主要负责人召开常务会议专题研究法治政府建设4次。
  → 未提及：出庭应诉、法律顾问、学法述法……

设置
  [rules.duties-coverage.topics]
  \"法律顾问\" = [\"法律顾问\", \"公职律师\"]（每项一行；写 \"事项\" = [] 去掉内置事项）";

pub struct Check {
    topics: Vec<String>,
    /// Every topic's words; a match's pattern indexes `topic_of`.
    matcher: Option<WordMatcher>,
    topic_of: Vec<usize>,
}

impl Check {
    pub fn new(settings: &Settings, _: &Config) -> Self {
        let mut topics = Vec::new();
        let mut words = Vec::new();
        let mut topic_of = Vec::new();
        for (topic, ws) in &settings.topics {
            let ws: Vec<&String> = ws.iter().filter(|w| !w.is_empty()).collect();
            if ws.is_empty() {
                continue;
            }
            for w in ws {
                words.push(w.clone());
                topic_of.push(topics.len());
            }
            topics.push(topic.clone());
        }
        Check {
            topics,
            matcher: WordMatcher::new(&words),
            topic_of,
        }
    }
}

impl Rule for Check {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let Some(matcher) = &self.matcher else { return };
        let text = doc.text();
        let lines = &doc.outline.lines;
        let parts: Vec<_> = doc.outline.parts(Role::Duties).collect();
        let Some(first) = parts.first() else { return };
        let mut seen = vec![false; self.topics.len()];
        for s in &parts {
            for l in &lines[s.line..s.end_line] {
                for m in matcher.find_iter(&text[l.span()]) {
                    seen[self.topic_of[m.pattern().as_usize()]] = true;
                }
            }
        }
        let missing: Vec<&str> = self
            .topics
            .iter()
            .zip(&seen)
            .filter(|(_, seen)| !**seen)
            .map(|(t, _)| t.as_str())
            .collect();
        if !missing.is_empty() {
            out.push(
                Diagnostic::new(
                    first.heading.clone(),
                    format!("第一责任人职责部分未提及：{}", missing.join("、")),
                )
                .label("履职情况不全")
                .section(Role::Duties.as_str())
                .help("写明主要负责人在这些方面的履职情况，或在配置中调整 topics"),
            );
        }
    }
}
