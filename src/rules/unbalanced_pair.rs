//! `unbalanced-pair`: paired marks (`《》 “” ‘’ () 【】`) that do not balance within a
//! paragraph (a line, or lines hard-wrapped inside a sentence or inside marks just
//! opened).

use super::{Basic, Document, Rule};
use crate::diagnostic::Diagnostic;
use crate::inline::{Pair, Token, TokenKind};
use crate::outline::LineKind;

pub type Settings = Basic;

pub const SUMMARY: &str = "成对的标点（《》“”‘’（）【】）在段落内不配对";

pub const DOC: &str = "\
检查内容
  每个段落内的书名号、双引号、单引号、括号（半角与全角视为同一种）和方头括号是否
  成对：有后半没有前半，或有前半没有后半，在不配对的那个符号处报告。段落一般是一行；
  从 PDF 或邮件复制、在句中硬换行的几行（上一行不以句末标点结束）合为一段；刚打开
  （约130字内）尚未闭合的符号也让下一行接在本段（引文中句号后硬换行），除非下一行
  以前引号开头；在标题中折行的编号标题（“（一）认真落实《……纲要（2021—”）同样接续。
  行首的“1)”“a)”等序号不算括号。
  按 GB/T 15834 引用多段文字时，每段开头用前引号，只在最后一段末尾用后引号：
  一段的前引号未闭合、而下一个正文段落以前引号开头时，不算不配对（直到闭合它的那段）。

依据
  GB/T 15834-2011《标点符号用法》：引号、括号、书名号都是成对使用的标号；
  缺了一半，读者无法确定引用、注释或书名的范围，通常是录入或删改时漏掉。

示例
  组织部门单位学习重大行政决策程序暂行条例》
  → 组织部门单位学习《重大行政决策程序暂行条例》
  县长强调：“要把法治政府建设摆在突出位置。
  “要带头尊法学法守法用法。”
  → 不报告：多段引文只在最后一段末尾用后引号。

设置
  [rules.unbalanced-pair] severity";

unit_check!();

/// How far (in bytes of text) after the earliest mark still open a paragraph runs on
/// past a sentence end: a few lines of a hard-wrapped quotation.
const OPEN_RUN_BYTES: usize = 400;

impl Rule for Check {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        // A paragraph hard-wrapped over several lines (a copy from a PDF or an e-mail) is
        // one paragraph: a line of text not ending a sentence runs on into the next.
        // The paragraph's marks are paired as its lines come, so that memory holds only
        // its open marks, however many lines it runs over.
        let mut marks = Marks::default();
        let mut runs_on = false;
        let mut was_prose = false;
        let mut was_title = false;
        // Web-page metadata lines are not report text (`时间:… 浏览次数: 【字体:`).
        for (line, tokens) in doc.text_lines() {
            let tokens = &*tokens;
            let kind = doc.line_kind(line.start);
            // A title wrapped over lines (`…暨落实《法治政府建设实施纲要` / `（2021—2025年）》
            // 情况的报告`) runs on as a paragraph does.
            let title = kind == Some(LineKind::Title);
            let prose = kind == Some(LineKind::Paragraph) || (title && was_title);
            // A mark opened just before, and still open, runs on past a sentence end (a
            // wrap after `。` inside a quotation) unless the line opens a quotation of
            // its own (the next paragraph of a quotation of several).
            let open_run = marks
                .oldest_open()
                .is_some_and(|at| line.start - at < OPEN_RUN_BYTES)
                && !opens_quote(&text[line.clone()]);
            if !((runs_on || open_run) && prose) {
                // A quotation of several paragraphs (GB/T 15834): each opens with “ and
                // only the last closes; the quote runs on into a body paragraph that
                // opens with “.
                let quote_runs_on = was_prose && prose && opens_quote(&text[line.clone()]);
                report(std::mem::take(&mut marks), quote_runs_on, out);
            }
            marks.add_line(text, line.start, tokens);
            // A heading wrapped inside a title (`（一）认真落实《…纲要（2021—`) runs on.
            let open = marks.oldest_open().is_some();
            runs_on = (prose || title || open) && !ends_sentence(&text[line.clone()]);
            // (A heading run into its paragraph may open a quotation of several
            // paragraphs too: `（七）加强法治宣传教育。县委书记强调：“…`.)
            was_prose = (prose || kind == Some(LineKind::Heading)) && !title;
            was_title = title;
        }
        report(marks, false, out);
    }
}

