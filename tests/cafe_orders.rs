//! The café's menu and open orders: lines with supplements, notes and a « prix libre »,
//! a product switched off while on an order, lines removed before and after sending,
//! tables moved and merged, and two terminals adding to one order at once.

mod common;

use common::{at, initialised, login, name};
use pepite::domain::cafe::{ServiceMode, Station, VatClass};
use pepite::domain::{Money, VatRate};
use pepite::ops::cafe::{self, Request};
use pepite::ops::{OpsError, users};
use pepite::storage::cafe::Product;
use pepite::storage::{StorageError, Store};

fn product(name_: &str, shortcut: &str, cents: i64, class: VatClass, station: Station) -> Product {
    Product {
        id: 0,
        name: name(name_),
        section: String::new(),
        shortcut: Some(shortcut.to_owned()),
        price: Money::from_cents(cents),
        min_price: None,
        vat_class: class,
        station,
        available: true,
    }
}

fn request(product: i64, quantity: i64) -> Request {
    Request {
        product,
        quantity,
        ..Request::default()
    }
}

struct Cafe {
    store: Store,
    manager: pepite::ops::Session,
    galette: i64,
    biere: i64,
    soupe: i64,
}

/// A set-up shop with the test menu, Claire logged in.
fn cafe() -> Cafe {
    let mut store = Store::open_in_memory().expect("open");
    initialised(&mut store);
    cafe_on(store)
}

fn cafe_on(mut store: Store) -> Cafe {
    let claire = users::find(&mut store, "Claire")
        .expect("find")
        .expect("Claire");
    let manager = login(&mut store, claire.id, "1111", at("09:00:00")).expect("login");
    let galette = cafe::add_product(
        &mut store,
        &manager,
        &product(
            "Galette complète",
            "gc",
            850,
            VatClass::Immediate,
            Station::Creperie,
        ),
    )
    .expect("galette");
    cafe::add_supplement(&mut store, &manager, galette, "œuf", Money::from_cents(100))
        .expect("supplement");
    cafe::add_supplement(
        &mut store,
        &manager,
        galette,
        "fromage",
        Money::from_cents(80),
    )
    .expect("supplement");
    let biere = cafe::add_product(
        &mut store,
        &manager,
        &product("Bière pression", "b", 400, VatClass::Alcohol, Station::Bar),
    )
    .expect("bière");
    let soupe = cafe::add_product(
        &mut store,
        &manager,
        &Product {
            min_price: Some(Money::from_cents(200)),
            ..product(
                "Soupe solidaire",
                "s",
                300,
                VatClass::Immediate,
                Station::Creperie,
            )
        },
    )
    .expect("soupe");
    Cafe {
        store,
        manager,
        galette,
        biere,
        soupe,
    }
}

