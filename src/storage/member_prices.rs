//! Member prices: on shop categories and café products, and the member whose card was
//! scanned on a café order.

use super::{Result, Tx, found};
use crate::domain::Money;
use crate::i18n::Msg;
use rusqlite::{OptionalExtension, params};
/// Sets (or, `None`, takes off) the member price of shop category `name`.
pub fn set_category_member_price(tx: &Tx, name: &str, price: Option<Money>) -> Result<()> {
    let changed = tx.conn().execute(
        "UPDATE category SET member_price = ?2 WHERE name = ?1",
        params![name, price.map(Money::cents)],
    )?;
    found(changed, Msg::ThingCategory)
}

/// Sets (or takes off) the member price of café product `name`.
pub fn set_product_member_price(tx: &Tx, name: &str, price: Option<Money>) -> Result<()> {
    let changed = tx.conn().execute(
        "UPDATE menu_product SET member_price = ?2 WHERE name = ?1",
        params![name, price.map(Money::cents)],
    )?;
    found(changed, Msg::ThingProduct)
}

/// The member on café order `order`, if a card was scanned on it.
pub fn order_member(tx: &Tx, order: i64) -> Result<Option<i64>> {
    Ok(tx
        .conn()
        .query_row(
            "SELECT member_number FROM cafe_order WHERE id = ?1",
            [order],
            |r| r.get(0),
        )
        .optional()?
        .flatten())
}

/// Puts member `number` on café order `order` and gives its lines not yet paid the
/// member price of their product (their supplements kept); returns the lines changed.
pub fn set_order_member(tx: &Tx, order: i64, number: i64) -> Result<usize> {
    found(
        tx.conn().execute(
            "UPDATE cafe_order SET member_number = ?2 WHERE id = ?1 AND closed_at IS NULL",
            params![order, number],
        )?,
        Msg::ThingOrder,
    )?;
    Ok(tx.conn().execute(
        "UPDATE cafe_order_line
            SET unit_price = unit_price - p.price + p.member_price
           FROM menu_product p
          WHERE cafe_order_line.order_id = ?1 AND p.id = cafe_order_line.product_id
            AND p.member_price IS NOT NULL AND p.member_price < p.price
            AND cafe_order_line.paid_by IS NULL AND cafe_order_line.cancelled_at IS NULL
            AND cafe_order_line.unit_price >= p.price",
        [order],
    )?)
}

/// The member price of café product `product`.
pub fn product_member_price(tx: &Tx, product: i64) -> Result<Option<Money>> {
    Ok(tx
        .conn()
        .query_row(
            "SELECT member_price FROM menu_product WHERE id = ?1",
            [product],
            |r| r.get::<_, Option<i64>>(0),
        )
        .optional()?
        .flatten()
        .map(Money::from_cents))
}
