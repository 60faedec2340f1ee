//! `--format sarif`: SARIF 2.1.0 for code-scanning dashboards.

use super::FileReport;
use super::stream::{Frame, element};
use crate::config::Config;
use crate::diagnostic::Severity;
use crate::rules::RULES;
use serde_json::{Value, json};

pub fn render(reports: &[FileReport]) -> String {
    super::stream::render(super::stream::Style::Sarif, reports, &[], false)
}

/// The log without its results, cut where they go.
pub(super) fn frame() -> Frame {
    let config = Config::builtin();
    let rules: Vec<Value> = RULES
        .iter()
        .map(|r| {
            let level = config
                .rules
                .level(r.id)
                .and_then(|l| l.severity())
                .map_or("none", level);
            json!({
                "id": r.id,
                "shortDescription": {"text": r.summary},
                "fullDescription": {"text": r.doc},
                "defaultConfiguration": {"level": level},
            })
        })
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "nianbao",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "results": [],
        }],
    });
    Frame::around(super::pretty::to_string(&log) + "\n", "\"results\": []")
}

/// One file's results, as elements of the `results` array.
pub(super) fn file(r: &FileReport) -> String {
    let results: Vec<String> = r.diagnostics.iter().map(|d| {
        let (line, col) = r.source.position(d.span.start);
        let (end_line, end_col) = r.source.position(d.span.end);
        let mut result = json!({
            "ruleId": d.rule,
            "level": level(d.severity),
            "message": {"text": d.message},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": uri(&r.source.name)},
                "region": {"startLine": line, "startColumn": col, "endLine": end_line, "endColumn": end_col},
            }}],
        });
        if let Some(i) = RULES.iter().position(|x| x.id == d.rule) {
            result["ruleIndex"] = json!(i);
        }
        element(&result, 3)
    }).collect();
    results.join(",\n")
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A relative URI reference for a path (separators as `/`, spaces and `%` escaped).
fn uri(path: &str) -> String {
    path.replace('\\', "/")
        .replace('%', "%25")
        .replace(' ', "%20")
}
