//! Word `.docx` files: the text Word shows ([`read`]), and findings written back into
//! a copy as comments and tracked changes ([`annotate`]).
//!
//! A `.docx` is a zip package. The reader takes the main document (`word/document.xml`,
//! or wherever the package's relationships put it; streamed, never more than
//! [`PART_LIMIT`] unpacked: a decompression-bomb guard) with the paragraph styles and the
//! list definitions of the styles and numbering parts it relates to, so
//! headings and automatic numbering read as Word shows them (see [`body`]). An OLE
//! compound file in place of the zip is an old binary `.doc` or an encrypted `.docx`
//! ([`container`]).

pub mod annotate;
mod body;
mod container;
mod numbering;
mod package;
mod styles;
mod xml;

use std::fmt;
use std::io::{BufReader, Cursor, Read};
use std::ops::Range;

use zip::ZipArchive;
use zip::result::ZipError;

pub use body::{Piece, RunSpot, TextMap, TextSpot};
pub use container::{Compound, classify as classify_compound};

use crate::source::Review;

/// Largest uncompressed size of any part read (decompression-bomb guard).
pub const PART_LIMIT: u64 = 64 * 1024 * 1024;

/// What the reader found in a Word document.
#[derive(Debug, Default)]
pub struct Docx {
    /// One line per paragraph (more after line breaks); a run of empty paragraphs is
    /// one empty line.
    pub text: String,
    /// `(line, level)` of paragraphs in a heading style or with an outline level 1–4.
    pub heading_levels: Vec<(usize, u8)>,
    /// Lines that continue the paragraph before them, after a line break: ascending.
    pub soft_breaks: Vec<usize>,
    /// Where a heading run into its paragraph ends, as its type shows (see
    /// [`crate::source::Source::run_in_ends`]): ascending byte offsets.
    pub run_in_ends: Vec<usize>,
    /// Lines that label a table's rows of figures (see
    /// [`crate::source::Source::table_labels`]): ascending.
    pub table_labels: Vec<usize>,
    /// Lines of table cells (see [`crate::source::Source::table_cells`]): ascending.
    pub table_cells: Vec<usize>,
    /// Automatic numbering labels Word draws before paragraphs: byte ranges of `text`.
    pub labels: Vec<Range<usize>>,
    pub review: Review,
    /// Where the text sits in `document.xml`.
    pub map: TextMap,
}

/// Why a `.docx` file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocxError {
    /// Not a zip archive (or a damaged one).
    NotZip,
    /// Password-protected: an encrypted package, or encrypted zip entries.
    Encrypted,
    /// An old binary Word or WPS document (`.doc`, `.wps`) under another name.
    Legacy,
    /// Some other OLE compound file.
    OtherCompound,
    /// The archive has no main document part.
    MissingDocument,
    /// A part unpacks to more than `limit` bytes.
    TooLarge { part: String, limit: u64 },
    /// A part is not well-formed XML.
    Xml { part: String, message: String },
    /// The body imports another file (`w:altChunk`) that Word converts on opening.
    AltChunk,
    /// Reading or unpacking failed.
    Io(String),
}

impl DocxError {
    fn xml(part: &str, error: &quick_xml::Error, position: u64) -> DocxError {
        DocxError::Xml {
            part: part.to_owned(),
            message: format!("{error}（第 {position} 字节处）"),
        }
    }
}

impl fmt::Display for DocxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocxError::NotZip => f.write_str("不是有效的 .docx 文件（无法作为 ZIP 压缩包打开）"),
            DocxError::Encrypted => {
                f.write_str("文档已加密（设有打开密码），请先在 Word 中取消密码再检查")
            }
            DocxError::Legacy => f.write_str(
                "这是旧版二进制 Word/WPS 文档（.doc/.wps 格式），nianbao 不能读取；\
                 请在 Word 或 WPS 中打开，“另存为” Word 文档（*.docx）后再检查",
            ),
            DocxError::OtherCompound => {
                f.write_str("不是有效的 .docx 文件（这是其他格式的 Office 二进制文件）")
            }
            DocxError::MissingDocument => {
                f.write_str("不是有效的 .docx 文件：缺少正文部分（word/document.xml）")
            }
            DocxError::TooLarge { part, limit } => {
                write!(f, "{part} 解压后超过 {limit} 字节的上限，已拒绝读取")
            }
            DocxError::Xml { part, message } => write!(f, "{part} 不是有效的 XML：{message}"),
            DocxError::AltChunk => f.write_str(
                "正文嵌有其他格式的内容（w:altChunk，如粘贴进来的网页或 RTF），nianbao 暂不支持；\
                 请在 Word 中打开并“另存为” .docx 后再检查",
            ),
            DocxError::Io(message) => write!(f, "读取 .docx 文件失败：{message}"),
        }
    }
}

