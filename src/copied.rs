//! Copied text across reports: which files share a large part of their sentences.
//!
//! A cross-document check, run after every file has been linted. Each body sentence is
//! normalised (punctuation and spaces dropped, every digit read as `0`, so last year's
//! text with this year's figures still matches) and hashed; an inverted index maps each
//! fingerprint to the files holding it. A file's share with another is the part of its
//! distinct sentences found there. The work is linear in the total size: no pair of
//! texts is ever compared, only the postings of each fingerprint are walked, and a
//! fingerprint held by many files is boilerplate and skipped. Sentences that are mostly
//! a standard formula (习近平法治思想, …) and headings never count.

use crate::config::Level;
use crate::diagnostic::{Diagnostic, Severity};
use crate::outline::{LineKind, Outline};
use crate::render::FileReport;
use crate::sentence;
use crate::words::WordMatcher;
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet, FxHasher};
use serde::Deserialize;
use std::hash::Hasher;
use std::ops::Range;
use std::path::Path;

/// The rule id of the findings.
pub const RULE: &str = "copied-text";

/// How the comparison is tuned (the `[rules.copied-text]` settings).
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Tuning {
    pub severity: Level,
    /// Share of a file's sentences (percent) found in another above which they are
    /// reported as copied.
    pub threshold: u32,
    /// Sentences shorter than this, in characters once normalised, are not compared.
    pub min_chars: usize,
    /// A file with fewer comparable sentences is not judged.
    pub min_sentences: usize,
    /// A sentence found in more files than this is boilerplate.
    pub max_files: usize,
    /// Standard formulas removed from a sentence before it is measured.
    pub formulas: Vec<String>,
}

impl Default for Tuning {
    fn default() -> Self {
        Tuning {
            severity: Level::Info,
            threshold: 30,
            min_chars: 12,
            min_sentences: 5,
            max_files: 5,
            formulas: Vec::new(),
        }
    }
}

/// One document's comparable sentences: each distinct fingerprint, in the order first
/// seen, and the span it was first seen at.
pub struct Fingerprints {
    prints: Vec<u64>,
    spans: Vec<Range<usize>>,
}

/// The comparable form of sentences, built once per run from a [`Tuning`]: the
/// standard formulas to leave out and the shortest sentence compared.
pub struct Normaliser {
    /// `None` for a list too large to compile: nothing is left out.
    formulas: Option<WordMatcher>,
    min_chars: usize,
}

impl Normaliser {
    pub fn new(tuning: &Tuning) -> Normaliser {
        Normaliser {
            formulas: WordMatcher::new(tuning.formulas.iter().filter(|f| !f.is_empty())),
            min_chars: tuning.min_chars,
        }
    }

    /// The fingerprint of `sentence` without its formulas, punctuation and spaces, every
    /// digit read as `0`; None when fewer than `min_chars` characters remain.
    fn fingerprint(&self, sentence: &str) -> Option<u64> {
        let mut h = FxHasher::default();
        let mut chars = 0;
        let mut at = 0;
        let mut feed = |part: &str| {
            for c in part.chars().filter_map(compared) {
                h.write_u32(c as u32);
                chars += 1;
            }
        };
        for m in self.formulas.iter().flat_map(|f| f.find_iter(sentence)) {
            feed(&sentence[at..m.start()]);
            at = m.end();
        }
        feed(&sentence[at..]);
        (chars >= self.min_chars).then(|| h.finish())
    }
}

