//! The main document (`word/document.xml`) → the text Word shows, one line per
//! paragraph, with what the format says about it (heading levels, numbering labels,
//! revisions, comments) and a map from the text back to the XML for writing annotations.
//!
//! Every `w:p` is a paragraph, in the order paragraphs start: table cells' where the
//! table stands, an inline text box's right after the paragraph that holds it, a
//! floating box's up to two paragraphs later (Word draws it where it is positioned,
//! often below the paragraph it is anchored in: a 落款 box anchored in the last
//! heading), never past a heading, a page break, a table or a paragraph set to the
//! right (a 落款); a box anchored in the body's first text (a title) before it. An
//! outline level on a paragraph of sentences makes no heading; a paragraph whose mark
//! is a tracked deletion has no number of its own. A run of empty paragraphs is one
//! empty line, so spacing cannot blow up memory;
//! findings name paragraphs by Word's count, which skips empty ones. A table row's first
//! cell beside cells of figures, a group's row merged across such a table or across a
//! table of three or more filled columns (a task table), and a 序号 cell's number in such
//! a table label rows (`Docx::table_labels`), not headings.
//!
//! Within a paragraph: its numbering label (from `numbering.xml`), then the text of
//! `w:t`; `w:tab` is `\t`, a non-breaking hyphen `-`, a symbol (`w:sym`) its
//! character. A line break (`w:br`, `w:cr`; not a page break) starts a new line of the
//! same paragraph (a 落款 typed as organ, Shift+Enter, date), except in a title or
//! heading, whose lines are joined (with a space only between Latin letters or digits);
//! breaks before any text or after all of it are dropped.
//! Left out: field codes, hidden text (`w:vanish`), deleted and moved-away text
//! (`w:del`, `w:moveFrom`, whatever they hold), a table of contents (the result of a
//! `TOC` field, paragraphs in `toc N` styles), formatting history (`w:…Change`) and the
//! `mc:Fallback` copy of alternate content.

use std::io::BufRead;
use std::ops::Range;

use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;
use rustc_hash::FxHashMap;

use super::numbering::{Counters, Numbering};
use super::styles::{NumRef, Styles};
use super::xml;
use super::{Docx, DocxError};
use crate::outline::is_figures_row;
use crate::run_in::{HEADING_FACES, Lead};
use crate::source::Review;

/// Where the text of a document sits in `document.xml`: what an annotation needs to
/// put a comment or a tracked change at a span of the text. Positions are byte offsets
/// in the part after any byte-order mark (the part is at most 64 MiB, so `u32`).
#[derive(Debug, Default)]
pub struct TextMap {
    /// The namespace prefix of WordprocessingML elements (`w`; empty where it is the
    /// default namespace).
    pub prefix: String,
    /// The prefix bound to WordprocessingML that the document's attributes use (`w`
    /// in `w:val`); `None` when no attribute has one. Attributes without a prefix are
    /// in no namespace, so the element prefix cannot stand in for it.
    pub attr_prefix: Option<String>,
    /// Per line of the text: the paragraph's content, from after its `w:pPr` to its
    /// end tag; `None` for a self-closing `<w:p/>`.
    pub lines: Vec<Option<Range<u32>>>,
    pub runs: Vec<RunSpot>,
    /// The `w:t` elements that text came from.
    pub texts: Vec<TextSpot>,
    /// Text from `w:t` content, by position in the text. Text without a piece (labels,
    /// tabs, breaks) is drawn by Word and cannot be split or edited.
    pub pieces: Vec<Piece>,
    /// The largest numeric `w:id` of a revision, comment or bookmark.
    pub max_id: u64,
}

/// One `w:r`.
#[derive(Debug, Clone)]
pub struct RunSpot {
    /// From `<w:r` to after `</w:r>`.
    pub xml: Range<u32>,
    /// Its `<w:rPr>…</w:rPr>`, empty when it has none.
    pub props: Range<u32>,
    /// Between its properties and its end tag.
    pub content: Range<u32>,
    /// Where its parent element starts: runs with one parent are siblings.
    pub parent: u32,
    /// Only `w:t` in it, directly under a paragraph, hyperlink or content control, outside
    /// fields and revisions: its text can be marked deleted.
    pub editable: bool,
}

/// One `w:t` element.
#[derive(Debug, Clone)]
pub struct TextSpot {
    /// The start tag `<w:t …>`.
    pub tag: Range<u32>,
    /// After `</w:t>`.
    pub end: u32,
    pub run: u32,
}

/// A stretch of text from one `w:t`: plain characters (as long in the XML as in the
/// text) or one character reference (`&amp;`, longer in the XML).
#[derive(Debug, Clone)]
pub struct Piece {
    pub text: Range<u32>,
    pub xml: Range<u32>,
    /// Index in [`TextMap::texts`].
    pub t: u32,
}

/// What an open element is, as far as the reader cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Frame {
    Paragraph,
    ParagraphProps,
    NumberingProps,
    /// The paragraph mark's run properties, where its revisions are marked.
    MarkProps,
    Run,
    RunProps,
    Text,
    FieldCode,
    /// An element that holds runs; `editable` when a tracked change may be written in it.
    Container {
        editable: bool,
    },
    /// A floating drawing (`wp:anchor`) or VML shape (`position:absolute`).
    Floating,
    Table,
    Other,
}

