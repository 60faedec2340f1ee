//! Reading inputs: a path or `-` (stdin) → a [`Source`], with errors users can act on.
//!
//! Text files are decoded by [`crate::decode`] (UTF-8, UTF-16, GB18030); a `.docx` is
//! read by [`crate::docx`], one Word paragraph per line; a saved web page by
//! [`crate::html`], one block per line; a PDF's text layer by [`crate::pdf`], one
//! paragraph per line.

use crate::decode::{self, DecodeError, Encoding};
use crate::docx::{self, DocxError};
use crate::html;
use crate::pdf::{self, PdfError};
use crate::source::{Origin, Source};
use std::fmt;
use std::io::Read;
use std::path::Path;

/// Why an input could not be linted.
#[derive(Debug)]
pub enum InputError {
    NotFound(String),
    IsDirectory(String),
    Unreadable(String, std::io::Error),
    Undecodable(String, DecodeError),
    Docx(String, DocxError),
    Pdf(String, PdfError),
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
    let bytes = std::fs::read(p).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => InputError::NotFound(path.into()),
        _ => InputError::Unreadable(path.into(), e),
    })?;
    let extension = p
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    if matches!(extension.as_deref(), Some("html" | "htm")) {
        let page = html::read(&bytes).map_err(|e| InputError::Undecodable(path.into(), e))?;
        return Ok(Source::new(path, page.lines.join("\n")).with_origin(Origin::Html));
    }
    if extension.as_deref() == Some("pdf") {
        let doc = pdf::read(&bytes).map_err(|e| InputError::Pdf(path.into(), e))?;
        return Ok(Source::new(path, doc.paragraphs.join("\n"))
            .with_origin(Origin::Pdf)
            .with_page_starts(doc.page_starts));
    }
    if p.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("docx"))
    {
        let paragraphs =
            docx::read_paragraphs(&bytes).map_err(|e| InputError::Docx(path.into(), e))?;
        let text: Vec<String> = paragraphs.into_iter().map(|p| p.text).collect();
        return Ok(Source::new(path, text.join("\n")).with_origin(Origin::Docx));
    }
    text_source(path.into(), &bytes, encoding)
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
