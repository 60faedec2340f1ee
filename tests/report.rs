//! `nianbao report`: the reviewer's table in every format, `--output`, unreadable files.

mod common;

use common::{example, nianbao, stderr_with_code};
use std::fs;
use std::path::Path;

/// A folder with the clean and the defective example and one undecodable `.txt`.
fn desk() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in ["clean.txt", "defects.txt"] {
        fs::copy(example(name), dir.path().join(name)).unwrap();
    }
    fs::write(dir.path().join("zz-broken.txt"), [0xffu8, 0xfe, 0x00, 0xd8]).unwrap();
    dir
}

fn report(dir: &Path, format: &str) -> std::process::Output {
    nianbao()
        .args(["report", "--format", format, dir.to_str().unwrap()])
        .output()
        .unwrap()
}

#[test]
fn table_has_chinese_columns_parts_and_totals() {
    let dir = desk();
    let out = report(dir.path(), "table");
    let text = String::from_utf8(out.stdout).unwrap();
    for column in [
        "文件",
        "标题",
        "落款日期",
        "适用期限",
        "期限状态",
        "缺少部分",
        "主要问题",
        "雷同",
    ] {
        assert!(text.lines().next().unwrap().contains(column), "{text}");
    }
    let defects = text.lines().find(|l| l.contains("defects.txt")).unwrap();
    assert!(defects.contains("第一责任人职责"), "{defects}");
    assert!(!defects.contains("duties"), "{defects}");
    let clean = text.lines().find(|l| l.contains("clean.txt")).unwrap();
    assert!(clean.contains("2025-01-20"), "{clean}");
    assert!(clean.contains("2025-04-01"), "{clean}");
    assert!(clean.contains("按期"), "{clean}");
    let broken = text.lines().find(|l| l.contains("zz-broken.txt")).unwrap();
    assert!(broken.contains("无法读取"), "{broken}");
    assert!(text.contains("合计：文件数 3"), "{text}");
    assert!(text.contains("缺少第一责任人职责 1"), "{text}");
    assert_eq!(out.status.code(), Some(2), "an unreadable file is trouble");
}

#[test]
fn csv_has_a_bom_crlf_rows_and_totals() {
    let dir = desk();
    let bytes = report(dir.path(), "csv").stdout;
    assert!(bytes.starts_with("\u{feff}文件,标题,".as_bytes()));
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.contains("\r\n"), "{text}");
    assert_eq!(text.lines().filter(|l| l.contains(".txt")).count(), 3);
    assert!(text.contains("合计：文件数,3"), "{text}");
}

#[test]
fn csv_neutralises_formulas_from_documents() {
    let dir = tempfile::tempdir().unwrap();
    let clean = fs::read_to_string(example("clean.txt")).unwrap();
    let text = clean.replacen(
        "某县人民政府关于",
        "=HYPERLINK(\"http://x\")某县人民政府关于",
        1,
    );
    fs::write(dir.path().join("a.txt"), text).unwrap();
    let csv = String::from_utf8(report(dir.path(), "csv").stdout).unwrap();
    assert!(!csv.contains(",=HYPERLINK"), "{csv}");
}

#[test]
fn json_gives_the_table_rows_and_totals() {
    let dir = desk();
    let v: serde_json::Value = serde_json::from_slice(&report(dir.path(), "json").stdout).unwrap();
    let rows = v["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 3);
    let defects = rows
        .iter()
        .find(|r| r["path"].as_str().unwrap().ends_with("defects.txt"));
    let missing = defects.unwrap()["missing"].as_array().unwrap();
    assert!(missing.iter().any(|m| m == "第一责任人职责"), "{missing:?}");
    assert!(rows[2]["unreadable"].is_string(), "{:?}", rows[2]);
    assert_eq!(v["totals"]["files"], 3);
    assert_eq!(v["columns"][0], "文件");
}

#[test]
fn xlsx_is_written_to_the_output_file() {
    let dir = desk();
    let target = dir.path().join("out").join("汇总.xlsx");
    fs::create_dir_all(target.parent().unwrap()).unwrap();
    nianbao()
        .args(["report", "--format", "xlsx", "--output"])
        .arg(&target)
        .arg(dir.path().join("clean.txt"))
        .assert()
        .code(0);
    let bytes = fs::read(&target).unwrap();
    assert!(bytes.starts_with(b"PK"), "an xlsx is a zip archive");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut sheet = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/worksheets/sheet1.xml").unwrap(),
        &mut sheet,
    )
    .unwrap();
    assert!(sheet.contains("<pane"), "frozen header: {sheet}");
    assert!(sheet.contains("<autoFilter"), "filters: {sheet}");
}

#[test]
fn xlsx_needs_an_output_file() {
    let err = stderr_with_code(
        nianbao().args(["report", "--format", "xlsx", &example("clean.txt")]),
        2,
    );
    assert!(err.contains("--output"), "{err}");
}

#[test]
fn output_never_overwrites_an_input() {
    let dir = desk();
    let input = dir.path().join("clean.txt");
    let before = fs::read(&input).unwrap();
    for command in ["report", "lint"] {
        let err = stderr_with_code(
            nianbao()
                .args([command, "--output"])
                .arg(&input)
                .arg(&input),
            2,
        );
        assert!(err.contains("拒绝覆盖"), "{err}");
        assert_eq!(fs::read(&input).unwrap(), before);
    }
}

#[test]
fn lint_output_goes_to_the_file() {
    let dir = desk();
    let target = dir.path().join("findings.json");
    nianbao()
        .args(["lint", "--format", "json", "--output"])
        .arg(&target)
        .arg(dir.path().join("defects.txt"))
        .assert()
        .code(1)
        .stdout("");
    let v: serde_json::Value = serde_json::from_slice(&fs::read(&target).unwrap()).unwrap();
    assert!(v["summary"]["errors"].as_u64().unwrap() > 0);
}
