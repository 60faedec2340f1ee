//! `wording`: a word from the substitution list (misused characters, outdated names of
//! laws and bodies).

use super::{Document, Rule};
use crate::config::{Config, Level};
use crate::diagnostic::Diagnostic;
use crate::outline::LineKind;
use crate::words::WordMatcher;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::ops::Range;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Settings {
    pub severity: Level,
    /// Word → its replacement, or a list of possible replacements. An empty string or
    /// list removes a built-in entry.
    pub substitutions: BTreeMap<String, Replacement>,
    /// A word right after one of these is a deliberate historical name (`原工商局`).
    pub skip_after: Vec<String>,
}

/// What a listed word should be replaced by.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Replacement {
    One(String),
    Many(Vec<String>),
}

impl Replacement {
    /// The non-empty replacements.
    fn options(&self) -> Vec<String> {
        let all = match self {
            Replacement::One(r) => std::slice::from_ref(r),
            Replacement::Many(rs) => rs.as_slice(),
        };
        all.iter().filter(|r| !r.is_empty()).cloned().collect()
    }
}

pub const SUMMARY: &str = "错别字或过时的法律、机构名称（替换表可在配置中扩充）";

pub const DOC: &str = "\
检查内容
  正文中出现替换表（substitutions）所列的词：常见错别字（“作弊称”→“作弊秤”、
  “布署”→“部署”），以及已废止或更名的法律、机构名称（“《合同法》”→“《民法典》”，
  “环境保护局”→“生态环境局”）。只有一个替换词时给出修正；有几种可能时列出供选择。
  紧跟在“原”等词（skip-after）之后的旧名称是有意的历史说法，不报告。

依据
  GB/T 9704-2012《党政机关公文格式》和《党政机关公文处理工作条例》要求公文用字准确、
  规范；《民法典》自2021年1月1日起施行，《合同法》《物权法》等同时废止；
  2018年党和国家机构改革后，工商、质监、食药监、环保、安监等机构已更名或合并。

示例
  查处“作弊称”相关案件39起
  → 查处“作弊秤”相关案件39起（修正：“作弊称”改为“作弊秤”）

设置
  [rules.wording.substitutions] 中每行一个 \"原词\" = \"替换词\"，或 \"原词\" = [\"替换词1\", \"替换词2\"]；
  在 nianbao.toml 中写同名表即可增加条目（逐条合并），写 \"原词\" = \"\" 可去掉内置条目。
  skip-after = [\"原\"]";

pub struct Check {
    /// The listed words and their replacements, in the order of the automaton's patterns.
    words: Vec<(String, Vec<String>)>,
    matcher: Option<WordMatcher>,
    skip_after: Vec<String>,
}

impl Check {
    pub fn new(settings: &Settings, _: &Config) -> Self {
        let words: Vec<(String, Vec<String>)> = settings
            .substitutions
            .iter()
            .filter(|(word, _)| !word.is_empty())
            .map(|(word, r)| (word.clone(), r.options()))
            .filter(|(_, options)| !options.is_empty())
            .collect();
        Check {
            matcher: WordMatcher::new(words.iter().map(|(w, _)| w)),
            words,
            skip_after: settings
                .skip_after
                .iter()
                .filter(|w| !w.is_empty())
                .cloned()
                .collect(),
        }
    }
}

impl Rule for Check {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let Some(matcher) = &self.matcher else { return };
        let text = doc.text();
        for (line, _) in doc.tokens() {
            if doc.line_kind(line.start) == Some(LineKind::Meta) {
                continue;
            }
            for m in matcher.find_iter(&text[line.clone()]) {
                let span = line.start + m.start()..line.start + m.end();
                if self
                    .skip_after
                    .iter()
                    .any(|w| text[..span.start].ends_with(w.as_str()))
                {
                    continue;
                }
                let (word, options) = &self.words[m.pattern().as_usize()];
                out.push(finding(span, word, options));
            }
        }
    }
}

/// The finding for `word` at `span`: a fix when there is one replacement, else a choice.
fn finding(span: Range<usize>, word: &str, options: &[String]) -> Diagnostic {
    if let [one] = options {
        return Diagnostic::new(span.clone(), format!("“{word}”应为“{one}”"))
            .label(format!("改为“{one}”"))
            .fix(span, one.clone());
    }
    let quoted: Vec<String> = options.iter().map(|o| format!("“{o}”")).collect();
    Diagnostic::new(span, format!("“{word}”应改为{}", quoted.join("或"))).label("按实际情况选用")
}
