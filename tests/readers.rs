//! Saved web pages and PDFs as inputs: text, metadata and places as a reviewer sees them.

mod common;

use common::{example, nianbao, stdout_of};
use std::fs;
use std::path::Path;

/// A government page around the paragraphs of an example draft, in GBK, with the
/// chrome real pages carry: navigation, a search form, a script, a share bar.
fn page(draft: &str) -> Vec<u8> {
    let text = fs::read_to_string(example(draft)).unwrap();
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let title = lines.next().unwrap();
    let body: String = lines
        .map(|l| format!("<p style=\"text-indent:2em\">\n  {l}\n</p>\n"))
        .collect();
    let html = format!(
        "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Type\" \
         content=\"text/html; charset=gbk\"><title>{title}_某县人民政府门户网站</title>\
         <style>p {{ margin: 0 }}</style><script>var nav = '首页';</script></head><body>\
         <div class=\"nav\"><a href=\"/\">首页</a> &gt; <a href=\"/zwgk\">政务公开</a></div>\
         <form><input name=\"q\"><button>搜索</button></form>\
         <h1>{title}</h1><div class=\"info\">发布时间：2025-03-20 10:00<br>来源：某县司法局</div>\
         <div class=\"content\">{body}</div><div class=\"share\">分享到：微信 微博</div>\
         </body></html>"
    );
    encoding_rs::GBK.encode(&html).0.into_owned()
}

#[test]
fn a_saved_page_is_read_as_its_text_with_its_metadata() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("报告.html");
    fs::write(&path, page("clean.txt")).unwrap();
    let out = stdout_of(nianbao().args(["outline", "--format", "json"]).arg(&path));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["report_year"], 2024, "{v}");
    assert_eq!(v["issuer"], "某县人民政府", "{v}");
    let meta = v["metadata"].to_string();
    assert!(meta.contains("发布时间") && meta.contains("2025-03-20"), "{meta}");
    assert_eq!(v["sections"].as_array().unwrap().len(), 4, "{v}");
    // The clean draft stays clean as a page: no markup, script or chrome linted.
    let lint = nianbao()
        .args(["lint", "--color", "never"])
        .arg(&path)
        .output()
        .unwrap();
    let text = String::from_utf8(lint.stdout).unwrap();
    assert_eq!(lint.status.code(), Some(0), "{text}");
    for rule in ["duplicate-text", "web-residue", "unbalanced-pair"] {
        assert!(!text.contains(rule), "{text}");
    }
}

#[test]
fn findings_in_a_page_name_the_paragraph() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("page.htm");
    fs::write(&path, page("defects.txt")).unwrap();
    let out = nianbao()
        .args(["lint", "--color", "never"])
        .arg(&path)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("位置：段落"), "{text}");
    assert!(text.contains("section-missing"), "{text}");
}

#[test]
fn pages_are_walked_in_folders_and_listed_in_report() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.html"), page("clean.txt")).unwrap();
    fs::write(dir.path().join("b.htm"), page("defects.txt")).unwrap();
    let out = stdout_of(nianbao().args(["report", "--format", "json"]).arg(dir.path()));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let rows = v["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 2, "{v}");
    assert_eq!(rows[0]["published"], "2025-03-20 10:00", "{v}");
    assert!(Path::new(rows[1]["path"].as_str().unwrap()).ends_with("b.htm"));
}
