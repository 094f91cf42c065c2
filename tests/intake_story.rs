//! A day at the sorting bench on the demo: intakes with containers' tares, absurd weights
//! refused with the reason, a correction that replaces a record (and cannot be made twice
//! or without a reason), items created from an intake line, a withdrawal — then totals by
//! category, source, town and destination checked to the gram.

mod common;

use common::{at, key_dir};
use pepite::domain::{
    CategoryId, Destination, DomainError, Ean13, IntakeLine, Money, OutboundKind, Weight,
};
use pepite::ops::sorting::{self, IntakeHeader};
use pepite::ops::stock::{self, ItemDraft};
use pepite::ops::{self, OpsError, Session};
use pepite::storage::items::{Filter, ItemStatus};
use pepite::storage::sorting::{By, List};
use pepite::storage::{Store, categories, items, structure};

fn login(store: &mut Store, name: &str, pin: &str) -> Session {
    let user = ops::auth::login_choices(store)
        .expect("users")
        .into_iter()
        .find(|u| u.name.as_str() == name)
        .expect("user");
    common::login(store, user.id, pin, at("09:00:00")).expect("login")
}

fn id_of(list: &[pepite::storage::sorting::Listed], name: &str) -> i64 {
    list.iter().find(|l| l.name == name).expect(name).id
}

fn grams(g: i64) -> Weight {
    Weight::from_grams(g).expect("weight")
}

