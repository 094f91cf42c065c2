//! The `user` and `user_role` tables: people who log in, their roles, their PIN hash and
//! their failed attempts.

use super::time::{from_text, to_text};
use super::{Result, StorageError, Timestamp, Tx, bad_value, found};
use crate::domain::{Name, Role, Roles, UserId};
use crate::i18n::Msg;
use rusqlite::{OptionalExtension, Row, params};

/// A user as stored (without the PIN hash).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct User {
    pub id: UserId,
    pub name: Name,
    pub roles: Roles,
    pub active: bool,
    pub failed_attempts: u32,
    pub locked_until: Option<Timestamp>,
    /// The PIN shown on a demo's login screen; `None` for real users.
    pub demo_pin: Option<String>,
}

const SELECT: &str = "SELECT u.id, u.name, u.active, u.failed_attempts, u.locked_until, u.demo_pin,
        (SELECT group_concat(role) FROM user_role r WHERE r.user_id = u.id)
    FROM user u";

fn from_row(row: &Row) -> rusqlite::Result<User> {
    let locked: Option<String> = row.get(4)?;
    let roles: Option<String> = row.get(6)?;
    Ok(User {
        id: UserId(row.get(0)?),
        name: Name::parse(&row.get::<_, String>(1)?).map_err(|e| bad_value(1, e))?,
        roles: roles
            .as_deref()
            .unwrap_or("")
            .split(',')
            .filter_map(|code| Role::parse(code).ok())
            .collect(),
        active: row.get(2)?,
        failed_attempts: row.get(3)?,
        locked_until: locked.as_deref().and_then(from_text),
        demo_pin: row.get(5)?,
    })
}

