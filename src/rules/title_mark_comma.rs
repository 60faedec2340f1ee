//! `title-mark-comma`: a 顿号 between directly adjacent titles or quotations (`》、《`).

use super::{Basic, Document, Rule};
use crate::diagnostic::Diagnostic;
use crate::inline::{Pair, TokenKind};

pub type Settings = Basic;

pub const SUMMARY: &str = "直接相邻的书名号或引号之间用了顿号（如“》、《”）";

pub const DOC: &str = "\
检查内容
  紧挨着的两个书名号（“》、《”）或两个引号（“”、“”）之间的顿号。
  两者之间还有括注等其他成分时，顿号可以保留，不报告；书名号内引号之间的顿号属于
  所引标题本身（《关于转发“一号”、“二号”……的报告》），不报告。

依据
  GB/T 15834-2011《标点符号用法》4.5.3.5：标有引号的并列成分之间、标有书名号的
  并列成分之间通常不用顿号。

示例
  制定《2023年法治金华建设考核评价结果性指标责任分解》、《2023年法治武义建设考核
  细化指标及计分规则》
  → 删除两个书名号之间的顿号（修正：删除“、”）

设置
  [rules.title-mark-comma] severity";

unit_check!();

impl Rule for Check {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        for (_, tokens) in doc.tokens() {
            let tokens = &*tokens;
            // (Between quotations inside a cited title the comma is the title's own:
            // `《关于转发“一号司法建议”、“二号司法建议”的报告》`.)
            let mut depth = 0usize;
            for t in tokens {
                match t.kind {
                    TokenKind::Open(Pair::Book) => depth += 1,
                    TokenKind::Close(Pair::Book) => depth = depth.saturating_sub(1),
                    _ => {}
                }
                let between_titles = text[..t.start()].ends_with('》');
                if t.kind != TokenKind::TitleComma || depth > 0 && !between_titles {
                    continue;
                }
                let what = if between_titles {
                    "书名号"
                } else {
                    "引号"
                };
                out.push(
                    Diagnostic::new(t.span(), format!("相邻的{what}之间不用顿号"))
                        .label("删除顿号")
                        .note("GB/T 15834-2011 4.5.3.5：标有引号或书名号的并列成分之间通常不用顿号")
                        .fix(t.span(), ""),
                );
            }
        }
    }
}
