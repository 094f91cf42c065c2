//! The report definitions: what each report shows, its columns, its rows and totals, as
//! typed cells. The « Bilans » screen, the command line and the files (CSV, JSON) all read
//! these, so they cannot disagree. No SQL here (the figures come in as storage rows, read
//! by [`crate::ops::reports`]) and no terminal.

pub mod accounting;
pub mod board;
pub mod eco;
pub mod export;
pub mod members;
pub mod oressource;
pub mod takings;
pub mod targets;
pub mod tonnage;
pub mod xlsx;

use crate::domain::Money;
use crate::i18n::Msg;
use chrono::NaiveDate;

/// One figure of a report, typed so each output writes it its own way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cell {
    Text(String),
    Money(Money),
    /// A weight in grams (negative when goods came back).
    Grams(i64),
    Count(i64),
    /// A VAT rate, in basis points.
    Rate(i64),
    /// A share, in basis points (2 500 is 25 %).
    Share(i64),
    Empty,
}

impl Cell {
    /// The cell as a screen or a plain-text table shows it.
    pub fn display(&self) -> String {
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Money(m) => m.to_string(),
            Cell::Grams(g) => {
                let sign = if *g < 0 { "-" } else { "" };
                let abs = g.unsigned_abs();
                format!(
                    "{sign}{},{:03} kg",
                    crate::domain::group_thousands(&(abs / 1000).to_string()),
                    abs % 1000
                )
            }
            Cell::Count(n) => n.to_string(),
            Cell::Rate(bp) => format!("{} %", percent(*bp)),
            Cell::Share(bp) => format!("{} %", share_text(*bp)),
            Cell::Empty => String::new(),
        }
    }

    /// Whether the cell is a number (right-aligned).
    pub fn is_number(&self) -> bool {
        !matches!(self, Cell::Text(_) | Cell::Empty)
    }
}

/// Kilograms with three decimals and a decimal comma: `1250,500`.
pub fn kg(grams: i64) -> String {
    let sign = if grams < 0 { "-" } else { "" };
    let abs = grams.unsigned_abs();
    format!("{sign}{},{:03}", abs / 1000, abs % 1000)
}

/// A percentage from basis points, one or two decimals as needed: `20`, `5,5`, `12,34`.
pub fn percent(bp: i64) -> String {
    let sign = if bp < 0 { "-" } else { "" };
    let abs = bp.unsigned_abs();
    match abs % 100 {
        0 => format!("{sign}{}", abs / 100),
        r if r % 10 == 0 => format!("{sign}{},{}", abs / 100, r / 10),
        r => format!("{sign}{},{r:02}", abs / 100),
    }
}

/// A share with its two decimals always (`7,60`), so a column of shares lines up.
pub fn share_text(bp: i64) -> String {
    let sign = if bp < 0 { "-" } else { "" };
    let abs = bp.unsigned_abs();
    format!("{sign}{},{:02}", abs / 100, abs % 100)
}

/// `part` of `whole` in basis points, rounded half away from zero; 0 of nothing.
pub fn share(part: i64, whole: i64) -> i64 {
    if whole == 0 {
        return 0;
    }
    let scaled = i128::from(part) * 10_000;
    let whole = i128::from(whole);
    let rounded = (scaled * 2 + whole.signum() * scaled.signum() * whole.abs()) / (2 * whole);
    i64::try_from(rounded).unwrap_or(0)
}

/// A table of a report: a title, columns, rows, and a total row when it adds up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    pub title: Msg,
    pub columns: Vec<Msg>,
    pub rows: Vec<Vec<Cell>>,
    pub total: Option<Vec<Cell>>,
}

/// The bars of a section for a chart: a short label per row (a date's end, « 11-03 »; a
/// name's start) and its first money or weight cell.
pub fn bars(section: &Section) -> Vec<(String, Cell)> {
    section
        .rows
        .iter()
        .filter_map(|row| {
            let text = row.first()?.display();
            let label: String = if text.starts_with(|c: char| c.is_ascii_digit()) {
                let tail: Vec<char> = text.chars().rev().take(5).collect();
                tail.into_iter().rev().collect()
            } else {
                text.chars().take(5).collect()
            };
            let value = row
                .iter()
                .find(|c| matches!(c, Cell::Money(_) | Cell::Grams(_)))?;
            Some((label, value.clone()))
        })
        .collect()
}

/// A report over a period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    pub title: Msg,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Some figures come from sessions no Z has closed yet: « provisoire ».
    pub provisional: bool,
    /// Takings all from sessions their Z closed: the same totals as the Zs, said so.
    pub closed: bool,
    pub sections: Vec<Section>,
}

/// How a report groups its main table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum By {
    Day,
    Week,
    Month,
    Year,
    Terminal,
    Point,
    Site,
    Payment,
    Vat,
    Category,
}

impl By {
    pub const ALL: [By; 10] = [
        By::Day,
        By::Week,
        By::Month,
        By::Year,
        By::Site,
        By::Point,
        By::Terminal,
        By::Payment,
        By::Vat,
        By::Category,
    ];

    /// The word of the command line (`--by month`).
    pub const fn code(self) -> &'static str {
        match self {
            By::Day => "day",
            By::Week => "week",
            By::Month => "month",
            By::Year => "year",
            By::Terminal => "terminal",
            By::Point => "point",
            By::Site => "site",
            By::Payment => "payment",
            By::Vat => "vat",
            By::Category => "category",
        }
    }

    pub fn from_code(code: &str) -> Option<By> {
        By::ALL.into_iter().find(|b| b.code() == code)
    }

    /// Its name on screen.
    pub const fn label(self) -> Msg {
        match self {
            By::Day => Msg::ByDay,
            By::Week => Msg::ByWeek,
            By::Month => Msg::ByMonth,
            By::Year => Msg::ByYear,
            By::Terminal => Msg::ByTerminal,
            By::Point => Msg::ByPoint,
            By::Site => Msg::BySite,
            By::Payment => Msg::ByPayment,
            By::Vat => Msg::ByVat,
            By::Category => Msg::ByCategory,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_written_the_french_way() {
        let cases = [
            (Cell::Grams(1_250_500), "1\u{a0}250,500 kg"),
            (Cell::Grams(-850), "-0,850 kg"),
            (Cell::Rate(2000), "20 %"),
            (Cell::Rate(550), "5,5 %"),
            (Cell::Share(1234), "12,34 %"),
            (Cell::Share(760), "7,60 %"),
            (Cell::Share(10_000), "100,00 %"),
            (Cell::Share(-5), "-0,05 %"),
            (Cell::Count(12), "12"),
        ];
        for (cell, text) in cases {
            assert_eq!(cell.display(), text, "{cell:?}");
        }
    }

    #[test]
    fn shares_round_half_away_from_zero() {
        let cases = [
            (1, 3, 3333),
            (2, 3, 6667),
            (1, 8, 1250),
            (-1, 3, -3333),
            (5, 0, 0),
            (0, 7, 0),
        ];
        for (part, whole, bp) in cases {
            assert_eq!(share(part, whole), bp, "{part}/{whole}");
        }
    }
}
