//! `section-missing`: a mandated section (role) has no top-level section.

use super::{Basic, Document, Rule};
use crate::config::{Config, Role};
use crate::diagnostic::Diagnostic;
use crate::outline::{LineKind, Section, is_blank, role_of, visible};
use crate::sentence;
use crate::words::WordMatcher;
use std::borrow::Cow;
use std::ops::Range;

pub type Settings = Basic;

pub const SUMMARY: &str =
    "缺少规定必须报告的章节（举措和成效、不足和原因、第一责任人职责、下一年度安排）";

pub const DOC: &str = "\
检查内容
  报告是否包含每一个必需的章节（role）。每缺一个，报告一次，并指出它应在的位置。
  章节按一级标题中的识别词判断（也认“2017年法治政府建设情况”“存在的问题和不足”
  “下一步工作打算”等旧式写法）；第一责任人职责一节按主题认定，不论位置，也可以是
  某个一级部分之下的下级标题（“（二）切实履行推进法治建设第一责任人职责”“2.落实
  第一责任人职责。”）。其他部分写成下级标题、标题基本就是该部分名称的（“三、下一步
  工作打算”之下的“（一）存在的不足”），也视同有这一部分。段首一句短句（以句号、
  冒号或全角空格结束：“主要举措和成效：……”）、或段中“一是……二是……”某一项的首句
  写明某一部分的（“全面落实法治建设第一责任人职责。……”），视同有这一部分，不报告；
  段首分句写明第一责任人履职的（前面可有“2024年，”“一年来，”“同时，”等），或段落
  首句（或段首短句“压实法治建设责任。”之后的一句）的某个分句以本单位负责人为主语
  写明其履行第一责任人职责的（“厅党组……，党组书记、厅长××同志切实履行……第一
  责任人职责”），视同有职责一节；段中后面的句子顺带提及的不算。最后三段（其后各自列项的“一是……”段不计，“特此报告。”不算）之一以
  “下一步”“新的一年”“今后”“明年”或次年年份开头、写了“将……”的，视同有下一年度
  安排；其中讲“存在……不足（问题、差距……）”并写了原因的，视同有不足和原因。
  全文没有标题的短报告，各部分各成一段：有一段篇幅像样、不是开头的“现将……报告
  如下”（第一段须写有“32份”“47件”这样的工作数字）、也不讲不足、职责或安排的，
  视同有主要举措和成效；任一段讲了不足及其原因的，
  视同有不足和原因。
  没有写明章节名、而按专题排列的一级标题（“一、依法全面履行政府职能”“二、强化组织
  领导……”），位于不足和安排两部分之前的，合起来就是“主要举措和成效”。
  2019年以前的年度报告（厅字〔2019〕28号之前）不要求不足和原因、第一责任人职责
  两节（required-from-year）。

依据
  《法治政府建设与责任落实督察工作规定》（厅字〔2019〕28号）规定，年度报告应包括：
  上一年度推进法治政府建设的主要举措和成效（measures）；存在的不足和原因
  （shortcomings）；党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的
  有关情况（duties）；下一年度推进法治政府建设的主要安排（plans）。
  部门报告写本部门主要负责人，同样需要 duties 一节。

示例
  一、2023年主要工作情况  二、存在问题  三、下一步工作
  → 缺少 duties：应在“三、下一步工作”之前增加一节，
    如“三、党政主要负责人履行推进法治建设第一责任人职责情况”。

设置
  各章节的识别词（words、word-sets）、是否必需（required、required-from-year）及顺序
  在 [sections] 中配置，专题标题的排除词为 [sections] not-thematic-words；
  在 nianbao.toml 中用 [sections.roles.<role>] extend-words = [...] 增加识别词。";

pub struct Check {
    /// Each required role, its name and the first report year that must have it.
    required: Vec<(Role, String, Option<i32>)>,
    /// Per role, every word that can name it (its words and the words of its sets): a
    /// sentence without one names no part, and is not looked at further.
    words: Vec<(Role, Option<WordMatcher>)>,
}

/// The longest lead sentence (in characters) read as a paragraph's heading.
const LEAD_CHARS: usize = 30;

/// The longest lead (in characters, its full stop included) set off as its paragraph's
/// heading (`深入学习贯彻党的二十大精神。`).
const SET_OFF_LEAD_CHARS: usize = 16;

