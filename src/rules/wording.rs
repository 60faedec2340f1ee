//! `wording`: a word from the wording table — a wrong form of a formulation, a misused
//! character, a repealed or misnamed law, a body renamed in a reform — with its
//! replacement, each entry with its own category, severity, report years and guards.

use super::report_dates::{inside, inside_titles, tokens_from, within};
use super::{Document, Rule};
use crate::config::{Config, Level, Years};
use crate::diagnostic::{Diagnostic, Severity};
use crate::inline::{Pair, Token, TokenKind, is_han};
use crate::outline::{LineKind, PLACE_ENDS};
use crate::sentence;
use crate::words::WordMatcher;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::ops::Range;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Settings {
    /// The severity of entries that set none of their own.
    pub severity: Level,
    /// Word → its entry. An empty replacement (`""` or `[]`) removes a built-in entry.
    pub substitutions: BTreeMap<String, Entry>,
    /// A word right after one of these is a deliberate historical name (`原工商局`).
    pub skip_after: Vec<String>,
}

/// One entry of the table: `"word" = "replacement"`, `"word" = ["a", "b"]`, or a table
/// with the replacement under `to` and any of the other fields.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Entry {
    /// The replacements; empty for an entry that flags the word without one.
    pub to: Vec<String>,
    /// Whether the word was given with an empty replacement (`""`, `[]`): removed.
    pub removed: bool,
    pub category: Option<String>,
    pub severity: Option<Level>,
    /// Report years the entry applies to; with none known, a year-bound entry is silent.
    pub years: Option<Years>,
    /// Text that must not follow the word (`环境保护部` before `门`).
    pub not_before: Vec<String>,
    /// Text that must not precede the word.
    pub not_after: Vec<String>,
    /// When not empty, the word counts only when one of these follows it.
    pub only_before: Vec<String>,
    /// The word counts only when a date follows it (`截止2023年底`).
    pub before_date: bool,
    /// Inside `《…》` the word is part of a cited title and is left alone.
    pub skip_in_titles: bool,
    /// Whether the one replacement may be applied by `--fix` (default true).
    pub fix: bool,
    /// Why: shown as a note under the finding.
    pub note: Option<String>,
}

/// The table form of an entry, as written in TOML.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct EntryTable {
    #[serde(default)]
    to: Option<Replacement>,
    #[serde(default)]
    category: Option<String>,
    #[serde(default)]
    severity: Option<Level>,
    #[serde(default)]
    years: Option<Years>,
    #[serde(default)]
    not_before: Vec<String>,
    #[serde(default)]
    not_after: Vec<String>,
    #[serde(default)]
    only_before: Vec<String>,
    #[serde(default)]
    before_date: bool,
    #[serde(default)]
    skip_in_titles: bool,
    #[serde(default)]
    fix: Option<bool>,
    #[serde(default)]
    note: Option<String>,
}

/// One replacement or several.
enum Replacement {
    One(String),
    Many(Vec<String>),
}

/// What `to` may be, said when it is something else.
const REPLACEMENT_FORMS: &str = "to 应为替换词 \"…\" 或替换词的数组 [\"…\", …]";

/// Answers every scalar a visitor does not take with `$message` (serde's own would be
/// English, with the message spliced in).
macro_rules! reject_scalars {
    ($message:expr) => {
        fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<Self::Value, E> {
            Err(E::custom($message))
        }

        fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<Self::Value, E> {
            Err(E::custom($message))
        }

        fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<Self::Value, E> {
            Err(E::custom($message))
        }

        fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Err(E::custom($message))
        }
    };
}

/// A list of replacements, its elements all strings.
fn replacements<'de, A: serde::de::SeqAccess<'de>>(
    seq: A,
    message: &'static str,
) -> Result<Vec<String>, A::Error> {
    use serde::de::Error;
    Vec::<String>::deserialize(serde::de::value::SeqAccessDeserializer::new(seq))
        .map_err(|_| A::Error::custom(message))
}

impl<'de> Deserialize<'de> for Replacement {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Forms;
        impl<'de> serde::de::Visitor<'de> for Forms {
            type Value = Replacement;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str(REPLACEMENT_FORMS)
            }

            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Replacement, E> {
                Ok(Replacement::One(v.to_string()))
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                seq: A,
            ) -> Result<Replacement, A::Error> {
                replacements(seq, REPLACEMENT_FORMS).map(Replacement::Many)
            }

