//! `nianbao annotate`: the copy carries one comment per finding at its words and each
//! fix as a tracked change; rejected, the changes give back the original text, accepted,
//! the fixed text; everything else in the package is untouched. Checked with the
//! project's own reader and, where it is installed, with LibreOffice.

mod common;

use common::nianbao;
use common::word::{Word, complete_report};
use nianbao::config::Config;
use nianbao::diagnostic::Diagnostic;
use nianbao::docx::{self, annotate};
use nianbao::input;
use nianbao::lint::{Linter, Selection};
use nianbao::source::Source;
use regex::Regex;
use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The complete report with defects that carry fixes, a finding on a numbering label
/// and a reviewer's comment already in it.
fn draft() -> Word {
    let mut word = complete_report();
    word.para("全年1-11月受理群众来访74 名，认真学习《宪法》、《民法典》。")
        .para("调解成功率上升10%，群众满意度明显提高。")
        .commented("全年共", "受理复议申请48件", "。", "数字请再核对");
    word
}

fn lint(source: &Source) -> Vec<Diagnostic> {
    Linter::new(Config::builtin(), &Selection::default()).lint(source)
}

/// `document.xml` of a package, and the package with it replaced.
fn document_xml(package: &[u8]) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(package)).unwrap();
    let mut xml = String::new();
    archive
        .by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

