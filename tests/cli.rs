//! The `nianbao` binary end to end: exit codes, bad input, config errors, output formats.

mod common;

use common::{example, nianbao, stderr_with_code, stdout_of};
use std::fs;
use std::path::Path;

#[test]
fn clean_example_exits_zero() {
    let out = nianbao()
        .args(["lint", &example("clean.txt")])
        .assert()
        .code(0);
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(text.contains("未发现问题"), "{text}");
}

#[test]
fn errors_exit_one_and_name_the_rule() {
    let out = nianbao()
        .args(["lint", "--color", "never", &example("defects.txt")])
        .assert()
        .code(1);
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(text.contains("error[section-missing]"), "{text}");
    assert!(text.contains("defects.txt:"), "{text}");
}

#[test]
fn missing_file_is_exit_two() {
    let out = nianbao()
        .args(["lint", "no/such/file.txt"])
        .assert()
        .code(2);
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(err.contains("文件不存在"), "{err}");
}

#[test]
fn a_directory_where_a_file_is_expected_is_exit_two() {
    // `lint` walks directories; `outline` reads one file.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().to_str().unwrap();
    let err = stderr_with_code(nianbao().args(["outline", path]), 2);
    assert!(err.contains("这是一个目录"), "{err}");
}

#[test]
fn directories_are_walked_sorted_and_filtered() {
    let dir = tempfile::tempdir().unwrap();
    let clean = fs::read_to_string(example("clean.txt")).unwrap();
    fs::create_dir_all(dir.path().join("sub")).unwrap();
    fs::create_dir_all(dir.path().join("old")).unwrap();
    // (Hidden files and folders, `.git` among them, and `node_modules` are no reports.)
    for hidden in [".git", ".cache", "node_modules/pkg"] {
        fs::create_dir_all(dir.path().join(hidden)).unwrap();
    }
    for name in [
        "b.txt",
        "a.md",
        "sub/c.txt",
        "old/d.txt",
        "skip-me.txt",
        ".git/e.txt",
        ".cache/f.md",
        ".g.txt",
        "node_modules/pkg/README.md",
    ] {
        fs::write(dir.path().join(name), &clean).unwrap();
    }
    fs::write(dir.path().join("image.png"), b"\x89PNG\r\n").unwrap();
    write_config(dir.path(), "exclude = [\"old\"]\n");
    let root = dir.path().to_str().unwrap();
    let out = stdout_of(nianbao().args(["lint", "--format", "json", "--exclude", "skip-*", root]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let names: Vec<String> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            f["path"]
                .as_str()
                .unwrap()
                .strip_prefix(root)
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(names, ["/a.md", "/b.txt", "/sub/c.txt"]);
    // A pattern naming a path as printed (the folder given, joined) excludes it too; a bad
    // pattern is an error also when no folder is walked (h71).
    let printed = format!("{root}/sub/c.txt");
    let out = stdout_of(nianbao().args(["lint", "--format", "json", "--exclude", &printed, root]));
    assert!(!out.contains("sub/c.txt"), "{out}");
    let file = format!("{root}/b.txt");
    let err = stderr_with_code(nianbao().args(["lint", "--exclude", "[abc", &file]), 2);
    assert!(err.contains("[abc"), "{err}");
}

#[test]
fn broken_symlink_in_a_folder_is_reported_and_the_rest_linted() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(example("clean.txt"), dir.path().join("good.txt")).unwrap();
    std::os::unix::fs::symlink(
        dir.path().join("missing.txt"),
        dir.path().join("broken.txt"),
    )
    .unwrap();
    let out = nianbao()
        .args(["lint", dir.path().to_str().unwrap()])
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(err.contains("broken.txt"), "{err}");
    // The link is there; its target is not (h71).
    assert!(err.contains("符号链接指向的文件不存在"), "{err}");
    assert!(String::from_utf8_lossy(&out.get_output().stdout).contains("1 个文件"));
}

#[test]
fn unreadable_file_is_exit_two() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let locked = dir.path().join("locked.txt");
    fs::write(&locked, "x").unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads mode-000 files; /proc/self/mem fails to read for everyone (EIO).
    let path = if fs::read(&locked).is_err() {
        locked.to_str().unwrap().to_string()
    } else {
        "/proc/self/mem".to_string()
    };
    let err = stderr_with_code(nianbao().args(["lint", &path]), 2);
    assert!(err.contains("无法读取"), "{err}");
}

