//! PINs: hashing with Argon2id, checking, and the lock after too many wrong ones.
//!
//! Five wrong PINs in a row lock the user for a minute. The slow hash check runs outside
//! any transaction, so a login never holds the write lock the other tills need.

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

/// The PHC string of an Argon2id hash of `pin` with a fresh salt.
pub(crate) fn hash_pin(pin: &Pin) -> Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(pin.expose().as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|error| {
            tracing::error!(%error, "argon2 hashing failed");
            OpsError::PinHash(error.to_string())
        })
}

fn pin_matches(pin: &str, stored: &str) -> bool {
    match PasswordHash::new(stored) {
        Ok(hash) => Argon2::default()
            .verify_password(pin.as_bytes(), &hash)
            .is_ok(),
        Err(error) => {
            tracing::error!(%error, "stored PIN hash is not a PHC string");
            false
        }
    }
}

/// Checks `pin` for `user` at `now` and opens a session that does not sign (tests of
/// rights, tools). See [`login_at`].
pub fn login(store: &mut Store, user: UserId, pin: &str, now: Timestamp) -> Result<Session> {
    login_at(store, user, pin, now, None, "")
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
    let (account, stored) =
        store.read(|tx| Ok::<_, OpsError>((users::get(tx, user)?, users::pin_hash(tx, user)?)))?;
    if !account.active {
        return Err(OpsError::UserDisabled(account.name));
    }
    if let Some(until) = account.locked_until.filter(|until| now < *until) {
        return Err(OpsError::Locked {
            name: account.name,
            until,
        });
    }
    if pin_matches(pin, &stored) {
        let session = Session::new(account.id, account.name, account.roles, key, terminal);
        store.write(|tx| {
            users::clear_attempts(tx, user)?;
            session.note(tx, EventCode::Login, now, "")
        })?;
        tracing::info!(user = %user, "login");
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
    // The attempt is committed; the refusal is what the caller gets.
    let refusal = store.write(|tx| {
        let attempts = users::add_failed_attempt(tx, user)?;
        failed.note(
            tx,
            EventCode::LoginFailed,
            now,
            &format!("essai {attempts}"),
        )?;
        if attempts >= MAX_ATTEMPTS {
            let until = now + LOCK_DURATION;
            users::lock_until(tx, user, until)?;
            Ok::<_, OpsError>(OpsError::Locked {
                name: account.name.clone(),
                until,
            })
        } else {
            Ok(OpsError::WrongPin {
                remaining: MAX_ATTEMPTS - attempts,
            })
        }
    })?;
    Err(refusal)
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
