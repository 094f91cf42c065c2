//! Several sites and one central PostgreSQL, on a throwaway cluster: three installations
//! (two shops and an event till) sell, sync, and the consolidated takings and tonnage
//! equal the sum of the sites' own reports to the cent and the gram; then the faults: the
//! central stopped during sales, a sync killed half-way, a batch sent twice, a document
//! altered after it was sent, an amount edited in PostgreSQL, a site's role reaching for
//! another's rows.

mod common;

use common::pg::Cluster;
use common::{key_dir, on};
use pepite::domain::{Cart, Money, PaymentKind, TerminalCode};
use pepite::ops::central::sync::{self, Site};
use pepite::ops::till::{self, Payment};
use pepite::ops::{self, Session};
use pepite::reports::By;
use pepite::reports::takings::Rows;
use pepite::storage::central::Central;
use pepite::storage::central::reports::CentralFacts;
use pepite::storage::{Store, Timestamp};
use ratatui::crossterm::event::KeyCode;
use std::collections::BTreeMap;
use std::path::PathBuf;

const DAY: &str = "2026-11-24";

fn at(time: &str) -> Timestamp {
    on(DAY, time)
}

fn date(text: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
}

/// An installation: the demo shop (four weeks of history) in its own file, with its key.
fn installation(dir: &std::path::Path, name: &str) -> (PathBuf, Store) {
    let path = dir.join(format!("{name}.db"));
    let mut store = Store::open(&path).expect("open");
    ops::demo::create(&mut store, at("08:00:00"), &key_dir()).expect("demo");
    (path, store)
}

fn login(store: &mut Store, name: &str, pin: &str, now: Timestamp) -> Session {
    common::login_as(store, name, pin, now)
}

/// Sells `prices` (cents) of crockery on `terminal`, one ticket each, paid in cash.
fn sell(store: &mut Store, terminal: &str, prices: &[i64], time: &str) {
    let karim = login(store, "Karim", "2222", at(time));
    let key = ops::journal::load_key(store, &key_dir()).expect("key");
    let code = TerminalCode::parse(terminal).expect("terminal");
    let ctx = till::context(store, &karim, &code, at(time), false).expect("context");
    if till::needs_opening(store, &ctx).expect("opening") {
        till::open_day(store, &karim, &key, &ctx, &[(Money::from_cents(5000), 2)]).expect("float");
    }
    let sellables = till::sellables(store).expect("sellables");
    let crockery = sellables
        .iter()
        .find(|s| s.shortcut.as_deref() == Some("s"))
        .expect("crockery");
    for &cents in prices {
        let mut cart = Cart::default();
        cart.add(
            till::sellable_line(crockery, Some(Money::from_cents(cents)), 1, None).expect("line"),
        )
        .expect("add");
        let cash = Payment {
            method: PaymentKind::Cash.default_label(),
            kind: PaymentKind::Cash,
            amount: Money::from_cents(cents),
            voucher: None,
        };
        till::sell(store, &karim, &key, &ctx, &cart, &[cash], false).expect("sale");
    }
}

fn sync_all(store: &mut Store, url: &str) -> sync::Summary {
    let mut central = ops::central::connect(url).expect("connect");
    sync::run(store, &mut central, 200, at("20:00:00"), &mut |_, _| {}).expect("sync")
}

fn installation_id(store: &mut Store) -> String {
    Site::of(store).expect("site").registration.installation
}

/// A takings grouping as a map: key → (TTC, HT, VAT, sales, refunds, refunded, discounts).
type TakingsMap = BTreeMap<String, [i64; 7]>;

fn takings_map(rows: &Rows) -> TakingsMap {
    let mut map = TakingsMap::new();
    let mut add = |key: String, values: [i64; 7]| {
        let entry = map.entry(key).or_default();
        for (sum, value) in entry.iter_mut().zip(values) {
            *sum += value;
        }
    };
    match rows {
        Rows::Grouped(rows) => {
            for r in rows {
                add(
                    r.key.clone(),
                    [
                        r.ttc.cents(),
                        r.ht.cents(),
                        r.vat.cents(),
                        r.sales,
                        r.refunds,
                        r.refunds_total.cents(),
                        r.discounts.cents(),
                    ],
                );
            }
        }
        Rows::Rates(rows) => {
            for (rate, ttc, ht, vat) in rows {
                add(
                    rate.to_string(),
                    [ttc.cents(), ht.cents(), vat.cents(), 0, 0, 0, 0],
                );
            }
        }
        Rows::Payments(rows) => {
            for (method, kind, amount) in rows {
                add(
                    format!("{method}/{kind}"),
                    [amount.cents(), 0, 0, 0, 0, 0, 0],
                );
            }
        }
        Rows::Categories(rows) => {
            for (name, product, ttc, quantity, grams) in rows {
                add(
                    format!("{name}/{product}"),
                    [ttc.cents(), *quantity, *grams, 0, 0, 0, 0],
                );
            }
        }
    }
    map
}

