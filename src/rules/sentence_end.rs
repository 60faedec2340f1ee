//! `sentence-end`: a half-width `.` ending a Chinese sentence, doubled marks (`。。`,
//! `，，`), and `。。。`, `...` or a single `…` for the ellipsis `……`.

use super::{Basic, Document, Rule};
use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::words::WordMatcher;

pub type Settings = Basic;

pub const SUMMARY: &str =
    "中文句末用了半角“.”，标点重复（。。，，），省略号写成“。。。”“...”或单个“…”";

pub const DOC: &str = "\
检查内容
  汉字后结束句子的半角句点（……工作.）修正为“。”，音译人名中间的半角点（艾尔肯.吐尼亚孜）
  修正为间隔号“·”；重复的“。。”“，，”“、、”“；；”
  修正为一个；“。。。”、三个以上的半角点“...”和单独一个“…”修正为省略号“……”。
  不报告：小数点和编号中的点（99.5%、1.），网址、文件名和英文中的点（www.gov.cn、
  附件.docx、etc...），汉字数字序号后的点（“一.”由标题编号规则处理）。

依据
  GB/T 15834-2011《标点符号用法》4.1 句号：句号形式为“。”；4.11 省略号：标准形式为
  “……”（两个三连点）；4.14 间隔号：标示外国人名或少数民族人名内部的分界，形式为
  “·”；中文文本使用全角标点。

示例
  全年办理案件120件. → 全年办理案件120件。（“件.”的“.”）
  副州长艾尔肯.吐尼亚孜带领 → 艾尔肯·吐尼亚孜
  加强学习。。 → 加强学习。
  开展宣传、培训... → 开展宣传、培训……

设置
  [rules.sentence-end]
  severity = \"warning\"";

pub struct Check {
    triggers: Option<WordMatcher>,
}

/// A half-width full stop, doubled marks and an ellipsis: where a sentence end may be wrong.
pub const TRIGGERS: [&str; 6] = [".", "。。", "，，", "、、", "；；", "…"];

impl Check {
    pub fn new(_: &Settings, _: &Config) -> Self {
        Check {
            triggers: WordMatcher::new(TRIGGERS),
        }
    }
}

fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// After these (besides Han characters) a `.` ends a Chinese sentence.
const CLOSERS: &str = "”’）》】";

/// Characters that transliterated names (Uyghur, Kazakh, Mongolian, Tibetan, foreign) are
/// mostly written with: a `.` with two of them on each side is a mistyped 间隔号 inside
/// a name (`艾尔肯.吐尼亚孜`), not a sentence end.
const NAME_CHARS: &str = "阿艾爱安奥巴拜班包贝比波布查达代丹旦德迪丁东都杜多额尔法夫甫嘎盖甘格古哈海汗罕赫\
                          吉加江杰卡坎康科克肯库拉来兰勒里力丽利鲁伦罗洛玛买麦曼梅蒙米敏莫木穆那纳娜乃\
                          尼努诺帕潘佩普其齐钦热仁茹若萨赛桑森沙莎舍斯松苏索塔太泰坦特提图吐托瓦旺维乌\
                          吾希夏谢辛雅亚扬央依伊尤玉约扎札珍卓孜宗措次曲穷顿确增则不合姆牙";

/// Whether the two characters before and the two after a `.` are name characters.
fn in_a_name(before: &str, after: &str) -> bool {
    let name = |c: char| NAME_CHARS.contains(c);
    before.chars().rev().take(2).filter(|&c| name(c)).count() == 2
        && after.chars().take(2).filter(|&c| name(c)).count() == 2
}

impl Rule for Check {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let Some(triggers) = &self.triggers else {
            return;
        };
        let text = doc.text();
        for (line, _) in doc.text_lines() {
            let s = &text[line.clone()];
            let mut done = 0;
            for m in triggers.find_iter(s) {
                if m.start() < done {
                    continue;
                }
                let mark = s[m.start()..].chars().next().unwrap_or('.');
                let len = s[m.start()..].chars().take_while(|&c| c == mark).count();
                let end = m.start() + len * mark.len_utf8();
                done = end;
                let prev = s[..m.start()].chars().next_back();
                let next = s[end..].chars().next();
                let ascii =
                    |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '/');
                let fix = match (mark, len) {
                    ('.', 1) => {
                        let ends = prev.is_some_and(|c| is_han(c) || CLOSERS.contains(c))
                            && next.is_none_or(|c| {
                                c.is_whitespace() || is_han(c) || "“‘（《【".contains(c)
                            });
                        // `一.` opening a line or sentence: an ordinal, numbering-punct's.
                        let run: String = s[..m.start()]
                            .chars()
                            .rev()
                            .take_while(|&c| is_han(c))
                            .collect();
                        let before_run = &s[..m.start() - run.len()];
                        let ordinal = !run.is_empty()
                            && run.chars().all(|c| "一二三四五六七八九十".contains(c))
                            && before_run
                                .trim_end()
                                .chars()
                                .next_back()
                                .is_none_or(|c| "。；;！？".contains(c));
                        if ends && in_a_name(&s[..m.start()], &s[end..]) {
                            Some("·")
                        } else {
                            (ends && !ordinal).then_some("。")
                        }
                    }
                    ('.', 2) => None,
                    ('.', _) | ('。', 3..) => (!ascii(prev) && !ascii(next)).then_some("……"),
                    ('…', 1) => (!ascii(prev)).then_some("……"),
                    ('…', _) => None,
                    ('。', _) => Some("。"),
                    (_, _) => Some(&s[m.start()..m.start() + mark.len_utf8()]),
                };
                let Some(fix) = fix else { continue };
                let span = line.start + m.start()..line.start + end;
                let shown = &text[span.clone()];
                let message = match fix {
                    "……" => format!("省略号应为“……”，不用“{shown}”"),
                    "。" if mark == '.' => "中文句末应用句号“。”，不用半角“.”".to_string(),
                    "·" => "名字内部的分界应用间隔号“·”，不用半角“.”".to_string(),
                    _ => format!("标点“{shown}”重复"),
                };
                out.push(
                    Diagnostic::new(span.clone(), message)
                        .label(format!("改为“{fix}”"))
                        .fix(span, fix.to_string()),
                );
            }
        }
    }
}
