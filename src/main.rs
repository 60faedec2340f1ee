//! The `nianbao` command line: `lint`, `outline`, `rules`, `explain`.

use clap::{Parser, Subcommand, ValueEnum};
use nianbao::config::{self, Config, ConfigError};
use nianbao::decode::Encoding;
use nianbao::input;
use nianbao::lint::{Linter, Selection};
use nianbao::render::{self, Counts, FileReport};
use nianbao::rules;
use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "nianbao",
    version,
    about = "Linter for 法治政府建设年度报告 （annual rule-of-law government reports）"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Lint report files (`-` reads standard input).
    Lint {
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
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// Print the outline the parser understood.
    Outline {
        path: String,
        #[command(flatten)]
        common: Common,
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// List every rule with its default severity.
    Rules,
    /// Explain what a rule checks and why.
    Explain { rule: String },
}

#[derive(clap::Args)]
struct Common {
    /// Use this config file instead of looking for nianbao.toml.
    #[arg(long)]
    config: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// Read text files in this encoding instead of detecting it
    /// (utf-8, utf-16le, utf-16be, gb18030, gbk).
    #[arg(long)]
    encoding: Option<Encoding>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    fn enabled(self) -> bool {
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

/// Exit status: 0 clean, 1 error-level findings, 2 usage/input/config error.
const EXIT_FINDINGS: u8 = 1;
const EXIT_TROUBLE: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Lint {
            paths,
            common,
            select,
            ignore,
            format,
        } => lint(&paths, &common, Selection { select, ignore }, format),
        Command::Outline {
            path,
            common,
            format,
        } => outline(&path, &common, format),
        Command::Rules => list_rules(),
        Command::Explain { rule } => explain(&rule),
    }
}

fn lint(paths: &[String], common: &Common, selection: Selection, format: Format) -> ExitCode {
    let unknown = selection.unknown_ids();
    if !unknown.is_empty() {
        eprintln!(
            "错误：未知的规则：{}（用 `nianbao rules` 查看全部规则）",
            unknown.join(", ")
        );
        return ExitCode::from(EXIT_TROUBLE);
    }
    let color = common.color.enabled();
    let mut linters = Linters::new(common.config.clone(), selection);
    let mut reports = Vec::new();
    let mut trouble = false;
    for path in paths {
        let linter = match linters.for_path(path) {
            Ok(l) => l,
            Err(e) => {
                eprint!("{}", render::human::render_config_error(&e, color));
                return ExitCode::from(EXIT_TROUBLE);
            }
        };
        match input::read(path, common.encoding) {
            Ok(source) => {
                let diagnostics = linter.lint(&source);
                reports.push(FileReport {
                    source,
                    diagnostics,
                });
            }
            Err(e) => {
                eprintln!("错误：{e}");
                trouble = true;
            }
        }
    }
    let out = match format {
        Format::Human => render::human::render(&reports, color),
        Format::Json => render::json::render(&reports),
    };
    let _ = std::io::stdout().write_all(out.as_bytes());
    if trouble {
        ExitCode::from(EXIT_TROUBLE)
    } else if Counts::of(&reports).errors > 0 {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    }
}

fn outline(path: &str, common: &Common, format: Format) -> ExitCode {
    let color = common.color.enabled();
    let mut linters = Linters::new(common.config.clone(), Selection::default());
    let linter = match linters.for_path(path) {
        Ok(l) => l,
        Err(e) => {
            eprint!("{}", render::human::render_config_error(&e, color));
            return ExitCode::from(EXIT_TROUBLE);
        }
    };
    let source = match input::read(path, common.encoding) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("错误：{e}");
            return ExitCode::from(EXIT_TROUBLE);
        }
    };
    let o = linter.outline(&source);
    let out = match format {
        Format::Human => render::outline::human(&source, &o),
        Format::Json => render::outline::json(&source, &o),
    };
    let _ = std::io::stdout().write_all(out.as_bytes());
    ExitCode::SUCCESS
}

fn list_rules() -> ExitCode {
    let config = Config::builtin();
    for r in rules::RULES {
        let level = config.rules.level(r.id).and_then(|l| l.severity());
        let level = level.map_or("off", |s| s.as_str());
        println!("{:<24} {:<8} {}", r.id, level, r.summary);
    }
    ExitCode::SUCCESS
}

fn explain(id: &str) -> ExitCode {
    let Some(rule) = rules::info(id) else {
        eprintln!("错误：未知的规则“{id}”（用 `nianbao rules` 查看全部规则）");
        return ExitCode::from(EXIT_TROUBLE);
    };
    let config = Config::builtin();
    let level = config
        .rules
        .level(id)
        .and_then(|l| l.severity())
        .map_or("off", |s| s.as_str());
    println!("{} ({level})\n{}\n\n{}", rule.id, rule.summary, rule.doc);
    if let Some(table) = default_table(id) {
        println!("\n默认配置（rules/default.toml）\n{table}");
    }
    ExitCode::SUCCESS
}

/// The `[rules.<id>]` table of the built-in rule set, as written there.
fn default_table(id: &str) -> Option<String> {
    let header = format!("[rules.{id}]");
    let start = config::DEFAULT_TOML.find(&header)?;
    let rest = &config::DEFAULT_TOML[start..];
    let end = rest[1..].find("\n[").map_or(rest.len(), |i| i + 1);
    Some(rest[..end].trim_end().to_string())
}

/// One linter per configuration file, found by walking up from each input.
struct Linters {
    explicit: Option<PathBuf>,
    selection: Selection,
    by_config: HashMap<Option<PathBuf>, Linter>,
}

impl Linters {
    fn new(explicit: Option<PathBuf>, selection: Selection) -> Self {
        Linters {
            explicit,
            selection,
            by_config: HashMap::new(),
        }
    }

    fn for_path(&mut self, path: &str) -> Result<&Linter, ConfigError> {
        let config_path = match &self.explicit {
            Some(p) => Some(p.clone()),
            None => {
                let dir = if path == "-" {
                    std::env::current_dir().unwrap_or_default()
                } else {
                    let parent = Path::new(path).parent().unwrap_or(Path::new("."));
                    std::path::absolute(parent).unwrap_or_else(|_| parent.to_path_buf())
                };
                config::discover(&dir)
            }
        };
        if !self.by_config.contains_key(&config_path) {
            let config = match &config_path {
                Some(p) => Config::load(p)?,
                None => Config::builtin(),
            };
            self.by_config
                .insert(config_path.clone(), Linter::new(config, &self.selection));
        }
        Ok(&self.by_config[&config_path])
    }
}
