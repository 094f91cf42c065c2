//! The structure's identity, its points of sale, terminals and payment methods: read by
//! anyone logged in, changed by a manager only.

use super::{OpsError, Result, Session};
use crate::domain::{
    Name, PaymentKind, PaymentMethodId, PointOfSaleId, PosKind, Role, TerminalCode,
};
use crate::journal::events::EventCode;
use crate::storage::payment_methods::{self, PaymentMethod};
use crate::storage::points_of_sale::{self, PointOfSale, Terminal};
use crate::storage::structure::{self, Identity, Site};
use crate::storage::{Store, Timestamp};

pub fn update_identity(
    store: &mut Store,
    session: &Session,
    identity: &Identity,
    now: Timestamp,
) -> Result<()> {
    session.require(Role::Manager)?;
    store.write(|tx| {
        structure::update(tx, identity)?;
        let siret = identity
            .siret
            .as_ref()
            .map(|s| s.to_string())
            .unwrap_or_default();
        session.note(
            tx,
            EventCode::SettingsChange,
            now,
            &format!(
                "identité « {} » SIRET {siret} TVA {}",
                identity.name,
                identity.vat_status.code()
            ),
        )
    })?;
    tracing::info!(by = %session.user(), "structure identity changed");
    Ok(())
}

pub fn sites(store: &mut Store) -> Result<Vec<Site>> {
    Ok(store.read(structure::list_sites)?)
}

pub fn points_of_sale(store: &mut Store) -> Result<Vec<PointOfSale>> {
    Ok(store.read(points_of_sale::list)?)
}

/// Adds a point of sale on the first site (a structure with several sites picks it on
/// the form once there are several).
pub fn add_point_of_sale(
    store: &mut Store,
    session: &Session,
    name: &Name,
    kind: PosKind,
    now: Timestamp,
) -> Result<PointOfSaleId> {
    session.require(Role::Manager)?;
    let id = store.write(|tx| {
        let site = structure::list_sites(tx)?
            .first()
            .map(|s| s.id)
            .ok_or(OpsError::NotInitialised)?;
        let id = points_of_sale::insert(tx, site, name, kind)?;
        session.note(
            tx,
            EventCode::SettingsChange,
            now,
            &format!("point de vente ajouté « {name} » ({})", kind.code()),
        )?;
        Ok::<_, OpsError>(id)
    })?;
    tracing::info!(by = %session.user(), pos = %id, "point of sale added");
    Ok(id)
}

pub fn update_point_of_sale(
    store: &mut Store,
    session: &Session,
    pos: &PointOfSale,
    now: Timestamp,
) -> Result<()> {
    session.require(Role::Manager)?;
    store.write(|tx| {
        points_of_sale::update(tx, pos)?;
        session.note(
            tx,
            EventCode::SettingsChange,
            now,
            &format!(
                "point de vente {} « {} » {} active={}",
                pos.id,
                pos.name,
                pos.kind.code(),
                pos.active
            ),
        )
    })?;
    tracing::info!(by = %session.user(), pos = %pos.id, "point of sale changed");
    Ok(())
}

pub fn terminals(store: &mut Store) -> Result<Vec<Terminal>> {
    Ok(store.read(points_of_sale::list_terminals)?)
}

/// The terminal this process runs as: the one asked for, or the first active one.
pub fn choose_terminal(
    store: &mut Store,
    wanted: Option<&TerminalCode>,
) -> Result<Option<(Terminal, PointOfSale)>> {
    store.read(|tx| {
        let terminal = match wanted {
            Some(code) => points_of_sale::find_terminal(tx, code)?.filter(|t| t.active),
            None => points_of_sale::list_terminals(tx)?
                .into_iter()
                .find(|t| t.active),
        };
        match terminal {
            Some(t) => {
                let pos = points_of_sale::get(tx, t.point_of_sale_id)?;
                Ok::<_, OpsError>(Some((t, pos)))
            }
            None => Ok(None),
        }
    })
}

/// Adds or changes a terminal; its point of sale must be active.
pub fn save_terminal(
    store: &mut Store,
    session: &Session,
    terminal: &Terminal,
    is_new: bool,
    now: Timestamp,
) -> Result<()> {
    session.require(Role::Manager)?;
    store.write(|tx| {
        let pos = points_of_sale::get(tx, terminal.point_of_sale_id)?;
        if !pos.active && terminal.active {
            return Err(OpsError::PointOfSaleInactive);
        }
        if is_new {
            points_of_sale::insert_terminal(tx, terminal)?;
        } else {
            points_of_sale::update_terminal(tx, terminal)?;
        }
        session.note(
            tx,
            EventCode::SettingsChange,
            now,
            &format!(
                "poste {} « {} » point de vente {} active={}",
                terminal.code, terminal.name, pos.name, terminal.active
            ),
        )
    })?;
    tracing::info!(by = %session.user(), terminal = %terminal.code, is_new, "terminal saved");
    Ok(())
}

pub fn payment_methods(store: &mut Store) -> Result<Vec<PaymentMethod>> {
    Ok(store.read(payment_methods::list)?)
}

pub fn add_payment_method(
    store: &mut Store,
    session: &Session,
    kind: PaymentKind,
    label: &Name,
    now: Timestamp,
) -> Result<PaymentMethodId> {
    session.require(Role::Manager)?;
    let id = store.write(|tx| {
        let id = payment_methods::insert(tx, kind, label)?;
        session.note(
            tx,
            EventCode::SettingsChange,
            now,
            &format!("moyen de paiement ajouté « {label} » ({})", kind.code()),
        )?;
        Ok::<_, OpsError>(id)
    })?;
    tracing::info!(by = %session.user(), method = %id, "payment method added");
    Ok(id)
}

/// Renames a payment method or turns it on or off.
pub fn update_payment_method(
    store: &mut Store,
    session: &Session,
    id: PaymentMethodId,
    label: &Name,
    active: bool,
    now: Timestamp,
) -> Result<()> {
    session.require(Role::Manager)?;
    store.write(|tx| {
        payment_methods::update(tx, id, label, active)?;
        session.note(
            tx,
            EventCode::SettingsChange,
            now,
            &format!("moyen de paiement {id} « {label} » active={active}"),
        )
    })?;
    tracing::info!(by = %session.user(), method = %id, active, "payment method changed");
    Ok(())
}
