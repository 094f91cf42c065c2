//! Imported history from Oressource (migration 0020): the rows of a dump staged as they
//! stream in, then checked together — a line whose category, sale or intake is unknown,
//! a weight of zero, a sale without lines — and refused with the reason counted; the
//! import recorded once by the dump's digest; and the totals that prove it, read back.

use super::{Result, Tx};
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

/// A reason rows were refused, and how many.
pub type Refused = (&'static str, &'static str, i64);

/// Checks the staged rows together and deletes those that cannot stand, in order (a sale
/// whose only lines were refused is then a sale without lines): `(table, reason code,
/// rows)` for each rule that refused some. Then gives the sale lines their weights.
pub fn settle(tx: &Tx, import: i64) -> Result<Vec<Refused>> {
    const RULES: [(&str, &str, &str); 9] = [
        (
            "pesees_collectes",
            "zero_weight",
            "DELETE FROM ores_intake_line WHERE import_id = ?1 AND grams <= 0",
        ),
        (
            "pesees_collectes",
            "unknown_category",
            "DELETE FROM ores_intake_line WHERE import_id = ?1 AND category NOT IN
                 (SELECT id FROM ores_list WHERE import_id = ?1 AND list = 'category')",
        ),
        (
            "pesees_collectes",
            "unknown_intake",
            "DELETE FROM ores_intake_line WHERE import_id = ?1 AND intake NOT IN
                 (SELECT id FROM ores_intake WHERE import_id = ?1)",
        ),
        (
            "pesees_sorties",
            "zero_weight",
            "DELETE FROM ores_outbound_line WHERE import_id = ?1 AND grams <= 0",
        ),
        (
            "pesees_sorties",
            "unknown_outbound",
            "DELETE FROM ores_outbound_line WHERE import_id = ?1 AND outbound NOT IN
                 (SELECT id FROM ores_outbound WHERE import_id = ?1)",
        ),
        (
            "vendus",
            "unknown_category",
            "DELETE FROM ores_sale_line WHERE import_id = ?1 AND category NOT IN
                 (SELECT id FROM ores_list WHERE import_id = ?1 AND list = 'category')",
        ),
        (
            "vendus",
            "unknown_sale",
            "DELETE FROM ores_sale_line WHERE import_id = ?1 AND sale NOT IN
                 (SELECT id FROM ores_sale WHERE import_id = ?1)",
        ),
        (
            "ventes",
            "no_lines",
            "DELETE FROM ores_sale WHERE import_id = ?1 AND id NOT IN
                 (SELECT sale FROM ores_sale_line WHERE import_id = ?1)",
        ),
        (
            "ventes",
            "unknown_payment",
            "DELETE FROM ores_sale WHERE import_id = ?1 AND payment NOT IN
                 (SELECT id FROM ores_list WHERE import_id = ?1 AND list = 'payment')",
        ),
    ];
    let mut refused = Vec::new();
    for (table, reason, sql) in RULES {
        let n = tx.conn().execute(sql, [import])?;
        if n > 0 {
            refused.push((table, reason, i64::try_from(n).unwrap_or(i64::MAX)));
        }
    }
    // A sale refused for its payment method takes its lines with it.
    let orphans = tx.conn().execute(
        "DELETE FROM ores_sale_line WHERE import_id = ?1 AND sale NOT IN
             (SELECT id FROM ores_sale WHERE import_id = ?1)",
        [import],
    )?;
    if orphans > 0 {
        refused.push((
            "vendus",
            "unknown_sale",
            i64::try_from(orphans).unwrap_or(i64::MAX),
        ));
    }
    tx.conn().execute(
        "UPDATE ores_sale_line SET grams = (SELECT w.grams FROM ores_stage_weight w
             WHERE w.id = ores_sale_line.id)
         WHERE import_id = ?1 AND id IN (SELECT id FROM ores_stage_weight)",
        [import],
    )?;
    Ok(refused)
}

