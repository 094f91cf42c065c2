//! The board's monthly report as a PDF of two A4 pages: on the first, the key figures in
//! boxes, the takings day by day as bars and the takings by category; on the second,
//! where the kilos went, intake by category, and the year's targets with a gauge each
//! (the share reached against the share of the year gone). It draws a
//! [`crate::reports::board::Board`] and computes nothing.

use super::PrintError;
use super::a4::{self, Page};
use crate::i18n::Msg;
use crate::reports::board::Board;
use crate::reports::{Cell, Section};

const LEFT: f32 = 15.0;
const WIDTH: f32 = 180.0;
const ROW: f32 = 5.2;
const GREEN: [u8; 3] = [46, 125, 50];
const GREY: [u8; 3] = [189, 189, 189];

fn header(page: &mut Page, board: &Board, number: usize) {
    page.bold(
        LEFT,
        18.0,
        16.0,
        Msg::BoardTitle.fill(&[&board.from.format("%m/%Y")]),
    );
    page.text(LEFT, 25.0, 10.0, board.structure.clone());
    let status = if board.provisional {
        Msg::ReportProvisional.text()
    } else if board.closed {
        Msg::ReportClosed.text()
    } else {
        ""
    };
    page.text(
        LEFT,
        30.5,
        8.0,
        format!(
            "{} — {}  {status}",
            board.from.format("%d/%m/%Y"),
            board.to.format("%d/%m/%Y")
        ),
    );
    page.right(LEFT + WIDTH, 18.0, 8.0, Msg::BoardPage.fill(&[&number, &2]));
    page.rule(LEFT, 33.0, WIDTH);
}

/// The key figures, three boxes a row.
fn figures(page: &mut Page, board: &Board, top: f32) -> f32 {
    let w = WIDTH / 3.0;
    let h = 17.0;
    for (i, (label, cell)) in board.figures.iter().enumerate() {
        let x = LEFT + (i % 3) as f32 * w;
        let y = top + (i / 3) as f32 * (h + 3.0);
        page.frame(x + 1.0, y, w - 2.0, h);
        page.text(x + 4.0, y + 6.0, 8.0, label.text());
        page.bold(x + 4.0, y + 13.5, 14.0, cell.display());
    }
    let rows = board.figures.len().div_ceil(3) as f32;
    top + rows * (h + 3.0) + 2.0
}

/// The takings of each day as bars, their top figure written above the tallest.
fn chart(page: &mut Page, board: &Board, top: f32) -> f32 {
    let height = 45.0;
    page.bold(LEFT, top + 4.0, 10.0, Msg::BoardChart.text());
    let base = top + 8.0 + height;
    page.rule(LEFT, base, WIDTH);
    let values: Vec<i64> = board
        .days
        .iter()
        .map(|(_, c)| match c {
            Cell::Money(m) => m.cents(),
            Cell::Grams(g) => *g,
            _ => 0,
        })
        .collect();
    let max = values.iter().copied().max().unwrap_or(0).max(1);
    let slot = WIDTH / values.len().max(1) as f32;
    let bar = (slot * 0.7).min(8.0);
    for (i, ((label, cell), value)) in board.days.iter().zip(&values).enumerate() {
        let h = height * (*value).max(0) as f32 / max as f32;
        let x = LEFT + i as f32 * slot + (slot - bar) / 2.0;
        page.colour(x, base - h, bar, h, GREEN);
        if *value == max {
            page.text(x, base - h - 1.5, 6.5, cell.display());
        }
        page.text(x, base + 3.5, 5.5, label.clone());
    }
    base + 8.0
}

/// A section as a table: the first column left, the others right-aligned; the total
/// row bold under a rule. Returns the y below it.
fn table(page: &mut Page, section: &Section, top: f32) -> f32 {
    page.bold(LEFT, top + 4.0, 10.0, section.title.text());
    let others = section.columns.len().saturating_sub(1).max(1) as f32;
    let first = (WIDTH * 0.4).max(WIDTH - others * 30.0);
    let other = (WIDTH - first) / others;
    let right = |i: usize| LEFT + first + i as f32 * other;
    let mut y = top + 10.0;
    for (i, column) in section.columns.iter().enumerate() {
        if i == 0 {
            page.bold(LEFT, y, 7.5, column.text());
        } else {
            page.bold_right(right(i), y, 7.5, column.text());
        }
    }
    page.rule(LEFT, y + 1.5, WIDTH);
    y += ROW;
    let line = |page: &mut Page, cells: &[Cell], y: f32, bold: bool| {
        for (i, cell) in cells.iter().enumerate() {
            let text = cell.display();
            match (i, bold) {
                (0, false) => page.text(LEFT, y, 8.0, text),
                (0, true) => page.bold(LEFT, y, 8.0, text),
                (_, false) => page.right(right(i), y, 8.0, text),
                (_, true) => page.bold_right(right(i), y, 8.0, text),
            };
        }
    };
    for row in &section.rows {
        line(page, row, y, false);
        y += ROW;
    }
    if let Some(total) = &section.total {
        page.rule(LEFT, y - ROW + 1.5, WIDTH);
        line(page, total, y, true);
        y += ROW;
    }
    y + 3.0
}

/// Under the targets' table, a gauge per indicator: the share reached (green) over the
/// share of the year gone (a mark).
fn gauges(page: &mut Page, section: &Section, top: f32) -> f32 {
    let reached = section.columns.iter().position(|c| *c == Msg::ColProgress);
    let gone = section.columns.iter().position(|c| *c == Msg::ColYearGone);
    let (Some(reached), Some(gone)) = (reached, gone) else {
        return top;
    };
    let share = |row: &[Cell], i: usize| match row.get(i) {
        Some(Cell::Share(bp)) => Some(*bp),
        _ => None,
    };
    let mut y = top;
    let width = WIDTH - 60.0;
    for row in &section.rows {
        let (Some(done), Some(year)) = (share(row, reached), share(row, gone)) else {
            continue;
        };
        let label = row.first().map(Cell::display).unwrap_or_default();
        page.text(LEFT, y + 3.0, 7.5, label);
        let x = LEFT + 58.0;
        page.colour(x, y, width, 4.0, GREY);
        let filled = width * done.clamp(0, 10_000) as f32 / 10_000.0;
        page.colour(x, y, filled, 4.0, GREEN);
        let mark = x + width * year.clamp(0, 10_000) as f32 / 10_000.0;
        page.fill(mark - 0.3, y - 1.0, 0.6, 6.0);
        y += 7.0;
    }
    y + 2.0
}

/// The two pages of `board`.
pub fn pages(board: &Board) -> Vec<Page> {
    let mut first = Page::default();
    header(&mut first, board, 1);
    let y = figures(&mut first, board, 38.0);
    let y = chart(&mut first, board, y);
    if let Some(categories) = board.sections.first() {
        table(&mut first, categories, y);
    }
    let mut second = Page::default();
    header(&mut second, board, 2);
    let mut y = 38.0;
    for section in board.sections.iter().skip(1) {
        y = table(&mut second, section, y);
        y = gauges(&mut second, section, y);
    }
    vec![first, second]
}

/// The board as a PDF.
pub fn pdf(board: &Board) -> Result<Vec<u8>, PrintError> {
    a4::render(&pages(board))
}
