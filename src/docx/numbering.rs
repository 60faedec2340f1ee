//! `word/numbering.xml`: the labels Word draws before automatically numbered
//! paragraphs (`一、`, `（二）`, `3.`), counted as Word counts them.
//!
//! A paragraph names a list instance (`w:num`) and a level (`w:ilvl`); the instance
//! points to an abstract definition (`w:abstractNum`) whose level gives the start
//! value, the number format (`w:numFmt`), the level text (`w:lvlText`, `%1、`) and when
//! it restarts (`w:lvlRestart`). Instances of one abstract definition share their
//! counters, so numbering continues across them unless an instance overrides a
//! level's start (`w:lvlOverride` / `w:startOverride`), which restarts it where that
//! instance is first used.

use rustc_hash::{FxHashMap, FxHashSet};

use super::DocxError;
use super::styles::Styles;
use super::xml::{self, Node};

const LEVELS: usize = 9;

/// One level of a list definition.
#[derive(Debug, Clone)]
struct Level {
    start: u32,
    format: String,
    text: Option<String>,
    /// `w:lvlRestart`: restart after this (1-based) level or a higher one is used; 0 never.
    restart: Option<u32>,
    /// `w:isLgl`: every number in the label in Arabic digits.
    legal: bool,
    /// What follows the label: `tab` (the default), `space` or `nothing`.
    suffix: String,
    /// The paragraph style bound to this level (`w:pStyle`).
    style: Option<String>,
}

impl Default for Level {
    fn default() -> Self {
        Level {
            start: 0,
            format: "decimal".into(),
            text: None,
            restart: None,
            legal: false,
            suffix: "tab".into(),
            style: None,
        }
    }
}

#[derive(Debug, Default)]
struct Abstract {
    levels: [Option<Level>; LEVELS],
    /// `w:numStyleLink`: the definition lives with the list style of this name.
    style_link: Option<String>,
}

/// A level override of one list instance.
#[derive(Debug, Default, Clone)]
struct Override {
    start: Option<u32>,
    level: Option<Level>,
}

#[derive(Debug, Default)]
struct Num {
    abstract_id: u32,
    overrides: [Option<Override>; LEVELS],
}

/// The list definitions of a document.
#[derive(Debug, Default)]
pub struct Numbering {
    abstracts: FxHashMap<u32, Abstract>,
    nums: FxHashMap<u32, Num>,
}

/// Where each list stands while paragraphs are read in order.
#[derive(Debug, Default)]
pub struct Counters {
    /// The current number of each level, per abstract definition (`None`: not started
    /// since its last restart).
    values: FxHashMap<u32, [Option<u32>; LEVELS]>,
    /// List instances seen so far (their start overrides apply once, at first use).
    seen: FxHashSet<u32>,
}

/// What is being read in numbering.xml.
enum Open {
    None,
    Abstract(u32),
    Num(u32),
}

impl Numbering {
    pub fn parse(part: &str, bytes: &[u8]) -> Result<Numbering, DocxError> {
        let mut numbering = Numbering::default();
        let mut open = Open::None;
        // The level being read (`w:lvl`), with its index, and an open `w:lvlOverride`.
        let mut level: Option<(usize, Level)> = None;
        let mut override_level: Option<usize> = None;
        xml::walk(part, bytes, |node| match node {
            Node::Start { element, local, .. } => {
                let val = || xml::attr(element, "val");
                let num = || xml::attr_u32(element, "val");
                let index = || {
                    xml::attr_u32(element, "ilvl")
                        .map(|i| i as usize)
                        .filter(|&i| i < LEVELS)
                };
                match local {
                    "abstractNum" => {
                        let id = xml::attr_u32(element, "abstractNumId").unwrap_or(u32::MAX);
                        numbering.abstracts.entry(id).or_default();
                        open = Open::Abstract(id);
                    }
                    "num" => {
                        let id = xml::attr_u32(element, "numId").unwrap_or(u32::MAX);
                        numbering.nums.entry(id).or_default();
                        open = Open::Num(id);
                    }
                    "abstractNumId" => {
                        if let (Open::Num(id), Some(v)) = (&open, num()) {
                            numbering.nums.entry(*id).or_default().abstract_id = v;
                        }
                    }
                    "numStyleLink" => {
                        if let Open::Abstract(id) = &open {
                            numbering.abstracts.entry(*id).or_default().style_link = val();
                        }
                    }
                    "lvlOverride" => override_level = index(),
                    "startOverride" => {
                        if let (Open::Num(id), Some(i)) = (&open, override_level) {
                            let slot = &mut numbering.nums.entry(*id).or_default().overrides[i];
                            slot.get_or_insert_with(Override::default).start = num();
                        }
                    }
                    "lvl" => level = index().map(|i| (i, Level::default())),
                    _ => {}
                }
                if let Some((_, l)) = level.as_mut() {
                    match local {
                        "start" => l.start = num().unwrap_or(0),
                        "numFmt" => l.format = val().unwrap_or_default(),
                        "lvlText" => l.text = val(),
                        "lvlRestart" => l.restart = num(),
                        "isLgl" => l.legal = xml::is_on(element),
                        "suff" => l.suffix = val().unwrap_or_default(),
                        "pStyle" => l.style = val(),
                        _ => {}
                    }
                }
            }
            Node::End { local } => match local {
                "lvl" => {
                    let Some((i, l)) = level.take() else { return };
                    match (&open, override_level) {
                        (Open::Abstract(id), _) => {
                            numbering.abstracts.entry(*id).or_default().levels[i] = Some(l);
                        }
                        (Open::Num(id), Some(o)) => {
                            let slot = &mut numbering.nums.entry(*id).or_default().overrides[o];
                            slot.get_or_insert_with(Override::default).level = Some(l);
                        }
                        _ => {}
                    }
                }
                "lvlOverride" => override_level = None,
                "abstractNum" | "num" => open = Open::None,
                _ => {}
            },
        })?;
        Ok(numbering)
    }

