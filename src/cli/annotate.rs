//! `nianbao annotate`: a copy of each Word document with the findings as comments (批注)
//! and their fixes as tracked changes (修订). The original is never touched, and an
//! existing copy is not overwritten without `--force`.

use super::runs::Linters;
use super::{Common, EXIT_TROUBLE, err, error};
use nianbao::display;
use nianbao::docx::{self, annotate};
use nianbao::files;
use nianbao::input;
use nianbao::lint::Selection;
use nianbao::suppress;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// What the copy's name adds before `.docx`.
const SUFFIX: &str = ".nianbao";

#[derive(clap::Args)]
pub struct AnnotateArgs {
    /// Word 文档（.docx）或包含它们的目录
    #[arg(required = true, value_name = "路径")]
    paths: Vec<PathBuf>,
    /// 批注副本写到哪里（只能用于一个文档；默认在原文档旁写 名称.nianbao.docx）
    #[arg(short, long, value_name = "文件")]
    output: Option<PathBuf>,
    /// 覆盖已有的批注副本
    #[arg(long)]
    force: bool,
    #[command(flatten)]
    common: Common,
    /// 只运行这些规则（逗号分隔的规则编号）
    #[arg(long, value_delimiter = ',', value_name = "规则")]
    select: Option<Vec<String>>,
    /// 不运行这些规则（逗号分隔的规则编号）
    #[arg(long, value_delimiter = ',', value_name = "规则")]
    ignore: Vec<String>,
    /// 遍历目录时跳过与此模式匹配的文件（可多次给出）
    #[arg(long, value_name = "模式")]
    exclude: Vec<String>,
}

pub fn annotate(args: &AnnotateArgs) -> ExitCode {
    let selection = Selection::new(args.select.as_deref(), &args.ignore);
    let unknown = selection.unknown_ids();
    if !unknown.is_empty() {
        error(super::unknown_rules(&unknown));
        return ExitCode::from(EXIT_TROUBLE);
    }
    let mut trouble = false;
    let mut documents = Vec::new();
    for path in &args.paths {
        let p = path.as_path();
        if !p.is_dir() {
            documents.push(p.to_path_buf());
            continue;
        }
        let globs = match files::globs(&args.exclude) {
            Ok(g) => g,
            Err(m) => {
                error(m);
                return ExitCode::from(EXIT_TROUBLE);
            }
        };
        let walk = files::walk(p, &globs);
        for (_, e) in walk.errors {
            error(e);
            trouble = true;
        }
        for (skipped, reason) in walk.skipped {
            err(&format!(
                "跳过：{}：{reason}\n",
                display::escape_line(&skipped)
            ));
        }
        documents.extend(
            walk.files
                .into_iter()
                .filter(|f| is_docx(f) && !is_annotated(f)),
        );
    }
    if args.output.is_some() && documents.len() != 1 {
        error(format!(
            "-o/--output 只能用于一个文档（共有 {} 个）",
            documents.len()
        ));
        return ExitCode::from(EXIT_TROUBLE);
    }
    let mut linters = Linters::new(&args.common, selection);
    let date = humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string();
    let max_size = args.common.read_options().max_size;
    for document in &documents {
        let output = args.output.clone().unwrap_or_else(|| copy_path(document));
        match annotate_one(document, &output, args.force, &mut linters, &date, max_size) {
            Ok(message) => err(&format!("{message}\n")),
            Err(message) => {
                error(message);
                trouble = true;
            }
        }
    }
    if trouble {
        ExitCode::from(EXIT_TROUBLE)
    } else {
        ExitCode::SUCCESS
    }
}

fn is_docx(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("docx"))
}

/// A copy this command wrote (`报告.nianbao.docx`), not annotated again.
fn is_annotated(path: &Path) -> bool {
    path.file_stem()
        .is_some_and(|s| s.to_string_lossy().ends_with(SUFFIX))
}

/// `报告.docx` → `报告.nianbao.docx` beside it.
fn copy_path(document: &Path) -> PathBuf {
    let stem = document.file_stem().unwrap_or_default().to_string_lossy();
    document.with_file_name(format!("{stem}{SUFFIX}.docx"))
}

/// Lints `document` (read up to `max_size` bytes) and writes its annotated copy to
/// `output`; the message to show.
fn annotate_one(
    document: &Path,
    output: &Path,
    force: bool,
    linters: &mut Linters,
    date: &str,
    max_size: u64,
) -> Result<String, String> {
    let name = display::escape_line(&document.to_string_lossy()).into_owned();
    if !is_docx(document) {
        return Err(format!("{name}：只能为 Word 文档（.docx）加批注"));
    }
    let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    };
    if same(document, output) {
        return Err(format!("{name}：输出文件不能是原文档本身"));
    }
    let shown = display::escape_line(&output.to_string_lossy()).into_owned();
    if output.exists() && !force {
        return Err(format!("{shown}：已存在，未改动；用 --force 覆盖"));
    }
    let linter = linters.for_path(document)?;
    let bytes = input::read_bytes(document, &document.to_string_lossy(), max_size)
        .map_err(|e| e.to_string())?;
    let read = docx::read(&bytes).map_err(|e| format!("{name}：{e}"))?;
    let (source, map) = input::docx_source(&name, read);
    let mut diagnostics = linter.lint(&source);
    suppress::apply(
        &linter.config().ignore,
        &name,
        &source.text,
        &mut diagnostics,
    );
    let annotated = annotate::annotate(&bytes, &source, &map, &diagnostics, date)
        .map_err(|e| format!("{name}：{e}"))?;
    write_new(output, &annotated.bytes, force)
        .map_err(|e| format!("{shown}：无法写入（{}）", display::os_error(&e)))?;
    Ok(format!(
        "{shown}：已写入 {} 条批注，其中 {} 处修正标为修订",
        annotated.comments,
        annotated.tracked.len()
    ))
}

/// Writes `bytes` to `path` through a temporary file in the same directory; without
/// `force`, fails rather than replace a file that appeared meanwhile.
fn write_new(path: &Path, bytes: &[u8], force: bool) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = super::output::temporary_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    if force {
        tmp.persist(path).map_err(|e| e.error)?;
    } else {
        tmp.persist_noclobber(path).map_err(|e| e.error)?;
    }
    Ok(())
}