impl std::error::Error for DocxError {}

/// Reads the document: its text as Word shows it, and what the format says about it.
pub fn read(bytes: &[u8]) -> Result<Docx, DocxError> {
    read_with_limit(bytes, PART_LIMIT)
}

fn read_with_limit(bytes: &[u8], limit: u64) -> Result<Docx, DocxError> {
    let mut archive = open(bytes)?;
    let document = main_document(&mut archive, limit)?;
    let rels = part(&mut archive, &package::rels_of(&document), limit)?;
    let related = |kind: &str| {
        rels.as_deref()
            .and_then(|r| package::target(r, kind, &document))
            .unwrap_or_else(|| package::resolve(&document, &format!("{kind}.xml")))
    };
    let (styles_part, numbering_part) = (related("styles"), related("numbering"));
    let styles = match part(&mut archive, &styles_part, limit)? {
        Some(xml) => styles::Styles::parse(&styles_part, &xml)?,
        None => styles::Styles::default(),
    };
    let numbering = match part(&mut archive, &numbering_part, limit)? {
        Some(xml) => numbering::Numbering::parse(&numbering_part, &xml)?,
        None => numbering::Numbering::default(),
    };
    let entry = archive.by_name(&document).map_err(zip_error)?;
    let mut xml = BufReader::new(entry.take(limit.saturating_add(1)));
    let read = body::read(&document, &mut xml, &styles, &numbering);
    if xml.get_ref().limit() == 0 {
        return Err(DocxError::TooLarge {
            part: document,
            limit,
        });
    }
    read
}

/// The main document's part name, from the package's relationships.
fn main_document<R: Read + std::io::Seek>(
    archive: &mut ZipArchive<R>,
    limit: u64,
) -> Result<String, DocxError> {
    let rels = part(archive, package::PACKAGE_RELS, limit)?;
    Ok(package::main_document(rels.as_deref()))
}

/// The zip package in `bytes`; an OLE compound file is told apart first.
fn open(bytes: &[u8]) -> Result<ZipArchive<Cursor<&[u8]>>, DocxError> {
    match container::classify(bytes) {
        Some(Compound::Encrypted) => return Err(DocxError::Encrypted),
        Some(Compound::LegacyWord) => return Err(DocxError::Legacy),
        Some(Compound::Other) => return Err(DocxError::OtherCompound),
        None => {}
    }
    ZipArchive::new(Cursor::new(bytes)).map_err(|_| DocxError::NotZip)
}

/// The unpacked bytes of part `name`, at most `limit` of them; `None` if absent.
fn part<R: Read + std::io::Seek>(
    archive: &mut ZipArchive<R>,
    name: &str,
    limit: u64,
) -> Result<Option<Vec<u8>>, DocxError> {
    let entry = match archive.by_name(name) {
        Ok(entry) => entry,
        Err(ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(zip_error(e)),
    };
    let mut bytes = Vec::new();
    entry
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|error| DocxError::Io(error.to_string()))?;
    if bytes.len() as u64 > limit {
        return Err(DocxError::TooLarge {
            part: name.to_owned(),
            limit,
        });
    }
    Ok(Some(bytes))
}

