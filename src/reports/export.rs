//! A report written out: as a plain-text table (the terminal's `pepite report`), as CSV
//! for French spreadsheets (`;` between fields, decimal commas, amounts without the euro
//! sign, kilograms with three decimals), or as JSON for programs (amounts in cents,
//! weights in grams, rates and shares in basis points: integers, nothing to parse).

use super::{Cell, Report, Section, kg, percent, share_text};
use crate::i18n::Msg;
use serde_json::{Value, json};

fn header(report: &Report) -> String {
    let mut text = format!(
        "{} — {} → {}",
        report.title.text(),
        report.from.format("%d/%m/%Y"),
        report.to.format("%d/%m/%Y")
    );
    if report.provisional {
        text.push_str(&format!(" ({})", Msg::ReportProvisional.text()));
    } else if report.closed {
        text.push_str(&format!(" ({})", Msg::ReportClosed.text()));
    }
    text
}

fn all_rows(section: &Section) -> impl Iterator<Item = &Vec<Cell>> {
    section.rows.iter().chain(section.total.iter())
}

/// The report as aligned columns of text.
pub fn table(report: &Report) -> String {
    let mut out = header(report);
    out.push('\n');
    for section in &report.sections {
        out.push_str(&format!("\n{}\n", section.title.text()));
        let heads: Vec<String> = section
            .columns
            .iter()
            .map(|c| c.text().to_owned())
            .collect();
        let mut widths: Vec<usize> = heads.iter().map(|h| h.chars().count()).collect();
        for row in all_rows(section) {
            for (i, cell) in row.iter().enumerate() {
                if let Some(w) = widths.get_mut(i) {
                    *w = (*w).max(cell.display().chars().count());
                }
            }
        }
        let line = |cells: Vec<(String, bool)>| {
            cells
                .iter()
                .zip(&widths)
                .map(|((text, number), width)| {
                    if *number {
                        format!("{text:>width$}")
                    } else {
                        format!("{text:<width$}")
                    }
                })
                .collect::<Vec<_>>()
                .join("  ")
                .trim_end()
                .to_owned()
        };
        out.push_str(&line(heads.into_iter().map(|h| (h, false)).collect()));
        out.push('\n');
        for row in &section.rows {
            out.push_str(&line(
                row.iter().map(|c| (c.display(), c.is_number())).collect(),
            ));
            out.push('\n');
        }
        if let Some(total) = &section.total {
            out.push_str(&"-".repeat(widths.iter().sum::<usize>() + 2 * widths.len()));
            out.push('\n');
            out.push_str(&line(
                total.iter().map(|c| (c.display(), c.is_number())).collect(),
            ));
            out.push('\n');
        }
    }
    out
}

fn csv_field(cell: &Cell) -> String {
    match cell {
        Cell::Text(t) => quoted(t),
        Cell::Money(m) => m.plain(),
        Cell::Grams(g) => kg(*g),
        Cell::Count(n) => n.to_string(),
        Cell::Rate(bp) => percent(*bp),
        Cell::Share(bp) => share_text(*bp),
        Cell::Empty => String::new(),
    }
}

/// A text field, quoted when it holds the separator, a quote or a line break.
fn quoted(text: &str) -> String {
    if text.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// The report as CSV: a title line, then each table after an empty line, its title, its
/// column names (« Poids (kg) », « TTC (€) »), its rows and its total.
pub fn csv(report: &Report) -> String {
    let mut out = quoted(&header(report));
    out.push_str("\r\n");
    for section in &report.sections {
        out.push_str("\r\n");
        out.push_str(&quoted(section.title.text()));
        out.push_str("\r\n");
        let unit = |i: usize| {
            all_rows(section)
                .find_map(|r| match r.get(i) {
                    Some(Cell::Money(_)) => Some(" (€)"),
                    Some(Cell::Grams(_)) => Some(" (kg)"),
                    Some(Cell::Rate(_) | Cell::Share(_)) => Some(" (%)"),
                    _ => None,
                })
                .unwrap_or("")
        };
        let heads: Vec<String> = section
            .columns
            .iter()
            .enumerate()
            .map(|(i, c)| quoted(&format!("{}{}", c.text(), unit(i))))
            .collect();
        out.push_str(&heads.join(";"));
        out.push_str("\r\n");
        for row in all_rows(section) {
            out.push_str(&row.iter().map(csv_field).collect::<Vec<_>>().join(";"));
            out.push_str("\r\n");
        }
    }
    out
}

fn json_cell(cell: &Cell) -> Value {
    match cell {
        Cell::Text(t) => json!(t),
        Cell::Money(m) => json!(m.cents()),
        Cell::Grams(n) | Cell::Count(n) | Cell::Rate(n) | Cell::Share(n) => json!(n),
        Cell::Empty => Value::Null,
    }
}

/// The report as JSON.
pub fn json(report: &Report) -> Value {
    json!({
        "report": report.title.text(),
        "from": report.from.to_string(),
        "to": report.to.to_string(),
        "provisional": report.provisional,
        "sections": report.sections.iter().map(|s| json!({
            "title": s.title.text(),
            "columns": s.columns.iter().map(|c| c.text()).collect::<Vec<_>>(),
            "rows": s.rows.iter().map(|r| r.iter().map(json_cell).collect::<Vec<_>>()).collect::<Vec<_>>(),
            "total": s.total.as_ref().map(|r| r.iter().map(json_cell).collect::<Vec<_>>()),
        })).collect::<Vec<_>>(),
    })
}