/// How many paragraphs of text a floating box's paragraphs may be read after their
/// anchor's.
const FLOATING_HOLD: usize = 2;

/// Whether a drawing element floats: a DrawingML `anchor`, or a VML shape positioned
/// absolutely.
fn floats(local: &[u8], e: &BytesStart<'_>) -> bool {
    match local {
        b"anchor" => true,
        b"shape" | b"rect" | b"roundrect" | b"group" => xml::attr(e, "style")
            .is_some_and(|style| style.replace(' ', "").contains("position:absolute")),
        _ => false,
    }
}

/// A complex field (`w:fldChar` begin … separate … end).
#[derive(Debug, Default)]
struct Field {
    code: String,
    /// Past `separate`: what follows is the field's result.
    result: bool,
    toc: bool,
    /// A field showing the day it is opened, saved or printed ([`shows_today`]), past
    /// `separate`.
    today: bool,
    /// Locked (`w:fldLock`, Ctrl+F11): Word keeps its result as it is.
    locked: bool,
}

/// Something found inside a paragraph whose place in the text is known only when the
/// paragraph is written out.
#[derive(Debug)]
enum Mark {
    Revision,
    CommentStart(String),
    CommentEnd(String),
    CommentReference(String),
    /// The result of a field showing the day it is opened, saved or printed starts or
    /// ends.
    TodayStart,
    TodayEnd,
}

/// A paragraph being read.
#[derive(Debug, Default)]
struct Para {
    text: String,
    style: Option<String>,
    num: NumRef,
    outline: Option<u8>,
    /// `w:jc` given on the paragraph: centred or not.
    centered: Option<bool>,
    /// Set to the right (`w:jc` `right` or `end`), as a 落款 is.
    right: bool,
    /// Content start (after `w:pPr`) and end; `None` for `<w:p/>`.
    content: Option<Range<u32>>,
    /// Properties resolved and label written.
    begun: bool,
    toc: bool,
    level: Option<u8>,
    /// A title or heading: its line breaks join its lines.
    joined: bool,
    /// Where the text stood at each line break that joined lines.
    joins: Vec<usize>,
    label: Option<Range<usize>>,
    pieces: Vec<Piece>,
    marks: Vec<(usize, Mark)>,
    /// In a floating drawing's text box.
    floating: bool,
    /// Starts a page, or breaks one (`w:pageBreakBefore`, `<w:br w:type="page"/>`).
    page_break: bool,
    /// The paragraph mark is a tracked deletion: the paragraph has no number of its own.
    mark_deleted: bool,
    /// How its text opens: with a run-in heading or not.
    lead: Lead,
    /// Directly in a table cell (not in a box).
    in_cell: bool,
}

/// How a run looks, as far as the reader cares.
#[derive(Debug, Default, Clone, Copy)]
struct Look {
    /// `w:vanish`: not shown or printed by Word.
    hidden: bool,
    /// Bold, or in a heading face.
    emphasized: bool,
}

/// The most characters of a heading's own text that is no more than a heading.
const HEADING_CHARS: usize = 30;

/// Text longer than a heading and holding a full stop.
fn is_sentences(text: &str) -> bool {
    text.contains('。') && text.chars().nth(HEADING_CHARS).is_some()
}

impl Para {
    /// Its first line's text after its numbering label longer than a heading and holding
    /// a full stop.
    fn is_sentences(&self) -> bool {
        let own = &self.text[self.label.as_ref().map_or(0, |l| l.end)..];
        let own = own.split('\n').next().unwrap_or_default();
        is_sentences(own)
    }

    /// A title's or heading's line after a line break that opens a parenthesis or a dash,
    /// follows one closed, or is short and dated (the date or meeting under a title,
    /// `（2025年2月20日在…会议上）`, `——…`, `某县人民政府（2025年2月18日）`, the speaker
    /// after the meeting) is a line of its own; so is the body typed after a heading
    /// (`一、存在的不足和原因` / `全年…。`, `（一）存在的不足` / `一是…；二是…。`).
    fn keep_lines_apart(&mut self) {
        let mut next = self.text.len();
        for &at in self.joins.iter().rev() {
            let segment = &self.text[at..next];
            next = at;
            let dated = ["年", "月", "日"].iter().all(|w| segment.contains(w))
                && segment.chars().count() <= 40;
            let apart = segment.starts_with(['（', '(', '—'])
                || self.text[..at].ends_with(['）', ')'])
                || dated
                || is_sentences(segment)
                || segment.starts_with("一是");
            if !apart {
                continue;
            }
            self.text.insert(at, '\n');
            let at32 = at as u32;
            for p in &mut self.pieces {
                let start = p.text.start + u32::from(p.text.start >= at32);
                let end = p.text.end + u32::from(p.text.end > at32);
                p.text = start..end;
            }
            for (i, _) in &mut self.marks {
                if *i >= at {
                    *i += 1;
                }
            }
        }
    }
}

/// A table being read: per row, its cells.
#[derive(Debug, Default)]
struct Table {
    rows: Vec<Vec<Cell>>,
}

/// A table cell: its paragraphs' text, the grid columns it spans, its lines of text.
#[derive(Debug)]
struct Cell {
    text: String,
    span: usize,
    lines: Vec<usize>,
}