#[test]
fn orders_take_lines_with_supplements_notes_and_a_free_price() {
    let Cafe {
        mut store,
        manager,
        galette,
        biere,
        soupe,
    } = cafe();
    let table = cafe::open_order(
        &mut store,
        &manager,
        "4",
        ServiceMode::OnSite,
        at("12:00:00"),
    )
    .expect("table 4");
    let named = cafe::open_order(
        &mut store,
        &manager,
        "Mme Leroy",
        ServiceMode::Takeaway,
        at("12:01:00"),
    )
    .expect("a name");
    let again = cafe::open_order(
        &mut store,
        &manager,
        " 4 ",
        ServiceMode::OnSite,
        at("12:02:00"),
    );
    assert!(
        matches!(again, Err(OpsError::Storage(StorageError::Duplicate(_)))),
        "{again:?}"
    );
    for bad in ["", "   ", "une table au fond près de la fenêtre côté rue"] {
        assert!(matches!(
            cafe::open_order(
                &mut store,
                &manager,
                bad,
                ServiceMode::OnSite,
                at("12:03:00")
            ),
            Err(OpsError::OrderLabel(_))
        ));
    }

    let complete = Request {
        supplements: vec!["Œuf".into(), "fromage".into()],
        note: " sans gluten ".into(),
        ..request(galette, 2)
    };
    cafe::add_line(&mut store, &manager, table, &complete, at("12:05:00")).expect("galettes");
    cafe::add_line(
        &mut store,
        &manager,
        table,
        &request(biere, 3),
        at("12:05:10"),
    )
    .expect("bières");
    let unknown = Request {
        supplements: vec!["jambon".into()],
        ..request(galette, 1)
    };
    assert!(matches!(
        cafe::add_line(&mut store, &manager, table, &unknown, at("12:06:00")),
        Err(OpsError::UnknownSupplement { .. })
    ));
    // Prix libre: below the minimum refused, the minimum said; above it taken.
    let stingy = Request {
        price: Some(Money::from_cents(150)),
        ..request(soupe, 1)
    };
    let refused = cafe::add_line(&mut store, &manager, named, &stingy, at("12:07:00"));
    let Err(error) = refused else {
        panic!("a price below the minimum was taken")
    };
    assert!(error.to_string().contains("2,00"), "{error}");
    let generous = Request {
        price: Some(Money::from_cents(500)),
        ..request(soupe, 1)
    };
    cafe::add_line(&mut store, &manager, named, &generous, at("12:07:30")).expect("soupe");

    let lines = cafe::lines(&mut store, table).expect("lines");
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0].unit_price, Money::from_cents(850 + 100 + 80));
    assert_eq!(lines[0].supplements, "+ œuf, + fromage");
    assert_eq!(lines[0].note, "sans gluten");
    assert_eq!(
        lines[0].vat_class.rate(lines[0].mode),
        VatRate::INTERMEDIATE
    );
    assert_eq!(lines[1].vat_class.rate(lines[1].mode), VatRate::STANDARD);
    let soup = &cafe::lines(&mut store, named).expect("lines")[0];
    assert_eq!(
        (soup.unit_price.cents(), soup.mode),
        (500, ServiceMode::Takeaway)
    );

    let open = cafe::open_orders(&mut store).expect("orders");
    assert_eq!(open.len(), 2);
    assert_eq!(open[0].label, "4");
    assert!(open[0].is_table && !open[1].is_table);
    assert_eq!(open[0].due, Money::from_cents(2 * 1030 + 3 * 400));
    assert_eq!(open[0].unsent, 2);
}

#[test]
fn a_product_switched_off_stays_on_its_order_and_sent_lines_are_cancelled_not_deleted() {
    let Cafe {
        mut store,
        manager,
        galette,
        biere,
        ..
    } = cafe();
    let table = cafe::open_order(
        &mut store,
        &manager,
        "7",
        ServiceMode::OnSite,
        at("19:00:00"),
    )
    .expect("table");
    let first = cafe::add_line(
        &mut store,
        &manager,
        table,
        &request(galette, 1),
        at("19:01:00"),
    )
    .expect("galette");
    let beer = cafe::add_line(
        &mut store,
        &manager,
        table,
        &request(biere, 1),
        at("19:01:30"),
    )
    .expect("bière");
    cafe::set_available(&mut store, &manager, galette, false).expect("off");
    assert!(matches!(
        cafe::add_line(
            &mut store,
            &manager,
            table,
            &request(galette, 1),
            at("19:02:00")
        ),
        Err(OpsError::ProductOff(_))
    ));
    let lines = cafe::lines(&mut store, table).expect("lines");
    assert_eq!(
        lines[0].name, "Galette complète",
        "still on the order, at its price"
    );
    assert_eq!(lines[0].unit_price.cents(), 850);

    // Sent, then removed: kept, cancelled. Unsent, removed: gone.
    store
        .write(|tx| pepite::storage::cafe::mark_sent(tx, &[first], at("19:03:00")))
        .expect("sent");
    assert!(cafe::remove_line(&mut store, &manager, first, at("19:04:00")).expect("remove"));
    assert!(!cafe::remove_line(&mut store, &manager, beer, at("19:04:10")).expect("remove"));
    let lines = cafe::lines(&mut store, table).expect("lines");
    assert_eq!(lines.len(), 1);
    assert!(lines[0].sent && lines[0].cancelled);
    assert_eq!(
        cafe::open_orders(&mut store).expect("orders")[0].due,
        Money::ZERO
    );
}

