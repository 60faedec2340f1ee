//! `revisions-left`: unaccepted revisions (修订) and comments (批注) left in the
//! document, and dates that update themselves (Word's DATE field).

use super::{Basic, Document, Rule};
use crate::diagnostic::Diagnostic;

pub type Settings = Basic;

pub const SUMMARY: &str = "文档中留有未处理的修订或批注，或会自动更新的日期域";

pub const DOC: &str = "\
检查内容
  读入格式记录下的审阅痕迹（Word 文档的修订和批注）：尚未接受或拒绝的插入、删除、
  移动和格式修改，以及留在文中的批注。合并报告一次：各类的数目和第一处的位置。
  另逐处报告会自动更新的日期域（Word“插入日期和时间”勾选“自动更新”得到的 DATE 域，
  以及 TIME、SAVEDATE、PRINTDATE 域）：文档打开、保存或打印时显示的是当天的日期。

依据
  报告报送或公开时应是定稿。留有修订的文档在不同软件、不同显示设置下呈现的文字不同，
  批注可能把内部意见一并公开。落款日期若是日期域，日后打开、转成 PDF 或打印时会变成
  当天的日期，成文日期随之出错。

示例
  文档中留有 3 处修订（插入 1 处、删除 2 处）和 1 条批注
  → 在 Word“审阅”选项卡中逐条接受或拒绝修订，删除批注后再保存。
  落款日期“2025年3月10日”是 DATE 域
  → 选中日期，按 Ctrl+Shift+F9 把域转为普通文字，再核对日期。

设置
  severity（默认 warning）。";

unit_check!();

impl Rule for Check {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let review = &doc.source.review;
        for field in &review.today_fields {
            let shown = &doc.text()[field.clone()];
            out.push(
                Diagnostic::new(
                    field.clone(),
                    format!("“{shown}”是自动更新的日期域，打开、保存或打印文档时会变成当天的日期"),
                )
                .label("日期域")
                .help("选中该日期，按 Ctrl+Shift+F9 把域转为普通文字，再核对日期"),
            );
        }
        let revisions = review.revisions();
        let comments = review.comments.len();
        if revisions + comments == 0 {
            return;
        }
        let kinds: Vec<String> = [
            ("插入", review.insertions),
            ("删除", review.deletions),
            ("移动", review.moves),
            ("格式修改", review.format_changes),
        ]
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(kind, n)| format!("{kind} {n} 处"))
        .collect();
        let mut parts = Vec::new();
        if revisions > 0 {
            parts.push(format!("{revisions} 处修订（{}）", kinds.join("、")));
        }
        if comments > 0 {
            parts.push(format!("{comments} 条批注"));
        }
        let first_comment = review.comments.first().map(|c| c.start);
        let at = match (review.first_revision, first_comment) {
            (Some(r), Some(c)) => r.min(c),
            (r, c) => r.or(c).unwrap_or(0),
        };
        let at = at.min(doc.text().len());
        let what = if review.first_revision == Some(at) {
            "第一处修订"
        } else {
            "第一条批注"
        };
        out.push(
            Diagnostic::new(at..at, format!("文档中留有 {}", parts.join("和 ")))
                .label(what)
                .help("在 Word 的“审阅”选项卡中逐条接受或拒绝修订、删除批注，定稿后再报送或公开"),
        );
    }
}
