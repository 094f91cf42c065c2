//! The sorting bench end to end, the real binary in a pseudo-terminal: a sorter logs in,
//! records an intake of two categories (one in a container, whose tare comes off), makes
//! three priced items from it and sends their labels — TSPL — to a file.

mod common;

use common::pty::Terminal;
use pepite::storage::Store;
use pepite::storage::items::{self, Filter};
use pepite::storage::sorting::{self, By};

const F2: &[u8] = b"\x1bOQ";
const F3: &[u8] = b"\x1bOR";
const F5: &[u8] = b"\x1b[15~";

#[test]
fn a_sorter_weighs_an_intake_prices_three_items_and_prints_their_labels() {
    let home = tempfile::tempdir().expect("home");
    let db = common::demo_db(home.path(), "shop.db");
    let labels = home.path().join("labels.tspl");
    let printer = format!("file:{}", labels.display());
    let mut t = Terminal::start(
        home.path(),
        &[
            "--db",
            db.to_str().expect("path"),
            "--terminal",
            "tri-1",
            "--label-printer",
            &printer,
            "--label-profile",
            "tsc-te200-50x30",
        ],
    );
    t.log_in("s", "Sophie", "3333");
    t.wait_for("Tri / apports");
    t.send(b"\r");
    t.wait_for("Nouvel apport");
    // Arcueil; clothes, 25 kg gross in the first container (the bin, 3 kg).
    t.send(b"\tarc\tvet\t25\t\x1b[C");
    t.send(b"\r");
    t.wait_for("Ligne ajoutée : Vêtements 22,000 kg net");
    // Crockery, 8,5 kg gross, same container: 5,5 kg net.
    t.send(b"vais\t8,5\r");
    t.wait_for("Ligne ajoutée : Vaisselle 5,500 kg net");
    t.send(F2);
    t.wait_for("enregistré : 27,500 kg net");
    t.send(F3);
    t.wait_for("Articles à étiqueter");
    t.send(b"\tManteau en laine\t12\t\t\x7f3\r");
    t.wait_for("3 article(s) créé(s)");
    t.send(F5);
    t.wait_for("3 étiquette(s) envoyée(s)");
    t.quit();

    let text = std::fs::read(&labels).expect("the labels file");
    let text: String = text
        .iter()
        .map(|b| pepite::print::CodePage::Cp1252.decode(*b).unwrap_or('?'))
        .collect();
    let printed: Vec<String> = text
        .lines()
        .filter(|l| l.starts_with("BARCODE"))
        .map(|l| l.rsplit('"').nth(1).expect("code").to_owned())
        .collect();
    assert_eq!(printed.len(), 3, "{text}");
    assert_eq!(text.matches("12,00 €").count(), 3, "{text}");
    let mut store = Store::open(&db).expect("open");
    let made = store
        .read(|tx| {
            items::list(
                tx,
                &Filter {
                    text: "Manteau en laine".into(),
                    ..Filter::default()
                },
            )
        })
        .expect("items");
    let mut codes: Vec<String> = made.iter().map(|i| i.code.clone()).collect();
    codes.sort();
    let mut printed = printed;
    printed.sort();
    assert_eq!(codes, printed);
    assert!(made.iter().all(|i| i.label_printed));
    let day = chrono::Local::now()
        .date_naive()
        .format("%Y-%m-%d")
        .to_string();
    let totals = store
        .read(|tx| sorting::intake_totals(tx, &day, &day, By::Category))
        .expect("totals");
    assert_eq!(
        totals,
        vec![
            ("Vêtements".to_owned(), 22_000),
            ("Vaisselle".to_owned(), 5_500)
        ]
    );
}
