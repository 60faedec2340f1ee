//! Builds the [`Outline`] from the grammar's line kinds and the configured word lists.

use super::flatten;
use super::lines::{self, Heading, KeyValue, NumberStyle, RawKind, RawKinds};
use super::{Enumeration, Line, LineKind, Meta, MonthDate, Outline, Section, Signature};
use crate::config::{Config, OutlineConfig, Role, SectionsConfig};
use crate::inline::is_han;
use crate::source::{Origin, Source};
use crate::words::WordMatcher;
use rustc_hash::FxHashSet;
use std::borrow::Cow;
use std::ops::Range;

/// The longest line (in characters) taken for a heading without an ordinal.
const UNNUMBERED_CHARS: usize = 25;
/// The most characters of a heading's line that name its part.
const HEADING_CHARS: usize = 60;
/// Labels of a 落款 written as a form (`报告单位：某县司法局` / `报告日期：2024年1月20日`).
const SIGNATURE_ORGAN_KEYS: &[&str] = &[
    "报告单位",
    "填报单位",
    "报送单位",
    "落款单位",
    "单位",
    "报告机关",
    "报送机关",
    "发文机关",
];
const SIGNATURE_DATE_KEYS: &[&str] = &[
    "报告日期",
    "填报日期",
    "报送日期",
    "落款日期",
    "成文日期",
    "日期",
    "报告时间",
    "填报时间",
    "报送时间",
    "落款时间",
    "成文时间",
];
/// How many lines of text from the end the closing block is looked for in.
const SIGNATURE_WINDOW: usize = 16;
/// How far back from the end a `附件` line after the 落款's date is looked for.
const ATTACHMENTS_WINDOW: usize = 400;
/// Menu items of a government site that also name work a report tells of.
const WORK_MENU_ITEMS: &[&str] = &["政府信息公开", "无障碍"];
/// How far from the top a table of contents (`目录`) is looked for.
const CONTENTS_WINDOW: usize = 60;
/// The longest line that may be the first part of a wrapped contents entry.
const CONTENTS_WRAPPED: usize = 40;
/// The most entries of a table of contents without page numbers.
const CONTENTS_ENTRIES: usize = 30;
const SENTENCE_PUNCT: &[char] = &[
    '。', ',', '\u{ff0c}', ';', '\u{ff1b}', '!', '\u{ff01}', '?', '\u{ff1f}',
];
/// Metadata keys that are also the text's own words for a field of a task or an event
/// (`时间：2026年6月30日前`): metadata above the report's first heading only.
const TEXT_FIELD_KEYS: [&str; 2] = ["时间", "日期"];

/// The longest main title over a subtitle (`坚持依法行政，建设法治政府`), in characters.
const SLOGAN_CHARS: usize = 24;
/// How far into a document (in lines, blank ones included) a title is looked for among
/// headings typed in a heading style.
const TITLE_SEARCH_LINES: usize = 40;
/// The shortest paragraph (in characters, exclusive) read as the text under an
/// unnumbered sub-heading.
const SUB_HEADING_BODY_CHARS: usize = 20;
/// The longest organ's name opening a page's byline.
const BYLINE_ORGAN_CHARS: usize = 20;
/// Words of a covering letter sending the report, in its last few lines.
const LETTER_WORDS: &[&str] = &[
    "请审阅",
    "请审示",
    "请审议",
    "请阅示",
    "请审定",
    "呈送",
    "报送",
];
const LETTER_LINES: usize = 3;
/// How a place's name ends (`岚山区`, `某自治旗`).
pub const PLACE_ENDS: [char; 9] = ['省', '市', '县', '区', '镇', '乡', '州', '旗', '盟'];
/// How the name of an organ ends (…政府, …局, …委员会).
pub const ORGAN_SUFFIXES: &[&str] = &[
    "政府",
    "局",
    "委员会",
    "委",
    "办公室",
    "办",
    "院",
    "厅",
    "部",
    "中心",
    "所",
    "室",
    "会",
    // A street's office, a 盟's or 地区's administration, a 苏木 (a township in Inner
    // Mongolia), units of vertically managed services.
    "办事处",
    "公署",
    "苏木",
    "大队",
    "支队",
    "总队",
    "调查队",
    "海关",
];

/// A word list asked whether a line holds any of its words, compiled once.
struct AnyOf {
    words: Vec<String>,
    matcher: Option<WordMatcher>,
}

impl AnyOf {
    fn new(words: &[String]) -> Self {
        AnyOf {
            words: words.to_vec(),
            matcher: WordMatcher::new(words.iter().filter(|w| !w.is_empty())),
        }
    }

    /// `words.iter().any(|w| t.contains(w))`, in one scan of `t`.
    fn is_in(&self, t: &str) -> bool {
        match &self.matcher {
            Some(m) => self.words.iter().any(|w| w.is_empty()) || m.is_match(t),
            None => self.words.iter().any(|w| t.contains(w.as_str())),
        }
    }
}

/// The words telling work done from work planned, for thematic headings.
struct PlanWords {
    done: AnyOf,
    planned: AnyOf,
}

/// Builds outlines with one configuration, whose word lists it compiles once.
pub struct Outliner {
    outline: OutlineConfig,
    sections: SectionsConfig,
    /// The chrome words and extend-chrome-words.
    chrome: Option<WordMatcher>,
    /// The metadata keys and the page's own field keys.
    field_keys: Option<WordMatcher>,
    /// The metadata keys without their blanks, as `is_meta_key` compares them.
    meta_keys: FxHashSet<String>,
    plan_words: PlanWords,
}

impl Outliner {
    pub fn new(config: &Config) -> Self {
        let cfg = &config.outline;
        let chrome = cfg.chrome_words.iter().chain(&cfg.extend_chrome_words);
        Outliner {
            outline: cfg.clone(),
            plan_words: PlanWords {
                done: AnyOf::new(&config.sections.work_done_words),
                planned: AnyOf::new(&config.sections.work_planned_words),
            },
            sections: {
                // Built before the copy, so that the rules' copy shares it.
                config.sections.roles.prepare();
                config.sections.clone()
            },
            chrome: WordMatcher::new(chrome.filter(|w| !w.is_empty())),
            field_keys: WordMatcher::new(
                cfg.metadata_keys
                    .iter()
                    .chain(&cfg.field_keys)
                    .filter(|w| !w.is_empty()),
            ),
            meta_keys: cfg.metadata_keys.iter().map(|k| packed(k)).collect(),
        }
    }

    /// Builds the outline of `source`.
    pub fn build(&self, source: &Source) -> Outline {
        let text = source.text.as_str();
        let flatten::Split {
            lines,
            kinds: mut raw,
            flattened,
            mut watermarks,
        } = flatten::split(
            text,
            lines::parse(source),
            source.line_count(),
            &self.outline,
        );
        let mut b = Builder {
            text,
            cfg: &self.outline,
            chrome: self.chrome.as_ref(),
            field_keys: self.field_keys.as_ref(),
            meta_keys: &self.meta_keys,
            lines,
            metadata: Vec::new(),
            word: source.origin == Origin::Docx,
        };
        stray_parts_as_text(&mut raw);
        if flattened.is_empty() {
            continued_as_text(source, &b.lines, &mut raw);
        }
        contents_as_blank(text, &b.lines, &mut raw);
        listed_items_as_text(text, &b.lines, &self.outline.attachment_words, &mut raw);
        if source.origin != Origin::Docx {
            table_rows_as_text(text, &b.lines, &mut raw);
        }

        b.styled_title_as_text(source, &mut raw);
        b.styled_organ_as_text(source, &mut raw);
        b.signature_table_as_text(&mut raw);
        b.classify(&raw);
        // A watermark that is a segment of its own is a line of chrome.
        // Both are in text order, and no two lines or watermarks start at one byte.
        let is_line = |lines: &[Line], w: &Range<usize>| {
            lines
                .binary_search_by_key(&w.start, |l| l.span().start)
                .is_ok_and(|i| lines[i].span() == *w)
        };
        for w in &watermarks {
            if is_line(&b.lines, w) {
                let i = b.lines.partition_point(|l| l.span().start < w.start);
                b.lines[i].kind = LineKind::Chrome;
            }
        }
        watermarks.retain(|w| !is_line(&b.lines, w));
        let first_heading = raw
            .detailed()
            .find(|(_, r)| matches!(r, RawKind::Heading(_)))
            .map(|(i, _)| i);
        let title = match b.markdown_title(&raw, first_heading) {
            Some(i) => vec![i],
            None => b.find_title(first_heading.unwrap_or(raw.len())),
        };
        let mut signature = b.find_signature(&raw);
        b.seal_notes_as_signature(&signature);
        let unsigned =
            signature.organ.is_none() && signature.date.is_none() && signature.dayless.is_none();
        if unsigned && let Some(&report_title) = title.last() {
            signature = b.letter_signature(&raw, report_title);
        }
        b.unnumbered_headings(&mut raw, &self.sections);
        let sections = sections(source, &raw, &b.lines, &self.sections, &self.plan_words);
        let mut outline = Outline {
            title,
            signature,
            sections,
            metadata: b.metadata,
            lines: b.lines,
            flattened,
            watermarks,
            ..Outline::default()
        };
        outline.report_year = report_year(text, &outline, &self.outline.title_words);
        next_year_as_plans(text, &mut outline);
        outline.issuer = issuer(text, &outline, &self.outline);
        // (Items `1.`, `（1）` under an enumeration's item do not end it.)
        let mut sub_items: Vec<usize> = outline
            .walk()
            .filter(|s| s.level >= 3)
            .map(|s| s.line)
            .collect();
        sub_items.sort_unstable();
        outline.enumerations = enumerations(text, &outline.lines, &sub_items);
        outline
    }
}

struct Builder<'a> {
    text: &'a str,
    cfg: &'a OutlineConfig,
    chrome: Option<&'a WordMatcher>,
    field_keys: Option<&'a WordMatcher>,
    meta_keys: &'a FxHashSet<String>,
    lines: Vec<Line>,
    metadata: Vec<Meta>,
    /// A Word document: a key alone on its line is a table's cell, not a page's field.
    word: bool,
}

