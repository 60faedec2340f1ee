//! `nianbao lint` and `nianbao report`.

use super::runs::{self, Linted, Run};
use super::{Common, EXIT_FINDINGS, EXIT_TROUBLE, err, error, out, out_bytes};
use clap::ValueEnum;
use nianbao::lint::Selection;
use nianbao::render::{self, Counts, FileReport};
use nianbao::source::Origin;
use nianbao::writeback::{self, Change};
use nianbao::{display, fix};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct LintArgs {
    /// 报告文件或目录（检查其中的 .txt .md .docx）；`-` 表示标准输入
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
    /// 输出格式：table（默认）或 csv
    #[arg(long, value_enum, default_value_t = ReportFormat::Table, value_name = "格式")]
    format: ReportFormat,
}

#[derive(Clone, Copy, ValueEnum)]
enum ReportFormat {
    Table,
    Csv,
}

pub fn lint(args: &LintArgs) -> ExitCode {
    let selection = Selection {
        select: args.select.clone(),
        ignore: args.ignore.clone(),
    };
    let fixing = args.fix || args.diff;
    let Run {
        files,
        unused,
        mut trouble,
        unreadable,
    } = match runs::run(&args.paths, &args.common, selection, &args.exclude, fixing) {
        Ok(run) => run,
        Err(code) => return code,
    };
    // With `--fix -`, standard output carries the document and nothing else.
    let filter = args.fix && args.paths.iter().any(|p| p.as_os_str() == "-");
    let mut document = None;
    let mut reports = Vec::with_capacity(files.len());
    for linted in files {
        let (report, failed) = apply_fixes(linted, args, &mut document);
        trouble |= failed;
        reports.push(report);
    }
    reports.extend(unused);
    let color = args.common.color.enabled() && !filter;
    let mut text = match args.format {
        Format::Human => render::human::render(&reports, color, &unreadable),
        Format::Json => render::json::render(&reports),
        Format::Short => render::short::render(&reports),
        Format::Github => render::github::render(&reports),
        Format::Sarif => render::sarif::render(&reports),
    };
    if args.statistics {
        text.push_str(&render::stats::render(&reports));
    }
    if filter {
        if let Some(bytes) = document
            && !out_bytes(&bytes)
        {
            error("无法写出修正后的文本：标准输出已关闭");
            trouble = true;
        }
        err(&text);
    } else {
        out(&text);
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
    if report.source.origin == Origin::Docx && report.diagnostics.iter().any(|d| d.fix.is_some()) {
        err(&format!(
            "{name}：Word 文档不会被改写；用 `nianbao annotate` 生成带修订的副本\n"
        ));
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

pub fn report(args: &ReportArgs) -> ExitCode {
    let Run { files, trouble, .. } = match runs::run(
        &args.paths,
        &args.common,
        Selection::default(),
        &args.exclude,
        false,
    ) {
        Ok(run) => run,
        Err(code) => return code,
    };
    let rows: Vec<render::report::Row> = files
        .iter()
        .map(|f| render::report::Row::new(&f.report, &f.outline))
        .collect();
    let text = match args.format {
        ReportFormat::Table => render::report::table(&rows),
        ReportFormat::Csv => render::report::csv(&rows),
    };
    out(&text);
    let counts = Counts::of(&files.into_iter().map(|f| f.report).collect::<Vec<_>>());
    exit_code(trouble, counts)
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
