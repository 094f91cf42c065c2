//! The business day as the till's session, and closings that close their period: a café
//! evening across midnight under one Z, a second session after a Z, a session older than
//! 24 hours, the clock only moving forward, month closings dated in their month with the
//! grand total of their last Z, an idle till's closing written with the others, and an
//! archive that holds its month's closing and refuses a period still open somewhere.

mod common;

use common::{ctx, journal_store, line, on, tender};
use pepite::domain::PaymentKind::{Card, Cash};
use pepite::domain::{Money, VatRate};
use pepite::journal::{self, CashCount, JournalError, ProofKind};
use pepite::storage::Store;
use pepite::storage::journal as store;
use serde_json::Value;

fn sell(db: &mut Store, key: &journal::InstallationKey, c: &journal::Context, cents: i64) {
    db.write(|tx| {
        journal::append_ticket(
            tx,
            key,
            c,
            &[line("Crêpe", 1, cents, VatRate::INTERMEDIATE)],
            &[tender(Card, cents)],
            None,
        )
    })
    .expect("sale");
}

fn z(
    db: &mut Store,
    key: &journal::InstallationKey,
    c: &journal::Context,
) -> Result<Value, JournalError> {
    let x = db.read(|tx| journal::x_report(tx, c.terminal.as_str(), c.at))?;
    let count = CashCount {
        denominations: vec![(Money::from_cents(1), x.expected(Cash).cents())],
        card_declared: x.expected(Card),
        ..CashCount::default()
    };
    let z = db.write(|tx| journal::close_day(tx, key, c, &count))?;
    Ok(payload(db, &z.series, z.number))
}

fn payload(db: &mut Store, series: &str, number: i64) -> Value {
    let doc = db
        .read(|tx| store::find_document(tx, series, number))
        .expect("document");
    let mut value: Value = serde_json::from_str(&doc.payload).expect("json");
    value["business_date"] = doc.business_date.into();
    value
}

fn closing(db: &mut Store, terminal: &str, kind: &str, period: &str) -> Option<Value> {
    let id = db
        .read(|tx| {
            pepite::storage::sessions::last_closing_payload_between(
                tx, terminal, kind, period, period,
            )
        })
        .expect("closing")?;
    Some(serde_json::from_str(&id).expect("json"))
}

#[test]
fn a_cafe_evening_from_six_pm_to_one_am_is_one_day_with_one_z() {
    let (mut db, key) = journal_store();
    let cafe = |date: &str, time: &str| ctx("cafe-1", on(date, time));
    db.write(|tx| {
        journal::append_proof(
            tx,
            &key,
            &cafe("2026-11-27", "18:00:00"),
            ProofKind::OpeningFloat,
            "Fond de caisse",
            &[tender(Cash, 5000)],
        )
    })
    .expect("float");
    sell(&mut db, &key, &cafe("2026-11-27", "21:30:00"), 450);
    sell(&mut db, &key, &cafe("2026-11-27", "23:55:00"), 800);
    // Past midnight: the same business day.
    sell(&mut db, &key, &cafe("2026-11-28", "00:20:00"), 1200);
    let after_midnight = payload(&mut db, "cafe-1/T", 3);
    assert_eq!(after_midnight["business_date"], "2026-11-27");
    let zp = z(&mut db, &key, &cafe("2026-11-28", "01:05:00")).expect("Z");
    assert_eq!(zp["period"], "2026-11-27");
    assert_eq!(zp["business_date"], "2026-11-27");
    assert_eq!(zp["total_ttc"], 450 + 800 + 1200);
    assert_eq!(zp["tickets"], 3);
    assert_eq!(zp["first_ticket"], 1);
    assert_eq!(zp["last_ticket"], 3);
    assert_eq!(zp["cash_count"]["opening_float"], 5000);
    let zs = db
        .read(|tx| store::last_number(tx, "cafe-1/Z"))
        .expect("zs");
    assert_eq!(zs, Some(1), "one Z for the evening");

    // The next evening is a day of its own.
    sell(&mut db, &key, &cafe("2026-11-28", "18:30:00"), 300);
    let zp = z(&mut db, &key, &cafe("2026-11-28", "23:00:00")).expect("Z 28");
    assert_eq!(
        (zp["period"].as_str(), zp["total_ttc"].as_i64()),
        (Some("2026-11-28"), Some(300))
    );
}