#[test]
fn tables_move_and_merge() {
    let Cafe {
        mut store,
        manager,
        galette,
        biere,
        ..
    } = cafe();
    let two = cafe::open_order(
        &mut store,
        &manager,
        "2",
        ServiceMode::OnSite,
        at("12:00:00"),
    )
    .expect("2");
    let three = cafe::open_order(
        &mut store,
        &manager,
        "3",
        ServiceMode::OnSite,
        at("12:00:10"),
    )
    .expect("3");
    cafe::add_line(
        &mut store,
        &manager,
        two,
        &request(galette, 1),
        at("12:01:00"),
    )
    .expect("line");
    cafe::add_line(
        &mut store,
        &manager,
        three,
        &request(biere, 2),
        at("12:01:10"),
    )
    .expect("line");
    assert!(matches!(
        cafe::move_order(&mut store, &manager, two, "3"),
        Err(OpsError::Storage(StorageError::Duplicate(_)))
    ));
    cafe::move_order(&mut store, &manager, two, "5").expect("moved to 5");
    cafe::merge_orders(&mut store, &manager, three, two, at("12:05:00")).expect("merged");
    let open = cafe::open_orders(&mut store).expect("orders");
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].label, "5");
    assert_eq!(open[0].due, Money::from_cents(850 + 800));
    assert_eq!(cafe::lines(&mut store, two).expect("lines").len(), 2);
    // The merged table's number is free again.
    cafe::open_order(
        &mut store,
        &manager,
        "3",
        ServiceMode::OnSite,
        at("12:06:00"),
    )
    .expect("3 again");
}

#[test]
fn only_the_cafe_and_managers_take_orders_and_only_managers_keep_the_menu() {
    let Cafe {
        mut store, manager, ..
    } = cafe();
    let sorter = users::add(
        &mut store,
        &manager,
        &name("Sophie"),
        pepite::domain::Roles::empty().with(pepite::domain::Role::Sorter),
        &common::pin("3333"),
        at("09:10:00"),
    )
    .expect("sorter");
    let sophie = login(&mut store, sorter, "3333", at("09:11:00")).expect("login");
    assert!(matches!(
        cafe::open_order(
            &mut store,
            &sophie,
            "1",
            ServiceMode::OnSite,
            at("09:12:00")
        ),
        Err(OpsError::Forbidden(pepite::domain::Role::Cafe))
    ));
    assert!(matches!(
        cafe::add_product(
            &mut store,
            &sophie,
            &product("Thé", "t", 200, VatClass::Immediate, Station::Bar)
        ),
        Err(OpsError::Forbidden(pepite::domain::Role::Manager))
    ));
}

#[test]
fn two_terminals_adding_to_one_order_lose_no_line_and_double_none() {
    let dir = tempfile::tempdir().expect("dir");
    let (path, store) = common::shop_file(dir.path());
    let Cafe {
        mut store,
        manager,
        biere,
        ..
    } = cafe_on(store);
    let order = cafe::open_order(
        &mut store,
        &manager,
        "9",
        ServiceMode::OnSite,
        at("20:00:00"),
    )
    .expect("order");
    drop(store);
    let each = 40;
    let threads: Vec<_> = (0..2)
        .map(|terminal| {
            let path = path.clone();
            std::thread::spawn(move || {
                let mut store = Store::open(&path).expect("open");
                let claire = users::find(&mut store, "Claire")
                    .expect("find")
                    .expect("Claire");
                let session = login(&mut store, claire.id, "1111", at("20:00:30")).expect("login");
                for n in 0..each {
                    let note = format!("poste {terminal} n° {n}");
                    let line = Request {
                        note,
                        ..request(biere, 1)
                    };
                    cafe::add_line(&mut store, &session, order, &line, at("20:01:00"))
                        .expect("a line");
                }
            })
        })
        .collect();
    for t in threads {
        t.join().expect("terminal");
    }
    let mut store = Store::open(&path).expect("open");
    let lines = cafe::lines(&mut store, order).expect("lines");
    assert_eq!(lines.len(), 2 * each);
    let mut notes: Vec<&str> = lines.iter().map(|l| l.note.as_str()).collect();
    notes.sort_unstable();
    notes.dedup();
    assert_eq!(notes.len(), 2 * each, "no line doubled");
}

