//! Text that lost its line breaks (a whole report on one line) and copy-site watermarks
//! pasted into a line: both found in raw lines, both answered with sub-line spans.
//!
//! A long line holding `一、` … `二、` at sentence starts, in sequence (not after a
//! semicolon, as the items of a sentence's list are), is cut before each of them and before a heading's first item run into it (`…原因一是…`); its opening is
//! cut after the title (up to the first `报告`), its end before a 落款 run on after the
//! last sentence (`…。某区司法局2024年1月22日`). A watermark is a
//! URL or domain glued into the text, with the site's slogan before it.

use super::lines::{self, RawKind, RawKinds, RawLine};
use super::{Line, LineKind};
use crate::config::OutlineConfig;
use std::ops::Range;

/// A line shorter than this (in bytes) is never taken for a flattened document.
const MIN_FLAT_BYTES: usize = 300;
/// The longest heading (in characters) looked for before its first item.
const HEADING_CHARS: usize = 40;

/// The lines of a document, flattened lines cut into segments: each line's span (its
/// kind still [`LineKind::Blank`]) and, at the same index, what the grammar saw on it.
pub struct Split {
    pub lines: Vec<Line>,
    pub kinds: RawKinds,
    /// The source line indexes that were cut.
    pub flattened: Vec<usize>,
    pub watermarks: Vec<Range<usize>>,
}

impl Split {
    fn push(&mut self, span: Range<usize>, kind: RawKind) {
        self.lines.push(Line::new(span, LineKind::Blank));
        self.kinds.push(kind);
    }
}

/// `raw` with every flattened line cut into segments, and the watermarks found. `lines`
/// is the number of lines `raw` yields.
pub fn split(
    text: &str,
    raw: impl Iterator<Item = RawLine>,
    lines: usize,
    cfg: &OutlineConfig,
) -> Split {
    let mut out = Split {
        lines: Vec::with_capacity(lines),
        kinds: RawKinds::with_capacity(lines),
        flattened: Vec::new(),
        watermarks: Vec::new(),
    };
    for (index, r) in raw.enumerate() {
        let marks = watermarks_in(text, r.span.clone(), &cfg.watermark_words);
        let cuts = match r.kind {
            RawKind::Text | RawKind::Heading(_) if r.span.len() >= MIN_FLAT_BYTES => {
                heading_starts(&text[r.span.clone()], r.span.start)
            }
            _ => Vec::new(),
        };
        // Items of a sentence's list (`“三个纳入”：一、…；二、…；三、…`), not headings.
        let listed = cuts
            .iter()
            .skip(1)
            .any(|&cut| text[..cut].ends_with(['；', ';']));
        // Nor the points of a paragraph, each a short sentence run into its text
        // (`一、违法用地查处难度较大。部分…二、林业执法力量分散。…`), on a line without
        // the title: the top-level headings of a report end in no full stop.
        let pointed = cuts.iter().all(|&cut| {
            text[cut..r.span.end]
                .chars()
                .take(HEADING_CHARS)
                .any(|c| c == '。')
        });
        let untitled = cuts
            .first()
            .is_some_and(|&cut| title_end(&text[r.span.start..cut], &cfg.title_words).is_none());
        let cuts = if listed || pointed && untitled {
            Vec::new()
        } else {
            cuts
        };
        // The opening: a watermark, the title, the preamble.
        let mut at = r.span.start;
        let watermark = marks.iter().find(|w| w.start == r.span.start);
        if let Some(w) = watermark {
            at = w.end;
        }
        let title = cuts
            .first()
            .and_then(|&cut| title_end(&text[at..cut], &cfg.title_words));
        // Two headings in sequence, or the title and the first heading.
        if cuts.len() < 2 && (cuts.is_empty() || title.is_none()) {
            out.watermarks.extend(marks);
            out.push(r.span, r.kind);
            continue;
        }
        out.flattened.push(index);
        let mut bounds = vec![r.span.start];
        if let Some(w) = watermark {
            bounds.push(w.end);
        }
        if let Some(end) = title {
            bounds.push(at + end);
        }
        bounds.extend(cuts.iter().copied());
        let text_line = &text[r.span.clone()];
        if let Some(at) = signature_start(text_line, r.span.start)
            && bounds.last().is_some_and(|&last| at > last)
        {
            bounds.push(at);
        }
        bounds.push(r.span.end);
        // A heading runs into its first item: `二、存在的不足和原因一是…`.
        let items: Vec<usize> = cuts
            .iter()
            .filter_map(|&cut| first_item(&text[cut..r.span.end]).map(|at| cut + at))
            .collect();
        bounds.extend(items);
        bounds.sort_unstable();
        bounds.dedup();
        for pair in bounds.windows(2) {
            let span = pair[0]..pair[1];
            if span.is_empty() {
                continue;
            }
            let kind = lines::classify(&text[span.clone()], span.start);
            out.push(span, kind);
        }
        out.watermarks.extend(marks);
    }
    out
}