/// Every user, active or not, by name.
pub fn list(tx: &Tx) -> Result<Vec<User>> {
    let mut stmt = tx
        .conn()
        .prepare_cached(&format!("{SELECT} ORDER BY u.name COLLATE NOCASE"))?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn get(tx: &Tx, id: UserId) -> Result<User> {
    tx.conn()
        .query_row(&format!("{SELECT} WHERE u.id = ?1"), [id.0], from_row)
        .map_err(|e| StorageError::missing(e, Msg::ThingUser))
}

pub fn find_by_name(tx: &Tx, name: &str) -> Result<Option<User>> {
    Ok(tx
        .conn()
        .query_row(
            &format!("{SELECT} WHERE u.name = ?1"),
            [name.trim()],
            from_row,
        )
        .optional()?)
}

/// Adds a user with its roles; a taken name is [`StorageError::Duplicate`].
pub fn insert(
    tx: &Tx,
    name: &Name,
    pin_hash: &str,
    roles: Roles,
    now: Timestamp,
    demo_pin: Option<&str>,
) -> Result<UserId> {
    tx.conn()
        .execute(
            "INSERT INTO user (name, pin_hash, created_at, demo_pin) VALUES (?1, ?2, ?3, ?4)",
            params![name.as_str(), pin_hash, to_text(now), demo_pin],
        )
        .map_err(|e| StorageError::unique(e, name.as_str()))?;
    let id = UserId(tx.conn().last_insert_rowid());
    set_roles(tx, id, roles)?;
    Ok(id)
}

pub fn set_roles(tx: &Tx, id: UserId, roles: Roles) -> Result<()> {
    tx.conn()
        .execute("DELETE FROM user_role WHERE user_id = ?1", [id.0])?;
    let mut stmt = tx
        .conn()
        .prepare_cached("INSERT INTO user_role (user_id, role) VALUES (?1, ?2)")?;
    for role in roles.iter() {
        stmt.execute(params![id.0, role.code()])?;
    }
    Ok(())
}

pub fn rename(tx: &Tx, id: UserId, name: &Name) -> Result<()> {
    let changed = tx
        .conn()
        .execute(
            "UPDATE user SET name = ?2 WHERE id = ?1",
            params![id.0, name.as_str()],
        )
        .map_err(|e| StorageError::unique(e, name.as_str()))?;
    found(changed, Msg::ThingUser)
}

pub fn set_active(tx: &Tx, id: UserId, active: bool) -> Result<()> {
    let changed = tx.conn().execute(
        "UPDATE user SET active = ?2 WHERE id = ?1",
        params![id.0, active],
    )?;
    found(changed, Msg::ThingUser)
}

/// Replaces the PIN hash and clears failed attempts and any lock.
pub fn set_pin_hash(tx: &Tx, id: UserId, pin_hash: &str) -> Result<()> {
    let changed = tx.conn().execute(
        "UPDATE user SET pin_hash = ?2, failed_attempts = 0, locked_until = NULL, demo_pin = NULL
         WHERE id = ?1",
        params![id.0, pin_hash],
    )?;
    found(changed, Msg::ThingUser)
}

pub fn pin_hash(tx: &Tx, id: UserId) -> Result<String> {
    tx.conn()
        .query_row("SELECT pin_hash FROM user WHERE id = ?1", [id.0], |r| {
            r.get(0)
        })
        .map_err(|e| StorageError::missing(e, Msg::ThingUser))
}

/// Sets the count of attempts in a row and the lock (`None` lifts it).
pub fn set_attempts(
    tx: &Tx,
    id: UserId,
    attempts: u32,
    locked_until: Option<Timestamp>,
) -> Result<()> {
    let changed = tx.conn().execute(
        "UPDATE user SET failed_attempts = ?2, locked_until = ?3 WHERE id = ?1",
        params![id.0, attempts, locked_until.map(to_text)],
    )?;
    found(changed, Msg::ThingUser)
}

/// Replaces the PIN hash by another of the same PIN (keyed now): the demo's PIN stays
/// shown on the login screen.
pub fn set_pin_hash_keep_demo(tx: &Tx, id: UserId, pin_hash: &str) -> Result<()> {
    let changed = tx.conn().execute(
        "UPDATE user SET pin_hash = ?2 WHERE id = ?1",
        params![id.0, pin_hash],
    )?;
    found(changed, Msg::ThingUser)
}

/// Clears the count after a right PIN that was attempt `attempt` — unless other attempts
/// were counted since (tried at the same moment, wrong as far as anyone knows): those
/// stand, and a lock they set stays, so a burst racing a right PIN gets no fresh tries.
pub fn clear_attempts_since(tx: &Tx, id: UserId, attempt: u32) -> Result<()> {
    let exists: bool =
        tx.conn()
            .query_row("SELECT count(*) > 0 FROM user WHERE id = ?1", [id.0], |r| {
                r.get(0)
            })?;
    found(usize::from(exists), Msg::ThingUser)?;
    tx.conn().execute(
        "UPDATE user SET failed_attempts = 0, locked_until = NULL
         WHERE id = ?1 AND failed_attempts <= ?2",
        params![id.0, attempt],
    )?;
    Ok(())
}

/// How many active users hold the manager role.
pub fn count_active_managers(tx: &Tx) -> Result<u32> {
    Ok(tx.conn().query_row(
        "SELECT count(*) FROM user u JOIN user_role r ON r.user_id = u.id
         WHERE u.active = 1 AND r.role = 'manager'",
        [],
        |r| r.get(0),
    )?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::Store;
    use chrono::DateTime;

    fn now() -> Timestamp {
        DateTime::parse_from_rfc3339("2026-11-24T09:00:00+01:00").expect("time")
    }

    #[test]
    fn users_round_trip_with_roles() {
        let mut store = Store::open_in_memory().expect("open");
        let roles: Roles = [Role::Cashier, Role::Cafe].into_iter().collect();
        let name = Name::parse("Léa").expect("name");
        let id = store
            .write(|tx| insert(tx, &name, "hash", roles, now(), None))
            .expect("insert");
        let user = store.read(|tx| get(tx, id)).expect("get");
        assert_eq!(user.name.as_str(), "Léa");
        assert_eq!(user.roles, roles);
        assert!(user.active);
        let again =
            store.write(|tx| insert(tx, &Name::parse("léa").expect("n"), "h", roles, now(), None));
        assert!(matches!(again, Err(StorageError::Duplicate(n)) if n == "léa"));
        assert!(matches!(
            store.read(|tx| get(tx, UserId(99))),
            Err(StorageError::NotFound(Msg::ThingUser))
        ));
    }

    #[test]
    fn attempts_count_and_clear() {
        let mut store = Store::open_in_memory().expect("open");
        let name = Name::parse("Karim").expect("name");
        let id = store
            .write(|tx| {
                insert(
                    tx,
                    &name,
                    "h",
                    Roles::empty().with(Role::Cashier),
                    now(),
                    None,
                )
            })
            .expect("insert");
        store.write(|tx| set_attempts(tx, id, 2, None)).expect("2");
        assert_eq!(
            store.read(|tx| get(tx, id)).expect("get").failed_attempts,
            2
        );
        store
            .write(|tx| set_attempts(tx, id, 0, Some(now())))
            .expect("lock");
        let user = store.read(|tx| get(tx, id)).expect("get");
        assert_eq!((user.failed_attempts, user.locked_until), (0, Some(now())));
        store
            .write(|tx| clear_attempts_since(tx, id, 0))
            .expect("clear");
        assert_eq!(
            store.read(|tx| get(tx, id)).expect("get").locked_until,
            None
        );
    }
}
