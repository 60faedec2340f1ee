//! Reading the paragraphs of a Word `.docx` file.
//!
//! Only the main document part, `word/document.xml`, is read. Every `w:p`
//! element becomes one paragraph, in document order: table cells' paragraphs
//! where the table stands, and empty paragraphs too, so that paragraph numbers
//! match Word's count. Paragraphs are listed in the order they start, so a
//! paragraph nested in another one (text-box content) comes right after the
//! paragraph that holds it.
//!
//! Within a paragraph, the text of `w:t` is kept, `w:tab` becomes `\t`, and a
//! soft line break (`w:br`, `w:cr`) becomes a space. Field codes
//! (`w:instrText`), deleted text (`w:delText`), tab-stop definitions and the
//! `mc:Fallback` copy of alternate content are left out.

use std::fmt;
use std::io::{Cursor, Read};

use quick_xml::events::{BytesRef, Event};
use quick_xml::name::{Namespace, ResolveResult};
use quick_xml::reader::NsReader;
use zip::ZipArchive;
use zip::result::ZipError;

/// Largest uncompressed `word/document.xml` accepted (decompression-bomb guard).
const DOCUMENT_LIMIT: u64 = 64 * 1024 * 1024;
const DOCUMENT_PATH: &str = "word/document.xml";
/// An OLE compound file: how Word stores a password-protected `.docx`.
const CFB_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
const WORD_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const WORD_STRICT_NS: &str = "http://purl.oclc.org/ooxml/wordprocessingml/main";
const MARKUP_COMPAT_NS: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/// One Word paragraph (`w:p`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocxParagraph {
    pub text: String,
}

/// Why a `.docx` file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocxError {
    /// Not a zip archive (or a damaged one).
    NotZip,
    /// Password-protected: an OLE compound file, or encrypted zip entries.
    Encrypted,
    /// The archive has no `word/document.xml`.
    MissingDocument,
    /// `word/document.xml` unpacks to more than `limit` bytes.
    TooLarge { limit: u64 },
    /// `word/document.xml` is not well-formed XML.
    Xml(String),
    /// Reading or unpacking failed.
    Io(String),
}

impl fmt::Display for DocxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocxError::NotZip => f.write_str("不是有效的 .docx 文件（无法作为 ZIP 压缩包打开）"),
            DocxError::Encrypted => {
                f.write_str("文档已加密（设有打开密码），请先在 Word 中取消密码再检查")
            }
            DocxError::MissingDocument => {
                f.write_str("不是有效的 .docx 文件：缺少正文部分 word/document.xml")
            }
            DocxError::TooLarge { limit } => {
                write!(
                    f,
                    "word/document.xml 解压后超过 {limit} 字节的上限，已拒绝读取"
                )
            }
            DocxError::Xml(message) => write!(f, "word/document.xml 不是有效的 XML：{message}"),
            DocxError::Io(message) => write!(f, "读取 .docx 文件失败：{message}"),
        }
    }
}

impl std::error::Error for DocxError {}

/// Read the paragraphs of word/document.xml in document order.
pub fn read_paragraphs(bytes: &[u8]) -> Result<Vec<DocxParagraph>, DocxError> {
    read_paragraphs_with_limit(bytes, DOCUMENT_LIMIT)
}

fn read_paragraphs_with_limit(bytes: &[u8], limit: u64) -> Result<Vec<DocxParagraph>, DocxError> {
    let xml = read_document_xml(bytes, limit)?;
    parse_paragraphs(&xml)
}