#[test]
fn a_session_lasts_twenty_four_hours_at_most() {
    let (mut db, key) = journal_store();
    sell(
        &mut db,
        &key,
        &ctx("caisse-1", on("2026-11-27", "10:00:00")),
        500,
    );
    // The next morning, within 24 hours: still the same session.
    sell(
        &mut db,
        &key,
        &ctx("caisse-1", on("2026-11-28", "09:30:00")),
        500,
    );
    let late = db.write(|tx| {
        journal::append_ticket(
            tx,
            &key,
            &ctx("caisse-1", on("2026-11-28", "10:01:00")),
            &[line("x", 1, 100, VatRate::STANDARD)],
            &[tender(Card, 100)],
            None,
        )
    });
    let Err(error) = late else {
        panic!("a session of more than 24 hours sold: {late:?}")
    };
    assert!(matches!(error, JournalError::DayNotClosed(ref d) if d == "2026-11-27"));
    assert!(error.to_string().contains("plus de 24 h"), "{error}");
    // Its Z is always possible, and the day after opens a new session.
    let zp = z(
        &mut db,
        &key,
        &ctx("caisse-1", on("2026-11-28", "10:05:00")),
    )
    .expect("Z");
    assert_eq!(zp["total_ttc"], 1000);
    sell(
        &mut db,
        &key,
        &ctx("caisse-1", on("2026-11-28", "10:10:00")),
        700,
    );
    assert_eq!(
        payload(&mut db, "caisse-1/T", 3)["business_date"],
        "2026-11-28"
    );
}

#[test]
fn the_clock_only_moves_forward() {
    let (mut db, key) = journal_store();
    sell(
        &mut db,
        &key,
        &ctx("caisse-1", on("2026-11-27", "15:00:00")),
        500,
    );
    // A few minutes back (NTP, two clocks): tolerated.
    sell(
        &mut db,
        &key,
        &ctx("caisse-1", on("2026-11-27", "14:57:00")),
        500,
    );
    // An hour back: refused, said with both times.
    let back = db.write(|tx| {
        journal::append_ticket(
            tx,
            &key,
            &ctx("caisse-1", on("2026-11-27", "14:00:00")),
            &[line("x", 1, 100, VatRate::STANDARD)],
            &[tender(Card, 100)],
            None,
        )
    });
    let Err(error) = back else {
        panic!("a clock put back sold: {back:?}")
    };
    assert!(
        matches!(error, JournalError::ClockBehind { .. }),
        "{error:?}"
    );
    let text = error.to_string();
    assert!(
        text.contains("27/11/2026 14:00") && text.contains("27/11/2026 14:57"),
        "{text}"
    );
    // Another till has its own clock and its own last document.
    sell(
        &mut db,
        &key,
        &ctx("caisse-2", on("2026-11-27", "14:00:00")),
        100,
    );
}

#[test]
fn a_clock_put_back_cannot_sell_in_a_closed_month() {
    let (mut db, key) = journal_store();
    let c1 = |date: &str, time: &str| ctx("caisse-1", on(date, time));
    sell(&mut db, &key, &c1("2026-10-30", "10:00:00"), 500);
    z(&mut db, &key, &c1("2026-10-30", "18:00:00")).expect("Z");
    // Minutes after midnight, November's first session closes October before its first
    // document; then the clock slips back to 31 October (within the tolerance): the month
    // is closed, nothing lands in it.
    sell(&mut db, &key, &c1("2026-11-01", "00:02:00"), 500);
    assert!(closing(&mut db, "caisse-1", "month", "2026-10").is_some());
    z(&mut db, &key, &c1("2026-11-01", "00:03:00")).expect("Z");
    let skim = db.write(|tx| {
        journal::append_ticket(
            tx,
            &key,
            &c1("2026-10-31", "23:59:00"),
            &[line("x", 1, 100, VatRate::STANDARD)],
            &[tender(Cash, 100)],
            None,
        )
    });
    let Err(error) = skim else {
        panic!("a sale landed in a closed month: {skim:?}")
    };
    assert!(
        matches!(error, JournalError::PeriodClosed(ref m) if m == "2026-10"),
        "{error:?}"
    );
    assert!(error.to_string().contains("déjà clôturé"), "{error}");
    // A till that never closed October is not held by another's closing.
    let other = db.write(|tx| {
        journal::append_ticket(
            tx,
            &key,
            &ctx("caisse-2", on("2026-10-31", "10:00:00")),
            &[line("x", 1, 100, VatRate::STANDARD)],
            &[tender(Cash, 100)],
            None,
        )
    });
    assert!(other.is_ok(), "{other:?}");
}

