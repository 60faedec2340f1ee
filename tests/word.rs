//! Word documents as Word writes them: automatic heading numbering, heading styles,
//! tables, tracked changes and comments are read as Word shows them.

mod common;

use common::nianbao;
use common::word::{Word, complete_report};
use nianbao::config::Config;
use nianbao::diagnostic::Severity;
use nianbao::input;
use nianbao::lint::{Linter, Selection};
use nianbao::source::Source;
use std::path::{Path, PathBuf};

fn save(dir: &Path, name: &str, word: &Word) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, word.build()).unwrap();
    path
}

fn lint(
    path: &Path,
) -> (
    nianbao::source::Source,
    Vec<nianbao::diagnostic::Diagnostic>,
) {
    let source = input::read(path, Default::default()).unwrap();
    let diagnostics = Linter::new(Config::builtin(), &Selection::default()).lint(&source);
    (source, diagnostics)
}

/// The source and findings of `word` saved as `r.docx`.
fn lint_word(
    word: &Word,
) -> (
    nianbao::source::Source,
    Vec<nianbao::diagnostic::Diagnostic>,
) {
    let dir = tempfile::tempdir().unwrap();
    lint(&save(dir.path(), "r.docx", word))
}

/// Word Online saves the main document as `word/document2.xml`, named by the package's
/// relationships: read as any other, its numbering and styles found through its own.
#[test]
fn a_main_document_under_another_name_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let word = complete_report();
    let (usual, _) = lint(&save(dir.path(), "a.docx", &word));
    let path = dir.path().join("online.docx");
    std::fs::write(&path, word.build_named("document2.xml")).unwrap();
    let (online, findings) = lint(&path);
    assert_eq!(online.text, usual.text);
    assert!(online.text.contains("一、"), "{}", online.text);
    assert!(
        findings.iter().all(|d| d.severity != Severity::Error),
        "{findings:#?}"
    );
}

/// The issue's first complaint: a complete, correct report whose headings Word numbers
/// itself got four `section-missing` errors.
#[test]
fn a_complete_report_with_automatic_numbering_has_no_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = save(dir.path(), "报告.docx", &complete_report());
    let (source, diagnostics) = lint(&path);
    let errors = at_least(&diagnostics, Severity::Error);
    assert!(errors.is_empty(), "{errors:?}\n{}", source.text);
    let lines: Vec<&str> = source.text.lines().collect();
    for expected in [
        "一、2023年推进法治政府建设的主要举措和成效",
        "（一）健全依法决策机制",
        "1.\t制定重大行政决策程序规定。",
        "2.\t建立法律顾问全程参与机制。",
        "（二）严格规范公正文明执法",
        "四、2024年推进法治政府建设的主要安排",
        "行政复议案件",
    ] {
        assert!(lines.contains(&expected), "{expected} not in {lines:#?}");
    }
    assert_four_parts_the_first_with_two(&source);
}

/// Headings in a heading style with no number at all still make the sections.
#[test]
fn unnumbered_heading_styles_are_headings() {
    let mut word = Word::new();
    word.title("某县2023年法治政府建设年度报告");
    for heading in [
        "主要举措和成效",
        "存在的不足和原因",
        "党政主要负责人履行推进法治建设第一责任人职责情况",
        "下一年度主要安排",
    ] {
        // Numbering switched off on the paragraph: the style alone makes it a heading.
        word.raw(&format!(
            r#"<w:pPr><w:pStyle w:val="1"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>{heading}</w:t></w:r>"#
        ))
        // (A line separator in a paragraph's text, which other producers write, leaves
        // it one line: the style's levels stay on their lines.)
        .para("做了大量工作，\u{2028}取得明显成效。");
    }
    word.right("某县人民政府").right("2024年1月26日");
    let (source, diagnostics) = lint_word(&word);
    assert!(!source.text.contains("一、"), "{}", source.text);
    let missing: Vec<_> = diagnostics
        .iter()
        .filter(|d| d.rule == "section-missing")
        .collect();
    assert!(missing.is_empty(), "{missing:?}");
}

