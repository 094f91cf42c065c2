//! Label sheets as PDF for office printers: A4 grids such as 3 × 8 labels of 70 × 37 mm
//! or 2 × 7 of 99 × 38 mm, starting at any cell so a partly used sheet serves again.
//! Written by hand — a PDF of rectangles and Helvetica text needs no library: text in
//! WinAnsi (CP1252) bytes, bars as filled rectangles from the same modules as the other
//! outputs, the week's colour as a band.

use super::PrintError;
use super::codepage::CodePage;
use super::label::{Label, modules};
use crate::i18n::Msg;
use std::fmt::Write as _;

/// A sheet of labels (millimetres: layout, not money, so floating point is fine).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sheet {
    pub columns: u32,
    pub rows: u32,
    pub label_w_mm: f64,
    pub label_h_mm: f64,
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

const A4_W_MM: f64 = 210.0;
const A4_H_MM: f64 = 297.0;
/// Width of one barcode module: 0.33 mm is EAN-13's nominal size.
pub const MODULE_MM: f64 = 0.33;
/// Height of the bars.
pub const BARS_MM: f64 = 13.0;

fn pt(mm: f64) -> f64 {
    mm * 72.0 / 25.4
}

/// A PDF string literal of `text` in WinAnsi bytes.
fn literal(text: &str) -> Vec<u8> {
    let mut out = vec![b'('];
    for b in CodePage::Cp1252.encode(text) {
        if matches!(b, b'(' | b')' | b'\\') {
            out.push(b'\\');
        }
        out.push(b);
    }
    out.push(b')');
    out
}

/// RGB of a week colour.
fn rgb(colour: Msg) -> (f64, f64, f64) {
    match colour {
        Msg::ColourRed => (0.85, 0.1, 0.1),
        Msg::ColourOrange => (0.95, 0.55, 0.1),
        Msg::ColourYellow => (0.95, 0.85, 0.1),
        Msg::ColourGreen => (0.2, 0.65, 0.2),
        Msg::ColourBlue => (0.15, 0.35, 0.85),
        Msg::ColourPurple => (0.5, 0.2, 0.7),
        Msg::ColourPink => (0.95, 0.5, 0.7),
        _ => (0.5, 0.3, 0.15),
    }
}

/// Draws one label with its lower-left corner at (`x`, `y`) millimetres.
fn draw(out: &mut Vec<u8>, label: &Label, x: f64, y: f64, sheet: &Sheet) -> Result<(), PrintError> {
    let bars = modules(&label.code)?;
    let h = sheet.label_h_mm;
    let (r, g, b) = rgb(label.colour());
    let mut ops = String::new();
    // The week's colour as a band along the left edge.
    let _ = writeln!(
        ops,
        "{r:.2} {g:.2} {b:.2} rg {:.2} {:.2} {:.2} {:.2} re f 0 g",
        pt(x + 1.5),
        pt(y + 2.0),
        pt(3.0),
        pt(h - 4.0)
    );
    let text_x = x + 6.5;
    let mut text = |size: f64, top_mm: f64, bold: bool, words: &str| {
        let font = if bold { "F2" } else { "F1" };
        let _ = write!(
            ops,
            "BT /{font} {size} Tf {:.2} {:.2} Td ",
            pt(text_x),
            pt(y + h - top_mm)
        );
        let mut bytes = literal(words);
        bytes.extend_from_slice(b" Tj ET\n");
        // The WinAnsi bytes ride in the string as Latin-1 chars, and come out as bytes.
        ops.extend(bytes.iter().map(|b| char::from(*b)));
    };
    let room = ((sheet.label_w_mm - 8.0) / 1.9) as usize;
    text(18.0, 8.0, true, &label.price.to_string());
    text(
        9.0,
        12.5,
        false,
        &label.description.chars().take(room).collect::<String>(),
    );
    text(
        7.0,
        16.0,
        false,
        &format!("{} · {}", label.category, label.week_text()),
    );
    // Bars: eleven modules of quiet zone between the colour band and the first bar.
    let bars_x = x + 4.5 + 11.0 * MODULE_MM;
    let bars_y = y + 5.0;
    let mut run_start: Option<usize> = None;
    for (i, bar) in bars.iter().chain(std::iter::once(&false)).enumerate() {
        match (bar, run_start) {
            (true, None) => run_start = Some(i),
            (false, Some(start)) => {
                let _ = writeln!(
                    ops,
                    "{:.3} {:.3} {:.3} {:.3} re f",
                    pt(bars_x + start as f64 * MODULE_MM),
                    pt(bars_y),
                    pt((i - start) as f64 * MODULE_MM),
                    pt(BARS_MM)
                );
                run_start = None;
            }
            _ => {}
        }
    }
    let digits = format!(
        "{} {} {}",
        &label.code[..1],
        &label.code[1..7],
        &label.code[7..]
    );
    let _ = write!(
        ops,
        "BT /F1 8 Tf {:.2} {:.2} Td ",
        pt(bars_x - 2.5),
        pt(y + 1.8)
    );
    ops.push_str(&String::from_utf8_lossy(&literal(&digits)));
    ops.push_str(" Tj ET\n");
    out.extend(
        ops.chars()
            .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?')),
    );
    Ok(())
}

