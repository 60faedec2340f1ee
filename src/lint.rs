//! The engine: decoded text → outline → every enabled rule → sorted diagnostics.

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Severity};
use crate::outline::Section;
use crate::outline::{Outline, Outliner};
use crate::rules::{self, Document, Rule};
use crate::source::{Origin, Source};

/// The enabled rules, built once from a configuration and reused for every document.
pub struct Linter {
    config: Config,
    outliner: Outliner,
    rules: Vec<(&'static str, Severity, Box<dyn Rule>)>,
}

/// Which rules run, from `--select` and `--ignore`.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// When set, only these rules run (at their configured severity, or warning if off).
    pub select: Option<Vec<String>>,
    pub ignore: Vec<String>,
}

impl Selection {
    /// Rule ids named here that no rule has.
    pub fn unknown_ids(&self) -> Vec<String> {
        self.select
            .iter()
            .flatten()
            .chain(&self.ignore)
            .filter(|id| rules::info(id).is_none())
            .cloned()
            .collect()
    }
}

impl Linter {
    pub fn new(config: Config, selection: &Selection) -> Linter {
        let rules = config
            .rules
            .build(&config)
            .into_iter()
            .filter(|(id, _)| !selection.ignore.iter().any(|i| i == id))
            .filter_map(|(id, rule)| {
                let configured = config.rules.level(id).and_then(|l| l.severity());
                let severity = match &selection.select {
                    Some(sel) if sel.iter().any(|s| s == id) => {
                        configured.or(Some(Severity::Warning))
                    }
                    Some(_) => None,
                    None => configured,
                }?;
                Some((id, severity, rule))
            })
            .collect();
        Linter {
            outliner: Outliner::new(&config),
            config,
            rules,
        }
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The severity rule `id` runs at; None when it is off, ignored or not selected.
    pub fn severity(&self, id: &str) -> Option<Severity> {
        self.rules.iter().find(|r| r.0 == id).map(|r| r.1)
    }

    pub fn outline(&self, source: &Source) -> Outline {
        self.outliner.build(source)
    }

    /// Every finding in `source`, ordered by position then rule id.
    pub fn lint(&self, source: &Source) -> Vec<Diagnostic> {
        self.check(source).1
    }

    /// The outline of `source` and every finding in it.
    pub fn check(&self, source: &Source) -> (Outline, Vec<Diagnostic>) {
        let outline = self.outline(source);
        let doc = Document::new(source, &outline, &self.config);
        let mut all = Vec::new();
        let mut found = Vec::new();
        for (id, severity, rule) in &self.rules {
            rule.check(&doc, &mut found);
            all.extend(found.drain(..).map(|mut d| {
                d.rule = id;
                d.severity = d.entry_severity.unwrap_or(*severity);
                d
            }));
        }
        all.sort_by(|a, b| (a.span.start, a.rule).cmp(&(b.span.start, b.rule)));
        if source.origin == Origin::Docx {
            for d in &mut all {
                let line = source.line_index(d.span.start.min(source.text.len()));
                d.headings = heading_path(&source.text, &outline.sections, line);
            }
        }
        (outline, all)
    }
}

/// The headings of the sections holding `line`, outermost first, as one line each.
fn heading_path(text: &str, sections: &[Section], line: usize) -> Vec<String> {
    let mut path = Vec::new();
    let mut level = sections;
    while let Some(s) = level.iter().find(|s| s.line <= line && line < s.end_line) {
        let heading = text[s.heading.clone()]
            .split_whitespace()
            .collect::<Vec<_>>();
        let heading = heading.join(" ");
        path.push(match heading.char_indices().nth(30) {
            Some((cut, _)) => format!("{}…", &heading[..cut]),
            None => heading,
        });
        level = &s.children;
    }
    path
}
