//! Applying the unambiguous fixes findings carry: new text, an atomic write that keeps
//! encoding, BOM, line endings and permissions, or a unified diff instead.

use crate::decode;
use crate::diagnostic::Diagnostic;
use crate::source::{Origin, Source};
use std::io::Write;
use std::path::Path;

/// The text with every non-overlapping fix applied, and how many were applied;
/// `None` when no finding carries a fix.
pub fn apply(text: &str, diagnostics: &[Diagnostic]) -> Option<(String, usize)> {
    let mut fixes: Vec<_> = diagnostics.iter().filter_map(|d| d.fix.as_ref()).collect();
    fixes.sort_by_key(|f| (f.span.start, f.span.end));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    let mut applied = 0;
    for f in fixes {
        if f.span.start < at || f.span.end > text.len() {
            continue;
        }
        out.push_str(&text[at..f.span.start]);
        out.push_str(&f.replacement);
        at = f.span.end;
        applied += 1;
    }
    out.push_str(&text[at..]);
    (applied > 0 && out != text).then_some((out, applied))
}

/// The bytes to write for `text` in the original file's encoding; `None` for a `.docx`,
/// which is never rewritten.
pub fn encode_like(source: &Source, text: &str) -> Option<Vec<u8>> {
    match source.origin {
        Origin::Text { encoding, bom } => Some(decode::encode(text, encoding, bom)),
        Origin::Docx | Origin::Html | Origin::Pdf => None,
    }
}

/// Replaces `path` with `bytes` atomically: a temporary file in the same directory,
/// given the original's permissions, then renamed over it.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let permissions = std::fs::metadata(path)?.permissions();
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    std::fs::set_permissions(tmp.path(), permissions)?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// A unified diff from `old` to `new` for `name`.
pub fn diff(name: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .header(&format!("a/{name}"), &format!("b/{name}"))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_fix(span: std::ops::Range<usize>, replacement: &str) -> Diagnostic {
        Diagnostic::new(span.clone(), "m").fix(span, replacement)
    }

    #[test]
    fn applies_fixes_and_skips_overlaps() {
        let text = "2021-2025年，74 名";
        let dash = text.find('-').unwrap();
        let space = text.find(' ').unwrap();
        let ds = [
            with_fix(dash..dash + 1, "—"),
            with_fix(dash..dash + 5, "x"),
            with_fix(space..space + 1, ""),
        ];
        let (out, n) = apply(text, &ds).unwrap();
        assert_eq!(out, "2021—2025年，74名");
        assert_eq!(n, 2);
        assert!(apply(&out, &[]).is_none());
    }

    #[test]
    fn atomic_write_keeps_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, "old").unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&p, "new".as_bytes()).unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "new");
        assert_eq!(
            std::fs::metadata(&p).unwrap().permissions().mode() & 0o777,
            0o640
        );
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
