//! The eco-organisations' quarterly declarations on the demo shop: each of their
//! categories sums the kilos of ours mapped to it (in, reused, recycled), to the gram; a
//! category of ours that maps to none is listed, never dropped; a manager remaps one; the
//! command line writes the CSV and says what a wrong quarter is.

mod common;

use pepite::reports::Cell;
use pepite::reports::eco::{Org, quarter};
use pepite::storage::Store;

fn demo_store() -> (Store, pepite::ops::Session) {
    common::demo_with_manager()
}

fn grams(cell: &Cell) -> i64 {
    match cell {
        Cell::Grams(g) => *g,
        other => panic!("not a weight: {other:?}"),
    }
}

#[test]
fn each_declaration_adds_up_and_nothing_is_dropped() {
    let (mut store, session) = demo_store();
    let (from, to) = quarter("2026-T4").expect("quarter");
    let flows = store
        .read(|tx| pepite::storage::eco::flows(tx, "2026-10-01", "2026-12-31"))
        .expect("flows");
    let all_in: i64 = flows.iter().map(|f| f.1).sum();
    assert!(all_in > 0);
    let mut declared_in = 0;
    let mut unmapped_in = 0;
    for org in Org::ALL {
        let report = pepite::ops::reports::eco(&mut store, &session, org, from, to).expect("eco");
        let [main, detail, unmapped] = &report.sections[..] else {
            panic!("three sections")
        };
        let total = main.total.as_ref().expect("total");
        let rows_in: i64 = main.rows.iter().map(|r| grams(&r[1])).sum();
        assert_eq!(grams(&total[1]), rows_in, "{}", org.name());
        let detail_in: i64 = detail.rows.iter().map(|r| grams(&r[2])).sum();
        assert_eq!(
            detail_in,
            rows_in,
            "{}: the detail adds up to the declaration",
            org.name()
        );
        declared_in += rows_in;
        unmapped_in = unmapped.rows.iter().map(|r| grams(&r[1])).sum();
        insta::assert_snapshot!(
            format!("eco_{}_csv", org.code()),
            pepite::reports::export::csv(&report)
        );
    }
    assert_eq!(
        declared_in + unmapped_in,
        all_in,
        "every kilo declared once or listed unmapped"
    );
    let report =
        pepite::ops::reports::eco(&mut store, &session, Org::Refashion, from, to).expect("eco");
    let unmapped: Vec<String> = report.sections[2]
        .rows
        .iter()
        .map(|r| r[0].display())
        .collect();
    assert!(
        unmapped.contains(&"Maroquinerie".to_owned()),
        "{unmapped:?}"
    );

    // Maroquinerie goes to Refashion from now on.
    pepite::ops::reports::map_eco(
        &mut store,
        &session,
        Org::Refashion,
        "Maroquinerie",
        "Maroquinerie",
    )
    .expect("map");
    let report =
        pepite::ops::reports::eco(&mut store, &session, Org::Refashion, from, to).expect("eco");
    assert!(
        report.sections[0]
            .rows
            .iter()
            .any(|r| r[0].display() == "Refashion — Maroquinerie")
    );
    assert!(
        report.sections[2]
            .rows
            .iter()
            .all(|r| r[0].display() != "Maroquinerie")
    );
    assert!(
        pepite::ops::reports::map_eco(&mut store, &session, Org::Refashion, "Inconnue", "X")
            .is_err()
    );
}

#[test]
fn the_command_line_writes_a_declaration() {
    let home = tempfile::tempdir().expect("home");
    let db = common::demo_db(home.path(), "shop.db");
    let db = db.to_str().expect("path");
    let list = common::run_pepite(home.path(), &["eco", "--db", db]);
    assert!(
        common::text(&list.stdout).contains("refashion\tVêtements\tTextiles d'habillement"),
        "{}",
        common::text(&list.stdout)
    );
    let run = common::run_pepite(
        home.path(),
        &[
            "report",
            "eco",
            "--org",
            "ecomaison",
            "--quarter",
            "2026-T4",
            "--format",
            "csv",
            "--db",
            db,
            "--as",
            "Claire",
            "--as-pin",
            "1111",
        ],
    );
    let csv = common::text(&run.stdout);
    assert!(run.status.success(), "{}", common::text(&run.stderr));
    assert!(
        csv.contains("Catégorie éco-organisme;Entrées (kg);Réemploi (kg);Recyclage (kg)"),
        "{csv}"
    );
    let bad = common::run_pepite(
        home.path(),
        &[
            "report",
            "eco",
            "--org",
            "ecomaison",
            "--quarter",
            "2026-T5",
            "--db",
            db,
            "--as",
            "Claire",
            "--as-pin",
            "1111",
        ],
    );
    assert!(!bad.status.success());
    assert!(
        common::text(&bad.stderr).contains("AAAA-T1 à AAAA-T4"),
        "{}",
        common::text(&bad.stderr)
    );
}
