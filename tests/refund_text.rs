//! A refund says what it does: a partial one « rembourse en partie le ticket », a whole
//! one « annule le ticket ».

mod common;

use common::{ctx, journal_store, line, on, tender};
use pepite::domain::PaymentKind::Cash;
use pepite::domain::VatRate;
use pepite::journal;
use pepite::storage::journal as documents;

#[test]
fn a_partial_refund_says_so() {
    let (mut db, key) = journal_store();
    let at = |t: &str| ctx("caisse-1", on("2026-11-24", t));
    let texts = db
        .write(|tx| {
            let sale = journal::append_ticket(
                tx,
                &key,
                &at("10:00:00"),
                &[
                    line("Lampe", 1, 1200, VatRate::STANDARD),
                    line("Vase", 1, 800, VatRate::STANDARD),
                ],
                &[tender(Cash, 2000)],
                None,
            )?;
            let part = journal::append_ticket(
                tx,
                &key,
                &at("11:00:00"),
                &[line("Vase", -1, 800, VatRate::STANDARD)],
                &[tender(Cash, -800)],
                Some((&sale.series, sale.number)),
            )?;
            let other = journal::append_ticket(
                tx,
                &key,
                &at("12:00:00"),
                &[line("Chaise", 1, 500, VatRate::STANDARD)],
                &[tender(Cash, 500)],
                None,
            )?;
            let whole = journal::append_ticket(
                tx,
                &key,
                &at("12:30:00"),
                &[line("Chaise", -1, 500, VatRate::STANDARD)],
                &[tender(Cash, -500)],
                Some((&other.series, other.number)),
            )?;
            let text = |doc: &journal::DocRef| -> Result<String, journal::JournalError> {
                let stored = documents::find_document(tx, &doc.series, doc.number)?;
                let payload: serde_json::Value =
                    serde_json::from_str(&stored.payload).expect("json");
                Ok(payload["refers_to"]["text"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned())
            };
            Ok::<_, journal::JournalError>((text(&part)?, text(&whole)?))
        })
        .expect("tickets");
    assert_eq!(texts.0, "rembourse en partie le ticket n° caisse-1/T 1");
    assert_eq!(texts.1, "annule le ticket n° caisse-1/T 3");
}

#[test]
fn a_training_ticket_cannot_be_refunded_for_real() {
    let (mut db, key) = journal_store();
    let mut training = ctx("caisse-1", on("2026-11-24", "10:00:00"));
    training.training = true;
    let refused = db.write(|tx| {
        let practice = journal::append_ticket(
            tx,
            &key,
            &training,
            &[line("Vélo", 1, 10_000, VatRate::STANDARD)],
            &[tender(Cash, 10_000)],
            None,
        )?;
        assert_eq!(practice.series, "caisse-1/ECOLE/T");
        journal::append_ticket(
            tx,
            &key,
            &ctx("caisse-1", on("2026-11-24", "11:00:00")),
            &[line("Vélo", -1, 10_000, VatRate::STANDARD)],
            &[tender(Cash, -10_000)],
            Some((&practice.series, practice.number)),
        )
    });
    let error = refused.expect_err("a real refund of a training ticket");
    assert!(error.to_string().contains("mode école"), "{error}");
}
