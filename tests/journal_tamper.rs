//! Tampering with the journal behind pépite's back (triggers dropped, raw SQL) is found by
//! `verify`, which names the first bad record and fails.

mod common;

use common::{ctx, initialised, key_dir, line, on, tender};
use pepite::domain::PaymentKind::{Card, Cash};
use pepite::domain::{Money, VatRate};
use pepite::journal::{self, CashCount, InstallationKey, JournalError, chain_hash};
use pepite::storage::Store;
use std::path::{Path, PathBuf};

/// A file database with ten tickets on two days and a Z in between.
fn journal_file(dir: &Path) -> PathBuf {
    let path = dir.join("j.db");
    let mut db = Store::open(&path).expect("open");
    initialised(&mut db);
    let key = db
        .read(|tx| InstallationKey::load(tx, &key_dir()))
        .expect("key");
    db.write(|tx| {
        for n in 0..5 {
            let at = on("2026-11-20", &format!("1{n}:00:00"));
            journal::append_ticket(
                tx,
                &key,
                &ctx("caisse-1", at),
                &[line("Vase", 1, 1250 + n, VatRate::STANDARD)],
                &[tender(Card, 1250 + n)],
                None,
            )?;
        }
        let count = CashCount {
            card_declared: Money::from_cents(5 * 1250 + 10),
            ..CashCount::default()
        };
        journal::close_day(
            tx,
            &key,
            &ctx("caisse-1", on("2026-11-20", "19:00:00")),
            &count,
        )?;
        for n in 0..5 {
            let at = on("2026-11-21", &format!("1{n}:00:00"));
            journal::append_ticket(
                tx,
                &key,
                &ctx("caisse-1", at),
                &[line("Livre", 1, 300, VatRate::REDUCED)],
                &[tender(Cash, 500)],
                None,
            )?;
        }
        Ok::<_, JournalError>(())
    })
    .expect("journal");
    path
}

fn raw(path: &Path, sql: &str) {
    let conn = rusqlite::Connection::open(path).expect("raw");
    conn.execute_batch(sql).expect(sql);
}

fn failure(path: &Path) -> String {
    let mut db = Store::open(path).expect("open");
    let report = db
        .read(|tx| journal::verify::verify(tx, None, None, Some(&key_dir())))
        .expect("verify runs");
    assert!(!report.is_intact(), "tampering went unnoticed:\n{report}");
    let text = report.to_string();
    assert!(text.contains("RÉSULTAT : ALTÉRÉ"), "{text}");
    let failure = report.failure.expect("failure");
    format!("{} — {}", failure.record, failure.reason)
}

const DROP_TRIGGERS: &str = "DROP TRIGGER document_no_update; DROP TRIGGER document_no_delete;
";

#[test]
fn an_untouched_journal_is_intact_and_the_triggers_refuse_changes() {
    let dir = tempfile::tempdir().expect("dir");
    let path = journal_file(dir.path());
    let mut db = Store::open(&path).expect("open");
    let report = db
        .read(|tx| journal::verify::verify(tx, None, None, Some(&key_dir())))
        .expect("verify");
    assert!(report.is_intact(), "{report}");
    assert_eq!(report.documents, 11);
    drop(db);
    let conn = rusqlite::Connection::open(&path).expect("raw");
    for sql in [
        "UPDATE document SET total = 0",
        "DELETE FROM document WHERE id = 11",
        "DELETE FROM event",
    ] {
        let error = conn.execute(sql, []).expect_err(sql);
        assert!(error.to_string().contains("inaltérable"), "{sql}: {error}");
    }
}

#[test]
fn an_amount_changed_in_a_payload_names_that_ticket() {
    let dir = tempfile::tempdir().expect("dir");
    let path = journal_file(dir.path());
    raw(
        &path,
        &format!(
            "{DROP_TRIGGERS} UPDATE document SET payload = replace(payload, '\"total_ttc\":1252', '\"total_ttc\":2252') WHERE series = 'caisse-1/T' AND number = 3;"
        ),
    );
    let found = failure(&path);
    assert_eq!(
        found,
        "caisse-1/T n° 3 (2026-11-20) — son contenu ne correspond plus à son empreinte (contenu modifié)"
    );
}

#[test]
fn a_deleted_last_document_is_a_cut_tail() {
    let dir = tempfile::tempdir().expect("dir");
    let path = journal_file(dir.path());
    raw(
        &path,
        &format!("{DROP_TRIGGERS} DELETE FROM document WHERE id = 11;"),
    );
    let found = failure(&path);
    assert!(
        found.starts_with("fin de la chaîne « documents »"),
        "{found}"
    );
    assert!(
        found.contains("signée pour 11 enregistrements, 10 trouvés"),
        "{found}"
    );
}

#[test]
fn a_document_removed_in_the_middle_breaks_the_next_link() {
    let dir = tempfile::tempdir().expect("dir");
    let path = journal_file(dir.path());
    raw(
        &path,
        &format!("{DROP_TRIGGERS} DELETE FROM document WHERE id = 4;"),
    );
    let found = failure(&path);
    assert_eq!(
        found,
        "caisse-1/T n° 5 (2026-11-20) — le lien avec le document précédent est rompu (document retiré ou inséré)"
    );
}

