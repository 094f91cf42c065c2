//! The board's monthly report (« bilan du mois »): the month at a glance — key figures,
//! the takings day by day, takings by category, where the kilos went, intake by
//! category, the year's targets — assembled from the takings, tonnage and targets
//! reports themselves, so the PDF shows the very figures of the screens and exports.

use super::{Cell, Report, Section};
use crate::i18n::Msg;
use chrono::NaiveDate;

/// How many rows of a long table (categories) the board shows; the rest are summed in
/// one « autres » row so the total still adds up.
pub const TOP_ROWS: usize = 12;

/// What the board holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Board {
    pub structure: String,
    /// The first and last day of the month.
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub provisional: bool,
    pub closed: bool,
    /// The key figures, in reading order.
    pub figures: Vec<(Msg, Cell)>,
    /// The takings of each day of the month (none: zero), for the chart.
    pub days: Vec<(String, Cell)>,
    /// Takings by category, where the kilos went, intake by category, the targets.
    pub sections: Vec<Section>,
}

/// The cell of `section`'s total row in `column`.
fn total(section: Option<&Section>, column: Msg) -> Cell {
    section
        .and_then(|s| {
            let i = s.columns.iter().position(|c| *c == column)?;
            s.total.as_ref()?.get(i).cloned()
        })
        .unwrap_or(Cell::Empty)
}

fn section(report: &Report, title: Msg) -> Option<&Section> {
    report.sections.iter().find(|s| s.title == title)
}

/// `section` with at most [`TOP_ROWS`] rows, the largest first, the others summed.
fn top(section: &Section) -> Section {
    let mut rows = section.rows.clone();
    let key = |row: &Vec<Cell>| {
        row.iter()
            .find_map(|c| match c {
                Cell::Money(m) => Some(m.cents()),
                Cell::Grams(g) => Some(*g),
                _ => None,
            })
            .unwrap_or(0)
    };
    rows.sort_by_key(|r| std::cmp::Reverse(key(r)));
    if rows.len() > TOP_ROWS {
        let rest = rows.split_off(TOP_ROWS - 1);
        let width = rest.first().map_or(0, Vec::len);
        let mut others = vec![Cell::Text(Msg::BoardOthers.fill(&[&rest.len()]))];
        for i in 1..width {
            others.push(sum_column(&rest, i));
        }
        rows.push(others);
    }
    Section {
        rows,
        ..section.clone()
    }
}

/// The sum of column `i` of `rows` when it holds money, grams or counts; empty otherwise.
fn sum_column(rows: &[Vec<Cell>], i: usize) -> Cell {
    let cells: Vec<&Cell> = rows.iter().filter_map(|r| r.get(i)).collect();
    match cells.first() {
        Some(Cell::Money(_)) => Cell::Money(crate::domain::Money::from_cents(
            cells
                .iter()
                .map(|c| match c {
                    Cell::Money(m) => m.cents(),
                    _ => 0,
                })
                .sum(),
        )),
        Some(Cell::Grams(_)) => Cell::Grams(
            cells
                .iter()
                .map(|c| match c {
                    Cell::Grams(g) => *g,
                    _ => 0,
                })
                .sum(),
        ),
        Some(Cell::Count(_)) => Cell::Count(
            cells
                .iter()
                .map(|c| match c {
                    Cell::Count(n) => *n,
                    _ => 0,
                })
                .sum(),
        ),
        _ => Cell::Empty,
    }
}

/// Each day of `[from, to]` by its number, with its takings in `by_day` (keyed by the
/// ISO date) or zero.
pub fn every_day(from: NaiveDate, to: NaiveDate, by_day: Option<&Section>) -> Vec<(String, Cell)> {
    let ttc = by_day.and_then(|s| s.columns.iter().position(|c| *c == Msg::ColTtc));
    from.iter_days()
        .take_while(|d| *d <= to)
        .map(|day| {
            let key = day.to_string();
            let cell = by_day
                .zip(ttc)
                .and_then(|(s, i)| {
                    let row = s
                        .rows
                        .iter()
                        .find(|r| r.first().is_some_and(|c| c.display() == key))?;
                    row.get(i).cloned()
                })
                .unwrap_or(Cell::Money(crate::domain::Money::ZERO));
            (day.format("%d").to_string(), cell)
        })
        .collect()
}

/// The board of the month of `by_day` (takings grouped by day), with the same month's
/// takings by category, its tonnage, and its year's targets.
pub fn build(
    structure: &str,
    by_day: &Report,
    by_category: &Report,
    tonnage: &Report,
    targets: &Report,
) -> Board {
    let days = by_day.sections.first();
    let categories = by_category.sections.first();
    let intake = section(tonnage, Msg::TonnageByCategory);
    let went = section(tonnage, Msg::TonnageWhereItWent);
    let figures = vec![
        (Msg::BoardTakings, total(days, Msg::ColTtc)),
        (Msg::ColTickets, total(days, Msg::ColTickets)),
        (Msg::ColBasket, total(days, Msg::ColBasket)),
        (Msg::BoardCollected, total(intake, Msg::ColKg)),
        (Msg::BoardReused, total(went, Msg::ColKg)),
        (Msg::TonnageReuseRate, total(went, Msg::ColOfIntake)),
    ];
    let mut sections = Vec::new();
    sections.extend(categories.map(top));
    sections.extend(went.cloned());
    sections.extend(intake.map(top));
    sections.extend(targets.sections.iter().cloned());
    Board {
        structure: structure.to_owned(),
        from: by_day.from,
        to: by_day.to,
        provisional: by_day.provisional,
        closed: by_day.closed,
        figures,
        days: every_day(by_day.from, by_day.to, days),
        sections,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Money;

    fn money(cents: i64) -> Cell {
        Cell::Money(Money::from_cents(cents))
    }

    #[test]
    fn a_long_table_keeps_its_largest_rows_and_sums_the_others() {
        let rows: Vec<Vec<Cell>> = (1..=20)
            .map(|i| vec![Cell::Text(format!("c{i}")), Cell::Count(1), money(i * 100)])
            .collect();
        let long = Section {
            title: Msg::ReportTakings,
            columns: vec![Msg::ColCategory, Msg::ColQuantity, Msg::ColTtc],
            rows,
            total: None,
        };
        let short = top(&long);
        assert_eq!(short.rows.len(), TOP_ROWS);
        assert_eq!(short.rows[0][2], money(2000), "the largest first");
        let others = short.rows.last().expect("others");
        // c1 … c9 summed: 45 €, nine rows.
        assert_eq!(others[1], Cell::Count(9));
        assert_eq!(others[2], money(4500));
        let kept: i64 = short
            .rows
            .iter()
            .map(|r| match r[2] {
                Cell::Money(m) => m.cents(),
                _ => 0,
            })
            .sum();
        assert_eq!(kept, (1..=20).map(|i| i * 100).sum::<i64>(), "nothing lost");
    }
}
