//! `verify` checks every figure that feeds an X, a Z or a report, not only what it hashes:
//! a column copied beside a payload, a running counter, an item's status or a sold weight
//! edited behind pépite's back (one line of SQL, after dropping a trigger) is found and
//! named, on the demo shop, through the real binary.

mod common;

use std::path::Path;

fn raw(path: &Path, sql: &str) {
    let conn = rusqlite::Connection::open(path).expect("raw");
    let changed = conn.execute_batch(sql);
    changed.expect(sql);
    assert!(conn.changes() > 0, "the edit changed nothing: {sql}");
}

/// Verifies the demo after `sql`; what `verify` printed.
fn verify_after(sql: &str) -> String {
    let home = tempfile::tempdir().expect("home");
    let db = common::demo_db(home.path(), "demo.db");
    let db_arg = db.to_str().expect("path");
    let before = common::run_pepite(home.path(), &["verify", "--db", db_arg]);
    assert!(
        before.status.success(),
        "{}",
        String::from_utf8_lossy(&before.stdout)
    );
    raw(&db, sql);
    let after = common::run_pepite(home.path(), &["verify", "--db", db_arg]);
    let out = String::from_utf8_lossy(&after.stdout).into_owned();
    assert!(!after.status.success(), "tampering went unnoticed:\n{out}");
    assert!(out.contains("RÉSULTAT : ALTÉRÉ"), "{out}");
    out
}

const NO_TRIGGER: &str = "DROP TRIGGER document_no_update;";

#[test]
fn an_edited_total_column_is_named() {
    let out = verify_after(&format!(
        "{NO_TRIGGER} UPDATE document SET total = total + 100
         WHERE id = (SELECT max(id) FROM document WHERE kind = 'ticket');"
    ));
    assert!(out.contains("la colonne « total » vaut"), "{out}");
    assert!(out.contains("/T n° "), "{out}");
}

#[test]
fn edited_vat_and_tender_columns_are_named() {
    let out = verify_after(&format!(
        "{NO_TRIGGER} UPDATE document SET vat = '[[2000,1,1,0]]'
         WHERE id = (SELECT min(id) FROM document WHERE kind = 'ticket');"
    ));
    assert!(out.contains("la colonne « vat »"), "{out}");
    let out = verify_after(&format!(
        "{NO_TRIGGER} UPDATE document SET tenders = replace(tenders, '\"card\"', '\"cash\"')
         WHERE id = (SELECT min(id) FROM document WHERE kind = 'ticket' AND tenders LIKE '%\"card\"%');"
    ));
    assert!(out.contains("la colonne « tenders »"), "{out}");
}

#[test]
fn an_edited_grand_total_is_named() {
    let out = verify_after(
        "UPDATE counter SET total_ttc = total_ttc + 10000
         WHERE terminal = 'caisse-1' AND rate_bp = 2000;",
    );
    assert!(
        out.contains("compteur du poste caisse-1 au taux 20"),
        "{out}"
    );
    assert!(out.contains("grand total perpétuel"), "{out}");
}

/// A demo shop (in this process) where Karim sold one labelled item: the database's path.
fn a_sold_item(dir: &Path) -> std::path::PathBuf {
    use pepite::domain::{Cart, Money, PaymentKind, TerminalCode};
    use pepite::ops::till::{self, Payment, Scanned};
    use pepite::storage::{Store, items};
    let path = dir.join("demo.db");
    let mut store = Store::open(&path).expect("open");
    let at = |t: &str| common::on("2026-11-24", t);
    pepite::ops::demo::create(&mut store, at("08:00:00"), &common::key_dir()).expect("demo");
    let karim = pepite::ops::users::find(&mut store, "Karim")
        .expect("find")
        .expect("Karim");
    let session = common::login(&mut store, karim.id, "2222", at("09:00:00")).expect("login");
    let key = pepite::ops::journal::load_key(&mut store, &common::key_dir()).expect("key");
    let terminal = TerminalCode::parse("caisse-1").expect("terminal");
    let ctx = till::context(&mut store, &session, &terminal, at("09:01:00"), false).expect("ctx");
    till::open_day(&mut store, &session, &key, &ctx, &[]).expect("float");
    let code = store
        .read(|tx| items::some_in_stock(tx, 1))
        .expect("stock")
        .remove(0);
    let Scanned::Item(line) = till::scan(&mut store, &code, at("10:00:00")).expect("scan") else {
        panic!("{code} is not an item");
    };
    let mut cart = Cart::default();
    cart.add(line).expect("add");
    let total = cart.total().expect("total");
    let cash = Payment {
        method: PaymentKind::Cash.default_label(),
        kind: PaymentKind::Cash,
        amount: total,
        voucher: None,
    };
    till::sell(&mut store, &session, &key, &ctx, &cart, &[cash], false).expect("sell");
    assert!(total > Money::ZERO);
    path
}

/// What `verify` says of the file at `path` after `sql`: the failure, record — reason.
fn failure_after(path: &Path, sql: &str) -> String {
    use pepite::storage::Store;
    let verify = |path: &Path| {
        let mut store = Store::open(path).expect("open");
        store
            .read(|tx| pepite::journal::verify::verify(tx, None, None, Some(&common::key_dir())))
            .expect("verify")
    };
    assert!(verify(path).is_intact(), "{}", verify(path));
    raw(path, sql);
    let report = verify(path);
    let failure = report.failure.expect("tampering went unnoticed");
    format!("{} — {}", failure.record, failure.reason)
}

#[test]
fn an_item_put_back_in_stock_by_hand_is_named() {
    let dir = tempfile::tempdir().expect("dir");
    let path = a_sold_item(dir.path());
    let found = failure_after(
        &path,
        "UPDATE item SET status = 'in_stock', document_id = NULL WHERE status = 'sold';",
    );
    assert!(found.starts_with("article 2"), "{found}");
    assert!(found.contains("vendu par le document"), "{found}");
}

#[test]
fn an_item_marked_sold_by_hand_is_named() {
    let dir = tempfile::tempdir().expect("dir");
    let path = a_sold_item(dir.path());
    let found = failure_after(
        &path,
        "UPDATE item SET status = 'sold' WHERE id = (SELECT min(id) FROM item WHERE status = 'in_stock');",
    );
    assert!(found.contains("marqué vendu sans le ticket"), "{found}");
}

#[test]
fn a_sold_weight_turned_around_is_named() {
    let dir = tempfile::tempdir().expect("dir");
    let path = a_sold_item(dir.path());
    let found = failure_after(&path, "UPDATE sold_weight SET grams = -grams;");
    assert!(found.starts_with("poids vendus du document"), "{found}");
    assert!(found.contains("signe contraire"), "{found}");
}

#[test]
fn a_sold_weight_changed_by_a_gram_is_named() {
    let dir = tempfile::tempdir().expect("dir");
    let path = a_sold_item(dir.path());
    let found = failure_after(&path, "UPDATE sold_weight SET grams = grams + 1;");
    assert!(
        found.contains("g d'après le ticket (poids modifié)"),
        "{found}"
    );
}
