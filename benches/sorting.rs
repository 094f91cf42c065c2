//! Sorting bench speed, measured (never asserted in tests):
//!
//! * `labels/1000_pdf`, `labels/1000_tspl`: laying out 1 000 labels as A4 sheets (3 × 8)
//!   and as TSPL.
//! * `intake/validate_three_lines`: recording an intake of three weighed lines, durably,
//!   on a database holding `PEPITE_BENCH_YEARS` years (five) of intakes — 30 a day, six
//!   days a week — built once into `target/tmp`.
//!
//! Run: `cargo bench --bench sorting`.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, TimeDelta, Weekday};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use pepite::domain::{Destination, IntakeLine, Money, Weight};
use pepite::ops::sorting::{self, IntakeHeader};
use pepite::ops::{self, demo};
use pepite::print::label::{self, Label};
use pepite::print::{Profile, pdf};
use pepite::storage::sorting::{Header, List};
use pepite::storage::{Store, categories, structure};
use std::path::PathBuf;
use std::time::Duration;

fn start() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2021-01-05T08:00:00+01:00").expect("time")
}

fn tmp() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
}

fn thousand_labels() -> Vec<Label> {
    (0..1000u64)
        .map(|i| Label {
            code: pepite::domain::Ean13::in_store(pepite::domain::CodeKind::Item, i + 1)
                .expect("code")
                .to_string(),
            price: Money::from_cents(50 + (i as i64 * 37) % 5000),
            description: format!("Objet n° {i} en très bon état"),
            category: "Bibelots et déco".into(),
            entered: NaiveDate::from_ymd_opt(2026, 11, 2 + (i % 20) as u32).expect("date"),
        })
        .collect()
}

fn labels(c: &mut Criterion) {
    let labels = thousand_labels();
    let sheet = pdf::Sheet::named("3x8").expect("sheet");
    let profile = Profile::by_id("tsc-te200-50x30").expect("profile");
    let mut group = c.benchmark_group("labels");
    group.throughput(Throughput::Elements(labels.len() as u64));
    group.bench_function("1000_pdf", |b| {
        b.iter(|| pdf::sheets(&labels, &sheet, 0).expect("pdf"))
    });
    group.bench_function("1000_tspl", |b| {
        b.iter(|| label::tspl(&labels, &profile).expect("tspl"))
    });
    group.finish();
}

/// Builds (once) the demo with `years` of intakes.
fn big_bench(years: i64) -> (PathBuf, PathBuf) {
    let path = tmp().join(format!("bench-sorting-{years}.db"));
    let keys = tmp().join(format!("bench-sorting-{years}-keys"));
    if path.exists() && keys.exists() {
        return (path, keys);
    }
    let building = tmp().join(format!("bench-sorting-{years}.building.db"));
    let _ = std::fs::remove_file(&building);
    let _ = std::fs::remove_dir_all(&keys);
    let mut store = Store::open(&building).expect("open");
    demo::create(&mut store, start(), &keys).expect("demo");
    let site = store.read(structure::list_sites).expect("sites")[0].id;
    let all = store.read(categories::list).expect("categories");
    let sources = store
        .read(|tx| pepite::storage::sorting::list(tx, List::Sources))
        .expect("sources");
    let towns = store
        .read(|tx| pepite::storage::sorting::list(tx, List::Towns))
        .expect("towns");
    let max = Weight::from_grams(300_000).expect("max");
    for day in 0..years * 365 {
        let date = start() + TimeDelta::days(day);
        if date.weekday() == Weekday::Sun {
            continue;
        }
        store
            .write(|tx| {
                for n in 0..30i64 {
                    let lines: Vec<IntakeLine> = (0..3)
                        .map(|i| {
                            let c = &all[((n + i) as usize * 7) % all.len()];
                            IntakeLine::new(
                                (c.id, c.name.to_string()),
                                Weight::from_grams(2_000 + (n * 731 + i * 97) % 40_000).expect("w"),
                                None,
                                Destination::ALL[(n + i) as usize % 3],
                                max,
                            )
                            .expect("line")
                        })
                        .collect();
                    pepite::storage::sorting::insert_intake(
                        tx,
                        &Header {
                            site,
                            user: "Sophie",
                            at: date + TimeDelta::minutes(n * 10),
                            note: "",
                            replaces: None,
                            reason: "",
                        },
                        sources[n as usize % sources.len()].id,
                        Some(towns[n as usize % towns.len()].id),
                        &lines,
                    )?;
                }
                Ok::<_, pepite::storage::StorageError>(())
            })
            .expect("day");
    }
    drop(store);
    std::fs::rename(&building, &path).expect("rename");
    (path, keys)
}

fn intake(c: &mut Criterion) {
    let years = std::env::var("PEPITE_BENCH_YEARS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5);
    let (path, keys) = big_bench(years);
    let dir = tempfile::tempdir_in(tmp()).expect("dir");
    let copy = dir.path().join("bench.db");
    std::fs::copy(&path, &copy).expect("copy");
    let mut store = Store::open(&copy).expect("open");
    let now = start() + TimeDelta::days(years * 365 + 1);
    let key = ops::journal::load_key(&mut store, &keys).expect("key");
    let sophie = ops::auth::login_choices(&mut store)
        .expect("users")
        .into_iter()
        .find(|u| u.name.as_str() == "Sophie")
        .expect("Sophie");
    let session =
        ops::auth::login_at(&mut store, sophie.id, "3333", now, Some(key), "tri-1").expect("login");
    let site = store.read(structure::list_sites).expect("sites")[0].id;
    let all = store.read(categories::list).expect("categories");
    let sources = sorting::list(&mut store, List::Sources).expect("sources");
    let max = sorting::scale_max(&mut store, site).expect("max");
    let header = IntakeHeader {
        site,
        source: sources[0].id,
        town: None,
        note: String::new(),
    };
    let lines: Vec<IntakeLine> = (0..3)
        .map(|i| {
            IntakeLine::new(
                (all[i].id, all[i].name.to_string()),
                Weight::from_grams(12_500).expect("w"),
                None,
                Destination::Reuse,
                max,
            )
            .expect("line")
        })
        .collect();
    let mut group = c.benchmark_group("intake");
    group.bench_function(format!("validate_three_lines_{years}_years"), |b| {
        b.iter(|| {
            sorting::record_intake(&mut store, &session, &header, &lines, now).expect("intake")
        })
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(50).measurement_time(Duration::from_secs(8));
    targets = labels, intake
}
criterion_main!(benches);
