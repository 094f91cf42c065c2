//! The proof of an Oressource import: for the whole history and for each year, the totals
//! Oressource's own bilans compute — takings by category and by payment method (refunds
//! deducted), sales and refunds counted, kilos sold, kilos collected by category, kilos
//! out by kind — recomputed from the imported rows, for the structure to hold against the
//! figures it knows.

use super::{Cell, Report, Section};
use crate::domain::Money;
use crate::i18n::Msg;
use chrono::NaiveDate;

/// The imported rows' totals: `(year, "" for the whole history; key; amount)`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProofData {
    pub by_category: Vec<(String, String, i64)>,
    pub by_payment: Vec<(String, String, i64)>,
    /// `(year, sales, refunds, refunded cents, grams sold)`.
    pub sales: Vec<(String, i64, i64, i64, i64)>,
    pub collected: Vec<(String, String, i64)>,
    pub out: Vec<(String, String, i64)>,
}

fn year(text: &str) -> Cell {
    Cell::Text(if text.is_empty() {
        Msg::OresAllYears.text().to_owned()
    } else {
        text.to_owned()
    })
}

/// The whole history first, then year by year.
fn ordered<T: Clone>(rows: &[T], year_of: impl Fn(&T) -> &str) -> Vec<T> {
    let mut all: Vec<T> = rows
        .iter()
        .filter(|r| year_of(r).is_empty())
        .cloned()
        .collect();
    all.extend(rows.iter().filter(|r| !year_of(r).is_empty()).cloned());
    all
}

fn keyed(title: Msg, key: Msg, rows: &[(String, String, i64)], cell: fn(i64) -> Cell) -> Section {
    Section {
        title,
        columns: vec![Msg::ColYear, key, Msg::ColAmount],
        rows: ordered(rows, |r| &r.0)
            .iter()
            .map(|(y, k, v)| vec![year(y), Cell::Text(k.clone()), cell(*v)])
            .collect(),
        total: None,
    }
}

fn money(cents: i64) -> Cell {
    Cell::Money(Money::from_cents(cents))
}

/// The proof as a report (screens, tables, CSV all read it).
pub fn proof(data: &ProofData) -> Report {
    let day = NaiveDate::default();
    let sales = Section {
        title: Msg::OresSales,
        columns: vec![
            Msg::ColYear,
            Msg::ColSalesCount,
            Msg::ColRefundsCount,
            Msg::ColRefunds,
            Msg::ColSoldWeight,
        ],
        rows: ordered(&data.sales, |r| &r.0)
            .iter()
            .map(|(y, n, r, cents, grams)| {
                vec![
                    year(y),
                    Cell::Count(*n),
                    Cell::Count(*r),
                    money(*cents),
                    Cell::Grams(*grams),
                ]
            })
            .collect(),
        total: None,
    };
    let out: Vec<(String, String, i64)> = data
        .out
        .iter()
        .map(|(y, c, g)| (y.clone(), super::tonnage::oressource_class(c), *g))
        .collect();
    let grams = |title, key, rows: &[(String, String, i64)]| {
        let mut s = keyed(title, key, rows, Cell::Grams);
        s.columns[2] = Msg::ColKg;
        s
    };
    Report {
        title: Msg::OresProof,
        from: day,
        to: day,
        provisional: false,
        closed: false,
        sections: vec![
            keyed(
                Msg::OresByCategory,
                Msg::ColCategory,
                &data.by_category,
                money,
            ),
            keyed(Msg::OresByPayment, Msg::ColMethod, &data.by_payment, money),
            sales,
            grams(Msg::OresCollected, Msg::ColCategory, &data.collected),
            grams(Msg::OresOut, Msg::ColDestination, &out),
        ],
    }
}
