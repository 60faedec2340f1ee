//! The real reports in `../shared/corpus`: every expectation in `expected.toml` that names
//! a registered rule must hold. Skips with a notice when the corpus is absent.

mod common;

use common::expected::{Expected, check_doc};
use nianbao::config::Config;
use nianbao::lint::{Linter, Selection};
use nianbao::source::Source;
use std::path::PathBuf;

fn corpus_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("NIANBAO_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"));
    dir.join("expected.toml").is_file().then_some(dir)
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
        check_doc(&linter, &source, doc, &mut failures);
    }
    assert!(
        failures.is_empty(),
        "corpus expectations failed:\n{}",
        failures.join("\n")
    );
}
