//! Spans no rule reports in and no fix touches: URLs (`http://…`, `www.…`, with Chinese
//! in their paths), e-mail addresses, file paths (`C:\…`, `\\server\…`, `/home/…`,
//! `./…`), inline code and fenced code blocks, Markdown link targets `](…)` and
//! reference definitions (`[gsxt]: http://… "标题"`), a Markdown file's front matter
//! (`---` … `---` at its start), the HTML a Markdown draft carries whose content is
//! literal or hidden (`<pre>`, `<code>`, `<!-- … -->`), a file's name in running text
//! (`报告(终稿).docx`), and emoticons (`:)`).
//!
//! Computed once per document ([`crate::rules::Document`]). The engine hides the
//! tokens inside them from every rule and drops findings inside them and fixes that
//! touch them ([`crate::lint::Linter::check`]), so no rule needs to know about them.

use std::ops::Range;

/// The protected spans of `text`: sorted, disjoint byte ranges on char boundaries.
pub fn spans(text: &str) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut i = 0;
    let mut line_start = true;
    while i < b.len() {
        let c = b[i];
        if i == 0
            && let Some(end) = front_matter(b)
        {
            push(&mut out, 0..end);
            i = end;
            continue;
        }
        if line_start && let Some(end) = fence(b, i).or_else(|| link_definition(b, i)) {
            push(&mut out, i..end);
            i = end;
            continue;
        }
        line_start = c == b'\n' || c == b'\r';
        if !TRIGGER[usize::from(c)] {
            i += 1;
            // Chinese text is mostly bytes above 0x7F, none of which matters here:
            // skip them eight at a time.
            while let Some(chunk) = b.get(i..i + 8)
                && u64::from_le_bytes(chunk.try_into().unwrap_or_default()) & HIGH == HIGH
            {
                i += 8;
                line_start = false;
            }
            continue;
        }
        let found = match c {
            b':' | b';' => scheme_url(b, i)
                .or_else(|| drive_path(b, i))
                .or_else(|| emoticon(b, i)),
            b'w' | b'W' => www_url(b, i),
            b'@' => email(b, i),
            b'`' => code(b, i),
            b'<' => markup(b, i),
            b']' => link_target(b, i),
            b'.' => path(b, i).or_else(|| file_name(b, i)),
            b'/' | b'\\' | b'~' => path(b, i),
            _ => None,
        };
        match found {
            Some(span) => {
                i = span.end.max(i + 1);
                push(&mut out, span);
            }
            None => i += 1,
        }
    }
    out
}

/// The high bit of every byte of a word.
const HIGH: u64 = 0x8080_8080_8080_8080;

/// Bytes at which a protected span may be recognised.
const TRIGGER: [bool; 256] = {
    let mut t = [false; 256];
    let bytes = b":;wW@`]/\\.~<";
    let mut k = 0;
    while k < bytes.len() {
        t[bytes[k] as usize] = true;
        k += 1;
    }
    t
};

/// Adds `span`, merged with the last one if they overlap.
fn push(out: &mut Vec<Range<usize>>, span: Range<usize>) {
    match out.last_mut() {
        Some(last) if span.start <= last.end => last.end = last.end.max(span.end),
        _ if span.is_empty() => {}
        _ => out.push(span),
    }
}

fn is_word(c: u8) -> bool {
    c.is_ascii_alphanumeric()
}

/// The char starting at byte `i` (a char boundary).
fn char_at(b: &[u8], i: usize) -> Option<char> {
    let len = match b.get(i)? {
        0..0x80 => 1,
        0xC0..0xE0 => 2,
        0xE0..0xF0 => 3,
        _ => 4,
    };
    std::str::from_utf8(b.get(i..i + len)?).ok()?.chars().next()
}

/// Whether `c` ends a URL or path: whitespace, quotes and brackets that never belong to
/// one, and Chinese punctuation (CJK symbols, full-width forms, curly quotes).
fn ends_link(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '"' | '<' | '>' | '`' | '|' | '{' | '}' | '^')
        || matches!(c, '\u{2018}'..='\u{201F}' | '\u{2026}' | '\u{3000}'..='\u{303F}' | '\u{FF01}'..='\u{FF65}')
        || c.is_control()
}

