//! The till screen in 80×24 through `TestBackend`: the opening float, a scan told from
//! typing by its timing (also from a US-layout scanner on an AZERTY machine, and ending
//! with Ctrl+J), an unknown code that rings and adds nothing, shortcuts, payment with
//! change in large figures, the receipt question, a parked ticket, the X and the Z.

mod common;

use common::at;
use pepite::ops::demo;
use pepite::storage::{Store, items};
use pepite::tui::App;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// An app with a synthetic clock for key timings.
struct Till {
    app: App,
    clock_us: u64,
    codes: Vec<String>,
}

impl Till {
    fn key(&mut self, code: KeyCode, modifiers: KeyModifiers, gap_ms: u64) {
        self.clock_us += gap_ms * 1000;
        self.app
            .handle_key_at(KeyEvent::new(code, modifiers), self.clock_us);
    }

    /// A person: 150 ms between keys, then a pause.
    fn human(&mut self, text: &str) {
        for c in text.chars() {
            self.key(KeyCode::Char(c), KeyModifiers::NONE, 150);
        }
        self.clock_us += 500_000;
        self.app.idle_at(self.clock_us);
    }

    fn press(&mut self, code: KeyCode) {
        self.key(code, KeyModifiers::NONE, 300);
        self.clock_us += 500_000;
        self.app.idle_at(self.clock_us);
    }

    /// A scanner: 4 ms between keys, Enter at the end.
    fn scan(&mut self, code: &str) {
        for c in code.chars() {
            self.key(KeyCode::Char(c), KeyModifiers::NONE, 4);
        }
        self.key(KeyCode::Enter, KeyModifiers::NONE, 4);
    }

    fn screen(&self) -> String {
        common::screen_text(&self.app)
    }
}

/// The demo, Karim logged in, the till opened on its float screen.
fn till() -> Till {
    till_on(Store::open_in_memory().expect("open"))
}

fn till_on(mut store: Store) -> Till {
    demo::create(&mut store, at("08:00:00"), &common::key_dir()).expect("demo");
    let mut codes = store
        .read(|tx| items::some_in_stock(tx, 45))
        .expect("codes");
    codes.sort();
    let app = App::new(store, None, at("09:30:00"), common::key_dir()).expect("app");
    let mut till = Till {
        app,
        clock_us: 1_000_000,
        codes,
    };
    till.human("k");
    till.press(KeyCode::Enter);
    till.human("2222");
    till.press(KeyCode::Enter);
    till.press(KeyCode::Enter);
    till
}

#[test]
fn opening_selling_paying_with_a_scanner() {
    let mut t = till();
    insta::assert_snapshot!("till_opening", t.screen());
    t.press(KeyCode::Down);
    t.press(KeyCode::Down);
    t.human("5");
    t.press(KeyCode::Down);
    t.human("5");
    t.press(KeyCode::F(2));
    let text = t.screen();
    assert!(
        text.contains("Caisse ouverte : fond de caisse 150,00 €"),
        "{text}"
    );

    // A scanner's burst is a scan; nothing reaches the input line.
    let chair = t.codes[0].clone();
    t.scan(&chair);
    let text = t.screen();
    assert!(text.contains("Chaise bistrot en bois"), "{text}");
    assert!(text.contains("› ▏"), "the input line stays empty:\n{text}");
    // The same code typed by hand is typing, then Enter adds it — refused as a duplicate.
    t.human(&chair);
    assert!(t.screen().contains(&format!("› {chair}▏")));
    t.press(KeyCode::Enter);
    assert!(t.screen().contains("déjà dans le ticket"));
    // What was typed stays until the cashier clears it.
    assert!(t.screen().contains(&format!("› {chair}▏")));
    t.press(KeyCode::Esc);
    // A US-layout scanner on AZERTY, ending with Ctrl+J.
    let lamp = t.codes[4].clone();
    let azerty: String = lamp
        .chars()
        .map(|c| {
            "à&é\"'(-è_ç"
                .chars()
                .nth(c as usize - '0' as usize)
                .expect("digit")
        })
        .collect();
    for c in azerty.chars() {
        t.key(KeyCode::Char(c), KeyModifiers::NONE, 3);
    }
    t.key(KeyCode::Char('j'), KeyModifiers::CONTROL, 3);
    assert!(t.screen().contains("Lampe de chevet laiton"));
    // An unknown code rings and adds nothing.
    t.scan("2000000099996");
    assert!(t.app.take_bell());
    assert!(
        t.screen()
            .contains("Code 2000000099996 inconnu : rien n'a été ajouté")
    );
    // Shortcuts: three paperbacks, 2,50 € of crockery.
    t.human("3*d");
    t.press(KeyCode::Enter);
    t.human("2,50 s");
    t.press(KeyCode::Enter);
    insta::assert_snapshot!("till_selling", t.screen());

    // Pay: 10 € by card, 20 € cash; change in large figures.
    t.press(KeyCode::F(2));
    t.press(KeyCode::Right);
    t.human("10");
    t.press(KeyCode::Enter);
    t.press(KeyCode::Left);
    t.human("20");
    t.press(KeyCode::Enter);
    insta::assert_snapshot!("till_paying", t.screen());
    t.press(KeyCode::F(2));
    insta::assert_snapshot!("till_done", t.screen());
    // No receipt unless asked: Enter is "no".
    t.press(KeyCode::Enter);
    assert!(t.screen().contains("Ticket en cours"));

    // The sold chair scanned again says on which ticket it went.
    t.scan(&chair);
    assert!(t.screen().contains("Déjà vendu (…"), "{}", t.screen());
}

