//! The `payment_method` table: the structure's ways to pay, each of a kind that decides
//! what the till does with it (change, voucher balance).

use super::{Result, StorageError, Tx, bad_value};
use crate::domain::{Name, PaymentKind, PaymentMethodId};
use crate::i18n::Msg;
use rusqlite::params;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PaymentMethod {
    pub id: PaymentMethodId,
    pub kind: PaymentKind,
    pub label: Name,
    pub active: bool,
    pub position: i64,
}

pub fn insert(tx: &Tx, kind: PaymentKind, label: &Name) -> Result<PaymentMethodId> {
    tx.conn()
        .execute(
            "INSERT INTO payment_method (kind, label, position)
             VALUES (?1, ?2, (SELECT ifnull(max(position), 0) + 1 FROM payment_method))",
            params![kind.code(), label.as_str()],
        )
        .map_err(|e| StorageError::unique(e, label.as_str()))?;
    Ok(PaymentMethodId(tx.conn().last_insert_rowid()))
}

/// Renames a method or turns it on or off; its kind never changes.
pub fn update(tx: &Tx, id: PaymentMethodId, label: &Name, active: bool) -> Result<()> {
    let changed = tx
        .conn()
        .execute(
            "UPDATE payment_method SET label = ?2, active = ?3 WHERE id = ?1",
            params![id.0, label.as_str(), active],
        )
        .map_err(|e| StorageError::unique(e, label.as_str()))?;
    if changed == 0 {
        return Err(StorageError::NotFound(Msg::ThingPaymentMethod));
    }
    Ok(())
}

/// Every method, in the till's order.
pub fn list(tx: &Tx) -> Result<Vec<PaymentMethod>> {
    let mut stmt = tx.conn().prepare_cached(
        "SELECT id, kind, label, active, position FROM payment_method ORDER BY position, id",
    )?;
    let rows = stmt.query_map([], |row| {
        let kind: String = row.get(1)?;
        Ok(PaymentMethod {
            id: PaymentMethodId(row.get(0)?),
            kind: PaymentKind::from_code(&kind).unwrap_or(PaymentKind::Other),
            label: Name::parse(&row.get::<_, String>(2)?).map_err(|e| bad_value(2, e))?,
            active: row.get(3)?,
            position: row.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
