//! The consolidated reports' figures: the same questions as a site's
//! ([`crate::storage::reports::Facts`]), asked of every installation's rows in the
//! central — or of one installation's, when the facts are narrowed to it. PostgreSQL's
//! dialect: JSON arrays through `jsonb_array_elements`, ISO weeks through `to_char`, sums
//! cast back to `bigint`, text ordered byte-wise (`COLLATE "C"`) as SQLite orders it.

use super::{CentralTx, Result, central};
use crate::domain::Money;
use crate::storage::oressource::{Group, ImportedTonnage};
use crate::storage::reports::{
    CategoryRow, Facts, Intakes, Key, RecipientRow, TakingsRow, Weighed,
};
use postgres::types::ToSql;

/// The central's facts, of every installation or of one.
pub struct CentralFacts<'c, 't> {
    pub ctx: &'c mut CentralTx<'t>,
    /// One installation's rows only; `None`: the whole structure.
    pub installation: Option<String>,
}

/// The joins that name the site, point of sale and terminal of document `d` (`s`, `p`,
/// `t`), by its installation's lists: one hash join, not a lookup per document.
const PLACES: &str =
    "LEFT JOIN terminal t ON t.installation = d.installation AND t.code = d.terminal
     LEFT JOIN point_of_sale p ON p.installation = t.installation AND p.id = t.point_of_sale_id
     LEFT JOIN site s ON s.installation = p.installation AND s.id = p.site_id";

/// The grouping key of document `d`, and whether it needs [`PLACES`].
fn key_sql(key: Key) -> (&'static str, bool) {
    match key {
        Key::Day => ("d.business_date", false),
        Key::Week => (
            "to_char(d.business_date::date, 'IYYY') || '-S' || to_char(d.business_date::date, 'IW')",
            false,
        ),
        Key::Month => ("substr(d.business_date, 1, 7)", false),
        Key::Year => ("substr(d.business_date, 1, 4)", false),
        // Terminal codes repeat from one site to the next: the site names them.
        Key::Terminal => (
            "coalesce(s.name, d.installation) || ' / ' || d.terminal",
            true,
        ),
        Key::Point => ("coalesce(p.name, d.installation)", true),
        Key::Site => ("coalesce(s.name, d.installation)", true),
        Key::All => ("''", false),
    }
}

/// A café line's product: the label without its supplements in brackets.
const PRODUCT: &str = "CASE WHEN category IS NOT NULL THEN category
          WHEN strpos(label, ' (+') > 0 THEN substr(label, 1, strpos(label, ' (+') - 1)
          ELSE label END";

impl CentralFacts<'_, '_> {
    /// `sql` with `{only}` replaced by the installation filter on `alias`, run with
    /// `[from, to]` (and the installation as `$3`).
    fn rows(&mut self, sql: &str, alias: &str, from: &str, to: &str) -> Result<Vec<postgres::Row>> {
        let only = format!("($3::text IS NULL OR {alias}.installation = $3)");
        let sql = sql.replace("{only}", &only);
        let params: [&(dyn ToSql + Sync); 3] = [&from, &to, &self.installation];
        self.ctx.tx.query(&sql, &params).map_err(central)
    }

    fn weighed(&mut self, sql: &str, alias: &str, from: &str, to: &str) -> Result<Weighed> {
        Ok(self
            .rows(sql, alias, from, to)?
            .iter()
            .map(|r| (r.get::<_, Option<String>>(0).unwrap_or_default(), r.get(1)))
            .collect())
    }
}

const TICKETS: &str = "d.kind = 'ticket' AND NOT d.training AND d.business_date BETWEEN $1 AND $2
     AND {only}";

const CURRENT_OUTBOUND: &str = "FROM outbound o JOIN outbound_line l
         ON l.installation = o.installation AND l.outbound_id = o.id
     WHERE o.day BETWEEN $1 AND $2 AND {only}
       AND NOT EXISTS (SELECT 1 FROM outbound r
                       WHERE r.installation = o.installation AND r.replaces = o.id)";

