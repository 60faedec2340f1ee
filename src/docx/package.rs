//! Where a package keeps its parts: the main document that the package's relationships
//! name (`word/document.xml` as Word saves it, `word/document2.xml` as Word Online does),
//! and the parts that document relates to (styles, numbering, comments), each found
//! through the document's own relationships part.

use super::xml;

/// The package's relationships part.
pub const PACKAGE_RELS: &str = "_rels/.rels";

/// The main document where the package names none.
const DEFAULT_DOCUMENT: &str = "word/document.xml";

/// The main document's part name, as the package's relationships (`rels`) give it.
pub fn main_document(rels: Option<&[u8]>) -> String {
    rels.and_then(|r| target(r, "officeDocument", ""))
        .unwrap_or_else(|| DEFAULT_DOCUMENT.to_owned())
}

/// The relationships part of `part`: `word/document.xml` → `word/_rels/document.xml.rels`.
pub fn rels_of(part: &str) -> String {
    let (folder, name) = split(part);
    format!("{folder}_rels/{name}.rels")
}

/// The part that the first relationship of type `kind` (the last segment of its type,
/// `styles`, `numbering`, `comments`, in the transitional or the strict namespace) in
/// `rels`, the relationships of part `source`, points at.
pub fn target(rels: &[u8], kind: &str, source: &str) -> Option<String> {
    let mut reader = quick_xml::Reader::from_reader(rels);
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf).ok()? {
            quick_xml::events::Event::Empty(e) | quick_xml::events::Event::Start(e)
                if e.local_name().as_ref() == "Relationship"
                    && xml::attr(&e, "Type")
                        .is_some_and(|t| t.rsplit('/').next() == Some(kind))
                    && xml::attr(&e, "TargetMode").as_deref() != Some("External") =>
            {
                return Some(resolve(source, &xml::attr(&e, "Target")?));
            }
            quick_xml::events::Event::Eof => return None,
            _ => {}
        }
        buf.clear();
    }
}

/// The part name that `target`, written in the relationships of `source`, names:
/// relative to `source`'s folder (`styles.xml` → `word/styles.xml`), or absolute
/// (`/word/styles.xml`).
pub fn resolve(source: &str, target: &str) -> String {
    if let Some(absolute) = target.strip_prefix('/') {
        return absolute.to_owned();
    }
    let mut parts: Vec<&str> = split(source)
        .0
        .split('/')
        .filter(|p| !p.is_empty())
        .collect();
    for segment in target.split('/') {
        match segment {
            "." | "" => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// `part` as a target in the relationships of `source` (both in one folder, or `part`
/// absolute).
pub fn relative(source: &str, part: &str) -> String {
    let folder = split(source).0;
    match part.strip_prefix(folder) {
        Some(name) if !folder.is_empty() => name.to_owned(),
        _ => format!("/{part}"),
    }
}

/// A part name's folder (with its slash; empty at the root) and file name.
fn split(part: &str) -> (&str, &str) {
    match part.rfind('/') {
        Some(at) => part.split_at(at + 1),
        None => ("", part),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document2.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="styles.xml" TargetMode="External"/><Relationship Id="rId3" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/styles" Target="../word/styles2.xml"/></Relationships>"#;

    #[test]
    fn parts_are_found_through_relationships() {
        assert_eq!(main_document(Some(RELS.as_bytes())), "word/document2.xml");
        assert_eq!(main_document(None), "word/document.xml");
        assert_eq!(
            main_document(Some(b"<Relationships/>")),
            "word/document.xml"
        );
        assert_eq!(
            rels_of("word/document2.xml"),
            "word/_rels/document2.xml.rels"
        );
        let styles = target(RELS.as_bytes(), "styles", "word/document2.xml");
        assert_eq!(styles.as_deref(), Some("word/styles2.xml"));
        assert_eq!(
            target(RELS.as_bytes(), "numbering", "word/document2.xml"),
            None
        );
        assert_eq!(
            resolve("word/document.xml", "/custom/x.xml"),
            "custom/x.xml"
        );
        assert_eq!(
            relative("word/document.xml", "word/comments.xml"),
            "comments.xml"
        );
        assert_eq!(
            relative("word/document.xml", "other/comments.xml"),
            "/other/comments.xml"
        );
    }
}
