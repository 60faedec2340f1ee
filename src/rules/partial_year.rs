//! `partial-year`: figures for part of the reported year (`1-11月`, `截至11月底`,
//! `前三季度`) in an annual report.

use super::report_dates::{
    self, inside_titles, is_text, role_of_line, token_ending_at, tokens_from, within,
};
use super::{Document, Rule};
use crate::config::{Config, Level, Role};
use crate::diagnostic::Diagnostic;
use crate::inline::{Token, TokenKind};
use crate::sentence;
use crate::words::WordMatcher;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::ops::Range;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Settings {
    pub severity: Level,
    /// A month range `1-N月` is flagged when N is at least this (and below 12); shorter
    /// ranges from January are usually the period of a campaign, not year-to-date figures.
    pub min_end_month: u32,
    /// Phrases naming part of a year (前三季度, 上半年, …).
    pub phrases: Vec<String>,
    /// Words that, followed by a date before 31 December, give a cut-off (截至11月底).
    pub until_words: Vec<String>,
    /// For a phrase, the words naming the rest of the year: both in one paragraph
    /// (`上半年…2次，下半年…3次`) cover the whole year.
    pub complements: BTreeMap<String, Vec<String>>,
    /// Words after a cut-off that make it a milestone reached, not a figure to date
    /// (`截至10月，已完成全部12项改革任务，比计划提前2个月`).
    pub milestone_words: Vec<String>,
}

pub const SUMMARY: &str = "年度报告使用年内部分时段的数据（1-11月、截至11月底、前三季度）";

pub const DOC: &str = "\
检查内容
  报告年度情况的部分（导语和除“下一年度安排”以外的各节）中，同一句后文有数字的：
  - 从1月起、止于 min-end-month 至11月的月份区间（“1-10月”“2023年1-11月”“1月-11月”）；
  - until-words 后接12月31日以前的日期（“截至11月底”“截止2023年10月”）；
  - phrases 中的词（“前三季度”“上半年”）。
  写明其他年份的（“2022年1-11月”）、在书名号内的（所引文件的标题）不报告；
  “全年”“截至12月底”“1-12月”覆盖全年，不报告。
  以下也不报告：
  - 同一段中也写了其余时段的：“上半年…2次，下半年…3次”（complements），
    “1-6月…，7-12月…”，“1-9月…，10月起…”，“1-8月…；9月…正式上线后…”，
    “1-11月…86项，12月…14项”；
  - 时段后接“完成”“建成”“出台”等、前有“于”或该分句中没有数字的，说的是事情办成的
    时间：“于上半年完成规范性文件清理，共清理文件156件”“上半年出台《……办法》”；
  - 时段后接“为…期”的，说的是活动的时段而不是数据的时段：“1-10月为集中服务期”；
  - until-words 所在句中有 milestone-words（提前、已完成全部……）的，说的是完成
    某项任务的时间：“截至2023年10月，已完成全部12项改革任务，比计划提前2个月”；
  - 时段后接“开展……行动（活动、专项整治）”的，是一次行动的时段：“2024年1—6月，
    开展专项执法行动，检查企业1263家”；
  - 紧跟“其中”的，是全年总数的一部分：“共学法8次，其中上半年3次”；
  - 句中时段后的数字只是名次或得分（“第2名”“后3位”“95.5分”）的，时段是一次考核、
    排名的时段：“在2024年上半年全市考核中，我县位列第2名”；
  - until-words 前是“期限”“时间”或日期后接“结束”“截止”的，是一项程序截止的日子：
    “征求意见期限截至2023年8月15日”；同一行还写了截至12月底、年底数据的，是对比：
    “截至6月底……92.6%；截至12月底，提高到96.1%”。

依据
  《法治政府建设与责任落实督察工作规定》（厅字〔2019〕28号）要求年度报告反映上一年度
  的情况，数字应为全年数据。“1-11月”“截至11月底”等说明数字抄自年内的草稿或月报，
  未更新为全年数据。

示例
  2023年1-11月，共交办败诉风险案件5件。
  → 更新为全年数据：“2023年，共交办败诉风险案件×件。”

