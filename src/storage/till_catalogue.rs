//! What the till sells without a label: categories with their VAT rate, default price,
//! shortcut and guarantee flag, and the price grid's entries with theirs.

use super::{Result, Tx, bad_value};
use crate::domain::{CategoryId, Money, VatRate, Weight};
use rusqlite::{OptionalExtension, params};

/// Something sold by a key: a category or a price-grid entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sellable {
    /// `None` for a category, the entry's id for a price-grid entry.
    pub entry_id: Option<i64>,
    pub category_id: CategoryId,
    pub category: String,
    /// The entry's name, or the category's.
    pub name: String,
    pub price: Option<Money>,
    pub unit_weight: Option<Weight>,
    pub shortcut: Option<String>,
    pub vat_rate: VatRate,
    pub guarantee: bool,
    /// Sold under the margin scheme for second-hand goods (no VAT shown).
    pub margin_scheme: bool,
    /// A category's price for a member whose valid card is on the ticket.
    pub member_price: Option<Money>,
}

fn from_row(r: &rusqlite::Row) -> rusqlite::Result<Sellable> {
    let price: Option<i64> = r.get(4)?;
    let weight: Option<i64> = r.get(5)?;
    Ok(Sellable {
        entry_id: r.get(0)?,
        category_id: CategoryId(r.get(1)?),
        category: r.get(2)?,
        name: r.get(3)?,
        price: price.map(Money::from_cents),
        unit_weight: weight
            .map(|g| Weight::from_grams(g).map_err(|e| bad_value(5, e)))
            .transpose()?,
        shortcut: r.get(6)?,
        vat_rate: VatRate::from_basis_points(r.get(7)?).map_err(|e| bad_value(7, e))?,
        guarantee: r.get(8)?,
        margin_scheme: r.get::<_, String>(11)? == "margin",
        member_price: r.get::<_, Option<i64>>(12)?.map(Money::from_cents),
    })
}

const SELLABLES: &str = "
    SELECT NULL, c.id, c.name, c.name, c.default_price, c.unit_weight_g, c.shortcut, c.vat_bp,
           c.guarantee, c.position, 0, c.vat_scheme, c.member_price
    FROM category c WHERE c.active = 1
    UNION ALL
    SELECT e.id, c.id, c.name, e.name, e.price, ifnull(e.unit_weight_g, c.unit_weight_g),
           e.shortcut, c.vat_bp, c.guarantee, c.position, 1, c.vat_scheme, NULL
    FROM price_entry e JOIN category c ON c.id = e.category_id
    WHERE e.active = 1 AND c.active = 1";

/// Every active category and price-grid entry, categories first, in their order.
pub fn sellables(tx: &Tx) -> Result<Vec<Sellable>> {
    let mut stmt = tx
        .conn()
        .prepare_cached(&format!("SELECT * FROM ({SELLABLES}) ORDER BY 11, 10, 4"))?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Refuses `shortcut` when a category or a price-grid entry other than the one being
/// saved already has it: one letter gives one thing at the till.
fn ensure_shortcut_free(
    tx: &Tx,
    shortcut: Option<&str>,
    category: Option<CategoryId>,
    entry: Option<i64>,
) -> Result<()> {
    let Some(shortcut) = shortcut.filter(|s| !s.is_empty()) else {
        return Ok(());
    };
    let owner: Option<String> = tx
        .conn()
        .prepare_cached(
            "SELECT name FROM category WHERE lower(shortcut) = lower(?1) AND id IS NOT ?2
             UNION ALL
             SELECT name FROM price_entry WHERE lower(shortcut) = lower(?1) AND id IS NOT ?3
             LIMIT 1",
        )?
        .query_row(params![shortcut, category.map(|c| c.0), entry], |r| {
            r.get(0)
        })
        .optional()?;
    match owner {
        Some(owner) => Err(super::StorageError::ShortcutTaken {
            shortcut: shortcut.to_owned(),
            owner,
        }),
        None => Ok(()),
    }
}

/// Sets what the till needs on a category.
pub fn set_category_sale(
    tx: &Tx,
    id: CategoryId,
    vat: VatRate,
    default_price: Option<Money>,
    shortcut: Option<&str>,
    guarantee: bool,
) -> Result<()> {
    ensure_shortcut_free(tx, shortcut, Some(id), None)?;
    tx.conn()
        .prepare_cached(
            "UPDATE category SET vat_bp = ?2, default_price = ?3, shortcut = ?4, guarantee = ?5
             WHERE id = ?1",
        )?
        .execute(params![
            id.0,
            vat.basis_points(),
            default_price.map(Money::cents),
            shortcut,
            guarantee
        ])?;
    Ok(())
}

/// A new price-grid entry.
pub fn insert_entry(
    tx: &Tx,
    category: CategoryId,
    name: &str,
    price: Money,
    unit_weight: Option<Weight>,
    shortcut: Option<&str>,
) -> Result<i64> {
    ensure_shortcut_free(tx, shortcut, None, None)?;
    tx.conn()
        .prepare_cached(
            "INSERT INTO price_entry (category_id, name, price, unit_weight_g, shortcut)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![
            category.0,
            name,
            price.cents(),
            unit_weight.map(Weight::grams),
            shortcut
        ])
        .map_err(|e| super::StorageError::unique(e, name))?;
    Ok(tx.conn().last_insert_rowid())
}

