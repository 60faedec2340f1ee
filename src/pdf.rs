//! Reading a PDF's text layer: paragraphs in reading order, with the page each starts on.
//!
//! The text is extracted page by page with `pdf-extract` (on `lopdf`). Then, per page,
//! page numbers (`— 3 —`, `- 3 -`, `第3页`, `3/12`) are dropped, and so are running
//! headers and footers: a line that opens most pages, or closes most pages (figures
//! aside), and on any page a browser's print header (date and time, then the page's
//! title) and footer (address, page counter). Where the text layer spaced out the
//! digits (Chromium's fonts: `2 0 2 4`), they are closed up. A single space next to
//! Chinese text is dropped: the text layer puts one wherever the font changes (`2024 年
//! 1 月`), so it says nothing about the document; a line whose every glyph stands apart
//! (character spacing: `2 0 2 5 年`) loses them all.
//! Lines a layout wrapped inside one paragraph are joined again: a line continues the
//! one before unless that one is clearly narrower than the page's full lines (widths in
//! columns, a Chinese character two), ends a sentence (`。！？；：`) other than as a
//! full line before another full line (justified text), is a heading with no sentence
//! in it short of the margin (by more than an indent), names the report (the title) or
//! is a table of contents' entry ending at its page number (`……2`); or unless the line
//! itself starts a heading (`一、`, `（一）`, `1.`) after a line ending in punctuation or
//! short of the margin, or is indented, or is a full line (or one ending a sentence)
//! under a heading that filled its line (a heading's wrapped tail is short and holds no
//! sentence). A paragraph broken by
//! a page break is joined too. A PDF with no text at all is a scan: an error, not an
//! empty report.

use crate::inline::{is_han, is_ideograph};
use regex::Regex;
use std::cell::Cell;
use std::fmt;
use std::sync::{LazyLock, Once};
use unicode_width::UnicodeWidthChar;

/// A page number alone on its line.
static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[\s\-—－–·•]*(第\s*)?\d{1,4}(\s*页)?(\s*/\s*\d{1,4}|\s*共\s*\d{1,4}\s*页)?[\s\-—－–·•]*$",
    )
    .expect("valid pattern")
});

/// A browser's print header: the date and time of printing, then the page's title
/// (`11/24/26, 11:44 AM 标题`, `2026/11/24 11:44 标题`, `2026/11/24 上午11:44 标题`).
static BROWSER_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4},?\s*(上午|下午)?\d{1,2}:\d{2}(:\d{2})?(\s*[AaPp]\.?[Mm]\.?)?\s+\S",
    )
    .expect("valid pattern")
});

/// A browser's print footer: the page's address (http, https, file; `ﬁ` may come out
/// as one ligature) and the page counter (`http://example.gov.cn/a.html 2/3`), or
/// either alone.
static BROWSER_FOOTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^((https?|file|ﬁle)://\S+)?\s*(\d{1,4}\s*/\s*\d{1,4})?$").expect("valid pattern")
});

/// A line that starts a heading or an enumerated item.
static HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、]\D|第[一二三四五六七八九十]+[章节条部分])")
        .expect("valid pattern")
});

/// A table of contents' entry, ending in its page number after a leader (`……2`,
/// `........ 3`): the entry ends there.
static CONTENTS_ENTRY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\.{2,}|…+|·{2,})\s*\d{1,3}$").expect("valid pattern"));

/// The most characters of a paragraph's last line that a heading indented two
/// characters can run on after (see [`runs_apart`]).
const SHORT_LAST_LINE: usize = 3;

/// Characters that end a paragraph when a line ends with them.
const PARAGRAPH_ENDS: &[char] = &['。', '！', '？', '；', '：', '!', '?', ';', ':'];

/// How many lines at the top and at the bottom of a page may be running headers/footers.
const EDGE: usize = 2;

/// A line shorter than this share of the page's longest line ends its paragraph (in
/// display columns: a Chinese character takes two, a digit one, as on the page).
const SHORT_LINE: f64 = 0.8;
/// A line narrower than this (twelve Chinese characters) ends its paragraph whatever
/// the page: no page of running text is that narrow.
const MIN_LINE: f64 = 24.0;

/// Why a PDF could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PdfError {
    /// The file has pages but no text: a scanned image.
    NoText,
    /// The file could not be parsed (damaged, encrypted, not a PDF).
    Unreadable(String),
}

impl fmt::Display for PdfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PdfError::NoText => f.write_str(
                "这个 PDF 没有文字层（可能是扫描件或图片），无法检查；\
                 请先做文字识别（OCR），或提供 Word、文本版本",
            ),
            PdfError::Unreadable(e) => write!(f, "无法读取这个 PDF 文件（{e}）"),
        }
    }
}

impl std::error::Error for PdfError {}

/// The paragraphs of a PDF, and for each page after the first, the index of the first
/// paragraph that starts on it.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Document {
    pub paragraphs: Vec<String>,
    pub page_starts: Vec<usize>,
}