fn merge(into: &mut TakingsMap, from: TakingsMap) {
    for (key, values) in from {
        let entry = into.entry(key).or_default();
        for (sum, value) in entry.iter_mut().zip(values) {
            *sum += value;
        }
    }
}

/// Every figure of a tonnage report as `section/key → grams`.
fn tonnage_map(data: &pepite::reports::tonnage::TonnageData) -> BTreeMap<String, i64> {
    let mut map = BTreeMap::new();
    let mut add = |key: String, grams: i64| *map.entry(key).or_default() += grams;
    for (section, rows) in [
        ("category", &data.intakes.by_category),
        ("source", &data.intakes.by_source),
        ("town", &data.intakes.by_town),
        ("destination", &data.intakes.by_destination),
        ("outbound", &data.outbound),
    ] {
        for (key, grams) in rows {
            add(format!("{section}/{key}"), *grams);
        }
    }
    for (kind, recipient, grams) in &data.recipients {
        add(format!("recipient/{kind}/{recipient}"), *grams);
    }
    add("sold/measured".into(), data.sold.0);
    add("sold/estimated".into(), data.sold.1);
    for (age, items, grams) in &data.stock {
        add(format!("stock/{age}/items"), *items);
        add(format!("stock/{age}/grams"), *grams);
    }
    map
}

fn merge_grams(into: &mut BTreeMap<String, i64>, from: BTreeMap<String, i64>) {
    for (key, grams) in from {
        *into.entry(key).or_default() += grams;
    }
}

const GROUPINGS: [By; 8] = [
    By::Day,
    By::Month,
    By::Site,
    By::Point,
    By::Vat,
    By::Payment,
    By::Category,
    By::Week,
];

