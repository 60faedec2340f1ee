//! `[[ignore]]`: drop findings the drafter has judged correct, matched by rule and by
//! the quoted text they overlap, so a suppression survives edits elsewhere.

use crate::config::Suppression;
use crate::diagnostic::Diagnostic;
use globset::Glob;

/// Removes suppressed findings from `diagnostics`; returns, per entry of `entries`,
/// whether it suppressed anything in this file.
pub fn apply(
    entries: &[Suppression],
    path: &str,
    text: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<bool> {
    let mut used = vec![false; entries.len()];
    diagnostics.retain(|d| {
        let hit = entries
            .iter()
            .position(|s| applies_to(s, path) && matches(s, text, d));
        if let Some(i) = hit {
            used[i] = true;
        }
        hit.is_none()
    });
    used
}

fn applies_to(s: &Suppression, path: &str) -> bool {
    let file = std::path::Path::new(path);
    s.paths.is_empty()
        || s.paths.iter().any(|p| {
            Glob::new(p).is_ok_and(|g| {
                let m = g.compile_matcher();
                m.is_match(file) || file.file_name().is_some_and(|n| m.is_match(n))
            })
        })
}

fn matches(s: &Suppression, text: &str, d: &Diagnostic) -> bool {
    if s.rule != d.rule {
        return false;
    }
    let Some(quoted) = &s.text else { return true };
    text.match_indices(quoted.as_str()).any(|(at, m)| {
        let end = at + m.len();
        if d.span.is_empty() {
            at <= d.span.start && d.span.start < end
        } else {
            d.span.start < end && at < d.span.end
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(rule: &'static str, span: std::ops::Range<usize>) -> Diagnostic {
        let mut d = Diagnostic::new(span, "m");
        d.rule = rule;
        d
    }

    #[test]
    fn suppresses_by_rule_text_and_path() {
        let text = "诉前引调率超100%，案件分流率超100%";
        let entry = Suppression {
            rule: "percent-range".into(),
            text: Some("诉前引调率超100%".into()),
            paths: vec!["drafts/*.txt".into()],
        };
        let mut ds = vec![
            finding("percent-range", 0..10),
            finding("percent-range", 30..40),
        ];
        let used = apply(std::slice::from_ref(&entry), "drafts/a.txt", text, &mut ds);
        assert_eq!(used, [true]);
        assert_eq!(ds.len(), 1);
        let mut ds = vec![finding("percent-range", 0..10)];
        assert_eq!(apply(&[entry], "other/a.txt", text, &mut ds), [false]);
        assert_eq!(ds.len(), 1);
    }
}