/// The end of a URL or path starting at `from`: up to a char that ends it, `)` only
/// when it closes a `(` inside, non-ASCII only after `/` or `\` (not in a host name);
/// trailing ASCII punctuation is left out.
fn link_end(b: &[u8], from: usize) -> usize {
    let mut i = from;
    let mut depth = 0usize;
    let mut in_path = false;
    while let Some(c) = char_at(b, i) {
        if ends_link(c) || (!c.is_ascii() && !in_path) {
            break;
        }
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' if depth == 0 => break,
            ')' | ']' => depth -= 1,
            '/' | '\\' => in_path = true,
            _ => {}
        }
        i += c.len_utf8();
    }
    while i > from && matches!(b[i - 1], b'.' | b',' | b':' | b';' | b'!' | b'?' | b'\'') {
        i -= 1;
    }
    i
}

/// `scheme://…` with the `:` at `i`.
fn scheme_url(b: &[u8], i: usize) -> Option<Range<usize>> {
    if !b[i..].starts_with(b"://") {
        return None;
    }
    let mut start = i;
    while start > 0 && (is_word(b[start - 1]) || matches!(b[start - 1], b'+' | b'-' | b'.')) {
        start -= 1;
    }
    let scheme_ok = start < i && b[start].is_ascii_alphabetic();
    scheme_ok.then(|| start..link_end(b, i + 3))
}

/// `www.…` at `i`, not inside a longer word.
fn www_url(b: &[u8], i: usize) -> Option<Range<usize>> {
    let head = b.get(i..i + 4)?;
    let fits = head.eq_ignore_ascii_case(b"www.")
        && b.get(i + 4).is_some_and(|&c| is_word(c))
        && (i == 0 || !is_word(b[i - 1]) && b[i - 1] != b'.');
    fits.then(|| i..link_end(b, i))
}

/// `local@domain.tld` around the `@` at `i`.
fn email(b: &[u8], i: usize) -> Option<Range<usize>> {
    let mut start = i;
    while start > 0
        && (is_word(b[start - 1]) || matches!(b[start - 1], b'.' | b'_' | b'%' | b'+' | b'-'))
    {
        start -= 1;
    }
    let mut end = i + 1;
    while end < b.len() && (is_word(b[end]) || matches!(b[end], b'.' | b'-')) {
        end += 1;
    }
    while end > i + 1 && b[end - 1] == b'.' {
        end -= 1;
    }
    let domain = &b[i + 1..end];
    let ok =
        start < i && domain.contains(&b'.') && domain.last().is_some_and(u8::is_ascii_alphabetic);
    ok.then_some(start..end)
}

/// Inline code: a run of backticks to the same run on the same line.
fn code(b: &[u8], i: usize) -> Option<Range<usize>> {
    if i > 0 && b[i - 1] == b'`' {
        return None;
    }
    let ticks = b[i..].iter().take_while(|&&c| c == b'`').count();
    let mut j = i + ticks;
    while j < b.len() && !matches!(b[j], b'\n' | b'\r') {
        if b[j] == b'`' {
            let run = b[j..].iter().take_while(|&&c| c == b'`').count();
            if run == ticks {
                return Some(i..j + run);
            }
            j += run;
        } else {
            j += 1;
        }
    }
    None
}

/// A fenced code block (```` ``` ```` or `~~~` opening a line, up to three spaces in)
/// from the line at `i` through its closing fence or the end of the text.
fn fence(b: &[u8], i: usize) -> Option<usize> {
    let indent = b[i..].iter().take(4).take_while(|&&c| c == b' ').count();
    let at = i + indent;
    let mark = *b.get(at)?;
    if indent > 3 || !matches!(mark, b'`' | b'~') || !b[at..].starts_with(&[mark; 3]) {
        return None;
    }
    let mut j = line_end(b, at);
    while j < b.len() {
        let start = j + if b[j..].starts_with(b"\r\n") { 2 } else { 1 };
        j = line_end(b, start);
        if b[start..j].trim_ascii_start().starts_with(&[mark; 3]) {
            return Some(j);
        }
    }
    Some(b.len())
}

/// The end of the line at or after `from`.
fn line_end(b: &[u8], from: usize) -> usize {
    memchr::memchr2(b'\n', b'\r', &b[from..]).map_or(b.len(), |k| from + k)
}

/// A Markdown file's front matter: `---` (YAML) or `+++` (TOML) on the first line, to
/// the same (or YAML's `...`) on a line of its own; its end.
fn front_matter(b: &[u8]) -> Option<usize> {
    let mark: &[u8] = [b"---".as_slice(), b"+++"]
        .into_iter()
        .find(|m| b.starts_with(m))?;
    let first = line_end(b, 0);
    if !b[mark.len()..first].trim_ascii().is_empty() {
        return None;
    }
    let mut j = first;
    while j < b.len() {
        let start = j + if b[j..].starts_with(b"\r\n") { 2 } else { 1 };
        j = line_end(b, start);
        let line = b[start..j].trim_ascii_end();
        if line == mark || (mark == b"---" && line == b"...") {
            return Some(j);
        }
    }
    None
}

