//! The print spool as people see it: the jobs still waiting for their printer, and a
//! manager discarding one that will never print (the document stays in the journal).

use super::{OpsError, Result, Session};
use crate::domain::Role;
use crate::storage::print_jobs::{self, PendingJob};
use crate::storage::{Store, Timestamp};

/// Every job waiting, oldest first.
pub fn pending(store: &mut Store) -> Result<Vec<PendingJob>> {
    Ok(store.read(|tx| print_jobs::pending(tx, None))?)
}

/// Discards waiting job `id` (manager only).
pub fn discard(store: &mut Store, session: &Session, id: i64, now: Timestamp) -> Result<()> {
    session.require(Role::Manager)?;
    let done = store.write(|tx| print_jobs::finish(tx, id, "discarded", now))?;
    if done {
        tracing::info!(job = id, by = %session.user(), "print job discarded");
        Ok(())
    } else {
        Err(OpsError::PrintJobUnknown(id))
    }
}

/// The waiting jobs, then the most recent done ones, for the spool screen.
pub fn recent(store: &mut Store) -> Result<Vec<print_jobs::JobRow>> {
    Ok(store.read(|tx| print_jobs::recent(tx, 30))?)
}

/// What printing job `id` again sends (manager only): its printer's address, title and
/// bytes. The caller queues it on that printer as a new job.
pub fn reprint(store: &mut Store, session: &Session, id: i64) -> Result<(String, String, Vec<u8>)> {
    session.require(Role::Manager)?;
    store
        .read(|tx| print_jobs::content(tx, id))?
        .ok_or(OpsError::PrintJobUnknown(id))
}