impl Builder<'_> {
    /// Sorts lines into blank, chrome, metadata, headings and paragraphs.
    fn classify(&mut self, raw: &RawKinds) {
        // A metadata key whose value comes on a later line (`  • 成文日期:` … `2024-02-19`).
        let mut pending: Option<String> = None;
        // (Not a Markdown heading without a number: that may be the title.)
        let first_heading = raw.iter().position(|r| {
            matches!(r, RawKind::Heading(h) if h.style != NumberStyle::Markdown || h.number > 0)
        });
        for (i, r) in raw.iter().enumerate() {
            let span = self.lines[i].span();
            let line = &self.text[span.clone()];
            // Below a heading, `时间：2026年6月30日前` (a task's deadline) or `日期：…` (an
            // event's) is a line of the text: a page gives its own such field above it.
            let text_field = first_heading.is_some_and(|h| h < i) && {
                let key = line.trim_start_matches(is_blank);
                TEXT_FIELD_KEYS.iter().any(|k| {
                    key.strip_prefix(k)
                        .is_some_and(|rest| rest.starts_with([':', '\u{ff1a}']))
                })
            };
            // `来源:某县司法局 发布时间:2024-03-15 某县…报告`: a page copied as one line,
            // its fields and then its title.
            let title_at = match r {
                RawKind::KeyValue(_) | RawKind::Text => self.title_after_fields(line),
                _ => None,
            };
            let kind = match r {
                RawKind::Blank => LineKind::Blank,
                // A rule drawn in characters (`* * *`, `———`, a Markdown heading's `---`
                // underline) holds no text.
                _ if is_rule_line(line) => LineKind::Blank,
                RawKind::KeyValue(_) | RawKind::Text if text_field => LineKind::Paragraph,
                RawKind::Heading(_) => LineKind::Heading,
                // A page's path (`> 首页 > 政务公开`); a line after one `>` is a quotation
                // set off in Markdown (a case box: `> 典型案例1：…`, `>` alone between its
                // paragraphs), unless it holds a page's widget.
                RawKind::Breadcrumb if line.trim_matches(is_blank) == ">" => LineKind::Blank,
                RawKind::Breadcrumb
                    if !line.contains(['。', '\u{ff0c}', '\u{ff1b}'])
                        && (line.matches(['>', '＞', '»']).count() >= 2
                            || self.is_chrome(line)) =>
                {
                    LineKind::Chrome
                }
                RawKind::Breadcrumb => LineKind::Paragraph,
                RawKind::KeyValue(_) | RawKind::Text if is_clock(line) => LineKind::Chrome,
                _ if title_at
                    .is_some_and(|at| self.fields(span.start..span.start + at, &mut pending)) =>
                {
                    let at = title_at.unwrap_or_default();
                    self.lines[i] = Line::new(span.start + at..span.end, LineKind::Paragraph);
                    LineKind::Paragraph
                }
                RawKind::KeyValue(_) | RawKind::Text if self.fields(span.clone(), &mut pending) => {
                    LineKind::Meta
                }
                RawKind::Text if self.spaced_field(span.clone(), &mut pending) => LineKind::Meta,
                RawKind::Pipe if self.pipe_row(span.clone()) => LineKind::Meta,
                RawKind::Pipe | RawKind::Text if self.table_row(span.clone()) => LineKind::Meta,
                // `稿件来源:… 发布时间: 2023-04-02 | 打印 |`: fields, then page widgets.
                RawKind::Pipe if self.fields(span.clone(), &mut pending) => LineKind::Meta,
                // A page number a PDF or Word copy left in (`— 3 —`, `第3页 共8页`)
                // holds no report text.
                RawKind::Text if is_page_number(line) => LineKind::Blank,
                _ if self.is_chrome(line) => {
                    // A title with the page's counter after it (`…情况报告　浏览次数：358`).
                    let title = matches!(r, RawKind::Text | RawKind::Pipe)
                        .then(|| self.title_before_chrome(line))
                        .flatten();
                    match title {
                        Some(end) => {
                            self.lines[i] =
                                Line::new(span.start..span.start + end, LineKind::Paragraph);
                            LineKind::Paragraph
                        }
                        None => LineKind::Chrome,
                    }
                }
                RawKind::Pipe => LineKind::Paragraph,
                RawKind::Bullet(start) if self.is_listed_title(*start..span.end) => {
                    // A page's list item naming the report (`  • 2021年度某省法治政府建设
                    // 年度报告`) may be its only title: text, without the bullet.
                    self.lines[i] = Line::new(*start..span.end, LineKind::Paragraph);
                    LineKind::Paragraph
                }
                RawKind::Bullet(start) if self.bullet(*start..span.end, &mut pending) => {
                    LineKind::Meta
                }
                RawKind::KeyValue(_) | RawKind::Text
                    if self.listed_field(span.clone(), &mut pending) =>
                {
                    LineKind::Meta
                }
                RawKind::KeyValue(kv) if self.is_meta_key(&self.text[kv.key.clone()]) => {
                    let KeyValue { key, value } = kv.as_ref().clone();
                    self.key_value(key, value, &mut pending);
                    LineKind::Meta
                }
                _ if pending.is_some()
                    && self.is_short_value(line)
                    && !self.names_report(line)
                    && !self.is_loose_title(line) =>
                {
                    let key = pending.take().unwrap_or_default();
                    self.push_meta(key, trim_span(self.text, span));
                    LineKind::Meta
                }
                _ if self.is_meta_key(
                    line.trim_matches(is_blank)
                        .trim_end_matches([':', '\u{ff1a}']),
                ) && (!self.word
                    || line.trim_end_matches(is_blank).ends_with([':', '\u{ff1a}'])) =>
                {
                    pending = Some(
                        line.trim_matches(is_blank)
                            .trim_end_matches([':', '\u{ff1a}'])
                            .into(),
                    );
                    LineKind::Meta
                }
                _ => LineKind::Paragraph,
            };
            if !matches!(kind, LineKind::Blank | LineKind::Meta) {
                pending = None;
            }
            self.lines[i].kind = kind;
        }
    }

    /// `来源:… 发布日期:2018-04-03 16:13 浏览次数: 字体:【大 中 小】`: a line of
    /// `key: value` fields, the first at the line's start, at least one a metadata key.
    /// Each value runs to the next key; metadata is kept, the page's own fields
    /// (浏览次数, 字号) are dropped. False when the line is no such line.
    fn fields(&mut self, span: Range<usize>, pending: &mut Option<String>) -> bool {
        let line = &self.text[span.clone()];
        let Some(keys) = self.field_keys else {
            return false;
        };
        if !at_most(line, 2 * self.cfg.short_line) || !line.contains([':', '\u{ff1a}']) {
            return false;
        }
        // (key start, value start, key)
        let found: Vec<(usize, usize, &str)> = field_keys_in(keys, line)
            .map(|(start, end, value)| (start, value, &line[start..end]))
            .collect();
        let lead = line.len() - line.trim_start_matches(is_blank).len();
        // A page's byline: the organ, a blank, then the fields (`某区人民政府 发布时间:
        // 2024-03-07`).
        let byline = |f: &(usize, usize, &str)| {
            let organ = &line[lead..f.0];
            let name = organ.trim_end_matches(is_blank);
            name.len() < organ.len()
                && at_most(name, BYLINE_ORGAN_CHARS)
                && ORGAN_SUFFIXES.iter().any(|s| name.ends_with(s))
                && !name.contains(is_blank)
                && ["发布", "更新", "来源"].iter().any(|w| f.2.contains(w))
        };
        if found.first().is_none_or(|f| f.0 != lead && !byline(f))
            || !found.iter().any(|f| self.is_meta_key(f.2))
        {
            return false;
        }
        let fields: Vec<(String, Range<usize>)> = found
            .iter()
            .enumerate()
            .filter(|(_, f)| self.is_meta_key(f.2))
            .map(|(k, f)| {
                let end = found.get(k + 1).map_or(line.len(), |next| next.0);
                // A bar ends a value too (`发布时间: 2023-04-02 | 打印 |`).
                let end = line[f.1..end]
                    .find(['|', '\u{ff5c}'])
                    .map_or(end, |bar| f.1 + bar);
                // So does the bracket of the next field's widget (`来源：…　【字号：…】`).
                let value = line[f.1..end].trim_end_matches(|c| is_blank(c) || c == '【');
                (
                    f.2.to_string(),
                    span.start + f.1..span.start + f.1 + value.len(),
                )
            })
            .collect();
        let alone = found.len() == 1;
        for (key, value) in fields {
            let value = trim_span(self.text, value);
            if value.is_empty() && alone {
                // `成文日期:` with its value on a later line.
                *pending = Some(key);
            } else if value.is_empty() {
            } else {
                self.push_meta(key, value);
            }
        }
        true
    }

    /// Where the title starts on a line of fields that ends with it, set off by a blank
    /// (`发布时间：2024-03-15 某县…报告`); never inside a title field's value
    /// (`标题：某县人民政府 关于…报告`).
    fn title_after_fields(&self, line: &str) -> Option<usize> {
        // (No longer than a line of fields may be: a paragraph is not scanned.)
        if !at_most(line, 2 * self.cfg.short_line) {
            return None;
        }
        let colon = line.rfind([':', '\u{ff1a}'])?;
        let key = line[..colon].trim_end_matches(is_blank);
        if ["标题", "名称"].iter().any(|k| key.ends_with(k)) {
            return None;
        }
        // (The value's first word, then a blank and the title.)
        let value = line[colon..].trim_start_matches([':', '\u{ff1a}']);
        let word = value.trim_start_matches(is_blank);
        let blank = word.find(is_blank)?;
        let rest = word[blank..].trim_start_matches(is_blank);
        (self.names_report(rest) && !rest.contains([':', '\u{ff1a}']))
            .then(|| line.len() - rest.len())
    }

    /// Where the title ends on a line of chrome naming the report before a page's
    /// widgets, set off by a blank, a bracket or a cell's bar (`…情况报告　浏览次数：358`,
    /// `…情况报告【字体：大 中 小】`, `…情况报告【打印】【关闭】`, `…情况报告 | 浏览次数：358`).
    fn title_before_chrome(&self, line: &str) -> Option<usize> {
        let m = self.chrome?.find_iter(line).next()?;
        let before = &line[..m.start()];
        let title =
            before.trim_end_matches(|c| is_blank(c) || matches!(c, '【' | '[' | '|' | '｜'));
        (title.len() < before.len() && self.names_report(title)).then_some(title.len())
    }

    /// A short line of a page's widgets, in no sentence. A menu item that also names
    /// work (`政府信息公开`, `无障碍`) counts only standing as a word, not inside a
    /// phrase (`全面推进政府信息公开`, `推进无障碍环境建设`: Chinese just before it).
    fn is_chrome(&self, line: &str) -> bool {
        // (A row of a table, tab-separated: `栏目	发布条数	访问次数`.)
        if line.contains('\t') {
            return false;
        }
        let line = line.trim_matches(is_blank);
        if !at_most(line, self.cfg.short_line) || line.contains(['。', '，', '；']) {
            return false;
        }
        // A lead-in to what follows (`门户网站首页“法治政府”专栏发布情况：`), longer than a
        // widget's label (`分享到：`, `您现在的位置：`).
        if line.ends_with(['：', ':']) && line.chars().nth(LEAD_IN_CHARS).is_some() {
            return false;
        }
        // What is left of a widget whose words went to lines of their own (`【字体：` `大`
        // `中` `小` `】` from a list inside brackets): brackets alone.
        if !line.is_empty() && line.chars().all(|c| "【】[]|｜".contains(c)) {
            return true;
        }
        let Some(chrome) = self.chrome else {
            return false;
        };
        chrome.find_iter(line).any(|m| {
            let work = WORK_MENU_ITEMS.contains(&&line[m.start()..m.end()]);
            let in_phrase = work && line[..m.start()].chars().next_back().is_some_and(is_han);
            !(in_phrase || self.inside_longer_key(line, m.start()..m.end()))
        })
    }

    /// Whether the words at `at` in `line` are the end of a longer metadata key there (the
    /// 字号 of an empty `| 发文字号 | |` cell, no font-size widget).
    fn inside_longer_key(&self, line: &str, at: Range<usize>) -> bool {
        self.field_keys.is_some_and(|keys| {
            keys.find_iter(line)
                .any(|k| k.start() < at.start && at.end <= k.end())
        })
    }

    /// `名　　称：…`, `索 引 号：…`: a metadata key spaced out for a form's layout, then
    /// its value; kept as metadata. False when the line is no such line.
    fn spaced_field(&mut self, span: Range<usize>, pending: &mut Option<String>) -> bool {
        let line = &self.text[span.clone()];
        let lead = line.len() - line.trim_start_matches(is_blank).len();
        let Some((at, colon)) = line[lead..]
            .char_indices()
            .take(16)
            .find(|&(_, c)| matches!(c, ':' | '\u{ff1a}'))
        else {
            return false;
        };
        let key = &line[lead..lead + at];
        if !key.trim_end().contains(is_key_blank) || !self.is_meta_key(key) {
            return false;
        }
        let start = span.start + lead;
        let value = start + at + colon.len_utf8()..span.end;
        // More fields may follow on the line (`索 引 号:… 发布机构:… 发文日期:…`).
        let next = self.field_keys.and_then(|keys| {
            field_keys_in(keys, &self.text[value.clone()])
                .find(|&(key, ..)| key > 0)
                .map(|(key, ..)| value.start + key)
        });
        match next {
            Some(next) => {
                let key = self.text[start..start + at].trim().to_string();
                let own = trim_span(self.text, value.start..next);
                if !own.is_empty() {
                    self.push_meta(key, own);
                }
                self.fields(next..span.end, pending);
            }
            None => self.key_value(start..start + at, value, pending),
        }
        true
    }

    /// Whether `key` is a metadata key, spaced out or not (`索 引 号`).
    fn is_meta_key(&self, key: &str) -> bool {
        let key = key.trim();
        // Keys are a few characters, however spaced: a line of text is none.
        if key.len() > 48 {
            return false;
        }
        if key.contains(is_key_blank) {
            self.meta_keys.contains(&packed(key))
        } else {
            self.meta_keys.contains(key)
        }
    }

    fn is_short_value(&self, line: &str) -> bool {
        at_most(line, self.cfg.short_line) && !line.contains(SENTENCE_PUNCT)
    }

    /// Keeps a field; its key without the blanks a form spaces it out with (`日　　期`).
    fn push_meta(&mut self, key: String, value_span: Range<usize>) {
        let key = if key.contains(is_key_blank) {
            packed(&key)
        } else {
            key
        };
        self.metadata.push(Meta {
            key,
            value: self.text[value_span.clone()].to_string(),
            value_span,
        });
    }

    fn key_value(&mut self, key: Range<usize>, value: Range<usize>, pending: &mut Option<String>) {
        let key = self.text[key].trim().to_string();
        let value = trim_span(self.text, value);
        if value.is_empty() {
            *pending = Some(key);
            return;
        }
        // `索引号: LH331082-001/2024-131251 公开方式: 主动公开` holds two pairs.
        let v = &self.text[value.clone()];
        if let Some((at, next_key, next_value)) = self.second_pair(v, value.start) {
            self.push_meta(key, trim_span(self.text, value.start..at));
            self.push_meta(next_key, next_value);
        } else {
            self.push_meta(key, value);
        }
        *pending = None;
    }

    /// Finds ` key: value` after the first value on one line.
    fn second_pair(&self, value: &str, base: usize) -> Option<(usize, String, Range<usize>)> {
        for (space, _) in value.match_indices(' ') {
            let after = &value[space + 1..];
            if let Some(colon) = after.find([':', '\u{ff1a}']) {
                let key = after[..colon].trim();
                if self.is_meta_key(key) {
                    let colon_len = after[colon..].chars().next().map_or(1, char::len_utf8);
                    let start = base + space + 1 + colon + colon_len;
                    return Some((
                        base + space,
                        key.to_string(),
                        trim_span(self.text, start..base + value.len()),
                    ));
                }
            }
        }
        None
    }

    /// Line `i`'s text without leading or trailing white space and invisible characters.
    fn line_text(&self, i: usize) -> &str {
        self.text[self.lines[i].span()].trim_matches(is_blank)
    }

    /// Whether line `i` ends with a web site's name after a dash or bar
    /// (`…法治政府建设情况-某某官方网站`): a browser page title.
    fn has_site_suffix(&self, i: usize) -> bool {
        let t = self.line_text(i);
        t.rfind(['-', '_', '|', '｜', '—', '–']).is_some_and(|at| {
            let site = t[at..].trim_start_matches(['-', '_', '|', '｜', '—', '–']);
            (1..=20).contains(&site.chars().count())
                && ["网", "官方", "平台", "门户"]
                    .iter()
                    .any(|w| site.contains(w))
        })
    }

    /// A title typed in a heading style (Word's 标题 1, or its 标题 style with an outline
    /// level, so that it shows in the navigation pane) is the title, not a section: the
    /// first styled headings without a number, up to three lines in a row before any
    /// other heading, are text when together they hold every title word.
    fn styled_title_as_text(&self, source: &Source, raw: &mut RawKinds) {
        let mut run: Vec<usize> = Vec::new();
        for (i, r) in raw.iter().enumerate().take(TITLE_SEARCH_LINES) {
            match r {
                RawKind::Blank => {}
                _ if styled_unnumbered(source, i, r) && run.len() < 3 => run.push(i),
                RawKind::Heading(_) => break,
                _ if run.is_empty() => {}
                _ => break,
            }
        }
        let words: String = run.iter().map(|&i| self.line_text(i)).collect();
        if !run.is_empty() && self.names_report(&words) {
            raw.set_detailed(run.into_iter().map(|i| (i, RawKind::Text)).collect());
        }
    }

    /// A 落款's organ line in a heading style (a format copied with the painter, a
    /// template's): a short unnumbered styled line without punctuation right above the
    /// last date line is text, so the 落款 is found.
    fn styled_organ_as_text(&self, source: &Source, raw: &mut RawKinds) {
        let Some((date, _)) = raw
            .detailed()
            .filter(|(_, r)| matches!(r, RawKind::Date(_)))
            .last()
        else {
            return;
        };
        let Some(organ) = (0..date).rev().find(|&i| !matches!(raw[i], RawKind::Blank)) else {
            return;
        };
        let t = self.line_text(organ);
        if styled_unnumbered(source, organ, &raw[organ])
            && at_most(t, 30)
            && !t.contains(SENTENCE_PUNCT)
        {
            raw.set_detailed(vec![(organ, RawKind::Text)]);
        }
    }

    /// Whether `line` holds every title word: a title, never a metadata value. A line
    /// spread out for layout (`法 治 政 府 建 设 年 度 报 告`) holds them too.
    fn names_report(&self, line: &str) -> bool {
        let closed: String;
        let line = if line.trim_matches(is_blank).contains(is_blank) {
            closed = line.chars().filter(|&c| !is_blank(c)).collect();
            &closed
        } else {
            line
        };
        self.cfg
            .title_words
            .iter()
            .all(|w| line.contains(w.as_str()))
    }

    /// A line naming the report's year and 法治 (or 依法行政), without 报告: a title that
    /// lacks its document type (`某厅2025年法治政府建设工作情况`), not a field's value.
    fn is_loose_title(&self, line: &str) -> bool {
        first_year(line).is_some()
            && self
                .cfg
                .loose_title_words
                .iter()
                .any(|w| line.contains(w.as_str()))
    }

    /// A bullet's content that names the report and is no `key: value`.
    fn is_listed_title(&self, content: Range<usize>) -> bool {
        let c = self.text[content].trim_matches(is_blank);
        self.is_short_value(c) && !c.contains([':', '\u{ff1a}']) && self.names_report(c)
    }

    /// `- 发布机构：…`, `* 成文日期:`: a page's metadata field as a Markdown list's item,
    /// kept as metadata. False when the line is no such line.
    fn listed_field(&mut self, span: Range<usize>, pending: &mut Option<String>) -> bool {
        let line = &self.text[span.clone()];
        let rest = line.trim_start_matches(is_blank);
        let Some(item) = rest.strip_prefix("- ").or_else(|| rest.strip_prefix("* ")) else {
            return false;
        };
        let is_field = item
            .find([':', '\u{ff1a}'])
            .is_some_and(|colon| self.is_meta_key(item[..colon].trim()));
        is_field && self.bullet(span.end - item.len()..span.end, pending)
    }

    /// Reads a bullet's `key: value`, or the value of the key on the line before: whether
    /// the line is metadata (else it is a list item of the text).
    fn bullet(&mut self, content: Range<usize>, pending: &mut Option<String>) -> bool {
        let c = &self.text[content.clone()];
        // (A list item of the report's text ends a sentence: `• 执法队伍：…原因是…。`.)
        if c.trim_end_matches(is_blank).ends_with(['。', '；', ';']) {
            return false;
        }
        if let Some(colon) = c.find([':', '\u{ff1a}']) {
            let key = c[..colon].trim();
            if !key.is_empty() && key.chars().count() <= 10 && !key.contains(SENTENCE_PUNCT) {
                let colon_len = c[colon..].chars().next().map_or(1, char::len_utf8);
                let key_span = content.start..content.start + colon;
                let value = content.start + colon + colon_len..content.end;
                self.key_value(key_span, value, pending);
                return true;
            }
        }
        match pending.take() {
            Some(key) => {
                self.push_meta(key, trim_span(self.text, content));
                true
            }
            None => false,
        }
    }

    /// `索引号: | 11330723… | 发布机构: | 县司法局 |`: keys end with a colon. Whether
    /// the row held a key.
    fn pipe_row(&mut self, span: Range<usize>) -> bool {
        let mut cells = Vec::new();
        let mut start = span.start;
        for part in self.text[span.clone()].split('|') {
            cells.push(trim_span(self.text, start..start + part.len()));
            start += part.len() + 1;
        }
        // `索引号:`, or `[ 索引号 ]`.
        let is_key =
            |t: &str| t.ends_with([':', '\u{ff1a}']) || t.starts_with('[') && t.ends_with(']');
        let mut i = 0;
        let mut any = false;
        while i < cells.len() {
            let cell = &self.text[cells[i].clone()];
            if is_key(cell) {
                any = true;
                let key = cell
                    .trim_end_matches([':', '\u{ff1a}', ']'])
                    .trim_start_matches('[')
                    .trim()
                    .to_string();
                match cells.get(i + 1) {
                    Some(v) if !is_key(&self.text[v.clone()]) => {
                        self.push_meta(key, v.clone());
                        i += 1;
                    }
                    _ => self.push_meta(key, cells[i].end..cells[i].end),
                }
            }
            i += 1;
        }
        any
    }

    /// A row of a page's information table copied as text, its cells apart by tabs,
    /// spaces, `|` or brackets, its keys bare (`发布机构\t某省司法厅\t发文日期\t2024-03-27`,
    /// `[ 发布机构 ] 某市城市管理局`): the first cell and at least one more are metadata
    /// keys (one is enough in brackets), each followed by its value (the cells up to the
    /// next key). False, and nothing kept, for any other line.
    fn table_row(&mut self, span: Range<usize>) -> bool {
        let line = &self.text[span.clone()];
        let separator =
            |c: char| matches!(c, '|' | '\u{ff5c}' | '[' | ']' | '【' | '】') || is_blank(c);
        // Most lines are not such rows: their first cell (looked for among the first
        // characters only: keys are short) is no key.
        let first = line.trim_start_matches(separator);
        let end = first.char_indices().take(12).find(|&(_, c)| separator(c));
        let key = end.is_some_and(|(end, _)| self.is_meta_key(&first[..end]));
        if !key || !self.is_short_value(line) {
            return false;
        }
        let mut cells: Vec<(Range<usize>, bool)> = Vec::new();
        let mut start = None;
        for (i, c) in line.char_indices().chain([(line.len(), '|')]) {
            match start {
                Some(s) if separator(c) => {
                    cells.push((
                        span.start + s..span.start + i,
                        self.is_meta_key(&line[s..i]),
                    ));
                    start = None;
                }
                None if !separator(c) => start = Some(i),
                _ => {}
            }
        }
        let keys = cells.iter().filter(|(_, key)| *key).count();
        // `[ 发布机构 ] 某市城市管理局`: one key is enough when bracketed as a key, and
        // the row may end with a key left empty (`… [ 发文字号 ]`), as a table's row may
        // with its empty cell (`… | 发文字号 | |`).
        let bracketed = line.trim_start_matches(is_blank).starts_with(['[', '【']);
        let empty_cell = cells.last().is_some_and(|c| {
            let after = &self.text[c.0.end..span.end];
            after.matches(['|', '\u{ff5c}']).count() >= 2
        });
        let ends_valued =
            cells.last().is_some_and(|c| !c.1) || (bracketed || empty_cell) && cells.len() > 1;
        let valued = cells.windows(2).all(|w| !(w[0].1 && w[1].1)) && ends_valued;
        // `标题 | 某县…报告`: a table's row of one key and its value, the cells of a page.
        let pair = line
            .split(['|', '\u{ff5c}'])
            .filter(|c| !c.trim().is_empty())
            .count()
            == 2
            && line.contains(['|', '\u{ff5c}']);
        if keys < 2 && !bracketed && !pair || !cells.first().is_some_and(|c| c.1) || !valued {
            return false;
        }
        let mut k = 0;
        while k < cells.len() {
            let key = self.text[cells[k].0.clone()].to_string();
            let first = k + 1;
            if first == cells.len() {
                break;
            }
            let mut last = first;
            while cells.get(last + 1).is_some_and(|c| !c.1) {
                last += 1;
            }
            self.push_meta(key, cells[first].0.start..cells[last].0.end);
            k = last + 1;
        }
        true
    }

    /// A Markdown document's title: its first heading, when it names the report.
    fn markdown_title(&mut self, raw: &RawKinds, first_heading: Option<usize>) -> Option<usize> {
        let i = first_heading?;
        let RawKind::Heading(heading) = &raw[i] else {
            return None;
        };
        let Heading {
            style: NumberStyle::Markdown,
            number: 0,
            rest,
            ..
        } = heading.as_ref()
        else {
            return None;
        };
        let t = &self.text[rest.clone()];
        self.cfg
            .title_words
            .iter()
            .all(|w| t.contains(w.as_str()))
            .then(|| {
                let end = self.lines[i].span().end;
                self.lines[i] = Line::new(rest.start..end, LineKind::Title);
                i
            })
    }

    /// The first line after line `i` and before `end` that is not blank.
    fn next_filled(&self, i: usize, end: usize) -> Option<usize> {
        (i + 1..end).find(|&j| self.lines[j].kind != LineKind::Blank)
    }

    /// The last line before line `i` that is not blank.
    fn filled_before(&self, i: usize) -> Option<usize> {
        (0..i)
            .rev()
            .find(|&j| self.lines[j].kind != LineKind::Blank)
    }

    /// Whether line `i` (a short line after a heading naming a part) is the first
    /// heading below it, unnumbered too (`主要举措和成效` / `完善制度体系` / its text):
    /// a short line without a sentence's marks, a paragraph of some length after it.
    fn sub_heading_after(&self, i: usize) -> bool {
        let t = self.line_text(i);
        let next = self.next_filled(i, self.lines.len());
        self.lines[i].kind == LineKind::Paragraph
            && at_most(t, UNNUMBERED_CHARS)
            && !t.contains(SENTENCE_PUNCT)
            && next.is_some_and(|j| {
                self.lines[j].kind == LineKind::Paragraph
                    && !at_most(self.line_text(j), SUB_HEADING_BODY_CHARS)
            })
    }

    /// The title: a short line before the first heading naming the report; one with a
    /// year wins over one without (`法治政府建设年度报告和工作要点` is a page category).
    /// A page-title line with a site suffix (`…的报告-某某网`) or a `文号《…》` wrapper is
    /// chrome. The organ on the line above (`某县人民政府` / `2022年度…报告`) is part of
    /// the title. With no such line, a line naming the work without `报告`
    /// (`…2023年法治政府建设工作情况`) is the title, which `title-format` reports.
    fn find_title(&mut self, before: usize) -> Vec<usize> {
        // Line indexes in 32 bits: before the first heading may be every line of a text.
        let short_lines: Vec<u32> = (0..before)
            .filter(|&i| self.lines[i].kind == LineKind::Paragraph)
            .filter(|&i| {
                let line = &self.text[self.lines[i].span()];
                self.is_short_value(line) || self.is_slogan_title(i, before)
            })
            .map(|i| i as u32)
            .collect();
        let mut candidates = Vec::new();
        let mut page_titles = Vec::new();
        for &i in &short_lines {
            let i = i as usize;
            let line = &self.text[self.lines[i].span()];
            if !self.names_report(line) || is_lead_in(line) {
                continue;
            }
            if self.is_page_title(&self.text[self.lines[i].span()]) {
                self.lines[i].kind = LineKind::Chrome;
                page_titles.push(i);
            } else {
                candidates.push(i);
            }
        }
        let short = || short_lines.iter().map(|&i| i as usize);
        let with_year = |b: &Self, i: &usize| first_year(&b.text[b.lines[*i].span()]).is_some();
        // A page repeats its title above the document's own, which may have its organ on
        // the line above: that one, then the last with a year (the nearest the text; a
        // list of links above it names other reports), then the first.
        let single = candidates
            .iter()
            .find(|i| with_year(self, i) && self.organ_above(&short_lines, **i).is_some())
            .or_else(|| candidates.iter().rev().find(|i| with_year(self, i)))
            .or(candidates.first())
            .map(|&i| vec![i]);
        let title = single
            .or_else(|| self.wrapped_title(&short_lines))
            // The last resort may be a page title (once the only line naming the report).
            .or_else(|| {
                let loose = |i: &usize| self.is_loose_title(self.line_text(*i));
                let suffixed = |i: &usize| self.has_site_suffix(*i);
                short()
                    .find(|i| loose(i) && !suffixed(i))
                    .or_else(|| short().find(loose))
                    .map(|i| vec![i])
            });
        // The last resort: the title a page's wrapper holds (`青环〔2024〕5号《…年度报
        // 告》`), its inside.
        let title = title.or_else(|| {
            let (i, inner) = page_titles
                .iter()
                .find_map(|&i| Some((i, self.wrapped_inside(i)?)))?;
            self.lines[i] = Line::new(inner, LineKind::Paragraph);
            Some(vec![i])
        });
        let Some(mut lines) = title else {
            return Vec::new();
        };
        if let Some(above) = self
            .organ_above(&short_lines, lines[0])
            .or_else(|| self.main_title_above(&short_lines, lines[0]))
            .or_else(|| self.title_start_above(&short_lines, lines[0]))
        {
            lines.insert(0, above);
        }
        // The year on a line of its own below (`…法治政府建设情况报告` / `（2023年度）`).
        let last = lines[lines.len() - 1];
        if let Some(below) = self.next_filled(last, before)
            && self.lines[below].kind == LineKind::Paragraph
            && is_year_line(self.line_text(below))
            && first_year(&lines.iter().map(|&i| self.line_text(i)).collect::<String>()).is_none()
        {
            lines.push(below);
        }
        for &i in &lines {
            self.lines[i].kind = LineKind::Title;
        }
        lines
    }

    /// The inside of the book-title marks a page's title line wraps the title in
    /// (`青环〔2024〕5号《…年度报告》`).
    fn wrapped_inside(&self, i: usize) -> Option<Range<usize>> {
        let span = trim_span(self.text, self.lines[i].span());
        let t = &self.text[span.clone()];
        let open = t.find('《')? + '《'.len_utf8();
        let close = t.strip_suffix('》')?.len();
        (open < close).then(|| span.start + open..span.start + close)
    }

    /// A main title with a comma between its two phrases, above the report's name as its
    /// subtitle after a dash, on the line (`坚持依法行政，建设法治政府——某县2023年度…
    /// 报告`) or on the next (`——某县2023年度…报告`).
    fn is_slogan_title(&self, i: usize, before: usize) -> bool {
        let t = self.line_text(i);
        let slogan = |s: &str| {
            at_most(s, SLOGAN_CHARS) && !s.contains(['。', ';', '；', '!', '！', '?', '？'])
        };
        let subtitle = |s: &str| {
            let s = s.trim_start_matches(is_blank);
            s.starts_with(DASHES) && self.is_short_value(s) && self.names_report(s)
        };
        if let Some(at) = t.find("——") {
            return slogan(&t[..at]) && subtitle(&t[at..]);
        }
        let next = self.next_filled(i, before);
        slogan(t) && next.is_some_and(|j| subtitle(self.line_text(j)))
    }

    /// The line naming the organ just above a title line that does not name it
    /// (`某县人民政府` over `2023年度…报告` or `关于2023年…`), blank lines between.
    fn organ_above(&self, short_lines: &[u32], title: usize) -> Option<usize> {
        let above = self.short_line_above(short_lines, title)?;
        let organ = self.line_text(above);
        // `某县人民政府关于2023年…` names its organ; `关于2023年…` leaves it to the line above.
        let opens_with_organ = |t: &str| {
            let head = t.split(|c: char| c.is_ascii_digit()).next().unwrap_or("");
            ORGAN_SUFFIXES.iter().any(|s| head.ends_with(s))
                || head.find("关于").is_some_and(|at| at > 0)
        };
        let t = self.line_text(title);
        let names_organ =
            ORGAN_SUFFIXES.iter().any(|s| organ.ends_with(s)) || organ.ends_with("关于");
        // `某市税务局2023年度` over `法治政府建设情况报告`: the line broken after the year.
        let names_year = first_year(t).is_none()
            && first_year(organ).is_some()
            && organ.trim_end_matches('度').ends_with('年')
            && at_most(organ, 30);
        (names_year || names_organ && !opens_with_organ(t)).then_some(above)
    }

    /// The title's first line above a line that ends it, broken in or at a cited title
    /// or after the year (`…关于2024年度法治政府建设暨落实` / `《…纲要（2021—2025年）》
    /// 情况的报告`), blank lines between.
    fn title_start_above(&self, short_lines: &[u32], title: usize) -> Option<usize> {
        let above = self.short_line_above(short_lines, title)?;
        let (first, rest) = (self.line_text(above), self.line_text(title));
        let year_above = first_year(rest).is_none() && first_year(first).is_some();
        // (Not a line of its own naming the report: a page's title, a wrapper.)
        let fragment = self.lines[above].kind == LineKind::Paragraph
            && !first.contains('。')
            && !self.names_report(first);
        (fragment && (breaks_at_book_title(first, rest) || year_above)).then_some(above)
    }

    /// The short line (in `short_lines`) just above line `title`, blank lines between.
    fn short_line_above(&self, short_lines: &[u32], title: usize) -> Option<usize> {
        let k = short_lines.partition_point(|&i| (i as usize) < title);
        let above = short_lines[..k].last().map(|&i| i as usize)?;
        self.lines[above + 1..title]
            .iter()
            .all(|l| l.kind == LineKind::Blank)
            .then_some(above)
    }

    /// The main title above a title line that is its subtitle (`坚持依法行政　护航高质量
    /// 发展` over `——某局2023年度法治政府建设情况报告`), blank lines between.
    fn main_title_above(&self, short_lines: &[u32], title: usize) -> Option<usize> {
        if !self
            .line_text(title)
            .trim_start_matches(is_blank)
            .starts_with(DASHES)
        {
            return None;
        }
        self.short_line_above(short_lines, title)
    }

    /// A title broken over two adjacent short lines (`某局关于2023年法治政府` /
    /// `建设工作情况的报告`): the first names the year, and the two together hold every
    /// title word. Looked for only when no one line holds them all.
    fn wrapped_title(&self, short_lines: &[u32]) -> Option<Vec<usize>> {
        short_lines.windows(2).find_map(|pair| {
            let (first, second) = (pair[0] as usize, pair[1] as usize);
            if [first, second]
                .iter()
                .any(|&i| self.lines[i].kind != LineKind::Paragraph)
            {
                return None;
            }
            let joined = [self.line_text(first), self.line_text(second)].concat();
            let whole = self.names_report(&joined);
            // Adjacent, or blank lines between (a copy that doubled every break).
            let adjacent = self.lines[first + 1..second]
                .iter()
                .all(|l| l.kind == LineKind::Blank);
            // The first names the year, or the break falls in or at a cited title
            // (`…关于贯彻落实《法治政府建设实施` / `纲要（2021—2025年）》2024年度…`).
            let opens = first_year(self.line_text(first)).is_some()
                || breaks_at_book_title(self.line_text(first), self.line_text(second));
            (adjacent && opens && whole && first_year(&joined).is_some())
                .then(|| vec![first, second])
        })
    }

    /// A browser page title (`…的报告-某某网`, `…报告_某某政府门户网站`) or a wrapper
    /// that repeats the title after its document number (`浙卫〔2024〕3号《…的报告》`).
    fn is_page_title(&self, line: &str) -> bool {
        let t = line.trim_matches(is_blank);
        let site_suffix = t.rfind("报告").is_some_and(|at| {
            let after = t[at + "报告".len()..].trim_start_matches(['》', '”']);
            after.starts_with(['-', '_', '|', '｜', '—', '–']) && after.chars().count() > 1
        });
        let wrapper = t.ends_with('》')
            && t.find('《').is_some_and(|at| {
                let head = &t[..at];
                head.contains('〔') && head.ends_with('号')
            });
        site_suffix || wrapper
    }

    /// The closing block (落款): the organ's line and the date line, or both on one line
    /// (`某市人民政府 2024年1月26日`, also a Word paragraph split by a soft break). It is
    /// the last text but for what GB/T 9704 lets follow it: the 附注 `（此件公开发布）`,
    /// `附件：` and the attachments, a contact line, the 版记 (`抄送：`, `…印发`).
    fn find_signature(&mut self, raw: &RawKinds) -> Signature {
        let mut sig = Signature::default();
        // (A date with its weekday is chrome at a page's top, but may be the 落款's date.)
        let tail: Vec<usize> = (0..raw.len())
            .rev()
            .filter(|&i| match self.lines[i].kind {
                LineKind::Blank => false,
                // (`日期：…`, `发文机关：…` are page metadata keys too: such a line is
                // the 落款's beside its pair's other line only.)
                LineKind::Meta => self.form_signature_pair(raw, i),
                LineKind::Chrome => self.weekday_date(self.lines[i].span()).is_some(),
                // (A form's note where the seal goes, `（盖章）` between organ and date.)
                _ => !is_seal_note(self.line_text(i)),
            })
            .take(ATTACHMENTS_WINDOW)
            .collect();
        // Attachments right after a date line (a table of any length, its rows split into
        // many short lines by a PDF) are closing matter as a whole; but for the report
        // itself, sent with a covering letter (`关于报送…报告的函`, `附件`, the report
        // with its parts): its own 落款 is looked for at its end first, and the letter's
        // stands for it only without one, its headings kept.
        let mut attached = self.attachments_after_date(raw, &tail);
        let top_heading = |i: &usize| matches!(&raw[*i], RawKind::Heading(h) if h.level == 1);
        // (A report with parts of its own has attachments, not a report attached.)
        let report_attached = attached > 0
            && tail[..attached].iter().filter(|i| top_heading(i)).count() >= 2
            && (0..tail[attached - 1]).filter(top_heading).count() < 2;
        let mut found = None;
        if report_attached {
            found = self.closing_date(raw, &tail[..tail.len().min(SIGNATURE_WINDOW)], 0);
            if found.is_none() {
                // (The letter's 落款 then, its attachment the report's text.)
                attached = self
                    .closing_date(raw, &tail, attached)
                    .map_or(0, |(k, ..)| k);
            }
        }
        let content = &tail[..tail.len().min(attached + SIGNATURE_WINDOW)];
        let found = found.or_else(|| self.closing_date(raw, content, attached));
        if let Some(&(k, i, _)) = found.as_ref() {
            // (An attached report keeps its headings.)
            if !report_attached {
                self.after_signature(&content[..k]);
            }
            self.lines[i].kind = LineKind::Signature;
        }
        let organ_line = match found {
            Some((k, i, None)) => {
                sig.dayless = self
                    .dayless_date(i, &raw[i])
                    .map(|(year, month)| MonthDate {
                        year,
                        month,
                        span: trim_span(self.text, self.lines[i].span()),
                    });
                self.organ_line(raw, content, k)
            }
            Some((k, i, Some((date, one_line)))) => {
                sig.date = Some((date.value, date.span.clone()));
                sig.date_form = date.form;
                if one_line {
                    let start = self.lines[i].span().start;
                    let organ = trim_span(self.text, start..date.span.start);
                    let bare =
                        self.text[organ.clone()].trim_end_matches(|c| is_blank(c) || c == '|');
                    let sealed = without_seal(bare).len();
                    sig.organ = Some(organ.start..organ.start + sealed);
                    return sig;
                }
                self.organ_line(raw, content, k)
            }
            None => {
                let k = content
                    .iter()
                    .position(|&i| !self.is_closing_matter(i))
                    .unwrap_or(content.len());
                content.get(k).copied()
            }
        };
        self.signature_organ(raw, sig, organ_line)
    }

    /// A 落款 set in a table (a borderless layout table exported as pipe rows: `|  | 某镇
    /// 人民政府 |` over `|  | 2025年3月10日 |`, or `| 某街道办事处 | 2025年2月14日 |`):
    /// among the last lines, a row whose cells hold one or two short texts is read as its
    /// text, a row of empty cells or the delimiter row as blank.
    fn signature_table_as_text(&mut self, raw: &mut RawKinds) {
        let mut changes = Vec::new();
        let mut seen = 0;
        for i in (0..self.lines.len()).rev() {
            let span = self.lines[i].span();
            if self.text[span.clone()].trim_matches(is_blank).is_empty() {
                continue;
            }
            seen += 1;
            if seen > SIGNATURE_TABLE_ROWS {
                break;
            }
            if !matches!(raw[i], RawKind::Pipe) {
                continue;
            }
            let mut cells: Vec<Range<usize>> = Vec::new();
            let line = &self.text[span.clone()];
            let bars = line.match_indices(['|', '\u{ff5c}']);
            let bounds = bars.map(|(at, bar)| (span.start + at, bar.len()));
            let mut start = span.start;
            for (end, bar) in bounds.chain([(span.end, 0)]) {
                let cell = trim_span(self.text, start..end);
                start = end + bar;
                let t = &self.text[cell.clone()];
                if !t.is_empty() && !t.chars().all(|c| matches!(c, '-' | ':' | '—')) {
                    cells.push(cell);
                }
            }
            let short = cells.iter().all(|c| at_most(&self.text[c.clone()], 30));
            match cells.as_slice() {
                [] => changes.push((i, RawKind::Blank)),
                [first, .., last] | [first @ last] if cells.len() <= 2 && short => {
                    let narrowed = first.start..last.end;
                    self.lines[i] = Line::new(narrowed.clone(), self.lines[i].kind);
                    let kind = match cells.len() {
                        1 => lines::classify(&self.text[narrowed.clone()], narrowed.start),
                        _ => RawKind::Text,
                    };
                    changes.push((i, kind));
                }
                _ => {}
            }
        }
        raw.set_detailed(changes);
    }

    /// Marks the seal notes (`（盖章）`) among the lines of the 落款 `sig` as its lines.
    fn seal_notes_as_signature(&mut self, sig: &Signature) {
        let Some(first) = [sig.organ.as_ref(), sig.date.as_ref().map(|d| &d.1)]
            .into_iter()
            .flatten()
            .map(|span| span.start)
            .min()
        else {
            return;
        };
        let from = self.lines.partition_point(|l| l.span().end < first);
        for i in from..self.lines.len() {
            if self.lines[i].kind == LineKind::Paragraph && is_seal_note(self.line_text(i)) {
                self.lines[i].kind = LineKind::Signature;
            }
        }
    }

    /// The 落款 of a covering letter above the report's title, for a report that has none
    /// of its own (`现呈送我厅2023年度法治政府建设情况报告，请审阅。` / `某省交通运输厅` /
    /// `2024年3月5日` / `某省交通运输厅2023年度…报告` / `一、…`): the date line nearest
    /// above the title, with an organ's line above it and the letter's sentence sending
    /// the report above that.
    fn letter_signature(&mut self, raw: &RawKinds, report_title: usize) -> Signature {
        let filled = |b: &Self, i: &usize| b.lines[*i].kind != LineKind::Blank;
        let mut above = (0..report_title).rev().filter(|i| filled(self, i));
        let date = above.next().and_then(|i| match &raw[i] {
            RawKind::Date(d) => Some((i, d.as_ref().clone())),
            _ => None,
        });
        let (Some((i, date)), Some(organ)) = (date, above.next()) else {
            return Signature::default();
        };
        let sends = above.take(LETTER_LINES).any(|j| {
            let t = self.line_text(j);
            LETTER_WORDS.iter().any(|w| t.contains(w))
        });
        if !sends || !self.is_organ(organ, &raw[organ], true) {
            return Signature::default();
        }
        self.lines[i].kind = LineKind::Signature;
        let sig = Signature {
            date: Some((date.value, date.span.clone())),
            date_form: date.form,
            ..Signature::default()
        };
        self.signature_organ(raw, sig, Some(organ))
    }

    /// The organ's line of a 落款 whose date is `content[k]` (lines last first): the line
    /// above the date, or the one line below it naming an organ (a Word box holding the
    /// organ, anchored in the date's paragraph, is read after it).
    fn organ_line(&self, raw: &RawKinds, content: &[usize], k: usize) -> Option<usize> {
        let above = content.get(k + 1).copied();
        let below = k.checked_sub(1).map(|j| content[j]);
        match (above, below) {
            (Some(a), _) if self.is_organ(a, &raw[a], true) => Some(a),
            (_, Some(b)) if self.organ_below(raw, &content[..k]) => Some(b),
            _ => above,
        }
    }

    /// Whether `after` (the lines after a date) is one line naming an organ.
    fn organ_below(&self, raw: &RawKinds, after: &[usize]) -> bool {
        matches!(after, [i] if self.is_organ(*i, &raw[*i], false))
    }

    /// The closing block's date in `content` (the last lines, last first), from line
    /// `attached` on (the lines before are attachments): the last date line with only
    /// closing matter after it.
    fn closing_date(
        &self,
        raw: &RawKinds,
        content: &[usize],
        attached: usize,
    ) -> Option<ClosingDate> {
        let mut found = None;
        for (k, &i) in content.iter().enumerate().skip(attached) {
            let date = match &raw[i] {
                RawKind::Date(d) => Some((d.as_ref().clone(), false)),
                RawKind::Text => self
                    .one_line_signature(self.lines[i].span())
                    .or_else(|| Some((self.weekday_date(self.lines[i].span())?, false)))
                    .or_else(|| Some((self.marked_date(self.lines[i].span())?, false))),
                // `报告日期：2024年1月20日`
                RawKind::KeyValue(kv) if self.labelled(kv, SIGNATURE_DATE_KEYS) => {
                    let value = trim_span(self.text, kv.value.clone());
                    lines::read_date(&self.text[value.clone()], value.start).map(|d| (d, false))
                }
                _ => None,
            };
            // `2024年1月`, without its day: the 落款's date all the same.
            let dayless = || date.is_none() && self.dayless_date(i, &raw[i]).is_some();
            let closes = || {
                self.only_closing_matter(&content[attached..k])
                    || self.page_footer(raw, &content[attached..], k - attached)
                    || self.organ_below(raw, &content[attached..k])
            };
            if (date.is_some() || dayless()) && closes() {
                found = Some((k, i, date));
                break;
            }
            // Past a long line of text no earlier line has only closing matter after it.
            let t = self.line_text(i);
            if !self.is_closing_matter(i) && !at_most(t, self.cfg.short_line) {
                break;
            }
        }
        found
    }

    /// Whether a `key: value` line's key is one of `keys`, a seal's note after it or not
    /// (`报告单位（盖章）`).
    fn labelled(&self, kv: &KeyValue, keys: &[&str]) -> bool {
        keys.contains(&without_seal(&self.text[kv.key.clone()]))
    }

    /// Whether line `i` is one of a 落款 written as a form: its organ's line (`报告单位：…`)
    /// right above its date's (`日期：…`), blank lines between.
    fn form_signature_pair(&self, raw: &RawKinds, i: usize) -> bool {
        let key = |j: usize, keys: &[&str]| match &raw[j] {
            RawKind::KeyValue(kv) => self.labelled(kv, keys),
            _ => false,
        };
        let filled = |j: &usize| self.lines[*j].kind != LineKind::Blank;
        let above = (0..i).rev().find(filled);
        let below = (i + 1..raw.len()).find(filled);
        key(i, SIGNATURE_DATE_KEYS) && above.is_some_and(|j| key(j, SIGNATURE_ORGAN_KEYS))
            || key(i, SIGNATURE_ORGAN_KEYS) && below.is_some_and(|j| key(j, SIGNATURE_DATE_KEYS))
    }

    /// The signature `sig` with its organ from line `organ_line` (the line above the
    /// date), when that names one.
    fn signature_organ(
        &mut self,
        raw: &RawKinds,
        mut sig: Signature,
        organ_line: Option<usize>,
    ) -> Signature {
        let Some(i) = organ_line else { return sig };
        let dated = sig.date.is_some() || sig.dayless.is_some();
        let organ = match &raw[i] {
            // `报告单位：某县司法局`, `报告单位（盖章）：某县司法局`
            RawKind::KeyValue(kv) if self.labelled(kv, SIGNATURE_ORGAN_KEYS) => {
                Some(trim_span(self.text, kv.value.clone())).filter(|v| !v.is_empty())
            }
            r if self.is_organ(i, r, dated) => {
                let span = trim_span(self.text, self.lines[i].span());
                Some(span.start..span.start + without_seal(&self.text[span]).len())
            }
            _ => None,
        };
        if organ.is_some() {
            sig.organ = organ;
            self.lines[i].kind = LineKind::Signature;
        }
        sig
    }

    /// How many of `tail`'s lines (the last lines, last first) are attachments that follow
    /// a date line: from the furthest short `附件` line whose line above is a date to the
    /// end; 0 if there is none.
    fn attachments_after_date(&self, raw: &RawKinds, tail: &[usize]) -> usize {
        let dated = |i: usize| {
            matches!(raw[i], RawKind::Date(_))
                || self.one_line_signature(self.lines[i].span()).is_some()
        };
        (1..tail.len())
            .rev()
            .find(|&k| {
                let t = self.line_text(tail[k - 1]);
                // (The cheap tests first: this runs on hundreds of lines.)
                if !starts_with_any(t, &self.cfg.attachment_words)
                    || !at_most(t, self.cfg.short_line)
                {
                    return false;
                }
                // The 附注 may come between (`（此件公开发布）`, GB/T 9704's order).
                tail[k..]
                    .iter()
                    .take(NOTES_BEFORE_ATTACHMENTS + 1)
                    .find(|&&i| !self.is_closing_matter(i) || dated(i))
                    .is_some_and(|&i| dated(i))
            })
            .unwrap_or(0)
    }

    /// What follows the 落款 is closing matter: a numbered attachment
    /// (`2.2023年度行政执法数据统计表`) is no heading.
    fn after_signature(&mut self, after: &[usize]) {
        for &j in after {
            if self.lines[j].kind == LineKind::Heading {
                self.lines[j].kind = LineKind::Paragraph;
            }
        }
    }

    /// A line of text that is a year and a month and nothing else (`2024年1月`,
    /// `二〇二四年一月`), as a date line without its day: the year and the month.
    fn dayless_date(&self, i: usize, raw: &RawKind) -> Option<(i32, u32)> {
        if !matches!(raw, RawKind::Text) {
            return None;
        }
        let t: String = self
            .line_text(i)
            .chars()
            .filter(|&c| !is_blank(c))
            .collect();
        let (year, month) = t.strip_suffix('月')?.split_once('年')?;
        // ASCII or full-width digits, or a year in Chinese numerals (`二〇二四`).
        let digit = |c: char| c.is_ascii_digit() || ('\u{FF10}'..='\u{FF19}').contains(&c);
        let numeral = |c: char| "〇零○一二三四五六七八九".contains(c);
        let month = match month {
            "元" => 1,
            m if (1..=2).contains(&m.chars().count()) && m.chars().all(digit) => {
                lines::digits_value(m)
            }
            m => lines::chinese_number(m),
        };
        let year = if year.chars().all(digit) {
            lines::digits_value(year)
        } else if year.chars().all(numeral) {
            lines::cn_year_value(year)
        } else {
            return None;
        };
        let four = t
            .split_once('年')
            .is_some_and(|(y, _)| y.chars().count() == 4);
        (four && (1..=12).contains(&month)).then_some((year as i32, month))
    }

    /// `2024年1月20日（星期六）`, `2024年1月20日 星期六`: a date, then its weekday.
    fn weekday_date(&self, span: Range<usize>) -> Option<lines::DateText> {
        let line = self.text[span.clone()].trim_end_matches(is_blank);
        let line = line.strip_suffix(['）', ')']).unwrap_or(line);
        let day = line.strip_suffix(['一', '二', '三', '四', '五', '六', '日', '天'])?;
        let date = day
            .strip_suffix("星期")
            .or_else(|| day.strip_suffix("周"))?
            .trim_end_matches(is_blank);
        let date = date.strip_suffix(['（', '(']).unwrap_or(date);
        let lead = date.len() - date.trim_start_matches(is_blank).len();
        lines::read_date(&date[lead..], span.start + lead)
    }

    /// A date line a scan (or a slip) left marked, as a 落款's date: one stray mark before
    /// or after the date (`2025年2月26日。`, `· 2025年2月26日`, a character of the seal's
    /// ring after a space, `2025年2月26日 府`), or characters OCR misreads in it (`曰`
    /// for `日`, `O` or `o` for `0`, `l` or `I` for `1`).
    fn marked_date(&self, span: Range<usize>) -> Option<lines::DateText> {
        let span = trim_span(self.text, span);
        let line = &self.text[span.clone()];
        if !at_most(line, 24) {
            return None;
        }
        // (Each misreading is as long as what it stands for, so offsets hold.)
        let read: String = (line.chars())
            .map(|c| match c {
                '曰' => '日',
                'O' | 'o' => '0',
                'l' | 'I' => '1',
                c => c,
            })
            .collect();
        let date_in = |range: Range<usize>| {
            let s = &read[range.clone()];
            let lead = s.len() - s.trim_start_matches(is_blank).len();
            lines::read_date(&s[lead..], span.start + range.start + lead)
        };
        // A mark, or a letter set off by a space.
        let stray = |c: char, next: Option<char>| {
            !c.is_alphanumeric() || next.is_some_and(is_blank) && !c.is_ascii_digit()
        };
        let mut chars = read.chars();
        let (first, second) = (chars.next()?, chars.next());
        let mut back = read.chars().rev();
        let (last, before_last) = (back.next()?, back.next());
        date_in(0..read.len())
            .or_else(|| date_in(first.len_utf8()..read.len()).filter(|_| stray(first, second)))
            .or_else(|| {
                date_in(0..read.len() - last.len_utf8()).filter(|_| stray(last, before_last))
            })
    }

    /// A short line standing alone between paragraphs, with no sentence punctuation and
    /// a longer paragraph after it, is a top-level heading without an ordinal when it
    /// names a mandated part (`存在的问题和不足`), or when the document numbers no
    /// top-level heading at all (its headings are all such lines).
    fn unnumbered_headings(&mut self, raw: &mut RawKinds, cfg: &SectionsConfig) {
        // (A Markdown title is a `#` heading, but numbers nothing.)
        let numbered = raw.detailed().any(|(i, r)| {
            matches!(r, RawKind::Heading(h) if h.level <= 1)
                && self.lines[i].kind != LineKind::Title
        });
        let mut found = Vec::new();
        // Each line of content with the lines of content before and after it.
        let mut window = [0; 3];
        let mut seen = 0;
        for next in 0..self.lines.len() {
            if matches!(
                self.lines[next].kind,
                LineKind::Blank | LineKind::Chrome | LineKind::Meta
            ) {
                continue;
            }
            window = [window[1], window[2], next];
            seen += 1;
            if seen < 3 {
                continue;
            }
            // (The line after a bare `第一部分` is the part's name.)
            let after_part =
                matches!(&raw[window[0]], RawKind::Heading(h) if h.style == NumberStyle::Part);
            if after_part {
                continue;
            }
            if let Some(heading) = self.unnumbered_heading(raw, window, numbered, cfg) {
                found.push((window[1], heading));
                self.lines[window[1]].kind = LineKind::Heading;
            }
        }
        // Ordinals of another system opening the report's parts before its first `一、`
        // hold the numbered headings, as `第一部分` does (`Ⅰ．主要举措和成效` /
        // `一、健全依法决策机制`). Circled numbers after a numbered heading are items
        // below it (`1.主要举措和成效` / `①健全依法决策机制`).
        let lines = &self.lines;
        let first_numbered = |level: Option<u8>| {
            raw.detailed()
                .find(|(i, r)| {
                    matches!(r, RawKind::Heading(h) if level.is_none_or(|l| h.level == l))
                        && lines[*i].kind != LineKind::Title
                })
                .map(|(i, _)| i)
        };
        let (first_any, first_top) = (first_numbered(None), first_numbered(Some(1)));
        let text = self.text;
        let marked = |h: &Heading| !h.marker.is_empty();
        let circled =
            |h: &Heading| text[h.marker.clone()].starts_with(|c| ('①'..='⑳').contains(&c));
        let first_circled = found.iter().find(|(_, h)| circled(h)).map(|(i, _)| *i);
        if let (Some(c), Some(n)) = (first_circled, first_any)
            && n < c
        {
            found.retain(|(i, h)| {
                if circled(h) {
                    self.lines[*i].kind = LineKind::Paragraph;
                }
                !circled(h)
            });
        }
        let enclosing =
            first_top.is_some_and(|first| (found.iter()).any(|(i, h)| marked(h) && *i < first));
        for (_, h) in &mut found {
            if enclosing && marked(h) {
                h.level = 0;
            }
        }
        raw.set_detailed(
            found
                .into_iter()
                .map(|(i, h)| (i, RawKind::Heading(Box::new(h))))
                .collect(),
        );
    }

    /// The middle line of `[before, i, after]` (lines of content, in order) as such a
    /// heading, if it is one; `numbered` when the document numbers a top-level heading.
    fn unnumbered_heading(
        &self,
        raw: &RawKinds,
        [before, i, after]: [usize; 3],
        numbered: bool,
        cfg: &SectionsConfig,
    ) -> Option<Heading> {
        if self.lines[i].kind != LineKind::Paragraph
            || !matches!(
                self.lines[before].kind,
                LineKind::Paragraph | LineKind::Heading | LineKind::Title
            )
            || !matches!(
                self.lines[after].kind,
                LineKind::Paragraph | LineKind::Heading
            )
        {
            return None;
        }
        // (Nor the rest of a long heading wrapped onto this line.)
        if before + 1 == i && wrapped_heading_tail(self.text, &self.lines, raw, before).is_some() {
            return None;
        }
        let line = self.line_text(i);
        // `**存在的不足和原因**`: bold in Markdown.
        let bold = line.len() > 4 && line.starts_with("**") && line.ends_with("**");
        let t = if bold { &line[2..line.len() - 2] } else { line };
        // An ordinal of another system (`Ⅰ、`, `II.`, `壹、`, `第一、`, `A、`, `①`) is the
        // heading's marker.
        let marked = other_ordinal(t).unwrap_or(0);
        let t = &t[marked..];
        // The duties part's heading names its heads, longer, maybe two of them
        // (`街道党工委书记、办事处主任履行推进法治建设第一责任人职责情况`).
        let duties = t.contains("第一责任人") && at_most(t, DUTIES_HEADING_CHARS);
        if !at_most(t, UNNUMBERED_CHARS) && !duties {
            return None;
        }
        // A heading naming a part may end in a colon (`存在的不足和原因：`), be followed
        // by a short paragraph (`一是…。二是…。`) or by its own numbered headings.
        let words = t.strip_suffix(['：', ':']).unwrap_or(t);
        let len = t.chars().count();
        if len < 4
            || words.contains(SENTENCE_PUNCT)
            || words.contains(['：', ':', '“', '《'])
            || words.contains('、') && !duties
            || self.cfg.title_words.iter().all(|w| t.contains(w.as_str()))
            || duties && role_of(words, cfg) != Role::Duties
        {
            return None;
        }
        let next_len = self.line_text(after).chars().take(2 * len.max(20)).count();
        let long_body =
            self.lines[after].kind == LineKind::Paragraph && next_len >= 2 * len.max(20);
        // (The role is looked up last: most short lines are gone by now.)
        let names_part = || role_of(words, cfg) != Role::Other;
        let heading = if numbered {
            (long_body || marked > 0 || self.lost_first_number(raw, i)) && names_part()
        } else if words.len() < t.len() || !long_body {
            names_part() && (next_len >= len.min(10) || marked > 0 || self.sub_heading_after(after))
        } else {
            true
        };
        if !heading {
            return None;
        }
        let mut span = trim_span(self.text, self.lines[i].span());
        if bold {
            span = span.start + 2..span.end - 2;
        }
        Some(Heading {
            level: 1,
            number: 0,
            style: NumberStyle::Unnumbered,
            marker: span.start..span.start + marked,
            rest: span.start + marked..span.end,
        })
    }

    /// Whether the first numbered top-level heading comes after line `i` and is `二、`:
    /// the first part's number lost (Word's automatic number, gone on export), its
    /// heading perhaps on line `i`.
    fn lost_first_number(&self, raw: &RawKinds, i: usize) -> bool {
        let first = raw.detailed().find(|(j, r)| {
            matches!(r, RawKind::Heading(h) if h.level <= 1 && h.number > 0)
                && self.lines[*j].kind != LineKind::Title
        });
        first.is_some_and(|(j, r)| j > i && matches!(r, RawKind::Heading(h) if h.number == 2))
    }

    /// `某市人民政府 2024年1月26日`: a short organ name, then the date (true); or a date
    /// line with its 附注 run on (`2024年1月26日（此件公开发布）`, false).
    fn one_line_signature(&self, span: Range<usize>) -> Option<(lines::DateText, bool)> {
        let whole = &self.text[span.clone()];
        let line = &whole[..self.annotation_start(whole).unwrap_or(whole.len())];
        let t = line.trim_matches(is_blank);
        if !at_most(t, 40) || !t.ends_with('日') || line.contains(SENTENCE_PUNCT) {
            return None;
        }
        if line.len() < whole.len() {
            let lead = line.len() - line.trim_start_matches(is_blank).len();
            if let Some(date) = lines::read_date(&line[lead..], span.start + lead) {
                return Some((date, false));
            }
        }
        let date = lines::trailing_date(line, span.start)?;
        // (A seal's note may stand between them: `某县水利局　（印章）　2026年2月9日`; or a
        // table's bar: `某街道办事处 | 2025年2月14日`.)
        let organ =
            self.text[span.start..date.span.start].trim_matches(|c| is_blank(c) || c == '|');
        let organ = without_seal(organ);
        ORGAN_SUFFIXES
            .iter()
            .any(|s| organ.ends_with(s))
            .then_some((date, true))
    }

    /// Where a parenthesised 附注 ending `line` starts (`…日（此件公开发布）`).
    fn annotation_start(&self, line: &str) -> Option<usize> {
        let t = line.trim_end_matches(is_blank);
        if !t.ends_with(['）', ')']) {
            return None;
        }
        let at = t.rfind(['（', '('])?;
        let inner = t[at..].trim_start_matches(['（', '(']);
        // Also the seal's note, and the date in the lunar calendar (`（农历腊月初十）`).
        let noted = without_seal(t).len() < t.len() || inner.starts_with("农历");
        (starts_with_any(inner, &self.cfg.closing_words) || noted).then_some(at)
    }

    /// Whether the date line `content[k]` (lines last first) has an organ's line above it
    /// and only short lines that end no sentence after it: a web page's footer
    /// (`地址：…　邮编：…`, `您是本站第…位访客`, `分享至：`, a list of related links).
    fn page_footer(&self, raw: &RawKinds, content: &[usize], k: usize) -> bool {
        let organ = content
            .get(k + 1)
            .is_some_and(|&i| self.is_organ(i, &raw[i], true));
        organ
            && content[..k].iter().all(|&i| {
                let t = self.line_text(i);
                at_most(t, self.cfg.short_line) && !t.ends_with(['。', '；', '！', '？'])
            })
    }

    /// Whether every line of `after` (the lines after a date, last first) is what may
    /// follow the 落款: the 附注, attachments (`附件：` and the short lines after it), a
    /// contact line, the 版记, a rule line.
    fn only_closing_matter(&self, after: &[usize]) -> bool {
        let mut attachments = false;
        // `after` runs from the end backwards; read it forwards.
        after.iter().rev().all(|&i| {
            let t = self.line_text(i);
            // Attachments, or the 版记 (`抄送：` with its list on the next line, the
            // printing organ and date in cells of their own).
            // (An article's END mark: its credits and share lines follow.)
            if starts_with_any(t, &self.cfg.attachment_words)
                || is_banji_label(t)
                || t.trim_matches(END_MARK_TRIM) == "END"
            {
                attachments = true;
            }
            attachments && at_most(t, self.cfg.short_line) || self.is_closing_matter(i)
        })
    }

    /// A line of the closing matter other than attachments.
    fn is_closing_matter(&self, i: usize) -> bool {
        let t = self.line_text(i);
        let bare = t.trim_start_matches(['(', '（']);
        starts_with_any(bare, &self.cfg.closing_words)
            || is_banji_label(t)
            || starts_with_any(t, &self.cfg.attachment_words)
            || t.ends_with("印发")
            || t.chars().all(|c| "-—─━_=－ ".contains(c))
            || is_file_name(t)
            || matches!(t.trim_matches(END_MARK_TRIM), "完" | "全文完" | "END")
            || is_bare_page_number(t)
            || is_footnote(t)
            || t.starts_with(['（', '('])
                && t.ends_with(['）', ')'])
                && at_most(t, self.cfg.short_line)
            // The end of a closing note wrapped onto a line of its own, its parenthesis
            // opened above (`（联系人：周敏，联系电话：` / `88562317，电子邮箱：…）`).
            || t.ends_with(['）', ')'])
                && !t.contains(['（', '('])
                && at_most(t, self.cfg.short_line)
                && self.filled_before(i).is_some_and(|j| {
                    let bare = self.line_text(j).strip_prefix(['(', '（']);
                    bare.is_some_and(|b| {
                        !b.contains(['）', ')']) && starts_with_any(b, &self.cfg.closing_words)
                    })
                })
    }

    /// A short line without punctuation; without a date below it, it must also end like
    /// the name of an organ (…政府, …局).
    fn is_organ(&self, index: usize, raw: &RawKind, has_date: bool) -> bool {
        let t = without_seal(self.line_text(index));
        matches!(raw, RawKind::Text)
            && self.lines[index].kind == LineKind::Paragraph
            && !t.is_empty()
            && at_most(t, 30)
            && !t.contains(SENTENCE_PUNCT)
            && (has_date || ORGAN_SUFFIXES.iter().any(|s| t.ends_with(s)))
    }
}