fn zip_error(error: ZipError) -> DocxError {
    match error {
        ZipError::FileNotFound => DocxError::MissingDocument,
        ZipError::InvalidPassword => DocxError::Encrypted,
        ZipError::UnsupportedArchive(ZipError::PASSWORD_REQUIRED) => DocxError::Encrypted,
        ZipError::InvalidArchive(_) => DocxError::NotZip,
        ZipError::CompressionMethodNotSupported(method) => {
            DocxError::Io(format!("不支持的压缩方式（编号 {method}）"))
        }
        other => DocxError::Io(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use zip::ZipWriter;
    use zip::write::SimpleFileOptions;

    use super::xml::{MARKUP_COMPAT_NS, WORD_NS};

    const DOCUMENT_PATH: &str = "word/document.xml";
    const STYLES_PATH: &str = "word/styles.xml";
    const NUMBERING_PATH: &str = "word/numbering.xml";
    use super::*;

    const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;

    /// A zip holding the given (name, content) entries, deflated.
    fn zip_with(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
        let options = SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .compression_level(Some(1));
        for (name, content) in entries {
            writer.start_file(*name, options).unwrap();
            writer.write_all(content).unwrap();
        }
        writer.finish().unwrap().into_inner()
    }

    fn document(body: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{WORD_NS}" xmlns:mc="{MARKUP_COMPAT_NS}"><w:body>{body}</w:body></w:document>"#
        )
    }

    /// A minimal .docx whose body is `body`.
    fn docx(body: &str) -> Vec<u8> {
        zip_with(&[
            ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
            (DOCUMENT_PATH, document(body).as_bytes()),
        ])
    }

    fn texts(bytes: &[u8]) -> Vec<String> {
        read(bytes)
            .unwrap()
            .text
            .split('\n')
            .map(String::from)
            .collect()
    }

    #[test]
    fn paragraphs_and_table_cells_in_order() {
        let body = r#"
            <w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="840"/></w:tabs></w:pPr>
              <w:r><w:t>一、</w:t></w:r><w:r><w:t xml:space="preserve">总体情况 </w:t></w:r></w:p>
            <w:p/>
            <w:tbl><w:tr>
              <w:tc><w:p><w:r><w:t>甲</w:t></w:r></w:p></w:tc>
              <w:tc><w:p><w:r><w:t>乙</w:t></w:r></w:p><w:p></w:p></w:tc>
            </w:tr></w:tbl>
            <w:p><w:r><w:t>结尾</w:t></w:r></w:p>"#;
        assert_eq!(
            texts(&docx(body)),
            ["一、总体情况 ", "", "甲", "乙", "", "结尾"]
        );
    }

    #[test]
    fn a_heading_in_bold_or_a_heading_face_run_into_its_text_ends_where_they_do() {
        let body = r#"<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>一、主要举措</w:t></w:r><w:r><w:rPr><w:b w:val="1"/></w:rPr><w:t>和成效</w:t></w:r><w:r><w:t xml:space="preserve"> 全年审查</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>文件</w:t></w:r></w:p>
            <w:p><w:r><w:rPr><w:rFonts w:eastAsia="楷体_GB2312"/></w:rPr><w:t>（一）健全机制</w:t></w:r><w:r><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/></w:rPr><w:t>全年</w:t></w:r></w:p>
            <w:p><w:r><w:rPr><w:b/></w:rPr><w:t>二、存在的不足</w:t></w:r></w:p>
            <w:p><w:r><w:t>正文</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>加粗</w:t></w:r><w:r><w:t>正文</w:t></w:r></w:p>
            <w:p><w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>不加粗</w:t></w:r><w:r><w:t>正文</w:t></w:r></w:p>"#;
        let read = read(&docx(body)).unwrap();
        let ends: Vec<&str> = read.run_in_ends.iter().map(|&e| &read.text[..e]).collect();
        assert_eq!(
            ends,
            [
                "一、主要举措和成效",
                "一、主要举措和成效 全年审查文件\n（一）健全机制"
            ]
        );
    }

    #[test]
    fn a_run_of_empty_paragraphs_is_one_empty_line() {
        let body = "<w:p><w:r><w:t>甲</w:t></w:r></w:p><w:p/><w:p/><w:p></w:p><w:p/><w:p><w:r><w:t>乙</w:t></w:r></w:p>";
        assert_eq!(texts(&docx(body)), ["甲", "", "乙"]);
    }

    #[test]
    fn entities_tabs_and_breaks() {
        let body = r#"<w:p><w:r><w:t>A&amp;B &lt;C&gt; &#x4E2D;&#25991;</w:t><w:tab/><w:t>x</w:t><w:br/><w:t>y</w:t><w:cr/><w:t>z</w:t></w:r></w:p>"#;
        let read = read(&docx(body)).unwrap();
        assert_eq!(read.text, "A&B <C> 中文\tx\ny\nz");
        assert_eq!(read.soft_breaks, [1, 2]);
        assert_eq!(read.map.lines.len(), 3);
        assert_eq!(read.map.lines[0], read.map.lines[2]);
    }

    #[test]
    fn a_signature_typed_with_a_line_break_reads_as_two_lines() {
        // Organ, Shift+Enter, date: one Word paragraph, two lines as Word shows it.
        let body = r#"<w:p><w:r><w:t>正文。</w:t></w:r></w:p>
            <w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:br w:type="page"/><w:t>某区人民政府</w:t><w:br/></w:r><w:r><w:t>2025年1月15日</w:t><w:br/><w:br/></w:r></w:p>
            <w:p><w:r><w:t>末</w:t></w:r></w:p>"#;
        let read = read(&docx(body)).unwrap();
        // Breaks before any text and after all of it draw nothing to read.
        assert_eq!(read.text, "正文。\n某区人民政府\n2025年1月15日\n末");
        assert_eq!(read.soft_breaks, [2]);
    }

    #[test]
    fn line_breaks_in_a_title_or_heading_join_its_lines() {
        let body = r#"<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>某区人民政府关于2024年法治政府</w:t><w:br/><w:t>建设情况的报告</w:t></w:r></w:p>
            <w:p><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:r><w:t>一、主要举措 Part</w:t><w:br/><w:t>A</w:t></w:r></w:p>"#;
        let read = read(&docx(body)).unwrap();
        assert_eq!(
            read.text,
            "某区人民政府关于2024年法治政府建设情况的报告\n一、主要举措 Part A"
        );
        assert!(read.soft_breaks.is_empty());
        assert_eq!(read.heading_levels, [(1, 1)]);
    }

    /// A heading typed with its body after a line break (Shift+Enter) in one
    /// Heading-styled paragraph: the heading is a line of its own, its level kept.
    #[test]
    fn a_body_after_a_line_break_in_a_heading_is_a_line_of_its_own() {
        let body = r#"<w:p><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:r><w:t>一、存在的不足和原因</w:t><w:br/><w:t>一是执法人员不足，原因是编制偏紧；二是普法形式单一，原因是投入不足。</w:t></w:r></w:p>
            <w:p><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:r><w:t>（一）强化法治建设统筹。</w:t><w:br/><w:t>局党组坚持把法治建设与业务工作同部署、同推进、同考核，全年专题研究3次。</w:t></w:r></w:p>
            <w:p><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:r><w:t>（二）存在的不足</w:t><w:br/><w:t>一是执法人员不足；二是普法形式单一。</w:t></w:r></w:p>"#;
        let read = read(&docx(body)).unwrap();
        assert_eq!(
            read.text,
            "一、存在的不足和原因\n一是执法人员不足，原因是编制偏紧；二是普法形式单一，原因是投入不足。\n（一）强化法治建设统筹。\n局党组坚持把法治建设与业务工作同部署、同推进、同考核，全年专题研究3次。\n（二）存在的不足\n一是执法人员不足；二是普法形式单一。"
        );
        assert_eq!(read.heading_levels, [(0, 1), (2, 2), (4, 2)]);
    }

    #[test]
    fn a_non_breaking_hyphen_is_a_hyphen() {
        let body = "<w:p><w:r><w:t>2023年1</w:t><w:noBreakHyphen/><w:t>11月</w:t><w:softHyphen/></w:r></w:p>";
        assert_eq!(texts(&docx(body)), ["2023年1-11月"]);
    }

    #[test]
    fn hidden_text_is_left_out() {
        // Word neither shows nor prints it: a drafter's hidden note is not report text.
        let body = r#"<w:p><w:r><w:t>现将有关情况报告如下。</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>（备注：数字待核实）</w:t><w:br/></w:r><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>全年</w:t></w:r><w:r><w:rPr><w:rPrChange w:id="1"><w:rPr><w:vanish/></w:rPr></w:rPrChange></w:rPr><w:t>办结。</w:t></w:r></w:p>"#;
        let read = read(&docx(body)).unwrap();
        assert_eq!(read.text, "现将有关情况报告如下。全年办结。");
        assert!(
            read.map
                .pieces
                .iter()
                .all(|p| p.text.end as usize <= read.text.len())
        );
    }

    #[test]
    fn a_line_break_inside_text_does_not_split_the_paragraph() {
        let body = "<w:p><w:r><w:t>第一\n第二\r\n第三</w:t></w:r></w:p>";
        assert_eq!(texts(&docx(body)), ["第一 第二  第三"]);
    }

    #[test]
    fn field_codes_deleted_moved_text_and_fallbacks_are_left_out() {
        let body = r#"<w:p>
            <w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>3</w:t></w:r>
            <w:del><w:r><w:delText>旧</w:delText></w:r></w:del><w:ins><w:r><w:t>新</w:t></w:r></w:ins>
            <w:moveFrom><w:r><w:t>移走</w:t></w:r></w:moveFrom>
            <w:r><mc:AlternateContent>
              <mc:Choice Requires="wps"><w:txbxContent><w:p><w:r><w:t>框</w:t></w:r></w:p></w:txbxContent></mc:Choice>
              <mc:Fallback><w:txbxContent><w:p><w:r><w:t>框</w:t></w:r></w:p></w:txbxContent></mc:Fallback>
            </mc:AlternateContent></w:r>
            <w:r><w:t>尾</w:t></w:r></w:p>
            <w:p><w:moveTo><w:r><w:t>移走</w:t></w:r></w:moveTo></w:p>"#;
        assert_eq!(texts(&docx(body)), ["3新尾", "框", "移走"]);
    }

    /// A phonetic guide (拼音指南) is drawn above its base text, not in the sentence (h54).
    #[test]
    fn a_phonetic_guide_is_left_out() {
        let body = r#"<w:p><w:r><w:t>全年赴</w:t></w:r><w:r><w:ruby><w:rubyPr><w:rubyAlign w:val="distributeSpace"/></w:rubyPr><w:rt><w:r><w:t>yù</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>蔚</w:t></w:r></w:rubyBase></w:ruby></w:r><w:r><w:t>县开展宣传。</w:t></w:r></w:p>"#;
        assert_eq!(texts(&docx(body)), ["全年赴蔚县开展宣传。"]);
    }

    /// Other producers write deleted text as `w:t` inside `w:del`.
    #[test]
    fn text_inside_a_deletion_is_left_out_whatever_its_element() {
        let body = r#"<w:p><w:r><w:t>保留</w:t></w:r><w:del w:id="1" w:author="x"><w:r><w:t>删去</w:t></w:r></w:del></w:p>"#;
        assert_eq!(texts(&docx(body)), ["保留"]);
    }

    #[test]
    fn a_table_of_contents_is_left_out() {
        let body = r#"
            <w:p><w:r><w:t>目录</w:t></w:r></w:p>
            <w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr><w:sdtContent>
            <w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \o "1-3" \h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>
              <w:hyperlink w:anchor="_Toc1"><w:r><w:t>一、主要举措和成效</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGEREF _Toc1 \h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:hyperlink></w:p>
            <w:p><w:r><w:t>二、存在的不足</w:t></w:r></w:p>
            <w:p><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
            </w:sdtContent></w:sdt>
            <w:p><w:fldSimple w:instr=" TOC \o "><w:r><w:t>三、简单域目录</w:t></w:r></w:fldSimple></w:p>
            <w:p><w:r><w:t>一、主要举措和成效</w:t></w:r></w:p>"#;
        assert_eq!(texts(&docx(body)), ["目录", "", "一、主要举措和成效"]);
    }

    #[test]
    fn an_imported_chunk_is_unsupported() {
        let body = r#"<w:altChunk xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId9"/>"#;
        assert_eq!(read(&docx(body)).unwrap_err(), DocxError::AltChunk);
        assert!(DocxError::AltChunk.to_string().contains("不支持"));
    }

    const STYLES: &str = r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
        <w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>
        <w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/>
          <w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/>
          <w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="10"><w:name w:val="toc 1"/></w:style>
      </w:styles>"#;
    const NUMBERING: &str = r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
        <w:abstractNum w:abstractNumId="0">
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/><w:pStyle w:val="1"/></w:lvl>
          <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/><w:pStyle w:val="2"/></w:lvl>
        </w:abstractNum>
        <w:abstractNum w:abstractNumId="1">
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
        </w:abstractNum>
        <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
        <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
      </w:numbering>"#;

    fn styled(body: &str) -> Docx {
        let bytes = zip_with(&[
            (DOCUMENT_PATH, document(body).as_bytes()),
            (STYLES_PATH, STYLES.as_bytes()),
            (NUMBERING_PATH, NUMBERING.as_bytes()),
        ]);
        read(&bytes).unwrap()
    }

    fn para(style: &str, props: &str, text: &str) -> String {
        format!(
            r#"<w:p><w:pPr><w:pStyle w:val="{style}"/>{props}</w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
        )
    }

    #[test]
    fn numbering_labels_and_heading_levels() {
        let body = [
            para("a", "", "某县2023年法治政府建设情况报告"),
            para("1", "", "主要举措和成效"),
            para("2", "", "依法决策"),
            para(
                "a",
                r#"<w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr>"#,
                "第一项",
            ),
            para(
                "a",
                r#"<w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr>"#,
                "第二项",
            ),
            para("2", "", "严格执法"),
            para("1", "", "存在的不足和原因"),
            para("2", "", "短板"),
            para(
                "1",
                r#"<w:numPr><w:numId w:val="0"/></w:numPr>"#,
                "不编号的标题",
            ),
            para("a", r#"<w:outlineLvl w:val="2"/>"#, "大纲级别三"),
            para("10", "", "一、目录项"),
        ]
        .concat();
        let docx = styled(&body);
        let lines: Vec<&str> = docx.text.split('\n').collect();
        assert_eq!(
            lines,
            [
                "某县2023年法治政府建设情况报告",
                "一、主要举措和成效",
                "（一）依法决策",
                "1.\t第一项",
                "2.\t第二项",
                "（二）严格执法",
                "二、存在的不足和原因",
                "（一）短板",
                "不编号的标题",
                "大纲级别三",
                "",
            ]
        );
        assert_eq!(
            docx.heading_levels,
            [(1, 1), (2, 2), (5, 2), (6, 1), (7, 2), (8, 1), (9, 3)]
        );
        let labels: Vec<&str> = docx.labels.iter().map(|r| &docx.text[r.clone()]).collect();
        assert_eq!(labels[..4], ["一、", "（一）", "1.\t", "2.\t"]);
    }

    #[test]
    fn revisions_and_comments_are_counted_and_placed() {
        let body = r#"<w:p><w:r><w:t>第一段</w:t></w:r></w:p>
            <w:p><w:pPr><w:rPr><w:ins w:id="7" w:author="a"/></w:rPr></w:pPr>
              <w:r><w:t>前</w:t></w:r>
              <w:commentRangeStart w:id="3"/><w:r><w:rPr><w:b/><w:rPrChange w:id="8" w:author="a"><w:rPr/></w:rPrChange></w:rPr><w:t>批注处</w:t></w:r><w:commentRangeEnd w:id="3"/>
              <w:r><w:commentReference w:id="3"/></w:r>
              <w:del w:id="9" w:author="a"><w:r><w:delText>删</w:delText></w:r></w:del>
              <w:moveTo w:id="10" w:author="a"><w:r><w:t>移</w:t></w:r></w:moveTo>
              <w:r><w:commentReference w:id="4"/></w:r></w:p>"#;
        let docx = docx_read(body);
        let r = &docx.review;
        assert_eq!(
            (r.insertions, r.deletions, r.moves, r.format_changes),
            (1, 1, 1, 1)
        );
        assert_eq!(r.first_revision, Some(docx.text.find('前').unwrap()));
        let quoted: Vec<&str> = r.comments.iter().map(|c| &docx.text[c.clone()]).collect();
        assert_eq!(quoted, ["批注处", ""]);
        assert_eq!(docx.map.max_id, 10);
    }

    fn docx_read(body: &str) -> Docx {
        read(&docx(body)).unwrap()
    }

    /// Every piece of text points at the same characters in the XML; runs and paragraphs
    /// know their extent.
    #[test]
    fn the_map_points_into_the_xml() {
        let body = r#"<w:p><w:pPr><w:jc w:val="both"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>A&amp;B中文</w:t></w:r><w:hyperlink><w:r><w:t xml:space="preserve"> 链接 </w:t></w:r></w:hyperlink></w:p><w:p/>"#;
        let xml = document(body);
        let docx = docx_read(body);
        let map = &docx.map;
        assert_eq!(map.prefix, "w");
        assert_eq!(docx.text, "A&B中文 链接 \n");
        for piece in &map.pieces {
            let text = &docx.text[piece.text.start as usize..piece.text.end as usize];
            let raw = &xml[piece.xml.start as usize..piece.xml.end as usize];
            if raw.starts_with('&') {
                assert_eq!((text, raw), ("&", "&amp;"));
            } else {
                assert_eq!(text, raw);
            }
        }
        let range = |r: &Range<u32>| &xml[r.start as usize..r.end as usize];
        let run = &map.runs[0];
        assert_eq!(range(&run.props), "<w:rPr><w:b/></w:rPr>");
        assert!(range(&run.xml).starts_with("<w:r>") && range(&run.xml).ends_with("</w:r>"));
        assert!(run.editable && map.runs[1].editable);
        assert_ne!(run.parent, map.runs[1].parent);
        let line = map.lines[0].clone().unwrap();
        assert!(range(&line).starts_with("<w:r>") && range(&line).ends_with("</w:hyperlink>"));
        assert_eq!(map.lines[1], None);
        let t = &map.texts[map.pieces[0].t as usize];
        assert_eq!(range(&t.tag), "<w:t>");
        assert!(xml[..t.end as usize].ends_with("</w:t>"));
    }

    #[test]
    fn a_byte_order_mark_does_not_shift_the_map() {
        let xml = format!(
            "\u{feff}{}",
            document("<w:p><w:r><w:t>正文</w:t></w:r></w:p>")
        );
        let docx = read(&zip_with(&[(DOCUMENT_PATH, xml.as_bytes())])).unwrap();
        let piece = &docx.map.pieces[0];
        let unmarked = &xml["\u{feff}".len()..];
        assert_eq!(
            &unmarked[piece.xml.start as usize..piece.xml.end as usize],
            "正文"
        );
    }

    #[test]
    fn whitespace_between_elements_is_ignored() {
        let body = "<w:p>\n  <w:r>\n    <w:t>正文</w:t>\n  </w:r>\n</w:p>";
        assert_eq!(texts(&docx(body)), ["正文"]);
    }

    #[test]
    fn not_a_zip() {
        assert_eq!(read(b"plain text").unwrap_err(), DocxError::NotZip);
        assert_eq!(read(b"").unwrap_err(), DocxError::NotZip);
    }

    #[test]
    fn truncated_zip() {
        let bytes = docx("<w:p><w:r><w:t>正文</w:t></w:r></w:p>");
        for len in [4, 30, bytes.len() / 2, bytes.len() - 10] {
            let error = read(&bytes[..len]).unwrap_err();
            assert!(
                matches!(error, DocxError::NotZip | DocxError::Io(_)),
                "{len}: {error:?}"
            );
        }
    }

    #[test]
    fn zip_without_document() {
        let bytes = zip_with(&[("[Content_Types].xml", CONTENT_TYPES.as_bytes())]);
        assert_eq!(read(&bytes).unwrap_err(), DocxError::MissingDocument);
    }

    #[test]
    fn decompression_bomb_is_refused() {
        let limit = 1024 * 1024;
        let mut document = b"<w:document><w:body><w:p><w:r><w:t>".to_vec();
        document.resize(4 * 1024 * 1024, b'a');
        let bytes = zip_with(&[(DOCUMENT_PATH, &document)]);
        assert!(bytes.len() < limit / 10, "compressed size {}", bytes.len());
        let too_large = DocxError::TooLarge {
            part: DOCUMENT_PATH.into(),
            limit: limit as u64,
        };
        assert_eq!(
            read_with_limit(&bytes, limit as u64).unwrap_err(),
            too_large
        );
        let styles = zip_with(&[(STYLES_PATH, &document), (DOCUMENT_PATH, b"<w:p/>")]);
        assert!(matches!(
            read_with_limit(&styles, limit as u64),
            Err(DocxError::TooLarge { part, .. }) if part == STYLES_PATH
        ));
    }

    #[test]
    fn document_at_the_limit_is_accepted() {
        let document = "<w:p><w:r><w:t>正文</w:t></w:r></w:p>";
        let bytes = zip_with(&[(DOCUMENT_PATH, document.as_bytes())]);
        let limit = document.len() as u64;
        assert_eq!(read_with_limit(&bytes, limit).unwrap().text, "正文");
        assert_eq!(
            read_with_limit(&bytes, limit - 1).unwrap_err(),
            DocxError::TooLarge {
                part: DOCUMENT_PATH.into(),
                limit: limit - 1
            }
        );
    }

    #[test]
    fn compound_files_are_told_apart() {
        use super::container::tests::compound;
        let encrypted = compound(&["EncryptionInfo", "EncryptedPackage"]);
        assert_eq!(read(&encrypted).unwrap_err(), DocxError::Encrypted);
        let legacy = compound(&["WordDocument"]);
        assert_eq!(read(&legacy).unwrap_err(), DocxError::Legacy);
        assert!(DocxError::Legacy.to_string().contains("另存为"));
    }

    #[test]
    fn encrypted_entry_is_encrypted() {
        let mut bytes = docx("<w:p/>");
        set_encrypted_flags(&mut bytes);
        assert_eq!(read(&bytes).unwrap_err(), DocxError::Encrypted);
    }

    /// Set the "encrypted" bit of every entry's general-purpose flags, in both
    /// the local headers and the central directory.
    fn set_encrypted_flags(bytes: &mut [u8]) {
        for i in 0..bytes.len().saturating_sub(10) {
            let flags_at = match &bytes[i..i + 4] {
                b"PK\x03\x04" => i + 6,
                b"PK\x01\x02" => i + 8,
                _ => continue,
            };
            bytes[flags_at] |= 1;
        }
    }

    #[test]
    fn malformed_xml() {
        let is_xml_error = |bytes: &[u8]| matches!(read(bytes), Err(DocxError::Xml { .. }));
        assert!(is_xml_error(&docx("<w:p><w:r><w:t>正文</w:r></w:p>")));
        assert!(is_xml_error(&zip_with(&[(
            DOCUMENT_PATH,
            b"<w:document><w:body><w:p>"
        )])));
        assert!(is_xml_error(&docx(
            "<w:p><w:r><w:t>&nbsp;</w:t></w:r></w:p>"
        )));
        assert!(is_xml_error(&zip_with(&[(
            DOCUMENT_PATH,
            b"<w:p>\xFF</w:p>"
        )])));
        let bad_styles = zip_with(&[(STYLES_PATH, b"<w:styles>"), (DOCUMENT_PATH, b"<w:p/>")]);
        assert!(matches!(
            read(&bad_styles),
            Err(DocxError::Xml { part, .. }) if part == STYLES_PATH
        ));
    }

    #[test]
    fn errors_display_in_chinese() {
        assert!(DocxError::NotZip.to_string().contains("不是有效的 .docx"));
        let too_large = DocxError::TooLarge {
            part: DOCUMENT_PATH.into(),
            limit: 10,
        };
        assert!(too_large.to_string().contains("10 字节"));
    }
}
