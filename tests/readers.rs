//! Saved web pages and PDFs as inputs: text, metadata and places as a reviewer sees them.

mod common;

use common::{example, nianbao, stdout_of};
use std::fs;
use std::path::Path;

/// A government page around the paragraphs of an example draft, in GBK, with the
/// chrome real pages carry: navigation, a search form, a script, a share bar.
fn page(draft: &str) -> Vec<u8> {
    page_in(draft, "gbk", encoding_rs::GBK)
}

/// [`page`] declaring `charset`, its bytes in `encoding`.
fn page_in(draft: &str, charset: &str, encoding: &'static encoding_rs::Encoding) -> Vec<u8> {
    let text = fs::read_to_string(example(draft)).unwrap();
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let title = lines.next().unwrap();
    let body: String = lines
        .map(|l| format!("<p style=\"text-indent:2em\">\n  {l}\n</p>\n"))
        .collect();
    let html = format!(
        "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Type\" \
         content=\"text/html; charset={charset}\"><title>{title}_某县人民政府门户网站</title>\
         <style>p {{ margin: 0 }}</style><script>var nav = '首页';</script></head><body>\
         <div class=\"nav\"><a href=\"/\">首页</a> &gt; <a href=\"/zwgk\">政务公开</a></div>\
         <form><input name=\"q\"><button>搜索</button></form>\
         <table><tr><td>发文机关：</td><td>某县人民政府</td><td>成文日期：</td>\
         <td>2025-03-10</td></tr></table>\
         <h1>{title}</h1><div class=\"info\">发布时间：2025-03-20 10:00<br>来源：某县司法局</div>\
         <div class=\"content\">{body}</div><div class=\"share\">分享到：微信 微博</div>\
         <div class=\"footer\"><p>主办：某县人民政府办公室</p><p>网站标识码：3310000000 \
         浙ICP备12345678号</p></div><footer>版权所有 2025</footer>\
         </body></html>"
    );
    encoding.encode(&html).0.into_owned()
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
    assert!(
        meta.contains("发布时间") && meta.contains("2025-03-20"),
        "{meta}"
    );
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

/// A page whose bytes contradict its declared charset (GBK declared UTF-8 or Latin-1,
/// UTF-8 still declaring GB2312) is read as its bytes are, and a page declaring another
/// charset is read as `--encoding` says.
#[test]
fn a_page_is_read_as_its_bytes_are_or_as_told() {
    let dir = tempfile::tempdir().unwrap();
    let lint = |path: &Path, args: &[&str]| {
        let out = nianbao()
            .args(["lint", "--format", "short"])
            .args(args)
            .arg(path)
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        // The clean draft: a 落款 dated unlike the page's table, nothing missing.
        (
            out.status.code() == Some(0) && !text.contains("-missing"),
            text,
        )
    };
    let contradicted = [
        ("utf-8", encoding_rs::GBK),
        ("iso-8859-1", encoding_rs::GBK),
        ("gb2312", encoding_rs::UTF_8),
    ];
    for (charset, encoding) in contradicted {
        let path = dir.path().join(format!("{charset}.htm"));
        fs::write(&path, page_in("clean.txt", charset, encoding)).unwrap();
        let (clean, text) = lint(&path, &[]);
        assert!(clean, "{charset}: {text}");
    }
    let path = dir.path().join("big5.htm");
    fs::write(&path, page_in("clean.txt", "big5", encoding_rs::GBK)).unwrap();
    assert!(lint(&path, &[]).1.contains("title-missing"));
    let (clean, text) = lint(&path, &["--encoding", "gbk"]);
    assert!(clean, "{text}");
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
    let out = stdout_of(
        nianbao()
            .args(["report", "--format", "json"])
            .arg(dir.path()),
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let rows = v["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 2, "{v}");
    assert_eq!(rows[0]["published"], "2025-03-20", "{v}");
    assert!(Path::new(rows[1]["path"].as_str().unwrap()).ends_with("b.htm"));
}

/// A PDF whose pages hold `pages` (lines of text, top to bottom) in a CID font with a
/// ToUnicode map, as word processors write Chinese text. An empty page list of lines
/// makes a page with no text (a scan).
fn pdf(pages: &[Vec<String>]) -> Vec<u8> {
    let mut chars: Vec<char> = pages.iter().flatten().flat_map(|l| l.chars()).collect();
    chars.sort_unstable();
    chars.dedup();
    let cid = |c: char| chars.binary_search(&c).unwrap() + 1;
    let mut cmap = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    for block in chars.chunks(100) {
        cmap.push_str(&format!("{} beginbfchar\n", block.len()));
        for &c in block {
            cmap.push_str(&format!("<{:04X}> <{:04X}>\n", cid(c), c as u32));
        }
        cmap.push_str("endbfchar\n");
    }
    cmap.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    let mut objects: Vec<String> = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".into(),
        String::new(), // the page tree, once the pages are numbered
        "<< /Type /Font /Subtype /Type0 /BaseFont /NianbaoTest /Encoding /Identity-H \
         /DescendantFonts [4 0 R] /ToUnicode 5 0 R >>"
            .into(),
        "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /NianbaoTest /CIDSystemInfo \
         << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 \
         /FontDescriptor 6 0 R >>"
            .into(),
        format!("<< /Length {} >>\nstream\n{cmap}endstream", cmap.len()),
        "<< /Type /FontDescriptor /FontName /NianbaoTest /Flags 4 /FontBBox [0 -200 1000 900] \
         /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>"
            .into(),
    ];
    let mut kids = Vec::new();
    let mut streams = std::collections::HashMap::new();
    for lines in pages {
        let mut content = String::from("BT /F1 12 Tf\n");
        for (i, line) in lines.iter().enumerate() {
            let hex: String = line.chars().map(|c| format!("{:04X}", cid(c))).collect();
            content.push_str(&format!("1 0 0 1 72 {} Tm <{hex}> Tj\n", 780 - 18 * i));
        }
        content.push_str("ET\n");
        // Pages with the same text share one content stream.
        let contents = match streams.get(&content) {
            Some(&object) => object,
            None => {
                objects.push(format!(
                    "<< /Length {} >>\nstream\n{content}endstream",
                    content.len()
                ));
                streams.insert(content, objects.len());
                objects.len()
            }
        };
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] \
             /Resources << /Font << /F1 3 0 R >> >> /Contents {contents} 0 R >>"
        ));
        kids.push(format!("{} 0 R", objects.len()));
    }
    objects[1] = format!(
        "<< /Type /Pages /Kids [{}] /Count {} >>",
        kids.join(" "),
        kids.len()
    );
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for o in offsets {
        out.extend(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// The clean example laid out on pages of `per_page` lines wrapped at `width`
/// characters, with a running header and a page number on every page.
fn laid_out(draft: &str, width: usize, per_page: usize) -> Vec<Vec<String>> {
    let text = fs::read_to_string(example(draft)).unwrap();
    let mut lines = Vec::new();
    for para in text.lines().filter(|l| !l.trim().is_empty()) {
        let chars: Vec<char> = para.chars().collect();
        for (i, chunk) in chars.chunks(width).enumerate() {
            let indent = if i == 0 && chars.len() > width {
                "\u{3000}\u{3000}"
            } else {
                ""
            };
            lines.push(format!("{indent}{}", chunk.iter().collect::<String>()));
        }
    }
    lines
        .chunks(per_page)
        .enumerate()
        .map(|(n, chunk)| {
            let mut page = vec!["某县人民政府文件".to_string()];
            page.extend(chunk.iter().cloned());
            page.push(format!("— {} —", n + 1));
            page
        })
        .collect()
}

#[test]
fn a_pdf_is_read_in_paragraphs_without_its_page_furniture() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("报告.pdf");
    fs::write(&path, pdf(&laid_out("clean.txt", 24, 12))).unwrap();
    let out = stdout_of(nianbao().args(["outline", "--format", "json"]).arg(&path));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["report_year"], 2024, "{out}");
    assert_eq!(v["issuer"], "某县人民政府", "{out}");
    assert_eq!(v["signature"]["date"], "2025-01-20", "{out}");
    assert_eq!(v["sections"].as_array().unwrap().len(), 4, "{out}");
    let lint = nianbao()
        .args(["lint", "--color", "never"])
        .arg(&path)
        .output()
        .unwrap();
    let text = String::from_utf8(lint.stdout).unwrap();
    assert_eq!(
        lint.status.code(),
        Some(0),
        "wrapped lines joined, furniture gone: {text}"
    );
}