#[test]
fn sending_prints_only_new_lines_on_their_station_and_each_cancellation_once() {
    let Cafe {
        mut store,
        manager,
        galette,
        biere,
        ..
    } = cafe();
    let table = cafe::open_order(
        &mut store,
        &manager,
        "4",
        ServiceMode::OnSite,
        at("12:00:00"),
    )
    .expect("table");
    let complete = Request {
        supplements: vec!["œuf".into()],
        note: "bien cuite".into(),
        ..request(galette, 2)
    };
    cafe::add_line(&mut store, &manager, table, &complete, at("12:01:00")).expect("galettes");
    let beers = cafe::add_line(
        &mut store,
        &manager,
        table,
        &request(biere, 3),
        at("12:01:30"),
    )
    .expect("bières");
    let sent = cafe::send(&mut store, &manager, table, at("12:02:00")).expect("send");
    assert_eq!(sent.len(), 2);
    let (station, kitchen) = &sent[0];
    assert_eq!((*station, kitchen.number), (Station::Creperie, 1));
    assert_eq!(kitchen.label, "Table 4");
    assert_eq!(kitchen.lines.len(), 1);
    assert_eq!(kitchen.lines[0].supplements, "+ œuf");
    assert_eq!(kitchen.lines[0].note, "bien cuite");
    let (station, bar) = &sent[1];
    assert_eq!(
        (*station, bar.number, bar.lines[0].quantity),
        (Station::Bar, 1, 3)
    );
    assert!(
        cafe::send(&mut store, &manager, table, at("12:03:00"))
            .expect("again")
            .is_empty(),
        "nothing goes out twice"
    );

    // A galette to take away: only it goes, to the crêperie, with its mode said.
    let takeaway = Request {
        mode: Some(ServiceMode::Takeaway),
        ..request(galette, 1)
    };
    cafe::add_line(&mut store, &manager, table, &takeaway, at("12:10:00")).expect("line");
    let sent = cafe::send(&mut store, &manager, table, at("12:10:30")).expect("send");
    assert_eq!(sent.len(), 1);
    assert_eq!((sent[0].0, sent[0].1.number), (Station::Creperie, 2));
    assert_eq!(sent[0].1.lines[0].other_mode.as_deref(), Some("À emporter"));

    // The beers removed after they were sent: one « ANNULÉ » at the bar, once.
    assert!(cafe::remove_line(&mut store, &manager, beers, at("12:11:00")).expect("remove"));
    let sent = cafe::send(&mut store, &manager, table, at("12:11:30")).expect("send");
    assert_eq!(sent.len(), 1);
    assert!(sent[0].1.cancellation);
    assert_eq!((sent[0].0, sent[0].1.number), (Station::Bar, 2));
    assert!(
        cafe::send(&mut store, &manager, table, at("12:12:00"))
            .expect("again")
            .is_empty()
    );
    let last = cafe::last_ticket(&mut store, Station::Creperie)
        .expect("last")
        .expect("a ticket");
    assert_eq!(last.number, 2, "the last crêperie ticket, for a reprint");

    let empty = cafe::open_order(
        &mut store,
        &manager,
        "Dupont",
        ServiceMode::Takeaway,
        at("12:20:00"),
    )
    .expect("order");
    assert!(matches!(
        cafe::send(&mut store, &manager, empty, at("12:20:10")),
        Err(OpsError::OrderEmpty(_))
    ));
}

