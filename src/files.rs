//! Which files a run lints: the paths given, and the `.txt .md .docx .html .htm .pdf`
//! files found by walking given directories (sorted, minus `--exclude` / config
//! `exclude` globs, the temporary files Word, WPS and LibreOffice leave beside open
//! documents, the folder of a page saved whole by a browser or by Word beside its page,
//! hidden files and folders, and `node_modules`). Old Word files found on the way are
//! listed as skipped, with the reason.

use crate::{display, input};
use globset::{Glob, GlobSet, GlobSetBuilder};
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// File name endings a directory walk lints.
pub const EXTENSIONS: &[&str] = &["txt", "md", "docx", "html", "htm", "pdf"];

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

/// Whether `path` (relative to the walked directory), its file name or the path as
/// printed (`reports/c.txt`, the directory given joined with it) matches `set`.
pub fn excluded(set: &GlobSet, relative: &Path, printed: &Path) -> bool {
    set.is_match(relative)
        || relative.file_name().is_some_and(|n| set.is_match(n))
        || set.is_match(printed)
}

/// What a directory walk found.
#[derive(Debug, Default)]
pub struct Walk {
    /// The lintable files, sorted. Paths are kept as they are, so names that are not
    /// UTF-8 are linted too.
    pub files: Vec<PathBuf>,
    /// Files nianbao cannot read, with the reason (for the user, on stderr).
    pub skipped: Vec<(String, &'static str)>,
    /// Walk errors (unreadable folders, broken links): the name of what could not be
    /// read and a message.
    pub errors: Vec<(String, String)>,
}

/// The lintable files under `dir`, sorted, and what was skipped or failed on the way.
pub fn walk(dir: &Path, exclude: &GlobSet) -> Walk {
    let mut found = Walk::default();
    let walker = WalkDir::new(dir).sort_by_file_name().into_iter();
    for entry in walker.filter_entry(|e| {
        let relative = e.path().strip_prefix(dir).unwrap_or(e.path());
        let passed_over = excluded(exclude, relative, e.path())
            || e.file_type().is_dir() && is_page_resources(e.path())
            || is_tool_own(e.file_name());
        e.depth() == 0 || !passed_over
    }) {
        match entry {
            Ok(e) if e.file_type().is_dir() || input::is_temporary(e.file_name()) => {}
            Ok(e) if is_lintable(e.path()) => found.files.push(e.into_path()),
            Ok(e) => {
                if let Some(reason) = input::skip_reason(e.path()) {
                    found
                        .skipped
                        .push((e.path().to_string_lossy().into_owned(), reason));
                }
            }
            Err(e) => {
                let name = e.path().unwrap_or(dir).to_string_lossy().into_owned();
                let reason = match (e.io_error(), e.loop_ancestor()) {
                    (_, Some(_)) => "符号链接形成循环".to_string(),
                    (Some(io), _) => display::os_error(io),
                    (None, None) => format!("无法读取（{e}）"),
                };
                let message = format!("{}：{reason}", display::escape_line(&name));
                found.errors.push((name, message));
            }
        }
    }
    found
}

/// A hidden file or folder (`.git`, `.cache`, `.~报告.txt`) or `node_modules`: a tool's
/// own, no report (passed over as by ruff and ripgrep).
fn is_tool_own(name: &OsStr) -> bool {
    name.as_encoded_bytes().starts_with(b".") || name == "node_modules"
}

/// `报告_files` beside `报告.html` (a browser's "save page, complete"), `报告.files`
/// beside `报告.htm` (Word's "save as web page"): the page's images, styles and frames,
/// no report.
fn is_page_resources(dir: &Path) -> bool {
    let Some(name) = dir.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    let Some(stem) = name
        .strip_suffix("_files")
        .or_else(|| name.strip_suffix(".files"))
        .filter(|s| !s.is_empty())
    else {
        return false;
    };
    // The page beside it, its extension in any case (`报告.HTM`).
    let page = |entry: std::fs::DirEntry| {
        let path = entry.path();
        path.file_stem().is_some_and(|s| s == stem)
            && path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                ["html", "htm", "mht", "mhtml"]
                    .iter()
                    .any(|x| x.eq_ignore_ascii_case(e))
            })
            && path.is_file()
    };
    let Some(parent) = dir.parent() else {
        return false;
    };
    let parent = if parent.as_os_str().is_empty() {
        Path::new(".")
    } else {
        parent
    };
    std::fs::read_dir(parent).is_ok_and(|mut entries| entries.any(|e| e.is_ok_and(page)))
}

fn is_lintable(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}