#[test]
fn findings_in_a_pdf_name_the_page() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("defects.pdf");
    fs::write(&path, pdf(&laid_out("defects.txt", 24, 10))).unwrap();
    let out = nianbao()
        .args(["lint", "--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let pages: Vec<u64> = v["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["page"].as_u64().unwrap())
        .collect();
    assert!(pages.contains(&1) && pages.iter().any(|&p| p > 1), "{v}");
    let human = String::from_utf8(
        nianbao()
            .args(["lint", "--color", "never"])
            .arg(&path)
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(human.contains("位置：第 2 页"), "{human}");
}

#[test]
fn a_scanned_pdf_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("scan.pdf");
    fs::write(&path, pdf(&[vec![], vec![]])).unwrap();
    let out = nianbao().arg("lint").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("没有文字层"), "{err}");
    assert!(!err.contains("UTF-16"), "{err}");
    // Listed in the report with the reason, never silently missing.
    fs::write(
        dir.path().join("text.pdf"),
        pdf(&laid_out("clean.txt", 24, 12)),
    )
    .unwrap();
    let v: serde_json::Value = serde_json::from_slice(
        &nianbao()
            .args(["report", "--format", "json"])
            .arg(dir.path())
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert_eq!(v["rows"].as_array().unwrap().len(), 2, "{v}");
    assert!(
        v["rows"][0]["unreadable"]
            .as_str()
            .unwrap()
            .contains("没有文字层"),
        "{v}"
    );
}

