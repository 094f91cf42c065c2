//! Receipts, duplicates, X and Z as the bytes each printer profile receives, snapshotted
//! as hex plus the text decoded back with the profile's code page. French accents, `œ`
//! and `€` are in the text; the bytes must select the profile's code page with `ESC t n`,
//! carry that page's bytes, and hold no UTF-8 sequence.

mod common;

use common::{ctx, hex_dump, journal_store, line, on, tender};
use pepite::domain::PaymentKind::{Card, Cash};
use pepite::domain::{Money, VatRate};
use pepite::journal::{self, CashCount};
use pepite::print::{CodePage, Profile, Slip, escpos, inspect, receipt};
use pepite::storage::journal as documents;

/// The code a receipt carries to be found again (prefix 28, the ticket's id).
const RECEIPT_CODE: &str = "2800000000028";

/// The slips of one day: a ticket with a manual price, a line and a ticket discount, its duplicate, the
/// X at noon and the Z at night.
///
/// With them, the hex the installation's random key makes vary from run to run: the set-up
/// writes the key's fingerprint in the JET, so the JET's head printed on the Z and the
/// Z's own hash change with every key. The snapshots mask them with `#`.
fn slips() -> (Vec<(&'static str, Slip)>, Vec<String>) {
    let (mut db, key) = journal_store();
    let at = |t: &str| ctx("caisse-1", on("2026-11-24", t));
    let mut sold = line("Théière émaillée « à l’œuf »", 1, 1200, VatRate::STANDARD);
    sold.original_price = Some(Money::from_cents(1500));
    let mut crepe = line("Crêpe façon grand-mère", 2, 350, VatRate::INTERMEDIATE);
    crepe.discount = Money::from_cents(100);
    crepe.discount_reason = Some("fidélité".into());
    // And its share (0,50 €) of a discount on the whole ticket: said once, apart.
    crepe.discount = Money::from_cents(150);
    crepe.ticket_discount = Money::from_cents(50);
    crepe.ticket_discount_reason = Some("solidarité".into());
    let lines = [
        sold,
        crepe,
        line("Roman « Côté cœur »", 1, 100, VatRate::REDUCED),
    ];
    let (ticket, duplicate, z, x_json) = db
        .write(|tx| {
            journal::append_proof(
                tx,
                &key,
                &at("09:00:00"),
                journal::ProofKind::OpeningFloat,
                "Fond de caisse",
                &[tender(Cash, 10_000)],
            )?;
            let t = journal::append_ticket(
                tx,
                &key,
                &at("10:15:00"),
                &lines,
                &[tender(Card, 1000), tender(Cash, 2000)],
                None,
            )?;
            let (d, _) = journal::append_duplicate(tx, &key, &at("10:20:00"), &t.series, t.number)?;
            let count = CashCount {
                denominations: vec![(Money::from_cents(2000), 5), (Money::from_cents(500), 2)],
                cheques_declared: Money::ZERO,
                card_declared: Money::from_cents(1000),
                comment: "Écart : 0,60 € de monnaie donnée en trop".into(),
            };
            // The X of the day, read before its Z.
            let x = journal::x_report(tx, "caisse-1", at("18:55:00").at)?;
            let x_json = journal::figures_json(&x).to_string();
            let z = journal::close_day(tx, &key, &at("19:00:00"), &count)?;
            Ok::<_, journal::JournalError>((t, d, z, x_json))
        })
        .expect("day");
    let slip_of =
        |db: &mut pepite::storage::Store, series: &str, number: i64, code: Option<&str>| {
            let doc = db
                .read(|tx| documents::find_document(tx, series, number))
                .expect("doc");
            receipt::document_slip(&doc.payload, &doc.hash, code).expect("slip")
        };
    let z_doc = db
        .read(|tx| documents::find_document(tx, &z.series, z.number))
        .expect("z");
    let z_payload: serde_json::Value = serde_json::from_str(&z_doc.payload).expect("json");
    let jet = z_payload["chain"]["events"]["hash"]
        .as_str()
        .expect("JET head")
        .to_owned();
    let varying = vec![
        z_doc.hash[..6].to_owned(),
        z_doc.hash[58..].to_owned(),
        jet[..8].to_owned(),
    ];
    let slips = vec![
        (
            "receipt",
            slip_of(&mut db, &ticket.series, ticket.number, Some(RECEIPT_CODE)),
        ),
        (
            "duplicate",
            slip_of(
                &mut db,
                &duplicate.series,
                duplicate.number,
                Some(RECEIPT_CODE),
            ),
        ),
        (
            "x",
            receipt::x_slip(&x_json, "caisse-1", "2026-11-24T12:00:00+01:00").expect("x"),
        ),
        ("z", slip_of(&mut db, &z.series, z.number, None)),
        ("voucher", {
            let doc = db
                .read(|tx| documents::find_document(tx, &ticket.series, ticket.number))
                .expect("doc");
            receipt::voucher_slip(&doc.payload, "2900000000017", Money::from_cents(700))
                .expect("voucher")
        }),
    ];
    (slips, varying)
}

/// `bytes` with each of `varying` (ASCII) replaced by as many `#`: same length, same
/// layout.
fn masked(mut bytes: Vec<u8>, varying: &[String]) -> Vec<u8> {
    for v in varying.iter().map(String::as_bytes) {
        let mut i = 0;
        while i + v.len() <= bytes.len() {
            if &bytes[i..i + v.len()] == v {
                bytes[i..i + v.len()].fill(b'#');
                i += v.len();
            } else {
                i += 1;
            }
        }
    }
    bytes
}

#[test]
fn every_profile_prints_every_slip_in_its_code_page() {
    let (slips, varying) = slips();
    for profile in Profile::receipt_printers() {
        for (name, slip) in &slips {
            let bytes = masked(escpos::render(slip, &profile).expect("render"), &varying);
            let esc_t = [0x1B, b't', profile.code_page.esc_t];
            assert!(
                bytes.windows(3).any(|w| w == esc_t),
                "{} {name}: ESC t",
                profile.id
            );
            assert!(
                !inspect::has_utf8_sequence(&bytes),
                "{} {name}: UTF-8 leaked",
                profile.id
            );
            let decoded = inspect::decode(&bytes, &profile).expect("decode");
            assert_eq!(decoded.code_pages, vec![profile.code_page.esc_t]);
            assert!(decoded.text.contains('€'), "{} {name}: euro", profile.id);
            for word in ["Théière", "émaillée", "façon", "grand-mère", "à", "Côté"] {
                if *name == "receipt" || *name == "duplicate" {
                    assert!(decoded.text.contains(word), "{} {name}: {word}", profile.id);
                }
            }
            if *name == "receipt" || *name == "duplicate" {
                let heart = match profile.code_page.encoding {
                    CodePage::Cp1252 => "cœur",
                    CodePage::Cp858 => "coeur",
                };
                assert!(decoded.text.contains(heart), "{} {name}: œ", profile.id);
                let e_acute = profile.code_page.encoding.encode("é")[0];
                assert!(bytes.contains(&e_acute));
            }
            if *name == "receipt" || *name == "duplicate" {
                assert_eq!(
                    decoded.barcodes,
                    vec![RECEIPT_CODE.to_owned()],
                    "{}",
                    profile.id
                );
            }
            if *name == "duplicate" {
                assert!(decoded.text.contains("DUPLICATA n° 1"));
            }
            if *name == "receipt" {
                assert!(decoded.text.contains("ORIGINAL"));
                let words = decoded
                    .text
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                assert!(words.contains("prix initial 15,00 €"), "{}", profile.id);
            }
            assert_eq!(
                decoded.cuts,
                usize::from(profile.features.cutter != pepite::print::profile::Cutter::None)
            );
            insta::assert_snapshot!(
                format!("{}_{name}", profile.id),
                format!("hex:\n{}\n\ntext:\n{}", hex_dump(&bytes), decoded.text)
            );
        }
    }
}

#[test]
fn the_drawer_pulse_is_whole_and_only_where_there_is_a_drawer() {
    let mut slip = Slip {
        open_drawer: true,
        ..Slip::default()
    };
    slip.text("Espèces");
    for profile in Profile::receipt_printers() {
        let bytes = escpos::render(&slip, &profile).expect("render");
        let decoded = inspect::decode(&bytes, &profile).expect("decode");
        assert_eq!(
            decoded.drawer_pulses,
            usize::from(profile.features.drawer),
            "{}",
            profile.id
        );
        if profile.features.drawer {
            assert!(bytes.ends_with(&escpos::DRAWER_PULSE));
        }
    }
}

/// Second-hand goods under the margin scheme: the receipt shows no VAT for them and
/// carries the scheme's mention, the café line keeps its VAT, and the journal still
/// counts the VAT due on both (on the margin: the whole price of a donated object).
#[test]
fn a_margin_scheme_receipt_shows_no_vat_for_second_hand_goods() {
    let (mut db, key) = journal_store();
    let mut vase = line("Vase en grès", 1, 1200, VatRate::STANDARD);
    vase.margin_scheme = true;
    let crepe = line("Crêpe au sucre", 1, 300, VatRate::INTERMEDIATE);
    let doc = db
        .write(|tx| {
            journal::append_ticket(
                tx,
                &key,
                &ctx("caisse-1", on("2026-11-24", "10:00:00")),
                &[vase, crepe],
                &[tender(Cash, 1500)],
                None,
            )
        })
        .expect("ticket");
    let stored = db
        .read(|tx| documents::find_document(tx, &doc.series, doc.number))
        .expect("doc");
    // The VAT due, for the Z: both rates, the vase's included.
    let vat: serde_json::Value = serde_json::from_str(&stored.vat).expect("vat");
    assert_eq!(
        vat,
        serde_json::json!([[1000, 300, 273, 27], [2000, 1200, 1000, 200]])
    );
    let slip = receipt::document_slip(&stored.payload, &stored.hash, None).expect("slip");
    let profile = Profile::by_id("epson-tm-t20iii").expect("profile");
    let bytes = escpos::render(&slip, &profile).expect("render");
    let text = inspect::decode(&bytes, &profile)
        .expect("decode")
        .text
        .replace('\u{a0}', " ");
    insta::assert_snapshot!("margin_scheme_receipt", text);
    assert!(
        text.contains("Régime particulier – Biens d'occasion"),
        "{text}"
    );
    assert!(text.contains("occasion (marge)"), "{text}");
    assert!(
        !text.contains("20 %"),
        "the vase's VAT must not show:\n{text}"
    );
    assert!(text.contains("10 %"), "{text}");
}

#[test]
fn a_training_slip_says_so_and_never_original() {
    let (mut db, key) = journal_store();
    let mut training = ctx("caisse-1", on("2026-11-24", "10:00:00"));
    training.training = true;
    let doc = db
        .write(|tx| {
            journal::append_ticket(
                tx,
                &key,
                &training,
                &[line("Vase", 1, 500, VatRate::STANDARD)],
                &[tender(Cash, 500)],
                None,
            )
        })
        .expect("ticket");
    let stored = db
        .read(|tx| documents::find_document(tx, &doc.series, doc.number))
        .expect("doc");
    let slip = receipt::document_slip(&stored.payload, &stored.hash, None).expect("slip");
    let profile = Profile::by_id("epson-tm-t20iii").expect("profile");
    let text = inspect::decode(&escpos::render(&slip, &profile).expect("render"), &profile)
        .expect("decode")
        .text;
    assert!(text.contains("MODE ÉCOLE"), "{text}");
    assert!(!text.contains("ORIGINAL"), "{text}");
}

#[test]
fn a_z_prints_the_installation_key_s_fingerprint() {
    let (mut db, key) = journal_store();
    let z = db
        .write(|tx| {
            journal::append_proof(
                tx,
                &key,
                &ctx("caisse-1", on("2026-11-24", "09:00:00")),
                journal::ProofKind::DrawerOpening,
                "Ouverture du tiroir",
                &[],
            )?;
            journal::close_day(
                tx,
                &key,
                &ctx("caisse-1", on("2026-11-24", "19:00:00")),
                &CashCount::default(),
            )
        })
        .expect("z");
    let stored = db
        .read(|tx| documents::find_document(tx, &z.series, z.number))
        .expect("doc");
    let slip = receipt::document_slip_keyed(
        &stored.payload,
        &stored.hash,
        None,
        Some("8c64 d39a 490b c5e5"),
    )
    .expect("slip");
    let profile = Profile::by_id("epson-tm-t20iii").expect("profile");
    let text = inspect::decode(&escpos::render(&slip, &profile).expect("render"), &profile)
        .expect("decode")
        .text;
    assert!(text.contains("Clé : 8c64 d39a 490b c5e5"), "{text}");
}

#[test]
fn a_guaranteed_good_s_receipt_states_the_legal_guarantee() {
    let (mut db, key) = journal_store();
    let mut washer = line("Lave-linge Bosch", 1, 9000, VatRate::STANDARD);
    washer.guarantee = true;
    let doc = db
        .write(|tx| {
            journal::append_ticket(
                tx,
                &key,
                &ctx("caisse-1", on("2026-11-24", "10:00:00")),
                &[washer, line("Assiette", 2, 50, VatRate::STANDARD)],
                &[tender(Card, 9100)],
                None,
            )
        })
        .expect("ticket");
    let stored = db
        .read(|tx| documents::find_document(tx, &doc.series, doc.number))
        .expect("doc");
    assert!(
        stored.payload.contains(r#""guarantee":true"#),
        "kept in the payload"
    );
    let profile = Profile::by_id("pos-5890").expect("profile");
    let slip = receipt::document_slip(&stored.payload, &stored.hash, None).expect("slip");
    let text = inspect::decode(&escpos::render(&slip, &profile).expect("render"), &profile)
        .expect("decode")
        .text;
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("Garantie légale : Lave-linge Bosch"),
        "{text}"
    );
    assert!(
        !flat.contains("Garantie légale : Lave-linge Bosch, Assiette"),
        "{text}"
    );
    assert!(flat.contains("L217-3") && flat.contains("1641"), "{text}");
}