#[test]
fn a_day_of_intakes_adds_up_to_the_gram() {
    let mut store = Store::open_in_memory().expect("open");
    ops::demo::create(&mut store, at("08:00:00"), &key_dir()).expect("demo");
    let sophie = login(&mut store, "Sophie", "3333");
    let karim = login(&mut store, "Karim", "2222");
    let claire = login(&mut store, "Claire", "1111");
    let site = store.read(structure::list_sites).expect("sites")[0].id;
    let max = sorting::scale_max(&mut store, site).expect("scale");
    let sources = sorting::list(&mut store, List::Sources).expect("sources");
    let towns = sorting::list(&mut store, List::Towns).expect("towns");
    let containers = sorting::list(&mut store, List::Containers).expect("containers");
    let chariot = containers
        .iter()
        .find(|c| c.name == "Chariot")
        .expect("chariot");
    let caisse = containers
        .iter()
        .find(|c| c.name == "Caisse")
        .expect("caisse");
    let all = store.read(categories::list).expect("categories");
    let cat = |name: &str| -> (CategoryId, String) {
        let c = all.iter().find(|c| c.name.as_str() == name).expect(name);
        (c.id, name.to_owned())
    };
    let line = |name: &str,
                gross: i64,
                container: Option<&pepite::storage::sorting::Listed>,
                d: Destination| {
        IntakeLine::new(
            cat(name),
            grams(gross),
            container.map(|c| (c.name.clone(), c.tare_g)),
            d,
            max,
        )
    };

    // Absurd weights are refused, each with its reason.
    assert_eq!(
        Weight::parse("0").map_err(|e| e.to_string()),
        Err("« 0 » : le poids doit être supérieur à zéro".to_owned())
    );
    let above = line("Vêtements", 400_000, None, Destination::Reuse).expect_err("above the scale");
    assert!(matches!(above, DomainError::AboveScale { .. }));
    assert!(
        above
            .to_string()
            .contains("dépasse la portée de la balance"),
        "{above}"
    );
    let negative =
        line("Vêtements", 10_000, Some(chariot), Destination::Reuse).expect_err("net < 0");
    assert!(
        negative.to_string().contains("Poids net nul ou négatif"),
        "{negative}"
    );

    // Intake 1: a drop-off from Arcueil.
    let first_header = IntakeHeader {
        site,
        source: id_of(&sources, "Apport volontaire"),
        town: Some(id_of(&towns, "Arcueil")),
        note: "Déménagement".into(),
    };
    let first_lines = vec![
        line("Vêtements", 25_000, Some(chariot), Destination::Reuse).expect("line"),
        line("Vaisselle", 8_500, None, Destination::Reuse).expect("line"),
        line("Livres", 18_000, Some(caisse), Destination::Recycling).expect("line"),
    ];
    assert!(matches!(
        sorting::record_intake(
            &mut store,
            &karim,
            &first_header,
            &first_lines,
            at("09:30:00")
        ),
        Err(OpsError::Forbidden(_))
    ));
    let first = sorting::record_intake(
        &mut store,
        &sophie,
        &first_header,
        &first_lines,
        at("09:30:00"),
    )
    .expect("intake");
    // Intake 2: a home pickup from Cachan, one broken table to the bins.
    let second_header = IntakeHeader {
        site,
        source: id_of(&sources, "Collecte à domicile"),
        town: Some(id_of(&towns, "Cachan")),
        note: String::new(),
    };
    let second_lines = vec![
        line("Tables", 45_000, Some(chariot), Destination::Reuse).expect("line"),
        line("Tables", 20_000, None, Destination::Waste).expect("line"),
    ];
    sorting::record_intake(
        &mut store,
        &sophie,
        &second_header,
        &second_lines,
        at("10:30:00"),
    )
    .expect("intake");
    assert!(matches!(
        sorting::record_intake(&mut store, &sophie, &second_header, &[], at("10:31:00")),
        Err(OpsError::Empty(_))
    ));

    // The clothes weighed 27 kg, not 25: a correction replaces intake 1.
    let mut corrected = first_lines.clone();
    corrected[0] = line("Vêtements", 27_000, Some(chariot), Destination::Reuse).expect("line");
    assert!(matches!(
        sorting::correct_intake(
            &mut store,
            &sophie,
            first,
            &first_header,
            &corrected,
            " ",
            at("11:00:00")
        ),
        Err(OpsError::ReasonRequired)
    ));
    let correction = sorting::correct_intake(
        &mut store,
        &sophie,
        first,
        &first_header,
        &corrected,
        "balance mal tarée",
        at("11:00:00"),
    )
    .expect("correction");
    assert!(matches!(
        sorting::correct_intake(&mut store, &sophie, first, &first_header, &corrected, "encore", at("11:05:00")),
        Err(OpsError::AlreadyCorrected(id)) if id == correction
    ));
    let old = sorting::intake(&mut store, first)
        .expect("read")
        .expect("kept");
    assert_eq!(old.replaced_by, Some(correction));
    assert_eq!(
        old.lines[0].2, 25_000,
        "the validated record is kept as it was"
    );

    // Totals, to the gram, from the corrected figures.
    let day = "2026-11-24";
    let totals =
        |store: &mut Store, by: By| sorting::intake_totals(store, day, day, by).expect("totals");
    let pairs = |v: &[(&str, i64)]| {
        v.iter()
            .map(|(k, g)| ((*k).to_owned(), *g))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        totals(&mut store, By::Category),
        pairs(&[
            ("Tables", 53_000),
            ("Livres", 16_500),
            ("Vêtements", 15_000),
            ("Vaisselle", 8_500)
        ])
    );
    assert_eq!(
        totals(&mut store, By::Source),
        pairs(&[
            ("Collecte à domicile", 53_000),
            ("Apport volontaire", 40_000)
        ])
    );
    assert_eq!(
        totals(&mut store, By::Town),
        pairs(&[("Cachan", 53_000), ("Arcueil", 40_000)])
    );
    assert_eq!(
        totals(&mut store, By::Destination),
        pairs(&[("reuse", 56_500), ("waste", 20_000), ("recycling", 16_500)])
    );

    // Three priced items from the clothes line; the grid's weight when not weighed.
    let draft = ItemDraft {
        category: cat("Vêtements").0,
        description: "Manteau en laine".into(),
        price: Money::from_cents(1200),
        weight: None,
        quantity: 3,
        point_of_sale: None,
        intake: Some(correction),
    };
    let codes = stock::create_items(
        &mut store,
        &sophie,
        &draft,
        Some(grams(1_200)),
        at("11:30:00"),
    )
    .expect("items");
    assert_eq!(codes.len(), 3);
    for code in &codes {
        assert_eq!(Ean13::parse(code.as_str()).as_ref(), Ok(code));
    }
    let (summary, labelled) = sorting::day_summary(&mut store, day).expect("summary");
    assert_eq!(
        labelled,
        45 + 3,
        "the demo's stock and these three were made today"
    );
    assert!(summary.contains(&("Vêtements / reuse".to_owned(), 15_000)));

    // A manager reprices one (logged) and withdraws another (an outbound record).
    let code = codes[0].to_string();
    assert!(matches!(
        stock::change_price(
            &mut store,
            &sophie,
            &code,
            Money::from_cents(900),
            at("12:00:00")
        ),
        Err(OpsError::Forbidden(_))
    ));
    stock::change_price(
        &mut store,
        &claire,
        &code,
        Money::from_cents(900),
        at("12:00:00"),
    )
    .expect("price");
    let item = store
        .read(|tx| items::by_code(tx, &code))
        .expect("item")
        .expect("exists");
    assert_eq!(item.price, Money::from_cents(900));
    let log = store
        .read(|tx| items::price_changes(tx, item.id))
        .expect("log");
    assert_eq!(
        log,
        vec![(
            Money::from_cents(1200),
            Money::from_cents(900),
            "Claire".to_owned()
        )]
    );
    let withdrawn = codes[1].to_string();
    stock::withdraw(
        &mut store,
        &claire,
        site,
        std::slice::from_ref(&withdrawn),
        OutboundKind::Donation,
        at("12:10:00"),
    )
    .expect("withdraw");
    let out = store
        .read(|tx| pepite::storage::sorting::outbound_totals(tx, day, day))
        .expect("outbound");
    assert_eq!(out, vec![("donation".to_owned(), 1_200)]);
    let listed = stock::list(
        &mut store,
        &Filter {
            text: "Manteau en laine".into(),
            status: Some(ItemStatus::Withdrawn),
            ..Filter::default()
        },
    )
    .expect("list");
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].code, withdrawn);

    // The demo's markdown rules: seven weeks old, half price at the till, said on the line.
    let old = stock::create_items(
        &mut store,
        &sophie,
        &ItemDraft {
            description: "Vase ancien".into(),
            price: Money::from_cents(1000),
            quantity: 1,
            ..draft.clone()
        },
        Some(grams(700)),
        at("09:00:00") - chrono::TimeDelta::weeks(7),
    )
    .expect("old item");
    let scanned = ops::till::scan(&mut store, old[0].as_str(), at("14:00:00")).expect("scan");
    let ops::till::Scanned::Item(line) = scanned else {
        panic!("an item");
    };
    assert_eq!(line.unit_price, Money::from_cents(1000));
    assert_eq!(line.discount, Money::from_cents(500));
    assert_eq!(line.total(), Ok(Money::from_cents(500)));
    assert_eq!(
        line.discount_reason.as_deref(),
        Some("démarque −50 % (6 semaines)")
    );
}
