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

/// `text` with the fixes of every finding of `rule` applied (fixes do not overlap), and
/// how many findings carried none.
pub fn fixed_with(rule: &str, text: &str, config: &str) -> (String, usize) {
    let found = lint(rule, text, config);
    let unfixed = found.iter().filter(|d| d.fix.is_none()).count();
    let mut fixes: Vec<_> = found.iter().flat_map(|d| d.fixes()).collect();
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

/// Pieces of annual reports, and of the ways drafts go wrong.
#[rustfmt::skip]
pub const PIECES: &[&str] = &[
    "一、", "二、", "十二、", "(一)", "（二）", "1.", "3、", "(4)", "## ", "# ", "一是",
    "二是", "四是", "2023年", "2024年1月26日", "2024 年1月26日", "2024-03-04", "2023.12.25",
    "1-11月", "1—11月", "2021-2025年", "截至11月底", "前三季度", "今年以来", "去年同期",
    "受理", "案件", "1055件", "26847件", "2.35万起", "其中", "撤回25件", "成功调解26834件",
    "调解成功率", "99.95%", "超100%", "上升10%", "0.42个百分点", "同比增长134.41%",
    "由204项优化至151项", "减少25.9%", "74 名", "作弊称", "原工商局", "《", "》", "》、《",
    "“", "”", "（", "）", "(", ")", "【", "】", "，", ",", "。", "；", ";", "：", ":", "、",
    "！", "？", "-", "—", " ", "\u{3000}", "\t", "法治政府建设年度报告", "主要举措和成效",
    "存在的不足和原因", "第一责任人", "下一步工作", "某市人民政府", "某市司法局",
    "  • 成文日期:", "发布机构: 某市司法局", "索引号: | 1133 | 发布机构: | 县司法局 |",
    "打印 关闭", "> 首页 > 政务公开", "a", "0", "9", "\u{0}", "\u{feff}", "😀", "é",
];
pub const BREAKS: &[&str] = &["\n", "\r\n", "\r", "\n\n"];