/// How far (in bytes) an item's lead sentence is looked for: a lead of
/// [`LEAD_CHARS`] with a watermark in it.
const WATERMARKED_BYTES: usize = 3 * LEAD_CHARS + 300;

/// The longest opening clause (in characters) that may give the duties part.
const CLAUSE_CHARS: usize = 40;

/// The longest time or connective opening a paragraph before a comma (`2024年，`,
/// `一年来，`, `今年以来，`, `同时，`), in characters.
const OPENER_CHARS: usize = 6;

/// Verbs of fulfilling the duties (`履行`, `扛起`).
const FULFIL: &[&str] = &["履行", "扛起", "扛牢", "担起", "担负起", "肩负起", "落实"];
/// Words naming a unit's head, ending the subject of a sentence telling its duties.
const HEADS: &[&str] = &[
    "负责人",
    "负责同志",
    "主要领导",
    "书记",
    "省长",
    "市长",
    "县长",
    "区长",
    "旗长",
    "州长",
    "盟长",
    "镇长",
    "乡长",
    "部长",
    "厅长",
    "局长",
    "主任",
    "署长",
    "同志",
    "一把手",
];
/// Words before the heads that make them the object of what the unit did (`推动`,
/// `督促`), or others' heads (`各单位`, `下级`).
const DIRECTING: &[&str] = &[
    "推动",
    "督促",
    "压实",
    "要求",
    "指导",
    "推进",
    "考核",
    "检查",
    "监督",
    "纳入",
    "将",
    "把",
    "对",
    "明确",
    "组织",
    "各单位",
    "下级",
    "所属",
];
/// Words after the duties that make them a thing spoken of, not done (`…职责清单`,
/// `…职责情况纳入考核`).
const NOT_DONE: &[&str] = &["清单", "情况", "制度", "纳入", "列入", "作为"];
/// The longest adverb between the head and the verb (`认真`, `切实`, `以上率先`).
const ADVERB_CHARS: usize = 4;

impl Check {
    pub fn new(_: &Settings, config: &Config) -> Self {
        let roles = &config.sections.roles;
        let required = config
            .sections
            .order
            .iter()
            .filter_map(|&r| {
                roles
                    .get(r)
                    .filter(|c| c.required)
                    .map(|c| (r, c.name.clone(), c.required_from_year))
            })
            .collect();
        let words = Role::MANDATED
            .iter()
            .filter_map(|&role| {
                let c = roles.get(role)?;
                let sets = c.word_sets.iter().flatten();
                let all = c.all_words().chain(sets).filter(|w| !w.is_empty());
                Some((role, WordMatcher::new(all)))
            })
            .collect();
        Check { required, words }
    }

    /// Whether `sentence` (a lead sentence, a short item) names `role`.
    fn names(&self, doc: &Document, sentence: &str, role: Role) -> bool {
        let may = self
            .words
            .iter()
            .find(|(r, _)| *r == role)
            .and_then(|(_, m)| m.as_ref())
            .is_some_and(|m| m.is_match(sentence));
        may && role_of(sentence, &doc.config.sections) == role
    }

    /// Whether a paragraph opens with a short sentence naming `role`, as a heading run
    /// into its paragraph (`全面落实法治建设第一责任人职责。西兴街道党政主要负责人…`).
    fn lead_names(&self, doc: &Document, role: Role) -> bool {
        let text = doc.text();
        doc.outline
            .lines
            .iter()
            .filter(|l| l.kind == LineKind::Paragraph)
            .any(|l| {
                let line = text[l.span()].trim_start();
                // The full stop, colon or ideographic space is looked for only where a
                // lead sentence of Chinese text (three bytes a character) could end
                // (`主要举措和成效：…`, a bold lead set off by a space: `一年来主要工作及成效　…`).
                let head = &line[..line.floor_char_boundary(line.len().min(3 * LEAD_CHARS + 3))];
                let Some(at) = head.find(['。', '：', ':', '\u{3000}']) else {
                    return false;
                };
                let end = at + head[at..].chars().next().map_or(1, char::len_utf8);
                let (lead, rest) = (&line[..at], &line[end..]);
                !rest.trim().is_empty()
                    && lead.chars().count() <= LEAD_CHARS
                    && self.names(doc, lead, role)
            })
    }

