//! The journal's story: tickets, a refund, payment proofs, a duplicate and daily closings
//! across a month end; every counter and closing total checked to the cent against the
//! tickets themselves.

mod common;

use common::{ctx, journal_store, line, on, tender};
use pepite::domain::PaymentKind::{Card, Cash, Cheque};
use pepite::domain::{Money, VatRate};
use pepite::journal::{self, CashCount, JournalError, ProofKind};
use pepite::storage::journal as store;
use serde_json::Value;

fn payload(store: &mut pepite::storage::Store, series: &str, number: i64) -> Value {
    let doc = store
        .read(|tx| store::find_document(tx, series, number))
        .expect("document");
    serde_json::from_str(&doc.payload).expect("json")
}

fn counter_ttc(db: &mut pepite::storage::Store, period: store::Period) -> i64 {
    db.read(|tx| store::counter(tx, "caisse-1", period))
        .expect("counter")
        .iter()
        .map(|v| v.ttc.cents())
        .sum()
}

fn count(cash_cents: &[(i64, i64)], card: i64, cheques: i64, comment: &str) -> CashCount {
    CashCount {
        denominations: cash_cents
            .iter()
            .map(|(v, n)| (Money::from_cents(*v), *n))
            .collect(),
        cheques_declared: Money::from_cents(cheques),
        card_declared: Money::from_cents(card),
        comment: comment.into(),
    }
}

