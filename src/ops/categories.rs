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
    let id = store.write(|tx| {
        let id = categories::insert(tx, draft)?;
        session.note(
            tx,
            EventCode::SettingsChange,
            now,
            &format!("catégorie ajoutée « {} »", draft.name),
        )?;
        Ok::<_, OpsError>(id)
    })?;
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
    store.write(|tx| {
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
    })?;
    tracing::info!(by = %session.user(), category = %id, "category changed");
    Ok(())
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
