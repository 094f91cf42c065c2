//! Whole screens in 80×24 through ratatui's `TestBackend`, snapshotted with insta, and
//! the app driven by plain key events: set-up, login with a PIN, home, a manager list.

mod common;

use common::{at, press, type_text};
use pepite::ops::demo;
use pepite::storage::Store;
use pepite::tui::App;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn screen(app: &App) -> String {
    common::screen_text(app)
}

fn demo_app() -> App {
    let mut store = Store::open_in_memory().expect("open");
    demo::create(&mut store, at("08:00:00"), &common::key_dir()).expect("demo");
    App::new(store, None, at("09:30:00"), common::key_dir()).expect("app")
}

#[test]
fn first_run_asks_for_the_structure_and_a_manager() {
    let store = Store::open_in_memory().expect("open");
    let mut app = App::new(store, None, at("09:30:00"), common::key_dir()).expect("app");
    insta::assert_snapshot!("setup_empty", screen(&app));
    type_text(&mut app, "Recyclerie du Val");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "Nadia");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "2468");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "2469");
    press(&mut app, KeyCode::Enter);
    insta::assert_snapshot!("setup_pin_mismatch", screen(&app));
    assert_eq!(app.screen_title(), "Première installation");
    type_text(&mut app, "2468");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "2468");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen_title(), "Connexion");
    let text = screen(&app);
    assert!(text.contains("Nadia  (encadrant)"), "{text}");
    assert!(text.contains("Structure créée. Connectez-vous."), "{text}");
    assert!(
        text.contains(" Recyclerie du Val │ Boutique │ caisse-1"),
        "{text}"
    );
}

#[test]
fn a_demo_user_logs_in_with_the_pin_shown() {
    let mut app = demo_app();
    insta::assert_snapshot!("login_demo", screen(&app));
    type_text(&mut app, "k");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "2223");
    press(&mut app, KeyCode::Enter);
    let text = screen(&app);
    assert!(
        text.contains("Code faux. Encore 4 essai(s) avant blocage."),
        "{text}"
    );
    assert!(app.session().is_none());
    type_text(&mut app, "2222");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.session().map(|s| s.name().to_string()),
        Some("Karim".into())
    );
    insta::assert_snapshot!("home_cashier", screen(&app));
}

#[test]
fn a_manager_sees_the_manager_screens_and_adds_a_user() {
    let mut app = demo_app();
    type_text(&mut app, "c");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "1111");
    press(&mut app, KeyCode::Enter);
    insta::assert_snapshot!("home_manager", screen(&app));
    type_text(&mut app, "7");
    assert_eq!(app.screen_title(), "Utilisateurs");
    press(&mut app, KeyCode::F(2));
    type_text(&mut app, "Jeanne");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Char(' '));
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Char(' '));
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "7777");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "7777");
    insta::assert_snapshot!("users_add_form", screen(&app));
    press(&mut app, KeyCode::Enter);
    insta::assert_snapshot!("users_after_add", screen(&app));
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::F(10));
    assert_eq!(app.screen_title(), "Connexion");
    assert!(screen(&app).contains("Jeanne  (caisse, tri)"));
}

#[test]
fn categories_show_the_tree_with_unit_weights() {
    let mut app = demo_app();
    type_text(&mut app, "c");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "1111");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "8");
    assert_eq!(app.screen_title(), "Catégories");
    insta::assert_snapshot!("categories", screen(&app));
    // A weight of zero is refused on the form, and what was typed stays.
    press(&mut app, KeyCode::F(2));
    type_text(&mut app, "Luminaires anciens");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "0");
    press(&mut app, KeyCode::Enter);
    let text = screen(&app);
    assert!(
        text.contains("le poids doit être supérieur à zéro"),
        "{text}"
    );
    assert!(text.contains("Luminaires anciens"), "{text}");
}

#[test]
fn quitting_asks_first() {
    let mut app = demo_app();
    app.handle_key(KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL));
    assert!(screen(&app).contains("Quitter pépite ?"));
    press(&mut app, KeyCode::Char('n'));
    assert!(!app.should_quit());
    app.handle_key(KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL));
    press(&mut app, KeyCode::Char('o'));
    assert!(app.should_quit());
}

#[test]
fn the_terminals_screen_marks_this_terminal() {
    let mut app = demo_app();
    type_text(&mut app, "c");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "1111");
    press(&mut app, KeyCode::Enter);
    for _ in 0..9 {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen_title(), "Postes");
    insta::assert_snapshot!("terminals", screen(&app));
}

