//! `nianbao outline`: what the parser understood, as an indented tree or as JSON.

use crate::outline::{Outline, Section};
use crate::source::Source;
use serde_json::{Map, Value, json};
use std::fmt::Write;

/// The outline as JSON (schema in the README).
pub fn json(source: &Source, o: &Outline) -> String {
    pretty(&json_value(source, o))
}

/// A JSON value as printed: indented, with nothing in it that can drive a terminal.
pub fn pretty(value: &Value) -> String {
    super::pretty::to_string(value) + "\n"
}

/// The outline as a JSON value; several files' values make an array.
pub fn json_value(source: &Source, o: &Outline) -> Value {
    let text = &source.text;
    let mut metadata = Map::new();
    for m in &o.metadata {
        metadata
            .entry(m.key.clone())
            .or_insert_with(|| Value::from(m.value.clone()));
    }
    json!({
        "path": source.name,
        "title": o.title_text(text),
        "report_year": o.report_year,
        "issuer": o.issuer,
        "signature": {
            "organ": o.signature.organ.clone().map(|s| text[s].to_string()),
            "date": o.signature.date.as_ref().map(|(d, _)| d.to_string()),
        },
        "metadata": metadata,
        "sections": o.sections.iter().map(|s| section_json(source, s)).collect::<Vec<_>>(),
    })
}

fn section_json(source: &Source, s: &Section) -> Value {
    let text = &source.text;
    json!({
        "number": s.number,
        "heading": text[s.heading.clone()].trim(),
        "role": s.role.as_str(),
        "thematic": s.thematic,
        "also": s.also.iter().map(|r| r.as_str()).collect::<Vec<_>>(),
        "line": source.position(s.heading.start).0,
        "children": s.children.iter().map(|c| section_json(source, c)).collect::<Vec<_>>(),
    })
}

/// The outline as an indented tree for people.
pub fn human(source: &Source, o: &Outline) -> String {
    let text = &source.text;
    let or_none = |v: Option<String>| v.unwrap_or_else(|| "（无）".to_string());
    let mut out = String::new();
    let _ = writeln!(out, "文件：{}", source.name);
    let _ = writeln!(out, "标题：{}", or_none(o.title_text(text)));
    let _ = writeln!(
        out,
        "报告年度：{}",
        or_none(o.report_year.map(|y| y.to_string()))
    );
    let _ = writeln!(out, "发文机关：{}", or_none(o.issuer.clone()));
    let organ = o.signature.organ.clone().map(|s| text[s].to_string());
    let date = o.signature.date.as_ref().map(|(d, _)| d.to_string());
    let _ = writeln!(out, "落款：{} {}", or_none(organ), or_none(date));
    for m in &o.metadata {
        let _ = writeln!(out, "元数据：{} = {}", m.key, m.value);
    }
    let _ = writeln!(out, "章节：");
    for s in o.walk() {
        let indent = "  ".repeat(s.level as usize);
        let also: String = s.also.iter().map(|r| format!("，也含 {r}")).collect();
        let role = if s.level == 1 && s.thematic {
            format!(" [{}，专题]", s.role)
        } else if s.level == 1 {
            format!(" [{}{also}]", s.role)
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "{indent}{}{role}  （第 {} 行）",
            text[s.heading.clone()].trim(),
            source.position(s.heading.start).0
        );
    }
    crate::display::escape(&out).into_owned()
}
