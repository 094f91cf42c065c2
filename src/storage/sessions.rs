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
    if after == 0 {
        return first_document(tx, terminal);
    }
    // After a Z: a range of the rowid from that Z, so at most one session of every
    // terminal is walked (the unary `+` keeps the planner off the terminal's index, which
    // would sort years of its documents on every sale).
    Ok(tx
        .conn()
        .prepare_cached(
            "SELECT business_date, created_at FROM document
             WHERE id > ?2 AND +terminal = ?1 AND +kind IN ('ticket', 'proof') AND training = 0
             ORDER BY id LIMIT 1",
        )?
        .query_row(rusqlite::params![terminal, after], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?)
}

/// The first real ticket or proof a terminal that never made a Z wrote: its session is
/// all it has. Its earliest business date is one probe of the `(terminal, business_date,
/// kind)` index, and each kind's first document that day one more — no walk, however
/// long that session. Should that date hold no real ticket or proof (training only), the
/// terminal's entries are walked once instead.
fn first_document(tx: &Tx, terminal: &str) -> Result<Option<(String, String)>> {
    let earliest: Option<String> = tx
        .conn()
        .prepare_cached("SELECT min(business_date) FROM document WHERE terminal = ?1")?
        .query_row([terminal], |r| r.get(0))?;
    let Some(date) = earliest else {
        return Ok(None);
    };
    let mut stmt = tx.conn().prepare_cached(
        "SELECT id, business_date, created_at FROM document
         WHERE terminal = ?1 AND business_date = ?2 AND kind = ?3 AND training = 0
         ORDER BY id LIMIT 1",
    )?;
    let mut first: Option<(i64, String, String)> = None;
    for kind in ["proof", "ticket"] {
        let found: Option<(i64, String, String)> = stmt
            .query_row([terminal, &date, kind], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .optional()?;
        if let Some(found) = found
            && first.as_ref().is_none_or(|f| found.0 < f.0)
        {
            first = Some(found);
        }
    }
    if first.is_none() {
        first = tx
            .conn()
            .prepare_cached(
                "SELECT id, business_date, created_at FROM document
                 WHERE terminal = ?1 AND kind IN ('ticket', 'proof') AND training = 0
                 ORDER BY id LIMIT 1",
            )?
            .query_row([terminal], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?;
    }
    Ok(first.map(|(_, date, at)| (date, at)))
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
