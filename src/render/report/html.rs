//! `report --format html`: one self-contained page a reviewer can email — no external
//! scripts, fonts or styles. A summary with two bar charts drawn as inline SVG (files
//! lacking each part; the most frequent rules), the table (sortable by a click on a
//! heading, a few lines of inline script), and per file its findings with the quoted
//! sentence, the message and the help. Everything taken from documents is escaped.

use super::{HEADER, Row, Totals};
use crate::diagnostic::Diagnostic;
use crate::render::FileReport;
use crate::render::place::WordPlaces;
use crate::sentence;
use crate::source::{Origin, Source};
use std::fmt::Write;

/// How many rules the frequency chart shows.
const CHART_RULES: usize = 10;
/// The longest quoted context, in characters, on either side of a finding.
const QUOTE_CHARS: usize = 120;

const STYLE: &str = "
body{font-family:system-ui,'Microsoft YaHei','PingFang SC',sans-serif;margin:1.5em;color:#222}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.6em}
table{border-collapse:collapse;font-size:.9em}
th,td{border:1px solid #ccc;padding:.3em .5em;text-align:left;vertical-align:top}
th{background:#f0f0f0;cursor:pointer;position:sticky;top:0}
td.bad{background:#ffc7ce;color:#9c0006}
td:nth-child(n+4):nth-child(-n+8){white-space:nowrap}
.charts{display:flex;flex-wrap:wrap;gap:2em}
.totals li{margin:.1em 0}
.finding{margin:.4em 0 .8em 1em}
.error{color:#b00020}.warning{color:#a15c00}.info{color:#05598c}
blockquote{margin:.2em 0;padding:.2em .6em;border-left:3px solid #ccc;background:#fafafa}
mark{background:#ffe08a}
.help{color:#555}
";

/// How the table orders two cells: numbers by value before any text (`—`, names), text
/// by its Chinese collation. One total order, so a column mixing both sorts the same way
/// from any starting order.
const ORDER: &str = "
function order(x,y){
  var num=function(t){return t.trim()===''?NaN:Number(t)};
  var nx=num(x),ny=num(y);
  if(isNaN(nx)!==isNaN(ny))return isNaN(nx)?1:-1;
  return isNaN(nx)?x.localeCompare(y,'zh'):nx-ny;
}
";

const SCRIPT: &str = "
document.querySelectorAll('table.sortable th').forEach(function(th,col){
  th.addEventListener('click',function(){
    var body=th.closest('table').tBodies[0];
    var rows=Array.prototype.slice.call(body.rows);
    var up=th.getAttribute('data-order')!=='asc';
    th.closest('tr').querySelectorAll('th').forEach(function(h){h.removeAttribute('data-order')});
    th.setAttribute('data-order',up?'asc':'desc');
    rows.sort(function(a,b){
      var c=order(a.cells[col].textContent,b.cells[col].textContent);
      return up?c:-c;
    });
    rows.forEach(function(r){body.appendChild(r)});
  });
});
";

/// The page for `rows`, with the findings of `reports` (the readable files).
pub fn render(rows: &[Row], reports: &[&FileReport]) -> String {
    let totals = Totals::of(rows);
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"generator\" content=\"nianbao\">\n");
    out.push_str("<title>法治政府建设年度报告检查汇总</title>\n");
    let _ = write!(out, "<style>{STYLE}</style>\n</head>\n<body>\n");
    out.push_str("<h1>法治政府建设年度报告检查汇总</h1>\n<h2>概况</h2>\n<ul class=\"totals\">\n");
    for (label, n) in totals.lines() {
        let _ = writeln!(out, "<li>{}：{}</li>", escape(&label), n);
    }
    out.push_str("</ul>\n<div class=\"charts\">\n");
    let parts: Vec<(String, usize)> = totals
        .missing
        .iter()
        .map(|(p, n)| (p.to_string(), *n))
        .collect();
    out.push_str(&bar_chart("缺少各部分的文件数", "chart-missing", &parts));
    out.push_str(&bar_chart(
        "最常见的问题（规则与次数）",
        "chart-rules",
        &rule_frequencies(reports),
    ));
    out.push_str("</div>\n<h2>逐个文件</h2>\n");
    out.push_str(&table(rows));
    out.push_str("<h2>问题明细</h2>\n");
    for report in reports.iter().filter(|r| !r.diagnostics.is_empty()) {
        findings(&mut out, report);
    }
    let _ = write!(out, "<script>{ORDER}{SCRIPT}</script>\n</body>\n</html>\n");
    out
}

fn table(rows: &[Row]) -> String {
    let mut out = String::from("<table class=\"sortable\" id=\"files\">\n<thead><tr>");
    for h in HEADER {
        let _ = write!(out, "<th>{h}</th>");
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in rows {
        out.push_str("<tr>");
        for (c, cell) in row.cells().iter().enumerate() {
            let class = if row.is_problem(c) {
                " class=\"bad\""
            } else {
                ""
            };
            let _ = write!(out, "<td{class}>{}</td>", escape(cell));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

/// Every rule that fired, with its count over all files, most frequent first.
fn rule_frequencies(reports: &[&FileReport]) -> Vec<(String, usize)> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for d in reports.iter().flat_map(|r| &r.diagnostics) {
        match counts.iter_mut().find(|(rule, _)| rule == d.rule) {
            Some((_, n)) => *n += 1,
            None => counts.push((d.rule.to_string(), 1)),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    counts.truncate(CHART_RULES);
    counts
}

/// A horizontal bar chart as inline SVG.
fn bar_chart(title: &str, id: &str, bars: &[(String, usize)]) -> String {
    const ROW: usize = 24;
    const LABEL: usize = 170;
    const BAR: usize = 260;
    let max = bars.iter().map(|b| b.1).max().unwrap_or(0).max(1);
    let height = ROW * bars.len().max(1) + 8;
    let width = LABEL + BAR + 50;
    let mut out = format!(
        "<figure id=\"{id}\"><figcaption>{}</figcaption>\n\
         <svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" \
         role=\"img\" aria-label=\"{}\">\n",
        escape(title),
        escape(title)
    );
    if bars.is_empty() {
        let _ = writeln!(out, "<text x=\"0\" y=\"16\" font-size=\"13\">（无）</text>");
    }
    for (i, (label, n)) in bars.iter().enumerate() {
        let y = i * ROW + 4;
        let w = (BAR * n).div_ceil(max);
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" font-size=\"13\" text-anchor=\"end\">{}</text>\
             <rect class=\"bar\" x=\"{LABEL}\" y=\"{y}\" width=\"{w}\" height=\"{}\" fill=\"#4a7fb5\"/>\
             <text x=\"{}\" y=\"{}\" font-size=\"13\">{n}</text>",
            LABEL - 6,
            y + 15,
            escape(label),
            ROW - 6,
            LABEL + w + 4,
            y + 15,
        );
    }
    out.push_str("</svg></figure>\n");
    out
}

fn findings(out: &mut String, report: &FileReport) {
    let source = &report.source;
    let _ = writeln!(
        out,
        "<section class=\"file\"><h3>{}</h3>",
        escape(&source.name)
    );
    let mut places = WordPlaces::new(source);
    for d in &report.diagnostics {
        let severity = d.severity.as_str();
        let _ = writeln!(
            out,
            "<div class=\"finding\"><div><span class=\"{severity}\">{}[{}]</span> {}：{}</div>",
            severity,
            d.rule,
            escape(&place(source, d, &mut places)),
            escape(&d.message)
        );
        let _ = writeln!(out, "<blockquote>{}</blockquote>", quote(source, d));
        if let Some(help) = &d.help {
            let _ = writeln!(out, "<div class=\"help\">建议：{}</div>", escape(help));
        }
        out.push_str("</div>\n");
    }
    out.push_str("</section>\n");
}

/// Where a finding is, as a reviewer would look for it.
fn place(source: &Source, d: &Diagnostic, places: &mut WordPlaces) -> String {
    let (line, column) = source.position(d.span.start);
    match source.origin {
        Origin::Docx => places.describe(d),
        _ => source
            .place_of_line(line - 1)
            .unwrap_or_else(|| format!("第 {line} 行第 {column} 列")),
    }
}

/// The sentence around a finding, escaped, with the finding's text marked.
fn quote(source: &Source, d: &Diagnostic) -> String {
    let text = &source.text;
    let line = source.line_range(source.line_index(d.span.start));
    let span_end = d.span.end.min(line.end.max(d.span.start));
    let start = sentence::start_before(text, line.start, d.span.start, QUOTE_CHARS);
    let end = sentence::end_after(text, span_end, line.end.max(span_end), QUOTE_CHARS);
    format!(
        "{}<mark>{}</mark>{}",
        escape(&text[start..d.span.start]),
        escape(&text[d.span.start..span_end]),
        escape(&text[span_end..end])
    )
}

/// Text as HTML content or a quoted attribute value; control and bidi characters from
/// documents shown escaped (`\u{202e}`), as on a terminal.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in crate::display::escape(s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_from_documents_is_escaped() {
        assert_eq!(
            escape("<script>alert('x')</script>&\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;"
        );
        assert_eq!(escape("a\u{202e}b\u{1b}[31m"), "a\\u{202e}b\\u{1b}[31m");
    }

    /// The table's order, run by `node` when it is installed: numbers by value, then
    /// text, whichever order the rows came in.
    #[test]
    fn table_orders_numbers_before_text() {
        let script = format!(
            "{ORDER}\nvar a=['3','—','1','10','—','2','某县'];\
             console.log(a.slice().sort(order).join(' '));\
             console.log(a.slice().reverse().sort(order).join(' '));"
        );
        let out = match std::process::Command::new("node")
            .arg("-e")
            .arg(&script)
            .output()
        {
            Ok(out) => out,
            Err(_) => {
                println!("skipped: node is not installed");
                return;
            }
        };
        let printed = String::from_utf8(out.stdout).unwrap();
        let sorted = "1 2 3 10 — — 某县";
        assert_eq!(printed, format!("{sorted}\n{sorted}\n"));
    }
}
