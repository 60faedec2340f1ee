//! `number-format`: a space between a number and its unit (`74 名`).

use super::{Basic, Document, Rule};
use crate::diagnostic::Diagnostic;

pub type Settings = Basic;

pub const SUMMARY: &str = "数字与计量单位之间有空格（如“74 名”）";

pub const DOC: &str = "\
检查内容
  阿拉伯数字与其后的计量单位或量词之间夹有空格（半角、全角空格或制表符）。
  日期中的空格（如“2024 年1月26日”）由 date-format 检查。

依据
  GB/T 15835-2011《出版物上数字用法》：数字与其单位构成一个整体，不应分开书写；
  文稿从表格或网页转换时常带入多余空格。

示例
  74 名部门、镇(街道)党政主要负责人书面述法
  → 74名部门、镇(街道)党政主要负责人书面述法（修正：删除空格）

设置
  [rules.number-format] severity";

unit_check!();

impl Rule for Check {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        // Not in web-page metadata (`索引号: …-0009 主题分类: …`): cells apart, no unit.
        for (_, tokens) in doc.text_lines() {
            for t in tokens {
                let Some(gap) = t.unit_gap(text) else {
                    continue;
                };
                let (gap_start, gap_end) = (gap.start, gap.end);
                let shown = &text[t.span()];
                out.push(
                    Diagnostic::new(t.span(), format!("数字与单位之间有空格：“{shown}”"))
                        .label("删除空格")
                        .help(format!(
                            "写作“{}{}”",
                            &text[t.start()..gap_start],
                            &text[gap_end..t.end()]
                        ))
                        .fix(gap_start..gap_end, ""),
                );
            }
        }
    }
}
