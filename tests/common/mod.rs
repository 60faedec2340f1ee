//! Helpers shared by the rule tests.

use nianbao::config::Config;
use nianbao::lint::{Linter, Selection};
use nianbao::source::Source;

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
