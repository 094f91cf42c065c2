//! The membership's papers and personal data: the tax receipt's PDF read back as text
//! (every Cerfa 11580 mention, the amount in words, the number), its numbering per year
//! without a gap, the member card's code decoded from its bars, the erasure that leaves
//! no trace in the file or its WAL while the journal stays byte for byte, and the import
//! that refuses a broken file whole and adds nobody twice.

mod common;

use common::{key_dir, on};
use pepite::domain::member::card_code;
use pepite::domain::tax_receipt::{Method, ReceiptContent};
use pepite::domain::{Cart, Money, PaymentKind, TerminalCode};
use pepite::ops::till::{self, Payment};
use pepite::ops::{self, OpsError, members, tax_receipts};
use pepite::storage::Store;
use pepite::storage::members::Member;
use std::process::Command;

fn sample(number: i64, year: i32) -> ReceiptContent {
    ReceiptContent {
        year,
        number,
        beneficiary_name: "Ressourcerie La Pépite".into(),
        beneficiary_address: "14 avenue Paul Doumer, 94110 Arcueil".into(),
        beneficiary_siret: "88212345600015".into(),
        purpose: "Réemploi et insertion".into(),
        donor_name: "Jean Dupuis".into(),
        donor_address: "2 rue des Lilas, 94110 Arcueil".into(),
        amount: 12_050,
        amount_in_words: String::new(),
        first_day: "2026-11-24".into(),
        last_day: "2026-11-24".into(),
        yearly: false,
        methods: vec![Method::Cheque],
        article: "200".into(),
        issued_on: "2026-11-24".into(),
        signatory: "Claire, présidente".into(),
    }
    .with_words()
}

/// `pdftotext` of `pdf`, or `None` (said) when poppler-utils is not installed outside CI.
fn pdf_text(pdf: &[u8]) -> Option<String> {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("r.pdf");
    std::fs::write(&file, pdf).expect("write");
    match Command::new("pdftotext")
        .arg("-layout")
        .arg(&file)
        .arg("-")
        .output()
    {
        Ok(out) if out.status.success() => Some(String::from_utf8_lossy(&out.stdout).into_owned()),
        _ if std::env::var_os("CI").is_some() => {
            panic!("pdftotext is missing: .ci/run installs poppler-utils")
        }
        _ => {
            eprintln!("skipped: install poppler-utils (pdftotext) to read the receipt back");
            None
        }
    }
}

#[test]
fn the_tax_receipt_pdf_holds_every_mention() {
    let receipt = sample(7, 2026);
    let pdf = pepite::print::tax_receipt::pdf(&receipt, None).expect("pdf");
    assert!(pdf.starts_with(b"%PDF-"));
    let Some(text) = pdf_text(&pdf) else { return };
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for mention in [
        "Reçu au titre des dons à certains organismes d'intérêt général",
        "Articles 200, 238 bis et 978 du code général des impôts",
        "Cerfa n° 11580",
        "Numéro d'ordre du reçu : 2026-0007",
        "Bénéficiaire des versements",
        "Ressourcerie La Pépite",
        "14 avenue Paul Doumer, 94110 Arcueil",
        "Objet : Réemploi et insertion",
        "Œuvre ou organisme d'intérêt général",
        "Donateur",
        "Jean Dupuis",
        "2 rue des Lilas, 94110 Arcueil",
        "ouvrant droit à réduction d'impôt",
        "120,50 euros",
        "cent vingt euros et cinquante centimes",
        "Date du versement ou du don : 24/11/2026",
        "réduction d'impôt prévue à l'article 200 du CGI",
        "déclaration de don manuel",
        "numéraire",
        "chèque",
        "Claire, présidente",
    ] {
        assert!(flat.contains(mention), "missing « {mention} » in:\n{text}");
    }
    let duplicate = pepite::print::tax_receipt::pdf(&receipt, Some(2)).expect("pdf");
    let Some(text) = pdf_text(&duplicate) else {
        return;
    };
    assert!(text.contains("DUPLICATA n° 2"));
}

/// A donation with its receipt, at `till` (one till per day: no Z needed between).
fn give(store: &mut Store, member: i64, cents: i64, day: &str, till_code: &str) -> ReceiptContent {
    let key = ops::journal::load_key(store, &key_dir()).expect("key");
    let karim = common::login_as(store, "Aïcha", "5555", on(day, "09:00:00"));
    let terminal = TerminalCode::parse(till_code).expect("terminal");
    let ctx = till::context(store, &karim, &terminal, on(day, "09:01:00"), false).expect("ctx");
    let mut gift = members::donation(Some(member), None, Money::from_cents(cents)).expect("gift");
    gift.receipt = true;
    let mut cart = Cart::default();
    cart.contributions.push(gift);
    let pay = Payment {
        method: PaymentKind::Cash.default_label(),
        kind: PaymentKind::Cash,
        amount: Money::from_cents(cents),
        voucher: None,
    };
    let sale = till::sell(store, &karim, &key, &ctx, &cart, &[pay], false).expect("gift");
    tax_receipts::of_proof(store, sale.proofs[0].id)
        .expect("receipt")
        .expect("issued")
}