#[test]
fn binary_file_is_exit_two() {
    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("a.png");
    fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let err = stderr_with_code(nianbao().args(["lint", png.to_str().unwrap()]), 2);
    // A type nianbao does not read is named as such; binary bytes in a .txt are binary.
    assert!(
        err.contains("a.png") && err.contains("不支持的文件类型 .png"),
        "{err}"
    );
    let txt = dir.path().join("a.txt");
    fs::write(&txt, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let err = stderr_with_code(nianbao().args(["lint", txt.to_str().unwrap()]), 2);
    assert!(err.contains("a.txt") && err.contains("二进制"), "{err}");
}

#[test]
fn undecodable_text_is_exit_two() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.txt");
    fs::write(&bad, b"abc \xff\xff\x80").unwrap();
    let err = stderr_with_code(nianbao().args(["lint", bad.to_str().unwrap()]), 2);
    assert!(err.contains("bad.txt"), "{err}");
}

#[test]
fn empty_file_is_linted_and_lacks_everything() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    fs::write(&empty, "").unwrap();
    let out = nianbao()
        .args(["lint", "--format", "json", empty.to_str().unwrap()])
        .assert()
        .code(1);
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let rules: Vec<&str> = v["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules.iter().filter(|r| **r == "section-missing").count(), 4);
    assert!(rules.contains(&"title-missing") && rules.contains(&"signature-missing"));
}

#[test]
fn huge_single_line_file_is_handled() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    let unit = "法治政府建设稳步推进，受理案件26847件。";
    fs::write(&big, unit.repeat(50 * 1024 * 1024 / unit.len())).unwrap();
    let out = nianbao()
        .args(["lint", "--color", "never", big.to_str().unwrap()])
        .assert()
        .code(1);
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(text.contains("title-missing"));
    // Only the sentence around a finding is printed, never the 50 MB line.
    assert!(text.len() < 100_000, "output is {} bytes", text.len());
}

#[test]
fn a_long_line_without_sentence_ends_is_linted() {
    // One 1 MB sentence: the rules that compare figures within a sentence look only near
    // each figure (a total, its 其中 part, a consistent rate), so nothing is found here.
    // (How fast that is, is for `cargo bench --bench throughput`.)
    let dir = tempfile::tempdir().unwrap();
    let long = dir.path().join("long.txt");
    let unit = "受理案件26847件，其中成功调解26834件，调解成功率99.95%，";
    fs::write(&long, unit.repeat(1024 * 1024 / unit.len())).unwrap();
    let out = nianbao()
        .args(["lint", "--format", "json", long.to_str().unwrap()])
        .assert()
        .code(1);
    let json: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let mut rules: Vec<&str> = json["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    rules.dedup();
    assert_eq!(
        rules,
        ["section-missing", "title-missing", "signature-missing"]
    );
}

#[test]
fn stdin_is_read_with_dash() {
    let text = fs::read_to_string(example("clean.txt")).unwrap();
    let out = nianbao()
        .args(["lint", "-"])
        .write_stdin(text)
        .assert()
        .code(0);
    assert!(String::from_utf8_lossy(&out.get_output().stdout).contains("1 个文件"));
}

fn write_config(dir: &Path, text: &str) {
    fs::write(dir.join("nianbao.toml"), text).unwrap();
}

#[test]
fn config_error_quotes_the_line_and_exits_two() {
    let dir = tempfile::tempdir().unwrap();
    write_config(dir.path(), "deadline = \"03-01\"\nunknown-key = 1\n");
    let draft = dir.path().join("draft.txt");
    fs::copy(example("clean.txt"), &draft).unwrap();
    let err = stderr_with_code(
        nianbao().args(["lint", "--color", "never", draft.to_str().unwrap()]),
        2,
    );
    assert!(err.contains("nianbao.toml:2:1"), "{err}");
    assert!(
        err.contains("unknown-key = 1") && err.contains('^'),
        "{err}"
    );
}

#[test]
fn config_found_by_walking_up_can_turn_a_rule_off() {
    let dir = tempfile::tempdir().unwrap();
    write_config(
        dir.path(),
        "[rules.section-missing]\nseverity = \"off\"\n[rules.title-missing]\nseverity = \"warning\"\n[rules.signature-missing]\nseverity = \"off\"\n",
    );
    let nested = dir.path().join("a/b");
    fs::create_dir_all(&nested).unwrap();
    let draft = nested.join("draft.txt");
    fs::write(&draft, "一、主要工作\n做了很多工作。\n").unwrap();
    let out = nianbao()
        .args(["lint", "--color", "never", draft.to_str().unwrap()])
        .assert()
        .code(0);
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(
        !text.contains("section-missing") && text.contains("warning[title-missing]"),
        "{text}"
    );
}

#[test]
fn explicit_config_flag_and_bad_value() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("custom.toml");
    fs::write(&cfg, "[rules.numbering]\nseverity = \"loud\"\n").unwrap();
    let err = stderr_with_code(
        nianbao().args([
            "lint",
            "--color",
            "never",
            "--config",
            cfg.to_str().unwrap(),
            &example("clean.txt"),
        ]),
        2,
    );
    assert!(
        err.contains("custom.toml:2:12") && err.contains("loud"),
        "{err}"
    );
}

