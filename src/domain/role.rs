//! Roles a user may hold, and a set of them.

use super::{DomainError, Result};
use crate::i18n::Msg;
use std::fmt;

/// What a user may do. A user may hold several roles.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// Encadrant·e: opens and closes the till, manages users, prices, settings.
    Manager,
    /// Sells at the shop till.
    Cashier,
    /// Weighs, sorts, prices and labels at the sorting bench.
    Sorter,
    /// Takes orders at the café-crêperie.
    Cafe,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Manager, Role::Cashier, Role::Sorter, Role::Cafe];

    /// The stable code stored in the database and typed on the command line.
    pub const fn code(self) -> &'static str {
        match self {
            Role::Manager => "manager",
            Role::Cashier => "cashier",
            Role::Sorter => "sorter",
            Role::Cafe => "cafe",
        }
    }

    pub fn parse(code: &str) -> Result<Role> {
        let lower = code.trim().to_lowercase();
        Role::ALL
            .into_iter()
            .find(|r| r.code() == lower || r.label().text_in(crate::i18n::Lang::Fr) == lower)
            .ok_or_else(|| DomainError::RoleUnknown(code.to_owned()))
    }

    /// The word shown on screen.
    pub const fn label(self) -> Msg {
        match self {
            Role::Manager => Msg::RoleManager,
            Role::Cashier => Msg::RoleCashier,
            Role::Sorter => Msg::RoleSorter,
            Role::Cafe => Msg::RoleCafe,
        }
    }

    const fn bit(self) -> u8 {
        match self {
            Role::Manager => 1,
            Role::Cashier => 2,
            Role::Sorter => 4,
            Role::Cafe => 8,
        }
    }
}

/// A set of roles.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Roles(u8);

impl Roles {
    pub const fn empty() -> Roles {
        Roles(0)
    }

    pub fn with(self, role: Role) -> Roles {
        Roles(self.0 | role.bit())
    }

    pub fn without(self, role: Role) -> Roles {
        Roles(self.0 & !role.bit())
    }

    pub fn contains(self, role: Role) -> bool {
        self.0 & role.bit() != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn iter(self) -> impl Iterator<Item = Role> {
        Role::ALL.into_iter().filter(move |r| self.contains(*r))
    }

    /// Parses `cashier,sorter` (codes or French words), refusing an empty list.
    pub fn parse_list(input: &str) -> Result<Roles> {
        let roles = input
            .split([',', ' ', '+'])
            .filter(|s| !s.is_empty())
            .map(Role::parse)
            .collect::<Result<Vec<_>>>()?
            .into_iter()
            .collect::<Roles>();
        if roles.is_empty() {
            Err(DomainError::NoRole)
        } else {
            Ok(roles)
        }
    }
}

impl FromIterator<Role> for Roles {
    fn from_iter<I: IntoIterator<Item = Role>>(iter: I) -> Roles {
        iter.into_iter().fold(Roles::empty(), Roles::with)
    }
}

impl fmt::Display for Roles {
    /// The roles' words, comma-separated, in the process's language.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let words: Vec<&str> = self.iter().map(|r| r.label().text()).collect();
        f.pad(&words.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::case;

    #[test]
    fn role_lists() {
        let p = Roles::parse_list;
        case("cashier", p, Ok(Roles::empty().with(Role::Cashier)));
        case(
            "manager,cafe",
            p,
            Ok([Role::Manager, Role::Cafe].into_iter().collect()),
        );
        case(
            "encadrant tri",
            p,
            Ok([Role::Manager, Role::Sorter].into_iter().collect()),
        );
        case("", p, Err(DomainError::NoRole));
        case("boss", p, Err(DomainError::RoleUnknown("boss".into())));
    }

    #[test]
    fn set_operations() {
        let r = Roles::empty().with(Role::Cashier).with(Role::Cafe);
        assert!(r.contains(Role::Cafe) && !r.contains(Role::Manager));
        assert_eq!(
            r.without(Role::Cafe).iter().collect::<Vec<_>>(),
            vec![Role::Cashier]
        );
        assert!(Roles::empty().is_empty());
    }
}
