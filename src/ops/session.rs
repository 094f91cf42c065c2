//! Who is at the keyboard: made by a good PIN, checked by every use-case.

use super::{OpsError, Result};
use crate::domain::{Name, Role, Roles, UserId};

/// A logged-in user. Its fields are private and it has no public constructor: only a
/// good PIN makes one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Session {
    user: UserId,
    name: Name,
    roles: Roles,
}

impl Session {
    pub(super) fn new(user: UserId, name: Name, roles: Roles) -> Session {
        Session { user, name, roles }
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

    /// Refuses unless the user holds `role`.
    pub fn require(&self, role: Role) -> Result<()> {
        if self.has(role) {
            Ok(())
        } else {
            tracing::warn!(user = %self.user, role = role.code(), "operation refused");
            Err(OpsError::Forbidden(role))
        }
    }
}
