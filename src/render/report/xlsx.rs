//! `report --format xlsx`: one worksheet with a bold frozen header row, an autofilter,
//! counts as numbers, problem cells filled red, and the totals below the table.

use super::{HEADER, Row, Totals};
use rust_xlsxwriter::{Color, Format, Workbook, XlsxError};

/// Columns written as numbers (year and the three counts), so filters sort them.
const NUMERIC: [usize; 4] = [3, 9, 10, 11];

pub fn render(rows: &[Row]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("年度报告")?;
    let bold = Format::new().set_bold();
    let problem = Format::new()
        .set_background_color(Color::RGB(0xFFC7CE))
        .set_font_color(Color::RGB(0x9C0006));
    let plain = Format::new();
    for (c, h) in HEADER.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *h, &bold)?;
    }
    let mut widths: Vec<usize> = HEADER.iter().map(|h| display_width(h)).collect();
    for (i, row) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        for (c, value) in row.cells().iter().enumerate() {
            let format = if row.is_problem(c) { &problem } else { &plain };
            let number = NUMERIC
                .contains(&c)
                .then(|| value.parse::<f64>().ok())
                .flatten();
            match number {
                Some(n) => sheet.write_number_with_format(r, c as u16, n, format)?,
                None => sheet.write_string_with_format(r, c as u16, value, format)?,
            };
            widths[c] = widths[c].max(display_width(value));
        }
    }
    let last = rows.len() as u32;
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, last, HEADER.len() as u16 - 1)?;
    for (c, w) in widths.iter().enumerate() {
        sheet.set_column_width(c as u16, (*w).clamp(6, 60) as f64 + 2.0)?;
    }
    for (i, (label, n)) in Totals::of(rows).lines().into_iter().enumerate() {
        let r = last + 2 + i as u32;
        sheet.write_string_with_format(r, 0, format!("合计：{label}"), &bold)?;
        sheet.write_number(r, 1, n.parse::<f64>().unwrap_or_default())?;
    }
    book.save_to_buffer()
}

fn display_width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}
