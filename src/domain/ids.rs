//! Typed ids, so a user id is never passed where a category id is expected.

use super::{DomainError, Result};
use std::fmt;

macro_rules! row_id {
    ($($(#[$doc:meta])* $name:ident;)*) => {$(
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub i64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    )*};
}

row_id! {
    /// A person who logs in.
    UserId;
    /// A node of the category tree.
    CategoryId;
    /// A shop, café or event where tickets are made.
    PointOfSaleId;
    /// A place of the structure (a building with its scale).
    SiteId;
    /// A way to pay (cash, card …).
    PaymentMethodId;
}

/// A terminal's code, e.g. `caisse-1`: ASCII letters, digits and dashes, 1 to 16 long.
/// It names the fiscal series of the terminal, so it never changes once used.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TerminalCode(String);

impl TerminalCode {
    pub fn parse(input: &str) -> Result<TerminalCode> {
        let code = input.trim();
        let ok = (1..=16).contains(&code.len())
            && code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            && !code.starts_with('-');
        if ok {
            Ok(TerminalCode(code.to_ascii_lowercase()))
        } else {
            Err(DomainError::TerminalCode(input.to_owned()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for TerminalCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::case;

    #[test]
    fn terminal_codes() {
        let ok = |s: &str| Ok(TerminalCode(s.to_owned()));
        let bad = |s: &str| Err(DomainError::TerminalCode(s.to_owned()));
        case("caisse-1", TerminalCode::parse, ok("caisse-1"));
        case(" Cafe ", TerminalCode::parse, ok("cafe"));
        case("", TerminalCode::parse, bad(""));
        case("-x", TerminalCode::parse, bad("-x"));
        case("caisse 1", TerminalCode::parse, bad("caisse 1"));
        case("café", TerminalCode::parse, bad("café"));
        case(
            "abcdefghijklmnopq",
            TerminalCode::parse,
            bad("abcdefghijklmnopq"),
        );
    }
}