#[test]
fn three_installations_consolidate_to_the_cent_and_the_gram() {
    let Some(cluster) = Cluster::start("three_installations_consolidate") else {
        return;
    };
    let url = cluster.url();
    ops::central::init(&url).expect("init");
    let dir = tempfile::tempdir().expect("dir");
    let (north_path, mut north) = installation(dir.path(), "nord");
    let (_, mut south) = installation(dir.path(), "sud");
    let (_, mut braderie) = installation(dir.path(), "braderie");
    sell(&mut north, "caisse-1", &[1250, 390, 4000], "10:00:00");
    sell(&mut south, "caisse-2", &[700, 1999], "11:00:00");
    sell(&mut braderie, "braderie", &[100, 250, 50, 1000], "14:00:00");
    let mut sites = [north, south, braderie];
    for store in &mut sites {
        let summary = sync_all(store, &url);
        assert!(summary.documents > 0 && summary.events > 0, "{summary:?}");
        assert_eq!(ops::central::status(store).expect("status").pending, 0);
    }

    let (from, to) = (date("2026-01-01"), date(DAY));
    let mut central = Central::connect(&url).expect("connect");
    for by in GROUPINGS {
        let mut summed = TakingsMap::new();
        for store in &mut sites {
            let own = ops::reports::takings_data(store, from, to, by).expect("own");
            // One installation's figures at the central are its own report's, row for row.
            let id = installation_id(store);
            let mut ctx = central.transaction().expect("tx");
            let there = ops::reports::takings_facts(
                &mut CentralFacts {
                    ctx: &mut ctx,
                    installation: Some(id),
                },
                from,
                to,
                by,
            )
            .expect("central");
            assert_eq!(takings_map(&there.rows), takings_map(&own.rows), "{by:?}");
            assert_eq!(there.proofs, own.proofs, "{by:?}");
            merge(&mut summed, takings_map(&own.rows));
        }
        let mut ctx = central.transaction().expect("tx");
        let all = ops::reports::takings_facts(
            &mut CentralFacts {
                ctx: &mut ctx,
                installation: None,
            },
            from,
            to,
            by,
        )
        .expect("consolidated");
        assert_eq!(takings_map(&all.rows), summed, "{by:?}");
    }
    let mut summed = BTreeMap::new();
    for store in &mut sites {
        merge_grams(
            &mut summed,
            tonnage_map(&ops::reports::tonnage_data(store, from, to).expect("own")),
        );
    }
    let mut ctx = central.transaction().expect("tx");
    let all = ops::reports::tonnage_facts(
        &mut CentralFacts {
            ctx: &mut ctx,
            installation: None,
        },
        from,
        to,
    )
    .expect("tonnage");
    assert_eq!(tonnage_map(&all), summed);
    assert!(summed["category/Vêtements"] > 0, "{summed:?}");
    drop(ctx);

    // The consolidated report, built by the same definition: its total is the sum.
    let claire = login(&mut sites[0], "Claire", "1111", at("21:00:00"));
    let report =
        ops::central::takings(&mut central, &claire, None, from, to, By::Site).expect("report");
    let total: i64 = sites
        .iter_mut()
        .map(|store| {
            let data = ops::reports::takings_data(store, from, to, By::Day).expect("own");
            takings_map(&data.rows).values().map(|v| v[0]).sum::<i64>()
        })
        .sum();
    let text = pepite::reports::export::table(&report);
    assert!(
        text.contains(&Money::from_cents(total).to_string()),
        "{total}\n{text}"
    );

    // The Bilans screen of a site, F6: every installation's figures, the same total.
    let mut app = pepite::tui::App::new(
        Store::open(&north_path).expect("open"),
        None,
        at("21:00:00"),
        key_dir(),
    )
    .expect("app")
    .with_central(
        url.clone(),
        ops::central::worker::Worker::showing(ops::central::worker::Shown::default()),
    );
    common::type_text(&mut app, "c");
    common::press(&mut app, KeyCode::Enter);
    common::type_text(&mut app, "1111");
    common::press(&mut app, KeyCode::Enter);
    for _ in 0..30 {
        common::press(&mut app, KeyCode::Down);
    }
    common::press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen_title(), "Bilans");
    common::press(&mut app, KeyCode::F(3));
    for _ in 0..3 {
        common::press(&mut app, KeyCode::Tab);
    }
    let own = common::screen_text(&app);
    common::press(&mut app, KeyCode::F(6));
    let whole = common::screen_text(&app);
    assert!(whole.contains("Toutes les installations"), "{whole}");
    assert!(!own.contains("Toutes les installations"), "{own}");
    let digits = |text: &str| -> String { text.chars().filter(|c| !c.is_whitespace()).collect() };
    assert!(
        digits(&whole).contains(&digits(&Money::from_cents(total).to_string())),
        "{total}\n{whole}"
    );

    // Every chain checks out in PostgreSQL.
    let verdicts = ops::central::verify(&url).expect("verify");
    assert_eq!(verdicts.len(), 3);
    assert!(verdicts.iter().all(|v| v.failure.is_none()), "{verdicts:?}");
}

/// An installation, synced, on a fresh cluster.
fn synced_site(cluster: &Cluster, dir: &std::path::Path) -> (PathBuf, Store) {
    ops::central::init(&cluster.url()).expect("init");
    let (path, mut store) = installation(dir, "site");
    sync_all(&mut store, &cluster.url());
    (path, store)
}

fn central_count(cluster: &Cluster, table: &str) -> i64 {
    cluster
        .client("pepite")
        .query_one(&format!("SELECT count(*) FROM pepite.{table}"), &[])
        .expect("count")
        .get(0)
}

fn local_count(store: &mut Store, table: &str) -> i64 {
    store
        .read(|tx| pepite::storage::sync::last_id(tx, table))
        .expect("count")
}

