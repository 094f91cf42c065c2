//! The reports' files on the demo shop, golden: CSV (`;`, decimal commas, French column
//! names), JSON (cents, grams, basis points) and XLSX read back with calamine — every
//! number cell equal to the report's figure, to the cent and the gram. And the command
//! line writes them.

mod common;

use calamine::{Data, Reader, Xlsx};
use common::at;
use pepite::ops::demo;
use pepite::reports::{By, Cell, export, xlsx};
use pepite::storage::Store;

fn demo_store() -> Store {
    let mut store = Store::open_in_memory().expect("open");
    demo::create(&mut store, at("08:00:00"), &common::key_dir()).expect("demo");
    store
}

fn november() -> (chrono::NaiveDate, chrono::NaiveDate) {
    (
        "2026-11-01".parse().expect("date"),
        "2026-11-30".parse().expect("date"),
    )
}

#[test]
fn takings_and_tonnage_as_csv_and_json_are_golden() {
    let (mut store, session) = common::demo_with_manager();
    let (from, to) = november();
    for by in [
        By::Day,
        By::Site,
        By::Point,
        By::Vat,
        By::Payment,
        By::Category,
    ] {
        let report =
            pepite::ops::reports::takings(&mut store, &session, from, to, by).expect("report");
        let csv = export::csv(&report);
        assert!(csv.contains("(€)"), "{csv}");
        insta::assert_snapshot!(format!("takings_{}_csv", by.code()), csv);
    }
    let report =
        pepite::ops::reports::takings(&mut store, &session, from, to, By::Month).expect("report");
    insta::assert_snapshot!("takings_month_json", format!("{:#}", export::json(&report)));
    let tonnage = pepite::ops::reports::tonnage(&mut store, &session, from, to).expect("tonnage");
    let csv = export::csv(&tonnage);
    assert!(csv.contains("Poids (kg)"), "{csv}");
    insta::assert_snapshot!("tonnage_csv", csv);
}

#[test]
fn the_xlsx_workbook_reads_back_to_the_same_figures() {
    let (mut store, session) = common::demo_with_manager();
    let (from, to) = november();
    for report in [
        pepite::ops::reports::takings(&mut store, &session, from, to, By::Category)
            .expect("takings"),
        pepite::ops::reports::tonnage(&mut store, &session, from, to).expect("tonnage"),
    ] {
        let bytes = xlsx::workbook(&report).expect("xlsx");
        let mut book: Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).expect("read");
        let names = book.sheet_names().to_vec();
        assert_eq!(names.len(), report.sections.len());
        for (section, name) in report.sections.iter().zip(&names) {
            let range = book.worksheet_range(name).expect("sheet");
            let head: Vec<String> = range
                .rows()
                .next()
                .expect("head")
                .iter()
                .map(|c| c.to_string())
                .collect();
            let columns: Vec<&str> = section.columns.iter().map(|c| c.text()).collect();
            assert_eq!(head, columns, "{name}");
            for (row, cells) in range
                .rows()
                .skip(1)
                .zip(section.rows.iter().chain(section.total.iter()))
            {
                for (got, want) in row.iter().zip(cells) {
                    let number = match got {
                        Data::Float(f) => Some(*f),
                        Data::Int(i) => Some(*i as f64),
                        _ => None,
                    };
                    match want {
                        Cell::Text(t) => assert_eq!(got.to_string(), *t, "{name}"),
                        Cell::Money(m) => assert_eq!(
                            (number.expect("number") * 100.0).round() as i64,
                            m.cents(),
                            "{name}"
                        ),
                        Cell::Grams(g) => assert_eq!(
                            (number.expect("number") * 1000.0).round() as i64,
                            *g,
                            "{name}"
                        ),
                        Cell::Count(n) => assert_eq!(number.expect("number") as i64, *n, "{name}"),
                        Cell::Rate(bp) | Cell::Share(bp) => assert_eq!(
                            (number.expect("number") * 10_000.0).round() as i64,
                            *bp,
                            "{name}"
                        ),
                        Cell::Empty => assert!(matches!(got, Data::Empty), "{name}: {got:?}"),
                    }
                }
            }
        }
    }
}