/// What `c` counts as in a fingerprint: letters and hanzi as themselves, every digit as
/// `0`, anything else (punctuation, spaces) nothing.
fn compared(c: char) -> Option<char> {
    match c {
        // The characters of nearly every report, told without the slow Unicode tables:
        // hanzi (CJK Unified Ideographs), ASCII, general punctuation (“” — …), CJK
        // punctuation and brackets (、。《》【】) and full-width punctuation (，：；).
        '\u{4E00}'..='\u{9FFF}' => Some(c),
        '0'..='9' => Some('0'),
        'a'..='z' | 'A'..='Z' => Some(c),
        '\0'..='\u{7f}'
        | '\u{2000}'..='\u{206f}'
        | '\u{3000}'..='\u{3004}'
        | '\u{3008}'..='\u{3011}'
        | '\u{3014}'..='\u{301f}'
        | '\u{ff01}'..='\u{ff0f}'
        | '\u{ff1a}'..='\u{ff20}'
        | '\u{ff3b}'..='\u{ff40}'
        | '\u{ff5b}'..='\u{ff65}' => None,
        _ if c.is_numeric() => Some('0'),
        _ if c.is_alphanumeric() => Some(c),
        _ => None,
    }
}

impl Fingerprints {
    /// The body sentences of `text` (paragraph lines of `outline`, heading lines after
    /// their heading), each distinct normalised sentence once.
    pub fn of(text: &str, outline: &Outline, normaliser: &Normaliser) -> Fingerprints {
        let mut seen = FxHashSet::default();
        let (mut prints, mut spans) = (Vec::new(), Vec::new());
        for line in &outline.lines {
            // A heading line's first sentence is the heading; the rest is body text.
            let skip = match line.kind {
                LineKind::Paragraph => 0,
                LineKind::Heading => 1,
                _ => continue,
            };
            for span in sentence::split(text, line.span()).skip(skip) {
                if let Some(fp) = normaliser.fingerprint(&text[span.clone()])
                    && seen.insert(fp)
                {
                    prints.push(fp);
                    spans.push(span);
                }
            }
        }
        Fingerprints { prints, spans }
    }

    /// The fingerprints alone, all [`compare`] needs: what a run keeps of each file.
    pub fn into_prints(self) -> Vec<u64> {
        self.prints
    }

    /// Where sentence `k` (a [`Copy::first`]) is.
    pub fn span(&self, k: usize) -> Range<usize> {
        self.spans[k].clone()
    }
}

impl AsRef<[u64]> for Fingerprints {
    fn as_ref(&self) -> &[u64] {
        &self.prints
    }
}

/// A file sharing at least the threshold of its sentences with another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Copy {
    /// Index of the file whose sentences were found elsewhere.
    pub file: usize,
    /// Index of the file they were found in.
    pub other: usize,
    /// Share of `file`'s comparable sentences found in `other`, in percent (rounded down).
    pub percent: u32,
    /// The first of `file`'s sentences found in `other`, as its index in the file's
    /// fingerprints ([`Fingerprints::span`]).
    pub first: usize,
}

/// Every (file, other) pair above `tuning.threshold`, by file then by share (highest
/// first). `docs[i]` are file `i`'s fingerprints.
pub fn compare<D: AsRef<[u64]>>(docs: &[D], tuning: &Tuning) -> Vec<Copy> {
    let mut index: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
    for (i, doc) in docs.iter().enumerate() {
        for fp in doc.as_ref() {
            index.entry(*fp).or_default().push(i as u32);
        }
    }
    let mut copies = Vec::new();
    // Per other file: shared sentences and the first one shared.
    let mut shared: FxHashMap<u32, (usize, usize)> = FxHashMap::default();
    for (i, doc) in docs.iter().enumerate() {
        let prints = doc.as_ref();
        // Boilerplate, in more than `max_files` files, counts neither way.
        let own = |fp: &u64| index[fp].len() <= tuning.max_files;
        let counted = prints.iter().filter(|fp| own(fp)).count();
        if counted < tuning.min_sentences.max(1) {
            continue;
        }
        shared.clear();
        for (k, fp) in prints.iter().enumerate() {
            if !own(fp) {
                continue;
            }
            for &j in index[fp].iter().filter(|&&j| j as usize != i) {
                shared.entry(j).or_insert((0, k)).0 += 1;
            }
        }
        let mut found: Vec<Copy> = shared
            .iter()
            .map(|(&j, &(n, first))| Copy {
                file: i,
                other: j as usize,
                percent: (n * 100 / counted) as u32,
                first,
            })
            .filter(|c| c.percent >= tuning.threshold)
            .collect();
        found.sort_by(|a, b| b.percent.cmp(&a.percent).then(a.other.cmp(&b.other)));
        copies.extend(found);
    }
    copies
}

