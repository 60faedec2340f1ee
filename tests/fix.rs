//! `--fix` and `--diff`: fixes applied once, nothing else touched, the file's encoding,
//! BOM, line endings and permissions kept; files with nothing to fix left alone.

mod common;

use common::nianbao;
use nianbao::decode::{self, Encoding};
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

const DRAFT: &str = "某县2023年法治政府建设年度报告\n一、2023年主要工作情况\n落实《法治政府建设实施纲要（2021-2025年）》，学习《行政复议法》、《行政诉讼法》，培训执法人员74 名，查处作弊称案件3件。\n";
const FIXED: &str = "某县2023年法治政府建设年度报告\n一、2023年主要工作情况\n落实《法治政府建设实施纲要（2021—2025年）》，学习《行政复议法》《行政诉讼法》，培训执法人员74名，查处作弊秤案件3件。\n";

fn fix(path: &Path) {
    nianbao()
        .args(["lint", "--fix", path.to_str().unwrap()])
        .output()
        .unwrap();
}

#[test]
fn fix_applies_every_fix_once_and_touches_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("draft.txt");
    fs::write(&p, DRAFT).unwrap();
    fs::set_permissions(&p, fs::Permissions::from_mode(0o640)).unwrap();
    fix(&p);
    assert_eq!(fs::read_to_string(&p).unwrap(), FIXED);
    assert_eq!(
        fs::metadata(&p).unwrap().permissions().mode() & 0o777,
        0o640
    );
    let modified = fs::metadata(&p).unwrap().modified().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    fix(&p);
    assert_eq!(
        fs::read_to_string(&p).unwrap(),
        FIXED,
        "a second --fix changes nothing"
    );
    assert_eq!(
        fs::metadata(&p).unwrap().modified().unwrap(),
        modified,
        "nothing to fix: file untouched"
    );
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file left behind"
    );
}

/// A text in traditional characters is read in simplified ones; a fix that would write
/// simplified characters into it (`作弊稱` → `作弊秤`) is left out, the others are made.
#[test]
fn a_traditional_text_gets_only_the_fixes_that_keep_its_script() {
    let draft = "某縣2023年法治政府建設年度報告\n一、2023年主要工作情況\n黨委會研究部署法治建設，落實《法治政府建設實施綱要（2021-2025年）》，學習《行政復議法》、《行政訴訟法》，培訓執法人員74 名，查處作弊稱案件3件。\n";
    let fixed = "某縣2023年法治政府建設年度報告\n一、2023年主要工作情況\n黨委會研究部署法治建設，落實《法治政府建設實施綱要（2021—2025年）》，學習《行政復議法》《行政訴訟法》，培訓執法人員74名，查處作弊稱案件3件。\n";
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("draft.txt");
    fs::write(&p, draft).unwrap();
    fix(&p);
    assert_eq!(fs::read_to_string(&p).unwrap(), fixed);
    // The wording finding is still reported, at the traditional text.
    let out = nianbao()
        .args(["lint", "--format", "short", p.to_str().unwrap()])
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&out.stdout);
    assert!(out.contains("wording"), "{out}");
    assert!(!out.contains("title-missing"), "{out}");
}

#[test]
fn fix_keeps_encoding_bom_and_line_endings() {
    let dir = tempfile::tempdir().unwrap();
    for (name, encoding, bom) in [
        ("gb.txt", Encoding::Gb18030, false),
        ("le.txt", Encoding::Utf16Le, true),
        ("bom.txt", Encoding::Utf8, true),
    ] {
        let p = dir.path().join(name);
        fs::write(
            &p,
            decode::encode(&DRAFT.replace('\n', "\r\n"), encoding, bom),
        )
        .unwrap();
        fix(&p);
        let expected = decode::encode(&FIXED.replace('\n', "\r\n"), encoding, bom);
        assert_eq!(fs::read(&p).unwrap(), expected, "{name}");
    }
}

#[test]
fn diff_prints_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("draft.txt");
    fs::write(&p, DRAFT).unwrap();
    let out = nianbao()
        .args(["lint", "--diff", p.to_str().unwrap()])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("-落实《法治政府建设实施纲要（2021-2025年）》"),
        "{text}"
    );
    assert!(
        text.contains("+落实《法治政府建设实施纲要（2021—2025年）》"),
        "{text}"
    );
    assert_eq!(fs::read_to_string(&p).unwrap(), DRAFT);
    // The findings go to standard error: the diff and a JSON document each stay whole.
    let out = nianbao()
        .args(["lint", "--diff", "--format", "json", p.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("--- a/"));
    let findings: Result<serde_json::Value, _> = serde_json::from_slice(&out.stderr);
    assert!(findings.is_ok(), "{findings:?}");
}

