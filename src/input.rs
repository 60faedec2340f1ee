//! Reading inputs: a path or `-` (stdin) → a [`Source`], with errors users can act on.
//!
//! Text files are decoded by [`crate::decode`] (UTF-8, UTF-16, GB18030); a `.docx` is
//! read by [`crate::docx`], one Word paragraph per line; a saved web page by
//! [`crate::html`], one block per line; a PDF's text layer by [`crate::pdf`], one
//! paragraph per line. Old binary Word/WPS files and Word's temporary files are refused
//! with a reason the user can act on. No input is read past the size limit, so
//! `/dev/zero` or an endless pipe is refused instead of filling memory.

use crate::decode::{self, DecodeError, Encoding};
use crate::display;
use crate::docx::{self, Compound, Docx, DocxError, TextMap};
use crate::html;
use crate::pdf::{self, PdfError};
use crate::source::{Origin, Source};
use std::ffi::OsStr;
use std::fmt;
use std::io::Read;
use std::path::Path;

/// Old binary Word and WPS documents and templates.
const LEGACY_EXTENSIONS: &[&str] = &["doc", "dot", "wps", "wpt"];
const LEGACY_REASON: &str = "旧版 Word/WPS 文件不能检查：请另存为 .docx 后再检查";
const RTF_REASON: &str = "这是 RTF 格式（富文本）文件，nianbao 不能读取；请在 Word 或 WPS 中打开，“另存为” Word 文档（*.docx）后再检查";
const TEMPORARY_REASON: &str = "这是 Word/WPS 打开文档时生成的临时文件（~$ 开头），不是报告本身";

/// The default limit on one input's size: 64 MB.
pub const DEFAULT_MAX_SIZE: u64 = 64 * 1024 * 1024;

/// The highest `--max-size`: 1 GiB. Decoded, such an input stays under 4 GiB, the most
/// a [`Source`] indexes.
pub const MAX_SIZE_CEILING: u64 = 1 << 30;

/// How inputs are read.
#[derive(Debug, Clone, Copy)]
pub struct ReadOptions {
    /// Overrides encoding detection for text files, and a web page's declared charset.
    pub encoding: Option<Encoding>,
    /// Inputs larger than this many bytes are refused.
    pub max_size: u64,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            encoding: None,
            max_size: DEFAULT_MAX_SIZE,
        }
    }
}

/// Why an input could not be linted. The name is the input's path as shown.
#[derive(Debug)]
pub enum InputError {
    NotFound(String),
    /// A symbolic link whose target does not exist.
    BrokenLink(String),
    IsDirectory(String),
    Unreadable(String, std::io::Error),
    TooLarge(String, u64),
    Undecodable(String, DecodeError),
    Docx(String, DocxError),
    Pdf(String, PdfError),
    /// A file nianbao cannot read, with the reason.
    Unsupported(String, String),
}

impl InputError {
    /// The input's name as shown.
    pub fn name(&self) -> &str {
        match self {
            InputError::NotFound(p)
            | InputError::BrokenLink(p)
            | InputError::IsDirectory(p)
            | InputError::Unreadable(p, _)
            | InputError::TooLarge(p, _)
            | InputError::Undecodable(p, _)
            | InputError::Docx(p, _)
            | InputError::Pdf(p, _)
            | InputError::Unsupported(p, _) => p,
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = display::escape_line(self.name());
        match self {
            InputError::NotFound(_) => write!(f, "{name}：文件不存在"),
            InputError::BrokenLink(_) => write!(f, "{name}：符号链接指向的文件不存在"),
            InputError::IsDirectory(_) => write!(f, "{name}：这是一个目录，请指定文件"),
            InputError::Unreadable(_, e) => {
                write!(f, "{name}：无法读取（{}）", display::os_error(e))
            }
            InputError::TooLarge(_, limit) => write!(
                f,
                "{name}：超过大小上限 {}，未检查（可用 --max-size 调高上限）",
                size_text(*limit)
            ),
            InputError::Undecodable(_, e) => write!(f, "{name}：{e}"),
            InputError::Docx(_, e) => write!(f, "{name}：{e}"),
            InputError::Pdf(_, e) => write!(f, "{name}：{e}"),
            InputError::Unsupported(_, reason) => write!(f, "{name}：{reason}"),
        }
    }
}

impl std::error::Error for InputError {}

/// A byte count as users write it: `64 MB`, `1536 KB`, `100 字节`.
pub fn size_text(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    match bytes {
        b if b >= MB && b % MB == 0 => format!("{} MB", b / MB),
        b if b >= 1024 && b % 1024 == 0 => format!("{} KB", b / 1024),
        b => format!("{b} 字节"),
    }
}

/// Parses a size limit: a number of bytes, or with `K`, `M` or `G` (`KB`, `MB`, `GB`,
/// any case; binary multiples).
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim().to_ascii_uppercase();
    let t = t.strip_suffix('B').filter(|r| !r.is_empty()).unwrap_or(&t);
    let (digits, unit) = match t.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((i, _)) => t.split_at(i),
        None => (t, ""),
    };
    let shift = match unit.trim() {
        "" => 0,
        "K" => 10,
        "M" => 20,
        "G" => 30,
        _ => return Err(format!("无效的大小“{s}”，应写作如 64M、512K、1G 或字节数")),
    };
    let size = digits
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(1 << shift))
        .filter(|&n| n > 0)
        .ok_or_else(|| format!("无效的大小“{s}”，应写作如 64M、512K、1G 或字节数"))?;
    if size > MAX_SIZE_CEILING {
        return Err(format!("大小“{s}”超过可设的最大值 1G"));
    }
    Ok(size)
}

