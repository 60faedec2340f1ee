//! `duplicate-text`: a paragraph, a section or the whole report appears twice.

use super::{Document, Rule};
use crate::config::{Config, Level};
use crate::diagnostic::Diagnostic;
use crate::outline::{LineKind, trim_span};
use crate::sentence;
use rustc_hash::FxHashMap;
use serde::Deserialize;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Settings {
    pub severity: Level,
    /// A repeated run shorter than this many characters is not reported.
    pub min_chars: usize,
}

pub const SUMMARY: &str = "同一段落、章节或整篇报告重复出现";

pub const DOC: &str = "\
检查内容
  正文中与前文完全相同的段落和标题。连续重复的若干段合并为一条，报告其起止行；
  总字数少于 min-chars 的重复不报告。表格的行和边框（以“|”“+”开头、没有文字的行，
  以制表符分隔或以连续空格对齐成三栏以上的行，如跨页重复的表头）、Word 表格的单元格和只有一张图片的行（Markdown 的“![图片](…)”，如转载文章的分隔图）
  不算。

依据
  从网页或草稿复制时常把整篇或整节粘贴两次；重复内容会使数字被重复统计，
  也说明报告未经校对。

示例
  第 20–58 行的全文在第 86–124 行再次出现
  → 删除重复的部分。

设置
  [rules.duplicate-text] min-chars = 30";

pub struct Check {
    min_chars: usize,
}

impl Check {
    pub fn new(settings: &Settings, _: &Config) -> Self {
        Check {
            min_chars: settings.min_chars,
        }
    }
}

/// A run of consecutive content lines that repeat earlier lines.
struct Run {
    first: usize,
    last: usize,
    original_first: usize,
    original_last: usize,
    chars: usize,
}

impl Rule for Check {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let o = doc.outline;
        let mut seen: FxHashMap<&str, usize> = FxHashMap::default();
        let mut run: Option<Run> = None;
        for (i, line) in o.lines.iter().enumerate() {
            if !matches!(line.kind, LineKind::Paragraph | LineKind::Heading) {
                continue;
            }
            let text = doc.text()[line.span()].trim();
            // A table's rule or row (`+----+`, `|---|`, `| 项目 | 数量 |`), a Word
            // table's cell: a layout repeats them.
            if text.starts_with(['|', '+'])
                || is_plain_table_row(text)
                || doc.source.table_cells.binary_search(&i).is_ok()
                || !text.chars().any(char::is_alphanumeric)
                || is_image(text)
            {
                continue;
            }
            match seen.get(text) {
                Some(&orig) => {
                    let n = text.chars().count();
                    match &mut run {
                        Some(r) => {
                            r.last = i;
                            r.original_last = orig;
                            r.chars += n;
                        }
                        None => {
                            run = Some(Run {
                                first: i,
                                last: i,
                                original_first: orig,
                                original_last: orig,
                                chars: n,
                            })
                        }
                    }
                }
                None => {
                    seen.insert(text, i);
                    self.report(doc, run.take(), out);
                }
            }
        }
        self.report(doc, run, out);
    }
}

/// A row of a plain-text table (a header repeated on the next page): cells apart by
/// tabs, or three or more aligned by runs of spaces.
fn is_plain_table_row(text: &str) -> bool {
    text.contains('\t') || text.split("  ").filter(|c| !c.trim().is_empty()).count() >= 3
}

impl Check {
    fn report(&self, doc: &Document, run: Option<Run>, out: &mut Vec<Diagnostic>) {
        let Some(r) = run.filter(|r| r.chars >= self.min_chars) else {
            return;
        };
        let line = trim_span(doc.text(), doc.outline.lines[r.first].span());
        let span = sentence::split(doc.text(), line).next().unwrap_or(0..0);
        let message = if r.first == r.last {
            format!("重复内容：此段与第 {} 行完全相同", r.original_first + 1)
        } else {
            format!(
                "重复内容：第 {}–{} 行与第 {}–{} 行相同",
                r.first + 1,
                r.last + 1,
                r.original_first + 1,
                r.original_last + 1
            )
        };
        out.push(
            Diagnostic::new(span, message)
                .label("从这里开始重复")
                .note(format!("重复部分共 {} 字", r.chars))
                .help("删除重复的部分"),
        );
    }
}

/// A line holding only a Markdown image (`![图片](https://…/640?wx_fmt=gif)`): a
/// republished article's divider, repeated before each heading.
fn is_image(line: &str) -> bool {
    line.starts_with("![") && line.ends_with(')') && line.contains("](")
}
