//! A gift voucher is sold as a payment proof — never takings, no VAT — and issues a
//! voucher that pays for goods later, when the takings and the VAT are counted.

mod common;

use common::{at, initialised, login};
use pepite::domain::{Cart, Money, PaymentKind, TerminalCode};
use pepite::ops::till::{self, Payment, Scanned};
use pepite::ops::{self, OpsError, users};
use pepite::storage::Store;

fn pay(kind: PaymentKind, cents: i64, voucher: Option<&str>) -> Payment {
    Payment {
        method: kind.default_label(),
        kind,
        amount: Money::from_cents(cents),
        voucher: voucher.map(str::to_owned),
    }
}

#[test]
fn a_gift_voucher_is_a_debt_until_it_pays_for_goods() {
    let mut store = Store::open_in_memory().expect("open");
    initialised(&mut store);
    let key = ops::journal::load_key(&mut store, &common::key_dir()).expect("key");
    let claire = users::find(&mut store, "Claire")
        .expect("find")
        .expect("Claire");
    let session = login(&mut store, claire.id, "1111", at("09:00:00")).expect("login");
    let terminal = TerminalCode::parse("caisse-1").expect("terminal");
    let ctx = till::context(&mut store, &session, &terminal, at("10:00:00"), false).expect("ctx");

    // Refused: paid with a voucher, nothing, three decimals.
    let by_voucher = till::sell_gift_voucher(
        &mut store,
        &session,
        &key,
        &ctx,
        &pay(PaymentKind::Voucher, 3000, None),
    );
    assert!(
        matches!(by_voucher, Err(OpsError::GiftByVoucher)),
        "{by_voucher:?}"
    );
    assert!(
        till::sell_gift_voucher(
            &mut store,
            &session,
            &key,
            &ctx,
            &pay(PaymentKind::Card, 0, None)
        )
        .is_err()
    );

    let (_, code) = till::sell_gift_voucher(
        &mut store,
        &session,
        &key,
        &ctx,
        &pay(PaymentKind::Card, 3000, None),
    )
    .expect("gift voucher");
    let (x, _) = till::x_report(&mut store, &ctx).expect("X");
    assert_eq!(x.total_ttc(), Money::ZERO, "not takings");
    assert_eq!(x.total_vat(), Money::ZERO);
    assert!(
        x.proofs
            .iter()
            .any(|(kind, n, amount)| kind == "gift_voucher" && *n == 1 && amount.cents() == 3000)
    );
    assert_eq!(
        x.expected(PaymentKind::Card).cents(),
        3000,
        "in the count: the card slips"
    );
    let outstanding = store
        .read(pepite::storage::vouchers::outstanding)
        .expect("outstanding");
    assert_eq!(outstanding.cents(), 3000, "a debt of the shop");

    // Later the voucher pays for a 30 € lamp: takings and VAT counted then.
    let Scanned::Voucher {
        code: scanned,
        balance,
    } = till::scan(&mut store, &code, at("11:00:00")).expect("scan")
    else {
        panic!("the voucher's code scans as a voucher")
    };
    assert_eq!((scanned.as_str(), balance.cents()), (code.as_str(), 3000));
    let grid = till::sellables(&mut store).expect("grid");
    let lamp = grid
        .iter()
        .find(|s| s.vat_rate.basis_points() == 2000)
        .expect("a category at 20 %");
    let mut cart = Cart::default();
    cart.add(till::sellable_line(lamp, Some(Money::from_cents(3000)), 1, None).expect("line"))
        .expect("add");
    let ctx = till::context(&mut store, &session, &terminal, at("11:00:00"), false).expect("ctx");
    till::sell(
        &mut store,
        &session,
        &key,
        &ctx,
        &cart,
        &[pay(PaymentKind::Voucher, 3000, Some(&code))],
        false,
    )
    .expect("paid by the gift voucher");
    let (x, _) = till::x_report(&mut store, &ctx).expect("X");
    assert_eq!(x.total_ttc().cents(), 3000);
    assert!(x.total_vat().cents() > 0);
    let outstanding = store
        .read(pepite::storage::vouchers::outstanding)
        .expect("outstanding");
    assert_eq!(outstanding, Money::ZERO);
}
