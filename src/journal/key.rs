//! The installation's Ed25519 key: made at set-up, kept as a PKCS#8 PEM file readable by
//! its owner only, its public half stored in the database and exported with archives.
//! It signs the chain's checkpoints; a key file that does not match the database's public
//! key is refused, so a swapped key is caught before it signs anything.

use super::JournalError;
use crate::storage::journal as store;
use crate::storage::{Timestamp, Tx};
use argon2::password_hash::rand_core::{OsRng, RngCore};
use ed25519_dalek::pkcs8::spki::der::pem::LineEnding;
use ed25519_dalek::pkcs8::{DecodePrivateKey, EncodePrivateKey, EncodePublicKey};
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use std::path::{Path, PathBuf};

/// The key that signs this installation's checkpoints.
pub struct InstallationKey {
    key_id: String,
    signing: SigningKey,
    /// The folder the key file lives in: the anchor and backups of it go beside it.
    dir: PathBuf,
}

fn pin_secret_of(signing: &SigningKey) -> [u8; 32] {
    use sha2::{Digest, Sha256};
    let mut hasher = Sha256::new();
    hasher.update(b"pepite:pin-secret:v1:");
    hasher.update(signing.to_bytes());
    hasher.finalize().into()
}

/// The file holding the key `key_id` in `dir`.
pub fn key_path(dir: &Path, key_id: &str) -> PathBuf {
    dir.join(format!("pepite-{key_id}.pem"))
}

impl InstallationKey {
    /// Makes a new key, writes it to `dir` (owner-only) and records its public half in
    /// the database. Part of the set-up transaction.
    pub fn create(tx: &Tx, dir: &Path, now: Timestamp) -> Result<InstallationKey, JournalError> {
        let key = InstallationKey::generate(dir)?;
        store::insert_installation(tx, &key.key_id, &key.public_hex(), now)?;
        Ok(key)
    }

    /// A fresh key with a fresh id, written to `dir` (owner-only), recorded nowhere yet.
    pub(super) fn generate(dir: &Path) -> Result<InstallationKey, JournalError> {
        let signing = SigningKey::generate(&mut OsRng);
        let mut id = [0u8; 8];
        OsRng.fill_bytes(&mut id);
        let key_id = hex::encode(id);
        let path = key_path(dir, &key_id);
        let pem = signing
            .to_pkcs8_pem(LineEnding::LF)
            .map_err(|e| JournalError::KeyFile {
                path: path.clone(),
                reason: e.to_string(),
            })?;
        write_private(&path, pem.as_bytes())?;
        Ok(InstallationKey {
            key_id,
            signing,
            dir: dir.to_owned(),
        })
    }

    /// The PIN secret of key `key_id` of this installation: this key's, or a retired
    /// key's read from its file beside it (PINs hashed before a rotation are checked with
    /// it once, then hashed again with the current key). `None` when that file is gone.
    pub fn pin_secret_of(&self, key_id: &str) -> Option<[u8; 32]> {
        if key_id == self.key_id {
            return Some(self.pin_secret());
        }
        let pem = std::fs::read_to_string(key_path(&self.dir, key_id)).ok()?;
        let signing = SigningKey::from_pkcs8_pem(&pem).ok()?;
        Some(pin_secret_of(&signing))
    }

