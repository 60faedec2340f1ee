//! Reading a saved web page (`.html`, `.htm`): its text, one line per block.
//!
//! The bytes are decoded by the charset the page declares (`<meta charset>` or the
//! `http-equiv` Content-Type; GBK pages are common), else detected as for text files.
//! Detection wins over a declaration the bytes contradict: a page declared GBK or
//! Latin-1 whose bytes are valid UTF-8, one declared UTF-8 whose bytes are not, one
//! declared Latin-1 whose bytes are GBK Chinese. `--encoding` overrides both.
//! The page is parsed with `scraper` (html5ever), so broken markup is read as browsers
//! read it. A `p`, `div`, `br`, `li`, `tr`, heading and the like ends a line (a `br`
//! inside a bold heading only wraps it); a no-break space stays a space; table
//! cells on one row are separated by ` | ` (so a metadata table reads like the pipe rows
//! of a copied page); `script`, `style`, navigation, forms, the site's header and
//! footer and the `<head>` are dropped; so is, around the element holding most of the
//! page's text (the article), every line but its fields, its title and a date. The page's own metadata (`<meta name="PubDate">`,
//! `ContentSource`, and `ArticleTitle` when the text shows no title) is put first as
//! `发布时间：…` lines, as a copied page shows it.
//! A block that opens in bold (`<strong>`, `font-weight:bold`) or a heading face and
//! goes on in body type has a run-in heading, whose end is passed on.

use crate::decode::{self, DecodeError, Decoded, Encoding};
use crate::outline::ORGAN_SUFFIXES;
use crate::run_in::{HEADING_FACES, Lead};
use scraper::{Html, Node};
use std::sync::LazyLock;

/// Elements whose content is not report text.
const DROPPED: &[&str] = &[
    "head", "script", "style", "noscript", "template", "nav", "footer", "aside", "form", "select",
    "button", "iframe", "object", "svg", "canvas", "audio", "video", "input", "textarea",
];

/// Class or id words of site furniture (whole words, any case).
const FURNITURE: &[&str] = &[
    "nav",
    "navbar",
    "menu",
    "breadcrumb",
    "crumb",
    "crumbs",
    "share",
    "sidebar",
    "header",
    "footer",
    "foot",
    "copyright",
    "search",
    "toolbar",
    // Chinese government sites' own names: the page's top and bottom bands, 当前位置
    // (weizhi, dqwz), 版权 (banquan), 相关文章/链接 (xgwz, xglj), 上一篇/下一篇, 分享
    // (fenxiang), 友情链接 (yqlj), 热点推荐 (rdtj).
    "top",
    "bottom",
    "position",
    "location",
    "weizhi",
    "dqwz",
    "banquan",
    "xgwz",
    "xglj",
    "related",
    "pre-next",
    "prenext",
    "fenxiang",
    // Baidu's share bar.
    "bdsharebuttonbox",
    "yqlj",
    "rdtj",
    // The article's own widgets: print, font size, share (fx), print (dy), QR code (ewm).
    "print",
    "fontsize",
    "qrcode",
    "fx",
    "dy",
    "ewm",
];

/// Elements that start and end a line.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "section",
    "article",
    "header",
    "main",
    "blockquote",
    "pre",
    "address",
    "figure",
    "figcaption",
    "center",
    "hr",
    "body",
    "caption",
    "thead",
    "tbody",
    "tfoot",
];

/// `<meta name=…>` of Chinese government sites (政府网站发展指引) and what a page copy
/// calls them. Put first, unless the page's text states the same key.
const META_NAMES: &[(&str, &str)] = &[
    // (Only where the page's text does not show it: a title drawn by a script.)
    ("articletitle", "标题"),
    ("pubdate", "发布时间"),
    ("firstpublishedtime", "发布时间"),
    ("contentsource", "来源"),
    ("source", "来源"),
];

