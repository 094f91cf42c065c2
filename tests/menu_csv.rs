//! The café's menu as CSV: the demo's menu read by the import's own code, an export read
//! back as it is, a second import that changes nothing, and a broken file refused whole
//! with its line named.

mod common;

use common::{at, initialised, login};
use pepite::domain::cafe::{Station, VatClass};
use pepite::ops::{OpsError, menu, users};
use pepite::storage::Store;

fn manager(store: &mut Store) -> pepite::ops::Session {
    let claire = users::find(store, "Claire").expect("find").expect("Claire");
    login(store, claire.id, "1111", at("09:00:00")).expect("login")
}

#[test]
fn the_demo_menu_round_trips_and_a_second_import_changes_nothing() {
    let mut store = Store::open_in_memory().expect("open");
    pepite::ops::demo::create(&mut store, at("08:00:00"), &common::key_dir()).expect("demo");
    let products = pepite::ops::cafe::menu(&mut store).expect("menu");
    assert!(products.len() >= 15, "a realistic menu: {}", products.len());
    let beer = products
        .iter()
        .find(|p| p.name.as_str() == "Bière pression")
        .expect("beer");
    assert_eq!(
        (beer.vat_class, beer.station),
        (VatClass::Alcohol, Station::Bar)
    );
    let soup = products
        .iter()
        .find(|p| p.name.as_str() == "Soupe du jour")
        .expect("soup");
    assert_eq!(soup.min_price.map(|m| m.cents()), Some(100), "prix libre");

    let exported = menu::export_csv(&mut store).expect("export");
    let session = manager(&mut store);
    assert_eq!(
        menu::import_csv(&mut store, &session, &exported).expect("import"),
        products.len()
    );
    assert_eq!(
        menu::export_csv(&mut store).expect("again"),
        exported,
        "nothing changed"
    );
    assert_eq!(pepite::ops::cafe::menu(&mut store).expect("menu"), products);
}

#[test]
fn a_broken_menu_is_refused_whole_with_its_line_named() {
    let mut store = Store::open_in_memory().expect("open");
    initialised(&mut store);
    let session = manager(&mut store);
    let header = menu::HEADER.join(";");
    for (bad_line, said) in [
        (
            "Bar;Bière;b;3,50;;biere;bar;;oui",
            "classe de TVA « biere »",
        ),
        ("Bar;Bière;b;3,505;;alcool;bar;;oui", "3,505"),
        ("Bar;Bière;bie;3,50;;alcool;bar;;oui", "une ou deux lettres"),
        ("Bar;Bière;b;3,50;;alcool;cuisine;;oui", "poste « cuisine »"),
        (
            "Bar;Bière;b;3,50;;alcool;bar;citron;oui",
            "supplément « citron »",
        ),
        (
            "Bar;Soupe;s;3,00;4,00;immediat;creperie;;oui",
            "pas en dessous de 4,00",
        ),
        ("Bar;Bière;b;3,50;;alcool;bar", "9 colonnes attendues"),
    ] {
        let text =
            format!("{header}\nGalettes;Galette;g;7,00;;immediat;creperie;;oui\n{bad_line}\n");
        let refused = menu::import_csv(&mut store, &session, &text);
        let Err(error) = refused else {
            panic!("{bad_line} was imported")
        };
        assert!(
            matches!(error, OpsError::FileLine { line: 3, .. }),
            "{error:?}"
        );
        assert!(error.to_string().contains(said), "{bad_line}: {error}");
        assert!(
            pepite::ops::cafe::menu(&mut store)
                .expect("menu")
                .is_empty(),
            "nothing half-imported"
        );
    }
}
