//! The tickets sent to the café's stations (the crêperie, the bar): a running number per
//! station, what each said (JSON, for a reprint), and when the station marked it ready.

use super::time::{from_text, to_text};
use super::{Result, Timestamp, Tx, found};
use crate::domain::cafe::Station;
use crate::i18n::Msg;
use rusqlite::{OptionalExtension, params};

/// Records a ticket sent to `station` with the next number of that station's series,
/// and returns the number.
pub fn insert_kitchen_ticket(
    tx: &Tx,
    station: Station,
    order: i64,
    cancellation: bool,
    ticket: &dyn Fn(i64) -> String,
    now: Timestamp,
) -> Result<i64> {
    let number: i64 = tx
        .conn()
        .prepare_cached("SELECT ifnull(max(number), 0) + 1 FROM kitchen_ticket WHERE station = ?1")?
        .query_row([station.code()], |r| r.get(0))?;
    tx.conn().execute(
        "INSERT INTO kitchen_ticket (station, number, order_id, cancellation, sent_at, ticket)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            station.code(),
            number,
            order,
            cancellation,
            to_text(now),
            ticket(number)
        ],
    )?;
    Ok(number)
}

/// The last ticket sent to `station` (its JSON), for a reprint.
pub fn last_kitchen_ticket(tx: &Tx, station: Station) -> Result<Option<String>> {
    Ok(tx
        .conn()
        .prepare_cached(
            "SELECT ticket FROM kitchen_ticket WHERE station = ?1 ORDER BY number DESC LIMIT 1",
        )?
        .query_row([station.code()], |r| r.get(0))
        .optional()?)
}

/// A ticket a station has not marked ready.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Waiting {
    pub id: i64,
    pub order_id: i64,
    pub sent_at: Timestamp,
    pub cancellation: bool,
    /// What the ticket said (JSON).
    pub ticket: String,
}

/// The tickets sent to `station` since `since` and not ready yet, oldest first.
pub fn waiting(tx: &Tx, station: Station, since: Timestamp) -> Result<Vec<Waiting>> {
    let mut stmt = tx.conn().prepare_cached(
        "SELECT id, order_id, sent_at, cancellation, ticket FROM kitchen_ticket
         WHERE station = ?1 AND ready_at IS NULL AND sent_at >= ?2 ORDER BY id",
    )?;
    let rows = stmt.query_map(params![station.code(), to_text(since)], |r| {
        let sent: String = r.get(2)?;
        Ok(Waiting {
            id: r.get(0)?,
            order_id: r.get(1)?,
            sent_at: from_text(&sent).ok_or_else(|| super::cafe::bad_code(2, &sent))?,
            cancellation: r.get(3)?,
            ticket: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Marks a ticket ready (once: a second mark changes nothing and says not found).
pub fn mark_ready(tx: &Tx, id: i64, now: Timestamp) -> Result<()> {
    let changed = tx.conn().execute(
        "UPDATE kitchen_ticket SET ready_at = ?2 WHERE id = ?1 AND ready_at IS NULL",
        params![id, to_text(now)],
    )?;
    found(changed, Msg::ThingKitchenTicket)
}
