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

/// The deadline column is the one the date-deadline rule applies: a department's own
/// under `department-deadline`, the general one for a government.
#[test]
fn the_deadline_column_follows_department_deadline() {
    let dir = tempfile::tempdir().unwrap();
    let clean = fs::read_to_string(example("clean.txt")).unwrap();
    fs::write(dir.path().join("a-gov.txt"), &clean).unwrap();
    let bureau = clean
        .replace("某县人民政府关于", "某县司法局关于")
        .replace("\n某县人民政府\n", "\n某县司法局\n");
    fs::write(dir.path().join("b-bureau.txt"), bureau).unwrap();
    fs::write(
        dir.path().join("nianbao.toml"),
        "deadline = \"04-01\"\ndepartment-deadline = \"03-01\"\n",
    )
    .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&report(dir.path(), "json").stdout).unwrap();
    let due: Vec<&str> = v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["due"].as_str().unwrap())
        .collect();
    assert_eq!(due, ["2025-04-01", "2025-03-01"]);
}

/// A 落款 with its year and month only is a date in the table: shown as such, and the
/// status follows it (on time, late, or unknown when the month holds the deadline).
#[test]
fn a_month_without_its_day_dates_the_row() {
    let dir = tempfile::tempdir().unwrap();
    let clean = fs::read_to_string(example("clean.txt")).unwrap();
    let (signed, _) = clean.rsplit_once("\n2025年").unwrap();
    for (name, month) in [
        ("a.txt", "2025年3月"),
        ("b.txt", "2025年4月"),
        ("c.txt", "2025年5月"),
        ("d.txt", "2025年6月"),
    ] {
        fs::write(dir.path().join(name), format!("{signed}\n{month}\n")).unwrap();
    }
    fs::write(dir.path().join("nianbao.toml"), "deadline = \"05-10\"\n").unwrap();
    let v: serde_json::Value = serde_json::from_slice(&report(dir.path(), "json").stdout).unwrap();
    let cells: Vec<(&str, &str)> = v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["signed"].as_str().unwrap(), r["status"].as_str().unwrap()))
        .collect();
    assert_eq!(
        cells,
        [
            ("2025-03", "on-time"),
            ("2025-04", "on-time"),
            ("2025-05", "unknown"),
            ("2025-06", "late")
        ]
    );
}

/// A page giving two publication dates shows both: the status may rest on either. Each
/// is written `YYYY-MM-DD` (for sorting and filtering in a spreadsheet), and the same day
/// given twice is shown once (h45).
#[test]
fn every_publication_date_is_in_its_cell() {
    let dir = tempfile::tempdir().unwrap();
    let clean = fs::read_to_string(example("clean.txt")).unwrap();
    let page = format!("发布日期：2025年03月20日\n发布时间：2025-04-03 10:15\n{clean}");
    fs::write(dir.path().join("r.txt"), page).unwrap();
    let v: serde_json::Value = serde_json::from_slice(&report(dir.path(), "json").stdout).unwrap();
    assert_eq!(v["rows"][0]["published"], "2025-03-20、2025-04-03");
    assert_eq!(v["rows"][0]["status"], "late");
    let page = format!("发布时间：2025-03-20 10:15\n发布日期：2025-03-20\n{clean}");
    fs::write(dir.path().join("r.txt"), page).unwrap();
    let v: serde_json::Value = serde_json::from_slice(&report(dir.path(), "json").stdout).unwrap();
    assert_eq!(v["rows"][0]["published"], "2025-03-20");
}

/// A page giving its title only as a field (`名　　称：…`) has that title in its cell.
#[test]
fn a_title_given_as_a_field_fills_its_cell() {
    let dir = tempfile::tempdir().unwrap();
    let clean = fs::read_to_string(example("clean.txt")).unwrap();
    let (title, body) = clean.split_once('\n').unwrap();
    fs::write(
        dir.path().join("r.txt"),
        format!("名　　称：{title}\n{body}"),
    )
    .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&report(dir.path(), "json").stdout).unwrap();
    assert_eq!(v["rows"][0]["title"], title);
}

