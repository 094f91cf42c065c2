//! The mass balance over random days at the bench and the till: intakes (with corrections
//! replacing a record), sales that carry their weight (weighed or estimated) and refunds
//! that bring it back, outbound flows of every kind. The tonnage report's figures — each
//! read by its own query — agree with a model that knows where every gram went, and
//! in = reuse + recycling + waste + withdrawn + what stayed on site, to the gram.

mod common;

use common::{at, ctx, key_dir, line, on, tender};
use pepite::domain::PaymentKind::Cash;
use pepite::domain::{
    CategoryId, Destination, IntakeLine, Money, OutboundKind, SaleLine, VatRate, Weight,
};
use pepite::journal::CashCount;
use pepite::ops::sorting::{self, IntakeHeader};
use pepite::ops::{self, reports};
use pepite::storage::sorting::{List, OutLine};
use pepite::storage::{Store, categories, structure};
use proptest::prelude::*;

#[derive(Clone, Debug)]
enum Step {
    /// (category index, grams, destination index)
    Intake(usize, i64, usize),
    /// Corrects the n-th intake (modulo) to this many grams.
    Correct(usize, i64),
    /// A line sold carrying grams, weighed or estimated.
    Sale(i64, bool),
    /// Refunds the n-th sale (modulo), once.
    Refund(usize),
    /// (outbound kind index, grams)
    Out(usize, i64),
}

const KINDS: [OutboundKind; 6] = [
    OutboundKind::Donation,
    OutboundKind::Partner,
    OutboundKind::Recycler,
    OutboundKind::Dump,
    OutboundKind::Bins,
    OutboundKind::Withdrawal,
];

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => (0usize..4, 1i64..80_000, 0usize..3).prop_map(|(c, g, d)| Step::Intake(c, g, d)),
        1 => (0usize..20, 1i64..80_000).prop_map(|(n, g)| Step::Correct(n, g)),
        3 => (1i64..30_000, any::<bool>()).prop_map(|(g, e)| Step::Sale(g, e)),
        1 => (0usize..20).prop_map(Step::Refund),
        2 => (0usize..6, 1i64..60_000).prop_map(|(k, g)| Step::Out(k, g)),
    ]
}

