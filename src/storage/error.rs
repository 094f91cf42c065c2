//! What can go wrong with the database, as a person needs to hear it.

use crate::domain::DomainError;
use crate::i18n::Msg;
use rusqlite::ErrorCode;
use std::fmt;
use std::path::PathBuf;

/// A storage failure. `Display` gives a French message that says what to do next; the
/// driver's own text is kept for the log through `Debug`.
#[derive(Debug)]
pub enum StorageError {
    /// The file was written by a newer pépite; it was left untouched.
    NewerSchema {
        found: u32,
        supported: u32,
    },
    /// The file is not a pépite database; it was left untouched.
    NotPepite(PathBuf),
    /// Another terminal held the write lock longer than the busy timeout.
    Busy,
    ReadOnly,
    DiskFull,
    Corrupt,
    Open {
        path: PathBuf,
        reason: String,
    },
    /// No row: the message names the kind of thing looked for.
    NotFound(Msg),
    /// A unique name was taken: the message names the value.
    Duplicate(String),
    Migration {
        version: u32,
        reason: String,
    },
    BackupExists(PathBuf),
    /// A shortcut another category or grid entry has already.
    ShortcutTaken {
        shortcut: String,
        owner: String,
    },
    /// A database named on the command line that does not exist.
    Missing(PathBuf),
    Backup {
        path: PathBuf,
        reason: String,
    },
    /// A stored value no longer passes the domain's rules (hand-edited database).
    BadData(DomainError),
    /// The central PostgreSQL database refused or failed: its words.
    Central(String),
    /// The central PostgreSQL database could not be reached (or the connection broke).
    CentralUnreachable(String),
    Sqlite(rusqlite::Error),
}

impl From<rusqlite::Error> for StorageError {
    fn from(error: rusqlite::Error) -> StorageError {
        match error.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StorageError::Busy,
            Some(ErrorCode::ReadOnly) => StorageError::ReadOnly,
            Some(ErrorCode::DiskFull) => StorageError::DiskFull,
            Some(ErrorCode::DatabaseCorrupt) => StorageError::Corrupt,
            _ => {
                // The driver's own words are for the log; the screen says it in French.
                tracing::error!(%error, "database error");
                StorageError::Sqlite(error)
            }
        }
    }
}

impl From<DomainError> for StorageError {
    fn from(error: DomainError) -> StorageError {
        StorageError::BadData(error)
    }
}

impl StorageError {
    /// Turns a UNIQUE constraint failure into [`StorageError::Duplicate`] naming `value`.
    pub(crate) fn unique(error: rusqlite::Error, value: &str) -> StorageError {
        match error.sqlite_error_code() {
            Some(ErrorCode::ConstraintViolation) if error.to_string().contains("UNIQUE") => {
                StorageError::Duplicate(value.to_owned())
            }
            _ => error.into(),
        }
    }

    /// Turns "no row" into [`StorageError::NotFound`] naming the kind of thing.
    pub(crate) fn missing(error: rusqlite::Error, thing: Msg) -> StorageError {
        match error {
            rusqlite::Error::QueryReturnedNoRows => StorageError::NotFound(thing),
            other => other.into(),
        }
    }
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use StorageError as E;
        let text = match self {
            E::NewerSchema { found, supported } => Msg::ErrDbNewer.fill(&[found, supported]),
            E::NotPepite(path) => Msg::ErrDbNotPepite.fill(&[&path.display()]),
            E::Busy => Msg::ErrDbBusy.text().to_owned(),
            E::ReadOnly => Msg::ErrDbReadOnly.text().to_owned(),
            E::DiskFull => Msg::ErrDbFull.text().to_owned(),
            E::Corrupt => Msg::ErrDbCorrupt.text().to_owned(),
            E::Open { path, reason } => Msg::ErrDbOpen.fill(&[&path.display(), reason]),
            E::NotFound(thing) => Msg::ErrNotFound.fill(&[thing]),
            E::Duplicate(value) => Msg::ErrDuplicate.fill(&[value]),
            E::Migration { version, reason } => Msg::ErrMigration.fill(&[version, reason]),
            E::ShortcutTaken { shortcut, owner } => Msg::ErrShortcutTaken.fill(&[shortcut, owner]),
            E::Missing(path) => Msg::ErrDbMissing.fill(&[&path.display()]),
            E::BackupExists(path) => Msg::ErrBackupExists.fill(&[&path.display()]),
            E::Backup { path, reason } => Msg::ErrBackupFailed.fill(&[&path.display(), reason]),
            E::BadData(error) => Msg::ErrDbOther.fill(&[error]),
            E::Central(reason) | E::CentralUnreachable(reason) => Msg::ErrCentral.fill(&[reason]),
            E::Sqlite(_) => Msg::ErrDbDriver.text().to_owned(),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for StorageError {}