#[test]
fn a_bill_before_payment_is_a_note_in_the_journal_never_takings() {
    let Cafe {
        mut store,
        manager,
        galette,
        biere,
        ..
    } = cafe();
    let key = pepite::ops::journal::load_key(&mut store, &common::key_dir()).expect("key");
    let terminal = pepite::domain::TerminalCode::parse("caisse-1").expect("terminal");
    let ctx = pepite::ops::till::context(&mut store, &manager, &terminal, at("13:00:00"), false)
        .expect("ctx");
    let table = cafe::open_order(
        &mut store,
        &manager,
        "4",
        ServiceMode::OnSite,
        at("12:00:00"),
    )
    .expect("table");
    let empty = cafe::bill(&mut store, &manager, &key, &ctx, table);
    assert!(matches!(empty, Err(OpsError::OrderEmpty(_))), "{empty:?}");
    let egg = Request {
        supplements: vec!["œuf".into()],
        ..request(galette, 2)
    };
    cafe::add_line(&mut store, &manager, table, &egg, at("12:01:00")).expect("galettes");
    cafe::add_line(
        &mut store,
        &manager,
        table,
        &request(biere, 2),
        at("12:01:30"),
    )
    .expect("bières");
    let note = cafe::bill(&mut store, &manager, &key, &ctx, table).expect("the bill");
    assert_eq!((note.series.as_str(), note.number), ("caisse-1/N", 1));
    let stored = store
        .read(|tx| pepite::storage::journal::find_document(tx, &note.series, note.number))
        .expect("note");
    assert_eq!(stored.kind, "note");
    assert_eq!(stored.total, Money::from_cents(2 * 950 + 2 * 400));
    // Per rate: the galettes at 10 %, the beers at 20 %.
    assert_eq!(stored.vat, "[[1000,1900,1727,173],[2000,800,667,133]]");
    let (x, _) = pepite::ops::till::x_report(&mut store, &ctx).expect("X");
    assert_eq!(x.total_ttc(), Money::ZERO, "a note is never takings");
    let report = store
        .read(|tx| pepite::journal::verify::verify(tx, None, None, Some(&common::key_dir())))
        .expect("verify");
    assert!(report.is_intact(), "{report}");

    let slip =
        pepite::print::receipt::document_slip(&stored.payload, &stored.hash, None).expect("slip");
    let profile = pepite::print::Profile::by_id("epson-tm-t20iii").expect("profile");
    let text = pepite::print::inspect::decode(
        &pepite::print::escpos::render(&slip, &profile).expect("render"),
        &profile,
    )
    .expect("decode")
    .text;
    assert!(
        text.contains("ADDITION") && text.contains("Note caisse-1/N n° 1"),
        "{text}"
    );
    assert!(text.contains("Galette complète (+ œuf)"), "{text}");
    assert!(text.contains("À régler"), "{text}");
    for profile in pepite::print::Profile::receipt_printers() {
        let bytes = pepite::print::escpos::render(&slip, &profile).expect("render");
        assert!(
            !pepite::print::inspect::has_utf8_sequence(&bytes),
            "{}",
            profile.id
        );
        let decoded = pepite::print::inspect::decode(&bytes, &profile).expect("decode");
        insta::assert_snapshot!(
            format!("bill_{}", profile.id),
            format!(
                "hex:\n{}\n\ntext:\n{}",
                common::hex_dump(&bytes),
                decoded.text
            )
        );
    }
}

fn pay(kind: pepite::domain::PaymentKind, cents: i64) -> pepite::ops::till::Payment {
    pepite::ops::till::Payment {
        method: kind.default_label(),
        kind,
        amount: Money::from_cents(cents),
        voucher: None,
    }
}