    /// The abstract definition of list instance `num_id`, following a `w:numStyleLink`
    /// to the list style's own instance.
    fn definition(&self, num_id: u32, styles: &Styles) -> Option<(u32, &Abstract)> {
        let mut id = self.nums.get(&num_id)?.abstract_id;
        for _ in 0..2 {
            let definition = self.abstracts.get(&id)?;
            match &definition.style_link {
                Some(link) if definition.levels.iter().all(Option::is_none) => {
                    id = self.nums.get(&styles.num_id(link)?)?.abstract_id;
                }
                _ => return Some((id, definition)),
            }
        }
        None
    }

    /// The level of list `num_id` bound to paragraph style `style` (`w:pStyle` in a
    /// level): the level of a paragraph numbered through its style without a `w:ilvl`.
    pub fn level_of_style(&self, num_id: u32, style: &str, styles: &Styles) -> Option<u8> {
        let (_, definition) = self.definition(num_id, styles)?;
        let at = definition
            .levels
            .iter()
            .position(|l| l.as_ref().and_then(|l| l.style.as_deref()) == Some(style))?;
        Some(at as u8)
    }

    /// The label of the next paragraph of list `num_id` at `level`, advancing the
    /// counters; `None` if the list or level is not defined.
    pub fn label(
        &self,
        counters: &mut Counters,
        num_id: u32,
        level: u8,
        styles: &Styles,
    ) -> Option<String> {
        let num = self.nums.get(&num_id)?;
        let (abstract_id, definition) = self.definition(num_id, styles)?;
        let level = usize::from(level).min(LEVELS - 1);
        let level_of = |i: usize| {
            let over = num.overrides[i].as_ref();
            let def = over
                .and_then(|o| o.level.as_ref())
                .or(definition.levels[i].as_ref())?;
            let start = over.and_then(|o| o.start).unwrap_or(def.start);
            Some((def, start))
        };
        let (this, start) = level_of(level)?;
        let values = counters.values.entry(abstract_id).or_default();
        if counters.seen.insert(num_id) {
            for (i, o) in num.overrides.iter().enumerate() {
                if o.is_some() {
                    values[i] = None;
                }
            }
        }
        values[level] = Some(values[level].map_or(start, |v| v.saturating_add(1)));
        for (deeper, value) in values.iter_mut().enumerate().skip(level + 1) {
            let restart = level_of(deeper)
                .and_then(|(d, _)| d.restart)
                .unwrap_or(deeper as u32);
            if (level as u32) < restart {
                *value = None;
            }
        }
        let text = this.text.as_deref()?;
        let mut label = match this.format.as_str() {
            "bullet" => text.chars().map(bullet).collect(),
            "none" => String::new(),
            _ => {
                let mut out = String::new();
                let mut chars = text.chars().peekable();
                while let Some(c) = chars.next() {
                    let referenced = chars
                        .peek()
                        .and_then(|d| d.to_digit(10))
                        .filter(|&d| c == '%' && (1..=LEVELS as u32).contains(&d));
                    let Some(d) = referenced else {
                        out.push(c);
                        continue;
                    };
                    chars.next();
                    let i = d as usize - 1;
                    let (def, start) = level_of(i).unwrap_or((this, 0));
                    let value = values[i].unwrap_or(start);
                    let format = if this.legal { "decimal" } else { &def.format };
                    out.push_str(&format_number(value, format));
                }
                out
            }
        };
        label.push_str(match this.suffix.as_str() {
            "space" => " ",
            "nothing" => "",
            _ => "\t",
        });
        Some(label)
    }
}

