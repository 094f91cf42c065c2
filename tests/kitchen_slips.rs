//! The crêperie's, the bar's and the cancellation tickets as the bytes every receipt
//! profile receives (hex, then the text decoded back with the profile's code page).

mod common;

use common::hex_dump;
use pepite::print::kitchen::{KitchenLine, KitchenTicket, kitchen_slip};
use pepite::print::{Profile, escpos, inspect};

fn line(quantity: i64, name: &str, supplements: &str, note: &str) -> KitchenLine {
    KitchenLine {
        quantity,
        name: name.into(),
        supplements: supplements.into(),
        note: note.into(),
        other_mode: None,
    }
}

fn tickets() -> Vec<(&'static str, KitchenTicket)> {
    let ticket = |station: &str, number, cancellation, lines| KitchenTicket {
        station: station.into(),
        number,
        label: "Table 4".into(),
        time: "12:05".into(),
        server: "Lucas".into(),
        mode: "Sur place".into(),
        cancellation,
        lines,
    };
    let mut takeaway = line(1, "Crêpe beurre-sucre", "", "");
    takeaway.other_mode = Some("À emporter".into());
    vec![
        (
            "kitchen",
            ticket(
                "CRÊPERIE",
                12,
                false,
                vec![
                    line(2, "Galette complète", "+ œuf, + fromage", "sans gluten"),
                    takeaway,
                ],
            ),
        ),
        (
            "bar",
            ticket("BAR", 7, false, vec![line(3, "Bière pression", "", "")]),
        ),
        (
            "cancellation",
            ticket(
                "CRÊPERIE",
                13,
                true,
                vec![line(1, "Galette complète", "+ œuf, + fromage", "")],
            ),
        ),
    ]
}

#[test]
fn kitchen_bar_and_cancellation_tickets_for_every_profile() {
    for profile in Profile::receipt_printers() {
        for (name, ticket) in tickets() {
            let bytes = escpos::render(&kitchen_slip(&ticket), &profile).expect("render");
            assert!(!inspect::has_utf8_sequence(&bytes), "{} {name}", profile.id);
            let decoded = inspect::decode(&bytes, &profile).expect("decode");
            let flat = decoded
                .text
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            assert!(flat.contains("Table 4"), "{} {name}: {flat}", profile.id);
            if name == "cancellation" {
                assert!(flat.contains("ANNULÉ"), "{} {name}", profile.id);
            } else {
                assert!(!flat.contains("ANNULÉ"), "{} {name}", profile.id);
            }
            insta::assert_snapshot!(
                format!("{}_{name}", profile.id),
                format!("hex:\n{}\n\ntext:\n{}", hex_dump(&bytes), decoded.text)
            );
        }
    }
}
