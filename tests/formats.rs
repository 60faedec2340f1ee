//! Output formats for tools and reviewers: short, github, sarif, --statistics, report,
//! plus [[ignore]] suppressions and `init`.

mod common;

use common::{example, nianbao, stderr_with_code, stdout_of};
use std::fs;

#[test]
fn short_format_is_one_line_per_finding() {
    let out = stdout_of(nianbao().args(["lint", "--format", "short", &example("defects.txt")]));
    let line = out
        .lines()
        .find(|l| l.contains("[section-missing]"))
        .unwrap();
    assert!(
        line.starts_with(&format!(
            "{}:17:1: error[section-missing] ",
            example("defects.txt")
        )),
        "{line}"
    );
    assert!(
        out.lines()
            .all(|l| l.contains(": error[") || l.contains(": warning[") || l.contains(": info["))
    );
}

#[test]
fn github_format_is_workflow_commands() {
    let out = stdout_of(nianbao().args(["lint", "--format", "github", &example("defects.txt")]));
    let line = out
        .lines()
        .find(|l| l.contains("title=section-missing"))
        .unwrap();
    assert!(line.starts_with("::error file="), "{line}");
    assert!(line.contains(",line=17,col=1,"), "{line}");
}

#[test]
fn sarif_has_rules_and_results() {
    let out = stdout_of(nianbao().args(["lint", "--format", "sarif", &example("defects.txt")]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["version"], "2.1.0");
    let run = &v["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "nianbao");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let result = run["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "section-missing")
        .unwrap();
    assert_eq!(result["level"], "error");
    let index = result["ruleIndex"].as_u64().unwrap() as usize;
    assert_eq!(rules[index]["id"], "section-missing");
    assert_eq!(
        result["locations"][0]["physicalLocation"]["region"]["startLine"],
        17
    );
}

#[test]
fn statistics_count_findings_per_rule() {
    let out = stdout_of(nianbao().args([
        "lint",
        "--format",
        "short",
        "--statistics",
        &example("defects.txt"),
    ]));
    let row = out
        .lines()
        .find(|l| l.trim_end().ends_with(" section-missing"))
        .unwrap();
    assert_eq!(row.split_whitespace().next(), Some("1"));
    // A JSON or SARIF document stays one document: the table goes to standard error.
    for format in ["json", "sarif"] {
        let out = nianbao()
            .args([
                "lint",
                "--format",
                format,
                "--statistics",
                &example("defects.txt"),
            ])
            .output()
            .unwrap();
        let document: Result<serde_json::Value, _> = serde_json::from_slice(&out.stdout);
        assert!(document.is_ok(), "{format}: {document:?}");
        let table = String::from_utf8_lossy(&out.stderr);
        assert!(table.contains(" section-missing"), "{format}: {table}");
    }
}

#[test]
fn report_tabulates_each_file() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(example("clean.txt"), dir.path().join("a.txt")).unwrap();
    fs::copy(example("defects.txt"), dir.path().join("b.txt")).unwrap();
    let csv =
        stdout_of(nianbao().args(["report", "--format", "csv", dir.path().to_str().unwrap()]));
    let rows: Vec<&str> = csv.lines().take_while(|l| !l.is_empty()).collect();
    assert_eq!(rows.len(), 3, "{csv}");
    assert!(rows[0].starts_with("\u{feff}文件,标题,发文机关,年度,落款日期"));
    assert!(
        rows[1].contains("a.txt,某县人民政府关于2024年法治政府建设年度报告,某县人民政府,2024,"),
        "{}",
        rows[1]
    );
    assert!(rows[2].contains(",第一责任人职责,3,"), "{}", rows[2]);
    let table = stdout_of(nianbao().args(["report", dir.path().to_str().unwrap()]));
    assert!(
        table.lines().nth(2).unwrap().contains("第一责任人职责"),
        "{table}"
    );
}

#[test]
fn ignore_entries_suppress_and_unused_ones_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("draft.txt");
    fs::copy(example("defects.txt"), &draft).unwrap();
    fs::write(
        dir.path().join("nianbao.toml"),
        "[[ignore]]\nrule = \"web-residue\"\ntext = \"打印 关闭\"\n\n[[ignore]]\nrule = \"numbering\"\ntext = \"不存在的文字\"\n",
    )
    .unwrap();
    let out = stdout_of(nianbao().args(["lint", "--format", "short", draft.to_str().unwrap()]));
    assert!(!out.contains("[web-residue]"), "{out}");
    let unused = out
        .lines()
        .find(|l| l.contains("info[unused-ignore]"))
        .unwrap();
    assert!(unused.contains("nianbao.toml:7:8"), "{unused}");
    assert!(out.contains("[numbering]"));
}

#[test]
fn ignore_with_unknown_rule_is_a_config_error() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("nianbao.toml"),
        "[[ignore]]\nrule = \"no-such\"\n",
    )
    .unwrap();
    let draft = dir.path().join("d.txt");
    fs::copy(example("clean.txt"), &draft).unwrap();
    let err = stderr_with_code(
        nianbao().args(["lint", "--color", "never", draft.to_str().unwrap()]),
        2,
    );
    assert!(
        err.contains("nianbao.toml:2:8") && err.contains("no-such"),
        "{err}"
    );
}

