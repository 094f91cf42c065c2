//! Every SQL statement of pépite, and nothing but storage.
//!
//! A [`Store`] is one connection to one SQLite file, in WAL mode with foreign keys on and
//! a busy timeout, so several terminals share the file without stepping on each other.
//! Work happens inside a [`Tx`]: [`Store::write`] opens it with `BEGIN IMMEDIATE` (a
//! deferred transaction that later wants to write fails at once with "database is
//! locked" under contention), [`Store::read`] with a plain snapshot. The table modules
//! take a `&Tx` and speak domain types; no other layer sees `rusqlite`.

pub mod accounting;
mod backup;
pub mod busy;
pub mod cafe;
pub mod categories;
pub mod central;
pub mod donations;
pub mod drafts;
pub mod eco;
mod error;
pub mod items;
pub mod journal;
mod journal_figures;
pub mod kitchen;
pub mod member_lists;
pub mod member_offers;
pub mod member_prices;
pub mod members;
mod migrate;
pub mod oressource;
pub mod payment_methods;
pub mod points_of_sale;
pub mod print_jobs;
pub mod reports;
pub mod sessions;
pub mod sorting;
pub mod structure;
pub mod sync;
pub mod targets;
pub mod till_catalogue;
mod time;
pub mod users;
pub mod vouchers;

pub use backup::{backup_to, restore_from};
pub use error::StorageError;
pub use migrate::{SCHEMA_VERSION, known_files as known_migration_files};
pub use time::Timestamp;
pub(crate) use time::from_text as parse_timestamp;

use rusqlite::{Connection, OpenFlags, TransactionBehavior};
use std::path::{Path, PathBuf};

/// The value of `PRAGMA application_id` that marks a pépite file ('PEPT').
const APPLICATION_ID: i32 = 0x5045_5054;

/// The result of a storage call.
pub type Result<T, E = StorageError> = std::result::Result<T, E>;

/// Reports a stored value that fails a domain rule (a hand-edited row) as a conversion
/// error of its column, so the row is refused rather than shown wrong.
pub(crate) fn bad_value(column: usize, error: crate::domain::DomainError) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Text, Box::new(error))
}

/// `Ok` when an UPDATE touched a row, else [`StorageError::NotFound`] naming the thing.
pub(crate) fn found(changed: usize, thing: crate::i18n::Msg) -> Result<()> {
    if changed == 0 {
        Err(StorageError::NotFound(thing))
    } else {
        Ok(())
    }
}

/// One connection to the database.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
}

/// A transaction: every storage function takes one.
pub struct Tx<'a> {
    tx: rusqlite::Transaction<'a>,
}

impl Tx<'_> {
    pub(crate) fn conn(&self) -> &Connection {
        &self.tx
    }
}