#[test]
fn the_central_stopped_during_sales_the_site_sells_on_and_catches_up() {
    let Some(cluster) = Cluster::start("central_stopped") else {
        return;
    };
    let dir = tempfile::tempdir().expect("dir");
    let (path, mut store) = synced_site(&cluster, dir.path());
    let before = central_count(&cluster, "document");

    cluster.halt();
    let worker = ops::central::worker::Worker::start(
        path.clone(),
        cluster.url(),
        std::time::Duration::from_millis(100),
    );
    sell(&mut store, "caisse-1", &[500, 600, 700], "15:00:00");
    let waiting = ops::central::status(&mut store).expect("status");
    // Three tickets, the float's proof, and their JET events wait.
    assert!(waiting.pending >= 4, "{waiting:?}");
    let failed = {
        let mut central = ops::central::connect(&cluster.url());
        match &mut central {
            Ok(c) => sync::run(&mut store, c, 100, at("15:30:00"), &mut |_, _| {}).map(|_| ()),
            Err(_) => Err(central.err().expect("error")),
        }
    };
    assert!(failed.is_err(), "the central is stopped");
    let shown = wait_for(&worker, |s| {
        !s.online && s.status.pending == waiting.pending
    });
    assert!(shown.problem.is_some(), "{shown:?}");

    cluster.resume();
    let shown = wait_for(&worker, |s| s.online && s.status.pending == 0);
    assert!(shown.status.last_sync.is_some(), "{shown:?}");
    drop(worker);
    assert_eq!(
        central_count(&cluster, "document"),
        local_count(&mut store, "documents")
    );
    assert!(central_count(&cluster, "document") >= before + 4);
}

