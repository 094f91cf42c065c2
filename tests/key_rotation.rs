//! Key rotation: a new key signed in by the old one. What the old key signed stays
//! verifiable with it, what follows is the new key's, PINs keep working (hashed again with
//! the new key at their next login), an archive made before the rotation still checks
//! against the database, and a rotation record forged in the database is found.

mod common;

use common::{ctx, line, on, tender};
use pepite::domain::PaymentKind::Card;
use pepite::domain::{Money, VatRate};
use pepite::journal::{self, CashCount, InstallationKey};
use pepite::ops::{self, users};
use pepite::storage::Store;
use pepite::storage::journal as store;

fn day(db: &mut Store, key: &InstallationKey, date: &str) {
    db.write(|tx| {
        journal::append_ticket(
            tx,
            key,
            &ctx("caisse-1", on(date, "10:00:00")),
            &[line("Lampe", 1, 1500, VatRate::STANDARD)],
            &[tender(Card, 1500)],
            None,
        )?;
        journal::close_day(
            tx,
            key,
            &ctx("caisse-1", on(date, "18:00:00")),
            &CashCount {
                card_declared: Money::from_cents(1500),
                ..CashCount::default()
            },
        )
    })
    .expect("a day");
}

#[test]
fn a_rotated_key_keeps_the_past_verifiable_and_signs_the_future() {
    let dir = tempfile::tempdir().expect("dir");
    let keys = dir.path().join("keys");
    let path = dir.path().join("shop.db");
    let mut db = Store::open(&path).expect("open");
    ops::setup::initialise(
        &mut db,
        &ops::setup::SetupRequest {
            structure: common::name("Ressourcerie"),
            manager: common::name("Claire"),
            pin: common::pin("1111"),
        },
        on("2026-10-01", "08:00:00"),
        &keys,
    )
    .expect("set-up");
    let old = ops::journal::load_key(&mut db, &keys).expect("key");
    day(&mut db, &old, "2026-10-30");
    day(&mut db, &old, "2026-11-02");
    let archive = dir.path().join("octobre");
    let manager_ctx = ctx("caisse-1", on("2026-11-02", "19:00:00"));
    let period =
        journal::archive::Period::parse("2026-10", manager_ctx.at.date_naive()).expect("period");
    db.write(|tx| journal::archive::write(tx, &old, &manager_ctx, &period, &archive))
        .expect("archive");

    let claire = users::find(&mut db, "Claire")
        .expect("find")
        .expect("Claire");
    let session = ops::auth::login_at(
        &mut db,
        claire.id,
        "1111",
        on("2026-11-03", "09:00:00"),
        Some(old.clone()),
        "cli",
    )
    .expect("login");
    assert!(
        ops::key::rotate(&mut db, &session, &old, on("2026-11-03", "09:01:00")).is_ok(),
        "a manager rotates"
    );
    let new = ops::journal::load_key(&mut db, &keys).expect("the new key loads");
    assert_ne!(new.public_hex(), old.public_hex());
    day(&mut db, &new, "2026-11-03");

    // Everything verifies, each closing with its own key.
    let report = db
        .read(|tx| journal::verify::verify(tx, None, None, Some(&keys)))
        .expect("verify");
    assert!(report.is_intact(), "{report}");
    // The installation's key is the new one from now on.
    let (_, current) = db.read(store::installation).expect("key").expect("current");
    assert_eq!(current, new.public_hex());

    // The PIN hashed with the old key still logs in, and is hashed with the new one.
    ops::auth::login_at(
        &mut db,
        claire.id,
        "1111",
        on("2026-11-03", "19:00:00"),
        Some(new.clone()),
        "cli",
    )
    .expect("the old PIN hash logs in");
    let hash: String = rusqlite::Connection::open(&path)
        .expect("raw")
        .query_row("SELECT pin_hash FROM user WHERE name = 'Claire'", [], |r| {
            r.get(0)
        })
        .expect("hash");
    assert!(hash.starts_with(&format!("k2${}$", new.key_id())), "{hash}");

    // The October archive, signed by the old key, still checks against the database.
    let keys_known = db.read(store::public_keys).expect("keys");
    assert_eq!(keys_known.len(), 2);
    let checked = journal::archive::check_with_keys(&archive, &keys_known);
    assert!(checked.problem.is_none(), "{checked}");

    // The JET says it, with both fingerprints.
    let mut rotation = Vec::new();
    db.read(|tx| {
        store::each_event(tx, |e| {
            if e.detail.starts_with("rotation") {
                rotation.push(e.detail);
            }
            Ok::<_, pepite::storage::StorageError>(())
        })
    })
    .expect("events");
    assert_eq!(rotation.len(), 1, "{rotation:?}");
    assert!(rotation[0].contains(&journal::key::fingerprint(&old.public_hex())));
    assert!(rotation[0].contains(&journal::key::fingerprint(&new.public_hex())));

    // A rotation record forged in the database (a key of one's own, signed by itself
    // only) is found.
    drop(db);
    let raw = rusqlite::Connection::open(&path).expect("raw");
    raw.execute_batch("DROP TRIGGER key_rotation_no_update")
        .expect("drop trigger");
    raw.execute("UPDATE key_rotation SET signature_old = signature_new", [])
        .expect("forge");
    drop(raw);
    let mut db = Store::open(&path).expect("open");
    let report = db
        .read(|tx| journal::verify::verify(tx, None, None, None))
        .expect("verify");
    assert!(!report.is_intact());
    assert!(
        report.to_string().contains("rotation vers la clé"),
        "{report}"
    );
}
