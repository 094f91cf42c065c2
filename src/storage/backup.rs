//! A consistent copy of the live database, taken with SQLite's online backup API while
//! the tills keep selling. The copy is owner-only (`0600`).

use super::{Result, StorageError, Store};
use rusqlite::Connection;
use rusqlite::backup::{Backup, StepResult};
use std::path::Path;

/// Copies the whole database to `target` (which must not exist yet), then checks the
/// copy's integrity. Returns the copy's size in bytes.
pub fn backup_to(store: &Store, target: &Path) -> Result<u64> {
    if target.exists() {
        return Err(StorageError::BackupExists(target.to_owned()));
    }
    let fail = |reason: String| StorageError::Backup {
        path: target.to_owned(),
        reason,
    };
    // Owner-only from the first byte: a backup holds the PIN hashes and the journal.
    crate::files::create_private(target).map_err(|e| fail(crate::i18n::io_reason(&e)))?;
    let mut copy = Connection::open(target).map_err(|e| fail(e.to_string()))?;
    // One step over every page: a single read snapshot, so writes by other tills during
    // the copy neither restart it nor end up half in it.
    let outcome = Backup::new(&store.conn, &mut copy)
        .and_then(|backup| backup.step(-1))
        .map_err(|e| fail(e.to_string()))?;
    if outcome != StepResult::Done {
        return Err(StorageError::Busy);
    }
    let check: String = copy
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(|e| fail(e.to_string()))?;
    if check != "ok" {
        return Err(fail(check));
    }
    // The copy is a single file to carry away: no WAL beside it.
    copy.pragma_update(None, "journal_mode", "DELETE")
        .map_err(|e| fail(e.to_string()))?;
    drop(copy);
    std::fs::metadata(target)
        .map(|m| m.len())
        .map_err(|e| fail(e.to_string()))
}

/// Puts the database file `backup` in place of `target`: copied beside the target
/// (owner-only), made durable, then renamed over it, and the target's old `-wal` and
/// `-shm` removed. Every pépite on that database must be stopped first.
pub fn restore_from(backup: &Path, target: &Path) -> Result<()> {
    let fail = |e: std::io::Error| StorageError::Backup {
        path: backup.to_owned(),
        reason: crate::i18n::io_reason(&e),
    };
    let temp = target.with_extension("restore-tmp");
    let _ = std::fs::remove_file(&temp);
    let bytes = std::fs::read(backup).map_err(fail)?;
    crate::files::write_private(&temp, &bytes).map_err(fail)?;
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", target.display()));
    }
    std::fs::rename(&temp, target).map_err(fail)
}
