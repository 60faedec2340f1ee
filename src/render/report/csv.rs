//! CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel on Chinese Windows does
//! not guess GBK), RFC 4180 quoting, CRLF rows, the totals as rows after a blank one.
//! Cells that a spreadsheet would run as a formula (starting with `= + - @`, a tab or a
//! carriage return) get a leading `'`, as OWASP advises against CSV injection; control
//! characters are escaped as everywhere else.

use super::{HEADER, Row, Totals};

const BOM: &str = "\u{feff}";

pub fn render(rows: &[Row]) -> String {
    let mut out = String::from(BOM);
    let header = HEADER.map(String::from).to_vec();
    let body = rows.iter().map(|r| r.cells().to_vec());
    let totals = Totals::of(rows)
        .lines()
        .into_iter()
        .map(|(label, n)| vec![format!("合计：{label}"), n]);
    for row in std::iter::once(header)
        .chain(body)
        .chain(std::iter::once(Vec::new()))
        .chain(totals)
    {
        let line: Vec<String> = row.iter().map(|c| cell(c)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

/// One cell: its control characters escaped (`\u{1b}`, as in every output), neutralised
/// if a spreadsheet would evaluate it, quoted if needed.
pub fn cell(value: &str) -> String {
    let value = crate::display::escape(value);
    let value = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_quoted() {
        assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell("+1"), "'+1");
        assert_eq!(cell("-1"), "'-1");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("\tx"), "'\tx");
        assert_eq!(cell("\rx"), "\"'\rx\"");
        assert_eq!(cell("报告,2024"), "\"报告,2024\"");
        assert_eq!(cell("2024"), "2024");
        assert_eq!(cell("—"), "—");
        // A file name's escape sequence is shown, not sent (h71).
        assert_eq!(cell("esc\u{1b}[31mred"), "esc\\u{1b}[31mred");
    }
}
