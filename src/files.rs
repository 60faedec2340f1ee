//! Which files a run lints: the paths given, and the `.txt .md .docx .html .htm .pdf`
//! files found by walking given directories (sorted, minus `--exclude` / config
//! `exclude` globs and the temporary files Word, WPS and LibreOffice leave beside open
//! documents). Old Word files found on the way are listed as skipped, with the reason.

use crate::input;
use globset::{Glob, GlobSet, GlobSetBuilder};
use std::path::Path;
use walkdir::WalkDir;

/// File name endings a directory walk lints.
pub const EXTENSIONS: &[&str] = &["txt", "md", "docx", "html", "htm", "pdf"];

/// A glob set from patterns; a bad pattern is an error naming it.
pub fn globs(patterns: &[String]) -> Result<GlobSet, String> {
    let mut builder = GlobSetBuilder::new();
    for p in patterns {
        builder.add(Glob::new(p).map_err(|e| format!("无效的排除模式“{p}”：{e}"))?);
    }
    builder.build().map_err(|e| e.to_string())
}

/// Whether `path` (relative to the walked directory) or its file name matches `set`.
pub fn excluded(set: &GlobSet, relative: &Path) -> bool {
    set.is_match(relative) || relative.file_name().is_some_and(|n| set.is_match(n))
}

/// What a directory walk found.
#[derive(Debug, Default)]
pub struct Walk {
    /// The lintable files, sorted.
    pub files: Vec<String>,
    /// Files nianbao cannot read, with the reason (for the user, on stderr).
    pub skipped: Vec<(String, &'static str)>,
    /// Walk errors (unreadable folders, broken links) as messages.
    pub errors: Vec<String>,
}

/// The lintable files under `dir`, sorted, and what was skipped or failed on the way.
pub fn walk(dir: &Path, exclude: &GlobSet) -> Walk {
    let mut found = Walk::default();
    let walker = WalkDir::new(dir).sort_by_file_name().into_iter();
    for entry in walker.filter_entry(|e| {
        e.depth() == 0 || !excluded(exclude, e.path().strip_prefix(dir).unwrap_or(e.path()))
    }) {
        match entry {
            Ok(e) if e.file_type().is_dir() || input::is_temporary(e.file_name()) => {}
            Ok(e) if is_lintable(e.path()) => found.files.push(e.path().display().to_string()),
            Ok(e) => {
                if let Some(reason) = input::skip_reason(e.path()) {
                    found.skipped.push((e.path().display().to_string(), reason));
                }
            }
            Err(e) => found.errors.push(format!(
                "{}：{}",
                e.path()
                    .map_or_else(|| dir.display().to_string(), |p| p.display().to_string()),
                e.io_error()
                    .map_or_else(|| e.to_string(), |io| io.to_string())
            )),
        }
    }
    found
}

fn is_lintable(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}
