//! The technical event journal records who did what: logins, failed logins, logouts,
//! user and rights changes, settings changes, reprints — each chained like the documents.

mod common;

use common::{at, ctx, initialised, key_dir, line, name, on, pin, tender};
use pepite::domain::PaymentKind::Cash;
use pepite::domain::{Role, Roles, VatRate};
use pepite::journal::{self, JournalError};
use pepite::ops::{self, auth, categories, users};
use pepite::storage::Store;
use pepite::storage::categories::CategoryDraft;
use pepite::storage::journal as store;

fn events(db: &mut Store) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    db.read(|tx| {
        store::each_event(tx, |e| -> Result<(), pepite::storage::StorageError> {
            out.push((e.code, e.user, e.detail));
            Ok(())
        })
    })
    .expect("events");
    out
}

#[test]
fn every_change_leaves_an_event_and_the_chain_holds() {
    let mut db = Store::open_in_memory().expect("open");
    initialised(&mut db);
    let key = ops::journal::load_key(&mut db, &key_dir()).expect("key");
    ops::journal::start(&mut db, &key, "caisse-1", at("08:00:00")).expect("start");
    let claire = users::find(&mut db, "Claire")
        .expect("find")
        .expect("Claire");
    let wrong = auth::login_at(
        &mut db,
        claire.id,
        "0000",
        at("08:01:00"),
        Some(key.clone()),
        "caisse-1",
    );
    assert!(wrong.is_err());
    let manager = auth::login_at(
        &mut db,
        claire.id,
        "1111",
        at("08:02:00"),
        Some(key.clone()),
        "caisse-1",
    )
    .expect("login");
    let karim = users::add(
        &mut db,
        &manager,
        &name("Karim"),
        Roles::empty().with(Role::Cashier),
        &pin("2222"),
        at("08:03:00"),
    )
    .expect("add");
    users::update(
        &mut db,
        &manager,
        karim,
        &name("Karim"),
        [Role::Cashier, Role::Cafe].into_iter().collect(),
        at("08:04:00"),
    )
    .expect("rights");
    let draft = CategoryDraft {
        parent_id: None,
        name: name("Instruments de musique"),
        unit_weight: None,
    };
    categories::add(&mut db, &manager, &draft, at("08:05:00")).expect("category");
    db.write(|tx| {
        journal::append_ticket(
            tx,
            &key,
            &ctx("caisse-1", on("2026-11-24", "09:00:00")),
            &[line("Ukulélé", 1, 2500, VatRate::STANDARD)],
            &[tender(Cash, 2500)],
            None,
        )?;
        journal::append_duplicate(
            tx,
            &key,
            &ctx("caisse-1", on("2026-11-24", "09:05:00")),
            "caisse-1/T",
            1,
        )
    })
    .map_err(|e: JournalError| e.to_string())
    .expect("ticket and reprint");
    auth::logout(&mut db, &manager, at("18:00:00")).expect("logout");
    ops::journal::stop(&mut db, &key, "caisse-1", at("18:01:00")).expect("stop");

    let codes: Vec<String> = events(&mut db)
        .into_iter()
        .map(|(code, _, _)| code)
        .collect();
    assert_eq!(
        codes,
        [
            "97-CLE",
            "10-DEMARRAGE",
            "35-ECHEC-CONNEXION",
            "30-CONNEXION",
            "50-UTILISATEUR",
            "55-DROITS",
            "60-PARAMETRES",
            "90-DUPLICATA",
            "40-DECONNEXION",
            "20-ARRET",
        ]
    );
    let all = events(&mut db);
    // The set-up opened the JET with the key's fingerprint.
    assert!(
        all[0].2.starts_with("installation créée (pépite "),
        "{:?}",
        all[0]
    );
    assert_eq!(
        all[4],
        (
            "50-UTILISATEUR".into(),
            "Claire".into(),
            "ajout de « Karim » (cashier)".into()
        )
    );
    assert_eq!(all[5].2, "« Karim » : cashier → cashier,cafe");
    let report = db
        .read(|tx| journal::verify::verify(tx, None, None, Some(&key_dir())))
        .expect("verify");
    assert!(report.is_intact(), "{report}");
    assert_eq!(report.events, 10);
}

