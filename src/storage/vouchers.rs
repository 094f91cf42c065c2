//! Vouchers (avoirs): issued by a ticket instead of change or as a refund, spent later in
//! one or several tickets. The balance is the amount less every use.

use super::time::to_text;
use super::{Result, StorageError, Timestamp, Tx};
use crate::domain::Money;
use rusqlite::{OptionalExtension, params};

pub fn issue(tx: &Tx, code: &str, document_id: i64, amount: Money, at: Timestamp) -> Result<()> {
    tx.conn()
        .prepare_cached(
            "INSERT INTO voucher (code, document_id, amount, issued_at) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![code, document_id, amount.cents(), to_text(at)])
        .map_err(|e| StorageError::unique(e, code))?;
    Ok(())
}

/// How many vouchers exist (the next serial).
pub fn count(tx: &Tx) -> Result<u64> {
    let n: i64 = tx
        .conn()
        .prepare_cached("SELECT count(*) FROM voucher")?
        .query_row([], |r| r.get(0))?;
    Ok(u64::try_from(n).unwrap_or(0))
}

/// What is left on voucher `code`, if it exists.
pub fn balance(tx: &Tx, code: &str) -> Result<Option<Money>> {
    Ok(tx
        .conn()
        .prepare_cached(
            "SELECT v.amount - ifnull((SELECT sum(u.amount) FROM voucher_use u WHERE u.code = v.code), 0)
             FROM voucher v WHERE v.code = ?1",
        )?
        .query_row([code], |r| r.get::<_, i64>(0))
        .optional()?
        .map(Money::from_cents))
}

pub fn spend(tx: &Tx, code: &str, document_id: i64, amount: Money) -> Result<()> {
    tx.conn()
        .prepare_cached("INSERT INTO voucher_use (code, document_id, amount) VALUES (?1, ?2, ?3)")?
        .execute(params![code, document_id, amount.cents()])?;
    Ok(())
}

/// What the vouchers still in circulation are worth: all issued less all spent, at any
/// till of the structure.
pub fn outstanding(tx: &Tx) -> Result<Money> {
    let cents: i64 = tx
        .conn()
        .prepare_cached(
            "SELECT (SELECT ifnull(sum(amount), 0) FROM voucher)
                  - (SELECT ifnull(sum(amount), 0) FROM voucher_use)",
        )?
        .query_row([], |r| r.get(0))?;
    Ok(Money::from_cents(cents))
}
