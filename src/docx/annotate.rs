//! The annotated copy of a Word document, a renderer of diagnostics: every finding a
//! comment (批注) on its words — on its paragraph when it is about something absent
//! or about text Word draws itself (a numbering label) — and every finding with a fix
//! also a tracked change (修订: `w:del` + `w:ins`), both by author `nianbao`, for the
//! drafter to accept or reject in Word.
//!
//! The copy differs from the original only where it must: zip entries other than
//! `document.xml`, the comments part, its relationship and content type are copied
//! byte for byte (still compressed), and in `document.xml` only the runs a span starts
//! or ends in are split, each half keeping the run's `w:rPr`; inserted text takes the
//! first deleted run's, or, Chinese text replacing Latin (`，` for `,`) in a run with no
//! look beyond its font, that of the Chinese run beside it. A fix across the start or end of someone's comment is left
//! to the comment. Positions come from the reader's [`TextMap`]; the copy is read back
//! before it is returned. Annotating such a copy again adds no comment nianbao already
//! wrote there.

use std::cell::Cell;
use std::collections::BTreeMap;
use std::io::{Cursor, Read, Write};
use std::ops::Range;

use quick_xml::escape::escape;
use quick_xml::events::Event;
use rustc_hash::FxHashSet;
use zip::ZipWriter;
use zip::write::SimpleFileOptions;

use super::xml::{self, Node, WORD_NS};
use super::{DocxError, PART_LIMIT, TextMap, main_document, open, package, part};
use crate::diagnostic::{Diagnostic, Fix};
use crate::source::Source;

/// The author of every comment and tracked change.
pub const AUTHOR: &str = "nianbao";
const TYPES_PATH: &str = "[Content_Types].xml";
const COMMENTS_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";
const COMMENTS_REL: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
/// The last segment of the comments relationship's type.
const COMMENTS_KIND: &str = "comments";

/// The annotated package and what went into it.
#[derive(Debug)]
pub struct Annotated {
    pub bytes: Vec<u8>,
    pub comments: usize,
    /// Indices of the diagnostics whose fix is a tracked change.
    pub tracked: Vec<usize>,
}

/// How a split at one place in `document.xml` closes and reopens what is open there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cut {
    /// Between runs: nothing to close.
    Boundary,
    /// Between two children of run `run`: close the run, reopen it.
    Children { run: u32 },
    /// Inside the text of `w:t` `t` of run `run`: close both, reopen both.
    Text { run: u32, t: u32 },
}

/// A place in `document.xml` where markup can go, and how to split there.
#[derive(Debug, Clone, Copy)]
struct Spot {
    at: u32,
    cut: Cut,
}

/// A tracked change replacing `text` (XML `xml`).
struct Region {
    text: Range<usize>,
    xml: Range<u32>,
    open: Spot,
    close: Spot,
    /// The `w:del` and `w:ins`.
    change: String,
    before: Vec<String>,
    after: Vec<String>,
}

/// Markup inserted at one place: comment ends, then comment starts.
#[derive(Default)]
struct Insert {
    cut: Option<Cut>,
    ends: Vec<String>,
    starts: Vec<String>,
}

struct Writer<'a> {
    map: &'a TextMap,
    source: &'a Source,
    xml: &'a str,
    /// `w:` (or whatever prefix the document uses for elements; empty for the default
    /// namespace).
    p: String,
    /// The prefix of WordprocessingML attributes (`w:`).
    a: String,
    /// A declaration of that prefix on each element written, where the document binds
    /// none (its elements in the default namespace): ` xmlns:w="…"`.
    decl: String,
    date: String,
    next_id: Cell<u64>,
    regions: Vec<Region>,
    inserts: BTreeMap<u32, Insert>,
    /// `w:t` elements split inside their text (their start tag gets `xml:space`).
    split_texts: Vec<u32>,
}

