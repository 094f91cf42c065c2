//! The category tree: read by every screen, changed by a manager. A category is never
//! deleted (sold lines and intakes point at it), only disabled.

use super::{OpsError, Result, Session};
use crate::domain::{CategoryId, Role};
use crate::storage::Store;
use crate::storage::categories::{self, Category, CategoryDraft};

pub fn list(store: &mut Store) -> Result<Vec<Category>> {
    Ok(store.read(categories::list)?)
}

pub fn add(store: &mut Store, session: &Session, draft: &CategoryDraft) -> Result<CategoryId> {
    session.require(Role::Manager)?;
    let id = store.write(|tx| Ok::<_, OpsError>(categories::insert(tx, draft)?))?;
    tracing::info!(by = %session.user(), category = %id, "category added");
    Ok(id)
}

/// Renames, moves or reweighs a category; refused if it would sit under itself.
pub fn update(
    store: &mut Store,
    session: &Session,
    id: CategoryId,
    draft: &CategoryDraft,
) -> Result<()> {
    session.require(Role::Manager)?;
    store.write(|tx| {
        if let Some(parent) = draft.parent_id
            && categories::ancestry(tx, parent)?.contains(&id)
        {
            return Err(OpsError::CategoryCycle);
        }
        Ok(categories::update(tx, id, draft)?)
    })?;
    tracing::info!(by = %session.user(), category = %id, "category changed");
    Ok(())
}

pub fn set_active(
    store: &mut Store,
    session: &Session,
    id: CategoryId,
    active: bool,
) -> Result<()> {
    session.require(Role::Manager)?;
    store.write(|tx| Ok::<_, OpsError>(categories::set_active(tx, id, active)?))?;
    tracing::info!(by = %session.user(), category = %id, active, "category state changed");
    Ok(())
}