/// The PDF of `labels` on `sheet`, the first one in cell `start` (0 = top left, row by
/// row), a new page whenever one is full.
pub fn sheets(labels: &[Label], sheet: &Sheet, start: u32) -> Result<Vec<u8>, PrintError> {
    if start >= sheet.cells() {
        return Err(PrintError::Render(
            Msg::ErrSheetStart.fill(&[&start, &sheet.cells()]),
        ));
    }
    let margin_x = (A4_W_MM - sheet.columns as f64 * sheet.label_w_mm) / 2.0;
    let margin_y = (A4_H_MM - sheet.rows as f64 * sheet.label_h_mm) / 2.0;
    let mut pages: Vec<Vec<u8>> = Vec::new();
    let mut cell = start;
    let mut content = Vec::new();
    for label in labels {
        if cell == sheet.cells() {
            pages.push(std::mem::take(&mut content));
            cell = 0;
        }
        let column = cell % sheet.columns;
        let row = cell / sheet.columns;
        let x = margin_x + column as f64 * sheet.label_w_mm;
        let y = A4_H_MM - margin_y - (row + 1) as f64 * sheet.label_h_mm;
        draw(&mut content, label, x, y, sheet)?;
        cell += 1;
    }
    pages.push(content);
    Ok(document(&pages))
}

/// Assembles the objects, the cross-reference table and the trailer.
fn document(pages: &[Vec<u8>]) -> Vec<u8> {
    let mut objects: Vec<Vec<u8>> = Vec::new();
    let first_page = 5;
    let kids: Vec<String> = (0..pages.len())
        .map(|i| format!("{} 0 R", first_page + 2 * i))
        .collect();
    objects.push(b"<< /Type /Catalog /Pages 2 0 R >>".to_vec());
    objects.push(
        format!(
            "<< /Type /Pages /Kids [{}] /Count {} >>",
            kids.join(" "),
            pages.len()
        )
        .into_bytes(),
    );
    objects.push(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_vec(),
    );
    objects.push(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"
            .to_vec(),
    );
    for (i, content) in pages.iter().enumerate() {
        let contents = first_page + 2 * i + 1;
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {:.2} {:.2}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {contents} 0 R >>",
                pt(A4_W_MM),
                pt(A4_H_MM)
            )
            .into_bytes(),
        );
        let mut stream = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
        stream.extend_from_slice(content);
        stream.extend_from_slice(b"\nendstream");
        objects.push(stream);
    }
    let mut out = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::with_capacity(objects.len());
    for (i, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n", i + 1).into_bytes());
        out.extend_from_slice(object);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).into_bytes());
    for offset in offsets {
        out.extend(format!("{offset:010} 00000 n \n").into_bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .into_bytes(),
    );
    out
}
