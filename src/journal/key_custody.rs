//! Key custody: a copy of the installation key kept away from the shop, and putting it
//! back. The key is never in a database backup (a stolen backup must not sign), so a
//! machine lost with its key file is recovered from this copy: `pepite key export` writes
//! it (owner-only, never over an existing file), `pepite key import` puts it back after
//! checking it is this installation's — a key of another installation is refused, so no
//! one can slip a key of their own under the journal.

use super::JournalError;
use super::key::{InstallationKey, fingerprint, key_path, write_private};
use crate::storage::Tx;
use crate::storage::journal as store;
use ed25519_dalek::SigningKey;
use ed25519_dalek::pkcs8::DecodePrivateKey;
use std::path::Path;

/// Writes a copy of `key` to `out`, a new file readable by its owner only.
pub fn export(key: &InstallationKey, out: &Path) -> Result<(), JournalError> {
    if out.exists() {
        return Err(JournalError::Io {
            path: out.to_owned(),
            reason: crate::i18n::Msg::IoAlreadyExists.text().to_owned(),
        });
    }
    write_private(out, key.private_pem()?.as_bytes())
}

/// Puts the key in `file` back into `dir` as the installation's key file, once its public
/// half is found to be the installation's. An identical key file already there is left
/// as it is.
pub fn import(tx: &Tx, dir: &Path, file: &Path) -> Result<InstallationKey, JournalError> {
    let (key_id, public) = store::installation(tx)?.ok_or(JournalError::NoInstallation)?;
    let pem = std::fs::read_to_string(file).map_err(|e| JournalError::KeyFile {
        path: file.to_owned(),
        reason: crate::i18n::io_reason(&e),
    })?;
    let signing = SigningKey::from_pkcs8_pem(&pem).map_err(|e| JournalError::KeyFile {
        path: file.to_owned(),
        reason: e.to_string(),
    })?;
    let found = hex::encode(signing.verifying_key().as_bytes());
    if found != public {
        return Err(JournalError::KeyNotThisInstallation {
            path: file.to_owned(),
            found: fingerprint(&found),
            expected: fingerprint(&public),
        });
    }
    let target = key_path(dir, &key_id);
    if !target.exists() {
        write_private(&target, pem.as_bytes())?;
    }
    InstallationKey::load(tx, dir)
}
