//! `quote-marks`: ASCII `"…"` or `'…'` around Chinese text, and `<…>` used as title marks.

use super::report_dates::{inside_titles, within};
use super::{Basic, Document, Rule};
use crate::diagnostic::Diagnostic;
use memchr::{memchr_iter, memmem};

pub type Settings = Basic;

pub const SUMMARY: &str = "中文引号用了半角 \"…\" 或 '…'，书名号用了 <…>";

pub const DOC: &str = "\
检查内容
  一行中成对的半角双引号 \"…\" 或单引号 '…'，所引内容含汉字的（如 \"最多跑一次\"），
  修正为“…”（引文里的“…”改为‘…’；单独使用的 '…' 也改为“…”，只有在双引号之内才
  改为‘…’）；把 <…>（或＜…＞）当书名号用、所括内容以汉字开头的，修正为
  《…》，在《》之内的修正为〈…〉。所引内容全是英文、代码、网址的（\"OK\"、<br>）
  不报告；紧挨英文字母的单引号是撇号（don't），在引文之外紧跟数字的双引号是英寸
  （55\"），都不报告。一行中半角双引号的个数为奇数
  （引文跨行，或与全角引号混用）、半角引号与全角引号交错（“放管服\"），或冒号后的
  引文之后还有两个以上引号（可能是嵌套的引文）时，无法确定哪两个成对，只在第一个
  引号处报告一次，不给修正。

依据
  GB/T 15834-2011《标点符号用法》4.1 引号：中文的引号为“”和‘’；4.15 书名号：
  书名号为《》和〈〉，书名号内还要用书名号时，外面用《》，里面用〈〉。

示例
  推行\"最多跑一次\"改革 → 推行“最多跑一次”改革
  学习<民法典> → 学习《民法典》

设置
  [rules.quote-marks]
  severity = \"warning\"";

unit_check!();

/// The double quotes at `at` (byte offsets in `s`) without the inch marks: a quote right
/// after a digit where a quotation would open (`显示屏55"和65"`); one closing a quotation
/// after its figure (`"护航2023"`) stays.
fn without_inch_marks(s: &str, at: Vec<usize>) -> Vec<usize> {
    let mut open = false;
    at.into_iter()
        .filter(|&a| {
            let inch = !open && a > 0 && s.as_bytes()[a - 1].is_ascii_digit();
            open ^= !inch;
            !inch
        })
        .collect()
}

fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// The positions of `<` and `＜` in `s`, in order.
fn angles(s: &str) -> Vec<usize> {
    let mut all: Vec<usize> = memchr_iter(b'<', s.as_bytes())
        .chain(memmem::find_iter(s.as_bytes(), "＜".as_bytes()))
        .collect();
    all.sort_unstable();
    all
}

/// Whether the ASCII double quotes at `at` in line `s` cannot be paired in order: an odd
/// number (a quotation wrapped from the line before, or one closed with a Chinese mark);
/// one where a Chinese quotation is open or closed too often (`深化“放管服"改革，推进
/// "一网通办”`: each slipped mark belongs with a Chinese one); or a quotation opened
/// after a colon with two or more marks after its own, which it may hold
/// (`强调:"要把"放管服"改革…"`). Only lines with a quotation around Chinese text count.
fn unpaired(s: &str, at: &[usize]) -> bool {
    let (Some(&first), Some(&last)) = (at.first(), at.last()) else {
        return false;
    };
    if !s[first..=last].chars().any(is_han) {
        return false;
    }
    let slipped = at.iter().any(|&i| chinese_depth(&s[..i]) != 0);
    let speech = (0..at.len())
        .step_by(2)
        .any(|k| at.len() - k >= 4 && s[..at[k]].trim_end().ends_with([':', '：']));
    at.len() % 2 == 1 || slipped || speech
}

/// How many Chinese double quotations are open at the end of `s` (negative: closed more
/// often than opened).
fn chinese_depth(s: &str) -> isize {
    let count = |mark: &str| memmem::find_iter(s.as_bytes(), mark.as_bytes()).count() as isize;
    count("“") - count("”")
}

/// The most characters a quotation may hold to be taken as one.
const MAX_QUOTED: usize = 100;