/// A `<meta>` declaring a charset.
static CHARSET: LazyLock<regex::bytes::Regex> = LazyLock::new(|| {
    regex::bytes::Regex::new(r#"(?i)<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_\-:.]+)"#)
        .expect("valid pattern")
});

/// The lines of a page's text. Heading elements are not passed on as headings: pages
/// use `h1`–`h6` for the article title and site furniture as often as for sections, so
/// the outline finds sections by their numbering as in a text file.
#[derive(Debug, Default)]
pub struct Page {
    pub lines: Vec<String>,
    /// Per line, where a run-in heading in it ends (a byte offset in the line).
    pub run_in: Vec<Option<usize>>,
    /// Detected as UTF-8 that reads far more like GBK ([`Decoded::maybe_gbk`]).
    pub maybe_gbk: bool,
}

impl Page {
    /// The page's text, its lines joined by `\n`, and where its run-in headings end
    /// in it (ascending byte offsets).
    pub fn joined(self) -> (String, Vec<usize>) {
        let mut ends = Vec::new();
        let mut at = 0;
        for (line, end) in self.lines.iter().zip(&self.run_in) {
            ends.extend(end.map(|e| at + e));
            at += line.len() + 1;
        }
        (self.lines.join("\n"), ends)
    }
}

/// Decodes and reads a page; `forced` (`--encoding`) overrides any declared charset.
pub fn read(bytes: &[u8], forced: Option<Encoding>) -> Result<Page, DecodeError> {
    let (text, maybe_gbk) = decode_page(bytes, forced)?;
    Ok(Page {
        maybe_gbk,
        ..read_str(&text)
    })
}

/// The page's text, and whether it was detected as UTF-8 that reads like GBK.
fn decode_page(bytes: &[u8], forced: Option<Encoding>) -> Result<(String, bool), DecodeError> {
    let detected = decode::decode(bytes, forced);
    match declared_charset(bytes).filter(|_| forced.is_none()) {
        Some(declared) if !detection_wins(&detected, declared, bytes) => {
            Ok((declared.decode(bytes).0.into_owned(), false))
        }
        _ => detected.map(|d| (d.text, d.maybe_gbk)),
    }
}

/// The charset a page declares in its first bytes.
fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    CHARSET
        .captures(head)
        .and_then(|c| encoding_rs::Encoding::for_label(&c[1]))
        // A page saved as UTF-16 cannot have been read by its ASCII meta tag.
        .filter(|e| *e != encoding_rs::UTF_16LE && *e != encoding_rs::UTF_16BE)
}

/// Whether the detected decoding wins over the declared charset. Only UTF-8, GBK and
/// Latin-1 declarations (`iso-8859-1` and `us-ascii` are windows-1252) give way: to a
/// byte-order mark, as in browsers; to valid UTF-8, unless declared GBK and reading like
/// GBK; to GB18030, unless declared Latin-1 and not mostly common hanzi; and, declared
/// UTF-8, to the refusal of bytes that are not.
fn detection_wins(
    detected: &Result<Decoded, DecodeError>,
    declared: &'static encoding_rs::Encoding,
    bytes: &[u8],
) -> bool {
    use encoding_rs::{GB18030, GBK, UTF_8, WINDOWS_1252};
    let gbk = declared == GBK || declared == GB18030;
    match detected {
        Ok(d) if d.bom => true,
        Ok(d) if d.encoding == Encoding::Utf8 => {
            declared == UTF_8 || declared == WINDOWS_1252 || gbk && !d.maybe_gbk
        }
        Ok(_) => {
            declared == UTF_8
                || gbk
                || declared == WINDOWS_1252 && decode::reads_like_gbk_chinese(bytes)
        }
        Err(_) => declared == UTF_8 && std::str::from_utf8(bytes).is_err(),
    }
}