/// Where the 落款 run on at the end of a flattened line starts (`…氛围。某区司法局2024年1月22日`):
/// after the last sentence end, when a short organ's name and a date follow it.
fn signature_start(line: &str, base: usize) -> Option<usize> {
    let date = lines::trailing_date(line, base)?;
    let before = &line[..date.span.start - base];
    let end = before.rfind(['。', '！', '？'])? + '。'.len_utf8();
    let organ = before[end..].trim();
    let plain = !organ.contains(['，', '、', '；', '：', ',', ';', ':']);
    (!organ.is_empty() && organ.chars().count() <= 30 && plain).then_some(base + end)
}

/// Where the first item (`（一）`, `一是`) starts in a heading's segment of a flattened
/// line, when the heading runs into it within a heading's length and no sentence ends
/// before it.
fn first_item(segment: &str) -> Option<usize> {
    let head: usize = segment
        .chars()
        .take(HEADING_CHARS)
        .map(char::len_utf8)
        .sum();
    let head = &segment[..head];
    let at = ["（一）", "(一)", "一是"]
        .iter()
        .filter_map(|m| head.find(m))
        .min()?;
    let heading = &head[..at];
    (heading.chars().count() > "一、".chars().count()
        && !heading.contains(['。', '；', '！', '？']))
    .then_some(at)
}

/// Where `一、`, `二、`, … begin in `line` (offset by `base`): at the line's start or after
/// a sentence end, numbered in sequence from one.
fn heading_starts(line: &str, base: usize) -> Vec<usize> {
    let mut starts: Vec<usize> = Vec::new();
    for comma in memchr::memmem::find_iter(line.as_bytes(), "、".as_bytes()) {
        let before = &line[..comma];
        let digits = before
            .chars()
            .rev()
            .take(3)
            .take_while(|c| "一二三四五六七八九十".contains(*c))
            .map(char::len_utf8)
            .sum::<usize>();
        let at = comma - digits;
        let boundary = line[..at]
            .chars()
            .next_back()
            .is_none_or(|p| "。；;：:！？!?”\u{3000} ".contains(p));
        let next = starts.len() as u32 + 1;
        if digits > 0 && boundary && lines::chinese_number(&line[at..comma]) == next {
            starts.push(base + at);
        }
    }
    starts
}

/// The title at the start of a flattened document: up to and with its first `报告`,
/// when that is short and names the report.
fn title_end(opening: &str, title_words: &[String]) -> Option<usize> {
    let end = opening.find("报告")? + "报告".len();
    let title = &opening[..end];
    (title.chars().count() <= 60
        && !title.contains(['。', '，', ','])
        && title_words.iter().all(|w| title.contains(w.as_str())))
    .then_some(end)
}