    /// Whether the duties are given in a paragraph's opening clause, its subject and
    /// what it did (`街道党工委书记、办事处主任认真履行推进法治建设第一责任人职责，年初…`),
    /// also after a heading run into the paragraph: the part, given as one point of
    /// another.
    fn opening_clause_names_duties(&self, doc: &Document) -> bool {
        let text = doc.text();
        let mut heading_ends: Vec<(usize, usize)> = doc
            .outline
            .walk()
            .map(|s| (s.line, s.heading.end))
            .collect();
        heading_ends.sort_unstable();
        doc.outline.lines.iter().enumerate().any(|(i, l)| {
            let start = match l.kind {
                LineKind::Paragraph => l.span().start,
                LineKind::Heading => match heading_ends.binary_search_by_key(&i, |&(line, _)| line)
                {
                    Ok(at) => heading_ends[at].1,
                    Err(_) => return false,
                },
                _ => return false,
            };
            let span = start..l.span().end;
            // (After a lead set off as the paragraph's heading, `压实法治建设责任。`, the
            // next sentence opens its text.)
            let mut sentences = sentence::split(text, span.clone());
            let first = sentences.next();
            let lead = first
                .clone()
                .filter(|s| l.kind == LineKind::Paragraph && is_lead(&text[s.clone()]))
                .and_then(|_| sentences.next());
            self.opens_with_duties(doc, &text[span.clone()])
                || (first.into_iter().chain(lead))
                    .any(|s| self.tells_duties(doc, &without_watermarks(doc, s)))
        })
    }