/// Reads an already decoded page.
pub fn read_str(html: &str) -> Page {
    let document = Html::parse_document(html);
    let walk = |article: Option<ego_tree::NodeId>| {
        let mut walker = Walker {
            page: Page::default(),
            line: String::new(),
            pre: 0,
            emphasis: 0,
            lead: Lead::Start,
            soft_break: false,
            article,
            inside: false,
            dropped_sentences: false,
        };
        walker.visit(document.tree.root());
        walker.flush();
        walker
    };
    // (Sentences around the element taken for the article say it is not the article,
    // or not all of it: the page is read whole.)
    let mut walker = walk(article(&document));
    if walker.dropped_sentences {
        walker = walk(None);
    }
    let body = walker.page;
    // A key the page's text already states (`发布时间：…` under the title) is not repeated.
    // Nor is the title where the text shows one (a line ending in 报告).
    let stated = |key: &str| body.lines.iter().any(|l| l.contains(key));
    let titled = || body.lines.iter().any(|l| l.trim_end().ends_with("报告"));
    let mut lines: Vec<String> = meta_lines(&document)
        .into_iter()
        .filter(|(key, _)| !(stated(key) || *key == "标题" && titled()))
        .map(|(key, value)| format!("{key}：{value}"))
        .collect();
    let mut run_in = vec![None; lines.len()];
    lines.extend(body.lines);
    run_in.extend(body.run_in);
    Page {
        lines,
        run_in,
        maybe_gbk: false,
    }
}

/// `发布时间`, `来源` from the page's `<meta name=… content=…>`, once per key.
fn meta_lines(document: &Html) -> Vec<(&'static str, String)> {
    let mut out: Vec<(&'static str, String)> = Vec::new();
    for node in document.tree.root().descendants() {
        let Node::Element(e) = node.value() else {
            continue;
        };
        if e.name() != "meta" {
            continue;
        }
        let (Some(name), Some(content)) = (e.attr("name"), e.attr("content")) else {
            continue;
        };
        let content = content.trim();
        let key = META_NAMES
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, k)| *k);
        if let Some(key) = key
            && !content.is_empty()
            && !out.iter().any(|(k, _)| *k == key)
        {
            out.push((key, date_and_time(content)));
        }
    }
    out
}

/// A date and its time as a page copy shows them: `2025-04-03-10:15:32` (gov.cn's
/// `firstpublishedtime`) → `2025-04-03 10:15:32`.
fn date_and_time(content: &str) -> String {
    let b = content.as_bytes();
    let dated = b.len() > 11
        && b[..10].iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        })
        && b[10] == b'-'
        && b[11].is_ascii_digit();
    if dated {
        format!("{} {}", &content[..10], &content[11..])
    } else {
        content.to_string()
    }
}

/// The element holding the article: going down from `<body>`, the child holding more
/// than half the page's text, while there is one (`div.TRS_Editor`, `div#zoom`, a layout
/// table's cell). `None` when `<body>` itself is it (its text spread over many blocks).
fn article(document: &Html) -> Option<ego_tree::NodeId> {
    let body = document
        .tree
        .root()
        .descendants()
        .find(|n| n.value().as_element().is_some_and(|e| e.name() == "body"))?;
    let total = text_len(body);
    let mut at = body;
    // (A container of blocks: a long paragraph holding most of the text is not it.)
    let container = |c: &ego_tree::NodeRef<'_, Node>| {
        c.value().as_element().is_some_and(|e| {
            CONTAINERS.contains(&e.name())
                && (c.children()).any(|b| {
                    b.value()
                        .as_element()
                        .is_some_and(|e| BLOCKS.contains(&e.name()) || e.name() == "br")
                })
        })
    };
    while let Some(child) = (at.children()).find(|c| container(c) && 2 * text_len(*c) > total) {
        at = child;
    }
    (at.id() != body.id()).then_some(at.id())
}

/// Elements that hold an article's blocks.
const CONTAINERS: &[&str] = &[
    "div", "section", "article", "main", "table", "tbody", "tr", "td", "center", "font",
];

/// The characters of text under `node` that the page shows as report text (not in
/// dropped elements or site furniture), blanks aside.
fn text_len(node: ego_tree::NodeRef<'_, Node>) -> usize {
    match node.value() {
        Node::Text(t) => t.text.chars().filter(|c| !c.is_whitespace()).count(),
        Node::Element(e) if DROPPED.contains(&e.name()) || is_navigation(e) => 0,
        _ => node.children().map(text_len).sum(),
    }
}

/// Words of the fields a page shows about its article (`发布时间：`, `索引号 | …`,
/// `来源：`): around the article, a line holding one is kept, as is a line naming the
/// report (its title) or a date alone; the rest there (the site's date and menus, print
/// and close buttons, its footer) is the site's.
const ARTICLE_FIELDS: &[&str] = &[
    "索引号",
    "发布",
    "来源",
    "日期",
    "时间",
    "文号",
    "字号",
    "机构",
    "机关",
    "主题",
    "分类",
    "成文",
    "公开方式",
    "公开形式",
    "公开范围",
    "标题",
    "名称",
    "关键词",
    "作者",
    "编号",
    "附件",
];

