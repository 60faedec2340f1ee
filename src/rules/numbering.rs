//! `numbering`: headings that skip, repeat or go backwards, or mix styles within a level.

use super::{Basic, Document, Rule};
use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::outline::{NumberStyle, Section};
use std::ops::Range;

pub type Settings = Basic;

pub const SUMMARY: &str = "标题编号跳号、重号、倒序，或同一级混用不同编号样式";

pub const DOC: &str = "\
检查内容
  同一上级之下的各级标题（一、/（一）/1.）编号是否连续：跳号（（一）（二）（四））、
  重号（（二）（二））、倒序（（三）（二））都报告；编号回到“一”视为重新开始（例如全文
  被重复粘贴，由 duplicate-text 报告）。段落中的“一是、二是……”同样检查。同一级标题混用“1.”“1、”“（1）”也报告。

依据
  GB/T 9704-2012《党政机关公文格式》：结构层次序数依次用“一、”“（一）”“1.”“（1）”。

示例
  （一）…… （二）…… （四）……
  → 第三个标题应为“（三）”。

设置
  无。";

pub struct Check;

impl Check {
    pub fn new(_: &Settings, _: &Config) -> Self {
        Check
    }
}

impl Rule for Check {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        check_siblings(doc, &doc.outline.sections, out);
        for (_, items) in &doc.outline.enumerations {
            check_sequence(
                items.iter().map(|e| {
                    (
                        e.number,
                        e.span.clone(),
                        doc.text()[e.span.clone()].to_string(),
                    )
                }),
                out,
            );
        }
        let mut styles: Vec<(u8, NumberStyle)> = Vec::new();
        for s in doc
            .outline
            .walk()
            .filter(|s| !matches!(s.style, NumberStyle::Markdown | NumberStyle::Unnumbered))
        {
            match styles.iter().find(|(level, _)| *level == s.level) {
                Some((_, first)) if *first != s.style => out.push(
                    Diagnostic::new(
                        s.marker.clone(),
                        format!(
                            "同一级标题的编号样式不一致：此处用{}，前文用{}",
                            s.style.describe(),
                            first.describe()
                        ),
                    )
                    .label("编号样式不同")
                    .help("同一级标题统一使用一种编号样式"),
                ),
                Some(_) => {}
                None => styles.push((s.level, s.style)),
            }
        }
    }
}

fn check_siblings(doc: &Document, siblings: &[Section], out: &mut Vec<Diagnostic>) {
    let numbered = siblings.iter().filter(|s| s.number > 0);
    check_sequence(
        numbered
            .clone()
            .map(|s| (s.number, s.marker.clone(), marker(doc, s).to_string())),
        out,
    );
    for s in siblings {
        check_siblings(doc, &s.children, out);
    }
}

/// Numbers `(number, span, as written)` must run 1, 2, 3, …; going back to 1 restarts.
fn check_sequence(
    items: impl Iterator<Item = (u32, Range<usize>, String)>,
    out: &mut Vec<Diagnostic>,
) {
    let mut prev: Option<u32> = None;
    for (number, span, written) in items {
        let problem = match prev {
            None if number > 1 => Some(format!("编号从“{written}”开始，缺少前面的编号")),
            Some(_) if number == 1 => None,
            Some(p) if number == p => Some(format!("编号“{written}”重复")),
            Some(p) if number < p => Some(format!("编号“{written}”倒序，前一个编号更大")),
            Some(p) if number > p + 1 => Some(format!("编号从 {p} 跳到 {number}，中间缺号")),
            _ => None,
        };
        if let Some(message) = problem {
            out.push(
                Diagnostic::new(span, format!("编号不连续：{message}"))
                    .label(format!("应为第 {} 个", prev.map_or(1, |p| p + 1)))
                    .help("按顺序连续编号"),
            );
        }
        prev = Some(number);
    }
}

fn marker<'a>(doc: &'a Document, s: &Section) -> &'a str {
    doc.text()[s.marker.clone()].trim()
}