    /// Whether `sentence` (a paragraph's first, or the first after a lead set off as its
    /// heading) tells that the unit's head fulfilled the duties, in any of its clauses: the head as the subject, a verb of fulfilling and
    /// the duties as its object, in one clause (`厅党组坚持…领导，党组书记、厅长某某同志
    /// 切实履行法治政府建设第一责任人职责`) or in a later clause of the head's sentence
    /// (`部长某某同志带领班子…，切实履行…第一责任人职责`). Not the heads of others, as
    /// the object of what the unit did (`推动…党政主要负责人履行…职责清单制度…`). (A
    /// later sentence is a detail of the paragraph's subject, not the part.)
    fn tells_duties(&self, doc: &Document, sentence: &str) -> bool {
        const DUTIES: &str = "第一责任人职责";
        let Some(at) = sentence.find(DUTIES) else {
            return false;
        };
        let end = at + DUTIES.len();
        let in_title = sentence[..at].matches('《').count() > sentence[..at].matches('》').count();
        if in_title || NOT_DONE.iter().any(|w| sentence[end..].starts_with(w)) {
            return false;
        }
        // The duties' clause, and where the sentence's first clause ends.
        let is_break = |c: char| matches!(c, '，' | ',' | '：' | ':');
        let from = sentence[..at]
            .char_indices()
            .rfind(|&(_, c)| is_break(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let first_end = sentence[..at].find(is_break).unwrap_or(at);
        let clause = &sentence[from..at];
        let Some(verb) = FULFIL.iter().filter_map(|v| clause.find(v)).min() else {
            return false;
        };
        let last_head = |t: &str| {
            HEADS
                .iter()
                .filter_map(|h| t.rfind(h).map(|k| k + h.len()))
                .max()
        };
        // The head named before the verb, an adverb at most between; else in the first
        // clause of the sentence, the duties' clause opening with the verb.
        let (subject, between) = match last_head(&clause[..verb]) {
            Some(h) => (&clause[..h], &clause[h..verb]),
            None if from > 0 => {
                let first = &sentence[..first_end];
                let Some(h) = last_head(first) else {
                    return false;
                };
                (&first[..h], &clause[..verb])
            }
            None => return false,
        };
        between.chars().count() <= ADVERB_CHARS
            && !DIRECTING.iter().any(|w| subject.contains(w))
            && self.names(doc, &sentence[from..end], Role::Duties)
    }

    /// Whether `paragraph`'s opening clause gives the duties, after a time or a
    /// connective set off by a comma (`2024年，镇党政主要负责人认真履行…`, `一年来，`,
    /// `同时，`).
    fn opens_with_duties(&self, doc: &Document, paragraph: &str) -> bool {
        let line = paragraph.trim_start_matches(is_blank);
        let head = &line[..line.floor_char_boundary(line.len().min(3 * CLAUSE_CHARS + 3))];
        let mut ends = head.match_indices(['，', '；', '。']).map(|(at, _)| at);
        let Some(first) = ends.next() else {
            return false;
        };
        let opener =
            line[..first].chars().count() <= OPENER_CHARS && line[first..].starts_with('，');
        self.names(doc, &line[..first], Role::Duties)
            || opener
                && ends
                    .next()
                    .is_some_and(|second| self.names(doc, &line[first..second], Role::Duties))
    }

    /// Whether a report without headings gives its year's work in a paragraph of its
    /// own: one of some length that is not the preamble or a cover letter's
    /// (`现将有关情况报告如下`, `现将《…》随文报送`) and does not give the shortcomings,
    /// the duties or the plans.
    fn headless_measures(&self, doc: &Document) -> bool {
        let text = doc.text();
        doc.outline.sections.is_empty()
            && (doc.outline.lines.iter())
                .filter(|l| l.kind == LineKind::Paragraph)
                .map(|l| text[l.span()].trim_matches(is_blank))
                .enumerate()
                // The first paragraph opens the report; it gives the work only with
                // figures of it (`全年审查合同32份`). A table's row is no paragraph.
                .filter(|(i, p)| {
                    (*i > 0 || counts_work(p)) && !p.contains(['|', '\t']) && !is_item(p)
                })
                .any(|(_, p)| {
                    p.chars().nth(WORK_CHARS).is_some()
                        && !["如下", "现将", "报送"].iter().any(|w| p.contains(w))
                        && !tells_shortcomings(p)
                        && !self.opens_with_duties(doc, p)
                        && !opens_plans(doc, p)
                })
    }

    /// Whether an item of a `一是…二是…` run opens with a short sentence naming `role`
    /// (`二是扛牢法治建设第一责任人职责。…`): the part, given as one point of another.
    fn item_names(&self, doc: &Document, role: Role) -> bool {
        let text = doc.text();
        doc.outline.enumerations.iter().flatten().any(|item| {
            // (Read without a copying site's watermark inside it.)
            let after = &text[item.span.end..];
            let head = &after.as_bytes()[..after.len().min(WATERMARKED_BYTES)];
            memchr::memmem::find(head, "。".as_bytes()).is_some_and(|at| {
                let lead = without_watermarks(doc, item.span.end..item.span.end + at);
                lead.len() <= 3 * LEAD_CHARS && self.names(doc, &lead, role)
            })
        })
    }
}

impl Rule for Check {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let sections = &doc.outline.sections;
        let order: Vec<Role> = self.required.iter().map(|(r, ..)| *r).collect();
        let rank = |role: Role| order.iter().position(|&r| r == role);
        let year = doc.outline.report_year;
        for (role, name, from) in &self.required {
            let before_mandate = matches!((from, year), (Some(f), Some(y)) if y < *f);
            let present = |s: &Section| s.role == *role || s.also.contains(role);
            // The duties part may be a lower-level part of another (the outline gives only
            // it a role below the top).
            let nested = doc.outline.walk().any(present);
            if before_mandate
                || sections.iter().any(present)
                || nested
                || *role != Role::Duties && sub_heading_names(doc, *role)
                || self.lead_names(doc, *role)
                || self.item_names(doc, *role)
                || *role == Role::Duties && self.opening_clause_names_duties(doc)
                || *role == Role::Plans && closing_plans(doc)
                || *role == Role::Shortcomings && closing_shortcomings(doc)
                || *role == Role::Measures && self.headless_measures(doc)
            {
                continue;
            }
            let later = sections
                .iter()
                .find(|s| rank(s.role).is_some_and(|k| Some(k) > rank(*role)));
            let (span, label) = match later {
                Some(next) => (next.heading.clone(), "应在此章节之前补上"),
                None => (end_of_content(doc), "应在此处补上"),
            };
            out.push(
                Diagnostic::new(span, format!("缺少必需的章节：{name}"))
                    .label(label)
                    .section(role.as_str())
                    .note("《法治政府建设与责任落实督察工作规定》要求年度报告包括这一部分")
                    .help(format!("增加一个一级标题写明“{name}”")),
            );
        }
    }
}

/// The text of `range` without the copying site's watermarks in it (`扛牢法治建设第一
/// 秘书之家—…www.….com责任人职责`).
fn without_watermarks<'t>(doc: &'t Document, range: Range<usize>) -> Cow<'t, str> {
    let text = doc.text();
    let marks: Vec<&Range<usize>> = (doc.outline.watermarks.iter())
        .filter(|w| w.start < range.end && w.end > range.start)
        .collect();
    if marks.is_empty() {
        return Cow::Borrowed(&text[range]);
    }
    let mut out = String::with_capacity(range.len());
    let mut at = range.start;
    for w in marks {
        out.push_str(&text[at..w.start.max(at)]);
        at = at.max(w.end.min(range.end));
    }
    out.push_str(&text[at..range.end]);
    Cow::Owned(out)
}