/// Nests the headings into sections and gives each top-level section its role.
fn sections(
    source: &Source,
    raw: &RawKinds,
    lines: &[Line],
    cfg: &SectionsConfig,
    plan_words: &PlanWords,
) -> Vec<Section> {
    let text = source.text.as_str();
    let heads: Vec<(u8, u32)> = (raw.detailed())
        .filter(|&(i, _)| lines[i].kind == LineKind::Heading)
        .filter_map(|(_, r)| match r {
            RawKind::Heading(h) => Some((h.level, h.number)),
            _ => None,
        })
        .collect();
    let top = heads.iter().map(|&(level, _)| level).min().unwrap_or(1);
    let turned = turned_over(&heads);
    let mut roots: Vec<Section> = Vec::new();
    let mut list = NestedList::default();
    for (i, r) in raw.detailed() {
        let RawKind::Heading(heading) = r else {
            continue;
        };
        let Heading {
            level,
            number,
            style,
            marker,
            rest,
        } = heading.as_ref();
        if lines[i].kind != LineKind::Heading {
            continue; // a Markdown title
        }
        // The heading runs to its first full stop, or a colon with its paragraph run on
        // after it (`二、存在的不足和原因：基层…`), and no further than a heading's length
        // (a heading whose paragraph follows on the same line, a flattened document).
        let capped = text[rest.clone()]
            .char_indices()
            .nth(HEADING_CHARS)
            .map_or(rest.end, |(i, _)| rest.start + i);
        let heading_end = run_in_end(&text[rest.start..capped]).map_or(capped, |p| rest.start + p);
        // Where the format shows the heading end (a bold heading run into its text),
        // if that is sooner.
        let shown = source.run_in_ends.partition_point(|&e| e <= rest.start);
        let heading_end = source
            .run_in_ends
            .get(shown)
            .filter(|&&e| e < heading_end)
            .map_or(heading_end, |&e| e);
        // Without the closing bold marks of a Markdown heading typed in bold.
        let heading_end = text[rest.start..heading_end]
            .trim_end_matches(is_blank)
            .strip_suffix("**")
            .map_or(heading_end, |h| rest.start + h.len());
        let line_start = lines[i].span().start;
        let indent = (text[line_start..marker.start].bytes())
            .all(|b| b == b' ')
            .then_some(marker.start - line_start);
        let level = match (list.level(*level, *number, indent), turned) {
            (l, Some((outer, inner))) if l == outer => inner,
            (l, Some((_, inner))) if l == inner => inner + 1,
            (l, _) => l,
        };
        let level = level.saturating_sub(top) + 1;
        // The duties part is known by its subject wherever it stands, also as a part of
        // a thematic first section (`（二）切实履行推进法治建设第一责任人职责`, `2.落实第一
        // 责任人职责。`).
        let mut words = Cow::Borrowed(&text[rest.start..heading_end]);
        if *style == NumberStyle::Part && words.trim_matches(is_blank).is_empty() {
            // `第一部分` alone on its line names its part on the next.
            words = Cow::Borrowed(part_name(text, lines, i));
        } else if heading_end == rest.end
            && let Some(tail) = wrapped_heading_tail(text, lines, raw, i)
        {
            words = Cow::Owned(format!("{}{}", words.trim_end_matches(is_blank), tail));
        }
        let words = words.as_ref();
        let (role, also) = match level {
            1 => roles_of(words, cfg),
            // (Its own few words first: most such headings are not about it.)
            _ if cfg
                .roles
                .best_match(Role::Duties, &visible(words))
                .is_some()
                && role_of(words, cfg) == Role::Duties =>
            {
                (Role::Duties, Vec::new())
            }
            _ => (Role::Other, Vec::new()),
        };
        let section = Section {
            level,
            number: *number,
            style: *style,
            marker: marker.clone(),
            heading: marker.start..heading_end,
            role,
            also,
            thematic: false,
            line: i,
            end_line: i + 1,
            children: Vec::new(),
        };
        insert(&mut roots, section);
    }
    let content_end = lines
        .iter()
        .rposition(|l| !matches!(l.kind, LineKind::Blank | LineKind::Signature))
        .map_or(0, |i| i + 1);
    close(&mut roots, content_end.max(1));
    early_namesakes_as_themes(&mut roots);
    mark_thematic(text, lines, &mut roots, cfg, plan_words);
    roots
}

/// A top-level heading naming the plans or the shortcomings by a word themes use too
/// (`一、突出工作重点，…`: 工作重点; `…工作要点完成情况`; `补齐法治短板`), before any
/// other part's heading and with that part's own heading later on, is a theme of the
/// year's work: it gives up the role.
fn early_namesakes_as_themes(roots: &mut [Section]) {
    for role in [Role::Plans, Role::Shortcomings] {
        let Some(last) = roots.iter().rposition(|s| s.level == 1 && s.role == role) else {
            continue;
        };
        // (Themes come first: after the measures part's own heading, the report may
        // simply be there twice, a page giving it in two copies.)
        let other_part = roots
            .iter()
            .position(|s| s.role != role && s.role != Role::Other);
        for s in roots[..last].iter_mut().take(other_part.unwrap_or(0)) {
            if s.level == 1 && s.role == role {
                s.role = Role::Other;
                s.also.clear();
            }
        }
    }
}

/// Where a heading run into its paragraph ends in `line` (the heading after its
/// number): after its first full stop, or after a colon with words before it and text
/// after it (not the mark after a number, `第三部分：存在的不足`, nor one between digits,
/// as in `2.57:1`).
fn run_in_end(line: &str) -> Option<usize> {
    line.char_indices().find_map(|(i, c)| {
        let end = i + c.len_utf8();
        let after = &line[end..];
        let ratio = c == ':' && after.starts_with(|d: char| d.is_ascii_digit());
        let run_on = || {
            !line[..i].trim_matches(is_blank).is_empty()
                && !after.trim_matches(is_blank).is_empty()
                && !ratio
        };
        // `一、主要举措和成效　全年审查…`: a full-width space, or two spaces, between a
        // heading and its text (a bold heading in Word, copied as plain text; `&nbsp;
        // &nbsp;` on a web page).
        let spaced = || {
            line[..i].trim_matches(is_blank).chars().count() >= 4
                && after.trim_matches(is_blank).chars().nth(8).is_some()
        };
        match c {
            '。' => Some(end),
            '：' | ':' if run_on() => Some(end),
            '\u{3000}' if spaced() => Some(i),
            ' ' if after.starts_with(' ') && spaced() => Some(i),
            _ => None,
        }
    })
}

