//! `ops` refuses what the screens refuse, whatever calls it: random carts and payments —
//! any quantity, price, discount, weight and payment, `i64::MIN` included — are driven
//! through `ops::till::sell` on a real SQLite file. Nothing panics, and whatever was
//! accepted is a valid ticket: lines of 1 to 999 units, amounts within the till's limits,
//! weights that did not wrap, and a journal that verifies.

mod common;

use common::{at, key_dir};
use pepite::domain::limits::{MAX_CHANGE, MAX_LINE, MAX_QUANTITY, MAX_TICKET};
use pepite::domain::{Cart, CartLine, Money, PaymentKind, TerminalCode, VatRate, Weight};
use pepite::ops::till::{self, Payment};
use pepite::ops::{self, users};
use pepite::storage::Store;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

fn quantity() -> impl Strategy<Value = i64> {
    prop_oneof![
        12 => 1i64..=5,
        1 => -5i64..=5,
        1 => Just(i64::MIN),
        1 => Just(i64::MAX),
        1 => Just(MAX_QUANTITY),
        1 => Just(MAX_QUANTITY + 1),
        1 => any::<i64>(),
    ]
}

fn cents() -> impl Strategy<Value = i64> {
    prop_oneof![
        12 => 0i64..=5_000,
        1 => Just(MAX_LINE.cents()),
        1 => Just(MAX_LINE.cents() + 1),
        1 => Just(i64::MIN),
        1 => Just(i64::MAX),
        1 => any::<i64>(),
    ]
}

fn grams() -> impl Strategy<Value = Option<i64>> {
    prop_oneof![
        Just(None),
        (1i64..=20_000).prop_map(Some),
        any::<i64>().prop_map(Some)
    ]
}

fn kind() -> impl Strategy<Value = PaymentKind> {
    prop_oneof![
        Just(PaymentKind::Cash),
        Just(PaymentKind::Card),
        Just(PaymentKind::Cheque),
        Just(PaymentKind::Voucher),
    ]
}

#[derive(Clone, Debug)]
struct Case {
    lines: Vec<(i64, i64, i64, Option<i64>)>,
    payments: Vec<(PaymentKind, i64)>,
    change_as_voucher: bool,
    /// Pay the cart's total (plus this much) in cash instead of the random payments.
    pay_total: Option<i64>,
}

fn case() -> impl Strategy<Value = Case> {
    (
        prop::collection::vec((quantity(), cents(), cents(), grams()), 0..4),
        prop::collection::vec((kind(), cents()), 0..3),
        any::<bool>(),
        prop_oneof![Just(None), (0i64..=60_000).prop_map(Some)],
    )
        .prop_map(|(lines, payments, change_as_voucher, pay_total)| Case {
            lines,
            payments,
            change_as_voucher,
            pay_total,
        })
}

fn cart(case: &Case) -> Cart {
    Cart {
        lines: case
            .lines
            .iter()
            .enumerate()
            .map(|(n, &(quantity, price, discount, grams))| CartLine {
                label: format!("ligne {n}"),
                category: Some("Divers".into()),
                category_id: None,
                item: None,
                quantity,
                unit_price: Money::from_cents(price),
                original_price: None,
                // Mostly no discount, sometimes any.
                discount: Money::from_cents(if discount % 3 == 0 { discount } else { 0 }),
                discount_reason: None,
                discount_rule: None,
                ticket_discount: Money::ZERO,
                ticket_discount_reason: None,
                vat_rate: VatRate::STANDARD,
                unit_weight: grams.and_then(|g| Weight::from_grams(g).ok()),
                line_weight: None,
                weight_estimated: true,
                guarantee: false,
                margin_scheme: false,
            })
            .collect(),
        ..Cart::default()
    }
}

