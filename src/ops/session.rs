//! Who is at the keyboard: made by a good PIN, checked by every use-case. A session also
//! carries the installation key and the terminal it was opened on, so every change it
//! makes is written to the technical event journal (JET) in the change's transaction.

use super::{OpsError, Result};
use crate::domain::{Name, Role, Roles, UserId};
use crate::journal::InstallationKey;
use crate::journal::events::{self, EventCode};
use crate::storage::{Timestamp, Tx};
use std::fmt;
use std::sync::Arc;

/// A logged-in user. Its fields are private and it has no public constructor: only a
/// good PIN makes one.
#[derive(Clone)]
pub struct Session {
    user: UserId,
    name: Name,
    roles: Roles,
    key: Option<Arc<InstallationKey>>,
    terminal: String,
}

impl fmt::Debug for Session {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Session")
            .field("user", &self.user)
            .field("name", &self.name)
            .field("roles", &self.roles)
            .field("terminal", &self.terminal)
            .field("signs", &self.key.is_some())
            .finish()
    }
}

impl Session {
    pub(super) fn new(
        user: UserId,
        name: Name,
        roles: Roles,
        key: Option<Arc<InstallationKey>>,
        terminal: &str,
    ) -> Session {
        Session {
            user,
            name,
            roles,
            key,
            terminal: terminal.to_owned(),
        }
    }

    pub fn user(&self) -> UserId {
        self.user
    }

    pub fn name(&self) -> &Name {
        &self.name
    }

    pub fn roles(&self) -> Roles {
        self.roles
    }

    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(role)
    }

    /// The installation key, when this session may sign.
    /// The terminal the session was opened on (`cli` from the command line).
    pub fn terminal(&self) -> &str {
        &self.terminal
    }

    pub fn key(&self) -> Option<&InstallationKey> {
        self.key.as_deref()
    }

    /// Refuses unless the user holds `role`.
    pub fn require(&self, role: Role) -> Result<()> {
        if self.has(role) {
            Ok(())
        } else {
            tracing::warn!(user = %self.user, role = role.code(), "operation refused");
            Err(OpsError::Forbidden(role))
        }
    }

    /// Refuses unless the session holds one of `roles` (the first is named when refused).
    pub fn require_any(&self, roles: &[Role]) -> Result<()> {
        match roles.iter().find(|r| self.has(**r)) {
            Some(_) => Ok(()),
            None => self.require(roles.first().copied().unwrap_or(Role::Manager)),
        }
    }

    /// Writes a JET event for this session in the caller's transaction (nothing when the
    /// session has no key, as in unit tests of rights).
    pub(super) fn note(
        &self,
        tx: &Tx,
        code: EventCode,
        now: Timestamp,
        detail: &str,
    ) -> Result<()> {
        if let Some(key) = self.key() {
            events::record(
                tx,
                key,
                code,
                now,
                self.name.as_str(),
                &self.terminal,
                detail,
            )?;
        }
        Ok(())
    }
}
