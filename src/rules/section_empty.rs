//! `section-empty`: a mandated section has (almost) no body text.

use super::{Document, Rule};
use crate::config::{Config, Level, Role};
use crate::diagnostic::Diagnostic;
use crate::outline::{LineKind, Section};
use serde::Deserialize;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Settings {
    pub severity: Level,
    /// Fewer body characters than this make a section empty.
    pub min_chars: usize,
}

pub const SUMMARY: &str = "必需章节只有标题，几乎没有正文";

pub const DOC: &str = "\
检查内容
  必需章节（measures、shortcomings、duties、plans）标题之下的正文字数（不含空白，
  含下级标题）少于 min-chars 时报告。

依据
  《法治政府建设与责任落实督察工作规定》要求报告写明每一部分的情况；只列标题不写内容，
  等于缺少这一部分。

示例
  三、党政主要负责人履行推进法治建设第一责任人职责情况
  四、2024年工作安排
  → 第三部分没有任何内容。

设置
  [rules.section-empty] min-chars = 20";

pub struct Check {
    min_chars: usize,
    required: Vec<Role>,
}

impl Check {
    pub fn new(settings: &Settings, config: &Config) -> Self {
        let roles = &config.sections.roles;
        Check {
            min_chars: settings.min_chars,
            required: Role::MANDATED
                .into_iter()
                .filter(|&r| roles.get(r).is_some_and(|c| c.required))
                .collect(),
        }
    }
}

impl Rule for Check {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        for s in doc
            .outline
            .sections
            .iter()
            .filter(|s| self.required.contains(&s.role))
        {
            let n = body_chars(doc, s, self.min_chars);
            if n < self.min_chars {
                out.push(
                    Diagnostic::new(
                        s.heading.clone(),
                        format!(
                            "章节“{}”几乎没有正文（仅 {n} 字）",
                            doc.text()[s.heading.clone()].trim()
                        ),
                    )
                    .label("此章节缺少内容")
                    .section(s.role.as_str())
                    .help("写明这一部分的具体情况，或删除空标题"),
                );
            }
        }
    }
}

/// Non-space characters after the heading, up to the end of the section, counted no
/// further than `limit` (enough to know the section is not empty).
fn body_chars(doc: &Document, s: &Section, limit: usize) -> usize {
    let o = doc.outline;
    let own = o.lines[s.line].span();
    let body = o.lines[s.line + 1..s.end_line]
        .iter()
        .filter(|l| matches!(l.kind, LineKind::Paragraph | LineKind::Heading))
        .map(|l| &doc.text()[l.span()]);
    // In a flattened document a heading's body follows it on its segment, and where the
    // heading ends is not known: count the segment from the numbering on.
    let flattened = o.flattened.contains(&doc.source.line_index(own.start));
    let from = if flattened {
        s.marker.end
    } else {
        s.heading.end
    };
    std::iter::once(&doc.text()[from..own.end])
        .chain(body)
        .flat_map(str::chars)
        .filter(|c| !c.is_whitespace())
        .take(limit)
        .count()
}