设置
  [rules.partial-year]
  min-end-month = 6
  phrases = [\"前三季度\", \"上半年\", …]
  until-words = [\"截至\", \"截止\", …]
  complements = { \"上半年\" = [\"下半年\"], … }
  milestone-words = [\"提前\", \"已完成全部\", …]";

pub struct Check {
    min_end_month: u32,
    /// The phrases, in the matcher's pattern order, with their complements.
    phrases: Vec<(String, Vec<String>)>,
    matcher: Option<WordMatcher>,
    milestone_words: Vec<String>,
}

impl Check {
    pub fn new(settings: &Settings, _: &Config) -> Self {
        let patterns: Vec<&String> = settings
            .phrases
            .iter()
            .chain(&settings.until_words)
            .filter(|w| !w.is_empty())
            .collect();
        let phrases = (settings.phrases.iter())
            .filter(|w| !w.is_empty())
            .map(|w| {
                let rest = settings.complements.get(w).cloned().unwrap_or_default();
                (
                    w.clone(),
                    rest.into_iter().filter(|r| !r.is_empty()).collect(),
                )
            })
            .collect();
        Check {
            min_end_month: settings.min_end_month,
            phrases,
            matcher: WordMatcher::new(patterns),
            milestone_words: (settings.milestone_words.iter())
                .filter(|w| !w.is_empty())
                .cloned()
                .collect(),
        }
    }

    /// The spans that name part of the year on one line.
    fn partial_spans(
        &self,
        doc: &Document,
        line: &Range<usize>,
        tokens: &[Token],
    ) -> Vec<Range<usize>> {
        let year = doc.outline.report_year;
        let this_year = |y: Option<i32>| y.is_none() || year.is_none() || y == year;
        let mut spans = Vec::new();
        for t in tokens {
            if let TokenKind::MonthRange {
                year: y,
                from: 1,
                to,
                ..
            } = t.kind
                && (self.min_end_month..12).contains(&to)
                && this_year(y)
                && !rest_of_year(doc.text(), line, tokens, to)
            {
                spans.push(t.span());
            }
        }
        let Some(matcher) = &self.matcher else {
            return spans;
        };
        let text = doc.text();
        for m in matcher.find_iter(&text[line.clone()]) {
            let (start, end) = (line.start + m.start(), line.start + m.end());
            if let Some((_, rest)) = self.phrases.get(m.pattern().as_usize()) {
                // `2022年上半年` is another year's half.
                let other_year = token_ending_at(tokens, start)
                    .is_some_and(|t| matches!(&t.kind, TokenKind::Date(d) if !this_year(d.year)));
                // `上半年…，下半年…`: the halves together cover the year.
                let line_text = &text[line.clone()];
                let whole = rest.iter().any(|r| line_text.contains(r.as_str()));
                if !other_year && !whole {
                    spans.push(start..end);
                }
                continue;
            }
            // An until-word: the date right after it must be this year, before 31 December.
            let Some((d, date_end)) =
                tokens_from(tokens, end)
                    .first()
                    .and_then(|t| match &t.kind {
                        TokenKind::Date(d) if t.start() == end => Some((d, t.end())),
                        _ => None,
                    })
            else {
                continue;
            };
            let before_end = match (d.month, d.day) {
                (Some(m), _) if m < 12 => true,
                (Some(12), Some(day)) => day < 31,
                _ => false,
            };
            // A procedure's closing day (`征求意见期限截至8月15日`, `征集工作截至9月30日
            // 结束`), and a figure beside the year-end's (`截至6月底…；截至12月底…`), are
            // no figures to date.
            let closing_day = ["期限", "期", "时间"]
                .iter()
                .any(|w| text[line.start..start].ends_with(w))
                || ["结束", "截止", "止"]
                    .iter()
                    .any(|w| text[date_end..line.end].starts_with(w));
            let year_end = ["12月底", "12月31日", "年底", "年末"]
                .iter()
                .any(|w| text[date_end..line.end].contains(w));
            if before_end
                && this_year(d.year)
                && !self.milestone(text, date_end, line.end)
                && !closing_day
                && !year_end
            {
                spans.push(start..date_end);
            }
        }
        spans
    }
}

impl Check {
    /// Whether the sentence on from a cut-off date at `at` tells of a milestone reached
    /// (`已完成全部12项改革任务，比计划提前2个月`).
    fn milestone(&self, text: &str, at: usize, line_end: usize) -> bool {
        let end = sentence::end_after(text, at, line_end, sentence::MAX_CHARS);
        let rest = &text[at..end];
        self.milestone_words
            .iter()
            .any(|w| rest.contains(w.as_str()))
    }
}

/// Whether the line also covers the rest of the year after month `to`: a month range to
/// December (`1-6月…，7-12月…`), the next month on (`1-9月…，10月起…`), or December alone
/// with its own figure (`1-11月…86项，12月…14项`), or the half or the quarter that
/// completes it (`1—6月…，下半年…`, `1—9月…，第四季度…`).
fn rest_of_year(text: &str, line: &Range<usize>, tokens: &[Token], to: u32) -> bool {
    let line_end = line.end;
    let complements: &[&str] = match to {
        6 => &["下半年"],
        9 => &["第四季度", "四季度"],
        _ => &[],
    };
    if complements.iter().any(|w| text[line.clone()].contains(w)) {
        return true;
    }
    tokens.iter().any(|t| match &t.kind {
        TokenKind::MonthRange { from, to: 12, .. } => *from == to + 1,
        TokenKind::Date(d) if d.day.is_none() && d.month.map(u32::from) == Some(to + 1) => {
            let after = &text[t.end()..line_end];
            let after = after.strip_prefix('份').unwrap_or(after);
            // (`9月在全区正式上线后，…`, `11月…集中行使复议职责后受理186件`: onward from
            // an event in the month's clause.)
            let clause = &after[..after.find(['，', '；', '。']).unwrap_or(after.len())];
            // December's own figure may come after a comma or in the next sentence
            // (`1—11月…42宗；12月，又查处…6宗。`).
            ONWARD.iter().any(|w| after.starts_with(w))
                || clause.contains('后')
                || (to == 11 && figure_after(text, tokens, t.end(), line_end))
        }
        _ => false,
    })
}

/// After a month: from that month to the year's end (`10月起`, `10月以来`).
const ONWARD: [&str; 7] = ["起", "以来", "开始", "以后", "后", "至今", "至年底"];

/// Whether the period at `span` dates a thing done rather than bounds a figure:
/// `于上半年完成规范性文件清理`, or without `于` when the verb's clause holds no figure
/// (`上半年出台《…办法》，…`; not `1-11月完成复议案件120件`).
fn dates_a_deed(text: &str, span: &Range<usize>) -> bool {
    let rest = &text[span.end..];
    let Some(verb) = DONE.iter().find(|w| rest.starts_with(*w)) else {
        return false;
    };
    let clause = first_clause(&rest[verb.len()..]);
    // (`于` may come before the year: `于2023年上半年开展的督察`.)
    let before = text[..span.start].trim_end_matches('年');
    let before = before.trim_end_matches(|c: char| c.is_ascii_digit());
    text[..span.start].ends_with('于')
        || before.ends_with('于') && before.len() < span.start
        || !clause.contains(|c: char| c.is_ascii_digit())
}

/// `text` up to its first comma, semicolon or full stop.
fn first_clause(text: &str) -> &str {
    text.split(['，', '。', '；', ',', ';'])
        .next()
        .unwrap_or_default()
}

/// Verbs of a thing done, after `于…` (`于上半年完成`, `于1-10月建成`).
const DONE: [&str; 15] = [
    "完成",
    "全面完成",
    "全部完成",
    "建成",
    "出台",
    "印发",
    "制定",
    "修订",
    "实现",
    "上线",
    "启动",
    "组建",
    // An event held then (`于2023年上半年开展的法治督察`).
    "开展",
    "召开",
    "举办",
];

/// Whether the period ending at `at` is followed by `为…期` (`1-10月为集中服务期`,
/// `为活动期间`): the window of a campaign, not the period of a figure.
fn campaign_window(text: &str, at: usize) -> bool {
    let Some(rest) = text[at..].strip_prefix('为') else {
        return false;
    };
    rest.chars()
        .take(12)
        .take_while(|c| !c.is_ascii_punctuation() && !"，、；。：,;:（）".contains(*c))
        .any(|c| c == '期')
}

/// Whether the period ending at `at` is followed by the campaign or the one event it
/// bounds (`2024年1—6月，开展“护航营商环境”专项执法行动`, `上半年，组织全县执法人员参加
/// 执法资格考试`, `对28家养老机构开展消防安全检查`, `举办…培训班2期`): the window of a
/// campaign, whose figures are its own, not the period of a figure to date.
fn campaign_after(text: &str, at: usize) -> bool {
    let clause = first_clause(text[at..].trim_start_matches(['，', ',']));
    const VERBS: [&str; 4] = ["开展", "组织", "举办", "举行"];
    const EVENTS: [&str; 11] = [
        "行动", "活动", "专项", "整治", "考试", "检查", "培训", "排查", "评查", "演练", "竞赛",
    ];
    VERBS
        .iter()
        .filter_map(|v| clause.find(v).map(|i| &clause[i + v.len()..]))
        .any(|after| EVENTS.iter().any(|w| after.contains(w)))
}

/// Whether a figure follows `at` before `end`; a rank or a score in an assessment of
/// the period (`第2名`, `后3位`, `得分95.5分`) is none.
fn figure_after(text: &str, tokens: &[Token], at: usize, end: usize) -> bool {
    tokens_from(tokens, at)
        .iter()
        .take_while(|t| t.end() <= end)
        .any(|t| {
            let before = &text[..t.start()];
            let rank = before.ends_with(['第', '前', '后'])
                || matches!(t.kind, TokenKind::Quantity(_)) && text[t.span()].ends_with('分');
            matches!(
                t.kind,
                TokenKind::Quantity(_)
                    | TokenKind::Percent { .. }
                    | TokenKind::Points { .. }
                    | TokenKind::Ratio { .. }
            ) && !rank
        })
}

impl Rule for Check {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        for (line, tokens) in doc.tokens() {
            let tokens = &*tokens;
            let index = report_dates::line_index(doc, line.start);
            if !is_text(doc.outline.lines[index].kind)
                || role_of_line(doc, index) == Some(Role::Plans)
            {
                continue;
            }
            let mut spans = self.partial_spans(doc, &line, tokens);
            if spans.is_empty() {
                continue;
            }
            spans.sort_by_key(|s| s.start);
            let titles = inside_titles(tokens);
            for span in spans {
                if within(&titles, &span)
                    || campaign_window(text, span.end)
                    || campaign_after(text, span.end)
                    || dates_a_deed(text, &span)
                    // `共学法8次，其中上半年3次`: a share of the year's total.
                    || text[..span.start].trim_end_matches(['：', ':']).ends_with("其中")
                {
                    continue;
                }
                let sentence_end =
                    sentence::end_after(text, span.end, line.end, sentence::MAX_CHARS);
                if !figure_after(text, tokens, span.end, sentence_end) {
                    continue;
                }
                let shown = &text[span.clone()];
                let year = doc
                    .outline
                    .report_year
                    .map_or_else(|| "报告年度".to_string(), |y| format!("{y}年"));
                out.push(
                    Diagnostic::new(span, format!("年度报告使用了部分时段的数据：“{shown}”"))
                        .label("未覆盖全年")
                        .note(format!("年度报告应反映{year}全年的情况"))
                        .help("更新为全年数据，并删去时段限定"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `于` before the period's year dates an event held then (`于2023年上半年开展的`);
    /// without `于`, a figure in the clause makes it a part-year figure.
    #[test]
    fn an_event_dated_with_its_year_after_yu() {
        let at = |text: &str| {
            let start = text.find("上半年").unwrap();
            dates_a_deed(text, &(start..start + "上半年".len()))
        };
        assert!(at(
            "配合省委依法治省办于2023年上半年开展的法治督察，反馈问题12个"
        ));
        assert!(at("于2023年上半年开展的专项检查覆盖企业12家"));
        assert!(!at("2023年上半年开展执法检查120次"));
    }
}