/// A title over two lines (a blank line between, as a layout leaves it) is one line in
/// its cell.
#[test]
fn a_wrapped_title_is_one_line_in_its_cell() {
    let dir = tempfile::tempdir().unwrap();
    let clean = fs::read_to_string(example("clean.txt")).unwrap();
    let wrapped = clean.replacen(
        "某县人民政府关于2024年法治政府建设年度报告",
        "某县人民政府\n\n关于2024年法治政府建设年度报告",
        1,
    );
    fs::write(dir.path().join("r.txt"), wrapped).unwrap();
    let v: serde_json::Value = serde_json::from_slice(&report(dir.path(), "json").stdout).unwrap();
    assert_eq!(
        v["rows"][0]["title"],
        "某县人民政府关于2024年法治政府建设年度报告"
    );
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
        .arg(dir.path().join("defects.txt"))
        .assert()
        .code(1);
    let bytes = fs::read(&target).unwrap();
    assert!(bytes.starts_with(b"PK"), "an xlsx is a zip archive");
    // Readable as any new file is (0666 less the umask), not only by its owner.
    use std::os::unix::fs::PermissionsExt;
    let plain = target.with_file_name("plain");
    fs::File::create(&plain).unwrap();
    let mode = |p: &std::path::Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&target), mode(&plain));
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut sheet = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/worksheets/sheet1.xml").unwrap(),
        &mut sheet,
    )
    .unwrap();
    assert!(sheet.contains("<pane"), "frozen header: {sheet}");
    assert!(sheet.contains("<autoFilter"), "filters: {sheet}");
    let mut styles = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("xl/styles.xml").unwrap(), &mut styles).unwrap();
    assert!(styles.contains("FFC7CE"), "problem cells filled: {styles}");
}

/// Without `--format`, the output file's extension names the format (h71).
#[test]
fn the_output_files_extension_names_the_format() {
    let dir = desk();
    for (name, starts) in [
        ("汇总.xlsx", &b"PK"[..]),
        ("汇总.csv", "\u{feff}".as_bytes()),
        ("汇总.json", b"{"),
        ("汇总.html", b"<!DOCTYPE html>"),
    ] {
        let target = dir.path().join(name);
        nianbao()
            .args(["report", "--output"])
            .arg(&target)
            .arg(dir.path().join("clean.txt"))
            .assert()
            .success();
        let bytes = fs::read(&target).unwrap();
        assert!(bytes.starts_with(starts), "{name}");
    }
}

