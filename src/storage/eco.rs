//! The eco-organisations' side: which of their categories each of ours maps to, and the
//! kilos of a range of days by our category — in (current intakes), reused (sold, by the
//! category the ticket printed) and recycled (intake lines sent to recycling).

use super::{Result, Tx};
use rusqlite::params;

/// `(org, our category's name, their category)`.
pub type Mapping = (String, String, String);

pub fn mappings(tx: &Tx) -> Result<Vec<Mapping>> {
    let mut stmt = tx.conn().prepare_cached(
        "SELECT m.org, c.name, m.eco_category FROM eco_mapping m
         JOIN category c ON c.id = m.category_id ORDER BY m.org, m.eco_category, c.name",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Maps our category `name` to `eco_category` of `org` (replacing its mapping); false
/// when no category has that name.
pub fn set_mapping(tx: &Tx, org: &str, name: &str, eco_category: &str) -> Result<bool> {
    Ok(tx.conn().execute(
        "INSERT INTO eco_mapping (org, category_id, eco_category)
         SELECT ?1, id, ?3 FROM category WHERE name = ?2
         ON CONFLICT (category_id) DO UPDATE SET org = ?1, eco_category = ?3",
        params![org, name, eco_category],
    )? > 0)
}

/// Kilos of `[from, to]` by our category: `(name, grams in, grams reused, grams recycled)`,
/// categories with no flow left out.
pub fn flows(tx: &Tx, from: &str, to: &str) -> Result<Vec<(String, i64, i64, i64)>> {
    let mut stmt = tx.conn().prepare_cached(
        "WITH intake_by AS (
             SELECT l.category_id AS id, sum(l.net_g) AS g_in,
                    sum(l.net_g) FILTER (WHERE l.destination = 'recycling') AS g_recycled
             FROM intake i JOIN intake_line l ON l.intake_id = i.id
             WHERE i.day BETWEEN ?1 AND ?2
               AND NOT EXISTS (SELECT 1 FROM intake r WHERE r.replaces = i.id)
             GROUP BY 1),
         sold_by AS (
             SELECT category AS name, sum(grams) AS g FROM sale_line
             WHERE business_date BETWEEN ?1 AND ?2 AND category IS NOT NULL
             GROUP BY 1)
         SELECT c.name, ifnull(i.g_in, 0), ifnull(s.g, 0), ifnull(i.g_recycled, 0)
         FROM category c
         LEFT JOIN intake_by i ON i.id = c.id
         LEFT JOIN sold_by s ON s.name = c.name
         WHERE ifnull(i.g_in, 0) <> 0 OR ifnull(s.g, 0) <> 0
         ORDER BY c.name",
    )?;
    let rows = stmt.query_map(params![from, to], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