#[test]
fn a_table_pays_in_three_equal_parts_and_another_line_by_line_to_the_cent() {
    use pepite::domain::PaymentKind::{Card, Cash};
    let Cafe {
        mut store,
        manager,
        galette,
        biere,
        ..
    } = cafe();
    let key = pepite::ops::journal::load_key(&mut store, &common::key_dir()).expect("key");
    let terminal = pepite::domain::TerminalCode::parse("caisse-1").expect("terminal");
    let mut ctx = |t: &str| {
        pepite::ops::till::context(&mut store, &manager, &terminal, at(t), false).expect("ctx")
    };
    let (c1, c2, c3, c4, c5) = (
        ctx("13:00:00"),
        ctx("13:01:00"),
        ctx("13:02:00"),
        ctx("13:03:00"),
        ctx("13:04:00"),
    );
    let four = cafe::open_order(
        &mut store,
        &manager,
        "4",
        ServiceMode::OnSite,
        at("12:00:00"),
    )
    .expect("4");
    let egg = Request {
        supplements: vec!["œuf".into()],
        ..request(galette, 2)
    };
    cafe::add_line(&mut store, &manager, four, &egg, at("12:01:00")).expect("galettes");
    cafe::add_line(
        &mut store,
        &manager,
        four,
        &request(biere, 3),
        at("12:01:30"),
    )
    .expect("bières");
    // 2 × 9,50 at 10 % + 3 × 4,00 at 20 % = 31,00 € in three parts.
    cafe::bill(&mut store, &manager, &key, &c1, four).expect("the bill, a note");
    let share = cafe::Portion::Share { parts: 3 };
    let first = cafe::settle(
        &mut store,
        &manager,
        &key,
        &c1,
        four,
        &share,
        &[pay(Card, 1034)],
    )
    .expect("part 1");
    assert_eq!((first.total.cents(), first.closed), (1034, false));
    // While parts are being paid, the order takes no new line and no other way of paying.
    assert!(matches!(
        cafe::add_line(
            &mut store,
            &manager,
            four,
            &request(biere, 1),
            at("13:01:30")
        ),
        Err(OpsError::SplitInProgress { .. })
    ));
    assert!(matches!(
        cafe::settle(
            &mut store,
            &manager,
            &key,
            &c2,
            four,
            &cafe::Portion::All,
            &[pay(Card, 2066)]
        ),
        Err(OpsError::SplitInProgress { .. })
    ));
    let second = cafe::settle(
        &mut store,
        &manager,
        &key,
        &c2,
        four,
        &share,
        &[pay(Cash, 2000)],
    )
    .expect("part 2 in cash");
    assert_eq!((second.total.cents(), second.change.cents()), (1033, 967));
    let third = cafe::settle(
        &mut store,
        &manager,
        &key,
        &c3,
        four,
        &share,
        &[pay(Card, 1033)],
    )
    .expect("part 3");
    assert!(third.closed, "nothing left: the order closes");
    assert_eq!(
        first.total.cents() + second.total.cents() + third.total.cents(),
        3100
    );

    // Table 6 pays line by line.
    let six = cafe::open_order(
        &mut store,
        &manager,
        "6",
        ServiceMode::OnSite,
        at("12:30:00"),
    )
    .expect("6");
    let crepe = cafe::add_line(
        &mut store,
        &manager,
        six,
        &request(galette, 1),
        at("12:31:00"),
    )
    .expect("line");
    let beer = cafe::add_line(
        &mut store,
        &manager,
        six,
        &request(biere, 1),
        at("12:31:10"),
    )
    .expect("line");
    let paid = cafe::settle(
        &mut store,
        &manager,
        &key,
        &c4,
        six,
        &cafe::Portion::Lines(vec![beer]),
        &[pay(Card, 400)],
    )
    .expect("the beer");
    assert!(!paid.closed);
    assert_eq!(
        cafe::open_orders(&mut store).expect("orders")[0]
            .due
            .cents(),
        850
    );
    let paid = cafe::settle(
        &mut store,
        &manager,
        &key,
        &c5,
        six,
        &cafe::Portion::Lines(vec![crepe]),
        &[pay(Cash, 850)],
    )
    .expect("the galette");
    assert!(paid.closed);
    assert!(cafe::open_orders(&mut store).expect("orders").is_empty());

    // The X: takings per rate equal the tickets, to the cent; the note is not in them.
    let (x, _) = pepite::ops::till::x_report(&mut store, &c5).expect("X");
    assert_eq!(x.total_ttc().cents(), 3100 + 400 + 850);
    let rate = |bp: u32| {
        x.vat
            .iter()
            .find(|v| v.rate.basis_points() == bp)
            .map_or(0, |v| v.ttc.cents())
    };
    assert_eq!(rate(1000), 2 * 950 + 850);
    assert_eq!(rate(2000), 3 * 400 + 400);
    assert_eq!(x.stats.tickets, 5);
    assert_eq!(
        x.by_service,
        [("on_site".to_owned(), Money::from_cents(4350))]
    );

    // A takeaway order: its takings apart, on the Z too.
    let name_ = cafe::open_order(
        &mut store,
        &manager,
        "Dupont",
        ServiceMode::Takeaway,
        at("13:05:00"),
    )
    .expect("takeaway");
    cafe::add_line(
        &mut store,
        &manager,
        name_,
        &request(biere, 1),
        at("13:05:10"),
    )
    .expect("line");
    let c6 = pepite::ops::till::context(&mut store, &manager, &terminal, at("13:06:00"), false)
        .expect("ctx");
    cafe::settle(
        &mut store,
        &manager,
        &key,
        &c6,
        name_,
        &cafe::Portion::All,
        &[pay(Card, 400)],
    )
    .expect("paid");
    let z = store
        .write(|tx| {
            let x = pepite::journal::x_report(tx, "caisse-1", at("19:00:00"))?;
            pepite::journal::close_day(
                tx,
                &key,
                &c6,
                &pepite::journal::CashCount {
                    denominations: vec![(Money::from_cents(1), x.expected(Cash).cents())],
                    card_declared: x.expected(Card),
                    ..pepite::journal::CashCount::default()
                },
            )
        })
        .expect("Z");
    let stored = store
        .read(|tx| pepite::storage::journal::find_document(tx, &z.series, z.number))
        .expect("z");
    let zp: serde_json::Value = serde_json::from_str(&stored.payload).expect("json");
    assert_eq!(zp["by_service"][0]["mode"], "on_site");
    assert_eq!(zp["by_service"][0]["ttc"], 4350);
    assert_eq!(zp["by_service"][1]["mode"], "takeaway");
    assert_eq!(zp["by_service"][1]["ttc"], 400);
    assert_eq!(zp["total_ttc"], 4750, "the modes add up to the takings");
    let slip =
        pepite::print::receipt::document_slip(&stored.payload, &stored.hash, None).expect("slip");
    let profile = pepite::print::Profile::by_id("epson-tm-t20iii").expect("profile");
    let text = pepite::print::inspect::decode(
        &pepite::print::escpos::render(&slip, &profile).expect("render"),
        &profile,
    )
    .expect("decode")
    .text;
    assert!(
        text.contains("Sur place") && text.contains("À emporter"),
        "{text}"
    );
    // By product, the supplements fold into their product; the parts paid equally stay
    // as the parts their tickets are; all of it adds up to the Z.
    let day = zp["business_date"].as_str().expect("date").to_owned();
    let products = store
        .read(|tx| pepite::storage::reports::takings_by_category(tx, &day, &day))
        .expect("by product");
    assert!(
        products.iter().all(|p| !p.0.contains(" (+")),
        "{products:?}"
    );
    assert!(
        products.iter().any(|p| p.1 && p.0 == "Galette complète"),
        "{products:?}"
    );
    let ttc: i64 = products.iter().map(|p| p.2.cents()).sum();
    assert_eq!(ttc, 4750, "{products:?}");
    let report = store
        .read(|tx| pepite::journal::verify::verify(tx, None, None, Some(&common::key_dir())))
        .expect("verify");
    assert!(report.is_intact(), "{report}");
}
