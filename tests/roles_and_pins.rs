//! Login and rights: the PIN lock after five wrong PINs, and role checks inside `ops`.

mod common;

use common::{at, initialised, name, pin};
use pepite::domain::{Role, Roles};
use pepite::ops::{OpsError, categories, places, users};
use pepite::storage::Store;
use pepite::storage::categories::CategoryDraft;

fn manager_and_cashier(store: &mut Store) -> (pepite::ops::Session, pepite::domain::UserId) {
    initialised(store);
    let claire = users::find(store, "Claire").expect("find").expect("Claire");
    let manager = common::login(store, claire.id, "1111", at("08:01:00")).expect("manager login");
    let cashier = Roles::empty().with(Role::Cashier);
    let karim = users::add(
        store,
        &manager,
        &name("Karim"),
        cashier,
        &pin("2222"),
        at("08:02:00"),
    )
    .expect("add cashier");
    (manager, karim)
}

#[test]
fn five_wrong_pins_lock_the_user_for_a_minute() {
    let mut store = Store::open_in_memory().expect("open");
    let (_, karim) = manager_and_cashier(&mut store);
    for (attempt, remaining) in (1..=4).zip([4, 3, 2, 1]) {
        match common::login(&mut store, karim, "9999", at(&format!("09:00:0{attempt}"))) {
            Err(OpsError::WrongPin { remaining: r }) => {
                assert_eq!(r, remaining, "attempt {attempt}")
            }
            other => panic!("attempt {attempt}: {other:?}"),
        }
    }
    let locked = common::login(&mut store, karim, "9999", at("09:00:05"));
    let until = match locked {
        Err(OpsError::Locked { until, .. }) => until,
        other => panic!("fifth wrong PIN: {other:?}"),
    };
    assert_eq!(until, at("09:01:05"));
    // Even the right PIN is refused while locked, and says until when.
    let refused = common::login(&mut store, karim, "2222", at("09:00:30")).expect_err("locked");
    assert!(
        refused.to_string().contains("bloqué jusqu'à 09:01:05"),
        "{refused}"
    );
    assert!(matches!(
        common::login(&mut store, karim, "2222", at("09:01:04")),
        Err(OpsError::Locked { .. })
    ));
    // A minute later the right PIN works, and the count starts again.
    let session = common::login(&mut store, karim, "2222", at("09:01:05")).expect("unlocked");
    assert_eq!(session.name().as_str(), "Karim");
    assert!(matches!(
        common::login(&mut store, karim, "0000", at("09:02:00")),
        Err(OpsError::WrongPin { remaining: 4 })
    ));
}

#[test]
fn a_good_pin_resets_the_count() {
    let mut store = Store::open_in_memory().expect("open");
    let (_, karim) = manager_and_cashier(&mut store);
    for _ in 0..4 {
        assert!(common::login(&mut store, karim, "1234", at("10:00:00")).is_err());
    }
    common::login(&mut store, karim, "2222", at("10:00:01")).expect("good PIN");
    assert!(matches!(
        common::login(&mut store, karim, "1234", at("10:00:02")),
        Err(OpsError::WrongPin { remaining: 4 })
    ));
}

#[test]
fn a_cashier_cannot_call_manager_operations() {
    let mut store = Store::open_in_memory().expect("open");
    let (_, karim) = manager_and_cashier(&mut store);
    let cashier = common::login(&mut store, karim, "2222", at("11:00:00")).expect("login");
    let forbidden = |result: Result<(), OpsError>, what: &str| match result {
        Err(OpsError::Forbidden(Role::Manager)) => {}
        other => panic!("{what}: {other:?}"),
    };
    let before = users::list(&mut store).expect("list");
    forbidden(
        users::add(
            &mut store,
            &cashier,
            &name("Intrus"),
            Roles::empty().with(Role::Manager),
            &pin("0000"),
            at("11:00:01"),
        )
        .map(|_| ()),
        "add a user",
    );
    forbidden(
        users::set_active(&mut store, &cashier, karim, false, at("12:00:00")),
        "disable a user",
    );
    forbidden(
        users::reset_pin(&mut store, &cashier, karim, &pin("4444"), at("12:00:00")),
        "reset a PIN",
    );
    forbidden(
        users::update(
            &mut store,
            &cashier,
            karim,
            &name("Karim"),
            Roles::empty().with(Role::Manager),
            at("12:00:00"),
        ),
        "promote oneself",
    );
    let draft = CategoryDraft {
        parent_id: None,
        name: name("Armes"),
        unit_weight: None,
    };
    forbidden(
        categories::add(&mut store, &cashier, &draft, at("12:00:00")).map(|_| ()),
        "add a category",
    );
    forbidden(
        places::add_point_of_sale(
            &mut store,
            &cashier,
            &name("Stand"),
            pepite::domain::PosKind::Event,
            at("12:00:00"),
        )
        .map(|_| ()),
        "add a point of sale",
    );
    assert_eq!(
        users::list(&mut store).expect("list"),
        before,
        "nothing changed"
    );
    let message = users::set_active(&mut store, &cashier, karim, false, at("12:00:00"))
        .expect_err("refused")
        .to_string();
    assert_eq!(message, "Action réservée au rôle « encadrant »");
}

#[test]
fn the_last_manager_cannot_be_disabled_or_demoted() {
    let mut store = Store::open_in_memory().expect("open");
    let (manager, _) = manager_and_cashier(&mut store);
    let me = manager.user();
    assert!(matches!(
        users::set_active(&mut store, &manager, me, false, at("12:00:00")),
        Err(OpsError::LastManager)
    ));
    assert!(matches!(
        users::update(
            &mut store,
            &manager,
            me,
            &name("Claire"),
            Roles::empty().with(Role::Cashier),
            at("12:00:00")
        ),
        Err(OpsError::LastManager)
    ));
    let claire = users::find(&mut store, "Claire")
        .expect("find")
        .expect("still there");
    assert!(
        claire.active && claire.roles.contains(Role::Manager),
        "rolled back"
    );
}

#[test]
fn a_disabled_user_cannot_log_in_and_a_reset_pin_unlocks() {
    let mut store = Store::open_in_memory().expect("open");
    let (manager, karim) = manager_and_cashier(&mut store);
    for _ in 0..5 {
        let _ = common::login(&mut store, karim, "0000", at("12:00:00"));
    }
    users::reset_pin(&mut store, &manager, karim, &pin("5678"), at("12:00:00")).expect("reset");
    common::login(&mut store, karim, "5678", at("12:00:10")).expect("new PIN works at once");
    users::set_active(&mut store, &manager, karim, false, at("12:00:00")).expect("disable");
    assert!(matches!(
        common::login(&mut store, karim, "5678", at("12:01:00")),
        Err(OpsError::UserDisabled(_))
    ));
}
