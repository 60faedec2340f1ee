//! `shortcomings-cause`: the shortcomings part names problems but no cause (原因,
//! 主要是, 究其原因, 根源在于, 由于 …).

use super::{Document, Rule};
use crate::config::{Config, Level, Role};
use crate::diagnostic::Diagnostic;
use crate::sentence;
use crate::words::WordMatcher;
use serde::Deserialize;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Settings {
    pub severity: Level,
    /// Words that name a cause.
    pub cause_words: Vec<String>,
    /// Two words that name a cause when both are in one sentence, the first before the
    /// second (`受…影响`, `与…有关`).
    pub cause_pairs: Vec<CausePair>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CausePair {
    pub from: String,
    pub to: String,
}

/// The most characters between the two words of a cause pair.
const PAIR_GAP: usize = 40;

pub const SUMMARY: &str = "“存在的不足和原因”部分只列问题、未分析原因";

pub const DOC: &str = "\
检查内容
  角色为 shortcomings 的一级标题下的正文（标题本身不算）中没有任何表示原因的词
  （cause-words：原因、究其原因、根源在于、由于、导致、所致、症结、主观上……），也没有
  在同一句中先后出现的成对词（cause-pairs：“受……影响”“与……有关”，相隔不超过40字）
  时，在该标题处报告一次。
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
  cause-words = [\"原因\", \"主要是\", \"究其原因\", \"根源在于\", \"由于\", …]
  cause-pairs = [{ from = \"受\", to = \"影响\" }, …]";

pub struct Check {
    causes: Option<WordMatcher>,
    pairs: Vec<CausePair>,
}

impl Check {
    pub fn new(settings: &Settings, _: &Config) -> Self {
        Check {
            causes: WordMatcher::new(settings.cause_words.iter().filter(|w| !w.is_empty())),
            pairs: (settings.cause_pairs.iter())
                .filter(|p| !p.from.is_empty() && !p.to.is_empty())
                .cloned()
                .collect(),
        }
    }

    /// Whether `text` names a cause: a cause word, or a cause pair in one sentence.
    fn names_a_cause(&self, causes: Option<&WordMatcher>, text: &str) -> bool {
        causes.is_some_and(|c| c.is_match(text))
            || self.pairs.iter().any(|p| {
                text.match_indices(p.from.as_str()).any(|(at, _)| {
                    let rest = &text[at + p.from.len()..];
                    // Up to the sentence's end, at most the gap and the second word on.
                    let end = (rest.char_indices())
                        .take(PAIR_GAP + p.to.chars().count())
                        .find(|&(_, c)| sentence::ENDS.contains(&c))
                        .or_else(|| rest.char_indices().nth(PAIR_GAP + p.to.chars().count()))
                        .map_or(rest.len(), |(i, _)| i);
                    let window = &rest[..end];
                    window.contains(p.to.as_str())
                })
            })
    }
}

impl Rule for Check {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        if self.causes.is_none() && self.pairs.is_empty() {
            return;
        }
        let causes = self.causes.as_ref();
        let text = doc.text();
        let lines = &doc.outline.lines;
        let parts: Vec<_> = doc.outline.parts(Role::Shortcomings).collect();
        let Some(first) = parts.first() else { return };
        let names_a_cause = parts.iter().enumerate().any(|(k, s)| {
            let heading = &text[s.heading.clone()];
            // A part of its own for the causes, after the problems' (`三、存在的问题` /
            // `四、原因分析`): its text is the causes.
            if k > 0 && heading.contains("原因") {
                return true;
            }
            // A heading cut from a line that lost its breaks may hold its text too, from
            // its first sentence mark on (`二、存在的不足和原因基层…不高，原因是…`).
            let run_on = (!doc.outline.flattened.is_empty())
                .then(|| heading.find(['，', '。', '；']))
                .flatten();
            let rest_start = run_on.map_or(s.heading.end, |at| s.heading.start + at);
            let heading_rest = rest_start..lines[s.line].span().end;
            std::iter::once(heading_rest)
                .chain(lines[s.line + 1..s.end_line].iter().map(|l| l.span()))
                .any(|span| self.names_a_cause(causes, &text[span]))
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
