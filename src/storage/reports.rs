//! What the reports read: the tickets' lines copied at sale time (`sale_line`), the
//! documents' per-rate and per-method totals, the payment proofs, and the weighings of
//! the sorting bench — each grouped by the key a report asks for, over a date range.
//! Which groupings exist and what they mean is [`crate::reports`]'s business; here is
//! only how to read them fast.

use super::{Result, Tx};
use crate::domain::Money;
use rusqlite::params;

/// A ticket's line as the reports keep it.
#[derive(Clone, Copy, Debug)]
pub struct SaleLineFact<'a> {
    pub category: Option<&'a str>,
    pub label: &'a str,
    pub vat_rate: i64,
    pub quantity: i64,
    pub ttc: i64,
    pub grams: Option<i64>,
    pub estimated: bool,
    pub service: Option<&'a str>,
}

/// Writes a real ticket's lines for the reports (same transaction as the ticket).
pub fn add_sale_lines(
    tx: &Tx,
    document: i64,
    terminal: &str,
    date: &str,
    lines: &[SaleLineFact],
) -> Result<()> {
    let mut stmt = tx.conn().prepare_cached(
        "INSERT INTO sale_line (document_id, business_date, terminal, category, label, vat_rate,
                                quantity, ttc, grams, estimated, service)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    for l in lines {
        stmt.execute(params![
            document,
            date,
            terminal,
            l.category,
            l.label,
            l.vat_rate,
            l.quantity,
            l.ttc,
            l.grams,
            l.estimated,
            l.service
        ])?;
    }
    Ok(())
}

/// How rows are grouped over time, as SQL turns a `YYYY-MM-DD` date into its key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Day,
    /// ISO week, `YYYY-Www`.
    Week,
    Month,
    Year,
    Terminal,
    /// The point of sale of the ticket's terminal.
    Point,
    /// The site of that point of sale.
    Site,
    /// Everything in one row.
    All,
}

impl Key {
    pub(crate) fn sql(self, date: &str, terminal: &str) -> String {
        match self {
            Key::Day => date.to_owned(),
            // SQLite's %W is not ISO; the Thursday of the date's week gives the ISO year and
            // week (ISO 8601: a week belongs to the year of its Thursday).
            Key::Week => format!(
                "strftime('%Y', {date}, '-3 days', 'weekday 4') || '-S' ||
                 printf('%02d', (strftime('%j', {date}, '-3 days', 'weekday 4') - 1) / 7 + 1)"
            ),
            Key::Month => format!("substr({date}, 1, 7)"),
            Key::Year => format!("substr({date}, 1, 4)"),
            Key::Terminal => terminal.to_owned(),
            Key::Point => format!(
                "(SELECT p.name FROM terminal t JOIN point_of_sale p ON p.id = t.point_of_sale_id
                  WHERE t.code = {terminal})"
            ),
            Key::Site => format!(
                "(SELECT s.name FROM terminal t JOIN point_of_sale p ON p.id = t.point_of_sale_id
                  JOIN site s ON s.id = p.site_id WHERE t.code = {terminal})"
            ),
            Key::All => "''".to_owned(),
        }
    }
}

/// Takings of one group: real tickets (sales and refunds).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TakingsRow {
    pub key: String,
    pub ttc: Money,
    pub ht: Money,
    pub vat: Money,
    pub sales: i64,
    pub refunds: i64,
    pub refunds_total: Money,
    pub discounts: Money,
}

