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
    /// Its category is sold under the margin scheme for second-hand goods.
    pub margin_scheme: bool,
    /// When it entered stock (its label's week).
    pub created_at: String,
}

/// A new item.
pub struct NewItem<'a> {
    pub category_id: CategoryId,
    /// The intake it was sorted from, if any.
    pub intake: Option<i64>,
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
                               point_of_sale_id, created_at, intake_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?
        .execute(params![
            code.as_str(),
            item.category_id.0,
            item.description,
            item.price.cents(),
            item.weight.grams(),
            item.weight_estimated,
            item.point_of_sale.map(|p| p.0),
            to_text(item.created_at),
            item.intake
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
                    c.guarantee, i.created_at, c.vat_scheme
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
                created_at: r.get(14)?,
                margin_scheme: r.get::<_, String>(15)? == "margin",
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

/// Total grams sold by the documents of a span (a till session, a month):
/// `(measured, estimated)`.
pub fn sold_grams(tx: &Tx, span: &super::journal::Span) -> Result<(i64, i64)> {
    Ok(tx
        .conn()
        .prepare_cached(
            "SELECT ifnull(sum(CASE WHEN w.estimated = 0 THEN w.grams END), 0),
                    ifnull(sum(CASE WHEN w.estimated = 1 THEN w.grams END), 0)
             FROM sold_weight w JOIN document d ON d.id = w.document_id
             WHERE d.terminal = ?1 AND d.business_date BETWEEN ?2 AND ?3 AND d.id > ?4",
        )?
        .query_row(
            params![span.terminal, span.from, span.to, span.after],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?)
}

/// Codes of some items in stock, newest first (the demo's hints, tests).
pub fn some_in_stock(tx: &Tx, limit: i64) -> Result<Vec<String>> {
    let mut stmt = tx.conn().prepare_cached(
        "SELECT code FROM item WHERE status = 'in_stock' ORDER BY id DESC LIMIT ?1",
    )?;
    let rows = stmt.query_map([limit], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The point of sale an item is for sale at (its name), if it has one.
pub fn point_of_sale_of(tx: &Tx, code: &str) -> Result<Option<String>> {
    Ok(tx
        .conn()
        .prepare_cached(
            "SELECT p.name FROM item i JOIN point_of_sale p ON p.id = i.point_of_sale_id
             WHERE i.code = ?1",
        )?
        .query_row([code], |r| r.get(0))
        .optional()?)
}

/// Items in stock whose description holds `words` (case aside), newest first: the till
/// finds an item whose label fell off by its name. `(code, description, price)`.
pub fn search_in_stock(tx: &Tx, words: &str, limit: i64) -> Result<Vec<(String, String, Money)>> {
    let mut stmt = tx.conn().prepare_cached(
        "SELECT code, description, price FROM item
         WHERE status = 'in_stock' AND description LIKE '%' || ?1 || '%'
         ORDER BY id DESC LIMIT ?2",
    )?;
    let rows = stmt.query_map(params![words, limit], |r| {
        Ok((r.get(0)?, r.get(1)?, Money::from_cents(r.get(2)?)))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// What a list of items shows, and what a label needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemRow {
    pub id: i64,
    pub code: String,
    pub category: String,
    pub description: String,
    pub price: Money,
    pub weight_g: i64,
    pub weight_estimated: bool,
    pub status: ItemStatus,
    pub created_at: String,
    pub point_of_sale: Option<String>,
    pub label_printed: bool,
}

/// Which items to list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Words in the description or the code.
    pub text: String,
    pub status: Option<ItemStatus>,
    pub category: Option<CategoryId>,
    /// Entered before this time (`YYYY-MM-DD…`): older than an age.
    pub entered_before: Option<String>,
    pub point_of_sale: Option<PointOfSaleId>,
    /// Only items whose label was never printed.
    pub unprinted: bool,
    pub limit: i64,
}

const ROW: &str = "SELECT i.id, i.code, c.name, i.description, i.price, i.weight_g,
        i.weight_estimated, i.status, i.created_at, p.name, i.label_printed_at IS NOT NULL
    FROM item i JOIN category c ON c.id = i.category_id
    LEFT JOIN point_of_sale p ON p.id = i.point_of_sale_id";

fn row(r: &rusqlite::Row) -> rusqlite::Result<ItemRow> {
    Ok(ItemRow {
        id: r.get(0)?,
        code: r.get(1)?,
        category: r.get(2)?,
        description: r.get(3)?,
        price: Money::from_cents(r.get(4)?),
        weight_g: r.get(5)?,
        weight_estimated: r.get(6)?,
        status: ItemStatus::from_code(&r.get::<_, String>(7)?).unwrap_or(ItemStatus::Withdrawn),
        created_at: r.get(8)?,
        point_of_sale: r.get(9)?,
        label_printed: r.get(10)?,
    })
}

/// Items matching `filter`, newest first.
pub fn list(tx: &Tx, filter: &Filter) -> Result<Vec<ItemRow>> {
    let like = format!("%{}%", filter.text.trim());
    let mut stmt = tx.conn().prepare_cached(&format!(
        "{ROW}
         WHERE (?1 = '%%' OR i.description LIKE ?1 OR i.code LIKE ?1)
           AND (?2 IS NULL OR i.status = ?2)
           AND (?3 IS NULL OR i.category_id = ?3)
           AND (?4 IS NULL OR i.created_at < ?4)
           AND (?5 IS NULL OR i.point_of_sale_id = ?5)
           AND (?6 = 0 OR i.label_printed_at IS NULL)
         ORDER BY i.id DESC LIMIT ?7"
    ))?;
    let rows = stmt.query_map(
        params![
            like,
            filter.status.map(ItemStatus::code),
            filter.category.map(|c| c.0),
            filter.entered_before,
            filter.point_of_sale.map(|p| p.0),
            filter.unprinted,
            if filter.limit > 0 { filter.limit } else { 500 }
        ],
        row,
    )?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The items with these codes, in the order given; an unknown code is an error naming it.
pub fn rows_by_codes(tx: &Tx, codes: &[String]) -> Result<Vec<ItemRow>> {
    let mut stmt = tx
        .conn()
        .prepare_cached(&format!("{ROW} WHERE i.code = ?1"))?;
    codes
        .iter()
        .map(|code| {
            stmt.query_row([code], row)
                .optional()?
                .ok_or_else(|| StorageError::NotFound(Msg::ThingItem))
        })
        .collect()
}

/// Changes an unsold item's price and logs who did it.
pub fn set_price(tx: &Tx, id: i64, price: Money, user: &str, at: Timestamp) -> Result<()> {
    let old: Option<i64> = tx
        .conn()
        .prepare_cached("SELECT price FROM item WHERE id = ?1 AND status = 'in_stock'")?
        .query_row([id], |r| r.get(0))
        .optional()?;
    let old = old.ok_or(StorageError::NotFound(Msg::ThingItemInStock))?;
    tx.conn()
        .prepare_cached("UPDATE item SET price = ?2 WHERE id = ?1")?
        .execute(params![id, price.cents()])?;
    tx.conn()
        .prepare_cached(
            "INSERT INTO item_price_change (item_id, old_price, new_price, user_name, at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![id, old, price.cents(), user, to_text(at)])?;
    Ok(())
}

/// Price changes of an item: `(old, new, who)`, oldest first.
pub fn price_changes(tx: &Tx, id: i64) -> Result<Vec<(Money, Money, String)>> {
    let mut stmt = tx.conn().prepare_cached(
        "SELECT old_price, new_price, user_name FROM item_price_change WHERE item_id = ?1 ORDER BY rowid",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok((
            Money::from_cents(r.get(0)?),
            Money::from_cents(r.get(1)?),
            r.get(2)?,
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Marks labels printed.
pub fn mark_printed(tx: &Tx, ids: &[i64], at: Timestamp) -> Result<()> {
    let mut stmt = tx
        .conn()
        .prepare_cached("UPDATE item SET label_printed_at = ?2 WHERE id = ?1")?;
    for id in ids {
        stmt.execute(params![id, to_text(at)])?;
    }
    Ok(())
}

/// Items labelled on `day` (`YYYY-MM-DD`): created that day.
pub fn created_on(tx: &Tx, day: &str) -> Result<i64> {
    Ok(tx
        .conn()
        .prepare_cached("SELECT count(*) FROM item WHERE substr(created_at, 1, 10) = ?1")?
        .query_row([day], |r| r.get(0))?)
}