fn wait_for(
    worker: &ops::central::worker::Worker,
    ready: impl Fn(&ops::central::worker::Shown) -> bool,
) -> ops::central::worker::Shown {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        let shown = worker.shown();
        if ready(&shown) {
            return shown;
        }
        assert!(std::time::Instant::now() < deadline, "{shown:?}");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

#[test]
fn a_central_without_its_schema_answers_and_the_worker_says_what_to_run() {
    let Some(cluster) = Cluster::start("central_without_schema") else {
        return;
    };
    let dir = tempfile::tempdir().expect("dir");
    let (path, _store) = installation(dir.path(), "site");
    // The database exists, `pepite central init` was never run on it.
    let worker = ops::central::worker::Worker::start(
        path,
        cluster.url(),
        std::time::Duration::from_millis(100),
    );
    let shown = wait_for(&worker, |s| s.problem.is_some());
    assert!(shown.online, "{shown:?}");
    let problem = shown.problem.clone().unwrap_or_default();
    assert!(problem.contains("pepite central init"), "{problem}");
    assert!(shown.status.pending > 0, "{shown:?}");
}

#[test]
fn a_sync_killed_mid_batch_then_run_again_leaves_no_duplicate_and_no_gap() {
    let Some(cluster) = Cluster::start("sync_killed") else {
        return;
    };
    ops::central::init(&cluster.url()).expect("init");
    let home = tempfile::tempdir().expect("home");
    let db = common::demo_db(home.path(), "site.db");
    let db_arg = db.to_str().expect("path");
    let url = cluster.url();
    // Small batches, so the kill lands inside one; stdout is a pipe: a line per batch.
    let mut child = common::pepite_command(home.path())
        .args(["--db", db_arg, "sync", "--batch", "3", "--central", &url])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("sync");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = std::io::BufRead::lines(std::io::BufReader::new(stdout));
    for _ in 0..20 {
        lines.next().expect("a batch").expect("line");
    }
    child.kill().expect("SIGKILL");
    child.wait().expect("wait");
    let partial = central_count(&cluster, "document");
    let mut store = Store::open(&db).expect("open");
    let total = local_count(&mut store, "documents");
    assert!(partial > 0 && partial < total, "{partial} of {total}");

    let again = common::run_pepite(home.path(), &["--db", db_arg, "sync", "--central", &url]);
    assert!(again.status.success(), "{}", common::text(&again.stderr));
    assert_eq!(central_count(&cluster, "document"), total);
    assert_eq!(
        central_count(&cluster, "event"),
        local_count(&mut store, "events")
    );
    let sale_lines: i64 = store
        .read(|tx| pepite::storage::sync::documents_after(tx, 0, i64::MAX))
        .expect("lines")
        .sale_lines
        .len() as i64;
    assert_eq!(central_count(&cluster, "sale_line"), sale_lines);
    // Numbers without a gap, ids without a duplicate: what verify checks, in PostgreSQL.
    let verify = common::run_pepite(home.path(), &["verify", "--central", &url]);
    assert!(verify.status.success(), "{}", common::text(&verify.stdout));
}

#[test]
fn the_same_batch_sent_twice_adds_nothing() {
    let Some(cluster) = Cluster::start("same_batch_twice") else {
        return;
    };
    ops::central::init(&cluster.url()).expect("init");
    let dir = tempfile::tempdir().expect("dir");
    let (_, mut store) = installation(dir.path(), "site");
    let site = Site::of(&mut store).expect("site");
    let mut central = ops::central::connect(&cluster.url()).expect("connect");
    site.send_keys_and_lists(&mut store, &mut central)
        .expect("lists");
    let batch = store
        .read(|tx| pepite::storage::sync::documents_after(tx, 0, 100))
        .expect("batch");
    let first = site.send_documents(&mut central, &batch).expect("first");
    assert_eq!(first.added, 100);
    let lines = central_count(&cluster, "sale_line");
    let second = site.send_documents(&mut central, &batch).expect("second");
    assert_eq!((second.added, second.already), (0, 100));
    assert_eq!(central_count(&cluster, "document"), 100);
    assert_eq!(central_count(&cluster, "sale_line"), lines);
}

#[test]
fn a_document_altered_after_it_was_sent_is_refused_and_reported() {
    let Some(cluster) = Cluster::start("altered_after_sending") else {
        return;
    };
    let dir = tempfile::tempdir().expect("dir");
    let (path, mut store) = synced_site(&cluster, dir.path());
    // Someone with the file rewrites a ticket's amount and recomputes the chain after it.
    let (series, number) = {
        let conn = rusqlite::Connection::open(&path).expect("open");
        conn.execute_batch("DROP TRIGGER document_no_update; DROP TRIGGER sale_line_no_update;")
            .expect("triggers");
        let (id, series, number): (i64, String, i64) = conn
            .query_row(
                "SELECT id, series, number FROM document WHERE kind = 'ticket'
                 ORDER BY id DESC LIMIT 1 OFFSET 10",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .expect("ticket");
        conn.execute(
            "UPDATE document SET payload = replace(payload, '\"total_ttc\":', '\"total_ttc\":1')
             WHERE id = ?1",
            [id],
        )
        .expect("alter");
        let rows: Vec<(i64, String)> = conn
            .prepare("SELECT id, payload FROM document WHERE id >= ?1 ORDER BY id")
            .expect("prepare")
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))
            .expect("rows")
            .collect::<Result<_, _>>()
            .expect("collect");
        let mut prev: String = conn
            .query_row("SELECT hash FROM document WHERE id = ?1", [id - 1], |r| {
                r.get(0)
            })
            .expect("previous");
        for (doc, payload) in rows {
            let hash = pepite::journal::chain_hash(&prev, &payload);
            conn.execute(
                "UPDATE document SET prev_hash = ?1, hash = ?2 WHERE id = ?3",
                rusqlite::params![prev, hash, doc],
            )
            .expect("rechain");
            prev = hash;
        }
        conn.execute(
            "UPDATE chain_head SET hash = ?1 WHERE chain = 'documents'",
            [&prev],
        )
        .expect("head");
        (series, number)
    };
    sell(&mut store, "caisse-1", &[800], "16:00:00");
    let mut central = ops::central::connect(&cluster.url()).expect("connect");
    let refused = sync::run(
        &mut store,
        &mut central,
        200,
        at("16:30:00"),
        &mut |_, _| {},
    )
    .expect_err("refused");
    let text = refused.to_string();
    let name = format!("{series} n° {number}");
    assert!(text.contains(&name), "{text}");
    assert!(text.contains("modifié après son envoi"), "{text}");
    let refusals = ops::central::refusals(&cluster.url()).expect("refusals");
    assert!(
        refusals
            .iter()
            .any(|(_, record, _, _)| record.contains(&name)),
        "{refusals:?}"
    );
    // Nothing after the altered document was taken.
    let verify = ops::central::verify(&cluster.url()).expect("verify");
    assert!(verify.iter().all(|v| v.failure.is_none()), "{verify:?}");
}

