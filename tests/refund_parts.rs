//! A refund of part of a line: two of three paperbacks come back, then the third; the
//! weights come back to the gram (the share of what the line took out), a third refund is
//! refused, and a ticket paid by card is paid back on the card unless the manager says
//! cash.

mod common;

use common::{key_dir, on};
use pepite::domain::{Cart, Money, PaymentKind, TerminalCode};
use pepite::ops::till::{self, Payment, RefundPay};
use pepite::ops::{self, OpsError, users};
use pepite::storage::Store;

#[test]
fn part_of_a_line_comes_back_with_its_share_of_the_weight_and_by_card() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("demo.db");
    let mut store = Store::open(&path).expect("open");
    let at = |t: &str| on("2026-11-24", t);
    ops::demo::create(&mut store, at("08:00:00"), &key_dir()).expect("demo");
    let find =
        |store: &mut Store, name: &str| users::find(store, name).expect("find").expect("user");
    let karim = find(&mut store, "Karim");
    let claire = find(&mut store, "Claire");
    let karim = common::login(&mut store, karim.id, "2222", at("09:00:00")).expect("login");
    let claire = common::login(&mut store, claire.id, "1111", at("09:00:00")).expect("login");
    let key = ops::journal::load_key(&mut store, &key_dir()).expect("key");
    let terminal = TerminalCode::parse("caisse-1").expect("terminal");
    let ctx = till::context(&mut store, &karim, &terminal, at("09:01:00"), false).expect("ctx");
    till::open_day(&mut store, &karim, &key, &ctx, &[]).expect("float");

    // Three paperbacks ('d', 1,00 € and 200 g each in the grid), paid by card.
    let books = till::sellables(&mut store)
        .expect("sellables")
        .into_iter()
        .find(|s| s.shortcut.as_deref() == Some("d"))
        .expect("paperbacks");
    let mut cart = Cart::default();
    cart.add(till::sellable_line(&books, None, 3, None).expect("line"))
        .expect("add");
    let total = cart.total().expect("total");
    let card = Payment {
        method: "Carte bancaire".into(),
        kind: PaymentKind::Card,
        amount: total,
        voucher: None,
    };
    let sale = till::sell(&mut store, &karim, &key, &ctx, &cart, &[card], false).expect("sell");
    assert_eq!(
        till::default_refund_pay(&mut store, &sale.doc.series, sale.doc.number).expect("pay"),
        RefundPay::Card
    );
    let two = till::refund(
        &mut store,
        &claire,
        &key,
        &ctx,
        &sale.doc.series,
        sale.doc.number,
        &[(0, 2)],
        RefundPay::Card,
        "défectueux",
    )
    .expect("two back");
    assert_eq!(two.total, Money::from_cents(-200));
    assert!(matches!(
        till::refund(
            &mut store,
            &claire,
            &key,
            &ctx,
            &sale.doc.series,
            sale.doc.number,
            &[(0, 2)],
            RefundPay::Cash,
            "défectueux"
        ),
        Err(OpsError::RefundQuantity { left: 1, .. })
    ));
    let last = till::refund(
        &mut store,
        &claire,
        &key,
        &ctx,
        &sale.doc.series,
        sale.doc.number,
        &[(0, 1)],
        RefundPay::Cash,
        "défectueux",
    )
    .expect("the last one");
    assert_eq!(last.total, Money::from_cents(-100));
    assert!(matches!(
        till::refund(
            &mut store,
            &claire,
            &key,
            &ctx,
            &sale.doc.series,
            sale.doc.number,
            &[(0, 1)],
            RefundPay::Cash,
            "défectueux"
        ),
        Err(OpsError::AlreadyRefunded(_))
    ));
    drop(store);
    let conn = rusqlite::Connection::open(&path).expect("raw");
    let grams = |doc: i64| -> i64 {
        conn.query_row(
            "SELECT ifnull(sum(grams), 0) FROM sold_weight WHERE document_id = ?1",
            [doc],
            |r| r.get(0),
        )
        .expect("grams")
    };
    assert_eq!(grams(sale.doc.id), 600);
    assert_eq!(grams(two.doc.id), -400);
    assert_eq!(grams(last.doc.id), -200);
    let tender_kind: String = conn
        .query_row(
            "SELECT tenders ->> '$[0][1]' FROM document WHERE id = ?1",
            [two.doc.id],
            |r| r.get(0),
        )
        .expect("tender");
    assert_eq!(tender_kind, "card");
    // The refund names why, and the manager who allowed it (the cashier is the operator).
    let (reason, by, operator): (String, String, String) = conn
        .query_row(
            "SELECT payload ->> '$.refers_to.reason', payload ->> '$.refers_to.authorised_by',
                    payload ->> '$.operator' FROM document WHERE id = ?1",
            [two.doc.id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .expect("note");
    assert_eq!(
        (reason.as_str(), by.as_str(), operator.as_str()),
        ("défectueux", "Claire", "Karim")
    );
    drop(conn);
    let mut store = Store::open(&path).expect("open");
    let report = store
        .read(|tx| pepite::journal::verify::verify(tx, None, None, Some(&key_dir())))
        .expect("verify");
    assert!(report.is_intact(), "{report}");
}

#[test]
fn two_identical_lines_are_two_lines_each_refunded_once() {
    // A set-up shop: refunds go through ops, with a manager.
    let dir = tempfile::tempdir().expect("dir");
    let (_, mut store) = common::shop_file(dir.path());
    let claire = users::find(&mut store, "Claire")
        .expect("find")
        .expect("Claire");
    let claire =
        common::login(&mut store, claire.id, "1111", on("2026-11-24", "09:00:00")).expect("login");
    let key = ops::journal::load_key(&mut store, &key_dir()).expect("key");
    let ctx = common::ctx("caisse-1", on("2026-11-24", "10:00:00"));
    let sale = store
        .write(|tx| {
            pepite::journal::append_ticket(
                tx,
                &key,
                &ctx,
                &[
                    common::line("Verre", 1, 30, pepite::domain::VatRate::STANDARD),
                    common::line("Verre", 1, 30, pepite::domain::VatRate::STANDARD),
                ],
                &[common::tender(PaymentKind::Cash, 60)],
                None,
            )
        })
        .expect("sale");
    let refund = |store: &mut Store, line: usize| {
        till::refund(
            store,
            &claire,
            &key,
            &ctx,
            &sale.series,
            sale.number,
            &[(line, 1)],
            RefundPay::Cash,
            "ne convient pas",
        )
    };
    refund(&mut store, 0).expect("the first glass");
    refund(&mut store, 1).expect("the second glass, a line of its own");
    assert!(matches!(
        refund(&mut store, 0),
        Err(OpsError::AlreadyRefunded(_))
    ));
    assert!(matches!(
        refund(&mut store, 1),
        Err(OpsError::AlreadyRefunded(_))
    ));
    let lines = till::ticket_lines(&mut store, &sale.series, sale.number).expect("lines");
    assert_eq!(lines.iter().map(|l| l.refunded).collect::<Vec<_>>(), [1, 1]);
}

#[test]
fn the_z_carries_the_vouchers_outstanding() {
    let (mut db, key) = common::journal_store();
    let at = |t: &str| common::ctx("caisse-1", on("2026-11-24", t));
    let z = db
        .write(|tx| {
            let sale = pepite::journal::append_ticket(
                tx,
                &key,
                &at("10:00:00"),
                &[common::line(
                    "Lampe",
                    1,
                    1000,
                    pepite::domain::VatRate::STANDARD,
                )],
                &[common::tender(PaymentKind::Cash, 1000)],
                None,
            )?;
            // Two vouchers of 7 € and 5 €, 3 € of the first spent.
            pepite::storage::vouchers::issue(
                tx,
                "2900000000017",
                sale.id,
                Money::from_cents(700),
                at("10:00:00").at,
            )?;
            pepite::storage::vouchers::issue(
                tx,
                "2900000000024",
                sale.id,
                Money::from_cents(500),
                at("10:00:00").at,
            )?;
            pepite::storage::vouchers::spend(tx, "2900000000017", sale.id, Money::from_cents(300))?;
            let count = pepite::journal::CashCount {
                denominations: vec![(Money::from_cents(1000), 1)],
                ..pepite::journal::CashCount::default()
            };
            pepite::journal::close_day(tx, &key, &at("19:00:00"), &count)
        })
        .expect("day");
    let stored = db
        .read(|tx| pepite::storage::journal::find_document(tx, &z.series, z.number))
        .expect("z");
    let payload: serde_json::Value = serde_json::from_str(&stored.payload).expect("json");
    assert_eq!(payload["vouchers_outstanding"], 900);
}