#[test]
fn select_and_ignore_pick_rules() {
    let only = stdout_of(nianbao().args([
        "lint",
        "--color",
        "never",
        "--select",
        "numbering",
        &example("defects.txt"),
    ]));
    assert!(
        only.contains("[numbering]") && !only.contains("[section-missing]"),
        "{only}"
    );
    let without = stdout_of(nianbao().args([
        "lint",
        "--color",
        "never",
        "--ignore",
        "numbering,web-residue",
        &example("defects.txt"),
    ]));
    assert!(
        !without.contains("[numbering]") && without.contains("[section-missing]"),
        "{without}"
    );
    nianbao()
        .args(["lint", "--select", "no-such-rule", &example("clean.txt")])
        .assert()
        .code(2);
}

#[test]
fn json_output_follows_the_schema() {
    let out = stdout_of(nianbao().args(["lint", "--format", "json", &example("defects.txt")]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["version"], 1);
    let d = v["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "section-missing")
        .unwrap()
        .clone();
    assert_eq!(d["severity"], "error");
    assert_eq!(d["section"], "duties");
    for key in [
        "message",
        "line",
        "column",
        "end_line",
        "end_column",
        "byte_start",
        "byte_end",
    ] {
        assert!(!d[key].is_null(), "{key} missing in {d}");
    }
    let text = fs::read_to_string(example("defects.txt")).unwrap();
    let (start, end) = (
        d["byte_start"].as_u64().unwrap() as usize,
        d["byte_end"].as_u64().unwrap() as usize,
    );
    assert!(text[start..end].starts_with("三、下一步工作"));
    assert_eq!(v["summary"]["files"], 1);
    assert!(v["summary"]["errors"].as_u64().unwrap() >= 2);
}

#[test]
fn outline_json_has_sections_and_signature() {
    let out = stdout_of(nianbao().args(["outline", "--format", "json", &example("clean.txt")]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["report_year"], 2024);
    assert_eq!(v["issuer"], "某县人民政府");
    assert_eq!(v["signature"]["date"], "2025-01-20");
    let roles: Vec<&str> = v["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["role"].as_str().unwrap())
        .collect();
    assert_eq!(roles, ["measures", "shortcomings", "duties", "plans"]);
    assert_eq!(v["sections"][0]["children"].as_array().unwrap().len(), 3);
}

#[test]
fn rules_and_explain() {
    let list = stdout_of(nianbao().arg("rules"));
    for id in ["section-missing", "numbering", "web-residue"] {
        assert!(list.contains(id), "{list}");
    }
    let doc = stdout_of(nianbao().args(["explain", "section-missing"]));
    assert!(
        doc.contains("依据") && doc.contains("[rules.section-missing]"),
        "{doc}"
    );
    nianbao().args(["explain", "no-such-rule"]).assert().code(2);
}

#[test]
fn colour_follows_flag_and_no_color() {
    let always = stdout_of(nianbao().args(["lint", "--color", "always", &example("defects.txt")]));
    assert!(always.contains("\u{1b}["));
    let never = stdout_of(nianbao().args(["lint", "--color", "never", &example("defects.txt")]));
    assert!(!never.contains("\u{1b}["));
    let no_color = stdout_of(
        nianbao()
            .env("NO_COLOR", "1")
            .args(["lint", &example("defects.txt")]),
    );
    assert!(!no_color.contains("\u{1b}["));
}

#[test]
fn gb18030_and_utf16_files_give_the_same_findings() {
    let text = fs::read_to_string(example("defects.txt")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut outputs = Vec::new();
    for (name, enc, bom) in [
        ("utf8.txt", nianbao::decode::Encoding::Utf8, false),
        ("gbk.txt", nianbao::decode::Encoding::Gb18030, false),
        ("utf16.txt", nianbao::decode::Encoding::Utf16Le, true),
    ] {
        let path = dir.path().join(name);
        fs::write(&path, nianbao::decode::encode(&text, enc, bom)).unwrap();
        let out = stdout_of(nianbao().args(["lint", "--format", "json", path.to_str().unwrap()]));
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        outputs.push(v["files"][0]["diagnostics"].clone());
    }
    assert!(outputs[0].as_array().unwrap().len() >= 4);
    assert_eq!(outputs[0], outputs[1]);
    assert_eq!(outputs[0], outputs[2]);
}

#[test]
fn a_closed_pipe_is_not_a_panic() {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("nianbao"))
        .arg("rules")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
}

/// Rule ids are read without the blanks typed around them; an unknown one is quoted,
/// an empty one named as such, a near miss answered with the rule meant (h71).
#[test]
fn rule_ids_given_on_the_command_line() {
    let clean = example("clean.txt");
    nianbao()
        .args(["lint", "--select", "percent-range, section-order", &clean])
        .assert()
        .success();
    let err = stderr_with_code(
        nianbao().args(["lint", "--select", "percent-rang", &clean]),
        2,
    );
    assert!(
        err.contains("“percent-rang”（是否要用“percent-range”？）"),
        "{err}"
    );
    let err = stderr_with_code(nianbao().args(["lint", "--select", "", &clean]), 2);
    assert!(err.contains("空的规则编号"), "{err}");
}

#[test]
fn usage_errors_and_help_are_chinese() {
    let err = stderr_with_code(nianbao().args(["lint", "--no-such-flag", "x"]), 2);
    assert!(err.starts_with("错误：未知的参数“--no-such-flag”"), "{err}");
    assert!(err.contains("用法：nianbao lint [选项] <路径>..."), "{err}");
    let err = stderr_with_code(nianbao().args(["lint", "--format", "xml", "x"]), 2);
    assert!(err.contains("取值“xml”无效"), "{err}");
    let err = stderr_with_code(nianbao().args(["lint"]), 2);
    assert!(err.contains("缺少必需的参数"), "{err}");
    for args in [&["--help"][..], &["lint", "--help"], &["report", "-h"]] {
        let help = stdout_of(nianbao().args(args));
        assert!(
            help.contains("用法：") && help.contains("显示帮助"),
            "{help}"
        );
        for english in [
            "Usage",
            "Options",
            "Arguments",
            "Print help",
            "[default",
            "[possible",
        ] {
            assert!(!help.contains(english), "{english} in {help}");
        }
    }
}

#[test]
fn os_errors_and_bad_globs_are_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let out = nianbao()
        .args(["lint", "--exclude", "a[", dir.path().to_str().unwrap()])
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(err.contains("无效的排除模式“a[”（"), "{err}");
    write_config(
        dir.path(),
        "[[ignore]]\nrule = \"wording\"\npaths = [\"drafts/[x\"]\n",
    );
    fs::write(dir.path().join("r.txt"), "正文").unwrap();
    let err = stderr_with_code(
        nianbao().args(["lint", dir.path().join("r.txt").to_str().unwrap()]),
        2,
    );
    assert!(
        err.contains("无效的文件匹配模式“drafts/[x”") && err.contains("paths = "),
        "{err}"
    );
    // A path under a regular file: the OS error is described in Chinese first.
    let err = stderr_with_code(
        nianbao().args(["lint", "--config", "/etc/hostname/nianbao.toml", "x.txt"]),
        2,
    );
    assert!(
        err.contains("无法读取配置文件（路径中有一段不是目录（"),
        "{err}"
    );
}

#[test]
fn a_config_saved_as_gbk_or_utf16_is_read() {
    use nianbao::decode::{Encoding, encode};
    let text = "# 本单位设置\n[rules.section-missing]\nseverity = \"off\"\n";
    for encoding in [Encoding::Gb18030, Encoding::Utf16Le] {
        let dir = tempfile::tempdir().unwrap();
        fs::write(
            dir.path().join("nianbao.toml"),
            encode(text, encoding, encoding == Encoding::Utf16Le),
        )
        .unwrap();
        fs::write(dir.path().join("r.txt"), "一、主要工作\n做了工作。\n").unwrap();
        let out = stdout_of(nianbao().args([
            "lint",
            "--format",
            "short",
            dir.path().join("r.txt").to_str().unwrap(),
        ]));
        assert!(!out.contains("section-missing"), "{encoding}: {out}");
    }
}

#[test]
fn the_summary_names_unreadable_files() {
    let out = nianbao()
        .args([
            "lint",
            "--color",
            "never",
            &example("clean.txt"),
            "no-such.txt",
        ])
        .assert()
        .code(2);
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(!text.contains("未发现问题"), "{text}");
    assert!(
        text.contains("1 个无法读取") && text.contains("no-such.txt"),
        "{text}"
    );
}

#[test]
fn csv_cells_that_look_like_formulas_are_neutralized() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("=1+2.txt"),
        "发布机构：@SUM(A1)\n一、工作\n",
    )
    .unwrap();
    let out = stdout_of(
        nianbao()
            .current_dir(dir.path())
            .args(["report", "--format", "csv", "=1+2.txt"]),
    );
    let row = out.lines().nth(1).unwrap();
    assert!(row.starts_with("'=1+2.txt,"), "{row}");
    assert!(!row.contains(",@") && !row.contains(",="), "{row}");
}

#[test]
fn init_never_writes_through_a_symlink() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("elsewhere.toml");
    std::os::unix::fs::symlink(&target, dir.path().join("nianbao.toml")).unwrap();
    for args in [&["init"][..], &["init", "--force"]] {
        let err = stderr_with_code(nianbao().current_dir(dir.path()).args(args), 2);
        assert!(err.contains("符号链接"), "{err}");
        assert!(!target.exists(), "no file created through a dangling link");
    }
    fs::write(&target, "keep").unwrap();
    stderr_with_code(
        nianbao().current_dir(dir.path()).args(["init", "--force"]),
        2,
    );
    assert_eq!(fs::read_to_string(&target).unwrap(), "keep");
}

