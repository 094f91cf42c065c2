//! A fuzz target per parser, as property tests (proptest, so `cargo test` runs them
//! anywhere, briefly): money, weight, till entry, EAN-13, the scanner detector, the price
//! grid's CSV, the configuration and the printer profile. Any input — random text, or text
//! close to valid — gives a value or a French message, never a panic; and what parses
//! says the same when written back, where a parser has a writer.

mod common;

use pepite::domain::scanner::{Input, Key, ScanDetector};
use pepite::domain::{Ean13, Money, Weight, parse_entry};
use proptest::prelude::*;

/// Text with the characters these parsers care about, often.
fn near(alphabet: &'static str) -> impl Strategy<Value = String> {
    let chars: Vec<char> = alphabet.chars().collect();
    prop::collection::vec(prop::sample::select(chars), 0..24)
        .prop_map(|cs| cs.into_iter().collect())
}

fn input() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        near("0123456789,.-+ €%*kgKG\u{a0}eE"),
        near("0123456789*, abcdlmsvjk&é\"'(-è_çà"),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn money_parses_or_explains(text in input()) {
        if let Ok(money) = Money::parse(&text) {
            prop_assert!(!money.is_negative());
            let plain = format!("{},{:02}", money.cents() / 100, money.cents() % 100);
            prop_assert_eq!(Money::parse(&plain).ok(), Some(money));
        } else {
            prop_assert!(!Money::parse(&text).expect_err("error").to_string().is_empty());
        }
    }

    #[test]
    fn weight_parses_or_explains(text in input()) {
        match Weight::parse(&text) {
            Ok(weight) => prop_assert!(weight.grams() > 0),
            Err(error) => prop_assert!(!error.to_string().is_empty()),
        }
    }

    #[test]
    fn till_entry_parses_or_explains(text in input()) {
        let _ = parse_entry(&text).map_err(|e| e.to_string());
    }

    #[test]
    fn ean13_parses_or_explains(text in prop_oneof![input(), near("0123456789")]) {
        if let Ok(code) = Ean13::parse(&text) {
            prop_assert_eq!(code.as_str().len(), 13);
            prop_assert_eq!(Ean13::parse(code.as_str()).ok(), Some(code));
        }
    }

    #[test]
    fn the_scanner_never_drops_or_invents_a_key(
        keys in prop::collection::vec((prop_oneof![any::<char>().prop_map(Key::Char), Just(Key::Enter)], 0u64..200_000), 0..60)
    ) {
        let mut detector = ScanDetector::new(30_000, 6);
        let mut at = 0u64;
        let mut out = Vec::new();
        let mut typed_chars = 0usize;
        for (key, gap) in &keys {
            at = at.saturating_add(*gap);
            if matches!(key, Key::Char(_)) {
                typed_chars += 1;
            }
            out.extend(detector.key(*key, at));
        }
        out.extend(detector.flush());
        // Every character comes out, as itself or inside a scan.
        let given: usize = out
            .iter()
            .map(|i| match i {
                Input::Key(Key::Char(_)) => 1,
                Input::Key(Key::Enter) => 0,
                Input::Scan(code) => code.chars().count(),
            })
            .sum();
        prop_assert_eq!(given, typed_chars);
    }

    #[test]
    fn the_configuration_parses_or_explains(text in prop_oneof![
        any::<String>(),
        near("lang=\"fr\"\ndbterminalprinter:tcp/9100[]#'"),
    ]) {
        let _ = pepite::config::Config::parse(&text);
    }

    #[test]
    fn a_printer_profile_parses_or_explains(text in prop_oneof![
        any::<String>(),
        near("[paper]columns=42\nwidth_mm80[features]cutter=true\"cp1252\""),
    ]) {
        let _ = pepite::print::Profile::parse(&text).map_err(|e| e.to_string());
    }
}

#[test]
fn the_price_grid_csv_parses_or_explains() {
    use proptest::test_runner::{Config, TestRunner};
    let mut store = pepite::storage::Store::open_in_memory().expect("store");
    common::initialised(&mut store);
    let claire = pepite::ops::users::find(&mut store, "Claire")
        .expect("find")
        .expect("Claire");
    let key = pepite::ops::journal::load_key(&mut store, &common::key_dir()).expect("key");
    let manager = pepite::ops::auth::login_at(
        &mut store,
        claire.id,
        "1111",
        common::at("09:00:00"),
        Some(key),
        "",
    )
    .expect("login");
    let store = std::cell::RefCell::new(store);
    let text = prop_oneof![
        any::<String>(),
        near("libellé;catégorie;prix;poids\nVase;Vaisselle;2,50;300 g\n;;\"x\"0123456789,"),
    ];
    let mut runner = TestRunner::new(Config {
        cases: 500,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&text, |text| {
            let _ = pepite::ops::grid::import_csv(&mut store.borrow_mut(), &manager, &text)
                .map_err(|e| e.to_string());
            Ok(())
        })
        .expect("grid CSV");
}
