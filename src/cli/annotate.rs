//! `nianbao annotate`: a copy of each Word document with the findings as comments (批注)
//! and their fixes as tracked changes (修订). The original is never touched, and an
//! existing copy is not overwritten without `--force`.

use super::runs::Linters;
use super::{Common, EXIT_TROUBLE};
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
    /// Word documents (.docx), or directories holding them.
    #[arg(required = true)]
    paths: Vec<String>,
    /// Where to write the annotated copy (one document only; default: NAME.nianbao.docx
    /// beside it).
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Overwrite an existing annotated copy.
    #[arg(long)]
    force: bool,
    #[command(flatten)]
    common: Common,
    /// Only run these rules (comma-separated ids).
    #[arg(long, value_delimiter = ',')]
    select: Option<Vec<String>>,
    /// Do not run these rules (comma-separated ids).
    #[arg(long, value_delimiter = ',')]
    ignore: Vec<String>,
    /// Skip files matching this glob when walking directories (repeatable).
    #[arg(long)]
    exclude: Vec<String>,
}

pub fn annotate(args: &AnnotateArgs) -> ExitCode {
    let selection = Selection {
        select: args.select.clone(),
        ignore: args.ignore.clone(),
    };
    let unknown = selection.unknown_ids();
    if !unknown.is_empty() {
        eprintln!("错误：未知的规则：{}", unknown.join(", "));
        return ExitCode::from(EXIT_TROUBLE);
    }
    let mut trouble = false;
    let mut documents = Vec::new();
    for path in &args.paths {
        let p = Path::new(path);
        if !p.is_dir() {
            documents.push(p.to_path_buf());
            continue;
        }
        let globs = match files::globs(&args.exclude) {
            Ok(g) => g,
            Err(m) => {
                eprintln!("错误：{m}");
                return ExitCode::from(EXIT_TROUBLE);
            }
        };
        let walk = files::walk(p, &globs);
        for e in walk.errors {
            eprintln!("错误：{e}");
            trouble = true;
        }
        for (skipped, reason) in walk.skipped {
            eprintln!("跳过：{skipped}：{reason}");
        }
        documents.extend(
            walk.files
                .into_iter()
                .map(PathBuf::from)
                .filter(|f| is_docx(f) && !is_annotated(f)),
        );
    }
    if args.output.is_some() && documents.len() != 1 {
        eprintln!(
            "错误：-o/--output 只能用于一个文档（共有 {} 个）",
            documents.len()
        );
        return ExitCode::from(EXIT_TROUBLE);
    }
    let mut linters = Linters::new(&args.common, selection);
    let date = humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string();
    for document in &documents {
        let output = args.output.clone().unwrap_or_else(|| copy_path(document));
        match annotate_one(document, &output, args.force, &mut linters, &date) {
            Ok(message) => eprintln!("{message}"),
            Err(message) => {
                eprintln!("错误：{message}");
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

/// Lints `document` and writes its annotated copy to `output`; the message to show.
fn annotate_one(
    document: &Path,
    output: &Path,
    force: bool,
    linters: &mut Linters,
    date: &str,
) -> Result<String, String> {
    let name = document.display().to_string();
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
    if output.exists() && !force {
        return Err(format!(
            "{}：已存在，未改动；用 --force 覆盖",
            output.display()
        ));
    }
    let linter = linters.for_path(&name)?;
    let bytes = std::fs::read(document).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => format!("{name}：文件不存在"),
        _ => format!("{name}：无法读取（{e}）"),
    })?;
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
        .map_err(|e| format!("{}：无法写入（{e}）", output.display()))?;
    Ok(format!(
        "{}：已写入 {} 条批注，其中 {} 处修正标为修订",
        output.display(),
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
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    if force {
        tmp.persist(path).map_err(|e| e.error)?;
    } else {
        tmp.persist_noclobber(path).map_err(|e| e.error)?;
    }
    Ok(())
}
