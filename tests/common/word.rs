//! Word documents built the way Word builds them: a real package (content types,
//! relationships, `styles.xml` with the built-in heading styles under Chinese Word's
//! style ids, `numbering.xml` with a multilevel list bound to those styles), text split
//! over runs with formatting, tables, tracked changes and comments.

use std::io::{Cursor, Write};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// A document under construction.
#[derive(Default)]
pub struct Word {
    body: String,
    comments: Vec<String>,
}

/// Escapes text for XML.
pub fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Text as Word writes it: runs of a few characters each, with formatting, a
/// proofing mark between some of them.
fn runs(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    for (i, chunk) in chars.chunks(7).enumerate() {
        let chunk: String = chunk.iter().collect();
        if i % 3 == 2 {
            out.push_str(r#"<w:proofErr w:type="gramStart"/>"#);
        }
        out.push_str(&format!(
            r#"<w:r><w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hint="eastAsia"/><w:sz w:val="32"/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r>"#,
            esc(&chunk)
        ));
    }
    out
}

impl Word {
    pub fn new() -> Word {
        Word::default()
    }

    fn paragraph(&mut self, props: &str, content: &str) -> &mut Word {
        self.body
            .push_str(&format!("<w:p><w:pPr>{props}</w:pPr>{content}</w:p>"));
        self
    }

    /// The title, in Word's Title style (`标题`, style id `a3`), centred.
    pub fn title(&mut self, text: &str) -> &mut Word {
        self.paragraph(
            r#"<w:pStyle w:val="a3"/><w:jc w:val="center"/>"#,
            &runs(text),
        )
    }

    /// A heading in built-in style `heading N` (`标题 N`, style id `N`): its number
    /// (`一、`, `（一）`, `1.`) comes from the list the style is bound to.
    pub fn heading(&mut self, level: u8, text: &str) -> &mut Word {
        let props = format!(r#"<w:pStyle w:val="{level}"/>"#);
        self.paragraph(&props, &runs(text))
    }

    /// A body paragraph (first-line indent of two characters).
    pub fn para(&mut self, text: &str) -> &mut Word {
        self.paragraph(
            r#"<w:ind w:firstLineChars="200" w:firstLine="640"/>"#,
            &runs(text),
        )
    }

    /// A body paragraph carrying a direct outline level 1 (`w:outlineLvl`), as Enter after
    /// a heading or the format painter leaves it.
    pub fn outlined(&mut self, text: &str) -> &mut Word {
        self.paragraph(r#"<w:outlineLvl w:val="0"/>"#, &runs(text))
    }

    /// A paragraph of a numbered list (`1.` `2.` …) with direct numbering.
    pub fn item(&mut self, text: &str) -> &mut Word {
        let props = r#"<w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr>"#;
        self.paragraph(props, &runs(text))
    }

    /// An empty paragraph.
    pub fn blank(&mut self) -> &mut Word {
        self.body.push_str("<w:p/>");
        self
    }

    /// A right-aligned line of the closing block.
    pub fn right(&mut self, text: &str) -> &mut Word {
        self.paragraph(r#"<w:jc w:val="right"/>"#, &runs(text))
    }

    /// The document without its last paragraph (to end it another way).
    pub fn without_last(&mut self) -> &mut Word {
        let at = self.body.rfind("<w:p>").unwrap_or(0);
        self.body.truncate(at);
        self
    }

    /// A right-aligned paragraph of several lines (Shift+Enter between them), as a
    /// 落款 is often typed.
    pub fn right_lines(&mut self, lines: &[&str]) -> &mut Word {
        let content: Vec<String> = lines.iter().map(|l| runs(l)).collect();
        let content = content.join(r#"<w:r><w:br/></w:r>"#);
        self.paragraph(r#"<w:jc w:val="right"/>"#, &content)
    }

    /// A table, one paragraph per cell; a row shorter than the longest has its last
    /// cell merged across the rest (a group's row).
    pub fn table(&mut self, rows: &[&[&str]]) -> &mut Word {
        let columns = rows.iter().map(|r| r.len()).max().unwrap_or(0);
        self.body.push_str(
            r#"<w:tbl><w:tblPr><w:tblStyle w:val="a5"/><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>"#,
        );
        self.body
            .push_str(&r#"<w:gridCol w:w="4148"/>"#.repeat(columns));
        self.body.push_str("</w:tblGrid>");
        for row in rows {
            self.body.push_str("<w:tr>");
            for (i, cell) in row.iter().enumerate() {
                let span = if i + 1 == row.len() { columns - i } else { 1 };
                let merge = if span > 1 {
                    format!(r#"<w:gridSpan w:val="{span}"/>"#)
                } else {
                    String::new()
                };
                self.body.push_str(&format!(
                    r#"<w:tc><w:tcPr><w:tcW w:w="{}" w:type="dxa"/>{merge}</w:tcPr><w:p>{}</w:p></w:tc>"#,
                    4148 * span,
                    runs(cell)
                ));
            }
            self.body.push_str("</w:tr>");
        }
        self.body.push_str("</w:tbl>");
        self
    }

    /// A one-column table of one cell holding what `content` writes (a report set in
    /// a table for its layout).
    pub fn layout(&mut self, content: impl FnOnce(&mut Word)) -> &mut Word {
        let mut inner = Word::new();
        content(&mut inner);
        self.body.push_str(&format!(
            r#"<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="8296"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w="8296" w:type="dxa"/></w:tcPr>{}<w:p/></w:tc></w:tr></w:tbl>"#,
            inner.body
        ));
        self
    }

    /// A heading deleted with tracked changes, its paragraph mark included.
    pub fn deleted_heading(&mut self, level: u8, text: &str) -> &mut Word {
        let props = format!(
            r#"<w:pStyle w:val="{level}"/><w:rPr><w:del w:id="901" w:author="审核人" w:date="2024-01-20T09:00:00Z"/></w:rPr>"#
        );
        let content = format!(
            r#"<w:del w:id="902" w:author="审核人" w:date="2024-01-20T09:00:00Z"><w:r><w:delText>{}</w:delText></w:r></w:del>"#,
            esc(text)
        );
        self.paragraph(&props, &content)
    }

    /// A paragraph whose content is given as raw WordprocessingML (tracked changes…).
    pub fn raw(&mut self, content: &str) -> &mut Word {
        self.paragraph("", content)
    }

    /// A paragraph with a reviewer's comment on `anchored`, between `before` and `after`.
    pub fn commented(
        &mut self,
        before: &str,
        anchored: &str,
        after: &str,
        comment: &str,
    ) -> &mut Word {
        let id = self.comments.len();
        self.comments.push(format!(
            r#"<w:comment w:id="{id}" w:author="审核人" w:date="2024-01-20T09:00:00Z" w:initials="审"><w:p><w:pPr><w:pStyle w:val="a7"/></w:pPr><w:r><w:rPr><w:rStyle w:val="a6"/></w:rPr><w:annotationRef/></w:r><w:r><w:t>{}</w:t></w:r></w:p></w:comment>"#,
            esc(comment)
        ));
        let content = format!(
            r#"{}<w:commentRangeStart w:id="{id}"/>{}<w:commentRangeEnd w:id="{id}"/><w:r><w:rPr><w:rStyle w:val="a6"/></w:rPr><w:commentReference w:id="{id}"/></w:r>{}"#,
            runs(before),
            runs(anchored),
            runs(after)
        );
        self.paragraph(
            r#"<w:ind w:firstLineChars="200" w:firstLine="640"/>"#,
            &content,
        )
    }

    /// The package, deflated as Word writes it.
    pub fn build(&self) -> Vec<u8> {
        self.build_named("document.xml")
    }

    /// The package with its main document under `word/{main}` (Word Online saves
    /// `document2.xml`), named so by the package's relationships.
    pub fn build_named(&self, main: &str) -> Vec<u8> {
        let document = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{W}" xmlns:r="{R}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14"><w:body>{}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/><w:cols w:space="425"/><w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-849"/></w:sectPr></w:body></w:document>"#,
            self.body
        );
        let comments = (!self.comments.is_empty()).then(|| {
            format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:comments xmlns:w="{W}" xmlns:r="{R}">{}</w:comments>"#,
                self.comments.concat()
            )
        });
        let mut types = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/{main}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#,
        );
        let mut rels = String::from(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>"#,
        );
        if comments.is_some() {
            types.push_str(r#"<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>"#);
            rels.push_str(r#"<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>"#);
        }
        types.push_str("</Types>");
        rels.push_str("</Relationships>");
        let (document_part, rels_part) =
            (format!("word/{main}"), format!("word/_rels/{main}.rels"));
        let mut parts: Vec<(&str, String)> = vec![
            ("[Content_Types].xml", types),
            ("_rels/.rels", PACKAGE_RELS.replace("document.xml", main)),
            (&document_part, document),
            (&rels_part, rels),
            ("word/styles.xml", styles()),
            ("word/numbering.xml", NUMBERING.to_string()),
            (
                "word/settings.xml",
                format!(
                    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="{W}"><w:defaultTabStop w:val="420"/><w:characterSpacingControl w:val="compressPunctuation"/></w:settings>"#
                ),
            ),
            ("docProps/core.xml", CORE.to_string()),
        ];
        if let Some(c) = comments {
            parts.push(("word/comments.xml", c));
        }
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, content) in parts {
            zip.start_file(name, options).unwrap();
            zip.write_all(content.as_bytes()).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }
}

const PACKAGE_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

const CORE: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>司法局</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2024-01-20T08:00:00Z</dcterms:created></cp:coreProperties>"#;

/// Chinese Word's styles: `a` Normal, `1`–`3` heading 1–3 (bound to list 1 through
/// `w:numPr`, level by `w:ilvl` or the list level's `w:pStyle`), `a3` Title.
fn styles() -> String {
    let heading = |level: u8, ilvl: &str| {
        format!(
            r#"<w:style w:type="paragraph" w:styleId="{level}"><w:name w:val="heading {level}"/><w:basedOn w:val="a"/><w:next w:val="a"/><w:link w:val="{level}0"/><w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:numPr>{ilvl}<w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="{}"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/><w:b/><w:sz w:val="32"/></w:rPr></w:style>"#,
            level - 1
        )
    };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:eastAsiaTheme="minorEastAsia"/><w:kern w:val="2"/><w:sz w:val="21"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr></w:style>{}{}{}<w:style w:type="paragraph" w:styleId="a3"><w:name w:val="Title"/><w:basedOn w:val="a"/><w:next w:val="a"/><w:qFormat/><w:pPr><w:spacing w:before="240" w:after="60"/><w:jc w:val="center"/><w:outlineLvl w:val="9"/></w:pPr><w:rPr><w:b/><w:sz w:val="44"/></w:rPr></w:style><w:style w:type="character" w:default="1" w:styleId="a0"><w:name w:val="Default Paragraph Font"/></w:style><w:style w:type="table" w:default="1" w:styleId="a1"><w:name w:val="Normal Table"/></w:style><w:style w:type="table" w:styleId="a5"><w:name w:val="Table Grid"/><w:basedOn w:val="a1"/></w:style><w:style w:type="character" w:styleId="a6"><w:name w:val="annotation reference"/></w:style><w:style w:type="paragraph" w:styleId="a7"><w:name w:val="annotation text"/><w:basedOn w:val="a"/></w:style></w:styles>"#,
        heading(1, ""),
        heading(2, r#"<w:ilvl w:val="1"/>"#),
        heading(3, r#"<w:ilvl w:val="2"/>"#),
    )
}

/// List 1: the 公文 heading levels 一、 （一） 1. bound to heading 1–3; list 2: 1. 2. 3.
const NUMBERING: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14"><w:abstractNum w:abstractNumId="0" w15:restartNumberingAfterBreak="0" xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"><w:nsid w:val="1A2B3C4D"/><w:multiLevelType w:val="multilevel"/><w:tmpl w:val="0409001D"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCountingThousand"/><w:pStyle w:val="1"/><w:suff w:val="nothing"/><w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCountingThousand"/><w:pStyle w:val="2"/><w:suff w:val="nothing"/><w:lvlText w:val="（%2）"/><w:lvlJc w:val="left"/></w:lvl><w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="3"/><w:suff w:val="nothing"/><w:lvlText w:val="%3."/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId="1"><w:nsid w:val="5E6F7A8B"/><w:multiLevelType w:val="hybridMultilevel"/><w:lvl w:ilvl="0" w:tplc="0409000F"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="420" w:hanging="420"/></w:pPr></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>"#;

/// A complete, correct report drafted in Word: no typed heading numbers (the heading
/// styles number themselves), a table, a numbered list, the closing block.
pub fn complete_report() -> Word {
    let mut w = Word::new();
    w.title("某县司法局2023年法治政府建设情况报告")
        .blank()
        .para(
            "2023年，我局坚持以习近平法治思想为指导，扎实推进法治政府建设。现将有关情况报告如下：",
        )
        .heading(1, "2023年推进法治政府建设的主要举措和成效")
        .heading(2, "健全依法决策机制")
        .para("全年审查重大行政决策5件，提出法律意见12条，均被采纳。")
        .item("制定重大行政决策程序规定。")
        .item("建立法律顾问全程参与机制。")
        .heading(2, "严格规范公正文明执法")
        .para("全年办理行政执法案件326件，其中简易程序120件，一般程序206件。")
        .table(&[
            &["项目", "数量"],
            &["行政复议案件", "48件"],
            &["行政应诉案件", "15件"],
        ])
        .heading(1, "2023年推进法治政府建设存在的不足和原因")
        .para("基层执法人员法治素养有待提高，原因是培训覆盖面不够。")
        .heading(1, "党政主要负责人履行推进法治建设第一责任人职责情况")
        .para("局主要负责人带头学法，主持召开专题会议4次，研究部署法治建设工作。")
        .heading(1, "2024年推进法治政府建设的主要安排")
        .para("2024年，我局将继续深化行政执法体制改革，提升依法行政水平。")
        .blank()
        .right("某县司法局")
        .right("2024年1月26日");
    w
}