/// A Markdown reference definition at line start `i` (`[gsxt]: http://… "标题"`, up to
/// three spaces before it): the whole line. A footnote's (`[^1]: …`) is text.
fn link_definition(b: &[u8], i: usize) -> Option<usize> {
    let indent = b[i..].iter().take(4).take_while(|&&c| c == b' ').count();
    let at = i + indent;
    if indent > 3 || b.get(at) != Some(&b'[') || b.get(at + 1) == Some(&b'^') {
        return None;
    }
    let end = line_end(b, at);
    let close = memchr::memchr(b']', &b[at..end])? + at;
    let rest = &b[close + 1..end];
    let target = rest.strip_prefix(b":")?;
    (target.first().is_some_and(u8::is_ascii_whitespace) && !target.trim_ascii().is_empty())
        .then_some(end)
}

/// A Markdown link target `](…)` with the `]` at `i`: the parenthesised part.
fn link_target(b: &[u8], i: usize) -> Option<Range<usize>> {
    if b.get(i + 1) != Some(&b'(') {
        return None;
    }
    let mut depth = 0usize;
    for (k, &c) in b[i + 1..].iter().enumerate() {
        match c {
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i + 1..i + 2 + k);
                }
            }
            b'\n' | b'\r' => return None,
            _ => {}
        }
    }
    None
}

/// Markup a Markdown draft carries whose content is literal or hidden, from its `<` at
/// `i` to its end: a comment (`<!-- 待核实:… -->`), a `<pre>` or `<code>` element.
fn markup(b: &[u8], i: usize) -> Option<Range<usize>> {
    let rest = &b[i..];
    let opens = |tag: &[u8]| {
        rest.len() > tag.len()
            && rest[..tag.len()].eq_ignore_ascii_case(tag)
            && matches!(rest[tag.len()], b'>' | b' ')
    };
    let close: &[u8] = if rest.starts_with(b"<!--") {
        b"-->"
    } else if opens(b"<pre") {
        b"</pre>"
    } else if opens(b"<code") {
        b"</code>"
    } else {
        return None;
    };
    let end = memchr::memmem::find(&rest[1..], close)? + 1 + close.len();
    Some(i..i + end)
}

/// A file's name in running text, its extension's `.` at `i` (`报告(终稿).docx`,
/// `附件：对照表(2021-2025年).xlsx`): back to the space, quotation mark, colon or
/// sentence mark before it, at most 60 bytes; its brackets and dashes are the file's.
fn file_name(b: &[u8], i: usize) -> Option<Range<usize>> {
    const EXTENSIONS: [&[u8]; 14] = [
        b"docx", b"doc", b"wps", b"xlsx", b"xls", b"et", b"pdf", b"txt", b"md", b"pptx", b"ppt",
        b"zip", b"rar", b"ofd",
    ];
    let rest = &b[i + 1..];
    let ext = EXTENSIONS.iter().find(|e| {
        rest.len() >= e.len()
            && rest[..e.len()].eq_ignore_ascii_case(e)
            && rest.get(e.len()).is_none_or(|c| !c.is_ascii_alphanumeric())
    })?;
    let floor = i.saturating_sub(60);
    let mut start = i;
    // Brackets closed inside the name are its own; an opening one left open encloses it.
    let mut depth = 0usize;
    while start > floor {
        let Some(k) = (0..start).rev().find(|&k| b[k] & 0xC0 != 0x80) else {
            break;
        };
        let Some(c) = char_at(b, k) else { break };
        match c {
            ')' | '）' => depth += 1,
            '(' | '（' if depth > 0 => depth -= 1,
            '(' | '（' => break,
            c if c.is_whitespace() || "“”\"'：:，,。；;、《》`[]【】<>".contains(c) => {
                break;
            }
            _ => {}
        }
        start = k;
    }
    (start < i).then(|| start..i + 1 + ext.len())
}

/// An emoticon with its eyes at `i`: `:)`, `:-)`, `:(`, `;)`, `:D`, `:P`, not run on to a
/// letter or digit (`a:b`, `1:2`, `:Data`).
fn emoticon(b: &[u8], i: usize) -> Option<Range<usize>> {
    let nose = usize::from(b.get(i + 1) == Some(&b'-'));
    let mouth = *b.get(i + 1 + nose)?;
    let after = b.get(i + 2 + nose).copied();
    let before = i.checked_sub(1).map(|k| b[k]);
    let face = matches!(mouth, b')' | b'(' | b'D' | b'P' | b'p')
        && !after.is_some_and(|c| c.is_ascii_alphanumeric())
        && !before.is_some_and(|c| c.is_ascii_alphanumeric());
    face.then(|| i..i + 2 + nose)
}

