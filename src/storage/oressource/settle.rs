//! The staged rows checked together once the dump is read — those that cannot stand
//! refused with their reason — and Oressource's lists and identity put into pépite's own
//! where a name or a field is new.

use super::super::{Result, Tx};
use rusqlite::params;

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