impl Table {
    /// The lines that label its rows (see [`Docx::table_labels`]).
    fn labels(&self) -> Vec<usize> {
        let figures: Vec<bool> = self
            .rows
            .iter()
            .map(|row| {
                let cells: Vec<&str> = row.iter().map(|c| c.text.as_str()).collect();
                row.len() > 1 && is_figures_row(&cells.join(" | "))
            })
            .collect();
        // A layout table, its other cells empty, holds no figure.
        let holds_figures = self
            .rows
            .iter()
            .zip(&figures)
            .any(|(row, &f)| f && row[1..].iter().any(|c| !c.text.trim().is_empty()));
        let columns = self.rows.iter().map(|row| row.iter().map(|c| c.span).sum());
        let columns: usize = columns.max().unwrap_or(0);
        let group = |row: &[Cell]| matches!(row, [cell] if cell.span == columns);
        // A table of three or more filled columns (a task table: 序号, 任务, 完成情况)
        // labels its rows too: by a group's row across it, or a 序号 cell's number.
        let filled = |row: &[Cell]| row.iter().filter(|c| !c.text.trim().is_empty()).count();
        let tabular = columns >= 3 && self.rows.iter().filter(|r| filled(r) >= 3).count() >= 2;
        let numbered = |row: &[Cell]| filled(row) >= 3 && is_number_alone(&row[0].text);
        if !holds_figures && !tabular {
            return Vec::new();
        }
        self.rows
            .iter()
            .zip(figures)
            .filter(|&(row, f)| f && holds_figures || group(row) || tabular && numbered(row))
            .flat_map(|(row, _)| row[0].lines.iter().copied())
            .collect()
    }
}

/// A cell holding only a heading's number (`（一）`, `一、`, `1.`): a 序号 column's.
fn is_number_alone(cell: &str) -> bool {
    let t = cell.trim().trim_start_matches(['(', '（']);
    let t = t.trim_end_matches([')', '）', '、', '.', '．']);
    !t.is_empty()
        && t.chars()
            .all(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
}

struct Reader<'a> {
    styles: &'a Styles,
    numbering: &'a Numbering,
    counters: Counters,
    doc: Docx,
    /// Paragraphs started and not yet written, in the order they started.
    pending: Vec<Para>,
    /// Indices in `pending` of the open `w:p` elements.
    open: Vec<usize>,
    /// Indices in `map.runs` of the open `w:r` elements.
    open_runs: Vec<u32>,
    /// Per open `w:r`: how its text looks.
    looks: Vec<Look>,
    frames: Vec<(Frame, u32)>,
    /// Depth inside a left-out element.
    skip: usize,
    fields: Vec<Field>,
    /// The depths of the open `w:fldSimple` elements showing today's date.
    simple_todays: Vec<usize>,
    /// Where the result of such a field started in the text.
    today_start: Option<usize>,
    comment_starts: FxHashMap<String, usize>,
    comments_seen: rustc_hash::FxHashSet<String>,
    last_line_empty: bool,
    /// Depth inside floating drawings.
    floating: usize,
    /// Floating boxes' paragraphs not written yet, and how many paragraphs of text were
    /// written since they were held.
    held: Vec<Para>,
    held_past: usize,
    /// A paragraph of text outside floating boxes has been written.
    body_started: bool,
    /// The open tables, innermost last.
    tables: Vec<Table>,
}

/// Reads the main document, part `part`, from `xml`.
pub fn read<R: BufRead>(
    part: &str,
    xml: R,
    styles: &Styles,
    numbering: &Numbering,
) -> Result<Docx, DocxError> {
    let mut reader = NsReader::from_reader(xml);
    let mut state = Reader {
        styles,
        numbering,
        counters: Counters::default(),
        doc: Docx::default(),
        pending: Vec::new(),
        open: Vec::new(),
        open_runs: Vec::new(),
        looks: Vec::new(),
        frames: Vec::new(),
        skip: 0,
        fields: Vec::new(),
        simple_todays: Vec::new(),
        today_start: None,
        comment_starts: FxHashMap::default(),
        comments_seen: Default::default(),
        last_line_empty: false,
        floating: 0,
        held: Vec::new(),
        held_past: 0,
        body_started: false,
        tables: Vec::new(),
    };
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let at = reader.buffer_position() as u32;
        let event = match reader.read_event_into(&mut buf) {
            Ok(event) => event,
            Err(e) => return Err(DocxError::xml(part, &e, reader.error_position())),
        };
        let end = reader.buffer_position() as u32;
        let namespace = |name| reader.resolver().resolve_element(name).0;
        if let Event::Start(e) | Event::Empty(e) = &event
            && state.doc.map.attr_prefix.is_none()
        {
            state.doc.map.attr_prefix = word_attribute_prefix(&reader, e);
        }
        match event {
            Event::Start(e) => {
                state.start(&namespace(e.name()), &e, at..end, false)?;
            }
            Event::Empty(e) => {
                if state.start(&namespace(e.name()), &e, at..end, true)? {
                    state.end(end, end);
                }
            }
            Event::End(_) => state.end(at, end),
            Event::Text(text) => state.text(&text, at..end),
            Event::CData(data) => {
                if state.parent() == Frame::Text {
                    state.synthetic_text(&data);
                }
            }
            Event::GeneralRef(reference) => {
                let c = resolve_reference(part, &reference)?;
                state.text(c.encode_utf8(&mut [0; 4]), at..end);
            }
            Event::Eof => return state.finish(part),
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
        }
    }
}

