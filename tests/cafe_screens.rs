//! The café's screen as its staff uses it: the café user's home offers the café, an order
//! opened for table 4, lines typed by shortcut with supplements and a note, sent to the
//! stations, billed (a note in the journal), paid; the list is empty again.

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
fn an_order_is_taken_sent_billed_and_paid_at_the_cafe() {
    let mut store = Store::open_in_memory().expect("open");
    demo::create(&mut store, at("08:00:00"), &common::key_dir()).expect("demo");
    let mut app = App::new(store, None, at("12:00:00"), common::key_dir()).expect("app");
    type_text(&mut app, "l");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "4444");
    press(&mut app, KeyCode::Enter);
    let home = screen(&app);
    assert!(home.contains("Café-crêperie"), "{home}");
    assert!(
        !home.contains("Caisse boutique"),
        "the café user sees the café: {home}"
    );
    press(&mut app, KeyCode::Enter);
    assert!(
        screen(&app).contains("Aucune commande ouverte"),
        "{}",
        screen(&app)
    );

    press(&mut app, KeyCode::F(2));
    type_text(&mut app, "4");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "2*gc +oeuf !sans gluten");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "b");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "zz");
    press(&mut app, KeyCode::Enter);
    let order = screen(&app);
    assert!(order.contains("Raccourci « zz » inconnu"), "{order}");
    assert!(
        order.contains("2 × Galette complète (+ œuf) ! sans gluten"),
        "{order}"
    );
    assert!(order.contains("Table 4 — à payer 22,50 €"), "{order}");
    insta::assert_snapshot!("cafe_order", order);

    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::F(3));
    let sent = screen(&app);
    assert!(sent.contains("Envoyé : CRÊPERIE n° 1, BAR n° 1"), "{sent}");
    assert!(sent.contains("envoyé"), "{sent}");
    press(&mut app, KeyCode::F(3));
    assert!(
        screen(&app).contains("Rien de nouveau à envoyer"),
        "{}",
        screen(&app)
    );

    press(&mut app, KeyCode::F(4));
    let billed = screen(&app);
    assert!(
        billed.contains("Addition : note") && billed.contains("/N n° 1"),
        "{billed}"
    );

    press(&mut app, KeyCode::F(2));
    assert!(screen(&app).contains("Encaisser"), "{}", screen(&app));
    press(&mut app, KeyCode::Enter);
    let paid = screen(&app);
    assert!(paid.contains("Payé 22,50 € — rendu 0,00 €"), "{paid}");
    assert!(paid.contains("Aucune commande ouverte"), "{paid}");
}
