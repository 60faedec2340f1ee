//! How a paragraph of a format with type (Word, HTML) opens: emphasized text run into
//! text in body type is a heading whose end the type shows (`**一、主要举措和成效**全年
//! 审查…`), where a plain-text copy has nothing to end it.

/// East Asian faces of headings set in a paragraph's body type (仿宋): GB/T 9704 sets
/// the first two heading levels in 黑体 and 楷体.
pub const HEADING_FACES: [&str; 2] = ["黑体", "楷体"];

/// The opening of a paragraph being read.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub enum Lead {
    /// No text yet.
    #[default]
    Start,
    /// Only emphasized text so far, ending at this byte.
    Emphasized(usize),
    /// Emphasized text up to this byte, then text in body type.
    RunIn(usize),
    /// Opens in body type.
    Plain,
}

impl Lead {
    /// The lead after more text (not blank) ending at byte `end`.
    pub fn after(self, emphasized: bool, end: usize) -> Lead {
        match (self, emphasized) {
            (Lead::Start | Lead::Emphasized(_), true) => Lead::Emphasized(end),
            (Lead::Emphasized(e), false) => Lead::RunIn(e),
            (Lead::Start, false) => Lead::Plain,
            (lead, _) => lead,
        }
    }

    /// Where a run-in heading ends, if the paragraph opens with one.
    pub fn run_in_end(self) -> Option<usize> {
        match self {
            Lead::RunIn(end) => Some(end),
            _ => None,
        }
    }
}

/// Whether `text` shows anything: white space and invisible characters (a web editor's
/// zero-width space between two bold runs) leave a paragraph's lead as it was.
pub fn shows(text: &str) -> bool {
    text.chars()
        .any(|c| !c.is_whitespace() && !crate::outline::is_invisible(c))
}

#[cfg(test)]
mod tests {
    use super::{Lead, shows};

    #[test]
    fn only_emphasis_followed_by_body_type_is_a_run_in_heading() {
        let read = |parts: &[(bool, usize)]| {
            parts
                .iter()
                .fold(Lead::Start, |l, &(e, end)| l.after(e, end))
                .run_in_end()
        };
        assert_eq!(read(&[(true, 6), (true, 12), (false, 40)]), Some(12));
        // All emphasized: a heading of its own; plain first: text, whatever follows.
        assert_eq!(read(&[(true, 6), (true, 12)]), None);
        assert_eq!(read(&[(false, 6), (true, 12), (false, 40)]), None);
        // Emphasis again later in the text changes nothing.
        assert_eq!(read(&[(true, 6), (false, 20), (true, 30)]), Some(6));
        // What does not show between two bold runs is not body type.
        assert!(!shows(" \u{200B}\u{3000}\u{AD}") && shows("\u{200B}年"));
    }
}
