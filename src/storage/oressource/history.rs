//! The imported history as the takings and tonnage reports read it, for their period and
//! grouping: apart from the journal's figures, in its own sections.

use super::super::{Result, Tx};
use rusqlite::params;

/// How imported sales are grouped in a takings report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    /// By their day, week, month or year ([`super::super::reports::Key`]).
    Time(super::super::reports::Key),
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
