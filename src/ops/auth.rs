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

/// Marks a hash keyed with the installation's PIN secret: `k1$` then the PHC string.
const KEYED: &str = "k1$";

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

/// The stored form of an Argon2id hash of `pin` with a fresh salt: keyed with the
/// installation's PIN secret when there is one (`k1$…`), a bare PHC string otherwise
/// (tests of rights that run without a key).
pub(crate) fn hash_pin(pin: &Pin, secret: Option<&[u8; 32]>) -> Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    let hash = argon2(secret)?
        .hash_password(pin.expose().as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|error| {
            tracing::error!(%error, "argon2 hashing failed");
            OpsError::PinHash(error.to_string())
        })?;
    Ok(match secret {
        Some(_) => format!("{KEYED}{hash}"),
        None => hash,
    })
}

/// What checking a PIN against its stored hash found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PinCheck {
    Wrong,
    Right,
    /// Right, against a hash made before PINs were keyed: hash it again with the secret.
    RightUnkeyed,
}

fn check_pin(pin: &str, stored: &str, secret: Option<&[u8; 32]>) -> PinCheck {
    let (phc, keyed) = match stored.strip_prefix(KEYED) {
        Some(phc) => (phc, true),
        None => (stored, false),
    };
    if keyed && secret.is_none() {
        tracing::error!("a keyed PIN hash cannot be checked without the installation key");
        return PinCheck::Wrong;
    }
    let hash = match PasswordHash::new(phc) {
        Ok(hash) => hash,
        Err(error) => {
            tracing::error!(%error, "stored PIN hash is not a PHC string");
            return PinCheck::Wrong;
        }
    };
    let Ok(argon) = argon2(if keyed { secret } else { None }) else {
        return PinCheck::Wrong;
    };
    match (argon.verify_password(pin.as_bytes(), &hash).is_ok(), keyed) {
        (false, _) => PinCheck::Wrong,
        (true, true) => PinCheck::Right,
        (true, false) if secret.is_some() => PinCheck::RightUnkeyed,
        (true, false) => PinCheck::Right,
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
    let (account, stored, attempt) = store.write(|tx| {
        let account = users::get(tx, user)?;
        if !account.active {
            return Err(OpsError::UserDisabled(account.name));
        }
        let stored = users::pin_hash(tx, user)?;
        if key.is_none() && stored.starts_with(KEYED) {
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
        Ok::<_, OpsError>((account, stored, attempt))
    })?;
    let secret = key.as_deref().map(InstallationKey::pin_secret);
    let check = check_pin(pin, &stored, secret.as_ref());
    if check != PinCheck::Wrong {
        let rehash = match check {
            PinCheck::RightUnkeyed => Some(hash_pin(&Pin::parse(pin)?, secret.as_ref())?),
            _ => None,
        };
        let session = Session::new(account.id, account.name, account.roles, key, terminal);
        store.write(|tx| {
            users::clear_attempts(tx, user)?;
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