#[test]
fn docx_is_never_rewritten() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("draft.docx");
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    w.start_file(
        "word/document.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    use std::io::Write;
    w.write_all("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>培训执法人员74 名</w:t></w:r></w:p></w:body></w:document>".as_bytes()).unwrap();
    let bytes = w.finish().unwrap().into_inner();
    fs::write(&p, &bytes).unwrap();
    let out = nianbao()
        .args(["lint", "--fix", "--format", "short", p.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(fs::read(&p).unwrap(), bytes);
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("[number-format]"),
        "the fix stays reported"
    );
}

/// A web page is read as its text and never rewritten; `--fix` says so.
#[test]
fn a_web_page_is_never_rewritten_and_fix_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("page.html");
    let page = "<html><body><p>培训执法人员74 名,开展宣传。</p></body></html>";
    fs::write(&p, page).unwrap();
    let out = nianbao()
        .args(["lint", "--fix", p.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(fs::read_to_string(&p).unwrap(), page);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("不会被改写"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Piped in, a page is read as a page: its text linted, not its markup, and the
    // document comes back as it was.
    let page = "<!DOCTYPE html><html><head><style>p{font-family:\"仿宋\",serif}</style></head>\
                <body><p>培训执法人员74 名,开展宣传。</p></body></html>";
    let out = nianbao()
        .args(["lint", "--fix", "-"])
        .write_stdin(page)
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), page);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("不会被改写") && !stderr.contains("serif"),
        "{stderr}"
    );
}

fn lint_fix(args: &[&str]) -> std::process::Output {
    nianbao()
        .args(["lint", "--fix", "--color", "never"])
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn stdin_fix_writes_only_the_document_in_its_encoding() {
    let input = decode::encode(&DRAFT.replace('\n', "\r\n"), Encoding::Gb18030, false);
    let out = nianbao()
        .args(["lint", "--fix", "-"])
        .write_stdin(input)
        .output()
        .unwrap();
    let expected = decode::encode(&FIXED.replace('\n', "\r\n"), Encoding::Gb18030, false);
    assert_eq!(out.stdout, expected, "stdout is the fixed document alone");
    assert!(String::from_utf8_lossy(&out.stderr).contains("检查了 1 个文件"));
    // Nothing to fix: the document comes back as it was.
    let fixed = nianbao()
        .args(["lint", "--fix", "-"])
        .write_stdin(expected.clone())
        .output()
        .unwrap();
    assert_eq!(fixed.stdout, expected);
    // `--diff -` prints the diff.
    let diff = nianbao()
        .args(["lint", "--diff", "-"])
        .write_stdin(DRAFT)
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&diff.stdout)
            .contains("+落实《法治政府建设实施纲要（2021—2025年）》")
    );
}

#[test]
fn a_symlink_gets_its_target_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.txt");
    let link = dir.path().join("link.txt");
    fs::write(&real, DRAFT).unwrap();
    std::os::unix::fs::symlink(&real, &link).unwrap();
    fix(&link);
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(fs::read_to_string(&real).unwrap(), FIXED);
}

