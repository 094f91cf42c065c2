//! The central PostgreSQL, measured (never asserted in tests), on a cluster kept in
//! `target/tmp` between runs (Debian's `postgresql`; the bench says what to install and
//! stops without it):
//!
//! * `central/catch_up`: a site that never synced sends everything to an empty central —
//!   the demo with four years of seven sites in one installation (about 110 000
//!   documents, their sale lines, JET events, intakes, outbound flows and items), batches
//!   of 1 000, each checked and committed. Documents per second, three runs.
//! * `central/year_by_site`, `central/year_by_category`, `central/year_tonnage`: a year's
//!   consolidated reports from the central holding ten years of seven sites (the reports
//!   bench's database, synced once and kept), through the same report definitions as a
//!   site's. Median and 99th percentile of 50 runs, after one untimed.
//!
//! Run: `cargo bench --bench central`.

mod common;

// The tests' cluster helper; the bench uses a kept cluster only.
#[allow(dead_code)]
#[path = "../tests/common/pg.rs"]
mod pg;

use chrono::{DateTime, FixedOffset, NaiveDate};
use criterion::{Criterion, criterion_group, criterion_main};
use pepite::ops::demo::{self, Size};
use pepite::reports::By;
use pepite::storage::Store;
use pepite::storage::central::Central;
use pepite::storage::central::reports::CentralFacts;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The version of what the cached databases hold.
const BUILD: &str = "v1";

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-24T19:00:00+01:00").expect("time")
}

fn tmp() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
}

/// A demo of `years` years and seven sites, built once into `target/tmp` as `name`.
fn demo_file(name: &str, years: i64) -> PathBuf {
    let path = tmp().join(name);
    if path.exists() {
        return path;
    }
    let building = tmp().join(format!("{name}.building"));
    let keys = tmp().join(format!("{name}-keys"));
    let _ = std::fs::remove_file(&building);
    let mut store = Store::open(&building).expect("open");
    demo::create_scaled(
        &mut store,
        now(),
        &keys,
        &Size { years, sites: 7 },
        &|done, all| {
            if done % 365 == 0 {
                eprintln!("building {name}: day {done} of {all}");
            }
        },
    )
    .expect("demo");
    drop(store);
    std::fs::rename(&building, &path).expect("rename");
    path
}

fn sync(db: &Path, url: &str) -> (pepite::ops::central::sync::Summary, Duration) {
    let mut store = Store::open(db).expect("open");
    let mut central = pepite::ops::central::connect(url).expect("connect");
    let at = Instant::now();
    let mut ends = Vec::new();
    let summary =
        pepite::ops::central::sync::run(&mut store, &mut central, 1000, now(), &mut |_, _| {
            ends.push(at.elapsed())
        })
        .expect("sync");
    let took = at.elapsed();
    // The batches come in order: documents, events, intakes, outbound flows, items.
    let batches = |records: i64| usize::try_from((records + 999) / 1000).unwrap_or(0);
    let mut start = Duration::ZERO;
    let mut index = 0;
    for (what, records) in [
        ("documents", summary.documents),
        ("events", summary.events),
        ("intakes", summary.intakes),
        ("outbound", summary.outbounds),
        ("items", summary.items),
    ] {
        index += batches(records);
        let end = ends.get(index.saturating_sub(1)).copied().unwrap_or(start);
        eprintln!("  {what}: {records} in {:?}", end.saturating_sub(start));
        start = end;
    }
    (summary, took)
}

fn date(text: &str) -> NaiveDate {
    text.parse().expect("date")
}

fn central_bench(c: &mut Criterion) {
    let Some(cluster) = pg::Cluster::kept(
        "central bench",
        tmp().join(format!("bench-central-{BUILD}-pg")),
    ) else {
        return;
    };
    let mut admin = cluster.client("postgres");

    // Catching up: an empty central each run.
    let offline = demo_file(&format!("bench-central-{BUILD}-4y7s.db"), 4);
    let mut rates = Vec::new();
    for run in 0..3 {
        for statement in ["DROP DATABASE IF EXISTS catchup", "CREATE DATABASE catchup"] {
            admin.batch_execute(statement).expect("database");
        }
        let url = cluster.url_as("postgres", "catchup");
        pepite::ops::central::init(&url).expect("init");
        let (summary, took) = sync(&offline, &url);
        let rate = summary.documents as f64 / took.as_secs_f64();
        eprintln!(
            "catch-up run {run}: {} documents, {} events, {} intakes, {} outbound, {} items in {took:?}: {rate:.0} documents/s",
            summary.documents, summary.events, summary.intakes, summary.outbounds, summary.items
        );
        rates.push(rate);
    }
    rates.sort_by(f64::total_cmp);
    eprintln!("catch-up: median {:.0} documents/s", rates[rates.len() / 2]);

    // The consolidated year: ten years of seven sites, synced once and kept.
    let big = demo_file("bench-reports-v2-10y7s.db", 10);
    let url = cluster.url_as("postgres", "pepite");
    let filled = tmp().join(format!("bench-central-{BUILD}-filled"));
    if !filled.exists() {
        pepite::ops::central::init(&url).expect("init");
        let (summary, took) = sync(&big, &url);
        eprintln!(
            "ten years of seven sites sent in {took:?}: {} documents ({:.0}/s)",
            summary.documents,
            summary.documents as f64 / took.as_secs_f64()
        );
        // What the server's autovacuum does after a bulk load, at once.
        cluster
            .client("pepite")
            .batch_execute("ANALYZE")
            .expect("analyze");
        std::fs::write(&filled, b"").expect("mark");
    }
    let mut central = Central::connect(&url).expect("connect");
    let (from, to) = (date("2025-01-01"), date("2025-12-31"));
    let mut report = |by: By| {
        let mut ctx = central.transaction().expect("tx");
        let data = pepite::ops::reports::takings_facts(
            &mut CentralFacts {
                ctx: &mut ctx,
                installation: None,
            },
            from,
            to,
            by,
        )
        .expect("report");
        std::hint::black_box(data);
    };
    common::timed(
        "consolidated year by site (10 years, 7 sites)",
        50,
        true,
        || report(By::Site),
    );
    common::timed(
        "consolidated year by category (10 years, 7 sites)",
        50,
        true,
        || report(By::Category),
    );
    let mut group = c.benchmark_group("central");
    group.sample_size(10);
    group.bench_function("year_by_site", |b| b.iter(|| report(By::Site)));
    drop(group);
    let mut tonnage = || {
        let mut ctx = central.transaction().expect("tx");
        let data = pepite::ops::reports::tonnage_facts(
            &mut CentralFacts {
                ctx: &mut ctx,
                installation: None,
            },
            from,
            to,
        )
        .expect("tonnage");
        std::hint::black_box(data.intakes.by_category.len());
    };
    common::timed(
        "consolidated year's tonnage (10 years, 7 sites)",
        50,
        true,
        &mut tonnage,
    );
}

criterion_group!(benches, central_bench);
criterion_main!(benches);