/// An output file in a folder that does not exist: said in Chinese, naming only the
/// file the user gave (h71).
#[test]
fn an_output_file_in_a_missing_folder() {
    let dir = desk();
    let target = dir.path().join("无此目录").join("汇总.json");
    let err = stderr_with_code(
        nianbao()
            .args(["lint", "--format", "json", "-o"])
            .arg(&target)
            .arg(dir.path().join("clean.txt")),
        2,
    );
    assert!(
        err.contains("汇总.json：无法写入（文件或目录不存在"),
        "{err}"
    );
    assert!(!err.contains(".nianbao-"), "{err}");
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

#[test]
fn html_report_is_self_contained_and_escapes_documents() {
    let dir = desk();
    let clean = fs::read_to_string(example("clean.txt")).unwrap();
    let hostile = clean.replacen(
        "某县人民政府关于",
        "<script>alert(1)</script>某县人民政府关于",
        1,
    );
    fs::write(dir.path().join("hostile.txt"), hostile).unwrap();
    let html = String::from_utf8(report(dir.path(), "html").stdout).unwrap();
    assert!(!html.contains("<script>alert"), "document text escaped");
    assert!(html.contains("&lt;script&gt;alert(1)"), "and still shown");
    for external in ["src=", "href=", "@import", "url("] {
        assert!(!html.contains(external), "no external resource: {external}");
    }
    assert_eq!(html.matches("<svg").count(), 2, "two charts");
    assert!(html.contains("第一责任人职责"));
    assert!(html.contains("建议："), "findings carry their help");
    assert!(html.contains("<mark>"), "findings quote their sentence");
}

/// Headless Chromium renders the page: every file is a table row, the charts are drawn,
/// the sort script runs without errors (a click on 错误 reorders the rows).
#[test]
fn html_report_renders_in_chromium() {
    let Some(chromium) = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .into_iter()
        .find(|p| Path::new(p).exists())
    else {
        eprintln!("skipped: Chromium is not installed (apt-get install chromium)");
        return;
    };
    let dir = desk();
    let page = dir.path().join("汇总.html");
    nianbao()
        .args(["report", "--format", "html", "--output"])
        .arg(&page)
        .arg(dir.path())
        .assert()
        .code(2);
    // After loading, click the 错误 heading twice (descending) and record script errors.
    let mut html = fs::read_to_string(&page).unwrap();
    let probe = "<script>window.__errors=[];window.addEventListener('error',\
        function(e){window.__errors.push(String(e.message))});</script>";
    html = html.replacen("<head>", &format!("<head>{probe}"), 1);
    html = html.replacen(
        "</body>",
        "<script>var h=document.querySelectorAll('#files th')[9];h.click();h.click();\
         document.body.setAttribute('data-errors',window.__errors.join('|'));\
         document.body.setAttribute('data-first',document.querySelector('#files tbody tr td').textContent);\
         </script></body>",
        1,
    );
    let probed = dir.path().join("probe.html");
    fs::write(&probed, html).unwrap();
    let profile = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", probed.display()))
        .output()
        .unwrap();
    let dom = String::from_utf8_lossy(&out.stdout);
    assert!(dom.contains("data-errors=\"\""), "script errors: {dom}");
    let first = dom.split("data-first=\"").nth(1).unwrap_or_default();
    assert!(
        first.contains("defects.txt"),
        "sorted by errors, most first: {first}"
    );
    let body = dom
        .split("<tbody>")
        .nth(1)
        .unwrap()
        .split("</tbody>")
        .next()
        .unwrap();
    assert_eq!(body.matches("<tr>").count(), 3, "{body}");
    assert!(dom.contains("<rect class=\"bar\""), "charts drawn");
}

#[test]
fn copied_reports_are_found_by_lint_and_report() {
    let dir = tempfile::tempdir().unwrap();
    let clean = fs::read_to_string(example("clean.txt")).unwrap();
    fs::write(dir.path().join("a.txt"), &clean).unwrap();
    // Last year's report, figures changed: still the same text.
    let b = clean
        .replace("2024", "2023")
        .replace("2025", "2024")
        .replace("12项", "9项");
    fs::write(dir.path().join("b.txt"), b).unwrap();
    fs::copy(example("defects.txt"), dir.path().join("c.txt")).unwrap();
    let v: serde_json::Value = serde_json::from_slice(&report(dir.path(), "json").stdout).unwrap();
    let copied = |i: usize| v["rows"][i]["copied"].as_array().unwrap().clone();
    assert_eq!(copied(0).len(), 1, "{v}");
    assert!(copied(0)[0]["other"].as_str().unwrap().ends_with("b.txt"));
    assert!(copied(0)[0]["percent"].as_u64().unwrap() >= 30);
    assert!(copied(2).is_empty(), "{v}");
    let out = nianbao()
        .args(["lint", "--format", "json", dir.path().to_str().unwrap()])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let copied_findings = |i: usize| {
        v["files"][i]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["rule"] == "copied-text")
            .count()
    };
    assert_eq!(
        (copied_findings(0), copied_findings(1), copied_findings(2)),
        (1, 1, 0)
    );
    // A single file is never compared; the rule can be switched off like any other.
    let one = String::from_utf8(
        nianbao()
            .args(["lint", "--format", "json"])
            .arg(dir.path().join("a.txt"))
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(!one.contains("copied-text"));
    let off = String::from_utf8(
        nianbao()
            .args(["lint", "--format", "json", "--ignore", "copied-text"])
            .arg(dir.path())
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(!off.contains("copied-text"));
}

#[test]
fn outline_takes_several_files() {
    let out = nianbao()
        .args([
            "outline",
            "--format",
            "json",
            &example("clean.txt"),
            &example("defects.txt"),
        ])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let all = v.as_array().unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0]["report_year"], 2024);
    assert_eq!(all[1]["issuer"], "某市司法局");
    let human = nianbao()
        .args([
            "outline",
            &example("clean.txt"),
            "no/such.txt",
            &example("defects.txt"),
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(human.stdout).unwrap();
    assert_eq!(text.matches("文件：").count(), 2, "{text}");
    assert_eq!(human.status.code(), Some(2), "the missing file is trouble");
}
