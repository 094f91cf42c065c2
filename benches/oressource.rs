//! Switching from Oressource, measured (never asserted in tests):
//!
//! * the import of a dump of ten years of a busy structure — about 1 000 000 sale lines
//!   (each with its weight), 330 000 sales, 300 000 weighed intake lines, 15 000
//!   outbound flows — into a fresh file database: wall time, and the process's peak
//!   memory (`VmHWM`) after it;
//! * the proof on the imported data (Oressource's bilans for the whole history and
//!   every year) and a year's takings by category with its imported section, median and
//!   99th percentile of 20 runs — Oressource took 3,5 s for a bilan of two years.
//!
//! The dump (plain SQL in mysqldump's syntax) is written once into `target/tmp` under a
//! name carrying [`BUILD`]. Run: `cargo bench --bench oressource`.

mod common;

use chrono::{Duration as Days, NaiveDate};
use pepite::domain::{Name, Pin};
use pepite::ops::setup::{self, SetupRequest};
use pepite::storage::Store;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The version of what the generated dump holds.
const BUILD: &str = "v1";
const YEARS: i64 = 10;
const SALES: i64 = 330_000;
const INTAKE_LINES: i64 = 300_000;
const OUTBOUNDS: i64 = 15_000;

fn tmp() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
}

/// A deterministic generator: variety, not randomness.
struct Dice(u64);

impl Dice {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % below.max(1)
    }
}

fn stamp(first: NaiveDate, days: i64, minute: u64) -> String {
    let day = first + Days::days(days);
    format!("{day} {:02}:{:02}:00", 9 + minute / 60 % 9, minute % 60)
}

/// Writes an INSERT every 500 rows, as mysqldump's extended inserts.
fn inserts(out: &mut impl Write, table: &str, rows: impl Iterator<Item = String>) {
    let mut batch = Vec::with_capacity(500);
    let flush = |batch: &mut Vec<String>, out: &mut dyn Write| {
        if !batch.is_empty() {
            writeln!(out, "INSERT INTO `{table}` VALUES {};", batch.join(",")).expect("write");
            batch.clear();
        }
    };
    for row in rows {
        batch.push(row);
        if batch.len() == 500 {
            flush(&mut batch, out);
        }
    }
    flush(&mut batch, out);
}

fn create(out: &mut impl Write, table: &str, columns: &[&str]) {
    writeln!(
        out,
        "DROP TABLE IF EXISTS `{table}`;\nCREATE TABLE `{table}` ("
    )
    .expect("w");
    for c in columns {
        writeln!(out, "  `{c}` text NOT NULL,").expect("w");
    }
    writeln!(
        out,
        "  PRIMARY KEY (`id`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;"
    )
    .expect("w");
}

