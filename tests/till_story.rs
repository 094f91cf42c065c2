//! The till's story on the demo shop: open the day with a counted float, sell three
//! labelled items and two category lines, pay part card part cash with change, refund one
//! item, read the X, close with a Z that has a cash difference and its comment — then
//! every total is checked to the cent across tickets, payments, Z and counters.

mod common;

use common::{key_dir, on};
use pepite::domain::{Cart, Money, PaymentKind, TerminalCode};
use pepite::journal::{CashCount, JournalError};
use pepite::ops::till::{self, Payment, Scanned};
use pepite::ops::{self, OpsError, Session};
use pepite::storage::items::ItemStatus;
use pepite::storage::journal as documents;
use pepite::storage::{Store, items};
use serde_json::Value;

fn login(store: &mut Store, name: &str, pin: &str, now: pepite::storage::Timestamp) -> Session {
    let user = ops::auth::login_choices(store)
        .expect("users")
        .into_iter()
        .find(|u| u.name.as_str() == name)
        .expect("user");
    let key = ops::journal::load_key(store, &key_dir()).expect("key");
    ops::auth::login_at(store, user.id, pin, now, Some(key), "caisse-1").expect("login")
}

/// The payload of a document as the journal stored it.
fn payload(store: &mut Store, doc: &pepite::journal::DocRef) -> Value {
    let stored = store
        .read(|tx| documents::find_document(tx, &doc.series, doc.number))
        .expect("document");
    serde_json::from_str(&stored.payload).expect("json")
}

fn pay(kind: PaymentKind, cents: i64) -> Payment {
    Payment {
        method: kind.default_label(),
        kind,
        amount: Money::from_cents(cents),
        voucher: None,
    }
}

fn euros(cents: i64) -> Money {
    Money::from_cents(cents)
}