/// Parts (`第一部分`, `第二部分`) are headings only where there are two or more and the
/// first comes before any `一、`: they then hold the numbered headings. A lone part, or
/// parts after the report's `一、` (an appendix's, a table's), would put every other
/// heading a level down: they are text.
fn stray_parts_as_text(raw: &mut RawKinds) {
    let is_part = |r: &RawKind| matches!(r, RawKind::Heading(h) if h.style == NumberStyle::Part);
    let parts: Vec<usize> = raw
        .detailed()
        .filter(|(_, r)| is_part(r))
        .map(|(i, _)| i)
        .collect();
    // (A Markdown heading unnumbered, `# 某市…报告`, is the title or a part itself.)
    let first_numbered = raw
        .detailed()
        .find(|(_, r)| {
            matches!(r, RawKind::Heading(h) if h.level == 1
                && !(h.style == NumberStyle::Markdown && h.number == 0))
        })
        .map(|(i, _)| i);
    let enclosing = parts.len() >= 2 && first_numbered.is_none_or(|h| parts[0] < h);
    if !parts.is_empty() && !enclosing {
        raw.set_detailed(parts.into_iter().map(|i| (i, RawKind::Text)).collect());
    }
}

/// A line that continues a Word paragraph after a line break (Shift+Enter) in the
/// middle of a sentence is no heading, whatever it opens with (`…标准统` /
/// `一、规范高效，…`); after a heading or a sentence's end it may be one.
fn continued_as_text(source: &Source, lines: &[Line], raw: &mut RawKinds) {
    let text = source.text.as_str();
    let headings: Vec<(usize, RawKind)> = source
        .continued_lines
        .iter()
        .filter(|&&i| i > 0 && i < raw.len() && matches!(raw[i], RawKind::Heading(_)))
        .filter(|&&i| {
            let before = text[lines[i - 1].span()].trim_end_matches(is_blank);
            !matches!(raw[i - 1], RawKind::Heading(_))
                && !before.is_empty()
                && !before.ends_with(['。', '！', '？', '；', '：', ':', ';'])
        })
        .map(|&i| (i, RawKind::Text))
        .collect();
    raw.set_detailed(headings);
}

/// A typed table of contents near the top (`目　录`, then entries each ending in its
/// page number after a leader: `二、存在的不足和原因……2`, `…原因\t2`) holds no report
/// text: its entries are no headings, and the title may come after it.
fn contents_as_blank(text: &str, lines: &[Line], raw: &mut RawKinds) {
    let line = |i: usize| text[lines[i].span()].trim_matches(is_blank);
    let label = |t: &str| t.chars().filter(|&c| !is_blank(c)).eq("目录".chars());
    let Some(at) = (0..raw.len().min(CONTENTS_WINDOW)).find(|&i| label(line(i))) else {
        return;
    };
    // An entry may be wrapped: a line or two before the one ending in the page number.
    let mut entries = vec![(at, RawKind::Blank)];
    let mut wrapped = Vec::new();
    for i in (at + 1..raw.len()).filter(|&i| !line(i).is_empty()) {
        if is_contents_entry(line(i)) {
            entries.extend(wrapped.drain(..).chain([i]).map(|i| (i, RawKind::Blank)));
        } else if wrapped.len() < 2 && at_most(line(i), CONTENTS_WRAPPED) {
            wrapped.push(i);
        } else {
            break;
        }
    }
    // Entries without page numbers: the short lines after it, when the first comes again
    // soon after them (the body's first heading, maybe after an introduction).
    if entries.len() == 1 {
        let mut rest = (at + 1..raw.len()).filter(|&i| !line(i).is_empty());
        let Some(first) = rest.next() else { return };
        let listed: Vec<usize> = std::iter::once(first)
            .chain(
                rest.take_while(|&i| line(i) != line(first) && at_most(line(i), CONTENTS_WRAPPED)),
            )
            .take(CONTENTS_ENTRIES)
            .collect();
        let after = listed.last().map_or(raw.len(), |&i| i + 1);
        let repeats = (after..raw.len())
            .filter(|&i| !line(i).is_empty())
            .take(CONTENTS_ENTRIES)
            .any(|i| line(i) == line(first));
        if listed.len() >= 2 && repeats {
            entries.extend(listed.into_iter().map(|i| (i, RawKind::Blank)));
        }
    }
    if entries.len() > 1 {
        raw.set_detailed(entries);
    }
}

/// Rows of a plain-text table (not a Word document's, whose tables are read as tables)
/// that open with a heading's number: a row of cells apart by tabs (`（一）\t依法全面履行
/// 政府职能\t已完成`; a tab right after the number is Word's, after an automatic number),
/// and a group's row between two rows of cells (`序号\t重点任务\t完成情况` /
/// `一、依法全面履行政府职能` / `1\t调整权责清单\t已完成`).
fn table_rows_as_text(text: &str, lines: &[Line], raw: &mut RawKinds) {
    let line = |i: usize| text[lines[i].span()].trim_matches(is_blank);
    // (A heading is no row, with a tab after its number or not; nor is a list's item,
    // its bullet or `一是` and a tab before its text, as Word exports a list.)
    let row = |i: usize| {
        let t = line(i);
        let item = t.split_once('\t').is_some_and(|(marker, rest)| {
            !rest.contains('\t') && (is_bullet_glyph(marker) || marker.ends_with('是'))
        });
        !matches!(raw[i], RawKind::Heading(_)) && t.contains('\t') && !item
    };
    let filled = |i: &usize| !line(*i).is_empty();
    let mut rows: Vec<(usize, RawKind)> = Vec::new();
    for (i, r) in raw.detailed() {
        let RawKind::Heading(h) = r else { continue };
        // (Cells hold no sentence: a paragraph's stray tab makes no row.)
        let rest = text[h.rest.clone()].trim_start_matches(is_blank);
        let cells = rest.contains('\t') && !rest.contains('。');
        let above = (0..i).rev().find(filled);
        let below = (i + 1..lines.len()).find(filled);
        let group = above.is_some_and(row) && below.is_some_and(row);
        if h.number > 0 && (cells || group) {
            rows.push((i, RawKind::Text));
        }
    }
    raw.set_detailed(rows);
}

/// A list's bullet as Word exports it: one character that is no letter or digit
/// (`•`, `●`, `□`, `➢`, a symbol font's `Ø` or private-use `\u{f06c}`).
fn is_bullet_glyph(marker: &str) -> bool {
    let mut chars = marker.trim_matches(is_blank).chars();
    let glyph = chars.next();
    chars.next().is_none()
        && glyph.is_some_and(|c| {
            !c.is_alphanumeric() || c == 'Ø' || ('\u{e000}'..='\u{f8ff}').contains(&c)
        })
}

/// The list of attachments before the 落款 (`附件：1.…统计表` over `      2.…统计表`), or
/// the notes under a table (`注：1.…` over `2.…`, `说明：（1）…` over `（2）…`): the
/// items of a list opened on its label's line are no headings. (Looked for from each
/// Arabic-numbered heading back, not on every line.)
fn listed_items_as_text(text: &str, lines: &[Line], words: &[String], raw: &mut RawKinds) {
    let line = |i: usize| text[lines[i].span()].trim_matches(is_blank);
    let numbered = |t: &str| {
        let t = t.strip_prefix(['(', '（']).unwrap_or(t);
        t.starts_with(|c: char| c.is_ascii_digit())
    };
    let opens_list = |t: &str| {
        let labels = words.iter().map(String::as_str).chain(NOTE_LABELS);
        labels.into_iter().any(|w| {
            t.strip_prefix(w)
                .and_then(|rest| rest.strip_prefix(['：', ':']))
                .is_some_and(|rest| numbered(rest.trim_start_matches(is_blank)))
        })
    };
    let mut items: Vec<(usize, RawKind)> = Vec::new();
    for (i, r) in raw.detailed() {
        let arabic =
            matches!(r, RawKind::Heading(h) if h.number > 0 && h.level >= 3) && numbered(line(i));
        if !arabic {
            continue;
        }
        let Some(above) = (0..i).rev().find(|&j| !line(j).is_empty()) else {
            continue;
        };
        if items.last().is_some_and(|&(k, _)| k == above) || opens_list(line(above)) {
            items.push((i, RawKind::Text));
        }
    }
    raw.set_detailed(items);
}

/// Labels of the notes under a table, whose numbered items may start on their line.
const NOTE_LABELS: [&str; 3] = ["注", "说明", "备注"];

/// An entry of a table of contents: text, a leader (dots, a tab, spaces), a page number.
fn is_contents_entry(t: &str) -> bool {
    let body = t.trim_end_matches(|c: char| c.is_ascii_digit());
    let page_digits = t.len() - body.len();
    let entry = body.trim_end_matches(|c: char| {
        is_blank(c) || matches!(c, '.' | '．' | '·' | '・' | '…' | '-' | '—' | '_')
    });
    (1..=3).contains(&page_digits) && entry.len() < body.len() && !entry.is_empty()
}

/// The next line of text after the part heading on line `i`, when it is short enough
/// to be the part's name (`第一部分` / `主要举措和成效`); else nothing.
/// The shortest heading (in characters after its number) that may have been wrapped
/// onto the next line.
const WRAPPED_HEADING_CHARS: usize = 28;

/// The rest of the numbered heading at line `i` when a copy hard-wrapped it onto the next
/// line (`一、…坚持党对法治人社建设的全面领导，推动法` / `治建设第一责任人职责落到实处`):
/// the heading is long and ends in no stop, and the next line, right under it, is a
/// shorter run of words without a stop.
fn wrapped_heading_tail<'t>(
    text: &'t str,
    lines: &[Line],
    raw: &RawKinds,
    i: usize,
) -> Option<&'t str> {
    let RawKind::Heading(h) = &raw[i] else {
        return None;
    };
    let head = text[h.rest.clone()].trim_end_matches(is_blank);
    let next = lines.get(i + 1).filter(|l| l.kind == LineKind::Paragraph)?;
    let tail = text[next.span()].trim_matches(is_blank);
    let long = !at_most(head, WRAPPED_HEADING_CHARS);
    let open_ended = !head.ends_with(['。', '；', ';', '：', ':', '！', '？']);
    let words = !tail.is_empty()
        && !tail.contains(SENTENCE_PUNCT)
        && tail.chars().count() < head.chars().count()
        && matches!(raw[i + 1], RawKind::Text);
    (h.style != NumberStyle::Unnumbered && long && open_ended && words).then_some(tail)
}

fn part_name<'t>(text: &'t str, lines: &[Line], i: usize) -> &'t str {
    lines[i + 1..]
        .iter()
        .find(|l| l.kind != LineKind::Blank)
        .filter(|l| l.kind == LineKind::Paragraph)
        .map(|l| text[l.span()].trim_matches(is_blank))
        .filter(|t| at_most(t, HEADING_CHARS))
        .unwrap_or("")
}

/// The items `1.` of a Markdown list and of a list nested in one of its items
/// (`1. …` / `   1. …` / `   2. …` / `2. …`): the nested list's items, set in by two
/// spaces or more than the item before and starting at 1, are one level down.
#[derive(Default)]
struct NestedList {
    /// The spaces before the outer list's items, and before the nested list's while in it.
    outer: Option<usize>,
    inner: Option<usize>,
}

impl NestedList {
    /// The level of the next heading, of `level` and `number` as its numbering gives
    /// them, set in by `indent` spaces (`None`: by other characters too).
    fn level(&mut self, level: u8, number: u32, indent: Option<usize>) -> u8 {
        let Some(indent) = indent.filter(|_| level == 3) else {
            *self = NestedList::default();
            return level;
        };
        match (self.outer, self.inner) {
            (_, Some(inner)) if indent == inner => return level + 1,
            (Some(outer), None) if indent >= outer + 2 && number == 1 => {
                self.inner = Some(indent);
                return level + 1;
            }
            _ => {}
        }
        *self = NestedList {
            outer: Some(indent),
            inner: None,
        };
        level
    }
}

/// The two levels of numbering a document turns over, numbering its parts in the
/// style of the standard's third level and their sections in that of its second
/// (`1.主要举措和成效` / `（一）加强党的领导` / `（二）…` / `2.党政主要负责人…`): the
/// (outer, inner) levels as the grammar gives them. So numbered, the first heading is an
/// outer `1`, the outer numbers run on through the inner headings, every inner run starts
/// after an outer heading, and no heading is of a third style above the outer's.
fn turned_over(heads: &[(u8, u32)]) -> Option<(u8, u8)> {
    let &(outer, 1) = heads.first()? else {
        return None;
    };
    let inner = heads.iter().map(|&(l, _)| l).min()?;
    if inner >= outer || heads.iter().any(|&(l, _)| l != inner && l < outer) {
        return None;
    }
    let mut within = false;
    let mut last_outer = 0;
    let mut previous = outer;
    for &(level, number) in heads.iter().filter(|(l, _)| *l == outer || *l == inner) {
        if level == outer {
            if number != last_outer + 1 {
                return None;
            }
            within |= previous == inner && last_outer > 0;
            last_outer = number;
        } else if number == 1 && previous != outer {
            return None;
        }
        previous = level;
    }
    within.then_some((outer, inner))
}

/// A line giving a title's year alone (`（2023年度）`, `2023年度`, `(2023年)`).
fn is_year_line(line: &str) -> bool {
    let t = line.trim_matches(is_blank);
    let t = t
        .strip_prefix(['（', '('])
        .and_then(|t| t.strip_suffix(['）', ')']))
        .unwrap_or(t);
    let t = t.strip_suffix('度').unwrap_or(t);
    t.strip_suffix('年')
        .is_some_and(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
}

/// A preamble's sentence leading into the report (`现将我县2023年度法治政府建设工作
/// 报告如下：`), which names the report as a title does.
fn is_lead_in(line: &str) -> bool {
    let t = line.trim_matches(is_blank);
    let t = t.trim_end_matches(['：', ':', '。', '.']);
    t.starts_with("现将") || t.ends_with("如下")
}

/// Puts `section` under the last open section of a lower level, or at the top.
fn insert(siblings: &mut Vec<Section>, section: Section) {
    match siblings.last_mut() {
        Some(last) if last.level < section.level => insert(&mut last.children, section),
        _ => siblings.push(section),
    }
}

/// Sets each section's `end_line`: the next sibling's heading, else the parent's end.
fn close(siblings: &mut [Section], end: usize) {
    let starts: Vec<usize> = siblings
        .iter()
        .skip(1)
        .map(|s| s.line)
        .chain([end])
        .collect();
    for (s, next) in siblings.iter_mut().zip(starts) {
        s.end_line = next.max(s.line + 1);
        close(&mut s.children, s.end_line);
    }
}

/// The role whose heading words match this heading best: the longest matching word or
/// word set; between equally long ones the one ending later, as a Chinese phrase ends in
/// its head (`2024年主要工作安排` is an 安排, not a 主要工作).
pub fn role_of(heading: &str, cfg: &SectionsConfig) -> Role {
    best_role(&role_matches(heading, cfg))
}

/// A role and its best match in a heading: the match's strength and span.
type RoleMatch = (Role, crate::config::RoleMatch);

/// Each mandated role's best match in `heading`, read without what does not show
/// (`存在的不\u{200B}足`, a web editor's zero-width space between bold runs) and without
/// its spaces (`存 在 的 不 足 和 原 因`, a heading set letter-spaced, as a scan's OCR or a
/// PDF's text reads it): the spans are in the heading so read.
fn role_matches(heading: &str, cfg: &SectionsConfig) -> Vec<RoleMatch> {
    Role::MANDATED
        .into_iter()
        .zip(cfg.roles.matches(&read_for_roles(heading)))
        .collect()
}

/// `heading` as its roles are read: what shows, without blanks.
fn read_for_roles(heading: &str) -> Cow<'_, str> {
    let heading = visible(heading);
    match heading.contains(is_blank) {
        true => Cow::Owned(heading.replace(is_blank, "")),
        false => heading,
    }
}

/// The role whose match is strongest (then ends last, then comes first).
fn best_role(matches: &[RoleMatch]) -> Role {
    matches
        .iter()
        .filter_map(|(role, m)| Some((m.as_ref()?, *role)))
        .max_by_key(|&((len, span), role)| (*len, span.end, std::cmp::Reverse(role)))
        .map_or(Role::Other, |(_, role)| role)
}

/// The longest unnumbered heading of the duties part, in characters.
const DUTIES_HEADING_CHARS: usize = 40;

/// The shortest name of a part, written whole, that a heading also names beside a set
/// of another role's words around it.
const NAMED_PART_CHARS: usize = 4;

/// The role of a top-level `heading`, and the other parts it names with words of their
/// own, apart from the role's (`存在的不足和下一步工作安排`: plans, and shortcomings too).
fn roles_of(heading: &str, cfg: &SectionsConfig) -> (Role, Vec<Role>) {
    let matches = role_matches(heading, cfg);
    let role = best_role(&matches);
    let main = matches
        .iter()
        .find(|(r, _)| *r == role)
        .and_then(|(_, m)| m.clone());
    let Some((main_strength, main)) = main else {
        return (role, Vec::new());
    };
    // A role's words as written in one piece, `strength` characters long (not a set of
    // words spread over the heading).
    let read = read_for_roles(heading);
    let whole = |strength: usize, span: &Range<usize>| {
        read.get(span.clone()).map_or(0, |t| t.chars().count()) == strength
    };
    // (Joined to what follows: `主要举措和成效及…`; not the end of the duties' own name,
    // `…第一责任人职责、加强法治政府建设情况`.)
    let joined = |span: &Range<usize>| {
        read.get(span.end..)
            .is_some_and(|rest| rest.starts_with(['及', '和', '暨', '、', '与', '以']))
    };
    let main_whole = whole(main_strength, &main);
    let also = matches
        .iter()
        .filter(|(r, _)| *r != role)
        .filter(|(_, other)| {
            other.as_ref().is_some_and(|(strength, s)| {
                s.end <= main.start
                    || s.start >= main.end
                    // (A part's full name beside a set of the main role's words spread
                    // around it: `主要举措和成效及主要负责人履行第一责任人职责情况`.)
                    || !main_whole
                        && *strength >= NAMED_PART_CHARS
                        && whole(*strength, s)
                        && joined(s)
            })
        })
        .map(|(r, _)| *r)
        .collect();
    (role, also)
}

/// A run of top-level headings that name no part, before the shortcomings and plans
/// parts, reports the year's work by theme (`一、依法全面履行政府职能`): it is the
/// measures part — unless its text reads as a plan (plan words, no sign of work done).
fn mark_thematic(
    text: &str,
    lines: &[Line],
    roots: &mut [Section],
    cfg: &SectionsConfig,
    words: &PlanWords,
) {
    let end = roots
        .iter()
        .position(|s| matches!(s.role, Role::Shortcomings | Role::Plans))
        .unwrap_or(roots.len());
    let run: Vec<usize> = (0..end)
        .filter(|&i| {
            let s = &roots[i];
            let heading = &text[s.heading.clone()];
            s.level == 1
                && s.role == Role::Other
                && !cfg
                    .not_thematic_words
                    .iter()
                    .any(|w| heading.contains(w.as_str()))
        })
        .collect();
    let bodies = || {
        run.iter().flat_map(|&i| {
            let s = &roots[i];
            lines[s.line..s.end_line].iter().map(|l| &text[l.span()])
        })
    };
    let has_any = |words: &AnyOf| bodies().any(|t| words.is_in(t));
    if !has_any(&words.done) && has_any(&words.planned) {
        return;
    }
    for i in run {
        roots[i].role = Role::Measures;
        roots[i].thematic = true;
    }
}

/// The report year: from the title (or a page's title field, `标题：…`), else the
/// `measures` heading, else a `YYYY年度` in
/// the preamble, else the `plans` heading's year before, else any top-level heading,
/// else the preamble, else the first lines of the `measures` part.
fn report_year(text: &str, o: &Outline, title_words: &[String]) -> Option<i32> {
    let heading_year = |s: &Section| first_year(&text[s.heading.clone()]);
    let measures = o.parts(Role::Measures).find_map(heading_year);
    let plans = o.parts(Role::Plans).find_map(heading_year);
    if let Some(y) = o
        .title_or_field(text, title_words)
        .and_then(|t| first_year(&t))
    {
        // A slip in the title's year (`2022年度…报告` over `一、2023年…举措和成效` and
        // `四、2024年工作安排`): the two headings agreeing with each other tell the year.
        return match (measures, plans) {
            (Some(m), Some(p)) if m != y && p == m + 1 => Some(m),
            _ => Some(y),
        };
    }
    let other = || {
        o.sections.iter().find_map(|s| {
            let y = heading_year(s)?;
            Some(if s.role == Role::Plans { y - 1 } else { y })
        })
    };
    let preamble_lines = || {
        let first = o.sections.first().map_or(o.lines.len(), |s| s.line);
        o.lines[..first]
            .iter()
            .filter(|l| l.kind == LineKind::Paragraph)
            .map(|l| &text[l.span()])
    };
    // `现将2023年度…报告如下` names the year before any heading does (a heading naming
    // no part may name the year after: `四、2024年重点工作`).
    let annual = || {
        preamble_lines()
            .find_map(|l| years(l).find(|(_, rest)| rest.starts_with('度')))
            .map(|(year, _)| year)
    };
    let preamble = || preamble_lines().find_map(work_year);
    // The first lines of the measures part tell the year's work (`2021年，党组…`).
    let body = || {
        o.parts(Role::Measures).find_map(|s| {
            o.lines[s.line + 1..s.end_line.min(s.line + 6)]
                .iter()
                .filter(|l| matches!(l.kind, LineKind::Paragraph | LineKind::Heading))
                .find_map(|l| first_year(&text[l.span()]))
        })
    };
    let planned = plans.map(|p| p - 1);
    // A thematic measures heading naming an earlier year's work (`一、巩固2023年…示范
    // 创建成果`) under plans for the year after another: the plans heading tells the
    // year when the shortcomings heading or the preamble says the same.
    let measures = match (measures, planned) {
        (Some(m), Some(y)) if m != y => {
            let shortcomings = o.parts(Role::Shortcomings).find_map(heading_year);
            let agreed = shortcomings == Some(y) || annual() == Some(y) || preamble() == Some(y);
            Some(if agreed { y } else { m })
        }
        _ => measures,
    };
    measures
        .or_else(annual)
        .or(planned)
        .or_else(other)
        .or_else(preamble)
        .or_else(body)
}

/// Without a plans part, a top-level heading naming no part (or the measures, after
/// the measures part) but the year after the report's ([`names_next_year`]:
/// `四、2024年重点工作`, `四、2024年推进法治政府建设的重点任务`) is the plans part: an
/// annual report has nothing else to say about that year.
fn next_year_as_plans(text: &str, o: &mut Outline) {
    let Some(year) = o.report_year else {
        return;
    };
    if o.sections.iter().any(|s| s.role == Role::Plans) {
        return;
    }
    // (Also a measures heading after the first, `四、2024年推进法治政府建设的主要举措`:
    // the next year's measures are its plans.)
    let first_measures = o.sections.iter().position(|s| s.role == Role::Measures);
    if let Some(s) = o.sections.iter_mut().enumerate().find_map(|(i, s)| {
        let later_measures = s.role == Role::Measures && first_measures.is_some_and(|f| f < i);
        ((s.role == Role::Other || later_measures)
            && !s.thematic
            && names_next_year(&text[s.heading.clone()], year))
        .then_some(s)
    }) {
        s.role = Role::Plans;
    }
}

/// The five-year plans by the year each starts (from the 6th on, every five years from
/// 1981): `十四五` 2021–2025, `十五五` 2026–2030.
const FIVE_YEAR_PLANS: [(&str, i32); 3] = [("十四五", 2021), ("十五五", 2026), ("十六五", 2031)];

/// Whether `heading` names the year after `year` (the report's): by its number
/// (`2024年重点工作`), as the new year (`新一年`, `新的一年`, `明年`, `来年`, `未来一年`), or
/// as the five-year plan that starts then (in a 2025 report, `“十五五”开局之年重点工作`).
fn names_next_year(heading: &str, year: i32) -> bool {
    const NEXT_YEAR: [&str; 5] = ["新一年", "新的一年", "明年", "来年", "未来一年"];
    first_year(heading) == Some(year + 1)
        || NEXT_YEAR.iter().any(|w| heading.contains(w))
        || FIVE_YEAR_PLANS
            .iter()
            .any(|&(plan, start)| start == year + 1 && heading.contains(plan))
}

/// The issuing organ: the one the title names (before `关于` or the year), else the
/// signature's, else the metadata's (`发文机关`, then a hosting site's `发布机构`), else
/// the place the title names (`2023年某市法治政府建设…` → `某市`).
fn issuer(text: &str, o: &Outline, cfg: &OutlineConfig) -> Option<String> {
    let title = o.title_text(text).map(|t| {
        // Joint organs set apart by a space (`中共某县委 某县人民政府关于…`) are two.
        let first = o
            .title
            .first()
            .map(|&i| text[o.lines[i].span()].trim_matches(is_blank));
        first.and_then(|line| joint_organs(line, &t)).unwrap_or(t)
    });
    let head = title.as_deref().map(title_organ).unwrap_or_default();
    if ORGAN_SUFFIXES.iter().any(|s| head.ends_with(s)) {
        return Some(head.to_string());
    }
    if let Some(span) = &o.signature.organ {
        return Some(text[span.clone()].to_string());
    }
    // A title naming only its area (`下陆区2024年法治政府建设工作报告`) is the area's
    // government's report, whichever department the site says published it
    // (`发布机构: 下陆区司法局`).
    let area = !head.is_empty() && at_most(head, 20);
    let place = area && head.ends_with(PLACE_ENDS);
    if let Some(m) = o
        .meta_values(&cfg.issuer_keys)
        .find(|m| !m.value.is_empty())
        .filter(|m| !place || m.value.starts_with(head) && m.value.ends_with("政府"))
    {
        return Some(m.value.clone());
    }
    area.then(|| head.to_string())
}

/// `title` (the title's text, blanks left out) with a 顿号 where its first `line` sets
/// two organs apart by a space (`中共某县委 某县人民政府关于…` → `中共某县委、某县人民
/// 政府关于…`): words of three characters or more each, the first ending in an organ's
/// suffix, the second naming more than `关于` and the year. Not a title spaced letter by
/// letter.
fn joint_organs(line: &str, title: &str) -> Option<String> {
    let words: Vec<&str> = line.split(is_blank).filter(|w| !w.is_empty()).collect();
    let (first, second) = (words.first()?, words.get(1)?);
    let organ = |w: &str| ORGAN_SUFFIXES.iter().any(|s| w.ends_with(s));
    let long = |w: &str| w.chars().nth(2).is_some();
    let joined = format!("{first}{second}");
    // (The second names something before its `关于` or year: not `某局 关于2023年…`.)
    let second_organ = match title_organ(second) {
        "" if second.contains("关于") || second.contains(|c: char| c.is_ascii_digit()) => {
            return None;
        }
        "" => second,
        o => o,
    };
    let joint = organ(first) && long(first) && long(second_organ);
    (joint && title.starts_with(&joined)).then(|| format!("{first}、{}", &title[first.len()..]))
}