/// Copy-site watermarks in a line: a URL or domain, no government site's, preceded by one
/// of `words` (the site's slogan) or glued between two Chinese characters.
fn watermarks_in(text: &str, span: Range<usize>, words: &[String]) -> Vec<Range<usize>> {
    let line = &text[span.clone()];
    let mut found = Vec::new();
    if memchr::memchr2(b'w', b'h', line.as_bytes()).is_none() {
        return found;
    }
    let mut from = 0;
    while let Some(at) = ["www.", "http"]
        .iter()
        .filter_map(|p| line[from..].find(p).map(|i| from + i))
        .min()
    {
        let end = at
            + line[at..]
                .find(|c: char| !(c.is_ascii_alphanumeric() || "./:_-?=&%#~".contains(c)))
                .unwrap_or(line.len() - at);
        from = end.max(at + 1);
        let url = &line[at..end];
        // Back over the slogan: watermark words and the separators between them.
        let mut start = at;
        loop {
            let before = line[..start].trim_end_matches(['—', '-', '·', '|', ' ', '_', ':', '：']);
            match words
                .iter()
                .find(|w| !w.is_empty() && before.ends_with(w.as_str()))
            {
                Some(w) => start = before.len() - w.len(),
                None => break,
            }
        }
        let han = |c: Option<char>| c.is_some_and(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c));
        let glued = han(line[..at].chars().next_back()) && han(line[end..].chars().next());
        let government = [".gov", ".edu", ".org.cn"].iter().any(|g| url.contains(g));
        if (start < at || glued) && !government {
            found.push(span.start + start..span.start + end);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_at_headings_in_sequence_only() {
        let line = "标题。前言：一、甲。十二、不算。二、乙。一、又一个。三、丙。";
        let cuts: Vec<&str> = heading_starts(line, 0)
            .into_iter()
            .map(|i| &line[i..i + "一、".len()])
            .collect();
        assert_eq!(cuts, ["一、", "二、", "三、"]);
    }

    #[test]
    fn a_heading_is_cut_from_its_first_item() {
        assert_eq!(
            first_item("二、存在的不足和原因一是基层力量薄弱。"),
            Some("二、存在的不足和原因".len())
        );
        assert_eq!(
            first_item("三、工作安排（一）加强学习。"),
            Some("三、工作安排".len())
        );
        assert_eq!(first_item("二、存在的不足。一是基层力量薄弱。"), None);
        assert_eq!(first_item("二、一是"), None);
    }

    #[test]
    fn a_signature_run_on_at_the_end_is_cut_off() {
        let line = "正文。某区司法局2024年1月22日";
        assert_eq!(signature_start(line, 0), Some("正文。".len()));
        for line in [
            "正文。2024年1月22日",
            "正文2024年1月22日",
            "正文。截至2024年1月22日，共办结",
            "正文。办结案件12件，截至2024年1月22日",
        ] {
            assert_eq!(signature_start(line, 0), None, "{line}");
        }
    }

    #[test]
    fn watermarks_with_their_slogan_or_glued_into_text() {
        let words = vec!["全网资源每日更新".to_string(), "秘书之家".to_string()];
        let text = "扛牢法治建设第一秘书之家—全网资源每日更新www.mishuzj.com责任人职责。";
        let marks: Vec<&str> = watermarks_in(text, 0..text.len(), &words)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(marks, ["秘书之家—全网资源每日更新www.mishuzj.com"]);
        let cited = "在门户网站（http://rsj.sx.gov.cn/）公开，可登录www.gov.cn查询。";
        assert!(watermarks_in(cited, 0..cited.len(), &words).is_empty());
        let glued = "依法行政www.wenku.com水平提升";
        assert_eq!(watermarks_in(glued, 0..glued.len(), &words).len(), 1);
        let words = vec!["文章来源".to_string()];
        let source = "均按时办结（文章来源：https://www.fanwen.cn/a/1.html）。";
        let marks: Vec<&str> = watermarks_in(source, 0..source.len(), &words)
            .into_iter()
            .map(|r| &source[r])
            .collect();
        assert_eq!(marks, ["文章来源：https://www.fanwen.cn/a/1.html"]);
    }
}
