//! `citation-title`: a `《…》` citation that is nearly, but not exactly, the title of a
//! law, regulation or central document the reports cite (a dropped or added word, `的`,
//! 督查 for 督察, a missing year span, a hyphen in it); and the 2015—2020 纲要 cited as the
//! basis of the work in a report on a later year.

use super::report_dates::inside_titles;
use super::{Document, Rule};
use crate::config::{Config, Level, Years};
use crate::diagnostic::Diagnostic;
use crate::inline::{Pair, TokenKind};
use crate::sentence;
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Settings {
    pub severity: Level,
    /// The canonical titles, without `《》`.
    pub titles: Vec<String>,
    pub extend_titles: Vec<String>,
    /// Titles in force for reports on some years only.
    pub in_force: BTreeMap<String, InForce>,
    /// Before a citation in its clause, these cite it as the basis of the work.
    pub basis_words: Vec<String>,
    /// Right after a citation (or after 的), these make the cited document the thing
    /// evaluated or summed up (`《纲要》实施情况第三方评估`), not the basis of the work.
    pub evaluated_words: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct InForce {
    pub years: Years,
    pub successor: Option<String>,
}

pub const SUMMARY: &str =
    "《》中引用的法律法规、文件名称与规范名称相近而不一致；在后续年度仍以已到期的纲要为依据";

pub const DOC: &str = "\
检查内容
  《》中的文件名称与 titles 所列的规范名称（两部法治政府建设实施纲要、法治中国建设
  规划、督察工作规定、第一责任人职责规定、重大行政决策程序暂行条例、行政诉讼法、
  行政复议法、行政许可法、行政处罚法、行政强制法、民法典、GB/T 9704/15834/15835
  的标准名称等）相近而不一致的：漏字或多字（不超过4个，如多了“的”、少了“暂行”）、
  “督查”与“督察”之类的一字之差、缺少“（2021—2025年）”或其中的“年”、年份范围用
  了连字符、行政法规前多加“中华人民共和国”。只有一个候选时给出修正；报告年度可以
  确定现行文件时据此选择。完全一致、只差括号全半角、省略“中华人民共和国”、相差
  较大（如地方的《浙江省……条例》、《……实施条例》）的不报告；5个字以下的短名称
  只认完全一致。
  in-force 所列文件在其适用年度之后仍被作为依据引用（同一分句中前有 basis-words：
  按照、根据、贯彻落实……），如2021年及以后的报告“贯彻落实《法治政府建设实施纲要
  （2015—2020年）》”，也报告，并指出后续文件。书名号后同一句中有 evaluated-words
  （实施情况、评估、总结……）的，所引文件是被评估、总结的对象而不是依据，不报告：
  “根据《法治政府建设实施纲要（2015—2020年）》实施情况第三方评估结果”“对标《……
  （2015—2020年）》全面总结‘十三五’时期成效”。“两部《法治政府建设实施纲要》”
  说的是同名的几份文件，不报告。

依据
  《党政机关公文处理工作条例》第十九条：引用公文应当先引标题，后引发文字号；
  公文内容应当准确。法律、法规名称以公布的名称为准（《行政法规制定程序条例》第十条）。
  《法治政府建设实施纲要（2021—2025年）》自2021年8月起接续2015—2020年纲要。

示例
  深入贯彻《法治政府建设与责任落实督查工作规定》
  → 应为《法治政府建设与责任落实督察工作规定》

设置
  [rules.citation-title]
  titles = [\"…\"]、extend-titles = []（规范名称，不含书名号）
  basis-words = [\"按照\", \"根据\", …]
  evaluated-words = [\"实施情况\", \"评估\", …]
  [rules.citation-title.in-force]
  \"法治政府建设实施纲要（2015—2020年）\" = { years = \"2015-2020\", successor = \"…\" }";

const PRC: &str = "中华人民共和国";
/// Range dashes and hyphens, compared as one.
const DASHES: [char; 7] = ['-', '－', '–', '—', '~', '～', '‐'];
/// Hyphens where a title has a dash (as range-dash sees them).
const HYPHENS: [char; 3] = ['-', '－', '–'];
/// Pairs of characters confused in titles.
const CONFUSABLE: [(char, char); 5] = [
    ('查', '察'),
    ('制', '治'),
    ('与', '和'),
    ('的', '之'),
    ('订', '定'),
];

/// A title compared char by char: paren widths and dashes unified, spaces dropped.
fn normalize(s: &str) -> Vec<char> {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            c if DASHES.contains(&c) => '—',
            c => c,
        })
        .collect()
}

struct Title {
    text: String,
    /// Normalized, without a leading 中华人民共和国.
    core: Vec<char>,
    prc: bool,
    in_force: Option<InForce>,
}

pub struct Check {
    titles: Vec<Title>,
    basis_words: Vec<String>,
    evaluated_words: Vec<String>,
}

impl Check {
    pub fn new(settings: &Settings, _: &Config) -> Self {
        let mut names: Vec<&String> = settings
            .titles
            .iter()
            .chain(&settings.extend_titles)
            .chain(settings.in_force.keys())
            .filter(|t| !t.is_empty())
            .collect();
        names.sort();
        names.dedup();
        let titles = names
            .into_iter()
            .map(|t| {
                let prc = t.starts_with(PRC);
                Title {
                    text: t.clone(),
                    core: normalize(t.strip_prefix(PRC).unwrap_or(t)),
                    prc,
                    in_force: settings.in_force.get(t).cloned(),
                }
            })
            .collect();
        let words = |list: &[String]| -> Vec<String> {
            list.iter().filter(|w| !w.is_empty()).cloned().collect()
        };
        Check {
            titles,
            basis_words: words(&settings.basis_words),
            evaluated_words: words(&settings.evaluated_words),
        }
    }
}

/// Whether `c` is nearly `t` (both normalized, without 中华人民共和国).
fn near(c: &[char], t: &[char]) -> bool {
    // A missing year span: `法治政府建设实施纲要` for `…（2021—2025年）`.
    if let Some(k) = t.iter().rposition(|&ch| ch == '（')
        && t.last() == Some(&'）')
        && t[k..].iter().any(char::is_ascii_digit)
        && c == &t[..k]
    {
        return true;
    }
    if t.len() < 6 {
        return false;
    }
    let p = c.iter().zip(t).take_while(|(a, b)| a == b).count();
    let max_s = c.len().min(t.len()) - p;
    let s = c
        .iter()
        .rev()
        .zip(t.iter().rev())
        .take(max_s)
        .take_while(|(a, b)| a == b)
        .count();
    let (cm, tm) = (&c[p..c.len() - s], &t[p..t.len() - s]);
    match (cm.len(), tm.len()) {
        (0, 1..=4) | (1..=4, 0) => p >= 2 && s >= 1,
        (1, 1) => {
            p >= 2
                && CONFUSABLE
                    .iter()
                    .any(|&(a, b)| (cm[0], tm[0]) == (a, b) || (cm[0], tm[0]) == (b, a))
        }
        _ => false,
    }
}

impl Rule for Check {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        let year = doc.outline.report_year;
        for (line, tokens) in doc.text_lines() {
            let tokens = &*tokens;
            if !tokens.iter().any(|t| t.kind == TokenKind::Open(Pair::Book)) {
                continue;
            }
            for title in inside_titles(tokens) {
                let open = "《".len();
                let inner = title.start + open..title.end - "》".len();
                let raw = &text[inner.clone()];
                // (`两部《法治政府建设实施纲要》`: the documents of that name, not one.)
                let several = ["两部", "两个", "历次", "各部"]
                    .iter()
                    .any(|w| text[..title.start].ends_with(w));
                if raw.is_empty() || raw.contains('《') || several {
                    continue;
                }
                let cited_prc = raw.starts_with(PRC);
                let c = normalize(raw.strip_prefix(PRC).unwrap_or(raw));
                // The form to suggest: with 中华人民共和国 only if cited with it.
                let suggest = |t: &Title| {
                    if t.prc && !cited_prc {
                        t.text[PRC.len()..].to_string()
                    } else {
                        t.text.clone()
                    }
                };
                let canonical = if let Some(t) = self
                    .titles
                    .iter()
                    .find(|t| t.core == c && (t.prc || !cited_prc))
                {
                    if raw.contains(HYPHENS) && t.text.contains('—') {
                        let fixed = suggest(t);
                        out.push(
                            Diagnostic::new(
                                inner.clone(),
                                format!("引用的“《{raw}》”年份范围应用连接号“—”：《{fixed}》"),
                            )
                            .label(format!("改为“{fixed}”"))
                            .fix(inner.clone(), fixed),
                        );
                    }
                    Some(t)
                } else {
                    let mut candidates: Vec<&Title> = self
                        .titles
                        .iter()
                        .filter(|t| near(&c, &t.core) || (cited_prc && !t.prc && t.core == c))
                        .collect();
                    if let (true, Some(y)) = (candidates.len() > 1, year) {
                        let current: Vec<&Title> = candidates
                            .iter()
                            .copied()
                            .filter(|t| t.in_force.as_ref().is_none_or(|f| f.years.contains(y)))
                            .collect();
                        if !current.is_empty() {
                            candidates = current;
                        }
                    }
                    match candidates.as_slice() {
                        [] => None,
                        [t] => {
                            let fixed = suggest(t);
                            out.push(
                                Diagnostic::new(
                                    inner.clone(),
                                    format!(
                                        "引用的文件名称“《{raw}》”与规范名称不一致，应为《{fixed}》"
                                    ),
                                )
                                .label(format!("改为“{fixed}”"))
                                .fix(inner.clone(), fixed),
                            );
                            Some(*t)
                        }
                        several => {
                            let names: Vec<String> = several
                                .iter()
                                .take(3)
                                .map(|t| format!("《{}》", suggest(t)))
                                .collect();
                            out.push(
                                Diagnostic::new(
                                    inner.clone(),
                                    format!(
                                        "引用的文件名称“《{raw}》”不完整，应为{}",
                                        names.join("或")
                                    ),
                                )
                                .label("按实际引用的文件补全"),
                            );
                            None
                        }
                    }
                };
                let Some(t) = canonical else { continue };
                let (Some(f), Some(y)) = (&t.in_force, year) else {
                    continue;
                };
                if f.years.contains(y) || f.years.to.is_none_or(|end| y < end) {
                    continue;
                }
                let clause =
                    &text[sentence::clause_start(text, line.start, title.start)..title.start];
                if !self.basis_words.iter().any(|w| clause.contains(w.as_str())) {
                    continue;
                }
                let after = &text[title.end..line.end];
                let after = after.strip_prefix('的').unwrap_or(after);
                // `《纲要》实施情况第三方评估结果`, `对标《纲要》全面总结…成效`, `根据《纲要》
                // 确定的目标任务，对…进行全面总结`: the plan is what was evaluated.
                let sentence_after = &after[..after.find(sentence::ENDS).unwrap_or(after.len())];
                if (self.evaluated_words.iter()).any(|w| sentence_after.contains(w.as_str())) {
                    continue;
                }
                let mut d = Diagnostic::new(
                    title.clone(),
                    format!(
                        "《{}》适用于{}，{y}年度报告不应再以其为依据",
                        t.text, f.years
                    ),
                )
                .label("已到期的文件");
                if let Some(next) = &f.successor {
                    d = d.help(format!("改以《{next}》为依据"));
                }
                out.push(d);
            }
        }
    }
}
