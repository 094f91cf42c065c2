//! The yearly targets (tonnes collected, tonnes reused, takings) of the structure and of
//! each site, and what each site did towards them over a range of days.

use super::{Result, Tx};
use crate::domain::Money;
use rusqlite::params;

/// A year's target for the structure (`site_id` 0) or a site.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Target {
    pub site_id: i64,
    /// The site's name; empty for the structure.
    pub site: String,
    pub collected_g: i64,
    pub reused_g: i64,
    pub takings: Money,
}

/// Sets (or sets again) a year's target; a site that does not exist is refused.
pub fn set(tx: &Tx, year: i32, t: &Target) -> Result<()> {
    if t.site_id != 0 {
        let exists: bool = tx.conn().query_row(
            "SELECT EXISTS (SELECT 1 FROM site WHERE id = ?1)",
            [t.site_id],
            |r| r.get(0),
        )?;
        if !exists {
            return Err(super::StorageError::NotFound(crate::i18n::Msg::ThingSite));
        }
    }
    tx.conn().execute(
        "INSERT INTO target (year, site_id, collected_g, reused_g, takings)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (year, site_id) DO UPDATE
             SET collected_g = ?3, reused_g = ?4, takings = ?5",
        params![
            year,
            t.site_id,
            t.collected_g,
            t.reused_g,
            t.takings.cents()
        ],
    )?;
    Ok(())
}

/// A [`Target`] from the columns site id, site name, grams collected, grams reused,
/// takings.
fn target_from_row(r: &rusqlite::Row) -> rusqlite::Result<Target> {
    Ok(Target {
        site_id: r.get(0)?,
        site: r.get(1)?,
        collected_g: r.get(2)?,
        reused_g: r.get(3)?,
        takings: Money::from_cents(r.get(4)?),
    })
}

/// The targets of `year`, the structure's first.
pub fn for_year(tx: &Tx, year: i32) -> Result<Vec<Target>> {
    let mut stmt = tx.conn().prepare_cached(
        "SELECT t.site_id, ifnull(s.name, ''), t.collected_g, t.reused_g, t.takings
         FROM target t LEFT JOIN site s ON s.id = t.site_id
         WHERE t.year = ?1 ORDER BY t.site_id",
    )?;
    let rows = stmt.query_map([year], target_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// What each site did over `[from, to]` — grams collected (current intakes), grams
/// reused (sold, and given to people and partners), takings TTC — as [`Target`] rows
/// (site 0 does not appear: it is their sum).
pub fn actuals(tx: &Tx, from: &str, to: &str) -> Result<Vec<Target>> {
    const SITE_OF_TERMINAL: &str = "(SELECT p.site_id FROM terminal t
         JOIN point_of_sale p ON p.id = t.point_of_sale_id WHERE t.code = x.terminal)";
    let sql = format!(
        "WITH
         collected AS (
             SELECT i.site_id AS site, sum(l.net_g) AS g
             FROM intake i JOIN intake_line l ON l.intake_id = i.id
             WHERE i.day BETWEEN ?1 AND ?2
               AND NOT EXISTS (SELECT 1 FROM intake r WHERE r.replaces = i.id)
             GROUP BY 1),
         given AS (
             SELECT o.site_id AS site, sum(l.weight_g) AS g
             FROM outbound o JOIN outbound_line l ON l.outbound_id = o.id
             WHERE o.day BETWEEN ?1 AND ?2 AND o.kind IN ('donation', 'partner')
               AND NOT EXISTS (SELECT 1 FROM outbound r WHERE r.replaces = o.id)
             GROUP BY 1),
         sold AS (
             SELECT {site} AS site, sum(x.grams) AS g FROM sale_line x
             WHERE x.business_date BETWEEN ?1 AND ?2 GROUP BY 1),
         takings AS (
             SELECT {site} AS site, sum(x.total) AS c FROM document x
             WHERE x.kind = 'ticket' AND x.training = 0 AND x.business_date BETWEEN ?1 AND ?2
             GROUP BY 1)
         SELECT s.id, s.name, ifnull(c.g, 0), ifnull(g.g, 0) + ifnull(so.g, 0), ifnull(t.c, 0)
         FROM site s
         LEFT JOIN collected c ON c.site = s.id
         LEFT JOIN given g ON g.site = s.id
         LEFT JOIN sold so ON so.site = s.id
         LEFT JOIN takings t ON t.site = s.id
         ORDER BY s.id",
        site = SITE_OF_TERMINAL
    );
    let mut stmt = tx.conn().prepare_cached(&sql)?;
    let rows = stmt.query_map(params![from, to], target_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
