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

/// What both keys sign to hand over: the old key's public half, the new one's, and the
/// first document and event the new key answers for.
pub fn rotation_message(
    previous: &str,
    new: &str,
    first_document: i64,
    first_event: i64,
) -> String {
    format!("pepite:rotation:{previous}:{new}:{first_document}:{first_event}")
}

/// Replaces the installation's key (one that may have been copied): a new key written
/// beside the old one, a rotation record signed by both, and the chains' end records
/// signed again by the new key. Every closing and archive from the next document on is
/// the new key's; those before stay the old key's, and `verify` checks each with its
/// own. The old key file is kept: PINs hashed with it are checked once more and hashed
/// again with the new key at their next login.
pub fn rotate(
    tx: &Tx,
    old: &InstallationKey,
    now: crate::storage::Timestamp,
) -> Result<InstallationKey, JournalError> {
    use crate::storage::journal::{Chain, Head, Rotation};
    let new = InstallationKey::generate(old.dir())?;
    let next = |chain| -> Result<i64, JournalError> {
        Ok(store::head(tx, chain)?.map_or(1, |h| h.last_id + 1))
    };
    let (first_document, first_event) = (next(Chain::Documents)?, next(Chain::Events)?);
    let message = rotation_message(
        &old.public_hex(),
        &new.public_hex(),
        first_document,
        first_event,
    );
    store::insert_rotation(
        tx,
        &Rotation {
            key_id: new.key_id().to_owned(),
            public_key: new.public_hex(),
            previous_public_key: old.public_hex(),
            first_document,
            first_event,
            signature_old: old.sign_hex(&message),
            signature_new: new.sign_hex(&message),
        },
        now,
    )?;
    for chain in [Chain::Documents, Chain::Events] {
        if let Some(head) = store::head(tx, chain)? {
            let signature = new.sign_hex(&super::chain::head_message(
                chain.code(),
                head.count,
                head.last_id,
                &head.hash,
            ));
            store::set_head(tx, chain, &Head { signature, ..head })?;
        }
    }
    Ok(new)
}