/// Whether a lower-level heading is mostly words naming `role` (`三、下一步工作打算` /
/// `（一）存在的不足` / `（二）工作打算`): the part is there, inside another. A heading where
/// such words are only a detail (`（三）补齐短板弱项，提升执法质效`) is not. (The outline
/// gives the duties part its role at any level already.)
fn sub_heading_names(doc: &Document, role: Role) -> bool {
    let text = doc.text();
    let cfg = &doc.config.sections;
    let Some(words) = cfg.roles.get(role) else {
        return false;
    };
    // No match is stronger than this, so no longer heading is mostly one.
    let count = |w: &String| w.chars().count();
    let sets = words
        .word_sets
        .iter()
        .map(|set| set.iter().map(count).sum());
    let longest = words.all_words().map(count).chain(sets).max().unwrap_or(0);
    doc.outline.walk().filter(|s| s.level > 1).any(|s| {
        let heading = text[s.marker.end..s.heading.end]
            .trim_matches(|c: char| is_blank(c) || "。：:，,；;".contains(c));
        let short = heading.chars().nth(2 * longest).is_none();
        short
            && (cfg.roles)
                .best_match(role, &visible(heading))
                .is_some_and(|(strength, _)| {
                    2 * strength >= heading.chars().count() && role_of(heading, cfg) == role
                })
    })
}

/// Whether the report closes with its plans in a paragraph of their own, no heading
/// over them (`下一步，我局将…`, `2024年，我局将…`): the part is there, unheaded.
fn closing_plans(doc: &Document) -> bool {
    let text = doc.text();
    closing(doc, 0..doc.outline.lines.len()).any(|i| {
        // (Also a sentence of a paragraph on the year's work and its shortcomings:
        // `…主要原因是…。2025年，我局将…`.)
        sentence::split(text, doc.outline.lines[i].span())
            .any(|s| opens_plans(doc, text[s].trim_start_matches(is_blank)))
    })
}

/// Whether `paragraph` counts work done: a figure with its unit (`32份`, `47件`, `6次`).
fn counts_work(paragraph: &str) -> bool {
    const UNITS: &str = "件份次项个场期人名家起";
    paragraph
        .char_indices()
        .any(|(i, c)| c.is_ascii_digit() && paragraph[i + 1..].starts_with(|u| UNITS.contains(u)))
}

/// Whether `sentence` opens on the next period and tells what will be done
/// (`下一步，我局将…`, `2025年，我局将…`).
fn opens_plans(doc: &Document, sentence: &str) -> bool {
    let opens = ["下一步", "新的一年", "今后", "明年"]
        .iter()
        .any(|w| sentence.starts_with(w))
        || (doc.outline.report_year).is_some_and(|y| sentence.starts_with(&format!("{}年", y + 1)));
    opens && sentence.contains('将')
}

/// The last paragraphs of lines `range`, latest first: [`CLOSING_PARAGRAPHS`] of them,
/// each with the items after it (`下一步，我镇将重点做好以下工作：` then `一是…`, `二是…`
/// in paragraphs of their own), a closing formula (`特此报告。`) passed over.
fn closing<'d>(
    doc: &'d Document,
    range: std::ops::Range<usize>,
) -> impl Iterator<Item = usize> + 'd {
    let (text, lines) = (doc.text(), &doc.outline.lines);
    let mut counted = 0;
    range
        .rev()
        .filter(|&i| lines[i].kind == LineKind::Paragraph)
        .filter(move |&i| !is_closing_formula(text[lines[i].span()].trim_matches(is_blank)))
        .take_while(move |&i| {
            let more = counted < CLOSING_PARAGRAPHS;
            if !is_item(text[lines[i].span()].trim_start_matches(is_blank)) {
                counted += 1;
            }
            more
        })
}