/// Whether a line around the article is kept (see [`ARTICLE_FIELDS`]): also the lines
/// of a 落款 a page sets apart after it (an organ's name, a date, both on one line).
fn kept_around_article(line: &str) -> bool {
    let date_alone = line.chars().count() <= 24
        && line.chars().any(|c| c.is_ascii_digit())
        && line
            .chars()
            .all(|c| c.is_ascii_digit() || " -/:.年月日时分秒\u{3000}".contains(c));
    let dated = line.chars().count() <= 40
        && ["年", "月", "日"].iter().all(|w| line.contains(w))
        && !line.contains("星期");
    let organ = line.chars().count() <= 30
        && ORGAN_SUFFIXES.iter().any(|s| line.trim_end().ends_with(s))
        && !line.contains(['：', ':', '|', '>']);
    let title = line.contains("报告") && line.chars().count() <= 60 && !line.contains('。');
    ARTICLE_FIELDS.iter().any(|w| line.contains(w)) || title || date_alone || dated || organ
}

/// Whether a line dropped around the article holds a sentence or opens a heading: report
/// text, which the site's furniture does not hold.
fn is_sentence(line: &str) -> bool {
    line.contains(['。', '；']) || opens_heading(line.trim_start())
}

struct Walker {
    page: Page,
    line: String,
    /// Depth inside `<pre>`, where whitespace is kept.
    pre: usize,
    /// Depth inside emphasized elements.
    emphasis: usize,
    /// How the current line opens.
    lead: Lead,
    /// A `<br>` inside the bold of a line bold so far (a long heading wrapped by hand):
    /// the line goes on if bold text follows that opens no heading of its own.
    soft_break: bool,
    /// The element holding the article, if the page has one apart from its body.
    article: Option<ego_tree::NodeId>,
    /// Inside it.
    inside: bool,
    /// A line with a sentence was dropped around the article.
    dropped_sentences: bool,
}

impl Walker {
    fn visit(&mut self, node: ego_tree::NodeRef<'_, Node>) {
        match node.value() {
            Node::Text(t) => self.text(&t.text),
            Node::Element(e) => {
                let name = e.name();
                if DROPPED.contains(&name) {
                    return;
                }
                if is_navigation(e) {
                    self.titles_in(node);
                    return;
                }
                if name == "br" {
                    if self.emphasis > 0 && matches!(self.lead, Lead::Emphasized(_)) {
                        self.soft_break = true;
                    } else {
                        self.flush();
                    }
                    return;
                }
                let article = self.article == Some(node.id());
                let block = BLOCKS.contains(&name) || article;
                if block {
                    self.flush();
                }
                self.inside |= article;
                if name == "pre" {
                    self.pre += 1;
                }
                let emphasized = is_emphasized(e);
                self.emphasis += usize::from(emphasized);
                // Cells of a row are kept apart as a page copy shows them: `a | b`.
                if matches!(name, "td" | "th") && !self.line.trim().is_empty() {
                    self.line.push_str(" | ");
                }
                for child in node.children() {
                    self.visit(child);
                }
                if name == "pre" {
                    self.pre -= 1;
                }
                self.emphasis -= usize::from(emphasized);
                if block {
                    self.flush();
                }
                self.inside &= !article;
            }
            Node::Document | Node::Fragment => {
                for child in node.children() {
                    self.visit(child);
                }
            }
            _ => {}
        }
    }

    /// The report's title where a page sets it inside its furniture (`<div
    /// class="article-header"><h1>…报告</h1></div>`): each `<h1>`–`<h3>` in `node` whose
    /// text names a report, on a line of its own; the rest of the furniture is dropped.
    fn titles_in(&mut self, node: ego_tree::NodeRef<'_, Node>) {
        for d in node.descendants() {
            let Node::Element(e) = d.value() else {
                continue;
            };
            if !matches!(e.name(), "h1" | "h2" | "h3") {
                continue;
            }
            let text: String = (d.descendants())
                .filter_map(|t| t.value().as_text().map(|t| t.to_string()))
                .collect();
            if text.contains("报告") {
                // (Its children: the heading itself may carry the furniture's name.)
                self.flush();
                for child in d.children() {
                    self.visit(child);
                }
                self.flush();
            }
        }
    }

