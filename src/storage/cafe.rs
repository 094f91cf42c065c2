//! The café's tables: the menu (products and their supplements) and the open orders with
//! their lines. An order line is added by one INSERT and changed by one UPDATE of its own
//! row, so two café terminals working on one order never overwrite each other's lines.

use super::time::to_text;
use super::{Result, StorageError, Timestamp, Tx, bad_value, found};
use crate::domain::cafe::{ServiceMode, Station, VatClass};
use crate::domain::{Money, Name};
use crate::i18n::Msg;
use rusqlite::{OptionalExtension, params};

/// A product of the menu.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Product {
    pub id: i64,
    pub name: Name,
    pub section: String,
    pub shortcut: Option<String>,
    /// TTC; for a « prix libre » product, the suggested price.
    pub price: Money,
    /// A « prix libre » product's minimum.
    pub min_price: Option<Money>,
    pub vat_class: VatClass,
    pub station: Station,
    pub available: bool,
}

/// A code in a row that this version does not know (a newer pépite wrote it).
pub(super) fn bad_code(column: usize, code: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        column,
        rusqlite::types::Type::Text,
        format!("« {code} »").into(),
    )
}

fn product_from_row(r: &rusqlite::Row) -> rusqlite::Result<Product> {
    let class: String = r.get(6)?;
    let station: String = r.get(7)?;
    Ok(Product {
        id: r.get(0)?,
        name: Name::parse(&r.get::<_, String>(1)?).map_err(|e| bad_value(1, e))?,
        section: r.get(2)?,
        shortcut: r.get(3)?,
        price: Money::from_cents(r.get(4)?),
        min_price: r.get::<_, Option<i64>>(5)?.map(Money::from_cents),
        vat_class: VatClass::from_code(&class).ok_or_else(|| bad_code(6, &class))?,
        station: Station::from_code(&station).ok_or_else(|| bad_code(7, &station))?,
        available: r.get(8)?,
    })
}

const PRODUCT_COLUMNS: &str =
    "id, name, section, shortcut, price, min_price, vat_class, station, available";

/// The columns a product is written with, in the order of the INSERTs below.
const PRODUCT_INSERT: &str = "INSERT INTO menu_product (name, section, shortcut, price, min_price,
                                                        vat_class, station, available)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";

fn product_values(p: &Product) -> impl rusqlite::Params + '_ {
    (
        p.name.as_str(),
        p.section.as_str(),
        p.shortcut.as_deref(),
        p.price.cents(),
        p.min_price.map(Money::cents),
        p.vat_class.code(),
        p.station.code(),
        p.available,
    )
}

/// Adds a product (its `id` is ignored) and returns its id. A name or shortcut already
/// taken is refused by name.
pub fn insert_product(tx: &Tx, p: &Product) -> Result<i64> {
    tx.conn()
        .prepare_cached(PRODUCT_INSERT)?
        .execute(product_values(p))
        .map_err(|e| StorageError::unique(e, p.name.as_str()))?;
    Ok(tx.conn().last_insert_rowid())
}

/// Adds a product or, when one has its name, changes it; returns its id.
pub fn upsert_product(tx: &Tx, p: &Product) -> Result<i64> {
    tx.conn()
        .prepare_cached(&format!(
            "{PRODUCT_INSERT}
             ON CONFLICT (name) DO UPDATE SET section = ?2, shortcut = ?3, price = ?4,
                 min_price = ?5, vat_class = ?6, station = ?7, available = ?8
             RETURNING id"
        ))?
        .query_row(product_values(p), |r| r.get(0))
        .map_err(|e| StorageError::unique(e, p.shortcut.as_deref().unwrap_or(p.name.as_str())))
}

/// Changes product `p.id` in place (its name, section, shortcut, prices, class, station):
/// lines already on open orders keep what they copied.
pub fn update_product(tx: &Tx, p: &Product) -> Result<()> {
    let changed = tx
        .conn()
        .execute(
            "UPDATE menu_product SET name = ?2, section = ?3, shortcut = ?4, price = ?5,
                 min_price = ?6, vat_class = ?7, station = ?8
             WHERE id = ?1",
            params![
                p.id,
                p.name.as_str(),
                p.section,
                p.shortcut,
                p.price.cents(),
                p.min_price.map(Money::cents),
                p.vat_class.code(),
                p.station.code()
            ],
        )
        .map_err(|e| StorageError::unique(e, p.shortcut.as_deref().unwrap_or(p.name.as_str())))?;
    found(changed, Msg::ThingProduct)
}

