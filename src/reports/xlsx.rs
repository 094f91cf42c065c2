//! A report as an XLSX workbook (rust_xlsxwriter): one sheet per table, typed cells —
//! amounts as numbers in euros with a « € » format, weights as kilograms with three
//! decimals, shares as percentages, counts as integers — so a spreadsheet sums them
//! without a conversion. The spreadsheet's cells are binary floating point by the file
//! format's design: the amount is exact in pépite (cents) and turned into the cell's
//! number only here, through a decimal, so what Excel shows is the cent pépite holds.

use super::{Cell, Report};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{Format, Workbook, XlsxError};

/// `units` hundredths (or thousandths, with `scale` 3) as the spreadsheet's number.
fn number(units: i64, scale: u32) -> f64 {
    Decimal::new(units, scale).to_f64().unwrap_or_default()
}

/// A sheet's name: at most 31 characters, none of `[]:*?/\`, unique in the workbook.
fn sheet_name(title: &str, taken: &[String]) -> String {
    let clean: String = title
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
        .take(28)
        .collect();
    let mut name = clean.clone();
    let mut n = 2;
    while taken.contains(&name) {
        name = format!("{clean} {n}");
        n += 1;
    }
    name
}

/// The workbook's bytes.
pub fn workbook(report: &Report) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let money = Format::new().set_num_format("#,##0.00 \"€\"");
    let kg = Format::new().set_num_format("#,##0.000");
    let share = Format::new().set_num_format("0.00%");
    let rate = Format::new().set_num_format("0.0#%");
    let mut taken = Vec::new();
    for section in &report.sections {
        let name = sheet_name(section.title.text(), &taken);
        taken.push(name.clone());
        let sheet = book.add_worksheet();
        sheet.set_name(&name)?;
        sheet.set_column_width(0, 30)?;
        for (col, column) in section.columns.iter().enumerate() {
            let col = u16::try_from(col).unwrap_or(u16::MAX);
            sheet.write_string_with_format(0, col, column.text(), &bold)?;
            if col > 0 {
                sheet.set_column_width(col, 16)?;
            }
        }
        let rows = section.rows.iter().chain(section.total.iter());
        for (r, row) in rows.enumerate() {
            let r = u32::try_from(r + 1).unwrap_or(u32::MAX);
            for (c, cell) in row.iter().enumerate() {
                let c = u16::try_from(c).unwrap_or(u16::MAX);
                match cell {
                    Cell::Text(t) => sheet.write_string(r, c, t)?,
                    Cell::Money(m) => {
                        sheet.write_number_with_format(r, c, number(m.cents(), 2), &money)?
                    }
                    Cell::Grams(g) => sheet.write_number_with_format(r, c, number(*g, 3), &kg)?,
                    Cell::Count(n) => sheet.write_number(r, c, number(*n, 0))?,
                    Cell::Rate(bp) => {
                        sheet.write_number_with_format(r, c, number(*bp, 4), &rate)?
                    }
                    Cell::Share(bp) => {
                        sheet.write_number_with_format(r, c, number(*bp, 4), &share)?
                    }
                    Cell::Empty => sheet,
                };
            }
        }
    }
    book.save_to_buffer()
}
