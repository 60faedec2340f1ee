//! Command-line arguments (clap) and the dispatch to each command.

mod annotate;
mod init;
mod inspect;
mod lint;
mod output;
mod runs;
mod stream;
mod usage;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use nianbao::decode::Encoding;
use nianbao::input::{self, ReadOptions};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Exit status: 0 clean, 1 error-level findings, 2 usage, input or config error.
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_TROUBLE: u8 = 2;

#[derive(Parser)]
#[command(
    name = "nianbao",
    version,
    about = "nianbao：法治政府建设年度报告检查工具"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// 检查报告文件或目录（`-` 表示从标准输入读取）
    Lint(lint::LintArgs),
    /// 为 Word 文档写出副本：问题作为批注，修正作为修订
    Annotate(annotate::AnnotateArgs),
    /// 审阅汇总表：每个文件一行，列出年度、发文机关、缺少的章节、日期情况
    Report(lint::ReportArgs),
    /// 显示解析出的报告结构（可给出多个文件）
    Outline {
        /// 报告文件
        #[arg(required = true, value_name = "文件")]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        common: Common,
        /// 输出格式：human（默认）或 json
        #[arg(long, value_enum, default_value_t = OutlineFormat::Human, value_name = "格式")]
        format: OutlineFormat,
    },
    /// 列出全部规则及其默认级别
    Rules,
    /// 说明一条规则检查什么、依据是什么
    Explain {
        /// 规则编号，如 section-missing
        #[arg(value_name = "规则")]
        rule: String,
    },
    /// 写出带注释的 nianbao.toml，列出每项设置的默认值
    Init {
        /// 覆盖已有的 nianbao.toml
        #[arg(long)]
        force: bool,
    },
}

/// Options every reading command shares.
#[derive(clap::Args, Clone)]
pub struct Common {
    /// 使用这个配置文件，不再查找 nianbao.toml
    #[arg(long, value_name = "文件")]
    pub config: Option<PathBuf>,
    /// 彩色输出：auto（默认，终端中着色）、always、never
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "何时")]
    pub color: ColorChoice,
    /// 按此编码读取文本文件和网页，不自动检测，也不按网页声明的字符集（utf-8、utf-16le、utf-16be、gb18030、gbk）
    #[arg(long, value_name = "编码")]
    pub encoding: Option<Encoding>,
    /// 单个输入的大小上限，超过则不检查（默认 64M，最大 1G；可写 512K、200M、1G 或字节数）
    #[arg(long, value_name = "大小", value_parser = input::parse_size)]
    pub max_size: Option<u64>,
}

impl Common {
    pub fn read_options(&self) -> ReadOptions {
        ReadOptions {
            encoding: self.encoding,
            max_size: self.max_size.unwrap_or(input::DEFAULT_MAX_SIZE),
        }
    }
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

/// Writes to standard output; a closed pipe (`nianbao rules | head`) is not an error
/// worth more than the return value.
pub fn out(text: &str) -> bool {
    out_bytes(text.as_bytes())
}

pub fn out_bytes(bytes: &[u8]) -> bool {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(bytes)
        .and_then(|()| stdout.flush())
        .is_ok()
}

/// Writes to standard error, never panicking when it is closed.
pub fn err(text: &str) {
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

/// The message for rule ids no rule has: each quoted (an empty one named as such), with
/// the nearest rule's id where one is close (`percent-rang` → `percent-range`).
pub fn unknown_rules(unknown: &[String]) -> String {
    let named: Vec<String> = unknown
        .iter()
        .map(|id| {
            if id.is_empty() {
                return "（空的规则编号）".to_string();
            }
            let nearest = nianbao::rules::RULES
                .iter()
                .map(|r| (strsim::levenshtein(id, r.id), r.id))
                .min()
                .filter(|&(distance, _)| distance <= 3);
            match nearest {
                Some((_, near)) => format!("“{id}”（是否要用“{near}”？）"),
                None => format!("“{id}”"),
            }
        })
        .collect();
    format!(
        "未知的规则：{}（用 `nianbao rules` 查看全部规则）",
        named.join("、")
    )
}

/// `错误：` and the message, on standard error.
pub fn error(message: impl std::fmt::Display) {
    err(&format!("错误：{message}\n"));
}

/// Parses the command line; help and usage errors are printed in Chinese.
fn parse() -> Result<Cli, ExitCode> {
    let cmd = usage::localize(Cli::command());
    let parsed = cmd
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m));
    parsed.map_err(|e| match e.kind() {
        clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => {
            out(&e.render().to_string());
            ExitCode::SUCCESS
        }
        _ => {
            err(&usage::error_text(&e));
            ExitCode::from(EXIT_TROUBLE)
        }
    })
}

pub fn run() -> ExitCode {
    let cli = match parse() {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    match cli.command {
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
