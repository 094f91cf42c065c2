//! Café speed with years of data, measured (never asserted in tests), on a file database
//! in WAL mode, each write durable:
//!
//! * `cafe/add_line`: `ops::cafe::add_line` to one of 200 open orders.
//! * `cafe/send_ten_lines`: `ops::cafe::send` of an order of ten new lines on two
//!   stations.
//!
//! The café holds `PEPITE_BENCH_YEARS` years (five) of café tickets, 120 a day, every day
//! closed, and 200 open orders of five lines. It is built once into `target/tmp` under a
//! name carrying [`BUILD`]: change what it holds, change the stamp. The median and the
//! 99th percentile of 2 000 adds and 300 sends are printed besides criterion's estimates.
//! Run: `cargo bench --bench cafe`.

mod common;

use chrono::{DateTime, FixedOffset, TimeDelta};
use criterion::{Criterion, criterion_group, criterion_main};
use pepite::domain::cafe::{ServiceMode, Station};
use pepite::domain::{Money, PaymentKind, SaleLine, Tender, TerminalCode, VatRate};
use pepite::journal::{self, CashCount, Context, JournalError};
use pepite::ops::cafe::{self, Request};
use pepite::ops::{self, demo};
use pepite::storage::Store;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The version of what the cached bench database holds.
const BUILD: &str = "v2";

fn start() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2021-01-05T11:00:00+01:00").expect("time")
}

fn tmp() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
}

fn years() -> i64 {
    std::env::var("PEPITE_BENCH_YEARS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5)
}

fn today(years: i64) -> DateTime<FixedOffset> {
    start() + TimeDelta::days(years * 365 + 1)
}

fn line(label: &str, cents: i64, rate: VatRate, mode: ServiceMode) -> SaleLine {
    SaleLine {
        label: label.into(),
        category: None,
        item_code: None,
        quantity: 1,
        unit_price: Money::from_cents(cents),
        original_price: None,
        discount: Money::ZERO,
        discount_reason: None,
        ticket_discount: Money::ZERO,
        ticket_discount_reason: None,
        grams: None,
        weight_estimated: false,
        margin_scheme: false,
        guarantee: false,
        service: Some(mode),
        vat_rate: rate,
    }
}

/// Builds (once) the demo with `years` of café tickets on `cafe-1` and 200 open orders.
fn big_cafe(years: i64) -> (PathBuf, PathBuf) {
    let path = tmp().join(format!("bench-cafe-{BUILD}-{years}.db"));
    let keys = tmp().join(format!("bench-cafe-{BUILD}-{years}-keys"));
    if path.exists() && keys.exists() {
        return (path, keys);
    }
    let building = tmp().join(format!("bench-cafe-{BUILD}-{years}.building.db"));
    let _ = std::fs::remove_file(&building);
    let _ = std::fs::remove_dir_all(&keys);
    let mut store = Store::open(&building).expect("open");
    demo::create(&mut store, start() - TimeDelta::days(30), &keys).expect("demo");
    let key = ops::journal::load_key(&mut store, &keys).expect("key");
    let terminal = TerminalCode::parse("cafe-1").expect("terminal");
    for day in 0..years * 365 {
        let date = start() + TimeDelta::days(day);
        let ctx = |minute: i64| Context {
            terminal: terminal.clone(),
            point_of_sale: "Café-crêperie La Galette".into(),
            operator: "Lucas".into(),
            training: false,
            at: date + TimeDelta::minutes(minute),
        };
        store
            .write(|tx| {
                for n in 0..120i64 {
                    let mode = if n % 4 == 0 {
                        ServiceMode::Takeaway
                    } else {
                        ServiceMode::OnSite
                    };
                    let lines = [
                        line("Galette complète", 850, VatRate::INTERMEDIATE, mode),
                        line("Bière pression", 350, VatRate::STANDARD, mode),
                    ];
                    let tenders = [Tender {
                        method: PaymentKind::Card.default_label(),
                        kind: PaymentKind::Card,
                        amount: Money::from_cents(1200),
                    }];
                    journal::append_ticket(tx, &key, &ctx(n * 3), &lines, &tenders, None)?;
                }
                let count = CashCount {
                    card_declared: Money::from_cents(120 * 1200),
                    ..CashCount::default()
                };
                journal::close_day(tx, &key, &ctx(600), &count)?;
                Ok::<_, JournalError>(())
            })
            .expect("a day");
    }
    let lucas = ops::auth::login_choices(&mut store)
        .expect("users")
        .into_iter()
        .find(|u| u.name.as_str() == "Lucas")
        .expect("Lucas");
    let session = ops::auth::login_at(
        &mut store,
        lucas.id,
        "4444",
        today(years),
        Some(key),
        "cafe-1",
    )
    .expect("login");
    let menu = cafe::menu(&mut store).expect("menu");
    for table in 0..200 {
        let order = cafe::open_order(
            &mut store,
            &session,
            &format!("{}", table + 1),
            ServiceMode::OnSite,
            today(years),
        )
        .expect("order");
        for i in 0..5 {
            let product = &menu[(table * 5 + i) % menu.len()];
            let request = Request {
                product: product.id,
                quantity: 1,
                price: product.min_price,
                ..Request::default()
            };
            cafe::add_line(&mut store, &session, order, &request, today(years)).expect("line");
        }
    }
    drop(store);
    std::fs::rename(&building, &path).expect("rename");
    (path, keys)
}

fn copy_of(path: &Path) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir_in(tmp()).expect("dir");
    let copy = dir.path().join("cafe.db");
    drop(Store::open(path).expect("open"));
    std::fs::copy(path, &copy).expect("copy");
    (dir, copy)
}