/// Adds a supplement or changes its price.
pub fn upsert_supplement(tx: &Tx, product: i64, name: &str, price: Money) -> Result<()> {
    tx.conn()
        .prepare_cached(
            "INSERT INTO menu_supplement (product_id, name, price) VALUES (?1, ?2, ?3)
             ON CONFLICT (product_id, name) DO UPDATE SET price = ?3",
        )?
        .execute(params![product, name, price.cents()])?;
    Ok(())
}

/// Switches a product on or off for today.
pub fn set_available(tx: &Tx, id: i64, available: bool) -> Result<()> {
    let changed = tx.conn().execute(
        "UPDATE menu_product SET available = ?2 WHERE id = ?1",
        params![id, available],
    )?;
    found(changed, Msg::ThingProduct)
}

/// The menu, by section then name.
pub fn products(tx: &Tx) -> Result<Vec<Product>> {
    let mut stmt = tx.conn().prepare_cached(&format!(
        "SELECT {PRODUCT_COLUMNS} FROM menu_product ORDER BY section, name"
    ))?;
    let rows = stmt.query_map([], product_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn product(tx: &Tx, id: i64) -> Result<Product> {
    tx.conn()
        .prepare_cached(&format!(
            "SELECT {PRODUCT_COLUMNS} FROM menu_product WHERE id = ?1"
        ))?
        .query_row([id], product_from_row)
        .map_err(|e| StorageError::missing(e, Msg::ThingProduct))
}

/// Adds a paid supplement to a product.
pub fn insert_supplement(tx: &Tx, product: i64, name: &str, price: Money) -> Result<i64> {
    tx.conn()
        .execute(
            "INSERT INTO menu_supplement (product_id, name, price) VALUES (?1, ?2, ?3)",
            params![product, name, price.cents()],
        )
        .map_err(|e| StorageError::unique(e, name))?;
    Ok(tx.conn().last_insert_rowid())
}

/// A product's supplements: `(name, price)`.
pub fn supplements(tx: &Tx, product: i64) -> Result<Vec<(String, Money)>> {
    let mut stmt = tx.conn().prepare_cached(
        "SELECT name, price FROM menu_supplement WHERE product_id = ?1 ORDER BY name",
    )?;
    let rows = stmt.query_map([product], |r| Ok((r.get(0)?, Money::from_cents(r.get(1)?))))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// An open order as the café's list shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Order {
    pub id: i64,
    pub label: String,
    pub is_table: bool,
    pub mode: ServiceMode,
    pub opened_at: Timestamp,
    /// What is left to pay (lines not cancelled, not paid).
    pub due: Money,
    /// Lines not sent to their station yet.
    pub unsent: i64,
    /// Being paid in this many equal parts, and how many are paid.
    pub split: Option<(i64, i64)>,
    /// Its station said « prêt » for every ticket sent (and at least one was).
    pub ready: bool,
}

/// Opens an order for table or name `label`; a label already open is refused by name.
pub fn open_order(
    tx: &Tx,
    label: &str,
    is_table: bool,
    mode: ServiceMode,
    by: &str,
    now: Timestamp,
) -> Result<i64> {
    tx.conn()
        .execute(
            "INSERT INTO cafe_order (label, is_table, mode, opened_at, opened_by)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![label, is_table, mode.code(), to_text(now), by],
        )
        .map_err(|e| StorageError::unique(e, label))?;
    Ok(tx.conn().last_insert_rowid())
}

const ORDER_SUMMARY: &str = "SELECT o.id, o.label, o.is_table, o.mode, o.opened_at,
        ifnull(sum(l.unit_price * l.quantity) FILTER (WHERE l.cancelled_at IS NULL AND l.paid_by IS NULL), 0),
        count(l.id) FILTER (WHERE l.sent_at IS NULL AND l.cancelled_at IS NULL AND l.station <> 'none'),
        o.split_parts, o.split_paid,
        (SELECT count(*) FILTER (WHERE k.ready_at IS NOT NULL) > 0
                AND count(*) FILTER (WHERE k.ready_at IS NULL) = 0
         FROM kitchen_ticket k WHERE k.order_id = o.id AND NOT k.cancellation)
     FROM cafe_order o LEFT JOIN cafe_order_line l ON l.order_id = o.id";

fn order_from_row(r: &rusqlite::Row) -> rusqlite::Result<Order> {
    let mode: String = r.get(3)?;
    Ok(Order {
        id: r.get(0)?,
        label: r.get(1)?,
        is_table: r.get(2)?,
        mode: ServiceMode::from_code(&mode).ok_or_else(|| bad_code(3, &mode))?,
        opened_at: {
            let text: String = r.get(4)?;
            super::time::from_text(&text).ok_or_else(|| bad_code(4, &text))?
        },
        due: Money::from_cents(r.get(5)?),
        unsent: r.get(6)?,
        split: r
            .get::<_, Option<i64>>(7)?
            .map(|parts| Ok::<_, rusqlite::Error>((parts, r.get(8)?)))
            .transpose()?,
        ready: r.get::<_, Option<bool>>(9)?.unwrap_or(false),
    })
}

/// The open orders, oldest first.
pub fn open_orders(tx: &Tx) -> Result<Vec<Order>> {
    let mut stmt = tx.conn().prepare_cached(&format!(
        "{ORDER_SUMMARY} WHERE o.closed_at IS NULL GROUP BY o.id ORDER BY o.id"
    ))?;
    let rows = stmt.query_map([], order_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// One open order.
pub fn order(tx: &Tx, id: i64) -> Result<Order> {
    tx.conn()
        .prepare_cached(&format!(
            "{ORDER_SUMMARY} WHERE o.id = ?1 AND o.closed_at IS NULL GROUP BY o.id"
        ))?
        .query_row([id], order_from_row)
        .map_err(|e| StorageError::missing(e, Msg::ThingOrder))
}

/// A line of an order, as added.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub id: i64,
    pub product_id: Option<i64>,
    pub name: String,
    /// The product's price with its supplements, TTC.
    pub unit_price: Money,
    pub vat_class: VatClass,
    pub station: Station,
    pub quantity: i64,
    pub mode: ServiceMode,
    pub supplements: String,
    pub note: String,
    pub added_by: String,
    pub sent: bool,
    pub cancelled: bool,
    /// Its « ANNULÉ » slip went out.
    pub cancel_sent: bool,
    pub paid: bool,
}

/// Adds a line to open order `order` (one INSERT: another terminal's lines are never
/// touched). Refused when the order is closed or gone.
pub fn add_line(tx: &Tx, order: i64, line: &Line, now: Timestamp) -> Result<i64> {
    let added = tx.conn().execute(
        "INSERT INTO cafe_order_line (order_id, product_id, name, unit_price, vat_class,
                                      station, quantity, mode, supplements, note,
                                      added_at, added_by)
         SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12
         WHERE EXISTS (SELECT 1 FROM cafe_order WHERE id = ?1 AND closed_at IS NULL)",
        params![
            order,
            line.product_id,
            line.name,
            line.unit_price.cents(),
            line.vat_class.code(),
            line.station.code(),
            line.quantity,
            line.mode.code(),
            line.supplements,
            line.note,
            to_text(now),
            line.added_by
        ],
    )?;
    if added == 0 {
        return Err(StorageError::NotFound(Msg::ThingOrder));
    }
    Ok(tx.conn().last_insert_rowid())
}

/// The lines of an order, in the order they were added.
pub fn lines(tx: &Tx, order: i64) -> Result<Vec<Line>> {
    let mut stmt = tx.conn().prepare_cached(
        "SELECT id, product_id, name, unit_price, vat_class, station, quantity, mode,
                supplements, note, added_by, sent_at IS NOT NULL, cancelled_at IS NOT NULL,
                paid_by IS NOT NULL, cancel_sent_at IS NOT NULL
         FROM cafe_order_line WHERE order_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([order], |r| {
        let class: String = r.get(4)?;
        let station: String = r.get(5)?;
        let mode: String = r.get(7)?;
        Ok(Line {
            id: r.get(0)?,
            product_id: r.get(1)?,
            name: r.get(2)?,
            unit_price: Money::from_cents(r.get(3)?),
            vat_class: VatClass::from_code(&class).ok_or_else(|| bad_code(4, &class))?,
            station: Station::from_code(&station).ok_or_else(|| bad_code(5, &station))?,
            quantity: r.get(6)?,
            mode: ServiceMode::from_code(&mode).ok_or_else(|| bad_code(7, &mode))?,
            supplements: r.get(8)?,
            note: r.get(9)?,
            added_by: r.get(10)?,
            sent: r.get(11)?,
            cancelled: r.get(12)?,
            paid: r.get(13)?,
            cancel_sent: r.get(14)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Marks lines sent to their station. Returns how many were still unsent (a line sent
/// by another terminal meanwhile is not sent twice).
pub fn mark_sent(tx: &Tx, ids: &[i64], now: Timestamp) -> Result<usize> {
    let mut stmt = tx.conn().prepare_cached(
        "UPDATE cafe_order_line SET sent_at = ?2
         WHERE id = ?1 AND sent_at IS NULL AND cancelled_at IS NULL",
    )?;
    let mut sent = 0;
    for id in ids {
        sent += stmt.execute(params![id, to_text(now)])?;
    }
    Ok(sent)
}

/// Removes an unpaid line: deleted while unsent, marked cancelled once sent (its station
/// must hear of it). Returns whether it had been sent.
pub fn remove_line(tx: &Tx, id: i64, now: Timestamp) -> Result<bool> {
    let sent: Option<bool> = tx
        .conn()
        .prepare_cached(
            "SELECT sent_at IS NOT NULL FROM cafe_order_line
             WHERE id = ?1 AND cancelled_at IS NULL AND paid_by IS NULL",
        )?
        .query_row([id], |r| r.get(0))
        .optional()?;
    match sent {
        None => Err(StorageError::NotFound(Msg::ThingOrderLine)),
        Some(false) => {
            tx.conn()
                .execute("DELETE FROM cafe_order_line WHERE id = ?1", [id])?;
            Ok(false)
        }
        Some(true) => {
            tx.conn().execute(
                "UPDATE cafe_order_line SET cancelled_at = ?2 WHERE id = ?1",
                params![id, to_text(now)],
            )?;
            Ok(true)
        }
    }
}

/// Changes the service mode of an unpaid line.
pub fn set_line_mode(tx: &Tx, id: i64, mode: ServiceMode) -> Result<()> {
    let changed = tx.conn().execute(
        "UPDATE cafe_order_line SET mode = ?2
         WHERE id = ?1 AND cancelled_at IS NULL AND paid_by IS NULL",
        params![id, mode.code()],
    )?;
    found(changed, Msg::ThingOrderLine)
}

/// Gives an open order another table number or name.
pub fn relabel(tx: &Tx, order: i64, label: &str, is_table: bool) -> Result<()> {
    let changed = tx
        .conn()
        .execute(
            "UPDATE cafe_order SET label = ?2, is_table = ?3 WHERE id = ?1 AND closed_at IS NULL",
            params![order, label, is_table],
        )
        .map_err(|e| StorageError::unique(e, label))?;
    found(changed, Msg::ThingOrder)
}

/// Moves every line of open order `from` onto open order `into`, and closes `from`.
pub fn merge(tx: &Tx, from: i64, into: i64, now: Timestamp) -> Result<()> {
    order(tx, into)?;
    order(tx, from)?;
    tx.conn().execute(
        "UPDATE cafe_order_line SET order_id = ?2 WHERE order_id = ?1",
        params![from, into],
    )?;
    tx.conn().execute(
        "UPDATE cafe_order SET closed_at = ?2 WHERE id = ?1",
        params![from, to_text(now)],
    )?;
    Ok(())
}

/// Marks the « ANNULÉ » slips of cancelled lines sent.
pub fn mark_cancel_sent(tx: &Tx, ids: &[i64], now: Timestamp) -> Result<()> {
    let mut stmt = tx.conn().prepare_cached(
        "UPDATE cafe_order_line SET cancel_sent_at = ?2
         WHERE id = ?1 AND cancelled_at IS NOT NULL AND cancel_sent_at IS NULL",
    )?;
    for id in ids {
        stmt.execute(params![id, to_text(now)])?;
    }
    Ok(())
}

/// Marks lines paid by document `doc`.
pub fn mark_paid(tx: &Tx, ids: &[i64], doc: i64) -> Result<()> {
    let mut stmt = tx.conn().prepare_cached(
        "UPDATE cafe_order_line SET paid_by = ?2 WHERE id = ?1 AND paid_by IS NULL",
    )?;
    for id in ids {
        stmt.execute(params![id, doc])?;
    }
    Ok(())
}

/// Records that an order is paid in `parts` equal parts, `paid` of them so far.
pub fn set_split(tx: &Tx, order: i64, parts: i64, paid: i64) -> Result<()> {
    let changed = tx.conn().execute(
        "UPDATE cafe_order SET split_parts = ?2, split_paid = ?3 WHERE id = ?1",
        params![order, parts, paid],
    )?;
    found(changed, Msg::ThingOrder)
}

/// Closes the order when nothing is left to pay; returns whether it closed.
pub fn close_if_paid(tx: &Tx, order: i64, now: Timestamp) -> Result<bool> {
    Ok(tx.conn().execute(
        "UPDATE cafe_order SET closed_at = ?2
         WHERE id = ?1 AND closed_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM cafe_order_line
                           WHERE order_id = ?1 AND cancelled_at IS NULL AND paid_by IS NULL)",
        params![order, to_text(now)],
    )? > 0)
}