/// The prefix of a WordprocessingML attribute of `e` (`w` of `w:val`).
fn word_attribute_prefix<R>(reader: &NsReader<R>, e: &BytesStart<'_>) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        let prefix = a.key.prefix()?;
        let (namespace, _) = reader.resolver().resolve_attribute(a.key);
        xml::is_word(&namespace)
            .then(|| String::from_utf8_lossy(prefix.as_ref().as_bytes()).into_owned())
    })
}

/// A character reference (`&#x4E2D;`) or predefined entity (`&amp;`).
fn resolve_reference(part: &str, reference: &BytesRef<'_>) -> Result<char, DocxError> {
    let invalid = || DocxError::Xml {
        part: part.to_owned(),
        message: format!("无法识别的实体引用 &{};", &**reference),
    };
    if let Some(c) = reference.resolve_char_ref().map_err(|_| invalid())? {
        return Ok(c);
    }
    let resolved = quick_xml::escape::resolve_predefined_entity(reference).ok_or_else(invalid)?;
    resolved.chars().next().ok_or_else(invalid)
}

impl Reader<'_> {
    fn parent(&self) -> Frame {
        self.frames.last().map_or(Frame::Other, |f| f.0)
    }

    /// An element start; returns whether it opened a frame (which its end closes).
    fn start(
        &mut self,
        namespace: &ResolveResult<'_>,
        e: &BytesStart<'_>,
        raw: Range<u32>,
        empty: bool,
    ) -> Result<bool, DocxError> {
        let name = e.local_name();
        // Left out, with everything inside it.
        let skip = |reader: &mut Self| {
            reader.skip = usize::from(!empty);
            Ok(false)
        };
        if self.skip > 0 {
            self.skip += usize::from(!empty);
            return Ok(false);
        }
        if !xml::is_word(namespace) {
            if xml::is_fallback(namespace, name.as_ref()) {
                return skip(self);
            }
            let frame = if !empty && floats(name.as_ref().as_bytes(), e) {
                self.floating += 1;
                Frame::Floating
            } else {
                Frame::Other
            };
            self.frames.push((frame, raw.start));
            return Ok(true);
        }
        let local: &str = name.as_ref();
        self.note_id(e, local);
        let parent = self.parent();
        let frame = match (parent, local) {
            (_, "p") => {
                self.pending.push(Para {
                    content: (!empty).then_some(raw.end..raw.end),
                    floating: self.floating > 0,
                    in_cell: self.open.is_empty() && self.floating == 0 && !self.tables.is_empty(),
                    ..Para::default()
                });
                self.open.push(self.pending.len() - 1);
                Frame::Paragraph
            }
            (Frame::Paragraph, "pPr") => Frame::ParagraphProps,
            (Frame::ParagraphProps, "pStyle") => {
                let style = xml::attr(e, "val");
                self.with_para(|p| p.style = style);
                Frame::Other
            }
            (Frame::ParagraphProps, "jc") => {
                let val = xml::attr(e, "val");
                let centered = val.as_deref() == Some("center");
                let right = matches!(val.as_deref(), Some("right" | "end"));
                self.with_para(|p| {
                    p.centered = Some(centered);
                    p.right = right;
                });
                Frame::Other
            }
            (Frame::ParagraphProps, "pageBreakBefore") => {
                let on = xml::attr(e, "val").is_none_or(|v| !matches!(v.as_str(), "0" | "false"));
                self.with_para(|p| p.page_break |= on);
                Frame::Other
            }
            (Frame::ParagraphProps, "outlineLvl") => {
                let level = xml::attr_u32(e, "val").map(|v| v.min(9) as u8);
                self.with_para(|p| p.outline = level);
                Frame::Other
            }
            (Frame::ParagraphProps, "numPr") => Frame::NumberingProps,
            (Frame::NumberingProps, "numId") => {
                let id = xml::attr_u32(e, "val");
                self.with_para(|p| p.num.num_id = id);
                Frame::Other
            }
            (Frame::NumberingProps, "ilvl") => {
                let level = xml::attr_u32(e, "val").map(|v| v.min(8) as u8);
                self.with_para(|p| p.num.level = level);
                Frame::Other
            }
            (Frame::ParagraphProps, "rPr") => Frame::MarkProps,
            (Frame::MarkProps, "ins") => self.revision(|r| r.insertions += 1),
            (Frame::MarkProps, "del") => {
                // Deleted, the mark joins the paragraph to the next, whose number it shows.
                self.with_para(|p| p.mark_deleted = true);
                self.revision(|r| r.deletions += 1)
            }
            (Frame::MarkProps, "moveFrom" | "moveTo") => self.revision(|r| r.moves += 1),
            (_, "r") => {
                let parent = self.frames.last().copied();
                let editable = self.fields.is_empty()
                    && matches!(
                        parent,
                        Some((Frame::Paragraph | Frame::Container { editable: true }, _))
                    );
                self.doc.map.runs.push(RunSpot {
                    xml: raw.start..raw.end,
                    props: raw.end..raw.end,
                    content: raw.end..raw.end,
                    parent: parent.map_or(0, |p| p.1),
                    editable,
                });
                self.open_runs.push(self.doc.map.runs.len() as u32 - 1);
                self.looks.push(Look::default());
                Frame::Run
            }
            (Frame::Run, "rPr") => {
                self.with_run(|r| r.props = raw.start..raw.end);
                Frame::RunProps
            }
            (Frame::RunProps, "vanish") => {
                if xml::is_on(e)
                    && let Some(look) = self.looks.last_mut()
                {
                    look.hidden = true;
                    self.with_run(|r| r.editable = false);
                }
                Frame::Other
            }
            (Frame::RunProps, "b") => {
                if let Some(look) = self.looks.last_mut() {
                    look.emphasized |= xml::is_on(e);
                }
                Frame::Other
            }
            (Frame::RunProps, "rFonts") => {
                let face = xml::attr(e, "eastAsia").unwrap_or_default();
                if let Some(look) = self.looks.last_mut() {
                    look.emphasized |= HEADING_FACES.iter().any(|f| face.contains(f));
                }
                Frame::Other
            }
            (Frame::Run, "t") => {
                let run = *self.open_runs.last().unwrap_or(&0);
                self.doc.map.texts.push(TextSpot {
                    tag: raw.clone(),
                    end: raw.end,
                    run,
                });
                Frame::Text
            }
            (Frame::Run, "lastRenderedPageBreak") => Frame::Other,
            // A phonetic guide's text (拼音指南), set above its base text.
            (_, "rt") => return skip(self),
            (Frame::Run, local) => {
                self.with_run(|r| r.editable = false);
                match local {
                    "tab" | "ptab" => self.synthetic_text("\t"),
                    // Ctrl+Shift+-: Word draws a hyphen ("1‑11月" is not "111月").
                    "noBreakHyphen" => self.synthetic_text("-"),
                    "sym" => {
                        if let Some(c) = symbol(e) {
                            self.synthetic_text(c.encode_utf8(&mut [0; 4]));
                        }
                    }
                    "br" if xml::attr(e, "type").as_deref() == Some("page") => {
                        self.with_para(|p| p.page_break = true);
                    }
                    "br" | "cr" => self.line_break(),
                    "fldChar" => self.field_char(e),
                    "commentReference" => {
                        self.comment(e, Mark::CommentReference);
                    }
                    "delText" | "delInstrText" => return skip(self),
                    _ => {}
                }
                if local == "instrText" {
                    Frame::FieldCode
                } else {
                    Frame::Other
                }
            }
            (_, "tbl") => {
                // A table in the body (not in a paragraph's box): boxes held above show
                // before it.
                if self.open.is_empty() && self.floating == 0 {
                    self.release();
                }
                self.tables.push(Table::default());
                Frame::Table
            }
            (_, "tr") => {
                if let Some(table) = self.tables.last_mut() {
                    table.rows.push(Vec::new());
                }
                Frame::Other
            }
            (_, "tc") => {
                if let Some(row) = self.tables.last_mut().and_then(|t| t.rows.last_mut()) {
                    row.push(Cell {
                        text: String::new(),
                        span: 1,
                        lines: Vec::new(),
                    });
                }
                Frame::Other
            }
            (_, "gridSpan") => {
                let span = xml::attr_u32(e, "val").map_or(1, |v| v.max(1) as usize);
                if let Some(cell) = self.cell() {
                    cell.span = span;
                }
                Frame::Other
            }
            (_, "hyperlink" | "smartTag" | "sdtContent" | "customXml") => {
                Frame::Container { editable: true }
            }
            (_, "fldSimple") => {
                let code = xml::attr(e, "instr").unwrap_or_default();
                if is_toc(&code) {
                    return skip(self);
                }
                if shows_today(&code) && !xml::attr_on(e, "fldLock") {
                    self.mark(Mark::TodayStart);
                    self.simple_todays.push(self.frames.len());
                }
                Frame::Container { editable: false }
            }
            (_, "ins" | "cellIns") => {
                self.revision(|r| r.insertions += 1);
                Frame::Container { editable: false }
            }
            (_, "moveTo") => {
                self.revision(|r| r.moves += 1);
                Frame::Container { editable: false }
            }
            (_, "del" | "moveFrom" | "cellDel" | "cellMerge") => {
                self.revision(|r| match local {
                    "moveFrom" => r.moves += 1,
                    _ => r.deletions += 1,
                });
                return skip(self);
            }
            (_, local) if local.ends_with("Change") => {
                self.revision(|r| r.format_changes += 1);
                return skip(self);
            }
            (_, "commentRangeStart") => self.comment(e, Mark::CommentStart),
            (_, "commentRangeEnd") => self.comment(e, Mark::CommentEnd),
            (_, "altChunk") => return Err(DocxError::AltChunk),
            (_, "body") => {
                let qname = e.name();
                self.doc.map.prefix = qname
                    .prefix()
                    .map(|p| p.as_ref().to_owned())
                    .unwrap_or_default();
                Frame::Other
            }
            _ => Frame::Other,
        };
        self.frames.push((frame, raw.start));
        Ok(true)
    }

    fn end(&mut self, at: u32, end: u32) {
        if self.skip > 0 {
            self.skip -= 1;
            return;
        }
        let Some((frame, _)) = self.frames.pop() else {
            return;
        };
        if self.simple_todays.last() == Some(&self.frames.len()) {
            self.simple_todays.pop();
            self.mark(Mark::TodayEnd);
        }
        match frame {
            Frame::Paragraph => self.end_paragraph(at),
            Frame::ParagraphProps => self.with_para(|p| {
                if let Some(content) = p.content.as_mut() {
                    content.start = end;
                }
            }),
            Frame::Run => {
                self.looks.pop();
                if let Some(i) = self.open_runs.pop() {
                    let run = &mut self.doc.map.runs[i as usize];
                    run.xml.end = end;
                    run.content.end = at;
                }
            }
            Frame::RunProps => self.with_run(|run| {
                run.props.end = end;
                run.content.start = end;
            }),
            Frame::Text => {
                if let Some(t) = self.doc.map.texts.last_mut() {
                    t.end = end;
                }
            }
            Frame::Floating => self.floating -= 1,
            Frame::Table => {
                if let Some(table) = self.tables.pop() {
                    self.doc.table_labels.extend(table.labels());
                    let cells = table.rows.iter().flatten();
                    (self.doc.table_cells).extend(cells.flat_map(|c| c.lines.iter().copied()));
                }
            }
            _ => {}
        }
    }

    /// Changes the innermost open paragraph.
    fn with_para(&mut self, change: impl FnOnce(&mut Para)) {
        if let Some(&i) = self.open.last() {
            change(&mut self.pending[i]);
        }
    }

    /// The innermost table's last cell.
    fn cell(&mut self) -> Option<&mut Cell> {
        self.tables.last_mut()?.rows.last_mut()?.last_mut()
    }

    /// Changes the innermost open run.
    fn with_run(&mut self, change: impl FnOnce(&mut RunSpot)) {
        if let Some(&i) = self.open_runs.last() {
            change(&mut self.doc.map.runs[i as usize]);
        }
    }

    fn note_id(&mut self, e: &BytesStart<'_>, local: &str) {
        let carries_id = matches!(
            local,
            "ins" | "del" | "moveFrom" | "moveTo" | "cellIns" | "cellDel" | "cellMerge"
        ) || local.starts_with("comment")
            || local.starts_with("bookmark")
            || local.ends_with("Change")
            || local.ends_with("RangeStart")
            || local.ends_with("RangeEnd");
        if carries_id && let Some(id) = xml::attr(e, "id").and_then(|v| v.parse::<u64>().ok()) {
            self.doc.map.max_id = self.doc.map.max_id.max(id);
        }
    }

    fn revision(&mut self, count: impl FnOnce(&mut Review)) -> Frame {
        count(&mut self.doc.review);
        self.mark(Mark::Revision);
        Frame::Other
    }

    fn comment(&mut self, e: &BytesStart<'_>, mark: fn(String) -> Mark) -> Frame {
        let id = xml::attr(e, "id").unwrap_or_default();
        self.mark(mark(id));
        Frame::Other
    }

    /// Records `mark` where the text now ends.
    fn mark(&mut self, mark: Mark) {
        match self.open.last() {
            Some(&i) => {
                self.begin(i);
                let para = &mut self.pending[i];
                para.marks.push((para.text.len(), mark));
            }
            None => {
                let at = self.doc.text.len();
                self.place(mark, at);
            }
        }
    }

    fn field_char(&mut self, e: &BytesStart<'_>) {
        match xml::attr(e, "fldCharType").as_deref() {
            Some("begin") => self.fields.push(Field {
                locked: xml::attr_on(e, "fldLock"),
                ..Field::default()
            }),
            Some("separate") => {
                if let Some(f) = self.fields.last_mut() {
                    f.result = true;
                    f.toc = is_toc(&f.code);
                    f.today = !f.locked && shows_today(&f.code);
                    if f.today {
                        self.mark(Mark::TodayStart);
                    }
                }
            }
            Some("end") => {
                let today = self.fields.pop().is_some_and(|f| f.today);
                if today {
                    self.mark(Mark::TodayEnd);
                }
            }
            _ => {}
        }
    }

    /// Inside the result of a table-of-contents field.
    fn in_toc(&self) -> bool {
        self.fields.iter().any(|f| f.toc && f.result)
    }

    /// Content of `w:t` (`raw`: its place in the XML) or of a field code.
    fn text(&mut self, text: &str, raw: Range<u32>) {
        if self.skip > 0 {
            return;
        }
        match self.parent() {
            Frame::FieldCode => {
                if let Some(f) = self.fields.last_mut().filter(|f| !f.result) {
                    f.code.push_str(text);
                }
            }
            Frame::Text => {
                let t = self.doc.map.texts.len() as u32 - 1;
                self.push(text, Some((raw, t)));
            }
            _ => {}
        }
    }

    /// Text Word draws for an element (a tab, a break).
    fn synthetic_text(&mut self, text: &str) {
        if self.skip == 0 && self.parent() != Frame::FieldCode {
            self.push(text, None);
        }
    }

    /// A line break (`w:br`, `w:cr`) in the innermost paragraph.
    fn line_break(&mut self) {
        let Some(&i) = self.open.last() else {
            return;
        };
        if self.skip > 0 || self.parent() == Frame::FieldCode || self.in_toc() || self.in_hidden() {
            return;
        }
        self.begin(i);
        let para = &mut self.pending[i];
        let own_text = para.label.as_ref().map_or(0, |l| l.end);
        let Some(last) = para.text[own_text..].chars().next_back() else {
            return;
        };
        if para.toc || last == '\n' {
            return;
        }
        if !para.joined {
            para.text.push('\n');
        } else {
            if last.is_ascii_alphanumeric() {
                para.text.push(' ');
            }
            para.joins.push(para.text.len());
        }
    }

    /// Inside a run of hidden text.
    fn in_hidden(&self) -> bool {
        self.looks.last().is_some_and(|l| l.hidden)
    }

    fn push(&mut self, text: &str, source: Option<(Range<u32>, u32)>) {
        let Some(&i) = self.open.last() else {
            return;
        };
        if self.in_toc() || self.in_hidden() {
            return;
        }
        self.begin(i);
        let para = &mut self.pending[i];
        if para.toc {
            return;
        }
        let start = para.text.len();
        // A line break inside w:t (from other producers) must not split the paragraph.
        para.text.extend(text.chars().map(|c| match c {
            '\n' | '\r' | '\u{2028}' | '\u{2029}' => ' ',
            c => c,
        }));
        if crate::run_in::shows(text) {
            let emphasized = self.looks.last().is_some_and(|l| l.emphasized);
            para.lead = para.lead.after(emphasized, para.text.len());
        }
        if let Some((xml, t)) = source {
            para.pieces.push(Piece {
                text: start as u32..para.text.len() as u32,
                xml,
                t,
            });
        }
    }

    /// Resolves paragraph `i`'s style and numbering once, before its first text.
    fn begin(&mut self, i: usize) {
        let in_toc = self.in_toc();
        let para = &mut self.pending[i];
        if para.begun {
            return;
        }
        para.begun = true;
        let style = self.styles.info(para.style.as_deref());
        para.toc = style.toc;
        let outline = para.outline.or(style.outline).filter(|&l| l < 9);
        // A centred paragraph before any text is the document's title, whatever its style.
        let title = para.centered.unwrap_or(style.centered) && self.doc.text.trim().is_empty();
        para.level = outline.filter(|&l| l < 4 && !title).map(|l| l + 1);
        para.joined = title || para.level.is_some();
        let num = para.num.or(style.num);
        let Some(num_id) = num.num_id.filter(|&n| n != 0) else {
            return;
        };
        if para.toc || in_toc || para.mark_deleted {
            return;
        }
        let level = num.level.or_else(|| {
            let style = para.style.as_deref()?;
            self.numbering.level_of_style(num_id, style, self.styles)
        });
        let label =
            self.numbering
                .label(&mut self.counters, num_id, level.unwrap_or(0), self.styles);
        if let Some(label) = label.filter(|l| !l.is_empty()) {
            para.label = Some(para.text.len()..para.text.len() + label.len());
            para.text.push_str(&label);
        }
    }

    fn end_paragraph(&mut self, at: u32) {
        let Some(i) = self.open.pop() else {
            return;
        };
        self.begin(i);
        if let Some(content) = self.pending[i].content.as_mut() {
            content.end = at;
        }
        if self.open.is_empty() {
            let mut batch = std::mem::take(&mut self.pending);
            // A box anchored in the body's first text (a title box placed at the top of
            // the page) is read before it.
            if !self.body_started {
                batch.sort_by_key(|p| !p.floating);
            }
            for para in batch {
                self.write_or_hold(para);
            }
        }
    }

    /// Writes a paragraph, holding back a floating box's: Word draws a box wherever it
    /// is positioned, and a box anchored in a paragraph a little above where it shows
    /// (a 落款 box anchored in the last heading) is read after up to
    /// [`FLOATING_HOLD`] more paragraphs of text, before the next heading, page break,
    /// table or paragraph set to the right, or at the end of the document. A box before
    /// the body's first text, or anchored in it (a title), is read first.
    fn write_or_hold(&mut self, para: Para) {
        // (Before the body's first text a box is the title, where it is anchored.)
        if para.floating && self.body_started {
            self.held.push(para);
            return;
        }
        self.body_started |= !para.floating && !para.text.trim().is_empty();
        // A box shows on its anchor's page, before the next heading, and before the
        // 落款 set to the right.
        if para.level.is_some() || para.page_break || para.right {
            self.release();
        }
        let counts = !para.text.trim().is_empty();
        self.write(para);
        if counts && !self.held.is_empty() {
            self.held_past += 1;
            if self.held_past > FLOATING_HOLD {
                self.release();
            }
        }
    }

    /// Writes the floating boxes' paragraphs held back.
    fn release(&mut self) {
        self.held_past = 0;
        for para in std::mem::take(&mut self.held) {
            self.write(para);
        }
    }

    /// Appends a finished paragraph as a line, or lines after line breaks (a run of
    /// empty paragraphs as one line).
    fn write(&mut self, mut para: Para) {
        para.keep_lines_apart();
        // An outline level on a paragraph of sentences is formatting carried over (Enter
        // after a heading, the format painter), not a heading.
        if para.level.is_some() && para.is_sentences() {
            para.level = None;
        }
        // A break after all the text draws nothing to read.
        let end = para.text.trim_end_matches('\n').len();
        para.text.truncate(end);
        let empty = para.text.is_empty();
        let written = !(empty && self.last_line_empty);
        if written && !self.doc.map.lines.is_empty() {
            self.doc.text.push('\n');
        }
        let base = self.doc.text.len();
        if written {
            let line = self.doc.map.lines.len();
            self.doc.text.push_str(&para.text);
            for _ in para.text.matches('\n') {
                self.doc.map.lines.push(para.content.clone());
                self.doc.soft_breaks.push(self.doc.map.lines.len());
            }
            self.doc.map.lines.push(para.content);
            if let Some(level) = para.level.filter(|_| !empty) {
                self.doc.heading_levels.push((line, level));
            }
            let lines = line..self.doc.map.lines.len();
            if para.in_cell
                && !empty
                && let Some(cell) = self.cell()
            {
                // (A tab would split the row's cells.)
                if !cell.text.is_empty() {
                    cell.text.push(' ');
                }
                cell.text.push_str(&para.text.replace(['\t', '\n'], " "));
                cell.lines.extend(lines);
            }
            if let Some(label) = para.label {
                self.doc.labels.push(base + label.start..base + label.end);
            }
            if let Some(end) = para.lead.run_in_end()
                && !para.joined
            {
                self.doc.run_in_ends.push(base + end);
            }
            let shift = base as u32;
            self.doc
                .map
                .pieces
                .extend(para.pieces.into_iter().map(|mut p| {
                    p.text = p.text.start + shift..p.text.end + shift;
                    p
                }));
        }
        self.last_line_empty = empty;
        let len = self.doc.text.len() - base;
        for (offset, mark) in para.marks {
            self.place(mark, base + offset.min(len));
        }
    }

    /// Puts a mark at byte `at` of the text.
    fn place(&mut self, mark: Mark, at: usize) {
        let review = &mut self.doc.review;
        match mark {
            Mark::Revision => {
                review.first_revision.get_or_insert(at);
            }
            Mark::CommentStart(id) => {
                self.comments_seen.insert(id.clone());
                self.comment_starts.insert(id, at);
            }
            Mark::CommentEnd(id) => {
                if let Some(start) = self.comment_starts.remove(&id) {
                    review.comments.push(start..at);
                }
            }
            Mark::CommentReference(id) => {
                if self.comments_seen.insert(id) {
                    review.comments.push(at..at);
                }
            }
            Mark::TodayStart => self.today_start = Some(at),
            Mark::TodayEnd => {
                if let Some(start) = self.today_start.take() {
                    review.today_fields.push(start..at);
                }
            }
        }
    }

    fn finish(mut self, part: &str) -> Result<Docx, DocxError> {
        if !self.frames.is_empty() || self.skip > 0 {
            return Err(DocxError::Xml {
                part: part.to_owned(),
                message: "文档不完整：有未闭合的元素".to_owned(),
            });
        }
        self.release();
        self.doc.table_labels.sort_unstable();
        self.doc.table_cells.sort_unstable();
        let end = self.doc.text.len();
        let review = &mut self.doc.review;
        review
            .comments
            .extend(self.comment_starts.into_values().map(|s| s..end));
        review.comments.sort_by_key(|r| (r.start, r.end));
        Ok(self.doc)
    }
}

