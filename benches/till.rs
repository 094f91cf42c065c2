//! Till speed with years of data, measured (never asserted in tests):
//!
//! * `till/scan_to_line_drawn`: from the first key of a scanned code to the ticket line
//!   drawn into a `TestBackend` (80×24), on a shop with `PEPITE_BENCH_ITEMS` items (one
//!   million by default) and `PEPITE_BENCH_YEARS` years of tickets (five). The median and
//!   the 99th percentile of 2 000 scans are printed besides criterion's estimate.
//! * `till/validate_ten_lines_two_payments`: `ops::till::sell` of a ten-line ticket (two
//!   scanned items, eight category lines) paid by card and cash, durably (WAL,
//!   `synchronous=FULL`).
//!
//! The shop is built once into `target/tmp` and copied for each run. Run:
//! `cargo bench --bench till`.

mod common;

use chrono::{DateTime, Datelike, FixedOffset, TimeDelta, Weekday};
use criterion::{Criterion, criterion_group, criterion_main};
use pepite::domain::{
    Cart, CategoryId, CodeKind, Ean13, Money, PaymentKind, SaleLine, Tender, TerminalCode, VatRate,
    Weight,
};
use pepite::journal::{self, CashCount, Context, InstallationKey, JournalError};
use pepite::ops::till::{self, Payment, Scanned};
use pepite::ops::{self, demo};
use pepite::storage::items::{self, NewItem};
use pepite::storage::{StorageError, Store};
use pepite::tui::App;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn start() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2021-01-05T08:00:00+01:00").expect("time")
}

fn setting(name: &str, default: i64) -> i64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn tmp() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
}

/// The first day after the history: the bench's "today".
fn today(years: i64) -> DateTime<FixedOffset> {
    start() + TimeDelta::days(years * 365 + 1) + TimeDelta::hours(2)
}

/// Builds (once) the demo shop, `years` of tickets on caisse-1 (100 a day, Tuesday to
/// Saturday, each day closed) and `count` items in stock.
fn big_shop(count: i64, years: i64) -> (PathBuf, PathBuf) {
    let path = tmp().join(format!("bench-till-{count}-{years}.db"));
    let keys = tmp().join(format!("bench-till-{count}-{years}-keys"));
    if path.exists() && keys.exists() {
        return (path, keys);
    }
    // Built under another name and renamed at the end: an interrupted build is never
    // taken for a finished one.
    let building = tmp().join(format!("bench-till-{count}-{years}.building.db"));
    let _ = std::fs::remove_file(&building);
    let _ = std::fs::remove_dir_all(&keys);
    let mut store = Store::open(&building).expect("open");
    demo::create(&mut store, start(), &keys).expect("demo");
    let key = store
        .read(|tx| InstallationKey::load(tx, &keys))
        .expect("key");
    let terminal = TerminalCode::parse("caisse-1").expect("terminal");
    let products = [
        ("Livre de poche", 100, VatRate::REDUCED),
        ("Jean", 500, VatRate::STANDARD),
        ("Assiette", 50, VatRate::STANDARD),
        ("Chaise bistrot", 1500, VatRate::STANDARD),
    ];
    for day in 0..years * 365 {
        let date = start() + TimeDelta::days(day) + TimeDelta::hours(2);
        if matches!(date.weekday(), Weekday::Sun | Weekday::Mon) {
            continue;
        }
        let ctx = |minute: i64| Context {
            terminal: terminal.clone(),
            point_of_sale: "Boutique Arcueil".into(),
            operator: "Karim".into(),
            training: false,
            at: date + TimeDelta::minutes(minute),
        };
        store
            .write(|tx| {
                for n in 0..100i64 {
                    let lines: Vec<SaleLine> = (0..(2 + n % 3))
                        .map(|i| {
                            let (label, cents, rate) = products[((n + i) % 4) as usize];
                            SaleLine {
                                label: label.into(),
                                category: Some("Boutique".into()),
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
                                service: None,
                                vat_rate: rate,
                            }
                        })
                        .collect();
                    let total: i64 = lines.iter().map(|l| l.unit_price.cents()).sum();
                    let kind = if n % 2 == 0 {
                        PaymentKind::Cash
                    } else {
                        PaymentKind::Card
                    };
                    let tenders = [Tender {
                        method: kind.default_label(),
                        kind,
                        amount: Money::from_cents(total),
                    }];
                    journal::append_ticket(tx, &key, &ctx(n * 4), &lines, &tenders, None)?;
                }
                let count = CashCount {
                    comment: "banc d'essai".into(),
                    ..CashCount::default()
                };
                let closing = ctx(600);
                journal::close_day(tx, &key, &closing, &count)?;
                Ok::<_, JournalError>(())
            })
            .expect("day");
    }
    let category = store
        .read(pepite::storage::categories::list)
        .expect("categories")
        .into_iter()
        .find(|c| c.name.as_str() == "Luminaires")
        .map(|c| c.id)
        .unwrap_or(CategoryId(1));
    store
        .write(|tx| {
            for _ in 0..count {
                let code =
                    Ean13::in_store(CodeKind::Item, items::next_serial(tx)?).expect("item code");
                items::insert(
                    tx,
                    &code,
                    &NewItem {
                        category_id: category,
                        intake: None,
                        description: "Lampe à poser",
                        price: Money::from_cents(800),
                        weight: Weight::from_grams(1500).expect("weight"),
                        weight_estimated: false,
                        point_of_sale: None,
                        created_at: start(),
                    },
                )?;
            }
            Ok::<_, StorageError>(())
        })
        .expect("items");
    drop(store);
    std::fs::rename(&building, &path).expect("rename");
    (path, keys)
}

