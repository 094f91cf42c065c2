//! The central PostgreSQL database where every site's records are consolidated: the
//! connection (TLS when the URL asks for it, the password never from a config file), the
//! central schema's migrations, and — in the submodules — what a site sends ([`push`]),
//! what `verify --central` reads ([`read`]) and the consolidated reports' figures
//! ([`reports`]). Like the rest of `storage`, the only place that writes its SQL.

mod connect;
mod copy;
pub mod push;
pub mod read;
pub mod reports;

pub use connect::{password_in_url, redacted};

use super::{Result, StorageError};

/// The central schema's migrations, in order; the version of the n-th is n.
const MIGRATIONS: &[(&str, &str)] = &[(
    "0001_central.sql",
    include_str!("../../../migrations/central/0001_central.sql"),
)];

/// The central schema version this pépite writes.
pub const CENTRAL_VERSION: i32 = MIGRATIONS.len() as i32;

/// One connection to the central database.
pub struct Central {
    client: postgres::Client,
}

/// A transaction on the central database: every push and read takes one.
pub struct CentralTx<'a> {
    tx: postgres::Transaction<'a>,
}

impl CentralTx<'_> {
    /// Commits the transaction.
    pub fn commit(self) -> Result<()> {
        self.tx.commit().map_err(central)
    }
}

/// Turns a driver error into [`StorageError::Central`] (the server's words) or
/// [`StorageError::CentralUnreachable`] (no answer, a cut connection), said in words.
pub(crate) fn central(error: postgres::Error) -> StorageError {
    tracing::warn!(%error, "central database");
    match error.as_db_error() {
        Some(db) => StorageError::Central(db.message().trim_start_matches("pepite: ").to_owned()),
        None if error.is_closed() => {
            StorageError::CentralUnreachable(crate::i18n::Msg::CentralClosed.text().to_owned())
        }
        None => {
            let text = error.to_string();
            let source = std::error::Error::source(&error)
                .map(ToString::to_string)
                .unwrap_or_default();
            StorageError::CentralUnreachable(if source.is_empty() {
                text
            } else {
                format!("{text} ({source})")
            })
        }
    }
}

impl Central {
    /// Connects to `url` (`postgres://user@host[:port]/db[?sslmode=require]`). The password
    /// comes from the URL when it was typed on the command line, else from the environment
    /// (`PEPITE_CENTRAL_PASSWORD`, `PGPASSWORD`), else from a `.pgpass` file.
    pub fn connect(url: &str) -> Result<Central> {
        let client = connect::client(url)?;
        Ok(Central { client })
    }

    /// A transaction, with the central schema on the search path.
    pub fn transaction(&mut self) -> Result<CentralTx<'_>> {
        let mut tx = self.client.transaction().map_err(central)?;
        tx.batch_execute("SET LOCAL search_path TO pepite")
            .map_err(central)?;
        Ok(CentralTx { tx })
    }

    /// The central schema's version (0: none yet).
    pub fn version(&mut self) -> Result<i32> {
        // Two statements: a query naming a table that does not exist fails as it is
        // planned, whatever CASE would have chosen.
        let exists: bool = self
            .client
            .query_one(
                "SELECT to_regclass('pepite.central_version') IS NOT NULL",
                &[],
            )
            .map_err(central)?
            .get(0);
        if !exists {
            return Ok(0);
        }
        let row = self
            .client
            .query_one(
                "SELECT coalesce(max(version), 0) FROM pepite.central_version",
                &[],
            )
            .map_err(central)?;
        Ok(row.get(0))
    }

    /// Refuses a central schema this pépite does not write exactly.
    pub fn check_version(&mut self) -> Result<()> {
        let found = self.version()?;
        if found == CENTRAL_VERSION {
            Ok(())
        } else if found > CENTRAL_VERSION {
            Err(StorageError::Central(
                crate::i18n::Msg::CentralNewer.fill(&[&found, &CENTRAL_VERSION]),
            ))
        } else {
            Err(StorageError::Central(
                crate::i18n::Msg::CentralOlder.fill(&[&found, &CENTRAL_VERSION]),
            ))
        }
    }

    /// Creates or migrates the central schema (one transaction per migration, under an
    /// advisory lock so two `init` at once apply each once). Returns `(from, to)`.
    pub fn migrate(&mut self) -> Result<(i32, i32)> {
        let mut tx = self.client.transaction().map_err(central)?;
        tx.batch_execute(
            "SELECT pg_advisory_xact_lock(5045505400);
             CREATE SCHEMA IF NOT EXISTS pepite;
             CREATE TABLE IF NOT EXISTS pepite.central_version (
                 version     INTEGER PRIMARY KEY,
                 applied_at  TIMESTAMPTZ NOT NULL DEFAULT now());",
        )
        .map_err(central)?;
        let from: i32 = tx
            .query_one(
                "SELECT coalesce(max(version), 0) FROM pepite.central_version",
                &[],
            )
            .map_err(central)?
            .get(0);
        if from > CENTRAL_VERSION {
            return Err(StorageError::Central(
                crate::i18n::Msg::CentralNewer.fill(&[&from, &CENTRAL_VERSION]),
            ));
        }
        for (index, (name, sql)) in MIGRATIONS.iter().enumerate().skip(from as usize) {
            let version = index as i32 + 1;
            tx.batch_execute(sql).map_err(|e| StorageError::Migration {
                version: version as u32,
                reason: format!("{name}: {}", central(e)),
            })?;
            tx.execute(
                "INSERT INTO pepite.central_version (version) VALUES ($1)",
                &[&version],
            )
            .map_err(central)?;
        }
        tx.batch_execute("RESET search_path").map_err(central)?;
        tx.commit().map_err(central)?;
        Ok((from, CENTRAL_VERSION))
    }
}