#[test]
fn the_print_queue_lists_waiting_jobs_and_discards_one() {
    let mut store = Store::open_in_memory().expect("open");
    demo::create(&mut store, at("08:00:00"), &common::key_dir()).expect("demo");
    store
        .write(|tx| {
            use pepite::storage::print_jobs;
            let id = print_jobs::add(
                tx,
                "tcp:10.0.0.9:9100",
                "Ticket caisse-1/T n° 12",
                b"x",
                at("09:00:00"),
            )?;
            print_jobs::failed(
                tx,
                id,
                "Imprimante 10.0.0.9:9100 injoignable : connexion refusée",
            )?;
            print_jobs::add(
                tx,
                "tcp:10.0.0.9:9100",
                "Ticket caisse-1/T n° 13",
                b"y",
                at("09:01:00"),
            )
        })
        .expect("jobs");
    let mut app = App::new(store, None, at("09:30:00"), common::key_dir()).expect("app");
    type_text(&mut app, "c");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "1111");
    press(&mut app, KeyCode::Enter);
    for _ in 0..20 {
        press(&mut app, KeyCode::Down);
    }
    // The print spool is just above the café, the kitchen screen, the menu, the member
    // register and the reports, the last modes.
    for _ in 0..5 {
        press(&mut app, KeyCode::Up);
    }
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen_title(), "Impressions en attente");
    insta::assert_snapshot!("print_jobs", screen(&app));
    press(&mut app, KeyCode::F(4));
    let text = screen(&app);
    assert!(text.contains("abandonné"), "{text}");
}

#[test]
fn a_category_s_till_settings_are_in_its_form_and_a_taken_shortcut_is_refused() {
    let mut app = demo_app();
    type_text(&mut app, "c");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "1111");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "8");
    assert_eq!(app.screen_title(), "Catégories");
    press(&mut app, KeyCode::F(2));
    type_text(&mut app, "Vases");
    for _ in 0..3 {
        press(&mut app, KeyCode::Tab);
    }
    press(&mut app, KeyCode::Right); // 10 %
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "2,50");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "v");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Right); // sold with a guarantee
    press(&mut app, KeyCode::Enter);
    let text = screen(&app);
    assert!(
        text.contains("Le raccourci « v » est déjà celui de « Vêtements »"),
        "{text}"
    );
    // Another letter: saved, with its price and rate, and the till offers it.
    press(&mut app, KeyCode::Backspace);
    type_text(&mut app, "w");
    press(&mut app, KeyCode::Enter);
    for _ in 0..60 {
        press(&mut app, KeyCode::Down);
    }
    let text = screen(&app);
    assert!(
        text.lines().any(|l| l.contains("Vases")
            && l.contains(" w ")
            && l.contains("2,50 €")
            && l.contains("10 %")),
        "{text}"
    );
}

#[test]
fn a_fresh_installation_offers_the_usual_categories_with_shortcuts() {
    let mut store = Store::open_in_memory().expect("open");
    common::initialised(&mut store);
    let sellables = pepite::ops::till::sellables(&mut store).expect("sellables");
    let clothes = sellables
        .iter()
        .find(|s| s.shortcut.as_deref() == Some("v"))
        .expect("a shortcut on a fresh installation");
    assert_eq!(clothes.name, "Vêtements");
    assert!(clothes.price.is_some());
}

#[test]
fn an_item_s_label_is_printed_again_from_the_stock_list() {
    let dir = tempfile::tempdir().expect("dir");
    let labels = dir.path().join("labels.pdf");
    let printers = pepite::tui::Printers {
        receipts: None,
        labels: Some(
            pepite::print::LabelPrinter::start(
                pepite::print::Target::File(labels.clone()),
                "pdf-3x8",
            )
            .expect("label printer"),
        ),
        stations: Default::default(),
    };
    let mut app = demo_app().with_printers(printers);
    type_text(&mut app, "c");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "1111");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "3");
    assert_eq!(app.screen_title(), "Articles en stock");
    assert!(screen(&app).contains("F6 Étiquette"), "{}", screen(&app));
    press(&mut app, KeyCode::F(6));
    let text = screen(&app);
    assert!(text.contains("1 étiquette"), "{text}");
    drop(app);
    let pdf = std::fs::read(&labels).expect("the label went to the printer");
    assert!(pdf.starts_with(b"%PDF"));
}

#[test]
fn the_member_register_searches_shows_the_fees_and_flags_a_duplicate() {
    let mut app = demo_app();
    type_text(&mut app, "c");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "1111");
    press(&mut app, KeyCode::Enter);
    for _ in 1..17 {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen_title(), "Adhérents");
    insta::assert_snapshot!("members_latest", screen(&app));
    // A search by the start of a name; the selected member's fees under the list.
    press(&mut app, KeyCode::F(5));
    type_text(&mut app, "mart");
    press(&mut app, KeyCode::Enter);
    insta::assert_snapshot!("members_search", screen(&app));
    // The same name in the same town: saved, and flagged.
    press(&mut app, KeyCode::F(2));
    type_text(&mut app, "Martin");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "Louise");
    for _ in 0..3 {
        press(&mut app, KeyCode::Tab);
    }
    type_text(&mut app, "Arcueil");
    press(&mut app, KeyCode::Enter);
    let text = screen(&app);
    assert!(
        text.contains("doublon possible : n° 1 Martin Louise"),
        "{text}"
    );
    // F4 flips the consent of the selected (new) member.
    assert!(text.contains("accord contact : non"), "{text}");
    press(&mut app, KeyCode::F(4));
    assert!(screen(&app).contains("accord contact : oui"));
    // A search that finds nobody says so, on the form.
    press(&mut app, KeyCode::F(5));
    type_text(&mut app, "zzz");
    press(&mut app, KeyCode::Enter);
    assert!(screen(&app).contains("Aucun adhérent trouvé"));
}
