//! The board's monthly report as PDF, on the demo shop: rendered by poppler (two A4
//! pages that draw), its text read back holding the key figures, every category row and
//! the targets — the same figures as the takings and tonnage reports; and written by
//! `pepite report month` through the real binary.

mod common;

use chrono::NaiveDate;
use pepite::reports::{By, Cell};
use std::process::Command;

/// Runs a poppler tool; `None` (said) outside CI when poppler-utils is not installed.
fn poppler(name: &str, args: &[&std::ffi::OsStr]) -> Option<std::process::Output> {
    match Command::new(name).args(args).output() {
        Ok(out) => {
            assert!(
                out.status.success(),
                "{name}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            Some(out)
        }
        Err(e) if std::env::var_os("CI").is_some() => {
            panic!("{name}: {e} (.ci/run installs poppler-utils)")
        }
        Err(_) => {
            eprintln!("skipped: install poppler-utils ({name}) to render the PDF");
            None
        }
    }
}

/// Spaces of every width as one plain space, as pdftotext may write them.
fn plain(text: &str) -> String {
    text.replace(['\u{a0}', '\u{202f}'], " ")
}

#[test]
fn the_monthly_report_renders_on_two_pages_with_the_reports_figures() {
    let (mut store, session) = common::demo_with_manager();
    let day = NaiveDate::from_ymd_opt(2026, 11, 24).expect("date");
    let board = pepite::ops::reports::board(&mut store, &session, day, day).expect("board");
    assert_eq!(board.days.len(), 30, "every day of November");
    let takings =
        pepite::ops::reports::takings(&mut store, &session, board.from, board.to, By::Category)
            .expect("takings");
    let pdf = pepite::print::board::pdf(&board).expect("pdf");
    assert!(pdf.starts_with(b"%PDF-"));

    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("bilan.pdf");
    std::fs::write(&file, &pdf).expect("write");
    let Some(info) = poppler("pdfinfo", &[file.as_os_str()]) else {
        return;
    };
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(
        info.lines()
            .any(|l| l.starts_with("Pages:") && l.ends_with(" 2")),
        "{info}"
    );
    assert!(info.contains("595.") && info.contains("841."), "A4: {info}");

    // Rendered: two pages of pixels, not blank.
    let prefix = dir.path().join("page");
    poppler(
        "pdftoppm",
        &[
            "-r".as_ref(),
            "40".as_ref(),
            "-gray".as_ref(),
            file.as_os_str(),
            prefix.as_os_str(),
        ],
    );
    let mut rendered: Vec<_> = std::fs::read_dir(dir.path())
        .expect("dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "pgm"))
        .collect();
    rendered.sort();
    assert_eq!(rendered.len(), 2, "{rendered:?}");
    for page in &rendered {
        let bytes = std::fs::read(page).expect("page");
        let dark = bytes
            .iter()
            .rev()
            .take(300_000)
            .filter(|b| **b < 128)
            .count();
        assert!(
            dark > 500,
            "{} draws something: {dark} dark pixels",
            page.display()
        );
    }

    // Read back: the figures, each category of the takings report, the targets.
    let text = poppler(
        "pdftotext",
        &["-layout".as_ref(), file.as_os_str(), "-".as_ref()],
    )
    .map(|o| plain(&String::from_utf8_lossy(&o.stdout)))
    .expect("text");
    assert!(text.contains("Bilan du mois 11/2026"), "{text}");
    assert!(text.contains("Ressourcerie La Pépite"), "{text}");
    for (label, cell) in &board.figures {
        assert!(text.contains(label.text()), "{}: {text}", label.text());
        assert!(text.contains(&plain(&cell.display())), "{cell:?}: {text}");
    }
    let section = takings.sections.first().expect("by category");
    let total = section.total.as_ref().expect("total");
    let ttc = section
        .columns
        .iter()
        .position(|c| *c == pepite::i18n::Msg::ColTtc)
        .expect("TTC");
    assert_eq!(
        board.figures[0].1, total[ttc],
        "the board's takings = the report's"
    );
    assert!(matches!(total[ttc], Cell::Money(m) if m.cents() > 0));
    for row in section
        .rows
        .iter()
        .take(pepite::reports::board::TOP_ROWS - 1)
    {
        let name = row[0].display();
        assert!(text.contains(&plain(&name)), "{name}: {text}");
    }
    for words in [
        "Devenir des objets",
        "Entrées par catégorie",
        "Objectifs de l'année",
        "Taux de réemploi",
    ] {
        assert!(text.contains(words), "{words}: {text}");
    }
}

#[test]
fn pepite_report_month_writes_the_pdf_and_asks_for_a_file() {
    let home = tempfile::tempdir().expect("home");
    let db = common::demo_db(home.path(), "shop.db");
    let out = home.path().join("bilan.pdf");
    let db = db.to_str().expect("path");
    let made = common::pepite_command(home.path())
        .args(["report", "month", "--db", db, "--as", "Claire", "--out"])
        .arg(&out)
        .env("PEPITE_PIN", "1111")
        .output()
        .expect("run");
    assert!(made.status.success(), "{}", common::text(&made.stderr));
    assert!(std::fs::read(&out).expect("pdf").starts_with(b"%PDF-"));
    let refused = common::pepite_command(home.path())
        .args(["report", "month", "--db", db, "--as", "Claire"])
        .env("PEPITE_PIN", "1111")
        .output()
        .expect("run");
    assert!(!refused.status.success());
    assert!(
        common::text(&refused.stderr).contains("ajoutez --out FICHIER.pdf"),
        "{}",
        common::text(&refused.stderr)
    );
}