#[test]
fn park_resume_x_and_z() {
    let mut t = till();
    t.press(KeyCode::F(2));
    t.human("d");
    t.press(KeyCode::Enter);
    t.press(KeyCode::F(6));
    assert!(t.screen().contains("Ticket mis en attente (1 en attente)"));
    t.human("v");
    t.press(KeyCode::Enter);
    t.press(KeyCode::F(7));
    t.press(KeyCode::Enter);
    let text = t.screen();
    assert!(
        text.contains("Livre de poche") && text.contains("(1 en attente)"),
        "{text}"
    );
    // Pay the resumed ticket exactly by card.
    t.press(KeyCode::F(2));
    t.press(KeyCode::Right);
    t.press(KeyCode::Enter);
    t.press(KeyCode::F(2));
    t.human("n");
    t.press(KeyCode::F(7));
    t.press(KeyCode::Enter);
    t.press(KeyCode::F(2));
    t.press(KeyCode::Enter);
    t.press(KeyCode::F(2));
    t.human("n");
    t.press(KeyCode::F(11));
    insta::assert_snapshot!("till_x", t.screen());
    t.press(KeyCode::Esc);
    // The Z needs a manager's PIN, then the count.
    t.press(KeyCode::F(12));
    assert!(t.screen().contains("un encadrant doit taper son code"));
    t.human("1111");
    t.press(KeyCode::Enter);
    t.human("1");
    t.press(KeyCode::Tab);
    t.human("1");
    insta::assert_snapshot!("till_z", t.screen());
    t.press(KeyCode::F(2));
    assert!(t.screen().contains("un commentaire est obligatoire"));
    t.press(KeyCode::Tab);
    t.press(KeyCode::Tab);
    t.human("Test de clôture");
    t.press(KeyCode::F(2));
    let text = t.screen();
    assert!(text.contains("Journée close"), "{text}");
    assert_eq!(t.app.screen_title(), "Accueil");
    // Back to the till the same day (a Z made too early): a new session opens with its
    // own float, said at once, and sells.
    t.press(KeyCode::Enter);
    let text = t.screen();
    assert!(
        text.contains("Nouvelle session (Z du 24/11 fait)"),
        "{text}"
    );
    t.press(KeyCode::F(2));
    t.human("d");
    t.press(KeyCode::Enter);
    t.press(KeyCode::F(2));
    t.press(KeyCode::Right);
    t.press(KeyCode::Enter);
    t.press(KeyCode::F(2));
    t.human("n");
    let text = t.screen();
    assert!(text.contains("Ticket en cours"), "{text}");
}

#[test]
fn a_refund_finds_the_ticket_by_scanning_its_receipt() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("shop.db");
    let mut t = till_on(Store::open(&path).expect("open"));
    t.press(KeyCode::F(2));
    let chair = t.codes[0].clone();
    t.scan(&chair);
    t.human("2*");
    t.scan(&t.codes[5].clone());
    assert!(
        t.screen().contains("objet unique"),
        "3* before an item's code is refused"
    );
    t.press(KeyCode::Esc);
    t.human("d");
    t.press(KeyCode::Enter);
    t.human("4*");
    t.press(KeyCode::Enter);
    let text = t.screen();
    assert!(
        text.contains(" 2 Livre de poche") && text.contains("4,00 €"),
        "{text}"
    );
    t.press(KeyCode::F(2));
    t.press(KeyCode::Enter);
    t.press(KeyCode::F(2));
    t.human("n");
    // Another connection reads the receipt's code, as the printed barcode would give it.
    let mut reader = Store::open(&path).expect("reader");
    let (series, number) = (
        "caisse-1/T".to_owned(),
        reader
            .read(|tx| pepite::storage::journal::last_number(tx, "caisse-1/T"))
            .expect("last")
            .expect("a ticket"),
    );
    let code = pepite::ops::till::receipt_code(&mut reader, &series, number)
        .expect("code")
        .expect("receipt");
    t.press(KeyCode::F(9));
    t.human("1111");
    t.press(KeyCode::Enter);
    assert!(t.screen().contains("Scannez le ticket à rembourser"));
    t.scan(code.as_str());
    let text = t.screen();
    assert!(
        text.contains(&format!("Rembourser {series} n° {number}")),
        "{text}"
    );
    // The reason, chosen with ←→, goes on the refund.
    t.press(KeyCode::Right);
    assert!(t.screen().contains("◀ ne convient pas ▶"), "{}", t.screen());
    t.press(KeyCode::Char(' '));
    t.press(KeyCode::F(2));
    let text = t.screen();
    assert!(
        text.contains("Remboursement caisse-1/T n°") && text.contains("-15,00 €"),
        "{text}"
    );
}