/// The uncompressed bytes of `word/document.xml`, at most `limit` of them.
fn read_document_xml(bytes: &[u8], limit: u64) -> Result<Vec<u8>, DocxError> {
    if bytes.starts_with(CFB_MAGIC) {
        return Err(DocxError::Encrypted);
    }
    let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(|_| DocxError::NotZip)?;
    let entry = archive.by_name(DOCUMENT_PATH).map_err(zip_error)?;
    let mut xml = Vec::new();
    entry
        .take(limit.saturating_add(1))
        .read_to_end(&mut xml)
        .map_err(|error| DocxError::Io(error.to_string()))?;
    if xml.len() as u64 > limit {
        return Err(DocxError::TooLarge { limit });
    }
    Ok(xml)
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

/// What an element means for the extracted text.
enum Tag {
    Paragraph,
    Text,
    /// An element standing for one character.
    Char(char),
    /// An element whose whole content is left out.
    Skip,
    Other,
}

fn classify(namespace: &ResolveResult<'_>, local_name: &str) -> Tag {
    if is_word(namespace) {
        match local_name {
            "p" => Tag::Paragraph,
            "t" => Tag::Text,
            "tab" | "ptab" => Tag::Char('\t'),
            "br" | "cr" => Tag::Char(' '),
            "instrText" | "delText" | "delInstrText" | "tabs" => Tag::Skip,
            _ => Tag::Other,
        }
    } else if *namespace == ResolveResult::Bound(Namespace(MARKUP_COMPAT_NS))
        && local_name == "Fallback"
    {
        Tag::Skip
    } else {
        Tag::Other
    }
}

/// WordprocessingML, also when the `w` prefix was (wrongly) never declared.
fn is_word(namespace: &ResolveResult<'_>) -> bool {
    match namespace {
        ResolveResult::Bound(Namespace(uri)) => *uri == WORD_NS || *uri == WORD_STRICT_NS,
        ResolveResult::Unknown(prefix) => prefix == "w",
        ResolveResult::Unbound => false,
    }
}

/// Walk the XML events, building paragraphs.
fn parse_paragraphs(xml: &[u8]) -> Result<Vec<DocxParagraph>, DocxError> {
    let xml = xml.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(xml);
    let xml = std::str::from_utf8(xml).map_err(|error| {
        DocxError::Xml(format!("第 {} 字节处不是 UTF-8 编码", error.valid_up_to()))
    })?;
    let mut reader = NsReader::from_str(xml);
    let mut builder = Builder::default();
    loop {
        let (namespace, event) = match reader.read_resolved_event() {
            Ok(resolved) => resolved,
            Err(error) => return Err(xml_error(&error, reader.error_position())),
        };
        match event {
            Event::Start(start) => builder.start(classify(&namespace, start.local_name().as_ref())),
            Event::Empty(empty) => builder.empty(classify(&namespace, empty.local_name().as_ref())),
            Event::End(end) => builder.end(classify(&namespace, end.local_name().as_ref())),
            Event::Text(text) => builder.text(&text.xml10_content()),
            Event::CData(data) => builder.text(&data.xml10_content()),
            Event::GeneralRef(reference) => builder.reference(&reference)?,
            Event::Eof => return builder.finish(),
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
        }
    }
}

fn xml_error(error: &quick_xml::Error, position: u64) -> DocxError {
    DocxError::Xml(format!("{error}（第 {position} 字节处）"))
}

/// Paragraphs built so far, and where in the element tree the reader is.
#[derive(Default)]
struct Builder {
    paragraphs: Vec<DocxParagraph>,
    /// Indices in `paragraphs` of the `w:p` elements currently open.
    open: Vec<usize>,
    /// How many `w:t` elements are open (0 or 1 in a valid document).
    in_text: usize,
    /// Depth inside a left-out element (0 when not inside one).
    skipped: usize,
    /// How many elements are open.
    depth: usize,
}

impl Builder {
    fn start(&mut self, tag: Tag) {
        self.depth += 1;
        if self.skipped > 0 {
            self.skipped += 1;
            return;
        }
        match tag {
            Tag::Paragraph => {
                self.open.push(self.paragraphs.len());
                self.new_paragraph();
            }
            Tag::Text => self.in_text += 1,
            Tag::Char(c) => self.push(c.encode_utf8(&mut [0; 4])),
            Tag::Skip => self.skipped = 1,
            Tag::Other => {}
        }
    }

    fn empty(&mut self, tag: Tag) {
        if self.skipped > 0 {
            return;
        }
        match tag {
            Tag::Paragraph => self.new_paragraph(),
            Tag::Char(c) => self.push(c.encode_utf8(&mut [0; 4])),
            Tag::Text | Tag::Skip | Tag::Other => {}
        }
    }

    fn end(&mut self, tag: Tag) {
        self.depth = self.depth.saturating_sub(1);
        if self.skipped > 0 {
            self.skipped -= 1;
            return;
        }
        match tag {
            Tag::Paragraph => {
                self.open.pop();
            }
            Tag::Text => self.in_text = self.in_text.saturating_sub(1),
            Tag::Char(_) | Tag::Skip | Tag::Other => {}
        }
    }

    fn text(&mut self, text: &str) {
        if self.in_text > 0 && self.skipped == 0 {
            self.push(text);
        }
    }

    /// A character reference (`&#x4E2D;`) or predefined entity (`&amp;`).
    fn reference(&mut self, reference: &BytesRef<'_>) -> Result<(), DocxError> {
        let invalid = || DocxError::Xml(format!("无法识别的实体引用 &{};", &**reference));
        match reference.resolve_char_ref().map_err(|_| invalid())? {
            Some(c) => self.text(c.encode_utf8(&mut [0; 4])),
            None => {
                let resolved =
                    quick_xml::escape::resolve_predefined_entity(reference).ok_or_else(invalid)?;
                self.text(resolved);
            }
        }
        Ok(())
    }

    fn new_paragraph(&mut self) {
        self.paragraphs.push(DocxParagraph {
            text: String::new(),
        });
    }

    /// Append to the innermost open paragraph; text outside any is dropped.
    fn push(&mut self, text: &str) {
        if let Some(paragraph) = self.open.last().and_then(|&i| self.paragraphs.get_mut(i)) {
            paragraph.text.push_str(text);
        }
    }

    fn finish(self) -> Result<Vec<DocxParagraph>, DocxError> {
        if self.depth > 0 {
            return Err(DocxError::Xml("文档不完整：有未闭合的元素".to_owned()));
        }
        Ok(self.paragraphs)
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use zip::ZipWriter;
    use zip::write::SimpleFileOptions;

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

    /// A minimal .docx whose body is `body`.
    fn docx(body: &str) -> Vec<u8> {
        let document = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{WORD_NS}" xmlns:mc="{MARKUP_COMPAT_NS}"><w:body>{body}</w:body></w:document>"#
        );
        zip_with(&[
            ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
            (DOCUMENT_PATH, document.as_bytes()),
        ])
    }

    fn texts(bytes: &[u8]) -> Vec<String> {
        read_paragraphs(bytes)
            .unwrap()
            .into_iter()
            .map(|p| p.text)
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
    fn entities_tabs_and_breaks() {
        let body = r#"<w:p><w:r><w:t>A&amp;B &lt;C&gt; &#x4E2D;&#25991;</w:t><w:tab/><w:t>x</w:t><w:br/><w:t>y</w:t><w:cr/><w:t>z</w:t></w:r></w:p>"#;
        assert_eq!(texts(&docx(body)), ["A&B <C> 中文\tx y z"]);
    }

    #[test]
    fn field_codes_deleted_text_and_fallbacks_are_left_out() {
        let body = r#"<w:p>
            <w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>3</w:t></w:r>
            <w:del><w:r><w:delText>旧</w:delText></w:r></w:del><w:ins><w:r><w:t>新</w:t></w:r></w:ins>
            <w:r><mc:AlternateContent>
              <mc:Choice Requires="wps"><w:txbxContent><w:p><w:r><w:t>框</w:t></w:r></w:p></w:txbxContent></mc:Choice>
              <mc:Fallback><w:txbxContent><w:p><w:r><w:t>框</w:t></w:r></w:p></w:txbxContent></mc:Fallback>
            </mc:AlternateContent></w:r>
            <w:r><w:t>尾</w:t></w:r></w:p>"#;
        assert_eq!(texts(&docx(body)), ["3新尾", "框"]);
    }

    #[test]
    fn whitespace_between_elements_is_ignored() {
        let body = "<w:p>\n  <w:r>\n    <w:t>正文</w:t>\n  </w:r>\n</w:p>";
        assert_eq!(texts(&docx(body)), ["正文"]);
    }

    #[test]
    fn not_a_zip() {
        assert_eq!(read_paragraphs(b"plain text"), Err(DocxError::NotZip));
        assert_eq!(read_paragraphs(b""), Err(DocxError::NotZip));
    }

    #[test]
    fn truncated_zip() {
        let bytes = docx("<w:p><w:r><w:t>正文</w:t></w:r></w:p>");
        for len in [4, 30, bytes.len() / 2, bytes.len() - 10] {
            let error = read_paragraphs(&bytes[..len]).unwrap_err();
            assert!(
                matches!(error, DocxError::NotZip | DocxError::Io(_)),
                "{len}: {error:?}"
            );
        }
    }

    #[test]
    fn zip_without_document() {
        let bytes = zip_with(&[("[Content_Types].xml", CONTENT_TYPES.as_bytes())]);
        assert_eq!(read_paragraphs(&bytes), Err(DocxError::MissingDocument));
    }

    #[test]
    fn decompression_bomb_is_refused() {
        let limit = 1024 * 1024;
        let mut document = b"<w:document><w:body><w:p><w:r><w:t>".to_vec();
        document.resize(4 * 1024 * 1024, b'a');
        let bytes = zip_with(&[(DOCUMENT_PATH, &document)]);
        assert!(bytes.len() < limit / 10, "compressed size {}", bytes.len());
        assert_eq!(
            read_paragraphs_with_limit(&bytes, limit as u64),
            Err(DocxError::TooLarge {
                limit: limit as u64
            })
        );
    }

    #[test]
    fn document_at_the_limit_is_accepted() {
        let document = "<w:p><w:r><w:t>正文</w:t></w:r></w:p>";
        let bytes = zip_with(&[(DOCUMENT_PATH, document.as_bytes())]);
        let limit = document.len() as u64;
        assert_eq!(read_paragraphs_with_limit(&bytes, limit).unwrap().len(), 1);
        assert_eq!(
            read_paragraphs_with_limit(&bytes, limit - 1),
            Err(DocxError::TooLarge { limit: limit - 1 })
        );
    }

    #[test]
    fn compound_file_is_encrypted() {
        let mut bytes = CFB_MAGIC.to_vec();
        bytes.resize(512, 0);
        assert_eq!(read_paragraphs(&bytes), Err(DocxError::Encrypted));
    }

    #[test]
    fn encrypted_entry_is_encrypted() {
        let mut bytes = docx("<w:p/>");
        set_encrypted_flags(&mut bytes);
        assert_eq!(read_paragraphs(&bytes), Err(DocxError::Encrypted));
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
        let mismatched = docx("<w:p><w:r><w:t>正文</w:r></w:p>");
        assert!(matches!(
            read_paragraphs(&mismatched),
            Err(DocxError::Xml(_))
        ));
        let unclosed = zip_with(&[(DOCUMENT_PATH, b"<w:document><w:body><w:p>")]);
        assert!(matches!(read_paragraphs(&unclosed), Err(DocxError::Xml(_))));
        let bad_entity = docx("<w:p><w:r><w:t>&nbsp;</w:t></w:r></w:p>");
        assert!(matches!(
            read_paragraphs(&bad_entity),
            Err(DocxError::Xml(_))
        ));
        let not_utf8 = zip_with(&[(DOCUMENT_PATH, b"<w:p>\xFF</w:p>")]);
        assert!(matches!(read_paragraphs(&not_utf8), Err(DocxError::Xml(_))));
    }

    #[test]
    fn errors_display_in_chinese() {
        assert!(DocxError::NotZip.to_string().contains("不是有效的 .docx"));
        assert!(
            DocxError::TooLarge { limit: 10 }
                .to_string()
                .contains("10 字节")
        );
    }
}
