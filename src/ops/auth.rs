//! PINs: hashing with Argon2id, checking, and the lock after too many wrong ones.
//!
//! Five wrong PINs in a row lock the user for a minute. Each attempt is counted before its
//! hash is checked, in the transaction that reads the lock, so parallel logins cannot
//! check more PINs than allowed; the slow hash check itself runs outside any transaction,
//! so a login never holds the write lock the other tills need. PIN hashes are keyed with
//! a secret derived from the installation key: a stolen database alone does not let a
//! 4-digit PIN be found by trying all ten thousand.

use super::{OpsError, Result, Session};
use crate::domain::{Pin, Roles, UserId};
use crate::journal::InstallationKey;
use crate::journal::events::EventCode;
use crate::storage::{Store, Timestamp, users};
use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use std::sync::Arc;

/// Wrong PINs in a row that lock a user.
pub const MAX_ATTEMPTS: u32 = 5;

/// How long the lock lasts.
pub const LOCK_DURATION: chrono::TimeDelta = chrono::TimeDelta::seconds(60);

/// A hash keyed with the PIN secret of the installation's first key (before rotations
/// existed): `k1$` then the PHC string.
const KEYED_FIRST: &str = "k1$";
/// A hash keyed with the PIN secret of a named key: `k2$<key id>$` then the PHC string.
const KEYED: &str = "k2$";

fn argon2(secret: Option<&[u8; 32]>) -> Result<Argon2<'_>> {
    match secret {
        None => Ok(Argon2::default()),
        Some(secret) => Argon2::new_with_secret(
            secret,
            argon2::Algorithm::Argon2id,
            argon2::Version::V0x13,
            argon2::Params::default(),
        )
        .map_err(|error| OpsError::PinHash(error.to_string())),
    }
}

/// The stored form of an Argon2id hash of `pin` with a fresh salt: keyed with the PIN
/// secret of the installation's current key when there is one (`k2$<key id>$…`), a bare
/// PHC string otherwise (tests of rights that run without a key).
pub(crate) fn hash_pin(pin: &Pin, key: Option<&InstallationKey>) -> Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    let secret = key.map(InstallationKey::pin_secret);
    let hash = argon2(secret.as_ref())?
        .hash_password(pin.expose().as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|error| {
            tracing::error!(%error, "argon2 hashing failed");
            OpsError::PinHash(error.to_string())
        })?;
    Ok(match key {
        Some(key) => format!("{KEYED}{}${hash}", key.key_id()),
        None => hash,
    })
}

/// Whether a stored hash needs the installation key to be checked.
fn is_keyed(stored: &str) -> bool {
    stored.starts_with(KEYED) || stored.starts_with(KEYED_FIRST)
}

/// What checking a PIN against its stored hash found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PinCheck {
    Wrong,
    Right,
    /// Right, against a hash not keyed with the current key (made before PINs were keyed,
    /// or before a key rotation): hash it again with the current key.
    RightRekey,
}

/// Checks `pin` against `stored`: keyed with the secret of the key it names (`first_key`
/// for `k1$`), read through `key` — the current key, or a retired one from its file.
fn check_pin(pin: &str, stored: &str, key: Option<&InstallationKey>, first_key: &str) -> PinCheck {
    let (phc, key_id) = if let Some(rest) = stored.strip_prefix(KEYED) {
        match rest.split_once('$') {
            Some((id, phc)) => (phc, Some(id)),
            None => return PinCheck::Wrong,
        }
    } else if let Some(phc) = stored.strip_prefix(KEYED_FIRST) {
        (phc, Some(first_key))
    } else {
        (stored, None)
    };
    let secret = match (key_id, key) {
        (None, _) => None,
        (Some(id), Some(key)) => match key.pin_secret_of(id) {
            Some(secret) => Some(secret),
            None => {
                tracing::error!(
                    key = id,
                    "the key that keyed this PIN hash is not in the key folder"
                );
                return PinCheck::Wrong;
            }
        },
        (Some(_), None) => {
            tracing::error!("a keyed PIN hash cannot be checked without the installation key");
            return PinCheck::Wrong;
        }
    };
    let hash = match PasswordHash::new(phc) {
        Ok(hash) => hash,
        Err(error) => {
            tracing::error!(%error, "stored PIN hash is not a PHC string");
            return PinCheck::Wrong;
        }
    };
    let Ok(argon) = argon2(secret.as_ref()) else {
        return PinCheck::Wrong;
    };
    if argon.verify_password(pin.as_bytes(), &hash).is_err() {
        return PinCheck::Wrong;
    }
    match key {
        Some(key) if key_id != Some(key.key_id()) || !stored.starts_with(KEYED) => {
            PinCheck::RightRekey
        }
        _ => PinCheck::Right,
    }
}