/// Writes `diagnostics` (of `source`, read from `original` with map `map`) into a copy
/// of `original`. `date` is the ISO 8601 time stamped on comments and changes.
pub fn annotate(
    original: &[u8],
    source: &Source,
    map: &TextMap,
    diagnostics: &[Diagnostic],
    date: &str,
) -> Result<Annotated, DocxError> {
    let mut archive = open(original)?;
    let document_path = main_document(&mut archive, PART_LIMIT)?;
    let raw = part(&mut archive, &document_path, PART_LIMIT)?.ok_or(DocxError::MissingDocument)?;
    let bom = raw.starts_with(b"\xEF\xBB\xBF");
    let xml = std::str::from_utf8(&raw[if bom { 3 } else { 0 }..]).map_err(|_| DocxError::Xml {
        part: document_path.clone(),
        message: "不是 UTF-8 编码".into(),
    })?;
    let rels_path = package::rels_of(&document_path);
    let rels = part(&mut archive, &rels_path, PART_LIMIT)?;
    let related = rels
        .as_deref()
        .and_then(|r| package::target(r, COMMENTS_KIND, &document_path));
    let new_relationship = related.is_none();
    let comments_path = related.unwrap_or_else(|| package::resolve(&document_path, "comments.xml"));
    let old_comments = match archive.by_name(&comments_path) {
        Ok(mut entry) => {
            let mut bytes = Vec::new();
            (&mut entry)
                .take(PART_LIMIT)
                .read_to_end(&mut bytes)
                .map_err(|e| DocxError::Io(e.to_string()))?;
            Some(bytes)
        }
        Err(_) => None,
    };
    let comment_ids = match &old_comments {
        Some(bytes) => max_comment_id(&comments_path, bytes)?,
        None => 0,
    };
    // A copy annotated before (and perhaps worked on): what nianbao said there once is
    // not said again.
    let earlier = match &old_comments {
        Some(bytes) => earlier_findings(&comments_path, bytes)?,
        None => FxHashSet::default(),
    };
    let fresh: std::borrow::Cow<[Diagnostic]> = if earlier.is_empty() {
        diagnostics.into()
    } else {
        (diagnostics.iter())
            .filter(|d| !earlier.contains(&finding_key(d.rule, &d.message)))
            .cloned()
            .collect::<Vec<_>>()
            .into()
    };
    let diagnostics = &*fresh;
    let p = if map.prefix.is_empty() {
        String::new()
    } else {
        format!("{}:", map.prefix)
    };
    let (a, decl) = match (&map.attr_prefix, map.prefix.as_str()) {
        (Some(prefix), _) => (format!("{prefix}:"), String::new()),
        (None, "") => ("w:".to_owned(), format!(r#" xmlns:w="{WORD_NS}""#)),
        (None, prefix) => (format!("{prefix}:"), String::new()),
    };
    let mut writer = Writer {
        map,
        source,
        xml,
        p,
        a,
        decl,
        date: date.to_owned(),
        next_id: Cell::new(map.max_id.max(comment_ids) + 1),
        regions: Vec::new(),
        inserts: BTreeMap::new(),
        split_texts: Vec::new(),
    };
    let revisions = writer.plan_revisions(diagnostics);
    let mut comments = String::new();
    for (i, d) in diagnostics.iter().enumerate() {
        comments.push_str(&writer.comment(d, revisions.get(&i).copied()));
    }
    let mut document = if bom {
        "\u{feff}".to_owned()
    } else {
        String::new()
    };
    document.push_str(&writer.apply()?);

    let comments_part = match old_comments {
        Some(old) => insert_before_close(&String::from_utf8_lossy(&old), "comments", &comments)?,
        None => format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:comments xmlns:w="{WORD_NS}">{comments}</w:comments>"#
        ),
    };
    let mut changed: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    changed.insert(document_path.clone(), document.into_bytes());
    changed.insert(comments_path.clone(), comments_part.into_bytes());
    if new_relationship {
        let rels = match &rels {
            Some(r) => String::from_utf8_lossy(r).into_owned(),
            None => r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>"#
                .to_owned(),
        };
        let id = (1..)
            .map(|n| format!("rIdNianbao{n}"))
            .find(|id| !rels.contains(&format!("\"{id}\"")))
            .unwrap_or_default();
        let target = package::relative(&document_path, &comments_path);
        let relationship =
            format!(r#"<Relationship Id="{id}" Type="{COMMENTS_REL}" Target="{target}"/>"#);
        changed.insert(
            rels_path,
            insert_before_close(&rels, "Relationships", &relationship)?.into_bytes(),
        );
    }
    let types = part(&mut archive, TYPES_PATH, PART_LIMIT)?
        .ok_or(DocxError::Io("缺少 [Content_Types].xml".into()))?;
    let types = String::from_utf8_lossy(&types).into_owned();
    let part_name = format!("/{comments_path}");
    if !types.contains(&format!("\"{part_name}\"")) {
        let over = format!(r#"<Override PartName="{part_name}" ContentType="{COMMENTS_TYPE}"/>"#);
        changed.insert(
            TYPES_PATH.into(),
            insert_before_close(&types, "Types", &over)?.into_bytes(),
        );
    }

    let bytes = repack(&mut archive, changed)?;
    // What is returned must read back.
    super::read(&bytes)?;
    Ok(Annotated {
        bytes,
        comments: diagnostics.len(),
        tracked: revisions.into_keys().collect(),
    })
}

impl Writer<'_> {
    fn id(&self) -> u64 {
        let id = self.next_id.get();
        self.next_id.set(id + 1);
        id
    }

    fn tag(&self, local: &str) -> String {
        format!("{}{local}", self.p)
    }

    /// The start of element `local` with its `w:id` (and a namespace declaration where
    /// needed), attributes still open: `<w:del w:id="3"`.
    fn with_id(&self, local: &str, id: u64) -> String {
        format!(r#"<{}{} {}id="{id}""#, self.tag(local), self.decl, self.a)
    }

    fn slice(&self, range: &Range<u32>) -> &str {
        &self.xml[range.start as usize..range.end as usize]
    }

    /// The place for text position `t`: just after the character before it (`end`)
    /// or just before the one after it.
    fn spot(&self, t: usize, end: bool) -> Option<Spot> {
        let pieces = &self.map.pieces;
        let t = t as u32;
        let inside = |i: usize| {
            pieces
                .get(i)
                .filter(|p| p.text.start <= t && t <= p.text.end)
        };
        let first = pieces.partition_point(|p| p.text.end < t);
        let piece = if end {
            inside(first).filter(|p| p.text.start < t || p.text.end == t)
        } else {
            let after = pieces.partition_point(|p| p.text.end <= t);
            inside(after).or_else(|| inside(first))
        }?;
        let atomic = piece.xml.len() != piece.text.len();
        let at = match (atomic, t == piece.text.start) {
            (true, true) => piece.xml.start,
            (true, false) => piece.xml.end,
            (false, _) => piece.xml.start + (t - piece.text.start),
        };
        let text = &self.map.texts[piece.t as usize];
        let run = &self.map.runs[text.run as usize];
        let end_tag = format!("</{}>", self.tag("t")).len() as u32;
        let cut = if at == text.tag.end {
            if text.tag.start == run.content.start {
                return Some(Spot {
                    at: run.xml.start,
                    cut: Cut::Boundary,
                });
            }
            return Some(Spot {
                at: text.tag.start,
                cut: Cut::Children { run: text.run },
            });
        } else if at + end_tag == text.end {
            if text.end == run.content.end {
                return Some(Spot {
                    at: run.xml.end,
                    cut: Cut::Boundary,
                });
            }
            return Some(Spot {
                at: text.end,
                cut: Cut::Children { run: text.run },
            });
        } else {
            Cut::Text {
                run: text.run,
                t: piece.t,
            }
        };
        Some(Spot { at, cut })
    }

    fn props(&self, run: u32) -> &str {
        self.slice(&self.map.runs[run as usize].props)
    }

    /// Run `run`'s properties for a copy of it (a run split in two, a deleted copy):
    /// another author's tracked formatting change in them (`w:rPrChange`) kept, under
    /// a new id, as revision ids must be unique.
    fn props_copy(&self, run: u32) -> String {
        self.rewrite_changes(self.props(run), |change| {
            renumbered(change, &format!("{}id=\"", self.a), self.id())
        })
    }

    /// Run `run`'s properties for text nianbao inserts: without another author's
    /// tracked formatting change, which is not theirs.
    fn props_plain(&self, run: u32) -> String {
        self.rewrite_changes(self.props(run), |_| String::new())
    }

    /// `props` with each `w:rPrChange` element replaced by what `f` makes of it.
    fn rewrite_changes(&self, props: &str, mut f: impl FnMut(&str) -> String) -> String {
        let open = format!("<{}", self.tag("rPrChange"));
        let close = format!("</{}>", self.tag("rPrChange"));
        let mut out = String::with_capacity(props.len());
        let mut rest = props;
        while let Some(at) = rest.find(&open) {
            out.push_str(&rest[..at]);
            let element = &rest[at..];
            let start_end = element.find('>').map_or(element.len(), |i| i + 1);
            let end = if element[..start_end].ends_with("/>") {
                start_end
            } else {
                element
                    .find(&close)
                    .map_or(element.len(), |i| i + close.len())
            };
            out.push_str(&f(&element[..end]));
            rest = &element[end..];
        }
        out.push_str(rest);
        out
    }

    /// What closes the open elements at a cut.
    fn close(&self, cut: Cut) -> String {
        match cut {
            Cut::Boundary => String::new(),
            Cut::Children { .. } => format!("</{}>", self.tag("r")),
            Cut::Text { .. } => format!("</{}></{}>", self.tag("t"), self.tag("r")),
        }
    }

    /// What reopens them after.
    fn reopen(&self, cut: Cut) -> String {
        match cut {
            Cut::Boundary => String::new(),
            Cut::Children { run } => format!("<{}>{}", self.tag("r"), self.props_copy(run)),
            Cut::Text { run, .. } => format!(
                r#"<{}>{}<{} xml:space="preserve">"#,
                self.tag("r"),
                self.props_copy(run),
                self.tag("t")
            ),
        }
    }

    /// Tracked changes for the fixes that can be written as one: the fix's text all
    /// typed (no labels, tabs, fields), in sibling runs holding only text. A habit's
    /// corrections at its other places are tracked changes too, without a comment of
    /// their own. Returns diagnostic index → region index of its first fix.
    fn plan_revisions(&mut self, diagnostics: &[Diagnostic]) -> BTreeMap<usize, usize> {
        let mut fixes: Vec<(usize, Fix, bool)> = diagnostics
            .iter()
            .enumerate()
            .flat_map(|(i, d)| {
                let first = d.fix.iter().map(move |f| (i, f.clone(), true));
                first.chain(d.fix_elsewhere.iter().map(move |f| (i, f, false)))
            })
            .collect();
        fixes.sort_by_key(|(_, f, _)| (f.span.start, f.span.end));
        let mut planned = BTreeMap::new();
        let mut done = 0;
        for (i, fix, first) in fixes {
            if fix.span.start < done || (fix.span.is_empty() && fix.replacement.is_empty()) {
                continue;
            }
            if let Some(region) = self.region(fix.span.clone(), &fix.replacement) {
                done = fix.span.end;
                if first {
                    planned.insert(i, self.regions.len());
                }
                self.regions.push(region);
            }
        }
        planned
    }

    fn region(&mut self, span: Range<usize>, replacement: &str) -> Option<Region> {
        let pieces = &self.map.pieces;
        let (a, b) = (span.start as u32, span.end as u32);
        let open = self.spot(span.start, span.is_empty())?;
        let close = if span.is_empty() {
            open
        } else {
            self.spot(span.end, true)?
        };
        // The runs holding the deleted text, with the text of each.
        let mut runs: Vec<(u32, String)> = Vec::new();
        if a < b {
            let first = pieces.partition_point(|p| p.text.end <= a);
            let mut covered = a;
            for piece in pieces[first..].iter().take_while(|p| p.text.start < b) {
                if piece.text.start > covered {
                    return None;
                }
                let run = self.map.texts[piece.t as usize].run;
                let from = piece.text.start.max(a) as usize;
                let to = piece.text.end.min(b) as usize;
                match runs.last_mut() {
                    Some((r, text)) if *r == run => text.push_str(&self.source.text[from..to]),
                    _ => runs.push((run, self.source.text[from..to].to_owned())),
                }
                covered = piece.text.end;
            }
            if covered < b {
                return None;
            }
        }
        let spot_run = match (open.cut, close.cut) {
            (Cut::Children { run } | Cut::Text { run, .. }, _)
            | (_, Cut::Children { run } | Cut::Text { run, .. }) => run,
            _ => runs.first().map(|r| r.0)?,
        };
        let all = self.map.runs.as_slice();
        let parent = all[spot_run as usize].parent;
        let editable = |r: u32| all[r as usize].editable && all[r as usize].parent == parent;
        if !editable(spot_run) || !runs.iter().all(|(r, _)| editable(*r)) {
            return None;
        }
        let mut deleted = String::new();
        for (i, (run, text)) in runs.iter().enumerate() {
            if i > 0 {
                let previous = runs[i - 1].0;
                // Sibling runs with nothing but empty markers between them, none of them
                // the start or end of someone's comment (deleted, it would leave the
                // comment's range open or its start at the editor's guess).
                let gap = all[previous as usize].xml.end..all[*run as usize].xml.start;
                let gap_xml = self.slice(&gap);
                if *run != previous + 1
                    || gap_xml.contains("</")
                    || gap_xml.contains("commentRange")
                {
                    return None;
                }
                deleted.push_str(self.slice(&gap));
            }
            deleted.push_str(&format!(
                r#"<{r}>{}<{dt} xml:space="preserve">{}</{dt}></{r}>"#,
                self.props_copy(*run),
                escape(text.as_str()),
                r = self.tag("r"),
                dt = self.tag("delText"),
            ));
        }
        let mut change = String::new();
        if !deleted.is_empty() {
            let id = self.id();
            change.push_str(&format!(
                r#"{} {a}author="{AUTHOR}" {a}date="{date}">{deleted}</{d}>"#,
                self.with_id("del", id),
                d = self.tag("del"),
                a = self.a,
                date = self.date,
            ));
        }
        if !replacement.is_empty() {
            let id = self.id();
            let props_run = runs.first().map_or(spot_run, |r| r.0);
            let props_run = self
                .chinese_neighbour(&span, replacement, parent, &runs)
                .unwrap_or(props_run);
            change.push_str(&format!(
                r#"{} {a}author="{AUTHOR}" {a}date="{date}"><{r}>{}<{t} xml:space="preserve">{}</{t}></{r}></{i}>"#,
                self.with_id("ins", id),
                self.props_plain(props_run),
                escape(replacement),
                a = self.a,
                i = self.tag("ins"),
                r = self.tag("r"),
                t = self.tag("t"),
                date = self.date,
            ));
        }
        if let Cut::Text { t, .. } = open.cut {
            self.split_texts.push(t);
        }
        Some(Region {
            text: span,
            xml: open.at..close.at,
            open,
            close,
            change,
            before: Vec::new(),
            after: Vec::new(),
        })
    }

    /// For Chinese text replacing Latin text (`，` for `,`, typed in English mode in a
    /// run set in a Latin font only), a sibling run beside the span holding Chinese
    /// text: its properties give the inserted text the document's Chinese font. Not
    /// when a replaced run has a look of its own beyond its font and language (bold,
    /// a colour, a character style): the fix keeps that look.
    fn chinese_neighbour(
        &self,
        span: &Range<usize>,
        replacement: &str,
        parent: u32,
        runs: &[(u32, String)],
    ) -> Option<u32> {
        let chinese = |c: char| !c.is_ascii() && !c.is_whitespace();
        if !replacement.chars().any(chinese)
            || runs.iter().any(|(_, t)| t.chars().any(chinese))
            || runs.iter().any(|(r, _)| has_look(self.props(*r)))
        {
            return None;
        }
        let text = &self.source.text;
        let before = text[..span.start]
            .chars()
            .next_back()
            .map(|c| (span.start - c.len_utf8(), c));
        let after = text[span.end..].chars().next().map(|c| (span.end, c));
        [before, after].into_iter().flatten().find_map(|(at, c)| {
            let at = at as u32;
            let pieces = &self.map.pieces;
            let piece = pieces.get(pieces.partition_point(|p| p.text.end <= at))?;
            if piece.text.start > at {
                return None;
            }
            let run = self.map.texts[piece.t as usize].run;
            let sibling = self.map.runs[run as usize].parent == parent;
            (chinese(c) && sibling && runs.iter().all(|(r, _)| *r != run)).then_some(run)
        })
    }

    /// Plans the comment for `d` and returns its `w:comment` element.
    fn comment(&mut self, d: &Diagnostic, region: Option<usize>) -> String {
        let id = self.id();
        let start = format!("{}/>", self.with_id("commentRangeStart", id));
        let end = format!(
            "{}/><{r}>{}/></{r}>",
            self.with_id("commentRangeEnd", id),
            self.with_id("commentReference", id),
            r = self.tag("r"),
        );
        match region {
            Some(r) if d.span.is_empty() => {
                self.regions[r].before.push(start);
                self.regions[r].after.push(end);
            }
            _ => self.anchor(d.span.clone(), start, end),
        }
        self.comment_element(id, d, region.is_some())
    }

    /// Puts comment markers around `span`, or around its paragraph.
    fn anchor(&mut self, span: Range<usize>, start: String, end: String) {
        let (a, b) = self.typed(span.clone()).unwrap_or((span.start, span.start));
        let spots = (a < b)
            .then(|| Some((self.spot(a, false)?, self.spot(b, true)?)))
            .flatten();
        let Some((from, to)) = spots.filter(|(f, t)| f.at <= t.at) else {
            return self.anchor_paragraph(span.start, start, end);
        };
        self.place(a, from, start, true);
        self.place(b, to, end, false);
    }

    /// The part of `span` that is typed text (not drawn by Word), if any.
    fn typed(&self, span: Range<usize>) -> Option<(usize, usize)> {
        let pieces = &self.map.pieces;
        let (a, b) = (span.start as u32, span.end as u32);
        let first = pieces.partition_point(|p| p.text.end <= a);
        let inside: Vec<_> = pieces[first..]
            .iter()
            .take_while(|p| p.text.start < b)
            .collect();
        let start = inside.first()?.text.start.max(a);
        let end = inside.last()?.text.end.min(b);
        (start < end).then_some((start as usize, end as usize))
    }

    /// Puts a comment marker at text position `t`: into a tracked change there, or at
    /// its spot.
    fn place(&mut self, t: usize, spot: Spot, marker: String, start: bool) {
        // Regions are in text order and do not overlap.
        let first = self.regions.partition_point(|r| r.text.end < t);
        if let Some(region) = self.regions.get_mut(first) {
            let (ra, rb) = (region.text.start, region.text.end);
            if ra <= t {
                let after = if start {
                    t == rb && rb > ra
                } else {
                    !(t == ra && rb > ra)
                };
                if after {
                    region.after.push(marker);
                } else {
                    region.before.push(marker);
                }
                return;
            }
        }
        let insert = self.inserts.entry(spot.at).or_default();
        insert.cut.get_or_insert(spot.cut);
        if start {
            insert.starts.push(marker);
        } else {
            insert.ends.push(marker);
        }
        if let Cut::Text { t, .. } = spot.cut {
            self.split_texts.push(t);
        }
    }

    /// Markers around the paragraph of `byte` (the nearest one with text and content).
    fn anchor_paragraph(&mut self, byte: usize, start: String, end: String) {
        let line = self.source.line_index(byte.min(self.source.text.len()));
        let usable = |l: usize| {
            self.map.lines.get(l).cloned().flatten().filter(|_| {
                let range = self.source.line_range(l);
                !self.source.text[range].trim().is_empty()
            })
        };
        let lines = self.map.lines.len();
        let content = (line..lines)
            .chain((0..line.min(lines)).rev())
            .find_map(usable)
            .or_else(|| self.map.lines.iter().flatten().next().cloned());
        let Some(content) = content else { return };
        let at_start = self.inserts.entry(content.start).or_default();
        at_start.cut.get_or_insert(Cut::Boundary);
        at_start.starts.push(start);
        let at_end = self.inserts.entry(content.end).or_default();
        at_end.cut.get_or_insert(Cut::Boundary);
        at_end.ends.push(end);
    }

    /// The `w:comment` for `d`, in the comments part (whose prefix is always `w`).
    fn comment_element(&self, id: u64, d: &Diagnostic, tracked: bool) -> String {
        let mut lines = vec![d.message.clone()];
        if let Some(help) = &d.help {
            lines.push(format!("建议：{help}"));
        }
        if let Some(fix) = &d.fix {
            let old = &self.source.text[fix.span.clone()];
            lines.push(match (tracked, fix.replacement.is_empty()) {
                (true, _) => "修正已作为修订标出，可在“审阅”中接受或拒绝".to_owned(),
                (false, true) => format!("修正：删除“{old}”"),
                (false, false) => format!("修正：“{old}”改为“{}”", fix.replacement),
            });
            if !d.fix_elsewhere.is_empty() {
                lines.push(format!("全文其余{}处作同样修正", d.fix_elsewhere.len()));
            }
        }
        lines.push(format!("[{}] nianbao", d.rule));
        let paragraphs: String = lines
            .iter()
            .map(|l| {
                format!(
                    "<w:p><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
                    escape(l.as_str())
                )
            })
            .collect();
        format!(
            r#"<w:comment w:id="{id}" w:author="{AUTHOR}" w:date="{}" w:initials="nb">{paragraphs}</w:comment>"#,
            self.date
        )
    }

    /// `document.xml` with every planned edit.
    fn apply(&self) -> Result<String, DocxError> {
        let mut edits: Vec<(Range<u32>, String)> = Vec::new();
        for r in &self.regions {
            let text = format!(
                "{}{}{}{}{}",
                self.close(r.open.cut),
                r.before.concat(),
                r.change,
                r.after.concat(),
                self.reopen(r.close.cut)
            );
            edits.push((r.xml.clone(), text));
        }
        for (&at, insert) in &self.inserts {
            let cut = insert.cut.unwrap_or(Cut::Boundary);
            let text = format!(
                "{}{}{}{}",
                self.close(cut),
                insert.ends.concat(),
                insert.starts.concat(),
                self.reopen(cut)
            );
            edits.push((at..at, text));
        }
        let mut split = self.split_texts.clone();
        split.sort_unstable();
        split.dedup();
        let mut regions: Vec<&Range<u32>> = self.regions.iter().map(|r| &r.xml).collect();
        regions.sort_by_key(|r| r.start);
        for t in split {
            let tag = &self.map.texts[t as usize].tag;
            let next = regions.partition_point(|r| r.end <= tag.start);
            let inside_region = regions.get(next).is_some_and(|r| r.start < tag.end);
            if !inside_region && !self.slice(tag).contains("xml:space") {
                edits.push((
                    tag.clone(),
                    format!(r#"<{} xml:space="preserve">"#, self.tag("t")),
                ));
            }
        }
        edits.sort_by_key(|(range, _)| (range.start, range.end));
        let mut out = String::with_capacity(self.xml.len() + edits.len() * 200);
        let mut at = 0u32;
        for (range, text) in edits {
            if range.start < at {
                return Err(DocxError::Io("批注位置重叠，未能生成带批注的副本".into()));
            }
            out.push_str(&self.xml[at as usize..range.start as usize]);
            out.push_str(&text);
            at = range.end;
        }
        out.push_str(&self.xml[at as usize..]);
        Ok(out)
    }
}

/// Whether run properties `props` (`<w:rPr>…</w:rPr>`) set anything beyond the fonts,
/// size and language that typing in English mode sets.
fn has_look(props: &str) -> bool {
    const TYPING: &[&str] = &["rPr", "rFonts", "lang", "noProof", "kern", "sz", "szCs"];
    props.split('<').skip(1).any(|tag| {
        let name = tag.split([' ', '/', '>']).next().unwrap_or_default();
        let local = name.rsplit(':').next().unwrap_or_default();
        !name.is_empty() && !TYPING.contains(&local)
    })
}

/// `element` (a start tag first) with the value of its attribute `attr` (`w:id="`)
/// set to `id`.
fn renumbered(element: &str, attr: &str, id: u64) -> String {
    let start_tag = &element[..element.find('>').unwrap_or(element.len())];
    let found = start_tag
        .match_indices(attr)
        .map(|(i, _)| i)
        // The attribute itself, not the end of a longer name (`w:rsidR="`).
        .find(|&i| start_tag[..i].ends_with(char::is_whitespace));
    let Some(value) = found.map(|i| i + attr.len()) else {
        return element.to_owned();
    };
    let end = element[value..]
        .find('"')
        .map_or(element.len(), |e| value + e);
    format!("{}{id}{}", &element[..value], &element[end..])
}

/// The largest `w:id` of the comments already in the comments part.
fn max_comment_id(part: &str, bytes: &[u8]) -> Result<u64, DocxError> {
    let mut max = 0;
    xml::walk(part, bytes, |node| {
        if let Node::Start { element, local } = node
            && local == "comment"
            && let Some(id) = xml::attr(element, "id").and_then(|v| v.parse::<u64>().ok())
        {
            max = max.max(id);
        }
    })?;
    Ok(max)
}

/// What tells a finding from another in an earlier annotation: its rule and message,
/// without the counts in it (`文档中留有 4 处修订…` is the same finding with 6).
fn finding_key(rule: &str, message: &str) -> (String, String) {
    let message = message.chars().filter(|c| !c.is_ascii_digit()).collect();
    (rule.to_owned(), message)
}

/// The findings nianbao's own comments in a comments part name: each comment's first
/// paragraph is the message, its last `[rule] nianbao`.
fn earlier_findings(part: &str, bytes: &[u8]) -> Result<FxHashSet<(String, String)>, DocxError> {
    let mut found = FxHashSet::default();
    let mut reader = quick_xml::Reader::from_reader(bytes);
    let mut buf = Vec::new();
    // The paragraphs of the comment being read, when it is nianbao's.
    let mut ours: Option<Vec<String>> = None;
    let mut in_text = false;
    let local = |name: &str| -> String { name.rsplit(':').next().unwrap_or_default().to_owned() };
    loop {
        buf.clear();
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| DocxError::xml(part, &e, reader.error_position()))?;
        match event {
            Event::Start(e) => match local(e.name().as_ref()).as_str() {
                "comment" => {
                    let author = xml::attr(&e, "author");
                    ours = (author.as_deref() == Some(AUTHOR)).then(Vec::new);
                }
                "p" => {
                    if let Some(paragraphs) = ours.as_mut() {
                        paragraphs.push(String::new());
                    }
                }
                "t" => in_text = true,
                _ => {}
            },
            Event::End(e) => match local(e.name().as_ref()).as_str() {
                "t" => in_text = false,
                "comment" => {
                    let paragraphs = ours.take().unwrap_or_default();
                    let rule = (paragraphs.last())
                        .and_then(|l| l.strip_prefix('['))
                        .and_then(|l| l.strip_suffix("] nianbao"));
                    if let (Some(message), Some(rule)) = (paragraphs.first(), rule) {
                        found.insert(finding_key(rule, message));
                    }
                }
                _ => {}
            },
            Event::Text(text) if in_text => {
                if let Some(last) = ours.as_mut().and_then(|p| p.last_mut()) {
                    last.push_str(&text);
                }
            }
            Event::GeneralRef(reference) if in_text => {
                let c = (reference.resolve_char_ref().ok().flatten()).or_else(|| {
                    quick_xml::escape::resolve_predefined_entity(&reference)
                        .and_then(|s| s.chars().next())
                });
                if let (Some(c), Some(last)) = (c, ours.as_mut().and_then(|p| p.last_mut())) {
                    last.push(c);
                }
            }
            Event::Eof => return Ok(found),
            _ => {}
        }
    }
}

/// `part` with `content` inserted before the end tag of its root element `root`.
fn insert_before_close(part: &str, root: &str, content: &str) -> Result<String, DocxError> {
    let at = part
        .rfind("</")
        .filter(|&i| part[i..].trim_end().trim_end_matches('>').ends_with(root))
        .ok_or_else(|| DocxError::Io(format!("无法在 {root} 中加入批注")))?;
    Ok(format!("{}{content}{}", &part[..at], &part[at..]))
}

/// The package with the parts in `changed` replaced or added; every other entry copied
/// as it is, still compressed.
fn repack(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    mut changed: BTreeMap<String, Vec<u8>>,
) -> Result<Vec<u8>, DocxError> {
    let io = |e: zip::result::ZipError| DocxError::Io(e.to_string());
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for i in 0..archive.len() {
        let entry = archive.by_index_raw(i).map_err(io)?;
        let name = entry.name().map_err(io)?.into_owned();
        match changed.remove(&name) {
            Some(bytes) => {
                let options = match entry.last_modified() {
                    Some(time) => options.last_modified_time(time),
                    None => options,
                };
                out.start_file(name, options).map_err(io)?;
                out.write_all(&bytes)
                    .map_err(|e| DocxError::Io(e.to_string()))?;
            }
            None => out.raw_copy_file(entry).map_err(io)?,
        }
    }
    for (name, bytes) in changed {
        out.start_file(name, options).map_err(io)?;
        out.write_all(&bytes)
            .map_err(|e| DocxError::Io(e.to_string()))?;
    }
    Ok(out.finish().map_err(io)?.into_inner())
}