/// The check over the linted files of one run, with the settings of `tuning` (the
/// first file's configuration): the copies found, and a finding on the first copied
/// sentence of each, in the file, at `severity(index of the file)` (None: the rule is off
/// there).
pub fn check(
    files: &mut [(&mut FileReport, &Outline)],
    tuning: &Tuning,
    severity: impl Fn(usize) -> Option<Severity>,
) -> Vec<Copy> {
    if files.len() < 2 {
        return Vec::new();
    }
    let normaliser = Normaliser::new(tuning);
    let docs: Vec<Fingerprints> = files
        .par_iter()
        .map(|(r, o)| Fingerprints::of(&r.source.text, o, &normaliser))
        .collect();
    let mut copies = compare(&docs, tuning);
    copies.retain(|c| {
        let path = |i: usize| files[i].0.source.path.as_deref();
        !same_document(path(c.file), path(c.other))
    });
    for c in &copies {
        let other = files[c.other].0.source.name.clone();
        let Some(severity) = severity(c.file) else {
            continue;
        };
        let span = docs[c.file].span(c.first);
        add_finding(&mut files[c.file].0.diagnostics, c, span, &other, severity);
    }
    copies
}

/// Whether two files are one document saved in two formats (`报告.docx` and `报告.pdf`
/// side by side, as units often submit them, the copy perhaps marked as the sealed one:
/// `报告（盖章版）.pdf`): no copy of each other.
pub fn same_document(a: Option<&Path>, b: Option<&Path>) -> bool {
    let (Some(a), Some(b)) = (a, b) else {
        return false;
    };
    let stem = |p: &Path| {
        let stem = p.file_stem()?.to_str()?.trim_end();
        // Without a version note at its end: `（盖章版）`, `(定稿)`.
        let bare = stem
            .strip_suffix(['）', ')'])
            .and_then(|s| s.rfind(['（', '(']).map(|at| &s[..at]))
            .filter(|s| !s.is_empty());
        Some(bare.unwrap_or(stem).to_owned())
    };
    a.parent() == b.parent()
        && a.extension() != b.extension()
        && stem(a).is_some_and(|s| Some(s) == stem(b))
}

