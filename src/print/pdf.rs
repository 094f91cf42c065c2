//! Label sheets as PDF for office printers: A4 grids such as 3 × 8 labels of 70 × 37 mm
//! or 2 × 7 of 99 × 38 mm, starting at any cell so a partly used sheet serves again.
//! Laid out as [`a4::Page`]s and written by krilla like every PDF of pépite: text in the
//! embedded font, bars as filled rectangles from the same modules as the other outputs,
//! the week's colour as a band.

use super::PrintError;
use super::a4::{self, A4_H_MM, A4_W_MM, Page};
use super::label::Label;
use crate::i18n::Msg;

/// A sheet of labels (millimetres: layout, not money, so floating point is fine).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sheet {
    pub columns: u32,
    pub rows: u32,
    pub label_w_mm: f32,
    pub label_h_mm: f32,
}

/// The sheets pépite knows, by name (`3x8`, `2x7`).
pub const SHEETS: [(&str, Sheet); 2] = [
    (
        "3x8",
        Sheet {
            columns: 3,
            rows: 8,
            label_w_mm: 70.0,
            label_h_mm: 37.0,
        },
    ),
    (
        "2x7",
        Sheet {
            columns: 2,
            rows: 7,
            label_w_mm: 99.0,
            label_h_mm: 38.0,
        },
    ),
];

impl Sheet {
    pub fn named(name: &str) -> Result<Sheet, PrintError> {
        SHEETS
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, s)| *s)
            .ok_or_else(|| PrintError::Render(Msg::ErrUnknownSheet.fill(&[&name])))
    }

    fn cells(&self) -> u32 {
        self.columns * self.rows
    }
}

/// Width of one barcode module: 0.33 mm is EAN-13's nominal size.
pub const MODULE_MM: f32 = 0.33;
/// Height of the bars.
pub const BARS_MM: f32 = 13.0;

/// RGB of a week colour.
fn rgb(colour: Msg) -> [u8; 3] {
    match colour {
        Msg::ColourRed => [217, 26, 26],
        Msg::ColourOrange => [242, 140, 26],
        Msg::ColourYellow => [242, 217, 26],
        Msg::ColourGreen => [51, 166, 51],
        Msg::ColourBlue => [38, 89, 217],
        Msg::ColourPurple => [128, 51, 179],
        Msg::ColourPink => [242, 128, 179],
        _ => [128, 77, 38],
    }
}

/// Draws one label in the cell whose top-left corner is (`x`, `top`) mm.
fn draw(page: &mut Page, label: &Label, x: f32, top: f32, sheet: &Sheet) -> Result<(), PrintError> {
    let h = sheet.label_h_mm;
    // The week's colour as a band along the left edge.
    page.colour(x + 1.5, top + 2.0, 3.0, h - 4.0, rgb(label.colour()));
    let text_x = x + 6.5;
    let room = ((sheet.label_w_mm - 8.0) / 1.9) as usize;
    page.bold(text_x, top + 8.0, 18.0, label.price.to_string());
    page.text(
        text_x,
        top + 12.5,
        9.0,
        label.description.chars().take(room).collect::<String>(),
    );
    page.text(
        text_x,
        top + 16.0,
        7.0,
        format!("{} · {}", label.category, label.week_text()),
    );
    // Bars: eleven modules of quiet zone between the colour band and the first bar.
    let bars_x = x + 4.5 + 11.0 * MODULE_MM;
    page.bars(
        bars_x,
        top + h - 5.0 - BARS_MM,
        MODULE_MM,
        BARS_MM,
        &label.code,
    )?;
    let digits = format!(
        "{} {} {}",
        &label.code[..1],
        &label.code[1..7],
        &label.code[7..]
    );
    page.text(bars_x - 2.5, top + h - 1.8, 8.0, digits);
    Ok(())
}

/// The pages of `labels` on `sheet`, the first one in cell `start` (0 = top left, row
/// by row), a new page whenever one is full.
pub fn pages(labels: &[Label], sheet: &Sheet, start: u32) -> Result<Vec<Page>, PrintError> {
    if start >= sheet.cells() {
        return Err(PrintError::Render(
            Msg::ErrSheetStart.fill(&[&start, &sheet.cells()]),
        ));
    }
    let margin_x = (A4_W_MM - sheet.columns as f32 * sheet.label_w_mm) / 2.0;
    let margin_y = (A4_H_MM - sheet.rows as f32 * sheet.label_h_mm) / 2.0;
    let mut pages = Vec::new();
    let mut cell = start;
    let mut page = Page::default();
    for label in labels {
        if cell == sheet.cells() {
            pages.push(std::mem::take(&mut page));
            cell = 0;
        }
        let column = cell % sheet.columns;
        let row = cell / sheet.columns;
        let x = margin_x + column as f32 * sheet.label_w_mm;
        let top = margin_y + row as f32 * sheet.label_h_mm;
        draw(&mut page, label, x, top, sheet)?;
        cell += 1;
    }
    pages.push(page);
    Ok(pages)
}

/// The PDF of `labels` on `sheet` (see [`pages`]).
pub fn sheets(labels: &[Label], sheet: &Sheet, start: u32) -> Result<Vec<u8>, PrintError> {
    a4::render(&pages(labels, sheet, start)?)
}
