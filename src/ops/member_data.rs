//! A member's personal data (RGPD): everything held on one member as one file, and the
//! erasure — the register row anonymised (its number stays taken), the donor names on
//! their donations emptied, the freed space zeroed (`secure_delete`) and the WAL copied
//! back and emptied, so no trace is left in the file. The journal holds members by number
//! only: it stays byte for byte as it was and still verifies. A member with a tax receipt
//! younger than six years keeps their name: the law keeps the receipt (LPF art. L102 B).

use super::{OpsError, Result, Session};
use crate::domain::Role;
use crate::i18n::Msg;
use crate::storage::members as store_members;
use crate::storage::{Store, Timestamp};
use chrono::Months;

/// Everything held on member `number`: the register row, fees, donations, receipts.
pub fn export(store: &mut Store, session: &Session, number: i64) -> Result<serde_json::Value> {
    session.require(Role::Manager)?;
    store.read(|tx| {
        let member = store_members::get(tx, number)?;
        let fees = store_members::fees_of(tx, number)?;
        let donations = crate::storage::donations::donations_of(tx, number, None)?;
        let receipts: Vec<serde_json::Value> = crate::storage::donations::receipts_of(tx, number)?
            .into_iter()
            .map(|r| serde_json::from_str(&r.content).unwrap_or(serde_json::Value::Null))
            .collect();
        Ok::<_, OpsError>(serde_json::json!({
            "member": member,
            "fees": fees,
            "donations": donations,
            "tax_receipts": receipts,
        }))
    })
}

/// Erases member `number`. `Ok(false)`: erased, but another terminal was reading and
/// the WAL could not be emptied yet (its old pages go at the next checkpoint).
pub fn erase(store: &mut Store, session: &Session, number: i64, now: Timestamp) -> Result<bool> {
    session.require(Role::Manager)?;
    store.write(|tx| {
        if let Some(issued) = crate::storage::donations::last_receipt(tx, number)?
            && let Some(at) = crate::storage::parse_timestamp(&issued)
            && let Some(free) = at.date_naive().checked_add_months(Months::new(72))
            && free > now.date_naive()
        {
            return Err(OpsError::Refused(
                Msg::ErrEraseKeptReceipts.fill(&[&number, &free.format("%d/%m/%Y")]),
            ));
        }
        store_members::erase(tx, number, &now.to_rfc3339())?;
        Ok::<_, OpsError>(())
    })?;
    Ok(store.checkpoint()?)
}
