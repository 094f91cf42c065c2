//! An import's rows as they stream in: its bookkeeping row (begun with a provisional
//! digest, finished with the dump's), Oressource's lists, and its sales, intakes and
//! outbound flows with their lines, each with its day.

use super::super::{Result, Tx};
use rusqlite::params;

/// One row of an Oressource list (`ores_list`).
pub struct ListRow<'a> {
    pub list: &'a str,
    pub id: i64,
    pub name: &'a str,
    pub colour: &'a str,
    pub amount: Option<i64>,
    pub parent: Option<i64>,
    pub visible: bool,
}

/// Starts an import: its row, with a provisional digest until the dump is read whole.
pub fn begin(tx: &Tx, file: &str, user: &str, at: &str) -> Result<i64> {
    tx.conn().execute(
        "INSERT INTO ores_import (digest, file, user_name, at, summary)
         VALUES ('reading:' || hex(randomblob(8)), ?1, ?2, ?3, '{}')",
        params![file, user, at],
    )?;
    // Where the sale lines' weights wait for their lines (they come first in a dump).
    tx.conn().execute_batch(
        "CREATE TEMP TABLE IF NOT EXISTS ores_stage_weight (
             id INTEGER PRIMARY KEY, grams INTEGER NOT NULL);
         DELETE FROM ores_stage_weight;",
    )?;
    Ok(tx.conn().last_insert_rowid())
}

/// The date of the import that read a dump of `digest`, if one did.
pub fn imported_on(tx: &Tx, digest: &str) -> Result<Option<String>> {
    let mut stmt = tx
        .conn()
        .prepare_cached("SELECT at FROM ores_import WHERE digest = ?1")?;
    let mut rows = stmt.query([digest])?;
    Ok(match rows.next()? {
        Some(row) => Some(row.get(0)?),
        None => None,
    })
}

pub fn list_row(tx: &Tx, import: i64, row: &ListRow) -> Result<()> {
    tx.conn()
        .prepare_cached(
            "INSERT OR REPLACE INTO ores_list (import_id, list, id, name, colour, amount, parent,
                 visible)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?
        .execute(params![
            import,
            row.list,
            row.id,
            row.name,
            row.colour,
            row.amount,
            row.parent,
            row.visible
        ])?;
    Ok(())
}

pub fn sale(tx: &Tx, import: i64, id: i64, at: &str, payment: i64, point: i64) -> Result<()> {
    tx.conn()
        .prepare_cached(
            "INSERT OR REPLACE INTO ores_sale (import_id, id, at, day, payment, point)
             VALUES (?1, ?2, ?3, substr(?3, 1, 10), ?4, ?5)",
        )?
        .execute(params![import, id, at, payment, point])?;
    Ok(())
}

/// A sale line; `amount` and `refund` in cents as Oressource's bilans count them.
#[allow(clippy::too_many_arguments)]
pub fn sale_line(
    tx: &Tx,
    import: i64,
    id: i64,
    at: &str,
    sale: i64,
    category: i64,
    quantity: i64,
    amount: i64,
    refund: i64,
    lot: bool,
) -> Result<()> {
    tx.conn()
        .prepare_cached(
            "INSERT OR REPLACE INTO ores_sale_line (import_id, id, sale, category, quantity,
                 amount, refund, lot, day)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, substr(?9, 1, 10))",
        )?
        .execute(params![
            import, id, sale, category, quantity, amount, refund, lot, at
        ])?;
    Ok(())
}

/// The weight of sale line `id` (Oressource's `pesees_vendus`, one per line).
pub fn sale_weight(tx: &Tx, id: i64, grams: i64) -> Result<()> {
    tx.conn()
        .prepare_cached("INSERT OR REPLACE INTO ores_stage_weight (id, grams) VALUES (?1, ?2)")?
        .execute(params![id, grams])?;
    Ok(())
}