    fn text(&mut self, text: &str) {
        if self.soft_break && !text.trim().is_empty() {
            self.soft_break = false;
            if self.emphasis == 0 || opens_heading(text.trim_start()) {
                self.flush();
            }
        }
        if self.pre > 0 {
            for (i, part) in text.split('\n').enumerate() {
                if i > 0 {
                    self.flush();
                }
                self.line.push_str(part);
            }
            return;
        }
        for c in text.chars() {
            // (A no-break space is kept: the page shows it, wherever it stands.)
            if c.is_ascii_whitespace() {
                if !self.line.ends_with(' ') {
                    self.line.push(' ');
                }
            } else {
                self.line.push(c);
            }
        }
        if crate::run_in::shows(text) {
            let end = self.line.trim_end_matches(' ').len();
            self.lead = self.lead.after(self.emphasis > 0, end);
        }
    }

    /// Ends the current line: spaces at its ends and between two CJK characters (where
    /// the page's source was wrapped) are dropped, no-break spaces (`&nbsp;`) inside it
    /// kept as spaces; an empty line is not kept.
    fn flush(&mut self) {
        self.soft_break = false;
        let line = std::mem::take(&mut self.line);
        let run_in = std::mem::take(&mut self.lead).run_in_end();
        const BLANKS: [char; 2] = [' ', '\u{a0}'];
        let trimmed = line.trim_matches(BLANKS);
        let lead_blanks = line.len() - line.trim_start_matches(BLANKS).len();
        let chars: Vec<(usize, char)> = trimmed.char_indices().collect();
        let mut out = String::with_capacity(line.len());
        let mut out_run_in = None;
        for (i, &(at, c)) in chars.iter().enumerate() {
            if run_in == Some(lead_blanks + at) {
                out_run_in = Some(out.len());
            }
            let wide = |c: Option<&(usize, char)>| c.is_some_and(|(_, c)| !c.is_ascii());
            if c == ' '
                && wide(i.checked_sub(1).and_then(|p| chars.get(p)))
                && wide(chars.get(i + 1))
            {
                continue;
            }
            out.push(if c == '\u{a0}' { ' ' } else { c });
        }
        let around = self.article.is_some() && !self.inside;
        let kept = !around || kept_around_article(out.trim());
        self.dropped_sentences |= !kept && is_sentence(&out);
        if !out.trim().is_empty() && kept {
            self.page.lines.push(out);
            self.page.run_in.push(out_run_in);
        }
    }
}

/// Whether text opens with a heading's number (`一、`, `（一）`, `(1)`, `1.`).
fn opens_heading(text: &str) -> bool {
    let mut chars = text.chars();
    match chars.next() {
        Some('（' | '(') => true,
        Some(c) if c.is_ascii_digit() => true,
        Some(c) if "一二三四五六七八九十".contains(c) => chars.take(2).any(|c| c == '、'),
        _ => false,
    }
}

/// `<b>`, `<strong>`, or an element styled bold or in a heading face (a page pasted
/// from Word: `<span style="font-family:黑体">`).
fn is_emphasized(e: &scraper::node::Element) -> bool {
    if matches!(e.name(), "b" | "strong") {
        return true;
    }
    let style = e.attr("style").unwrap_or_default().replace(' ', "");
    let style = style.to_ascii_lowercase();
    ["font-weight:bold", "font-weight:700", "font-weight:bolder"]
        .iter()
        .any(|w| style.contains(w))
        || style.contains("font-family") && HEADING_FACES.iter().any(|f| style.contains(f))
}