/// Extracts and reassembles the text of a PDF.
pub fn read(bytes: &[u8]) -> Result<Document, PdfError> {
    let pages = quietly(|| pdf_extract::extract_text_from_mem_by_pages(bytes))
        .map_err(|_| PdfError::Unreadable("文件结构无法解析".into()))?
        .map_err(|e| PdfError::Unreadable(e.to_string()))?;
    let pages = unspace_digits(pages);
    let pages: Vec<Vec<&str>> = pages
        .iter()
        .map(|p| p.lines().map(str::trim_end).collect())
        .collect();
    if pages.iter().flatten().all(|l| l.trim().is_empty()) {
        return Err(PdfError::NoText);
    }
    Ok(assemble(&pages))
}

thread_local! {
    /// Set while [`quietly`] runs: a panic then is caught, not reported.
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f`, catching a panic without the panic message: pdf-extract panics on some
/// malformed files, and a bad file must neither end the run nor print a Rust backtrace.
/// Panics elsewhere are reported as usual.
fn quietly<R>(f: impl FnOnce() -> R + std::panic::UnwindSafe) -> std::thread::Result<R> {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let report = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                report(info);
            }
        }));
    });
    QUIET.with(|q| q.set(true));
    let result = std::panic::catch_unwind(f);
    QUIET.with(|q| q.set(false));
    result
}

/// Paragraphs from the pages' lines.
pub fn assemble(pages: &[Vec<&str>]) -> Document {
    let running = running_lines(pages);
    let mut doc = Document::default();
    // Whether the last paragraph may continue on the next line.
    let mut open = false;
    // Whether the last paragraph is one line so far, a heading without a sentence.
    let mut heading_line = false;
    for (n, page) in pages.iter().enumerate() {
        let content: Vec<&str> = page
            .iter()
            .copied()
            .filter(|l| !l.trim().is_empty())
            .collect();
        let content = runs_apart(&content);
        let [headers, footers] = &running;
        // On the first page a header repeating the report's title is its title, unless
        // the title follows it there too (a header on every page).
        let title_on_first_page = |i: usize, key: &str| {
            n == 0 && key.contains("报告") && !content[i + 1..].iter().any(|l| figureless(l) == key)
        };
        // A browser's print header or footer goes from any page, the first too: the text
        // layer may put the header at the bottom.
        let browser = |i: usize, l: &str| {
            (i < EDGE || i + EDGE >= content.len())
                && (BROWSER_HEADER.is_match(l.trim()) || BROWSER_FOOTER.is_match(l.trim()))
        };
        let furniture = |i: usize, line: &str| {
            let key = figureless(line);
            browser(i, line)
                || (i < EDGE && headers.contains(&key) && !title_on_first_page(i, &key))
                || (i + EDGE >= content.len() && footers.contains(&key))
        };
        // A running header kept as the title (first page) is a line of its own.
        let kept_header = |i: usize, l: &str| i < EDGE && headers.contains(&figureless(l));
        let lines: Vec<(bool, &str)> = content
            .iter()
            .enumerate()
            .filter(|(i, l)| !furniture(*i, l))
            .map(|(i, l)| (kept_header(i, l), *l))
            .filter(|(_, l)| !PAGE_NUMBER.is_match(l.trim()))
            .collect();
        // Each line without its gaps, and whether it is indented.
        let headers_kept: Vec<bool> = lines.iter().map(|(h, _)| *h).collect();
        let lines: Vec<(bool, std::borrow::Cow<str>)> = lines
            .iter()
            .map(|(_, l)| {
                let indented = l.starts_with("  ") || l.starts_with('\u{3000}');
                let line = close_gaps(l.trim());
                let line = match heading_quotes_after(&line) {
                    Some(moved) => moved.into(),
                    None => line,
                };
                (indented, line)
            })
            .collect();
        let full = full_width(lines.iter().map(|(_, l)| l.as_ref()));
        let mut page_start = None;
        let full_line = |t: &str| columns(t) + 2 >= full;
        for (k, (indented, closed)) in lines.iter().enumerate() {
            let (indented, text) = (*indented, closed.as_ref());
            // A full line broken inside a word (`…标准不够统` / `一、程序不够规范`): what
            // follows goes on with it, whatever it opens with. (Not after a quotation's
            // close: the marks a heading's line had in front are put at its end.)
            // (A paragraph's first line is indented by two characters.)
            let mid_word = k > 0 && {
                let before = lines[k - 1].1.as_ref();
                columns(before) + INDENT_COLUMNS + 2 >= full
                    && before
                        .chars()
                        .next_back()
                        .is_some_and(|c| is_ideograph(c) || matches!(c, '“' | '‘'))
            };
            let header = headers_kept[k];
            // A heading's wrapped tail is short and holds no sentence: a full line, or one
            // ending a sentence, under a heading that filled its line starts the heading's
            // paragraph (whose indent the text layer lost).
            let under_heading = heading_line && (full_line(text) || text.contains('。'));
            match doc.paragraphs.last_mut() {
                Some(last)
                    if open
                        && !indented
                        && !header
                        && !under_heading
                        && (!HEADING.is_match(text) || mid_word) =>
                {
                    join(last, text);
                    heading_line = false;
                }
                _ => {
                    page_start.get_or_insert(doc.paragraphs.len());
                    doc.paragraphs.push(text.to_string());
                    heading_line = HEADING.is_match(text) && !text.contains(PARAGRAPH_ENDS);
                }
            }
            let short = (columns(text) as f64) < (SHORT_LINE * full as f64).max(MIN_LINE);
            // A heading without a sentence in it (`一、主要举措和成效`) stands alone, unless
            // it runs to the margin (a long heading wraps); so does a line naming the
            // report (the title, in a larger font).
            // (A heading typed as a paragraph is indented two characters, so its first
            // line reaches the margin four columns short of a full line.)
            let bare_heading = HEADING.is_match(text)
                && !text.contains(PARAGRAPH_ENDS)
                && columns(text) + INDENT_COLUMNS + 2 < full;
            let title = text.ends_with("报告") || text.ends_with("报告》");
            // Justified text reaches the margin whatever a line ends with: a full line
            // ending a sentence goes on when the next line is full too (a paragraph's
            // first line is indented, so two characters narrower; its last is short).
            let next_full = lines.get(k + 1).is_some_and(|(_, l)| full_line(l));
            let ended = text.ends_with(PARAGRAPH_ENDS) && !(full_line(text) && next_full);
            let contents = CONTENTS_ENTRY.is_match(text);
            open = !short && !bare_heading && !title && !ended && !contents && !header;
        }
        if n > 0 {
            doc.page_starts
                .push(page_start.unwrap_or(doc.paragraphs.len()));
        }
    }
    doc
}

/// `lines` with a line the text layer ran on after a paragraph's short last line put on
/// a line of its own: in single spacing a line starting to the right of where the last
/// ended sits lower by less than the text layer takes for a new line. So a 落款's organ,
/// set to the right (`特此报告。 某县司法局`, then the date), and a heading indented past a
/// last line of a character or two (`件。5. “加强法治宣传教育…`, `下：一、主要举措和成效`).
fn runs_apart<'a>(lines: &[&'a str]) -> Vec<&'a str> {
    let mut out = Vec::with_capacity(lines.len());
    for (k, line) in lines.iter().enumerate() {
        let dated =
            |l: &str| ['年', '月', '日'].iter().all(|&c| l.contains(c)) && l.chars().count() <= 20;
        let organ = |after: &str| {
            (2..=20).contains(&after.chars().count())
                && after.chars().all(|c| is_han(c) || matches!(c, '（' | '）'))
                && lines.get(k + 1).is_some_and(|next| dated(next))
        };
        let heading = |before: &str, after: &str| {
            before.trim().chars().count() <= SHORT_LAST_LINE && HEADING.is_match(&close_gaps(after))
        };
        // (All these ends are three bytes long.)
        let at = |at: Option<usize>| {
            at.map(|at| {
                let (before, after) = line.split_at(at + '。'.len_utf8());
                (before, after.trim())
            })
        };
        let ends = ['。', '：', '；', '！', '？'];
        let split = (at(line.rfind('。')).filter(|&(_, after)| organ(after)))
            .or_else(|| at(line.find(ends)).filter(|&(before, after)| heading(before, after)));
        match split {
            Some((before, after)) => out.extend([before, after]),
            None => out.push(*line),
        }
    }
    out
}

/// A heading's line with the quotation marks a text layer put before all its glyphs
/// (LibreOffice's PDFs: `“ ” “ ”（一）深化放管服改革`) moved after them, so the heading
/// opens with its number, when the marks moved are whole pairs; `None` for any other
/// line.
fn heading_quotes_after(line: &str) -> Option<String> {
    const QUOTES: [char; 4] = ['“', '”', '‘', '’'];
    // (A dash of the line, `——`, is reordered with them.)
    let moved = |c: char| QUOTES.contains(&c) || c == '—';
    let text = line.trim_start_matches(|c| moved(c) || c == ' ');
    let run: String = line[..line.len() - text.len()]
        .chars()
        .filter(|&c| moved(c))
        .collect();
    // (Only whole pairs: a run holding the close of the line before's quotation stays.)
    let pairs = |open: char, close: char| {
        let mut depth = 0i32;
        for c in run.chars() {
            depth += i32::from(c == open) - i32::from(c == close);
            if depth < 0 {
                return false;
            }
        }
        depth == 0
    };
    let whole = pairs('“', '”') && pairs('‘', '’');
    let label = HEADING.find(text)?;
    if run.is_empty() {
        return None;
    }
    if whole {
        return Some(format!("{text}{run}"));
    }
    // A run opening a quotation inside the heading's first words (`“（三）推进互联网+”监管`,
    // where the page has `（三）推进“互联网+监管”`): right after the number, the line
    // still holding each mark it had.
    let end = match label.as_str().chars().next_back() {
        Some(c)
            if !matches!(c, '、' | '）' | ')' | '.' | '．')
                && !label.as_str().starts_with('第') =>
        {
            label.end() - c.len_utf8()
        }
        _ => label.end(),
    };
    let opens = run.starts_with(['“', '‘']);
    opens.then(|| format!("{}{run}{}", &text[..end], &text[end..]))
}

/// `line` without the single spaces the text layer puts where the font changes or the
/// glyphs are spread (`全年办理案件 86 件`, `2024 年 1 月 20 日`, a justified line's
/// `依 法 行 政 ,`): next to Chinese, a space in a PDF says nothing about the document, so
/// no rule reads one there. Spaces between Latin words, and runs of spaces, stay.
fn close_gaps(line: &str) -> std::borrow::Cow<'_, str> {
    if !line.contains(' ') {
        return line.into();
    }
    if letter_spaced(line) {
        return line
            .chars()
            .filter(|&c| c != ' ')
            .collect::<String>()
            .into();
    }
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' && i > 0 && i + 1 < chars.len() {
            let (before, after) = (chars[i - 1], chars[i + 1]);
            let gap = before != ' ' && after != ' ' && (is_han(before) || is_han(after));
            if gap {
                continue;
            }
        }
        out.push(c);
    }
    out.into()
}

/// Whether every glyph of `line` stands apart, spaces between each and the next
/// (`2 0 2 5 年 2 月 1 8 日`, `青   山   县`): glyphs spread by character spacing, where
/// even the spaces between digits say nothing. At least two Chinese characters among
/// four glyphs: a row of single figures (`1 2 3`) stays as it is.
fn letter_spaced(line: &str) -> bool {
    let (mut glyphs, mut han, mut after_space) = (0, 0, true);
    for c in line.chars() {
        if c == ' ' {
            after_space = true;
            continue;
        }
        if !after_space {
            return false;
        }
        glyphs += 1;
        han += usize::from(is_han(c));
        after_space = false;
    }
    glyphs >= 4 && han >= 2
}

/// A year whose digits stand apart beside Chinese (`2 0 2 4年`, `2 0 2 4 年`).
static SPACED_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(^|\D)[12] \d \d \d ?\p{Han}").expect("valid pattern"));

/// Digits standing apart right after Chinese (`共2 8 项`) or before a decimal point or
/// a percent sign (`9 8 .4`, `1 0 0 %`).
static SPACED_RUN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\p{Han}\d \d(\D|$)|(^|\D)\d \d ?[.%]").expect("valid pattern"));

/// The pages with the spaces closed up that the text layer puts after each digit when
/// it misreads a font's digit widths (Chromium's PDFs: `2 0 2 4 年`, `9 8 .4 %`,
/// `1 1 :4 4`), if the document shows that: a spaced year beside Chinese, or three
/// spaced runs of digits beside Chinese or a `.` or `%`, outside letter-spaced lines.
/// Other documents are left as they are: there `1 2 3` is a row of one-figure cells.
fn unspace_digits(pages: Vec<String>) -> Vec<String> {
    let lines = || {
        pages
            .iter()
            .flat_map(|p| p.lines())
            .filter(|l| !letter_spaced(l.trim()))
    };
    let runs: usize = lines().map(|l| SPACED_RUN.find_iter(l).count()).sum();
    if runs < 3 && !lines().any(|l| SPACED_YEAR.is_match(l)) {
        return pages;
    }
    pages.iter().map(|p| close_digits(p)).collect()
}

/// `text` without the single spaces after a lone digit before another lone digit, a
/// Latin letter or an ASCII mark (`2 0 2 4` → `2024`, `9 8 .4 %` → `98.4%`, `P2 _a` →
/// `P2_a`). Figures set close in another font keep their spaces (`03-15 10:12`), and a
/// run of spaces stays.
fn close_digits(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let digit = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    let spaced = |i: usize| {
        i > 0
            && chars[i] == ' '
            && digit(i - 1)
            && !(i > 1 && digit(i - 2))
            && chars.get(i + 1).is_some_and(char::is_ascii_graphic)
            && !(digit(i + 1) && digit(i + 2))
    };
    (0..chars.len())
        .filter(|&i| !spaced(i))
        .map(|i| chars[i])
        .collect()
}

/// How wide `line` is on the page, in columns: two for a Chinese character or mark
/// (the quotation marks included), one for a digit or Latin letter.
/// The columns of a page's full line: its longest line's, but a line with quotation
/// marks counts them two columns each where the font may set them narrow (LibreOffice,
/// a Word draft's Latin font), so the longest line without them stands for the page when
/// it is nearly as long.
fn full_width<'a>(lines: impl Iterator<Item = &'a str> + Clone) -> usize {
    let longest = lines.clone().map(columns).max().unwrap_or(0);
    let unquoted = lines
        .filter(|l| !l.contains(['“', '”', '‘', '’']))
        .map(columns)
        .max()
        .unwrap_or(0);
    if unquoted * 10 >= longest * 8 {
        unquoted
    } else {
        longest
    }
}

fn columns(line: &str) -> usize {
    line.chars()
        .map(|c| if is_han(c) { 2 } else { c.width().unwrap_or(0) })
        .sum()
}

/// A paragraph's first-line indent, in columns: two Chinese characters.
const INDENT_COLUMNS: usize = 4;

/// Appends a wrapped line: no space between CJK text, one between Latin words.
fn join(paragraph: &mut String, line: &str) {
    let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    if latin(paragraph.chars().last()) && latin(line.chars().next()) {
        paragraph.push(' ');
    }
    paragraph.push_str(line);
}

/// A line with its figures removed, so `2024年度报告 第3页` matches on every page.
fn figureless(line: &str) -> String {
    line.trim()
        .chars()
        .filter(|c| !c.is_ascii_digit())
        .collect()
}

/// Lines (figures removed) that open more than half the pages, and those that close
/// more than half, on three pages or more: running headers and running footers. Kept
/// apart, so that a signature closing the last page is not taken for a header naming
/// the same organ.
fn running_lines(pages: &[Vec<&str>]) -> [Vec<String>; 2] {
    if pages.len() < 3 {
        return [Vec::new(), Vec::new()];
    }
    let mut counts: [Vec<(String, usize)>; 2] = [Vec::new(), Vec::new()];
    for page in pages {
        let content: Vec<&str> = page
            .iter()
            .copied()
            .filter(|l| !l.trim().is_empty())
            .collect();
        let top = content.iter().take(EDGE);
        let bottom = content.iter().rev().take(EDGE);
        for (counts, lines) in counts
            .iter_mut()
            .zip([top.collect::<Vec<_>>(), bottom.collect()])
        {
            let mut ends: Vec<String> = lines
                .into_iter()
                .map(|l| figureless(l))
                .filter(|l| !l.is_empty())
                .collect();
            ends.sort();
            ends.dedup();
            for e in ends {
                match counts.iter_mut().find(|(l, _)| *l == e) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((e, 1)),
                }
            }
        }
    }
    counts.map(|c| {
        c.into_iter()
            .filter(|(_, n)| *n * 2 > pages.len())
            .map(|(l, _)| l)
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_the_text_layer_puts_next_to_chinese_go() {
        for (line, closed) in [
            (
                "全年办理案件 86 件，审查文件 23 件。",
                "全年办理案件86件，审查文件23件。",
            ),
            (
                "某县人民政府 2024 年 1 月 20 日",
                "某县人民政府2024年1月20日",
            ),
            (
                "推进依法 行政，使用 App 办理。Open Data 平台  对齐",
                "推进依法行政，使用App办理。Open Data平台  对齐",
            ),
            (
                "不 符 合 的 涉 企 文 件 , 守 护 “ 红 头 文",
                "不符合的涉企文件,守护“红头文",
            ),
            // Glyphs spread by character spacing: digits too.
            ("2 0 2 5 年 2 月 1 8 日", "2025年2月18日"),
            ("1 4 件 ， 全 部", "14件，全部"),
            ("青   山   县   政   府", "青山县政府"),
            // A row of single figures, and figures beside words, stay apart.
            ("1 2 3 4", "1 2 3 4"),
            ("行政复议 1 2 0 3", "行政复议1 2 0 3"),
        ] {
            assert_eq!(close_gaps(line), closed);
        }
    }

    /// Justified lines reach the margin whatever they end with: a full line ending a
    /// sentence goes on when the next is full too; before a short line it ends its
    /// paragraph. Widths count a Chinese character or quotation mark as two columns.
    #[test]
    fn a_full_line_ending_a_sentence_goes_on() {
        let pages = [vec![
            "一是强化领导，召开会议研究部署法治政府建设工作四次，",
            "全面完成年度任务。二是完善制度，制定“三张清单”。",
            "三是严格执法，办理案件十二件，评查案卷三百二十件。",
            "四是强化监督，整改问题九个。",
            "某县人民政府",
        ]];
        let doc = assemble(&pages);
        assert_eq!(doc.paragraphs.len(), 3, "{:?}", doc.paragraphs);
        assert!(doc.paragraphs[0].ends_with("三百二十件。"));
        assert_eq!(doc.paragraphs[2], "某县人民政府");
    }

    /// A table of contents' entry ends at its page number, however wide its line.
    #[test]
    fn a_contents_entry_ends_at_its_page_number() {
        let pages = [vec![
            "目　录",
            "二、存在的不足和原因...................................... 2",
            "四、2025年推进法治政府建设的主要安排…………………………4",
            "某县2024年度法治政府建设情况报告",
        ]];
        let doc = assemble(&pages);
        assert_eq!(doc.paragraphs.len(), 4, "{:?}", doc.paragraphs);
        assert!(doc.paragraphs[2].ends_with("…4"));
    }

    #[test]
    fn wrapped_lines_join_and_page_furniture_goes() {
        let pages = [
            vec![
                "某县人民政府",
                "某县2024年法治政府建设年度报告",
                "一、主要举措和成效",
                "（一）健全依法决策机制。全年提请县政府常务会",
                "议审议重大行政决策事项12项，均履行法定程",
                "序。",
                "— 1 —",
            ],
            vec![
                "某县人民政府",
                "（二）规范行政执法行为。全面落实行政执法公示",
                "制度，评查案卷320件。",
                "二、存在的不足",
                "— 2 —",
            ],
            vec![
                "某县人民政府",
                "一是合法性审查力量不足，二是执法规范化水平仍",
                "需提升。",
                "- 3 -",
            ],
        ];
        let doc = assemble(&pages);
        assert_eq!(
            doc.paragraphs,
            [
                "某县2024年法治政府建设年度报告",
                "一、主要举措和成效",
                "（一）健全依法决策机制。全年提请县政府常务会议审议重大行政决策事项12项，均履行法定程序。",
                "（二）规范行政执法行为。全面落实行政执法公示制度，评查案卷320件。",
                "二、存在的不足",
                "一是合法性审查力量不足，二是执法规范化水平仍需提升。",
            ]
        );
        assert_eq!(doc.page_starts, [3, 5]);
    }

    /// What the text layer ran on after a paragraph's short last line goes on a line of
    /// its own: a 落款's organ (h83), a numbered item or heading (h88); a sentence's last
    /// words before a date, and items run on inside a paragraph, stay.
    #[test]
    fn lines_run_on_after_a_short_last_line_go_apart() {
        let pages = [vec![
            "  拓展普法渠道，打造社区法治宣传品牌。",
            "  特此报告。 临湖县司法局",
            "2024 年 2 月 5 日",
        ]];
        assert_eq!(
            assemble(&pages).paragraphs,
            [
                "拓展普法渠道，打造社区法治宣传品牌。",
                "特此报告。",
                "临湖县司法局",
                "2024年2月5日"
            ]
        );
        let pages = [vec!["  全年办结。 共计12件", "2024 年 2 月 5 日"]];
        assert_eq!(assemble(&pages).paragraphs.len(), 2);
        // A numbered item run on after its paragraph's last character or two; a
        // paragraph's items run on in it stay.
        let pages = [vec![
            "  4.化解基层矛盾纠纷。街道人民调解委员会全年受理纠纷592件，调解成功583",
            "件。5. “加强法治宣传教育。依托 社区法律顾问+ ”网格员 模",
            "式，开展法律咨询47场次。",
            "  6.推进政务公开。全年公开信息216条，办复率100%。一是公开预算。 2.公开",
        ]];
        let paragraphs = assemble(&pages).paragraphs;
        assert!(paragraphs[0].ends_with("583件。"), "{paragraphs:?}");
        assert!(paragraphs[1].starts_with("5.“加强"), "{paragraphs:?}");
        assert!(
            paragraphs.last().unwrap().ends_with("一是公开预算。2.公开"),
            "{paragraphs:?}"
        );
        let pages = [vec![
            "  2023年，全区法治政府建设取得新成效。现将有关情况报告如",
            "下：一、2023年度法治政府建设主要举措和成效",
        ]];
        let led = assemble(&pages).paragraphs;
        assert_eq!(led[1], "一、2023年度法治政府建设主要举措和成效", "{led:?}");
    }

    /// A heading's line that reaches the margin, its quotation marks put at its end,
    /// ends there when the next line is a heading (h83).
    #[test]
    fn a_heading_ending_in_moved_marks_goes_no_further() {
        let pages = [vec![
            "（一）加快推进《北原市国土空间规划条例》立法进程。",
            "“ ”（二）建立违法用地 早发现、早制止、严查处 工作机制。",
            "（三）加强法治人才培养，开展案卷评查和执法培训。",
        ]];
        assert_eq!(
            assemble(&pages).paragraphs,
            [
                "（一）加快推进《北原市国土空间规划条例》立法进程。",
                "（二）建立违法用地早发现、早制止、严查处工作机制。“”",
                "（三）加强法治人才培养，开展案卷评查和执法培训。"
            ]
        );
    }

    /// Quotation marks a text layer put before a heading's glyphs go after them, so the
    /// heading keeps its number first; other lines stay as they are (h74).
    #[test]
    fn quotation_marks_put_before_a_heading_go_after_it() {
        assert_eq!(
            heading_quotes_after("“ ” “ ”（一）深化放管服改革").as_deref(),
            Some("（一）深化放管服改革“”“”")
        );
        assert_eq!(heading_quotes_after("”事一次办，办理"), None);
        assert_eq!(heading_quotes_after("” “（二）深化改革"), None);
        // A quotation opened in the heading's words, its marks reordered (h83).
        assert_eq!(
            heading_quotes_after("“（三）推进互联网+”监管，扩大覆盖面。").as_deref(),
            Some("（三）“推进互联网+”监管，扩大覆盖面。")
        );
        assert_eq!(
            heading_quotes_after("“5.加强法治宣传”教育").as_deref(),
            Some("5.“加强法治宣传”教育")
        );
        assert_eq!(
            heading_quotes_after("“—（四）做实矛盾调处。建立街道社—”区网格").as_deref(),
            Some("（四）“—做实矛盾调处。建立街道社—”区网格")
        );
        assert_eq!(heading_quotes_after("“放管服”改革"), None);
        assert_eq!(heading_quotes_after("（一）深化“放管服”改革"), None);
    }

    /// Quotation marks set narrow do not make the page seem wider than its full lines
    /// (h74): a long heading wrapped at the margin goes on.
    #[test]
    fn quotation_marks_do_not_widen_the_page() {
        let pages = [vec![
            "“放管服”“一网通办”“跨省通办”“一件事”改革，全面深化",
            "行政复议案件52件，纠错7件。",
            "二、对照法治政府建设实施纲要和年度重点任务，我县工",
            "作中还存在的不足和原因",
            "一是执法人员力量不足，原因是编制少。二是普法针对性",
            "不强，原因是调研不够。",
        ]];
        let doc = assemble(&pages);
        assert_eq!(
            doc.paragraphs[1..],
            [
                "二、对照法治政府建设实施纲要和年度重点任务，我县工作中还存在的不足和原因",
                "一是执法人员力量不足，原因是编制少。二是普法针对性不强，原因是调研不够。",
            ]
        );
    }

    /// A heading that just fills its line does not take the paragraph under it, its
    /// indent lost in the text layer; a long heading's short tail still goes on (h74).
    #[test]
    fn a_heading_filling_its_line_keeps_to_itself() {
        let pages = [vec![
            "全年审查规范性文件12件，办理行政复议案件31件，组织",
            "  三、局主要负责人履行推进法治建设第一责任人职责情况",
            "局长主持局党组会议研究法治建设3次，带头出庭应诉。",
            "一是研究部署法治建设，听取汇报3次，组织会前学法8次，",
            "二是带头述法。",
            "  四、2023年党政主要负责人履行推进法治建设第一责任",
            "人职责的有关情况",
            "局长主持局党组会议研究法治建设3次。",
        ]];
        let doc = assemble(&pages);
        assert_eq!(
            doc.paragraphs[1..],
            [
                "三、局主要负责人履行推进法治建设第一责任人职责情况",
                "局长主持局党组会议研究法治建设3次，带头出庭应诉。",
                "一是研究部署法治建设，听取汇报3次，组织会前学法8次，二是带头述法。",
                "四、2023年党政主要负责人履行推进法治建设第一责任人职责的有关情况",
                "局长主持局党组会议研究法治建设3次。",
            ]
        );
    }

    #[test]
    fn a_line_broken_inside_a_word_goes_on_whatever_it_opens_with() {
        let page = vec![
            "二、存在的不足和原因",
            "    基层法治力量仍然薄弱，部分乡镇执法队伍标准不够统",
            "一、程序不够规范，主要原因是人员流动较大、培训不够系",
            "统。",
            "三、主要安排",
        ];
        let doc = assemble(&[page]);
        assert_eq!(
            doc.paragraphs,
            [
                "二、存在的不足和原因",
                "基层法治力量仍然薄弱，部分乡镇执法队伍标准不够统一、程序不够规范，主要原因是人员流动较大、培训不够系统。",
                "三、主要安排",
            ]
        );
    }

    #[test]
    fn a_header_repeating_the_title_leaves_the_title() {
        let title = "某县司法局2024年法治政府建设年度报告";
        let pages = [
            vec![title, "一、主要举措和成效", "全年审查文件12件。"],
            vec![title, "二、存在的不足和原因", "力量不足。"],
            vec![title, "三、主要安排", "深化依法行政。"],
        ];
        let doc = assemble(&pages);
        assert_eq!(doc.paragraphs[0], title);
        assert_eq!(doc.paragraphs.iter().filter(|p| *p == title).count(), 1);
        // With the header on the first page too, the title below it stays once.
        let mut pages = pages;
        pages[0].insert(0, title);
        assert_eq!(
            assemble(&pages)
                .paragraphs
                .iter()
                .filter(|p| *p == title)
                .count(),
            1
        );
        // A browser's header naming the page goes, the first page's too.
        let header = "2025/4/3 10:21 某县司法局2024年法治政府建设年度报告_某县人民政府网";
        for page in &mut pages {
            page[0] = header;
        }
        let doc = assemble(&pages);
        assert_eq!(doc.paragraphs[0], title, "{:?}", doc.paragraphs);
    }

    /// A browser's print header and footer go on a document of one or two pages too,
    /// wherever the text layer puts them at a page's edge; an address in the text stays.
    #[test]
    fn a_browsers_print_header_and_footer_go_on_any_page_count() {
        let pages = [
            vec![
                "2026/11/24 上午11:44 某县司法局2024年度法治政府建设情况报告-某县人民政府",
                "某县司法局2024年度法治政府建设情况报告",
                "一、主要举措和成效",
                "开通网上平台。",
                "https://www.example.gov.cn/zwgk",
                "（二）全年审查文件12件。",
                "file:///C:/报告/a.html 1/2",
            ],
            vec![
                "二、存在的不足",
                "力量不足。",
                "某县司法局",
                "2025年2月18日",
                "11/24/26, 11:44 AM 某县司法局2024年度法治政府建设情况报告-某县人民政府",
                "http://127.0.0.1:8727/a.html 2/2",
            ],
        ];
        let doc = assemble(&pages);
        assert_eq!(
            doc.paragraphs,
            [
                "某县司法局2024年度法治政府建设情况报告",
                "一、主要举措和成效",
                "开通网上平台。",
                "https://www.example.gov.cn/zwgk",
                "（二）全年审查文件12件。",
                "二、存在的不足",
                "力量不足。",
                "某县司法局",
                "2025年2月18日",
            ]
        );
        let page = vec![
            "2026/11/24 11:44 某县2024年度法治政府建设情况报告",
            "某县2024年度法治政府建设情况报告",
            "某县人民政府",
            "2025年3月12日",
        ];
        assert_eq!(
            assemble(&[page]).paragraphs[0],
            "某县2024年度法治政府建设情况报告"
        );
    }

    /// Where the text layer spaced a document's digits out, they are closed up, the
    /// decimal point and the percent sign too; figures set close in another font keep
    /// their spaces.
    #[test]
    fn digits_the_text_layer_spaced_out_close_up() {
        let pages = |lines: &[&str]| vec![lines.join("\n")];
        // A spaced year in the title is enough.
        assert_eq!(
            unspace_digits(pages(&[
                "某县2 0 2 4 年度法治政府建设情况报告",
                "全年审查12件。"
            ])),
            pages(&["某县2024 年度法治政府建设情况报告", "全年审查12件。"])
        );
        // So are three spaced runs, the year aside.
        assert_eq!(
            unspace_digits(pages(&[
                "受理1 9 7 件，采纳率9 8 .4 %，纠错3 2 件。",
                "发布时间：2025-03-15 10:12",
                "1 1 /2 4 /2 6 , 1 1 :4 4  AM http://1 2 7 .0 .0 .1 /P2 _a.html 1 /2",
            ])),
            pages(&[
                "受理197 件，采纳率98.4%，纠错32 件。",
                "发布时间：2025-03-15 10:12",
                "11/24/26, 11:44  AM http://127.0.0.1/P2_a.html 1/2",
            ])
        );
        let spaced = unspace_digits(vec!["某县人民政府\n2 0 2 5 年3 月1 2 日".into()]);
        let lines: Vec<Vec<&str>> = spaced.iter().map(|p| p.lines().collect()).collect();
        assert_eq!(assemble(&lines).paragraphs[1], "2025年3月12日");
    }

    /// A document without the spaced digits is left as it is: a row of one-figure
    /// cells, a letter-spaced line, figures beside words.
    #[test]
    fn digits_stay_where_the_document_does_not_space_them() {
        let text = vec![
            "某县2024年度法治政府建设情况报告\n行政复议 1 2 0 3\n2 0 2 5 年 2 月 1 8 日\n全年 86 件，占 3 %。"
                .to_string(),
        ];
        assert_eq!(unspace_digits(text.clone()), text);
    }

    #[test]
    fn a_signature_naming_the_header_organ_is_kept() {
        let page = |body: &[&'static str]| {
            let mut p = vec!["某县人民政府"];
            p.extend(body);
            p
        };
        let pages = [
            page(&["一、主要举措和成效", "全年办理案件12件。"]),
            page(&["二、存在的不足", "力量不足。"]),
            page(&[
                "三、下一步安排",
                "继续推进。",
                "某县人民政府",
                "2025年1月20日",
            ]),
        ];
        let doc = assemble(&pages);
        assert_eq!(doc.paragraphs.first().unwrap(), "一、主要举措和成效");
        assert_eq!(doc.paragraphs[doc.paragraphs.len() - 2], "某县人民政府");
        assert_eq!(doc.paragraphs.last().unwrap(), "2025年1月20日");
    }

    #[test]
    fn page_numbers_in_their_usual_shapes() {
        for line in ["— 3 —", "- 12 -", "第3页", "第 3 页 共 10 页", "3/10", "7"] {
            assert!(PAGE_NUMBER.is_match(line), "{line}");
        }
        for line in ["2024年", "3. 加强培训", "（3）"] {
            assert!(!PAGE_NUMBER.is_match(line), "{line}");
        }
    }
}
