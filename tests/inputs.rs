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
    let source = input::read(path, Default::default()).unwrap();
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
    // RTF, under its own name or a Word one, is refused with what to do; a web page
    // saved as `.doc` (as sites publish reports) is read as the page it is (h54).
    for name in ["报告.rtf", "报告2.doc"] {
        let rtf = write(
            dir.path(),
            name,
            b"{\\rtf1\\ansi\\ansicpg936 {\\fonttbl}\\par 2023\\par}",
        );
        let message = lint_error(&rtf);
        assert!(
            message.contains("RTF") && message.contains("另存为"),
            "{message}"
        );
    }
    let page = write(
        dir.path(),
        "网页.doc",
        "<html><body><h1>某县2023年度法治政府建设情况报告</h1><p>一、主要工作</p></body></html>"
            .as_bytes(),
    );
    nianbao()
        .args(["lint", "--select", "title-missing", page.to_str().unwrap()])
        .assert()
        .code(0);
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
    // A page saved whole keeps its resources in a folder beside it; a folder of that
    // name beside no page holds reports.
    write(dir.path(), "网页.html", b"<h1>page</h1>");
    write(dir.path(), "大写.HTM", b"<h1>page</h1>");
    for folder in ["网页_files", "网页.files", "旧稿_files", "大写_files"] {
        std::fs::create_dir(dir.path().join(folder)).unwrap();
        write(&dir.path().join(folder), "框架.html", b"<p>frame</p>");
    }
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
    assert_eq!(stdout.matches("框架.html").count(), 1, "{stdout}");
    assert!(stdout.contains("旧稿_files"), "{stdout}");
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

fn lint_output(args: &[&std::ffi::OsStr]) -> std::process::Output {
    nianbao()
        .args(["lint", "--color", "never"])
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn inputs_over_the_size_limit_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let big = write(dir.path(), "big.txt", "法治".repeat(1000).as_bytes());
    let out = nianbao()
        .args(["lint", "--max-size", "1K", big.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("超过大小上限 1 KB"));
    // Devices and endless pipes are read up to the limit and no further.
    let out = nianbao()
        .args(["lint", "--max-size", "1M", "/dev/zero"])
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("超过大小上限"));
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("nianbao"))
        .args(["lint", "--max-size", "1M", "-"])
        .stdin(fs::File::open("/dev/zero").unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("<stdin>：超过大小上限"));
}

#[test]
fn utf32_and_big5_are_refused_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let mut utf32 = b"\xFF\xFE\x00\x00".to_vec();
    utf32.extend(
        "一、主要工作"
            .chars()
            .flat_map(|c| u32::from(c).to_le_bytes()),
    );
    let p = write(dir.path(), "u32.txt", &utf32);
    let err = String::from_utf8_lossy(&lint_output(&[p.as_os_str()]).stderr).to_string();
    assert!(err.contains("UTF-32"), "{err}");
    let (big5, _, _) =
        encoding_rs::BIG5.encode("某縣2023年法治政府建設年度報告\n一、主要工作情況\n依法行政，推進法治政府建設取得明顯成效。");
    let p = write(dir.path(), "big5.txt", &big5);
    let out = lint_output(&[p.as_os_str()]);
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(2));
    assert!(err.contains("Big5"), "{err}");
    // Real GBK text is not mistaken for Big5.
    let gbk = decode::encode(&report(), Encoding::Gb18030, false);
    let p = write(dir.path(), "gbk.txt", &gbk);
    assert!(!String::from_utf8_lossy(&lint_output(&[p.as_os_str()]).stderr).contains("Big5"));
}

#[test]
fn gbk_bytes_that_validate_as_utf8_get_a_hint() {
    // Each of these characters is GBK `C2..D7 A1..BF`, which is also a valid UTF-8
    // sequence: the file decodes as UTF-8 into Latin and Greek letters.
    let (gbk, _, _) = encoding_rs::GBK.encode("同时实施平台 同时实施平台");
    assert!(std::str::from_utf8(&gbk).is_ok());
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "gbk.txt", &gbk);
    let err = String::from_utf8_lossy(&lint_output(&[p.as_os_str()]).stderr).to_string();
    assert!(err.contains("--encoding gbk"), "{err}");
    // Real UTF-8 gets no hint.
    let p = write(dir.path(), "utf8.txt", report().as_bytes());
    let err = String::from_utf8_lossy(&lint_output(&[p.as_os_str()]).stderr).to_string();
    assert!(!err.contains("--encoding"), "{err}");
}

#[test]
fn file_names_that_are_not_utf8_are_linted() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    // "报告.txt" with a GBK name, as unpacked from a Windows zip.
    let name = std::ffi::OsStr::from_bytes(b"\xB1\xA8\xB8\xE6.txt");
    let p = write(dir.path(), "x", b"");
    fs::rename(&p, dir.path().join(name)).unwrap();
    fs::write(dir.path().join(name), report()).unwrap();
    for arg in [dir.path().as_os_str(), dir.path().join(name).as_os_str()] {
        let out = lint_output(&[arg]);
        let (stdout, stderr) = (
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr),
        );
        assert!(!stderr.contains("不存在"), "{stderr}");
        assert!(stdout.contains("检查了 1 个文件"), "{stdout}");
        assert!(
            stdout.contains("\u{FFFD}"),
            "the name is shown lossily: {stdout}"
        );
    }
}

#[test]
fn config_applies_however_the_file_is_named() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("sub")).unwrap();
    fs::write(
        dir.path().join("nianbao.toml"),
        "[rules.section-missing]\nseverity = \"off\"\n",
    )
    .unwrap();
    fs::write(dir.path().join("sub/r.txt"), "一、主要工作\n做了工作。\n").unwrap();
    let run = |name: &str| {
        let out = nianbao()
            .current_dir(dir.path().join("sub"))
            .args(["lint", "--format", "short", name])
            .output()
            .unwrap();
        (
            String::from_utf8_lossy(&out.stdout).replace("./", ""),
            out.status.code(),
        )
    };
    let bare = run("r.txt");
    assert!(!bare.0.contains("section-missing"), "{}", bare.0);
    assert_eq!(bare, run("./r.txt"));
}

#[test]
fn documents_cannot_drive_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let text = "某县2023年法治政府建设年度报告\n一、工作\n\u{1b}]0;x\u{7}\u{1b}[2J调解成功率上升10%\u{202e}，74 名。\n";
    let p = write(dir.path(), "r.txt", text.as_bytes());
    for format in ["human", "short", "github", "json", "sarif"] {
        let out = nianbao()
            .args([
                "lint",
                "--color",
                "never",
                "--format",
                format,
                p.to_str().unwrap(),
            ])
            .output()
            .unwrap();
        let all = [out.stdout, out.stderr].concat();
        let all = String::from_utf8_lossy(&all);
        assert!(
            !all.contains(['\u{1b}', '\u{7}', '\u{202e}']),
            "{format}: {all:?}"
        );
    }
}
