//! A database put back from an older copy, or whose tail was cut and an older signed head
//! put back, is found by `verify` against the anchor kept beside the key; a restore done
//! on purpose by a manager is written in the JET, says what it lost, and verifies.

mod common;

use common::{ctx, initialised, key_dir, line, on, tender};
use pepite::domain::PaymentKind::Cash;
use pepite::domain::VatRate;
use pepite::journal::{self, InstallationKey, JournalError};
use pepite::ops;
use pepite::storage::Store;
use std::path::{Path, PathBuf};

fn sell(store: &mut Store, key: &InstallationKey, n: i64) {
    let at = on("2026-11-20", &format!("1{}:00:00", n % 10));
    store
        .write(|tx| {
            journal::append_ticket(
                tx,
                key,
                &ctx("caisse-1", at),
                &[line("Vase", 1, 1000 + n, VatRate::STANDARD)],
                &[tender(Cash, 1000 + n)],
                None,
            )
        })
        .expect("ticket");
    ops::journal::anchor(store, key, at);
}

fn shop(dir: &Path) -> (PathBuf, Store, InstallationKey) {
    let path = dir.join("shop.db");
    let mut store = Store::open(&path).expect("open");
    initialised(&mut store);
    let key = store
        .read(|tx| InstallationKey::load(tx, &key_dir()))
        .expect("key");
    (path, store, key)
}

fn verify(path: &Path) -> journal::verify::Report {
    let mut store = Store::open(path).expect("open");
    store
        .read(|tx| journal::verify::verify(tx, None, None, Some(&key_dir())))
        .expect("verify")
}

fn put_back(copy: &Path, path: &Path) {
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    std::fs::copy(copy, path).expect("copy back");
}

#[test]
fn an_older_copy_put_back_is_older_than_the_last_known_state() {
    let dir = tempfile::tempdir().expect("dir");
    let (path, mut store, key) = shop(dir.path());
    sell(&mut store, &key, 1);
    let copy = dir.path().join("copy.db");
    pepite::storage::backup_to(&store, &copy).expect("backup");
    for n in 2..=4 {
        sell(&mut store, &key, n);
    }
    assert!(verify(&path).is_intact());
    drop(store);
    put_back(&copy, &path);
    let report = verify(&path);
    let failure = report.failure.expect("the older copy went unnoticed");
    assert!(
        failure.record.starts_with("dernier état connu ("),
        "{failure:?}"
    );
    assert!(
        failure.reason.starts_with(
            "cette base est plus ancienne que le dernier état connu (4 documents le 2026-11-20"
        ),
        "{failure:?}"
    );
}

#[test]
fn a_cut_tail_with_an_older_signed_head_put_back_is_found() {
    let dir = tempfile::tempdir().expect("dir");
    let (path, mut store, key) = shop(dir.path());
    sell(&mut store, &key, 1);
    sell(&mut store, &key, 2);
    drop(store);
    let conn = rusqlite::Connection::open(&path).expect("raw");
    let old_head: (i64, i64, String, String) = conn
        .query_row(
            "SELECT last_id, count, hash, signature FROM chain_head WHERE chain = 'documents'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .expect("head");
    // A careful attacker keeps the counters of that moment too.
    conn.execute_batch("CREATE TABLE saved AS SELECT * FROM counter;")
        .expect("save counters");
    drop(conn);
    let mut store = Store::open(&path).expect("open");
    sell(&mut store, &key, 3);
    sell(&mut store, &key, 4);
    drop(store);
    let conn = rusqlite::Connection::open(&path).expect("raw");
    conn.execute_batch("DROP TRIGGER document_no_delete;")
        .expect("drop");
    conn.execute("DELETE FROM document WHERE id > ?1", [old_head.0])
        .expect("cut");
    conn.execute(
        "UPDATE chain_head SET last_id = ?1, count = ?2, hash = ?3, signature = ?4 WHERE chain = 'documents'",
        rusqlite::params![old_head.0, old_head.1, old_head.2, old_head.3],
    )
    .expect("old head");
    conn.execute_batch(
        "DELETE FROM counter; INSERT INTO counter SELECT * FROM saved; DROP TABLE saved;",
    )
    .expect("old counters");
    drop(conn);
    let failure = verify(&path).failure.expect("the cut tail went unnoticed");
    assert!(
        failure
            .reason
            .contains("plus ancienne que le dernier état connu"),
        "{failure:?}"
    );
}

#[test]
fn a_restore_on_purpose_is_in_the_jet_says_what_it_lost_and_verifies() {
    let dir = tempfile::tempdir().expect("dir");
    let (path, mut store, key) = shop(dir.path());
    sell(&mut store, &key, 1);
    let copy = dir.path().join("copy.db");
    pepite::storage::backup_to(&store, &copy).expect("backup");
    for n in 2..=4 {
        sell(&mut store, &key, n);
    }
    let claire = ops::users::find(&mut store, "Claire")
        .expect("find")
        .expect("Claire");
    let manager =
        common::login(&mut store, claire.id, "1111", on("2026-11-21", "08:00:00")).expect("login");
    let (mut store, restored) =
        ops::journal::restore(store, &manager, &key, &copy, on("2026-11-21", "08:05:00"))
            .expect("restore");
    assert_eq!(restored.lost_documents, 3);
    let details: Vec<String> = store
        .read(|tx| {
            let mut found = Vec::new();
            pepite::storage::journal::each_event(tx, |e| {
                if e.code == "87-RESTAURATION" {
                    found.push(format!("{} {}", e.user, e.detail));
                }
                Ok::<_, JournalError>(())
            })?;
            Ok::<_, JournalError>(found)
        })
        .expect("events");
    assert_eq!(details.len(), 1, "{details:?}");
    assert!(details[0].starts_with("Claire sauvegarde "), "{details:?}");
    assert!(details[0].contains(": 3 documents et "), "{details:?}");
    drop(store);
    let report = verify(&path);
    assert!(report.is_intact(), "{report}");
}
