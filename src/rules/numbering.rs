//! `numbering`: headings that skip, repeat or go backwards, or mix styles within a level.

use super::{Basic, Document, Rule};
use crate::diagnostic::Diagnostic;
use crate::outline::Section;
use std::ops::Range;

pub type Settings = Basic;

pub const SUMMARY: &str = "标题编号或“一是、二是”跳号、重号、倒序";

pub const DOC: &str = "\
检查内容
  四级标题（一、/（一）/1./（1））编号是否连续：跳号（（一）（二）（四））、
  重号（（二）（二））、倒序（（三）（二））都报告；编号回到“一”视为重新开始（例如全文
  被重复粘贴，由 duplicate-text 报告）。下级标题可以在每个上级之下重新编号，也可以在
  整个一级部分中连续编号（（一）… 1. 2. （二）… 3. 4.）：每个一级部分按它自己采用的
  方式检查，只报告违背这一方式之处；按专题排列、合起来是“主要举措和成效”的几个一级
  标题算作一个部分，其下编号可以贯通连续。“一是、二是……”在一段之内，或分别作为
  相邻各段的开头，同样检查。编号的标点（“1、”“（一）、”）由 numbering-punct 检查。

依据
  GB/T 9704-2012《党政机关公文格式》：结构层次序数依次用“一、”“（一）”“1.”“（1）”。

示例
  （一）…… （二）…… （四）……
  → 第三个标题应为“（三）”。

设置
  无。";

unit_check!();

impl Rule for Check {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let roots = &doc.outline.sections;
        check_sequence(doc, roots.iter().map(|s| (s, false)), out);
        // Below the top, the children of each section form a group; a document numbers
        // a level either afresh in each group or continuously through a top-level part
        // (`（一）… 1. 2. （二）… 3. 4.`), each part by its own scheme, the one it uses
        // more. A run of thematic top-level headings is one part, the measures.
        let part = |r: usize| match roots[r].thematic {
            true => (0..=r)
                .rev()
                .take_while(|&k| roots[k].thematic)
                .last()
                .unwrap_or(r),
            false => r,
        };
        let mut levels: Vec<Vec<(usize, &[Section])>> = Vec::new();
        for (r, root) in roots.iter().enumerate() {
            groups(root, part(r), &mut levels);
        }
        let numbered = |g: &[Section]| {
            g.iter()
                .filter(|s| s.number > 0)
                .map(|s| s.number)
                .collect::<Vec<_>>()
        };
        for groups in &levels {
            for p in 0..roots.len() {
                let mine: Vec<&[Section]> = (groups.iter())
                    .filter(|(r, _)| *r == p)
                    .map(|(_, g)| *g)
                    .collect();
                let (mut continuing, mut restarting) = (0, 0);
                for pair in mine.windows(2) {
                    let (prev, next) = (numbered(pair[0]), numbered(pair[1]));
                    if prev.is_empty() || next.is_empty() {
                        continue;
                    }
                    if next[0] == prev[prev.len() - 1] + 1 && next[0] != 1 {
                        continuing += 1;
                    } else if next[0] == 1 {
                        restarting += 1;
                    }
                }
                if continuing > restarting {
                    let items =
                        (mine.iter()).flat_map(|g| g.iter().enumerate().map(|(k, s)| (s, k == 0)));
                    check_sequence(doc, items, out);
                } else {
                    for g in mine {
                        check_sequence(doc, g.iter().map(|s| (s, false)), out);
                    }
                }
            }
        }
        for run in &doc.outline.enumerations {
            let items = run.iter().map(|e| Item {
                number: e.number,
                span: e.span.clone(),
                written: doc.text()[e.span.clone()].to_string(),
                group_start: false,
            });
            report(items, out);
        }
    }
}

/// Each section's children, by their depth below the top (index 0 for the second
/// level), with the index of their part (its first top-level section).
fn groups<'a>(s: &'a Section, root: usize, levels: &mut Vec<Vec<(usize, &'a [Section])>>) {
    if s.children.is_empty() {
        return;
    }
    let depth = s.children[0].level.saturating_sub(2) as usize;
    if levels.len() <= depth {
        levels.resize_with(depth + 1, Vec::new);
    }
    levels[depth].push((root, &s.children));
    for c in &s.children {
        groups(c, root, levels);
    }
}

/// One numbered item: its number, where it is, how it is written, and whether it opens a
/// group of a continuously numbered level (where going back to 1 breaks the scheme).
struct Item {
    number: u32,
    span: Range<usize>,
    written: String,
    group_start: bool,
}

fn check_sequence<'a>(
    doc: &Document,
    sections: impl Iterator<Item = (&'a Section, bool)>,
    out: &mut Vec<Diagnostic>,
) {
    let items = sections
        .filter(|(s, _)| s.number > 0)
        .map(|(s, group_start)| Item {
            number: s.number,
            span: s.marker.clone(),
            written: marker(doc, s).to_string(),
            group_start,
        });
    report(items, out);
}

/// Numbers must run 1, 2, 3, …; going back to 1 restarts, except at the start of a group
/// of a level the document numbers continuously.
fn report(items: impl Iterator<Item = Item>, out: &mut Vec<Diagnostic>) {
    let mut prev: Option<u32> = None;
    for Item {
        number,
        span,
        written,
        group_start,
    } in items
    {
        let problem = match prev {
            None if number > 1 => Some(format!("编号从“{written}”开始，缺少前面的编号")),
            Some(p) if number == 1 && group_start && p > 1 => Some(format!(
                "本级标题在全文中连续编号，此处却重新从“{written}”开始，应为 {}",
                p + 1
            )),
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
