//! A weight typed at the till is the whole line's: `3*2,50 j 1,2kg` is three toys weighed
//! together, 1,2 kg in all, and the sold weight says 1 200 g, measured — not 3,6 kg.

mod common;

use common::{key_dir, on};
use pepite::domain::{Cart, Money, PaymentKind, TerminalCode, Weight, parse_entry};
use pepite::ops::till::{self, Payment};
use pepite::ops::{self, users};
use pepite::storage::Store;

#[test]
fn a_weight_typed_with_a_quantity_is_the_line_s_weight() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("demo.db");
    let mut store = Store::open(&path).expect("open");
    let at = |t: &str| on("2026-11-24", t);
    ops::demo::create(&mut store, at("08:00:00"), &key_dir()).expect("demo");
    let karim = users::find(&mut store, "Karim")
        .expect("find")
        .expect("Karim");
    let session = common::login(&mut store, karim.id, "2222", at("09:00:00")).expect("login");
    let key = ops::journal::load_key(&mut store, &key_dir()).expect("key");
    let terminal = TerminalCode::parse("caisse-1").expect("terminal");
    let ctx = till::context(&mut store, &session, &terminal, at("09:01:00"), false).expect("ctx");
    till::open_day(&mut store, &session, &key, &ctx, &[]).expect("float");

    let entry = parse_entry("3*2,50 j 1,2kg").expect("entry");
    assert_eq!(entry.weight, Some(Weight::from_grams(1200).expect("w")));
    let toys = till::sellables(&mut store)
        .expect("sellables")
        .into_iter()
        .find(|s| s.shortcut.as_deref() == Some("j"))
        .expect("the toys' shortcut");
    let line = till::sellable_line(&toys, entry.price, entry.quantity, entry.weight).expect("line");
    assert_eq!(line.grams().expect("grams"), Some(1200));
    let mut cart = Cart::default();
    cart.add(line).expect("add");
    let total = cart.total().expect("total");
    assert_eq!(total, Money::from_cents(750));
    let cash = Payment {
        method: PaymentKind::Cash.default_label(),
        kind: PaymentKind::Cash,
        amount: total,
        voucher: None,
    };
    let sale = till::sell(&mut store, &session, &key, &ctx, &cart, &[cash], false).expect("sell");
    drop(store);
    let conn = rusqlite::Connection::open(&path).expect("raw");
    let (grams, estimated): (i64, bool) = conn
        .query_row(
            "SELECT grams, estimated FROM sold_weight WHERE document_id = ?1",
            [sale.doc.id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("weight");
    assert_eq!((grams, estimated), (1200, false));
}