#[test]
fn verify_central_names_the_site_series_and_number_of_an_amount_edited_in_postgresql() {
    let Some(cluster) = Cluster::start("verify_central") else {
        return;
    };
    let home = tempfile::tempdir().expect("home");
    let dir = tempfile::tempdir().expect("dir");
    let (_, mut store) = synced_site(&cluster, dir.path());
    let id = installation_id(&mut store);
    let mut admin = cluster.client("pepite");
    let row = admin
        .query_one(
            "SELECT series, number FROM pepite.document WHERE kind = 'ticket'
             ORDER BY id LIMIT 1 OFFSET 20",
            &[],
        )
        .expect("ticket");
    let (series, number): (String, i64) = (row.get(0), row.get(1));
    admin
        .batch_execute(&format!(
            "ALTER TABLE pepite.document DISABLE TRIGGER document_append_only;
             UPDATE pepite.document SET total = total + 100
              WHERE series = '{series}' AND number = {number};"
        ))
        .expect("edit");
    let verify = common::run_pepite(home.path(), &["verify", "--central", &cluster.url()]);
    let out = common::text(&verify.stdout);
    assert!(!verify.status.success(), "{out}");
    assert!(out.contains(&id), "{out}");
    assert!(out.contains("Atelier d'Arcueil"), "{out}");
    assert!(out.contains(&format!("{series} n° {number}")), "{out}");
    assert!(out.contains("total"), "{out}");
}

#[test]
fn a_site_role_adds_and_reads_only_its_own_rows() {
    let Some(cluster) = Cluster::start("site_roles") else {
        return;
    };
    ops::central::init(&cluster.url()).expect("init");
    let mut admin = cluster.client("pepite");
    admin
        .batch_execute(
            "CREATE ROLE site_nord LOGIN IN ROLE pepite_site;
             CREATE ROLE site_sud LOGIN IN ROLE pepite_site;",
        )
        .expect("roles");
    let dir = tempfile::tempdir().expect("dir");
    let (_, mut north) = installation(dir.path(), "nord");
    let (_, mut south) = installation(dir.path(), "sud");
    sync_all(&mut north, &cluster.url_as("site_nord", "pepite"));
    sync_all(&mut south, &cluster.url_as("site_sud", "pepite"));
    let south_id = installation_id(&mut south);

    let mut nord = cluster
        .url_as("site_nord", "pepite")
        .parse::<postgres::Config>()
        .expect("url")
        .connect(postgres::NoTls)
        .expect("connect");
    let seen: i64 = nord
        .query_one(
            "SELECT count(DISTINCT installation) FROM pepite.document",
            &[],
        )
        .expect("count")
        .get(0);
    assert_eq!(seen, 1, "a site sees its own rows only");
    let other = nord.execute(
        "INSERT INTO pepite.refusal (installation, record, reason) VALUES ($1, 'x', 'y')",
        &[&south_id],
    );
    assert!(other.is_err(), "a site cannot write another's rows");
    let edit = nord.execute("UPDATE pepite.document SET total = 0", &[]);
    assert!(edit.is_err(), "a site cannot change a document");
    // A URL that asks for TLS gets TLS or nothing: this test server has none.
    let tls = ops::central::connect(&format!("{}?sslmode=require", cluster.url()));
    let said = tls.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(
        said.contains("Base centrale") && said.contains("TLS"),
        "{said}"
    );
    assert_eq!(central_count(&cluster, "installation"), 2);
}

#[test]
fn the_real_till_syncs_in_the_background_and_says_so_on_its_status_line() {
    let Some(cluster) = Cluster::start("till_syncs_in_the_background") else {
        return;
    };
    ops::central::init(&cluster.url()).expect("init");
    let home = tempfile::tempdir().expect("home");
    let db = common::demo_db(home.path(), "site.db");
    let config = home.path().join("config/pepite");
    std::fs::create_dir_all(&config).expect("config dir");
    std::fs::write(
        config.join("config.toml"),
        format!("central = \"{}\"\n", cluster.url()),
    )
    .expect("config");
    let mut screen =
        common::pty::Terminal::start(home.path(), &["--db", db.to_str().expect("path")]);
    screen.log_in("c", "Claire", "1111");
    // The first sync runs at start: all of the demo went; Claire's login (a JET event)
    // may have come after it and wait for the next round.
    let shown = screen.wait_for_any(&["│ à jour ", "│ 1 à transmettre "]);
    assert!(!shown.contains("centrale injoignable"), "{shown}");
    screen.quit();
    let mut store = Store::open(&db).expect("open");
    assert_eq!(
        central_count(&cluster, "document"),
        local_count(&mut store, "documents")
    );
    assert!(ops::central::status(&mut store).expect("status").pending <= 3);
}
