//! Throughput benchmark: `cargo bench --bench throughput`.
//!
//! Lints the corpus seeds (or the bundled examples when `../shared/corpus` is absent)
//! single-threaded with every rule on: once as one text repeated to about 4 MB, and once
//! report by report. Prints MB/s, the inline tokenizer's share as MB/s of tokenizing every
//! line alone, and the time per report. Last, the same text as one line with no sentence
//! end, at 1 MB and at 4 MB: linear code reads the same MB/s at both sizes. First, what
//! reading the built-in configuration and building the rules cost a process at start.

use nianbao::config::Config;
use nianbao::inline::tokenize;
use nianbao::lint::{Linter, Selection};
use nianbao::source::Source;
use std::path::Path;
use std::time::{Duration, Instant};

fn inputs() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let seeds = root.join("../shared/corpus/seeds");
    let dir = if seeds.is_dir() {
        seeds
    } else {
        root.join("examples")
    };
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    println!("inputs: {} files from {}", paths.len(), dir.display());
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

/// Runs `f` repeatedly for about two seconds (a quarter of that with NIANBAO_BENCH_RULES); returns the mean time per run.
fn time(mut f: impl FnMut()) -> Duration {
    f();
    let start = Instant::now();
    let mut runs = 0u32;
    let span = if std::env::var_os("NIANBAO_BENCH_RULES").is_some() {
        Duration::from_millis(500)
    } else {
        Duration::from_secs(2)
    };
    while start.elapsed() < span {
        f();
        runs += 1;
    }
    start.elapsed() / runs
}

fn main() {
    // What a process pays before its first document: the built-in configuration, then
    // every rule built from it.
    let config = time(|| {
        std::hint::black_box(Config::builtin());
    });
    let linter = time(|| {
        std::hint::black_box(Linter::new(Config::builtin(), &Selection::default()));
    });
    println!(
        "start: configuration {config:?}, rules {:?}",
        linter.saturating_sub(config)
    );

    let reports = inputs();
    let linter = Linter::new(Config::builtin(), &Selection::default());
    let joined = reports.join("\n");
    let big = joined.repeat((4 << 20) / joined.len().max(1) + 1);
    let source = Source::new("bench", big);
    let mb = source.text.len() as f64 / 1e6;
    let per_run = time(|| {
        std::hint::black_box(linter.lint(&source));
    });
    println!(
        "bulk: {mb:.1} MB in {per_run:?} = {:.0} MB/s",
        mb / per_run.as_secs_f64()
    );

    // The inline tokenizer alone, over every line of the same text.
    let per_run = time(|| {
        for line in source.text.lines() {
            std::hint::black_box(tokenize(line));
        }
    });
    println!(
        "tokenize: {mb:.1} MB in {per_run:?} = {:.0} MB/s",
        mb / per_run.as_secs_f64()
    );

    // One line, no sentence end: every rule that looks for a sentence's bounds looks
    // only near each figure.
    let flat: String = source
        .text
        .chars()
        .map(|c| match c {
            '\n' | '\r' | '。' | ';' | '；' | '!' | '！' | '?' | '？' => '，',
            c => c,
        })
        .collect();
    for len in [flat.len() / 4, flat.len()] {
        let end = (len..)
            .find(|&i| flat.is_char_boundary(i))
            .unwrap_or(flat.len());
        let line = Source::new("line", flat[..end].to_string());
        let mb = end as f64 / 1e6;
        let per_run = time(|| {
            std::hint::black_box(linter.lint(&line));
        });
        println!(
            "one line, no sentence end: {mb:.1} MB in {per_run:?} = {:.0} MB/s",
            mb / per_run.as_secs_f64()
        );
    }

    // Each rule's share: the bulk text with that rule alone, less the text with none
    // (outline and tokens only). Set NIANBAO_BENCH_RULES=1 to print it.
    if std::env::var_os("NIANBAO_BENCH_RULES").is_some() {
        let none = Selection {
            select: Some(Vec::new()),
            ignore: Vec::new(),
        };
        let base = Linter::new(Config::builtin(), &none);
        let base_time = time(|| {
            std::hint::black_box(base.lint(&source));
        });
        println!("outline and tokens: {base_time:?}");
        let mut costs: Vec<(Duration, &str)> = nianbao::rules::RULES
            .iter()
            .map(|r| {
                let one = Selection {
                    select: Some(vec![r.id.to_string()]),
                    ignore: Vec::new(),
                };
                let linter = Linter::new(Config::builtin(), &one);
                let t = time(|| {
                    std::hint::black_box(linter.lint(&source));
                });
                (t.saturating_sub(base_time), r.id)
            })
            .collect();
        costs.sort();
        for (t, id) in costs.iter().rev() {
            println!("  {id}: {t:?}");
        }
    }

    let sources: Vec<Source> = reports.into_iter().map(|t| Source::new("r", t)).collect();
    let all = time(|| {
        for s in &sources {
            std::hint::black_box(linter.lint(s));
        }
    });
    println!(
        "per report: {:?} (mean of {} reports)",
        all / sources.len() as u32,
        sources.len()
    );
}
