//! PINs against theft: parallel logins cannot pass the lock, a copied database alone is not
//! enough to find a PIN offline, and a hash made before PINs were keyed is keyed at the
//! user's next login.

mod common;

use argon2::password_hash::{PasswordHash, PasswordVerifier};
use common::{at, key_dir};
use pepite::ops::{OpsError, auth, journal, users};
use pepite::storage::Store;
use std::path::Path;

fn stored_hash(path: &Path, name: &str) -> String {
    let conn = rusqlite::Connection::open(path).expect("raw");
    conn.query_row("SELECT pin_hash FROM user WHERE name = ?1", [name], |r| {
        r.get(0)
    })
    .expect("hash")
}

fn failed_logins_in_jet(path: &Path) -> i64 {
    let conn = rusqlite::Connection::open(path).expect("raw");
    conn.query_row(
        "SELECT count(*) FROM event WHERE code = '35-ECHEC-CONNEXION'",
        [],
        |r| r.get(0),
    )
    .expect("count")
}

#[test]
fn thirty_two_parallel_wrong_pins_get_exactly_the_allowed_number_checked() {
    let dir = tempfile::tempdir().expect("dir");
    let (path, mut store) = common::shop_file(dir.path());
    let claire = users::find(&mut store, "Claire")
        .expect("find")
        .expect("Claire");
    drop(store);
    let threads: Vec<_> = (0..32)
        .map(|n| {
            let path = path.clone();
            std::thread::spawn(move || {
                let mut store = Store::open(&path).expect("open");
                let key = journal::load_key(&mut store, &key_dir()).expect("key");
                // One of them knows the PIN: it must not get through a burst of wrong ones
                // once the allowed tries are spent.
                let pin = if n == 31 { "1111" } else { "9999" };
                auth::login_at(&mut store, claire.id, pin, at("09:00:00"), Some(key), "")
            })
        })
        .collect();
    let results: Vec<_> = threads
        .into_iter()
        .map(|t| t.join().expect("thread"))
        .collect();
    let wrong = results
        .iter()
        .filter(|r| matches!(r, Err(OpsError::WrongPin { .. })))
        .count();
    let locked = results
        .iter()
        .filter(|r| matches!(r, Err(OpsError::Locked { .. })))
        .count();
    let admitted = results.iter().filter(|r| r.is_ok()).count();
    // Every attempt was answered, and no more PINs were checked than the lock allows.
    assert_eq!(wrong + locked + admitted, 32, "{results:?}");
    let checked_wrong = failed_logins_in_jet(&path);
    // A right PIN checked while wrong ones were counted after it leaves their count and
    // lock standing; one checked before any other was counted ends the window (the owner
    // is in) and the burst starts a new one: at most MAX_ATTEMPTS − 1 wrong PINs before
    // it and MAX_ATTEMPTS after.
    let limit = if admitted == 0 {
        auth::MAX_ATTEMPTS
    } else {
        2 * auth::MAX_ATTEMPTS - 1
    };
    assert!(
        checked_wrong <= i64::from(limit),
        "{checked_wrong} wrong PINs checked and {admitted} admitted"
    );
    if admitted == 0 {
        assert_eq!(checked_wrong, i64::from(auth::MAX_ATTEMPTS));
    }
    // After the burst the account is locked, the right PIN included.
    let mut store = Store::open(&path).expect("open");
    let key = journal::load_key(&mut store, &key_dir()).expect("key");
    if admitted == 0 {
        assert!(matches!(
            auth::login_at(&mut store, claire.id, "1111", at("09:00:30"), Some(key), ""),
            Err(OpsError::Locked { .. })
        ));
    }
}

#[test]
fn a_copied_database_alone_cannot_check_a_pin_offline() {
    let dir = tempfile::tempdir().expect("dir");
    let (path, store) = common::shop_file(dir.path());
    drop(store);
    let stored = stored_hash(&path, "Claire");
    let phc = stored
        .strip_prefix("k2$")
        .and_then(|rest| rest.split_once('$'))
        .map(|(_, phc)| phc)
        .expect("a hash keyed with a named key");
    let hash = PasswordHash::new(phc).expect("phc");
    // The right PIN, tried with Argon2 as an attacker holding only the file would: refused.
    assert!(
        argon2::Argon2::default()
            .verify_password(b"1111", &hash)
            .is_err(),
        "the PIN hash can be checked without the installation key"
    );
    // With the installation key, it logs in.
    let mut store = Store::open(&path).expect("open");
    let claire = users::find(&mut store, "Claire")
        .expect("find")
        .expect("Claire");
    common::login(&mut store, claire.id, "1111", at("09:00:00")).expect("login");
}

#[test]
fn an_unkeyed_hash_is_keyed_at_the_next_login() {
    let dir = tempfile::tempdir().expect("dir");
    let (path, mut store) = common::shop_file(dir.path());
    let claire = users::find(&mut store, "Claire")
        .expect("find")
        .expect("Claire");
    drop(store);
    // A hash as pépite wrote them before: bare Argon2id.
    let salt = argon2::password_hash::SaltString::encode_b64(b"0123456789abcdef").expect("salt");
    let old = argon2::password_hash::PasswordHasher::hash_password(
        &argon2::Argon2::default(),
        b"1111",
        &salt,
    )
    .expect("hash")
    .to_string();
    let conn = rusqlite::Connection::open(&path).expect("raw");
    conn.execute(
        "UPDATE user SET pin_hash = ?1 WHERE name = 'Claire'",
        [&old],
    )
    .expect("old hash");
    drop(conn);
    let mut store = Store::open(&path).expect("open");
    assert!(matches!(
        common::login(&mut store, claire.id, "0000", at("09:00:00")),
        Err(OpsError::WrongPin { .. })
    ));
    common::login(&mut store, claire.id, "1111", at("09:00:01")).expect("old hash logs in");
    drop(store);
    let now = stored_hash(&path, "Claire");
    assert!(now.starts_with("k2$"), "{now}");
    let mut store = Store::open(&path).expect("open");
    common::login(&mut store, claire.id, "1111", at("09:00:02")).expect("keyed hash logs in");
}

#[test]
fn a_right_pin_clears_the_count_only_when_no_attempt_came_after_it() {
    let dir = tempfile::tempdir().expect("dir");
    let (_, mut store) = common::shop_file(dir.path());
    let claire = users::find(&mut store, "Claire")
        .expect("find")
        .expect("Claire");
    let count = |store: &mut Store| {
        users::find(store, "Claire")
            .expect("find")
            .expect("Claire")
            .failed_attempts
    };
    // The right PIN was attempt 2; attempts 3 and 4 were counted while it was checked.
    store
        .write(|tx| pepite::storage::users::set_attempts(tx, claire.id, 4, None))
        .expect("attempts");
    store
        .write(|tx| pepite::storage::users::clear_attempts_since(tx, claire.id, 2))
        .expect("clear");
    assert_eq!(count(&mut store), 4, "the others' attempts stand");
    // Nobody came after attempt 4: cleared.
    store
        .write(|tx| pepite::storage::users::clear_attempts_since(tx, claire.id, 4))
        .expect("clear");
    assert_eq!(count(&mut store), 0);
}
