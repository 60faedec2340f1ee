//! The shape of an `expected.toml` (the corpus's and the shape drafts'): per document,
//! the outline it must have and the findings that must or must not appear.

use nianbao::config::Config;
use nianbao::diagnostic::Diagnostic;
use nianbao::lint::{Linter, Selection};
use nianbao::rules;
use nianbao::source::Source;
use serde::Deserialize;

#[derive(Deserialize)]
pub struct Expected {
    pub doc: Vec<Doc>,
}

#[derive(Deserialize)]
pub struct Doc {
    pub file: String,
    report_year: Option<i32>,
    title: Option<String>,
    issuer: Option<String>,
    roles: Vec<String>,
    #[serde(default)]
    must: Vec<Finding>,
    #[serde(default)]
    must_not: Vec<Finding>,
    config: Option<toml::Table>,
    #[serde(default)]
    config_must: Vec<Finding>,
}

#[derive(Deserialize, Debug)]
pub struct Finding {
    rule: String,
    text: Option<String>,
    section: Option<String>,
}

/// Whether `d` matches `f`: same rule, same section if given, overlapping the text if given.
fn matches(text: &str, d: &Diagnostic, f: &Finding) -> bool {
    if d.rule != f.rule
        || f.section
            .as_deref()
            .is_some_and(|s| d.section.as_deref() != Some(s))
    {
        return false;
    }
    let Some(needle) = &f.text else { return true };
    text.match_indices(needle.as_str()).any(|(at, m)| {
        let (a, b) = (d.span.start, d.span.end);
        if a == b {
            at <= a && a < at + m.len()
        } else {
            a < at + m.len() && at < b
        }
    })
}

pub fn check_findings(
    file: &str,
    text: &str,
    found: &[Diagnostic],
    must: &[Finding],
    must_not: &[Finding],
    failures: &mut Vec<String>,
) {
    let known = |f: &&Finding| rules::info(&f.rule).is_some();
    for f in must.iter().filter(known) {
        if !found.iter().any(|d| matches(text, d, f)) {
            failures.push(format!("{file}: missing {f:?}"));
        }
    }
    for f in must_not.iter().filter(known) {
        for d in found.iter().filter(|d| matches(text, d, f)) {
            failures.push(format!(
                "{file}: unexpected {f:?}: {} at {:?} ({})",
                d.message,
                d.span,
                &text[d.span.clone()]
            ));
        }
    }
    let skipped: Vec<&str> = must
        .iter()
        .chain(must_not)
        .filter(|f| rules::info(&f.rule).is_none())
        .map(|f| f.rule.as_str())
        .collect();
    if !skipped.is_empty() {
        eprintln!("note: {file}: rules not implemented yet, not checked: {skipped:?}");
    }
}

/// Checks one document against its expectations, adding what fails to `failures`.
pub fn check_doc(linter: &Linter, source: &Source, doc: &Doc, failures: &mut Vec<String>) {
    let outline = linter.outline(source);
    if outline.report_year != doc.report_year {
        failures.push(format!(
            "{}: report_year {:?} != {:?}",
            doc.file, outline.report_year, doc.report_year
        ));
    }
    let title = outline.title_text(&source.text);
    if doc.title.is_some() && title != doc.title {
        failures.push(format!("{}: title {title:?} != {:?}", doc.file, doc.title));
    }
    if doc.issuer.is_some() && outline.issuer != doc.issuer {
        failures.push(format!(
            "{}: issuer {:?} != {:?}",
            doc.file, outline.issuer, doc.issuer
        ));
    }
    let roles: Vec<String> = outline
        .sections
        .iter()
        .map(|s| s.role.to_string())
        .collect();
    if roles != doc.roles {
        failures.push(format!("{}: roles {roles:?} != {:?}", doc.file, doc.roles));
    }
    let found = linter.lint(source);
    check_findings(
        &doc.file,
        &source.text,
        &found,
        &doc.must,
        &doc.must_not,
        failures,
    );
    if let Some(extra) = &doc.config {
        let layer = toml::to_string(extra).unwrap();
        let config = Config::layered(&[("expected.toml config", &layer)]).unwrap();
        let found = Linter::new(config, &Selection::default()).lint(source);
        check_findings(
            &doc.file,
            &source.text,
            &found,
            &doc.config_must,
            &[],
            failures,
        );
    }
}
