//! The `item` table (labelled objects with an in-store EAN-13) and `sold_weight` (what
//! each sale took out of the shop, in grams).

use super::time::to_text;
use super::{Result, StorageError, Timestamp, Tx, bad_value};
use crate::domain::{CategoryId, Ean13, Money, PointOfSaleId, VatRate, Weight};
use crate::i18n::Msg;
use rusqlite::{OptionalExtension, params};

/// Where an item is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemStatus {
    InStock,
    Sold,
    Withdrawn,
}

impl ItemStatus {
    pub const fn code(self) -> &'static str {
        match self {
            ItemStatus::InStock => "in_stock",
            ItemStatus::Sold => "sold",
            ItemStatus::Withdrawn => "withdrawn",
        }
    }

    fn from_code(code: &str) -> Option<ItemStatus> {
        [ItemStatus::InStock, ItemStatus::Sold, ItemStatus::Withdrawn]
            .into_iter()
            .find(|s| s.code() == code)
    }
}

/// An item as the till needs it, with what its category says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub id: i64,
    pub code: Ean13,
    pub category_id: CategoryId,
    pub category: String,
    pub description: String,
    pub price: Money,
    pub weight: Weight,
    pub weight_estimated: bool,
    pub status: ItemStatus,
    pub status_at: Option<String>,
    /// The ticket that sold it: series and number.
    pub sold_by: Option<(String, i64)>,
    pub vat_rate: VatRate,
    pub guarantee: bool,
}

/// A new item.
pub struct NewItem<'a> {
    pub category_id: CategoryId,
    pub description: &'a str,
    pub price: Money,
    pub weight: Weight,
    pub weight_estimated: bool,
    pub point_of_sale: Option<PointOfSaleId>,
    pub created_at: Timestamp,
}

/// The serial the next item code takes.
pub fn next_serial(tx: &Tx) -> Result<u64> {
    let max: i64 = tx
        .conn()
        .prepare_cached("SELECT ifnull(max(id), 0) + 1 FROM item")?
        .query_row([], |r| r.get(0))?;
    Ok(u64::try_from(max).unwrap_or(1))
}

pub fn insert(tx: &Tx, code: &Ean13, item: &NewItem) -> Result<i64> {
    tx.conn()
        .prepare_cached(
            "INSERT INTO item (code, category_id, description, price, weight_g, weight_estimated,
                               point_of_sale_id, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?
        .execute(params![
            code.as_str(),
            item.category_id.0,
            item.description,
            item.price.cents(),
            item.weight.grams(),
            item.weight_estimated,
            item.point_of_sale.map(|p| p.0),
            to_text(item.created_at)
        ])
        .map_err(|e| StorageError::unique(e, code.as_str()))?;
    Ok(tx.conn().last_insert_rowid())
}

/// The item with `code`, whatever its status.
pub fn by_code(tx: &Tx, code: &str) -> Result<Option<Item>> {
    Ok(tx
        .conn()
        .prepare_cached(
            "SELECT i.id, i.code, i.category_id, c.name, i.description, i.price, i.weight_g,
                    i.weight_estimated, i.status, i.status_at, d.series, d.number, c.vat_bp,
                    c.guarantee
             FROM item i JOIN category c ON c.id = i.category_id
             LEFT JOIN document d ON d.id = i.document_id
             WHERE i.code = ?1",
        )?
        .query_row([code], |r| {
            let series: Option<String> = r.get(10)?;
            let number: Option<i64> = r.get(11)?;
            Ok(Item {
                id: r.get(0)?,
                code: Ean13::parse(&r.get::<_, String>(1)?).map_err(|e| bad_value(1, e))?,
                category_id: CategoryId(r.get(2)?),
                category: r.get(3)?,
                description: r.get(4)?,
                price: Money::from_cents(r.get(5)?),
                weight: Weight::from_grams(r.get(6)?).map_err(|e| bad_value(6, e))?,
                weight_estimated: r.get(7)?,
                status: ItemStatus::from_code(&r.get::<_, String>(8)?)
                    .unwrap_or(ItemStatus::Withdrawn),
                status_at: r.get(9)?,
                sold_by: series.zip(number),
                vat_rate: VatRate::from_basis_points(r.get(12)?).map_err(|e| bad_value(12, e))?,
                guarantee: r.get(13)?,
            })
        })
        .optional()?)
}

/// Moves an item from `from` to `to`, naming the document that did it. Fails when the
/// item is no longer in `from` (sold meanwhile at another till).
pub fn move_status(
    tx: &Tx,
    id: i64,
    from: ItemStatus,
    to: ItemStatus,
    document_id: Option<i64>,
    at: Timestamp,
) -> Result<()> {
    let changed = tx
        .conn()
        .prepare_cached(
            "UPDATE item SET status = ?3, document_id = ifnull(?4, document_id), status_at = ?5
             WHERE id = ?1 AND status = ?2",
        )?
        .execute(params![
            id,
            from.code(),
            to.code(),
            document_id,
            to_text(at)
        ])?;
    if changed == 0 {
        return Err(StorageError::NotFound(Msg::ThingItemInStock));
    }
    Ok(())
}

/// Records the weight a sale took out (negative on a refund).
pub fn record_sold_weight(
    tx: &Tx,
    document_id: i64,
    category_id: Option<i64>,
    item_id: Option<i64>,
    grams: i64,
    estimated: bool,
) -> Result<()> {
    tx.conn()
        .prepare_cached(
            "INSERT INTO sold_weight (document_id, category_id, item_id, grams, estimated)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![document_id, category_id, item_id, grams, estimated])?;
    Ok(())
}

/// Total grams sold by the documents of `terminal` on business date `date`:
/// `(measured, estimated)`.
pub fn sold_grams(tx: &Tx, terminal: &str, date: &str) -> Result<(i64, i64)> {
    Ok(tx
        .conn()
        .prepare_cached(
            "SELECT ifnull(sum(CASE WHEN w.estimated = 0 THEN w.grams END), 0),
                    ifnull(sum(CASE WHEN w.estimated = 1 THEN w.grams END), 0)
             FROM sold_weight w JOIN document d ON d.id = w.document_id
             WHERE d.terminal = ?1 AND d.business_date = ?2",
        )?
        .query_row([terminal, date], |r| Ok((r.get(0)?, r.get(1)?)))?)
}

/// How many items are in stock.
pub fn count_in_stock(tx: &Tx) -> Result<i64> {
    Ok(tx
        .conn()
        .prepare_cached("SELECT count(*) FROM item WHERE status = 'in_stock'")?
        .query_row([], |r| r.get(0))?)
}

/// Codes of some items in stock, newest first (the demo's hints, tests).
pub fn some_in_stock(tx: &Tx, limit: i64) -> Result<Vec<String>> {
    let mut stmt = tx.conn().prepare_cached(
        "SELECT code FROM item WHERE status = 'in_stock' ORDER BY id DESC LIMIT ?1",
    )?;
    let rows = stmt.query_map([limit], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
