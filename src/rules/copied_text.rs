//! `copied-text`: a report shares much of its text with another report of the same run.
//!
//! A cross-document check: it needs every file, so [`crate::copied`] runs it after the
//! per-file rules. It is registered here so that `rules`, `explain`, `--select` and the
//! configured severity and settings work as for any rule; its per-document check finds
//! nothing.

use super::{Document, Rule};
use crate::diagnostic::Diagnostic;

pub type Settings = crate::copied::Tuning;

pub const SUMMARY: &str = "与同批检查的另一份报告大段雷同（多个文件时检查）";

pub const DOC: &str = "\
检查内容
  lint 或 report 一次检查多个文件（或一个文件夹）时，比较各文件正文的句子：
  去掉标点和空白、数字一律视为相同后，本文件有 threshold%（默认30%）以上的句子
  也出现在另一文件中，即在本文件第一处雷同的句子上报告一次，report 的“雷同”列
  列出对方文件和比例。标题行、短句（少于 min-chars 字）、去掉 formulas 中的固定
  提法后所剩无几的句子，以及出现在 max-files 个以上文件中的套话，都不计入，比例也
  不以它们为分母。同一文件夹中同名（可带
  “（盖章版）”之类的括注）而格式不同的文件（报告.docx 与 报告.pdf）是同一份报告。

依据
  各地法治政府建设考核和督察要求年度报告如实反映本地区、本部门情况；照搬其他
  单位或上一年度报告，是评查中常见的扣分项。

示例
  某局2024年度报告有45%的句子与该局2023年度报告相同（仅数字不同）
  → 提示：与另一份报告雷同，请核实是否照搬。

设置
  [rules.copied-text]
  threshold = 30       # 百分比
  min-chars = 12
  min-sentences = 5
  max-files = 3
  formulas = [\"习近平法治思想\", …]";

unit_check!();

impl Rule for Check {
    fn check(&self, _: &Document, _: &mut Vec<Diagnostic>) {}
}