/// A fresh copy of the built shop for this run.
fn copy_of(path: &Path) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir_in(tmp()).expect("dir");
    let copy = dir.path().join("shop.db");
    {
        // Fold the WAL into the file before copying it.
        let store = Store::open(path).expect("open");
        drop(store);
    }
    std::fs::copy(path, &copy).expect("copy");
    (dir, copy)
}

/// A code of an item in stock: serials after the demo's own items, spread out.
fn code(i: i64, count: i64) -> String {
    let serial = 100 + (i * 7_919) % (count - 200).max(1);
    Ean13::in_store(CodeKind::Item, serial as u64)
        .expect("code")
        .to_string()
}

struct Keys {
    app: App,
    clock_us: u64,
}

impl Keys {
    fn key(&mut self, code: KeyCode, gap_ms: u64) {
        self.clock_us += gap_ms * 1000;
        self.app
            .handle_key_at(KeyEvent::new(code, KeyModifiers::NONE), self.clock_us);
    }

    fn human(&mut self, text: &str) {
        for c in text.chars() {
            self.key(KeyCode::Char(c), 150);
        }
        self.clock_us += 500_000;
        self.app.idle_at(self.clock_us);
    }
}

fn scan_to_draw(c: &mut Criterion) {
    let count = setting("PEPITE_BENCH_ITEMS", 1_000_000);
    let years = setting("PEPITE_BENCH_YEARS", 5);
    let (path, keys) = big_shop(count, years);
    let (_dir, copy) = copy_of(&path);
    let store = Store::open(&copy).expect("open");
    let terminal = TerminalCode::parse("caisse-1").expect("terminal");
    let app = App::new(store, Some(terminal), today(years), keys).expect("app");
    let mut k = Keys {
        app,
        clock_us: 1_000_000,
    };
    k.human("k");
    k.key(KeyCode::Enter, 300);
    k.human("2222");
    k.key(KeyCode::Enter, 300);
    k.key(KeyCode::Enter, 300); // the till
    k.key(KeyCode::F(2), 300); // a float of zero
    let mut screen = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    let mut n = 0i64;
    let mut one_scan = |k: &mut Keys| -> Duration {
        n += 1;
        let code = code(n, count);
        let started = Instant::now();
        for ch in code.chars() {
            k.key(KeyCode::Char(ch), 4);
        }
        k.key(KeyCode::Enter, 4);
        screen.draw(|frame| k.app.render(frame)).expect("draw");
        let took = started.elapsed();
        k.key(KeyCode::Delete, 300);
        took
    };
    let mut samples: Vec<Duration> = (0..2_000).map(|_| one_scan(&mut k)).collect();
    samples.sort();
    eprintln!(
        "scan → line drawn over {} scans ({count} items, {years} years): median {:?}, p99 {:?}, max {:?}",
        samples.len(),
        common::percentile(&samples, 0.5),
        common::percentile(&samples, 0.99),
        samples[samples.len() - 1]
    );
    let mut group = c.benchmark_group("till");
    group.bench_function("scan_to_line_drawn", |b| {
        b.iter_custom(|iterations| (0..iterations).map(|_| one_scan(&mut k)).sum())
    });
    group.finish();
}

fn validate(c: &mut Criterion) {
    let count = setting("PEPITE_BENCH_ITEMS", 1_000_000);
    let years = setting("PEPITE_BENCH_YEARS", 5);
    let (path, keys) = big_shop(count, years);
    let (_dir, copy) = copy_of(&path);
    let mut store = Store::open(&copy).expect("open");
    let now = today(years);
    let key = ops::journal::load_key(&mut store, &keys).expect("key");
    let karim = ops::auth::login_choices(&mut store)
        .expect("users")
        .into_iter()
        .find(|u| u.name.as_str() == "Karim")
        .expect("Karim");
    let session = ops::auth::login_at(
        &mut store,
        karim.id,
        "2222",
        now,
        Some(key.clone()),
        "caisse-1",
    )
    .expect("login");
    let terminal = TerminalCode::parse("caisse-1").expect("terminal");
    let ctx = till::context(&mut store, &session, &terminal, now, false).expect("context");
    let grid = till::sellables(&mut store).expect("sellables");
    let poche = grid
        .iter()
        .find(|s| s.name == "Livre de poche")
        .expect("the paperback entry");
    let mut n = 1_000_000i64;
    let mut group = c.benchmark_group("till");
    group.bench_function("validate_ten_lines_two_payments", |b| {
        b.iter_custom(|iterations| {
            let mut total = Duration::ZERO;
            for _ in 0..iterations {
                let mut cart = Cart::default();
                while cart.lines.len() < 2 {
                    n += 1;
                    // An item sold by an earlier iteration is skipped, as at a real till.
                    if let Ok(Scanned::Item(line)) = till::scan(&mut store, &code(n, count), now) {
                        cart.add(line).expect("add");
                    }
                }
                while cart.lines.len() < 10 {
                    cart.add(till::sellable_line(poche, None, 1, None).expect("line"))
                        .expect("add");
                }
                let due = cart.total().expect("total").cents();
                let payments = [
                    Payment {
                        method: PaymentKind::Card.default_label(),
                        kind: PaymentKind::Card,
                        amount: Money::from_cents(500),
                        voucher: None,
                    },
                    Payment {
                        method: PaymentKind::Cash.default_label(),
                        kind: PaymentKind::Cash,
                        amount: Money::from_cents(due - 500 + 100),
                        voucher: None,
                    },
                ];
                let started = Instant::now();
                till::sell(&mut store, &session, &key, &ctx, &cart, &payments, false)
                    .expect("sale");
                total += started.elapsed();
            }
            total
        })
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(50).measurement_time(Duration::from_secs(10));
    targets = scan_to_draw, validate
}
criterion_main!(benches);