/// A PDF's text can be far larger than the file (here two hundred pages share one
/// content stream; compression does the same): text beyond `--max-size` is refused.
#[test]
fn a_pdf_whose_text_outgrows_the_size_limit_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("大.pdf");
    let page: Vec<String> = (0..30)
        .map(|i| format!("第{i}行法治政府建设工作推进情况说明文字内容"))
        .collect();
    fs::write(&path, pdf(&vec![page; 200])).unwrap();
    let size = fs::metadata(&path).unwrap().len();
    assert!(size < 100 << 10, "the file is small: {size}");
    let out = nianbao()
        .args(["lint", "--max-size", "100K"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("超过大小上限"), "{err}");
    let out = nianbao().args(["lint"]).arg(&path).output().unwrap();
    assert_ne!(out.status.code(), Some(2), "read under the default limit");
}

#[test]
fn a_damaged_pdf_is_an_input_error_without_a_backtrace() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.pdf");
    let mut bytes = pdf(&laid_out("clean.txt", 24, 12));
    bytes.truncate(bytes.len() / 2);
    fs::write(&path, &bytes).unwrap();
    fs::write(dir.path().join("junk.pdf"), b"not a pdf at all").unwrap();
    for name in ["broken.pdf", "junk.pdf"] {
        let out = nianbao()
            .arg("lint")
            .arg(dir.path().join(name))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{name}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains("PDF"), "{err}");
        assert!(!err.contains("panicked"), "{err}");
    }
}

/// The shape drafts that open with their title, typed into Word (justified paragraphs,
/// first-line indents, Latin digits in another font) and printed to PDF by LibreOffice:
/// read from the PDF's text layer, each raises no error its text does not. Skipped
/// without LibreOffice or a Chinese font (`.ci/run` installs both).
#[test]
fn word_made_pdfs_raise_no_error_their_text_does_not() {
    use common::word::Word;
    use std::process::Command;
    let has_font = Command::new("fc-list")
        .arg(":lang=zh")
        .output()
        .is_ok_and(|o| !o.stdout.is_empty());
    if Command::new("soffice").arg("--version").output().is_err() || !has_font {
        eprintln!("note: LibreOffice or a Chinese font is missing; skipping the PDF check");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let shapes = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/shapes");
    let mut names = Vec::new();
    for entry in fs::read_dir(&shapes).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let text = fs::read_to_string(&path).unwrap();
        let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
        // Drafts typed into Word open with their title (the web-page shapes do not).
        let Some(title) = lines.next().filter(|t| t.ends_with("报告")) else {
            continue;
        };
        let mut word = Word::new();
        word.title(title);
        for line in lines {
            word.para(line);
        }
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        fs::write(dir.path().join(format!("{stem}.docx")), word.build()).unwrap();
        names.push(stem);
    }
    let profile = format!(
        "-env:UserInstallation=file://{}/lo-profile",
        dir.path().display()
    );
    let out = Command::new("soffice")
        .args([&profile, "--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .args(names.iter().map(|n| dir.path().join(format!("{n}.docx"))))
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let errors = |path: &Path| -> Vec<String> {
        let out = nianbao()
            .args(["lint", "--format", "short"])
            .arg(path)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter_map(|l| l.split(": error[").nth(1))
            .map(|rest| rest.split(']').next().unwrap_or("").to_string())
            .collect()
    };
    let mut extra = Vec::new();
    for name in &names {
        let from_text = errors(&shapes.join(format!("{name}.txt")));
        for rule in errors(&dir.path().join(format!("{name}.pdf"))) {
            if !from_text.contains(&rule) {
                extra.push(format!("{name}.pdf: {rule}"));
            }
        }
    }
    assert!(extra.is_empty(), "errors only the PDF has: {extra:?}");
}
