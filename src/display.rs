//! What reaches a terminal: OS errors described in Chinese (the system's own words after
//! them in parentheses), and text from documents or file names with terminal escape
//! sequences, other control characters and bidi controls shown escaped, never raw.

use std::borrow::Cow;
use std::io::{self, ErrorKind, Write};

/// An OS error in Chinese, the system's message in parentheses: `没有权限（Permission
/// denied (os error 13)）`.
pub fn os_error(e: &std::io::Error) -> String {
    let what = match e.kind() {
        ErrorKind::NotFound => "文件或目录不存在",
        ErrorKind::PermissionDenied => "没有权限",
        ErrorKind::AlreadyExists => "已经存在",
        ErrorKind::IsADirectory => "这是一个目录",
        ErrorKind::NotADirectory => "路径中有一段不是目录",
        ErrorKind::ReadOnlyFilesystem => "文件系统是只读的",
        ErrorKind::StorageFull => "磁盘空间不足",
        ErrorKind::QuotaExceeded => "超出磁盘配额",
        ErrorKind::FileTooLarge => "文件过大",
        ErrorKind::CrossesDevices => "不能跨文件系统移动",
        ErrorKind::InvalidFilename => "文件名无效",
        ErrorKind::BrokenPipe => "输出管道已关闭",
        ErrorKind::Interrupted => "操作被中断",
        ErrorKind::InvalidData => "数据无效",
        ErrorKind::UnexpectedEof => "文件意外结束",
        ErrorKind::OutOfMemory => "内存不足",
        ErrorKind::ResourceBusy => "资源正忙",
        ErrorKind::TimedOut => "操作超时",
        // ELOOP: its kind (`FilesystemLoop`) is not yet stable to name.
        k if format!("{k:?}") == "FilesystemLoop" => "符号链接循环",
        _ => "操作失败",
    };
    format!("{what}（{e}）")
}

/// Whether `c` must not reach a terminal raw: C0 controls other than tab and line
/// breaks (ESC starts escape sequences), DEL, C1 controls (U+009B is a one-character
/// CSI), and the bidi controls that reorder what is shown (Trojan Source).
fn is_unsafe(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The bytes that may start an [`is_unsafe`] character: the ASCII controls but tab and
/// line breaks, DEL, and `C2`, `D8` and `E2` (which mostly start common punctuation, so
/// the bytes after them decide).
const SUSPECT: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = !matches!(b as u8, b'\t' | b'\n' | b'\r');
        b += 1;
    }
    table[0x7f] = true;
    table[0xC2] = true;
    table[0xD8] = true;
    table[0xE2] = true;
    table
};

/// Whether `text` holds an [`is_unsafe`] character, found by its bytes in one pass.
/// Most texts checked are a few bytes (JSON keys and values), where a table lookup per
/// byte beats setting up a vector search.
fn any_unsafe(text: &str) -> bool {
    let bytes = text.as_bytes();
    (0..bytes.len())
        .any(|i| SUSPECT[usize::from(bytes[i])] && (bytes[i] < 0x80 || unsafe_start(&bytes[i..])))
}

/// Whether the UTF-8 of a non-ASCII [`is_unsafe`] character starts `bytes`.
fn unsafe_start(bytes: &[u8]) -> bool {
    matches!(
        bytes,
        // C1 controls, U+0080 to U+009F
        [0xC2, 0x80..=0x9F, ..]
        // U+061C
        | [0xD8, 0x9C, ..]
        // U+200E, U+200F, U+202A to U+202E
        | [0xE2, 0x80, 0x8E | 0x8F | 0xAA..=0xAE, ..]
        // U+2066 to U+2069
        | [0xE2, 0x81, 0xA6..=0xA9, ..]
    )
}

/// `text` with every unsafe character written as `\u{1b}`; unchanged (borrowed) when
/// there is none, which is almost always.
pub fn escape(text: &str) -> Cow<'_, str> {
    if !any_unsafe(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        push_escaped(&mut out, c);
    }
    Cow::Owned(out)
}

/// Pushes `c`, escaped if it is unsafe; returns how many bytes were pushed.
pub fn push_escaped(out: &mut String, c: char) -> usize {
    let before = out.len();
    if is_unsafe(c) {
        out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
    } else {
        out.push(c);
    }
    out.len() - before
}

/// Also escapes line breaks: for one-line contexts such as a file name.
pub fn escape_line(text: &str) -> Cow<'_, str> {
    if !text.contains(['\n', '\r']) {
        return escape(text);
    }
    escape(&text.replace('\n', "\\n").replace('\r', "\\r"))
        .into_owned()
        .into()
}

/// Writes a fragment of a JSON string with each unsafe character as a `\uXXXX` escape:
/// the same JSON value, but nothing in it can drive a terminal. (serde_json escapes C0
/// controls itself; DEL, C1 and bidi controls it leaves raw.)
pub fn write_json_safe<W: ?Sized + Write>(out: &mut W, fragment: &str) -> io::Result<()> {
    if !any_unsafe(fragment) {
        return out.write_all(fragment.as_bytes());
    }
    let mut start = 0;
    for (i, c) in fragment.char_indices() {
        if is_unsafe(c) {
            out.write_all(&fragment.as_bytes()[start..i])?;
            write!(out, "\\u{:04x}", u32::from(c))?;
            start = i + c.len_utf8();
        }
    }
    out.write_all(&fragment.as_bytes()[start..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsafe_characters_are_found_by_their_bytes() {
        let cases = [
            "法治“政府”",
            "a\tb\r\n",
            "a\u{1b}b",
            "\u{7f}",
            "\u{85}",
            "\u{a0}",
            "\u{61c}",
            "\u{600}",
            "“\u{200e}",
            "\u{200f}",
            "\u{2028}",
            "\u{202e}",
            "\u{2069}",
            "\u{206a}",
            "…",
            "",
        ];
        for case in cases {
            assert_eq!(any_unsafe(case), case.chars().any(is_unsafe), "{case:?}");
        }
        let mut buffer = [0; 4];
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let text = c.encode_utf8(&mut buffer);
            assert_eq!(any_unsafe(text), is_unsafe(c), "{c:?}");
        }
    }

    #[test]
    fn escapes_controls_and_bidi_only() {
        assert_eq!(escape("法治\u{1b}[31m红"), "法治\\u{1b}[31m红");
        assert_eq!(escape("a\u{202e}b\u{9b}c"), "a\\u{202e}b\\u{9b}c");
        assert!(matches!(escape("正常文字\t，“引号”"), Cow::Borrowed(_)));
        assert_eq!(escape_line("a\nb"), "a\\nb");
    }

    #[test]
    fn json_stays_the_same_value() {
        let json = serde_json::to_string(&"x\u{202e}\u{7f}\u{1b}y").unwrap();
        let mut safe = Vec::new();
        write_json_safe(&mut safe, &json).unwrap();
        let safe = String::from_utf8(safe).unwrap();
        assert_eq!(safe, "\"x\\u202e\\u007f\\u001by\"");
        let back: String = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, "x\u{202e}\u{7f}\u{1b}y");
    }

    #[test]
    fn os_errors_are_chinese_with_the_detail() {
        let e = std::io::Error::from(ErrorKind::PermissionDenied);
        assert!(os_error(&e).starts_with("没有权限（"), "{}", os_error(&e));
        // A link to itself: the loop is named.
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("loop.txt");
        std::os::unix::fs::symlink(&link, &link).unwrap();
        let e = std::fs::read(&link).unwrap_err();
        assert!(
            os_error(&e).starts_with("符号链接循环（"),
            "{}",
            os_error(&e)
        );
    }
}
