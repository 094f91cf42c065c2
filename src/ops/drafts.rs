//! The till's drafts: the ticket in progress and the parked ones, kept in the database
//! at every change so a quit, a crash or a power cut loses none.

use super::{OpsError, Result};
use crate::domain::{Cart, TerminalCode};
use crate::storage::{Store, Timestamp};

/// Keeps the till's drafts — the ticket in progress first, then the parked ones — so
/// they survive a quit or a crash.
pub fn save_drafts(
    store: &mut Store,
    terminal: &TerminalCode,
    current: &Cart,
    parked: &[Cart],
    now: Timestamp,
) -> Result<()> {
    let encode = |cart: &Cart| -> Result<String> {
        if cart.is_empty() {
            return Ok(String::new());
        }
        serde_json::to_string(cart).map_err(|e| OpsError::Draft(e.to_string()))
    };
    let mut carts = vec![encode(current)?];
    for cart in parked {
        carts.push(encode(cart)?);
    }
    // Not waited on the disk: a key press must not cost an fsync. The draft survives the
    // process being killed at once, and a power cut from the next sale's durable commit.
    Ok(store
        .write_unsynced(|tx| crate::storage::drafts::replace(tx, terminal.as_str(), &carts, now))?)
}

/// The drafts kept for `terminal`: the ticket in progress (empty when none) and the
/// parked ones. A draft that no longer reads is skipped and logged, never fatal.
pub fn load_drafts(store: &mut Store, terminal: &TerminalCode) -> Result<(Cart, Vec<Cart>)> {
    let rows = store.read(|tx| crate::storage::drafts::of_terminal(tx, terminal.as_str()))?;
    let mut current = Cart::default();
    let mut parked = Vec::new();
    for (slot, json) in rows {
        match serde_json::from_str::<Cart>(&json) {
            Ok(cart) if slot == 0 => current = cart,
            Ok(cart) => parked.push(cart),
            Err(error) => tracing::error!(%error, slot, "unreadable till draft"),
        }
    }
    Ok((current, parked))
}
