//! Reconciliation: over random days of sales (categories, rates, line discounts),
//! refunds, membership fees, donations and gift vouchers sold, each day closed by its Z
//! and the month by its closing, the reports' takings agree with everything else to the
//! cent — per rate with the tickets and with the Zs, per day with each Z, in all with the
//! monthly closing, per category with the tickets' lines — and fees, donations and
//! vouchers sold are shown apart, never in takings.

mod common;

use common::{ctx, journal_store, line, on, tender};
use pepite::domain::PaymentKind::{Card, Cash};
use pepite::domain::{Money, SaleLine, VatRate};
use pepite::journal::{self, CashCount, ProofKind};
use pepite::ops::reports::takings_data;
use pepite::reports::By;
use pepite::reports::takings::Rows;
use pepite::storage::{Store, journal as store};
use proptest::prelude::*;
use std::collections::BTreeMap;

const RATES: [u32; 4] = [550, 1000, 2000, 0];
const CATEGORIES: [&str; 3] = ["Mobilier", "Livres", "Vélos"];

#[derive(Clone, Debug)]
enum Step {
    /// Lines of (quantity, unit price, rate index, category index, discount in cents).
    Sale(Vec<(i64, i64, usize, usize, i64)>),
    /// Refund line `line` of the `sale`-th sale of the day (modulo).
    Refund {
        sale: usize,
        line: usize,
    },
    Proof {
        kind: usize,
        cents: i64,
    },
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        5 => prop::collection::vec((1i64..4, 1i64..9_000, 0usize..4, 0usize..3, 0i64..300), 1..4)
            .prop_map(Step::Sale),
        1 => (0usize..50, 0usize..4).prop_map(|(sale, line)| Step::Refund { sale, line }),
        1 => (0usize..3, 100i64..5_000).prop_map(|(kind, cents)| Step::Proof { kind, cents }),
    ]
}

fn payload(db: &mut Store, series: &str, number: i64) -> serde_json::Value {
    let doc = db
        .read(|tx| store::find_document(tx, series, number))
        .expect("document");
    serde_json::from_str(&doc.payload).expect("json")
}

