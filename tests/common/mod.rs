//! Helpers shared by the integration tests; each test file uses a subset.
#![allow(dead_code)]

pub mod expected;
pub mod word;

use nianbao::config::Config;
use nianbao::diagnostic::Diagnostic;
use nianbao::lint::{Linter, Selection};
use nianbao::source::Source;

/// Every finding of `rule` in `text`, with `config` layered over the built-in config.
pub fn lint(rule: &str, text: &str, config: &str) -> Vec<Diagnostic> {
    let selection = Selection {
        select: Some(vec![rule.to_string()]),
        ignore: vec![],
    };
    let config = Config::layered(&[("nianbao.toml", config)]).expect("test config is valid");
    Linter::new(config, &selection).lint(&Source::new("t.txt", text.to_string()))
}

/// `text` with the fix of every finding of `rule` applied (fixes do not overlap), and how
/// many findings carried none.
pub fn fixed_with(rule: &str, text: &str, config: &str) -> (String, usize) {
    let found = lint(rule, text, config);
    let mut fixes: Vec<_> = found.iter().filter_map(|d| d.fix.clone()).collect();
    let unfixed = found.len() - fixes.len();
    fixes.sort_by_key(|f| std::cmp::Reverse(f.span.start));
    let mut out = text.to_string();
    for f in fixes {
        out.replace_range(f.span, &f.replacement);
    }
    (out, unfixed)
}

pub fn fixed(rule: &str, text: &str) -> (String, usize) {
    fixed_with(rule, text, "")
}

/// The messages of every finding of `rule` in `text`.
pub fn messages(rule: &str, text: &str) -> Vec<String> {
    lint(rule, text, "")
        .into_iter()
        .map(|d| d.message)
        .collect()
}

/// The text flagged by every finding of `rule` in `text`, with the built-in config.
pub fn findings(rule: &str, text: &str) -> Vec<String> {
    findings_with(rule, text, "")
}

/// The same with `config` (a nianbao.toml text) layered over the built-in config.
pub fn findings_with(rule: &str, text: &str, config: &str) -> Vec<String> {
    let selection = Selection {
        select: Some(vec![rule.to_string()]),
        ignore: vec![],
    };
    let config = Config::layered(&[("nianbao.toml", config)]).expect("test config is valid");
    let source = Source::new("t.txt", text.to_string());
    Linter::new(config, &selection)
        .lint(&source)
        .into_iter()
        .map(|d| source.text[d.span].to_string())
        .collect()
}

/// The `nianbao` binary, with `NO_COLOR` cleared so colour tests see the flag's effect.
pub fn nianbao() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("nianbao").unwrap();
    cmd.env_remove("NO_COLOR");
    cmd
}

/// The path of a bundled example draft.
pub fn example(name: &str) -> String {
    format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// What a command printed on standard output.
pub fn stdout_of(cmd: &mut assert_cmd::Command) -> String {
    String::from_utf8(cmd.output().unwrap().stdout).unwrap()
}

/// What a command printed on standard error, after checking its exit code.
pub fn stderr_with_code(cmd: &mut assert_cmd::Command, code: i32) -> String {
    let out = cmd.assert().code(code);
    String::from_utf8_lossy(&out.get_output().stderr).to_string()
}
