//! `outline`, `rules` and `explain`: what the parser saw and what each rule does.

use super::{Common, EXIT_TROUBLE, err, error, out};
use crate::cli::runs::Linters;
use nianbao::config::{self, Config};
use nianbao::{input, render, rules};
use std::path::PathBuf;
use std::process::ExitCode;

/// Prints the outline of each of `paths`: trees one after another, or for JSON one
/// object (one file) or an array of them (several). An unreadable file is reported and
/// the others are still printed (exit 2).
pub fn outline(paths: &[PathBuf], common: &Common, json: bool) -> ExitCode {
    let mut linters = Linters::new(common, Default::default());
    let mut trouble = false;
    let mut texts = Vec::new();
    let mut values = Vec::new();
    for path in paths {
        let linter = match linters.for_path(path) {
            Ok(l) => l,
            Err(message) => {
                err(&message);
                return ExitCode::from(EXIT_TROUBLE);
            }
        };
        let source = match input::read(path, common.read_options()) {
            Ok(s) => s,
            Err(e) => {
                error(e);
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
            .map(|v| render::outline::pretty(&v))
            .unwrap_or_default()
    } else {
        render::outline::pretty(&serde_json::Value::Array(values))
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
        error(format!(
            "未知的规则“{}”（用 `nianbao rules` 查看全部规则）",
            nianbao::display::escape_line(id)
        ));
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