/// Checks `pin` for `user` at `now` on `terminal` and opens a session carrying `key`. A
/// wrong PIN counts an attempt; the fifth in a row locks the user until `now` + one
/// minute. Logins and failures go to the JET when there is a key.
pub fn login_at(
    store: &mut Store,
    user: UserId,
    pin: &str,
    now: Timestamp,
    key: Option<Arc<InstallationKey>>,
    terminal: &str,
) -> Result<Session> {
    // The attempt is counted before the slow hash, in the transaction that reads the
    // lock: however many logins run at once, no more than MAX_ATTEMPTS hashes are checked
    // per lock window.
    let (account, stored, attempt, first_key) = store.write(|tx| {
        let account = users::get(tx, user)?;
        if !account.active {
            return Err(OpsError::UserDisabled(account.name));
        }
        let stored = users::pin_hash(tx, user)?;
        if key.is_none() && is_keyed(&stored) {
            // Not an attempt: the PIN could not have been checked.
            return Err(OpsError::PinNeedsKey);
        }
        let attempt = match account.locked_until {
            Some(until) if now < until => {
                return Err(OpsError::Locked {
                    name: account.name,
                    until,
                });
            }
            // A lock that is over starts the count again.
            Some(_) => 1,
            None => account.failed_attempts + 1,
        };
        let lock = (attempt >= MAX_ATTEMPTS).then(|| now + LOCK_DURATION);
        users::set_attempts(tx, user, attempt, lock)?;
        let first_key = crate::storage::journal::first_key(tx)?.map(|(id, _)| id);
        Ok::<_, OpsError>((account, stored, attempt, first_key.unwrap_or_default()))
    })?;
    let check = check_pin(pin, &stored, key.as_deref(), &first_key);
    if check != PinCheck::Wrong {
        let rehash = match check {
            PinCheck::RightRekey => Some(hash_pin(&Pin::parse(pin)?, key.as_deref())?),
            _ => None,
        };
        let session = Session::new(account.id, account.name, account.roles, key, terminal);
        store.write(|tx| {
            users::clear_attempts_since(tx, user, attempt)?;
            if let Some(hash) = &rehash {
                // Keyed from now on; the lock and attempts are cleared with it.
                users::set_pin_hash_keep_demo(tx, user, hash)?;
            }
            session.note(tx, EventCode::Login, now, "")
        })?;
        tracing::info!(user = %user, rekeyed = rehash.is_some(), "login");
        return Ok(session);
    }
    let failed = Session::new(
        account.id,
        account.name.clone(),
        Roles::empty(),
        key,
        terminal,
    );
    tracing::warn!(user = %user, "wrong PIN");
    store.write(|tx| failed.note(tx, EventCode::LoginFailed, now, &format!("essai {attempt}")))?;
    if attempt >= MAX_ATTEMPTS {
        Err(OpsError::Locked {
            name: account.name,
            until: now + LOCK_DURATION,
        })
    } else {
        Err(OpsError::WrongPin {
            remaining: MAX_ATTEMPTS - attempt,
        })
    }
}

/// Closes a session: a JET event.
pub fn logout(store: &mut Store, session: &Session, now: Timestamp) -> Result<()> {
    store.write(|tx| session.note(tx, EventCode::Logout, now, ""))?;
    tracing::info!(user = %session.user(), "logout");
    Ok(())
}

/// The users a login screen offers: the active ones, by name.
pub fn login_choices(store: &mut Store) -> Result<Vec<users::User>> {
    let all = store.read(users::list)?;
    Ok(all.into_iter().filter(|u| u.active).collect())
}
