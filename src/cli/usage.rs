//! Chinese `--help` pages and command-line errors: clap's English headings, usage lines,
//! built-in flags and error messages replaced, clap's own wording kept only as a detail
//! in parentheses where no Chinese message fits.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};

const TEMPLATE: &str = "{about}\n\n用法：{usage}\n\n{all-args}{after-help}";

/// `cmd` and its subcommands with Chinese help: headings, usage lines, `-h`/`-V`.
pub fn localize(cmd: Command) -> Command {
    let top = cmd.get_name().to_string();
    localize_one(cmd, &top)
        .disable_help_subcommand(true)
        .disable_version_flag(true)
        .subcommand_help_heading("命令")
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("显示版本")
                .help_heading("选项"),
        )
        .mut_subcommands(|sub| {
            let name = format!("{top} {}", sub.get_name());
            localize_one(sub, &name)
        })
}

fn localize_one(cmd: Command, name: &str) -> Command {
    let mut usage = format!("{name} [选项]");
    if cmd.has_subcommands() {
        usage = format!("{name} <命令>");
    }
    for p in cmd.get_positionals() {
        let value = p
            .get_value_names()
            .and_then(|v| v.first())
            .map_or_else(|| p.get_id().to_string(), |v| v.to_string());
        let many = matches!(p.get_num_args(), Some(r) if r.max_values() > 1);
        let shown = if p.is_required_set() {
            format!("<{value}>")
        } else {
            format!("[{value}]")
        };
        usage.push(' ');
        usage.push_str(&shown);
        if many {
            usage.push_str("...");
        }
    }
    cmd.help_template(TEMPLATE)
        .override_usage(usage)
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("显示帮助"),
        )
        .mut_args(|a| {
            let heading = if a.is_positional() {
                "参数"
            } else {
                "选项"
            };
            let a = a.help_heading(heading);
            if a.get_action().takes_values() {
                a.hide_possible_values(true).hide_default_value(true)
            } else {
                a
            }
        })
}

/// A clap usage error as Chinese text, with the usage line of the command it concerns.
pub fn error_text(e: &clap::Error) -> String {
    let text = |kind| context(e, kind);
    let arg = text(ContextKind::InvalidArg);
    let value = text(ContextKind::InvalidValue);
    let message = match e.kind() {
        ErrorKind::InvalidValue => {
            let valid = text(ContextKind::ValidValue);
            if value.is_empty() {
                format!("参数 {arg} 缺少取值")
            } else if valid.is_empty() {
                format!("参数 {arg} 的取值“{value}”无效")
            } else {
                format!("参数 {arg} 的取值“{value}”无效（可选：{valid}）")
            }
        }
        ErrorKind::ValueValidation => {
            let reason = std::error::Error::source(e).map_or(String::new(), |s| s.to_string());
            format!("参数 {arg} 的取值“{value}”无效：{reason}")
        }
        ErrorKind::UnknownArgument => with_tip(
            format!("未知的参数“{arg}”"),
            &text(ContextKind::SuggestedArg),
        ),
        ErrorKind::InvalidSubcommand => with_tip(
            format!("未知的命令“{}”", text(ContextKind::InvalidSubcommand)),
            &text(ContextKind::SuggestedSubcommand),
        ),
        ErrorKind::MissingRequiredArgument => format!("缺少必需的参数：{arg}"),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            "缺少命令（用 --help 查看全部命令）".to_string()
        }
        ErrorKind::ArgumentConflict => {
            let prior = text(ContextKind::PriorArg);
            if prior.is_empty() || prior == arg {
                format!("参数 {arg} 只能给一次")
            } else {
                format!("参数 {arg} 不能与 {prior} 同时使用")
            }
        }
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            format!("参数 {arg} 的取值个数不对")
        }
        ErrorKind::InvalidUtf8 => "参数不是有效的 UTF-8 文本".to_string(),
        _ => format!("命令行参数有误（{}）", e.kind()),
    };
    let usage = text(ContextKind::Usage);
    let usage = usage.trim().trim_start_matches("Usage:").trim();
    if usage.is_empty() {
        return format!("错误：{message}\n\n用 --help 查看帮助。\n");
    }
    format!("错误：{message}\n\n用法：{usage}\n\n用 --help 查看帮助。\n")
}

fn with_tip(message: String, suggestion: &str) -> String {
    if suggestion.is_empty() {
        message
    } else {
        format!("{message}（是否要用 {suggestion}？）")
    }
}

/// The text of one piece of an error's context, lists joined with `、`.
fn context(e: &clap::Error, kind: ContextKind) -> String {
    match e.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join("、"),
        Some(ContextValue::StyledStr(s)) => s.to_string(),
        Some(ContextValue::StyledStrs(v)) => v
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("、"),
        Some(ContextValue::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}
