//! The membership's story on the demo: three new members (one at the till, one from the
//! register, one by import), fees at the shop till (with a sale on the same ticket) and
//! at the café, a renewal, an expired membership, cards scanned (valid, expired,
//! unknown), a member price, two donations with tax receipts — and the Z: fees and
//! donations in the cash count, never in the takings, to the cent.

mod common;

use common::{key_dir, on};
use pepite::domain::member::{Standing, card_code};
use pepite::domain::{Cart, Donor, Money, PaymentKind, TerminalCode};
use pepite::journal::CashCount;
use pepite::ops::till::{self, Payment};
use pepite::ops::{self, members, tax_receipts};
use pepite::storage::Store;
use pepite::storage::members::Member;
use serde_json::Value;

fn pay(kind: PaymentKind, cents: i64) -> Payment {
    Payment {
        method: kind.default_label(),
        kind,
        amount: Money::from_cents(cents),
        voucher: None,
    }
}

fn member(last: &str, first: &str, town: &str) -> Member {
    Member {
        kind: "individuel".into(),
        last_name: last.into(),
        first_name: first.into(),
        town: town.into(),
        ..Member::default()
    }
}

#[test]
fn members_fees_and_donations_add_up_outside_the_takings() {
    let dir = tempfile::tempdir().expect("dir");
    let mut store = Store::open(&dir.path().join("demo.db")).expect("open");
    let day = "2026-11-24";
    let at = |t: &str| on(day, t);
    ops::demo::create(&mut store, on(day, "08:00:00"), &key_dir()).expect("demo");
    let key = ops::journal::load_key(&mut store, &key_dir()).expect("key");
    let shop = TerminalCode::parse("caisse-1").expect("terminal");
    let cafe = TerminalCode::parse("cafe-1").expect("terminal");
    let today = at("12:00:00").date_naive();

    let claire = common::login_as(&mut store, "Claire", "1111", at("08:30:00"));
    let karim = common::login_as(&mut store, "Karim", "2222", at("09:00:00"));
    let ctx = till::context(&mut store, &karim, &shop, at("09:01:00"), false).expect("ctx");
    till::open_day(
        &mut store,
        &karim,
        &key,
        &ctx,
        &[(Money::from_cents(10_000), 1)],
    )
    .expect("float");
    let offers = members::offers(&mut store, true).expect("offers");
    let individual = offers
        .iter()
        .find(|o| o.label == "Individuelle")
        .expect("offer");
    let solidarity = offers
        .iter()
        .find(|o| o.label == "Solidaire")
        .expect("offer");

    // 1. A member made at the till, a lamp and her fee on one ticket, one payment.
    let (anna, twins) = members::register(
        &mut store,
        &karim,
        member("Nguyen", "Anna", "Arcueil"),
        at("10:00:00"),
    )
    .expect("register");
    assert!(twins.is_empty());
    let sellables = till::sellables(&mut store).expect("sellables");
    let lamp = sellables
        .iter()
        .find(|s| s.name == "Bibelots et déco")
        .expect("bibelots");
    let mut cart = Cart::default();
    cart.add(till::sellable_line(lamp, Some(Money::from_cents(1500)), 1, None).expect("line"))
        .expect("add");
    cart.contributions
        .push(members::fee(&mut store, anna, individual, None, today).expect("fee"));
    assert_eq!(cart.due().expect("due"), Money::from_cents(2500));
    let sale = till::sell(
        &mut store,
        &karim,
        &key,
        &ctx,
        &cart,
        &[pay(PaymentKind::Cash, 3000)],
        false,
    )
    .expect("sale with a fee");
    assert_eq!(
        (sale.total.cents(), sale.due.cents(), sale.change.cents()),
        (1500, 2500, 500)
    );
    assert_eq!(sale.proofs.len(), 1);
    // The proof names the member by number only.
    let proof = store
        .read(|tx| {
            pepite::storage::journal::find_document(
                tx,
                &sale.proofs[0].series,
                sale.proofs[0].number,
            )
        })
        .expect("proof");
    assert!(!proof.payload.contains("Nguyen") && !proof.payload.contains("Anna"));
    let payload: Value = serde_json::from_str(&proof.payload).expect("json");
    assert_eq!(payload["member"], anna);
    assert_eq!(payload["valid_until"], "2026-12-31");

    // 2. A member from the register (a manager), flagged as a possible duplicate of the
    // demo's Louise Martin of Arcueil.
    let (louise2, twins) = members::register(
        &mut store,
        &claire,
        member("Martin", "Louise", "Arcueil"),
        at("10:05:00"),
    )
    .expect("register");
    assert_eq!(twins.len(), 1, "same name, same town: flagged");
    // 3. One by import.
    let csv = "Numéro;Nom;Prénom;Ville;Email\nP-77;Diallo;Moussa;Cachan;moussa@example.org\n";
    let imported =
        ops::member_import::import(&mut store, &claire, csv, at("10:10:00")).expect("import");
    assert_eq!(imported.added, 1);
    let moussa = members::find(&mut store, "moussa@example.org").expect("find")[0].number;

    // A prix-libre fee below its minimum is refused; at 5 € it is taken alone (no line).
    assert!(
        members::fee(
            &mut store,
            louise2,
            solidarity,
            Some(Money::from_cents(50)),
            today
        )
        .is_err()
    );
    let mut fee_only = Cart::default();
    fee_only.contributions.push(
        members::fee(
            &mut store,
            louise2,
            solidarity,
            Some(Money::from_cents(500)),
            today,
        )
        .expect("fee"),
    );
    let alone = till::sell(
        &mut store,
        &karim,
        &key,
        &ctx,
        &fee_only,
        &[pay(PaymentKind::Card, 500)],
        false,
    )
    .expect("fee alone");
    assert!(!alone.has_ticket);

    // 4. At the café: Moussa's fee, paid by cheque.
    let lea = common::login_as(&mut store, "Lucas", "4444", at("11:00:00"));
    let cafe_ctx = till::context(&mut store, &lea, &cafe, at("11:01:00"), false).expect("ctx");
    let mut at_cafe = Cart::default();
    at_cafe
        .contributions
        .push(members::fee(&mut store, moussa, individual, None, today).expect("fee"));
    till::sell(
        &mut store,
        &lea,
        &key,
        &cafe_ctx,
        &at_cafe,
        &[pay(PaymentKind::Cheque, 1000)],
        false,
    )
    .expect("fee at the café");

    // 5. Renewal: Anna pays again before the end — the new fee follows on.
    let renewal = members::fee(&mut store, anna, individual, None, today).expect("renewal");
    assert_eq!(renewal.valid_from.as_deref(), Some("2027-01-01"));
    assert_eq!(renewal.valid_until.as_deref(), Some("2027-12-31"));
    let mut renew = Cart::default();
    renew.contributions.push(renewal);
    till::sell(
        &mut store,
        &karim,
        &key,
        &ctx,
        &renew,
        &[pay(PaymentKind::Cash, 1000)],
        false,
    )
    .expect("renewal");

    // 6. Cards: valid, expired (the demo's Karim Durand paid last year), unknown.
    let (m, standing) =
        members::scan_card(&mut store, card_code(anna).expect("code").as_str(), today)
            .expect("scan");
    assert_eq!(m.number, anna);
    assert_eq!(
        standing,
        Standing::Until(chrono::NaiveDate::from_ymd_opt(2027, 12, 31).expect("d"))
    );
    let durand = members::find(&mut store, "Durand").expect("find")[0].number;
    let (_, expired) =
        members::scan_card(&mut store, card_code(durand).expect("code").as_str(), today)
            .expect("scan");
    assert!(matches!(expired, Standing::Expired(_)), "{expired:?}");
    assert!(expired.text().contains("expirée le 31/12/2025"));
    let unknown = members::scan_card(&mut store, card_code(99_999).expect("code").as_str(), today);
    assert!(
        unknown
            .expect_err("unknown")
            .to_string()
            .contains("aucun adhérent n° 99999")
    );

    // 7. Member price: books at 0,50 € instead of 1 € once Anna's card is on the ticket.
    let books = sellables
        .iter()
        .find(|s| s.name == "Livres" && s.entry_id.is_none())
        .expect("livres");
    let mut member_cart = Cart::default();
    member_cart
        .add(till::sellable_line(books, None, 4, None).expect("line"))
        .expect("add");
    assert_eq!(member_cart.total().expect("total"), Money::from_cents(400));
    assert_eq!(
        till::apply_member_prices(&mut member_cart, &sellables, anna).expect("prices"),
        1
    );
    assert_eq!(member_cart.total().expect("total"), Money::from_cents(200));
    // A line added after the card takes the member price too; without the card, not.
    let after = till::member_line(books, None, 2, None, true).expect("line");
    assert_eq!(
        (
            after.unit_price.cents(),
            after.original_price.map(Money::cents)
        ),
        (50, Some(100))
    );
    assert_eq!(
        till::member_line(books, None, 2, None, false)
            .expect("line")
            .unit_price
            .cents(),
        100
    );
    let books_sale = till::sell(
        &mut store,
        &karim,
        &key,
        &ctx,
        &member_cart,
        &[pay(PaymentKind::Cash, 200)],
        false,
    )
    .expect("books");
    assert_eq!(books_sale.total.cents(), 200);

    // 8. Two donations with tax receipts: one from a member (receipt with the sale), one
    // from a passer-by (receipt asked afterwards).
    let mut gift = ops::members::donation(Some(anna), None, Money::from_cents(5000)).expect("gift");
    gift.receipt = true;
    let mut gifts = Cart::default();
    gifts.contributions.push(gift);
    let given = till::sell(
        &mut store,
        &karim,
        &key,
        &ctx,
        &gifts,
        &[pay(PaymentKind::Card, 5000)],
        false,
    )
    .expect("donation");
    let first = tax_receipts::of_proof(&mut store, given.proofs[0].id)
        .expect("receipt")
        .expect("issued");
    assert_eq!(first.reference(), "2026-0001");
    assert_eq!(first.amount_in_words, "cinquante euros");
    let passer = ops::members::donation(
        None,
        Some(Donor {
            name: "Jean Dupuis".into(),
            address: "2 rue des Lilas, 94110 Arcueil".into(),
        }),
        Money::from_cents(2050),
    )
    .expect("gift");
    let mut cart = Cart::default();
    cart.contributions.push(passer);
    let given = till::sell(
        &mut store,
        &karim,
        &key,
        &ctx,
        &cart,
        &[pay(PaymentKind::Cash, 2050)],
        false,
    )
    .expect("donation");
    let second = tax_receipts::issue_for_proof(
        &mut store,
        &karim,
        &given.proofs[0].series,
        given.proofs[0].number,
        at("12:30:00"),
    )
    .expect("receipt");
    assert_eq!(second.reference(), "2026-0002");
    assert_eq!(second.amount_in_words, "vingt euros et cinquante centimes");
    // A second receipt for the same gift is refused: a reprint is a duplicate.
    assert!(
        tax_receipts::issue_for_proof(
            &mut store,
            &karim,
            &given.proofs[0].series,
            given.proofs[0].number,
            at("12:31:00")
        )
        .is_err()
    );
    let (again, nth) = tax_receipts::reprint(&mut store, &karim, 2026, 2).expect("duplicate");
    assert_eq!((again, nth), (second, 1));
    // Donations of 0 € or above the till's maximum are refused.
    assert!(ops::members::donation(None, None, Money::ZERO).is_err());
    assert!(ops::members::donation(None, None, Money::from_cents(10_000_000)).is_err());

    // 9. The Z: takings are the lamp and the books; the drawer holds the fees and gifts.
    let (x, _) = till::x_report(&mut store, &ctx).expect("X");
    assert_eq!(
        x.total_ttc(),
        Money::from_cents(1500 + 200),
        "fees and gifts are not takings"
    );
    let proofs: std::collections::BTreeMap<String, (i64, i64)> = x
        .proofs
        .iter()
        .map(|(k, n, m)| (k.clone(), (*n, m.cents())))
        .collect();
    assert_eq!(proofs["membership_fee"], (3, 1000 + 500 + 1000));
    assert_eq!(proofs["donation"], (2, 5000 + 2050));
    let cash = x.expected(PaymentKind::Cash);
    // Float 100 + lamp and fee 25 + renewal 10 + books 2 + gift 20,50.
    assert_eq!(cash, Money::from_cents(10_000 + 2500 + 1000 + 200 + 2050));
    assert_eq!(x.expected(PaymentKind::Card), Money::from_cents(500 + 5000));
    let close_ctx = till::context(&mut store, &claire, &shop, at("19:00:00"), false).expect("ctx");
    let z = ops::journal::close_day(
        &mut store,
        &claire,
        &key,
        &close_ctx,
        &CashCount {
            denominations: vec![(Money::from_cents(1), cash.cents())],
            cheques_declared: Money::ZERO,
            card_declared: Money::from_cents(5500),
            comment: String::new(),
        },
    )
    .expect("Z without a difference");
    let z_doc = store
        .read(|tx| pepite::storage::journal::find_document(tx, &z.series, z.number))
        .expect("z");
    let zp: Value = serde_json::from_str(&z_doc.payload).expect("json");
    assert_eq!(zp["total_ttc"], 1700);

    // The reports agree: takings without fees, the members' income with them.
    let report = ops::reports::members(&mut store, &claire, today, today).expect("members");
    let income = report
        .sections
        .iter()
        .find(|s| s.title == pepite::i18n::Msg::SectionMembersIncome)
        .expect("income");
    let total = income.total.as_ref().expect("total");
    assert_eq!(
        total[1],
        pepite::reports::Cell::Money(Money::from_cents(3500))
    );
    assert_eq!(
        total[2],
        pepite::reports::Cell::Money(Money::from_cents(7050))
    );
    // The journal verifies.
    let verified =
        ops::journal::verify(&mut store, &key_dir(), None, None, at("20:00:00")).expect("verify");
    assert!(verified.is_intact(), "{verified}");
}
