//! `nianbao lint` and `nianbao report`.

use super::runs::{self, Linted, Run};
use super::stream;
use super::{Common, EXIT_FINDINGS, EXIT_TROUBLE, err, error, out, out_bytes, output};
use clap::ValueEnum;
use nianbao::lint::Selection;
use nianbao::render::report;
use nianbao::render::stream::Style;
use nianbao::render::{self, Counts, FileReport};
use nianbao::source::Origin;
use nianbao::writeback::{self, Change};
use nianbao::{display, fix};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct LintArgs {
    /// 报告文件或目录（检查其中的 .txt .md .docx .html .htm .pdf）；`-` 表示标准输入
    #[arg(required = true, value_name = "路径")]
    paths: Vec<PathBuf>,
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
    /// 输出格式：human（默认）、json、short、github、sarif
    #[arg(long, value_enum, default_value_t = Format::Human, value_name = "格式")]
    format: Format,
    /// 在问题之后列出按规则统计的数量
    #[arg(long)]
    statistics: bool,
    /// 写入问题所附的明确修正（从不改写 .docx：Word 文档请用 `nianbao annotate` 生成带修订的副本）；`-` 时只把修正后的全文写到标准输出
    #[arg(long, conflicts_with = "diff")]
    fix: bool,
    /// 以统一差异格式显示修正，不写入
    #[arg(long)]
    diff: bool,
    /// 把问题写到此文件，而不是标准输出
    #[arg(long, short, value_name = "文件")]
    output: Option<PathBuf>,
    /// 与 --fix 同用：直接写入原文件（保留硬链接、所有者和只读文件），不用临时文件替换；写入中断可能损坏文件
    #[arg(long, requires = "fix")]
    in_place: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
    Short,
    Github,
    Sarif,
}

impl Format {
    fn style(self, color: bool) -> Style {
        match self {
            Format::Human => Style::Human { color },
            Format::Json => Style::Json,
            Format::Short => Style::Short,
            Format::Github => Style::Github,
            Format::Sarif => Style::Sarif,
        }
    }
}

