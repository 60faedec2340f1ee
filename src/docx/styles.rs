//! `word/styles.xml`: what a paragraph style makes of its paragraphs — a heading
//! level (`w:outlineLvl`, or a built-in `heading N` / `标题 N` style), automatic
//! numbering (`w:numPr`), a table-of-contents entry (`toc N`) — resolved once per
//! style through its `w:basedOn` chain.

use rustc_hash::FxHashMap;

use super::DocxError;
use super::xml::{self, Node};

/// A paragraph's numbering reference: `w:numId` and `w:ilvl`, either of which may be
/// given directly on the paragraph and the other by its style.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NumRef {
    pub num_id: Option<u32>,
    pub level: Option<u8>,
}

impl NumRef {
    /// Each field from `self`, else from `fallback`.
    pub fn or(self, fallback: NumRef) -> NumRef {
        NumRef {
            num_id: self.num_id.or(fallback.num_id),
            level: self.level.or(fallback.level),
        }
    }
}

/// What a style gives its paragraphs, with everything inherited filled in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StyleInfo {
    /// The outline level, 0 for the top (`w:outlineLvl` 9, body text, is `None`).
    pub outline: Option<u8>,
    pub num: NumRef,
    /// A table-of-contents entry style (`toc 1` …).
    pub toc: bool,
    /// Paragraphs are centred (`w:jc`).
    pub centered: bool,
}

/// One `w:style` as written.
#[derive(Debug, Default)]
struct RawStyle {
    name: String,
    based_on: Option<String>,
    /// `w:outlineLvl`, 0–9.
    outline: Option<u8>,
    num: NumRef,
    /// `w:jc` is `center`.
    centered: Option<bool>,
}

/// The paragraph styles of a document.
#[derive(Debug, Default)]
pub struct Styles {
    resolved: FxHashMap<String, StyleInfo>,
    /// The style of paragraphs that name none (`w:default="1"`).
    default: Option<String>,
}

/// The longest `w:basedOn` chain followed (Word allows far fewer; guards cycles).
const MAX_CHAIN: usize = 32;

impl Styles {
    pub fn parse(part: &str, xml: &[u8]) -> Result<Styles, DocxError> {
        let mut raw: FxHashMap<String, RawStyle> = FxHashMap::default();
        let mut default = None;
        let mut current: Option<(String, RawStyle)> = None;
        // Depth inside a `…Change` element, whose content is the old formatting.
        let mut change = 0usize;
        let mut in_num_pr = false;
        xml::walk(part, xml, |node| match node {
            Node::Start { element, local, .. } => {
                if change > 0 || local.ends_with("Change") {
                    change += 1;
                    return;
                }
                match local {
                    "style" => {
                        let id = xml::attr(element, "styleId").unwrap_or_default();
                        let paragraph = xml::attr(element, "type").is_none_or(|t| t == "paragraph");
                        if paragraph && xml::attr(element, "default").as_deref() == Some("1") {
                            default = Some(id.clone());
                        }
                        current = Some((id, RawStyle::default()));
                    }
                    "numPr" => in_num_pr = true,
                    _ => {}
                }
                let Some((_, style)) = current.as_mut() else {
                    return;
                };
                match local {
                    "name" => style.name = xml::attr(element, "val").unwrap_or_default(),
                    "basedOn" => style.based_on = xml::attr(element, "val"),
                    "outlineLvl" => {
                        style.outline = xml::attr_u32(element, "val").map(|v| v.min(9) as u8)
                    }
                    "jc" => {
                        style.centered =
                            Some(xml::attr(element, "val").as_deref() == Some("center"))
                    }
                    "numId" if in_num_pr => style.num.num_id = xml::attr_u32(element, "val"),
                    "ilvl" if in_num_pr => {
                        style.num.level = xml::attr_u32(element, "val").map(|v| v.min(8) as u8)
                    }
                    _ => {}
                }
            }
            Node::End { local } => {
                if change > 0 {
                    change -= 1;
                    return;
                }
                match local {
                    "numPr" => in_num_pr = false,
                    "style" => {
                        if let Some((id, style)) = current.take() {
                            raw.entry(id).or_insert(style);
                        }
                    }
                    _ => {}
                }
            }
        })?;
        let resolved = raw
            .keys()
            .map(|id| (id.clone(), resolve(&raw, id)))
            .collect();
        Ok(Styles { resolved, default })
    }

    /// What style `id` (or, for `None`, the default paragraph style) gives a paragraph.
    pub fn info(&self, id: Option<&str>) -> StyleInfo {
        id.or(self.default.as_deref())
            .and_then(|id| self.resolved.get(id))
            .cloned()
            .unwrap_or_default()
    }

