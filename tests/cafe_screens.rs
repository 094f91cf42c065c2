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
    assert!(
        order.contains("« zz » : ni un raccourci ni un produit"),
        "{order}"
    );
    assert!(
        order.contains("2 × Galette complète (+ œuf) ! sans gluten"),
        "{order}"
    );
    assert!(
        order.contains("Table 4 (Sur place) — à payer 22,50 €"),
        "{order}"
    );
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

/// The café user's home, then the café list.
fn cafe_app() -> App {
    let mut store = Store::open_in_memory().expect("open");
    demo::create(&mut store, at("08:00:00"), &common::key_dir()).expect("demo");
    let mut app = App::new(store, None, at("12:00:00"), common::key_dir()).expect("app");
    type_text(&mut app, "l");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "4444");
    press(&mut app, KeyCode::Enter);
    app
}

fn add_lines(app: &mut App, lines: &[&str]) {
    for line in lines {
        type_text(app, line);
        press(app, KeyCode::Enter);
    }
}

#[test]
fn the_kitchen_says_ready_tables_move_and_merge_and_pay_by_lines_and_parts() {
    let mut app = cafe_app();
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::F(2));
    type_text(&mut app, "2");
    press(&mut app, KeyCode::Enter);
    add_lines(&mut app, &["gc", "cs", "2*b"]);
    press(&mut app, KeyCode::F(3));
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::F(2));
    type_text(&mut app, "Dupont");
    press(&mut app, KeyCode::Tab);
    assert!(screen(&app).contains("À emporter"), "{}", screen(&app));
    press(&mut app, KeyCode::Enter);
    add_lines(&mut app, &["k"]);
    assert!(
        screen(&app).contains("Dupont (À emporter)"),
        "{}",
        screen(&app)
    );
    press(&mut app, KeyCode::F(3));
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);

    // The crêperie's screen: its ticket, then the bar's two; each marked « prêt ».
    let home = screen(&app);
    assert!(home.contains("Écran cuisine"), "{home}");
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    let kitchen = screen(&app);
    assert!(kitchen.contains("CRÊPERIE — bons en attente"), "{kitchen}");
    assert!(kitchen.contains("1 × Galette complète"), "{kitchen}");
    assert!(!kitchen.contains("Bière"), "only its station: {kitchen}");
    insta::assert_snapshot!("kitchen_screen", kitchen);
    press(&mut app, KeyCode::Enter);
    assert!(screen(&app).contains("Bon n° 1 prêt."), "{}", screen(&app));
    assert!(
        screen(&app).contains("Rien en attente."),
        "{}",
        screen(&app)
    );
    press(&mut app, KeyCode::Right);
    let bar = screen(&app);
    assert!(
        bar.contains("2 × Bière pression") && bar.contains("Dupont"),
        "{bar}"
    );
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Enter);
    let list = screen(&app);
    let table = list.lines().find(|l| l.contains("Table 2")).unwrap_or("");
    let dupont = list.lines().find(|l| l.contains("Dupont")).unwrap_or("");
    assert!(table.contains("prêt"), "{list}");
    assert!(
        !dupont.contains("prêt"),
        "the bar has not served it: {list}"
    );

    // Table 2 moves to table 5, then Dupont joins it.
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::F(7));
    type_text(&mut app, "5");
    press(&mut app, KeyCode::Enter);
    assert!(
        screen(&app).contains("Commande déplacée vers « 5 »"),
        "{}",
        screen(&app)
    );
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::F(7));
    type_text(&mut app, "5");
    press(&mut app, KeyCode::Enter);
    let merged = screen(&app);
    assert!(merged.contains("Commande fusionnée avec « 5 »"), "{merged}");
    assert!(
        merged.contains("Table 5 (Sur place) — à payer 20,00 €"),
        "{merged}"
    );

    // Dupont's coffee stays taken away; served here after all, then taken away again.
    assert!(
        screen(&app).contains("Café [À emporter]"),
        "{}",
        screen(&app)
    );
    press(&mut app, KeyCode::F(8));
    assert!(
        screen(&app).contains("Café : Sur place"),
        "{}",
        screen(&app)
    );
    assert!(!screen(&app).contains("[À emporter]"), "{}", screen(&app));
    press(&mut app, KeyCode::F(8));
    assert!(
        screen(&app).contains("Café [À emporter]"),
        "{}",
        screen(&app)
    );
    // The beers paid alone.
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::F(5));
    press(&mut app, KeyCode::F(2));
    let paying = screen(&app);
    assert!(
        paying.contains("1 ligne(s) choisie(s)") && paying.contains("7,00 €"),
        "{paying}"
    );
    press(&mut app, KeyCode::Enter);
    let rest = screen(&app);
    assert!(
        rest.contains("la commande reste ouverte (13,00 € à payer)"),
        "{rest}"
    );

    // The rest in three equal parts, the first by two methods.
    press(&mut app, KeyCode::F(6));
    type_text(&mut app, "3");
    press(&mut app, KeyCode::Enter);
    let part = screen(&app);
    assert!(
        part.contains("Part 1 sur 3") && part.contains("4,34 €"),
        "{part}"
    );
    for _ in 0..4 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "2");
    press(&mut app, KeyCode::Enter);
    let half = screen(&app);
    assert!(half.contains("Reste") && half.contains("2,34"), "{half}");
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Enter);
    assert!(screen(&app).contains("Payé 4,34 €"), "{}", screen(&app));
    for expected in ["Part 2 sur 3", "Part 3 sur 3"] {
        press(&mut app, KeyCode::F(2));
        let part = screen(&app);
        assert!(part.contains(expected) && part.contains("4,33 €"), "{part}");
        press(&mut app, KeyCode::Enter);
    }
    let done = screen(&app);
    assert!(
        done.contains("Aucune commande ouverte") || !done.contains("Table 5"),
        "{done}"
    );
}