/// The character a `w:sym` draws (Insert → Symbol): its code in a text font, or a
/// dash or sign from the Symbol font (codes there are `F0xx`, font-specific); nothing
/// for a picture font's (Wingdings, Webdings) or an unknown Symbol code.
fn symbol(e: &BytesStart<'_>) -> Option<char> {
    let code = u32::from_str_radix(&xml::attr(e, "char")?, 16).ok()?;
    let font = xml::attr(e, "font").unwrap_or_default();
    let low = if (0xF000..=0xF0FF).contains(&code) {
        code - 0xF000
    } else {
        code
    };
    if font.eq_ignore_ascii_case("Symbol") {
        return Some(match low {
            0x2D => '-',
            0xB0 => '°',
            0xB1 => '±',
            0xB4 => '×',
            0xB8 => '÷',
            0xA3 => '≤',
            0xB3 => '≥',
            0xB9 => '≠',
            0xBE => '—',
            _ => return None,
        });
    }
    let picture = ["wingdings", "webdings", "marlett"]
        .iter()
        .any(|f| font.to_ascii_lowercase().starts_with(f));
    if picture || (0xE000..=0xF8FF).contains(&code) {
        return None;
    }
    char::from_u32(code).filter(|c| !c.is_control())
}

/// A `TOC` field code (` TOC \o "1-3" \h \z \u `).
/// Whether a field's code makes it show the day the document is opened, saved or
/// printed (`DATE \@ "yyyy年M月d日"`, `TIME`, `SAVEDATE`, `PRINTDATE`), not a fixed one.
fn shows_today(code: &str) -> bool {
    code.split_whitespace().next().is_some_and(|w| {
        ["DATE", "TIME", "SAVEDATE", "PRINTDATE"]
            .iter()
            .any(|f| w.eq_ignore_ascii_case(f))
    })
}

fn is_toc(code: &str) -> bool {
    code.split_whitespace()
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("TOC"))
}