            // A TOML date comes as a map.
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                _: A,
            ) -> Result<Replacement, A::Error> {
                Err(serde::de::Error::custom(REPLACEMENT_FORMS))
            }

            reject_scalars!(REPLACEMENT_FORMS);
        }
        d.deserialize_any(Forms)
    }
}

impl Replacement {
    /// The non-empty replacements, and whether none was given at all (`""`, `[]`).
    fn options(self) -> (Vec<String>, bool) {
        let all = match self {
            Replacement::One(r) => vec![r],
            Replacement::Many(rs) => rs,
        };
        let options: Vec<String> = all.into_iter().filter(|r| !r.is_empty()).collect();
        let removed = options.is_empty();
        (options, removed)
    }
}

/// What an entry may be, said when it is something else.
const ENTRY_FORMS: &str =
    "替换表条目应为 \"替换词\"、[\"替换词\", …] 或 { to = …, category = …, … }";

impl<'de> Deserialize<'de> for Entry {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(EntryVisitor)
    }
}

impl Entry {
    /// An entry given as its replacement alone.
    fn replacing(replacement: Replacement) -> Self {
        let (to, removed) = replacement.options();
        Entry {
            to,
            removed,
            fix: true,
            ..Entry::default()
        }
    }
}

/// Reads an entry in whichever form it is written, straight from the input (the
/// built-in table has hundreds of entries, read at every start).
struct EntryVisitor;

impl<'de> serde::de::Visitor<'de> for EntryVisitor {
    type Value = Entry;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(ENTRY_FORMS)
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Entry, E> {
        Ok(Entry::replacing(Replacement::One(v.to_string())))
    }

    reject_scalars!(ENTRY_FORMS);

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, seq: A) -> Result<Entry, A::Error> {
        let all = replacements(seq, ENTRY_FORMS)?;
        Ok(Entry::replacing(Replacement::Many(all)))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Entry, A::Error> {
        use serde::de::Error;
        let t = EntryTable::deserialize(serde::de::value::MapAccessDeserializer::new(map))
            .map_err(|e| {
                // A TOML date comes as a map with a private key.
                if e.to_string().contains("$__toml_private") {
                    A::Error::custom(ENTRY_FORMS)
                } else {
                    e
                }
            })?;
        let (to, removed) = t.to.map_or((Vec::new(), false), Replacement::options);
        Ok(Entry {
            to,
            removed,
            category: t.category,
            severity: t.severity,
            years: t.years,
            not_before: t.not_before,
            not_after: t.not_after,
            only_before: t.only_before,
            before_date: t.before_date,
            skip_in_titles: t.skip_in_titles,
            fix: t.fix.unwrap_or(true),
            note: t.note,
        })
    }
}

pub const SUMMARY: &str =
    "不规范表述、错别字、已废止或更名的法律法规和机构名称（替换表可在配置中扩充）";

