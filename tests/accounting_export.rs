//! The accountant's export on the demo shop: every Z an entry that balances to the cent,
//! the sales and VAT credited equal to the takings report, the money debited equal to the
//! payments report, a manager's own accounts used, and the FEC's 18 columns golden.

mod common;

use pepite::reports::By;
use pepite::reports::takings::Rows;
use pepite::storage::Store;

fn demo_store() -> (Store, pepite::ops::Session) {
    common::demo_with_manager()
}

fn date(text: &str) -> chrono::NaiveDate {
    text.parse().expect("date")
}

#[test]
fn every_z_is_an_entry_that_balances_and_agrees_with_the_reports() {
    let (mut store, session) = demo_store();
    let (from, to) = (date("2026-10-01"), date("2026-11-23"));
    let entries =
        pepite::ops::reports::accounting_entries(&mut store, &session, from, to).expect("entries");
    assert!(
        entries.len() > 40,
        "three tills over three weeks: {}",
        entries.len()
    );
    for e in &entries {
        assert_eq!(e.debits(), e.credits(), "{} {}", e.piece, e.label);
        assert!(
            e.lines.iter().all(|l| (l.debit == 0) != (l.credit == 0)),
            "{}",
            e.piece
        );
    }
    let lines = || entries.iter().flat_map(|e| e.lines.iter());
    let credited = |prefix: &str| -> i64 {
        lines()
            .filter(|l| l.account.number.starts_with(prefix))
            .map(|l| l.credit - l.debit)
            .sum()
    };
    let takings =
        pepite::ops::reports::takings_data(&mut store, from, to, By::Month).expect("takings");
    let Rows::Grouped(month) = takings.rows else {
        panic!("month")
    };
    let ttc: i64 = month.iter().map(|r| r.ttc.cents()).sum();
    let vat: i64 = month.iter().map(|r| r.vat.cents()).sum();
    assert_eq!(
        credited("70") + credited("44571"),
        ttc,
        "sales HT + VAT = takings TTC"
    );
    assert_eq!(credited("44571"), vat, "VAT = the Zs' VAT");
    let fees: i64 = takings
        .proofs
        .iter()
        .filter(|p| p.0 == "membership_fee")
        .map(|p| p.2.cents())
        .sum();
    assert_eq!(credited("756"), fees);

    let payments =
        pepite::ops::reports::takings_data(&mut store, from, to, By::Payment).expect("payments");
    let Rows::Payments(methods) = payments.rows else {
        panic!("payments")
    };
    let card: i64 = methods
        .iter()
        .filter(|m| m.1 == "card")
        .map(|m| m.2.cents())
        .sum();
    let debited_card: i64 = lines()
        .filter(|l| l.account.number == "511500")
        .map(|l| l.debit - l.credit)
        .sum();
    assert_eq!(debited_card, card, "cards debited = cards taken");
    // The demo's one explained difference: two euros missing, to 658.
    assert_eq!(
        lines()
            .filter(|l| l.account.number == "658000")
            .map(|l| l.debit)
            .sum::<i64>(),
        200
    );
}

#[test]
fn a_managers_accounts_are_used_and_the_fec_is_golden() {
    let (mut store, session) = demo_store();
    pepite::ops::reports::set_account(
        &mut store,
        &session,
        "category",
        "Assises",
        "707110",
        "Ventes assises",
    )
    .expect("set");
    pepite::ops::reports::set_account(
        &mut store,
        &session,
        "method",
        "cash",
        "531000",
        "Caisse boutique",
    )
    .expect("set");
    let refused =
        pepite::ops::reports::set_account(&mut store, &session, "category", "Assises", "70-11", "");
    assert!(refused.is_err());
    let (from, to) = (date("2026-11-04"), date("2026-11-04"));
    let entries =
        pepite::ops::reports::accounting_entries(&mut store, &session, from, to).expect("entries");
    let fec = pepite::reports::accounting::fec(&entries);
    for line in fec.lines() {
        assert_eq!(line.split('\t').count(), 18, "{line}");
    }
    assert!(fec.contains("\t707110\tVentes assises\t"), "{fec}");
    assert!(fec.contains("\t531000\tCaisse boutique\t"), "{fec}");
    assert!(!fec.contains("\t530000\t"), "{fec}");
    insta::assert_snapshot!("fec_one_day", fec);
}

#[test]
fn the_command_line_writes_the_fec_and_lists_the_accounts() {
    let home = tempfile::tempdir().expect("home");
    let db = common::demo_db(home.path(), "shop.db");
    let db = db.to_str().expect("path");
    let out = home.path().join("FEC.txt");
    let run = common::run_pepite(
        home.path(),
        &[
            "export",
            "fec",
            "--db",
            db,
            "--from",
            "2020-01-01",
            "--to",
            "2030-12-31",
            "--out",
            out.to_str().expect("out"),
            "--as",
            "Claire",
            "--as-pin",
            "1111",
        ],
    );
    assert!(run.status.success(), "{}", common::text(&run.stderr));
    assert!(
        common::text(&run.stdout).contains("chacune équilibrée"),
        "{}",
        common::text(&run.stdout)
    );
    let fec = std::fs::read_to_string(&out).expect("fec");
    assert!(
        fec.starts_with("JournalCode\tJournalLib\tEcritureNum"),
        "{fec}"
    );
    let list = common::run_pepite(
        home.path(),
        &["account", "--db", db, "--as", "Claire", "--as-pin", "1111"],
    );
    let text = common::text(&list.stdout);
    assert!(
        text.contains("category\tMobilier\t707100") && text.contains("rate\t550\t445715"),
        "{text}"
    );
}
