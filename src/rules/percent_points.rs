//! `percent-points`: a change in a rate given in % instead of 个百分点
//! (`调解成功率上升10%`).

use super::{Document, Rule};
use crate::config::{Config, Level};
use crate::diagnostic::Diagnostic;
use crate::inline::TokenKind;
use crate::sentence::clause_start;
use serde::Deserialize;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Settings {
    pub severity: Level,
    /// Words that make the subject a rate.
    pub rate_words: Vec<String>,
    /// Words containing a rate word that are no rate (`率先`, `效率`).
    pub not_rate_words: Vec<String>,
    /// Words of change that, directly followed by a percentage, give its size.
    pub change_words: Vec<String>,
    /// The most characters between the rate word and the change word (`同比`, `较去年`).
    pub max_gap: usize,
    /// Words before a rate that make it a count per population or per money unit
    /// (`万人成讼率`, `亿元GDP生产安全事故死亡率`), not a share of a whole.
    pub per_unit_words: Vec<String>,
    /// Count nouns that, between the rate word and the change word, are the subject the
    /// rate only modifies (`满意度测评参与人数同比增长25%`, `纳入出庭率考核的单位增加20%`).
    pub count_words: Vec<String>,
}

pub const SUMMARY: &str = "比率的升降用了“%”而不是“个百分点”（如“调解成功率上升10%”）";

pub const DOC: &str = "\
检查内容
  分句中以比率（rate-words：…率、比例、占比、满意度）为主语，其后紧跟变化词
  （change-words：上升、下降、提高、降低、增长、减少……）和百分数，如“调解成功率上升10%”。
  比率词与变化词之间最多相隔 max-gap 个字（如“同比”“较去年”）；“率先”“效率”等
  （not-rate-words）不算比率。计数的增长（“收案数同比增长134.41%”）和用
  “个百分点”的写法（“纠错率同比下降0.42个百分点”）不报告；“提升至92%”说的是
  新的水平，也不报告。按人口、车辆或经济总量计算的比率（比率名称前有 per-unit-words：
  万人、十万人、万车、亿元、每万……，如“万人成讼率”“亿元GDP生产安全事故死亡率”）
  和“发案率”“发生率”“犯罪率”不是占整体的百分比，其相对变化可以用“%”，不报告。
  比率词与变化词之间有计数名词（count-words：人数、单位、数量、件数、次数……）的，
  比率只是修饰语，变化的是计数（“满意度测评参与人数同比增长25%”“纳入出庭率考核的
  单位增加20%”），不报告。

依据
  两个百分数之差用“百分点”表示（国家统计局《统计上常用的名词解释》）。
  “成功率上升10%”既可理解为上升10个百分点，也可理解为相对原值上升10%，
  数字含义不明；比率从90%升至99%，是上升9个百分点，相对增长10%。

示例
  今年以来，开展诉前调解2.79万件，同比增长40%，调解成功率上升10%。
  → 调解成功率上升10个百分点（若指相对变化，写明前后两个比率）
  万人成讼率同比下降12.3%
  → 不报告：万人成讼率是每万人的件数，不是百分比。

设置
  [rules.percent-points] rate-words、not-rate-words、change-words、max-gap、
  per-unit-words、count-words";

pub struct Check {
    settings: Settings,
}

impl Check {
    pub fn new(settings: &Settings, _: &Config) -> Self {
        Check {
            settings: settings.clone(),
        }
    }

    /// Whether `clause` (the text before a change word) has a rate word as its subject:
    /// one close enough to the change word, with no figure between.
    fn has_rate_subject(&self, clause: &str) -> bool {
        let s = &self.settings;
        let masked = mask(clause, &s.not_rate_words);
        let last = s
            .rate_words
            .iter()
            .filter(|w| !w.is_empty())
            .filter_map(|w| masked.rfind(w.as_str()).map(|at| (at + w.len(), at)))
            .max();
        last.is_some_and(|(end, start)| {
            let gap = &clause[end..];
            gap.chars().count() <= s.max_gap
                && !gap.contains(|c: char| c.is_ascii_digit())
                && !s
                    .count_words
                    .iter()
                    .any(|w| !w.is_empty() && gap.contains(w.as_str()))
                && !self.per_unit(&clause[..start])
        })
    }

    /// Whether the words before a rate make it a count per unit: `万人` in `万人成讼率`,
    /// not in `培训2万人`, where it is a figure's unit.
    fn per_unit(&self, before: &str) -> bool {
        self.settings
            .per_unit_words
            .iter()
            .filter(|w| !w.is_empty())
            .any(|w| {
                before.match_indices(w.as_str()).any(|(at, _)| {
                    !before[..at].chars().next_back().is_some_and(|c| {
                        c.is_ascii_digit() || "零〇一二两三四五六七八九十百千万.".contains(c)
                    })
                })
            })
    }
}

/// `text` with every occurrence of `words` blanked out (same byte length).
fn mask(text: &str, words: &[String]) -> String {
    let mut masked = text.to_owned();
    for w in words.iter().filter(|w| !w.is_empty()) {
        masked = masked.replace(w.as_str(), &"\u{0}".repeat(w.len()));
    }
    masked
}

impl Rule for Check {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        for (line, tokens) in doc.tokens() {
            let tokens = &*tokens;
            for t in tokens {
                let TokenKind::Percent { .. } = t.kind else {
                    continue;
                };
                let before = &text[line.start..t.start()];
                let Some(change) = self
                    .settings
                    .change_words
                    .iter()
                    .filter(|w| !w.is_empty())
                    .find(|w| before.ends_with(w.as_str()))
                else {
                    continue;
                };
                let change_at = t.start() - change.len();
                let start = clause_start(text, line.start, change_at);
                if !self.has_rate_subject(&text[start..change_at]) {
                    continue;
                }
                let start = start + (text[start..].len() - text[start..].trim_start().len());
                let number = text[t.span()].trim_end_matches(['%', '\u{ff05}']);
                let shown = &text[start..t.end()];
                out.push(
                    Diagnostic::new(
                        start..t.end(),
                        format!("比率的变化应以“个百分点”表示：“{shown}”"),
                    )
                    .label("百分点还是相对变化？")
                    .note("两个百分数之差是“百分点”；用“%”可理解为相对原值的变化，含义不明")
                    .help(format!(
                        "若指比率之差，写作“{change}{number}个百分点”；若指相对变化，写明前后两个比率"
                    )),
                );
            }
        }
    }
}