/// Takings grouped by `key` over `[from, to]`: TTC, HT and VAT from each ticket's own
/// per-rate totals (so they agree with the Zs to the cent), counts, refunds, discounts.
pub fn takings(tx: &Tx, from: &str, to: &str, key: Key) -> Result<Vec<TakingsRow>> {
    let k = key.sql("d.business_date", "d.terminal");
    let sql = format!(
        "SELECT {k}, sum(d.total),
                sum((SELECT sum(v.value ->> 2) FROM json_each(d.vat) v)),
                sum((SELECT sum(v.value ->> 3) FROM json_each(d.vat) v)),
                count(*) FILTER (WHERE d.total >= 0),
                count(*) FILTER (WHERE d.total < 0),
                ifnull(sum(d.total) FILTER (WHERE d.total < 0), 0),
                ifnull(sum(CASE WHEN d.total < 0 THEN -d.discount ELSE d.discount END), 0)
         FROM document d
         WHERE d.kind = 'ticket' AND d.training = 0 AND d.business_date BETWEEN ?1 AND ?2
         GROUP BY 1 ORDER BY 1"
    );
    let mut stmt = tx.conn().prepare_cached(&sql)?;
    let rows = stmt.query_map(params![from, to], |r| {
        Ok(TakingsRow {
            key: r.get(0)?,
            ttc: Money::from_cents(r.get(1)?),
            ht: Money::from_cents(r.get::<_, Option<i64>>(2)?.unwrap_or(0)),
            vat: Money::from_cents(r.get::<_, Option<i64>>(3)?.unwrap_or(0)),
            sales: r.get(4)?,
            refunds: r.get(5)?,
            refunds_total: Money::from_cents(r.get(6)?),
            discounts: Money::from_cents(r.get(7)?),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Takings per VAT rate over `[from, to]`: `(rate in basis points, TTC, HT, VAT)`.
pub fn takings_by_rate(tx: &Tx, from: &str, to: &str) -> Result<Vec<(i64, Money, Money, Money)>> {
    let mut stmt = tx.conn().prepare_cached(
        "SELECT v.value ->> 0, sum(v.value ->> 1), sum(v.value ->> 2), sum(v.value ->> 3)
         FROM document d, json_each(d.vat) v
         WHERE d.kind = 'ticket' AND d.training = 0 AND d.business_date BETWEEN ?1 AND ?2
         GROUP BY 1 ORDER BY 1 DESC",
    )?;
    let rows = stmt.query_map(params![from, to], |r| {
        Ok((
            r.get(0)?,
            Money::from_cents(r.get(1)?),
            Money::from_cents(r.get(2)?),
            Money::from_cents(r.get(3)?),
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Money received per payment method over `[from, to]` on real tickets: `(method, kind,
/// amount)`, the change given back taken off cash.
pub fn takings_by_payment(tx: &Tx, from: &str, to: &str) -> Result<Vec<(String, String, Money)>> {
    let mut stmt = tx.conn().prepare_cached(
        "SELECT t.value ->> 0, t.value ->> 1, sum(t.value ->> 2)
         FROM document d, json_each(d.tenders) t
         WHERE d.kind = 'ticket' AND d.training = 0 AND d.business_date BETWEEN ?1 AND ?2
         GROUP BY 1, 2 ORDER BY 3 DESC",
    )?;
    let mut rows: Vec<(String, String, Money)> = stmt
        .query_map(params![from, to], |r| {
            Ok((r.get(0)?, r.get(1)?, Money::from_cents(r.get(2)?)))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let change: i64 = tx
        .conn()
        .prepare_cached(
            "SELECT ifnull(sum(change_given), 0) FROM document
             WHERE kind = 'ticket' AND training = 0 AND business_date BETWEEN ?1 AND ?2",
        )?
        .query_row(params![from, to], |r| r.get(0))?;
    if let Some(cash) = rows.iter_mut().find(|(_, kind, _)| kind == "cash") {
        cash.2 = Money::from_cents(cash.2.cents() - change);
    }
    Ok(rows)
}

/// A line's category, or for a café line (no category) its product: the label without
/// the supplements the café adds in brackets (« Galette complète (+ œuf) » is a
/// « Galette complète »).
pub(super) const PRODUCT: &str = "CASE WHEN category IS NOT NULL THEN category
          WHEN instr(label, ' (+') > 0 THEN substr(label, 1, instr(label, ' (+') - 1)
          ELSE label END";

/// `(category or product, is a café product, TTC, quantity, grams)`.
pub type CategoryRow = (String, bool, Money, i64, i64);

/// `(outbound kind code, recipient, grams)`.
pub type RecipientRow = (String, String, i64);

/// Takings per shop category, or per café product (lines without a category), over
/// `[from, to]`: `(category or product, is a product, TTC, quantity, grams)`.
pub fn takings_by_category(tx: &Tx, from: &str, to: &str) -> Result<Vec<CategoryRow>> {
    let mut stmt = tx.conn().prepare_cached(&format!(
        "SELECT {PRODUCT}, category IS NULL, sum(ttc), sum(quantity),
                ifnull(sum(grams), 0)
         FROM sale_line WHERE business_date BETWEEN ?1 AND ?2
         GROUP BY 2, 1 ORDER BY 3 DESC"
    ))?;
    let rows = stmt.query_map(params![from, to], |r| {
        Ok((
            r.get(0)?,
            r.get(1)?,
            Money::from_cents(r.get(2)?),
            r.get(3)?,
            r.get(4)?,
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The payment proofs of `[from, to]` by kind (fees, donations, vouchers sold, floats…):
/// `(kind, count, amount)`.
pub fn proofs(tx: &Tx, from: &str, to: &str) -> Result<Vec<(String, i64, Money)>> {
    let mut stmt = tx.conn().prepare_cached(
        "SELECT detail, count(*), sum(total) FROM document
         WHERE kind = 'proof' AND training = 0 AND business_date BETWEEN ?1 AND ?2
         GROUP BY 1 ORDER BY 1",
    )?;
    let rows = stmt.query_map(params![from, to], |r| {
        Ok((r.get(0)?, r.get(1)?, Money::from_cents(r.get(2)?)))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Whether some ticket of `[from, to]` is in a session no Z has closed yet: the figures
/// are then provisional.
pub fn has_open_sessions(tx: &Tx, from: &str, to: &str) -> Result<bool> {
    // A terminal's session is open when its last ticket of the range comes after its last
    // Z: one probe per terminal, not per ticket.
    Ok(tx
        .conn()
        .prepare_cached(
            "SELECT EXISTS (
                SELECT 1 FROM (SELECT terminal, max(id) AS last FROM document
                               WHERE business_date BETWEEN ?1 AND ?2 AND kind = 'ticket'
                                 AND training = 0
                               GROUP BY terminal) t
                WHERE t.last > (SELECT ifnull(max(c.document_id), 0) FROM closing c
                                WHERE c.terminal = t.terminal AND c.kind = 'day'))",
        )?
        .query_row(params![from, to], |r| r.get(0))?)
}

/// Grams by a text key (a category, a source, a town, a kind of outbound flow).
pub type Weighed = Vec<(String, i64)>;

/// The current intakes of `[from, to]` (a corrected record counts once, as corrected):
/// grams by category, by source, by town, and by the destination chosen at the bench.
pub struct Intakes {
    pub by_category: Weighed,
    pub by_source: Weighed,
    pub by_town: Weighed,
    pub by_destination: Weighed,
}

const CURRENT_INTAKE: &str = "FROM intake i JOIN intake_line l ON l.intake_id = i.id
     WHERE i.day BETWEEN ?1 AND ?2
       AND NOT EXISTS (SELECT 1 FROM intake r WHERE r.replaces = i.id)";

fn weighed(tx: &Tx, sql: &str, from: &str, to: &str) -> Result<Weighed> {
    let mut stmt = tx.conn().prepare_cached(sql)?;
    let rows = stmt.query_map(params![from, to], |r| {
        Ok((
            r.get::<_, Option<String>>(0)?.unwrap_or_default(),
            r.get(1)?,
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn intakes(tx: &Tx, from: &str, to: &str) -> Result<Intakes> {
    Ok(Intakes {
        by_category: weighed(
            tx,
            &format!(
                "SELECT c.name, sum(l.net_g) {} GROUP BY 1 ORDER BY 2 DESC",
                CURRENT_INTAKE.replace("WHERE", "JOIN category c ON c.id = l.category_id WHERE")
            ),
            from,
            to,
        )?,
        by_source: weighed(
            tx,
            &format!(
                "SELECT s.name, sum(l.net_g) {} GROUP BY 1 ORDER BY 2 DESC",
                CURRENT_INTAKE.replace("WHERE", "JOIN intake_source s ON s.id = i.source_id WHERE")
            ),
            from,
            to,
        )?,
        by_town: weighed(
            tx,
            &format!(
                "SELECT t.name, sum(l.net_g) {} GROUP BY 1 ORDER BY 2 DESC",
                CURRENT_INTAKE.replace("WHERE", "LEFT JOIN town t ON t.id = i.town_id WHERE")
            ),
            from,
            to,
        )?,
        by_destination: weighed(
            tx,
            &format!(
                "SELECT l.destination, sum(l.net_g) {} GROUP BY 1 ORDER BY 2 DESC",
                CURRENT_INTAKE
            ),
            from,
            to,
        )?,
    })
}

/// The current outbound flows of `[from, to]`: grams by kind (donation, partner,
/// recycler, dump, bins, withdrawal) and by recipient within each kind.
pub fn outbound(tx: &Tx, from: &str, to: &str) -> Result<(Weighed, Vec<RecipientRow>)> {
    const CURRENT: &str = "FROM outbound o JOIN outbound_line l ON l.outbound_id = o.id
         WHERE o.day BETWEEN ?1 AND ?2
           AND NOT EXISTS (SELECT 1 FROM outbound r WHERE r.replaces = o.id)";
    let by_kind = weighed(
        tx,
        &format!("SELECT o.kind, sum(l.weight_g) {CURRENT} GROUP BY 1 ORDER BY 2 DESC"),
        from,
        to,
    )?;
    let mut stmt = tx.conn().prepare_cached(&format!(
        "SELECT o.kind, o.recipient, sum(l.weight_g) {CURRENT} GROUP BY 1, 2 ORDER BY 1, 3 DESC"
    ))?;
    let rows = stmt.query_map(params![from, to], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok((by_kind, rows.collect::<rusqlite::Result<_>>()?))
}

/// Grams sold over `[from, to]` (refunds taken off): `(measured, estimated)`.
pub fn sold_grams(tx: &Tx, from: &str, to: &str) -> Result<(i64, i64)> {
    Ok(tx
        .conn()
        .prepare_cached(
            "SELECT ifnull(sum(grams) FILTER (WHERE NOT estimated), 0),
                    ifnull(sum(grams) FILTER (WHERE estimated), 0)
             FROM sale_line WHERE business_date BETWEEN ?1 AND ?2",
        )?
        .query_row(params![from, to], |r| Ok((r.get(0)?, r.get(1)?)))?)
}

/// Labelled items in stock now: `(age bracket in days, items, grams)` with brackets
/// 0–30, 31–90, 91–180, over 180 (by the day they were labelled).
pub fn stock_by_age(tx: &Tx, today: &str) -> Result<Vec<(i64, i64, i64)>> {
    let mut stmt = tx.conn().prepare_cached(
        "SELECT CASE WHEN age <= 30 THEN 30 WHEN age <= 90 THEN 90
                     WHEN age <= 180 THEN 180 ELSE 9999 END,
                count(*), sum(weight_g)
         FROM (SELECT julianday(?1) - julianday(substr(created_at, 1, 10)) AS age, weight_g
               FROM item WHERE status = 'in_stock')
         GROUP BY 1 ORDER BY 1",
    )?;
    let rows = stmt.query_map(params![today], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Takings per category over `[from, to]` read from the tickets' payloads themselves
/// (every ticket's JSON lines), the way reports were read before `sale_line`: the
/// reference that `sale_line` must agree with, and the benchmark's baseline.
pub fn takings_by_category_from_payloads(
    tx: &Tx,
    from: &str,
    to: &str,
) -> Result<Vec<(String, Money)>> {
    let product = PRODUCT
        .replace("category", "l.value ->> 'category'")
        .replace("label", "l.value ->> 'label'");
    let mut stmt = tx.conn().prepare_cached(&format!(
        "SELECT {product}, sum(l.value ->> 'total')
         FROM document d, json_each(d.payload, '$.lines') l
         WHERE d.kind = 'ticket' AND d.training = 0 AND d.business_date BETWEEN ?1 AND ?2
         GROUP BY 1 ORDER BY 2 DESC"
    ))?;
    let rows = stmt.query_map(params![from, to], |r| {
        Ok((r.get(0)?, Money::from_cents(r.get(1)?)))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The questions the report definitions ask of a store of facts: this site's database
/// ([`Tx`]) or the central's consolidation of every site ([`super::central::CentralTx`]).
/// The definitions ([`crate::reports`]) build the same reports from either.
pub trait Facts {
    fn takings(&mut self, from: &str, to: &str, key: Key) -> Result<Vec<TakingsRow>>;
    fn takings_by_rate(&mut self, from: &str, to: &str) -> Result<Vec<(i64, Money, Money, Money)>>;
    fn takings_by_payment(&mut self, from: &str, to: &str) -> Result<Vec<(String, String, Money)>>;
    fn takings_by_category(&mut self, from: &str, to: &str) -> Result<Vec<CategoryRow>>;
    fn proofs(&mut self, from: &str, to: &str) -> Result<Vec<(String, i64, Money)>>;
    fn has_open_sessions(&mut self, from: &str, to: &str) -> Result<bool>;
    fn intakes(&mut self, from: &str, to: &str) -> Result<Intakes>;
    fn outbound(&mut self, from: &str, to: &str) -> Result<(Weighed, Vec<RecipientRow>)>;
    fn sold_grams(&mut self, from: &str, to: &str) -> Result<(i64, i64)>;
    fn stock_by_age(&mut self, today: &str) -> Result<Vec<(i64, i64, i64)>>;
    /// Oressource's imported sales (none at the central: the import stays on its site).
    fn imported_takings(
        &mut self,
        from: &str,
        to: &str,
        group: super::oressource::Group,
    ) -> Result<Vec<(String, i64, i64)>>;
    fn imported_tonnage(
        &mut self,
        from: &str,
        to: &str,
    ) -> Result<super::oressource::ImportedTonnage>;
}

impl Facts for &Tx<'_> {
    fn takings(&mut self, from: &str, to: &str, key: Key) -> Result<Vec<TakingsRow>> {
        takings(self, from, to, key)
    }
    fn takings_by_rate(&mut self, from: &str, to: &str) -> Result<Vec<(i64, Money, Money, Money)>> {
        takings_by_rate(self, from, to)
    }
    fn takings_by_payment(&mut self, from: &str, to: &str) -> Result<Vec<(String, String, Money)>> {
        takings_by_payment(self, from, to)
    }
    fn takings_by_category(&mut self, from: &str, to: &str) -> Result<Vec<CategoryRow>> {
        takings_by_category(self, from, to)
    }
    fn proofs(&mut self, from: &str, to: &str) -> Result<Vec<(String, i64, Money)>> {
        proofs(self, from, to)
    }
    fn has_open_sessions(&mut self, from: &str, to: &str) -> Result<bool> {
        has_open_sessions(self, from, to)
    }
    fn intakes(&mut self, from: &str, to: &str) -> Result<Intakes> {
        intakes(self, from, to)
    }
    fn outbound(&mut self, from: &str, to: &str) -> Result<(Weighed, Vec<RecipientRow>)> {
        outbound(self, from, to)
    }
    fn sold_grams(&mut self, from: &str, to: &str) -> Result<(i64, i64)> {
        sold_grams(self, from, to)
    }
    fn stock_by_age(&mut self, today: &str) -> Result<Vec<(i64, i64, i64)>> {
        stock_by_age(self, today)
    }
    fn imported_takings(
        &mut self,
        from: &str,
        to: &str,
        group: super::oressource::Group,
    ) -> Result<Vec<(String, i64, i64)>> {
        super::oressource::takings_in(self, from, to, group)
    }
    fn imported_tonnage(
        &mut self,
        from: &str,
        to: &str,
    ) -> Result<super::oressource::ImportedTonnage> {
        super::oressource::tonnage_in(self, from, to)
    }
}