impl Store {
    /// Opens (creating it if needed) the database at `path` and migrates it. A file from a
    /// newer pépite, or that is not a pépite database, is refused untouched.
    /// The file and its folders are created owner-only (see [`crate::files`]); an existing
    /// file open to everyone loses the rights of "others".
    pub fn open(path: &Path) -> Result<Store> {
        let open_error = |error: rusqlite::Error| StorageError::Open {
            path: path.to_owned(),
            reason: error.to_string(),
        };
        let io_error = |error: std::io::Error| StorageError::Open {
            path: path.to_owned(),
            reason: crate::i18n::io_reason(&error),
        };
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            crate::files::create_private_dir(parent).map_err(io_error)?;
        }
        if !path.exists() {
            // SQLite takes an empty file as a new database, and gives its -wal and -shm
            // the database file's permissions.
            crate::files::create_private(path).map_err(io_error)?;
        }
        for suffix in ["", "-wal", "-shm"] {
            let file = PathBuf::from(format!("{}{suffix}", path.display()));
            // Another account of the site's group may open a file it does not own: it
            // cannot change its rights, and that is no reason to refuse to sell.
            if file.exists()
                && let Err(error) = crate::files::close_to_others(&file)
            {
                tracing::warn!(%error, file = %file.display(), "file left open to others");
            }
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn = Connection::open_with_flags(path, flags).map_err(open_error)?;
        conn.busy_handler(Some(busy::wait))?;
        Self::check_identity(&conn, path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        // Checkpoint the WAL every ~16 MB rather than every 4 MB: a sale dirties several
        // pages, and fewer, larger checkpoints spend fewer fsyncs per sale.
        conn.pragma_update(None, "wal_autocheckpoint", 4000)?;
        Self::finish_open(conn, Some(path.to_owned()))
    }

    /// Opens a database that must exist already: a mistyped `--db` is « fichier
    /// introuvable », never a new empty database (nor its folders).
    pub fn open_existing(path: &Path) -> Result<Store> {
        if !path.is_file() {
            return Err(StorageError::Missing(path.to_owned()));
        }
        Store::open(path)
    }

    /// A private database in memory, for tests.
    pub fn open_in_memory() -> Result<Store> {
        let conn = Connection::open_in_memory()?;
        Self::finish_open(conn, None)
    }

    fn finish_open(conn: Connection, path: Option<PathBuf>) -> Result<Store> {
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // Whatever is deleted or overwritten is zeroed on the page: an erased member's
        // name does not linger in free space (the register holds personal data).
        conn.pragma_update(None, "secure_delete", "ON")?;
        // The sale path alone uses more distinct statements than rusqlite's default 16.
        conn.set_prepared_statement_cache_capacity(64);
        // Query-planner stability: plans never depend on the values bound to a statement.
        // Without it SQLite re-prepares (parses and plans again) every cached statement
        // whose ORDER BY or max() meets a `col = ?` term, on every execution — a fifth of
        // the time of a sale went there.
        conn.set_db_config(
            rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG,
            true,
        )?;
        // A sale must survive a power cut the moment the till says it is paid.
        conn.pragma_update(None, "synchronous", "FULL")?;
        let mut store = Store { conn, path };
        migrate::migrate(&mut store.conn)?;
        Ok(store)
    }

    /// Refuses, before any write, a file that is not ours or is from a newer pépite.
    fn check_identity(conn: &Connection, path: &Path) -> Result<()> {
        let not_ours = || StorageError::NotPepite(path.to_owned());
        let version = match migrate::user_version(conn) {
            Ok(version) => version,
            Err(StorageError::Sqlite(error))
                if error.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase) =>
            {
                return Err(not_ours());
            }
            Err(StorageError::Corrupt) => return Err(not_ours()),
            Err(other) => return Err(other),
        };
        if version > SCHEMA_VERSION {
            return Err(StorageError::NewerSchema {
                found: version,
                supported: SCHEMA_VERSION,
            });
        }
        let application_id: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
        let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
        let fresh = application_id == 0 && tables == 0 && version == 0;
        if application_id != APPLICATION_ID && !fresh {
            return Err(not_ours());
        }
        Ok(())
    }

    /// The file behind this store (`None` in memory).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Runs `work` in a write transaction (`BEGIN IMMEDIATE`), committed if it returns
    /// `Ok`, rolled back otherwise.
    pub fn write<T, E>(&mut self, work: impl FnOnce(&Tx) -> Result<T, E>) -> Result<T, E>
    where
        E: From<StorageError>,
    {
        self.run(TransactionBehavior::Immediate, work)
    }

    /// Runs `work` in a write transaction committed without waiting for the disk
    /// (`synchronous = NORMAL` for this commit only): what it wrote survives the process
    /// being killed at once, and a power cut from the next durable commit on. For drafts
    /// written at every key press; never for the journal.
    pub fn write_unsynced<T, E>(&mut self, work: impl FnOnce(&Tx) -> Result<T, E>) -> Result<T, E>
    where
        E: From<StorageError>,
    {
        self.conn
            .pragma_update(None, "synchronous", "NORMAL")
            .map_err(StorageError::from)?;
        let result = self.run(TransactionBehavior::Immediate, work);
        let restored = self.conn.pragma_update(None, "synchronous", "FULL");
        let value = result?;
        restored.map_err(StorageError::from)?;
        Ok(value)
    }