#[test]
fn a_printer_that_is_off_shows_on_the_status_line_and_the_sale_stands() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("port")
        .port();
    let mut t = till();
    let printer = pepite::print::Printer::start(
        pepite::print::Target::Tcp {
            host: "127.0.0.1".into(),
            port,
        },
        pepite::print::Profile::by_id("epson-tm-t88v").expect("profile"),
    );
    t.app = std::mem::replace(
        &mut t.app,
        App::new(
            Store::open_in_memory().expect("open"),
            None,
            at("09:30:00"),
            common::key_dir(),
        )
        .expect("placeholder"),
    )
    .with_printers(pepite::tui::Printers {
        receipts: Some(printer),
        labels: None,
        stations: Default::default(),
    });
    t.press(KeyCode::F(2));
    t.human("d");
    t.press(KeyCode::Enter);
    t.press(KeyCode::F(2));
    t.press(KeyCode::Enter); // cash: the drawer pulse goes to the printer
    t.press(KeyCode::F(2));
    assert!(t.screen().contains("Ticket caisse-1/T n°"));
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let mut text = t.screen();
    while !text.contains("⚠ imprimante") && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
        text = t.screen();
    }
    assert!(text.contains("⚠ imprimante"), "{text}");
    t.human("o");
    assert!(t.screen().contains("envoyé à l'imprimante"));
    // Once the message of the moment is gone, the fault is spelled out below.
    t.human("x");
    let text = t.screen();
    assert!(
        text.contains("injoignable") && text.contains("en attente"),
        "{text}"
    );
}

#[test]
fn training_mode_numbers_apart_and_refuses_refunds() {
    let mut t = till();
    t.press(KeyCode::F(2));
    // A manager starts a practice session: a PIN, then MODE ÉCOLE.
    t.key(KeyCode::Char('e'), KeyModifiers::CONTROL, 300);
    assert!(
        t.screen().contains("un encadrant doit taper son code"),
        "{}",
        t.screen()
    );
    t.human("1111");
    t.press(KeyCode::Enter);
    let text = t.screen();
    assert!(text.contains("Ticket en cours — MODE ÉCOLE"), "{text}");
    t.human("d");
    t.press(KeyCode::Enter);
    t.press(KeyCode::F(9));
    assert!(t.screen().contains("Pas en mode école"));
    // Nor the real drawer.
    t.key(KeyCode::Char('t'), KeyModifiers::CONTROL, 300);
    assert!(t.screen().contains("Pas en mode école"));
    t.press(KeyCode::F(2));
    t.press(KeyCode::Right);
    t.press(KeyCode::Enter);
    t.press(KeyCode::F(2));
    let text = t.screen();
    assert!(text.contains("Ticket caisse-1/ECOLE/T n° 1"), "{text}");
    t.human("n");
    t.key(KeyCode::Char('e'), KeyModifiers::CONTROL, 300);
    assert!(t.screen().contains("Fin du mode école"));
    // Training tickets are not takings.
    t.press(KeyCode::F(11));
    let text = t.screen();
    assert!(
        text.lines()
            .any(|l| l.contains("Total TTC") && l.contains(" 0,00 €")),
        "{text}"
    );
}

