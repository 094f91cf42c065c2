//! The installation key's custody, as a manager does it: a copy exported to keep away
//! from the shop, and that copy put back on a machine that lost its key. Both are JET
//! events.

use super::{Result, Session};
use crate::domain::Role;
use crate::journal::events::{self, EventCode};
use crate::journal::{InstallationKey, key::fingerprint, key_custody};
use crate::storage::{Store, Timestamp};
use std::path::Path;

/// Writes a copy of the key to `out` (a manager only) and records it in the JET. Returns
/// the key's fingerprint, to write on the envelope.
pub fn export(
    store: &mut Store,
    session: &Session,
    key: &InstallationKey,
    out: &Path,
    now: Timestamp,
) -> Result<String> {
    session.require(Role::Manager)?;
    key_custody::export(key, out)?;
    let detail = format!("clé exportée vers {}", out.display());
    store.write(|tx| session.note(tx, EventCode::Key, now, &detail))?;
    Ok(fingerprint(&key.public_hex()))
}

/// Puts the copy in `file` back as the installation's key in `dir`, once it is found to
/// be this installation's, and records it in the JET (the key itself is the authority:
/// without it no manager's PIN can be checked).
pub fn import(
    store: &mut Store,
    dir: &Path,
    file: &Path,
    terminal: &str,
    now: Timestamp,
) -> Result<InstallationKey> {
    let key = store.write(|tx| {
        let key = key_custody::import(tx, dir, file)?;
        events::record(
            tx,
            &key,
            EventCode::Key,
            now,
            "",
            terminal,
            &format!("clé remise en place depuis {}", file.display()),
        )?;
        Ok::<_, super::OpsError>(key)
    })?;
    Ok(key)
}

/// Replaces the installation key (a manager): a new key signed in by the old one, in the
/// JET, the anchor moved to it. Returns the new key; its copy is to be exported again.
pub fn rotate(
    store: &mut Store,
    session: &Session,
    key: &InstallationKey,
    now: Timestamp,
) -> Result<InstallationKey> {
    session.require(Role::Manager)?;
    let new = store.write(|tx| {
        let new = key_custody::rotate(tx, key, now)?;
        events::record(
            tx,
            &new,
            EventCode::Key,
            now,
            session.name().as_str(),
            session.terminal(),
            &format!(
                "rotation : ancienne clé {}, nouvelle clé {}",
                fingerprint(&key.public_hex()),
                fingerprint(&new.public_hex())
            ),
        )?;
        Ok::<_, super::OpsError>(new)
    })?;
    super::journal::anchor(store, &new, now);
    Ok(new)
}
