//! Schema migrations: the numbered files of `migrations/`, applied in order at open and
//! tracked by `PRAGMA user_version`, one `BEGIN IMMEDIATE` transaction each.
//!
//! A database whose version is above [`SCHEMA_VERSION`] comes from a newer pépite: it is
//! refused before anything is written to it.

use super::StorageError;
use rusqlite::{Connection, TransactionBehavior};

/// The migrations, in order; the version of the n-th is n.
const MIGRATIONS: &[(&str, &str)] = &[
    (
        "0001_structure.sql",
        include_str!("../../migrations/0001_structure.sql"),
    ),
    (
        "0002_journal.sql",
        include_str!("../../migrations/0002_journal.sql"),
    ),
    (
        "0003_till.sql",
        include_str!("../../migrations/0003_till.sql"),
    ),
    (
        "0004_sorting.sql",
        include_str!("../../migrations/0004_sorting.sql"),
    ),
    (
        "0005_print_jobs.sql",
        include_str!("../../migrations/0005_print_jobs.sql"),
    ),
    (
        "0006_till_drafts.sql",
        include_str!("../../migrations/0006_till_drafts.sql"),
    ),
    (
        "0007_vat_scheme.sql",
        include_str!("../../migrations/0007_vat_scheme.sql"),
    ),
    (
        "0008_outbound_lists.sql",
        include_str!("../../migrations/0008_outbound_lists.sql"),
    ),
    (
        "0009_till_sessions.sql",
        include_str!("../../migrations/0009_till_sessions.sql"),
    ),
    (
        "0010_key_rotation.sql",
        include_str!("../../migrations/0010_key_rotation.sql"),
    ),
    (
        "0011_cafe.sql",
        include_str!("../../migrations/0011_cafe.sql"),
    ),
    (
        "0012_note_documents.sql",
        include_str!("../../migrations/0012_note_documents.sql"),
    ),
    (
        "0013_kitchen_ready.sql",
        include_str!("../../migrations/0013_kitchen_ready.sql"),
    ),
    (
        "0014_sale_lines.sql",
        include_str!("../../migrations/0014_sale_lines.sql"),
    ),
    (
        "0015_targets.sql",
        include_str!("../../migrations/0015_targets.sql"),
    ),
    (
        "0016_document_dates.sql",
        include_str!("../../migrations/0016_document_dates.sql"),
    ),
    (
        "0017_accounts.sql",
        include_str!("../../migrations/0017_accounts.sql"),
    ),
    (
        "0018_eco_organisations.sql",
        include_str!("../../migrations/0018_eco_organisations.sql"),
    ),
    (
        "0019_members.sql",
        include_str!("../../migrations/0019_members.sql"),
    ),
    (
        "0020_oressource.sql",
        include_str!("../../migrations/0020_oressource.sql"),
    ),
    (
        "0021_central_sync.sql",
        include_str!("../../migrations/0021_central_sync.sql"),
    ),
];

/// The schema version this binary writes.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// The file names of the migrations this binary knows, for the test that compares them
/// with `migrations/`.
pub fn known_files() -> impl Iterator<Item = &'static str> {
    MIGRATIONS.iter().map(|(name, _)| *name)
}

pub(super) fn user_version(conn: &Connection) -> Result<u32, StorageError> {
    Ok(conn.query_row("PRAGMA user_version", [], |row| row.get(0))?)
}

/// Ends a migration that edited a table's SQL in the schema (SQLite's documented way to
/// loosen a CHECK): bumps `schema_version` so every connection reads the schema again,
/// turns `writable_schema` off, and refuses to commit unless `integrity_check` says ok.
fn finish_schema_edit(tx: &rusqlite::Transaction) -> Result<(), rusqlite::Error> {
    let version: i64 = tx.query_row("PRAGMA schema_version", [], |r| r.get(0))?;
    tx.pragma_update(None, "schema_version", version + 1)?;
    tx.pragma_update(None, "writable_schema", false)?;
    let check: String = tx.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if check == "ok" {
        Ok(())
    } else {
        Err(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CORRUPT),
            Some(check),
        ))
    }
}

/// Brings the schema up to [`SCHEMA_VERSION`]. Safe when several processes open the same
/// new file at once: each step re-reads the version inside its write transaction.
pub(super) fn migrate(conn: &mut Connection) -> Result<(), StorageError> {
    for (index, (_, sql)) in MIGRATIONS.iter().enumerate() {
        let version = index as u32 + 1;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let current = user_version(&tx)?;
        if current > SCHEMA_VERSION {
            return Err(StorageError::NewerSchema {
                found: current,
                supported: SCHEMA_VERSION,
            });
        }
        if current >= version {
            continue;
        }
        let failed = |error: rusqlite::Error| StorageError::Migration {
            version,
            reason: error.to_string(),
        };
        tx.execute_batch(sql).map_err(failed)?;
        if sql.contains("writable_schema") {
            finish_schema_edit(&tx).map_err(failed)?;
        }
        tx.pragma_update(None, "user_version", version)?;
        tx.commit()?;
        tracing::info!(version, "schema migrated");
    }
    Ok(())
}
