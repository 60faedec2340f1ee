//! `report --format json`: the table's rows and totals for scripts.

use super::{Row, Totals};
use serde::Serialize;

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    columns: [&'static str; 14],
    rows: &'a [Row],
    totals: Totals,
}

pub fn render(rows: &[Row]) -> String {
    let output = Output {
        version: 1,
        columns: super::HEADER,
        rows,
        totals: Totals::of(rows),
    };
    crate::render::pretty::to_string(&output) + "\n"
}