#[test]
fn a_manager_keeps_the_menu_and_a_product_switched_off_is_refused_at_the_cafe() {
    let mut store = Store::open_in_memory().expect("open");
    demo::create(&mut store, at("08:00:00"), &common::key_dir()).expect("demo");
    let mut app = App::new(store, None, at("12:00:00"), common::key_dir()).expect("app");
    type_text(&mut app, "c");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "1111");
    press(&mut app, KeyCode::Enter);
    // The café's menu, above the member register and the reports.
    for _ in 0..30 {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen_title(), "Carte du café");
    let menu = screen(&app);
    assert!(
        menu.contains("Galette complète") && menu.contains("gc"),
        "{menu}"
    );

    // A new product, with a prix libre minimum above its price: refused, then right.
    press(&mut app, KeyCode::F(2));
    type_text(&mut app, "Galette du mois");
    press(&mut app, KeyCode::Enter);
    let no_price = screen(&app);
    assert!(no_price.contains("Le prix est obligatoire"), "{no_price}");
    assert!(
        no_price.contains("Galette du mois"),
        "nothing typed is lost: {no_price}"
    );
    // The form waits on the price; start again from the top.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::F(2));
    type_text(&mut app, "Galette du mois");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "Galettes");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "gx");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "9,00");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "9,50");
    press(&mut app, KeyCode::Enter);
    assert!(screen(&app).contains("9,50"), "{}", screen(&app));
    assert!(
        screen(&app).contains("Nouveau produit"),
        "still the form: {}",
        screen(&app)
    );
    for _ in 0..4 {
        press(&mut app, KeyCode::Backspace);
    }
    press(&mut app, KeyCode::Enter);
    let saved = screen(&app);
    assert!(saved.contains("Galette du mois"), "{saved}");

    // The first product switched off for the day.
    press(&mut app, KeyCode::Up);
    for _ in 0..40 {
        press(&mut app, KeyCode::Up);
    }
    press(&mut app, KeyCode::F(4));
    let first = screen(&app);
    insta::assert_snapshot!("menu_table", first);

    // At the café, the beer is off the menu today.
    press(&mut app, KeyCode::Esc);
    for _ in 0..30 {
        press(&mut app, KeyCode::Down);
    }
    for _ in 0..4 {
        press(&mut app, KeyCode::Up);
    }
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen_title(), "Café-crêperie");
    press(&mut app, KeyCode::F(2));
    type_text(&mut app, "1");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "b");
    press(&mut app, KeyCode::Enter);
    let refused = screen(&app);
    assert!(
        refused.contains("Bière pression") && refused.contains("⚠"),
        "{refused}"
    );
}

fn ctrl(app: &mut App, c: char) {
    use ratatui::crossterm::event::{KeyEvent, KeyModifiers};
    app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
}

#[test]
fn a_member_card_gives_the_member_price_and_fees_and_donations_are_taken_at_the_cafe() {
    let mut app = cafe_app();
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::F(2));
    type_text(&mut app, "7");
    press(&mut app, KeyCode::Enter);
    add_lines(&mut app, &["2*k"]);
    assert!(screen(&app).contains("à payer 3,00 €"), "{}", screen(&app));
    // Louise Martin's card (member n° 1, paid for 2026): the coffee at its member price.
    let card = pepite::domain::member::card_code(1).expect("code");
    add_lines(&mut app, &[card.as_str()]);
    let priced = screen(&app);
    assert!(
        priced.contains("Carte n° 1 : adhérent jusqu'au 31/12/2026"),
        "{priced}"
    );
    assert!(priced.contains("à payer 2,00 €"), "{priced}");
    // An unknown card is said, and adds nothing.
    let unknown = pepite::domain::member::card_code(9999).expect("code");
    add_lines(&mut app, &[unknown.as_str()]);
    assert!(
        screen(&app).contains("aucun adhérent n° 9999"),
        "{}",
        screen(&app)
    );
    press(&mut app, KeyCode::Esc);

    // « Adhésion » from the list: member n° 1, the first offer, taken in cash.
    ctrl(&mut app, 'a');
    type_text(&mut app, "1");
    press(&mut app, KeyCode::F(2));
    let taking = screen(&app);
    assert!(
        taking.contains("Adhésion n° 1 Individuelle  10,00 €"),
        "{taking}"
    );
    insta::assert_snapshot!("cafe_fee_taking", taking);
    press(&mut app, KeyCode::Enter);
    let taken = screen(&app);
    assert!(
        taken
            .contains("Adhésion n° 1 Individuelle : 10,00 € encaissé par Espèces — caisse-1/P n° "),
        "{taken}"
    );

    // « Don » with a tax receipt needs the donor's name and address.
    ctrl(&mut app, 'd');
    type_text(&mut app, "Jean Dupont");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "20");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::F(2));
    assert!(
        screen(&app).contains("le nom et l'adresse du donateur sont obligatoires"),
        "{}",
        screen(&app)
    );
    // The refusal went back to the donor's field; the address is the next one.
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "3 rue des Lilas 94110 Arcueil");
    press(&mut app, KeyCode::F(2));
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Enter);
    let given = screen(&app);
    assert!(
        given.contains("Don : 20,00 € encaissé par Carte bancaire — caisse-1/P n° "),
        "{given}"
    );
}
