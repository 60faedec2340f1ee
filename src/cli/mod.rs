//! Command-line arguments (clap) and the dispatch to each command.

mod annotate;
mod init;
mod inspect;
mod lint;
mod output;
mod runs;

use clap::{Parser, Subcommand, ValueEnum};
use nianbao::decode::Encoding;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

/// Exit status: 0 clean, 1 error-level findings, 2 usage, input or config error.
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_TROUBLE: u8 = 2;

#[derive(Parser)]
#[command(
    name = "nianbao",
    version,
    about = "Linter for 法治政府建设年度报告 (annual rule-of-law government reports)"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Lint report files or directories (`-` reads standard input).
    Lint(lint::LintArgs),
    /// Write a copy of Word documents with the findings as comments (批注) and fixes as
    /// tracked changes (修订).
    Annotate(annotate::AnnotateArgs),
    /// The reviewer's table: one row per file with year, issuer, missing sections, dates.
    Report(lint::ReportArgs),
    /// Print the outline the parser understood, for each file.
    Outline {
        #[arg(required = true)]
        paths: Vec<String>,
        #[command(flatten)]
        common: Common,
        #[arg(long, value_enum, default_value_t = OutlineFormat::Human)]
        format: OutlineFormat,
    },
    /// List every rule with its default severity.
    Rules,
    /// Explain what a rule checks and why.
    Explain { rule: String },
    /// Write a commented nianbao.toml showing every setting at its default.
    Init {
        /// Overwrite an existing nianbao.toml.
        #[arg(long)]
        force: bool,
    },
}

/// Options every reading command shares.
#[derive(clap::Args, Clone)]
pub struct Common {
    /// Use this config file instead of looking for nianbao.toml.
    #[arg(long)]
    pub config: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Read text files in this encoding instead of detecting it
    /// (utf-8, utf-16le, utf-16be, gb18030, gbk).
    #[arg(long)]
    pub encoding: Option<Encoding>,
}

#[derive(Clone, Copy, ValueEnum)]
enum OutlineFormat {
    Human,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    pub fn enabled(self) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::io::stdout().is_terminal()
            }
        }
    }
}

/// Writes to standard output, ignoring a closed pipe (`nianbao rules | head`).
pub fn out(text: &str) {
    out_bytes(text.as_bytes());
}

/// Writes bytes to standard output, ignoring a closed pipe.
pub fn out_bytes(bytes: &[u8]) {
    use std::io::Write;
    let _ = std::io::stdout().lock().write_all(bytes);
}

pub fn run() -> ExitCode {
    match Cli::parse().command {
        Command::Lint(args) => lint::lint(&args),
        Command::Report(args) => lint::report(&args),
        Command::Annotate(args) => annotate::annotate(&args),
        Command::Outline {
            paths,
            common,
            format,
        } => inspect::outline(&paths, &common, matches!(format, OutlineFormat::Json)),
        Command::Rules => inspect::rules(),
        Command::Explain { rule } => inspect::explain(&rule),
        Command::Init { force } => init::init(force),
    }
}
