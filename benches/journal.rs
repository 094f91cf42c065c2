//! Journal speed, measured (never asserted in tests):
//!
//! * `append/*`: one ticket per transaction on a file database in WAL mode with
//!   `synchronous=FULL`, against a bare SQLite insert of the same payload under the same
//!   settings — the ratio is what the chain, the signature and the counters cost. Both are
//!   also timed in turn, pair by pair, and the ratio of the medians is printed.
//! * `verify/*`: recomputing a journal of `PEPITE_BENCH_DOCS` documents (one million by
//!   default; built once into `target/tmp` and reused).
//!
//! Run: `cargo bench --bench journal`.

use chrono::{DateTime, FixedOffset, TimeDelta};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use pepite::domain::{Money, Name, PaymentKind, Pin, SaleLine, Tender, TerminalCode, VatRate};
use pepite::journal::{self, CashCount, Context, InstallationKey, JournalError};
use pepite::ops::setup::{self, SetupRequest};
use pepite::storage::Store;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn start() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2020-01-02T09:00:00+01:00").expect("time")
}

fn tmp() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
}

fn set_up(path: &Path, keys: &Path) -> (Store, InstallationKey) {
    let mut store = Store::open(path).expect("open");
    let request = SetupRequest {
        structure: Name::parse("Ressourcerie du banc d'essai").expect("name"),
        manager: Name::parse("Claire").expect("name"),
        pin: Pin::parse("1111").expect("pin"),
    };
    setup::initialise(&mut store, &request, start(), keys).expect("set-up");
    let key = store
        .read(|tx| InstallationKey::load(tx, keys))
        .expect("key");
    (store, key)
}

fn ticket_lines() -> Vec<SaleLine> {
    [
        ("Chaise bistrot", 1500, VatRate::STANDARD),
        ("Roman de poche", 100, VatRate::REDUCED),
    ]
    .into_iter()
    .map(|(label, cents, rate)| SaleLine {
        label: label.into(),
        category: Some("Mobilier".into()),
        // A category line: a labelled item would need its row in `item`, which `verify`
        // checks against the tickets (and one item is sold once, not on every ticket).
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
    })
    .collect()
}

fn card(cents: i64) -> Tender {
    Tender {
        method: PaymentKind::Card.default_label(),
        kind: PaymentKind::Card,
        amount: Money::from_cents(cents),
    }
}

fn context(at: DateTime<FixedOffset>) -> Context {
    Context {
        terminal: TerminalCode::parse("caisse-1").expect("terminal"),
        point_of_sale: "Boutique".into(),
        operator: "Karim".into(),
        training: false,
        at,
    }
}