pub const DOC: &str = "\
检查内容
  正文中出现替换表（substitutions）所列的词：严重表述错误（“中华人民共合国”）、
  规范表述（“以习近平总书记为核心的党中央”→“以习近平同志为核心的党中央”）、
  已废止或更名的法律法规（“《合同法》”→“《民法典》”）、已更名的机构
  （“环境保护局”→“生态环境局”）、易错字词（“布署”→“部署”，“截止目前”→“截至目前”）。
  每个条目可带：类别（category，写在提示中）、级别（severity，缺省用本规则的级别）、
  适用的报告年度（years，如 \">=2019\"、\"2021-2025\"；报告年度不明时不检查这类条目）、
  以及防误报的条件：not-before（其后不能紧跟的文字，如“环境保护部”后的“门”）、
  not-after（其前不能紧跟的文字）、only-before（其后须紧跟的文字之一）、
  before-date（其后须紧跟日期，如“截止2023年底”；“截止日期”“12月31日截止”不报告）、
  skip-in-titles（在《》内是所引文件的标题，不报告）。
  只有一个替换词时给出修正（fix = false 时不自动修正；在书名号内的，除法律法规名称和
  严重表述错误外，照所引文件核实，不自动修正）；有几种可能时列出供选择。
  紧跟在“原”等词（skip-after）之后的旧名称（含“原县工商局”这样隔一个省、市、县、
  区、镇、乡字的，隔地名或“人民政府”的，如“原岚山区环保局”“原区人民政府法制办公室”，
  以及括号中的“（原岚山银保监分局）”；“太原市”“五原县”等地名中的“原”不算）是有意的
  历史说法，不报告；一个“原”管到其后以顿号（或“和”“及”“与”）连接的各项：“整合原
  工商局、质监局、食药监局执法职能”都不报告。其后紧跟“（现…）”注明现名的旧名称
  （“县卫计局（现县卫健局）”）也不报告。所在分句讲到废止、更名、划入、组建等变化的
  旧名称，作为划转、移交来源的旧名称（“由区政府法制办划转的职能”），以及前面讲清理、
  修改、修订或“引用的”已废止法律（“清理涉及《合同法》的规范性文件”）也不报告；
  以已废止法律为依据的（“依据《合同法》修改合同范本”）仍报告。所在句子讲机构沿革的
  （合并、组建、更名、改称、改革前后、“前身为”“时任”，或讲“十三五”、上一纲要的
  目标“基本建成”），或写明更名之前年份的
  （“该企业曾于2017年被县环保局处罚”“2018年以前，县工商局……”；“2018年以来”不算）
  旧机构名称，也不报告。

依据
  《党政机关公文处理工作条例》和 GB/T 9704-2012《党政机关公文格式》要求公文用语
  准确、规范；政府网站内容检查将国家名称、领导人和重要表述的错误列为严重表述错误。
  《民法典》自2021年1月1日起施行，《合同法》《物权法》等同时废止；2018年《深化党和
  国家机构改革方案》不再保留国土资源部、环境保护部、农业部、国家工商行政管理总局、
  国务院法制办公室等，地方相应机构随之更名或合并；2023年组建国家金融监督管理总局，
  不再保留中国银行保险监督管理委员会。

示例
  查处“作弊称”相关案件39起
  → 易错字词：“作弊称”应为“作弊秤”（修正：改为“作弊秤”）
  2023年度报告中的“县环保局” → 已更名的机构：“环保局”应为“生态环境局”

