//! Finding a member among 100 000, measured (never asserted in tests):
//!
//! * `members/name_prefix`: `ops::members::find` by the first letters of a name (folded,
//!   through the `member_search` index), at most 50 found.
//! * `members/card_scan`: `ops::members::scan_card` of a card's EAN-13 (the member's
//!   number, the primary key) with where they stand.
//!
//! The register (100 000 members, a fee for most, on a file database in WAL mode) is
//! built once into `target/tmp` under a name carrying [`BUILD`]. The median and the 99th
//! percentile of 2 000 searches of each kind are printed beside criterion's estimates.
//! Run: `cargo bench --bench members`.

use criterion::{Criterion, criterion_group, criterion_main};
use pepite::domain::Money;
use pepite::domain::member::card_code;
use pepite::ops::members;
use pepite::storage::Store;
use pepite::storage::members::{Fee, Member};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// The version of what the cached bench database holds.
const BUILD: &str = "v2";
const MEMBERS: i64 = 100_000;

const NAMES: [&str; 20] = [
    "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau",
    "Laurent", "Simon", "Michel", "Lefèvre", "Leroy", "Roux", "David", "Bertrand", "Morel",
    "Fournier", "Girard",
];
const TOWNS: [&str; 6] = [
    "Arcueil",
    "Cachan",
    "Gentilly",
    "Villejuif",
    "Bagneux",
    "Ivry",
];

fn database() -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("bench-members-{BUILD}.db"));
    if path.exists() {
        return path;
    }
    let mut store = Store::open(&path).expect("open");
    store
        .write(|tx| {
            for n in 0..MEMBERS {
                let name = NAMES[(n % 20) as usize];
                let number = pepite::storage::members::insert(
                    tx,
                    &Member {
                        kind: "individuel".into(),
                        last_name: format!("{name}{}", n / 20),
                        first_name: "Camille".into(),
                        town: TOWNS[(n % 6) as usize].into(),
                        email: Some(format!("m{n}@example.org")),
                        joined_on: "2020-01-01".into(),
                        ..Member::default()
                    },
                    None,
                    "2020-01-01T00:00:00+01:00",
                )?;
                if n % 4 != 0 {
                    pepite::storage::members::add_fee(
                        tx,
                        &Fee {
                            member: number,
                            offer: "Individuelle".into(),
                            amount: Money::from_cents(1000),
                            paid_on: "2026-01-10".into(),
                            valid_from: "2026-01-10".into(),
                            valid_until: "2026-12-31".into(),
                            document_id: None,
                        },
                    )?;
                }
            }
            Ok::<_, pepite::storage::StorageError>(())
        })
        .expect("register");
    path
}

fn percentiles(mut samples: Vec<Duration>) -> (Duration, Duration) {
    samples.sort();
    let at = |q: f64| samples[((samples.len() - 1) as f64 * q) as usize];
    (at(0.5), at(0.99))
}

fn bench(c: &mut Criterion) {
    let mut store = Store::open(&database()).expect("open");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 6, 1).expect("day");
    let prefixes: Vec<String> = (0..2000)
        .map(|i| format!("{}{}", NAMES[i % 20].to_lowercase(), (i * 37) % 5000))
        .collect();
    let codes: Vec<String> = (0..2000)
        .map(|i| {
            card_code(1 + (i * 4999) % MEMBERS)
                .expect("code")
                .to_string()
        })
        .collect();
    let timed = |label: &str, f: &mut dyn FnMut(usize)| {
        let samples: Vec<Duration> = (0..2000)
            .map(|i| {
                let t = Instant::now();
                f(i);
                t.elapsed()
            })
            .collect();
        let (median, p99) = percentiles(samples);
        println!("{label}: median {median:?}, p99 {p99:?} (2 000 runs, {MEMBERS} members)");
    };
    timed("members/name_prefix", &mut |i| {
        let found = members::find(&mut store, &prefixes[i]).expect("find");
        assert!(!found.is_empty());
    });
    timed("members/card_scan", &mut |i| {
        members::scan_card(&mut store, &codes[i], today).expect("scan");
    });
    let mut group = c.benchmark_group("members");
    group.bench_function("name_prefix", |b| {
        b.iter(|| members::find(&mut store, "martin12").expect("find"))
    });
    group.bench_function("card_scan", |b| {
        b.iter(|| members::scan_card(&mut store, &codes[7], today).expect("scan"))
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(50).measurement_time(Duration::from_secs(3));
    targets = bench
}
criterion_main!(benches);