/// Whether a paragraph is an item of a list opened in the paragraph before (`一是…`,
/// `第二，…`, or a lead set off as its heading: `加快推进渔业立法。推进…`).
fn is_item(paragraph: &str) -> bool {
    let rest = paragraph.strip_prefix('第').unwrap_or(paragraph);
    let after = rest.trim_start_matches(|c: char| "一二三四五六七八九十".contains(c));
    let numbered = after.len() < rest.len() && after.starts_with(['是', '，', '、']);
    numbered
        || paragraph.find('。').is_some_and(|end| {
            end + '。'.len_utf8() < paragraph.len() && is_lead(&paragraph[..end + '。'.len_utf8()])
        })
}

/// Whether `sentence` is a lead set off as its paragraph's heading: short, one clause,
/// no figures (`压实法治建设责任。`, `加快推进渔业立法。`).
fn is_lead(sentence: &str) -> bool {
    let s = sentence.trim_matches(is_blank);
    s.ends_with('。')
        && s.chars().count() <= SET_OFF_LEAD_CHARS
        && !s.contains(|c: char| "，,：:；;".contains(c) || c.is_ascii_digit())
}

/// Whether a paragraph is the formula closing a report (`特此报告。`, `专此报告。`).
fn is_closing_formula(paragraph: &str) -> bool {
    paragraph.chars().count() <= 12 && (paragraph.contains("特此") || paragraph.contains("专此"))
}

/// Whether the shortcomings are given without a heading, in one of the last paragraphs
/// of the part before the plans or of the last part (`同时，我们也清醒认识到，…还存在
/// 一些不足：一是…，主要原因是…`): a paragraph that says shortcomings remain and gives
/// their causes.
fn closing_shortcomings(doc: &Document) -> bool {
    let (text, o) = (doc.text(), doc.outline);
    let sections = &o.sections;
    let last_before_plans = |i: usize| {
        sections
            .get(i + 1)
            .is_none_or(|next| next.role == Role::Plans)
    };
    // A report without headings gives each part in paragraphs of its own.
    if sections.is_empty() {
        return (o.lines.iter())
            .any(|l| l.kind == LineKind::Paragraph && tells_shortcomings(&text[l.span()]));
    }
    sections
        .iter()
        .enumerate()
        .filter(|&(i, _)| last_before_plans(i))
        .any(|(_, s)| {
            closing(doc, s.line..s.end_line).any(|i| tells_shortcomings(&text[o.lines[i].span()]))
        })
}

/// Whether `paragraph` says shortcomings remain (存在, 还有, 仍有 or 尚有 with 不足, 问题,
/// 短板, 差距 or 薄弱 a few characters on) and gives their causes (原因).
fn tells_shortcomings(paragraph: &str) -> bool {
    const WHAT: [&str; 5] = ["不足", "问题", "短板", "差距", "薄弱"];
    paragraph.contains("原因")
        && ["存在", "还有", "仍有", "尚有"]
            .iter()
            .flat_map(|w| paragraph.match_indices(w))
            .any(|(at, w)| {
                let after = &paragraph[at + w.len()..];
                let near = &after[..after.floor_char_boundary(3 * 8)];
                WHAT.iter().any(|x| near.contains(x))
            })
}

/// How many of the last paragraphs (their items aside) may hold a part given without a
/// heading.
const CLOSING_PARAGRAPHS: usize = 3;

/// The shortest paragraph (in characters) that may give a year's work.
const WORK_CHARS: usize = 40;

/// After the last section, or at the title, or at the start of an empty document.
fn end_of_content(doc: &Document) -> std::ops::Range<usize> {
    let o = doc.outline;
    match o.sections.last() {
        Some(last) => {
            let end = o.lines[last.end_line - 1].span().end;
            end..end
        }
        None => o.title_span().unwrap_or(0..0),
    }
}
