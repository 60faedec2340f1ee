//! `signature-missing`: no closing block with the issuing organ and a date.

use super::{Basic, Document, Rule};
use crate::diagnostic::Diagnostic;
use crate::outline::{LineKind, ORGAN_SUFFIXES, read_date};

pub type Settings = Basic;

pub const SUMMARY: &str = "文末缺少落款（发文机关署名和成文日期）";

pub const DOC: &str = "\
检查内容
  正文之后是否有落款：一行发文机关名称，下一行成文日期。缺少其中任一项都报告。
  落款也可以写成“报告单位：……”“报告日期：……”，日期后可以带星期；只写年、月的
  成文日期（“2024年1月”）算有日期，由 date-format 报告它不完整。
  标题下一两行是日期（“（2024年3月20日）”“——2024年3月20日在……会议上”“2024年3月20日”
  “某县人民政府（2024年3月20日）”，在会议上所作报告的格式）而文末没有落款的，标题
  写明机关、题注写明日期，不报告。落款只有日期、而标题写明了发文
  机关的（网页转载常丢掉盖在日期上、写有机关名称的印章），也不报告。

依据
  GB/T 9704-2012《党政机关公文格式》：公文以发文机关署名和成文日期落款，成文日期用
  阿拉伯数字将年、月、日标全。报告缺少落款，无法判断由谁、在何时作出。

示例
  ……提升矛盾纠纷化解质效。（全文结束）
  → 文末加上：
     义乌市人民政府
     2024年1月26日

设置
  无。";

unit_check!();

impl Rule for Check {
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let sig = &doc.outline.signature;
        // A date without its day (`2024年1月`) dates the 落款 too; date-format reports it.
        let date = sig
            .date
            .as_ref()
            .map(|(_, s)| s.clone())
            .or(sig.dayless.as_ref().map(|d| d.span.clone()));
        let message = match (&sig.organ, &date) {
            (Some(_), Some(_)) => return,
            (None, None) if dated_under_title(doc) => return,
            (None, None) => "缺少落款：文末没有发文机关署名和成文日期",
            (Some(_), None) => "落款缺少成文日期",
            // A page copy loses the seal that names the organ over the date: when the
            // title names it, the organ is known.
            (None, Some(_)) if title_names_issuer(doc) => return,
            (None, Some(_)) => "落款缺少发文机关署名",
        };
        let span = sig
            .organ
            .clone()
            .or(date)
            .unwrap_or_else(|| last_character(doc));
        out.push(
            Diagnostic::new(span, message)
                .label("落款应在正文之后")
                .help("在正文后另起一行写发文机关名称，再起一行写成文日期，如“2024年1月26日”"),
        );
    }
}

/// Whether the title names the issuing organ (`某县司法局2023年度…报告`).
fn title_names_issuer(doc: &Document) -> bool {
    let o = doc.outline;
    let title = o.title_text(doc.text()).unwrap_or_default();
    o.issuer
        .as_deref()
        .is_some_and(|i| title.contains(i) && ORGAN_SUFFIXES.iter().any(|s| i.ends_with(s)))
}

/// Whether a line under the title dates it, as in a report delivered to a meeting:
/// `（2024年3月20日）`, `2025年2月18日`, `——2025年2月20日在…会议上`,
/// `某县人民政府（2025年2月18日）`, maybe after the speaker's line. The title names the
/// organ, that line dates it, and no 落款 closes it.
fn dated_under_title(doc: &Document) -> bool {
    let o = doc.outline;
    let Some(&last) = o.title.last() else {
        return false;
    };
    o.lines[last + 1..]
        .iter()
        .filter(|l| l.kind != LineKind::Blank)
        .take(2)
        .any(|l| dates_the_title(&doc.text()[l.span()]))
}

/// A line that is a date, in parentheses or after a dash, maybe after an organ's name,
/// maybe followed by the meeting (`在…会议上`, `…常务会议审议通过`).
fn dates_the_title(line: &str) -> bool {
    let line = line.trim().trim_start_matches(['—', '-']);
    let inner = match line.find(['（', '(']) {
        Some(at) => {
            let before = &line[..at];
            if !(before.is_empty() || ORGAN_SUFFIXES.iter().any(|s| before.ends_with(s))) {
                return false;
            }
            let Some(inner) = line[at..]
                .trim_start_matches(['（', '('])
                .strip_suffix(['）', ')'])
            else {
                return false;
            };
            inner
        }
        None => line,
    };
    let inner = inner.trim();
    let (date, rest) = inner
        .find('日')
        .map_or((inner, ""), |at| inner.split_at(at + '日'.len_utf8()));
    (read_date(date, 0).is_some() && (rest.is_empty() || names_meeting(rest)))
        || year_and_month(inner)
}

/// Whether the words after a 题注's date name the meeting that heard or passed the
/// report (`在…会议上`, `…第26次常务会议审议通过`).
fn names_meeting(rest: &str) -> bool {
    rest.starts_with('在') || rest.contains("会议") && rest.ends_with("通过")
}

/// Whether `s` is a year and a month alone (`2025年2月`, a date without its day), maybe
/// followed by the meeting.
fn year_and_month(s: &str) -> bool {
    let digits = |s: &str| s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let year = digits(s);
    let Some(rest) = s[year..].strip_prefix('年').filter(|_| year == 4) else {
        return false;
    };
    let month = digits(rest);
    let Some(after) = rest[month..].strip_prefix('月') else {
        return false;
    };
    (1..=2).contains(&month)
        && (1..=12).contains(&rest[..month].parse::<u32>().unwrap_or(0))
        && (after.is_empty() || names_meeting(after))
}

/// The last character of the last line of text.
fn last_character(doc: &Document) -> std::ops::Range<usize> {
    let o = doc.outline;
    let Some(line) = o.lines.iter().rev().find(|l| {
        matches!(
            l.kind,
            LineKind::Paragraph | LineKind::Heading | LineKind::Title
        )
    }) else {
        return 0..0;
    };
    let text = doc.text()[line.span()].trim_end();
    let last = text.chars().next_back().map_or(0, char::len_utf8);
    let end = line.span().start + text.len();
    end - last..end
}