#[derive(clap::Args)]
pub struct ReportArgs {
    /// 要汇总的报告文件或目录
    #[arg(required = true, value_name = "路径")]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    common: Common,
    /// 遍历目录时跳过与此模式匹配的文件（可多次给出）
    #[arg(long, value_name = "模式")]
    exclude: Vec<String>,
    /// 输出格式：table（默认）、csv、json、xlsx、html；未指定时按 --output 文件的扩展名
    /// （.xlsx .csv .json .html）
    #[arg(long, value_enum, value_name = "格式")]
    format: Option<ReportFormat>,
    /// 把汇总表写到此文件，而不是标准输出（xlsx 格式必须指定）
    #[arg(long, short, value_name = "文件")]
    output: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum ReportFormat {
    Table,
    Csv,
    Json,
    Xlsx,
    Html,
}

pub fn lint(args: &LintArgs) -> ExitCode {
    let selection = Selection::new(args.select.as_deref(), &args.ignore);
    let fixing = args.fix || args.diff;
    // Fixes, `--output` (written whole) and standard input keep every file to the end;
    // otherwise each file's output is written as soon as it is done.
    let stdin = args.paths.iter().any(|p| p.as_os_str() == "-");
    if !fixing && args.output.is_none() && !stdin {
        let plan = match runs::plan(&args.paths, &args.common, selection, &args.exclude) {
            Ok(plan) => plan,
            Err(code) => return code,
        };
        let style = args.format.style(args.common.color.enabled());
        let options = args.common.read_options();
        let (trouble, counts) = stream::lint(plan, options, style, args.statistics);
        return exit_code(trouble, counts);
    }
    let Run {
        files,
        unused,
        mut trouble,
        unreadable,
        ..
    } = match runs::run(&args.paths, &args.common, selection, &args.exclude, fixing) {
        Ok(run) => run,
        Err(code) => return code,
    };
    // With `--fix -`, standard output carries the document and nothing else; with
    // `--diff`, the diff (the findings go to standard error, so that either can be read
    // by a program: `--diff --format json`).
    let filter = args.fix && args.paths.iter().any(|p| p.as_os_str() == "-") || args.diff;
    let mut document = None;
    let mut reports = Vec::with_capacity(files.len());
    for linted in files {
        let (report, failed) = apply_fixes(linted, args, &mut document);
        trouble |= failed;
        reports.push(report);
    }
    reports.extend(unused);
    let color = args.common.color.enabled() && !filter;
    let style = args.format.style(color);
    let text = render::stream::render(style, &reports, &unreadable, args.statistics);
    if let Some(bytes) = document
        && !out_bytes(&bytes)
    {
        error("无法写出修正后的文本：标准输出已关闭");
        trouble = true;
    }
    let written = match args.output.as_deref() {
        Some(target) => {
            let inputs = args.paths.iter().map(PathBuf::as_path);
            let inputs = inputs.chain(reports.iter().filter_map(|r| r.source.path.as_deref()));
            write_output(target, text.as_bytes(), inputs)
        }
        None if filter => {
            err(&text);
            true
        }
        None => {
            out(&text);
            true
        }
    };
    if !written {
        return ExitCode::from(EXIT_TROUBLE);
    }
    exit_code(trouble, Counts::of(&reports))
}

/// Writes a file's fixes (or, for `--diff`, prints them), and returns the report to
/// show: the fixed text's findings once written, else the original's. Standard input's
/// document, fixed or not, goes to `document`. The flag says a write was refused.
fn apply_fixes(
    linted: Linted,
    args: &LintArgs,
    document: &mut Option<Vec<u8>>,
) -> (FileReport, bool) {
    let Linted { report, fixed, .. } = linted;
    let stdin = report.source.path.is_none();
    if stdin && args.fix {
        *document = report.source.raw.clone();
    }
    let name = display::escape_line(&report.source.name).into_owned();
    let fixable = report.diagnostics.iter().any(|d| d.fix.is_some());
    match report.source.origin {
        // (Only where fixes were asked for: `-o` alone also comes this way.)
        Origin::Docx if fixable && (args.fix || args.diff) => err(&format!(
            "{name}：Word 文档不会被改写；用 `nianbao annotate` 生成带修订的副本\n"
        )),
        // A page or a PDF is read as its text; the file itself cannot take the fixes.
        Origin::Html | Origin::Pdf if fixable && (args.fix || args.diff) => err(&format!(
            "{name}：网页和 PDF 文件不会被改写；修正请在原稿（Word 或文本文件）中进行\n"
        )),
        _ => {}
    }
    let (Some(fixed), Origin::Text { encoding, bom }) = (fixed, report.source.origin) else {
        return (report, false);
    };
    if args.diff {
        out(&fix::diff(&name, &report.source.text, &fixed.source.text));
        return (report, false);
    }
    let change = Change {
        text: &report.source.text,
        encoding,
        bom,
        edits: &fixed.edits,
        fixed: &fixed.source.text,
    };
    let written = match (&report.source.path, &report.source.raw) {
        (Some(path), _) => writeback::write(path, &change, args.in_place),
        (None, Some(raw)) => change.patch(raw).map(|bytes| *document = Some(bytes)),
        (None, None) => return (report, false),
    };
    match written {
        Ok(()) => {
            if !stdin {
                err(&format!("{name}：已修正 {} 处\n", fixed.applied));
            }
            let fixed_report = FileReport {
                source: fixed.source,
                diagnostics: fixed.diagnostics,
            };
            (fixed_report, false)
        }
        Err(refusal) => {
            error(format!("{name}：{refusal}"));
            (report, true)
        }
    }
}

impl ReportArgs {
    /// The format asked for, else the one the output file's extension names, else table.
    fn format(&self) -> ReportFormat {
        let named = || {
            let ext = self.output.as_deref()?.extension()?.to_str()?;
            match ext.to_ascii_lowercase().as_str() {
                "xlsx" => Some(ReportFormat::Xlsx),
                "csv" => Some(ReportFormat::Csv),
                "json" => Some(ReportFormat::Json),
                "html" | "htm" => Some(ReportFormat::Html),
                _ => None,
            }
        };
        self.format.or_else(named).unwrap_or(ReportFormat::Table)
    }
}

pub fn report(args: &ReportArgs) -> ExitCode {
    let format = args.format();
    if matches!(format, ReportFormat::Xlsx) && args.output.is_none() {
        error("xlsx 格式须用 --output 指定输出文件（如 --output 汇总.xlsx）");
        return ExitCode::from(EXIT_TROUBLE);
    }
    let run = match runs::run(
        &args.paths,
        &args.common,
        Selection::default(),
        &args.exclude,
        false,
    ) {
        Ok(run) => run,
        Err(code) => return code,
    };
    let mut rows: Vec<report::Row> = run
        .files
        .iter()
        .map(|f| report::Row::new(&f.report, &f.outline, run.config_of(f)))
        .collect();
    for c in &run.copies {
        rows[c.file].copied.push(report::Copied {
            other: run.files[c.other].report.source.name.clone(),
            percent: c.percent,
        });
    }
    rows.extend(
        run.failed
            .iter()
            .map(|(path, reason)| report::Row::unreadable(path, reason)),
    );
    rows.sort_by(|a, b| a.path.cmp(&b.path));
    let reports: Vec<&FileReport> = run.files.iter().map(|f| &f.report).collect();
    let bytes = match format {
        ReportFormat::Table => report::table::render(&rows).into_bytes(),
        ReportFormat::Csv => report::csv::render(&rows).into_bytes(),
        ReportFormat::Json => report::json::render(&rows).into_bytes(),
        ReportFormat::Html => report::html::render(&rows, &reports).into_bytes(),
        ReportFormat::Xlsx => match report::xlsx::render(&rows) {
            Ok(bytes) => bytes,
            Err(e) => {
                error(format!("无法生成 xlsx（{e}）"));
                return ExitCode::from(EXIT_TROUBLE);
            }
        },
    };
    let written = match args.output.as_deref() {
        Some(target) => {
            let inputs = args.paths.iter().map(PathBuf::as_path);
            let files = run.files.iter();
            let inputs = inputs.chain(files.filter_map(|f| f.report.source.path.as_deref()));
            write_output(target, &bytes, inputs)
        }
        None => {
            out_bytes(&bytes);
            true
        }
    };
    if !written {
        return ExitCode::from(EXIT_TROUBLE);
    }
    let counts = Counts::of(&run.files.into_iter().map(|f| f.report).collect::<Vec<_>>());
    exit_code(run.trouble, counts)
}

/// Writes `bytes` to `target` (`--output`); false (after printing why) if that failed.
fn write_output<'a>(
    target: &Path,
    bytes: &[u8],
    inputs: impl IntoIterator<Item = &'a Path>,
) -> bool {
    match output::write(target, bytes, inputs) {
        Ok(()) => true,
        Err(message) => {
            error(message);
            false
        }
    }
}

fn exit_code(trouble: bool, counts: Counts) -> ExitCode {
    if trouble {
        ExitCode::from(EXIT_TROUBLE)
    } else if counts.errors > 0 {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    }
}