/// Adds the finding of `copy` (its first sentence at `span`, the other file named
/// `other`) to the file's `diagnostics`, sorted by start: after those starting at or
/// before it.
pub fn add_finding(
    diagnostics: &mut Vec<Diagnostic>,
    copy: &Copy,
    span: Range<usize>,
    other: &str,
    severity: Severity,
) {
    let mut d = Diagnostic::new(
        span,
        format!(
            "与“{other}”雷同：本文 {}% 的句子也见于该文件",
            copy.percent
        ),
    )
    .label("第一处雷同的句子")
    .help("核实是否照搬了其他单位或上一年度的报告；属正常引用的，可调高 threshold 或用 [[ignore]] 忽略");
    d.rule = RULE;
    d.severity = severity;
    let at = diagnostics.partition_point(|x| x.span.start <= d.span.start);
    diagnostics.insert(at, d);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::outline::Outliner;
    use crate::source::Source;

    fn prints(text: &str) -> Fingerprints {
        prints_with(text, &tuning())
    }

    fn prints_with(text: &str, tuning: &Tuning) -> Fingerprints {
        let source = Source::new("t", text.to_string());
        let outline = Outliner::new(&Config::builtin()).build(&source);
        Fingerprints::of(text, &outline, &Normaliser::new(tuning))
    }

    fn tuning() -> Tuning {
        Tuning {
            formulas: vec!["习近平法治思想".into()],
            ..Tuning::default()
        }
    }

    /// `n` (at most 10) distinct sentences marked by `seed`.
    fn body(seed: &str, n: usize) -> String {
        "一二三四五六七八九十"
            .chars()
            .take(n)
            .map(|i| format!("{seed}第{i}项工作按照计划推进并取得{seed}的阶段性成效。"))
            .collect()
    }

    /// The fast ranges of [`compared`] agree with the Unicode tables for every character.
    #[test]
    fn compared_keeps_letters_and_reads_numbers_as_zero() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let slow = if c.is_numeric() {
                Some('0')
            } else if c.is_alphanumeric() {
                Some(c)
            } else {
                None
            };
            assert_eq!(compared(c), slow, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn shared_sentences_above_the_threshold_are_copies() {
        let a = format!("{}{}", body("甲", 6), body("乙", 4));
        // b shares the same 6 sentences, but out of 26: 23%.
        let b = format!("{}{}{}", body("甲", 6), body("丙", 10), body("丁", 10));
        let docs = [prints(&a), prints(&b)];
        let copies = compare(&docs, &tuning());
        assert_eq!(copies.len(), 1, "{copies:?}");
        assert_eq!((copies[0].file, copies[0].other), (0, 1));
        assert_eq!(copies[0].percent, 60);
        let first = &a[docs[0].span(copies[0].first)];
        assert_eq!(first, "甲第一项工作按照计划推进并取得甲的阶段性成效。");
        let mut strict = tuning();
        strict.threshold = 61;
        assert!(compare(&docs, &strict).is_empty());
    }

    #[test]
    fn figures_do_not_hide_a_copy_and_formulas_do_not_make_one() {
        let a = body("甲", 6).replace("计划", "2023年计划");
        let b = a.replace("2023", "2024");
        assert_eq!(compare(&[prints(&a), prints(&b)], &tuning()).len(), 2);
        let formulas = "坚持以习近平法治思想为指导。深入学习贯彻习近平法治思想。\
                        全面贯彻习近平法治思想要求。";
        let c = format!("{formulas}{}", body("丁", 5));
        let d = format!("{formulas}{}", body("戊", 5));
        assert!(compare(&[prints(&c), prints(&d)], &tuning()).is_empty());
        // Without the formula list, the same two files would be copies.
        let mut plain = tuning();
        plain.formulas.clear();
        let docs = [prints_with(&c, &plain), prints_with(&d, &plain)];
        assert_eq!(compare(&docs, &plain).len(), 2);
    }

    #[test]
    fn sentences_in_many_files_are_boilerplate() {
        let common = body("甲", 6);
        let docs: Vec<Fingerprints> = ["乙", "丙", "丁", "戊", "己", "庚"]
            .iter()
            .map(|s| prints(&format!("{common}{}", body(s, 4))))
            .collect();
        assert!(compare(&docs, &tuning()).is_empty());
        // Boilerplate counts neither way: a report reused whole is a copy in full.
        let reused = format!("{common}{}", body("辛", 6));
        let mut run: Vec<Fingerprints> = ["乙", "丙", "丁", "戊"]
            .iter()
            .map(|s| prints(&format!("{common}{}", body(s, 4))))
            .collect();
        run.push(prints(&reused));
        run.push(prints(&reused));
        let copies = compare(&run, &tuning());
        assert_eq!(copies.len(), 2, "{copies:?}");
        assert!(copies.iter().all(|c| c.percent == 100), "{copies:?}");
    }

    /// One report in two formats, the copy perhaps marked as the sealed one.
    #[test]
    fn one_report_in_two_formats_is_one_document() {
        let same = |a: &str, b: &str| same_document(Some(Path::new(a)), Some(Path::new(b)));
        assert!(same("d/报告.docx", "d/报告.pdf"));
        assert!(same("d/报告.docx", "d/报告（盖章版）.pdf"));
        assert!(!same("d/报告.docx", "d/报告.docx"));
        assert!(!same("d/甲局报告.docx", "d/乙局报告.pdf"));
        assert!(!same("d/报告.docx", "e/报告.pdf"));
    }
}