/// After the 落款, a page number in the forms a PDF export or Word's footer leaves: `2`,
/// `2/3`, `·2·`, `~2~`, `Page 2`, `共3页第2页` (anywhere else a bare number may be a
/// table's cell).
fn is_bare_page_number(t: &str) -> bool {
    let digits = |s: &str| (1..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    let t = t.trim_matches(['·', '•', '~', '～', ' ', '\u{3000}']);
    let t = t
        .strip_prefix("Page")
        .or_else(|| t.strip_prefix("page"))
        .map_or(t, str::trim);
    let of = t
        .split_once('/')
        .is_some_and(|(a, b)| digits(a.trim()) && digits(b.trim()));
    let total_first = t
        .strip_prefix('共')
        .and_then(|r| r.split_once("页"))
        .is_some_and(|(n, rest)| digits(n.trim()) && is_page_number(rest));
    digits(t) || of || total_first
}

/// A line of three or more rule characters and nothing else but blanks (`---`, `===`,
/// `* * *`, `———`).
fn is_rule_line(line: &str) -> bool {
    let mut marks = 0;
    for c in line.chars() {
        match c {
            '-' | '=' | '_' | '*' | '—' | '─' | '━' | '－' | '＝' | '＊' => marks += 1,
            c if is_blank(c) => {}
            _ => return false,
        }
    }
    marks >= 3
}

/// A line holding only a page number: between dashes (`— 3 —`, `-3-`) or as `第3页`,
/// `第 3 页 共 8 页`.
fn is_page_number(line: &str) -> bool {
    const DASHES: [char; 6] = ['-', '—', '–', '－', '─', '―'];
    let t = line.trim_matches(is_blank);
    if t.len() > 40 {
        return false;
    }
    let digits = |s: &str| (1..=4).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    let dashed = t
        .strip_prefix(DASHES)
        .and_then(|t| t.strip_suffix(DASHES))
        .map(|t| t.trim_matches(DASHES).trim_matches(is_blank))
        .is_some_and(digits);
    // `第3页`, with `共8页` after it or not.
    let number = |s: &str, lead: &str| {
        s.strip_prefix(lead)
            .is_some_and(|n| digits(n.trim_matches(is_blank)))
    };
    let numbered = t.split_once('页').is_some_and(|(page, rest)| {
        let rest = rest
            .trim_start_matches([',', '，', '/', '、'])
            .trim_matches(is_blank);
        number(page, "第")
            && (rest.is_empty() || rest.strip_suffix('页').is_some_and(|r| number(r, "共")))
    });
    dashed || numbered
}

/// Whether a line break falls inside or at a cited title: `first` leaves a 《 open, ends
/// one, or `second` opens one.
fn breaks_at_book_title(first: &str, second: &str) -> bool {
    let first = first.trim_end_matches(is_blank);
    first.matches('《').count() > first.matches('》').count()
        || first.ends_with('》')
        || second.trim_start_matches(is_blank).starts_with('《')
}

/// The 落款's date line found among the last lines: its index among them, its line, and
/// its date with whether the organ shares its line (`None`: a date without its day).
type ClosingDate = (usize, usize, Option<(lines::DateText, bool)>);

/// A site's clock in its header, saved with the page: a generic label, then the day the
/// page was saved with its weekday (`日期：2025年4月8日 星期二`, `今天是：…周二`). A
/// dated field of the page (`发布时间：…`) keeps its date, weekday or not.
fn is_clock(line: &str) -> bool {
    const LABELS: [&str; 6] = ["日期", "时间", "今天是", "今天", "当前时间", "当前日期"];
    let line = line.trim_start_matches(is_blank);
    // (The label is a few characters: no line is read further unless it opens so.)
    let Some((at, colon)) = line
        .char_indices()
        .take(6)
        .find(|&(_, c)| matches!(c, '：' | ':'))
    else {
        return false;
    };
    if !LABELS.contains(&line[..at].trim_end_matches(is_blank)) {
        return false;
    }
    let value = &line[at + colon.len_utf8()..];
    let weekday = ["星期", "礼拜", "周"].iter().any(|w| {
        value.match_indices(w).any(|(at, _)| {
            value[at + w.len()..]
                .chars()
                .next()
                .is_some_and(|c| "一二三四五六日天".contains(c))
        })
    });
    weekday && value.contains(char::is_numeric)
}

/// A footnote printed at the foot of the last page, under the 落款 (a PDF's text keeps
/// its number as a plain figure): `1行政执法案卷评查按照…考核。`, `①…`, `[1]…`, `※…`,
/// `注1：…`.
fn is_footnote(line: &str) -> bool {
    let t = line.trim_start_matches(is_blank);
    let digits = |s: &str| s.chars().take_while(char::is_ascii_digit).count();
    // `注1：`, `注2:` (a bare `注：` is a closing word).
    let note = t.strip_prefix('注').is_some_and(|r| {
        let n = digits(r);
        n > 0 && r[n..].starts_with(['：', ':'])
    });
    let circled = t.starts_with(|c: char| ('①'..='⑳').contains(&c) || "¹²³⁴⁵⁶⁷⁸⁹".contains(c));
    // `[1]`, `［1］`, `*`, `※`: the marks Word and writers put before a note.
    let bracketed = [('[', ']'), ('［', '］')].iter().any(|&(open, close)| {
        t.strip_prefix(open)
            .is_some_and(|r| (1..=2).contains(&digits(r)) && r[digits(r)..].starts_with(close))
    });
    let starred = t.starts_with(['*', '＊', '※']);
    // A Markdown footnote's definition (`[^1]: 含…`), put at the end by pandoc.
    let markdown = t.starts_with("[^") && t.contains("]:");
    let n = digits(t);
    let numbered = (1..=2).contains(&n)
        && t[n..]
            .chars()
            .next()
            .is_some_and(|c| is_han(c) && !"年月日号期届次个件项条".contains(c));
    note || markdown
        || (circled || bracketed || starred || numbered) && t.ends_with(['。', '）', ')'])
}

/// How many lines of the 附注 may stand between the 落款's date and the attachments.
const NOTES_BEFORE_ATTACHMENTS: usize = 3;

/// Whether a line opens the 版记 with its label, spaced out or not (`抄送：`, `抄　送：`,
/// `抄报：` in a report sent upward, `分送：`, and `主送：` moved there, GB/T 9704 7.3.2).
fn is_banji_label(line: &str) -> bool {
    let head: String = line.chars().filter(|&c| !is_blank(c)).take(3).collect();
    ["抄送", "抄报", "分送", "报送：", "主送："]
        .iter()
        .any(|l| head.starts_with(l))
}

/// The fewest characters of a line ending in a colon that introduces what follows
/// rather than labels a widget.
const LEAD_IN_CHARS: usize = 10;

/// Dashes that open a subtitle (`——某局2023年度…报告`).
const DASHES: [char; 4] = ['—', '－', '-', '─'];

/// The organ or place a title opens with: before `关于` or the year, or, when the year
/// comes first, between the year and `法治`.
fn title_organ(title: &str) -> &str {
    // A web column's tag before the title (`【法治建设报告】某省司法厅…`) is not the organ.
    let title = title
        .strip_prefix('【')
        .and_then(|t| t.split_once('】'))
        .map_or(title, |(_, rest)| rest);
    // Nor are the book-title marks a page wraps it in, or a subtitle's dash.
    let title = title.trim_start_matches(['《', ' ', '\u{3000}']);
    let title = ["——", "--", "－－"]
        .iter()
        .find_map(|d| title.rfind(d).map(|at| &title[at..]))
        .map_or(title, |subtitle| subtitle.trim_start_matches(DASHES));
    if let Some(at) = title.find("关于") {
        return title[..at].trim();
    }
    let Some(digit) = title.find(|c: char| c.is_ascii_digit()) else {
        return "";
    };
    if digit > 0 {
        // A news headline's verb (`某部发布2023年…报告`) is not the organ's.
        let head = title[..digit].trim();
        return ["发布", "印发", "公布"]
            .iter()
            .find_map(|v| head.strip_suffix(v))
            .unwrap_or(head)
            .trim();
    }
    let after_year = title[digit..]
        .find('年')
        .map_or("", |at| &title[digit + at + '年'.len_utf8()..]);
    let after_year = after_year.trim_start_matches('度');
    after_year
        .find("法治")
        .map_or("", |at| after_year[..at].trim())
}

/// Runs of `一是`, `二是`, …: within a paragraph, and across paragraphs that open with
/// the next number (`一是…` / `二是…` / `三是…`, each its own paragraph). A heading
/// starts a new run, but for the `1.`, `（1）` items under an item (lines `sub_items`).
fn enumerations(text: &str, lines: &[Line], sub_items: &[usize]) -> Vec<Vec<Enumeration>> {
    let mut runs: Vec<Vec<Enumeration>> = Vec::new();
    let mut open = false;
    // Where in the open run the items of the line before begin, when that line opened
    // with one.
    let mut opener: Option<usize> = None;
    // The index of the line before, when it was a paragraph.
    let mut paragraph_before: Option<usize> = None;
    // The index of the line before, not counting a page's number (`— 5 —`) between two
    // lines of a paragraph hard-wrapped.
    let mut line_before: Option<usize> = None;
    // Whether the paragraph line before stops inside a sentence (on a character, not a
    // mark), so that blank lines after it are a page break inside the paragraph.
    let mut unfinished = false;
    for (i, l) in lines.iter().enumerate() {
        if l.kind == LineKind::Blank && (unfinished || is_page_number(&text[l.span()])) {
            continue;
        }
        unfinished = l.kind == LineKind::Paragraph
            && (text[l.span()]
                .trim_end_matches(is_blank)
                .chars()
                .next_back())
            .is_some_and(crate::inline::is_ideograph);
        let before = line_before.replace(i);
        if !matches!(l.kind, LineKind::Paragraph | LineKind::Heading) {
            continue;
        }
        let mut items = enumeration_items(&text[l.span()], l.span().start);
        // (Also after a Markdown bold mark: `**一是…。**原因是…`.)
        let opens_line = items.first().is_some_and(|e| {
            (text[l.span().start..e.span.start].chars()).all(|c| is_blank(c) || c == '*')
        });
        // A line right under a paragraph, not opening with an item, may be the same
        // paragraph hard-wrapped (a copy from a PDF): its items go on the run.
        let wrapped = paragraph_before.is_some() && paragraph_before == before;
        // (An item's number split from its 是 by the wrap: `…。二` / `是…`.)
        if let Some(p) = paragraph_before.filter(|_| wrapped)
            && let Some(split) = split_item(text, lines[p].span(), l.span())
        {
            items.insert(0, split);
        }
        paragraph_before = (l.kind == LineKind::Paragraph).then_some(i);
        let follows = |run: &Vec<Enumeration>, k: usize| items[0].number == run[k].number + 1;
        let run = runs
            .last_mut()
            .filter(|_| open && l.kind == LineKind::Paragraph && (opens_line || wrapped))
            .filter(|_| !items.is_empty());
        match run {
            Some(run) if follows(run, run.len() - 1) => {
                opener = Some(run.len());
                run.extend(items);
            }
            // Paragraphs opening `一是…二是…` / `二是…` / `三是…`: the openers run in
            // order; the `二是` inside the first paragraph is not told apart from a
            // slip, so it is left out rather than reported.
            Some(run) if opener.is_some_and(|k| follows(run, k)) => {
                let k = opener.unwrap_or_default();
                run.truncate(k + 1);
                opener = Some(run.len());
                run.extend(items);
            }
            _ if !items.is_empty() => {
                opener = opens_line.then_some(0);
                runs.push(items);
                open = true;
            }
            _ => {
                opener = None;
                if l.kind == LineKind::Heading && sub_items.binary_search(&i).is_err() {
                    open = false;
                }
            }
        }
    }
    runs
}

fn enumeration_items(line: &str, base: usize) -> Vec<Enumeration> {
    let mut items = Vec::new();
    for (at, _) in line.match_indices('是') {
        if let Some((start, number)) = item_number(&line[..at]) {
            items.push(Enumeration {
                number,
                span: base + start..base + at + '是'.len_utf8(),
            });
        }
    }
    items
}

/// The number ending `before` (the text before a 是) that makes an item (`…；二`), and
/// where it starts: a Chinese number of up to three characters after a boundary.
fn item_number(before: &str) -> Option<(usize, u32)> {
    let digits: Vec<(usize, char)> = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| "一二三四五六七八九十".contains(*c))
        .collect();
    let &(start, _) = digits.last()?;
    let boundary = before[..start]
        .chars()
        .next_back()
        // (Also inside a quotation or a parenthesis, after a dash or a Markdown bold lead:
        // `要求：“一是…`, `（一是…，二是…）`, `3次——一是…`, `**…。**一是…`.)
        .is_none_or(|c| is_blank(c) || "。;\u{ff1b}:\u{ff1a},\u{ff0c})\u{ff09}“”(（—*".contains(c));
    let number = lines::chinese_number(&before[start..]);
    // (The first item also right after the paragraph's subject or 将: `我乡一是`,
    // `街道将一是`, `将着力一是`; not `统一是`, `之一是`.)
    let after_subject = number == 1
        && digits.len() == 1
        && before[..start]
            .chars()
            .next_back()
            .is_some_and(|c| FIRST_ITEM_AFTER.contains(c));
    let boundary = boundary || after_subject;
    (boundary && number > 0 && digits.len() <= 3).then_some((start, number))
}

/// How many of the last lines (not blank) a 落款 set in a table may take.
const SIGNATURE_TABLE_ROWS: usize = 6;

/// What a paragraph's first `一是` may follow directly: its subject (`我乡`, `街道`,
/// `我局`, `我们`) or 将 (`街道将一是…`, `将着力一是…`).
const FIRST_ITEM_AFTER: &str = "将乡镇道局县市区委府们力";

/// An item whose number ends the line at `above` and whose 是 opens the line at `line`,
/// the paragraph hard-wrapped between them (`…主要原因是编制少。二` / `是纠错率偏高…`).
fn split_item(text: &str, above: Range<usize>, line: Range<usize>) -> Option<Enumeration> {
    let rest = text[line.clone()].trim_start_matches(is_blank);
    if !rest.starts_with('是') {
        return None;
    }
    let above_text = text[above.clone()].trim_end_matches(is_blank);
    let (start, number) = item_number(above_text)?;
    // (Not a whole line of a number alone: that is no wrapped paragraph's end.)
    if above_text[..start].trim_matches(is_blank).is_empty() {
        return None;
    }
    let at = line.end - rest.len();
    Some(Enumeration {
        number,
        span: above.start + start..at + '是'.len_utf8(),
    })
}

/// The first `YYYY年` (1900–2100) in `s`, also in Chinese numerals (`二〇二三年`),
/// allowing spaces before 年: never one inside a cited title (`《…》`, unless it wraps
/// all of `s` and names a 报告: a page's title) or a range (`2021—2025年`).
pub fn first_year(s: &str) -> Option<i32> {
    years(s).next().map(|(year, _)| year)
}

/// The years in `s` that start a span running to the present (`2021年以来`).
pub fn years_to_now(s: &str) -> impl Iterator<Item = i32> {
    years(s)
        .filter(|(_, rest)| runs_to_now(rest))
        .map(|(year, _)| year)
}

/// Every year [`first_year`] would take in `s`, in order, each with the text after its 年.
fn years(s: &str) -> impl Iterator<Item = (i32, &str)> {
    // A title the page wrapped in book-title marks (`《某县…的报告》`) cites nothing.
    let t = s.trim_matches(is_blank);
    let s = match t.strip_prefix('《').and_then(|t| t.strip_suffix('》')) {
        Some(inner) if !inner.contains(['《', '》']) && inner.contains("报告") => inner,
        _ => s,
    };
    let b = s.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < b.len() {
            if b[i..].starts_with("《".as_bytes()) {
                depth += 1;
            } else if b[i..].starts_with("》".as_bytes()) {
                depth = depth.saturating_sub(1);
            }
            // (A year 1900–2100 in Chinese numerals opens with 一 or 二.)
            if (b[i..].starts_with("一".as_bytes()) || b[i..].starts_with("二".as_bytes()))
                && depth == 0
                && let Some((year, len)) = chinese_year(&s[i..])
            {
                i += len;
                if let Some(rest) = s[i..].trim_start_matches(' ').strip_prefix('年')
                    && (1900..=2100).contains(&year)
                {
                    return Some((year, rest));
                }
                continue;
            }
            let run = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
            if run == 0 {
                i += 1;
                continue;
            }
            let at = i;
            i += run;
            if run == 4 && depth == 0 {
                let after = s[at + 4..].trim_start_matches(' ');
                if let Some(rest) = after.strip_prefix('年')
                    && let Ok(year) = s[at..at + 4].parse::<i32>()
                    && (1900..=2100).contains(&year)
                    && !range_follows(rest)
                    && !range_precedes(&s[..at])
                {
                    return Some((year, rest));
                }
            }
        }
        None
    })
}

/// Whether the text after a year's 年 makes it the start of a span running to the
/// present (`2021年以来`): the span takes in the report's year, so it names no other.
pub fn runs_to_now(rest: &str) -> bool {
    rest.trim_start_matches(' ').starts_with("以来")
}

/// Whether the text after a year's 年 makes it a goal's year or the date of an act, not
/// the period a heading covers (`紧扣2020年基本建成法治政府目标`, `锚定2025年法治政府建设
/// 目标`, `全面实施2023年修订的《行政复议法》`).
pub fn names_goal(rest: &str) -> bool {
    const ACTS: [&str; 8] = [
        "基本建成",
        "全面建成",
        "建成",
        "修订",
        "修正",
        "颁布",
        "印发",
        "施行",
    ];
    let rest = rest.trim_start_matches(' ');
    let clause = &rest[..rest
        .find(['，', ',', '；', '。', '：'])
        .unwrap_or(rest.len())];
    ACTS.iter().any(|a| rest.starts_with(a)) || clause.contains("目标")
}

/// The years in `s` that date the period it speaks of (`2023年主要举措和成效`), not a
/// goal's or an act's ([`names_goal`]).
pub fn period_years(s: &str) -> impl Iterator<Item = i32> {
    years(s)
        .filter(|(_, rest)| !names_goal(rest))
        .map(|(year, _)| year)
}

/// Four Chinese numerals at the start of `s` (`二〇二三`, with 零, O or ○ for 〇): the
/// year and its length in bytes.
fn chinese_year(s: &str) -> Option<(i32, usize)> {
    let digit = |c: char| "一二三四五六七八九〇零O○\u{FF2F}".contains(c);
    let len: usize = s
        .chars()
        .take(4)
        .take_while(|&c| digit(c))
        .map(char::len_utf8)
        .sum();
    let year = &s[..len];
    (year.chars().count() == 4).then(|| (lines::cn_year_value(year) as i32, len))
}

/// The year of the work a preamble tells: the first `YYYY年度`, else the first year that
/// does not begin a date (`2024年1月，按照…部署，对2023年度…进行总结` is about 2023),
/// else the first year.
fn work_year(s: &str) -> Option<i32> {
    let begins_date = |rest: &str| rest.trim_start().starts_with(|c: char| c.is_ascii_digit());
    years(s)
        .find(|(_, rest)| rest.starts_with('度'))
        .or_else(|| years(s).find(|(_, rest)| !begins_date(rest)))
        .or_else(|| years(s).next())
        .map(|(year, _)| year)
}

const RANGE_SEPARATORS: &[char] = &['-', '—', '–', '―', '～', '~', '〜', '－', '至'];

/// `rest` (after a year's 年) goes on to another year: `—2025年`.
fn range_follows(rest: &str) -> bool {
    let Some(rest) = rest.trim_start().strip_prefix(RANGE_SEPARATORS) else {
        return false;
    };
    let rest = rest.trim_start();
    rest.len() >= 4 && rest.as_bytes()[..4].iter().all(u8::is_ascii_digit)
}

/// `before` (the text before a year) ends with a year and a range separator: `2021—`.
fn range_precedes(before: &str) -> bool {
    let Some(before) = before.trim_end().strip_suffix(RANGE_SEPARATORS) else {
        return false;
    };
    let before = before.trim_end().trim_end_matches('年').trim_end();
    let b = before.as_bytes();
    b.len() >= 4 && b[b.len() - 4..].iter().all(u8::is_ascii_digit)
}

/// Whether `key` is the key `name`, spaced out or not (`索 引 号`, `标　　题`).
pub fn is_key(key: &str, name: &str) -> bool {
    name.chars().eq(key.chars().filter(|&c| !is_key_blank(c)))
}

/// The blanks a key may be spaced out with (`索 引 号`, `标　　题`).
fn is_key_blank(c: char) -> bool {
    matches!(c, ' ' | '\u{3000}' | '\u{a0}')
}

/// `key` without the blanks it is spaced out with.
fn packed(key: &str) -> String {
    key.chars().filter(|&c| !is_key_blank(c)).collect()
}

/// `t` without a form's note where the seal goes (`某县司法局（盖章）`,
/// `报告单位（盖章）`).
fn without_seal(t: &str) -> &str {
    [
        "（盖章）",
        "(盖章)",
        "（公章）",
        "(公章)",
        "（印章）",
        "(印章)",
        "（签章）",
        "(签章)",
    ]
    .iter()
    .find_map(|note| t.strip_suffix(note))
    .map_or(t, |rest| rest.trim_end_matches(is_blank))
}

/// A form's note alone on its line where the seal goes: `（盖章）`, `（单位盖章）`, `盖章`.
fn is_seal_note(t: &str) -> bool {
    let note = t.trim_matches(|c| is_blank(c) || matches!(c, '（' | '）' | '(' | ')'));
    note.ends_with('章') && note.chars().count() <= 4
}

/// White space or an invisible character: what may surround a line's text without
/// changing what the line is.
pub fn is_blank(c: char) -> bool {
    c.is_whitespace() || is_invisible(c)
}

/// `s` without the characters that do not show ([`is_invisible`]).
pub fn visible(s: &str) -> Cow<'_, str> {
    if s.contains(is_invisible) {
        Cow::Owned(s.replace(is_invisible, ""))
    } else {
        Cow::Borrowed(s)
    }
}

/// The ordinal of a numbering system the grammar does not read, opening a heading:
/// Roman numerals (`Ⅰ、`, `II.`), capital Chinese numerals (`壹、`), `第一、`, a capital
/// letter (`A、`), each with its mark or a space after it, or a circled number (`①`).
/// Returns the marker's length in bytes with its mark and spaces.
fn other_ordinal(t: &str) -> Option<usize> {
    const ROMAN: &str = "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ";
    const CAPITALS: &str = "壹贰叁肆伍陆柒捌玖拾";
    let first = t.chars().next()?;
    if ('①'..='⑳').contains(&first) {
        let rest = t[first.len_utf8()..].trim_start_matches(is_blank);
        return Some(t.len() - rest.len());
    }
    let digits = if ROMAN.contains(first) {
        first.len_utf8()
    } else if CAPITALS.contains(first) {
        t.find(|c: char| !CAPITALS.contains(c))?
    } else if let Some(rest) = t.strip_prefix('第') {
        let n = rest.find(|c: char| !"一二三四五六七八九十".contains(c))?;
        if n == 0 || !rest[n..].starts_with(['、', '，']) {
            return None;
        }
        '第'.len_utf8() + n
    } else if first.is_ascii_uppercase() {
        let n = t
            .find(|c: char| !"IVX".contains(c))
            .unwrap_or(t.len())
            .max(1);
        if n > 4 || n > 1 && !t[..n].bytes().all(|b| b"IVX".contains(&b)) {
            return None;
        }
        n
    } else {
        return None;
    };
    let rest = &t[digits..];
    let after = rest
        .strip_prefix(['、', '.', '．', '，'])
        .unwrap_or(rest)
        .trim_start_matches(is_blank);
    // A mark or a space must follow (`A.`, `Ⅰ 总体情况`), then the heading's words, not
    // a Latin word (`I.e.`, `A. Smith`).
    (after.len() < rest.len()
        && !after.is_empty()
        && !after.starts_with(|c: char| c.is_ascii_alphabetic()))
    .then_some(t.len() - after.len())
}

/// A zero-width space or joiner, a word joiner, U+FEFF, a soft hyphen, a mark or control
/// of text direction: nothing shows (a soft hyphen only where a line wraps).
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{061C}'
            | '\u{2060}'
            | '\u{FEFF}'
            | '\u{AD}'
    )
}

/// Whether line `i` (of kind `r`) is a heading only because the reader styled it: no
/// number of its own.
fn styled_unnumbered(source: &Source, i: usize, r: &RawKind) -> bool {
    source.heading_level(i).is_some()
        && matches!(r, RawKind::Heading(h) if h.style == NumberStyle::Unnumbered)
}

/// The fields of a line of `key: value` fields: each known key of `keys` followed by a
/// colon, as where its key starts (see [`key_start`]), where the known key ends and where
/// its value starts.
fn field_keys_in<'a>(
    keys: &'a WordMatcher,
    line: &'a str,
) -> impl Iterator<Item = (usize, usize, usize)> + 'a {
    keys.find_iter(line).filter_map(|hit| {
        let after = &line[hit.end()..];
        let rest = after.trim_start_matches([' ', '\u{3000}']);
        let colon = rest
            .chars()
            .next()
            .filter(|c| matches!(c, ':' | '\u{ff1a}'))?;
        let value = hit.end() + (after.len() - rest.len()) + colon.len_utf8();
        Some((key_start(line, hit.start()), hit.end(), value))
    })
}

/// Where the key ending in a known key found at `at` starts: a field named by a few more
/// characters (`更新日期：`, `废止日期：`, `最后修改时间：` ending in 日期 or 时间) is that
/// other field, whose value is no publication date; a longer run of text before the key
/// is the previous value, run on (`来源：某县司法局发布时间：…`).
fn key_start(line: &str, at: usize) -> usize {
    let before = &line[..at];
    // (Ideographs only: an ideographic space before the key ends the value before it.)
    let word = before.trim_end_matches(crate::inline::is_ideograph);
    let longer = before[word.len()..].chars().count();
    let boundary = word.is_empty() || word.ends_with(|c: char| !c.is_alphanumeric());
    if (1..=4).contains(&longer) && boundary {
        word.len()
    } else {
        at
    }
}

/// What surrounds the `完` or `END` that ends a news page's copy: `（完）`, `—完—`,
/// `【完】`, `— END —`.
const END_MARK_TRIM: &[char] = &[
    '(', '（', ')', '）', '-', '—', '【', '】', '[', ']', ' ', '\u{3000}',
];

/// A page's attachment link: a file name (`某县2023年度法治政府建设情况报告.pdf`).
fn is_file_name(t: &str) -> bool {
    const EXTENSIONS: &[&str] = &[
        ".pdf", ".doc", ".docx", ".wps", ".ofd", ".xls", ".xlsx", ".et", ".zip", ".rar", ".txt",
    ];
    let lower = t.to_ascii_lowercase();
    !t.contains(SENTENCE_PUNCT)
        && EXTENSIONS
            .iter()
            .any(|e| lower.ends_with(e) && lower.len() > e.len())
}

fn starts_with_any(s: &str, words: &[String]) -> bool {
    words.iter().any(|w| s.starts_with(w.as_str()))
}

/// Whether `s` has at most `n` characters, without counting a long line to its end.
fn at_most(s: &str, n: usize) -> bool {
    s.chars().nth(n).is_none()
}

