//! Takings (chiffre d'affaires): TTC, HT and VAT of the real tickets over a period,
//! grouped by day, week, month, year, terminal, VAT rate, payment method or category
//! (café products by name); refunds and discounts apart; membership fees, donations and
//! gift vouchers sold shown apart and never in takings. HT and VAT are the sums of each
//! ticket's own per-rate figures, as the Zs add them, so the two agree to the cent.

use super::{By, Cell, Report, Section};
use crate::domain::Money;
use crate::i18n::Msg;
use crate::storage::reports::TakingsRow;
use chrono::NaiveDate;

/// The figures a takings report is made of, as storage reads them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rows {
    /// By day, week, month, year or terminal.
    Grouped(Vec<TakingsRow>),
    /// `(rate bp, TTC, HT, VAT)`.
    Rates(Vec<(i64, Money, Money, Money)>),
    /// `(method, kind, amount)`.
    Payments(Vec<(String, String, Money)>),
    /// `(category or product, is a café product, TTC, quantity, grams)`.
    Categories(Vec<(String, bool, Money, i64, i64)>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TakingsData {
    pub rows: Rows,
    /// Payment proofs by kind: `(kind, count, amount)`.
    pub proofs: Vec<(String, i64, Money)>,
    pub provisional: bool,
    /// Sales imported from Oressource, grouped the same way (a VAT grouping: one row):
    /// `(key, sales, amount sold less refunded)`. Not tickets: shown apart, marked.
    pub imported: Vec<(String, i64, Money)>,
}

/// The proofs a takings report shows apart (the others — floats, cash in and out — are
/// movements of the drawer, not income).
const APART: [(&str, Msg); 3] = [
    ("membership_fee", Msg::ProofMembershipFee),
    ("donation", Msg::ProofDonation),
    ("gift_voucher", Msg::ProofGiftVoucher),
];

fn sum(values: impl Iterator<Item = Money>) -> Money {
    Money::from_cents(values.map(Money::cents).sum())
}

fn average(total: Money, count: i64) -> Cell {
    if count == 0 {
        Cell::Empty
    } else {
        // Half a cent up: the average basket as a till would round it.
        let cents = total.cents();
        Cell::Money(Money::from_cents(
            (2 * cents + count * cents.signum()) / (2 * count),
        ))
    }
}

fn main_section(by: By, rows: &Rows) -> Section {
    match rows {
        Rows::Grouped(rows) => {
            let total = TakingsRow {
                key: Msg::ReportTotal.text().to_owned(),
                ttc: sum(rows.iter().map(|r| r.ttc)),
                ht: sum(rows.iter().map(|r| r.ht)),
                vat: sum(rows.iter().map(|r| r.vat)),
                sales: rows.iter().map(|r| r.sales).sum(),
                refunds: rows.iter().map(|r| r.refunds).sum(),
                refunds_total: sum(rows.iter().map(|r| r.refunds_total)),
                discounts: sum(rows.iter().map(|r| r.discounts)),
            };
            let cells = |r: &TakingsRow| {
                vec![
                    Cell::Text(r.key.clone()),
                    Cell::Count(r.sales),
                    Cell::Money(r.ttc),
                    Cell::Money(r.ht),
                    Cell::Money(r.vat),
                    average(r.ttc, r.sales),
                    Cell::Money(r.refunds_total),
                    Cell::Money(r.discounts),
                ]
            };
            Section {
                title: by.label(),
                columns: vec![
                    by.label(),
                    Msg::ColTickets,
                    Msg::ColTtc,
                    Msg::ColHt,
                    Msg::ColVat,
                    Msg::ColBasket,
                    Msg::ColRefunds,
                    Msg::ColDiscounts,
                ],
                rows: rows.iter().map(cells).collect(),
                total: Some(cells(&total)),
            }
        }
        Rows::Rates(rates) => {
            let cells = |label: Cell, ttc, ht, vat| {
                vec![label, Cell::Money(ttc), Cell::Money(ht), Cell::Money(vat)]
            };
            Section {
                title: by.label(),
                columns: vec![Msg::ColRate, Msg::ColTtc, Msg::ColHt, Msg::ColVat],
                rows: rates
                    .iter()
                    .map(|(rate, ttc, ht, vat)| cells(Cell::Rate(*rate), *ttc, *ht, *vat))
                    .collect(),
                total: Some(cells(
                    Cell::Text(Msg::ReportTotal.text().to_owned()),
                    sum(rates.iter().map(|r| r.1)),
                    sum(rates.iter().map(|r| r.2)),
                    sum(rates.iter().map(|r| r.3)),
                )),
            }
        }
        Rows::Payments(methods) => Section {
            title: by.label(),
            columns: vec![Msg::ColMethod, Msg::ColAmount],
            rows: methods
                .iter()
                .map(|(method, _, amount)| vec![Cell::Text(method.clone()), Cell::Money(*amount)])
                .collect(),
            total: Some(vec![
                Cell::Text(Msg::ReportTotal.text().to_owned()),
                Cell::Money(sum(methods.iter().map(|m| m.2))),
            ]),
        },
        Rows::Categories(categories) => Section {
            title: by.label(),
            columns: vec![
                Msg::ColCategoryOrProduct,
                Msg::ColQuantity,
                Msg::ColTtc,
                Msg::ColSoldWeight,
            ],
            rows: categories
                .iter()
                .map(|(name, product, ttc, quantity, grams)| {
                    let name = if *product {
                        Msg::ReportCafeProduct.fill(&[name])
                    } else {
                        name.clone()
                    };
                    vec![
                        Cell::Text(name),
                        Cell::Count(*quantity),
                        Cell::Money(*ttc),
                        if *grams == 0 {
                            Cell::Empty
                        } else {
                            Cell::Grams(*grams)
                        },
                    ]
                })
                .collect(),
            total: Some(vec![
                Cell::Text(Msg::ReportTotal.text().to_owned()),
                Cell::Count(categories.iter().map(|c| c.3).sum()),
                Cell::Money(sum(categories.iter().map(|c| c.2))),
                Cell::Grams(categories.iter().map(|c| c.4).sum()),
            ]),
        },
    }
}

/// Whether the figures hold any ticket at all (nothing sold closes nothing).
fn has_tickets(rows: &Rows) -> bool {
    match rows {
        Rows::Grouped(rows) => rows.iter().any(|r| r.sales + r.refunds > 0),
        Rows::Rates(rates) => !rates.is_empty(),
        Rows::Payments(methods) => !methods.is_empty(),
        Rows::Categories(categories) => !categories.is_empty(),
    }
}

/// The takings report of `[from, to]` grouped `by`.
pub fn build(from: NaiveDate, to: NaiveDate, by: By, data: &TakingsData) -> Report {
    let apart: Vec<Vec<Cell>> = APART
        .iter()
        .map(|(code, label)| {
            let (count, amount) = data
                .proofs
                .iter()
                .find(|(kind, _, _)| kind == code)
                .map_or((0, Money::ZERO), |(_, n, a)| (*n, *a));
            vec![
                Cell::Text(label.text().to_owned()),
                Cell::Count(count),
                Cell::Money(amount),
            ]
        })
        .collect();
    let mut sections = vec![
        main_section(by, &data.rows),
        Section {
            title: Msg::ReportApart,
            columns: vec![Msg::ColNature, Msg::ColCount, Msg::ColAmount],
            rows: apart,
            total: None,
        },
    ];
    if !data.imported.is_empty() {
        sections.push(imported_section(by, &data.imported));
    }
    Report {
        title: Msg::ReportTakings,
        from,
        to,
        provisional: data.provisional,
        closed: !data.provisional && has_tickets(&data.rows),
        sections,
    }
}

/// Oressource's sales of the period, apart from the tickets and said to be imported:
/// their amounts incl. VAT only (Oressource kept no rate on its lines).
fn imported_section(by: By, rows: &[(String, i64, Money)]) -> Section {
    Section {
        title: Msg::ReportImportedTakings,
        columns: vec![by.label(), Msg::ColSalesCount, Msg::ColTtc],
        rows: rows
            .iter()
            .map(|(key, sales, amount)| {
                vec![
                    Cell::Text(key.clone()),
                    Cell::Count(*sales),
                    Cell::Money(*amount),
                ]
            })
            .collect(),
        total: Some(vec![
            Cell::Text(Msg::ReportTotal.text().to_owned()),
            Cell::Count(rows.iter().map(|r| r.1).sum()),
            Cell::Money(sum(rows.iter().map(|r| r.2))),
        ]),
    }
}