/// A paragraph moved with track changes on is not read twice, and unaccepted
/// revisions and a reviewer's comment are reported.
#[test]
fn revisions_and_comments_left_in_are_reported_once() {
    let mut word = complete_report();
    let moved = "局主要负责人带头学法，主持召开专题会议4次。";
    word.raw(&format!(
        r#"<w:moveFromRangeStart w:id="20" w:author="张三" w:date="2024-01-20T10:00:00Z" w:name="move1"/><w:moveFrom w:id="21" w:author="张三" w:date="2024-01-20T10:00:00Z"><w:r><w:t>{moved}</w:t></w:r></w:moveFrom><w:moveFromRangeEnd w:id="20"/>"#
    ))
    .raw(&format!(
        r#"<w:moveToRangeStart w:id="22" w:author="张三" w:date="2024-01-20T10:00:00Z" w:name="move1"/><w:moveTo w:id="23" w:author="张三" w:date="2024-01-20T10:00:00Z"><w:r><w:t>{moved}</w:t></w:r></w:moveTo><w:moveToRangeEnd w:id="22"/>"#
    ))
    .raw(r#"<w:r><w:t xml:space="preserve">本年度</w:t></w:r><w:ins w:id="30" w:author="张三" w:date="2024-01-20T10:00:00Z"><w:r><w:t>新增</w:t></w:r></w:ins><w:del w:id="31" w:author="张三" w:date="2024-01-20T10:00:00Z"><w:r><w:delText>删去的文字</w:delText></w:r></w:del><w:r><w:rPr><w:b/><w:rPrChange w:id="32" w:author="张三" w:date="2024-01-20T10:00:00Z"><w:rPr/></w:rPrChange></w:rPr><w:t>加粗</w:t></w:r>"#)
        .commented("全年共", "受理复议申请48件", "。", "数字请再核对");
    let (source, diagnostics) = lint_word(&word);
    assert_eq!(source.text.matches(moved).count(), 1, "{}", source.text);
    assert!(!source.text.contains("删去的文字"));
    let duplicates: Vec<_> = diagnostics
        .iter()
        .filter(|d| d.rule == "duplicate-text")
        .collect();
    assert!(duplicates.is_empty(), "{duplicates:?}");
    let left: Vec<_> = diagnostics
        .iter()
        .filter(|d| d.rule == "revisions-left")
        .collect();
    assert_eq!(left.len(), 1, "{diagnostics:?}");
    let message = &left[0].message;
    assert_eq!(
        message,
        "文档中留有 5 处修订（插入 1 处、删除 1 处、移动 2 处、格式修改 1 处）和 1 条批注"
    );
    assert_eq!(left[0].severity, Severity::Warning);
    // At the first revision: where the paragraph moved away from, just before it.
    let at = left[0].span.start;
    assert!(
        source.text[at..].trim_start().starts_with(moved),
        "{}",
        &source.text[at..]
    );
    assert_eq!(source.review.comments.len(), 1);
    assert_eq!(
        &source.text[source.review.comments[0].clone()],
        "受理复议申请48件"
    );
}

/// A drafter is told where a finding is in terms Word shows: the headings above it,
/// the paragraph counted as Word counts (empty ones skipped) and the words to search.
#[test]
fn findings_name_headings_word_paragraphs_and_the_words() {
    let mut word = complete_report();
    word.para("调解成功率上升10%，群众满意度明显提高。");
    let dir = tempfile::tempdir().unwrap();
    let path = save(dir.path(), "报告.docx", &word);
    let out = nianbao()
        .args(["lint", "--color", "never", "--select", "percent-points"])
        .arg(&path)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    // Title, 4 + 2 headings, 6 body paragraphs, 2 list items, 6 table cells, 2 closing
    // lines: the new paragraph is the 24th non-empty one (two empty ones are skipped).
    assert!(text.contains("第 24 段"), "{text}");
    assert!(
        text.contains("“四、2024年推进法治政府建设的主要安排”"),
        "{text}"
    );
    assert!(text.contains("查找：“调解成功率上升10%"), "{text}");
    let json = nianbao()
        .args(["lint", "--format", "json", "--select", "percent-points"])
        .arg(&path)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let d = &v["files"][0]["diagnostics"][0];
    assert_eq!(d["paragraph"], 24);
    assert_eq!(d["headings"][0], "四、2024年推进法治政府建设的主要安排");
}

/// A title set in a heading style (and centred, as titles are) is still the title.
#[test]
fn a_centred_title_in_a_heading_style_is_the_title() {
    let mut word = Word::new();
    word.raw(r#"<w:pPr><w:pStyle w:val="1"/><w:numPr><w:numId w:val="0"/></w:numPr><w:jc w:val="center"/></w:pPr><w:r><w:t>某县2023年法治政府建设年度报告</w:t></w:r>"#);
    word.heading(1, "主要举措和成效")
        .para("做了大量工作。")
        .heading(1, "存在的不足和原因")
        .para("仍有差距。")
        .heading(1, "党政主要负责人履行推进法治建设第一责任人职责情况")
        .para("主要负责人带头学法。")
        .heading(1, "下一年度主要安排")
        .para("继续推进。")
        .right("某县人民政府")
        .right("2024年1月26日");
    let (source, diagnostics) = lint_word(&word);
    assert_eq!(source.heading_level(0), None);
    let errors = at_least(&diagnostics, Severity::Error);
    assert!(errors.is_empty(), "{errors:?}\n{}", source.text);
}

/// A 落款 typed as one paragraph (organ, Shift+Enter, date) and a title broken over two
/// lines the same way read as Word shows them: no false `signature-missing` or
/// `title-missing`.
#[test]
fn line_breaks_in_the_signature_and_title_are_read_as_word_shows_them() {
    let mut word = Word::new();
    word.raw(r#"<w:pPr><w:pStyle w:val="a3"/><w:jc w:val="center"/></w:pPr><w:r><w:t>某县司法局2023年法治政府</w:t><w:br/><w:t>建设情况报告</w:t></w:r>"#);
    word.para("2023年，我局扎实推进法治政府建设。现将有关情况报告如下：")
        .heading(1, "2023年推进法治政府建设的主要举措和成效")
        .para("全年审查重大行政决策5件。")
        .heading(1, "2023年推进法治政府建设存在的不足和原因")
        .para("基层执法人员法治素养有待提高。")
        .heading(1, "党政主要负责人履行推进法治建设第一责任人职责情况")
        .para("局主要负责人带头学法。")
        .heading(1, "2024年推进法治政府建设的主要安排")
        .para("继续深化行政执法体制改革，调解成功率上升10%。")
        .right_lines(&["某县司法局", "2024年1月26日"]);
    let dir = tempfile::tempdir().unwrap();
    let path = save(dir.path(), "r.docx", &word);
    let (source, diagnostics) = lint(&path);
    let errors = at_least(&diagnostics, Severity::Error);
    assert!(errors.is_empty(), "{errors:?}\n{}", source.text);
    assert!(
        source
            .text
            .starts_with("某县司法局2023年法治政府建设情况报告\n"),
        "{}",
        source.text
    );
    assert!(
        source.text.ends_with("\n某县司法局\n2024年1月26日"),
        "{}",
        source.text
    );
    let outline = Linter::new(Config::builtin(), &Selection::default()).outline(&source);
    assert!(outline.signature.date.is_some(), "{:?}", outline.signature);
    // Title, introduction, then heading and paragraph four times: the 10th.
    let json = nianbao()
        .args(["lint", "--format", "json", "--select", "percent-points"])
        .arg(&path)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v["files"][0]["diagnostics"][0]["paragraph"], 10);
}

/// A title whose next line (after Shift+Enter) is its date or meeting in parentheses:
/// that line is a line of its own, as under a title typed in two paragraphs.
#[test]
fn a_dated_title_line_after_a_line_break_stays_apart() {
    for under in [
        "（2025年2月18日）",
        "（2025年2月20日在县人大常委会第二十次会议上）",
        "——2025年2月20日在县人大常委会第二十次会议上",
        "某县人民政府（2025年2月18日）",
        "2025年2月18日",
    ] {
        let mut word = Word::new();
        word.raw(&format!(
            r#"<w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>某县人民政府关于2024年度法治政府建设情况的报告</w:t><w:br/><w:t>{under}</w:t></w:r>"#
        ));
        word.para("2024年，县政府扎实推进法治政府建设。现将有关情况报告如下：")
            .heading(1, "2024年推进法治政府建设的主要举措和成效")
            .para("全年审查重大行政决策5件。")
            .heading(1, "2024年推进法治政府建设存在的不足和原因")
            .para("基层执法人员法治素养有待提高，原因是培训不足。")
            .heading(1, "党政主要负责人履行推进法治建设第一责任人职责情况")
            .para("县政府主要负责人带头学法。")
            .heading(1, "2025年推进法治政府建设的主要安排")
            .para("继续深化行政执法体制改革。");
        let dir = tempfile::tempdir().unwrap();
        let (source, diagnostics) = lint(&save(dir.path(), "r.docx", &word));
        let errors = at_least(&diagnostics, Severity::Error);
        assert!(errors.is_empty(), "{errors:?}\n{}", source.text);
        assert!(
            source.text.starts_with(&format!(
                "某县人民政府关于2024年度法治政府建设情况的报告\n{under}\n"
            )),
            "{}",
            source.text
        );
    }
}

/// A line after Shift+Enter in the middle of a sentence continues it, whatever it opens
/// with: no heading.
#[test]
fn a_line_continued_mid_sentence_is_no_heading() {
    let mut word = Word::new();
    word.para("某县司法局2024年度法治政府建设情况报告")
        .heading(1, "2024年推进法治政府建设的主要举措和成效")
        .raw(r#"<w:r><w:t>推进行政规范性文件制定标准统</w:t><w:br/><w:t>一、规范高效，全年审核规范性文件26件，提出修改意见83条。</w:t></w:r>"#);
    let dir = tempfile::tempdir().unwrap();
    let path = save(dir.path(), "r.docx", &word);
    let (source, _) = lint(&path);
    let outline = Linter::new(Config::builtin(), &Selection::default()).outline(&source);
    assert_eq!(outline.sections.len(), 1, "{}", source.text);
    assert!(outline.sections[0].children.is_empty(), "{}", source.text);
}

/// A paragraph in heading style `style` with its automatic number turned off and `text`
/// typed, numbers and all.
fn typed_in_style(word: &mut Word, style: &str, text: &str) {
    word.raw(&format!(
        r#"<w:pPr><w:pStyle w:val="{style}"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r>"#
    ));
}

/// The findings of a document at `severity` or above, as `(rule, message)`.
fn at_least(
    diagnostics: &[nianbao::diagnostic::Diagnostic],
    severity: Severity,
) -> Vec<(&'static str, &str)> {
    diagnostics
        .iter()
        .filter(|d| d.severity >= severity)
        .map(|d| (d.rule, d.message.as_str()))
        .collect()
}

/// Drafters put the title in 标题 1 (left as it is, not centred) so that it shows in the
/// navigation pane, style `一、` as 标题 2 and `（一）` as 标题 3, and type `1.` in body
/// text: the title is the title (no `title-missing`, no part nested under it), and each
/// heading sits at its number's level (no `（二）` taken for a repeat).
#[test]
fn a_title_in_a_heading_style_and_headings_styled_and_typed() {
    let mut word = Word::new();
    typed_in_style(&mut word, "1", "某县司法局2023年法治政府建设情况报告");
    word.para("2023年，我局扎实推进法治政府建设。现将有关情况报告如下：");
    typed_in_style(&mut word, "2", "一、2023年推进法治政府建设的主要举措和成效");
    typed_in_style(&mut word, "3", "（一）健全依法决策机制");
    word.para("1.制定重大行政决策程序规定，全年审查重大行政决策5件。")
        .para("2.建立法律顾问全程参与机制，提出法律意见12条。");
    typed_in_style(&mut word, "3", "（二）严格规范公正文明执法");
    word.para("全年办理行政执法案件326件，案卷评查合格率100%。");
    typed_in_style(&mut word, "2", "二、2023年推进法治政府建设存在的不足和原因");
    word.para("基层执法人员法治素养有待提高，原因是培训覆盖面不够。");
    typed_in_style(
        &mut word,
        "2",
        "三、党政主要负责人履行推进法治建设第一责任人职责情况",
    );
    word.para("局主要负责人带头学法，主持召开专题会议4次，研究部署法治建设工作。");
    typed_in_style(&mut word, "2", "四、2024年推进法治政府建设的主要安排");
    word.para("2024年，我局将继续深化行政执法体制改革，提升依法行政水平。")
        .right("某县司法局")
        .right("2024年1月26日");
    let (source, diagnostics) = lint_word(&word);
    let found = at_least(&diagnostics, Severity::Warning);
    assert!(found.is_empty(), "{found:?}\n{}", source.text);
    let outline = Linter::new(Config::builtin(), &Selection::default()).outline(&source);
    assert_eq!(
        outline.title_text(&source.text).as_deref(),
        Some("某县司法局2023年法治政府建设情况报告")
    );
    assert_eq!(outline.sections.len(), 4);
}

/// A floating text box (`wp:anchor`) holding `lines`, as a run.
fn floating(lines: &[&str]) -> String {
    let paras: String = lines
        .iter()
        .map(|l| {
            format!(r#"<w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:t>{l}</w:t></w:r></w:p>"#)
        })
        .collect();
    format!(
        r#"<w:r><w:drawing><wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="251659264" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>3200400</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>1100000</wp:posOffset></wp:positionV><wp:extent cx="2286000" cy="685800"/><wp:wrapNone/><wp:docPr id="1" name="文本框 1"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:txbx><w:txbxContent>{paras}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"#
    )
}

/// A 落款 in a floating text box anchored in the last heading (Word anchors a box where
/// the cursor was): Word draws it below the last paragraph, and it is read there, with
/// the title's box before the body read in place.
#[test]
fn a_signature_in_a_floating_text_box_anchored_above_it_is_read() {
    let mut word = Word::new();
    word.raw(&floating(&["某县司法局2023年法治政府建设情况报告"]))
        .para("2023年，我局扎实推进法治政府建设。现将有关情况报告如下：")
        .heading(1, "2023年推进法治政府建设的主要举措和成效")
        .para("全年审查重大行政决策5件，提出法律意见12条，均被采纳。")
        .heading(1, "2023年推进法治政府建设存在的不足和原因")
        .para("基层执法人员法治素养有待提高，原因是培训覆盖面不够。")
        .heading(1, "党政主要负责人履行推进法治建设第一责任人职责情况")
        .para("局主要负责人带头学法，主持召开专题会议4次。");
    word.raw(&format!(
        r#"<w:pPr><w:pStyle w:val="1"/></w:pPr><w:r><w:t>2024年推进法治政府建设的主要安排</w:t></w:r>{}"#,
        floating(&["某县司法局", "2024年1月26日"])
    ));
    word.para("2024年，我局将继续深化行政执法体制改革，提升依法行政水平。");
    let (source, diagnostics) = lint_word(&word);
    let found = at_least(&diagnostics, Severity::Warning);
    assert!(found.is_empty(), "{found:?}\n{}", source.text);
    // (After the empty paragraph that holds the title's box.)
    assert!(
        source
            .text
            .trim_start()
            .starts_with("某县司法局2023年法治政府建设情况报告\n"),
        "{}",
        source.text
    );
    assert!(
        source
            .text
            .ends_with("提升依法行政水平。\n某县司法局\n2024年1月26日"),
        "{}",
        source.text
    );
}

/// A Word table is no web page: a key in its cell is a column's label, not a page's
/// field (`日期 | 2023年11月30日`), and cells repeating down a column (a task table's
/// 责任单位) are no duplicated text (h62).
#[test]
fn a_word_tables_cells_are_neither_metadata_nor_duplicates() {
    let unit = "县司法局牵头，县直各行政执法部门、各乡镇人民政府按职责分工负责";
    let mut word = complete_report();
    word.without_last().without_last().without_last();
    word.table(&[
        &["活动", "日期"],
        &["日期", "2023年11月30日"],
        &["任务", unit],
        &["清理文件", unit],
        &["评查案卷", unit],
    ])
    .para("各项任务按期推进。")
    .right("某县司法局")
    .right("2024年1月26日");
    let (source, diagnostics) = lint_word(&word);
    let found = at_least(&diagnostics, Severity::Warning);
    assert!(found.is_empty(), "{found:?}\n{}", source.text);
}

/// A box anchored in a paragraph of the last part (a figure's caption) is read before the
/// 落款 set to the right, never between its organ and its date (h54).
#[test]
fn a_box_is_read_before_the_signature_set_to_the_right() {
    let mut word = complete_report();
    word.without_last().without_last();
    word.raw(&format!(
        "<w:r><w:t>全年推进执法规范化建设。</w:t></w:r>{}",
        floating(&["图1　全县法治宣传活动分布情况"])
    ))
    .para("持续提升依法行政水平。")
    .right("某县司法局")
    .right("2024年1月26日");
    let (source, diagnostics) = lint_word(&word);
    assert!(
        source.text.ends_with("分布情况\n某县司法局\n2024年1月26日"),
        "{}",
        source.text
    );
    let found = at_least(&diagnostics, Severity::Error);
    assert!(found.is_empty(), "{found:?}");
}

/// A title box anchored in the first paragraph of text is read before it; a 落款 box
/// anchored in the last paragraph shows on that page, before a page break and the
/// attachment's table after it.
#[test]
fn boxes_stay_on_their_anchors_page() {
    let mut word = Word::new();
    word.raw(&format!(
        "{}<w:r><w:t>2023年，我局扎实推进法治政府建设。现将有关情况报告如下：</w:t></w:r>",
        floating(&["某县司法局2023年法治政府建设情况报告"])
    ))
    .heading(1, "2023年推进法治政府建设的主要举措和成效")
    .para("全年审查重大行政决策5件，提出法律意见12条，均被采纳。")
    .heading(1, "2023年推进法治政府建设存在的不足和原因")
    .para("基层执法人员法治素养有待提高，原因是培训覆盖面不够。")
    .heading(1, "党政主要负责人履行推进法治建设第一责任人职责情况")
    .para("局主要负责人带头学法，主持召开专题会议4次。")
    .heading(1, "2024年推进法治政府建设的主要安排")
    .raw(&format!(
        "<w:r><w:t>2024年，我局将继续深化行政执法体制改革。</w:t></w:r>{}",
        floating(&["某县司法局", "2024年1月26日"])
    ))
    .raw(r#"<w:r><w:br w:type="page"/></w:r>"#)
    .para("附件")
    .table(&[
        &["序号", "案件名称"],
        &["1", "甲案"],
        &["2", "乙案"],
        &["3", "丙案"],
        &["4", "丁案"],
        &["5", "戊案"],
    ]);
    let (source, diagnostics) = lint_word(&word);
    let found = at_least(&diagnostics, Severity::Error);
    assert!(found.is_empty(), "{found:?}\n{}", source.text);
    assert!(
        source
            .text
            .trim_start()
            .starts_with("某县司法局2023年法治政府建设情况报告\n2023年，"),
        "{}",
        source.text
    );
    assert!(
        source
            .text
            .contains("行政执法体制改革。\n某县司法局\n2024年1月26日\n"),
        "{}",
        source.text
    );
}

/// An outline level carried over to the paragraphs of text under typed headings does
/// not make them headings.
#[test]
fn an_outline_level_on_sentences_is_no_heading() {
    let mut word = Word::new();
    word.title("某区应急管理局2024年度法治政府建设情况报告")
        .outlined("一、2024年推进法治政府建设的主要举措和成效")
        .outlined(
            "全年开展安全生产执法检查1426家次，立案查处违法行为98起，全部执法决定经法制审核。",
        )
        .outlined("二、存在的不足和原因")
        .outlined("基层执法力量相对薄弱，执法文书不够严谨，主要原因是人员编制未同步增加。")
        .outlined("三、党政主要负责人履行推进法治建设第一责任人职责情况")
        .outlined(
            "局主要负责人主持召开专题会议研究法治建设工作4次，组织集体学法6次，带头出庭应诉。",
        )
        .outlined("四、2025年推进法治政府建设的主要安排")
        .outlined("深入学习贯彻习近平法治思想，持续推进严格规范公正文明执法，加强执法队伍建设。")
        .right_lines(&["某区应急管理局", "2025年2月18日"]);
    let (source, diagnostics) = lint_word(&word);
    let found = at_least(&diagnostics, Severity::Warning);
    assert!(found.is_empty(), "{found:?}\n{}", source.text);
}

/// A heading deleted with tracked changes, its mark too, numbers nothing: the headings
/// after it keep the numbers Word shows.
#[test]
fn a_deleted_heading_takes_no_number() {
    let mut word = Word::new();
    word.title("某县司法局2023年法治政府建设情况报告")
        .heading(1, "2023年推进法治政府建设的主要举措和成效")
        .para("全年审查重大行政决策5件，提出法律意见12条，均被采纳。")
        .deleted_heading(1, "2023年度法治督察反馈问题整改情况")
        .heading(1, "2023年推进法治政府建设存在的不足和原因")
        .para("基层执法人员法治素养有待提高，原因是培训覆盖面不够。");
    let dir = tempfile::tempdir().unwrap();
    let (source, _) = lint(&save(dir.path(), "r.docx", &word));
    assert!(
        source
            .text
            .contains("二、2023年推进法治政府建设存在的不足和原因"),
        "{}",
        source.text
    );
}

/// A dash inserted as a symbol (Insert → Symbol: `w:sym`) is read as the character Word
/// draws, from a text font or the Symbol font; a picture font's is left out.
#[test]
fn symbols_are_read_as_the_characters_word_draws() {
    let mut word = Word::new();
    word.raw(r#"<w:r><w:t>《法治政府建设实施纲要（2021</w:t></w:r><w:r><w:sym w:font="Symbol" w:char="F0BE"/></w:r><w:r><w:t>2025年）》和2021</w:t></w:r><w:r><w:sym w:font="宋体" w:char="2014"/></w:r><w:r><w:t>2025年规划</w:t></w:r><w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>"#);
    let dir = tempfile::tempdir().unwrap();
    let (source, _) = lint(&save(dir.path(), "r.docx", &word));
    assert_eq!(
        source.text,
        "《法治政府建设实施纲要（2021—2025年）》和2021—2025年规划"
    );
}

/// A 落款 whose lines carry a heading style (a format copied with the painter) is the
/// 落款, not a section.
#[test]
fn a_signature_in_a_heading_style_is_the_signature() {
    let mut word = complete_report();
    typed_in_style(&mut word, "1", "某县司法局");
    typed_in_style(&mut word, "2", "2024年1月27日");
    let (source, diagnostics) = lint_word(&word);
    let errors = at_least(&diagnostics, Severity::Error);
    assert!(errors.is_empty(), "{errors:?}\n{}", source.text);
    let outline = Linter::new(Config::builtin(), &Selection::default()).outline(&source);
    assert_eq!(outline.sections.len(), 4, "{}", source.text);
}

/// Headings typed in bold or 黑体 at the start of their paragraph, the text run on in
/// body type: each ends where its type does, so no part reads as empty.
#[test]
fn bold_headings_run_into_their_paragraphs_end_where_the_bold_does() {
    let run_in = |face: &str, heading: &str, text: &str| {
        format!(
            r#"<w:r><w:rPr>{face}</w:rPr><w:t>{heading}</w:t></w:r><w:r><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/></w:rPr><w:t>{text}</w:t></w:r>"#
        )
    };
    let bold = "<w:b/>";
    let hei = r#"<w:rFonts w:eastAsia="黑体"/>"#;
    let mut word = Word::new();
    word.title("某县司法局2025年度法治政府建设情况报告")
        .para("2025年，我局扎实推进法治政府建设，现将有关情况报告如下。")
        .raw(&run_in(
            bold,
            "一、主要举措和成效",
            "全年审查规范性文件32件，全部按时报备；开展执法案卷评查2次，组织执法人员培训3期。",
        ))
        .raw(&run_in(
            hei,
            "二、存在的不足和原因",
            "依法行政意识有待增强，执法队伍专业化水平仍需提升，原因在于学习培训不够系统。",
        ))
        .raw(&run_in(
            bold,
            "三、党政主要负责人履行推进法治建设第一责任人职责情况",
            "局主要负责人认真履行第一责任人职责，全年主持召开党组会议专题学法4次。",
        ))
        .raw(&run_in(
            bold,
            "四、2026年工作安排",
            "持续完善依法决策机制，深化行政执法规范化建设，推动法治政府建设再上新台阶。",
        ))
        .right("某县司法局")
        .right("2026年3月20日");
    let dir = tempfile::tempdir().unwrap();
    let path = save(dir.path(), "r.docx", &word);
    let (source, diagnostics) = lint(&path);
    let outline = Linter::new(Config::builtin(), &Selection::default()).outline(&source);
    let headings: Vec<&str> = outline
        .sections
        .iter()
        .map(|s| &source.text[s.heading.clone()])
        .collect();
    assert_eq!(
        headings,
        [
            "一、主要举措和成效",
            "二、存在的不足和原因",
            "三、党政主要负责人履行推进法治建设第一责任人职责情况",
            "四、2026年工作安排"
        ]
    );
    let empty: Vec<_> = diagnostics
        .iter()
        .filter(|d| d.rule == "section-empty")
        .map(|d| &d.message)
        .collect();
    assert!(empty.is_empty(), "{empty:?}");
}

/// A report drafted in Word with `table` under its first measure, its headings numbered
/// by their styles.
fn report_with_table(rows: &[&[&str]]) -> Word {
    let mut word = Word::new();
    word.title("某县司法局2024年法治政府建设情况报告")
        .para("2024年，我局扎实推进法治政府建设。现将有关情况报告如下：")
        .heading(1, "2024年推进法治政府建设的主要举措和成效")
        .heading(2, "狠抓年度任务落实")
        .para("年初分解法治政府建设重点任务13项，年底全部完成。")
        .table(rows)
        .heading(2, "规范行政执法行为")
        .para("全年开展执法案卷评查2次，评查案卷86卷。");
    for (heading, text) in [
        (
            "2024年推进法治政府建设存在的不足和原因",
            "基层执法力量仍显不足，原因是编制紧张、培训覆盖面不够。",
        ),
        (
            "党政主要负责人履行推进法治建设第一责任人职责情况",
            "局主要负责人主持专题学法4次，带头出庭应诉行政案件2件。",
        ),
        (
            "2025年推进法治政府建设的主要安排",
            "2025年，我局将持续提升依法行政水平。",
        ),
    ] {
        word.heading(1, heading).para(text);
    }
    word.right("某县司法局").right("2025年1月24日");
    word
}

/// The report's headings are its sections, and no table row makes a numbering or
/// section-empty finding.
fn assert_only_the_reports_headings(word: &Word) {
    let dir = tempfile::tempdir().unwrap();
    let (source, diagnostics) = lint(&save(dir.path(), "r.docx", word));
    let found: Vec<_> = diagnostics
        .iter()
        .filter(|d| matches!(d.rule, "numbering" | "section-empty"))
        .map(|d| &d.message)
        .collect();
    assert!(found.is_empty(), "{found:?}\n{}", source.text);
    assert_four_parts_the_first_with_two(&source);
}

/// The outline of `source` has the sections 一、 to 四、, the first with two below it.
fn assert_four_parts_the_first_with_two(source: &Source) {
    let outline = Linter::new(Config::builtin(), &Selection::default()).outline(source);
    let markers: Vec<&str> = outline
        .sections
        .iter()
        .map(|s| &source.text[s.marker.clone()])
        .collect();
    assert_eq!(markers, ["一、", "二、", "三、", "四、"], "{}", source.text);
    assert_eq!(outline.sections[0].children.len(), 2);
}

/// A task table's rows labelled by the tasks' own numbers, beside their figures, are
/// rows, not headings.
#[test]
fn numbered_labels_of_a_tables_rows_of_figures_are_no_headings() {
    assert_only_the_reports_headings(&report_with_table(&[
        &["重点任务", "完成数（项）"],
        &["一、完善依法决策制度", "4"],
        &["二、规范行政执法行为", "6"],
        &["三、强化权力运行监督", "3"],
    ]));
}

/// A group's row, its label merged across the table, over rows of figures is no
/// heading either.
#[test]
fn a_numbered_group_row_across_a_table_of_figures_is_no_heading() {
    assert_only_the_reports_headings(&report_with_table(&[
        &["指标", "2023年", "2024年"],
        &["一、行政复议"],
        &["收案数", "52件", "61件"],
        &["纠错率", "8.2%", "9.6%"],
        &["二、行政应诉"],
        &["出庭率", "100%", "100%"],
    ]));
}

/// A task table without figures, its groups' rows merged across it or its rows
/// numbered in a 序号 column, has no headings either (h72).
#[test]
fn a_task_tables_group_rows_and_numbers_are_no_headings() {
    assert_only_the_reports_headings(&report_with_table(&[
        &["序号", "重点任务", "完成情况"],
        &["一、依法全面履行政府职能"],
        &["1", "调整权责清单", "已完成"],
        &["2", "清理规范性文件", "已完成"],
        &["二、健全依法行政制度体系"],
        &["3", "规范行政决策程序", "已完成"],
    ]));
    assert_only_the_reports_headings(&report_with_table(&[
        &["序号", "任务", "完成情况"],
        &["（一）", "依法全面履行政府职能", "已完成"],
        &["（二）", "健全依法行政制度体系", "已完成"],
    ]));
}

/// A report set in a one-column table for its layout keeps its typed headings; only the
/// labels of the task table inside it are rows.
#[test]
fn numbered_headings_in_a_layout_table_stay_headings() {
    let mut word = Word::new();
    word.layout(|w| {
        w.title("某县司法局2024年法治政府建设情况报告")
            .para("2024年，我局扎实推进法治政府建设。现将有关情况报告如下：")
            .para("一、2024年推进法治政府建设的主要举措和成效")
            .para("（一）狠抓年度任务落实")
            .para("年初分解法治政府建设重点任务10项，年底全部完成。")
            .table(&[
                &["重点任务", "完成数（项）"],
                &["一、完善依法决策制度", "4"],
                &["二、规范行政执法行为", "6"],
            ])
            .para("（二）规范行政执法行为")
            .para("全年开展执法案卷评查2次，评查案卷86卷。")
            .para("二、2024年推进法治政府建设存在的不足和原因")
            .para("基层执法力量仍显不足，原因是编制紧张、培训覆盖面不够。")
            .para("三、党政主要负责人履行推进法治建设第一责任人职责情况")
            .para("局主要负责人主持专题学法4次，带头出庭应诉行政案件2件。")
            .para("四、2025年推进法治政府建设的主要安排")
            .para("2025年，我局将持续提升依法行政水平。")
            .right("某县司法局")
            .right("2025年1月24日");
    });
    assert_only_the_reports_headings(&word);
}

/// A 落款 date inserted as Word's DATE field (插入日期和时间, 自动更新) shows the day the
/// document is opened or printed: reported where it is, whether a simple or a complex
/// field; a date typed in, the fixed CREATEDATE or a locked field is not (h42, h54).
#[test]
fn a_date_that_updates_itself_is_reported() {
    let run = |text: &str| format!(r#"<w:r><w:t>{text}</w:t></w:r>"#);
    let simple = format!(
        r#"<w:fldSimple w:instr=" DATE \@ &quot;yyyy年M月d日&quot; ">{}</w:fldSimple>"#,
        run("2024年1月26日")
    );
    let complex = format!(
        r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> {} \@ "yyyy年M月d日" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>{}<w:r><w:fldChar w:fldCharType="end"/></w:r>"#,
        "{code}",
        run("2024年1月26日")
    );
    let dir = tempfile::tempdir().unwrap();
    for (name, date, reported) in [
        ("simple.docx", simple.clone(), true),
        ("date.docx", complex.replace("{code}", "DATE"), true),
        ("print.docx", complex.replace("{code}", "PRINTDATE"), true),
        (
            "created.docx",
            complex.replace("{code}", "CREATEDATE"),
            false,
        ),
        ("typed.docx", run("2024年1月26日"), false),
        // Locked (Ctrl+F11): Word keeps the date it shows (h54).
        (
            "locked.docx",
            complex.replace(
                r#"<w:fldChar w:fldCharType="begin"/>"#,
                r#"<w:fldChar w:fldCharType="begin" w:fldLock="1"/>"#,
            ),
            false,
        ),
        (
            "locked-simple.docx",
            simple.replace("<w:fldSimple ", r#"<w:fldSimple w:fldLock="true" "#),
            false,
        ),
    ] {
        let mut word = complete_report();
        word.without_last().raw(&date);
        let (source, diagnostics) = lint(&save(dir.path(), name, &word));
        let fields: Vec<&str> = diagnostics
            .iter()
            .filter(|d| d.rule == "revisions-left")
            .map(|d| &source.text[d.span.clone()])
            .collect();
        let want: &[&str] = if reported { &["2024年1月26日"] } else { &[] };
        assert_eq!(fields, want, "{name}");
        let missing: Vec<_> = diagnostics
            .iter()
            .filter(|d| d.rule == "signature-missing")
            .collect();
        assert!(missing.is_empty(), "{name}: {missing:?}");
    }
}