/// Puts import `import`'s lists into pépite's own where a name is not there yet: its
/// points de collecte and de sortie as sites, its points de vente as points of sale (of
/// the first site), its categories (with their colours), sources, towns, containers (with their tare),
/// partners and recyclers (as recipients), evacuated fractions and bins (as fractions),
/// the price grid (under its category), and its users — disabled, without any code, for
/// a manager to give each a PIN. Returns `(list, rows added)`.
pub fn adopt_lists(tx: &Tx, import: i64, at: &str) -> Result<Vec<(&'static str, i64)>> {
    const NEW: &str = "FROM ores_list l WHERE l.import_id = ?1 AND trim(l.name) <> ''";
    let adopt: [(&str, String); 10] = [
        (
            "sites",
            format!(
                "INSERT INTO site (name) SELECT DISTINCT l.name {NEW}
                 AND l.list IN ('point_collecte', 'point_sortie') AND NOT EXISTS
                     (SELECT 1 FROM site c WHERE lower(c.name) = lower(l.name))"
            ),
        ),
        (
            "points_of_sale",
            format!(
                "INSERT INTO point_of_sale (site_id, name, kind, active)
                 SELECT (SELECT min(id) FROM site), l.name, 'shop', l.visible {NEW}
                 AND l.list = 'point_vente' AND NOT EXISTS
                     (SELECT 1 FROM point_of_sale c WHERE lower(c.name) = lower(l.name))"
            ),
        ),
        (
            "categories",
            format!(
                "INSERT INTO category (parent_id, name, colour, active, position)
                 SELECT NULL, l.name, l.colour, l.visible,
                        (SELECT ifnull(max(position), 0) FROM category) + l.id
                 {NEW} AND l.list = 'category' AND NOT EXISTS
                     (SELECT 1 FROM category c WHERE lower(c.name) = lower(l.name))"
            ),
        ),
        (
            "sources",
            format!(
                "INSERT INTO intake_source (name) SELECT l.name {NEW} AND l.list = 'source'
                 AND NOT EXISTS (SELECT 1 FROM intake_source c WHERE lower(c.name) = lower(l.name))"
            ),
        ),
        (
            "towns",
            format!(
                "INSERT INTO town (name) SELECT l.name {NEW} AND l.list = 'town'
                 AND NOT EXISTS (SELECT 1 FROM town c WHERE lower(c.name) = lower(l.name))"
            ),
        ),
        (
            "containers",
            format!(
                "INSERT INTO container (name, tare_g) SELECT l.name, ifnull(l.amount, 0)
                 {NEW} AND l.list = 'container'
                 AND NOT EXISTS (SELECT 1 FROM container c WHERE lower(c.name) = lower(l.name))"
            ),
        ),
        (
            "recipients",
            format!(
                "INSERT INTO outbound_recipient (name) SELECT DISTINCT l.name {NEW}
                 AND l.list IN ('partner', 'recycler') AND NOT EXISTS
                     (SELECT 1 FROM outbound_recipient c WHERE lower(c.name) = lower(l.name))"
            ),
        ),
        (
            "fractions",
            format!(
                "INSERT INTO outbound_fraction (name) SELECT DISTINCT l.name {NEW}
                 AND l.list IN ('evac', 'bin') AND NOT EXISTS
                     (SELECT 1 FROM outbound_fraction c WHERE lower(c.name) = lower(l.name))"
            ),
        ),
        (
            "grid",
            format!(
                "INSERT OR IGNORE INTO price_entry (category_id, name, price, active)
                 SELECT (SELECT c.id FROM category c JOIN ores_list k
                             ON lower(k.name) = lower(c.name)
                         WHERE k.import_id = ?1 AND k.list = 'category' AND k.id = l.parent
                           AND c.parent_id IS NULL),
                        l.name, ifnull(l.amount, 0), l.visible
                 {NEW} AND l.list = 'grid' AND ifnull(l.amount, 0) >= 0 AND EXISTS
                     (SELECT 1 FROM category c JOIN ores_list k ON lower(k.name) = lower(c.name)
                      WHERE k.import_id = ?1 AND k.list = 'category' AND k.id = l.parent
                        AND c.parent_id IS NULL)"
            ),
        ),
        (
            "users",
            format!(
                "INSERT INTO user (name, pin_hash, active, created_at)
                 SELECT DISTINCT l.name, '', 0, ?2 {NEW} AND l.list = 'user' AND NOT EXISTS
                     (SELECT 1 FROM user u WHERE lower(u.name) = lower(l.name))"
            ),
        ),
    ];
    let mut added = Vec::new();
    for (list, sql) in adopt {
        let n = if sql.contains("?2") {
            tx.conn().execute(&sql, params![import, at])?
        } else {
            tx.conn().execute(&sql, [import])?
        };
        added.push((list, i64::try_from(n).unwrap_or(i64::MAX)));
    }
    Ok(added)
}