/// Reads and decodes standard input; the bytes are kept in the source, as they cannot
/// be read again when fixes are written.
pub fn read_stdin(options: ReadOptions) -> Result<Source, InputError> {
    let name = "<stdin>".to_string();
    let bytes =
        read_limited(std::io::stdin().lock(), options.max_size, 0).map_err(|e| e.named(&name))?;
    let mut source = text_source(name, bytes.clone(), options.encoding)?;
    // A page piped in (`curl … | nianbao lint -`) is read as a page: its markup is no
    // report text, and its fixes are not written.
    if is_html(&source.text) {
        let (text, run_in_ends) = html::read_str(&source.text).joined();
        let name = std::mem::take(&mut source.name);
        source = Source::new(name, text).with_origin(Origin::Html);
        source.run_in_ends = run_in_ends;
    }
    source.raw = Some(bytes);
    Ok(source)
}

/// Whether a text is a web page: it opens with a doctype or an `<html>` tag.
fn is_html(text: &str) -> bool {
    let head = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let head = head[..head.floor_char_boundary(64)].to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

/// The bytes of the file at `path` (shown as `name`), refused past `max_size` bytes.
pub fn read_bytes(path: &Path, name: &str, max_size: u64) -> Result<Vec<u8>, InputError> {
    let file = std::fs::File::open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound if path.is_symlink() => {
            InputError::BrokenLink(name.to_string())
        }
        std::io::ErrorKind::NotFound => InputError::NotFound(name.to_string()),
        _ => InputError::Unreadable(name.to_string(), e),
    })?;
    // A regular file's size is known before reading; a pipe or device is read up to the
    // limit and no further.
    let size = file
        .metadata()
        .ok()
        .filter(|m| m.is_file())
        .map_or(0, |m| m.len());
    if size > max_size {
        return Err(InputError::TooLarge(name.to_string(), max_size));
    }
    read_limited(file, max_size, size).map_err(|e| e.named(name))
}

/// Reads and decodes one file; `-` is standard input.
pub fn read(path: &Path, options: ReadOptions) -> Result<Source, InputError> {
    if path.as_os_str() == "-" {
        return read_stdin(options);
    }
    let name = path.to_string_lossy().into_owned();
    if path.is_dir() {
        return Err(InputError::IsDirectory(name));
    }
    if path.file_name().is_some_and(is_temporary) {
        return Err(InputError::Unsupported(name, TEMPORARY_REASON.into()));
    }
    let bytes = read_bytes(path, &name, options.max_size)?;
    let docx_error = |e| InputError::Docx(name.clone(), e);
    // A .docx saved under an old Word name reads as one.
    let zipped = bytes.starts_with(b"PK\x03\x04");
    let legacy = has_extension(path, LEGACY_EXTENSIONS);
    if is_rtf(&bytes) {
        return Err(InputError::Unsupported(name, RTF_REASON.into()));
    }
    let source = if has_extension(path, &["docx"]) || legacy && zipped {
        let docx = docx::read(&bytes).map_err(docx_error)?;
        docx_source(&name, docx).0
    } else if legacy && !is_html(&String::from_utf8_lossy(&bytes[..bytes.len().min(64)])) {
        return Err(match docx::classify_compound(&bytes) {
            Some(Compound::Encrypted) => docx_error(DocxError::Encrypted),
            _ => docx_error(DocxError::Legacy),
        });
    } else if legacy || has_extension(path, &["html", "htm"]) {
        // (A web page saved under a Word name, as sites publish them, is a page.)
        let page = html::read(&bytes, options.encoding)
            .map_err(|e| InputError::Undecodable(name.clone(), e))?;
        let maybe_gbk = page.maybe_gbk;
        let (text, run_in_ends) = page.joined();
        let mut source = Source::new(name, text).with_origin(Origin::Html);
        source.run_in_ends = run_in_ends;
        source.maybe_gbk = maybe_gbk;
        source
    } else if has_extension(path, &["pdf"]) {
        let doc = pdf::read(&bytes).map_err(|e| InputError::Pdf(name.clone(), e))?;
        // Compressed, a PDF's text can be far larger than the file.
        let text = doc.paragraphs.join("\n");
        if text.len() as u64 > options.max_size {
            return Err(InputError::TooLarge(name, options.max_size));
        }
        Source::new(name, text)
            .with_origin(Origin::Pdf)
            .with_page_starts(doc.page_starts)
    } else {
        // A binary file of another type given by name (`统计表.xlsx`): not a text
        // misread, a type nianbao does not read.
        let other_type = path
            .extension()
            .and_then(|e| e.to_str())
            .filter(|e| !["txt", "md"].iter().any(|t| t.eq_ignore_ascii_case(e)));
        match (
            text_source(name.clone(), bytes, options.encoding),
            other_type,
        ) {
            (Err(InputError::Undecodable(_, DecodeError::Binary)), Some(ext)) => {
                return Err(InputError::Unsupported(
                    name,
                    format!("不支持的文件类型 .{ext}（可检查 .txt .md .docx .html .htm .pdf）"),
                ));
            }
            (result, _) => result?,
        }
    };
    Ok(source.with_path(path.to_path_buf()))
}

