//! `nianbao lint` and `nianbao report`.

use super::runs::{self, Run};
use super::{Common, EXIT_FINDINGS, EXIT_TROUBLE, out, out_bytes, output};
use clap::ValueEnum;
use nianbao::config::Config;
use nianbao::fix;
use nianbao::lint::Selection;
use nianbao::render::report;
use nianbao::render::{self, Counts, FileReport};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct LintArgs {
    /// Files or directories (`.txt .md .docx .html .htm .pdf` inside); `-` reads standard input.
    #[arg(required = true)]
    paths: Vec<String>,
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
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Print a per-rule count table after the findings.
    #[arg(long)]
    statistics: bool,
    /// Apply the unambiguous fixes findings carry (never to .docx: for those,
    /// `nianbao annotate` writes a copy with the fixes as tracked changes).
    #[arg(long, conflicts_with = "diff")]
    fix: bool,
    /// Print the fixes as a unified diff instead of writing them.
    #[arg(long)]
    diff: bool,
    /// Write the findings to this file instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
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
    /// Files or directories to tabulate.
    #[arg(required = true)]
    paths: Vec<String>,
    #[command(flatten)]
    common: Common,
    /// Skip files matching this glob when walking directories (repeatable).
    #[arg(long)]
    exclude: Vec<String>,
    #[arg(long, value_enum, default_value_t = ReportFormat::Table)]
    format: ReportFormat,
    /// Write the report to this file instead of standard output (needed for xlsx).
    #[arg(long, short)]
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
    let selection = Selection {
        select: args.select.clone(),
        ignore: args.ignore.clone(),
    };
    let Run {
        files,
        unused,
        mut trouble,
        ..
    } = match runs::run(&args.paths, &args.common, selection, &args.exclude) {
        Ok(run) => run,
        Err(code) => return code,
    };
    let mut reports: Vec<FileReport> = files.into_iter().map(|(r, _)| r).collect();
    if args.fix || args.diff {
        trouble |= apply_fixes(&mut reports, args.fix);
    }
    reports.extend(unused);
    let color = args.common.color.enabled();
    let mut text = match args.format {
        Format::Human => render::human::render(&reports, color),
        Format::Json => render::json::render(&reports),
        Format::Short => render::short::render(&reports),
        Format::Github => render::github::render(&reports),
        Format::Sarif => render::sarif::render(&reports),
    };
    if args.statistics {
        text.push_str(&render::stats::render(&reports));
    }
    let inputs = args.paths.iter().map(String::as_str);
    let inputs = inputs.chain(reports.iter().map(|r| r.source.name.as_str()));
    if !emit(args.output.as_deref(), text.as_bytes(), inputs) {
        return ExitCode::from(EXIT_TROUBLE);
    }
    exit_code(trouble, Counts::of(&reports))
}

/// Writes (or, without `write`, prints as a diff) the fixes of every report and drops
/// the findings they fix. Returns whether a write failed.
fn apply_fixes(reports: &mut [FileReport], write: bool) -> bool {
    let mut failed = false;
    for r in reports.iter_mut() {
        let Some((fixed, n)) = fix::apply(&r.source.text, &r.diagnostics) else {
            continue;
        };
        let Some(bytes) = fix::encode_like(&r.source, &fixed) else {
            // A .docx is never rewritten: its fixes stay reported.
            eprintln!(
                "{}：Word 文档不会被改写；用 `nianbao annotate` 生成带修订的副本",
                r.source.name
            );
            continue;
        };
        if !write {
            out(&fix::diff(&r.source.name, &r.source.text, &fixed));
            continue;
        }
        if r.source.name == "<stdin>" {
            out(&fixed);
            r.diagnostics.retain(|d| d.fix.is_none());
            continue;
        }
        match fix::write_atomic(Path::new(&r.source.name), &bytes) {
            Ok(()) => {
                eprintln!("{}：已修正 {n} 处", r.source.name);
                r.diagnostics.retain(|d| d.fix.is_none());
            }
            Err(e) => {
                eprintln!("错误：{}：无法写入修正（{e}）", r.source.name);
                failed = true;
            }
        }
    }
    failed
}

pub fn report(args: &ReportArgs) -> ExitCode {
    if matches!(args.format, ReportFormat::Xlsx) && args.output.is_none() {
        eprintln!("错误：xlsx 格式须用 --output 指定输出文件（如 --output 汇总.xlsx）");
        return ExitCode::from(EXIT_TROUBLE);
    }
    let run = match runs::run(
        &args.paths,
        &args.common,
        Selection::default(),
        &args.exclude,
    ) {
        Ok(run) => run,
        Err(code) => return code,
    };
    let builtin = Config::builtin();
    let mut rows: Vec<report::Row> = run
        .files
        .iter()
        .map(|(r, o)| {
            let config = run.linter_of(&r.source.name).map(|l| l.config());
            report::Row::new(r, o, config.unwrap_or(&builtin))
        })
        .collect();
    for c in &run.copies {
        rows[c.file].copied.push(report::Copied {
            other: run.files[c.other].0.source.name.clone(),
            percent: c.percent,
        });
    }
    rows.extend(
        run.failed
            .iter()
            .map(|(path, reason)| report::Row::unreadable(path, reason)),
    );
    rows.sort_by(|a, b| a.path.cmp(&b.path));
    let reports: Vec<&FileReport> = run.files.iter().map(|(r, _)| r).collect();
    let bytes = match args.format {
        ReportFormat::Table => report::table::render(&rows).into_bytes(),
        ReportFormat::Csv => report::csv::render(&rows).into_bytes(),
        ReportFormat::Json => report::json::render(&rows).into_bytes(),
        ReportFormat::Html => report::html::render(&rows, &reports).into_bytes(),
        ReportFormat::Xlsx => match report::xlsx::render(&rows) {
            Ok(bytes) => bytes,
            Err(e) => {
                eprintln!("错误：无法生成 xlsx（{e}）");
                return ExitCode::from(EXIT_TROUBLE);
            }
        },
    };
    let inputs = args.paths.iter().map(String::as_str);
    let inputs = inputs.chain(rows.iter().map(|r| r.path.as_str()));
    if !emit(args.output.as_deref(), &bytes, inputs) {
        return ExitCode::from(EXIT_TROUBLE);
    }
    let counts = Counts::of(&run.files.into_iter().map(|(r, _)| r).collect::<Vec<_>>());
    exit_code(run.trouble, counts)
}

/// Prints `bytes`, or writes them to `output`; false (after printing why) if that failed.
fn emit<'a>(
    output: Option<&Path>,
    bytes: &[u8],
    inputs: impl IntoIterator<Item = &'a str>,
) -> bool {
    match output {
        None => {
            out_bytes(bytes);
            true
        }
        Some(target) => match output::write(target, bytes, inputs) {
            Ok(()) => true,
            Err(message) => {
                eprintln!("{message}");
                false
            }
        },
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
