//! Managing users: add, rename, change roles, disable, reset a PIN. Manager only, never so
//! as to leave no active manager, and each change a JET event.

use super::{OpsError, Result, Session, auth};
use crate::domain::{DomainError, Name, Pin, Role, Roles, UserId};
use crate::journal::events::EventCode;
use crate::storage::{Store, Timestamp, Tx, users};

pub use crate::storage::users::User;

/// Every user, by name (any logged-in screen, and `pepite user list`, may read it).
pub fn list(store: &mut Store) -> Result<Vec<User>> {
    Ok(store.read(users::list)?)
}

pub fn add(
    store: &mut Store,
    session: &Session,
    name: &Name,
    roles: Roles,
    pin: &Pin,
    now: Timestamp,
) -> Result<UserId> {
    session.require(Role::Manager)?;
    if roles.is_empty() {
        return Err(DomainError::NoRole.into());
    }
    let hash = auth::hash_pin(pin, session.key())?;
    let id = store.write(|tx| {
        let id = users::insert(tx, name, &hash, roles, now, None)?;
        session.note(
            tx,
            EventCode::UserChange,
            now,
            &format!("ajout de « {name} » ({})", codes(roles)),
        )?;
        Ok::<_, OpsError>(id)
    })?;
    tracing::info!(by = %session.user(), user = %id, "user added");
    Ok(id)
}

/// Renames a user and sets their roles.
pub fn update(
    store: &mut Store,
    session: &Session,
    id: UserId,
    name: &Name,
    roles: Roles,
    now: Timestamp,
) -> Result<()> {
    session.require(Role::Manager)?;
    if roles.is_empty() {
        return Err(DomainError::NoRole.into());
    }
    store.write(|tx| {
        let before = users::get(tx, id)?;
        users::rename(tx, id, name)?;
        users::set_roles(tx, id, roles)?;
        ensure_a_manager_remains(tx)?;
        if before.roles != roles {
            session.note(
                tx,
                EventCode::RightsChange,
                now,
                &format!("« {name} » : {} → {}", codes(before.roles), codes(roles)),
            )?;
        }
        if before.name != *name {
            session.note(
                tx,
                EventCode::UserChange,
                now,
                &format!("« {} » renommé « {name} »", before.name),
            )?;
        }
        Ok::<_, OpsError>(())
    })?;
    tracing::info!(by = %session.user(), user = %id, "user changed");
    Ok(())
}

pub fn set_active(
    store: &mut Store,
    session: &Session,
    id: UserId,
    active: bool,
    now: Timestamp,
) -> Result<()> {
    session.require(Role::Manager)?;
    store.write(|tx| {
        users::set_active(tx, id, active)?;
        ensure_a_manager_remains(tx)?;
        let user = users::get(tx, id)?;
        let what = if active { "réactivé" } else { "désactivé" };
        session.note(
            tx,
            EventCode::UserChange,
            now,
            &format!("« {} » {what}", user.name),
        )
    })?;
    tracing::info!(by = %session.user(), user = %id, active, "user state changed");
    Ok(())
}

/// Gives a user a new PIN and lifts any lock.
pub fn reset_pin(
    store: &mut Store,
    session: &Session,
    id: UserId,
    pin: &Pin,
    now: Timestamp,
) -> Result<()> {
    session.require(Role::Manager)?;
    let hash = auth::hash_pin(pin, session.key())?;
    store.write(|tx| {
        users::set_pin_hash(tx, id, &hash)?;
        let user = users::get(tx, id)?;
        session.note(
            tx,
            EventCode::UserChange,
            now,
            &format!("nouveau code pour « {} »", user.name),
        )
    })?;
    tracing::info!(by = %session.user(), user = %id, "PIN reset");
    Ok(())
}

/// Finds a user by name, for the command line.
pub fn find(store: &mut Store, name: &str) -> Result<Option<User>> {
    Ok(store.read(|tx| users::find_by_name(tx, name))?)
}

fn codes(roles: Roles) -> String {
    roles.iter().map(Role::code).collect::<Vec<_>>().join(",")
}

fn ensure_a_manager_remains(tx: &Tx) -> Result<()> {
    if users::count_active_managers(tx)? == 0 {
        Err(OpsError::LastManager)
    } else {
        Ok(())
    }
}