/// A bullet character as shown: symbol-font characters (U+F000–U+F0FF, how Word stores
/// Symbol and Wingdings bullets) are drawn as a bullet.
fn bullet(c: char) -> char {
    if ('\u{F000}'..='\u{F0FF}').contains(&c) {
        '•'
    } else {
        c
    }
}

const CN_DIGITS: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
const CN_LEGAL: [&str; 10] = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"];
const CN_LEGAL_TRADITIONAL: [&str; 10] =
    ["零", "壹", "貳", "參", "肆", "伍", "陸", "柒", "捌", "玖"];

/// `n` in the number format `format` (ECMA-376 `ST_NumberFormat`), as Word draws it
/// for simplified Chinese; formats not listed here fall back to Arabic digits.
pub fn format_number(n: u32, format: &str) -> String {
    let table = |first: char, count: u32| {
        (1..=count)
            .contains(&n)
            .then(|| char::from_u32(first as u32 + n - 1))
            .flatten()
            .map_or_else(|| n.to_string(), String::from)
    };
    match format {
        "decimalZero" if n < 10 => format!("0{n}"),
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .map(|d| char::from_u32(d as u32 - '0' as u32 + '０' as u32).unwrap_or(d))
            .collect(),
        "chineseCounting" | "taiwaneseCounting" | "japaneseCounting" => {
            chinese(n, &CN_DIGITS, "十", "百", "千", false)
        }
        "chineseCountingThousand" | "taiwaneseCountingThousand" => {
            chinese(n, &CN_DIGITS, "十", "百", "千", true)
        }
        "chineseLegalSimplified" => chinese(n, &CN_LEGAL, "拾", "佰", "仟", true),
        "ideographLegalTraditional" => chinese(n, &CN_LEGAL_TRADITIONAL, "拾", "佰", "仟", true),
        // Digit by digit: 一, 一〇, 一一.
        "ideographDigital" | "taiwaneseDigital" | "japaneseDigitalTenThousand" => n
            .to_string()
            .bytes()
            .map(|b| CN_DIGITS[usize::from(b - b'0')])
            .collect(),
        "ideographTraditional" => cycle(n, "甲乙丙丁戊己庚辛壬癸"),
        "ideographZodiac" => cycle(n, "子丑寅卯辰巳午未申酉戌亥"),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => table('①', 20),
        "decimalEnclosedFullstop" => table('⒈', 20),
        "decimalEnclosedParen" => table('⑴', 20),
        "ideographEnclosedCircle" => table('㊀', 10),
        "lowerLetter" => letters(n, 'a'),
        "upperLetter" => letters(n, 'A'),
        "lowerRoman" => roman(n).to_lowercase(),
        "upperRoman" => roman(n),
        _ => n.to_string(),
    }
}

/// Chinese counting. Below 100 both styles read `十一`, `二十`, `二十一`; from 100 the
/// plain counting style writes digit by digit (`一〇一`) and the thousand style with
/// place words (`一百〇一`, `一百一十`).
fn chinese(
    n: u32,
    digits: &[&str; 10],
    ten: &str,
    hundred: &str,
    thousand: &str,
    places: bool,
) -> String {
    let d = |i: u32| digits[i as usize];
    match n {
        0 => d(0).into(),
        1..=9 => d(n).into(),
        10..=19 => format!("{ten}{}", if n == 10 { "" } else { d(n % 10) }),
        20..=99 => format!(
            "{}{ten}{}",
            d(n / 10),
            if n.is_multiple_of(10) { "" } else { d(n % 10) }
        ),
        100..=9999 if places => {
            let (big, word) = if n >= 1000 {
                (n / 1000, thousand)
            } else {
                (n / 100, hundred)
            };
            let rest = if n >= 1000 { n % 1000 } else { n % 100 };
            // After a place word, ten reads 一十.
            let after_place = |r: u32| match r {
                10..=19 => format!("{}{ten}{}", d(1), if r == 10 { "" } else { d(r % 10) }),
                _ => chinese(r, digits, ten, hundred, thousand, true),
            };
            let tail = match rest {
                0 => String::new(),
                r if (n >= 1000 && r < 100) || r < 10 => format!("{}{}", d(0), after_place(r)),
                r => after_place(r),
            };
            format!("{}{word}{tail}", d(big))
        }
        _ => n
            .to_string()
            .chars()
            .map(|c| d(c as u32 - '0' as u32))
            .collect(),
    }
}