/// Whether `bytes` are an RTF document (`{\rtf1…`), whatever the file's name.
fn is_rtf(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    bytes.trim_ascii_start().starts_with(b"{\\rtf")
}

/// The source of a Word document (its text, headings, numbering labels and review
/// marks) and the map from that text back to `document.xml`.
pub fn docx_source(name: &str, docx: Docx) -> (Source, TextMap) {
    let mut source = Source::new(name, docx.text)
        .with_origin(Origin::Docx)
        .with_heading_levels(docx.heading_levels);
    source.generated = docx.labels;
    source.continued_lines = docx.soft_breaks;
    source.run_in_ends = docx.run_in_ends;
    source.table_labels = docx.table_labels;
    source.table_cells = docx.table_cells;
    source.review = docx.review;
    (source, docx.map)
}

/// Why a file found in a directory walk is not linted, for the files nianbao cannot
/// read but a user may expect it to (old Word files).
pub fn skip_reason(path: &Path) -> Option<&'static str> {
    has_extension(path, LEGACY_EXTENSIONS).then_some(LEGACY_REASON)
}

/// A temporary file of Word or WPS (`~$报告.docx`, the owner file present while the
/// report is open; `~WRL0001.tmp`), of LibreOffice (`.~lock.报告.docx#`) or of macOS
/// (`._报告.docx`).
pub fn is_temporary(name: &OsStr) -> bool {
    let name = name.to_string_lossy();
    ["~$", "~WRL", "~WRD", ".~", "._"]
        .iter()
        .any(|prefix| name.starts_with(prefix))
}

fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| extensions.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// A read that failed or went past the limit, before it is given the input's name.
enum Limited {
    Io(std::io::Error),
    TooLarge(u64),
}

impl Limited {
    fn named(self, name: &str) -> InputError {
        match self {
            Limited::Io(e) => InputError::Unreadable(name.to_string(), e),
            Limited::TooLarge(limit) => InputError::TooLarge(name.to_string(), limit),
        }
    }
}

/// Everything `reader` gives, if that is at most `max` bytes; `expected` sizes the
/// buffer.
fn read_limited(reader: impl Read, max: u64, expected: u64) -> Result<Vec<u8>, Limited> {
    let mut bytes = Vec::with_capacity(usize::try_from(expected.min(max)).unwrap_or(0) + 1);
    reader
        .take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(Limited::Io)?;
    if bytes.len() as u64 > max {
        return Err(Limited::TooLarge(max));
    }
    Ok(bytes)
}

fn text_source(
    name: String,
    bytes: Vec<u8>,
    encoding: Option<Encoding>,
) -> Result<Source, InputError> {
    let decoded = decode::decode_owned(bytes, encoding)
        .map_err(|e| InputError::Undecodable(name.clone(), e))?;
    let origin = Origin::Text {
        encoding: decoded.encoding,
        bom: decoded.bom,
    };
    let mut source = Source::new(name, decoded.text).with_origin(origin);
    source.maybe_gbk = decoded.maybe_gbk;
    Ok(source)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_and_print() {
        assert_eq!(parse_size("64M"), Ok(64 << 20));
        assert_eq!(parse_size("64mb"), Ok(64 << 20));
        assert_eq!(parse_size("512K"), Ok(512 << 10));
        assert_eq!(parse_size("1G"), Ok(1 << 30));
        assert_eq!(parse_size("1000"), Ok(1000));
        assert!(parse_size("0").is_err());
        assert!(parse_size("lots").is_err());
        assert!(parse_size("99999999999G").is_err());
        assert_eq!(parse_size("2G"), Err("大小“2G”超过可设的最大值 1G".into()));
        assert_eq!(size_text(64 << 20), "64 MB");
        assert_eq!(size_text(100), "100 字节");
    }

    #[test]
    fn reads_stop_at_the_limit() {
        let endless = std::io::repeat(0);
        assert!(matches!(
            read_limited(endless, 1000, 0),
            Err(Limited::TooLarge(1000))
        ));
        assert_eq!(read_limited(&b"abc"[..], 3, 3).ok(), Some(b"abc".to_vec()));
    }
}