#[test]
fn receipts_are_numbered_per_year_without_a_gap() {
    let mut store = Store::open_in_memory().expect("open");
    ops::demo::create(&mut store, on("2026-12-01", "08:00:00"), &key_dir()).expect("demo");
    let louise = members::find(&mut store, "Martin").expect("find")[0].number;
    let mut numbers = Vec::new();
    for (day, cents, till) in [
        ("2026-12-02", 1000, "caisse-1"),
        ("2026-12-03", 2000, "caisse-2"),
        ("2027-01-04", 3000, "braderie"),
        ("2027-01-05", 4000, "cafe-1"),
    ] {
        let r = give(&mut store, louise, cents, day, till);
        numbers.push(r.reference());
        assert_eq!(r.donor_name, "Martin Louise");
    }
    assert_eq!(
        numbers,
        ["2026-0001", "2026-0002", "2027-0001", "2027-0002"]
    );
    // A receipt younger than six years keeps the donor's name: no erasure yet.
    let claire = common::login_as(&mut store, "Claire", "1111", on("2027-01-06", "08:00:00"));
    let refused =
        ops::member_data::erase(&mut store, &claire, louise, on("2027-01-06", "09:00:00"));
    assert!(refused.expect_err("kept").to_string().contains("six ans"));
    // And the database itself refuses to change an issued receipt.
    let changed = store.write(|tx| {
        pepite::storage::donations::count_reprint(tx, 1)?;
        Ok::<_, pepite::storage::StorageError>(())
    });
    assert!(changed.is_ok(), "only the reprint counter moves");
}

#[test]
fn the_card_code_scans() {
    let code = card_code(1234).expect("code");
    let card = pepite::print::member_card::Card {
        structure: "Ressourcerie La Pépite".into(),
        name: "Nguyen Anna".into(),
        number: 1234,
        valid_until: "31/12/2026".into(),
        code: code.to_string(),
    };
    // The bars, as modules, decoded back by a barcode reader.
    assert_eq!(common::scan_bars(code.as_str()), code.as_str());
    assert!(
        pepite::print::member_card::sheet(&[card])
            .expect("pdf")
            .starts_with(b"%PDF-")
    );
}

