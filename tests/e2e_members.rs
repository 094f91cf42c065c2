//! A fee end to end, the real binary in a pseudo-terminal: a cashier of the demo shop
//! opens « Adhésion » (Ctrl+A), registers a new member in three fields, scans an item,
//! and the customer pays the lamp and the fee at once; then the member card is printed —
//! to a file — and its bars read back by a barcode reader give the member's card, valid
//! to the end of the year. The register holds the fee, tied to its journal proof.

mod common;

use common::pty::Terminal;
use pepite::ops::members;
use pepite::print::{Profile, inspect};
use pepite::storage::Store;

const F2: &[u8] = b"\x1bOQ";
const TAB: &[u8] = b"\t";
const CTRL_A: &[u8] = b"\x01";

#[test]
fn a_new_member_pays_a_fee_with_a_sale_and_takes_a_card_that_scans() {
    let home = tempfile::tempdir().expect("home");
    let db = common::demo_db(home.path(), "shop.db");
    let printed = home.path().join("printer.bin");
    let item = common::item_in_stock(&db);
    let mut t = Terminal::with_printer(home.path(), &db, &printed);
    t.log_in("k", "Karim", "2222");
    t.wait_for("Caisse boutique");
    t.send(b"\r");
    t.wait_for("Fond de caisse");
    t.send(b"\x1b[B\x1b[B5");
    t.send(F2);
    t.wait_for("Caisse ouverte");

    // « Adhésion »: nobody to find, a new member in three fields, the first offer.
    t.send(CTRL_A);
    t.wait_for("Adhésion : qui ?");
    t.send(TAB);
    t.send("Ferrand".as_bytes());
    t.send(TAB);
    t.send("Zoé".as_bytes());
    t.send(TAB);
    t.send("Gentilly".as_bytes());
    t.send(F2);
    t.wait_for("ajoutée au ticket");

    // The lamp, scanned, on the same ticket; one payment in cash for both.
    t.send(format!("{}\r", item.code).as_bytes());
    t.wait_for(&item.description);
    t.send(F2);
    t.wait_for("Reste à payer");
    t.send(b"\r");
    t.send(F2);
    t.wait_for("Le client veut-il son ticket ?");
    t.wait_for("C Carte");
    t.send(b"c");
    t.wait_for("envoyée à l'imprimante");
    t.send(b"n");
    t.quit();

    // The card, as the printer received it: one EAN-13 whose bars scan.
    let bytes = std::fs::read(&printed).expect("the printer's file");
    let profile = Profile::by_id("epson-tm-t20iii").expect("profile");
    let decoded = inspect::decode(&bytes, &profile).expect("ESC/POS");
    assert!(
        decoded.text.contains("CARTE D'ADHÉRENT"),
        "{}",
        decoded.text
    );
    assert!(decoded.text.contains("Ferrand Zoé"), "{}", decoded.text);
    let [code] = decoded.barcodes.as_slice() else {
        panic!("one barcode: {:?}", decoded.barcodes);
    };
    let scanned = common::scan_bars(code);
    assert_eq!(&scanned, code);

    // That code, scanned at a till, is the new member, whose fee covers today.
    let mut store = Store::open(&db).expect("open");
    let today = chrono::Local::now().date_naive();
    let (member, standing) = members::scan_card(&mut store, &scanned, today).expect("card");
    assert_eq!(
        (member.last_name.as_str(), member.first_name.as_str()),
        ("Ferrand", "Zoé")
    );
    assert!(standing.is_valid(), "{standing:?}");
    assert!(
        decoded
            .text
            .contains(&format!("Adhérent n° {}", member.number))
    );
    let fees = members::fees_of(&mut store, member.number).expect("fees");
    assert_eq!(fees.len(), 1, "{fees:?}");
    assert!(
        fees[0].document_id.is_some(),
        "the fee has its journal proof"
    );
    let verified = common::run_pepite(home.path(), &["verify", "--db", db.to_str().expect("path")]);
    assert!(verified.status.success(), "the journal verifies");
}
