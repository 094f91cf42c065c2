//! A database from a newer pépite is refused with a French message naming both versions,
//! and its bytes are left as they were.

mod common;

use pepite::storage::{SCHEMA_VERSION, StorageError, Store};

#[test]
fn a_newer_database_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("future.db");
    drop(Store::open(&path).expect("create"));
    let newer = SCHEMA_VERSION + 7;
    {
        let conn = rusqlite::Connection::open(&path).expect("raw open");
        conn.pragma_update(None, "user_version", newer)
            .expect("bump");
        conn.pragma_update(None, "journal_mode", "DELETE")
            .expect("no wal");
    }
    let before = std::fs::read(&path).expect("read");
    let error = match Store::open(&path) {
        Err(error) => error,
        Ok(_) => panic!("a newer database must be refused"),
    };
    assert!(
        matches!(error, StorageError::NewerSchema { found, supported } if found == newer && supported == SCHEMA_VERSION)
    );
    let message = error.to_string();
    assert!(message.contains(&format!("schéma {newer}")), "{message}");
    assert!(
        message.contains(&format!("que le schéma {SCHEMA_VERSION}")),
        "{message}"
    );
    assert!(message.contains("n'a pas été modifiée"), "{message}");
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "the file's bytes changed"
    );
    assert!(
        !dir.path().join("future.db-wal").exists(),
        "no WAL was created beside it"
    );
}

#[test]
fn the_binary_refuses_it_in_french_too() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("future.db");
    drop(Store::open(&path).expect("create"));
    {
        let conn = rusqlite::Connection::open(&path).expect("raw open");
        conn.pragma_update(None, "user_version", 99).expect("bump");
        conn.pragma_update(None, "journal_mode", "DELETE")
            .expect("no wal");
    }
    let before = std::fs::read(&path).expect("read");
    let output = common::pepite_command(dir.path())
        .args(["user", "list", "--db"])
        .arg(&path)
        .output()
        .expect("run pepite");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("version plus récente de pépite (schéma 99)"),
        "{stderr}"
    );
    assert_eq!(std::fs::read(&path).expect("read"), before);
}