    /// Copies the WAL into the database file and empties it (after an erasure: the old
    /// pages must not linger in the WAL). `false` when another connection's reading kept
    /// part of it.
    pub fn checkpoint(&mut self) -> Result<bool> {
        let (busy, log, done): (i64, i64, i64) =
            self.conn
                .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                })?;
        Ok(busy == 0 && log == done)
    }

    /// Runs `work` on a consistent snapshot.
    /// Runs `work` in a write transaction and rolls it back whatever it returns: a dry
    /// run sees everything it would write, and nothing is kept.
    pub fn trial<T, E>(&mut self, work: impl FnOnce(&Tx) -> Result<T, E>) -> Result<T, E>
    where
        E: From<StorageError>,
    {
        self.run_then(TransactionBehavior::Immediate, false, work)
    }

    pub fn read<T, E>(&mut self, work: impl FnOnce(&Tx) -> Result<T, E>) -> Result<T, E>
    where
        E: From<StorageError>,
    {
        self.run(TransactionBehavior::Deferred, work)
    }

    fn run<T, E>(
        &mut self,
        behavior: TransactionBehavior,
        work: impl FnOnce(&Tx) -> Result<T, E>,
    ) -> Result<T, E>
    where
        E: From<StorageError>,
    {
        self.run_then(behavior, true, work)
    }

    /// `work` in a transaction, committed when `commit`, else rolled back; an error from
    /// `work` always rolls back.
    fn run_then<T, E>(
        &mut self,
        behavior: TransactionBehavior,
        commit: bool,
        work: impl FnOnce(&Tx) -> Result<T, E>,
    ) -> Result<T, E>
    where
        E: From<StorageError>,
    {
        let tx = self
            .conn
            .transaction_with_behavior(behavior)
            .map_err(StorageError::from)?;
        let tx = Tx { tx };
        let value = work(&tx)?;
        if commit {
            tx.tx.commit()
        } else {
            tx.tx.rollback()
        }
        .map_err(StorageError::from)?;
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrating_twice_changes_nothing() {
        let mut store = Store::open_in_memory().expect("open");
        assert_eq!(
            migrate::user_version(&store.conn).expect("version"),
            SCHEMA_VERSION
        );
        migrate::migrate(&mut store.conn).expect("second migration");
        assert_eq!(
            migrate::user_version(&store.conn).expect("version"),
            SCHEMA_VERSION
        );
    }

    #[test]
    fn every_migration_file_is_known_and_opens_with_a_why() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
        let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
            .expect("migrations/")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".sql"))
            .collect();
        on_disk.sort();
        let known: Vec<&str> = known_migration_files().collect();
        assert_eq!(on_disk, known);
        for (i, name) in known.iter().enumerate() {
            assert!(
                name.starts_with(&format!("{:04}_", i + 1)),
                "{name} out of order"
            );
            let text = std::fs::read_to_string(dir.join(name)).expect("read");
            assert!(
                text.starts_with("-- Why:"),
                "{name} must open with a -- Why: comment"
            );
        }
    }

    #[test]
    fn a_file_reopens_and_a_foreign_file_is_refused_untouched() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("p.db");
        drop(Store::open(&path).expect("create"));
        let store = Store::open(&path).expect("reopen");
        assert_eq!(store.path(), Some(path.as_path()));
        drop(store);

        let foreign = dir.path().join("other.db");
        let conn = Connection::open(&foreign).expect("foreign");
        conn.execute_batch("CREATE TABLE t (x); PRAGMA journal_mode = DELETE;")
            .expect("t");
        drop(conn);
        let before = std::fs::read(&foreign).expect("bytes");
        assert!(matches!(
            Store::open(&foreign),
            Err(StorageError::NotPepite(_))
        ));
        assert_eq!(std::fs::read(&foreign).expect("bytes"), before);

        let text = dir.path().join("notes.txt");
        std::fs::write(&text, "pas une base ".repeat(100)).expect("write");
        assert!(matches!(
            Store::open(&text),
            Err(StorageError::NotPepite(_))
        ));
    }

    #[test]
    fn a_failed_write_rolls_back() {
        let mut store = Store::open_in_memory().expect("open");
        let result: Result<()> = store.write(|tx| {
            tx.conn()
                .execute("INSERT INTO site (name) VALUES ('A')", [])?;
            Err(StorageError::Busy)
        });
        assert!(result.is_err());
        let count: i64 = store
            .read(|tx| {
                Ok::<_, StorageError>(tx.conn().query_row(
                    "SELECT count(*) FROM site",
                    [],
                    |r| r.get(0),
                )?)
            })
            .expect("count");
        assert_eq!(count, 0);
    }
}
