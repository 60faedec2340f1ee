//! `nianbao lint` and `nianbao report`.

use super::runs::{self, Run};
use super::{Common, EXIT_FINDINGS, EXIT_TROUBLE, out};
use clap::ValueEnum;
use nianbao::fix;
use nianbao::lint::Selection;
use nianbao::render::{self, Counts, FileReport};
use std::path::Path;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct LintArgs {
    /// Files or directories (`.txt .md .docx` inside); `-` reads standard input.
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
    let Run {
        files,
        unused,
        mut trouble,
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
    out(&text);
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
    let Run { files, trouble, .. } = match runs::run(
        &args.paths,
        &args.common,
        Selection::default(),
        &args.exclude,
    ) {
        Ok(run) => run,
        Err(code) => return code,
    };
    let rows: Vec<render::report::Row> = files
        .iter()
        .map(|(r, o)| render::report::Row::new(r, o))
        .collect();
    let text = match args.format {
        ReportFormat::Table => render::report::table(&rows),
        ReportFormat::Csv => render::report::csv(&rows),
    };
    out(&text);
    let counts = Counts::of(&files.into_iter().map(|(r, _)| r).collect::<Vec<_>>());
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
