//! The sorting bench and the manager's sorting screens in 80×24 through `TestBackend`:
//! an intake with a refused weight, a correction, items made from it, an outbound flow,
//! and the lists of items, price grid, markdown rules and sorting lists.

mod common;

use common::{at, press, screen_text, type_text};
use pepite::ops::demo;
use pepite::storage::Store;
use pepite::tui::App;
use ratatui::crossterm::event::KeyCode;

fn logged_in(initial: &str, pin: &str) -> App {
    let mut store = Store::open_in_memory().expect("open");
    demo::create(&mut store, at("08:00:00"), &common::key_dir()).expect("demo");
    let mut app = App::new(store, None, at("09:30:00"), common::key_dir()).expect("app");
    type_text(&mut app, initial);
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, pin);
    press(&mut app, KeyCode::Enter);
    app
}

/// The number written after `prefix` on the screen.
fn number_after(text: &str, prefix: &str) -> i64 {
    text.split(prefix)
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no « {prefix} » on {text}"))
}

#[test]
fn an_intake_a_correction_items_and_an_outbound_flow() {
    let mut app = logged_in("s", "3333");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen_title(), "Tri / apports");
    insta::assert_snapshot!("sorting_empty", screen_text(&app));
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "gent");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "livres");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "0");
    press(&mut app, KeyCode::Enter);
    let text = screen_text(&app);
    assert!(text.contains("le poids doit être"), "{text}");
    press(&mut app, KeyCode::Backspace);
    type_text(&mut app, "31,5");
    press(&mut app, KeyCode::Tab);
    for _ in 0..3 {
        press(&mut app, KeyCode::Right); // Caisse, 1,5 kg
    }
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Right); // recycling
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "jou");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "6");
    press(&mut app, KeyCode::Enter);
    insta::assert_snapshot!("sorting_two_lines", screen_text(&app));
    press(&mut app, KeyCode::F(2));
    let text = screen_text(&app);
    // The demo's four weeks of intakes come first: this one is the next number.
    let first = number_after(&text, "Apport n° ");
    assert!(
        text.contains(&format!("Apport n° {first} enregistré : 34,500 kg net")),
        "{text}"
    );
    // The toys weighed 7 kg: correct the last intake, with a reason. The correction
    // starts from the intake's own provenance and town, not the form's defaults.
    press(&mut app, KeyCode::F(7));
    let text = screen_text(&app);
    assert!(
        text.lines()
            .any(|l| l.contains("Commune") && l.contains("gent")),
        "the correction lost the town:\n{text}"
    );
    press(&mut app, KeyCode::Delete);
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Up);
    type_text(&mut app, "jouets");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "7");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::F(2));
    assert!(screen_text(&app).contains("Une correction doit dire pourquoi"));
    for _ in 0..4 {
        press(&mut app, KeyCode::Down);
    }
    type_text(&mut app, "poids mal lu");
    press(&mut app, KeyCode::F(2));
    let text = screen_text(&app);
    // The corrected line was weighed bare this time: 30 + 7 kg.
    assert!(
        text.contains(&format!(
            "Apport n° {} enregistré : 37,000 kg net",
            first + 1
        )),
        "{text}"
    );
    // Items from it, then labels without a label printer: said, nothing lost.
    // The category comes from the intake's line for the shop.
    press(&mut app, KeyCode::F(3));
    assert!(screen_text(&app).contains("Catégorie             Jouets"));
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "Coffret de jeux anciens");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "25");
    press(&mut app, KeyCode::Enter);
    insta::assert_snapshot!("sorting_items", screen_text(&app));
    press(&mut app, KeyCode::F(5));
    assert!(screen_text(&app).contains("Aucune imprimante d'étiquettes configurée"));
    press(&mut app, KeyCode::Esc);
    // An outbound flow: scrap metal to a recycler.
    press(&mut app, KeyCode::F(6));
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "ferrail");
    press(&mut app, KeyCode::Tab);
    // A fraction not in the manager's list is refused, naming the list.
    type_text(&mut app, "plomb");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "120");
    press(&mut app, KeyCode::Enter);
    let text = screen_text(&app);
    assert!(
        text.contains("« plomb » : une catégorie ou une fraction"),
        "{text}"
    );
    for _ in 0..5 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "ferraille");
    press(&mut app, KeyCode::Enter);
    // « mét » is the list's « Métaux non ferreux », weighed in a container whose tare
    // comes off: never a fraction of its own.
    type_text(&mut app, "mét");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "31,5");
    press(&mut app, KeyCode::Tab);
    for _ in 0..3 {
        press(&mut app, KeyCode::Right); // Caisse, 1,5 kg
    }
    press(&mut app, KeyCode::Enter);
    let text = screen_text(&app);
    assert!(text.contains("Métaux non ferreux"), "{text}");
    press(&mut app, KeyCode::F(2));
    let text = screen_text(&app);
    let outbound = number_after(&text, "Sortie n° ");
    assert!(
        text.contains(&format!("Sortie n° {outbound} enregistrée : 150,000 kg")),
        "{text}"
    );
}

#[test]
fn the_managers_sorting_screens() {
    let mut app = logged_in("c", "1111");
    type_text(&mut app, "3");
    assert_eq!(app.screen_title(), "Articles en stock");
    insta::assert_snapshot!("items_in_stock", screen_text(&app));
    press(&mut app, KeyCode::F(3));
    for _ in 0..6 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "99");
    press(&mut app, KeyCode::Enter);
    assert!(
        screen_text(&app).contains("→ 99,00 € (noté au journal des prix)"),
        "{}",
        screen_text(&app)
    );
    press(&mut app, KeyCode::F(5));
    press(&mut app, KeyCode::Enter);
    assert!(
        screen_text(&app).contains("retiré de la vente : sortie vers don"),
        "{}",
        screen_text(&app)
    );
    press(&mut app, KeyCode::Esc);
    type_text(&mut app, "4");
    assert_eq!(app.screen_title(), "Grille de prix");
    insta::assert_snapshot!("price_grid", screen_text(&app));
    press(&mut app, KeyCode::Esc);
    type_text(&mut app, "5");
    insta::assert_snapshot!("markdown_rules", screen_text(&app));
    press(&mut app, KeyCode::Esc);
    type_text(&mut app, "6");
    insta::assert_snapshot!("sorting_lists", screen_text(&app));
}
