//! The journal's figures, read for the X, the Z, the reports and `verify`: the running
//! counters per terminal and rate, and the sums of a period's documents — VAT per rate,
//! payments per method, counts, proofs — plus the items and weights the tickets moved.
//! Re-exported by [`super::journal`], whose tables these queries read.

use super::{Result, Tx};
use crate::domain::{Money, PaymentKind, VatRate, VatTotal};
use rusqlite::params;

/// Adds a ticket's VAT totals to the terminal's running counters for business date
/// `date` (`YYYY-MM-DD`): a new day, month or year starts its counter from this ticket.
pub fn add_to_counters(tx: &Tx, terminal: &str, date: &str, vat: &[VatTotal]) -> Result<()> {
    let mut stmt = tx.conn().prepare_cached(
        "INSERT INTO counter (terminal, rate_bp, day, day_ttc, day_ht, day_vat,
                              month, month_ttc, month_ht, month_vat,
                              year, year_ttc, year_ht, year_vat, total_ttc, total_ht, total_vat)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, substr(?3, 1, 7), ?4, ?5, ?6, substr(?3, 1, 4), ?4, ?5, ?6, ?4, ?5, ?6)
         ON CONFLICT (terminal, rate_bp) DO UPDATE SET
             day_ttc = CASE WHEN day = excluded.day THEN day_ttc + ?4 ELSE ?4 END,
             day_ht = CASE WHEN day = excluded.day THEN day_ht + ?5 ELSE ?5 END,
             day_vat = CASE WHEN day = excluded.day THEN day_vat + ?6 ELSE ?6 END,
             day = excluded.day,
             month_ttc = CASE WHEN month = excluded.month THEN month_ttc + ?4 ELSE ?4 END,
             month_ht = CASE WHEN month = excluded.month THEN month_ht + ?5 ELSE ?5 END,
             month_vat = CASE WHEN month = excluded.month THEN month_vat + ?6 ELSE ?6 END,
             month = excluded.month,
             year_ttc = CASE WHEN year = excluded.year THEN year_ttc + ?4 ELSE ?4 END,
             year_ht = CASE WHEN year = excluded.year THEN year_ht + ?5 ELSE ?5 END,
             year_vat = CASE WHEN year = excluded.year THEN year_vat + ?6 ELSE ?6 END,
             year = excluded.year,
             total_ttc = total_ttc + ?4, total_ht = total_ht + ?5, total_vat = total_vat + ?6",
    )?;
    for v in vat {
        stmt.execute(params![
            terminal,
            v.rate.basis_points(),
            date,
            v.ttc.cents(),
            v.ht.cents(),
            v.vat.cents()
        ])?;
    }
    Ok(())
}

/// One row of the running counters, every period of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CounterRow {
    pub terminal: String,
    pub rate_bp: u32,
    pub day: String,
    pub month: String,
    pub year: String,
    /// `[ttc, ht, vat]` of the day, month, year and the perpetual grand total, in cents.
    pub day_sums: [i64; 3],
    pub month_sums: [i64; 3],
    pub year_sums: [i64; 3],
    pub total_sums: [i64; 3],
}