fn dump() -> PathBuf {
    let path = tmp().join(format!("bench-oressource-{BUILD}.sql"));
    if path.exists() {
        return path;
    }
    let building = tmp().join(format!("bench-oressource-{BUILD}.building.sql"));
    let mut out = std::io::BufWriter::new(std::fs::File::create(&building).expect("dump"));
    let first = NaiveDate::from_ymd_opt(2016, 1, 1).expect("date");
    let span = YEARS * 365;
    let mut dice = Dice(0x4f52_4553);
    let categories = 12;
    create(
        &mut out,
        "collectes",
        &[
            "id",
            "timestamp",
            "id_type_collecte",
            "localisation",
            "id_point_collecte",
        ],
    );
    let intakes = INTAKE_LINES / 5;
    inserts(
        &mut out,
        "collectes",
        (1..=intakes).map(|i| {
            format!(
                "({i},'{}',1,1,1)",
                stamp(first, i * span / intakes, i as u64)
            )
        }),
    );
    create(&mut out, "description_structure", &["id", "nom"]);
    writeln!(
        out,
        "INSERT INTO `description_structure` VALUES (1,'Ressourcerie d\\'essai');"
    )
    .expect("w");
    create(&mut out, "localites", &["id", "nom"]);
    writeln!(out, "INSERT INTO `localites` VALUES (1,'Arcueil');").expect("w");
    create(&mut out, "moyens_paiement", &["id", "nom"]);
    writeln!(out, "INSERT INTO `moyens_paiement` VALUES (1,'Espèces'),(2,'Chèque'),(3,'Carte'),(4,'Monnaie locale');").expect("w");
    create(
        &mut out,
        "pesees_collectes",
        &["id", "timestamp", "masse", "id_collecte", "id_type_dechet"],
    );
    let mut d = Dice(7);
    inserts(
        &mut out,
        "pesees_collectes",
        (1..=INTAKE_LINES).map(|i| {
            let intake = (i - 1) / 5 + 1;
            let grams = 500 + d.next(60_000);
            format!(
                "({i},'{}',{}.{:03},{intake},{})",
                stamp(first, intake * span / intakes, intake as u64),
                grams / 1000,
                grams % 1000,
                1 + d.next(categories)
            )
        }),
    );
    create(
        &mut out,
        "pesees_sorties",
        &["id", "timestamp", "masse", "id_sortie"],
    );
    inserts(
        &mut out,
        "pesees_sorties",
        (1..=OUTBOUNDS).map(|i| {
            let grams = 10_000 + dice.next(500_000);
            format!(
                "({i},'{}',{}.{:03},{i})",
                stamp(first, i * span / OUTBOUNDS, 0),
                grams / 1000,
                grams % 1000
            )
        }),
    );
    let lines_per_sale = 3;
    let lines = SALES * lines_per_sale;
    create(&mut out, "pesees_vendus", &["id", "masse"]);
    let mut d = Dice(11);
    inserts(
        &mut out,
        "pesees_vendus",
        (1..=lines).map(|i| {
            let g = 100 + d.next(9_000);
            format!("({i},{}.{:03})", g / 1000, g % 1000)
        }),
    );
    create(&mut out, "points_vente", &["id", "nom"]);
    writeln!(out, "INSERT INTO `points_vente` VALUES (1,'Boutique');").expect("w");
    create(
        &mut out,
        "sorties",
        &["id", "timestamp", "classe", "id_point_sortie"],
    );
    let classes = ["sorties", "sortiesc", "sortiesr", "sortiesp", "sortiesd"];
    inserts(
        &mut out,
        "sorties",
        (1..=OUTBOUNDS).map(|i| {
            format!(
                "({i},'{}','{}',1)",
                stamp(first, i * span / OUTBOUNDS, 0),
                classes[(i % 5) as usize]
            )
        }),
    );
    create(&mut out, "type_collecte", &["id", "nom"]);
    writeln!(
        out,
        "INSERT INTO `type_collecte` VALUES (1,'Apport volontaire');"
    )
    .expect("w");
    create(&mut out, "type_dechets", &["id", "nom"]);
    inserts(
        &mut out,
        "type_dechets",
        (1..=categories).map(|i| format!("({i},'Catégorie n° {i}')")),
    );
    create(
        &mut out,
        "vendus",
        &[
            "id",
            "timestamp",
            "id_vente",
            "id_type_dechet",
            "quantite",
            "prix",
            "remboursement",
            "lot",
        ],
    );
    let mut d = Dice(13);
    inserts(
        &mut out,
        "vendus",
        (1..=lines).map(|i| {
            let sale = (i - 1) / lines_per_sale + 1;
            let refund = d.next(200) == 0;
            let (price, back) = if refund {
                (0, 1 + d.next(30))
            } else {
                (1 + d.next(40), 0)
            };
            format!(
                "({i},'{}',{sale},{},{},{price}.{:02},{back}.00,{})",
                stamp(first, sale * span / SALES, sale as u64),
                1 + d.next(categories),
                1 + d.next(3),
                d.next(100),
                u8::from(d.next(20) == 0)
            )
        }),
    );
    create(
        &mut out,
        "ventes",
        &["id", "id_moyen_paiement", "timestamp", "id_point_vente"],
    );
    inserts(
        &mut out,
        "ventes",
        (1..=SALES).map(|i| {
            format!(
                "({i},{},'{}',1)",
                1 + dice.next(4),
                stamp(first, i * span / SALES, i as u64)
            )
        }),
    );
    out.flush().expect("flush");
    drop(out);
    std::fs::rename(&building, &path).expect("rename");
    path
}

fn peak_memory_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn fresh(dir: &Path) -> (Store, pepite::ops::Session) {
    let path = dir.join("imported.db");
    let mut store = Store::open(&path).expect("open");
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-24T09:00:00+01:00").expect("now");
    let keys = dir.join("keys");
    setup::initialise(
        &mut store,
        &SetupRequest {
            structure: Name::parse("Ressourcerie").expect("name"),
            manager: Name::parse("Claire").expect("name"),
            pin: Pin::parse("1111").expect("pin"),
        },
        now,
        &keys,
    )
    .expect("set-up");
    let user = pepite::ops::auth::login_choices(&mut store).expect("users")[0].id;
    let key = pepite::ops::journal::load_key(&mut store, &keys).expect("key");
    let session =
        pepite::ops::auth::login_at(&mut store, user, "1111", now, Some(key), "").expect("login");
    (store, session)
}

fn main() {
    let path = dump();
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    let dir = tempfile::tempdir_in(tmp()).expect("dir");
    let (mut store, session) = fresh(dir.path());
    let before = peak_memory_kib();
    let at = Instant::now();
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-24T10:00:00+01:00").expect("now");
    let summary = pepite::ops::oressource::import(&mut store, &session, &path, false, now, &|_| {})
        .expect("import");
    let took = at.elapsed();
    eprintln!(
        "import of {} MB ({} sale lines, {} intake lines read): {:?}; peak memory {} MiB (before: {} MiB)",
        size / 1_000_000,
        summary.read.get("vendus").copied().unwrap_or(0),
        summary.read.get("pesees_collectes").copied().unwrap_or(0),
        took,
        peak_memory_kib().unwrap_or(0) / 1024,
        before.unwrap_or(0) / 1024,
    );
    common::timed("the proof, whole history and every year", 20, false, || {
        std::hint::black_box(pepite::ops::oressource::proof(&mut store, &session).expect("proof"));
    });
    let (from, to) = (
        NaiveDate::from_ymd_opt(2024, 1, 1).expect("date"),
        NaiveDate::from_ymd_opt(2025, 12, 31).expect("date"),
    );
    common::timed(
        "two years' takings by category (imported history)",
        20,
        false,
        || {
            std::hint::black_box(
                pepite::ops::reports::takings(
                    &mut store,
                    &session,
                    from,
                    to,
                    pepite::reports::By::Category,
                )
                .expect("takings"),
            );
        },
    );
}
