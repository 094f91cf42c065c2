//! The `category` table: the internal tree of kinds of objects, each with a default unit
//! weight used when a sold line is not weighed.

use super::{Result, StorageError, Tx, bad_value, found};
use crate::domain::{CategoryId, Money, Name, VatRate, Weight};
use crate::i18n::Msg;
use rusqlite::params;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Category {
    pub id: CategoryId,
    pub parent_id: Option<CategoryId>,
    pub name: Name,
    /// The weight of one object when it is not weighed.
    pub unit_weight: Option<Weight>,
    pub active: bool,
    pub position: i64,
    /// What the till needs: the VAT rate, a default price, the shortcut, and whether its
    /// goods are sold with a guarantee (the receipt then prints by itself).
    pub vat: VatRate,
    pub default_price: Option<Money>,
    pub shortcut: Option<String>,
    pub guarantee: bool,
    /// Sold under the margin scheme for second-hand goods.
    pub margin_scheme: bool,
}

/// What a manager sets on a category.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CategoryDraft {
    pub parent_id: Option<CategoryId>,
    pub name: Name,
    pub unit_weight: Option<Weight>,
}

pub fn insert(tx: &Tx, draft: &CategoryDraft) -> Result<CategoryId> {
    tx.conn()
        .execute(
            "INSERT INTO category (parent_id, name, unit_weight_g, position)
             VALUES (?1, ?2, ?3, (SELECT ifnull(max(position), 0) + 1 FROM category))",
            params![
                draft.parent_id.map(|p| p.0),
                draft.name.as_str(),
                draft.unit_weight.map(Weight::grams)
            ],
        )
        .map_err(|e| StorageError::unique(e, draft.name.as_str()))?;
    Ok(CategoryId(tx.conn().last_insert_rowid()))
}

pub fn update(tx: &Tx, id: CategoryId, draft: &CategoryDraft) -> Result<()> {
    let changed = tx
        .conn()
        .execute(
            "UPDATE category SET parent_id = ?2, name = ?3, unit_weight_g = ?4 WHERE id = ?1",
            params![
                id.0,
                draft.parent_id.map(|p| p.0),
                draft.name.as_str(),
                draft.unit_weight.map(Weight::grams)
            ],
        )
        .map_err(|e| StorageError::unique(e, draft.name.as_str()))?;
    found(changed, Msg::ThingCategory)
}

pub fn set_active(tx: &Tx, id: CategoryId, active: bool) -> Result<()> {
    let changed = tx.conn().execute(
        "UPDATE category SET active = ?2 WHERE id = ?1",
        params![id.0, active],
    )?;
    found(changed, Msg::ThingCategory)
}

/// Every category, parents before their children, siblings in their order.
pub fn list(tx: &Tx) -> Result<Vec<Category>> {
    let mut stmt = tx.conn().prepare_cached(
        "WITH RECURSIVE tree (id, sort_key) AS (
             SELECT id, printf('%08d', position) FROM category WHERE parent_id IS NULL
             UNION ALL
             SELECT c.id, t.sort_key || '/' || printf('%08d', c.position)
             FROM category c JOIN tree t ON c.parent_id = t.id
         )
         SELECT c.id, c.parent_id, c.name, c.unit_weight_g, c.active, c.position,
                c.vat_bp, c.default_price, c.shortcut, c.guarantee, c.vat_scheme
         FROM category c JOIN tree t ON t.id = c.id
         ORDER BY t.sort_key",
    )?;
    let rows = stmt.query_map([], |row| {
        let weight: Option<i64> = row.get(3)?;
        Ok(Category {
            id: CategoryId(row.get(0)?),
            parent_id: row.get::<_, Option<i64>>(1)?.map(CategoryId),
            name: Name::parse(&row.get::<_, String>(2)?).map_err(|e| bad_value(2, e))?,
            unit_weight: weight
                .map(|g| Weight::from_grams(g).map_err(|e| bad_value(3, e)))
                .transpose()?,
            active: row.get(4)?,
            position: row.get(5)?,
            vat: VatRate::from_basis_points(row.get(6)?).map_err(|e| bad_value(6, e))?,
            default_price: row.get::<_, Option<i64>>(7)?.map(Money::from_cents),
            shortcut: row.get(8)?,
            guarantee: row.get(9)?,
            margin_scheme: row.get::<_, String>(10)? == "margin",
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The ids from `id` up to its root, `id` first.
pub fn ancestry(tx: &Tx, id: CategoryId) -> Result<Vec<CategoryId>> {
    let mut stmt = tx.conn().prepare_cached(
        "WITH RECURSIVE up (id, parent_id, depth) AS (
             SELECT id, parent_id, 0 FROM category WHERE id = ?1
             UNION ALL
             SELECT c.id, c.parent_id, up.depth + 1 FROM category c JOIN up ON c.id = up.parent_id
             WHERE up.depth < 64
         )
         SELECT id FROM up ORDER BY depth",
    )?;
    let rows = stmt.query_map([id.0], |row| Ok(CategoryId(row.get(0)?)))?;
    let ids: Vec<CategoryId> = rows.collect::<rusqlite::Result<_>>()?;
    if ids.is_empty() {
        return Err(StorageError::NotFound(Msg::ThingCategory));
    }
    Ok(ids)
}

/// The id of the category named `name`, if there is one.
pub fn id_by_name(tx: &Tx, name: &str) -> Result<Option<crate::domain::CategoryId>> {
    use rusqlite::OptionalExtension;
    Ok(tx
        .conn()
        .prepare_cached("SELECT id FROM category WHERE name = ?1")?
        .query_row([name], |r| r.get(0))
        .optional()?
        .map(crate::domain::CategoryId))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::Store;

    fn draft(parent: Option<CategoryId>, name: &str, grams: Option<i64>) -> CategoryDraft {
        CategoryDraft {
            parent_id: parent,
            name: Name::parse(name).expect("name"),
            unit_weight: grams.map(|g| Weight::from_grams(g).expect("weight")),
        }
    }

    #[test]
    fn the_tree_lists_parents_before_children() {
        let mut store = Store::open_in_memory().expect("open");
        let (mobilier, livres, chaises) = store
            .write(|tx| {
                let mobilier = insert(tx, &draft(None, "Mobilier", Some(15_000)))?;
                let livres = insert(tx, &draft(None, "Livres", Some(400)))?;
                let chaises = insert(tx, &draft(Some(mobilier), "Chaises", Some(5_000)))?;
                Ok::<_, StorageError>((mobilier, livres, chaises))
            })
            .expect("insert");
        let names: Vec<String> = store
            .read(list)
            .expect("list")
            .into_iter()
            .map(|c| c.name.to_string())
            .collect();
        assert_eq!(names, ["Mobilier", "Chaises", "Livres"]);
        assert_eq!(
            store.read(|tx| ancestry(tx, chaises)).expect("up"),
            vec![chaises, mobilier]
        );
        assert_eq!(
            store.read(|tx| ancestry(tx, livres)).expect("up"),
            vec![livres]
        );
        let twin = store.write(|tx| insert(tx, &draft(Some(mobilier), "Chaises", None)));
        assert!(matches!(twin, Err(StorageError::Duplicate(_))));
        let cousin = store.write(|tx| insert(tx, &draft(Some(livres), "Chaises", None)));
        assert!(cousin.is_ok(), "same name under another parent is fine");
    }
}
