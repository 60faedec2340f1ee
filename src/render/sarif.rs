//! `--format sarif`: SARIF 2.1.0 for code-scanning dashboards.

use super::stream::{Frame, element};
use super::{FileReport, Unreadable};
use crate::config::Config;
use crate::diagnostic::Severity;
use crate::rules::RULES;
use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};
use serde::Serialize;
use serde_json::{Value, json};
use std::io::{self, Write};

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
            "columnKind": "unicodeCodePoints",
            "results": [],
        }],
    });
    Frame::around(super::pretty::to_string(&log) + "\n", "\"results\": []")
}

/// One result. Its fields, and those of the structs it holds, are in alphabetical
/// order, as the log's `json!` maps print theirs.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    level: &'static str,
    locations: [Location<'a>; 1],
    message: Text<'a>,
    rule_id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    physical_location: Physical<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Physical<'a> {
    artifact_location: Artifact<'a>,
    region: Region,
}

#[derive(Serialize)]
struct Artifact<'a> {
    uri: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    end_column: usize,
    end_line: usize,
    start_column: usize,
    start_line: usize,
}

#[derive(Serialize)]
struct Text<'a> {
    text: &'a str,
}

/// Writes one file's results, as elements of the `results` array.
pub(super) fn file(r: &FileReport, out: &mut impl Write) -> io::Result<()> {
    let uri = uri(&r.source.name);
    for (i, d) in r.diagnostics.iter().enumerate() {
        let (start_line, start_column) = r.source.position(d.span.start);
        let (end_line, end_column) = r.source.position(d.span.end);
        let result = SarifResult {
            level: level(d.severity),
            locations: [Location {
                physical_location: Physical {
                    artifact_location: Artifact { uri: &uri },
                    region: Region {
                        end_column,
                        end_line,
                        start_column,
                        start_line,
                    },
                },
            }],
            message: Text { text: &d.message },
            rule_id: d.rule,
            rule_index: RULES.iter().position(|x| x.id == d.rule),
        };
        if i > 0 {
            out.write_all(b",\n")?;
        }
        element(out, &result, 3)?;
    }
    Ok(())
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// The run's `invocations` member, written after its results (`,` first), when some
/// inputs could not be read: the run did not succeed, and a notification names each.
pub(super) fn invocations(unreadable: &[Unreadable]) -> String {
    if unreadable.is_empty() {
        return String::new();
    }
    let notifications: Vec<Value> = unreadable
        .iter()
        .map(|u| {
            json!({
                "level": "error",
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri(&u.name)}}}],
                "message": {"text": u.message},
            })
        })
        .collect();
    let invocations = json!([{
        "executionSuccessful": false,
        "toolExecutionNotifications": notifications,
    }]);
    let mut text = b",\n".to_vec();
    super::pretty::indent(&mut text, RUN_DEPTH).expect("writing to memory");
    text.extend_from_slice(b"\"invocations\": ");
    super::pretty::write(&mut text, &invocations, RUN_DEPTH).expect("writing to memory");
    String::from_utf8(text).expect("JSON is UTF-8")
}

/// How deep a run's members are in the log (`runs`, then the run).
const RUN_DEPTH: usize = 3;

/// A relative URI reference for a path: separators as `/`, and every byte that may not
/// stand in one (RFC 3986: space, `#`, `?`, `%`, brackets, quotes, controls, non-ASCII)
/// percent-encoded.
fn uri(path: &str) -> String {
    const ESCAPED: &AsciiSet = &CONTROLS
        .add(b' ')
        .add(b'"')
        .add(b'#')
        .add(b'%')
        .add(b'<')
        .add(b'>')
        .add(b'?')
        .add(b'[')
        .add(b']')
        .add(b'^')
        .add(b'`')
        .add(b'{')
        .add(b'|')
        .add(b'}');
    utf8_percent_encode(&path.replace('\\', "/"), ESCAPED).to_string()
}
