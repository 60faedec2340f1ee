//! Any text, however odd, is linted, fixed and rendered in every format without a panic,
//! and every finding's span (and fix) lies on character boundaries inside the text.
//!
//! The texts are random sequences of report fragments: headings of every level, figures,
//! rates, dates, ranges, paired marks in both widths, metadata and chrome lines, and
//! line breaks, or long runs with no line break or sentence end at all.

mod common;

use common::{BREAKS, PIECES};
use nianbao::config::Config;
use nianbao::fix;
use nianbao::lint::{Linter, Selection};
use nianbao::render::{self, FileReport};
use nianbao::source::Source;
use proptest::prelude::*;
use std::ops::Range;
use std::sync::LazyLock;

fn linter() -> &'static Linter {
    static LINTER: LazyLock<Linter> =
        LazyLock::new(|| Linter::new(Config::builtin(), &Selection::default()));
    &LINTER
}

fn on_boundaries(text: &str, span: &Range<usize>) -> bool {
    span.start <= span.end && text.is_char_boundary(span.start) && text.is_char_boundary(span.end)
}

fn lint_fix_render(text: &str) -> Result<(), TestCaseError> {
    let source = Source::new("t.txt", text.to_string());
    let (outline, diagnostics) = linter().check(&source);
    for d in &diagnostics {
        prop_assert!(on_boundaries(text, &d.span), "{} span {:?}", d.rule, d.span);
        if let Some(f) = &d.fix {
            prop_assert!(on_boundaries(text, &f.span), "{} fix {:?}", d.rule, f.span);
        }
    }
    fix::apply(text, &diagnostics);
    render::outline::json(&source, &outline);
    render::outline::human(&source, &outline);
    let reports = [FileReport {
        source,
        diagnostics,
    }];
    render::human::render(&reports, true, &[]);
    render::json::render(&reports);
    render::short::render(&reports);
    render::github::render(&reports);
    render::sarif::render(&reports);
    render::stats::render(&reports);
    Ok(())
}

/// The pieces in order, each followed by its line break, if it has one.
fn text_of(pieces: &[(usize, Option<usize>)]) -> String {
    pieces
        .iter()
        .flat_map(|&(p, b)| [Some(PIECES[p]), b.map(|b| BREAKS[b])])
        .flatten()
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn short_texts_with_line_breaks(
        pieces in prop::collection::vec(
            (0..PIECES.len(), prop::option::weighted(0.2, 0..BREAKS.len())),
            0..200,
        )
    ) {
        lint_fix_render(&text_of(&pieces))?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]

    /// One line longer than the 500 characters a rule looks across for a sentence's
    /// bounds, so those looks stop mid-line, often without any sentence end.
    #[test]
    fn long_lines_without_breaks(
        pieces in prop::collection::vec((0..PIECES.len(), Just(None)), 1000..3000)
    ) {
        lint_fix_render(&text_of(&pieces))?;
    }
}
