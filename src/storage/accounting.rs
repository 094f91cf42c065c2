//! What the accounting export reads: the day closings (Z) of a range with the figures of
//! the session each closes — sales by category and rate, VAT by rate, money by payment
//! method, fees, donations and gift vouchers by method, the cash difference counted —
//! and the structure's own accounts.

use super::{Result, Tx};
use rusqlite::params;

/// One Z and the figures of the session it closes (amounts in cents).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClosedSession {
    pub terminal: String,
    pub business_date: String,
    pub z_series: String,
    pub z_number: i64,
    /// `(category, or the product for a café line; is a café line; rate bp; TTC)`.
    pub sales: Vec<(String, bool, i64, i64)>,
    /// `(rate bp, TTC, HT, VAT)`.
    pub vat: Vec<(i64, i64, i64, i64)>,
    /// Tickets' money by `(method, kind)`, change taken off cash.
    pub tenders: Vec<(String, String, i64)>,
    /// Proofs' money by `(proof kind, method, kind)`: fees, donations, gift vouchers.
    pub proofs: Vec<(String, String, String, i64)>,
    /// Cash counted less cash expected (negative: missing).
    pub cash_difference: i64,
}

/// The Zs whose business date is in `[from, to]`, oldest first, with their sessions.
pub fn closed_sessions(tx: &Tx, from: &str, to: &str) -> Result<Vec<ClosedSession>> {
    let mut zs = tx.conn().prepare_cached(
        "SELECT d.id, d.terminal, d.business_date, d.series, d.number,
                ifnull((SELECT sum(c.value ->> 'difference')
                        FROM json_each(d.payload, '$.cash_count.checks') c
                        WHERE c.value ->> 'kind' = 'cash'), 0),
                (SELECT ifnull(max(p.document_id), 0) FROM closing p
                 WHERE p.terminal = d.terminal AND p.kind = 'day' AND p.document_id < d.id)
         FROM closing z JOIN document d ON d.id = z.document_id
         WHERE z.kind = 'day' AND d.business_date BETWEEN ?1 AND ?2 AND d.training = 0
         ORDER BY d.business_date, d.terminal, d.id",
    )?;
    let heads: Vec<(i64, ClosedSession, i64)> = zs
        .query_map(params![from, to], |r| {
            Ok((
                r.get(0)?,
                ClosedSession {
                    terminal: r.get(1)?,
                    business_date: r.get(2)?,
                    z_series: r.get(3)?,
                    z_number: r.get(4)?,
                    cash_difference: r.get(5)?,
                    ..ClosedSession::default()
                },
                r.get(6)?,
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut out = Vec::with_capacity(heads.len());
    for (z, mut session, after) in heads {
        // Every document of a session carries its date: with it, each query below is a probe
        // of an index (terminal and date), not a scan of the terminal's whole history.
        let span = params![session.terminal, after, z, session.business_date];
        session.sales = tx
            .conn()
            .prepare_cached(&format!(
                "SELECT {PRODUCT}, category IS NULL, vat_rate, sum(ttc)
                 FROM sale_line WHERE business_date = ?4 AND terminal = ?1
                   AND document_id > ?2 AND document_id < ?3
                 GROUP BY 1, 2, 3 ORDER BY 2, 1, 3",
                PRODUCT = super::reports::PRODUCT
            ))?
            .query_map(span, |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<rusqlite::Result<_>>()?;
        session.vat = tx
            .conn()
            .prepare_cached(
                "SELECT v.value ->> 0, sum(v.value ->> 1), sum(v.value ->> 2), sum(v.value ->> 3)
                 FROM document d, json_each(d.vat) v
                 WHERE d.terminal = ?1 AND d.business_date = ?4 AND d.id > ?2 AND d.id < ?3
                   AND d.kind = 'ticket' AND d.training = 0
                 GROUP BY 1 ORDER BY 1 DESC",
            )?
            .query_map(span, |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut tenders: Vec<(String, String, i64)> = tx
            .conn()
            .prepare_cached(
                "SELECT t.value ->> 0, t.value ->> 1, sum(t.value ->> 2)
                 FROM document d, json_each(d.tenders) t
                 WHERE d.terminal = ?1 AND d.business_date = ?4 AND d.id > ?2 AND d.id < ?3
                   AND d.kind = 'ticket' AND d.training = 0
                 GROUP BY 1, 2 ORDER BY 1, 2",
            )?
            .query_map(span, |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let change: i64 = tx
            .conn()
            .prepare_cached(
                "SELECT ifnull(sum(change_given), 0) FROM document
                 WHERE terminal = ?1 AND business_date = ?4 AND id > ?2 AND id < ?3
                   AND kind = 'ticket' AND training = 0",
            )?
            .query_row(span, |r| r.get(0))?;
        if change != 0 {
            match tenders.iter_mut().find(|t| t.1 == "cash") {
                Some(cash) => cash.2 -= change,
                None => tenders.push(("Espèces".into(), "cash".into(), -change)),
            }
        }
        session.tenders = tenders;
        session.proofs = tx
            .conn()
            .prepare_cached(
                "SELECT d.detail, t.value ->> 0, t.value ->> 1, sum(t.value ->> 2)
                 FROM document d, json_each(d.tenders) t
                 WHERE d.terminal = ?1 AND d.business_date = ?4 AND d.id > ?2 AND d.id < ?3 AND d.kind = 'proof'
                   AND d.training = 0
                   AND d.detail IN ('membership_fee', 'donation', 'gift_voucher')
                 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3",
            )?
            .query_map(span, |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<rusqlite::Result<_>>()?;
        out.push(session);
    }
    Ok(out)
}

/// The accounts a manager set: `(kind, key, number, label)`.
pub fn accounts(tx: &Tx) -> Result<Vec<(String, String, String, String)>> {
    let mut stmt = tx
        .conn()
        .prepare_cached("SELECT kind, key, number, label FROM account ORDER BY kind, key")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Sets the account of `(kind, key)`.
pub fn set_account(tx: &Tx, kind: &str, key: &str, number: &str, label: &str) -> Result<()> {
    tx.conn().execute(
        "INSERT INTO account (kind, key, number, label) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (kind, key) DO UPDATE SET number = ?3, label = ?4",
        params![kind, key, number, label],
    )?;
    Ok(())
}