/// Every counter row, by terminal and rate.
pub fn all_counters(tx: &Tx) -> Result<Vec<CounterRow>> {
    let mut stmt = tx.conn().prepare(
        "SELECT terminal, rate_bp, day, month, year, day_ttc, day_ht, day_vat,
                month_ttc, month_ht, month_vat, year_ttc, year_ht, year_vat,
                total_ttc, total_ht, total_vat
         FROM counter ORDER BY terminal, rate_bp",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(CounterRow {
            terminal: r.get(0)?,
            rate_bp: r.get(1)?,
            day: r.get(2)?,
            month: r.get(3)?,
            year: r.get(4)?,
            day_sums: [r.get(5)?, r.get(6)?, r.get(7)?],
            month_sums: [r.get(8)?, r.get(9)?, r.get(10)?],
            year_sums: [r.get(11)?, r.get(12)?, r.get(13)?],
            total_sums: [r.get(14)?, r.get(15)?, r.get(16)?],
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Items that a ticket moved: `(code, status, document_id)` for every item sold, or put
/// back in stock or withdrawn after a sale.
pub fn item_marks(tx: &Tx) -> Result<Vec<(String, String, Option<i64>)>> {
    let mut stmt = tx.conn().prepare(
        "SELECT code, status, document_id FROM item
         WHERE status = 'sold' OR document_id IS NOT NULL ORDER BY id",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Sold weights per document: `(document_id, sum of grams, rows)`.
pub fn sold_weight_per_document(tx: &Tx) -> Result<Vec<(i64, i64, i64)>> {
    let mut stmt = tx.conn().prepare(
        "SELECT document_id, sum(grams), count(*) FROM sold_weight GROUP BY document_id ORDER BY 1",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Which running counter to read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period<'a> {
    /// A day (`YYYY-MM-DD`): empty unless it is the terminal's current day.
    Day(&'a str),
    Month(&'a str),
    Year(&'a str),
    /// The perpetual grand total.
    Perpetual,
}

fn vat_from_row(r: &rusqlite::Row) -> rusqlite::Result<(u32, i64, i64, i64)> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
}

fn to_vat_totals(rows: Vec<(u32, i64, i64, i64)>) -> Result<Vec<VatTotal>> {
    rows.into_iter()
        .map(|(bp, ttc, ht, vat)| {
            Ok(VatTotal {
                rate: VatRate::from_basis_points(bp)?,
                ttc: Money::from_cents(ttc),
                ht: Money::from_cents(ht),
                vat: Money::from_cents(vat),
            })
        })
        .collect()
}

/// A terminal's running counter for `period`, by rate (empty for a period that is not
/// the current one).
pub fn counter(tx: &Tx, terminal: &str, period: Period) -> Result<Vec<VatTotal>> {
    let (columns, filter, key) = match period {
        Period::Day(d) => ("day_ttc, day_ht, day_vat", "day = ?2", d),
        Period::Month(m) => ("month_ttc, month_ht, month_vat", "month = ?2", m),
        Period::Year(y) => ("year_ttc, year_ht, year_vat", "year = ?2", y),
        Period::Perpetual => ("total_ttc, total_ht, total_vat", "?2 = ''", ""),
    };
    let mut stmt = tx.conn().prepare_cached(&format!(
        "SELECT rate_bp, {columns} FROM counter WHERE terminal = ?1 AND {filter} ORDER BY rate_bp"
    ))?;
    let rows = stmt.query_map([terminal, key], vat_from_row)?;
    to_vat_totals(rows.collect::<rusqlite::Result<_>>()?)
}

/// What a period's figures read: a terminal's documents over a range of business dates,
/// written after document `after` — a till session is the documents of its date after the
/// previous Z; a month or year starts `after` at 0.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span<'a> {
    pub terminal: &'a str,
    pub from: &'a str,
    pub to: &'a str,
    pub after: i64,
}

/// The VAT totals of a terminal's real (not training) tickets over a span, by rate: the
/// sum of each ticket's own per-rate totals.
pub fn ticket_vat(tx: &Tx, span: &Span) -> Result<Vec<VatTotal>> {
    let mut stmt = tx.conn().prepare_cached(
        "SELECT v.value ->> 0, sum(v.value ->> 1), sum(v.value ->> 2), sum(v.value ->> 3)
         FROM document d, json_each(d.vat) v
         WHERE d.terminal = ?1 AND d.kind = 'ticket' AND d.training = 0
           AND d.business_date BETWEEN ?2 AND ?3 AND d.id > ?4
         GROUP BY 1 ORDER BY 1",
    )?;
    let rows = stmt.query_map(
        params![span.terminal, span.from, span.to, span.after],
        vat_from_row,
    )?;
    to_vat_totals(rows.collect::<rusqlite::Result<_>>()?)
}

/// Money taken per payment method over a span, real documents of one kind (`ticket` or
/// `proof`): `(method, kind, amount)`, change not deducted. Vouchers come in two rows,
/// those spent (positive) and those issued (negative), never netted.
pub fn tender_totals(
    tx: &Tx,
    span: &Span,
    document_kind: &str,
) -> Result<Vec<(String, PaymentKind, Money)>> {
    let mut stmt = tx.conn().prepare_cached(
        "SELECT t.value ->> 0, t.value ->> 1, sum(t.value ->> 2)
         FROM document d, json_each(d.tenders) t
         WHERE d.terminal = ?1 AND d.kind = ?4 AND d.training = 0
           AND d.business_date BETWEEN ?2 AND ?3 AND d.id > ?5
         GROUP BY 1, 2, CASE WHEN t.value ->> 1 = 'voucher' THEN (t.value ->> 2) < 0 ELSE 0 END
         ORDER BY min(d.id), 1",
    )?;
    let rows = stmt.query_map(
        params![span.terminal, span.from, span.to, document_kind, span.after],
        |r| {
            let kind: String = r.get(1)?;
            Ok((
                r.get::<_, String>(0)?,
                PaymentKind::from_code(&kind).unwrap_or(PaymentKind::Other),
                Money::from_cents(r.get(2)?),
            ))
        },
    )?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Counts and sums of a terminal's real documents over a date range.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PeriodStats {
    pub tickets: i64,
    pub refunds: i64,
    pub refunds_total: Money,
    pub discounts: Money,
    pub change_given: Money,
    pub duplicates: i64,
    pub drawer_openings: i64,
    pub first_ticket: Option<i64>,
    pub last_ticket: Option<i64>,
}

pub fn period_stats(tx: &Tx, span: &Span) -> Result<PeriodStats> {
    Ok(tx
        .conn()
        .prepare_cached(
            "SELECT
            count(*) FILTER (WHERE kind = 'ticket' AND total >= 0),
            count(*) FILTER (WHERE kind = 'ticket' AND total < 0),
            ifnull(sum(total) FILTER (WHERE kind = 'ticket' AND total < 0), 0),
            -- A refunded line gives its discount back: it is taken off, not added.
            ifnull(sum(CASE WHEN total < 0 THEN -discount ELSE discount END)
                   FILTER (WHERE kind = 'ticket'), 0),
            ifnull(sum(change_given), 0),
            count(*) FILTER (WHERE kind = 'duplicate'),
            count(*) FILTER (WHERE kind = 'proof' AND detail = 'drawer_opening'),
            min(number) FILTER (WHERE kind = 'ticket'),
            max(number) FILTER (WHERE kind = 'ticket')
         FROM document
         WHERE terminal = ?1 AND training = 0 AND business_date BETWEEN ?2 AND ?3 AND id > ?4",
        )?
        .query_row(
            params![span.terminal, span.from, span.to, span.after],
            |r| {
                Ok(PeriodStats {
                    tickets: r.get(0)?,
                    refunds: r.get(1)?,
                    refunds_total: Money::from_cents(r.get(2)?),
                    discounts: Money::from_cents(r.get(3)?),
                    change_given: Money::from_cents(r.get(4)?),
                    duplicates: r.get(5)?,
                    drawer_openings: r.get(6)?,
                    first_ticket: r.get(7)?,
                    last_ticket: r.get(8)?,
                })
            },
        )?)
}

/// The takings of a span's café lines by service mode (`on_site`, `takeaway`), from the
/// tickets' lines that carry one: `(mode, TTC)`.
pub fn service_totals(tx: &Tx, span: &Span) -> Result<Vec<(String, Money)>> {
    let mut stmt = tx.conn().prepare_cached(
        "SELECT l.value ->> 'service', sum(l.value ->> 'total')
         FROM document d, json_each(d.payload, '$.lines') l
         WHERE d.terminal = ?1 AND d.kind = 'ticket' AND d.training = 0
           AND d.business_date BETWEEN ?2 AND ?3 AND d.id > ?4
           AND l.value ->> 'service' IS NOT NULL
         GROUP BY 1 ORDER BY 1",
    )?;
    let rows = stmt.query_map(
        params![span.terminal, span.from, span.to, span.after],
        |r| Ok((r.get(0)?, Money::from_cents(r.get(1)?))),
    )?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// How many training tickets a terminal wrote over a span.
pub fn training_tickets(tx: &Tx, span: &Span) -> Result<i64> {
    Ok(tx
        .conn()
        .prepare_cached(
            "SELECT count(*) FROM document WHERE terminal = ?1 AND kind = 'ticket' AND training = 1
               AND business_date BETWEEN ?2 AND ?3 AND id > ?4",
        )?
        .query_row(
            params![span.terminal, span.from, span.to, span.after],
            |r| r.get(0),
        )?)
}

/// Payment proofs by kind over a span: `(kind, count, amount)`.
pub fn proof_totals(tx: &Tx, span: &Span) -> Result<Vec<(String, i64, Money)>> {
    let mut stmt = tx.conn().prepare_cached(
        "SELECT detail, count(*), sum(total) FROM document
         WHERE terminal = ?1 AND kind = 'proof' AND training = 0 AND business_date BETWEEN ?2 AND ?3
           AND id > ?4
         GROUP BY detail ORDER BY detail",
    )?;
    let rows = stmt.query_map(
        params![span.terminal, span.from, span.to, span.after],
        |r| Ok((r.get(0)?, r.get(1)?, Money::from_cents(r.get(2)?))),
    )?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