#[test]
fn a_new_software_version_is_an_event() {
    let mut db = Store::open_in_memory().expect("open");
    initialised(&mut db);
    let key = ops::journal::load_key(&mut db, &key_dir()).expect("key");
    // A start written by an older version, as a previous binary would have left it.
    db.write(|tx| {
        let payload = serde_json::json!({"at": "x", "code": "10-DEMARRAGE", "detail": "", "software": "pépite 0.0.9", "terminal": "caisse-1", "user": ""}).to_string();
        let hash = journal::chain_hash(journal::GENESIS, &payload);
        store::insert_event(tx, &store::NewEvent { code: "10-DEMARRAGE", at: at("07:00:00"), user: "", terminal: "caisse-1", detail: "", payload: &payload, prev_hash: journal::GENESIS, hash: &hash })
    })
    .expect("old start");
    ops::journal::start(&mut db, &key, "caisse-1", at("08:00:00")).expect("start");
    let all = events(&mut db);
    assert_eq!(all[2].0, "99-VERSION");
    assert!(
        all[2].2.starts_with("pépite 0.0.9 → pépite "),
        "{:?}",
        all[2]
    );
}

#[test]
fn training_mode_on_and_off_is_in_the_jet_and_needs_a_manager_to_start() {
    let mut db = Store::open_in_memory().expect("open");
    initialised(&mut db);
    let key = ops::journal::load_key(&mut db, &key_dir()).expect("key");
    let claire = users::find(&mut db, "Claire")
        .expect("find")
        .expect("Claire");
    let manager = auth::login_at(
        &mut db,
        claire.id,
        "1111",
        at("08:01:00"),
        Some(key.clone()),
        "caisse-1",
    )
    .expect("login");
    let karim = users::add(
        &mut db,
        &manager,
        &name("Karim"),
        Roles::empty().with(Role::Cashier),
        &pin("2222"),
        at("08:02:00"),
    )
    .expect("cashier");
    let cashier = auth::login_at(
        &mut db,
        karim,
        "2222",
        at("08:03:00"),
        Some(key),
        "caisse-1",
    )
    .expect("login");
    assert!(ops::till::set_training(&mut db, &cashier, true, at("09:00:00")).is_err());
    ops::till::set_training(&mut db, &manager, true, at("09:00:00")).expect("on");
    ops::till::set_training(&mut db, &cashier, false, at("09:30:00")).expect("off");
    let training: Vec<(String, String)> = events(&mut db)
        .into_iter()
        .filter(|(code, _, _)| code == "57-MODE-ECOLE")
        .map(|(_, user, detail)| (user, detail))
        .collect();
    assert_eq!(
        training,
        [
            ("Claire".to_owned(), "mode école activé".to_owned()),
            ("Karim".to_owned(), "mode école arrêté".to_owned())
        ]
    );
}

#[test]
fn a_clock_found_behind_is_in_the_jet_at_start_and_when_a_document_is_refused() {
    let mut db = Store::open_in_memory().expect("open");
    initialised(&mut db);
    let key = ops::journal::load_key(&mut db, &key_dir()).expect("key");
    let claire = users::find(&mut db, "Claire")
        .expect("find")
        .expect("Claire");
    let manager = auth::login_at(
        &mut db,
        claire.id,
        "1111",
        on("2026-11-24", "10:00:00"),
        Some(key.clone()),
        "caisse-1",
    )
    .expect("login");
    let float = [(pepite::domain::Money::from_cents(1000), 1)];
    let till = |time: &str| {
        let mut c = ctx("caisse-1", on("2026-11-24", time));
        c.operator = "Claire".into();
        c
    };
    ops::till::open_day(&mut db, &manager, &key, &till("10:05:00"), &float).expect("float");
    let refused = ops::till::open_day(&mut db, &manager, &key, &till("09:00:00"), &float);
    assert!(
        matches!(
            refused,
            Err(ops::OpsError::Journal(JournalError::ClockBehind { .. }))
        ),
        "{refused:?}"
    );
    // A restart with the clock still an hour behind.
    ops::journal::start(&mut db, &key, "caisse-1", on("2026-11-24", "09:01:00")).expect("start");
    let clock: Vec<(String, String)> = events(&mut db)
        .into_iter()
        .filter(|(code, _, _)| code == "67-HORLOGE")
        .map(|(_, user, detail)| (user, detail))
        .collect();
    assert_eq!(clock.len(), 2, "{clock:?}");
    assert_eq!(clock[0].0, "Claire");
    assert!(
        clock[0].1.contains("24/11/2026 09:00") && clock[0].1.contains("24/11/2026 10:05"),
        "{clock:?}"
    );
    assert!(
        clock[1].1.starts_with("horloge reculée au démarrage"),
        "{clock:?}"
    );
}