fn append(c: &mut Criterion) {
    let dir = tempfile::tempdir_in(tmp()).expect("dir");
    let (mut store, key) = set_up(&dir.path().join("append.db"), &dir.path().join("keys"));
    let lines = ticket_lines();
    let tenders = [card(1600)];
    let mut n = 0i64;
    let sample = store
        .write(|tx| journal::append_ticket(tx, &key, &context(start()), &lines, &tenders, None))
        .expect("first ticket");
    let payload = store
        .read(|tx| pepite::storage::journal::find_document(tx, &sample.series, sample.number))
        .expect("payload")
        .payload;

    let bare_path = dir.path().join("bare.db");
    let bare = rusqlite::Connection::open(&bare_path).expect("bare");
    bare.pragma_update(None, "journal_mode", "WAL")
        .expect("wal");
    bare.pragma_update(None, "synchronous", "FULL")
        .expect("full");
    bare.execute_batch("CREATE TABLE doc (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)")
        .expect("table");

    // Paired: one of each in turn, so a slow patch of the disk weighs on both alike, and
    // which goes first alternates, so neither always follows the other's fsync; the ratio
    // of the medians is printed besides criterion's two estimates.
    let mut ours = Vec::with_capacity(3000);
    let mut theirs = Vec::with_capacity(3000);
    for pair in 0..3000 {
        n += 1;
        let at = start() + TimeDelta::milliseconds(n);
        let mut pepite_append = || {
            let started = Instant::now();
            store
                .write(|tx| journal::append_ticket(tx, &key, &context(at), &lines, &tenders, None))
                .expect("append");
            started.elapsed()
        };
        let bare_insert = || {
            let started = Instant::now();
            bare.execute_batch("BEGIN IMMEDIATE").expect("begin");
            bare.execute("INSERT INTO doc (payload) VALUES (?1)", [&payload])
                .expect("insert");
            bare.execute_batch("COMMIT").expect("commit");
            started.elapsed()
        };
        if pair % 2 == 0 {
            ours.push(pepite_append());
            theirs.push(bare_insert());
        } else {
            theirs.push(bare_insert());
            ours.push(pepite_append());
        }
    }
    ours.sort();
    theirs.sort();
    let (a, b) = (ours[ours.len() / 2], theirs[theirs.len() / 2]);
    eprintln!(
        "append, paired medians over {} pairs: pépite {a:?}, bare insert {b:?}, ratio {:.2}",
        ours.len(),
        a.as_secs_f64() / b.as_secs_f64()
    );

    let mut group = c.benchmark_group("append");
    group.throughput(Throughput::Elements(1));
    group.bench_function("pepite_ticket_synchronous_full", |b| {
        b.iter(|| {
            n += 1;
            let at = start() + TimeDelta::milliseconds(n);
            store
                .write(|tx| journal::append_ticket(tx, &key, &context(at), &lines, &tenders, None))
                .expect("append")
        })
    });
    group.bench_function("bare_sqlite_insert_synchronous_full", |b| {
        b.iter(|| {
            bare.execute_batch("BEGIN IMMEDIATE").expect("begin");
            bare.execute("INSERT INTO doc (payload) VALUES (?1)", [&payload])
                .expect("insert");
            bare.execute_batch("COMMIT").expect("commit");
        })
    });
    group.finish();
}

/// Builds (once) a journal of `count` documents: 1 000 tickets a day, each day closed.
fn big_journal(count: i64) -> (PathBuf, PathBuf) {
    let path = tmp().join(format!("bench-journal-{count}.db"));
    let keys = tmp().join(format!("bench-journal-{count}-keys"));
    if path.exists() && keys.exists() {
        return (path, keys);
    }
    let _ = std::fs::remove_file(&path);
    let _ = std::fs::remove_dir_all(&keys);
    let (mut store, key) = set_up(&path, &keys);
    let lines = ticket_lines();
    let tenders = [card(1600)];
    let per_day = 1000;
    let mut written = 0;
    let mut day = 0;
    while written < count {
        let date = start() + TimeDelta::days(day);
        store
            .write(|tx| {
                let mut today = 0;
                while today < per_day && written < count - 1 {
                    journal::append_ticket(
                        tx,
                        &key,
                        &context(date + TimeDelta::seconds(today)),
                        &lines,
                        &tenders,
                        None,
                    )?;
                    today += 1;
                    written += 1;
                }
                let count = CashCount {
                    card_declared: Money::from_cents(1600 * today),
                    ..CashCount::default()
                };
                let ctx = context(date + TimeDelta::hours(10));
                journal::close_day(tx, &key, &ctx, &count)?;
                written += 1;
                Ok::<_, JournalError>(())
            })
            .expect("build");
        day += 1;
    }
    (path, keys)
}

fn verify(c: &mut Criterion) {
    let count: i64 = std::env::var("PEPITE_BENCH_DOCS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let (path, keys) = big_journal(count);
    let mut store = Store::open(&path).expect("open");
    let documents = store
        .read(|tx| journal::verify::verify(tx, None, None, Some(&keys)))
        .expect("verify")
        .documents;
    let mut group = c.benchmark_group("verify");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(30));
    group.throughput(Throughput::Elements(documents as u64));
    group.bench_function(format!("{documents}_documents"), |b| {
        b.iter(|| {
            let report = store
                .read(|tx| journal::verify::verify(tx, None, None, Some(&keys)))
                .expect("verify");
            assert!(report.is_intact(), "{report}");
            report
        })
    });
    group.finish();
}

criterion_group!(benches, append, verify);
criterion_main!(benches);