fn date(text: &str) -> chrono::NaiveDate {
    text.parse().expect("date")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn takings_reports_agree_with_tickets_zs_and_the_month_closing(
        days in prop::collection::vec(prop::collection::vec(step(), 1..12), 1..4)
    ) {
        let (mut db, key) = journal_store();
        let mut per_rate: BTreeMap<i64, i64> = BTreeMap::new();
        let mut per_category: BTreeMap<String, i64> = BTreeMap::new();
        let mut proofs: BTreeMap<&str, i64> = BTreeMap::new();
        let mut z_per_day: BTreeMap<String, i64> = BTreeMap::new();
        for (d, steps) in days.iter().enumerate() {
            let day = format!("2026-11-{:02}", 10 + d);
            let mut sales: Vec<(String, i64, Vec<SaleLine>)> = Vec::new();
            let mut wrote = false;
            for (i, step) in steps.iter().enumerate() {
                let c = ctx("caisse-1", on(&day, &format!("10:{:02}:00", i)));
                match step {
                    Step::Sale(lines) => {
                        let lines: Vec<SaleLine> = lines.iter().map(|(q, p, r, cat, off)| {
                            let rate = VatRate::from_basis_points(RATES[*r]).expect("rate");
                            SaleLine {
                                category: Some(CATEGORIES[*cat].to_owned()),
                                discount: Money::from_cents((*off).min(q * p)),
                                discount_reason: Some("abîmé".into()),
                                ..line("objet", *q, *p, rate)
                            }
                        }).collect();
                        let total: i64 = lines.iter().map(|l| l.total().expect("total").cents()).sum();
                        let pay = if total % 2 == 0 { tender(Cash, total + 50) } else { tender(Card, total) };
                        let doc = db.write(|tx| journal::append_ticket(tx, &key, &c, &lines, &[pay], None)).expect("sale");
                        for l in &lines {
                            let cents = l.total().expect("total").cents();
                            *per_rate.entry(i64::from(l.vat_rate.basis_points())).or_default() += cents;
                            *per_category.entry(l.category.clone().unwrap_or_default()).or_default() += cents;
                        }
                        sales.push((doc.series, doc.number, lines));
                        wrote = true;
                    }
                    Step::Refund { sale, line: which } => {
                        if sales.is_empty() { continue; }
                        let (series, number, lines) = sales[sale % sales.len()].clone();
                        let original = &lines[which % lines.len()];
                        let back = SaleLine { quantity: -original.quantity, ..original.clone() };
                        let cents = back.total().expect("total").cents();
                        let refunded = db.write(|tx| journal::append_ticket(tx, &key, &c, std::slice::from_ref(&back), &[tender(Cash, cents)], Some((&series, number))));
                        // A line refunded twice is refused by the journal: nothing to count.
                        if refunded.is_ok() {
                            *per_rate.entry(i64::from(back.vat_rate.basis_points())).or_default() += cents;
                            *per_category.entry(back.category.clone().unwrap_or_default()).or_default() += cents;
                            wrote = true;
                        }
                    }
                    Step::Proof { kind, cents } => {
                        let (kind, code) = [
                            (ProofKind::MembershipFee, "membership_fee"),
                            (ProofKind::Donation, "donation"),
                            (ProofKind::GiftVoucher, "gift_voucher"),
                        ][*kind];
                        db.write(|tx| journal::append_proof(tx, &key, &c, kind, "", &[tender(Cash, *cents)])).expect("proof");
                        *proofs.entry(code).or_default() += cents;
                        wrote = true;
                    }
                }
            }
            if !wrote { continue; }
            let at = on(&day, "19:00:00");
            let x = db.read(|tx| journal::x_report(tx, "caisse-1", at)).expect("X");
            let count = CashCount {
                denominations: vec![(Money::from_cents(1), x.expected(Cash).cents())],
                card_declared: x.expected(Card),
                ..CashCount::default()
            };
            let z = db.write(|tx| journal::close_day(tx, &key, &ctx("caisse-1", at), &count)).expect("Z");
            let zp = payload(&mut db, &z.series, z.number);
            z_per_day.insert(day.clone(), zp["total_ttc"].as_i64().expect("total"));
        }
        // A sale in December opens a session: November's closing is written then.
        let dec = ctx("caisse-1", on("2026-12-01", "10:00:00"));
        db.write(|tx| journal::append_ticket(tx, &key, &dec, &[line("objet", 1, 100, VatRate::STANDARD)], &[tender(Card, 100)], None)).expect("December");

        let (from, to) = (date("2026-11-01"), date("2026-11-30"));
        let all: i64 = per_rate.values().sum();

        let by_rate = takings_data(&mut db, from, to, By::Vat).expect("report");
        prop_assert!(!by_rate.provisional, "every November session is closed");
        let Rows::Rates(rates) = &by_rate.rows else { panic!("rates") };
        let reported: BTreeMap<i64, i64> = rates.iter().map(|(bp, ttc, _, _)| (*bp, ttc.cents())).collect();
        let expected: BTreeMap<i64, i64> = per_rate.iter().filter(|(_, c)| **c != 0).map(|(k, v)| (*k, *v)).collect();
        prop_assert_eq!(reported.into_iter().filter(|(_, c)| *c != 0).collect::<BTreeMap<_, _>>(), expected);

        let by_day = takings_data(&mut db, from, to, By::Day).expect("report");
        let Rows::Grouped(day_rows) = &by_day.rows else { panic!("days") };
        // A day of fees only has a Z of nothing and no takings row.
        let reported: BTreeMap<String, i64> = day_rows.iter().filter(|r| r.ttc.cents() != 0).map(|r| (r.key.clone(), r.ttc.cents())).collect();
        let zs: BTreeMap<String, i64> = z_per_day.iter().filter(|(_, c)| **c != 0).map(|(k, v)| (k.clone(), *v)).collect();
        prop_assert_eq!(reported, zs, "each day's takings = its Z");

        let by_category = takings_data(&mut db, from, to, By::Category).expect("report");
        let Rows::Categories(cats) = &by_category.rows else { panic!("categories") };
        let reported: BTreeMap<String, i64> = cats.iter().filter(|c| c.2.cents() != 0).map(|(c, _, ttc, _, _)| (c.clone(), ttc.cents())).collect();
        prop_assert_eq!(reported, per_category.iter().filter(|(_, c)| **c != 0).map(|(k, v)| (k.clone(), *v)).collect::<BTreeMap<_, _>>());

        let by_month = takings_data(&mut db, from, to, By::Month).expect("report");
        let Rows::Grouped(month) = &by_month.rows else { panic!("month") };
        let month_total = month.first().map_or(0, |r| r.ttc.cents());
        prop_assert_eq!(month_total, all, "fees, donations and vouchers are never takings");
        let vat_sum: i64 = rates.iter().map(|r| r.3.cents()).sum();
        prop_assert_eq!(month.first().map_or(0, |r| r.vat.cents()), vat_sum);
        let closing = db.read(|tx| store::documents_between(tx, "2026-11-30", "2026-11-30")).expect("closing");
        if let Some(close) = closing.iter().find(|d| d.kind == "closing" && d.detail.starts_with("month")) {
            let cp: serde_json::Value = serde_json::from_str(&close.payload).expect("json");
            prop_assert_eq!(cp["total_ttc"].as_i64(), Some(all), "the monthly closing");
        } else {
            prop_assert!(z_per_day.is_empty(), "a month with sessions has its closing");
        }
        for (code, cents) in &proofs {
            let got = by_month.proofs.iter().find(|(k, _, _)| k == code).map(|p| p.2.cents());
            prop_assert_eq!(got, Some(*cents), "{} apart", code);
        }
        let december = takings_data(&mut db, date("2026-12-01"), date("2026-12-31"), By::Day).expect("report");
        prop_assert!(december.provisional, "December's session is still open");
    }
}
