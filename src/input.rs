//! Reading inputs: a path or `-` (stdin) → a [`Source`], with errors users can act on.

use crate::source::Source;
use std::fmt;
use std::io::Read;
use std::path::Path;

/// Why an input could not be linted.
#[derive(Debug)]
pub enum InputError {
    NotFound(String),
    IsDirectory(String),
    Unreadable(String, std::io::Error),
    Binary(String),
    NotUtf8 { name: String, offset: usize },
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::NotFound(p) => write!(f, "{p}：文件不存在"),
            InputError::IsDirectory(p) => write!(f, "{p}：这是一个目录，请指定文件"),
            InputError::Unreadable(p, e) => write!(f, "{p}：无法读取（{e}）"),
            InputError::Binary(p) => write!(f, "{p}：这是二进制文件，不是文本"),
            InputError::NotUtf8 { name, offset } => {
                write!(f, "{name}：第 {offset} 字节处不是有效的 UTF-8 文本")
            }
        }
    }
}

impl std::error::Error for InputError {}

/// Reads and decodes one input; `-` is standard input.
pub fn read(path: &str) -> Result<Source, InputError> {
    let (name, bytes) = if path == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| InputError::Unreadable("<stdin>".into(), e))?;
        ("<stdin>".to_string(), bytes)
    } else {
        let p = Path::new(path);
        if p.is_dir() {
            return Err(InputError::IsDirectory(path.into()));
        }
        let bytes = std::fs::read(p).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => InputError::NotFound(path.into()),
            _ => InputError::Unreadable(path.into(), e),
        })?;
        (path.to_string(), bytes)
    };
    decode(name, bytes)
}

fn decode(name: String, bytes: Vec<u8>) -> Result<Source, InputError> {
    if looks_binary(&bytes) {
        return Err(InputError::Binary(name));
    }
    let text = String::from_utf8(bytes).map_err(|e| InputError::NotUtf8 {
        name: name.clone(),
        offset: e.utf8_error().valid_up_to(),
    })?;
    let text = text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text);
    Ok(Source::new(name, text))
}

/// NUL bytes or a well-known binary signature.
fn looks_binary(bytes: &[u8]) -> bool {
    const MAGIC: &[&[u8]] = &[b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"PK\x03\x04"];
    MAGIC.iter().any(|m| bytes.starts_with(m))
        || memchr::memchr(0, &bytes[..bytes.len().min(8192)]).is_some()
}