impl Facts for CentralFacts<'_, '_> {
    fn takings(&mut self, from: &str, to: &str, key: Key) -> Result<Vec<TakingsRow>> {
        let (k, places) = key_sql(key);
        let joins = if places { PLACES } else { "" };
        let sql = format!(
            "SELECT {k}, sum(d.total)::bigint,
                    coalesce(sum((SELECT sum((v ->> 2)::bigint)
                                  FROM jsonb_array_elements(d.vat) v)), 0)::bigint,
                    coalesce(sum((SELECT sum((v ->> 3)::bigint)
                                  FROM jsonb_array_elements(d.vat) v)), 0)::bigint,
                    count(*) FILTER (WHERE d.total >= 0),
                    count(*) FILTER (WHERE d.total < 0),
                    coalesce(sum(d.total) FILTER (WHERE d.total < 0), 0)::bigint,
                    coalesce(sum(CASE WHEN d.total < 0 THEN -d.discount
                                      ELSE d.discount END), 0)::bigint
             FROM document d {joins} WHERE {TICKETS}
             GROUP BY 1 ORDER BY ({k}) COLLATE \"C\""
        );
        Ok(self
            .rows(&sql, "d", from, to)?
            .iter()
            .map(|r| TakingsRow {
                key: r.get(0),
                ttc: Money::from_cents(r.get(1)),
                ht: Money::from_cents(r.get(2)),
                vat: Money::from_cents(r.get(3)),
                sales: r.get(4),
                refunds: r.get(5),
                refunds_total: Money::from_cents(r.get(6)),
                discounts: Money::from_cents(r.get(7)),
            })
            .collect())
    }

    fn takings_by_rate(&mut self, from: &str, to: &str) -> Result<Vec<(i64, Money, Money, Money)>> {
        let sql = format!(
            "SELECT (v ->> 0)::bigint, sum((v ->> 1)::bigint)::bigint,
                    sum((v ->> 2)::bigint)::bigint, sum((v ->> 3)::bigint)::bigint
             FROM document d, jsonb_array_elements(d.vat) v WHERE {TICKETS}
             GROUP BY 1 ORDER BY 1 DESC"
        );
        Ok(self
            .rows(&sql, "d", from, to)?
            .iter()
            .map(|r| {
                (
                    r.get(0),
                    Money::from_cents(r.get(1)),
                    Money::from_cents(r.get(2)),
                    Money::from_cents(r.get(3)),
                )
            })
            .collect())
    }

    fn takings_by_payment(&mut self, from: &str, to: &str) -> Result<Vec<(String, String, Money)>> {
        let sql = format!(
            "SELECT t ->> 0, t ->> 1, sum((t ->> 2)::bigint)::bigint
             FROM document d, jsonb_array_elements(d.tenders) t WHERE {TICKETS}
             GROUP BY 1, 2 ORDER BY 3 DESC"
        );
        let mut rows: Vec<(String, String, Money)> = self
            .rows(&sql, "d", from, to)?
            .iter()
            .map(|r| (r.get(0), r.get(1), Money::from_cents(r.get(2))))
            .collect();
        let change: i64 = self
            .rows(
                &format!(
                    "SELECT coalesce(sum(d.change_given), 0)::bigint FROM document d
                     WHERE {TICKETS}"
                ),
                "d",
                from,
                to,
            )?
            .first()
            .map_or(0, |r| r.get(0));
        if let Some(cash) = rows.iter_mut().find(|(_, kind, _)| kind == "cash") {
            cash.2 = Money::from_cents(cash.2.cents() - change);
        }
        Ok(rows)
    }

    fn takings_by_category(&mut self, from: &str, to: &str) -> Result<Vec<CategoryRow>> {
        let sql = format!(
            "SELECT {PRODUCT}, category IS NULL, sum(ttc)::bigint, sum(quantity)::bigint,
                    coalesce(sum(grams), 0)::bigint
             FROM sale_line s WHERE business_date BETWEEN $1 AND $2 AND {{only}}
             GROUP BY 2, 1 ORDER BY 3 DESC"
        );
        Ok(self
            .rows(&sql, "s", from, to)?
            .iter()
            .map(|r| {
                (
                    r.get(0),
                    r.get(1),
                    Money::from_cents(r.get(2)),
                    r.get(3),
                    r.get(4),
                )
            })
            .collect())
    }

    fn proofs(&mut self, from: &str, to: &str) -> Result<Vec<(String, i64, Money)>> {
        Ok(self
            .rows(
                "SELECT d.detail, count(*), sum(d.total)::bigint FROM document d
                 WHERE d.kind = 'proof' AND NOT d.training
                   AND d.business_date BETWEEN $1 AND $2 AND {only}
                 GROUP BY 1 ORDER BY d.detail COLLATE \"C\"",
                "d",
                from,
                to,
            )?
            .iter()
            .map(|r| (r.get(0), r.get(1), Money::from_cents(r.get(2))))
            .collect())
    }

