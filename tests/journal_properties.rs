//! Property tests: for random days of sales and refunds, the Z's totals equal the sum of
//! the documents, per rate and in all, and each rate's VAT is that rate applied to the
//! rate's TTC total, to the cent.

mod common;

use common::{ctx, journal_store, line, on, tender};
use pepite::domain::PaymentKind::{Card, Cash};
use pepite::domain::{Money, VatRate};
use pepite::journal::{self, CashCount, JournalError};
use pepite::storage::journal as store;
use proptest::prelude::*;
use std::collections::BTreeMap;

const RATES: [u32; 5] = [0, 210, 550, 1000, 2000];

/// A line as generated: quantity, unit price in cents, index into `RATES`.
type GenLine = (i64, i64, usize);

#[derive(Clone, Debug)]
enum Step {
    /// Lines of (quantity, unit price in cents, rate index); paid by card or cash.
    Sale {
        lines: Vec<(i64, i64, usize)>,
        cash: bool,
    },
    /// Refund line `line` of the `sale`-th sale so far (modulo), in cash.
    Refund { sale: usize, line: usize },
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => (prop::collection::vec((1i64..4, 1i64..20_000, 0usize..5), 1..5), any::<bool>())
            .prop_map(|(lines, cash)| Step::Sale { lines, cash }),
        1 => (0usize..100, 0usize..5).prop_map(|(sale, line)| Step::Refund { sale, line }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn z_totals_are_the_sum_of_the_documents(steps in prop::collection::vec(step(), 1..25)) {
        let (mut db, key) = journal_store();
        let mut sales: Vec<(String, i64, Vec<GenLine>)> = Vec::new();
        let mut expected_ttc: BTreeMap<u32, i64> = BTreeMap::new();
        let mut tickets = 0;
        for (i, step) in steps.iter().enumerate() {
            let at = on("2026-11-20", &format!("{:02}:{:02}:00", 8 + i / 60, i % 60));
            let c = ctx("caisse-1", at);
            match step {
                Step::Sale { lines, cash } => {
                    let sale_lines: Vec<_> = lines.iter()
                        .map(|(q, p, r)| line("objet", *q, *p, VatRate::from_basis_points(RATES[*r]).expect("rate")))
                        .collect();
                    let total: i64 = lines.iter().map(|(q, p, _)| q * p).sum();
                    let pay = if *cash { tender(Cash, total + 99) } else { tender(Card, total) };
                    let doc = db.write(|tx| journal::append_ticket(tx, &key, &c, &sale_lines, &[pay], None)).expect("sale");
                    for (q, p, r) in lines {
                        *expected_ttc.entry(RATES[*r]).or_default() += q * p;
                    }
                    sales.push((doc.series, doc.number, lines.clone()));
                    tickets += 1;
                }
                Step::Refund { sale, line: which } => {
                    if sales.is_empty() { continue; }
                    let (series, number, lines) = sales[sale % sales.len()].clone();
                    let (q, p, r) = lines[which % lines.len()];
                    let back = line("objet", -q, p, VatRate::from_basis_points(RATES[r]).expect("rate"));
                    db.write(|tx| journal::append_ticket(tx, &key, &c, &[back], &[tender(Cash, -q * p)], Some((&series, number)))).expect("refund");
                    *expected_ttc.entry(RATES[r]).or_default() -= q * p;
                    tickets += 1;
                }
            }
        }
        let x = db.read(|tx| journal::x_report(tx, "caisse-1", on("2026-11-20", "22:59:00"))).expect("X");
        let count = CashCount {
            denominations: vec![(Money::from_cents(1), x.expected(Cash).cents())],
            card_declared: x.expected(Card),
            ..CashCount::default()
        };
        let z = db.write(|tx| journal::close_day(tx, &key, &ctx("caisse-1", on("2026-11-20", "23:00:00")), &count));
        if tickets == 0 {
            // No session was opened: there is nothing to close.
            prop_assert!(matches!(z, Err(JournalError::NothingToClose)), "{z:?}");
            return Ok(());
        }
        let z = z.map_err(|e: JournalError| e.to_string()).expect("Z");
        let doc = db.read(|tx| store::find_document(tx, &z.series, z.number)).expect("Z document");
        let payload: serde_json::Value = serde_json::from_str(&doc.payload).expect("json");

        let mut z_total = 0;
        for v in payload["vat"].as_array().expect("vat") {
            let bp = v["rate"].as_i64().expect("rate") as u32;
            let ttc = v["ttc"].as_i64().expect("ttc");
            prop_assert_eq!(Some(&ttc), expected_ttc.get(&bp), "TTC at rate {}", bp);
            let vat = VatRate::from_basis_points(bp).expect("rate").vat_in(Money::from_cents(ttc)).expect("vat").cents();
            prop_assert_eq!(v["vat"].as_i64(), Some(vat), "VAT at rate {} on {}", bp, ttc);
            prop_assert_eq!(v["ht"].as_i64(), Some(ttc - vat));
            z_total += ttc;
        }
        let all: i64 = expected_ttc.values().sum();
        prop_assert_eq!(z_total, all);
        prop_assert_eq!(payload["total_ttc"].as_i64(), Some(all));
        let sum_of_documents: i64 = db
            .read(|tx| store::documents_between(tx, "2026-11-20", "2026-11-20"))
            .expect("documents")
            .iter()
            .filter(|d| d.kind == "ticket")
            .map(|d| d.total.cents())
            .sum();
        prop_assert_eq!(sum_of_documents, all);
        prop_assert_eq!(payload["tickets"].as_i64().unwrap_or(0) + payload["refunds"].as_i64().unwrap_or(0), tickets);
        prop_assert_eq!(payload["grand_total_ttc"].as_i64(), Some(all));
    }
}