/// `role="navigation"` or a class/id naming site furniture: a menu, breadcrumb, share
/// bar, search box, the site's header or footer (whose 主办单位 and ICP lines would
/// otherwise follow the report's signature).
fn is_navigation(e: &scraper::node::Element) -> bool {
    if e.attr("role") == Some("navigation") {
        return true;
    }
    let names = [e.attr("class"), e.attr("id")];
    names.iter().flatten().any(|v| {
        v.split_ascii_whitespace().any(|w| {
            let w = w.to_ascii_lowercase();
            let furniture = |w: &str| FURNITURE.contains(&w);
            // A compound name's first or last part (`footer-wrap`, `foot_box`,
            // `bt-position`); not `top` or `bottom` there (`article-bottom` may hold the
            // 落款).
            let part =
                |w: Option<&str>| w.is_some_and(|w| furniture(w) && !POSITIONAL.contains(&w));
            let compound = w.contains(['-', '_']);
            furniture(&w)
                || compound
                    && (part(w.split(['-', '_']).next()) || part(w.rsplit(['-', '_']).next()))
        })
    })
}

/// Furniture words that only name an element standing alone: as a part of a compound
/// name they may be the article's own.
const POSITIONAL: [&str; 2] = ["top", "bottom"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_end_lines_and_chrome_is_dropped() {
        let page = read_str(
            "<html><head><title>网站标题</title><style>p{}</style>\
             <meta name=\"firstpublishedtime\" content=\"2025-03-20-10:00:12\"></head><body>\
             <nav>首页 &gt; 政务公开</nav><form>搜索</form>\
             <div class=\"position\">当前位置：首页</div><div class=\"top banner\">某区政府</div>\
             <h1>某县2024年法治政府\n  建设年度报告</h1>\
             <div>一、主要<b>举措</b>和成效<br>&nbsp;&nbsp;（一）健全&nbsp;机制，完善\n  制度。</div>\
             <ul><li>甲</li><li>乙</li></ul><table><tr><td>项目</td><td>12件</td></tr></table>\
             <script>var x = '<p>不要</p>';</script><p>  </p><p>结尾。</p>\
             <div class=\"fx\">分享到：</div><div class=\"footer-wrap\">网站标识码</div><div class=\"bdsharebuttonbox\">分享</div><div class=\"article-bottom\">某县司法局</div><div class=\"xgwz\">相关文章</div><div class=\"bottom\">主办单位：某区人民政府办公室</div>\
             </body></html>",
        );
        assert_eq!(
            page.lines,
            [
                "发布时间：2025-03-20 10:00:12",
                "某县2024年法治政府建设年度报告",
                "一、主要举措和成效",
                // A no-break space shows; a wrap in the source does not.
                "（一）健全 机制，完善制度。",
                "甲",
                "乙",
                "项目 | 12件",
                "结尾。",
                "某县司法局",
            ]
        );
    }

    /// Around the element holding most of the text, only the article's fields, its
    /// title and a date alone are kept: the site's date line, path, buttons and footer go
    /// whatever their classes are called (h77); a long paragraph is no such element.
    #[test]
    fn around_the_article_only_its_fields_title_and_date_stay() {
        let body = "<p>一、主要举措和成效</p><p>全年审核规范性文件27件，评查执法案卷240卷，办理行政复议案件58件，纠错9件，\
             组织执法人员培训12期，开展“八五”普法宣传活动86场次，法治政府建设各项任务全面完成。</p>\
             <p>二、存在的不足和原因</p><p>基层执法力量不足，原因是编制紧张、专业人员招录渠道有限。</p>\
             <p style=\"text-align:right\">某县人民政府</p><p style=\"text-align:right\">2024年3月1日</p>";
        let page = read_str(&format!(
            "<html><body><div class=\"head_top\">某县人民政府 2024年3月5日 星期二 无障碍</div>\
             <div class=\"wz\">您现在的位置：首页 &gt; 政务公开</div><h1>某县2023年度法治政府建设情况报告</h1>\
             <table><tr><td>索引号</td><td>1133/2024-01</td></tr></table><div>2024-03-05</div>\
             <div class=\"zw\">{body}</div>\
             <div class=\"bottom_btn\">打印本页 关闭窗口</div><div class=\"dibu\">主办单位：某县人民政府办公室　网站标识码：1234560001</div>\
             </body></html>"
        ));
        assert_eq!(
            page.lines,
            [
                "某县2023年度法治政府建设情况报告",
                "索引号 | 1133/2024-01",
                "2024-03-05",
                "一、主要举措和成效",
                "全年审核规范性文件27件，评查执法案卷240卷，办理行政复议案件58件，纠错9件，\
                 组织执法人员培训12期，开展“八五”普法宣传活动86场次，法治政府建设各项任务全面完成。",
                "二、存在的不足和原因",
                "基层执法力量不足，原因是编制紧张、专业人员招录渠道有限。",
                "某县人民政府",
                "2024年3月1日",
            ]
        );
        // A 落款 set apart after the article stays; sentences around the element taken
        // for the article (comments longer than the report) have the page read whole.
        let page = read_str(&format!(
            "<html><body><div class=\"zw\">{body}</div><div style=\"text-align:right\">某县司法局　2024年3月1日</div>\
             <div class=\"tools\">打印本页</div></body></html>"
        ));
        assert_eq!(
            page.lines.last().map(String::as_str),
            Some("某县司法局　2024年3月1日")
        );
        assert!(!page.lines.iter().any(|l| l.contains("打印")));
        let comment = "<p>网友留言：报告中提到的“综合查一次”做法很好，希望继续推广，减少对企业的打扰，进一步优化营商环境，让企业有更多获得感。</p>";
        let page = read_str(&format!(
            "<html><body><div class=\"report\"><p>一、主要举措和成效</p><p>全年审核文件27件。</p></div>\
             <div class=\"pl\">{}</div></body></html>",
            comment.repeat(3)
        ));
        assert!(
            page.lines.iter().any(|l| l == "一、主要举措和成效"),
            "{:?}",
            page.lines
        );
        // A page whose text is mostly one paragraph keeps all its lines.
        let page = read_str(
            "<html><body><p>2023年，全县深入学习贯彻习近平法治思想，全面落实法治政府建设实施纲要，依法行政水平持续提升，法治政府建设取得新成效，现将有关情况报告如下。</p>\
             <p>一、主要举措和成效</p><p>某县人民政府</p></body></html>",
        );
        assert_eq!(page.lines.len(), 3);
    }

    /// A page whose text shows no title (a script draws it) gives it by its
    /// `ArticleTitle` meta, as a `标题：` field; a page showing one does not repeat it.
    #[test]
    fn the_article_title_meta_stands_for_a_title_not_shown() {
        let page = |body: &str| {
            read_str(&format!(
                "<html><head><meta name=\"ArticleTitle\" content=\"某县2024年法治政府建设年度报告\">\
                 </head><body>{body}<p>现将有关情况报告如下：</p></body></html>"
            ))
            .lines
        };
        assert_eq!(
            page(""),
            [
                "标题：某县2024年法治政府建设年度报告",
                "现将有关情况报告如下："
            ]
        );
        assert_eq!(
            page("<h1>关于2024年度法治政府建设情况的报告</h1>"),
            [
                "关于2024年度法治政府建设情况的报告",
                "现将有关情况报告如下："
            ]
        );
    }

    /// A page setting its title inside a block named as furniture keeps the title (a
    /// heading naming a report), not the rest of the block.
    #[test]
    fn a_title_inside_the_furniture_is_kept() {
        for wrapper in [
            "<div class=\"article-header\">",
            "<div class=\"top\">",
            "<div id=\"nav-title\">",
        ] {
            let page = read_str(&format!(
                "<html><body>{wrapper}<span>字号：大 中 小</span>\
                 <h1 class=\"header-title\">某县2024年法治政府建设年度报告</h1>\
                 <h2>某县人民政府网</h2></div><p>正文。</p></body></html>"
            ));
            assert_eq!(
                page.lines,
                ["某县2024年法治政府建设年度报告", "正文。"],
                "{wrapper}"
            );
        }
    }

    /// A long bold heading wrapped by `<br>` is one line; a second heading after a
    /// `<br>` in the same bold, or text in body type, starts its own.
    #[test]
    fn a_bold_heading_wrapped_by_a_break_is_one_line() {
        let page = read_str(
            "<p><strong>三、党政主要负责人履行推进<br>法治建设第一责任人职责情况</strong></p>\
             <p><strong>一、主要举措和成效<br>（一）健全依法决策机制</strong></p>\
             <p><strong>四、2025年工作安排</strong><br>深化依法行政。</p>",
        );
        assert_eq!(
            page.lines,
            [
                "三、党政主要负责人履行推进法治建设第一责任人职责情况",
                "一、主要举措和成效",
                "（一）健全依法决策机制",
                "四、2025年工作安排",
                "深化依法行政。",
            ]
        );
    }

    #[test]
    fn a_bold_heading_run_into_its_text_ends_where_the_bold_does() {
        let page = read_str(
            "<p>题</p><p>&nbsp; <strong>一、主要举措和成效</strong> 全年审查<b>文件</b>。</p>\
             <p><span style=\"font-family: 楷体_GB2312\">（一）健全机制</span>全年。</p>\
             <p><b>二、存在的不足</b></p><p>正文<b>加粗</b>正文</p>\
             <p><span style=\"FONT-WEIGHT: bold\">三、</span>下一步</p>",
        );
        let (text, ends) = page.joined();
        let ends: Vec<&str> = ends.iter().map(|&e| &text[..e]).collect();
        assert_eq!(
            ends,
            [
                "题\n一、主要举措和成效",
                "题\n一、主要举措和成效全年审查文件。\n（一）健全机制",
                "题\n一、主要举措和成效全年审查文件。\n（一）健全机制全年。\n二、存在的不足\n正文加粗正文\n三、",
            ]
        );
    }

    /// A web editor's zero-width space between two bold runs of one heading does not
    /// end the heading there.
    #[test]
    fn a_zero_width_space_between_bold_runs_is_not_body_type() {
        let page = read_str(
            "<p><strong>二、存在的</strong>&#8203;<strong>不足和原因</strong>基层力量薄弱。</p>",
        );
        let (text, ends) = page.joined();
        let ends: Vec<&str> = ends.iter().map(|&e| &text[..e]).collect();
        assert_eq!(ends, ["二、存在的\u{200B}不足和原因"]);
    }

    #[test]
    fn the_declared_charset_decodes_a_gbk_page() {
        let (body, _, _) = encoding_rs::GBK.encode(
            "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">\
             </head><body><p>法治政府建设</p></body></html>",
        );
        assert_eq!(read(&body, None).unwrap().lines, ["法治政府建设"]);
        let (body, _, _) = encoding_rs::GBK.encode("<meta charset=\"GBK\"><p>年度报告</p>");
        assert_eq!(read(&body, None).unwrap().lines, ["年度报告"]);
    }

    /// A declaration the bytes contradict gives way to the bytes.
    #[test]
    fn bytes_that_contradict_the_declared_charset_are_read_as_they_are() {
        let page = |charset: &str, encoding: &'static encoding_rs::Encoding| {
            let html = format!(
                "<meta http-equiv=Content-Type content=\"text/html; charset={charset}\">\
                 <p>某县人民政府关于二〇二四年法治政府建设情况的报告</p>"
            );
            read(&encoding.encode(&html).0, None).map(|p| p.lines)
        };
        let report = ["某县人民政府关于二〇二四年法治政府建设情况的报告"];
        assert_eq!(page("utf-8", encoding_rs::GBK).unwrap(), report);
        assert_eq!(page("iso-8859-1", encoding_rs::GBK).unwrap(), report);
        assert_eq!(page("gb2312", encoding_rs::UTF_8).unwrap(), report);
        // GBK bytes that are valid UTF-8 are GBK when declared so; undeclared, UTF-8
        // with the hint that they read like GBK.
        let (gbk, _, _) = encoding_rs::GBK.encode("<p>同时实施平台</p>");
        let declared = [b"<meta charset=gbk>".as_slice(), &gbk].concat();
        assert_eq!(read(&declared, None).unwrap().lines, ["同时实施平台"]);
        assert!(read(&gbk, None).unwrap().maybe_gbk);
        // Declared UTF-8, neither UTF-8 nor GBK: refused as a text file would be.
        let error = read(b"<meta charset=utf-8><p>\xFF\xFF</p>", None).unwrap_err();
        assert!(matches!(error, DecodeError::Invalid { .. }), "{error:?}");
    }
}