    fn has_open_sessions(&mut self, from: &str, to: &str) -> Result<bool> {
        Ok(self
            .rows(
                "SELECT EXISTS (
                    SELECT 1 FROM (SELECT d.installation, d.terminal, max(d.id) AS last
                                   FROM document d
                                   WHERE d.business_date BETWEEN $1 AND $2
                                     AND d.kind = 'ticket' AND NOT d.training AND {only}
                                   GROUP BY 1, 2) t
                    WHERE t.last > (SELECT coalesce(max(c.document_id), 0) FROM closing c
                                    WHERE c.installation = t.installation
                                      AND c.terminal = t.terminal AND c.kind = 'day'))",
                "d",
                from,
                to,
            )?
            .first()
            .is_some_and(|r| r.get(0)))
    }

    fn intakes(&mut self, from: &str, to: &str) -> Result<Intakes> {
        // The four groupings in one pass over the period's lines (found by their day).
        let rows = self.rows(
            "SELECT GROUPING(c.name, s.name, t.name, l.destination)::int,
                    coalesce(c.name, s.name, t.name, l.destination),
                    sum(l.net_g)::bigint
             FROM intake_line l
             JOIN intake i ON i.installation = l.installation AND i.id = l.intake_id
             JOIN category c ON c.installation = l.installation AND c.id = l.category_id
             JOIN intake_source s ON s.installation = i.installation AND s.id = i.source_id
             LEFT JOIN town t ON t.installation = i.installation AND t.id = i.town_id
             WHERE l.day BETWEEN $1 AND $2 AND {only}
               AND NOT EXISTS (SELECT 1 FROM intake r
                               WHERE r.installation = i.installation AND r.replaces = i.id)
             GROUP BY GROUPING SETS ((c.name), (s.name), (t.name), (l.destination))",
            "l",
            from,
            to,
        )?;
        let set = |bits: i32| -> Weighed {
            let mut out: Weighed = rows
                .iter()
                .filter(|r| r.get::<_, i32>(0) == bits)
                .map(|r| (r.get::<_, Option<String>>(1).unwrap_or_default(), r.get(2)))
                .collect();
            out.sort_by_key(|row| std::cmp::Reverse(row.1));
            out
        };
        // GROUPING's bits, first argument highest: 1 where a column is not grouped.
        Ok(Intakes {
            by_category: set(0b0111),
            by_source: set(0b1011),
            by_town: set(0b1101),
            by_destination: set(0b1110),
        })
    }

    fn outbound(&mut self, from: &str, to: &str) -> Result<(Weighed, Vec<RecipientRow>)> {
        let by_kind = self.weighed(
            &format!(
                "SELECT o.kind, sum(l.weight_g)::bigint {CURRENT_OUTBOUND}
                 GROUP BY 1 ORDER BY 2 DESC"
            ),
            "o",
            from,
            to,
        )?;
        let recipients = self
            .rows(
                &format!(
                    "SELECT o.kind, o.recipient, sum(l.weight_g)::bigint {CURRENT_OUTBOUND}
                     GROUP BY 1, 2 ORDER BY o.kind COLLATE \"C\", 3 DESC"
                ),
                "o",
                from,
                to,
            )?
            .iter()
            .map(|r| (r.get(0), r.get(1), r.get(2)))
            .collect();
        Ok((by_kind, recipients))
    }

    fn sold_grams(&mut self, from: &str, to: &str) -> Result<(i64, i64)> {
        Ok(self
            .rows(
                "SELECT coalesce(sum(grams) FILTER (WHERE NOT estimated), 0)::bigint,
                        coalesce(sum(grams) FILTER (WHERE estimated), 0)::bigint
                 FROM sale_line s WHERE business_date BETWEEN $1 AND $2 AND {only}",
                "s",
                from,
                to,
            )?
            .first()
            .map_or((0, 0), |r| (r.get(0), r.get(1))))
    }

    fn stock_by_age(&mut self, today: &str) -> Result<Vec<(i64, i64, i64)>> {
        Ok(self
            .rows(
                "SELECT CASE WHEN age <= 30 THEN 30 WHEN age <= 90 THEN 90
                             WHEN age <= 180 THEN 180 ELSE 9999 END::bigint,
                        count(*), sum(weight_g)::bigint
                 FROM (SELECT to_date($1, 'YYYY-MM-DD')
                              - to_date(substr(created_at, 1, 10), 'YYYY-MM-DD') AS age,
                              weight_g
                       FROM item i WHERE status = 'in_stock' AND $2 = $2 AND {only}) a
                 GROUP BY 1 ORDER BY 1",
                "i",
                today,
                today,
            )?
            .iter()
            .map(|r| (r.get(0), r.get(1), r.get(2)))
            .collect())
    }

    fn imported_takings(
        &mut self,
        _from: &str,
        _to: &str,
        _group: Group,
    ) -> Result<Vec<(String, i64, i64)>> {
        Ok(Vec::new())
    }

    fn imported_tonnage(&mut self, _from: &str, _to: &str) -> Result<ImportedTonnage> {
        Ok(ImportedTonnage::default())
    }
}
