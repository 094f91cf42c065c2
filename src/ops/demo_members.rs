//! The demo's membership: the fee offers most ressourceries have, the structure declared
//! d'intérêt général (it may issue tax receipts), member prices on books and coffee, and
//! a register of members with fees of past years (as if imported from the tool used
//! before: they are not takings of this journal) — some current, some expired.

use super::Result;
use crate::domain::Money;
use crate::domain::member::{Offer, Validity};
use crate::storage::members::{self as store_members, Fee, Member};
use crate::storage::structure::{self, ReceiptSettings};
use crate::storage::{Timestamp, Tx};
use chrono::{Datelike, NaiveDate};

const OFFERS: [(&str, Option<i64>, i64, Validity); 5] = [
    ("Individuelle", Some(1000), 0, Validity::CalendarYear),
    ("Famille", Some(2000), 0, Validity::CalendarYear),
    ("Solidaire", None, 100, Validity::CalendarYear),
    ("Bienfaiteur", None, 3000, Validity::CalendarYear),
    ("Personne morale", Some(5000), 0, Validity::TwelveMonths),
];

/// A demo member: name, first name, town, kind, email, years ago of the last fee
/// (`None`: never).
type DemoMember = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<i32>,
);

const MEMBERS: [DemoMember; 10] = [
    (
        "Martin",
        "Louise",
        "Arcueil",
        "individuel",
        Some("louise.martin@example.org"),
        Some(0),
    ),
    (
        "Bernard",
        "Hugo",
        "Cachan",
        "famille",
        Some("hugo.bernard@example.org"),
        Some(0),
    ),
    ("Petit", "Amina", "Arcueil", "solidaire", None, Some(0)),
    (
        "Robert",
        "Jeanne",
        "Gentilly",
        "bienfaiteur",
        Some("jeanne.robert@example.org"),
        Some(0),
    ),
    ("Durand", "Karim", "Cachan", "individuel", None, Some(1)),
    (
        "Leroy",
        "Sophie",
        "Villejuif",
        "individuel",
        Some("sophie.leroy@example.org"),
        Some(1),
    ),
    ("Moreau", "Paul", "Arcueil", "famille", None, Some(4)),
    (
        "Simon",
        "Inès",
        "Bagneux",
        "individuel",
        Some("ines.simon@example.org"),
        None,
    ),
    ("Laurent", "Marc", "Cachan", "solidaire", None, Some(0)),
    (
        "Michel",
        "Chloé",
        "Arcueil",
        "individuel",
        Some("chloe.michel@example.org"),
        Some(2),
    ),
];

pub fn write(tx: &Tx, now: Timestamp) -> Result<()> {
    for (label, amount, min, validity) in OFFERS {
        crate::storage::member_offers::save_offer(
            tx,
            &Offer {
                id: 0,
                label: label.into(),
                amount: amount.map(Money::from_cents),
                min_amount: Money::from_cents(min),
                validity,
                active: true,
            },
        )?;
    }
    structure::set_receipt_settings(
        tx,
        &ReceiptSettings {
            general_interest: true,
            purpose: "Réemploi des objets, insertion par l'activité économique et \
                      sensibilisation à la réduction des déchets"
                .into(),
            signatory: "Claire, présidente".into(),
        },
    )?;
    crate::storage::member_prices::set_category_member_price(
        tx,
        "Livres",
        Some(Money::from_cents(50)),
    )?;
    crate::storage::member_prices::set_product_member_price(
        tx,
        "Café",
        Some(Money::from_cents(100)),
    )?;
    let year = now.year();
    let at = now.to_rfc3339();
    for (last, first, town, kind, email, paid) in MEMBERS {
        let joined =
            NaiveDate::from_ymd_opt(year - paid.unwrap_or(1) - 1, 3, 14).unwrap_or_default();
        let number = store_members::insert(
            tx,
            &Member {
                kind: kind.into(),
                last_name: last.into(),
                first_name: first.into(),
                town: town.into(),
                email: email.map(str::to_owned),
                consent: email.is_some(),
                joined_on: joined.to_string(),
                ..Member::default()
            },
            None,
            &at,
        )?;
        if let Some(ago) = paid {
            let fee_year = year - ago;
            let day = |m, d| NaiveDate::from_ymd_opt(fee_year, m, d).unwrap_or_default();
            store_members::add_fee(
                tx,
                &Fee {
                    member: number,
                    offer: "Individuelle".into(),
                    amount: Money::from_cents(1000),
                    paid_on: day(1, 20).to_string(),
                    valid_from: day(1, 20).to_string(),
                    valid_until: day(12, 31).to_string(),
                    document_id: None,
                },
            )?;
        }
    }
    Ok(())
}