#[test]
fn a_month_closing_is_dated_in_its_month_with_its_last_z_s_grand_total() {
    let (mut db, key) = journal_store();
    let c1 = |date: &str, time: &str| ctx("caisse-1", on(date, time));
    let braderie = |date: &str, time: &str| ctx("braderie", on(date, time));
    sell(&mut db, &key, &c1("2026-11-27", "10:00:00"), 2000);
    let last_z = z(&mut db, &key, &c1("2026-11-27", "18:00:00")).expect("Z 27");
    sell(&mut db, &key, &c1("2026-11-30", "10:00:00"), 1000);
    let last_z_30 = z(&mut db, &key, &c1("2026-11-30", "18:00:00")).expect("Z 30");
    assert_ne!(last_z["grand_total_ttc"], last_z_30["grand_total_ttc"]);
    // The braderie till sold one Saturday in November and has been idle since.
    sell(&mut db, &key, &braderie("2026-11-14", "10:00:00"), 700);
    z(&mut db, &key, &braderie("2026-11-14", "17:00:00")).expect("Z braderie");
    assert!(
        closing(&mut db, "caisse-1", "month", "2026-11").is_none(),
        "November is not over"
    );

    // December: the first session writes November's closings — for the idle braderie
    // till too — then sells; a Z in December comes after.
    sell(&mut db, &key, &c1("2026-12-01", "10:00:00"), 5000);
    sell(&mut db, &key, &c1("2026-12-01", "11:00:00"), 5000);
    z(&mut db, &key, &c1("2026-12-01", "18:00:00")).expect("Z 01/12");

    let month = closing(&mut db, "caisse-1", "month", "2026-11").expect("November closed");
    assert_eq!(
        month["business_date"], "2026-11-30",
        "dated in the month it closes"
    );
    assert_eq!(month["total_ttc"], 3000);
    assert_eq!(month["tickets"], 2);
    assert_eq!(
        month["grand_total_ttc"], last_z_30["grand_total_ttc"],
        "the grand total as at the month's last day, not with December's sales"
    );
    assert_eq!(month["grand_total"], last_z_30["grand_total"]);
    let idle = closing(&mut db, "braderie", "month", "2026-11").expect("idle till closed");
    assert_eq!(idle["business_date"], "2026-11-30");
    assert_eq!(idle["total_ttc"], 700);
    assert_eq!(idle["terminal"], "braderie");
    assert!(closing(&mut db, "caisse-1", "month", "2026-12").is_none());

    let report = db
        .read(|tx| journal::verify::verify(tx, None, None, Some(&common::key_dir())))
        .expect("verify");
    assert!(report.is_intact(), "{report}");
}