impl Rule for Check {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        for (line, tokens) in doc.text_lines() {
            let tokens = &*tokens;
            let s = &text[line.clone()];
            for (quote, open, close) in [(b'"', "“", "”"), (b'\'', "‘", "’")] {
                let mut at: Vec<usize> = memchr_iter(quote, s.as_bytes()).collect();
                if quote == b'"' {
                    at = without_inch_marks(s, at);
                }
                if quote == b'"' && unpaired(s, &at) {
                    let span = line.start + at[0]..line.start + at[0] + 1;
                    out.push(
                        Diagnostic::new(span, "应使用中文引号（“…”），不用半角引号")
                            .label("本行引号不成对或有嵌套，逐个核对后改为中文引号")
                            .note("无法确定哪两个引号成对，未给出修正"),
                    );
                    continue;
                }
                for pair in at.chunks_exact(2) {
                    let (a, b) = (pair[0], pair[1]);
                    let inner = &s[a + 1..b];
                    let letter = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
                    if !inner.chars().any(is_han)
                        || inner.chars().count() > MAX_QUOTED
                        || inner.starts_with(char::is_whitespace)
                        || inner.ends_with(char::is_whitespace)
                        || (quote == b'\''
                            && (letter(s[..a].chars().next_back())
                                || letter(s[b + 1..].chars().next())))
                    {
                        continue;
                    }
                    // Single quotes are for a quotation inside another (GB/T 15834
                    // 4.1.3); on their own they become double ones. Inside a quotation
                    // made Chinese, its Chinese double quotes become single ones.
                    let nested = || {
                        chinese_depth(&s[..a]) > 0
                            || memchr_iter(b'"', &s.as_bytes()[..a]).count() % 2 == 1
                    };
                    let (open, close) = if quote == b'\'' && !nested() {
                        ("“", "”")
                    } else {
                        (open, close)
                    };
                    // (Not `unpaired`: no Chinese quotation is open at either mark,
                    // so those inside are balanced.)
                    let inner = if quote == b'"' {
                        inner.replace('“', "‘").replace('”', "’")
                    } else {
                        inner.to_string()
                    };
                    let span = line.start + a..line.start + b + 1;
                    let fixed = format!("{open}{inner}{close}");
                    out.push(
                        Diagnostic::new(
                            span.clone(),
                            format!("应使用中文引号（{open}…{close}），不用半角引号"),
                        )
                        .label(format!("改为{fixed}"))
                        .fix(span, fixed),
                    );
                }
            }
            let mut titles: Option<Vec<std::ops::Range<usize>>> = None;
            let mut from = 0;
            for i in angles(s) {
                if i < from {
                    continue;
                }
                let lt = s[i..].chars().next().map_or(1, char::len_utf8);
                from = i + lt;
                // Only a short stretch can be a title: the look is bounded, so a line
                // full of `<` costs linear time.
                let rest = &s[from..];
                let window = rest.floor_char_boundary(rest.len().min(4 * MAX_QUOTED));
                let Some(j) = rest[..window].find(['>', '＞', '<', '＜']) else {
                    continue;
                };
                let gt = rest[j..].chars().next().unwrap_or('>');
                if !matches!(gt, '>' | '＞') {
                    continue;
                }
                let inner = &rest[..j];
                let first_han = inner.chars().next().is_some_and(is_han);
                let last_ok = inner
                    .chars()
                    .next_back()
                    .is_some_and(|c| is_han(c) || matches!(c, '）' | ')'));
                if !first_han || !last_ok || inner.chars().count() > MAX_QUOTED {
                    continue;
                }
                let span = line.start + i..line.start + from + j + gt.len_utf8();
                let nested = within(titles.get_or_insert_with(|| inside_titles(tokens)), &span);
                let (o, c) = if nested {
                    ("〈", "〉")
                } else {
                    ("《", "》")
                };
                let fixed = format!("{o}{inner}{c}");
                out.push(
                    Diagnostic::new(span.clone(), format!("书名号应为“{o}{c}”，不用尖括号"))
                        .label(format!("改为{fixed}"))
                        .fix(span, fixed),
                );
                from += j + gt.len_utf8();
            }
        }
    }
}