设置
  [rules.wording.substitutions] 中每行一个条目：\"原词\" = \"替换词\"，
  \"原词\" = [\"替换词1\", \"替换词2\"]，或
  \"原词\" = { to = \"替换词\", category = \"已更名的机构\", severity = \"info\",
            years = \">=2019\", not-before = [\"门\"], note = \"…\" }。
  在 nianbao.toml 中写同名表即可增加或修改条目（逐项合并，如只写
  \"法制思维\" = { severity = \"off\" }），写 \"原词\" = \"\" 去掉内置条目。
  skip-after = [\"原\"]";

/// A compiled entry.
struct Word {
    word: String,
    entry: Entry,
    severity: Option<Severity>,
}

pub struct Check {
    /// The listed words, in the order of the matcher's patterns.
    words: Vec<Word>,
    matcher: Option<WordMatcher>,
    skip_after: Vec<String>,
}

impl Check {
    pub fn new(settings: &Settings, _: &Config) -> Self {
        let words: Vec<Word> = settings
            .substitutions
            .iter()
            .filter(|(word, e)| !word.is_empty() && !e.removed && e.severity != Some(Level::Off))
            .map(|(word, e)| Word {
                word: word.clone(),
                severity: e.severity.and_then(Level::severity),
                entry: e.clone(),
            })
            .collect();
        Check {
            matcher: WordMatcher::new(words.iter().map(|w| &w.word)),
            words,
            skip_after: settings
                .skip_after
                .iter()
                .filter(|w| !w.is_empty())
                .cloned()
                .collect(),
        }
    }
}

impl Check {
    /// Whether the text `before` a word makes it a deliberate historical name: it ends
    /// with a skip-after word, directly or before one level (`原工商局`, `原县工商局`).
    fn historical(&self, before: &str) -> bool {
        // (The old name may be quoted: `原“法制副校长”`.)
        let before = before.trim_end_matches(['“', '‘', '"']);
        let level = before.strip_suffix(['省', '市', '县', '区', '镇', '乡']);
        // (The level may come between: `原市国税局、市地税局`.)
        let marked = [Some(before), level]
            .into_iter()
            .flatten()
            .any(|b| self.skip_after.iter().any(|s| marks(b, s)) || self.historical_list(b));
        // Titles side by side, no mark between (GB/T 15834): one 原 covers them all
        // (`原《合同法》《物权法》`).
        let title_before = || {
            before.ends_with('》')
                && (before.rfind('《')).is_some_and(|at| self.historical(&before[..at]))
        };
        marked || title_before() || self.place_between(before)
    }

    /// Whether a skip-after word stands before the word with a place's or a
    /// government's name between (`原岚山区环保局`, `原区人民政府法制办公室`), or
    /// opens a parenthesis naming the old body (`（原岚山银保监分局）`).
    fn place_between(&self, before: &str) -> bool {
        // The Han characters the old name may open with.
        let run = before
            .char_indices()
            .rev()
            .take_while(|&(_, c)| is_han(c))
            .take(PLACE_REACH + 2)
            .last()
            .map_or(before.len(), |(i, _)| i);
        // (Every 原 in the run is tried: `原太原市工商局` has two.)
        self.skip_after.iter().any(|s| {
            before[run..].match_indices(s.as_str()).any(|(i, _)| {
                let at = run + i;
                let place = &before[at + s.len()..];
                let len = place.chars().count();
                let opens = before[..at].ends_with(['（', '(']);
                (1..=PLACE_REACH).contains(&len)
                    && marks(&before[..at + s.len()], s)
                    && !NAMES_FROM_YUAN.iter().any(|n| place.starts_with(n))
                    && !NOT_HISTORICAL.iter().any(|w| before[at..].starts_with(w))
                    && (opens
                        || place.ends_with(PLACE_ENDS)
                        || place.ends_with("政府")
                        || place.ends_with("人民"))
            })
        })
    }

    /// Whether the word is a later item of a list opened by a skip-after word: one `原`
    /// covers `原工商局、质监局、食药监局` (and `…和食药监局`). Each item between is short
    /// and holds no punctuation; the item opening the list starts at the clause start
    /// or after a verb (`整合原工商局`): from its skip-after word on it is short.
    fn historical_list(&self, before: &str) -> bool {
        let Some(mut rest) = before.strip_suffix(LIST_JOINS) else {
            return false;
        };
        for _ in 0..12 {
            // The item: back to the join or punctuation before it.
            let item_start = rest
                .char_indices()
                .rev()
                .find(|&(_, c)| LIST_JOINS.contains(&c) || (!is_han(c) && !c.is_ascii_alphabetic()))
                .map_or(0, |(i, c)| i + c.len_utf8());
            let item = &rest[item_start..];
            if item.is_empty() {
                return false;
            }
            // The list opens here when a skip-after word starts the item's end (after a
            // level or a verb before it: `整合原工商局`, `原县环保局`).
            if let Some(at) = self.skip_after.iter().find_map(|s| item.rfind(s.as_str()))
                && !NOT_HISTORICAL.iter().any(|w| item[at..].starts_with(w))
                && item[at..].chars().count() <= MAX_ITEM
            {
                return true;
            }
            if item.chars().count() > MAX_ITEM {
                return false;
            }
            // Punctuation or the line start before the item ends the list.
            let Some(joined) = rest[..item_start].strip_suffix(LIST_JOINS) else {
                return false;
            };
            rest = joined;
        }
        false
    }
}

/// The longest item of a list of bodies, in characters.
const MAX_ITEM: usize = 16;

/// The longest place or government name between 原 and an old body's name, in characters
/// (`原岚山区人民政府法制办公室`).
const PLACE_REACH: usize = 8;

/// Place names that begin with 原 (`原平市环保局` is the city's office, not a former one).
const NAMES_FROM_YUAN: [&str; 3] = ["平市", "阳县", "州区"];

/// Characters that make a place's name with the 原 after them (太原, 五原, 九原, 平原,
/// 固原, 草原): that 原 is no skip-after word.
const BEFORE_YUAN_IN_NAMES: [char; 6] = ['太', '五', '九', '平', '固', '草'];

/// Whether `before` ends with the skip-after word `s`, as a word of its own: not the 原
/// of a place's name (`太原市环保局`, `五原县工商局`).
fn marks(before: &str, s: &str) -> bool {
    before
        .strip_suffix(s)
        .is_some_and(|b| !(s == "原" && b.ends_with(BEFORE_YUAN_IN_NAMES)))
}

/// What may follow an old name to give the current one (`县卫计局（现县卫健局）`):
/// the old name is then deliberate.
const ANNOTATED: &[&str] = &["（现", "(现", "（今", "(今", "（已更名", "(已更名"];

/// What joins the items of a list of bodies: `原工商局、质监局和食药监局`.
const LIST_JOINS: &[char] = &['、', '和', '及', '与'];

/// Words in a clause that tell of a law repealed or a body dissolved or merged in a
/// reform: the old name is then deliberate (`清理引用已废止的《合同法》的文件`, `原《合同
/// 法》同时废止`, `不再保留县安全生产监督管理局`, `县政府法制办公室的职责整合划入县
/// 司法局`). (The words telling of it anywhere in the sentence are [`HISTORY_WORDS`].)
const CHANGE_WORDS: &[&str] = &[
    "废止",
    "失效",
    "撤销",
    "修订前",
    "不再保留",
    "划入",
    "整合",
    "转隶",
    "撤并",
    "并入",
];

/// Words anywhere in the sentence that tell its story as history: the reform that made
/// the old name (`2019年3月，县国土资源局与县规划局合并，组建…`), what the unit was
/// (`我局的前身为县国土资源局`), who held office then (`时任县国土资源局分管负责人`).
const HISTORY_WORDS: &[&str] = &[
    "合并",
    "组建",
    "更名",
    "改称",
    "改革前",
    "改革后",
    "前身",
    "时任",
    "此前",
    // The period of the former plan, its goal reached (`如期基本建成职能科学…守法诚信的
    // 法治政府`, a 2021 report summing up the 十三五).
    "十三五",
    "基本建成",
    // The former 普法 plan, named as it was (`“六五”法制宣传教育…通过验收`).
    "六五",
];

/// The months of a year in which the reforms that renamed bodies took effect (the State
/// Council's in March 2018, local ones from January to March 2019).
const REFORM_MONTHS: u32 = 3;

/// Words after an old body's name that, with 由 or 从 just before it, tell of what it
/// handed over (`由区政府法制办划转的职能`).
const TRANSFER_WORDS: [&str; 4] = ["划转", "划入", "移交", "转隶"];

/// How many characters before the old name 由 or 从 may stand (`由区政府法制办`).
const SOURCE_REACH: usize = 4;

/// Words in a clause before a repealed law that make it the object of the work:
/// documents citing it cleaned up or revised (`清理涉及《合同法》的规范性文件`,
/// `修改依据《合同法》制定的格式合同文本`).
const LAW_WORK_WORDS: [&str; 3] = ["清理", "修改", "修订"];

/// The category of the entries naming a repealed or renamed law.
const REPEALED_LAW: &str = "已废止或更名的法律法规";

/// Whether the clause around a word (`before` and `after` it on its line) tells of the
/// change that made the word old, or (for a repealed `law`) makes it the object of the
/// work.
fn tells_of_the_change(before: &str, after: &str, law: bool) -> bool {
    let (clause_before, after_in_clause) = enclosing(before, after, sentence::CLAUSE_ENDS);
    // (A sentence telling of the reform tells of it clause by clause: `2018年机构改革
    // 前，县国土局作出的…`, `…与县规划局合并，组建县自然资源和规划局`.)
    let (sentence_before, sentence_after) = enclosing(before, after, sentence::ENDS);
    let after = after_in_clause;
    let in_clause = |w: &&str| clause_before.contains(w) || after.contains(w);
    // The old body as the source of a transfer (`承接由区政府法制办划转的职能`), not the
    // actor of one (`县环境保护局负责划转人员的培训`).
    let near = &clause_before
        [clause_before.floor_char_boundary(clause_before.len().saturating_sub(3 * SOURCE_REACH))..];
    let source = (near.contains('由') || near.contains('从'))
        && TRANSFER_WORDS.iter().any(|w| after.contains(w));
    // A repealed law as the object of the work: `清理涉及《合同法》的文件`, `修改依据《合同
    // 法》制定的文本`, `引用的《合同法》条款`; not the basis of it (`依据《合同法》修改…`).
    let law_work = law
        && (LAW_WORK_WORDS.iter().any(|w| clause_before.contains(w))
            || clause_before.ends_with("引用的")
            || clause_before.ends_with("引用"));
    let in_sentence = |w: &&str| sentence_before.contains(w) || sentence_after.contains(w);
    CHANGE_WORDS.iter().any(in_clause)
        || source
        || law_work
        || HISTORY_WORDS.iter().any(in_sentence)
}

/// Whether the old body's sentence (`before` and `after` it on its line) is dated before
/// `years` began: a year earlier than the new name's first (`该企业曾于2017年被县环保局
/// 处罚`, `2018年以前，县工商局…`, `县国土局2016年作出的决定`) or its first months
/// (`2019年2月，县工商局…`), not a year from which things run on to now (`2018年以来`).
fn dated_before(before: &str, after: &str, years: Option<Years>) -> bool {
    let Some(from) = years.and_then(|ys| ys.from) else {
        return false;
    };
    let early = |t: &str| {
        t.match_indices('年').any(|(at, _)| {
            let digits = &t.as_bytes()[..at];
            let run = digits
                .iter()
                .rev()
                .take_while(|b| b.is_ascii_digit())
                .count();
            // (The new name's first year, in its first months: the reform came then,
            // `2019年2月，县工商局…`.)
            let after = &t[at + '年'.len_utf8()..];
            let month = after.bytes().take_while(u8::is_ascii_digit).count();
            let early_month = (1..=2).contains(&month)
                && after[month..].starts_with('月')
                && after[..month]
                    .parse::<u32>()
                    .is_ok_and(|m| m <= REFORM_MONTHS);
            // (Four ASCII digits, so a char boundary before them.)
            run == 4
                && t[at - 4..at]
                    .parse::<i32>()
                    .is_ok_and(|y| y < from || y == from && early_month)
                && !["以来", "至今", "起"].iter().any(|w| after.starts_with(w))
        })
    };
    let (before, after) = enclosing(before, after, sentence::ENDS);
    early(before) || early(after)
}

/// The parts of `before` and `after` (the text on each side of a word) within the
/// clause or sentence around it: after the last of `ends` in `before`, up to the first
/// in `after`.
fn enclosing<'t>(before: &'t str, after: &'t str, ends: &[char]) -> (&'t str, &'t str) {
    let start = before
        .char_indices()
        .rev()
        .find(|(_, c)| ends.contains(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = after.find(ends).unwrap_or(after.len());
    (&before[start..], &after[..end])
}

/// Words starting with 原 that do not mean “former” (原则, 原因, 原告…).
const NOT_HISTORICAL: &[&str] = &[
    "原则",
    "原因",
    "原来",
    "原本",
    "原先",
    "原始",
    "原告",
    "原有",
    "原理",
    "原文",
    "原件",
    "原貌",
    "原创",
    "原样",
    "原状",
    "原地",
    "原籍",
    "原材料",
    "原料",
];

impl Rule for Check {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let Some(matcher) = &self.matcher else { return };
        let text = doc.text();
        let year = doc.outline.report_year;
        for (line, tokens) in doc.tokens() {
            let tokens = &*tokens;
            if doc.line_kind(line.start) == Some(LineKind::Meta) {
                continue;
            }
            let mut titles: Option<Vec<Range<usize>>> = None;
            for m in matcher.find_iter(&text[line.clone()]) {
                let span = line.start + m.start()..line.start + m.end();
                let w = &self.words[m.pattern().as_usize()];
                let e = &w.entry;
                let (before, after) = (&text[line.start..span.start], &text[span.end..line.end]);
                let skipped = self.historical(before)
                    || ANNOTATED.iter().any(|a| after.starts_with(a))
                    || tells_of_the_change(before, after, e.category.as_deref() == Some(REPEALED_LAW))
                    || (e.category.as_deref() == Some(RENAMED_ORGAN) && dated_before(before, after, e.years))
                    || e.years
                        .is_some_and(|ys| !year.is_some_and(|y| ys.contains(y)))
                    || e.not_after.iter().any(|s| before.ends_with(s.as_str()))
                    || e.not_before.iter().any(|s| after.starts_with(s.as_str()))
                    || (!e.only_before.is_empty()
                        && !e.only_before.iter().any(|s| after.starts_with(s.as_str())))
                    || (e.before_date && !date_at(tokens, span.end))
                    // An organ's old name in a rule's number (`环境保护部令第28号`) or in
                    // a cited document's title is that document's own: still in force,
                    // cited as issued.
                    || (e.category.as_deref() == Some(RENAMED_ORGAN) && after.starts_with('令'))
                    || ((e.skip_in_titles || e.category.as_deref() == Some(RENAMED_ORGAN))
                        && within(titles.get_or_insert_with(|| inside_titles(tokens)), &span));
                if !skipped {
                    // (A cited title is quoted as issued: its words are checked against
                    // the document, not rewritten; a law's name is the law's.)
                    let fixable = e.fix
                        && (e
                            .category
                            .as_deref()
                            .is_some_and(|c| FIXED_IN_TITLES.contains(&c))
                            || !within(titles.get_or_insert_with(|| inside_titles(tokens)), &span));
                    out.push(finding(span, w, fixable, year, tokens));
                }
            }
        }
    }
}

/// The category of the entries naming an organ by its name before a reform.
const RENAMED_ORGAN: &str = "已更名的机构";

/// Whether a date (`2023年12月31日`, `2023年`, `11月底`) starts at byte `pos`.
fn date_at(tokens: &[crate::inline::Token], pos: usize) -> bool {
    tokens_from(tokens, pos).first().is_some_and(|t| {
        t.start() == pos && matches!(t.kind, TokenKind::Date(_) | TokenKind::MonthRange { .. })
    })
}

/// Where a replacement that brings its own quotation marks (`“十四五”规划`) goes, given
/// the quotation marks around the words in the text (`tokens`, the line's): over the
/// marks enclosing just the words (`“十四五规划”` → `“十四五”规划`); nowhere inside a
/// longer quotation, where its marks would need to become single ones (`None`).
fn quoted_target(span: &Range<usize>, one: &str, tokens: &[Token]) -> Option<Range<usize>> {
    if !one.contains('“') {
        return Some(span.clone());
    }
    let quotes = inside(tokens, Pair::DoubleQuote);
    match quotes
        .iter()
        .find(|q| q.start < span.start && span.end < q.end)
    {
        None => Some(span.clone()),
        Some(q) if q.end - q.start - (span.end - span.start) == "“”".len() => Some(q.clone()),
        Some(_) => None,
    }
}

/// The finding for entry `w` at `span`: a fix when there is one replacement (and the entry
/// allows it), a choice when there are several.
/// The categories whose words are fixed inside a cited title too: a law's name, the
/// state's.
const FIXED_IN_TITLES: &[&str] = &[REPEALED_LAW, "法律法规名称有误", "严重表述错误"];

/// The finding for word `w` at `span`, with its one replacement as a fix if `fixable`.
fn finding(
    span: Range<usize>,
    w: &Word,
    fixable: bool,
    year: Option<i32>,
    tokens: &[Token],
) -> Diagnostic {
    let e = &w.entry;
    let word = &w.word;
    let prefix = e
        .category
        .as_ref()
        .map_or(String::new(), |c| format!("{c}："));
    let mut d = match e.to.as_slice() {
        [] => Diagnostic::new(span.clone(), format!("{prefix}“{word}”不规范")).label("核实后修改"),
        [one] => {
            let d = Diagnostic::new(span.clone(), format!("{prefix}“{word}”应为“{one}”"));
            match quoted_target(&span, one, tokens) {
                Some(target) if fixable => d.label(format!("改为“{one}”")).fix(target, one.clone()),
                _ => d.label(format!("核实后改为“{one}”")),
            }
        }
        options => {
            let quoted: Vec<String> = options.iter().map(|o| format!("“{o}”")).collect();
            Diagnostic::new(span, format!("{prefix}“{word}”应改为{}", quoted.join("或")))
                .label("按实际情况选用")
        }
    };
    if let Some(note) = &e.note {
        d = d.note(note.clone());
    }
    if let (Some(ys), Some(y)) = (e.years, year) {
        d = d.note(format!("本条适用于{ys}的报告（本报告为{y}年度）"));
    }
    d.entry_severity(w.severity)
}
