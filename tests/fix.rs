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