#[test]
fn random_sales_never_panic_and_never_write_an_invalid_row() {
    let dir = tempfile::tempdir().expect("dir");
    let (path, mut store) = common::shop_file(dir.path());
    let claire = users::find(&mut store, "Claire")
        .expect("find")
        .expect("Claire");
    let session = common::login(&mut store, claire.id, "1111", at("09:00:00")).expect("login");
    let key = ops::journal::load_key(&mut store, &key_dir()).expect("key");
    let terminal = TerminalCode::parse("caisse-1").expect("terminal");
    let ctx = till::context(&mut store, &session, &terminal, at("09:01:00"), false).expect("ctx");
    // The runner takes a `Fn`: the store and the count live in cells.
    let store = std::cell::RefCell::new(store);
    let accepted = std::cell::Cell::new(0u32);
    let mut runner = TestRunner::new(Config {
        cases: 400,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&case(), |case| {
            let cart = cart(&case);
            let total = cart.total().map(|t| t.cents()).unwrap_or(0);
            let random = case.payments.clone();
            let paid = match case.pay_total {
                Some(extra) => vec![(PaymentKind::Cash, total.saturating_add(extra))],
                None => random,
            };
            let payments: Vec<Payment> = paid
                .iter()
                .map(|&(kind, cents)| Payment {
                    method: kind.default_label(),
                    kind,
                    amount: Money::from_cents(cents),
                    voucher: (kind == PaymentKind::Voucher).then(|| "2900000000017".into()),
                })
                .collect();
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                till::sell(
                    &mut store.borrow_mut(),
                    &session,
                    &key,
                    &ctx,
                    &cart,
                    &payments,
                    case.change_as_voucher,
                )
            }));
            let Ok(result) = outcome else {
                return Err(TestCaseError::fail(format!("panicked on {case:?}")));
            };
            if let Ok(sale) = result {
                accepted.set(accepted.get() + 1);
                prop_assert!(
                    sale.total.cents() > 0 && sale.total <= MAX_TICKET,
                    "{case:?}"
                );
                prop_assert!(
                    sale.change.cents() >= 0 && sale.change <= MAX_CHANGE,
                    "{case:?}"
                );
                for line in &cart.lines {
                    prop_assert!((1..=MAX_QUANTITY).contains(&line.quantity), "{case:?}");
                }
                for p in &payments {
                    prop_assert!(p.amount.cents() > 0 && p.amount <= MAX_TICKET, "{case:?}");
                }
            }
            Ok(())
        })
        .expect("property");
    assert!(
        accepted.get() > 0,
        "no random sale was ever accepted: the test proves nothing"
    );
    drop(store);
    // What was written holds together: no negative or wrapped weight, no line outside the
    // bounds, and the journal verifies.
    let conn = rusqlite::Connection::open(&path).expect("raw");
    let bad_weights: i64 = conn
        .query_row(
            "SELECT count(*) FROM sold_weight WHERE grams <= 0 OR grams > 999 * 10000000",
            [],
            |r| r.get(0),
        )
        .expect("weights");
    assert_eq!(bad_weights, 0);
    let bad_lines: i64 = conn
        .query_row(
            "SELECT count(*) FROM document d, json_each(d.payload, '$.lines') l
             WHERE d.kind = 'ticket' AND (l.value ->> 'quantity' NOT BETWEEN 1 AND 999
                OR l.value ->> 'total' > ?1 OR d.total > ?2 OR d.total <= 0)",
            [MAX_LINE.cents(), MAX_TICKET.cents()],
            |r| r.get(0),
        )
        .expect("lines");
    assert_eq!(bad_lines, 0);
    drop(conn);
    let mut store = Store::open(&path).expect("open");
    let report = store
        .read(|tx| pepite::journal::verify::verify(tx, None, None, Some(&key_dir())))
        .expect("verify");
    assert!(report.is_intact(), "{report}");
}

#[test]
fn a_negative_sale_is_refused_by_ops_and_by_the_journal_itself() {
    let (mut store, key) = common::journal_store();
    let ctx = common::ctx("caisse-1", at("10:00:00"));
    let refused = store.write(|tx| {
        pepite::journal::append_ticket(
            tx,
            &key,
            &ctx,
            &[common::line("Lampe", -1, 2000, VatRate::STANDARD)],
            &[common::tender(PaymentKind::Cash, -2000)],
            None,
        )
    });
    let error = refused.expect_err("a refund without an original");
    assert!(error.to_string().contains("remboursement"), "{error}");
}
