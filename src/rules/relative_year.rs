//! `relative-year`: `今年`, `去年`, `明年`, `今年以来` where an explicit year belongs.

use super::report_dates::{self, inside_titles, is_text, within};
use super::{Document, Rule};
use crate::config::{Config, Level};
use crate::diagnostic::Diagnostic;
use crate::inline::is_han;
use crate::words::WordMatcher;
use serde::Deserialize;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Settings {
    pub severity: Level,
    /// Words that name a year relative to when the text was written.
    pub words: Vec<String>,
    /// Longer phrases containing such a word that are not reported: comparison idioms
    /// (较去年同期) and words that only look like one (如今年轻, 过去年份, 透明年度).
    pub exceptions: Vec<String>,
    /// Words whose first character also ends many words (`前`: 当前, 提前, 节前, 会前):
    /// reported only where no Han character comes before them or after one of
    /// `bound-after` (当前年度, 提前年底 are silent; 较前年, 前年以来 are not).
    pub bound_words: Vec<String>,
    /// What may come directly before a bound word: 较, 比, 于, 在, 自 ….
    pub bound_after: Vec<String>,
}

pub const SUMMARY: &str = "用“今年”“去年”“明年”“今年以来”等相对说法代替具体年份";

pub const DOC: &str = "\
检查内容
  正文、标题中的 words（“今年”“今年以来”“今年来”“去年”“明年”“前年”），
  每处报告一次。书名号内的（所引文件的标题）不报告。exceptions 中的短语不报告：
  - 同比的惯用说法“较去年同期”“比去年”“与去年相比”：比较的基期随所述年份确定，
    改写成具体年份并不更清楚，且常与“同比”互换，报告它们只会增加噪声；
  - 只是字面含有这些词的词语（“如今年轻”“过去年份”“公开透明年度”“说明年限”）。
  bound-words 中的词（“前年”）首字常与前一字成词（“当前年度”“提前年底”“节前年货”），
  只在其前不是汉字（句首、标点后）或是 bound-after 中的字（“较前年”“于前年”
  “与前年相比”）时报告。

依据
  年度报告在次年成文、发布，并长期公开：读者看到“今年”，无从判断指报告年度还是
  发布的年份（2023年度报告在2024年发布，“今年”读来是2024年）。
  《法治政府建设与责任落实督察工作规定》（厅字〔2019〕28号）要求报告“上一年度”的
  情况，应写明具体年份。

示例
  今年以来，全市受理行政复议案件1055件。
  → 2023年，全市受理行政复议案件1055件。

设置
  [rules.relative-year]
  words = [\"今年\", \"去年\", …]
  exceptions = [\"较去年同期\", …]
  bound-words = [\"前年\"]
  bound-after = [\"较\", \"比\", \"于\", …]";

pub struct Check {
    words: usize,
    /// Whether each word is bound (by pattern index).
    bound: Vec<bool>,
    bound_after: Vec<String>,
    matcher: Option<WordMatcher>,
}

impl Check {
    pub fn new(settings: &Settings, _: &Config) -> Self {
        let words: Vec<&String> = settings.words.iter().filter(|w| !w.is_empty()).collect();
        let patterns: Vec<&String> = words
            .iter()
            .copied()
            .chain(settings.exceptions.iter().filter(|w| !w.is_empty()))
            .collect();
        Check {
            words: words.len(),
            bound: words
                .iter()
                .map(|w| settings.bound_words.contains(w))
                .collect(),
            bound_after: settings
                .bound_after
                .iter()
                .filter(|w| !w.is_empty())
                .cloned()
                .collect(),
            matcher: WordMatcher::new(patterns),
        }
    }
}

impl Check {
    /// Whether a bound word after `before` may be the end of another word (当前年度): a
    /// Han character not in `bound-after` comes before it.
    fn joined(&self, before: &str) -> bool {
        before.chars().next_back().is_some_and(is_han)
            && !self
                .bound_after
                .iter()
                .any(|w| before.ends_with(w.as_str()))
    }
}

impl Rule for Check {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let Some(matcher) = &self.matcher else { return };
        let text = doc.text();
        let year = doc.outline.report_year;
        for (line, tokens) in doc.tokens() {
            let tokens = &*tokens;
            let index = report_dates::line_index(doc, line.start);
            if !is_text(doc.outline.lines[index].kind) {
                continue;
            }
            let mut titles = None;
            let s = &text[line.clone()];
            for m in matcher.find_iter(s) {
                let pattern = m.pattern().as_usize();
                if pattern >= self.words || (self.bound[pattern] && self.joined(&s[..m.start()])) {
                    continue;
                }
                let span = line.start + m.start()..line.start + m.end();
                if within(titles.get_or_insert_with(|| inside_titles(tokens)), &span) {
                    continue;
                }
                let word = &text[span.clone()];
                let mut d = Diagnostic::new(span, format!("“{word}”指代不明，应写明具体年份"))
                    .label("相对的年份")
                    .help("改为具体年份，如“××××年”“××××年以来”");
                if let Some(y) = year {
                    d = d.note(format!(
                        "报告年度为{y}年；年度报告在次年发布并长期公开，读者无从判断“{word}”指哪一年"
                    ));
                }
                out.push(d);
            }
        }
    }
}
