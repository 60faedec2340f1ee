//! The shape drafts in `examples/shapes/`: each shows one or more shapes real reports
//! take (thematic parts, old headings, flattened text, closing blocks, web pages…), and
//! `examples/shapes/expected.toml` says what the outline and the rules must make of it,
//! including the false positives that must stay silent.

mod common;

use common::expected::{Expected, check_doc};
use nianbao::config::Config;
use nianbao::lint::{Linter, Selection};
use nianbao::source::Source;
use std::path::Path;

#[test]
fn shape_drafts_meet_their_expectations() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/shapes");
    let expected: Expected =
        toml::from_str(&std::fs::read_to_string(dir.join("expected.toml")).unwrap()).unwrap();
    assert!(expected.doc.len() >= 30, "{} drafts", expected.doc.len());
    let linter = Linter::new(Config::builtin(), &Selection::default());
    let mut failures = Vec::new();
    for doc in &expected.doc {
        let text = std::fs::read_to_string(dir.join(&doc.file)).unwrap();
        let source = Source::new(doc.file.clone(), text);
        check_doc(&linter, &source, doc, &mut failures);
    }
    assert!(
        failures.is_empty(),
        "shape expectations failed:\n{}",
        failures.join("\n")
    );
}
