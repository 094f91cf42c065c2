//! A structure that owes no VAT (franchise en base, CGI art. 293 B; or outside VAT) writes
//! none anywhere: the ticket's figures, the counters and the Z carry every amount at 0 %,
//! HT = TTC, and the receipt carries the mention instead of a VAT table.

mod common;

use common::{ctx, journal_store, line, on, tender};
use pepite::domain::PaymentKind::Card;
use pepite::domain::{Money, VatRate, VatStatus};
use pepite::journal::{self, CashCount};
use pepite::print::{Profile, escpos, inspect, receipt};
use pepite::storage::journal as store;
use serde_json::Value;

#[test]
fn franchise_and_outside_vat_write_no_vat_in_the_journal_the_counters_or_the_z() {
    for (status, mention) in [
        (VatStatus::Franchise, "293 B"),
        (VatStatus::NonAssujetti, "TVA non applicable"),
    ] {
        let (mut db, key) = journal_store();
        db.write(|tx| {
            let mut s = pepite::storage::structure::get(tx)?.expect("structure");
            s.identity.vat_status = status;
            pepite::storage::structure::update(tx, &s.identity)
        })
        .expect("status");
        let c = |t: &str| ctx("caisse-1", on("2026-11-24", t));
        let doc = db
            .write(|tx| {
                let mut margin = line("Buffet", 1, 12_000, VatRate::STANDARD);
                margin.margin_scheme = true;
                journal::append_ticket(
                    tx,
                    &key,
                    &c("10:00:00"),
                    &[
                        line("Lampe", 2, 1500, VatRate::STANDARD),
                        margin,
                        line("Livre", 1, 200, VatRate::REDUCED),
                    ],
                    &[tender(Card, 15_200)],
                    None,
                )
            })
            .expect("sale");
        let stored = db
            .read(|tx| store::find_document(tx, &doc.series, doc.number))
            .expect("doc");
        let p: Value = serde_json::from_str(&stored.payload).expect("json");
        assert_eq!(p["total_ttc"], 15_200, "{status:?}");
        assert_eq!(p["total_ht"], 15_200, "{status:?}");
        assert_eq!(p["total_vat"], 0, "{status:?}");
        assert_eq!(stored.vat, "[[0,15200,15200,0]]", "{status:?}");
        let counters = db
            .read(|tx| store::counter(tx, "caisse-1", store::Period::Perpetual))
            .expect("counter");
        assert!(
            counters
                .iter()
                .all(|v| v.vat.is_zero() && v.rate == VatRate::ZERO),
            "{counters:?}"
        );

        let profile = Profile::by_id("epson-tm-t20iii").expect("profile");
        let slip = receipt::document_slip(&stored.payload, &stored.hash, None).expect("slip");
        let text = inspect::decode(&escpos::render(&slip, &profile).expect("render"), &profile)
            .expect("decode")
            .text;
        assert!(text.contains(mention), "{status:?}: {text}");
        assert!(
            !text.contains("20,00 %") && !text.contains("TVA 20"),
            "{status:?}: {text}"
        );

        let z = db
            .write(|tx| {
                journal::close_day(
                    tx,
                    &key,
                    &c("19:00:00"),
                    &CashCount {
                        card_declared: Money::from_cents(15_200),
                        ..CashCount::default()
                    },
                )
            })
            .expect("Z");
        let z = db
            .read(|tx| store::find_document(tx, &z.series, z.number))
            .expect("z");
        let zp: Value = serde_json::from_str(&z.payload).expect("json");
        assert_eq!(zp["total_vat"], 0, "{status:?}");
        assert_eq!(zp["total_ht"], 15_200, "{status:?}");
        assert_eq!(zp["grand_total"][0]["vat"], 0, "{status:?}");
        let slip = receipt::document_slip(&z.payload, &z.hash, None).expect("Z slip");
        let text = inspect::decode(&escpos::render(&slip, &profile).expect("render"), &profile)
            .expect("decode")
            .text;
        assert!(text.contains(mention), "{status:?}: {text}");
        assert!(!text.contains("0,00 %"), "{status:?}: {text}");
    }
}
