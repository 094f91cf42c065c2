//! Report speed on a big structure, measured (never asserted in tests): the demo built
//! with `PEPITE_BENCH_YEARS` years (ten) and seven sites through the same functions as
//! real use — tickets with their lines and sold weights, Zs, month and year closings,
//! intakes and outbound flows at every site's bench. Built once into `target/tmp` under a
//! name carrying [`BUILD`] (change what it holds, change the stamp).
//!
//! * `reports/day_z`: a day's takings per VAT rate with the proofs apart (what a Z shows).
//! * `reports/month_tonnage`: a month's tonnage report (intake by category, source and
//!   town, where it went, stock by age).
//! * `reports/year_by_category` and `reports/year_by_site`: a year's takings.
//! * `reports/year_by_category_payloads`: the same year by category read from the
//!   tickets' JSON payloads — the path before `sale_line`, side by side.
//!
//! Median and 99th percentile of 50 runs each are printed besides criterion's estimates.
//! Run: `cargo bench --bench reports`.

mod common;

use chrono::{DateTime, FixedOffset, NaiveDate};
use criterion::{Criterion, criterion_group, criterion_main};
use pepite::ops::demo::{self, Size};
use pepite::reports::By;
use pepite::storage::{Store, reports};
use std::path::PathBuf;
use std::time::Instant;

/// The version of what the cached bench database holds.
const BUILD: &str = "v2";

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-24T19:00:00+01:00").expect("time")
}

fn years() -> i64 {
    std::env::var("PEPITE_BENCH_YEARS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10)
}

fn big_structure(years: i64) -> PathBuf {
    let tmp = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let path = tmp.join(format!("bench-reports-{BUILD}-{years}y7s.db"));
    if path.exists() {
        return path;
    }
    let building = tmp.join(format!("bench-reports-{BUILD}-{years}y7s.building.db"));
    let keys = tmp.join(format!("bench-reports-{BUILD}-{years}-keys"));
    let _ = std::fs::remove_file(&building);
    let _ = std::fs::remove_dir_all(&keys);
    let mut store = Store::open(&building).expect("open");
    let started = Instant::now();
    demo::create_scaled(
        &mut store,
        now(),
        &keys,
        &Size { years, sites: 7 },
        &|done, all| {
            if done % 365 == 0 {
                eprintln!("building the bench database: day {done} of {all}");
            }
        },
    )
    .expect("demo");
    drop(store);
    eprintln!("built in {:?}", started.elapsed());
    std::fs::rename(&building, &path).expect("rename");
    path
}

/// `what`, with the size of the structure measured.
fn label(what: &str) -> String {
    format!("{what} ({} years, 7 sites)", years())
}

fn date(text: &str) -> NaiveDate {
    text.parse().expect("date")
}

fn reports_bench(c: &mut Criterion) {
    let path = big_structure(years());
    let mut store = Store::open(&path).expect("open");
    let day = date("2026-11-20");
    let (month_from, month_to) = (date("2026-10-01"), date("2026-10-31"));
    let (year_from, year_to) = (date("2025-01-01"), date("2025-12-31"));

    let mut day_z = || {
        let data = pepite::ops::reports::takings_data(&mut store, day, day, By::Vat).expect("day");
        std::hint::black_box(data);
    };
    common::timed(&label("a day's Z-style report"), 50, true, &mut day_z);
    let mut group = c.benchmark_group("reports");
    group.sample_size(20);
    group.bench_function("day_z", |b| b.iter(&mut day_z));
    drop(group);

    let mut store = Store::open(&path).expect("open");
    let mut month = || {
        let data =
            pepite::ops::reports::tonnage_data(&mut store, month_from, month_to).expect("month");
        std::hint::black_box(data.intakes.by_category.len());
    };
    common::timed(&label("a month's tonnage"), 50, true, &mut month);
    let mut group = c.benchmark_group("reports");
    group.sample_size(20);
    group.bench_function("month_tonnage", |b| b.iter(&mut month));
    drop(group);

    for (name, by) in [
        ("year_by_category", By::Category),
        ("year_by_site", By::Site),
    ] {
        let mut store = Store::open(&path).expect("open");
        let mut year = || {
            let data = pepite::ops::reports::takings_data(&mut store, year_from, year_to, by)
                .expect("year");
            std::hint::black_box(data);
        };
        common::timed(
            &label(&format!("a year's takings {name}")),
            50,
            true,
            &mut year,
        );
        let mut group = c.benchmark_group("reports");
        group.sample_size(10);
        group.bench_function(name, |b| b.iter(&mut year));
    }

    let mut store = Store::open(&path).expect("open");
    let (from, to) = ("2025-01-01", "2025-12-31");
    let mut raw = || {
        let rows = store
            .read(|tx| reports::takings_by_category_from_payloads(tx, from, to))
            .expect("raw");
        std::hint::black_box(rows);
    };
    common::timed(
        &label("the same year by category from the payloads"),
        50,
        true,
        &mut raw,
    );
    let mut group = c.benchmark_group("reports");
    group.sample_size(10);
    group.bench_function("year_by_category_payloads", |b| b.iter(&mut raw));
}

criterion_group!(benches, reports_bench);
criterion_main!(benches);
