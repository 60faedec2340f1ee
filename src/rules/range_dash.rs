//! `range-dash`: a month or year range written with a hyphen (`1-11月`, `2021-2025年`).

use super::{Document, Rule};
use crate::config::{Config, Level};
use crate::diagnostic::Diagnostic;
use crate::inline::TokenKind;
use serde::Deserialize;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Settings {
    pub severity: Level,
    /// Separators that are hyphens, not range marks.
    pub hyphens: Vec<String>,
    /// The mark a range takes instead.
    pub dash: String,
}

pub const SUMMARY: &str = "起止范围用了连字符“-”（如“1-11月”“2021-2025年”），应为一字线“—”";

pub const DOC: &str = "\
检查内容
  月份范围（“1-11月”“2023年1月-11月”）和年份范围（“2021-2025年”）中用作连接号的
  短横线（hyphens 所列字符），应改为一字线（dash）。

依据
  GB/T 15834-2011《标点符号用法》4.13：标示时间、地域等相关项目的起止用一字线“—”，
  标示数值范围也可用浪纹线“～”；短横线“-”用于化合物名称、产品型号等的连接，
  不用于起止范围。

示例
  《法治政府建设实施纲要(2021-2025年)》
  → 《法治政府建设实施纲要(2021—2025年)》（修正：“-”改为“—”）

设置
  [rules.range-dash] hyphens = [\"-\", ...]（视为短横线的字符）；dash = \"—\"（替换成的连接号）";

pub struct Check {
    hyphens: Vec<char>,
    dash: String,
}

impl Check {
    pub fn new(settings: &Settings, _: &Config) -> Self {
        let hyphens = settings
            .hyphens
            .iter()
            .filter_map(|h| h.chars().next())
            .collect();
        Check {
            hyphens,
            dash: settings.dash.clone(),
        }
    }
}

impl Rule for Check {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        for (_, tokens) in doc.tokens() {
            let tokens = &*tokens;
            for t in tokens {
                let sep = match t.kind {
                    TokenKind::MonthRange { sep, .. } | TokenKind::YearRange { sep, .. } => sep,
                    _ => continue,
                };
                if !self.hyphens.contains(&sep) {
                    continue;
                }
                let shown = &text[t.span()];
                let Some(at) = shown.find(sep).map(|i| t.start() + i) else {
                    continue;
                };
                let dash = &self.dash;
                out.push(
                    Diagnostic::new(t.span(), format!("起止范围应使用一字线“{dash}”：“{shown}”"))
                        .label(format!("“{sep}”应为“{dash}”"))
                        .help(format!(
                            "写作“{}{dash}{}”",
                            &text[t.start()..at],
                            &text[at + sep.len_utf8()..t.end()]
                        ))
                        .fix(at..at + sep.len_utf8(), dash.clone()),
                );
            }
        }
    }
}