pub fn intake(
    tx: &Tx,
    import: i64,
    id: i64,
    at: &str,
    source: i64,
    town: i64,
    point: i64,
) -> Result<()> {
    tx.conn()
        .prepare_cached(
            "INSERT OR REPLACE INTO ores_intake (import_id, id, at, day, source, town, point)
             VALUES (?1, ?2, ?3, substr(?3, 1, 10), ?4, ?5, ?6)",
        )?
        .execute(params![import, id, at, source, town, point])?;
    Ok(())
}

pub fn intake_line(
    tx: &Tx,
    import: i64,
    id: i64,
    at: &str,
    intake: i64,
    category: i64,
    grams: i64,
) -> Result<()> {
    tx.conn()
        .prepare_cached(
            "INSERT OR REPLACE INTO ores_intake_line (import_id, id, intake, category, grams, day)
             VALUES (?1, ?2, ?3, ?4, ?5, substr(?6, 1, 10))",
        )?
        .execute(params![import, id, intake, category, grams, at])?;
    Ok(())
}

/// An outbound flow: its class and, as it has them, its partner, recycler, exit type.
pub struct Outbound<'a> {
    pub id: i64,
    pub at: &'a str,
    pub class: &'a str,
    pub partner: Option<i64>,
    pub recycler: Option<i64>,
    pub exit_type: Option<i64>,
    pub point: i64,
}

pub fn outbound(tx: &Tx, import: i64, o: &Outbound) -> Result<()> {
    tx.conn()
        .prepare_cached(
            "INSERT OR REPLACE INTO ores_outbound (import_id, id, at, day, class, partner,
                 recycler, exit_type, point)
             VALUES (?1, ?2, ?3, substr(?3, 1, 10), ?4, ?5, ?6, ?7, ?8)",
        )?
        .execute(params![
            import,
            o.id,
            o.at,
            o.class,
            o.partner,
            o.recycler,
            o.exit_type,
            o.point
        ])?;
    Ok(())
}

/// An outbound line: by category, bin or evacuated fraction, as Oressource weighed it.
pub struct OutboundLine<'a> {
    pub id: i64,
    pub at: &'a str,
    pub outbound: i64,
    pub category: Option<i64>,
    pub bin: Option<i64>,
    pub evac: Option<i64>,
    pub grams: i64,
}

pub fn outbound_line(tx: &Tx, import: i64, l: &OutboundLine) -> Result<()> {
    tx.conn()
        .prepare_cached(
            "INSERT OR REPLACE INTO ores_outbound_line (import_id, id, outbound, category, bin,
                 evac, grams, day)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, substr(?8, 1, 10))",
        )?
        .execute(params![
            import, l.id, l.outbound, l.category, l.bin, l.evac, l.grams, l.at
        ])?;
    Ok(())
}

/// Rows of each imported table kept by import `import`.
pub fn kept(tx: &Tx, import: i64) -> Result<Vec<(&'static str, i64)>> {
    const COUNTS: [(&str, &str); 7] = [
        ("collectes", "ores_intake"),
        ("pesees_collectes", "ores_intake_line"),
        ("sorties", "ores_outbound"),
        ("pesees_sorties", "ores_outbound_line"),
        ("ventes", "ores_sale"),
        ("vendus", "ores_sale_line"),
        ("listes", "ores_list"),
    ];
    let mut out = Vec::new();
    for (name, table) in COUNTS {
        let n: i64 = tx.conn().query_row(
            &format!("SELECT count(*) FROM {table} WHERE import_id = ?1"),
            [import],
            |r| r.get(0),
        )?;
        out.push((name, n));
    }
    Ok(out)
}

/// Ends an import: its digest, structure and summary.
pub fn finish(tx: &Tx, import: i64, digest: &str, structure: &str, summary: &str) -> Result<()> {
    tx.conn().execute(
        "UPDATE ores_import SET digest = ?2, structure = ?3, summary = ?4 WHERE id = ?1",
        params![import, digest, structure, summary],
    )?;
    Ok(())
}
