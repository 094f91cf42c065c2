//! The till end to end, the real binary in a pseudo-terminal: a cashier logs in on the
//! demo shop, counts a float, scans a demo item's code (one burst, as a scanner types),
//! pays cash, asks for the receipt — printed to a file — and quits. The file holds that
//! ticket's number and total, in the printer's code page.

mod common;

use common::pty::Terminal;
use pepite::print::{Profile, inspect};

const F2: &[u8] = b"\x1bOQ";

#[test]
fn a_cashier_scans_pays_cash_and_prints_the_receipt_to_a_file() {
    let home = tempfile::tempdir().expect("home");
    let db = common::demo_db(home.path(), "shop.db");
    let receipts = home.path().join("receipts.bin");
    let item = common::item_in_stock(&db);
    let mut t = Terminal::with_printer(home.path(), &db, &receipts);
    t.log_in("k", "Karim", "2222");
    t.wait_for("Caisse boutique");
    t.send(b"\r");
    t.wait_for("Fond de caisse");
    t.send(b"\x1b[B\x1b[B");
    t.send(b"5");
    t.send(F2);
    t.wait_for("Caisse ouverte");

    // The scanner: thirteen digits and Enter in one burst.
    t.send(format!("{}\r", item.code).as_bytes());
    t.wait_for(&item.description);
    t.send(F2);
    t.wait_for("Reste à payer");
    t.send(b"\r"); // cash, the amount due
    t.send(F2);
    t.wait_for("Le client veut-il son ticket ?");
    let done = t.contents();
    let start = done.find("Ticket caisse-1/T n° ").expect("ticket line");
    let line: String = done[start..]
        .lines()
        .next()
        .expect("line")
        .trim()
        .to_owned();
    let number = line
        .trim_start_matches("Ticket caisse-1/T n° ")
        .split(' ')
        .next()
        .expect("number")
        .to_owned();
    t.send(b"o");
    t.wait_for("envoyé à l'imprimante");
    t.quit();

    let bytes = std::fs::read(&receipts).expect("the receipt file");
    let profile = Profile::by_id("epson-tm-t20iii").expect("profile");
    assert!(!inspect::has_utf8_sequence(&bytes));
    let decoded = inspect::decode(&bytes, &profile).expect("ESC/POS");
    let text = decoded.text.replace('\u{a0}', " ");
    assert!(
        text.contains(&format!("Ticket caisse-1/T n° {number}")),
        "{text}"
    );
    assert!(
        text.contains(&format!("TOTAL {}", item.price).replace('\u{a0}', " ")),
        "{text}"
    );
    assert!(text.contains(&item.description), "{text}");
    assert_eq!(decoded.drawer_pulses, 1, "cash opens the drawer");
}
