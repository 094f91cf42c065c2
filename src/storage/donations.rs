//! Donations of money recorded beside their proofs, and the tax receipts that cover
//! them: numbered per year in the transaction that writes them, frozen once issued.

use super::{Result, StorageError, Tx, found};
use crate::domain::Money;
use crate::i18n::Msg;
use rusqlite::{OptionalExtension, params};

/// A donation of money as recorded beside its proof.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Donation {
    pub id: i64,
    pub document_id: i64,
    pub member: Option<i64>,
    pub donor_name: String,
    pub donor_address: String,
    pub amount: Money,
    pub day: String,
    pub method_kind: String,
    pub receipt_id: Option<i64>,
}

pub fn add_donation(tx: &Tx, d: &Donation) -> Result<i64> {
    tx.conn().execute(
        "INSERT INTO donation (document_id, member_number, donor_name, donor_address, amount,
             day, method_kind)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            d.document_id,
            d.member,
            d.donor_name,
            d.donor_address,
            d.amount.cents(),
            d.day,
            d.method_kind
        ],
    )?;
    Ok(tx.conn().last_insert_rowid())
}

const DONATION_COLUMNS: &str = "id, document_id, member_number, donor_name, donor_address,
    amount, day, method_kind, receipt_id";

fn donation_from_row(r: &rusqlite::Row) -> rusqlite::Result<Donation> {
    Ok(Donation {
        id: r.get(0)?,
        document_id: r.get(1)?,
        member: r.get(2)?,
        donor_name: r.get(3)?,
        donor_address: r.get(4)?,
        amount: Money::from_cents(r.get(5)?),
        day: r.get(6)?,
        method_kind: r.get(7)?,
        receipt_id: r.get(8)?,
    })
}

pub fn donation(tx: &Tx, id: i64) -> Result<Donation> {
    tx.conn()
        .query_row(
            &format!("SELECT {DONATION_COLUMNS} FROM donation WHERE id = ?1"),
            [id],
            donation_from_row,
        )
        .map_err(|e| StorageError::missing(e, Msg::ThingDonation))
}

/// The donation recorded beside proof `document_id`.
pub fn donation_of_document(tx: &Tx, document_id: i64) -> Result<Option<Donation>> {
    Ok(tx
        .conn()
        .query_row(
            &format!("SELECT {DONATION_COLUMNS} FROM donation WHERE document_id = ?1"),
            [document_id],
            donation_from_row,
        )
        .optional()?)
}

/// Member `number`'s donations of `year` (all of them when `None`), oldest first.
pub fn donations_of(tx: &Tx, number: i64, year: Option<i32>) -> Result<Vec<Donation>> {
    let mut stmt = tx.conn().prepare_cached(&format!(
        "SELECT {DONATION_COLUMNS} FROM donation
         WHERE member_number = ?1 AND (?2 IS NULL OR substr(day, 1, 4) = printf('%04d', ?2))
         ORDER BY day, id"
    ))?;
    let rows = stmt.query_map(params![number, year], donation_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Ties donations to the receipt that covers them.
pub fn set_receipt(tx: &Tx, donations: &[i64], receipt: i64) -> Result<()> {
    let mut stmt = tx.conn().prepare_cached(
        "UPDATE donation SET receipt_id = ?2 WHERE id = ?1 AND receipt_id IS NULL",
    )?;
    for id in donations {
        found(stmt.execute(params![id, receipt])?, Msg::ThingDonation)?;
    }
    Ok(())
}

/// A tax receipt as issued.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Receipt {
    pub id: i64,
    pub year: i32,
    pub number: i64,
    pub kind: String,
    pub amount: Money,
    pub issued_at: String,
    pub content: String,
    pub reprints: i64,
}

impl Receipt {
    /// Its number as printed: `2026-0007`.
    pub fn reference(&self) -> String {
        format!("{}-{:04}", self.year, self.number)
    }
}

/// Issues receipt number *next* of `year`: the numbering has no gap because the number
/// is read and written in the same write transaction (and is unique per year).
pub fn issue_receipt(
    tx: &Tx,
    year: i32,
    kind: &str,
    amount: Money,
    at: &str,
    content: &dyn Fn(i64) -> String,
) -> Result<Receipt> {
    let number: i64 = tx.conn().query_row(
        "SELECT ifnull(max(number), 0) + 1 FROM tax_receipt WHERE year = ?1",
        [year],
        |r| r.get(0),
    )?;
    let text = content(number);
    tx.conn().execute(
        "INSERT INTO tax_receipt (year, number, kind, amount, issued_at, content)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![year, number, kind, amount.cents(), at, text],
    )?;
    receipt(tx, tx.conn().last_insert_rowid())
}

pub fn receipt(tx: &Tx, id: i64) -> Result<Receipt> {
    tx.conn()
        .query_row(
            "SELECT id, year, number, kind, amount, issued_at, content, reprints
             FROM tax_receipt WHERE id = ?1",
            [id],
            |r| {
                Ok(Receipt {
                    id: r.get(0)?,
                    year: r.get(1)?,
                    number: r.get(2)?,
                    kind: r.get(3)?,
                    amount: Money::from_cents(r.get(4)?),
                    issued_at: r.get(5)?,
                    content: r.get(6)?,
                    reprints: r.get(7)?,
                })
            },
        )
        .map_err(|e| StorageError::missing(e, Msg::ThingReceipt))
}

/// The receipt n° `number` of `year`.
pub fn receipt_numbered(tx: &Tx, year: i32, number: i64) -> Result<Receipt> {
    let id: i64 = tx
        .conn()
        .query_row(
            "SELECT id FROM tax_receipt WHERE year = ?1 AND number = ?2",
            params![year, number],
            |r| r.get(0),
        )
        .map_err(|e| StorageError::missing(e, Msg::ThingReceipt))?;
    receipt(tx, id)
}

/// Counts a reprint (a duplicate); returns its number among the duplicates.
pub fn count_reprint(tx: &Tx, id: i64) -> Result<i64> {
    found(
        tx.conn().execute(
            "UPDATE tax_receipt SET reprints = reprints + 1 WHERE id = ?1",
            [id],
        )?,
        Msg::ThingReceipt,
    )?;
    Ok(receipt(tx, id)?.reprints)
}

/// When member `number`'s latest tax receipt was issued: the law keeps it six years,
/// and the donor's name with it.
pub fn last_receipt(tx: &Tx, number: i64) -> Result<Option<String>> {
    Ok(tx.conn().query_row(
        "SELECT max(r.issued_at) FROM tax_receipt r JOIN donation d ON d.receipt_id = r.id
         WHERE d.member_number = ?1",
        [number],
        |r| r.get(0),
    )?)
}

/// Member `number`'s tax receipts, as issued.
pub fn receipts_of(tx: &Tx, number: i64) -> Result<Vec<Receipt>> {
    let ids: Vec<i64> = tx
        .conn()
        .prepare_cached(
            "SELECT DISTINCT receipt_id FROM donation
             WHERE member_number = ?1 AND receipt_id IS NOT NULL ORDER BY receipt_id",
        )?
        .query_map([number], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    ids.into_iter().map(|id| receipt(tx, id)).collect()
}
