//! `shortcomings-cause`: the shortcomings part names problems but no cause (原因,
//! 主要是, 究其原因, 根源在于, 由于 …).

use super::{Document, Rule};
use crate::config::{Config, Level, Role};
use crate::diagnostic::Diagnostic;
use crate::words::WordMatcher;
use serde::Deserialize;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Settings {
    pub severity: Level,
    /// Words that name a cause.
    pub cause_words: Vec<String>,
}

pub const SUMMARY: &str = "“存在的不足和原因”部分只列问题、未分析原因";

pub const DOC: &str = "\
检查内容
  角色为 shortcomings 的一级标题下的正文（标题本身不算）中没有任何表示原因的词
  （cause-words：原因、究其原因、根源在于、由于、导致、主观上……）时，在该标题处报告一次。
  没有这一部分时由 section-missing 报告，本规则不报告。

依据
  《法治政府建设与责任落实督察工作规定》（厅字〔2019〕28号）第二十五条：年度报告
  应当包括上一年度推进法治政府建设存在的不足和原因。评估研究把“不足泛泛而谈、
  不分析原因”列为年度报告的常见缺陷。

示例
  二、存在的不足和原因
  一是基层法治力量薄弱。二是执法规范化水平有待提升。
  → 只列不足，没有分析原因

设置
  [rules.shortcomings-cause]
  cause-words = [\"原因\", \"主要是\", \"究其原因\", \"根源在于\", \"由于\", …]";

pub struct Check {
    causes: Option<WordMatcher>,
}

impl Check {
    pub fn new(settings: &Settings, _: &Config) -> Self {
        Check {
            causes: WordMatcher::new(settings.cause_words.iter().filter(|w| !w.is_empty())),
        }
    }
}

impl Rule for Check {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let Some(causes) = &self.causes else { return };
        let text = doc.text();
        let lines = &doc.outline.lines;
        let parts: Vec<_> = doc.outline.parts(Role::Shortcomings).collect();
        let Some(first) = parts.first() else { return };
        let names_a_cause = parts.iter().any(|s| {
            let heading_rest = s.heading.end..lines[s.line].span().end;
            std::iter::once(heading_rest)
                .chain(lines[s.line + 1..s.end_line].iter().map(|l| l.span()))
                .any(|span| causes.is_match(&text[span]))
        });
        if !names_a_cause {
            out.push(
                Diagnostic::new(first.heading.clone(), "“不足和原因”部分没有分析原因")
                    .label("只列了不足")
                    .section(Role::Shortcomings.as_str())
                    .help("写明不足产生的主观、客观原因（如“究其原因，主要是……”）"),
            );
        }
    }
}
