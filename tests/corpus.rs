//! The real reports in `../shared/corpus`: every expectation in `expected.toml` that names
//! a registered rule must hold. Skips with a notice when the corpus is absent.

use nianbao::config::Config;
use nianbao::diagnostic::Diagnostic;
use nianbao::lint::{Linter, Selection};
use nianbao::rules;
use nianbao::source::Source;
use serde::Deserialize;
use std::path::PathBuf;

#[derive(Deserialize)]
struct Expected {
    doc: Vec<Doc>,
}

#[derive(Deserialize)]
struct Doc {
    file: String,
    report_year: Option<i32>,
    title: Option<String>,
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
struct Finding {
    rule: String,
    text: Option<String>,
    section: Option<String>,
}

fn corpus_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("NIANBAO_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"));
    dir.join("expected.toml").is_file().then_some(dir)
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

fn check_findings(
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

#[test]
fn seeds_meet_expected_toml() {
    let Some(dir) = corpus_dir() else {
        eprintln!("note: ../shared/corpus is absent; corpus test skipped");
        return;
    };
    let expected: Expected =
        toml::from_str(&std::fs::read_to_string(dir.join("expected.toml")).unwrap()).unwrap();
    let linter = Linter::new(Config::builtin(), &Selection::default());
    let mut failures = Vec::new();
    for doc in &expected.doc {
        let text = std::fs::read_to_string(dir.join("seeds").join(&doc.file)).unwrap();
        let source = Source::new(doc.file.clone(), text);
        let outline = linter.outline(&source);
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
        let roles: Vec<String> = outline
            .sections
            .iter()
            .map(|s| s.role.to_string())
            .collect();
        if roles != doc.roles {
            failures.push(format!("{}: roles {roles:?} != {:?}", doc.file, doc.roles));
        }
        let found = linter.lint(&source);
        check_findings(
            &doc.file,
            &source.text,
            &found,
            &doc.must,
            &doc.must_not,
            &mut failures,
        );
        if let Some(extra) = &doc.config {
            let layer = toml::to_string(extra).unwrap();
            let config = Config::layered(&[("expected.toml config", &layer)]).unwrap();
            let found = Linter::new(config, &Selection::default()).lint(&source);
            check_findings(
                &doc.file,
                &source.text,
                &found,
                &doc.config_must,
                &[],
                &mut failures,
            );
        }
    }
    assert!(
        failures.is_empty(),
        "corpus expectations failed:\n{}",
        failures.join("\n")
    );
}