/// A cyclic list of characters (甲乙丙…); past its end, Arabic digits.
fn cycle(n: u32, chars: &str) -> String {
    chars
        .chars()
        .nth((n as usize).wrapping_sub(1))
        .map_or_else(|| n.to_string(), String::from)
}

/// a … z, then aa … zz, then aaa …: Word repeats the letter.
fn letters(n: u32, first: char) -> String {
    if n == 0 {
        return "0".into();
    }
    let letter = char::from_u32(first as u32 + (n - 1) % 26).unwrap_or(first);
    std::iter::repeat_n(letter, ((n - 1) / 26 + 1) as usize).collect()
}

fn roman(mut n: u32) -> String {
    const NUMERALS: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, numeral) in NUMERALS {
        while n >= value {
            out.push_str(numeral);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        let f = format_number;
        assert_eq!(f(1, "chineseCounting"), "一");
        assert_eq!(f(10, "chineseCounting"), "十");
        assert_eq!(f(12, "chineseCounting"), "十二");
        assert_eq!(f(20, "chineseCountingThousand"), "二十");
        assert_eq!(f(23, "chineseCountingThousand"), "二十三");
        assert_eq!(f(101, "chineseCounting"), "一〇一");
        assert_eq!(f(101, "chineseCountingThousand"), "一百〇一");
        assert_eq!(f(110, "chineseCountingThousand"), "一百一十");
        assert_eq!(f(1005, "chineseCountingThousand"), "一千〇五");
        assert_eq!(f(1010, "chineseCountingThousand"), "一千〇一十");
        assert_eq!(f(1105, "chineseCountingThousand"), "一千一百〇五");
        assert_eq!(f(3, "chineseLegalSimplified"), "叁");
        assert_eq!(f(3, "ideographLegalTraditional"), "參");
        assert_eq!(f(4, "ideographDigital"), "四");
        assert_eq!(f(10, "ideographDigital"), "一〇");
        assert_eq!(f(12, "taiwaneseDigital"), "一二");
        assert_eq!(f(12, "decimalFullWidth"), "１２");
        assert_eq!(f(7, "decimalZero"), "07");
        assert_eq!(f(3, "decimalEnclosedCircle"), "③");
        assert_eq!(f(2, "decimalEnclosedParen"), "⑵");
        assert_eq!(f(2, "ideographTraditional"), "乙");
        assert_eq!(f(28, "lowerLetter"), "bb");
        assert_eq!(f(14, "upperRoman"), "XIV");
        assert_eq!(f(5, "someFutureFormat"), "5");
    }

    const NUMBERING: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">
  <w:abstractNum w:abstractNumId="0">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/><w:pStyle w:val="1"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:lvlRestart w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
    <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%4"/><w:isLgl/><w:suff w:val="space"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="1">
    <w:lvl w:ilvl="0"><w:start w:val="1"/>
      <mc:AlternateContent><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="001, 002"/></mc:Choice>
      <mc:Fallback><w:numFmt w:val="bullet"/></mc:Fallback></mc:AlternateContent>
      <w:numFmt w:val="bullet"/><w:lvlText w:val="&#xF0B7;"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>
  <w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="3"/></w:lvlOverride></w:num>
  <w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>"#;

    #[test]
    fn labels_count_restart_and_override() {
        let numbering = Numbering::parse("t.xml", NUMBERING.as_bytes()).unwrap();
        let styles = Styles::default();
        let mut counters = Counters::default();
        let mut next = |num, level| {
            numbering
                .label(&mut counters, num, level, &styles)
                .unwrap_or_else(|| "∅".into())
        };
        assert_eq!(next(1, 0), "一、");
        assert_eq!(next(1, 1), "（一）");
        assert_eq!(next(1, 2), "1.\t");
        assert_eq!(next(1, 2), "2.\t");
        assert_eq!(next(1, 1), "（二）");
        // Level 3 restarts only after level 1 (lvlRestart 1), so it goes on.
        assert_eq!(next(1, 2), "3.\t");
        assert_eq!(next(1, 3), "1.1 ");
        assert_eq!(next(1, 0), "二、");
        assert_eq!(next(1, 1), "（一）");
        assert_eq!(next(1, 2), "1.\t");
        // Another instance of the same definition continues its counters…
        assert_eq!(next(2, 0), "三、");
        // …unless it overrides a start, which applies where it is first used.
        assert_eq!(next(3, 1), "（三）");
        assert_eq!(next(3, 1), "（四）");
        assert_eq!(next(4, 0), "•\t");
        assert_eq!(next(9, 0), "∅");
        assert_eq!(next(1, 7), "∅");
        assert_eq!(numbering.level_of_style(1, "1", &styles), Some(0));
        assert_eq!(numbering.level_of_style(1, "2", &styles), None);
    }
}
