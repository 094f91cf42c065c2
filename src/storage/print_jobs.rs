//! The print spool: jobs kept until their printer took them, or a person discarded them.

use super::time::to_text;
use super::{Result, Timestamp, Tx};
use rusqlite::params;

/// A job not yet printed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PendingJob {
    pub id: i64,
    pub printer: String,
    pub title: String,
    pub bytes: Vec<u8>,
    pub attempts: i64,
    pub last_error: Option<String>,
}

pub fn add(tx: &Tx, printer: &str, title: &str, bytes: &[u8], now: Timestamp) -> Result<i64> {
    tx.conn()
        .prepare_cached(
            "INSERT INTO print_job (printer, title, bytes, created_at) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![printer, title, bytes, to_text(now)])?;
    Ok(tx.conn().last_insert_rowid())
}

/// The jobs waiting for `printer` (every printer with `None`), oldest first.
pub fn pending(tx: &Tx, printer: Option<&str>) -> Result<Vec<PendingJob>> {
    let mut stmt = tx.conn().prepare_cached(
        "SELECT id, printer, title, bytes, attempts, last_error FROM print_job
         WHERE done_at IS NULL AND (?1 IS NULL OR printer = ?1) ORDER BY id",
    )?;
    let rows = stmt.query_map([printer], |r| {
        Ok(PendingJob {
            id: r.get(0)?,
            printer: r.get(1)?,
            title: r.get(2)?,
            bytes: r.get(3)?,
            attempts: r.get(4)?,
            last_error: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// One more try that failed, and why.
pub fn failed(tx: &Tx, id: i64, error: &str) -> Result<()> {
    tx.conn()
        .prepare_cached(
            "UPDATE print_job SET attempts = attempts + 1, last_error = ?2 WHERE id = ?1",
        )?
        .execute(params![id, error])?;
    Ok(())
}

/// The job is done: `printed`, or `discarded` by a person. A job already done stays as
/// it was; `false` when no pending job had that id.
pub fn finish(tx: &Tx, id: i64, outcome: &str, now: Timestamp) -> Result<bool> {
    let changed = tx
        .conn()
        .prepare_cached(
            "UPDATE print_job SET done_at = ?3, outcome = ?2, attempts = attempts + (?2 = 'printed')
             WHERE id = ?1 AND done_at IS NULL",
        )?
        .execute(params![id, outcome, to_text(now)])?;
    Ok(changed == 1)
}

/// A job as the spool screen lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JobRow {
    pub id: i64,
    pub printer: String,
    pub title: String,
    pub attempts: i64,
    pub last_error: Option<String>,
    /// `None` while waiting; `printed` or `discarded` once done.
    pub outcome: Option<String>,
    pub created_at: String,
}

/// The waiting jobs, then the `limit` most recent done ones.
pub fn recent(tx: &Tx, limit: i64) -> Result<Vec<JobRow>> {
    let mut stmt = tx.conn().prepare_cached(
        "SELECT id, printer, title, attempts, last_error, outcome, created_at FROM (
             SELECT *, 0 AS rank FROM print_job WHERE done_at IS NULL
             UNION ALL
             SELECT * FROM (SELECT *, 1 AS rank FROM print_job WHERE done_at IS NOT NULL
                            ORDER BY id DESC LIMIT ?1))
         ORDER BY rank, id",
    )?;
    let rows = stmt.query_map([limit], |r| {
        Ok(JobRow {
            id: r.get(0)?,
            printer: r.get(1)?,
            title: r.get(2)?,
            attempts: r.get(3)?,
            last_error: r.get(4)?,
            outcome: r.get(5)?,
            created_at: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Whether job `id` still waits (a person may have discarded it meanwhile).
pub fn is_pending(tx: &Tx, id: i64) -> Result<bool> {
    Ok(tx
        .conn()
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM print_job WHERE id = ?1 AND done_at IS NULL)",
        )?
        .query_row([id], |r| r.get(0))?)
}

/// The title and bytes of job `id`, to print it again.
pub fn content(tx: &Tx, id: i64) -> Result<Option<(String, String, Vec<u8>)>> {
    use rusqlite::OptionalExtension;
    Ok(tx
        .conn()
        .prepare_cached("SELECT printer, title, bytes FROM print_job WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?)
}