#[test]
fn the_command_line_writes_each_format() {
    let home = tempfile::tempdir().expect("home");
    let db = common::demo_db(home.path(), "shop.db");
    let db = db.to_str().expect("path");
    let table = common::run_pepite(
        home.path(),
        &[
            "report", "takings", "--db", db, "--by", "month", "--as", "Claire", "--as-pin", "1111",
        ],
    );
    let text = common::text(&table.stdout);
    assert!(
        table.status.success(),
        "{text} {}",
        common::text(&table.stderr)
    );
    assert!(
        text.contains("Chiffre d'affaires") && text.contains("Panier moyen"),
        "{text}"
    );
    for format in ["csv", "json", "xlsx"] {
        let out = home.path().join(format!("ca.{format}"));
        let run = common::run_pepite(
            home.path(),
            &[
                "report",
                "tonnage",
                "--db",
                db,
                "--format",
                format,
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
            std::fs::metadata(&out).expect("written").len() > 100,
            "{format}"
        );
    }
    let no_out = common::run_pepite(
        home.path(),
        &[
            "report", "takings", "--db", db, "--format", "xlsx", "--as", "Claire", "--as-pin",
            "1111",
        ],
    );
    assert!(!no_out.status.success());
    assert!(
        common::text(&no_out.stderr).contains("--out"),
        "{}",
        common::text(&no_out.stderr)
    );
    let set = common::run_pepite(
        home.path(),
        &[
            "target",
            "2026",
            "--db",
            db,
            "--collected",
            "1000",
            "--reused",
            "400",
            "--takings",
            "1200000",
            "--as",
            "Claire",
            "--as-pin",
            "1111",
        ],
    );
    assert!(set.status.success(), "{}", common::text(&set.stderr));
    let targets = common::run_pepite(
        home.path(),
        &[
            "report",
            "targets",
            "--db",
            db,
            "--to",
            "2026-12-31",
            "--format",
            "csv",
            "--as",
            "Claire",
            "--as-pin",
            "1111",
        ],
    );
    let csv = common::text(&targets.stdout);
    assert!(
        csv.contains("Collecté;1000000,000;") && csv.contains("Chiffre d'affaires;1200000,00;"),
        "{csv}"
    );
    let no_site = common::run_pepite(
        home.path(),
        &[
            "target",
            "2026",
            "--site",
            "99",
            "--db",
            db,
            "--collected",
            "1",
            "--reused",
            "1",
            "--takings",
            "1",
            "--as",
            "Claire",
            "--as-pin",
            "1111",
        ],
    );
    assert!(!no_site.status.success());
    assert!(
        common::text(&no_site.stderr).contains("Site introuvable"),
        "{}",
        common::text(&no_site.stderr)
    );
    let wrong_pin = common::run_pepite(
        home.path(),
        &[
            "report", "takings", "--db", db, "--as", "Claire", "--as-pin", "9999",
        ],
    );
    assert!(!wrong_pin.status.success(), "a report needs a manager");
}

/// The lines copied at sale time (`sale_line`, what reports read) say what the tickets'
/// own payloads say, category by category, to the cent.
#[test]
fn the_report_lines_agree_with_the_tickets_payloads() {
    let mut store = demo_store();
    let (from, to) = ("2026-10-01", "2026-11-30");
    let (copied, payloads) = store
        .read(|tx| {
            Ok::<_, pepite::storage::StorageError>((
                pepite::storage::reports::takings_by_category(tx, from, to)?,
                pepite::storage::reports::takings_by_category_from_payloads(tx, from, to)?,
            ))
        })
        .expect("read");
    let copied: std::collections::BTreeMap<String, i64> = copied
        .into_iter()
        .map(|(c, _, ttc, _, _)| (c, ttc.cents()))
        .collect();
    let payloads: std::collections::BTreeMap<String, i64> = payloads
        .into_iter()
        .map(|(c, ttc)| (c, ttc.cents()))
        .collect();
    assert!(!copied.is_empty());
    assert_eq!(copied, payloads);
}
