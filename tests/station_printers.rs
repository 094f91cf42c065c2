//! Two café stations on two fake network printers on 127.0.0.1: each receives only its
//! own lines; with the bar's printer absent the order still goes through, the ticket waits
//! (its station says so) and prints when the printer comes back.

mod common;

use common::{at, initialised, login};
use pepite::domain::Money;
use pepite::domain::cafe::{ServiceMode, Station, VatClass};
use pepite::ops::cafe::{self, Request};
use pepite::ops::users;
use pepite::print::stations::StationPrinters;
use pepite::print::{Printer, Profile, Target, inspect};
use pepite::storage::Store;
use pepite::storage::cafe::Product;
use std::io::Read;
use std::net::TcpListener;
use std::thread;
use std::time::{Duration, Instant};

/// A printer that takes one connection and returns what it was sent.
fn fake_printer(listener: TcpListener) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let (mut stream, _) = listener.accept().expect("accept");
        let mut bytes = Vec::new();
        stream.read_to_end(&mut bytes).expect("read");
        bytes
    })
}

fn printer(port: u16) -> Printer {
    let target = Target::parse(&format!("tcp:127.0.0.1:{port}")).expect("target");
    Printer::start(target, Profile::by_id("epson-tm-t20iii").expect("profile"))
}

fn text(bytes: &[u8]) -> String {
    let profile = Profile::by_id("epson-tm-t20iii").expect("profile");
    inspect::decode(bytes, &profile).expect("decode").text
}

#[test]
fn each_station_prints_its_own_lines_and_an_absent_printer_holds_its_ticket() {
    let mut store = Store::open_in_memory().expect("open");
    initialised(&mut store);
    let claire = users::find(&mut store, "Claire")
        .expect("find")
        .expect("Claire");
    let session = login(&mut store, claire.id, "1111", at("09:00:00")).expect("login");
    let product = |name: &str, shortcut: &str, class, station| Product {
        id: 0,
        name: common::name(name),
        section: String::new(),
        shortcut: Some(shortcut.into()),
        price: Money::from_cents(500),
        min_price: None,
        vat_class: class,
        station,
        available: true,
    };
    let galette = cafe::add_product(
        &mut store,
        &session,
        &product(
            "Galette complète",
            "gc",
            VatClass::Immediate,
            Station::Creperie,
        ),
    )
    .expect("galette");
    let cidre = cafe::add_product(
        &mut store,
        &session,
        &product("Cidre bouché", "ci", VatClass::Alcohol, Station::Bar),
    )
    .expect("cidre");
    let order = cafe::open_order(
        &mut store,
        &session,
        "8",
        ServiceMode::OnSite,
        at("12:00:00"),
    )
    .expect("order");
    for (product, quantity) in [(galette, 2), (cidre, 1)] {
        let request = Request {
            product,
            quantity,
            ..Request::default()
        };
        cafe::add_line(&mut store, &session, order, &request, at("12:01:00")).expect("line");
    }

    let kitchen = TcpListener::bind("127.0.0.1:0").expect("bind");
    let kitchen_port = kitchen.local_addr().expect("addr").port();
    let kitchen_received = fake_printer(kitchen);
    // The bar's printer is off: a port nobody listens on yet.
    let bar_port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("port")
        .port();
    let printers = StationPrinters {
        creperie: Some(printer(kitchen_port)),
        bar: Some(printer(bar_port)),
    };

    // The order goes through whatever the printers do.
    let tickets = cafe::send(&mut store, &session, order, at("12:02:00")).expect("sent");
    for (station, ticket) in &tickets {
        printers.print(*station, ticket).expect("queued");
    }
    let crepes = text(&kitchen_received.join().expect("kitchen"));
    assert!(
        crepes.contains("CRÊPERIE") && crepes.contains("Galette"),
        "{crepes}"
    );
    assert!(
        !crepes.contains("Cidre"),
        "only the crêperie's lines: {crepes}"
    );

    let deadline = Instant::now() + Duration::from_secs(10);
    let waiting = loop {
        let status = printers.status(Station::Bar).expect("bar printer");
        if status.fault.is_some() || Instant::now() > deadline {
            break status;
        }
        thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(
        waiting.pending, 1,
        "the bar's ticket waits: « non imprimé »"
    );
    assert!(waiting.fault.is_some());

    // The bar's printer comes back: its ticket prints.
    let bar = TcpListener::bind(("127.0.0.1", bar_port)).expect("the bar's printer is back");
    let drinks = text(&fake_printer(bar).join().expect("bar"));
    assert!(
        drinks.contains("BAR") && drinks.contains("Cidre"),
        "{drinks}"
    );
    assert!(
        !drinks.contains("Galette"),
        "only the bar's lines: {drinks}"
    );

    // A station without a printer says so; the ticket stays for a reprint.
    let none = StationPrinters {
        creperie: None,
        bar: None,
    };
    let refused = none.print(Station::Creperie, &tickets[0].1);
    assert!(
        refused.is_err_and(|e| e.to_string().contains("creperie_printer")),
        "said"
    );
    assert!(
        cafe::last_ticket(&mut store, Station::Creperie)
            .expect("last")
            .is_some()
    );
}