fn with_document(package: &[u8], xml: &str) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(Cursor::new(package)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let name = entry.name().unwrap().into_owned();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap();
        if name == "word/document.xml" {
            bytes = xml.as_bytes().to_vec();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&bytes).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// What Word's "reject all" (`accept: false`) or "accept all" does to nianbao's changes.
fn resolve(package: &[u8], accept: bool) -> Vec<u8> {
    let xml = document_xml(package);
    let ins = Regex::new(r#"(?s)<w:ins w:id="\d+" w:author="nianbao"[^>]*>(.*?)</w:ins>"#).unwrap();
    let del = Regex::new(r#"(?s)<w:del w:id="\d+" w:author="nianbao"[^>]*>(.*?)</w:del>"#).unwrap();
    let xml = if accept {
        let xml = del.replace_all(&xml, "");
        ins.replace_all(&xml, "$1").into_owned()
    } else {
        let xml = ins.replace_all(&xml, "");
        del.replace_all(&xml, |c: &regex::Captures| {
            c[1].replace("<w:delText", "<w:t")
                .replace("</w:delText>", "</w:t>")
        })
        .into_owned()
    };
    with_document(package, &xml)
}

/// `original` read, linted with every rule and annotated.
fn annotated(original: &[u8]) -> (Source, Vec<Diagnostic>, annotate::Annotated) {
    let (source, map) = input::docx_source("t.docx", docx::read(original).unwrap());
    let diagnostics = lint(&source);
    let out = annotate::annotate(
        original,
        &source,
        &map,
        &diagnostics,
        "2024-02-01T08:00:00Z",
    )
    .unwrap();
    (source, diagnostics, out)
}

fn read(package: &[u8]) -> Source {
    input::docx_source("t.docx", docx::read(package).unwrap()).0
}

/// A main document under another name (`word/document2.xml`, as Word Online saves it)
/// gets the comments and changes, and its own relationships the comments part.
#[test]
fn a_main_document_under_another_name_is_annotated() {
    let original = draft().build_named("document2.xml");
    let (_, diagnostics, out) = annotated(&original);
    assert!(!diagnostics.is_empty());
    let document = part(&out.bytes, "word/document2.xml");
    assert!(document.contains(r#"w:author="nianbao""#));
    let rels = part(&out.bytes, "word/_rels/document2.xml.rels");
    assert_eq!(rels.matches("relationships/comments").count(), 1, "{rels}");
    let comments = part(&out.bytes, "word/comments.xml");
    assert!(comments.matches(r#"w:author="nianbao""#).count() >= diagnostics.len());
    let mut archive = zip::ZipArchive::new(Cursor::new(&out.bytes[..])).unwrap();
    assert!(archive.by_name("word/document.xml").is_err());
}

#[test]
fn comments_at_the_words_and_fixes_as_tracked_changes() {
    let original = draft().build();
    let (source, map) = input::docx_source("t.docx", docx::read(&original).unwrap());
    let diagnostics = lint(&source);
    let fixable = diagnostics.iter().filter(|d| d.fix.is_some()).count();
    assert!(fixable >= 3, "{diagnostics:#?}");
    let out = annotate::annotate(
        &original,
        &source,
        &map,
        &diagnostics,
        "2024-02-01T08:00:00Z",
    )
    .unwrap();
    assert_eq!(out.comments, diagnostics.len());
    assert_eq!(out.tracked.len(), fixable);

    // Rejected: exactly the original text. Accepted: the fixed text.
    let rejected = read(&resolve(&out.bytes, false));
    assert_eq!(rejected.text, source.text);
    let accepted = read(&resolve(&out.bytes, true));
    let (fixed, _) = nianbao::fix::apply(&source.text, &diagnostics).unwrap();
    assert_eq!(accepted.text, fixed);
    assert!(accepted.text.contains("1—11月") && accepted.text.contains("74名"));
    assert!(accepted.text.contains("《宪法》《民法典》"));

    // One comment per finding, plus the reviewer's, each on the finding's words.
    assert_eq!(rejected.review.comments.len(), diagnostics.len() + 1);
    for d in &diagnostics {
        let words = &source.text[d.span.clone()];
        let typed = !d.span.is_empty()
            && !source
                .generated
                .iter()
                .any(|g| g.start < d.span.end && d.span.start < g.end);
        if typed {
            assert!(
                rejected.review.comments.contains(&d.span),
                "{} “{words}” has no comment on its words",
                d.rule
            );
        }
    }
    let xml = document_xml(&out.bytes);
    assert_eq!(
        xml.matches(r#"w:author="nianbao""#).count(),
        2 * fixable - count_pure(&diagnostics)
    );
    // Every run with text keeps its formatting after the split.
    let run = Regex::new(r"(?s)<w:r>(.*?)</w:r>").unwrap();
    for r in run.captures_iter(&xml) {
        if r[1].contains("<w:t") || r[1].contains("<w:delText") {
            assert!(
                r[1].contains("仿宋_GB2312"),
                "run lost its formatting: {}",
                &r[0]
            );
        }
    }
    let comments = part(&out.bytes, "word/comments.xml");
    assert_eq!(
        comments.matches(r#"w:author="nianbao""#).count(),
        diagnostics.len()
    );
    assert!(comments.contains("数字请再核对"));
    for d in &diagnostics {
        assert!(
            comments.contains(&format!("[{}] nianbao", d.rule)),
            "{}",
            d.rule
        );
    }
}

/// Fixes that only delete or only insert have one revision mark, not two.
fn count_pure(diagnostics: &[Diagnostic]) -> usize {
    diagnostics
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .filter(|f| f.replacement.is_empty() || f.span.is_empty())
        .count()
}

fn part(package: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(package)).unwrap();
    let mut text = String::new();
    archive
        .by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

#[test]
fn untouched_parts_are_copied_byte_for_byte() {
    let original = draft().build();
    let (_, _, out) = annotated(&original);
    let mut before = zip::ZipArchive::new(Cursor::new(original.as_slice())).unwrap();
    let mut after = zip::ZipArchive::new(Cursor::new(out.bytes.as_slice())).unwrap();
    let changed = ["word/document.xml", "word/comments.xml"];
    for i in 0..before.len() {
        let old = before.by_index_raw(i).unwrap();
        let name = old.name().unwrap().into_owned();
        if changed.contains(&name.as_str()) {
            continue;
        }
        let (crc, size) = (old.crc32(), old.compressed_size());
        drop(old);
        let new = after.by_name(&name).unwrap();
        assert_eq!((new.crc32(), new.compressed_size()), (crc, size), "{name}");
    }
}

/// A document without comments gets a comments part, its relationship and content type.
#[test]
fn a_comments_part_is_added_properly() {
    let mut word = complete_report();
    word.para("全年1-11月受理群众来访74 名。");
    let original = word.build();
    let (_, _, out) = annotated(&original);
    let rels = part(&out.bytes, "word/_rels/document.xml.rels");
    assert!(
        rels.contains(r#"relationships/comments" Target="comments.xml""#),
        "{rels}"
    );
    let types = part(&out.bytes, "[Content_Types].xml");
    assert!(types.contains(r#"<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>"#));
    assert!(part(&out.bytes, "word/comments.xml").starts_with("<?xml"));
}

/// Some producers write WordprocessingML as the default namespace (`<p>`, not `<w:p>`)
/// and keep a prefix for its attributes (`w:val`). What annotate writes there must use
/// that prefix for its attributes: an attribute without one is in no namespace, and Word
/// refuses the file.
#[test]
fn a_document_in_the_default_namespace_gets_namespaced_attributes() {
    let prefixed = draft().build();
    let xml = document_xml(&prefixed).replacen(
        r#"<w:document xmlns:w="#,
        r#"<document xmlns="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w="#,
        1,
    );
    let unprefixed = Regex::new(r"<(/?)w:").unwrap().replace_all(&xml, "<$1");
    let original = with_document(&prefixed, &unprefixed);
    let (source, map) = input::docx_source("t.docx", docx::read(&original).unwrap());
    assert_eq!(source.text, read(&prefixed).text);
    let diagnostics = lint(&source);
    let out = annotate::annotate(
        &original,
        &source,
        &map,
        &diagnostics,
        "2024-02-01T08:00:00Z",
    )
    .unwrap();
    let xml = document_xml(&out.bytes);
    let bare =
        Regex::new(r#"<(ins|del|commentRange(Start|End)|commentReference) (id|author)="#).unwrap();
    assert!(!bare.is_match(&xml), "attributes without a namespace");
    assert!(!out.tracked.is_empty() && xml.contains(r#"w:author="nianbao""#));
    // Back in prefixed form, Word's "reject all" gives the original text again.
    let element = Regex::new(r"<(/?)([A-Za-z]+[ >/])").unwrap();
    let back = with_document(&out.bytes, &element.replace_all(&xml, "<${1}w:$2"));
    let rejected = read(&resolve(&back, false));
    assert_eq!(rejected.text, source.text);
    assert_eq!(rejected.review.comments.len(), diagnostics.len() + 1);
}

/// A minimal producer's document: WordprocessingML as the default namespace and not one
/// attribute, so no prefix is bound for attributes. What annotate writes declares one.
#[test]
fn a_document_binding_no_prefix_gets_one_declared() {
    let paragraphs: String = [
        "某县2023年法治政府建设年度报告",
        "全年1-11月受理群众来访74 名。",
    ]
    .iter()
    .map(|t| format!("<p><r><t>{t}</t></r></p>"))
    .collect();
    let xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><document xmlns="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><body>{paragraphs}</body></document>"#
    );
    let original = with_document(&complete_report().build(), &xml);
    let (_, diagnostics, out) = annotated(&original);
    assert!(!out.tracked.is_empty(), "{diagnostics:#?}");
    let xml = document_xml(&out.bytes);
    let declared =
        r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:id="#;
    assert!(xml.contains(&format!("<ins {declared}")), "{xml}");
    assert!(
        xml.contains(&format!("<commentRangeStart {declared}")),
        "{xml}"
    );
    let reread = read(&out.bytes);
    assert_eq!(reread.review.comments.len(), diagnostics.len());
}

fn save(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn the_command_never_touches_the_original_or_overwrites_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let original = draft().build();
    let path = save(dir.path(), "报告.docx", &original);
    nianbao().arg("annotate").arg(&path).assert().success();
    let copy = dir.path().join("报告.nianbao.docx");
    assert!(copy.exists());
    assert_eq!(std::fs::read(&path).unwrap(), original);
    // The copy can be shared as any new file can (0666 less the umask).
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    std::fs::File::create(dir.path().join("plain")).unwrap();
    assert_eq!(mode(&copy), mode(&dir.path().join("plain")));
    let first = std::fs::read(&copy).unwrap();
    let out = nianbao().arg("annotate").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--force"));
    assert_eq!(std::fs::read(&copy).unwrap(), first);
    nianbao()
        .args(["annotate", "--force"])
        .arg(&path)
        .assert()
        .success();
    let named = dir.path().join("批注版.docx");
    nianbao()
        .arg("annotate")
        .arg(&path)
        .arg("-o")
        .arg(&named)
        .assert()
        .success();
    assert!(read(&std::fs::read(&named).unwrap()).review.comments.len() > 1);
    // A folder: every report in it, not the copies already made.
    nianbao()
        .args(["annotate", "--force"])
        .arg(dir.path())
        .assert()
        .success();
    assert!(!dir.path().join("报告.nianbao.nianbao.docx").exists());
    assert!(dir.path().join("批注版.nianbao.docx").exists());
    let out = nianbao()
        .args(["annotate", "-o", "x.docx"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// LibreOffice opens the copy: it converts to PDF and to text, and its own Word export
/// still holds our comments and changes. Skipped where `soffice` is not installed.
#[test]
fn libreoffice_opens_the_annotated_copy() {
    if Command::new("soffice").arg("--version").output().is_err() {
        eprintln!("note: soffice (LibreOffice) is not installed; skipping the LibreOffice check");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = save(dir.path(), "draft.docx", &draft().build());
    nianbao().arg("annotate").arg(&path).assert().success();
    let copy = dir.path().join("draft.nianbao.docx");
    let profile = format!(
        "-env:UserInstallation=file://{}/lo-profile",
        dir.path().display()
    );
    for format in ["pdf", "txt:Text", "docx:MS Word 2007 XML"] {
        let out_dir = dir.path().join(format.split(':').next().unwrap());
        let status = Command::new("soffice")
            .args([&profile, "--headless", "--convert-to", format, "--outdir"])
            .arg(&out_dir)
            .arg(&copy)
            .output()
            .unwrap();
        assert!(status.status.success(), "{status:?}");
        let ext = format.split(':').next().unwrap();
        let converted = out_dir.join(format!("draft.nianbao.{ext}"));
        let bytes = std::fs::read(&converted).unwrap_or_else(|e| panic!("{ext}: {e}; {status:?}"));
        assert!(bytes.len() > 500, "{ext}: {} bytes", bytes.len());
        if ext == "txt" {
            let text = String::from_utf8_lossy(&bytes);
            assert!(text.contains("严格规范公正文明执法"), "{text}");
        }
        if ext == "docx" {
            let again = read(&bytes);
            let source = read(&std::fs::read(&path).unwrap());
            let findings = lint(&source).len();
            assert_eq!(
                again.review.comments.len(),
                findings + 1,
                "{:?}",
                again.review
            );
            assert!(
                again.review.insertions + again.review.deletions >= 3,
                "{:?}",
                again.review
            );
        }
    }
}

/// Paragraphs of random text split into random runs (some with tabs, entities, a
/// proofing mark or a hyperlink between them): whatever the findings, the copy reads
/// back, rejecting gives the original text and accepting applies exactly the fixes
/// written as tracked changes.
mod any_document {
    use super::*;
    use proptest::prelude::*;

    const ALPHABET: &[&str] = &[
        "年",
        "月",
        "日",
        "名",
        "件",
        "率",
        "上升",
        "-",
        " ",
        "、",
        "《",
        "》",
        "“",
        "”",
        "，",
        "。",
        "%",
        "1",
        "2",
        "0",
        "&",
        "<",
        "作弊称",
        "法治",
        "一、",
        "（",
        "(",
        ")",
        "\t",
    ];

    fn run(text: &str) -> String {
        text.split('\t')
            .map(|part| {
                format!(
                    r#"<w:r><w:rPr><w:sz w:val="32"/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r>"#,
                    common::word::esc(part)
                )
            })
            .collect::<Vec<_>>()
            .join(r#"<w:r><w:tab/></w:r>"#)
    }

    fn paragraph(runs: &[String], glue: u8) -> String {
        let mut out = String::new();
        for (i, r) in runs.iter().enumerate() {
            match (glue + i as u8) % 4 {
                0 if i > 0 => out.push_str(r#"<w:proofErr w:type="spellStart"/>"#),
                1 => {
                    out.push_str(&format!(
                        r#"<w:hyperlink w:anchor="a">{}</w:hyperlink>"#,
                        run(r)
                    ));
                    continue;
                }
                _ => {}
            }
            out.push_str(&run(r));
        }
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        #[test]
        fn round_trips(
            paragraphs in prop::collection::vec(
                (prop::collection::vec(prop::collection::vec(prop::sample::select(ALPHABET), 1..5), 1..6), 0u8..4),
                1..8,
            )
        ) {
            let mut word = complete_report();
            for (runs, glue) in &paragraphs {
                let runs: Vec<String> = runs.iter().map(|r| r.concat()).collect();
                word.raw(&paragraph(&runs, *glue));
            }
            let original = word.build();
            let (source, map) = input::docx_source("t.docx", docx::read(&original).unwrap());
            let diagnostics = lint(&source);
            let out = annotate::annotate(&original, &source, &map, &diagnostics, "2024-02-01T08:00:00Z")
                .unwrap();
            let rejected = read(&resolve(&out.bytes, false));
            prop_assert_eq!(&rejected.text, &source.text);
            prop_assert_eq!(rejected.review.comments.len(), diagnostics.len());
            let tracked: Vec<Diagnostic> =
                out.tracked.iter().map(|&i| diagnostics[i].clone()).collect();
            let fixed = nianbao::fix::apply(&source.text, &tracked).map_or(source.text.clone(), |f| f.0);
            let accepted = read(&resolve(&out.bytes, true));
            prop_assert_eq!(&accepted.text, &fixed);
        }
    }
}

/// `lint --fix` leaves a Word document alone and points to `annotate`.
#[test]
fn fix_leaves_word_documents_alone_and_points_to_annotate() {
    let dir = tempfile::tempdir().unwrap();
    let original = draft().build();
    let path = save(dir.path(), "报告.docx", &original);
    let out = nianbao()
        .args(["lint", "--fix"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("nianbao annotate"));
    assert_eq!(std::fs::read(&path).unwrap(), original);
    // Without --fix (findings written to a file), nothing is said about fixing (h71).
    let out = nianbao()
        .args(["lint", "-o"])
        .arg(dir.path().join("out.txt"))
        .arg(&path)
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&out.stderr).contains("nianbao annotate"));
    let help = nianbao().args(["lint", "--help"]).output().unwrap();
    assert!(String::from_utf8_lossy(&help.stdout).contains("nianbao annotate"));
}

/// A habit reported once (`1、` for `1.` throughout) is fixed at every place, each as a
/// tracked change; accepted, the text is what `--fix` makes of it.
#[test]
fn a_habit_reported_once_is_fixed_everywhere() {
    let body = "全年审查重大行政决策5件，提出法律意见12条，均被采纳。";
    let mut word = Word::new();
    word.title("某县司法局2023年法治政府建设情况报告")
        .heading(1, "2023年推进法治政府建设的主要举措和成效");
    for item in [
        "1、完善决策程序。",
        "2、严格合法性审查。",
        "3、推行法律顾问制度。",
    ] {
        word.para(&format!("{item}{body}"));
    }
    let original = word.build();
    let (source, map) = input::docx_source("t.docx", docx::read(&original).unwrap());
    let diagnostics: Vec<Diagnostic> = lint(&source)
        .into_iter()
        .filter(|d| d.rule == "numbering-punct")
        .collect();
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    assert_eq!(diagnostics[0].fix_elsewhere.len(), 2);
    let out = annotate::annotate(
        &original,
        &source,
        &map,
        &diagnostics,
        "2024-02-01T08:00:00Z",
    )
    .unwrap();
    let accepted = read(&resolve(&out.bytes, true));
    assert!(
        ["1.完善", "2.严格", "3.推行"]
            .iter()
            .all(|s| accepted.text.contains(s)),
        "{}",
        accepted.text
    );
    assert_eq!(read(&resolve(&out.bytes, false)).text, source.text);
}

/// Another author's tracked formatting change on a run nianbao fixes: kept, under an id
/// of its own, in the deleted copy and in both halves of a split run; not carried into
/// the text nianbao inserts. Revision ids stay unique.
#[test]
fn another_authors_formatting_change_is_kept_once_per_run_under_unique_ids() {
    let change = r#"<w:rPrChange w:id="90" w:author="张三" w:date="2025-02-17T09:12:00Z"><w:rPr><w:b/></w:rPr></w:rPrChange>"#;
    let mut word = complete_report();
    word.raw(&format!(
        r#"<w:r><w:rPr><w:sz w:val="32"/>{change}</w:rPr><w:t>组织执法培训6期;全年办理复议案件92件。</w:t></w:r>"#
    ));
    let original = word.build();
    let (source, _, out) = annotated(&original);
    let xml = document_xml(&out.bytes);
    let ids: Vec<&str> = Regex::new(r#"<w:(?:ins|del|rPrChange) w:id="(\d+)""#)
        .unwrap()
        .captures_iter(&xml)
        .map(|c| c.get(1).unwrap().as_str())
        .collect();
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(ids.len(), unique.len(), "{ids:?}");
    // The run split before and after the fix (and at the comments), and its deleted
    // copy: each keeps the change.
    assert!(xml.matches("w:author=\"张三\"").count() >= 3, "{xml}");
    let inserted = Regex::new(r#"(?s)<w:ins [^>]*w:author="nianbao"[^>]*>(.*?)</w:ins>"#).unwrap();
    let ours: Vec<&str> = inserted
        .captures_iter(&xml)
        .map(|c| c.get(1).unwrap().as_str())
        .collect();
    assert!(!ours.is_empty() && ours.iter().all(|i| !i.contains("rPrChange")));
    let rejected = read(&resolve(&out.bytes, false));
    assert_eq!(rejected.text, source.text);
}

/// Annotating an annotated copy again adds no comment nianbao already wrote there (the
/// same rule and message, its counts aside), and the copy still reads (h84).
#[test]
fn annotating_a_copy_again_repeats_no_comment() {
    let mut word = complete_report();
    word.para("全年开展执法检查1-11月共计86次,查处案件12件。");
    let (_, first_diagnostics, first) = annotated(&word.build());
    assert!(first.comments > 0);
    let (_, _, second) = annotated(&first.bytes);
    let comments = part(&second.bytes, "word/comments.xml");
    let ours = comments.matches(r#"w:author="nianbao""#).count();
    // Only the draft's revisions left (nianbao's own, now there) may be new.
    assert!(second.comments <= 1, "{comments}");
    assert_eq!(ours, first.comments + second.comments);
    assert!(first_diagnostics.len() >= first.comments);
}

/// A `,` typed in English mode sits in a run set in a Latin font only: the `，` that
/// replaces it takes the properties of the Chinese text beside it, so it shows in the
/// document's Chinese font (h43).
#[test]
fn chinese_replacing_latin_text_takes_the_chinese_runs_font() {
    let chinese = r#"<w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:hAnsi="仿宋_GB2312" w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr>"#;
    let latin = r#"<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:sz w:val="32"/></w:rPr>"#;
    let mut word = complete_report();
    word.raw(&format!(
        r#"<w:r>{chinese}<w:t>组织执法培训6期</w:t></w:r><w:r>{latin}<w:t>,</w:t></w:r><w:r>{chinese}<w:t>参训人员320人次。</w:t></w:r>"#
    ));
    let (_, _, out) = annotated(&word.build());
    let xml = document_xml(&out.bytes);
    let inserted = Regex::new(r#"(?s)<w:ins [^>]*w:author="nianbao"[^>]*>(.*?)</w:ins>"#).unwrap();
    let comma: Vec<&str> = inserted
        .captures_iter(&xml)
        .map(|c| c.get(1).unwrap().as_str())
        .filter(|i| i.contains(">，<"))
        .collect();
    assert_eq!(comma.len(), 1, "{xml}");
    assert!(comma[0].contains("仿宋_GB2312"), "{}", comma[0]);
    // Accepted, the change gives the fixed text.
    let accepted = read(&resolve(&out.bytes, true));
    assert!(accepted.text.contains("组织执法培训6期，参训人员320人次。"));
}

/// Text replacing a run that carries a look of its own (bold red 黑体, a character
/// style) keeps that look, whichever run is beside it (h84).
#[test]
fn fixed_text_keeps_the_look_of_the_run_it_replaces() {
    let plain = r#"<w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:hAnsi="仿宋_GB2312" w:eastAsia="仿宋_GB2312"/></w:rPr>"#;
    let bold = r#"<w:rPr><w:rFonts w:eastAsia="黑体" w:hint="eastAsia"/><w:b/><w:bCs/><w:color w:val="FF0000"/></w:rPr>"#;
    let styled = r#"<w:rPr><w:rStyle w:val="RedStrong"/></w:rPr>"#;
    let mut word = complete_report();
    word.raw(&format!(
        r#"<w:r>{plain}<w:t>推进调解仲裁</w:t></w:r><w:r>{bold}<w:t>,</w:t></w:r><w:r>{plain}<w:t>仲裁结案率达到96%。</w:t></w:r>"#
    ));
    word.raw(&format!(
        r#"<w:r>{plain}<w:t>开展普法活动</w:t></w:r><w:r>{styled}<w:t>...</w:t></w:r><w:r>{plain}<w:t>全年共计12场。</w:t></w:r>"#
    ));
    let (_, _, out) = annotated(&word.build());
    let xml = document_xml(&out.bytes);
    let inserted = Regex::new(r#"(?s)<w:ins [^>]*w:author="nianbao"[^>]*>(.*?)</w:ins>"#).unwrap();
    let fixed = |text: &str| -> String {
        inserted
            .captures_iter(&xml)
            .map(|c| c.get(1).unwrap().as_str().to_owned())
            .find(|i| i.contains(&format!(">{text}<")))
            .unwrap_or_else(|| panic!("no fix to {text}: {xml}"))
    };
    let comma = fixed("，");
    assert!(
        comma.contains("<w:b/>") && comma.contains("FF0000") && comma.contains("黑体"),
        "{comma}"
    );
    assert!(fixed("……").contains("RedStrong"), "{xml}");
}

/// A fix whose words another reviewer's comment starts or ends inside is left to the
/// comment (deleted, the marker would leave that comment's range to the editor's
/// guess); the finding still gets its comment (h43).
#[test]
fn a_fix_across_another_reviewers_comment_start_is_not_tracked() {
    let mut word = complete_report();
    word.raw(
        r#"<w:r><w:t>组织执法人员参加国务</w:t></w:r><w:commentRangeStart w:id="7"/><w:r><w:t>院法制办组织的培训。</w:t></w:r><w:commentRangeEnd w:id="7"/>"#,
    );
    let original = word.build();
    let (source, diagnostics, out) = annotated(&original);
    let at = source.text.find("国务院法制办").unwrap();
    let wording: Vec<usize> = (diagnostics.iter().enumerate())
        .filter(|(_, d)| d.rule == "wording" && d.span.start >= at && d.span.start < at + 18)
        .map(|(i, _)| i)
        .collect();
    assert_eq!(wording.len(), 1, "{diagnostics:?}");
    assert!(!out.tracked.contains(&wording[0]), "{:?}", out.tracked);
    let xml = document_xml(&out.bytes);
    assert_eq!(xml.matches(r#"<w:commentRangeStart w:id="7"/>"#).count(), 1);
    let accepted = read(&resolve(&out.bytes, true));
    assert!(accepted.text.contains("国务院法制办"), "{}", accepted.text);
}
