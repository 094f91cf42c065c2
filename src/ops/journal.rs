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
    if report.is_intact()
        && let Ok(key) = store.read(|tx| InstallationKey::load(tx, key_dir))
    {
        anchor(store, &key, now);
    }
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

/// Moves the anchor beside the key forward to what was just committed. The work is
/// committed already: a failure here is logged, never the sale's failure.
pub fn anchor(store: &mut Store, key: &InstallationKey, now: Timestamp) {
    if let Err(error) = store.read(|tx| crate::journal::anchor::advance(tx, key, now)) {
        tracing::error!(%error, "anchor not moved");
    }
}

/// Runs `work` in a write transaction, then moves the anchor to what it committed. A
/// document refused because the clock went back is a JET event of its own, written after
/// the refusal (the refused transaction wrote nothing).
pub(super) fn write_anchored<T>(
    store: &mut Store,
    key: &InstallationKey,
    ctx: &Context,
    work: impl FnOnce(&crate::storage::Tx) -> Result<T>,
) -> Result<T> {
    match store.write(work) {
        Ok(value) => {
            anchor(store, key, ctx.at);
            Ok(value)
        }
        Err(OpsError::Journal(journal::JournalError::ClockBehind { at, last })) => {
            note_clock(store, key, ctx, &at, &last);
            Err(OpsError::Journal(journal::JournalError::ClockBehind {
                at,
                last,
            }))
        }
        Err(error) => Err(error),
    }
}

/// Writes the JET event of a clock found behind the journal: logged, never the caller's
/// failure.
fn note_clock(store: &mut Store, key: &InstallationKey, ctx: &Context, at: &str, last: &str) {
    let detail = format!("horloge à {at}, dernier document à {last}");
    let written = store.write(|tx| {
        events::record(
            tx,
            key,
            EventCode::Clock,
            ctx.at,
            &ctx.operator,
            ctx.terminal.as_str(),
            &detail,
        )
    });
    if let Err(error) = written {
        tracing::error!(%error, "clock event not written");
    }
}

/// Closes the open session (the business day) of the context's terminal with the
/// manager's cash count.
pub fn close_day(
    store: &mut Store,
    session: &Session,
    key: &InstallationKey,
    ctx: &Context,
    count: &CashCount,
) -> Result<DocRef> {
    session.require(Role::Manager)?;
    let doc = store.write(|tx| Ok::<_, OpsError>(journal::close_day(tx, key, ctx, count)?))?;
    anchor(store, key, ctx.at);
    Ok(doc)
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
        // A clock behind this terminal's last document at start: said in the JET (its
        // documents are refused until the clock is set right).
        let behind = crate::domain::TerminalCode::parse(terminal)
            .ok()
            .map(|code| journal::session::check_clock(tx, &code, now));
        if let Some(Err(journal::JournalError::ClockBehind { at, last })) = behind {
            events::record(
                tx,
                key,
                EventCode::Clock,
                now,
                "",
                terminal,
                &format!("horloge reculée au démarrage : {at}, dernier document {last}"),
            )?;
        }
        events::record(tx, key, EventCode::Start, now, "", terminal, "")?;
        Ok::<_, OpsError>(())
    })?;
    anchor(store, key, now);
    Ok(())
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
    })?;
    anchor(store, key, now);
    Ok(())
}

/// What a restore put back, and what it lost.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Restored {
    pub lost_documents: i64,
    pub lost_events: i64,
}

/// Puts a backup of this installation back in place of the database at `db` (manager
/// only, every till stopped): the JET of the restored database records who did it and
/// how many documents and events were lost, and the anchor is set to it. A backup of
/// another installation is refused.
pub fn restore(
    store: Store,
    session: &Session,
    key: &InstallationKey,
    backup: &Path,
    now: Timestamp,
) -> Result<(Store, Restored)> {
    use crate::storage::journal::{self as stored, Chain};
    session.require(Role::Manager)?;
    let db = store
        .path()
        .map(Path::to_owned)
        .ok_or(OpsError::NotInitialised)?;
    let counts = |store: &mut Store| {
        store.read(|tx| {
            let docs = stored::head(tx, Chain::Documents)?.map_or(0, |h| h.count);
            let events = stored::head(tx, Chain::Events)?.map_or(0, |h| h.count);
            let id = stored::installation(tx)?.map(|(id, _)| id);
            Ok::<_, OpsError>((docs, events, id))
        })
    };
    let mut store = store;
    let (docs_now, events_now, _) = counts(&mut store)?;
    // What the anchor knew may be more than what this database still holds.
    let known = crate::journal::anchor::read(key.dir(), key.key_id())
        .ok()
        .flatten();
    let docs_known = known
        .as_ref()
        .and_then(|a| a.documents.as_ref())
        .map_or(docs_now, |m| m.count.max(docs_now));
    let events_known = known
        .as_ref()
        .and_then(|a| a.events.as_ref())
        .map_or(events_now, |m| m.count.max(events_now));
    let mut copy = Store::open_existing(backup)?;
    let (docs_then, events_then, id_then) = counts(&mut copy)?;
    drop(copy);
    if id_then.as_deref() != Some(key.key_id()) {
        return Err(OpsError::NotThisInstallation(backup.to_owned()));
    }
    drop(store);
    crate::storage::restore_from(backup, &db)?;
    let mut store = Store::open(&db)?;
    let restored = Restored {
        lost_documents: (docs_known - docs_then).max(0),
        lost_events: (events_known - events_then).max(0),
    };
    let detail = format!(
        "sauvegarde {} remise en place : {} documents et {} événements perdus",
        backup.display(),
        restored.lost_documents,
        restored.lost_events
    );
    store.write(|tx| {
        events::record(
            tx,
            key,
            EventCode::Restore,
            now,
            session.name().as_str(),
            "",
            &detail,
        )?;
        Ok::<_, OpsError>(())
    })?;
    store.read(|tx| crate::journal::anchor::reset(tx, key, now))?;
    tracing::warn!(%detail, "restore");
    Ok((store, restored))
}
