//! `outline`, `rules` and `explain`: what the parser saw and what each rule does.

use super::{Common, EXIT_TROUBLE, out};
use crate::cli::runs::Linters;
use nianbao::config::{self, Config};
use nianbao::{input, render, rules};
use std::process::ExitCode;

/// Prints the outline of each of `paths`: trees one after another, or for JSON one
/// object (one file) or an array of them (several). An unreadable file is reported and
/// the others are still printed (exit 2).
pub fn outline(paths: &[String], common: &Common, json: bool) -> ExitCode {
    let mut linters = Linters::new(common, Default::default());
    let mut trouble = false;
    let mut texts = Vec::new();
    let mut values = Vec::new();
    for path in paths {
        let linter = match linters.for_path(path) {
            Ok(l) => l,
            Err(message) => {
                eprint!("{message}");
                return ExitCode::from(EXIT_TROUBLE);
            }
        };
        let source = match input::read(path, common.encoding) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("错误：{e}");
                trouble = true;
                continue;
            }
        };
        let o = linter.outline(&source);
        if json {
            values.push(render::outline::json_value(&source, &o));
        } else {
            texts.push(render::outline::human(&source, &o));
        }
    }
    let text = if !json {
        texts.join("\n")
    } else if paths.len() == 1 {
        values
            .pop()
            .map(|v| serde_json::to_string_pretty(&v).expect("outline serialises") + "\n")
            .unwrap_or_default()
    } else {
        serde_json::to_string_pretty(&values).expect("outline serialises") + "\n"
    };
    out(&text);
    if trouble {
        ExitCode::from(EXIT_TROUBLE)
    } else {
        ExitCode::SUCCESS
    }
}

pub fn rules() -> ExitCode {
    let config = Config::builtin();
    for r in rules::RULES {
        out(&format!(
            "{:<24} {:<8} {}\n",
            r.id,
            default_level(&config, r.id),
            r.summary
        ));
    }
    ExitCode::SUCCESS
}

pub fn explain(id: &str) -> ExitCode {
    let Some(rule) = rules::info(id) else {
        eprintln!("错误：未知的规则“{id}”（用 `nianbao rules` 查看全部规则）");
        return ExitCode::from(EXIT_TROUBLE);
    };
    let level = default_level(&Config::builtin(), id);
    out(&format!(
        "{} ({level})\n{}\n\n{}\n",
        rule.id, rule.summary, rule.doc
    ));
    if let Some(table) = default_table(id) {
        out(&format!("\n默认配置（rules/default.toml）\n{table}\n"));
    }
    ExitCode::SUCCESS
}

fn default_level(config: &Config, id: &str) -> &'static str {
    config
        .rules
        .level(id)
        .and_then(|l| l.severity())
        .map_or("off", |s| s.as_str())
}

/// The `[rules.<id>]` table of the built-in rule set, as written there.
fn default_table(id: &str) -> Option<String> {
    let header = format!("[rules.{id}]");
    let start = config::DEFAULT_TOML.find(&header)?;
    let rest = &config::DEFAULT_TOML[start..];
    let end = rest[1..].find("\n[").map_or(rest.len(), |i| i + 1);
    Some(rest[..end].trim_end().to_string())
}