/// Where the grams went, as the test counts them.
#[derive(Default, Debug)]
struct Model {
    collected: i64,
    sold_weighed: i64,
    sold_estimated: i64,
    out: [i64; 6],
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]

    #[test]
    fn in_is_reuse_recycling_waste_withdrawn_and_what_stayed(
        days in prop::collection::vec(prop::collection::vec(step(), 1..10), 1..4)
    ) {
        let mut store = Store::open_in_memory().expect("open");
        ops::demo::create(&mut store, at("08:00:00"), &key_dir()).expect("demo");
        let claire = common::login_as(&mut store, "Claire", "1111", at("09:00:00"));
        let key = store
            .read(|tx| pepite::journal::InstallationKey::load(tx, &key_dir()))
            .expect("key");
        let site = store.read(structure::list_sites).expect("sites")[0].id;
        let source = sorting::list(&mut store, List::Sources).expect("sources")[0].id;
        let all = store.read(categories::list).expect("categories");
        let cats: Vec<(CategoryId, String)> =
            all.iter().take(4).map(|c| (c.id, c.name.to_string())).collect();
        let header = IntakeHeader { site, source, town: None, note: String::new() };
        let max = Weight::from_grams(300_000).expect("max");

        let mut model = Model::default();
        // Current intakes: (record id, net grams).
        let mut intakes: Vec<(i64, i64)> = Vec::new();
        // Sales: (series, number, the line, refunded yet).
        let mut sales: Vec<(String, i64, SaleLine, bool)> = Vec::new();
        for (d, steps) in days.iter().enumerate() {
            // January 2027, after everything the demo holds; a terminal of its own.
            let day = format!("2027-01-{:02}", 4 + d);
            let mut sold_today = false;
            for (i, step) in steps.iter().enumerate() {
                let when = on(&day, &format!("10:{:02}:00", i));
                match step {
                    Step::Intake(c, g, dest) => {
                        let l = IntakeLine::new(cats[*c].clone(), Weight::from_grams(*g).expect("g"), None, Destination::ALL[*dest], max).expect("line");
                        let id = sorting::record_intake(&mut store, &claire, &header, &[l], when).expect("intake");
                        intakes.push((id, *g));
                        model.collected += g;
                    }
                    Step::Correct(n, g) => {
                        if intakes.is_empty() { continue; }
                        let at_n = n % intakes.len();
                        let (id, old) = intakes[at_n];
                        let l = IntakeLine::new(cats[0].clone(), Weight::from_grams(*g).expect("g"), None, Destination::Reuse, max).expect("line");
                        let new = sorting::correct_intake(&mut store, &claire, id, &header, &[l], "pesée refaite", when).expect("correction");
                        intakes[at_n] = (new, *g);
                        model.collected += g - old;
                    }
                    Step::Sale(g, estimated) => {
                        let sold = SaleLine { grams: Some(*g), weight_estimated: *estimated, category: Some(cats[1].1.clone()), ..line("objet", 1, 500, VatRate::STANDARD) };
                        let c = ctx("caisse-9", when);
                        let doc = store.write(|tx| pepite::journal::append_ticket(tx, &key, &c, std::slice::from_ref(&sold), &[tender(Cash, 500)], None)).expect("sale");
                        if *estimated { model.sold_estimated += g } else { model.sold_weighed += g }
                        sales.push((doc.series, doc.number, sold, false));
                        sold_today = true;
                    }
                    Step::Refund(n) => {
                        if sales.is_empty() { continue; }
                        let at_n = n % sales.len();
                        let (series, number, sold, refunded) = sales[at_n].clone();
                        if refunded { continue; }
                        let back = SaleLine { quantity: -1, grams: sold.grams.map(|g| -g), ..sold.clone() };
                        let c = ctx("caisse-9", when);
                        store.write(|tx| pepite::journal::append_ticket(tx, &key, &c, std::slice::from_ref(&back), &[tender(Cash, -500)], Some((&series, number)))).expect("refund");
                        let g = sold.grams.unwrap_or(0);
                        if sold.weight_estimated { model.sold_estimated -= g } else { model.sold_weighed -= g }
                        sales[at_n].3 = true;
                        sold_today = true;
                    }
                    Step::Out(k, g) => {
                        let out = OutLine { category: None, fraction: "vrac".into(), grams: *g, item: None, tare_g: 0 };
                        sorting::record_outbound(&mut store, &claire, site, KINDS[*k], "Repreneur", "", &[out], when).expect("outbound");
                        model.out[*k] += g;
                    }
                }
            }
            // The day's Z, so the next day's sales open a session of their own.
            if sold_today {
                let closing = on(&day, "19:00:00");
                let x = store.read(|tx| pepite::journal::x_report(tx, "caisse-9", closing)).expect("X");
                let count = CashCount {
                    denominations: vec![(Money::from_cents(1), x.expected(Cash).cents())],
                    ..CashCount::default()
                };
                store.write(|tx| pepite::journal::close_day(tx, &key, &ctx("caisse-9", closing), &count)).expect("Z");
            }
        }

        let (from, to) = ("2027-01-01".parse().expect("date"), "2027-01-31".parse().expect("date"));
        let data = reports::tonnage_data(&mut store, from, to).expect("figures");
        let tonnage = pepite::reports::tonnage::build(from, to, &data);
        let out = |kind: OutboundKind| data.outbound.iter().filter(|(k, _)| k == kind.code()).map(|(_, g)| g).sum::<i64>();

        prop_assert_eq!(pepite::reports::tonnage::collected(&data), model.collected);
        prop_assert_eq!(data.sold, (model.sold_weighed, model.sold_estimated));
        for (i, kind) in KINDS.iter().enumerate() {
            prop_assert_eq!(out(*kind), model.out[i], "{:?}", kind);
        }
        let reuse = model.sold_weighed + model.sold_estimated + model.out[0] + model.out[1];
        let recycling = model.out[2];
        let waste = model.out[3] + model.out[4];
        let withdrawn = model.out[5];
        prop_assert_eq!(pepite::reports::tonnage::reused(&data), reuse);
        let recyclers: i64 = data.recipients.iter().filter(|(k, _, _)| k == OutboundKind::Recycler.code()).map(|r| r.2).sum();
        prop_assert_eq!(recyclers, recycling);
        // The identity, with what stayed as the report states it.
        let stayed = pepite::reports::tonnage::stayed(&data);
        prop_assert_eq!(model.collected, reuse + recycling + waste + withdrawn + stayed);
        // And the report's own rows say the same (the « where it went » table).
        let went = tonnage.sections.iter().find(|s| s.title == pepite::i18n::Msg::TonnageWhereItWent).expect("section");
        let row_sum: i64 = went.rows.iter().map(|r| match r[1] { pepite::reports::Cell::Grams(g) => g, _ => 0 }).sum();
        prop_assert_eq!(row_sum, model.collected, "the rows of « where it went » add up to what came in");
    }
}
