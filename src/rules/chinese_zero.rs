//! `chinese-zero`: a year in Chinese numerals written with a digit zero, a letter O, a
//! circle or 零 instead of 〇 (`二0二三年` → `二〇二三年`).

use super::{Basic, Document, Rule};
use crate::diagnostic::Diagnostic;
use memchr::memmem;

pub type Settings = Basic;

pub const SUMMARY: &str = "汉字数字年份中的“0”“O”“○”“零”应为“〇”（二〇二三年）";

pub const DOC: &str = "\
检查内容
  用汉字数字书写的四位年份（后接“年”）中，把“〇”写成阿拉伯数字0、字母O、
  圆圈○或“零”的（二0二三年、二O二三年、二零二三年）。修正为“〇”。
  只查紧接“年”的四位汉字数字年份；“一百零五年”等数量和其他文字中的“零”不报告。

依据
  GB/T 15835-2011《出版物上数字用法》：汉字数字“〇”用于编号（年份）中，
  “二〇二三年”不写作“二零二三年”；GB/T 9704-2012 成文日期的汉字写法亦同。

示例
  二0二四年一月二十六日 → 二〇二四年一月二十六日

设置
  [rules.chinese-zero]
  severity = \"warning\"";

unit_check!();

/// Characters of a year in Chinese numerals, right and wrong.
fn is_year_char(c: char) -> bool {
    "〇一二三四五六七八九".contains(c) || is_wrong_zero(c)
}

fn is_wrong_zero(c: char) -> bool {
    matches!(
        c,
        '0' | 'O' | 'o' | '\u{FF10}' | '\u{FF2F}' | '\u{25CB}' | '零'
    )
}

impl Rule for Check {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        let finder = memmem::Finder::new("年");
        for (line, _) in doc.text_lines() {
            let s = &text[line.clone()];
            for at in finder.find_iter(s.as_bytes()) {
                let mut chars = s[..at].char_indices().rev();
                let run: Vec<(usize, char)> = chars
                    .by_ref()
                    .take_while(|&(_, c)| is_year_char(c))
                    .take(5)
                    .collect();
                let [.., (start, first)] = run.as_slice() else {
                    continue;
                };
                let real = run.iter().filter(|&&(_, c)| !is_wrong_zero(c)).count();
                if run.len() != 4 || !matches!(first, '一' | '二') || real < 2 {
                    continue;
                }
                if !run.iter().any(|&(_, c)| is_wrong_zero(c)) {
                    continue;
                }
                let span = line.start + start..line.start + at;
                let fixed: String = text[span.clone()]
                    .chars()
                    .map(|c| if is_wrong_zero(c) { '〇' } else { c })
                    .collect();
                out.push(
                    Diagnostic::new(
                        span.clone(),
                        format!("年份“{}”中的零应写作“〇”", &text[span.clone()]),
                    )
                    .label(format!("改为“{fixed}”"))
                    .fix(span, fixed),
                );
            }
        }
    }
}
