//! The till's drafts: the ticket in progress (slot 0) and the parked ones (1…) of each
//! terminal, as JSON, replaced whole each time they change.

use super::time::to_text;
use super::{Result, Timestamp, Tx};
use rusqlite::params;

/// Replaces the drafts of `terminal` by `carts` (slot order; empty strings are skipped).
pub fn replace(tx: &Tx, terminal: &str, carts: &[String], now: Timestamp) -> Result<()> {
    tx.conn()
        .prepare_cached("DELETE FROM till_draft WHERE terminal = ?1")?
        .execute([terminal])?;
    let mut insert = tx.conn().prepare_cached(
        "INSERT INTO till_draft (terminal, slot, cart, updated_at) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (slot, cart) in carts.iter().enumerate() {
        if !cart.is_empty() {
            insert.execute(params![terminal, slot as i64, cart, to_text(now)])?;
        }
    }
    Ok(())
}

/// The drafts of `terminal`: `(slot, cart JSON)`, by slot.
pub fn of_terminal(tx: &Tx, terminal: &str) -> Result<Vec<(i64, String)>> {
    let mut stmt = tx
        .conn()
        .prepare_cached("SELECT slot, cart FROM till_draft WHERE terminal = ?1 ORDER BY slot")?;
    let rows = stmt.query_map([terminal], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
