//! The technical event journal (JET): start and stop, logins, rights and settings
//! changes, closings, exports, archives, reprints, integrity failures — a chain of its
//! own, hashed and signed like the documents.

use super::chain::{self, GENESIS};
use super::document::{canonical, move_head};
use super::{InstallationKey, JournalError, SOFTWARE};
use crate::storage::journal::{self as store, Chain, NewEvent};
use crate::storage::{Timestamp, Tx};
use serde_json::json;

/// What happened. The code is what the JET stores (stable across versions).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventCode {
    Start,
    Stop,
    Login,
    LoginFailed,
    Logout,
    UserChange,
    RightsChange,
    /// Training mode switched on or off at a till.
    Training,
    /// The drawer opened without a sale, or money put in or taken out.
    Drawer,
    /// A Z closed with a difference between what was counted and what was expected.
    CashDifference,
    /// The clock found behind the journal: at a start, or a document refused for it.
    Clock,
    SettingsChange,
    Closing,
    Export,
    Archive,
    /// A backup put back on purpose by a manager: what it lost is in the detail.
    Restore,
    Reprint,
    IntegrityFailure,
    /// The installation key exported, put back, or found missing.
    Key,
    SoftwareVersion,
}

impl EventCode {
    /// A short stable code, numbered like the usual JET tables.
    pub const fn code(self) -> &'static str {
        match self {
            EventCode::Start => "10-DEMARRAGE",
            EventCode::Stop => "20-ARRET",
            EventCode::Login => "30-CONNEXION",
            EventCode::LoginFailed => "35-ECHEC-CONNEXION",
            EventCode::Logout => "40-DECONNEXION",
            EventCode::UserChange => "50-UTILISATEUR",
            EventCode::RightsChange => "55-DROITS",
            EventCode::Training => "57-MODE-ECOLE",
            EventCode::Drawer => "65-TIROIR",
            EventCode::CashDifference => "75-ECART-CAISSE",
            EventCode::Clock => "67-HORLOGE",
            EventCode::SettingsChange => "60-PARAMETRES",
            EventCode::Closing => "70-CLOTURE",
            EventCode::Export => "80-EXPORT",
            EventCode::Archive => "85-ARCHIVE",
            EventCode::Restore => "87-RESTAURATION",
            EventCode::Reprint => "90-DUPLICATA",
            EventCode::IntegrityFailure => "95-INTEGRITE",
            EventCode::Key => "97-CLE",
            EventCode::SoftwareVersion => "99-VERSION",
        }
    }
}

/// Appends an event to the JET in the caller's transaction.
pub fn record(
    tx: &Tx,
    key: &InstallationKey,
    code: EventCode,
    at: Timestamp,
    user: &str,
    terminal: &str,
    detail: &str,
) -> Result<i64, JournalError> {
    let payload = canonical(&json!({
        "code": code.code(),
        "at": at.to_rfc3339(),
        "user": user,
        "terminal": terminal,
        "detail": detail,
        "software": SOFTWARE,
    }));
    let head = store::head(tx, Chain::Events)?;
    let prev_hash = head
        .as_ref()
        .map_or(GENESIS, |h| h.hash.as_str())
        .to_owned();
    let hash = chain::hash(&prev_hash, &payload);
    let id = store::insert_event(
        tx,
        &NewEvent {
            code: code.code(),
            at,
            user,
            terminal,
            detail,
            payload: &payload,
            prev_hash: &prev_hash,
            hash: &hash,
        },
    )?;
    move_head(tx, key, Chain::Events, head, id, &hash)?;
    Ok(id)
}
