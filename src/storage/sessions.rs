//! The lookups that find a terminal's till session (its business day) and its period
//! closings: the last Z, the first document after it, the sessions a date already had,
//! and the time of the last document written. Each is one index probe, whatever the
//! length of the history, because every sale asks them.

use super::{Result, Tx};
use rusqlite::OptionalExtension;

/// A terminal's last closing of `kind` (`day`, `month`, `year`): its document id and
/// period, if it has one.
pub fn last_closing(tx: &Tx, terminal: &str, kind: &str) -> Result<Option<(i64, String)>> {
    Ok(tx
        .conn()
        .prepare_cached(
            "SELECT document_id, period FROM closing WHERE terminal = ?1 AND kind = ?2
             ORDER BY document_id DESC LIMIT 1",
        )?
        .query_row([terminal, kind], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?)
}

/// The first real ticket or payment proof of `terminal` written after document `after`:
/// its business date and when it was written. The session it opened is still open.
pub fn first_document_after(
    tx: &Tx,
    terminal: &str,
    after: i64,
) -> Result<Option<(String, String)>> {
    // A range of the rowid from the last Z: at most one session's documents are walked.
    Ok(tx
        .conn()
        .prepare_cached(
            "SELECT business_date, created_at FROM document
             WHERE id > ?2 AND terminal = ?1 AND kind IN ('ticket', 'proof') AND training = 0
             ORDER BY id LIMIT 1",
        )?
        .query_row(rusqlite::params![terminal, after], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?)
}

/// How many Zs the terminal already made for sessions opened on `date`.
pub fn sessions_closed_on(tx: &Tx, terminal: &str, date: &str) -> Result<i64> {
    Ok(tx
        .conn()
        .prepare_cached(
            "SELECT count(*) FROM closing WHERE terminal = ?1 AND kind = 'day'
               AND period >= ?2 AND period < ?2 || '~'",
        )?
        .query_row([terminal, date], |r| r.get(0))?)
}

/// When the last document of each of `series` was written (a terminal's tickets, proofs
/// and closings): the clock of its next one must not go back before them. One probe of
/// the `(series, number)` index each.
pub fn last_times(tx: &Tx, series: &[&str]) -> Result<Vec<String>> {
    let mut stmt = tx.conn().prepare_cached(
        "SELECT created_at FROM document WHERE series = ?1 ORDER BY number DESC LIMIT 1",
    )?;
    let mut times = Vec::with_capacity(series.len());
    for s in series {
        if let Some(at) = stmt.query_row([s], |r| r.get(0)).optional()? {
            times.push(at);
        }
    }
    Ok(times)
}

/// The terminals that have closed at least one day: those a month or year closing may be
/// owed to.
pub fn terminals_with_closings(tx: &Tx) -> Result<Vec<String>> {
    let mut stmt = tx
        .conn()
        .prepare_cached("SELECT DISTINCT terminal FROM closing WHERE kind = 'day' ORDER BY 1")?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every terminal that wrote a real document: those whose sessions an archive must find
/// closed.
pub fn terminals_with_documents(tx: &Tx) -> Result<Vec<String>> {
    let mut stmt = tx
        .conn()
        .prepare_cached("SELECT DISTINCT terminal FROM document WHERE training = 0 ORDER BY 1")?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The payload of a terminal's last closing of `kind` whose period lies between `from`
/// and `to` (inclusive bounds on the period text).
pub fn last_closing_payload_between(
    tx: &Tx,
    terminal: &str,
    kind: &str,
    from: &str,
    to: &str,
) -> Result<Option<String>> {
    Ok(tx
        .conn()
        .prepare_cached(
            "SELECT d.payload FROM closing c JOIN document d ON d.id = c.document_id
             WHERE c.terminal = ?1 AND c.kind = ?2 AND c.period BETWEEN ?3 AND ?4
             ORDER BY c.document_id DESC LIMIT 1",
        )?
        .query_row([terminal, kind, from, to], |r| r.get(0))
        .optional()?)
}