/// Every file of the database (main, WAL) as bytes.
fn files(path: &std::path::Path) -> Vec<u8> {
    let mut all = Vec::new();
    for suffix in ["", "-wal", "-shm"] {
        if let Ok(bytes) = std::fs::read(format!("{}{suffix}", path.display())) {
            all.extend(bytes);
        }
    }
    all
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

#[test]
fn erasing_a_member_leaves_no_trace_and_the_journal_intact() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("shop.db");
    let mut store = Store::open(&path).expect("open");
    let day = "2026-11-24";
    ops::demo::create(&mut store, on(day, "08:00:00"), &key_dir()).expect("demo");
    let claire = common::login_as(&mut store, "Claire", "1111", on(day, "08:30:00"));
    let (number, _) = members::register(
        &mut store,
        &claire,
        Member {
            kind: "famille".into(),
            last_name: "Zyxwabcd".into(),
            first_name: "Quentinou".into(),
            town: "Arcueil".into(),
            email: Some("quentinou.zyx@example.org".into()),
            phone: Some("0611223344".into()),
            ..Member::default()
        },
        on(day, "09:00:00"),
    )
    .expect("register");
    // Edited once: the old version of the row must go too.
    let mut m = members::get(&mut store, number).expect("get");
    m.notes = "Vient le samedi".into();
    members::update(&mut store, &claire, m).expect("update");
    // A fee at the till: the journal names the member by number.
    let key = ops::journal::load_key(&mut store, &key_dir()).expect("key");
    let karim = common::login_as(&mut store, "Karim", "2222", on(day, "09:30:00"));
    let terminal = TerminalCode::parse("caisse-1").expect("terminal");
    let ctx =
        till::context(&mut store, &karim, &terminal, on(day, "09:31:00"), false).expect("ctx");
    let offer = members::offers(&mut store, true).expect("offers").remove(1);
    let mut cart = Cart::default();
    cart.contributions.push(
        members::fee(
            &mut store,
            number,
            &offer,
            None,
            on(day, "09:31:00").date_naive(),
        )
        .expect("fee"),
    );
    let pay = Payment {
        method: PaymentKind::Cash.default_label(),
        kind: PaymentKind::Cash,
        amount: cart.due().expect("due"),
        voucher: None,
    };
    till::sell(&mut store, &karim, &key, &ctx, &cart, &[pay], false).expect("fee");
    let journal_before = store
        .read(pepite::storage::journal::all_payloads)
        .expect("journal");
    assert!(
        contains(&files(&path), "Zyxwabcd"),
        "the name is in the file before"
    );

    let export = ops::member_data::export(&mut store, &claire, number).expect("export");
    assert_eq!(export["member"]["last_name"], "Zyxwabcd");
    assert_eq!(export["fees"].as_array().map(Vec::len), Some(1));
    assert!(matches!(
        ops::member_data::erase(&mut store, &karim, number, on(day, "10:00:00")),
        Err(OpsError::Forbidden(_))
    ));
    assert!(
        ops::member_data::erase(&mut store, &claire, number, on(day, "10:00:00")).expect("erase")
    );

    let bytes = files(&path);
    for trace in [
        "Zyxwabcd",
        "zyxwabcd",
        "Quentinou",
        "quentinou.zyx@example.org",
        "0611223344",
        "Vient le samedi",
    ] {
        assert!(!contains(&bytes, trace), "« {trace} » is still in the file");
    }
    let journal_after = store
        .read(pepite::storage::journal::all_payloads)
        .expect("journal");
    assert_eq!(journal_before, journal_after, "the journal is untouched");
    let verified = ops::journal::verify(&mut store, &key_dir(), None, None, on(day, "11:00:00"))
        .expect("verify");
    assert!(verified.is_intact(), "{verified}");
    // The number stays taken; the row says it was erased.
    assert!(members::get(&mut store, number).expect("row").erased);
}

#[test]
fn an_import_is_all_or_nothing_and_adds_nobody_twice() {
    let (mut store, claire) = common::demo_with_manager();
    let before = store
        .read(pepite::storage::members::all)
        .expect("all")
        .len();
    let helloasso = "Référence commande;Date de la commande;Statut de la commande;Nom adhérent;Prénom adhérent;Email;Ville;Tarif;Montant du tarif\n\
        1001;15/01/2026 10:12;Validé;Lefèvre;Élodie;elodie@example.org;Arcueil;Adhésion individuelle;10,00\n\
        1002;16/01/2026 11:00;Validé;O'Brien;Seán;sean@example.org;Cachan;Adhésion famille;20,00\n\
        1003;17/01/2026 09:30;Validé;Martin;Louise;louise.martin@example.org;Arcueil;Adhésion individuelle;10,00\n";
    // A bad date on line 3: nothing is written, the line is named.
    let broken = helloasso.replace("16/01/2026 11:00", "16/13/2026");
    match ops::member_import::import(&mut store, &claire, &broken, common::at("10:00:00")) {
        Err(OpsError::FileLine { line, problem }) => {
            assert_eq!(line, 3);
            assert!(problem.contains("16/13/2026"), "{problem}");
        }
        other => panic!("expected a refused line, got {other:?}"),
    }
    // A wrong column: refused, named.
    let wrong = helloasso.replace("Montant du tarif", "Prix");
    let refused = ops::member_import::import(&mut store, &claire, &wrong, common::at("10:00:00"));
    assert!(
        refused
            .expect_err("refused")
            .to_string()
            .contains("Montant du tarif")
    );
    assert_eq!(
        store
            .read(pepite::storage::members::all)
            .expect("all")
            .len(),
        before
    );

    let done = ops::member_import::import(&mut store, &claire, helloasso, common::at("10:00:00"))
        .expect("import");
    assert_eq!((done.added, done.fees, done.already), (2, 3, 0));
    // Louise Martin of Arcueil is the demo's: reported, her fee joins her row.
    assert_eq!(done.duplicates.len(), 1);
    assert_eq!(done.duplicates[0].0, 4);
    let again = ops::member_import::import(&mut store, &claire, helloasso, common::at("11:00:00"))
        .expect("again");
    assert_eq!((again.added, again.fees, again.already), (0, 0, 3));
    assert_eq!(
        store
            .read(pepite::storage::members::all)
            .expect("all")
            .len(),
        before + 2
    );
    let elodie = members::find(&mut store, "lefevre").expect("find");
    assert_eq!(elodie.len(), 1);
    assert_eq!(elodie[0].valid_until.as_deref(), Some("2026-12-31"));
}