    /// The numbering a style names (for `w:numStyleLink`).
    pub fn num_id(&self, id: &str) -> Option<u32> {
        self.resolved.get(id)?.num.num_id
    }
}

/// Follows `id`'s `w:basedOn` chain: the nearest style that sets a property wins.
fn resolve(raw: &FxHashMap<String, RawStyle>, id: &str) -> StyleInfo {
    let mut info = StyleInfo::default();
    let mut outline: Option<u8> = None;
    let mut centered = None;
    let mut next = Some(id);
    for _ in 0..MAX_CHAIN {
        let Some(style) = next.and_then(|id| raw.get(id)) else {
            break;
        };
        outline = outline
            .or(style.outline)
            .or_else(|| heading_name(&style.name));
        info.num = info.num.or(style.num);
        info.toc |= is_toc_name(&style.name);
        centered = centered.or(style.centered);
        next = style.based_on.as_deref();
    }
    info.outline = outline.filter(|&l| l < 9);
    info.centered = centered.unwrap_or(false);
    info
}

/// `heading 1` … `heading 9` (Word's built-in names, whatever the interface language)
/// and `标题 1` … (as some producers write them): outline level 0–8. `Title` / `标题`
/// alone is the document title, not a heading.
fn heading_name(name: &str) -> Option<u8> {
    let lower = name.trim().to_lowercase();
    let rest = lower
        .strip_prefix("heading")
        .or_else(|| lower.strip_prefix("标题"))?;
    let n: u8 = rest.trim().parse().ok()?;
    (1..=9).contains(&n).then(|| n - 1)
}

/// `toc 1` … `toc 9`, `目录 1` …: the styles of a table of contents' entries.
fn is_toc_name(name: &str) -> bool {
    let lower = name.trim().to_lowercase();
    lower
        .strip_prefix("toc")
        .or_else(|| lower.strip_prefix("目录"))
        .is_some_and(|rest| {
            let rest = rest.trim();
            !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>
  <w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/>
    <w:pPr><w:numPr><w:numId w:val="3"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/>
    <w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="Mine"><w:name w:val="报告一级"/><w:basedOn w:val="1"/>
    <w:pPr><w:pPrChange w:id="1"><w:pPr><w:outlineLvl w:val="5"/></w:pPr></w:pPrChange></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="Body"><w:name w:val="正文首行"/><w:basedOn w:val="1"/>
    <w:pPr><w:numPr><w:numId w:val="0"/></w:numPr><w:outlineLvl w:val="9"/></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="b"><w:name w:val="Title"/></w:style>
  <w:style w:type="paragraph" w:styleId="10"><w:name w:val="toc 1"/></w:style>
  <w:style w:type="paragraph" w:styleId="Loop1"><w:name w:val="x"/><w:basedOn w:val="Loop2"/></w:style>
  <w:style w:type="paragraph" w:styleId="Loop2"><w:name w:val="y"/><w:basedOn w:val="Loop1"/></w:style>
  <w:style w:type="paragraph" w:styleId="3"><w:name w:val="标题 3"/></w:style>
</w:styles>"#;

    #[test]
    fn headings_numbering_and_inheritance() {
        let styles = Styles::parse("t.xml", STYLES.as_bytes()).unwrap();
        let h1 = styles.info(Some("1"));
        assert_eq!(h1.outline, Some(0));
        assert_eq!(h1.num.num_id, Some(3));
        assert_eq!(h1.num.level, None);
        let h2 = styles.info(Some("2"));
        assert_eq!((h2.outline, h2.num.level), (Some(1), Some(1)));
        // Inherited from heading 1; the old formatting in pPrChange is not read.
        assert_eq!(styles.info(Some("Mine")).outline, Some(0));
        // Outline level 9 is body text; numId 0 switches numbering off.
        let body = styles.info(Some("Body"));
        assert_eq!((body.outline, body.num.num_id), (None, Some(0)));
        assert_eq!(styles.info(Some("b")).outline, None);
        assert_eq!(styles.info(Some("3")).outline, Some(2));
        assert!(styles.info(Some("10")).toc);
        assert_eq!(styles.info(Some("Loop1")), StyleInfo::default());
        assert_eq!(styles.info(None), StyleInfo::default());
        assert_eq!(styles.info(Some("missing")), StyleInfo::default());
    }

    #[test]
    fn names() {
        assert_eq!(heading_name("Heading 4"), Some(3));
        assert_eq!(heading_name("标题 2"), Some(1));
        assert_eq!(heading_name("标题"), None);
        assert_eq!(heading_name("heading 10"), None);
        assert!(is_toc_name("TOC 2") && is_toc_name("目录 1"));
        assert!(!is_toc_name("TOC Heading") && !is_toc_name("toc"));
    }
}
