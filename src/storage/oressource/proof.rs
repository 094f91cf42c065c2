//! The proof of an import: the totals Oressource's bilans compute, per year and for the
//! whole history, read back from the imported rows.

use super::super::{Result, Tx};

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