/// `span` without leading and trailing spaces (including full-width and no-break).
pub fn trim_span(text: &str, span: Range<usize>) -> Range<usize> {
    let s = &text[span.clone()];
    let start = span.start + (s.len() - s.trim_start_matches(is_blank).len());
    let end = span.end - (s.len() - s.trim_end_matches(is_blank).len());
    start..end.max(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outline(text: &str) -> Outline {
        Outliner::new(&Config::builtin()).build(&Source::new("t.txt", text.to_string()))
    }

    /// The kinds of the outline's lines, in order.
    fn kinds(o: &Outline) -> Vec<LineKind> {
        o.lines.iter().map(|l| l.kind).collect()
    }

    /// The roles of the top-level sections, in order.
    fn top_roles(o: &Outline) -> Vec<Role> {
        o.sections.iter().map(|s| s.role).collect()
    }

    /// The metadata read, as (key, value) pairs in order.
    fn meta_pairs(o: &Outline) -> Vec<(&str, &str)> {
        o.metadata
            .iter()
            .map(|m| (m.key.as_str(), m.value.as_str()))
            .collect()
    }

    #[test]
    fn finds_title_sections_roles_and_signature() {
        let text = "2023年某市法治政府建设年度报告\n\n2023年,我市扎实推进法治政府建设。\n一、2023年主要工作情况\n(一)抓统筹。一是强化领导。二是压实责任。\n二、存在问题\n仍有差距。\n三、党政主要负责人履行推进法治建设第一责任人职责情况\n认真履职。\n四、2024年工作计划\n继续推进。\n某市人民政府\n2024年1月26日\n";
        let o = outline(text);
        assert_eq!(o.title, [0]);
        assert_eq!(o.report_year, Some(2023));
        let roles: Vec<Role> = o.sections.iter().map(|s| s.role).collect();
        assert_eq!(
            roles,
            [
                Role::Measures,
                Role::Shortcomings,
                Role::Duties,
                Role::Plans
            ]
        );
        assert_eq!(o.sections[0].children.len(), 1);
        assert_eq!(o.issuer.as_deref(), Some("某市人民政府"));
        let (date, _) = o.signature.date.unwrap();
        assert_eq!(date.to_string(), "2024-01-26");
        let items: Vec<u32> = o.enumerations[0].iter().map(|e| e.number).collect();
        assert_eq!(items, [1, 2]);
    }

    /// `1.2023年…` is a heading followed by a year; `1.5亿元` is a number.
    #[test]
    fn an_arabic_ordinal_may_be_followed_by_a_year() {
        let o =
            outline("1.2023年主要工作情况\n全年办理案件12件。\n2.存在的问题\n1.5亿元资金到位。\n");
        let headings: Vec<u32> = o.walk().map(|s| s.number).collect();
        assert_eq!(headings, [1, 2]);
        assert_eq!(o.sections[0].role, Role::Measures);
    }

    /// The 附注 run on to the date line (a page that lost the line break) is closing
    /// matter, not part of the date; a parenthesis naming no closing matter is no 落款.
    #[test]
    fn a_date_line_with_its_annotation_run_on_closes_the_report() {
        let body = "一、2023年主要工作情况\n全年办理案件12件。\n某市人民政府\n";
        for end in [
            "2024年1月26日（此件公开发布）",
            "　2024年1月26日(此件主动公开)",
        ] {
            let o = outline(&format!("{body}{end}\n"));
            let (date, _) = o.signature.date.expect(end);
            assert_eq!(date.to_string(), "2024-01-26");
            assert!(o.signature.organ.is_some(), "{end}");
        }
        let o = outline(&format!("{body}2024年1月26日（会议通过）\n"));
        assert!(o.signature.date.is_none());
    }

    #[test]
    fn a_bylines_fields_are_metadata() {
        // The organ, a blank, then the page's fields (h51).
        let o = outline(
            "青川区2023年法治政府建设情况的报告\n某市青川区人民政府 发布时间:2024-03-07\n正文。\n",
        );
        assert_eq!(meta_pairs(&o), [("发布时间", "2024-03-07")]);
        assert_eq!(o.lines[1].kind, LineKind::Meta);
        // Not a sentence's words before a key, nor a 落款's organ before its date.
        for line in [
            "我们认真落实 发布时间:2024-03-07",
            "某县司法局 日期:2024-03-07",
        ] {
            let o = outline(&format!("正文。\n{line}\n正文。\n"));
            assert!(meta_pairs(&o).is_empty(), "{line}");
        }
    }

    #[test]
    fn reads_metadata_in_all_three_shapes() {
        let text = "  • 成文日期:\n\n    2024-02-19\n发布时间:2024-02-19 08:41\n索引号: | 1133/2024-239743 | 发布机构: | 县司法局 | ||\n";
        let o = outline(text);
        assert_eq!(
            meta_pairs(&o),
            [
                ("成文日期", "2024-02-19"),
                ("发布时间", "2024-02-19 08:41"),
                ("索引号", "1133/2024-239743"),
                ("发布机构", "县司法局")
            ]
        );
    }

    #[test]
    fn a_web_page_footer_after_the_signature_is_chrome() {
        for footer in [
            "责任编辑：张三",
            "上一篇：关于2022年法治政府建设情况的报告\n下一篇：关于2024年工作要点的通知",
            "相关附件：2023年度报告.pdf",
            "主办单位：某县人民政府办公室\n网站标识码：3301000001\n浙ICP备12345678号",
            "版权所有：某县人民政府 技术支持：某科技有限公司\n浙公网安备 33010002000001号",
            "联系我们 | 网站地图 | 隐私声明",
            "相关稿件",
            "编辑：张三  审核：李四",
            "用微信扫描二维码\n分享至好友和朋友圈",
        ] {
            let o = outline(&format!("正文。\n某县人民政府\n2024年1月26日\n{footer}\n"));
            assert!(
                o.signature.organ.is_some() && o.signature.date.is_some(),
                "{footer}"
            );
            let last = o.lines.iter().rev().find(|l| l.kind != LineKind::Blank);
            assert_eq!(last.map(|l| l.kind), Some(LineKind::Chrome), "{footer}");
        }
        // A note, the page's source in brackets, a document attached on the page.
        for closing in [
            "（注：本报告数据截至2023年12月31日）",
            "（来源：某县司法局）",
            "文档附件：\n某县2023年法治政府建设情况报告.pdf",
        ] {
            let o = outline(&format!("正文。\n某县人民政府\n2024年1月26日\n{closing}\n"));
            assert!(
                o.signature.organ.is_some() && o.signature.date.is_some(),
                "{closing}"
            );
        }
    }

    #[test]
    fn page_numbers_are_not_text() {
        for line in [
            "— 3 —",
            "-3-",
            "- 12 -",
            "－ 3 －",
            "第3页",
            "第 3 页 共 8 页",
            "第3页，共8页",
        ] {
            assert!(is_page_number(line), "{line}");
        }
        for line in [
            "3",
            "—",
            "-3",
            "第三页",
            "共8页",
            "第3页内容",
            "2023-2024",
            "— 2024年 —",
        ] {
            assert!(!is_page_number(line), "{line}");
        }
        // A page number after the 落款 leaves it the last text.
        let o = outline("某县人民政府\n2024年元月26日\n\n— 3 —\n");
        assert_eq!(
            o.signature.date.map(|(d, _)| d.to_string()).as_deref(),
            Some("2024-01-26")
        );
        assert!(o.signature.organ.is_some());
    }

    #[test]
    fn paragraph_openers_in_order_carry_a_run_past_an_inline_item() {
        let numbers = |text: &str| -> Vec<Vec<u32>> {
            let o = outline(text);
            let run = |r: &Vec<Enumeration>| r.iter().map(|e| e.number).collect();
            o.enumerations.iter().map(run).collect()
        };
        // 一是…二是… / 二是… / 三是…: the openers run 1, 2, 3.
        assert_eq!(
            numbers("一是健全机制。二是印发清单。\n二是规范执法。\n三是加强宣传。\n"),
            [[1, 2, 3]]
        );
        // Openers out of order still make a run of their own, to be reported.
        assert_eq!(
            numbers("一是健全机制。二是印发清单。\n三是规范执法。\n五是加强宣传。\n"),
            [vec![1, 2, 3], vec![5]]
        );
    }

    #[test]
    fn a_table_row_and_a_lead_in_naming_widgets_are_text() {
        let o = outline(
            "正文。\n门户网站首页“法治政府”专栏发布情况：\n栏目\t发布条数\t访问次数\n分享到：\n",
        );
        let kinds = kinds(&o);
        assert_eq!(
            kinds[..4],
            [
                LineKind::Paragraph,
                LineKind::Paragraph,
                LineKind::Paragraph,
                LineKind::Chrome
            ]
        );
    }

    #[test]
    fn a_quotation_set_off_with_a_marker_is_text_and_a_page_path_is_chrome() {
        let o = outline(
            "> 首页 > 政务公开 > 法治政府建设\n正文。\n> 县委主要领导强调，要把法治政府建设摆在突出位置。\n",
        );
        let kinds = kinds(&o);
        assert_eq!(
            kinds,
            [
                LineKind::Chrome,
                LineKind::Paragraph,
                LineKind::Paragraph,
                LineKind::Blank
            ]
        );
        // A case box in Markdown: its title after one `>`, a `>` alone between paragraphs.
        let o = outline(
            "正文。\n> 典型案例1：某市推行复议调解化解行政争议\n>\n> 某市复议局组织调解。\n",
        );
        let boxed: Vec<LineKind> = o.lines.iter().map(|l| l.kind).collect();
        assert_eq!(
            boxed[1..4],
            [LineKind::Paragraph, LineKind::Blank, LineKind::Paragraph]
        );
    }

    #[test]
    fn a_subtitle_under_its_main_title_names_the_issuer() {
        let o = outline(
            "坚持依法行政　护航高质量发展\n\n——某市交通运输局2023年度法治政府建设情况报告\n\n正文。\n",
        );
        assert_eq!(o.title, [0, 2]);
        assert_eq!(o.issuer.as_deref(), Some("某市交通运输局"));
        // A main title with a comma between its phrases, on the subtitle's line or above
        // it (h45).
        let o =
            outline("坚持依法行政，建设法治政府——松阳县2023年度法治政府建设情况报告\n\n正文。\n");
        assert_eq!(o.title, [0]);
        assert_eq!(o.issuer.as_deref(), Some("松阳县"));
        let o =
            outline("坚持依法行政，建设法治政府\n——松阳县2023年度法治政府建设情况报告\n\n正文。\n");
        assert_eq!(o.title, [0, 1]);
        // A sentence above a subtitle-like line is no main title.
        let o = outline(
            "全县上下齐心协力。共同推进法治建设\n——松阳县2023年度法治政府建设情况报告\n\n正文。\n",
        );
        assert_eq!(o.title, [1]);
        // Joint organs set apart by a space; a title spaced letter by letter (h45).
        for space in [" ", "\u{3000}"] {
            let o = outline(&format!(
                "中共松阳县委{space}松阳县人民政府关于2023年度法治政府建设情况的报告\n正文。\n"
            ));
            assert_eq!(o.issuer.as_deref(), Some("中共松阳县委、松阳县人民政府"));
        }
        let o =
            outline("某 县 司 法 局 关 于 2023 年 度 法 治 政 府 建 设 情 况 的 报 告\n正文。\n");
        assert_eq!(o.issuer.as_deref(), Some("某县司法局"));
        let o = outline("某县司法局 关于2023年度法治政府建设情况的报告\n正文。\n");
        assert_eq!(o.issuer.as_deref(), Some("某县司法局"));
        // A year range in a title is no subtitle.
        let o = outline("某县2021-2025年法治政府建设规划实施情况报告\n正文。\n");
        assert_eq!(o.issuer.as_deref(), Some("某县"));
        // A title naming only its area is the area's government's, whichever
        // department published it (h51).
        let o = outline(
            "名 称: 青川区2024年法治政府建设工作报告\n发布机构: 青川区司法局\n青川区2024年法治政府建设工作报告\n正文。\n",
        );
        assert_eq!(o.issuer.as_deref(), Some("青川区"));
        let o = outline("发文机关: 青川区人民政府\n青川区2024年法治政府建设工作报告\n正文。\n");
        assert_eq!(o.issuer.as_deref(), Some("青川区人民政府"));
        // A page's wrapper holding the only title: the title is its inside (h58).
        let text = "青环〔2024〕5号《青川市生态环境局2023年法治政府建设年度报告》\n发布日期：2024年2月20日\n一、主要举措和成效\n正文。\n";
        let o = outline(text);
        assert_eq!(
            o.title_text(text).as_deref(),
            Some("青川市生态环境局2023年法治政府建设年度报告")
        );
        assert_eq!(o.issuer.as_deref(), Some("青川市生态环境局"));
        // The year on a line of its own below the title is the title's (h58).
        for year in ["（2023年度）", "2023年度", "(2023年)"] {
            let text = format!(
                "江州市交通运输局法治政府建设情况报告\n{year}\n一、主要举措和成效\n正文。\n"
            );
            let o = outline(&text);
            assert_eq!(o.title, [0, 1], "{year}");
            assert_eq!(o.report_year, Some(2023), "{year}");
        }
        // The preamble's lead-in names the report too; it is no title (h51).
        for lead in [
            "现将我县2023年度法治政府建设工作总结报告如下：",
            "现将2023年度法治政府建设情况报告",
        ] {
            let o = outline(&format!(
                "青川县人民政府关于2023年度法治政府建设情况的报告\n\n{lead}\n\n一、主要举措和成效\n正文。\n"
            ));
            assert_eq!(o.title, [0], "{lead}");
            assert_eq!(o.issuer.as_deref(), Some("青川县人民政府"), "{lead}");
        }
    }

    #[test]
    fn a_markdown_title_is_read_without_its_marks() {
        let text = "# 某县人民政府关于2023年度法治政府建设情况的报告\n\n## 一、主要举措\n正文。\n";
        let o = outline(text);
        let title = o.title_text(text);
        assert_eq!(
            title.as_deref(),
            Some("某县人民政府关于2023年度法治政府建设情况的报告")
        );
        assert_eq!(o.issuer.as_deref(), Some("某县人民政府"));
    }

    #[test]
    fn a_title_broken_over_two_lines_or_with_its_organ_above() {
        let wrapped =
            outline("某局关于2023年法治政府\n建设工作情况的报告\n正文。\n一、主要举措\n正文。\n");
        assert_eq!(wrapped.title, [0, 1]);
        assert_eq!(wrapped.issuer.as_deref(), Some("某局"));
        // Over three lines, blank lines between.
        let text = "某县司法局\n\n关于2023年度法治政府建设\n\n情况的报告\n\n正文。\n一、主要举措\n";
        let three = outline(text);
        assert_eq!(three.title, [0, 2, 4]);
        assert_eq!(
            three.title_text(text).as_deref(),
            Some("某县司法局关于2023年度法治政府建设情况的报告")
        );
        let above =
            outline("某镇人民政府\n关于2024年度法治政府建设工作的报告\n正文。\n一、主要举措\n");
        assert_eq!(above.title, [0, 1]);
        // A title naming its own organ keeps the line above out.
        let own =
            outline("某镇人民政府\n某镇人民政府关于2024年度法治政府建设工作的报告\n一、主要举措\n");
        assert_eq!(own.title, [1]);
        // A page's copy of the title above the document's own, which has its organ above.
        let repeated = outline(
            "2023年法治政府建设年度报告\n某科 2023-12-29\n\n某市某局\n\n2023年法治政府建设年度报告\n\n正文。\n一、主要举措\n",
        );
        assert_eq!(repeated.title, [3, 5]);
        assert_eq!(repeated.issuer.as_deref(), Some("某市某局"));
        // A page's list item naming the report, without its bullet.
        let page = "  • 登录 | 注册\n  • 2021年度某省法治政府建设年度报告\n正文。\n一、主要举措\n";
        let listed = outline(page);
        let title = listed.title_text(page);
        assert_eq!(title.as_deref(), Some("2021年度某省法治政府建设年度报告"));
        // An older title naming 依法行政 and no 报告.
        let older = outline("某区政府2015年推进依法行政工作情况\n正文。\n一、主要举措\n");
        assert_eq!(older.title, [0]);
        // A page title naming no 报告, with a site after a dash, gives way to the plain one;
        // a news headline's verb is not the organ's.
        let suffixed = outline(
            "某省2023年度法治政府建设情况-某某官方网站\n\n某省2023年度法治政府建设情况\n一、主要举措\n",
        );
        assert_eq!(suffixed.title, [2]);
        let news = outline("应急管理部发布2023年法治政府建设年度报告\n正文。\n一、主要举措\n");
        assert_eq!(news.issuer.as_deref(), Some("应急管理部"));
        // A page title is the title only when nothing else names the report.
        let page = outline("某局关于2023年法治政府建设情况的报告-某网\n\n一、主要举措\n正文。\n");
        assert_eq!(page.title, [0]);
    }

    #[test]
    fn reads_an_information_table_copied_with_bare_keys() {
        let text = "索引号\t1133/2024-239743\t分类\t司法\n发布机构 | 某省人民政府 | 发文日期 | 2024-03-30 |\n来源　某省司法厅　　发布时间　2024-03-30 09:18\n时间\t地点\t内容\n日期 时间\n正文。\n";
        let o = outline(text);
        assert_eq!(
            meta_pairs(&o),
            [
                ("索引号", "1133/2024-239743"),
                ("分类", "司法"),
                ("发布机构", "某省人民政府"),
                ("发文日期", "2024-03-30"),
                ("来源", "某省司法厅"),
                ("发布时间", "2024-03-30 09:18"),
            ]
        );
        for m in &o.metadata {
            assert_eq!(&text[m.value_span.clone()], m.value);
        }
        // A table's header row (one key) and two keys without values are not metadata.
        let kinds = kinds(&o);
        assert_eq!(kinds[..3], [LineKind::Meta; 3]);
        assert_ne!(kinds[3], LineKind::Meta);
        assert_ne!(kinds[4], LineKind::Meta);
    }

    /// A row whose last key's cell is empty (`发文字号`, holding 字号 as the font-size
    /// widget does) is the table's row all the same.
    #[test]
    fn a_row_ending_in_an_empty_key_cell_is_metadata() {
        let text = "| 索引号 | 6207250031/2026-00047 | 发文字号 | |\n| 公开形式 | 公开目录 | 成文日期 | 2026-01-29 |\n某镇2025年法治政府建设情况报告\n";
        let o = outline(text);
        assert_eq!(
            meta_pairs(&o),
            [
                ("索引号", "6207250031/2026-00047"),
                ("公开形式", "公开目录"),
                ("成文日期", "2026-01-29"),
            ]
        );
        assert_eq!(kinds(&o)[..2], [LineKind::Meta; 2]);
        // Nor is the key alone, its value on lines of its own, the widget.
        let o = outline("发文字号\n某府〔2026〕3号\n");
        assert_ne!(kinds(&o)[0], LineKind::Chrome);
    }

    /// A key spaced out for a form's layout, with full-width or no-break spaces, is the
    /// key itself (h77).
    #[test]
    fn spaced_keys_are_the_keys() {
        for line in [
            "日　　期：2024-04-20",
            "日\u{a0}\u{a0}\u{a0}期：2024-04-20",
            "日 期:2024-04-20",
        ] {
            let o = outline(&format!(
                "{line}\n某县2023年法治政府建设年度报告\n一、主要举措\n正文。\n"
            ));
            assert_eq!(meta_pairs(&o), [("日期", "2024-04-20")], "{line}");
        }
    }

    #[test]
    fn more_information_table_shapes() {
        let text = "索 引 号:\n标题: 某县2025年法治政府建设年度报告\n时效:\n\n某县2025年法治政府建设年度报告\n[ 索引号 ] 1150/2023-00050 [ 发文字号 ]\n[ 发布机构 ] 市城市管理局\n稿件来源:自治区人民政府办公厅 作者: 发布时间: 2023-04-02 | 打印 |\n一、主要举措\n";
        let o = outline(text);
        assert_eq!(
            meta_pairs(&o),
            [
                ("标题", "某县2025年法治政府建设年度报告"),
                ("索引号", "1150/2023-00050"),
                ("发布机构", "市城市管理局"),
                ("稿件来源", "自治区人民政府办公厅"),
                ("发布时间", "2023-04-02"),
            ]
        );
        // The empty 时效 does not take the title line below it as its value; a key
        // spaced out (`索 引 号:`) is a key.
        assert_eq!(o.title, [4]);
        assert_eq!(o.lines[0].kind, LineKind::Meta);
    }

    /// A key spaced out for a form's layout is a key; a title given only as such a
    /// field names the report year.
    #[test]
    fn spaced_out_keys_on_their_own_lines() {
        let text = "索 引 号：123-456 发布机构:某县人民政府 发文日期:2025-03-16\n\
                    名　　称：某县人民政府关于2024年法治政府建设年度报告\n一、主要举措\n正文。\n";
        let o = outline(text);
        assert_eq!(kinds(&o)[..2], [LineKind::Meta; 2]);
        assert_eq!(
            meta_pairs(&o)[..3],
            [
                ("索引号", "123-456"),
                ("发布机构", "某县人民政府"),
                ("发文日期", "2025-03-16")
            ]
        );
        assert!(o.title.is_empty());
        assert_eq!(o.report_year, Some(2024));
        // Spaced-out words of a line that are no key stay text.
        let o = outline("主 要 做 法：健全机制。\n");
        assert_eq!(o.lines[0].kind, LineKind::Paragraph);
    }

    /// A long heading hard-wrapped (a PDF's text) goes on on the next line: that line is
    /// no heading of its own, and its words name the heading's part (h68).
    #[test]
    fn a_long_heading_wrapped_onto_the_next_line() {
        let text = "\u{3000}\u{3000}一、深入学习贯彻习近平法治思想，坚持党对法治人社建设的全面领导，推动法\n\
                    治建设第一责任人职责落到实处\n\
                    \u{3000}\u{3000}局主要负责人主持召开局党组会专题研究法治建设工作3次，带头学法。\n\
                    \u{3000}\u{3000}二、存在的不足和原因\n\u{3000}\u{3000}执法力量不足。\n";
        let o = outline(text);
        let roots: Vec<(u32, Role)> = o.sections.iter().map(|s| (s.number, s.role)).collect();
        assert_eq!(roots, [(1, Role::Duties), (2, Role::Shortcomings)]);
        assert_eq!(o.lines[1].kind, LineKind::Paragraph);
        // A short heading's next line is its paragraph, however it reads.
        let text = "一、压实责任\n第一责任人职责落到实处\n正文。\n";
        assert_ne!(outline(text).sections[0].role, Role::Duties);
    }

    /// A page's metadata as a Markdown list (`- 发布机构：…`, `- 主题分类：` empty) is
    /// metadata, not lines of the title (h63); a list item of the text stays text.
    #[test]
    fn metadata_as_a_markdown_list() {
        let text = "关于2023年度法治政府建设情况的报告\n- 发布机构： 某省生态环境厅\n- 主题分类：\n\
                    - 名称： 关于2023年度法治政府建设情况的报告\n* 公文生成日期: 2024-02-29\n一、主要举措\n\
                    - 执法队伍：人员不足\n";
        let o = outline(text);
        assert_eq!(o.title, [0]);
        assert_eq!(kinds(&o)[1..5], [LineKind::Meta; 4]);
        assert_eq!(
            meta_pairs(&o),
            [
                ("发布机构", "某省生态环境厅"),
                ("名称", "关于2023年度法治政府建设情况的报告"),
                ("公文生成日期", "2024-02-29"),
            ]
        );
        assert_eq!(o.lines[6].kind, LineKind::Paragraph);
    }

    /// A page's table row of one key and its value is metadata, not the title line.
    #[test]
    fn a_row_of_one_key_and_its_value() {
        let text = "某县2024年法治政府建设年度报告\n标题 | 某县2024年法治政府建设年度报告\n\
                    一、主要举措\n正文。\n";
        let o = outline(text);
        assert_eq!(o.lines[1].kind, LineKind::Meta);
        assert_eq!(o.title, [0]);
        // A line of words is no such row.
        let o = outline("时间 紧迫\n");
        assert_ne!(o.lines[0].kind, LineKind::Meta);
    }

    /// A plain-text table's rows that open with a heading's number are rows, not headings
    /// (h72); Word's tab after an automatic number still makes a heading.
    #[test]
    fn table_rows_opening_with_a_heading_number() {
        let text = "一、主要举措和成效\n（一）任务落实\n序号\t重点任务\t完成情况\n\
                    一、依法全面履行政府职能\n1\t调整权责清单\t已完成\n（一）\t健全制度体系\t已完成\n\
                    （二）\t推进公正文明执法\n正文。\n二、\t存在的不足和原因\n正文。\n";
        let o = outline(text);
        let heads: Vec<(u8, u32)> = o.walk().map(|s| (s.level, s.number)).collect();
        assert_eq!(heads, [(1, 1), (2, 1), (2, 2), (1, 2)]);
        // A paragraph run in after its number, a tab astray in it, is no row.
        let o = outline(
            "一、主要举措\n（一）深化改革。将1268项依申请事项全部纳入一体化平台，\t全程网办率达到99.5%。\n",
        );
        assert_eq!(o.walk().count(), 2);
        // Items of a list exported from Word, a bullet and a tab before each, are no rows:
        // a heading between two of them is a heading (h86).
        let o = outline(
            "一、\t主要举措和成效\n全年审结行政复议案件55件。\n•\t执法人员培训不足，原因是经费保障不够。\n\
             二、\t存在的不足和原因\n\u{f06c}\t基层法制审核力量薄弱。\n三、\t党政主要负责人履行推进法治建设第一责任人职责情况\n\
             一是\t主持常务会议学法11次。\n（一）\t带头出庭应诉\nØ\t带头出庭应诉2次。\n",
        );
        let heads: Vec<(u8, u32)> = o.walk().map(|s| (s.level, s.number)).collect();
        assert_eq!(heads, [(1, 1), (1, 2), (1, 3), (2, 1)]);
    }

    /// Below a heading, a task's `时间：` or an event's `日期：` is text, not the page's
    /// metadata (h69); above it, it is metadata.
    #[test]
    fn time_fields_below_a_heading_are_text() {
        let text = "时间：2026-02-12\n某局2025年度法治政府建设情况报告\n一、主要举措\n\
                    专栏：国家宪法日集中宣传活动\n时间：2025年12月4日\n四、2026年工作安排\n\
                    （一）编制工作方案。\n责任科室：政策法规科\n时间：2026年6月30日前\n";
        let o = outline(text);
        assert_eq!(meta_pairs(&o), [("时间", "2026-02-12")]);
        assert_eq!(o.lines[4].kind, LineKind::Paragraph);
        assert_eq!(o.lines[8].kind, LineKind::Paragraph);
        // (A Markdown title is no heading of the text.)
        let o = outline("# 某局2025年度法治政府建设情况报告\n时间：2026-02-12\n一、主要举措\n");
        assert_eq!(meta_pairs(&o), [("时间", "2026-02-12")]);
    }

    /// A field's value ends before the bracket of a page widget after it (h68) and before
    /// the page's counter.
    #[test]
    fn a_value_before_a_bracketed_widget() {
        let o = outline("来源：县市场监管局　【字号：大 中 小】\n一、主要举措\n");
        assert_eq!(meta_pairs(&o), [("来源", "县市场监管局")]);
        // Nor does a value run on into the page's counter (h64).
        for line in [
            "信息来源：安宁县教育局　　浏览数：",
            "信息来源：安宁县教育局　浏览：32次　【打印】",
        ] {
            let o = outline(&format!("{line}\n一、主要举措\n"));
            assert_eq!(meta_pairs(&o), [("信息来源", "安宁县教育局")], "{line}");
        }
    }

    /// A page copied as one line of fields and then the title: the fields are metadata,
    /// the rest the title. A title field's value with a blank inside stays the value.
    #[test]
    fn fields_then_the_title_on_one_line() {
        let title = "某县人民政府关于2023年度法治政府建设情况的报告";
        let text =
            format!("来源：某县司法局 发布时间：2024-03-15 08:30 {title}\n一、主要举措\n正文。\n");
        let o = outline(&text);
        assert_eq!(
            meta_pairs(&o),
            [("来源", "某县司法局"), ("发布时间", "2024-03-15 08:30")]
        );
        assert_eq!(o.title, [0]);
        assert_eq!(&text[o.title_span().unwrap()], title);
        let o = outline("标题：某县人民政府 关于2023年度法治政府建设情况的报告\n一、主要举措\n");
        assert_eq!(
            meta_pairs(&o),
            [("标题", "某县人民政府 关于2023年度法治政府建设情况的报告")]
        );
        assert!(o.title.is_empty());
    }

    #[test]
    fn two_pairs_on_one_line() {
        let o = outline("索引号: LH331082-001/2024-131251 公开方式: 主动公开\n");
        assert_eq!(o.metadata.len(), 2);
        assert_eq!(o.metadata[0].value, "LH331082-001/2024-131251");
        assert_eq!(o.metadata[1].value, "主动公开");
    }

    #[test]
    fn chrome_is_not_text() {
        let o = outline("打印 关闭\n字体大小: 大 中 小\n】\n正文。\n");
        assert_eq!(o.lines[0].kind, LineKind::Chrome);
        assert_eq!(o.lines[1].kind, LineKind::Chrome);
        assert_eq!(o.lines[2].kind, LineKind::Chrome);
        assert_eq!(o.lines[3].kind, LineKind::Paragraph);
        // Work named like a menu item, in a phrase or a clause: text.
        let o = outline(
            "政府信息公开 无障碍\n全面推进政府信息公开\n推进无障碍环境建设\n一是推进政府信息公开，主动公开信息3265条；\n",
        );
        let kinds = kinds(&o);
        assert_eq!(kinds[0], LineKind::Chrome);
        assert!(
            kinds[1..].iter().all(|&k| k != LineKind::Chrome),
            "{kinds:?}"
        );
    }

    #[test]
    fn full_width_and_half_width_headings_alike() {
        let o = outline("一、工作总结\n(一)甲\n\u{ff08}二\u{ff09}乙\n");
        let numbers: Vec<u32> = o.sections[0].children.iter().map(|s| s.number).collect();
        assert_eq!(numbers, [1, 2]);
    }

    #[test]
    fn report_year_falls_back_to_headings_then_preamble() {
        assert_eq!(
            outline("前言。\n一、2023年工作总结\n二、2024年工作思路\n").report_year,
            Some(2023)
        );
        assert_eq!(outline("二、2025年工作思路\n").report_year, Some(2024));
        assert_eq!(
            outline("现将2024年度工作报告如下:\n一、主要工作\n").report_year,
            Some(2024)
        );
        // The title's year, unless both parts' headings say otherwise together.
        let report = |measures: &str, plans: &str| {
            let text = format!(
                "某县2022年度法治政府建设情况报告\n一、{measures}年主要举措和成效\n正文。\n四、{plans}年工作安排\n正文。\n"
            );
            outline(&text).report_year
        };
        assert_eq!(report("2023", "2024"), Some(2023));
        assert_eq!(report("2023", "2023"), Some(2022));
        assert_eq!(report("2022", "2023"), Some(2022));
        // Without the title's year: the plans heading's year before, when another part
        // agrees, over a heading about the year before that.
        let untitled = |preamble: &str, first: &str| {
            let text = format!(
                "某县司法局法治政府建设情况报告\n{preamble}\n一、{first}\n正文。\n二、存在的不足和原因\n正文。\n三、2025年推进法治政府建设的主要安排\n正文。\n"
            );
            outline(&text).report_year
        };
        let thematic = "巩固2023年示范创建成果，推进法治政府建设提质增效";
        assert_eq!(
            untitled("2024年，我局扎实推进法治政府建设。", thematic),
            Some(2024)
        );
        assert_eq!(untitled("我局扎实推进法治政府建设。", thematic), Some(2023));
        let rectified = "2023年度法治督察反馈问题整改情况\n正文。\n二、主要举措和成效";
        assert_eq!(
            untitled("2024年，我局扎实推进法治政府建设。", rectified),
            Some(2024)
        );
    }

    /// A Markdown title in bold is the title without its marks, and names the issuer.
    #[test]
    fn a_bold_markdown_title_without_its_marks() {
        let text = "**某县司法局2024年度法治政府建设情况报告**\n\n一、主要举措\n正文。\n";
        let o = outline(text);
        assert_eq!(
            o.title_text(text).as_deref(),
            Some("某县司法局2024年度法治政府建设情况报告")
        );
        assert_eq!(o.issuer.as_deref(), Some("某县司法局"));
    }

    /// Parts named by words themes use too, and the next year's measures as the plans.
    #[test]
    fn themes_named_like_parts_and_the_next_years_measures() {
        let roles = |headings: [&str; 5]| {
            let body: String = headings.iter().map(|h| format!("{h}\n正文。\n")).collect();
            let o = outline(&format!("某省2023年法治政府建设年度报告\n{body}"));
            o.sections.iter().map(|s| s.role).collect::<Vec<_>>()
        };
        use Role::*;
        assert_eq!(
            roles([
                "一、突出工作重点，全面提升依法行政水平",
                "二、依法全面履行政府职能",
                "三、存在的不足和原因",
                "四、省政府主要负责同志履行推进法治建设第一责任人职责情况",
                "五、2024年法治政府建设工作安排",
            ]),
            [Measures, Measures, Shortcomings, Duties, Plans]
        );
        assert_eq!(
            roles([
                "一、2023年推进法治政府建设的主要举措和成效",
                "二、问题分析",
                "三、局主要负责人推进法治政府建设情况",
                "四、2024年推进法治政府建设的主要举措",
                "五、其他",
            ]),
            [Measures, Shortcomings, Duties, Plans, Other]
        );
    }

    /// Parts (`第一部分`) under a Markdown title, plain or as Markdown headings, hold the
    /// numbered headings.
    #[test]
    fn parts_under_a_markdown_title() {
        for (part, theme) in [("", ""), ("## ", "### "), ("# ", "## ")] {
            let text = format!(
                "# 某市2023年法治政府建设年度报告\n\n{part}第一部分　2023年工作回顾\n\n\
                 {theme}一、坚持党的领导\n\n正文。\n\n{part}第二部分 存在问题\n\n\
                 {theme}一、基层执法\n\n正文。\n"
            );
            let o = outline(&text);
            let roles: Vec<Role> = o.sections.iter().map(|s| s.role).collect();
            assert_eq!(roles, [Role::Measures, Role::Shortcomings], "{part:?}");
            assert_eq!(o.sections[0].children.len(), 1, "{part:?}");
        }
    }

    #[test]
    fn markdown_headings_are_sections() {
        let o = outline(
            "# 某市2023年法治政府建设年度报告\n\n## 一、主要工作\n\n### (一)依法决策\n\n## 二、存在问题\n",
        );
        assert_eq!(o.title, [0]);
        assert_eq!(o.report_year, Some(2023));
        let roles: Vec<Role> = o.sections.iter().map(|s| s.role).collect();
        assert_eq!(roles, [Role::Measures, Role::Shortcomings]);
        assert_eq!(o.sections[1].number, 2);
        assert_eq!(o.sections[0].children.len(), 1);
    }

    #[test]
    fn a_numbered_markdown_heading_stands_where_its_number_puts_it() {
        // `###` or `##` for the top level, with `（一）` typed in the text below.
        for marks in ["##", "###"] {
            let o = outline(&format!(
                "# 某市2023年法治政府建设年度报告\n\n{marks} 一、主要举措和成效\n\n（一）依法决策。\n\n\
                 （二）严格执法。\n\n{marks} 二、存在的不足和原因\n\n正文。\n"
            ));
            let roles: Vec<Role> = o.sections.iter().map(|s| s.role).collect();
            assert_eq!(roles, [Role::Measures, Role::Shortcomings], "{marks}");
            assert_eq!(o.sections[0].children.len(), 2, "{marks}");
        }
    }

    #[test]
    fn reader_heading_levels_make_headings_without_numbers() {
        let text = "某市2023年法治政府建设年度报告\n主要举措和成效\n依法决策\n正文。\n存在的不足和原因\n(一)甲\n";
        let source = Source::new("t.docx", text.to_string()).with_heading_levels(vec![
            (4, 1),
            (1, 1),
            (2, 2),
            (5, 2),
        ]);
        let o = Outliner::new(&Config::builtin()).build(&source);
        let roles: Vec<Role> = o.sections.iter().map(|s| s.role).collect();
        assert_eq!(roles, [Role::Measures, Role::Shortcomings]);
        let child = &o.sections[0].children[0];
        assert_eq!((child.number, child.style), (0, NumberStyle::Unnumbered));
        assert_eq!(&text[child.heading.clone()], "依法决策");
        // A numbered line keeps its number at the reader's level.
        assert_eq!(o.sections[1].children[0].number, 1);
    }

    /// A title without 报告 is no field's value, though an empty field comes before it;
    /// a page's font widget (`【字体:`) is chrome.
    #[test]
    fn a_loose_title_after_an_empty_field_is_the_title() {
        let o = outline(
            "  • 主题分类:\n\n某厅2025年法治政府建设工作情况\n【字体:\n一、主要举措和成效\n正文。\n",
        );
        assert_eq!(o.title, [2]);
        assert_eq!(o.lines[3].kind, LineKind::Chrome);
        let o = outline("  • 主题分类:\n\n司法\n某厅2025年法治政府建设工作情况报告\n");
        assert_eq!(meta_pairs(&o), [("主题分类", "司法")]);
    }

    /// `第一部分`, `第二部分` … are the top level, the numbered headings under them; its
    /// name may follow on the next line. A lone `第一部分`, or parts after the first
    /// `一、`, are text and move nothing.
    #[test]
    fn parts_above_the_top_level() {
        let o = outline(
            "第一部分\n主要举措和成效\n一、依法决策\n正文。\n（一）甲\n二、严格执法\n正文。\n\
             第二部分：存在的不足和原因\n一、不足\n正文。\n第三部分 下一年度工作安排\n正文。\n",
        );
        let roles: Vec<Role> = o.sections.iter().map(|s| s.role).collect();
        assert_eq!(roles, [Role::Measures, Role::Shortcomings, Role::Plans]);
        let first = &o.sections[0];
        assert_eq!(
            (first.level, first.number, first.style),
            (1, 1, NumberStyle::Part)
        );
        assert_eq!(first.children.len(), 2);
        assert_eq!(first.children[0].level, 2);
        assert_eq!(first.children[0].children[0].level, 3);
        let lone = outline("一、主要举措和成效\n第一部分：执法情况\n二、存在的不足\n");
        let levels: Vec<u8> = lone.sections.iter().map(|s| s.level).collect();
        assert_eq!(levels, [1, 1]);
        assert_eq!(lone.lines[1].kind, LineKind::Paragraph);
        // Parts after the report's 一、 (a table's) hold none of its headings.
        let late = outline(
            "一、主要举措和成效\n正文。\n二、存在的不足\n正文。\n第一部分 执法统计\n第二部分 复议统计\n",
        );
        let levels: Vec<u8> = late.sections.iter().map(|s| s.level).collect();
        assert_eq!(levels, [1, 1]);
    }

    /// The 落款 as a form (`报告单位：…` / `报告日期：…`), and a date with its weekday.
    #[test]
    fn labelled_and_weekday_signatures() {
        for (organ, date) in [
            ("报送单位", "报送时间"),
            ("单位", "日期"),
            ("填报单位", "填报时间"),
            ("报告单位", "成文日期"),
        ] {
            let o = outline(&format!(
                "一、主要举措\n正文。\n{organ}：某县司法局\n{date}：2024年1月20日\n"
            ));
            assert!(o.signature.organ.is_some(), "{organ}");
            let date = o.signature.date.map(|d| d.0.to_string());
            assert_eq!(date.as_deref(), Some("2024-01-20"), "{date:?}");
        }
        // The organ's line after the date (a Word box anchored in the date's paragraph).
        let text = "一、主要举措\n正文。\n2024年1月20日\n某县司法局\n";
        let o = outline(text);
        assert_eq!(o.signature.organ.map(|s| &text[s]), Some("某县司法局"));
        assert!(o.signature.date.is_some());
        // A page's metadata field at the end, with no organ's field above it, is none.
        let o = outline("一、主要举措\n正文。\n成文日期：2024-01-31\n");
        assert!(o.signature.date.is_none());
        let o = outline("一、主要举措\n正文。\n报告单位：某县司法局\n报告日期：2024年1月20日\n");
        let organ = o
            .signature
            .organ
            .clone()
            .map(|s| &"一、主要举措\n正文。\n报告单位：某县司法局"[s]);
        assert_eq!(organ, Some("某县司法局"));
        assert_eq!(
            o.signature.date.map(|d| d.0.to_string()).as_deref(),
            Some("2024-01-20")
        );
        for date in [
            "2024年1月20日（星期六）",
            "2024年1月20日 星期六",
            "2024年1月21日星期日",
        ] {
            let o = outline(&format!("一、主要举措\n正文。\n某县司法局\n{date}\n"));
            assert!(
                o.signature.date.is_some() && o.signature.organ.is_some(),
                "{date}"
            );
            assert_eq!(o.lines[3].kind, LineKind::Signature, "{date}");
        }
        // At a page's top it stays chrome.
        let o = outline("2024年1月20日 星期六\n一、主要举措\n正文。\n");
        assert_eq!(o.lines[0].kind, LineKind::Chrome);
        assert!(o.signature.date.is_none());
        // A site's clock under a generic label is no page metadata; a dated field is.
        let o = outline("日期：2025年4月8日 星期二\n一、主要举措\n正文。\n");
        assert!(o.metadata.is_empty());
        assert_eq!(o.lines[0].kind, LineKind::Chrome);
        let o = outline("发布时间：2025年4月8日 星期二\n一、主要举措\n正文。\n");
        assert_eq!(o.metadata.len(), 1);
        let o = outline("日期：2025年4月8日\n一、主要举措\n正文。\n");
        assert_eq!(o.metadata.len(), 1);
        let o = outline("2024年1月20日 星期六\n一、主要举措\n正文。\n");
        assert_eq!(o.lines[0].kind, LineKind::Chrome);
        assert!(o.signature.date.is_none());
        // A day written 号 is a date; a year and month alone date the 落款 without a day.
        let o = outline("一、主要举措\n正文。\n某县司法局\n2024年1月20号\n");
        assert_eq!(
            o.signature.date.map(|d| d.0.to_string()).as_deref(),
            Some("2024-01-20")
        );
        for (date, month) in [
            ("2024年1月", (2024, 1)),
            ("二〇二四年一月", (2024, 1)),
            ("二〇二五年十二月", (2025, 12)),
            ("２０２４年１２月", (2024, 12)),
            ("2024 年 元月", (2024, 1)),
        ] {
            let o = outline(&format!("一、主要举措\n正文。\n某县司法局\n{date}\n"));
            assert!(
                o.signature.organ.is_some() && o.signature.date.is_none(),
                "{date}"
            );
            let dayless = o.signature.dayless.map(|d| (d.year, d.month));
            assert_eq!(dayless, Some(month), "{date}");
        }
        for not_date in ["2024年13月", "224年1月", "2024年1月份", "2024年一1月"] {
            let o = outline(&format!("一、主要举措\n正文。\n某县司法局\n{not_date}\n"));
            assert!(o.signature.dayless.is_none(), "{not_date}");
        }
    }

    /// Leading white space and invisible characters never change what a line is: a
    /// heading after a zero-width space, U+FEFF, an ideographic or em space, a form feed
    /// (`pdftotext` pages), NEL or U+2028 is still a heading.
    #[test]
    fn leading_invisible_characters_keep_headings() {
        for lead in [
            "\u{200B}",
            "\u{FEFF}",
            "\u{3000}\u{3000}",
            "\u{2003}",
            "\u{0C}",
            "\u{85}",
            "\u{2028}",
        ] {
            let text = format!(
                "{lead}一、主要举措和成效\n正文。\n{lead}（一）依法决策\n{lead}二、存在的问题\n"
            );
            let o = outline(&text);
            let roles: Vec<Role> = o.sections.iter().map(|s| s.role).collect();
            assert_eq!(roles, [Role::Measures, Role::Shortcomings], "{lead:?}");
            assert_eq!(o.sections[0].children.len(), 1, "{lead:?}");
        }
        let o = outline("\u{200B}\u{FEFF}\n正文。\n");
        assert_eq!(o.lines[0].kind, LineKind::Blank);
    }

    /// `　　一是…二是…` (the standard two-character indent) is one run from 1.
    #[test]
    fn indented_enumerations_start_at_one() {
        let o = outline("\u{3000}\u{3000}一是强化领导。二是压实责任。\n");
        let items: Vec<u32> = o.enumerations[0].iter().map(|e| e.number).collect();
        assert_eq!(items, [1, 2]);
    }

    fn roles(text: &str) -> Vec<(Role, bool)> {
        outline(text)
            .sections
            .iter()
            .map(|s| (s.role, s.thematic))
            .collect()
    }

    #[test]
    fn a_run_of_thematic_headings_is_the_measures_part() {
        let text = "一、依法全面履行政府职能\n正文。\n二、强化组织领导，夯实法治基础\n正文。\n三、存在的问题和不足\n正文。\n四、其他需要报告的情况\n正文。\n";
        let m = (Role::Measures, true);
        assert_eq!(
            roles(text),
            [m, m, (Role::Shortcomings, false), (Role::Other, false)]
        );
        // After the plans part a heading naming no part stays `other`.
        let late = "一、2023年主要工作情况\n正文。\n二、下一步工作打算\n正文。\n三、附则\n";
        assert_eq!(
            roles(late),
            [
                (Role::Measures, false),
                (Role::Plans, false),
                (Role::Other, false)
            ]
        );
        // A plan (a 工作要点: plan words, no sign of work done) is not the year's work.
        let plan = "一、总体要求\n力争年底前完成。\n二、主要任务\n下一步，加快推进。\n";
        assert_eq!(roles(plan), [(Role::Other, false), (Role::Other, false)]);
        let done = "一、总体要求\n力争年底前完成。\n二、主要任务\n全年办结案件12件。\n";
        assert_eq!(
            roles(done),
            [(Role::Measures, true), (Role::Measures, true)]
        );
    }

    #[test]
    fn older_and_looser_headings_get_their_roles() {
        for (heading, role) in [
            ("一、2017年法治政府建设情况", Role::Measures),
            ("一、2023年度法治政府建设主要情况", Role::Measures),
            ("一、工作总体完成情况", Role::Measures),
            ("一、2022年度法治政府建设成效显著：", Role::Measures),
            ("二、主要做法", Role::Measures),
            ("二、存在的问题和不足", Role::Shortcomings),
            ("二、困难和问题", Role::Shortcomings),
            ("三、下一步工作思路", Role::Plans),
            ("三、2024年工作计划", Role::Plans),
            ("三、2024年主要工作安排", Role::Plans),
            ("三、今后工作方向", Role::Plans),
            ("四、2024年法治政府建设工作谋划", Role::Plans),
            ("四、工作展望", Role::Plans),
            ("二、存在的主要问题", Role::Shortcomings),
            ("二、主要问题及原因分析", Role::Shortcomings),
            (
                "一、区政府主要负责同志履行推进法治建设第一责任人职责情况",
                Role::Duties,
            ),
            ("三、局主要负责人履职情况", Role::Duties),
            ("三、党政主要负责人推进法治建设情况", Role::Duties),
            ("三、党政主要负责人履责情况", Role::Duties),
            ("三、领导干部带头尊法学法守法用法情况", Role::Duties),
            ("二、问题及成因", Role::Shortcomings),
            ("二、主要问题", Role::Shortcomings),
            ("二、需要改进的方面", Role::Shortcomings),
            ("二、面临的困难和挑战", Role::Shortcomings),
            (
                "一、加强党的领导，切实履行推进法治政府建设重要职责",
                Role::Duties,
            ),
        ] {
            let o = outline(&format!("{heading}\n正文。\n"));
            assert_eq!(o.sections[0].role, role, "{heading}");
        }
    }

    #[test]
    fn the_year_never_comes_from_a_range_or_a_cited_title() {
        assert_eq!(
            first_year("按照《法治政府建设实施纲要(2021—2025年)》，2023年"),
            Some(2023)
        );
        assert_eq!(first_year("规划（2021-2025年）"), None);
        assert_eq!(first_year("2021年—2025年期间"), None);
        assert_eq!(first_year("《2022年工作要点》"), None);
        assert_eq!(first_year("2024 年工作"), Some(2024));
        let text = "根据《全面深化法治领域改革纲要(2023—2027年)》，现将有关情况报告如下：\n一、主要工作\n2021年，党组召开会议。\n";
        assert_eq!(outline(text).report_year, Some(2021));
    }

    #[test]
    fn a_short_line_alone_naming_a_part_is_a_heading() {
        let para = "基层法治力量仍然薄弱，合法性审查能力有待提升，行政执法规范化水平仍需提高，部分乡镇法治建设工作机制还不健全。";
        let text =
            format!("一、2023年主要工作情况\n{para}\n存在的问题和不足\n{para}\n一是学习。\n");
        let o = outline(&text);
        let roles: Vec<Role> = o.sections.iter().map(|s| s.role).collect();
        assert_eq!(roles, [Role::Measures, Role::Shortcomings]);
        assert_eq!(o.sections[1].style, NumberStyle::Unnumbered);
        // Without numbered headings, such lines are the headings: a thematic run.
        let bare = format!(
            "前言：现将情况报告如下。\n依法全面履行政府职能\n{para}\n强化组织领导\n{para}\n"
        );
        let roles: Vec<(Role, bool)> = outline(&bare)
            .sections
            .iter()
            .map(|s| (s.role, s.thematic))
            .collect();
        assert_eq!(roles, [(Role::Measures, true), (Role::Measures, true)]);
        // A line naming no part under numbered headings stays text.
        let inner = format!("一、主要工作\n{para}\n依法决策\n{para}\n");
        assert_eq!(outline(&inner).sections.len(), 1);
    }

    #[test]
    fn any_text_parses() {
        for text in [
            "",
            "\n",
            "\r\n\r",
            "(一",
            "一、",
            "#",
            "|",
            "•",
            "2024年13月45日",
            "\u{0}",
        ] {
            let o = outline(text);
            assert!(!o.lines.is_empty());
        }
    }

    #[test]
    fn chrome_words_come_from_the_list_and_its_extension() {
        let text = Source::new("t.txt", "打印 关闭\n本站声明\n正文。".to_string());
        let kinds = |config: &Config| -> Vec<LineKind> {
            let o = Outliner::new(config).build(&text);
            o.lines.iter().map(|l| l.kind).collect()
        };
        let builtin = kinds(&Config::builtin());
        assert_eq!(builtin[..2], [LineKind::Chrome, LineKind::Paragraph]);
        let layer = "[outline]\nextend-chrome-words = [\"本站声明\", \"\"]\n";
        let extended = kinds(&Config::layered(&[("nianbao.toml", layer)]).unwrap());
        // The empty word is dropped, not found in every line.
        assert_eq!(
            extended,
            [LineKind::Chrome, LineKind::Chrome, LineKind::Paragraph]
        );
    }

    /// Years in Chinese numerals, and in a title a page wrapped in book-title marks,
    /// are read; a cited title's year still is not.
    #[test]
    fn years_in_chinese_numerals_and_wrapped_titles() {
        assert_eq!(
            first_year("某市关于二〇二三年度法治政府建设情况的报告"),
            Some(2023)
        );
        assert_eq!(first_year("二O二四年工作安排"), Some(2024));
        assert_eq!(
            first_year("《某县关于2023年度法治政府建设情况的报告》"),
            Some(2023)
        );
        assert_eq!(first_year("贯彻《2021年规划》的情况"), None);
        assert_eq!(first_year("一二三四五"), None);
    }

    #[test]
    fn a_title_broken_in_or_at_a_cited_title_is_one_title() {
        for title in [
            "某市生态环境局关于贯彻落实《法治政府建设实施\n纲要（2021—2025年）》2024年度工作情况的报告",
            "某市生态环境局关于《法治政府建设实施纲要（2021—2025年）》\n2024年度落实情况的报告",
            "某市生态环境局关于2024年度法治政府建设暨落实\n《法治政府建设实施纲要（2021—2025年）》情况的报告",
        ] {
            let o = outline(&format!("{title}\n\n正文。\n"));
            assert_eq!(o.title, [0, 1], "{title}");
            assert_eq!(o.report_year, Some(2024), "{title}");
        }
    }

    /// A preamble's drafting date does not make the report year: its `2023年度` does,
    /// before a heading that names the year after.
    #[test]
    fn the_preamble_names_the_year_of_the_work() {
        let o = outline(
            "某局法治政府建设年度报告\n2024年1月，按照部署，我局对2023年度工作进行了总结。\n\
             一、主要举措和成效\n正文。\n二、存在的不足和原因\n正文。\n\
             三、党政主要负责人履行推进法治建设第一责任人职责情况\n正文。\n\
             四、2024年重点工作\n正文。\n",
        );
        assert_eq!(o.report_year, Some(2023));
        // A heading naming the year after and no part is the plans part.
        assert_eq!(top_roles(&o), Role::MANDATED);
        assert_eq!(work_year("2024年1月，对2023年工作进行总结"), Some(2023));
        assert_eq!(work_year("2024年1月20日印发"), Some(2024));
    }

    /// A heading set letter-spaced (a scan's OCR, a PDF's text) names its part.
    #[test]
    fn a_letter_spaced_heading_names_its_part() {
        let o = outline(
            "某县2024年法治政府建设年度报告\n一、2024年主要举措和成效\n正文。\n\
             二、存 在 的 不 足 和 原 因\n正文。\n\
             三、党政主要负责人履行推进法治建设第一责任人职责情况\n正文。\n\
             四、2 0 2 5 年 工 作 安 排\n正文。\n",
        );
        assert_eq!(top_roles(&o), Role::MANDATED);
    }

    /// The year after the report's named as the new year or as the five-year plan that
    /// starts then: the plans part. The plan that starts later, or began before, is not.
    #[test]
    fn the_next_plan_period_is_the_plans_part() {
        let report = |year: i32, heading: &str| {
            outline(&format!(
                "某区{year}年法治政府建设年度报告\n一、{year}年推进法治政府建设的主要举措和成效\n正文。\n\
                 二、存在的不足和原因\n正文。\n\
                 三、党政主要负责人履行推进法治建设第一责任人职责情况\n正文。\n四、{heading}\n正文。\n"
            ))
        };
        let plans = Role::MANDATED;
        for (year, heading) in [
            (2025, "“十五五”开局之年重点工作"),
            (2025, "以“十五五”开局为契机，纵深推进法治政府建设"),
            (2020, "“十四五”开局之年重点工作"),
            (2023, "新一年法治政府建设重点"),
            // The next year named relatively (h87).
            (2024, "明年工作举措"),
            (2024, "未来一年工作举措"),
            (2024, "来年重点任务"),
        ] {
            assert_eq!(top_roles(&report(year, heading)), plans, "{year} {heading}");
        }
        for (year, heading) in [
            (2024, "“十五五”开局之年重点工作"),
            (2025, "“十四五”时期法治建设回顾"),
        ] {
            assert_ne!(top_roles(&report(year, heading)), plans, "{year} {heading}");
        }
    }

    /// Another field named by a few more characters than a metadata key (`更新日期` is
    /// not `日期`) ends the value before it and is not read; a value run on into a key is.
    #[test]
    fn fields_ending_in_a_key_are_other_fields() {
        let o =
            outline("发布日期：2024-03-25　更新日期：2024-06-10 废止日期：2029-03-25\n正文。\n");
        assert_eq!(meta_pairs(&o), [("发布日期", "2024-03-25")]);
        let o = outline("来源：某县司法局发布时间：2024-01-02\n正文。\n");
        assert_eq!(
            meta_pairs(&o),
            [("来源", "某县司法局"), ("发布时间", "2024-01-02")]
        );
    }

    /// A heading ends at a colon with its paragraph run on after it, not at the mark
    /// after its number or in a ratio.
    #[test]
    fn run_in_headings_end_at_a_colon() {
        assert_eq!(
            run_in_end("存在的不足和原因：基层执法"),
            Some("存在的不足和原因：".len())
        );
        assert_eq!(run_in_end("：存在的不足和原因"), None);
        assert_eq!(run_in_end("调诉比2.57:1。"), Some("调诉比2.57:1。".len()));
        assert_eq!(run_in_end("主要举措和成效："), None);
        assert_eq!(
            run_in_end("主要举措和成效　全年审查规范性文件8件、合同协议57份。"),
            Some("主要举措和成效".len())
        );
        assert_eq!(run_in_end("　主要举措和成效"), None);
        assert_eq!(
            run_in_end("主要举措和成效  全年审查规范性文件8件、合同协议57份。"),
            Some("主要举措和成效".len())
        );
        assert_eq!(
            run_in_end("主要举措 和成效全年审查规范性文件8件、合同协议57份"),
            None
        );
        assert_eq!(run_in_end("主要举措　和成效"), None);
    }

    /// An attachment after the 落款, of any length and with lines of any length: a table
    /// a PDF splits into a line per cell, or rows copied as long lines.
    #[test]
    fn attachments_after_the_date_are_closing_matter() {
        let closing =
            "某县人民政府\n2024年3月8日\n\n附件\n2024年制定的行政规范性文件目录\n序号\n文件名称\n";
        for rows in [
            "1\n某县行\n政执法公\n示办法\n某政规\n〔2024〕3\n号\n".repeat(6),
            "1、某县行政执法公示办法（某政规〔2024〕3号），自2024年5月1日起施行，有效期五年。\n"
                .repeat(3),
        ] {
            let text = format!("一、主要举措和成效\n正文。\n\n{closing}{rows}");
            let o = outline(&text);
            let organ = o.signature.organ.expect("the organ line");
            assert_eq!(&text[organ], "某县人民政府");
            assert!(o.signature.date.is_some());
        }
        // Without a date above it, 附件 does not make a 落款.
        let o = outline("一、主要举措和成效\n正文。\n\n附件\n某县行政执法公示办法\n");
        assert!(o.signature.date.is_none() && o.signature.organ.is_none());
    }

    /// A typed table of contents, before or after the title, its entries wrapped or not:
    /// no sections, and the title after it is the title.
    #[test]
    fn a_typed_table_of_contents_is_no_text() {
        let contents = "目　录\n一、2024年推进法治政府建设的主要举措和成效……1\n\
             二、存在的不足和原因\t2\n三、党政主要负责人履行推进法治建设第一\n\
             责任人职责情况........ 3\n";
        let title = "某县2024年度法治政府建设情况报告\n";
        let body =
            "一、2024年推进法治政府建设的主要举措和成效\n正文。\n二、存在的不足和原因\n正文。\n";
        for text in [
            format!("{contents}{title}{body}"),
            format!("{title}{contents}{body}"),
        ] {
            let o = outline(&text);
            assert_eq!(
                o.title_text(&text).as_deref(),
                Some(title.trim_end()),
                "{text}"
            );
            let headings: Vec<&str> = o
                .sections
                .iter()
                .map(|s| &text[s.heading.clone()])
                .collect();
            assert_eq!(headings.len(), 2, "{headings:?}");
        }
        assert!(!is_contents_entry("全年办结案件12") && !is_contents_entry("……1234"));
        // Without page numbers: the entries up to an introduction and the first heading again.
        let text = format!(
            "{title}目  录\n\n一、2024年推进法治政府建设的主要举措和成效\n\n二、存在的不足和原因\n\n2024年，县政府全面推进依法行政，法治政府建设取得新成效。\n{body}"
        );
        let o = outline(&text);
        assert_eq!(o.sections.len(), 2, "{:?}", o.sections);
        assert!(o.sections.iter().all(|s| s.end_line > s.line + 1));
    }

    /// A title spread out for layout, with spaces or full-width spaces.
    #[test]
    fn a_letter_spaced_title_is_the_title() {
        for title in [
            "2 0 2 3 年 度 法 治 政 府 建 设 情 况 报 告",
            "2023年度法治政府建设情况报　告",
        ] {
            let text = format!("某县司法局\n{title}\n一、2023年主要举措和成效\n正文。\n");
            let o = outline(&text);
            assert_eq!(
                o.title_text(&text).as_deref(),
                Some("某县司法局2023年度法治政府建设情况报告")
            );
            assert_eq!(o.report_year, Some(2023));
        }
    }

    /// A title line with the page's counter after it: the title, without the counter.
    #[test]
    fn a_title_followed_by_a_page_counter() {
        for widgets in [
            "　浏览次数：358",
            "【字体：大 中 小】",
            "【打印】【关闭】",
            " | 浏览次数：358",
        ] {
            let text = format!(
                "某区生态环境局2023年度法治政府建设情况报告{widgets}\n\n正文。\n一、主要举措和成效\n正文。\n"
            );
            let o = outline(&text);
            assert_eq!(
                o.title_text(&text).as_deref(),
                Some("某区生态环境局2023年度法治政府建设情况报告"),
                "{widgets}"
            );
        }
        // A line of links naming a report is still chrome.
        let o = outline("相关文章：某区2022年度法治政府建设情况报告\n一、主要举措和成效\n正文。\n");
        assert_eq!(o.lines[0].kind, LineKind::Chrome);
    }

    /// A page's list of links above the title names other reports: the title is the
    /// one nearest the text.
    #[test]
    fn a_list_of_links_above_the_title() {
        let text = "热点推荐\n某区生态环境局2022年度法治政府建设情况报告\n\
             某区生态环境局2023年度法治政府建设情况报告\n\n2023年，区生态环境局全面推进依法行政。\n\
             一、2023年推进法治政府建设的主要举措和成效\n正文。\n";
        let o = outline(text);
        assert_eq!(o.report_year, Some(2023));
        assert!(o.title_text(text).unwrap().contains("2023"));
    }

    /// The list of attachments before the 落款: no headings.
    #[test]
    fn an_attachment_list_before_the_signature() {
        let text = "一、主要举措和成效\n正文。\n\n附件：1.2023年度行政复议案件统计表\n\n      2.2023年度行政执法统计表\n\n某县司法局\n2024年1月30日\n";
        let o = outline(text);
        assert_eq!(o.sections.len(), 1);
        assert!(
            o.sections[0].children.is_empty(),
            "{:?}",
            o.sections[0].children
        );
        assert!(o.signature.organ.is_some());
    }

    /// The 版记 after the 落款, its parts in cells of their own.
    #[test]
    fn the_banji_after_the_signature() {
        for label in ["抄送：", "抄　送：", "抄报：", "分送：", "主送："] {
            let text = format!(
                "一、主要举措和成效\n正文。\n\n某县人民政府\n2025年2月18日\n\n{label}\n\
                 市依法治市办，市司法局。\n某县人民政府办公室\n2025年2月19日印发\n"
            );
            let o = outline(&text);
            assert_eq!(&text[o.signature.organ.expect(label)], "某县人民政府");
            assert!(o.signature.date.is_some(), "{label}");
        }
    }

    /// A report sent with a covering letter: its parts are the report's, its 落款 its
    /// own, or the letter's when it has none.
    #[test]
    fn a_report_attached_to_a_covering_letter() {
        let letter = "某县司法局关于报送2024年度法治政府建设情况报告的函\n县委依法治县办：\n\
            现将报告随文报送，请审阅。\n附件：某县司法局2024年度法治政府建设情况报告\n\
            某县司法局\n2025年2月20日\n附件\n某县司法局2024年度法治政府建设情况报告\n\
            一、2024年推进法治政府建设的主要举措和成效\n全年审核规范性文件12件。\n\
            二、存在的不足和原因\n基层执法水平有待提升，原因在于培训不够。\n\
            三、党政主要负责人履行推进法治建设第一责任人职责情况\n主持专题会议3次。\n\
            四、2025年主要安排\n深化依法行政。\n";
        for (closing, day) in [("", 20), ("某县司法局\n2025年2月18日\n", 18)] {
            let text = format!("{letter}{closing}");
            let o = outline(&text);
            assert_eq!(o.sections.len(), 4, "{closing}");
            assert_eq!(o.signature.date.as_ref().map(|d| d.0.day), Some(day));
        }
        // A report with parts of its own has an attachment with parts: not its text.
        let report = "某县2024年度法治政府建设情况报告\n一、主要举措和成效\n正文。\n\
            二、存在的不足和原因\n正文。\n三、党政主要负责人履行推进法治建设第一责任人职责情况\n\
            正文。\n四、2025年主要安排\n正文。\n某县人民政府\n2025年2月18日\n附件\n\
            某县2025年法治政府建设工作要点\n一、加强党的领导\n1.深入学习。\n二、健全制度\n2.严格执行。\n";
        let o = outline(report);
        assert_eq!(o.sections.len(), 4);
        assert_eq!(o.signature.date.as_ref().map(|d| d.0.day), Some(18));
        // The letter above the report's own title, its 落款 the report's (h52).
        let letter = "某省交通运输厅关于2023年度法治政府建设情况的报告\n省委、省政府：\n\
            现呈送我厅2023年度法治政府建设情况报告，请审阅。\n某省交通运输厅\n2024年3月5日\n\
            某省交通运输厅2023年度法治政府建设情况报告\n一、主要举措和成效\n正文。\n\
            二、存在的不足和原因\n正文。\n";
        let o = outline(letter);
        assert_eq!(o.sections.len(), 2);
        assert_eq!(o.signature.date.as_ref().map(|d| d.0.day), Some(5));
        assert_eq!(
            o.signature.organ.map(|s| &letter[s]),
            Some("某省交通运输厅")
        );
        // Not a date line above the title without the letter's sentence.
        let o =
            outline(&letter.replace("现呈送我厅2023年度法治政府建设情况报告，请审阅。", "正文。"));
        assert_eq!(o.signature.date, None);
    }

    #[test]
    fn enumerations_inside_a_quotation_a_parenthesis_or_after_a_dash() {
        for text in [
            "要求：“一是要带头学法，二是要带头守法。”\n",
            "落实两项制度（一是公示制度，二是审核制度）。\n",
            "召开会议3次——一是部署工作，二是听取汇报。\n",
        ] {
            let o = outline(text);
            let items: Vec<u32> = o.enumerations.iter().flatten().map(|e| e.number).collect();
            assert_eq!(items, [1, 2], "{text}");
        }
    }

    /// The first item right after its paragraph's subject or 将 (`我乡一是…；二是…`,
    /// `下步，街道将一是…`) opens the run; `统一是`, `之一是` open none (h93).
    #[test]
    fn a_first_item_after_the_subject() {
        let runs = |text: &str| -> Vec<Vec<u32>> {
            outline(text)
                .enumerations
                .iter()
                .map(|run| run.iter().map(|e| e.number).collect())
                .collect()
        };
        for text in [
            "三、下步打算\n2023年，我乡一是落实会前学法制度；二是加强执法；三是深化普法。\n",
            "三、下步打算\n下步，街道将一是加强干部法治培训；二是加强执法队伍建设。\n",
            "三、下步打算\n下步，我镇将着力一是加强培训；二是规范执法。\n",
        ] {
            assert_eq!(runs(text)[0][0], 1, "{text}");
        }
        assert!(runs("一、主要举措\n标准统一是基础，这是原则之一是共识。\n").is_empty());
    }

    /// A paragraph hard-wrapped (a PDF's text) keeps one run of items across a page's
    /// number between its lines and across an item's number split from its 是 (h68).
    #[test]
    fn enumerations_of_a_wrapped_paragraph_across_a_page_number_and_a_split_item() {
        for text in [
            "三、存在的不足\n　　一是执法力量不足；二是培训不多；三是\n— 5 —\n普法不强；四是参与度不高。\n",
            "三、存在的不足\n　　一是执法力量不足。二\n是纠错率偏高。三是针对性不强。\n",
            // A page break as pdftotext writes it: blank lines, the page's number, a form
            // feed, in the middle of a sentence (h88).
            "三、存在的不足\n　　一是执法力量不足；二是配套规程尚未建\n\n—2—\n\n\u{c}立。三是针对性不强。\n",
        ] {
            let o = outline(text);
            let runs: Vec<Vec<u32>> = o
                .enumerations
                .iter()
                .map(|run| run.iter().map(|e| e.number).collect())
                .collect();
            let all: Vec<u32> = (1..=runs.iter().flatten().count() as u32).collect();
            assert_eq!(runs, [all], "{text}");
        }
    }

    /// A contact note under the 落款 wrapped onto two lines (a PDF's text), an
    /// attachment named above the 落款 (h60).
    #[test]
    fn a_wrapped_contact_note_under_the_signature() {
        let note = "（联系人：政策法规处副处长周敏同志，联系电话：\n88562317，电子邮箱：zcfgc@example.gov.cn）\n";
        let text = format!(
            "一、主要举措和成效\n正文。\n附件：2023年度行政复议案件统计表\n某厅\n2024年2月26日\n{note}"
        );
        let o = outline(&text);
        assert_eq!(o.signature.date.as_ref().map(|d| d.0.day), Some(26));
        assert_eq!(o.signature.organ.map(|s| &text[s]), Some("某厅"));
        // (As a PDF's text gives it: the organ run on after the attachment's line.)
        let text = format!(
            "一、主要举措和成效\n正文。\n附件：2023年度行政复议案件统计表某厅\n2024年2月26日\n{note}"
        );
        let o = outline(&text);
        assert_eq!(o.signature.date.as_ref().map(|d| d.0.day), Some(26));
    }

    /// A footnote printed under the 落款 at the foot of the last page.
    #[test]
    fn a_footnote_under_the_signature() {
        for note in [
            "1行政执法案卷评查按照省标准进行。",
            "①数据来源于统计局。",
            "[1]含一般程序案件71起、简易程序案件27起。",
            "［2］含简易程序案件27起。",
            "*数据截至2024年12月31日。",
            "※含简易程序案件。",
            "注1：含简易程序案件27起。",
            "备注：本报告数据来源于统计年鉴",
            "说明：数据截至12月31日",
            "数据来源：县统计局",
            "[^1]: 含局党组理论学习中心组集体学习2次。",
        ] {
            let text = format!("一、主要举措和成效\n正文。\n\n某县司法局\n2025年2月18日\n{note}\n");
            let o = outline(&text);
            assert!(o.signature.date.is_some(), "{note}");
            assert!(o.signature.organ.is_some(), "{note}");
        }
    }

    /// GB/T 9704's order after the date: the 附注, the attachments (a table of any
    /// length), the 版记.
    #[test]
    fn attachments_after_the_note_under_the_signature() {
        let rows: String = (1..=12)
            .map(|n| format!("{n}\n重点任务{n}\n已完成\n"))
            .collect();
        let text = format!(
            "一、主要举措和成效\n正文。\n\n某县人民政府\n2025年2月18日\n（此件公开发布）\n附件\n\
             某县2024年度重点任务完成情况表\n序号\n重点任务\n完成情况\n{rows}\
             抄送：市司法局。\n某县人民政府办公室\n2025年2月19日印发\n"
        );
        let o = outline(&text);
        assert_eq!(&text[o.signature.organ.expect("the organ")], "某县人民政府");
        assert!(o.signature.date.is_some());
    }

    /// A form's note where the seal goes, beside the organ, its label or the date.
    #[test]
    fn seal_notes_in_the_signature() {
        for closing in [
            "某县司法局（盖章）\n2024年1月30日",
            "某县司法局（盖章）\n2024年1月",
            "报告单位（盖章）：某县司法局\n报告时间：2024年1月30日",
            "某县司法局\n2024年1月30日（盖章）",
            "某县司法局\n2024年1月30日（农历腊月十九）",
            "某县司法局\n（盖章）\n2024年1月30日",
            "某县司法局\n（单位盖章）\n2024年1月30日",
            "某县司法局\n盖章\n2024年1月30日",
            "某县司法局\n\n（印章）\n\n2024年1月30日",
        ] {
            let text = format!("一、主要举措和成效\n正文。\n\n{closing}\n");
            let o = outline(&text);
            let organ = o.signature.organ.expect(closing);
            assert_eq!(&text[organ], "某县司法局", "{closing}");
            // (The note is no text of the last part.)
            assert!(
                o.lines
                    .iter()
                    .all(|l| l.kind != LineKind::Paragraph || !text[l.span()].contains('章'))
            );
        }
        // A note alone is no organ.
        let o = outline("一、主要举措和成效\n正文。\n\n（单位盖章）\n2024年1月30日\n");
        assert!(o.signature.organ.is_none());
        assert!(o.signature.date.is_some());
    }

    /// A web page's footer after the 落款 (short lines ending no sentence), when an organ's
    /// line stands above the date.
    #[test]
    fn a_page_footer_after_the_signature() {
        let footer = "地址：某区人民路1号　邮编：310000　联系电话：0571-86001234\n\
             您是本站第2846713位访客\n分享至：\n微信\n手机扫码阅读\n";
        let text = format!("一、主要举措和成效\n正文。\n\n某区司法局\n2024年1月22日\n{footer}");
        assert!(outline(&text).signature.organ.is_some());
        // Without an organ above the date, or with a sentence after it, no 落款.
        for text in [
            format!("一、主要举措和成效\n正文。\n\n2024年1月22日\n{footer}"),
            "一、主要举措和成效\n正文。\n\n某区司法局\n2024年1月22日\n全年办结案件12件。\n"
                .to_string(),
        ] {
            assert!(outline(&text).signature.organ.is_none(), "{text}");
        }
    }

    /// After the 落款: an attached file's name, a page's credits and `（完）`.
    #[test]
    fn page_matter_after_the_signature_is_closing_matter() {
        let text = "一、主要举措和成效\n正文。\n\n某县人民政府\n2024年3月8日\n\n相关附件：\n\
             某县2023年度法治政府建设情况报告.pdf\n责任编辑：李某\n审核：王某\n相关解读：\n\
             图解：某县2023年度报告\n（完）\n";
        let o = outline(text);
        let organ = o.signature.organ.expect("the organ line");
        assert_eq!(&text[organ], "某县人民政府");
        // Any 附注 in parentheses (GB/T 9704), and a page number as a PDF export or
        // Word's footer leaves it.
        for after in [
            "（此件删减后公开）",
            "（本报告经局务会议审议通过）",
            "2",
            "2/3",
            "·2·",
            "Page 2",
            "共3页第2页",
        ] {
            let text =
                format!("一、主要举措和成效\n正文。\n\n某县人民政府\n2024年3月8日\n{after}\n");
            let o = outline(&text);
            assert!(o.signature.organ.is_some(), "{after}");
        }
        assert!(!is_bare_page_number("2024") && !is_bare_page_number("第2"));
        assert!(is_file_name("报告.PDF") && !is_file_name(".pdf") && !is_file_name("见附件.pdf，"));
    }

    /// Headings numbered in a system the grammar does not read (Roman numerals, capital
    /// Chinese numerals, `第一、`, capital letters, circled numbers): each ordinal is the
    /// heading's marker, over the `（一）` or `一、` headings below it; circled numbers
    /// after a numbered heading are items below it (h46).
    #[test]
    fn headings_numbered_in_other_systems() {
        let report = |marks: [&str; 4], sub: &str| {
            format!(
                "某区2024年度法治政府建设情况报告\n前言。\n\
                 {}2024年推进法治政府建设的主要举措和成效\n{sub}全年作出重大行政决策7项，均履行法定程序。\n\
                 {}存在的不足和原因\n基层力量薄弱，原因是编制偏少，专业人员不足。\n\
                 {}党政主要负责人履行推进法治建设第一责任人职责情况\n主要负责人主持专题学法4次，研究部署法治工作。\n\
                 {}2025年推进法治政府建设的主要安排\n{sub}深化示范创建，补齐短板弱项，提升依法行政水平。\n",
                marks[0], marks[1], marks[2], marks[3]
            )
        };
        let all = [
            Role::Measures,
            Role::Shortcomings,
            Role::Duties,
            Role::Plans,
        ];
        for marks in [
            ["Ⅰ、", "Ⅱ、", "Ⅲ、", "Ⅳ、"],
            ["I、", "II、", "III、", "IV、"],
            ["I. ", "II. ", "III. ", "IV. "],
            ["壹、", "贰、", "叁、", "肆、"],
            ["第一、", "第二、", "第三、", "第四、"],
            ["A、", "B、", "C、", "D、"],
            ["①", "②", "③", "④"],
        ] {
            for sub in ["", "（一）依法决策\n", "一、依法决策\n"] {
                let o = outline(&report(marks, sub));
                assert_eq!(top_roles(&o), all, "{marks:?} {sub}");
                if !sub.is_empty() && !marks[0].starts_with('①') {
                    assert_eq!(o.sections[0].children.len(), 1, "{marks:?} {sub}");
                }
            }
        }
        // Circled numbers under a numbered heading are items below it.
        let o = outline(&report(["1.", "2.", "3.", "4."], "①依法决策\n"));
        assert_eq!(top_roles(&o), all);
        // Not a marker: a Latin word, a heading's own letters.
        assert_eq!(other_ordinal("I.e. 即"), None);
        assert_eq!(other_ordinal("ABC、标准"), None);
        assert_eq!(other_ordinal("Ⅱ、存在"), Some("Ⅱ、".len()));
        // Parts numbered `1.` over sections numbered `（一）`, the standard's order
        // turned over: the parts are the top level.
        let o = outline(&report(
            ["1.", "2.", "3.", "4."],
            "（一）依法决策\n正文。\n（二）依法监管\n",
        ));
        assert_eq!(top_roles(&o), all);
        assert_eq!(o.sections[0].children.len(), 2);
    }

    /// Numbering turned over only where the outer numbers run on through the inner
    /// headings and each inner run follows an outer heading.
    #[test]
    fn numbering_turned_over() {
        // 1. （一） （二） 2. 3. （一）: `1.` outside `（一）`.
        let turned = [(3, 1), (2, 1), (2, 2), (3, 2), (3, 3), (2, 1)];
        assert_eq!(turned_over(&turned), Some((3, 2)));
        // The standard's order: `1.` starts again under each `（二）`.
        assert_eq!(turned_over(&[(2, 1), (3, 1), (3, 2), (2, 2), (3, 1)]), None);
        // A list `1.` `2.` before the sections, never resumed.
        assert_eq!(turned_over(&[(3, 1), (3, 2), (2, 1), (2, 2)]), None);
        // A `一、` above both.
        assert_eq!(turned_over(&[(3, 1), (2, 1), (3, 2), (1, 1)]), None);
        // An inner run not following an outer heading.
        assert_eq!(turned_over(&[(3, 1), (2, 1), (3, 2), (2, 3), (2, 1)]), None);
    }

    /// The first part's heading whose number Word lost on export (`主要举措和成效` over
    /// `（一）…`, the next part numbered `二、`) is the first top-level heading (h86).
    #[test]
    fn a_first_heading_that_lost_its_number() {
        let text = "某局关于2022年度法治政府建设情况的报告\n2022年推进法治政府建设的主要举措和成效\n\
             （一）加强组织领导\n（二）规范执法\n全年处理劳动保障违法案件386件，结案381件，局党组会议研究法治政府建设工作4次。\n\
             二、存在的不足和原因\n一是培训不够，原因在于经费不足。\n";
        let o = outline(text);
        let heads: Vec<(u8, u32)> = o.walk().map(|s| (s.level, s.number)).collect();
        assert_eq!(heads, [(1, 0), (2, 1), (2, 2), (1, 2)]);
        assert_eq!(top_roles(&o), [Role::Measures, Role::Shortcomings]);
        // Not when the first numbered part is `一、`: the line is the text's.
        let text = text.replace("二、存在", "一、存在");
        let o = outline(&text);
        assert!(
            o.walk()
                .all(|s| !text[s.heading.clone()].contains("主要举措"))
        );
    }

    /// Headings underlined in Markdown (setext: `===` or `---` on the next line): the
    /// underline is no heading and no text.
    #[test]
    fn underlined_headings() {
        let text = "某县2022年度法治政府建设情况报告\n================================\n\n主要举措和成效\n--------------\n\n\
             全年审查规范性文件14件、重大行政决策5件，提出审查意见521条，采纳率为96.7%。\n\n\
             存在的不足和原因\n----------------\n\n法律服务供给与群众需求仍有差距，原因是基层法律服务人员数量偏少。\n\n\
             * * *\n\n2023年工作安排\n------------\n\n持续深化法治政府建设，完善依法决策机制，加强执法监督。\n";
        let o = outline(text);
        let headings: Vec<&str> = (o.sections.iter())
            .map(|s| &text[s.heading.clone()])
            .collect();
        assert_eq!(
            headings,
            ["主要举措和成效", "存在的不足和原因", "2023年工作安排"]
        );
        assert_eq!(
            top_roles(&o),
            [Role::Measures, Role::Shortcomings, Role::Plans]
        );
    }

    /// Unnumbered headings naming a part may end in a colon, be followed by a short
    /// paragraph or by their own numbered headings; a Markdown heading typed in bold is
    /// a heading, without its marks.
    #[test]
    fn unnumbered_and_bold_headings() {
        let roles = |text: &str| top_roles(&outline(text));
        assert_eq!(
            roles(
                "前言。\n主要举措和成效：\n做了许多工作，取得明显成效。\n2024年工作安排\n一是加强队伍建设。二是深化多元化解。\n"
            ),
            [Role::Measures, Role::Plans]
        );
        assert_eq!(
            roles("前言。\n存在的不足和原因\n（一）力量不足。原因是编制偏少。\n"),
            [Role::Shortcomings]
        );
        // The first straight after the title.
        assert_eq!(
            roles(
                "某县2024年度法治政府建设情况报告\n主要举措和成效\n全年审核规范性文件26件，提出修改意见83条，纠正不规范条款十二处。\n存在的不足和原因\n基层力量薄弱，原因是编制偏少。\n"
            ),
            [Role::Measures, Role::Shortcomings]
        );
        let text = "前言。\n\n**一、存在的不足和原因**\n\n正文。\n";
        let o = outline(text);
        assert_eq!(&text[o.sections[0].heading.clone()], "一、存在的不足和原因");
        // Unnumbered bold headings under a Markdown title, short paragraphs between.
        let text = "# 某县2023年度法治政府建设情况报告\n\n前言。\n\n**主要举措和成效**\n\n\
             全年审查规范性文件8件、合同协议57份，办理行政复议案件103件，组织执法案卷评查2轮。\n\n\
             **存在的不足和原因**\n\n基层执法规范化水平不高，原因是培训不够系统。\n\n\
             **2024年工作安排**\n\n持续开展执法人员轮训，创新普法宣传方式。\n";
        let o = outline(text);
        let headings: Vec<&str> = o
            .sections
            .iter()
            .map(|s| &text[s.heading.clone()])
            .collect();
        assert_eq!(
            headings,
            ["主要举措和成效", "存在的不足和原因", "2024年工作安排"]
        );
        // A part's heading right above its first sub-heading, both unnumbered (h54).
        assert_eq!(
            roles(
                "某县司法局2023年度法治政府建设情况报告\n前言。\n主要举措和成效\n完善制度体系\n全年审查规范性文件46件，提出修改意见112条。\n存在的不足和原因\n执法力量不足，原因是编制紧张。\n"
            ),
            [Role::Measures, Role::Shortcomings]
        );
    }

    /// A title broken right after its year: the two lines are the title.
    #[test]
    fn a_title_broken_after_its_year() {
        let o = outline(
            "某市税务局2023年度\n法治政府建设情况报告\n正文。\n一、主要举措和成效\n正文。\n",
        );
        assert_eq!(o.title, [0, 1]);
        // A line above that names no year and no organ stays apart.
        let o = outline("工作动态\n法治政府建设情况报告\n正文。\n");
        assert_eq!(o.title, [1]);
    }

    /// A title typed in a heading style is the title, not a section over the others.
    #[test]
    fn a_title_in_a_heading_style_is_text() {
        let text = "某县2023年法治政府\n建设情况报告\n正文。\n主要举措和成效\n正文。\n";
        let source = Source::new("t.docx", text.to_string()).with_heading_levels(vec![
            (0, 1),
            (1, 1),
            (3, 2),
        ]);
        let o = Outliner::new(&Config::builtin()).build(&source);
        assert_eq!(o.title, [0, 1]);
        assert_eq!(o.sections.len(), 1);
        assert_eq!(o.sections[0].role, Role::Measures);
    }
}
