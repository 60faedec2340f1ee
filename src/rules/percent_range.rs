//! `percent-range`: a rate (…率, 比例, 占比, 满意度) outside 0–100%.

use super::{Document, Rule};
use crate::config::Level;
use crate::diagnostic::Diagnostic;
use crate::inline::TokenKind;
use crate::sentence::clause_start;
use serde::Deserialize;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Settings {
    pub severity: Level,
    /// Words that make the figure a rate.
    pub rate_words: Vec<String>,
    /// Words of change: a growth figure may exceed 100%.
    pub growth_words: Vec<String>,
    /// Words just before the figure meaning “more than” (`超100%` is over 100%).
    pub over_words: Vec<String>,
    /// Rates that may exceed 100% (`完成率135%`: a target over-fulfilled).
    pub may_exceed_words: Vec<String>,
}

pub const SUMMARY: &str = "比率（…率、比例、占比、满意度）超出 0–100%";

pub const DOC: &str = "\
检查内容
  百分数所在分句（从上一个逗号、分号或句号起）含有比率词（rate-words），且不含增减词
  （growth-words）时，数值应在 0–100% 之间；“超100%”“超过100%”也视为超出。
  增长、上升等变化幅度可以超过 100%，不报告。完成率等可以超过 100% 的比率
  （may-exceed-words：超额完成目标时“完成率135%”，超限率）也不报告；某个基数的百分之
  几（“补偿标准为评估价的110%”）不是比率，不报告。

依据
  比率是部分占整体的比例，不可能超过 100%；出现这种数字，通常是口径或计算有误，
  或把“同比增长”写成了“率”。

示例
  诉前引调率超100%
  → 核对分子分母；若指增长幅度，写作“诉前引调数同比增长××%”。
  全年完成年度目标任务的135%，完成率135%
  → 不报告：超额完成时完成率可以超过100%。

设置
  [rules.percent-range] rate-words、growth-words、over-words、may-exceed-words";

settings_check!();

impl Rule for Check {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        for (line, tokens) in doc.tokens() {
            let tokens = &*tokens;
            let percents = tokens
                .iter()
                .filter(|t| matches!(t.kind, TokenKind::Percent { .. }))
                .count();
            for t in tokens {
                let TokenKind::Percent { value, .. } = t.kind else {
                    continue;
                };
                let start = clause_start(text, line.start, t.start());
                let clause = &text[start..t.start()];
                let has = |words: &[String]| words.iter().any(|w| clause.contains(w.as_str()));
                let over = self
                    .settings
                    .over_words
                    .iter()
                    .any(|w| clause.ends_with(w.as_str()));
                let out_of_range = value > 100.0 || (over && value >= 100.0) || value < 0.0;
                // A table's row (cells apart by tabs or ` | `) with a percent in each of
                // several columns (`线上公证占比⇥12.0%⇥38.2%⇥218.3%`): the rate word names
                // the row, and a column may be its growth, named in a header not read here.
                let other_column = || {
                    let rate_at = (self.settings.rate_words.iter())
                        .filter_map(|w| clause.rfind(w.as_str()).map(|i| i + w.len()))
                        .max();
                    rate_at.is_some_and(|at| {
                        let between = &clause[at..];
                        between.contains('\t') || between.contains(" | ")
                    })
                };
                // A percent of a named base (`补偿标准为评估价的110%`, `是上年的120%`); not
                // a rate compared with another year's (`占比较上年的105%有所下降`).
                let of_a_base = clause.ends_with('的') && !clause.contains('较');
                if out_of_range
                    && !of_a_base
                    && (percents <= 1 || !other_column())
                    && has(&self.settings.rate_words)
                    && !has(&self.settings.growth_words)
                    && !has(&self.settings.may_exceed_words)
                {
                    let shown = &text[start..t.end()];
                    out.push(
                        Diagnostic::new(start..t.end(), format!("比率超出 0–100%：“{shown}”"))
                            .label("比率不可能超过 100%")
                            .help("核对分子和分母；若指增长幅度，应写明“同比增长”而不是“率”"),
                    );
                }
            }
        }
    }
}
