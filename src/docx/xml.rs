//! WordprocessingML namespaces, attribute values, and a walker for the small parts
//! (styles, numbering, comments) that only need element starts and ends.

use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::{Namespace, ResolveResult};
use quick_xml::reader::NsReader;

use super::DocxError;

pub const WORD_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
pub const WORD_STRICT_NS: &str = "http://purl.oclc.org/ooxml/wordprocessingml/main";
pub const MARKUP_COMPAT_NS: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/// WordprocessingML, also when the `w` prefix was (wrongly) never declared.
pub fn is_word(namespace: &ResolveResult<'_>) -> bool {
    match namespace {
        ResolveResult::Bound(Namespace(uri)) => *uri == WORD_NS || *uri == WORD_STRICT_NS,
        ResolveResult::Unknown(prefix) => prefix == "w",
        ResolveResult::Unbound => false,
    }
}

/// `mc:Fallback`: the copy of alternate content for older readers, left out.
pub fn is_fallback(namespace: &ResolveResult<'_>, local_name: &str) -> bool {
    *namespace == ResolveResult::Bound(Namespace(MARKUP_COMPAT_NS)) && local_name == "Fallback"
}

/// The unescaped value of the attribute whose local name is `name` (`w:val` → `val`).
pub fn attr(element: &BytesStart<'_>, name: &str) -> Option<String> {
    element
        .attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| a.normalized_value(XmlVersion::Implicit1_0).ok())
        .map(|v| v.into_owned())
}

/// A numeric attribute (`w:val="3"`).
pub fn attr_u32(element: &BytesStart<'_>, name: &str) -> Option<u32> {
    attr(element, name)?.trim().parse().ok()
}

/// An on/off property (`<w:isLgl/>`, `<w:isLgl w:val="false"/>`).
pub fn is_on(element: &BytesStart<'_>) -> bool {
    attr(element, "val").is_none_or(|v| !matches!(v.as_str(), "false" | "0" | "off"))
}

/// An on/off attribute, off when absent (`w:fldLock="1"`).
pub fn attr_on(element: &BytesStart<'_>, name: &str) -> bool {
    attr(element, name).is_some_and(|v| matches!(v.as_str(), "true" | "1" | "on"))
}

/// One element event of a small part, WordprocessingML elements only.
pub enum Node<'a, 'e> {
    /// An element start (an empty element `<w:x/>` is a start and an end).
    Start {
        element: &'a BytesStart<'e>,
        local: &'a str,
    },
    End {
        local: &'a str,
    },
}

/// Calls `visit` with every WordprocessingML element start and end of `xml`, in order;
/// other elements (and the content of `mc:Fallback`) are passed over.
pub fn walk(part: &str, xml: &[u8], mut visit: impl FnMut(Node<'_, '_>)) -> Result<(), DocxError> {
    let mut reader = NsReader::from_reader(xml);
    let mut buf = Vec::new();
    let mut fallback = 0usize;
    let mut depth = 0usize;
    loop {
        buf.clear();
        let event = match reader.read_event_into(&mut buf) {
            Ok(event) => event,
            Err(e) => return Err(DocxError::xml(part, &e, reader.error_position())),
        };
        let namespace = |name| reader.resolver().resolve_element(name).0;
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(event, Event::Empty(_));
                depth += usize::from(!empty);
                let namespace = namespace(e.name());
                if fallback > 0 || is_fallback(&namespace, e.local_name().as_ref()) {
                    fallback += usize::from(!empty);
                    continue;
                }
                if is_word(&namespace) {
                    let name = e.local_name();
                    let local: &str = name.as_ref();
                    visit(Node::Start { element: e, local });
                    if empty {
                        visit(Node::End { local });
                    }
                }
            }
            Event::End(ref e) => {
                depth = depth.saturating_sub(1);
                let namespace = namespace(e.name());
                if fallback > 0 {
                    fallback -= 1;
                    continue;
                }
                if is_word(&namespace) {
                    let name = e.local_name();
                    let local: &str = name.as_ref();
                    visit(Node::End { local });
                }
            }
            Event::Eof if depth > 0 => {
                return Err(DocxError::Xml {
                    part: part.to_owned(),
                    message: "文档不完整：有未闭合的元素".to_owned(),
                });
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}