/// A price-grid entry as the CSV file holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GridEntry {
    pub category: String,
    pub name: String,
    pub price: Money,
    pub price_max: Option<Money>,
    pub unit_weight: Option<Weight>,
    pub shortcut: Option<String>,
}

/// Every active entry, by category then name.
pub fn grid(tx: &Tx) -> Result<Vec<GridEntry>> {
    let mut stmt = tx.conn().prepare_cached(
        "SELECT c.name, e.name, e.price, e.price_max, e.unit_weight_g, e.shortcut
         FROM price_entry e JOIN category c ON c.id = e.category_id
         WHERE e.active = 1 ORDER BY c.name, e.name",
    )?;
    let rows = stmt.query_map([], |r| {
        let weight: Option<i64> = r.get(4)?;
        Ok(GridEntry {
            category: r.get(0)?,
            name: r.get(1)?,
            price: Money::from_cents(r.get(2)?),
            price_max: r.get::<_, Option<i64>>(3)?.map(Money::from_cents),
            unit_weight: weight
                .map(|g| Weight::from_grams(g).map_err(|e| bad_value(4, e)))
                .transpose()?,
            shortcut: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Inserts the entry, or updates the one with the same category and name.
pub fn upsert_entry(tx: &Tx, category: CategoryId, entry: &GridEntry) -> Result<()> {
    let same: Option<i64> = tx
        .conn()
        .prepare_cached("SELECT id FROM price_entry WHERE category_id = ?1 AND name = ?2")?
        .query_row(params![category.0, entry.name], |r| r.get(0))
        .optional()?;
    ensure_shortcut_free(tx, entry.shortcut.as_deref(), None, same)?;
    tx.conn()
        .prepare_cached(
            "INSERT INTO price_entry (category_id, name, price, price_max, unit_weight_g, shortcut)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (category_id, name) DO UPDATE SET price = excluded.price,
                 price_max = excluded.price_max, unit_weight_g = excluded.unit_weight_g,
                 shortcut = excluded.shortcut, active = 1",
        )?
        .execute(params![
            category.0,
            entry.name,
            entry.price.cents(),
            entry.price_max.map(Money::cents),
            entry.unit_weight.map(Weight::grams),
            entry.shortcut
        ])
        .map_err(|e| {
            super::StorageError::unique(e, entry.shortcut.as_deref().unwrap_or(&entry.name))
        })?;
    Ok(())
}

/// A price-grid entry with its id, its category's id and whether it is offered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntryRow {
    pub id: i64,
    pub category_id: CategoryId,
    pub entry: GridEntry,
    pub active: bool,
}

/// Every entry, offered or not, by category then name.
pub fn entry_rows(tx: &Tx) -> Result<Vec<EntryRow>> {
    let mut stmt = tx.conn().prepare_cached(
        "SELECT e.id, e.category_id, c.name, e.name, e.price, e.price_max, e.unit_weight_g,
                e.shortcut, e.active
         FROM price_entry e JOIN category c ON c.id = e.category_id ORDER BY c.name, e.name",
    )?;
    let rows = stmt.query_map([], |r| {
        let weight: Option<i64> = r.get(6)?;
        Ok(EntryRow {
            id: r.get(0)?,
            category_id: CategoryId(r.get(1)?),
            entry: GridEntry {
                category: r.get(2)?,
                name: r.get(3)?,
                price: Money::from_cents(r.get(4)?),
                price_max: r.get::<_, Option<i64>>(5)?.map(Money::from_cents),
                unit_weight: weight
                    .map(|g| Weight::from_grams(g).map_err(|e| bad_value(6, e)))
                    .transpose()?,
                shortcut: r.get(7)?,
            },
            active: r.get(8)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Changes entry `id`.
pub fn update_entry(
    tx: &Tx,
    id: i64,
    category: CategoryId,
    entry: &GridEntry,
    active: bool,
) -> Result<()> {
    ensure_shortcut_free(tx, entry.shortcut.as_deref(), None, Some(id))?;
    tx.conn()
        .prepare_cached(
            "UPDATE price_entry SET category_id = ?2, name = ?3, price = ?4, price_max = ?5,
                 unit_weight_g = ?6, shortcut = ?7, active = ?8 WHERE id = ?1",
        )?
        .execute(params![
            id,
            category.0,
            entry.name,
            entry.price.cents(),
            entry.price_max.map(Money::cents),
            entry.unit_weight.map(Weight::grams),
            entry.shortcut,
            active
        ])
        .map_err(|e| {
            super::StorageError::unique(e, entry.shortcut.as_deref().unwrap_or(&entry.name))
        })?;
    Ok(())
}

/// Puts category `id` under the margin scheme for second-hand goods, or back under the
/// normal scheme.
pub fn set_margin_scheme(tx: &Tx, id: CategoryId, margin: bool) -> Result<()> {
    tx.conn()
        .prepare_cached("UPDATE category SET vat_scheme = ?2 WHERE id = ?1")?
        .execute(params![id.0, if margin { "margin" } else { "normal" }])?;
    Ok(())
}