/// A finding for every mark of a paragraph without a partner; with `quote_runs_on` (the
/// next paragraph opens with “), except the paragraph's first “ still open.
fn report(mut marks: Marks, quote_runs_on: bool, out: &mut Vec<Diagnostic>) {
    if quote_runs_on {
        let first_quote = (marks.stack.iter()).position(|&(_, k)| k == Pair::DoubleQuote);
        if let Some(at) = first_quote {
            marks.stack.remove(at);
        }
    }
    for (t, open) in marks.unmatched() {
        let (TokenKind::Open(kind) | TokenKind::Close(kind)) = t.kind else {
            continue;
        };
        let message = format!("{}没有对应的{}", name(kind, open), name(kind, !open));
        let label = if open {
            "后面缺少与之配对的符号"
        } else {
            "前面缺少与之配对的符号"
        };
        out.push(
            Diagnostic::new(t.span(), message)
                .label(label)
                .help("补上缺少的一半，或删除多余的符号"),
        );
    }
}

/// Whether a line opens with a left double quote (after indentation, and after the
/// marks of a Markdown block quote: `> “…`).
fn opens_quote(line: &str) -> bool {
    line.trim_start_matches(|c: char| c.is_whitespace() || c == '>')
        .starts_with('“')
}

/// Whether a line ends a sentence (or a clause a list goes on from): its last mark,
/// before closing quotes and brackets, is one of `。！？；：…`.
fn ends_sentence(line: &str) -> bool {
    line.trim_end()
        .trim_end_matches(['”', '’', '）', ')', '》', '】'])
        .ends_with(['。', '！', '？', '!', '?', '；', ';', '：', ':', '…'])
}

/// The marks of one paragraph, paired line by line: those still open, and those found
/// without a partner with whether each is an opening mark.
#[derive(Default)]
struct Marks {
    stack: Vec<(Token, Pair)>,
    lone: Vec<(Token, bool)>,
}

impl Marks {
    /// The next line of the paragraph: its start and tokens.
    fn add_line(&mut self, text: &str, line_start: usize, tokens: &[Token]) {
        for t in tokens {
            match t.kind {
                TokenKind::Open(kind) => self.stack.push((t.clone(), kind)),
                TokenKind::Close(kind) => {
                    if let Some(at) = self.stack.iter().rposition(|&(_, k)| k == kind) {
                        // Marks opened after the partner and still open cannot close any
                        // more.
                        let closed = self.stack.drain(at + 1..).map(|(o, _)| (o, true));
                        self.lone.extend(closed);
                        self.stack.pop();
                    } else if !is_list_marker(text, line_start, t) && !is_apostrophe(text, t) {
                        self.lone.push((t.clone(), false));
                    }
                }
                _ => {}
            }
        }
    }

    /// Where the earliest mark still open starts.
    fn oldest_open(&self) -> Option<usize> {
        self.stack.first().map(|(t, _)| t.start())
    }

    /// The marks without a partner once the paragraph has ended, in text order.
    fn unmatched(self) -> Vec<(Token, bool)> {
        let mut lone = self.lone;
        lone.extend(self.stack.into_iter().map(|(o, _)| (o, true)));
        lone.sort_by_key(|(t, _)| t.start());
        lone
    }
}

/// `1)`, `a)`, `一)` opening a line or following a clause mark: a numbering, not a paren.
fn is_list_marker(text: &str, line_start: usize, t: &Token) -> bool {
    if !matches!(t.kind, TokenKind::Close(Pair::Paren)) {
        return false;
    }
    let before = &text[line_start..t.start()];
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_ascii_alphanumeric() || "一二三四五六七八九十".contains(c)))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let marker = &before[start..];
    let opens_clause = before[..start]
        .chars()
        .next_back()
        .is_none_or(|c| c.is_whitespace() || "。；;：:，,".contains(c));
    (1..=3).contains(&marker.chars().count()) && opens_clause
}

/// A `’` between two Latin letters (`O’Brien`) is an apostrophe.
fn is_apostrophe(text: &str, t: &Token) -> bool {
    let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphabetic());
    matches!(t.kind, TokenKind::Close(Pair::SingleQuote))
        && latin(text[..t.start()].chars().next_back())
        && latin(text[t.end()..].chars().next())
}

/// What a mark is called: `name(Pair::Book, true)` is the opening 书名号.
fn name(kind: Pair, open: bool) -> &'static str {
    match (kind, open) {
        (Pair::Book, true) => "前书名号《",
        (Pair::Book, false) => "后书名号》",
        (Pair::DoubleQuote, true) => "左引号“",
        (Pair::DoubleQuote, false) => "右引号”",
        (Pair::SingleQuote, true) => "左单引号‘",
        (Pair::SingleQuote, false) => "右单引号’",
        (Pair::Paren, true) => "左括号（",
        (Pair::Paren, false) => "右括号）",
        (Pair::Bracket, true) => "左方头括号【",
        (Pair::Bracket, false) => "右方头括号】",
    }
}