#[test]
fn a_month_of_tickets_refunds_proofs_duplicates_and_closings_adds_up() {
    let (mut db, key) = journal_store();

    // --- Friday 30 October -------------------------------------------------------------
    let day1 = |t: &str| ctx("caisse-1", on("2026-10-30", t));
    db.write(|tx| {
        journal::append_proof(
            tx,
            &key,
            &day1("09:00:00"),
            ProofKind::OpeningFloat,
            "Fond de caisse",
            &[tender(Cash, 15_000)],
        )?;
        // 12,50 € chair at 20 % + 3,00 € book at 5,5 %, paid 20 € cash: 4,50 € change.
        let t1 = journal::append_ticket(
            tx,
            &key,
            &day1("10:00:00"),
            &[
                line("Chaise paillée", 1, 1250, VatRate::STANDARD),
                line("Livre de poche", 1, 300, VatRate::REDUCED),
            ],
            &[tender(Cash, 2000)],
            None,
        )?;
        assert_eq!((t1.series.as_str(), t1.number), ("caisse-1/T", 1));
        // Crêpe and coffee at 10 %, card.
        journal::append_ticket(
            tx,
            &key,
            &day1("11:00:00"),
            &[line("Crêpe sucre", 2, 400, VatRate::INTERMEDIATE)],
            &[tender(Card, 800)],
            None,
        )?;
        // The chair comes back: a refund naming ticket 1, paid back in cash.
        let refund = journal::append_ticket(
            tx,
            &key,
            &day1("15:00:00"),
            &[line("Chaise paillée", -1, 1250, VatRate::STANDARD)],
            &[tender(Cash, -1250)],
            Some(("caisse-1/T", 1)),
        )?;
        assert_eq!(refund.number, 3);
        journal::append_proof(
            tx,
            &key,
            &day1("16:00:00"),
            ProofKind::MembershipFee,
            "Adhésion annuelle",
            &[tender(Cash, 1000)],
        )?;
        journal::append_proof(
            tx,
            &key,
            &day1("16:30:00"),
            ProofKind::Donation,
            "Don",
            &[tender(Cheque, 2000)],
        )?;
        let (dup, nth) = journal::append_duplicate(tx, &key, &day1("17:00:00"), "caisse-1/T", 2)?;
        assert_eq!((dup.series.as_str(), nth), ("caisse-1/D", 1));
        Ok::<_, JournalError>(())
    })
    .expect("day 1");

    let refund = payload(&mut db, "caisse-1/T", 3);
    // Only the chair of ticket 1 came back: a partial refund, said so.
    assert_eq!(
        refund["refers_to"]["text"],
        "rembourse en partie le ticket n° caisse-1/T 1"
    );
    assert_eq!(refund["total_ttc"], -1250);

    assert_eq!(counter_ttc(&mut db, store::Period::Day("2026-10-30")), 1100);
    // X report: takings are tickets only (fee and donation outside), net of the refund.
    let x = db
        .read(|tx| journal::x_report(tx, "caisse-1", day1("18:00:00").at))
        .expect("X");
    assert_eq!(x.total_ttc(), Money::from_cents(1250 + 300 + 800 - 1250));
    assert_eq!(x.stats.tickets, 2);
    assert_eq!(x.stats.refunds, 1);
    assert_eq!(x.stats.duplicates, 1);
    // Cash: float 150 + 20 − 4,50 change − 12,50 refund + 10 fee = 163 €.
    assert_eq!(x.expected(Cash), Money::from_cents(16_300));
    assert_eq!(x.expected(Card), Money::from_cents(800));
    assert_eq!(x.expected(Cheque), Money::from_cents(2000));

    // A Z that does not match needs a comment; nothing is written without one.
    let short = count(
        &[(10_000, 1), (5000, 1), (1000, 1), (200, 1)],
        800,
        2000,
        "",
    );
    let refused = db.write(|tx| journal::close_day(tx, &key, &day1("19:00:00"), &short));
    assert!(
        matches!(refused, Err(JournalError::CommentRequired)),
        "{refused:?}"
    );
    let exact = count(
        &[(10_000, 1), (5000, 1), (1000, 1), (200, 1), (100, 1)],
        800,
        2000,
        "",
    );
    let z1 = db
        .write(|tx| journal::close_day(tx, &key, &day1("19:00:00"), &exact))
        .expect("Z 30/10");
    assert_eq!((z1.series.as_str(), z1.number), ("caisse-1/Z", 1));
    let z1p = payload(&mut db, "caisse-1/Z", 1);
    assert_eq!(z1p["total_ttc"], 1100);
    assert_eq!(z1p["cash_count"]["counted_cash"], 16_300);
    assert_eq!(z1p["cash_count"]["opening_float"], 15_000);
    // Selling again on a closed day is refused.
    // A sale after the Z (the Z was made too early): a second session of the same day
    // opens, closed by its own Z, period « 2026-10-30#2 ».
    let late = db
        .write(|tx| {
            journal::append_ticket(
                tx,
                &key,
                &day1("19:30:00"),
                &[line("x", 1, 100, VatRate::STANDARD)],
                &[tender(Cash, 100)],
                None,
            )
        })
        .expect("a second session opens after the Z");
    let late_doc = payload(&mut db, &late.series, late.number);
    assert_eq!(late_doc["business_date"], "2026-10-30");
    let z1b = db
        .write(|tx| journal::close_day(tx, &key, &day1("19:45:00"), &count(&[(100, 1)], 0, 0, "")))
        .expect("Z of the second session");
    let z1bp = payload(&mut db, &z1b.series, z1b.number);
    assert_eq!(z1bp["period"], "2026-10-30#2");
    assert_eq!(
        z1bp["total_ttc"], 100,
        "the second session counts its own sales only"
    );
    assert_eq!(z1bp["tickets"], 1);
    let nothing =
        db.write(|tx| journal::close_day(tx, &key, &day1("19:50:00"), &count(&[], 0, 0, "")));
    assert!(
        matches!(nothing, Err(JournalError::NothingToClose)),
        "{nothing:?}"
    );

    // --- Saturday 31 October: a cash difference, explained --------------------------------
    let day2 = |t: &str| ctx("caisse-1", on("2026-10-31", t));
    db.write(|tx| {
        journal::append_ticket(
            tx,
            &key,
            &day2("10:00:00"),
            &[line("Vélo", 1, 4500, VatRate::STANDARD)],
            &[tender(Cash, 5000)],
            None,
        )?;
        journal::append_ticket(
            tx,
            &key,
            &day2("11:00:00"),
            &[line("Assiettes", 6, 50, VatRate::STANDARD)],
            &[tender(Card, 300)],
            None,
        )
    })
    .expect("day 2");
    assert_eq!(counter_ttc(&mut db, store::Period::Day("2026-10-31")), 4800);
    let october_running = counter_ttc(&mut db, store::Period::Month("2026-10"));
    let z2 = db
        .write(|tx| {
            journal::close_day(
                tx,
                &key,
                &day2("18:00:00"),
                &count(&[(2000, 2)], 300, 0, "Erreur de rendu sur le vélo"),
            )
        })
        .expect("Z 31/10");
    let z2p = payload(&mut db, &z2.series, z2.number);
    assert_eq!(z2p["cash_count"]["checks"][0]["difference"], 4000 - 4500);
    assert_eq!(z2p["cash_count"]["comment"], "Erreur de rendu sur le vélo");

    // --- Monday 2 November: a new month --------------------------------------------------
    let day3 = |t: &str| ctx("caisse-1", on("2026-11-02", t));
    db.write(|tx| {
        journal::append_ticket(
            tx,
            &key,
            &day3("10:00:00"),
            &[line("Lampe", 1, 1500, VatRate::STANDARD)],
            &[tender(Card, 1500)],
            None,
        )
    })
    .expect("day 3 sale");
    // A session lasts 24 hours at most: Tuesday cannot sell before Monday is closed.
    let day4 = |t: &str| ctx("caisse-1", on("2026-11-03", t));
    let blocked = db.write(|tx| {
        journal::append_ticket(
            tx,
            &key,
            &day4("10:30:00"),
            &[line("x", 1, 100, VatRate::STANDARD)],
            &[tender(Card, 100)],
            None,
        )
    });
    assert!(
        matches!(blocked, Err(JournalError::DayNotClosed(ref d)) if d == "2026-11-02"),
        "{blocked:?}"
    );
    let z3 = db
        .write(|tx| journal::close_day(tx, &key, &day4("10:35:00"), &count(&[], 1500, 0, "")))
        .expect("Z 02/11");
    // The first session of November wrote October's monthly closing before its first
    // document, dated on October's last day, its grand total the one of October's last Z.
    let month = payload(&mut db, "caisse-1/Z", z2.number + 1);
    assert_eq!(month["closing"], "month");
    assert_eq!(month["period"], "2026-10");
    assert_eq!(month["business_date"], "2026-10-31");
    assert_eq!(month["grand_total"], z2p["grand_total"]);
    assert_eq!(month["grand_total_ttc"], z2p["grand_total_ttc"]);
    let days_total = [&z1p, &z1bp, &z2p]
        .iter()
        .map(|z| z["total_ttc"].as_i64().unwrap_or(0))
        .sum::<i64>();
    assert_eq!(
        month["total_ttc"].as_i64(),
        Some(days_total),
        "the month is the sum of its days"
    );
    assert_eq!(days_total, 1100 + 100 + 4500 + 300);
    assert_eq!(month["tickets"], 5);
    assert_eq!(month["refunds"], 1);
    // Per VAT rate, the month equals the sum of the days, and VAT is the rate on the TTC.
    for rate in month["vat"].as_array().into_iter().flatten() {
        let bp = rate["rate"].as_i64().unwrap_or(-1);
        let sum_days: i64 = [&z1p, &z1bp, &z2p]
            .iter()
            .flat_map(|z| z["vat"].as_array().into_iter().flatten())
            .filter(|v| v["rate"].as_i64() == Some(bp))
            .map(|v| v["ttc"].as_i64().unwrap_or(0))
            .sum();
        assert_eq!(rate["ttc"].as_i64(), Some(sum_days), "rate {bp}");
        let vat = VatRate::from_basis_points(bp as u32)
            .expect("rate")
            .vat_in(Money::from_cents(sum_days))
            .expect("vat");
        assert_eq!(rate["vat"].as_i64(), Some(vat.cents()), "rate {bp}");
    }

    // Counters: day, month, year and the perpetual grand total equal the tickets.
    // The running counters hold the current day, month and year; past ones live on in
    // their closings (checked above), and October's total was seen before November began.
    use store::Period::{Day, Month, Perpetual, Year};
    assert_eq!(counter_ttc(&mut db, Day("2026-11-02")), 1500);
    assert_eq!(
        counter_ttc(&mut db, Day("2026-10-31")),
        0,
        "a past day is not running any more"
    );
    assert_eq!(october_running, 6000);
    assert_eq!(counter_ttc(&mut db, Month("2026-11")), 1500);
    assert_eq!(counter_ttc(&mut db, Year("2026")), 7500);
    assert_eq!(counter_ttc(&mut db, Perpetual), 7500);
    let z3p = payload(&mut db, &z3.series, z3.number);
    assert_eq!(z3p["grand_total_ttc"], 7500);

    // Training documents have their own series and never count.
    let mut school = day4("10:00:00");
    school.training = true;
    db.write(|tx| {
        journal::append_ticket(
            tx,
            &key,
            &school,
            &[line("Essai", 1, 999, VatRate::STANDARD)],
            &[tender(Cash, 999)],
            None,
        )
    })
    .expect("training ticket");
    assert!(
        db.read(|tx| store::find_document(tx, "caisse-1/ECOLE/T", 1))
            .is_ok()
    );
    assert_eq!(counter_ttc(&mut db, Perpetual), 7500);

    let report = db
        .read(|tx| journal::verify::verify(tx, None, None, Some(&common::key_dir())))
        .expect("verify");
    assert!(report.is_intact(), "{report}");
    assert_eq!(report.per_series.get("caisse-1/T"), Some(&7));
    assert_eq!(report.per_series.get("caisse-1/Z"), Some(&5));
    assert!(report.events >= 4, "each closing is a JET event");
    assert!(report.to_string().contains("RÉSULTAT : INTÈGRE"));
}