/// A file named twice (a folder and a folder inside it, a name with `./`) is linted,
/// counted and fixed once.
#[test]
fn a_file_named_twice_is_linted_once() {
    let dir = tempfile::tempdir().unwrap();
    let inner = dir.path().join("部门");
    std::fs::create_dir(&inner).unwrap();
    let file = inner.join("r.txt");
    std::fs::copy(example("defects.txt"), &file).unwrap();
    let once = stdout_of(nianbao().args(["lint", "--format", "short"]).arg(&file));
    assert!(!once.is_empty());
    let twice = stdout_of(
        nianbao()
            .args(["lint", "--format", "short"])
            .arg(dir.path())
            .arg(&inner)
            .arg(inner.join(".").join("r.txt")),
    );
    let lines = |s: &str| s.lines().filter(|l| l.contains(": ")).count();
    assert_eq!(lines(&twice), lines(&once), "{twice}");
}

/// One report saved in two formats side by side is no copy of itself; a third file
/// with the same text is a copy of both.
#[test]
fn one_report_in_two_formats_is_no_copy() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(example("clean.txt")).unwrap();
    for name in ["报告.txt", "报告.md"] {
        std::fs::write(dir.path().join(name), &text).unwrap();
    }
    let copied = |out: &str| out.lines().filter(|l| l.contains("copied-text")).count();
    let out = stdout_of(
        nianbao()
            .args(["lint", "--format", "short"])
            .arg(dir.path()),
    );
    assert_eq!(copied(&out), 0, "{out}");
    std::fs::write(dir.path().join("另一单位.txt"), &text).unwrap();
    let out = stdout_of(
        nianbao()
            .args(["lint", "--format", "short"])
            .arg(dir.path()),
    );
    assert!(copied(&out) >= 2, "{out}");
}