/// `C:\…` or `C:/…` with the `:` at `i`.
fn drive_path(b: &[u8], i: usize) -> Option<Range<usize>> {
    let drive = i.checked_sub(1)?;
    let ok = b[drive].is_ascii_alphabetic()
        && (drive == 0 || !is_word(b[drive - 1]))
        && matches!(b.get(i + 1), Some(b'\\' | b'/'))
        && b.get(i + 2).is_some_and(|&c| c != b'/');
    ok.then(|| drive..link_end(b, i + 1))
}

/// A web address without a scheme or `www.` (`zjzwfw.gov.cn/…`), the `/` after its host
/// at `i`: a host of letters, digits, `.` and `-` with a dot, ending in a common top-level
/// domain.
fn host_path(b: &[u8], i: usize) -> Option<Range<usize>> {
    const TLDS: [&[u8]; 7] = [b"cn", b"com", b"net", b"org", b"gov", b"edu", b"info"];
    let host = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-');
    let start = (0..i).rev().take_while(|&k| host(b[k])).last()?;
    let name = &b[start..i];
    let tld = name.rsplit(|&c| c == b'.').next()?;
    let dotted = name.contains(&b'.') && name[0].is_ascii_alphanumeric();
    (dotted && TLDS.iter().any(|t| tld.eq_ignore_ascii_case(t))).then(|| start..link_end(b, i))
}

