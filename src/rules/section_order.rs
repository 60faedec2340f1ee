//! `section-order`: the mandated sections appear in another order than configured.

use super::{Basic, Document, Rule};
use crate::config::{Config, Role};
use crate::diagnostic::Diagnostic;

pub type Settings = Basic;

pub const SUMMARY: &str = "必需章节的顺序与配置的顺序不一致";

pub const DOC: &str = "\
检查内容
  必需章节首次出现的顺序是否与 [sections] order 一致（默认：举措和成效、不足和原因、
  第一责任人职责、下一年度安排）。只报告第一处顺序不对的章节。

依据
  《法治政府建设与责任落实督察工作规定》列出年度报告内容的顺序；多数地方的报告模板
  按此顺序编排，便于审阅和汇总。

示例
  一、党政主要负责人履行第一责任人职责情况  二、主要举措和成效 …
  → “主要举措和成效”应排在“第一责任人职责”之前。

设置
  [sections] order = [\"measures\", \"shortcomings\", \"duties\", \"plans\"]";

pub struct Check {
    order: Vec<(Role, String)>,
}

impl Check {
    pub fn new(_: &Settings, config: &Config) -> Self {
        let roles = &config.sections.roles;
        let order = config
            .sections
            .order
            .iter()
            .filter_map(|&r| {
                roles
                    .get(r)
                    .filter(|c| c.required)
                    .map(|c| (r, c.name.clone()))
            })
            .collect();
        Check { order }
    }
}

impl Rule for Check {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let rank = |role: Role| self.order.iter().position(|(r, _)| *r == role);
        let mut seen: Vec<Role> = Vec::new();
        let mut highest: Option<usize> = None;
        for s in &doc.outline.sections {
            let Some(k) = rank(s.role) else { continue };
            if seen.contains(&s.role) {
                continue;
            }
            seen.push(s.role);
            // A part naming two (`存在的问题及下一步工作打算`) is in order where either
            // of its parts would be, and later parts follow its first.
            let ranks = s.also.iter().filter_map(|&r| rank(r)).chain([k]);
            let (low, high) = (ranks.clone().min().unwrap_or(k), ranks.max().unwrap_or(k));
            match highest {
                Some(h) if high < h => {
                    let before = &self.order[h].1;
                    let name = &self.order[k].1;
                    out.push(
                        Diagnostic::new(
                            s.heading.clone(),
                            format!("章节顺序不符：“{name}”应排在“{before}”之前"),
                        )
                        .label("顺序不对")
                        .section(s.role.as_str())
                        .help("按“举措和成效、不足和原因、第一责任人职责、下一年度安排”的顺序编排"),
                    );
                    return;
                }
                _ => highest = highest.max(Some(low)),
            }
        }
    }
}