#[test]
fn a_swapped_key_file_is_found() {
    let dir = tempfile::tempdir().expect("dir");
    let path = journal_file(dir.path());
    let mut db = Store::open(&path).expect("open");
    let key = db
        .read(|tx| InstallationKey::load(tx, &key_dir()))
        .expect("key");
    let key_file = journal::key::key_path(&key_dir(), key.key_id());
    // Another installation's key put in its place.
    let other_dir = tempfile::tempdir().expect("other");
    let mut other = Store::open_in_memory().expect("other db");
    initialised_in(&mut other, other_dir.path());
    let other_id = other
        .read(|tx| InstallationKey::load(tx, other_dir.path()))
        .expect("other key")
        .key_id()
        .to_owned();
    let original = std::fs::read(&key_file).expect("read key");
    std::fs::copy(
        journal::key::key_path(other_dir.path(), &other_id),
        &key_file,
    )
    .expect("swap");
    let report = db
        .read(|tx| journal::verify::verify(tx, None, None, Some(&key_dir())))
        .expect("verify");
    std::fs::write(&key_file, original).expect("restore");
    let failure = report.failure.expect("found");
    assert!(
        failure
            .reason
            .contains("différent de la clé de l'installation"),
        "{failure:?}"
    );
}

#[test]
fn a_swapped_key_signs_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let path = journal_file(dir.path());
    let mut db = Store::open(&path).expect("open");
    let key = db
        .read(|tx| InstallationKey::load(tx, &key_dir()))
        .expect("key");
    let other_dir = tempfile::tempdir().expect("other");
    // A different key under the installation's name in another folder.
    let mut other = Store::open_in_memory().expect("other db");
    initialised_in(&mut other, other_dir.path());
    let other_id = other
        .read(|tx| InstallationKey::load(tx, other_dir.path()))
        .expect("k")
        .key_id()
        .to_owned();
    std::fs::copy(
        journal::key::key_path(other_dir.path(), &other_id),
        journal::key::key_path(other_dir.path(), key.key_id()),
    )
    .expect("swap");
    let loaded = db.read(|tx| InstallationKey::load(tx, other_dir.path()));
    assert!(
        matches!(loaded, Err(JournalError::KeyMismatch(_))),
        "a foreign key must be refused"
    );
}

fn initialised_in(store: &mut Store, keys: &Path) {
    let request = pepite::ops::setup::SetupRequest {
        structure: common::name("Autre"),
        manager: common::name("Zoé"),
        pin: common::pin("1234"),
    };
    pepite::ops::setup::initialise(store, &request, common::at("08:00:00"), keys).expect("set-up");
}

#[test]
fn a_chain_recomputed_without_the_key_fails_on_the_signatures() {
    let dir = tempfile::tempdir().expect("dir");
    let path = journal_file(dir.path());
    // Change ticket 2 of the second day and recompute every hash after it, as someone
    // with the database but not the key would.
    let conn = rusqlite::Connection::open(&path).expect("raw");
    conn.execute_batch(DROP_TRIGGERS).expect("drop");
    let rows: Vec<(i64, String, String)> = {
        let mut stmt = conn
            .prepare("SELECT id, prev_hash, payload FROM document ORDER BY id")
            .expect("select");
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .expect("rows")
            .collect::<Result<_, _>>()
            .expect("collect")
    };
    let mut prev = String::new();
    for (id, stored_prev, payload) in rows {
        let payload = if id == 8 {
            payload.replace("\"total_ttc\":300", "\"total_ttc\":30")
        } else {
            payload
        };
        let prev_hash = if prev.is_empty() {
            stored_prev
        } else {
            prev.clone()
        };
        let hash = chain_hash(&prev_hash, &payload);
        conn.execute(
            "UPDATE document SET prev_hash = ?2, hash = ?3, payload = ?4 WHERE id = ?1",
            rusqlite::params![id, prev_hash, hash, payload],
        )
        .expect("rewrite");
        prev = hash;
    }
    conn.execute(
        "UPDATE chain_head SET hash = ?1 WHERE chain = 'documents'",
        [&prev],
    )
    .expect("head");
    // A careful forger keeps the copied figure in line with the payload too.
    conn.execute("UPDATE document SET total = 30 WHERE id = 8", [])
        .expect("total");
    drop(conn);
    let found = failure(&path);
    assert!(
        found.starts_with("fin de la chaîne « documents »")
            && found.ends_with("signature invalide"),
        "{found}"
    );
}

#[test]
fn verify_on_the_demo_passes_and_a_hand_edit_fails_naming_the_ticket() {
    let home = tempfile::tempdir().expect("home");
    let db = home.path().join("demo.db");
    let run = |args: &[&str]| common::run_pepite(home.path(), args);
    let db_arg = db.to_str().expect("path");
    assert!(run(&["demo", "--no-tui", "--db", db_arg]).status.success());
    let ok = run(&["verify", "--db", db_arg]);
    let text = String::from_utf8_lossy(&ok.stdout).into_owned();
    assert!(ok.status.success(), "{text}");
    assert!(
        text.contains("Résultat du test d'intégrité") && text.contains("INTÈGRE"),
        "{text}"
    );

    // What sqlite3 would do: drop the trigger, change one ticket's amount.
    raw(
        &db,
        "DROP TRIGGER document_no_update; UPDATE document SET payload = replace(payload, '\"total_ttc\":', '\"total_ttc\":9') WHERE series = 'caisse-2/T' AND number = 7;",
    );
    let bad = run(&["verify", "--db", db_arg]);
    let text = String::from_utf8_lossy(&bad.stdout).into_owned();
    assert!(!bad.status.success(), "{text}");
    assert!(
        text.contains("ALTÉRÉ — premier enregistrement en défaut : caisse-2/T n° 7 ("),
        "{text}"
    );
}