#[test]
fn pipes_dev_stdin_and_proc_fd_are_never_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo.txt");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::write(fifo, DRAFT).unwrap())
    };
    let out = lint_fix(&[fifo.to_str().unwrap()]);
    writer.join().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("不是普通文件"));
    assert!(
        !fs::symlink_metadata(&fifo).unwrap().is_file(),
        "still a FIFO"
    );
    let file = dir.path().join("in.txt");
    fs::write(&file, DRAFT).unwrap();
    let up = format!("{}/../../../../../../../../dev/stdin", dir.path().display());
    for special in ["/dev/stdin", "/proc/self/fd/0", &up] {
        let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("nianbao"))
            .args(["lint", "--fix", special])
            .stdin(fs::File::open(&file).unwrap())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{special}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("不是普通文件"),
            "{special}"
        );
        assert_eq!(fs::read_to_string(&file).unwrap(), DRAFT, "{special}");
    }
    assert!(
        fs::symlink_metadata("/dev/stdin")
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[test]
fn hard_links_and_read_only_files_are_left_alone_unless_in_place() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    fs::write(&a, DRAFT).unwrap();
    fs::hard_link(&a, &b).unwrap();
    let out = lint_fix(&[a.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("硬链接"));
    assert_eq!(fs::read_to_string(&a).unwrap(), DRAFT);
    lint_fix(&["--in-place", a.to_str().unwrap()]);
    assert_eq!(
        fs::read_to_string(&b).unwrap(),
        FIXED,
        "fixed through every name"
    );
    assert_eq!(
        fs::metadata(&a).unwrap().ino(),
        fs::metadata(&b).unwrap().ino()
    );

    let ro = dir.path().join("ro.txt");
    fs::write(&ro, DRAFT).unwrap();
    fs::set_permissions(&ro, fs::Permissions::from_mode(0o444)).unwrap();
    let out = lint_fix(&[ro.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("只读"));
    assert_eq!(fs::read_to_string(&ro).unwrap(), DRAFT);
}

#[test]
fn owner_and_group_are_kept() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.txt");
    fs::write(&p, DRAFT).unwrap();
    if std::os::unix::fs::chown(&p, Some(4321), Some(4321)).is_err() {
        eprintln!("note: not root; owner test skipped");
        return;
    }
    fix(&p);
    let m = fs::metadata(&p).unwrap();
    assert_eq!(fs::read_to_string(&p).unwrap(), FIXED);
    assert_eq!((m.uid(), m.gid()), (4321, 4321));
}

#[test]
fn urls_paths_code_and_link_targets_are_never_fixed_or_reported() {
    let text = "某县2023年法治政府建设年度报告\n一、2023年主要工作情况\n详见[全文](http://www.gov.cn/法治,政府/2021-2025年规划.html)和https://sf.gov.cn/2021-2025年/a,b.pdf，\
                文件存于C:\\资料\\2021-2025年,汇总.docx，代码`x,y(1-11月)`，邮箱fa,zhi@gov.cn。另有1-11月数据(甲)（乙）（丙）。\n";
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("r.md");
    fs::write(&p, text).unwrap();
    let out = nianbao()
        .args(["lint", "--format", "json", p.to_str().unwrap()])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let flagged: Vec<&str> = v["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| ["range-dash", "punctuation-width"].contains(&d["rule"].as_str().unwrap()))
        .map(|d| {
            &text[d["byte_start"].as_u64().unwrap() as usize
                ..d["byte_end"].as_u64().unwrap() as usize]
        })
        .collect();
    assert_eq!(flagged, ["1-11月", "(", ")"], "only the prose is flagged");
    fix(&p);
    let fixed = fs::read_to_string(&p).unwrap();
    assert_eq!(
        fixed,
        text.replace("另有1-11月数据(甲)", "另有1—11月数据（甲）")
    );
}

/// A fix beside a path could hide it from the next pass: `3、/home/…` made `3./home/…` (to
/// number like the other headings) is no longer read as a path, and its `(` would be
/// fixed then, or on the next run. Fixes next to a protected span are left out.
#[test]
fn a_fix_beside_a_path_never_unprotects_it() {
    let text = "一、甲\n2、乙\n3、/home/用户/报告(1).txt 中(见)\n";
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("r.txt");
    fs::write(&p, text).unwrap();
    fix(&p);
    let fixed = fs::read_to_string(&p).unwrap();
    assert_eq!(fixed, "一、甲\n2.乙\n3、/home/用户/报告(1).txt 中（见）\n");
    fix(&p);
    assert_eq!(
        fs::read_to_string(&p).unwrap(),
        fixed,
        "a second run changes nothing"
    );
}

#[test]
fn gb18030_bytes_outside_the_fixes_are_copied() {
    // 0x80 (€), A3A0 and a four-byte code all decode to characters that the encoder
    // writes differently; they must come back as they were.
    let odd = b"\x80\xA3\xA0\x84\x31\xA4\x37";
    let mut bytes = decode::encode("某县2023年法治政府建设年度报告\n", Encoding::Gb18030, false);
    bytes.extend_from_slice(odd);
    bytes.extend(decode::encode("培训74 名", Encoding::Gb18030, false));
    bytes.extend_from_slice(odd);
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("gb.txt");
    fs::write(&p, &bytes).unwrap();
    nianbao()
        .args([
            "lint",
            "--fix",
            "--encoding",
            "gb18030",
            p.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    let space = bytes.windows(2).position(|w| w == b"4 ").unwrap() + 1;
    let mut expected = bytes.clone();
    expected.remove(space);
    assert_eq!(fs::read(&p).unwrap(), expected);
}

#[test]
fn fixing_runs_of_half_width_marks_is_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("r.txt");
    let text = "某县2023年法治政府建设年度报告\n一、工作\n依法行政（全面推进）((一)项，推进法治,,政府建设，加强监督（重点），做好服务（群众），落实责任，强化考核。";
    fs::write(&p, text).unwrap();
    fix(&p);
    let once = fs::read_to_string(&p).unwrap();
    assert!(once.contains("）（（一）项"), "{once}");
    assert!(
        !once.contains(','),
        "the whole run of commas is fixed: {once}"
    );
    fix(&p);
    assert_eq!(
        fs::read_to_string(&p).unwrap(),
        once,
        "a second fix changes nothing"
    );
}

#[test]
fn a_closed_stderr_and_stdout_stop_nothing() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..30 {
        fs::write(dir.path().join(format!("{i:02}.txt")), DRAFT).unwrap();
    }
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("nianbao"))
        .args(["lint", "--fix", dir.path().to_str().unwrap()])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    drop(child.stderr.take());
    let status = child.wait().unwrap();
    assert_ne!(status.code(), Some(101), "no panic");
    for i in 0..30 {
        let text = fs::read_to_string(dir.path().join(format!("{i:02}.txt"))).unwrap();
        assert_eq!(text, FIXED, "file {i} fixed");
    }
}
