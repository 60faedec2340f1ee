//! Snapshots of what users see: the human output and the outline of the bundled examples.

use nianbao::config::Config;
use nianbao::lint::{Linter, Selection};
use nianbao::render::{self, FileReport};
use nianbao::source::Source;

fn example(name: &str) -> Source {
    let path = format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR"));
    Source::new(
        format!("examples/{name}"),
        std::fs::read_to_string(path).unwrap(),
    )
}

#[test]
fn human_output_of_the_defects_example() {
    let linter = Linter::new(Config::builtin(), &Selection::default());
    let source = example("defects.txt");
    let diagnostics = linter.lint(&source);
    let out = render::human::render(
        &[FileReport {
            source,
            diagnostics,
        }],
        false,
        &[],
    );
    insta::assert_snapshot!(out);
}

#[test]
fn outline_of_the_clean_example() {
    let linter = Linter::new(Config::builtin(), &Selection::default());
    let source = example("clean.txt");
    let outline = linter.outline(&source);
    insta::assert_snapshot!(render::outline::human(&source, &outline));
}
