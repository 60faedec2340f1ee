//! `doc-number`: a 发文字号 whose year is not in hexagonal brackets (`[2024]`, `【2024】`,
//! `(2024)`), or whose number has `第` or a padding zero (`〔2024〕第14号`, `〔2024〕014号`).

use super::{Basic, Document, Rule};
use crate::diagnostic::Diagnostic;
use memchr::memmem;

pub type Settings = Basic;

pub const SUMMARY: &str =
    "发文字号的年份应用六角括号“〔〕”，序号不加“第”、不编虚位（杭司〔2024〕14号）";

pub const DOC: &str = "\
检查内容
  机关代字后的发文字号：年份用方括号、六角括号以外的括号（[2024]、【2024】、
  (2024)、（2024））的，序号前加“第”的，序号编虚位（014号）的。修正为
  “〔2024〕14号”。年份在前、括号后接汉字的案号（(2023)浙0782行初12号），仲裁、
  复议、处罚等决定书的文书编号（劳人仲案字〔2023〕第128号、政复决字、市监罚字）
  不报告。

依据
  GB/T 9704-2012《党政机关公文格式》7.2.4 发文字号：由发文机关代字、年份、发文
  顺序号组成；年份、发文顺序号用阿拉伯数字标注；年份应标全称，用六角括号“〔〕”
  括入；发文顺序号不加“第”字，不编虚位（即1不编为01），在阿拉伯数字后加“号”字。

示例
  杭司[2024]14号 → 杭司〔2024〕14号
  浙政办发〔2024〕第5号 → 浙政办发〔2024〕5号

设置
  [rules.doc-number]
  severity = \"warning\"";

unit_check!();

/// After `N号`, these make it a building, line or room rather than a document.
const PLACES: [char; 12] = [
    '楼', '院', '线', '门', '房', '室', '库', '车', '地', '路', '街', '桥',
];

/// How the number of a case's decision (an arbitration award, a reconsideration or
/// penalty decision) ends its organ's code: `劳人仲案字〔2023〕第128号`, `政复决字`,
/// `市监罚字`. Such numbers put 第 before the number by convention; they are not
/// 发文字号.
const CASE_CODES: [&str; 8] = [
    "案字", "仲字", "复字", "决字", "罚字", "裁字", "调字", "执字",
];

const OPEN: [char; 6] = ['〔', '[', '【', '(', '（', '［'];
const CLOSE: [char; 6] = ['〕', ']', '】', ')', '）', '］'];

/// The 发文字号 ending with the `号` at `at` in `s`: its start (the opening bracket), year,
/// number as written, and whether it is already in the prescribed form.
fn read(s: &str, at: usize) -> Option<(usize, &str, &str, bool)> {
    let head = &s[..at];
    let number_start = head.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let number = &head[number_start..];
    let rest = &head[..number_start];
    let (rest, di) = match rest.strip_suffix('第') {
        Some(r) => (r, true),
        None => (rest, false),
    };
    let close = rest.chars().next_back().filter(|c| CLOSE.contains(c))?;
    let rest = &rest[..rest.len() - close.len_utf8()];
    let year_start = rest.len().checked_sub(4)?;
    let year = rest.get(year_start..)?;
    if !year.bytes().all(|b| b.is_ascii_digit())
        || !(year.starts_with("19") || year.starts_with("20"))
    {
        return None;
    }
    let rest = &rest[..year_start];
    let open = rest.chars().next_back().filter(|c| OPEN.contains(c))?;
    let start = rest.len() - open.len_utf8();
    // A 机关代字 directly before the bracket.
    let organ = s[..start]
        .chars()
        .next_back()
        .is_some_and(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c));
    let case = CASE_CODES.iter().any(|c| s[..start].ends_with(c));
    if number.is_empty() || !organ || case || number.bytes().all(|b| b == b'0') {
        return None;
    }
    let good = open == '〔' && close == '〕' && !di && !number.starts_with('0');
    Some((start, year, number, good))
}

impl Rule for Check {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        let finder = memmem::Finder::new("号");
        for (line, _) in doc.text_lines() {
            let s = &text[line.clone()];
            for at in finder.find_iter(s.as_bytes()) {
                // `5号楼`, `12号线`: a place, not a document.
                let place = s[at + "号".len()..].starts_with(PLACES);
                let Some((start, year, number, false)) = read(s, at).filter(|_| !place) else {
                    continue;
                };
                let span = line.start + start..line.start + at + "号".len();
                let fixed = format!("〔{year}〕{}号", number.trim_start_matches('0'));
                out.push(
                    Diagnostic::new(
                        span.clone(),
                        format!("发文字号“{}”不规范，应写作“{fixed}”", &text[span.clone()]),
                    )
                    .label(format!("改为“{fixed}”"))
                    .fix(span, fixed),
                );
            }
        }
    }
}