#[test]
fn the_drawer_without_a_sale_takes_a_reason_and_money_in_or_out() {
    let mut t = till_on(Store::open_in_memory().expect("open"));
    t.press(KeyCode::F(2));
    // Ctrl+T: a manager's PIN, then the drawer opened with its reason.
    t.key(KeyCode::Char('t'), KeyModifiers::CONTROL, 300);
    t.human("1111");
    t.press(KeyCode::Enter);
    assert!(t.screen().contains("Ouverture du tiroir"), "{}", t.screen());
    t.press(KeyCode::F(2));
    assert!(t.screen().contains("Donnez la raison"), "{}", t.screen());
    t.human("monnaie au voisin");
    t.press(KeyCode::F(2));
    assert!(t.screen().contains("Tiroir ouvert"), "{}", t.screen());
    // Again, → to a bank deposit: its amount and reason.
    t.key(KeyCode::Char('t'), KeyModifiers::CONTROL, 300);
    t.human("1111");
    t.press(KeyCode::Enter);
    for _ in 0..3 {
        t.press(KeyCode::Right);
    }
    insta::assert_snapshot!("till_bank_deposit", t.screen());
    t.human("50");
    t.press(KeyCode::Tab);
    t.human("dépôt de midi");
    t.press(KeyCode::F(2));
    let text = t.screen();
    assert!(text.contains("Dépôt en banque de 50,00 € noté"), "{text}");
}

#[test]
fn typed_input_that_adds_nothing_says_why_and_a_voucher_scanned_pays() {
    let mut t = till_on(Store::open_in_memory().expect("open"));
    t.press(KeyCode::F(2));
    t.human("5*");
    t.press(KeyCode::Enter);
    assert!(
        t.screen().contains("« 5* » : aucune ligne à changer"),
        "{}",
        t.screen()
    );
    for _ in 0..2 {
        t.press(KeyCode::Backspace);
    }
    for typed in ["2,50", "9999"] {
        t.human(typed);
        t.press(KeyCode::Enter);
        let text = t.screen();
        assert!(
            text.contains(&format!("« {typed} » : prix + raccourci (2,50 v)")),
            "{text}"
        );
        for _ in 0..typed.len() {
            t.press(KeyCode::Backspace);
        }
    }
}

#[test]
fn a_voucher_scanned_on_the_ticket_screen_pays() {
    let mut t = till_on(Store::open_in_memory().expect("open"));
    t.press(KeyCode::F(2));
    // A 3 € line paid with 5 € in cash, the change as a voucher.
    t.human("v");
    t.press(KeyCode::Enter);
    t.press(KeyCode::F(2));
    t.human("5");
    t.press(KeyCode::Enter);
    t.press(KeyCode::F(5));
    t.press(KeyCode::F(2));
    let text = t.screen();
    let start = text.find("Avoir 29").expect("a voucher issued") + "Avoir ".len();
    let code: String = text[start..].chars().take(13).collect();
    t.human("n");
    // Next customer: a line, then the voucher scanned on the ticket screen pays 2 €.
    t.human("v");
    t.press(KeyCode::Enter);
    t.scan(&code);
    let text = t.screen();
    assert!(text.contains("Reste à payer"), "{text}");
    assert!(
        text.contains(&format!("Avoir {code} : 2,00 € utilisés")),
        "{text}"
    );
}

#[test]
fn an_item_whose_label_fell_off_is_found_by_name_and_another_shop_s_item_warns() {
    let mut t = till_on(Store::open_in_memory().expect("open"));
    t.press(KeyCode::F(2));
    // « Commode trois tiroirs » is labelled for the Cachan shop; this till is Arcueil's.
    t.human("commode");
    t.press(KeyCode::Enter);
    let text = t.screen();
    assert!(text.contains("Commode trois tiroirs · 00046"), "{text}");
    t.press(KeyCode::Down);
    t.press(KeyCode::Down);
    t.press(KeyCode::Enter);
    let text = t.screen();
    assert!(
        text.contains("est un article de « Boutique Cachan »"),
        "{text}"
    );
}

#[test]
fn a_gift_voucher_is_sold_behind_the_manager_s_pin_and_is_not_takings() {
    let mut t = till();
    t.press(KeyCode::F(2));
    t.key(KeyCode::Char('t'), KeyModifiers::CONTROL, 300);
    t.human("1111");
    t.press(KeyCode::Enter);
    t.press(KeyCode::Left);
    let text = t.screen();
    assert!(text.contains("◀ Bon cadeau ▶"), "{text}");
    t.human("25");
    t.press(KeyCode::Tab);
    t.press(KeyCode::Right);
    let text = t.screen();
    assert!(
        text.contains("Payé par") && text.contains("◀ Carte bancaire ▶"),
        "{text}"
    );
    t.press(KeyCode::F(2));
    let text = t.screen();
    assert!(
        text.contains("Bon cadeau 29") && text.contains("25,00 € vendu"),
        "{text}"
    );
    // Not in the takings.
    t.press(KeyCode::F(11));
    let text = t.screen();
    let total = text
        .lines()
        .find(|l| l.contains("Total TTC"))
        .expect("the X's total");
    assert!(total.contains(" 0,00 €"), "{text}");
}
