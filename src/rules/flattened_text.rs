//! `flattened-text`: the document lost its paragraph breaks (the title and several
//! top-level headings on one line).

use super::{Basic, Document, Rule};
use crate::diagnostic::Diagnostic;

pub type Settings = Basic;

pub const SUMMARY: &str = "全文挤在一行，丢失了分段（标题和多个一级标题在同一行）";

pub const DOC: &str = "\
检查内容
  一行之中有标题和按顺序排列的“一、”“二、”等一级标题：文本在复制或转换时丢失了
  分段。大纲仍在这些标题处切分，各项检查照常进行；全文只报告一次。

依据
  GB/T 9704-2012《党政机关公文格式》：正文分段排版，各层次标题单独成行。
  丢失分段的文本难以阅读，也说明发布的不是定稿文件。

示例
  某县2023年法治政府建设年度报告2023年，我县……一、主要举措和成效……二、存在的问题……
  → 在标题和每个一级标题前恢复分段。

设置
  只有 severity。";

unit_check!();

impl Rule for Check {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let Some(&line) = doc.outline.flattened.first() else {
            return;
        };
        let span = doc.source.line_range(line);
        let first = doc.text()[span.clone()]
            .chars()
            .next()
            .map_or(0, char::len_utf8);
        out.push(
            Diagnostic::new(
                span.start..span.start + first,
                "全文丢失了分段：标题和一级标题挤在同一行",
            )
            .label("这一行含有整篇报告")
            .note("大纲已在各一级标题处切分，其余检查照常进行")
            .help("在标题和每个一级标题前恢复分段"),
        );
    }
}