#[test]
fn an_archive_holds_its_month_s_closing_and_refuses_a_month_still_open() {
    let (mut db, key) = journal_store();
    let dir = tempfile::tempdir().expect("dir");
    let c1 = |date: &str, time: &str| ctx("caisse-1", on(date, time));
    let cafe = |date: &str, time: &str| ctx("cafe-1", on(date, time));
    sell(&mut db, &key, &c1("2026-11-30", "10:00:00"), 2500);
    let last_z = z(&mut db, &key, &c1("2026-11-30", "18:00:00")).expect("Z");
    // The café's evening of 30 November is still open on 1 December.
    sell(&mut db, &key, &cafe("2026-11-30", "20:00:00"), 900);
    sell(&mut db, &key, &c1("2026-12-01", "10:00:00"), 100);

    let manager = ctx("caisse-1", on("2026-12-01", "10:30:00"));
    let period =
        journal::archive::Period::parse("2026-11", manager.at.date_naive()).expect("period");
    let refused =
        db.write(|tx| journal::archive::write(tx, &key, &manager, &period, &dir.path().join("a")));
    let Err(error) = refused else {
        panic!("an archive of a month still open was written")
    };
    let text = error.to_string();
    assert!(
        text.contains("cafe-1") && text.contains("2026-11-30") && text.contains("2026-11"),
        "{text}"
    );
    assert!(!dir.path().join("a").exists(), "nothing written");

    // The café's Z after midnight closes its evening and November with it.
    z(&mut db, &key, &cafe("2026-12-01", "00:45:00")).expect("café Z");
    let manager = ctx("caisse-1", on("2026-12-01", "11:00:00"));
    let out = dir.path().join("b");
    db.write(|tx| journal::archive::write(tx, &key, &manager, &period, &out))
        .expect("archive");
    let jsonl = std::fs::read_to_string(out.join("closings.jsonl")).expect("closings");
    let closings: Vec<Value> = jsonl
        .lines()
        .map(|l| {
            let doc: Value = serde_json::from_str(l).expect("line");
            serde_json::from_str(doc["payload"].as_str().expect("payload")).expect("payload json")
        })
        .collect();
    let month = closings
        .iter()
        .find(|c| c["closing"] == "month" && c["terminal"] == "caisse-1")
        .expect("the month's closing is in its archive");
    assert_eq!(month["period"], "2026-11");
    assert_eq!(month["grand_total_ttc"], last_z["grand_total_ttc"]);
    assert!(
        closings
            .iter()
            .any(|c| c["closing"] == "month" && c["terminal"] == "cafe-1" && c["total_ttc"] == 900)
    );
    let public = db
        .read(store::installation)
        .expect("installation")
        .expect("key")
        .1;
    let checked = journal::archive::check(&out, Some(&public));
    assert!(checked.problem.is_none(), "{checked}");
}

#[test]
fn consecutive_archives_link_to_each_other() {
    let (mut db, key) = journal_store();
    let dir = tempfile::tempdir().expect("dir");
    let c1 = |date: &str, time: &str| ctx("caisse-1", on(date, time));
    sell(&mut db, &key, &c1("2026-10-30", "10:00:00"), 500);
    z(&mut db, &key, &c1("2026-10-30", "18:00:00")).expect("Z");
    sell(&mut db, &key, &c1("2026-11-02", "10:00:00"), 700);
    z(&mut db, &key, &c1("2026-11-02", "18:00:00")).expect("Z");
    sell(&mut db, &key, &c1("2026-12-01", "10:00:00"), 900);
    let manager = c1("2026-12-01", "11:00:00");
    let mut links = Vec::new();
    for month in ["2026-10", "2026-11"] {
        let period =
            journal::archive::Period::parse(month, manager.at.date_naive()).expect("period");
        let out = dir.path().join(month);
        db.write(|tx| journal::archive::write(tx, &key, &manager, &period, &out))
            .expect("archive");
        let link: Value = serde_json::from_str(
            &std::fs::read_to_string(out.join(journal::archive::LINK)).expect("link"),
        )
        .expect("json");
        let public = db
            .read(store::installation)
            .expect("installation")
            .expect("key")
            .1;
        let checked = journal::archive::check(&out, Some(&public));
        assert!(checked.problem.is_none(), "{checked}");
        links.push(link);
    }
    assert!(links[0]["previous"].is_null(), "{}", links[0]);
    assert_eq!(links[1]["previous"]["archive"], "2026-10");
    assert_eq!(links[1]["previous"]["last_hash"], links[0]["last_hash"]);
    assert_eq!(
        links[1]["first_prev_hash"], links[0]["last_hash"],
        "November's first document chains onto October's last"
    );
}
