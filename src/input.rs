//! Reading inputs: a path or `-` (stdin) → a [`Source`], with errors users can act on.
//!
//! Text files are decoded by [`crate::decode`] (UTF-8, UTF-16, GB18030); a `.docx` is
//! read by [`crate::docx`], one Word paragraph per line; a saved web page by
//! [`crate::html`], one block per line; a PDF's text layer by [`crate::pdf`], one
//! paragraph per line. Old binary Word/WPS files and Word's temporary files are refused
//! with a reason the user can act on.

use crate::decode::{self, DecodeError, Encoding};
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
const TEMPORARY_REASON: &str = "这是 Word/WPS 打开文档时生成的临时文件（~$ 开头），不是报告本身";

/// Why an input could not be linted.
#[derive(Debug)]
pub enum InputError {
    NotFound(String),
    IsDirectory(String),
    Unreadable(String, std::io::Error),
    Undecodable(String, DecodeError),
    Docx(String, DocxError),
    Pdf(String, PdfError),
    /// A file nianbao cannot read, with the reason.
    Unsupported(String, String),
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::NotFound(p) => write!(f, "{p}：文件不存在"),
            InputError::IsDirectory(p) => write!(f, "{p}：这是一个目录，请指定文件"),
            InputError::Unreadable(p, e) => write!(f, "{p}：无法读取（{e}）"),
            InputError::Undecodable(p, e) => write!(f, "{p}：{e}"),
            InputError::Docx(p, e) => write!(f, "{p}：{e}"),
            InputError::Pdf(p, e) => write!(f, "{p}：{e}"),
            InputError::Unsupported(p, reason) => write!(f, "{p}：{reason}"),
        }
    }
}

impl std::error::Error for InputError {}

/// Reads and decodes one input; `-` is standard input. `encoding` overrides detection.
pub fn read(path: &str, encoding: Option<Encoding>) -> Result<Source, InputError> {
    if path == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| InputError::Unreadable("<stdin>".into(), e))?;
        return text_source("<stdin>".into(), &bytes, encoding);
    }
    let p = Path::new(path);
    if p.is_dir() {
        return Err(InputError::IsDirectory(path.into()));
    }
    if p.file_name().is_some_and(is_temporary) {
        return Err(InputError::Unsupported(
            path.into(),
            TEMPORARY_REASON.into(),
        ));
    }
    let bytes = std::fs::read(p).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => InputError::NotFound(path.into()),
        _ => InputError::Unreadable(path.into(), e),
    })?;
    let docx_error = |e| InputError::Docx(path.into(), e);
    if has_extension(p, &["docx"]) {
        let docx = docx::read(&bytes).map_err(docx_error)?;
        return Ok(docx_source(path, docx).0);
    }
    if has_extension(p, LEGACY_EXTENSIONS) {
        // A .docx saved under an old name reads as one.
        if bytes.starts_with(b"PK\x03\x04") {
            let docx = docx::read(&bytes).map_err(docx_error)?;
            return Ok(docx_source(path, docx).0);
        }
        return Err(match docx::classify_compound(&bytes) {
            Some(Compound::Encrypted) => docx_error(DocxError::Encrypted),
            _ => docx_error(DocxError::Legacy),
        });
    }
    if has_extension(p, &["html", "htm"]) {
        let page = html::read(&bytes).map_err(|e| InputError::Undecodable(path.into(), e))?;
        return Ok(Source::new(path, page.lines.join("\n")).with_origin(Origin::Html));
    }
    if has_extension(p, &["pdf"]) {
        let doc = pdf::read(&bytes).map_err(|e| InputError::Pdf(path.into(), e))?;
        return Ok(Source::new(path, doc.paragraphs.join("\n"))
            .with_origin(Origin::Pdf)
            .with_page_starts(doc.page_starts));
    }
    text_source(path.into(), &bytes, encoding)
}

/// The source of a Word document (its text, headings, numbering labels and review
/// marks) and the map from that text back to `document.xml`.
pub fn docx_source(name: &str, docx: Docx) -> (Source, TextMap) {
    let mut source = Source::new(name, docx.text)
        .with_origin(Origin::Docx)
        .with_heading_levels(docx.heading_levels);
    source.generated = docx.labels;
    source.continued_lines = docx.soft_breaks;
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

fn text_source(
    name: String,
    bytes: &[u8],
    encoding: Option<Encoding>,
) -> Result<Source, InputError> {
    let decoded =
        decode::decode(bytes, encoding).map_err(|e| InputError::Undecodable(name.clone(), e))?;
    let origin = Origin::Text {
        encoding: decoded.encoding,
        bom: decoded.bom,
    };
    Ok(Source::new(name, decoded.text).with_origin(origin))
}