/// A path at `i`: `\\server\share…`, or `/a/b…`, `./a`, `../a`, `~/a` where a path can
/// begin (start of text, after whitespace, an opening mark or a Chinese character: Chinese
/// sets no space before it, `存放在/data/…`), with a second segment; or a web address's
/// path ([`host_path`]).
fn path(b: &[u8], i: usize) -> Option<Range<usize>> {
    if b[i] == b'/'
        && let Some(span) = host_path(b, i)
    {
        return Some(span);
    }
    let before = i.checked_sub(1).and_then(|k| {
        let start = (0..=k).rev().find(|&s| b[s] & 0xC0 != 0x80)?;
        char_at(b, start)
    });
    let may_begin = before.is_none_or(|c| {
        c.is_whitespace()
            || ('\u{4E00}'..='\u{9FFF}').contains(&c)
            || matches!(
                c,
                '(' | '（' | '“' | '"' | '\'' | '：' | ':' | '，' | ',' | '、' | '《' | '【' | '['
            )
    });
    if !may_begin {
        return None;
    }
    let rest = &b[i..];
    let body = if rest.starts_with(b"\\\\") {
        2
    } else if rest.starts_with(b"../") || rest.starts_with(b"..\\") {
        3
    } else if rest.starts_with(b"./") || rest.starts_with(b".\\") || rest.starts_with(b"~/") {
        2
    } else if rest.starts_with(b"/") {
        1
    } else {
        return None;
    };
    let end = link_end(b, i);
    // A first segment, then another separator: after `/` alone, of letters, digits and
    // `._-` (`县/区/镇` is no path); after `\\`, `./`, `../` or `~/`, of anything
    // (`..\材料\…`).
    let plain = body == 1;
    let segment = b[i + body..end]
        .iter()
        .take_while(|&&c| {
            is_word(c) || matches!(c, b'.' | b'_' | b'-') || !plain && !matches!(c, b'/' | b'\\')
        })
        .count();
    let next = b.get(i + body + segment).copied();
    (segment > 0 && matches!(next, Some(b'/' | b'\\'))).then_some(i..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn protected(text: &str) -> Vec<&str> {
        spans(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn urls_with_chinese_paths_end_at_chinese_punctuation() {
        assert_eq!(
            protected("详见http://www.gov.cn/法治,政府/2021-2025年规划.pdf，请查阅。"),
            ["http://www.gov.cn/法治,政府/2021-2025年规划.pdf"]
        );
        assert_eq!(protected("访问www.gov.cn了解"), ["www.gov.cn"]);
        assert_eq!(
            protected("(见https://a.cn/x(1).html)"),
            ["https://a.cn/x(1).html"]
        );
        assert_eq!(protected("网址：http://a.cn/b. 下一句"), ["http://a.cn/b"]);
    }

    #[test]
    fn emails_code_link_targets_and_paths() {
        assert_eq!(protected("邮箱:fa.zhi@sf.gov.cn。"), ["fa.zhi@sf.gov.cn"]);
        assert_eq!(protected("用`a,b(1)`命令"), ["`a,b(1)`"]);
        assert_eq!(
            protected("见[报告](http://x.cn/法治,政府.html)全文"),
            ["(http://x.cn/法治,政府.html)"]
        );
        assert_eq!(
            protected("存于C:\\文件\\2021-2025年,报告.docx。"),
            ["C:\\文件\\2021-2025年,报告.docx"]
        );
        assert_eq!(
            protected("路径 /home/用户/报告(1).txt 中"),
            ["/home/用户/报告(1).txt"]
        );
        assert_eq!(protected("```\n代码,(\n```\n正文"), ["```\n代码,(\n```"]);
    }

    #[test]
    fn front_matter_and_reference_definitions() {
        let text = "---\ntitle: 某县报告\ntags: [法治政府, 年度报告]\n---\n正文,内容。\n";
        assert_eq!(
            protected(text),
            ["---\ntitle: 某县报告\ntags: [法治政府, 年度报告]\n---"]
        );
        assert_eq!(
            protected("见[公示系统][gsxt]。\n\n[gsxt]: http://x.cn/a \"企业信用信息公示系统\"\n"),
            ["[gsxt]: http://x.cn/a \"企业信用信息公示系统\""]
        );
        // A footnote's text is text; a rule line later in a file is no front matter.
        assert!(spans("[^1]: 数据来源于统计局,2024年。\n").is_empty());
        assert!(spans("正文。\n---\n结尾,内容。\n---\n").is_empty());
    }

    /// Chinese sets no space before a path or an address: one right after a Chinese
    /// character is protected all the same, and so is an address without `www.`.
    #[test]
    fn paths_and_addresses_right_after_chinese() {
        assert_eq!(
            protected("服务器目录/home/fzk/环保局档案/已迁移。"),
            ["/home/fzk/环保局档案/已迁移"]
        );
        assert_eq!(
            protected("共享目录为\\\\fs01\\法制科\\案卷,评查。"),
            ["\\\\fs01\\法制科\\案卷,评查"]
        );
        assert_eq!(
            protected("文件位于..\\材料\\案卷,评查.docx。"),
            ["..\\材料\\案卷,评查.docx"]
        );
        assert_eq!(
            protected("访问zjzwfw.gov.cn/法治,2024了解详情"),
            ["zjzwfw.gov.cn/法治,2024了解详情"]
        );
    }

    #[test]
    fn comments_and_literal_markup_in_markdown() {
        assert_eq!(
            protected("正文<!-- 待核实:案件数(386件) -->后文"),
            ["<!-- 待核实:案件数(386件) -->"]
        );
        assert_eq!(
            protected("<pre>统计口径:案件(386件),罚没\n(215.6万元)</pre>\n正文"),
            ["<pre>统计口径:案件(386件),罚没\n(215.6万元)</pre>"]
        );
        assert_eq!(
            protected("见<code>案件数(386件),罚没款</code>一栏"),
            ["<code>案件数(386件),罚没款</code>"]
        );
        // An unclosed one, or another tag, is text.
        assert!(spans("a<b且<preface>(1)<!-- 未闭合").is_empty());
    }

    #[test]
    fn file_names_in_running_text() {
        assert_eq!(
            protected("上传“2024年度报告(终稿).docx”和附件：对照表(2021-2025年).xlsx。"),
            ["2024年度报告(终稿).docx", "对照表(2021-2025年).xlsx"]
        );
        assert_eq!(protected("报告(终稿).docx已上传"), ["报告(终稿).docx"]);
        // A bracket or backtick around the name is not the name's.
        assert_eq!(protected("（见报告(终稿).docx）"), ["见报告(终稿).docx"]);
        assert_eq!(protected("(`min/a(1).txt`)"), ["`min/a(1).txt`"]);
        // A full stop after a word is no extension.
        assert!(spans("共办理案件12件.docxx不是扩展名").is_empty());
    }

    #[test]
    fn emoticons_are_no_brackets() {
        assert_eq!(
            protected("群众留言“办事真方便:)”，也有:-(和;)"),
            [":)", ":-(", ";)"]
        );
        assert!(spans("比分3:1，时间10:30，比例1:2，见(1):(2)").is_empty());
    }

    #[test]
    fn ordinary_text_is_not_protected() {
        for text in [
            "2024/1/26",
            "和/或",
            "每人/次",
            "1-11月，占比3/4",
            "：不是链接",
            "a.b",
            "一、2023年主要工作",
            "县/区/镇三级",
            "按件/次计",
            "截至2024/1/26",
        ] {
            assert!(spans(text).is_empty(), "{text}: {:?}", protected(text));
        }
    }
}
