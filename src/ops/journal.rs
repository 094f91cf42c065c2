//! The journal's use-cases that a person triggers: verify the chains (anyone; a failure is
//! itself recorded in the JET), close the day (manager only).

use super::{OpsError, Result, Session};
use crate::domain::Role;
use crate::journal::events::{self, EventCode};
use crate::journal::verify::{self, Report};
use crate::journal::{self, CashCount, Context, DocRef, InstallationKey};
use crate::storage::{Store, Timestamp};
use std::path::Path;

/// Verifies both chains and the key file; a failure is logged and written to the JET when
/// the key still signs.
pub fn verify(
    store: &mut Store,
    key_dir: &Path,
    from: Option<&str>,
    to: Option<&str>,
    now: Timestamp,
) -> Result<Report> {
    let report = store.read(|tx| verify::verify(tx, from, to, Some(key_dir)))?;
    if let Some(failure) = &report.failure {
        tracing::error!(record = %failure.record, reason = %failure.reason, "integrity check failed");
        if let Ok(key) = store.read(|tx| InstallationKey::load(tx, key_dir)) {
            let detail = format!("{} — {}", failure.record, failure.reason);
            store.write(|tx| {
                events::record(tx, &key, EventCode::IntegrityFailure, now, "", "", &detail)
            })?;
        }
    }
    Ok(report)
}

/// Closes business day `date` of the context's terminal with the manager's cash count.
pub fn close_day(
    store: &mut Store,
    session: &Session,
    key: &InstallationKey,
    ctx: &Context,
    date: &str,
    count: &CashCount,
) -> Result<DocRef> {
    session.require(Role::Manager)?;
    store.write(|tx| Ok::<_, OpsError>(journal::close_day(tx, key, ctx, date, count)?))
}

/// Archives a past month or year into `out` (manager only): the files, then the archive
/// document and its JET event.
pub fn archive(
    store: &mut Store,
    session: &Session,
    key: &InstallationKey,
    ctx: &Context,
    period: &str,
    out: &Path,
) -> Result<DocRef> {
    session.require(Role::Manager)?;
    let period = journal::archive::Period::parse(period, ctx.at.date_naive())?;
    store.write(|tx| Ok::<_, OpsError>(journal::archive::write(tx, key, ctx, &period, out)?))
}

/// The journal context of a manager acting from the command line on `terminal`.
pub fn manager_context(
    store: &mut Store,
    session: &Session,
    terminal: Option<&crate::domain::TerminalCode>,
    now: Timestamp,
) -> Result<Context> {
    let (terminal, pos) =
        super::places::choose_terminal(store, terminal)?.ok_or(OpsError::NotInitialised)?;
    Ok(Context {
        terminal: terminal.code,
        point_of_sale: pos.name.to_string(),
        operator: session.name().to_string(),
        training: false,
        at: now,
    })
}

/// Loads the installation key of the database from `key_dir`, shared by the sessions.
pub fn load_key(store: &mut Store, key_dir: &Path) -> Result<std::sync::Arc<InstallationKey>> {
    Ok(std::sync::Arc::new(
        store.read(|tx| InstallationKey::load(tx, key_dir))?,
    ))
}

/// Records that pépite starts on `terminal`, and a version change when the last start
/// was made by another version of the software.
pub fn start(
    store: &mut Store,
    key: &InstallationKey,
    terminal: &str,
    now: Timestamp,
) -> Result<()> {
    store.write(|tx| {
        let last = crate::storage::journal::last_event_payload(tx, EventCode::Start.code())?;
        let previous = last
            .and_then(|p| serde_json::from_str::<serde_json::Value>(&p).ok())
            .and_then(|v| v["software"].as_str().map(str::to_owned));
        if let Some(previous) = previous.filter(|p| p != journal::SOFTWARE) {
            events::record(
                tx,
                key,
                EventCode::SoftwareVersion,
                now,
                "",
                terminal,
                &format!("{previous} → {}", journal::SOFTWARE),
            )?;
        }
        events::record(tx, key, EventCode::Start, now, "", terminal, "")?;
        Ok::<_, OpsError>(())
    })
}

/// Records that pépite stops on `terminal`.
pub fn stop(
    store: &mut Store,
    key: &InstallationKey,
    terminal: &str,
    now: Timestamp,
) -> Result<()> {
    store.write(|tx| {
        Ok::<_, OpsError>(
            events::record(tx, key, EventCode::Stop, now, "", terminal, "").map(|_| ())?,
        )
    })
}
