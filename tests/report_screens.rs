//! The « Bilans » screen on the demo shop (80×24): the month's takings by day with its bar
//! chart, grouped by category, the tonnage; the same figures as `pepite report`.

mod common;

use common::{at, press, type_text};
use pepite::ops::demo;
use pepite::storage::Store;
use pepite::tui::App;
use ratatui::crossterm::event::KeyCode;

fn screen(app: &App) -> String {
    common::screen_text(app)
}

#[test]
fn a_manager_reads_the_month_takings_by_day_and_category_and_the_tonnage() {
    let mut store = Store::open_in_memory().expect("open");
    demo::create(&mut store, at("08:00:00"), &common::key_dir()).expect("demo");
    let out = tempfile::tempdir().expect("out");
    let mut app = App::new(store, None, at("12:00:00"), common::key_dir())
        .expect("app")
        .with_export_dir(out.path().join("bilans"));
    type_text(&mut app, "c");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "1111");
    press(&mut app, KeyCode::Enter);
    for _ in 0..30 {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen_title(), "Bilans");
    let month = screen(&app);
    assert!(
        month.contains("Chiffre d'affaires — 01/11/2026 → 30/11/2026"),
        "{month}"
    );
    assert!(
        month.contains("2026-11-03") && month.contains("Panier moyen"),
        "{month}"
    );
    insta::assert_snapshot!("takings_by_day", month);

    for _ in 0..9 {
        press(&mut app, KeyCode::Tab);
    }
    let categories = screen(&app);
    assert!(categories.contains("Catégorie / produit"), "{categories}");
    insta::assert_snapshot!("takings_by_category", categories);

    press(&mut app, KeyCode::F(2));
    let tonnage = screen(&app);
    assert!(tonnage.contains("Tonnages"), "{tonnage}");
    insta::assert_snapshot!("tonnage", tonnage);

    // The year's targets: gauges against the share of the year gone.
    press(&mut app, KeyCode::F(2));
    let targets = screen(&app);
    assert!(
        targets.contains("Objectifs — 01/01/2026 → 31/12/2026"),
        "{targets}"
    );
    assert!(
        targets.contains("900 000,000 kg") || targets.contains("900000,000 kg"),
        "{targets}"
    );
    insta::assert_snapshot!("targets", targets);
    press(&mut app, KeyCode::F(2));

    // The month's takings as files, for the treasurer.
    press(&mut app, KeyCode::F(5));
    let said = screen(&app);
    assert!(
        said.contains("ca-category-2026-11-01-2026-11-30.csv et .xlsx écrits"),
        "{said}"
    );
    assert!(
        out.path()
            .join("bilans/ca-category-2026-11-01-2026-11-30.xlsx")
            .exists()
    );
    let csv = std::fs::read_to_string(
        out.path()
            .join("bilans/ca-category-2026-11-01-2026-11-30.csv"),
    )
    .expect("csv");
    assert!(
        csv.contains("Catégorie / produit;Quantité;TTC (€)"),
        "{csv}"
    );

    // Last month: the figures move with the period.
    press(&mut app, KeyCode::Left);
    assert!(
        screen(&app).contains("01/10/2026 → 31/10/2026"),
        "{}",
        screen(&app)
    );
}

#[test]
fn the_status_line_counts_what_waits_for_the_central_and_since_when() {
    use pepite::ops::central::Status;
    use pepite::ops::central::worker::{Shown, Worker};
    let mut store = Store::open_in_memory().expect("open");
    demo::create(&mut store, at("08:00:00"), &common::key_dir()).expect("demo");
    let waiting = Shown {
        status: Status {
            pending: 12,
            last_sync: Some(at("11:17:00")),
        },
        online: false,
        problem: Some("connexion refusée".into()),
    };
    let mut app = App::new(store, None, at("12:00:00"), common::key_dir())
        .expect("app")
        .with_central(
            "postgres://site@central/pepite".into(),
            Worker::showing(waiting),
        );
    type_text(&mut app, "c");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "1111");
    press(&mut app, KeyCode::Enter);
    let home = screen(&app);
    let top = home.lines().next().unwrap_or_default().to_owned();
    assert!(top.contains("12 à transmettre"), "{top}");
    insta::assert_snapshot!("status_line_sync", home);
    // A wider terminal has room for the long form: offline, and since when.
    let mut wide = App::new(
        {
            let mut s = Store::open_in_memory().expect("open");
            demo::create(&mut s, at("08:00:00"), &common::key_dir()).expect("demo");
            s
        },
        None,
        at("12:00:00"),
        common::key_dir(),
    )
    .expect("app")
    .with_central(
        "postgres://site@central/pepite".into(),
        Worker::showing(Shown {
            status: Status {
                pending: 12,
                last_sync: Some(at("09:00:00")),
            },
            online: false,
            problem: None,
        }),
    );
    type_text(&mut wide, "c");
    press(&mut wide, KeyCode::Enter);
    type_text(&mut wide, "1111");
    press(&mut wide, KeyCode::Enter);
    let text = common::screen_text_sized(&wide, 160, 24);
    let top = text.lines().next().unwrap_or_default().to_owned();
    assert!(
        top.contains("centrale injoignable · 12 à transmettre · transmis il y a 3 h"),
        "{top}"
    );
}