/// Oressource's address and a checked SIRET where pépite's structure has none (never
/// over what a manager set). Returns whether anything was written.
pub fn adopt_identity(tx: &Tx, address: &str, siret: Option<&str>) -> Result<bool> {
    let mut changed = tx.conn().execute(
        "UPDATE structure SET address = ?1 WHERE address = '' AND ?1 <> ''",
        [address.trim()],
    )?;
    if let Some(siret) = siret {
        changed += tx.conn().execute(
            "UPDATE structure SET siret = ?1 WHERE siret IS NULL",
            [siret],
        )?;
    }
    Ok(changed > 0)
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

/// How imported sales are grouped in a takings report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    /// By their day, week, month or year ([`super::reports::Key`]).
    Time(super::reports::Key),
    /// By Oressource's point of sale (for a site, a point or a terminal).
    Point,
    Category,
    Payment,
    /// One row (Oressource kept no VAT rate on its lines).
    All,
}

/// Imported sales of `[from, to]` grouped: `(key, sales, cents sold less refunded)`.
pub fn takings_in(tx: &Tx, from: &str, to: &str, group: Group) -> Result<Vec<(String, i64, i64)>> {
    let key = match group {
        Group::Time(key) => key.sql("l.day", "''"),
        Group::Point => "(SELECT k.name FROM ores_list k WHERE k.import_id = s.import_id
                          AND k.list = 'point_vente' AND k.id = s.point)"
            .to_owned(),
        Group::Category => "(SELECT k.name FROM ores_list k WHERE k.import_id = l.import_id
                             AND k.list = 'category' AND k.id = l.category)"
            .to_owned(),
        Group::Payment => "(SELECT k.name FROM ores_list k WHERE k.import_id = s.import_id
                            AND k.list = 'payment' AND k.id = s.payment)"
            .to_owned(),
        Group::All => "'—'".to_owned(),
    };
    let mut stmt = tx.conn().prepare_cached(&format!(
        "SELECT ifnull({key}, '?'), count(DISTINCT l.import_id || '/' || l.sale),
                sum(l.amount - l.refund)
         FROM ores_sale_line l
         JOIN ores_sale s ON s.import_id = l.import_id AND s.id = l.sale
         WHERE l.day BETWEEN ?1 AND ?2
         GROUP BY 1 ORDER BY 1"
    ))?;
    let rows = stmt.query_map(params![from, to], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Imported kilos of `[from, to]`: collected by category name, sold, out by class.
pub fn tonnage_in(tx: &Tx, from: &str, to: &str) -> Result<ImportedTonnage> {
    let pairs = |sql: &str| -> Result<Vec<(String, i64)>> {
        let mut stmt = tx.conn().prepare_cached(sql)?;
        let rows = stmt.query_map(params![from, to], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    };
    let collected = pairs(
        "SELECT k.name, sum(l.grams) FROM ores_intake_line l
         JOIN ores_list k ON k.import_id = l.import_id AND k.list = 'category'
              AND k.id = l.category
         WHERE l.day BETWEEN ?1 AND ?2 GROUP BY 1 ORDER BY 2 DESC",
    )?;
    let out = pairs(
        "SELECT o.class, sum(l.grams) FROM ores_outbound_line l
         JOIN ores_outbound o ON o.import_id = l.import_id AND o.id = l.outbound
         WHERE l.day BETWEEN ?1 AND ?2 GROUP BY 1 ORDER BY 1",
    )?;
    let sold: i64 = tx
        .conn()
        .prepare_cached(
            "SELECT ifnull(sum(grams), 0) FROM ores_sale_line
             WHERE day BETWEEN ?1 AND ?2 AND refund = 0",
        )?
        .query_row(params![from, to], |r| r.get(0))?;
    Ok(ImportedTonnage {
        collected,
        sold,
        out,
    })
}

/// Imported kilos of a period.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportedTonnage {
    pub collected: Vec<(String, i64)>,
    pub sold: i64,
    /// By Oressource class (`sorties`, `sortiesc`, …).
    pub out: Vec<(String, i64)>,
}

impl ImportedTonnage {
    pub fn is_empty(&self) -> bool {
        self.collected.is_empty() && self.sold == 0 && self.out.is_empty()
    }
}

/// `(year or "" for the whole history, key, cents)` rows of the imported takings (sold less
/// refunded) by category name, or by payment method name.
pub fn takings_by(tx: &Tx, payment: bool) -> Result<Vec<(String, String, i64)>> {
    let (join, key) = if payment {
        (
            "JOIN ores_sale s ON s.import_id = l.import_id AND s.id = l.sale
             JOIN ores_list k ON k.import_id = l.import_id AND k.list = 'payment'
                  AND k.id = s.payment",
            "k.name",
        )
    } else {
        (
            "JOIN ores_list k ON k.import_id = l.import_id AND k.list = 'category'
                  AND k.id = l.category",
            "k.name",
        )
    };
    grouped(
        tx,
        &format!("SELECT {{year}}, {key}, sum(l.amount - l.refund) FROM ores_sale_line l {join}"),
    )
}

/// Kilograms (grams) collected by category, per year and in all.
pub fn collected_by_category(tx: &Tx) -> Result<Vec<(String, String, i64)>> {
    grouped(
        tx,
        "SELECT {year}, k.name, sum(l.grams) FROM ores_intake_line l
         JOIN ores_list k ON k.import_id = l.import_id AND k.list = 'category'
              AND k.id = l.category",
    )
}

/// Grams out by Oressource class, per year and in all.
pub fn out_by_class(tx: &Tx) -> Result<Vec<(String, String, i64)>> {
    grouped(
        tx,
        "SELECT {year}, o.class, sum(l.grams) FROM ores_outbound_line l
         JOIN ores_outbound o ON o.import_id = l.import_id AND o.id = l.outbound",
    )
}

/// `select` (with `{year}` for the year expression, from a table aliased `l` with a
/// `day`) grouped by year and key in one pass; the whole history's rows (year "") are
/// the years' added up, first.
fn grouped(tx: &Tx, select: &str) -> Result<Vec<(String, String, i64)>> {
    let sql = format!(
        "{} GROUP BY 1, 2 ORDER BY 1, 2",
        select.replace("{year}", "substr(l.day, 1, 4)")
    );
    let mut stmt = tx.conn().prepare(&sql)?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    let years: Vec<(String, String, i64)> = rows.collect::<rusqlite::Result<_>>()?;
    let mut all: std::collections::BTreeMap<String, i64> = std::collections::BTreeMap::new();
    for (_, key, value) in &years {
        *all.entry(key.clone()).or_default() += value;
    }
    let mut out: Vec<(String, String, i64)> = all
        .into_iter()
        .map(|(key, value)| (String::new(), key, value))
        .collect();
    out.extend(years);
    Ok(out)
}

/// `(year, sales, refunds, refunded cents, grams sold)`.
pub type SalesCounts = (String, i64, i64, i64, i64);

/// Per year and in all: a sale counts once, a refund is a sale with a line that gave
/// money back.
pub fn sales_counts(tx: &Tx) -> Result<Vec<SalesCounts>> {
    let mut stmt = tx.conn().prepare(
        "SELECT substr(s.day, 1, 4),
                count(*) FILTER (WHERE t.refund = 0),
                count(*) FILTER (WHERE t.refund > 0),
                ifnull(sum(t.refund), 0),
                ifnull(sum(t.grams), 0)
         FROM ores_sale s
         JOIN (SELECT import_id, sale, sum(refund) AS refund,
                      sum(CASE WHEN refund = 0 THEN grams ELSE 0 END) AS grams
               FROM ores_sale_line GROUP BY import_id, sale) t
           ON t.import_id = s.import_id AND t.sale = s.id
         GROUP BY 1 ORDER BY 1",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
    })?;
    let years: Vec<SalesCounts> = rows.collect::<rusqlite::Result<_>>()?;
    if years.is_empty() {
        return Ok(years);
    }
    let mut all: SalesCounts = (String::new(), 0, 0, 0, 0);
    for y in &years {
        all.1 += y.1;
        all.2 += y.2;
        all.3 += y.3;
        all.4 += y.4;
    }
    let mut out = vec![all];
    out.extend(years);
    Ok(out)
}