    /// Loads the key of the database's installation from `dir`, refusing one whose public
    /// half differs from the database's.
    pub fn load(tx: &Tx, dir: &Path) -> Result<InstallationKey, JournalError> {
        let (key_id, public) = store::installation(tx)?.ok_or(JournalError::NoInstallation)?;
        let path = key_path(dir, &key_id);
        let pem = std::fs::read_to_string(&path).map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                // Lost, not forged: said apart, with the way back.
                JournalError::KeyAbsent(path.clone())
            } else {
                JournalError::KeyFile {
                    path: path.clone(),
                    reason: crate::i18n::io_reason(&e),
                }
            }
        })?;
        if crate::files::readable_by_others(&path).unwrap_or(false) {
            return Err(JournalError::KeyFileOpen(path));
        }
        let signing = SigningKey::from_pkcs8_pem(&pem).map_err(|e| JournalError::KeyFile {
            path: path.clone(),
            reason: e.to_string(),
        })?;
        if hex::encode(signing.verifying_key().as_bytes()) != public {
            return Err(JournalError::KeyMismatch(path));
        }
        Ok(InstallationKey {
            key_id,
            signing,
            dir: dir.to_owned(),
        })
    }

    pub fn key_id(&self) -> &str {
        &self.key_id
    }

    /// The folder of the key file.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The secret that keys the PIN hashes (Argon2's "secret" input): derived from the
    /// private key, so it lives only in the key file. A copied database, or a backup,
    /// without the key file is not enough to try PINs offline.
    pub fn pin_secret(&self) -> [u8; 32] {
        pin_secret_of(&self.signing)
    }

    /// The public half in hex, as the database keeps it.
    pub fn public_hex(&self) -> String {
        hex::encode(self.signing.verifying_key().as_bytes())
    }

    /// The private key as the key file holds it (PKCS#8 PEM), for its export.
    pub(super) fn private_pem(&self) -> Result<String, JournalError> {
        self.signing
            .to_pkcs8_pem(LineEnding::LF)
            .map(|pem| pem.to_string())
            .map_err(|e| JournalError::KeyFile {
                path: self.dir.clone(),
                reason: e.to_string(),
            })
    }

    /// The hex of the signature of `message`.
    pub fn sign_hex(&self, message: &str) -> String {
        hex::encode(self.signing.sign(message.as_bytes()).to_bytes())
    }

    /// Raw signature bytes, for files an auditor checks with openssl.
    pub fn sign_bytes(&self, message: &[u8]) -> [u8; 64] {
        self.signing.sign(message).to_bytes()
    }

    /// The public key as a PEM (SubjectPublicKeyInfo), as openssl reads it.
    pub fn public_pem(&self) -> Result<String, JournalError> {
        self.signing
            .verifying_key()
            .to_public_key_pem(LineEnding::LF)
            .map_err(|e| JournalError::KeyFile {
                path: PathBuf::new(),
                reason: e.to_string(),
            })
    }
}

/// The fingerprint of a public key (hex): the first 16 hex digits of its SHA-256, in
/// groups of four (`3f2a 9c01 …`). Printed on every Z and written in the JET at set-up,
/// it lets an auditor tell this installation's archives from forged ones.
pub fn fingerprint(public_hex: &str) -> String {
    use sha2::{Digest, Sha256};
    let bytes = hex::decode(public_hex).unwrap_or_default();
    let digest = hex::encode(Sha256::digest(&bytes));
    digest.as_bytes()[..16]
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A public key read from the database, to check signatures without the private key.
pub struct PublicKey(VerifyingKey);

impl PublicKey {
    pub fn from_hex(text: &str) -> Option<PublicKey> {
        let bytes: [u8; 32] = hex::decode(text).ok()?.try_into().ok()?;
        VerifyingKey::from_bytes(&bytes).ok().map(PublicKey)
    }

    /// Whether `signature` (hex) signs `message`.
    pub fn verifies(&self, message: &str, signature: &str) -> bool {
        let Some(bytes) = hex::decode(signature)
            .ok()
            .and_then(|b| <[u8; 64]>::try_from(b).ok())
        else {
            return false;
        };
        self.0
            .verify(message.as_bytes(), &Signature::from_bytes(&bytes))
            .is_ok()
    }

    pub fn verifies_bytes(&self, message: &[u8], signature: &[u8]) -> bool {
        let Ok(bytes) = <[u8; 64]>::try_from(signature) else {
            return false;
        };
        self.0
            .verify(message, &Signature::from_bytes(&bytes))
            .is_ok()
    }
}

pub(super) fn write_private(path: &Path, bytes: &[u8]) -> Result<(), JournalError> {
    let fail = |e: std::io::Error| JournalError::KeyFile {
        path: path.to_owned(),
        reason: crate::i18n::io_reason(&e),
    };
    if let Some(parent) = path.parent() {
        crate::files::create_private_dir(parent).map_err(fail)?;
    }
    crate::files::write_private(path, bytes).map_err(fail)
}
