//! The category tree: read by every screen, changed by a manager (each change a JET
//! settings event). A category is never deleted (sold lines and intakes point at it),
//! only disabled.

use super::{OpsError, Result, Session};
use crate::domain::{CategoryId, Role};
use crate::journal::events::EventCode;
use crate::storage::categories::{self, Category, CategoryDraft};
use crate::storage::{Store, Timestamp};

pub fn list(store: &mut Store) -> Result<Vec<Category>> {
    Ok(store.read(categories::list)?)
}

pub fn add(
    store: &mut Store,
    session: &Session,
    draft: &CategoryDraft,
    now: Timestamp,
) -> Result<CategoryId> {
    session.require(Role::Manager)?;
    let id = store.write(|tx| add_in(tx, session, draft, now))?;
    tracing::info!(by = %session.user(), category = %id, "category added");
    Ok(id)
}

/// Renames, moves or reweighs a category; refused if it would sit under itself.
pub fn update(
    store: &mut Store,
    session: &Session,
    id: CategoryId,
    draft: &CategoryDraft,
    now: Timestamp,
) -> Result<()> {
    session.require(Role::Manager)?;
    store.write(|tx| update_in(tx, session, id, draft, now))?;
    tracing::info!(by = %session.user(), category = %id, "category changed");
    Ok(())
}

/// What the till needs on a category, as a manager sets it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SaleSettings {
    pub vat: crate::domain::VatRate,
    pub default_price: Option<crate::domain::Money>,
    /// One or two letters, lower case; `None` for no shortcut.
    pub shortcut: Option<String>,
    pub guarantee: bool,
    /// Sold under the margin scheme for second-hand goods (CGI art. 297 A).
    pub margin_scheme: bool,
}

/// Sets the VAT rate, default price, shortcut and guarantee of category `id` (manager);
/// a shortcut another category or grid entry has is refused by name.
pub fn set_sale(
    store: &mut Store,
    session: &Session,
    id: CategoryId,
    sale: &SaleSettings,
    now: Timestamp,
) -> Result<()> {
    session.require(Role::Manager)?;
    store.write(|tx| set_sale_in(tx, session, id, sale, now))
}

/// Adds (`id` `None`) or changes a category and its till settings in one transaction:
/// a refused shortcut leaves nothing half-saved.
pub fn save(
    store: &mut Store,
    session: &Session,
    id: Option<CategoryId>,
    draft: &CategoryDraft,
    sale: &SaleSettings,
    now: Timestamp,
) -> Result<CategoryId> {
    session.require(Role::Manager)?;
    store.write(|tx| {
        let id = match id {
            Some(id) => {
                update_in(tx, session, id, draft, now)?;
                id
            }
            None => add_in(tx, session, draft, now)?,
        };
        set_sale_in(tx, session, id, sale, now)?;
        Ok(id)
    })
}

fn add_in(
    tx: &crate::storage::Tx,
    session: &Session,
    draft: &CategoryDraft,
    now: Timestamp,
) -> Result<CategoryId> {
    let id = categories::insert(tx, draft)?;
    session.note(
        tx,
        EventCode::SettingsChange,
        now,
        &format!("catégorie ajoutée « {} »", draft.name),
    )?;
    Ok(id)
}

fn update_in(
    tx: &crate::storage::Tx,
    session: &Session,
    id: CategoryId,
    draft: &CategoryDraft,
    now: Timestamp,
) -> Result<()> {
    if let Some(parent) = draft.parent_id
        && categories::ancestry(tx, parent)?.contains(&id)
    {
        return Err(OpsError::CategoryCycle);
    }
    categories::update(tx, id, draft)?;
    let weight = draft.unit_weight.map(|w| w.to_string()).unwrap_or_default();
    session.note(
        tx,
        EventCode::SettingsChange,
        now,
        &format!("catégorie {id} « {} » {weight}", draft.name),
    )
}

fn set_sale_in(
    tx: &crate::storage::Tx,
    session: &Session,
    id: CategoryId,
    sale: &SaleSettings,
    now: Timestamp,
) -> Result<()> {
    if let Some(shortcut) = &sale.shortcut
        && (shortcut.chars().count() > 2 || !shortcut.chars().all(char::is_alphabetic))
    {
        return Err(OpsError::ShortcutFormat(shortcut.clone()));
    }
    {
        crate::storage::till_catalogue::set_category_sale(
            tx,
            id,
            sale.vat,
            sale.default_price,
            sale.shortcut.as_deref(),
            sale.guarantee,
        )?;
        crate::storage::till_catalogue::set_margin_scheme(tx, id, sale.margin_scheme)?;
        session.note(
            tx,
            EventCode::SettingsChange,
            now,
            &format!(
                "catégorie {id} : TVA {}{}, prix {}, raccourci {}, garantie {}",
                sale.vat,
                if sale.margin_scheme { " (marge)" } else { "" },
                sale.default_price
                    .map(|p| p.to_string())
                    .unwrap_or_default(),
                sale.shortcut.as_deref().unwrap_or("—"),
                if sale.guarantee { "oui" } else { "non" }
            ),
        )
    }
}

pub fn set_active(
    store: &mut Store,
    session: &Session,
    id: CategoryId,
    active: bool,
    now: Timestamp,
) -> Result<()> {
    session.require(Role::Manager)?;
    store.write(|tx| {
        categories::set_active(tx, id, active)?;
        session.note(
            tx,
            EventCode::SettingsChange,
            now,
            &format!("catégorie {id} active={active}"),
        )
    })?;
    tracing::info!(by = %session.user(), category = %id, active, "category state changed");
    Ok(())
}
