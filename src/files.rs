//! Which files a run lints: the paths given, and the `.txt .md .docx` files found by
//! walking given directories (sorted, minus `--exclude` / config `exclude` globs).

use crate::display;
use globset::{Glob, GlobSet, GlobSetBuilder};
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// File name endings a directory walk lints.
pub const EXTENSIONS: &[&str] = &["txt", "md", "docx"];

/// A glob set from patterns; a bad pattern is an error naming it.
pub fn globs(patterns: &[String]) -> Result<GlobSet, String> {
    let mut builder = GlobSetBuilder::new();
    for p in patterns {
        builder.add(Glob::new(p).map_err(|e| format!("无效的排除模式“{p}”（{}）", e.kind()))?);
    }
    builder
        .build()
        .map_err(|e| format!("排除模式无法使用（{e}）"))
}

/// Whether `path` (relative to the walked directory) or its file name matches `set`.
pub fn excluded(set: &GlobSet, relative: &Path) -> bool {
    set.is_match(relative) || relative.file_name().is_some_and(|n| set.is_match(n))
}

/// The lintable files under `dir`, sorted; walk errors (unreadable folders, broken links)
/// are returned as the name of what could not be read and a message, for the caller to
/// report. Paths are kept as they are, so names that are not UTF-8 are linted too.
pub fn walk(dir: &Path, exclude: &GlobSet) -> (Vec<PathBuf>, Vec<(String, String)>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let walker = WalkDir::new(dir).sort_by_file_name().into_iter();
    for entry in walker.filter_entry(|e| {
        e.depth() == 0 || !excluded(exclude, e.path().strip_prefix(dir).unwrap_or(e.path()))
    }) {
        match entry {
            Ok(e) if is_lintable(e.path()) && !e.file_type().is_dir() => files.push(e.into_path()),
            Ok(_) => {}
            Err(e) => {
                let name = e.path().unwrap_or(dir).to_string_lossy().into_owned();
                let reason = match (e.io_error(), e.loop_ancestor()) {
                    (_, Some(_)) => "符号链接形成循环".to_string(),
                    (Some(io), _) => display::os_error(io),
                    (None, None) => format!("无法读取（{e}）"),
                };
                let message = format!("{}：{reason}", display::escape_line(&name));
                errors.push((name, message));
            }
        }
    }
    (files, errors)
}

fn is_lintable(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}
