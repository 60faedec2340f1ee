//! The engine: decoded text → outline → every enabled rule → sorted diagnostics.

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Severity};
use crate::fix::{self, Rewrite};
use crate::hant;
use crate::outline::{Outline, Outliner, Section};
use crate::rules::{self, Document, Rule};
use crate::source::{Origin, Source};
use crate::suppress;
use std::ops::Range;

/// The enabled rules, built once from a configuration and reused for every document.
pub struct Linter {
    config: Config,
    outliner: Outliner,
    rules: Vec<(&'static str, Severity, Box<dyn Rule>)>,
}

/// The most passes a fix makes: fixes that overlap in one pass are applied in the next,
/// until nothing is left to fix.
const MAX_FIX_PASSES: usize = 8;

/// A text with its fixes applied until none is left.
#[derive(Debug)]
pub struct Fixed {
    /// The fixed text, as a source with the original's name, origin and path.
    pub source: Source,
    /// The findings in the fixed text (`[[ignore]]` applied).
    pub diagnostics: Vec<Diagnostic>,
    /// What changed, as edits of the original text: sorted, disjoint byte ranges, each
    /// with what replaces it.
    pub edits: Vec<(Range<usize>, String)>,
    /// How many fixes were applied in all.
    pub applied: usize,
}

/// Which rules run, from `--select` and `--ignore`.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// When set, only these rules run (at their configured severity, or warning if off).
    pub select: Option<Vec<String>>,
    pub ignore: Vec<String>,
}

impl Selection {
    /// The rules given to `--select` (if any) and `--ignore`, each without the blanks
    /// typed around it (`a, b`).
    pub fn new(select: Option<&[String]>, ignore: &[String]) -> Selection {
        let trimmed = |ids: &[String]| ids.iter().map(|id| id.trim().to_string()).collect();
        Selection {
            select: select.map(trimmed),
            ignore: trimmed(ignore),
        }
    }

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

    /// The outline of `source` (read in simplified characters if it is traditional).
    pub fn outline(&self, source: &Source) -> Outline {
        match hant::folded(source) {
            Some(folded) => self.outliner.build(&folded),
            None => self.outliner.build(source),
        }
    }

    /// Every finding in `source`, ordered by position then rule id.
    pub fn lint(&self, source: &Source) -> Vec<Diagnostic> {
        self.check(source).1
    }

    /// `source` with the fixes of `diagnostics` (its findings, `[[ignore]]` applied)
    /// applied, then the fixes found in the result, and so on until no fix is left, so
    /// fixing the result again changes nothing. `None` when there is nothing to fix.
    pub fn fix(&self, source: &Source, diagnostics: &[Diagnostic]) -> Option<Fixed> {
        let (mut text, mut fixes) = fix::apply(&source.text, diagnostics)?;
        let mut rewrite = Rewrite::new(source.text.len());
        // A fix next to a path or URL may hide it from a later pass (`3、/home/…` made
        // `3./home/…`): what was protected in the original stays protected.
        let protected = crate::protect::spans(&source.text);
        let mut applied = 0;
        for _ in 0..MAX_FIX_PASSES {
            rewrite.record(&fixes);
            applied += fixes.len();
            let next = Source::new(source.name.clone(), text);
            let mut found = self.lint(&next);
            suppress::apply(&self.config.ignore, &next.name, &next.text, &mut found);
            drop_fixes_touching(&mut found, &rewrite.map_spans(&protected));
            match fix::apply(&next.text, &found) {
                Some(pass) => (text, fixes) = pass,
                None => {
                    let mut fixed = next.with_origin(source.origin);
                    fixed.path = source.path.clone();
                    return Some(Fixed {
                        source: fixed,
                        diagnostics: found,
                        edits: rewrite.edits(),
                        applied,
                    });
                }
            }
        }
        // Fixes that keep undoing each other: apply none of them.
        None
    }

    /// The outline of `source` and every finding in it. A text in traditional characters
    /// is read in simplified ones, at the same offsets; its fixes are kept only where
    /// they write the same in both.
    pub fn check(&self, source: &Source) -> (Outline, Vec<Diagnostic>) {
        match hant::folded(source) {
            Some(folded) => {
                let (outline, mut all) = self.check_text(&folded);
                hant::keep_script(&source.text, &folded.text, &mut all);
                (outline, all)
            }
            None => self.check_text(source),
        }
    }

    fn check_text(&self, source: &Source) -> (Outline, Vec<Diagnostic>) {
        let outline = self.outliner.build(source);
        let doc = Document::new(source, &outline, &self.config);
        let mut all: Vec<Diagnostic> = Vec::new();
        for (id, severity, rule) in &self.rules {
            let start = all.len();
            rule.check(&doc, &mut all);
            for d in &mut all[start..] {
                d.rule = id;
                d.severity = d.entry_severity.unwrap_or(*severity);
            }
        }
        // Nothing is reported inside a URL, address, path or code, and no fix touches one.
        if !doc.protected.is_empty() {
            all.retain(|d| !rules::within(&doc.protected, &d.span));
            drop_fixes_touching(&mut all, &doc.protected);
        }
        // Word's automatic numbering draws its labels: no fix can edit one in the text.
        if !source.generated.is_empty() {
            for d in &mut all {
                if d.fix
                    .as_ref()
                    .is_some_and(|f| rules::overlaps(&source.generated, f.span.clone()))
                {
                    d.fix = None;
                    d.help = Some(GENERATED_HELP.into());
                }
                d.fix_elsewhere
                    .retain(|span| !rules::overlaps(&source.generated, span));
            }
        }
        // The tokens (the largest part of a big document's memory) go before the sort
        // takes its scratch space.
        drop(doc);
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

/// What to do about a finding in a label Word's automatic numbering draws.
const GENERATED_HELP: &str =
    "这个序号由 Word 自动编号生成：请在“定义新编号格式”或“定义新的多级列表”中修改编号样式";

/// Takes off `diagnostics` every fix that touches one of the sorted, disjoint `spans` or
/// the character just before or after it: whether a path or URL is recognised depends on
/// its neighbours (`、/home/…` is a path, `./home/…` is not), so a fix there could leave
/// it unprotected in the fixed text and fixable on the next run.
fn drop_fixes_touching(diagnostics: &mut [Diagnostic], spans: &[Range<usize>]) {
    if spans.is_empty() {
        return;
    }
    // One byte wider on each side takes in any char that ends or starts there.
    let mut wide: Vec<Range<usize>> = Vec::with_capacity(spans.len());
    for s in spans {
        let s = s.start.saturating_sub(1)..s.end + 1;
        match wide.last_mut() {
            Some(last) if s.start <= last.end => last.end = s.end,
            _ => wide.push(s),
        }
    }
    let spans = &wide;
    for d in diagnostics {
        if d.fix
            .as_ref()
            .is_some_and(|f| rules::overlaps(spans, f.span.clone()))
        {
            d.fix = None;
        }
        d.fix_elsewhere.retain(|span| !rules::overlaps(spans, span));
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