#[test]
fn a_day_at_the_till_adds_up_to_the_cent() {
    let dir = tempfile::tempdir().expect("dir");
    let mut store = Store::open(&dir.path().join("demo.db")).expect("open");
    let start = on("2026-11-24", "08:00:00");
    ops::demo::create(&mut store, start, &key_dir()).expect("demo");
    let key = ops::journal::load_key(&mut store, &key_dir()).expect("key");
    let terminal = TerminalCode::parse("caisse-1").expect("terminal");
    let at = |t: &str| on("2026-11-24", t);

    let karim = login(&mut store, "Karim", "2222", at("09:00:00"));
    let ctx = till::context(&mut store, &karim, &terminal, at("09:01:00"), false).expect("ctx");

    // Opening: 150 € float counted as 5 × 20 € + 4 × 10 € + 5 × 2 €.
    assert!(till::needs_opening(&mut store, &ctx).expect("opening"));
    let float = [(euros(2000), 5), (euros(1000), 4), (euros(200), 5)];
    till::open_day(&mut store, &karim, &key, &ctx, &float).expect("float");
    assert!(!till::needs_opening(&mut store, &ctx).expect("opening"));

    // Three labelled items from the stock, scanned.
    let codes: Vec<String> = store
        .read(|tx| items::some_in_stock(tx, 50))
        .expect("stock");
    let mut cart = Cart::default();
    let mut scanned = Vec::new();
    for code in &codes {
        if scanned.len() == 3 {
            break;
        }
        if let Scanned::Item(line) = till::scan(&mut store, code, at("10:00:00")).expect("scan")
            && !line.guarantee
        {
            scanned.push(line.clone());
            cart.add(line).expect("add");
        }
    }
    assert_eq!(scanned.len(), 3);
    // Two category lines: 3 paperbacks from the grid, and 2,50 € of crockery typed.
    let sellables = till::sellables(&mut store).expect("sellables");
    let poche = sellables
        .iter()
        .find(|s| s.shortcut.as_deref() == Some("d"))
        .expect("grid entry");
    let vaisselle = sellables
        .iter()
        .find(|s| s.shortcut.as_deref() == Some("s"))
        .expect("category");
    cart.add(till::sellable_line(poche, None, 3, None).expect("line"))
        .expect("add");
    assert!(matches!(
        till::sellable_line(vaisselle, None, 1, None),
        Err(OpsError::PriceNeeded(_))
    ));
    cart.add(till::sellable_line(vaisselle, Some(euros(250)), 1, None).expect("line"))
        .expect("add");
    let total = cart.total().expect("total");
    let items_total: Money = scanned.iter().map(|l| l.unit_price).sum();
    assert_eq!(
        total,
        items_total.checked_add(euros(300 + 250)).expect("sum")
    );

    // Part card, part cash with change: card 20 €, the rest rounded up to the next 10 €.
    let card = euros(2000);
    let due_cash = total.cents() - card.cents();
    let cash = (due_cash / 1000 + 1) * 1000;
    let sale = till::sell(
        &mut store,
        &karim,
        &key,
        &ctx,
        &cart,
        &[
            pay(PaymentKind::Card, card.cents()),
            pay(PaymentKind::Cash, cash),
        ],
        false,
    )
    .expect("sale");
    assert_eq!(sale.change, euros(cash - due_cash));
    for line in &scanned {
        let (_, code) = line.item.clone().expect("item");
        let item = store
            .read(|tx| items::by_code(tx, &code))
            .expect("item")
            .expect("exists");
        assert_eq!(item.status, ItemStatus::Sold);
        // Scanning it again says when and on which ticket.
        let again = till::scan(&mut store, &code, at("10:00:00")).expect_err("sold");
        assert!(
            again
                .to_string()
                .contains(&format!("{} n° {}", sale.doc.series, sale.doc.number)),
            "{again}"
        );
    }
    // An unknown but well-formed code adds nothing.
    assert!(matches!(
        till::scan(&mut store, "2000000099996", at("10:00:00")),
        Err(OpsError::UnknownCode(_))
    ));

    // The receipt's barcode finds the ticket again (for a refund at another till).
    let code = till::receipt_code(&mut store, &sale.doc.series, sale.doc.number)
        .expect("code")
        .expect("a ticket has one");
    assert_eq!(
        till::ticket_of_receipt(&mut store, code.as_str()).expect("found"),
        (sale.doc.series.clone(), sale.doc.number)
    );

    // Refund the first item, with the manager's authority, in cash.
    let claire = login(&mut store, "Claire", "1111", at("11:00:00"));
    let refund_ctx =
        till::context(&mut store, &karim, &terminal, at("11:00:00"), false).expect("ctx");
    let lines = till::ticket_lines(&mut store, &sale.doc.series, sale.doc.number).expect("lines");
    let first = lines
        .iter()
        .position(|l| l.item_code == scanned[0].item.as_ref().map(|i| i.1.clone()))
        .expect("line");
    assert!(matches!(
        till::refund(
            &mut store,
            &karim,
            &key,
            &refund_ctx,
            &sale.doc.series,
            sale.doc.number,
            &[(first, 1)],
            till::RefundPay::Cash,
            "défectueux"
        ),
        Err(OpsError::Forbidden(_))
    ));
    let refund = till::refund(
        &mut store,
        &claire,
        &key,
        &refund_ctx,
        &sale.doc.series,
        sale.doc.number,
        &[(first, 1)],
        till::RefundPay::Cash,
        "défectueux",
    )
    .expect("refund");
    assert_eq!(refund.total, -scanned[0].unit_price);
    let back = store
        .read(|tx| items::by_code(tx, &scanned[0].item.as_ref().expect("item").1))
        .expect("item")
        .expect("exists");
    assert_eq!(back.status, ItemStatus::InStock);
    assert!(matches!(
        till::refund(
            &mut store,
            &claire,
            &key,
            &refund_ctx,
            &sale.doc.series,
            sale.doc.number,
            &[(first, 1)],
            till::RefundPay::Cash,
            "défectueux"
        ),
        Err(OpsError::AlreadyRefunded(_))
    ));
    let refund_payload = payload(&mut store, &refund.doc);
    assert!(
        refund_payload["refers_to"]["text"]
            .as_str()
            .expect("text")
            .starts_with("rembourse en partie le ticket n°"),
        "one item of the sale is refunded: a partial refund says so"
    );

    // The manager opens the drawer without a sale, with its reason: the Z will count it.
    assert!(matches!(
        till::open_drawer(&mut store, &claire, &key, &refund_ctx, "  "),
        Err(OpsError::MoveReasonRequired)
    ));
    till::open_drawer(&mut store, &claire, &key, &refund_ctx, "monnaie au voisin").expect("drawer");
    assert!(matches!(
        till::open_drawer(&mut store, &karim, &key, &refund_ctx, "x"),
        Err(OpsError::Forbidden(_))
    ));
    // 20 € of change put in, 50 € taken to the bank: in the cash expected, not takings.
    till::cash_move(
        &mut store,
        &claire,
        &key,
        &refund_ctx,
        till::CashMove::CashIn,
        euros(2000),
        "pièces de la banque",
    )
    .expect("cash in");
    till::cash_move(
        &mut store,
        &claire,
        &key,
        &refund_ctx,
        till::CashMove::BankDeposit,
        euros(5000),
        "dépôt de midi",
    )
    .expect("bank deposit");
    // What left the shop, in grams: the sold items and lines less the refunded item.
    let (weighed, estimated) = till::sold_weight(&mut store, &refund_ctx).expect("weight");
    let items_g: i64 = scanned
        .iter()
        .map(|l| l.unit_weight.map_or(0, |w| w.grams()))
        .sum::<i64>()
        - scanned[0].unit_weight.map_or(0, |w| w.grams());
    // Three paperbacks at the grid's 200 g, the crockery at its category's 300 g.
    assert_eq!(weighed + estimated, items_g + 3 * 200 + 300);

    // X report: the figures so far.
    let (x, _) = till::x_report(&mut store, &refund_ctx).expect("x");
    let net = total.checked_add(refund.total).expect("net");
    assert_eq!(x.total_ttc(), net);
    assert_eq!(x.stats.tickets, 1, "sales; the refund is counted apart");
    assert_eq!(x.stats.refunds, 1);
    assert_eq!(x.stats.drawer_openings, 1);
    let expected_cash = euros(15_000 + due_cash + 2000 - 5000)
        .checked_add(refund.total)
        .expect("cash");
    assert_eq!(x.total_ttc(), net, "cash moves are not takings");
    assert_eq!(x.expected(PaymentKind::Cash), expected_cash);
    assert_eq!(x.expected(PaymentKind::Card), card);

    // Z with 1 € missing in the drawer: refused without a comment, accepted with one.
    let counted = expected_cash.cents() - 100;
    let mut count = CashCount {
        denominations: vec![(euros(1), counted)],
        cheques_declared: Money::ZERO,
        card_declared: card,
        comment: String::new(),
    };
    let close_ctx =
        till::context(&mut store, &claire, &terminal, at("19:00:00"), false).expect("ctx");
    let date = pepite::journal::session::calendar_date(close_ctx.at);
    let refused = ops::journal::close_day(&mut store, &claire, &key, &close_ctx, &count);
    assert!(matches!(
        refused,
        Err(OpsError::Journal(JournalError::CommentRequired))
    ));
    count.comment = "Pièce de 1 € rendue en trop à un client".into();
    let z = ops::journal::close_day(&mut store, &claire, &key, &close_ctx, &count).expect("Z");

    // Every total, to the cent.
    let z_doc = store
        .read(|tx| documents::find_document(tx, &z.series, z.number))
        .expect("z");
    let zp: Value = serde_json::from_str(&z_doc.payload).expect("json");
    assert_eq!(zp["total_ttc"], net.cents());
    let sale_doc = payload(&mut store, &sale.doc);
    assert_eq!(
        sale_doc["total_ttc"].as_i64().expect("ttc")
            + refund_payload["total_ttc"].as_i64().expect("ttc"),
        net.cents()
    );
    let z_payments: i64 = zp["payments"]
        .as_array()
        .expect("payments")
        .iter()
        .map(|p| p["amount"].as_i64().expect("amount"))
        .sum();
    // Tickets' payments (card + cash − refund), change not deducted; the float is a
    // proof, in the drawer but not in the takings by method.
    assert_eq!(z_payments, card.cents() + cash + refund.total.cents());
    // Payments less the change given add up to the takings, to the cent.
    assert_eq!(
        z_payments - zp["change_given"].as_i64().expect("change"),
        zp["total_ttc"].as_i64().expect("ttc")
    );
    let proof_payments: i64 = zp["proof_payments"]
        .as_array()
        .expect("proof payments")
        .iter()
        .map(|p| p["amount"].as_i64().expect("amount"))
        .sum();
    // The float, 20 € put in, 50 € taken to the bank.
    assert_eq!(proof_payments, 15_000 + 2000 - 5000);
    // The vouchers in circulation that evening: all issued less all spent.
    let outstanding: i64 = store
        .read(|tx| {
            Ok::<_, pepite::storage::StorageError>(
                pepite::storage::vouchers::outstanding(tx)?.cents(),
            )
        })
        .expect("vouchers");
    assert_eq!(zp["vouchers_outstanding"], outstanding);
    let checks = zp["cash_count"]["checks"].as_array().expect("checks");
    let cash_check = checks.iter().find(|c| c["kind"] == "cash").expect("cash");
    assert_eq!(cash_check["expected"], expected_cash.cents());
    assert_eq!(cash_check["difference"], -100);
    assert_eq!(zp["cash_count"]["opening_float"], 15_000);
    let day_counter: i64 = store
        .read(|tx| documents::counter(tx, "caisse-1", documents::Period::Day(&date)))
        .expect("counter")
        .iter()
        .map(|v| v.ttc.cents())
        .sum();
    assert_eq!(day_counter, net.cents());
    let vat_sum: i64 = zp["vat"]
        .as_array()
        .expect("vat")
        .iter()
        .map(|v| v["ttc"].as_i64().expect("ttc"))
        .sum();
    assert_eq!(vat_sum, net.cents());
    // The session is closed: what is sold next opens the day's second session, whose Z
    // will close « 2026-11-24#2 ».
    let next = till::business_day(&mut store, &close_ctx).expect("business day");
    assert!(!next.is_open());
    assert_eq!((next.date.as_str(), next.ordinal), ("2026-11-24", 2));
    assert_eq!(next.period(), "2026-11-24#2");
    // The JET says who opened the drawer and moved money, and the Z's difference.
    let mut codes: Vec<(String, String)> = Vec::new();
    store
        .read(|tx| {
            documents::each_event(tx, |e| {
                codes.push((e.code, e.detail));
                Ok::<_, pepite::storage::StorageError>(())
            })
        })
        .expect("events");
    let drawer = codes.iter().filter(|(c, _)| c == "65-TIROIR").count();
    assert_eq!(drawer, 3, "opening, cash in, bank deposit: {codes:?}");
    let difference: Vec<&String> = codes
        .iter()
        .filter(|(c, d)| c == "75-ECART-CAISSE" && d.starts_with("Z 2026-11-24"))
        .map(|(_, d)| d)
        .collect();
    assert_eq!(difference.len(), 1, "{codes:?}");
    assert!(difference[0].contains("spèces -1,00"), "{difference:?}");
}