#[test]
fn init_writes_once_and_never_overwrites_unasked() {
    let dir = tempfile::tempdir().unwrap();
    nianbao()
        .current_dir(dir.path())
        .arg("init")
        .assert()
        .code(0);
    let written = fs::read_to_string(dir.path().join("nianbao.toml")).unwrap();
    assert!(written.contains("# deadline = \"04-01\""));
    // A new file's permissions (0666 less the umask), as any program's new file gets.
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &std::path::Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    fs::File::create(dir.path().join("plain")).unwrap();
    assert_eq!(
        mode(&dir.path().join("nianbao.toml")),
        mode(&dir.path().join("plain"))
    );
    fs::write(dir.path().join("nianbao.toml"), "deadline = \"03-01\"\n").unwrap();
    nianbao()
        .current_dir(dir.path())
        .arg("init")
        .assert()
        .code(2);
    assert_eq!(
        fs::read_to_string(dir.path().join("nianbao.toml")).unwrap(),
        "deadline = \"03-01\"\n"
    );
    nianbao()
        .current_dir(dir.path())
        .args(["init", "--force"])
        .assert()
        .code(0);
    // The written file lints clean as a config.
    fs::copy(example("clean.txt"), dir.path().join("d.txt")).unwrap();
    nianbao()
        .current_dir(dir.path())
        .args(["lint", "d.txt"])
        .assert()
        .code(0);
}

/// `tests/sarif-schema-2.1.0.json` is the SARIF 2.1.0 (rtm.5) JSON schema as shipped in
/// the npm package @microsoft/jest-sarif 1.0.0-beta.0 (MIT), `lib/schemas/`.
#[test]
fn sarif_validates_against_the_2_1_0_schema() {
    // rtm.5 has one malformed pattern (run.language, `…{2}]?$`), corrected in the final
    // OASIS schema; the meta-schema rejects it as a regex, so it is corrected here.
    let text = include_str!("sarif-schema-2.1.0.json").replace(
        "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$",
        "^[a-zA-Z]{2}(-[a-zA-Z]{2})?$",
    );
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("empty.txt");
    fs::write(&broken, "").unwrap();
    for input in [
        example("defects.txt"),
        example("clean.txt"),
        broken.display().to_string(),
    ] {
        let out = stdout_of(nianbao().args(["lint", "--format", "sarif", &input]));
        let log: serde_json::Value = serde_json::from_str(&out).unwrap();
        let errors: Vec<String> = validator.iter_errors(&log).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{input}: {errors:?}");
    }
    // With an input that could not be read, beside one whose name needs escaping.
    let odd = dir.path().join("h#1?x [1].txt");
    fs::copy(example("defects.txt"), &odd).unwrap();
    let missing = dir.path().join("缺.txt");
    let out = nianbao()
        .args(["lint", "--format", "sarif"])
        .args([&odd, &missing])
        .output()
        .unwrap();
    let log: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let errors: Vec<String> = validator.iter_errors(&log).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    // The validator does catch a broken log.
    let bad = serde_json::json!({"version": "2.1.0", "runs": [{"results": []}]});
    assert!(!validator.is_valid(&bad));
}

/// An input that could not be read is listed by the formats for programs, not left out;
/// SARIF's addresses are URIs, and its columns count characters as nianbao's do (h71).
#[test]
fn unreadable_inputs_and_odd_names_in_json_sarif_and_github() {
    let dir = tempfile::tempdir().unwrap();
    let odd = dir.path().join("h#1?x [1].txt");
    fs::copy(example("defects.txt"), &odd).unwrap();
    let missing = dir.path().join("缺.txt");
    let run = |format: &str| {
        let out = nianbao()
            .args(["lint", "--format", format])
            .args([&odd, &missing])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{format}");
        String::from_utf8(out.stdout).unwrap()
    };
    let json: serde_json::Value = serde_json::from_str(&run("json")).unwrap();
    let unreadable = json["unreadable"].as_array().unwrap();
    assert_eq!(unreadable.len(), 1);
    assert!(unreadable[0]["path"].as_str().unwrap().ends_with("缺.txt"));
    assert!(
        unreadable[0]["message"]
            .as_str()
            .unwrap()
            .contains("不存在")
    );
    let sarif: serde_json::Value = serde_json::from_str(&run("sarif")).unwrap();
    let run0 = &sarif["runs"][0];
    assert_eq!(run0["columnKind"], "unicodeCodePoints");
    let invocation = &run0["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let note = &invocation["toolExecutionNotifications"][0];
    assert!(note["message"]["text"].as_str().unwrap().contains("不存在"));
    let uri = run0["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        .as_str()
        .unwrap();
    assert!(uri.ends_with("h%231%3Fx%20%5B1%5D.txt"), "{uri}");
    let github = run("github");
    assert!(
        github
            .lines()
            .any(|l| l.starts_with("::error file=") && l.contains("不存在")),
        "{github}"
    );
}