fn report(what: &str, mut samples: Vec<Duration>) {
    samples.sort();
    eprintln!(
        "{what} over {} runs ({} years of café tickets, 200 open orders): median {:?}, p99 {:?}",
        samples.len(),
        years(),
        common::percentile(&samples, 0.5),
        common::percentile(&samples, 0.99)
    );
}

fn cafe_bench(c: &mut Criterion) {
    let years = years();
    let (path, keys) = big_cafe(years);
    let (_dir, copy) = copy_of(&path);
    let mut store = Store::open(&copy).expect("open");
    let key = ops::journal::load_key(&mut store, &keys).expect("key");
    let lucas = ops::auth::login_choices(&mut store)
        .expect("users")
        .into_iter()
        .find(|u| u.name.as_str() == "Lucas")
        .expect("Lucas");
    let now = today(years);
    let session =
        ops::auth::login_at(&mut store, lucas.id, "4444", now, Some(key), "cafe-1").expect("login");
    let menu = cafe::menu(&mut store).expect("menu");
    let orders = cafe::open_orders(&mut store).expect("orders");
    let crepe = menu
        .iter()
        .find(|p| p.station == Station::Creperie && p.min_price.is_none())
        .expect("a crêpe");
    let beer = menu
        .iter()
        .find(|p| p.station == Station::Bar)
        .expect("a drink");
    let mut n = 0usize;
    let mut add = |store: &mut Store| -> Duration {
        n += 1;
        let order = orders[n % orders.len()].id;
        let request = Request {
            product: crepe.id,
            quantity: 1,
            ..Request::default()
        };
        let started = Instant::now();
        cafe::add_line(store, &session, order, &request, now).expect("add");
        started.elapsed()
    };
    report("add a line", (0..2_000).map(|_| add(&mut store)).collect());
    let mut table = 1_000;
    let mut send = |store: &mut Store| -> Duration {
        table += 1;
        let order = cafe::open_order(
            store,
            &session,
            &table.to_string(),
            ServiceMode::OnSite,
            now,
        )
        .expect("order");
        for i in 0..10 {
            let product = if i % 2 == 0 { crepe.id } else { beer.id };
            let request = Request {
                product,
                quantity: 1,
                ..Request::default()
            };
            cafe::add_line(store, &session, order, &request, now).expect("line");
        }
        let started = Instant::now();
        let sent = cafe::send(store, &session, order, now).expect("send");
        let took = started.elapsed();
        assert_eq!(sent.len(), 2);
        took
    };
    report(
        "send a ten-line order",
        (0..300).map(|_| send(&mut store)).collect(),
    );
    let mut group = c.benchmark_group("cafe");
    group.bench_function("add_line", |b| {
        b.iter_custom(|iterations| (0..iterations).map(|_| add(&mut store)).sum())
    });
    group.bench_function("send_ten_lines", |b| {
        b.iter_custom(|iterations| (0..iterations).map(|_| send(&mut store)).sum())
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(Duration::from_secs(8));
    targets = cafe_bench
}
criterion_main!(benches);
