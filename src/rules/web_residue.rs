//! `web-residue`: web-page chrome (打印, 关闭, 字体大小, …) inside the document.

use super::{Basic, Document, Rule};
use crate::diagnostic::Diagnostic;
use crate::outline::{LineKind, trim_span};

pub type Settings = Basic;

pub const SUMMARY: &str = "文中夹带网页残留（打印、关闭、字体大小、浏览次数、加入收藏……）";

pub const DOC: &str = "\
检查内容
  从网页复制时带入的界面文字：不超过 [outline] short-line 个字、不含句号、
  且含有 [outline] chrome-words 中某个词的行，以及以“>”开头的导航路径。每行报告一次。
  夹在句中的转载网站水印（网址前有 [outline] watermark-words 中的口号，或网址前后
  都是汉字且不是政府网站）只标出水印本身。

依据
  这些文字不是报告内容；留在文稿中说明文本取自网页而未经整理，再次发布时会混入正文。

示例
  打印 关闭
  → 删除这一行。

设置
  [outline] chrome-words = [...]；在 nianbao.toml 中用 extend-chrome-words = [...] 增加。";

unit_check!();

impl Rule for Check {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        for line in doc
            .outline
            .lines
            .iter()
            .filter(|l| l.kind == LineKind::Chrome)
        {
            let span = trim_span(doc.text(), line.span());
            let text = &doc.text()[span.clone()];
            // (A segment of a flattened line is not the whole line.)
            let line_start =
                doc.text()[..line.span().start].ends_with(['\n', '\r']) || line.span().start == 0;
            let line_end = doc.text()[line.span().end..].starts_with(['\n', '\r'])
                || line.span().end == doc.text().len();
            let help = match line_start && line_end {
                true => "删除这一行",
                false => "删除这段文字，保留前后的报告原文",
            };
            out.push(
                Diagnostic::new(span, format!("网页残留：“{text}”不是报告内容"))
                    .label("网页界面文字")
                    .help(help),
            );
        }
        for w in &doc.outline.watermarks {
            let text = &doc.text()[w.clone()];
            out.push(
                Diagnostic::new(w.clone(), format!("网页残留：转载网站的水印“{text}”"))
                    .label("水印")
                    .help("删除水印，保留前后的报告原文"),
            );
        }
    }
}
