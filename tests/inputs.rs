//! The same report gives the same findings at the same line (or Word paragraph) whatever
//! form it arrives in: UTF-8, GB18030, UTF-16, CRLF line endings, a `.docx`. Bad Word
//! files get clear errors.

mod common;

use common::nianbao;
use nianbao::config::Config;
use nianbao::decode::{self, Encoding};
use nianbao::input;
use nianbao::lint::{Linter, Selection};
use std::fs;
use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};

/// A corpus seed with a signature, title and four sections, else the bundled example.
fn report() -> String {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus/seeds/001_25e9d93095fbb1aa.txt");
    fs::read_to_string(&seed).unwrap_or_else(|_| {
        eprintln!("note: ../shared/corpus is absent; using examples/defects.txt");
        fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/defects.txt")).unwrap()
    })
}

/// A .docx with one Word paragraph per line of `text`.
fn docx(text: &str) -> Vec<u8> {
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let body: String = text
        .lines()
        .map(|l| {
            format!(
                "<w:p><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
                escape(l)
            )
        })
        .collect();
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
    );
    zip_of(&[("word/document.xml", document.as_bytes())])
}

fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for (name, content) in entries {
        w.start_file(*name, options).unwrap();
        w.write_all(content).unwrap();
    }
    w.finish().unwrap().into_inner()
}

/// `(rule, line, column, message)` of every finding in the file at `path`.
fn findings(path: &Path) -> Vec<(String, usize, usize, String)> {
    let source = input::read(path.to_str().unwrap(), None).unwrap();
    let linter = Linter::new(Config::builtin(), &Selection::default());
    linter
        .lint(&source)
        .into_iter()
        .map(|d| {
            let (line, col) = source.position(d.span.start);
            (d.rule.to_string(), line, col, d.message)
        })
        .collect()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn every_encoding_line_ending_and_docx_gives_the_same_findings() {
    let text = report();
    let dir = tempfile::tempdir().unwrap();
    let reference = findings(&write(dir.path(), "utf8.txt", text.as_bytes()));
    assert!(reference.len() >= 3, "{reference:?}");
    let variants = [
        write(
            dir.path(),
            "bom.txt",
            &decode::encode(&text, Encoding::Utf8, true),
        ),
        write(
            dir.path(),
            "gb.txt",
            &decode::encode(&text, Encoding::Gb18030, false),
        ),
        write(
            dir.path(),
            "le.txt",
            &decode::encode(&text, Encoding::Utf16Le, true),
        ),
        write(
            dir.path(),
            "be.txt",
            &decode::encode(&text, Encoding::Utf16Be, true),
        ),
        write(
            dir.path(),
            "crlf.txt",
            text.replace('\n', "\r\n").as_bytes(),
        ),
        write(dir.path(), "cr.txt", text.replace('\n', "\r").as_bytes()),
        write(dir.path(), "report.docx", &docx(&text)),
    ];
    for v in &variants {
        assert_eq!(findings(v), reference, "{}", v.display());
    }
}

fn lint_error(path: &Path) -> String {
    let out = nianbao()
        .args(["lint", path.to_str().unwrap()])
        .assert()
        .code(2);
    String::from_utf8_lossy(&out.get_output().stderr).to_string()
}

#[test]
fn docx_findings_name_the_paragraph() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "r.docx", &docx("一、主要工作\n做了很多工作。"));
    let out = nianbao()
        .args(["lint", "--color", "never", p.to_str().unwrap()])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("第 1 段（按 Word 计"), "{text}");
    let json = nianbao()
        .args(["lint", "--format", "json", p.to_str().unwrap()])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert!(
        v["files"][0]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["paragraph"] == d["line"])
    );
}

