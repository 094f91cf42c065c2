//! The fee offers a manager defines: label, fixed amount or prix libre with its
//! minimum, validity.

use super::{Result, StorageError, Tx, found};
use crate::domain::Money;
use crate::domain::member::{Offer, Validity};
use crate::i18n::Msg;
use rusqlite::params;

fn offer_from_row(r: &rusqlite::Row) -> rusqlite::Result<Offer> {
    let validity: String = r.get(4)?;
    let month: Option<u32> = r.get(5)?;
    Ok(Offer {
        id: r.get(0)?,
        label: r.get(1)?,
        amount: r.get::<_, Option<i64>>(2)?.map(Money::from_cents),
        min_amount: Money::from_cents(r.get(3)?),
        validity: Validity::from_code(&validity, month).map_err(|e| super::bad_value(4, e))?,
        active: r.get(6)?,
    })
}

/// The fee offers, in their order.
pub fn offers(tx: &Tx) -> Result<Vec<Offer>> {
    let mut stmt = tx.conn().prepare_cached(
        "SELECT id, label, amount, min_amount, validity, season_month, active
         FROM membership_offer ORDER BY position, id",
    )?;
    let rows = stmt.query_map([], offer_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Adds an offer (id 0) or changes one.
pub fn save_offer(tx: &Tx, offer: &Offer) -> Result<i64> {
    let month = match offer.validity {
        Validity::Season(m) => Some(m),
        _ => None,
    };
    let values = params![
        offer.label,
        offer.amount.map(Money::cents),
        offer.min_amount.cents(),
        offer.validity.code(),
        month,
        offer.active
    ];
    if offer.id == 0 {
        tx.conn()
            .execute(
                "INSERT INTO membership_offer (label, amount, min_amount, validity, season_month,
                     active, position)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6,
                         (SELECT ifnull(max(position), 0) + 1 FROM membership_offer))",
                values,
            )
            .map_err(|e| StorageError::unique(e, &offer.label))?;
        return Ok(tx.conn().last_insert_rowid());
    }
    let changed = tx
        .conn()
        .execute(
            "UPDATE membership_offer SET label = ?1, amount = ?2, min_amount = ?3,
                 validity = ?4, season_month = ?5, active = ?6
             WHERE id = ?7",
            params![
                offer.label,
                offer.amount.map(Money::cents),
                offer.min_amount.cents(),
                offer.validity.code(),
                month,
                offer.active,
                offer.id
            ],
        )
        .map_err(|e| StorageError::unique(e, &offer.label))?;
    found(changed, Msg::ThingOffer)?;
    Ok(offer.id)
}