#[test]
fn bad_word_files_get_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let good = docx("一、主要工作");
    let truncated = write(dir.path(), "truncated.docx", &good[..good.len() / 2]);
    assert!(lint_error(&truncated).contains("truncated.docx"));
    let no_document = write(
        dir.path(),
        "empty.docx",
        &zip_of(&[("word/styles.xml", b"<x/>")]),
    );
    assert!(lint_error(&no_document).contains("document.xml"));
    let not_zip = write(dir.path(), "text.docx", "只是文字".as_bytes());
    assert!(lint_error(&not_zip).contains("text.docx"));
    let encrypted = write(
        dir.path(),
        "locked.docx",
        &compound(&["EncryptionInfo", "EncryptedPackage"]),
    );
    assert!(lint_error(&encrypted).contains("加密"));
    // An old binary Word file renamed .docx is not called encrypted.
    let renamed = write(
        dir.path(),
        "old.docx",
        &compound(&["WordDocument", "1Table"]),
    );
    let message = lint_error(&renamed);
    assert!(
        message.contains("旧版") && message.contains("另存为"),
        "{message}"
    );
    assert!(!message.contains("加密"), "{message}");
}

/// An OLE compound file holding streams of these names.
fn compound(streams: &[&str]) -> Vec<u8> {
    let mut file = cfb::CompoundFile::create(Cursor::new(Vec::new())).unwrap();
    for name in streams {
        let mut stream = file.create_stream(format!("/{name}")).unwrap();
        stream.write_all(b"\x01\x02\x03\x04").unwrap();
    }
    file.flush().unwrap();
    file.into_inner().into_inner()
}

#[test]
fn old_word_files_and_pdfs_given_by_name_say_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let doc = write(dir.path(), "报告.doc", &compound(&["WordDocument"]));
    let message = lint_error(&doc);
    assert!(
        message.contains("报告.doc") && message.contains("另存为"),
        "{message}"
    );
    let wps = write(dir.path(), "报告.wps", &compound(&["WordDocument"]));
    assert!(lint_error(&wps).contains("另存为"));
    let locked = write(dir.path(), "加密.doc", &compound(&["EncryptionInfo"]));
    assert!(lint_error(&locked).contains("加密"));
    let pdf = write(dir.path(), "报告.pdf", b"%PDF-1.7\n");
    assert!(lint_error(&pdf).contains("PDF"));
    let owner = write(dir.path(), "~$报告.docx", b"\x06nianbao");
    assert!(lint_error(&owner).contains("临时文件"));
    // A .docx saved with an old name is read as what it is.
    let renamed = write(dir.path(), "其实是新格式.doc", &docx("一、主要工作"));
    nianbao()
        .args([
            "lint",
            "--select",
            "title-missing",
            renamed.to_str().unwrap(),
        ])
        .assert()
        .code(1);
}

/// A folder as drafters keep it: the report open in Word (its `~$` owner file beside
/// it), an old `.doc` and a damaged PDF (read, so an input error: exit 2).
#[test]
fn folder_walks_skip_temporary_files_and_list_unreadable_ones() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "报告.docx", &docx("一、主要工作"));
    write(dir.path(), "~$报告.docx", b"\x06nianbao");
    write(dir.path(), ".~lock.报告.docx#", b"lock");
    write(dir.path(), "._报告.docx", b"\x00\x05\x16\x07");
    write(dir.path(), "旧稿.doc", &compound(&["WordDocument"]));
    write(dir.path(), "扫描件.pdf", b"%PDF-1.7\n");
    let out = nianbao()
        .args([
            "lint",
            "--select",
            "title-missing",
            dir.path().to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stdout.contains("报告.docx") && !stdout.contains("~$"),
        "{stdout}"
    );
    assert!(
        !stderr.contains("~$") && !stderr.contains("lock"),
        "{stderr}"
    );
    assert!(
        stderr.contains("跳过") && stderr.contains("旧稿.doc"),
        "{stderr}"
    );
    assert!(stderr.contains("另存为 .docx"), "{stderr}");
    assert!(
        stderr.contains("扫描件.pdf") && stderr.contains("PDF"),
        "{stderr}"
    );
}
